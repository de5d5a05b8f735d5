/* rl-ods.h — the ODS reader (OpenDocument spreadsheets)
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-grid.h"

G_BEGIN_DECLS

RlWorkbook *rl_ods_read (const char *path,
                         GError    **error);

G_END_DECLS
