/* rl-cli-stability.c — regionlab-cli stability: how much a clustering depends on its seed
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>

#include "rl-analysis.h"
#include "rl-cli.h"
#include "rl-error.h"
#include "rl-gmm.h"
#include "rl-method.h"
#include "rl-rating.h"
#include "rl-stability.h"

typedef struct
{
  char *method;
  char *covariance;
  char *polarity;
  int   k;
  int   n_init;
  int   runs;
  int   bootstrap;
} StabilityArgs;

/* The RlSeededClusterFunc over rl_method_run(): @data is the RlMethodSpec. */
static RlClustering *
run_method (const gsl_matrix *X,
            guint             k,
            guint64           seed,
            gpointer          data,
            GCancellable     *cancellable,
            GError          **error)
{
  RlMethodSpec spec = *(const RlMethodSpec *) data;

  spec.seed = seed;
  return rl_method_cluster_func (X, k, &spec, cancellable, error);
}

static gboolean
make_spec (const StabilityArgs *args,
           RlMethodSpec        *spec,
           GError             **error)
{
  RlCovariance covariance;

  rl_method_spec_init (spec);
  if (args->method == NULL || !rl_method_from_string (args->method, &spec->method))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "--method: expected kmeans, gmm, hclust, "
                   "es, de, ga or immune");
      return FALSE;
    }
  if (args->covariance != NULL)
    {
      if (!rl_covariance_from_string (args->covariance, &covariance, error))
        return FALSE;
      spec->covariance = covariance;
    }
  if (args->k < 1)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "--k: give the number of clusters");
      return FALSE;
    }
  spec->n_init = args->n_init;
  return TRUE;
}

/* The need score of every row over the features that have a polarity (the
 * panel's metadata, overridden by --polarity), rated as the analysis rates
 * them; NULL without an error when no feature has one. */
static gsl_vector *
need_scores (const RlPanel       *panel,
             const RlFrame       *frame,
             const StabilityArgs *args,
             GError             **error)
{
  g_autofree RlPolarity *polarity = g_new (RlPolarity, frame->d);
  g_autoptr(RlRating) rating = NULL;
  gsl_vector *need;

  for (guint j = 0; j < frame->d; j++)
    polarity[j] = rl_panel_indicator (panel, frame->columns[j])->polarity;
  if (args->polarity != NULL
      && !rl_rating_parse_polarity (args->polarity, (const char * const *) frame->features,
                                    frame->d, polarity, error))
    return NULL;
  if ((rating = rl_analysis_need_rating (panel, frame, polarity, error)) == NULL)
    return NULL;
  need = gsl_vector_alloc (frame->n);
  for (guint i = 0; i < frame->n; i++)
    gsl_vector_set (need, i, rating->score[i]);
  return need;
}

static void
json_uints (JsonBuilder *b,
            const char  *name,
            const guint *values,
            guint        n)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    json_builder_add_int_value (b, values[i]);
  json_builder_end_array (b);
}

static void
print_json (const RlFrame      *frame,
            const RlStability  *st,
            const RlMethodSpec *spec,
            gboolean            with_need)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  double boot = 0.0;

  for (guint t = 0; t < st->n_bootstrap; t++)
    boot += st->bootstrap_ari[t] / st->n_bootstrap;
  json_builder_begin_object (b);
  rl_json_member_string (b, "method", rl_method_to_string (spec->method));
  rl_json_member_int (b, "k", st->k);
  rl_json_member_int (b, "n", st->n);
  rl_json_member_int (b, "runs", st->n_seeds);
  rl_json_member_int (b, "bootstrap", st->n_bootstrap);
  rl_json_member_double (b, "ari_mean", st->ari_mean);
  rl_json_member_double (b, "ari_min", st->ari_min);
  rl_json_member_double (b, "bootstrap_ari_mean", st->n_bootstrap > 0 ? boot : NAN);
  if (with_need)
    json_uints (b, "neediest_sizes", st->neediest_size, st->n_seeds);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint i = 0; i < st->n; i++)
    {
      json_builder_begin_object (b);
      rl_json_member_string (b, "region", frame->names[i]);
      rl_json_member_int (b, "cluster", st->reference[i]);
      rl_json_member_double (b, "stability", st->stability[i]);
      rl_json_member_double (b, "p_neediest", st->p_neediest[i]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  rl_json_print (b);
}

static void
print_table (const RlFrame     *frame,
             const RlStability *st,
             gboolean           with_need)
{
  guint lo = G_MAXUINT, hi = 0;

  printf ("%u runs with different seeds: adjusted Rand index between runs mean %.3f, min %.3f\n",
          st->n_seeds, st->ari_mean, st->ari_min);
  for (guint s = 0; s < st->n_seeds && with_need; s++)
    lo = MIN (lo, st->neediest_size[s]), hi = MAX (hi, st->neediest_size[s]);
  if (with_need)
    printf ("The neediest cluster holds %u to %u regions depending on the seed.\n", lo, hi);
  printf ("\n%-40s %7s %9s %10s\n", "region", "cluster", "stability", "p_neediest");
  for (guint i = 0; i < st->n; i++)
    {
      g_autofree char *name = rl_cli_pad (frame->names[i], 40);
      printf ("%s %7u %9.3f %10.3f\n", name, st->reference[i], st->stability[i],
              st->p_neediest[i]);
    }
}

static int
run (const char          *input,
     RlCliCommon         *common,
     const StabilityArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) panel = NULL;
  g_autoptr(RlFrame) frame = NULL;
  g_autoptr(gsl_vector) need = NULL;
  g_autoptr(RlStability) st = NULL;
  RlStabilityOptions opts;
  RlMethodSpec spec;

  if (!make_spec (args, &spec, &error)
      || (panel = rl_cli_load_panel (input, &error)) == NULL
      || (frame = rl_cli_build_frame (panel, common, &error)) == NULL)
    return rl_cli_failf ("stability: %s", error->message);
  need = need_scores (panel, frame, args, &error);
  if (error != NULL)
    return rl_cli_failf ("stability: %s", error->message);
  rl_stability_options_init (&opts);
  opts.k = args->k;
  opts.n_seeds = args->runs;
  opts.n_bootstrap = args->bootstrap;
  opts.seed = common->seed;
  opts.need = need;
  if ((st = rl_stability_new (frame->X, run_method, &spec, &opts, NULL, NULL, NULL, &error)) == NULL)
    return rl_cli_failf ("stability: %s", error->message);
  if (common->json)
    print_json (frame, st, &spec, need != NULL);
  else
    print_table (frame, st, need != NULL);
  return 0;
}

int
rl_cli_stability (int    argc,
                  char **argv)
{
  RlCliCommon common;
  StabilityArgs args = { .n_init = 1, .runs = 20, .bootstrap = 20 };
  const GOptionEntry entries[] = {
    { "method", 0, 0, G_OPTION_ARG_STRING, &args.method, "kmeans, gmm, hclust, es, de, ga or immune", "M" },
    { "k", 0, 0, G_OPTION_ARG_INT, &args.k, "Number of clusters", "K" },
    { "covariance", 0, 0, G_OPTION_ARG_STRING, &args.covariance, "gmm: full, diag, tied or spherical", "C" },
    { "n-init", 0, 0, G_OPTION_ARG_INT, &args.n_init, "kmeans, gmm: restarts per run (default 1)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &args.runs, "Runs with different seeds (default 20)", "N" },
    { "bootstrap", 0, 0, G_OPTION_ARG_INT, &args.bootstrap, "Runs on bootstrap samples (default 20)", "B" },
    { "polarity", 0, 0, G_OPTION_ARG_STRING, &args.polarity, "Polarities for the need score that finds the neediest cluster", "f=+|-,…" },
    { NULL }
  };
  int status;

  rl_cli_common_init (&common, "z");
  if (!rl_cli_parse (&argc, &argv, "stability", "INPUT",
                     "Stability of a clustering over seeds and bootstrap samples: co-assignment, "
                     "adjusted Rand index, the size of the neediest cluster.",
                     &common, entries, 1))
    status = RL_CLI_EXIT_USAGE;
  else
    status = run (argv[1], &common, &args);
  g_free (args.method);
  g_free (args.covariance);
  g_free (args.polarity);
  rl_cli_common_clear (&common);
  return status;
}
