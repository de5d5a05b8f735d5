/* test-recipe-parts.c — recipes over several tables of a sheet, column ranges, grouped headers
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "rl-error.h"
#include "rl-import.h"
#include "rl-recipe-private.h"
#include "rl-test.h"
#include "rl-test-recipe.h"

#define IND(id, extra) \
  "{\"id\": \"" id "\", \"name\": {\"en\": \"X\"}, \"unit\": \"u\", \"polarity\": \"+\", " \
  "\"source\": \"test\"" extra "}"

static RlGazetteer *gaz;

/* A one-sheet workbook from rows of tab-separated cells. */
static RlWorkbook *
workbook_of (const char *const *rows)
{
  g_autoptr(GError) error = NULL;
  RlWorkbook *wb = rl_workbook_new ("hand.xlsx");
  RlSheet *sheet = rl_workbook_add_sheet_checked (wb, "Лист1", &error);

  g_assert_no_error (error);
  for (guint r = 0; rows[r] != NULL; r++)
    {
      g_auto(GStrv) cells = g_strsplit (rows[r], "\t", -1);
      for (guint c = 0; cells[c] != NULL; c++)
        {
          rl_sheet_put_text (sheet, r + 1, c + 1, cells[c], &error);
          g_assert_no_error (error);
        }
    }
  return wb;
}

/* The panel @json makes of @wb, or NULL and @error. */
static RlPanel *
read_with (const char  *json,
           RlWorkbook  *wb,
           GError     **error)
{
  g_autoptr(RlRecipe) recipe = rl_recipe_load_from_data (json, -1, "test.json", error);
  g_autoptr(RlImport) import = NULL;

  if (recipe == NULL)
    return NULL;
  import = rl_import_new (gaz);
  if (!rl_import_add_workbook (import, recipe, wb, "hand.xlsx", NULL, error))
    return NULL;
  return rl_import_finish (import, NULL, error);
}

static void
assert_error (const char *json,
              RlWorkbook *wb,
              const char *part1,
              const char *part2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) panel = read_with (json, wb, &error);

  g_assert_null (panel);
  g_assert_nonnull (error);
  if (strstr (error->message, part1) == NULL || strstr (error->message, part2) == NULL)
    g_error ("“%s” lacks “%s” or “%s”", error->message, part1, part2);
}

/* Two tables one above the other, one per year, each a row per region and
 * a column per indicator. */
static void
test_stacked (void)
{
  const char *rows[] = {
    "2019", "region\tx\ty", "Белгородская область\t1\t2", "Тверская область\t3\t4", "",
    "2020", "region\ty\tx", "Белгородская область\t6\t5", "Тверская область\t8\t7", NULL,
  };
  g_autoptr(RlWorkbook) wb = workbook_of (rows);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) panel = read_with (
    "{\"id\": \"s\", \"files\": [\"*.xlsx\"], \"layout\": \"columns\", \"parts\": ["
    "{\"year\": 2019, \"header_row\": 2, \"last_row\": 4, \"indicators\": ["
    IND ("x", ", \"value_column\": \"B\"") ", " IND ("y", ", \"value_column\": \"C\"") "]},"
    "{\"year\": 2020, \"header_row\": 7, \"indicators\": ["
    IND ("x", ", \"value_column\": \"C\"") ", " IND ("y", ", \"value_column\": \"B\"") "]}]}",
    wb, &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (value_of (panel, "RU-BEL", "x", 2019), ==, 1);
  g_assert_cmpfloat (value_of (panel, "RU-TVE", "y", 2019), ==, 4);
  g_assert_cmpfloat (value_of (panel, "RU-BEL", "x", 2020), ==, 5);
  g_assert_cmpfloat (value_of (panel, "RU-TVE", "y", 2020), ==, 8);
  g_assert_cmpuint (rl_panel_n_indicators (panel), ==, 2);
}

/* Two wide tables side by side: the years of the left one must not be read
 * for the right one's regions, nor the other way round. */
static void
test_side_by_side (void)
{
  const char *rows[] = {
    "region\t2019\t2020\t\tregion\t2019\t2020",
    "Белгородская область\t1\t2\t\tТверская область\t10\t20",
    "Тверская область\t3\t4\t\tБелгородская область\t30\t40", NULL,
  };
  g_autoptr(RlWorkbook) wb = workbook_of (rows);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) panel = read_with (
    "{\"id\": \"s\", \"files\": [\"*.xlsx\"], \"layout\": \"wide\", \"parts\": ["
    "{\"last_column\": \"C\", \"indicators\": [" IND ("x", "") "]},"
    "{\"first_column\": \"E\", \"region_column\": \"E\", \"indicators\": [" IND ("y", "") "]}]}",
    wb, &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (value_of (panel, "RU-BEL", "x", 2020), ==, 2);
  g_assert_cmpfloat (value_of (panel, "RU-TVE", "x", 2019), ==, 3);
  g_assert_cmpfloat (value_of (panel, "RU-TVE", "y", 2019), ==, 10);
  g_assert_cmpfloat (value_of (panel, "RU-BEL", "y", 2020), ==, 40);
  /* without the column range the left table's region column meets the
   * right one's years: the same years twice, a conflict */
  assert_error ("{\"id\": \"s\", \"files\": [\"*.xlsx\"], \"layout\": \"wide\", \"indicators\": ["
                IND ("x", "") "]}", wb, "hand.xlsx", "second value");
}

#define GROUPED_RECIPE(rows, header_x, header_y) \
  "{\"id\": \"g\", \"files\": [\"*.xlsx\"], \"layout\": \"wide-grouped\"," \
  rows ", \"indicators\": [" \
  IND ("x", ", \"header\": \"" header_x "\"") ", " IND ("y", ", \"header\": \"" header_y "\"") "]}"

#define ROWS_1_2 " \"indicator_row\": 1, \"header_row\": 2"
#define ROWS_2_3 " \"indicator_row\": 2, \"header_row\": 3"

static void
assert_grouped (RlWorkbook *wb,
                const char *recipe)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) panel = read_with (recipe, wb, &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (value_of (panel, "RU-BEL", "x", 2019), ==, 1);
  g_assert_cmpfloat (value_of (panel, "RU-BEL", "x", 2020), ==, 2);
  g_assert_cmpfloat (value_of (panel, "RU-BEL", "y", 2019), ==, 3);
  g_assert_cmpfloat (value_of (panel, "RU-TVE", "y", 2020), ==, 8);
  g_assert_true (isnan (value_of (panel, "RU-TVE", "x", 2021)));
}

/* Two header rows: the indicator names over their years, merged, repeated,
 * or written once with empty cells to the right. */
static void
test_grouped (void)
{
  const char *merged[] = {
    "region\t Доходы\u00a0 населения\t\tРасходы", "\t2019\t2020\t2019\t2020",
    "Белгородская область\t1\t2\t3\t4", "Тверская область\t5\t6\t7\t8", NULL,
  };
  const char *repeated[] = {
    "region\tДоходы населения\tДоходы населения\tРасходы\tрасходы",
    "\t2019\t2020\t2019\t2020",
    "Белгородская область\t1\t2\t3\t4", "Тверская область\t5\t6\t7\t8", NULL,
  };
  const char *tall[] = {
    "region\tДоходы населения\t\tРасходы", "", "\t2019\t2020\t2019\t2020",
    "Белгородская область\t1\t2\t3\t4", "Тверская область\t5\t6\t7\t8", NULL,
  };
  const char *recipe = GROUPED_RECIPE (ROWS_1_2, "доходы  населения", "РАСХОДЫ");
  g_autoptr(RlWorkbook) wb = workbook_of (merged);
  g_autoptr(RlWorkbook) wb2 = workbook_of (repeated);
  g_autoptr(RlWorkbook) wb3 = workbook_of (tall);
  g_autoptr(GError) error = NULL;
  RlMerge m1 = { 1, 2, 1, 3 }, m2 = { 1, 4, 1, 5 }, m3 = { 1, 2, 2, 3 }, m4 = { 1, 4, 2, 5 };

  assert_grouped (wb, recipe);  /* written once, with empty cells to the right */
  assert_error (GROUPED_RECIPE (ROWS_1_2, "Доходы населения", "Прибыль"), wb,
                "hand.xlsx, sheet “Лист1”, row 1", "no group “Прибыль”");
  rl_sheet_put_merge (rl_workbook_get_sheet (wb, 0), &m1, &error);
  g_assert_no_error (error);
  rl_sheet_put_merge (rl_workbook_get_sheet (wb, 0), &m2, &error);
  g_assert_no_error (error);
  assert_grouped (wb, recipe);
  assert_grouped (wb2, recipe);
  /* names in merged cells over two rows: the indicator row's cells are empty */
  assert_error (GROUPED_RECIPE (ROWS_2_3, "Доходы населения", "Расходы"), wb3, "row 2",
                "no group “Доходы населения”");
  rl_sheet_put_merge (rl_workbook_get_sheet (wb3, 0), &m3, &error);
  g_assert_no_error (error);
  rl_sheet_put_merge (rl_workbook_get_sheet (wb3, 0), &m4, &error);
  g_assert_no_error (error);
  assert_grouped (wb3, GROUPED_RECIPE (ROWS_2_3, "Доходы населения", "Расходы"));
}

static void
test_part_errors (void)
{
  const char *rows[] = { "region\t2019", "Белгородская область\t1", NULL };
  g_autoptr(RlWorkbook) wb = workbook_of (rows);

  assert_error ("{\"id\": \"s\", \"files\": [\"*.xlsx\"], \"layout\": \"wide\", \"parts\": ["
                "{\"combine\": \"sum\"}], \"indicators\": [" IND ("x", "") "]}", wb,
                "$.parts[0].combine", "not a member a part may set");
  assert_error ("{\"id\": \"s\", \"files\": [\"*.xlsx\"], \"layout\": \"wide\", \"parts\": [],"
                " \"indicators\": [" IND ("x", "") "]}", wb, "$.parts", "non-empty array");
  assert_error ("{\"id\": \"s\", \"files\": [\"*.xlsx\"], \"layout\": \"wide\", \"parts\": ["
                "{\"first_column\": \"B\"}], \"indicators\": [" IND ("x", "") "]}", wb,
                "$.parts[0].region_column", "outside the columns read");
  assert_error ("{\"id\": \"s\", \"files\": [\"*.xlsx\"], \"layout\": \"columns\", \"year\": 2019,"
                " \"last_column\": 2, \"indicators\": [" IND ("x", ", \"value_column\": 3") "]}",
                wb, "value_column", "outside the columns read");
  assert_error ("{\"id\": \"s\", \"files\": [\"*.xlsx\"], \"layout\": \"wide\","
                " \"first_column\": 3, \"last_column\": 2, \"indicators\": [" IND ("x", "") "]}",
                wb, "last_column", "before first_column");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  gaz = rl_gazetteer_load_builtin ("ru", &error);
  g_assert_no_error (error);
  g_test_add_func ("/recipe-parts/stacked", test_stacked);
  g_test_add_func ("/recipe-parts/side-by-side", test_side_by_side);
  g_test_add_func ("/recipe-parts/errors", test_part_errors);
  g_test_add_func ("/recipe-parts/grouped", test_grouped);
  status = g_test_run ();
  rl_gazetteer_free (gaz);
  return status;
}
