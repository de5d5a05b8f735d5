/* rl-xls.c — the XLS reader (BIFF8 and BIFF5 records in an OLE2 container)
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rl-ole.c reads the "Workbook" (BIFF8) or "Book" (BIFF5) stream of the OLE2
 * container whole; it is walked record by record: first the workbook
 * globals (sheet list, shared strings, number formats, code page), then each
 * worksheet's substream from the offset its BOUNDSHEET gives. Every read is
 * checked against the record and the stream length, so a damaged file ends
 * in an error, never in a crash or a loop.
 */
#include "rl-xls.h"

#include "rl-error.h"
#include "rl-limits.h"
#include "rl-number.h"
#include "rl-ole-private.h"

#include <math.h>
#include <string.h>

enum
{
  XLS_FORMULA = 0x0006, XLS_EOF = 0x000A, XLS_DATE1904 = 0x0022, XLS_FILEPASS = 0x002F,
  XLS_CONTINUE = 0x003C, XLS_CODEPAGE = 0x0042, XLS_BOUNDSHEET = 0x0085, XLS_MULRK = 0x00BD,
  XLS_RSTRING = 0x00D6, XLS_XF = 0x00E0, XLS_MERGEDCELLS = 0x00E5, XLS_SST = 0x00FC,
  XLS_LABELSST = 0x00FD, XLS_NUMBER = 0x0203, XLS_LABEL = 0x0204, XLS_BOOLERR = 0x0205,
  XLS_STRING = 0x0207, XLS_ARRAY = 0x0221, XLS_TABLE = 0x0236, XLS_RK = 0x027E,
  XLS_FORMAT = 0x041E, XLS_SHRFMLA = 0x04BC, XLS_BOF = 0x0809,
};

typedef struct
{
  guint16       id;
  guint16       len;
  const guint8 *body;
  gsize         offset; /* of the record header in the stream */
} XlsRecord;

typedef struct
{
  char   *name;
  guint32 offset;
  guint8  type;
} XlsSheetRef;

typedef struct
{
  const char   *path;
  const guint8 *data;
  gsize         len;
  gboolean      biff8;
  char         *charset;  /* for BIFF5 byte strings */
  gboolean      date1904;
  GPtrArray    *sst;      /* char * */
  GHashTable   *formats;  /* format index → RlNumFormat * */
  GArray       *xf;       /* guint16 format index per XF */
  GArray       *sheets;   /* XlsSheetRef */
} XlsBook;

/* A record and the CONTINUE records after it, read as one sequence of bytes
 * (the shared string table spans many). */
typedef struct
{
  GArray *segs;  /* XlsRecord */
  guint   seg;
  gsize   pos;
} XlsSegReader;

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

/* UTF-16 code units to UTF-8; a lone surrogate becomes U+FFFD. */
static void
append_utf16 (GString         *out,
              const gunichar2 *u,
              gsize            n)
{
  for (gsize i = 0; i < n; i++)
    {
      gunichar c = u[i];

      if (c >= 0xD800 && c < 0xDC00 && i + 1 < n && u[i + 1] >= 0xDC00 && u[i + 1] < 0xE000)
        c = 0x10000 + ((c - 0xD800) << 10) + (u[++i] - 0xDC00);
      else if (c >= 0xD800 && c < 0xE000)
        c = 0xFFFD;
      g_string_append_unichar (out, c);
    }
}

/* Appends n characters stored compressed (one byte each, the low byte of
 * UTF-16) or uncompressed (UTF-16LE) to units. */
static void
append_units (GArray       *units,
              const guint8 *p,
              gsize         n,
              gboolean      high)
{
  for (gsize i = 0; i < n; i++)
    {
      gunichar2 u = high ? rl_le16 (p + 2 * i) : p[i];

      g_array_append_val (units, u);
    }
}

/* A byte string of BIFF5 in the workbook's code page. */
static char *
bytes_to_utf8 (const XlsBook *book,
               const guint8  *p,
               gsize          n)
{
  char *out = g_convert_with_fallback ((const char *) p, n, "UTF-8", book->charset, "?", NULL,
                                       NULL, NULL);

  if (out == NULL)
    {
      g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gunichar2));
      GString *s = g_string_new (NULL);

      append_units (units, p, n, FALSE);
      append_utf16 (s, (const gunichar2 *) (gpointer) units->data, units->len);
      out = g_string_free (s, FALSE);
    }
  return out;
}

/* A string inside one record at body[*off]: BIFF8 unicode string (length
 * of len_size bytes, flags, optional rich-text and phonetic headers) or BIFF5
 * byte string. NULL when it does not fit in the record. */
static char *
record_string (const XlsBook *book,
               const guint8  *body,
               gsize          rec_len,
               gsize          off,
               guint          len_size)
{
  gsize n, need;
  guint8 flags;

  if (off + len_size > rec_len)
    return NULL;
  n = len_size == 1 ? body[off] : rl_le16 (body + off);
  off += len_size;
  if (!book->biff8)
    return off + n <= rec_len ? bytes_to_utf8 (book, body + off, n) : NULL;
  if (off + 1 > rec_len)
    return NULL;
  flags = body[off++];
  off += (flags & 0x08) ? 2 : 0;
  off += (flags & 0x04) ? 4 : 0;
  need = (flags & 0x01) ? 2 * n : n;
  if (off + need > rec_len)
    need = rec_len > off ? rec_len - off : 0; /* the rest is in a CONTINUE: keep what is here */
  {
    g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gunichar2));
    GString *s = g_string_new (NULL);

    append_units (units, body + off, (flags & 0x01) ? need / 2 : need, flags & 0x01);
    append_utf16 (s, (const gunichar2 *) (gpointer) units->data, units->len);
    return g_string_free (s, FALSE);
  }
}

static gsize
seg_avail (const XlsSegReader *r)
{
  if (r->seg >= r->segs->len)
    return 0;
  return g_array_index (r->segs, XlsRecord, r->seg).len - r->pos;
}

/* Moves to the next segment when the current one is used up. */
static gboolean
seg_ensure (XlsSegReader *r)
{
  while (r->seg < r->segs->len && seg_avail (r) == 0)
    {
      r->seg++;
      r->pos = 0;
    }
  return r->seg < r->segs->len;
}

/* Copies (or with buf NULL skips) n bytes across segment boundaries. */
static gboolean
seg_read (XlsSegReader *r,
          guint8       *buf,
          gsize         n)
{
  while (n > 0)
    {
      gsize k;

      if (!seg_ensure (r))
        return FALSE;
      k = MIN (n, seg_avail (r));
      if (buf != NULL)
        {
          memcpy (buf, g_array_index (r->segs, XlsRecord, r->seg).body + r->pos, k);
          buf += k;
        }
      r->pos += k;
      n -= k;
    }
  return TRUE;
}

/* Reads n characters; each CONTINUE they spill into starts with a new
 * flags byte telling whether the rest is compressed. */
static gboolean
seg_read_chars (XlsSegReader *r,
                gsize         n,
                gboolean      high,
                GArray       *units)
{
  while (n > 0)
    {
      const guint8 *p;
      gsize k;

      if (seg_avail (r) == 0)
        {
          if (!seg_ensure (r))
            return FALSE;
          high = g_array_index (r->segs, XlsRecord, r->seg).body[r->pos++] & 0x01;
        }
      p = g_array_index (r->segs, XlsRecord, r->seg).body + r->pos;
      k = MIN (n, high ? seg_avail (r) / 2 : seg_avail (r));
      if (k == 0)
        return FALSE;
      append_units (units, p, k, high);
      r->pos += high ? 2 * k : k;
      n -= k;
    }
  return TRUE;
}

/* One shared string: length, flags, rich-text run count, phonetic size,
 * the characters, then the runs and phonetic data, which are skipped. */
static char *
sst_string (XlsSegReader *r,
            GArray       *units)
{
  guint8 head[3], extra[4];
  gsize n_runs = 0, ext = 0;
  GString *s;

  if (!seg_read (r, head, 3))
    return NULL;
  if ((head[2] & 0x08) && seg_read (r, extra, 2))
    n_runs = rl_le16 (extra);
  if ((head[2] & 0x04) && seg_read (r, extra, 4))
    ext = rl_le32 (extra);
  g_array_set_size (units, 0);
  if (!seg_read_chars (r, rl_le16 (head), head[2] & 0x01, units))
    return NULL;
  seg_read (r, NULL, 4 * n_runs);
  seg_read (r, NULL, ext);
  s = g_string_sized_new (units->len + 1);
  append_utf16 (s, (const gunichar2 *) (gpointer) units->data, units->len);
  return g_string_free (s, FALSE);
}

/* The SST record and its CONTINUE records; *pos ends after the last one. */
static void
read_sst (XlsBook         *book,
          const XlsRecord *sst,
          gsize           *pos)
{
  g_autoptr(GArray) segs = g_array_new (FALSE, FALSE, sizeof (XlsRecord));
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gunichar2));
  XlsSegReader r = { segs, 0, 8 };
  XlsRecord rec = *sst;
  gsize next = *pos;
  guint32 count;

  g_array_append_val (segs, rec);
  while (next_record (book, &next, &rec, NULL) == 1 && rec.id == XLS_CONTINUE)
    {
      g_array_append_val (segs, rec);
      *pos = next;
    }
  if (sst->len < 8)
    return;
  count = rl_le32 (sst->body + 4);
  for (guint32 i = 0; i < count; i++)
    {
      char *s = sst_string (&r, units);

      if (s == NULL)
        break; /* fewer strings than announced: cells past them fail by index */
      g_ptr_array_add (book->sst, s);
    }
}

static const char *
codepage_charset (guint cp)
{
  switch (cp)
    {
    case 367: return "ASCII";
    case 1200: return "UTF-16LE";
    case 10000: return "MACINTOSH";
    case 32768: return "MACINTOSH";
    case 32769: return "WINDOWS-1252";
    default: return NULL;
    }
}

static void
read_boundsheet (XlsBook         *book,
                 const XlsRecord *rec)
{
  XlsSheetRef ref;

  if (rec->len < 7)
    return;
  ref.offset = rl_le32 (rec->body);
  ref.type = rec->body[5];
  ref.name = record_string (book, rec->body, rec->len, 6, 1);
  if (ref.name == NULL)
    ref.name = g_strdup_printf ("Sheet%u", book->sheets->len + 1);
  g_array_append_val (book->sheets, ref);
}

static void
read_format (XlsBook         *book,
             const XlsRecord *rec)
{
  g_autofree char *code = NULL;
  RlNumFormat *fmt;

  if (rec->len < 3)
    return;
  code = record_string (book, rec->body, rec->len, 2, book->biff8 ? 2 : 1);
  if (code == NULL)
    return;
  fmt = g_new (RlNumFormat, 1);
  rl_num_format_classify (code, fmt);
  g_hash_table_insert (book->formats, GUINT_TO_POINTER (rl_le16 (rec->body)), fmt);
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
    case XLS_BOUNDSHEET:
      read_boundsheet (book, rec);
      break;
    case XLS_SST:
      read_sst (book, rec, pos);
      break;
    case XLS_FORMAT:
      read_format (book, rec);
      break;
    case XLS_XF:
      if (rec->len >= 4)
        {
          guint16 f = rl_le16 (rec->body + 2);

          g_array_append_val (book->xf, f);
        }
      break;
    case XLS_CODEPAGE:
      if (rec->len >= 2)
        {
          guint cp = rl_le16 (rec->body);
          const char *cs = codepage_charset (cp);

          g_free (book->charset);
          book->charset = cs != NULL ? g_strdup (cs) : g_strdup_printf ("CP%u", cp);
        }
      break;
    case XLS_DATE1904:
      book->date1904 = rec->len >= 2 && rl_le16 (rec->body) == 1;
      break;
    default:
      break;
    }
  return TRUE;
}

/* Checks a BOF record: BIFF8 or BIFF5, of the expected substream type. */
static gboolean
check_bof (XlsBook         *book,
           const XlsRecord *rec,
           guint16          type,
           GError         **error)
{
  guint16 version;

  if (rec->id != XLS_BOF || rec->len < 4)
    return damaged (book, rec, "a substream does not begin with a BOF record", error);
  version = rl_le16 (rec->body);
  if (version != 0x0600 && version != 0x0500)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_UNSUPPORTED, "%s: this Excel format (BIFF version "
                   "0x%04X) is too old; save it as .xls (Excel 97–2003) or .xlsx", book->path,
                   version);
      return FALSE;
    }
  if (type == 0x0005)
    book->biff8 = version == 0x0600;
  return rl_le16 (rec->body + 2) == type || type != 0x0005
         || damaged (book, rec, "the stream does not begin with the workbook globals", error);
}

static gboolean
read_globals (XlsBook *book,
              GError **error)
{
  gsize pos = 0;
  XlsRecord rec;
  int got = next_record (book, &pos, &rec, error);

  if (got <= 0)
    {
      if (got == 0)
        g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the workbook stream is empty",
                     book->path);
      return FALSE;
    }
  if (!check_bof (book, &rec, 0x0005, error))
    return FALSE;
  while ((got = next_record (book, &pos, &rec, error)) == 1 && rec.id != XLS_EOF)
    if (!read_global (book, &rec, &pos, error))
      return FALSE;
  if (got == 0)
    g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the workbook is damaged: the stream ends "
                 "before the end of the workbook globals", book->path);
  return got == 1;
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

static void
set_number (const XlsBook *book,
            RlSheet       *sheet,
            const guint8  *cell,
            double         v)
{
  g_autofree char *text = number_text (book, rl_le16 (cell + 4), v);

  rl_sheet_set_number (sheet, rl_le16 (cell) + 1, rl_le16 (cell + 2) + 1, v, text);
}

static void
set_string (RlSheet      *sheet,
            const guint8 *cell,
            char         *text)
{
  if (text != NULL)
    rl_sheet_set_text (sheet, rl_le16 (cell) + 1, rl_le16 (cell + 2) + 1, text);
  g_free (text);
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
      g_autofree char *col = rl_column_name (rl_le16 (rec->body + 2) + 1);

      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: sheet “%s”, cell %s%u refers to shared "
                   "string %u, but the file has %u", book->path, rl_sheet_get_name (sheet), col,
                   rl_le16 (rec->body) + 1, i, book->sst->len);
      return FALSE;
    }
  rl_sheet_set_text (sheet, rl_le16 (rec->body) + 1, rl_le16 (rec->body + 2) + 1,
                     book->sst->pdata[i]);
  return TRUE;
}

static void
read_mulrk (const XlsBook   *book,
            RlSheet         *sheet,
            const XlsRecord *rec)
{
  guint row = rl_le16 (rec->body), col = rl_le16 (rec->body + 2);

  for (gsize off = 4; off + 6 <= (gsize) rec->len - 2; off += 6, col++)
    {
      double v = rk_value (rl_le32 (rec->body + off + 2));
      g_autofree char *text = number_text (book, rl_le16 (rec->body + off), v);

      rl_sheet_set_number (sheet, row + 1, col + 1, v, text);
    }
}

static void
read_merges (RlSheet         *sheet,
             const XlsRecord *rec)
{
  guint n = rl_le16 (rec->body);

  for (guint i = 0; i < n && 2 + 8 * (gsize) (i + 1) <= rec->len; i++)
    {
      const guint8 *p = rec->body + 2 + 8 * i;
      RlMerge m = { rl_le16 (p) + 1, rl_le16 (p + 4) + 1, rl_le16 (p + 2) + 1,
                    rl_le16 (p + 6) + 1 };

      rl_sheet_add_merge (sheet, &m);
    }
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
 * Returns TRUE when a STRING record is to come. */
static gboolean
read_formula (const XlsBook   *book,
              RlSheet         *sheet,
              const XlsRecord *rec)
{
  const guint8 *r = rec->body + 6;

  if (rl_le16 (r + 6) != 0xFFFF)
    {
      set_number (book, sheet, rec->body, rd_double (r));
      return FALSE;
    }
  if (r[0] == 1)
    set_string (sheet, rec->body, g_strdup (r[2] ? "TRUE" : "FALSE"));
  if (r[0] == 2)
    set_string (sheet, rec->body, g_strdup (error_text (r[2])));
  return r[0] == 0;
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
    case XLS_MERGEDCELLS: return 2;
    default: return 0;
    }
}

/* One record of a worksheet; *string_cell keeps the FORMULA whose text
 * comes in the next STRING record. */
static gboolean
read_cell_record (const XlsBook   *book,
                  RlSheet         *sheet,
                  const XlsRecord *rec,
                  const guint8   **string_cell,
                  GError         **error)
{
  const guint8 *b = rec->body;
  const guint8 *pending = *string_cell;

  if (rec->len < cell_record_min_len (rec->id))
    return damaged (book, rec, "a cell record is too short", error);
  if (rec->id != XLS_SHRFMLA && rec->id != XLS_ARRAY && rec->id != XLS_TABLE)
    *string_cell = NULL;
  switch (rec->id)
    {
    case XLS_LABELSST: return read_labelsst (book, sheet, rec, error);
    case XLS_LABEL: case XLS_RSTRING:
      set_string (sheet, b, record_string (book, b, rec->len, 6, 2));
      break;
    case XLS_RK: set_number (book, sheet, b, rk_value (rl_le32 (b + 6))); break;
    case XLS_NUMBER: set_number (book, sheet, b, rd_double (b + 6)); break;
    case XLS_MULRK: read_mulrk (book, sheet, rec); break;
    case XLS_BOOLERR:
      set_string (sheet, b, g_strdup (b[7] == 0 ? (b[6] ? "TRUE" : "FALSE") : error_text (b[6])));
      break;
    case XLS_FORMULA:
      *string_cell = read_formula (book, sheet, rec) ? b : NULL;
      break;
    case XLS_STRING:
      if (pending != NULL)
        set_string (sheet, pending, record_string (book, b, rec->len, 0, 2));
      break;
    case XLS_MERGEDCELLS: read_merges (sheet, rec); break;
    default: break;
    }
  return TRUE;
}

static gboolean
read_sheet (const XlsBook     *book,
            const XlsSheetRef *ref,
            RlWorkbook        *wb,
            GError           **error)
{
  RlSheet *sheet;
  const guint8 *string_cell = NULL;
  gsize pos = ref->offset;
  XlsRecord rec;
  int got;

  if (ref->type != 0)
    return TRUE; /* charts, macro and dialog sheets hold no cells */
  if (next_record (book, &pos, &rec, error) != 1)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the workbook is damaged: sheet “%s” "
                     "starts beyond the end of the stream", book->path, ref->name);
      return FALSE;
    }
  if (!check_bof ((XlsBook *) book, &rec, 0x0010, error))
    return FALSE;
  sheet = rl_workbook_add_sheet (wb, ref->name);
  while ((got = next_record (book, &pos, &rec, error)) == 1 && rec.id != XLS_EOF)
    if (!read_cell_record (book, sheet, &rec, &string_cell, error))
      return FALSE;
  if (got == 0)
    g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the workbook is damaged: sheet “%s” ends "
                 "without its EOF record", book->path, ref->name);
  return got == 1;
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
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &local);

  if (file == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, "%s: cannot read: %s", path, local->message);
      return NULL;
    }
  return rl_ole_read_stream (path, (const guint8 *) g_mapped_file_get_contents (file),
                             g_mapped_file_get_length (file), names, len, error);
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
  book.charset = g_strdup ("WINDOWS-1252");
  book.sst = g_ptr_array_new_with_free_func (g_free);
  book.formats = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  book.xf = g_array_new (FALSE, FALSE, sizeof (guint16));
  book.sheets = g_array_new (FALSE, FALSE, sizeof (XlsSheetRef));
  g_array_set_clear_func (book.sheets, xls_sheet_ref_clear);

  wb = rl_workbook_new (path);
  ok = read_globals (&book, error);
  for (guint i = 0; ok && i < book.sheets->len; i++)
    ok = read_sheet (&book, &g_array_index (book.sheets, XlsSheetRef, i), wb, error);
  g_free (book.charset);
  g_ptr_array_unref (book.sst);
  g_hash_table_unref (book.formats);
  g_array_unref (book.xf);
  g_array_unref (book.sheets);
  return ok ? g_steal_pointer (&wb) : NULL;
}
