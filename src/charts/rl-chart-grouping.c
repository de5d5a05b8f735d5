/* rl-chart-grouping.c — analytic grouping as a histogram with group means
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-chart-grouping.h"
#include "rl-charts-i18n.h"

#include <math.h>

#include "rl-chart-axes.h"

typedef struct
{
  RlChartAxes       axes;
  RlChartLegendItem legend[2];
  char             *caption;
} Layout;

static gboolean
group_ok (const RlChartGrouping *chart, guint g)
{
  return isfinite (chart->lower[g]) && isfinite (chart->upper[g])
         && chart->upper[g] >= chart->lower[g];
}

static char *
make_caption (const RlChartGrouping *chart)
{
  double eta = isfinite (chart->eta) ? chart->eta : sqrt (chart->eta2);

  if (!isfinite (chart->eta2))
    return NULL;
  if (chart->chaddock == NULL)
    return g_strdup_printf ("η² = %.3f   η = %.3f", chart->eta2, eta);
  /* TRANSLATORS: the last %s is a class of the Chaddock scale ("weak", "strong", …) */
  return g_strdup_printf (_("η² = %.3f   η = %.3f   Chaddock scale: %s relationship"), chart->eta2,
                          eta, chart->chaddock);
}

static void
count_text (RlChartText *t)
{
  rl_chart_text_init (t);
  t->scale = 0.8;
  t->halign = 0.5;
  t->valign = 1;
}

/* Raises the count axis until the tallest bar's count label (drawn 2 px
 * above the bar) lies inside the plot with a few pixels to spare. */
static void
leave_headroom (Layout *l, double cmax, cairo_t *cr, int width, int height,
                const RlChartStyle *style)
{
  RlChartText t;
  double h;

  count_text (&t);
  rl_chart_text_size (cr, style, &t, "0", NULL, &h);
  for (guint round = 0; round < 3; round++)
    {
      double plot_h = l->axes.bottom - l->axes.top, room = plot_h - h - 6;

      if (room <= 0 || rl_chart_axes_y (&l->axes, cmax) - h - 6 >= l->axes.top)
        return;
      rl_chart_ticks_integer (&l->axes.y, 0, cmax * plot_h / room, 6);
      rl_chart_axes_layout (&l->axes, cr, width, height, style);
    }
}

static void
grouping_layout (Layout *l, const RlChartGrouping *chart, cairo_t *cr, int width, int height,
                 const RlChartStyle *style)
{
  double xmin = 0, xmax = 1, cmax = 1, mmin, mmax;
  gboolean any = FALSE;

  memset (l, 0, sizeof *l);
  for (guint g = 0; g < chart->n_groups; g++)
    if (group_ok (chart, g))
      {
        xmin = any ? MIN (xmin, chart->lower[g]) : chart->lower[g];
        xmax = any ? MAX (xmax, chart->upper[g]) : chart->upper[g];
        cmax = MAX (cmax, chart->count != NULL ? chart->count[g] : 0);
        any = TRUE;
      }
  rl_chart_axes_init (&l->axes);
  rl_chart_ticks_nice (&l->axes.x, xmin, xmax, 7);
  rl_chart_ticks_integer (&l->axes.y, 0, cmax, 6);
  l->axes.no_x_grid = TRUE;
  l->axes.title = chart->title;
  l->axes.x_title = chart->x_title;
  l->axes.y_title = _("Number of regions");
  l->legend[0] = (RlChartLegendItem) { _("Regions per group"),
                                       rl_color_with_alpha (style->accent, 0.75),
                                       RL_CHART_LEGEND_BOX };
  l->axes.legend = l->legend;
  l->axes.n_legend = 1;
  if (chart->mean != NULL)
    {
      rl_chart_range (chart->mean, chart->n_groups, &mmin, &mmax);
      rl_chart_ticks_padded (&l->axes.y2, mmin, mmax, 0.05, 6);
      l->axes.has_y2 = TRUE;
      l->axes.y2_title = chart->mean_title != NULL ? chart->mean_title : _("Group mean");
      l->legend[1] = (RlChartLegendItem) { _("Group mean (right axis)"),
                                           rl_chart_style_category (style, 1),
                                           RL_CHART_LEGEND_LINE };
      l->axes.n_legend = 2;
    }
  l->caption = make_caption (chart);
  l->axes.caption = l->caption;
  rl_chart_axes_layout (&l->axes, cr, width, height, style);
  leave_headroom (l, cmax, cr, width, height, style);
}

static void
draw_bars (const Layout *l, const RlChartGrouping *chart, cairo_t *cr, const RlChartStyle *style)
{
  for (guint g = 0; g < chart->n_groups; g++)
    {
      double x0 = rl_chart_axes_x (&l->axes, chart->lower[g]);
      double x1 = rl_chart_axes_x (&l->axes, chart->upper[g]);
      double y = rl_chart_axes_y (&l->axes, chart->count[g]);

      if (!group_ok (chart, g))
        continue;
      rl_chart_set_color (cr, rl_color_with_alpha (style->accent, 0.75));
      cairo_rectangle (cr, x0 + 0.5, y, MAX (x1 - x0 - 1, 1), l->axes.bottom - y);
      cairo_fill (cr);
    }
}

/* The box of group @g's count label above its bar; FALSE when the bar is
 * too narrow for it or the group is not drawn. */
static gboolean
count_box (const Layout *l, const RlChartGrouping *chart, guint g, const char *label,
           cairo_t *cr, const RlChartStyle *style, RlChartBox *b)
{
  double x0, x1, y, w, h;
  RlChartText t;

  if (!group_ok (chart, g))
    return FALSE;
  x0 = rl_chart_axes_x (&l->axes, chart->lower[g]);
  x1 = rl_chart_axes_x (&l->axes, chart->upper[g]);
  y = rl_chart_axes_y (&l->axes, chart->count[g]) - 2;
  count_text (&t);
  rl_chart_text_size (cr, style, &t, label, &w, &h);
  *b = (RlChartBox) { (x0 + x1 - w) / 2 - 2, y - h, (x0 + x1 + w) / 2 + 2, y };
  return w < x1 - x0 - 2;
}

/* Counts above the bars, on a patch of background so the mean line does not
 * run through them. */
static void
draw_counts (const Layout *l, const RlChartGrouping *chart, cairo_t *cr,
             const RlChartStyle *style)
{
  RlChartText t;

  count_text (&t);
  for (guint g = 0; g < chart->n_groups; g++)
    {
      g_autofree char *label = g_strdup_printf ("%u", chart->count[g]);
      RlChartBox b;

      if (!count_box (l, chart, g, label, cr, style, &b))
        continue;
      rl_chart_set_color (cr, rl_color_with_alpha (style->background, 0.85));
      cairo_rectangle (cr, b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
      cairo_fill (cr);
      rl_chart_draw_text (cr, style, &t, label, (b.x0 + b.x1) / 2, b.y1, style->foreground);
    }
}

static void
draw_means (const Layout *l, const RlChartGrouping *chart, cairo_t *cr, const RlChartStyle *style)
{
  gboolean pen = FALSE;

  if (chart->mean == NULL)
    return;
  rl_chart_set_color (cr, rl_chart_style_category (style, 1));
  cairo_set_line_width (cr, style->line_width);
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint g = 0; g < chart->n_groups; g++)
        {
          double x = rl_chart_axes_x (&l->axes, (chart->lower[g] + chart->upper[g]) / 2);
          double y = rl_chart_axes_y2 (&l->axes, chart->mean[g]);

          if (!group_ok (chart, g) || !isfinite (chart->mean[g]))
            {
              pen = FALSE;
              continue;
            }
          if (pass == 1)
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, x, y, style->line_width + 2, 0, 2 * G_PI);
            }
          else if (pen)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          pen = TRUE;
        }
      if (pass == 0)
        cairo_stroke (cr);
      else
        cairo_fill (cr);
    }
}

void
rl_chart_grouping_init (RlChartGrouping *chart)
{
  memset (chart, 0, sizeof *chart);
  chart->eta2 = NAN;
  chart->eta = NAN;
}

void
rl_chart_grouping_draw (cairo_t               *cr,
                        int                    width,
                        int                    height,
                        const RlChartGrouping *chart,
                        const RlChartStyle    *style)
{
  Layout l;

  if (chart->n_groups == 0 || chart->lower == NULL || chart->upper == NULL
      || chart->count == NULL)
    {
      rl_chart_draw_message (cr, width, height, style, _("No groups to show"));
      return;
    }
  grouping_layout (&l, chart, cr, width, height, style);
  rl_chart_axes_draw (&l.axes, cr, style);
  cairo_save (cr);
  rl_chart_axes_clip (&l.axes, cr);
  draw_bars (&l, chart, cr, style);
  draw_means (&l, chart, cr, style);
  draw_counts (&l, chart, cr, style);
  cairo_restore (cr);
  g_free (l.caption);
}

int
rl_chart_grouping_pick (const RlChartGrouping *chart,
                        const RlChartStyle    *style,
                        int                    width,
                        int                    height,
                        double                 x,
                        double                 y)
{
  cairo_t *cr;
  Layout l;
  int found = -1;

  if (chart->n_groups == 0 || chart->lower == NULL || chart->upper == NULL
      || chart->count == NULL)
    return -1;
  cr = rl_chart_scratch_context ();
  grouping_layout (&l, chart, cr, width, height, style);
  cairo_destroy (cr);
  if (y >= l.axes.top && y <= l.axes.bottom)
    for (guint g = 0; g < chart->n_groups && found < 0; g++)
      if (group_ok (chart, g) && x >= rl_chart_axes_x (&l.axes, chart->lower[g])
          && x < rl_chart_axes_x (&l.axes, chart->upper[g]))
        found = (int) g;
  g_free (l.caption);
  return found;
}

GArray *
rl_chart_grouping_count_boxes (const RlChartGrouping *chart,
                               const RlChartStyle    *style,
                               int                    width,
                               int                    height,
                               RlChartBox            *plot)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (RlChartBox));
  cairo_t *cr;
  Layout l;

  if (chart->n_groups == 0 || chart->lower == NULL || chart->upper == NULL
      || chart->count == NULL)
    return boxes;
  cr = rl_chart_scratch_context ();
  grouping_layout (&l, chart, cr, width, height, style);
  for (guint g = 0; g < chart->n_groups; g++)
    {
      g_autofree char *label = g_strdup_printf ("%u", chart->count[g]);
      RlChartBox b;

      if (count_box (&l, chart, g, label, cr, style, &b))
        g_array_append_val (boxes, b);
    }
  cairo_destroy (cr);
  if (plot != NULL)
    *plot = (RlChartBox) { l.axes.left, l.axes.top, l.axes.right, l.axes.bottom };
  g_free (l.caption);
  return boxes;
}
