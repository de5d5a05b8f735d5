/* test-classify.c — class limits: quantiles, equal intervals, Fisher–Jenks natural breaks
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "rl-classify.h"
#include "rl-test.h"

static void
assert_breaks (const double *got,
               const double *expected,
               guint         len)
{
  for (guint i = 0; i < len; i++)
    rl_assert_close (got[i], expected[i], 1e-12);
}

static void
test_names (void)
{
  RlClasses c;

  for (RlClasses k = RL_CLASSES_QUANTILE; k <= RL_CLASSES_JENKS; k++)
    {
      g_assert_true (rl_classes_from_string (rl_classes_to_string (k), &c));
      g_assert_cmpint (c, ==, k);
    }
  g_assert_cmpstr (rl_classes_to_string (RL_CLASSES_JENKS), ==, "jenks");
  g_assert_false (rl_classes_from_string ("natural", &c));
  g_assert_false (rl_classes_from_string (NULL, &c));
}

/* 1 .. 8 in four quartiles, NumPy's linear quantiles: 1, 2.75, 4.5, 6.25, 8;
 * two values per class. NaN is skipped. */
static void
test_quantile (void)
{
  const double v[] = { 8, 3, NAN, 1, 6, 2, 5, 7, 4 };
  const double expected[] = { 1, 2.75, 4.5, 6.25, 8 };
  double breaks[5];
  guint count[4] = { 0 };

  g_assert_cmpuint (rl_classify (v, G_N_ELEMENTS (v), RL_CLASSES_QUANTILE, 4, breaks), ==, 4);
  assert_breaks (breaks, expected, 5);
  for (guint i = 0; i < G_N_ELEMENTS (v); i++)
    if (!isnan (v[i]))
      count[rl_classify_value (breaks, 4, v[i])]++;
  for (guint c = 0; c < 4; c++)
    g_assert_cmpuint (count[c], ==, 2);
  g_assert_cmpint (rl_classify_value (breaks, 4, NAN), ==, -1);
}

/* Ties: {1, 1, 1, 1, 5, 9} in 3 quantiles: positions 5/3 and 10/3 give 1
 * (between two 1s) and 1 + (10/3 − 3)·(5 − 1) = 7/3; the repeated limit 1 is
 * dropped and two classes remain. */
static void
test_quantile_ties (void)
{
  const double v[] = { 1, 1, 1, 1, 5, 9 };
  const double expected[] = { 1, 7.0 / 3, 9 };
  double breaks[4];

  g_assert_cmpuint (rl_classify (v, 6, RL_CLASSES_QUANTILE, 3, breaks), ==, 2);
  assert_breaks (breaks, expected, 3);
}

static void
test_equal (void)
{
  const double v[] = { 10, 0, 3, 7, 5, 1 };
  const double expected[] = { 0, 2, 4, 6, 8, 10 };
  double breaks[6];

  g_assert_cmpuint (rl_classify (v, 6, RL_CLASSES_EQUAL, 5, breaks), ==, 5);
  assert_breaks (breaks, expected, 6);
  g_assert_cmpint (rl_classify_value (breaks, 5, 0), ==, 0);
  g_assert_cmpint (rl_classify_value (breaks, 5, 3), ==, 1);
  g_assert_cmpint (rl_classify_value (breaks, 5, 4), ==, 2);  /* a limit opens the upper class */
  g_assert_cmpint (rl_classify_value (breaks, 5, 10), ==, 4); /* the last class is closed */
  g_assert_cmpint (rl_classify_value (breaks, 5, -5), ==, 0);
  g_assert_cmpint (rl_classify_value (breaks, 5, 50), ==, 4);
  /* no more classes than distinct values: {0, 10} in halves */
  g_assert_cmpuint (rl_classify (v, 2, RL_CLASSES_EQUAL, 5, breaks), ==, 2);
  g_assert_cmpfloat (breaks[1], ==, 5);
}

static void
test_degenerate (void)
{
  const double nan[] = { NAN, NAN };
  const double same[] = { 4, 4, NAN, 4 };
  const double two[] = { 1, 2, 2, 1 };
  double breaks[6];

  for (RlClasses c = RL_CLASSES_QUANTILE; c <= RL_CLASSES_JENKS; c++)
    {
      g_assert_cmpuint (rl_classify (nan, 2, c, 3, breaks), ==, 0);
      g_assert_cmpuint (rl_classify (nan, 0, c, 3, breaks), ==, 0);
      g_assert_cmpuint (rl_classify (same, 4, c, 3, breaks), ==, 1);
      g_assert_cmpfloat (breaks[0], ==, 4);
      g_assert_cmpfloat (breaks[1], ==, 4);
      g_assert_cmpint (rl_classify_value (breaks, 1, 4), ==, 0);
      /* two distinct values: at most two classes, one per value */
      g_assert_cmpuint (rl_classify (two, 4, c, 5, breaks), ==, 2);
      g_assert_cmpint (rl_classify_value (breaks, 2, 1), ==, 0);
      g_assert_cmpint (rl_classify_value (breaks, 2, 2), ==, 1);
    }
}

/* Three obvious groups; the limits lie half-way between them. */
static void
test_jenks_by_hand (void)
{
  const double v[] = { 21, 1, 2, 12, 3, 10, 11, 20, 22 };
  const double expected[] = { 1, 6.5, 16, 22 };
  double breaks[4];

  g_assert_cmpuint (rl_classify (v, 9, RL_CLASSES_JENKS, 3, breaks), ==, 3);
  assert_breaks (breaks, expected, 4);
}

/* Within-class sum of squared deviations of sorted @x cut before the indices
 * in @cuts (n_cuts increasing indices in 1 .. m − 1). */
static double
partition_ssd (const double *x,
               guint         m,
               const guint  *cuts,
               guint         n_cuts)
{
  double total = 0.0;

  for (guint c = 0; c <= n_cuts; c++)
    {
      guint lo = c == 0 ? 0 : cuts[c - 1], hi = c == n_cuts ? m : cuts[c];
      double mean = 0.0;
      for (guint i = lo; i < hi; i++)
        mean += x[i] / (hi - lo);
      for (guint i = lo; i < hi; i++)
        total += (x[i] - mean) * (x[i] - mean);
    }
  return total;
}

/* The least SSD over every way of cutting sorted @x into @k non-empty runs
 * that keep equal values together: recursion over the position of each cut. */
static double
brute_force (const double *x,
             guint         m,
             guint         k,
             guint        *cuts,
             guint         depth,
             guint         first)
{
  double best = INFINITY;

  if (depth == k - 1)
    return partition_ssd (x, m, cuts, k - 1);
  for (guint i = first; i < m; i++)
    {
      if (!(x[i - 1] < x[i]))
        continue;
      cuts[depth] = i;
      best = MIN (best, brute_force (x, m, k, cuts, depth + 1, i + 1));
    }
  return best;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* SSD of the classes rl_classify() made, classes found by rl_classify_value(). */
static double
classes_ssd (const double *x,
             guint         m,
             const double *breaks,
             guint         n_classes)
{
  double total = 0.0;

  for (guint c = 0; c < n_classes; c++)
    {
      double sum = 0.0, sum2 = 0.0;
      guint count = 0;
      for (guint i = 0; i < m; i++)
        if (rl_classify_value (breaks, n_classes, x[i]) == (int) c)
          sum += x[i], sum2 += x[i] * x[i], count++;
      g_assert_cmpuint (count, >, 0);
      total += sum2 - sum * sum / count;
    }
  return total;
}

/* Random small sets, with repeated values, against the brute force. */
static void
test_jenks_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);

  for (guint trial = 0; trial < 200; trial++)
    {
      guint m = g_rand_int_range (rand, 2, 12);
      guint k = g_rand_int_range (rand, 1, 6);
      double x[12], breaks[7];
      guint cuts[6], made, distinct = 1;
      double best, got;

      for (guint i = 0; i < m; i++)
        x[i] = g_rand_int_range (rand, 0, 4) == 0 ? 5.0 : floor (g_rand_double_range (rand, 0, 40));
      made = rl_classify (x, m, RL_CLASSES_JENKS, k, breaks);
      qsort (x, m, sizeof (double), compare_doubles);
      for (guint i = 1; i < m; i++)
        distinct += x[i] > x[i - 1];
      g_assert_cmpuint (made, ==, MIN (k, distinct));
      for (guint c = 0; c < made && distinct > 1; c++)
        g_assert_cmpfloat (breaks[c], <, breaks[c + 1]);
      best = brute_force (x, m, made, cuts, 0, 1);
      got = classes_ssd (x, m, breaks, made);
      rl_assert_close (got, best, 1e-9);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/classify/names", test_names);
  g_test_add_func ("/classify/quantile", test_quantile);
  g_test_add_func ("/classify/quantile-ties", test_quantile_ties);
  g_test_add_func ("/classify/equal", test_equal);
  g_test_add_func ("/classify/degenerate", test_degenerate);
  g_test_add_func ("/classify/jenks-by-hand", test_jenks_by_hand);
  g_test_add_func ("/classify/jenks-brute-force", test_jenks_brute_force);
  return g_test_run ();
}
