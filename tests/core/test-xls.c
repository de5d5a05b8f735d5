/* test-xls.c — the XLS reader on a BIFF8 workbook built record by record
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbook is written here with libgsf's OLE2 writer so that every
 * record the reader handles appears in a known form, including the shared
 * string table's hard cases: a zero-length string, rich text runs, phonetic
 * data, a string whose characters switch from compressed to UTF-16 in a
 * CONTINUE record, one starting at a CONTINUE and one whose characters (but
 * not its header) move to the next CONTINUE. The Rosstat .xls files are
 * compared with xlrd in test-grid.c.
 */
#include "rl-error.h"
#include "rl-xls.h"
#include "rl-test.h"

#include <glib/gstdio.h>
#include <gsf/gsf.h>
#include <stdlib.h>
#include <string.h>

static void
put16 (GByteArray *b,
       guint       v)
{
  guint8 x[2] = { v & 0xFF, (v >> 8) & 0xFF };

  g_byte_array_append (b, x, 2);
}

static void
put32 (GByteArray *b,
       guint32     v)
{
  put16 (b, v & 0xFFFF);
  put16 (b, v >> 16);
}

static void
put_double (GByteArray *b,
            double      v)
{
  guint64 bits;

  memcpy (&bits, &v, sizeof bits);
  put32 (b, bits & 0xFFFFFFFFu);
  put32 (b, bits >> 32);
}

static void
put_bytes (GByteArray *b,
           const char *s,
           gsize       n)
{
  g_byte_array_append (b, (const guint8 *) s, n);
}

/* Appends a record whose body is body. */
static void
record (GByteArray *out,
        guint       id,
        GByteArray *body)
{
  put16 (out, id);
  put16 (out, body->len);
  g_byte_array_append (out, body->data, body->len);
  g_byte_array_set_size (body, 0);
}

/* Appends a UTF-16LE copy of an UTF-8 string. */
static void
put_utf16 (GByteArray *b,
           const char *s)
{
  g_autofree gunichar2 *u = g_utf8_to_utf16 (s, -1, NULL, NULL, NULL);

  for (guint i = 0; u[i] != 0; i++)
    put16 (b, u[i]);
}

static void
put_cell (GByteArray *b,
          guint       row,
          guint       col,
          guint       xf)
{
  put16 (b, row);
  put16 (b, col);
  put16 (b, xf);
}

static void
globals (GByteArray *s,
         GByteArray *b)
{
  static const guint xf_formats[] = { 0, 164, 14, 10 };

  put16 (b, 0x0600); put16 (b, 0x0005); put32 (b, 0); put32 (b, 0); put32 (b, 0);
  record (s, 0x0809, b);
  put16 (b, 1200);
  record (s, 0x0042, b);
  put16 (b, 164); put16 (b, 3); g_byte_array_append (b, (const guint8 *) "\0000.0", 4);
  record (s, 0x041E, b);
  for (guint i = 0; i < G_N_ELEMENTS (xf_formats); i++)
    {
      put16 (b, 0); put16 (b, xf_formats[i]); put32 (b, 0); put32 (b, 0); put32 (b, 0);
      put32 (b, 0); put16 (b, 0);
      record (s, 0x00E0, b);
    }
  put32 (b, 0); put_bytes (b, "\0\0\5\1", 4); /* visible worksheet; 5 UTF-16 characters */
  put_utf16 (b, "Лист1");
  record (s, 0x0085, b);
}

/* The shared strings: s0 "", s1 "Регион", s2 "ab" (rich), s3 "ph" (phonetic),
 * s4 "ABCDEFGHIJ" (compressed, then UTF-16 after a CONTINUE), s5 "  Отступ"
 * (at the start of a CONTINUE), s6 "xyz" (characters in the next CONTINUE),
 * s7 "ЖЖxy" (UTF-16, then compressed after a CONTINUE). */
static void
shared_strings (GByteArray *s,
                GByteArray *b)
{
  put32 (b, 8); put32 (b, 8);
  put16 (b, 0); put_bytes (b, "\0", 1);
  put16 (b, 6); put_bytes (b, "\1", 1); put_utf16 (b, "Регион");
  put16 (b, 2); put_bytes (b, "\x08", 1); put16 (b, 1); put_bytes (b, "ab", 2); put32 (b, 0);
  put16 (b, 2); put_bytes (b, "\x04", 1); put32 (b, 3); put_bytes (b, "ph", 2);
  put_bytes (b, "\1\2\3", 3);
  put16 (b, 10); put_bytes (b, "\0", 1); put_bytes (b, "ABCD", 4);
  record (s, 0x00FC, b);
  put_bytes (b, "\1", 1); put_utf16 (b, "EFGHIJ");
  record (s, 0x003C, b);
  put16 (b, 8); put_bytes (b, "\1", 1); put_utf16 (b, "  Отступ");
  put16 (b, 3); put_bytes (b, "\1", 1);
  record (s, 0x003C, b);
  put_bytes (b, "\0xyz", 4);
  put16 (b, 4); put_bytes (b, "\1", 1); put_utf16 (b, "ЖЖ");
  record (s, 0x003C, b);
  put_bytes (b, "\0xy", 3);
  record (s, 0x003C, b);
  record (s, 0x000A, b);
}

static void
sheet_cells (GByteArray       *s,
             GByteArray       *b,
             const GByteArray *extra)
{
  static const guint sst_cells[][3] = { { 0, 0, 1 }, { 0, 1, 0 }, { 1, 0, 2 }, { 2, 0, 3 },
                                        { 3, 0, 4 }, { 4, 0, 5 }, { 5, 0, 6 }, { 7, 0, 7 } };

  put16 (b, 0x0600); put16 (b, 0x0010); put32 (b, 0); put32 (b, 0); put32 (b, 0);
  record (s, 0x0809, b);
  for (guint i = 0; i < G_N_ELEMENTS (sst_cells); i++)
    {
      put_cell (b, sst_cells[i][0], sst_cells[i][1], 0); put32 (b, sst_cells[i][2]);
      record (s, 0x00FD, b);
    }
  put_cell (b, 1, 1, 1); put_double (b, 15.84); record (s, 0x0203, b);
  put_cell (b, 1, 2, 0); put32 (b, (2015u << 2) | 2); record (s, 0x027E, b);
  put_cell (b, 1, 3, 0); put32 (b, (1234u << 2) | 3); record (s, 0x027E, b);
  put16 (b, 2); put16 (b, 1); put16 (b, 0); put32 (b, (7u << 2) | 2);
  put16 (b, 3); put32 (b, 0x3FD00000u); put16 (b, 2); record (s, 0x00BD, b);
  put_cell (b, 3, 1, 0); put_bytes (b, "\0\0\0\0\0\0\xFF\xFF", 8); put16 (b, 0); put32 (b, 0);
  put16 (b, 0); record (s, 0x0006, b);
  put32 (b, 0); put16 (b, 0); record (s, 0x04BC, b); /* a shared formula between */
  put16 (b, 4); put_bytes (b, "\0calc", 5); record (s, 0x0207, b);
  put_cell (b, 3, 2, 0); put_double (b, 3.5); put16 (b, 0); put32 (b, 0); put16 (b, 0);
  record (s, 0x0006, b);
  put_cell (b, 3, 3, 0); put_bytes (b, "\1\0\1\0\0\0\xFF\xFF", 8); put16 (b, 0); put32 (b, 0);
  put16 (b, 0); record (s, 0x0006, b);
  put_cell (b, 4, 1, 0); put_bytes (b, "\0\0", 2); record (s, 0x0205, b);
  put_cell (b, 4, 2, 0); put_bytes (b, "\x07\1", 2); record (s, 0x0205, b);
  put_cell (b, 5, 1, 2); put_double (b, 43831); record (s, 0x0203, b);
  put_cell (b, 6, 0, 0); put16 (b, 5); put_bytes (b, "\0label", 6); record (s, 0x0204, b);
  put16 (b, 1); put16 (b, 6); put16 (b, 7); put16 (b, 1); put16 (b, 3); record (s, 0x00E5, b);
  if (extra != NULL)
    g_byte_array_append (s, extra->data, extra->len);
  record (s, 0x000A, b);
}

/* The workbook stream with extra records at the end of the globals (where
 * a BOUNDSHEET with offset 0 is given the sheet's offset) and of the sheet. */
static GByteArray *
build_stream_with (const GByteArray *globals_extra,
                   const GByteArray *sheet_extra)
{
  GByteArray *s = g_byte_array_new ();
  g_autoptr(GByteArray) b = g_byte_array_new ();
  guint offset;

  globals (s, b);
  if (globals_extra != NULL)
    g_byte_array_append (s, globals_extra->data, globals_extra->len);
  shared_strings (s, b);
  offset = s->len;
  for (gsize pos = 0; pos + 4 <= offset; pos += 4 + (s->data[pos + 2] | (s->data[pos + 3] << 8)))
    if ((s->data[pos] | (s->data[pos + 1] << 8)) == 0x0085
        && memcmp (s->data + pos + 4, "\0\0\0\0", 4) == 0)
      for (guint i = 0; i < 4; i++)
        s->data[pos + 4 + i] = (offset >> (8 * i)) & 0xFF;
  sheet_cells (s, b, sheet_extra);
  return s;
}

static GByteArray *
build_stream (void)
{
  return build_stream_with (NULL, NULL);
}

/* Writes data as the Workbook stream of an OLE2 file with sectors of
 * sector bytes. */
static void
write_ole_sectors (const char   *path,
                   const guint8 *data,
                   gsize         len,
                   guint         sector)
{
  g_autoptr(GError) error = NULL;
  GsfOutput *out = gsf_output_stdio_new (path, &error);
  GsfOutfile *ole;
  GsfOutput *stream;

  g_assert_no_error (error);
  ole = gsf_outfile_msole_new_full (out, sector, 64);
  stream = gsf_outfile_new_child (ole, "Workbook", FALSE);
  g_assert_true (gsf_output_write (stream, len, data));
  gsf_output_close (stream);
  gsf_output_close (GSF_OUTPUT (ole));
  g_object_unref (stream);
  g_object_unref (ole);
  g_object_unref (out);
}

static void
write_ole (const char   *path,
           const guint8 *data,
           gsize         len)
{
  write_ole_sectors (path, data, len, 512);
}

static char *
write_workbook (const char *dir,
                gsize       cut)
{
  g_autoptr(GByteArray) s = build_stream ();
  char *path = g_build_filename (dir, "built.xls", NULL);

  write_ole (path, s->data, MIN (cut, s->len));
  return path;
}

static void
test_records (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rl-xls-XXXXXX", NULL);
  g_autofree char *path = write_workbook (dir, G_MAXSIZE);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = rl_xls_read (path, &error);
  static const struct { guint row, col; const char *text; } texts[] = {
    { 1, 1, "Регион" }, { 2, 1, "ab" }, { 3, 1, "ph" }, { 4, 1, "ABCDEFGHIJ" },
    { 5, 1, "  Отступ" }, { 6, 1, "xyz" }, { 2, 2, "15.8" }, { 2, 3, "2015" }, { 2, 4, "12.34" },
    { 3, 2, "7" }, { 3, 3, "25.00%" }, { 4, 2, "calc" }, { 4, 3, "3.5" }, { 4, 4, "TRUE" },
    { 5, 2, "FALSE" }, { 5, 3, "#DIV/0!" }, { 6, 2, "2020-01-01" }, { 7, 1, "label" },
    { 8, 1, "ЖЖxy" },
  };
  RlSheet *sheet;
  const RlMerge *m;
  guint n;
  double v;

  g_assert_no_error (error);
  g_assert_cmpuint (rl_workbook_n_sheets (wb), ==, 1);
  sheet = rl_workbook_get_sheet (wb, 0);
  g_assert_cmpstr (rl_sheet_get_name (sheet), ==, "Лист1");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_strcmp0 (rl_sheet_get_text (sheet, texts[i].row, texts[i].col), texts[i].text) != 0)
      g_error ("R%uC%u: “%s”, expected “%s”", texts[i].row, texts[i].col,
               rl_sheet_get_text (sheet, texts[i].row, texts[i].col), texts[i].text);
  g_assert_null (rl_sheet_get_text (sheet, 1, 2)); /* the zero-length shared string */
  g_assert_cmpuint (rl_sheet_n_cells (sheet), ==, G_N_ELEMENTS (texts));
  g_assert_true (rl_sheet_get_number (sheet, 2, 2, &v));
  g_assert_cmpfloat (v, ==, 15.84);
  g_assert_true (rl_sheet_get_number (sheet, 2, 4, &v));
  g_assert_cmpfloat (v, ==, 12.34);
  g_assert_true (rl_sheet_get_number (sheet, 3, 3, &v));
  g_assert_cmpfloat (v, ==, 0.25);
  g_assert_true (rl_sheet_get_number (sheet, 6, 2, &v));
  g_assert_cmpfloat (v, ==, 43831);
  g_assert_false (rl_sheet_get_number (sheet, 4, 2, &v));
  m = rl_sheet_get_merges (sheet, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (m[0].first_row, ==, 7);
  g_assert_cmpuint (m[0].first_col, ==, 2);
  g_assert_cmpuint (m[0].last_row, ==, 8);
  g_assert_cmpuint (m[0].last_col, ==, 4);
  g_unlink (path);
  g_rmdir (dir);
}

/* The workbook stream cut at every length: an error naming the file (or,
 * cut after the last sheet's EOF, the whole workbook), never a crash. */
static void
test_truncated_stream (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rl-xls-XXXXXX", NULL);
  g_autoptr(GByteArray) s = build_stream ();
  guint n_ok = 0;

  for (gsize cut = 0; cut <= s->len; cut++)
    {
      g_autofree char *path = write_workbook (dir, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(RlWorkbook) wb = rl_xls_read (path, &error);

      if (wb != NULL)
        n_ok++;
      else
        {
          g_assert_true (error->domain == RL_ERROR);
          g_assert_nonnull (strstr (error->message, path));
        }
      g_unlink (path);
    }
  g_assert_cmpuint (n_ok, ==, 1);
  g_rmdir (dir);
}

/* Builds the stream with build_stream_with(), writes it to a file of a new
 * folder (*path, removed again) and reads it. */
static RlWorkbook *
read_built (const GByteArray *globals_extra,
            const GByteArray *sheet_extra,
            char            **path,
            GError          **error)
{
  g_autoptr(GByteArray) s = build_stream_with (globals_extra, sheet_extra);
  g_autofree char *dir = g_dir_make_tmp ("rl-xls-XXXXXX", NULL);
  RlWorkbook *wb;

  *path = g_build_filename (dir, "built.xls", NULL);
  write_ole (*path, s->data, s->len);
  wb = rl_xls_read (*path, error);
  g_unlink (*path);
  g_rmdir (dir);
  return wb;
}

/* Appends a worksheet or chart BOF (BIFF8). */
static void
put_bof (GByteArray *out,
         guint       type)
{
  g_autoptr(GByteArray) b = g_byte_array_new ();

  put16 (b, 0x0600); put16 (b, type); put32 (b, 0); put32 (b, 0); put32 (b, 0);
  record (out, 0x0809, b);
}

static void
put_number_record (GByteArray *out,
                   guint       row,
                   guint       col,
                   double      v)
{
  g_autoptr(GByteArray) b = g_byte_array_new ();

  put_cell (b, row, col, 0); put_double (b, v);
  record (out, 0x0203, b);
}

/* A BOUNDSHEET record of the given sheet type; offset 0 is given the
 * sheet's offset by build_stream_with(). */
static void
put_boundsheet (GByteArray *out,
                guint32     offset,
                guint       type,
                const char *name)
{
  g_autoptr(GByteArray) b = g_byte_array_new ();
  guint8 head[4] = { 0, type, strlen (name), 0 }; /* visible; type; compressed name */

  put32 (b, offset); g_byte_array_append (b, head, 4); put_bytes (b, name, strlen (name));
  record (out, 0x0085, b);
}

/* Cells of the files in tests/data/readers-edge as xlrd reads them
 * (make-xls-libreoffice.py, make-xls-edge.py): a BIFF8 sheet with an
 * embedded chart written by LibreOffice, the same with the series cache
 * Excel writes into the chart substream and a cell after the chart, and
 * BIFF5 workbooks in code pages 1251 and 10029. */
static void
test_reference_files (void)
{
  static const char *const names[] = { "xls-chart.xls", "xls-chart-cache.xls",
                                        "xls-biff5-cp1251.xls", "xls-biff5-cp10029.xls" };

  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autofree char *name = g_build_filename ("readers-edge", names[f], NULL);
      g_autofree char *path = rl_test_data_path (name);
      g_autofree char *tsv = g_strconcat (path, ".tsv", NULL);
      g_autofree char *ref = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RlWorkbook) wb = rl_xls_read (path, &error);
      guint n_sheets = 0;

      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (tsv, &ref, NULL, NULL));
      lines = g_strsplit (ref, "\n", -1);
      for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
        {
          g_auto(GStrv) v = g_strsplit (lines[i], "\t", 5);
          gboolean count = strcmp (v[0], "count") == 0;
          RlSheet *sheet = rl_workbook_find_sheet (wb, count ? v[1] : v[0]);
          guint row = count ? 0 : atoi (v[1]), col = count ? 0 : atoi (v[2]);
          double x;

          if (sheet == NULL)
            g_error ("%s: no sheet “%s”", names[f], count ? v[1] : v[0]);
          if (count)
            {
              g_assert_cmpuint (rl_sheet_n_cells (sheet), ==, atoi (v[2]));
              n_sheets++;
            }
          else if (strcmp (v[3], "s") == 0
                   && g_strcmp0 (rl_sheet_get_text (sheet, row, col), v[4]) != 0)
            g_error ("%s R%uC%u: “%s”, expected “%s”", names[f], row, col,
                     rl_sheet_get_text (sheet, row, col), v[4]);
          else if (strcmp (v[3], "n") == 0 && (!rl_sheet_get_number (sheet, row, col, &x)
                                               || x != g_ascii_strtod (v[4], NULL)))
            g_error ("%s R%uC%u: “%s”, expected the number %s", names[f], row, col,
                     rl_sheet_get_text (sheet, row, col), v[4]);
        }
      g_assert_cmpuint (rl_workbook_n_sheets (wb), ==, n_sheets);
    }
}

/* Substreams nested in a worksheet (a chart holding its series cache as
 * NUMBER and LABELSST records, a macro sheet inside it, a VB module) are
 * skipped to their own EOF; the sheet's records after them are read. */
static void
test_nested_substreams (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GByteArray) extra = g_byte_array_new ();
  g_autoptr(GByteArray) b = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = NULL;
  RlSheet *sheet;

  put_bof (extra, 0x0020);
  put_number_record (extra, 0, 0, 1000);
  put_bof (extra, 0x0040);
  put_cell (b, 1, 0, 0); put32 (b, 1); record (extra, 0x00FD, b);
  record (extra, 0x000A, b);
  put_number_record (extra, 0, 1, 2000);
  record (extra, 0x000A, b);
  put_number_record (extra, 9, 0, 99);
  put_bof (extra, 0x0006);
  put_number_record (extra, 9, 1, 3000);
  record (extra, 0x000A, b);
  wb = read_built (NULL, extra, &path, &error);
  g_assert_no_error (error);
  sheet = rl_workbook_get_sheet (wb, 0);
  g_assert_cmpstr (rl_sheet_get_text (sheet, 1, 1), ==, "Регион");
  g_assert_null (rl_sheet_get_text (sheet, 1, 2));
  g_assert_cmpstr (rl_sheet_get_text (sheet, 2, 1), ==, "ab");
  g_assert_cmpstr (rl_sheet_get_text (sheet, 10, 1), ==, "99");
  g_assert_null (rl_sheet_get_text (sheet, 10, 2));
}

/* DATE1904: a serial below 1 under a date format is a time alone, the
 * others dates counted from 1904-01-01. */
static void
test_date1904 (void)
{
  g_autoptr(GByteArray) globals_extra = g_byte_array_new ();
  g_autoptr(GByteArray) extra = g_byte_array_new ();
  g_autoptr(GByteArray) b = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = NULL;
  g_autofree char *path = NULL;
  RlSheet *sheet;

  put16 (b, 1); record (globals_extra, 0x0022, b);
  put_cell (b, 9, 0, 2); put_double (b, 0.3541666666666667); record (extra, 0x0203, b);
  put_cell (b, 9, 1, 2); put_double (b, 1.5); record (extra, 0x0203, b);
  wb = read_built (globals_extra, extra, &path, &error);
  g_assert_no_error (error);
  sheet = rl_workbook_get_sheet (wb, 0);
  g_assert_cmpstr (rl_sheet_get_text (sheet, 10, 1), ==, "08:30:00");
  g_assert_cmpstr (rl_sheet_get_text (sheet, 10, 2), ==, "1904-01-02 12:00:00");
  g_assert_cmpstr (rl_sheet_get_text (sheet, 6, 2), ==, "2024-01-02");
}

/* Many BOUNDSHEET records at the same offset (a 636 KB file of them once
 * grew past 5 GB, every sheet read again): a sheet starting inside another
 * one's substream or inside the globals is refused, a chart or macro sheet
 * as well as a worksheet, and past RL_LIMIT_SHEETS sheets of any kind the
 * workbook is. */
static void
test_sheet_offsets (void)
{
  static const struct { guint n; guint32 offset; guint type; const char *want; } cases[] = {
    { 1000, 0, 0, "starts at byte" },
    { 1, 10, 0, "inside the workbook globals" },
    { 1, 10, 2, "sheet “S0” starts at byte 10, inside the workbook globals" },
    { 1, 0, 1, "sheet “S0” starts at byte" }, /* at the worksheet's offset */
    { 1, 0, 2, "inside sheet “Лист1”" },
    { 1, 0x7FFFFFF0u, 2, "sheet “S0” starts beyond the end of the stream" },
    { RL_LIMIT_SHEETS, 0, 2, "RL_LIMIT_SHEETS" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GByteArray) extra = g_byte_array_new ();
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RlWorkbook) wb = NULL;

      for (guint i = 0; i < cases[c].n; i++)
        {
          g_autofree char *name = g_strdup_printf ("S%u", i);

          put_boundsheet (extra, cases[c].offset, cases[c].type, name);
        }
      wb = read_built (extra, NULL, &path, &error);
      g_assert_null (wb);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, path));
      if (strstr (error->message, cases[c].want) == NULL)
        g_error ("“%s” does not say “%s”", error->message, cases[c].want);
    }
}

/* Malformed records of the sheet, each given as the extra sheet records of
 * build_stream_with(): an error naming the file, the sheet and (where
 * there is one) the cell, never a GLib critical. */
typedef struct
{
  const char *want;
  void      (*put) (GByteArray *out, GByteArray *b);
} XlsBadRecord;

static void
bad_column (GByteArray *out, GByteArray *b)
{
  put_cell (b, 0, 300, 0); put32 (b, 1); record (out, 0x00FD, b);
}

static void
bad_grid_column (GByteArray *out, GByteArray *b)
{
  put_cell (b, 4, 20000, 0); put32 (b, (5u << 2) | 2); record (out, 0x027E, b);
}

static void
bad_number_column (GByteArray *out, GByteArray *b)
{
  put_number_record (out, 65535, 256, 1);
  (void) b;
}

static void
bad_mulrk_order (GByteArray *out, GByteArray *b)
{
  put16 (b, 2); put16 (b, 5); put16 (b, 0); put32 (b, 2); put16 (b, 0); put32 (b, 2);
  put16 (b, 3); record (out, 0x00BD, b);
}

static void
bad_mulrk_count (GByteArray *out, GByteArray *b)
{
  put16 (b, 2); put16 (b, 5); put16 (b, 0); put32 (b, 2); put16 (b, 0); put32 (b, 2);
  put16 (b, 9); record (out, 0x00BD, b);
}

static void
bad_mulrk_past_iv (GByteArray *out, GByteArray *b)
{
  put16 (b, 2); put16 (b, 250);
  for (guint i = 0; i < 10; i++)
    {
      put16 (b, 0); put32 (b, 2);
    }
  put16 (b, 259); record (out, 0x00BD, b);
}

static void
bad_mulblank_order (GByteArray *out, GByteArray *b)
{
  put16 (b, 3); put16 (b, 7); put16 (b, 0); put16 (b, 0); put16 (b, 4); record (out, 0x00BE, b);
}

static void
bad_merge_count (GByteArray *out, GByteArray *b)
{
  put16 (b, 5); put16 (b, 0); put16 (b, 1); put16 (b, 0); put16 (b, 1); record (out, 0x00E5, b);
}

static void
bad_label_length (GByteArray *out, GByteArray *b)
{
  put_cell (b, 8, 2, 0); put16 (b, 40); put_bytes (b, "\0short", 6); record (out, 0x0204, b);
}

static void
bad_string_length (GByteArray *out, GByteArray *b)
{
  put_cell (b, 8, 3, 0); put_bytes (b, "\0\0\0\0\0\0\xFF\xFF", 8); put16 (b, 0); put32 (b, 0);
  put16 (b, 0); record (out, 0x0006, b);
  put16 (b, 9); put_bytes (b, "\0abc", 4); record (out, 0x0207, b);
}

static void
bad_short_number (GByteArray *out, GByteArray *b)
{
  put_cell (b, 8, 4, 0); put32 (b, 0); record (out, 0x0203, b);
}

static void
bad_sst_index (GByteArray *out, GByteArray *b)
{
  put_cell (b, 8, 5, 0); put32 (b, 5000); record (out, 0x00FD, b);
}

/* A LABEL of 65,535 CJK characters (196,605 bytes of UTF-8) across CONTINUE
 * records. */
static void
bad_long_label (GByteArray *out, GByteArray *b)
{
  guint left = 65535;

  put_cell (b, 8, 6, 0); put16 (b, left); put_bytes (b, "\1", 1);
  for (guint id = 0x0204; left > 0; id = 0x003C)
    {
      guint k = MIN (left, 4000);

      if (id == 0x003C)
        put_bytes (b, "\1", 1);
      for (guint i = 0; i < k; i++)
        put16 (b, 0x4E00);
      record (out, id, b);
      left -= k;
    }
}

static void
test_malformed_records (void)
{
  static const XlsBadRecord cases[] = {
    { "cell KO1:", bad_column },
    { "cell ACOG5:", bad_grid_column },
    { "cell IW65536:", bad_number_column },
    { "cell F3: the workbook is damaged: the last column (4) comes before the first (6)",
      bad_mulrk_order },
    { "cell F3: the workbook is damaged: the record holds 2 values for columns 6 to 10",
      bad_mulrk_count },
    { "cell IW3:", bad_mulrk_past_iv },
    { "cell H4: the workbook is damaged: the last column", bad_mulblank_order },
    { "“Лист1”: the workbook is damaged: a merged-cells record declares 5 ranges",
      bad_merge_count },
    { "cell C9: the workbook is damaged: a text runs past", bad_label_length },
    { "cell D9: the workbook is damaged: a text runs past", bad_string_length },
    { "“Лист1”: the workbook is damaged: a cell record is too short", bad_short_number },
    { "cell F9: the workbook is damaged: the cell refers to shared string 5000", bad_sst_index },
    { "cell G9: the workbook is damaged: a text is longer than 131068 bytes (RL_LIMIT_CELL_BYTES)",
      bad_long_label },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GByteArray) extra = g_byte_array_new ();
      g_autoptr(GByteArray) b = g_byte_array_new ();
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RlWorkbook) wb = NULL;
      g_autofree char *where = NULL;

      cases[c].put (extra, b);
      wb = read_built (NULL, extra, &path, &error);
      g_assert_null (wb);
      g_assert_nonnull (error);
      g_assert_true (error->domain == RL_ERROR);
      where = g_strdup_printf ("%s, sheet “Лист1”", path);
      if (!g_str_has_prefix (error->message, where)
          || strstr (error->message, cases[c].want) == NULL)
        g_error ("case %u: “%s” does not say “%s”", c, error->message, cases[c].want);
    }
}

/* BIFF8 strings of cells that go on into CONTINUE records: a LABEL from
 * UTF-16 to compressed characters and a formula's STRING the other way. */
static void
test_continued_cell_strings (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GByteArray) extra = g_byte_array_new ();
  g_autoptr(GByteArray) b = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = NULL;
  RlSheet *sheet;

  put_cell (b, 10, 0, 0); put16 (b, 7); put_bytes (b, "\1", 1); put_utf16 (b, "Обл");
  record (extra, 0x0204, b);
  put_bytes (b, "\0asti", 5); record (extra, 0x003C, b);
  put_cell (b, 10, 1, 0); put_bytes (b, "\0\0\0\0\0\0\xFF\xFF", 8); put16 (b, 0); put32 (b, 0);
  put16 (b, 0); record (extra, 0x0006, b);
  put16 (b, 5); put_bytes (b, "\0ab", 3); record (extra, 0x0207, b);
  put_bytes (b, "\1", 1); put_utf16 (b, "вгд"); record (extra, 0x003C, b);
  wb = read_built (NULL, extra, &path, &error);
  g_assert_no_error (error);
  sheet = rl_workbook_get_sheet (wb, 0);
  g_assert_cmpstr (rl_sheet_get_text (sheet, 11, 1), ==, "Облasti");
  g_assert_cmpstr (rl_sheet_get_text (sheet, 11, 2), ==, "abвгд");
}

/* Expects reading path to fail with an RL_ERROR naming the file (and, when
 * given, holding want), with no GLib warning or critical on the way (the
 * test program makes them fatal). */
static void
assert_refused (const char *path,
                const char *want)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = rl_xls_read (path, &error);

  g_assert_null (wb);
  g_assert_nonnull (error);
  g_assert_true (error->domain == RL_ERROR);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("%s", error->message);
  if (want != NULL && strstr (error->message, want) == NULL)
    g_error ("“%s” does not say “%s”", error->message, want);
}

/* The parts of a written OLE2 file a damage is made to. */
typedef struct
{
  guint8 *data;
  gsize   len;
  gsize   sector;   /* bytes */
  gsize   workbook; /* file offset of the Workbook directory entry */
  guint   wb_id;    /* its index in the directory */
} OleImage;

static guint32
get32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static void
set32 (guint8 *p,
       guint32 v)
{
  for (guint i = 0; i < 4; i++)
    p[i] = (v >> (8 * i)) & 0xFF;
}

/* Reads an OLE2 file written by write_ole() (one directory sector). */
static void
ole_image_load (const char *path,
                OleImage   *img)
{
  static const guint8 name[] = { 'W', 0, 'o', 0, 'r', 0, 'k', 0, 'b', 0 };
  gsize dir;

  g_assert_true (g_file_get_contents (path, (char **) &img->data, &img->len, NULL));
  img->sector = (gsize) 1 << (img->data[0x1E] | (img->data[0x1F] << 8));
  dir = 512 + get32 (img->data + 0x30) * img->sector;
  img->workbook = 0;
  for (guint i = 0; i < img->sector / 128; i++)
    if (memcmp (img->data + dir + 128 * i, name, sizeof name) == 0)
      {
        img->workbook = dir + 128 * i;
        img->wb_id = i;
      }
  g_assert_cmpuint (img->workbook, !=, 0);
}

/* The FAT entry of sector s (the first FAT sector only). */
static guint8 *
ole_fat_entry (OleImage *img,
               guint32   s)
{
  return img->data + 512 + get32 (img->data + 0x4C) * img->sector + 4 * s;
}

typedef enum
{
  DAMAGE_DIR_SCRIBBLED,
  DAMAGE_DIR_START_PAST_END,
  DAMAGE_FAT_SECTOR_PAST_END,
  DAMAGE_FAT_COUNT,
  DAMAGE_CHAIN_PAST_END,
  DAMAGE_CHAIN_LOOP,
  DAMAGE_CHAIN_FREE,
  DAMAGE_SIZE_PAST_FILE,
  DAMAGE_SIZE_PAST_CAP,
  DAMAGE_SIBLING_LOOP,
  DAMAGE_SIBLING_PAST_END,
  DAMAGE_ENTRY_TYPE,
  DAMAGE_MINI_CHAIN,
  N_DAMAGES
} OleDamage;

/* Applies one damage; returns FALSE when it does not apply to a stream of
 * this kind (big or mini sectors). */
static gboolean
ole_damage (OleImage *img,
            OleDamage d,
            gboolean  big)
{
  guint8 *e = img->data + img->workbook;
  guint32 start = get32 (e + 0x74);

  switch (d)
    {
    case DAMAGE_DIR_SCRIBBLED:
      memset (img->data + 512 + get32 (img->data + 0x30) * img->sector, 0xAB, img->sector);
      break;
    case DAMAGE_DIR_START_PAST_END: set32 (img->data + 0x30, 0x00FFFFF0u); break;
    case DAMAGE_FAT_SECTOR_PAST_END: set32 (img->data + 0x4C, 0x00FFFFF0u); break;
    case DAMAGE_FAT_COUNT: set32 (img->data + 0x2C, 0x7FFFFFFFu); break;
    case DAMAGE_CHAIN_PAST_END:
      if (!big)
        return FALSE;
      set32 (ole_fat_entry (img, start), 0x00FFFFF0u);
      break;
    case DAMAGE_CHAIN_LOOP:
      if (!big)
        return FALSE;
      set32 (ole_fat_entry (img, start), start);
      break;
    case DAMAGE_CHAIN_FREE:
      if (!big)
        return FALSE;
      set32 (ole_fat_entry (img, start), 0xFFFFFFFFu);
      break;
    case DAMAGE_SIZE_PAST_FILE: set32 (e + 0x78, img->len + 4096); break;
    case DAMAGE_SIZE_PAST_CAP: set32 (e + 0x78, 0xFFFFFF00u); break;
    case DAMAGE_SIBLING_LOOP: set32 (e + 0x44, img->wb_id); break;
    case DAMAGE_SIBLING_PAST_END: set32 (e + 0x48, 0x0FFFFFF0u); break;
    case DAMAGE_ENTRY_TYPE: e[0x42] = 7; break;
    case DAMAGE_MINI_CHAIN:
      if (big)
        return FALSE;
      set32 (e + 0x74, 0x00FFFFF0u);
      break;
    case N_DAMAGES: default: g_assert_not_reached ();
    }
  return TRUE;
}

/* The workbook stream in the mini stream and in big sectors, of 512 and of
 * 4,096 bytes: the same cells. */
static void
test_sector_sizes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rl-xls-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sectors.xls", NULL);

  for (guint big = 0; big <= 1; big++)
    for (guint sector = 512; sector <= 4096; sector *= 8)
      {
        g_autoptr(GByteArray) s = build_stream ();
        g_autoptr(GError) error = NULL;
        g_autoptr(RlWorkbook) wb = NULL;

        if (big) /* zeros after the last EOF are never read */
          g_byte_array_append (s, memset (g_alloca (5 * 4096), 0, 5 * 4096), 5 * 4096);
        write_ole_sectors (path, s->data, s->len, sector);
        wb = rl_xls_read (path, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (rl_sheet_n_cells (rl_workbook_get_sheet (wb, 0)), ==, 19);
        g_assert_cmpstr (rl_sheet_get_text (rl_workbook_get_sheet (wb, 0), 8, 1), ==, "ЖЖxy");
      }
  g_unlink (path);
  g_rmdir (dir);
}

/* Damaged OLE2 containers, with the workbook stream in big sectors (padded
 * past the 4096-byte cutoff) and in the mini stream: each is an error naming
 * the file, never a GLib critical or warning (libgsf logs them for most of
 * these) or a crash. */
static void
test_damaged_container (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rl-xls-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ole.xls", NULL);

  for (guint big = 0; big <= 1; big++)
    {
      g_autoptr(GByteArray) s = build_stream ();
      OleImage img;

      if (big) /* zeros after the last EOF are never read */
        g_byte_array_append (s, memset (g_alloca (3 * 4096), 0, 3 * 4096), 3 * 4096);
      write_ole (path, s->data, s->len);
      ole_image_load (path, &img);
      for (OleDamage d = 0; d < N_DAMAGES; d++)
        {
          g_autofree guint8 *copy = g_memdup2 (img.data, img.len);
          OleImage damaged = img;

          damaged.data = copy;
          if (!ole_damage (&damaged, d, big))
            continue;
          g_assert_true (g_file_set_contents (path, (char *) copy, img.len, NULL));
          assert_refused (path, d == DAMAGE_SIZE_PAST_CAP ? "RL_LIMIT_OLE_STREAM" : NULL);
        }
      g_free (img.data);
    }
  g_unlink (path);
  g_rmdir (dir);
}

/* A header that counts one allocation sector more than the file has, its
 * DIFAT entry marked unused (as some writers leave it, and libgsf reads):
 * a sector of free entries, and the workbook reads. */
static void
test_unused_difat_entry (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rl-xls-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "difat.xls", NULL);
  g_autoptr(GByteArray) s = build_stream ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = NULL;
  OleImage img;

  write_ole (path, s->data, s->len);
  ole_image_load (path, &img);
  g_assert_cmpuint (get32 (img.data + 0x2C), ==, 1);
  g_assert_cmpuint (get32 (img.data + 0x50), ==, 0xFFFFFFFFu);
  set32 (img.data + 0x2C, 2);
  g_assert_true (g_file_set_contents (path, (char *) img.data, img.len, NULL));
  wb = rl_xls_read (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rl_sheet_get_text (rl_workbook_get_sheet (wb, 0), 1, 1), ==, "Регион");
  g_free (img.data);
  g_unlink (path);
  g_rmdir (dir);
}

/* Finds the SST record of a built stream and sets its count of strings. */
static void
set_sst_count (GByteArray *s,
               guint32     count)
{
  for (gsize pos = 0; pos + 4 <= s->len; pos += 4 + (s->data[pos + 2] | (s->data[pos + 3] << 8)))
    if ((s->data[pos] | (s->data[pos + 1] << 8)) == 0x00FC)
      {
        set32 (s->data + pos + 8, count);
        return;
      }
  g_assert_not_reached ();
}

/* A shared string table that declares more strings than it holds, or more
 * than RL_LIMIT_SHARED_STRINGS. */
static void
test_sst_count (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rl-xls-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sst.xls", NULL);
  static const struct { guint32 count; const char *want; } cases[] = {
    { 100, "the shared string table declares 100 strings but holds 8" },
    { 0xFFFFFFF0u, "RL_LIMIT_SHARED_STRINGS" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GByteArray) s = build_stream ();

      set_sst_count (s, cases[c].count);
      write_ole (path, s->data, s->len);
      assert_refused (path, cases[c].want);
    }
  g_unlink (path);
  g_rmdir (dir);
}

/* BIFF8 "compressed" characters are the low bytes of UTF-16, so Latin-1,
 * whatever the CODEPAGE record says (here 1251, where 0xE9 would be "й"). */
static void
test_biff8_compressed_latin1 (void)
{
  g_autoptr(GByteArray) globals_extra = g_byte_array_new ();
  g_autoptr(GByteArray) extra = g_byte_array_new ();
  g_autoptr(GByteArray) b = g_byte_array_new ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = NULL;

  put16 (b, 1251); record (globals_extra, 0x0042, b);
  put_cell (b, 12, 0, 0); put16 (b, 4); put_bytes (b, "\0caf\xE9", 5); record (extra, 0x0204, b);
  wb = read_built (globals_extra, extra, &path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rl_sheet_get_text (rl_workbook_get_sheet (wb, 0), 13, 1), ==, "café");
}

/* Appends a substream: a BOF of the given type, a NUMBER at A1, an EOF. */
static void
put_substream (GByteArray *out,
               guint       bof_type,
               double      v)
{
  g_autoptr(GByteArray) b = g_byte_array_new ();

  put_bof (out, bof_type);
  put_number_record (out, 0, 0, v);
  record (out, 0x000A, b);
}

/* The cells test_sheet_order() expects. */
static void
check_sheet_order (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = rl_xls_read (path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rl_workbook_n_sheets (wb), ==, 2);
  g_assert_cmpstr (rl_sheet_get_name (rl_workbook_get_sheet (wb, 0)), ==, "First");
  g_assert_cmpstr (rl_sheet_get_name (rl_workbook_get_sheet (wb, 1)), ==, "Second");
  g_assert_cmpstr (rl_sheet_get_text (rl_workbook_get_sheet (wb, 0), 1, 1), ==, "1");
  g_assert_cmpstr (rl_sheet_get_text (rl_workbook_get_sheet (wb, 1), 1, 1), ==, "3");
  g_assert_cmpuint (rl_sheet_n_cells (rl_workbook_get_sheet (wb, 0)), ==, 1);
  g_assert_cmpuint (rl_sheet_n_cells (rl_workbook_get_sheet (wb, 1)), ==, 1);
}

/* A workbook of three sheets whose BOUNDSHEET records come in another order
 * than their substreams: a chart sheet, whose substream comes first, between
 * the worksheets “First” (third) and “Second” (second). The sheets keep the
 * workbook's order; the chart sheet is no sheet and its number no cell.
 * A chart sheet starting inside a worksheet's substream is refused. */
static void
test_sheet_order (void)
{
  static const struct { const char *name; guint type; guint bof; guint place; } sheets[] = {
    { "First", 0, 0x0010, 2 }, { "Chart", 2, 0x0020, 0 }, { "Second", 0, 0x0010, 1 },
  };

  for (guint inside = 0; inside <= 1; inside++)
    {
      g_autoptr(GByteArray) s = g_byte_array_new ();
      g_autoptr(GByteArray) b = g_byte_array_new ();
      g_autofree char *dir = g_dir_make_tmp ("rl-xls-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "order.xls", NULL);
      guint offsets[3], at[3];

      put_bof (s, 0x0005);
      for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
        {
          at[i] = s->len + 4;
          put_boundsheet (s, 0, sheets[i].type, sheets[i].name);
        }
      record (s, 0x000A, b);
      for (guint place = 0; place < G_N_ELEMENTS (sheets); place++)
        for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
          if (sheets[i].place == place)
            {
              offsets[i] = s->len;
              put_substream (s, sheets[i].bof, 1 + i);
            }
      if (inside) /* the chart at the NUMBER record after the BOF of “Second” */
        offsets[1] = offsets[2] + 20;
      for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
        set32 (s->data + at[i], offsets[i]);
      write_ole (path, s->data, s->len);
      if (inside)
        assert_refused (path, "inside sheet “Second”");
      else
        check_sheet_order (path);
      g_unlink (path);
      g_rmdir (dir);
    }
}

/* A BIFF5 workbook in code page 1251 with one worksheet, "Лист", holding
 * the records cells. */
static GByteArray *
build_biff5 (const GByteArray *cells)
{
  GByteArray *s = g_byte_array_new ();
  g_autoptr(GByteArray) b = g_byte_array_new ();
  guint boundsheet;

  put16 (b, 0x0500); put16 (b, 0x0005); put32 (b, 0); record (s, 0x0809, b);
  put16 (b, 1251); record (s, 0x0042, b);
  boundsheet = s->len + 4;
  put32 (b, 0); put_bytes (b, "\0\0\4\xCB\xE8\xF1\xF2", 7); record (s, 0x0085, b); /* Лист */
  record (s, 0x000A, b);
  set32 (s->data + boundsheet, s->len);
  put16 (b, 0x0500); put16 (b, 0x0010); put32 (b, 0); record (s, 0x0809, b);
  g_byte_array_append (s, cells->data, cells->len);
  record (s, 0x000A, b);
  return s;
}

/* Writes build_biff5 (cells) to a file of a new folder (removed again) and
 * reads it. */
static RlWorkbook *
read_biff5 (const GByteArray *cells,
            GError          **error)
{
  g_autoptr(GByteArray) s = build_biff5 (cells);
  g_autofree char *dir = g_dir_make_tmp ("rl-xls-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "biff5.xls", NULL);
  RlWorkbook *wb;

  write_ole (path, s->data, s->len);
  wb = rl_xls_read (path, error);
  g_unlink (path);
  g_rmdir (dir);
  return wb;
}

/* A LABEL holding a byte code page 1251 leaves undefined (0x98): the other
 * characters keep their code page, the undefined one becomes U+FFFD. */
static void
test_biff5_undefined_byte (void)
{
  g_autoptr(GByteArray) cells = g_byte_array_new ();
  g_autoptr(GByteArray) b = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = NULL;

  put_cell (b, 0, 0, 0); put16 (b, 4); put_bytes (b, "\xCC\xEE\x98\xF1", 4); /* Мо?с */
  record (cells, 0x0204, b);
  wb = read_biff5 (cells, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rl_sheet_get_name (rl_workbook_get_sheet (wb, 0)), ==, "Лист");
  g_assert_cmpstr (rl_sheet_get_text (rl_workbook_get_sheet (wb, 0), 1, 1), ==, "Мо\uFFFDс");
}

/* BIFF5 byte strings longer than their record go on into CONTINUE records
 * with no flags byte (as Gnumeric writes a LABEL of more than 8,224 bytes):
 * a LABEL over three records, a formula's STRING over two, an RSTRING over
 * two with its formatting runs after the text. */
static void
test_biff5_continued_strings (void)
{
  g_autoptr(GByteArray) cells = g_byte_array_new ();
  g_autoptr(GByteArray) b = g_byte_array_new ();
  g_autoptr(GString) want = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = NULL;
  RlSheet *sheet;

  put_cell (b, 0, 0, 0); put16 (b, 9000);
  for (guint id = 0x0204, left = 9000; left > 0; id = 0x003C)
    {
      guint k = MIN (left, 4000);

      for (guint i = 0; i < k; i++)
        put_bytes (b, "\xC4", 1); /* Д */
      record (cells, id, b);
      left -= k;
    }
  put_cell (b, 1, 0, 0); put_bytes (b, "\0\0\0\0\0\0\xFF\xFF", 8); put16 (b, 0); put32 (b, 0);
  put16 (b, 0); record (cells, 0x0006, b);
  put16 (b, 6); put_bytes (b, "\xE0\xE1", 2); record (cells, 0x0207, b); /* аб */
  put_bytes (b, "\xE2\xE3\xE4\xE5", 4); record (cells, 0x003C, b); /* вгде */
  put_cell (b, 2, 0, 0); put16 (b, 5); put_bytes (b, "rich", 4); record (cells, 0x00D6, b);
  put_bytes (b, "!\1\0\0", 4); record (cells, 0x003C, b); /* one run: character 0, font 0 */
  wb = read_biff5 (cells, &error);
  g_assert_no_error (error);
  sheet = rl_workbook_get_sheet (wb, 0);
  for (guint i = 0; i < 9000; i++)
    g_string_append (want, "Д");
  g_assert_cmpstr (rl_sheet_get_text (sheet, 1, 1), ==, want->str);
  g_assert_cmpstr (rl_sheet_get_text (sheet, 2, 1), ==, "абвгде");
  g_assert_cmpstr (rl_sheet_get_text (sheet, 3, 1), ==, "rich!");
  g_assert_cmpuint (rl_sheet_n_cells (sheet), ==, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/xls/records", test_records);
  g_test_add_func ("/xls/date1904", test_date1904);
  g_test_add_func ("/xls/truncated-stream", test_truncated_stream);
  g_test_add_func ("/xls/sector-sizes", test_sector_sizes);
  g_test_add_func ("/xls/damaged-container", test_damaged_container);
  g_test_add_func ("/xls/unused-difat-entry", test_unused_difat_entry);
  g_test_add_func ("/xls/reference-files", test_reference_files);
  g_test_add_func ("/xls/nested-substreams", test_nested_substreams);
  g_test_add_func ("/xls/sheet-offsets", test_sheet_offsets);
  g_test_add_func ("/xls/sheet-order", test_sheet_order);
  g_test_add_func ("/xls/malformed-records", test_malformed_records);
  g_test_add_func ("/xls/sst-count", test_sst_count);
  g_test_add_func ("/xls/continued-cell-strings", test_continued_cell_strings);
  g_test_add_func ("/xls/biff5-undefined-byte", test_biff5_undefined_byte);
  g_test_add_func ("/xls/biff5-continued-strings", test_biff5_continued_strings);
  g_test_add_func ("/xls/biff8-compressed-latin1", test_biff8_compressed_latin1);
  return g_test_run ();
}
