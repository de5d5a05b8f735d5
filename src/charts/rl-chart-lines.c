/* rl-chart-lines.c — line charts: a generic engine and the model-selection and
 * convergence charts built on it
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-chart-lines.h"
#include "rl-charts-i18n.h"

#include <math.h>

#include "rl-chart-axes.h"

#define MAX_SERIES 32

static double
series_x (const RlChartSeries *s, guint i)
{
  return s->x != NULL ? s->x[i] : i + 1.0;
}

static gboolean
usable (const RlChartLines *chart, const RlChartSeries *s, guint i)
{
  double x = series_x (s, i);

  return isfinite (x) && isfinite (s->y[i]) && (!chart->x_log || x > 0);
}

/* Ranges of x, left y and right y over all usable points. */
static gboolean
lines_ranges (const RlChartLines *chart, double r[3][2])
{
  gboolean any[3] = { FALSE, FALSE, FALSE };

  for (guint a = 0; a < 3; a++)
    r[a][0] = 0, r[a][1] = 1;
  for (guint s = 0; s < chart->n_series; s++)
    for (guint i = 0; i < chart->series[s].n; i++)
      {
        const RlChartSeries *se = &chart->series[s];
        double v[2] = { series_x (se, i), se->y != NULL ? se->y[i] : NAN };
        guint axis[2] = { 0, se->right_axis ? 2 : 1 };

        if (se->y == NULL || !usable (chart, se, i))
          continue;
        for (guint j = 0; j < 2; j++)
          {
            guint a = axis[j];

            r[a][0] = any[a] ? MIN (r[a][0], v[j]) : v[j];
            r[a][1] = any[a] ? MAX (r[a][1], v[j]) : v[j];
            any[a] = TRUE;
          }
      }
  if (any[1] && isfinite (chart->y_marker))
    {
      r[1][0] = MIN (r[1][0], chart->y_marker);
      r[1][1] = MAX (r[1][1], chart->y_marker);
    }
  return any[0];
}

static void
lines_layout (RlChartAxes *axes, RlChartLegendItem *legend, const RlChartLines *chart,
              cairo_t *cr, int width, int height, const RlChartStyle *style)
{
  double r[3][2];

  lines_ranges (chart, r);
  rl_chart_axes_init (axes);
  axes->title = chart->title;
  axes->x_title = chart->x_title;
  axes->y_title = chart->y_title;
  axes->y2_title = chart->y2_title;
  axes->caption = chart->caption;
  if (chart->x_log)
    rl_chart_ticks_log (&axes->x, r[0][0], r[0][1]);
  else if (chart->x_integer)
    rl_chart_ticks_integer (&axes->x, r[0][0], r[0][1], 8);
  else
    rl_chart_ticks_nice (&axes->x, r[0][0], r[0][1], 7);
  rl_chart_ticks_nice (&axes->y, r[1][0], r[1][1], 6);
  rl_chart_ticks_nice (&axes->y2, r[2][0], r[2][1], 6);
  for (guint s = 0; s < chart->n_series; s++)
    axes->has_y2 |= chart->series[s].right_axis;
  for (guint s = 0; s < MIN (chart->n_series, MAX_SERIES); s++)
    if (chart->series[s].name != NULL)
      legend[axes->n_legend++] = (RlChartLegendItem) {
        chart->series[s].name, rl_chart_style_category (style, chart->series[s].color),
        chart->series[s].dashed ? RL_CHART_LEGEND_DASHED : RL_CHART_LEGEND_LINE };
  axes->legend = legend;
  rl_chart_axes_layout (axes, cr, width, height, style);
}

static void
draw_series (const RlChartAxes *axes, const RlChartLines *chart, const RlChartSeries *s,
             cairo_t *cr, const RlChartStyle *style)
{
  gboolean pen = FALSE, dots = s->markers || s->n <= 30;

  if (s->y == NULL)
    return;
  rl_chart_set_color (cr, rl_chart_style_category (style, s->color));
  cairo_set_line_width (cr, style->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, (double[]) { 6, 4 }, s->dashed ? 2 : 0, 0);
  for (guint i = 0; i < s->n; i++)
    {
      double px, py;

      if (!usable (chart, s, i))
        {
          pen = FALSE;
          continue;
        }
      px = rl_chart_axes_x (axes, series_x (s, i));
      py = s->right_axis ? rl_chart_axes_y2 (axes, s->y[i]) : rl_chart_axes_y (axes, s->y[i]);
      if (pen)
        cairo_line_to (cr, px, py);
      else
        cairo_move_to (cr, px, py);
      pen = TRUE;
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  for (guint i = 0; dots && i < s->n; i++)
    if (usable (chart, s, i))
      {
        double px = rl_chart_axes_x (axes, series_x (s, i));
        double py = s->right_axis ? rl_chart_axes_y2 (axes, s->y[i])
                                  : rl_chart_axes_y (axes, s->y[i]);

        cairo_new_sub_path (cr);
        cairo_arc (cr, px, py, style->line_width + 1.5, 0, 2 * G_PI);
      }
  cairo_fill (cr);
}

static void
draw_markers (const RlChartAxes *axes, const RlChartLines *chart, cairo_t *cr,
              const RlChartStyle *style)
{
  cairo_set_line_width (cr, 1.5);
  rl_chart_set_color (cr, rl_color_with_alpha (style->foreground, 0.6));
  if (isfinite (chart->y_marker))
    {
      double y = rl_chart_axes_y (axes, chart->y_marker);

      cairo_set_dash (cr, (double[]) { 2, 3 }, 2, 0);
      cairo_move_to (cr, axes->left, y);
      cairo_line_to (cr, axes->right, y);
      cairo_stroke (cr);
    }
  if (isfinite (chart->x_marker))
    {
      double x = rl_chart_axes_x (axes, chart->x_marker);

      cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
      cairo_move_to (cr, x, axes->top);
      cairo_line_to (cr, x, axes->bottom);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);
}

void
rl_chart_lines_init (RlChartLines *chart)
{
  memset (chart, 0, sizeof *chart);
  chart->x_marker = NAN;
  chart->y_marker = NAN;
}

void
rl_chart_lines_draw (cairo_t            *cr,
                     int                 width,
                     int                 height,
                     const RlChartLines *chart,
                     const RlChartStyle *style)
{
  RlChartLegendItem legend[MAX_SERIES];
  RlChartAxes axes;
  double r[3][2];

  if (chart->n_series == 0 || !lines_ranges (chart, r))
    {
      rl_chart_draw_message (cr, width, height, style, _("No values to show"));
      return;
    }
  lines_layout (&axes, legend, chart, cr, width, height, style);
  rl_chart_axes_draw (&axes, cr, style);
  cairo_save (cr);
  /* dots on the frame stay whole */
  cairo_rectangle (cr, axes.left - 6, axes.top - 6, axes.right - axes.left + 12,
                   axes.bottom - axes.top + 12);
  cairo_clip (cr);
  draw_markers (&axes, chart, cr, style);
  for (guint s = 0; s < chart->n_series; s++)
    draw_series (&axes, chart, &chart->series[s], cr, style);
  cairo_restore (cr);
}

/* Model selection */

static double *
k_as_double (const guint *k, guint n)
{
  double *x = g_new (double, MAX (n, 1u));

  for (guint i = 0; i < n; i++)
    x[i] = k != NULL ? k[i] : i + 1.0;
  return x;
}

/* A line chart over k with the chosen k marked. */
static void
k_lines (RlChartLines *lines, const char *title, const char *x_title, const char *y_title,
         const RlChartSeries *series, guint n_series, guint chosen_k)
{
  rl_chart_lines_init (lines);
  lines->title = title;
  lines->x_title = x_title;
  lines->y_title = y_title;
  lines->series = series;
  lines->n_series = n_series;
  lines->x_integer = TRUE;
  if (chosen_k > 0)
    lines->x_marker = chosen_k;
}

void
rl_chart_elbow_draw (cairo_t            *cr,
                     int                 width,
                     int                 height,
                     const RlChartElbow *chart,
                     const RlChartStyle *style)
{
  g_autofree double *x = k_as_double (chart->k, chart->n);
  RlChartSeries series[2] = {
    { _("Inertia, Σ‖x − c‖² (left axis)"), chart->n, x, chart->inertia, 0, FALSE, TRUE, FALSE },
    { _("f_k, Σ mean distance to centre (right axis)"), chart->n, x, chart->f_k, 1, FALSE, TRUE,
      TRUE },
  };
  RlChartLines lines;

  k_lines (&lines, chart->title, _("Number of clusters k"), _("Inertia (squared scaled units)"),
           series, 2, chart->chosen_k);
  lines.y2_title = _("f_k (scaled units)");
  rl_chart_lines_draw (cr, width, height, &lines, style);
}

void
rl_chart_growth_draw (cairo_t            *cr,
                      int                 width,
                      int                 height,
                      const RlChartElbow *chart,
                      const RlChartStyle *style)
{
  g_autofree double *x = k_as_double (chart->k, chart->n);
  RlChartSeries series = { "f_min(k+1) / f_min(k)", chart->n, x, chart->growth, 0, FALSE, TRUE,
                           FALSE };
  RlChartLines lines;

  k_lines (&lines, chart->title, _("Number of clusters k"), _("Growth ratio"), &series, 1,
           chart->chosen_k);
  lines.caption = _("The dotted line marks a ratio of 1 (no further improvement).");
  lines.y_marker = 1.0;
  rl_chart_lines_draw (cr, width, height, &lines, style);
}

void
rl_chart_criteria_draw (cairo_t               *cr,
                        int                    width,
                        int                    height,
                        const RlChartCriteria *chart,
                        const RlChartStyle    *style)
{
  guint n_types = MIN (chart->n_types, MAX_SERIES / 2);
  g_autofree double *x = k_as_double (chart->k, chart->n_k);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  RlChartSeries series[MAX_SERIES];
  RlChartLines lines;
  guint n = 0;

  for (guint t = 0; t < n_types; t++)
    for (guint c = 0; c < (chart->aic != NULL ? 2u : 1u); c++)
      {
        const char *type = chart->type_names != NULL ? chart->type_names[t] : "model";
        char *name = g_strdup_printf ("%s %s", type, c == 0 ? "BIC" : "AIC");

        g_ptr_array_add (names, name);
        series[n++] = (RlChartSeries) { name, chart->n_k, x,
                                        (c == 0 ? chart->bic : chart->aic) + t * chart->n_k,
                                        t, c == 1, TRUE, FALSE };
      }
  k_lines (&lines, chart->title, _("Number of components k"),
           _("Information criterion (lower is better)"), series, chart->bic != NULL ? n : 0,
           chart->chosen_k);
  rl_chart_lines_draw (cr, width, height, &lines, style);
}

void
rl_chart_convergence_draw (cairo_t                  *cr,
                           int                       width,
                           int                       height,
                           const RlChartConvergence *chart,
                           const RlChartStyle       *style)
{
  RlChartSeries series[MAX_SERIES];
  RlChartLines lines;
  guint n = MIN (chart->n_series, MAX_SERIES);

  for (guint s = 0; s < n; s++)
    series[s] = (RlChartSeries) { chart->names != NULL ? chart->names[s] : NULL,
                                  chart->values[s] != NULL ? chart->lengths[s] : 0, NULL,
                                  chart->values[s], s, FALSE, FALSE, FALSE };
  rl_chart_lines_init (&lines);
  lines.title = chart->title;
  lines.x_title = chart->log_x ? _("Iteration (log scale)") : _("Iteration");
  lines.y_title = chart->y_title != NULL ? chart->y_title : _("Best f_k");
  lines.series = series;
  lines.n_series = n;
  lines.x_log = chart->log_x;
  lines.x_integer = TRUE;
  rl_chart_lines_draw (cr, width, height, &lines, style);
}
