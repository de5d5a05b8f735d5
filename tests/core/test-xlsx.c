/* test-xlsx.c — the XLSX reader on the edge-case packages of tests/data/readers-edge
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The packages are written by tests/data/readers-edge/make-readers-edge.py;
 * the valid ones must read as openpyxl reads them (the NAME.tsv dumps of
 * make-readers-edge-reference.py), the others must be refused with an error
 * naming the file, the sheet, the cell or part and the cap.
 */
#include "rl-test-edge.h"
#include "rl-xlsx.h"

/* A byte-order mark, other prefixes, CDATA, rich text, t="s" without a
 * value, absolute and relative targets, part names in another case or with
 * backslashes, rows and cells without r, t="str", "b", "e" and "d", numbers
 * shown in their general form. */
static void
test_references (void)
{
  rl_test_edge_references ("xlsx-");
}

/* Elements of another namespace with the local names of cells are not
 * cells, whatever their prefix (the default one here). */
static void
test_namespaces (void)
{
  g_autofree char *path = rl_test_edge_path ("xlsx-prefix.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = rl_xlsx_read (path, &error);
  RlSheet *s;

  g_assert_no_error (error);
  s = rl_workbook_get_sheet (wb, 0);
  g_assert_cmpstr (rl_sheet_get_text (s, 2, 1), ==, "beta");
  g_assert_null (rl_sheet_get_text (s, 9, 26));
  g_assert_cmpuint (rl_sheet_n_cells (s), ==, 3);
}

/* Dates of t="d" cells are serial numbers like every other date. */
static void
test_dates (void)
{
  g_autofree char *path = rl_test_edge_path ("xlsx-types.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = rl_xlsx_read (path, &error);
  double v;

  g_assert_no_error (error);
  g_assert_true (rl_sheet_get_number (rl_workbook_get_sheet (wb, 0), 1, 5, &v));
  g_assert_cmpfloat (v, ==, 43845); /* 2020-01-15 in the 1900 system */
  g_assert_true (rl_sheet_get_number (rl_workbook_get_sheet (wb, 0), 1, 6, &v));
  rl_assert_close (v, 44259.520833333333, 1e-12);
  g_assert_false (rl_sheet_get_number (rl_workbook_get_sheet (wb, 0), 1, 2, &v));
}

/* The _xHHHH_ escapes of ECMA-376 ST_Xstring are decoded in shared and
 * inline strings, rich runs, t="str" values and sheet names, once and from
 * the left; phonetic runs stay hidden, and U+0000, lone surrogates and what
 * is not an escape are kept as written. */
static void
test_escapes (void)
{
  g_autofree char *path = rl_test_edge_path ("xlsx-escapes.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = rl_xlsx_read (path, &error);
  RlSheet *s;

  g_assert_no_error (error);
  g_assert_cmpuint (rl_workbook_n_sheets (wb), ==, 1);
  s = rl_workbook_get_sheet (wb, 0);
  g_assert_cmpstr (rl_sheet_get_name (s), ==, "Sheet1");
  g_assert_cmpstr (rl_sheet_get_text (s, 1, 1), ==, "CR\r\nLF");
  g_assert_cmpstr (rl_sheet_get_text (s, 1, 2), ==, "_x005F_");
  g_assert_cmpstr (rl_sheet_get_text (s, 1, 3), ==, "_x0041_B");
  g_assert_cmpstr (rl_sheet_get_text (s, 1, 4), ==, "bell\a");
  g_assert_cmpstr (rl_sheet_get_text (s, 1, 5), ==,
                   "\xf0\x9f\x98\x80 _xD83D_ _x0000_ _x00G1_ _x0041 x0041_");
}

/* Only worksheets are sheets: chart, dialog and macro sheets (the last
 * with cells in their part) are left out, the order of the others kept. */
static void
test_sheet_kinds (void)
{
  g_autofree char *path = rl_test_edge_path ("xlsx-sheet-kinds.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = rl_xlsx_read (path, &error);
  double v;

  g_assert_no_error (error);
  g_assert_cmpuint (rl_workbook_n_sheets (wb), ==, 2);
  g_assert_cmpstr (rl_sheet_get_name (rl_workbook_get_sheet (wb, 0)), ==, "Data");
  g_assert_cmpstr (rl_sheet_get_name (rl_workbook_get_sheet (wb, 1)), ==, "More");
  g_assert_true (rl_sheet_get_number (rl_workbook_get_sheet (wb, 0), 1, 1, &v));
  g_assert_cmpfloat (v, ==, 1);
  g_assert_true (rl_sheet_get_number (rl_workbook_get_sheet (wb, 1), 2, 2, &v));
  g_assert_cmpfloat (v, ==, 5);
}

/* Cells and rows outside the sheet, too deep XML and a too long shared
 * string are errors naming the place and the cap, never a critical. */
static void
test_limits (void)
{
  static const char *const names[] = { "xlsx-col-xfe.xlsx", "xlsx-cell-big.xlsx",
                                       "xlsx-row-zero.xlsx", "xlsx-deep.xlsx",
                                       "xlsx-long-string.xlsx", NULL };

  rl_test_edge_refused ("xlsx-col-xfe.xlsx", "sheet “S”", "cell XFE1", "RL_LIMIT_SHEET_COLS",
                        NULL);
  rl_test_edge_refused ("xlsx-cell-big.xlsx", "sheet “S”", "cell A1048577",
                        "RL_LIMIT_SHEET_ROWS", NULL);
  rl_test_edge_refused ("xlsx-row-zero.xlsx", "sheet “S”", "row 0", "RL_LIMIT_SHEET_ROWS",
                        NULL);
  rl_test_edge_refused ("xlsx-deep.xlsx", "xl/worksheets/sheet1.xml", "line 2",
                        "RL_LIMIT_XML_DEPTH", NULL);
  rl_test_edge_refused ("xlsx-long-string.xlsx", "xl/sharedStrings.xml", "RL_LIMIT_CELL_BYTES",
                        NULL);
  rl_test_edge_silent (names);
}

/* XML that is not well-formed, and entities that would have to come from
 * the part's own DTD (never read, so never substituted or fetched), are
 * errors naming the part and the line. */
static void
test_bad_xml (void)
{
  static const char *const names[] = { "xlsx-bad-xml.xlsx", "xlsx-entity.xlsx", NULL };

  rl_test_edge_refused ("xlsx-bad-xml.xlsx", "xl/worksheets/sheet1.xml", "line 2",
                        "not well-formed", NULL);
  rl_test_edge_refused ("xlsx-entity.xlsx", "xl/worksheets/sheet1.xml", "“&e;”", NULL);
  rl_test_edge_silent (names);
}

static gboolean
cut (char  *copy,
     gsize *len,
     guint  i)
{
  /* from 7 bytes on, so that the ZIP signature is there (else it is CSV) */
  if ((gsize) (i + 1) * 7 >= *len)
    return FALSE;
  *len = (gsize) (i + 1) * 7;
  return TRUE;
}

/* Every cut of a valid package is an error naming the file, and nothing is
 * printed. */
static void
test_damaged (void)
{
  rl_test_edge_variants ("xlsx-inline.xlsx", cut, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/xlsx/references", test_references);
  g_test_add_func ("/xlsx/namespaces", test_namespaces);
  g_test_add_func ("/xlsx/dates", test_dates);
  g_test_add_func ("/xlsx/escapes", test_escapes);
  g_test_add_func ("/xlsx/sheet-kinds", test_sheet_kinds);
  g_test_add_func ("/xlsx/limits", test_limits);
  g_test_add_func ("/xlsx/bad-xml", test_bad_xml);
  g_test_add_func ("/xlsx/damaged", test_damaged);
  return g_test_run ();
}
