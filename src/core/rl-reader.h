/* rl-reader.h — opening a spreadsheet file of any supported format as a workbook
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-grid.h"

G_BEGIN_DECLS

typedef enum
{
  RL_FORMAT_UNKNOWN,
  RL_FORMAT_XLS,  /* BIFF8/BIFF5 in an OLE2 container */
  RL_FORMAT_XLSX, /* Office Open XML in a ZIP package */
  RL_FORMAT_ODS,  /* OpenDocument spreadsheet in a ZIP package */
  RL_FORMAT_CSV,  /* anything else that is text */
} RlFormat;

RlFormat    rl_format_sniff    (const char *path,
                                GError    **error);
const char *rl_format_name     (RlFormat    format);
RlWorkbook *rl_workbook_open   (const char *path,
                                GError    **error);

G_END_DECLS
