/* rl-chart-scatter.h — scatter plot of two indicators or principal components
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-chart.h"
#include "rl-chart-axes.h"

G_BEGIN_DECLS

/* Points (x[i], y[i]); rows with a NaN coordinate are not drawn. With
 * @cluster, each point takes its cluster's categorical colour and a legend is
 * shown. Labels are drawn for the points flagged in @show_label, or, when it
 * is NULL, for all points when there are at most 40 and else for the selected
 * ones; labels that would overlap another label are left out (selected first). */
typedef struct
{
  guint               n;
  const double       *x;
  const double       *y;
  const guint        *cluster;        /* n ids, or NULL for one colour */
  const char * const *cluster_names;  /* names by id, or NULL: "Cluster 1", … */
  const char * const *labels;         /* n names, or NULL */
  const gboolean     *show_label;     /* n flags, or NULL */
  const gboolean     *selected;       /* n flags, or NULL */
  const char         *title;
  const char         *x_title;        /* with units, e.g. "PC1 (41 %)" */
  const char         *y_title;
} RlChartScatter;

void    rl_chart_scatter_draw           (cairo_t              *cr,
                                         int                   width,
                                         int                   height,
                                         const RlChartScatter *chart,
                                         const RlChartStyle   *style);
/* The point under (@x, @y) in device units, the nearest if several, or −1. */
int     rl_chart_scatter_pick           (const RlChartScatter *chart,
                                         const RlChartStyle   *style,
                                         int                   width,
                                         int                   height,
                                         double                x,
                                         double                y);
/* Indices (guint) of the points inside the device rectangle spanned by the
 * two corners (in any order), in increasing order; never NULL. */
GArray *rl_chart_scatter_points_in_rect (const RlChartScatter *chart,
                                         const RlChartStyle   *style,
                                         int                   width,
                                         int                   height,
                                         double                x0,
                                         double                y0,
                                         double                x1,
                                         double                y1);

/* A label as placed by the draw function: its point, its box in device
 * units and whether it was moved far enough to get a leader line. */
typedef struct
{
  guint      index;
  RlChartBox box;
  double     px, py;
  gboolean   leader;
} RlChartScatterLabel;

/* The labels (RlChartScatterLabel) the draw function would paint at @width ×
 * @height, measured on a scratch context, and the axes' ticks (either may be
 * NULL). Free the array with g_array_unref(). */
GArray *rl_chart_scatter_labels         (const RlChartScatter *chart,
                                         const RlChartStyle   *style,
                                         int                   width,
                                         int                   height,
                                         RlChartTicks         *x,
                                         RlChartTicks         *y);

G_END_DECLS
