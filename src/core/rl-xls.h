/* rl-xls.h — the XLS reader (BIFF8 and BIFF5 records in an OLE2 container)
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-grid.h"

G_BEGIN_DECLS

RlWorkbook *rl_xls_read (const char *path,
                         GError    **error);

G_END_DECLS
