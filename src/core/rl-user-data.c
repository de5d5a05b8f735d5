/* rl-user-data.c — where the user's own recipes, aliases and recent projects live
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <glib/gstdio.h>

#include "rl-user-data.h"

char *
rl_user_data_dir (void)
{
  const char *dir = g_getenv ("RL_USER_DATA_DIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);
  return g_build_filename (g_get_user_data_dir (), "regionlab", NULL);
}

char *
rl_user_recipes_dir (void)
{
  g_autofree char *dir = rl_user_data_dir ();

  return g_build_filename (dir, "recipes", NULL);
}

char *
rl_user_aliases_path (void)
{
  g_autofree char *dir = rl_user_data_dir ();

  return g_build_filename (dir, "aliases.tsv", NULL);
}

gboolean
rl_user_data_ensure_dir (const char  *dir,
                         GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) == 0)
    return TRUE;
  {
    int saved = errno;

    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                 "Cannot create the folder %s: %s", dir, g_strerror (saved));
  }
  return FALSE;
}
