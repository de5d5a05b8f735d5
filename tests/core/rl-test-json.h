/* rl-test-json.h — reading the JSON reference values in tests/data for the core tests
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <math.h>
#include "rl-gsl.h"
#include "rl-test.h"

/* The parser owning the document tests/data/@name; its root is an object. */
static inline JsonParser *
rl_test_json_load (const char *name)
{
  g_autofree char *path = rl_test_data_path (name);
  JsonParser *parser = json_parser_new ();
  GError *error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return parser;
}

static inline JsonObject *
rl_test_json_root (JsonParser *parser)
{
  return json_node_get_object (json_parser_get_root (parser));
}

/* A number, with null read as NaN. */
static inline double
rl_test_json_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

static inline double
rl_test_json_double (JsonObject *object,
                     const char *member)
{
  return rl_test_json_number (json_object_get_member (object, member));
}

/* An array of numbers as a vector. */
static inline gsl_vector *
rl_test_json_vector (JsonArray *array)
{
  gsl_vector *v = gsl_vector_alloc (json_array_get_length (array));

  for (guint i = 0; i < v->size; i++)
    gsl_vector_set (v, i, rl_test_json_number (json_array_get_element (array, i)));
  return v;
}

/* An array of equally long arrays of numbers as a matrix, row by row. */
static inline gsl_matrix *
rl_test_json_matrix (JsonArray *rows)
{
  JsonArray *first = json_array_get_array_element (rows, 0);
  gsl_matrix *m = gsl_matrix_alloc (json_array_get_length (rows), json_array_get_length (first));

  for (guint i = 0; i < m->size1; i++)
    {
      JsonArray *row = json_array_get_array_element (rows, i);

      g_assert_cmpuint (json_array_get_length (row), ==, m->size2);
      for (guint j = 0; j < m->size2; j++)
        gsl_matrix_set (m, i, j, rl_test_json_number (json_array_get_element (row, j)));
    }
  return m;
}

/* An array of non-negative integers (labels) as a newly allocated guint array. */
static inline guint *
rl_test_json_labels (JsonArray *array,
                     guint     *n)
{
  guint *labels = g_new (guint, MAX (json_array_get_length (array), 1));

  *n = json_array_get_length (array);
  for (guint i = 0; i < *n; i++)
    labels[i] = (guint) json_array_get_int_element (array, i);
  return labels;
}

/* The array member @member of @object as a matrix (see rl_test_json_matrix()). */
static inline gsl_matrix *
rl_test_json_member_matrix (JsonObject *object,
                            const char *member)
{
  return rl_test_json_matrix (json_object_get_array_member (object, member));
}

/* The array member @member of @object as a vector (see rl_test_json_vector()). */
static inline gsl_vector *
rl_test_json_member_vector (JsonObject *object,
                            const char *member)
{
  return rl_test_json_vector (json_object_get_array_member (object, member));
}

/* The array member @member of @object as labels; asserts it holds @n of them. */
static inline guint *
rl_test_json_member_labels (JsonObject *object,
                            const char *member,
                            guint       n)
{
  guint got;
  guint *labels = rl_test_json_labels (json_object_get_array_member (object, member), &got);

  g_assert_cmpuint (got, ==, n);
  return labels;
}

/* Asserts a == b, both NaN, or |a − b| <= rel·|b| + abs_tol. */
#define rl_assert_close_or_nan(a, b, rel, abs_tol)                                       \
  G_STMT_START {                                                                         \
    double _a = (a), _b = (b);                                                           \
    if (!((isnan (_a) && isnan (_b)) || fabs (_a - _b) <= (rel) * fabs (_b) + (abs_tol))) \
      g_error ("%s:%d: %s = %.17g, expected %s = %.17g", __FILE__, __LINE__, #a, _a, #b, \
               _b);                                                                      \
  } G_STMT_END
