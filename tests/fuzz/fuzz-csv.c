/* fuzz-csv.c — the CSV reader (encoding and delimiter sniffing, quotes) on any bytes
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-fuzz.h"

#include "rl-csv.h"

/* A first byte from 1 to 16 (which no CSV file starts with) picks the
 * options, a delimiter and an encoding as the command line and the recipes
 * give them; any other input is read with both sniffed, as a file is. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char delimiters[] = { 0, ',', ';', '\t' };
  static const char *encodings[] = { NULL, "UTF-8", "WINDOWS-1251", "UTF-16" };
  RlCsvOptions opts;

  rl_fuzz_init ();
  rl_csv_options_init (&opts);
  if (size > 0 && data[0] >= 1 && data[0] <= 16)
    {
      opts.delimiter = delimiters[(data[0] - 1) & 3];
      opts.encoding = encodings[(data[0] - 1) >> 2];
      data++;
      size--;
    }
  rl_fuzz_use_workbook (rl_csv_parse ("input.csv", (const char *) data, size, &opts, NULL));
  rl_csv_sniff_delimiter ((const char *) data, size);
  return 0;
}
