/* test-readers.c — every reader against the conformance workbooks of tests/data/readers
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each workbook there was written by LibreOffice, Gnumeric, openpyxl,
 * xlsxwriter, Python's csv module or by hand, and its <file>.tsv holds the
 * cells an independent reader (openpyxl, xlrd, odfpy, csv) or ECMA-376 and
 * ODF read in it (tests/data/make-readers-conformance.py; the rules are in
 * tests/data/readers/README.md). One test per workbook opens it with
 * rl_workbook_open and compares every cell: texts exactly, numbers within
 * 1e-12 relative, the shown text of dates exactly, cell counts, merged
 * ranges and the order of the sheets. A workbook listed in KNOWN-FAILURES
 * is skipped while it mismatches and fails once it matches, so the list
 * says what is still wrong, never more.
 */
#include "rl-reader.h"
#include "rl-test-grid.h"
#include "rl-test.h"

#include <stdio.h>
#include <string.h>

#define READERS_TOLERANCE 1e-12
#define READERS_N_WORKBOOKS 38 /* so that a workbook lost or left behind is noticed */

static GHashTable *known_failures; /* file name → what goes wrong */

static const char *const formats[] = { ".xls", ".xlsx", ".ods", ".csv" };

static gboolean
is_workbook (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (name, formats[i]))
      return TRUE;
  return FALSE;
}

/* KNOWN-FAILURES: one line each, the file name, white space, what goes wrong. */
static GHashTable *
load_known_failures (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "KNOWN-FAILURES", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return known;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      gsize n = strcspn (line, " \t");

      if (line[0] == '\0' || line[0] == '#')
        continue;
      g_hash_table_insert (known, g_strndup (line, n), g_strdup (g_strchug (line + n)));
    }
  return known;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static char *
readers_dir (void)
{
  return rl_test_data_path ("readers");
}

static void
test_workbook (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = readers_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *ref_path = g_strconcat (path, ".tsv", NULL);
  g_autofree char *ref = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = rl_workbook_open (path, &error);
  g_autoptr(GString) report = g_string_new (NULL);
  RlTestGridCheck check = { 0, 0, report };
  const char *known = g_hash_table_lookup (known_failures, name);

  g_assert_true (g_file_get_contents (ref_path, &ref, NULL, NULL));
  if (wb == NULL)
    rl_test_grid_mismatch (&check, name, 0, 0, "cannot open: %s", error->message);
  else
    rl_test_grid_compare (wb, ref, READERS_TOLERANCE, &check);

  /* The report goes to stderr as it is: g_test_message () would turn every
   * Cyrillic letter into “?” in the C locale the tests run in. */
  if (check.n_mismatches > 0 && (known == NULL || g_test_verbose ()))
    fprintf (stderr, "%s: %u mismatches in %u checks:\n%s", name, check.n_mismatches,
             check.n_checked, report->str);
  if (known != NULL && check.n_mismatches > 0)
    g_test_skip_printf ("%s is in KNOWN-FAILURES (%s)", name, known);
  else if (known != NULL)
    g_test_fail_printf ("%s is in KNOWN-FAILURES but reads as expected now: remove its line",
                        name);
  else if (check.n_mismatches > 0)
    g_test_fail_printf ("%s: %u mismatches (listed above)", name, check.n_mismatches);
  else
    g_test_message ("%s: %u checks as expected", name, check.n_checked);
}

/* Every workbook has its reference, and every KNOWN-FAILURES line a workbook. */
static void
test_inventory (void)
{
  g_autofree char *dir = readers_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (is_workbook (name))
      {
        g_autofree char *ref = g_strdup_printf ("%s/%s.tsv", dir, name);

        if (!g_file_test (ref, G_FILE_TEST_EXISTS))
          g_test_fail_printf ("%s has no reference %s", name, ref);
        g_hash_table_add (present, g_strdup (name));
      }
  if (g_hash_table_size (present) != READERS_N_WORKBOOKS)
    g_test_fail_printf ("%u workbooks in %s, expected %u", g_hash_table_size (present), dir,
                        READERS_N_WORKBOOKS);
  g_hash_table_iter_init (&iter, known_failures);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      g_test_fail_printf ("KNOWN-FAILURES names %s, which is not in %s", (char *) key, dir);
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = readers_dir ();
  known_failures = load_known_failures (dir);
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (is_workbook (name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_test_add_func ("/readers/inventory", test_inventory);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test = g_strconcat ("/readers/", (char *) names->pdata[i], NULL);

      g_test_add_data_func (test, names->pdata[i], test_workbook);
    }
  status = g_test_run ();
  g_hash_table_unref (known_failures);
  return status;
}
