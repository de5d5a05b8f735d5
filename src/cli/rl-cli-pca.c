/* rl-cli-pca.c — regionlab-cli pca and synth
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "rl-cli.h"
#include "rl-pca.h"
#include "rl-synth.h"

static void
add_vector (JsonBuilder      *b,
            const char       *name,
            const gsl_vector *v)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (gsize i = 0; i < v->size; i++)
    rl_json_add_double (b, gsl_vector_get (v, i));
  json_builder_end_array (b);
}

static void
print_pca_json (const RlFrame *frame,
                const RlPca   *pca)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(gsl_matrix) loadings = gsl_matrix_alloc (pca->m, pca->d);

  gsl_matrix_transpose_memcpy (loadings, pca->components);
  json_builder_begin_object (b);
  rl_json_member_int (b, "n", pca->n);
  rl_json_member_int (b, "d", pca->d);
  rl_json_member_int (b, "components_count", pca->m);
  json_builder_set_member_name (b, "features");
  json_builder_begin_array (b);
  for (guint j = 0; j < frame->d; j++)
    json_builder_add_string_value (b, frame->features[j]);
  json_builder_end_array (b);
  rl_json_member_matrix (b, "components", loadings);   /* m rows of d loadings */
  add_vector (b, "explained_variance", pca->explained_variance);
  add_vector (b, "explained_variance_ratio", pca->explained_variance_ratio);
  json_builder_set_member_name (b, "scores");
  json_builder_begin_array (b);
  for (guint i = 0; i < pca->n; i++)
    {
      json_builder_begin_object (b);
      rl_json_member_string (b, "region", frame->names[i]);
      json_builder_set_member_name (b, "scores");
      json_builder_begin_array (b);
      for (guint c = 0; c < pca->m; c++)
        rl_json_add_double (b, gsl_matrix_get (pca->scores, i, c));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  rl_json_print (b);
}

static void
print_pca_table (const RlFrame *frame,
                 const RlPca   *pca)
{
  double cumulative = 0.0;

  printf ("%u regions × %u indicators\n\n%-4s %12s %8s %8s\n", pca->n, pca->d, "PC", "variance",
          "share", "cumul.");
  for (guint c = 0; c < pca->m; c++)
    {
      cumulative += gsl_vector_get (pca->explained_variance_ratio, c);
      printf ("%-4u %12.6g %8.4f %8.4f\n", c + 1, gsl_vector_get (pca->explained_variance, c),
              gsl_vector_get (pca->explained_variance_ratio, c), cumulative);
    }
  printf ("\nloadings:\n%-32s", "");
  for (guint c = 0; c < MIN (pca->m, 5u); c++)
    printf (" %8s%u", "PC", c + 1);
  printf ("\n");
  for (guint j = 0; j < pca->d; j++)
    {
      printf ("%-32s", frame->features[j]);
      for (guint c = 0; c < MIN (pca->m, 5u); c++)
        printf (" %9.4f", gsl_matrix_get (pca->components, j, c));
      printf ("\n");
    }
}

int
rl_cli_pca (int    argc,
            char **argv)
{
  RlCliCommon common;
  int components = 0;
  const GOptionEntry entries[] = {
    { "components", 0, 0, G_OPTION_ARG_INT, &components, "Number of components (default all)", "N" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RlFrame) frame = NULL;
  RlPca *pca = NULL;
  int status = 0;

  rl_cli_common_init (&common, "z");
  if (!rl_cli_parse (&argc, &argv, "pca", "INPUT", "Principal components of the chosen indicators.",
                     &common, entries, 1))
    status = RL_CLI_EXIT_USAGE;
  else if ((frame = rl_cli_load_frame (argv[1], &common, &error)) == NULL
           || (pca = rl_pca (frame->X, (guint) components, &error)) == NULL)
    status = rl_cli_fail (g_steal_pointer (&error));
  else if (common.json)
    print_pca_json (frame, pca);
  else
    print_pca_table (frame, pca);
  g_clear_pointer (&pca, rl_pca_free);
  rl_cli_common_clear (&common);
  return status;
}

int
rl_cli_synth (int    argc,
              char **argv)
{
  gboolean paper = FALSE;
  gint64 seed = 1;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "paper-auxiliary", 0, 0, G_OPTION_ARG_NONE, &paper,
      "The paper's set: 7 centres uniform in [-30, 30]², σ = 4.5, 50 points each", NULL },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Random seed (default 1)", "S" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { NULL }
  };
  const char *names[] = { "x", "y" };
  g_autoptr(gsl_matrix) X = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;

  if (!rl_cli_parse (&argc, &argv, "synth", "", "Synthetic test data as a wide CSV.", NULL, entries, 0))
    return RL_CLI_EXIT_USAGE;
  if (!paper)
    return rl_cli_failf ("synth: say which data set: --paper-auxiliary");
  X = rl_synth_paper_auxiliary ((guint64) seed, NULL);
  if (output != NULL)
    return rl_synth_write_csv (X, names, output, &error) ? 0 : rl_cli_fail (g_steal_pointer (&error));
  csv = rl_synth_to_csv (X, names);
  fputs (csv, stdout);
  return 0;
}
