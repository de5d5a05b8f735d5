/* rl-evolve-ga.c — binary coding, crossover, mutation and the genetic algorithm
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-evolve-private.h"

#include <math.h>
#include <gsl/gsl_randist.h>

/* Every coordinate of every centre is an unsigned integer of m bits (plain binary, most
 * significant bit first) mapped linearly onto [a, b]. A generation draws N/2 pairs of
 * parents, makes two children of every pair by one-point crossover (restricted to the bits
 * of one centre in per-centre mode), flips each of their bits with probability δ, and keeps
 * the N best of parents and children. The genetic algorithm draws parents with probability
 * p_i ∝ 1 − f_i / Σf; the immune algorithm (rl-evolve-immune.c) from its clone pool. */

guint
rl_evolve_bits_per_gene (double a,
                         double b,
                         double epsilon)
{
  if (!(epsilon > 0.0) || !(b > a))
    return 0;
  for (guint m = 1; m <= 31; m++)
    if ((b - a) / (double) ((1u << m) - 1) <= epsilon)
      return m;
  return 0;
}

void
rl_evolve_decode (const guint8 *bits,
                  guint         n_genes,
                  guint         m,
                  double        a,
                  double        b,
                  double       *genes)
{
  double step = (b - a) / (double) ((1u << m) - 1);

  for (guint g = 0; g < n_genes; g++)
    {
      guint32 v = 0;

      for (guint l = 0; l < m; l++)
        v = (v << 1) | bits[g * m + l];
      genes[g] = a + step * v;
    }
}

void
rl_evolve_encode (const double *genes,
                  guint         n_genes,
                  guint         m,
                  double        a,
                  double        b,
                  guint8       *bits)
{
  double top = (double) ((1u << m) - 1);

  for (guint g = 0; g < n_genes; g++)
    {
      guint32 v = (guint32) lround (CLAMP ((genes[g] - a) / (b - a), 0.0, 1.0) * top);

      for (guint l = 0; l < m; l++)
        bits[g * m + l] = (v >> (m - 1 - l)) & 1u;
    }
}

void
rl_evolve_crossover (const guint8 *p1,
                     const guint8 *p2,
                     guint         length,
                     guint         lo,
                     guint         hi,
                     guint         cut,
                     guint8       *c1,
                     guint8       *c2)
{
  memcpy (c1, p1, length);
  memcpy (c2, p2, length);
  memcpy (c1 + cut, p2 + cut, hi - cut);
  memcpy (c2 + cut, p1 + cut, hi - cut);
}

guint
rl_evolve_mutate (guint8  *bits,
                  guint    lo,
                  guint    hi,
                  double   delta,
                  gsl_rng *rng)
{
  guint flips = 0;

  if (!(delta > 0.0))
    return 0;
  for (guint64 l = lo + (guint64) gsl_ran_geometric (rng, delta) - 1; l < hi;
       l += gsl_ran_geometric (rng, delta))
    {
      bits[l] ^= 1u;
      flips++;
    }
  return flips;
}

void
rl_evolve_ga_cumulative (const double *f,
                         guint         n,
                         double       *cum)
{
  double total = 0.0, acc = 0.0;

  for (guint i = 0; i < n; i++)
    total += f[i];
  for (guint i = 0; i < n; i++)
    {
      /* all fitnesses 0 (every point on a centre): equal chances */
      acc += total > 0.0 ? MAX (0.0, 1.0 - f[i] / total) : 1.0;
      cum[i] = acc;
    }
  if (!(acc > 0.0))
    for (guint i = 0; i < n; i++)
      cum[i] = i + 1;
}

guint
rl_evolve_pick_cumulative (const double *cum,
                           guint         n,
                           gsl_rng      *rng)
{
  double u = gsl_rng_uniform (rng) * cum[n - 1];
  guint lo = 0, hi = n - 1;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (cum[mid] > u)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

/* The binary population */

RlEvolveBitPop *
rl_evolve_bitpop_new (RlEvolveRun *run,
                      guint        m)
{
  RlEvolveBitPop *self = g_new0 (RlEvolveBitPop, 1);
  guint n = run->options->population, rows = 2 * n;

  self->n = n;
  self->m = m;
  self->length = run->n_genes * m;
  self->bits = g_new (guint8, (gsize) rows * self->length);
  self->spare = g_new (guint8, (gsize) rows * self->length);
  self->genes = g_new (double, (gsize) rows * run->n_genes);
  self->f = g_new (double, rows);
  self->f_spare = g_new (double, rows);
  self->rank = g_new (RlEvolveRank, rows);
  self->order = g_new (guint, rows);
  for (guint i = 0; i < n; i++)
    {
      double *genes = self->genes + (gsize) i * run->n_genes;

      for (guint l = 0; l < self->length; l++)
        self->bits[(gsize) i * self->length + l] = gsl_rng_uniform_int (run->rng, 2);
      rl_evolve_decode (self->bits + (gsize) i * self->length, run->n_genes, m,
                        run->options->a, run->options->b, genes);
      self->f[i] = rl_evolve_fitness (run->fitness, genes, NULL);
    }
  return self;
}

void
rl_evolve_bitpop_free (RlEvolveBitPop *self)
{
  if (self == NULL)
    return;
  g_free (self->bits);
  g_free (self->spare);
  g_free (self->genes);
  g_free (self->f);
  g_free (self->f_spare);
  g_free (self->rank);
  g_free (self->order);
  g_free (self);
}

static void
bitpop_breed_pair (RlEvolveBitPop *self,
                   RlEvolveRun    *run,
                   guint           i,
                   guint           j,
                   guint           child,
                   guint           lo,
                   guint           hi)
{
  gsize L = self->length;
  guint cut = hi - lo > 1 ? lo + 1 + gsl_rng_uniform_int (run->rng, hi - lo - 1) : lo;

  rl_evolve_crossover (self->bits + i * L, self->bits + j * L, L, lo, hi, cut,
                       self->bits + child * L, self->bits + (child + 1) * L);
  for (guint c = child; c < child + 2; c++)
    {
      double *genes = self->genes + (gsize) c * run->n_genes;

      rl_evolve_mutate (self->bits + c * L, lo, hi, run->options->delta, run->rng);
      rl_evolve_decode (self->bits + c * L, run->n_genes, self->m, run->options->a,
                        run->options->b, genes);
      self->f[c] = rl_evolve_fitness (run->fitness, genes, NULL);
    }
}

static void
bitpop_select (RlEvolveBitPop *self,
               RlEvolveRun    *run,
               guint           rows)
{
  gsize L = self->length, g = run->n_genes;
  guint8 *tmp;

  rl_evolve_select_best (self->f, rows, self->n, self->rank, self->order);
  for (guint i = 0; i < self->n; i++)
    {
      memcpy (self->spare + i * L, self->bits + (gsize) self->order[i] * L, L);
      self->f_spare[i] = self->f[self->order[i]];
    }
  tmp = self->bits;
  self->bits = self->spare;
  self->spare = tmp;
  memcpy (self->f, self->f_spare, self->n * sizeof (double));
  for (guint i = 0; i < self->n; i++)
    rl_evolve_decode (self->bits + i * L, g, self->m, run->options->a, run->options->b,
                      self->genes + i * g);
  run->best_f = self->f[0];
  memcpy (run->best, self->genes, g * sizeof (double));
}

void
rl_evolve_bitpop_generation (RlEvolveBitPop  *self,
                             RlEvolveRun     *run,
                             guint            t,
                             RlEvolvePickFunc pick,
                             gpointer         pick_data)
{
  guint lo, hi, pairs = self->n / 2;

  rl_evolve_run_active (run, t, &lo, &hi);
  lo *= self->m;
  hi *= self->m;
  for (guint p = 0; p < pairs; p++)
    {
      guint i = pick (pick_data, run->rng), j = pick (pick_data, run->rng);

      /* distinct parents when the picker allows it; a few tries, then accept a selfing */
      for (guint tries = 0; j == i && tries < 16; tries++)
        j = pick (pick_data, run->rng);
      bitpop_breed_pair (self, run, i, j, self->n + 2 * p, lo, hi);
    }
  bitpop_select (self, run, self->n + 2 * pairs);
}

/* The genetic algorithm */

typedef struct
{
  const double *cum;
  guint         n;
} GaPick;

static guint
ga_pick (gpointer data,
         gsl_rng *rng)
{
  GaPick *p = data;

  return rl_evolve_pick_cumulative (p->cum, p->n, rng);
}

gboolean
rl_evolve_run_ga (RlEvolveRun *run,
                  GError     **error)
{
  const RlEvolveOptions *o = run->options;
  g_autoptr(RlEvolveBitPop) pop =
    rl_evolve_bitpop_new (run, rl_evolve_bits_per_gene (o->a, o->b, o->epsilon));
  g_autofree double *cum = g_new (double, o->population);
  GaPick pick = { cum, o->population };

  for (guint t = 0; t < o->iterations; t++)
    {
      rl_evolve_ga_cumulative (pop->f, o->population, cum);
      rl_evolve_bitpop_generation (pop, run, t, ga_pick, &pick);
      if (!rl_evolve_run_finish_iteration (run, t, error))
        return FALSE;
    }
  return TRUE;
}
