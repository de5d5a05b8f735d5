/* rl-bench-rating.c — time of the rating and its Monte Carlo rank uncertainty
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   build/bench/rl-bench-rating [N_REGIONS [D [RUNS]]]   (default 85 6 1000)
 *
 * Random data (seed 1); prints the median wall time of 11 repetitions.
 */
#include <stdio.h>
#include <stdlib.h>

#include "rl-error.h"
#include "rl-rating-uncertainty.h"
#include "rl-rng.h"

static int
compare (const void *a,
         const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? atoi (argv[1]) : 85, d = argc > 2 ? atoi (argv[2]) : 6;
  guint runs = argc > 3 ? atoi (argv[3]) : 1000;
  g_autoptr(gsl_rng) rng = rl_rng_new (1);
  g_autoptr(gsl_matrix) X = gsl_matrix_alloc (n, d);
  g_autofree RlPolarity *polarity = g_new (RlPolarity, d);
  RlRatingOptions base;
  RlRatingUncertaintyOptions opts;
  double times[11];

  rl_gsl_init ();
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < d; j++)
      gsl_matrix_set (X, i, j, gsl_rng_uniform (rng));
  for (guint j = 0; j < d; j++)
    polarity[j] = j % 2 ? RL_POLARITY_NEGATIVE : RL_POLARITY_POSITIVE;
  rl_rating_options_init (&base);
  base.polarity = polarity;
  rl_rating_uncertainty_options_init (&opts);
  opts.runs = runs;
  for (guint t = 0; t < G_N_ELEMENTS (times); t++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(RlRatingUncertainty) u = rl_rating_uncertainty_new (X, &base, &opts, NULL, NULL,
                                                                    NULL, NULL);
      times[t] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert (u != NULL);
    }
  qsort (times, G_N_ELEMENTS (times), sizeof (double), compare);
  printf ("rank uncertainty: %u regions × %u indicators, %u runs: median %.2f ms (min %.2f)\n",
          n, d, runs, times[5], times[0]);
  return 0;
}
