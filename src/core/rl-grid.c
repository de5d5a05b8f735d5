/* rl-grid.c — a raw workbook: sheets of cells as text, as a spreadsheet shows them
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-grid.h"

#include "rl-error.h"

#include <errno.h>
#include <math.h>
#include <string.h>

/* One cell of a row; the rows keep their cells sorted by column. The text
 * lives in the workbook's string chunk. */
typedef struct
{
  guint       col;
  gboolean    is_number;
  double      number;
  const char *text;
} RlCell;

struct _RlSheet
{
  RlWorkbook *wb;
  char       *name;
  GPtrArray  *rows;   /* GArray of RlCell per row, NULL for an empty row; index = row − 1 */
  GArray     *merges; /* RlMerge */
  guint       n_rows;
  guint       n_cols;
  guint       n_cells;
};

struct _RlWorkbook
{
  char         *path;
  GPtrArray    *sheets;
  GStringChunk *strings;
  guint         n_cells; /* all sheets */
};

static void
rl_sheet_free (RlSheet *sheet)
{
  for (guint i = 0; i < sheet->rows->len; i++)
    if (sheet->rows->pdata[i] != NULL)
      g_array_unref (sheet->rows->pdata[i]);
  g_ptr_array_unref (sheet->rows);
  g_array_unref (sheet->merges);
  g_free (sheet->name);
  g_free (sheet);
}

/* The row's cells, or NULL when the row is empty or out of range. */
static GArray *
sheet_row (const RlSheet *sheet,
           guint          row)
{
  if (row == 0 || row > sheet->rows->len)
    return NULL;
  return sheet->rows->pdata[row - 1];
}

/* Index of the first cell whose column is >= col. */
static guint
row_lower_bound (GArray *cells,
                 guint   col)
{
  guint lo = 0, hi = cells->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (cells, RlCell, mid).col < col)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static const RlCell *
sheet_cell (const RlSheet *sheet,
            guint          row,
            guint          col)
{
  GArray *cells = sheet_row (sheet, row);
  guint i;

  if (cells == NULL)
    return NULL;
  i = row_lower_bound (cells, col);
  if (i < cells->len && g_array_index (cells, RlCell, i).col == col)
    return &g_array_index (cells, RlCell, i);
  return NULL;
}

static void
sheet_store (RlSheet      *sheet,
             guint         row,
             const RlCell *cell)
{
  GArray *cells;
  guint i;

  g_return_if_fail (row >= 1 && row <= RL_GRID_MAX_ROWS);
  g_return_if_fail (cell->col >= 1 && cell->col <= RL_GRID_MAX_COLS);

  if (row > sheet->rows->len)
    g_ptr_array_set_size (sheet->rows, row);
  cells = sheet->rows->pdata[row - 1];
  if (cells == NULL)
    cells = sheet->rows->pdata[row - 1] = g_array_new (FALSE, FALSE, sizeof (RlCell));

  if (cells->len == 0 || g_array_index (cells, RlCell, cells->len - 1).col < cell->col)
    i = cells->len;
  else
    i = row_lower_bound (cells, cell->col);

  if (i < cells->len && g_array_index (cells, RlCell, i).col == cell->col)
    {
      g_array_index (cells, RlCell, i) = *cell;
      return;
    }
  g_array_insert_val (cells, i, *cell);
  sheet->n_cells++;
  sheet->wb->n_cells++;
  sheet->n_rows = MAX (sheet->n_rows, row);
  sheet->n_cols = MAX (sheet->n_cols, cell->col);
}

static gboolean
write_sheet_tsv (const RlSheet *sheet,
                 GString       *out,
                 FILE          *file)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint r = 0; r < sheet->rows->len; r++)
    {
      GArray *cells = sheet->rows->pdata[r];

      for (guint i = 0; cells != NULL && i < cells->len; i++)
        {
          const RlCell *cell = &g_array_index (cells, RlCell, i);
          g_autofree char *col = rl_column_name (cell->col);

          g_string_truncate (line, 0);
          rl_append_escaped (line, sheet->name);
          g_string_append_printf (line, "\t%u\t%s\t", r + 1, col);
          rl_append_escaped (line, cell->text);
          g_string_append_c (line, '\n');
          if (out != NULL)
            g_string_append_len (out, line->str, line->len);
          else if (fwrite (line->str, 1, line->len, file) != line->len)
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
dump_tsv (const RlWorkbook *wb,
          const char       *sheet_name,
          GString          *out,
          FILE             *file,
          GError          **error)
{
  if (sheet_name != NULL && rl_workbook_find_sheet (wb, sheet_name) == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "%s: there is no sheet named “%s”",
                   wb->path, sheet_name);
      return FALSE;
    }
  for (guint i = 0; i < wb->sheets->len; i++)
    {
      const RlSheet *sheet = wb->sheets->pdata[i];

      if (sheet_name != NULL && strcmp (sheet->name, sheet_name) != 0)
        continue;
      if (!write_sheet_tsv (sheet, out, file))
        {
          g_set_error (error, RL_ERROR, RL_ERROR_IO, "%s: could not write the dump: %s",
                       wb->path, g_strerror (errno));
          return FALSE;
        }
    }
  return TRUE;
}

RlWorkbook *
rl_workbook_new (const char *path)
{
  RlWorkbook *wb = g_new0 (RlWorkbook, 1);

  wb->path = g_strdup (path != NULL ? path : "");
  wb->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) rl_sheet_free);
  wb->strings = g_string_chunk_new (64 * 1024);
  return wb;
}

void
rl_workbook_free (RlWorkbook *wb)
{
  if (wb == NULL)
    return;
  g_ptr_array_unref (wb->sheets);
  g_string_chunk_free (wb->strings);
  g_free (wb->path);
  g_free (wb);
}

const char *
rl_workbook_get_path (const RlWorkbook *wb)
{
  return wb->path;
}

guint
rl_workbook_n_sheets (const RlWorkbook *wb)
{
  return wb->sheets->len;
}

/* The i-th sheet (0-based) in workbook order, or NULL when out of range. */
RlSheet *
rl_workbook_get_sheet (const RlWorkbook *wb,
                       guint             i)
{
  return i < wb->sheets->len ? wb->sheets->pdata[i] : NULL;
}

RlSheet *
rl_workbook_find_sheet (const RlWorkbook *wb,
                        const char       *name)
{
  for (guint i = 0; i < wb->sheets->len; i++)
    {
      RlSheet *sheet = wb->sheets->pdata[i];

      if (strcmp (sheet->name, name) == 0)
        return sheet;
    }
  return NULL;
}

RlSheet *
rl_workbook_add_sheet (RlWorkbook *wb,
                       const char *name)
{
  RlSheet *sheet = g_new0 (RlSheet, 1);

  sheet->wb = wb;
  sheet->name = g_strdup (name != NULL ? name : "");
  sheet->rows = g_ptr_array_new ();
  sheet->merges = g_array_new (FALSE, FALSE, sizeof (RlMerge));
  g_ptr_array_add (wb->sheets, sheet);
  return sheet;
}

/* Appends "sheet\trow\tcolumn\ttext\n" for every non-empty cell of the named
 * sheet (all sheets when sheet_name is NULL), rows in order; the column is
 * shown as letters and tabs, newlines and backslashes in the text are escaped. */
gboolean
rl_workbook_dump_tsv (const RlWorkbook *wb,
                      const char       *sheet_name,
                      GString          *out,
                      GError          **error)
{
  return dump_tsv (wb, sheet_name, out, NULL, error);
}

/* The same as rl_workbook_dump_tsv(), written to a stream. */
gboolean
rl_workbook_dump_file (const RlWorkbook *wb,
                       const char       *sheet_name,
                       FILE             *out,
                       GError          **error)
{
  return dump_tsv (wb, sheet_name, NULL, out, error);
}

const char *
rl_sheet_get_name (const RlSheet *sheet)
{
  return sheet->name;
}

/* The last row holding a cell (0 for an empty sheet). */
guint
rl_sheet_n_rows (const RlSheet *sheet)
{
  return sheet->n_rows;
}

/* The last column holding a cell (0 for an empty sheet). */
guint
rl_sheet_n_cols (const RlSheet *sheet)
{
  return sheet->n_cols;
}

guint
rl_sheet_n_cells (const RlSheet *sheet)
{
  return sheet->n_cells;
}

/* The cell's text as shown, or NULL for no cell. 1-based row and column. */
const char *
rl_sheet_get_text (const RlSheet *sheet,
                   guint          row,
                   guint          col)
{
  const RlCell *cell = sheet_cell (sheet, row, col);

  return cell != NULL ? cell->text : NULL;
}

/* TRUE and the stored value when the file holds the cell as a number (CSV
 * cells are always text: parse them with rl_parse_number()). */
gboolean
rl_sheet_get_number (const RlSheet *sheet,
                     guint          row,
                     guint          col,
                     double        *out)
{
  const RlCell *cell = sheet_cell (sheet, row, col);

  if (cell == NULL || !cell->is_number)
    return FALSE;
  if (out != NULL)
    *out = cell->number;
  return TRUE;
}

const RlMerge *
rl_sheet_get_merges (const RlSheet *sheet,
                     guint         *n_merges)
{
  *n_merges = sheet->merges->len;
  return (const RlMerge *) (gpointer) sheet->merges->data;
}

/* The unchecked setters, for values rl_sheet_put_*() have checked. */
static void
sheet_set_text (RlSheet    *sheet,
                guint       row,
                guint       col,
                const char *text)
{
  RlCell cell = { col, FALSE, NAN, NULL };

  if (text == NULL || text[0] == '\0')
    return;
  cell.text = g_string_chunk_insert_const (sheet->wb->strings, text);
  sheet_store (sheet, row, &cell);
}

static void
sheet_set_number (RlSheet    *sheet,
                  guint       row,
                  guint       col,
                  double      value,
                  const char *text)
{
  RlCell cell = { col, TRUE, value, NULL };

  g_return_if_fail (text != NULL && text[0] != '\0');
  cell.text = g_string_chunk_insert_const (sheet->wb->strings, text);
  sheet_store (sheet, row, &cell);
}

/* Records a merged range; ranges outside the sheet limits are dropped. */
static void
sheet_add_merge (RlSheet       *sheet,
                 const RlMerge *merge)
{
  if (merge->first_row < 1 || merge->first_col < 1 || merge->last_row < merge->first_row
      || merge->last_col < merge->first_col || merge->last_row > RL_GRID_MAX_ROWS
      || merge->last_col > RL_GRID_MAX_COLS)
    return;
  g_array_append_val (sheet->merges, *merge);
}

guint
rl_workbook_n_cells (const RlWorkbook *wb)
{
  return wb->n_cells;
}

void
rl_sheet_set_error (GError       **error,
                    const RlSheet *sheet,
                    guint          row,
                    guint          col,
                    int            code,
                    const char    *format,
                    ...)
{
  g_autofree char *message = NULL;
  g_autofree char *column = col > 0 ? rl_column_name (col) : NULL;
  g_autoptr(GString) where = g_string_new (sheet->wb->path);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_string_append_printf (where, ", sheet “%s”", sheet->name);
  if (row > 0 && col > 0)
    g_string_append_printf (where, ", cell %s%u", column, row);
  else if (row > 0)
    g_string_append_printf (where, ", row %u", row);
  else if (col > 0)
    g_string_append_printf (where, ", column %s", column);
  g_set_error (error, RL_ERROR, code, "%s: %s", where->str, message);
}

static gboolean
check_cell (RlSheet    *sheet,
            guint       row,
            guint       col,
            const char *text,
            GError    **error)
{
  if (row < 1 || row > RL_LIMIT_SHEET_ROWS)
    {
      rl_sheet_set_error (error, sheet, 0, 0, RL_ERROR_PARSE,
                          "row %u is outside the sheet (rows 1 to %u, RL_LIMIT_SHEET_ROWS)",
                          row, RL_LIMIT_SHEET_ROWS);
      return FALSE;
    }
  if (col < 1 || col > RL_LIMIT_SHEET_COLS)
    {
      rl_sheet_set_error (error, sheet, row, 0, RL_ERROR_PARSE,
                          "column %u is outside the sheet (columns 1 to %u, "
                          "RL_LIMIT_SHEET_COLS)", col, RL_LIMIT_SHEET_COLS);
      return FALSE;
    }
  if (text != NULL && strlen (text) > RL_LIMIT_CELL_BYTES)
    {
      rl_sheet_set_error (error, sheet, row, col, RL_ERROR_PARSE,
                          "the cell holds more than %u bytes of text (RL_LIMIT_CELL_BYTES)",
                          RL_LIMIT_CELL_BYTES);
      return FALSE;
    }
  if (sheet->wb->n_cells >= RL_LIMIT_WORKBOOK_CELLS && sheet_cell (sheet, row, col) == NULL)
    {
      rl_sheet_set_error (error, sheet, row, col, RL_ERROR_PARSE,
                          "the workbook holds more than %u cells (RL_LIMIT_WORKBOOK_CELLS)",
                          RL_LIMIT_WORKBOOK_CELLS);
      return FALSE;
    }
  return TRUE;
}

gboolean
rl_sheet_put_text (RlSheet    *sheet,
                   guint       row,
                   guint       col,
                   const char *text,
                   GError    **error)
{
  if (text == NULL || text[0] == '\0')
    return TRUE;
  if (!check_cell (sheet, row, col, text, error))
    return FALSE;
  sheet_set_text (sheet, row, col, text);
  return TRUE;
}

gboolean
rl_sheet_put_text_unshared (RlSheet    *sheet,
                            guint       row,
                            guint       col,
                            const char *text,
                            GError    **error)
{
  RlCell cell = { col, FALSE, NAN, NULL };

  if (text == NULL || text[0] == '\0')
    return TRUE;
  if (!check_cell (sheet, row, col, text, error))
    return FALSE;
  cell.text = g_string_chunk_insert (sheet->wb->strings, text);
  sheet_store (sheet, row, &cell);
  return TRUE;
}

gboolean
rl_sheet_put_number (RlSheet    *sheet,
                     guint       row,
                     guint       col,
                     double      value,
                     const char *text,
                     GError    **error)
{
  if (text == NULL || text[0] == '\0')
    {
      rl_sheet_set_error (error, sheet, row, col, RL_ERROR_PARSE, "a number without its text");
      return FALSE;
    }
  if (!check_cell (sheet, row, col, text, error))
    return FALSE;
  sheet_set_number (sheet, row, col, value, text);
  return TRUE;
}

/* A merge outside the sheet limits or upside down is dropped (files write
 * such ranges for whole rows); past RL_LIMIT_MERGES it is an error. */
gboolean
rl_sheet_put_merge (RlSheet       *sheet,
                    const RlMerge *merge,
                    GError       **error)
{
  if (sheet->merges->len >= RL_LIMIT_MERGES)
    {
      rl_sheet_set_error (error, sheet, merge->first_row, merge->first_col, RL_ERROR_PARSE,
                          "the sheet has more than %u merged ranges (RL_LIMIT_MERGES)",
                          RL_LIMIT_MERGES);
      return FALSE;
    }
  sheet_add_merge (sheet, merge);
  return TRUE;
}

RlSheet *
rl_workbook_add_sheet_checked (RlWorkbook  *wb,
                               const char  *name,
                               GError     **error)
{
  if (wb->sheets->len >= RL_LIMIT_SHEETS)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
                   "%s: the workbook has more than %u sheets (RL_LIMIT_SHEETS)", wb->path,
                   RL_LIMIT_SHEETS);
      return NULL;
    }
  return rl_workbook_add_sheet (wb, name);
}

/* The column's letters as a spreadsheet shows them: 1 → "A", 27 → "AA". */
char *
rl_column_name (guint col)
{
  char buf[16];
  int i = sizeof buf - 1;

  buf[i] = '\0';
  while (col > 0 && i > 0)
    {
      col--;
      buf[--i] = 'A' + col % 26;
      col /= 26;
    }
  return g_strdup (buf + i);
}

/* Parses column letters ("AA" → 27, case-insensitive); 0 when there are none
 * or the column is beyond the sheet limit. *end points after the letters. */
guint
rl_column_parse (const char  *text,
                 const char **end)
{
  guint col = 0;
  const char *p = text;

  while (g_ascii_isalpha (*p))
    {
      col = col * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (col > RL_GRID_MAX_COLS)
        col = RL_GRID_MAX_COLS + 1;
      p++;
    }
  if (end != NULL)
    *end = p;
  return col <= RL_GRID_MAX_COLS ? col : 0;
}

/* Appends text with backslash, tab, newline and carriage return escaped. */
void
rl_append_escaped (GString    *out,
                   const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
}
