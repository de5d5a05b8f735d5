/* rl-cli-compare.c — regionlab-cli compare: the paper's comparison of methods over k
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>

#include "rl-cli.h"
#include "rl-error.h"
#include "rl-evolve-compare.h"
#include "rl-hclust.h"
#include "rl-method.h"

#define DEFAULT_METHODS "es,de,ga,immune,kmeans,hclust-single"

typedef struct
{
  char     *methods;
  int       k_min, k_max;
  int       iterations, population;
  gboolean  per_centre, polish, history;
} CompareArgs;

/* "kmeans", "gmm", "es" … or "hclust-LINKAGE" (hclust alone is Ward). */
static gboolean
parse_method (const char   *name,
              RlMethodSpec *spec,
              GError      **error)
{
  RlLinkage linkage;

  if (g_str_has_prefix (name, "hclust-"))
    {
      if (!rl_linkage_from_string (name + strlen ("hclust-"), &linkage, error))
        {
          g_prefix_error (error, "--methods: “%s”: ", name);
          return FALSE;
        }
      spec->method = RL_METHOD_HCLUST;
      spec->linkage = linkage;
      return TRUE;
    }
  if (!rl_method_from_string (name, &spec->method))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "--methods: unknown method “%s”: expected "
                   "kmeans, gmm, hclust[-LINKAGE], es, de, ga or immune", name);
      return FALSE;
    }
  return TRUE;
}

static void
print_table (const RlEvolveCompare *cmp)
{
  printf ("%-16s %3s %12s %8s %12s %6s %9s\n", "method", "k", "f_min", "growth", "inertia",
          "empty", "seconds");
  for (guint i = 0; i < cmp->rows->len; i++)
    {
      const RlEvolveCompareRow *r = g_ptr_array_index (cmp->rows, i);
      g_autofree char *name = rl_cli_pad (r->method, 16);

      printf ("%s %3u %12.6g %8.4f %12.6g %6u %9.3f\n", name, r->k, r->f_min, r->growth_ratio,
              r->inertia, r->n_empty, r->seconds);
    }
}

static void
print_json (const RlEvolveCompare *cmp,
            gboolean               with_history)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  rl_json_member_int (b, "k_min", cmp->k_min);
  rl_json_member_int (b, "k_max", cmp->k_max);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint i = 0; i < cmp->rows->len; i++)
    {
      const RlEvolveCompareRow *r = g_ptr_array_index (cmp->rows, i);

      json_builder_begin_object (b);
      rl_json_member_string (b, "method", r->method);
      rl_json_member_int (b, "k", r->k);
      rl_json_member_double (b, "f_min", r->f_min);
      rl_json_member_double (b, "growth_ratio", r->growth_ratio);
      rl_json_member_double (b, "inertia", r->inertia);
      rl_json_member_int (b, "empty", r->n_empty);
      rl_json_member_double (b, "seconds", r->seconds);
      if (with_history && r->history != NULL)
        {
          json_builder_set_member_name (b, "history");
          json_builder_begin_array (b);
          for (guint t = 0; t < r->history->len; t++)
            rl_json_add_double (b, g_array_index (r->history, double, t));
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  rl_json_print (b);
}

static int
run (const char        *input,
     const RlCliCommon *common,
     const CompareArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlFrame) frame = NULL;
  g_autoptr(RlEvolveCompare) cmp = NULL;
  g_auto(GStrv) names = g_strsplit (args->methods, ",", -1);
  guint n_methods = g_strv_length (names);
  g_autofree RlMethodSpec *specs = g_new0 (RlMethodSpec, MAX (n_methods, 1));
  g_autofree RlEvolveCompareMethod *methods = g_new0 (RlEvolveCompareMethod, MAX (n_methods, 1));

  if (n_methods == 0)
    return rl_cli_failf ("compare: --methods is empty");
  if (args->k_min < 1 || args->k_max < args->k_min)
    return rl_cli_failf ("compare: expected 1 ≤ --k-min ≤ --k-max, not %d and %d",
                         args->k_min, args->k_max);
  for (guint m = 0; m < n_methods; m++)
    {
      g_strstrip (names[m]);
      rl_method_spec_init (&specs[m]);
      if (!parse_method (names[m], &specs[m], &error))
        return rl_cli_fail (g_steal_pointer (&error));
      specs[m].seed = common->seed;
      specs[m].iterations = args->iterations;
      specs[m].population = args->population;
      specs[m].per_centre = args->per_centre;
      specs[m].polish = args->polish;
      methods[m] = (RlEvolveCompareMethod) { names[m], rl_method_cluster_func, &specs[m] };
    }
  if ((frame = rl_cli_load_frame (input, common, &error)) == NULL)
    return rl_cli_fail (g_steal_pointer (&error));
  if ((guint) args->k_max > frame->n)
    return rl_cli_failf ("compare: --k-max %d is larger than the %u regions of %s",
                         args->k_max, frame->n, input);
  cmp = rl_evolve_compare (frame->X, args->k_min, args->k_max, methods, n_methods,
                           NULL, NULL, NULL, &error);
  if (cmp == NULL)
    return rl_cli_failf ("compare: %s", error->message);
  if (common->json)
    print_json (cmp, args->history);
  else
    print_table (cmp);
  return 0;
}

int
rl_cli_compare (int    argc,
                char **argv)
{
  RlCliCommon common;
  CompareArgs args = { .k_min = 2, .k_max = 9, .iterations = 2000, .population = 100 };
  const GOptionEntry entries[] = {
    { "methods", 0, 0, G_OPTION_ARG_STRING, &args.methods, "Methods to compare (default " DEFAULT_METHODS ")", "M,…" },
    { "k-min", 0, 0, G_OPTION_ARG_INT, &args.k_min, "Smallest k (default 2)", "A" },
    { "k-max", 0, 0, G_OPTION_ARG_INT, &args.k_max, "Largest k (default 9)", "B" },
    { "iterations", 0, 0, G_OPTION_ARG_INT, &args.iterations, "es, de, ga, immune: T (default 2000)", "T" },
    { "population", 0, 0, G_OPTION_ARG_INT, &args.population, "es, de, ga, immune: N (default 100)", "N" },
    { "per-centre", 0, 0, G_OPTION_ARG_NONE, &args.per_centre, "es, de, ga, immune: one centre at a time", NULL },
    { "polish", 0, 0, G_OPTION_ARG_NONE, &args.polish, "es, de, ga, immune: finish with Lloyd iterations", NULL },
    { "history", 0, 0, G_OPTION_ARG_NONE, &args.history, "With --json: best f_k per iteration of es, de, ga, immune", NULL },
    { NULL }
  };
  int status;

  /* The paper's setting: min-max to [-10, 10] for every method alike. */
  rl_cli_common_init (&common, "minmax:-10:10");
  if (!rl_cli_parse (&argc, &argv, "compare", "INPUT",
                     "The paper's comparison: f_min(k), the growth ratio f_min(k+1)/f_min(k), "
                     "empty clusters and time of every method for each k.",
                     &common, entries, 1))
    status = RL_CLI_EXIT_USAGE;
  else
    {
      if (args.methods == NULL)
        args.methods = g_strdup (DEFAULT_METHODS);
      status = run (argv[1], &common, &args);
    }
  g_free (args.methods);
  rl_cli_common_clear (&common);
  return status;
}
