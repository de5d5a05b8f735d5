/* rl-panel-io.c — reading and writing panels: panel CSV, wide CSV, sidecar
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-panel.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rl-csv.h"
#include "rl-error.h"
#include "rl-grid.h"
#include "rl-number.h"

#define PANEL_HEADER "region_code,region,indicator,year,value"

/* Panels and wide tables are read through the CSV reader (delimiter and
 * encoding sniffing, quotes, blank lines kept so row numbers match). */
typedef struct
{
  const char    *path;
  const RlSheet *sheet;
  guint          n_cols;
} Table;

static const char *
cell (const Table *t,
      guint        row,
      guint        col)
{
  const char *text = rl_sheet_get_text (t->sheet, row, col + 1);

  return text != NULL ? text : "";
}

static gboolean
row_is_blank (const Table *t,
              guint        row)
{
  for (guint c = 0; c < t->n_cols; c++)
    {
      g_autofree char *text = g_strstrip (g_strdup (cell (t, row, c)));
      if (*text != '\0')
        return FALSE;
    }
  return TRUE;
}

/* Columns in use in @row: the last non-empty cell. */
static guint
row_width (const Table *t,
           guint        row)
{
  guint width = 0;

  for (guint c = 0; c < rl_sheet_n_cols (t->sheet); c++)
    if (rl_sheet_get_text (t->sheet, row, c + 1) != NULL)
      width = c + 1;
  return width;
}

/* A numeric cell; empty, NA and NaN cells are missing (NaN). Decimal commas
 * and thousands separators are accepted. */
static gboolean
parse_value (const char *text,
             double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  if (*copy == '\0' || g_ascii_strcasecmp (copy, "na") == 0 || g_ascii_strcasecmp (copy, "nan") == 0)
    {
      *out = NAN;
      return TRUE;
    }
  return rl_parse_number (copy, out) && isfinite (*out);
}

static gboolean
set_cell_error (GError     **error,
                const Table *t,
                guint        row,
                guint        column,
                const char  *text,
                const char  *expected)
{
  g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: row %u, column %u (%s): “%s” is not %s",
               t->path, row, column + 1, cell (t, 1, column), text, expected);
  return FALSE;
}

static gboolean
check_width (const Table *t,
             guint        row,
             GError     **error)
{
  guint width = row_width (t, row);

  if (width <= t->n_cols)
    return TRUE;
  g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: row %u: expected %u columns, found %u",
               t->path, row, t->n_cols, width);
  return FALSE;
}

static gboolean
load_panel_rows (RlPanel     *panel,
                 const Table *t,
                 GError     **error)
{
  for (guint row = 2; row <= rl_sheet_n_rows (t->sheet); row++)
    {
      const char *code = cell (t, row, 0), *name = cell (t, row, 1), *id = cell (t, row, 2);
      double value;
      gint64 year;
      guint r, j;

      if (row_is_blank (t, row))
        continue;
      if (!check_width (t, row, error))
        return FALSE;
      if (*code == '\0' && *name == '\0')
        return set_cell_error (error, t, row, 1, name, "a region");
      if (*id == '\0')
        return set_cell_error (error, t, row, 2, id, "an indicator id");
      if (!g_ascii_string_to_signed (cell (t, row, 3), 10, 1, 9999, &year, NULL))
        return set_cell_error (error, t, row, 3, cell (t, row, 3), "a year");
      if (!parse_value (cell (t, row, 4), &value))
        return set_cell_error (error, t, row, 4, cell (t, row, 4), "a number");
      r = rl_panel_add_region (panel, code, name);
      j = rl_panel_add_indicator (panel, id);
      if (!isnan (value))
        rl_panel_set (panel, r, j, (int) year, value);
    }
  return TRUE;
}

static gboolean
add_wide_indicators (RlPanel     *panel,
                     const Table *t,
                     guint       *indicators,
                     GError     **error)
{
  for (guint c = 1; c < t->n_cols; c++)
    {
      g_autofree char *id = g_strstrip (g_strdup (cell (t, 1, c)));
      if (*id == '\0' || rl_panel_find_indicator (panel, id) >= 0)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: row 1, column %u: %s column name “%s”",
                       t->path, c + 1, *id ? "duplicate" : "empty", id);
          return FALSE;
        }
      indicators[c] = rl_panel_add_indicator (panel, id);
    }
  return TRUE;
}

static gboolean
load_wide_rows (RlPanel     *panel,
                const Table *t,
                GError     **error)
{
  g_autofree guint *indicators = g_new0 (guint, t->n_cols);

  if (!add_wide_indicators (panel, t, indicators, error))
    return FALSE;
  for (guint row = 2; row <= rl_sheet_n_rows (t->sheet); row++)
    {
      g_autofree char *name = NULL;
      guint r;

      if (row_is_blank (t, row))
        continue;
      if (!check_width (t, row, error))
        return FALSE;
      name = g_strstrip (g_strdup (cell (t, row, 0)));
      if (*name == '\0' || rl_panel_find_region (panel, name) >= 0)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: row %u, column 1: %s region name “%s”",
                       t->path, row, *name ? "duplicate" : "empty", name);
          return FALSE;
        }
      r = rl_panel_add_region (panel, NULL, name);
      for (guint c = 1; c < t->n_cols; c++)
        {
          double value;
          if (!parse_value (cell (t, row, c), &value))
            return set_cell_error (error, t, row, c, cell (t, row, c), "a number");
          if (!isnan (value))
            rl_panel_set (panel, r, indicators[c], RL_YEAR_NONE, value);
        }
    }
  if (rl_panel_n_regions (panel) == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: no data rows below the header", t->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
header_is_panel (const Table *t)
{
  static const char *const names[] = { "region_code", "region", "indicator", "year", "value" };

  if (t->n_cols != G_N_ELEMENTS (names))
    return FALSE;
  for (guint i = 0; i < t->n_cols; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (cell (t, 1, i)));
      if (g_ascii_strcasecmp (name, names[i]) != 0)
        return FALSE;
    }
  return TRUE;
}

RlPanel *
rl_panel_load (const char *path,
               GError    **error)
{
  g_autoptr(RlPanel) panel = rl_panel_new ();
  g_autoptr(RlWorkbook) book = rl_csv_read (path, NULL, error);
  g_autofree char *sidecar = NULL;
  Table t = { path, NULL, 0 };

  if (book == NULL)
    return NULL;
  t.sheet = rl_workbook_get_sheet (book, 0);
  t.n_cols = t.sheet != NULL ? row_width (&t, 1) : 0;
  if (t.n_cols < 2)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
                   "%s: row 1: expected a header (%s, or a region column and indicator columns)",
                   path, PANEL_HEADER);
      return NULL;
    }

  if (header_is_panel (&t))
    {
      if (!load_panel_rows (panel, &t, error))
        return NULL;
      sidecar = rl_panel_sidecar_path (path);
      if (g_file_test (sidecar, G_FILE_TEST_EXISTS) && !rl_panel_load_sidecar (panel, sidecar, error))
        return NULL;
    }
  else if (!load_wide_rows (panel, &t, error))
    return NULL;

  return g_steal_pointer (&panel);
}

char *
rl_panel_sidecar_path (const char *panel_path)
{
  g_autofree char *base = g_str_has_suffix (panel_path, ".csv")
                            ? g_strndup (panel_path, strlen (panel_path) - 4)
                            : g_strdup (panel_path);

  return g_strconcat (base, ".indicators.json", NULL);
}

static void
csv_append_field (GString    *out,
                  const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
panel_to_csv (const RlPanel *self)
{
  GString *out = g_string_new (PANEL_HEADER "\n");
  g_autoptr(GArray) years = rl_panel_years (self);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint r = 0; r < rl_panel_n_regions (self); r++)
    for (guint j = 0; j < rl_panel_n_indicators (self); j++)
      for (guint y = 0; y < years->len; y++)
        {
          int year = g_array_index (years, int, y);
          double v = rl_panel_get (self, r, j, year);
          if (isnan (v))
            continue;
          csv_append_field (out, rl_panel_region_code (self, r));
          g_string_append_c (out, ',');
          csv_append_field (out, rl_panel_region_name (self, r));
          g_string_append_c (out, ',');
          csv_append_field (out, rl_panel_indicator (self, j)->id);
          g_string_append_printf (out, ",%d,%s\n", year,
                                  g_ascii_formatd (number, sizeof number, "%.15g", v));
        }
  return g_string_free (out, FALSE);
}

/* Writes @contents next to @path under a temporary name; the caller renames. */
static char *
write_temporary (const char  *path,
                 const char  *contents,
                 GError     **error)
{
  g_autofree char *tmp = g_strconcat (path, ".XXXXXX", NULL);
  GError *local = NULL;
  int fd = g_mkstemp (tmp);

  if (fd < 0 || !g_close (fd, NULL)
      || !g_file_set_contents (tmp, contents, -1, &local))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, "%s: %s", path,
                   local != NULL ? local->message : g_strerror (errno));
      g_clear_error (&local);
      if (fd >= 0)
        g_unlink (tmp);
      return NULL;
    }
  return g_steal_pointer (&tmp);
}

gboolean
rl_panel_save (const RlPanel *self,
               const char    *path,
               GError       **error)
{
  g_autofree char *csv = panel_to_csv (self);
  g_autofree char *json = rl_panel_sidecar_to_json (self);
  g_autofree char *sidecar = rl_panel_sidecar_path (path);
  g_autofree char *tmp_json = NULL, *tmp_csv = NULL;

  /* Both files are written in full under temporary names first; only then
   * are they renamed over the old ones, so a failed write (a full disk, a
   * folder without permission) leaves the existing panel and sidecar as
   * they were. */
  if ((tmp_json = write_temporary (sidecar, json, error)) == NULL)
    return FALSE;
  if ((tmp_csv = write_temporary (path, csv, error)) == NULL)
    {
      g_unlink (tmp_json);
      return FALSE;
    }
  if (g_rename (tmp_json, sidecar) != 0 || g_rename (tmp_csv, path) != 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, "%s: %s", path, g_strerror (errno));
      g_unlink (tmp_json);
      g_unlink (tmp_csv);
      return FALSE;
    }
  return TRUE;
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

char *
rl_panel_sidecar_to_json (const RlPanel *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "indicators");
  json_builder_begin_array (builder);
  for (guint j = 0; j < rl_panel_n_indicators (self); j++)
    {
      const RlIndicator *ind = rl_panel_indicator (self, j);
      json_builder_begin_object (builder);
      add_string_member (builder, "id", ind->id);
      json_builder_set_member_name (builder, "name");
      json_builder_begin_object (builder);
      add_string_member (builder, "en", ind->name_en);
      add_string_member (builder, "ru", ind->name_ru);
      add_string_member (builder, "uk", ind->name_uk);
      json_builder_end_object (builder);
      add_string_member (builder, "unit", ind->unit);
      add_string_member (builder, "polarity", rl_polarity_to_string (ind->polarity));
      add_string_member (builder, "source", ind->source);
      add_string_member (builder, "formula", ind->formula);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static char *
dup_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static gboolean
read_sidecar_entry (RlPanel    *self,
                    JsonObject *object,
                    const char *path,
                    guint       index,
                    GError    **error)
{
  g_autofree char *id = dup_member (object, "id");
  g_autofree char *polarity = dup_member (object, "polarity");
  JsonNode *names = json_object_get_member (object, "name");
  RlIndicator *ind;

  if (id == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: indicator %u has no “id”", path, index + 1);
      return FALSE;
    }
  ind = rl_panel_indicator (self, rl_panel_add_indicator (self, id));
  if (polarity != NULL && !rl_polarity_from_string (polarity, &ind->polarity))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
                   "%s: indicator “%s”: polarity “%s” is not “+”, “-” or empty", path, id, polarity);
      return FALSE;
    }
  if (names != NULL && JSON_NODE_HOLDS_OBJECT (names))
    {
      JsonObject *n = json_node_get_object (names);
      g_free (ind->name_en), ind->name_en = dup_member (n, "en");
      g_free (ind->name_ru), ind->name_ru = dup_member (n, "ru");
      g_free (ind->name_uk), ind->name_uk = dup_member (n, "uk");
    }
  g_free (ind->unit), ind->unit = dup_member (object, "unit");
  g_free (ind->source), ind->source = dup_member (object, "source");
  g_free (ind->formula), ind->formula = dup_member (object, "formula");
  return TRUE;
}

gboolean
rl_panel_load_sidecar (RlPanel    *self,
                       const char *path,
                       GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GError *local = NULL;
  JsonNode *root, *list;

  if (!json_parser_load_from_file (parser, path, &local))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: %s", path, local->message);
      g_error_free (local);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  list = JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_member (json_node_get_object (root), "indicators")
                                       : NULL;
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: expected an object with an “indicators” array",
                   path);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *entry = json_array_get_element (json_node_get_array (list), i);
      if (!JSON_NODE_HOLDS_OBJECT (entry))
        {
          g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: indicator %u is not an object", path, i + 1);
          return FALSE;
        }
      if (!read_sidecar_entry (self, json_node_get_object (entry), path, i, error))
        return FALSE;
    }
  return TRUE;
}
