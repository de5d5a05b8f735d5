/* rl-test-recipe.h — what the recipe tests share
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

#include "rl-panel.h"

/* The panel's value, or NaN when the region or indicator is absent. */
static inline double
value_of (const RlPanel *panel,
          const char    *code,
          const char    *indicator,
          int            year)
{
  int r = rl_panel_find_region (panel, code);
  int j = rl_panel_find_indicator (panel, indicator);

  return r < 0 || j < 0 ? NAN : rl_panel_get (panel, r, j, year);
}
