/* rl-panel-io.c — reading and writing panels: panel CSV, wide CSV, sidecar
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-panel.h"

#include <errno.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rl-error.h"

#define PANEL_HEADER "region_code,region,indicator,year,value"

typedef struct
{
  const char *path;
  const char *p;      /* next character */
  const char *end;
  char        delim;
  guint       row;    /* 1-based row of the record just read */
  guint       next_row;
} CsvReader;

/* Splits the next record into fields; returns NULL at the end of input.
 * Quoted fields may hold delimiters, doubled quotes and line breaks. */
static GPtrArray *
csv_next (CsvReader *reader,
          GError   **error)
{
  GPtrArray *fields;
  GString *field;
  gboolean quoted = FALSE;

  if (reader->p >= reader->end)
    return NULL;
  fields = g_ptr_array_new_with_free_func (g_free);
  field = g_string_new (NULL);
  reader->row = reader->next_row;
  while (reader->p < reader->end)
    {
      char c = *reader->p++;
      if (quoted)
        {
          if (c == '"' && reader->p < reader->end && *reader->p == '"')
            g_string_append_c (field, *reader->p++);
          else if (c == '"')
            quoted = FALSE;
          else
            {
              reader->next_row += c == '\n';
              g_string_append_c (field, c);
            }
        }
      else if (c == '"' && field->len == 0)
        quoted = TRUE;
      else if (c == reader->delim)
        {
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          field = g_string_new (NULL);
        }
      else if (c == '\n' || c == '\r')
        {
          if (c == '\r' && reader->p < reader->end && *reader->p == '\n')
            reader->p++;
          reader->next_row++;
          break;
        }
      else
        g_string_append_c (field, c);
    }
  if (quoted)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
                   "%s: row %u: a quoted field is not closed", reader->path, reader->row);
      g_string_free (field, TRUE);
      g_ptr_array_unref (fields);
      return NULL;
    }
  g_ptr_array_add (fields, g_string_free (field, FALSE));
  return fields;
}

static gboolean
record_is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    if (*g_strstrip ((char *) fields->pdata[i]) != '\0')
      return FALSE;
  return TRUE;
}

static char
sniff_delimiter (const char *line,
                 const char *end)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (const char *p = line; p < end && *p != '\n'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted)
        {
          commas += *p == ',';
          semicolons += *p == ';';
          tabs += *p == '\t';
        }
    }
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return semicolons > commas ? ';' : ',';
}

/* Parses a numeric cell: '.' decimals, or ',' decimals when the delimiter is
 * not ','. Empty, NA and NaN cells are missing (NaN). */
static gboolean
parse_value (const char *text,
             char        delim,
             double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (*copy == '\0' || g_ascii_strcasecmp (copy, "na") == 0 || g_ascii_strcasecmp (copy, "nan") == 0)
    {
      *out = NAN;
      return TRUE;
    }
  if (delim != ',')
    g_strdelimit (copy, ",", '.');
  errno = 0;
  *out = g_ascii_strtod (copy, &end);
  return errno == 0 && end != copy && *end == '\0' && isfinite (*out);
}

static void
set_cell_error (GError    **error,
                CsvReader  *reader,
                guint       column,
                const char *column_name,
                const char *text,
                const char *expected)
{
  g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
               "%s: row %u, column %u (%s): “%s” is not %s",
               reader->path, reader->row, column + 1, column_name, text, expected);
}

static gboolean
load_panel_rows (RlPanel   *panel,
                 CsvReader *reader,
                 GError   **error)
{
  static const char *const columns[] = { "region_code", "region", "indicator", "year", "value" };
  GPtrArray *fields;
  GError *local = NULL;

  while ((fields = csv_next (reader, &local)) != NULL)
    {
      g_autoptr(GPtrArray) f = fields;
      char **s = (char **) f->pdata;
      double value;
      gint64 year;
      guint r, j;

      if (record_is_blank (f))
        continue;
      if (f->len != 5)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: row %u: expected 5 columns (%s), found %u",
                       reader->path, reader->row, PANEL_HEADER, f->len);
          return FALSE;
        }
      if (*s[0] == '\0' && *s[1] == '\0')
        return set_cell_error (error, reader, 1, columns[1], s[1], "a region"), FALSE;
      if (*s[2] == '\0')
        return set_cell_error (error, reader, 2, columns[2], s[2], "an indicator id"), FALSE;
      if (!g_ascii_string_to_signed (s[3], 10, 1, 9999, &year, NULL))
        return set_cell_error (error, reader, 3, columns[3], s[3], "a year"), FALSE;
      if (!parse_value (s[4], reader->delim, &value))
        return set_cell_error (error, reader, 4, columns[4], s[4], "a number"), FALSE;
      r = rl_panel_add_region (panel, s[0], s[1]);
      j = rl_panel_add_indicator (panel, s[2]);
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
load_wide_rows (RlPanel   *panel,
                CsvReader *reader,
                GPtrArray *header,
                GError   **error)
{
  GPtrArray *fields;
  GError *local = NULL;
  g_autofree guint *indicators = g_new0 (guint, header->len);

  for (guint c = 1; c < header->len; c++)
    {
      const char *id = g_strstrip ((char *) header->pdata[c]);
      if (*id == '\0' || rl_panel_find_indicator (panel, id) >= 0)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: row %u, column %u: %s column name “%s”",
                       reader->path, reader->row, c + 1, *id ? "duplicate" : "empty", id);
          return FALSE;
        }
      indicators[c] = rl_panel_add_indicator (panel, id);
    }

  while ((fields = csv_next (reader, &local)) != NULL)
    {
      g_autoptr(GPtrArray) f = fields;
      const char *name;
      guint r;

      if (record_is_blank (f))
        continue;
      name = g_strstrip ((char *) f->pdata[0]);
      if (f->len != header->len)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: row %u: expected %u columns, found %u",
                       reader->path, reader->row, header->len, f->len);
          return FALSE;
        }
      if (*name == '\0' || rl_panel_find_region (panel, name) >= 0)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: row %u, column 1: %s region name “%s”",
                       reader->path, reader->row, *name ? "duplicate" : "empty", name);
          return FALSE;
        }
      r = rl_panel_add_region (panel, NULL, name);
      for (guint c = 1; c < f->len; c++)
        {
          double value;
          if (!parse_value (f->pdata[c], reader->delim, &value))
            return set_cell_error (error, reader, c, header->pdata[c], f->pdata[c], "a number"), FALSE;
          if (!isnan (value))
            rl_panel_set (panel, r, indicators[c], RL_YEAR_NONE, value);
        }
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (rl_panel_n_regions (panel) == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: no data rows below the header", reader->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
header_is_panel (GPtrArray *header)
{
  static const char *const names[] = { "region_code", "region", "indicator", "year", "value" };

  if (header->len != G_N_ELEMENTS (names))
    return FALSE;
  for (guint i = 0; i < header->len; i++)
    if (g_ascii_strcasecmp (g_strstrip ((char *) header->pdata[i]), names[i]) != 0)
      return FALSE;
  return TRUE;
}

RlPanel *
rl_panel_load (const char *path,
               GError    **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(RlPanel) panel = rl_panel_new ();
  g_autoptr(GPtrArray) header = NULL;
  g_autofree char *sidecar = NULL;
  CsvReader reader = { path, NULL, NULL, ',', 0, 1 };
  GError *local = NULL;

  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, "%s", local->message);
      g_error_free (local);
      return NULL;
    }
  if (!g_utf8_validate (contents, length, NULL))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: not UTF-8 text", path);
      return NULL;
    }
  reader.p = contents;
  reader.end = contents + length;
  if (length >= 3 && memcmp (contents, "\xEF\xBB\xBF", 3) == 0)
    reader.p += 3;
  reader.delim = sniff_delimiter (reader.p, reader.end);

  header = csv_next (&reader, &local);
  if (header == NULL || header->len < 2)
    {
      if (local != NULL)
        g_propagate_error (error, local);
      else
        g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
                     "%s: row 1: expected a header (%s, or a region column and indicator columns)",
                     path, PANEL_HEADER);
      return NULL;
    }

  if (header_is_panel (header))
    {
      if (!load_panel_rows (panel, &reader, error))
        return NULL;
      sidecar = rl_panel_sidecar_path (path);
      if (g_file_test (sidecar, G_FILE_TEST_EXISTS) && !rl_panel_load_sidecar (panel, sidecar, error))
        return NULL;
    }
  else if (!load_wide_rows (panel, &reader, header, error))
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

gboolean
rl_panel_save (const RlPanel *self,
               const char    *path,
               GError       **error)
{
  g_autofree char *csv = panel_to_csv (self);
  g_autofree char *json = rl_panel_sidecar_to_json (self);
  g_autofree char *sidecar = rl_panel_sidecar_path (path);
  GError *local = NULL;

  /* Each file is replaced atomically; the sidecar goes first so a reader
   * never sees a new panel with an old sidecar. */
  if (!g_file_set_contents (sidecar, json, -1, &local) || !g_file_set_contents (path, csv, -1, &local))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, "%s", local->message);
      g_error_free (local);
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
