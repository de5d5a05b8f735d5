/* rl-classify.h — class limits for choropleth maps: quantiles, equal intervals, natural breaks
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RL_CLASSES_QUANTILE,
  RL_CLASSES_EQUAL,  /* equal intervals */
  RL_CLASSES_JENKS,  /* natural breaks: the optimal Fisher–Jenks partition (least within-class
                      * sum of squared deviations) */
} RlClasses;

const char *rl_classes_to_string   (RlClasses   classes);
gboolean    rl_classes_from_string (const char *name,
                                    RlClasses  *classes);

/* Class limits of the finite values among @n (NaN skipped) into at most @k
 * classes: writes k + 1 increasing breaks (first = min, last = max) to
 * @breaks and returns the number of classes made, fewer when there are fewer
 * distinct values; 0 when no value is finite. Class i holds
 * breaks[i] ≤ v < breaks[i + 1], the last class closed. When every value is
 * the same, one class with breaks[0] = breaks[1]. Quantile limits
 * interpolate between order statistics (NumPy's default) and repeated limits
 * are dropped; natural-break limits lie half-way between the neighbouring
 * classes' extreme values. */
guint       rl_classify            (const double *values,
                                    guint         n,
                                    RlClasses     classes,
                                    guint         k,
                                    double       *breaks);
/* The class of @value under @breaks (n_classes + 1 limits), or −1 for NaN;
 * values outside the limits go to the nearest class. */
int         rl_classify_value      (const double *breaks,
                                    guint         n_classes,
                                    double        value);

G_END_DECLS
