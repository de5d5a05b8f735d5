/* rl-fuzz-main.c — runs a fuzz target over saved inputs, without libFuzzer
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: fuzz-TARGET FILE|FOLDER…  Every file given, and every file of every
 * folder given (not recursively, sorted by name), is fed once to
 * LLVMFuzzerTestOneInput(); a folder that does not exist is passed over.
 * The build with -Dfuzzing=true links libFuzzer's own main() instead.
 */
#include "rl-fuzz.h"

#include <stdio.h>

static int
name_cmp (gconstpointer a,
          gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static void
run_file (const char *path,
          guint      *n_run)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, &error))
    g_error ("%s", error->message);
  fprintf (stderr, "%s (%" G_GSIZE_FORMAT " bytes)\n", path, len);
  LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
  (*n_run)++;
}

static void
run_folder (const char *folder,
            guint      *n_run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    g_error ("%s", error->message);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && name[0] != '.')
        g_ptr_array_add (paths, path);
      else
        g_free (path);
    }
  g_ptr_array_sort (paths, name_cmp);
  for (guint i = 0; i < paths->len; i++)
    run_file (g_ptr_array_index (paths, i), n_run);
}

int
main (int    argc,
      char **argv)
{
  guint n_run = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        run_folder (argv[i], &n_run);
      else if (g_file_test (argv[i], G_FILE_TEST_EXISTS))
        run_file (argv[i], &n_run);
    }
  printf ("%u inputs run\n", n_run);
  return 0;
}
