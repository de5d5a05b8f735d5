/* rl-ref-json.h — reading the JSON reference files in tests/data
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include "rl-gsl.h"
#include "rl-test.h"

/* The root object of tests/data/@name; the parser owns it. */
static inline JsonObject *
rl_ref_json_load (const char  *name,
                   JsonParser **parser)
{
  g_autofree char *path = rl_test_data_path (name);
  g_autoptr(GError) error = NULL;

  *parser = json_parser_new ();
  json_parser_load_from_file (*parser, path, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (*parser));
}

/* An array of arrays of numbers as a matrix. */
static inline gsl_matrix *
rl_ref_json_matrix (JsonObject *obj,
                     const char *member)
{
  JsonArray *rows = json_object_get_array_member (obj, member);
  guint n = json_array_get_length (rows);
  guint d = json_array_get_length (json_array_get_array_element (rows, 0));
  gsl_matrix *m = gsl_matrix_alloc (n, d);

  for (guint i = 0; i < n; i++)
    {
      JsonArray *row = json_array_get_array_element (rows, i);
      g_assert_cmpuint (json_array_get_length (row), ==, d);
      for (guint j = 0; j < d; j++)
        gsl_matrix_set (m, i, j, json_array_get_double_element (row, j));
    }
  return m;
}

/* An array of numbers as doubles; its length in *@len when not NULL. */
static inline double *
rl_ref_json_doubles (JsonObject *obj,
                      const char *member,
                      guint      *len)
{
  JsonArray *a = json_object_get_array_member (obj, member);
  guint n = json_array_get_length (a);
  double *v = g_new (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    v[i] = json_array_get_double_element (a, i);
  if (len != NULL)
    *len = n;
  return v;
}

/* An array of non-negative integers as guints. */
static inline guint *
rl_ref_json_uints (JsonObject *obj,
                    const char *member,
                    guint      *len)
{
  JsonArray *a = json_object_get_array_member (obj, member);
  guint n = json_array_get_length (a);
  guint *v = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    v[i] = (guint) json_array_get_int_element (a, i);
  if (len != NULL)
    *len = n;
  return v;
}
