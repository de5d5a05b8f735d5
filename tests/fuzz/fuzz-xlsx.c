/* fuzz-xlsx.c — the XLSX reader (rl_xlsx_read) on any file
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-fuzz.h"

#include "rl-xlsx.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  rl_fuzz_read_workbook (data, size, "input.xlsx", rl_xlsx_read);
  return 0;
}
