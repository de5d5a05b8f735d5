/* rl-synth.c — synthetic test data sets
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-synth.h"

#include <gsl/gsl_randist.h>

#include "rl-error.h"
#include "rl-rng.h"

#define AUX_BOX   30.0
#define AUX_SIGMA 4.5

gsl_matrix *
rl_synth_paper_auxiliary (guint64  seed,
                          double **centres_out)
{
  g_autoptr(gsl_rng) rng = rl_rng_new (seed);
  double centres[RL_SYNTH_AUX_CENTRES * 2];
  gsl_matrix *X = gsl_matrix_alloc (RL_SYNTH_AUX_CENTRES * RL_SYNTH_AUX_PER_CENTRE, 2);

  for (guint i = 0; i < G_N_ELEMENTS (centres); i++)
    centres[i] = 2.0 * AUX_BOX * gsl_rng_uniform (rng) - AUX_BOX;
  for (guint c = 0; c < RL_SYNTH_AUX_CENTRES; c++)
    for (guint p = 0; p < RL_SYNTH_AUX_PER_CENTRE; p++)
      for (guint j = 0; j < 2; j++)
        gsl_matrix_set (X, c * RL_SYNTH_AUX_PER_CENTRE + p, j,
                        centres[2 * c + j] + gsl_ran_gaussian_ziggurat (rng, AUX_SIGMA));
  if (centres_out != NULL)
    *centres_out = g_memdup2 (centres, sizeof centres);
  return X;
}

char *
rl_synth_to_csv (const gsl_matrix  *X,
                 const char *const *names)
{
  GString *s = g_string_new ("region");
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (gsize j = 0; j < X->size2; j++)
    g_string_append_printf (s, ",%s", names[j]);
  g_string_append_c (s, '\n');
  for (gsize i = 0; i < X->size1; i++)
    {
      g_string_append_printf (s, "p%03zu", i + 1);
      for (gsize j = 0; j < X->size2; j++)
        {
          g_ascii_formatd (buf, sizeof buf, "%.17g", gsl_matrix_get (X, i, j));
          g_string_append_printf (s, ",%s", buf);
        }
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

gboolean
rl_synth_write_csv (const gsl_matrix  *X,
                    const char *const *names,
                    const char        *path,
                    GError           **error)
{
  g_autofree char *text = rl_synth_to_csv (X, names);
  g_autoptr(GError) local = NULL;

  if (!g_file_set_contents (path, text, -1, &local))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, "Cannot write “%s”: %s", path, local->message);
      return FALSE;
    }
  return TRUE;
}
