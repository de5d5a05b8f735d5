/* rl-chart-silhouette.c — silhouette plot: per-cluster sorted bars and the mean
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-chart-silhouette.h"
#include "rl-charts-i18n.h"

#include <math.h>

#include "rl-chart-axes.h"

typedef struct
{
  RlChartAxes       axes;
  guint             k;
  guint             gap;        /* empty slots between clusters */
  guint             n_slots;
  GArray           *order;      /* guint row index per slot, G_MAXUINT for gaps */
  double            mean;
  RlChartLegendItem legend;
  char              mean_name[64];
} Layout;

static int
by_cluster_then_value (gconstpointer a, gconstpointer b, gpointer data)
{
  const RlChartSilhouette *chart = data;
  guint i = *(const guint *) a, j = *(const guint *) b;

  if (chart->cluster[i] != chart->cluster[j])
    return chart->cluster[i] < chart->cluster[j] ? -1 : 1;
  if (chart->values[i] != chart->values[j])
    return chart->values[i] > chart->values[j] ? -1 : 1;
  return i < j ? -1 : (i > j);
}

/* Slots top to bottom: rows of cluster 0 sorted, a gap, cluster 1, … */
static void
build_order (Layout *l, const RlChartSilhouette *chart)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  const guint none = G_MAXUINT;
  double sum = 0;

  for (guint i = 0; i < chart->n; i++)
    if (isfinite (chart->values[i]))
      {
        g_array_append_val (rows, i);
        sum += chart->values[i];
        l->k = MAX (l->k, chart->cluster[i] + 1);
      }
  g_array_sort_with_data (rows, by_cluster_then_value, (gpointer) chart);
  l->gap = MAX (1u, rows->len / 30);
  l->order = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint s = 0; s < rows->len; s++)
    {
      guint i = g_array_index (rows, guint, s);

      if (s > 0 && chart->cluster[g_array_index (rows, guint, s - 1)] != chart->cluster[i])
        for (guint g = 0; g < l->gap; g++)
          g_array_append_val (l->order, none);
      g_array_append_val (l->order, i);
    }
  l->n_slots = l->order->len;
  l->mean = isfinite (chart->mean) ? chart->mean : (rows->len > 0 ? sum / rows->len : NAN);
}

static void
silhouette_layout (Layout *l, const RlChartSilhouette *chart, cairo_t *cr, int width,
                   int height, const RlChartStyle *style)
{
  double min, max;

  memset (l, 0, sizeof *l);
  build_order (l, chart);
  rl_chart_range (chart->values, chart->n, &min, &max);
  rl_chart_axes_init (&l->axes);
  rl_chart_ticks_nice (&l->axes.x, MIN (min, -0.1), MAX (max, 0.0) > 0.5 ? 1.0 : 0.6, 6);
  l->axes.y.n = 0;
  l->axes.no_y_grid = TRUE;
  l->axes.title = chart->title;
  l->axes.x_title = _("Silhouette coefficient");
  l->axes.y_title = _("Cluster");
  l->axes.extra_left = style->font_size * 2.5;
  if (isfinite (l->mean))
    {
      g_autofree char *value = rl_chart_format_value (l->mean);

      g_snprintf (l->mean_name, sizeof l->mean_name, _("Mean silhouette %s"), value);
      l->legend = (RlChartLegendItem) { l->mean_name, style->foreground, RL_CHART_LEGEND_DASHED };
      l->axes.legend = &l->legend;
      l->axes.n_legend = 1;
    }
  rl_chart_axes_layout (&l->axes, cr, width, height, style);
}

static double
slot_height (const Layout *l)
{
  return (l->axes.bottom - l->axes.top) / MAX (l->n_slots, 1u);
}

static void
draw_cluster_name (const Layout *l, const RlChartSilhouette *chart, guint c, double y,
                   cairo_t *cr, const RlChartStyle *style)
{
  g_autofree char *name = chart->cluster_names != NULL ? g_strdup (chart->cluster_names[c])
                                                       : g_strdup_printf ("%u", c + 1);
  RlChartText t;

  rl_chart_text_init (&t);
  t.halign = 1;
  t.valign = 0.5;
  t.max_width = l->axes.extra_left - 4;
  rl_chart_draw_text (cr, style, &t, name, l->axes.left - 6, y, rl_chart_style_category (style, c));
}

static void
draw_bars (const Layout *l, const RlChartSilhouette *chart, cairo_t *cr,
           const RlChartStyle *style)
{
  double h = slot_height (l), x0 = rl_chart_axes_x (&l->axes, 0);
  guint first = 0;

  for (guint s = 0; s <= l->n_slots; s++)
    {
      guint i = s < l->n_slots ? g_array_index (l->order, guint, s) : G_MAXUINT;

      if (i == G_MAXUINT)
        {
          if (s > first)
            {
              guint c = chart->cluster[g_array_index (l->order, guint, first)];

              draw_cluster_name (l, chart, c, l->axes.top + (first + s) * h / 2, cr, style);
            }
          first = s + 1;
          continue;
        }
      rl_chart_set_color (cr, rl_chart_style_category (style, chart->cluster[i]));
      cairo_rectangle (cr, MIN (x0, rl_chart_axes_x (&l->axes, chart->values[i])),
                       l->axes.top + s * h,
                       fabs (rl_chart_axes_x (&l->axes, chart->values[i]) - x0),
                       MAX (h - (h > 4 ? 1 : 0), 0.5));
      cairo_fill (cr);
    }
}

static void
draw_mean (const Layout *l, cairo_t *cr, const RlChartStyle *style)
{
  double x = rl_chart_axes_x (&l->axes, l->mean);

  if (!isfinite (l->mean))
    return;
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
  rl_chart_set_color (cr, style->foreground);
  cairo_move_to (cr, x, l->axes.top);
  cairo_line_to (cr, x, l->axes.bottom);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

void
rl_chart_silhouette_draw (cairo_t                 *cr,
                          int                      width,
                          int                      height,
                          const RlChartSilhouette *chart,
                          const RlChartStyle      *style)
{
  Layout l;

  if (chart->n == 0 || chart->values == NULL || chart->cluster == NULL)
    {
      rl_chart_draw_message (cr, width, height, style, _("No silhouette values to show"));
      return;
    }
  silhouette_layout (&l, chart, cr, width, height, style);
  rl_chart_axes_draw (&l.axes, cr, style);
  cairo_save (cr);
  draw_bars (&l, chart, cr, style);
  draw_mean (&l, cr, style);
  cairo_restore (cr);
  g_array_unref (l.order);
}

int
rl_chart_silhouette_pick (const RlChartSilhouette *chart,
                          const RlChartStyle      *style,
                          int                      width,
                          int                      height,
                          double                   x,
                          double                   y)
{
  cairo_t *cr;
  Layout l;
  int found = -1;

  if (chart->n == 0 || chart->values == NULL || chart->cluster == NULL)
    return -1;
  cr = rl_chart_scratch_context ();
  silhouette_layout (&l, chart, cr, width, height, style);
  cairo_destroy (cr);
  if (x >= l.axes.left && x <= l.axes.right && y >= l.axes.top && y < l.axes.bottom)
    {
      guint s = (guint) ((y - l.axes.top) / slot_height (&l));

      if (s < l.n_slots && g_array_index (l.order, guint, s) != G_MAXUINT)
        found = (int) g_array_index (l.order, guint, s);
    }
  g_array_unref (l.order);
  return found;
}
