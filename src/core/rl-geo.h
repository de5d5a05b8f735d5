/* rl-geo.h — region boundaries: GeoJSON polygons, Web Mercator, hit testing
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Latitude limit of Web Mercator (the projected map is a square). */
#define RL_GEO_MAX_LATITUDE 85.0511287798066

/* One closed ring; the closing point is kept as in the file. Coordinates are
 * flat arrays of 2 × n_points doubles: lon0, lat0, lon1, lat1, … and the same
 * points projected to normalised Web Mercator x0, y0, x1, y1, … */
typedef struct
{
  guint     n_points;
  double   *lonlat;
  double   *xy;
  guint     polygon;   /* index of the polygon of its feature this ring belongs to */
  gboolean  hole;      /* an inner ring of its polygon */
  gboolean  has_seam;  /* has an edge along lon = ±180 (never outlined) */
} RlGeoRing;

/* One region: a Polygon or MultiPolygon feature. Rings are filled with the
 * even-odd rule, so holes need no special treatment. */
typedef struct
{
  char       *code;        /* property "code" (or "iso_3166_2", "id"); "" when absent */
  char       *name;        /* property "name_en" (or "name"); "" when absent */
  GHashTable *properties;  /* every scalar property as a string, key → value */
  RlGeoRing  *rings;
  guint       n_rings;
  guint       n_polygons;
  double      lon_min, lat_min, lon_max, lat_max;  /* empty feature: min > max */
  double      x_min, y_min, x_max, y_max;          /* projected bounding box */
} RlGeoFeature;

typedef struct
{
  char         *source;    /* file name or the name given to rl_geo_layer_load_data() */
  RlGeoFeature *features;
  guint         n_features;
  double        lon_min, lat_min, lon_max, lat_max;
  double        x_min, y_min, x_max, y_max;
} RlGeoLayer;

void rl_geo_project   (double  lon,
                       double  lat,
                       double *x,
                       double *y);
void rl_geo_unproject (double  x,
                       double  y,
                       double *lon,
                       double *lat);

RlGeoLayer *rl_geo_layer_load      (const char  *path,
                                    GError     **error);
RlGeoLayer *rl_geo_layer_load_data (const char  *data,
                                    gssize       length,
                                    const char  *source,
                                    GError     **error);
void        rl_geo_layer_free      (RlGeoLayer  *layer);

int         rl_geo_layer_find          (const RlGeoLayer *layer,
                                        const char       *code);
int         rl_geo_layer_find_property (const RlGeoLayer *layer,
                                        const char       *key,
                                        const char       *value);
int         rl_geo_layer_hit_xy        (const RlGeoLayer *layer,
                                        double            x,
                                        double            y);
int         rl_geo_layer_hit           (const RlGeoLayer *layer,
                                        double            lon,
                                        double            lat);

gboolean    rl_geo_feature_contains_xy (const RlGeoFeature *feature,
                                        double              x,
                                        double              y);
gboolean    rl_geo_feature_contains    (const RlGeoFeature *feature,
                                        double              lon,
                                        double              lat);
gboolean    rl_geo_ring_edge_on_seam   (const RlGeoRing    *ring,
                                        guint               i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlGeoLayer, rl_geo_layer_free)

G_END_DECLS
