/* rl-import.h — raw statistics files to a panel, through recipes and derived indicators
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rl-derive.h"
#include "rl-gazetteer.h"
#include "rl-grid.h"
#include "rl-panel.h"
#include "rl-progress.h"
#include "rl-recipe.h"

G_BEGIN_DECLS

/* One import in progress: values read so far, keyed by region, indicator
 * and year, kept apart from any panel until the import has succeeded. */
typedef struct _RlImport RlImport;

RlImport *rl_import_new           (const RlGazetteer *gazetteer);
void      rl_import_free          (RlImport          *self);
/* Reads what @recipe describes from @wb; @file_label names the file in
 * messages. On error nothing is kept from this workbook's bad cell on, and
 * the import should be abandoned. */
gboolean  rl_import_add_workbook  (RlImport          *self,
                                   const RlRecipe    *recipe,
                                   RlWorkbook        *wb,
                                   const char        *file_label,
                                   RlImportReport    *report,
                                   GError           **error);
/* The panel: regions in gazetteer order, indicators in the order their
 * recipes were first used; each (region, indicator, year) made from the
 * values read as the recipe's period and combine rules say. Notes go to
 * @report (may be NULL). Different values for one key where the recipe keeps
 * one are an error naming both places of each; @report's conflicts list them. */
RlPanel  *rl_import_finish        (RlImport          *self,
                                   RlImportReport    *report,
                                   GError           **error);

/* Applies one recipe to one workbook and merges the values into @panel. */
gboolean  rl_recipe_apply         (const RlRecipe    *recipe,
                                   RlWorkbook        *wb,
                                   const char        *file_label,
                                   const RlGazetteer *gazetteer,
                                   RlPanel           *panel,
                                   RlImportReport    *report,
                                   GError           **error);

/* Everything at once: each file is read with every recipe of @recipes
 * (RlRecipe) whose file patterns fit it. A table (CSV, TSV, XLS, XLSX, XLSM,
 * ODS by its name) no recipe fits is an error; any other file no recipe
 * names (a README) is skipped with a note in @report. A file a recipe reads
 * that gives no value, different values for one region, indicator and year
 * (listed in @report's conflicts) and an import without any value are
 * errors. Then @derived (may be NULL) adds the derived indicators. Returns a
 * new panel, or NULL and an error naming the file, sheet, row and column. */
RlPanel  *rl_import_files         (GPtrArray         *recipes,
                                   const RlDeriveList *derived,
                                   const RlGazetteer *gazetteer,
                                   const char *const *files,
                                   RlImportReport    *report,
                                   GCancellable      *cancellable,
                                   RlProgressFunc     progress,
                                   gpointer           progress_data,
                                   GError           **error);
/* The shipped recipes (the JSON files of data/recipes but derived.json), sorted by
 * file name. */
GPtrArray *rl_import_load_builtin_recipes (GError   **error);
/* The shipped derived indicators (data/recipes/derived.json; none when the
 * file is not there). */
RlDeriveList *rl_import_load_builtin_derived (GError **error);
GPtrArray *rl_import_load_recipes_dir     (const char *dir,
                                           GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlImport, rl_import_free)

G_END_DECLS
