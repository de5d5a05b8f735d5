/* test-charts.c — the charts library: ticks, labels, drawing, picking, export
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "chart-samples.h"
#include "rl-error.h"

#define W 800
#define H 500

/* Helpers */

typedef struct
{
  cairo_surface_t *surface;
  RlChartStyle     style;
} Canvas;

static Canvas *
canvas_draw (RlChartDrawFunc draw, gconstpointer data, gboolean dark)
{
  Canvas *c = g_new0 (Canvas, 1);
  cairo_t *cr;

  rl_chart_style_init (&c->style, dark);
  c->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cr = cairo_create (c->surface);
  draw (cr, W, H, data, &c->style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (c->surface);
  return c;
}

static void
canvas_free (Canvas *c)
{
  cairo_surface_destroy (c->surface);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Canvas, canvas_free)

static guint32
pixel (Canvas *c, int x, int y)
{
  const guint8 *row = cairo_image_surface_get_data (c->surface)
                      + y * cairo_image_surface_get_stride (c->surface);

  return ((const guint32 *) row)[x] & 0xffffff;
}

static guint32
pack (RlColor c)
{
  return ((guint32) lround (c.r * 255) << 16) | ((guint32) lround (c.g * 255) << 8)
         | (guint32) lround (c.b * 255);
}

static gboolean
near (guint32 a, guint32 b, int tol)
{
  for (int s = 0; s < 24; s += 8)
    if (abs ((int) ((a >> s) & 0xff) - (int) ((b >> s) & 0xff)) > tol)
      return FALSE;
  return TRUE;
}

static guint
count_near (Canvas *c, RlColor colour, int tol)
{
  guint32 want = pack (colour);
  guint n = 0;

  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      n += near (pixel (c, x, y), want, tol);
  return n;
}

/* The chart is drawn (more than @min_share of the pixels differ from the
 * background) and the background itself is the style's. */
static void
assert_drawn (Canvas *c, double min_share)
{
  guint differ = W * H - count_near (c, c->style.background, 0);

  g_assert_true (near (pixel (c, 0, 0), pack (c->style.background), 0));
  if (differ < min_share * W * H)
    g_error ("only %u of %d pixels differ from the background", differ, W * H);
}

static void
assert_drawn_both (RlChartDrawFunc draw, gconstpointer data, double min_share)
{
  for (int dark = 0; dark < 2; dark++)
    {
      g_autoptr(Canvas) c = canvas_draw (draw, data, dark);

      assert_drawn (c, min_share);
    }
}

/* Picks along a line from (x0, y0) to (x1, y1), one per pixel; returns the
 * distinct results (−1 left out) in the order met. */
typedef int (*PickFunc) (gconstpointer, const RlChartStyle *, int, int, double, double);

static GArray *
scan (PickFunc pick, gconstpointer data, double x0, double y0, double x1, double y1)
{
  GArray *seen = g_array_new (FALSE, FALSE, sizeof (int));
  RlChartStyle style;
  guint steps = (guint) MAX (fabs (x1 - x0), fabs (y1 - y0));

  rl_chart_style_init (&style, FALSE);
  for (guint s = 0; s <= steps; s++)
    {
      int r = pick (data, &style, W, H, x0 + (x1 - x0) * s / steps, y0 + (y1 - y0) * s / steps);

      if (r >= 0 && (seen->len == 0 || g_array_index (seen, int, seen->len - 1) != r))
        g_array_append_val (seen, r);
    }
  return seen;
}

/* Ticks and labels */

static void
test_ticks (void)
{
  RlChartTicks t;

  rl_chart_ticks_nice (&t, 0, 97, 6);
  rl_assert_close (t.step, 20, 1e-12);
  rl_assert_close (t.lo, 0, 1e-12);
  rl_assert_close (t.hi, 100, 1e-12);
  g_assert_cmpuint (t.n, ==, 6);
  rl_chart_ticks_nice (&t, -3.2, 7.9, 6);
  rl_assert_close (t.step, 2, 1e-12);
  rl_assert_close (t.lo, -4, 1e-12);
  rl_assert_close (t.hi, 8, 1e-12);
  rl_chart_ticks_nice (&t, 0.0012, 0.0041, 5);
  rl_assert_close (t.step, 0.0005, 1e-9);
  rl_chart_ticks_nice (&t, 5, 5, 6);          /* constant: widened around the value */
  g_assert_true (t.lo < 5 && t.hi > 5 && t.n >= 2);
  rl_chart_ticks_nice (&t, NAN, 3, 6);        /* no range: 0 .. 1 */
  rl_assert_close (t.lo, 0, 1e-12);
  rl_assert_close (t.hi, 1, 1e-12);
  rl_chart_ticks_nice (&t, 0, 1e9, 1000);     /* never more than the maximum */
  g_assert_cmpuint (t.n, <=, RL_CHART_MAX_TICKS);
  rl_chart_ticks_integer (&t, 1, 3, 8);
  rl_assert_close (t.step, 1, 1e-12);
  rl_chart_ticks_log (&t, 1, 300);          /* three decades: powers of ten */
  rl_assert_close (t.hi, 1000, 1e-12);
  g_assert_cmpuint (t.n, ==, 4);
  rl_assert_close (t.values[1], 10, 1e-12);
  rl_chart_ticks_log (&t, 1, 80);           /* two decades: 1, 2, 5 × 10^e */
  rl_assert_close (t.lo, 1, 1e-12);
  rl_assert_close (t.hi, 100, 1e-12);
  g_assert_cmpuint (t.n, ==, 7);
  g_assert_true (t.log);
  rl_assert_close (t.values[1], 2, 1e-12);
  rl_assert_close (t.values[2], 5, 1e-12);
  rl_chart_ticks_log (&t, 0, 10);             /* not positive: linear */
  g_assert_false (t.log);
}

static void
assert_tick_label (double lo, double hi, double value, const char *expected)
{
  RlChartTicks t;
  g_autofree char *s = NULL;

  rl_chart_ticks_nice (&t, lo, hi, 6);
  s = rl_chart_format_tick (&t, value);
  g_assert_cmpstr (s, ==, expected);
}

static void
assert_value_label (double value, const char *expected)
{
  g_autofree char *s = rl_chart_format_value (value);

  g_assert_cmpstr (s, ==, expected);
}

static void
test_labels (void)
{
  assert_tick_label (0, 97, 40, "40");
  assert_tick_label (0, 100000, 40000, "40k");
  assert_tick_label (0, 3e6, 1.5e6, "1.5M");
  assert_tick_label (-3, 3, -2, "−2");
  assert_tick_label (0, 0.05, 0.02, "0.02");
  assert_tick_label (-1, 1, 0, "0");
  assert_tick_label (0, 1e-6, 4e-7, "4.0e−07");
  assert_value_label (1234, "1234");
  assert_value_label (-0.125, "−0.125");
  assert_value_label (2.5e6, "2.5M");
  assert_value_label (0.00012, "0.00012");
  assert_value_label (NAN, "–");
  assert_value_label (0, "0");
}

/* Drawing */

static RlColor
point_colour (const RlChartStyle *style, guint k)
{
  RlColor fill = rl_chart_style_category (style, k), bg = style->background;

  return (RlColor) { fill.r * 0.9 + bg.r * 0.1, fill.g * 0.9 + bg.g * 0.1,
                     fill.b * 0.9 + bg.b * 0.1, 1 };
}

static void
test_scatter_colours (void)
{
  SampleScatter s;
  RlChartScatter chart;

  sample_scatter (&s, 30, &chart);
  for (int dark = 0; dark < 2; dark++)
    {
      g_autoptr(Canvas) c = canvas_draw ((RlChartDrawFunc) rl_chart_scatter_draw, &chart, dark);

      assert_drawn (c, 0.01);
      for (guint k = 0; k < 3; k++)
        {
          if (count_near (c, point_colour (&c->style, k), 3) < 10 * 10)
            g_error ("cluster %u colour is missing in the %s scatter", k, dark ? "dark" : "light");
        }
    }
}

static void
test_draw_all (void)
{
  Gallery g = { 0 };
  GalleryItem items[GALLERY_MAX];
  guint n = gallery_fill (&g, items);

  for (guint i = 0; i < n; i++)
    assert_drawn_both (items[i].draw, items[i].data, items[i].min_share);
  g_object_unref (g.parser);
}

/* Nothing reaches the outer 3 pixels at the smallest and largest sizes: text
 * and marks stay inside the margins instead of being cut at the edge. */
static void
test_margins (void)
{
  const int sizes[][2] = { { 640, 400 }, { 1600, 1000 } };
  Gallery g = { 0 };
  GalleryItem items[GALLERY_MAX];
  guint n = gallery_fill (&g, items);

  for (guint i = 0; i < n; i++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      for (int dark = 0; dark < 2; dark++)
        {
          int w = sizes[z][0], h = sizes[z][1];
          cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
          cairo_t *cr = cairo_create (s);
          const guint32 *px = (const guint32 *) cairo_image_surface_get_data (s);
          int stride = cairo_image_surface_get_stride (s) / 4;
          RlChartStyle style;

          rl_chart_style_init (&style, dark);
          items[i].draw (cr, w, h, items[i].data, &style);
          cairo_surface_flush (s);
          for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
              if ((x < 3 || y < 3 || x >= w - 3 || y >= h - 3)
                  && !near (px[y * stride + x] & 0xffffff, pack (style.background), 0))
                g_error ("chart %u at %dx%d (%s) draws at the edge (%d, %d)", i, w, h,
                         dark ? "dark" : "light", x, y);
          cairo_destroy (cr);
          cairo_surface_destroy (s);
        }
  g_object_unref (g.parser);
}

/* The top ten bars are drawn in the top10 colour, the next ten in top20. */
static void
test_rating_colours (void)
{
  SampleRating ra;
  RlChartRating rating;

  sample_rating (&ra, N_REGIONS, RL_CHART_INTERVAL_NONE, &rating);
  for (int dark = 0; dark < 2; dark++)
    {
      g_autoptr(Canvas) c = canvas_draw ((RlChartDrawFunc) rl_chart_rating_draw, &rating, dark);

      g_assert_cmpuint (count_near (c, c->style.top10, 2), >, 200);
      g_assert_cmpuint (count_near (c, c->style.top20, 2), >, 200);
      g_assert_cmpuint (count_near (c, c->style.neutral, 2), >, 1000);
    }
}

/* Dendrogram */

static void
test_dendrogram_leaf_order (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *cases = sample_linkage_cases (&parser);

  g_assert_cmpuint (json_array_get_length (cases), >=, 5);
  for (guint c = 0; c < json_array_get_length (cases); c++)
    {
      JsonObject *o = json_array_get_object_element (cases, c);
      JsonArray *leaves = json_object_get_array_member (o, "leaves");
      double z[4 * N_REGIONS];
      guint n = sample_linkage (o, z);
      g_autoptr(GError) error = NULL;
      g_autofree guint *order = rl_chart_dendrogram_leaf_order (z, n, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < n; i++)
        g_assert_cmpuint (order[i], ==, json_array_get_int_element (leaves, i));
    }
}

static void
test_dendrogram_invalid (void)
{
  const double reused[] = { 0, 1, 1.0, 2, 0, 2, 2.0, 2 };      /* leaf 0 merged twice */
  const double forward[] = { 0, 4, 1.0, 2, 1, 2, 2.0, 3 };     /* node 4 used before made */
  const double negative[] = { 0, 1, -1.0, 2, 2, 3, 2.0, 3 };
  g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL, e4 = NULL;
  RlChartDendrogram chart = { 3, reused, NULL, NULL, NULL, 1.5, NULL, NULL };

  g_assert_null (rl_chart_dendrogram_leaf_order (reused, 3, &e1));
  g_assert_error (e1, RL_ERROR, RL_ERROR_INVALID);
  g_assert_null (rl_chart_dendrogram_leaf_order (forward, 3, &e2));
  g_assert_error (e2, RL_ERROR, RL_ERROR_INVALID);
  g_assert_null (rl_chart_dendrogram_leaf_order (negative, 3, &e3));
  g_assert_error (e3, RL_ERROR, RL_ERROR_INVALID);
  g_assert_null (rl_chart_dendrogram_leaf_order (NULL, 0, &e4));
  g_assert_error (e4, RL_ERROR, RL_ERROR_INVALID);
  /* drawn as a message, picked as nothing */
  assert_drawn_both ((RlChartDrawFunc) rl_chart_dendrogram_draw, &chart, 0.0005);
  g_assert_cmpint (rl_chart_dendrogram_pick (&chart, &(RlChartStyle) { 0 }, W, H, W / 2.0,
                                             H / 2.0), ==, -1);
}

/* Scanning across the plot meets the leaves in SciPy's order; the links under
 * the cut take cluster colours. */
static void
test_dendrogram_draw_pick (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *cases = sample_linkage_cases (&parser);
  JsonObject *o = json_array_get_object_element (cases, 3);   /* ward, 30 leaves */
  JsonArray *leaves = json_object_get_array_member (o, "leaves");
  double z[4 * N_REGIONS];
  RlChartDendrogram chart = { 0 };
  g_autoptr(GArray) seen = NULL;
  g_autoptr(Canvas) c = NULL;

  chart.n_leaves = sample_linkage (o, z);
  chart.linkage = z;
  chart.labels = sample_regions;
  chart.cut_height = (z[4 * (chart.n_leaves - 4) + 2] + z[4 * (chart.n_leaves - 3) + 2]) / 2;
  assert_drawn_both ((RlChartDrawFunc) rl_chart_dendrogram_draw, &chart, 0.02);
  c = canvas_draw ((RlChartDrawFunc) rl_chart_dendrogram_draw, &chart, FALSE);
  for (guint k = 0; k < 3; k++)    /* a cut between the last two merges: three clusters */
    g_assert_cmpuint (count_near (c, rl_chart_style_category (&c->style, k), 2), >, 30);
  g_assert_cmpuint (count_near (c, rl_chart_style_category (&c->style, 3), 2), <, 5);
  seen = scan ((PickFunc) rl_chart_dendrogram_pick, &chart, 0, H * 0.6, W, H * 0.6);
  g_assert_cmpuint (seen->len, ==, chart.n_leaves);
  for (guint i = 0; i < seen->len; i++)
    g_assert_cmpint (g_array_index (seen, int, i), ==, json_array_get_int_element (leaves, i));
}

/* Picking */

static void
test_scatter_pick (void)
{
  SampleScatter s;
  RlChartScatter chart;
  RlChartStyle style;
  g_autoptr(Canvas) c = NULL;
  g_autoptr(GArray) all = NULL, none = NULL;
  guint picked = 0;

  sample_scatter (&s, 30, &chart);
  chart.labels = NULL;     /* only points on the canvas */
  chart.selected = NULL;
  c = canvas_draw ((RlChartDrawFunc) rl_chart_scatter_draw, &chart, FALSE);
  style = c->style;
  /* every pixel painted in a point's colour (the cluster's at 90 % over the
   * background; the legend's dots are opaque) picks a point of that cluster */
  for (int y = 0; y < H; y += 2)
    for (int x = 0; x < W; x += 2)
      for (guint k = 0; k < 3; k++)
        if (near (pixel (c, x, y), pack (point_colour (&style, k)), 1) && picked < 60)
          {
            int i = rl_chart_scatter_pick (&chart, &style, W, H, x + 0.5, y + 0.5);

            g_assert_cmpint (i, >=, 0);
            g_assert_cmpuint (s.cluster[i], ==, k);
            picked++;
          }
  g_assert_cmpuint (picked, >, 20);
  g_assert_cmpint (rl_chart_scatter_pick (&chart, &style, W, H, 1, 1), ==, -1);
  all = rl_chart_scatter_points_in_rect (&chart, &style, W, H, W, H, 0, 0);
  g_assert_cmpuint (all->len, ==, 30);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpuint (g_array_index (all, guint, i), ==, i);
  none = rl_chart_scatter_points_in_rect (&chart, &style, W, H, 0, 0, 5, 5);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_other_picks (void)
{
  SampleSilhouette si;
  SampleRating ra;
  SampleGrouping gr;
  double m[N_FEATURES * N_FEATURES];
  RlChartSilhouette silhouette;
  RlChartRating rating;
  RlChartGrouping grouping;
  RlChartHeatmap heatmap;
  g_autoptr(GArray) a = NULL, b = NULL, d = NULL, e = NULL;

  sample_silhouette (&si, 40, &silhouette);
  a = scan ((PickFunc) rl_chart_silhouette_pick, &silhouette, W / 2.0, 0, W / 2.0, H);
  g_assert_cmpuint (a->len, ==, 40);
  for (guint i = 1; i < a->len; i++)
    {
      int p = g_array_index (a, int, i - 1), q = g_array_index (a, int, i);

      g_assert_true (si.cluster[p] < si.cluster[q]
                     || (si.cluster[p] == si.cluster[q] && si.values[p] >= si.values[q]));
    }
  sample_rating (&ra, N_REGIONS, RL_CHART_INTERVAL_NONE, &rating);
  rating.top_n = 5;
  b = scan ((PickFunc) rl_chart_rating_pick, &rating, W / 3.0, 0, W / 3.0, H);
  g_assert_cmpuint (b->len, ==, 5);
  for (guint i = 1; i < b->len; i++)
    g_assert_cmpfloat (ra.score[g_array_index (b, int, i - 1)], >,
                       ra.score[g_array_index (b, int, i)]);
  for (guint i = 0; i < N_REGIONS; i++)   /* the first is the best of all */
    g_assert_cmpfloat (ra.score[i], <=, ra.score[g_array_index (b, int, 0)]);
  sample_grouping (&gr, &grouping);
  d = scan ((PickFunc) rl_chart_grouping_pick, &grouping, 0, H / 2.0, W, H / 2.0);
  g_assert_cmpuint (d->len, ==, 6);
  for (guint i = 0; i < d->len; i++)
    g_assert_cmpint (g_array_index (d, int, i), ==, (int) i);
  sample_heatmap (m, &heatmap);
  e = scan ((PickFunc) rl_chart_heatmap_pick, &heatmap, 0, H / 2.0, W, H / 2.0);
  g_assert_cmpuint (e->len, ==, N_FEATURES);
  for (guint i = 1; i < e->len; i++)
    g_assert_cmpint (g_array_index (e, int, i), ==, g_array_index (e, int, 0) + (int) i);
  g_assert_cmpint (g_array_index (e, int, 0) % N_FEATURES, ==, 0);
}

/* Export */

static void
assert_export (const char *dir, const char *name, const char *magic, const char *magic2)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *content = NULL;
  g_autoptr(GError) error = NULL;
  SampleScatter s;
  RlChartScatter chart;
  RlChartStyle style;
  gsize len;

  sample_scatter (&s, 30, &chart);
  rl_chart_style_init (&style, TRUE);
  g_assert_true (rl_chart_export (path, 640, 400, (RlChartDrawFunc) rl_chart_scatter_draw,
                                  &chart, &style, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &content, &len, NULL));
  g_assert_cmpuint (len, >, 500);
  if (!g_str_has_prefix (content, magic) && (magic2 == NULL || !g_str_has_prefix (content, magic2)))
    g_error ("%s does not start with %s", name, magic);
  g_unlink (path);
}

static void
test_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rl-charts-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "chart.jpg", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "dir", "chart.png", NULL);
  g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL;
  RlChartScatter empty = { 0 };
  RlChartStyle style;

  assert_export (dir, "chart.png", "\x89PNG", NULL);
  assert_export (dir, "chart.SVG", "<?xml", "<svg");
  assert_export (dir, "chart.pdf", "%PDF", NULL);
  rl_chart_style_init (&style, FALSE);
  g_assert_false (rl_chart_export (bad, 640, 400, (RlChartDrawFunc) rl_chart_scatter_draw,
                                   &empty, &style, &e1));
  g_assert_error (e1, RL_ERROR, RL_ERROR_UNSUPPORTED);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_assert_false (rl_chart_export (missing, 640, 400, (RlChartDrawFunc) rl_chart_scatter_draw,
                                   &empty, &style, &e2));
  g_assert_error (e2, RL_ERROR, RL_ERROR_IO);
  g_assert_false (rl_chart_export (bad, 0, 400, (RlChartDrawFunc) rl_chart_scatter_draw,
                                   &empty, &style, &e3));
  g_assert_nonnull (e3);
  g_rmdir (dir);
}

/* Degenerate input draws something sensible and never crashes. */
static void
test_degenerate (void)
{
  const double nan2[] = { NAN, NAN }, one[] = { 3.0 }, same[] = { 2, 2, 2 };
  const guint c3[] = { 0, 0, 0 }, n1[] = { 5 };
  const double lo[] = { 1.0 }, hi[] = { 1.0 };
  RlChartScatter s1 = { .n = 1, .x = one, .y = one };
  RlChartScatter s2 = { .n = 2, .x = nan2, .y = nan2 };
  RlChartScatter s3 = { .n = 3, .x = same, .y = same, .cluster = c3 };
  RlChartSilhouette si = { .n = 2, .values = nan2, .cluster = c3, .mean = NAN };
  RlChartHeatmap h1 = { .rows = 1, .cols = 1, .values = one };
  RlChartRating r1 = { .n = 1, .scores = one };
  RlChartRating r2 = { .n = 2, .scores = nan2 };
  RlChartGrouping g1;
  RlChartDendrogram d1 = { .n_leaves = 1, .cut_height = NAN };
  RlChartElbow e0 = { 0 };
  RlChartConvergence c0 = { 0 };
  RlChartStyle style;

  rl_chart_grouping_init (&g1);
  g1.n_groups = 1;
  g1.lower = lo;
  g1.upper = hi;
  g1.count = n1;
  rl_chart_style_init (&style, FALSE);
  assert_drawn_both ((RlChartDrawFunc) rl_chart_scatter_draw, &s1, 0.001);
  assert_drawn_both ((RlChartDrawFunc) rl_chart_scatter_draw, &s2, 0.001);
  assert_drawn_both ((RlChartDrawFunc) rl_chart_scatter_draw, &s3, 0.001);
  assert_drawn_both ((RlChartDrawFunc) rl_chart_silhouette_draw, &si, 0.001);
  assert_drawn_both ((RlChartDrawFunc) rl_chart_heatmap_draw, &h1, 0.001);
  assert_drawn_both ((RlChartDrawFunc) rl_chart_rating_draw, &r1, 0.001);
  assert_drawn_both ((RlChartDrawFunc) rl_chart_rating_draw, &r2, 0.001);
  assert_drawn_both ((RlChartDrawFunc) rl_chart_grouping_draw, &g1, 0.001);
  assert_drawn_both ((RlChartDrawFunc) rl_chart_dendrogram_draw, &d1, 0.0005);
  assert_drawn_both ((RlChartDrawFunc) rl_chart_elbow_draw, &e0, 0.0005);
  assert_drawn_both ((RlChartDrawFunc) rl_chart_convergence_draw, &c0, 0.0005);
  g_assert_cmpint (rl_chart_scatter_pick (&s2, &style, W, H, W / 2.0, H / 2.0), ==, -1);
  g_assert_cmpint (rl_chart_rating_pick (&r2, &style, W, H, W / 2.0, H / 2.0), ==, -1);
  g_assert_cmpint (rl_chart_dendrogram_pick (&d1, &style, W, H, W / 2.0, H * 0.9), ==, 0);
  g_assert_cmpint (rl_chart_silhouette_pick (&si, &style, W, H, W / 2.0, H / 2.0), ==, -1);
}

/* Every chart fits small and large sizes without a cairo error. */
static void
test_sizes (void)
{
  const int sizes[][2] = { { 640, 400 }, { 1600, 1000 }, { 120, 80 }, { 1, 1 } };
  SampleRating ra;
  RlChartRating rating;
  RlChartStyle style;

  sample_rating (&ra, N_REGIONS, RL_CHART_INTERVAL_RANK, &rating);
  rl_chart_style_init (&style, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[i][0],
                                                       sizes[i][1]);
      cairo_t *cr = cairo_create (s);

      rl_chart_rating_draw (cr, sizes[i][0], sizes[i][1], &rating, &style);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (s);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/ticks", test_ticks);
  g_test_add_func ("/charts/labels", test_labels);
  g_test_add_func ("/charts/scatter/colours", test_scatter_colours);
  g_test_add_func ("/charts/scatter/pick", test_scatter_pick);
  g_test_add_func ("/charts/draw-all", test_draw_all);
  g_test_add_func ("/charts/margins", test_margins);
  g_test_add_func ("/charts/rating/colours", test_rating_colours);
  g_test_add_func ("/charts/dendrogram/leaf-order", test_dendrogram_leaf_order);
  g_test_add_func ("/charts/dendrogram/invalid", test_dendrogram_invalid);
  g_test_add_func ("/charts/dendrogram/draw-pick", test_dendrogram_draw_pick);
  g_test_add_func ("/charts/picks", test_other_picks);
  g_test_add_func ("/charts/export", test_export);
  g_test_add_func ("/charts/degenerate", test_degenerate);
  g_test_add_func ("/charts/sizes", test_sizes);
  return g_test_run ();
}
