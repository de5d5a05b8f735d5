/* rl-synth.h — synthetic test data sets
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rl-gsl.h"

G_BEGIN_DECLS

#define RL_SYNTH_AUX_CENTRES    7
#define RL_SYNTH_AUX_PER_CENTRE 50

/* The auxiliary set of the evolutionary clustering paper: 7 centres uniform in [-30, 30]²,
 * 50 points around each with independent N(0, 4.5²) coordinates, 350 × 2 rows ordered by
 * centre. Deterministic for @seed: one mt19937 stream (rl_rng_new) gives first the 14
 * centre coordinates (x then y of centre 0, 1, …, each 60·U[0,1) − 30), then the points
 * centre by centre, x then y, by the ziggurat Gaussian sampler. If @centres_out is not NULL
 * it receives the 7 × 2 centres row by row (free with g_free). */
gsl_matrix *rl_synth_paper_auxiliary (guint64  seed,
                                      double **centres_out);

/* A wide CSV: a header "region,<names…>", then one line per row named p001, p002, …,
 * numbers with 17 significant digits. @names has X->size2 entries. */
char       *rl_synth_to_csv          (const gsl_matrix  *X,
                                      const char *const *names);
gboolean    rl_synth_write_csv       (const gsl_matrix  *X,
                                      const char *const *names,
                                      const char        *path,
                                      GError           **error);

G_END_DECLS
