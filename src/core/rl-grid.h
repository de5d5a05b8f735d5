/* rl-grid.h — a raw workbook: sheets of cells as text, as a spreadsheet shows them
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-limits.h"

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

/* The largest sheet any reader accepts (the XLSX limits). */
#define RL_GRID_MAX_ROWS RL_LIMIT_SHEET_ROWS
#define RL_GRID_MAX_COLS RL_LIMIT_SHEET_COLS

typedef struct _RlWorkbook RlWorkbook;
typedef struct _RlSheet RlSheet;

/* A merged range, 1-based and inclusive, as the spreadsheet shows it. */
typedef struct
{
  guint first_row;
  guint first_col;
  guint last_row;
  guint last_col;
} RlMerge;

RlWorkbook    *rl_workbook_new        (const char *path);
void           rl_workbook_free       (RlWorkbook *wb);
const char    *rl_workbook_get_path   (const RlWorkbook *wb);
guint          rl_workbook_n_sheets   (const RlWorkbook *wb);
RlSheet       *rl_workbook_get_sheet  (const RlWorkbook *wb,
                                       guint             i);
RlSheet       *rl_workbook_find_sheet (const RlWorkbook *wb,
                                       const char       *name);
RlSheet       *rl_workbook_add_sheet  (RlWorkbook       *wb,
                                       const char       *name);
gboolean       rl_workbook_dump_tsv   (const RlWorkbook *wb,
                                       const char       *sheet_name,
                                       GString          *out,
                                       GError          **error);
gboolean       rl_workbook_dump_file  (const RlWorkbook *wb,
                                       const char       *sheet_name,
                                       FILE             *out,
                                       GError          **error);

const char    *rl_sheet_get_name      (const RlSheet *sheet);
guint          rl_sheet_n_rows        (const RlSheet *sheet);
guint          rl_sheet_n_cols        (const RlSheet *sheet);
guint          rl_sheet_n_cells       (const RlSheet *sheet);
const char    *rl_sheet_get_text      (const RlSheet *sheet,
                                       guint          row,
                                       guint          col);
gboolean       rl_sheet_get_number    (const RlSheet *sheet,
                                       guint          row,
                                       guint          col,
                                       double        *out);
const RlMerge *rl_sheet_get_merges    (const RlSheet *sheet,
                                       guint         *n_merges);

/* Filling a sheet (the readers do this). Row and column are 1-based; an
 * empty text stores nothing; a cell set twice keeps the last value; a merge
 * outside the sheet limits or upside down is dropped. A cell outside the
 * sheet limits, past the workbook's cell cap or with a text longer than
 * RL_LIMIT_CELL_BYTES, a merge past RL_LIMIT_MERGES or a sheet past
 * RL_LIMIT_SHEETS is an RL_ERROR_PARSE naming the file, sheet, cell and cap,
 * and the workbook is unchanged. */
gboolean       rl_sheet_put_text      (RlSheet    *sheet,
                                       guint       row,
                                       guint       col,
                                       const char *text,
                                       GError    **error);
/* rl_sheet_put_text() for a text that is stored anew rather than looked up
 * among the texts stored already: for cells that seldom repeat (the numbers
 * of a CSV file), where the lookup costs more time and memory than the
 * copies it saves. */
gboolean       rl_sheet_put_text_unshared (RlSheet    *sheet,
                                           guint       row,
                                           guint       col,
                                           const char *text,
                                           GError    **error);
gboolean       rl_sheet_put_number    (RlSheet    *sheet,
                                       guint       row,
                                       guint       col,
                                       double      value,
                                       const char *text,
                                       GError    **error);
gboolean       rl_sheet_put_merge     (RlSheet       *sheet,
                                       const RlMerge *merge,
                                       GError       **error);
RlSheet       *rl_workbook_add_sheet_checked (RlWorkbook  *wb,
                                              const char  *name,
                                              GError     **error);
guint          rl_workbook_n_cells    (const RlWorkbook *wb);

/* Sets error to "PATH, sheet “NAME”, cell C5: MESSAGE" (row or column 0
 * leave out the cell, or say "row 5" / "column C" alone). */
void           rl_sheet_set_error     (GError       **error,
                                       const RlSheet *sheet,
                                       guint          row,
                                       guint          col,
                                       int            code,
                                       const char    *format,
                                       ...) G_GNUC_PRINTF (6, 7);

char          *rl_column_name         (guint col);
guint          rl_column_parse        (const char  *text,
                                       const char **end);
void           rl_append_escaped      (GString    *out,
                                       const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlWorkbook, rl_workbook_free)

G_END_DECLS
