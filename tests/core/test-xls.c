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
         GByteArray *b,
         guint      *boundsheet_pos)
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
  *boundsheet_pos = s->len + 4;
  put32 (b, 0); put_bytes (b, "\0\0\5\1", 4); /* visible worksheet; 5 UTF-16 characters */
  put_utf16 (b, "Лист1");
  record (s, 0x0085, b);
}

/* The shared strings: s0 "", s1 "Регион", s2 "ab" (rich), s3 "ph" (phonetic),
 * s4 "ABCDEFGHIJ" (compressed, then UTF-16 after a CONTINUE), s5 "  Отступ"
 * (at the start of a CONTINUE), s6 "xyz" (characters in the next CONTINUE). */
static void
shared_strings (GByteArray *s,
                GByteArray *b)
{
  put32 (b, 7); put32 (b, 7);
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
  record (s, 0x003C, b);
  record (s, 0x000A, b);
}

static void
sheet_cells (GByteArray *s,
             GByteArray *b)
{
  static const guint sst_cells[][3] = { { 0, 0, 1 }, { 0, 1, 0 }, { 1, 0, 2 }, { 2, 0, 3 },
                                        { 3, 0, 4 }, { 4, 0, 5 }, { 5, 0, 6 } };

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
  record (s, 0x000A, b);
}

static GByteArray *
build_stream (void)
{
  GByteArray *s = g_byte_array_new ();
  g_autoptr(GByteArray) b = g_byte_array_new ();
  guint boundsheet_pos, offset;

  globals (s, b, &boundsheet_pos);
  shared_strings (s, b);
  offset = s->len;
  for (guint i = 0; i < 4; i++)
    s->data[boundsheet_pos + i] = (offset >> (8 * i)) & 0xFF;
  sheet_cells (s, b);
  return s;
}

static void
write_ole (const char   *path,
           const guint8 *data,
           gsize         len)
{
  g_autoptr(GError) error = NULL;
  GsfOutput *out = gsf_output_stdio_new (path, &error);
  GsfOutfile *ole;
  GsfOutput *stream;

  g_assert_no_error (error);
  ole = gsf_outfile_msole_new (out);
  stream = gsf_outfile_new_child (ole, "Workbook", FALSE);
  g_assert_true (gsf_output_write (stream, len, data));
  gsf_output_close (stream);
  gsf_output_close (GSF_OUTPUT (ole));
  g_object_unref (stream);
  g_object_unref (ole);
  g_object_unref (out);
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

      if (big)
        g_byte_array_set_size (s, 3 * 4096); /* zeros after the last EOF are never read */
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/xls/records", test_records);
  g_test_add_func ("/xls/truncated-stream", test_truncated_stream);
  g_test_add_func ("/xls/damaged-container", test_damaged_container);
  return g_test_run ();
}
