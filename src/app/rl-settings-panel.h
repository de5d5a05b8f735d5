/* rl-settings-panel.h — the side panel of analysis settings
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rl-analysis.h"
#include "rl-panel.h"

G_BEGIN_DECLS

#define RL_TYPE_SETTINGS_PANEL (rl_settings_panel_get_type ())

G_DECLARE_FINAL_TYPE (RlSettingsPanel, rl_settings_panel, RL, SETTINGS_PANEL, GtkBox)

/* "changed" is emitted once per user change of any setting (and after
 * rl_settings_panel_set_panel()); the window re-runs the analysis on it. */
GtkWidget      *rl_settings_panel_new        (void);
/* Fills years and indicators from @panel (not kept) and picks defaults:
 * the year with the most values and the indicators covering most regions in it. */
void            rl_settings_panel_set_panel  (RlSettingsPanel *self,
                                              const RlPanel   *panel);
/* The analysis the settings describe, or NULL before a panel is set. */
RlAnalysisSpec *rl_settings_panel_get_spec   (RlSettingsPanel *self);

void            rl_settings_panel_set_method (RlSettingsPanel *self,
                                              RlMethod         method);
void            rl_settings_panel_set_k      (RlSettingsPanel *self,
                                              guint            k);
/* Iterations T of the evolutionary methods. */
void            rl_settings_panel_set_iterations (RlSettingsPanel *self,
                                                  guint            iterations);

G_END_DECLS
