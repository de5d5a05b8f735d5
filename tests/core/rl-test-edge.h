/* rl-test-edge.h — the edge-case packages of tests/data/readers-edge
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-error.h"
#include "rl-reader.h"
#include "rl-test.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

static inline char *
rl_test_edge_path (const char *name)
{
  g_autofree char *rel = g_build_filename ("readers-edge", name, NULL);

  return rl_test_data_path (rel);
}

/* Every package of readers-edge whose name starts with prefix and that has
 * a reference dump (NAME.tsv, written by make-readers-edge-reference.py from
 * what openpyxl or odfpy read) dumps exactly that. */
static inline void
rl_test_edge_references (const char *prefix)
{
  g_autofree char *dir = rl_test_edge_path (NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *base = NULL, *path = NULL, *ref_path = NULL, *want = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RlWorkbook) wb = NULL;
      g_autoptr(GString) got = g_string_new (NULL);

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".tsv"))
        continue;
      base = g_strndup (name, strlen (name) - strlen (".tsv"));
      path = rl_test_edge_path (base);
      ref_path = rl_test_edge_path (name);
      wb = rl_workbook_open (path, &error);
      g_assert_no_error (error);
      g_assert_true (rl_workbook_dump_tsv (wb, NULL, got, &error));
      g_assert_true (g_file_get_contents (ref_path, &want, NULL, NULL));
      if (strcmp (got->str, want) != 0)
        g_error ("%s reads as\n%s\nbut the reference is\n%s", base, got->str, want);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
  g_test_message ("%u %s* packages match their reference", n, prefix);
}

/* The package is refused with an RL_ERROR naming the file and holding each
 * of the NULL-terminated needles. */
static inline void
rl_test_edge_refused (const char *name,
                      ...)
{
  g_autofree char *path = rl_test_edge_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = rl_workbook_open (path, &error);
  const char *needle;
  va_list args;

  g_assert_null (wb);
  g_assert_nonnull (error);
  g_assert_true (error->domain == RL_ERROR);
  if (strstr (error->message, path) == NULL)
    g_error ("%s: the error does not name the file: %s", name, error->message);
  va_start (args, name);
  while ((needle = va_arg (args, const char *)) != NULL)
    if (strstr (error->message, needle) == NULL)
      g_error ("%s: “%s” is not in the error: %s", name, needle, error->message);
  va_end (args);
}

/* Opening each of the NULL-terminated packages in a child process prints
 * nothing at all (libxml2 and libgsf included) and logs no warning. */
static inline void
rl_test_edge_silent (const char *const *names)
{
  if (g_test_subprocess ())
    {
      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *path = rl_test_edge_path (names[i]);
          g_autoptr(GError) error = NULL;
          g_autoptr(RlWorkbook) wb = rl_workbook_open (path, &error);
        }
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("");
  g_test_trap_assert_stderr ("");
}

/* Changes copy, len bytes of the package, into its i-th variant; FALSE
 * when there are no more. */
typedef gboolean (*RlTestEdgeVariant) (char  *copy,
                                       gsize *len,
                                       guint  i);

/* Every variant of the package is opened in a child process: refused with
 * an error naming the file (or, unless must_fail, read), never a crash, a
 * warning or a message. */
static inline void
rl_test_edge_variants (const char        *name,
                       RlTestEdgeVariant  variant,
                       gboolean           must_fail)
{
  g_autofree char *src = rl_test_edge_path (name);
  g_autofree char *tmpdir = NULL, *path = NULL, *data = NULL;
  gsize len;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr ("");
      return;
    }
  tmpdir = g_dir_make_tmp ("rl-edge-XXXXXX", NULL);
  path = g_build_filename (tmpdir, name, NULL);
  g_assert_true (g_file_get_contents (src, &data, &len, NULL));
  for (guint i = 0;; i++)
    {
      g_autofree char *copy = g_memdup2 (data, len);
      g_autoptr(GError) error = NULL;
      g_autoptr(RlWorkbook) wb = NULL;
      gsize n = len;
      FILE *f;

      if (!variant (copy, &n, i))
        break;
      f = fopen (path, "wb");
      g_assert_nonnull (f);
      g_assert_cmpuint (fwrite (copy, 1, n, f), ==, n);
      fclose (f);
      wb = rl_workbook_open (path, &error);
      g_assert_true ((wb == NULL) != (error == NULL));
      g_assert_true (wb != NULL || strstr (error->message, path) != NULL);
      g_assert_true (wb == NULL || !must_fail);
    }
  g_unlink (path);
  g_rmdir (tmpdir);
}
