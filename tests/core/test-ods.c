/* test-ods.c — the ODS reader on a hand-made OpenDocument spreadsheet
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/sample.ods is written by tests/data/make-ods-sample.py, whose
 * header lists what a spreadsheet shows for it; this test checks exactly that.
 */
#include "rl-error.h"
#include "rl-ods.h"
#include "rl-reader.h"
#include "rl-test-edge.h"

#include <glib/gstdio.h>
#include <string.h>

static void
test_sample (void)
{
  g_autofree char *path = rl_test_data_path ("sample.ods");
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = NULL;
  RlSheet *s;
  const RlMerge *m;
  guint n;
  double v;

  g_assert_cmpint (rl_format_sniff (path, &error), ==, RL_FORMAT_ODS);
  wb = rl_workbook_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rl_workbook_n_sheets (wb), ==, 2);
  s = rl_workbook_get_sheet (wb, 0);
  g_assert_cmpstr (rl_sheet_get_name (s), ==, "Регионы");
  g_assert_cmpstr (rl_sheet_get_text (s, 1, 1), ==, "Регион");
  g_assert_true (rl_sheet_get_number (s, 1, 2, &v));
  g_assert_cmpfloat (v, ==, 2019);
  g_assert_cmpstr (rl_sheet_get_text (s, 2, 1), ==, "  Белгородская область");
  g_assert_cmpstr (rl_sheet_get_text (s, 2, 2), ==, "1 234,5");
  g_assert_true (rl_sheet_get_number (s, 2, 2, &v));
  g_assert_cmpfloat (v, ==, 1234.5);
  g_assert_false (rl_sheet_get_number (s, 2, 3, &v));
  for (guint c = 1; c <= 3; c++)
    g_assert_cmpstr (rl_sheet_get_text (s, 3, c), ==, "7");
  g_assert_null (rl_sheet_get_text (s, 4, 1));
  g_assert_null (rl_sheet_get_text (s, 5, 1));
  g_assert_cmpstr (rl_sheet_get_text (s, 6, 1), ==, "Итого");
  g_assert_null (rl_sheet_get_text (s, 6, 2));
  g_assert_cmpstr (rl_sheet_get_text (s, 6, 3), ==, "две\nстроки");
  g_assert_cmpstr (rl_sheet_get_text (s, 7, 1), ==, "a  b\tc");
  g_assert_cmpstr (rl_sheet_get_text (s, 7, 2), ==, "25%");
  g_assert_true (rl_sheet_get_number (s, 7, 2, &v));
  g_assert_cmpfloat (v, ==, 0.25);
  g_assert_cmpuint (rl_sheet_n_rows (s), ==, 7);
  g_assert_cmpuint (rl_sheet_n_cols (s), ==, 3);
  g_assert_cmpuint (rl_sheet_n_cells (s), ==, 13);
  m = rl_sheet_get_merges (s, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (m[0].first_row, ==, 6);
  g_assert_cmpuint (m[0].first_col, ==, 1);
  g_assert_cmpuint (m[0].last_row, ==, 6);
  g_assert_cmpuint (m[0].last_col, ==, 2);

  s = rl_workbook_get_sheet (wb, 1);
  g_assert_cmpstr (rl_sheet_get_name (s), ==, "Second");
  g_assert_cmpuint (rl_sheet_n_cells (s), ==, 3);
  g_assert_cmpstr (rl_sheet_get_text (s, 3, 1), ==, "same");
}

/* A package whose content.xml is cut short: an error naming the file. */
static void
test_damaged (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("rl-ods-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "bad.ods", NULL);
  g_autofree char *src = rl_test_data_path ("sample.ods");
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (src, &data, &len, NULL));
  for (gsize cut = 0; cut < len; cut += len / 7 + 1)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RlWorkbook) wb = NULL;

      g_assert_true (g_file_set_contents (path, data, cut, NULL));
      wb = rl_ods_read (path, &error);
      g_assert_null (wb);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, path));
    }
  g_unlink (path);
  g_rmdir (tmpdir);
}

/* Other prefixes and a byte-order mark; text:s, text:tab, text:line-break
 * and several paragraphs; covered cells; trailing repeats of empty rows and
 * columns: as odfpy reads them (readers-edge/ods-*.ods.tsv). */
static void
test_edge_references (void)
{
  rl_test_edge_references ("ods-");
}

/* The number is office:value, the text the one the file shows; a span is a
 * merge, and a covered cell keeps what the file stores there (as in XLS and
 * XLSX, where merged-over cells keep their values). */
static void
test_edge_value_and_text (void)
{
  g_autofree char *path = rl_test_edge_path ("ods-text.ods");
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = rl_ods_read (path, &error);
  RlSheet *s;
  const RlMerge *m;
  guint n;
  double v;

  g_assert_no_error (error);
  s = rl_workbook_get_sheet (wb, 0);
  g_assert_cmpstr (rl_sheet_get_text (s, 1, 3), ==, "25%");
  g_assert_true (rl_sheet_get_number (s, 1, 3, &v));
  g_assert_cmpfloat (v, ==, 0.25);
  g_assert_cmpstr (rl_sheet_get_text (s, 2, 3), ==, "1 234,50");
  g_assert_true (rl_sheet_get_number (s, 2, 3, &v));
  g_assert_cmpfloat (v, ==, 1234.5);
  g_assert_null (rl_sheet_get_text (s, 2, 2));
  m = rl_sheet_get_merges (s, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (m[0].first_col, ==, 1);
  g_assert_cmpuint (m[0].last_col, ==, 2);
}

/* Raw white space in text:p collapses to one space (ODF 1.3 part 3, 6.1.2),
 * none at the start of a paragraph and one at its end (as LibreOffice writes
 * and reads a trailing space); text:s, text:tab and text:line-break are kept,
 * so names indented with text:s keep their indentation. */
static void
test_edge_whitespace (void)
{
  g_autofree char *path = rl_test_edge_path ("ods-whitespace.ods");
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = rl_ods_read (path, &error);
  RlSheet *s;

  g_assert_no_error (error);
  s = rl_workbook_get_sheet (wb, 0);
  g_assert_cmpstr (rl_sheet_get_text (s, 1, 1), ==, "a b c d");
  g_assert_cmpstr (rl_sheet_get_text (s, 1, 2), ==, "    Город");
  g_assert_cmpstr (rl_sheet_get_text (s, 1, 3), ==, "x\t \n y");
  g_assert_cmpstr (rl_sheet_get_text (s, 1, 4), ==, "Київ ");
  g_assert_null (rl_sheet_get_text (s, 1, 5));
  g_assert_cmpstr (rl_sheet_get_text (s, 1, 6), ==, "one \ntwo");
  g_assert_cmpuint (rl_sheet_n_cells (s), ==, 5);
}

/* Repeats of content past RL_LIMIT_ODS_REPEAT_CELLS or the last column are
 * refused before anything is stored; repeats of empty cells cost nothing. */
static void
test_edge_repeats (void)
{
  static const char *const names[] = { "ods-repeat-bomb.ods", "ods-repeat-cols.ods", NULL };
  g_autofree char *path = rl_test_edge_path ("ods-trailing.ods");
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = NULL;
  gint64 t0 = g_get_monotonic_time ();

  rl_test_edge_refused ("ods-repeat-bomb.ods", "sheet “T”", "RL_LIMIT_ODS_REPEAT_CELLS", NULL);
  rl_test_edge_refused ("ods-repeat-cols.ods", "sheet “T”", "RL_LIMIT_SHEET_COLS", NULL);
  wb = rl_ods_read (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rl_sheet_n_rows (rl_workbook_get_sheet (wb, 0)), ==, 1);
  g_assert_cmpuint (rl_sheet_n_cols (rl_workbook_get_sheet (wb, 0)), ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 5 * G_USEC_PER_SEC);
  rl_test_edge_silent (names);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ods/sample", test_sample);
  g_test_add_func ("/ods/damaged", test_damaged);
  g_test_add_func ("/ods/edge/references", test_edge_references);
  g_test_add_func ("/ods/edge/value-and-text", test_edge_value_and_text);
  g_test_add_func ("/ods/edge/repeats", test_edge_repeats);
  g_test_add_func ("/ods/edge/whitespace", test_edge_whitespace);
  return g_test_run ();
}
