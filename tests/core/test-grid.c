/* test-grid.c — the raw workbook and its readers on the Rosstat files
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cells of the 22 raw Rosstat files are compared with what xlrd (.xls),
 * openpyxl (.xlsx) and Python's csv module (.csv) read from them, stored by
 * tests/data/make-grid-reference.py in tests/data/grid-reference: texts
 * exactly, numbers within 1e-9 relative, the count of non-empty cells per
 * sheet and the merged ranges exactly.
 */
#include "rl-error.h"
#include "rl-reader.h"
#include "rl-test-grid.h"
#include "rl-test.h"

#include <glib/gstdio.h>
#include <string.h>

static char *
rosstat_dir (void)
{
  const char *shared = g_getenv ("RL_SHARED_DATA");

  return g_build_filename (shared != NULL ? shared : "../shared/data", "rosstat", NULL);
}

/* Compares one file with its stored reference; returns the cells checked. */
static guint
check_reference (const char *data_path,
                 const char *ref_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = rl_workbook_open (data_path, &error);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autofree char *ref = NULL;
  RlTestGridCheck check = { 0, 0, report };

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (ref_path, &ref, NULL, NULL));
  if (!rl_test_grid_compare (wb, ref, 1e-9, &check))
    g_error ("%s:\n%s", data_path, report->str);
  return check.n_checked;
}

static void
test_rosstat_reference (void)
{
  g_autofree char *dir = rosstat_dir ();
  g_autofree char *ref_dir = rl_test_data_path ("grid-reference");
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint n_files = 0, n_cells = 0;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the Rosstat files are not present");
      return;
    }
  d = g_dir_open (ref_dir, 0, NULL);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *base = g_strndup (name, strlen (name) - strlen (".tsv"));
      g_autofree char *data_path = g_build_filename (dir, base, NULL);
      g_autofree char *ref_path = g_build_filename (ref_dir, name, NULL);

      if (!g_str_has_suffix (name, ".tsv"))
        continue;
      n_cells += check_reference (data_path, ref_path);
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 22);
  g_test_message ("%u reference cells checked in %u files", n_cells, n_files);
}

/* Every file opens and is read as the format its content says. */
static void
test_rosstat_formats (void)
{
  g_autofree char *dir = rosstat_dir ();
  static const struct { const char *name; RlFormat format; guint n_sheets; } files[] = {
    { "child_mortality_rural_1990_2021.xls", RL_FORMAT_XLS, 2 },
    { "morbidity_2005_2020_age_disease.xls", RL_FORMAT_XLS, 2 },
    { "cash_real_income_wages_2015_2020.xlsx", RL_FORMAT_XLSX, 5 },
    { "population.xlsx", RL_FORMAT_XLSX, 2 },
    { "newborn_2006_2022_monthly.csv", RL_FORMAT_CSV, 1 },
  };

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the Rosstat files are not present");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(RlWorkbook) wb = NULL;

      g_assert_cmpint (rl_format_sniff (path, &error), ==, files[i].format);
      wb = rl_workbook_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rl_workbook_n_sheets (wb), ==, files[i].n_sheets);
    }
}

/* The traps the Rosstat README names: indentation kept, zero-length shared
 * strings, a merged title, empty string cells of the EMISS export. */
static void
test_rosstat_details (void)
{
  g_autofree char *dir = rosstat_dir ();
  g_autofree char *pop = g_build_filename (dir, "population.xlsx", NULL);
  g_autofree char *cc = g_build_filename (dir, "child_count_2020.xlsx", NULL);
  g_autofree char *cm = g_build_filename (dir, "child_mortality_rural_1990_2021.xls", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = NULL;
  RlSheet *sheet;
  const RlMerge *m;
  guint n;
  double v;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the Rosstat files are not present");
      return;
    }
  wb = rl_workbook_open (cc, &error);
  g_assert_no_error (error);
  sheet = rl_workbook_get_sheet (wb, 0);
  m = rl_sheet_get_merges (sheet, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (m[0].first_row, ==, 1);
  g_assert_cmpuint (m[0].first_col, ==, 1);
  g_assert_cmpuint (m[0].last_row, ==, 1);
  g_assert_cmpuint (m[0].last_col, ==, 9);
  g_clear_pointer (&wb, rl_workbook_free);

  wb = rl_workbook_open (pop, &error);
  g_assert_no_error (error);
  sheet = rl_workbook_find_sheet (wb, "Отчет");
  g_assert_nonnull (sheet);
  g_assert_cmpuint (rl_sheet_n_rows (sheet), ==, 370); /* row 371 holds only empty strings */
  g_assert_cmpuint (rl_sheet_n_cols (sheet), ==, 26);
  g_assert_true (rl_sheet_get_number (sheet, 5, 3, &v));
  g_assert_cmpfloat (v, ==, 147539426);
  g_assert_cmpstr (rl_sheet_get_text (sheet, 5, 3), ==, "147539426");
  g_clear_pointer (&wb, rl_workbook_free);

  wb = rl_workbook_open (cm, &error);
  g_assert_no_error (error);
  sheet = rl_workbook_get_sheet (wb, 0);
  g_assert_cmpstr (rl_sheet_get_name (sheet), ==, "Данные");
  g_assert_true (g_str_has_prefix (rl_sheet_get_text (sheet, 5, 1), "    Центральный"));
  g_assert_cmpstr (rl_sheet_get_text (sheet, 3, 4), ==, "1990");
}

static void
test_sheet_api (void)
{
  g_autoptr(RlWorkbook) wb = rl_workbook_new ("by-hand");
  RlSheet *sheet = rl_workbook_add_sheet (wb, "S");
  RlMerge merge = { 1, 1, 1, 3 }, bad = { 2, 2, 1, 1 };
  guint n;
  double v = 0;

  g_assert_cmpuint (rl_sheet_n_rows (sheet), ==, 0);
  g_assert_null (rl_sheet_get_text (sheet, 0, 0));
  g_assert_null (rl_sheet_get_text (sheet, 5, 5));
  g_assert_true (rl_sheet_put_text (sheet, 3, 5, "  indented", NULL));
  g_assert_true (rl_sheet_put_text (sheet, 3, 2, "b", NULL));
  g_assert_true (rl_sheet_put_text (sheet, 3, 4, "", NULL));          /* empty stores nothing */
  g_assert_true (rl_sheet_put_number (sheet, 3, 3, 2.5, "2.5", NULL));
  g_assert_true (rl_sheet_put_text (sheet, 3, 2, "b2", NULL));        /* replaces */
  g_assert_cmpstr (rl_sheet_get_text (sheet, 3, 5), ==, "  indented");
  g_assert_cmpstr (rl_sheet_get_text (sheet, 3, 2), ==, "b2");
  g_assert_null (rl_sheet_get_text (sheet, 3, 4));
  g_assert_true (rl_sheet_get_number (sheet, 3, 3, &v));
  g_assert_cmpfloat (v, ==, 2.5);
  g_assert_false (rl_sheet_get_number (sheet, 3, 2, &v));
  g_assert_cmpuint (rl_sheet_n_rows (sheet), ==, 3);
  g_assert_cmpuint (rl_sheet_n_cols (sheet), ==, 5);
  g_assert_cmpuint (rl_sheet_n_cells (sheet), ==, 3);
  g_assert_true (rl_sheet_put_merge (sheet, &merge, NULL));
  g_assert_true (rl_sheet_put_merge (sheet, &bad, NULL));
  rl_sheet_get_merges (sheet, &n);
  g_assert_cmpuint (n, ==, 1);
  /* outside the sheet: an error naming the cap, and nothing stored */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (rl_sheet_put_text (sheet, 1, RL_LIMIT_SHEET_COLS + 1, "x", &error));
    g_assert_error (error, RL_ERROR, RL_ERROR_PARSE);
    g_assert_nonnull (strstr (error->message, "RL_LIMIT_SHEET_COLS"));
    g_clear_error (&error);
    g_assert_false (rl_sheet_put_number (sheet, 0, 1, 1.0, "1", &error));
    g_assert_nonnull (strstr (error->message, "RL_LIMIT_SHEET_ROWS"));
    g_assert_cmpuint (rl_sheet_n_cells (sheet), ==, 3);
  }
  g_assert_null (rl_workbook_get_sheet (wb, 1));
}

static void
test_columns (void)
{
  static const struct { guint col; const char *name; } cases[] = {
    { 1, "A" }, { 26, "Z" }, { 27, "AA" }, { 52, "AZ" }, { 53, "BA" }, { 702, "ZZ" },
    { 703, "AAA" }, { 16384, "XFD" },
  };
  const char *end;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = rl_column_name (cases[i].col);

      g_assert_cmpstr (name, ==, cases[i].name);
      g_assert_cmpuint (rl_column_parse (cases[i].name, &end), ==, cases[i].col);
      g_assert_cmpint (*end, ==, '\0');
    }
  g_assert_cmpuint (rl_column_parse ("b12", &end), ==, 2);
  g_assert_cmpstr (end, ==, "12");
  g_assert_cmpuint (rl_column_parse ("12", NULL), ==, 0);
  g_assert_cmpuint (rl_column_parse ("XFE1", NULL), ==, 0);
  g_assert_cmpuint (rl_column_parse ("ZZZZZZZZZZZZZZ", NULL), ==, 0);
}

static void
test_dump_tsv (void)
{
  g_autoptr(RlWorkbook) wb = rl_workbook_new ("by-hand");
  RlSheet *a = rl_workbook_add_sheet (wb, "A");
  RlSheet *b = rl_workbook_add_sheet (wb, "B");
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (rl_sheet_put_text (a, 2, 28, "tab\there\nnew \\ line", NULL));
  g_assert_true (rl_sheet_put_text (a, 1, 1, " x", NULL));
  g_assert_true (rl_sheet_put_number (b, 1, 2, 1, "1", NULL));
  g_assert_true (rl_workbook_dump_tsv (wb, NULL, out, &error));
  g_assert_cmpstr (out->str, ==,
                   "A\t1\tA\t x\nA\t2\tAB\ttab\\there\\nnew \\\\ line\nB\t1\tB\t1\n");
  g_string_truncate (out, 0);
  g_assert_true (rl_workbook_dump_tsv (wb, "B", out, &error));
  g_assert_cmpstr (out->str, ==, "B\t1\tB\t1\n");
  g_assert_false (rl_workbook_dump_tsv (wb, "C", out, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "by-hand"));
}

/* Truncated and damaged copies of an .xls and an .xlsx: an error naming
 * the file, or (when the cut leaves a readable file) a workbook, never a
 * crash or a hang. */
static void
check_damaged_copies (const char *src,
                      const char *tmpdir)
{
  g_autofree char *data = NULL;
  g_autofree char *base = g_path_get_basename (src);
  g_autofree char *copy = g_build_filename (tmpdir, base, NULL);
  static const double cuts[] = { 0.0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99 };
  gsize len;
  guint n_failed = 0;

  g_assert_true (g_file_get_contents (src, &data, &len, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cuts) + 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RlWorkbook) wb = NULL;
      g_autofree char *bytes = g_memdup2 (data, len);
      gsize n = i < G_N_ELEMENTS (cuts) ? (gsize) (cuts[i] * len) : len;

      if (i == G_N_ELEMENTS (cuts)) /* scribble over the middle */
        memset (bytes + len / 3, 0xAB, len / 3);
      if (i == G_N_ELEMENTS (cuts) + 1) /* a damaged second half */
        for (gsize k = len / 2; k < len; k += 7)
          bytes[k] ^= 0x5A;
      g_assert_true (g_file_set_contents (copy, bytes, n, NULL));
      wb = rl_workbook_open (copy, &error);
      if (wb == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == RL_ERROR);
          g_assert_nonnull (strstr (error->message, copy));
          n_failed++;
        }
    }
  g_assert_cmpuint (n_failed, >=, G_N_ELEMENTS (cuts) - 1);
  g_unlink (copy);
}

static void
test_damaged_files (void)
{
  g_autofree char *dir = rosstat_dir ();
  g_autofree char *xls = g_build_filename (dir, "poverty_socdem_2017.xls", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "child_count_2020.xlsx", NULL);
  g_autofree char *tmpdir = NULL;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the Rosstat files are not present");
      return;
    }
  tmpdir = g_dir_make_tmp ("rl-grid-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  check_damaged_copies (xls, tmpdir);
  check_damaged_copies (xlsx, tmpdir);
  g_rmdir (tmpdir);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = rl_workbook_open ("/nonexistent/file.xls", &error);

  g_assert_null (wb);
  g_assert_error (error, RL_ERROR, RL_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/file.xls"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/grid/sheet-api", test_sheet_api);
  g_test_add_func ("/grid/columns", test_columns);
  g_test_add_func ("/grid/dump-tsv", test_dump_tsv);
  g_test_add_func ("/grid/missing-file", test_missing_file);
  g_test_add_func ("/grid/rosstat/formats", test_rosstat_formats);
  g_test_add_func ("/grid/rosstat/reference", test_rosstat_reference);
  g_test_add_func ("/grid/rosstat/details", test_rosstat_details);
  g_test_add_func ("/grid/rosstat/damaged", test_damaged_files);
  return g_test_run ();
}
