/* charts-gallery.c — renders every chart with the sample data to PNG files
 *
 *   build/tests/charts/charts-gallery [DIR] [WIDTHxHEIGHT]
 *
 * writes DIR/<chart>-<light|dark>.png (DIR defaults to charts-gallery) for a
 * look at layout, colours and text in both styles.
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "chart-samples.h"

static void
export (const char *dir, const char *name, int w, int h, RlChartDrawFunc draw, gconstpointer data)
{
  for (int dark = 0; dark < 2; dark++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%s.png", name, dark ? "dark" : "light");
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr(GError) error = NULL;
      RlChartStyle style;

      rl_chart_style_init (&style, dark);
      if (!rl_chart_export (path, w, h, draw, data, &style, &error))
        g_printerr ("%s\n", error->message);
    }
}

static void
render_lines (const char *dir, int w, int h)
{
  SampleElbow e;
  SampleCriteria c;
  SampleConvergence v;
  RlChartElbow elbow;
  RlChartCriteria criteria;
  RlChartConvergence conv;

  sample_elbow (&e, &elbow);
  export (dir, "elbow", w, h, (RlChartDrawFunc) rl_chart_elbow_draw, &elbow);
  export (dir, "growth", w, h, (RlChartDrawFunc) rl_chart_growth_draw, &elbow);
  sample_criteria (&c, &criteria);
  export (dir, "bic", w, h, (RlChartDrawFunc) rl_chart_criteria_draw, &criteria);
  sample_convergence (&v, &conv);
  export (dir, "convergence", w, h, (RlChartDrawFunc) rl_chart_convergence_draw, &conv);
  conv.log_x = TRUE;
  export (dir, "convergence-log", w, h, (RlChartDrawFunc) rl_chart_convergence_draw, &conv);
}

static void
render_dendrograms (const char *dir, int w, int h)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *cases = sample_linkage_cases (&parser);
  const char *names[] = { NULL, NULL, "dendrogram-12", "dendrogram-30", "dendrogram-85" };
  double z[4 * N_REGIONS];
  gboolean selected[N_REGIONS] = { FALSE };
  RlChartDendrogram chart = { 0 };

  selected[5] = TRUE;
  for (guint i = 2; i < json_array_get_length (cases); i++)
    {
      chart.n_leaves = sample_linkage (json_array_get_object_element (cases, i), z);
      chart.linkage = z;
      chart.labels = sample_regions;
      chart.selected = selected;
      chart.cut_height = z[4 * (chart.n_leaves - 3) + 2] * 0.98;
      chart.title = "Ward linkage";
      export (dir, names[i], w, h, (RlChartDrawFunc) rl_chart_dendrogram_draw, &chart);
    }
}

static void
render_others (const char *dir, int w, int h)
{
  SampleScatter s;
  SampleSilhouette sil;
  SampleRating r;
  SampleGrouping g;
  double m[N_FEATURES * N_FEATURES];
  RlChartScatter scatter;
  RlChartSilhouette silhouette;
  RlChartHeatmap heatmap;
  RlChartRating rating;
  RlChartGrouping grouping;

  sample_scatter (&s, 30, &scatter);
  export (dir, "scatter-30", w, h, (RlChartDrawFunc) rl_chart_scatter_draw, &scatter);
  sample_scatter (&s, N_REGIONS, &scatter);
  export (dir, "scatter-85", w, h, (RlChartDrawFunc) rl_chart_scatter_draw, &scatter);
  sample_silhouette (&sil, N_REGIONS, &silhouette);
  export (dir, "silhouette", w, h, (RlChartDrawFunc) rl_chart_silhouette_draw, &silhouette);
  sample_heatmap (m, &heatmap);
  export (dir, "heatmap", w, h, (RlChartDrawFunc) rl_chart_heatmap_draw, &heatmap);
  sample_rating (&r, N_REGIONS, RL_CHART_INTERVAL_SCORE, &rating);
  export (dir, "rating-85-score", w, h, (RlChartDrawFunc) rl_chart_rating_draw, &rating);
  sample_rating (&r, N_REGIONS, RL_CHART_INTERVAL_RANK, &rating);
  export (dir, "rating-85-rank", w, h, (RlChartDrawFunc) rl_chart_rating_draw, &rating);
  rating.top_n = 25;
  export (dir, "rating-top25", w, h, (RlChartDrawFunc) rl_chart_rating_draw, &rating);
  sample_grouping (&g, &grouping);
  export (dir, "grouping", w, h, (RlChartDrawFunc) rl_chart_grouping_draw, &grouping);
}

int
main (int argc, char **argv)
{
  const char *dir = argc > 1 ? argv[1] : "charts-gallery";
  int w = 800, h = 500;

  if (argc > 2 && sscanf (argv[2], "%dx%d", &w, &h) != 2)
    {
      g_printerr ("usage: %s [DIR] [WIDTHxHEIGHT]\n", argv[0]);
      return 2;
    }
  g_mkdir_with_parents (dir, 0755);
  render_lines (dir, w, h);
  render_dendrograms (dir, w, h);
  render_others (dir, w, h);
  return 0;
}
