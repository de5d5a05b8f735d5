/* rl-csv.h — the CSV reader: delimiter and encoding sniffing, quotes, blank lines kept
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-grid.h"

G_BEGIN_DECLS

typedef struct
{
  char        delimiter; /* ',', ';' or '\t'; 0 (the default) sniffs it */
  const char *encoding;  /* an iconv name such as "WINDOWS-1251"; NULL (the default) sniffs */
} RlCsvOptions;

void        rl_csv_options_init    (RlCsvOptions *opts);
RlWorkbook *rl_csv_read            (const char         *path,
                                    const RlCsvOptions *opts,
                                    GError            **error);
RlWorkbook *rl_csv_parse           (const char         *path,
                                    const char         *data,
                                    gsize               len,
                                    const RlCsvOptions *opts,
                                    GError            **error);
char       *rl_csv_decode          (const char  *path,
                                    const char  *data,
                                    gsize        len,
                                    const char  *encoding,
                                    const char **detected,
                                    GError     **error);
char        rl_csv_sniff_delimiter (const char *text,
                                    gsize       len);

G_END_DECLS
