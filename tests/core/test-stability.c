/* test-stability.c — clustering stability over seeds and bootstrap samples
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-error.h"
#include "rl-grouping.h"
#include "rl-rng.h"
#include "rl-stability.h"
#include "rl-test.h"

typedef struct
{
  gboolean unstable;  /* odd seeds move the boundary between groups by one row */
  gboolean bad;       /* return an out-of-range label */
} Toy;

/* A deterministic toy method: rows sorted by their first value are cut into k
 * groups of equal count; the group numbers are rotated by the seed. */
static RlClustering *
toy_cluster (const gsl_matrix *X,
             guint             k,
             guint64           seed,
             gpointer          data,
             GCancellable     *cancellable,
             GError          **error)
{
  const Toy *toy = data;
  gsize n = X->size1;
  RlClustering *c = rl_clustering_new ("toy", n, X->size2, k);
  guint shift = toy->unstable ? seed % 2 : 0;

  for (gsize i = 0; i < n; i++)
    {
      guint below = 0;
      double xi = gsl_matrix_get (X, i, 0);
      for (gsize t = 0; t < n; t++)
        below += gsl_matrix_get (X, t, 0) < xi || (gsl_matrix_get (X, t, 0) == xi && t < i);
      c->labels[i] = (MIN ((below + shift) * k / n, k - 1) + seed) % k;
    }
  rl_clustering_update_from_labels (c, X);
  if (toy->bad)
    c->labels[0] = k;
  return c;
}

static gsl_matrix *
line (guint n)
{
  gsl_matrix *X = gsl_matrix_alloc (n, 2);

  for (guint i = 0; i < n; i++)
    {
      gsl_matrix_set (X, i, 0, i);
      gsl_matrix_set (X, i, 1, (i * 7) % 5);
    }
  return X;
}

static void
test_stable (void)
{
  g_autoptr(gsl_matrix) X = line (12);
  gsl_vector_const_view need = gsl_matrix_const_column (X, 0);
  Toy toy = { FALSE, FALSE };
  RlStabilityOptions opts;
  g_autoptr(RlStability) st = NULL;
  GError *error = NULL;

  rl_stability_options_init (&opts);
  opts.k = 3;
  opts.n_bootstrap = 0;
  opts.need = &need.vector;
  st = rl_stability_new (X, toy_cluster, &toy, &opts, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  rl_assert_close (st->ari_mean, 1.0, 1e-15);
  rl_assert_close (st->ari_min, 1.0, 1e-15);
  for (guint i = 0; i < 12; i++)
    {
      rl_assert_close (st->stability[i], 1.0, 1e-15);
      g_assert_cmpfloat (st->p_neediest[i], ==, (i >= 8 ? 1.0 : 0.0));
    }
  for (guint s = 0; s < opts.n_seeds; s++)
    g_assert_cmpuint (st->neediest_size[s], ==, 4);
}

/* Odd seeds give groups of 3, 4, 5 rows instead of 4, 4, 4: the neediest
 * cluster holds 5 or 4 rows, row 7 is in it in the odd runs only. */
static void
test_unstable (void)
{
  g_autoptr(gsl_matrix) X = line (12);
  gsl_vector_const_view need = gsl_matrix_const_column (X, 0);
  Toy toy = { TRUE, FALSE };
  RlStabilityOptions opts;
  g_autoptr(RlStability) st = NULL, again = NULL;
  guint odd = 0;

  rl_stability_options_init (&opts);
  opts.k = 3;
  opts.seed = 5;
  opts.need = &need.vector;
  st = rl_stability_new (X, toy_cluster, &toy, &opts, NULL, NULL, NULL, NULL);
  again = rl_stability_new (X, toy_cluster, &toy, &opts, NULL, NULL, NULL, NULL);
  for (guint s = 0; s < opts.n_seeds; s++)
    {
      gboolean is_odd = rl_rng_derive_seed (opts.seed, s) % 2;
      odd += is_odd;
      g_assert_cmpuint (st->neediest_size[s], ==, is_odd ? 5 : 4);
    }
  g_assert_cmpuint (odd, >, 0);
  g_assert_cmpuint (odd, <, opts.n_seeds);
  rl_assert_close (st->p_neediest[7], (double) odd / opts.n_seeds, 1e-12);
  g_assert_cmpfloat (st->p_neediest[11], ==, 1.0);
  g_assert_cmpfloat (st->ari_min, <, 1.0);
  g_assert_cmpfloat (st->ari_mean, <, 1.0);
  /* deterministic, bootstrap included */
  for (guint i = 0; i < 12; i++)
    g_assert_cmpfloat (st->stability[i], ==, again->stability[i]);
  for (guint b = 0; b < opts.n_bootstrap; b++)
    g_assert_cmpfloat (st->bootstrap_ari[b], ==, again->bootstrap_ari[b]);
  /* boundary rows are less stable than the ends */
  g_assert_cmpfloat (st->stability[0], >, st->stability[7]);
}

static void
test_ari_matrix (void)
{
  const guint a[] = { 0, 0, 1, 1 }, b[] = { 1, 1, 0, 0 }, c[] = { 0, 1, 0, 1 };
  const guint *runs[] = { a, b, c };
  g_autoptr(gsl_matrix) ari = rl_stability_ari_matrix (runs, 3, 4);

  g_assert_cmpfloat (gsl_matrix_get (ari, 0, 1), ==, 1.0);
  /* sklearn.metrics.adjusted_rand_score([0,0,1,1], [0,1,0,1]) = −0.5 */
  rl_assert_close (gsl_matrix_get (ari, 0, 2), -0.5, 1e-12);
  rl_assert_close (gsl_matrix_get (ari, 2, 1), -0.5, 1e-12);
}

static void
test_errors (void)
{
  g_autoptr(gsl_matrix) X = line (4);
  Toy toy = { FALSE, TRUE };
  RlStabilityOptions opts;
  GError *error = NULL;

  rl_stability_options_init (&opts);
  opts.k = 5;
  g_assert_null (rl_stability_new (X, toy_cluster, &toy, &opts, NULL, NULL, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  opts.k = 2;
  g_assert_null (rl_stability_new (X, toy_cluster, &toy, &opts, NULL, NULL, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_NUMERIC);
  g_clear_error (&error);
}

int
main (int argc, char **argv)
{
  rl_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stability/stable", test_stable);
  g_test_add_func ("/stability/unstable", test_unstable);
  g_test_add_func ("/stability/ari-matrix", test_ari_matrix);
  g_test_add_func ("/stability/errors", test_errors);
  return g_test_run ();
}
