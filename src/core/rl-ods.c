/* rl-ods.c — the ODS reader (OpenDocument spreadsheets)
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is in content.xml, read in one pass of libxml2's streaming
 * reader: one table:table per sheet, rows and cells that may be repeated
 * (number-rows-repeated, number-columns-repeated), spans that are merges,
 * and the shown text as text:p paragraphs. Names are matched by namespace
 * URI and local name, whatever the prefixes. Repeats of empty cells and rows
 * only move the position; repeated content is counted against
 * RL_LIMIT_ODS_REPEAT_CELLS and the sheet limits before anything is stored.
 */
#include "rl-ods.h"

#include "rl-error.h"
#include "rl-number.h"
#include "rl-zip.h"

#include <string.h>

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TABLE  "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_TEXT   "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

/* A cell's content repeated over n columns from col. */
typedef struct
{
  guint    col;
  guint    n;
  gboolean is_number;
  double   number;
  char    *text;
} OdsRun;

typedef struct
{
  RlWorkbook *wb;
  RlSheet    *sheet;
  RlXml      *x;
  guint       table_depth;
  guint64     row;          /* first row of the current table-row */
  guint64     row_repeat;
  guint64     col;          /* first column of the current cell */
  guint64     col_repeat;
  guint64     col_span, row_span;
  gboolean    covered;
  gboolean    is_number;
  double      number;
  char       *value;        /* office:date-value etc. when there is no text:p */
  GString    *text;
  guint       n_paragraphs;
  guint       in_p;
  gboolean    p_content;    /* the paragraph has had something but raw white space */
  gboolean    p_space;      /* raw white space since then, shown as one space if more follows */
  guint       in_note;      /* inside office:annotation */
  GArray     *runs;         /* OdsRun of the current row */
  guint64     row_cells;    /* cells those runs hold */
} OdsReader;

static void
ods_run_clear (gpointer p)
{
  g_free (((OdsRun *) p)->text);
}

/* A repeat or span count: at least 1. */
static guint64
parse_count (const char *v)
{
  guint64 n;

  if (v == NULL || !g_ascii_string_to_unsigned (v, 10, 1, G_MAXUINT32, &n, NULL))
    return 1;
  return n;
}

static void
cell_start (OdsReader *r)
{
  const char *ns, *name, *v, *type = NULL;
  g_autofree char *value = NULL, *other = NULL;

  r->col_repeat = r->col_span = r->row_span = 1;
  r->is_number = FALSE;
  g_clear_pointer (&r->value, g_free);
  g_string_truncate (r->text, 0);
  r->n_paragraphs = 0;
  r->covered = rl_xml_is_start (r->x, NS_TABLE, "covered-table-cell");
  while (rl_xml_next_attr (r->x, &ns, &name, &v))
    if (rl_xml_name_is (ns, name, NS_TABLE, "number-columns-repeated"))
      r->col_repeat = parse_count (v);
    else if (rl_xml_name_is (ns, name, NS_TABLE, "number-columns-spanned"))
      r->col_span = parse_count (v);
    else if (rl_xml_name_is (ns, name, NS_TABLE, "number-rows-spanned"))
      r->row_span = parse_count (v);
    else if (rl_xml_name_is (ns, name, NS_OFFICE, "value-type"))
      type = g_intern_string (v);
    else if (rl_xml_name_is (ns, name, NS_OFFICE, "value"))
      value = g_strdup (v);
    else if ((rl_xml_name_is (ns, name, NS_OFFICE, "date-value")
              || rl_xml_name_is (ns, name, NS_OFFICE, "boolean-value")) && other == NULL)
      other = g_strdup (v);
  if (type != NULL && value != NULL
      && (strcmp (type, "float") == 0 || strcmp (type, "percentage") == 0
          || strcmp (type, "currency") == 0))
    {
      char *end;

      r->number = g_ascii_strtod (value, &end);
      r->is_number = end != value && *end == '\0';
    }
  r->value = value != NULL ? g_steal_pointer (&value) : g_steal_pointer (&other);
}

static gboolean
cell_end (OdsReader *r,
          GError   **error)
{
  OdsRun run = { r->col, r->col_repeat, r->is_number, r->number, NULL };

  if ((r->col_span > 1 || r->row_span > 1) && !r->covered
      && r->row + r->row_span - 1 <= RL_GRID_MAX_ROWS
      && r->col + r->col_span - 1 <= RL_GRID_MAX_COLS)
    {
      RlMerge m = { r->row, r->col, r->row + r->row_span - 1, r->col + r->col_span - 1 };

      if (!rl_sheet_put_merge (r->sheet, &m, error))
        return FALSE;
    }
  if (r->text->len > 0 || r->n_paragraphs > 0)
    run.text = g_strndup (r->text->str, r->text->len);
  else if (r->is_number)
    run.text = rl_format_general (r->number);
  else
    run.text = g_strdup (r->value);
  r->col += r->col_repeat;
  if (run.text == NULL || run.text[0] == '\0')
    {
      g_free (run.text);
      return TRUE;
    }
  if (r->col - 1 > RL_LIMIT_SHEET_COLS)
    {
      g_free (run.text);
      rl_sheet_set_error (error, r->sheet, MIN (r->row, G_MAXUINT), 0, RL_ERROR_PARSE,
                          "a cell repeated up to column %" G_GUINT64_FORMAT " is outside the "
                          "sheet (columns A to XFD, RL_LIMIT_SHEET_COLS)", r->col - 1);
      return FALSE;
    }
  g_array_append_val (r->runs, run);
  r->row_cells += run.n;
  return TRUE;
}

static gboolean
row_store (OdsReader    *r,
           guint         row,
           const OdsRun *run,
           GError      **error)
{
  for (guint i = 0; i < run->n; i++)
    if (run->is_number
        ? !rl_sheet_put_number (r->sheet, row, run->col + i, run->number, run->text, error)
        : !rl_sheet_put_text (r->sheet, row, run->col + i, run->text, error))
      return FALSE;
  return TRUE;
}

static gboolean
row_end (OdsReader *r,
         GError   **error)
{
  guint64 first = r->row;

  r->row += r->row_repeat;
  if (r->runs->len == 0)
    return TRUE;
  if (r->row - 1 > RL_LIMIT_SHEET_ROWS)
    {
      rl_sheet_set_error (error, r->sheet, 0, 0, RL_ERROR_PARSE, "a row repeated up to row %"
                          G_GUINT64_FORMAT " is outside the sheet (rows 1 to %u, "
                          "RL_LIMIT_SHEET_ROWS)", r->row - 1, RL_LIMIT_SHEET_ROWS);
      return FALSE;
    }
  if (r->row_cells * r->row_repeat > RL_LIMIT_ODS_REPEAT_CELLS)
    {
      rl_sheet_set_error (error, r->sheet, first, 0, RL_ERROR_PARSE, "%" G_GUINT64_FORMAT
                          " cells repeated %" G_GUINT64_FORMAT " times are more than %u "
                          "(RL_LIMIT_ODS_REPEAT_CELLS)", r->row_cells, r->row_repeat,
                          RL_LIMIT_ODS_REPEAT_CELLS);
      return FALSE;
    }
  for (guint64 k = 0; k < r->row_repeat; k++)
    for (guint i = 0; i < r->runs->len; i++)
      if (!row_store (r, first + k, &g_array_index (r->runs, OdsRun, i), error))
        return FALSE;
  g_array_set_size (r->runs, 0);
  r->row_cells = 0;
  return TRUE;
}

static gboolean
text_append (OdsReader  *r,
             const char *text,
             gsize       len,
             guint64     times,
             GError    **error)
{
  if ((guint64) r->text->len + len * times > RL_LIMIT_CELL_BYTES)
    {
      rl_sheet_set_error (error, r->sheet, MIN (r->row, G_MAXUINT), MIN (r->col, G_MAXUINT),
                          RL_ERROR_PARSE, "the cell holds more than %u bytes of text "
                          "(RL_LIMIT_CELL_BYTES)", RL_LIMIT_CELL_BYTES);
      return FALSE;
    }
  for (guint64 i = 0; i < times; i++)
    g_string_append_len (r->text, text, len);
  return TRUE;
}

/* Something that is not raw white space comes in the paragraph: the raw
 * white space before it, if anything came before that, is one space. */
static gboolean
text_content (OdsReader *r,
              GError   **error)
{
  gboolean space = r->p_content && r->p_space;

  r->p_content = TRUE;
  r->p_space = FALSE;
  return !space || text_append (r, " ", 1, 1, error);
}

/* The character data of a paragraph with its white space collapsed (ODF 1.3
 * part 3, 6.1.2): a run of spaces, tabs, carriage returns and line feeds is
 * one space, none at the start of the paragraph; the spaces, tabs and line
 * breaks written as elements are kept. A run at the end stays one space:
 * LibreOffice writes a trailing space as it is (only leading and repeated
 * ones as text:s) and reads it back so. */
static gboolean
text_append_raw (OdsReader  *r,
                 const char *text,
                 GError    **error)
{
  while (*text != '\0')
    {
      gsize ws = strspn (text, " \t\r\n"), len;

      r->p_space |= ws > 0;
      text += ws;
      len = strcspn (text, " \t\r\n");
      if (len > 0 && (!text_content (r, error) || !text_append (r, text, len, 1, error)))
        return FALSE;
      text += len;
    }
  return TRUE;
}

/* Paragraphs and the spaces, tabs and line breaks written as elements. */
static gboolean
text_start (OdsReader *r,
            GError   **error)
{
  const char *local = rl_xml_local (r->x), *ns, *name, *v;

  if (g_strcmp0 (rl_xml_ns (r->x), NS_TEXT) != 0)
    return TRUE;
  if (strcmp (local, "p") == 0 || strcmp (local, "h") == 0)
    {
      if (r->in_p == 0 && r->n_paragraphs++ > 0 && !text_append (r, "\n", 1, 1, error))
        return FALSE;
      if (r->in_p == 0)
        r->p_content = r->p_space = FALSE;
      r->in_p += !rl_xml_is_empty (r->x);
    }
  else if (r->in_p > 0 && strcmp (local, "s") == 0)
    {
      guint64 n = 1;

      while (rl_xml_next_attr (r->x, &ns, &name, &v))
        if (rl_xml_name_is (ns, name, NS_TEXT, "c"))
          n = parse_count (v);
      return text_content (r, error) && text_append (r, " ", 1, n, error);
    }
  else if (r->in_p > 0 && strcmp (local, "tab") == 0)
    return text_content (r, error) && text_append (r, "\t", 1, 1, error);
  else if (r->in_p > 0 && strcmp (local, "line-break") == 0)
    return text_content (r, error) && text_append (r, "\n", 1, 1, error);
  return TRUE;
}

static gboolean
table_start (OdsReader *r,
             GError   **error)
{
  const char *ns, *name, *v;
  g_autofree char *sheet_name = NULL;

  if (++r->table_depth != 1)
    return TRUE;
  while (rl_xml_next_attr (r->x, &ns, &name, &v))
    if (rl_xml_name_is (ns, name, NS_TABLE, "name"))
      {
        g_free (sheet_name);
        sheet_name = g_strdup (v);
      }
  r->sheet = rl_workbook_add_sheet_checked (r->wb, sheet_name, error);
  r->row = 1;
  r->table_depth -= rl_xml_is_empty (r->x);
  return r->sheet != NULL;
}

static gboolean
ods_start (OdsReader *r,
           GError   **error)
{
  RlXml *x = r->x;
  gboolean empty = rl_xml_is_empty (x);
  const char *ns, *name, *v;

  if (rl_xml_is_start (x, NS_TABLE, "table"))
    return table_start (r, error);
  if (r->table_depth != 1)
    return TRUE;
  if (rl_xml_is_start (x, NS_OFFICE, "annotation"))
    r->in_note += !empty;
  else if (r->in_note > 0)
    return TRUE;
  else if (rl_xml_is_start (x, NS_TABLE, "table-row"))
    {
      r->row_repeat = 1;
      r->col = 1;
      while (rl_xml_next_attr (x, &ns, &name, &v))
        if (rl_xml_name_is (ns, name, NS_TABLE, "number-rows-repeated"))
          r->row_repeat = parse_count (v);
      return !empty || row_end (r, error);
    }
  else if (rl_xml_is_start (x, NS_TABLE, "table-cell")
           || rl_xml_is_start (x, NS_TABLE, "covered-table-cell"))
    {
      cell_start (r);
      return !empty || cell_end (r, error);
    }
  else
    return text_start (r, error);
  return TRUE;
}

static gboolean
ods_end (OdsReader *r,
         GError   **error)
{
  RlXml *x = r->x;

  if (rl_xml_is_end (x, NS_TABLE, "table"))
    r->table_depth -= r->table_depth > 0;
  else if (r->table_depth != 1)
    return TRUE;
  else if (rl_xml_is_end (x, NS_OFFICE, "annotation"))
    r->in_note -= r->in_note > 0;
  else if (r->in_note > 0)
    return TRUE;
  else if (rl_xml_is_end (x, NS_TABLE, "table-row"))
    return row_end (r, error);
  else if (rl_xml_is_end (x, NS_TABLE, "table-cell")
           || rl_xml_is_end (x, NS_TABLE, "covered-table-cell"))
    return cell_end (r, error);
  else if ((rl_xml_is_end (x, NS_TEXT, "p") || rl_xml_is_end (x, NS_TEXT, "h")) && r->in_p > 0)
    return --r->in_p > 0 || !r->p_content || !r->p_space || text_append (r, " ", 1, 1, error);
  return TRUE;
}

static gboolean
ods_node (OdsReader *r,
          GError   **error)
{
  const char *text;

  switch (rl_xml_type (r->x))
    {
    case XML_READER_TYPE_ELEMENT:
      return ods_start (r, error);
    case XML_READER_TYPE_END_ELEMENT:
      return ods_end (r, error);
    default:
      if (r->in_p > 0 && r->in_note == 0 && r->table_depth == 1
          && (text = rl_xml_text (r->x)) != NULL)
        return text_append_raw (r, text, error);
      return TRUE;
    }
}

/* Reads every table of an ODS file, in document order. */
RlWorkbook *
rl_ods_read (const char *path,
             GError    **error)
{
  g_autoptr(RlZip) zip = rl_zip_open (path, error);
  g_autoptr(RlWorkbook) wb = NULL;
  g_autoptr(RlXml) x = NULL;
  GError *local = NULL;
  OdsReader r = { NULL };
  gboolean ok = TRUE;

  if (zip == NULL)
    return NULL;
  x = rl_xml_open (zip, "content.xml", error);
  if (x == NULL)
    return NULL;
  wb = rl_workbook_new (path);
  r.wb = wb;
  r.x = x;
  r.text = g_string_new (NULL);
  r.runs = g_array_new (FALSE, FALSE, sizeof (OdsRun));
  g_array_set_clear_func (r.runs, ods_run_clear);
  while (ok && rl_xml_next (x, &local))
    ok = ods_node (&r, error);
  ok = ok && rl_xml_end (local, error);
  g_string_free (r.text, TRUE);
  g_array_unref (r.runs);
  g_free (r.value);
  return ok ? g_steal_pointer (&wb) : NULL;
}
