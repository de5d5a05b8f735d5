/* rl-import-guess.h — the layout of a table nobody wrote a recipe for, inferred as a recipe
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GUI-free: the import wizard and `regionlab-cli import --guess` both call it.
 * A guess is a recipe in the format of data/recipes/README.md (JSON text that
 * rl_recipe_load_from_data() reads), with what it is built on: the sheet, the
 * parts found on it, header rows, the region column, the layout, the number
 * format, the gazetteer, a confidence, the reasons, and every label it could
 * not resolve with ranked candidates. Where two readings fit equally well the
 * guess says so (ambiguous) instead of choosing silently.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rl-gazetteer.h"
#include "rl-grid.h"
#include "rl-recipe.h"

G_BEGIN_DECLS

/* What the caller fixes; zero / NULL everywhere means "guess it". The
 * wizard passes what the user clicked (a header row, a region column) and
 * guesses again. */
typedef struct
{
  const char *sheet;          /* a sheet name; NULL: the sheet that looks most like a table */
  const char *indicator;      /* the indicator id for a one-indicator table; NULL: from the title */
  int         year;           /* 0: from the header, the sheet name or a title */
  const char *gazetteer;      /* "auto" or NULL, "ru", "ua", or a gazetteer file */
  guint       header_row;     /* 1-based; 0: guess */
  guint       region_column;  /* 1-based; 0: guess */
  gboolean    fix_layout;     /* FALSE: guess the layout; TRUE: use @layout */
  RlRecipeLayout layout;
  guint       part;           /* only this part (1-based) of a sheet of several tables; 0: all */
} RlImportGuessOptions;

/* One table found on the sheet: the cells it covers and how it reads. */
typedef struct
{
  guint           first_row;      /* 1-based, inclusive: the whole part, titles included */
  guint           last_row;
  guint           first_col;
  guint           last_col;
  guint           title_row;      /* 0: none */
  guint           indicator_row;  /* two header rows: the row of the indicator names; 0: one */
  guint           header_row;     /* the years (wide) or the column titles */
  guint           first_data_row;
  guint           last_data_row;
  guint           region_column;
  guint           year_column;    /* long layout; 0 otherwise */
  RlRecipeLayout  layout;         /* WIDE_GROUPED when indicator_row is set */
  int             year;           /* columns layout: the year; 0 otherwise */
  guint           n_values;       /* number cells read as values */
} RlImportGuessPart;

/* A region label the gazetteer could not resolve, or resolved two ways. */
typedef struct
{
  const char *label;
  guint       row;
  guint       col;
  RlMatch     match;              /* status FUZZY, AMBIGUOUS or UNKNOWN, with candidates */
} RlImportGuessName;

typedef struct _RlImportGuess RlImportGuess;

/* Guesses how @wb reads; @file_label names the file in reasons and errors.
 * Fails (an error naming file and sheet) only when no sheet holds anything
 * like a table of regions; a weak guess is a guess with a low confidence.
 * @gazetteer: NULL loads the one named by the options (auto: the one whose
 * names the region column fits best); user aliases already loaded into it
 * count as names. */
RlImportGuess            *rl_import_guess                (RlWorkbook                 *wb,
                                                          const char                 *file_label,
                                                          const RlImportGuessOptions *options,
                                                          const RlGazetteer          *gazetteer,
                                                          GCancellable               *cancellable,
                                                          GError                    **error);
void                      rl_import_guess_free           (RlImportGuess       *self);

const char               *rl_import_guess_get_sheet      (const RlImportGuess *self);
guint                     rl_import_guess_n_parts        (const RlImportGuess *self);
const RlImportGuessPart  *rl_import_guess_get_part       (const RlImportGuess *self,
                                                          guint                i);
/* "ru", "ua" or the gazetteer file the names were matched against. */
const char               *rl_import_guess_get_gazetteer  (const RlImportGuess *self);
/* The gazetteer used (the one passed, or the one the guess loaded). */
const RlGazetteer        *rl_import_guess_get_gazetteer_object (const RlImportGuess *self);
/* "decimal comma", "decimal point", with "space thousands", "footnote marks" … */
const char               *rl_import_guess_get_number_format (const RlImportGuess *self);
/* 0 … 1: how sure the guess is. */
double                    rl_import_guess_get_confidence (const RlImportGuess *self);
/* TRUE when another reading fits about as well; the reasons name both. */
gboolean                  rl_import_guess_is_ambiguous   (const RlImportGuess *self);
/* Why: "row 3 holds years 2015–2020", "column A: 85 of 87 labels are regions" … */
const char *const        *rl_import_guess_get_reasons    (const RlImportGuess *self);
guint                     rl_import_guess_n_unresolved   (const RlImportGuess *self);
const RlImportGuessName  *rl_import_guess_get_unresolved (const RlImportGuess *self,
                                                          guint                i);

/* The recipe guessed, as recipe JSON text (pretty-printed, ending in a
 * newline): what `--save-recipe` writes and `import --recipe` replays. The
 * recipe's `files` pattern is the file's base name; ids come from the
 * indicator option, else the header or title text (transliterated). */
char                     *rl_import_guess_to_recipe_text (const RlImportGuess *self);
RlRecipe                 *rl_import_guess_to_recipe      (const RlImportGuess *self,
                                                          GError             **error);
/* The `guess` member of `import --guess --json` (../shared/design/CLI.md):
 * sheet, parts, header rows, region column, layout, number format,
 * gazetteer, confidence, ambiguous, reasons, unresolved names with candidates. */
JsonNode                 *rl_import_guess_to_json        (const RlImportGuess *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlImportGuess, rl_import_guess_free)

G_END_DECLS
