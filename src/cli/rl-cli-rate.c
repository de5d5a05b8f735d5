/* rl-cli-rate.c — regionlab-cli rate and dynamics: the need rating of levels and of changes
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "rl-cli.h"
#include "rl-dynamics.h"
#include "rl-error.h"
#include "rl-interpret.h"
#include "rl-method.h"
#include "rl-rating-uncertainty.h"

/* The options rate and dynamics share, besides the common ones; --scale
 * (common) is read as z, minmax or rank. */
typedef struct
{
  char     *polarity;     /* f=+|-,… */
  char     *weights;      /* f=w,… or "pca" */
  char     *preset;       /* "study" */
  int       top;          /* red group size, yellow the next as many */
  int       uncertainty;  /* Monte Carlo runs, 0 = none */
  int       from, to;     /* dynamics */
  int       watch_k;      /* dynamics: clusters of the levels of @to for the watch list */
  char     *watch_method; /* their method (default kmeans) */
} RateArgs;

typedef struct
{
  RlFrame             *frame;
  RlPolarity          *polarity;
  double              *weights;
  RlRatingOptions      opts;
  RlRating            *rating;
  RlRatingUncertainty *uncertainty;
} RateRun;

static void
rate_run_clear (RateRun *run)
{
  g_clear_pointer (&run->frame, rl_frame_free);
  g_clear_pointer (&run->polarity, g_free);
  g_clear_pointer (&run->weights, g_free);
  g_clear_pointer (&run->rating, rl_rating_free);
  g_clear_pointer (&run->uncertainty, rl_rating_uncertainty_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RateRun, rate_run_clear)

static void
rate_args_clear (RateArgs *args)
{
  g_clear_pointer (&args->polarity, g_free);
  g_clear_pointer (&args->weights, g_free);
  g_clear_pointer (&args->preset, g_free);
  g_clear_pointer (&args->watch_method, g_free);
}

/* Without --features: the indicators that have a polarity (from the panel or
 * --polarity). */
static gboolean
choose_features (const RlPanel *panel,
                 RateArgs      *args,
                 RlCliCommon   *common,
                 GError       **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree RlPolarity *polarity = NULL;
  g_autofree const char **all = NULL;
  guint d = rl_panel_n_indicators (panel);

  if (common->features != NULL)
    return TRUE;
  all = g_new0 (const char *, d + 1);
  polarity = g_new0 (RlPolarity, MAX (d, 1));
  for (guint j = 0; j < d; j++)
    {
      all[j] = rl_panel_indicator (panel, j)->id;
      polarity[j] = rl_panel_indicator (panel, j)->polarity;
    }
  if (args->polarity != NULL && !rl_rating_parse_polarity (args->polarity, all, d, polarity, error))
    return FALSE;
  for (guint j = 0; j < d; j++)
    if (polarity[j] != RL_POLARITY_NONE)
      g_ptr_array_add (ids, (gpointer) all[j]);
  if (ids->len == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "no indicator has a polarity: give "
                   "--polarity f=+|-,… or --features with a sidecar that sets them");
      return FALSE;
    }
  g_ptr_array_add (ids, NULL);
  common->features = g_strjoinv (",", (char **) ids->pdata);
  common->features_default = TRUE;
  return TRUE;
}

static gboolean
setup_options (RateRun        *run,
               const RlPanel  *panel,
               const RateArgs *args,
               const char     *scale,
               GError        **error)
{
  const char * const *features = (const char * const *) run->frame->features;
  guint d = run->frame->d;

  rl_rating_options_init (&run->opts);
  if (!rl_normalize_from_string (scale, &run->opts.normalize))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "--scale: “%s” is not z, minmax or rank "
                   "for a rating", scale);
      return FALSE;
    }
  run->polarity = g_new (RlPolarity, d);
  for (guint j = 0; j < d; j++)
    run->polarity[j] = rl_panel_indicator (panel, run->frame->columns[j])->polarity;
  if (args->polarity != NULL
      && !rl_rating_parse_polarity (args->polarity, features, d, run->polarity, error))
    return FALSE;
  run->opts.polarity = run->polarity;
  run->opts.features = features;
  run->opts.top_red = args->top;
  run->opts.top_yellow = 2 * args->top;
  if (args->weights != NULL && g_str_equal (args->weights, "pca"))
    run->opts.weighting = RL_WEIGHTS_PCA;
  else if (args->weights != NULL)
    {
      run->weights = g_new (double, d);
      if (!rl_rating_parse_weights (args->weights, features, d, run->weights, error))
        return FALSE;
      run->opts.weighting = RL_WEIGHTS_USER;
      run->opts.weights = run->weights;
    }
  return TRUE;
}

static gboolean
compute (RateRun           *run,
         const RlPanel     *panel,
         const RateArgs    *args,
         const RlCliCommon *common,
         const char        *scale,
         GError           **error)
{
  RlRatingUncertaintyOptions uopts;

  if (!setup_options (run, panel, args, scale, error))
    return FALSE;
  if ((run->rating = rl_rating_new (run->frame->X, &run->opts, error)) == NULL)
    return FALSE;
  if (args->uncertainty <= 0)
    return TRUE;
  rl_rating_uncertainty_options_init (&uopts);
  uopts.runs = args->uncertainty;
  uopts.seed = common->seed;
  uopts.top_a = args->top;
  uopts.top_b = 2 * args->top;
  run->uncertainty = rl_rating_uncertainty_new (run->frame->X, &run->opts, &uopts, NULL, NULL,
                                                NULL, error);
  return run->uncertainty != NULL;
}

static void
json_row (JsonBuilder   *b,
          const RateRun *run,
          guint          i)
{
  const RlRatingUncertainty *u = run->uncertainty;

  json_builder_begin_object (b);
  rl_json_member_int (b, "rank", run->rating->rank[i]);
  rl_json_member_string (b, "region", run->frame->names[i]);
  rl_json_member_string (b, "code", run->frame->codes[i]);
  rl_json_member_double (b, "score", run->rating->score[i]);
  rl_json_member_string (b, "group", rl_rating_group_to_string (run->rating->group[i]));
  if (u != NULL)
    {
      rl_json_member_double (b, "rank_median", u->rank_median[i]);
      rl_json_member_double (b, "rank_low", u->rank_low[i]);
      rl_json_member_double (b, "rank_high", u->rank_high[i]);
      rl_json_member_double (b, "p_top10", u->p_top_a[i]);
      rl_json_member_double (b, "p_top20", u->p_top_b[i]);
    }
  json_builder_end_object (b);
}

static void
json_watch (JsonBuilder   *b,
            const GArray  *watch,
            guint          neediest_size,
            const RlPanel *panel)
{
  rl_json_member_int (b, "neediest_cluster_size", neediest_size);
  json_builder_set_member_name (b, "watch");
  json_builder_begin_array (b);
  for (guint t = 0; t < watch->len; t++)
    json_builder_add_string_value (b, rl_panel_region_label (panel,
                                                             g_array_index (watch, guint, t)));
  json_builder_end_array (b);
}

static void
print_json (const RateRun  *run,
            const RateArgs *args,
            const char     *command,
            const GArray   *watch,
            guint           neediest_size,
            const RlPanel  *panel)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const RlFrame *f = run->frame;

  json_builder_begin_object (b);
  rl_json_member_string (b, "command", command);
  if (args->from != 0)
    rl_json_member_int (b, "from", args->from);
  if (f->year != RL_YEAR_NONE)
    rl_json_member_int (b, args->from != 0 ? "to" : "year", f->year);
  rl_json_member_string (b, "scale", rl_normalize_to_string (run->rating->normalize));
  rl_json_member_int (b, "n", f->n);
  rl_json_member_int (b, "top", args->top);
  json_builder_set_member_name (b, "indicators");
  json_builder_begin_array (b);
  for (guint j = 0; j < f->d; j++)
    {
      json_builder_begin_object (b);
      rl_json_member_string (b, "id", f->features[j]);
      rl_json_member_string (b, "polarity", rl_polarity_to_string (run->polarity[j]));
      rl_json_member_double (b, "weight", run->rating->weights[j]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (run->uncertainty != NULL)
    rl_json_member_int (b, "uncertainty_runs", run->uncertainty->runs);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint r = 0; r < f->n; r++)
    json_row (b, run, run->rating->order[r]);
  json_builder_end_array (b);
  rl_cli_json_dropped (b, f);
  if (watch != NULL)
    json_watch (b, watch, neediest_size, panel);
  json_builder_end_object (b);
  rl_json_print (b);
}

static void
print_table (const RateRun  *run,
             const RateArgs *args)
{
  const RlRatingUncertainty *u = run->uncertainty;

  if (args->from != 0)
    printf ("Fastest worsening first, change per year %d–%d (%s scores):\n\n", args->from,
            args->to, rl_normalize_to_string (run->rating->normalize));
  else
    printf ("Neediest first (%s scores):\n\n", rl_normalize_to_string (run->rating->normalize));
  printf ("%4s  %-40s %8s  %-6s%s\n", "rank", "region", "score", "group",
          u != NULL ? "  median  90 % interval  p_top10 p_top20" : "");
  for (guint r = 0; r < run->frame->n; r++)
    {
      guint i = run->rating->order[r];
      g_autofree char *name = rl_cli_pad (run->frame->names[i], 40);
      printf ("%4u  %s %8.3f  %-6s", r + 1, name, run->rating->score[i],
              rl_rating_group_to_string (run->rating->group[i]));
      if (u != NULL)
        printf ("  %6.1f  %5.1f – %5.1f  %7.3f %7.3f", u->rank_median[i], u->rank_low[i],
                u->rank_high[i], u->p_top_a[i], u->p_top_b[i]);
      printf ("\n");
    }
  rl_cli_print_dropped (run->frame);
}

/* Builds the frame: the year's levels, or the changes between two years. */
static RlFrame *
build_frame (const RlPanel  *panel,
             RlCliCommon    *common,
             const RateArgs *args,
             GError        **error)
{
  g_autoptr(RlFrame) a = NULL, b = NULL;

  if (args->from == 0)
    return rl_cli_build_frame (panel, common, error);
  if (rl_panel_is_wide (panel))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "dynamics need a panel with years, not a "
                   "wide table");
      return NULL;
    }
  common->year = args->from;
  if ((a = rl_cli_build_frame (panel, common, error)) == NULL)
    return NULL;
  common->year = args->to;
  if ((b = rl_cli_build_frame (panel, common, error)) == NULL)
    return NULL;
  return rl_dynamics_frame_from (panel, a, b, error);
}

/* The study's watch list: regions of the neediest cluster of the levels in
 * @args->to (z-scored, clustered by the chosen method) that are among the 2·top
 * fastest worsening. */
static GArray *
watch_list (const RateRun     *dyn,
            const RlPanel     *panel,
            const RateArgs    *args,
            RlCliCommon       *common,
            const char        *scale,
            guint             *neediest_size,
            GError           **error)
{
  g_auto(RateRun) level = { 0 };
  RateArgs level_args = *args;
  RlMethodSpec spec;
  g_autoptr(gsl_matrix) Z = NULL;
  g_autoptr(RlClustering) c = NULL;
  g_autoptr(RlInterpretation) in = NULL;
  g_autofree double *center = NULL, *spread = NULL;
  gsl_vector_view need;

  level_args.uncertainty = 0;
  common->year = args->to;
  rl_method_spec_init (&spec);
  if (!rl_method_from_string (args->watch_method ? args->watch_method : "kmeans", &spec.method))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "--watch-method: expected kmeans, gmm, "
                   "hclust, es, de, ga or immune");
      return NULL;
    }
  spec.k = args->watch_k;
  spec.seed = common->seed;
  if ((level.frame = rl_cli_build_frame (panel, common, error)) == NULL
      || !compute (&level, panel, &level_args, common, scale, error))
    return NULL;
  Z = gsl_matrix_alloc (level.frame->n, level.frame->d);
  gsl_matrix_memcpy (Z, level.frame->raw);
  center = g_new (double, level.frame->d);
  spread = g_new (double, level.frame->d);
  rl_scale_columns (Z, RL_SCALE_Z, 0.0, 1.0, center, spread);
  need = gsl_vector_view_array (level.rating->score, level.frame->n);
  if ((c = rl_method_run (Z, &spec, NULL, NULL, NULL, error)) == NULL
      || (in = rl_interpretation_new (level.frame->raw, c->labels, c->k, &need.vector,
                                      error)) == NULL)
    return NULL;
  *neediest_size = in->sizes[in->neediest];
  return rl_dynamics_watchlist (level.frame->rows, c->labels, level.frame->n, in->neediest,
                                dyn->frame->rows, dyn->rating, 2 * args->top);
}

static void
print_watch (const GArray  *watch,
             guint          neediest_size,
             const RlPanel *panel)
{
  printf ("\nTo watch: in the neediest cluster (%u regions) and among the fastest worsening:\n",
          neediest_size);
  for (guint t = 0; t < watch->len; t++)
    printf ("  %s\n", rl_panel_region_label (panel, g_array_index (watch, guint, t)));
}

static int
run_command (const char  *command,
             const char  *input,
             RlCliCommon *common,
             RateArgs    *args)
{
  g_auto(RateRun) run = { 0 };
  g_autoptr(RlPanel) panel = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scale = g_steal_pointer (&common->scale);
  g_autoptr(GArray) watch = NULL;
  guint size = 0;

  common->scale = g_strdup ("none");
  if ((panel = rl_cli_load_panel (input, &error)) == NULL
      || !rl_cli_apply_preset (args->preset, common, &args->polarity, &error)
      || !choose_features (panel, args, common, &error)
      || (run.frame = build_frame (panel, common, args, &error)) == NULL
      || !compute (&run, panel, args, common, scale, &error)
      || (args->watch_k > 0
          && (watch = watch_list (&run, panel, args, common, scale, &size, &error)) == NULL))
    return rl_cli_failf ("%s: %s", command, error->message);
  if (common->json)
    print_json (&run, args, command, watch, size, panel);
  else
    print_table (&run, args);
  if (!common->json && watch != NULL)
    print_watch (watch, size, panel);
  return 0;
}

#define RATE_ENTRIES(args)                                                                        \
  { "polarity", 0, 0, G_OPTION_ARG_STRING, &(args).polarity, "Polarity of indicators: + when more means more need", "f=+|-,…" }, \
  { "weights", 0, 0, G_OPTION_ARG_STRING, &(args).weights, "Weights of every indicator, or “pca” (default equal)", "f=w,…|pca" }, \
  { "top", 0, 0, G_OPTION_ARG_INT, &(args).top, "Size of the red group; yellow is the next as many (default 10)", "N" }, \
  { "uncertainty", 0, 0, G_OPTION_ARG_INT, &(args).uncertainty, "Monte Carlo runs for rank uncertainty (with --seed)", "RUNS" }, \
  { "preset", 0, 0, G_OPTION_ARG_STRING, &(args).preset, "“study”: the original study's indicators and polarities", "P" }

int
rl_cli_rate (int    argc,
             char **argv)
{
  RlCliCommon common;
  RateArgs args = { .top = 10 };
  const GOptionEntry entries[] = { RATE_ENTRIES (args), { NULL } };
  int status;

  rl_cli_common_init (&common, "z");
  if (!rl_cli_parse (&argc, &argv, "rate", "INPUT",
                     "Composite need rating, neediest first (--scale z, minmax or rank).",
                     &common, entries, 1))
    status = RL_CLI_EXIT_USAGE;
  else
    status = run_command ("rate", argv[1], &common, &args);
  rate_args_clear (&args);
  rl_cli_common_clear (&common);
  return status;
}

int
rl_cli_dynamics (int    argc,
                 char **argv)
{
  RlCliCommon common;
  RateArgs args = { .top = 10 };
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_INT, &args.from, "First year", "Y1" },
    { "to", 0, 0, G_OPTION_ARG_INT, &args.to, "Second year", "Y2" },
    { "watch", 0, 0, G_OPTION_ARG_INT, &args.watch_k, "Cluster Y2's levels into K and list the neediest cluster's regions among the 2·top fastest worsening", "K" },
    { "watch-method", 0, 0, G_OPTION_ARG_STRING, &args.watch_method, "Method for --watch (default kmeans)", "M" },
    RATE_ENTRIES (args),
    { NULL }
  };
  int status;

  rl_cli_common_init (&common, "z");
  if (!rl_cli_parse (&argc, &argv, "dynamics", "PANEL",
                     "Need rating of the change per year between two years: fastest worsening first.",
                     &common, entries, 1))
    status = RL_CLI_EXIT_USAGE;
  else if (args.from == 0 || args.to == 0 || args.from >= args.to)
    status = rl_cli_failf ("dynamics: give --from Y1 --to Y2 with Y1 < Y2");
  else
    status = run_command ("dynamics", argv[1], &common, &args);
  rate_args_clear (&args);
  rl_cli_common_clear (&common);
  return status;
}
