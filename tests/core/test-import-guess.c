/* test-import-guess.c — the layout guesser on small hand-made tables with known values
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "rl-import-guess.h"
#include "rl-import.h"

/* Rows of tab-separated cells, one string each, put into a new workbook. */
static RlWorkbook *
workbook_from (const char *sheet_name,
               const char *const *rows)
{
  RlWorkbook *wb = rl_workbook_new ("test.xlsx");
  RlSheet *sheet = rl_workbook_add_sheet (wb, sheet_name);

  for (guint r = 0; rows[r] != NULL; r++)
    {
      g_auto(GStrv) cells = g_strsplit (rows[r], "\t", -1);
      for (guint c = 0; cells[c] != NULL; c++)
        g_assert_true (rl_sheet_put_text (sheet, r + 1, c + 1, cells[c], NULL));
    }
  return wb;
}

/* Guesses @wb, imports it with the guessed recipe and returns the panel. */
static RlPanel *
guess_and_import (RlWorkbook                 *wb,
                  const RlImportGuessOptions *o,
                  RlImportGuess             **guess_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlImportGuess) guess = rl_import_guess (wb, "test.xlsx", o, NULL, NULL, &error);
  g_autoptr(RlRecipe) recipe = NULL;
  g_autoptr(RlImport) import = NULL;
  RlPanel *panel;

  g_assert_no_error (error);
  recipe = rl_import_guess_to_recipe (guess, &error);
  g_assert_no_error (error);
  import = rl_import_new (rl_import_guess_get_gazetteer_object (guess));
  g_assert_true (rl_import_add_workbook (import, recipe, wb, "test.xlsx", NULL, &error));
  g_assert_no_error (error);
  panel = rl_import_finish (import, NULL, &error);
  g_assert_no_error (error);
  *guess_out = g_steal_pointer (&guess);
  return panel;
}

static double
value_of (const RlPanel *panel,
          const char    *code,
          guint          indicator,
          int            year)
{
  int r = rl_panel_find_region (panel, code);

  g_assert_cmpint (r, >=, 0);
  return rl_panel_get (panel, r, indicator, year);
}

static void
test_wide_titles (void)
{
  const char *rows[] = {
    "Валовой региональный продукт, рублей",
    "",
    "\t2017\t2018 г.\t2019",
    "Российская Федерация\t100\t110\t120",
    "Белгородская область\t1,5\t2\t3",
    "г. Москва\t10\t20\t30",
    "Тверская область\t4\t5\t6",
    "Примечание: данные предварительные",
    NULL
  };
  g_autoptr(RlWorkbook) wb = workbook_from ("Лист1", rows);
  g_autoptr(RlImportGuess) guess = NULL;
  g_autoptr(RlPanel) panel = guess_and_import (wb, NULL, &guess);
  const RlImportGuessPart *p = rl_import_guess_get_part (guess, 0);

  g_assert_cmpint (p->layout, ==, RL_RECIPE_LAYOUT_WIDE);
  g_assert_cmpuint (p->header_row, ==, 3);
  g_assert_cmpuint (p->title_row, ==, 1);
  g_assert_cmpuint (p->region_column, ==, 1);
  g_assert_cmpstr (rl_import_guess_get_gazetteer (guess), ==, "ru");
  g_assert_false (rl_import_guess_is_ambiguous (guess));
  g_assert_cmpstr (rl_import_guess_get_number_format (guess), ==, "decimal comma");
  g_assert_cmpuint (rl_panel_n_regions (panel), ==, 3);
  g_assert_cmpfloat_with_epsilon (value_of (panel, "RU-BEL", 0, 2017), 1.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (value_of (panel, "RU-MOW", 0, 2018), 20, 1e-12);
  g_assert_cmpfloat_with_epsilon (value_of (panel, "RU-TVE", 0, 2019), 6, 1e-12);
}

static void
test_long (void)
{
  const char *rows[] = {
    "Регион\tГод\tЗначение",
    "Белгородская область\t2017\t1",
    "Белгородская область\t2018\t2",
    "Тверская область\t2017\t3",
    "Тверская область\t2018\t4",
    NULL
  };
  g_autoptr(RlWorkbook) wb = workbook_from ("data", rows);
  g_autoptr(RlImportGuess) guess = NULL;
  g_autoptr(RlPanel) panel = guess_and_import (wb, NULL, &guess);
  const RlImportGuessPart *p = rl_import_guess_get_part (guess, 0);

  g_assert_cmpint (p->layout, ==, RL_RECIPE_LAYOUT_LONG);
  g_assert_cmpuint (p->header_row, ==, 1);
  g_assert_cmpuint (p->year_column, ==, 2);
  g_assert_cmpfloat_with_epsilon (value_of (panel, "RU-TVE", 0, 2018), 4, 1e-12);
}

static void
test_columns_year_in_title (void)
{
  const char *rows[] = {
    "Показатели регионов за 2020 год",
    "\tЧисленность, тыс. человек\tДоходы",
    "Белгородская область\t1 500,5\t10",
    "Тверская область\t1 200\t…",
    NULL
  };
  g_autoptr(RlWorkbook) wb = workbook_from ("data", rows);
  g_autoptr(RlImportGuess) guess = NULL;
  g_autoptr(RlPanel) panel = guess_and_import (wb, NULL, &guess);
  const RlImportGuessPart *p = rl_import_guess_get_part (guess, 0);

  g_assert_cmpint (p->layout, ==, RL_RECIPE_LAYOUT_COLUMNS);
  g_assert_cmpint (p->year, ==, 2020);
  g_assert_cmpuint (rl_panel_n_indicators (panel), ==, 2);
  g_assert_cmpfloat_with_epsilon (value_of (panel, "RU-BEL", 0, 2020), 1500.5, 1e-9);
}

static void
test_ukrainian (void)
{
  const char *rows[] = {
    "\t2019\t2020",
    "Вінницька\t1\t2",
    "Волинська\t3\t4",
    "Київ\t5\t6",
    NULL
  };
  g_autoptr(RlWorkbook) wb = workbook_from ("data", rows);
  g_autoptr(RlImportGuess) guess = NULL;
  g_autoptr(RlPanel) panel = guess_and_import (wb, NULL, &guess);

  g_assert_cmpstr (rl_import_guess_get_gazetteer (guess), ==, "ua");
  g_assert_cmpuint (rl_panel_n_regions (panel), ==, 3);
}

static void
test_ambiguous (void)
{
  const char *rows[] = {
    "Откуда\tКуда\t2020",
    "Белгородская область\tТверская область\t1",
    "Тверская область\tБелгородская область\t2",
    "г. Москва\tТверская область\t3",
    NULL
  };
  g_autoptr(RlWorkbook) wb = workbook_from ("data", rows);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlImportGuess) guess = rl_import_guess (wb, "t.xlsx", NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (rl_import_guess_is_ambiguous (guess));
}

static void
test_codes_and_marks (void)
{
  const char *rows[] = {
    "code\t2019\t2020",
    "RU-MOW\t1\u00a0234,5¹\tн.д.",
    "RU-BEL\t2 000\t3*",
    "RU-TVE\t-\t7",
    NULL
  };
  g_autoptr(RlWorkbook) wb = workbook_from ("data", rows);
  g_autoptr(RlImportGuess) guess = NULL;
  g_autoptr(RlPanel) panel = guess_and_import (wb, NULL, &guess);
  g_autofree char *text = rl_import_guess_to_recipe_text (guess);

  g_assert_cmpstr (rl_import_guess_get_gazetteer (guess), ==, "ru");
  g_assert_nonnull (strstr (rl_import_guess_get_number_format (guess), "space thousands"));
  g_assert_nonnull (strstr (rl_import_guess_get_number_format (guess), "footnote marks"));
  g_assert_nonnull (strstr (text, "\"н.д.\""));
  g_assert_cmpfloat_with_epsilon (value_of (panel, "RU-MOW", 0, 2019), 1234.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (value_of (panel, "RU-BEL", 0, 2020), 3, 1e-12);
  g_assert_true (isnan (value_of (panel, "RU-MOW", 0, 2020)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-guess/wide-titles", test_wide_titles);
  g_test_add_func ("/import-guess/long", test_long);
  g_test_add_func ("/import-guess/columns-year-in-title", test_columns_year_in_title);
  g_test_add_func ("/import-guess/ukrainian", test_ukrainian);
  g_test_add_func ("/import-guess/ambiguous", test_ambiguous);
  g_test_add_func ("/import-guess/codes-and-marks", test_codes_and_marks);
  return g_test_run ();
}
