/* test-recipe.c — import recipes: each layout on small hand-made files, errors, derived indicators
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "rl-error.h"
#include "rl-import.h"
#include "rl-recipe-private.h"
#include "rl-reader.h"
#include "rl-test.h"
#include "rl-test-recipe.h"

/* A fresh folder per test for the files it writes. */
typedef struct
{
  char        *dir;
  RlGazetteer *gaz;
} Fixture;

#define INDICATOR(extra) \
  "{\"id\": \"x\", \"name\": {\"en\": \"X\"}, \"unit\": \"u\", \"polarity\": \"+\", " \
  "\"source\": \"test\"" extra "}"

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rl-recipe-XXXXXX", &error);
  g_assert_no_error (error);
  f->gaz = rl_gazetteer_load_builtin ("ru", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  rl_gazetteer_free (f->gaz);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static RlRecipe *
recipe_from (const char *json)
{
  g_autoptr(GError) error = NULL;
  RlRecipe *recipe = rl_recipe_load_from_data (json, -1, "test.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (recipe);
  return recipe;
}

/* Imports @csv (written as @name) with @json; NULL and @error on failure. */
static RlPanel *
import_csv (Fixture         *f,
            const char      *name,
            const char      *csv,
            const char      *json,
            RlImportReport  *report,
            GError         **error)
{
  g_autofree char *path = write_file (f, name, csv);
  g_autoptr(GPtrArray) recipes = g_ptr_array_new_with_free_func ((GDestroyNotify) rl_recipe_free);
  const char *files[] = { path, NULL };

  g_ptr_array_add (recipes, recipe_from (json));
  return rl_import_files (recipes, NULL, f->gaz, files, report, NULL, NULL, NULL, error);
}

static gboolean
notes_contain (const RlImportReport *report,
               const char           *text)
{
  for (guint i = 0; i < report->notes->len; i++)
    if (strstr (report->notes->pdata[i], text) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_wide (Fixture      *f,
           gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlImportReport) report = rl_import_report_new ();
  g_autoptr(RlPanel) panel = import_csv (f, "wide.csv",
    "region;2019;2020 г.;note\n"
    "Российская Федерация;10;11;\n"
    "    Центральный федеральный округ;9;9;\n"
    "        Белгородская область;\"1 234,5\";…;a\n"
    "        Город Москва столица Российской Федерации город федерального значения;7;8 1);\n"
    "        Архангельская область;1;2;\n",
    "{\"id\": \"w\", \"files\": [\"wide*.csv\"], \"layout\": \"wide\", \"indicators\": ["
    INDICATOR ("") "]}", report, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rl_panel_n_regions (panel), ==, 2);
  g_assert_cmpfloat (value_of (panel, "RU-BEL", "x", 2019), ==, 1234.5);
  g_assert_true (isnan (value_of (panel, "RU-BEL", "x", 2020)));
  g_assert_cmpfloat (value_of (panel, "RU-MOW", "x", 2020), ==, 8);
  g_assert_cmpstr (rl_panel_region_name (panel, rl_panel_find_region (panel, "RU-MOW")), ==,
                   "г. Москва");
  g_assert_cmpuint (report->n_aggregate_rows, ==, 3);
  g_assert_true (notes_contain (report, "RU-ARK+NEN"));
  g_assert_cmpint (rl_panel_find_region (panel, "RU-ARK"), <, 0);
}

static void
test_long_dates_first_month (Fixture      *f,
                             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) panel = import_csv (f, "long.csv",
    "region,total,young,date\n"
    "Брянская область,100,10,2017-01-01\n"
    "Брянская область,101,11,2017-02-01\n"
    "Брянская область,90,9,2018-01-01\n"
    "Республика Тыва,50,5,01.01.2018\n",
    "{\"id\": \"l\", \"files\": [\"long.csv\"], \"layout\": \"long\", \"year_column\": \"D\","
    " \"period\": {\"months\": \"month\", \"month\": 1}, \"indicators\": ["
    INDICATOR (", \"value_column\": \"B\"") ", "
    "{\"id\": \"y\", \"name\": {\"en\": \"Y\"}, \"unit\": \"u\", \"polarity\": \"none\","
    " \"source\": \"t\", \"value_column\": \"C\", \"scale\": 2}]}", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (value_of (panel, "RU-BRY", "x", 2017), ==, 100);
  g_assert_cmpfloat (value_of (panel, "RU-BRY", "x", 2018), ==, 90);
  g_assert_cmpfloat (value_of (panel, "RU-TY", "x", 2018), ==, 50);
  g_assert_cmpfloat (value_of (panel, "RU-BRY", "y", 2017), ==, 20);
}

static void
test_monthly_sum (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlImportReport) report = rl_import_report_new ();
  GString *csv = g_string_new ("Region");
  g_autofree char *text = NULL;
  g_autoptr(RlPanel) panel = NULL;
  const char *months[] = { "январь", "февраль", "март", "апрель", "май", "июнь", "июль",
                           "август", "сентябрь", "октябрь", "ноябрь", "декабрь" };

  for (int y = 2020; y <= 2021; y++)
    for (int m = 0; m < (y == 2020 ? 12 : 3); m++)
      g_string_append_printf (csv, ";%s %d г.", months[m], y);
  g_string_append (csv, "\nКурская область");
  for (int i = 1; i <= 15; i++)
    g_string_append_printf (csv, ";%d", i);
  g_string_append_c (csv, '\n');
  text = g_string_free (csv, FALSE);
  panel = import_csv (f, "births.csv", text,
                      "{\"id\": \"m\", \"files\": [\"births.csv\"], \"layout\": \"wide\","
                      " \"period\": {\"months\": \"sum\"}, \"indicators\": [" INDICATOR ("") "]}",
                      report, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (value_of (panel, "RU-KRS", "x", 2020), ==, 78); /* 1 + … + 12 */
  g_assert_true (isnan (value_of (panel, "RU-KRS", "x", 2021)));
  g_assert_true (notes_contain (report, "months missing"));
}

static void
test_value_below (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) panel = import_csv (f, "pop.csv",
    ",январь 2020 г.,январь 2021 г.\n"
    "Липецкая область,,\n"
    "Раздел 1. Муниципальные образования,1000,990\n"
    "Муниципальные образования Липецкой области,,\n"
    "Елецкий район,5,5\n"
    "Орловская область,,\n"
    "Раздел 1. Муниципальные образования,700,690\n",
    "{\"id\": \"p\", \"files\": [\"pop.csv\"], \"layout\": \"wide\", \"value_row_offset\": 1,"
    " \"value_row_prefix\": \"Раздел 1.\", \"period\": {\"months\": \"month\", \"month\": 1},"
    " \"indicators\": [" INDICATOR ("") "]}", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rl_panel_n_regions (panel), ==, 2);
  g_assert_cmpfloat (value_of (panel, "RU-LIP", "x", 2021), ==, 990);
  g_assert_cmpfloat (value_of (panel, "RU-ORL", "x", 2020), ==, 700);
}

static void
test_top_level_sum (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) panel = import_csv (f, "prod.csv",
    "region,activity,2017\n"
    "Тверская область,Промышленное производство (промышленность),60\n"
    "Тверская область,ДОБЫЧА,10\n"
    "Тверская область,    Добыча угля,4\n"
    "Тверская область,ОБРАБОТКА,50\n"
    "Тверская область,        Производство напитков,7\n",
    "{\"id\": \"s\", \"files\": [\"prod.csv\"], \"layout\": \"wide\", \"combine\": \"sum\","
    " \"top_level\": {\"column\": \"B\", \"exclude\": "
    "[\"Промышленное производство (промышленность)\"]}, \"indicators\": [" INDICATOR ("") "]}",
    NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (value_of (panel, "RU-TVE", "x", 2017), ==, 60);
}

static void
test_columns_year_from_file (Fixture      *f,
                             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) panel = import_csv (f, "socdem_2019.csv",
    "Title\n\nregion,all,children\n"
    "Российская Федерация,100,39.3\n"
    "Смоленская область,100,41.5\n"
    "Примечание: данные предварительные,,\n",
    "{\"id\": \"c\", \"files\": [\"socdem_*.csv\"], \"layout\": \"columns\", \"year\": \"file\","
    " \"header_row\": 3, \"regions\": {\"ignore_prefix\": [\"Примечание\"]},"
    " \"indicators\": [" INDICATOR (", \"value_column\": 3") "]}", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (value_of (panel, "RU-SMO", "x", 2019), ==, 41.5);
}

/* Asserts that importing fails with a message holding every one of @parts. */
static void
assert_import_error (Fixture    *f,
                     const char *name,
                     const char *csv,
                     const char *json,
                     const char *const *parts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) panel = import_csv (f, name, csv, json, NULL, &error);

  g_assert_null (panel);
  g_assert_nonnull (error);
  g_assert_true (error->domain == RL_ERROR);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strstr (error->message, parts[i]) == NULL)
      g_error ("“%s” lacks “%s”", error->message, parts[i]);
}

#define WIDE_RECIPE(files) \
  "{\"id\": \"w\", \"files\": [\"" files "\"], \"layout\": \"wide\", \"indicators\": [" \
  INDICATOR ("") "]}"

static void
test_errors (Fixture      *f,
             gconstpointer data)
{
  const char *text_parts[] = { "bad.csv", "sheet “bad”", "row 3", "column C", "number",
                               "“н.д.”", NULL };
  const char *region_parts[] = { "row 2", "column A", "Белгородскя облость", "RU-BEL", NULL };
  const char *header_parts[] = { "row 1", "expected years", NULL };
  const char *dup_parts[] = { "row 3", "second value", "RU-BEL", NULL };

  assert_import_error (f, "bad.csv", "region,2019,2020\nБелгородская область,1,2\n"
                       "Брянская область,1,н.д.\n", WIDE_RECIPE ("bad.csv"), text_parts);
  assert_import_error (f, "unknown.csv", "region,2019\nБелгородскя облость,1\n",
                       WIDE_RECIPE ("unknown.csv"), region_parts);
  assert_import_error (f, "nohead.csv", "region,value\nБелгородская область,1\n",
                       WIDE_RECIPE ("nohead.csv"), header_parts);
  assert_import_error (f, "dup.csv", "region,2019\nБелгородская область,1\n"
                       "Белгородская область,2\n", WIDE_RECIPE ("dup.csv"), dup_parts);
}

#define LONG_RECIPE \
  "{\"id\": \"l\", \"files\": [\"long*.csv\"], \"layout\": \"long\", \"year_column\": \"B\"," \
  " \"indicators\": [" INDICATOR (", \"value_column\": \"C\"") "]}"

/* Rows that repeat a region and year: the same value again is harmless and
 * silent; a different one is never chosen in silence: the import fails and
 * names both values and both rows, for every conflict. */
static void
test_conflicts (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlImportReport) report = rl_import_report_new ();
  g_autoptr(RlPanel) same = import_csv (f, "long-same.csv",
    "region,year,x\nБелгородская область,2019,1\nБелгородская область,2019,1\n"
    "Брянская область,2019,2\n", LONG_RECIPE, report, &error);
  g_autoptr(RlPanel) panel = NULL;
  const char *parts[] = { "2 conflicting values", "a second value 5 at", "row 3, column C",
                          "after 1 at", "row 2, column C", "RU-BRY", "2020", "row 6", "row 5",
                          NULL };

  g_assert_no_error (error);
  g_assert_cmpfloat (value_of (same, "RU-BEL", "x", 2019), ==, 1);
  g_assert_cmpuint (report->conflicts->len, ==, 0);
  panel = import_csv (f, "long-conflict.csv",
                      "region,year,x\nБелгородская область,2019,1\nБелгородская область,2019,5\n"
                      "Белгородская область,2019,1\nБрянская область,2020,7\n"
                      "Брянская область,2020,8\n", LONG_RECIPE, report, &error);
  g_assert_null (panel);
  g_assert_error (error, RL_ERROR, RL_ERROR_PARSE);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strstr (error->message, parts[i]) == NULL)
      g_error ("“%s” lacks “%s”", error->message, parts[i]);
  g_assert_cmpuint (report->conflicts->len, ==, 2);
  g_assert_nonnull (strstr (report->conflicts->pdata[0], "Белгородская область (RU-BEL), x, 2019"));
  g_assert_nonnull (strstr (report->conflicts->pdata[1], "a second value 8"));
}

/* A file that gives no value fails the import and says why, whatever else
 * was read; files that are not tables and that no recipe names are noted
 * and skipped. */
static void
test_no_values (Fixture      *f,
                gconstpointer data)
{
  const char *empty_parts[] = { "long-empty.csv: the file is empty", NULL };
  const char *header_parts[] = { "long-head.csv: no row names a region", NULL };
  const char *marks_parts[] = { "long-marks.csv: no cell", "marked missing", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(RlImportReport) report = rl_import_report_new ();
  g_autoptr(GPtrArray) recipes = g_ptr_array_new_with_free_func ((GDestroyNotify) rl_recipe_free);
  g_autofree char *good = write_file (f, "long-good.csv",
                                      "region,year,x\nРеспублика Тыва,2019,3\n");
  g_autofree char *empty = write_file (f, "long-nothing.csv", "");
  g_autofree char *readme = write_file (f, "README.md", "# what these files are\n");
  const char *both[] = { good, empty, NULL };
  const char *with_readme[] = { readme, good, NULL };
  g_autoptr(RlPanel) panel = NULL;

  assert_import_error (f, "long-empty.csv", "", LONG_RECIPE, empty_parts);
  assert_import_error (f, "long-head.csv", "region,year,x\n", LONG_RECIPE, header_parts);
  assert_import_error (f, "long-marks.csv", "region,year,x\nРеспублика Тыва,2019,-\n",
                       LONG_RECIPE, marks_parts);
  g_ptr_array_add (recipes, recipe_from (LONG_RECIPE));
  panel = rl_import_files (recipes, NULL, f->gaz, both, report, NULL, NULL, NULL, &error);
  g_assert_null (panel);
  g_assert_error (error, RL_ERROR, RL_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "long-nothing.csv: the file is empty"));
  g_clear_error (&error);
  panel = rl_import_files (recipes, NULL, f->gaz, with_readme, report, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (value_of (panel, "RU-TY", "x", 2019), ==, 3);
  g_assert_true (notes_contain (report, "README.md: skipped: not a table, and no recipe names it"));
}

static void
test_file_errors (Fixture      *f,
                  gconstpointer data)
{
  const char *fit_parts[] = { "other.csv", "no recipe fits", NULL };
  const char *sheet_parts[] = { "sheet.csv", "expects a sheet “data”", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RlWorkbook) wb = NULL;
  /* The start of a ZIP package (an XLSX file), cut off. */
  static const char truncated[] = "PK\003\004\024\000\006\000\010\000\000\000!\000";

  assert_import_error (f, "other.csv", "a,b\n", WIDE_RECIPE ("wide.csv"), fit_parts);
  assert_import_error (f, "sheet.csv", "region,2019\n",
                       "{\"id\": \"s\", \"files\": [\"sheet.csv\"], \"sheet\": \"data\","
                       " \"layout\": \"wide\", \"indicators\": [" INDICATOR ("") "]}", sheet_parts);
  path = g_build_filename (f->dir, "cut.xlsx", NULL);
  g_file_set_contents (path, truncated, sizeof truncated - 1, &error);
  g_assert_no_error (error);
  wb = rl_workbook_open (path, &error);
  g_assert_null (wb);
  g_assert_error (error, RL_ERROR, RL_ERROR_PARSE);
}

static void
test_recipe_validation (void)
{
  struct { const char *json; const char *where; } cases[] = {
    { "[]", "test.json: $" },
    { "{\"id\": \"a\", \"layout\": \"wide\", \"indicators\": []}", "$.files" },
    { "{\"id\": \"a\", \"files\": \"*\", \"layout\": \"diagonal\"}", "$.layout" },
    { "{\"id\": \"a\", \"files\": \"*\", \"layout\": \"wide\", \"indicators\": []}",
      "$.indicators" },
    { "{\"id\": \"a\", \"files\": \"*\", \"layout\": \"long\", \"indicators\": ["
      INDICATOR ("") "]}", "$.year_column" },
    { "{\"id\": \"a\", \"files\": \"*\", \"layout\": \"wide\", \"indicators\": ["
      "{\"id\": \"x\", \"name\": {\"en\": \"X\"}, \"unit\": \"u\", \"polarity\": \"up\","
      " \"source\": \"s\"}]}", "$.indicators[0].polarity" },
    { "{\"id\": \"a\", \"files\": \"*\", \"layout\": \"wide\", \"period\": {\"months\": \"month\"},"
      " \"indicators\": [" INDICATOR ("") "]}", "$.period.months" },
    { "{\"id\": \"a\", \"files\": \"*\", \"layout\": \"columns\", \"indicators\": ["
      INDICATOR (", \"value_column\": \"B\"") "]}", "$.year" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RlRecipe) recipe = rl_recipe_load_from_data (cases[i].json, -1, "test.json",
                                                             &error);
      g_assert_null (recipe);
      g_assert_error (error, RL_ERROR, RL_ERROR_PARSE);
      if (strstr (error->message, cases[i].where) == NULL)
        g_error ("case %" G_GSIZE_FORMAT ": “%s” lacks “%s”", i, error->message, cases[i].where);
    }
}

/* A recipe with every member a recipe reads. */
static const char full_recipe[] =
  "{\"id\": \"f\", \"files\": [\"f_*.csv\"], \"sheet\": \"data\", \"layout\": \"long\","
  " \"region_column\": \"A\", \"header_row\": 1, \"first_row\": 2, \"last_row\": 90,"
  " \"value_row_offset\": 0, \"value_row_prefix\": \"x\", \"year_column\": 2, \"year\": 2020,"
  " \"period\": {\"months\": \"sum\", \"month\": 1, \"complete\": false},"
  " \"filter\": [{\"column\": \"C\", \"equals\": \"all\"}],"
  " \"top_level\": {\"column\": \"D\", \"exclude\": [\"a\"]}, \"combine\": \"sum\","
  " \"regions\": {\"codes\": {\"Label\": \"RU-BEL\"}, \"ignore\": [\"b\"],"
  " \"ignore_prefix\": \"c\"},"
  " \"missing\": [\"-\"], \"indicators\": [{\"id\": \"x\", \"name\": {\"en\": \"X\", \"ru\": \"Х\","
  " \"uk\": \"Х\"}, \"unit\": \"u\", \"polarity\": \"+\", \"source\": \"s\", \"sheet\": [\"data\"],"
  " \"value_column\": \"E\", \"scale\": 2}]}";

static const char full_derived[] =
  "{\"derived\": [{\"id\": \"r\", \"name\": {\"en\": \"R\", \"ru\": \"Р\", \"uk\": \"Р\"},"
  " \"unit\": \"u\", \"source\": \"s\", \"polarity\": \"-\", \"numerator\": [\"a\", \"b\"],"
  " \"denominator\": \"c\", \"factor\": 1000, \"digits\": 3}]}";

typedef gboolean (*LoadFunc) (const char *json, GError **error);

static gboolean
load_recipe (const char *json,
             GError    **error)
{
  g_autoptr(RlRecipe) recipe = rl_recipe_load_from_data (json, -1, "test.json", error);

  return recipe != NULL;
}

static gboolean
load_derived (const char *json,
              GError    **error)
{
  g_autoptr(RlDeriveList) list = rl_derive_list_load_from_data (json, -1, "test.json", error);

  return list != NULL;
}

/* Loads @root with @load: it loads, or the error names the file and a member
 * on the way to @path ("$.period.complete" or one of its parents). */
static void
check_mutant (JsonNode   *root,
              LoadFunc    load,
              const char *path,
              const char *value)
{
  g_autofree char *json = json_to_string (root, FALSE);
  g_autoptr(GError) error = NULL;
  const char *at, *end;
  g_autofree char *named = NULL;

  if (load (json, &error))
    return;
  g_assert_error (error, RL_ERROR, RL_ERROR_PARSE);
  at = strstr (error->message, "test.json: $");
  if (at == NULL)
    g_error ("%s = %s: “%s” names no place in test.json", path, value, error->message);
  at += strlen ("test.json: ");
  end = strstr (at, ": ");
  named = end ? g_strndup (at, end - at) : g_strdup (at);
  if (!(g_str_has_prefix (path, named) || g_str_has_prefix (named, path))
      || !(strstr (error->message, "expected") != NULL
                                           || strstr (error->message, "required") != NULL))
    g_error ("%s = %s: “%s” does not say what %s should be", path, value, error->message,
             path);
}

/* Replaces every member and element below @node in turn by a value of every
 * JSON type, and checks each such document. */
static void
mutate_all (JsonNode   *root,
            JsonNode   *node,
            const char *path,
            LoadFunc    load)
{
  static const char *const values[] = { "null", "true", "1.5", "-7", "\"text\"", "[]", "{}",
                                        "[1]", "{\"a\": 1}" };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  /* the names are copied: replacing a member frees its old name */
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));
      for (GList *m = members; m != NULL; m = m->next)
        g_strv_builder_add (builder, m->data);
    }
  names = g_strv_builder_end (builder);
  for (guint n = 0; names[n] != NULL; n++)
    {
      JsonObject *o = json_node_get_object (node);
      g_autoptr(JsonNode) original = json_node_ref (json_object_get_member (o, names[n]));
      g_autofree char *inner = g_strdup_printf ("%s.%s", path, names[n]);

      for (gsize v = 0; v < G_N_ELEMENTS (values); v++)
        {
          json_object_set_member (o, names[n], json_from_string (values[v], NULL));
          check_mutant (root, load, inner, values[v]);
        }
      json_object_set_member (o, names[n], json_node_ref (original));
      mutate_all (root, original, inner, load);
    }
  for (guint i = 0; JSON_NODE_HOLDS_ARRAY (node)
                    && i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonArray *a = json_node_get_array (node);
      g_autoptr(JsonNode) original = json_node_ref (json_array_get_element (a, i));
      g_autofree char *inner = g_strdup_printf ("%s[%u]", path, i);

      for (gsize v = 0; v < G_N_ELEMENTS (values); v++)
        {
          json_array_remove_element (a, i);
          json_array_add_element (a, json_from_string (values[v], NULL));
          /* keep the order: move the replacement back to index i */
          check_mutant (root, load, inner, values[v]);
          json_array_remove_element (a, json_array_get_length (a) - 1);
          json_array_add_element (a, json_node_ref (original));
        }
      mutate_all (root, original, inner, load);
    }
}

static void
test_recipe_types (void)
{
  struct { const char *json; LoadFunc load; } docs[] = {
    { full_recipe, load_recipe }, { full_derived, load_derived },
  };

  for (gsize d = 0; d < G_N_ELEMENTS (docs); d++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = json_from_string (docs[d].json, &error);

      g_assert_no_error (error);
      g_assert_true (docs[d].load (docs[d].json, &error));
      g_assert_no_error (error);
      mutate_all (root, root, "$", docs[d].load);
    }
}

static void
test_derived (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) panel = rl_panel_new ();
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RlDeriveList) list = rl_derive_list_load_from_data (
    "{\"derived\": ["
    "{\"id\": \"infant\", \"name\": {\"en\": \"I\"}, \"unit\": \"‰\", \"polarity\": \"+\","
    " \"numerator\": [\"rural\", \"urban\"], \"denominator\": \"births\", \"factor\": 1000},"
    "{\"id\": \"per_capita\", \"name\": {\"en\": \"P\"}, \"unit\": \"u\", \"polarity\": \"-\","
    " \"numerator\": [\"rural\"], \"denominator\": \"people\", \"digits\": 3},"
    "{\"id\": \"missing\", \"name\": {\"en\": \"M\"}, \"unit\": \"u\", \"polarity\": \"none\","
    " \"numerator\": [\"nothing\"]}]}", -1, "derived.json", &error);
  guint r, rural, urban, births, people;

  g_assert_no_error (error);
  r = rl_panel_add_region (panel, "RU-BEL", "Белгородская область");
  rl_panel_add_region (panel, "RU-BRY", "Брянская область");
  rural = rl_panel_add_indicator (panel, "rural");
  urban = rl_panel_add_indicator (panel, "urban");
  births = rl_panel_add_indicator (panel, "births");
  people = rl_panel_add_indicator (panel, "people");
  rl_panel_set (panel, r, rural, 2020, 30);
  rl_panel_set (panel, r, urban, 2020, 50);
  rl_panel_set (panel, r, births, 2020, 16000);
  rl_panel_set (panel, r, people, 2020, 3);
  rl_panel_set (panel, r + 1, rural, 2020, 5);  /* no urban, no births: no value */
  rl_panel_set (panel, r + 1, people, 2020, 0); /* a zero denominator: no value */
  g_assert_true (rl_derive_apply (list, panel, notes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rl_panel_indicator (panel, rl_panel_find_indicator (panel, "infant"))->formula,
                   ==, "(rural + urban) / births * 1000");
  rl_assert_close (value_of (panel, "RU-BEL", "infant", 2020), 5.0, 1e-15);
  rl_assert_close (value_of (panel, "RU-BEL", "per_capita", 2020), 10.0, 1e-15);
  g_assert_true (isnan (value_of (panel, "RU-BRY", "infant", 2020)));
  g_assert_true (isnan (value_of (panel, "RU-BRY", "per_capita", 2020)));
  g_assert_cmpint (rl_panel_find_indicator (panel, "missing"), <, 0);
  g_assert_cmpuint (notes->len, ==, 1);
  /* Applying again would reuse the ids: refused. */
  g_assert_false (rl_derive_apply (list, panel, NULL, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
}

static void
test_period_parsing (void)
{
  struct { const char *text; int year, month; gboolean ok; } cases[] = {
    { "2015", 2015, 0, TRUE }, { "2015.0", 2015, 0, TRUE }, { "январь 2006 г.", 2006, 1, TRUE },
    { "Декабрь 2019", 2019, 12, TRUE }, { "2017-05-01", 2017, 5, TRUE },
    { "01.03.2018", 2018, 3, TRUE }, { "region", 0, 0, FALSE }, { "12345", 0, 0, FALSE },
    { "poverty_socdem_2017.xls", 2017, 0, TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int year, month;
      gboolean ok = rl_parse_period (cases[i].text, &year, &month);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_assert_cmpint (year, ==, cases[i].year);
          g_assert_cmpint (month, ==, cases[i].month);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/recipe/wide", Fixture, NULL, fixture_setup, test_wide, fixture_teardown);
  g_test_add ("/recipe/long-dates-first-month", Fixture, NULL, fixture_setup,
              test_long_dates_first_month, fixture_teardown);
  g_test_add ("/recipe/monthly-sum", Fixture, NULL, fixture_setup, test_monthly_sum,
              fixture_teardown);
  g_test_add ("/recipe/value-below", Fixture, NULL, fixture_setup, test_value_below,
              fixture_teardown);
  g_test_add ("/recipe/top-level-sum", Fixture, NULL, fixture_setup, test_top_level_sum,
              fixture_teardown);
  g_test_add ("/recipe/columns-year-from-file", Fixture, NULL, fixture_setup,
              test_columns_year_from_file, fixture_teardown);
  g_test_add ("/recipe/errors", Fixture, NULL, fixture_setup, test_errors, fixture_teardown);
  g_test_add ("/recipe/file-errors", Fixture, NULL, fixture_setup, test_file_errors,
              fixture_teardown);
  g_test_add ("/recipe/conflicts", Fixture, NULL, fixture_setup, test_conflicts,
              fixture_teardown);
  g_test_add ("/recipe/no-values", Fixture, NULL, fixture_setup, test_no_values,
              fixture_teardown);
  g_test_add_func ("/recipe/validation", test_recipe_validation);
  g_test_add_func ("/recipe/member-types", test_recipe_types);
  g_test_add_func ("/recipe/derived", test_derived);
  g_test_add_func ("/recipe/period-parsing", test_period_parsing);
  return g_test_run ();
}
