/* rl-chart-build-private.h — the chart plan's insides, shared by its source files
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-chart-build.h"
#include "rl-chart-dendrogram.h"
#include "rl-chart-grouping.h"
#include "rl-chart-heatmap.h"
#include "rl-chart-lines.h"
#include "rl-chart-map.h"
#include "rl-chart-rating.h"
#include "rl-chart-scatter.h"
#include "rl-chart-silhouette.h"

G_BEGIN_DECLS

struct _RlChartPlan
{
  RlChartKind       kind;
  const RlPanel    *panel;
  const RlAnalysis *analysis;
  GPtrArray        *owned;        /* of g_free-able blocks the chart structs point to */
  gboolean         *selected;     /* one flag per frame row */
  GArray           *extra;        /* of guint: indicators shown by the chart but not in the frame */
  union
  {
    RlChartScatter     scatter;
    RlChartElbow       elbow;
    RlChartCriteria    criteria;
    RlChartSilhouette  silhouette;
    RlChartDendrogram  dendrogram;
    RlChartHeatmap     heatmap;
    RlChartRating      rating;
    RlChartConvergence convergence;
    RlChartGrouping    grouping;
  } chart;
  /* the map */
  char             *title;
  const char       *legend_title; /* the paint's, or the unit when the title names the indicator */
  RlChartRequest    request;      /* a copy; feature and the scatter ones point to owned copies */
  const RlGeoLayer *boundaries;
  RlMapPaint       *paint;        /* in the light style: legend sizes, regions of features */
  GArray           *highlighted;  /* of int: features of the selected regions */
};

/* Where the map chart puts its parts at a given size. */
typedef struct
{
  RlMapView view;
  double    map_x, map_y;       /* top-left corner of the map area */
  double    legend_x, legend_y;
  double    title_y, caption_y;
  char     *caption;            /* unmapped regions; may be NULL */
} RlMapChartLayout;

gpointer  rl_chart_plan_keep          (RlChartPlan        *plan,
                                       gpointer            block);
char     *rl_chart_indicator_title    (const RlPanel      *panel,
                                       guint               indicator);

gboolean  rl_chart_plan_build_map     (RlChartPlan        *plan,
                                       const RlChartRequest *request,
                                       GError            **error);
void      rl_map_chart_layout         (const RlChartPlan  *plan,
                                       cairo_t            *cr,
                                       const RlChartStyle *style,
                                       int                 width,
                                       int                 height,
                                       RlMapChartLayout   *layout);
void      rl_map_chart_draw           (const RlChartPlan  *plan,
                                       cairo_t            *cr,
                                       int                 width,
                                       int                 height,
                                       const RlChartStyle *style);
int       rl_map_chart_pick           (const RlChartPlan  *plan,
                                       const RlChartStyle *style,
                                       int                 width,
                                       int                 height,
                                       double              x,
                                       double              y);
void      rl_map_chart_regions_in_rect (const RlChartPlan  *plan,
                                        const RlChartStyle *style,
                                        int                 width,
                                        int                 height,
                                        double              x0,
                                        double              y0,
                                        double              x1,
                                        double              y1,
                                        GArray             *regions);
void      rl_map_chart_set_selected   (RlChartPlan        *plan,
                                       const guint        *regions,
                                       guint               n);

G_END_DECLS
