/* fuzz-sidecar.c — the indicator sidecar of a panel (JSON) read with rl_panel_load_sidecar
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
  g_autoptr(RlPanel) panel = rl_panel_new ();
  g_autofree char *json = NULL;

  rl_fuzz_init ();
  rl_panel_add_region (panel, "RU-MOW", "Moscow");
  rl_panel_add_indicator (panel, "poverty_percent");
  rl_panel_add_indicator (panel, "income");
  rl_panel_set (panel, 0, 0, 2020, 1.0);
  path = rl_fuzz_write_file ("input.indicators.json", data, size);
  rl_panel_load_sidecar (panel, path, NULL);
  for (const char *const *lang = (const char *const[]) { "en", "ru", "uk", NULL }; *lang; lang++)
    {
      rl_panel_set_language (panel, *lang);
      for (guint i = 0; i < rl_panel_n_indicators (panel); i++)
        g_assert_nonnull (rl_panel_indicator_label (panel, i));
    }
  json = rl_panel_sidecar_to_json (panel);
  return 0;
}
