/* test-kmeans.c — k-means: hand-checked cases, degenerate input, scikit-learn
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-error.h"
#include "rl-kmeans.h"
#include "rl-rng.h"
#include "rl-test-matrix.h"

static RlClustering *
run_kmeans (const gsl_matrix *X,
            guint             k,
            guint64           seed,
            guint             n_threads,
            GError          **error)
{
  RlKmeansOptions opts;

  rl_kmeans_options_init (&opts);
  opts.k = k;
  opts.seed = seed;
  opts.n_threads = n_threads;
  return rl_kmeans (X, &opts, NULL, NULL, NULL, error);
}

/* Random rows around @k well separated centres. */
static gsl_matrix *
make_blobs (guint   n,
            guint   d,
            guint   k,
            guint64 seed)
{
  g_autoptr(gsl_rng) rng = rl_rng_new (seed);
  gsl_matrix *X = gsl_matrix_alloc (n, d);

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < d; j++)
      gsl_matrix_set (X, i, j, 5.0 * ((i % k) * (j + 1) % 7) + gsl_rng_uniform (rng));
  return X;
}

static void
test_two_clusters (void)
{
  const double x[] = { 0, 0, 0, 1, 10, 0, 10, 1, 0, 0.5 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 5, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlClustering) c = run_kmeans (&X.matrix, 2, 1, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (c->method, ==, "kmeans");
  g_assert_cmpuint (c->labels[0], ==, 0);
  g_assert_cmpuint (c->labels[1], ==, 0);
  g_assert_cmpuint (c->labels[4], ==, 0);
  g_assert_cmpuint (c->labels[2], ==, 1);
  g_assert_cmpuint (c->labels[3], ==, 1);
  rl_assert_close (gsl_matrix_get (c->centers, 0, 0), 0.0, 1e-15);
  rl_assert_close (gsl_matrix_get (c->centers, 0, 1), 0.5, 1e-15);
  rl_assert_close (gsl_matrix_get (c->centers, 1, 0), 10.0, 1e-15);
  rl_assert_close (gsl_matrix_get (c->centers, 1, 1), 0.5, 1e-15);
  /* cluster 0: 0.25 + 0.25 + 0; cluster 1: 0.25 + 0.25 */
  rl_assert_close (c->inertia, 1.0, 1e-15);
  rl_assert_close (c->f_k, 1.0 / 3.0 + 0.5, 1e-15);
  g_assert_true (c->converged);
  g_assert_cmpuint (c->n_empty, ==, 0);
}

static void
test_invalid_k (void)
{
  const double x[] = { 0, 1, 2 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 3, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlClustering) c = run_kmeans (&X.matrix, 4, 1, 0, &error);
  g_autoptr(RlClustering) c0 = NULL;

  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_assert_null (c);
  g_clear_error (&error);
  c0 = run_kmeans (&X.matrix, 0, 1, 0, &error);
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_assert_null (c0);
}

static void
test_k_equals_n (void)
{
  const double x[] = { 0, 1, 2, 5, 4, 3 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 3, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlClustering) c = run_kmeans (&X.matrix, 3, 7, 0, &error);

  g_assert_no_error (error);
  rl_assert_close (c->inertia, 0.0, 1e-15);
  g_assert_cmpuint (c->labels[0], ==, 0);
  g_assert_cmpuint (c->labels[1], ==, 1);
  g_assert_cmpuint (c->labels[2], ==, 2);
  g_assert_cmpuint (c->n_empty, ==, 0);
}

static void
test_single_row (void)
{
  const double x[] = { 3, -1 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 1, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlClustering) c = run_kmeans (&X.matrix, 1, 0, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (c->labels[0], ==, 0);
  rl_assert_close (gsl_matrix_get (c->centers, 0, 0), 3.0, 1e-15);
  rl_assert_close (gsl_matrix_get (c->centers, 0, 1), -1.0, 1e-15);
  rl_assert_close (c->inertia, 0.0, 1e-15);
}

static void
test_constant_column (void)
{
  const double x[] = { 1, 7, 2, 7, 11, 7, 12, 7 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 4, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlClustering) c = run_kmeans (&X.matrix, 2, 3, 0, &error);

  g_assert_no_error (error);
  rl_assert_close (c->inertia, 1.0, 1e-15);
  rl_assert_close (gsl_matrix_get (c->centers, 0, 1), 7.0, 1e-15);
  rl_assert_close (gsl_matrix_get (c->centers, 1, 1), 7.0, 1e-15);
}

/* All rows equal, more clusters than distinct points: a defined result. */
static void
test_duplicate_rows (void)
{
  const double x[] = { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 6, 2);
  const double y[] = { 0, 0, 0, 0, 0, 0, 9, 9, 9, 9 };
  gsl_matrix_const_view Y = gsl_matrix_const_view_array (y, 5, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlClustering) c = run_kmeans (&X.matrix, 3, 5, 0, &error);
  g_autoptr(RlClustering) e = NULL;

  g_assert_no_error (error);
  rl_assert_close (c->inertia, 0.0, 1e-15);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpuint (c->labels[i], <, 3);

  e = run_kmeans (&Y.matrix, 4, 5, 0, &error);
  g_assert_no_error (error);
  rl_assert_close (e->inertia, 0.0, 1e-15);
  g_assert_cmpuint (e->labels[0], !=, e->labels[4]);
}

static void
test_nan (void)
{
  const double x[] = { 0, 1, NAN, 3 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 4, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlClustering) c = run_kmeans (&X.matrix, 2, 1, 0, &error);

  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_assert_null (c);
}

/* Same seed → identical result whatever the number of threads. */
static void
test_deterministic (void)
{
  g_autoptr(gsl_matrix) X = make_blobs (3000, 5, 6, 11);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlClustering) a = run_kmeans (X, 9, 42, 1, &error);
  g_autoptr(RlClustering) b = run_kmeans (X, 9, 42, 2, &error);
  g_autoptr(RlClustering) c = run_kmeans (X, 9, 42, 3, &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (a->inertia, ==, b->inertia);
  g_assert_cmpfloat (a->inertia, ==, c->inertia);
  g_assert_cmpmem (a->labels, X->size1 * sizeof (guint), b->labels, X->size1 * sizeof (guint));
  g_assert_cmpmem (a->labels, X->size1 * sizeof (guint), c->labels, X->size1 * sizeof (guint));
  g_assert_true (gsl_matrix_equal (a->centers, b->centers));
}

/* The seeds alone (no Lloyd step) of one restart. */
static RlClustering *
seeds_of (const gsl_matrix *X,
          guint             k,
          guint64           seed,
          guint             n_threads)
{
  RlKmeansOptions opts;
  g_autoptr(GError) error = NULL;
  RlClustering *c;

  rl_kmeans_options_init (&opts);
  opts.k = k;
  opts.seed = seed;
  opts.n_init = 1;
  opts.max_iter = 0;
  opts.hartigan = FALSE;
  opts.n_swap = 0;
  opts.n_threads = n_threads;
  c = rl_kmeans (X, &opts, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return c;
}

/* Seeding splits large inputs between threads in blocks of rows (the last
 * one partial here): the seeds must not depend on how many threads ran. */
static void
test_seed_threads (void)
{
  g_autoptr(gsl_matrix) X = make_blobs (41000, 5, 7, 3);

  for (guint64 seed = 1; seed <= 3; seed++)
    {
      g_autoptr(RlClustering) a = seeds_of (X, 12, seed, 1);
      g_autoptr(RlClustering) b = seeds_of (X, 12, seed, 2);
      g_autoptr(RlClustering) c = seeds_of (X, 12, seed, 5);

      g_assert_true (gsl_matrix_equal (a->centers, b->centers));
      g_assert_true (gsl_matrix_equal (a->centers, c->centers));
    }
}

/* Rows that coincide with a centre weigh 0 and are never drawn: with k
 * distinct rows, each repeated thousands of times, the seeds are exactly
 * those rows. */
static void
test_seeds_distinct (void)
{
  const double rows[4][2] = { { 0, 0 }, { 1, 0 }, { 0, 1e-3 }, { 50, 50 } };
  g_autoptr(gsl_matrix) X = gsl_matrix_alloc (4 * 9000, 2);

  for (gsize i = 0; i < X->size1; i++)
    for (gsize j = 0; j < 2; j++)
      gsl_matrix_set (X, i, j, rows[(i * 7) % 4][j]);
  for (guint64 seed = 1; seed <= 20; seed++)
    {
      g_autoptr(RlClustering) c = seeds_of (X, 4, seed, 2);

      g_assert_cmpfloat (c->inertia, ==, 0.0);
    }
}

static void
test_cancelled (void)
{
  g_autoptr(gsl_matrix) X = make_blobs (500, 3, 4, 3);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RlClustering) c = NULL;
  RlKmeansOptions opts;

  rl_kmeans_options_init (&opts);
  opts.k = 4;
  g_cancellable_cancel (cancellable);
  c = rl_kmeans (X, &opts, NULL, NULL, cancellable, &error);
  g_assert_error (error, RL_ERROR, RL_ERROR_CANCELLED);
  g_assert_null (c);
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_progress (void)
{
  g_autoptr(gsl_matrix) X = make_blobs (200, 2, 3, 5);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlClustering) c = NULL;
  RlKmeansOptions opts;
  double last = 0.0;

  rl_kmeans_options_init (&opts);
  opts.k = 3;
  opts.n_threads = 1;
  c = rl_kmeans (X, &opts, on_progress_cb, &last, NULL, &error);
  g_assert_no_error (error);
  rl_assert_close (last, 1.0, 1e-15);
}

/* Polishing bad centres converges to centres that are the means of their members. */
static void
test_lloyd_polish (void)
{
  g_autoptr(gsl_matrix) X = rl_test_load_csv ("clust-blobs-150x4.csv");
  g_autoptr(gsl_matrix) centers = gsl_matrix_alloc (3, 4);
  g_autofree guint *labels = g_new (guint, X->size1);
  g_autoptr(RlClustering) check = rl_clustering_new ("check", X->size1, 4, 3);
  g_autoptr(GError) error = NULL;
  double inertia;
  gboolean converged;
  guint n_iter;

  for (guint c = 0; c < 3; c++)
    for (guint j = 0; j < 4; j++)
      gsl_matrix_set (centers, c, j, gsl_matrix_get (X, c, j));
  g_assert_true (rl_kmeans_lloyd (X, centers, labels, 300, 0.0, &inertia, &n_iter, &converged,
                                  NULL, &error));
  g_assert_no_error (error);
  g_assert_true (converged);
  g_assert_cmpuint (n_iter, >, 1);
  memcpy (check->labels, labels, X->size1 * sizeof (guint));
  rl_clustering_update_from_labels (check, X);
  rl_assert_close (check->inertia, inertia, 1e-12);
  for (guint c = 0; c < 3; c++)
    for (guint j = 0; j < 4; j++)
      rl_assert_close (gsl_matrix_get (centers, c, j), gsl_matrix_get (check->centers, c, j),
                       1e-12);
}

/* The best of 10 restarts is never worse than scikit-learn's best of 10
 * (inertias stored by tests/data/make-kmeans-reference.py), within 1e-9 relative. */
static void
test_vs_sklearn (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root = rl_test_load_json ("kmeans-reference.json", &parser);
  JsonArray *cases = json_object_get_array_member (root, "cases");
  guint worse = 0;

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *o = json_array_get_object_element (cases, i);
      const char *file = json_object_get_string_member (o, "file");
      guint k = json_object_get_int_member (o, "k");
      double ref = json_object_get_double_member (o, "inertia");
      g_autoptr(gsl_matrix) X = rl_test_load_csv (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(RlClustering) c = run_kmeans (X, k, 2026, 0, &error);

      g_assert_no_error (error);
      g_test_message ("%s k=%u: inertia %.12g, scikit-learn %.12g", file, k, c->inertia, ref);
      if (c->inertia > ref * (1.0 + 1e-9))
        {
          g_printerr ("%s k=%u: inertia %.12g is worse than scikit-learn's %.12g\n",
                      file, k, c->inertia, ref);
          worse++;
        }
    }
  g_assert_cmpuint (worse, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kmeans/two-clusters", test_two_clusters);
  g_test_add_func ("/kmeans/invalid-k", test_invalid_k);
  g_test_add_func ("/kmeans/k-equals-n", test_k_equals_n);
  g_test_add_func ("/kmeans/single-row", test_single_row);
  g_test_add_func ("/kmeans/constant-column", test_constant_column);
  g_test_add_func ("/kmeans/duplicate-rows", test_duplicate_rows);
  g_test_add_func ("/kmeans/nan", test_nan);
  g_test_add_func ("/kmeans/deterministic", test_deterministic);
  g_test_add_func ("/kmeans/seed-threads", test_seed_threads);
  g_test_add_func ("/kmeans/seeds-distinct", test_seeds_distinct);
  g_test_add_func ("/kmeans/cancelled", test_cancelled);
  g_test_add_func ("/kmeans/progress", test_progress);
  g_test_add_func ("/kmeans/lloyd-polish", test_lloyd_polish);
  g_test_add_func ("/kmeans/vs-sklearn", test_vs_sklearn);
  return g_test_run ();
}
