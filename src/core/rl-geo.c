/* rl-geo.c — region boundaries: GeoJSON polygons, Web Mercator, hit testing
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-geo.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "rl-error.h"

/* Properties tried, in order, for a feature's code and name. */
static const char *const code_keys[] = { "code", "iso_3166_2", "ISO_3166_2", "id", NULL };
static const char *const name_keys[] = { "name_en", "name", "NAME", NULL };

#define SEAM_EPS 1e-9

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_DOUBLE || type == G_TYPE_INT64;
}

static JsonArray *
get_array (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The string member @key of @object, or "" when absent or not a string. */
static const char *
get_string (JsonObject *object,
            const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static void
ring_clear (gpointer data)
{
  RlGeoRing *ring = data;

  g_clear_pointer (&ring->lonlat, g_free);
  g_clear_pointer (&ring->xy, g_free);
}

static gboolean
read_position (JsonArray *ring,
               guint      i,
               double    *lon,
               double    *lat,
               GError   **error)
{
  JsonArray *pos = get_array (json_array_get_element (ring, i));

  if (pos == NULL || json_array_get_length (pos) < 2
      || !is_number (json_array_get_element (pos, 0))
      || !is_number (json_array_get_element (pos, 1)))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
                   "position %u is not an array of two numbers [lon, lat]", i);
      return FALSE;
    }
  *lon = json_array_get_double_element (pos, 0);
  *lat = json_array_get_double_element (pos, 1);
  if (!isfinite (*lon) || !isfinite (*lat) || fabs (*lat) > 90.0 || fabs (*lon) > 540.0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
                   "position %u (%g, %g) is not a WGS84 longitude/latitude", i, *lon, *lat);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_ring (JsonNode  *node,
            guint      polygon,
            gboolean   hole,
            GArray    *rings,
            GError   **error)
{
  JsonArray *array = get_array (node);
  RlGeoRing ring = { 0, };
  guint n;

  if (array == NULL || (n = json_array_get_length (array)) < 4)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
                   "polygon %u: a ring must be an array of at least 4 positions", polygon);
      return FALSE;
    }
  ring.n_points = n;
  ring.polygon = polygon;
  ring.hole = hole;
  ring.lonlat = g_new (double, 2 * n);
  ring.xy = g_new (double, 2 * n);
  for (guint i = 0; i < n; i++)
    {
      double *p = ring.lonlat + 2 * i;

      if (!read_position (array, i, &p[0], &p[1], error))
        {
          ring_clear (&ring);
          g_prefix_error (error, "polygon %u, ring: ", polygon);
          return FALSE;
        }
      rl_geo_project (p[0], p[1], &ring.xy[2 * i], &ring.xy[2 * i + 1]);
    }
  for (guint i = 0; i + 1 < n; i++)
    ring.has_seam |= rl_geo_ring_edge_on_seam (&ring, i);
  g_array_append_val (rings, ring);
  return TRUE;
}

static gboolean
parse_polygon (JsonNode  *node,
               guint      polygon,
               GArray    *rings,
               GError   **error)
{
  JsonArray *array = get_array (node);
  guint n = array != NULL ? json_array_get_length (array) : 0;

  if (n == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
                   "polygon %u is not a non-empty array of rings", polygon);
      return FALSE;
    }
  for (guint r = 0; r < n; r++)
    if (!parse_ring (json_array_get_element (array, r), polygon, r > 0, rings, error))
      return FALSE;
  return TRUE;
}

static gboolean
parse_geometry (JsonNode      *node,
                RlGeoFeature  *feature,
                GError       **error)
{
  g_autoptr(GArray) rings = g_array_new (FALSE, TRUE, sizeof (RlGeoRing));
  JsonObject *geometry;
  JsonNode *coords;
  const char *type;

  g_array_set_clear_func (rings, ring_clear);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE; /* a feature without geometry is valid GeoJSON: it just draws nothing */
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "\"geometry\" is not an object");
      return FALSE;
    }
  geometry = json_node_get_object (node);
  type = get_string (geometry, "type");
  coords = json_object_get_member (geometry, "coordinates");
  if (g_str_equal (type, "Polygon"))
    {
      if (!parse_polygon (coords, 0, rings, error))
        return FALSE;
      feature->n_polygons = 1;
    }
  else if (g_str_equal (type, "MultiPolygon"))
    {
      JsonArray *polygons = get_array (coords);

      if (polygons == NULL)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "MultiPolygon without coordinates");
          return FALSE;
        }
      feature->n_polygons = json_array_get_length (polygons);
      for (guint p = 0; p < feature->n_polygons; p++)
        if (!parse_polygon (json_array_get_element (polygons, p), p, rings, error))
          return FALSE;
    }
  else
    {
      g_set_error (error, RL_ERROR, RL_ERROR_UNSUPPORTED,
                   "geometry type \"%s\" is not supported (only Polygon and MultiPolygon)",
                   type);
      return FALSE;
    }
  g_array_set_clear_func (rings, NULL);
  feature->n_rings = rings->len;
  feature->rings = (RlGeoRing *) (void *) g_array_free (g_steal_pointer (&rings), FALSE);
  return TRUE;
}

static char *
value_to_string (JsonNode *node)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return NULL;
    }
}

static const char *
first_property (GHashTable        *properties,
                const char *const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *value = g_hash_table_lookup (properties, keys[i]);

      if (value != NULL && *value != '\0')
        return value;
    }
  return "";
}

static void
parse_properties (JsonObject   *object,
                  RlGeoFeature *feature)
{
  JsonNode *props = json_object_get_member (object, "properties");
  char *id = value_to_string (json_object_get_member (object, "id"));

  feature->properties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (id != NULL)
    g_hash_table_insert (feature->properties, g_strdup ("id"), id);
  if (props != NULL && JSON_NODE_HOLDS_OBJECT (props))
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (props));
      while (json_object_iter_next (&iter, &key, &value))
        {
          char *text = value_to_string (value);

          if (text != NULL)
            g_hash_table_insert (feature->properties, g_strdup (key), text);
        }
    }
  feature->code = g_strdup (first_property (feature->properties, code_keys));
  feature->name = g_strdup (first_property (feature->properties, name_keys));
}

static void
bbox_reset (double *min_a, double *min_b, double *max_a, double *max_b)
{
  *min_a = *min_b = HUGE_VAL;
  *max_a = *max_b = -HUGE_VAL;
}

static void
bbox_add (const double *pts, guint n, double *min_a, double *min_b, double *max_a, double *max_b)
{
  for (guint i = 0; i < n; i++)
    {
      *min_a = MIN (*min_a, pts[2 * i]);
      *max_a = MAX (*max_a, pts[2 * i]);
      *min_b = MIN (*min_b, pts[2 * i + 1]);
      *max_b = MAX (*max_b, pts[2 * i + 1]);
    }
}

static void
feature_compute_bbox (RlGeoFeature *f)
{
  bbox_reset (&f->lon_min, &f->lat_min, &f->lon_max, &f->lat_max);
  bbox_reset (&f->x_min, &f->y_min, &f->x_max, &f->y_max);
  for (guint r = 0; r < f->n_rings; r++)
    {
      const RlGeoRing *ring = &f->rings[r];

      bbox_add (ring->lonlat, ring->n_points, &f->lon_min, &f->lat_min, &f->lon_max, &f->lat_max);
      bbox_add (ring->xy, ring->n_points, &f->x_min, &f->y_min, &f->x_max, &f->y_max);
    }
}

static void
layer_compute_bbox (RlGeoLayer *layer)
{
  bbox_reset (&layer->lon_min, &layer->lat_min, &layer->lon_max, &layer->lat_max);
  bbox_reset (&layer->x_min, &layer->y_min, &layer->x_max, &layer->y_max);
  for (guint i = 0; i < layer->n_features; i++)
    {
      const RlGeoFeature *f = &layer->features[i];
      const double lonlat[] = { f->lon_min, f->lat_min, f->lon_max, f->lat_max };
      const double xy[] = { f->x_min, f->y_min, f->x_max, f->y_max };

      if (f->n_rings == 0)
        continue;
      bbox_add (lonlat, 2, &layer->lon_min, &layer->lat_min, &layer->lon_max, &layer->lat_max);
      bbox_add (xy, 2, &layer->x_min, &layer->y_min, &layer->x_max, &layer->y_max);
    }
}

static gboolean
parse_feature (JsonNode      *node,
               RlGeoFeature  *feature,
               GError       **error)
{
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "not a JSON object");
      return FALSE;
    }
  object = json_node_get_object (node);
  if (!g_str_equal (get_string (object, "type"), "Feature"))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "\"type\" is not \"Feature\"");
      return FALSE;
    }
  parse_properties (object, feature);
  if (!parse_geometry (json_object_get_member (object, "geometry"), feature, error))
    return FALSE;
  feature_compute_bbox (feature);
  return TRUE;
}

static JsonArray *
collection_features (JsonNode    *root,
                     const char  *source,
                     GError     **error)
{
  JsonObject *object = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
                       ? json_node_get_object (root) : NULL;
  const char *type = get_string (object, "type");
  JsonArray *features = object != NULL
                        ? get_array (json_object_get_member (object, "features")) : NULL;

  if (!g_str_equal (type, "FeatureCollection") || features == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
                   "%s: not a GeoJSON FeatureCollection (an object with \"type\": "
                   "\"FeatureCollection\" and a \"features\" array)", source);
      return NULL;
    }
  return features;
}

static void
feature_clear (RlGeoFeature *f)
{
  for (guint r = 0; r < f->n_rings; r++)
    ring_clear (&f->rings[r]);
  g_clear_pointer (&f->rings, g_free);
  g_clear_pointer (&f->properties, g_hash_table_unref);
  g_clear_pointer (&f->code, g_free);
  g_clear_pointer (&f->name, g_free);
}

/* Normalised Web Mercator as libshumate uses it (multiply by the map size in
 * pixels, 256 · 2^zoom, to get its pixel coordinates): x grows east, y south,
 * both in [0, 1] for lon in [−180, 180]; longitudes past 180 give x > 1. */
void
rl_geo_project (double  lon,
                double  lat,
                double *x,
                double *y)
{
  double phi = CLAMP (lat, -RL_GEO_MAX_LATITUDE, RL_GEO_MAX_LATITUDE) * G_PI / 180.0;

  *x = (lon + 180.0) / 360.0;
  *y = (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
}

void
rl_geo_unproject (double  x,
                  double  y,
                  double *lon,
                  double *lat)
{
  *lon = x * 360.0 - 180.0;
  *lat = atan (sinh (G_PI * (1.0 - 2.0 * y))) * 180.0 / G_PI;
}

RlGeoLayer *
rl_geo_layer_load (const char  *path,
                   GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, "%s", local->message);
      return NULL;
    }
  return rl_geo_layer_load_data (data, length, path, error);
}

RlGeoLayer *
rl_geo_layer_load_data (const char  *data,
                        gssize       length,
                        const char  *source,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(RlGeoLayer) layer = g_new0 (RlGeoLayer, 1);
  g_autoptr(GError) local = NULL;
  JsonArray *features;

  g_return_val_if_fail (data != NULL, NULL);

  layer->source = g_strdup (source != NULL ? source : "GeoJSON data");
  if (!json_parser_load_from_data (parser, data, length, &local))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: not valid JSON: %s", layer->source,
                   local->message);
      return NULL;
    }
  features = collection_features (json_parser_get_root (parser), layer->source, error);
  if (features == NULL)
    return NULL;
  layer->n_features = json_array_get_length (features);
  layer->features = g_new0 (RlGeoFeature, layer->n_features);
  for (guint i = 0; i < layer->n_features; i++)
    if (!parse_feature (json_array_get_element (features, i), &layer->features[i], error))
      {
        g_prefix_error (error, "%s: feature %u: ", layer->source, i);
        return NULL;
      }
  layer_compute_bbox (layer);
  return g_steal_pointer (&layer);
}

void
rl_geo_layer_free (RlGeoLayer *layer)
{
  if (layer == NULL)
    return;
  for (guint i = 0; i < layer->n_features && layer->features != NULL; i++)
    feature_clear (&layer->features[i]);
  g_free (layer->features);
  g_free (layer->source);
  g_free (layer);
}

/* Index of the feature whose code is @code, or −1. */
int
rl_geo_layer_find (const RlGeoLayer *layer,
                   const char       *code)
{
  g_return_val_if_fail (layer != NULL && code != NULL, -1);

  for (guint i = 0; i < layer->n_features; i++)
    if (g_str_equal (layer->features[i].code, code))
      return (int) i;
  return -1;
}

/* Index of the first feature whose property @key equals @value, or −1: lets a
 * user-loaded file be matched by any code or name column. */
int
rl_geo_layer_find_property (const RlGeoLayer *layer,
                            const char       *key,
                            const char       *value)
{
  g_return_val_if_fail (layer != NULL && key != NULL && value != NULL, -1);

  for (guint i = 0; i < layer->n_features; i++)
    {
      const char *v = g_hash_table_lookup (layer->features[i].properties, key);

      if (v != NULL && g_str_equal (v, value))
        return (int) i;
    }
  return -1;
}

/* Index of the first feature containing the projected point, or −1. */
int
rl_geo_layer_hit_xy (const RlGeoLayer *layer,
                     double            x,
                     double            y)
{
  g_return_val_if_fail (layer != NULL, -1);

  for (guint i = 0; i < layer->n_features; i++)
    if (rl_geo_feature_contains_xy (&layer->features[i], x, y))
      return (int) i;
  return -1;
}

int
rl_geo_layer_hit (const RlGeoLayer *layer,
                  double            lon,
                  double            lat)
{
  g_return_val_if_fail (layer != NULL, -1);

  for (guint i = 0; i < layer->n_features; i++)
    if (rl_geo_feature_contains (&layer->features[i], lon, lat))
      return (int) i;
  return -1;
}

/* Even-odd rule over all rings of the feature, in projected coordinates. */
gboolean
rl_geo_feature_contains_xy (const RlGeoFeature *feature,
                            double              x,
                            double              y)
{
  gboolean inside = FALSE;

  g_return_val_if_fail (feature != NULL, FALSE);

  if (x < feature->x_min || x > feature->x_max || y < feature->y_min || y > feature->y_max)
    return FALSE;
  for (guint r = 0; r < feature->n_rings; r++)
    {
      const RlGeoRing *ring = &feature->rings[r];
      const double *p = ring->xy;

      for (guint i = 0, j = ring->n_points - 1; i < ring->n_points; j = i++)
        {
          double xi = p[2 * i], yi = p[2 * i + 1], xj = p[2 * j], yj = p[2 * j + 1];

          if ((yi > y) != (yj > y) && x < xj + (y - yj) * (xi - xj) / (yi - yj))
            inside = !inside;
        }
    }
  return inside;
}

/* Also tries lon ± 360, since a feature may run past 180° (Chukotka). */
gboolean
rl_geo_feature_contains (const RlGeoFeature *feature,
                         double              lon,
                         double              lat)
{
  g_return_val_if_fail (feature != NULL, FALSE);

  for (int k = -1; k <= 1; k++)
    {
      double l = lon + 360.0 * k, x, y;

      if (l < feature->lon_min || l > feature->lon_max)
        continue;
      rl_geo_project (l, lat, &x, &y);
      if (rl_geo_feature_contains_xy (feature, x, y))
        return TRUE;
    }
  return FALSE;
}

/* Whether the edge from point @i to point @i + 1 runs along the antimeridian:
 * such edges are cuts made by the data, not borders, and are never outlined. */
gboolean
rl_geo_ring_edge_on_seam (const RlGeoRing *ring,
                          guint            i)
{
  double a, b;

  g_return_val_if_fail (ring != NULL && i + 1 < ring->n_points, FALSE);

  a = ring->lonlat[2 * i];
  b = ring->lonlat[2 * i + 2];
  return fabs (a - b) < SEAM_EPS && fabs (fabs (a) - 180.0) < SEAM_EPS;
}
