/* rl-xlsx.c — the XLSX reader (Office Open XML spreadsheets)
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbook part lists the sheets and their relationship ids, the
 * relationships give each sheet's part, the shared strings and the styles
 * are read once, then every sheet's cells. All XML goes through GMarkup.
 */
#include "rl-xlsx.h"

#include "rl-error.h"
#include "rl-number.h"
#include "rl-zip.h"

#include <stdlib.h>
#include <string.h>

typedef struct
{
  char *name;
  char *rid;
} XlsxSheetRef;

typedef struct
{
  const char *path;
  GArray     *sheets;     /* XlsxSheetRef */
  GHashTable *targets;    /* relationship id → part path */
  gboolean    date1904;
  GPtrArray  *strings;    /* the shared strings */
  GString    *text;       /* the string being read */
  int         in_t;       /* inside <t> of a string (not of a phonetic run) */
  int         in_rph;
  GHashTable *num_fmts;   /* numFmtId → format code */
  GArray     *xf_formats; /* RlNumFormat per cellXfs index */
  gboolean    in_cell_xfs;
} XlsxBook;

typedef struct
{
  XlsxBook *book;
  RlSheet  *sheet;
  guint     row;
  guint     col;
  char      type[16];
  guint     style;
  gboolean  in_v;
  gboolean  in_is;
  gboolean  has_value;
  GString  *value;
} XlsxSheet;

static void
xlsx_sheet_ref_clear (gpointer p)
{
  XlsxSheetRef *ref = p;

  g_free (ref->name);
  g_free (ref->rid);
}

static gboolean
parse_uint (const char *text,
            guint      *out)
{
  guint64 v;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &v, NULL))
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

/* "B12" → row 12, column 2; FALSE when it is not a cell reference. */
static gboolean
parse_cell_ref (const char *ref,
                guint      *row,
                guint      *col)
{
  const char *p;
  guint c = rl_column_parse (ref, &p);
  guint r;

  if (c == 0 || !parse_uint (p, &r) || r == 0 || r > RL_GRID_MAX_ROWS)
    return FALSE;
  *row = r;
  *col = c;
  return TRUE;
}

static void
workbook_start_cb (GMarkupParseContext *ctx,
                   const char          *element,
                   const char         **names,
                   const char         **values,
                   gpointer             user_data,
                   GError             **error)
{
  XlsxBook *book = user_data;
  const char *local = rl_xml_local_name (element);

  if (strcmp (local, "sheet") == 0)
    {
      XlsxSheetRef ref = { g_strdup (rl_xml_attr (names, values, "name")),
                           g_strdup (rl_xml_attr (names, values, "id")) };

      g_array_append_val (book->sheets, ref);
    }
  else if (strcmp (local, "workbookPr") == 0)
    {
      const char *d = rl_xml_attr (names, values, "date1904");

      book->date1904 = d != NULL && (strcmp (d, "1") == 0 || strcmp (d, "true") == 0);
    }
}

static void
rels_start_cb (GMarkupParseContext *ctx,
               const char          *element,
               const char         **names,
               const char         **values,
               gpointer             user_data,
               GError             **error)
{
  XlsxBook *book = user_data;
  const char *id, *target;

  if (strcmp (rl_xml_local_name (element), "Relationship") != 0)
    return;
  id = rl_xml_attr (names, values, "Id");
  target = rl_xml_attr (names, values, "Target");
  if (id == NULL || target == NULL)
    return;
  if (target[0] == '/')
    g_hash_table_insert (book->targets, g_strdup (id), g_strdup (target + 1));
  else
    g_hash_table_insert (book->targets, g_strdup (id), g_strconcat ("xl/", target, NULL));
}

static void
strings_start_cb (GMarkupParseContext *ctx,
                  const char          *element,
                  const char         **names,
                  const char         **values,
                  gpointer             user_data,
                  GError             **error)
{
  XlsxBook *book = user_data;
  const char *local = rl_xml_local_name (element);

  if (strcmp (local, "si") == 0)
    g_string_truncate (book->text, 0);
  else if (strcmp (local, "rPh") == 0)
    book->in_rph++;
  else if (strcmp (local, "t") == 0 && book->in_rph == 0)
    book->in_t++;
}

static void
strings_end_cb (GMarkupParseContext *ctx,
                const char          *element,
                gpointer             user_data,
                GError             **error)
{
  XlsxBook *book = user_data;
  const char *local = rl_xml_local_name (element);

  if (strcmp (local, "si") == 0)
    g_ptr_array_add (book->strings, g_strndup (book->text->str, book->text->len));
  else if (strcmp (local, "rPh") == 0)
    book->in_rph--;
  else if (strcmp (local, "t") == 0 && book->in_rph == 0 && book->in_t > 0)
    book->in_t--;
}

static void
strings_text_cb (GMarkupParseContext *ctx,
                 const char          *text,
                 gsize                len,
                 gpointer             user_data,
                 GError             **error)
{
  XlsxBook *book = user_data;

  if (book->in_t > 0)
    g_string_append_len (book->text, text, len);
}

static void
styles_start_cb (GMarkupParseContext *ctx,
                 const char          *element,
                 const char         **names,
                 const char         **values,
                 gpointer             user_data,
                 GError             **error)
{
  XlsxBook *book = user_data;
  const char *local = rl_xml_local_name (element);
  guint id = 0;

  if (strcmp (local, "numFmt") == 0)
    {
      const char *code = rl_xml_attr (names, values, "formatCode");

      if (parse_uint (rl_xml_attr (names, values, "numFmtId"), &id) && code != NULL)
        g_hash_table_insert (book->num_fmts, GUINT_TO_POINTER (id), g_strdup (code));
    }
  else if (strcmp (local, "cellXfs") == 0)
    book->in_cell_xfs = TRUE;
  else if (strcmp (local, "xf") == 0 && book->in_cell_xfs)
    {
      RlNumFormat fmt = { RL_NUM_GENERAL, 0 };
      const char *code;

      parse_uint (rl_xml_attr (names, values, "numFmtId"), &id);
      code = g_hash_table_lookup (book->num_fmts, GUINT_TO_POINTER (id));
      if (code != NULL)
        rl_num_format_classify (code, &fmt);
      else
        rl_num_format_builtin (id, &fmt);
      g_array_append_val (book->xf_formats, fmt);
    }
}

static void
styles_end_cb (GMarkupParseContext *ctx,
               const char          *element,
               gpointer             user_data,
               GError             **error)
{
  XlsxBook *book = user_data;

  if (strcmp (rl_xml_local_name (element), "cellXfs") == 0)
    book->in_cell_xfs = FALSE;
}

static void
sheet_row_start (XlsxSheet   *xs,
                 const char **names,
                 const char **values)
{
  guint r;

  if (parse_uint (rl_xml_attr (names, values, "r"), &r) && r >= 1 && r <= RL_GRID_MAX_ROWS)
    xs->row = r;
  else
    xs->row++;
  xs->col = 0;
}

static void
sheet_cell_start (XlsxSheet   *xs,
                  const char **names,
                  const char **values)
{
  const char *ref = rl_xml_attr (names, values, "r");
  const char *type = rl_xml_attr (names, values, "t");
  guint row, col;

  if (ref != NULL && parse_cell_ref (ref, &row, &col))
    {
      xs->row = row;
      xs->col = col;
    }
  else
    xs->col++;
  g_strlcpy (xs->type, type != NULL ? type : "n", sizeof xs->type);
  if (!parse_uint (rl_xml_attr (names, values, "s"), &xs->style))
    xs->style = 0;
  g_string_truncate (xs->value, 0);
  xs->has_value = FALSE;
}

static void
sheet_merge (XlsxSheet  *xs,
             const char *ref)
{
  g_auto(GStrv) ends = ref != NULL ? g_strsplit (ref, ":", 2) : NULL;
  RlMerge m;

  if (ends == NULL || ends[0] == NULL || ends[1] == NULL
      || !parse_cell_ref (ends[0], &m.first_row, &m.first_col)
      || !parse_cell_ref (ends[1], &m.last_row, &m.last_col))
    return;
  rl_sheet_add_merge (xs->sheet, &m);
}

static void
sheet_start_cb (GMarkupParseContext *ctx,
                const char          *element,
                const char         **names,
                const char         **values,
                gpointer             user_data,
                GError             **error)
{
  XlsxSheet *xs = user_data;
  const char *local = rl_xml_local_name (element);

  if (strcmp (local, "row") == 0)
    sheet_row_start (xs, names, values);
  else if (strcmp (local, "c") == 0)
    sheet_cell_start (xs, names, values);
  else if (strcmp (local, "v") == 0)
    xs->in_v = xs->has_value = TRUE;
  else if (strcmp (local, "is") == 0)
    xs->in_is = xs->has_value = TRUE;
  else if (strcmp (local, "rPh") == 0)
    xs->in_is = FALSE;
  else if (strcmp (local, "mergeCell") == 0)
    sheet_merge (xs, rl_xml_attr (names, values, "ref"));
}

static void
sheet_store_number (XlsxSheet *xs,
                    GError   **error)
{
  const RlNumFormat *fmt = NULL;
  g_autofree char *text = NULL;
  char *end;
  double v = g_ascii_strtod (xs->value->str, &end);

  if (end == xs->value->str || *end != '\0')
    {
      g_autofree char *col = rl_column_name (xs->col);

      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: sheet “%s”, cell %s%u: “%s” is not a "
                   "number", xs->book->path, rl_sheet_get_name (xs->sheet), col, xs->row,
                   xs->value->str);
      return;
    }
  if (xs->style < xs->book->xf_formats->len)
    fmt = &g_array_index (xs->book->xf_formats, RlNumFormat, xs->style);
  text = rl_num_format_display (fmt, v, xs->book->date1904);
  rl_sheet_set_number (xs->sheet, xs->row, xs->col, v, text);
}

static void
sheet_store_shared (XlsxSheet *xs,
                    GError   **error)
{
  guint i;

  if (!parse_uint (xs->value->str, &i) || i >= xs->book->strings->len)
    {
      g_autofree char *col = rl_column_name (xs->col);

      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: sheet “%s”, cell %s%u refers to shared "
                   "string “%s”, but the file has %u", xs->book->path,
                   rl_sheet_get_name (xs->sheet), col, xs->row, xs->value->str,
                   xs->book->strings->len);
      return;
    }
  rl_sheet_set_text (xs->sheet, xs->row, xs->col, xs->book->strings->pdata[i]);
}

static void
sheet_store_cell (XlsxSheet *xs,
                  GError   **error)
{
  const char *t = xs->type;

  if (!xs->has_value || xs->col == 0 || xs->row == 0)
    return;
  if (strcmp (t, "s") == 0)
    sheet_store_shared (xs, error);
  else if (strcmp (t, "b") == 0)
    rl_sheet_set_text (xs->sheet, xs->row, xs->col,
                       strcmp (xs->value->str, "0") == 0 ? "FALSE" : "TRUE");
  else if (strcmp (t, "n") == 0 && xs->value->len > 0)
    sheet_store_number (xs, error);
  else
    rl_sheet_set_text (xs->sheet, xs->row, xs->col, xs->value->str); /* str, inlineStr, e, d */
}

static void
sheet_end_cb (GMarkupParseContext *ctx,
              const char          *element,
              gpointer             user_data,
              GError             **error)
{
  XlsxSheet *xs = user_data;
  const char *local = rl_xml_local_name (element);

  if (strcmp (local, "v") == 0)
    xs->in_v = FALSE;
  else if (strcmp (local, "is") == 0)
    xs->in_is = FALSE;
  else if (strcmp (local, "c") == 0)
    sheet_store_cell (xs, error);
}

static void
sheet_text_cb (GMarkupParseContext *ctx,
               const char          *text,
               gsize                len,
               gpointer             user_data,
               GError             **error)
{
  XlsxSheet *xs = user_data;

  if (xs->in_v || (xs->in_is && strcmp (rl_xml_local_name (g_markup_parse_context_get_element
                                                          (ctx)), "t") == 0))
    g_string_append_len (xs->value, text, len);
}

static gboolean
read_sheet (XlsxBook   *book,
            GsfInfile  *zip,
            RlWorkbook *wb,
            guint       i,
            GError    **error)
{
  static const GMarkupParser parser = { sheet_start_cb, sheet_end_cb, sheet_text_cb, NULL, NULL };
  const XlsxSheetRef *ref = &g_array_index (book->sheets, XlsxSheetRef, i);
  const char *part = ref->rid != NULL ? g_hash_table_lookup (book->targets, ref->rid) : NULL;
  g_autoptr(GString) value = g_string_new (NULL);
  XlsxSheet xs = { book, rl_workbook_add_sheet (wb, ref->name), 0, 0, "n", 0, FALSE, FALSE,
                   FALSE, value };

  if (part == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: sheet “%s” has no part in the package",
                   book->path, ref->name != NULL ? ref->name : "");
      return FALSE;
    }
  return rl_zip_parse_xml (zip, part, &parser, &xs, book->path, error);
}

static gboolean
read_book_parts (XlsxBook  *book,
                 GsfInfile *zip,
                 GError   **error)
{
  static const GMarkupParser workbook = { workbook_start_cb, NULL, NULL, NULL, NULL };
  static const GMarkupParser rels = { rels_start_cb, NULL, NULL, NULL, NULL };
  static const GMarkupParser strings = { strings_start_cb, strings_end_cb, strings_text_cb,
                                         NULL, NULL };
  static const GMarkupParser styles = { styles_start_cb, styles_end_cb, NULL, NULL, NULL };

  if (!rl_zip_parse_xml (zip, "xl/workbook.xml", &workbook, book, book->path, error)
      || !rl_zip_parse_xml (zip, "xl/_rels/workbook.xml.rels", &rels, book, book->path, error))
    return FALSE;
  if (rl_zip_has (zip, "xl/sharedStrings.xml")
      && !rl_zip_parse_xml (zip, "xl/sharedStrings.xml", &strings, book, book->path, error))
    return FALSE;
  if (rl_zip_has (zip, "xl/styles.xml")
      && !rl_zip_parse_xml (zip, "xl/styles.xml", &styles, book, book->path, error))
    return FALSE;
  return TRUE;
}

static void
xlsx_book_clear (XlsxBook *book)
{
  g_array_unref (book->sheets);
  g_hash_table_unref (book->targets);
  g_ptr_array_unref (book->strings);
  g_string_free (book->text, TRUE);
  g_hash_table_unref (book->num_fmts);
  g_array_unref (book->xf_formats);
}

/* Reads every worksheet of an XLSX file, in workbook order. */
RlWorkbook *
rl_xlsx_read (const char *path,
              GError    **error)
{
  g_autoptr(GsfInfile) zip = rl_zip_open (path, error);
  g_autoptr(RlWorkbook) wb = NULL;
  XlsxBook book = { path };
  gboolean ok;

  if (zip == NULL)
    return NULL;
  book.sheets = g_array_new (FALSE, TRUE, sizeof (XlsxSheetRef));
  g_array_set_clear_func (book.sheets, xlsx_sheet_ref_clear);
  book.targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  book.strings = g_ptr_array_new_with_free_func (g_free);
  book.text = g_string_new (NULL);
  book.num_fmts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  book.xf_formats = g_array_new (FALSE, FALSE, sizeof (RlNumFormat));

  wb = rl_workbook_new (path);
  ok = read_book_parts (&book, zip, error);
  for (guint i = 0; ok && i < book.sheets->len; i++)
    ok = read_sheet (&book, zip, wb, i, error);
  xlsx_book_clear (&book);
  return ok ? g_steal_pointer (&wb) : NULL;
}
