/* rl-cli-group.c — regionlab-cli group: analytic grouping, within/between variance, η
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>

#include "rl-cli.h"
#include "rl-error.h"
#include "rl-grouping.h"
#include "rl-limits.h"

static int
column_of (const RlFrame *frame,
           const char    *id)
{
  for (guint j = 0; j < frame->d; j++)
    if (g_str_equal (frame->features[j], id))
      return (int) j;
  return -1;
}

/* Reads `cluster --json` output: labels [{region, cluster}]; every region of
 * the frame must be labelled and every labelled region must be known. */
static guint *
read_labels (const char    *path,
             const RlFrame *frame,
             guint         *k,
             GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree guint *labels = g_new (guint, frame->n);
  JsonNode *root, *list = NULL;
  JsonArray *array;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_OBJECT (root))
    list = json_object_get_member (json_node_get_object (root), "labels");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: expected an object with a “labels” array "
                   "(the output of “regionlab-cli cluster --json”)", path);
      return NULL;
    }
  for (guint i = 0; i < frame->n; i++)
    labels[i] = RL_GROUP_NONE;
  *k = 0;
  array = json_node_get_array (list);
  for (guint e = 0; e < json_array_get_length (array); e++)
    {
      JsonNode *item = json_array_get_element (array, e);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
      JsonNode *name = o ? json_object_get_member (o, "region") : NULL;
      JsonNode *number = o ? json_object_get_member (o, "cluster") : NULL;
      const char *region = name && JSON_NODE_HOLDS_VALUE (name)
                           && json_node_get_value_type (name) == G_TYPE_STRING
                           ? json_node_get_string (name) : NULL;
      gint64 cluster = number && JSON_NODE_HOLDS_VALUE (number)
                       && json_node_get_value_type (number) == G_TYPE_INT64
                       ? json_node_get_int (number) : -1;
      guint i;

      for (i = 0; region != NULL && i < frame->n; i++)
        if (g_str_equal (frame->names[i], region) || g_str_equal (frame->codes[i], region))
          break;
      if (region == NULL || cluster < 0 || cluster >= RL_LIMIT_K)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
                       "%s: label %u needs a “region” name and a “cluster” number from 0 to %u "
                       "(the cap RL_LIMIT_K in rl-limits.h)", path, e + 1, RL_LIMIT_K - 1);
          return NULL;
        }
      if (i == frame->n)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "%s: label %u: unknown region “%s”",
                       path, e + 1, region);
          return NULL;
        }
      labels[i] = (guint) cluster;
      *k = MAX (*k, (guint) cluster + 1);
    }
  return g_steal_pointer (&labels);
}

static void
print_groups_json (const RlGrouping *g,
                   const char       *feature)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  rl_json_member_string (b, "feature", feature);
  rl_json_member_string (b, "scheme", rl_grouping_scheme_name (g->scheme));
  rl_json_member_int (b, "n", g->n);
  rl_json_member_double (b, "mean", g->mean);
  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  for (guint i = 0; i < g->k; i++)
    {
      json_builder_begin_object (b);
      rl_json_member_double (b, "lower", g->groups[i].lower);
      rl_json_member_double (b, "upper", g->groups[i].upper);
      rl_json_member_int (b, "n", g->groups[i].n);
      rl_json_member_double (b, "mean", g->groups[i].mean);
      rl_json_member_double (b, "variance", g->groups[i].variance);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  rl_json_member_double (b, "h", g->h);
  rl_json_member_double (b, "total_variance", g->total_variance);
  rl_json_member_double (b, "within_variance", g->within_variance);
  rl_json_member_double (b, "between_variance", g->between_variance);
  rl_json_member_double (b, "eta2", g->eta2);
  rl_json_member_double (b, "eta", g->eta);
  rl_json_member_string (b, "chaddock", rl_chaddock_name (g->chaddock));
  json_builder_end_object (b);
  rl_json_print (b);
}

static void
print_groups_table (const RlGrouping *g,
                    const char       *feature)
{
  printf ("%s: %u values, mean %.6g, %s grouping\n\n", feature, g->n, g->mean,
          rl_grouping_scheme_name (g->scheme));
  printf ("%12s %12s %6s %12s %12s\n", "lower", "upper", "n", "mean", "variance");
  for (guint i = 0; i < g->k; i++)
    printf ("%12.6g %12.6g %6u %12.6g %12.6g\n", g->groups[i].lower, g->groups[i].upper,
            g->groups[i].n, g->groups[i].mean, g->groups[i].variance);
  printf ("\ntotal variance   %.6g\nwithin groups    %.6g\nbetween groups   %.6g\n",
          g->total_variance, g->within_variance, g->between_variance);
  printf ("η² = %.4f, η = %.4f: %s\n", g->eta2, g->eta, rl_chaddock_name (g->chaddock));
}

static RlGrouping *
make_grouping (const RlFrame *frame,
               int            f,
               const char    *scheme,
               const char    *by_feature,
               const char    *by_labels,
               GError       **error)
{
  RlGroupingOptions options;
  g_autoptr(GArray) breaks = NULL;
  gsl_vector_const_view x = gsl_matrix_const_column (frame->raw, f);

  rl_grouping_options_init (&options);
  if (scheme != NULL && (breaks = rl_grouping_options_parse (&options, scheme, error)) == NULL)
    return NULL;
  if (options.k > RL_LIMIT_K)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "--scheme %s: %u groups are out of range: "
                   "expected a number of groups from 1 to %u (the cap RL_LIMIT_K in rl-limits.h)",
                   scheme, options.k, RL_LIMIT_K);
      return NULL;
    }
  if (by_labels != NULL)
    {
      guint k = 0;
      g_autofree guint *labels = read_labels (by_labels, frame, &k, error);
      return labels ? rl_grouping_new_by_labels (&x.vector, labels, k, error) : NULL;
    }
  if (by_feature != NULL)
    {
      int g = column_of (frame, by_feature);
      if (g < 0)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "--by-feature: unknown indicator “%s”",
                       by_feature);
          return NULL;
        }
      gsl_vector_const_view y = gsl_matrix_const_column (frame->raw, g);
      return rl_grouping_new_by_feature (&x.vector, &y.vector, &options, error);
    }
  return rl_grouping_new (&x.vector, &options, error);
}

int
rl_cli_group (int    argc,
              char **argv)
{
  g_auto(RlCliCommon) common = { 0 };
  g_autofree char *feature = NULL, *scheme = NULL, *by_labels = NULL, *by_feature = NULL;
  const GOptionEntry entries[] = {
    { "feature", 0, 0, G_OPTION_ARG_STRING, &feature, "Indicator to group (required)", "F" },
    { "scheme", 0, 0, G_OPTION_ARG_STRING, &scheme,
      "sturges, equal-interval:K, equal-frequency:K or breaks:B1,B2,… (default sturges)", "S" },
    { "by-labels", 0, 0, G_OPTION_ARG_FILENAME, &by_labels, "Group by the cluster labels of “cluster --json”", "FILE" },
    { "by-feature", 0, 0, G_OPTION_ARG_STRING, &by_feature, "Group by the groups of another indicator", "G" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RlFrame) frame = NULL;
  g_autoptr(RlPanel) panel = NULL;
  RlGrouping *grouping;
  int f, status = 0;

  rl_cli_common_init (&common, "none");
  if (!rl_cli_parse (&argc, &argv, "group", "INPUT",
                     "Analytic grouping of one indicator: groups, within- and between-group variance, η.",
                     &common, entries, 1))
    return RL_CLI_EXIT_USAGE;
  if (feature == NULL)
    return rl_cli_failf ("group: --feature is required");
  if (by_labels != NULL && by_feature != NULL)
    return rl_cli_failf ("group: --by-labels and --by-feature exclude each other");
  g_free (common.missing);
  common.missing = g_strdup ("keep");

  panel = rl_cli_load_panel (argv[1], &error);
  if (panel == NULL || (frame = rl_cli_build_frame (panel, &common, &error)) == NULL)
    return rl_cli_fail (g_steal_pointer (&error));
  if ((f = column_of (frame, feature)) < 0)
    return rl_cli_failf ("group: unknown indicator “%s” in %s", feature, argv[1]);

  grouping = make_grouping (frame, f, scheme, by_feature, by_labels, &error);
  if (grouping == NULL)
    status = rl_cli_fail (g_steal_pointer (&error));
  else if (common.json)
    print_groups_json (grouping, feature);
  else
    print_groups_table (grouping, feature);
  g_clear_pointer (&grouping, rl_grouping_free);
  return status;
}
