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

/* Variants beyond the shared list: few points with all labels, many selected
 * points in a heap, top 25 only,
 * smaller trees. */
static void
render_variants (const char *dir, int w, int h)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *cases = sample_linkage_cases (&parser);
  double z[4 * N_REGIONS];
  SampleScatter s;
  SampleRating r;
  RlChartScatter scatter;
  RlChartRating rating;
  RlChartDendrogram tree = { 0 };

  sample_scatter (&s, 30, &scatter);
  export (dir, "scatter-30", w, h, (RlChartDrawFunc) rl_chart_scatter_draw, &scatter);
  sample_scatter_heap (&s, &scatter);
  export (dir, "scatter-selected", w, h, (RlChartDrawFunc) rl_chart_scatter_draw, &scatter);
  sample_rating (&r, N_REGIONS, RL_CHART_INTERVAL_RANK, &rating);
  rating.top_n = 25;
  export (dir, "rating-top25", w, h, (RlChartDrawFunc) rl_chart_rating_draw, &rating);
  tree.n_leaves = sample_linkage (json_array_get_object_element (cases, 3), z);
  tree.linkage = z;
  tree.labels = sample_regions;
  tree.cut_height = z[4 * (tree.n_leaves - 4) + 2] * 0.98;
  export (dir, "dendrogram-30", w, h, (RlChartDrawFunc) rl_chart_dendrogram_draw, &tree);
}

int
main (int argc, char **argv)
{
  const char *dir = argc > 1 ? argv[1] : "charts-gallery";
  int w = 800, h = 500;
  Gallery g = { 0 };
  GalleryItem items[GALLERY_MAX];
  guint n;

  if (argc > 2 && sscanf (argv[2], "%dx%d", &w, &h) != 2)
    {
      g_printerr ("usage: %s [DIR] [WIDTHxHEIGHT]\n", argv[0]);
      return 2;
    }
  g_mkdir_with_parents (dir, 0755);
  n = gallery_fill (&g, items);
  for (guint i = 0; i < n; i++)
    export (dir, items[i].name, w, h, items[i].draw, items[i].data);
  g_object_unref (g.parser);
  render_variants (dir, w, h);
  return 0;
}
