/* test-chart-labels.c — room for labels and axis ranges: scatter labels do not
 * overlap, the grouping's count labels stay inside the plot, a never negative
 * indicator gets no negative axis, rating names are not cut short, every unit
 * of the shipped data has its place in the translations
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "chart-samples.h"

/* The size people look at the charts at. */
#define W 1000
#define H 700

static gboolean
boxes_overlap (const RlChartBox *a, const RlChartBox *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static gboolean
box_inside (const RlChartBox *b, const RlChartBox *frame)
{
  return b->x0 >= frame->x0 && b->x1 <= frame->x1 && b->y0 >= frame->y0 && b->y1 <= frame->y1;
}

/* Axis ranges */

static void
test_ticks_padded (void)
{
  RlChartTicks t;

  rl_chart_ticks_padded (&t, 0, 97, 0.04, 6);       /* a share: never below 0 */
  g_assert_cmpfloat (t.lo, ==, 0);
  g_assert_cmpfloat (t.hi, >=, 97 + 0.04 * 97 - 1e-9);
  rl_chart_ticks_padded (&t, 0.3, 9.8, 0.04, 6);
  g_assert_cmpfloat (t.lo, ==, 0);
  g_assert_cmpfloat (t.hi, >=, 9.8);
  rl_chart_ticks_padded (&t, 50, 90, 0.04, 6);      /* far from 0: not stretched to it */
  g_assert_cmpfloat (t.lo, >, 0);
  g_assert_cmpfloat (t.lo, <=, 50 - 0.04 * 40 + 1e-9);
  rl_chart_ticks_padded (&t, -3.2, 7.9, 0.04, 6);   /* negative data keep their range */
  g_assert_cmpfloat (t.lo, <=, -3.2 - 0.04 * 11.1 + 1e-9);
  rl_chart_ticks_padded (&t, NAN, 3, 0.04, 6);      /* no range: 0 .. 1 as nice */
  g_assert_cmpfloat (t.lo, ==, 0);
  g_assert_cmpfloat (t.hi, ==, 1);
}

/* Points from 0 upwards on both axes, as a share or a rate is: no tick below 0. */
static void
test_scatter_axes_non_negative (void)
{
  SampleScatter s;
  RlChartScatter chart;
  RlChartStyle style;
  RlChartTicks x, y;
  g_autoptr(GArray) labels = NULL;

  rl_chart_style_init (&style, FALSE);
  sample_scatter (&s, 30, &chart);
  for (guint i = 0; i < 30; i++)
    {
      s.x[i] = 40.0 * sample_uniform (i, 3);
      s.y[i] = 12.0 * sample_uniform (i, 4);
    }
  s.x[0] = 0;
  s.y[1] = 0;
  labels = rl_chart_scatter_labels (&chart, &style, W, H, &x, &y);
  g_assert_cmpfloat (x.lo, ==, 0);
  g_assert_cmpfloat (y.lo, ==, 0);
  g_assert_cmpfloat (x.hi, >=, 40.0 * 0.99);

  /* PCA scores are centred: their axis goes below 0 */
  for (guint i = 0; i < 30; i++)
    s.x[i] -= 20;
  g_clear_pointer (&labels, g_array_unref);
  labels = rl_chart_scatter_labels (&chart, &style, W, H, &x, NULL);
  g_assert_cmpfloat (x.lo, <, -19);
}

/* Scatter labels */

/* Many selected points in a tight heap with long names: the labels that are
 * drawn do not overlap each other or any point, stay inside the plot, and the
 * ones moved away from their point get a leader line. */
static void
test_scatter_selected_labels (void)
{
  SampleScatter s;
  RlChartScatter chart;
  RlChartStyle style;
  RlChartTicks x, y;
  g_autoptr(GArray) labels = NULL;
  RlChartBox plot;
  guint selected = 0, far = 0;

  rl_chart_style_init (&style, FALSE);
  sample_scatter_heap (&s, &chart);
  for (guint i = 0; i < N_REGIONS; i++)
    selected += s.selected[i];
  labels = rl_chart_scatter_labels (&chart, &style, W, H, &x, &y);
  g_assert_cmpuint (labels->len, >=, 4);
  g_assert_cmpuint (labels->len, <=, selected);
  plot = (RlChartBox) { 0, 0, W, H };
  for (guint a = 0; a < labels->len; a++)
    {
      const RlChartScatterLabel *la = &g_array_index (labels, RlChartScatterLabel, a);

      g_assert_true (chart.selected[la->index]);
      g_assert_true (box_inside (&la->box, &plot));
      far += la->leader;
      for (guint b = a + 1; b < labels->len; b++)
        if (boxes_overlap (&la->box, &g_array_index (labels, RlChartScatterLabel, b).box))
          g_error ("labels of %s and %s overlap", sample_regions[la->index],
                   sample_regions[g_array_index (labels, RlChartScatterLabel, b).index]);
      for (guint b = 0; b < labels->len; b++)
        {
          const RlChartScatterLabel *lb = &g_array_index (labels, RlChartScatterLabel, b);
          RlChartBox dot = { lb->px - 1, lb->py - 1, lb->px + 1, lb->py + 1 };

          if (boxes_overlap (&la->box, &dot))
            g_error ("the label of %s covers the point of %s", sample_regions[la->index],
                     sample_regions[lb->index]);
        }
    }
  g_assert_cmpuint (far, >, 0);
}

/* Grouping */

/* The tallest bar's count stays inside the plot, whatever its height: counts
 * just under, at and just over a nice tick. */
static void
test_grouping_top_label (void)
{
  const guint tops[] = { 34, 35, 40, 49, 50, 99, 100, 7 };
  SampleGrouping s;
  RlChartGrouping chart;
  RlChartStyle style;

  rl_chart_style_init (&style, FALSE);
  sample_grouping (&s, &chart);
  for (guint k = 0; k < G_N_ELEMENTS (tops); k++)
    {
      g_autoptr(GArray) boxes = NULL;
      RlChartBox plot;

      s.count[2] = tops[k];
      boxes = rl_chart_grouping_count_boxes (&chart, &style, W, H, &plot);
      g_assert_cmpuint (boxes->len, ==, 6);
      for (guint g = 0; g < boxes->len; g++)
        if (!box_inside (&g_array_index (boxes, RlChartBox, g), &plot))
          g_error ("count label %u of a tallest bar of %u reaches out of the plot (%.1f < %.1f)",
                   g, tops[k], g_array_index (boxes, RlChartBox, g).y0, plot.y0);
    }
}

/* Rating */

/* At 1000 × 700 with all 85 regions every name is drawn whole or with
 * standard words abbreviated, never elided; long official names keep their
 * distinctive words. */
static void
test_rating_names (void)
{
  const char *names[N_REGIONS];
  SampleRating s;
  RlChartRating chart;
  RlChartStyle style;
  guint arkh = 21, khmao = 60;

  rl_chart_style_init (&style, FALSE);
  memcpy (names, sample_regions, sizeof names);
  names[arkh] = "Архангельская область без автономного округа";
  sample_rating (&s, N_REGIONS, RL_CHART_INTERVAL_RANK, &chart);
  chart.names = names;
  s.selected[khmao] = TRUE;                         /* drawn bold: wider */
  for (guint r = 0; r < N_REGIONS; r++)
    {
      double w, room;
      g_autofree char *text = rl_chart_rating_row_name (&chart, &style, W, H, r, &w, &room);
      g_autofree char *whole = NULL;

      g_assert_nonnull (text);
      if (w > room)
        g_error ("row %u \"%s\" is %.1f px wide in a %.1f px column", r, text, w, room);
      whole = g_strdup_printf ("%u. ", r + 1);
      g_assert_true (g_str_has_prefix (text, whole));
      g_assert_null (strstr (text, "…"));
      if (strstr (text, "Ханты-Мансийский") != NULL)
        g_assert_nonnull (strstr (text, "Югра"));
      if (strstr (text, "Архангельская") != NULL)
        g_assert_true (g_str_has_suffix (text, "без АО") || g_str_has_suffix (text, "округа"));
    }
  g_assert_null (rl_chart_rating_row_name (&chart, &style, W, H, N_REGIONS, NULL, NULL));

  /* a wide chart has room for every name in full */
  for (guint r = 0; r < N_REGIONS; r++)
    {
      g_autofree char *text = rl_chart_rating_row_name (&chart, &style, 2400, 1400, r, NULL, NULL);

      g_assert_null (strstr (text, "обл."));
      g_assert_null (strstr (text, " АО"));
    }
}

/* The "unit" members anywhere in @node, into @units. */
static void
collect_units (JsonNode   *node,
               GHashTable *units)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *m = members; m != NULL; m = m->next)
        {
          JsonNode *child = json_object_get_member (object, m->data);

          if (g_str_equal (m->data, "unit") && JSON_NODE_HOLDS_VALUE (child))
            g_hash_table_add (units, g_strdup (json_node_get_string (child)));
          else
            collect_units (child, units);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_units (json_array_get_element (array, i), units);
    }
}

/* Every unit the demo panel and the import recipes use is in the list the
 * translations are made from (rl-chart-units.c). */
static void
test_units_known (void)
{
  const char *root = g_getenv ("RL_SOURCE_DATA");
  const char *folders[] = { "datasets", "recipes" };
  g_autoptr(GHashTable) units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *const *known = rl_chart_known_units ();
  GHashTableIter iter;
  gpointer unit;

  g_assert_nonnull (root);
  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *dir_path = g_build_filename (root, folders[f], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);
          g_autoptr(JsonParser) parser = json_parser_new ();

          if (!g_str_has_suffix (name, ".json"))
            continue;
          g_assert_true (json_parser_load_from_file (parser, path, NULL));
          collect_units (json_parser_get_root (parser), units);
        }
    }
  g_assert_cmpuint (g_hash_table_size (units), >=, 10);
  g_hash_table_iter_init (&iter, units);
  while (g_hash_table_iter_next (&iter, &unit, NULL))
    if (*(const char *) unit != '\0' && !g_strv_contains (known, unit))
      g_error ("the unit “%s” of the shipped data is not in rl-chart-units.c",
               (const char *) unit);
  /* without a catalogue (this test), units stay as written */
  g_assert_cmpstr (rl_chart_unit_label ("persons"), ==, "persons");
  g_assert_cmpstr (rl_chart_unit_label ("furlongs"), ==, "furlongs");
  g_assert_null (rl_chart_unit_label (NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/labels/ticks-padded", test_ticks_padded);
  g_test_add_func ("/charts/labels/scatter-axes", test_scatter_axes_non_negative);
  g_test_add_func ("/charts/labels/scatter-selected", test_scatter_selected_labels);
  g_test_add_func ("/charts/labels/grouping-top", test_grouping_top_label);
  g_test_add_func ("/charts/labels/rating-names", test_rating_names);
  g_test_add_func ("/charts/labels/units-known", test_units_known);
  return g_test_run ();
}
