/* rl-import.c — raw statistics files to a panel, through recipes and derived indicators
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-recipe-private.h"

#include <math.h>
#include <string.h>

#include "rl-data.h"
#include "rl-error.h"
#include "rl-reader.h"

/* One (region, indicator, year) of the import. */
typedef struct
{
  const RlGazetteerEntry *region;
  guint                   indicator;
  int                     year;
} Key;

/* The values read for one key: slot 0 for a year, 1–12 for months. */
typedef struct
{
  Key             key;
  const RlRecipe *recipe;
  double          v[13];
  guint8          n[13];
} Acc;

struct _RlImport
{
  const RlGazetteer *gazetteer;
  GHashTable        *values;      /* Key → Acc (the key is inside the Acc) */
  GPtrArray         *indicators;  /* const RlRecipeIndicator *, in order of first use */
  GHashTable        *indicator_index; /* id → index + 1 */
  GHashTable        *seen;        /* entries a file named, cleared per workbook */
};

static guint
key_hash (gconstpointer p)
{
  const Key *k = p;

  return g_direct_hash (k->region) ^ (k->indicator * 2654435761u) ^ ((guint) k->year * 40503u);
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  const Key *x = a, *y = b;

  return x->region == y->region && x->indicator == y->indicator && x->year == y->year;
}

RlImport *
rl_import_new (const RlGazetteer *gazetteer)
{
  RlImport *self = g_new0 (RlImport, 1);

  self->gazetteer = gazetteer;
  self->values = g_hash_table_new_full (key_hash, key_equal, NULL, g_free);
  self->indicators = g_ptr_array_new ();
  self->indicator_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->seen = g_hash_table_new (NULL, NULL);
  return self;
}

void
rl_import_free (RlImport *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->values);
  g_ptr_array_unref (self->indicators);
  g_hash_table_unref (self->indicator_index);
  g_hash_table_unref (self->seen);
  g_free (self);
}

const RlGazetteer *
rl_import_get_gazetteer (const RlImport *import)
{
  return import->gazetteer;
}

void
rl_import_seen (RlImport               *import,
                const RlGazetteerEntry *entry)
{
  g_hash_table_add (import->seen, (gpointer) entry);
}

static guint
indicator_index (RlImport                *self,
                 const RlRecipeIndicator *indicator)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (self->indicator_index, indicator->id));

  if (i > 0)
    return i - 1;
  g_ptr_array_add (self->indicators, (gpointer) indicator);
  g_hash_table_insert (self->indicator_index, indicator->id,
                       GUINT_TO_POINTER (self->indicators->len));
  return self->indicators->len - 1;
}

static gboolean
month_mismatch (const RlRecipe    *recipe,
                int                month,
                const RlCellPlace *place,
                GError           **error)
{
  g_autofree char *where = rl_cell_place_format (place);

  if (recipe->period == RL_PERIOD_YEAR && month != 0)
    g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
                 "%s: the value is for a month, but the recipe %s has no period rule "
                 "(\"period\": {\"months\": \"sum\"|\"mean\"|\"month\"})", where, recipe->path);
  else if (recipe->period != RL_PERIOD_YEAR && month == 0)
    g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
                 "%s: the recipe %s aggregates months, but this value has no month", where,
                 recipe->path);
  else
    return FALSE;
  return TRUE;
}

gboolean
rl_import_put (RlImport                *self,
               const RlRecipe          *recipe,
               const RlGazetteerEntry  *region,
               const RlRecipeIndicator *indicator,
               int                      year,
               int                      month,
               double                   value,
               const RlCellPlace       *place,
               GError                 **error)
{
  Key key = { region, indicator_index (self, indicator), year };
  Acc *acc = g_hash_table_lookup (self->values, &key);
  g_autofree char *where = NULL;

  if (month_mismatch (recipe, month, place, error))
    return FALSE;
  if (acc == NULL)
    {
      acc = g_new0 (Acc, 1);
      acc->key = key;
      acc->recipe = recipe;
      g_hash_table_insert (self->values, &acc->key, acc);
    }
  if (acc->n[month] > 0 && recipe->combine == RL_COMBINE_UNIQUE && acc->v[month] != value)
    {
      where = rl_cell_place_format (place);
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
                   "%s: a second value for %s (%s), %s, %d: %.15g after %.15g; the recipe %s "
                   "keeps one value per region and year (\"combine\": \"unique\")", where,
                   region->name, region->code, indicator->id, year, value, acc->v[month],
                   recipe->path);
      return FALSE;
    }
  if (acc->n[month] == 0 || recipe->combine == RL_COMBINE_SUM)
    acc->v[month] = acc->n[month] == 0 ? value : acc->v[month] + value;
  acc->n[month] = MIN (acc->n[month] + 1, 255);
  return TRUE;
}

/* The year's value of an accumulator, or NaN when its months are incomplete. */
static double
acc_value (const Acc *acc)
{
  const RlRecipe *r = acc->recipe;
  double sum = 0;
  guint n = 0;

  if (r->period == RL_PERIOD_YEAR)
    return acc->v[0];
  if (r->period == RL_PERIOD_MONTH)
    return acc->n[r->period_month] > 0 ? acc->v[r->period_month] : NAN;
  for (guint m = 1; m <= 12; m++)
    if (acc->n[m] > 0)
      {
        sum += acc->v[m];
        n++;
      }
  if (n == 0 || (r->period_complete && n < 12))
    return NAN;
  return r->period == RL_PERIOD_SUM ? sum : sum / n;
}

static void
note_composites (RlImport       *self,
                 const char     *file_label,
                 RlImportReport *report)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->seen);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const RlGazetteerEntry *e = key;
      g_autofree char *part = NULL;

      if (e->kind != RL_GAZETTEER_KIND_COMPOSITE || strchr (e->code, '+') == NULL)
        continue;
      part = g_strndup (e->code, strchr (e->code, '+') - e->code);
      if (g_hash_table_contains (self->seen,
                                 rl_gazetteer_lookup_code (self->gazetteer, part)))
        continue;
      rl_import_report_note (report, "%s: the source gives only “%s” together with its "
                             "okrugs (%s), not %s itself; %s has no values from this file",
                             file_label, e->name, e->code, part, part);
    }
}

gboolean
rl_import_add_workbook (RlImport       *self,
                        const RlRecipe *recipe,
                        RlWorkbook     *wb,
                        const char     *file_label,
                        RlImportReport *report,
                        GError        **error)
{
  g_hash_table_remove_all (self->seen);
  if (!rl_recipe_read (recipe, wb, file_label, self, report, error))
    return FALSE;
  note_composites (self, file_label, report);
  return TRUE;
}

static void
fill_indicator (RlIndicator             *dst,
                const RlRecipeIndicator *src)
{
  g_free (dst->name_en);
  g_free (dst->name_ru);
  g_free (dst->name_uk);
  g_free (dst->unit);
  g_free (dst->source);
  dst->name_en = g_strdup (src->name_en);
  dst->name_ru = g_strdup (src->name_ru);
  dst->name_uk = g_strdup (src->name_uk);
  dst->unit = g_strdup (src->unit);
  dst->source = g_strdup (src->source);
  dst->polarity = src->polarity;
}

/* Regions in gazetteer order, so the panel does not depend on file order. */
static GHashTable *
add_regions (const RlImport *self,
             RlPanel        *panel)
{
  GHashTable *used = g_hash_table_new (NULL, NULL);
  GHashTable *index = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->values);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (used, (gpointer) ((const Key *) key)->region);
  for (guint i = 0; i < rl_gazetteer_get_n_entries (self->gazetteer); i++)
    {
      const RlGazetteerEntry *e = rl_gazetteer_get_entry (self->gazetteer, i);
      if (g_hash_table_contains (used, e))
        g_hash_table_insert (index, (gpointer) e,
                             GUINT_TO_POINTER (rl_panel_add_region (panel, e->code, e->name)));
    }
  g_hash_table_unref (used);
  return index;
}

static void
note_incomplete (RlImportReport *report,
                 GHashTable     *incomplete)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_hash_table_iter_init (&iter, incomplete);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (lines, g_strdup_printf ("%s: %u region-years left out: months missing",
                                             (const char *) key, GPOINTER_TO_UINT (value)));
  g_ptr_array_sort (lines, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < lines->len; i++)
    rl_import_report_note (report, "%s", (const char *) lines->pdata[i]);
}

static void
count_incomplete (GHashTable *incomplete,
                  const char *label)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (incomplete, label));

  g_hash_table_insert (incomplete, (gpointer) label, GUINT_TO_POINTER (n + 1));
}

RlPanel *
rl_import_finish (RlImport       *self,
                  RlImportReport *report,
                  GError        **error)
{
  g_autoptr(RlPanel) panel = rl_panel_new ();
  g_autoptr(GHashTable) regions = add_regions (self, panel);
  g_autoptr(GHashTable) incomplete = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;

  for (guint j = 0; j < self->indicators->len; j++)
    {
      const RlRecipeIndicator *ind = self->indicators->pdata[j];
      fill_indicator (rl_panel_indicator (panel, rl_panel_add_indicator (panel, ind->id)), ind);
    }
  g_hash_table_iter_init (&iter, self->values);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Acc *acc = value;
      double v = acc_value (acc);
      const RlRecipeIndicator *ind = self->indicators->pdata[acc->key.indicator];

      if (isnan (v))
        {
          count_incomplete (incomplete, ind->id);
          continue;
        }
      rl_panel_set (panel, GPOINTER_TO_UINT (g_hash_table_lookup (regions, acc->key.region)),
                    acc->key.indicator, acc->key.year, v);
    }
  note_incomplete (report, incomplete);
  return g_steal_pointer (&panel);
}

static gboolean
merge_panel (RlPanel       *dst,
             const RlPanel *src)
{
  g_autoptr(GArray) years = rl_panel_years (src);

  for (guint j = 0; j < rl_panel_n_indicators (src); j++)
    {
      const RlIndicator *si = rl_panel_indicator (src, j);
      guint dj = rl_panel_add_indicator (dst, si->id);
      RlIndicator *di = rl_panel_indicator (dst, dj);

      if (di->name_en == NULL)
        {
          di->name_en = g_strdup (si->name_en);
          di->name_ru = g_strdup (si->name_ru);
          di->name_uk = g_strdup (si->name_uk);
          di->unit = g_strdup (si->unit);
          di->source = g_strdup (si->source);
          di->polarity = si->polarity;
        }
      for (guint r = 0; r < rl_panel_n_regions (src); r++)
        {
          guint dr = rl_panel_add_region (dst, rl_panel_region_code (src, r),
                                          rl_panel_region_name (src, r));
          for (guint y = 0; y < years->len; y++)
            {
              int year = g_array_index (years, int, y);
              double v = rl_panel_get (src, r, j, year);
              if (!isnan (v))
                rl_panel_set (dst, dr, dj, year, v);
            }
        }
    }
  return TRUE;
}

gboolean
rl_recipe_apply (const RlRecipe    *recipe,
                 RlWorkbook        *wb,
                 const char        *file_label,
                 const RlGazetteer *gazetteer,
                 RlPanel           *panel,
                 RlImportReport    *report,
                 GError           **error)
{
  g_autoptr(RlImport) import = rl_import_new (gazetteer);
  g_autoptr(RlPanel) read = NULL;

  if (!rl_import_add_workbook (import, recipe, wb, file_label, report, error))
    return FALSE;
  read = rl_import_finish (import, report, error);
  return read != NULL && merge_panel (panel, read);
}

static gboolean
import_file (RlImport          *import,
             GPtrArray         *recipes,
             const char        *file,
             RlImportReport    *report,
             GError           **error)
{
  g_autoptr(RlWorkbook) wb = NULL;
  guint n_fits = 0;

  for (guint i = 0; i < recipes->len; i++)
    n_fits += rl_recipe_fits_file (recipes->pdata[i], file);
  if (n_fits == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "%s: no recipe fits this file name (recipes read the statistics "
                   "office's files under their published names; give a recipe for others)",
                   file);
      return FALSE;
    }
  wb = rl_workbook_open (file, error);
  if (wb == NULL)
    return FALSE;
  for (guint i = 0; i < recipes->len; i++)
    if (rl_recipe_fits_file (recipes->pdata[i], file)
        && !rl_import_add_workbook (import, recipes->pdata[i], wb, file, report, error))
      return FALSE;
  return TRUE;
}

RlPanel *
rl_import_files (GPtrArray          *recipes,
                 const RlDeriveList *derived,
                 const RlGazetteer  *gazetteer,
                 const char *const  *files,
                 RlImportReport     *report,
                 GCancellable       *cancellable,
                 RlProgressFunc      progress,
                 gpointer            progress_data,
                 GError            **error)
{
  g_autoptr(RlImport) import = rl_import_new (gazetteer);
  g_autoptr(RlPanel) panel = NULL;
  guint n = files != NULL ? g_strv_length ((char **) files) : 0;

  for (guint i = 0; i < n; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error (error, RL_ERROR, RL_ERROR_CANCELLED, "the import was cancelled");
          return NULL;
        }
      if (!import_file (import, recipes, files[i], report, error))
        return NULL;
      if (report != NULL)
        report->n_files++;
      rl_progress_report (progress, progress_data, (i + 1.0) / (n + 1.0));
    }
  panel = rl_import_finish (import, report, error);
  if (panel == NULL)
    return NULL;
  if (derived != NULL && !rl_derive_apply (derived, panel, report ? report->notes : NULL, error))
    return NULL;
  rl_progress_report (progress, progress_data, 1.0);
  return g_steal_pointer (&panel);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

GPtrArray *
rl_import_load_recipes_dir (const char *dir,
                            GError    **error)
{
  g_autoptr(GPtrArray) recipes = g_ptr_array_new_with_free_func ((GDestroyNotify) rl_recipe_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = NULL;
  GError *local = NULL;
  const char *name;

  d = g_dir_open (dir, 0, &local);
  if (d == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, "%s", local->message);
      g_error_free (local);
      return NULL;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".json") && !g_str_equal (name, "derived.json"))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      RlRecipe *recipe = rl_recipe_load (names->pdata[i], error);
      if (recipe == NULL)
        return NULL;
      g_ptr_array_add (recipes, recipe);
    }
  return g_steal_pointer (&recipes);
}

GPtrArray *
rl_import_load_builtin_recipes (GError **error)
{
  g_autofree char *dir = rl_data_find ("recipes");

  if (dir == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, "the shipped recipes (data/recipes) are missing");
      return NULL;
    }
  return rl_import_load_recipes_dir (dir, error);
}

RlDeriveList *
rl_import_load_builtin_derived (GError **error)
{
  g_autofree char *path = rl_data_find ("recipes/derived.json");

  return path != NULL ? rl_derive_list_load (path, error) : rl_derive_list_new ();
}
