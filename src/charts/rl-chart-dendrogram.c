/* rl-chart-dendrogram.c — dendrogram of a hierarchical clustering
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-chart-dendrogram.h"
#include "rl-charts-i18n.h"

#include <math.h>

#include "rl-chart-axes.h"
#include "rl-error.h"
#include "rl-hclust.h"

typedef struct
{
  RlChartAxes axes;
  guint      *order;       /* leaves left to right */
  double      label_scale; /* 0: no leaf labels */
  double      label_room;
} Layout;

static gboolean
child_ok (double v, guint limit, gboolean *used)
{
  guint c;

  if (!(v >= 0) || v != floor (v) || v >= limit)
    return FALSE;
  c = (guint) v;
  if (used[c])
    return FALSE;
  used[c] = TRUE;
  return TRUE;
}

static gboolean
linkage_valid (const double *linkage, guint n)
{
  g_autofree gboolean *used = g_new0 (gboolean, 2 * n);

  for (guint i = 0; i + 1 < n; i++)
    {
      const double *row = linkage + 4 * i;

      if (!child_ok (row[0], n + i, used) || !child_ok (row[1], n + i, used)
          || !isfinite (row[2]) || row[2] < 0)
        return FALSE;
    }
  return TRUE;
}

guint *
rl_chart_dendrogram_leaf_order (const double *linkage,
                                guint         n_leaves,
                                GError      **error)
{
  if (n_leaves == 0 || (n_leaves > 1 && (linkage == NULL || !linkage_valid (linkage, n_leaves))))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "The linkage matrix is not a binary tree over %u leaves", n_leaves);
      return NULL;
    }
  if (n_leaves == 1)
    return g_new0 (guint, 1);
  {
    gsl_matrix_const_view z = gsl_matrix_const_view_array (linkage, n_leaves - 1, 4);

    return rl_hclust_leaf_order (&z.matrix);
  }
}

static const char *
leaf_label (const RlChartDendrogram *chart, guint leaf, char buf[16])
{
  if (chart->labels != NULL && chart->labels[leaf] != NULL)
    return chart->labels[leaf];
  g_snprintf (buf, 16, "%u", leaf + 1);
  return buf;
}

/* Leaf labels run vertically under the plot; their font shrinks with the
 * column width and they are elided to at most 30 % of the height. */
static void
measure_labels (Layout *l, const RlChartDendrogram *chart, cairo_t *cr, int width, int height,
                const RlChartStyle *style)
{
  double column = (width * 0.85) / chart->n_leaves, widest = 0;
  RlChartText t;

  l->label_scale = MIN (0.85, column * 0.95 / style->font_size);
  if (l->label_scale * style->font_size < 6.0)
    {
      l->label_scale = 0;
      l->label_room = 0;
      return;
    }
  rl_chart_text_init (&t);
  t.scale = l->label_scale;
  for (guint i = 0; i < chart->n_leaves; i++)
    {
      char buf[16];
      double w;

      rl_chart_text_size (cr, style, &t, leaf_label (chart, i, buf), &w, NULL);
      widest = MAX (widest, w);
    }
  l->label_room = MIN (widest, height * 0.3) + 6;
}

static gboolean
dendrogram_layout (Layout *l, const RlChartDendrogram *chart, cairo_t *cr, int width, int height,
                   const RlChartStyle *style)
{
  double top = 0;

  memset (l, 0, sizeof *l);
  l->order = rl_chart_dendrogram_leaf_order (chart->linkage, chart->n_leaves, NULL);
  if (l->order == NULL)
    return FALSE;
  for (guint i = 0; i + 1 < chart->n_leaves; i++)
    top = MAX (top, chart->linkage[4 * i + 2]);
  if (isfinite (chart->cut_height))
    top = MAX (top, chart->cut_height);
  measure_labels (l, chart, cr, width, height, style);
  rl_chart_axes_init (&l->axes);
  rl_chart_ticks_nice (&l->axes.y, 0, top > 0 ? top : 1, 6);
  l->axes.x.n = 0;
  l->axes.no_x_grid = TRUE;
  l->axes.title = chart->title;
  l->axes.y_title = chart->y_title != NULL ? chart->y_title : _("Merge distance");
  l->axes.extra_bottom = l->label_room;
  rl_chart_axes_layout (&l->axes, cr, width, height, style);
  return TRUE;
}

static double
column_width (const Layout *l, const RlChartDendrogram *chart)
{
  return (l->axes.right - l->axes.left) / chart->n_leaves;
}

static double
node_height (const RlChartDendrogram *chart, guint node)
{
  return node < chart->n_leaves ? 0.0 : chart->linkage[4 * (node - chart->n_leaves) + 2];
}

/* The cluster root of every node after the cut, −1 above the cut. Node ids
 * decrease from the root down, so parents are settled before children. */
static void
cluster_roots (const RlChartDendrogram *chart, int *root_of)
{
  guint n = chart->n_leaves;
  double cut = chart->cut_height;

  for (guint v = 0; v < 2 * n - 1; v++)
    root_of[v] = -1;
  if (!isfinite (cut))
    return;
  if (node_height (chart, 2 * n - 2) <= cut)
    root_of[2 * n - 2] = (int) (2 * n - 2);
  for (guint p = 2 * n - 2; p >= n; p--)
    for (guint side = 0; side < 2; side++)
      {
        guint c = (guint) chart->linkage[4 * (p - n) + side];

        if (root_of[p] >= 0)
          root_of[c] = root_of[p];
        else if (node_height (chart, c) <= cut)
          root_of[c] = (int) c;
      }
}

/* Horizontal position of every node (leaves by order, inner nodes between
 * their children) and its colour index: −1 above the cut (or without one);
 * clusters take their id from @chart->cluster, else numbers left to right. */
static void
node_geometry (const Layout *l, const RlChartDendrogram *chart, double *xs, int *color)
{
  guint n = chart->n_leaves;
  g_autofree int *root_of = g_new (int, 2 * n - 1);
  g_autofree int *number = g_new (int, 2 * n - 1);
  int next = 0;

  for (guint j = 0; j < n; j++)
    xs[l->order[j]] = l->axes.left + (j + 0.5) * column_width (l, chart);
  for (guint i = 0; i + 1 < n; i++)
    xs[n + i] = (xs[(guint) chart->linkage[4 * i]] + xs[(guint) chart->linkage[4 * i + 1]]) / 2;
  cluster_roots (chart, root_of);
  for (guint v = 0; v < 2 * n - 1; v++)
    number[v] = -1;
  for (guint j = 0; j < n; j++)
    {
      int r = root_of[l->order[j]];

      if (r >= 0 && number[r] < 0)
        number[r] = chart->cluster != NULL ? (int) chart->cluster[l->order[j]] : next++;
    }
  for (guint v = 0; v < 2 * n - 1; v++)
    color[v] = root_of[v] >= 0 ? number[root_of[v]] : -1;
}

static RlColor
link_color (const RlChartStyle *style, int color)
{
  return color >= 0 ? rl_chart_style_category (style, (guint) color) : style->neutral;
}

static void
draw_links (const Layout *l, const RlChartDendrogram *chart, const double *xs, const int *color,
            cairo_t *cr, const RlChartStyle *style)
{
  guint n = chart->n_leaves;

  cairo_set_line_width (cr, MAX (1.0, style->line_width * 0.75));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  for (guint i = 0; i + 1 < n; i++)
    {
      guint a = (guint) chart->linkage[4 * i], b = (guint) chart->linkage[4 * i + 1];
      double y = rl_chart_axes_y (&l->axes, chart->linkage[4 * i + 2]);

      cairo_move_to (cr, xs[a], rl_chart_axes_y (&l->axes, node_height (chart, a)));
      cairo_line_to (cr, xs[a], y);
      cairo_line_to (cr, xs[b], y);
      cairo_line_to (cr, xs[b], rl_chart_axes_y (&l->axes, node_height (chart, b)));
      rl_chart_set_color (cr, link_color (style, color[n + i]));
      cairo_stroke (cr);
    }
}

static void
draw_leaves (const Layout *l, const RlChartDendrogram *chart, const double *xs, const int *color,
             cairo_t *cr, const RlChartStyle *style)
{
  double cw = column_width (l, chart);
  RlChartText t;

  rl_chart_text_init (&t);
  t.scale = l->label_scale;
  t.angle = G_PI / 2;
  t.halign = 1;
  t.valign = 0.5;
  t.max_width = l->label_room - 6;
  for (guint leaf = 0; leaf < chart->n_leaves; leaf++)
    {
      gboolean sel = chart->selected != NULL && chart->selected[leaf];
      char buf[16];

      if (sel)
        {
          rl_chart_set_color (cr, rl_color_with_alpha (style->accent, 0.25));
          cairo_rectangle (cr, xs[leaf] - cw / 2, l->axes.top, cw,
                           l->axes.bottom + l->label_room - l->axes.top);
          cairo_fill (cr);
        }
      if (color[leaf] >= 0)
        {
          rl_chart_set_color (cr, link_color (style, color[leaf]));
          cairo_arc (cr, xs[leaf], l->axes.bottom, MIN (3.0, cw * 0.3), 0, 2 * G_PI);
          cairo_fill (cr);
        }
      if (l->label_scale <= 0)
        continue;
      t.bold = sel;
      rl_chart_draw_text (cr, style, &t, leaf_label (chart, leaf, buf), xs[leaf],
                          l->axes.bottom + 4, style->foreground);
    }
}

static void
draw_cut (const Layout *l, const RlChartDendrogram *chart, cairo_t *cr,
          const RlChartStyle *style)
{
  g_autofree char *value = NULL, *label = NULL;
  double y;
  RlChartText t;

  if (!isfinite (chart->cut_height))
    return;
  y = rl_chart_axes_y (&l->axes, chart->cut_height);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
  rl_chart_set_color (cr, style->foreground);
  cairo_move_to (cr, l->axes.left, y);
  cairo_line_to (cr, l->axes.right, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  value = rl_chart_format_value (chart->cut_height);
  label = g_strdup_printf (_("cut at %s"), value);
  rl_chart_text_init (&t);
  t.scale = 0.85;
  t.halign = 1;
  t.valign = 1;
  rl_chart_draw_text (cr, style, &t, label, l->axes.right - 2, y - 2, style->foreground);
}

void
rl_chart_dendrogram_draw (cairo_t                 *cr,
                          int                      width,
                          int                      height,
                          const RlChartDendrogram *chart,
                          const RlChartStyle      *style)
{
  g_autofree double *xs = NULL;
  g_autofree int *color = NULL;
  Layout l;

  if (!dendrogram_layout (&l, chart, cr, width, height, style))
    {
      rl_chart_draw_message (cr, width, height, style,
                             chart->n_leaves == 0 ? _("No tree to show") : _("Invalid linkage matrix"));
      return;
    }
  xs = g_new (double, 2 * chart->n_leaves);
  color = g_new (int, 2 * chart->n_leaves);
  node_geometry (&l, chart, xs, color);
  rl_chart_axes_draw (&l.axes, cr, style);
  cairo_save (cr);
  draw_leaves (&l, chart, xs, color, cr, style);
  draw_links (&l, chart, xs, color, cr, style);
  draw_cut (&l, chart, cr, style);
  cairo_restore (cr);
  g_free (l.order);
}

int
rl_chart_dendrogram_pick (const RlChartDendrogram *chart,
                          const RlChartStyle      *style,
                          int                      width,
                          int                      height,
                          double                   x,
                          double                   y)
{
  cairo_t *cr = rl_chart_scratch_context ();
  int found = -1;
  Layout l;
  gboolean ok = dendrogram_layout (&l, chart, cr, width, height, style);

  cairo_destroy (cr);
  if (!ok)
    return -1;
  if (x >= l.axes.left && x < l.axes.right && y >= l.axes.top
      && y <= l.axes.bottom + l.label_room)
    {
      guint j = (guint) ((x - l.axes.left) / column_width (&l, chart));

      if (j < chart->n_leaves)
        found = (int) l.order[j];
    }
  g_free (l.order);
  return found;
}
