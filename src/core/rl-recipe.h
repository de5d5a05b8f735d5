/* rl-recipe.h — how the cells of a published statistics file become panel values
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rl-gazetteer.h"
#include "rl-grid.h"
#include "rl-panel.h"

G_BEGIN_DECLS

/* How the values of one region are laid out (data/recipes/README.md). */
typedef enum
{
  RL_RECIPE_LAYOUT_WIDE,    /* one column per year (or per month) */
  RL_RECIPE_LAYOUT_LONG,    /* one row per region and year (or date) */
  RL_RECIPE_LAYOUT_COLUMNS, /* one row per region, one column per indicator, one year */
  RL_RECIPE_LAYOUT_WIDE_GROUPED, /* two header rows: indicator names spanning their years */
} RlRecipeLayout;

/* Several months of a year made into one value. */
typedef enum
{
  RL_PERIOD_YEAR,   /* the values are yearly; a month in a header is an error */
  RL_PERIOD_SUM,    /* the sum of the months */
  RL_PERIOD_MEAN,   /* their mean */
  RL_PERIOD_MONTH,  /* the value of one chosen month (population on 1 January) */
} RlPeriodRule;

/* What to do when several rows give a value for the same region and year. */
typedef enum
{
  RL_COMBINE_UNIQUE, /* an error, unless the values are equal */
  RL_COMBINE_SUM,    /* their sum (activity sections of a region) */
} RlCombineRule;

typedef struct
{
  char        *id;
  char        *name_en;
  char        *name_ru;
  char        *name_uk;
  char        *unit;
  char        *source;
  RlPolarity   polarity;
  char       **sheets;        /* NULL-terminated; NULL = the recipe's sheet */
  guint        value_column;  /* 1-based; long and columns layouts */
  double       scale;         /* each value is multiplied by it; 1 by default */
  char        *header;        /* wide-grouped: its group's text in the indicator row */
} RlRecipeIndicator;

typedef struct _RlRecipe RlRecipe;

/* The outcome of an import beyond the panel itself: what was read and what
 * was left out, for people to check. */
typedef struct
{
  guint      n_files;
  guint      n_values;
  guint      n_aggregate_rows;  /* rows of the country, districts, composites, former units */
  guint      n_ignored_rows;    /* rows the recipes list as not regions */
  GPtrArray *lines;             /* "file: what was read" */
  GPtrArray *notes;             /* composite subjects given only whole, incomplete years … */
  GPtrArray *conflicts;         /* "region, indicator, year: v1 at place 1 and v2 at place 2" */
} RlImportReport;

RlRecipe                *rl_recipe_load          (const char      *path,
                                                  GError         **error);
RlRecipe                *rl_recipe_load_from_data (const char     *data,
                                                  gssize           length,
                                                  const char      *name,
                                                  GError         **error);
void                     rl_recipe_free          (RlRecipe        *self);
const char              *rl_recipe_get_id        (const RlRecipe  *self);
const char              *rl_recipe_get_path      (const RlRecipe  *self);
guint                    rl_recipe_n_indicators  (const RlRecipe  *self);
const RlRecipeIndicator *rl_recipe_get_indicator (const RlRecipe  *self,
                                                  guint            i);
/* Whether the recipe's file patterns fit @path's base name. */
gboolean                 rl_recipe_fits_file     (const RlRecipe  *self,
                                                  const char      *path);
/* Whether @wb's cells fit the recipe's "signature"; FALSE without one. @why
 * (may be NULL) gets "sheet “X”, A3 “text…”" when it fits. */
gboolean                 rl_recipe_fits_content  (const RlRecipe  *self,
                                                  RlWorkbook      *wb,
                                                  char           **why);

RlImportReport          *rl_import_report_new    (void);
void                     rl_import_report_free   (RlImportReport  *self);
void                     rl_import_report_note   (RlImportReport  *self,
                                                  const char      *format,
                                                  ...) G_GNUC_PRINTF (2, 3);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlRecipe, rl_recipe_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlImportReport, rl_import_report_free)

G_END_DECLS
