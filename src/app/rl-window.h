/* rl-window.h — the main window
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rl-analysis-runner.h"
#include "rl-application.h"
#include "rl-selection.h"
#include "rl-settings-panel.h"

G_BEGIN_DECLS

#define RL_TYPE_WINDOW (rl_window_get_type ())

G_DECLARE_FINAL_TYPE (RlWindow, rl_window, RL, WINDOW, AdwApplicationWindow)

RlWindow *rl_window_new              (RlApplication *application);
/* Reads the file on a worker thread and shows it when it is in; a failure
 * is a toast, and the panel shown before stays. A spreadsheet (.xls, .xlsx,
 * .ods) is imported as rl_window_open_files() does. */
void      rl_window_open_file        (RlWindow      *self,
                                      GFile         *file);
void      rl_window_show_preferences (RlWindow      *self);
/* One panel (a single CSV), or the statistics office's spreadsheets
 * imported together with the shipped recipes, on a worker thread. */
void      rl_window_open_files       (RlWindow      *self,
                                      GFile        **files,
                                      guint          n_files);
/* Writes the panel shown (with its sidecar) to @path, e.g. one imported
 * from spreadsheets, so that it opens again without the import. */
gboolean  rl_window_save_panel       (RlWindow      *self,
                                      const char    *path,
                                      GError       **error);
void      rl_window_show_toast       (RlWindow      *self,
                                      const char    *message);

/* For tests and the application: the parts of the window. */
RlSettingsPanel  *rl_window_get_settings_panel (RlWindow   *self);
RlAnalysisRunner *rl_window_get_runner         (RlWindow   *self);
RlSelection      *rl_window_get_selection      (RlWindow   *self);
/* The panel opened last, or NULL. */
const RlPanel    *rl_window_get_panel          (RlWindow   *self);
/* The analysis the views show, or NULL. */
const RlAnalysis *rl_window_get_analysis       (RlWindow   *self);
/* The page widget "map" (RlMapWidget), "plots" (RlPlotView) or "table" (RlTableView). */
GtkWidget        *rl_window_get_view           (RlWindow   *self,
                                                const char *name);

G_END_DECLS
