/* rl-user-data.h — where the user's own recipes, aliases and recent projects live
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* $XDG_DATA_HOME/regionlab (g_get_user_data_dir()), or $RL_USER_DATA_DIR when
 * that is set (tests, and a portable install). Not created here. */
char     *rl_user_data_dir          (void);
/* rl_user_data_dir()/recipes: recipes the import wizard saved. */
char     *rl_user_recipes_dir       (void);
/* rl_user_data_dir()/aliases.tsv: region names the user matched by hand. */
char     *rl_user_aliases_path      (void);
/* Creates @dir and its parents (mode 0700 for new ones); an error names it. */
gboolean  rl_user_data_ensure_dir   (const char  *dir,
                                     GError     **error);

G_END_DECLS
