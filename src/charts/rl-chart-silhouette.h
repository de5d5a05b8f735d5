/* rl-chart-silhouette.h — silhouette plot: per-cluster sorted bars and the mean
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-chart.h"

G_BEGIN_DECLS

/* One horizontal bar per row, grouped by cluster (0 first, top to bottom) and
 * sorted by decreasing silhouette inside each cluster; the mean silhouette is
 * a dashed vertical line. NaN values are left out. */
typedef struct
{
  guint               n;
  const double       *values;         /* silhouette in [−1, 1] */
  const guint        *cluster;
  const char * const *cluster_names;  /* NULL: "1", "2", … */
  double              mean;           /* NaN: the mean of the values */
  const char         *title;
} RlChartSilhouette;

void rl_chart_silhouette_draw (cairo_t                 *cr,
                               int                      width,
                               int                      height,
                               const RlChartSilhouette *chart,
                               const RlChartStyle      *style);
/* The row whose bar is under (@x, @y), or −1. */
int  rl_chart_silhouette_pick (const RlChartSilhouette *chart,
                               const RlChartStyle      *style,
                               int                      width,
                               int                      height,
                               double                   x,
                               double                   y);

G_END_DECLS
