/* rl-panel.h — the region × indicator × year panel
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The year of a panel read from a wide CSV, which has no year. */
#define RL_YEAR_NONE 0

typedef enum
{
  RL_POLARITY_NONE = 0,      /* not used in need ratings */
  RL_POLARITY_POSITIVE = 1,  /* a higher value means more need (poverty rate) */
  RL_POLARITY_NEGATIVE = -1, /* a higher value means less need (income) */
} RlPolarity;

typedef struct
{
  char       *id;       /* poverty_percent */
  char       *name_en;
  char       *name_ru;
  char       *name_uk;
  char       *unit;
  char       *source;
  char       *formula;  /* for derived indicators, else NULL */
  RlPolarity  polarity;
} RlIndicator;

typedef struct _RlPanel RlPanel;

RlPanel           *rl_panel_new             (void);
RlPanel           *rl_panel_copy            (const RlPanel *self);
void               rl_panel_free            (RlPanel       *self);

/* Regions are keyed by code when it is not empty, else by name. Adding an
 * existing key returns its index (and fills in a missing name or code). */
guint              rl_panel_add_region      (RlPanel       *self,
                                             const char    *code,
                                             const char    *name);
guint              rl_panel_add_indicator   (RlPanel       *self,
                                             const char    *id);
void               rl_panel_set             (RlPanel       *self,
                                             guint          region,
                                             guint          indicator,
                                             int            year,
                                             double         value);
/* rl_panel_set(), refused (RL_ERROR_INVALID) when the values would then be
 * held in more than RL_LIMIT_PANEL_CELLS cells: the panel is a dense cube of
 * regions × indicators × years from the first to the last, so a few values
 * far apart (years 1 and 9999, thousands of regions) would need gigabytes. */
gboolean           rl_panel_set_checked     (RlPanel       *self,
                                             guint          region,
                                             guint          indicator,
                                             int            year,
                                             double         value,
                                             GError       **error);
/* NaN where missing or out of range. */
double             rl_panel_get             (const RlPanel *self,
                                             guint          region,
                                             guint          indicator,
                                             int            year);

guint              rl_panel_n_regions       (const RlPanel *self);
guint              rl_panel_n_indicators    (const RlPanel *self);
const char        *rl_panel_region_code     (const RlPanel *self,
                                             guint          region);
const char        *rl_panel_region_name     (const RlPanel *self,
                                             guint          region);
/* What to show for a region: its label when one is set, else the name when
 * there is one, else the code. */
const char        *rl_panel_region_label    (const RlPanel *self,
                                             guint          region);
/* Sets the label shown for @region (NULL: back to the name). Names and
 * codes, which files are written with, do not change. */
void               rl_panel_set_region_label (RlPanel    *self,
                                              guint       region,
                                              const char *label);
RlIndicator       *rl_panel_indicator       (const RlPanel *self,
                                             guint          indicator);
/* The language names are shown in ("en", "ru", "uk"; "en" until set). */
void               rl_panel_set_language    (RlPanel       *self,
                                             const char    *lang);
const char        *rl_panel_get_language    (const RlPanel *self);
/* The name of @indicator to show: in the panel's language, else English,
 * else its id. */
const char        *rl_panel_indicator_label (const RlPanel *self,
                                             guint          indicator);
/* The name of @ind in @lang, else English, else its id. */
const char        *rl_indicator_label       (const RlIndicator *ind,
                                             const char        *lang);
/* Index of a region by code or name (case-sensitive), of an indicator by id;
 * -1 when absent. */
int                rl_panel_find_region     (const RlPanel *self,
                                             const char    *code_or_name);
int                rl_panel_find_indicator  (const RlPanel *self,
                                             const char    *id);

/* Years that hold at least one value, ascending. */
GArray            *rl_panel_years           (const RlPanel *self);
gboolean           rl_panel_has_year        (const RlPanel *self,
                                             int            year);
gboolean           rl_panel_is_wide         (const RlPanel *self);
guint              rl_panel_count_values    (const RlPanel *self);

/* Reading and writing. rl_panel_load() tells a panel CSV
 * (region_code,region,indicator,year,value; years 0 to 9999, 0 being a wide
 * table's RL_YEAR_NONE) from a wide CSV (region, then one numeric column per
 * indicator) by its header, reads it in one pass, and reads the indicator
 * sidecar (see rl_panel_sidecar_path()) when it exists. A sidecar that
 * records the size and SHA-256 of another panel than the one beside it is
 * refused. Errors name the file, row and column; an empty file says so. */
RlPanel           *rl_panel_load            (const char    *path,
                                             GError       **error);
/* Writes the panel CSV and its sidecar, which records the panel's size and
 * SHA-256. Both are written and flushed under temporary names in the
 * target folder before either is renamed (the sidecar first): a failure
 * before the renames leaves the existing files as they were. What a panel
 * file cannot hold (years outside 0..9999, infinite values, text that is
 * not UTF-8) is refused with RL_ERROR_INVALID. Values are written with the
 * fewest digits that read back as the same double. */
gboolean           rl_panel_save            (const RlPanel *self,
                                             const char    *path,
                                             GError       **error);
char              *rl_panel_sidecar_path    (const char    *panel_path);
gboolean           rl_panel_load_sidecar    (RlPanel       *self,
                                             const char    *path,
                                             GError       **error);
/* The sidecar's JSON without the record of a panel file. */
char              *rl_panel_sidecar_to_json (const RlPanel *self);

RlIndicator       *rl_indicator_new         (const char    *id);
void               rl_indicator_free        (RlIndicator   *self);
const char        *rl_polarity_to_string    (RlPolarity     polarity);
gboolean           rl_polarity_from_string  (const char    *text,
                                             RlPolarity    *polarity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlPanel, rl_panel_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlIndicator, rl_indicator_free)

G_END_DECLS
