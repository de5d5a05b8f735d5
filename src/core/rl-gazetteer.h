/* rl-gazetteer.h — canonical region lists and region name matching
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rl-panel.h"

G_BEGIN_DECLS

/* What a gazetteer entry stands for (data/gazetteers/README.md). */
typedef enum
{
  RL_GAZETTEER_KIND_REGION,          /* a region proper: clustered, drawn on the map */
  RL_GAZETTEER_KIND_AGGREGATE,       /* the country, a federal district, an economic region */
  RL_GAZETTEER_KIND_COMPOSITE,       /* a subject together with its autonomous okrugs */
  RL_GAZETTEER_KIND_COMPOSITE_PART,  /* that subject without its okrugs: the region proper */
  RL_GAZETTEER_KIND_OTHER,           /* reported, but not a current subject (a former okrug,
                                      * Baikonur, Moscow in its old borders …) */
} RlGazetteerKind;

/* Read-only view of one line of a gazetteer; strings live as long as the
 * gazetteer. Optional fields are NULL when empty. */
typedef struct
{
  const char         *code;       /* the map key: ISO 3166-2 for regions, e.g. "RU-MOW" */
  RlGazetteerKind     kind;
  const char         *district;   /* code of the federal district entry, or NULL */
  const char         *stat_code;  /* OKATO (Russia), KOATUU (Ukraine), or NULL */
  const char         *reported;   /* "yes", or the years reported: "2014-", "-2013", "2014-2016" */
  const char         *name;       /* canonical name, as the statistics office writes it */
  const char         *name_en;
  const char         *name_ru;    /* NULL where name is already Russian */
  const char         *name_uk;    /* NULL where name is already Ukrainian or unknown */
  const char *const  *aliases;    /* NULL-terminated, never NULL */
  guint               n_aliases;
  guint               line;       /* line in the TSV file */
} RlGazetteerEntry;

typedef enum
{
  RL_MATCH_EXACT,       /* the label is a canonical name, a translation or the code */
  RL_MATCH_ALIAS,       /* the label is one of the listed aliases, byte for byte */
  RL_MATCH_NORMALISED,  /* equal after normalisation (rl-region-name.h) */
  RL_MATCH_FUZZY,       /* no match; candidates hold the nearest names */
  RL_MATCH_AMBIGUOUS,   /* the label fits several entries, listed in candidates */
  RL_MATCH_UNKNOWN,     /* nothing near enough */
} RlMatchStatus;

#define RL_MATCH_MAX_CANDIDATES 5

typedef struct
{
  const RlGazetteerEntry *entry;
  double                  score;  /* similarity in [0, 1]; 1 for exact and ambiguous fits */
} RlMatchCandidate;

/* The result of matching one label; a plain value, nothing to free. entry is
 * set only for EXACT, ALIAS and NORMALISED, and is then also candidates[0]. */
typedef struct
{
  RlMatchStatus           status;
  const RlGazetteerEntry *entry;
  guint                   n_candidates;
  RlMatchCandidate        candidates[RL_MATCH_MAX_CANDIDATES];
} RlMatch;

typedef struct _RlGazetteer RlGazetteer;

RlGazetteer            *rl_gazetteer_load         (const char   *path,
                                                   GError      **error);
RlGazetteer            *rl_gazetteer_load_builtin (const char   *id,
                                                   GError      **error);
void                    rl_gazetteer_free         (RlGazetteer  *self);

const char             *rl_gazetteer_get_path     (const RlGazetteer *self);
guint                   rl_gazetteer_get_n_entries (const RlGazetteer *self);
const RlGazetteerEntry *rl_gazetteer_get_entry    (const RlGazetteer *self,
                                                   guint              i);
const RlGazetteerEntry *rl_gazetteer_lookup_code  (const RlGazetteer *self,
                                                   const char        *code);
const RlGazetteerEntry *rl_gazetteer_get_district (const RlGazetteer      *self,
                                                   const RlGazetteerEntry *entry);

RlMatch                 rl_gazetteer_match        (const RlGazetteer *self,
                                                   const char        *label);

gboolean                rl_match_is_resolved      (const RlMatch *match);
const char             *rl_match_status_to_string (RlMatchStatus status);
/* The name of @entry in @lang ("en", "ru", "uk"): the canonical name when
 * the office writes in that language (@office_lang), else the translation,
 * else the English name, else the canonical name. */
const char             *rl_gazetteer_entry_name_in (const RlGazetteerEntry *entry,
                                                    const char             *lang,
                                                    const char             *office_lang);

/* Gives every region of @panel whose code a built-in gazetteer lists (RU-…,
 * UA-…) the label of its name in @lang; returns how many it labelled. */
guint                   rl_gazetteer_label_panel  (RlPanel    *panel,
                                                   const char *lang);

const char             *rl_gazetteer_kind_to_string (RlGazetteerKind kind);
gboolean                rl_gazetteer_kind_from_string (const char      *text,
                                                       RlGazetteerKind *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlGazetteer, rl_gazetteer_free)

G_END_DECLS
