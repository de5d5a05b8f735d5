/* rl-table-view.h — the table page: regions × indicators, cluster and rank
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rl-analysis.h"
#include "rl-selection.h"

G_BEGIN_DECLS

#define RL_TYPE_TABLE_VIEW (rl_table_view_get_type ())

G_DECLARE_FINAL_TYPE (RlTableView, rl_table_view, RL, TABLE_VIEW, GtkWidget)

GtkWidget *rl_table_view_new          (RlSelection      *selection);
/* Copies what it shows from @analysis (frame rows, original units); NULL clears. */
void       rl_table_view_set_analysis (RlTableView      *self,
                                       const RlPanel    *panel,
                                       const RlAnalysis *analysis);
guint      rl_table_view_get_n_rows   (RlTableView      *self);
/* Sorts by column @column (0 region, 1 cluster, 2 rank, 3… indicators). */
void       rl_table_view_sort_by      (RlTableView      *self,
                                       guint             column,
                                       GtkSortType       order);
/* Panel region of the row at @position in the current order, or −1. */
int        rl_table_view_get_region   (RlTableView      *self,
                                       guint             position);
/* The table as shown (current order) as CSV, UTF-8, comma-separated. */
char      *rl_table_view_to_csv       (RlTableView      *self);
gboolean   rl_table_view_write_csv    (RlTableView      *self,
                                       const char       *path,
                                       GError          **error);

G_END_DECLS
