/* rl-evolve.c — evolutionary clustering: options, fitness, the common driver
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-evolve-private.h"

#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_randist.h>

#include "rl-error.h"
#include "rl-rng.h"

static const char *const method_names[] = { "es", "de", "ga", "immune" };

void
rl_evolve_options_init (RlEvolveOptions *options)
{
  *options = (RlEvolveOptions) {
    .method = RL_EVOLVE_DE,
    .k = 2,
    .iterations = 2000,
    .population = 100,
    .scale = FALSE,
    .a = -10.0,
    .b = 10.0,
    .sigma = 0.2,
    .self_adaptive = FALSE,
    .cr = 0.5,
    .f = 0.04,
    .epsilon = 1e-3,
    .delta = 0.001,
    .max_u = 1.0,
    .k_u = 1.0,
    .k_q = 10.0,
    .seed = 0,
    .per_centre = FALSE,
    .lloyd_polish = FALSE,
  };
}

const char *
rl_evolve_method_to_string (RlEvolveMethod method)
{
  g_return_val_if_fail (method <= RL_EVOLVE_IMMUNE, NULL);
  return method_names[method];
}

gboolean
rl_evolve_method_from_string (const char     *name,
                              RlEvolveMethod *method,
                              GError        **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (method_names); i++)
    if (g_strcmp0 (name, method_names[i]) == 0)
      {
        *method = (RlEvolveMethod) i;
        return TRUE;
      }
  g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
               "Unknown evolutionary method “%s”: use es, de, ga or immune",
               name != NULL ? name : "(null)");
  return FALSE;
}

gsl_matrix *
rl_evolve_scale_minmax (const gsl_matrix *X,
                        double            a,
                        double            b)
{
  gsl_matrix *Y = gsl_matrix_alloc (X->size1, X->size2);

  for (gsize j = 0; j < X->size2; j++)
    {
      double lo = INFINITY, hi = -INFINITY;

      for (gsize i = 0; i < X->size1; i++)
        {
          lo = MIN (lo, gsl_matrix_get (X, i, j));
          hi = MAX (hi, gsl_matrix_get (X, i, j));
        }
      for (gsize i = 0; i < X->size1; i++)
        {
          double v = hi > lo ? a + (b - a) * (gsl_matrix_get (X, i, j) - lo) / (hi - lo)
                             : 0.5 * (a + b);
          gsl_matrix_set (Y, i, j, v);
        }
    }
  return Y;
}

/* Fitness */

RlEvolveFitness *
rl_evolve_fitness_new (const gsl_matrix *X,
                       guint             k)
{
  RlEvolveFitness *self = g_new0 (RlEvolveFitness, 1);

  self->X = X;
  self->n = X->size1;
  self->d = X->size2;
  self->k = k;
  self->sum = g_new0 (double, k);
  self->count = g_new0 (guint, k);
  return self;
}

void
rl_evolve_fitness_free (RlEvolveFitness *self)
{
  if (self == NULL)
    return;
  g_free (self->sum);
  g_free (self->count);
  g_free (self);
}

static inline double
distance2 (const double *x,
           const double *c,
           guint         d)
{
  double s = 0.0;

  for (guint j = 0; j < d; j++)
    {
      double t = x[j] - c[j];
      s += t * t;
    }
  return s;
}

static inline guint
nearest (const RlEvolveFitness *self,
         const double          *genome,
         const double          *x,
         double                *dist2)
{
  guint best = 0;
  double best_d = distance2 (x, genome, self->d);

  for (guint c = 1; c < self->k; c++)
    {
      double t = distance2 (x, genome + (gsize) c * self->d, self->d);
      if (t < best_d)
        {
          best_d = t;
          best = c;
        }
    }
  *dist2 = best_d;
  return best;
}

guint
rl_evolve_nearest (const RlEvolveFitness *self,
                   const double          *genome,
                   guint                  i)
{
  double d2;

  return nearest (self, genome, gsl_matrix_const_ptr (self->X, i, 0), &d2);
}

double
rl_evolve_fitness (RlEvolveFitness *self,
                   const double    *genome,
                   guint           *n_empty)
{
  double f = 0.0;
  guint empty = 0;

  memset (self->sum, 0, self->k * sizeof (double));
  memset (self->count, 0, self->k * sizeof (guint));
  for (guint i = 0; i < self->n; i++)
    {
      double d2;
      guint c = nearest (self, genome, gsl_matrix_const_ptr (self->X, i, 0), &d2);

      self->sum[c] += sqrt (d2);
      self->count[c]++;
    }
  for (guint c = 0; c < self->k; c++)
    {
      if (self->count[c] > 0)
        f += self->sum[c] / self->count[c];
      else
        empty++;
    }
  if (n_empty != NULL)
    *n_empty = empty;
  return f;
}

/* Selection of the best */

static int
rank_compare (const void *pa,
              const void *pb)
{
  const RlEvolveRank *a = pa, *b = pb;

  if (a->f < b->f)
    return -1;
  if (a->f > b->f)
    return 1;
  return (a->index > b->index) - (a->index < b->index);
}

void
rl_evolve_select_best (const double *f,
                       guint         n,
                       guint         n_keep,
                       RlEvolveRank *scratch,
                       guint        *order)
{
  for (guint i = 0; i < n; i++)
    scratch[i] = (RlEvolveRank) { f[i], i };
  qsort (scratch, n, sizeof (RlEvolveRank), rank_compare);
  for (guint i = 0; i < MIN (n, n_keep); i++)
    order[i] = scratch[i].index;
}

/* The run */

void
rl_evolve_run_active (const RlEvolveRun *run,
                      guint              t,
                      guint             *lo,
                      guint             *hi)
{
  guint d = run->X->size2;

  if (run->options->per_centre)
    {
      *lo = (t % run->options->k) * d;
      *hi = *lo + d;
    }
  else
    {
      *lo = 0;
      *hi = run->n_genes;
    }
}

gboolean
rl_evolve_run_finish_iteration (RlEvolveRun *run,
                                guint        t,
                                GError     **error)
{
  guint T = run->options->iterations;
  guint every = MAX (1, T / 100);

  g_array_append_val (run->history, run->best_f);
  if ((t + 1) % every == 0 || t + 1 == T)
    rl_progress_report (run->progress, run->progress_data, (double) (t + 1) / T);
  if (g_cancellable_is_cancelled (run->cancellable))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_CANCELLED,
                   "The %s clustering was cancelled after %u of %u iterations",
                   rl_evolve_method_to_string (run->options->method), t + 1, T);
      return FALSE;
    }
  return TRUE;
}

void
rl_evolve_run_random_genome (RlEvolveRun *run,
                             double      *genome)
{
  double a = run->options->a, b = run->options->b;

  for (guint j = 0; j < run->n_genes; j++)
    genome[j] = a + (b - a) * gsl_rng_uniform (run->rng);
}

/* Lloyd polishing: a minimal k-means of its own, so the method does not depend on the
 * k-means module. */

static guint
lloyd_assign (const gsl_matrix *X,
              const gsl_matrix *centres,
              guint            *labels)
{
  guint changed = 0;

  for (gsize i = 0; i < X->size1; i++)
    {
      guint best = 0;
      double best_d = INFINITY;

      for (gsize c = 0; c < centres->size1; c++)
        {
          double t = distance2 (gsl_matrix_const_ptr (X, i, 0),
                                gsl_matrix_const_ptr (centres, c, 0), X->size2);
          if (t < best_d)
            {
              best_d = t;
              best = c;
            }
        }
      changed += labels[i] != best;
      labels[i] = best;
    }
  return changed;
}

/* Moves an empty cluster onto the row farthest from its own centre, and makes it that row's
 * cluster, so that the next mean step keeps it populated. */
static void
lloyd_fill_empty (const gsl_matrix *X,
                  gsl_matrix       *centres,
                  guint            *labels,
                  const guint      *count,
                  guint             c)
{
  gsize far = 0;
  double far_d = -1.0;

  for (gsize i = 0; i < X->size1; i++)
    {
      double t;

      if (count[labels[i]] < 2)
        continue;
      t = distance2 (gsl_matrix_const_ptr (X, i, 0),
                     gsl_matrix_const_ptr (centres, labels[i], 0), X->size2);
      if (t > far_d)
        {
          far_d = t;
          far = i;
        }
    }
  if (far_d < 0.0)
    return;
  for (gsize j = 0; j < X->size2; j++)
    gsl_matrix_set (centres, c, j, gsl_matrix_get (X, far, j));
  labels[far] = c;
}

static void
lloyd_means (const gsl_matrix *X,
             gsl_matrix       *centres,
             const guint      *labels,
             guint            *count)
{
  gsize k = centres->size1, d = X->size2;

  memset (count, 0, k * sizeof (guint));
  for (gsize i = 0; i < X->size1; i++)
    count[labels[i]]++;
  for (gsize c = 0; c < k; c++)
    if (count[c] > 0)
      for (gsize j = 0; j < d; j++)
        gsl_matrix_set (centres, c, j, 0.0);
  for (gsize i = 0; i < X->size1; i++)
    for (gsize j = 0; j < d; j++)
      *gsl_matrix_ptr (centres, labels[i], j) += gsl_matrix_get (X, i, j) / count[labels[i]];
}

guint
rl_evolve_lloyd (const gsl_matrix *X,
                 gsl_matrix       *centres,
                 guint            *labels,
                 guint             max_iter)
{
  g_autofree guint *count = g_new0 (guint, centres->size1);
  guint round;

  for (gsize i = 0; i < X->size1; i++)
    labels[i] = G_MAXUINT;
  for (round = 0; round < max_iter; round++)
    {
      if (lloyd_assign (X, centres, labels) == 0 && round > 0)
        break;
      lloyd_means (X, centres, labels, count);
      for (gsize c = 0; c < centres->size1 && X->size1 >= centres->size1; c++)
        if (count[c] == 0)
          {
            lloyd_fill_empty (X, centres, labels, count, c);
            lloyd_means (X, centres, labels, count);
          }
    }
  return round;
}

/* The driver */

static gboolean
check_options (const gsl_matrix      *X,
               const RlEvolveOptions *o,
               GError               **error)
{
  const char *what = NULL;

  if (o->method > RL_EVOLVE_IMMUNE)
    what = "unknown method";
  else if (o->k == 0)
    what = "k must be at least 1";
  else if (o->iterations == 0)
    what = "the number of iterations must be at least 1";
  else if (o->population < (o->method == RL_EVOLVE_DE ? 4u : 2u))
    what = o->method == RL_EVOLVE_DE ? "differential evolution needs a population of at least 4"
                                     : "the population must be at least 2";
  else if (!(o->a < o->b) || !isfinite (o->a) || !isfinite (o->b))
    what = "the box [a, b] needs finite a < b";
  else if (!(o->sigma > 0.0))
    what = "sigma must be positive";
  else if (!(o->cr >= 0.0 && o->cr <= 1.0) || !(o->f > 0.0))
    what = "differential evolution needs CR in [0, 1] and F > 0";
  else if (!(o->delta >= 0.0 && o->delta <= 1.0))
    what = "the mutation probability delta must lie in [0, 1]";
  else if (rl_evolve_bits_per_gene (o->a, o->b, o->epsilon) == 0)
    what = "the precision epsilon needs more than 31 bits per coordinate";
  else if (!(o->k_q >= 0.0 && o->k_u >= 0.0 && o->max_u >= 0.0))
    what = "k_u, k_q and max_u must not be negative";
  if (what != NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "Evolutionary clustering: %s", what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_data (const gsl_matrix      *X,
            const RlEvolveOptions *o,
            GError               **error)
{
  if (X == NULL || X->size1 == 0 || X->size2 == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "Evolutionary clustering: no data");
      return FALSE;
    }
  if (o->k > X->size1)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "Cannot make %u clusters of %zu regions: choose k at most %zu",
                   o->k, X->size1, X->size1);
      return FALSE;
    }
  for (gsize i = 0; i < X->size1; i++)
    for (gsize j = 0; j < X->size2; j++)
      if (!isfinite (gsl_matrix_get (X, i, j)))
        {
          g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                       "Evolutionary clustering: the value in row %zu, column %zu is not a "
                       "finite number; impute or drop missing values first", i + 1, j + 1);
          return FALSE;
        }
  return check_options (X, o, error);
}

static RlClustering *
make_result (const RlEvolveRun *run)
{
  const RlEvolveOptions *o = run->options;
  const gsl_matrix *X = run->X;
  RlClustering *result;

  result = rl_clustering_new (rl_evolve_method_to_string (o->method), X->size1, X->size2, o->k);
  for (guint c = 0; c < o->k; c++)
    for (gsize j = 0; j < X->size2; j++)
      gsl_matrix_set (result->centers, c, j, run->best[c * X->size2 + j]);
  if (o->lloyd_polish)
    result->n_iter = rl_evolve_lloyd (X, result->centers, result->labels, 100);
  else
    for (guint i = 0; i < X->size1; i++)
      result->labels[i] = rl_evolve_nearest (run->fitness, run->best, i);
  rl_clustering_update_scores (result, X);
  result->n_iter += o->iterations;
  result->converged = TRUE;
  result->history = g_array_ref (run->history);
  return result;
}

typedef gboolean (*RunFunc) (RlEvolveRun *run, GError **error);

RlClustering *
rl_evolve (const gsl_matrix      *X,
           const RlEvolveOptions *options,
           RlProgressFunc         progress,
           gpointer               progress_data,
           GCancellable          *cancellable,
           GError               **error)
{
  static const RunFunc runs[] = {
    rl_evolve_run_es, rl_evolve_run_de, rl_evolve_run_ga, rl_evolve_run_immune,
  };
  g_autoptr(gsl_matrix) scaled = NULL;
  g_autoptr(gsl_rng) rng = NULL;
  g_autoptr(RlEvolveFitness) fitness = NULL;
  g_autoptr(GArray) history = NULL;
  g_autofree double *best = NULL;
  RlEvolveRun run = { 0 };

  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (!check_data (X, options, error))
    return NULL;
  if (options->scale)
    X = scaled = rl_evolve_scale_minmax (X, options->a, options->b);

  rng = rl_rng_new (options->seed);
  fitness = rl_evolve_fitness_new (X, options->k);
  history = g_array_sized_new (FALSE, FALSE, sizeof (double), options->iterations);
  best = g_new0 (double, (gsize) options->k * X->size2);
  run = (RlEvolveRun) {
    .X = X, .options = options, .n_genes = options->k * X->size2, .fitness = fitness,
    .rng = rng, .history = history, .progress = progress, .progress_data = progress_data,
    .cancellable = cancellable, .best = best, .best_f = INFINITY,
  };
  if (!runs[options->method] (&run, error))
    return NULL;
  return make_result (&run);
}

RlClustering *
rl_evolve_lloyd_restarts (const gsl_matrix *X,
                          guint             k,
                          guint             restarts,
                          guint64           seed)
{
  RlClustering *best = NULL;

  g_return_val_if_fail (k >= 1 && k <= X->size1, NULL);
  for (guint r = 0; r < MAX (restarts, 1); r++)
    {
      g_autoptr(gsl_rng) rng = rl_rng_new (rl_rng_derive_seed (seed, r));
      g_autofree size_t *all = g_new (size_t, X->size1);
      g_autofree size_t *pick = g_new (size_t, k);
      RlClustering *c = rl_clustering_new ("lloyd", X->size1, X->size2, k);

      for (gsize i = 0; i < X->size1; i++)
        all[i] = i;
      gsl_ran_choose (rng, pick, k, all, X->size1, sizeof (size_t));
      for (guint p = 0; p < k; p++)
        for (gsize j = 0; j < X->size2; j++)
          gsl_matrix_set (c->centers, p, j, gsl_matrix_get (X, pick[p], j));
      c->n_iter = rl_evolve_lloyd (X, c->centers, c->labels, 100);
      rl_clustering_update_scores (c, X);
      if (best == NULL || c->inertia < best->inertia)
        {
          rl_clustering_free (best);
          best = c;
        }
      else
        rl_clustering_free (c);
    }
  return best;
}
