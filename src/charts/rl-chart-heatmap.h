/* rl-chart-heatmap.h — matrix heatmap (correlations) with a colour bar
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-chart.h"

G_BEGIN_DECLS

/* A rows × cols matrix, row-major. With @diverging the colours run through
 * the diverging palette over [−limit, limit] (correlations: limit 1), else
 * through the sequential palette over [min, max] of the values. Values are
 * printed in the cells when they fit; NaN cells are grey. */
typedef struct
{
  guint               rows, cols;
  const double       *values;
  const char * const *row_names;
  const char * const *col_names;     /* NULL: the row names (square matrices) */
  gboolean            diverging;
  double              limit;         /* 0: 1 when diverging */
  const char         *title;
  const char         *scale_title;   /* colour bar title, e.g. "Pearson r" */
} RlChartHeatmap;

void rl_chart_heatmap_draw (cairo_t              *cr,
                            int                   width,
                            int                   height,
                            const RlChartHeatmap *chart,
                            const RlChartStyle   *style);
/* The cell under (@x, @y) as row × cols + col, or −1. */
int  rl_chart_heatmap_pick (const RlChartHeatmap *chart,
                            const RlChartStyle   *style,
                            int                   width,
                            int                   height,
                            double                x,
                            double                y);

G_END_DECLS
