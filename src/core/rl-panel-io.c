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
 * encoding sniffing, quotes, blank lines kept so row numbers match) one
 * record at a time, straight into the panel. */
typedef struct
{
  const char  *path;
  RlCsvReader *reader;
  GStrv        header;  /* the fields of row 1 */
  guint        n_cols;  /* the header's width */
  GString     *code;    /* the last region's code and name, and its index */
  GString     *name;
  guint        region;
  GString     *id;      /* the last indicator's id, and its index */
  guint        indicator;
} Table;

static const char *
cell (const Table *t,
      guint        col)
{
  return rl_csv_reader_field (t->reader, col);
}

static guint64
row_of (const Table *t)
{
  return rl_csv_reader_row (t->reader);
}

static gboolean
text_is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
row_is_blank (const Table *t)
{
  for (guint c = 0; c < t->n_cols; c++)
    if (!text_is_blank (cell (t, c)))
      return FALSE;
  return TRUE;
}

/* Columns in use in the record: up to the last non-empty field. */
static guint
row_width (const Table *t)
{
  for (guint c = rl_csv_reader_n_fields (t->reader); c > 0; c--)
    if (*cell (t, c - 1) != '\0')
      return c;
  return 0;
}

/* A numeric cell; empty, NA and NaN cells are missing (NaN). Decimal commas
 * and thousands separators are accepted. */
static gboolean
parse_value (const char *text,
             double     *out)
{
  const char *start = text, *end = text + strlen (text);
  char buf[128];
  g_autofree char *copy = NULL;
  const char *trimmed;
  gsize len;

  while (g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  len = (gsize) (end - start);
  if (len < sizeof buf)
    {
      memcpy (buf, start, len);
      buf[len] = '\0';
      trimmed = buf;
    }
  else
    trimmed = copy = g_strndup (start, len);
  if (len == 0 || g_ascii_strcasecmp (trimmed, "na") == 0 || g_ascii_strcasecmp (trimmed, "nan") == 0)
    {
      *out = NAN;
      return TRUE;
    }
  return rl_parse_number (trimmed, out) && isfinite (*out);
}

static gboolean
set_cell_error (GError     **error,
                const Table *t,
                guint        column,
                const char  *text,
                const char  *expected)
{
  const char *name = column < g_strv_length (t->header) ? t->header[column] : "";

  g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
               "%s: row %" G_GUINT64_FORMAT ", column %u (%s): “%s” is not %s", t->path,
               row_of (t), column + 1, name, text, expected);
  return FALSE;
}

static gboolean
check_width (const Table *t,
             GError     **error)
{
  guint width = row_width (t);

  if (width <= t->n_cols)
    return TRUE;
  g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
               "%s: row %" G_GUINT64_FORMAT ": expected %u columns, found %u", t->path, row_of (t),
               t->n_cols, width);
  return FALSE;
}

/* The region of the record, looked up only when it is not the last one's. */
static guint
table_region (Table      *t,
              RlPanel    *panel,
              const char *code,
              const char *name)
{
  if (t->code->len > 0 || t->name->len > 0)
    if (strcmp (t->code->str, code) == 0 && strcmp (t->name->str, name) == 0)
      return t->region;
  t->region = rl_panel_add_region (panel, code, name);
  g_string_assign (t->code, code);
  g_string_assign (t->name, name);
  return t->region;
}

static guint
table_indicator (Table      *t,
                 RlPanel    *panel,
                 const char *id)
{
  if (t->id->len == 0 || strcmp (t->id->str, id) != 0)
    {
      t->indicator = rl_panel_add_indicator (panel, id);
      g_string_assign (t->id, id);
    }
  return t->indicator;
}

/* Reads the next record into t; FALSE at the end or on an error. */
static gboolean
next_row (Table   *t,
          GError **error)
{
  return rl_csv_reader_next (t->reader, error);
}

static gboolean
load_panel_rows (RlPanel *panel,
                 Table   *t,
                 GError **error)
{
  GError *local = NULL;

  while (next_row (t, &local))
    {
      const char *code = cell (t, 0), *name = cell (t, 1), *id = cell (t, 2);
      double value;
      gint64 year;
      guint r, j;

      if (row_is_blank (t))
        continue;
      if (!check_width (t, error))
        return FALSE;
      if (*code == '\0' && *name == '\0')
        return set_cell_error (error, t, 1, name, "a region");
      if (*id == '\0')
        return set_cell_error (error, t, 2, id, "an indicator id");
      if (!g_ascii_string_to_signed (cell (t, 3), 10, 1, 9999, &year, NULL))
        return set_cell_error (error, t, 3, cell (t, 3), "a year");
      if (!parse_value (cell (t, 4), &value))
        return set_cell_error (error, t, 4, cell (t, 4), "a number");
      r = table_region (t, panel, code, name);
      j = table_indicator (t, panel, id);
      if (!isnan (value))
        rl_panel_set (panel, r, j, (int) year, value);
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
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
      g_autofree char *id = g_strstrip (g_strdup (t->header[c]));
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
load_wide_row (RlPanel     *panel,
               const Table *t,
               const guint *indicators,
               GError     **error)
{
  g_autofree char *name = g_strstrip (g_strdup (cell (t, 0)));
  guint r;

  if (*name == '\0' || rl_panel_find_region (panel, name) >= 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
                   "%s: row %" G_GUINT64_FORMAT ", column 1: %s region name “%s”", t->path,
                   row_of (t), *name ? "duplicate" : "empty", name);
      return FALSE;
    }
  r = rl_panel_add_region (panel, NULL, name);
  for (guint c = 1; c < t->n_cols; c++)
    {
      double value;
      if (!parse_value (cell (t, c), &value))
        return set_cell_error (error, t, c, cell (t, c), "a number");
      if (!isnan (value))
        rl_panel_set (panel, r, indicators[c], RL_YEAR_NONE, value);
    }
  return TRUE;
}

static gboolean
load_wide_rows (RlPanel *panel,
                Table   *t,
                GError **error)
{
  g_autofree guint *indicators = g_new0 (guint, t->n_cols);
  GError *local = NULL;

  if (!add_wide_indicators (panel, t, indicators, error))
    return FALSE;
  while (next_row (t, &local))
    {
      if (row_is_blank (t))
        continue;
      if (!check_width (t, error) || !load_wide_row (panel, t, indicators, error))
        return FALSE;
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
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
      g_autofree char *name = g_strstrip (g_strdup (t->header[i]));
      if (g_ascii_strcasecmp (name, names[i]) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Reads row 1 into t->header. A file without any text says it is empty;
 * a first row of fewer than two columns is no header. */
static gboolean
read_header (Table   *t,
             GError **error)
{
  GError *local = NULL;
  gboolean blank;

  if (!next_row (t, &local))
    {
      if (local != NULL)
        g_propagate_error (error, local);
      else
        rl_csv_reader_set_empty_error (t->reader, error);
      return FALSE;
    }
  t->n_cols = row_width (t);
  t->header = g_new0 (char *, t->n_cols + 1);
  for (guint c = 0; c < t->n_cols; c++)
    t->header[c] = g_strdup (cell (t, c));
  if (t->n_cols >= 2)
    return TRUE;
  blank = rl_csv_reader_is_blank (t->reader);
  while (blank && next_row (t, &local))
    blank = rl_csv_reader_is_blank (t->reader);
  if (local != NULL)
    g_propagate_error (error, local);
  else if (blank)
    rl_csv_reader_set_empty_error (t->reader, error);
  else
    g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
                 "%s: row 1: expected a header (%s, or a region column and indicator columns)",
                 t->path, PANEL_HEADER);
  return FALSE;
}

static void
table_clear (Table *t)
{
  g_clear_pointer (&t->reader, rl_csv_reader_free);
  g_clear_pointer (&t->header, g_strfreev);
  g_string_free (t->code, TRUE);
  g_string_free (t->name, TRUE);
  g_string_free (t->id, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Table, table_clear)

RlPanel *
rl_panel_load (const char *path,
               GError    **error)
{
  g_autoptr(RlPanel) panel = rl_panel_new ();
  g_auto(Table) t = { path, NULL, NULL, 0, g_string_new (NULL), g_string_new (NULL), 0,
                      g_string_new (NULL), 0 };
  g_autofree char *sidecar = NULL;

  t.reader = rl_csv_reader_open (path, NULL, error);
  if (t.reader == NULL || !read_header (&t, error))
    return NULL;
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
