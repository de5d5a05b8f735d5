/* rl-test.h — small helpers shared by the test programs
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <math.h>

/* Path of a file in tests/data (RL_TEST_DATA is set by meson test). */
static inline char *
rl_test_data_path (const char *name)
{
  const char *dir = g_getenv ("RL_TEST_DATA");

  return g_build_filename (dir != NULL ? dir : "tests/data", name, NULL);
}

/* Asserts |a − b| <= tol · max(1, |b|). */
#define rl_assert_close(a, b, tol)                                                       \
  G_STMT_START {                                                                         \
    double _a = (a), _b = (b), _t = (tol) * MAX (1.0, fabs (_b));                         \
    if (!(fabs (_a - _b) <= _t))                                                         \
      g_error ("%s:%d: %s = %.12g, expected %s = %.12g (tolerance %.3g)", __FILE__,      \
               __LINE__, #a, _a, #b, _b, _t);                                            \
  } G_STMT_END
