/* rl-plot-view.h — the Plots view: a chart chooser and the chart of the analysis
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rl-analysis.h"
#include "rl-chart-build.h"
#include "rl-panel.h"
#include "rl-selection.h"

G_BEGIN_DECLS

#define RL_TYPE_PLOT_VIEW (rl_plot_view_get_type ())

G_DECLARE_FINAL_TYPE (RlPlotView, rl_plot_view, RL, PLOT_VIEW, GtkWidget)

GtkWidget   *rl_plot_view_new          (RlSelection       *selection);
/* The caller owns @panel and @analysis and keeps them alive until it calls
 * this again (with new ones or NULLs) before freeing them. */
void         rl_plot_view_set_analysis (RlPlotView        *view,
                                        const RlPanel     *panel,
                                        const RlAnalysis  *analysis);
/* The chart shown, for export; NULL when none can be drawn. */
RlChartPlan *rl_plot_view_get_plan     (RlPlotView        *view);
/* The chart chosen, and the options of the scatter (x and y) and of the
 * grouping (the indicator grouped, and the one averaged per group, whose η
 * the chart gives): indicator ids of the analysis frame; NULL = the chart's
 * default (for the target: the need score). */
RlChartKind  rl_plot_view_get_kind     (RlPlotView        *view);
void         rl_plot_view_set_kind     (RlPlotView        *view,
                                        RlChartKind        kind);
void         rl_plot_view_set_features (RlPlotView        *view,
                                        const char        *x_feature,
                                        const char        *y_feature,
                                        const char        *grouped_feature,
                                        const char        *target_feature);
/* The message shown instead of the chart, or NULL when a chart is shown. */
const char  *rl_plot_view_get_message  (RlPlotView        *view);
/* The chart style in use (light or dark, following the desktop). */
const RlChartStyle *rl_plot_view_get_style (RlPlotView   *view);

/* What a click and a rubber-band drag at chart coordinates do: the view's
 * gestures call these with the pointer's modifiers (shift or ctrl toggles a
 * region or extends the band's selection). From the keyboard, Escape
 * ("plot.clear-selection") clears and Ctrl+A ("plot.select-all") selects
 * every region of the analysis. */
void         rl_plot_view_click        (RlPlotView        *view,
                                        double             x,
                                        double             y,
                                        GdkModifierType    modifiers);
void         rl_plot_view_select_rect  (RlPlotView        *view,
                                        double             x0,
                                        double             y0,
                                        double             x1,
                                        double             y1,
                                        GdkModifierType    modifiers);
/* The drawing area the chart is painted in (its coordinates are chart coordinates). */
GtkWidget   *rl_plot_view_get_canvas   (RlPlotView        *view);

G_END_DECLS
