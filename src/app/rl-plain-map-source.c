/* rl-plain-map-source.c — an offline map source painting plain tiles
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-config.h"

#include <math.h>

#include "rl-plain-map-source.h"

#define TILE_SIZE 256

/* A tile of one colour. Drawn as a colour node: a memory texture would be
 * converted pixel by pixel in every frame by GTK's cairo renderer. */
#define RL_TYPE_PLAIN_TILE (rl_plain_tile_get_type ())
G_DECLARE_FINAL_TYPE (RlPlainTile, rl_plain_tile, RL, PLAIN_TILE, GObject)

struct _RlPlainTile
{
  GObject  parent_instance;
  GdkRGBA  color;
};

struct _RlPlainMapSource
{
  ShumateMapSource  parent_instance;
  GdkRGBA           color;
  RlPlainTile      *tile;  /* the tile of the colour, shared by every tile */
};

static void rl_plain_tile_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RlPlainTile, rl_plain_tile, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      rl_plain_tile_paintable_init))

G_DEFINE_FINAL_TYPE (RlPlainMapSource, rl_plain_map_source, SHUMATE_TYPE_MAP_SOURCE)

static void
rl_plain_tile_snapshot (GdkPaintable *paintable,
                        GdkSnapshot  *snapshot,
                        double        width,
                        double        height)
{
  gtk_snapshot_append_color (GTK_SNAPSHOT (snapshot), &RL_PLAIN_TILE (paintable)->color,
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static GdkPaintableFlags
rl_plain_tile_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS;
}

static int
rl_plain_tile_get_intrinsic_size (GdkPaintable *paintable)
{
  return TILE_SIZE;
}

static void
rl_plain_tile_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = rl_plain_tile_snapshot;
  iface->get_flags = rl_plain_tile_get_flags;
  iface->get_intrinsic_width = rl_plain_tile_get_intrinsic_size;
  iface->get_intrinsic_height = rl_plain_tile_get_intrinsic_size;
}

static void
rl_plain_tile_class_init (RlPlainTileClass *klass)
{
}

static void
rl_plain_tile_init (RlPlainTile *tile)
{
}

static RlPlainTile *
rl_plain_tile_new (const GdkRGBA *color)
{
  RlPlainTile *tile = g_object_new (RL_TYPE_PLAIN_TILE, NULL);

  /* opaque, and in 8-bit steps as a texture of the colour would be */
  tile->color = (GdkRGBA) { round (color->red * 255.0) / 255.0,
                            round (color->green * 255.0) / 255.0,
                            round (color->blue * 255.0) / 255.0, 1.0 };
  return tile;
}

static void
rl_plain_map_source_fill_tile_async (ShumateMapSource    *source,
                                     ShumateTile         *tile,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  RlPlainMapSource *self = RL_PLAIN_MAP_SOURCE (source);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  if (self->tile == NULL)
    self->tile = rl_plain_tile_new (&self->color);
  shumate_tile_set_paintable (tile, GDK_PAINTABLE (self->tile));
  shumate_tile_set_fade_in (tile, FALSE);
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
  g_task_return_boolean (task, TRUE);
}

static gboolean
rl_plain_map_source_fill_tile_finish (ShumateMapSource  *source,
                                      GAsyncResult      *result,
                                      GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
rl_plain_map_source_finalize (GObject *object)
{
  RlPlainMapSource *self = RL_PLAIN_MAP_SOURCE (object);

  g_clear_object (&self->tile);
  G_OBJECT_CLASS (rl_plain_map_source_parent_class)->finalize (object);
}

static void
rl_plain_map_source_class_init (RlPlainMapSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->finalize = rl_plain_map_source_finalize;
  source_class->fill_tile_async = rl_plain_map_source_fill_tile_async;
  source_class->fill_tile_finish = rl_plain_map_source_fill_tile_finish;
}

static void
rl_plain_map_source_init (RlPlainMapSource *self)
{
  self->color = (GdkRGBA) { 0.89, 0.92, 0.95, 1.0 };
}

RlPlainMapSource *
rl_plain_map_source_new (void)
{
  return g_object_new (RL_TYPE_PLAIN_MAP_SOURCE,
                       "id", "regionlab-plain",
                       "name", "Plain",
                       "min-zoom-level", 1,
                       "max-zoom-level", 12,
                       "tile-size", TILE_SIZE,
                       "projection", SHUMATE_MAP_PROJECTION_MERCATOR,
                       NULL);
}

void
rl_plain_map_source_set_color (RlPlainMapSource *self,
                               const GdkRGBA    *color)
{
  g_return_if_fail (RL_IS_PLAIN_MAP_SOURCE (self));
  self->color = *color;
  g_clear_object (&self->tile);
}
