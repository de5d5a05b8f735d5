/* rl-evolve-immune.c — the immune (clonal selection) algorithm for clustering
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-evolve-private.h"

#include <math.h>

/* Every generation gives each parent a number of clones that grows with its quality
 * q_i = f_i − f_min + 1 and with its uniqueness u_i (the probability of its bit string under
 * the population's bit frequencies, small for common strings), draws N/2 pairs uniformly
 * from the pool of clones, and breeds them as the genetic algorithm does (rl-evolve-ga.c).
 * u_i is a product of one factor per bit and underflows: it is computed as a sum of
 * logarithms, and only exponentiated where it is compared with 0.001. */

void
rl_evolve_bit_ones (const guint8 *bits,
                    guint         n,
                    guint         length,
                    guint        *ones)
{
  memset (ones, 0, length * sizeof (guint));
  for (guint i = 0; i < n; i++)
    for (guint l = 0; l < length; l++)
      ones[l] += bits[(gsize) i * length + l];
}

void
rl_evolve_immune_log_uniqueness (const guint8 *bits,
                                 guint         n,
                                 guint         length,
                                 const guint  *ones,
                                 double       *log_u)
{
  for (guint i = 0; i < n; i++)
    {
      double s = 0.0;

      for (guint l = 0; l < length; l++)
        {
          double share = (double) ones[l] / n;

          /* the member itself counts in h, so the probability is never 0 */
          s += log (bits[(gsize) i * length + l] ? share : 1.0 - share);
        }
      log_u[i] = s;
    }
}

guint
rl_evolve_immune_clones (const double *f,
                         const double *log_u,
                         guint         n,
                         double        k_u,
                         double        max_u,
                         double        k_q,
                         guint        *clones)
{
  double f_min = INFINITY;
  guint total = 0;

  for (guint i = 0; i < n; i++)
    f_min = MIN (f_min, f[i]);
  for (guint i = 0; i < n; i++)
    {
      double q = f[i] - f_min + 1.0;
      double u = exp (log_u[i]);   /* 0 after underflow is the right limit here */
      double c = MIN (k_u / (0.001 + u), max_u) + k_q / q;

      clones[i] = MAX (1, (guint) lround (c));
      total += clones[i];
    }
  return total;
}

typedef struct
{
  GArray *pool;  /* of guint: member indices, one per clone */
} ImmunePick;

static guint
immune_pick (gpointer data,
             gsl_rng *rng)
{
  ImmunePick *p = data;

  return g_array_index (p->pool, guint, gsl_rng_uniform_int (rng, p->pool->len));
}

static void
fill_pool (GArray      *pool,
           const guint *clones,
           guint        n)
{
  g_array_set_size (pool, 0);
  for (guint i = 0; i < n; i++)
    for (guint c = 0; c < clones[i]; c++)
      g_array_append_val (pool, i);
}

gboolean
rl_evolve_run_immune (RlEvolveRun *run,
                      GError     **error)
{
  const RlEvolveOptions *o = run->options;
  guint n = o->population;
  g_autoptr(RlEvolveBitPop) pop =
    rl_evolve_bitpop_new (run, rl_evolve_bits_per_gene (o->a, o->b, o->epsilon));
  g_autofree guint *ones = g_new (guint, pop->length);
  g_autofree double *log_u = g_new (double, n);
  g_autofree guint *clones = g_new (guint, n);
  g_autoptr(GArray) pool = g_array_sized_new (FALSE, FALSE, sizeof (guint), 16 * n);
  ImmunePick pick = { pool };

  for (guint t = 0; t < o->iterations; t++)
    {
      rl_evolve_bit_ones (pop->bits, n, pop->length, ones);
      rl_evolve_immune_log_uniqueness (pop->bits, n, pop->length, ones, log_u);
      rl_evolve_immune_clones (pop->f, log_u, n, o->k_u, o->max_u, o->k_q, clones);
      fill_pool (pool, clones, n);
      rl_evolve_bitpop_generation (pop, run, t, immune_pick, &pick);
      if (!rl_evolve_run_finish_iteration (run, t, error))
        return FALSE;
    }
  return TRUE;
}
