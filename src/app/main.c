/* main.c — the RegionLab desktop application
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rl-application.h"

/* Whether the program runs from the build folder, not installed. */
static gboolean
uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  return exe != NULL && g_str_has_prefix (exe, RL_BUILD_ROOT G_DIR_SEPARATOR_S);
}

/* Run from the build folder, the program reads the catalogues compiled there
 * (po/LANG/LC_MESSAGES) and the settings schema compiled there (data/), so
 * that it runs without being installed; installed, the installed ones. */
static void
use_build_folder (void)
{
  const char *dirs = g_getenv ("GSETTINGS_SCHEMA_DIR");
  g_autofree char *schemas = NULL;

  bindtextdomain (GETTEXT_PACKAGE, RL_BUILD_LOCALEDIR);
  schemas = dirs != NULL && *dirs != '\0'
              ? g_strconcat (RL_BUILD_ROOT G_DIR_SEPARATOR_S "data", G_SEARCHPATH_SEPARATOR_S,
                             dirs, NULL)
              : g_strdup (RL_BUILD_ROOT G_DIR_SEPARATOR_S "data");
  g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(RlApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, RL_LOCALEDIR);
  if (uninstalled ())
    use_build_folder ();
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = rl_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
