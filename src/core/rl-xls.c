/* rl-xls.c — the XLS reader (BIFF8 and BIFF5 records in an OLE2 container)
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rl-ole.c reads the "Workbook" (BIFF8) or "Book" (BIFF5) stream of the OLE2
 * container whole; it is walked record by record: first the workbook
 * globals (sheet list, shared strings, number formats, code page), then each
 * sheet's substream from the offset its BOUNDSHEET gives, in the order of
 * the offsets, so that every byte of the stream is read once at most: a
 * sheet (chart and macro sheets too, walked to their EOF for no cells) that
 * starts inside the globals or inside another sheet's substream is refused.
 * A substream nested in a worksheet (an embedded chart, BOF type 0x0020, or
 * a macro or VB module) is skipped to its own EOF: its records are not the
 * sheet's. Every read is checked against the record and the
 * stream length and every cell against the sheet's limits (256 columns,
 * 65,536 rows) and the caps of rl-limits.h, so a damaged file ends in an
 * error naming the file, sheet and cell, never in a crash, a loop or a GLib
 * critical.
 *
 * Text (rl-xls-text.c): BIFF8 strings are UTF-16, "compressed" to one byte
 * per character when every character is below U+0100 (so those bytes are
 * Latin-1, whatever the code page); BIFF5 strings (LABEL, RSTRING, STRING,
 * BOUNDSHEET names, FORMAT codes) are bytes in the code page of the
 * CODEPAGE record.
 */
#include "rl-xls.h"

#include "rl-error.h"
#include "rl-limits.h"
#include "rl-number.h"
#include "rl-ole-private.h"
#include "rl-xls-private.h"

#include <string.h>

enum
{
  XLS_FORMULA = 0x0006, XLS_EOF = 0x000A, XLS_DATE1904 = 0x0022, XLS_FILEPASS = 0x002F,
  XLS_CONTINUE = 0x003C, XLS_CODEPAGE = 0x0042, XLS_BOUNDSHEET = 0x0085, XLS_MULRK = 0x00BD,
  XLS_MULBLANK = 0x00BE, XLS_RSTRING = 0x00D6, XLS_XF = 0x00E0, XLS_MERGEDCELLS = 0x00E5,
  XLS_SST = 0x00FC, XLS_LABELSST = 0x00FD, XLS_NUMBER = 0x0203, XLS_LABEL = 0x0204,
  XLS_BOOLERR = 0x0205, XLS_STRING = 0x0207, XLS_ARRAY = 0x0221, XLS_TABLE = 0x0236,
  XLS_RK = 0x027E, XLS_FORMAT = 0x041E, XLS_SHRFMLA = 0x04BC, XLS_BOF = 0x0809,
};

enum
{
  XLS_BOF_GLOBALS = 0x0005,
  XLS_BOF_WORKSHEET = 0x0010,
};

/* The largest sheet of BIFF5 and BIFF8. */
#define XLS_MAX_COLS 256u
#define XLS_MAX_ROWS 65536u

typedef struct
{
  guint16       id;
  guint16       len;
  const guint8 *body;
  gsize         offset; /* of the record header in the stream */
} XlsRecord;

typedef struct
{
  char    *name;
  guint32  offset;
  guint8   type;
  RlSheet *sheet;
} XlsSheetRef;

typedef struct
{
  const char   *path;
  const guint8 *data;
  gsize         len;
  gboolean      biff8;
  GIConv        iconv;    /* from the code page of BIFF5 byte strings to UTF-8 */
  gboolean      date1904;
  GPtrArray    *sst;      /* char * */
  GHashTable   *formats;  /* format index → RlNumFormat * */
  GArray       *xf;       /* guint16 format index per XF */
  GArray       *sheets;   /* XlsSheetRef */
  GArray       *units;    /* gunichar2, scratch for strings */
  GArray       *segs;     /* RlXlsSegment, scratch for RlXlsSegReader */
} XlsBook;

static double
rd_double (const guint8 *p)
{
  guint64 bits = rl_le32 (p) | ((guint64) rl_le32 (p + 4) << 32);
  double v;

  memcpy (&v, &bits, sizeof v);
  return v;
}

static double
rk_value (guint32 rk)
{
  double v;

  if (rk & 2)
    v = (double) ((gint32) rk >> 2);
  else
    {
      guint64 bits = (guint64) (rk & 0xFFFFFFFCu) << 32;

      memcpy (&v, &bits, sizeof v);
    }
  return (rk & 1) ? v / 100.0 : v;
}

static gboolean
damaged (const XlsBook   *book,
         const XlsRecord *rec,
         const char      *what,
         GError         **error)
{
  g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the workbook is damaged: %s (record 0x%04X "
               "at byte %" G_GSIZE_FORMAT ")", book->path, what, rec->id, rec->offset);
  return FALSE;
}

/* The same for a record of a sheet, naming the sheet and (row and column
 * 1-based, 0 for none) the cell. */
static gboolean
sheet_damaged (RlSheet         *sheet,
               const XlsRecord *rec,
               guint            row,
               guint            col,
               const char      *what,
               GError         **error)
{
  rl_sheet_set_error (error, sheet, row, col, RL_ERROR_PARSE, "the workbook is damaged: %s "
                      "(record 0x%04X at byte %" G_GSIZE_FORMAT ")", what, rec->id, rec->offset);
  return FALSE;
}

/* Reads the record at *pos. Returns 1 with a record, 0 at the end of the
 * stream, −1 (with error set) when the record runs past the end. */
static int
next_record (const XlsBook *book,
             gsize         *pos,
             XlsRecord     *rec,
             GError       **error)
{
  if (*pos + 4 > book->len)
    return 0;
  rec->offset = *pos;
  rec->id = rl_le16 (book->data + *pos);
  rec->len = rl_le16 (book->data + *pos + 2);
  rec->body = book->data + *pos + 4;
  if (*pos + 4 + rec->len > book->len)
    {
      damaged (book, rec, "the stream ends inside a record", error);
      return -1;
    }
  *pos += 4 + rec->len;
  return 1;
}

/* Starts a reader at body[skip] of rec; with gather, the CONTINUE records
 * right after rec (at *next in the stream) are read on into. */
static void
seg_init (RlXlsSegReader    *r,
          XlsBook         *book,
          const XlsRecord *rec,
          gsize            skip,
          gboolean         gather,
          gsize           *next)
{
  RlXlsSegment seg = { rec->body, rec->len };
  XlsRecord c;
  gsize pos = next != NULL ? *next : 0;

  r->segs = book->segs;
  g_array_set_size (r->segs, 0);
  g_array_append_val (r->segs, seg);
  r->seg = 0;
  r->pos = MIN (skip, rec->len);
  while (gather && next_record (book, &pos, &c, NULL) == 1 && c.id == XLS_CONTINUE)
    {
      seg = (RlXlsSegment) { c.body, c.len };
      g_array_append_val (r->segs, seg);
      *next = pos;
    }
}

/* A string of either version: BIFF8 unicode, or BIFF5 bytes in the code
 * page, after a length of len_size bytes. */
static RlXlsTextStatus
seg_string (XlsBook        *book,
            RlXlsSegReader *r,
            guint           len_size,
            char          **out)
{
  if (book->biff8)
    return rl_xls_read_unicode (r, len_size, book->units, out);
  return rl_xls_read_bytes (r, len_size, book->iconv, out);
}

/* The string in one record at body[off] (no CONTINUE), or an error. */
static char *
record_string (XlsBook         *book,
               const XlsRecord *rec,
               gsize            off,
               guint            len_size,
               GError         **error)
{
  RlXlsSegReader r;
  RlXlsTextStatus status;
  char *s = NULL;

  seg_init (&r, book, rec, off, FALSE, NULL);
  status = off <= rec->len ? seg_string (book, &r, len_size, &s) : RL_XLS_TEXT_SHORT;
  if (status != RL_XLS_TEXT_OK)
    {
      g_autofree char *what = rl_xls_text_problem (status);

      damaged (book, rec, what, error);
    }
  return s;
}

/* The SST record and its CONTINUE records; *pos ends after the last one. */
static gboolean
read_sst (XlsBook         *book,
          const XlsRecord *sst,
          gsize           *pos,
          GError         **error)
{
  RlXlsSegReader r;
  guint32 count;

  if (sst->len < 8)
    return damaged (book, sst, "the shared string table is too short", error);
  count = rl_le32 (sst->body + 4);
  if (count > RL_LIMIT_SHARED_STRINGS)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the shared string table declares %u "
                   "strings, more than %u (RL_LIMIT_SHARED_STRINGS)", book->path, count,
                   RL_LIMIT_SHARED_STRINGS);
      return FALSE;
    }
  seg_init (&r, book, sst, 8, TRUE, pos);
  for (guint32 i = 0; i < count; i++)
    {
      char *s = NULL;
      RlXlsTextStatus status = rl_xls_read_unicode (&r, 2, book->units, &s);

      if (status != RL_XLS_TEXT_OK)
        {
          g_autofree char *what = status == RL_XLS_TEXT_SHORT
            ? g_strdup_printf ("the shared string table declares %u strings but holds %u",
                               count, i)
            : rl_xls_text_problem (status);

          return damaged (book, sst, what, error);
        }
      g_ptr_array_add (book->sst, s);
    }
  return TRUE;
}

static gboolean
read_boundsheet (XlsBook         *book,
                 const XlsRecord *rec,
                 GError         **error)
{
  XlsSheetRef ref = { NULL };

  if (rec->len < 7)
    return damaged (book, rec, "a sheet record is too short", error);
  if (book->sheets->len >= RL_LIMIT_SHEETS)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the workbook has more than %u sheets "
                   "(RL_LIMIT_SHEETS)", book->path, RL_LIMIT_SHEETS);
      return FALSE;
    }
  ref.offset = rl_le32 (rec->body);
  ref.type = rec->body[5];
  ref.name = record_string (book, rec, 6, 1, error);
  if (ref.name == NULL)
    return FALSE;
  g_array_append_val (book->sheets, ref);
  return TRUE;
}

static gboolean
read_format (XlsBook         *book,
             const XlsRecord *rec,
             GError         **error)
{
  g_autofree char *code = NULL;
  RlNumFormat *fmt;

  if (rec->len < 3)
    return damaged (book, rec, "a number format record is too short", error);
  code = record_string (book, rec, 2, book->biff8 ? 2 : 1, error);
  if (code == NULL)
    return FALSE;
  fmt = g_new (RlNumFormat, 1);
  rl_num_format_classify (code, fmt);
  g_hash_table_insert (book->formats, GUINT_TO_POINTER (rl_le16 (rec->body)), fmt);
  return TRUE;
}

static void
read_codepage (XlsBook         *book,
               const XlsRecord *rec)
{
  if (rec->len < 2)
    return;
  g_iconv_close (book->iconv);
  book->iconv = rl_xls_codepage_open (rl_le16 (rec->body));
}

/* One record of the workbook globals. */
static gboolean
read_global (XlsBook         *book,
             const XlsRecord *rec,
             gsize           *pos,
             GError         **error)
{
  switch (rec->id)
    {
    case XLS_FILEPASS:
      g_set_error (error, RL_ERROR, RL_ERROR_UNSUPPORTED, "%s: the workbook is protected by a "
                   "password; save it without one and open it again", book->path);
      return FALSE;
    case XLS_BOUNDSHEET: return read_boundsheet (book, rec, error);
    case XLS_SST: return read_sst (book, rec, pos, error);
    case XLS_FORMAT: return read_format (book, rec, error);
    case XLS_XF:
      if (rec->len >= 4)
        {
          guint16 f = rl_le16 (rec->body + 2);

          g_array_append_val (book->xf, f);
        }
      break;
    case XLS_CODEPAGE:
      read_codepage (book, rec);
      break;
    case XLS_DATE1904:
      book->date1904 = rec->len >= 2 && rl_le16 (rec->body) == 1;
      break;
    default:
      break;
    }
  return TRUE;
}

/* Checks a BOF record: BIFF8 or BIFF5. *type is its substream type. */
static gboolean
check_bof (const XlsBook   *book,
           const XlsRecord *rec,
           guint16         *version,
           guint16         *type,
           GError         **error)
{
  if (rec->id != XLS_BOF || rec->len < 4)
    return damaged (book, rec, "a substream does not begin with a BOF record", error);
  *version = rl_le16 (rec->body);
  *type = rl_le16 (rec->body + 2);
  if (*version != 0x0600 && *version != 0x0500)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_UNSUPPORTED, "%s: this Excel format (BIFF version "
                   "0x%04X) is too old; save it as .xls (Excel 97–2003) or .xlsx", book->path,
                   *version);
      return FALSE;
    }
  return TRUE;
}

/* The text a cell shows for a number under its XF's number format. */
static char *
number_text (const XlsBook *book,
             guint16        xf,
             double         v)
{
  RlNumFormat builtin;
  const RlNumFormat *fmt = NULL;

  if (xf < book->xf->len)
    {
      guint16 id = g_array_index (book->xf, guint16, xf);

      fmt = g_hash_table_lookup (book->formats, GUINT_TO_POINTER (id));
      if (fmt == NULL && rl_num_format_builtin (id, &builtin))
        fmt = &builtin;
    }
  return rl_num_format_display (fmt, v, book->date1904);
}

/* Checks the 0-based cell of a record against the XLS sheet limits. */
static gboolean
check_cell (RlSheet         *sheet,
            const XlsRecord *rec,
            guint            row,
            guint            col,
            GError         **error)
{
  if (col >= XLS_MAX_COLS || row >= XLS_MAX_ROWS)
    return sheet_damaged (sheet, rec, row + 1, col + 1, "the cell is outside an XLS sheet "
                          "(columns A to IV, rows 1 to 65536)", error);
  return TRUE;
}

static gboolean
put_number (const XlsBook   *book,
            RlSheet         *sheet,
            const XlsRecord *rec,
            guint            row,
            guint            col,
            guint16          xf,
            double           v,
            GError         **error)
{
  g_autofree char *text = NULL;

  if (!check_cell (sheet, rec, row, col, error))
    return FALSE;
  text = number_text (book, xf, v);
  return rl_sheet_put_number (sheet, row + 1, col + 1, v, text, error);
}

/* Stores the number v at the cell of a record body (row, column, XF). */
static gboolean
put_cell_number (const XlsBook   *book,
                 RlSheet         *sheet,
                 const XlsRecord *rec,
                 const guint8    *cell,
                 double           v,
                 GError         **error)
{
  return put_number (book, sheet, rec, rl_le16 (cell), rl_le16 (cell + 2), rl_le16 (cell + 4), v,
                     error);
}

/* Stores text (NULL: nothing) at the record's cell. */
static gboolean
put_cell_text (RlSheet         *sheet,
               const XlsRecord *rec,
               const guint8    *cell,
               const char      *text,
               GError         **error)
{
  guint row = rl_le16 (cell), col = rl_le16 (cell + 2);

  if (!check_cell (sheet, rec, row, col, error))
    return FALSE;
  return text == NULL || rl_sheet_put_text (sheet, row + 1, col + 1, text, error);
}

static gboolean
read_labelsst (const XlsBook   *book,
               RlSheet         *sheet,
               const XlsRecord *rec,
               GError         **error)
{
  guint32 i = rl_le32 (rec->body + 6);

  if (i >= book->sst->len)
    {
      g_autofree char *what = g_strdup_printf ("the cell refers to shared string %u, but the "
                                               "file has %u", i, book->sst->len);

      return sheet_damaged (sheet, rec, rl_le16 (rec->body) + 1, rl_le16 (rec->body + 2) + 1,
                            what, error);
    }
  return put_cell_text (sheet, rec, rec->body, book->sst->pdata[i], error);
}

/* LABEL, RSTRING and the STRING after a FORMULA: a string that may go on
 * into CONTINUE records (in BIFF8 each starts with a flags byte, in BIFF5
 * the bytes just go on), stored at the cell. */
static gboolean
read_label (XlsBook         *book,
            RlSheet         *sheet,
            const XlsRecord *rec,
            const guint8    *cell,
            gsize            off,
            GError         **error)
{
  RlXlsSegReader r;
  g_autofree char *text = NULL;
  gsize next = rec->offset + 4 + rec->len;
  RlXlsTextStatus status;

  seg_init (&r, book, rec, off, TRUE, &next);
  status = seg_string (book, &r, 2, &text);
  if (status != RL_XLS_TEXT_OK)
    {
      g_autofree char *what = rl_xls_text_problem (status);

      return sheet_damaged (sheet, rec, rl_le16 (cell) + 1, rl_le16 (cell + 2) + 1, what, error);
    }
  return put_cell_text (sheet, rec, cell, text, error);
}

/* MULRK and MULBLANK: row, first column, one item of item_size bytes per
 * column, last column. */
static gboolean
check_mul (RlSheet         *sheet,
           const XlsRecord *rec,
           gsize            item_size,
           guint           *n,
           GError         **error)
{
  guint row = rl_le16 (rec->body), first = rl_le16 (rec->body + 2);
  guint last = rl_le16 (rec->body + rec->len - 2);
  g_autofree char *what = NULL;

  *n = (rec->len - 6) / item_size;
  if (last < first)
    what = g_strdup_printf ("the last column (%u) comes before the first (%u)", last + 1,
                            first + 1);
  else if ((rec->len - 6) % item_size != 0 || *n != last - first + 1)
    what = g_strdup_printf ("the record holds %u values for columns %u to %u", *n, first + 1,
                            last + 1);
  if (what != NULL)
    return sheet_damaged (sheet, rec, row + 1, first + 1, what, error);
  return check_cell (sheet, rec, row, MIN (last, MAX (first, XLS_MAX_COLS)), error);
}

static gboolean
read_mulrk (const XlsBook   *book,
            RlSheet         *sheet,
            const XlsRecord *rec,
            GError         **error)
{
  guint row = rl_le16 (rec->body), col = rl_le16 (rec->body + 2), n;

  if (!check_mul (sheet, rec, 6, &n, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const guint8 *p = rec->body + 4 + 6 * i;

      if (!put_number (book, sheet, rec, row, col + i, rl_le16 (p), rk_value (rl_le32 (p + 2)),
                       error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_merges (RlSheet         *sheet,
             const XlsRecord *rec,
             GError         **error)
{
  guint n = rl_le16 (rec->body);

  if (2 + 8 * (gsize) n != rec->len)
    {
      g_autofree char *what = g_strdup_printf ("a merged-cells record declares %u ranges in "
                                               "%u bytes", n, rec->len);

      return sheet_damaged (sheet, rec, 0, 0, what, error);
    }
  for (guint i = 0; i < n; i++)
    {
      const guint8 *p = rec->body + 2 + 8 * i;
      RlMerge m = { rl_le16 (p) + 1, rl_le16 (p + 4) + 1, rl_le16 (p + 2) + 1,
                    rl_le16 (p + 6) + 1 };

      if (!rl_sheet_put_merge (sheet, &m, error))
        return FALSE;
    }
  return TRUE;
}

/* The text a spreadsheet shows for an error code, or NULL. */
static const char *
error_text (guint8 code)
{
  static const struct { guint8 code; const char *text; } errors[] = {
    { 0x00, "#NULL!" }, { 0x07, "#DIV/0!" }, { 0x0F, "#VALUE!" }, { 0x17, "#REF!" },
    { 0x1D, "#NAME?" }, { 0x24, "#NUM!" }, { 0x2A, "#N/A" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    if (errors[i].code == code)
      return errors[i].text;
  return NULL;
}

/* A FORMULA's cached result: a number, or a tag for a string (in the
 * STRING record that follows), a boolean, an error or an empty string.
 * *string_cell is set when a STRING record is to come. */
static gboolean
read_formula (const XlsBook   *book,
              RlSheet         *sheet,
              const XlsRecord *rec,
              const guint8   **string_cell,
              GError         **error)
{
  const guint8 *r = rec->body + 6;

  *string_cell = NULL;
  if (rl_le16 (r + 6) != 0xFFFF)
    return put_cell_number (book, sheet, rec, rec->body, rd_double (r), error);
  if (r[0] == 0)
    {
      *string_cell = rec->body;
      return check_cell (sheet, rec, rl_le16 (rec->body), rl_le16 (rec->body + 2), error);
    }
  if (r[0] == 1)
    return put_cell_text (sheet, rec, rec->body, r[2] ? "TRUE" : "FALSE", error);
  if (r[0] == 2)
    return put_cell_text (sheet, rec, rec->body, error_text (r[2]), error);
  return TRUE;
}

/* The minimum body length of each cell record. */
static guint
cell_record_min_len (guint16 id)
{
  switch (id)
    {
    case XLS_LABELSST: return 10;
    case XLS_LABEL: case XLS_RSTRING: return 8;
    case XLS_RK: return 10;
    case XLS_BOOLERR: return 8;
    case XLS_NUMBER: return 14;
    case XLS_FORMULA: return 20;
    case XLS_MULRK: return 12;
    case XLS_MULBLANK: return 8;
    case XLS_MERGEDCELLS: return 2;
    default: return 0;
    }
}

/* One record of a worksheet; *string_cell keeps the FORMULA whose text
 * comes in the next STRING record. */
static gboolean
read_cell_record (XlsBook         *book,
                  RlSheet         *sheet,
                  const XlsRecord *rec,
                  const guint8   **string_cell,
                  GError         **error)
{
  const guint8 *b = rec->body;
  const guint8 *pending = *string_cell;
  guint n;

  if (rec->len < cell_record_min_len (rec->id))
    return sheet_damaged (sheet, rec, 0, 0, "a cell record is too short", error);
  if (rec->id != XLS_SHRFMLA && rec->id != XLS_ARRAY && rec->id != XLS_TABLE
      && rec->id != XLS_CONTINUE)
    *string_cell = NULL;
  switch (rec->id)
    {
    case XLS_LABELSST: return read_labelsst (book, sheet, rec, error);
    case XLS_LABEL: case XLS_RSTRING: return read_label (book, sheet, rec, b, 6, error);
    case XLS_RK: return put_cell_number (book, sheet, rec, b, rk_value (rl_le32 (b + 6)), error);
    case XLS_NUMBER: return put_cell_number (book, sheet, rec, b, rd_double (b + 6), error);
    case XLS_MULRK: return read_mulrk (book, sheet, rec, error);
    case XLS_MULBLANK: return check_mul (sheet, rec, 2, &n, error);
    case XLS_BOOLERR:
      return put_cell_text (sheet, rec, b, b[7] == 0 ? (b[6] ? "TRUE" : "FALSE")
                                                     : error_text (b[6]), error);
    case XLS_FORMULA: return read_formula (book, sheet, rec, string_cell, error);
    case XLS_STRING:
      return pending == NULL || read_label (book, sheet, rec, pending, 0, error);
    case XLS_MERGEDCELLS: return read_merges (sheet, rec, error);
    default: return TRUE;
    }
}

/* Walks the substream whose BOF is at *pos to its EOF, handing each record
 * that is not inside a nested substream to the globals (ref NULL) or to the
 * sheet of ref; a chart or macro sheet (no RlSheet) or a sheet whose BOF is
 * not a worksheet's keeps no cells. *pos ends after the EOF. */
static gboolean
read_substream (XlsBook           *book,
                gsize             *pos,
                const XlsSheetRef *ref,
                GError           **error)
{
  g_autofree char *what = ref != NULL ? g_strdup_printf ("sheet “%s”", ref->name)
                                      : g_strdup ("the workbook globals");
  RlSheet *sheet = ref != NULL ? ref->sheet : NULL;
  const guint8 *string_cell = NULL;
  guint16 version, type;
  XlsRecord rec;
  gsize depth = 0;
  int got = next_record (book, pos, &rec, error);

  if (got == 0)
    g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the workbook is damaged: %s starts "
                 "beyond the end of the stream", book->path, what);
  if (got != 1 || !check_bof (book, &rec, &version, &type, error))
    return FALSE;
  if (ref == NULL && type != XLS_BOF_GLOBALS)
    return damaged (book, &rec, "the stream does not begin with the workbook globals", error);
  if (ref == NULL)
    book->biff8 = version == 0x0600;
  while ((got = next_record (book, pos, &rec, error)) == 1)
    {
      if (rec.id == XLS_BOF)
        depth++;
      else if (rec.id == XLS_EOF && depth == 0)
        return TRUE;
      else if (rec.id == XLS_EOF)
        depth--;
      else if (depth > 0)
        continue;
      else if (ref == NULL && !read_global (book, &rec, pos, error))
        return FALSE;
      else if (sheet != NULL && type == XLS_BOF_WORKSHEET
               && !read_cell_record (book, sheet, &rec, &string_cell, error))
        return FALSE;
    }
  if (got == 0)
    g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the workbook is damaged: the stream ends "
                 "before the end of %s", book->path, what);
  return FALSE;
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  const XlsSheetRef *x = *(XlsSheetRef *const *) a, *y = *(XlsSheetRef *const *) b;

  if (x->offset != y->offset)
    return x->offset < y->offset ? -1 : 1;
  return x < y ? -1 : x > y; /* the same offset: in workbook order, for the message */
}

/* Reads the substreams of all sheets, chart and macro sheets too, in the
 * order of their offsets, each after the end of the one before (and of the
 * globals at globals_end). */
static gboolean
read_sheets (XlsBook *book,
             gsize    globals_end,
             GError **error)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  gsize end = globals_end;
  const char *before = NULL;

  for (guint i = 0; i < book->sheets->len; i++)
    g_ptr_array_add (order, &g_array_index (book->sheets, XlsSheetRef, i));
  g_ptr_array_sort (order, compare_offsets);
  for (guint i = 0; i < order->len; i++)
    {
      XlsSheetRef *ref = order->pdata[i];
      gsize pos = ref->offset;

      if (ref->offset < end)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the workbook is damaged: sheet "
                       "“%s” starts at byte %u, inside %s%s%s", book->path, ref->name, ref->offset,
                       before != NULL ? "sheet “" : "the workbook globals",
                       before != NULL ? before : "", before != NULL ? "”" : "");
          return FALSE;
        }
      if (!read_substream (book, &pos, ref, error))
        return FALSE;
      end = pos;
      before = ref->name;
    }
  return TRUE;
}

static void
xls_sheet_ref_clear (gpointer p)
{
  g_free (((XlsSheetRef *) p)->name);
}

/* The workbook stream of the OLE2 container, read whole. */
static guint8 *
read_stream (const char *path,
             gsize      *len,
             GError    **error)
{
  static const char *const names[] = { "Workbook", "Book", NULL };
  g_autoptr(GError) local = NULL;
  g_autofree char *file = NULL;
  gsize file_len = 0;

  /* Read, not mapped: a file cut short while mapped would end in SIGBUS. */
  if (!g_file_get_contents (path, &file, &file_len, &local))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, "%s: cannot read: %s", path, local->message);
      return NULL;
    }
  return rl_ole_read_stream (path, (const guint8 *) file, file_len, names, len, error);
}

/* The globals, then a sheet of wb for every worksheet, in workbook order,
 * then their cells. */
static gboolean
read_book (XlsBook    *book,
           RlWorkbook *wb,
           GError    **error)
{
  gsize pos = 0;

  if (book->len == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the workbook stream is empty",
                   book->path);
      return FALSE;
    }
  if (!read_substream (book, &pos, NULL, error))
    return FALSE;
  for (guint i = 0; i < book->sheets->len; i++)
    {
      XlsSheetRef *ref = &g_array_index (book->sheets, XlsSheetRef, i);

      if (ref->type != 0)
        continue; /* charts, macro and dialog sheets hold no cells */
      ref->sheet = rl_workbook_add_sheet_checked (wb, ref->name, error);
      if (ref->sheet == NULL)
        return FALSE;
    }
  return read_sheets (book, pos, error);
}

/* Reads every worksheet of an XLS file (BIFF8, Excel 97–2003, or BIFF5),
 * in workbook order. */
RlWorkbook *
rl_xls_read (const char *path,
             GError    **error)
{
  g_autoptr(RlWorkbook) wb = NULL;
  g_autofree guint8 *data = NULL;
  XlsBook book = { path };
  gboolean ok;

  data = read_stream (path, &book.len, error);
  if (data == NULL)
    return NULL;
  book.data = data;
  book.biff8 = TRUE;
  book.iconv = rl_xls_codepage_open (1252);
  book.sst = g_ptr_array_new_with_free_func (g_free);
  book.formats = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  book.xf = g_array_new (FALSE, FALSE, sizeof (guint16));
  book.sheets = g_array_new (FALSE, FALSE, sizeof (XlsSheetRef));
  book.units = g_array_new (FALSE, FALSE, sizeof (gunichar2));
  book.segs = g_array_new (FALSE, FALSE, sizeof (RlXlsSegment));
  g_array_set_clear_func (book.sheets, xls_sheet_ref_clear);

  wb = rl_workbook_new (path);
  ok = read_book (&book, wb, error);
  g_iconv_close (book.iconv);
  g_ptr_array_unref (book.sst);
  g_hash_table_unref (book.formats);
  g_array_unref (book.xf);
  g_array_unref (book.sheets);
  g_array_unref (book.units);
  g_array_unref (book.segs);
  return ok ? g_steal_pointer (&wb) : NULL;
}
