/* rl-cli-relate.c — regionlab-cli relate: what an indicator goes with
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "rl-cli.h"
#include "rl-error.h"
#include "rl-relations.h"

static void
print_json (const RlRelations *rel,
            const char        *years)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  rl_json_member_string (b, "target", rel->target);
  rl_json_member_string (b, "years", years);
  rl_json_member_int (b, "n", rel->n_rows);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint i = 0; i < rel->n_relations; i++)
    {
      const RlRelation *r = &rel->rows[i];
      json_builder_begin_object (b);
      rl_json_member_string (b, "feature", r->feature);
      rl_json_member_int (b, "n", r->n);
      rl_json_member_double (b, "pearson", r->pearson.r);
      rl_json_member_double (b, "pearson_p", r->pearson.p);
      rl_json_member_double (b, "spearman", r->spearman.r);
      rl_json_member_double (b, "spearman_p", r->spearman.p);
      rl_json_member_int (b, "groups", r->n_groups);
      rl_json_member_double (b, "eta", r->eta);
      rl_json_member_double (b, "eta2", r->eta2);
      rl_json_member_string (b, "chaddock", rl_chaddock_name (r->chaddock));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  rl_json_print (b);
}

static void
print_table (const RlRelations *rel,
             const char        *years)
{
  printf ("What %s goes with (%s%s%u rows), strongest first:\n\n", rel->target, years,
          *years ? ", " : "", rel->n_rows);
  printf ("%-32s %4s %8s %9s %8s %9s %6s  %s\n", "feature", "n", "pearson", "p", "spearman", "p",
          "eta", "chaddock");
  for (guint i = 0; i < rel->n_relations; i++)
    {
      const RlRelation *r = &rel->rows[i];
      printf ("%-32s %4u %8.3f %9.2e %8.3f %9.2e %6.3f  %s\n", r->feature, r->n, r->pearson.r,
              r->pearson.p, r->spearman.r, r->spearman.p, r->eta, rl_chaddock_name (r->chaddock));
    }
}

/* Frames of every year of the panel (pairwise NaN kept), for pooling. */
static GPtrArray *
frames_of_all_years (const RlPanel *panel,
                     RlCliCommon   *common,
                     GError       **error)
{
  g_autoptr(GPtrArray) frames = g_ptr_array_new_with_free_func ((GDestroyNotify) rl_frame_free);
  g_autoptr(GArray) years = rl_panel_years (panel);

  for (guint t = 0; t < years->len; t++)
    {
      RlFrame *frame;
      common->year = g_array_index (years, int, t);
      frame = rl_cli_build_frame (panel, common, error);
      if (frame == NULL)
        return NULL;
      g_ptr_array_add (frames, frame);
    }
  return g_steal_pointer (&frames);
}

int
rl_cli_relate (int    argc,
               char **argv)
{
  g_auto(RlCliCommon) common = { 0 };
  g_autofree char *target = NULL;
  gboolean pooled = FALSE;
  const GOptionEntry entries[] = {
    { "target", 0, 0, G_OPTION_ARG_STRING, &target, "Indicator to explain (default poverty_percent)", "F" },
    { "pooled", 0, 0, G_OPTION_ARG_NONE, &pooled, "Pool every year of a panel (needs --features)", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) panel = NULL;
  g_autoptr(RlRelations) rel = NULL;
  g_autofree char *years = NULL;
  int status = 0;

  rl_cli_common_init (&common, "none");
  if (!rl_cli_parse (&argc, &argv, "relate", "INPUT",
                     "Correlation (Pearson, Spearman) and correlation ratio η of one indicator with every other.",
                     &common, entries, 1))
    return RL_CLI_EXIT_USAGE;
  if (target == NULL)
    target = g_strdup ("poverty_percent");
  g_free (common.missing);
  common.missing = g_strdup ("keep");

  if ((panel = rl_cli_load_panel (argv[1], &error)) == NULL)
    return rl_cli_fail (g_steal_pointer (&error));
  if (rl_panel_find_indicator (panel, target) < 0)
    return rl_cli_failf ("relate: unknown indicator “%s” in %s", target, argv[1]);

  if (pooled && !rl_panel_is_wide (panel))
    {
      g_autoptr(GPtrArray) frames = NULL;
      g_autofree const gsl_matrix **Xs = NULL;
      if (common.features == NULL)
        return rl_cli_failf ("relate: --pooled needs --features, the same indicators every year");
      if ((frames = frames_of_all_years (panel, &common, &error)) == NULL)
        return rl_cli_fail (g_steal_pointer (&error));
      Xs = g_new (const gsl_matrix *, frames->len);
      for (guint t = 0; t < frames->len; t++)
        Xs[t] = ((RlFrame *) frames->pdata[t])->raw;
      rel = rl_relations_new_pooled (Xs, frames->len,
                                     (const char *const *) ((RlFrame *) frames->pdata[0])->features,
                                     target, NULL, &error);
      years = g_strdup_printf ("%d–%d", ((RlFrame *) frames->pdata[0])->year,
                               ((RlFrame *) frames->pdata[frames->len - 1])->year);
    }
  else
    {
      g_autoptr(RlFrame) frame = rl_cli_build_frame (panel, &common, &error);
      if (frame == NULL)
        return rl_cli_fail (g_steal_pointer (&error));
      rel = rl_relations_new (frame->raw, (const char *const *) frame->features, target, NULL, &error);
      years = frame->year == RL_YEAR_NONE ? g_strdup ("") : g_strdup_printf ("%d", frame->year);
    }

  if (rel == NULL)
    status = rl_cli_fail (g_steal_pointer (&error));
  else if (common.json)
    print_json (rel, years);
  else
    print_table (rel, years);
  return status;
}
