/* rl-map-view.h — the map page: regions tinted on a libshumate map
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widget type is RlMapWidget: RlMapView is the charts library's view
 * transform (rl-chart-map.h).
 */
#pragma once

#include <gtk/gtk.h>

#include "rl-analysis.h"
#include "rl-chart-build.h"
#include "rl-selection.h"

G_BEGIN_DECLS

#define RL_TYPE_MAP_WIDGET (rl_map_widget_get_type ())

G_DECLARE_FINAL_TYPE (RlMapWidget, rl_map_widget, RL, MAP_WIDGET, GtkWidget)

GtkWidget         *rl_map_widget_new             (RlSelection      *selection);
/* Shows @analysis of @panel (both must outlive the next call or the widget);
 * loads the built-in boundaries of the panel's country unless the user's
 * own are loaded. NULL clears the map. */
void               rl_map_widget_set_analysis    (RlMapWidget      *self,
                                                  const RlPanel    *panel,
                                                  const RlAnalysis *analysis);
void               rl_map_widget_set_color_by    (RlMapWidget      *self,
                                                  RlMapColorBy      color_by);
/* Loads the user's GeoJSON (WGS84); features are matched to the panel's
 * regions by code, else by name. */
gboolean           rl_map_widget_load_boundaries (RlMapWidget      *self,
                                                  const char       *path,
                                                  GError          **error);
/* The map chart of what is shown, for export; NULL before an analysis. */
const RlChartPlan *rl_map_widget_get_plan        (RlMapWidget      *self);
/* Region fills (per boundary feature) as drawn, or NULL. */
const RlMapPaint  *rl_map_widget_get_paint       (RlMapWidget      *self);
/* Whether the regions on screen are drawn with the current colours and
 * zoom (a new drawing is made on a worker thread). */
gboolean           rl_map_widget_is_current      (RlMapWidget      *self);
/* The details dialog of panel region @region. */
void               rl_map_widget_show_details    (RlMapWidget      *self,
                                                  guint             region);

G_END_DECLS
