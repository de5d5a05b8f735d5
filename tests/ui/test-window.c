/* test-window.c — the real main window under Xvfb, driven through its actions:
 * open the demo panel, run every method, switch views, export the map, a
 * chart and the table, with screenshots written to the build folder and
 * checked (the map shows at least 3 cluster colours, the table has rows, the
 * plot is not empty); the main loop keeps running while analyses run; a bad
 * file keeps what is shown; Stop drops a long run.
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-config.h"

#include <adwaita.h>
#include <shumate/shumate.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "rl-chart-map.h"
#include "rl-data.h"
#include "rl-export.h"
#include "rl-map-view.h"
#include "rl-plot-view.h"
#include "rl-table-view.h"
#include "rl-window.h"

static RlWindow *window;
static char     *out_dir;

/* No wait below is a fixed time or a number of frames: each runs the main
 * loop until what it waits for has happened, which takes as long as it takes
 * under valgrind, a sanitizer or a loaded machine. A wait that lasts longer
 * than this fails the test with the name of what it waited for. */
#define WAIT_DEADLINE_S 600

typedef gboolean (*Condition) (gpointer data);

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @cond holds (waking at least every 50 ms to look
 * at the deadline). */
static void
wait_until (Condition   cond,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_DEADLINE_S * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  while (!cond (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("waited %d s in vain for %s", WAIT_DEADLINE_S, what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

/* The longest gap between two ticks of a 5 ms timeout, while it is on. */
typedef struct
{
  gint64 last;
  gint64 longest;
} Stall;

static gboolean
stall_tick_cb (gpointer data)
{
  Stall *stall = data;
  gint64 now = g_get_monotonic_time ();

  if (stall->last > 0)
    stall->longest = MAX (stall->longest, now - stall->last);
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

/* The longest frame (layout and paint) since the last reset, in microseconds. */
static gint64 frame_start;
static gint64 longest_frame;

static void
on_frame_start_cb (GdkFrameClock *clock)
{
  frame_start = g_get_monotonic_time ();
}

static void
on_frame_end_cb (GdkFrameClock *clock)
{
  longest_frame = MAX (longest_frame, g_get_monotonic_time () - frame_start);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Redraws @widget and waits until its frame clock has painted. */
static void
wait_for_paint_of (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  wait_until (is_mapped, widget, "the widget to be mapped");
  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  wait_until (is_true, &painted, "a frame to be painted");
  g_signal_handler_disconnect (clock, handler);
}

static void
wait_for_paint (void)
{
  wait_for_paint_of (GTK_WIDGET (window));
}

static gboolean
map_is_current (gpointer map)
{
  return !gtk_widget_get_mapped (map) || rl_map_widget_is_current (map);
}

/* Waits until the views show what the window holds: the map's texture (drawn
 * on a worker thread) has the current colours when the map is shown, and a
 * frame of the whole window has been painted since. */
static void
wait_for_views (void)
{
  GtkWidget *map = rl_window_get_view (window, "map");

  /* the map asks its worker for a texture when it is drawn */
  wait_for_paint ();
  wait_until (map_is_current, map, "the map's texture of the current colours");
  wait_for_paint ();
}

typedef struct
{
  const RlAnalysis *old;
  RlMethod          method;
} AnalysisWait;

static gboolean
shows_new_analysis (gpointer data)
{
  AnalysisWait *wait = data;
  const RlAnalysis *now = rl_window_get_analysis (window);

  return now != NULL && now != wait->old && now->spec->method.method == wait->method
         && !rl_analysis_runner_is_busy (rl_window_get_runner (window));
}

/* Waits until the window shows an analysis by @method that is not @old and
 * the views have drawn it; returns the longest main-loop stall seen
 * meanwhile, in microseconds. */
static gint64
wait_for_analysis (const RlAnalysis *old,
                   RlMethod          method)
{
  AnalysisWait wait = { old, method };
  Stall stall = { 0, 0 };
  guint tick = g_timeout_add (5, stall_tick_cb, &stall);

  wait_until (shows_new_analysis, &wait, "the window to show a new analysis");
  wait_for_views ();
  g_source_remove (tick);
  return stall.longest;
}

/* Whether a label inside @widget (a toast, say) shows @text. */
static gboolean
widget_shows_text (GtkWidget  *widget,
                   const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (widget_shows_text (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
window_shows_text (gpointer text)
{
  return widget_shows_text (GTK_WIDGET (window), text);
}

/* Waits for the toast that says why @path could not be opened. */
static void
wait_for_refusal_of (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);

  wait_until (window_shows_text, name, "a toast naming the file refused");
}

/* Renders @widget's window as it is painted now, saves it as @name in the
 * build folder and returns it. */
static GdkTexture *
screenshot_of (GtkWidget  *widget,
               const char *name)
{
  int width, height;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *path = g_build_filename (out_dir, name, NULL);
  GtkSnapshot *snapshot;
  GdkTexture *texture;

  /* the map draws new colours on a worker thread */
  wait_for_views ();
  wait_for_paint_of (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  snapshot = gtk_snapshot_new ();
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot %s", path);
  return texture;
}

static GdkTexture *
screenshot (const char *name)
{
  return screenshot_of (GTK_WIDGET (window), name);
}

/* How many of @colors appear on at least 200 pixels of @texture. */
static guint
count_colors_shown (GdkTexture    *texture,
                    const RlColor *colors,
                    guint          n_colors)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  g_autofree guint *hits = g_new0 (guint, n_colors);
  guint shown = 0;

  gdk_texture_download (texture, pixels, (gsize) width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    {
      /* gdk_texture_download gives Cairo's ARGB32: B, G, R, A on little endian */
      const guchar *p = pixels + i * 4;

      for (guint c = 0; c < n_colors; c++)
        if (ABS (p[2] - (int) (colors[c].r * 255 + 0.5)) <= 3
            && ABS (p[1] - (int) (colors[c].g * 255 + 0.5)) <= 3
            && ABS (p[0] - (int) (colors[c].b * 255 + 0.5)) <= 3)
          hits[c]++;
    }
  for (guint c = 0; c < n_colors; c++)
    shown += hits[c] >= 200;
  return shown;
}

static void
activate (const char *action,
          GVariant   *param)
{
  /* GTK hands the parameter to the action without sinking a floating one */
  g_autoptr(GVariant) owned = param != NULL ? g_variant_ref_sink (param) : NULL;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, param));
}

static void
show_view (const char *name)
{
  activate ("win.view", g_variant_new_string (name));
  g_assert_true (gtk_widget_get_mapped (rl_window_get_view (window, name)));
}

/* Tests */

static void
test_open_demo (void)
{
  g_autofree char *path = rl_data_find ("datasets/russia-regions.csv");
  g_autoptr(GFile) file = NULL;
  gint64 stall;

  g_assert_nonnull (path);
  file = g_file_new_for_path (path);
  rl_window_open_file (window, file);
  longest_frame = 0;
  stall = wait_for_analysis (NULL, RL_METHOD_KMEANS);
  g_test_message ("open and k-means: longest main-loop stall %.1f ms, longest frame %.1f ms",
                  stall / 1000.0, longest_frame / 1000.0);
  g_assert_cmpint (rl_window_get_analysis (window)->clustering->k, ==, 4);
}

static gboolean
has_paint (gpointer map)
{
  return rl_map_widget_get_paint (map) != NULL;
}

static void
test_map_colours (void)
{
  RlMapWidget *map = RL_MAP_WIDGET (rl_window_get_view (window, "map"));
  const RlMapPaint *paint;
  g_autoptr(GdkTexture) shot = NULL;

  show_view ("map");
  rl_map_widget_set_color_by (map, RL_MAP_COLOR_CLUSTER);
  /* the built-in boundaries are read on a worker thread */
  wait_until (has_paint, map, "the map's boundaries");
  paint = rl_map_widget_get_paint (map);
  g_assert_nonnull (paint);
  g_assert_cmpuint (paint->legend_colors->len, ==, 4);
  shot = screenshot ("window-map.png");
  g_assert_cmpuint (count_colors_shown (shot, (const RlColor *) paint->legend_colors->data,
                                        paint->legend_colors->len), >=, 3);

  rl_map_widget_set_color_by (map, RL_MAP_COLOR_RATING);
  g_clear_object (&shot);
  shot = screenshot ("window-map-rating.png");
  rl_map_widget_set_color_by (map, RL_MAP_COLOR_INDICATOR);
  g_clear_object (&shot);
  shot = screenshot ("window-map-indicator.png");
  rl_map_widget_set_color_by (map, RL_MAP_COLOR_CLUSTER);
}

/* A GeoJSON of @side × @side polygons of 40 points each tiling 30–150° E, 45–70° N. */
static char *
grid_geojson (int side)
{
  GString *out = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[");

  for (int i = 0; i < side * side; i++)
    {
      double w = 120.0 / side, h = 25.0 / side;
      double cx = 30.0 + (i % side + 0.5) * w, cy = 45.0 + (i / side + 0.5) * h;

      g_string_append_printf (out, "%s{\"type\":\"Feature\",\"properties\":{\"code\":\"X-%d\"},"
                              "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[", i ? "," : "", i);
      for (int k = 0; k <= 40; k++)
        {
          double a = 2 * G_PI * (k % 40) / 40;
          char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append_printf (out, "%s[%s,%s]", k ? "," : "",
                                  g_ascii_dtostr (x, sizeof x, cx + 0.45 * w * cos (a)),
                                  g_ascii_dtostr (y, sizeof y, cy + 0.45 * h * sin (a)));
        }
      g_string_append (out, "]]}}");
    }
  g_string_append (out, "]}");
  return g_string_free (out, FALSE);
}

/* Milliseconds to draw @layer fitted into 1000 × 700 pixels (mean of 5). */
static double
time_map_draw (const RlGeoLayer *layer)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 700);
  g_autofree RlColor *fills = g_new (RlColor, layer->n_features);
  RlMapStyle style;
  RlMapView view;
  gint64 t0;

  for (guint f = 0; f < layer->n_features; f++)
    fills[f] = (RlColor) { (f % 7) / 7.0, 0.5, 0.6, 1.0 };
  rl_map_style_init (&style);
  style.fills = fills;
  style.n_fills = layer->n_features;
  rl_map_view_fit (&view, layer, 1000, 700, 10);
  t0 = g_get_monotonic_time ();
  for (int i = 0; i < 5; i++)
    {
      cairo_t *cr = cairo_create (surface);
      rl_chart_map_draw (cr, &view, layer, &style);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);
  return (g_get_monotonic_time () - t0) / 5000.0;
}

static void
test_map_draw_time (void)
{
  g_autofree char *path = rl_data_find ("boundaries/ru.geojson");
  g_autofree char *grid = grid_geojson (50);
  g_autoptr(RlGeoLayer) regions = rl_geo_layer_load (path, NULL);
  g_autoptr(RlGeoLayer) municipal = rl_geo_layer_load_data (grid, -1, "grid", NULL);

  g_assert_nonnull (regions);
  g_assert_nonnull (municipal);
  g_assert_cmpuint (municipal->n_features, ==, 2500);
  g_test_message ("drawing the map layer at 1000 × 700 (cairo image): %u regions %.1f ms, "
                  "%u polygons %.1f ms (once per zoom level; a pan places the cached texture)",
                  regions->n_features, time_map_draw (regions),
                  municipal->n_features, time_map_draw (municipal));
}

/* Pans the map by a few pixels per frame and reports the frame times. */
static void
test_map_pan_frames (void)
{
  RlMapWidget *map = RL_MAP_WIDGET (rl_window_get_view (window, "map"));
  GtkWidget *shumate = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (map)));
  ShumateViewport *viewport;
  gint64 total = 0, longest = 0;
  const int n = 20;

  show_view ("map");
  g_assert_true (SHUMATE_IS_MAP (shumate));
  viewport = shumate_map_get_viewport (SHUMATE_MAP (shumate));
  wait_for_paint ();
  for (int i = 0; i < n; i++)
    {
      ShumateLocation *location = SHUMATE_LOCATION (viewport);
      gint64 t0;

      shumate_location_set_location (location, shumate_location_get_latitude (location),
                                     shumate_location_get_longitude (location) + 0.5);
      longest_frame = 0;
      t0 = g_get_monotonic_time ();
      wait_for_paint ();
      total += g_get_monotonic_time () - t0;
      longest = MAX (longest, longest_frame);
    }
  g_test_message ("panning the map: %.1f ms a frame on average (to the end of paint), longest frame %.1f ms",
                  total / 1000.0 / n, longest / 1000.0);
}

static void
test_every_method (void)
{
  RlSettingsPanel *panel = rl_window_get_settings_panel (window);

  rl_settings_panel_set_iterations (panel, 30);
  for (RlMethod m = RL_METHOD_GMM; m < RL_N_METHODS; m++)
    {
      const RlAnalysis *old = rl_window_get_analysis (window);
      const RlAnalysis *now;
      gint64 stall;

      rl_settings_panel_set_method (panel, m);
      activate ("win.run", NULL);
      longest_frame = 0;
      stall = wait_for_analysis (old, m);
      now = rl_window_get_analysis (window);
      g_test_message ("%s: k = %u, longest main-loop stall %.1f ms, longest frame %.1f ms",
                      rl_method_to_string (m), now->clustering->k, stall / 1000.0,
                      longest_frame / 1000.0);
      g_assert_cmpuint (now->clustering->k, ==, 4);
      g_assert_cmpuint (now->frame->n, >=, 80);
    }
  rl_settings_panel_set_method (panel, RL_METHOD_KMEANS);
  wait_for_analysis (rl_window_get_analysis (window), RL_METHOD_KMEANS);
}

static void
test_table (void)
{
  RlTableView *table = RL_TABLE_VIEW (rl_window_get_view (window, "table"));
  const RlAnalysis *analysis = rl_window_get_analysis (window);
  g_autofree char *csv_path = g_build_filename (out_dir, "window-table.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GdkTexture) shot = NULL;
  g_autoptr(GError) error = NULL;
  int previous = 0;

  show_view ("table");
  g_assert_cmpuint (rl_table_view_get_n_rows (table), ==, analysis->frame->n);
  /* sorted by need rank, rank 1 first */
  rl_table_view_sort_by (table, 2, GTK_SORT_ASCENDING);
  for (guint i = 0; i < rl_table_view_get_n_rows (table); i++)
    {
      int row = rl_analysis_row_of_region (analysis, rl_table_view_get_region (table, i));
      int rank = (int) analysis->rating->rank[row];

      g_assert_cmpint (rank, >, previous);
      previous = rank;
    }
  /* the shared selection reaches the table and comes back from it */
  rl_selection_set_only (rl_window_get_selection (window), rl_table_view_get_region (table, 0));
  shot = screenshot ("window-table.png");

  g_assert_true (rl_table_view_write_csv (table, csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  lines = g_strsplit (g_strchomp (csv), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, analysis->frame->n + 1);
  g_assert_true (g_str_has_prefix (lines[0], "Region,Cluster,Need Rank,"));
}

static void
check_export (const RlChartPlan *plan,
              const char        *stem)
{
  const char *formats[] = { "png", "svg", "pdf" };
  RlChartStyle style;
  cairo_surface_t *recording;

  rl_chart_style_init (&style, FALSE);
  recording = rl_export_record_chart (plan, &style);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", stem, formats[i]);
      g_autofree char *path = g_build_filename (out_dir, name, NULL);
      g_autoptr(GError) error = NULL;
      GStatBuf st;

      g_assert_true (rl_export_write_recording (recording, path, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 1000);
    }
  /* finishing drops the snapshots the SVG and PDF surfaces took of it,
   * which would otherwise keep it alive */
  cairo_surface_finish (recording);
  cairo_surface_destroy (recording);
}

static void
test_export (void)
{
  RlMapWidget *map = RL_MAP_WIDGET (rl_window_get_view (window, "map"));
  RlPlotView *plots = RL_PLOT_VIEW (rl_window_get_view (window, "plots"));
  g_autofree char *png = g_build_filename (out_dir, "window-export-map.png", NULL);
  g_autoptr(GdkTexture) exported = NULL;
  g_autoptr(GdkTexture) shot = NULL;
  g_autoptr(GError) error = NULL;
  const RlMapPaint *paint;

  show_view ("map");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));
  check_export (rl_map_widget_get_plan (map), "window-export-map");
  paint = rl_map_widget_get_paint (map);
  exported = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_colors_shown (exported, (const RlColor *) paint->legend_colors->data,
                                        paint->legend_colors->len), >=, 3);

  show_view ("plots");
  rl_plot_view_set_kind (plots, RL_CHART_KIND_SCATTER);
  g_assert_nonnull (rl_plot_view_get_plan (plots));
  check_export (rl_plot_view_get_plan (plots), "window-export-scatter");
  shot = screenshot ("window-plots.png");
}

static void
test_details (void)
{
  const RlAnalysis *analysis = rl_window_get_analysis (window);
  RlMapWidget *map = RL_MAP_WIDGET (rl_window_get_view (window, "map"));
  guint neediest = analysis->frame->rows[analysis->rating->order[0]];
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GdkTexture) shot = NULL;
  guint n_before = g_list_model_get_n_items (toplevels);
  GtkWindow *details = NULL;

  show_view ("map");
  rl_selection_set_only (rl_window_get_selection (window), neediest);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map), "map.details", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (w != GTK_WINDOW (window) && gtk_window_get_transient_for (w) == GTK_WINDOW (window))
        details = w;
    }
  g_assert_nonnull (details);
  g_assert_cmpstr (gtk_window_get_title (details), ==,
                   rl_panel_region_label (rl_window_get_panel (window), neediest));
  shot = screenshot_of (GTK_WIDGET (details), "window-details.png");
  gtk_window_destroy (details);
  g_assert_true (RL_IS_MAP_WIDGET (map));
}

/* The user's GeoJSON: features matched by code or by name (either
 * language), a broken file refused with a message naming it. */
static void
test_user_boundaries (void)
{
  RlMapWidget *map = RL_MAP_WIDGET (rl_window_get_view (window, "map"));
  const RlPanel *panel = rl_window_get_panel (window);
  g_autofree char *path = g_build_filename (out_dir, "window-boundaries.geojson", NULL);
  g_autofree char *bad = g_build_filename (out_dir, "window-bad.geojson", NULL);
  g_autofree char *builtin = rl_data_find ("boundaries/ru.geojson");
  const char *square = "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                       "[[[%d,50],[%d,50],[%d,52],[%d,52],[%d,50]]]}";
  g_autofree char *geometry1 = g_strdup_printf (square, 30, 32, 32, 30, 30);
  g_autofree char *geometry2 = g_strdup_printf (square, 40, 42, 42, 40, 40);
  g_autofree char *geometry3 = g_strdup_printf (square, 50, 52, 52, 50, 50);
  g_autofree char *json = g_strdup_printf (
    "{\"type\":\"FeatureCollection\",\"features\":["
    "{\"type\":\"Feature\",\"properties\":{\"code\":\"RU-TY\"},%s},"
    "{\"type\":\"Feature\",\"properties\":{\"name\":\"Курганская область\"},%s},"
    "{\"type\":\"Feature\",\"properties\":{\"name\":\"Atlantis\"},%s}]}",
    geometry1, geometry2, geometry3);
  g_autoptr(GError) error = NULL;
  const RlMapPaint *paint;

  show_view ("map");
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  g_assert_true (rl_map_widget_load_boundaries (map, path, &error));
  g_assert_no_error (error);
  paint = rl_map_widget_get_paint (map);
  g_assert_nonnull (paint);
  g_assert_cmpuint (paint->n_fills, ==, 3);
  g_assert_cmpint (paint->feature_region[0], ==, rl_panel_find_region (panel, "RU-TY"));
  g_assert_cmpint (paint->feature_region[1], ==, rl_panel_find_region (panel, "RU-KGN"));
  g_assert_cmpint (paint->feature_region[2], ==, -1);
  /* every other region of the analysis has no polygon now */
  g_assert_cmpuint (paint->unmapped->len, >=, 80);
  g_object_unref (screenshot ("window-map-user-boundaries.png"));

  g_assert_true (g_file_set_contents (bad, "{\"type\":\"FeatureCollection\",\"features\":[", -1, NULL));
  g_assert_false (rl_map_widget_load_boundaries (map, bad, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "window-bad.geojson"));
  g_clear_error (&error);

  /* back to the built-in boundaries */
  g_assert_true (rl_map_widget_load_boundaries (map, builtin, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rl_map_widget_get_paint (map)->unmapped->len, ==, 0);
}

static gboolean
shows_k (gpointer data)
{
  const RlAnalysis *now = rl_window_get_analysis (window);

  return now != NULL && now->clustering->k == GPOINTER_TO_UINT (data)
         && !rl_analysis_runner_is_busy (rl_window_get_runner (window));
}

/* Runs until the window shows an analysis with @k clusters. */
static void
wait_for_k (guint k)
{
  wait_until (shows_k, GUINT_TO_POINTER (k), "an analysis with the number of clusters asked");
}

/* Counts the runs started, and when the first one started. */
typedef struct
{
  guint  n_started;
  gint64 first_start;
} RunCount;

static void
on_runner_busy_cb (RlAnalysisRunner *runner,
                   GParamSpec       *pspec,
                   RunCount         *count)
{
  if (!rl_analysis_runner_is_busy (runner))
    return;
  if (count->n_started++ == 0)
    count->first_start = g_get_monotonic_time ();
}

/* Quick changes run once, after a pause; the selection outlives the run. */
static void
test_debounce_and_selection (void)
{
  RlSettingsPanel *panel = rl_window_get_settings_panel (window);
  RlAnalysisRunner *runner = rl_window_get_runner (window);
  RlSelection *selection = rl_window_get_selection (window);
  const RlAnalysis *before = rl_window_get_analysis (window);
  guint region = before->frame->rows[0];
  RunCount count = { 0, 0 };
  gulong handler = g_signal_connect (runner, "notify::busy", G_CALLBACK (on_runner_busy_cb), &count);
  gint64 changed;

  rl_selection_set_only (selection, region);
  rl_settings_panel_set_k (panel, 3);
  rl_settings_panel_set_k (panel, 5);
  changed = g_get_monotonic_time ();
  /* still waiting for the settings to settle */
  g_assert_false (rl_analysis_runner_is_busy (runner));
  g_assert_true (rl_window_get_analysis (window) == before);
  wait_for_k (5);
  g_signal_handler_disconnect (runner, handler);
  /* one run for both changes, started no sooner than the window's 300 ms pause
   * (a timeout never fires early, however slow the machine) */
  g_assert_cmpuint (count.n_started, ==, 1);
  g_assert_cmpint (count.first_start - changed, >=, 250 * 1000);
  g_assert_cmpuint (rl_selection_count (selection), ==, 1);
  g_assert_true (rl_selection_contains (selection, region));
  rl_settings_panel_set_k (panel, 4);
  wait_for_k (4);
}

/* The first event controller of @type on @widget. */
static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}

/* A click on Tyva selects it, a click on the sea clears the selection. */
static void
test_map_click (void)
{
  RlMapWidget *map = RL_MAP_WIDGET (rl_window_get_view (window, "map"));
  GtkWidget *shumate = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (map)));
  RlSelection *selection = rl_window_get_selection (window);
  int tyva = rl_panel_find_region (rl_window_get_panel (window), "RU-TY");
  GtkEventController *click = find_controller (shumate, GTK_TYPE_GESTURE_CLICK);
  double x, y;

  show_view ("map");
  g_assert_nonnull (click);
  g_assert_cmpint (tyva, >=, 0);
  /* a point inside the republic (Kyzyl) */
  shumate_viewport_location_to_widget_coords (shumate_map_get_viewport (SHUMATE_MAP (shumate)),
                                              shumate, 51.72, 94.45, &x, &y);
  g_signal_emit_by_name (click, "released", 1, x, y);
  g_assert_cmpuint (rl_selection_count (selection), ==, 1);
  g_assert_true (rl_selection_contains (selection, tyva));
  g_signal_emit_by_name (click, "released", 1, 2.0, 2.0);
  g_assert_cmpuint (rl_selection_count (selection), ==, 0);
}

/* A panel dropped on the window opens like one chosen in the file chooser. */
static void
test_drop_file (void)
{
  GtkEventController *drop = find_controller (GTK_WIDGET (window), GTK_TYPE_DROP_TARGET);
  g_autofree char *path = rl_data_find ("datasets/russia-regions.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const RlAnalysis *before = rl_window_get_analysis (window);
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (drop);
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  wait_for_analysis (before, RL_METHOD_KMEANS);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "russia-regions.csv");
}

static void
test_bad_file_keeps_data (void)
{
  const RlAnalysis *before = rl_window_get_analysis (window);
  g_autofree char *path = g_build_filename (out_dir, "window-bad.csv", NULL);
  g_autoptr(GFile) file = NULL;

  g_assert_true (g_file_set_contents (path, "region_code,region,indicator,year,value\n"
                                            "RU-MOW,Moscow,poverty,twenty,1\n", -1, NULL));
  file = g_file_new_for_path (path);
  rl_window_open_file (window, file);
  wait_for_refusal_of (path);
  g_assert_true (rl_window_get_analysis (window) == before);
  g_assert_false (rl_analysis_runner_is_busy (rl_window_get_runner (window)));
}

static gboolean
has_progress (gpointer runner)
{
  return rl_analysis_runner_get_progress (runner) > 0;
}

/* The next analysis by @method; on the way, the window never shows one by
 * @never. */
static void
wait_for_analysis_never (const RlAnalysis *old,
                         RlMethod          method,
                         RlMethod          never)
{
  AnalysisWait wait = { old, method };
  gint64 deadline = g_get_monotonic_time () + WAIT_DEADLINE_S * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  while (!shows_new_analysis (&wait))
    {
      const RlAnalysis *now = rl_window_get_analysis (window);

      g_assert_true (now == old || now->spec->method.method != never);
      if (g_get_monotonic_time () > deadline)
        g_error ("waited %d s in vain for the next analysis", WAIT_DEADLINE_S);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
  wait_for_views ();
}

static void
test_stop (void)
{
  RlSettingsPanel *panel = rl_window_get_settings_panel (window);
  RlAnalysisRunner *runner = rl_window_get_runner (window);
  const RlAnalysis *before = rl_window_get_analysis (window);

  rl_settings_panel_set_iterations (panel, 20000);
  rl_settings_panel_set_method (panel, RL_METHOD_GA);
  activate ("win.run", NULL);
  g_assert_true (rl_analysis_runner_is_busy (runner));
  /* stopped while it runs, however long it took to start */
  wait_until (has_progress, runner, "the long run to report progress");
  activate ("win.stop", NULL);
  g_assert_false (rl_analysis_runner_is_busy (runner));
  g_assert_true (rl_window_get_analysis (window) == before);
  /* the stopped run never replaces what is shown, before or after the next one */
  rl_settings_panel_set_iterations (panel, 30);
  rl_settings_panel_set_method (panel, RL_METHOD_KMEANS);
  wait_for_analysis_never (before, RL_METHOD_KMEANS, RL_METHOD_GA);
}

/* The statistics office's spreadsheets (../shared/data/rosstat, when it is
 * there) chosen together are imported with the shipped recipes: a new panel
 * with Russia's regions, its analysis, and the import's report a click
 * away; a broken spreadsheet leaves what is shown. */
static void
test_import_spreadsheets (void)
{
  const char *shared = g_getenv ("RL_SHARED_DATA");
  g_autofree char *dir = g_build_filename (shared != NULL ? shared : "", "rosstat", NULL);
  const char *names[] = { "poverty_percent_by_regions_1992_2020.csv",
                          "gross_regional_product_1996_2020.xls",
                          "retail_turnover_per_capita_2000_2021.xls",
                          "welfare_expense_share_2015_2020.xlsx" };
  GFile *files[G_N_ELEMENTS (names)];
  const RlAnalysis *before = rl_window_get_analysis (window);
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autofree char *bad = g_build_filename (out_dir, "window-bad.xls", NULL);
  g_autoptr(GFile) bad_file = NULL;
  const RlPanel *panel;
  guint n_before;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no ../shared/data/rosstat here");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      files[i] = g_file_new_for_path (path);
    }
  rl_window_open_files (window, files, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (files[i]);
  wait_for_analysis (before, RL_METHOD_KMEANS);
  panel = rl_window_get_panel (window);
  g_assert_cmpuint (rl_panel_n_regions (panel), >=, 80);
  g_assert_cmpint (rl_panel_find_indicator (panel, "poverty_percent"), >=, 0);
  g_assert_cmpint (rl_panel_find_indicator (panel, "gross_regional_product"), >=, 0);
  g_assert_true (g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (window)), "(imported)"));
  g_object_unref (screenshot ("window-imported.png"));

  n_before = g_list_model_get_n_items (toplevels);
  activate ("win.import-report", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w))
        {
          g_object_unref (screenshot_of (GTK_WIDGET (w), "window-import-report.png"));
          gtk_window_destroy (w);
        }
    }

  /* saved, it opens again as a panel, without the import */
  {
    g_autofree char *saved = g_build_filename (out_dir, "window-imported-panel.csv", NULL);
    g_autoptr(GFile) saved_file = g_file_new_for_path (saved);
    g_autoptr(GError) error = NULL;
    guint n_regions = rl_panel_n_regions (panel), n_indicators = rl_panel_n_indicators (panel);

    g_assert_true (rl_window_save_panel (window, saved, &error));
    g_assert_no_error (error);
    before = rl_window_get_analysis (window);
    rl_window_open_file (window, saved_file);
    wait_for_analysis (before, RL_METHOD_KMEANS);
    panel = rl_window_get_panel (window);
    g_assert_cmpuint (rl_panel_n_regions (panel), ==, n_regions);
    g_assert_cmpuint (rl_panel_n_indicators (panel), ==, n_indicators);
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "window-imported-panel.csv");
  }

  before = rl_window_get_analysis (window);
  g_assert_true (g_file_set_contents (bad, "not a workbook", -1, NULL));
  bad_file = g_file_new_for_path (bad);
  rl_window_open_files (window, &bad_file, 1);
  wait_for_refusal_of (bad);
  g_assert_true (rl_window_get_analysis (window) == before);
  g_assert_true (rl_window_get_panel (window) == panel);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 77;
    }
  adw_init ();
  out_dir = g_strdup (g_getenv ("RL_SCREENSHOT_DIR") ? g_getenv ("RL_SCREENSHOT_DIR") : g_get_tmp_dir ());
  window = g_object_new (RL_TYPE_WINDOW, "default-width", 1280, "default-height", 800, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window, "the window to be mapped");
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "before-paint", G_CALLBACK (on_frame_start_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (on_frame_end_cb), NULL);

  g_test_add_func ("/window/open-demo", test_open_demo);
  g_test_add_func ("/window/map-colours", test_map_colours);
  g_test_add_func ("/window/map-pan-frames", test_map_pan_frames);
  g_test_add_func ("/window/map-draw-time", test_map_draw_time);
  g_test_add_func ("/window/every-method", test_every_method);
  g_test_add_func ("/window/table", test_table);
  g_test_add_func ("/window/export", test_export);
  g_test_add_func ("/window/debounce-and-selection", test_debounce_and_selection);
  g_test_add_func ("/window/details", test_details);
  g_test_add_func ("/window/map-click", test_map_click);
  g_test_add_func ("/window/drop-file", test_drop_file);
  g_test_add_func ("/window/user-boundaries", test_user_boundaries);
  g_test_add_func ("/window/bad-file-keeps-data", test_bad_file_keeps_data);
  g_test_add_func ("/window/stop", test_stop);
  g_test_add_func ("/window/import-spreadsheets", test_import_spreadsheets);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_free (out_dir);
  return status;
}
