/* rl-recipe.c — loading and checking import recipes (data/recipes/README.md)
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-recipe-private.h"

#include <stdarg.h>

#include "rl-error.h"
#include "rl-json.h"

#define MAX_YEAR 2200

static const char *const default_missing[] = { "-", "–", "—", "…", "...", "x", "х", "н/д", NULL };

static void
indicator_free (RlRecipeIndicator *ind)
{
  g_free (ind->id);
  g_free (ind->name_en);
  g_free (ind->name_ru);
  g_free (ind->name_uk);
  g_free (ind->unit);
  g_free (ind->source);
  g_strfreev (ind->sheets);
  g_free (ind->header);
  g_free (ind);
}

static gboolean
fail_at (GError    **error,
         const char *where,
         const char *member,
         const char *message)
{
  g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s.%s: %s", where, member, message);
  return FALSE;
}

static gboolean
layout_is_wide (RlRecipeLayout layout)
{
  return layout == RL_RECIPE_LAYOUT_WIDE || layout == RL_RECIPE_LAYOUT_WIDE_GROUPED;
}

/* Whether @col lies within the recipe's first_column … last_column. */
static gboolean
column_inside (const RlRecipe *self,
               guint           col)
{
  return col >= self->first_column && (self->last_column == 0 || col <= self->last_column);
}

static gboolean
read_indicator (RlRecipe   *self,
                JsonObject *object,
                const char *where,
                GError    **error)
{
  RlRecipeIndicator *ind = g_new0 (RlRecipeIndicator, 1);
  int polarity = 0;

  ind->scale = 1.0;
  g_ptr_array_add (self->indicators, ind);
  if (!rl_json_get_string (object, "id", TRUE, where, &ind->id, error)
      || !rl_json_get_names (object, where, &ind->name_en, &ind->name_ru, &ind->name_uk, error)
      || !rl_json_get_string (object, "unit", TRUE, where, &ind->unit, error)
      || !rl_json_get_string (object, "source", TRUE, where, &ind->source, error)
      || !rl_json_get_polarity (object, where, &polarity, error)
      || !rl_json_get_strv (object, "sheet", FALSE, where, &ind->sheets, error)
      || !rl_json_get_column (object, "value_column", !layout_is_wide (self->layout),
                              where, &ind->value_column, error)
      || !rl_json_get_double (object, "scale", where, &ind->scale, error)
      || !rl_json_get_string (object, "header", self->layout == RL_RECIPE_LAYOUT_WIDE_GROUPED,
                              where, &ind->header, error))
    return FALSE;
  ind->polarity = polarity;
  if (ind->value_column > 0 && !column_inside (self, ind->value_column))
    return fail_at (error, where, "value_column",
                    "outside the columns read (first_column … last_column)");
  if (!g_regex_match_simple ("^[a-z][a-z0-9_]*$", ind->id, 0, 0))
    return fail_at (error, where, "id", "expected lower-case letters, digits and “_”");
  return TRUE;
}

static gboolean
read_indicators (RlRecipe   *self,
                 JsonObject *root,
                 const char *where,
                 GError    **error)
{
  JsonNode *node = json_object_get_member (root, "indicators");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node)
      || json_array_get_length (json_node_get_array (node)) == 0)
    return fail_at (error, where, "indicators", "expected a non-empty array of indicators");
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *inner = g_strdup_printf ("%s.indicators[%u]", where, i);

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return fail_at (error, inner, "", "expected an object");
      if (!read_indicator (self, json_node_get_object (item), inner, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_layout (RlRecipe   *self,
             JsonObject *root,
             const char *where,
             GError    **error)
{
  g_autofree char *layout = NULL;

  if (!rl_json_get_string (root, "layout", TRUE, where, &layout, error))
    return FALSE;
  if (g_str_equal (layout, "wide"))
    self->layout = RL_RECIPE_LAYOUT_WIDE;
  else if (g_str_equal (layout, "long"))
    self->layout = RL_RECIPE_LAYOUT_LONG;
  else if (g_str_equal (layout, "columns"))
    self->layout = RL_RECIPE_LAYOUT_COLUMNS;
  else if (g_str_equal (layout, "wide-grouped"))
    self->layout = RL_RECIPE_LAYOUT_WIDE_GROUPED;
  else
    return fail_at (error, where, "layout",
                    "expected \"wide\", \"wide-grouped\", \"long\" or \"columns\"");
  return TRUE;
}

static gboolean
read_period (RlRecipe   *self,
             JsonObject *root,
             const char *where,
             GError    **error)
{
  JsonNode *node = json_object_get_member (root, "period");
  g_autofree char *inner = g_strconcat (where, ".period", NULL);
  g_autofree char *months = NULL;
  JsonObject *period;
  JsonNode *complete;

  self->period = RL_PERIOD_YEAR;
  self->period_complete = TRUE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (error, where, "period", "expected an object {\"months\": …}");
  period = json_node_get_object (node);
  if (!rl_json_get_string (period, "months", TRUE, inner, &months, error)
      || !rl_json_get_uint (period, "month", 1, 12, inner, &self->period_month, error))
    return FALSE;
  complete = json_object_get_member (period, "complete");
  if (complete != NULL && !JSON_NODE_HOLDS_NULL (complete))
    {
      if (!JSON_NODE_HOLDS_VALUE (complete)
          || json_node_get_value_type (complete) != G_TYPE_BOOLEAN)
        return fail_at (error, inner, "complete", "expected true or false");
      self->period_complete = json_node_get_boolean (complete);
    }
  if (g_str_equal (months, "sum"))
    self->period = RL_PERIOD_SUM;
  else if (g_str_equal (months, "mean"))
    self->period = RL_PERIOD_MEAN;
  else if (g_str_equal (months, "month") && self->period_month > 0)
    self->period = RL_PERIOD_MONTH;
  else
    return fail_at (error, inner, "months",
                    "expected \"sum\", \"mean\", or \"month\" with \"month\": 1…12");
  return TRUE;
}

static gboolean
read_filter (RlRecipe   *self,
             JsonNode   *node,
             const char *where,
             GError    **error)
{
  g_autofree char *equals = NULL;
  guint col = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: expected {\"column\", \"equals\"}",
                   where);
      return FALSE;
    }
  if (!rl_json_get_column (json_node_get_object (node), "column", TRUE, where, &col, error)
      || !rl_json_get_string (json_node_get_object (node), "equals", TRUE, where, &equals, error))
    return FALSE;
  g_array_append_val (self->filter_columns, col);
  self->filter_equals = g_realloc_n (self->filter_equals, self->filter_columns->len + 1,
                                     sizeof (char *));
  self->filter_equals[self->filter_columns->len - 1] = g_steal_pointer (&equals);
  self->filter_equals[self->filter_columns->len] = NULL;
  return TRUE;
}

/* One {"column", "equals"} or an array of them. */
static gboolean
read_filters (RlRecipe   *self,
              JsonNode   *node,
              const char *where,
              GError    **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *inner = g_strconcat (where, ".filter", NULL);
      return read_filter (self, node, inner, error);
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *inner = g_strdup_printf ("%s.filter[%u]", where, i);
      if (!read_filter (self, json_array_get_element (array, i), inner, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_rows (RlRecipe   *self,
           JsonObject *root,
           const char *where,
           GError    **error)
{
  JsonNode *node;
  g_autofree char *inner = NULL;
  g_autofree char *combine = NULL;


  node = json_object_get_member (root, "filter");
  if (node != NULL && !read_filters (self, node, where, error))
    return FALSE;
  node = json_object_get_member (root, "top_level");
  if (node != NULL)
    {
      g_free (inner);
      inner = g_strconcat (where, ".top_level", NULL);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail_at (error, where, "top_level", "expected {\"column\", \"exclude\"}");
      if (!rl_json_get_column (json_node_get_object (node), "column", TRUE, inner,
                               &self->top_level_column, error)
          || !rl_json_get_strv (json_node_get_object (node), "exclude", FALSE, inner,
                                &self->top_level_exclude, error))
        return FALSE;
    }
  if (!rl_json_get_string (root, "combine", FALSE, where, &combine, error))
    return FALSE;
  if (combine == NULL || g_str_equal (combine, "unique"))
    self->combine = RL_COMBINE_UNIQUE;
  else if (g_str_equal (combine, "sum"))
    self->combine = RL_COMBINE_SUM;
  else
    return fail_at (error, where, "combine", "expected \"unique\" or \"sum\"");
  return TRUE;
}

static gboolean
read_regions (RlRecipe   *self,
              JsonObject *root,
              const char *where,
              GError    **error)
{
  JsonNode *node = json_object_get_member (root, "regions");
  g_autofree char *inner = g_strconcat (where, ".regions", NULL);
  g_autoptr(GList) members = NULL;
  JsonObject *regions;
  JsonNode *codes;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (error, where, "regions", "expected {\"codes\", \"ignore\", \"ignore_prefix\"}");
  regions = json_node_get_object (node);
  if (!rl_json_get_strv (regions, "ignore", FALSE, inner, &self->ignore, error)
      || !rl_json_get_strv (regions, "ignore_prefix", FALSE, inner, &self->ignore_prefix, error))
    return FALSE;
  codes = json_object_get_member (regions, "codes");
  if (codes == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (codes))
    return fail_at (error, inner, "codes", "expected an object {\"label\": \"RU-XXX\"}");
  members = json_object_get_members (json_node_get_object (codes));
  for (GList *m = members; m != NULL; m = m->next)
    {
      g_autofree char *code = NULL;
      g_autofree char *codes_where = g_strconcat (inner, ".codes", NULL);
      if (!rl_json_get_string (json_node_get_object (codes), m->data, TRUE, codes_where, &code,
                               error))
        return FALSE;
      g_hash_table_insert (self->codes, g_strdup (m->data), g_steal_pointer (&code));
    }
  return TRUE;
}

static gboolean
read_year (RlRecipe   *self,
           JsonObject *root,
           const char *where,
           GError    **error)
{
  JsonNode *node = json_object_get_member (root, "year");

  self->year = 0;
  if (node == NULL)
    return self->layout != RL_RECIPE_LAYOUT_COLUMNS
           || fail_at (error, where, "year", "the columns layout needs a year, or \"file\"");
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
      && g_str_equal (json_node_get_string (node), "file"))
    {
      self->year = -1;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64
      || json_node_get_int (node) < 1800 || json_node_get_int (node) > MAX_YEAR)
    return fail_at (error, where, "year", "expected a year (2020) or \"file\"");
  self->year = (int) json_node_get_int (node);
  return TRUE;
}

/* The columns read, the indicator row of a grouped layout, and the columns
 * named elsewhere inside them. */
static gboolean
read_columns (RlRecipe   *self,
              JsonObject *root,
              const char *where,
              GError    **error)
{
  gboolean grouped = self->layout == RL_RECIPE_LAYOUT_WIDE_GROUPED;

  self->first_column = 1;
  if (!rl_json_get_column (root, "first_column", FALSE, where, &self->first_column, error)
      || !rl_json_get_column (root, "last_column", FALSE, where, &self->last_column, error)
      || !rl_json_get_uint (root, "indicator_row", 1, RL_GRID_MAX_ROWS, where,
                            &self->indicator_row, error))
    return FALSE;
  if (grouped && self->indicator_row == 0)
    return fail_at (error, where, "indicator_row", "the wide-grouped layout needs one");
  if (self->last_column > 0 && self->last_column < self->first_column)
    return fail_at (error, where, "last_column", "before first_column");
  if (!column_inside (self, self->region_column))
    return fail_at (error, where, "region_column",
                    "outside the columns read (first_column … last_column)");
  if (self->year_column > 0 && !column_inside (self, self->year_column))
    return fail_at (error, where, "year_column",
                    "outside the columns read (first_column … last_column)");
  return TRUE;
}

static gboolean
read_grid (RlRecipe   *self,
           JsonObject *root,
           const char *where,
           GError    **error)
{
  self->header_row = 1;
  self->region_column = 1;
  if (!rl_json_get_string (root, "sheet", FALSE, where, &self->sheet, error)
      || !rl_json_get_column (root, "region_column", FALSE, where, &self->region_column, error)
      || !rl_json_get_uint (root, "header_row", 1, RL_GRID_MAX_ROWS, where, &self->header_row,
                            error)
      || !rl_json_get_uint (root, "first_row", 1, RL_GRID_MAX_ROWS, where, &self->first_row,
                            error)
      || !rl_json_get_uint (root, "last_row", 1, RL_GRID_MAX_ROWS, where, &self->last_row, error)
      || !rl_json_get_uint (root, "value_row_offset", 0, 100, where, &self->value_row_offset,
                            error)
      || !rl_json_get_string (root, "value_row_prefix", FALSE, where, &self->value_row_prefix,
                              error)
      || !rl_json_get_column (root, "year_column", self->layout == RL_RECIPE_LAYOUT_LONG, where,
                              &self->year_column, error))
    return FALSE;
  if (self->first_row == 0)
    self->first_row = self->header_row + 1;
  return read_columns (self, root, where, error);
}

static void
signature_cell_clear (RlSignatureCell *cell)
{
  g_free (cell->text);
}

/* One {"cell": "A3", "text": "GLOB"} of a signature. */
static gboolean
read_signature_cell (RlRecipe   *self,
                     JsonNode   *node,
                     const char *where,
                     GError    **error)
{
  g_autofree char *ref = NULL;
  g_autofree char *text = NULL;
  RlSignatureCell cell = { 0, 0, NULL };
  const char *end = NULL;
  guint64 row = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (error, where, "", "expected {\"cell\": \"A3\", \"text\": \"…\"}");
  if (!rl_json_get_string (json_node_get_object (node), "cell", TRUE, where, &ref, error)
      || !rl_json_get_string (json_node_get_object (node), "text", TRUE, where, &text, error))
    return FALSE;
  cell.col = rl_column_parse (ref, &end);
  if (cell.col == 0 || !g_ascii_isdigit (*end)
      || !g_ascii_string_to_unsigned (end, 10, 1, RL_GRID_MAX_ROWS, &row, NULL))
    return fail_at (error, where, "cell", "expected a cell name such as \"A3\"");
  cell.row = (guint) row;
  cell.text = rl_recipe_text_key (text);
  g_array_append_val (self->signature_cells, cell);
  return TRUE;
}

/* "signature": {"sheet": "GLOB", "cells": [{"cell", "text"}, …]}. */
static gboolean
read_signature (RlRecipe   *self,
                JsonObject *root,
                const char *where,
                GError    **error)
{
  JsonNode *node = json_object_get_member (root, "signature");
  g_autofree char *inner = g_strconcat (where, ".signature", NULL);
  JsonNode *cells;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (error, where, "signature", "expected {\"sheet\", \"cells\"}");
  if (!rl_json_get_string (json_node_get_object (node), "sheet", FALSE, inner,
                           &self->signature_sheet, error))
    return FALSE;
  cells = json_object_get_member (json_node_get_object (node), "cells");
  if (cells == NULL || !JSON_NODE_HOLDS_ARRAY (cells)
      || json_array_get_length (json_node_get_array (cells)) == 0)
    return fail_at (error, inner, "cells", "expected a non-empty array of cells");
  self->signature_cells = g_array_new (FALSE, FALSE, sizeof (RlSignatureCell));
  g_array_set_clear_func (self->signature_cells, (GDestroyNotify) signature_cell_clear);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (cells)); i++)
    {
      g_autofree char *at = g_strdup_printf ("%s.cells[%u]", inner, i);
      if (!read_signature_cell (self, json_array_get_element (json_node_get_array (cells), i),
                                at, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean read_recipe (RlRecipe   *self,
                             JsonObject *root,
                             const char *where,
                             GError    **error);

static RlRecipe *
recipe_new (const char *path)
{
  RlRecipe *self = g_new0 (RlRecipe, 1);

  self->path = g_strdup (path);
  self->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) indicator_free);
  self->filter_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

/* The recipe's members with @part's in their place: the JSON a part is read from. */
static JsonObject *
part_object (JsonObject *root,
             JsonObject *part)
{
  JsonObject *merged = json_object_new ();
  g_autoptr(GList) names = json_object_get_members (root);
  g_autoptr(GList) own = json_object_get_members (part);

  for (GList *n = names; n != NULL; n = n->next)
    if (!g_str_equal (n->data, "parts") && !g_str_equal (n->data, "signature"))
      json_object_set_member (merged, n->data,
                              json_node_copy (json_object_get_member (root, n->data)));
  for (GList *n = own; n != NULL; n = n->next)
    json_object_set_member (merged, n->data,
                            json_node_copy (json_object_get_member (part, n->data)));
  return merged;
}

static gboolean
read_part (RlRecipe   *self,
           JsonObject *root,
           JsonNode   *node,
           const char *where,
           GError    **error)
{
  static const char *const members[] = {
    "header_row", "indicator_row", "first_row", "last_row", "first_column", "last_column",
    "region_column", "year_column", "year", "sheet", "indicators", NULL,
  };
  g_autoptr(GList) names = NULL;
  g_autoptr(JsonObject) merged = NULL;
  RlRecipe *part;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (error, where, "", "expected an object");
  names = json_object_get_members (json_node_get_object (node));
  for (GList *n = names; n != NULL; n = n->next)
    if (!g_strv_contains (members, n->data))
      return fail_at (error, where, n->data, "not a member a part may set");
  merged = part_object (root, json_node_get_object (node));
  part = recipe_new (self->path);
  g_ptr_array_add (self->parts, part);
  return read_recipe (part, merged, where, error);
}

/* "parts": tables of one file, each read as the recipe with its own members. */
static gboolean
read_parts (RlRecipe   *self,
            JsonObject *root,
            const char *where,
            GError    **error)
{
  JsonNode *node = json_object_get_member (root, "parts");
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    return fail_at (error, where, "parts", "expected a non-empty array of objects");
  array = json_node_get_array (node);
  self->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) rl_recipe_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *inner = g_strdup_printf ("%s.parts[%u]", where, i);
      if (!read_part (self, root, json_array_get_element (array, i), inner, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_recipe (RlRecipe   *self,
             JsonObject *root,
             const char *where,
             GError    **error)
{
  if (!rl_json_get_string (root, "id", TRUE, where, &self->id, error)
      || !rl_json_get_strv (root, "files", TRUE, where, &self->files, error)
      || !rl_json_get_string (root, "skip", FALSE, where, &self->skip, error))
    return FALSE;
  if (self->skip != NULL)
    return TRUE;
  if (json_object_has_member (root, "parts"))
    return read_parts (self, root, where, error);
  if (!read_layout (self, root, where, error)
      || !read_grid (self, root, where, error)
      || !read_year (self, root, where, error)
      || !read_period (self, root, where, error)
      || !read_rows (self, root, where, error)
      || !read_regions (self, root, where, error)
      || !rl_json_get_strv (root, "missing", FALSE, where, &self->missing, error)
      || !read_indicators (self, root, where, error))
    return FALSE;
  if (self->missing == NULL)
    self->missing = g_strdupv ((char **) default_missing);
  return TRUE;
}

RlRecipe *
rl_recipe_load_from_data (const char *data,
                          gssize      length,
                          const char *name,
                          GError    **error)
{
  g_autoptr(RlRecipe) self = recipe_new (name);
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *where = g_strconcat (name, ": $", NULL);
  JsonObject *root = NULL;

  parser = rl_json_parse_object (data, length, name, &root, error);
  if (parser == NULL || !read_signature (self, root, where, error)
      || !read_recipe (self, root, where, error))
    return NULL;
  return g_steal_pointer (&self);
}

RlRecipe *
rl_recipe_load (const char *path,
                GError    **error)
{
  gsize length = 0;
  g_autofree char *data = rl_json_read_file (path, &length, error);

  if (data == NULL)
    return NULL;
  return rl_recipe_load_from_data (data, length, path, error);
}

void
rl_recipe_free (RlRecipe *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_free (self->id);
  g_strfreev (self->files);
  g_free (self->sheet);
  g_clear_pointer (&self->filter_columns, g_array_unref);
  g_strfreev (self->filter_equals);
  g_free (self->skip);
  g_free (self->value_row_prefix);
  g_strfreev (self->top_level_exclude);
  g_strfreev (self->missing);
  g_clear_pointer (&self->codes, g_hash_table_unref);
  g_strfreev (self->ignore);
  g_strfreev (self->ignore_prefix);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->parts, g_ptr_array_unref);
  g_free (self->signature_sheet);
  g_clear_pointer (&self->signature_cells, g_array_unref);
  g_free (self);
}

const char *
rl_recipe_get_id (const RlRecipe *self)
{
  return self->id;
}

const char *
rl_recipe_get_path (const RlRecipe *self)
{
  return self->path;
}

guint
rl_recipe_n_indicators (const RlRecipe *self)
{
  guint n = self->indicators->len;

  for (guint p = 0; self->parts != NULL && p < self->parts->len; p++)
    n += rl_recipe_n_indicators (self->parts->pdata[p]);
  return n;
}

/* The indicators of a recipe with parts are those of its parts in turn. */
const RlRecipeIndicator *
rl_recipe_get_indicator (const RlRecipe *self,
                         guint           i)
{
  g_return_val_if_fail (i < rl_recipe_n_indicators (self), NULL);
  if (i < self->indicators->len)
    return self->indicators->pdata[i];
  i -= self->indicators->len;
  for (guint p = 0; p < self->parts->len; p++)
    {
      const RlRecipe *part = self->parts->pdata[p];
      if (i < rl_recipe_n_indicators (part))
        return rl_recipe_get_indicator (part, i);
      i -= rl_recipe_n_indicators (part);
    }
  return NULL;
}

const char *
rl_recipe_file_pattern (const RlRecipe *self,
                        const char     *path)
{
  g_autofree char *base = g_path_get_basename (path);

  for (char **p = self->files; p != NULL && *p != NULL; p++)
    if (g_pattern_match_simple (*p, base))
      return *p;
  return NULL;
}

gboolean
rl_recipe_fits_file (const RlRecipe *self,
                     const char     *path)
{
  return rl_recipe_file_pattern (self, path) != NULL;
}

/* @text trimmed, each run of white space one space. */
static char *
collapse_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_string_free (out, FALSE);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0xA0 || c == 0x202F)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
rl_recipe_text_key (const char *text)
{
  g_autofree char *collapsed = collapse_space (text);
  g_autofree char *folded = g_utf8_casefold (collapsed, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

static gboolean
sheet_fits (const RlRecipe *self,
            const RlSheet  *sheet)
{
  if (self->signature_sheet != NULL)
    {
      g_autofree char *pattern = rl_recipe_text_key (self->signature_sheet);
      g_autofree char *name = rl_recipe_text_key (rl_sheet_get_name (sheet));
      if (!g_pattern_match_simple (pattern, name))
        return FALSE;
    }
  for (guint i = 0; i < self->signature_cells->len; i++)
    {
      const RlSignatureCell *cell = &g_array_index (self->signature_cells, RlSignatureCell, i);
      g_autofree char *text = rl_recipe_text_key (rl_sheet_get_text (sheet, cell->row, cell->col));
      if (!g_pattern_match_simple (cell->text, text))
        return FALSE;
    }
  return TRUE;
}

/* "sheet “X”, A3 “the first 40 characters…”". */
static char *
fit_reason (const RlRecipe *self,
            const RlSheet  *sheet)
{
  const RlSignatureCell *cell = &g_array_index (self->signature_cells, RlSignatureCell, 0);
  g_autofree char *text = collapse_space (rl_sheet_get_text (sheet, cell->row, cell->col));
  g_autofree char *col = rl_column_name (cell->col);
  glong n = g_utf8_strlen (text, -1);
  g_autofree char *shown = n > 40 ? g_utf8_substring (text, 0, 40) : g_strdup (text);

  return g_strdup_printf ("sheet “%s”, %s%u “%s%s”", rl_sheet_get_name (sheet), col, cell->row,
                          shown, n > 40 ? "…" : "");
}

gboolean
rl_recipe_fits_content (const RlRecipe *self,
                        RlWorkbook     *wb,
                        char          **why)
{
  if (self->signature_cells == NULL)
    return FALSE;
  for (guint s = 0; s < rl_workbook_n_sheets (wb); s++)
    {
      const RlSheet *sheet = rl_workbook_get_sheet (wb, s);
      if (!sheet_fits (self, sheet))
        continue;
      if (why != NULL)
        *why = fit_reason (self, sheet);
      return TRUE;
    }
  return FALSE;
}

RlImportReport *
rl_import_report_new (void)
{
  RlImportReport *self = g_new0 (RlImportReport, 1);

  self->lines = g_ptr_array_new_with_free_func (g_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  self->conflicts = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
rl_import_report_free (RlImportReport *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->lines);
  g_ptr_array_unref (self->notes);
  g_ptr_array_unref (self->conflicts);
  g_free (self);
}

void
rl_import_report_note (RlImportReport *self,
                       const char     *format,
                       ...)
{
  va_list args;

  if (self == NULL)
    return;
  va_start (args, format);
  g_ptr_array_add (self->notes, g_strdup_vprintf (format, args));
  va_end (args);
}
