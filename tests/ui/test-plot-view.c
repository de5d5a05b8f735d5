/* test-plot-view.c — the plot view in a real window under Xvfb: every chart
 * drawn, pick and rubber band into the shared selection, redraw on a
 * selection change, light and dark, and export to PNG, SVG and PDF
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rl-error.h"
#include "rl-export.h"
#include "rl-plot-view.h"

#define VIEW_WIDTH  1000
#define VIEW_HEIGHT 700

typedef struct
{
  RlPanel     *panel;
  RlAnalysis  *kmeans;      /* k-means, select-k, BIC curves, rating uncertainty */
  RlAnalysis  *evolution;   /* differential evolution: the convergence curve */
  RlSelection *selection;
  GtkWindow   *window;
  RlPlotView  *view;
} Fixture;

static Fixture fixture;

/* Helpers */

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done (@data) holds; fails after 5 seconds. */
static void
iterate_until (gboolean (*done) (gpointer data),
               gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

static gboolean
is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Lets the window lay out and paint once after whatever changed. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  iterate_until (is_mapped, widget);
  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  iterate_until (is_true, &painted);
  g_signal_handler_disconnect (clock, handler);
}

static GdkTexture *
render_widget (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  /* the paintable takes the widget's last frame: make it after one */
  wait_for_frame (widget);
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static guchar *
texture_pixels (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  guchar *pixels = g_malloc ((gsize) width * height * 4);

  gdk_texture_download (texture, pixels, (gsize) width * 4);
  return pixels;
}

static guint32
pixel_at (const guchar *pixels,
          int           width,
          int           x,
          int           y)
{
  guint32 value;

  memcpy (&value, pixels + ((gsize) y * width + x) * 4, 4);
  return value;
}

/* The share of pixels (every other one each way) other than the most
 * frequent colour (the chart's background), and how many distinct colours. */
static double
content_share (GdkTexture *texture,
               guint      *n_colors)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = texture_pixels (texture);
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  gsize most = 0;

  for (int y = 0; y < height; y += 2)
    for (int x = 0; x < width; x += 2)
      {
        gpointer p = GUINT_TO_POINTER (pixel_at (pixels, width, x, y));
        gsize count = GPOINTER_TO_SIZE (g_hash_table_lookup (counts, p)) + 1;

        g_hash_table_insert (counts, p, GSIZE_TO_POINTER (count));
      }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    most = MAX (most, GPOINTER_TO_SIZE (value));
  *n_colors = g_hash_table_size (counts);
  return 1.0 - (double) most / ((double) ((width + 1) / 2) * ((height + 1) / 2));
}

static gsize
count_changed_pixels (GdkTexture *a,
                      GdkTexture *b)
{
  int width = gdk_texture_get_width (a), height = gdk_texture_get_height (a);
  g_autofree guchar *pa = texture_pixels (a);
  g_autofree guchar *pb = texture_pixels (b);
  gsize changed = 0;

  g_assert_cmpint (width, ==, gdk_texture_get_width (b));
  g_assert_cmpint (height, ==, gdk_texture_get_height (b));
  for (gsize i = 0; i < (gsize) width * height; i++)
    changed += memcmp (pa + i * 4, pb + i * 4, 4) != 0;
  return changed;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("RL_SCREENSHOT_DIR");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  /* the whole window: the view itself has no background */
  texture = render_widget (GTK_WIDGET (gtk_widget_get_root (widget)));
  file = g_strdup_printf ("plot-view-%s.png", name);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* A point of the canvas where the chart shows a region other than @other, or FALSE. */
static gboolean
find_region_point (int     other,
                   int    *region,
                   double *px,
                   double *py)
{
  GtkWidget *canvas = rl_plot_view_get_canvas (fixture.view);
  int width = gtk_widget_get_width (canvas), height = gtk_widget_get_height (canvas);
  RlChartPlan *plan = rl_plot_view_get_plan (fixture.view);

  for (int y = 2; y < height; y += 6)
    for (int x = 2; x < width; x += 6)
      {
        int r = rl_chart_plan_pick (plan, rl_plot_view_get_style (fixture.view), width, height, x, y);

        if (r >= 0 && r != other)
          {
            *region = r;
            *px = x;
            *py = y;
            return TRUE;
          }
      }
  return FALSE;
}

static void
show_chart (RlChartKind kind)
{
  rl_plot_view_set_kind (fixture.view, kind);
  g_assert_cmpint (rl_plot_view_get_kind (fixture.view), ==, kind);
  wait_for_frame (GTK_WIDGET (fixture.view));
}

static RlAnalysis *
run_analysis (RlMethod method)
{
  RlAnalysisSpec spec;
  g_autoptr(GError) error = NULL;
  RlAnalysis *analysis;

  rl_analysis_spec_init (&spec);
  spec.frame.year = 2017;
  spec.method.method = method;
  spec.method.k = 4;
  spec.method.seed = 1;
  spec.with_select_k = method == RL_METHOD_KMEANS;
  spec.with_bic_curves = method == RL_METHOD_KMEANS;
  spec.method.iterations = 300;
  spec.uncertainty_runs = 200;
  analysis = rl_analysis_run (fixture.panel, &spec, NULL, NULL, NULL, &error);
  rl_analysis_spec_clear (&spec);
  g_assert_no_error (error);
  g_assert_nonnull (analysis);
  return analysis;
}

/* Tests */

static void
test_no_analysis (void)
{
  rl_plot_view_set_analysis (fixture.view, NULL, NULL);
  wait_for_frame (GTK_WIDGET (fixture.view));
  g_assert_null (rl_plot_view_get_plan (fixture.view));
  g_assert_nonnull (rl_plot_view_get_message (fixture.view));
  g_assert_false (gtk_widget_get_mapped (rl_plot_view_get_canvas (fixture.view)));
  save_screenshot (GTK_WIDGET (fixture.view), "no-analysis");
  rl_plot_view_set_analysis (fixture.view, fixture.panel, fixture.kmeans);
  g_assert_nonnull (rl_plot_view_get_plan (fixture.view));
  g_assert_null (rl_plot_view_get_message (fixture.view));
}

/* The mean time of drawing the chart on an image of the canvas's size. */
static double
draw_ms (GtkWidget *canvas)
{
  int width = gtk_widget_get_width (canvas), height = gtk_widget_get_height (canvas);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  gint64 start = g_get_monotonic_time ();
  const guint runs = 5;

  for (guint i = 0; i < runs; i++)
    rl_chart_plan_draw (rl_plot_view_get_plan (fixture.view), cr, width, height,
                        rl_plot_view_get_style (fixture.view));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return (g_get_monotonic_time () - start) / 1000.0 / runs;
}

static void
check_chart_drawn (RlChartKind kind)
{
  GtkWidget *canvas = rl_plot_view_get_canvas (fixture.view);
  g_autoptr(GdkTexture) texture = NULL;
  guint n_colors = 0;
  double share;

  g_test_message ("chart %s", rl_chart_kind_to_string (kind));
  g_assert_nonnull (rl_plot_view_get_plan (fixture.view));
  g_assert_null (rl_plot_view_get_message (fixture.view));
  g_assert_true (gtk_widget_get_mapped (canvas));
  g_assert_cmpint (gtk_widget_get_width (canvas), >, 600);
  g_assert_cmpint (gtk_widget_get_height (canvas), >, 400);
  texture = render_widget (canvas);
  share = content_share (texture, &n_colors);
  g_test_message ("  %.1f %% of the pixels drawn, %u colours", 100 * share, n_colors);
  g_test_message ("  one draw at %d × %d: %.1f ms", gtk_widget_get_width (canvas),
                  gtk_widget_get_height (canvas), draw_ms (canvas));
  g_assert_cmpfloat (share, >, 0.01);
  g_assert_cmpfloat (share, <, 0.9);
  g_assert_cmpuint (n_colors, >=, 4);
  save_screenshot (GTK_WIDGET (fixture.view), rl_chart_kind_to_string (kind));
}

static void
test_every_chart (void)
{
  rl_plot_view_set_analysis (fixture.view, fixture.panel, fixture.kmeans);
  for (RlChartKind kind = 0; kind < RL_N_CHART_KINDS; kind++)
    {
      if (kind == RL_CHART_KIND_MAP)
        continue;
      show_chart (kind);
      if (kind == RL_CHART_KIND_CONVERGENCE && rl_plot_view_get_plan (fixture.view) == NULL)
        {
          /* k-means has no convergence curve: the view says so instead of a blank area */
          g_assert_nonnull (rl_plot_view_get_message (fixture.view));
          g_assert_false (gtk_widget_get_mapped (rl_plot_view_get_canvas (fixture.view)));
          save_screenshot (GTK_WIDGET (fixture.view), "convergence-message");
          rl_plot_view_set_analysis (fixture.view, fixture.panel, fixture.evolution);
          wait_for_frame (GTK_WIDGET (fixture.view));
          check_chart_drawn (kind);
          rl_plot_view_set_analysis (fixture.view, fixture.panel, fixture.kmeans);
          continue;
        }
      check_chart_drawn (kind);
    }
}

static void
test_scatter_options (void)
{
  const RlFrame *frame = fixture.kmeans->frame;
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;

  g_assert_cmpuint (frame->d, >=, 3);
  rl_plot_view_set_analysis (fixture.view, fixture.panel, fixture.kmeans);
  show_chart (RL_CHART_KIND_SCATTER);
  rl_plot_view_set_features (fixture.view, frame->features[0], frame->features[1], NULL, NULL);
  before = render_widget (rl_plot_view_get_canvas (fixture.view));
  rl_plot_view_set_features (fixture.view, frame->features[2], frame->features[1], NULL, NULL);
  after = render_widget (rl_plot_view_get_canvas (fixture.view));
  g_assert_cmpuint (count_changed_pixels (before, after), >, 100);

  /* an indicator the frame lacks is an error shown to the user, not a crash */
  rl_plot_view_set_features (fixture.view, "no_such_indicator", frame->features[1], NULL, NULL);
  g_assert_null (rl_plot_view_get_plan (fixture.view));
  g_assert_nonnull (rl_plot_view_get_message (fixture.view));
  rl_plot_view_set_features (fixture.view, frame->features[0], frame->features[1], NULL, NULL);
  g_assert_nonnull (rl_plot_view_get_plan (fixture.view));
}

static void
test_grouping_options (void)
{
  g_autoptr(GdkTexture) by_need = NULL;
  g_autoptr(GdkTexture) by_poverty = NULL;
  g_autoptr(GdkTexture) other_group = NULL;

  rl_plot_view_set_analysis (fixture.view, fixture.panel, fixture.kmeans);
  show_chart (RL_CHART_KIND_GROUPING);
  /* grouped by production: the mean need score, then the mean poverty per group */
  rl_plot_view_set_features (fixture.view, NULL, NULL, "regional_production", NULL);
  g_assert_nonnull (rl_plot_view_get_plan (fixture.view));
  by_need = render_widget (rl_plot_view_get_canvas (fixture.view));
  rl_plot_view_set_features (fixture.view, NULL, NULL, "regional_production", "poverty_percent");
  g_assert_nonnull (rl_plot_view_get_plan (fixture.view));
  by_poverty = render_widget (rl_plot_view_get_canvas (fixture.view));
  g_assert_cmpuint (count_changed_pixels (by_need, by_poverty), >, 100);
  rl_plot_view_set_features (fixture.view, NULL, NULL, "cash_income", "poverty_percent");
  other_group = render_widget (rl_plot_view_get_canvas (fixture.view));
  g_assert_cmpuint (count_changed_pixels (by_poverty, other_group), >, 100);
  save_screenshot (GTK_WIDGET (fixture.view), "grouping-production-poverty");
}

static void
test_click_selects (void)
{
  double x1, y1, x2, y2;
  int r1, r2;

  rl_plot_view_set_analysis (fixture.view, fixture.panel, fixture.kmeans);
  show_chart (RL_CHART_KIND_SCATTER);
  rl_selection_clear (fixture.selection);
  g_assert_true (find_region_point (-1, &r1, &x1, &y1));
  g_assert_true (find_region_point (r1, &r2, &x2, &y2));

  rl_plot_view_click (fixture.view, x1, y1, 0);
  g_assert_cmpuint (rl_selection_count (fixture.selection), ==, 1);
  g_assert_true (rl_selection_contains (fixture.selection, r1));
  rl_plot_view_click (fixture.view, x2, y2, GDK_SHIFT_MASK);
  g_assert_cmpuint (rl_selection_count (fixture.selection), ==, 2);
  g_assert_true (rl_selection_contains (fixture.selection, r2));
  rl_plot_view_click (fixture.view, x1, y1, GDK_CONTROL_MASK);
  g_assert_cmpuint (rl_selection_count (fixture.selection), ==, 1);
  g_assert_false (rl_selection_contains (fixture.selection, r1));
  rl_plot_view_click (fixture.view, x1, y1, 0);
  g_assert_cmpuint (rl_selection_count (fixture.selection), ==, 1);
  g_assert_true (rl_selection_contains (fixture.selection, r1));

  /* a click where no region is clears; Escape clears too */
  rl_plot_view_click (fixture.view, 1, 1, 0);
  g_assert_cmpuint (rl_selection_count (fixture.selection), ==, 0);
  rl_selection_set_only (fixture.selection, r2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "plot.clear-selection", NULL));
  g_assert_cmpuint (rl_selection_count (fixture.selection), ==, 0);
  /* Ctrl+A: every region of the analysis */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "plot.select-all", NULL));
  g_assert_cmpuint (rl_selection_count (fixture.selection), ==, fixture.kmeans->frame->n);
  rl_selection_clear (fixture.selection);
}

static gboolean
query_tooltip (double x,
               double y)
{
  GtkWidget *canvas = rl_plot_view_get_canvas (fixture.view);
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (canvas, "query-tooltip", (int) x, (int) y, FALSE, tooltip, &shown);
  return shown;
}

static void
test_hover (void)
{
  RlChartKind kinds[] = { RL_CHART_KIND_SCATTER, RL_CHART_KIND_PCA, RL_CHART_KIND_RATING,
                          RL_CHART_KIND_DENDROGRAM };
  double x, y;
  int region;

  rl_plot_view_set_analysis (fixture.view, fixture.panel, fixture.kmeans);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *text = NULL;

      show_chart (kinds[i]);
      g_assert_true (find_region_point (-1, &region, &x, &y));
      text = rl_chart_plan_describe (rl_plot_view_get_plan (fixture.view), region);
      g_assert_nonnull (strstr (text, rl_panel_region_label (fixture.panel, region)));
      g_assert_true (query_tooltip (x, y));
      /* the corner of the card shows no region: no tooltip */
      g_assert_false (query_tooltip (1, 1));
    }
}

static void
check_band_matches_plan (double x0,
                         double y0,
                         double x1,
                         double y1)
{
  GtkWidget *canvas = rl_plot_view_get_canvas (fixture.view);
  g_autoptr(GArray) expected = rl_chart_plan_regions_in_rect (rl_plot_view_get_plan (fixture.view),
                                                              rl_plot_view_get_style (fixture.view),
                                                              gtk_widget_get_width (canvas),
                                                              gtk_widget_get_height (canvas),
                                                              x0, y0, x1, y1);

  g_assert_cmpuint (rl_selection_count (fixture.selection), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (rl_selection_contains (fixture.selection, g_array_index (expected, guint, i)));
}

static void
test_rubber_band (void)
{
  GtkWidget *canvas = rl_plot_view_get_canvas (fixture.view);
  double w, h;
  guint n = fixture.kmeans->frame->n, left;

  for (guint pass = 0; pass < 2; pass++)
    {
      rl_plot_view_set_analysis (fixture.view, fixture.panel, fixture.kmeans);
      show_chart (pass == 0 ? RL_CHART_KIND_SCATTER : RL_CHART_KIND_PCA);
      w = gtk_widget_get_width (canvas);
      h = gtk_widget_get_height (canvas);
      rl_selection_clear (fixture.selection);

      /* the whole chart holds every region of the frame */
      rl_plot_view_select_rect (fixture.view, 0, 0, w, h, 0);
      g_assert_cmpuint (rl_selection_count (fixture.selection), ==, n);

      /* the left half replaces the selection, the right half extends it with shift */
      rl_plot_view_select_rect (fixture.view, w / 2, h, 0, 0, 0);
      check_band_matches_plan (0, 0, w / 2, h);
      left = rl_selection_count (fixture.selection);
      g_assert_cmpuint (left, >, 0);
      g_assert_cmpuint (left, <, n);
      rl_plot_view_select_rect (fixture.view, w / 2, 0, w, h, GDK_SHIFT_MASK);
      g_assert_cmpuint (rl_selection_count (fixture.selection), ==, n);
    }

  /* the band does nothing on charts without points in a plane */
  show_chart (RL_CHART_KIND_ELBOW);
  rl_selection_clear (fixture.selection);
  rl_plot_view_select_rect (fixture.view, 0, 0, w, h, 0);
  g_assert_cmpuint (rl_selection_count (fixture.selection), ==, 0);
}

static void
test_selection_redraws (void)
{
  GtkWidget *canvas = rl_plot_view_get_canvas (fixture.view);
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  g_autoptr(GdkTexture) again = NULL;
  const guint *rows = fixture.kmeans->frame->rows;
  guint regions[3] = { rows[0], rows[1], rows[2] };

  rl_plot_view_set_analysis (fixture.view, fixture.panel, fixture.kmeans);
  show_chart (RL_CHART_KIND_SCATTER);
  rl_selection_clear (fixture.selection);
  before = render_widget (canvas);
  /* as if the map or the table selected them */
  rl_selection_set_many (fixture.selection, regions, 3, FALSE);
  after = render_widget (canvas);
  g_assert_cmpuint (count_changed_pixels (before, after), >, 20);
  save_screenshot (GTK_WIDGET (fixture.view), "scatter-selected");

  /* the selection is by panel region: a new analysis keeps and shows it */
  rl_plot_view_set_analysis (fixture.view, NULL, NULL);
  rl_plot_view_set_analysis (fixture.view, fixture.panel, fixture.evolution);
  g_assert_cmpuint (rl_selection_count (fixture.selection), ==, 3);
  rl_plot_view_set_analysis (fixture.view, fixture.panel, fixture.kmeans);
  again = render_widget (canvas);
  g_assert_cmpuint (count_changed_pixels (after, again), ==, 0);
  rl_selection_clear (fixture.selection);
}

static void
test_dark_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *canvas = rl_plot_view_get_canvas (fixture.view);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  guint32 corner;
  guint luma;

  rl_plot_view_set_analysis (fixture.view, fixture.panel, fixture.kmeans);
  show_chart (RL_CHART_KIND_SCATTER);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (rl_plot_view_get_style (fixture.view)->dark);
  texture = render_widget (canvas);
  pixels = texture_pixels (texture);
  corner = pixel_at (pixels, gdk_texture_get_width (texture), 1, 1);
  luma = ((corner >> 16) & 0xff) + ((corner >> 8) & 0xff) + (corner & 0xff);
  g_assert_cmpuint (luma, <, 3 * 96);
  save_screenshot (GTK_WIDGET (fixture.view), "scatter-dark");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (rl_plot_view_get_style (fixture.view)->dark);
}

static void
check_signature (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  if (g_str_has_suffix (lower, ".png"))
    g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  else if (g_str_has_suffix (lower, ".pdf"))
    g_assert_cmpmem (contents, 5, "%PDF-", 5);
  else
    g_assert_nonnull (strstr (contents, "<svg"));
}

static void
test_export (void)
{
  static const char *formats[] = { "png", "svg", "pdf" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rl-plot-export-XXXXXX", &error);
  g_autofree char *name = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *typed = rl_export_path_with_format ("/x/chart.PDF", "png");
  g_autofree char *jpeg = rl_export_path_with_format ("/x/chart.jpg", "png");
  g_autofree char *dotted = rl_export_path_with_format ("/x.y/poverty.2017", "pdf");
  RlChartPlan *plan;
  cairo_surface_t *recording;

  g_assert_no_error (error);
  rl_plot_view_set_analysis (fixture.view, fixture.panel, fixture.kmeans);
  show_chart (RL_CHART_KIND_SCATTER);
  plan = rl_plot_view_get_plan (fixture.view);
  name = rl_export_default_name (plan);
  g_assert_cmpstr (name, ==, "regionlab-scatter.png");
  recording = rl_export_record_chart (plan, rl_plot_view_get_style (fixture.view));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *file = g_strdup_printf ("plan.%s", formats[i]);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autofree char *stem = g_build_filename (dir, "recorded", NULL);
      g_autofree char *recorded = rl_export_path_with_format (stem, formats[i]);

      g_assert_true (rl_chart_plan_export (plan, path, RL_EXPORT_WIDTH, RL_EXPORT_HEIGHT,
                                           rl_plot_view_get_style (fixture.view), &error));
      g_assert_no_error (error);
      check_signature (path);
      g_assert_true (g_str_has_suffix (recorded, formats[i]));
      g_assert_true (rl_export_write_recording (recording, recorded, &error));
      g_assert_no_error (error);
      check_signature (recorded);
      g_unlink (path);
      g_unlink (recorded);
    }
  /* the extension typed wins over the filter, any case; an unknown one is a clear error */
  g_assert_cmpstr (typed, ==, "/x/chart.PDF");
  g_assert_cmpstr (jpeg, ==, "/x/chart.jpg");
  g_assert_cmpstr (dotted, ==, "/x.y/poverty.2017.pdf");
  bad = g_build_filename (dir, "chart.jpg", NULL);
  g_assert_false (rl_export_write_recording (recording, bad, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_UNSUPPORTED);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  cairo_surface_finish (recording);
  cairo_surface_destroy (recording);
  g_rmdir (dir);
}

typedef struct
{
  GType      type;
  GtkWindow *found;
} WindowSearch;

static gboolean
find_window (gpointer data)
{
  WindowSearch *search = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; search->found == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, search->type)
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        search->found = window;
    }
  return search->found != NULL;
}

/* The first shown toplevel of @type, once one appears. */
static GtkWindow *
wait_for_window (GType type)
{
  WindowSearch search = { type, NULL };

  iterate_until (find_window, &search);
  return search.found;
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

typedef struct
{
  GtkFileChooser *chooser;
  GFile          *folder;
} ChooserFolder;

static gboolean
chooser_in_folder (gpointer data)
{
  ChooserFolder *check = data;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (check->chooser);
  g_autoptr(GFile) parent = file ? g_file_get_parent (file) : NULL;

  return parent != NULL && g_file_equal (parent, check->folder);
}

static gboolean
accept_again_cb (gpointer window)
{
  gtk_dialog_response (GTK_DIALOG (window), GTK_RESPONSE_ACCEPT);
  return G_SOURCE_CONTINUE;
}

static gboolean
is_gone (gpointer pointer)
{
  GtkWidget *widget = *(GtkWidget **) pointer;

  return widget == NULL || !gtk_widget_get_visible (widget);
}

/* The chooser ignores Accept while it still loads the folder: answer until
 * it goes away. */
static void
accept_dialog (GtkWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);
  guint again;

  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &widget);
  again = g_timeout_add (200, accept_again_cb, window);
  gtk_dialog_response (GTK_DIALOG (window), GTK_RESPONSE_ACCEPT);
  iterate_until (is_gone, &widget);
  g_source_remove (again);
  if (widget != NULL)
    g_object_remove_weak_pointer (G_OBJECT (widget), (gpointer *) &widget);
}

/* Answers the file chooser the export dialog opens: @name in @dir, with the
 * filter of @format chosen. */
static void
answer_export_dialog (const char *dir,
                      const char *name,
                      guint       format)
{
  GtkWindow *window = wait_for_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (window);
  /* GTK 4.8's file chooser dialog hands out its own list here, not a new reference */
  GListModel *filters = gtk_file_chooser_get_filters (chooser);
  g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, format);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *proposed = gtk_file_chooser_get_current_name (chooser);
  g_autofree char *typed = g_build_filename (dir, name, NULL);
  ChooserFolder check = { chooser, folder };

  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 3);
  g_assert_cmpstr (proposed, ==, "regionlab-rating.png");
  /* typed as a whole path into the name entry, as a user can */
  gtk_file_chooser_set_filter (chooser, filter);
  gtk_file_chooser_set_current_name (chooser, typed);
  /* the chooser changes folder in the background */
  iterate_until (chooser_in_folder, &check);
  accept_dialog (window);
}

static void
test_export_dialog (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rl-plot-dialog-XXXXXX", &error);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "Chart.PDF", NULL);
  g_autofree char *bad = g_build_filename (dir, "chart.jpg", NULL);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.regionlab.RegionLab");
  g_autofree char *remembered = NULL;
  GtkWindow *alert;

  g_assert_no_error (error);
  rl_plot_view_set_analysis (fixture.view, fixture.panel, fixture.kmeans);
  show_chart (RL_CHART_KIND_RATING);

  /* no extension typed: the SVG filter chosen gives it */
  rl_export_chart_dialog (fixture.window, rl_plot_view_get_plan (fixture.view), FALSE);
  /* the chart is recorded when the dialog opens: the plan may go meanwhile */
  rl_plot_view_set_analysis (fixture.view, NULL, NULL);
  answer_export_dialog (dir, "chart", 1);
  iterate_until (file_exists, svg);
  check_signature (svg);
  remembered = g_settings_get_string (settings, "last-export-folder");
  g_assert_cmpstr (remembered, ==, dir);

  /* the extension typed wins over the filter */
  rl_plot_view_set_analysis (fixture.view, fixture.panel, fixture.kmeans);
  rl_export_chart_dialog (fixture.window, rl_plot_view_get_plan (fixture.view), TRUE);
  answer_export_dialog (dir, "Chart.PDF", 0);
  iterate_until (file_exists, pdf);
  check_signature (pdf);

  /* an extension no format has: the user is told, nothing is written */
  rl_export_chart_dialog (fixture.window, rl_plot_view_get_plan (fixture.view), FALSE);
  answer_export_dialog (dir, "chart.jpg", 0);
  alert = wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (alert)), "chart.jpg"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (alert), "close");

  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("no display: skipped\n");
      return 77;
    }
  adw_init ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

  path = g_build_filename (g_getenv ("RL_SOURCE_DATA"), "datasets", "russia-regions.csv", NULL);
  fixture.panel = rl_panel_load (path, &error);
  g_assert_no_error (error);
  fixture.kmeans = run_analysis (RL_METHOD_KMEANS);
  fixture.evolution = run_analysis (RL_METHOD_DE);
  fixture.selection = rl_selection_new ();
  fixture.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture.window, VIEW_WIDTH, VIEW_HEIGHT);
  fixture.view = RL_PLOT_VIEW (rl_plot_view_new (fixture.selection));
  gtk_window_set_child (fixture.window, GTK_WIDGET (fixture.view));
  rl_plot_view_set_analysis (fixture.view, fixture.panel, fixture.kmeans);
  gtk_window_present (fixture.window);
  wait_for_frame (GTK_WIDGET (fixture.view));

  g_test_add_func ("/plot-view/no-analysis", test_no_analysis);
  g_test_add_func ("/plot-view/every-chart", test_every_chart);
  g_test_add_func ("/plot-view/scatter-options", test_scatter_options);
  g_test_add_func ("/plot-view/grouping-options", test_grouping_options);
  g_test_add_func ("/plot-view/hover", test_hover);
  g_test_add_func ("/plot-view/click", test_click_selects);
  g_test_add_func ("/plot-view/rubber-band", test_rubber_band);
  g_test_add_func ("/plot-view/selection-redraws", test_selection_redraws);
  g_test_add_func ("/plot-view/dark", test_dark_style);
  g_test_add_func ("/plot-view/export", test_export);
  g_test_add_func ("/plot-view/export-dialog", test_export_dialog);
  status = g_test_run ();

  rl_plot_view_set_analysis (fixture.view, NULL, NULL);
  gtk_window_destroy (fixture.window);
  g_assert_finalize_object (fixture.selection);
  g_clear_pointer (&fixture.kmeans, rl_analysis_free);
  g_clear_pointer (&fixture.evolution, rl_analysis_free);
  g_clear_pointer (&fixture.panel, rl_panel_free);
  return status;
}
