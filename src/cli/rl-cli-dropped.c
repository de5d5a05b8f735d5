/* rl-cli-dropped.c — what an analysis left out, and why, for people and in JSON
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>

#include "rl-cli.h"

/* `dropped` (CLI.md): one object per indicator a default choice left out
 * ({indicator, reason}), then one per region left out for missing values
 * ({region, reason}). Not written when nothing was left out. */
void
rl_cli_json_dropped (JsonBuilder   *b,
                     const RlFrame *frame)
{
  if (frame->left_out->len == 0 && frame->dropped->len == 0)
    return;
  json_builder_set_member_name (b, "dropped");
  json_builder_begin_array (b);
  for (guint j = 0; j < frame->left_out->len; j++)
    {
      json_builder_begin_object (b);
      rl_json_member_string (b, "indicator", frame->left_out->pdata[j]);
      rl_json_member_string (b, "reason", frame->left_out_reasons->pdata[j]);
      json_builder_end_object (b);
    }
  for (guint i = 0; i < frame->dropped->len; i++)
    {
      json_builder_begin_object (b);
      rl_json_member_string (b, "region", frame->dropped->pdata[i]);
      rl_json_member_string (b, "reason", "missing values of the chosen indicators");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

void
rl_cli_print_dropped (const RlFrame *frame)
{
  if (frame->left_out->len > 0)
    {
      printf ("\nLeft out:");
      for (guint j = 0; j < frame->left_out->len; j++)
        printf ("%s %s (%s)", j > 0 ? "," : "", (const char *) frame->left_out->pdata[j],
                (const char *) frame->left_out_reasons->pdata[j]);
      printf ("\n");
    }
  if (frame->dropped->len > 0)
    printf ("\n%u regions left out for missing values.\n", frame->dropped->len);
}
