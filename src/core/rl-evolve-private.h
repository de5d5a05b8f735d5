/* rl-evolve-private.h — fitness, encoding and operators shared by the evolutionary methods
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-evolve.h"

G_BEGIN_DECLS

/* Caller-owned workspace of the fitness: evaluating a genome allocates nothing. */
typedef struct
{
  const gsl_matrix *X;
  guint             n, d, k;
  double           *sum;    /* k: summed distances per cluster */
  guint            *count;  /* k: members per cluster */
} RlEvolveFitness;

RlEvolveFitness *rl_evolve_fitness_new  (const gsl_matrix *X,
                                         guint             k);
void             rl_evolve_fitness_free (RlEvolveFitness *self);
/* f(X, c) for the k·d genome c; the number of empty clusters into n_empty if not NULL. */
double           rl_evolve_fitness      (RlEvolveFitness *self,
                                         const double    *genome,
                                         guint           *n_empty);
/* Index of the centre of genome nearest to row i of X. */
guint            rl_evolve_nearest      (const RlEvolveFitness *self,
                                         const double          *genome,
                                         guint                  i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlEvolveFitness, rl_evolve_fitness_free)

/* Ranking: fills order[0 .. n_keep) with the indices of the n_keep smallest of f[0 .. n),
 * ties broken by the lower index. scratch holds n entries. */
typedef struct
{
  double f;
  guint  index;
} RlEvolveRank;

void rl_evolve_select_best (const double *f,
                            guint         n,
                            guint         n_keep,
                            RlEvolveRank *scratch,
                            guint        *order);

/* One run: what every method needs, owned by rl_evolve(). */
typedef struct
{
  const gsl_matrix      *X;          /* the data the method works on (scaled if asked) */
  const RlEvolveOptions *options;
  guint                  n_genes;    /* k · d */
  RlEvolveFitness       *fitness;
  gsl_rng               *rng;
  GArray                *history;
  RlProgressFunc         progress;
  gpointer               progress_data;
  GCancellable          *cancellable;
  double                *best;       /* n_genes: the best genome found */
  double                 best_f;
} RlEvolveRun;

/* Genes [lo, hi) varied in iteration t: all, or the d genes of centre t mod k. */
void     rl_evolve_run_active   (const RlEvolveRun *run,
                                 guint              t,
                                 guint             *lo,
                                 guint             *hi);
/* Records best_f, reports progress and checks cancellation after iteration t. */
gboolean rl_evolve_run_finish_iteration (RlEvolveRun *run,
                                         guint        t,
                                         GError     **error);
/* A uniform random genome in [a, b]^n_genes. */
void     rl_evolve_run_random_genome (RlEvolveRun *run,
                                      double      *genome);

gboolean rl_evolve_run_es     (RlEvolveRun *run, GError **error);
gboolean rl_evolve_run_de     (RlEvolveRun *run, GError **error);
gboolean rl_evolve_run_ga     (RlEvolveRun *run, GError **error);
gboolean rl_evolve_run_immune (RlEvolveRun *run, GError **error);

/* Evolution strategy: child = parent + N(0, sigma²) on genes [lo, hi), clamped to [a, b]. */
void rl_evolve_es_child (const double *parent,
                         guint         n_genes,
                         guint         lo,
                         guint         hi,
                         double        sigma,
                         double        a,
                         double        b,
                         gsl_rng      *rng,
                         double       *child);

/* Differential evolution trial vector for member p from the distinct members r0, r1, r2:
 * u_j = r1_j + F (r2_j − r0_j) where rand < CR or j = jrand, else p_j, for j in [lo, hi);
 * genes outside [lo, hi) are copied from p. The result is clamped to [a, b]. */
void rl_evolve_de_trial (const double *p,
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
                         double       *u);

/* Binary code: every coordinate takes the fewest bits m with (b − a) / (2^m − 1) <= epsilon,
 * most significant bit first; value = a + integer · (b − a) / (2^m − 1). 0 when more than
 * 31 bits would be needed. */
guint  rl_evolve_bits_per_gene (double a,
                                double b,
                                double epsilon);
void   rl_evolve_decode (const guint8 *bits,
                         guint         n_genes,
                         guint         m,
                         double        a,
                         double        b,
                         double       *genes);
void   rl_evolve_encode (const double *genes,
                         guint         n_genes,
                         guint         m,
                         double        a,
                         double        b,
                         guint8       *bits);

/* One-point crossover restricted to bits [lo, hi) with cut in (lo, hi): c1 takes p1 outside
 * [cut, hi) and p2 inside it; c2 the other way round. With lo = 0, hi = length it is the
 * classic one-point crossover. */
void   rl_evolve_crossover (const guint8 *p1,
                            const guint8 *p2,
                            guint         length,
                            guint         lo,
                            guint         hi,
                            guint         cut,
                            guint8       *c1,
                            guint8       *c2);
/* Flips every bit in [lo, hi) independently with probability delta (geometric skips, so the
 * cost is proportional to the flips). Returns the number of flips. */
guint  rl_evolve_mutate (guint8  *bits,
                         guint    lo,
                         guint    hi,
                         double   delta,
                         gsl_rng *rng);

/* Genetic selection: p_i ∝ 1 − f_i / Σf, normalised; cumulative into cum[0 .. n). */
void   rl_evolve_ga_cumulative (const double *f,
                                guint         n,
                                double       *cum);
/* Index i with cum[i−1] <= u·cum[n−1] < cum[i], u uniform in [0, 1). */
guint  rl_evolve_pick_cumulative (const double *cum,
                                  guint         n,
                                  gsl_rng      *rng);

/* Immune uniqueness: ones[l] = members with a one at bit l; log_u[i] = Σ_l log Pr with
 * Pr = val·h/N + (1 − val)(1 − h/N). */
void   rl_evolve_bit_ones (const guint8 *bits,
                           guint         n,
                           guint         length,
                           guint        *ones);
void   rl_evolve_immune_log_uniqueness (const guint8 *bits,
                                        guint         n,
                                        guint         length,
                                        const guint  *ones,
                                        double       *log_u);
/* clones_i = round(min(k_u / (0.001 + u_i), max_u) + k_q / q_i), at least 1, with
 * q_i = f_i − f_min + 1. Returns the total. */
guint  rl_evolve_immune_clones (const double *f,
                                const double *log_u,
                                guint         n,
                                double        k_u,
                                double        max_u,
                                double        k_q,
                                guint        *clones);

/* A population of binary genomes shared by the genetic and immune algorithms: rows
 * 0 .. N−1 are the parents, N .. 2N−1 the children of the current generation. */
typedef struct
{
  guint         n;        /* N */
  guint         m;        /* bits per gene */
  guint         length;   /* n_genes · m */
  guint8       *bits;     /* 2N × length */
  guint8       *spare;    /* 2N × length, for the selection */
  double       *genes;    /* 2N × n_genes */
  double       *f;        /* 2N */
  double       *f_spare;  /* 2N */
  RlEvolveRank *rank;     /* 2N */
  guint        *order;    /* 2N */
} RlEvolveBitPop;

/* Picks a parent for breeding from the first N rows. */
typedef guint (*RlEvolvePickFunc) (gpointer data,
                                   gsl_rng *rng);

RlEvolveBitPop *rl_evolve_bitpop_new  (RlEvolveRun *run,
                                       guint        m);
void            rl_evolve_bitpop_free (RlEvolveBitPop *self);
/* N/2 pairs from pick → crossover and mutation → N children evaluated; then the N best of
 * parents and children become the parents. Updates run->best. */
void            rl_evolve_bitpop_generation (RlEvolveBitPop  *self,
                                             RlEvolveRun     *run,
                                             guint            t,
                                             RlEvolvePickFunc pick,
                                             gpointer         pick_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlEvolveBitPop, rl_evolve_bitpop_free)

/* Lloyd's k-means from the given centres: assign to the nearest centre, move every centre to
 * the mean of its members, until no label changes or max_iter rounds. An empty cluster is
 * moved onto the row farthest from its centre. Returns the rounds run. */
guint  rl_evolve_lloyd (const gsl_matrix *X,
                        gsl_matrix       *centres,
                        guint            *labels,
                        guint             max_iter);

/* The best (least inertia) of @restarts Lloyd runs started from k distinct random rows,
 * restart r seeded with rl_rng_derive_seed (seed, r). Method name "lloyd". */
RlClustering *rl_evolve_lloyd_restarts (const gsl_matrix *X,
                                        guint             k,
                                        guint             restarts,
                                        guint64           seed);

G_END_DECLS
