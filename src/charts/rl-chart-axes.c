/* rl-chart-axes.c — nice ticks, compact number labels, plot frame and legend
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-chart-axes.h"

#include <math.h>

#include "rl-charts-i18n.h"

#define TICK_LEN      5.0
#define TICK_SCALE    0.85
#define TITLE_SCALE   1.15
#define LABEL_SCALE   0.95
#define CAPTION_SCALE 0.9
#define LEGEND_SCALE  0.9
#define SWATCH_W      18.0
#define MINUS         "\xe2\x88\x92"   /* U+2212 */

/* Ticks */

static double
nice_step (double raw)
{
  double mag, norm;

  if (!(raw > 0) || !isfinite (raw))
    return 1.0;
  mag = pow (10.0, floor (log10 (raw)));
  norm = raw / mag;
  if (norm < 1.5)
    return mag;
  if (norm < 3.0)
    return 2.0 * mag;
  if (norm < 7.0)
    return 5.0 * mag;
  return 10.0 * mag;
}

static void
fix_range (double *min, double *max)
{
  double d;

  if (!isfinite (*min) || !isfinite (*max))
    {
      *min = 0.0;
      *max = 1.0;
      return;
    }
  if (*min > *max)
    {
      d = *min;
      *min = *max;
      *max = d;
    }
  if (*max - *min <= 1e-12 * MAX (1.0, fabs (*max)))
    {
      d = *min == 0.0 ? 1.0 : fabs (*min) * 0.1;
      *min -= d;
      *max += d;
    }
}

static void
fill_linear (RlChartTicks *ticks, double min, double max, double step)
{
  guint n;

  for (;;)
    {
      ticks->lo = floor (min / step + 1e-9) * step;
      ticks->hi = ceil (max / step - 1e-9) * step;
      n = (guint) lround ((ticks->hi - ticks->lo) / step) + 1;
      if (n <= RL_CHART_MAX_TICKS)
        break;
      step = nice_step (step * 2.0);
    }
  ticks->step = step;
  ticks->log = FALSE;
  ticks->n = n;
  for (guint i = 0; i < n; i++)
    {
      double v = ticks->lo + i * step;

      ticks->values[i] = fabs (v) < step * 1e-9 ? 0.0 : v;
    }
}

void
rl_chart_ticks_nice (RlChartTicks *ticks,
                     double        min,
                     double        max,
                     guint         target)
{
  fix_range (&min, &max);
  fill_linear (ticks, min, max, nice_step ((max - min) / MAX (target, 2u)));
}

void
rl_chart_ticks_padded (RlChartTicks *ticks,
                       double        min,
                       double        max,
                       double        pad,
                       guint         target)
{
  double lo = min, hi = max;

  if (isfinite (min) && isfinite (max) && max > min)
    {
      lo = min - pad * (max - min);
      hi = max + pad * (max - min);
      if (min >= 0 && lo < 0)
        lo = 0;
    }
  rl_chart_ticks_nice (ticks, lo, hi, target);
}

void
rl_chart_ticks_integer (RlChartTicks *ticks,
                        double        min,
                        double        max,
                        guint         target)
{
  if (isfinite (min) && isfinite (max) && fabs (max - min) < 1.0)
    {
      min = floor (MIN (min, max)) - 1.0;
      max = ceil (MAX (min, max)) + 1.0;
    }
  fix_range (&min, &max);
  fill_linear (ticks, min, max, MAX (1.0, nice_step ((max - min) / MAX (target, 2u))));
}

void
rl_chart_ticks_log (RlChartTicks *ticks,
                    double        min,
                    double        max)
{
  static const double mantissa[] = { 1.0, 2.0, 5.0 };
  int e0, e1, stride;

  if (!(min > 0) || !isfinite (min) || !isfinite (max) || max < min)
    {
      rl_chart_ticks_nice (ticks, min, max, 6);
      return;
    }
  e0 = (int) floor (log10 (min) + 1e-9);
  e1 = MAX ((int) ceil (log10 (max) - 1e-9), e0 + 1);
  ticks->lo = pow (10.0, e0);
  ticks->hi = pow (10.0, e1);
  ticks->step = 0.0;
  ticks->log = TRUE;
  ticks->n = 0;
  stride = 1 + (e1 - e0) / (RL_CHART_MAX_TICKS - 1);
  for (int e = e0; e <= e1 && ticks->n < RL_CHART_MAX_TICKS; e += stride)
    for (guint m = 0; m < (e1 - e0 <= 2 ? 3u : 1u); m++)
      {
        double v = mantissa[m] * pow (10.0, e);

        if (v <= ticks->hi * (1 + 1e-9) && ticks->n < RL_CHART_MAX_TICKS)
          ticks->values[ticks->n++] = v;
      }
}

gboolean
rl_chart_range (const double *values,
                guint         n,
                double       *min,
                double       *max)
{
  gboolean any = FALSE;

  *min = 0.0;
  *max = 1.0;
  for (guint i = 0; values != NULL && i < n; i++)
    {
      if (!isfinite (values[i]))
        continue;
      if (!any || values[i] < *min)
        *min = values[i];
      if (!any || values[i] > *max)
        *max = values[i];
      any = TRUE;
    }
  return any;
}

/* Numbers */

static char *
finish_number (char *s)
{
  GString *out;

  if (g_str_equal (s, "-0")
      || (g_str_has_prefix (s, "-0.") && strspn (s + 3, "0") == strlen (s + 3)))
    memmove (s, s + 1, strlen (s));
  out = g_string_new (NULL);
  for (const char *p = s; *p != '\0'; p++)
    if (*p == '-')
      g_string_append (out, MINUS);
    else if (*p == 'e' && p[1] == '+')
      {
        g_string_append_c (out, 'e');
        p++;
      }
    else
      g_string_append_c (out, *p);
  g_free (s);
  return g_string_free (out, FALSE);
}

static char *
concat_free (char *s, const char *suffix)
{
  char *r = g_strconcat (s, suffix, NULL);

  g_free (s);
  return r;
}

/* The suffixes of thousands, millions and billions; a translation may
 * write words ("тыс.", "млн", "млрд"), with the space before them. */
static const char *
suffix_for (double magnitude, double *scale)
{
  if (magnitude >= 1e9)
    return (*scale = 1e9), C_("number suffix for 10^9", "G");
  if (magnitude >= 1e6)
    return (*scale = 1e6), C_("number suffix for 10^6", "M");
  if (magnitude >= 1e4)
    return (*scale = 1e3), C_("number suffix for 10^3", "k");
  *scale = 1.0;
  return "";
}

static char *
format_with_step (double value, double step, double magnitude)
{
  double scale;
  const char *suffix = suffix_for (magnitude, &scale);
  double s = step / scale;
  int decimals = s >= 1.0 ? 0 : (int) ceil (-log10 (s) - 1e-9);

  if (decimals > 4)
    return finish_number (g_strdup_printf ("%.1e", value));
  return finish_number (g_strdup_printf ("%.*f%s", decimals, value / scale, suffix));
}

char *
rl_chart_format_tick (const RlChartTicks *ticks,
                      double              value)
{
  if (ticks->log || ticks->step <= 0)
    return rl_chart_format_value (value);
  if (value == 0.0)
    return g_strdup ("0");
  return format_with_step (value, ticks->step, MAX (fabs (ticks->lo), fabs (ticks->hi)));
}

char *
rl_chart_format_value (double value)
{
  double a = fabs (value), scale;
  const char *suffix;
  int decimals;
  char *s;

  if (isnan (value))
    return g_strdup ("–");
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : MINUS "∞");
  if (a == 0.0)
    return g_strdup ("0");
  if (a < 1e-3)
    return finish_number (g_strdup_printf ("%.2g", value));
  suffix = suffix_for (a, &scale);
  decimals = CLAMP (2 - (int) floor (log10 (a / scale)), 0, 3);
  s = g_strdup_printf ("%.*f", decimals, value / scale);
  if (strchr (s, '.') != NULL)
    {
      char *end = s + strlen (s) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  return finish_number (concat_free (s, suffix));
}

/* Frame */

void
rl_chart_axes_init (RlChartAxes *axes)
{
  memset (axes, 0, sizeof *axes);
  rl_chart_ticks_nice (&axes->x, 0, 1, 6);
  rl_chart_ticks_nice (&axes->y, 0, 1, 6);
  rl_chart_ticks_nice (&axes->y2, 0, 1, 6);
}

static RlChartText
text_style (double scale, gboolean bold, double angle)
{
  RlChartText t;

  rl_chart_text_init (&t);
  t.scale = scale;
  t.bold = bold;
  t.angle = angle;
  return t;
}

static double
line_height (cairo_t *cr, const RlChartStyle *style, double scale)
{
  RlChartText t = text_style (scale, FALSE, 0);
  double h;

  rl_chart_text_size (cr, style, &t, "Ag", NULL, &h);
  return h;
}

static double
tick_label_width (cairo_t *cr, const RlChartStyle *style, const RlChartTicks *ticks, guint i)
{
  RlChartText t = text_style (TICK_SCALE, FALSE, 0);
  g_autofree char *label = rl_chart_format_tick (ticks, ticks->values[i]);
  double w;

  rl_chart_text_size (cr, style, &t, label, &w, NULL);
  return w;
}

static double
max_tick_width (cairo_t *cr, const RlChartStyle *style, const RlChartTicks *ticks)
{
  double w = 0;

  for (guint i = 0; i < ticks->n; i++)
    w = MAX (w, tick_label_width (cr, style, ticks, i));
  return w;
}

/* Lays out (and with @draw, draws) the legend as rows of items starting at
 * @top; returns the height used. */
static double
legend_flow (const RlChartAxes *axes, cairo_t *cr, const RlChartStyle *style, int width,
             double top, gboolean draw)
{
  RlChartText t = text_style (LEGEND_SCALE, FALSE, 0);
  double pad = style->font_size * 0.8, row_h = line_height (cr, style, LEGEND_SCALE) + 2;
  double x = pad, y = top, avail = width - 2 * pad;

  if (axes->n_legend == 0)
    return 0;
  t.valign = 0.5;
  t.max_width = MAX (avail - SWATCH_W - 6, 20);
  for (guint i = 0; i < axes->n_legend; i++)
    {
      const RlChartLegendItem *item = &axes->legend[i];
      double w;

      rl_chart_text_size (cr, style, &t, item->name, &w, NULL);
      w += SWATCH_W + 6;
      if (x > pad && x + w > pad + avail)
        {
          x = pad;
          y += row_h;
        }
      if (draw)
        {
          double cy = y + row_h / 2;

          cairo_save (cr);
          rl_chart_set_color (cr, item->color);
          if (item->kind == RL_CHART_LEGEND_BOX)
            cairo_rectangle (cr, x + 3, cy - 5, SWATCH_W - 6, 10), cairo_fill (cr);
          else if (item->kind == RL_CHART_LEGEND_POINT)
            cairo_arc (cr, x + SWATCH_W / 2, cy, 4, 0, 2 * G_PI), cairo_fill (cr);
          else
            {
              if (item->kind == RL_CHART_LEGEND_DASHED)
                cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
              cairo_set_line_width (cr, style->line_width);
              cairo_move_to (cr, x, cy);
              cairo_line_to (cr, x + SWATCH_W, cy);
              cairo_stroke (cr);
            }
          cairo_restore (cr);
          rl_chart_draw_text (cr, style, &t, item->name, x + SWATCH_W + 4, cy, style->foreground);
        }
      x += w + pad;
    }
  return y + row_h - top;
}

static void
layout_vertical (RlChartAxes *axes, cairo_t *cr, const RlChartStyle *style, double pad)
{
  double tick_h = line_height (cr, style, TICK_SCALE);

  axes->top = pad;
  if (axes->title != NULL)
    axes->top += line_height (cr, style, TITLE_SCALE) + pad * 0.5;
  axes->legend_top = axes->top;
  if (axes->n_legend > 0)
    axes->top += legend_flow (axes, cr, style, axes->width, axes->top, FALSE) + pad * 0.5;
  axes->top = MAX (axes->top, pad + tick_h / 2);
  axes->bottom = axes->height - pad - axes->extra_bottom;
  if (axes->caption != NULL)
    axes->bottom -= line_height (cr, style, CAPTION_SCALE) + pad * 0.4;
  if (axes->x_title != NULL)
    axes->bottom -= line_height (cr, style, LABEL_SCALE) + pad * 0.4;
  if (axes->x.n > 0)
    axes->bottom -= tick_h + TICK_LEN + 2;
}

static void
layout_horizontal (RlChartAxes *axes, cairo_t *cr, const RlChartStyle *style, double pad)
{
  double title_h = line_height (cr, style, LABEL_SCALE);
  double half_first = 0, half_last = 0;

  if (axes->x.n > 0)
    {
      half_first = tick_label_width (cr, style, &axes->x, 0) / 2;
      half_last = tick_label_width (cr, style, &axes->x, axes->x.n - 1) / 2;
    }
  axes->left = pad + axes->extra_left;
  if (axes->y_title != NULL)
    axes->left += title_h + pad * 0.4;
  if (axes->y.n > 0)
    axes->left += max_tick_width (cr, style, &axes->y) + TICK_LEN + 4;
  axes->left = MAX (axes->left, pad + half_first);
  axes->right = axes->width - pad - axes->extra_right;
  if (axes->has_y2)
    {
      if (axes->y2_title != NULL)
        axes->right -= title_h + pad * 0.4;
      if (axes->y2.n > 0)
        axes->right -= max_tick_width (cr, style, &axes->y2) + TICK_LEN + 4;
    }
  else
    axes->right = MIN (axes->right, axes->width - pad - half_last);
}

void
rl_chart_axes_layout (RlChartAxes        *axes,
                      cairo_t            *cr,
                      int                 width,
                      int                 height,
                      const RlChartStyle *style)
{
  double pad = style->font_size * 0.8;

  axes->width = width;
  axes->height = height;
  layout_vertical (axes, cr, style, pad);
  layout_horizontal (axes, cr, style, pad);
  axes->left = round (axes->left);
  axes->top = round (axes->top);
  axes->right = round (MAX (axes->right, axes->left + 10));
  axes->bottom = round (MAX (axes->bottom, axes->top + 10));
}

static double
map (const RlChartTicks *t, double v, double a, double b)
{
  if (t->log)
    return a + (log10 (MAX (v, 1e-300)) - log10 (t->lo)) / (log10 (t->hi) - log10 (t->lo))
                   * (b - a);
  return a + (v - t->lo) / (t->hi - t->lo) * (b - a);
}

static double
unmap (const RlChartTicks *t, double p, double a, double b)
{
  double f = (p - a) / (b - a);

  if (t->log)
    return pow (10.0, log10 (t->lo) + f * (log10 (t->hi) - log10 (t->lo)));
  return t->lo + f * (t->hi - t->lo);
}

double
rl_chart_axes_x (const RlChartAxes *axes, double value)
{
  return map (&axes->x, value, axes->left, axes->right);
}

double
rl_chart_axes_y (const RlChartAxes *axes, double value)
{
  return map (&axes->y, value, axes->bottom, axes->top);
}

double
rl_chart_axes_y2 (const RlChartAxes *axes, double value)
{
  return map (&axes->y2, value, axes->bottom, axes->top);
}

double
rl_chart_axes_x_inv (const RlChartAxes *axes, double px)
{
  return unmap (&axes->x, px, axes->left, axes->right);
}

double
rl_chart_axes_y_inv (const RlChartAxes *axes, double py)
{
  return unmap (&axes->y, py, axes->bottom, axes->top);
}

void
rl_chart_axes_clip (const RlChartAxes *axes,
                    cairo_t           *cr)
{
  cairo_rectangle (cr, axes->left - 1, axes->top - 1, axes->right - axes->left + 2,
                   axes->bottom - axes->top + 2);
  cairo_clip (cr);
}

static void
draw_grid (const RlChartAxes *axes, cairo_t *cr, const RlChartStyle *style)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  rl_chart_set_color (cr, style->grid);
  for (guint i = 0; i < axes->x.n && !axes->no_x_grid; i++)
    {
      double x = round (rl_chart_axes_x (axes, axes->x.values[i])) + 0.5;

      cairo_move_to (cr, x, axes->top);
      cairo_line_to (cr, x, axes->bottom);
    }
  for (guint i = 0; i < axes->y.n && !axes->no_y_grid; i++)
    {
      double y = round (rl_chart_axes_y (axes, axes->y.values[i])) + 0.5;

      cairo_move_to (cr, axes->left, y);
      cairo_line_to (cr, axes->right, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_x_ticks (const RlChartAxes *axes, cairo_t *cr, const RlChartStyle *style)
{
  RlChartText t = text_style (TICK_SCALE, FALSE, 0);
  double widest = max_tick_width (cr, style, &axes->x) + style->font_size * 0.6;
  double spacing = axes->x.n > 1 ? fabs (rl_chart_axes_x (axes, axes->x.values[1])
                                         - rl_chart_axes_x (axes, axes->x.values[0])) : widest;
  guint stride = MAX (1u, (guint) ceil (widest / MAX (spacing, 1.0)));

  t.halign = 0.5;
  for (guint i = 0; i < axes->x.n; i++)
    {
      double x = round (rl_chart_axes_x (axes, axes->x.values[i])) + 0.5;
      g_autofree char *label = NULL;

      cairo_move_to (cr, x, axes->bottom);
      cairo_line_to (cr, x, axes->bottom + TICK_LEN);
      cairo_stroke (cr);
      if (i % stride != 0)
        continue;
      label = rl_chart_format_tick (&axes->x, axes->x.values[i]);
      rl_chart_draw_text (cr, style, &t, label, x, axes->bottom + TICK_LEN + 2, style->muted);
    }
}

static void
draw_y_ticks (const RlChartAxes *axes, const RlChartTicks *ticks, cairo_t *cr,
              const RlChartStyle *style, gboolean right)
{
  RlChartText t = text_style (TICK_SCALE, FALSE, 0);
  double edge = right ? axes->right : axes->left, dir = right ? 1 : -1;

  t.halign = right ? 0 : 1;
  t.valign = 0.5;
  for (guint i = 0; i < ticks->n; i++)
    {
      double y = round (map (ticks, ticks->values[i], axes->bottom, axes->top)) + 0.5;
      g_autofree char *label = rl_chart_format_tick (ticks, ticks->values[i]);

      cairo_move_to (cr, edge, y);
      cairo_line_to (cr, edge + dir * TICK_LEN, y);
      cairo_stroke (cr);
      rl_chart_draw_text (cr, style, &t, label, edge + dir * (TICK_LEN + 3), y, style->muted);
    }
}

static void
draw_titles (const RlChartAxes *axes, cairo_t *cr, const RlChartStyle *style)
{
  double pad = style->font_size * 0.8;
  RlChartText t = text_style (TITLE_SCALE, TRUE, 0);
  double cy = (axes->top + axes->bottom) / 2;

  t.halign = 0.5;
  t.max_width = axes->width - 2 * pad;
  if (axes->title != NULL)
    rl_chart_draw_text (cr, style, &t, axes->title, axes->width / 2.0, pad, style->foreground);
  t = text_style (LABEL_SCALE, FALSE, 0);
  t.halign = 0.5;
  t.valign = 1;
  t.max_width = axes->width - 2 * pad;
  if (axes->x_title != NULL)
    rl_chart_draw_text (cr, style, &t, axes->x_title, (axes->left + axes->right) / 2,
                        axes->height - pad - (axes->caption != NULL
                                              ? line_height (cr, style, CAPTION_SCALE) + pad * 0.4
                                              : 0), style->foreground);
  t.max_width = axes->bottom - axes->top;
  t.valign = 0;
  t.angle = G_PI / 2;
  if (axes->y_title != NULL)
    rl_chart_draw_text (cr, style, &t, axes->y_title, pad, cy, style->foreground);
  t.angle = -G_PI / 2;
  if (axes->has_y2 && axes->y2_title != NULL)
    rl_chart_draw_text (cr, style, &t, axes->y2_title, axes->width - pad, cy, style->foreground);
  t = text_style (CAPTION_SCALE, FALSE, 0);
  t.valign = 1;
  t.max_width = axes->width - 2 * pad;
  if (axes->caption != NULL)
    rl_chart_draw_text (cr, style, &t, axes->caption, pad, axes->height - pad, style->muted);
}

void
rl_chart_axes_draw (const RlChartAxes  *axes,
                    cairo_t            *cr,
                    const RlChartStyle *style)
{
  rl_chart_paint_background (cr, style);
  draw_grid (axes, cr, style);
  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  rl_chart_set_color (cr, rl_color_with_alpha (style->foreground, 0.55));
  if (!axes->no_axis_lines)
    {
      cairo_move_to (cr, axes->left + 0.5, axes->top);
      cairo_line_to (cr, axes->left + 0.5, axes->bottom + 0.5);
      cairo_line_to (cr, axes->right, axes->bottom + 0.5);
      if (axes->has_y2)
        cairo_line_to (cr, axes->right + 0.5, axes->top);
      cairo_stroke (cr);
    }
  if (axes->x.n > 0)
    draw_x_ticks (axes, cr, style);
  if (axes->y.n > 0)
    draw_y_ticks (axes, &axes->y, cr, style, FALSE);
  if (axes->has_y2 && axes->y2.n > 0)
    draw_y_ticks (axes, &axes->y2, cr, style, TRUE);
  cairo_restore (cr);
  draw_titles (axes, cr, style);
  legend_flow (axes, cr, style, axes->width, axes->legend_top, TRUE);
}
