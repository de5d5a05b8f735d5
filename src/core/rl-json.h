/* rl-json.h — reading typed members of JSON documents with errors that name the place
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Each reader looks up @member of @object; @where names the object in
 * messages ("recipes/x.json: $.indicators[1]"). An absent or null member
 * leaves *out as it was and is an error only when @required. */

/* Parses @data; the root must be an object. The parser is returned so the
 * object lives as long as the caller keeps it. */
JsonParser *rl_json_parse_object (const char  *data,
                                  gssize       length,
                                  const char  *name,
                                  JsonObject **root,
                                  GError     **error);
/* Reads a whole file; errors in RL_ERROR_IO. */
char       *rl_json_read_file    (const char  *path,
                                  gsize       *length,
                                  GError     **error);
gboolean    rl_json_get_string   (JsonObject  *object,
                                  const char  *member,
                                  gboolean     required,
                                  const char  *where,
                                  char       **out,
                                  GError     **error);
/* A string or an array of strings; *out becomes NULL-terminated. */
gboolean    rl_json_get_strv     (JsonObject  *object,
                                  const char  *member,
                                  gboolean     required,
                                  const char  *where,
                                  char      ***out,
                                  GError     **error);
gboolean    rl_json_get_double   (JsonObject  *object,
                                  const char  *member,
                                  const char  *where,
                                  double      *out,
                                  GError     **error);
/* A positive whole number within [@min, @max]. */
gboolean    rl_json_get_uint     (JsonObject  *object,
                                  const char  *member,
                                  guint        min,
                                  guint        max,
                                  const char  *where,
                                  guint       *out,
                                  GError     **error);
/* A spreadsheet column: a letter name ("B", "AA") or a number from 1. */
gboolean    rl_json_get_column   (JsonObject  *object,
                                  const char  *member,
                                  gboolean     required,
                                  const char  *where,
                                  guint       *out,
                                  GError     **error);
/* The "name" object {"en", "ru", "uk"}; "en" is required. */
gboolean    rl_json_get_names    (JsonObject  *object,
                                  const char  *where,
                                  char       **en,
                                  char       **ru,
                                  char       **uk,
                                  GError     **error);
gboolean    rl_json_get_polarity (JsonObject  *object,
                                  const char  *where,
                                  int         *out,
                                  GError     **error);

G_END_DECLS
