/* rl-chart-heatmap.c — matrix heatmap (correlations) with a colour bar
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-chart-heatmap.h"
#include "rl-charts-i18n.h"

#include <math.h>

#include "rl-chart-axes.h"

#define NAME_SCALE 0.85
#define BAR_W      14.0

typedef struct
{
  RlChartAxes  axes;
  double       x0, y0, cell;  /* the square grid of cells */
  double       lo, hi;        /* colour range */
  double       name_w;        /* room for row names (left) and column names (below) */
  RlChartTicks bar;           /* colour bar ticks */
} Layout;

static const char *
col_name (const RlChartHeatmap *chart, guint j)
{
  const char * const *names = chart->col_names != NULL ? chart->col_names : chart->row_names;

  return names != NULL ? names[j] : NULL;
}

static double
names_width (cairo_t *cr, const RlChartStyle *style, const char * const *names, guint n,
             double limit)
{
  RlChartText t;
  double widest = 0;

  rl_chart_text_init (&t);
  t.scale = NAME_SCALE;
  for (guint i = 0; names != NULL && i < n; i++)
    {
      double w;

      rl_chart_text_size (cr, style, &t, names[i], &w, NULL);
      widest = MAX (widest, w);
    }
  return MIN (widest, limit) + 6;
}

static double
bar_labels_width (const Layout *l, cairo_t *cr, const RlChartStyle *style)
{
  RlChartText t;
  double widest = 0;

  rl_chart_text_init (&t);
  t.scale = 0.85;
  for (guint i = 0; i < l->bar.n; i++)
    {
      g_autofree char *s = rl_chart_format_tick (&l->bar, l->bar.values[i]);
      double w;

      rl_chart_text_size (cr, style, &t, s, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

/* The block [row names | cells | colour bar, its labels and title] is centred
 * horizontally; cells are square. */
static void
heatmap_layout (Layout *l, const RlChartHeatmap *chart, cairo_t *cr, int width, int height,
                const RlChartStyle *style)
{
  const char * const *cols = chart->col_names != NULL ? chart->col_names : chart->row_names;
  RlChartText t;
  double w, h, title_h = 0;

  memset (l, 0, sizeof *l);
  if (chart->diverging)
    {
      l->hi = chart->limit > 0 ? chart->limit : 1.0;
      l->lo = -l->hi;
    }
  else
    rl_chart_range (chart->values, chart->rows * chart->cols, &l->lo, &l->hi);
  rl_chart_ticks_nice (&l->bar, l->lo, l->hi, 5);
  rl_chart_text_init (&t);
  if (chart->scale_title != NULL)
    rl_chart_text_size (cr, style, &t, chart->scale_title, NULL, &title_h);
  rl_chart_axes_init (&l->axes);
  l->axes.title = chart->title;
  l->axes.x.n = l->axes.y.n = 0;
  l->axes.no_x_grid = l->axes.no_y_grid = l->axes.no_axis_lines = TRUE;
  l->axes.extra_left = names_width (cr, style, chart->row_names, chart->rows, width * 0.25);
  l->axes.extra_bottom = names_width (cr, style, cols, chart->cols, height * 0.25);
  l->axes.extra_right = BAR_W + 14 + bar_labels_width (l, cr, style) + title_h;
  rl_chart_axes_layout (&l->axes, cr, width, height, style);
  w = l->axes.right - l->axes.left;
  h = l->axes.bottom - l->axes.top;
  l->cell = MIN (w / MAX (chart->cols, 1u), h / MAX (chart->rows, 1u));
  l->x0 = l->axes.left + (w - l->cell * chart->cols) / 2;
  l->y0 = l->axes.top;
}

static RlColor
cell_color (const Layout *l, const RlChartHeatmap *chart, double v, const RlChartStyle *style)
{
  if (!isfinite (v))
    return style->missing;
  if (chart->diverging)
    return rl_chart_style_diverging (style, v / l->hi);
  return rl_chart_style_sequential (style, l->hi > l->lo ? (v - l->lo) / (l->hi - l->lo) : 0.5);
}

static void
draw_cell (const Layout *l, const RlChartHeatmap *chart, guint i, guint j, gboolean values,
           cairo_t *cr, const RlChartStyle *style)
{
  double v = chart->values[i * chart->cols + j];
  double x = l->x0 + j * l->cell, y = l->y0 + i * l->cell;
  RlColor c = cell_color (l, chart, v, style);
  RlChartText t;

  rl_chart_set_color (cr, c);
  cairo_rectangle (cr, x, y, l->cell - (l->cell > 6 ? 1 : 0), l->cell - (l->cell > 6 ? 1 : 0));
  cairo_fill (cr);
  if (!values)
    return;
  rl_chart_text_init (&t);
  t.scale = MIN (0.8, l->cell / (3.2 * style->font_size));
  t.halign = t.valign = 0.5;
  {
    g_autofree char *s = isfinite (v) ? g_strdup_printf ("%.2f", v) : g_strdup ("–");

    if (v < 0)
      {
        char *m = g_strconcat ("\xe2\x88\x92", s + 1, NULL);

        g_free (s);
        s = m;
      }
    rl_chart_draw_text (cr, style, &t, s, x + l->cell / 2, y + l->cell / 2, rl_color_contrast (c));
  }
}

static void
draw_names (const Layout *l, const RlChartHeatmap *chart, cairo_t *cr, const RlChartStyle *style)
{
  RlChartText t;

  rl_chart_text_init (&t);
  t.scale = MIN (NAME_SCALE, l->cell * 0.9 / style->font_size);
  if (t.scale * style->font_size < 5)
    return;
  t.halign = 1;
  t.valign = 0.5;
  t.max_width = l->axes.extra_left - 6;
  for (guint i = 0; chart->row_names != NULL && i < chart->rows; i++)
    rl_chart_draw_text (cr, style, &t, chart->row_names[i], l->x0 - 5,
                        l->y0 + (i + 0.5) * l->cell, style->foreground);
  t.angle = G_PI / 2;
  t.max_width = l->axes.extra_bottom - 6;
  for (guint j = 0; j < chart->cols; j++)
    if (col_name (chart, j) != NULL)
      rl_chart_draw_text (cr, style, &t, col_name (chart, j), l->x0 + (j + 0.5) * l->cell,
                          l->y0 + chart->rows * l->cell + 5, style->foreground);
}

static void
draw_colour_bar (const Layout *l, cairo_t *cr, const RlChartHeatmap *chart,
                 const RlChartStyle *style)
{
  double x = l->x0 + chart->cols * l->cell + 8, top = l->y0, bottom = l->y0 + chart->rows * l->cell;
  const guint steps = 64;
  RlChartText t;

  for (guint s = 0; s < steps; s++)
    {
      double v = l->bar.lo + (l->bar.hi - l->bar.lo) * (s + 0.5) / steps;
      double y0 = bottom - (bottom - top) * (s + 1.0) / steps;

      rl_chart_set_color (cr, cell_color (l, chart, v, style));
      cairo_rectangle (cr, x, floor (y0), BAR_W, ceil ((bottom - top) / steps) + 1);
      cairo_fill (cr);
    }
  rl_chart_text_init (&t);
  t.scale = 0.85;
  t.valign = 0.5;
  for (guint i = 0; i < l->bar.n; i++)
    {
      g_autofree char *s = rl_chart_format_tick (&l->bar, l->bar.values[i]);
      double y = bottom - (l->bar.values[i] - l->bar.lo) / (l->bar.hi - l->bar.lo) * (bottom - top);

      rl_chart_draw_text (cr, style, &t, s, x + BAR_W + 4, y, style->muted);
    }
  if (chart->scale_title == NULL)
    return;
  rl_chart_text_init (&t);
  t.angle = -G_PI / 2;
  t.halign = 0.5;
  t.valign = 1;
  t.max_width = bottom - top;
  rl_chart_draw_text (cr, style, &t, chart->scale_title,
                      x + l->axes.extra_right - 8, (top + bottom) / 2, style->foreground);
}

void
rl_chart_heatmap_draw (cairo_t              *cr,
                       int                   width,
                       int                   height,
                       const RlChartHeatmap *chart,
                       const RlChartStyle   *style)
{
  gboolean values;
  Layout l;

  if (chart->rows == 0 || chart->cols == 0 || chart->values == NULL)
    {
      rl_chart_draw_message (cr, width, height, style, _("No matrix to show"));
      return;
    }
  heatmap_layout (&l, chart, cr, width, height, style);
  rl_chart_axes_draw (&l.axes, cr, style);
  values = l.cell >= style->font_size * 2.3;
  for (guint i = 0; i < chart->rows; i++)
    for (guint j = 0; j < chart->cols; j++)
      draw_cell (&l, chart, i, j, values, cr, style);
  draw_names (&l, chart, cr, style);
  draw_colour_bar (&l, cr, chart, style);
}

int
rl_chart_heatmap_pick (const RlChartHeatmap *chart,
                       const RlChartStyle   *style,
                       int                   width,
                       int                   height,
                       double                x,
                       double                y)
{
  cairo_t *cr;
  Layout l;
  double fi, fj;

  if (chart->rows == 0 || chart->cols == 0 || chart->values == NULL)
    return -1;
  cr = rl_chart_scratch_context ();
  heatmap_layout (&l, chart, cr, width, height, style);
  cairo_destroy (cr);
  fi = floor ((y - l.y0) / l.cell);
  fj = floor ((x - l.x0) / l.cell);
  if (fi < 0 || fj < 0 || fi >= chart->rows || fj >= chart->cols)
    return -1;
  return (int) (fi * chart->cols + fj);
}
