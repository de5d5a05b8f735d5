/* fuzz-gazetteer.c — a gazetteer TSV read with rl_gazetteer_load, then labels matched against it
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-fuzz.h"

#include "rl-gazetteer.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *labels[] = { "Москва", "г. Москва", "Республика Тыва", "Kyiv", "" };
  g_autofree char *path = NULL;
  g_autoptr(RlGazetteer) gaz = NULL;

  rl_fuzz_init ();
  path = rl_fuzz_write_file ("input.tsv", data, size);
  gaz = rl_gazetteer_load (path, NULL);
  if (gaz == NULL)
    return 0;
  for (guint i = 0; i < rl_gazetteer_get_n_entries (gaz); i++)
    {
      const RlGazetteerEntry *entry = rl_gazetteer_get_entry (gaz, i);
      RlMatch match = rl_gazetteer_match (gaz, entry->name);

      g_assert_true (rl_match_is_resolved (&match) || match.status == RL_MATCH_AMBIGUOUS);
      g_assert_true (rl_gazetteer_lookup_code (gaz, entry->code) != NULL);
      rl_gazetteer_get_district (gaz, entry);
      rl_gazetteer_entry_name_in (entry, "uk", "ru");
      for (guint a = 0; a < entry->n_aliases; a++)
        rl_gazetteer_match (gaz, entry->aliases[a]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    rl_gazetteer_match (gaz, labels[i]);
  return 0;
}
