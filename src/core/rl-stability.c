/* rl-stability.c — how stable a clustering is over seeds and bootstrap samples
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-stability.h"

#include <math.h>
#include <string.h>

#include "rl-error.h"
#include "rl-grouping.h"
#include "rl-rng.h"

static RlStability *
stability_alloc (guint                     n,
                 const RlStabilityOptions *opts)
{
  RlStability *self = g_new0 (RlStability, 1);
  guint s = MAX (opts->n_seeds, 1), b = MAX (opts->n_bootstrap, 1);

  self->n = n;
  self->k = opts->k;
  self->n_seeds = opts->n_seeds;
  self->n_bootstrap = opts->n_bootstrap;
  self->labels = g_new0 (guint, (gsize) s * n);
  self->reference = g_new0 (guint, n);
  self->coassignment = rl_coassignment_new (n);
  self->stability = g_new0 (double, n);
  self->bootstrap_ari = g_new0 (double, b);
  self->neediest = g_new0 (guint, s);
  self->neediest_size = g_new0 (guint, s);
  self->p_neediest = g_new0 (double, n);
  return self;
}

static gboolean
check_options (const gsl_matrix         *X,
               RlClusterFunc             func,
               const RlStabilityOptions *opts,
               GError                  **error)
{
  if (func == NULL || X == NULL || X->size1 == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "stability needs data and a clustering "
                   "method");
      return FALSE;
    }
  if (opts->k == 0 || opts->k > X->size1)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "k = %u clusters is not possible with %zu "
                   "regions", opts->k, X->size1);
      return FALSE;
    }
  if (opts->n_seeds == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "stability needs at least one seed run");
      return FALSE;
    }
  if (opts->need != NULL && opts->need->size != X->size1)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "%zu need scores for %zu regions",
                   opts->need->size, X->size1);
      return FALSE;
    }
  return TRUE;
}

/* Runs the method and checks what it returns. */
static RlClustering *
cluster (const gsl_matrix *X,
         RlClusterFunc     func,
         gpointer          data,
         guint             k,
         guint64           seed,
         GCancellable     *cancellable,
         GError          **error)
{
  g_autoptr(RlClustering) c = func (X, k, seed, data, cancellable, error);

  if (c == NULL)
    return NULL;
  if (c->n != X->size1 || c->labels == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_NUMERIC, "the clustering method returned %u labels "
                   "for %zu rows", c->n, X->size1);
      return NULL;
    }
  for (guint i = 0; i < c->n; i++)
    if (c->labels[i] >= k)
      {
        g_set_error (error, RL_ERROR, RL_ERROR_NUMERIC, "the clustering method returned label "
                     "%u for k = %u", c->labels[i], k);
        return NULL;
      }
  return g_steal_pointer (&c);
}

static gboolean
cancelled (GCancellable *cancellable,
           GError      **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;
  g_set_error_literal (error, RL_ERROR, RL_ERROR_CANCELLED, "The stability runs were cancelled");
  return TRUE;
}

static void
find_neediest (RlStability      *self,
               const gsl_matrix *X,
               const gsl_vector *need,
               guint             s)
{
  const guint *labels = self->labels + (gsize) s * self->n;
  g_autoptr(RlInterpretation) in = rl_interpretation_new (X, labels, self->k, need, NULL);

  self->neediest[s] = in != NULL ? in->neediest : RL_GROUP_NONE;
  self->neediest_size[s] = in != NULL && in->neediest != RL_GROUP_NONE ? in->sizes[in->neediest]
                                                                         : 0;
  for (guint i = 0; i < self->n; i++)
    self->p_neediest[i] += labels[i] == self->neediest[s];  /* a count until the end */
}

static gboolean
seed_runs (RlStability              *self,
           const gsl_matrix         *X,
           RlClusterFunc             func,
           gpointer                  data,
           const RlStabilityOptions *opts,
           RlProgressFunc            progress,
           gpointer                  progress_data,
           GCancellable             *cancellable,
           GError                  **error)
{
  guint total = opts->n_seeds + opts->n_bootstrap;

  for (guint s = 0; s < opts->n_seeds; s++)
    {
      g_autoptr(RlClustering) c = NULL;

      if (cancelled (cancellable, error))
        return FALSE;
      c = cluster (X, func, data, opts->k, rl_rng_derive_seed (opts->seed, s), cancellable, error);
      if (c == NULL || !rl_coassignment_add (self->coassignment, c->labels, self->n, error))
        return FALSE;
      memcpy (self->labels + (gsize) s * self->n, c->labels, self->n * sizeof (guint));
      if (opts->need != NULL)
        find_neediest (self, X, opts->need, s);
      rl_progress_report (progress, progress_data, (double) (s + 1) / total);
    }
  memcpy (self->reference, self->labels, self->n * sizeof (guint));
  return TRUE;
}

/* One bootstrap run: @labels gets the label of each row's first draw, or
 * RL_GROUP_NONE. */
static gboolean
bootstrap_run (const gsl_matrix *X,
               RlClusterFunc     func,
               gpointer          data,
               guint             k,
               guint64           seed,
               guint            *labels,
               GCancellable     *cancellable,
               GError          **error)
{
  gsize n = X->size1;
  g_autoptr(gsl_rng) rng = rl_rng_new (seed);
  g_autoptr(gsl_matrix) B = gsl_matrix_alloc (n, X->size2);
  g_autofree guint *drawn = g_new (guint, n);
  g_autoptr(RlClustering) c = NULL;

  for (gsize t = 0; t < n; t++)
    {
      drawn[t] = gsl_rng_uniform_int (rng, n);
      for (gsize j = 0; j < X->size2; j++)
        gsl_matrix_set (B, t, j, gsl_matrix_get (X, drawn[t], j));
    }
  if ((c = cluster (B, func, data, k, seed, cancellable, error)) == NULL)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    labels[i] = RL_GROUP_NONE;
  for (gsize t = 0; t < n; t++)
    if (labels[drawn[t]] == RL_GROUP_NONE)
      labels[drawn[t]] = c->labels[t];
  return TRUE;
}

/* ARI of @labels with @reference on the rows @labels keeps. */
static double
partial_ari (const guint *labels,
             const guint *reference,
             gsize        n)
{
  g_autofree guint *a = g_new (guint, n), *b = g_new (guint, n);
  gsize m = 0;

  for (gsize i = 0; i < n; i++)
    if (labels[i] != RL_GROUP_NONE)
      {
        a[m] = labels[i];
        b[m++] = reference[i];
      }
  return rl_adjusted_rand_index (a, b, m);
}

static gboolean
bootstrap_runs (RlStability              *self,
                const gsl_matrix         *X,
                RlClusterFunc             func,
                gpointer                  data,
                const RlStabilityOptions *opts,
                RlProgressFunc            progress,
                gpointer                  progress_data,
                GCancellable             *cancellable,
                GError                  **error)
{
  g_autofree guint *labels = g_new (guint, self->n);
  guint total = opts->n_seeds + opts->n_bootstrap;

  for (guint b = 0; b < opts->n_bootstrap; b++)
    {
      guint64 seed = rl_rng_derive_seed (opts->seed, opts->n_seeds + b);

      if (cancelled (cancellable, error)
          || !bootstrap_run (X, func, data, opts->k, seed, labels, cancellable, error)
          || !rl_coassignment_add (self->coassignment, labels, self->n, error))
        return FALSE;
      self->bootstrap_ari[b] = partial_ari (labels, self->reference, self->n);
      rl_progress_report (progress, progress_data, (double) (opts->n_seeds + b + 1) / total);
    }
  return TRUE;
}

static void
summarise_ari (RlStability *self)
{
  g_autofree const guint **runs = g_new (const guint *, self->n_seeds);
  double sum = 0.0;
  guint pairs = 0;

  for (guint s = 0; s < self->n_seeds; s++)
    runs[s] = self->labels + (gsize) s * self->n;
  self->ari = rl_stability_ari_matrix (runs, self->n_seeds, self->n);
  self->ari_min = 1.0;
  for (guint s = 0; s < self->n_seeds; s++)
    for (guint t = s + 1; t < self->n_seeds; t++)
      {
        double v = gsl_matrix_get (self->ari, s, t);
        sum += v;
        pairs++;
        self->ari_min = MIN (self->ari_min, v);
      }
  self->ari_mean = pairs > 0 ? sum / pairs : 1.0;
}

/* Public functions */

void
rl_stability_options_init (RlStabilityOptions *opts)
{
  *opts = (RlStabilityOptions) {
    .k = 0,
    .n_seeds = 20,
    .n_bootstrap = 20,
    .seed = 0,
    .need = NULL,
  };
}

RlStability *
rl_stability_new (const gsl_matrix         *X,
                  RlClusterFunc             func,
                  gpointer                  func_data,
                  const RlStabilityOptions *opts,
                  RlProgressFunc            progress,
                  gpointer                  progress_data,
                  GCancellable             *cancellable,
                  GError                  **error)
{
  g_autoptr(RlStability) self = NULL;

  if (!check_options (X, func, opts, error))
    return NULL;
  self = stability_alloc (X->size1, opts);
  if (!seed_runs (self, X, func, func_data, opts, progress, progress_data, cancellable, error)
      || !bootstrap_runs (self, X, func, func_data, opts, progress, progress_data, cancellable,
                          error))
    return NULL;
  if (!rl_coassignment_stability (self->coassignment, self->reference, self->n, self->stability,
                                  error))
    return NULL;
  summarise_ari (self);
  for (guint i = 0; i < self->n; i++)
    self->p_neediest[i] = opts->need != NULL ? self->p_neediest[i] / self->n_seeds : NAN;
  return g_steal_pointer (&self);
}

void
rl_stability_free (RlStability *self)
{
  if (self == NULL)
    return;
  g_free (self->labels);
  g_free (self->reference);
  g_clear_pointer (&self->coassignment, rl_coassignment_free);
  g_free (self->stability);
  g_clear_pointer (&self->ari, gsl_matrix_free);
  g_free (self->bootstrap_ari);
  g_free (self->neediest);
  g_free (self->neediest_size);
  g_free (self->p_neediest);
  g_free (self);
}

gsl_matrix *
rl_stability_ari_matrix (const guint * const *labelings,
                         guint                m,
                         gsize                n)
{
  gsl_matrix *ari = gsl_matrix_alloc (MAX (m, 1), MAX (m, 1));

  gsl_matrix_set_identity (ari);
  for (guint s = 0; s < m; s++)
    for (guint t = s + 1; t < m; t++)
      {
        double v = rl_adjusted_rand_index (labelings[s], labelings[t], n);
        gsl_matrix_set (ari, s, t, v);
        gsl_matrix_set (ari, t, s, v);
      }
  return ari;
}
