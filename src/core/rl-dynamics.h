/* rl-dynamics.h — need ratings of year-over-year change, and the regions to watch
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rl-frame.h"
#include "rl-rating.h"

G_BEGIN_DECLS

/* The change of every chosen indicator between years @from and @to, per year:
 * (x(to) − x(from)) / (to − from); with @spec->log, the change of the natural
 * log, i.e. the yearly growth rate. For consecutive years this is the
 * year-over-year change. Each year's values follow @spec->missing; a region
 * still lacking a value in either year is dropped (and listed in
 * ->dropped). @spec->year and @spec->scale are ignored: the frame's raw and X
 * both hold the unscaled changes, ->year is @to. Rating this frame with the
 * indicators' usual polarities ranks the regions that worsen fastest first. */
RlFrame *rl_dynamics_frame_new (const RlPanel     *panel,
                                const RlFrameSpec *spec,
                                int                from,
                                int                to,
                                GError           **error);

/* The same from two frames of one panel with the same columns, built
 * without scaling (their X is differenced), @a of the earlier year. */
RlFrame *rl_dynamics_frame_from (const RlPanel     *panel,
                                 const RlFrame     *a,
                                 const RlFrame     *b,
                                 GError           **error);

/* The regions to watch next year, as the original study proposes: those in
 * cluster @neediest of a clustering of levels (@labels for the panel regions
 * @level_rows, @n_level of them) that are also among the @top fastest
 * worsening by the @dynamics rating (of the panel regions @dynamics_rows).
 * Returns panel region indices (guint), fastest worsening first. */
GArray  *rl_dynamics_watchlist (const guint       *level_rows,
                                const guint       *labels,
                                gsize              n_level,
                                guint              neediest,
                                const guint       *dynamics_rows,
                                const RlRating    *dynamics,
                                guint              top);

G_END_DECLS
