/* rl-cli-match.c — regionlab-cli match: region names to canonical codes
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "rl-cli.h"
#include "rl-gazetteer.h"

/* CLI.md's kinds: region, aggregate, composite-part, unknown. A subject
 * together with its okrugs and the units that are not current subjects are
 * sums or leftovers, never clustered: they are reported as aggregates, with
 * the gazetteer's own kind in "gazetteer_kind". */
static const char *
contract_kind (const RlMatch *m)
{
  if (!rl_match_is_resolved (m))
    return "unknown";
  switch (m->entry->kind)
    {
    case RL_GAZETTEER_KIND_REGION:
      return "region";
    case RL_GAZETTEER_KIND_COMPOSITE_PART:
      return "composite-part";
    case RL_GAZETTEER_KIND_AGGREGATE:
    case RL_GAZETTEER_KIND_COMPOSITE:
    case RL_GAZETTEER_KIND_OTHER:
    default:
      return "aggregate";
    }
}

static gboolean
is_region (const RlMatch *m)
{
  return rl_match_is_resolved (m) && (m->entry->kind == RL_GAZETTEER_KIND_REGION
                                      || m->entry->kind == RL_GAZETTEER_KIND_COMPOSITE_PART);
}

static void
add_row (JsonBuilder   *b,
         const char    *input,
         const RlMatch *m)
{
  json_builder_begin_object (b);
  rl_json_member_string (b, "input", input);
  rl_json_member_string (b, "code", is_region (m) ? m->entry->code : NULL);
  rl_json_member_string (b, "name", rl_match_is_resolved (m) ? m->entry->name : NULL);
  rl_json_member_string (b, "kind", contract_kind (m));
  rl_json_member_string (b, "match", rl_match_status_to_string (m->status));
  rl_json_member_string (b, "gazetteer_code", rl_match_is_resolved (m) ? m->entry->code : NULL);
  rl_json_member_string (b, "gazetteer_kind",
                         rl_match_is_resolved (m) ? rl_gazetteer_kind_to_string (m->entry->kind) : NULL);
  json_builder_set_member_name (b, "candidates");
  json_builder_begin_array (b);
  for (guint c = 0; !rl_match_is_resolved (m) && c < m->n_candidates; c++)
    {
      json_builder_begin_object (b);
      rl_json_member_string (b, "code", m->candidates[c].entry->code);
      rl_json_member_string (b, "name", m->candidates[c].entry->name);
      rl_json_member_double (b, "score", m->candidates[c].score);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
print_row (const char    *input,
           const RlMatch *m)
{
  if (rl_match_is_resolved (m))
    {
      printf ("%s\t%s\t%s\t%s\n", input, m->entry->code, m->entry->name, contract_kind (m));
      return;
    }
  printf ("%s\t-\t-\t%s (%s)", input, contract_kind (m), rl_match_status_to_string (m->status));
  for (guint c = 0; c < m->n_candidates; c++)
    printf ("%s%s %s %.2f", c ? "; " : "\tcandidates: ", m->candidates[c].entry->code,
            m->candidates[c].entry->name, m->candidates[c].score);
  printf ("\n");
}

int
rl_cli_match (int    argc,
              char **argv)
{
  g_autofree char *id = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "gazetteer", 0, 0, G_OPTION_ARG_STRING, &id, "ru (default), ua, or a gazetteer TSV file", "G" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print one JSON document", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RlGazetteer) gazetteer = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (!rl_cli_parse (&argc, &argv, "match", "NAME…",
                     "Canonical code and name of each region name, or ranked candidates.",
                     NULL, entries, -1))
    return RL_CLI_EXIT_USAGE;
  if (id == NULL)
    id = g_strdup ("ru");
  gazetteer = g_str_has_suffix (id, ".tsv") ? rl_gazetteer_load (id, &error)
                                            : rl_gazetteer_load_builtin (id, &error);
  if (gazetteer == NULL)
    return rl_cli_fail (g_steal_pointer (&error));

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (int i = 1; i < argc; i++)
    {
      RlMatch m = rl_gazetteer_match (gazetteer, argv[i]);
      if (json)
        add_row (b, argv[i], &m);
      else
        print_row (argv[i], &m);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  if (json)
    rl_json_print (b);
  return 0;
}
