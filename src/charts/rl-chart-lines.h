/* rl-chart-lines.h — line charts: a generic engine and the model-selection and
 * convergence charts built on it
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-chart.h"

G_BEGIN_DECLS

/* One series: y[i] at x[i] (x NULL: 1, 2, …, n). NaN values break the line. */
typedef struct
{
  const char   *name;         /* legend entry; NULL: not in the legend */
  guint         n;
  const double *x;
  const double *y;
  guint         color;        /* index into the categorical palette */
  gboolean      dashed;
  gboolean      markers;      /* dots at the points (always when n <= 30) */
  gboolean      right_axis;   /* measured on the right axis */
} RlChartSeries;

typedef struct
{
  const char          *title;
  const char          *x_title;
  const char          *y_title;
  const char          *y2_title;    /* the right axis, when a series uses it */
  const char          *caption;
  guint                n_series;
  const RlChartSeries *series;
  gboolean             x_log;       /* logarithmic x (values <= 0 are skipped) */
  gboolean             x_integer;   /* whole-number ticks on x (k, iterations) */
  double               x_marker;    /* a dashed vertical line (chosen k); NaN: none */
  double               y_marker;    /* a dotted horizontal reference line; NaN: none */
} RlChartLines;

/* Zeroes @chart and sets both markers to NaN. */
void rl_chart_lines_init (RlChartLines *chart);
void rl_chart_lines_draw (cairo_t            *cr,
                          int                 width,
                          int                 height,
                          const RlChartLines *chart,
                          const RlChartStyle *style);

/* Model selection for partitioning methods, one entry per k. The elbow chart
 * puts inertia on the left axis and f_k on the right one (their scales differ
 * by orders of magnitude, so each keeps its own units). The growth chart shows
 * growth[i] = f_min(k+1)/f_min(k) at k[i] with the reference line at 1. */
typedef struct
{
  guint         n;
  const guint  *k;
  const double *inertia;        /* n values or NULL */
  const double *f_k;            /* n values or NULL */
  const double *growth;         /* n values or NULL; NaN where undefined (last k) */
  guint         chosen_k;       /* 0: none */
  const char   *title;
} RlChartElbow;

void rl_chart_elbow_draw  (cairo_t            *cr,
                           int                 width,
                           int                 height,
                           const RlChartElbow *chart,
                           const RlChartStyle *style);
void rl_chart_growth_draw (cairo_t            *cr,
                           int                 width,
                           int                 height,
                           const RlChartElbow *chart,
                           const RlChartStyle *style);

/* BIC (solid) and AIC (dashed) of Gaussian mixtures per covariance type;
 * values are row-major n_types × n_k, lower is better. */
typedef struct
{
  guint               n_k;
  const guint        *k;
  guint               n_types;
  const char * const *type_names;   /* "full", "diag", "tied", "spherical" */
  const double       *bic;
  const double       *aic;          /* or NULL */
  guint               chosen_k;     /* 0: none */
  const char         *title;
} RlChartCriteria;

void rl_chart_criteria_draw (cairo_t               *cr,
                             int                    width,
                             int                    height,
                             const RlChartCriteria *chart,
                             const RlChartStyle    *style);

/* Best f_k per iteration of the evolutionary methods, one series each. */
typedef struct
{
  guint                 n_series;
  const char * const   *names;      /* "ES", "DE", "GA", "Immune" */
  const guint          *lengths;
  const double * const *values;
  gboolean              log_x;
  const char           *title;
  const char           *y_title;    /* NULL: "Best f_k" */
} RlChartConvergence;

void rl_chart_convergence_draw (cairo_t                  *cr,
                                int                       width,
                                int                       height,
                                const RlChartConvergence *chart,
                                const RlChartStyle       *style);

G_END_DECLS
