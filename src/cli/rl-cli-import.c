/* rl-cli-import.c — regionlab-cli import: raw statistics files to a panel
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "rl-cli.h"
#include "rl-data.h"
#include "rl-error.h"
#include "rl-import.h"

typedef struct
{
  char    **recipes;
  char     *recipes_dir;
  char     *derived;
  gboolean  no_derived;
  char     *gazetteer;
  char     *output;
  gboolean  json;
} ImportOptions;

static void
import_options_clear (ImportOptions *o)
{
  g_strfreev (o->recipes);
  g_free (o->recipes_dir);
  g_free (o->derived);
  g_free (o->gazetteer);
  g_free (o->output);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportOptions, import_options_clear)

/* --recipe files, else the JSON files of --recipes-dir, else the shipped
 * recipes; derived.json of that folder unless --derived names another. */
static GPtrArray *
load_recipes (const ImportOptions *o,
              char               **derived_path,
              GError             **error)
{
  g_autoptr(GPtrArray) recipes = NULL;
  g_autofree char *dir = NULL;

  if (o->recipes != NULL)
    {
      recipes = g_ptr_array_new_with_free_func ((GDestroyNotify) rl_recipe_free);
      for (char **p = o->recipes; *p != NULL; p++)
        {
          RlRecipe *recipe = rl_recipe_load (*p, error);
          if (recipe == NULL)
            return NULL;
          g_ptr_array_add (recipes, recipe);
        }
    }
  else
    {
      dir = o->recipes_dir != NULL ? g_strdup (o->recipes_dir) : rl_data_find ("recipes");
      if (dir == NULL)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_IO, "the shipped recipes are missing");
          return NULL;
        }
      recipes = rl_import_load_recipes_dir (dir, error);
      if (recipes != NULL && o->derived == NULL)
        *derived_path = g_build_filename (dir, "derived.json", NULL);
    }
  if (o->derived != NULL)
    *derived_path = g_strdup (o->derived);
  return g_steal_pointer (&recipes);
}

static RlDeriveList *
load_derived (const ImportOptions *o,
              const char          *path,
              GError             **error)
{
  if (o->no_derived || path == NULL
      || (o->derived == NULL && !g_file_test (path, G_FILE_TEST_EXISTS)))
    return rl_derive_list_new ();
  return rl_derive_list_load (path, error);
}

static void
add_strings (JsonBuilder     *b,
             const char      *name,
             const GPtrArray *strings)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (b, strings->pdata[i]);
  json_builder_end_array (b);
}

static void
print_report (const RlImportReport *report,
              const RlPanel        *panel,
              const char           *output)
{
  for (guint i = 0; i < report->lines->len; i++)
    fprintf (stderr, "%s\n", (const char *) report->lines->pdata[i]);
  for (guint i = 0; i < report->notes->len; i++)
    fprintf (stderr, "note: %s\n", (const char *) report->notes->pdata[i]);
  fprintf (stderr, "%s: %u regions, %u indicators, %u values from %u files "
           "(%u aggregate rows and %u listed non-region rows skipped)\n", output,
           rl_panel_n_regions (panel), rl_panel_n_indicators (panel), rl_panel_count_values (panel),
           report->n_files, report->n_aggregate_rows, report->n_ignored_rows);
}

static void
print_json (const RlImportReport *report,
            const RlPanel        *panel,
            const char           *output)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  rl_json_member_string (b, "output", output);
  rl_json_member_int (b, "files", report->n_files);
  rl_json_member_int (b, "regions", rl_panel_n_regions (panel));
  rl_json_member_int (b, "indicators", rl_panel_n_indicators (panel));
  rl_json_member_int (b, "values", rl_panel_count_values (panel));
  rl_json_member_int (b, "aggregate_rows", report->n_aggregate_rows);
  rl_json_member_int (b, "ignored_rows", report->n_ignored_rows);
  add_strings (b, "read", report->lines);
  add_strings (b, "notes", report->notes);
  json_builder_end_object (b);
  rl_json_print (b);
}

/* A failed import: every conflict on stderr, and with --json a document
 * with the error, the conflicts and the notes. */
static int
print_failure (const ImportOptions  *o,
               const RlImportReport *report,
               GError               *error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  for (guint i = 0; i < report->conflicts->len; i++)
    fprintf (stderr, "conflict: %s\n", (const char *) report->conflicts->pdata[i]);
  if (o->json)
    {
      json_builder_begin_object (b);
      rl_json_member_string (b, "output", o->output);
      rl_json_member_string (b, "error", error->message);
      add_strings (b, "conflicts", report->conflicts);
      add_strings (b, "notes", report->notes);
      json_builder_end_object (b);
      rl_json_print (b);
    }
  return rl_cli_fail (error);
}

static int
run_import (const ImportOptions *o,
            const char *const   *files)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *derived_path = NULL;
  g_autoptr(GPtrArray) recipes = load_recipes (o, &derived_path, &error);
  g_autoptr(RlDeriveList) derived = NULL;
  g_autoptr(RlGazetteer) gazetteer = NULL;
  g_autoptr(RlImportReport) report = rl_import_report_new ();
  g_autoptr(RlPanel) panel = NULL;

  if (recipes == NULL || (derived = load_derived (o, derived_path, &error)) == NULL)
    return rl_cli_fail (g_steal_pointer (&error));
  gazetteer = g_str_has_suffix (o->gazetteer, ".tsv")
                ? rl_gazetteer_load (o->gazetteer, &error)
                : rl_gazetteer_load_builtin (o->gazetteer, &error);
  if (gazetteer == NULL)
    return rl_cli_fail (g_steal_pointer (&error));
  panel = rl_import_files (recipes, derived, gazetteer, files, report, NULL, NULL, NULL, &error);
  /* Nothing is written unless the whole import succeeded. */
  if (panel == NULL)
    return print_failure (o, report, g_steal_pointer (&error));
  if (!rl_panel_save (panel, o->output, &error))
    return rl_cli_fail (g_steal_pointer (&error));
  if (o->json)
    print_json (report, panel, o->output);
  else
    print_report (report, panel, o->output);
  return 0;
}

int
rl_cli_import (int    argc,
               char **argv)
{
  g_auto(ImportOptions) o = { 0 };
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "recipe", 'r', 0, G_OPTION_ARG_FILENAME_ARRAY, &o.recipes, "A recipe (repeatable)", "R.json" },
    { "recipes-dir", 0, 0, G_OPTION_ARG_FILENAME, &o.recipes_dir,
      "Every recipe of a folder, chosen by file name (default: the shipped recipes)", "DIR" },
    { "derived", 0, 0, G_OPTION_ARG_FILENAME, &o.derived,
      "Derived indicators (default: derived.json of the recipes folder)", "FILE" },
    { "no-derived", 0, 0, G_OPTION_ARG_NONE, &o.no_derived, "Add no derived indicators", NULL },
    { "gazetteer", 0, 0, G_OPTION_ARG_STRING, &o.gazetteer, "ru (default), ua, or a TSV file", "G" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, "The panel CSV to write", "PANEL.csv" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o.json, "Print the import report as JSON", NULL },
    { NULL }
  };

  if (!rl_cli_parse (&argc, &argv, "import", "FILE…",
                     "Reads raw statistics files as recipes describe them and writes a panel "
                     "(region_code,region,indicator,year,value) with its indicator sidecar.",
                     NULL, entries, -1))
    return RL_CLI_EXIT_USAGE;
  if (o.output == NULL)
    return rl_cli_failf ("import: say where to write the panel with -o PANEL.csv");
  if (o.recipes != NULL && o.recipes_dir != NULL)
    return rl_cli_failf ("import: give either --recipe or --recipes-dir, not both");
  if (o.gazetteer == NULL)
    o.gazetteer = g_strdup ("ru");
  files = g_new0 (char *, argc);
  for (int i = 1; i < argc; i++)
    files[i - 1] = g_strdup (argv[i]);
  return run_import (&o, (const char *const *) files);
}
