/* rl-lanes-private.h — two-lane vectors of doubles for the inner loops of
 * the silhouette, the linkage and the Gaussian mixtures (private to the core)
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two lanes are the width every x86-64 has (SSE2); the operations are the
 * IEEE ones lane by lane, so a lane computes exactly what the same scalar
 * expression would.
 */
#pragma once

#include <math.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

typedef double V2 __attribute__ ((vector_size (2 * sizeof (double))));

static inline V2
v2_sqrt (V2 v)
{
#ifdef __SSE2__
  return _mm_sqrt_pd (v);
#else
  return (V2) { sqrt (v[0]), sqrt (v[1]) };
#endif
}

static inline V2
v2_load (const double *p)
{
  V2 v;

  memcpy (&v, p, sizeof v);
  return v;
}

/* Lane by lane a < b ? a : b, as MIN (a, b) would give. */
static inline V2
v2_min (V2 a,
        V2 b)
{
#ifdef __SSE2__
  return _mm_min_pd (a, b);
#else
  return (V2) { a[0] < b[0] ? a[0] : b[0], a[1] < b[1] ? a[1] : b[1] };
#endif
}

/* Lane by lane a > b ? a : b, as MAX (a, b) would give. */
static inline V2
v2_max (V2 a,
        V2 b)
{
#ifdef __SSE2__
  return _mm_max_pd (a, b);
#else
  return (V2) { a[0] > b[0] ? a[0] : b[0], a[1] > b[1] ? a[1] : b[1] };
#endif
}

/* Whether a lane of @a or of @b is below @limit; false for NaN, as a
 * scalar a < limit would be. */
static inline int
v2_any_below (V2     a,
              V2     b,
              double limit)
{
  V2 l = { limit, limit };

#ifdef __SSE2__
  return _mm_movemask_pd (_mm_or_pd (_mm_cmplt_pd (a, l), _mm_cmplt_pd (b, l))) != 0;
#else
  return a[0] < limit || a[1] < limit || b[0] < limit || b[1] < limit;
#endif
}
