/* rl-progress.h — progress reporting for long-running core methods
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Called from the thread that runs the method, between iterations, with the
 * fraction done in [0, 1]. It must not touch widgets: the application stores
 * the value under a mutex and delivers it from an idle callback. */
typedef void (*RlProgressFunc) (double   fraction,
                                gpointer user_data);

static inline void
rl_progress_report (RlProgressFunc func,
                    gpointer       user_data,
                    double         fraction)
{
  if (func != NULL)
    func (CLAMP (fraction, 0.0, 1.0), user_data);
}

G_END_DECLS
