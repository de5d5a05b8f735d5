/* rl-fuzz.h — what every fuzz target shares: fatal GLib warnings, a scratch file
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A target is one LLVMFuzzerTestOneInput() over one entry point of the core.
 * A GError is a fine answer to any input; a GLib warning or critical, a crash,
 * a sanitizer report, a leak or a hang is a finding.
 */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

#include "rl-grid.h"

G_BEGIN_DECLS

int   LLVMFuzzerTestOneInput (const uint8_t *data,
                              size_t         size);

/* Makes every GLib warning and critical abort (once per process). */
void  rl_fuzz_init           (void);
/* Writes @data to the scratch file @name of this process (a memory file,
 * Linux only) and returns a path that opens it (owned by the caller). */
char *rl_fuzz_write_file     (const char    *name,
                              const uint8_t *data,
                              size_t         size);
/* @data as a NUL-terminated string (owned by the caller). */
char *rl_fuzz_strdup         (const uint8_t *data,
                              size_t         size);

typedef RlWorkbook *(*RlFuzzReader) (const char *path,
                                     GError    **error);

/* Writes @data to a scratch file @name, reads it with @reader and uses the
 * workbook read (rl_fuzz_use_workbook()). */
void  rl_fuzz_read_workbook  (const uint8_t *data,
                              size_t         size,
                              const char    *name,
                              RlFuzzReader   reader);
/* Reads every cell, merge and sheet of @wb and dumps it as TSV, as the
 * import does, so that what a reader stored is used. Frees @wb. */
void  rl_fuzz_use_workbook   (RlWorkbook    *wb);

G_END_DECLS
