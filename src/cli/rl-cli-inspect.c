/* rl-cli-inspect.c — regionlab-cli inspect: the raw grid of a spreadsheet file
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "rl-cli.h"
#include "rl-reader.h"

int
rl_cli_inspect (int    argc,
                char **argv)
{
  g_autofree char *sheet = NULL;
  const GOptionEntry entries[] = {
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet, "Only the sheet with this name", "NAME" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = NULL;

  if (!rl_cli_parse (&argc, &argv, "inspect", "FILE",
                     "The cells of a spreadsheet as it shows them: sheet, row, column, text (TSV).",
                     NULL, entries, 1))
    return RL_CLI_EXIT_USAGE;
  wb = rl_workbook_open (argv[1], &error);
  if (wb == NULL || !rl_workbook_dump_file (wb, sheet, stdout, &error))
    return rl_cli_fail (g_steal_pointer (&error));
  return 0;
}
