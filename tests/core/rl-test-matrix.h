/* rl-test-matrix.h — loading stored reference matrices and JSON in tests
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "rl-gsl.h"
#include "rl-test.h"

/* A numeric CSV from tests/data: no header, ',' between values, one row per line. */
static inline gsl_matrix *
rl_test_load_csv (const char *name)
{
  g_autofree char *path = rl_test_data_path (name);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  gsl_matrix *X;
  guint n = 0, d;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (g_strstrip (text), "\n", -1);
  n = g_strv_length (lines);
  {
    g_auto(GStrv) first = g_strsplit (lines[0], ",", -1);
    d = g_strv_length (first);
  }
  X = gsl_matrix_alloc (n, d);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (cells), ==, d);
      for (guint j = 0; j < d; j++)
        gsl_matrix_set (X, i, j, g_ascii_strtod (cells[j], NULL));
    }
  return X;
}

/* The root object of a JSON file in tests/data; unref the parser when done. */
static inline JsonObject *
rl_test_load_json (const char  *name,
                   JsonParser **parser)
{
  g_autofree char *path = rl_test_data_path (name);
  g_autoptr(GError) error = NULL;

  *parser = json_parser_new ();
  json_parser_load_from_file (*parser, path, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (*parser));
}
