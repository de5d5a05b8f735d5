/* rl-fuzz.c — what every fuzz target shares: fatal GLib warnings, a scratch file
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* memfd_create */

#include "rl-fuzz.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>


static GLogWriterOutput
fatal_writer (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  GLogWriterOutput out = g_log_writer_default (level, fields, n_fields, user_data);

  /* libFuzzer keeps the input that made the target abort */
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return out;
}

void
rl_fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_writer_func (fatal_writer, NULL, NULL);
}

/* The scratch files are memory files (memfd) opened once per name and
 * reached through /proc/self/fd, so nothing is left behind on disk when a
 * finding aborts the process. */
char *
rl_fuzz_write_file (const char    *name,
                    const uint8_t *data,
                    size_t         size)
{
  static GHashTable *files;
  gpointer fd;

  if (files == NULL)
    files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_lookup_extended (files, name, NULL, &fd))
    {
      int created = memfd_create (name, 0);

      g_assert_cmpint (created, >=, 0);
      fd = GINT_TO_POINTER (created);
      g_hash_table_insert (files, g_strdup (name), fd);
    }
  g_assert_cmpint (ftruncate (GPOINTER_TO_INT (fd), 0), ==, 0);
  g_assert_cmpint (pwrite (GPOINTER_TO_INT (fd), data, size, 0), ==, (gssize) size);
  return g_strdup_printf ("/proc/self/fd/%d", GPOINTER_TO_INT (fd));
}

char *
rl_fuzz_strdup (const uint8_t *data,
                size_t         size)
{
  char *text = g_malloc (size + 1);

  memcpy (text, data, size);
  text[size] = '\0';
  return text;
}

void
rl_fuzz_use_workbook (RlWorkbook *wb)
{
  g_autoptr(GString) tsv = g_string_new (NULL);

  if (wb == NULL)
    return;
  for (guint s = 0; s < rl_workbook_n_sheets (wb); s++)
    {
      RlSheet *sheet = rl_workbook_get_sheet (wb, s);
      guint n_merges = 0;
      const RlMerge *merges = rl_sheet_get_merges (sheet, &n_merges);

      g_assert_true (rl_workbook_find_sheet (wb, rl_sheet_get_name (sheet)) != NULL);
      for (guint r = 1; r <= MIN (rl_sheet_n_rows (sheet), 200u); r++)
        for (guint c = 1; c <= MIN (rl_sheet_n_cols (sheet), 200u); c++)
          {
            double value;

            rl_sheet_get_text (sheet, r, c);
            rl_sheet_get_number (sheet, r, c, &value);
          }
      for (guint m = 0; m < n_merges; m++)
        {
          g_assert_cmpuint (merges[m].first_row, <=, merges[m].last_row);
          g_assert_cmpuint (merges[m].first_col, <=, merges[m].last_col);
        }
    }
  rl_workbook_dump_tsv (wb, NULL, tsv, NULL);
  rl_workbook_free (wb);
}

void
rl_fuzz_read_workbook (const uint8_t *data,
                       size_t         size,
                       const char    *name,
                       RlFuzzReader   reader)
{
  g_autofree char *path = NULL;

  rl_fuzz_init ();
  path = rl_fuzz_write_file (name, data, size);
  rl_fuzz_use_workbook (reader (path, NULL));
}
