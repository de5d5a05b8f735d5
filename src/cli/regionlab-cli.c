/* regionlab-cli.c — the scriptable face of the core
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "rl-cli.h"
#include "rl-error.h"

typedef struct
{
  const char       *name;
  RlCliCommandFunc  func;
  const char       *summary;
} Command;

static const Command commands[] = {
  { "cluster", rl_cli_cluster, "cluster the regions: kmeans, gmm, hclust, es, de, ga, immune" },
  { "select-k", rl_cli_select_k, "choose k: inertia, f_k, growth ratio, silhouette, BIC over a range" },
  { "plot", rl_cli_plot, "a chart of an analysis (scatter, elbow, dendrogram, rating, map, …) to PNG, SVG or PDF" },
  { "pca", rl_cli_pca, "principal components of the chosen indicators" },
  { "dynamics", rl_cli_dynamics, "need rating of the change between two years: fastest worsening first" },
  { "group", rl_cli_group, "analytic grouping: within/between variance, η and the Chaddock scale" },
  { "import", rl_cli_import, "raw statistics files to a panel, as recipes describe them" },
  { "inspect", rl_cli_inspect, "the raw cells of a spreadsheet file (TSV)" },
  { "match", rl_cli_match, "canonical region codes and names, or candidates" },
  { "rate", rl_cli_rate, "composite need rating, neediest first, with rank uncertainty" },
  { "stability", rl_cli_stability, "clustering stability over seeds and bootstrap samples" },
  { "track", rl_cli_track, "follow clusters between two years: transitions and regions that changed" },
  { "relate", rl_cli_relate, "correlation and η of one indicator with every other" },
  { "compare", rl_cli_compare, "the paper's comparison of methods over k: f_min, growth ratio, empty clusters" },
  { "synth", rl_cli_synth, "synthetic data: the paper's auxiliary set" },
};

static int
usage (FILE *out)
{
  fprintf (out, "Usage: regionlab-cli COMMAND [OPTION…] ARGS\n\nCommands:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf (out, "\n“regionlab-cli COMMAND --help” describes a command's options.\n");
  return out == stdout ? 0 : RL_CLI_EXIT_USAGE;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  rl_gsl_init ();

  if (argc < 2)
    return usage (stderr);
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    return usage (stdout);
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("regionlab-cli %s\n", PACKAGE_VERSION);
      return 0;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].func (argc - 1, argv + 1);

  fprintf (stderr, "regionlab-cli: unknown command “%s”\n\n", argv[1]);
  return usage (stderr);
}
