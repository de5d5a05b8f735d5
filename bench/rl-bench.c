/* rl-bench.c — times core methods on one data file, for the bench scripts
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   rl-bench BENCHMARK FILE [--cols D] [--k K] [--n-init N] [--seed S] [--threads T]
 *
 * FILE is a numeric CSV (no header) or raw little-endian doubles (*.f64, row
 * after row, --cols D). Prints one JSON object: benchmark, n, d, seconds and
 * the method's score. New methods are added as a row of the benchmark table.
 */
#include <stdio.h>
#include <stdlib.h>

#include "rl-gmm.h"
#include "rl-kmeans.h"

typedef struct
{
  guint   k, n_init, threads, cols;
  guint64 seed;
} BenchArgs;

/* Runs the method once; returns the score to print (inertia, BIC …) in *score. */
typedef RlClustering *(*BenchFunc) (const gsl_matrix *X,
                                    const BenchArgs  *args,
                                    GError          **error);

typedef struct
{
  const char *name;
  const char *score_name;
  BenchFunc   func;
} Benchmark;

static RlClustering *
bench_kmeans (const gsl_matrix *X,
              const BenchArgs  *args,
              GError          **error)
{
  RlKmeansOptions opts;

  rl_kmeans_options_init (&opts);
  opts.k = args->k;
  opts.n_init = args->n_init;
  opts.seed = args->seed;
  opts.n_threads = args->threads;
  return rl_kmeans (X, &opts, NULL, NULL, NULL, error);
}

static RlClustering *
bench_gmm (const gsl_matrix *X,
           const BenchArgs  *args,
           RlCovariance      covariance,
           GError          **error)
{
  RlGmmOptions opts;

  rl_gmm_options_init (&opts);
  opts.k = args->k;
  opts.n_init = args->n_init;
  opts.seed = args->seed;
  opts.covariance = covariance;
  return rl_gmm (X, &opts, NULL, NULL, NULL, error);
}

static RlClustering *
bench_gmm_full (const gsl_matrix *X, const BenchArgs *args, GError **error)
{
  return bench_gmm (X, args, RL_COVARIANCE_FULL, error);
}

static RlClustering *
bench_gmm_diag (const gsl_matrix *X, const BenchArgs *args, GError **error)
{
  return bench_gmm (X, args, RL_COVARIANCE_DIAG, error);
}

static RlClustering *
bench_gmm_tied (const gsl_matrix *X, const BenchArgs *args, GError **error)
{
  return bench_gmm (X, args, RL_COVARIANCE_TIED, error);
}

static RlClustering *
bench_gmm_spherical (const gsl_matrix *X, const BenchArgs *args, GError **error)
{
  return bench_gmm (X, args, RL_COVARIANCE_SPHERICAL, error);
}

static const Benchmark benchmarks[] = {
  { "kmeans", "inertia", bench_kmeans },
  { "gmm-full", "bic", bench_gmm_full },
  { "gmm-diag", "bic", bench_gmm_diag },
  { "gmm-tied", "bic", bench_gmm_tied },
  { "gmm-spherical", "bic", bench_gmm_spherical },
};

static gsl_matrix *
load_f64 (const char *path,
          guint       cols,
          GError    **error)
{
  g_autofree char *bytes = NULL;
  gsize len, n;
  gsl_matrix *X;

  if (!g_file_get_contents (path, &bytes, &len, error))
    return NULL;
  if (cols == 0 || len % (cols * sizeof (double)) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s: size %zu is not a whole number of rows of %u doubles", path, len, cols);
      return NULL;
    }
  n = len / (cols * sizeof (double));
  X = gsl_matrix_alloc (n, cols);
  memcpy (X->data, bytes, len);
  return X;
}

static gsl_matrix *
load_csv (const char *path,
          GError    **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  guint rows = 0;
  gsl_matrix *X;

  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;
  for (char *p = text, *end; *p != '\0'; p = end)
    {
      double v = g_ascii_strtod (p, &end);
      if (end == p)
        {
          end = p + 1;
          continue;
        }
      g_array_append_val (values, v);
      if (*end == '\n' || *end == '\0')
        rows++;
    }
  if (rows == 0 || values->len % rows != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: not a rectangular CSV", path);
      return NULL;
    }
  X = gsl_matrix_alloc (rows, values->len / rows);
  memcpy (X->data, values->data, values->len * sizeof (double));
  return X;
}

int
main (int argc, char **argv)
{
  BenchArgs args = { 8, 10, 0, 0, 0 };
  gint64 k = 8, n_init = 10, threads = 0, cols = 0, seed = 0;
  GOptionEntry entries[] = {
    { "k", 0, 0, G_OPTION_ARG_INT64, &k, "clusters", "K" },
    { "n-init", 0, 0, G_OPTION_ARG_INT64, &n_init, "restarts", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "seed", "S" },
    { "threads", 0, 0, G_OPTION_ARG_INT64, &threads, "threads (0: all)", "T" },
    { "cols", 0, 0, G_OPTION_ARG_INT64, &cols, "columns of a .f64 file", "D" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("BENCHMARK FILE");
  g_autoptr(GError) error = NULL;
  g_autoptr(gsl_matrix) X = NULL;
  g_autoptr(RlClustering) res = NULL;
  const Benchmark *bench = NULL;
  gint64 start;
  double seconds;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3)
    {
      g_printerr ("usage: rl-bench BENCHMARK FILE [options]; benchmarks:");
      for (guint b = 0; b < G_N_ELEMENTS (benchmarks); b++)
        g_printerr (" %s", benchmarks[b].name);
      g_printerr ("\n");
      return 2;
    }
  for (guint b = 0; b < G_N_ELEMENTS (benchmarks); b++)
    if (g_strcmp0 (argv[1], benchmarks[b].name) == 0)
      bench = &benchmarks[b];
  if (bench == NULL)
    {
      g_printerr ("rl-bench: unknown benchmark %s\n", argv[1]);
      return 2;
    }
  args = (BenchArgs) { k, n_init, threads, cols, seed };
  X = g_str_has_suffix (argv[2], ".f64") ? load_f64 (argv[2], args.cols, &error)
                                         : load_csv (argv[2], &error);
  if (X == NULL)
    {
      g_printerr ("rl-bench: %s\n", error->message);
      return 2;
    }

  start = g_get_monotonic_time ();
  res = bench->func (X, &args, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  if (res == NULL)
    {
      g_printerr ("rl-bench: %s\n", error->message);
      return 1;
    }
  printf ("{\"benchmark\": \"%s\", \"n\": %zu, \"d\": %zu, \"k\": %u, \"seconds\": %.4f, "
          "\"%s\": %.10g, \"n_iter\": %u}\n",
          bench->name, X->size1, X->size2, args.k, seconds, bench->score_name,
          g_strcmp0 (bench->score_name, "bic") == 0 ? res->bic : res->inertia, res->n_iter);
  return 0;
}
