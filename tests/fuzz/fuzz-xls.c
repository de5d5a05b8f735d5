/* fuzz-xls.c — the XLS reader (rl_xls_read) on any file
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-fuzz.h"

#include "rl-xls.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  rl_fuzz_read_workbook (data, size, "input.xls", rl_xls_read);
  return 0;
}
