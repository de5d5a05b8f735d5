/* test-chart-build.c — chart plans and the map paint over a real analysis of the demo panel
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rl-chart-build.h"
#include "rl-chart-map.h"  /* with rl-chart.h: one RlColor for both */
#include "rl-error.h"
#include "rl-gsl.h"
#include "rl-test.h"

#include <glib/gstdio.h>

#define W 1000
#define H 700

/* The demo panel, the study's six indicators of its latest common year, and
 * an analysis with every curve (k-means) and one with the DE method. */
static RlPanel *panel;
static RlAnalysis *analysis;
static RlAnalysis *analysis_de;
static RlGeoLayer *russia;
static RlChartStyle light, dark;

static char *
source_data_path (const char *a,
                  const char *b)
{
  const char *dir = g_getenv ("RL_SOURCE_DATA");

  return g_build_filename (dir != NULL ? dir : "data", a, b, NULL);
}

static RlAnalysis *
run_analysis (RlMethod method,
              gboolean curves)
{
  g_auto(RlAnalysisSpec) spec = { 0 };
  const RlRatingPresetEntry *preset;
  g_autoptr(GError) error = NULL;
  RlAnalysis *a;
  guint n;

  rl_analysis_spec_init (&spec);
  preset = rl_rating_study_preset (&n);
  spec.frame.features = g_new0 (char *, n + 1);
  spec.polarity = g_new (RlPolarity, n);
  for (guint j = 0; j < n; j++)
    {
      spec.frame.features[j] = g_strdup (preset[j].id);
      spec.polarity[j] = preset[j].polarity;
    }
  spec.method.method = method;
  spec.method.iterations = 150;
  spec.method.population = 20;
  spec.with_select_k = curves;
  spec.with_bic_curves = curves;
  spec.uncertainty_runs = curves ? 50 : 0;
  spec.with_history = FALSE;
  a = rl_analysis_run (panel, &spec, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return a;
}

static RlChartPlan *
plan_of (const RlAnalysis *a,
         RlChartKind       kind)
{
  RlChartRequest request;
  g_autoptr(GError) error = NULL;
  RlChartPlan *plan;

  rl_chart_request_init (&request);
  request.kind = kind;
  request.boundaries = russia;
  plan = rl_chart_plan_new (panel, a, &request, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpint (rl_chart_plan_kind (plan), ==, kind);
  return plan;
}

static cairo_surface_t *
render (const RlChartPlan  *plan,
        const RlChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);

  rl_chart_plan_draw (plan, cr, W, H, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + 4 * x) & 0xffffff;
}

/* The share of pixels that differ from the background (the top-left pixel). */
static double
ink (cairo_surface_t *surface)
{
  guint32 bg = pixel_at (surface, 0, 0);
  guint count = 0;

  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      count += pixel_at (surface, x, y) != bg;
  return count / (double) (W * H);
}

static guint
pixels_differing (cairo_surface_t *a,
                  cairo_surface_t *b)
{
  guint count = 0;

  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      count += pixel_at (a, x, y) != pixel_at (b, x, y);
  return count;
}

static guint32
rgb (RlColor c)
{
  return ((guint32) lround (c.r * 255) << 16) | ((guint32) lround (c.g * 255) << 8)
         | (guint32) lround (c.b * 255);
}

static gboolean
close_rgb (guint32 a,
           guint32 b,
           int     tolerance)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > tolerance)
      return FALSE;
  return TRUE;
}

/* Whether a pixel within 4 of (x, y) has about the colour @want (points are
 * drawn at 90 % opacity). */
static gboolean
colour_near (cairo_surface_t *surface,
             int              x,
             int              y,
             guint32          want)
{
  for (int dy = -4; dy <= 4; dy++)
    for (int dx = -4; dx <= 4; dx++)
      if (close_rgb (pixel_at (surface, x + dx, y + dy), want, 30))
        return TRUE;
  return FALSE;
}

static void
test_kind_names (void)
{
  for (guint k = 0; k < RL_N_CHART_KINDS; k++)
    {
      RlChartKind back;

      g_assert_true (rl_chart_kind_from_string (rl_chart_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
      g_assert_nonnull (rl_chart_kind_title (k));
    }
  g_assert_false (rl_chart_kind_from_string ("pie", &(RlChartKind) { 0 }));
  g_assert_false (rl_chart_kind_from_string (NULL, &(RlChartKind) { 0 }));
}

/* Every kind builds and draws something in both styles. */
static void
test_every_kind_draws (void)
{
  for (guint k = 0; k < RL_N_CHART_KINDS; k++)
    {
      const RlAnalysis *a = k == RL_CHART_KIND_CONVERGENCE ? analysis_de : analysis;
      g_autoptr(RlChartPlan) plan = plan_of (a, k);

      for (guint s = 0; s < 2; s++)
        {
          cairo_surface_t *surface = render (plan, s ? &dark : &light);
          double share = ink (surface);

          if (share < 0.01 || share > 0.95)
            g_error ("%s (%s): %.3f of the pixels drawn", rl_chart_kind_to_string (k),
                     s ? "dark" : "light", share);
          cairo_surface_destroy (surface);
        }
    }
}

/* What a chart needs and the analysis lacks is an error naming it. */
static void
test_missing_data (void)
{
  struct { RlChartKind kind; const char *message; } cases[] = {
    { RL_CHART_KIND_ELBOW, "choosing k" },
    { RL_CHART_KIND_GROWTH, "choosing k" },
    { RL_CHART_KIND_BIC, "Gaussian mixture curves" },
    { RL_CHART_KIND_CONVERGENCE, "evolutionary method" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RlChartRequest request;
      g_autoptr(GError) error = NULL;

      rl_chart_request_init (&request);
      request.kind = cases[i].kind;
      g_assert_null (rl_chart_plan_new (panel, cases[i].kind == RL_CHART_KIND_CONVERGENCE
                                                 ? analysis : analysis_de, &request, &error));
      g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
  {
    RlChartRequest request;
    g_autoptr(GError) e1 = NULL, e2 = NULL;

    rl_chart_request_init (&request);
    request.kind = RL_CHART_KIND_MAP;
    g_assert_null (rl_chart_plan_new (panel, analysis, &request, &e1));
    g_assert_error (e1, RL_ERROR, RL_ERROR_INVALID);
    g_assert_nonnull (strstr (e1->message, "boundaries"));
    request.kind = RL_CHART_KIND_SCATTER;
    request.x_feature = "no_such_indicator";
    g_assert_null (rl_chart_plan_new (panel, analysis, &request, &e2));
    g_assert_nonnull (strstr (e2->message, "no_such_indicator"));
  }
}

/* Picking a drawn point gives its region: tiles that hold points are
 * scanned; wherever pick answers, a pixel nearby has that region's cluster
 * colour, and the small rectangle around it holds the region. */
static void
test_scatter_pick (void)
{
  g_autoptr(RlChartPlan) plan = plan_of (analysis, RL_CHART_KIND_SCATTER);
  cairo_surface_t *surface = render (plan, &light);
  guint hits = 0, coloured = 0;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (int ty = 0; ty < H; ty += 25)
    for (int tx = 0; tx < W; tx += 25)
      {
        g_autoptr(GArray) tile = rl_chart_plan_regions_in_rect (plan, &light, W, H, tx, ty,
                                                                tx + 25, ty + 25);

        for (int y = MAX (ty, 4); tile->len > 0 && y < MIN (ty + 25, H - 4); y += 3)
          for (int x = MAX (tx, 4); x < MIN (tx + 25, W - 4); x += 3)
            {
              int region = rl_chart_plan_pick (plan, &light, W, H, x, y);
              int row;
              g_autoptr(GArray) near = NULL;
              gboolean inside = FALSE;

              if (region < 0)
                continue;
              row = rl_analysis_row_of_region (analysis, region);
              g_assert_cmpint (row, >=, 0);
              hits++;
              g_hash_table_add (seen, GINT_TO_POINTER (region));
              coloured += colour_near (surface, x, y,
                                       rgb (rl_chart_style_category (&light,
                                                                     analysis->clustering->labels[row])));
              near = rl_chart_plan_regions_in_rect (plan, &light, W, H, x - 8, y - 8, x + 8, y + 8);
              for (guint i = 0; i < near->len; i++)
                inside |= g_array_index (near, guint, i) == (guint) region;
              g_assert_true (inside);
            }
      }
  g_assert_cmpuint (g_hash_table_size (seen), >=, analysis->frame->n * 3 / 4);
  g_assert_cmpuint (coloured, >=, hits * 3 / 4);
  g_assert_cmpint (rl_chart_plan_pick (plan, &light, W, H, 1, 1), ==, -1);
  cairo_surface_destroy (surface);
}

static void
test_regions_in_rect (void)
{
  g_autoptr(RlChartPlan) scatter = plan_of (analysis, RL_CHART_KIND_SCATTER);
  g_autoptr(RlChartPlan) map = plan_of (analysis, RL_CHART_KIND_MAP);
  g_autoptr(RlChartPlan) rating = plan_of (analysis, RL_CHART_KIND_RATING);
  g_autoptr(GArray) all = rl_chart_plan_regions_in_rect (scatter, &light, W, H, W, H, 0, 0);
  g_autoptr(GArray) none = rl_chart_plan_regions_in_rect (scatter, &light, W, H, 0, 0, 3, 3);
  g_autoptr(GArray) mapped = rl_chart_plan_regions_in_rect (map, &light, W, H, 0, 0, W, H);
  g_autoptr(GArray) west = rl_chart_plan_regions_in_rect (map, &light, W, H, 0, 0, W / 4.0, H);
  g_autoptr(GArray) bars = rl_chart_plan_regions_in_rect (rating, &light, W, H, 0, 0, W, H);

  g_assert_cmpuint (all->len, ==, analysis->frame->n);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (rl_analysis_row_of_region (analysis, g_array_index (all, guint, i)), >=, 0);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (mapped->len, ==, rl_panel_n_regions (panel));
  g_assert_cmpuint (west->len, >, 10);
  g_assert_cmpuint (west->len, <, mapped->len);
  g_assert_cmpuint (bars->len, ==, 0);
  /* Moscow lies in the western quarter, Chukotka does not */
  {
    gboolean moscow = FALSE, chukotka = FALSE;

    for (guint i = 0; i < west->len; i++)
      {
        const char *code = rl_panel_region_code (panel, g_array_index (west, guint, i));

        moscow |= g_str_equal (code, "RU-MOW");
        chukotka |= g_str_equal (code, "RU-CHU");
      }
    g_assert_true (moscow);
    g_assert_false (chukotka);
  }
}

static void
test_map_paint_clusters (void)
{
  RlChartRequest request;
  g_autoptr(GError) error = NULL;
  g_autoptr(RlMapPaint) paint = NULL;
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  rl_chart_request_init (&request);
  request.kind = RL_CHART_KIND_MAP;
  paint = rl_map_paint_new (panel, analysis, russia, &request, &light, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (paint->n_fills, ==, russia->n_features);
  for (guint f = 0; f < paint->n_fills; f++)
    if (paint->fills[f].a >= 0)
      g_hash_table_add (colours, GUINT_TO_POINTER (rgb (paint->fills[f])));
  g_assert_cmpuint (g_hash_table_size (colours), >=, 3);
  g_assert_cmpuint (paint->legend_colors->len, ==, analysis->clustering->k);
  g_assert_cmpuint (paint->legend_labels->len, ==, analysis->clustering->k);
  g_assert_null (paint->legend_breaks);
  /* every region of the analysis has a polygon or is listed unmapped */
  for (guint i = 0; i < analysis->frame->n; i++)
    {
      guint region = analysis->frame->rows[i];
      gboolean found = FALSE;

      for (guint f = 0; f < paint->n_fills; f++)
        if (paint->feature_region[f] == (int) region)
          {
            found = TRUE;
            g_assert_true (close_rgb (rgb (paint->fills[f]),
                                      rgb (rl_chart_style_category (&light, analysis->clustering->labels[i])),
                                      0));
          }
      for (guint u = 0; u < paint->unmapped->len && !found; u++)
        found = g_str_equal (paint->unmapped->pdata[u], rl_panel_region_label (panel, region));
      g_assert_true (found);
    }
  g_assert_cmpuint (paint->unmapped->len, ==, 0);  /* the demo panel and ru.geojson agree */
}

/* Features match regions by code, else by name; regions with data and no
 * polygon are listed; a feature of no region has no data. */
static void
test_map_paint_unmapped (void)
{
  const char *geojson =
    "{\"type\": \"FeatureCollection\", \"features\": ["
    "{\"type\": \"Feature\", \"properties\": {\"code\": \"ru-mow\"}, \"geometry\": "
    "{\"type\": \"Polygon\", \"coordinates\": [[[37, 55], [38, 55], [38, 56], [37, 55]]]}},"
    "{\"type\": \"Feature\", \"properties\": {\"name\": \"Белгородская область\"}, \"geometry\": "
    "{\"type\": \"Polygon\", \"coordinates\": [[[36, 50], [38, 50], [38, 51], [36, 50]]]}},"
    "{\"type\": \"Feature\", \"properties\": {\"code\": \"XX-1\"}, \"geometry\": "
    "{\"type\": \"Polygon\", \"coordinates\": [[[10, 50], [11, 50], [11, 51], [10, 50]]]}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(RlGeoLayer) layer = rl_geo_layer_load_data (geojson, -1, "three.geojson", &error);
  g_autoptr(RlMapPaint) paint = NULL;
  g_autoptr(RlChartPlan) plan = NULL;
  RlChartRequest request;
  cairo_surface_t *surface;

  g_assert_no_error (error);
  rl_chart_request_init (&request);
  request.kind = RL_CHART_KIND_MAP;
  request.boundaries = layer;
  paint = rl_map_paint_new (panel, analysis, layer, &request, &light, &error);
  g_assert_no_error (error);
  g_assert_cmpint (paint->feature_region[0], ==, rl_panel_find_region (panel, "RU-MOW"));
  g_assert_cmpint (paint->feature_region[1], ==, rl_panel_find_region (panel, "RU-BEL"));
  g_assert_cmpint (paint->feature_region[2], ==, -1);
  g_assert_cmpfloat (paint->fills[2].a, <, 0);
  g_assert_cmpuint (paint->unmapped->len, ==, analysis->frame->n - 2);
  for (guint u = 0; u < paint->unmapped->len; u++)
    g_assert_cmpint (rl_panel_find_region (panel, paint->unmapped->pdata[u]), >=, 0);
  /* the chart draws with its caption listing them */
  plan = rl_chart_plan_new (panel, analysis, &request, &error);
  g_assert_no_error (error);
  surface = render (plan, &light);
  g_assert_cmpfloat (ink (surface), >, 0.01);
  cairo_surface_destroy (surface);
}

/* Ranks 1–10 in the top-10 colour, 11–20 in the top-20 one. */
static void
test_map_paint_rating (void)
{
  RlChartRequest request;
  g_autoptr(GError) error = NULL;
  g_autoptr(RlMapPaint) paint = NULL;
  guint red = 0, yellow = 0;

  rl_chart_request_init (&request);
  request.color_by = RL_MAP_COLOR_RATING;
  paint = rl_map_paint_new (panel, analysis, russia, &request, &light, &error);
  g_assert_no_error (error);
  for (guint f = 0; f < paint->n_fills; f++)
    {
      red += rgb (paint->fills[f]) == rgb (light.top10);
      yellow += rgb (paint->fills[f]) == rgb (light.top20);
    }
  g_assert_cmpuint (red, ==, 10);
  g_assert_cmpuint (yellow, ==, 10);
  g_assert_cmpuint (paint->legend_colors->len, ==, 3);
}

/* Indicator classes come from rl_classify: as many as asked, increasing breaks
 * from the minimum to the maximum, each feature in the colour of its class. */
static void
test_map_paint_indicator (void)
{
  for (RlClasses classes = RL_CLASSES_QUANTILE; classes <= RL_CLASSES_JENKS; classes++)
    {
      RlChartRequest request;
      g_autoptr(GError) error = NULL;
      g_autoptr(RlMapPaint) paint = NULL;
      g_autofree double *breaks = g_new (double, 5);
      guint colored = 0;
      int j = -1;

      rl_chart_request_init (&request);
      request.color_by = RL_MAP_COLOR_INDICATOR;
      request.feature = "poverty_percent";
      request.classes = classes;
      request.n_classes = 4;
      paint = rl_map_paint_new (panel, analysis, russia, &request, &light, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (paint->legend_colors->len, ==, 4);
      g_assert_cmpuint (paint->legend_labels->len, ==, 4);
      g_assert_nonnull (paint->legend_breaks);
      for (guint c = 0; c < 4; c++)
        g_assert_cmpfloat (paint->legend_breaks[c], <, paint->legend_breaks[c + 1]);
      g_assert_nonnull (strstr (paint->legend_title, "%"));
      for (guint d = 0; d < analysis->frame->d; d++)
        if (g_str_equal (analysis->frame->features[d], "poverty_percent"))
          j = (int) d;
      g_assert_cmpint (j, >=, 0);
      for (guint i = 0; i < analysis->frame->n; i++)
        {
          double v = gsl_matrix_get (analysis->frame->raw, i, j);
          int c = rl_classify_value (paint->legend_breaks, 4, v);

          for (guint f = 0; f < paint->n_fills; f++)
            if (paint->feature_region[f] == (int) analysis->frame->rows[i])
              {
                g_assert_cmpint (c, >=, 0);
                g_assert_cmpuint (rgb (paint->fills[f]), ==,
                                  rgb (g_array_index (paint->legend_colors, RlColor, c)));
                colored++;
              }
        }
      g_assert_cmpuint (colored, ==, analysis->frame->n);
    }
}

/* A click in the middle of Yakutia's polygon picks Yakutia; selection draws
 * thicker outlines. */
static void
test_map_pick_and_select (void)
{
  g_autoptr(RlChartPlan) plan = plan_of (analysis, RL_CHART_KIND_MAP);
  int f = rl_geo_layer_find (russia, "RU-SA");
  int region = rl_panel_find_region (panel, "RU-SA");
  g_autoptr(GArray) rect = NULL;
  cairo_surface_t *before, *after;
  guint r;
  int picked = -1;

  g_assert_cmpint (f, >=, 0);
  g_assert_cmpint (region, >=, 0);
  /* scan for a pixel that picks Yakutia, then ask the plan to describe it */
  for (int y = 0; y < H && picked < 0; y += 10)
    for (int x = 0; x < W && picked < 0; x += 10)
      if (rl_chart_plan_pick (plan, &light, W, H, x, y) == region)
        picked = region;
  g_assert_cmpint (picked, ==, region);
  g_assert_cmpint (rl_chart_plan_pick (plan, &light, W, H, W - 2, H - 2), ==, -1);
  before = render (plan, &light);
  r = (guint) region;
  rl_chart_plan_set_selected (plan, &r, 1);
  after = render (plan, &light);
  g_assert_cmpuint (pixels_differing (before, after), >, 200);
  rl_chart_plan_set_selected (plan, NULL, 0);
  rect = rl_chart_plan_regions_in_rect (plan, &light, W, H, 0, 0, W, H);
  g_assert_cmpuint (rect->len, ==, rl_panel_n_regions (panel));
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
}

/* Selected regions change the scatter, the dendrogram and the rating bars. */
static void
test_selection_drawn (void)
{
  RlChartKind kinds[] = { RL_CHART_KIND_SCATTER, RL_CHART_KIND_DENDROGRAM, RL_CHART_KIND_RATING };
  guint regions[] = { analysis->frame->rows[0], analysis->frame->rows[5], 100000 };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(RlChartPlan) plan = plan_of (analysis, kinds[k]);
      cairo_surface_t *before = render (plan, &light), *after;

      rl_chart_plan_set_selected (plan, regions, G_N_ELEMENTS (regions));
      after = render (plan, &light);
      if (pixels_differing (before, after) < 20)
        g_error ("%s: selecting regions changed %u pixels", rl_chart_kind_to_string (kinds[k]),
                 pixels_differing (before, after));
      cairo_surface_destroy (before);
      cairo_surface_destroy (after);
    }
}

static void
test_describe (void)
{
  g_autoptr(RlChartPlan) plan = plan_of (analysis, RL_CHART_KIND_RATING);
  guint region = analysis->frame->rows[analysis->rating->order[0]];
  g_autofree char *text = rl_chart_plan_describe (plan, (int) region);

  g_assert_nonnull (strstr (text, rl_panel_region_label (panel, region)));
  g_assert_nonnull (strstr (text, "Need rank 1 of"));
  g_assert_nonnull (strstr (text, "Cluster "));
  g_assert_nonnull (strstr (text, "%"));  /* poverty in % of the population */
  g_assert_null (rl_chart_plan_describe (plan, -1));
  g_assert_null (rl_chart_plan_describe (plan, 100000));
}

/* The rating bar under a click is that region's. */
static void
test_rating_pick (void)
{
  g_autoptr(RlChartPlan) plan = plan_of (analysis, RL_CHART_KIND_RATING);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (int y = 0; y < H; y += 4)
    for (int x = 10; x < W; x += 125)
      {
        int region = rl_chart_plan_pick (plan, &light, W, H, x, y);

        if (region >= 0)
          {
            g_assert_cmpint (rl_analysis_row_of_region (analysis, region), >=, 0);
            g_hash_table_add (seen, GINT_TO_POINTER (region));
          }
      }
  g_assert_cmpuint (g_hash_table_size (seen), ==, analysis->frame->n);
}

static void
test_export (void)
{
  g_autoptr(RlChartPlan) plan = plan_of (analysis, RL_CHART_KIND_ELBOW);
  g_autofree char *dir = g_dir_make_tmp ("rl-chart-build-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "elbow.png", NULL);
  g_autofree char *gif = g_build_filename (dir, "elbow.gif", NULL);
  g_autoptr(GError) error = NULL, bad = NULL, size = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (rl_chart_plan_export (plan, png, 640, 480, &dark, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &data, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_false (rl_chart_plan_export (plan, gif, 640, 480, &dark, &bad));
  g_assert_error (bad, RL_ERROR, RL_ERROR_UNSUPPORTED);
  g_assert_false (rl_chart_plan_export (plan, png, 0, 480, &dark, &size));
  g_assert_error (size, RL_ERROR, RL_ERROR_INVALID);
  g_remove (png);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *panel_path = source_data_path ("datasets", "russia-regions.csv");
  g_autofree char *ru_path = source_data_path ("boundaries", "ru.geojson");
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  rl_gsl_init ();
  panel = rl_panel_load (panel_path, &error);
  g_assert_no_error (error);
  russia = rl_geo_layer_load (ru_path, &error);
  g_assert_no_error (error);
  analysis = run_analysis (RL_METHOD_KMEANS, TRUE);
  analysis_de = run_analysis (RL_METHOD_DE, FALSE);
  rl_chart_style_init (&light, FALSE);
  rl_chart_style_init (&dark, TRUE);

  g_test_add_func ("/chart-build/kind-names", test_kind_names);
  g_test_add_func ("/chart-build/every-kind-draws", test_every_kind_draws);
  g_test_add_func ("/chart-build/missing-data", test_missing_data);
  g_test_add_func ("/chart-build/scatter-pick", test_scatter_pick);
  g_test_add_func ("/chart-build/regions-in-rect", test_regions_in_rect);
  g_test_add_func ("/chart-build/map-paint-clusters", test_map_paint_clusters);
  g_test_add_func ("/chart-build/map-paint-unmapped", test_map_paint_unmapped);
  g_test_add_func ("/chart-build/map-paint-rating", test_map_paint_rating);
  g_test_add_func ("/chart-build/map-paint-indicator", test_map_paint_indicator);
  g_test_add_func ("/chart-build/map-pick-select", test_map_pick_and_select);
  g_test_add_func ("/chart-build/selection-drawn", test_selection_drawn);
  g_test_add_func ("/chart-build/describe", test_describe);
  g_test_add_func ("/chart-build/rating-pick", test_rating_pick);
  g_test_add_func ("/chart-build/export", test_export);
  status = g_test_run ();

  rl_analysis_free (analysis_de);
  rl_analysis_free (analysis);
  rl_geo_layer_free (russia);
  rl_panel_free (panel);
  return status;
}
