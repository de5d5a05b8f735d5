/* rl-chart.h — the common chart style, colours, text and export
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Every chart is a function drawing on a cairo_t of a given size in device
 * units (pixels); it paints its own background. The same function paints the
 * plot widget and writes PNG, SVG and PDF files. */

#define RL_CHART_N_CATEGORICAL 12
#define RL_CHART_N_STOPS       9

typedef struct
{
  double r, g, b, a;
} RlColor;

typedef struct
{
  gboolean    dark;
  RlColor     background;
  RlColor     foreground;   /* text, axis lines */
  RlColor     muted;        /* secondary text: tick labels, captions */
  RlColor     grid;
  RlColor     accent;       /* a single series, the default point colour */
  RlColor     selection;    /* ring or band around selected items */
  RlColor     top10;        /* rating: ranks 1–10 */
  RlColor     top20;        /* rating: ranks 11–20 */
  RlColor     neutral;      /* rating: the others; links above a dendrogram cut */
  RlColor     missing;      /* NaN cells */
  const char *font_family;  /* must outlive the style; default "Sans" */
  double      font_size;    /* in pixels; default 13 */
  double      line_width;   /* data lines in pixels; default 2 */
  RlColor     categorical[RL_CHART_N_CATEGORICAL]; /* clusters, series */
  RlColor     sequential[RL_CHART_N_STOPS];        /* low → high (viridis-like) */
  RlColor     diverging[RL_CHART_N_STOPS];         /* −1 → +1 (blue → neutral → red) */
} RlChartStyle;

/* Fills @style with the light or dark defaults. */
void     rl_chart_style_init        (RlChartStyle       *style,
                                     gboolean            dark);

/* Colour @i of the categorical palette (cycles after 12). */
RlColor  rl_chart_style_category    (const RlChartStyle *style,
                                     guint               i);
/* Interpolates the sequential palette at @t in [0, 1] (clamped). */
RlColor  rl_chart_style_sequential  (const RlChartStyle *style,
                                     double              t);
/* Interpolates the diverging palette at @t in [−1, 1] (clamped). */
RlColor  rl_chart_style_diverging   (const RlChartStyle *style,
                                     double              t);
/* Black or white, whichever reads better on @bg. */
RlColor  rl_color_contrast          (RlColor             bg);
RlColor  rl_color_with_alpha        (RlColor             c,
                                     double              alpha);
void     rl_chart_set_color         (cairo_t            *cr,
                                     RlColor             c);

/* @unit as the interface shows it: translated when it is one of the units
 * of the shipped data (rl_chart_known_units(), NULL-terminated), else as
 * written (rl-chart-units.c). */
const char        *rl_chart_unit_label  (const char *unit);
const char *const *rl_chart_known_units (void);

typedef void (*RlChartDrawFunc) (cairo_t            *cr,
                                 int                 width,
                                 int                 height,
                                 gconstpointer       data,
                                 const RlChartStyle *style);

/* Writes the chart drawn by @draw to @path: PNG, SVG (px units) or PDF by
 * the extension (case-insensitive); another extension is RL_ERROR_UNSUPPORTED.
 * Each rl_chart_*_draw function can be passed cast to RlChartDrawFunc. */
gboolean rl_chart_export            (const char         *path,
                                     int                 width,
                                     int                 height,
                                     RlChartDrawFunc     draw,
                                     gconstpointer       data,
                                     const RlChartStyle *style,
                                     GError            **error);

/* A rectangle in device units, x0 <= x1 and y0 <= y1. */
typedef struct
{
  double x0, y0, x1, y1;
} RlChartBox;

/* Text through pangocairo; @scale multiplies the style's font size.
 * @halign and @valign place the anchor (0 = left/top, 0.5 = centre,
 * 1 = right/bottom); @angle in radians, counter-clockwise positive, is applied
 * around the anchor. @max_width > 0 elides the end of longer text. */
typedef struct
{
  double   scale;
  gboolean bold;
  double   halign, valign;
  double   angle;
  double   max_width;
} RlChartText;

void     rl_chart_text_init         (RlChartText        *text);
void     rl_chart_text_size         (cairo_t            *cr,
                                     const RlChartStyle *style,
                                     const RlChartText  *text,
                                     const char         *str,
                                     double             *width,
                                     double             *height);
void     rl_chart_draw_text         (cairo_t            *cr,
                                     const RlChartStyle *style,
                                     const RlChartText  *text,
                                     const char         *str,
                                     double              x,
                                     double              y,
                                     RlColor             color);
/* Draws a centred message (e.g. "No data") on the background. */
void     rl_chart_draw_message      (cairo_t            *cr,
                                     int                 width,
                                     int                 height,
                                     const RlChartStyle *style,
                                     const char         *message);
void     rl_chart_paint_background  (cairo_t            *cr,
                                     const RlChartStyle *style);

/* A scratch context on a 1 × 1 image, for pick functions that must measure
 * text exactly as the draw function did. Free with cairo_destroy(). */
cairo_t *rl_chart_scratch_context   (void);

G_END_DECLS
