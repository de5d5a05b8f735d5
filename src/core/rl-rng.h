/* rl-rng.h — seeded random number generators
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "rl-gsl.h"

G_BEGIN_DECLS

/* A Mersenne Twister (gsl_rng_mt19937) seeded with @seed: the same seed gives
 * the same stream on every machine. Free with gsl_rng_free(). */
gsl_rng *rl_rng_new (guint64 seed);

/* A seed for restart @index of a method seeded with @seed, so that restarts
 * are independent of each other and of how many restarts ran before. */
guint64  rl_rng_derive_seed (guint64 seed,
                             guint64 index);


G_END_DECLS
