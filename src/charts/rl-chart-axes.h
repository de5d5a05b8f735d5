/* rl-chart-axes.h — nice ticks, compact number labels, plot frame and legend
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-chart.h"

G_BEGIN_DECLS

#define RL_CHART_MAX_TICKS 32

/* Tick positions covering a data range. Linear ticks step by 1, 2 or 5 times
 * a power of ten and the range is widened to whole steps; logarithmic ticks
 * sit at 1, 2, 5 × 10^e (or at powers of ten when the range is wide). */
typedef struct
{
  double   lo, hi;                      /* axis range */
  double   step;                        /* linear step; 0 for log axes */
  gboolean log;
  guint    n;
  double   values[RL_CHART_MAX_TICKS];
} RlChartTicks;

/* About @target ticks over [min, max]. NaN or infinite bounds give 0 .. 1; an
 * empty range (min == max) is widened around the value. */
void  rl_chart_ticks_nice    (RlChartTicks *ticks,
                              double        min,
                              double        max,
                              guint         target);
/* Nice ticks over [min, max] widened by @pad × (max − min) on each side; the
 * lower end stays at 0 or above when min ≥ 0 (a never negative quantity does
 * not get a negative axis). */
void  rl_chart_ticks_padded  (RlChartTicks *ticks,
                              double        min,
                              double        max,
                              double        pad,
                              guint         target);
/* As nice, but the step is a whole number (counts, k). */
void  rl_chart_ticks_integer (RlChartTicks *ticks,
                              double        min,
                              double        max,
                              guint         target);
/* Logarithmic ticks over [min, max]; min <= 0 falls back to linear ticks. */
void  rl_chart_ticks_log     (RlChartTicks *ticks,
                              double        min,
                              double        max);

/* A tick label: thousands as "12k", millions as "3.5M", "−" for negatives,
 * as many decimals as the step needs, "2e−5" for very small steps. */
char *rl_chart_format_tick   (const RlChartTicks *ticks,
                              double              value);
/* A value with three significant digits in the same compact form. */
char *rl_chart_format_value  (double              value);

/* The finite minimum and maximum of @n values (NaN and ±∞ skipped);
 * FALSE, with 0 .. 1, when there is none. */
gboolean rl_chart_range      (const double *values,
                              guint         n,
                              double       *min,
                              double       *max);

typedef enum
{
  RL_CHART_LEGEND_LINE,
  RL_CHART_LEGEND_DASHED,
  RL_CHART_LEGEND_BOX,
  RL_CHART_LEGEND_POINT,
} RlChartLegendKind;

typedef struct
{
  const char       *name;
  RlColor           color;
  RlChartLegendKind kind;
} RlChartLegendItem;

/* A plot frame: title, legend row(s), axes with ticks and titles, caption.
 * The caller fills the first block, calls _layout() to get the plot rectangle
 * (margins follow the text extents so nothing is clipped), then _draw(). */
typedef struct
{
  const char              *title;
  const char              *x_title;      /* with units: "Income (₽ per month)" */
  const char              *y_title;
  const char              *y2_title;     /* right axis, drawn when has_y2 */
  const char              *caption;      /* one muted line at the bottom */
  RlChartTicks             x, y, y2;     /* n == 0 hides that axis's tick labels */
  gboolean                 has_y2;
  gboolean                 no_x_grid, no_y_grid;
  gboolean                 no_axis_lines;
  const RlChartLegendItem *legend;
  guint                    n_legend;
  double                   extra_left;   /* room the caller reserves for its own labels */
  double                   extra_bottom;
  double                   extra_right;

  /* computed by rl_chart_axes_layout() */
  double                   left, top, right, bottom;
  int                      width, height;
  double                   legend_top;
} RlChartAxes;

void   rl_chart_axes_init   (RlChartAxes        *axes);
void   rl_chart_axes_layout (RlChartAxes        *axes,
                             cairo_t            *cr,
                             int                 width,
                             int                 height,
                             const RlChartStyle *style);
/* Paints the background, grid, axis lines, tick labels, titles, legend and
 * caption. Data are drawn afterwards, clipped with rl_chart_axes_clip(). */
void   rl_chart_axes_draw   (const RlChartAxes  *axes,
                             cairo_t            *cr,
                             const RlChartStyle *style);
void   rl_chart_axes_clip   (const RlChartAxes  *axes,
                             cairo_t            *cr);
double rl_chart_axes_x      (const RlChartAxes  *axes,
                             double              value);
double rl_chart_axes_y      (const RlChartAxes  *axes,
                             double              value);
double rl_chart_axes_y2     (const RlChartAxes  *axes,
                             double              value);
/* Inverse of rl_chart_axes_x / _y (device → data). */
double rl_chart_axes_x_inv  (const RlChartAxes  *axes,
                             double              px);
double rl_chart_axes_y_inv  (const RlChartAxes  *axes,
                             double              py);

G_END_DECLS
