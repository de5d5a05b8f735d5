/* rl-import-guess.c — the layout of a table nobody wrote a recipe for, inferred as a recipe
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scoring looks at a sample of rows (at most GUESS_SAMPLE per column), so a
 * guess costs time in proportion to the rows only through the final pass
 * that matches each label of the chosen region column once.
 */
#include "rl-import-guess.h"

#include <string.h>

#include "rl-error.h"
#include "rl-number.h"

#define GUESS_SAMPLE     200
#define GUESS_MAX_COLS   64
#define GUESS_TOP_ROWS   40
#define GUESS_MAX_UNRESOLVED 100

struct _RlImportGuess
{
  char        *file_label;
  char        *sheet;
  GArray      *parts;       /* RlImportGuessPart */
  char        *gazetteer_id;
  RlGazetteer *owned_gazetteer;
  const RlGazetteer *gazetteer;
  char        *number_format;
  double       confidence;
  gboolean     ambiguous;
  GPtrArray   *reasons;     /* NULL-terminated */
  GArray      *unresolved;  /* RlImportGuessName, labels owned */
  GPtrArray   *ignore;      /* labels of rows without values inside the table */
  GPtrArray   *missing;     /* missing marks beyond the defaults; NULL when none */
  GPtrArray   *ind_ids;     /* per indicator: id, name, value column */
  GPtrArray   *ind_names;
  GArray      *ind_cols;
  char        *unit;
  char        *title;
};

static const char *const default_missing[] = {
  "-", "–", "—", "…", "...", "x", "х", "н/д", NULL
};

static const char *const extra_missing[] = {
  "н.д.", "нет данных", "n/a", "NA", "..", "*", "-", "–", "—", "…", "...", "x", "х", "н/д", NULL
};

static void
reason (RlImportGuess *self,
        const char    *format,
        ...) G_GNUC_PRINTF (2, 3);

static void
reason (RlImportGuess *self,
        const char    *format,
        ...)
{
  va_list ap;

  va_start (ap, format);
  g_ptr_array_insert (self->reasons, self->reasons->len - 1, g_strdup_vprintf (format, ap));
  va_end (ap);
}

static char *
stripped (const RlSheet *sheet,
          guint          row,
          guint          col)
{
  const char *text = rl_sheet_get_text (sheet, row, col);

  return text != NULL && *text != '\0' ? g_strstrip (g_strdup (text)) : NULL;
}

/* A year in a header cell: "2017", "2017.0", "2017 г.", "на 1 января 2018". */
static int
header_year (const RlSheet *sheet,
             guint          row,
             guint          col)
{
  g_autofree char *text = stripped (sheet, row, col);
  int year = 0;
  guint digits = 0;

  if (text == NULL)
    return 0;
  for (const char *p = text; ; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          digits++;
          continue;
        }
      if (digits == 4)
        {
          year = atoi (p - 4);
          if (year >= 1900 && year <= 2100)
            return year;
        }
      digits = 0;
      if (*p == '\0')
        break;
    }
  return 0;
}

static gboolean
is_missing_mark (const char *text)
{
  return g_strv_contains (extra_missing, text);
}

/* A value cell: a number stored as one, or text the importer parses. */
static gboolean
cell_is_value (const RlSheet *sheet,
               guint          row,
               guint          col)
{
  double v;
  g_autofree char *text = NULL;

  if (rl_sheet_get_number (sheet, row, col, &v))
    return TRUE;
  text = stripped (sheet, row, col);
  return text != NULL && (rl_parse_number (text, &v) || is_missing_mark (text));
}

static gboolean
label_resolves (const RlGazetteer *gaz,
                const char        *label,
                RlMatch           *out)
{
  RlMatch m = rl_gazetteer_match (gaz, label);

  if (out != NULL)
    *out = m;
  return rl_match_is_resolved (&m);
}

/* How many of a sample of the column's text labels the gazetteer resolves. */
static guint
column_score (const RlSheet     *sheet,
              const RlGazetteer *gaz,
              guint              col,
              guint             *n_labels)
{
  guint n_rows = rl_sheet_n_rows (sheet);
  guint step = MAX (1, n_rows / GUESS_SAMPLE);
  guint hits = 0;

  *n_labels = 0;
  for (guint row = 1; row <= n_rows; row += step)
    {
      g_autofree char *text = stripped (sheet, row, col);
      double v;
      if (text == NULL || rl_parse_number (text, &v))
        continue;
      (*n_labels)++;
      hits += label_resolves (gaz, text, NULL);
    }
  return hits;
}

typedef struct
{
  guint col;
  guint hits;
  guint labels;
  guint second_col;
  guint second_hits;
} ColumnPick;

static ColumnPick
best_column (const RlSheet     *sheet,
             const RlGazetteer *gaz)
{
  ColumnPick pick = { 0 };
  guint n_cols = MIN (rl_sheet_n_cols (sheet), GUESS_MAX_COLS);

  for (guint col = 1; col <= n_cols; col++)
    {
      guint labels;
      guint hits = column_score (sheet, gaz, col, &labels);
      if (hits > pick.hits)
        {
          pick.second_col = pick.col;
          pick.second_hits = pick.hits;
          pick.col = col;
          pick.hits = hits;
          pick.labels = labels;
        }
      else if (hits > pick.second_hits)
        {
          pick.second_col = col;
          pick.second_hits = hits;
        }
    }
  return pick;
}

static RlGazetteer *
load_gazetteer (const char *name,
                GError    **error)
{
  if (g_str_equal (name, "ru") || g_str_equal (name, "ua"))
    return rl_gazetteer_load_builtin (name, error);
  return rl_gazetteer_load (name, error);
}

/* The sheet and gazetteer: with "auto", both built-ins are tried on every
 * sheet (or the given one) and the pair that resolves most labels wins. */
static gboolean
choose_sheet_and_gazetteer (RlImportGuess              *self,
                            RlWorkbook                 *wb,
                            const RlImportGuessOptions *o,
                            const RlGazetteer          *given,
                            RlSheet                   **sheet_out,
                            ColumnPick                 *pick_out,
                            GError                    **error)
{
  const char *names[] = { "ru", "ua" };
  const char *gname = o->gazetteer != NULL ? o->gazetteer : "auto";
  gboolean is_auto = given == NULL && g_str_equal (gname, "auto");
  RlGazetteer *candidates[2] = { NULL, NULL };
  guint n_gaz = is_auto ? 2 : 1;
  guint best_hits = 0, other_hits = 0, best_g = 0;

  if (given != NULL)
    self->gazetteer = given;
  else if (!is_auto && (self->owned_gazetteer = load_gazetteer (gname, error)) == NULL)
    return FALSE;
  for (guint g = 0; g < n_gaz; g++)
    {
      const RlGazetteer *gaz = self->gazetteer != NULL ? self->gazetteer
                               : self->owned_gazetteer;
      guint g_hits = 0;
      if (is_auto)
        {
          if ((candidates[g] = rl_gazetteer_load_builtin (names[g], error)) == NULL)
            {
              rl_gazetteer_free (candidates[0]);
              return FALSE;
            }
          gaz = candidates[g];
        }
      for (guint s = 0; s < rl_workbook_n_sheets (wb); s++)
        {
          RlSheet *sheet = rl_workbook_get_sheet (wb, s);
          ColumnPick pick;
          if (o->sheet != NULL && !g_str_equal (rl_sheet_get_name (sheet), o->sheet))
            continue;
          pick = best_column (sheet, gaz);
          if (o->region_column > 0)
            {
              pick.col = o->region_column;
              pick.hits = column_score (sheet, gaz, pick.col, &pick.labels);
            }
          if (pick.hits > g_hits)
            g_hits = pick.hits;
          if (pick.hits > best_hits || *sheet_out == NULL)
            {
              best_hits = pick.hits;
              best_g = g;
              *sheet_out = sheet;
              *pick_out = pick;
            }
        }
      if (g != best_g)
        other_hits = MAX (other_hits, g_hits);
    }
  if (is_auto)
    {
      self->owned_gazetteer = g_steal_pointer (&candidates[best_g]);
      rl_gazetteer_free (candidates[1 - best_g]);
    }
  if (*sheet_out == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "%s: no sheet “%s”", self->file_label,
                   o->sheet);
      return FALSE;
    }
  if (best_hits == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
                   "%s, sheet “%s”: no column holds region names", self->file_label,
                   rl_sheet_get_name (*sheet_out));
      return FALSE;
    }
  if (is_auto)
    {
      self->gazetteer_id = g_strdup (names[best_g]);
      reason (self, "gazetteer %s: %u sampled labels are its regions, %u for %s",
              names[best_g], best_hits, other_hits, names[1 - best_g]);
    }
  else
    self->gazetteer_id = g_strdup (given != NULL ? rl_gazetteer_get_path (given) : gname);
  if (self->gazetteer == NULL)
    self->gazetteer = self->owned_gazetteer;
  return TRUE;
}

/* The first and last rows whose region label resolves (scanned from the
 * top and the bottom: each label is matched once). */
static void
find_data_rows (const RlSheet     *sheet,
                const RlGazetteer *gaz,
                guint              col,
                guint             *first,
                guint             *last)
{
  guint n_rows = rl_sheet_n_rows (sheet);

  *first = *last = 0;
  for (guint row = 1; row <= n_rows && *first == 0; row++)
    {
      g_autofree char *text = stripped (sheet, row, col);
      if (text != NULL && label_resolves (gaz, text, NULL))
        *first = row;
    }
  for (guint row = n_rows; row >= MAX (1, *first) && *last == 0 && *first > 0; row--)
    {
      g_autofree char *text = stripped (sheet, row, col);
      if (text != NULL && label_resolves (gaz, text, NULL))
        *last = row;
    }
}

static guint
row_years (const RlSheet *sheet,
           guint          row,
           guint          skip_col)
{
  guint n = 0;

  for (guint col = 1; col <= MIN (rl_sheet_n_cols (sheet), RL_GRID_MAX_COLS); col++)
    n += col != skip_col && header_year (sheet, row, col) > 0;
  return n;
}

/* A column whose sampled data cells are mostly years: the long layout's. */
static guint
year_column (const RlSheet           *sheet,
             const RlImportGuessPart *p)
{
  guint step = MAX (1, (p->last_data_row - p->first_data_row + 1) / GUESS_SAMPLE);

  for (guint col = 1; col <= MIN (rl_sheet_n_cols (sheet), GUESS_MAX_COLS); col++)
    {
      guint n = 0, years = 0;
      if (col == p->region_column)
        continue;
      for (guint row = p->first_data_row; row <= p->last_data_row; row += step)
        {
          n++;
          years += header_year (sheet, row, col) > 0;
        }
      if (n > 0 && years * 10 >= n * 9)
        return col;
    }
  return 0;
}

static guint
row_cells (const RlSheet *sheet,
           guint          row)
{
  guint n = 0;

  for (guint col = 1; col <= MIN (rl_sheet_n_cols (sheet), GUESS_MAX_COLS); col++)
    n += rl_sheet_get_text (sheet, row, col) != NULL;
  return n;
}

/* The header: the nearest row above the data with a year (wide) or with
 * two or more cells (long, columns); title rows hold one cell. */
static void
find_header (RlImportGuess           *self,
             const RlSheet           *sheet,
             const RlImportGuessOptions *o,
             RlImportGuessPart       *p)
{
  p->header_row = o->header_row;
  for (guint row = p->first_data_row - 1; row >= 1 && p->header_row == 0; row--)
    if (row_years (sheet, row, p->region_column) >= 1 || row_cells (sheet, row) >= 2)
      p->header_row = row;
  if (p->header_row == 0)
    {
      p->header_row = p->first_data_row > 1 ? p->first_data_row - 1 : 1;
      self->ambiguous = TRUE;
      reason (self, "no header row above the data; row %u taken", p->header_row);
    }
  for (guint row = p->header_row - 1; row >= 1 && p->title_row == 0; row--)
    if (row_cells (sheet, row) == 1)
      p->title_row = row;
  p->first_row = p->title_row > 0 ? p->title_row : p->header_row;
}

static int
year_from_text (const char *text)
{
  RlWorkbook *wb;
  RlSheet *s;
  int year;

  if (text == NULL)
    return 0;
  wb = rl_workbook_new ("year");
  s = rl_workbook_add_sheet (wb, "y");
  rl_sheet_put_text (s, 1, 1, text, NULL);
  year = header_year (s, 1, 1);
  rl_workbook_free (wb);
  return year;
}

static void
choose_layout (RlImportGuess              *self,
               const RlSheet              *sheet,
               const RlImportGuessOptions *o,
               RlImportGuessPart          *p)
{
  guint years = row_years (sheet, p->header_row, p->region_column);
  g_autofree char *title = p->title_row > 0
                             ? stripped (sheet, p->title_row, 1) : NULL;

  p->year_column = year_column (sheet, p);
  if (o->fix_layout)
    p->layout = o->layout;
  else if (p->year_column > 0)
    p->layout = RL_RECIPE_LAYOUT_LONG;
  else if (years >= 1)
    p->layout = RL_RECIPE_LAYOUT_WIDE;
  else
    p->layout = RL_RECIPE_LAYOUT_COLUMNS;
  if (p->layout == RL_RECIPE_LAYOUT_WIDE)
    reason (self, "row %u holds %u years: wide", p->header_row, years);
  else if (p->layout == RL_RECIPE_LAYOUT_LONG)
    reason (self, "column %c holds years: long", 'A' + (int) MIN (p->year_column - 1, 25));
  if (p->layout != RL_RECIPE_LAYOUT_COLUMNS)
    return;
  p->year = o->year;
  if (p->year == 0 && (p->year = year_from_text (rl_sheet_get_name (sheet))) > 0)
    reason (self, "the year %d from the sheet name", p->year);
  if (p->year == 0 && (p->year = year_from_text (title)) > 0)
    reason (self, "the year %d from the title in row %u", p->year, p->title_row);
  if (p->year == 0)
    {
      self->confidence *= 0.5;
      reason (self, "no year found for the columns layout; pass one");
    }
  reason (self, "row %u holds indicator titles for one year: columns", p->header_row);
}

/* Value columns, the number format and missing marks, from the data rows. */
static void
scan_values (RlImportGuess     *self,
             const RlSheet     *sheet,
             RlImportGuessPart *p)
{
  gboolean comma = FALSE, point = FALSE, space = FALSE, foot = FALSE;
  GString *fmt = g_string_new (NULL);

  for (guint col = 1; col <= MIN (rl_sheet_n_cols (sheet), GUESS_MAX_COLS); col++)
    {
      guint vals = 0;
      if (col == p->region_column || col == p->year_column)
        continue;
      for (guint row = p->first_data_row; row <= p->last_data_row; row++)
        {
          g_autofree char *t = NULL;
          double v;
          if (!cell_is_value (sheet, row, col))
            continue;
          vals++;
          if (rl_sheet_get_number (sheet, row, col, &v) || (t = stripped (sheet, row, col)) == NULL)
            continue;
          if (is_missing_mark (t) && !g_strv_contains (default_missing, t)
              && !g_ptr_array_find_with_equal_func (self->missing, t, g_str_equal, NULL))
            g_ptr_array_add (self->missing, g_strdup (t));
          comma |= strchr (t, ',') != NULL;
          point |= strchr (t, '.') != NULL && !is_missing_mark (t);
          space |= strchr (t, ' ') != NULL || strstr (t, "\u00a0") != NULL
                   || strstr (t, "\u202f") != NULL || strchr (t, '\'') != NULL;
          foot |= strstr (t, "¹") != NULL || strstr (t, "²") != NULL || strchr (t, '*') != NULL
                  || strchr (t, ')') != NULL;
        }
      if (vals > 0 && (p->layout != RL_RECIPE_LAYOUT_WIDE || header_year (sheet, p->header_row,
                                                                          col) > 0))
        {
          g_array_append_val (self->ind_cols, col);
          p->n_values += vals;
          if (p->last_col < col)
            p->last_col = col;
        }
    }
  g_string_append (fmt, comma ? "decimal comma" : "decimal point");
  if (space)
    g_string_append (fmt, ", space thousands");
  if (foot)
    g_string_append (fmt, ", footnote marks");
  self->number_format = g_string_free (fmt, FALSE);
  reason (self, "numbers: %s", self->number_format);
}

/* Every label of the region column in the data rows matched once. */
static void
scan_labels (RlImportGuess     *self,
             const RlSheet     *sheet,
             RlImportGuessPart *p)
{
  guint regions = 0, aggregates = 0;

  for (guint row = p->first_data_row; row <= p->last_data_row; row++)
    {
      g_autofree char *text = stripped (sheet, row, p->region_column);
      RlMatch m;
      gboolean has_value = FALSE;
      if (text == NULL)
        continue;
      if (label_resolves (self->gazetteer, text, &m))
        {
          if (m.entry->kind == RL_GAZETTEER_KIND_AGGREGATE)
            aggregates++;
          else
            regions++;
          continue;
        }
      for (guint i = 0; i < self->ind_cols->len && !has_value; i++)
        has_value = cell_is_value (sheet, row, g_array_index (self->ind_cols, guint, i));
      if (!has_value)
        {
          g_ptr_array_add (self->ignore, g_strdup (text));
          continue;
        }
      if (self->unresolved->len < GUESS_MAX_UNRESOLVED)
        {
          RlImportGuessName n = { g_strdup (text), row, p->region_column, m };
          g_array_append_val (self->unresolved, n);
        }
    }
  reason (self, "column %c: %u regions, %u aggregates, %u unresolved labels",
          'A' + (int) MIN (p->region_column - 1, 25), regions, aggregates, self->unresolved->len);
  if (regions + self->unresolved->len > 0)
    self->confidence *= (double) regions / (regions + self->unresolved->len);
}

/* Cyrillic to a lower-case ASCII id. */
static char *
make_id (const char *text)
{
  static const char *const cyr[] = {
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
    "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"
  };
  GString *id = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));
      if (c >= 0x430 && c <= 0x44f)
        g_string_append (id, cyr[c - 0x430]);
      else if (c == 0x451 || c == 0x454)
        g_string_append (id, c == 0x451 ? "e" : "ye");
      else if (c == 0x456 || c == 0x457)
        g_string_append (id, c == 0x456 ? "i" : "yi");
      else if (c < 128 && g_ascii_isalnum (c))
        g_string_append_c (id, (char) c);
      else if (id->len > 0 && id->str[id->len - 1] != '_')
        g_string_append_c (id, '_');
      if (id->len >= 40)
        break;
    }
  while (id->len > 0 && id->str[id->len - 1] == '_')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0 || g_ascii_isdigit (id->str[0]))
    g_string_prepend (id, "x");
  return g_string_free (id, FALSE);
}

static void
find_unit (RlImportGuess *self,
           const char    *title)
{
  static const char *const units[][2] = {
    { "тыс. человек", "thousand persons" }, { "тыс. руб", "thousand roubles" },
    { "млн руб", "million roubles" }, { "рубл", "roubles" }, { "в процентах", "%" },
    { "%", "%" }, { "человек", "persons" },
  };

  for (guint i = 0; title != NULL && i < G_N_ELEMENTS (units); i++)
    if (strstr (title, units[i][0]) != NULL)
      {
        self->unit = g_strdup (units[i][1]);
        reason (self, "unit %s from the title", self->unit);
        return;
      }
  self->unit = g_strdup ("");
}

static void
name_indicators (RlImportGuess              *self,
                 const RlSheet              *sheet,
                 const RlImportGuessOptions *o,
                 const RlImportGuessPart    *p)
{
  self->title = p->title_row > 0 ? stripped (sheet, p->title_row, 1) : NULL;
  find_unit (self, self->title);
  if (p->layout == RL_RECIPE_LAYOUT_COLUMNS)
    for (guint i = 0; i < self->ind_cols->len; i++)
      {
        guint col = g_array_index (self->ind_cols, guint, i);
        g_autofree char *h = stripped (sheet, p->header_row, col);
        char *name = h != NULL ? g_strdup (h) : g_strdup_printf ("column %u", col);
        g_ptr_array_add (self->ind_names, name);
        g_ptr_array_add (self->ind_ids, o->indicator != NULL && self->ind_cols->len == 1
                                        ? g_strdup (o->indicator) : make_id (name));
      }
  else
    {
      const char *name = self->title != NULL ? self->title : rl_sheet_get_name (sheet);
      guint col = self->ind_cols->len > 0 ? g_array_index (self->ind_cols, guint,
                                                           self->ind_cols->len - 1) : 0;
      g_ptr_array_add (self->ind_names, g_strdup (name));
      g_ptr_array_add (self->ind_ids, o->indicator != NULL ? g_strdup (o->indicator)
                                                           : make_id (name));
      g_array_set_size (self->ind_cols, 1);
      g_array_index (self->ind_cols, guint, 0) = col;
    }
}

static void
clear_name (gpointer data)
{
  g_free ((char *) ((RlImportGuessName *) data)->label);
}

RlImportGuess *
rl_import_guess (RlWorkbook                 *wb,
                 const char                 *file_label,
                 const RlImportGuessOptions *options,
                 const RlGazetteer          *gazetteer,
                 GCancellable               *cancellable,
                 GError                    **error)
{
  static const RlImportGuessOptions none = { 0 };
  const RlImportGuessOptions *o = options != NULL ? options : &none;
  g_autoptr(RlImportGuess) self = g_new0 (RlImportGuess, 1);
  RlSheet *sheet = NULL;
  ColumnPick pick = { 0 };
  RlImportGuessPart p = { 0 };

  self->file_label = g_strdup (file_label != NULL ? file_label : rl_workbook_get_path (wb));
  self->parts = g_array_new (FALSE, TRUE, sizeof (RlImportGuessPart));
  self->reasons = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->reasons, NULL);
  self->unresolved = g_array_new (FALSE, TRUE, sizeof (RlImportGuessName));
  g_array_set_clear_func (self->unresolved, clear_name);
  self->ignore = g_ptr_array_new_with_free_func (g_free);
  self->missing = g_ptr_array_new_with_free_func (g_free);
  self->ind_ids = g_ptr_array_new_with_free_func (g_free);
  self->ind_names = g_ptr_array_new_with_free_func (g_free);
  self->ind_cols = g_array_new (FALSE, TRUE, sizeof (guint));
  self->confidence = 1.0;
  if (g_cancellable_set_error_if_cancelled (cancellable, error)
      || !choose_sheet_and_gazetteer (self, wb, o, gazetteer, &sheet, &pick, error))
    return NULL;
  self->sheet = g_strdup (rl_sheet_get_name (sheet));
  reason (self, "sheet “%s”; column %c: %u of %u sampled labels are regions", self->sheet,
          'A' + (int) MIN (pick.col - 1, 25), pick.hits, pick.labels);
  if (pick.second_hits * 10 >= pick.hits * 8 && o->region_column == 0)
    {
      self->ambiguous = TRUE;
      self->confidence *= 0.6;
      reason (self, "ambiguous: column %c fits about as well (%u labels)",
              'A' + (int) MIN (pick.second_col - 1, 25), pick.second_hits);
    }
  p.region_column = p.first_col = pick.col;
  find_data_rows (sheet, self->gazetteer, pick.col, &p.first_data_row, &p.last_data_row);
  find_header (self, sheet, o, &p);
  choose_layout (self, sheet, o, &p);
  p.last_row = p.last_data_row;
  p.last_col = p.region_column;
  scan_values (self, sheet, &p);
  scan_labels (self, sheet, &p);
  name_indicators (self, sheet, o, &p);
  g_array_append_val (self->parts, p);
  return g_steal_pointer (&self);
}

void
rl_import_guess_free (RlImportGuess *self)
{
  if (self == NULL)
    return;
  g_free (self->file_label);
  g_free (self->sheet);
  g_array_unref (self->parts);
  g_free (self->gazetteer_id);
  rl_gazetteer_free (self->owned_gazetteer);
  g_free (self->number_format);
  g_ptr_array_unref (self->reasons);
  g_array_unref (self->unresolved);
  g_ptr_array_unref (self->ignore);
  g_ptr_array_unref (self->missing);
  g_ptr_array_unref (self->ind_ids);
  g_ptr_array_unref (self->ind_names);
  g_array_unref (self->ind_cols);
  g_free (self->unit);
  g_free (self->title);
  g_free (self);
}

const char *
rl_import_guess_get_sheet (const RlImportGuess *self)
{
  return self->sheet;
}

guint
rl_import_guess_n_parts (const RlImportGuess *self)
{
  return self->parts->len;
}

const RlImportGuessPart *
rl_import_guess_get_part (const RlImportGuess *self,
                          guint                i)
{
  g_return_val_if_fail (i < self->parts->len, NULL);
  return &g_array_index (self->parts, RlImportGuessPart, i);
}

const char *
rl_import_guess_get_gazetteer (const RlImportGuess *self)
{
  return self->gazetteer_id;
}

const RlGazetteer *
rl_import_guess_get_gazetteer_object (const RlImportGuess *self)
{
  return self->gazetteer;
}

const char *
rl_import_guess_get_number_format (const RlImportGuess *self)
{
  return self->number_format;
}

double
rl_import_guess_get_confidence (const RlImportGuess *self)
{
  return self->confidence;
}

gboolean
rl_import_guess_is_ambiguous (const RlImportGuess *self)
{
  return self->ambiguous;
}

const char *const *
rl_import_guess_get_reasons (const RlImportGuess *self)
{
  return (const char *const *) self->reasons->pdata;
}

guint
rl_import_guess_n_unresolved (const RlImportGuess *self)
{
  return self->unresolved->len;
}

const RlImportGuessName *
rl_import_guess_get_unresolved (const RlImportGuess *self,
                                guint                i)
{
  g_return_val_if_fail (i < self->unresolved->len, NULL);
  return &g_array_index (self->unresolved, RlImportGuessName, i);
}

static void
member_string (JsonBuilder *b,
               const char  *name,
               const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
member_column (JsonBuilder *b,
               const char  *name,
               guint        col)
{
  g_autofree char *letters = rl_column_name (col);

  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, letters);
}

static void
member_strings (JsonBuilder     *b,
                const char      *name,
                const GPtrArray *strings,
                const char *const *prefix)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; prefix != NULL && prefix[i] != NULL; i++)
    json_builder_add_string_value (b, prefix[i]);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (b, strings->pdata[i]);
  json_builder_end_array (b);
}

static void
add_indicators (const RlImportGuess     *self,
                JsonBuilder             *b,
                const RlImportGuessPart *p)
{
  json_builder_set_member_name (b, "indicators");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->ind_ids->len; i++)
    {
      json_builder_begin_object (b);
      member_string (b, "id", self->ind_ids->pdata[i]);
      json_builder_set_member_name (b, "name");
      json_builder_begin_object (b);
      member_string (b, "en", self->ind_names->pdata[i]);
      json_builder_end_object (b);
      member_string (b, "unit", self->unit);
      member_string (b, "polarity", "none");
      member_string (b, "source", self->file_label);
      if (p->layout != RL_RECIPE_LAYOUT_WIDE)
        member_column (b, "value_column", g_array_index (self->ind_cols, guint, i));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static const char *
layout_name (RlRecipeLayout layout)
{
  switch (layout)
    {
    case RL_RECIPE_LAYOUT_LONG:
      return "long";
    case RL_RECIPE_LAYOUT_COLUMNS:
      return "columns";
    case RL_RECIPE_LAYOUT_WIDE_GROUPED:
      return "wide-grouped";
    case RL_RECIPE_LAYOUT_WIDE:
    default:
      return "wide";
    }
}

static char *
node_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  return g_strconcat (text, "\n", NULL);
}

char *
rl_import_guess_to_recipe_text (const RlImportGuess *self)
{
  const RlImportGuessPart *p = rl_import_guess_get_part (self, 0);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *base = g_path_get_basename (self->file_label);
  g_autoptr(JsonNode) root = NULL;
  GPtrArray files = { (gpointer *) &base, 1 };

  json_builder_begin_object (b);
  member_string (b, "id", self->ind_ids->pdata[0]);
  member_string (b, "description", "Guessed from the layout of the file");
  member_strings (b, "files", &files, NULL);
  member_string (b, "sheet", self->sheet);
  member_string (b, "layout", layout_name (p->layout));
  json_builder_set_member_name (b, "header_row");
  json_builder_add_int_value (b, p->header_row);
  json_builder_set_member_name (b, "first_row");
  json_builder_add_int_value (b, p->first_data_row);
  json_builder_set_member_name (b, "last_row");
  json_builder_add_int_value (b, p->last_data_row);
  member_column (b, "region_column", p->region_column);
  if (p->layout == RL_RECIPE_LAYOUT_LONG)
    member_column (b, "year_column", p->year_column);
  if (p->layout == RL_RECIPE_LAYOUT_COLUMNS && p->year > 0)
    {
      json_builder_set_member_name (b, "year");
      json_builder_add_int_value (b, p->year);
    }
  if (self->missing->len > 0)
    member_strings (b, "missing", self->missing, default_missing);
  if (self->ignore->len > 0)
    {
      json_builder_set_member_name (b, "regions");
      json_builder_begin_object (b);
      member_strings (b, "ignore", self->ignore, NULL);
      json_builder_end_object (b);
    }
  add_indicators (self, b, p);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return node_text (root);
}

RlRecipe *
rl_import_guess_to_recipe (const RlImportGuess *self,
                           GError             **error)
{
  g_autofree char *text = rl_import_guess_to_recipe_text (self);

  return rl_recipe_load_from_data (text, -1, self->file_label, error);
}

static void
member_uint (JsonBuilder *b,
             const char  *name,
             guint        v)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, v);
}

static void
add_unresolved (const RlImportGuess *self,
                JsonBuilder         *b)
{
  json_builder_set_member_name (b, "unresolved");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->unresolved->len; i++)
    {
      const RlImportGuessName *n = rl_import_guess_get_unresolved (self, i);
      json_builder_begin_object (b);
      member_string (b, "label", n->label);
      member_uint (b, "row", n->row);
      member_column (b, "column", n->col);
      json_builder_set_member_name (b, "candidates");
      json_builder_begin_array (b);
      for (guint c = 0; c < n->match.n_candidates; c++)
        {
          json_builder_begin_object (b);
          member_string (b, "code", n->match.candidates[c].entry->code);
          member_string (b, "name", n->match.candidates[c].entry->name);
          json_builder_set_member_name (b, "score");
          json_builder_add_double_value (b, n->match.candidates[c].score);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_part (JsonBuilder             *b,
          const RlImportGuessPart *p)
{
  json_builder_begin_object (b);
  member_uint (b, "first_row", p->first_row);
  member_uint (b, "last_row", p->last_row);
  member_column (b, "first_column", p->first_col);
  member_column (b, "last_column", p->last_col);
  member_uint (b, "title_row", p->title_row);
  member_uint (b, "indicator_row", p->indicator_row);
  member_uint (b, "header_row", p->header_row);
  member_uint (b, "first_data_row", p->first_data_row);
  member_uint (b, "last_data_row", p->last_data_row);
  member_column (b, "region_column", p->region_column);
  member_string (b, "layout", layout_name (p->layout));
  member_uint (b, "year", p->year);
  member_uint (b, "values", p->n_values);
  json_builder_end_object (b);
}

JsonNode *
rl_import_guess_to_json (const RlImportGuess *self)
{
  const RlImportGuessPart *p = rl_import_guess_get_part (self, 0);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GPtrArray reasons = { self->reasons->pdata, self->reasons->len - 1 };

  json_builder_begin_object (b);
  member_string (b, "sheet", self->sheet);
  json_builder_set_member_name (b, "parts");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->parts->len; i++)
    add_part (b, rl_import_guess_get_part (self, i));
  json_builder_end_array (b);
  member_uint (b, "header_row", p->header_row);
  member_column (b, "region_column", p->region_column);
  member_string (b, "layout", layout_name (p->layout));
  member_string (b, "number_format", self->number_format);
  member_string (b, "gazetteer", self->gazetteer_id);
  json_builder_set_member_name (b, "confidence");
  json_builder_add_double_value (b, self->confidence);
  json_builder_set_member_name (b, "ambiguous");
  json_builder_add_boolean_value (b, self->ambiguous);
  member_strings (b, "reasons", &reasons, NULL);
  add_unresolved (self, b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
