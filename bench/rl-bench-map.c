/* rl-bench-map.c — time to draw one map frame into an image surface
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: rl-bench-map [ru.geojson] [frames]
 * Draws the Russian layer and a synthetic municipal-scale layer (a 50 × 50
 * grid of 64-vertex polygons over Russia's bounding box, 2,500 features) at
 * 1280 × 800, and prints the median CPU time per frame and the mean per pick.
 */
#include <math.h>
#include <stdio.h>
#include <time.h>

#include "rl-chart-map.h"
#include "rl-config.h"

#define WIDTH 1280
#define HEIGHT 800
#define GRID 50
#define SIDE 16   /* vertices per side of a grid polygon */

/* CPU time of this process in ms: the machine is shared, so wall time is not. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* One cell: a square with wavy sides, so the outline is not trivially straight. */
static void
append_cell (GString *json,
             double   lon0,
             double   lat0,
             double   dlon,
             double   dlat)
{
  const double corners[5][2] = { { 0, 0 }, { 1, 0 }, { 1, 1 }, { 0, 1 }, { 0, 0 } };

  g_string_append (json, "{\"type\":\"Feature\",\"properties\":{},\"geometry\":"
                         "{\"type\":\"Polygon\",\"coordinates\":[[");
  for (int c = 0; c < 4; c++)
    for (int s = 0; s < SIDE; s++)
      {
        double t = (double) s / SIDE, w = 0.02 * sin (t * G_PI * 3);
        double u = corners[c][0] + t * (corners[c + 1][0] - corners[c][0]) + w;
        double v = corners[c][1] + t * (corners[c + 1][1] - corners[c][1]) + w;

        g_string_append_printf (json, "[%.5f,%.5f],", lon0 + u * dlon, lat0 + v * dlat);
      }
  g_string_append_printf (json, "[%.5f,%.5f]]]}}", lon0, lat0);
}

static RlGeoLayer *
synthetic_layer (const RlGeoLayer *ru)
{
  g_autoptr(GString) json = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[");
  double dlon = (ru->lon_max - ru->lon_min) / GRID, dlat = (ru->lat_max - ru->lat_min) / GRID;
  g_autoptr(GError) error = NULL;
  RlGeoLayer *layer;

  for (int i = 0; i < GRID; i++)
    for (int j = 0; j < GRID; j++)
      {
        if (i + j > 0)
          g_string_append_c (json, ',');
        append_cell (json, ru->lon_min + j * dlon, ru->lat_min + i * dlat, dlon, dlat);
      }
  g_string_append (json, "]}");
  layer = rl_geo_layer_load_data (json->str, json->len, "synthetic grid", &error);
  if (layer == NULL)
    g_error ("%s", error->message);
  return layer;
}

static double
median_frame_ms (const RlGeoLayer *layer,
                 int               frames)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autofree RlColor *fills = g_new (RlColor, layer->n_features);
  g_autofree double *ms = g_new (double, frames);
  RlMapStyle style;
  RlMapView view;
  int hl[] = { 0, 3 };

  for (guint i = 0; i < layer->n_features; i++)
    fills[i] = (RlColor) { (i % 5) / 5.0, 0.5, 1.0 - (i % 7) / 7.0, 1.0 };
  rl_map_style_init (&style);
  style.fills = fills;
  style.n_fills = layer->n_features;
  style.highlighted = hl;
  style.n_highlighted = G_N_ELEMENTS (hl);
  rl_map_view_fit (&view, layer, WIDTH, HEIGHT, 10.0);
  for (int f = 0; f < frames; f++)
    {
      double t0 = cpu_ms ();

      rl_chart_map_draw (cr, &view, layer, &style);
      cairo_surface_flush (surface);
      ms[f] = cpu_ms () - t0;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  qsort (ms, frames, sizeof *ms, compare_doubles);
  return ms[frames / 2];
}

static double
mean_pick_us (const RlGeoLayer *layer)
{
  RlMapView view;
  double t0;
  int n = 0, hits = 0;

  rl_map_view_fit (&view, layer, WIDTH, HEIGHT, 10.0);
  t0 = cpu_ms ();
  for (int y = 0; y < HEIGHT; y += 20)
    for (int x = 0; x < WIDTH; x += 20, n++)
      hits += rl_chart_map_pick (&view, layer, x, y) >= 0;
  if (hits == 0)
    fprintf (stderr, "no pick hit anything\n");
  return (cpu_ms () - t0) * 1e3 / n;
}

static void
report (const char       *what,
        const RlGeoLayer *layer,
        int               frames)
{
  guint points = 0;

  for (guint i = 0; i < layer->n_features; i++)
    for (guint r = 0; r < layer->features[i].n_rings; r++)
      points += layer->features[i].rings[r].n_points;
  printf ("%-22s %5u features %7u points  frame %dx%d: %7.2f ms CPU (median of %d)  pick: %6.1f us\n",
          what, layer->n_features, points, WIDTH, HEIGHT, median_frame_ms (layer, frames), frames,
          mean_pick_us (layer));
}

int
main (int argc, char *argv[])
{
  g_autofree char *fallback = g_build_filename (RL_SOURCE_DATADIR, "boundaries", "ru.geojson",
                                                NULL);
  const char *path = argc > 1 ? argv[1] : fallback;
  int frames = argc > 2 ? atoi (argv[2]) : 20;
  g_autoptr(GError) error = NULL;
  g_autoptr(RlGeoLayer) ru = NULL;
  g_autoptr(RlGeoLayer) grid = NULL;
  double t0 = cpu_ms ();

  ru = rl_geo_layer_load (path, &error);
  if (ru == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("load %s: %.1f ms\n", path, cpu_ms () - t0);
  frames = MAX (frames, 1);
  report ("Russia (85 subjects)", ru, frames);
  grid = synthetic_layer (ru);
  report ("synthetic grid", grid, frames);
  return 0;
}
