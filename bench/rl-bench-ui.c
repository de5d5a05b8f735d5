/* rl-bench-ui.c — how long the main loop pauses while analyses run in the window
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage (needs a display; the renderer is GTK's choice unless GSK_RENDERER is set):
 *   GSK_RENDERER=cairo GDK_BACKEND=x11 GSETTINGS_BACKEND=memory \
 *   GSETTINGS_SCHEMA_DIR=build/data RL_SOURCE_DATA=data \
 *   xvfb-run -a -s '-screen 0 1280x800x24' build/bench/rl-bench-ui [RUNS [PAGES]]
 * PAGES is a comma-separated list of map, plots, table (all three by default).
 *
 * Opens the real window at 1280 × 800 on the demo panel and, on each page,
 * runs the analysis RUNS times, alternating k-means and hierarchical
 * clustering so the colours change every time. For each run it records the
 * longest gap between two ticks of a 5 ms timeout from the start of the run
 * until 300 ms after its result is shown (the main-loop pause), and the
 * longest frame with its split into layout (before-paint to the end of
 * layout) and paint (snapshot and render, to the end of paint). It prints
 * the median and maximum of each per page, in milliseconds.
 */
#include "rl-config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "rl-data.h"
#include "rl-window.h"

typedef struct
{
  gint64 last_tick;
  gint64 pause;          /* longest gap between ticks */
  gint64 frame_start, layout_end;
  gint64 frame, layout, paint;   /* of the longest frame */
} Probe;

static Probe probe;

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  if (probe.last_tick > 0)
    probe.pause = MAX (probe.pause, now - probe.last_tick);
  probe.last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
on_before_paint_cb (GdkFrameClock *clock)
{
  probe.frame_start = g_get_monotonic_time ();
  probe.layout_end = 0;
}

static void
on_layout_cb (GdkFrameClock *clock)
{
  probe.layout_end = g_get_monotonic_time ();
}

static void
on_paint_cb (GdkFrameClock *clock)
{
  gint64 now = g_get_monotonic_time ();
  gint64 layout_end = probe.layout_end > 0 ? probe.layout_end : probe.frame_start;

  if (probe.frame_start > 0 && now - probe.frame_start > probe.frame)
    {
      probe.frame = now - probe.frame_start;
      probe.layout = layout_end - probe.frame_start;
      probe.paint = now - layout_end;
    }
}

static gboolean
quit_loop_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* Lets the window work for @ms milliseconds. */
static void
run_loop_for (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, quit_loop_cb, loop);
  g_main_loop_run (loop);
}

/* Waits for a result newer than @old that is not being replaced. */
static gboolean
wait_for_result (RlWindow         *window,
                 const RlAnalysis *old)
{
  RlAnalysisRunner *runner = rl_window_get_runner (window);
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  for (;;)
    {
      const RlAnalysis *now = rl_window_get_analysis (window);

      if (now != NULL && now != old && !rl_analysis_runner_is_busy (runner))
        return TRUE;
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }
}

static int
compare_int64 (const void *a,
               const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static double
median_ms (gint64 *v,
           guint   n)
{
  qsort (v, n, sizeof *v, compare_int64);
  return (n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0) / 1000.0;
}

static double
max_ms (const gint64 *v,
        guint         n)
{
  gint64 m = 0;

  for (guint i = 0; i < n; i++)
    m = MAX (m, v[i]);
  return m / 1000.0;
}

static gboolean
bench_page (RlWindow   *window,
            const char *page,
            guint       runs)
{
  RlSettingsPanel *settings = rl_window_get_settings_panel (window);
  g_autofree gint64 *pause = g_new0 (gint64, runs);
  g_autofree gint64 *frame = g_new0 (gint64, runs);
  g_autofree gint64 *layout = g_new0 (gint64, runs);
  g_autofree gint64 *paint = g_new0 (gint64, runs);

  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", page))
    return FALSE;
  run_loop_for (500);
  for (guint r = 0; r < runs; r++)
    {
      const RlAnalysis *old = rl_window_get_analysis (window);
      guint tick;

      rl_settings_panel_set_method (settings, r % 2 == 0 ? RL_METHOD_HCLUST : RL_METHOD_KMEANS);
      memset (&probe, 0, sizeof probe);
      tick = g_timeout_add (5, tick_cb, NULL);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.run", NULL);
      if (!wait_for_result (window, old))
        {
          g_source_remove (tick);
          return FALSE;
        }
      run_loop_for (300);
      g_source_remove (tick);
      pause[r] = probe.pause;
      frame[r] = probe.frame;
      layout[r] = probe.layout;
      paint[r] = probe.paint;
    }
  g_print ("%-6s %-8s %4u  pause %6.1f %6.1f  frame %6.1f %6.1f  layout %6.1f %6.1f  paint %6.1f %6.1f\n",
           page, g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default", runs,
           median_ms (pause, runs), max_ms (pause, runs), median_ms (frame, runs),
           max_ms (frame, runs), median_ms (layout, runs), max_ms (layout, runs),
           median_ms (paint, runs), max_ms (paint, runs));
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  guint runs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 20;
  g_auto(GStrv) pages = g_strsplit (argc > 2 ? argv[2] : "map,plots,table", ",", -1);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  GdkFrameClock *clock;
  RlWindow *window;
  int status = 0;

  if (runs < 1 || !gtk_init_check ())
    {
      g_printerr ("usage: rl-bench-ui [RUNS [PAGES]] (with a display)\n");
      return 2;
    }
  adw_init ();
  path = rl_data_find ("datasets/russia-regions.csv");
  if (path == NULL)
    {
      g_printerr ("rl-bench-ui: the demo panel is not found (set RL_SOURCE_DATA)\n");
      return 1;
    }
  window = g_object_new (RL_TYPE_WINDOW, "default-width", 1280, "default-height", 800, NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  /* Connected after GTK's own handlers, so each runs at the end of its phase. */
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), NULL);
  g_signal_connect (clock, "layout", G_CALLBACK (on_layout_cb), NULL);
  g_signal_connect (clock, "paint", G_CALLBACK (on_paint_cb), NULL);

  file = g_file_new_for_path (path);
  rl_window_open_file (window, file);
  if (!wait_for_result (window, NULL))
    status = 1;
  g_print ("page   renderer runs  (ms: median max)\n");
  for (guint i = 0; status == 0 && pages[i] != NULL; i++)
    if (!bench_page (window, pages[i], runs))
      {
        g_printerr ("rl-bench-ui: page %s failed\n", pages[i]);
        status = 1;
      }
  gtk_window_destroy (GTK_WINDOW (window));
  return status;
}
