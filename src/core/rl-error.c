/* rl-error.c — the core's error domain
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-error.h"

#include <gsl/gsl_errno.h>

G_DEFINE_QUARK (rl-error-quark, rl_error)

/* GSL aborts on error unless told otherwise; every entry point that calls GSL
 * calls this first (it is idempotent and thread-safe). */
void
rl_gsl_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      gsl_set_error_handler_off ();
      g_once_init_leave (&done, 1);
    }
}

/* Turns a GSL status code into a GError in the RL_ERROR domain. */
gboolean
rl_gsl_check (int         status,
              const char *what,
              GError    **error)
{
  if (status == GSL_SUCCESS)
    return TRUE;
  g_set_error (error, RL_ERROR, RL_ERROR_NUMERIC, "%s: %s", what, gsl_strerror (status));
  return FALSE;
}
