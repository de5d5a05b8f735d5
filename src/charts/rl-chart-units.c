/* rl-chart-units.c — the units of the shipped indicators, translated
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Units are data (the sidecar of a panel, the import recipes), written in
 * English. The ones the shipped data uses are listed here so that the
 * translations carry them (context "unit"); a unit not listed is shown as
 * it is written. A test keeps the list complete for the shipped data.
 */
#include "rl-chart.h"
#include "rl-charts-i18n.h"

static const char *const known_units[] = {
  NC_("unit", "% of budget spending"),
  NC_("unit", "% of households"),
  NC_("unit", "% of the poor population"),
  NC_("unit", "% of the population"),
  NC_("unit", "% of the previous year"),
  NC_("unit", "deaths under one year per 1,000 live births"),
  NC_("unit", "m² per person"),
  NC_("unit", "per 1,000 children"),
  NC_("unit", "per 1,000 population"),
  NC_("unit", "per 100,000 population"),
  NC_("unit", "persons"),
  NC_("unit", "roubles"),
  NC_("unit", "roubles per month"),
  NC_("unit", "roubles per person"),
  NC_("unit", "thousand persons"),
  NC_("unit", "thousand roubles"),
  NULL,
};

const char *const *
rl_chart_known_units (void)
{
  return known_units;
}

const char *
rl_chart_unit_label (const char *unit)
{
  if (unit == NULL || *unit == '\0')
    return unit;
  return g_dpgettext2 (GETTEXT_PACKAGE, "unit", unit);
}
