/* rl-xls-private.h — the strings of XLS records (private to the XLS reader)
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The body of a record, or of a CONTINUE record after it. */
typedef struct
{
  const guint8 *body;
  gsize         len;
} RlXlsSegment;

/* Reads the bodies of a record and its CONTINUE records as one sequence of
 * bytes (the shared string table spans many, a long string in a cell may),
 * from segment seg, byte pos. */
typedef struct
{
  GArray *segs; /* RlXlsSegment */
  guint   seg;
  gsize   pos;
} RlXlsSegReader;

typedef enum
{
  RL_XLS_TEXT_OK,
  RL_XLS_TEXT_SHORT,    /* the string runs past the end of its records */
  RL_XLS_TEXT_TOO_LONG, /* its UTF-8 is longer than RL_LIMIT_CELL_BYTES */
} RlXlsTextStatus;

/* A BIFF8 unicode string: a length of len_size (1 or 2) bytes, flags, the
 * rich-text run count and phonetic size when flagged, the characters
 * (compressed ones are Latin-1; each CONTINUE they spill into starts with a
 * new flags byte), then the runs and phonetic data, skipped. units is
 * scratch space (gunichar2). *out is set on RL_XLS_TEXT_OK only. */
RlXlsTextStatus rl_xls_read_unicode     (RlXlsSegReader *r,
                                         guint           len_size,
                                         GArray         *units,
                                         char          **out);
RlXlsTextStatus rl_xls_read_bytes       (RlXlsSegReader *r,
                                         guint           len_size,
                                         GIConv          cd,
                                         char          **out);
char           *rl_xls_text_problem     (RlXlsTextStatus status);
GIConv          rl_xls_codepage_open    (guint           cp);

G_END_DECLS
