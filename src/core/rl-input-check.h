/* rl-input-check.h — validation of the data matrices handed to the methods
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "rl-gsl.h"

G_BEGIN_DECLS

/* TRUE when @X is non-NULL, has at least @min_rows rows and holds only
 * finite numbers; otherwise sets an RL_ERROR_INVALID error naming @what and
 * the first offending row and column (counted from 1). */
gboolean rl_check_matrix (const gsl_matrix *X,
                          gsize             min_rows,
                          const char       *what,
                          GError          **error);

/* TRUE when every label is below @k; otherwise RL_ERROR_INVALID. */
gboolean rl_check_labels (const guint *labels,
                          gsize        n,
                          guint        k,
                          const char  *what,
                          GError     **error);

/* Squared Euclidean distance between two rows of length @d. */
static inline double
rl_distance2 (const double *a,
              const double *b,
              gsize         d)
{
  double s = 0.0;

  for (gsize j = 0; j < d; j++)
    {
      double t = a[j] - b[j];
      s += t * t;
    }
  return s;
}

G_END_DECLS
