/* fuzz-panel.c — a panel CSV (long or wide) read with rl_panel_load
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-fuzz.h"

#include "rl-panel.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = NULL;
  g_autoptr(RlPanel) panel = NULL;
  g_autoptr(GArray) years = NULL;
  g_autofree char *json = NULL;

  rl_fuzz_init ();
  path = rl_fuzz_write_file ("input.csv", data, size);
  panel = rl_panel_load (path, NULL);
  if (panel == NULL)
    return 0;
  years = rl_panel_years (panel);
  for (guint r = 0; r < rl_panel_n_regions (panel); r++)
    {
      g_assert_nonnull (rl_panel_region_label (panel, r));
      for (guint i = 0; i < rl_panel_n_indicators (panel); i++)
        for (guint y = 0; y < years->len; y++)
          rl_panel_get (panel, r, i, g_array_index (years, int, y));
    }
  for (guint i = 0; i < rl_panel_n_indicators (panel); i++)
    g_assert_nonnull (rl_panel_indicator_label (panel, i));
  rl_panel_count_values (panel);
  json = rl_panel_sidecar_to_json (panel);
  return 0;
}
