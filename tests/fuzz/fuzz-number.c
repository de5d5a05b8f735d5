/* fuzz-number.c — number parsing, number formats and the display of values
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-fuzz.h"

#include "rl-number.h"

#include <string.h>

/* The first 8 bytes (when there are that many) are a double shown with the
 * format the rest gives as a format code; the rest is also parsed as a number. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autofree char *general = NULL, *shown = NULL, *builtin_shown = NULL;
  RlNumFormat fmt, builtin;
  double value = 0, parsed;

  rl_fuzz_init ();
  if (size >= sizeof value)
    {
      memcpy (&value, data, sizeof value);
      data += sizeof value;
      size -= sizeof value;
    }
  text = rl_fuzz_strdup (data, size);
  rl_parse_number (text, &parsed);
  general = rl_format_general (value);
  rl_num_format_classify (text, &fmt);
  shown = rl_num_format_display (&fmt, value, size > 0 && (data[0] & 1));
  if (rl_num_format_builtin (size > 0 ? data[0] : 0, &builtin))
    builtin_shown = rl_num_format_display (&builtin, value, FALSE);
  return 0;
}
