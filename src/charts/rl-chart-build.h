/* rl-chart-build.h — every chart of an analysis, ready to draw, pick and export
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "rl-analysis.h"
#include "rl-chart.h"
#include "rl-classify.h"
#include "rl-geo.h"
#include "rl-panel.h"

G_BEGIN_DECLS

/* The charts of the plot view and of `regionlab-cli plot --chart NAME`. */
typedef enum
{
  RL_CHART_KIND_SCATTER,      /* two indicators (original units), coloured by cluster */
  RL_CHART_KIND_PCA,          /* the first two principal components */
  RL_CHART_KIND_ELBOW,        /* inertia and f_k over k (needs select_k) */
  RL_CHART_KIND_GROWTH,       /* the paper's growth ratio f(k+1)/f(k) */
  RL_CHART_KIND_BIC,          /* BIC (and AIC) per covariance type over k */
  RL_CHART_KIND_SILHOUETTE,
  RL_CHART_KIND_DENDROGRAM,   /* with the cut at k */
  RL_CHART_KIND_HEATMAP,      /* correlation of the indicators */
  RL_CHART_KIND_RATING,       /* need score bars, top 10 red, 11–20 yellow, rank intervals */
  RL_CHART_KIND_CONVERGENCE,  /* best f_k per iteration of an evolutionary method */
  RL_CHART_KIND_GROUPING,     /* Sturges grouping histogram of an indicator, with η */
  RL_CHART_KIND_MAP,          /* the regions tinted (see RlMapColorBy) */
  RL_N_CHART_KINDS
} RlChartKind;

/* CLI names: scatter, pca, elbow, growth, bic, silhouette, dendrogram,
 * heatmap, rating, convergence, grouping, map. */
const char *rl_chart_kind_to_string   (RlChartKind  kind);
gboolean    rl_chart_kind_from_string (const char  *name,
                                       RlChartKind *kind);
/* Translated title for menus (English here; the app wraps it in _()). */
const char *rl_chart_kind_title       (RlChartKind  kind);

typedef enum
{
  RL_MAP_COLOR_CLUSTER,    /* categorical palette, one colour per cluster */
  RL_MAP_COLOR_RATING,     /* ranks 1–10 red, 11–20 yellow, others neutral */
  RL_MAP_COLOR_INDICATOR,  /* sequential palette over classes of one indicator */
} RlMapColorBy;

typedef struct
{
  RlChartKind   kind;
  const char   *x_feature;      /* scatter: indicator ids; NULL = the first two features */
  const char   *y_feature;
  const char   *feature;        /* grouping / map by indicator: indicator id; NULL = the first */
  RlMapColorBy  color_by;       /* map */
  RlClasses     classes;        /* map by indicator */
  guint         n_classes;      /* 5 */
  const RlGeoLayer *boundaries; /* map: polygons keyed by region code; not owned, must outlive the plan */
} RlChartRequest;

void rl_chart_request_init (RlChartRequest *request);

/* A chart built from one analysis: owns its data, knows which panel region
 * each mark stands for. The panel and analysis must outlive the plan. */
typedef struct _RlChartPlan RlChartPlan;

/* Fails with a message for people when the analysis lacks what the chart
 * needs (e.g. "The elbow chart needs k from 2 to 9: turn on choosing k"). */
RlChartPlan *rl_chart_plan_new          (const RlPanel        *panel,
                                         const RlAnalysis     *analysis,
                                         const RlChartRequest *request,
                                         GError              **error);
void         rl_chart_plan_free         (RlChartPlan          *plan);
RlChartKind  rl_chart_plan_kind         (const RlChartPlan    *plan);

/* Marks selected panel regions (scatter points ringed, table rows, map
 * outlines, dendrogram leaves, rating bars); @regions are panel region indices. */
void         rl_chart_plan_set_selected (RlChartPlan          *plan,
                                         const guint          *regions,
                                         guint                 n);
void         rl_chart_plan_draw         (const RlChartPlan    *plan,
                                         cairo_t              *cr,
                                         int                   width,
                                         int                   height,
                                         const RlChartStyle   *style);
/* The panel region under (@x, @y) of a chart drawn at @width × @height, or −1. */
int          rl_chart_plan_pick         (const RlChartPlan    *plan,
                                         const RlChartStyle   *style,
                                         int                   width,
                                         int                   height,
                                         double                x,
                                         double                y);
/* Panel regions inside the device rectangle (scatter, PCA and map; empty for
 * the others); never NULL, free with g_array_unref(). */
GArray      *rl_chart_plan_regions_in_rect (const RlChartPlan  *plan,
                                            const RlChartStyle *style,
                                            int                 width,
                                            int                 height,
                                            double              x0,
                                            double              y0,
                                            double              x1,
                                            double              y1);
/* A hover text for panel region @region: name, value(s), cluster, rank (Pango markup-free). */
char        *rl_chart_plan_describe     (const RlChartPlan    *plan,
                                         int                   region);
/* PNG, SVG or PDF by the extension of @path. */
gboolean     rl_chart_plan_export       (const RlChartPlan    *plan,
                                         const char           *path,
                                         int                   width,
                                         int                   height,
                                         const RlChartStyle   *style,
                                         GError              **error);

/* The map tint shared by the map view (a ShumateLayer drawing the same
 * polygons) and the map chart: one fill per boundary feature, and a legend. */
typedef struct
{
  guint      n_fills;         /* = boundaries->n_features */
  RlColor   *fills;           /* alpha < 0: the feature's region has no data */
  int       *feature_region;  /* per feature: panel region index, or −1 */
  GPtrArray *legend_labels;   /* of char* */
  GArray    *legend_colors;   /* of RlColor */
  double    *legend_breaks;   /* n_classes + 1 class limits with RL_MAP_COLOR_INDICATOR, else NULL */
  char      *legend_title;
  GPtrArray *unmapped;        /* of char*: labels of regions with data but no polygon */
} RlMapPaint;

RlMapPaint *rl_map_paint_new  (const RlPanel        *panel,
                               const RlAnalysis     *analysis,
                               const RlGeoLayer     *boundaries,
                               const RlChartRequest *request,
                               const RlChartStyle   *style,
                               GError              **error);
void        rl_map_paint_free (RlMapPaint           *paint);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlChartPlan, rl_chart_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlMapPaint, rl_map_paint_free)

G_END_DECLS
