/* rl-chart-dendrogram.h — dendrogram of a hierarchical clustering
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-chart.h"

G_BEGIN_DECLS

/* A linkage matrix in SciPy's layout: n − 1 rows [a, b, height, size],
 * row-major; row i creates node n + i from nodes a and b (ids < n are leaves).
 * Leaves are ordered as SciPy's dendrogram() and leaves_list() order them:
 * depth first from the root, left child (a) before right child (b). Links at
 * or below @cut_height take the colour of their cluster, the others are
 * neutral; the cut is a dashed line. */
typedef struct
{
  guint               n_leaves;
  const double       *linkage;     /* (n_leaves − 1) × 4 */
  const char * const *labels;      /* n_leaves names, or NULL: "1", "2", … */
  const guint        *cluster;     /* n_leaves cluster ids to colour by, or NULL: by order */
  const gboolean     *selected;    /* n_leaves flags, or NULL */
  double              cut_height;  /* NaN: no cut, all links neutral */
  const char         *title;
  const char         *y_title;     /* NULL: "Merge distance" */
} RlChartDendrogram;

/* The leaves left to right (n_leaves entries), or NULL with @error set when
 * the linkage is not a valid binary tree over n_leaves leaves. */
guint   *rl_chart_dendrogram_leaf_order (const double            *linkage,
                                         guint                    n_leaves,
                                         GError                 **error);
void     rl_chart_dendrogram_draw       (cairo_t                 *cr,
                                         int                      width,
                                         int                      height,
                                         const RlChartDendrogram *chart,
                                         const RlChartStyle      *style);
/* The leaf (observation index) whose column or label is under (@x, @y), or −1. */
int      rl_chart_dendrogram_pick       (const RlChartDendrogram *chart,
                                         const RlChartStyle      *style,
                                         int                      width,
                                         int                      height,
                                         double                   x,
                                         double                   y);

G_END_DECLS
