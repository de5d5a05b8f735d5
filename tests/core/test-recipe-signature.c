/* test-recipe-signature.c — recipes chosen by the content of a file: signatures
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rl-error.h"
#include "rl-import.h"
#include "rl-reader.h"
#include "rl-recipe-private.h"
#include "rl-test.h"

static RlWorkbook *
titled_workbook (void)
{
  g_autoptr(GError) error = NULL;
  RlWorkbook *wb = rl_workbook_new ("t.xls");
  RlSheet *sheet = rl_workbook_add_sheet_checked (wb, "Паспорт", &error);

  g_assert_no_error (error);
  sheet = rl_workbook_add_sheet_checked (wb, "Данные", &error);
  g_assert_no_error (error);
  rl_sheet_put_text (sheet, 1, 1, "  Валовой  региональный\nпродукт на душу населения (рубль)",
                     &error);
  g_assert_no_error (error);
  rl_sheet_put_number (sheet, 3, 2, 1996, "1996", &error);
  g_assert_no_error (error);
  return wb;
}

static RlRecipe *
recipe_with (const char *signature,
             GError    **error)
{
  g_autofree char *json = g_strdup_printf (
    "{\"id\": \"s\", \"files\": [\"s.csv\"], \"signature\": %s, \"layout\": \"wide\","
    " \"indicators\": [{\"id\": \"x\", \"name\": {\"en\": \"X\"}, \"unit\": \"u\","
    " \"polarity\": \"+\", \"source\": \"test\"}]}", signature);

  return rl_recipe_load_from_data (json, -1, "s.json", error);
}

static gboolean
fits (const char *signature,
      RlWorkbook *wb,
      char      **why)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlRecipe) recipe = recipe_with (signature, &error);

  g_assert_no_error (error);
  return rl_recipe_fits_content (recipe, wb, why);
}

static void
test_fits (void)
{
  g_autoptr(RlWorkbook) wb = titled_workbook ();
  g_autofree char *why = NULL;

  g_assert_true (fits ("{\"sheet\": \"дан*\", \"cells\": [{\"cell\": \"A1\", \"text\":"
                       " \"ВАЛОВОЙ региональный продукт*\"}, {\"cell\": \"B3\", \"text\":"
                       " \"1996\"}]}", wb, &why));
  g_assert_cmpstr (why, ==, "sheet “Данные”, A1 “Валовой региональный продукт на душу нас…”");
  g_assert_true (fits ("{\"cells\": [{\"cell\": \"a1\", \"text\": \"*на душу населения (?*)\"}]}",
                       wb, NULL));
  g_assert_false (fits ("{\"sheet\": \"Паспорт\", \"cells\": [{\"cell\": \"A1\", \"text\":"
                        " \"Валовой*\"}]}", wb, NULL));
  g_assert_false (fits ("{\"cells\": [{\"cell\": \"A1\", \"text\": \"Валовой*\"},"
                        " {\"cell\": \"B3\", \"text\": \"1997\"}]}", wb, NULL));
  g_assert_false (fits ("{\"cells\": [{\"cell\": \"A2\", \"text\": \"Валовой*\"}]}", wb, NULL));
  /* an empty cell fits only an empty text or "*" */
  g_assert_true (fits ("{\"cells\": [{\"cell\": \"Z9\", \"text\": \"\"}]}", wb, NULL));
}

static void
test_signature_errors (void)
{
  const char *bad[][2] = {
    { "[]", "$.signature" },
    { "{\"cells\": []}", "$.signature.cells" },
    { "{\"cells\": [{\"cell\": \"3A\", \"text\": \"x\"}]}", "$.signature.cells[0].cell" },
    { "{\"cells\": [{\"cell\": \"A0\", \"text\": \"x\"}]}", "$.signature.cells[0].cell" },
    { "{\"cells\": [{\"cell\": \"A1 \", \"text\": \"x\"}]}", "$.signature.cells[0].cell" },
    { "{\"cells\": [{\"cell\": \"A1\"}]}", "text" },
    { "{\"sheet\": 3, \"cells\": [{\"cell\": \"A1\", \"text\": \"x\"}]}", "sheet" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RlRecipe) recipe = recipe_with (bad[i][0], &error);
      g_assert_null (recipe);
      g_assert_nonnull (error);
      if (strstr (error->message, bad[i][1]) == NULL)
        g_error ("“%s” lacks “%s”", error->message, bad[i][1]);
    }
}

/* The ids of the recipes of @recipes fitting @path by name or, with
 * @by_content, by @wb's content; "" for none. */
static char *
fitting (GPtrArray  *recipes,
         const char *path,
         RlWorkbook *wb,
         gboolean    by_content)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < recipes->len; i++)
    if (by_content ? rl_recipe_fits_content (recipes->pdata[i], wb, NULL)
                   : rl_recipe_fits_file (recipes->pdata[i], path))
      g_string_append_printf (ids, "%s ", rl_recipe_get_id (recipes->pdata[i]));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* Each shipped Rosstat file fits by content exactly the recipes it is named
 * by: no signature lets a recipe read another recipe's file. */
static void
test_shipped_files (void)
{
  const char *shared = g_getenv ("RL_SHARED_DATA");
  g_autofree char *dir = g_build_filename (shared != NULL ? shared : "", "rosstat", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) recipes = rl_import_load_builtin_recipes (&error);
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < recipes->len; i++)
    g_assert_nonnull (((RlRecipe *) recipes->pdata[i])->signature_cells);
  d = shared != NULL ? g_dir_open (dir, 0, NULL) : NULL;
  if (d == NULL)
    {
      g_test_skip ("the raw Rosstat files are absent");
      return;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(RlWorkbook) wb = NULL;
      g_autofree char *by_name = NULL;
      g_autofree char *by_content = NULL;

      if (g_str_has_suffix (name, ".md"))
        continue;
      wb = rl_workbook_open (path, &error);
      g_assert_no_error (error);
      by_name = fitting (recipes, path, wb, FALSE);
      by_content = fitting (recipes, path, wb, TRUE);
      if (*by_name == '\0' || g_strcmp0 (by_name, by_content) != 0)
        g_error ("%s: by name “%s”, by content “%s”", name, by_name, by_content);
      n++;
    }
  g_assert_cmpuint (n, ==, 22);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/recipe-signature/fits", test_fits);
  g_test_add_func ("/recipe-signature/errors", test_signature_errors);
  g_test_add_func ("/recipe-signature/shipped-files", test_shipped_files);
  return g_test_run ();
}
