/* rl-recipe-private.h — what the recipe loader, the layouts and the importer share
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-import.h"
#include "rl-recipe.h"

G_BEGIN_DECLS

struct _RlRecipe
{
  char           *path;           /* the recipe file, for messages */
  char           *id;
  char          **files;          /* glob patterns over base names */
  char           *sheet;          /* NULL = the first sheet */
  RlRecipeLayout  layout;
  guint           region_column;
  guint           header_row;     /* years (wide) */
  guint           indicator_row;  /* wide-grouped: the indicator names over their years */
  guint           first_column;   /* the columns read: 1 … */
  guint           last_column;    /* … this one; 0 = to the end */
  guint           first_row;
  guint           last_row;       /* 0 = to the end */
  guint           value_row_offset;
  char           *value_row_prefix; /* only rows whose value row starts so name a region */
  guint           year_column;    /* long */
  int             year;           /* columns: a fixed year; -1 = from the file name */
  RlPeriodRule    period;
  guint           period_month;   /* RL_PERIOD_MONTH */
  gboolean        period_complete;
  GArray         *filter_columns; /* guint; rows kept where each column equals … */
  char          **filter_equals;  /* … the text at the same index */
  char           *skip;           /* a file recognised but not read, and why */
  guint           top_level_column; /* 0 = no hierarchy */
  char          **top_level_exclude;
  RlCombineRule   combine;
  char          **missing;        /* texts that mean "no value" */
  GHashTable     *codes;          /* label → gazetteer code */
  char          **ignore;         /* labels that are not regions */
  char          **ignore_prefix;
  GPtrArray      *indicators;     /* RlRecipeIndicator */
  GPtrArray      *parts;          /* RlRecipe, each read in turn; NULL = the recipe itself */
  char           *signature_sheet; /* a glob over sheet names; NULL = any sheet */
  GArray         *signature_cells; /* RlSignatureCell; NULL = no signature */
};

/* A cell a signature expects, and its text as a glob of a text key. */
typedef struct
{
  guint  row;
  guint  col;
  char  *text;
} RlSignatureCell;

/* @text trimmed, runs of white space made one space, and case-folded: how
 * headers and signatures compare texts. */
char    *rl_recipe_text_key    (const char        *text);
/* The first of the recipe's file patterns that fits @path's base name, or NULL. */
const char *rl_recipe_file_pattern (const RlRecipe *self,
                                    const char     *path);

/* The place of a cell, for messages. */
typedef struct
{
  const char *file;
  const char *sheet;
  guint       row;
  guint       col;
} RlCellPlace;

char    *rl_cell_place_format  (const RlCellPlace *place);

/* Reads the values @recipe describes from @wb into @import. */
gboolean rl_recipe_read        (const RlRecipe    *recipe,
                                RlWorkbook        *wb,
                                const char        *file_label,
                                RlImport          *import,
                                RlImportReport    *report,
                                GError           **error);

/* Year and month (0 = none) in a header or date text: "2015", "2015.0",
 * "январь 2006 г.", "2017-01-01", "01.01.2017". FALSE when there is no
 * year between 1800 and 2200. */
gboolean rl_parse_period       (const char        *text,
                                int               *year,
                                int               *month);

/* One value read from a cell. */
gboolean rl_import_put         (RlImport                *import,
                                const RlRecipe          *recipe,
                                const RlGazetteerEntry  *region,
                                const RlRecipeIndicator *indicator,
                                int                      year,
                                int                      month,
                                double                   value,
                                const RlCellPlace       *place,
                                GError                 **error);
const RlGazetteer *rl_import_get_gazetteer (const RlImport *import);
/* Records that a file named @entry (composite subjects are noted). */
void     rl_import_seen        (RlImport                *import,
                                const RlGazetteerEntry  *entry);

G_END_DECLS
