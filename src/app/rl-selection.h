/* rl-selection.h — the regions selected in any view, shared by all of them
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RL_TYPE_SELECTION (rl_selection_get_type ())

G_DECLARE_FINAL_TYPE (RlSelection, rl_selection, RL, SELECTION, GObject)

/* Regions are panel region indices, so a selection survives re-running the
 * analysis (frame rows change with the settings, panel regions do not).
 * "changed" is emitted once per call that changes anything. */
RlSelection *rl_selection_new          (void);
gboolean     rl_selection_contains     (RlSelection *self,
                                        guint        region);
guint        rl_selection_count        (RlSelection *self);
/* Sorted panel region indices; free with g_array_unref(). */
GArray      *rl_selection_get_regions  (RlSelection *self);
void         rl_selection_clear        (RlSelection *self);
/* Replaces the selection by @region (a click). */
void         rl_selection_set_only     (RlSelection *self,
                                        guint        region);
/* Adds or removes @region (a shift- or ctrl-click). */
void         rl_selection_toggle       (RlSelection *self,
                                        guint        region);
/* Replaces (or, with @extend, extends) the selection by @n regions (a rubber band). */
void         rl_selection_set_many     (RlSelection *self,
                                        const guint *regions,
                                        guint        n,
                                        gboolean     extend);

G_END_DECLS
