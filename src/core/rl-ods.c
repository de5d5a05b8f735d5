/* rl-ods.c — the ODS reader (OpenDocument spreadsheets)
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is in content.xml: one table:table per sheet, rows and cells
 * that may be repeated (number-rows-repeated, number-columns-repeated),
 * spans that are merges, and the shown text as text:p paragraphs.
 */
#include "rl-ods.h"

#include "rl-error.h"
#include "rl-number.h"
#include "rl-zip.h"

#include <stdlib.h>
#include <string.h>

/* A row or cell repeated more often than this with content is cut short. */
#define ODS_MAX_REPEAT 65536u

typedef struct
{
  guint    col;
  gboolean is_number;
  double   number;
  char    *text;
} OdsCell;

typedef struct
{
  const char *path;
  RlWorkbook *wb;
  RlSheet    *sheet;
  guint       table_depth;
  guint64     row;          /* first row of the current table-row */
  guint64     row_repeat;
  guint64     col;          /* first column of the current cell */
  guint64     col_repeat;
  guint       col_span, row_span;
  gboolean    is_number;
  double      number;
  char       *value;        /* office:value etc. when there is no text:p */
  GString    *text;
  guint       n_paragraphs;
  guint       in_p;
  guint       in_note;      /* inside office:annotation */
  GArray     *cells;        /* OdsCell of the current row */
} OdsReader;

static void
ods_cell_clear (gpointer p)
{
  g_free (((OdsCell *) p)->text);
}

static guint64
attr_count (const char **names,
            const char **values,
            const char  *local)
{
  const char *v = rl_xml_attr (names, values, local);
  guint64 n;

  if (v == NULL || !g_ascii_string_to_unsigned (v, 10, 1, G_MAXUINT32, &n, NULL))
    return 1;
  return n;
}

static void
cell_start (OdsReader   *r,
            const char **names,
            const char **values)
{
  const char *type = rl_xml_attr (names, values, "value-type");
  const char *value = rl_xml_attr (names, values, "value");

  r->col_repeat = attr_count (names, values, "number-columns-repeated");
  r->col_span = attr_count (names, values, "number-columns-spanned");
  r->row_span = attr_count (names, values, "number-rows-spanned");
  r->is_number = FALSE;
  g_clear_pointer (&r->value, g_free);
  g_string_truncate (r->text, 0);
  r->n_paragraphs = 0;
  if (type != NULL && value != NULL
      && (strcmp (type, "float") == 0 || strcmp (type, "percentage") == 0
          || strcmp (type, "currency") == 0))
    {
      char *end;

      r->number = g_ascii_strtod (value, &end);
      r->is_number = end != value && *end == '\0';
    }
  if (value == NULL)
    value = rl_xml_attr (names, values, "date-value");
  if (value == NULL)
    value = rl_xml_attr (names, values, "boolean-value");
  r->value = g_strdup (value);
}

static void
cell_end (OdsReader *r)
{
  OdsCell cell = { 0, r->is_number, r->number, NULL };
  guint64 n = MIN (r->col_repeat, ODS_MAX_REPEAT);

  if ((r->col_span > 1 || r->row_span > 1) && r->row + r->row_span - 1 <= RL_GRID_MAX_ROWS
      && r->col + r->col_span - 1 <= RL_GRID_MAX_COLS)
    {
      RlMerge m = { r->row, r->col, r->row + r->row_span - 1, r->col + r->col_span - 1 };

      rl_sheet_add_merge (r->sheet, &m);
    }
  if (r->text->len > 0 || r->n_paragraphs > 0)
    cell.text = g_strndup (r->text->str, r->text->len);
  else if (r->is_number)
    cell.text = rl_format_general (r->number);
  else
    cell.text = g_strdup (r->value);
  if (cell.text != NULL && cell.text[0] != '\0')
    for (guint64 i = 0; i < n && r->col + i <= RL_GRID_MAX_COLS; i++)
      {
        OdsCell copy = cell;

        copy.col = r->col + i;
        copy.text = g_strdup (cell.text);
        g_array_append_val (r->cells, copy);
      }
  g_free (cell.text);
  r->col += r->col_repeat;
}

static void
row_end (OdsReader *r)
{
  guint64 n = r->cells->len > 0 ? MIN (r->row_repeat, ODS_MAX_REPEAT) : 0;

  for (guint64 k = 0; k < n && r->row + k <= RL_GRID_MAX_ROWS; k++)
    for (guint i = 0; i < r->cells->len; i++)
      {
        const OdsCell *c = &g_array_index (r->cells, OdsCell, i);

        if (c->is_number)
          rl_sheet_set_number (r->sheet, r->row + k, c->col, c->number, c->text);
        else
          rl_sheet_set_text (r->sheet, r->row + k, c->col, c->text);
      }
  g_array_set_size (r->cells, 0);
  r->row += r->row_repeat;
}

static void
text_start (OdsReader   *r,
            const char  *local,
            const char **names,
            const char **values)
{
  if (strcmp (local, "p") == 0 || strcmp (local, "h") == 0)
    {
      if (r->in_p == 0 && r->n_paragraphs++ > 0)
        g_string_append_c (r->text, '\n');
      r->in_p++;
    }
  else if (r->in_p > 0 && strcmp (local, "s") == 0)
    {
      guint64 n = MIN (attr_count (names, values, "c"), 1024);

      for (guint64 i = 0; i < n; i++)
        g_string_append_c (r->text, ' ');
    }
  else if (r->in_p > 0 && strcmp (local, "tab") == 0)
    g_string_append_c (r->text, '\t');
  else if (r->in_p > 0 && strcmp (local, "line-break") == 0)
    g_string_append_c (r->text, '\n');
}

static void
ods_start_cb (GMarkupParseContext *ctx,
              const char          *element,
              const char         **names,
              const char         **values,
              gpointer             user_data,
              GError             **error)
{
  OdsReader *r = user_data;
  const char *local = rl_xml_local_name (element);

  if (strcmp (local, "table") == 0 && ++r->table_depth == 1)
    {
      r->sheet = rl_workbook_add_sheet (r->wb, rl_xml_attr (names, values, "name"));
      r->row = 1;
    }
  else if (r->table_depth != 1 || r->in_note > 0)
    r->in_note += strcmp (local, "annotation") == 0;
  else if (strcmp (local, "annotation") == 0)
    r->in_note++;
  else if (strcmp (local, "table-row") == 0)
    {
      r->row_repeat = attr_count (names, values, "number-rows-repeated");
      r->col = 1;
    }
  else if (strcmp (local, "table-cell") == 0 || strcmp (local, "covered-table-cell") == 0)
    cell_start (r, names, values);
  else
    text_start (r, local, names, values);
}

static void
ods_end_cb (GMarkupParseContext *ctx,
            const char          *element,
            gpointer             user_data,
            GError             **error)
{
  OdsReader *r = user_data;
  const char *local = rl_xml_local_name (element);

  if (strcmp (local, "table") == 0 && r->table_depth > 0)
    r->table_depth--;
  else if (strcmp (local, "annotation") == 0 && r->in_note > 0)
    r->in_note--;
  else if (r->table_depth != 1 || r->in_note > 0)
    return;
  else if (strcmp (local, "table-row") == 0)
    row_end (r);
  else if (strcmp (local, "table-cell") == 0 || strcmp (local, "covered-table-cell") == 0)
    cell_end (r);
  else if ((strcmp (local, "p") == 0 || strcmp (local, "h") == 0) && r->in_p > 0)
    r->in_p--;
}

static void
ods_text_cb (GMarkupParseContext *ctx,
             const char          *text,
             gsize                len,
             gpointer             user_data,
             GError             **error)
{
  OdsReader *r = user_data;

  if (r->in_p > 0 && r->in_note == 0 && r->table_depth == 1)
    g_string_append_len (r->text, text, len);
}

/* Reads every table of an ODS file, in document order. */
RlWorkbook *
rl_ods_read (const char *path,
             GError    **error)
{
  static const GMarkupParser parser = { ods_start_cb, ods_end_cb, ods_text_cb, NULL, NULL };
  g_autoptr(GsfInfile) zip = rl_zip_open (path, error);
  g_autoptr(RlWorkbook) wb = NULL;
  OdsReader r = { path };
  gboolean ok;

  if (zip == NULL)
    return NULL;
  wb = rl_workbook_new (path);
  r.wb = wb;
  r.text = g_string_new (NULL);
  r.cells = g_array_new (FALSE, FALSE, sizeof (OdsCell));
  g_array_set_clear_func (r.cells, ods_cell_clear);
  ok = rl_zip_parse_xml (zip, "content.xml", &parser, &r, path, error);
  g_string_free (r.text, TRUE);
  g_array_unref (r.cells);
  g_free (r.value);
  return ok ? g_steal_pointer (&wb) : NULL;
}
