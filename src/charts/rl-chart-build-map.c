/* rl-chart-build-map.c — the map tint of an analysis and the map chart of a plan
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-chart-build-private.h"
#include "rl-charts-i18n.h"

#include <math.h>

#include "rl-chart-axes.h"
#include "rl-error.h"

#define PAD 12.0

/* Paint: what colour each panel region takes */

/* The panel region of each boundary feature: by code, else by name. */
static int *
match_features (const RlPanel    *panel,
                const RlGeoLayer *boundaries)
{
  int *region = g_new (int, MAX (boundaries->n_features, 1));

  for (guint f = 0; f < boundaries->n_features; f++)
    {
      const RlGeoFeature *feature = &boundaries->features[f];

      region[f] = -1;
      if (*feature->code != '\0')
        for (guint r = 0; r < rl_panel_n_regions (panel) && region[f] < 0; r++)
          if (g_ascii_strcasecmp (rl_panel_region_code (panel, r), feature->code) == 0)
            region[f] = (int) r;
      if (region[f] < 0 && *feature->name != '\0')
        region[f] = rl_panel_find_region (panel, feature->name);
    }
  return region;
}

static void
legend_add (RlMapPaint *paint,
            RlColor     color,
            char       *label)
{
  g_array_append_val (paint->legend_colors, color);
  g_ptr_array_add (paint->legend_labels, label);
}

static gboolean
paint_clusters (RlMapPaint         *paint,
                const RlAnalysis   *analysis,
                const RlChartStyle *style,
                RlColor            *fill,
                GError            **error)
{
  const RlClustering *c = analysis->clustering;
  const RlFrame *frame = analysis->frame;
  g_autofree guint *sizes = NULL;

  if (c == NULL || c->n != frame->n)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, _("The map by cluster needs a clustering"));
      return FALSE;
    }
  sizes = g_new0 (guint, c->k);
  for (guint i = 0; i < frame->n; i++)
    {
      fill[frame->rows[i]] = rl_chart_style_category (style, c->labels[i]);
      sizes[c->labels[i]]++;
    }
  for (guint p = 0; p < c->k; p++)
    legend_add (paint, rl_chart_style_category (style, p),
                analysis->rating != NULL && analysis->interpretation != NULL
                && analysis->interpretation->neediest == p
                ? g_strdup_printf (_("Cluster %u (%u), neediest"), p + 1, sizes[p])
                : g_strdup_printf (_("Cluster %u (%u)"), p + 1, sizes[p]));
  paint->legend_title = g_strdup (_("Clusters"));
  return TRUE;
}

static gboolean
paint_rating (RlMapPaint         *paint,
              const RlAnalysis   *analysis,
              const RlChartStyle *style,
              RlColor            *fill,
              GError            **error)
{
  const RlRating *r = analysis->rating;

  if (r == NULL || r->n != analysis->frame->n)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   _("The map by rating needs indicators with a polarity"));
      return FALSE;
    }
  for (guint i = 0; i < r->n; i++)
    fill[analysis->frame->rows[i]] = r->group[i] == RL_RATING_GROUP_RED      ? style->top10
                                     : r->group[i] == RL_RATING_GROUP_YELLOW ? style->top20
                                                                             : style->neutral;
  legend_add (paint, style->top10, g_strdup (_("Ranks 1–10")));
  legend_add (paint, style->top20, g_strdup (_("Ranks 11–20")));
  legend_add (paint, style->neutral, g_strdup (_("Other ranks")));
  paint->legend_title = g_strdup (_("Need rating"));
  return TRUE;
}

/* Values of one indicator for every panel region in the analysis year: the
 * frame's (after its missing-value policy) where the region is kept. */
static double *
indicator_values (const RlPanel    *panel,
                  const RlAnalysis *analysis,
                  guint             indicator)
{
  const RlFrame *frame = analysis->frame;
  guint n = rl_panel_n_regions (panel);
  double *v = g_new (double, MAX (n, 1));
  int column = -1;

  for (guint j = 0; j < frame->d; j++)
    if (frame->columns[j] == indicator)
      column = (int) j;
  for (guint r = 0; r < n; r++)
    {
      int row = rl_analysis_row_of_region (analysis, r);

      v[r] = row >= 0 && column >= 0 ? gsl_matrix_get (frame->raw, row, column)
                                     : rl_panel_get (panel, r, indicator, frame->year);
    }
  return v;
}

static gboolean
paint_indicator (RlMapPaint           *paint,
                 const RlPanel        *panel,
                 const RlAnalysis     *analysis,
                 const RlChartRequest *request,
                 const RlChartStyle   *style,
                 RlColor              *fill,
                 GError              **error)
{
  const char *id = request->feature != NULL ? request->feature : analysis->frame->features[0];
  int ind = id != NULL ? rl_panel_find_indicator (panel, id) : -1;
  g_autofree double *values = NULL;
  guint n = rl_panel_n_regions (panel), k = MAX (request->n_classes, 1), nc;
  const RlIndicator *meta;

  if (ind < 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, _("The panel has no indicator “%s”"),
                   id != NULL ? id : "");
      return FALSE;
    }
  values = indicator_values (panel, analysis, (guint) ind);
  paint->legend_breaks = g_new (double, k + 1);
  nc = rl_classify (values, n, request->classes, k, paint->legend_breaks);
  if (nc == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, _("“%s” has no values in %d"), id,
                   analysis->frame->year);
      return FALSE;
    }
  for (guint c = 0; c < nc; c++)
    {
      g_autofree char *lo = rl_chart_format_value (paint->legend_breaks[c]);
      g_autofree char *hi = rl_chart_format_value (paint->legend_breaks[c + 1]);

      legend_add (paint, rl_chart_style_sequential (style, nc > 1 ? c / (nc - 1.0) : 1.0),
                  g_strdup_printf ("%s – %s", lo, hi));
    }
  for (guint r = 0; r < n; r++)
    {
      int c = rl_classify_value (paint->legend_breaks, nc, values[r]);

      if (c >= 0)
        fill[r] = g_array_index (paint->legend_colors, RlColor, c);
    }
  meta = rl_panel_indicator ((RlPanel *) panel, (guint) ind);
  paint->legend_title = meta->unit != NULL && *meta->unit != '\0'
                          ? g_strdup_printf ("%s, %s", rl_panel_indicator_label (panel, ind),
                                             rl_chart_unit_label (meta->unit))
                          : g_strdup (rl_panel_indicator_label (panel, ind));
  return TRUE;
}

RlMapPaint *
rl_map_paint_new (const RlPanel        *panel,
                  const RlAnalysis     *analysis,
                  const RlGeoLayer     *boundaries,
                  const RlChartRequest *request,
                  const RlChartStyle   *style,
                  GError              **error)
{
  g_autoptr(RlMapPaint) paint = NULL;
  g_autofree RlColor *fill = NULL;
  g_autofree gboolean *mapped = NULL;
  guint n;
  gboolean ok;

  g_return_val_if_fail (panel != NULL && analysis != NULL && request != NULL && style != NULL, NULL);

  if (boundaries == NULL || boundaries->n_features == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, _("The map needs region boundaries (GeoJSON)"));
      return NULL;
    }
  n = rl_panel_n_regions (panel);
  paint = g_new0 (RlMapPaint, 1);
  paint->n_fills = boundaries->n_features;
  paint->fills = g_new (RlColor, boundaries->n_features);
  paint->feature_region = match_features (panel, boundaries);
  paint->legend_labels = g_ptr_array_new_with_free_func (g_free);
  paint->legend_colors = g_array_new (FALSE, FALSE, sizeof (RlColor));
  paint->unmapped = g_ptr_array_new_with_free_func (g_free);
  fill = g_new (RlColor, MAX (n, 1));
  for (guint r = 0; r < n; r++)
    fill[r] = RL_COLOR_NO_DATA;
  if (request->color_by == RL_MAP_COLOR_RATING)
    ok = paint_rating (paint, analysis, style, fill, error);
  else if (request->color_by == RL_MAP_COLOR_INDICATOR)
    ok = paint_indicator (paint, panel, analysis, request, style, fill, error);
  else
    ok = paint_clusters (paint, analysis, style, fill, error);
  if (!ok)
    return NULL;
  mapped = g_new0 (gboolean, MAX (n, 1));
  for (guint f = 0; f < paint->n_fills; f++)
    {
      int r = paint->feature_region[f];

      paint->fills[f] = r >= 0 ? fill[r] : RL_COLOR_NO_DATA;
      if (r >= 0)
        mapped[r] = TRUE;
    }
  for (guint r = 0; r < n; r++)
    if (!mapped[r] && fill[r].a >= 0)
      g_ptr_array_add (paint->unmapped, g_strdup (rl_panel_region_label (panel, r)));
  return g_steal_pointer (&paint);
}

void
rl_map_paint_free (RlMapPaint *paint)
{
  if (paint == NULL)
    return;
  g_free (paint->fills);
  g_free (paint->feature_region);
  g_clear_pointer (&paint->legend_labels, g_ptr_array_unref);
  g_clear_pointer (&paint->legend_colors, g_array_unref);
  g_free (paint->legend_breaks);
  g_free (paint->legend_title);
  g_clear_pointer (&paint->unmapped, g_ptr_array_unref);
  g_free (paint);
}

/* The map chart of a plan */

/* The unit of the indicator the map shows, or NULL. */
static const char *
map_unit (RlChartPlan          *plan,
          const RlChartRequest *request)
{
  const char *id = request->feature != NULL ? request->feature : plan->analysis->frame->features[0];
  int ind = rl_panel_find_indicator (plan->panel, id);
  const char *unit = ind >= 0 ? rl_panel_indicator ((RlPanel *) plan->panel, ind)->unit : NULL;

  return unit != NULL && *unit != '\0' ? rl_chart_unit_label (unit) : NULL;
}

gboolean
rl_chart_plan_build_map (RlChartPlan          *plan,
                         const RlChartRequest *request,
                         GError              **error)
{
  RlChartStyle style;
  const char *what;

  /* colours are looked up again in the style of each drawing */
  rl_chart_style_init (&style, FALSE);
  plan->request = *request;
  plan->request.feature = request->feature != NULL
                            ? rl_chart_plan_keep (plan, g_strdup (request->feature)) : NULL;
  plan->request.x_feature = plan->request.y_feature = NULL;
  plan->boundaries = request->boundaries;
  plan->paint = rl_map_paint_new (plan->panel, plan->analysis, request->boundaries, request,
                                  &style, error);
  if (plan->paint == NULL)
    return FALSE;
  what = request->color_by == RL_MAP_COLOR_RATING      ? _("Need rating of the regions")
         : request->color_by == RL_MAP_COLOR_INDICATOR ? plan->paint->legend_title
                                                       : _("Clusters of the regions");
  plan->legend_title = plan->paint->legend_title;
  if (request->color_by == RL_MAP_COLOR_INDICATOR)
    plan->legend_title = map_unit (plan, request);
  if (plan->analysis->frame->year != RL_YEAR_NONE)
    plan->title = g_strdup_printf ("%s, %d", what, plan->analysis->frame->year);
  else
    plan->title = g_strdup (what);
  return TRUE;
}

static void
legend_for_style (const RlChartPlan  *plan,
                  const RlMapPaint   *paint,
                  const RlChartStyle *style,
                  RlMapLegend        *legend,
                  char              **font)
{
  rl_map_legend_init (legend);
  legend->title = plan->legend_title;
  legend->colors = (const RlColor *) paint->legend_colors->data;
  legend->labels = (const char *const *) paint->legend_labels->pdata;
  legend->breaks = paint->legend_breaks;
  legend->n = paint->legend_colors->len;
  legend->text = style->foreground;
  legend->frame_fill = rl_color_with_alpha (style->background, 0.0);
  *font = g_strdup_printf ("%s %.0fpx", style->font_family ? style->font_family : "Sans",
                           style->font_size);
  legend->font = *font;
}

static char *
map_caption (const RlChartPlan *plan)
{
  const RlMapPaint *paint = plan->paint;
  GString *s = g_string_new (NULL);
  gboolean no_data = FALSE;

  for (guint f = 0; f < paint->n_fills; f++)
    no_data |= !(paint->fills[f].a >= 0);
  if (no_data)
    g_string_append (s, _("Hatched: no data."));
  if (paint->unmapped->len > 0)
    {
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "No boundary for %u region: ",
                                              "No boundary for %u regions: ",
                                              paint->unmapped->len),
                              paint->unmapped->len);
      for (guint i = 0; i < paint->unmapped->len; i++)
        g_string_append_printf (s, "%s%s", i > 0 ? ", " : "", (char *) paint->unmapped->pdata[i]);
    }
  return g_string_free (s, s->len == 0);
}

void
rl_map_chart_layout (const RlChartPlan  *plan,
                     cairo_t            *cr,
                     const RlChartStyle *style,
                     int                 width,
                     int                 height,
                     RlMapChartLayout   *layout)
{
  cairo_t *scratch = rl_chart_scratch_context ();
  g_autofree char *font = NULL;
  RlMapLegend legend;
  RlChartText t;
  double title_h = 0, caption_h = 0, legend_w = 0, legend_h = 0, area_w, area_h;

  rl_chart_text_init (&t);
  t.scale = 1.2;
  t.bold = TRUE;
  rl_chart_text_size (cr, style, &t, plan->title, NULL, &title_h);
  layout->caption = map_caption (plan);
  if (layout->caption != NULL)
    {
      rl_chart_text_init (&t);
      t.scale = 0.9;
      rl_chart_text_size (cr, style, &t, layout->caption, NULL, &caption_h);
    }
  legend_for_style (plan, plan->paint, style, &legend, &font);
  rl_chart_map_draw_legend (scratch, &legend, 0, 0, &legend_w, &legend_h);
  cairo_destroy (scratch);
  layout->title_y = PAD;
  layout->caption_y = height - PAD - caption_h;
  layout->map_x = PAD;
  layout->map_y = PAD + title_h + PAD;
  layout->legend_x = MAX (width - PAD - legend_w, PAD);
  layout->legend_y = layout->map_y;
  area_w = MAX (layout->legend_x - PAD - layout->map_x, 1.0);
  area_h = MAX (layout->caption_y - (caption_h > 0 ? PAD : 0) - layout->map_y, 1.0);
  rl_map_view_fit (&layout->view, plan->boundaries, area_w, area_h, 4.0);
}

static void
map_style_for (const RlChartPlan  *plan,
               const RlMapPaint   *paint,
               const RlChartStyle *style,
               RlMapStyle         *ms)
{
  rl_map_style_init (ms);
  ms->background = rl_color_with_alpha (style->background, 0.0);
  ms->fills = paint->fills;
  ms->n_fills = paint->n_fills;
  ms->no_data = style->missing;
  ms->outline = style->dark ? style->background : rl_color_with_alpha (style->foreground, 0.45);
  ms->outline_width = 0.7;
  ms->highlighted = (const int *) plan->highlighted->data;
  ms->n_highlighted = plan->highlighted->len;
  ms->highlight = style->selection;
}

void
rl_map_chart_draw (const RlChartPlan  *plan,
                   cairo_t            *cr,
                   int                 width,
                   int                 height,
                   const RlChartStyle *style)
{
  g_autoptr(RlMapPaint) own = rl_map_paint_new (plan->panel, plan->analysis, plan->boundaries,
                                                &plan->request, style, NULL);
  const RlMapPaint *paint = own != NULL ? own : plan->paint;
  RlMapChartLayout l;
  RlMapStyle ms;
  RlMapLegend legend;
  RlChartText t;
  g_autofree char *font = NULL;

  cairo_save (cr);
  rl_chart_paint_background (cr, style);
  rl_map_chart_layout (plan, cr, style, width, height, &l);
  rl_chart_text_init (&t);
  t.scale = 1.2;
  t.bold = TRUE;
  t.max_width = width - 2 * PAD;
  rl_chart_draw_text (cr, style, &t, plan->title, PAD, l.title_y, style->foreground);
  map_style_for (plan, paint, style, &ms);
  cairo_save (cr);
  cairo_translate (cr, l.map_x, l.map_y);
  rl_chart_map_draw (cr, &l.view, plan->boundaries, &ms);
  cairo_restore (cr);
  legend_for_style (plan, paint, style, &legend, &font);
  rl_chart_map_draw_legend (cr, &legend, l.legend_x, l.legend_y, NULL, NULL);
  if (l.caption != NULL)
    {
      rl_chart_text_init (&t);
      t.scale = 0.9;
      t.max_width = width - 2 * PAD;
      rl_chart_draw_text (cr, style, &t, l.caption, PAD, l.caption_y, style->muted);
    }
  g_free (l.caption);
  cairo_restore (cr);
}

int
rl_map_chart_pick (const RlChartPlan  *plan,
                   const RlChartStyle *style,
                   int                 width,
                   int                 height,
                   double              x,
                   double              y)
{
  cairo_t *cr = rl_chart_scratch_context ();
  RlMapChartLayout l;
  int f;

  rl_map_chart_layout (plan, cr, style, width, height, &l);
  cairo_destroy (cr);
  g_free (l.caption);
  f = rl_chart_map_pick (&l.view, plan->boundaries, x - l.map_x, y - l.map_y);
  return f >= 0 ? plan->paint->feature_region[f] : -1;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* Regions whose boundary's bounding-box centre lies in the rectangle. */
void
rl_map_chart_regions_in_rect (const RlChartPlan  *plan,
                              const RlChartStyle *style,
                              int                 width,
                              int                 height,
                              double              x0,
                              double              y0,
                              double              x1,
                              double              y1,
                              GArray             *regions)
{
  cairo_t *cr = rl_chart_scratch_context ();
  RlMapChartLayout l;

  rl_map_chart_layout (plan, cr, style, width, height, &l);
  cairo_destroy (cr);
  g_free (l.caption);
  for (guint f = 0; f < plan->boundaries->n_features; f++)
    {
      const RlGeoFeature *feature = &plan->boundaries->features[f];
      int r = plan->paint->feature_region[f];
      double dx, dy;
      gboolean seen = FALSE;

      if (r < 0 || !(feature->x_min <= feature->x_max))
        continue;
      rl_map_view_to_device (&l.view, (feature->x_min + feature->x_max) / 2,
                             (feature->y_min + feature->y_max) / 2, &dx, &dy);
      dx += l.map_x;
      dy += l.map_y;
      if (dx < MIN (x0, x1) || dx > MAX (x0, x1) || dy < MIN (y0, y1) || dy > MAX (y0, y1))
        continue;
      for (guint i = 0; i < regions->len; i++)
        seen |= g_array_index (regions, guint, i) == (guint) r;
      if (!seen)
        g_array_append_val (regions, r);
    }
  g_array_sort (regions, compare_uint);
}

void
rl_map_chart_set_selected (RlChartPlan *plan,
                           const guint *regions,
                           guint        n)
{
  g_array_set_size (plan->highlighted, 0);
  for (guint f = 0; f < plan->paint->n_fills; f++)
    for (guint i = 0; i < n; i++)
      if (plan->paint->feature_region[f] == (int) regions[i])
        {
          int feature = (int) f;

          g_array_append_val (plan->highlighted, feature);
          break;
        }
}
