/* main.c — the RegionLab desktop application
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rl-application.h"

/* The catalogues compiled into the build folder (po/LANG/LC_MESSAGES) when the
 * program runs from there, else the installed ones. */
static const char *
locale_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  if (exe != NULL && g_str_has_prefix (exe, RL_BUILD_ROOT G_DIR_SEPARATOR_S))
    return RL_BUILD_LOCALEDIR;
  return RL_LOCALEDIR;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(RlApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = rl_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
