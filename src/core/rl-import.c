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

/* Where a value was read: a file and sheet (an index into RlImport's
 * sources), a row and a column. */
typedef struct
{
  guint source;
  guint row;
  guint col;
} Place;

/* The values read for one key: slot 0 for a year, 1–12 for months. */
typedef struct
{
  Key             key;
  const RlRecipe *recipe;
  double          v[13];
  guint8          n[13];
  Place           first;   /* of the first value of slot 0 */
  Place          *months;  /* 13, of the first value of each month; only for months */
} Acc;

/* Conflicts listed in the error message; the report holds them all. */
#define MAX_CONFLICTS_SHOWN 10

struct _RlImport
{
  const RlGazetteer *gazetteer;
  GHashTable        *values;      /* Key → Acc (the key is inside the Acc) */
  GPtrArray         *indicators;  /* const RlRecipeIndicator *, in order of first use */
  GHashTable        *indicator_index; /* id → index + 1 */
  GHashTable        *seen;        /* entries a file named, cleared per workbook */
  GPtrArray         *source_files;  /* the file of each source of a Place */
  GPtrArray         *source_sheets; /* its sheet */
  GPtrArray         *conflicts;   /* different values for one key, as messages */
  guint64            n_put;       /* values read */
  guint              n_seen;      /* entries named by the workbooks of the current file */
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

static void
acc_free (Acc *acc)
{
  g_free (acc->months);
  g_free (acc);
}

RlImport *
rl_import_new (const RlGazetteer *gazetteer)
{
  RlImport *self = g_new0 (RlImport, 1);

  self->gazetteer = gazetteer;
  self->values = g_hash_table_new_full (key_hash, key_equal, NULL, (GDestroyNotify) acc_free);
  self->indicators = g_ptr_array_new ();
  self->indicator_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->seen = g_hash_table_new (NULL, NULL);
  self->source_files = g_ptr_array_new_with_free_func (g_free);
  self->source_sheets = g_ptr_array_new_with_free_func (g_free);
  self->conflicts = g_ptr_array_new_with_free_func (g_free);
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
  g_ptr_array_unref (self->source_files);
  g_ptr_array_unref (self->source_sheets);
  g_ptr_array_unref (self->conflicts);
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

/* The Place of @place; the file and sheet are kept once (the last one is
 * looked at first: values come sheet by sheet). */
static Place
place_of (RlImport          *self,
          const RlCellPlace *place)
{
  guint n = self->source_files->len;
  Place p = { n, place->row, place->col };

  for (guint i = n; i-- > 0 && i + 8 >= n;)
    if (g_str_equal (self->source_files->pdata[i], place->file)
        && g_str_equal (self->source_sheets->pdata[i], place->sheet))
      {
        p.source = i;
        return p;
      }
  g_ptr_array_add (self->source_files, g_strdup (place->file));
  g_ptr_array_add (self->source_sheets, g_strdup (place->sheet));
  return p;
}

static char *
place_format (const RlImport *self,
              const Place    *p)
{
  RlCellPlace place = { self->source_files->pdata[p->source],
                        self->source_sheets->pdata[p->source], p->row, p->col };

  return rl_cell_place_format (&place);
}

static void
remember_place (RlImport          *self,
                Acc               *acc,
                int                month,
                const RlCellPlace *place)
{
  Place p = place_of (self, place);

  if (month == 0)
    {
      acc->first = p;
      return;
    }
  if (acc->months == NULL)
    acc->months = g_new0 (Place, 13);
  acc->months[month] = p;
}

/* A second, different value for a key the recipe keeps one value of. */
static void
add_conflict (RlImport               *self,
              const Acc              *acc,
              const RlGazetteerEntry *region,
              const char             *indicator,
              int                     month,
              double                  value,
              const RlCellPlace      *place)
{
  Place second = place_of (self, place);
  g_autofree char *at_first = place_format (self, month == 0 ? &acc->first : &acc->months[month]);
  g_autofree char *at_second = place_format (self, &second);
  g_autofree char *when = month == 0 ? g_strdup_printf ("%d", acc->key.year)
                                     : g_strdup_printf ("%d, month %d", acc->key.year, month);

  g_ptr_array_add (self->conflicts,
                   g_strdup_printf ("%s (%s), %s, %s: a second value %.15g at %s after %.15g at %s",
                                    region->name, region->code, indicator, when, value,
                                    at_second, acc->v[month], at_first));
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

  if (month_mismatch (recipe, month, place, error))
    return FALSE;
  if (acc == NULL)
    {
      acc = g_new0 (Acc, 1);
      acc->key = key;
      acc->recipe = recipe;
      g_hash_table_insert (self->values, &acc->key, acc);
    }
  self->n_put++;
  if (acc->n[month] > 0 && recipe->combine == RL_COMBINE_UNIQUE && acc->v[month] != value)
    {
      /* never a value chosen in silence: every conflict is listed, and the import fails */
      add_conflict (self, acc, region, indicator->id, month, value, place);
      return TRUE;
    }
  if (acc->n[month] == 0)
    remember_place (self, acc, month, place);
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
  self->n_seen += g_hash_table_size (self->seen);
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

/* Different values for one region, indicator and year are an error that
 * lists them all: a value chosen first or last would go on unseen into every
 * analysis of the panel. */
static gboolean
check_conflicts (RlImport       *self,
                 RlImportReport *report,
                 GError        **error)
{
  g_autoptr(GString) text = NULL;
  guint n = self->conflicts->len;

  if (n == 0)
    return TRUE;
  text = g_string_new (NULL);
  g_string_printf (text, "%u conflicting value%s: the same region, indicator and year with "
                   "different values, where the recipe keeps one (\"combine\": \"unique\"); "
                   "correct the file or narrow the recipe (\"filter\", \"regions.ignore\"), "
                   "nothing was imported: ", n, n == 1 ? "" : "s");
  for (guint i = 0; i < MIN (n, MAX_CONFLICTS_SHOWN); i++)
    g_string_append_printf (text, "%s%s", i ? "; " : "", (char *) self->conflicts->pdata[i]);
  if (n > MAX_CONFLICTS_SHOWN)
    g_string_append_printf (text, "; and %u more (the import report lists them all)",
                            n - MAX_CONFLICTS_SHOWN);
  for (guint i = 0; report != NULL && i < n; i++)
    g_ptr_array_add (report->conflicts, g_strdup (self->conflicts->pdata[i]));
  g_set_error_literal (error, RL_ERROR, RL_ERROR_PARSE, text->str);
  return FALSE;
}

RlPanel *
rl_import_finish (RlImport       *self,
                  RlImportReport *report,
                  GError        **error)
{
  g_autoptr(RlPanel) panel = NULL;
  g_autoptr(GHashTable) regions = NULL;
  g_autoptr(GHashTable) incomplete = NULL;
  GHashTableIter iter;
  gpointer value;

  if (!check_conflicts (self, report, error))
    return NULL;
  panel = rl_panel_new ();
  regions = add_regions (self, panel);
  incomplete = g_hash_table_new (g_str_hash, g_str_equal);

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

/* What became of one file of an import. */
typedef enum
{
  FILE_FAILED,
  FILE_READ,      /* read by a recipe, or recognised and not read (its recipe's "skip") */
  FILE_SKIPPED,   /* not a table, and no recipe names it: a README beside the files */
} FileOutcome;

/* Whether @path is named as a table a reader opens (the statistics office's
 * CSV, XLS, XLSX, ODS). */
static gboolean
named_as_table (const char *path)
{
  static const char *const suffixes[] = { ".csv", ".tsv", ".xls", ".xlsx", ".xlsm", ".ods" };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;
  return FALSE;
}

static gboolean
workbook_is_empty (RlWorkbook *wb)
{
  for (guint s = 0; s < rl_workbook_n_sheets (wb); s++)
    if (rl_sheet_n_cells (rl_workbook_get_sheet (wb, s)) > 0)
      return FALSE;
  return TRUE;
}

/* Why a file read by a recipe gave no value, or NULL when it gave some. */
static char *
why_nothing (const RlImport *import,
             RlWorkbook     *wb,
             const char     *file,
             guint64         n_before)
{
  if (import->n_put > n_before)
    return NULL;
  if (workbook_is_empty (wb))
    return g_strdup_printf ("%s: the file is empty", file);
  if (import->n_seen == 0)
    return g_strdup_printf ("%s: no row names a region where its recipe looks for them", file);
  return g_strdup_printf ("%s: no cell of its regions' rows holds a number (all empty or marked "
                          "missing)", file);
}

/* The recipes whose file patterns fit @file, each with why, into @chosen and @why. */
static void
choose_by_name (GPtrArray  *recipes,
                const char *file,
                GPtrArray  *chosen,
                GPtrArray  *why)
{
  for (guint i = 0; i < recipes->len; i++)
    {
      const char *pattern = rl_recipe_file_pattern (recipes->pdata[i], file);
      if (pattern == NULL)
        continue;
      g_ptr_array_add (chosen, recipes->pdata[i]);
      g_ptr_array_add (why, g_strdup_printf ("by file name %s", pattern));
    }
}

/* The recipes whose signatures fit @wb's cells. */
static void
choose_by_content (GPtrArray  *recipes,
                   RlWorkbook *wb,
                   GPtrArray  *chosen,
                   GPtrArray  *why)
{
  for (guint i = 0; i < recipes->len; i++)
    {
      g_autofree char *reason = NULL;
      if (!rl_recipe_fits_content (recipes->pdata[i], wb, &reason))
        continue;
      g_ptr_array_add (chosen, recipes->pdata[i]);
      g_ptr_array_add (why, g_strdup_printf ("by content: %s", reason));
    }
}

static gboolean
no_recipe (const char *file,
           GError    **error)
{
  g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
               "%s: no recipe fits this file name (recipes read the statistics office's files "
               "under their published names, or by the signature of their cells; give a recipe "
               "for others)", file);
  return FALSE;
}

/* Opens @file when a recipe is to read it: by its name, else by its content. */
static RlWorkbook *
open_chosen (GPtrArray  *recipes,
             const char *file,
             GPtrArray  *chosen,
             GPtrArray  *why,
             GError    **error)
{
  g_autoptr(RlWorkbook) wb = NULL;
  g_autoptr(GError) local = NULL;

  if (chosen->len > 0)
    return rl_workbook_open (file, error);
  wb = rl_workbook_open (file, &local);
  if (wb == NULL)
    {
      no_recipe (file, error);
      return NULL;
    }
  choose_by_content (recipes, wb, chosen, why);
  if (chosen->len == 0)
    {
      no_recipe (file, error);
      return NULL;
    }
  return g_steal_pointer (&wb);
}

static FileOutcome
import_file (RlImport          *import,
             GPtrArray         *recipes,
             const char        *file,
             RlImportReport    *report,
             GPtrArray         *empty,
             GError           **error)
{
  g_autoptr(RlWorkbook) wb = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GPtrArray) why = g_ptr_array_new_with_free_func (g_free);
  guint n_read = 0;
  guint64 n_before = import->n_put;
  char *nothing;

  choose_by_name (recipes, file, chosen, why);
  if (chosen->len == 0 && !named_as_table (file))
    {
      rl_import_report_note (report, "%s: skipped: not a table, and no recipe names it", file);
      return FILE_SKIPPED;
    }
  wb = open_chosen (recipes, file, chosen, why, error);
  if (wb == NULL)
    return FILE_FAILED;
  import->n_seen = 0;
  for (guint i = 0; i < chosen->len; i++)
    {
      const RlRecipe *recipe = chosen->pdata[i];
      if (report != NULL)
        g_ptr_array_add (report->lines, g_strdup_printf ("%s: recipe %s, %s", file, recipe->id,
                                                         (char *) why->pdata[i]));
      n_read += recipe->skip == NULL;
      if (!rl_import_add_workbook (import, chosen->pdata[i], wb, file, report, error))
        return FILE_FAILED;
    }
  if (n_read > 0 && (nothing = why_nothing (import, wb, file, n_before)) != NULL)
    g_ptr_array_add (empty, nothing);
  return FILE_READ;
}

/* Files that gave no value make the whole import fail: an empty or broken
 * file saved under a published name must not replace a panel. */
static gboolean
check_empty (const RlImport *import,
             GPtrArray      *empty,
             GError        **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (empty->len == 0 && import->n_put > 0)
    return TRUE;
  if (empty->len == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "the import gave no values: no file was read by a recipe");
      return FALSE;
    }
  g_string_printf (text, "no values from %u file%s, so nothing was imported: ", empty->len,
                   empty->len == 1 ? "" : "s");
  for (guint i = 0; i < empty->len; i++)
    g_string_append_printf (text, "%s%s", i ? "; " : "", (char *) empty->pdata[i]);
  g_set_error_literal (error, RL_ERROR, RL_ERROR_INVALID, text->str);
  return FALSE;
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
  g_autoptr(GPtrArray) empty = g_ptr_array_new_with_free_func (g_free);
  guint n = files != NULL ? g_strv_length ((char **) files) : 0;

  for (guint i = 0; i < n; i++)
    {
      FileOutcome outcome;

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error (error, RL_ERROR, RL_ERROR_CANCELLED, "the import was cancelled");
          return NULL;
        }
      outcome = import_file (import, recipes, files[i], report, empty, error);
      if (outcome == FILE_FAILED)
        return NULL;
      if (report != NULL && outcome == FILE_READ)
        report->n_files++;
      rl_progress_report (progress, progress_data, (i + 1.0) / (n + 1.0));
    }
  if (!check_empty (import, empty, error))
    return NULL;
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
