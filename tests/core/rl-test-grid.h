/* rl-test-grid.h — a workbook compared with the cells an independent reader wrote down
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reference is text, one line each, fields separated by tabs, text
 * escaped as \\ \t \n \r (tests/data/make-grid-reference.py and
 * tests/data/make-readers-conformance.py write it):
 *   count  SHEET N            the sheet holds N non-empty cells
 *   merge  SHEET R0 C0 R1 C1  the sheet has this merged range (1-based)
 *   s      SHEET R C TEXT     a text cell, compared exactly
 *   n      SHEET R C VALUE    a number, within a tolerance relative to max(1, |VALUE|)
 *   n      SHEET R C VALUE TEXT  … and the text shown, compared exactly
 *   sheet  SHEET I            the sheet is the I-th of the workbook (from 1)
 *   merges SHEET N            the sheet has exactly N merged ranges
 * Lines beginning with '#' are comments. The workbook has as many sheets as
 * there are count lines.
 */
#pragma once

#include "rl-grid.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The mismatches reported in full; the rest are only counted. */
#define RL_TEST_GRID_MAX_REPORT 40

typedef struct
{
  guint    n_checked;    /* cells compared */
  guint    n_mismatches;
  GString *report;       /* one line per mismatch */
} RlTestGridCheck;

static inline char *
rl_test_unescape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      g_string_append_c (out, *p == 't' ? '\t' : *p == 'n' ? '\n' : *p == 'r' ? '\r' : *p);
    }
  return g_string_free (out, FALSE);
}

/* Text for a report, escaped as in the reference; a long text is cut, with
 * its length and the first character where it differs from other (when
 * given). */
static inline char *
rl_test_grid_quote (const char *text,
                    const char *other)
{
  g_autoptr(GString) out = g_string_new ("“");
  glong n = text != NULL ? g_utf8_strlen (text, -1) : 0, at = 0;
  const char *p = text, *q = other;
  g_autofree char *head = NULL;

  if (text == NULL)
    return g_strdup ("(no cell)");
  while (q != NULL && *p != '\0' && g_utf8_get_char (p) == g_utf8_get_char (q))
    {
      p = g_utf8_next_char (p);
      q = g_utf8_next_char (q);
      at++;
    }
  head = n > 100 ? g_utf8_substring (text, 0, 60) : NULL;
  rl_append_escaped (out, head != NULL ? head : text);
  g_string_append (out, head != NULL ? "…”" : "”");
  if (head != NULL)
    g_string_append_printf (out, " (%ld characters)", n);
  if (head != NULL && other != NULL)
    g_string_append_printf (out, " differing from character %ld on", at + 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static inline void rl_test_grid_mismatch (RlTestGridCheck *check,
                                          const char      *sheet,
                                          guint            row,
                                          guint            col,
                                          const char      *format,
                                          ...) G_GNUC_PRINTF (5, 6);

/* Records one mismatch as "SHEET!B3: what"; row 0 leaves out the cell. */
static inline void
rl_test_grid_mismatch (RlTestGridCheck *check,
                       const char      *sheet,
                       guint            row,
                       guint            col,
                       const char      *format,
                       ...)
{
  va_list args;

  if (check->n_mismatches++ >= RL_TEST_GRID_MAX_REPORT)
    return;
  g_string_append_printf (check->report, "  “%s”", sheet);
  if (row > 0)
    {
      g_autofree char *name = rl_column_name (col);

      g_string_append_printf (check->report, "!%s%u", name, row);
    }
  g_string_append (check->report, ": ");
  va_start (args, format);
  g_string_append_vprintf (check->report, format, args);
  va_end (args);
  g_string_append_c (check->report, '\n');
}

static inline void
rl_test_grid_check_cell (RlTestGridCheck *check,
                         const RlSheet   *sheet,
                         char           **f,
                         double           tolerance)
{
  const char *name = rl_sheet_get_name (sheet);
  guint row = atoi (f[2]), col = atoi (f[3]), n = g_strv_length (f);
  g_autofree char *want = rl_test_unescape (f[4]);
  g_autofree char *shown = n > 5 ? rl_test_unescape (f[5]) : NULL;
  const char *text = rl_sheet_get_text (sheet, row, col);
  g_autofree char *got = NULL;
  g_autofree char *expected = NULL;
  double v, w;

  check->n_checked++;
  if (strcmp (f[0], "s") == 0)
    {
      if (g_strcmp0 (text, want) == 0)
        return;
      expected = rl_test_grid_quote (want, NULL);
      got = rl_test_grid_quote (text, want);
      rl_test_grid_mismatch (check, name, row, col, "expected %s, got %s", expected, got);
      return;
    }
  w = g_ascii_strtod (want, NULL);
  got = rl_test_grid_quote (text, NULL);
  if (!rl_sheet_get_number (sheet, row, col, &v))
    rl_test_grid_mismatch (check, name, row, col, "expected the number %s, got the text %s",
                           want, got);
  else if (!(fabs (v - w) <= tolerance * MAX (1.0, fabs (w))))
    rl_test_grid_mismatch (check, name, row, col, "expected the number %.17g, got %.17g", w, v);
  else if (shown != NULL && g_strcmp0 (text, shown) != 0)
    rl_test_grid_mismatch (check, name, row, col, "expected %s shown as “%s”, got %s", want,
                           shown, got);
}

static inline void
rl_test_grid_check_merge (RlTestGridCheck *check,
                          const RlSheet   *sheet,
                          char           **f)
{
  guint n;
  const RlMerge *m = rl_sheet_get_merges (sheet, &n);
  RlMerge want = { atoi (f[2]), atoi (f[3]), atoi (f[4]), atoi (f[5]) };

  for (guint i = 0; i < n; i++)
    if (memcmp (&m[i], &want, sizeof want) == 0)
      return;
  rl_test_grid_mismatch (check, rl_sheet_get_name (sheet), 0, 0, "no merged range R%sC%s:R%sC%s",
                         f[2], f[3], f[4], f[5]);
}

/* One line about a sheet: its position, cell count or merges. */
static inline void
rl_test_grid_check_sheet (RlTestGridCheck  *check,
                          const RlWorkbook *wb,
                          const RlSheet    *sheet,
                          char            **f)
{
  const char *name = rl_sheet_get_name (sheet);
  guint want = atoi (f[2]), got;

  if (strcmp (f[0], "sheet") == 0)
    {
      if (rl_workbook_get_sheet (wb, want - 1) != sheet)
        rl_test_grid_mismatch (check, name, 0, 0, "expected as sheet %u of the workbook", want);
      return;
    }
  if (strcmp (f[0], "count") == 0)
    got = rl_sheet_n_cells (sheet);
  else
    rl_sheet_get_merges (sheet, &got);
  if (got != want)
    rl_test_grid_mismatch (check, name, 0, 0, "expected %u %s, got %u", want,
                           strcmp (f[0], "count") == 0 ? "non-empty cells" : "merged ranges", got);
}

/* Compares wb with a reference text; the mismatches go to check->report.
 * Returns TRUE when there are none. */
static inline gboolean
rl_test_grid_compare (const RlWorkbook *wb,
                      const char       *reference,
                      double            tolerance,
                      RlTestGridCheck  *check)
{
  g_auto(GStrv) lines = g_strsplit (reference, "\n", -1);
  guint n_sheets = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      g_autofree char *name = NULL;
      const RlSheet *sheet;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      f = g_strsplit (lines[i], "\t", 7);
      if (g_strv_length (f) < 3)
        g_error ("reference line %u is damaged: %s", i + 1, lines[i]);
      name = rl_test_unescape (f[1]);
      n_sheets += strcmp (f[0], "count") == 0;
      sheet = rl_workbook_find_sheet (wb, name);
      if (sheet == NULL)
        rl_test_grid_mismatch (check, name, 0, 0, "no such sheet (line %u: %s)", i + 1, f[0]);
      else if (strcmp (f[0], "s") == 0 || strcmp (f[0], "n") == 0)
        rl_test_grid_check_cell (check, sheet, f, tolerance);
      else if (strcmp (f[0], "merge") == 0)
        rl_test_grid_check_merge (check, sheet, f);
      else
        rl_test_grid_check_sheet (check, wb, sheet, f);
    }
  if (rl_workbook_n_sheets (wb) != n_sheets)
    rl_test_grid_mismatch (check, "(workbook)", 0, 0, "expected %u sheets, got %u", n_sheets,
                           rl_workbook_n_sheets (wb));
  if (check->n_mismatches > RL_TEST_GRID_MAX_REPORT)
    g_string_append_printf (check->report, "  … and %u more\n",
                            check->n_mismatches - RL_TEST_GRID_MAX_REPORT);
  return check->n_mismatches == 0;
}
