/* rl-classify.c — class limits for choropleth maps: quantiles, equal intervals, natural breaks
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Limits between classes: quantiles interpolate linearly between order
 * statistics (NumPy's default) and equal limits are dropped; equal intervals
 * split [min, max] evenly; natural breaks put the limit between two classes
 * half-way between the largest value of the lower class and the smallest of
 * the upper one. Fisher's dynamic programme is O(k m²) time and O(k m)
 * memory for m finite values: fine for the few thousand regions of a map.
 */
#include "rl-classify.h"

#include <math.h>
#include <stdlib.h>

static const char *const class_names[] = { "quantile", "equal", "jenks" };

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The finite values, sorted; *@m gets their number. */
static double *
sorted_finite (const double *values,
               guint         n,
               guint        *m)
{
  double *x = g_new (double, MAX (n, 1));

  *m = 0;
  for (guint i = 0; i < n; i++)
    if (isfinite (values[i]))
      x[(*m)++] = values[i];
  qsort (x, *m, sizeof (double), compare_doubles);
  return x;
}

static guint
count_distinct (const double *x,
                guint         m)
{
  guint distinct = m > 0;

  for (guint i = 1; i < m; i++)
    distinct += x[i] > x[i - 1];
  return distinct;
}

/* The q-quantile of sorted @x, interpolating linearly between order statistics. */
static double
quantile (const double *x,
          guint         m,
          double        q)
{
  double pos = q * (m - 1);
  guint lo = (guint) floor (pos);

  if (lo + 1 >= m)
    return x[m - 1];
  return x[lo] + (pos - lo) * (x[lo + 1] - x[lo]);
}

static guint
quantile_breaks (const double *x,
                 guint         m,
                 guint         k,
                 double       *breaks)
{
  guint made = 0;

  breaks[0] = x[0];
  for (guint i = 1; i <= k; i++)
    {
      double b = i == k ? x[m - 1] : quantile (x, m, (double) i / k);
      if (b > breaks[made])
        breaks[++made] = b;
    }
  return made;
}

static guint
equal_breaks (const double *x,
              guint         m,
              guint         k,
              double       *breaks)
{
  double lo = x[0], hi = x[m - 1];

  for (guint i = 0; i < k; i++)
    breaks[i] = lo + (hi - lo) * i / k;
  breaks[k] = hi;
  return k;
}

/* Sum of squared deviations of x[i .. j−1] from their mean, from prefix sums. */
static double
ssd (const double *s1,
     const double *s2,
     guint         i,
     guint         j)
{
  double n = j - i, sum = s1[j] - s1[i];

  return MAX (s2[j] - s2[i] - sum * sum / n, 0.0);
}

/* Fisher's optimal partition of sorted @x into @k contiguous classes that
 * never split equal values; @start receives the first index of each class. */
static void
fisher_partition (const double *x,
                  guint         m,
                  guint         k,
                  guint        *start)
{
  g_autofree double *s1 = g_new0 (double, m + 1);
  g_autofree double *s2 = g_new0 (double, m + 1);
  g_autofree double *cost = g_new (double, (gsize) (k + 1) * (m + 1));
  g_autofree guint *from = g_new0 (guint, (gsize) (k + 1) * (m + 1));

  for (guint i = 0; i < m; i++)
    {
      s1[i + 1] = s1[i] + (x[i] - x[0]);
      s2[i + 1] = s2[i] + (x[i] - x[0]) * (x[i] - x[0]);
    }
  /* cost[c·(m+1) + j]: least SSD of x[0 .. j−1] in c classes, where j is a
   * valid end (j = m or x[j − 1] < x[j]) */
  for (gsize i = 0; i < (gsize) (k + 1) * (m + 1); i++)
    cost[i] = INFINITY;
  for (guint j = 1; j <= m; j++)
    cost[m + 1 + j] = ssd (s1, s2, 0, j);
  for (guint c = 2; c <= k; c++)
    for (guint j = c; j <= m; j++)
      {
        if (j < m && !(x[j - 1] < x[j]))
          continue;
        for (guint i = c - 1; i < j; i++)
          {
            double total;
            if (!(x[i - 1] < x[i]))
              continue;
            total = cost[(c - 1) * (m + 1) + i] + ssd (s1, s2, i, j);
            if (total < cost[c * (m + 1) + j])
              {
                cost[c * (m + 1) + j] = total;
                from[c * (m + 1) + j] = i;
              }
          }
      }
  for (guint c = k, j = m; c >= 1; c--)
    {
      start[c - 1] = c == 1 ? 0 : from[c * (m + 1) + j];
      j = start[c - 1];
    }
}

static guint
jenks_breaks (const double *x,
              guint         m,
              guint         k,
              double       *breaks)
{
  g_autofree guint *start = g_new (guint, k);

  fisher_partition (x, m, k, start);
  breaks[0] = x[0];
  for (guint c = 1; c < k; c++)
    breaks[c] = x[start[c] - 1] + (x[start[c]] - x[start[c] - 1]) / 2.0;
  breaks[k] = x[m - 1];
  return k;
}

const char *
rl_classes_to_string (RlClasses classes)
{
  g_return_val_if_fail (classes < G_N_ELEMENTS (class_names), NULL);
  return class_names[classes];
}

gboolean
rl_classes_from_string (const char *name,
                        RlClasses  *classes)
{
  for (guint c = 0; name != NULL && c < G_N_ELEMENTS (class_names); c++)
    if (g_str_equal (name, class_names[c]))
      {
        *classes = c;
        return TRUE;
      }
  return FALSE;
}

guint
rl_classify (const double *values,
             guint         n,
             RlClasses     classes,
             guint         k,
             double       *breaks)
{
  guint m, distinct;
  g_autofree double *x = NULL;

  g_return_val_if_fail (k >= 1, 0);
  x = sorted_finite (values, n, &m);
  if (m == 0)
    return 0;
  distinct = count_distinct (x, m);
  if (distinct == 1)
    {
      breaks[0] = breaks[1] = x[0];
      return 1;
    }
  k = MIN (k, distinct);
  switch (classes)
    {
    case RL_CLASSES_QUANTILE:
      return quantile_breaks (x, m, k, breaks);
    case RL_CLASSES_EQUAL:
      return equal_breaks (x, m, k, breaks);
    case RL_CLASSES_JENKS:
      return jenks_breaks (x, m, k, breaks);
    default:
      g_return_val_if_reached (0);
    }
}

int
rl_classify_value (const double *breaks,
                   guint         n_classes,
                   double        value)
{
  guint lo = 0, hi = n_classes;

  if (isnan (value) || n_classes == 0)
    return -1;
  /* the last class i with breaks[i] <= value; values below the first limit go to
   * class 0, values from the last limit on to the last class */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (breaks[mid] <= value)
        lo = mid;
      else
        hi = mid;
    }
  return (int) lo;
}
