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

/* Boundaries shared by the layer and the drawings running on worker threads
 * (an atomic rc box). */
typedef struct
{
  RlGeoLayer *layer;
} SharedGeo;

/* One rasterisation: what it draws, and the pixels it made. */
typedef struct
{
  SharedGeo  *geo;
  RlMapStyle  style;       /* fills and highlighted point into the copies below */
  RlColor    *fills;
  int        *highlighted;
  double      scale;
  int         factor;
  guint       generation;
  /* result */
  GBytes     *pixels;
  int         width, height, stride;   /* texture size in device pixels; width, height in widget pixels below */
  int         widget_width, widget_height;
  double      x0, y0;
} Raster;

struct _RlRegionLayer
{
  ShumateLayer      parent_instance;

  SharedGeo        *geo;
  RlMapStyle        style;
  RlColor          *fills;
  guint             n_fills;
  int              *highlighted;
  guint             n_highlighted;
  guint             generation;   /* bumped by every change of what is drawn */

  GdkTexture       *cache;        /* the layer drawn at cache_scale, origin at cache_x0/y0 */
  cairo_surface_t  *cache_surface;  /* the same pixels, for the cairo renderer */
  int               cache_width;  /* its size in widget pixels */
  int               cache_height;
  double            cache_scale;
  double            cache_x0, cache_y0;
  guint             cache_generation;
  gboolean          pending;      /* a drawing for pending_generation at pending_scale runs */
  guint             pending_generation;
  double            pending_scale;
  guint             rebuild;      /* timeout: the zoom has settled */
  gboolean          zoom_settled;
};

G_DEFINE_FINAL_TYPE (RlRegionLayer, rl_region_layer, SHUMATE_TYPE_LAYER)

static void
shared_geo_clear (gpointer data)
{
  rl_geo_layer_free (((SharedGeo *) data)->layer);
}

static void
shared_geo_unref (SharedGeo *geo)
{
  g_atomic_rc_box_release_full (geo, shared_geo_clear);
}

static void
raster_free (Raster *raster)
{
  g_clear_pointer (&raster->geo, shared_geo_unref);
  g_free (raster->fills);
  g_free (raster->highlighted);
  g_clear_pointer (&raster->pixels, g_bytes_unref);
  g_free (raster);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Raster, raster_free)

/* What is drawn changed: the texture shown stays until the new one is made. */
static void
invalidate (RlRegionLayer *self)
{
  self->generation++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
rebuild_cb (gpointer data)
{
  RlRegionLayer *self = data;

  self->rebuild = 0;
  self->zoom_settled = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

static Raster *
raster_new (RlRegionLayer *self,
            double         scale)
{
  Raster *raster = g_new0 (Raster, 1);

  raster->geo = g_atomic_rc_box_acquire (self->geo);
  raster->style = current_style (self);
  raster->fills = self->n_fills > 0 ? g_memdup2 (self->fills, self->n_fills * sizeof (RlColor)) : NULL;
  raster->highlighted = self->n_highlighted > 0
                        ? g_memdup2 (self->highlighted, self->n_highlighted * sizeof (int)) : NULL;
  raster->style.fills = raster->fills;
  raster->style.highlighted = raster->highlighted;
  raster->scale = scale;
  raster->factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  raster->generation = self->generation;
  return raster;
}

/* Any thread: draws the whole layer at its scale into pixels whose origin is
 * the bounding box's top left corner (less a pad). */
static void
raster_draw (Raster *raster)
{
  const RlGeoLayer *b = raster->geo->layer;
  double scale = raster->scale;
  int width = (int) ceil ((b->x_max - b->x_min) * scale + 2 * CACHE_PAD);
  int height = (int) ceil ((b->y_max - b->y_min) * scale + 2 * CACHE_PAD);
  cairo_surface_t *surface;
  RlMapView view;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * raster->factor,
                                        height * raster->factor);
  cr = cairo_create (surface);
  cairo_scale (cr, raster->factor, raster->factor);
  rl_map_view_init (&view, width, height);
  view.scale = scale;
  view.center_x = b->x_min - CACHE_PAD / scale + width / (2 * scale);
  view.center_y = b->y_min - CACHE_PAD / scale + height / (2 * scale);
  rl_chart_map_draw (cr, &view, b, &raster->style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  raster->stride = cairo_image_surface_get_stride (surface);
  raster->width = width * raster->factor;
  raster->height = height * raster->factor;
  raster->widget_width = width;
  raster->widget_height = height;
  raster->x0 = b->x_min - CACHE_PAD / scale;
  raster->y0 = b->y_min - CACHE_PAD / scale;
  raster->pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                                (gsize) raster->stride * raster->height);
  cairo_surface_destroy (surface);
}

static void
clear_cache (RlRegionLayer *self)
{
  g_clear_object (&self->cache);
  g_clear_pointer (&self->cache_surface, cairo_surface_destroy);
}

/* Main thread: shows what @raster drew. ARGB32 is GDK_MEMORY_DEFAULT: no conversion. */
static void
take_raster (RlRegionLayer *self,
             Raster        *raster)
{
  static const cairo_user_data_key_t pixels_key;
  guchar *data;

  clear_cache (self);
  self->cache = gdk_memory_texture_new (raster->width, raster->height, GDK_MEMORY_DEFAULT,
                                        raster->pixels, raster->stride);
  data = (guchar *) g_bytes_get_data (raster->pixels, NULL);
  self->cache_surface = cairo_image_surface_create_for_data (data, CAIRO_FORMAT_ARGB32,
                                                             raster->width, raster->height,
                                                             raster->stride);
  cairo_surface_set_user_data (self->cache_surface, &pixels_key, g_bytes_ref (raster->pixels),
                               (cairo_destroy_func_t) g_bytes_unref);
  cairo_surface_set_device_scale (self->cache_surface, raster->factor, raster->factor);
  self->cache_width = raster->widget_width;
  self->cache_height = raster->widget_height;
  self->cache_scale = raster->scale;
  self->cache_x0 = raster->x0;
  self->cache_y0 = raster->y0;
  self->cache_generation = raster->generation;
}

static void
raster_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  raster_draw (data);
  g_task_return_boolean (task, TRUE);
}

static void
on_raster_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RlRegionLayer *self = RL_REGION_LAYER (source);
  Raster *raster = g_task_get_task_data (G_TASK (result));

  if (raster->generation == self->pending_generation && raster->scale == self->pending_scale)
    self->pending = FALSE;
  /* A drawing of boundaries replaced since is of no use. */
  if (raster->geo == self->geo && raster->generation == self->generation)
    {
      take_raster (self, raster);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Draws the layer at @scale on a worker thread, unless that drawing runs already. */
static void
request_raster (RlRegionLayer *self,
                double         scale)
{
  g_autoptr(GTask) task = NULL;

  if (self->pending && self->pending_generation == self->generation && self->pending_scale == scale)
    return;
  self->pending = TRUE;
  self->pending_generation = self->generation;
  self->pending_scale = scale;
  task = g_task_new (self, NULL, on_raster_done_cb, NULL);
  g_task_set_task_data (task, raster_new (self, scale), (GDestroyNotify) raster_free);
  g_task_run_in_thread (task, raster_thread);
}

static gboolean
cacheable (RlRegionLayer *self,
           double         scale)
{
  const RlGeoLayer *b = self->geo->layer;

  return (b->x_max - b->x_min) * scale <= CACHE_MAX_SIDE
      && (b->y_max - b->y_min) * scale <= CACHE_MAX_SIDE;
}

static void
append_cache (RlRegionLayer   *self,
              GtkSnapshot     *snapshot,
              const RlMapView *view)
{
  double ratio = view->scale / self->cache_scale;
  double dx, dy;

  rl_map_view_to_device (view, self->cache_x0, self->cache_y0, &dx, &dy);
  if (ratio == 1.0)
    {
      dx = round (dx);
      dy = round (dy);
    }
  if (GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (self)))))
    {
      /* GTK's cairo renderer converts a texture's every pixel each frame it
       * draws it; a cairo node painting the surface is a plain blit. */
      int width = gtk_widget_get_width (GTK_WIDGET (self));
      int height = gtk_widget_get_height (GTK_WIDGET (self));
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

      cairo_translate (cr, dx, dy);
      cairo_scale (cr, ratio, ratio);
      cairo_set_source_surface (cr, self->cache_surface, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      return;
    }
  gtk_snapshot_append_texture (snapshot, self->cache,
                               &GRAPHENE_RECT_INIT (dx, dy, self->cache_width * ratio,
                                                    self->cache_height * ratio));
}

/* Keeps the texture for @view coming: a worker draws a fresh one when there
 * is none, when the fills changed, or when the zoom has settled at another
 * scale; meanwhile the one there is stays on show, stretched (as map tiles
 * are while their successors load). Nothing is drawn on the main thread.
 * Returns whether there is a texture to show. */
static gboolean
update_cache (RlRegionLayer   *self,
              const RlMapView *view)
{
  if (self->cache == NULL)
    {
      request_raster (self, view->scale);
      return FALSE;
    }
  if (self->cache_scale != view->scale)
    {
      double ratio = view->scale / self->cache_scale;

      /* Mid-zoom: stretch the texture now, draw it afresh once zooming
       * stops, or at once when it is stretched far. */
      if (!self->zoom_settled && ratio > 0.5 && ratio < 2.0)
        {
          g_clear_handle_id (&self->rebuild, g_source_remove);
          self->rebuild = g_timeout_add (REBUILD_DELAY_MS, rebuild_cb, self);
          return TRUE;
        }
      request_raster (self, view->scale);
    }
  else if (self->cache_generation != self->generation)
    request_raster (self, view->scale);
  else
    self->zoom_settled = FALSE;
  return TRUE;
}

static void
rl_region_layer_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  RlRegionLayer *self = RL_REGION_LAYER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  RlMapView view;

  if (self->geo == NULL || self->geo->layer->n_features == 0 || width <= 0 || height <= 0)
    return;
  rl_region_layer_get_view (self, &view);
  if (!cacheable (self, view.scale))
    {
      RlMapStyle style = current_style (self);
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

      rl_chart_map_draw (cr, &view, self->geo->layer, &style);
      cairo_destroy (cr);
      return;
    }
  if (!update_cache (self, &view))
    return;
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  append_cache (self, snapshot, &view);
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
  clear_cache (self);
  g_clear_pointer (&self->geo, shared_geo_unref);
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
rl_region_layer_set_boundaries (RlRegionLayer *self,
                                RlGeoLayer    *boundaries)
{
  g_return_if_fail (RL_IS_REGION_LAYER (self));

  g_clear_pointer (&self->geo, shared_geo_unref);
  if (boundaries != NULL)
    {
      self->geo = g_atomic_rc_box_new0 (SharedGeo);
      self->geo->layer = boundaries;
    }
  clear_cache (self);
  g_clear_pointer (&self->fills, g_free);
  self->n_fills = 0;
  g_clear_pointer (&self->highlighted, g_free);
  self->n_highlighted = 0;
  invalidate (self);
}

const RlGeoLayer *
rl_region_layer_get_boundaries (RlRegionLayer *self)
{
  g_return_val_if_fail (RL_IS_REGION_LAYER (self), NULL);
  return self->geo != NULL ? self->geo->layer : NULL;
}

gboolean
rl_region_layer_is_current (RlRegionLayer *self)
{
  RlMapView view;

  g_return_val_if_fail (RL_IS_REGION_LAYER (self), FALSE);
  if (self->geo == NULL)
    return TRUE;
  rl_region_layer_get_view (self, &view);
  if (!cacheable (self, view.scale))
    return TRUE;
  return self->cache != NULL && self->cache_generation == self->generation
         && self->cache_scale == view.scale;
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
  if (self->geo == NULL)
    return -1;
  rl_region_layer_get_view (self, &view);
  return rl_chart_map_pick (&view, self->geo->layer, x, y);
}
