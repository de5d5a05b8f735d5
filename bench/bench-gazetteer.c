/* bench-gazetteer.c — time to load the built-in gazetteers and to match labels
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Build and run from the top of the source tree after `ninja -C build`:
 *
 *   cc -O2 -o build/bench-gazetteer bench/bench-gazetteer.c -Isrc/core -Ibuild \
 *      build/src/core/librlcore.a $(pkg-config --cflags --libs glib-2.0 gsl)
 *   build/bench-gazetteer tests/data/region-labels.tsv
 *
 * Prints the mean time of one load of ru.tsv and ua.tsv, and the mean time of
 * one match over the labels of the given file (second column), which are
 * resolved by the verbatim, normalised or reduced indexes, and over
 * misspelt labels, which go through the fuzzy search.
 */
#include "rl-gazetteer.h"

#include <stdio.h>

static double
time_loads (const char *id,
            guint       rounds)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RlGazetteer) gaz = rl_gazetteer_load_builtin (id, &error);

      if (gaz == NULL)
        g_error ("%s", error->message);
    }
  return (g_get_monotonic_time () - start) / (double) rounds;
}

static double
time_matches (const RlGazetteer *gaz,
              GPtrArray         *labels,
              guint              rounds)
{
  gint64 start = g_get_monotonic_time ();
  guint n = 0;

  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < labels->len; i++, n++)
      (void) rl_gazetteer_match (gaz, g_ptr_array_index (labels, i));
  return (g_get_monotonic_time () - start) / (double) MAX (n, 1);
}

static GPtrArray *
read_labels (const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", 3);

      if (lines[i][0] != '#' && g_strv_length (f) >= 2)
        g_ptr_array_add (labels, g_strcompress (f[1]));
    }
  return labels;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) labels = NULL, misspelt = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RlGazetteer) gaz = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s region-labels.tsv\n", argv[0]);
      return 2;
    }
  labels = read_labels (argv[1]);
  for (guint i = 0; i < labels->len; i += 10)
    {
      char *s = g_strdup (g_ptr_array_index (labels, i));

      s[strlen (s) / 2] = 'q';   /* one wrong byte: never resolves verbatim */
      g_ptr_array_add (misspelt, g_utf8_make_valid (s, -1));
      g_free (s);
    }
  gaz = rl_gazetteer_load_builtin ("ru", NULL);
  printf ("load ru.tsv            %8.1f µs\n", time_loads ("ru", 200));
  printf ("load ua.tsv            %8.1f µs\n", time_loads ("ua", 200));
  printf ("match, Rosstat labels  %8.2f µs per label (%u labels)\n",
          time_matches (gaz, labels, 20), labels->len);
  printf ("match, misspelt labels %8.2f µs per label (%u labels)\n",
          time_matches (gaz, misspelt, 20), misspelt->len);
  return 0;
}
