/* rl-region-layer.c — every region polygon on a libshumate map, drawn with cairo
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One layer draws all polygons (even-odd fills, outlines, selection) through
 * rl_chart_map_draw(), the function the map chart and its export use. What
 * does not change on pan is cached: the whole layer is rasterised once per
 * zoom level, fills and selection into one texture covering the boundaries'
 * bounding box, and a frame only places that texture. (A cairo render node
 * would not do: it records the drawing and replays every path each frame.)
 * Too large a box (deep zoom) is drawn directly, clipped to the widget.
 */
#include "rl-config.h"

#include <math.h>

#include "rl-region-layer.h"

/* Largest cached texture side, in pixels (at most 26 MB). */
#define CACHE_MAX_SIDE 2560.0
#define CACHE_PAD 4.0
/* A zoom that stopped this long ago gets a sharp texture. */
#define REBUILD_DELAY_MS 150

struct _RlRegionLayer
{
  ShumateLayer      parent_instance;

  const RlGeoLayer *boundaries;
  RlMapStyle        style;
  RlColor          *fills;
  guint             n_fills;
  int              *highlighted;
  guint             n_highlighted;

  GdkTexture       *cache;        /* the layer drawn at cache_scale, origin at cache_x0/y0 */
  int               cache_width;  /* its size in widget pixels */
  int               cache_height;
  double            cache_scale;
  double            cache_x0, cache_y0;
  guint             rebuild;      /* timeout redrawing the texture after a zoom */
};

G_DEFINE_FINAL_TYPE (RlRegionLayer, rl_region_layer, SHUMATE_TYPE_LAYER)

static void
invalidate (RlRegionLayer *self)
{
  g_clear_object (&self->cache);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
rebuild_cb (gpointer data)
{
  RlRegionLayer *self = data;

  self->rebuild = 0;
  invalidate (self);
  return G_SOURCE_REMOVE;
}

static void
on_viewport_changed_cb (RlRegionLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rl_region_layer_get_view (RlRegionLayer *self,
                          RlMapView     *view)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateMapSource *source = shumate_viewport_get_reference_map_source (viewport);
  double tile_size = source != NULL ? shumate_map_source_get_tile_size (source) : 256.0;
  ShumateLocation *location = SHUMATE_LOCATION (viewport);

  rl_map_view_set_viewport (view,
                            shumate_location_get_longitude (location),
                            shumate_location_get_latitude (location),
                            shumate_viewport_get_zoom_level (viewport),
                            tile_size,
                            gtk_widget_get_width (GTK_WIDGET (self)),
                            gtk_widget_get_height (GTK_WIDGET (self)));
}

static RlMapStyle
current_style (RlRegionLayer *self)
{
  RlMapStyle style = self->style;

  style.background.a = 0.0;
  style.fills = self->fills;
  style.n_fills = self->n_fills;
  style.highlighted = self->highlighted;
  style.n_highlighted = self->n_highlighted;
  return style;
}

/* Rasterises the whole layer at @scale into a texture whose origin is the
 * bounding box's top left corner (less a pad), at the widget's scale factor. */
static void
build_cache (RlRegionLayer *self,
             double         scale)
{
  const RlGeoLayer *b = self->boundaries;
  int factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  RlMapStyle style = current_style (self);
  RlMapView view;
  int width = (int) ceil ((b->x_max - b->x_min) * scale + 2 * CACHE_PAD);
  int height = (int) ceil ((b->y_max - b->y_min) * scale + 2 * CACHE_PAD);
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * factor, height * factor);
  cr = cairo_create (surface);
  cairo_scale (cr, factor, factor);
  rl_map_view_init (&view, width, height);
  view.scale = scale;
  view.center_x = b->x_min - CACHE_PAD / scale + width / (2 * scale);
  view.center_y = b->y_min - CACHE_PAD / scale + height / (2 * scale);
  rl_chart_map_draw (cr, &view, b, &style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* ARGB32 is GDK_MEMORY_DEFAULT: no conversion, one copy. */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * height * factor);
  g_clear_object (&self->cache);
  self->cache = gdk_memory_texture_new (width * factor, height * factor, GDK_MEMORY_DEFAULT, bytes,
                                        cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  self->cache_width = width;
  self->cache_height = height;
  self->cache_scale = scale;
  self->cache_x0 = b->x_min - CACHE_PAD / scale;
  self->cache_y0 = b->y_min - CACHE_PAD / scale;
}

static gboolean
cacheable (RlRegionLayer *self,
           double         scale)
{
  const RlGeoLayer *b = self->boundaries;

  return (b->x_max - b->x_min) * scale <= CACHE_MAX_SIDE
      && (b->y_max - b->y_min) * scale <= CACHE_MAX_SIDE;
}

static void
rl_region_layer_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  RlRegionLayer *self = RL_REGION_LAYER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  RlMapView view;
  double dx, dy;

  if (self->boundaries == NULL || self->boundaries->n_features == 0 || width <= 0 || height <= 0)
    return;
  rl_region_layer_get_view (self, &view);
  if (!cacheable (self, view.scale))
    {
      RlMapStyle style = current_style (self);
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

      rl_chart_map_draw (cr, &view, self->boundaries, &style);
      cairo_destroy (cr);
      return;
    }
  if (self->cache != NULL && self->cache_scale != view.scale)
    {
      double ratio = view.scale / self->cache_scale;

      /* Mid-zoom: stretch the texture now, draw it afresh once zooming stops. */
      if (ratio > 0.25 && ratio < 4.0)
        {
          g_clear_handle_id (&self->rebuild, g_source_remove);
          self->rebuild = g_timeout_add (REBUILD_DELAY_MS, rebuild_cb, self);
          rl_map_view_to_device (&view, self->cache_x0, self->cache_y0, &dx, &dy);
          gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
          gtk_snapshot_append_texture (snapshot, self->cache,
                                       &GRAPHENE_RECT_INIT (dx, dy, self->cache_width * ratio,
                                                            self->cache_height * ratio));
          gtk_snapshot_pop (snapshot);
          return;
        }
    }
  if (self->cache == NULL || self->cache_scale != view.scale)
    build_cache (self, view.scale);
  rl_map_view_to_device (&view, self->cache_x0, self->cache_y0, &dx, &dy);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_append_texture (snapshot, self->cache,
                               &GRAPHENE_RECT_INIT (round (dx), round (dy), self->cache_width,
                                                    self->cache_height));
  gtk_snapshot_pop (snapshot);
}

static void
rl_region_layer_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  gtk_widget_queue_draw (widget);
}

static void
rl_region_layer_constructed (GObject *object)
{
  RlRegionLayer *self = RL_REGION_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (rl_region_layer_parent_class)->constructed (object);
  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (on_viewport_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (on_viewport_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (on_viewport_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
rl_region_layer_finalize (GObject *object)
{
  RlRegionLayer *self = RL_REGION_LAYER (object);

  g_clear_handle_id (&self->rebuild, g_source_remove);
  g_clear_object (&self->cache);
  g_clear_pointer (&self->fills, g_free);
  g_clear_pointer (&self->highlighted, g_free);
  G_OBJECT_CLASS (rl_region_layer_parent_class)->finalize (object);
}

static void
rl_region_layer_class_init (RlRegionLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rl_region_layer_constructed;
  object_class->finalize = rl_region_layer_finalize;
  widget_class->snapshot = rl_region_layer_snapshot;
  widget_class->size_allocate = rl_region_layer_size_allocate;
}

static void
rl_region_layer_init (RlRegionLayer *self)
{
  rl_map_style_init (&self->style);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

RlRegionLayer *
rl_region_layer_new (ShumateViewport *viewport)
{
  return g_object_new (RL_TYPE_REGION_LAYER, "viewport", viewport, NULL);
}

void
rl_region_layer_set_boundaries (RlRegionLayer    *self,
                                const RlGeoLayer *boundaries)
{
  g_return_if_fail (RL_IS_REGION_LAYER (self));

  self->boundaries = boundaries;
  g_clear_pointer (&self->fills, g_free);
  self->n_fills = 0;
  g_clear_pointer (&self->highlighted, g_free);
  self->n_highlighted = 0;
  invalidate (self);
}

void
rl_region_layer_set_style (RlRegionLayer    *self,
                           const RlMapStyle *style)
{
  g_return_if_fail (RL_IS_REGION_LAYER (self));
  g_return_if_fail (style != NULL);

  self->style = *style;
  invalidate (self);
}

void
rl_region_layer_set_fills (RlRegionLayer *self,
                           const RlColor *fills,
                           guint          n_fills)
{
  g_return_if_fail (RL_IS_REGION_LAYER (self));

  g_free (self->fills);
  self->fills = n_fills > 0 ? g_memdup2 (fills, n_fills * sizeof (RlColor)) : NULL;
  self->n_fills = n_fills;
  invalidate (self);
}

void
rl_region_layer_set_highlighted (RlRegionLayer *self,
                                 const int     *features,
                                 guint          n)
{
  g_return_if_fail (RL_IS_REGION_LAYER (self));

  g_free (self->highlighted);
  self->highlighted = n > 0 ? g_memdup2 (features, n * sizeof (int)) : NULL;
  self->n_highlighted = n;
  invalidate (self);
}

int
rl_region_layer_pick (RlRegionLayer *self,
                      double         x,
                      double         y)
{
  RlMapView view;

  g_return_val_if_fail (RL_IS_REGION_LAYER (self), -1);
  if (self->boundaries == NULL)
    return -1;
  rl_region_layer_get_view (self, &view);
  return rl_chart_map_pick (&view, self->boundaries, x, y);
}
