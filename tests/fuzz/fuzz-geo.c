/* fuzz-geo.c — a GeoJSON boundary file read with rl_geo_layer_load_data, then hit-tested
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-fuzz.h"

#include "rl-geo.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RlGeoLayer) layer = NULL;

  rl_fuzz_init ();
  layer = rl_geo_layer_load_data ((const char *) data, size, "input.geojson", NULL);
  if (layer == NULL)
    return 0;
  for (guint f = 0; f < layer->n_features; f++)
    {
      const RlGeoFeature *feature = &layer->features[f];

      g_assert_nonnull (feature->code);
      g_assert_nonnull (feature->name);
      rl_geo_layer_find (layer, feature->code);
      rl_geo_layer_find_property (layer, "name", feature->name);
      rl_geo_feature_contains (feature, (feature->lon_min + feature->lon_max) / 2,
                               (feature->lat_min + feature->lat_max) / 2);
      for (guint r = 0; r < feature->n_rings; r++)
        for (guint i = 0; i + 1 < feature->rings[r].n_points; i++)
          rl_geo_ring_edge_on_seam (&feature->rings[r], i);
    }
  rl_geo_layer_hit (layer, 37.6, 55.75);
  rl_geo_layer_hit_xy (layer, 0.5, 0.5);
  return 0;
}
