/* test-validity.c — validity indices against scikit-learn, by hand, and select-k
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/validity-reference.json comes from scikit-learn 1.2.1's
 * silhouette_score, silhouette_samples, calinski_harabasz_score and
 * davies_bouldin_score (see make-hclust-pca-validity-reference.py); all
 * agree within 1e-9 relative (absolute below 1).
 */
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sort.h>
#include "rl-error.h"
#include "rl-rng.h"
#include "rl-select-k.h"
#include "rl-validity.h"
#include "rl-test-json.h"

#define TOL 1e-9

static void
check_set (JsonObject *ref)
{
  g_autoptr(gsl_matrix) X = rl_test_json_member_matrix (ref, "X");
  g_autofree guint *labels = rl_test_json_member_labels (ref, "labels", X->size1);
  g_autoptr(gsl_vector) want = rl_test_json_member_vector (ref, "silhouette_samples");
  g_autofree double *samples = g_new (double, X->size1);
  guint k = json_object_get_int_member (ref, "k");
  g_autoptr(GError) error = NULL;
  double mean, again, ch, db;

  g_assert_true (rl_silhouette (X, labels, k, &mean, samples, NULL, &error));
  g_assert_no_error (error);
  rl_assert_close (mean, json_object_get_double_member (ref, "silhouette"), TOL);
  g_assert_cmpuint (want->size, ==, X->size1);
  for (gsize i = 0; i < X->size1; i++)
    rl_assert_close (samples[i], gsl_vector_get (want, i), TOL);
  g_assert_true (rl_silhouette (X, labels, k, &again, NULL, NULL, NULL));
  g_assert_cmpmem (&mean, sizeof mean, &again, sizeof again);   /* deterministic */

  g_assert_true (rl_calinski_harabasz (X, labels, k, &ch, &error));
  rl_assert_close (ch, json_object_get_double_member (ref, "calinski_harabasz"), TOL);
  g_assert_true (rl_davies_bouldin (X, labels, k, &db, &error));
  rl_assert_close (db, json_object_get_double_member (ref, "davies_bouldin"), TOL);
}

static void
test_against_sklearn (void)
{
  g_autoptr(JsonParser) parser = rl_test_json_load ("validity-reference.json");
  JsonObject *root = rl_test_json_root (parser);
  const char *sets[] = { "quartiles", "duplicates", "big" };

  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      g_test_message ("%s", sets[s]);
      check_set (json_object_get_object_member (root, sets[s]));
    }
}

/* 0, 1 | 3, 4 on a line. */
static void
test_line_by_hand (void)
{
  const double x[] = { 0, 1, 3, 4 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 4, 1);
  const guint labels[] = { 0, 0, 1, 1 };
  const guint gapped[] = { 0, 0, 2, 2 };   /* cluster 1 empty: ignored */
  double s[4], mean, ch, db, mean2;

  g_assert_true (rl_silhouette (&X.matrix, labels, 2, &mean, s, NULL, NULL));
  rl_assert_close (s[0], 2.5 / 3.5, 1e-15);
  rl_assert_close (s[1], 1.5 / 2.5, 1e-15);
  rl_assert_close (s[2], 1.5 / 2.5, 1e-15);
  rl_assert_close (s[3], 2.5 / 3.5, 1e-15);
  rl_assert_close (mean, (2.5 / 3.5 + 0.6) / 2, 1e-15);
  g_assert_true (rl_calinski_harabasz (&X.matrix, labels, 2, &ch, NULL));
  rl_assert_close (ch, 18.0, 1e-14);   /* between 9 · (4 − 2) over within 1 · (2 − 1) */
  g_assert_true (rl_davies_bouldin (&X.matrix, labels, 2, &db, NULL));
  rl_assert_close (db, 1.0 / 3, 1e-15);   /* (0.5 + 0.5) / 3 */

  g_assert_true (rl_silhouette (&X.matrix, gapped, 3, &mean2, NULL, NULL, NULL));
  rl_assert_close (mean2, mean, 1e-15);
  g_assert_true (rl_davies_bouldin (&X.matrix, gapped, 3, &db, NULL));
  rl_assert_close (db, 1.0 / 3, 1e-15);
}

static void
test_degenerate (void)
{
  const double x[] = { 0, 1, 3, NAN };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 3, 1);
  gsl_matrix_const_view Xn = gsl_matrix_const_view_array (x, 4, 1);
  const guint one[] = { 0, 0, 0, 0 }, all[] = { 0, 1, 2, 3 }, two[] = { 0, 0, 1, 1 };
  g_autoptr(GError) error = NULL;
  double v;

  g_assert_false (rl_silhouette (&X.matrix, one, 1, &v, NULL, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rl_calinski_harabasz (&X.matrix, all, 3, &v, &error));   /* k = n */
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rl_davies_bouldin (&X.matrix, all, 2, &v, &error));      /* label 2 >= k */
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rl_silhouette (&Xn.matrix, two, 2, &v, NULL, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
}

/* Identical points in two clusters: every index is defined and finite. */
static void
test_identical_points (void)
{
  const double x[] = { 2, 2, 2, 2, 2, 2 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 3, 2);
  const guint labels[] = { 0, 0, 1 };
  double s[3], mean, ch, db;

  g_assert_true (rl_silhouette (&X.matrix, labels, 2, &mean, s, NULL, NULL));
  rl_assert_close (mean, 0.0, 0);
  g_assert_true (rl_calinski_harabasz (&X.matrix, labels, 2, &ch, NULL));
  rl_assert_close (ch, 1.0, 0);
  g_assert_true (rl_davies_bouldin (&X.matrix, labels, 2, &db, NULL));
  rl_assert_close (db, 0.0, 0);
}

/* Silhouette of row @i straight from its definition, every distance anew. */
static double
silhouette_by_definition (const gsl_matrix *X,
                          const guint      *labels,
                          guint             k,
                          gsize             i)
{
  g_autofree double *sum = g_new0 (double, k);
  g_autofree guint *count = g_new0 (guint, k);
  double a, b = INFINITY;

  for (gsize j = 0; j < X->size1; j++)
    {
      double s = 0.0;

      for (gsize t = 0; t < X->size2; t++)
        s += gsl_pow_2 (gsl_matrix_get (X, i, t) - gsl_matrix_get (X, j, t));
      sum[labels[j]] += sqrt (s);
      count[labels[j]]++;
    }
  if (count[labels[i]] < 2)
    return 0.0;
  a = sum[labels[i]] / (count[labels[i]] - 1);
  for (guint c = 0; c < k; c++)
    if (c != labels[i] && count[c] > 0)
      b = MIN (b, sum[c] / count[c]);
  return (b - a) / MAX (a, b);
}

/* Enough rows for two threads, clusters of every size modulo 4 (a
 * singleton and an empty one among them), labels in no order: each row
 * agrees with the definition, and the result does not depend on the
 * order of the rows. */
static void
test_silhouette_by_definition (void)
{
  const gsize n = 1203, d = 7;
  const guint k = 9;
  g_autoptr(gsl_matrix) X = gsl_matrix_alloc (n, d);
  g_autoptr(gsl_matrix) Y = gsl_matrix_alloc (n, d);
  g_autofree guint *labels = g_new (guint, n);
  g_autofree guint *reversed = g_new (guint, n);
  g_autofree double *s = g_new (double, n);
  g_autoptr(gsl_rng) rng = rl_rng_new (7);
  double mean, mean_reversed, total = 0.0;

  for (gsize i = 0; i < n; i++)
    {
      /* cluster 5 stays empty, cluster 8 holds row 600 only */
      labels[i] = i == 600 ? 8 : gsl_rng_uniform_int (rng, 8);
      if (labels[i] == 5)
        labels[i] = 6;
      for (gsize t = 0; t < d; t++)
        gsl_matrix_set (X, i, t, labels[i] + 2.0 * gsl_rng_uniform (rng) - t * 0.25);
    }
  for (gsize i = 0; i < n; i++)
    {
      gsl_vector_const_view row = gsl_matrix_const_row (X, n - 1 - i);

      gsl_matrix_set_row (Y, i, &row.vector);
      reversed[i] = labels[n - 1 - i];
    }
  g_assert_true (rl_silhouette (X, labels, k, &mean, s, NULL, NULL));
  for (gsize i = 0; i < n; i++)
    {
      rl_assert_close (s[i], silhouette_by_definition (X, labels, k, i), 1e-12);
      total += s[i];
    }
  g_assert_cmpfloat (s[600], ==, 0.0);
  rl_assert_close (mean, total / n, 1e-15);
  g_assert_true (rl_silhouette (Y, reversed, k, &mean_reversed, NULL, NULL, NULL));
  rl_assert_close (mean_reversed, mean, 1e-13);
}

/* Above the exact bound the silhouette is the one of a seeded sample of rows,
 * scored among themselves: the same seed gives the same value, which is the
 * exact silhouette of the rows drawn, and close to that of all rows. */
static void
test_silhouette_sampled (void)
{
  g_autoptr(gsl_rng) rng = rl_rng_new (11);
  g_autoptr(gsl_matrix) X = gsl_matrix_alloc (600, 2);
  g_autofree guint *labels = g_new (guint, 600);
  double exact, mean, again, other, direct;
  guint n_sample = 1;

  for (guint i = 0; i < 600; i++)
    {
      labels[i] = i % 3;
      gsl_matrix_set (X, i, 0, 10.0 * labels[i] + gsl_ran_gaussian (rng, 2.0));
      gsl_matrix_set (X, i, 1, gsl_ran_gaussian (rng, 2.0));
    }
  g_assert_true (rl_silhouette (X, labels, 3, &exact, NULL, NULL, NULL));
  /* At or below the bound: exact, no sample. */
  g_assert_true (rl_silhouette_sampled (X, labels, 3, 600, 5, &mean, &n_sample, NULL, NULL));
  g_assert_cmpuint (n_sample, ==, 0);
  g_assert_cmpfloat (mean, ==, exact);
  /* Above: a sample of 100 rows, the same for the same seed. */
  g_assert_true (rl_silhouette_sampled (X, labels, 3, 100, 5, &mean, &n_sample, NULL, NULL));
  g_assert_cmpuint (n_sample, ==, 100);
  g_assert_true (rl_silhouette_sampled (X, labels, 3, 100, 5, &again, &n_sample, NULL, NULL));
  g_assert_cmpfloat (mean, ==, again);
  g_assert_true (rl_silhouette_sampled (X, labels, 3, 100, 6, &other, &n_sample, NULL, NULL));
  g_assert_cmpfloat (mean, !=, other);
  g_assert_cmpfloat (fabs (mean - exact), <, 0.05);
  g_assert_cmpfloat (fabs (other - exact), <, 0.05);
  /* The sample of 599 of 600 rows leaves one out: the exact silhouette of the rest. */
  g_assert_true (rl_silhouette_sampled (X, labels, 3, 599, 5, &mean, &n_sample, NULL, NULL));
  g_assert_cmpuint (n_sample, ==, 599);
  for (guint skip = 0; skip < 600; skip++)
    {
      g_autoptr(gsl_matrix) Y = gsl_matrix_alloc (599, 2);
      g_autofree guint *ly = g_new (guint, 599);

      for (guint i = 0, t = 0; i < 600; i++)
        if (i != skip)
          {
            gsl_vector_view row = gsl_matrix_row (X, i);
            gsl_matrix_set_row (Y, t, &row.vector);
            ly[t++] = labels[i];
          }
      g_assert_true (rl_silhouette (Y, ly, 3, &direct, NULL, NULL, NULL));
      if (direct == mean)
        return;
    }
  g_error ("the sampled silhouette is the silhouette of no 599 rows");
}

static void
test_growth_ratio (void)
{
  double f[] = { 4, 2, 1, 0, 3 };

  rl_growth_ratio (f, 5, f);
  rl_assert_close (f[0], 0.5, 0);
  rl_assert_close (f[1], 0.5, 0);
  rl_assert_close (f[2], 0.0, 0);
  g_assert_true (isnan (f[3]));   /* f(k) = 0 */
  g_assert_true (isnan (f[4]));   /* the last k */
}

/* A toy method for 1-D data: sorts the values and cuts them into k runs of
 * (nearly) equal length. Fails for k = 5 to check that errors propagate. */
static RlClustering *
split_sorted (const gsl_matrix *X,
              guint             k,
              gpointer          data,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autoptr(RlClustering) c = NULL;
  g_autofree size_t *order = g_new (size_t, X->size1);

  if (k == 5)
    {
      g_set_error_literal (error, RL_ERROR, RL_ERROR_NUMERIC, "toy failure");
      return NULL;
    }
  c = rl_clustering_new ("toy", X->size1, 1, k);
  gsl_sort_index (order, X->data, X->tda, X->size1);
  for (gsize r = 0; r < X->size1; r++)
    c->labels[order[r]] = r * k / X->size1;
  rl_clustering_update_from_labels (c, X);
  return g_steal_pointer (&c);
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >, *last);
  *last = fraction;
}

static void
test_select_k (void)
{
  const double x[] = { 0.0, 20.1, 10.2, 0.3, 10.0, 20.0, 0.1, 10.1, 20.3, 0.2, 10.3, 20.2 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 12, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlSelectK) sk = NULL;
  double last = 0.0;

  sk = rl_select_k (&X.matrix, 1, 4, split_sorted, NULL, on_progress_cb, &last, NULL, &error);
  g_assert_no_error (error);
  rl_assert_close (last, 1.0, 0);
  g_assert_cmpuint (sk->rows->len, ==, 4);
  g_assert_cmpuint (sk->clusterings->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      RlSelectKRow *row = &g_array_index (sk->rows, RlSelectKRow, i);
      RlClustering *c = g_ptr_array_index (sk->clusterings, i);
      double s = NAN;

      g_assert_cmpuint (row->k, ==, i + 1);
      rl_assert_close (row->inertia, c->inertia, 0);
      rl_assert_close (row->f_k, c->f_k, 0);
      g_assert_true (isnan (row->bic) && isnan (row->aic) && isnan (row->log_likelihood));
      if (i + 1 < 4)
        rl_assert_close (row->growth_ratio,
                         g_array_index (sk->rows, RlSelectKRow, i + 1).f_k / row->f_k, 1e-15);
      else
        g_assert_true (isnan (row->growth_ratio));
      if (i == 0)
        {
          g_assert_true (isnan (row->silhouette) && isnan (row->davies_bouldin));
          continue;
        }
      g_assert_true (rl_silhouette (&X.matrix, c->labels, c->k, &s, NULL, NULL, NULL));
      rl_assert_close (row->silhouette, s, 0);
      g_assert_true (isfinite (row->calinski_harabasz) && isfinite (row->davies_bouldin));
    }
  /* Three groups: the best silhouette and the sharpest drop of f_k are at k = 3. */
  g_assert_cmpfloat (g_array_index (sk->rows, RlSelectKRow, 2).silhouette, >,
                     g_array_index (sk->rows, RlSelectKRow, 1).silhouette);
  g_assert_cmpfloat (g_array_index (sk->rows, RlSelectKRow, 2).silhouette, >,
                     g_array_index (sk->rows, RlSelectKRow, 3).silhouette);
  g_assert_cmpfloat (g_array_index (sk->rows, RlSelectKRow, 1).growth_ratio, <, 0.1);
}

static void
test_select_k_errors (void)
{
  const double x[] = { 0, 1, 2, 3, 4, 5 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 6, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_null (rl_select_k (&X.matrix, 2, 5, split_sorted, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_NUMERIC);
  g_clear_error (&error);
  g_assert_null (rl_select_k (&X.matrix, 2, 7, split_sorted, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rl_select_k (&X.matrix, 0, 2, split_sorted, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  g_cancellable_cancel (cancellable);
  g_assert_null (rl_select_k (&X.matrix, 1, 3, split_sorted, NULL, NULL, NULL, cancellable,
                              &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_CANCELLED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/validity/against-sklearn", test_against_sklearn);
  g_test_add_func ("/validity/line-by-hand", test_line_by_hand);
  g_test_add_func ("/validity/degenerate", test_degenerate);
  g_test_add_func ("/validity/identical-points", test_identical_points);
  g_test_add_func ("/validity/silhouette-by-definition", test_silhouette_by_definition);
  g_test_add_func ("/validity/silhouette-sampled", test_silhouette_sampled);
  g_test_add_func ("/validity/growth-ratio", test_growth_ratio);
  g_test_add_func ("/select-k/toy-method", test_select_k);
  g_test_add_func ("/select-k/errors", test_select_k_errors);
  return g_test_run ();
}
