/* rl-region-layer.h — every region polygon on a libshumate map, drawn with cairo
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "rl-chart-map.h"
#include "rl-geo.h"

G_BEGIN_DECLS

#define RL_TYPE_REGION_LAYER (rl_region_layer_get_type ())

G_DECLARE_FINAL_TYPE (RlRegionLayer, rl_region_layer, RL, REGION_LAYER, ShumateLayer)

RlRegionLayer *rl_region_layer_new             (ShumateViewport  *viewport);
/* Takes @boundaries (may be NULL); they live as long as the layer or a
 * drawing of them on a worker thread needs them. */
void           rl_region_layer_set_boundaries  (RlRegionLayer    *self,
                                                RlGeoLayer       *boundaries);
const RlGeoLayer *rl_region_layer_get_boundaries (RlRegionLayer  *self);
/* Whether the texture shown is the current fills and zoom (no drawing pending). */
gboolean       rl_region_layer_is_current      (RlRegionLayer    *self);
/* Outline and no-data colours; fills and highlights are set apart. */
void           rl_region_layer_set_style       (RlRegionLayer    *self,
                                                const RlMapStyle *style);
/* One fill per boundary feature (copied); alpha < 0 marks no data. */
void           rl_region_layer_set_fills       (RlRegionLayer    *self,
                                                const RlColor    *fills,
                                                guint             n_fills);
/* Feature indices outlined as selected (copied). */
void           rl_region_layer_set_highlighted (RlRegionLayer    *self,
                                                const int        *features,
                                                guint             n);
/* The map view of the layer as it is drawn now. */
void           rl_region_layer_get_view        (RlRegionLayer    *self,
                                                RlMapView        *view);
/* The feature under the widget point (@x, @y) of the layer, or −1. */
int            rl_region_layer_pick            (RlRegionLayer    *self,
                                                double            x,
                                                double            y);

G_END_DECLS
