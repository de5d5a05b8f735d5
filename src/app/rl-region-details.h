/* rl-region-details.h — one region over the years: every indicator, its
 * cluster and rank history
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rl-analysis.h"

G_BEGIN_DECLS

/* Builds a window showing panel region @region; it copies what it shows, so
 * @panel and @analysis (which may be NULL) need not outlive it. */
GtkWindow *rl_region_details_new  (GtkWindow        *parent,
                                   const RlPanel    *panel,
                                   const RlAnalysis *analysis,
                                   guint             region);
/* rl_region_details_new() and present. */
void       rl_region_details_show (GtkWindow        *parent,
                                   const RlPanel    *panel,
                                   const RlAnalysis *analysis,
                                   guint             region);

G_END_DECLS
