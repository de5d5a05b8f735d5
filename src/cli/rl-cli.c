/* rl-cli.c — what every regionlab-cli command shares
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-cli.h"

#include <math.h>
#include <stdio.h>

#include "rl-analysis.h"
#include "rl-error.h"
#include "rl-limits.h"

/* The range of a whole-number option, the same in every command; @cap names
 * the rl-limits.h cap that bounds it (NULL when the range is the option's own). */
typedef struct
{
  const char *name;
  gint64      min;
  gint64      max;
  const char *cap;
  const char *what;
} OptionRange;

/* Zero where the help says so means "not given" or "the default". The years
 * (--year, --from, --to) are checked against the panel instead. */
static const OptionRange option_ranges[] = {
  { "k", 0, RL_LIMIT_K, "RL_LIMIT_K", "a number of clusters" },
  { "k-min", 1, RL_LIMIT_K, "RL_LIMIT_K", "a number of clusters" },
  { "k-max", 1, RL_LIMIT_K, "RL_LIMIT_K", "a number of clusters" },
  { "watch", 0, RL_LIMIT_K, "RL_LIMIT_K", "a number of clusters" },
  { "n-init", 1, RL_LIMIT_RESTARTS, "RL_LIMIT_RESTARTS", "a number of restarts" },
  { "max-iter", 0, RL_LIMIT_ITERATIONS, "RL_LIMIT_ITERATIONS", "a number of iterations" },
  { "iterations", 1, RL_LIMIT_ITERATIONS, "RL_LIMIT_ITERATIONS", "a number of iterations" },
  { "population", 4, RL_LIMIT_POPULATION, "RL_LIMIT_POPULATION", "a population size" },
  { "uncertainty", 0, RL_LIMIT_UNCERTAINTY, "RL_LIMIT_UNCERTAINTY",
    "a number of Monte Carlo runs" },
  { "runs", 1, RL_LIMIT_STABILITY_RUNS, "RL_LIMIT_STABILITY_RUNS", "a number of runs" },
  { "bootstrap", 0, RL_LIMIT_STABILITY_RUNS, "RL_LIMIT_STABILITY_RUNS",
    "a number of bootstrap samples" },
  /* no more regions than a sheet has rows, no more indicators than columns */
  { "top", 1, RL_LIMIT_SHEET_ROWS, "RL_LIMIT_SHEET_ROWS", "a number of regions" },
  { "components", 0, RL_LIMIT_SHEET_COLS, "RL_LIMIT_SHEET_COLS", "a number of components" },
  { "n-classes", 1, 12, NULL, "a number of classes" },
  { "width", 50, 20000, NULL, "a size in pixels" },
  { "height", 50, 20000, NULL, "a size in pixels" },
  { "year", G_MININT, G_MAXINT, NULL, NULL },
  { "from", G_MININT, G_MAXINT, NULL, NULL },
  { "to", G_MININT, G_MAXINT, NULL, NULL },
};

void
rl_cli_common_init (RlCliCommon *common,
                    const char  *default_scale)
{
  *common = (RlCliCommon) {
    .year = 0,
    .seed = 0,
    .default_scale = default_scale,
    .default_missing = "drop",
  };
}

void
rl_cli_common_clear (RlCliCommon *common)
{
  g_clear_pointer (&common->features, g_free);
  g_clear_pointer (&common->scale, g_free);
  g_clear_pointer (&common->missing, g_free);
}

int
rl_cli_failf (const char *format,
              ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "regionlab-cli: %s\n", message);
  return RL_CLI_EXIT_USAGE;
}

int
rl_cli_fail (GError *error)
{
  int status = rl_cli_failf ("%s", error != NULL ? error->message : "unknown error");

  g_clear_error (&error);
  return status;
}

static const OptionRange *
find_range (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (option_ranges); i++)
    if (g_str_equal (option_ranges[i].name, name))
      return &option_ranges[i];
  return NULL;
}

gboolean
rl_cli_check_ranges (const char         *command,
                     const GOptionEntry *entries,
                     GError            **error)
{
  for (const GOptionEntry *e = entries; e != NULL && e->long_name != NULL; e++)
    {
      const OptionRange *range;
      int value;

      if (e->arg != G_OPTION_ARG_INT || e->arg_data == NULL)
        continue;
      range = find_range (e->long_name);
      if (range == NULL)
        {
          g_critical ("%s: --%s has no range in rl-cli.c", command, e->long_name);
          continue;
        }
      value = *(const int *) e->arg_data;
      if (value >= range->min && value <= range->max)
        continue;
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "%s: --%s %d is out of range: expected %s from %" G_GINT64_FORMAT " to %"
                   G_GINT64_FORMAT "%s%s%s", command, e->long_name, value, range->what,
                   range->min, range->max, range->cap ? " (the cap " : "",
                   range->cap ? range->cap : "", range->cap ? " in rl-limits.h)" : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
rl_cli_parse (int                 *argc,
              char              ***argv,
              const char          *command,
              const char          *args_help,
              const char          *summary,
              RlCliCommon         *common,
              const GOptionEntry  *entries,
              int                  n_args)
{
  g_autofree char *param = g_strdup_printf ("%s %s", command, args_help);
  g_autoptr(GOptionContext) context = g_option_context_new (param);
  g_autoptr(GError) error = NULL;
  const GOptionEntry common_entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, common ? &common->year : NULL, "Year of a panel (default: the latest with every chosen indicator)", "Y" },
    { "features", 0, 0, G_OPTION_ARG_STRING, common ? &common->features : NULL, "Indicators to use, in order", "a,b,c" },
    { "scale", 0, 0, G_OPTION_ARG_STRING, common ? &common->scale : NULL, "none, z, minmax, minmax:A:B or robust", "S" },
    { "missing", 0, 0, G_OPTION_ARG_STRING, common ? &common->missing : NULL, "drop, median, interpolate or keep", "M" },
    { "log", 0, 0, G_OPTION_ARG_NONE, common ? &common->log : NULL, "Natural log of every feature before scaling", NULL },
    { "seed", 0, 0, G_OPTION_ARG_INT64, common ? &common->seed : NULL, "Random seed", "S" },
    { "json", 0, 0, G_OPTION_ARG_NONE, common ? &common->json : NULL, "Print one JSON document", NULL },
    { NULL }
  };

  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, NULL);
  if (common != NULL)
    {
      GOptionGroup *group = g_option_group_new ("common", "Common options:", "Show common options",
                                                NULL, NULL);
      g_option_group_add_entries (group, common_entries);
      g_option_context_add_group (context, group);
    }
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      rl_cli_failf ("%s: %s (see “regionlab-cli %s --help”)", command, error->message, command);
      return FALSE;
    }
  if ((n_args >= 0 && *argc - 1 != n_args) || (n_args < 0 && *argc < 2))
    {
      rl_cli_failf ("%s: expected %s (see “regionlab-cli %s --help”)", command, args_help, command);
      return FALSE;
    }
  if (common != NULL && common->scale == NULL)
    common->scale = g_strdup (common->default_scale);
  if (common != NULL && common->missing == NULL)
    common->missing = g_strdup (common->default_missing);
  if (!rl_cli_check_ranges (command, entries, &error)
      || (common != NULL && !rl_cli_check_ranges (command, common_entries, &error)))
    {
      rl_cli_fail (g_steal_pointer (&error));
      return FALSE;
    }
  return TRUE;
}

RlPanel *
rl_cli_load_panel (const char *path,
                   GError    **error)
{
  return rl_panel_load (path, error);
}

static gboolean
build_spec (const RlPanel     *panel,
            const RlCliCommon *common,
            RlFrameSpec       *spec,
            GError           **error)
{
  rl_frame_spec_init (spec);
  if (!rl_scale_parse (common->scale, &spec->scale, &spec->a, &spec->b))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "--scale: “%s” is not none, z, minmax, minmax:A:B (A < B) or robust", common->scale);
      return FALSE;
    }
  if (g_str_equal (common->missing, "drop"))
    spec->missing = RL_MISSING_DROP;
  else if (g_str_equal (common->missing, "median"))
    spec->missing = RL_MISSING_MEDIAN;
  else if (g_str_equal (common->missing, "interpolate"))
    spec->missing = RL_MISSING_INTERPOLATE;
  else if (g_str_equal (common->missing, "keep"))
    spec->missing = RL_MISSING_KEEP;
  else
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "--missing: “%s” is not drop, median, interpolate or keep", common->missing);
      return FALSE;
    }
  spec->log = common->log;
  if (common->features != NULL)
    spec->features = g_strsplit (common->features, ",", -1);
  spec->features_default = common->features_default;

  if (rl_panel_is_wide (panel))
    {
      if (common->year != 0)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                       "--year: the input is a wide table without years");
          return FALSE;
        }
      spec->year = RL_YEAR_NONE;
    }
  else if (common->year == 0)
    {
      spec->year = spec->features_default || spec->features == NULL
        ? rl_analysis_default_year_of_most (panel, (const char * const *) spec->features, error)
        : rl_analysis_default_year (panel, (const char * const *) spec->features, error);
      if (spec->year == RL_YEAR_NONE)
        return FALSE;
    }
  else
    spec->year = common->year;
  return TRUE;
}

gboolean
rl_cli_apply_preset (const char   *name,
                     RlCliCommon  *common,
                     char        **polarity,
                     GError      **error)
{
  const RlRatingPresetEntry *preset;
  g_autoptr(GString) features = g_string_new (NULL), signs = g_string_new (NULL);
  guint n;

  if (name == NULL)
    return TRUE;
  if (!g_str_equal (name, "study"))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "--preset: “%s” is not a preset (study)",
                   name);
      return FALSE;
    }
  preset = rl_rating_study_preset (&n);
  for (guint j = 0; j < n; j++)
    {
      g_string_append_printf (features, "%s%s", j ? "," : "", preset[j].id);
      g_string_append_printf (signs, "%s%s=%s", j ? "," : "", preset[j].id,
                              preset[j].polarity > 0 ? "+" : "-");
    }
  if (common->features == NULL)
    common->features = g_strdup (features->str);
  if (*polarity == NULL)
    *polarity = g_strdup (signs->str);
  return TRUE;
}

gboolean
rl_cli_frame_spec (const RlPanel     *panel,
                   const RlCliCommon *common,
                   RlFrameSpec       *spec,
                   GError           **error)
{
  if (build_spec (panel, common, spec, error))
    return TRUE;
  rl_frame_spec_clear (spec);
  return FALSE;
}

RlFrame *
rl_cli_build_frame (const RlPanel     *panel,
                    const RlCliCommon *common,
                    GError           **error)
{
  RlFrameSpec spec;
  RlFrame *frame = NULL;

  if (build_spec (panel, common, &spec, error))
    frame = rl_frame_new (panel, &spec, error);
  rl_frame_spec_clear (&spec);
  return frame;
}

RlFrame *
rl_cli_load_frame (const char        *path,
                   const RlCliCommon *common,
                   GError           **error)
{
  g_autoptr(RlPanel) panel = rl_cli_load_panel (path, error);

  if (panel == NULL)
    return NULL;
  return rl_cli_build_frame (panel, common, error);
}

char *
rl_cli_pad (const char *text,
            guint       width)
{
  GString *out = g_string_new (text);
  glong length = g_utf8_strlen (text, -1);

  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

void
rl_json_add_double (JsonBuilder *builder,
                    double       value)
{
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
rl_json_member_double (JsonBuilder *builder,
                       const char  *name,
                       double       value)
{
  json_builder_set_member_name (builder, name);
  rl_json_add_double (builder, value);
}

void
rl_json_member_int (JsonBuilder *builder,
                    const char  *name,
                    gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
rl_json_member_string (JsonBuilder *builder,
                       const char  *name,
                       const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
rl_json_member_matrix (JsonBuilder      *builder,
                       const char       *name,
                       const gsl_matrix *matrix)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (gsize i = 0; matrix != NULL && i < matrix->size1; i++)
    {
      json_builder_begin_array (builder);
      for (gsize j = 0; j < matrix->size2; j++)
        rl_json_add_double (builder, gsl_matrix_get (matrix, i, j));
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
}

void
rl_json_print (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
}
