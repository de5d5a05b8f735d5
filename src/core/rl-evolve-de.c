/* rl-evolve-de.c — differential evolution for clustering
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-evolve-private.h"

/* The classic rand/1/bin scheme as the paper states it: for every member j, three distinct
 * other members r0, r1, r2 and one gene that is always crossed; the trial vector replaces
 * the member when it is strictly better. Members are replaced in place, so later members of
 * the same iteration already see the improved ones. */

void
rl_evolve_de_trial (const double *p,
                    const double *r0,
                    const double *r1,
                    const double *r2,
                    guint         n_genes,
                    guint         lo,
                    guint         hi,
                    guint         jrand,
                    double        f,
                    double        cr,
                    double        a,
                    double        b,
                    gsl_rng      *rng,
                    double       *u)
{
  memcpy (u, p, n_genes * sizeof (double));
  for (guint j = lo; j < hi; j++)
    if (gsl_rng_uniform (rng) < cr || j == jrand)
      u[j] = CLAMP (r1[j] + f * (r2[j] - r0[j]), a, b);
}

/* Three distinct members, all different from j. */
static void
pick_three (gsl_rng *rng,
            guint    n,
            guint    j,
            guint   *r)
{
  for (guint i = 0; i < 3; i++)
    {
      gboolean again;

      do
        {
          r[i] = gsl_rng_uniform_int (rng, n);
          again = r[i] == j;
          for (guint q = 0; q < i; q++)
            again |= r[i] == r[q];
        }
      while (again);
    }
}

static void
de_iteration (RlEvolveRun *run,
              double      *pop,
              double      *f,
              double      *u,
              guint        t)
{
  const RlEvolveOptions *o = run->options;
  guint n = o->population, g = run->n_genes, lo, hi;

  rl_evolve_run_active (run, t, &lo, &hi);
  for (guint j = 0; j < n; j++)
    {
      guint r[3], jrand = lo + gsl_rng_uniform_int (run->rng, hi - lo);
      double fu;

      pick_three (run->rng, n, j, r);
      rl_evolve_de_trial (pop + (gsize) j * g, pop + (gsize) r[0] * g, pop + (gsize) r[1] * g,
                          pop + (gsize) r[2] * g, g, lo, hi, jrand, o->f, o->cr, o->a, o->b,
                          run->rng, u);
      fu = rl_evolve_fitness (run->fitness, u, NULL);
      if (fu < f[j])
        {
          memcpy (pop + (gsize) j * g, u, g * sizeof (double));
          f[j] = fu;
          if (fu < run->best_f)
            {
              run->best_f = fu;
              memcpy (run->best, u, g * sizeof (double));
            }
        }
    }
}

gboolean
rl_evolve_run_de (RlEvolveRun *run,
                  GError     **error)
{
  guint n = run->options->population, g = run->n_genes;
  g_autofree double *pop = g_new (double, (gsize) n * g);
  g_autofree double *f = g_new (double, n);
  g_autofree double *u = g_new (double, g);

  for (guint j = 0; j < n; j++)
    {
      rl_evolve_run_random_genome (run, pop + (gsize) j * g);
      f[j] = rl_evolve_fitness (run->fitness, pop + (gsize) j * g, NULL);
      if (f[j] < run->best_f)
        {
          run->best_f = f[j];
          memcpy (run->best, pop + (gsize) j * g, g * sizeof (double));
        }
    }
  for (guint t = 0; t < run->options->iterations; t++)
    {
      de_iteration (run, pop, f, u, t);
      if (!rl_evolve_run_finish_iteration (run, t, error))
        return FALSE;
    }
  return TRUE;
}
