/* rl-plain-map-source.c — an offline map source painting plain tiles
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-config.h"

#include "rl-plain-map-source.h"

#define TILE_SIZE 256

struct _RlPlainMapSource
{
  ShumateMapSource  parent_instance;
  GdkRGBA           color;
  GdkTexture       *texture;  /* one tile of the colour, shared by every tile */
};

G_DEFINE_FINAL_TYPE (RlPlainMapSource, rl_plain_map_source, SHUMATE_TYPE_MAP_SOURCE)

static GdkTexture *
plain_texture_new (const GdkRGBA *color)
{
  gsize stride = TILE_SIZE * 4;
  g_autofree guchar *pixels = g_malloc (stride * TILE_SIZE);
  g_autoptr(GBytes) bytes = NULL;

  for (gsize i = 0; i < (gsize) TILE_SIZE * TILE_SIZE; i++)
    {
      /* GDK_MEMORY_DEFAULT (B, G, R, A premultiplied, opaque here): what the
       * renderers take without converting */
      pixels[4 * i + 0] = (guchar) (color->blue * 255.0 + 0.5);
      pixels[4 * i + 1] = (guchar) (color->green * 255.0 + 0.5);
      pixels[4 * i + 2] = (guchar) (color->red * 255.0 + 0.5);
      pixels[4 * i + 3] = 255;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&pixels), stride * TILE_SIZE);
  return gdk_memory_texture_new (TILE_SIZE, TILE_SIZE, GDK_MEMORY_DEFAULT, bytes, stride);
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

  if (self->texture == NULL)
    self->texture = plain_texture_new (&self->color);
  shumate_tile_set_paintable (tile, GDK_PAINTABLE (self->texture));
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

  g_clear_object (&self->texture);
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
  g_clear_object (&self->texture);
}
