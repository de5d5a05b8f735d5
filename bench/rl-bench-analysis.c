/* rl-bench-analysis.c — time of the whole default analysis
 *
 *   build/bench/rl-bench-analysis [PANEL [REPEATS]]
 *
 * Runs rl_analysis_run() with the default spec on the study's six indicators
 * (k-means k = 4, select-k 2 .. 9, 1000 uncertainty runs, history) and
 * prints the median and the fastest wall time of REPEATS runs (default 11);
 * then the same without each optional part, to show what each one costs.
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include "rl-analysis.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Runs the analysis @repeats times and prints the median and fastest time. */
static gboolean
bench (const RlPanel        *panel,
       const RlAnalysisSpec *spec,
       const char           *label,
       int                   repeats,
       GError              **error)
{
  g_autofree double *seconds = g_new (double, repeats);

  for (int r = 0; r < repeats; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(RlAnalysis) a = rl_analysis_run (panel, spec, NULL, NULL, NULL, error);

      if (a == NULL)
        return FALSE;
      seconds[r] = (g_get_monotonic_time () - start) / 1e6;
      if (r == 0 && spec->with_history && !spec->with_bic_curves && spec->with_select_k
          && spec->uncertainty_runs > 0)
        printf ("%u regions × %u indicators, %d, %u years of history\n",
                a->frame->n, a->frame->d, a->frame->year, a->years->len);
    }
  qsort (seconds, repeats, sizeof (double), compare_doubles);
  printf ("%-20s median %6.1f ms, fastest %6.1f ms over %d runs\n", label,
          1e3 * seconds[repeats / 2], 1e3 * seconds[0], repeats);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  const char *path = argc > 1 ? argv[1] : "data/datasets/russia-regions.csv";
  int repeats = argc > 2 ? atoi (argv[2]) : 11;
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) panel = rl_panel_load (path, &error);
  g_auto(RlAnalysisSpec) spec;
  const RlRatingPresetEntry *preset;
  guint n;

  if (panel == NULL || repeats < 1)
    {
      fprintf (stderr, "rl-bench-analysis: %s\n", error ? error->message : "REPEATS must be ≥ 1");
      return 1;
    }
  rl_analysis_spec_init (&spec);
  preset = rl_rating_study_preset (&n);
  spec.frame.features = g_new0 (char *, n + 1);
  for (guint j = 0; j < n; j++)
    spec.frame.features[j] = g_strdup (preset[j].id);

  if (!bench (panel, &spec, "default analysis", repeats, &error))
    goto failed;
  spec.with_select_k = FALSE;
  if (!bench (panel, &spec, "without select-k", repeats, &error))
    goto failed;
  spec.with_select_k = TRUE;
  spec.uncertainty_runs = 0;
  if (!bench (panel, &spec, "without uncertainty", repeats, &error))
    goto failed;
  spec.uncertainty_runs = 1000;
  spec.with_history = FALSE;
  if (!bench (panel, &spec, "without history", repeats, &error))
    goto failed;
  spec.with_history = TRUE;
  spec.with_bic_curves = TRUE;
  if (!bench (panel, &spec, "with BIC curves", repeats, &error))
    goto failed;
  return 0;

failed:
  fprintf (stderr, "rl-bench-analysis: %s\n", error->message);
  return 1;
}
