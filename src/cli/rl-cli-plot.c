/* rl-cli-plot.c — regionlab-cli plot: any chart of an analysis as PNG, SVG or PDF
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include "rl-analysis.h"
#include "rl-chart-build.h"
#include "rl-cli.h"
#include "rl-data.h"
#include "rl-error.h"
#include "rl-gmm.h"
#include "rl-hclust.h"

typedef struct
{
  RlCliCommon  common;
  char        *chart;
  char        *output;
  /* the analysis */
  char        *method;
  int          k;
  char        *covariance;
  char        *linkage;
  int          n_init;
  int          iterations;
  int          population;
  char        *polarity;
  char        *preset;
  int          uncertainty;
  /* the chart */
  char        *x, *y, *feature;
  char        *color_by;
  char        *classes;
  int          n_classes;
  char        *boundaries;
  int          width, height;
  gboolean     dark;
} PlotArgs;

static void
plot_args_clear (PlotArgs *args)
{
  char **strings[] = { &args->chart, &args->output, &args->method, &args->covariance,
                       &args->linkage, &args->polarity, &args->preset, &args->x, &args->y,
                       &args->feature, &args->color_by, &args->classes, &args->boundaries };

  rl_cli_common_clear (&args->common);
  for (gsize i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
}

static gboolean
parse_method (const PlotArgs *args,
              RlMethodSpec   *spec,
              GError        **error)
{
  RlCovariance covariance;
  RlLinkage linkage;

  if (args->method != NULL && !rl_method_from_string (args->method, &spec->method))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "--method: “%s” is not kmeans, gmm, hclust, es, de, ga or immune", args->method);
      return FALSE;
    }
  if (args->covariance != NULL)
    {
      if (!rl_covariance_from_string (args->covariance, &covariance, error))
        return FALSE;
      spec->covariance = covariance;
    }
  if (args->linkage != NULL)
    {
      if (!rl_linkage_from_string (args->linkage, &linkage, error))
        return FALSE;
      spec->linkage = linkage;
    }
  if (args->k < 1)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "--k must be ≥ 1");
      return FALSE;
    }
  spec->k = args->k;
  spec->n_init = args->n_init;
  spec->iterations = args->iterations;
  spec->population = args->population;
  spec->seed = (guint64) args->common.seed;
  return TRUE;
}

/* --polarity f=+|-,… for the named features. */
static gboolean
parse_polarity (const PlotArgs *args,
                RlAnalysisSpec *spec,
                GError        **error)
{
  guint d;

  if (args->polarity == NULL)
    return TRUE;
  if (spec->frame.features == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "--polarity needs --features (or --preset)");
      return FALSE;
    }
  d = g_strv_length (spec->frame.features);
  spec->polarity = g_new0 (RlPolarity, d);
  return rl_rating_parse_polarity (args->polarity, (const char * const *) spec->frame.features,
                                   d, spec->polarity, error);
}

/* The analysis runs only what the chart needs. */
static gboolean
make_spec (const RlPanel  *panel,
           PlotArgs       *args,
           RlChartKind     kind,
           RlAnalysisSpec *spec,
           GError        **error)
{
  RlFrameSpec frame;

  rl_analysis_spec_init (spec);
  if (!rl_cli_apply_preset (args->preset, &args->common, &args->polarity, error) || !rl_cli_frame_spec (panel, &args->common, &frame, error))
    return FALSE;
  rl_frame_spec_clear (&spec->frame);
  spec->frame = frame;
  if (!parse_method (args, &spec->method, error) || !parse_polarity (args, spec, error))
    return FALSE;
  spec->with_select_k = kind == RL_CHART_KIND_ELBOW || kind == RL_CHART_KIND_GROWTH;
  spec->with_bic_curves = kind == RL_CHART_KIND_BIC;
  spec->with_history = FALSE;
  spec->uncertainty_runs = kind == RL_CHART_KIND_RATING ? (guint) args->uncertainty : 0;
  return TRUE;
}

/* ru.geojson or ua.geojson by the prefix of the panel's first region code. */
static char *
default_boundaries (const RlPanel *panel,
                    GError       **error)
{
  for (guint r = 0; r < rl_panel_n_regions (panel); r++)
    {
      const char *code = rl_panel_region_code (panel, r);
      g_autofree char *country = NULL, *relative = NULL;
      char *path;

      if (code == NULL || strlen (code) < 3 || code[2] != '-')
        continue;
      country = g_ascii_strdown (code, 2);
      relative = g_strdup_printf ("boundaries/%s.geojson", country);
      if ((path = rl_data_find (relative)) != NULL)
        return path;
      g_set_error (error, RL_ERROR, RL_ERROR_IO,
                   "no boundaries for the regions coded %s-…: give --boundaries FILE.geojson",
                   country);
      return NULL;
    }
  g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
               "the regions have no ISO 3166-2 codes: give --boundaries FILE.geojson");
  return NULL;
}

static gboolean
make_request (const RlPanel  *panel,
              const PlotArgs *args,
              RlChartRequest *request,
              RlGeoLayer    **boundaries,
              GError        **error)
{
  g_autofree char *path = NULL;

  request->x_feature = args->x;
  request->y_feature = args->y;
  request->feature = args->feature;
  if (args->color_by == NULL || g_str_equal (args->color_by, "cluster"))
    request->color_by = RL_MAP_COLOR_CLUSTER;
  else if (g_str_equal (args->color_by, "rating"))
    request->color_by = RL_MAP_COLOR_RATING;
  else if (g_str_equal (args->color_by, "indicator"))
    request->color_by = RL_MAP_COLOR_INDICATOR;
  else
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "--color-by: “%s” is not cluster, rating or indicator", args->color_by);
      return FALSE;
    }
  if (args->classes != NULL && !rl_classes_from_string (args->classes, &request->classes))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "--classes: “%s” is not quantile, equal or jenks", args->classes);
      return FALSE;
    }
  request->n_classes = (guint) args->n_classes;
  if (request->kind != RL_CHART_KIND_MAP)
    return TRUE;
  path = args->boundaries != NULL ? g_strdup (args->boundaries) : default_boundaries (panel, error);
  if (path == NULL || (*boundaries = rl_geo_layer_load (path, error)) == NULL)
    return FALSE;
  request->boundaries = *boundaries;
  return TRUE;
}

static gboolean
check_output (const PlotArgs *args,
              GError        **error)
{
  const char *dot = args->output != NULL ? strrchr (args->output, '.') : NULL;

  if (args->output == NULL)
    g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "-o OUT.png|OUT.svg|OUT.pdf is required");
  else if (dot == NULL || (g_ascii_strcasecmp (dot, ".png") != 0
                           && g_ascii_strcasecmp (dot, ".svg") != 0
                           && g_ascii_strcasecmp (dot, ".pdf") != 0))
    g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                 "-o %s: the file name must end in .png, .svg or .pdf", args->output);
  else
    return TRUE;
  return FALSE;
}

static gboolean
plot (PlotArgs    *args,
      const char  *input,
      GError     **error)
{
  g_auto(RlAnalysisSpec) spec = { 0 };
  g_autoptr(RlPanel) panel = NULL;
  g_autoptr(RlAnalysis) analysis = NULL;
  g_autoptr(RlGeoLayer) boundaries = NULL;
  g_autoptr(RlChartPlan) plan = NULL;
  RlChartRequest request;
  RlChartStyle style;

  rl_chart_request_init (&request);
  if (args->chart == NULL || !rl_chart_kind_from_string (args->chart, &request.kind))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "--chart: “%s” is not scatter, pca, elbow, growth, bic, silhouette, dendrogram, "
                   "heatmap, rating, convergence, grouping or map", args->chart ? args->chart : "");
      return FALSE;
    }
  if (!check_output (args, error) || (panel = rl_cli_load_panel (input, error)) == NULL
      || !make_spec (panel, args, request.kind, &spec, error)
      || !make_request (panel, args, &request, &boundaries, error)
      || (analysis = rl_analysis_run (panel, &spec, NULL, NULL, NULL, error)) == NULL
      || (plan = rl_chart_plan_new (panel, analysis, &request, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < analysis->warnings->len; i++)
    fprintf (stderr, "regionlab-cli: note: %s\n", (char *) analysis->warnings->pdata[i]);
  rl_chart_style_init (&style, args->dark);
  return rl_chart_plan_export (plan, args->output, args->width, args->height, &style, error);
}

int
rl_cli_plot (int    argc,
             char **argv)
{
  PlotArgs args = { .k = 4, .n_init = 10, .iterations = 2000, .population = 100,
                    .uncertainty = 200, .n_classes = 5, .width = 1000, .height = 700 };
  const GOptionEntry entries[] = {
    { "chart", 0, 0, G_OPTION_ARG_STRING, &args.chart, "scatter, pca, elbow, growth, bic, silhouette, dendrogram, heatmap, rating, convergence, grouping or map", "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output, "OUT.png, OUT.svg or OUT.pdf", "FILE" },
    { "method", 0, 0, G_OPTION_ARG_STRING, &args.method, "kmeans (default), gmm, hclust, es, de, ga or immune", "M" },
    { "k", 0, 0, G_OPTION_ARG_INT, &args.k, "Number of clusters (default 4)", "K" },
    { "covariance", 0, 0, G_OPTION_ARG_STRING, &args.covariance, "gmm: full, diag, tied or spherical", "C" },
    { "linkage", 0, 0, G_OPTION_ARG_STRING, &args.linkage, "hclust: single, complete, average or ward", "L" },
    { "n-init", 0, 0, G_OPTION_ARG_INT, &args.n_init, "kmeans, gmm: restarts (default 10)", "N" },
    { "iterations", 0, 0, G_OPTION_ARG_INT, &args.iterations, "es, de, ga, immune: T (default 2000)", "T" },
    { "population", 0, 0, G_OPTION_ARG_INT, &args.population, "es, de, ga, immune: N (default 100)", "N" },
    { "polarity", 0, 0, G_OPTION_ARG_STRING, &args.polarity, "Rating: polarity of the features", "f=+|-,…" },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &args.preset, "Rating: the study's indicators and polarities", "study" },
    { "uncertainty", 0, 0, G_OPTION_ARG_INT, &args.uncertainty, "Rating chart: Monte Carlo runs for rank intervals (default 200, 0 = none)", "RUNS" },
    { "x", 0, 0, G_OPTION_ARG_STRING, &args.x, "Scatter: indicator on x (default the first feature)", "F" },
    { "y", 0, 0, G_OPTION_ARG_STRING, &args.y, "Scatter: indicator on y; grouping: the result indicator", "F" },
    { "feature", 0, 0, G_OPTION_ARG_STRING, &args.feature, "Grouping, map by indicator: the indicator", "F" },
    { "color-by", 0, 0, G_OPTION_ARG_STRING, &args.color_by, "Map: cluster (default), rating or indicator", "C" },
    { "classes", 0, 0, G_OPTION_ARG_STRING, &args.classes, "Map by indicator: quantile (default), equal or jenks", "C" },
    { "n-classes", 0, 0, G_OPTION_ARG_INT, &args.n_classes, "Map by indicator: classes (default 5)", "N" },
    { "boundaries", 0, 0, G_OPTION_ARG_FILENAME, &args.boundaries, "Map: region polygons (default by the region codes: ru or ua)", "FILE.geojson" },
    { "width", 0, 0, G_OPTION_ARG_INT, &args.width, "Width in pixels (default 1000)", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &args.height, "Height in pixels (default 700)", "H" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &args.dark, "Dark colours", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  int status = 0;

  rl_cli_common_init (&args.common, "z");
  args.common.default_missing = "median";
  if (!rl_cli_parse (&argc, &argv, "plot", "INPUT", "Draw a chart of an analysis to PNG, SVG or PDF.",
                     &args.common, entries, 1))
    status = RL_CLI_EXIT_USAGE;
  else if (!plot (&args, argv[1], &error))
    status = rl_cli_fail (g_steal_pointer (&error));
  plot_args_clear (&args);
  return status;
}
