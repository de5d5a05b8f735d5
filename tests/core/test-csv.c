/* test-csv.c — the CSV reader: one case per sniffing rule, quoting and line-ending rule
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Rosstat CSV files are checked against Python's csv module in
 * test-grid.c; these are small hand-made inputs whose grid is known.
 */
#include "rl-csv.h"
#include "rl-error.h"
#include "rl-reader.h"
#include "rl-test.h"

#include <glib/gstdio.h>
#include <string.h>

static RlWorkbook *
parse (const char *data,
       gsize       len)
{
  g_autoptr(GError) error = NULL;
  RlWorkbook *wb = rl_csv_parse ("/tmp/case.csv", data, len, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (wb);
  g_assert_cmpuint (rl_workbook_n_sheets (wb), ==, 1);
  g_assert_cmpstr (rl_sheet_get_name (rl_workbook_get_sheet (wb, 0)), ==, "case");
  return wb;
}

static void
assert_cell (RlWorkbook *wb,
             guint       row,
             guint       col,
             const char *text)
{
  g_assert_cmpstr (rl_sheet_get_text (rl_workbook_get_sheet (wb, 0), row, col), ==, text);
}

static void
test_sniff_delimiter (void)
{
  static const struct { const char *text; char delim; } cases[] = {
    { "a,b,c\n1,2,3\n", ',' },
    { "a;b;c\n1;2;3\n", ';' },
    { "a\tb\tc\n1\t2\t3\n", '\t' },
    { "Region;jan;feb\nX;1,5;2,25\nY;3;4,5\nZ;1,1;2\n", ';' }, /* decimal commas */
    { "name,note\n\"a;b;c\",x\n\"d;e\",y\n", ',' },              /* ';' only inside quotes */
    { "single\ncolumn\n", ',' },
    { "", ',' },
    { "a\tb,c\n1\t2,3\n4\t5\n", '\t' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (rl_csv_sniff_delimiter (cases[i].text, strlen (cases[i].text)), ==,
                     cases[i].delim);
}

static void
test_encodings (void)
{
  /* "Тула;1" in UTF-8 with BOM, in Windows-1251 and in UTF-16LE with BOM */
  static const char bom[] = "\xEF\xBB\xBF\xD0\xA2\xD1\x83\xD0\xBB\xD0\xB0;1\n";
  static const char cp1251[] = "\xD2\xF3\xEB\xE0;1\n";
  static const char utf16[] = "\xFF\xFE\x22\x04\x43\x04\x3B\x04\x30\x04;\0001\0\n\0";
  const char *detected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  {
    g_autoptr(RlWorkbook) wb = parse (bom, sizeof bom - 1);
    assert_cell (wb, 1, 1, "Тула");
    assert_cell (wb, 1, 2, "1");
  }
  {
    g_autoptr(RlWorkbook) wb = parse (cp1251, sizeof cp1251 - 1);
    assert_cell (wb, 1, 1, "Тула");
  }
  {
    g_autoptr(RlWorkbook) wb = parse (utf16, sizeof utf16 - 1);
    assert_cell (wb, 1, 1, "Тула");
    assert_cell (wb, 1, 2, "1");
  }
  text = rl_csv_decode ("x.csv", cp1251, sizeof cp1251 - 1, NULL, &detected, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (detected, ==, "WINDOWS-1251");
  g_clear_pointer (&text, g_free);
  text = rl_csv_decode ("x.csv", cp1251, sizeof cp1251 - 1, "UTF-8", NULL, &error);
  g_assert_null (text);
  g_assert_error (error, RL_ERROR, RL_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "x.csv"));
}

static void
test_quotes_and_lines (void)
{
  static const char data[] =
    "region,\"value, with comma\"\r\n"
    "\r\n"
    "\"Say \"\"hi\"\"\",\"two\nlines\"\r\n"
    "  indented,1,5\r\n"
    "\n"
    "a\"b,\"\",end\r"
    "last,no newline";
  g_autoptr(RlWorkbook) wb = parse (data, sizeof data - 1);
  RlSheet *s = rl_workbook_get_sheet (wb, 0);

  assert_cell (wb, 1, 1, "region");
  assert_cell (wb, 1, 2, "value, with comma");
  g_assert_null (rl_sheet_get_text (s, 2, 1));      /* blank line kept as an empty row */
  assert_cell (wb, 3, 1, "Say \"hi\"");
  assert_cell (wb, 3, 2, "two\nlines");              /* one record, one row */
  assert_cell (wb, 4, 1, "  indented");
  assert_cell (wb, 4, 2, "1");                       /* decimal comma splits: as in a spreadsheet */
  assert_cell (wb, 4, 3, "5");
  g_assert_null (rl_sheet_get_text (s, 5, 1));
  assert_cell (wb, 6, 1, "a\"b");                    /* a quote inside a field is literal */
  g_assert_null (rl_sheet_get_text (s, 6, 2));      /* "" is empty */
  assert_cell (wb, 6, 3, "end");                     /* a lone CR ends the record */
  assert_cell (wb, 7, 1, "last");
  assert_cell (wb, 7, 2, "no newline");
  g_assert_cmpuint (rl_sheet_n_rows (s), ==, 7);
  g_assert_false (rl_sheet_get_number (s, 4, 2, NULL)); /* CSV cells are text */
}

static void
test_options (void)
{
  static const char data[] = "a;b,c\n";
  RlCsvOptions opts;
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = NULL;

  rl_csv_options_init (&opts);
  g_assert_cmpint (opts.delimiter, ==, 0);
  g_assert_null (opts.encoding);
  opts.delimiter = ',';
  wb = rl_csv_parse ("case.csv", data, sizeof data - 1, &opts, &error);
  g_assert_no_error (error);
  assert_cell (wb, 1, 1, "a;b");
  assert_cell (wb, 1, 2, "c");
}

/* Binary content that is neither of the spreadsheet formats is refused. */
static void
test_binary (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rl-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "blob.bin", NULL);
  static const char blob[] = "\x01\x02\x00\x03garbage\x00";
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = NULL;

  g_assert_true (g_file_set_contents (path, blob, sizeof blob - 1, NULL));
  wb = rl_workbook_open (path, &error);
  g_assert_null (wb);
  g_assert_error (error, RL_ERROR, RL_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, path));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_empty_file (void)
{
  g_autoptr(RlWorkbook) wb = parse ("", 0);

  g_assert_cmpuint (rl_sheet_n_rows (rl_workbook_get_sheet (wb, 0)), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/sniff-delimiter", test_sniff_delimiter);
  g_test_add_func ("/csv/encodings", test_encodings);
  g_test_add_func ("/csv/quotes-and-lines", test_quotes_and_lines);
  g_test_add_func ("/csv/options", test_options);
  g_test_add_func ("/csv/binary", test_binary);
  g_test_add_func ("/csv/empty", test_empty_file);
  return g_test_run ();
}
