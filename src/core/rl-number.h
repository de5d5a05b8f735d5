/* rl-number.h — numbers in spreadsheet text: parsing what people write, showing what files store
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a number format shows a value (the first section of the format code). */
typedef enum
{
  RL_NUM_GENERAL, /* integers without decimals, otherwise the shortest round-trip form */
  RL_NUM_FIXED,   /* a fixed number of decimals ("0.0", "#,##0.00") */
  RL_NUM_PERCENT, /* value × 100 with decimals and "%" */
  RL_NUM_DATE,    /* a serial date (and time) shown as ISO 8601 */
} RlNumKind;

typedef struct
{
  RlNumKind kind;
  guint     decimals;
} RlNumFormat;

gboolean rl_parse_number        (const char *text,
                                 double     *out);
char    *rl_format_general      (double      value);
const char *rl_format_round_trip (double value,
                                  char   buf[G_ASCII_DTOSTR_BUF_SIZE]);
void     rl_num_format_classify (const char  *code,
                                 RlNumFormat *out);
gboolean rl_num_format_builtin  (guint        id,
                                 RlNumFormat *out);
char    *rl_num_format_display  (const RlNumFormat *fmt,
                                 double             value,
                                 gboolean           date1904);

G_END_DECLS
