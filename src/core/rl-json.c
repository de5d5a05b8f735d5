/* rl-json.c — reading typed members of JSON documents with errors that name the place
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-json.h"

#include "rl-error.h"
#include "rl-grid.h"
#include "rl-panel.h"

static JsonNode *
get_member (JsonObject *object,
            const char *member,
            gboolean    required,
            const char *where,
            GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    return node;
  if (required)
    g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s.%s: missing, and it is required",
                 where, member);
  return NULL;
}

static gboolean
wrong_type (const char *where,
            const char *member,
            const char *expected,
            GError    **error)
{
  g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s.%s: expected %s", where, member, expected);
  return FALSE;
}

JsonParser *
rl_json_parse_object (const char  *data,
                      gssize       length,
                      const char  *name,
                      JsonObject **root,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  JsonNode *node;

  if (!json_parser_load_from_data (parser, data, length, &local))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: not valid JSON: %s", name, local->message);
      return NULL;
    }
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: $: expected a JSON object", name);
      return NULL;
    }
  *root = json_node_get_object (node);
  return g_steal_pointer (&parser);
}

char *
rl_json_read_file (const char *path,
                   gsize      *length,
                   GError    **error)
{
  char *data = NULL;
  GError *local = NULL;

  if (!g_file_get_contents (path, &data, length, &local))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, "%s", local->message);
      g_error_free (local);
      return NULL;
    }
  return data;
}

gboolean
rl_json_get_string (JsonObject  *object,
                    const char  *member,
                    gboolean     required,
                    const char  *where,
                    char       **out,
                    GError     **error)
{
  GError *local = NULL;
  JsonNode *node = get_member (object, member, required, where, &local);

  if (node == NULL)
    {
      if (local == NULL)
        return TRUE;
      g_propagate_error (error, local);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_type (where, member, "a string", error);
  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
rl_json_get_strv (JsonObject  *object,
                  const char  *member,
                  gboolean     required,
                  const char  *where,
                  char      ***out,
                  GError     **error)
{
  GError *local = NULL;
  JsonNode *node = get_member (object, member, required, where, &local);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL)
    {
      if (local == NULL)
        return TRUE;
      g_propagate_error (error, local);
      return FALSE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    g_strv_builder_add (builder, json_node_get_string (node));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
            return wrong_type (where, member, "a string or an array of strings", error);
          g_strv_builder_add (builder, json_node_get_string (item));
        }
    }
  else
    return wrong_type (where, member, "a string or an array of strings", error);
  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
rl_json_get_double (JsonObject *object,
                    const char *member,
                    const char *where,
                    double     *out,
                    GError    **error)
{
  JsonNode *node = get_member (object, member, FALSE, where, NULL);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node)
      || (json_node_get_value_type (node) != G_TYPE_DOUBLE
          && json_node_get_value_type (node) != G_TYPE_INT64))
    return wrong_type (where, member, "a number", error);
  *out = json_node_get_double (node);
  return TRUE;
}

gboolean
rl_json_get_uint (JsonObject *object,
                  const char *member,
                  guint       min,
                  guint       max,
                  const char *where,
                  guint      *out,
                  GError    **error)
{
  JsonNode *node = get_member (object, member, FALSE, where, NULL);
  gint64 v;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return wrong_type (where, member, "a whole number", error);
  v = json_node_get_int (node);
  if (v < min || v > max)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s.%s: %" G_GINT64_FORMAT
                   " is out of range; expected %u to %u", where, member, v, min, max);
      return FALSE;
    }
  *out = (guint) v;
  return TRUE;
}

gboolean
rl_json_get_column (JsonObject *object,
                    const char *member,
                    gboolean    required,
                    const char *where,
                    guint      *out,
                    GError    **error)
{
  GError *local = NULL;
  JsonNode *node = get_member (object, member, required, where, &local);
  const char *end = NULL;
  guint col;

  if (node == NULL)
    {
      if (local == NULL)
        return TRUE;
      g_propagate_error (error, local);
      return FALSE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    return rl_json_get_uint (object, member, 1, RL_GRID_MAX_COLS, where, out, error);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_type (where, member, "a column letter (\"B\") or number (2)", error);
  col = rl_column_parse (json_node_get_string (node), &end);
  if (col == 0 || col > RL_GRID_MAX_COLS || end == NULL || *end != '\0')
    return wrong_type (where, member, "a column letter (\"B\") or number (2)", error);
  *out = col;
  return TRUE;
}

gboolean
rl_json_get_names (JsonObject *object,
                   const char *where,
                   char      **en,
                   char      **ru,
                   char      **uk,
                   GError    **error)
{
  JsonNode *node = get_member (object, "name", TRUE, where, error);
  g_autofree char *inner = g_strconcat (where, ".name", NULL);
  JsonObject *names;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (where, "name", "an object {\"en\", \"ru\", \"uk\"}", error);
  names = json_node_get_object (node);
  return rl_json_get_string (names, "en", TRUE, inner, en, error)
         && rl_json_get_string (names, "ru", FALSE, inner, ru, error)
         && rl_json_get_string (names, "uk", FALSE, inner, uk, error);
}

gboolean
rl_json_get_polarity (JsonObject *object,
                      const char *where,
                      int        *out,
                      GError    **error)
{
  g_autofree char *text = NULL;
  RlPolarity polarity = RL_POLARITY_NONE;

  if (!rl_json_get_string (object, "polarity", TRUE, where, &text, error))
    return FALSE;
  if (!rl_polarity_from_string (text, &polarity) && !g_str_equal (text, "none"))
    return wrong_type (where, "polarity",
                       "\"+\" (a higher value means more need), \"-\" or \"none\"", error);
  *out = polarity;
  return TRUE;
}
