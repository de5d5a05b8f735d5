/* rl-data.h — finding RegionLab's data files (gazetteers, recipes, boundaries, datasets)
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The path of @relative (e.g. "gazetteers/ru.tsv") in the first data folder
 * that has it: $RL_DATA_DIR, the source tree's data/ (uninstalled builds),
 * then the installed data folder. NULL when none has it. */
char *rl_data_find (const char *relative);

G_END_DECLS
