/* rl-format.h — numbers as the views print them
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <math.h>

G_BEGIN_DECLS

/* Large values whole (no exponent) with the locale's digit grouping
 * (27 969 407, 27,969,407), others with 5 significant digits; "—" for NaN.
 * Free with g_free(). Files are written with g_ascii_dtostr(), not this. */
static inline char *
rl_format_value (double value)
{
  if (isnan (value))
    return g_strdup ("—");
  if (fabs (value) >= 10000)
    return g_strdup_printf ("%'.0f", value);
  return g_strdup_printf ("%.5g", value);
}

G_END_DECLS
