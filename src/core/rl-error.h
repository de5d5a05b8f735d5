/* rl-error.h — the core's error domain
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RL_ERROR (rl_error_quark ())

typedef enum
{
  RL_ERROR_IO,          /* a file could not be read or written */
  RL_ERROR_PARSE,       /* the content is not what was expected (names file, row, column) */
  RL_ERROR_INVALID,     /* an argument or option is out of range (k > n, unknown name …) */
  RL_ERROR_NUMERIC,     /* a numerical method failed (singular matrix, no convergence) */
  RL_ERROR_CANCELLED,   /* the caller's GCancellable was triggered */
  RL_ERROR_UNSUPPORTED, /* a format or feature this build does not handle */
} RlError;

GQuark rl_error_quark (void);

void     rl_gsl_init (void);
gboolean rl_gsl_check (int status, const char *what, GError **error);

G_END_DECLS
