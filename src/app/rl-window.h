/* rl-window.h — the main window
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rl-application.h"

G_BEGIN_DECLS

#define RL_TYPE_WINDOW (rl_window_get_type ())

G_DECLARE_FINAL_TYPE (RlWindow, rl_window, RL, WINDOW, AdwApplicationWindow)

RlWindow *rl_window_new              (RlApplication *application);
void      rl_window_open_file        (RlWindow      *self,
                                      GFile         *file);
void      rl_window_show_preferences (RlWindow      *self);
void      rl_window_show_toast       (RlWindow      *self,
                                      const char    *message);

G_END_DECLS
