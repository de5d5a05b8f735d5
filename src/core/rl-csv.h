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

/* Reading a CSV file record by record, in one pass and in memory of the
 * order of one record: the bytes are decoded and split as they are read.
 * Encoding and delimiter are sniffed as rl_csv_decode() and
 * rl_csv_sniff_delimiter() do (a file without a byte order mark is
 * checked for UTF-8 in a first pass that holds nothing). A field longer than
 * RL_LIMIT_CELL_BYTES, a record of more than RL_LIMIT_SHEET_COLS fields or
 * a file past RL_LIMIT_TEXT_FILE is an error naming the file and row. */
typedef struct _RlCsvReader RlCsvReader;

RlCsvReader *rl_csv_reader_open       (const char         *path,
                                       const RlCsvOptions *opts,
                                       GError            **error);
/* The same, also taking the SHA-256 of the file's bytes as they are read
 * (see rl_csv_reader_sha256()). */
RlCsvReader *rl_csv_reader_open_hashed (const char         *path,
                                        const RlCsvOptions *opts,
                                        GError            **error);
/* The same over bytes held in memory (not copied: they must outlive the
 * reader); path names them in messages. */
RlCsvReader *rl_csv_reader_new_data   (const char         *path,
                                       const char         *data,
                                       gsize               len,
                                       const RlCsvOptions *opts,
                                       GError            **error);
void         rl_csv_reader_free       (RlCsvReader *reader);
/* Reads the next record. FALSE at the end of the file (error unset) or on
 * an error. Every line is a record, a blank one too (one empty field). */
gboolean     rl_csv_reader_next       (RlCsvReader *reader,
                                       GError     **error);
/* The record's row as a spreadsheet shows it (1 for the first line). */
guint64      rl_csv_reader_row        (const RlCsvReader *reader);
guint        rl_csv_reader_n_fields   (const RlCsvReader *reader);
/* Field @i (0-based) of the record, "" past its end; valid until the next
 * rl_csv_reader_next(). */
const char  *rl_csv_reader_field      (const RlCsvReader *reader,
                                       guint              i);
gsize        rl_csv_reader_field_len  (const RlCsvReader *reader,
                                       guint              i);
/* TRUE when no field of the record holds anything but ASCII white space. */
gboolean     rl_csv_reader_is_blank   (const RlCsvReader *reader);
/* TRUE when the decoded text holds no byte at all (0 bytes, or only a
 * byte order mark); known once rl_csv_reader_next() has returned FALSE. */
gboolean     rl_csv_reader_saw_nothing (const RlCsvReader *reader);
/* For a reader from rl_csv_reader_open_hashed() that has read to the end:
 * the file's size and the SHA-256 of its bytes in hexadecimal; else 0 and
 * NULL. */
guint64      rl_csv_reader_n_bytes    (const RlCsvReader *reader);
const char  *rl_csv_reader_sha256     (RlCsvReader *reader);
char         rl_csv_reader_delimiter  (const RlCsvReader *reader);
const char  *rl_csv_reader_encoding   (const RlCsvReader *reader);
/* Sets error to "PATH: the file is empty" (adding "it holds only blank
 * lines" when it has some), RL_ERROR_PARSE. */
void         rl_csv_reader_set_empty_error (const RlCsvReader *reader,
                                            GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlCsvReader, rl_csv_reader_free)

G_END_DECLS
