/* test-panel.c — the panel: storage, CSV input and output, sidecar
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "rl-error.h"
#include "rl-panel.h"
#include "rl-test.h"

static void
test_storage_grows (void)
{
  g_autoptr(RlPanel) p = rl_panel_new ();
  guint a = rl_panel_add_region (p, "RU-A", "A");
  guint x = rl_panel_add_indicator (p, "x");

  rl_panel_set (p, a, x, 2010, 1.0);
  for (int i = 0; i < 40; i++)
    {
      g_autofree char *code = g_strdup_printf ("RU-%d", i);
      guint r = rl_panel_add_region (p, code, NULL);
      guint j = rl_panel_add_indicator (p, i % 2 ? "y" : "z");
      rl_panel_set (p, r, j, 2000 + i, i);
    }
  rl_assert_close (rl_panel_get (p, a, x, 2010), 1.0, 0);
  rl_assert_close (rl_panel_get (p, rl_panel_find_region (p, "RU-39"), rl_panel_find_indicator (p, "y"), 2039), 39, 0);
  g_assert_true (isnan (rl_panel_get (p, a, x, 2011)));
  g_assert_true (isnan (rl_panel_get (p, a, x, 1900)));
  g_assert_cmpuint (rl_panel_add_region (p, "RU-A", "A"), ==, a);
  g_assert_cmpint (rl_panel_find_region (p, "A"), ==, (int) a);
  g_assert_cmpuint (rl_panel_count_values (p), ==, 41);
}

static void
test_load_panel (void)
{
  g_autofree char *path = rl_test_data_path ("panel-small.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) p = rl_panel_load (path, &error);
  g_autoptr(GArray) years = NULL;
  int gamma, poverty;

  g_assert_no_error (error);
  g_assert_cmpuint (rl_panel_n_regions (p), ==, 3);
  g_assert_cmpuint (rl_panel_n_indicators (p), ==, 2);
  g_assert_false (rl_panel_is_wide (p));
  years = rl_panel_years (p);
  g_assert_cmpuint (years->len, ==, 3);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2019);
  gamma = rl_panel_find_region (p, "RU-CCC");
  poverty = rl_panel_find_indicator (p, "poverty");
  g_assert_cmpstr (rl_panel_region_name (p, gamma), ==, "Gamma, the third");
  rl_assert_close (rl_panel_get (p, gamma, poverty, 2020), 15, 0);
  g_assert_cmpint (rl_panel_indicator (p, poverty)->polarity, ==, RL_POLARITY_POSITIVE);
  g_assert_cmpstr (rl_panel_indicator (p, 0)->name_ru, ==, "Доходы");
  g_assert_cmpstr (rl_panel_indicator (p, poverty)->unit, ==, "%");
}

static void
test_load_wide_semicolon (void)
{
  g_autofree char *path = rl_test_data_path ("wide-semicolon.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) p = rl_panel_load (path, &error);

  g_assert_no_error (error);
  g_assert_true (rl_panel_is_wide (p));
  g_assert_cmpuint (rl_panel_n_regions (p), ==, 3);
  rl_assert_close (rl_panel_get (p, 0, 0, RL_YEAR_NONE), 1.5, 0);
  rl_assert_close (rl_panel_get (p, 2, 1, RL_YEAR_NONE), 6, 0);
  g_assert_true (isnan (rl_panel_get (p, 1, 1, RL_YEAR_NONE)));
}

static void
write_and_load_expect_error (const char *contents,
                             const char *expected_fragment)
{
  g_autofree char *dir = g_dir_make_tmp ("rl-panel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) p = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  p = rl_panel_load (path, &error);
  g_assert_null (p);
  g_assert_error (error, RL_ERROR, RL_ERROR_PARSE);
  if (strstr (error->message, expected_fragment) == NULL || strstr (error->message, path) == NULL)
    g_error ("message “%s” lacks “%s” or the path", error->message, expected_fragment);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_bad_input (void)
{
  write_and_load_expect_error ("region,a,b\nx,1,2\ny,3,abc\n", "row 3, column 3 (b): “abc” is not a number");
  write_and_load_expect_error ("region,a\nx,1,2\n", "row 2: expected 2 columns, found 3");
  write_and_load_expect_error ("region,a\nx,1\nx,2\n", "row 3, column 1: duplicate region name");
  write_and_load_expect_error ("region,a,a\nx,1,2\n", "duplicate column name “a”");
  write_and_load_expect_error ("region,a\n", "no data rows");
  write_and_load_expect_error ("region_code,region,indicator,year,value\nR,X,a,20x0,1\n",
                               "row 2, column 4 (year): “20x0” is not a year");
  write_and_load_expect_error ("region,a\n\"x,1\n", "no data rows");
  write_and_load_expect_error ("region\nx\n", "expected a header");
  write_and_load_expect_error ("\nregion,a\nx,1\n", "row 1: expected a header");
}

/* A file without text says so, naming the file, instead of asking for a header. */
static void
test_empty_file (void)
{
  write_and_load_expect_error ("", "the file is empty");
  write_and_load_expect_error ("\xEF\xBB\xBF", "the file is empty");
  write_and_load_expect_error ("\n\r\n  \n", "the file is empty: it holds only blank lines");
}

/* A long panel of more rows than a spreadsheet holds is read record by
 * record, not through a sheet. */
static void
test_load_many_rows (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rl-panel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "many.csv", NULL);
  g_autoptr(GString) data = g_string_new ("region_code,region,indicator,year,value\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) p = NULL;
  const guint n_rows = 1100000;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (data, "R%u,,i%u,%u,%u.5\n", i % 100, i / 100 / 20, 2000 + i / 100 % 20,
                            i);
  g_assert_true (g_file_set_contents (path, data->str, (gssize) data->len, NULL));
  p = rl_panel_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rl_panel_count_values (p), ==, n_rows);
  g_assert_cmpuint (rl_panel_n_regions (p), ==, 100);
  rl_assert_close (rl_panel_get (p, rl_panel_find_region (p, "R7"), rl_panel_find_indicator (p, "i549"),
                                 2019), 1099907.5, 0);
  g_unlink (path);
  g_rmdir (dir);
}

/* Windows-1251 with decimal commas, as statistics offices export it. */
static void
test_load_cp1251 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rl-panel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cp1251.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) p = NULL;
  /* "регион;доход\nМосква;12,5\n" in Windows-1251 */
  const char data[] = "\xf0\xe5\xe3\xe8\xee\xed;\xe4\xee\xf5\xee\xe4\n\xcc\xee\xf1\xea\xe2\xe0;12,5\n";

  g_assert_true (g_file_set_contents (path, data, -1, NULL));
  p = rl_panel_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rl_panel_region_name (p, 0), ==, "Москва");
  g_assert_cmpstr (rl_panel_indicator (p, 0)->id, ==, "доход");
  rl_assert_close (rl_panel_get (p, 0, 0, RL_YEAR_NONE), 12.5, 0);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) p = rl_panel_load ("/nonexistent/panel.csv", &error);

  g_assert_null (p);
  g_assert_error (error, RL_ERROR, RL_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/panel.csv"));
}

static void
test_save_round_trip (void)
{
  g_autofree char *src = rl_test_data_path ("panel-small.csv");
  g_autofree char *dir = g_dir_make_tmp ("rl-panel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *sidecar = rl_panel_sidecar_path (path);
  g_autoptr(RlPanel) a = rl_panel_load (src, NULL);
  g_autoptr(RlPanel) b = NULL;
  g_autoptr(RlPanel) c = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rl_panel_save (a, path, &error));
  g_assert_no_error (error);
  b = rl_panel_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rl_panel_count_values (a), ==, rl_panel_count_values (b));
  for (guint r = 0; r < rl_panel_n_regions (a); r++)
    for (int y = 2019; y <= 2021; y++)
      {
        double va = rl_panel_get (a, r, 1, y), vb = rl_panel_get (b, r, 1, y);
        g_assert_true ((isnan (va) && isnan (vb)) || va == vb);
      }
  g_assert_cmpstr (rl_panel_region_name (b, 2), ==, "Gamma, the third");
  g_assert_cmpint (rl_panel_indicator (b, 0)->polarity, ==, RL_POLARITY_NEGATIVE);
  c = rl_panel_copy (b);
  g_assert_cmpuint (rl_panel_count_values (c), ==, rl_panel_count_values (b));
  g_assert_cmpstr (rl_panel_indicator (c, 0)->name_ru, ==, "Доходы");

  /* A save that cannot write leaves nothing half-written. */
  g_assert_false (rl_panel_save (a, "/nonexistent/dir/out.csv", &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_IO);
  g_unlink (path);
  g_unlink (sidecar);
  g_rmdir (dir);
}

/* Indicator names in the panel's language, falling back to English and
 * then to the id; a copy keeps the language. */
static void
test_indicator_labels (void)
{
  g_autoptr(RlPanel) panel = rl_panel_new ();
  g_autoptr(RlPanel) copy = NULL;
  guint full = rl_panel_add_indicator (panel, "poverty");
  guint bare = rl_panel_add_indicator (panel, "grp");
  guint english = rl_panel_add_indicator (panel, "births");
  RlIndicator *ind = rl_panel_indicator (panel, full);

  ind->name_en = g_strdup ("Poverty");
  ind->name_ru = g_strdup ("Бедность");
  ind->name_uk = g_strdup ("Бідність");
  rl_panel_indicator (panel, english)->name_en = g_strdup ("Live births");

  g_assert_cmpstr (rl_panel_get_language (panel), ==, "en");
  g_assert_cmpstr (rl_panel_indicator_label (panel, full), ==, "Poverty");
  rl_panel_set_language (panel, "uk");
  g_assert_cmpstr (rl_panel_indicator_label (panel, full), ==, "Бідність");
  g_assert_cmpstr (rl_panel_indicator_label (panel, english), ==, "Live births");
  g_assert_cmpstr (rl_panel_indicator_label (panel, bare), ==, "grp");
  g_assert_cmpstr (rl_indicator_label (ind, "ru"), ==, "Бедность");
  g_assert_cmpstr (rl_indicator_label (ind, "de"), ==, "Poverty");
  copy = rl_panel_copy (panel);
  g_assert_cmpstr (rl_panel_indicator_label (copy, full), ==, "Бідність");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/panel/storage-grows", test_storage_grows);
  g_test_add_func ("/panel/load-panel", test_load_panel);
  g_test_add_func ("/panel/load-wide-semicolon", test_load_wide_semicolon);
  g_test_add_func ("/panel/bad-input", test_bad_input);
  g_test_add_func ("/panel/empty-file", test_empty_file);
  g_test_add_func ("/panel/load-many-rows", test_load_many_rows);
  g_test_add_func ("/panel/load-cp1251", test_load_cp1251);
  g_test_add_func ("/panel/missing-file", test_missing_file);
  g_test_add_func ("/panel/save-round-trip", test_save_round_trip);
  g_test_add_func ("/panel/indicator-labels", test_indicator_labels);
  return g_test_run ();
}
