/* rl-kmeans.c — k-means: greedy k-means++ seeding, restarts, Lloyd iterations
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-kmeans.h"

#include <math.h>
#include <string.h>

#include "rl-alloc-private.h"
#include "rl-error.h"
#include "rl-kmeans-private.h"
#include "rl-rng.h"

typedef struct
{
  const RlKmData *data;
  guint           n_init, max_iter;
  guint64         seed;
  gboolean        hartigan;
  GCancellable   *cancellable;
  guint           seed_threads;   /* threads each restart seeds with */
  gint            next;      /* next restart to run (atomic) */
  gint            done;      /* restarts finished (atomic) */
} KmJob;

/* One thread's share of the restarts and the best of them. */
typedef struct
{
  KmJob         *job;
  RlKmWork       work;
  double         inertia;
  guint          index, n_iter;
  gboolean       converged;
  gboolean       cancelled;
  double        *centers;
  guint         *labels;
  RlProgressFunc progress;
  gpointer       user_data;
} KmWorker;

static void
km_data_init (RlKmData         *data,
              const gsl_matrix *X,
              guint             k,
              double            tol)
{
  gsize n = X->size1, d = X->size2;
  g_autofree double *mean = NULL, *ss = NULL;
  double var_sum = 0.0;

  data->n = n;
  data->d = d;
  data->k = k;
  data->copy = NULL;
  if (X->tda == d)
    data->x = X->data;
  else
    {
      data->copy = rl_big_new (double, n * d);
      for (gsize i = 0; i < n; i++)
        memcpy (data->copy + i * d, gsl_matrix_const_ptr (X, i, 0), d * sizeof (double));
      data->x = data->copy;
    }
  mean = g_new0 (double, d);
  ss = g_new0 (double, d);
  for (gsize i = 0; i < n; i++)
    for (gsize j = 0; j < d; j++)
      mean[j] += data->x[i * d + j];
  for (gsize j = 0; j < d; j++)
    mean[j] /= n;
  for (gsize i = 0; i < n; i++)
    for (gsize j = 0; j < d; j++)
      ss[j] += (data->x[i * d + j] - mean[j]) * (data->x[i * d + j] - mean[j]);
  for (gsize j = 0; j < d; j++)
    var_sum += ss[j] / n;
  data->tol_abs = tol * var_sum / d;
}

static void
km_data_clear (RlKmData *data)
{
  g_clear_pointer (&data->copy, g_free);
}

static void
km_work_init (RlKmWork *w,
              gsize     n,
              gsize     d,
              guint     k)
{
  w->centers = g_new0 (double, k * d);
  w->old = g_new0 (double, k * d);
  w->sums = g_new0 (double, k * d);
  w->counts = g_new0 (guint, k);
  w->shift = g_new0 (double, k);
  w->half_gap = g_new0 (double, k);
  w->labels = rl_big_new0 (guint, n);
  w->upper = rl_big_new0 (double, n);
  w->lower = rl_big_new0 (double, n);
  w->cumsum = rl_big_new (double, n);   /* written before every read */
}

static void
km_work_clear (RlKmWork *w)
{
  g_free (w->centers);
  g_free (w->old);
  g_free (w->sums);
  g_free (w->counts);
  g_free (w->shift);
  g_free (w->half_gap);
  g_free (w->labels);
  g_free (w->upper);
  g_free (w->lower);
  g_free (w->cumsum);
}

gsize
rl_kmeans_sample_cumulative (const double *cumsum,
                             gsize         n,
                             double        r)
{
  gsize lo = 0, hi = n;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      if (cumsum[mid] < r)
        lo = mid + 1;
      else
        hi = mid;
    }
  return MIN (lo, n - 1);
}

static void
keep_if_best (KmWorker *self,
              guint     r,
              guint     n_iter,
              gboolean  converged)
{
  const RlKmData *D = self->job->data;
  double inertia = rl_kmeans_work_inertia (D, &self->work);
  guint *tmp;

  if (!(inertia < self->inertia || (inertia == self->inertia && r < self->index)))
    return;
  self->inertia = inertia;
  self->index = r;
  self->n_iter = n_iter;
  self->converged = converged;
  memcpy (self->centers, self->work.centers, D->k * D->d * sizeof (double));
  tmp = self->labels;
  self->labels = self->work.labels;
  self->work.labels = tmp;
}

static gpointer
worker_run (gpointer user_data)
{
  KmWorker *self = user_data;
  KmJob *job = self->job;

  for (;;)
    {
      guint r = (guint) g_atomic_int_add (&job->next, 1), n_iter = 0, passes = 0;
      g_autoptr(gsl_rng) rng = NULL;
      gboolean converged;
      double done;

      if (r >= job->n_init)
        break;
      rng = rl_rng_new (rl_rng_derive_seed (job->seed, r));
      rl_kmeans_seed (job->data, &self->work, rng, job->seed_threads);
      if (!rl_kmeans_lloyd_run (job->data, &self->work, job->max_iter, job->cancellable, &n_iter, &converged)
          || (job->hartigan && (passes = rl_kmeans_hartigan_run (job->data, &self->work, job->cancellable)) == 0))
        {
          self->cancelled = TRUE;
          break;
        }
      keep_if_best (self, r, n_iter + passes, converged);
      done = g_atomic_int_add (&job->done, 1) + 1;
      rl_progress_report (self->progress, self->user_data, done / job->n_init);
    }
  return NULL;
}

/* Random-swap local search on the best restart: one centre jumps to a row
 * drawn with probability ∝ its squared distance to its centre, Lloyd (and
 * Hartigan) run again, and the result is kept when the inertia drops.
 * Returns FALSE when cancelled. */
static gboolean
swap_search (KmWorker *best,
             guint     trials)
{
  KmJob *job = best->job;
  const RlKmData *D = job->data;
  RlKmWork *w = &best->work;
  g_autoptr(gsl_rng) rng = rl_rng_new (rl_rng_derive_seed (job->seed, job->n_init));

  for (guint t = 0; t < trials; t++)
    {
      guint c = gsl_rng_uniform_int (rng, D->k), n_iter = 0, passes = 0;
      gboolean converged;
      double s = 0.0;
      gsize p;

      for (gsize i = 0; i < D->n; i++)
        w->cumsum[i] = s += rl_dist2 (D->x + i * D->d, best->centers + best->labels[i] * D->d, D->d);
      if (s == 0.0)
        break;
      p = rl_kmeans_sample_cumulative (w->cumsum, D->n, gsl_rng_uniform (rng) * s);
      memcpy (w->centers, best->centers, D->k * D->d * sizeof (double));
      memcpy (w->centers + c * D->d, D->x + p * D->d, D->d * sizeof (double));
      if (!rl_kmeans_lloyd_run (D, w, job->max_iter, job->cancellable, &n_iter, &converged)
          || (job->hartigan && (passes = rl_kmeans_hartigan_run (D, w, job->cancellable)) == 0))
        return FALSE;
      keep_if_best (best, best->index, n_iter + passes, converged);
    }
  return TRUE;
}

static void
km_worker_init (KmWorker *self,
                KmJob    *job)
{
  const RlKmData *D = job->data;

  self->job = job;
  km_work_init (&self->work, D->n, D->d, D->k);
  self->inertia = INFINITY;
  self->index = G_MAXUINT;
  self->centers = g_new0 (double, D->k * D->d);
  self->labels = rl_big_new0 (guint, D->n);
}

static void
km_worker_clear (KmWorker *self)
{
  km_work_clear (&self->work);
  g_free (self->centers);
  g_free (self->labels);
}

static guint
thread_count (const RlKmeansOptions *opts,
              const RlKmData        *D)
{
  guint t = opts->n_threads > 0 ? opts->n_threads : g_get_num_processors ();

  /* Threads do not pay for themselves on tiny inputs. */
  if ((double) D->n * D->d * D->k < 2e4)
    t = 1;
  return CLAMP (t, 1, opts->n_init);
}

static guint
swap_trials (const RlKmeansOptions *opts,
             const RlKmData        *D)
{
  if (opts->n_swap != RL_KMEANS_SWAP_AUTO)
    return opts->n_swap;
  return (double) D->n * D->d * D->k <= 2e6 ? 10 * D->k : 0;
}

/* Runs the restarts on @n_threads threads (the calling one included) and
 * returns the index of the worker holding the best restart, or -1 when
 * cancelled. */
static int
run_restarts (KmWorker *workers,
              guint     n_threads)
{
  g_autofree GThread **threads = g_new0 (GThread *, n_threads);
  int best = 0;

  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("rl-kmeans", worker_run, &workers[t]);
  worker_run (&workers[0]);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);

  for (guint t = 0; t < n_threads; t++)
    {
      if (workers[t].cancelled)
        return -1;
      if (workers[t].inertia < workers[best].inertia
          || (workers[t].inertia == workers[best].inertia
              && workers[t].index < workers[best].index))
        best = t;
    }
  return best;
}

static RlClustering *
make_result (const gsl_matrix *X,
             const KmWorker   *best)
{
  const RlKmData *D = best->job->data;
  RlClustering *res = rl_clustering_new ("kmeans", D->n, D->d, D->k);

  memcpy (res->labels, best->labels, D->n * sizeof (guint));
  for (guint c = 0; c < D->k; c++)
    for (gsize j = 0; j < D->d; j++)
      gsl_matrix_set (res->centers, c, j, best->centers[c * D->d + j]);
  res->n_iter = best->n_iter;
  res->converged = best->converged;
  rl_clustering_update_scores (res, X);
  rl_clustering_canonicalize (res);
  return res;
}

void
rl_kmeans_options_init (RlKmeansOptions *opts)
{
  memset (opts, 0, sizeof *opts);
  opts->k = 0;
  opts->n_init = 10;
  opts->max_iter = 300;
  opts->tol = 1e-4;
  opts->seed = 0;
  opts->n_threads = 0;
  opts->hartigan = TRUE;
  opts->n_swap = RL_KMEANS_SWAP_AUTO;
}

RlClustering *
rl_kmeans (const gsl_matrix      *X,
           const RlKmeansOptions *opts,
           RlProgressFunc         progress,
           gpointer               user_data,
           GCancellable          *cancellable,
           GError               **error)
{
  RlKmData data;
  KmJob job = { &data, opts->n_init, opts->max_iter, opts->seed, opts->hartigan, cancellable };
  g_autofree KmWorker *workers = NULL;
  RlClustering *res = NULL;
  guint n_threads;
  int best;

  if (!rl_kmeans_check_input (X, opts->k, error))
    return NULL;
  if (opts->n_init == 0 || !(opts->tol >= 0.0))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "k-means needs n_init >= 1 and tol >= 0 (got %u and %g)",
                   opts->n_init, opts->tol);
      return NULL;
    }
  km_data_init (&data, X, opts->k, opts->tol);
  n_threads = thread_count (opts, &data);
  /* processors the restarts leave idle help each restart seed */
  job.seed_threads = MAX (1, (opts->n_threads > 0 ? opts->n_threads : g_get_num_processors ())
                                / n_threads);
  workers = g_new0 (KmWorker, n_threads);
  for (guint t = 0; t < n_threads; t++)
    km_worker_init (&workers[t], &job);
  workers[0].progress = progress;
  workers[0].user_data = user_data;

  best = run_restarts (workers, n_threads);
  if (best < 0 || g_cancellable_is_cancelled (cancellable))
    g_set_error_literal (error, RL_ERROR, RL_ERROR_CANCELLED, "k-means was cancelled");
  else if (!swap_search (&workers[best], swap_trials (opts, &data)))
    g_set_error_literal (error, RL_ERROR, RL_ERROR_CANCELLED, "k-means was cancelled");
  else
    {
      res = make_result (X, &workers[best]);
      rl_progress_report (progress, user_data, 1.0);
    }

  for (guint t = 0; t < n_threads; t++)
    km_worker_clear (&workers[t]);
  km_data_clear (&data);
  return res;
}

gboolean
rl_kmeans_plusplus (const gsl_matrix *X,
                    gsl_rng          *rng,
                    gsl_matrix       *centers,
                    GError          **error)
{
  RlKmData data;
  RlKmWork work;

  if (!rl_kmeans_check_input (X, centers->size1, error))
    return FALSE;
  g_return_val_if_fail (centers->size2 == X->size2, FALSE);
  km_data_init (&data, X, centers->size1, 0.0);
  km_work_init (&work, data.n, data.d, data.k);
  rl_kmeans_seed (&data, &work, rng, g_get_num_processors ());
  for (guint c = 0; c < data.k; c++)
    for (gsize j = 0; j < data.d; j++)
      gsl_matrix_set (centers, c, j, work.centers[c * data.d + j]);
  km_work_clear (&work);
  km_data_clear (&data);
  return TRUE;
}

gboolean
rl_kmeans_start_labels (const gsl_matrix *X,
                        guint             k,
                        guint64           seed,
                        guint            *labels,
                        GCancellable     *cancellable,
                        GError          **error)
{
  RlKmeansOptions opts;
  RlKmData data;
  RlKmWork work;
  g_autoptr(gsl_rng) rng = NULL;
  g_autofree guint *map = g_new (guint, k);
  guint n_iter, next = 0;
  gboolean converged, ok;

  rl_kmeans_options_init (&opts);
  km_data_init (&data, X, k, opts.tol);
  km_work_init (&work, data.n, data.d, data.k);
  /* the stream rl_kmeans() gives restart 0 of this seed */
  rng = rl_rng_new (rl_rng_derive_seed (seed, 0));
  rl_kmeans_seed (&data, &work, rng, g_get_num_processors ());
  ok = rl_kmeans_lloyd_run (&data, &work, opts.max_iter, cancellable, &n_iter, &converged);
  if (ok)
    {
      for (guint c = 0; c < k; c++)
        map[c] = G_MAXUINT;
      for (gsize i = 0; i < data.n; i++)
        {
          if (map[work.labels[i]] == G_MAXUINT)
            map[work.labels[i]] = next++;
          labels[i] = map[work.labels[i]];
        }
    }
  else
    g_set_error_literal (error, RL_ERROR, RL_ERROR_CANCELLED, "k-means was cancelled");
  km_work_clear (&work);
  km_data_clear (&data);
  return ok;
}

gboolean
rl_kmeans_lloyd (const gsl_matrix *X,
                 gsl_matrix       *centers,
                 guint            *labels,
                 guint             max_iter,
                 double            tol,
                 double           *inertia,
                 guint            *n_iter,
                 gboolean         *converged,
                 GCancellable     *cancellable,
                 GError          **error)
{
  RlKmData data;
  RlKmWork work;
  guint it = 0;
  gboolean conv = FALSE, ok;

  if (!rl_kmeans_check_input (X, centers->size1, error))
    return FALSE;
  g_return_val_if_fail (centers->size2 == X->size2, FALSE);
  km_data_init (&data, X, centers->size1, tol);
  km_work_init (&work, data.n, data.d, data.k);
  for (guint c = 0; c < data.k; c++)
    for (gsize j = 0; j < data.d; j++)
      work.centers[c * data.d + j] = gsl_matrix_get (centers, c, j);

  ok = rl_kmeans_lloyd_run (&data, &work, max_iter, cancellable, &it, &conv);
  if (ok)
    {
      for (guint c = 0; c < data.k; c++)
        for (gsize j = 0; j < data.d; j++)
          gsl_matrix_set (centers, c, j, work.centers[c * data.d + j]);
      memcpy (labels, work.labels, data.n * sizeof (guint));
      if (inertia != NULL)
        *inertia = rl_kmeans_work_inertia (&data, &work);
      if (n_iter != NULL)
        *n_iter = it;
      if (converged != NULL)
        *converged = conv;
    }
  else
    g_set_error_literal (error, RL_ERROR, RL_ERROR_CANCELLED, "k-means was cancelled");
  km_work_clear (&work);
  km_data_clear (&data);
  return ok;
}

gboolean
rl_kmeans_check_input (const gsl_matrix *X,
                       guint             k,
                       GError          **error)
{
  if (X == NULL || X->size1 == 0 || X->size2 == 0)
    {
      g_set_error_literal (error, RL_ERROR, RL_ERROR_INVALID, "the data has no rows or no columns");
      return FALSE;
    }
  if (k == 0 || k > X->size1)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "k = %u clusters cannot be formed from %zu rows; choose k between 1 and %zu",
                   k, X->size1, X->size1);
      return FALSE;
    }
  for (gsize i = 0; i < X->size1; i++)
    for (gsize j = 0; j < X->size2; j++)
      if (G_UNLIKELY (!isfinite (X->data[i * X->tda + j])))
        {
          g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                       "row %zu, column %zu holds %g, not a number; "
                       "impute or drop missing values first", i + 1, j + 1,
                       gsl_matrix_get (X, i, j));
          return FALSE;
        }
  return TRUE;
}
