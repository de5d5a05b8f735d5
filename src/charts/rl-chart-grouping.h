/* rl-chart-grouping.h — analytic grouping as a histogram with group means
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-chart.h"

G_BEGIN_DECLS

/* Groups of the factor indicator [lower, upper) as bars of height n (left
 * axis), the mean of the result indicator per group as a line with dots
 * (right axis), and η², η and the Chaddock words in the caption. Groups with
 * non-finite or reversed bounds are left out. */
typedef struct
{
  guint         n_groups;
  const double *lower;
  const double *upper;
  const guint  *count;
  const double *mean;        /* n_groups values, or NULL; NaN for an empty group */
  double        eta2;        /* NaN: not shown */
  double        eta;         /* NaN: √η² */
  const char   *chaddock;    /* e.g. "strong", or NULL */
  const char   *title;
  const char   *x_title;     /* the factor with units */
  const char   *mean_title;  /* the result with units */
} RlChartGrouping;

/* Zeroes @chart and sets eta2 and eta to NaN. */
void rl_chart_grouping_init (RlChartGrouping       *chart);
void rl_chart_grouping_draw (cairo_t               *cr,
                             int                    width,
                             int                    height,
                             const RlChartGrouping *chart,
                             const RlChartStyle    *style);
/* The group whose bar column is under (@x, @y), or −1. */
int  rl_chart_grouping_pick (const RlChartGrouping *chart,
                             const RlChartStyle    *style,
                             int                    width,
                             int                    height,
                             double                 x,
                             double                 y);
/* The boxes (RlChartBox) of the count labels the draw function paints above
 * the bars at @width × @height, and the plot rectangle in @plot (may be NULL).
 * Free with g_array_unref(). */
GArray *rl_chart_grouping_count_boxes (const RlChartGrouping *chart,
                                       const RlChartStyle    *style,
                                       int                    width,
                                       int                    height,
                                       RlChartBox            *plot);

G_END_DECLS
