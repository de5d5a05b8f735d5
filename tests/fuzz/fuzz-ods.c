/* fuzz-ods.c — the ODS reader (rl_ods_read) on any file
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-fuzz.h"

#include "rl-ods.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  rl_fuzz_read_workbook (data, size, "input.ods", rl_ods_read);
  return 0;
}
