/* rl-derive.h — indicators computed from others: sums, ratios, per capita
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rl-panel.h"

G_BEGIN_DECLS

/* value = (numerator[0] + numerator[1] + …) / denominator × factor, for each
 * region and year where every input is known and the denominator is not 0;
 * without a denominator, the sum × factor. */
typedef struct
{
  char        *id;
  char        *name_en;
  char        *name_ru;
  char        *name_uk;
  char        *unit;
  char        *source;
  RlPolarity   polarity;
  char       **numerator;   /* NULL-terminated, at least one */
  char        *denominator; /* NULL for a plain sum */
  double       factor;      /* 1 by default */
  guint        digits;      /* significant digits kept; 0 = all */
  char        *formula;     /* "(a + b) / c * 1000", recorded in the sidecar */
} RlDerived;

typedef struct _RlDeriveList RlDeriveList;

RlDeriveList    *rl_derive_list_new            (void);
/* A JSON document {"derived": [{"id", "name": {"en", "ru", "uk"}, "unit",
 * "polarity", "source", "numerator": [ids], "denominator", "factor", "digits"}]};
 * errors name @name and the JSON path. */
RlDeriveList    *rl_derive_list_load           (const char         *path,
                                                GError            **error);
RlDeriveList    *rl_derive_list_load_from_data (const char         *data,
                                                gssize              length,
                                                const char         *name,
                                                GError            **error);
void             rl_derive_list_free           (RlDeriveList       *self);
guint            rl_derive_list_n              (const RlDeriveList *self);
const RlDerived *rl_derive_list_get            (const RlDeriveList *self,
                                                guint               i);
/* "(a + b) / c * 1000" */
char            *rl_derived_formula            (const RlDerived    *derived);

/* Adds each derived indicator, in list order (a later one may use an earlier
 * one), to @panel. One whose inputs are not in the panel is left out with a
 * line in @notes (may be NULL). Fails only if an id is already taken. */
gboolean         rl_derive_apply               (const RlDeriveList *self,
                                                RlPanel            *panel,
                                                GPtrArray          *notes,
                                                GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlDeriveList, rl_derive_list_free)

G_END_DECLS
