/* rl-method.c — one entry point for every clustering method
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-method.h"

#include "rl-error.h"
#include "rl-evolve.h"
#include "rl-gmm.h"
#include "rl-hclust.h"
#include "rl-kmeans.h"

static const char *const method_names[RL_N_METHODS] = {
  "kmeans", "gmm", "hclust", "es", "de", "ga", "immune",
};

void
rl_method_spec_init (RlMethodSpec *spec)
{
  *spec = (RlMethodSpec) {
    .method = RL_METHOD_KMEANS,
    .k = 3,
    .seed = 1,
    .n_init = 10,
    .max_iter = 0,
    .covariance = RL_COVARIANCE_FULL,
    .linkage = RL_LINKAGE_WARD,
    .iterations = 2000,
    .population = 100,
  };
}

const char *
rl_method_to_string (RlMethod method)
{
  g_return_val_if_fail (method < RL_N_METHODS, NULL);
  return method_names[method];
}

gboolean
rl_method_from_string (const char *name,
                       RlMethod   *method)
{
  for (guint m = 0; m < RL_N_METHODS; m++)
    if (g_str_equal (name, method_names[m]))
      {
        *method = m;
        return TRUE;
      }
  return FALSE;
}

gboolean
rl_method_is_long (RlMethod method)
{
  return method >= RL_METHOD_ES;
}

static RlClustering *
run_kmeans (const gsl_matrix   *X,
            const RlMethodSpec *spec,
            RlProgressFunc      progress,
            gpointer            data,
            GCancellable       *cancellable,
            GError            **error)
{
  RlKmeansOptions opts;

  rl_kmeans_options_init (&opts);
  opts.k = spec->k;
  opts.seed = spec->seed;
  opts.n_init = MAX (spec->n_init, 1);
  if (spec->max_iter > 0)
    opts.max_iter = spec->max_iter;
  return rl_kmeans (X, &opts, progress, data, cancellable, error);
}

static RlClustering *
run_gmm (const gsl_matrix   *X,
         const RlMethodSpec *spec,
         RlProgressFunc      progress,
         gpointer            data,
         GCancellable       *cancellable,
         GError            **error)
{
  RlGmmOptions opts;

  rl_gmm_options_init (&opts);
  opts.k = spec->k;
  opts.seed = spec->seed;
  opts.n_init = MAX (spec->n_init, 1);
  opts.covariance = spec->covariance;
  if (spec->max_iter > 0)
    opts.max_iter = spec->max_iter;
  return rl_gmm (X, &opts, progress, data, cancellable, error);
}

static RlClustering *
run_evolve (const gsl_matrix   *X,
            const RlMethodSpec *spec,
            RlProgressFunc      progress,
            gpointer            data,
            GCancellable       *cancellable,
            GError            **error)
{
  static const RlEvolveMethod methods[] = { RL_EVOLVE_ES, RL_EVOLVE_DE, RL_EVOLVE_GA, RL_EVOLVE_IMMUNE };
  RlEvolveOptions opts;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

  rl_evolve_options_init (&opts);
  opts.method = methods[spec->method - RL_METHOD_ES];
  opts.k = spec->k;
  opts.seed = spec->seed;
  opts.iterations = spec->iterations;
  opts.population = spec->population;
  opts.per_centre = spec->per_centre;
  opts.lloyd_polish = spec->polish;
  /* Genomes live in the box of the data as given (the paper min-max scales
   * to [-10, 10] first; the caller chooses the scaling). */
  for (gsize i = 0; i < X->size1 * X->tda; i++)
    if (i % X->tda < X->size2)
      lo = MIN (lo, X->data[i]), hi = MAX (hi, X->data[i]);
  opts.a = lo;
  opts.b = hi > lo ? hi : lo + 1.0;
  return rl_evolve (X, &opts, progress, data, cancellable, error);
}

RlClustering *
rl_method_run (const gsl_matrix   *X,
               const RlMethodSpec *spec,
               RlProgressFunc      progress,
               gpointer            progress_data,
               GCancellable       *cancellable,
               GError            **error)
{
  RlClustering *result = NULL;

  rl_gsl_init ();
  switch (spec->method)
    {
    case RL_METHOD_KMEANS:
      result = run_kmeans (X, spec, progress, progress_data, cancellable, error);
      break;
    case RL_METHOD_GMM:
      result = run_gmm (X, spec, progress, progress_data, cancellable, error);
      break;
    case RL_METHOD_HCLUST:
      result = rl_hclust (X, spec->linkage, spec->k, cancellable, error);
      break;
    case RL_METHOD_ES:
    case RL_METHOD_DE:
    case RL_METHOD_GA:
    case RL_METHOD_IMMUNE:
      result = run_evolve (X, spec, progress, progress_data, cancellable, error);
      break;
    case RL_N_METHODS:
    default:
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "unknown clustering method %d", spec->method);
      return NULL;
    }
  rl_progress_report (progress, progress_data, 1.0);
  return result;
}

RlClustering *
rl_method_cluster_func (const gsl_matrix *X,
                        guint             k,
                        gpointer          spec,
                        GCancellable     *cancellable,
                        GError          **error)
{
  RlMethodSpec copy = *(const RlMethodSpec *) spec;

  copy.k = k;
  return rl_method_run (X, &copy, NULL, NULL, cancellable, error);
}
