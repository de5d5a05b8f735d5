/* rl-evolve-es.c — the (μ + λ) evolution strategy for clustering
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-evolve-private.h"

#include <math.h>
#include <gsl/gsl_randist.h>

/* μ = N parents, λ = 7N children. Every child copies a uniformly chosen parent and adds
 * N(0, σ²) to the genes varied in this iteration; the μ best of parents and children are
 * the next parents. With self_adaptive, every member carries its own σ, and a child's σ is
 * its parent's times exp(τ·N(0, 1)), τ = 1/√(genes varied), kept within
 * [1e-6·(b − a), b − a]. */

#define ES_CHILDREN_PER_PARENT 7

typedef struct
{
  guint   mu, total, g;
  double *genes;        /* total × g: parents first, then children */
  double *spare;        /* total × g */
  double *sigma;        /* total */
  double *sigma_spare;  /* total */
  double *f;            /* total */
  double *f_spare;      /* total */
  RlEvolveRank *rank;   /* total */
  guint  *order;        /* total */
} EsPop;

static void
es_pop_clear (EsPop *p)
{
  g_free (p->genes);
  g_free (p->spare);
  g_free (p->sigma);
  g_free (p->sigma_spare);
  g_free (p->f);
  g_free (p->f_spare);
  g_free (p->rank);
  g_free (p->order);
}

static void
es_pop_init (EsPop       *p,
             RlEvolveRun *run)
{
  p->mu = run->options->population;
  p->total = p->mu * (1 + ES_CHILDREN_PER_PARENT);
  p->g = run->n_genes;
  p->genes = g_new (double, (gsize) p->total * p->g);
  p->spare = g_new (double, (gsize) p->total * p->g);
  p->sigma = g_new (double, p->total);
  p->sigma_spare = g_new (double, p->total);
  p->f = g_new (double, p->total);
  p->f_spare = g_new (double, p->total);
  p->rank = g_new (RlEvolveRank, p->total);
  p->order = g_new (guint, p->total);
  for (guint i = 0; i < p->mu; i++)
    {
      rl_evolve_run_random_genome (run, p->genes + (gsize) i * p->g);
      p->sigma[i] = run->options->sigma;
      p->f[i] = rl_evolve_fitness (run->fitness, p->genes + (gsize) i * p->g, NULL);
    }
}

void
rl_evolve_es_child (const double *parent,
                    guint         n_genes,
                    guint         lo,
                    guint         hi,
                    double        sigma,
                    double        a,
                    double        b,
                    gsl_rng      *rng,
                    double       *child)
{
  memcpy (child, parent, n_genes * sizeof (double));
  for (guint j = lo; j < hi; j++)
    child[j] = CLAMP (parent[j] + gsl_ran_gaussian_ziggurat (rng, sigma), a, b);
}

static void
es_children (EsPop       *p,
             RlEvolveRun *run,
             guint        lo,
             guint        hi)
{
  const RlEvolveOptions *o = run->options;
  double tau = 1.0 / sqrt ((double) (hi - lo));
  double s_min = 1e-6 * (o->b - o->a), s_max = o->b - o->a;

  for (guint c = p->mu; c < p->total; c++)
    {
      guint parent = gsl_rng_uniform_int (run->rng, p->mu);
      double s = p->sigma[parent];

      if (o->self_adaptive)
        s = CLAMP (s * exp (tau * gsl_ran_gaussian_ziggurat (run->rng, 1.0)), s_min, s_max);
      p->sigma[c] = s;
      rl_evolve_es_child (p->genes + (gsize) parent * p->g, p->g, lo, hi, s, o->a, o->b,
                          run->rng, p->genes + (gsize) c * p->g);
      p->f[c] = rl_evolve_fitness (run->fitness, p->genes + (gsize) c * p->g, NULL);
    }
}

static void
es_select (EsPop *p)
{
  rl_evolve_select_best (p->f, p->total, p->mu, p->rank, p->order);
  for (guint i = 0; i < p->mu; i++)
    {
      guint src = p->order[i];

      memcpy (p->spare + (gsize) i * p->g, p->genes + (gsize) src * p->g, p->g * sizeof (double));
      p->sigma_spare[i] = p->sigma[src];
      p->f_spare[i] = p->f[src];
    }
  memcpy (p->genes, p->spare, (gsize) p->mu * p->g * sizeof (double));
  memcpy (p->sigma, p->sigma_spare, p->mu * sizeof (double));
  memcpy (p->f, p->f_spare, p->mu * sizeof (double));
}

gboolean
rl_evolve_run_es (RlEvolveRun *run,
                  GError     **error)
{
  EsPop p = { 0 };
  gboolean ok = TRUE;

  es_pop_init (&p, run);
  for (guint t = 0; ok && t < run->options->iterations; t++)
    {
      guint lo, hi;

      rl_evolve_run_active (run, t, &lo, &hi);
      es_children (&p, run, lo, hi);
      es_select (&p);
      /* parents are sorted: the first is the best, and it never gets worse */
      run->best_f = p.f[0];
      memcpy (run->best, p.genes, p.g * sizeof (double));
      ok = rl_evolve_run_finish_iteration (run, t, error);
    }
  es_pop_clear (&p);
  return ok;
}
