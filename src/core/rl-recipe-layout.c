/* rl-recipe-layout.c — reading the cells of a sheet as a recipe's layout describes them
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-recipe-private.h"

#include <math.h>
#include <string.h>

#include "rl-error.h"
#include "rl-number.h"

/* Russian month names by their stems, January first. */
static const char *const month_stems[] = {
  "январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
  "ноябр", "декабр",
};

/* Where the values of one indicator are: one sheet, scanned once. */
typedef struct
{
  const RlRecipe          *recipe;
  const RlRecipeIndicator *indicator;
  RlSheet                 *sheet;
  RlImport                *import;
  RlImportReport          *report;
  const char              *file;
  int                      file_year;
  gboolean                 count_rows;  /* the first indicator counts skipped rows */
  guint                    n_values;
  int                      year_min;
  int                      year_max;
} Scan;

/* A column of a wide layout and the period its header names. */
typedef struct
{
  guint col;
  int   year;
  int   month;
} PeriodColumn;

char *
rl_cell_place_format (const RlCellPlace *place)
{
  g_autofree char *col = rl_column_name (place->col);

  if (place->col == 0)
    return g_strdup_printf ("%s, sheet “%s”, row %u", place->file, place->sheet, place->row);
  return g_strdup_printf ("%s, sheet “%s”, row %u, column %s", place->file, place->sheet,
                          place->row, col);
}

static gboolean
fail_at_cell (GError           **error,
              int                code,
              const RlCellPlace *place,
              const char        *message)
{
  g_autofree char *where = rl_cell_place_format (place);

  g_set_error (error, RL_ERROR, code, "%s: %s", where, message);
  return FALSE;
}

static int
parse_month (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *p = lower;

  while (*p == ' ')
    p++;
  for (guint m = 0; m < G_N_ELEMENTS (month_stems); m++)
    if (g_str_has_prefix (p, month_stems[m]))
      return (int) m + 1;
  return 0;
}

static gboolean
parse_iso_date (const char *text,
                int        *year,
                int        *month)
{
  int y, m, d;

  if (sscanf (text, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12)
    {
      *year = y;
      *month = m;
      return TRUE;
    }
  if (sscanf (text, "%2d.%2d.%4d", &d, &m, &y) == 3 && m >= 1 && m <= 12)
    {
      *year = y;
      *month = m;
      return TRUE;
    }
  return FALSE;
}

gboolean
rl_parse_period (const char *text,
                 int        *year,
                 int        *month)
{
  const char *p;

  *year = 0;
  *month = 0;
  if (text == NULL)
    return FALSE;
  if (parse_iso_date (text, year, month))
    return *year >= 1800 && *year <= 2200;
  for (p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2])
          || !g_ascii_isdigit (p[3]) || g_ascii_isdigit (p[4])
          || (p > text && g_ascii_isdigit (p[-1])))
        continue;
      *year = (int) g_ascii_strtoll (p, NULL, 10);
      if (*year >= 1800 && *year <= 2200)
        {
          *month = parse_month (text);
          return TRUE;
        }
    }
  *year = 0;
  return FALSE;
}

static char *
cell_text (const RlSheet *sheet,
           guint          row,
           guint          col)
{
  const char *text = rl_sheet_get_text (sheet, row, col);

  return text != NULL ? g_strstrip (g_strdup (text)) : NULL;
}

/* A value, or *have = FALSE for an empty cell or a mark of a missing value. */
static gboolean
read_value (const Scan        *scan,
            const RlCellPlace *place,
            double            *value,
            gboolean          *have,
            GError           **error)
{
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  *have = FALSE;
  if (rl_sheet_get_number (scan->sheet, place->row, place->col, value))
    {
      *have = isfinite (*value);
      return TRUE;
    }
  text = cell_text (scan->sheet, place->row, place->col);
  if (text == NULL || *text == '\0' || g_strv_contains ((const char *const *) scan->recipe->missing,
                                                        text))
    return TRUE;
  if (rl_parse_number (text, value))
    {
      *have = TRUE;
      return TRUE;
    }
  message = g_strdup_printf ("expected a number for %s, found “%s”", scan->indicator->id, text);
  return fail_at_cell (error, RL_ERROR_PARSE, place, message);
}

static gboolean
is_ignored (const RlRecipe *recipe,
            const char     *label)
{
  if (recipe->ignore != NULL && g_strv_contains ((const char *const *) recipe->ignore, label))
    return TRUE;
  for (char **p = recipe->ignore_prefix; p != NULL && *p != NULL; p++)
    if (g_str_has_prefix (label, *p))
      return TRUE;
  return FALSE;
}

static gboolean
unresolved (const RlMatch     *m,
            const char        *label,
            const RlCellPlace *place,
            GError           **error)
{
  GString *msg = g_string_new (NULL);
  g_autofree char *text = NULL;

  g_string_printf (msg, "“%s” is not a region the gazetteer knows (%s)", label,
                   rl_match_status_to_string (m->status));
  for (guint c = 0; c < m->n_candidates; c++)
    g_string_append_printf (msg, "%s%s %s", c == 0 ? "; candidates: " : ", ",
                            m->candidates[c].entry->code, m->candidates[c].entry->name);
  g_string_append (msg, "; list it under the recipe's regions.codes or regions.ignore");
  text = g_string_free (msg, FALSE);
  return fail_at_cell (error, RL_ERROR_PARSE, place, text);
}

/* The region of a row: *entry is NULL for rows that are not a region proper
 * (aggregates, ignored labels), which are counted, not read. */
static gboolean
resolve_region (Scan                    *scan,
                const char              *label,
                const RlCellPlace       *place,
                const RlGazetteerEntry **entry,
                GError                 **error)
{
  const RlGazetteer *gaz = rl_import_get_gazetteer (scan->import);
  const char *code = g_hash_table_lookup (scan->recipe->codes, label);
  RlMatch m;

  *entry = NULL;
  if (is_ignored (scan->recipe, label))
    {
      if (scan->count_rows && scan->report != NULL)
        scan->report->n_ignored_rows++;
      return TRUE;
    }
  if (code != NULL)
    {
      *entry = rl_gazetteer_lookup_code (gaz, code);
      if (*entry == NULL)
        return fail_at_cell (error, RL_ERROR_INVALID, place,
                             "the recipe's regions.codes names a code the gazetteer lacks");
    }
  else
    {
      m = rl_gazetteer_match (gaz, label);
      if (!rl_match_is_resolved (&m))
        return unresolved (&m, label, place, error);
      *entry = m.entry;
    }
  rl_import_seen (scan->import, *entry);
  if ((*entry)->kind != RL_GAZETTEER_KIND_REGION
      && (*entry)->kind != RL_GAZETTEER_KIND_COMPOSITE_PART)
    {
      if (scan->count_rows && scan->report != NULL)
        scan->report->n_aggregate_rows++;
      *entry = NULL;
    }
  return TRUE;
}

/* Whether a row is one the recipe reads: its filter cell and, with a
 * hierarchy, a top-level label not excluded. */
static gboolean
row_selected (const Scan *scan,
              guint       row)
{
  const RlRecipe *r = scan->recipe;

  for (guint i = 0; i < r->filter_columns->len; i++)
    {
      g_autofree char *text = cell_text (scan->sheet, row,
                                         g_array_index (r->filter_columns, guint, i));
      if (text == NULL || !g_str_equal (text, r->filter_equals[i]))
        return FALSE;
    }
  if (r->top_level_column > 0)
    {
      const char *raw = rl_sheet_get_text (scan->sheet, row, r->top_level_column);
      g_autofree char *text = cell_text (scan->sheet, row, r->top_level_column);
      if (raw == NULL || *raw == '\0' || g_ascii_isspace (*raw))
        return FALSE;
      if (r->top_level_exclude != NULL
          && g_strv_contains ((const char *const *) r->top_level_exclude, text))
        return FALSE;
    }
  return TRUE;
}

static gboolean
put_value (Scan                   *scan,
           const RlGazetteerEntry *region,
           int                     year,
           int                     month,
           const RlCellPlace      *place,
           GError                **error)
{
  double v;
  gboolean have;

  if (!read_value (scan, place, &v, &have, error))
    return FALSE;
  if (!have)
    return TRUE;
  if (!rl_import_put (scan->import, scan->recipe, region, scan->indicator, year, month,
                      v * scan->indicator->scale, place, error))
    return FALSE;
  scan->n_values++;
  scan->year_min = scan->n_values == 1 ? year : MIN (scan->year_min, year);
  scan->year_max = scan->n_values == 1 ? year : MAX (scan->year_max, year);
  return TRUE;
}

static guint
last_column (const Scan *scan)
{
  guint n = rl_sheet_n_cols (scan->sheet);

  return scan->recipe->last_column > 0 ? MIN (n, scan->recipe->last_column) : n;
}

/* The text key of the group each column of the indicator row belongs to
 * (index col - first_column): its own name, the name of the merged cell over
 * it, or the nearest name to its left; NULL before the first name. */
static GPtrArray *
column_groups (const Scan *scan)
{
  const RlRecipe *r = scan->recipe;
  guint first = r->first_column, last = last_column (scan), n_merges = 0;
  guint n = last >= first ? last + 1 - first : 0;
  const RlMerge *merges = rl_sheet_get_merges (scan->sheet, &n_merges);
  GPtrArray *groups = g_ptr_array_new_full (n, g_free);

  g_ptr_array_set_size (groups, n);
  for (guint m = 0; m < n_merges; m++)
    {
      const RlMerge *mg = &merges[m];
      if (mg->first_row > r->indicator_row || mg->last_row < r->indicator_row)
        continue;
      for (guint c = MAX (mg->first_col, first); c <= MIN (mg->last_col, last); c++)
        if (groups->pdata[c - first] == NULL)
          groups->pdata[c - first] = rl_recipe_text_key (
            rl_sheet_get_text (scan->sheet, mg->first_row, mg->first_col));
    }
  for (guint c = first; c <= last; c++)
    {
      g_autofree char *own = rl_recipe_text_key (rl_sheet_get_text (scan->sheet,
                                                                    r->indicator_row, c));
      if (*own != '\0')
        {
          g_free (groups->pdata[c - first]);
          groups->pdata[c - first] = g_steal_pointer (&own);
        }
      else if (groups->pdata[c - first] == NULL && c > first)
        groups->pdata[c - first] = g_strdup (groups->pdata[c - first - 1]);
    }
  return groups;
}

/* Whether column @col belongs to the scan's indicator (always, but in a
 * grouped layout); *found becomes TRUE when a column of its group does. */
static gboolean
in_group (const Scan *scan,
          GPtrArray  *groups,
          const char *key,
          guint       col,
          gboolean   *found)
{
  const char *group;

  if (groups == NULL)
    return TRUE;
  group = groups->pdata[col - scan->recipe->first_column];
  if (group == NULL || !g_str_equal (group, key))
    return FALSE;
  *found = TRUE;
  return TRUE;
}

static gboolean
no_group (const Scan *scan,
          GError    **error)
{
  RlCellPlace place = { scan->file, rl_sheet_get_name (scan->sheet),
                        scan->recipe->indicator_row, 0 };
  g_autofree char *message = g_strdup_printf ("no group “%s” (the header of %s) in the "
                                              "indicator row", scan->indicator->header,
                                              scan->indicator->id);

  return fail_at_cell (error, RL_ERROR_PARSE, &place, message);
}

static GArray *
wide_columns (const Scan *scan,
              GError    **error)
{
  const RlRecipe *r = scan->recipe;
  GArray *cols = g_array_new (FALSE, FALSE, sizeof (PeriodColumn));
  RlCellPlace place = { scan->file, rl_sheet_get_name (scan->sheet), r->header_row, 0 };
  gboolean grouped = r->layout == RL_RECIPE_LAYOUT_WIDE_GROUPED, found = FALSE;
  g_autoptr(GPtrArray) groups = grouped ? column_groups (scan) : NULL;
  g_autofree char *key = grouped ? rl_recipe_text_key (scan->indicator->header) : NULL;

  for (guint c = r->first_column; c <= last_column (scan); c++)
    {
      PeriodColumn pc = { c, 0, 0 };
      double number;

      if (c == r->region_column || c == r->top_level_column
          || !in_group (scan, groups, key, c, &found))
        continue;
      if (rl_sheet_get_number (scan->sheet, r->header_row, c, &number) && number == floor (number)
          && number >= 1800 && number <= 2200)
        pc.year = (int) number;
      else if (!rl_parse_period (rl_sheet_get_text (scan->sheet, r->header_row, c), &pc.year,
                                 &pc.month))
        continue;
      g_array_append_val (cols, pc);
    }
  if (grouped && !found)
    {
      g_array_unref (cols);
      no_group (scan, error);
      return NULL;
    }
  if (cols->len == 0)
    {
      g_array_unref (cols);
      fail_at_cell (error, RL_ERROR_PARSE, &place,
                    "expected years (or months with years) in the header row, found none");
      return NULL;
    }
  return cols;
}

/* The region of @row, or NULL (and TRUE) for a row not to read. */
static gboolean
row_region (Scan                    *scan,
            guint                    row,
            const RlGazetteerEntry **entry,
            gboolean                *labelled,
            GError                 **error)
{
  g_autofree char *label = cell_text (scan->sheet, row, scan->recipe->region_column);
  RlCellPlace place = { scan->file, rl_sheet_get_name (scan->sheet), row,
                        scan->recipe->region_column };

  *entry = NULL;
  *labelled = label != NULL && *label != '\0';
  if (*labelled && scan->recipe->value_row_prefix != NULL)
    {
      g_autofree char *below = cell_text (scan->sheet, row + scan->recipe->value_row_offset,
                                          scan->recipe->region_column);
      *labelled = below != NULL && g_str_has_prefix (below, scan->recipe->value_row_prefix);
    }
  if (!*labelled || !row_selected (scan, row))
    return TRUE;
  return resolve_region (scan, label, &place, entry, error);
}

static guint
last_row (const Scan *scan)
{
  guint n = rl_sheet_n_rows (scan->sheet);

  return scan->recipe->last_row > 0 ? MIN (n, scan->recipe->last_row) : n;
}

static gboolean
scan_wide (Scan    *scan,
           GError **error)
{
  const RlRecipe *r = scan->recipe;
  g_autoptr(GArray) cols = wide_columns (scan, error);

  if (cols == NULL)
    return FALSE;
  for (guint row = r->first_row; row <= last_row (scan); row++)
    {
      const RlGazetteerEntry *entry;
      gboolean labelled;
      guint vrow = row + r->value_row_offset;

      if (!row_region (scan, row, &entry, &labelled, error))
        return FALSE;
      for (guint i = 0; entry != NULL && i < cols->len; i++)
        {
          const PeriodColumn *pc = &g_array_index (cols, PeriodColumn, i);
          RlCellPlace place = { scan->file, rl_sheet_get_name (scan->sheet), vrow, pc->col };
          if (!put_value (scan, entry, pc->year, pc->month, &place, error))
            return FALSE;
        }
      if (labelled)
        row = vrow;
    }
  return TRUE;
}

static gboolean
row_period (const Scan *scan,
            guint       row,
            int        *year,
            int        *month,
            GError    **error)
{
  RlCellPlace place = { scan->file, rl_sheet_get_name (scan->sheet), row,
                        scan->recipe->year_column };
  const char *text = rl_sheet_get_text (scan->sheet, row, scan->recipe->year_column);
  double number;
  g_autofree char *message = NULL;

  if (rl_sheet_get_number (scan->sheet, row, scan->recipe->year_column, &number)
      && number == floor (number) && number >= 1800 && number <= 2200)
    {
      *year = (int) number;
      *month = 0;
      return TRUE;
    }
  if (rl_parse_period (text, year, month))
    return TRUE;
  message = g_strdup_printf ("expected a year or a date, found “%s”", text != NULL ? text : "");
  return fail_at_cell (error, RL_ERROR_PARSE, &place, message);
}

static gboolean
scan_rows (Scan    *scan,
           GError **error)
{
  const RlRecipe *r = scan->recipe;

  for (guint row = r->first_row; row <= last_row (scan); row++)
    {
      const RlGazetteerEntry *entry;
      gboolean labelled;
      int year = scan->file_year, month = 0;
      RlCellPlace place = { scan->file, rl_sheet_get_name (scan->sheet),
                            row + r->value_row_offset, scan->indicator->value_column };

      if (!row_region (scan, row, &entry, &labelled, error))
        return FALSE;
      if (entry != NULL && r->layout == RL_RECIPE_LAYOUT_LONG
          && !row_period (scan, row, &year, &month, error))
        return FALSE;
      if (entry != NULL && !put_value (scan, entry, year, month, &place, error))
        return FALSE;
      if (labelled)
        row += r->value_row_offset;
    }
  return TRUE;
}

static gboolean
file_year (const RlRecipe *recipe,
           const char     *file_label,
           int            *year,
           GError        **error)
{
  g_autofree char *base = g_path_get_basename (file_label);
  int month;

  *year = recipe->year;
  if (recipe->year >= 0)
    return TRUE;
  if (rl_parse_period (base, year, &month))
    return TRUE;
  g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
               "%s: the recipe %s takes the year from the file name, which holds none",
               file_label, recipe->path);
  return FALSE;
}

static RlSheet *
find_sheet (const RlRecipe *recipe,
            RlWorkbook     *wb,
            const char     *name,
            const char     *file_label,
            GError        **error)
{
  RlSheet *sheet;
  g_autoptr(GString) names = g_string_new (NULL);

  if (name == NULL)
    sheet = rl_workbook_n_sheets (wb) > 0 ? rl_workbook_get_sheet (wb, 0) : NULL;
  else
    sheet = rl_workbook_find_sheet (wb, name);
  if (sheet != NULL)
    return sheet;
  for (guint i = 0; i < rl_workbook_n_sheets (wb); i++)
    g_string_append_printf (names, "%s“%s”", i ? ", " : "",
                            rl_sheet_get_name (rl_workbook_get_sheet (wb, i)));
  g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
               "%s: the recipe %s expects a sheet “%s”; the file has %s", file_label,
               recipe->path, name != NULL ? name : "(any)", names->len ? names->str : "none");
  return NULL;
}

static gboolean
scan_sheet (Scan    *scan,
            GError **error)
{
  if (scan->recipe->layout == RL_RECIPE_LAYOUT_WIDE
      || scan->recipe->layout == RL_RECIPE_LAYOUT_WIDE_GROUPED)
    return scan_wide (scan, error);
  return scan_rows (scan, error);
}

static void
report_scan (const Scan *scan)
{
  if (scan->report == NULL)
    return;
  if (scan->n_values == 0)
    g_ptr_array_add (scan->report->lines,
                     g_strdup_printf ("%s, sheet “%s”: %s: no values", scan->file,
                                      rl_sheet_get_name (scan->sheet), scan->indicator->id));
  else
    g_ptr_array_add (scan->report->lines,
                     g_strdup_printf ("%s, sheet “%s”: %s: %u values, %d–%d", scan->file,
                                      rl_sheet_get_name (scan->sheet), scan->indicator->id,
                                      scan->n_values, scan->year_min, scan->year_max));
  scan->report->n_values += scan->n_values;
}

gboolean
rl_recipe_read (const RlRecipe *recipe,
                RlWorkbook     *wb,
                const char     *file_label,
                RlImport       *import,
                RlImportReport *report,
                GError        **error)
{
  int year;

  if (recipe->skip != NULL)
    {
      rl_import_report_note (report, "%s: not read (%s): %s", file_label, recipe->path,
                             recipe->skip);
      return TRUE;
    }
  for (guint p = 0; recipe->parts != NULL && p < recipe->parts->len; p++)
    if (!rl_recipe_read (recipe->parts->pdata[p], wb, file_label, import, report, error))
      return FALSE;
  if (recipe->parts != NULL)
    return TRUE;
  if (!file_year (recipe, file_label, &year, error))
    return FALSE;
  for (guint i = 0; i < recipe->indicators->len; i++)
    {
      const RlRecipeIndicator *ind = recipe->indicators->pdata[i];
      const char *const default_sheets[] = { recipe->sheet, NULL };
      const char *const *sheets = ind->sheets != NULL ? (const char *const *) ind->sheets
                                                      : default_sheets;
      guint n_sheets = ind->sheets != NULL ? g_strv_length (ind->sheets) : 1;

      for (guint s = 0; s < n_sheets; s++)
        {
          Scan scan = { recipe, ind, NULL, import, report, file_label, year, i == 0 && s == 0 };
          scan.sheet = find_sheet (recipe, wb, sheets[s], file_label, error);
          if (scan.sheet == NULL || !scan_sheet (&scan, error))
            return FALSE;
          report_scan (&scan);
        }
    }
  return TRUE;
}
