/* test-analysis.c — the whole analysis on the demo panel
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "rl-analysis.h"
#include "rl-error.h"
#include "rl-test.h"

static RlPanel *demo_panel;

static RlPanel *
load_demo (void)
{
  const char *dir = g_getenv ("RL_SOURCE_DATA");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : "data", "datasets",
                                            "russia-regions.csv", NULL);
  GError *error = NULL;
  RlPanel *panel = rl_panel_load (path, &error);

  g_assert_no_error (error);
  return panel;
}

/* The study's six indicators, polarities from the panel's sidecar. */
static void
study_spec (RlAnalysisSpec *spec)
{
  const RlRatingPresetEntry *preset;
  guint n;

  rl_analysis_spec_init (spec);
  preset = rl_rating_study_preset (&n);
  spec->frame.features = g_new0 (char *, n + 1);
  for (guint j = 0; j < n; j++)
    spec->frame.features[j] = g_strdup (preset[j].id);
}

static RlAnalysis *
run_ok (const RlAnalysisSpec *spec)
{
  GError *error = NULL;
  RlAnalysis *a = rl_analysis_run (demo_panel, spec, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (a);
  return a;
}

static void
assert_neediest_first (const RlAnalysis *a)
{
  const RlInterpretation *in = a->interpretation;

  g_assert_nonnull (in);
  g_assert_cmpuint (in->neediest, ==, 0);
  for (guint p = 0; p + 1 < in->k; p++)
    if (!isnan (in->need[p + 1]))
      g_assert_cmpfloat (in->need[p], >=, in->need[p + 1]);
}

static void
test_defaults (void)
{
  g_auto(RlAnalysisSpec) spec;
  g_autoptr(RlAnalysis) a = NULL;

  study_spec (&spec);
  a = run_ok (&spec);
  g_assert_cmpint (a->frame->year, ==, 2020);
  g_assert_cmpuint (a->frame->n, ==, 85);
  g_assert_cmpuint (a->frame->d, ==, 6);
  g_assert_cmpuint (a->clustering->k, ==, 4);
  g_assert_nonnull (a->silhouette);
  g_assert_true (a->silhouette_mean > 0.0 && a->silhouette_mean <= 1.0);
  g_assert_nonnull (a->linkage);
  g_assert_cmpuint (a->linkage->size1, ==, 84);
  g_assert_nonnull (a->pca);
  g_assert_cmpuint (a->pca->m, >=, 2);
  g_assert_nonnull (a->rating);
  g_assert_nonnull (a->uncertainty);
  g_assert_cmpuint (a->uncertainty->runs, ==, 1000);
  g_assert_nonnull (a->correlation);
  g_assert_cmpuint (a->correlation->d, ==, 6);
  g_assert_nonnull (a->select_k);
  g_assert_cmpuint (a->select_k->rows->len, ==, 8);
  g_assert_null (a->bic[0]);
  assert_neediest_first (a);
  /* the spec is a copy with the year filled in */
  g_assert_true (a->spec != &spec);
  g_assert_cmpint (a->spec->frame.year, ==, 2020);
}

/* Every method runs; the evolutionary ones with a short budget. */
static void
test_methods (void)
{
  for (RlMethod m = 0; m < RL_N_METHODS; m++)
    {
      g_auto(RlAnalysisSpec) spec;
      g_autoptr(RlAnalysis) a = NULL;

      study_spec (&spec);
      spec.method.method = m;
      spec.method.iterations = 50;
      spec.method.population = 20;
      spec.uncertainty_runs = 50;
      spec.with_select_k = m == RL_METHOD_GMM;
      spec.k_max = 4;
      spec.with_bic_curves = m == RL_METHOD_GMM;
      a = run_ok (&spec);
      g_assert_cmpstr (a->clustering->method, ==, rl_method_to_string (m));
      assert_neediest_first (a);
      if (m == RL_METHOD_GMM)
        {
          g_assert_nonnull (a->clustering->responsibilities);
          for (guint c = 0; c < 4; c++)
            {
              g_assert_nonnull (a->bic[c]);
              g_assert_cmpuint (a->bic[c]->rows->len, ==, 3);
            }
          /* responsibilities follow the renumbering: the label is the most responsible */
          for (guint i = 0; i < a->clustering->n; i++)
            {
              gsl_vector_const_view row = gsl_matrix_const_row (a->clustering->responsibilities, i);
              g_assert_cmpuint (gsl_vector_max_index (&row.vector), ==, a->clustering->labels[i]);
            }
        }
      if (m == RL_METHOD_HCLUST)
        g_assert_true (gsl_matrix_equal (a->linkage, a->clustering->linkage));
      /* cluster history only for the fast methods */
      for (guint t = 0; t < a->years->len; t++)
        if (g_array_index (a->years, int, t) == 2019)
          g_assert_cmpint (a->cluster_history[a->frame->rows[0] * a->years->len + t] >= 0, ==,
                           m <= RL_METHOD_HCLUST);
    }
}

/* Cluster 0 has the highest mean need score, and centres follow the labels. */
static void
test_neediest (void)
{
  g_auto(RlAnalysisSpec) spec;
  g_autoptr(RlAnalysis) a = NULL;
  double need[4] = { 0 };
  guint size[4] = { 0 };

  study_spec (&spec);
  spec.with_select_k = FALSE;
  spec.with_history = FALSE;
  a = run_ok (&spec);
  for (guint i = 0; i < a->frame->n; i++)
    {
      need[a->clustering->labels[i]] += a->rating->score[i];
      size[a->clustering->labels[i]]++;
    }
  for (guint p = 1; p < 4; p++)
    g_assert_cmpfloat (need[0] / size[0], >, need[p] / size[p]);
  for (guint p = 0; p < 4; p++)
    for (guint j = 0; j < a->frame->d; j++)
      {
        double mean = 0.0;
        for (guint i = 0; i < a->frame->n; i++)
          if (a->clustering->labels[i] == p)
            mean += gsl_matrix_get (a->frame->X, i, j) / size[p];
        rl_assert_close (gsl_matrix_get (a->clustering->centers, p, j), mean, 1e-9);
        g_assert_cmpuint (a->interpretation->sizes[p], ==, size[p]);
      }
}

static void
test_rating_matches (void)
{
  g_auto(RlAnalysisSpec) spec;
  g_autoptr(RlAnalysis) a = NULL;
  g_autoptr(RlRating) r = NULL;
  RlRatingOptions opts;
  RlPolarity polarity[6];
  GError *error = NULL;

  study_spec (&spec);
  spec.with_select_k = FALSE;
  spec.with_history = FALSE;
  spec.uncertainty_runs = 0;
  a = run_ok (&spec);
  g_assert_null (a->uncertainty);
  rl_rating_options_init (&opts);
  for (guint j = 0; j < 6; j++)
    polarity[j] = rl_panel_indicator (demo_panel, a->frame->columns[j])->polarity;
  opts.polarity = polarity;
  r = rl_rating_new (a->frame->raw, &opts, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < a->frame->n; i++)
    {
      g_assert_cmpfloat (r->score[i], ==, a->rating->score[i]);
      g_assert_cmpuint (r->rank[i], ==, a->rating->rank[i]);
    }
  g_clear_pointer (&r, rl_rating_free);
  r = rl_analysis_need_rating (demo_panel, a->frame, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < a->frame->n; i++)
    g_assert_cmpfloat (r->score[i], ==, a->rating->score[i]);
  /* no polarity at all: no rating, no error */
  g_clear_pointer (&r, rl_rating_free);
  for (guint j = 0; j < 6; j++)
    polarity[j] = RL_POLARITY_NONE;
  g_assert_null (rl_analysis_need_rating (demo_panel, a->frame, polarity, &error));
  g_assert_no_error (error);
}

/* A feature without polarity is left out of the rating; none at all: no rating. */
static void
test_polarity (void)
{
  g_auto(RlAnalysisSpec) spec;
  g_autoptr(RlAnalysis) a = NULL;
  g_autoptr(RlAnalysis) b = NULL;
  const char *features[] = { "poverty_percent", "population", "cash_income", NULL };

  rl_analysis_spec_init (&spec);
  spec.frame.features = g_strdupv ((char **) features);
  spec.with_select_k = FALSE;
  spec.uncertainty_runs = 10;
  a = run_ok (&spec);
  g_assert_cmpuint (a->frame->d, ==, 3);
  g_assert_cmpuint (a->rating->d, ==, 2);
  g_assert_cmpuint (a->warnings->len, >, 0);

  spec.polarity = g_new0 (RlPolarity, 3);
  b = run_ok (&spec);
  g_assert_null (b->rating);
  g_assert_null (b->uncertainty);
  g_assert_true (isnan (b->interpretation->need[0]));
  for (guint i = 0; i < b->frame->n; i++)
    g_assert_cmpuint (b->rank_history[b->frame->rows[i] * b->years->len], ==, 0);
}

static void
test_row_of_region (void)
{
  g_auto(RlAnalysisSpec) spec;
  g_autoptr(RlAnalysis) a = NULL;
  const char *features[] = { "poverty_percent", "alcoholism", NULL };
  guint dropped = 0;

  rl_analysis_spec_init (&spec);
  spec.frame.features = g_strdupv ((char **) features);
  spec.frame.missing = RL_MISSING_DROP;
  spec.frame.year = 2014;  /* alcoholism has 68 regions that year */
  spec.with_select_k = FALSE;
  spec.uncertainty_runs = 0;
  a = run_ok (&spec);
  g_assert_cmpuint (a->frame->n, <, rl_panel_n_regions (demo_panel));
  for (guint r = 0; r < rl_panel_n_regions (demo_panel); r++)
    {
      int row = rl_analysis_row_of_region (a, r);
      if (row < 0)
        {
          dropped++;
          continue;
        }
      g_assert_cmpuint (a->frame->rows[row], ==, r);
    }
  g_assert_cmpuint (dropped, ==, rl_panel_n_regions (demo_panel) - a->frame->n);
  g_assert_cmpint (rl_analysis_row_of_region (a, rl_panel_n_regions (demo_panel)), ==, -1);
}

static void
cancel_cb (double   fraction,
           gpointer data)
{
  if (fraction > 0.3)
    g_cancellable_cancel (data);
}

static void
test_cancel (void)
{
  g_auto(RlAnalysisSpec) spec;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) before = g_cancellable_new ();
  GError *error = NULL;

  study_spec (&spec);
  g_assert_null (rl_analysis_run (demo_panel, &spec, cancel_cb, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_cancellable_cancel (before);
  g_assert_null (rl_analysis_run (demo_panel, &spec, NULL, NULL, before, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
}

static void
test_errors (void)
{
  g_auto(RlAnalysisSpec) spec;
  const char *bad[] = { "poverty_percent", "no_such_thing", NULL };
  GError *error = NULL;

  rl_analysis_spec_init (&spec);
  spec.frame.features = g_strdupv ((char **) bad);
  g_assert_null (rl_analysis_run (demo_panel, &spec, NULL, NULL, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no_such_thing"));
  g_clear_error (&error);

  rl_analysis_spec_clear (&spec);
  study_spec (&spec);
  spec.method.k = 86;
  g_assert_null (rl_analysis_run (demo_panel, &spec, NULL, NULL, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "k = 86"));
  g_assert_nonnull (strstr (error->message, "85 regions"));
  g_clear_error (&error);

  spec.method.k = 4;
  spec.frame.year = 1990;  /* none of the six indicators */
  g_assert_null (rl_analysis_run (demo_panel, &spec, NULL, NULL, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
}

/* One rank per region and year the features exist, ranks 1 .. n that year. */
static void
test_history (void)
{
  g_auto(RlAnalysisSpec) spec;
  g_autoptr(RlAnalysis) a = NULL;
  guint n_regions = rl_panel_n_regions (demo_panel), rated_years = 0;

  study_spec (&spec);
  spec.with_select_k = FALSE;
  spec.uncertainty_runs = 0;
  a = run_ok (&spec);
  g_assert_nonnull (a->years);
  for (guint t = 0; t < a->years->len; t++)
    {
      g_autofree gboolean *seen = g_new0 (gboolean, n_regions + 1);
      guint n = 0;

      for (guint r = 0; r < n_regions; r++)
        {
          guint rank = a->rank_history[r * a->years->len + t];
          int cluster = a->cluster_history[r * a->years->len + t];

          g_assert_cmpint ((rank > 0), ==, (cluster >= 0));
          if (rank == 0)
            continue;
          g_assert_cmpuint (rank, <=, n_regions);
          g_assert_false (seen[rank]);
          seen[rank] = TRUE;
          g_assert_cmpint (cluster, <, 4);
          n++;
        }
      for (guint rank = 1; rank <= n; rank++)
        g_assert_true (seen[rank]);
      rated_years += n > 0;
      if (g_array_index (a->years, int, t) == a->frame->year)
        for (guint i = 0; i < a->frame->n; i++)
          {
            g_assert_cmpuint (a->rank_history[a->frame->rows[i] * a->years->len + t], ==,
                              a->rating->rank[i]);
            g_assert_cmpint (a->cluster_history[a->frame->rows[i] * a->years->len + t], ==,
                             (int) a->clustering->labels[i]);
          }
    }
  /* 2015 .. 2020 have all six indicators (median fills the gaps) */
  g_assert_cmpuint (rated_years, ==, 6);
}

/* Without a list of features the chosen year's indicators are followed back:
 * 2022 has the disability counts and population (disabled_per_1000 rated),
 * which go back to 2017. */
static void
test_history_all_features (void)
{
  g_auto(RlAnalysisSpec) spec;
  g_autoptr(RlAnalysis) a = NULL;
  guint rated_years = 0;

  rl_analysis_spec_init (&spec);
  spec.with_select_k = FALSE;
  spec.uncertainty_runs = 0;
  a = run_ok (&spec);
  g_assert_cmpint (a->frame->year, ==, 2022);
  g_assert_cmpuint (a->rating->d, ==, 1);
  for (guint t = 0; t < a->years->len; t++)
    {
      int year = g_array_index (a->years, int, t);
      guint n = 0;
      for (guint r = 0; r < rl_panel_n_regions (demo_panel); r++)
        n += a->rank_history[r * a->years->len + t] > 0;
      g_assert_cmpuint (n > 0, ==, year >= 2017);
      rated_years += n > 0;
    }
  g_assert_cmpuint (rated_years, ==, 6);
}

static void
test_same_seed (void)
{
  g_auto(RlAnalysisSpec) spec;
  g_autoptr(RlAnalysis) a = NULL;
  g_autoptr(RlAnalysis) b = NULL;

  study_spec (&spec);
  spec.uncertainty_runs = 200;
  spec.method.seed = 7;
  a = run_ok (&spec);
  b = run_ok (&spec);
  for (guint i = 0; i < a->frame->n; i++)
    {
      g_assert_cmpuint (a->clustering->labels[i], ==, b->clustering->labels[i]);
      g_assert_cmpfloat (a->uncertainty->rank_median[i], ==, b->uncertainty->rank_median[i]);
      g_assert_cmpfloat (a->uncertainty->p_top_a[i], ==, b->uncertainty->p_top_a[i]);
    }
  for (guint t = 0; t < a->select_k->rows->len; t++)
    g_assert_cmpfloat (g_array_index (a->select_k->rows, RlSelectKRow, t).inertia, ==,
                       g_array_index (b->select_k->rows, RlSelectKRow, t).inertia);
}

static void
progress_cb (double   fraction,
             gpointer data)
{
  double *last = data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_progress (void)
{
  g_auto(RlAnalysisSpec) spec;
  g_autoptr(RlAnalysis) a = NULL;
  double last = 0.0;
  GError *error = NULL;

  study_spec (&spec);
  spec.with_bic_curves = TRUE;
  a = rl_analysis_run (demo_panel, &spec, progress_cb, &last, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
}

static void
test_default_year (void)
{
  const char *six[] = { "poverty_percent", "retail_turnover_per_capita", NULL };
  const char *old[] = { "child_mortality_rural", NULL };
  GError *error = NULL;

  g_assert_cmpint (rl_analysis_default_year (demo_panel, six, &error), ==, 2020);
  g_assert_cmpint (rl_analysis_default_year (demo_panel, old, &error), ==, 2021);
  g_assert_cmpint (rl_analysis_default_year (demo_panel, NULL, &error), ==, 2022);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  demo_panel = load_demo ();
  g_test_add_func ("/analysis/defaults", test_defaults);
  g_test_add_func ("/analysis/methods", test_methods);
  g_test_add_func ("/analysis/neediest", test_neediest);
  g_test_add_func ("/analysis/rating", test_rating_matches);
  g_test_add_func ("/analysis/polarity", test_polarity);
  g_test_add_func ("/analysis/row-of-region", test_row_of_region);
  g_test_add_func ("/analysis/cancel", test_cancel);
  g_test_add_func ("/analysis/errors", test_errors);
  g_test_add_func ("/analysis/history", test_history);
  g_test_add_func ("/analysis/history-all-features", test_history_all_features);
  g_test_add_func ("/analysis/same-seed", test_same_seed);
  g_test_add_func ("/analysis/progress", test_progress);
  g_test_add_func ("/analysis/default-year", test_default_year);
  status = g_test_run ();
  rl_panel_free (demo_panel);
  return status;
}
