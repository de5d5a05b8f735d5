/* rl-input-check.c — validation of the data matrices handed to the methods
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-input-check.h"

#include <math.h>
#include "rl-error.h"

gboolean
rl_check_matrix (const gsl_matrix *X,
                 gsize             min_rows,
                 const char       *what,
                 GError          **error)
{
  if (X == NULL || X->size1 < min_rows)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "%s: needs at least %" G_GSIZE_FORMAT " rows, got %" G_GSIZE_FORMAT,
                   what, min_rows, X != NULL ? X->size1 : 0);
      return FALSE;
    }
  for (gsize i = 0; i < X->size1; i++)
    {
      const double *row = gsl_matrix_const_ptr (X, i, 0);

      for (gsize j = 0; j < X->size2; j++)
        if (!isfinite (row[j]))
          {
            g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                         "%s: row %" G_GSIZE_FORMAT ", column %" G_GSIZE_FORMAT
                         " is not a finite number; impute or drop missing values first",
                         what, i + 1, j + 1);
            return FALSE;
          }
    }
  return TRUE;
}

gboolean
rl_check_labels (const guint *labels,
                 gsize        n,
                 guint        k,
                 const char  *what,
                 GError     **error)
{
  for (gsize i = 0; i < n; i++)
    if (labels[i] >= k)
      {
        g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                     "%s: label %u of row %" G_GSIZE_FORMAT " is not below k = %u",
                     what, labels[i], i + 1, k);
        return FALSE;
      }
  return TRUE;
}
