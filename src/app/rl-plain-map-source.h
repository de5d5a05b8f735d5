/* rl-plain-map-source.h — an offline map source painting plain tiles
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define RL_TYPE_PLAIN_MAP_SOURCE (rl_plain_map_source_get_type ())

G_DECLARE_FINAL_TYPE (RlPlainMapSource, rl_plain_map_source, RL, PLAIN_MAP_SOURCE, ShumateMapSource)

/* Tiles of 256 pixels, zoom 1 … 12, all of one colour (RGB): makes no
 * network request, and gives the viewport the reference source libshumate
 * needs to place layers. */
RlPlainMapSource *rl_plain_map_source_new       (void);
void              rl_plain_map_source_set_color (RlPlainMapSource *self,
                                                 const GdkRGBA    *color);

G_END_DECLS
