/* rl-charts-i18n.h — translation of the texts the charts draw (private)
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The charts library looks its texts up in the application's text domain
 * itself, so they are translated even where the caller set another default
 * domain. Without a bound catalogue (the command line) they stay English.
 */
#pragma once

#include "rl-config.h"

#include <glib/gi18n-lib.h>
