/* rl-chart-scatter.c — scatter plot of two indicators or principal components
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-chart-scatter.h"
#include "rl-charts-i18n.h"

#include <math.h>

#include "rl-chart-axes.h"

#define MAX_LEGEND      24
#define LABEL_ALL_UPTO  40

typedef struct
{
  RlChartAxes       axes;
  RlChartLegendItem legend[MAX_LEGEND];
  char             *names[MAX_LEGEND];
  double            radius;
} Layout;

typedef RlChartBox Box;

static void
layout_clear (Layout *l)
{
  for (guint i = 0; i < MAX_LEGEND; i++)
    g_free (l->names[i]);
}

static guint
n_clusters (const RlChartScatter *chart)
{
  guint k = 0;

  for (guint i = 0; chart->cluster != NULL && i < chart->n; i++)
    k = MAX (k, chart->cluster[i] + 1);
  return k;
}

static void
padded_ticks (RlChartTicks *ticks, const double *v, guint n)
{
  double min, max;

  rl_chart_range (v, n, &min, &max);
  rl_chart_ticks_padded (ticks, min, max, 0.04, 6);
}

static void
scatter_layout (Layout *l, const RlChartScatter *chart, cairo_t *cr, int width, int height,
                const RlChartStyle *style)
{
  guint k = n_clusters (chart);

  memset (l, 0, sizeof *l);
  rl_chart_axes_init (&l->axes);
  l->axes.title = chart->title;
  l->axes.x_title = chart->x_title;
  l->axes.y_title = chart->y_title;
  padded_ticks (&l->axes.x, chart->x, chart->n);
  padded_ticks (&l->axes.y, chart->y, chart->n);
  for (guint c = 0; c < MIN (k, MAX_LEGEND); c++)
    {
      l->names[c] = chart->cluster_names != NULL ? g_strdup (chart->cluster_names[c])
                                                 : g_strdup_printf (_("Cluster %u"), c + 1);
      l->legend[c] = (RlChartLegendItem) { l->names[c], rl_chart_style_category (style, c),
                                           RL_CHART_LEGEND_POINT };
    }
  l->axes.legend = l->legend;
  l->axes.n_legend = MIN (k, MAX_LEGEND);
  l->radius = style->font_size * (chart->n > 200 ? 0.25 : 0.35);
  rl_chart_axes_layout (&l->axes, cr, width, height, style);
}

static gboolean
point_xy (const Layout *l, const RlChartScatter *chart, guint i, double *px, double *py)
{
  if (!isfinite (chart->x[i]) || !isfinite (chart->y[i]))
    return FALSE;
  *px = rl_chart_axes_x (&l->axes, chart->x[i]);
  *py = rl_chart_axes_y (&l->axes, chart->y[i]);
  return TRUE;
}

static gboolean
is_selected (const RlChartScatter *chart, guint i)
{
  return chart->selected != NULL && chart->selected[i];
}

static gboolean
wants_label (const RlChartScatter *chart, guint i)
{
  if (chart->labels == NULL || chart->labels[i] == NULL)
    return FALSE;
  if (chart->show_label != NULL)
    return chart->show_label[i];
  return chart->n <= LABEL_ALL_UPTO || is_selected (chart, i);
}

static gboolean
box_free (GArray *boxes, const Box *b, const RlChartAxes *axes)
{
  if (b->x0 < axes->left || b->x1 > axes->right || b->y0 < axes->top || b->y1 > axes->bottom)
    return FALSE;
  for (guint j = 0; j < boxes->len; j++)
    {
      const Box *o = &g_array_index (boxes, Box, j);

      if (b->x0 < o->x1 && o->x0 < b->x1 && b->y0 < o->y1 && o->y0 < b->y1)
        return FALSE;
    }
  return TRUE;
}

static void
label_text (const RlChartScatter *chart, guint i, const RlChartStyle *style, RlChartText *t)
{
  rl_chart_text_init (t);
  t->scale = 0.85;
  t->bold = is_selected (chart, i);
  t->max_width = style->font_size * 14;
  t->halign = t->valign = 0.5;
}

/* Tries eight places around the point, first close to it, then (for a
 * selected point) one and two label heights further out with a leader line;
 * a label that overlaps another label or point at every place is dropped. */
static void
place_label (const Layout *l, const RlChartScatter *chart, guint i, GArray *boxes,
             GArray *placed, cairo_t *cr, const RlChartStyle *style)
{
  const double dx[] = { 1, -1, 0, 0, 1, -1, 1, -1 }, dy[] = { 0, 0, -1, 1, -1, -1, 1, 1 };
  guint rings = is_selected (chart, i) ? 3 : 1;
  RlChartText t;
  double px, py, w, h, gap = l->radius + (is_selected (chart, i) ? 6 : 2);

  if (!point_xy (l, chart, i, &px, &py))
    return;
  label_text (chart, i, style, &t);
  rl_chart_text_size (cr, style, &t, chart->labels[i], &w, &h);
  for (guint ring = 0; ring < rings; ring++)
    for (guint q = 0; q < G_N_ELEMENTS (dx); q++)
      {
        double d = gap + ring * h * 1.5;
        double cx = px + dx[q] * (d + w / 2), cy = py + dy[q] * (d + h / 2);
        RlChartScatterLabel lab = { i, { cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2 },
                                    px, py, ring > 0 };

        if (!box_free (boxes, &lab.box, &l->axes))
          continue;
        g_array_append_val (boxes, lab.box);
        g_array_append_val (placed, lab);
        return;
      }
}

/* Labels of selected points first, so they win their places; the points'
 * own discs count as taken. */
static GArray *
place_labels (const Layout *l, const RlChartScatter *chart, cairo_t *cr,
              const RlChartStyle *style)
{
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  GArray *placed = g_array_new (FALSE, FALSE, sizeof (RlChartScatterLabel));

  for (guint i = 0; i < chart->n; i++)
    {
      double px, py, r = l->radius;

      if (point_xy (l, chart, i, &px, &py))
        g_array_append_val (boxes, ((Box) { px - r, py - r, px + r, py + r }));
    }
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < chart->n; i++)
      if (wants_label (chart, i) && is_selected (chart, i) == (pass == 0))
        place_label (l, chart, i, boxes, placed, cr, style);
  return placed;
}

/* A thin line from the point's ring to the nearest point of a moved label. */
static void
draw_leader (const RlChartScatterLabel *lab, double radius, cairo_t *cr,
             const RlChartStyle *style)
{
  double tx = CLAMP (lab->px, lab->box.x0, lab->box.x1);
  double ty = CLAMP (lab->py, lab->box.y0, lab->box.y1);
  double d = hypot (tx - lab->px, ty - lab->py);

  if (d <= radius + 3)
    return;
  rl_chart_set_color (cr, rl_color_with_alpha (style->foreground, 0.6));
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, lab->px + (tx - lab->px) * (radius + 3) / d,
                 lab->py + (ty - lab->py) * (radius + 3) / d);
  cairo_line_to (cr, tx, ty);
  cairo_stroke (cr);
}

static void
draw_labels (const Layout *l, const RlChartScatter *chart, cairo_t *cr, const RlChartStyle *style)
{
  g_autoptr(GArray) placed = place_labels (l, chart, cr, style);

  for (guint k = 0; k < placed->len; k++)
    {
      const RlChartScatterLabel *lab = &g_array_index (placed, RlChartScatterLabel, k);
      RlChartText t;

      if (lab->leader)
        draw_leader (lab, l->radius, cr, style);
      label_text (chart, lab->index, style, &t);
      rl_chart_draw_text (cr, style, &t, chart->labels[lab->index],
                          (lab->box.x0 + lab->box.x1) / 2, (lab->box.y0 + lab->box.y1) / 2,
                          style->foreground);
    }
}

static void
draw_points (const Layout *l, const RlChartScatter *chart, cairo_t *cr, const RlChartStyle *style)
{
  for (guint i = 0; i < chart->n; i++)
    {
      RlColor c = chart->cluster != NULL ? rl_chart_style_category (style, chart->cluster[i])
                                         : style->accent;
      double px, py;

      if (!point_xy (l, chart, i, &px, &py))
        continue;
      cairo_arc (cr, px, py, l->radius, 0, 2 * G_PI);
      rl_chart_set_color (cr, rl_color_with_alpha (c, 0.9));
      cairo_fill_preserve (cr);
      rl_chart_set_color (cr, style->background);
      cairo_set_line_width (cr, 0.8);
      cairo_stroke (cr);
      if (!is_selected (chart, i))
        continue;
      cairo_arc (cr, px, py, l->radius + 3, 0, 2 * G_PI);
      rl_chart_set_color (cr, style->selection);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);
    }
}

void
rl_chart_scatter_draw (cairo_t              *cr,
                       int                   width,
                       int                   height,
                       const RlChartScatter *chart,
                       const RlChartStyle   *style)
{
  Layout l;

  if (chart->n == 0 || chart->x == NULL || chart->y == NULL)
    {
      rl_chart_draw_message (cr, width, height, style, _("No points to show"));
      return;
    }
  scatter_layout (&l, chart, cr, width, height, style);
  rl_chart_axes_draw (&l.axes, cr, style);
  cairo_save (cr);
  rl_chart_axes_clip (&l.axes, cr);
  draw_points (&l, chart, cr, style);
  draw_labels (&l, chart, cr, style);
  cairo_restore (cr);
  layout_clear (&l);
}

int
rl_chart_scatter_pick (const RlChartScatter *chart,
                       const RlChartStyle   *style,
                       int                   width,
                       int                   height,
                       double                x,
                       double                y)
{
  cairo_t *cr;
  Layout l;
  int best = -1;
  double best_d2 = 0;

  if (chart->n == 0 || chart->x == NULL || chart->y == NULL)
    return -1;
  cr = rl_chart_scratch_context ();
  scatter_layout (&l, chart, cr, width, height, style);
  cairo_destroy (cr);
  for (guint i = 0; i < chart->n; i++)
    {
      double px, py, d2, r = l.radius + 3;

      if (!point_xy (&l, chart, i, &px, &py))
        continue;
      d2 = (px - x) * (px - x) + (py - y) * (py - y);
      if (d2 <= r * r && (best < 0 || d2 < best_d2))
        {
          best = (int) i;
          best_d2 = d2;
        }
    }
  layout_clear (&l);
  return best;
}

GArray *
rl_chart_scatter_points_in_rect (const RlChartScatter *chart,
                                 const RlChartStyle   *style,
                                 int                   width,
                                 int                   height,
                                 double                x0,
                                 double                y0,
                                 double                x1,
                                 double                y1)
{
  GArray *inside = g_array_new (FALSE, FALSE, sizeof (guint));
  cairo_t *cr;
  Layout l;

  if (chart->n == 0 || chart->x == NULL || chart->y == NULL)
    return inside;
  cr = rl_chart_scratch_context ();
  scatter_layout (&l, chart, cr, width, height, style);
  cairo_destroy (cr);
  for (guint i = 0; i < chart->n; i++)
    {
      double px, py;

      if (point_xy (&l, chart, i, &px, &py) && px >= MIN (x0, x1) && px <= MAX (x0, x1)
          && py >= MIN (y0, y1) && py <= MAX (y0, y1))
        g_array_append_val (inside, i);
    }
  layout_clear (&l);
  return inside;
}

GArray *
rl_chart_scatter_labels (const RlChartScatter *chart,
                         const RlChartStyle   *style,
                         int                   width,
                         int                   height,
                         RlChartTicks         *x,
                         RlChartTicks         *y)
{
  cairo_t *cr;
  Layout l;
  GArray *placed;

  if (chart->n == 0 || chart->x == NULL || chart->y == NULL)
    return g_array_new (FALSE, FALSE, sizeof (RlChartScatterLabel));
  cr = rl_chart_scratch_context ();
  scatter_layout (&l, chart, cr, width, height, style);
  placed = place_labels (&l, chart, cr, style);
  cairo_destroy (cr);
  if (x != NULL)
    *x = l.axes.x;
  if (y != NULL)
    *y = l.axes.y;
  layout_clear (&l);
  return placed;
}
