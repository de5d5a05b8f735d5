/* rl-tracking.h — following clusters from one year to the next
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rl-gsl.h"

G_BEGIN_DECLS

/* The minimum-cost assignment of the rows of an r × c @cost matrix to its
 * columns (Hungarian method with potentials, O(m³) for m = max(r, c); a
 * rectangular matrix is padded with zero costs). @assignment gets r entries:
 * the column of each row, or RL_GROUP_NONE for rows left over when r > c.
 * Costs must be finite. */
gboolean     rl_hungarian     (const gsl_matrix *cost,
                               guint            *assignment,
                               GError          **error);

typedef enum
{
  RL_TRACK_OVERLAP,   /* maximise the number of regions shared by matched clusters */
  RL_TRACK_CENTROIDS, /* minimise the summed Euclidean distance between matched centres */
} RlTrackBy;

/* One year's clustering: @labels (0 .. k−1) of the panel regions @regions. */
typedef struct
{
  const guint      *regions;  /* n panel region indices */
  const guint      *labels;   /* n */
  gsize             n;
  guint             k;
  const gsl_matrix *centers;  /* k × d, for RL_TRACK_CENTROIDS: in units comparable
                               * between the two years */
} RlTrackYear;

/* The later year's clusters renumbered after the earlier year's: later
 * cluster b becomes earlier cluster match[b]; later clusters left unmatched
 * (k_to > k_from) get the new numbers k_from, k_from + 1, … */
typedef struct
{
  guint   k_from, k_to, k_out;  /* k_out = k_from + unmatched later clusters */
  guint  *match;                /* k_to */
  guint   n;                    /* regions clustered in both years */
  guint  *regions;              /* n panel region indices, in the earlier year's order */
  guint  *from_labels;          /* n */
  guint  *to_labels;            /* n: renumbered */
  guint  *transitions;          /* k_from × k_out, row-major: regions from cluster a to b */
  GArray *changed;              /* of guint: indices into @regions whose cluster changed */
} RlTracking;

RlTracking  *rl_tracking_new  (const RlTrackYear *from,
                               const RlTrackYear *to,
                               RlTrackBy          by,
                               GError           **error);
void         rl_tracking_free (RlTracking        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlTracking, rl_tracking_free)

G_END_DECLS
