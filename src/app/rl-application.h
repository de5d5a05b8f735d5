/* rl-application.h — the application: actions, shortcuts, settings
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RL_APPLICATION_ID "io.github.regionlab.RegionLab"
#define RL_TYPE_APPLICATION (rl_application_get_type ())

G_DECLARE_FINAL_TYPE (RlApplication, rl_application, RL, APPLICATION, AdwApplication)

RlApplication *rl_application_new          (void);
GSettings     *rl_application_get_settings (RlApplication *self);

G_END_DECLS
