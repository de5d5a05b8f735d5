/* rl-chart-rating.c — need rating as sorted horizontal bars
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-chart-rating.h"
#include "rl-charts-i18n.h"

#include <math.h>

#include "rl-chart-axes.h"

#define MAX_COLUMNS 4
#define MIN_COL_W   200.0

typedef struct
{
  RlChartAxes       axes;
  RlChartLegendItem legend[4];
  guint            *order;        /* sorted indices, best first */
  guint             n_valid, m;   /* all sorted rows; rows shown */
  guint             n_cols, per_col;
  double            col_w, gap, row_h, name_w, bar_w, strip_w, scale;
  double            lo, hi;       /* score range */
  RlChartTicks      ticks;
} Layout;

static int
by_score (gconstpointer a, gconstpointer b, gpointer data)
{
  const double *s = data;
  guint i = *(const guint *) a, j = *(const guint *) b;

  if (s[i] != s[j])
    return s[i] > s[j] ? -1 : 1;
  return i < j ? -1 : (i > j);
}

static void
sort_rows (Layout *l, const RlChartRating *chart)
{
  l->order = g_new (guint, MAX (chart->n, 1u));
  for (guint i = 0; i < chart->n; i++)
    if (isfinite (chart->scores[i]))
      l->order[l->n_valid++] = i;
  g_qsort_with_data (l->order, l->n_valid, sizeof (guint), by_score, (gpointer) chart->scores);
  l->m = chart->top_n > 0 ? MIN (chart->top_n, l->n_valid) : l->n_valid;
}

static void
score_range (Layout *l, const RlChartRating *chart)
{
  l->lo = 0;
  l->hi = 0;
  for (guint r = 0; r < l->m; r++)
    {
      guint i = l->order[r];
      gboolean w = chart->interval == RL_CHART_INTERVAL_SCORE && chart->low && chart->high;
      double lo = w && isfinite (chart->low[i]) ? chart->low[i] : 0;
      double hi = w && isfinite (chart->high[i]) ? chart->high[i] : 0;

      l->lo = MIN (l->lo, MIN (chart->scores[i], lo));
      l->hi = MAX (l->hi, MAX (chart->scores[i], hi));
    }
  if (l->hi <= l->lo)
    l->hi = l->lo + 1;
}

static void
choose_columns (Layout *l, cairo_t *cr, const RlChartStyle *style)
{
  double avail_h = l->axes.bottom - l->axes.top, avail_w = l->axes.right - l->axes.left;
  double min_row = style->font_size * 0.8 + 3;

  l->n_cols = 1;
  while (l->n_cols < MAX_COLUMNS && l->m * min_row > avail_h * l->n_cols
         && avail_w / (l->n_cols + 1) >= MIN_COL_W)
    l->n_cols++;
  l->per_col = (l->m + l->n_cols - 1) / MAX (l->n_cols, 1u);
  l->gap = l->n_cols > 1 ? style->font_size * 1.5 : 0;
  l->col_w = (avail_w - l->gap * (l->n_cols - 1)) / l->n_cols;
  l->row_h = avail_h / MAX (l->per_col, 1u);
  l->scale = CLAMP ((l->row_h - 2) / style->font_size, 0.45, 0.85);
}

/* Standard short forms of the words that make region names long. */
static const char * const short_forms[][2] = {
  { "автономный округ", "АО" },
  { "автономного округа", "АО" },
  { "автономных округов", "АО" },
  { "область", "обл." },
  { "Республика", "Респ." },
};

static void
name_text (const Layout *l, const RlChartRating *chart, guint r, RlChartText *t)
{
  rl_chart_text_init (t);
  t->scale = l->scale;
  t->bold = chart->selected != NULL && chart->selected[l->order[r]];
  t->valign = 0.5;
}

/* "12. Name" as drawn in row @r: the whole name when it fits the name column,
 * else with standard words abbreviated one kind after another until it fits;
 * its width (unelided) in @width. */
static char *
row_name (const Layout *l, const RlChartRating *chart, guint r, cairo_t *cr,
          const RlChartStyle *style, double *width)
{
  const char *name = chart->names != NULL && chart->names[l->order[r]] != NULL
                     ? chart->names[l->order[r]] : "";
  g_autoptr(GString) s = g_string_new (NULL);
  RlChartText t;
  double w;

  name_text (l, chart, r, &t);
  g_string_printf (s, "%u. %s", r + 1, name);
  rl_chart_text_size (cr, style, &t, s->str, &w, NULL);
  for (guint k = 0; k < G_N_ELEMENTS (short_forms) && w > l->name_w - 6; k++)
    if (g_string_replace (s, short_forms[k][0], short_forms[k][1], 0) > 0)
      rl_chart_text_size (cr, style, &t, s->str, &w, NULL);
  if (width != NULL)
    *width = w;
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The name column is as wide as the longest name needs, up to 60 % of the
 * column; longer names are abbreviated by row_name(). */
static void
measure_names (Layout *l, const RlChartRating *chart, cairo_t *cr, const RlChartStyle *style)
{
  double widest = 0;

  l->name_w = G_MAXDOUBLE;
  for (guint r = 0; r < l->m; r++)
    {
      double w;
      g_autofree char *s = row_name (l, chart, r, cr, style, &w);

      widest = MAX (widest, w);
    }
  l->name_w = MIN (widest + 8, l->col_w * 0.6);
  l->strip_w = chart->interval == RL_CHART_INTERVAL_RANK && chart->low && chart->high
               ? (l->col_w - l->name_w) * 0.35 : 0;
  l->bar_w = l->col_w - l->name_w - l->strip_w - (l->strip_w > 0 ? style->font_size * 1.6 : 0);
}

static void
set_legend (Layout *l, const RlChartRating *chart, const RlChartStyle *style)
{
  const char *interval = chart->interval == RL_CHART_INTERVAL_RANK
                         /* xgettext:no-c-format */
                         ? _("Rank and its 90 % interval (right strip)")
                         /* xgettext:no-c-format */
                         : _("90 % interval");

  l->legend[0] = (RlChartLegendItem) { _("Ranks 1–10"), style->top10, RL_CHART_LEGEND_BOX };
  l->legend[1] = (RlChartLegendItem) { _("Ranks 11–20"), style->top20, RL_CHART_LEGEND_BOX };
  l->legend[2] = (RlChartLegendItem) { _("Other regions"), style->neutral, RL_CHART_LEGEND_BOX };
  l->legend[3] = (RlChartLegendItem) { interval, style->foreground, RL_CHART_LEGEND_LINE };
}

static void
rating_layout (Layout *l, const RlChartRating *chart, cairo_t *cr, int width, int height,
               const RlChartStyle *style)
{
  RlChartText t;
  double tick_h;

  memset (l, 0, sizeof *l);
  sort_rows (l, chart);
  score_range (l, chart);
  set_legend (l, chart, style);
  rl_chart_text_init (&t);
  t.scale = 0.85;
  rl_chart_text_size (cr, style, &t, "0", NULL, &tick_h);
  rl_chart_axes_init (&l->axes);
  l->axes.title = chart->title;
  l->axes.x_title = chart->score_title != NULL ? chart->score_title : _("Need score");
  l->axes.x.n = l->axes.y.n = 0;
  l->axes.no_axis_lines = l->axes.no_x_grid = l->axes.no_y_grid = TRUE;
  l->axes.legend = l->legend;
  l->axes.n_legend = chart->interval != RL_CHART_INTERVAL_NONE && chart->low ? 4 : 3;
  l->axes.extra_bottom = tick_h + 6;
  l->axes.extra_right = style->font_size * 1.2;   /* half of the last tick label */
  rl_chart_axes_layout (&l->axes, cr, width, height, style);
  choose_columns (l, cr, style);
  measure_names (l, chart, cr, style);
  rl_chart_ticks_nice (&l->ticks, l->lo, l->hi, CLAMP ((guint) (l->bar_w / 70), 2u, 8u));
}

static double
col_x (const Layout *l, guint c)
{
  return l->axes.left + c * (l->col_w + l->gap);
}

static double
score_x (const Layout *l, guint c, double v)
{
  double x0 = col_x (l, c) + l->name_w;

  return x0 + (v - l->ticks.lo) / (l->ticks.hi - l->ticks.lo) * l->bar_w;
}

static RlColor
rank_color (const RlChartStyle *style, guint rank)
{
  return rank <= 10 ? style->top10 : rank <= 20 ? style->top20 : style->neutral;
}

/* Grid lines and tick labels under one column's bars (and its rank strip). */
static void
draw_column_axis (const Layout *l, guint c, cairo_t *cr, const RlChartStyle *style)
{
  double bottom = l->axes.top + l->per_col * l->row_h;
  double spacing = l->bar_w / MAX (l->ticks.n - 1, 1u), widest = 0;
  RlChartText t;

  rl_chart_text_init (&t);
  t.scale = 0.85;
  t.halign = 0.5;
  for (guint i = 0; i < l->ticks.n; i++)
    {
      g_autofree char *s = rl_chart_format_tick (&l->ticks, l->ticks.values[i]);
      double w;

      rl_chart_text_size (cr, style, &t, s, &w, NULL);
      widest = MAX (widest, w + 6);
    }
  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < l->ticks.n; i++)
    {
      double x = round (score_x (l, c, l->ticks.values[i])) + 0.5;
      g_autofree char *s = rl_chart_format_tick (&l->ticks, l->ticks.values[i]);

      rl_chart_set_color (cr, l->ticks.values[i] == 0 ? rl_color_with_alpha (style->foreground, 0.5)
                                                       : style->grid);
      cairo_move_to (cr, x, l->axes.top);
      cairo_line_to (cr, x, bottom + 3);
      cairo_stroke (cr);
      if (i % MAX (1u, (guint) ceil (widest / MAX (spacing, 1.0))) == 0)
        rl_chart_draw_text (cr, style, &t, s, x, bottom + 4, style->muted);
    }
}

/* The rank strip's frame: ranks 1 .. n left to right. */
static void
draw_rank_axis (const Layout *l, guint c, cairo_t *cr, const RlChartStyle *style)
{
  double x0 = col_x (l, c) + l->col_w - l->strip_w, x1 = x0 + l->strip_w;
  double bottom = l->axes.top + l->per_col * l->row_h;
  g_autofree char *last = g_strdup_printf ("%u", l->n_valid);
  RlChartText t;

  rl_chart_set_color (cr, style->grid);
  cairo_rectangle (cr, round (x0) + 0.5, l->axes.top + 0.5, round (l->strip_w),
                   bottom - l->axes.top);
  cairo_stroke (cr);
  rl_chart_text_init (&t);
  t.scale = 0.85;
  rl_chart_draw_text (cr, style, &t, "1", x0, bottom + 4, style->muted);
  t.halign = 1;
  rl_chart_draw_text (cr, style, &t, last, x1, bottom + 4, style->muted);
}

static void
draw_whisker (cairo_t *cr, double x0, double x1, double y, double cap)
{
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_move_to (cr, x0, y - cap);
  cairo_line_to (cr, x0, y + cap);
  cairo_move_to (cr, x1, y - cap);
  cairo_line_to (cr, x1, y + cap);
  cairo_stroke (cr);
}

static void
draw_interval (const Layout *l, const RlChartRating *chart, guint r, guint c, double y,
               cairo_t *cr, const RlChartStyle *style)
{
  guint i = l->order[r];
  double cap = MAX (1.0, l->row_h * 0.25), x0, x1;

  if (chart->low == NULL || chart->high == NULL || !isfinite (chart->low[i])
      || !isfinite (chart->high[i]))
    return;
  cairo_set_line_width (cr, 1.2);
  rl_chart_set_color (cr, rl_color_with_alpha (style->foreground, 0.85));
  if (chart->interval == RL_CHART_INTERVAL_SCORE)
    {
      draw_whisker (cr, score_x (l, c, chart->low[i]), score_x (l, c, chart->high[i]), y, cap);
      return;
    }
  x0 = col_x (l, c) + l->col_w - l->strip_w;
  x1 = x0 + (chart->low[i] - 1) / MAX (l->n_valid - 1.0, 1.0) * l->strip_w;
  x0 += (chart->high[i] - 1) / MAX (l->n_valid - 1.0, 1.0) * l->strip_w;
  draw_whisker (cr, x1, x0, y, cap);
  cairo_arc (cr, col_x (l, c) + l->col_w - l->strip_w
                   + r / MAX (l->n_valid - 1.0, 1.0) * l->strip_w, y, MAX (1.5, cap * 0.8), 0,
             2 * G_PI);
  cairo_fill (cr);
}

static void
draw_row (const Layout *l, const RlChartRating *chart, guint r, cairo_t *cr,
          const RlChartStyle *style)
{
  guint c = r / l->per_col, i = l->order[r];
  double y = l->axes.top + (r % l->per_col) * l->row_h, bar_h = MAX (1.0, l->row_h * 0.72);
  double x0 = score_x (l, c, 0), x1 = score_x (l, c, chart->scores[i]);
  g_autofree char *name = row_name (l, chart, r, cr, style, NULL);
  gboolean sel = chart->selected != NULL && chart->selected[i];
  RlChartText t;

  if (sel)
    {
      rl_chart_set_color (cr, rl_color_with_alpha (style->accent, 0.25));
      cairo_rectangle (cr, col_x (l, c), y, l->col_w, l->row_h);
      cairo_fill (cr);
    }
  rl_chart_set_color (cr, rank_color (style, r + 1));
  cairo_rectangle (cr, MIN (x0, x1), y + (l->row_h - bar_h) / 2, fabs (x1 - x0), bar_h);
  cairo_fill (cr);
  name_text (l, chart, r, &t);
  t.max_width = l->name_w - 6;
  rl_chart_draw_text (cr, style, &t, name, col_x (l, c), y + l->row_h / 2, style->foreground);
  if (chart->interval != RL_CHART_INTERVAL_NONE)
    draw_interval (l, chart, r, c, y + l->row_h / 2, cr, style);
}

void
rl_chart_rating_draw (cairo_t             *cr,
                      int                  width,
                      int                  height,
                      const RlChartRating *chart,
                      const RlChartStyle  *style)
{
  Layout l;

  if (chart->n == 0 || chart->scores == NULL)
    {
      rl_chart_draw_message (cr, width, height, style, _("No rating to show"));
      return;
    }
  rating_layout (&l, chart, cr, width, height, style);
  rl_chart_axes_draw (&l.axes, cr, style);
  cairo_save (cr);
  for (guint c = 0; c < l.n_cols && l.m > 0; c++)
    {
      draw_column_axis (&l, c, cr, style);
      if (l.strip_w > 0)
        draw_rank_axis (&l, c, cr, style);
    }
  for (guint r = 0; r < l.m; r++)
    draw_row (&l, chart, r, cr, style);
  cairo_restore (cr);
  g_free (l.order);
}

int
rl_chart_rating_pick (const RlChartRating *chart,
                      const RlChartStyle  *style,
                      int                  width,
                      int                  height,
                      double               x,
                      double               y)
{
  cairo_t *cr;
  Layout l;
  int found = -1;

  if (chart->n == 0 || chart->scores == NULL)
    return -1;
  cr = rl_chart_scratch_context ();
  rating_layout (&l, chart, cr, width, height, style);
  cairo_destroy (cr);
  for (guint c = 0; c < l.n_cols && found < 0; c++)
    if (x >= col_x (&l, c) && x < col_x (&l, c) + l.col_w && y >= l.axes.top)
      {
        guint r = c * l.per_col + (guint) ((y - l.axes.top) / l.row_h);

        if ((guint) ((y - l.axes.top) / l.row_h) < l.per_col && r < l.m)
          found = (int) l.order[r];
      }
  g_free (l.order);
  return found;
}

char *
rl_chart_rating_row_name (const RlChartRating *chart,
                          const RlChartStyle  *style,
                          int                  width,
                          int                  height,
                          guint                row,
                          double              *text_width,
                          double              *room)
{
  cairo_t *cr;
  Layout l;
  char *name = NULL;

  if (chart->n == 0 || chart->scores == NULL)
    return NULL;
  cr = rl_chart_scratch_context ();
  rating_layout (&l, chart, cr, width, height, style);
  if (row < l.m)
    name = row_name (&l, chart, row, cr, style, text_width);
  cairo_destroy (cr);
  if (room != NULL)
    *room = l.name_w - 6;
  g_free (l.order);
  return name;
}
