/* rl-xlsx.c — the XLSX reader (Office Open XML spreadsheets)
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The package relationships name the workbook part, the workbook lists the
 * sheets and their relationship ids, its relationships give each sheet's
 * part and those of the shared strings and the styles, which are read once,
 * then every sheet's cells in one pass of libxml2's streaming reader.
 * Elements and attributes are matched by namespace URI (transitional or
 * strict) and local name; part names by rl_zip_has()'s folded lookup.
 */
#include "rl-xlsx.h"

#include "rl-error.h"
#include "rl-number.h"
#include "rl-zip.h"

#include <math.h>
#include <string.h>

#define NS_MAIN     "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_MAIN_S   "http://purl.oclc.org/ooxml/spreadsheetml/main"
#define NS_DOC_REL  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_DOC_REL_S "http://purl.oclc.org/ooxml/officeDocument/relationships"
#define NS_PKG_REL  "http://schemas.openxmlformats.org/package/2006/relationships"

typedef enum
{
  CELL_NUMBER,
  CELL_SHARED,
  CELL_BOOL,
  CELL_INLINE,
  CELL_DATE,
  CELL_TEXT, /* str, e and anything else: the value as written */
} CellType;

typedef struct
{
  char *name;
  char *rid;
} XlsxSheetRef;

typedef struct
{
  RlZip        *zip;
  const char   *path;
  char         *main;       /* the workbook part */
  GArray       *sheets;     /* XlsxSheetRef */
  GHashTable   *targets;    /* relationship id → part */
  GHashTable   *not_sheets; /* ids of relationships of another type than worksheet */
  char         *strings_part;
  char         *styles_part;
  gboolean      date1904;
  GPtrArray    *strings;    /* the shared strings, in chunk */
  GStringChunk *chunk;
  GHashTable   *num_fmts;   /* numFmtId → format code */
  GArray       *xf_formats; /* RlNumFormat per cellXfs index */
} XlsxBook;

typedef struct
{
  XlsxBook *book;
  RlSheet  *sheet;
  RlXml    *x;
  guint     row;      /* of the current row element */
  guint     cell_row; /* of the current cell */
  guint     col;
  CellType  type;
  guint     style;
  gboolean  in_v;
  gboolean  has_is;
  GString  *value;
} XlsxSheet;

static void
xlsx_sheet_ref_clear (gpointer p)
{
  XlsxSheetRef *ref = p;

  g_free (ref->name);
  g_free (ref->rid);
}

static void
set_str (char      **p,
         const char *value)
{
  g_free (*p);
  *p = g_strdup (value);
}

static gboolean
is_main (const char *ns)
{
  return ns != NULL && (strcmp (ns, NS_MAIN) == 0 || strcmp (ns, NS_MAIN_S) == 0);
}

static gboolean
is_doc_rel (const char *ns)
{
  return ns != NULL && (strcmp (ns, NS_DOC_REL) == 0 || strcmp (ns, NS_DOC_REL_S) == 0);
}

/* The element {main}local starts (type ELEMENT) or ends (END_ELEMENT) here. */
static gboolean
main_is (RlXml      *x,
         int         type,
         const char *local)
{
  return rl_xml_type (x) == type && strcmp (rl_xml_local (x), local) == 0
         && is_main (rl_xml_ns (x));
}

/* Decimal digits only (no sign or space), at most G_MAXUINT. */
static gboolean
parse_uint (const char *text,
            guint      *out)
{
  guint64 v = 0;
  const char *p = text;

  if (text == NULL || *p == '\0')
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      v = v * 10 + (guint) (*p - '0');
      if (v > G_MAXUINT)
        return FALSE;
    }
  *out = (guint) v;
  return TRUE;
}

/* "B12" → row 12, column 2, with no limit but G_MAXUINT; FALSE when it is
 * not a cell reference. */
static gboolean
parse_cell_ref (const char *ref,
                guint      *row,
                guint      *col)
{
  guint64 c = 0;
  const char *p = ref;

  for (; g_ascii_isalpha (*p) && c <= RL_GRID_MAX_COLS; p++)
    c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  if (c == 0 || g_ascii_isalpha (*p) || !parse_uint (p, row) || *row == 0 || *p == '+')
    return FALSE;
  *col = c;
  return TRUE;
}

static gboolean
fail_unfinished (RlXml   *x,
                 GError  *local,
                 GError **error)
{
  if (local != NULL)
    g_propagate_error (error, local);
  else
    rl_xml_set_error (x, error, "the part ends early");
  return FALSE;
}

/* The four hex digits of an _xHHHH_ escape at p, or -1. */
static int
xstring_unit (const char *p)
{
  int unit = 0;

  if (p[0] != '_' || p[1] != 'x')
    return -1;
  for (guint i = 2; i < 6; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      unit = unit * 16 + g_ascii_xdigit_value (p[i]);
    }
  return p[6] == '_' ? unit : -1;
}

/* Decodes the _xHHHH_ escapes of ECMA-376 ST_Xstring (part 1, 22.9.2.19) in
 * s from byte from on, in one pass from the left: "_x005F_x0041_" is the
 * text "_x0041_". Each escape is a UTF-16 code unit; a surrogate pair
 * written as two escapes is one character. An escape of U+0000 or of a lone
 * surrogate stands for no character and is kept as written. */
static void
decode_xstring (GString *s,
                gsize    from)
{
  gsize r = from, w = from;

  if (strstr (s->str + from, "_x") == NULL)
    return;
  while (r < s->len)
    {
      int unit = xstring_unit (s->str + r), low = -1;
      gunichar c = (gunichar) unit;
      gsize used = 7;

      if (unit >= 0xD800 && unit < 0xDC00)
        low = xstring_unit (s->str + r + 7);
      if (low >= 0xDC00 && low < 0xE000)
        {
          c = 0x10000 + ((gunichar) (unit - 0xD800) << 10) + (gunichar) (low - 0xDC00);
          used = 14;
        }
      if (unit <= 0 || (c >= 0xD800 && c < 0xE000))
        s->str[w++] = s->str[r++];
      else
        {
          w += g_unichar_to_utf8 (c, s->str + w); /* never longer than the escape */
          r += used;
        }
    }
  g_string_truncate (s, w);
}

/* The text of an <si> or <is> (plain or in rich-text runs, never phonetic
 * <rPh> runs) up to the end of that element, the escapes of each <t>
 * decoded; at most one byte past RL_LIMIT_CELL_BYTES is kept. */
static gboolean
read_rich_text (RlXml      *x,
                const char *element,
                GString    *out,
                GError    **error)
{
  GError *local = NULL;
  guint in_t = 0, in_rph = 0;
  gsize t_start = out->len;
  const char *text;

  if (rl_xml_is_empty (x))
    return TRUE;
  while (rl_xml_next (x, &local))
    {
      if (main_is (x, XML_READER_TYPE_END_ELEMENT, element))
        return TRUE;
      if (main_is (x, XML_READER_TYPE_ELEMENT, "rPh") && !rl_xml_is_empty (x))
        in_rph++;
      else if (main_is (x, XML_READER_TYPE_END_ELEMENT, "rPh") && in_rph > 0)
        in_rph--;
      else if (main_is (x, XML_READER_TYPE_ELEMENT, "t") && !rl_xml_is_empty (x))
        {
          if (in_t++ == 0)
            t_start = out->len;
        }
      else if (main_is (x, XML_READER_TYPE_END_ELEMENT, "t") && in_t > 0)
        {
          if (--in_t == 0 && in_rph == 0)
            decode_xstring (out, t_start);
        }
      else if (in_t > 0 && in_rph == 0 && (text = rl_xml_text (x)) != NULL
               && out->len <= RL_LIMIT_CELL_BYTES)
        g_string_append_len (out, text, MIN (strlen (text), RL_LIMIT_CELL_BYTES + 1 - out->len));
    }
  return fail_unfinished (x, local, error);
}

/* A relationship target resolved against the folder of the part that
 * names it: "worksheets/sheet1.xml" in "xl" → "xl/worksheets/sheet1.xml";
 * absolute targets start at the package root; backslashes are slashes. */
static char *
resolve_target (const char *base_dir,
                const char *target)
{
  g_autofree char *t = g_strdelimit (g_strdup (target), "\\", '/');
  g_auto(GStrv) base = g_strsplit (t[0] == '/' ? "" : base_dir, "/", -1);
  g_auto(GStrv) rel = g_strsplit (t, "/", -1);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  for (GStrv side = base; side != NULL; side = side == base ? rel : NULL)
    for (guint i = 0; side[i] != NULL; i++)
      {
        if (strcmp (side[i], "..") == 0 && parts->len > 0)
          g_ptr_array_remove_index (parts, parts->len - 1);
        else if (side[i][0] != '\0' && strcmp (side[i], ".") != 0 && strcmp (side[i], "..") != 0)
          g_ptr_array_add (parts, side[i]);
      }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("/", (char **) parts->pdata);
}

/* The same, and percent-decoded when only the decoded name is in the
 * package. */
static char *
resolve_part (RlZip      *zip,
              const char *base_dir,
              const char *target)
{
  g_autofree char *raw = resolve_target (base_dir, target);
  g_autofree char *decoded = g_uri_unescape_string (raw, NULL);

  if (!rl_zip_has (zip, raw) && decoded != NULL && rl_zip_has (zip, decoded))
    return g_steal_pointer (&decoded);
  return g_steal_pointer (&raw);
}

/* Reads a .rels part: calls found() for every internal relationship. */
static gboolean
read_rels (XlsxBook   *book,
           const char *part,
           const char *base_dir,
           void      (*found) (XlsxBook *, const char *, const char *, char *),
           GError    **error)
{
  g_autoptr(RlXml) x = rl_xml_open (book->zip, part, error);
  GError *local = NULL;

  if (x == NULL)
    return FALSE;
  while (rl_xml_next (x, &local))
    {
      const char *ns, *name, *value, *id = NULL, *type = "", *target = NULL;
      gboolean external = FALSE;

      if (!rl_xml_is_start (x, NS_PKG_REL, "Relationship"))
        continue;
      while (rl_xml_next_attr (x, &ns, &name, &value))
        if (ns == NULL && strcmp (name, "Id") == 0)
          id = value;
        else if (ns == NULL && strcmp (name, "Type") == 0)
          type = value;
        else if (ns == NULL && strcmp (name, "Target") == 0)
          target = value;
        else if (ns == NULL && strcmp (name, "TargetMode") == 0)
          external = strcmp (value, "External") == 0;
      /* the values live until the next node: copy before going on */
      if (target != NULL && !external)
        {
          g_autofree char *id_copy = g_strdup (id), *type_copy = g_strdup (type);

          found (book, id_copy, type_copy, resolve_part (book->zip, base_dir, target));
        }
    }
  return rl_xml_end (local, error);
}

static void
package_rel_found (XlsxBook   *book,
                   const char *id,
                   const char *type,
                   char       *part)
{
  if (book->main == NULL && g_str_has_suffix (type, "/officeDocument"))
    book->main = part;
  else
    g_free (part);
}

static void
workbook_rel_found (XlsxBook   *book,
                    const char *id,
                    const char *type,
                    char       *part)
{
  if (g_str_has_suffix (type, "/sharedStrings") && book->strings_part == NULL)
    book->strings_part = g_strdup (part);
  else if (g_str_has_suffix (type, "/styles") && book->styles_part == NULL)
    book->styles_part = g_strdup (part);
  if (id != NULL && !g_str_has_suffix (type, "/worksheet"))
    g_hash_table_add (book->not_sheets, g_strdup (id));
  if (id != NULL)
    g_hash_table_insert (book->targets, g_strdup (id), part);
  else
    g_free (part);
}

static void
workbook_sheet (XlsxBook *book,
                RlXml    *x)
{
  XlsxSheetRef ref = { NULL, NULL };
  const char *ns, *name, *value;

  while (rl_xml_next_attr (x, &ns, &name, &value))
    if (ns == NULL && strcmp (name, "name") == 0)
      {
        g_autoptr(GString) decoded = g_string_new (value);

        decode_xstring (decoded, 0); /* the name is an ST_Xstring too */
        set_str (&ref.name, decoded->str);
      }
    else if (is_doc_rel (ns) && strcmp (name, "id") == 0)
      set_str (&ref.rid, value);
  g_array_append_val (book->sheets, ref);
}

static gboolean
read_workbook (XlsxBook *book,
               GError  **error)
{
  g_autoptr(RlXml) x = rl_xml_open (book->zip, book->main, error);
  GError *local = NULL;
  const char *ns, *name, *value;

  if (x == NULL)
    return FALSE;
  while (rl_xml_next (x, &local))
    if (main_is (x, XML_READER_TYPE_ELEMENT, "sheet"))
      workbook_sheet (book, x);
    else if (main_is (x, XML_READER_TYPE_ELEMENT, "workbookPr"))
      while (rl_xml_next_attr (x, &ns, &name, &value))
        if (ns == NULL && strcmp (name, "date1904") == 0)
          book->date1904 = strcmp (value, "1") == 0 || strcmp (value, "true") == 0;
  return rl_xml_end (local, error);
}

static gboolean
read_strings (XlsxBook *book,
              GError  **error)
{
  g_autoptr(RlXml) x = rl_xml_open (book->zip, book->strings_part, error);
  g_autoptr(GString) text = g_string_new (NULL);
  GError *local = NULL;

  if (x == NULL)
    return FALSE;
  while (rl_xml_next (x, &local))
    {
      if (!main_is (x, XML_READER_TYPE_ELEMENT, "si"))
        continue;
      g_string_truncate (text, 0);
      if (!read_rich_text (x, "si", text, error))
        return FALSE;
      if (text->len > RL_LIMIT_CELL_BYTES)
        {
          rl_xml_set_error (x, error, "shared string %u holds more than %u bytes of text "
                            "(RL_LIMIT_CELL_BYTES)", book->strings->len, RL_LIMIT_CELL_BYTES);
          return FALSE;
        }
      if (book->strings->len >= RL_LIMIT_SHARED_STRINGS)
        {
          rl_xml_set_error (x, error, "more than %u shared strings (RL_LIMIT_SHARED_STRINGS)",
                            RL_LIMIT_SHARED_STRINGS);
          return FALSE;
        }
      g_ptr_array_add (book->strings, g_string_chunk_insert_len (book->chunk, text->str,
                                                                  text->len));
    }
  return rl_xml_end (local, error);
}

static void
styles_num_fmt (XlsxBook *book,
                RlXml    *x)
{
  const char *ns, *name, *value;
  g_autofree char *code = NULL;
  guint id = 0;
  gboolean has_id = FALSE;

  while (rl_xml_next_attr (x, &ns, &name, &value))
    if (ns == NULL && strcmp (name, "numFmtId") == 0)
      has_id = parse_uint (value, &id);
    else if (ns == NULL && strcmp (name, "formatCode") == 0)
      set_str (&code, value);
  if (has_id && code != NULL)
    g_hash_table_insert (book->num_fmts, GUINT_TO_POINTER (id), g_steal_pointer (&code));
}

static void
styles_xf (XlsxBook *book,
           RlXml    *x)
{
  RlNumFormat fmt = { RL_NUM_GENERAL, 0 };
  const char *ns, *name, *value, *code;
  guint id = 0;

  while (rl_xml_next_attr (x, &ns, &name, &value))
    if (ns == NULL && strcmp (name, "numFmtId") == 0)
      parse_uint (value, &id);
  code = g_hash_table_lookup (book->num_fmts, GUINT_TO_POINTER (id));
  if (code != NULL)
    rl_num_format_classify (code, &fmt);
  else
    rl_num_format_builtin (id, &fmt);
  g_array_append_val (book->xf_formats, fmt);
}

static gboolean
read_styles (XlsxBook *book,
             GError  **error)
{
  g_autoptr(RlXml) x = rl_xml_open (book->zip, book->styles_part, error);
  GError *local = NULL;
  gboolean in_cell_xfs = FALSE;

  if (x == NULL)
    return FALSE;
  while (rl_xml_next (x, &local))
    if (main_is (x, XML_READER_TYPE_ELEMENT, "numFmt"))
      styles_num_fmt (book, x);
    else if (main_is (x, XML_READER_TYPE_ELEMENT, "cellXfs"))
      in_cell_xfs = !rl_xml_is_empty (x);
    else if (main_is (x, XML_READER_TYPE_END_ELEMENT, "cellXfs"))
      in_cell_xfs = FALSE;
    else if (in_cell_xfs && main_is (x, XML_READER_TYPE_ELEMENT, "xf"))
      styles_xf (book, x);
  return rl_xml_end (local, error);
}

static gboolean
outside_sheet (XlsxSheet  *xs,
               const char *what,
               GError    **error)
{
  rl_sheet_set_error (error, xs->sheet, 0, 0, RL_ERROR_PARSE, "%s is outside the sheet (rows 1 "
                      "to %u, RL_LIMIT_SHEET_ROWS; columns A to XFD, RL_LIMIT_SHEET_COLS)", what,
                      RL_LIMIT_SHEET_ROWS);
  return FALSE;
}

static gboolean
sheet_row_start (XlsxSheet *xs,
                 GError   **error)
{
  const char *ns, *name, *value, *r = NULL;

  while (rl_xml_next_attr (xs->x, &ns, &name, &value))
    if (ns == NULL && strcmp (name, "r") == 0)
      r = value;
  if (r == NULL)
    xs->row++;
  else if (!parse_uint (r, &xs->row))
    {
      rl_sheet_set_error (error, xs->sheet, 0, 0, RL_ERROR_PARSE, "row r=“%s” is not a row "
                          "number", r);
      return FALSE;
    }
  if (xs->row == 0 || xs->row > RL_LIMIT_SHEET_ROWS)
    {
      g_autofree char *what = g_strdup_printf ("row %u", xs->row);

      return outside_sheet (xs, what, error);
    }
  xs->col = 0;
  return TRUE;
}

static CellType
cell_type (const char *t)
{
  static const struct { const char *name; CellType type; } types[] = {
    { "n", CELL_NUMBER }, { "s", CELL_SHARED }, { "b", CELL_BOOL },
    { "inlineStr", CELL_INLINE }, { "d", CELL_DATE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (strcmp (t, types[i].name) == 0)
      return types[i].type;
  return CELL_TEXT;
}

static gboolean
sheet_cell_start (XlsxSheet *xs,
                  GError   **error)
{
  const char *ns, *name, *value;
  g_autofree char *ref = NULL;
  guint row, col;

  xs->type = CELL_NUMBER;
  xs->style = 0;
  while (rl_xml_next_attr (xs->x, &ns, &name, &value))
    if (ns == NULL && strcmp (name, "r") == 0)
      set_str (&ref, value);
    else if (ns == NULL && strcmp (name, "t") == 0)
      xs->type = cell_type (value);
    else if (ns == NULL && strcmp (name, "s") == 0 && !parse_uint (value, &xs->style))
      xs->style = 0;
  g_string_truncate (xs->value, 0);
  xs->has_is = xs->in_v = FALSE;
  if (ref == NULL)
    {
      xs->cell_row = MAX (xs->row, 1);
      xs->col++;
      return TRUE;
    }
  if (!parse_cell_ref (ref, &row, &col))
    {
      rl_sheet_set_error (error, xs->sheet, 0, 0, RL_ERROR_PARSE, "r=“%s” is not a cell "
                          "reference", ref);
      return FALSE;
    }
  if (row > RL_LIMIT_SHEET_ROWS || col > RL_LIMIT_SHEET_COLS)
    {
      g_autofree char *what = g_strdup_printf ("cell %s", ref);

      return outside_sheet (xs, what, error);
    }
  xs->cell_row = row;
  xs->col = col;
  return TRUE;
}

static gboolean
sheet_merge (XlsxSheet *xs,
             GError   **error)
{
  const char *ns, *name, *value;
  g_auto(GStrv) ends = NULL;
  RlMerge m;

  while (rl_xml_next_attr (xs->x, &ns, &name, &value))
    if (ns == NULL && strcmp (name, "ref") == 0)
      {
        g_strfreev (ends);
        ends = g_strsplit (value, ":", 2);
      }
  if (ends == NULL || ends[0] == NULL || ends[1] == NULL
      || !parse_cell_ref (ends[0], &m.first_row, &m.first_col)
      || !parse_cell_ref (ends[1], &m.last_row, &m.last_col))
    return TRUE;
  return rl_sheet_put_merge (xs->sheet, &m, error);
}

/* TRUE when rl_format_general() of the value written as source gives source
 * itself, so it need not be formatted again: a plain decimal without a
 * leading "+" or zero, trailing zeros or an exponent, with at most 15
 * significant digits (which survive the trip through a double) and, if it
 * has a fraction, at least 0.0001 (where "%.15g" stops writing exponents). */
static gboolean
general_is_source (const char *source)
{
  const char *p = source + (source[0] == '-');
  guint digits = 0, zeros = 0;
  gboolean lead = TRUE;

  if (p[0] == '0' && p[1] != '.')
    return p[1] == '\0' && p == source;
  for (; g_ascii_isdigit (*p); p++)
    digits++;
  if (digits == 0 && *p != '\0')
    return FALSE;
  lead = digits == 1 && p[-1] == '0';
  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          if (lead && *p == '0')
            zeros++;
          else
            {
              lead = FALSE;
              digits++;
            }
        }
      if (p[-1] == '0' || p[-1] == '.' || zeros > 3)
        return FALSE;
    }
  return *p == '\0' && digits >= 1 && digits <= 15;
}

static gboolean
store_number (XlsxSheet         *xs,
              double             v,
              const RlNumFormat *fmt,
              GError           **error)
{
  g_autofree char *text = NULL;

  if (fmt == NULL && xs->style < xs->book->xf_formats->len)
    fmt = &g_array_index (xs->book->xf_formats, RlNumFormat, xs->style);
  if ((fmt == NULL || fmt->kind == RL_NUM_GENERAL) && general_is_source (xs->value->str))
    return rl_sheet_put_number (xs->sheet, xs->cell_row, xs->col, v, xs->value->str, error);
  text = rl_num_format_display (fmt, v, xs->book->date1904);
  return rl_sheet_put_number (xs->sheet, xs->cell_row, xs->col, v, text, error);
}

static gboolean
store_shared (XlsxSheet *xs,
              GError   **error)
{
  guint i;

  if (!parse_uint (xs->value->str, &i) || i >= xs->book->strings->len)
    {
      rl_sheet_set_error (error, xs->sheet, xs->cell_row, xs->col, RL_ERROR_PARSE, "refers to "
                          "shared string “%s”, but the file has %u", xs->value->str,
                          xs->book->strings->len);
      return FALSE;
    }
  return rl_sheet_put_text (xs->sheet, xs->cell_row, xs->col, xs->book->strings->pdata[i], error);
}

/* A t="d" cell: an ISO 8601 date or time, stored as the serial number that
 * the other date cells are and shown as a date. */
static gboolean
store_date (XlsxSheet *xs,
            GError   **error)
{
  static const RlNumFormat date_fmt = { RL_NUM_DATE, 0 };
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *iso = strchr (xs->value->str, 'T') != NULL
                         ? g_strdup (xs->value->str) : g_strconcat (xs->value->str, "T00:00:00",
                                                                    NULL);
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, utc);
  const RlNumFormat *fmt = &date_fmt;
  double serial;

  if (dt == NULL)
    return rl_sheet_put_text (xs->sheet, xs->cell_row, xs->col, xs->value->str, error);
  serial = g_date_time_to_unix (dt) / 86400.0 + g_date_time_get_microsecond (dt) / 86400e6
           + (xs->book->date1904 ? 24107.0 : 25569.0);
  if (xs->style < xs->book->xf_formats->len
      && g_array_index (xs->book->xf_formats, RlNumFormat, xs->style).kind == RL_NUM_DATE)
    fmt = NULL;
  return store_number (xs, serial, fmt, error);
}

static gboolean
sheet_store_cell (XlsxSheet *xs,
                  GError   **error)
{
  const char *v = xs->value->str;
  char *end;
  double number;

  if (xs->value->len > RL_LIMIT_CELL_BYTES)
    {
      rl_sheet_set_error (error, xs->sheet, xs->cell_row, xs->col, RL_ERROR_PARSE, "the cell "
                          "holds more than %u bytes of text (RL_LIMIT_CELL_BYTES)",
                          RL_LIMIT_CELL_BYTES);
      return FALSE;
    }
  if (xs->value->len == 0)
    return TRUE;
  switch (xs->type)
    {
    case CELL_SHARED:
      return xs->has_is ? rl_sheet_put_text (xs->sheet, xs->cell_row, xs->col, v, error)
                        : store_shared (xs, error);
    case CELL_BOOL:
      return rl_sheet_put_text (xs->sheet, xs->cell_row, xs->col,
                                strcmp (v, "0") == 0 || strcmp (v, "false") == 0
                                ? "FALSE" : "TRUE", error);
    case CELL_NUMBER:
      number = g_ascii_strtod (v, &end);
      if (end == v || *end != '\0' || !isfinite (number))
        {
          rl_sheet_set_error (error, xs->sheet, xs->cell_row, xs->col, RL_ERROR_PARSE,
                              "“%s” is not a number", v);
          return FALSE;
        }
      return store_number (xs, number, NULL, error);
    case CELL_DATE:
      return store_date (xs, error);
    case CELL_TEXT:
      decode_xstring (xs->value, 0);
      return rl_sheet_put_text (xs->sheet, xs->cell_row, xs->col, xs->value->str, error);
    case CELL_INLINE:
    default:
      return rl_sheet_put_text (xs->sheet, xs->cell_row, xs->col, v, error);
    }
}

/* One node of a worksheet. */
static gboolean
sheet_node (XlsxSheet *xs,
            GError   **error)
{
  RlXml *x = xs->x;
  const char *text;

  if (xs->in_v && (text = rl_xml_text (x)) != NULL)
    {
      if (xs->value->len <= RL_LIMIT_CELL_BYTES)
        g_string_append (xs->value, text);
      return TRUE;
    }
  if (rl_xml_type (x) == XML_READER_TYPE_ELEMENT && is_main (rl_xml_ns (x)))
    {
      const char *local = rl_xml_local (x);

      if (strcmp (local, "c") == 0)
        return sheet_cell_start (xs, error) && (!rl_xml_is_empty (x)
                                                || sheet_store_cell (xs, error));
      if (strcmp (local, "v") == 0)
        xs->in_v = !rl_xml_is_empty (x) && !xs->has_is;
      else if (strcmp (local, "is") == 0)
        {
          g_string_truncate (xs->value, 0);
          xs->has_is = TRUE;
          return read_rich_text (x, "is", xs->value, error);
        }
      else if (strcmp (local, "row") == 0)
        return sheet_row_start (xs, error);
      else if (strcmp (local, "mergeCell") == 0)
        return sheet_merge (xs, error);
    }
  else if (main_is (x, XML_READER_TYPE_END_ELEMENT, "v"))
    xs->in_v = FALSE;
  else if (main_is (x, XML_READER_TYPE_END_ELEMENT, "c"))
    return sheet_store_cell (xs, error);
  return TRUE;
}

static gboolean
read_sheet (XlsxBook   *book,
            RlWorkbook *wb,
            guint       i,
            GError    **error)
{
  const XlsxSheetRef *ref = &g_array_index (book->sheets, XlsxSheetRef, i);
  const char *part = ref->rid != NULL ? g_hash_table_lookup (book->targets, ref->rid) : NULL;
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(RlXml) x = NULL;
  XlsxSheet xs = { book, NULL, NULL, 0, 0, 0, CELL_NUMBER, 0, FALSE, FALSE, value };
  GError *local = NULL;

  xs.sheet = rl_workbook_add_sheet_checked (wb, ref->name, error);
  if (xs.sheet == NULL)
    return FALSE;
  if (part == NULL || !rl_zip_has (book->zip, part))
    {
      rl_sheet_set_error (error, xs.sheet, 0, 0, RL_ERROR_PARSE, "the sheet has no part in the "
                          "package");
      return FALSE;
    }
  xs.x = x = rl_xml_open (book->zip, part, error);
  if (x == NULL)
    return FALSE;
  while (rl_xml_next (x, &local))
    if (!sheet_node (&xs, error))
      return FALSE;
  return rl_xml_end (local, error);
}

static gboolean
read_book_parts (XlsxBook *book,
                 GError  **error)
{
  g_autofree char *dir = NULL, *base = NULL, *rels = NULL;

  if (rl_zip_has (book->zip, "_rels/.rels")
      && !read_rels (book, "_rels/.rels", "", package_rel_found, error))
    return FALSE;
  if (book->main == NULL || !rl_zip_has (book->zip, book->main))
    set_str (&book->main, "xl/workbook.xml");
  dir = g_path_get_dirname (book->main);
  base = g_path_get_basename (book->main);
  rels = g_strconcat (strcmp (dir, ".") == 0 ? "" : dir, strcmp (dir, ".") == 0 ? "" : "/",
                      "_rels/", base, ".rels", NULL);
  if (!read_workbook (book, error)
      || !read_rels (book, rels, strcmp (dir, ".") == 0 ? "" : dir, workbook_rel_found, error))
    return FALSE;
  if (book->strings_part == NULL && rl_zip_has (book->zip, "xl/sharedStrings.xml"))
    book->strings_part = g_strdup ("xl/sharedStrings.xml");
  if (book->strings_part != NULL && rl_zip_has (book->zip, book->strings_part)
      && !read_strings (book, error))
    return FALSE;
  if (book->styles_part != NULL && rl_zip_has (book->zip, book->styles_part)
      && !read_styles (book, error))
    return FALSE;
  return TRUE;
}

static void
xlsx_book_clear (XlsxBook *book)
{
  g_free (book->main);
  g_free (book->strings_part);
  g_free (book->styles_part);
  g_array_unref (book->sheets);
  g_hash_table_unref (book->targets);
  g_hash_table_unref (book->not_sheets);
  g_ptr_array_unref (book->strings);
  g_string_chunk_free (book->chunk);
  g_hash_table_unref (book->num_fmts);
  g_array_unref (book->xf_formats);
}

/* Reads every worksheet of an XLSX file, in workbook order. Chart, dialog
 * and macro sheets (relationships of type chartsheet, dialogsheet,
 * xlMacrosheet, xlIntlMacrosheet) hold no statistics and are not sheets of
 * the grid, as in the XLS reader. */
RlWorkbook *
rl_xlsx_read (const char *path,
              GError    **error)
{
  g_autoptr(RlZip) zip = rl_zip_open (path, error);
  g_autoptr(RlWorkbook) wb = NULL;
  XlsxBook book = { zip, path };
  gboolean ok;

  if (zip == NULL)
    return NULL;
  book.sheets = g_array_new (FALSE, TRUE, sizeof (XlsxSheetRef));
  g_array_set_clear_func (book.sheets, xlsx_sheet_ref_clear);
  book.targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  book.not_sheets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  book.strings = g_ptr_array_new ();
  book.chunk = g_string_chunk_new (64 * 1024);
  book.num_fmts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  book.xf_formats = g_array_new (FALSE, FALSE, sizeof (RlNumFormat));

  wb = rl_workbook_new (path);
  ok = read_book_parts (&book, error);
  for (guint i = 0; ok && i < book.sheets->len; i++)
    {
      const char *rid = g_array_index (book.sheets, XlsxSheetRef, i).rid;

      if (rid == NULL || !g_hash_table_contains (book.not_sheets, rid))
        ok = read_sheet (&book, wb, i, error);
    }
  xlsx_book_clear (&book);
  return ok ? g_steal_pointer (&wb) : NULL;
}
