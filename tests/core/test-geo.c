/* test-geo.c — region boundaries: loading, projection, hit testing, bad input
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-error.h"
#include "rl-geo.h"
#include "rl-test.h"

static const char *const ru_codes[] = {
  "RU-AD", "RU-AL", "RU-ALT", "RU-AMU", "RU-ARK", "RU-AST", "RU-BA", "RU-BEL", "RU-BRY",
  "RU-BU", "RU-CE", "RU-CHE", "RU-CHU", "RU-CU", "RU-DA", "RU-IN", "RU-IRK", "RU-IVA",
  "RU-KAM", "RU-KB", "RU-KC", "RU-KDA", "RU-KEM", "RU-KGD", "RU-KGN", "RU-KHA", "RU-KHM",
  "RU-KIR", "RU-KK", "RU-KL", "RU-KLU", "RU-KO", "RU-KOS", "RU-KR", "RU-KRS", "RU-KYA",
  "RU-LEN", "RU-LIP", "RU-MAG", "RU-ME", "RU-MO", "RU-MOS", "RU-MOW", "RU-MUR", "RU-NEN",
  "RU-NGR", "RU-NIZ", "RU-NVS", "RU-OMS", "RU-ORE", "RU-ORL", "RU-PER", "RU-PNZ", "RU-PRI",
  "RU-PSK", "RU-ROS", "RU-RYA", "RU-SA", "RU-SAK", "RU-SAM", "RU-SAR", "RU-SE", "RU-SMO",
  "RU-SPE", "RU-STA", "RU-SVE", "RU-TA", "RU-TAM", "RU-TOM", "RU-TUL", "RU-TVE", "RU-TY",
  "RU-TYU", "RU-UD", "RU-ULY", "RU-VGG", "RU-VLA", "RU-VLG", "RU-VOR", "RU-YAN", "RU-YAR",
  "RU-YEV", "RU-ZAB", "UA-40", "UA-43",
};

static const char *const ua_codes[] = {
  "UA-05", "UA-07", "UA-09", "UA-12", "UA-14", "UA-18", "UA-21", "UA-23", "UA-26", "UA-30",
  "UA-32", "UA-35", "UA-40", "UA-43", "UA-46", "UA-48", "UA-51", "UA-53", "UA-56", "UA-59",
  "UA-61", "UA-63", "UA-65", "UA-68", "UA-71", "UA-74", "UA-77",
};

/* A 4 × 4 degree square with a 2 × 2 hole, and a second feature with a numeric property. */
static const char square_json[] =
  "{\"type\": \"FeatureCollection\", \"features\": ["
  " {\"type\": \"Feature\", \"id\": 7, \"properties\": {\"code\": \"SQ\", \"name\": \"Square\","
  "   \"oktmo\": 45000000, \"share\": 0.25, \"capital\": true, \"none\": null},"
  "  \"geometry\": {\"type\": \"Polygon\", \"coordinates\": ["
  "   [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],"
  "   [[1, 1], [1, 3], [3, 3], [3, 1], [1, 1]]]}},"
  " {\"type\": \"Feature\", \"properties\": {\"NAME\": \"Seam\"},"
  "  \"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": ["
  "   [[[170, 60], [180, 60], [180, 65], [170, 65], [170, 60]]]]}},"
  " {\"type\": \"Feature\", \"properties\": null, \"geometry\": null}]}";

static RlGeoLayer *
load_shipped (const char *name)
{
  const char *dir = g_getenv ("RL_SOURCE_DATA");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : "data", "boundaries", name, NULL);
  g_autoptr(GError) error = NULL;
  RlGeoLayer *layer = rl_geo_layer_load (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (layer);
  return layer;
}

static const RlGeoFeature *
feature (const RlGeoLayer *layer,
         const char       *code)
{
  int i = rl_geo_layer_find (layer, code);

  if (i < 0)
    g_error ("%s: no feature %s", layer->source, code);
  return &layer->features[i];
}

static guint
count_holes (const RlGeoFeature *f)
{
  guint holes = 0;

  for (guint r = 0; r < f->n_rings; r++)
    holes += f->rings[r].hole;
  return holes;
}

static void
test_projection (void)
{
  double x, y, lon, lat;

  rl_geo_project (0, 0, &x, &y);
  rl_assert_close (x, 0.5, 1e-15);
  rl_assert_close (y, 0.5, 1e-15);
  rl_geo_project (180, RL_GEO_MAX_LATITUDE, &x, &y);
  rl_assert_close (x, 1.0, 1e-15);
  rl_assert_close (y, 0.0, 1e-12);
  rl_geo_project (-90, -89.9, &x, &y);   /* clamped to the Mercator limit */
  rl_assert_close (x, 0.25, 1e-15);
  rl_assert_close (y, 1.0, 1e-12);

  /* Against the other textbook form, y = 1/2 − ln tan(π/4 + φ/2) / 2π. */
  rl_geo_project (37.62, 55.75, &x, &y);
  rl_assert_close (y, 0.5 - log (tan (G_PI / 4 + 55.75 * G_PI / 360)) / (2 * G_PI), 1e-14);
  rl_assert_close (x, (37.62 + 180) / 360, 1e-15);
  rl_geo_unproject (x, y, &lon, &lat);
  rl_assert_close (lon, 37.62, 1e-12);
  rl_assert_close (lat, 55.75, 1e-12);
}

static void
test_russia_codes (void)
{
  g_autoptr(RlGeoLayer) ru = load_shipped ("ru.geojson");

  g_assert_cmpuint (ru->n_features, ==, G_N_ELEMENTS (ru_codes));
  for (guint i = 0; i < G_N_ELEMENTS (ru_codes); i++)
    {
      const RlGeoFeature *f = feature (ru, ru_codes[i]);

      g_assert_cmpuint (f->n_rings, >, 0);
      g_assert_cmpstr (f->name, !=, "");
      /* after the +360 shift no subject wraps around the world */
      g_assert_cmpfloat (f->lon_max - f->lon_min, <, 180.0);
      for (guint r = 0; r < f->n_rings; r++)
        g_assert_false (f->rings[r].has_seam);
    }
  g_assert_cmpfloat (ru->lon_min, >, 19.0);
  g_assert_cmpfloat (ru->lon_max, >, 180.0);   /* Chukotka runs past the antimeridian */
  g_assert_cmpfloat (ru->lon_max, <, 192.0);
  g_assert_cmpstr (feature (ru, "RU-MOW")->name, ==, "Moscow");
  g_assert_cmpstr (feature (ru, "RU-MOS")->name, ==, "Moscow Oblast");
}

static void
test_ukraine_codes (void)
{
  g_autoptr(RlGeoLayer) ua = load_shipped ("ua.geojson");
  g_autoptr(RlGeoLayer) ru = load_shipped ("ru.geojson");

  g_assert_cmpuint (ua->n_features, ==, G_N_ELEMENTS (ua_codes));
  for (guint i = 0; i < G_N_ELEMENTS (ua_codes); i++)
    g_assert_cmpuint (feature (ua, ua_codes[i])->n_rings, >, 0);

  /* Crimea is the same shape in both files */
  g_assert_cmpuint (feature (ua, "UA-43")->rings[0].n_points, ==,
                    feature (ru, "UA-43")->rings[0].n_points);
  rl_assert_close (feature (ua, "UA-43")->x_max, feature (ru, "UA-43")->x_max, 1e-15);
}

static void
test_hit_cities (void)
{
  g_autoptr(RlGeoLayer) ru = load_shipped ("ru.geojson");
  g_autoptr(RlGeoLayer) ua = load_shipped ("ua.geojson");

  g_assert_true (rl_geo_feature_contains (feature (ru, "RU-MOW"), 37.62, 55.75));
  g_assert_false (rl_geo_feature_contains (feature (ru, "RU-MOS"), 37.62, 55.75));
  g_assert_cmpint (rl_geo_layer_hit (ru, 37.62, 55.75), ==, rl_geo_layer_find (ru, "RU-MOW"));
  g_assert_cmpint (rl_geo_layer_hit (ru, 36.0, 55.5), ==, rl_geo_layer_find (ru, "RU-MOS"));
  g_assert_cmpint (rl_geo_layer_hit (ru, 30.32, 59.94), ==, rl_geo_layer_find (ru, "RU-SPE"));
  g_assert_cmpint (rl_geo_layer_hit (ru, 129.73, 62.03), ==, rl_geo_layer_find (ru, "RU-SA"));
  g_assert_cmpint (rl_geo_layer_hit (ru, 34.1, 45.0), ==, rl_geo_layer_find (ru, "UA-43"));
  g_assert_cmpint (rl_geo_layer_hit (ru, 0.0, 0.0), ==, -1);
  g_assert_cmpint (rl_geo_layer_hit (ru, 35.0, 43.5), ==, -1);   /* Black Sea */

  g_assert_cmpint (rl_geo_layer_hit (ua, 30.52, 50.45), ==, rl_geo_layer_find (ua, "UA-30"));
  g_assert_false (rl_geo_feature_contains (feature (ua, "UA-32"), 30.52, 50.45));
  g_assert_cmpint (rl_geo_layer_hit (ua, 30.2, 50.9), ==, rl_geo_layer_find (ua, "UA-32"));
}

/* Chukotka east of 180°: found both as lon −175 and as its shifted +185. */
static void
test_hit_antimeridian (void)
{
  g_autoptr(RlGeoLayer) ru = load_shipped ("ru.geojson");
  int chu = rl_geo_layer_find (ru, "RU-CHU");

  g_assert_cmpint (rl_geo_layer_hit (ru, -175.0, 66.5), ==, chu);
  g_assert_cmpint (rl_geo_layer_hit (ru, 185.0, 66.5), ==, chu);
  g_assert_cmpint (rl_geo_layer_hit (ru, 175.0, 66.5), ==, chu);
}

static void
test_holes (void)
{
  g_autoptr(RlGeoLayer) ru = load_shipped ("ru.geojson");
  g_autoptr(RlGeoLayer) ua = load_shipped ("ua.geojson");
  g_autoptr(GError) error = NULL;
  g_autoptr(RlGeoLayer) sq = rl_geo_layer_load_data (square_json, -1, "square", &error);
  const RlGeoFeature *f;

  g_assert_cmpuint (count_holes (feature (ru, "RU-MOS")), >=, 1);
  g_assert_cmpuint (count_holes (feature (ua, "UA-32")), >=, 1);

  g_assert_no_error (error);
  f = &sq->features[0];
  g_assert_cmpuint (f->n_rings, ==, 2);
  g_assert_true (f->rings[1].hole);
  g_assert_true (rl_geo_feature_contains (f, 0.5, 0.5));
  g_assert_true (rl_geo_feature_contains (f, 3.5, 2.0));
  g_assert_false (rl_geo_feature_contains (f, 2.0, 2.0));   /* in the hole */
  g_assert_false (rl_geo_feature_contains (f, 5.0, 2.0));
  g_assert_false (rl_geo_feature_contains (f, -0.5, 2.0));
}

static void
test_properties (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlGeoLayer) sq = rl_geo_layer_load_data (square_json, -1, "square", &error);
  GHashTable *props;

  g_assert_no_error (error);
  g_assert_cmpuint (sq->n_features, ==, 3);
  props = sq->features[0].properties;
  g_assert_cmpstr (sq->features[0].code, ==, "SQ");
  g_assert_cmpstr (sq->features[0].name, ==, "Square");
  g_assert_cmpstr (g_hash_table_lookup (props, "oktmo"), ==, "45000000");
  g_assert_cmpstr (g_hash_table_lookup (props, "share"), ==, "0.25");
  g_assert_cmpstr (g_hash_table_lookup (props, "capital"), ==, "true");
  g_assert_cmpstr (g_hash_table_lookup (props, "id"), ==, "7");
  g_assert_null (g_hash_table_lookup (props, "none"));
  g_assert_cmpint (rl_geo_layer_find_property (sq, "oktmo", "45000000"), ==, 0);
  g_assert_cmpint (rl_geo_layer_find_property (sq, "NAME", "Seam"), ==, 1);
  g_assert_cmpint (rl_geo_layer_find_property (sq, "NAME", "Nowhere"), ==, -1);
  g_assert_cmpint (rl_geo_layer_find (sq, "XX"), ==, -1);

  /* a feature without geometry is kept, empty, and never hit */
  g_assert_cmpuint (sq->features[2].n_rings, ==, 0);
  g_assert_cmpstr (sq->features[2].code, ==, "");
  g_assert_cmpint (rl_geo_layer_hit (sq, 0.5, 0.5), ==, 0);

  /* an edge along 180° is flagged as a seam */
  g_assert_true (sq->features[1].rings[0].has_seam);
  g_assert_true (rl_geo_ring_edge_on_seam (&sq->features[1].rings[0], 1));
  g_assert_false (rl_geo_ring_edge_on_seam (&sq->features[1].rings[0], 0));
}

static void
assert_bad (const char *json,
            int         code,
            const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlGeoLayer) layer = rl_geo_layer_load_data (json, -1, "bad.geojson", &error);

  g_assert_null (layer);
  g_assert_error (error, RL_ERROR, code);
  g_assert_nonnull (strstr (error->message, "bad.geojson"));
  if (strstr (error->message, fragment) == NULL)
    g_error ("message \"%s\" lacks \"%s\"", error->message, fragment);
}

#define FC(features) "{\"type\": \"FeatureCollection\", \"features\": [" features "]}"
#define GOOD "{\"type\": \"Feature\", \"properties\": {}, \"geometry\": {\"type\": \"Polygon\"," \
             " \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}"

static void
test_malformed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlGeoLayer) missing = rl_geo_layer_load ("/nonexistent/x.geojson", &error);

  g_assert_null (missing);
  g_assert_error (error, RL_ERROR, RL_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "x.geojson"));

  assert_bad ("{\"type\": ", RL_ERROR_PARSE, "not valid JSON");
  assert_bad ("[1, 2]", RL_ERROR_PARSE, "FeatureCollection");
  assert_bad ("{\"type\": \"Feature\"}", RL_ERROR_PARSE, "FeatureCollection");
  assert_bad ("{\"type\": 3, \"features\": []}", RL_ERROR_PARSE, "FeatureCollection");
  assert_bad (FC (GOOD ", 5"), RL_ERROR_PARSE, "feature 1: not a JSON object");
  assert_bad (FC (GOOD ", {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\","
                  " \"coordinates\": [0, 0]}}"), RL_ERROR_UNSUPPORTED, "feature 1: geometry");
  assert_bad (FC ("{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\","
                  " \"coordinates\": [[[0, 0], [1, 1]]]}}"), RL_ERROR_PARSE,
              "feature 0: polygon 0: a ring must be");
  assert_bad (FC ("{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\","
                  " \"coordinates\": [[[0, 0], [1, \"a\"], [1, 1], [0, 0]]]}}"), RL_ERROR_PARSE,
              "position 1");
  assert_bad (FC ("{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\","
                  " \"coordinates\": [[[0, 0], [1, 95], [1, 1], [0, 0]]]}}"), RL_ERROR_PARSE,
              "WGS84");
  assert_bad (FC ("{\"type\": \"Feature\", \"geometry\": {\"type\": \"MultiPolygon\","
                  " \"coordinates\": [[[[0, 0], [1, 0], [1, 1], [0, 0]]], []]}}"), RL_ERROR_PARSE,
              "polygon 1 is not");
  assert_bad (FC ("{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\"}}"),
              RL_ERROR_PARSE, "feature 0: polygon 0");
  assert_bad (FC ("{\"type\": \"Feature\", \"geometry\": 1}"), RL_ERROR_PARSE, "geometry");
}

static void
test_empty_collection (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlGeoLayer) layer = rl_geo_layer_load_data (FC (""), -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (layer->n_features, ==, 0);
  g_assert_cmpint (rl_geo_layer_hit (layer, 0, 0), ==, -1);
  g_assert_cmpfloat (layer->x_min, >, layer->x_max);   /* empty bounding box */
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/geo/projection", test_projection);
  g_test_add_func ("/geo/russia-codes", test_russia_codes);
  g_test_add_func ("/geo/ukraine-codes", test_ukraine_codes);
  g_test_add_func ("/geo/hit-cities", test_hit_cities);
  g_test_add_func ("/geo/hit-antimeridian", test_hit_antimeridian);
  g_test_add_func ("/geo/holes", test_holes);
  g_test_add_func ("/geo/properties", test_properties);
  g_test_add_func ("/geo/malformed", test_malformed);
  g_test_add_func ("/geo/empty-collection", test_empty_collection);
  return g_test_run ();
}
