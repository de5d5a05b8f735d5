/* rl-gazetteer.c — canonical region lists and region name matching
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-gazetteer.h"

#include <string.h>

#include "rl-config.h"
#include "rl-error.h"
#include "rl-limits.h"
#include "rl-region-name.h"

/* The columns of a gazetteer TSV, in order (data/gazetteers/README.md). */
static const char *const columns[] = {
  "code", "kind", "district", "stat_code", "reported",
  "name", "name_en", "name_ru", "name_uk", "aliases",
};
#define N_COLUMNS G_N_ELEMENTS (columns)

/* Fuzzy candidates below this similarity are not proposed. */
#define FUZZY_MIN_SCORE 0.5

static const char *const kind_names[] = {
  [RL_GAZETTEER_KIND_REGION] = "region",
  [RL_GAZETTEER_KIND_AGGREGATE] = "aggregate",
  [RL_GAZETTEER_KIND_COMPOSITE] = "composite",
  [RL_GAZETTEER_KIND_COMPOSITE_PART] = "composite-part",
  [RL_GAZETTEER_KIND_OTHER] = "other",
};

static const char *const status_names[] = {
  [RL_MATCH_EXACT] = "exact",
  [RL_MATCH_ALIAS] = "alias",
  [RL_MATCH_NORMALISED] = "normalised",
  [RL_MATCH_FUZZY] = "fuzzy-candidates",
  [RL_MATCH_AMBIGUOUS] = "ambiguous",
  [RL_MATCH_UNKNOWN] = "unknown",
};

/* A reduced key as Unicode characters, for fuzzy comparison. */
typedef struct
{
  gunichar               *chars;
  glong                   len;
  const RlGazetteerEntry *entry;
} FuzzyKey;

struct _RlGazetteer
{
  char             *path;
  GStringChunk     *strings;
  RlGazetteerEntry *entries;
  guint             n_entries;
  GPtrArray        *alias_ptrs;  /* every entry's aliases, each run ended by NULL */
  GHashTable       *by_code;     /* code → entry */
  GHashTable       *names;       /* name, translation or code, verbatim → GPtrArray of entries */
  GHashTable       *aliases;     /* alias, verbatim → GPtrArray */
  GHashTable       *keys;        /* normalised key → GPtrArray */
  GHashTable       *reduced;     /* reduced key → GPtrArray */
  GArray           *fuzzy;       /* FuzzyKey */
  glong             max_key_len;
};

/* While loading: the entries so far and where each one's aliases start. */
typedef struct
{
  GArray *entries;
  GArray *alias_start;
} Loader;

static void
fuzzy_key_clear (gpointer data)
{
  g_free (((FuzzyKey *) data)->chars);
}

static GHashTable *
index_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) g_ptr_array_unref);
}

static RlGazetteer *
gazetteer_new (const char *path)
{
  RlGazetteer *self = g_new0 (RlGazetteer, 1);

  self->path = g_strdup (path);
  self->strings = g_string_chunk_new (16384);
  self->alias_ptrs = g_ptr_array_new ();
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->names = index_new ();
  self->aliases = index_new ();
  self->keys = index_new ();
  self->reduced = index_new ();
  self->fuzzy = g_array_new (FALSE, FALSE, sizeof (FuzzyKey));
  g_array_set_clear_func (self->fuzzy, fuzzy_key_clear);
  return self;
}

void
rl_gazetteer_free (RlGazetteer *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_string_chunk_free (self->strings);
  g_free (self->entries);
  g_ptr_array_unref (self->alias_ptrs);
  g_hash_table_unref (self->by_code);
  g_hash_table_unref (self->names);
  g_hash_table_unref (self->aliases);
  g_hash_table_unref (self->keys);
  g_hash_table_unref (self->reduced);
  g_array_unref (self->fuzzy);
  g_free (self);
}

/* ---- loading -------------------------------------------------------------- */

static const char *
intern (RlGazetteer *self,
        const char  *text)
{
  return (text == NULL || *text == '\0') ? NULL : g_string_chunk_insert_const (self->strings, text);
}

static gboolean
parse_error (GError    **error,
             const char *path,
             guint       line,
             const char *format,
             ...) G_GNUC_PRINTF (4, 5);

static gboolean
parse_error (GError    **error,
             const char *path,
             guint       line,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s:%u: %s", path, line, message);
  return FALSE;
}

static gboolean
check_header (char       **fields,
              const char  *path,
              guint        line,
              GError     **error)
{
  g_autofree char *expected = g_strjoinv ("\t", (char **) columns);

  if (g_strv_length (fields) != N_COLUMNS)
    return parse_error (error, path, line, "the header must be the %u columns “%s”",
                        (guint) N_COLUMNS, expected);
  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_strcmp0 (fields[i], columns[i]) != 0)
      return parse_error (error, path, line, "column %u is “%s”, expected “%s”", i + 1,
                          fields[i], columns[i]);
  return TRUE;
}

static void
add_aliases (RlGazetteer      *self,
             RlGazetteerEntry *entry,
             const char       *field)
{
  g_auto(GStrv) parts = g_strsplit (field, "|", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] == '\0')
        continue;
      g_ptr_array_add (self->alias_ptrs, (gpointer) intern (self, parts[i]));
      entry->n_aliases++;
    }
  g_ptr_array_add (self->alias_ptrs, NULL);
}

static gboolean
parse_entry (RlGazetteer  *self,
             Loader       *loader,
             char        **f,
             guint         line,
             GError      **error)
{
  RlGazetteerEntry entry = { 0 };
  guint alias_start = self->alias_ptrs->len;

  if (g_strv_length (f) != N_COLUMNS)
    return parse_error (error, self->path, line, "expected %u tab-separated fields, found %u",
                        (guint) N_COLUMNS, g_strv_length (f));
  for (guint i = 0; i < N_COLUMNS; i++)
    g_strstrip (f[i]);
  if (f[0][0] == '\0' || f[5][0] == '\0')
    return parse_error (error, self->path, line, "the code and the name must not be empty");
  if (!rl_gazetteer_kind_from_string (f[1], &entry.kind))
    return parse_error (error, self->path, line, "unknown kind “%s” (region, aggregate, "
                        "composite, composite-part or other)", f[1]);
  entry.code = intern (self, f[0]);
  entry.district = intern (self, f[2]);
  entry.stat_code = intern (self, f[3]);
  entry.reported = f[4][0] != '\0' ? intern (self, f[4]) : "yes";
  entry.name = intern (self, f[5]);
  entry.name_en = intern (self, f[6]);
  entry.name_ru = intern (self, f[7]);
  entry.name_uk = intern (self, f[8]);
  entry.line = line;
  add_aliases (self, &entry, f[9]);
  g_array_append_val (loader->entries, entry);
  g_array_append_val (loader->alias_start, alias_start);
  return TRUE;
}

static gboolean
parse_lines (RlGazetteer *self,
             Loader      *loader,
             char        *text,
             GError     **error)
{
  gboolean have_header = FALSE;
  guint line = 0;

  for (char *p = text, *next; p != NULL; p = next)
    {
      g_auto(GStrv) fields = NULL;
      char *end = strchr (p, '\n');

      next = end != NULL ? end + 1 : NULL;
      if (end != NULL)
        *end = '\0';
      line++;
      if (end != NULL && end > p && end[-1] == '\r')
        end[-1] = '\0';
      if (*p == '\0' || *p == '#')
        continue;
      fields = g_strsplit (p, "\t", -1);
      if (!have_header)
        {
          if (!check_header (fields, self->path, line, error))
            return FALSE;
          have_header = TRUE;
        }
      else if (!parse_entry (self, loader, fields, line, error))
        return FALSE;
    }
  if (!have_header)
    return parse_error (error, self->path, line, "the file is empty: no header line");
  return TRUE;
}

static void
index_add (GHashTable             *index,
           const char             *key,
           const RlGazetteerEntry *entry)
{
  GPtrArray *list = g_hash_table_lookup (index, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (index, g_strdup (key), list);
    }
  if (!g_ptr_array_find (list, entry, NULL))
    g_ptr_array_add (list, (gpointer) entry);
}

static void
add_fuzzy_key (RlGazetteer            *self,
               const char             *reduced,
               const RlGazetteerEntry *entry)
{
  FuzzyKey key = { NULL, 0, entry };

  key.chars = g_utf8_to_ucs4_fast (reduced, -1, &key.len);
  self->max_key_len = MAX (self->max_key_len, key.len);
  g_array_append_val (self->fuzzy, key);
}

/* Indexes one spelling of an entry: verbatim, normalised and reduced. */
static void
index_spelling (RlGazetteer            *self,
                GHashTable             *verbatim,
                const char             *text,
                const RlGazetteerEntry *entry)
{
  g_autofree char *key = NULL, *reduced = NULL;
  gboolean dated = FALSE;
  GPtrArray *list;

  if (text == NULL)
    return;
  index_add (verbatim, text, entry);
  key = rl_region_name_normalize (text);
  index_add (self->keys, key, entry);
  reduced = rl_region_name_reduce (key, &dated);
  if (dated || *reduced == '\0')
    return;
  list = g_hash_table_lookup (self->reduced, reduced);
  if (list == NULL || !g_ptr_array_find (list, entry, NULL))
    add_fuzzy_key (self, reduced, entry);
  index_add (self->reduced, reduced, entry);
}

static void
index_entry (RlGazetteer            *self,
             const RlGazetteerEntry *entry)
{
  g_hash_table_insert (self->by_code, (gpointer) entry->code, (gpointer) entry);
  index_spelling (self, self->names, entry->code, entry);
  index_spelling (self, self->names, entry->name, entry);
  index_spelling (self, self->names, entry->name_en, entry);
  index_spelling (self, self->names, entry->name_ru, entry);
  index_spelling (self, self->names, entry->name_uk, entry);
  for (guint i = 0; i < entry->n_aliases; i++)
    index_spelling (self, self->aliases, entry->aliases[i], entry);
}

static gboolean
finish_entries (RlGazetteer *self,
                Loader      *loader,
                GError     **error)
{
  self->n_entries = loader->entries->len;
  self->entries = (RlGazetteerEntry *) g_array_free (g_steal_pointer (&loader->entries), FALSE);
  for (guint i = 0; i < self->n_entries; i++)
    {
      RlGazetteerEntry *e = &self->entries[i];

      e->aliases = (const char *const *) self->alias_ptrs->pdata
                   + g_array_index (loader->alias_start, guint, i);
      if (g_hash_table_contains (self->by_code, e->code))
        return parse_error (error, self->path, e->line, "the code “%s” is used twice", e->code);
      index_entry (self, e);
    }
  for (guint i = 0; i < self->n_entries; i++)
    {
      const RlGazetteerEntry *e = &self->entries[i];

      if (e->district != NULL && !g_hash_table_contains (self->by_code, e->district))
        return parse_error (error, self->path, e->line, "the district “%s” is not an entry",
                            e->district);
    }
  return TRUE;
}

RlGazetteer *
rl_gazetteer_load (const char *path,
                   GError    **error)
{
  g_autoptr(RlGazetteer) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  Loader loader = { 0 };
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);
  if (!g_file_get_contents (path, &text, NULL, &local_error))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, "Cannot read the gazetteer %s: %s", path,
                   local_error->message);
      return NULL;
    }
  self = gazetteer_new (path);
  if (!g_utf8_validate (text, -1, NULL))
    {
      parse_error (error, path, 1, "the file is not valid UTF-8 text");
      return NULL;
    }
  loader.entries = g_array_new (FALSE, TRUE, sizeof (RlGazetteerEntry));
  loader.alias_start = g_array_new (FALSE, TRUE, sizeof (guint));
  ok = parse_lines (self, &loader, text, error) && finish_entries (self, &loader, error);
  if (loader.entries != NULL)
    g_array_unref (loader.entries);
  g_array_unref (loader.alias_start);
  return ok ? g_steal_pointer (&self) : NULL;
}

static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

RlGazetteer *
rl_gazetteer_load_builtin (const char *id,
                           GError    **error)
{
  const char *dirs[] = { g_getenv ("RL_DATA_DIR"), RL_SOURCE_DATADIR, RL_DATADIR };
  g_autofree char *file = NULL;

  if (!is_valid_id (id))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "“%s” is not a gazetteer name: use a built-in one such as “ru” or “ua”",
                   id != NULL ? id : "");
      return NULL;
    }
  file = g_strconcat (id, ".tsv", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;

      if (dirs[i] == NULL || *dirs[i] == '\0')
        continue;
      path = g_build_filename (dirs[i], "gazetteers", file, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return rl_gazetteer_load (path, error);
    }
  g_set_error (error, RL_ERROR, RL_ERROR_IO,
               "No built-in gazetteer “%s” in %s/gazetteers or %s/gazetteers; set RL_DATA_DIR "
               "to the folder that holds gazetteers/%s", id, RL_SOURCE_DATADIR, RL_DATADIR, file);
  return NULL;
}

/* ---- queries -------------------------------------------------------------- */

const char *
rl_gazetteer_get_path (const RlGazetteer *self)
{
  return self->path;
}

guint
rl_gazetteer_get_n_entries (const RlGazetteer *self)
{
  return self->n_entries;
}

const RlGazetteerEntry *
rl_gazetteer_get_entry (const RlGazetteer *self,
                        guint              i)
{
  g_return_val_if_fail (i < self->n_entries, NULL);
  return &self->entries[i];
}

const RlGazetteerEntry *
rl_gazetteer_lookup_code (const RlGazetteer *self,
                          const char        *code)
{
  return code != NULL ? g_hash_table_lookup (self->by_code, code) : NULL;
}

const RlGazetteerEntry *
rl_gazetteer_get_district (const RlGazetteer      *self,
                           const RlGazetteerEntry *entry)
{
  return entry != NULL ? rl_gazetteer_lookup_code (self, entry->district) : NULL;
}

/* ---- matching ------------------------------------------------------------- */

/* Fills match from the entries a key leads to; FALSE if it leads nowhere. */
static gboolean
resolve (RlMatch       *match,
         GPtrArray     *list,
         RlMatchStatus  status)
{
  if (list == NULL || list->len == 0)
    return FALSE;
  match->status = list->len == 1 ? status : RL_MATCH_AMBIGUOUS;
  match->entry = list->len == 1 ? g_ptr_array_index (list, 0) : NULL;
  match->n_candidates = MIN (list->len, RL_MATCH_MAX_CANDIDATES);
  for (guint i = 0; i < match->n_candidates; i++)
    {
      match->candidates[i].entry = g_ptr_array_index (list, i);
      match->candidates[i].score = 1.0;
    }
  return TRUE;
}

/* Offers entry with score to the ranked candidates: best first, one place per
 * entry, earlier entries first among equal scores. */
static void
offer_candidate (RlMatch                *match,
                 const RlGazetteerEntry *entry,
                 double                  score)
{
  guint pos, i;

  for (i = 0; i < match->n_candidates; i++)
    if (match->candidates[i].entry == entry)
      break;
  if (i < match->n_candidates)
    {
      if (score <= match->candidates[i].score)
        return;
      memmove (&match->candidates[i], &match->candidates[i + 1],
               (match->n_candidates - i - 1) * sizeof (RlMatchCandidate));
      match->n_candidates--;
    }
  for (pos = 0; pos < match->n_candidates && match->candidates[pos].score >= score; pos++)
    ;
  if (pos >= RL_MATCH_MAX_CANDIDATES)
    return;
  if (match->n_candidates == RL_MATCH_MAX_CANDIDATES)
    match->n_candidates--;
  memmove (&match->candidates[pos + 1], &match->candidates[pos],
           (match->n_candidates - pos) * sizeof (RlMatchCandidate));
  match->candidates[pos] = (RlMatchCandidate) { entry, score };
  match->n_candidates++;
}

static void
match_fuzzy (const RlGazetteer *self,
             const char        *reduced,
             RlMatch           *match)
{
  g_autofree gunichar *label = NULL;
  g_autofree guint *row = NULL;
  glong len = 0;

  label = g_utf8_to_ucs4_fast (reduced, -1, &len);
  if (len == 0)
    return;
  row = g_new (guint, self->max_key_len + 1);
  for (guint i = 0; i < self->fuzzy->len; i++)
    {
      const FuzzyKey *key = &g_array_index (self->fuzzy, FuzzyKey, i);
      double score;

      /* the distance is at least the difference in length */
      if (1.0 - (double) ABS (key->len - len) / MAX (key->len, len) < FUZZY_MIN_SCORE)
        continue;
      score = rl_region_name_similarity (label, len, key->chars, key->len, row);
      if (score >= FUZZY_MIN_SCORE)
        offer_candidate (match, key->entry, score);
    }
  match->status = match->n_candidates > 0 ? RL_MATCH_FUZZY : RL_MATCH_UNKNOWN;
}

RlMatch
rl_gazetteer_match (const RlGazetteer *self,
                    const char        *label)
{
  RlMatch match = { RL_MATCH_UNKNOWN, NULL, 0 };
  g_autofree char *key = NULL, *reduced = NULL;
  gboolean dated = FALSE;

  g_return_val_if_fail (self != NULL, match);
  /* a label past RL_LIMIT_LABEL_BYTES is not a region name: unknown, without reading it all */
  if (label == NULL || strnlen (label, RL_LIMIT_LABEL_BYTES + 1) > RL_LIMIT_LABEL_BYTES)
    return match;
  if (resolve (&match, g_hash_table_lookup (self->names, label), RL_MATCH_EXACT)
      || resolve (&match, g_hash_table_lookup (self->aliases, label), RL_MATCH_ALIAS))
    return match;
  key = rl_region_name_normalize (label);
  if (resolve (&match, g_hash_table_lookup (self->keys, key), RL_MATCH_NORMALISED))
    return match;
  reduced = rl_region_name_reduce (key, &dated);
  if (!dated && resolve (&match, g_hash_table_lookup (self->reduced, reduced),
                         RL_MATCH_NORMALISED))
    return match;
  match_fuzzy (self, reduced, &match);
  return match;
}

gboolean
rl_match_is_resolved (const RlMatch *match)
{
  return match->status == RL_MATCH_EXACT || match->status == RL_MATCH_ALIAS
         || match->status == RL_MATCH_NORMALISED;
}

const char *
rl_match_status_to_string (RlMatchStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), "unknown");
  return status_names[status];
}

const char *
rl_gazetteer_kind_to_string (RlGazetteerKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), "unknown");
  return kind_names[kind];
}

gboolean
rl_gazetteer_kind_from_string (const char      *text,
                               RlGazetteerKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = (RlGazetteerKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
rl_gazetteer_entry_name_in (const RlGazetteerEntry *entry,
                            const char             *lang,
                            const char             *office_lang)
{
  const char *name = NULL;

  g_return_val_if_fail (entry != NULL, NULL);
  if (g_strcmp0 (lang, office_lang) == 0)
    return entry->name;
  if (g_strcmp0 (lang, "en") == 0)
    name = entry->name_en;
  else if (g_strcmp0 (lang, "ru") == 0)
    name = entry->name_ru;
  else if (g_strcmp0 (lang, "uk") == 0)
    name = entry->name_uk;
  if (name == NULL)
    name = entry->name_en;
  return name != NULL ? name : entry->name;
}

guint
rl_gazetteer_label_panel (RlPanel    *panel,
                          const char *lang)
{
  /* built-in gazetteers: code prefix, gazetteer, the office's language */
  static const char *const offices[][3] = { { "RU", "ru", "ru" }, { "UA", "ua", "uk" } };
  guint labelled = 0;

  for (guint o = 0; o < G_N_ELEMENTS (offices); o++)
    {
      g_autoptr(RlGazetteer) gazetteer = NULL;
      gsize prefix = strlen (offices[o][0]);

      for (guint r = 0; r < rl_panel_n_regions (panel); r++)
        {
          const char *code = rl_panel_region_code (panel, r);
          const RlGazetteerEntry *entry;

          if (strncmp (code, offices[o][0], prefix) != 0
              || (code[prefix] != '\0' && code[prefix] != '-'))
            continue;
          if (gazetteer == NULL)
            gazetteer = rl_gazetteer_load_builtin (offices[o][1], NULL);
          if (gazetteer == NULL)
            break;
          entry = rl_gazetteer_lookup_code (gazetteer, code);
          if (entry == NULL)
            continue;
          rl_panel_set_region_label (panel, r,
                                     rl_gazetteer_entry_name_in (entry, lang, offices[o][2]));
          labelled++;
        }
    }
  return labelled;
}
