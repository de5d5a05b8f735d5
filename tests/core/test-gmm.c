/* test-gmm.c — Gaussian mixtures: hand-checked cases, degenerate input, scikit-learn
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include "rl-error.h"
#include "rl-gmm.h"
#include "rl-rng.h"
#include "rl-test-matrix.h"

static gboolean
fit (const gsl_matrix *X,
     guint             k,
     RlCovariance      covariance,
     guint             n_init,
     RlGmmModel      **model,
     RlClustering    **clustering,
     GError          **error)
{
  RlGmmOptions opts;

  rl_gmm_options_init (&opts);
  opts.k = k;
  opts.covariance = covariance;
  opts.n_init = n_init;
  opts.seed = 2026;
  return rl_gmm_fit (X, &opts, model, clustering, NULL, NULL, NULL, error);
}

/* Two groups of three on a line: the means, variances and weights are exact. */
static void
test_two_clusters (void)
{
  const double x[] = { -0.1, 10.1, 0.0, 9.9, 0.1, 10.0 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 6, 1);
  g_autoptr(RlGmmModel) m = NULL;
  g_autoptr(RlClustering) c = NULL;
  g_autoptr(GError) error = NULL;
  double var = 0.02 / 3.0 + 1e-6, ll;
  guint a = 0, b = 1;

  g_assert_true (fit (&X.matrix, 2, RL_COVARIANCE_FULL, 1, &m, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (c->method, ==, "gmm");
  if (gsl_matrix_get (m->means, 0, 0) > 5.0)
    a = 1, b = 0;
  rl_assert_close (gsl_matrix_get (m->means, a, 0), 0.0, 1e-12);
  rl_assert_close (gsl_matrix_get (m->means, b, 0), 10.0, 1e-12);
  rl_assert_close (gsl_vector_get (m->weights, a), 0.5, 1e-12);
  rl_assert_close (gsl_matrix_get (m->covariances, a, 0), var, 1e-9);
  rl_assert_close (gsl_matrix_get (m->covariances, b, 0), var, 1e-9);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpuint (c->labels[i], ==, i % 2 == 0 ? a : b);
  /* Each row has responsibility 1 for its own group: LL = Σ log(½ N(x | μ, var)). */
  ll = 0.0;
  for (guint i = 0; i < 6; i++)
    {
      double t = x[i] - (i % 2 == 0 ? 0.0 : 10.0);
      ll += log (0.5) - 0.5 * log (2 * M_PI * var) - 0.5 * t * t / var;
    }
  rl_assert_close (c->log_likelihood, ll, 1e-9);
  rl_assert_close (c->bic, -2 * ll + 5 * log (6.0), 1e-9);
  rl_assert_close (c->aic, -2 * ll + 10, 1e-9);
  rl_assert_close (c->inertia, 0.04, 1e-9);
  g_assert_true (c->converged);
  g_assert_nonnull (c->responsibilities);
}

static void
test_parameters (void)
{
  RlCovariance t;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (rl_gmm_n_parameters (RL_COVARIANCE_FULL, 3, 6), ==, 63 + 18 + 2);
  g_assert_cmpuint (rl_gmm_n_parameters (RL_COVARIANCE_TIED, 3, 6), ==, 21 + 18 + 2);
  g_assert_cmpuint (rl_gmm_n_parameters (RL_COVARIANCE_DIAG, 3, 6), ==, 18 + 18 + 2);
  g_assert_cmpuint (rl_gmm_n_parameters (RL_COVARIANCE_SPHERICAL, 3, 6), ==, 3 + 18 + 2);
  g_assert_true (rl_covariance_from_string ("tied", &t, &error));
  g_assert_cmpint (t, ==, RL_COVARIANCE_TIED);
  g_assert_cmpstr (rl_covariance_to_string (RL_COVARIANCE_SPHERICAL), ==, "spherical");
  g_assert_false (rl_covariance_from_string ("round", &t, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
}

static void
test_invalid (void)
{
  const double x[] = { 0, 1, NAN, 3 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 4, 1);
  gsl_matrix_const_view Y = gsl_matrix_const_view_array (x, 2, 1);
  g_autoptr(RlClustering) c = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (fit (&X.matrix, 2, RL_COVARIANCE_FULL, 1, NULL, &c, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_assert_null (c);
  g_clear_error (&error);
  g_assert_false (fit (&Y.matrix, 3, RL_COVARIANCE_DIAG, 1, NULL, &c, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_assert_null (c);
}

static void
test_single_row (void)
{
  const double x[] = { 1, 2, 3 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 1, 3);
  g_autoptr(RlClustering) c = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (fit (&X.matrix, 1, RL_COVARIANCE_FULL, 1, NULL, &c, &error));
  g_assert_no_error (error);
  /* Σ = reg_covar · I */
  rl_assert_close (c->log_likelihood, -1.5 * log (2 * M_PI * 1e-6), 1e-12);
}

/* A constant column, duplicate rows and 85 × 20 nearly singular data fit
 * for every covariance type without failing. */
static void
test_degenerate (void)
{
  const double x[] = { 1, 5, 1, 5, 1, 5, 2, 5, 2, 5, 2, 5, 9, 5, 9, 5 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 8, 2);
  g_autoptr(gsl_matrix) W = rl_test_load_csv ("clust-wide-85x20.csv");
  g_autoptr(gsl_matrix) D = rl_test_load_csv ("clust-dups-60x3.csv");

  for (RlCovariance t = RL_COVARIANCE_FULL; t <= RL_COVARIANCE_SPHERICAL; t++)
    {
      g_autoptr(RlClustering) a = NULL, b = NULL, c = NULL, e = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (fit (&X.matrix, 3, t, 2, NULL, &a, &error));
      g_assert_true (fit (&X.matrix, 8, t, 2, NULL, &e, &error));
      g_assert_true (fit (W, 4, t, 2, NULL, &b, &error));
      g_assert_true (fit (D, 5, t, 2, NULL, &c, &error));
      g_assert_no_error (error);
      g_assert_true (isfinite (a->bic) && isfinite (b->bic) && isfinite (c->bic));
      g_assert_true (isfinite (e->log_likelihood));
    }
}

/* Without reg_covar a constant column makes Σ singular: the fit adds
 * regularisation and says so. The log-likelihood of a model with a zero
 * variance is a clear error. */
static void
test_regularisation (void)
{
  const double x[] = { 1, 5, 1.2, 5, 0.9, 5, 7, 5, 7.5, 5, 8, 5 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 6, 2);
  g_autoptr(RlGmmModel) m = NULL;
  g_autoptr(RlClustering) c = NULL, e = NULL;
  g_autoptr(GError) error = NULL;
  RlGmmOptions opts;
  double ll;

  rl_gmm_options_init (&opts);
  opts.k = 2;
  opts.reg_covar = 0.0;
  g_assert_true (rl_gmm_fit (&X.matrix, &opts, &m, &c, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (m->n_regularised, >, 0);
  g_assert_cmpfloat (m->max_extra_reg, >, 0.0);
  g_assert_true (isfinite (c->log_likelihood));

  opts.covariance = RL_COVARIANCE_DIAG;
  g_clear_pointer (&m, rl_gmm_model_free);
  g_assert_true (rl_gmm_fit (&X.matrix, &opts, &m, &e, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (m->n_regularised, >, 0);
  g_assert_true (isfinite (e->log_likelihood));

  gsl_matrix_set (m->covariances, 1, 1, 0.0);
  g_assert_false (rl_gmm_model_log_likelihood (m, &X.matrix, &ll, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_NUMERIC);
}

static void
test_deterministic (void)
{
  g_autoptr(gsl_matrix) X = rl_test_load_csv ("clust-regions-85x6.csv");
  g_autoptr(RlClustering) a = NULL, b = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (fit (X, 4, RL_COVARIANCE_FULL, 3, NULL, &a, &error));
  g_assert_true (fit (X, 4, RL_COVARIANCE_FULL, 3, NULL, &b, &error));
  g_assert_cmpfloat (a->log_likelihood, ==, b->log_likelihood);
  g_assert_cmpmem (a->labels, X->size1 * sizeof (guint), b->labels, X->size1 * sizeof (guint));
}

static void
test_cancelled (void)
{
  g_autoptr(gsl_matrix) X = rl_test_load_csv ("clust-blobs-150x4.csv");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RlClustering) c = NULL;
  g_autoptr(GError) error = NULL;
  RlGmmOptions opts;

  rl_gmm_options_init (&opts);
  opts.k = 3;
  g_cancellable_cancel (cancellable);
  c = rl_gmm (X, &opts, NULL, NULL, cancellable, &error);
  g_assert_error (error, RL_ERROR, RL_ERROR_CANCELLED);
  g_assert_null (c);
}

static RlCovariance
covariance_member (JsonObject *o)
{
  RlCovariance t = RL_COVARIANCE_FULL;

  g_assert_true (rl_covariance_from_string (json_object_get_string_member (o, "covariance"),
                                            &t, NULL));
  return t;
}

/* With 10 starts the BIC is never worse than scikit-learn's default fit
 * (values stored by tests/data/make-gmm-reference.py), within 1e-6 relative. */
static void
test_vs_sklearn (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root = rl_test_load_json ("gmm-reference.json", &parser);
  JsonArray *cases = json_object_get_array_member (root, "cases");
  guint worse = 0;

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *o = json_array_get_object_element (cases, i);
      const char *file = json_object_get_string_member (o, "file");
      guint k = json_object_get_int_member (o, "k");
      double bic = json_object_get_double_member (o, "bic");
      g_autoptr(gsl_matrix) X = rl_test_load_csv (file);
      g_autoptr(RlClustering) c = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (fit (X, k, covariance_member (o), 10, NULL, &c, &error));
      g_assert_no_error (error);
      g_test_message ("%s %s k=%u: BIC %.10g, scikit-learn %.10g", file,
                      json_object_get_string_member (o, "covariance"), k, c->bic, bic);
      if (c->bic > bic + 1e-6 * fabs (bic))
        {
          g_printerr ("%s %s k=%u: BIC %.10g is worse than scikit-learn's %.10g\n", file,
                      json_object_get_string_member (o, "covariance"), k, c->bic, bic);
          worse++;
        }
    }
  g_assert_cmpuint (worse, ==, 0);
}

static void
set_matrix (gsl_matrix *M,
            JsonArray  *rows,
            gsize       offset)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonArray *row = json_array_get_array_element (rows, i);
      for (guint j = 0; j < json_array_get_length (row); j++)
        gsl_matrix_set (M, offset + i, j, json_array_get_double_element (row, j));
    }
}

/* Our log-likelihood of scikit-learn's own fitted models equals its
 * score_samples sum within 1e-9 relative. */
static void
test_log_likelihood (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root = rl_test_load_json ("gmm-reference.json", &parser);
  JsonArray *models = json_object_get_array_member (root, "models");

  g_assert_cmpuint (json_array_get_length (models), ==, 4);
  for (guint i = 0; i < json_array_get_length (models); i++)
    {
      JsonObject *o = json_array_get_object_element (models, i);
      g_autoptr(gsl_matrix) X = rl_test_load_csv (json_object_get_string_member (o, "file"));
      guint k = json_object_get_int_member (o, "k");
      g_autoptr(RlGmmModel) m = rl_gmm_model_new (covariance_member (o), k, X->size2);
      JsonArray *weights = json_object_get_array_member (o, "weights");
      JsonArray *covs = json_object_get_array_member (o, "covariances");
      g_autoptr(GError) error = NULL;
      double ll = 0.0;

      for (guint c = 0; c < k; c++)
        {
          gsl_vector_set (m->weights, c, json_array_get_double_element (weights, c));
          set_matrix (m->covariances, json_array_get_array_element (covs, c), c * X->size2);
        }
      set_matrix (m->means, json_object_get_array_member (o, "means"), 0);
      g_assert_true (rl_gmm_model_log_likelihood (m, X, &ll, &error));
      g_assert_no_error (error);
      rl_assert_close (ll, json_object_get_double_member (o, "log_likelihood"), 1e-9);
    }
}

/* log π_c + log N(x | μ_c, Σ_c) straight from a Cholesky factor of Σ_c. */
static double
log_density (RlGmmModel   *m,
             guint         c,
             const double *x)
{
  gsl_matrix_view S = rl_gmm_model_covariance (m, c);
  g_autoptr(gsl_matrix) L = gsl_matrix_alloc (m->d, m->d);
  g_autoptr(gsl_vector) y = gsl_vector_alloc (m->d);
  double q, logdet = 0.0;

  gsl_matrix_memcpy (L, &S.matrix);
  g_assert_cmpint (gsl_linalg_cholesky_decomp1 (L), ==, GSL_SUCCESS);
  for (guint j = 0; j < m->d; j++)
    {
      gsl_vector_set (y, j, x[j] - gsl_matrix_get (m->means, c, j));
      logdet += 2.0 * log (gsl_matrix_get (L, j, j));
    }
  gsl_blas_dtrsv (CblasLower, CblasNoTrans, CblasNonUnit, L, y);
  gsl_blas_ddot (y, y, &q);
  return log (gsl_vector_get (m->weights, c)) - 0.5 * (m->d * log (2 * M_PI) + logdet + q);
}

/* A fit large enough to be split between threads, with a number of
 * components that is not a multiple of the four the diagonal types handle
 * at once: for every covariance type its log-likelihood and responsibilities
 * are those of its model computed from the definition. */
static void
test_large_fit_consistent (void)
{
  const guint n = 9000, d = 6, k = 5;
  g_autoptr(gsl_matrix) X = gsl_matrix_alloc (n, d);
  g_autoptr(gsl_rng) rng = rl_rng_new (11);

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < d; j++)
      gsl_matrix_set (X, i, j, 3.0 * (i % k) * (j % 2 ? 1 : -1) + gsl_ran_gaussian (rng, 1.0 + j % 3));
  for (RlCovariance t = RL_COVARIANCE_FULL; t <= RL_COVARIANCE_SPHERICAL; t++)
    {
      g_autoptr(RlGmmModel) m = NULL;
      g_autoptr(RlClustering) c = NULL;
      g_autoptr(GError) error = NULL;
      double ll = 0.0, worst = 0.0;

      g_assert_true (fit (X, k, t, 1, &m, &c, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < n; i++)
        {
          const double *x = gsl_matrix_const_ptr (X, i, 0);
          double lp[5], top = -INFINITY, s = 0.0;

          for (guint e = 0; e < k; e++)
            top = MAX (top, lp[e] = log_density (m, e, x));
          for (guint e = 0; e < k; e++)
            s += exp (lp[e] - top);
          ll += top + log (s);
          for (guint e = 0; e < k; e++)
            worst = MAX (worst, fabs (exp (lp[e] - top) / s
                                      - gsl_matrix_get (c->responsibilities, i, e)));
        }
      g_test_message ("%s: log-likelihood %.12g, by definition %.12g, responsibilities within %g",
                      rl_covariance_to_string (t), c->log_likelihood, ll, worst);
      rl_assert_close (c->log_likelihood, ll, 1e-10);
      g_assert_cmpfloat (worst, <, 1e-9);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gmm/two-clusters", test_two_clusters);
  g_test_add_func ("/gmm/parameters", test_parameters);
  g_test_add_func ("/gmm/invalid", test_invalid);
  g_test_add_func ("/gmm/single-row", test_single_row);
  g_test_add_func ("/gmm/degenerate", test_degenerate);
  g_test_add_func ("/gmm/regularisation", test_regularisation);
  g_test_add_func ("/gmm/deterministic", test_deterministic);
  g_test_add_func ("/gmm/cancelled", test_cancelled);
  g_test_add_func ("/gmm/log-likelihood", test_log_likelihood);
  g_test_add_func ("/gmm/vs-sklearn", test_vs_sklearn);
  g_test_add_func ("/gmm/large-fit-consistent", test_large_fit_consistent);
  return g_test_run ();
}
