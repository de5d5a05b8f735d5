/* rl-chart-map.h — the region map drawn with cairo: fills, outlines, legend, picking
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "rl-chart.h"
#include "rl-geo.h"

G_BEGIN_DECLS

/* What part of the normalised Web Mercator plane (see rl_geo_project()) is
 * shown, and how big: device x = (x − center_x) · scale + width / 2, and the
 * same for y. With libshumate, scale = tile size · 2^zoom (its map size in
 * pixels) and the centre is the viewport's location projected. */
typedef struct
{
  double center_x;
  double center_y;
  double scale;    /* device pixels per unit of normalised Mercator (the whole world = 1) */
  double width;    /* device size of the view in pixels */
  double height;
} RlMapView;

/* A fill colour with a negative alpha marks a region without data. */
#define RL_COLOR_NO_DATA ((RlColor) { 0.0, 0.0, 0.0, -1.0 })

typedef struct
{
  RlColor        background;       /* painted over the view first; alpha 0 leaves it as is */
  const RlColor *fills;            /* n_fills colours indexed by feature; NULL = no data */
  guint          n_fills;
  RlColor        no_data;          /* fill of regions without data (past n_fills or a < 0) */
  gboolean       hatch_no_data;    /* hatch them over that fill */
  RlColor        outline;
  double         outline_width;    /* device pixels; 0 = no outlines */
  const int     *highlighted;      /* feature indices drawn with a thicker outline */
  guint          n_highlighted;
  RlColor        highlight;
  double         highlight_width;
} RlMapStyle;

/* A legend: categorical (one swatch per label) when breaks is NULL, otherwise
 * sequential classes, class i spanning breaks[i] … breaks[i + 1] (n + 1 breaks)
 * and labelled by them unless labels are given. */
typedef struct
{
  const char        *title;         /* may be NULL */
  const RlColor     *colors;
  const char *const *labels;        /* n labels, or NULL with breaks */
  const double      *breaks;
  guint              n;
  const char        *font;          /* Pango font description; NULL = "Sans 10" */
  RlColor            text;
  RlColor            frame_fill;    /* alpha 0 = no frame */
} RlMapLegend;

void rl_map_view_init          (RlMapView        *view,
                                double            width,
                                double            height);
void rl_map_view_set_viewport  (RlMapView        *view,
                                double            lon,
                                double            lat,
                                double            zoom,
                                double            tile_size,
                                double            width,
                                double            height);
void rl_map_view_fit           (RlMapView        *view,
                                const RlGeoLayer *layer,
                                double            width,
                                double            height,
                                double            margin);
void rl_map_view_to_device     (const RlMapView  *view,
                                double            x,
                                double            y,
                                double           *dx,
                                double           *dy);
void rl_map_view_from_device   (const RlMapView  *view,
                                double            dx,
                                double            dy,
                                double           *x,
                                double           *y);

void rl_map_style_init         (RlMapStyle       *style);
void rl_map_legend_init        (RlMapLegend      *legend);

void rl_chart_map_draw         (cairo_t          *cr,
                                const RlMapView  *view,
                                const RlGeoLayer *layer,
                                const RlMapStyle *style);
int  rl_chart_map_pick         (const RlMapView  *view,
                                const RlGeoLayer *layer,
                                double            dx,
                                double            dy);
void rl_chart_map_draw_legend  (cairo_t           *cr,
                                const RlMapLegend *legend,
                                double             x,
                                double             y,
                                double            *width,
                                double            *height);

G_END_DECLS
