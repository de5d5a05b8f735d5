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

static char *
write_temp (const char *name,
            const char *data,
            gsize       len,
            char      **dir)
{
  *dir = g_dir_make_tmp ("rl-csv-XXXXXX", NULL);
  char *path = g_build_filename (*dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, (gssize) len, NULL));
  return path;
}

static void
remove_temp (char *path,
             char *dir)
{
  g_unlink (path);
  g_rmdir (dir);
  g_free (path);
  g_free (dir);
}

/* A file without text says it is empty and names the file; parsing bytes
 * in memory still gives an empty sheet (test_empty_file). */
static void
test_empty_files (void)
{
  static const struct { const char *data; gsize len; const char *message; } cases[] = {
    { "", 0, "the file is empty" },
    { "\xEF\xBB\xBF", 3, "the file is empty" },
    { "\xFF\xFE", 2, "the file is empty" },
    { "\n\n\r\n", 4, "the file is empty: it holds only blank lines" },
    { " \t\n  \n", 6, "the file is empty: it holds only blank lines" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *dir;
      char *path = write_temp ("empty.csv", cases[i].data, cases[i].len, &dir);
      g_autoptr(GError) error = NULL;
      g_autoptr(RlWorkbook) wb = rl_workbook_open (path, &error);
      g_autofree char *expected = g_strdup_printf ("%s: %s", path, cases[i].message);

      g_assert_null (wb);
      g_assert_error (error, RL_ERROR, RL_ERROR_PARSE);
      g_assert_cmpstr (error->message, ==, expected);
      remove_temp (path, dir);
    }
}

/* Records that straddle the reader's 1 MiB chunks: a doubled quote, a CRLF,
 * a quoted line break and a Cyrillic letter cut at every byte, in UTF-8,
 * UTF-8 with a BOM and Windows-1251. */
static void
test_chunk_boundaries (void)
{
  static const char tail[] = "\"q\"\"r\r\nz\",Тула\r\n\"end\"\r\nlast";
  const gsize chunk = 1024 * 1024;

  for (guint enc = 0; enc < 3; enc++)
    for (gsize shift = 0; shift < 24; shift++)
      {
        g_autoptr(GString) data = g_string_new (enc == 1 ? "\xEF\xBB\xBF" : "");
        g_autofree char *bytes = NULL;
        gsize n_pad = 0, len;
        RlSheet *s;

        g_string_append (data, "head,er\n");
        while (data->len < chunk - shift - 200)
          {
            g_string_append (data, "x,padding padding padding padding padding padding\n");
            n_pad++;
          }
        while (data->len < chunk - shift - 1)
          g_string_append_c (data, 'y');
        g_string_append_c (data, '\n');
        n_pad++;
        g_string_append (data, tail);
        bytes = enc == 2 ? g_convert (data->str, -1, "WINDOWS-1251", "UTF-8", NULL, &len, NULL)
                         : g_strndup (data->str, data->len);
        len = enc == 2 ? len : data->len;
        {
          g_autoptr(RlWorkbook) wb = parse (bytes, len);

          s = rl_workbook_get_sheet (wb, 0);
          g_assert_cmpstr (rl_sheet_get_text (s, 1, 2), ==, "er");
          g_assert_cmpstr (rl_sheet_get_text (s, 2, 1), ==, "x");
          g_assert_cmpstr (rl_sheet_get_text (s, n_pad, 1), ==, "x");
          g_assert_true (g_str_has_prefix (rl_sheet_get_text (s, n_pad + 1, 1), "yyy"));
          g_assert_cmpstr (rl_sheet_get_text (s, n_pad + 2, 2), ==, "Тула");
          g_assert_cmpstr (rl_sheet_get_text (s, n_pad + 2, 1), ==, "q\"r\r\nz");
          g_assert_cmpstr (rl_sheet_get_text (s, n_pad + 3, 1), ==, "end");
          g_assert_cmpstr (rl_sheet_get_text (s, n_pad + 4, 1), ==, "last");
          g_assert_cmpuint (rl_sheet_n_rows (s), ==, n_pad + 4);
        }
      }
}

/* A field past RL_LIMIT_CELL_BYTES (an unclosed quote running through a
 * large file) and a record past RL_LIMIT_SHEET_COLS fields are refused with
 * the file and row, before they are held. */
static void
test_limits (void)
{
  g_autoptr(GString) data = g_string_new ("a,b\n\"open quote ");
  g_autoptr(GError) error = NULL;
  RlWorkbook *wb;

  while (data->len < RL_LIMIT_CELL_BYTES + 100)
    g_string_append (data, "text, more text\n");
  wb = rl_csv_parse ("big.csv", data->str, data->len, NULL, &error);
  g_assert_null (wb);
  g_assert_error (error, RL_ERROR, RL_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "big.csv: row 2, field 1 holds more than"));
  g_assert_nonnull (strstr (error->message, "RL_LIMIT_CELL_BYTES"));
  g_clear_error (&error);

  g_string_assign (data, "a\n");
  for (guint i = 0; i <= RL_LIMIT_SHEET_COLS; i++)
    g_string_append (data, "1,");
  wb = rl_csv_parse ("wide.csv", data->str, data->len, NULL, &error);
  g_assert_null (wb);
  g_assert_error (error, RL_ERROR, RL_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "wide.csv: row 2 has more than 16384 fields"));
}

/* The record reader itself: fields, rows, blank records. */
static void
test_reader (void)
{
  static const char data[] = "a;\"b;c\"\n\n  ;\t\nd";
  g_autoptr(GError) error = NULL;
  g_autoptr(RlCsvReader) r = rl_csv_reader_new_data ("r.csv", data, sizeof data - 1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (rl_csv_reader_delimiter (r), ==, ';');
  g_assert_cmpstr (rl_csv_reader_encoding (r), ==, "UTF-8");
  g_assert_true (rl_csv_reader_next (r, &error));
  g_assert_cmpuint (rl_csv_reader_row (r), ==, 1);
  g_assert_cmpuint (rl_csv_reader_n_fields (r), ==, 2);
  g_assert_cmpstr (rl_csv_reader_field (r, 1), ==, "b;c");
  g_assert_cmpuint (rl_csv_reader_field_len (r, 1), ==, 3);
  g_assert_cmpstr (rl_csv_reader_field (r, 2), ==, "");
  g_assert_false (rl_csv_reader_is_blank (r));
  g_assert_true (rl_csv_reader_next (r, &error));
  g_assert_cmpuint (rl_csv_reader_n_fields (r), ==, 1);
  g_assert_true (rl_csv_reader_is_blank (r));
  g_assert_true (rl_csv_reader_next (r, &error));
  g_assert_true (rl_csv_reader_is_blank (r));
  g_assert_true (rl_csv_reader_next (r, &error));
  g_assert_cmpuint (rl_csv_reader_row (r), ==, 4);
  g_assert_cmpstr (rl_csv_reader_field (r, 0), ==, "d");
  g_assert_false (rl_csv_reader_next (r, &error));
  g_assert_no_error (error);
  g_assert_false (rl_csv_reader_saw_nothing (r));
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
  g_test_add_func ("/csv/empty-files", test_empty_files);
  g_test_add_func ("/csv/chunk-boundaries", test_chunk_boundaries);
  g_test_add_func ("/csv/limits", test_limits);
  g_test_add_func ("/csv/reader", test_reader);
  return g_test_run ();
}
