/* test-evolve.c — evolutionary clustering: fitness, operators, runs, comparison
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-error.h"
#include "rl-evolve-compare.h"
#include "rl-evolve-private.h"
#include "rl-rng.h"
#include "rl-synth.h"
#include "rl-test.h"

#include <stdlib.h>

/* Reference values */

typedef struct
{
  double inertia, f_k, fixed_f;
  guint  fixed_empty;
} Reference;

/* tests/data/evolve-reference.csv, written by make-evolve-reference.py (scikit-learn). */
static Reference
load_reference (guint k)
{
  g_autofree char *path = rl_test_data_path ("evolve-reference.csv");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], ",", -1);

      if (g_strv_length (f) == 5 && (guint) atoi (f[0]) == k)
        return (Reference) { g_ascii_strtod (f[1], NULL), g_ascii_strtod (f[2], NULL),
                             g_ascii_strtod (f[3], NULL), (guint) atoi (f[4]) };
    }
  g_error ("no reference row for k = %u", k);
}

/* tests/data/paper-auxiliary-seed1.csv scaled to [-10, 10], as the reference script does. */
static gsl_matrix *
load_auxiliary_scaled (void)
{
  g_autofree char *path = rl_test_data_path ("paper-auxiliary-seed1.csv");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(gsl_matrix) X = gsl_matrix_alloc (350, 2);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; i < 350; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i + 1], ",", -1);

      g_assert_cmpuint (g_strv_length (f), ==, 3);
      gsl_matrix_set (X, i, 0, g_ascii_strtod (f[1], NULL));
      gsl_matrix_set (X, i, 1, g_ascii_strtod (f[2], NULL));
    }
  return rl_evolve_scale_minmax (X, -10, 10);
}

/* Fitness */

static void
test_fitness_by_hand (void)
{
  const double x[] = { 0, 0, 2, 0, 10, 0, 10, 2 };
  const double genome[] = { 1, 0, 10, 1, 50, 50 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 4, 2);
  g_autoptr(RlEvolveFitness) w = rl_evolve_fitness_new (&X.matrix, 3);
  guint empty = 99;

  /* {0, 1} at distance 1 from (1, 0); {2, 3} at distance 1 from (10, 1); the third empty */
  rl_assert_close (rl_evolve_fitness (w, genome, &empty), 2.0, 1e-15);
  g_assert_cmpuint (empty, ==, 1);
  g_assert_cmpuint (rl_evolve_nearest (w, genome, 3), ==, 1);
}

/* Against numpy: centres at every 50th scaled row of the auxiliary set. */
static void
test_fitness_reference (void)
{
  g_autoptr(gsl_matrix) X = load_auxiliary_scaled ();

  for (guint k = 2; k <= 9; k++)
    {
      Reference ref = load_reference (k);
      g_autoptr(RlEvolveFitness) w = rl_evolve_fitness_new (X, k);
      g_autofree double *genome = g_new (double, 2 * k);
      guint empty;

      for (guint c = 0; c < k; c++)
        {
          guint row = 50 * c < 350 ? 50 * c : 7 * c;
          genome[2 * c] = gsl_matrix_get (X, row, 0);
          genome[2 * c + 1] = gsl_matrix_get (X, row, 1);
        }
      rl_assert_close (rl_evolve_fitness (w, genome, &empty), ref.fixed_f, 1e-12);
      g_assert_cmpuint (empty, ==, ref.fixed_empty);
    }
}

static void
test_scale_minmax (void)
{
  const double x[] = { 1, 5, 3, 5, 2, 5 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 3, 2);
  g_autoptr(gsl_matrix) Y = rl_evolve_scale_minmax (&X.matrix, -10, 10);

  rl_assert_close (gsl_matrix_get (Y, 0, 0), -10.0, 1e-15);
  rl_assert_close (gsl_matrix_get (Y, 1, 0), 10.0, 1e-15);
  rl_assert_close (gsl_matrix_get (Y, 2, 0), 0.0, 1e-15);
  rl_assert_close (gsl_matrix_get (Y, 1, 1), 0.0, 1e-15);   /* constant column: midpoint */
}

/* Operators on hand-made inputs */

static void
test_select_best (void)
{
  const double f[] = { 5, 1, 3, 1, 0.5, 9 };
  RlEvolveRank scratch[6];
  guint order[3];

  rl_evolve_select_best (f, 6, 3, scratch, order);
  g_assert_cmpuint (order[0], ==, 4);
  g_assert_cmpuint (order[1], ==, 1);   /* tie with 3: the lower index first */
  g_assert_cmpuint (order[2], ==, 3);
}

static void
test_es_child (void)
{
  const double parent[] = { 0, 0, 0, 9.9, 0 };
  double child[5];
  g_autoptr(gsl_rng) rng = rl_rng_new (3);

  rl_evolve_es_child (parent, 5, 2, 4, 5.0, -10, 10, rng, child);
  rl_assert_close (child[0], 0.0, 0);
  rl_assert_close (child[1], 0.0, 0);
  rl_assert_close (child[4], 0.0, 0);
  g_assert_true (child[2] != 0.0 && child[3] != 9.9);
  g_assert_true (child[2] >= -10 && child[2] <= 10 && child[3] >= -10 && child[3] <= 10);

  /* σ = 1: the sample standard deviation of many children is 1 */
  double s2 = 0.0;
  for (guint i = 0; i < 20000; i++)
    {
      rl_evolve_es_child (parent, 5, 0, 1, 1.0, -10, 10, rng, child);
      s2 += child[0] * child[0];
    }
  rl_assert_close (sqrt (s2 / 20000), 1.0, 0.03);
}

static void
test_de_trial (void)
{
  const double p[] = { 0, 0, 0, 0 }, r0[] = { 1, 1, 1, 1 }, r1[] = { 2, 2, 2, 2 };
  const double r2[] = { 3, 5, 7, 9 };
  g_autoptr(gsl_rng) rng = rl_rng_new (1);
  double u[4];

  /* CR = 0: only jrand = 2 is crossed: 2 + 0.5 (7 − 1) = 5 */
  rl_evolve_de_trial (p, r0, r1, r2, 4, 0, 4, 2, 0.5, 0.0, -10, 10, rng, u);
  rl_assert_close (u[0], 0, 0);
  rl_assert_close (u[1], 0, 0);
  rl_assert_close (u[2], 5, 1e-15);
  rl_assert_close (u[3], 0, 0);
  /* CR = 1: every gene */
  rl_evolve_de_trial (p, r0, r1, r2, 4, 0, 4, 0, 0.5, 1.0, -10, 10, rng, u);
  for (guint j = 0; j < 4; j++)
    rl_assert_close (u[j], 3.0 + j, 1e-15);
  /* genes [1, 3) only, clamped to b = 4.5 */
  rl_evolve_de_trial (p, r0, r1, r2, 4, 1, 3, 1, 0.5, 1.0, -10, 4.5, rng, u);
  rl_assert_close (u[0], 0, 0);
  rl_assert_close (u[1], 4, 1e-15);
  rl_assert_close (u[2], 4.5, 1e-15);
  rl_assert_close (u[3], 0, 0);
}

static void
test_binary_code (void)
{
  const guint8 b101[] = { 1, 0, 1, 0, 0, 0, 1, 1, 1 };
  const double genes[] = { -10, 3.14159, 10, 0 };
  guint8 bits[4 * 15];
  double v[4];

  g_assert_cmpuint (rl_evolve_bits_per_gene (-10, 10, 1e-3), ==, 15);  /* 20 / 32767 < 1e-3 */
  g_assert_cmpuint (rl_evolve_bits_per_gene (0, 1, 1.0), ==, 1);
  g_assert_cmpuint (rl_evolve_bits_per_gene (0, 1, 0.5), ==, 2);   /* 1/3 <= 0.5 */
  g_assert_cmpuint (rl_evolve_bits_per_gene (0, 1, 1e-12), ==, 0);
  rl_evolve_decode (b101, 3, 3, 0, 7, v);
  rl_assert_close (v[0], 5, 1e-15);
  rl_assert_close (v[1], 0, 1e-15);
  rl_assert_close (v[2], 7, 1e-15);

  rl_evolve_encode (genes, 4, 15, -10, 10, bits);
  rl_evolve_decode (bits, 4, 15, -10, 10, v);
  for (guint g = 0; g < 4; g++)
    g_assert_cmpfloat (fabs (v[g] - genes[g]), <=, 0.5 * 20 / 32767.0 + 1e-12);
  rl_assert_close (v[0], -10, 0);
  rl_assert_close (v[2], 10, 1e-15);
}

static void
assert_bits (const guint8 *bits,
             const char   *expected)
{
  for (guint l = 0; expected[l] != '\0'; l++)
    if (bits[l] != (guint8) (expected[l] - '0'))
      g_error ("bit %u is %u, expected %s", l, bits[l], expected);
}

static void
test_crossover (void)
{
  const guint8 p1[8] = { 0 }, p2[8] = { 1, 1, 1, 1, 1, 1, 1, 1 };
  guint8 c1[8], c2[8];

  rl_evolve_crossover (p1, p2, 8, 0, 8, 3, c1, c2);
  assert_bits (c1, "00011111");
  assert_bits (c2, "11100000");
  /* restricted to bits [2, 6): the rest stays with each child's own parent */
  rl_evolve_crossover (p1, p2, 8, 2, 6, 4, c1, c2);
  assert_bits (c1, "00001100");
  assert_bits (c2, "11110011");
}

static void
test_mutate (void)
{
  guint8 bits[10] = { 0, 1, 0, 1, 0, 1, 0, 1, 0, 1 };
  g_autoptr(gsl_rng) rng = rl_rng_new (5);
  g_autofree guint8 *many = g_new0 (guint8, 100000);
  guint flips;

  g_assert_cmpuint (rl_evolve_mutate (bits, 0, 10, 0.0, rng), ==, 0);
  assert_bits (bits, "0101010101");
  g_assert_cmpuint (rl_evolve_mutate (bits, 2, 7, 1.0, rng), ==, 5);
  assert_bits (bits, "0110101101");
  /* δ = 0.01 over 100 000 bits: 1000 flips expected, σ ≈ 31.5 */
  flips = rl_evolve_mutate (many, 0, 100000, 0.01, rng);
  g_assert_cmpuint (flips, >, 1000 - 160);
  g_assert_cmpuint (flips, <, 1000 + 160);
}

static void
test_ga_selection (void)
{
  const double f[] = { 1, 2, 3, 4 };
  double cum[4];
  guint hits[4] = { 0 };
  g_autoptr(gsl_rng) rng = rl_rng_new (8);

  /* Σf = 10, weights 0.9, 0.8, 0.7, 0.6 of total 3 */
  rl_evolve_ga_cumulative (f, 4, cum);
  rl_assert_close (cum[0] / cum[3], 0.3, 1e-15);
  rl_assert_close ((cum[1] - cum[0]) / cum[3], 0.8 / 3, 1e-15);
  rl_assert_close ((cum[3] - cum[2]) / cum[3], 0.2, 1e-15);
  for (guint i = 0; i < 30000; i++)
    hits[rl_evolve_pick_cumulative (cum, 4, rng)]++;
  rl_assert_close (hits[0] / 30000.0, 0.3, 0.03);
  rl_assert_close (hits[3] / 30000.0, 0.2, 0.04);
}

/* Four members of three bits: 101, 110, 001, 100; ones per bit 3, 1, 2. */
static void
test_immune_uniqueness (void)
{
  const guint8 bits[] = { 1, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0, 0 };
  const double f[] = { 2, 3, 12, 2.5 };
  guint ones[3], clones[4];
  double log_u[4];

  rl_evolve_bit_ones (bits, 4, 3, ones);
  g_assert_cmpuint (ones[0], ==, 3);
  g_assert_cmpuint (ones[1], ==, 1);
  g_assert_cmpuint (ones[2], ==, 2);
  rl_evolve_immune_log_uniqueness (bits, 4, 3, ones, log_u);
  rl_assert_close (exp (log_u[0]), 9.0 / 32, 1e-14);   /* 3/4 · 3/4 · 1/2 */
  rl_assert_close (exp (log_u[1]), 3.0 / 32, 1e-14);   /* 3/4 · 1/4 · 1/2 */
  rl_assert_close (exp (log_u[2]), 3.0 / 32, 1e-14);   /* 1/4 · 3/4 · 1/2 */
  rl_assert_close (exp (log_u[3]), 9.0 / 32, 1e-14);

  /* defaults: min(1/(0.001 + u), 1) = 1; q = 1, 2, 11, 1.5; 1 + 10/q rounded */
  g_assert_cmpuint (rl_evolve_immune_clones (f, log_u, 4, 1, 1, 10, clones), ==, 27);
  g_assert_cmpuint (clones[0], ==, 11);
  g_assert_cmpuint (clones[1], ==, 6);
  g_assert_cmpuint (clones[2], ==, 2);
  g_assert_cmpuint (clones[3], ==, 8);
  /* max_u = 10: 1/(0.001 + u) = 3.543, 10.55 → 10, 10.55 → 10, 3.543 */
  g_assert_cmpuint (rl_evolve_immune_clones (f, log_u, 4, 1, 10, 10, clones), ==, 50);
  g_assert_cmpuint (clones[0], ==, 14);
  g_assert_cmpuint (clones[1], ==, 15);
  g_assert_cmpuint (clones[2], ==, 11);
  g_assert_cmpuint (clones[3], ==, 10);
  /* k_q = 0 and u underflowing to 0: one clone each */
  {
    const double tiny[] = { -800, -900, -1000, -1100 };
    g_assert_cmpuint (rl_evolve_immune_clones (f, tiny, 4, 1, 1, 0, clones), ==, 4);
  }
}

static void
test_lloyd (void)
{
  const double x[] = { 0, 0, 1, 0, 0, 1, 10, 10, 11, 10, 10, 11 };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 6, 2);
  const double c0[] = { 0, 0, 0.5, 0.5, -50, -50 };
  gsl_matrix_view C = gsl_matrix_view_array ((double *) g_memdup2 (c0, sizeof c0), 3, 2);
  guint labels[6];

  rl_evolve_lloyd (&X.matrix, &C.matrix, labels, 100);
  /* the empty third cluster is moved onto a far row and keeps it: no cluster is empty */
  guint count[3] = { 0 };
  for (guint i = 0; i < 6; i++)
    count[labels[i]]++;
  g_assert_cmpuint (count[0], >, 0);
  g_assert_cmpuint (count[1], >, 0);
  g_assert_cmpuint (count[2], >, 0);
  g_free (C.matrix.data);

  {
    g_autoptr(RlClustering) c = rl_evolve_lloyd_restarts (&X.matrix, 2, 10, 1);
    /* each triangle around its mean (1/3, 1/3): 2/9 + 5/9 + 5/9 = 4/3 */
    rl_assert_close (c->inertia, 8.0 / 3, 1e-12);
  }
}

/* Runs */

static RlClustering *
run_method (const gsl_matrix *X,
            RlEvolveMethod    m,
            guint             k,
            guint             iterations,
            guint             population,
            guint64           seed)
{
  RlEvolveOptions o;
  g_autoptr(GError) error = NULL;
  RlClustering *c;

  rl_evolve_options_init (&o);
  o.method = m;
  o.k = k;
  o.iterations = iterations;
  o.population = population;
  o.seed = seed;
  c = rl_evolve (X, &o, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return c;
}

static void
assert_monotone (const RlClustering *c,
                 guint               iterations)
{
  g_assert_nonnull (c->history);
  g_assert_cmpuint (c->history->len, ==, iterations);
  for (guint t = 1; t < c->history->len; t++)
    g_assert_cmpfloat (g_array_index (c->history, double, t), <=,
                       g_array_index (c->history, double, t - 1));
}

static void
test_history_monotone (void)
{
  g_autoptr(gsl_matrix) X = load_auxiliary_scaled ();

  for (RlEvolveMethod m = RL_EVOLVE_ES; m <= RL_EVOLVE_IMMUNE; m++)
    {
      g_autoptr(RlClustering) c = run_method (X, m, 3, 60, 20, 2);

      g_assert_cmpstr (c->method, ==, rl_evolve_method_to_string (m));
      assert_monotone (c, 60);
      /* the reported f_k is the last best f, recomputed from the labels */
      rl_assert_close (c->f_k, g_array_index (c->history, double, 59), 1e-12);
    }
}

static void
test_deterministic (void)
{
  g_autoptr(gsl_matrix) X = load_auxiliary_scaled ();

  for (RlEvolveMethod m = RL_EVOLVE_ES; m <= RL_EVOLVE_IMMUNE; m++)
    {
      g_autoptr(RlClustering) a = run_method (X, m, 4, 40, 20, 11);
      g_autoptr(RlClustering) b = run_method (X, m, 4, 40, 20, 11);
      g_autoptr(RlClustering) c = run_method (X, m, 4, 40, 20, 12);

      g_assert_cmpmem (a->labels, 350 * sizeof (guint), b->labels, 350 * sizeof (guint));
      g_assert_cmpmem (a->history->data, 40 * sizeof (double),
                       b->history->data, 40 * sizeof (double));
      g_assert_true (memcmp (a->history->data, c->history->data, 40 * sizeof (double)) != 0);
    }
}

/* Cancels at the first report (1 % done) and checks that it is not called again. */
static void
cancel_at_first_report (double   fraction,
                        gpointer data)
{
  g_assert_false (g_cancellable_is_cancelled (data));
  rl_assert_close (fraction, 0.01, 1e-12);
  g_cancellable_cancel (data);
}

static void
test_cancel (void)
{
  g_autoptr(gsl_matrix) X = load_auxiliary_scaled ();

  for (RlEvolveMethod m = RL_EVOLVE_ES; m <= RL_EVOLVE_IMMUNE; m++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(RlClustering) c = NULL;
      RlEvolveOptions o;

      rl_evolve_options_init (&o);
      o.method = m;
      o.iterations = 10000;
      o.population = 10;
      c = rl_evolve (X, &o, cancel_at_first_report, cancellable, cancellable, &error);
      g_assert_null (c);
      g_assert_error (error, RL_ERROR, RL_ERROR_CANCELLED);
    }
}

static void
test_degenerate (void)
{
  const double x[] = { 1, 7, 1, 7, 1, 7 };   /* duplicate rows, constant columns */
  const double bad[] = { 1, NAN };
  gsl_matrix_const_view X = gsl_matrix_const_view_array (x, 3, 2);
  gsl_matrix_const_view B = gsl_matrix_const_view_array (bad, 1, 2);
  g_autoptr(GError) error = NULL;
  RlEvolveOptions o;
  RlEvolveMethod m;

  rl_evolve_options_init (&o);
  o.k = 4;
  g_assert_null (rl_evolve (&X.matrix, &o, NULL, NULL, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  o.k = 1;
  g_assert_null (rl_evolve (&B.matrix, &o, NULL, NULL, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  o.population = 3;
  g_assert_null (rl_evolve (&X.matrix, &o, NULL, NULL, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rl_evolve_method_from_string ("pso", &m, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (rl_evolve_method_from_string ("immune", &m, NULL));
  g_assert_cmpint (m, ==, RL_EVOLVE_IMMUNE);

  for (m = RL_EVOLVE_ES; m <= RL_EVOLVE_IMMUNE; m++)
    {
      /* constant columns scaled to the midpoint; one row; k = n */
      rl_evolve_options_init (&o);
      o.method = m;
      o.k = 3;
      o.scale = TRUE;
      o.iterations = 20;
      o.population = 8;
      o.lloyd_polish = TRUE;
      {
        g_autoptr(RlClustering) c = rl_evolve (&X.matrix, &o, NULL, NULL, NULL, &error);
        g_assert_no_error (error);
        rl_assert_close (c->f_k, 0.0, 1e-12);
      }
      o.k = 1;
      {
        gsl_matrix_const_view one = gsl_matrix_const_view_array (x, 1, 2);
        g_autoptr(RlClustering) c = rl_evolve (&one.matrix, &o, NULL, NULL, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (c->labels[0], ==, 0);
      }
    }
}

static void
test_options (void)
{
  g_autoptr(gsl_matrix) X = load_auxiliary_scaled ();

  for (RlEvolveMethod m = RL_EVOLVE_ES; m <= RL_EVOLVE_IMMUNE; m++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RlClustering) c = NULL;
      RlEvolveOptions o;

      rl_evolve_options_init (&o);
      o.method = m;
      o.k = 5;
      o.iterations = 50;
      o.population = 20;
      o.per_centre = TRUE;
      o.self_adaptive = TRUE;
      o.lloyd_polish = TRUE;
      c = rl_evolve (X, &o, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      assert_monotone (c, 50);
      /* polished: every centre is the mean of its members, no cluster empty */
      g_assert_cmpuint (c->n_empty, ==, 0);
      {
        g_autoptr(RlClustering) means = rl_clustering_new ("check", 350, 2, 5);
        memcpy (means->labels, c->labels, 350 * sizeof (guint));
        rl_clustering_update_from_labels (means, X);
        rl_assert_close (means->inertia, c->inertia, 1e-12);
      }
    }
}

/* Quality: f_k within 5 % of the best k-means solution's (scikit-learn, 100 restarts). */
static void
check_quality (guint iterations,
               guint population)
{
  g_autoptr(gsl_matrix) X = load_auxiliary_scaled ();
  Reference ref = load_reference (4);
  g_autoptr(RlClustering) lloyd = rl_evolve_lloyd_restarts (X, 4, 100, 1);

  rl_assert_close (lloyd->inertia, ref.inertia, 1e-9);
  rl_assert_close (lloyd->f_k, ref.f_k, 1e-9);
  for (RlEvolveMethod m = RL_EVOLVE_ES; m <= RL_EVOLVE_IMMUNE; m++)
    {
      g_autoptr(RlClustering) c = run_method (X, m, 4, iterations, population, 1);

      g_test_message ("%s: f_k %.4f (k-means %.4f), %u empty", c->method, c->f_k, ref.f_k,
                      c->n_empty);
      g_assert_cmpfloat (c->f_k, <=, 1.05 * ref.f_k);
    }
}

static void
test_quality_reduced (void)
{
  check_quality (300, 40);
}

static void
test_quality_paper (void)
{
  if (!g_test_slow ())
    {
      g_test_skip ("the paper's settings (T = 2000, N = 100) run with -m slow");
      return;
    }
  check_quality (2000, 100);
}

/* Comparison */

static RlClustering *
lloyd_func (const gsl_matrix *X,
            guint             k,
            gpointer          data,
            GCancellable     *cancellable,
            GError          **error)
{
  return rl_evolve_lloyd_restarts (X, k, 10, 1);
}

static void
test_compare (void)
{
  g_autoptr(gsl_matrix) X = load_auxiliary_scaled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RlEvolveCompare) cmp = NULL;
  RlEvolveOptions base, options[4];
  RlEvolveCompareMethod methods[5];

  rl_evolve_options_init (&base);
  base.iterations = 20;
  base.population = 10;
  rl_evolve_compare_add_evolutionary (&base, options, methods);
  methods[4] = (RlEvolveCompareMethod) { "lloyd", lloyd_func, NULL };
  cmp = rl_evolve_compare (X, 2, 4, methods, 5, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cmp->rows->len, ==, 15);
  for (guint i = 0; i < 15; i++)
    {
      RlEvolveCompareRow *row = g_ptr_array_index (cmp->rows, i);

      g_assert_cmpstr (row->method, ==, methods[i / 3].name);
      g_assert_cmpuint (row->k, ==, 2 + i % 3);
      g_assert_cmpfloat (row->seconds, >=, 0.0);
      g_assert_true ((row->history != NULL) == (i < 12));
      if (row->k < 4)
        {
          RlEvolveCompareRow *next = g_ptr_array_index (cmp->rows, i + 1);
          rl_assert_close (row->growth_ratio, next->f_min / row->f_min, 1e-15);
        }
      else
        g_assert_true (isnan (row->growth_ratio));
    }
  g_assert_null (rl_evolve_compare (X, 2, 400, methods, 5, NULL, NULL, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/evolve/fitness/by-hand", test_fitness_by_hand);
  g_test_add_func ("/evolve/fitness/reference", test_fitness_reference);
  g_test_add_func ("/evolve/scale-minmax", test_scale_minmax);
  g_test_add_func ("/evolve/es/select-best", test_select_best);
  g_test_add_func ("/evolve/es/child", test_es_child);
  g_test_add_func ("/evolve/de/trial", test_de_trial);
  g_test_add_func ("/evolve/ga/binary-code", test_binary_code);
  g_test_add_func ("/evolve/ga/crossover", test_crossover);
  g_test_add_func ("/evolve/ga/mutate", test_mutate);
  g_test_add_func ("/evolve/ga/selection", test_ga_selection);
  g_test_add_func ("/evolve/immune/uniqueness-clones", test_immune_uniqueness);
  g_test_add_func ("/evolve/lloyd", test_lloyd);
  g_test_add_func ("/evolve/run/history-monotone", test_history_monotone);
  g_test_add_func ("/evolve/run/deterministic", test_deterministic);
  g_test_add_func ("/evolve/run/cancel", test_cancel);
  g_test_add_func ("/evolve/run/degenerate", test_degenerate);
  g_test_add_func ("/evolve/run/options", test_options);
  g_test_add_func ("/evolve/quality/reduced", test_quality_reduced);
  g_test_add_func ("/evolve/quality/paper", test_quality_paper);
  g_test_add_func ("/evolve/compare", test_compare);
  return g_test_run ();
}
