/* test-chart-map.c — the region map: view, fills, outlines, seam, legend, picking
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-chart-map.h"
#include "rl-test.h"

#define W 800
#define H 500

static const RlColor classes[] = {
  { 0.80, 0.10, 0.10, 1.0 },
  { 0.10, 0.60, 0.20, 1.0 },
  { 0.15, 0.25, 0.85, 1.0 },
};

static RlGeoLayer *
load_russia (void)
{
  const char *dir = g_getenv ("RL_SOURCE_DATA");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : "data", "boundaries",
                                            "ru.geojson", NULL);
  g_autoptr(GError) error = NULL;
  RlGeoLayer *layer = rl_geo_layer_load (path, &error);

  g_assert_no_error (error);
  return layer;
}

/* The pixel at device (x, y) of an opaque ARGB32 surface as 0xRRGGBB. */
static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int ix = (int) floor (x), iy = (int) floor (y);

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));
  cairo_surface_flush (surface);
  return *(const guint32 *) (data + iy * stride + 4 * ix) & 0xffffff;
}

static guint32
rgb (const RlColor *c)
{
  return ((guint32) lround (c->r * 255) << 16) | ((guint32) lround (c->g * 255) << 8)
         | (guint32) lround (c->b * 255);
}

/* Whether two 0xRRGGBB colours differ by at most 1 in every channel. */
static gboolean
same_rgb (guint32 a,
          guint32 b)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 1)
      return FALSE;
  return TRUE;
}

static void
device_of (const RlMapView *view,
           double           lon,
           double           lat,
           double          *dx,
           double          *dy)
{
  double x, y;

  rl_geo_project (lon, lat, &x, &y);
  rl_map_view_to_device (view, x, y, dx, dy);
}

static void
assert_pixel (cairo_surface_t *surface,
              const RlMapView *view,
              double           lon,
              double           lat,
              guint32          expected)
{
  double dx, dy;
  guint32 got;

  device_of (view, lon, lat, &dx, &dy);
  got = pixel_at (surface, dx, dy);
  if (!same_rgb (got, expected))
    g_error ("pixel at %g E %g N (%.1f, %.1f) is #%06x, expected #%06x", lon, lat, dx, dy, got,
             expected);
}

/* Class of each feature: i mod 3, except a few chosen ones. */
static RlColor *
make_fills (const RlGeoLayer *layer)
{
  RlColor *fills = g_new (RlColor, layer->n_features);

  for (guint i = 0; i < layer->n_features; i++)
    fills[i] = classes[i % 3];
  fills[rl_geo_layer_find (layer, "RU-MOW")] = classes[2];
  fills[rl_geo_layer_find (layer, "RU-MOS")] = classes[0];
  fills[rl_geo_layer_find (layer, "RU-SA")] = classes[1];
  fills[rl_geo_layer_find (layer, "RU-KYA")] = RL_COLOR_NO_DATA;
  return fills;
}

static cairo_surface_t *
render (const RlMapView  *view,
        const RlGeoLayer *layer,
        const RlMapStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view->width,
                                                         view->height);
  cairo_t *cr = cairo_create (surface);

  rl_chart_map_draw (cr, view, layer, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  if (g_getenv ("RL_TEST_OUTPUT") != NULL)   /* for looking at the pictures */
    {
      g_autofree char *name = g_strdup_printf ("%s/map-%s.png", g_getenv ("RL_TEST_OUTPUT"),
                                               strrchr (g_test_get_path (), '/') + 1);
      cairo_surface_write_to_png (surface, name);
    }
  return surface;
}

static guint
count_colour (cairo_surface_t *surface,
              guint32          colour)
{
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      n += same_rgb (pixel_at (surface, x + 0.5, y + 0.5), colour);
  return n;
}

static void
test_view (void)
{
  g_autoptr(RlGeoLayer) ru = load_russia ();
  RlMapView view;
  double dx0, dy0, dx1, dy1;

  rl_map_view_set_viewport (&view, 0.0, 0.0, 1.0, 256.0, 300.0, 200.0);
  rl_assert_close (view.scale, 512.0, 1e-15);
  rl_map_view_to_device (&view, 0.5, 0.5, &dx0, &dy0);
  rl_assert_close (dx0, 150.0, 1e-12);
  rl_assert_close (dy0, 100.0, 1e-12);
  rl_map_view_from_device (&view, 406.0, 356.0, &dx1, &dy1);
  rl_assert_close (dx1, 1.0, 1e-12);
  rl_assert_close (dy1, 1.0, 1e-12);

  /* the fitted box touches the margins on one axis and is centred on the other */
  rl_map_view_fit (&view, ru, W, H, 10.0);
  rl_map_view_to_device (&view, ru->x_min, ru->y_min, &dx0, &dy0);
  rl_map_view_to_device (&view, ru->x_max, ru->y_max, &dx1, &dy1);
  g_assert_true (fabs (dx0 - 10.0) < 1e-9 || fabs (dy0 - 10.0) < 1e-9);
  rl_assert_close (dx0 + dx1, W, 1e-9);
  rl_assert_close (dy0 + dy1, H, 1e-9);
  g_assert_cmpfloat (dx0, >=, 10.0 - 1e-9);
  g_assert_cmpfloat (dy0, >=, 10.0 - 1e-9);
}

static void
test_draw_russia (void)
{
  g_autoptr(RlGeoLayer) ru = load_russia ();
  g_autofree RlColor *fills = make_fills (ru);
  RlMapStyle style;
  RlMapView view;
  cairo_surface_t *surface;
  guint32 bg;
  guint n_red;

  rl_map_style_init (&style);
  style.fills = fills;
  style.n_fills = ru->n_features;
  rl_map_view_fit (&view, ru, W, H, 10.0);
  surface = render (&view, ru, &style);
  bg = rgb (&style.background);

  assert_pixel (surface, &view, 129.7, 63.0, rgb (&classes[1]));     /* Yakutia */
  assert_pixel (surface, &view, 40.0, 74.0, bg);                     /* Barents Sea */
  assert_pixel (surface, &view, 150.0, 45.0, bg);                    /* Pacific */
  g_assert_true (same_rgb (pixel_at (surface, 1, 1), bg));
  n_red = count_colour (surface, rgb (&classes[0]));
  g_assert_cmpuint (n_red, >, 1000);
  g_assert_cmpuint (count_colour (surface, rgb (&classes[1])), >, 1000);
  g_assert_cmpuint (count_colour (surface, rgb (&classes[2])), >, 1000);
  g_assert_cmpuint (count_colour (surface, rgb (&style.no_data)), >, 1000);  /* Krasnoyarsk */
  cairo_surface_destroy (surface);

  /* without outlines the few pixels of Moscow and its oblast show their own classes */
  style.outline_width = 0.0;
  surface = render (&view, ru, &style);
  assert_pixel (surface, &view, 38.5, 55.5, rgb (&classes[0]));   /* Moscow Oblast */
  assert_pixel (surface, &view, 37.62, 55.75, rgb (&classes[2]));
  g_assert_cmpuint (count_colour (surface, rgb (&style.outline)), ==, 0);
  g_assert_cmpuint (count_colour (surface, rgb (&classes[0])), >, n_red + 100);  /* no borders */
  cairo_surface_destroy (surface);
}

static void
test_no_fills_and_highlight (void)
{
  g_autoptr(RlGeoLayer) ru = load_russia ();
  int sel[] = { rl_geo_layer_find (ru, "RU-SA"), 9999, -3 };   /* bad indices are ignored */
  RlMapStyle style;
  RlMapView view;
  cairo_surface_t *surface;

  rl_map_style_init (&style);
  style.hatch_no_data = FALSE;
  style.highlight = (RlColor) { 1.0, 0.0, 1.0, 1.0 };
  style.highlighted = sel;
  style.n_highlighted = G_N_ELEMENTS (sel);
  rl_map_view_fit (&view, ru, W, H, 10.0);
  surface = render (&view, ru, &style);
  assert_pixel (surface, &view, 100.0, 60.0, rgb (&style.no_data));
  assert_pixel (surface, &view, 129.7, 63.0, rgb (&style.no_data));
  g_assert_cmpuint (count_colour (surface, rgb (&style.highlight)), >, 300);
  cairo_surface_destroy (surface);
}

/* A user file cut at 180°: the edge along the antimeridian is not outlined. */
static void
test_seam_not_outlined (void)
{
  static const char json[] =
    "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\":"
    " {\"type\": \"Polygon\", \"coordinates\": [[[170, 60], [180, 60], [180, 65], [170, 65],"
    " [170, 60]]]}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(RlGeoLayer) layer = rl_geo_layer_load_data (json, -1, "seam", &error);
  RlMapStyle style;
  RlMapView view;
  cairo_surface_t *surface;
  guint32 black = 0;

  g_assert_no_error (error);
  rl_map_style_init (&style);
  style.outline = (RlColor) { 0, 0, 0, 1 };
  style.outline_width = 4.0;
  style.hatch_no_data = FALSE;
  rl_map_view_fit (&view, layer, 200, 200, 20.0);
  surface = render (&view, layer, &style);
  assert_pixel (surface, &view, 170.0, 62.5, black);   /* west edge: outlined */
  assert_pixel (surface, &view, 175.0, 60.0, black);   /* south edge: outlined */
  assert_pixel (surface, &view, 179.9, 62.5, rgb (&style.no_data));   /* inside the seam */
  cairo_surface_destroy (surface);
}

static void
test_pick (void)
{
  g_autoptr(RlGeoLayer) ru = load_russia ();
  RlMapView view;
  double dx, dy;

  rl_map_view_fit (&view, ru, W, H, 10.0);
  device_of (&view, 37.62, 55.75, &dx, &dy);
  g_assert_cmpint (rl_chart_map_pick (&view, ru, dx, dy), ==, rl_geo_layer_find (ru, "RU-MOW"));
  device_of (&view, 175.0, 66.5, &dx, &dy);
  g_assert_cmpint (rl_chart_map_pick (&view, ru, dx, dy), ==, rl_geo_layer_find (ru, "RU-CHU"));
  g_assert_cmpint (rl_chart_map_pick (&view, ru, 1, 1), ==, -1);
  g_assert_cmpint (rl_chart_map_pick (&view, ru, -50, 100), ==, -1);
  g_assert_cmpint (rl_chart_map_pick (&view, ru, W + 5, 100), ==, -1);
}

static void
test_legend (void)
{
  static const double breaks[] = { 0.0, 1.5, 3.0, 10.0 };
  static const char *const names[] = { "low need", "middle", "high need" };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 200);
  cairo_t *cr = cairo_create (surface);
  RlMapLegend legend;
  double w1, h1, w2, h2;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  rl_map_legend_init (&legend);
  legend.title = "Cluster";
  legend.colors = classes;
  legend.labels = names;
  legend.n = G_N_ELEMENTS (names);
  rl_chart_map_draw_legend (cr, &legend, 10, 10, &w1, &h1);
  g_assert_cmpfloat (w1, >, 20.0);
  g_assert_cmpfloat (h1, >, 3 * 14.0);
  /* the swatches sit below the title, one per class, in order */
  g_assert_cmpuint (count_colour (surface, rgb (&classes[0])), ==, 14 * 14);
  g_assert_cmpuint (count_colour (surface, rgb (&classes[2])), ==, 14 * 14);

  legend.labels = NULL;
  legend.breaks = breaks;
  legend.title = NULL;
  rl_chart_map_draw_legend (cr, &legend, 150, 10, &w2, &h2);
  g_assert_cmpfloat (h2, <, h1);   /* no title row */
  g_assert_cmpuint (count_colour (surface, rgb (&classes[1])), ==, 2 * 14 * 14);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart-map/view", test_view);
  g_test_add_func ("/chart-map/draw-russia", test_draw_russia);
  g_test_add_func ("/chart-map/no-fills-and-highlight", test_no_fills_and_highlight);
  g_test_add_func ("/chart-map/seam-not-outlined", test_seam_not_outlined);
  g_test_add_func ("/chart-map/pick", test_pick);
  g_test_add_func ("/chart-map/legend", test_legend);
  return g_test_run ();
}
