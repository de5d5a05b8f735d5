/* rl-rng.c — seeded random number generators
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-rng.h"

#include "rl-error.h"

gsl_rng *
rl_rng_new (guint64 seed)
{
  gsl_rng *rng;

  rl_gsl_init ();
  rng = gsl_rng_alloc (gsl_rng_mt19937);
  /* mt19937 takes an unsigned long; fold the high half in so 64-bit seeds
   * stay distinct on every platform. Seed 0 means the generator's default. */
  gsl_rng_set (rng, (unsigned long) ((seed ^ (seed >> 32)) & 0xffffffffu));
  return rng;
}

/* SplitMix64 finaliser: a well-mixed 64-bit hash of (seed, index). */
guint64
rl_rng_derive_seed (guint64 seed,
                    guint64 index)
{
  guint64 z = seed + 0x9e3779b97f4a7c15ULL * (index + 1);

  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
