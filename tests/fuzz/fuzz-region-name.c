/* fuzz-region-name.c — region-name normalisation, reduction, similarity and matching
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-fuzz.h"

#include "rl-gazetteer.h"
#include "rl-region-name.h"

#include <string.h>

/* The input is a label; up to its first newline it is also compared with
 * what follows, and matched against the built-in Russian gazetteer. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static RlGazetteer *ru;
  g_autofree char *label = NULL;
  g_autofree char *key = NULL, *reduced = NULL;
  char *newline;
  gboolean dated = FALSE;

  rl_fuzz_init ();
  if (ru == NULL)
    {
      g_autoptr(GError) error = NULL;

      ru = rl_gazetteer_load_builtin ("ru", &error);
      g_assert_no_error (error);
    }
  label = rl_fuzz_strdup (data, size);
  if (!g_utf8_validate (label, -1, NULL))
    {
      /* the readers give only UTF-8; the matcher must still not crash */
      rl_gazetteer_match (ru, label);
      return 0;
    }
  key = rl_region_name_normalize (label);
  reduced = rl_region_name_reduce (key, &dated);
  g_assert_true (g_utf8_validate (key, -1, NULL));
  g_assert_true (g_utf8_validate (reduced, -1, NULL));
  rl_gazetteer_match (ru, label);
  newline = strchr (label, '\n');
  if (newline != NULL)
    {
      glong len_a = 0, len_b = 0;
      g_autofree gunichar *a = NULL, *b = NULL;
      double sim;

      *newline = '\0';
      a = g_utf8_to_ucs4_fast (label, -1, &len_a);
      b = g_utf8_to_ucs4_fast (newline + 1, -1, &len_b);
      if (len_a <= 512 && len_b <= 512)
        {
          g_autofree guint *row = g_new (guint, MAX (len_a, len_b) + 1);

          sim = rl_region_name_similarity (a, len_a, b, len_b, row);
          g_assert_true (sim >= 0.0 && sim <= 1.0);
        }
    }
  return 0;
}
