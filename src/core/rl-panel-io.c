/* rl-panel-io.c — reading and writing panels: panel CSV, wide CSV, sidecar
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-panel.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rl-csv.h"
#include "rl-error.h"
#include "rl-grid.h"
#include "rl-number.h"

#define PANEL_HEADER "region_code,region,indicator,year,value"

/* The years a panel file can hold: RL_YEAR_NONE (0, a wide table's values,
 * so a wide panel saved reads back) and 1 to 9999. Negative years are not
 * read: in a table of regional statistics "-2019" is a typing error. */
#define PANEL_YEAR_MIN RL_YEAR_NONE
#define PANEL_YEAR_MAX 9999

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
  if (len == 0 || ((*trimmed == 'n' || *trimmed == 'N')
                   && (g_ascii_strcasecmp (trimmed, "na") == 0
                       || g_ascii_strcasecmp (trimmed, "nan") == 0)))
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

static gboolean
set_value (RlPanel     *panel,
           const Table *t,
           guint        region,
           guint        indicator,
           int          year,
           double       value,
           GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (rl_panel_set_checked (panel, region, indicator, year, value, &local))
    return TRUE;
  g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: row %" G_GUINT64_FORMAT ": %s", t->path,
               row_of (t), local->message);
  return FALSE;
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
      if (!g_ascii_string_to_signed (cell (t, 3), 10, PANEL_YEAR_MIN, PANEL_YEAR_MAX, &year, NULL))
        return set_cell_error (error, t, 3, cell (t, 3), "a year");
      if (!parse_value (cell (t, 4), &value))
        return set_cell_error (error, t, 4, cell (t, 4), "a number");
      r = table_region (t, panel, code, name);
      j = table_indicator (t, panel, id);
      if (!isnan (value) && !set_value (panel, t, r, j, (int) year, value, error))
        return FALSE;
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
      if (!isnan (value) && !set_value (panel, t, r, indicators[c], RL_YEAR_NONE, value, error))
        return FALSE;
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

static gboolean load_sidecar (RlPanel    *self,
                              const char *path,
                              const char *panel_path,
                              guint64     panel_bytes,
                              const char *panel_sha256,
                              GError    **error);

RlPanel *
rl_panel_load (const char *path,
               GError    **error)
{
  g_autoptr(RlPanel) panel = rl_panel_new ();
  g_auto(Table) t = { path, NULL, NULL, 0, g_string_new (NULL), g_string_new (NULL), 0,
                      g_string_new (NULL), 0 };
  g_autofree char *sidecar = rl_panel_sidecar_path (path);
  gboolean has_sidecar = g_file_test (sidecar, G_FILE_TEST_EXISTS);

  /* the SHA-256 that checks the pair costs about a third of the reading:
   * it is taken only when there is a sidecar to check */
  t.reader = has_sidecar ? rl_csv_reader_open_hashed (path, NULL, error)
                         : rl_csv_reader_open (path, NULL, error);
  if (t.reader == NULL || !read_header (&t, error))
    return NULL;
  if (header_is_panel (&t))
    {
      if (!load_panel_rows (panel, &t, error))
        return NULL;
      if (has_sidecar
          && !load_sidecar (panel, sidecar, path, rl_csv_reader_n_bytes (t.reader),
                            rl_csv_reader_sha256 (t.reader), error))
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

/* Refuses what a panel file cannot hold, so every file written reads back:
 * text that is not UTF-8, years outside 0..9999, infinite values. */
static gboolean
check_writable (const RlPanel *self,
                const GArray  *years,
                GError       **error)
{
  for (guint r = 0; r < rl_panel_n_regions (self); r++)
    if (!g_utf8_validate (rl_panel_region_code (self, r), -1, NULL)
        || !g_utf8_validate (rl_panel_region_name (self, r), -1, NULL))
      {
        g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                     "region %u: its code or name is not UTF-8 text", r + 1);
        return FALSE;
      }
  for (guint j = 0; j < rl_panel_n_indicators (self); j++)
    if (!g_utf8_validate (rl_panel_indicator (self, j)->id, -1, NULL))
      {
        g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                     "indicator %u: its id is not UTF-8 text", j + 1);
        return FALSE;
      }
  for (guint y = 0; y < years->len; y++)
    {
      int year = g_array_index (years, int, y);

      if (year < PANEL_YEAR_MIN || year > PANEL_YEAR_MAX)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "the year %d is outside the years a "
                       "panel file holds (%d, no year, and 1 to %d)", year, PANEL_YEAR_MIN,
                       PANEL_YEAR_MAX);
          return FALSE;
        }
    }
  return TRUE;
}

static char *
panel_to_csv (const RlPanel *self,
              GError       **error)
{
  g_autoptr(GString) out = g_string_new (PANEL_HEADER "\n");
  g_autoptr(GArray) years = rl_panel_years (self);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (!check_writable (self, years, error))
    return NULL;
  for (guint r = 0; r < rl_panel_n_regions (self); r++)
    for (guint j = 0; j < rl_panel_n_indicators (self); j++)
      for (guint y = 0; y < years->len; y++)
        {
          int year = g_array_index (years, int, y);
          double v = rl_panel_get (self, r, j, year);
          if (isnan (v))
            continue;
          if (isinf (v))
            {
              g_set_error (error, RL_ERROR, RL_ERROR_INVALID, "the value of “%s” for “%s” in %d "
                           "is infinite: a panel file holds finite numbers",
                           rl_panel_indicator (self, j)->id, rl_panel_region_label (self, r), year);
              return NULL;
            }
          csv_append_field (out, rl_panel_region_code (self, r));
          g_string_append_c (out, ',');
          csv_append_field (out, rl_panel_region_name (self, r));
          g_string_append_c (out, ',');
          csv_append_field (out, rl_panel_indicator (self, j)->id);
          g_string_append_printf (out, ",%d,%s\n", year, rl_format_round_trip (v, number));
        }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

/* Writes @contents in full to a new file beside @path (same folder, so the
 * rename is atomic) and flushes it to the disk; the caller renames it. On
 * failure nothing is left behind. */
static char *
write_temporary (const char  *path,
                 const char  *contents,
                 GError     **error)
{
  g_autofree char *tmp = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  int saved;

  if (fd < 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, "%s: cannot write: %s", path, g_strerror (errno));
      return NULL;
    }
  if (write_all (fd, contents, strlen (contents)) && fsync (fd) == 0 && g_close (fd, NULL))
    return g_steal_pointer (&tmp);
  saved = errno;
  g_close (fd, NULL);
  g_unlink (tmp);
  g_set_error (error, RL_ERROR, RL_ERROR_IO, "%s: cannot write: %s", path,
               g_strerror (saved != 0 ? saved : EIO));
  return NULL;
}

/* Flushes the renames in the panel's folder to the disk (best effort). */
static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  fsync (fd);
  g_close (fd, NULL);
}

static char *sidecar_json (const RlPanel *self,
                           gsize          panel_bytes,
                           const char    *panel_sha256);

/* Both files are written in full, and flushed, under temporary names in the
 * panel's folder before either is renamed over the old one, so a failed
 * write (a full disk, a folder without permission) leaves the existing
 * panel and sidecar as they were and no temporary behind. The sidecar is
 * renamed first: should the panel's rename then fail (or the machine stop
 * in between), the sidecar records the size and SHA-256 of the panel it
 * belongs to, and rl_panel_load() refuses the mismatched pair. */
gboolean
rl_panel_save (const RlPanel *self,
               const char    *path,
               GError       **error)
{
  g_autofree char *csv = panel_to_csv (self, error);
  g_autofree char *sha256 = NULL, *json = NULL;
  g_autofree char *sidecar = rl_panel_sidecar_path (path);
  g_autofree char *tmp_json = NULL, *tmp_csv = NULL;

  if (csv == NULL)
    return FALSE;
  sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, csv, -1);
  json = sidecar_json (self, strlen (csv), sha256);
  if ((tmp_json = write_temporary (sidecar, json, error)) == NULL)
    return FALSE;
  if ((tmp_csv = write_temporary (path, csv, error)) == NULL)
    {
      g_unlink (tmp_json);
      return FALSE;
    }
  if (g_rename (tmp_json, sidecar) != 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, "%s: cannot write: %s", sidecar,
                   g_strerror (errno));
      g_unlink (tmp_json);
      g_unlink (tmp_csv);
      return FALSE;
    }
  if (g_rename (tmp_csv, path) != 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, "%s: cannot write: %s; its sidecar %s is "
                   "already the new one, so the two no longer match: save again", path,
                   g_strerror (errno), sidecar);
      g_unlink (tmp_csv);
      return FALSE;
    }
  sync_folder (path);
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

/* The sidecar; with @panel_sha256 it records the size and SHA-256 of the
 * panel file it belongs to, in a "panel" member. */
static char *
sidecar_json (const RlPanel *self,
              gsize          panel_bytes,
              const char    *panel_sha256)
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
  if (panel_sha256 != NULL)
    {
      json_builder_set_member_name (builder, "panel");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "bytes");
      json_builder_add_int_value (builder, (gint64) panel_bytes);
      add_string_member (builder, "sha256", panel_sha256);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

char *
rl_panel_sidecar_to_json (const RlPanel *self)
{
  return sidecar_json (self, 0, NULL);
}

static gboolean
member_error (GError    **error,
              const char *path,
              const char *where,
              const char *member,
              const char *expected)
{
  g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: %s%smember “%s” is not %s", path,
               where != NULL ? where : "", where != NULL ? ": " : "", member, expected);
  return FALSE;
}

/* The member of @object of the given node type (and value type) into
 * *out, NULL when it is absent or null; another type is an error naming the
 * file, the place (@where, may be NULL) and the member. */
static gboolean
get_member (JsonObject   *object,
            const char   *member,
            JsonNodeType  type,
            GType         value_type,
            const char   *expected,
            JsonNode    **out,
            const char   *path,
            const char   *where,
            GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (json_node_get_node_type (node) != type
      || (type == JSON_NODE_VALUE && json_node_get_value_type (node) != value_type))
    return member_error (error, path, where, member, expected);
  *out = node;
  return TRUE;
}

/* A string member into *out (NULL when absent or null). */
static gboolean
get_string (JsonObject *object,
            const char *member,
            char      **out,
            const char *path,
            const char *where,
            GError    **error)
{
  JsonNode *node;

  g_clear_pointer (out, g_free);
  if (!get_member (object, member, JSON_NODE_VALUE, G_TYPE_STRING, "a string", &node, path, where,
                   error))
    return FALSE;
  *out = node != NULL ? g_strdup (json_node_get_string (node)) : NULL;
  return TRUE;
}

/* An object member (NULL when absent or null). */
static gboolean
get_object (JsonObject  *object,
            const char  *member,
            JsonObject **out,
            const char  *path,
            const char  *where,
            GError     **error)
{
  JsonNode *node;

  if (!get_member (object, member, JSON_NODE_OBJECT, G_TYPE_INVALID, "an object", &node, path,
                   where, error))
    return FALSE;
  *out = node != NULL ? json_node_get_object (node) : NULL;
  return TRUE;
}

static gboolean
read_names (RlIndicator *ind,
            JsonObject  *object,
            const char  *path,
            const char  *where,
            GError     **error)
{
  JsonObject *names;

  if (!get_object (object, "name", &names, path, where, error))
    return FALSE;
  if (names == NULL)
    return TRUE;
  return get_string (names, "en", &ind->name_en, path, where, error)
         && get_string (names, "ru", &ind->name_ru, path, where, error)
         && get_string (names, "uk", &ind->name_uk, path, where, error);
}

static gboolean
read_sidecar_entry (RlPanel    *self,
                    JsonObject *object,
                    const char *path,
                    guint       index,
                    GError    **error)
{
  g_autofree char *where = g_strdup_printf ("indicator %u", index + 1);
  g_autofree char *id = NULL, *polarity = NULL;
  RlIndicator *ind;

  if (!get_string (object, "id", &id, path, where, error)
      || !get_string (object, "polarity", &polarity, path, where, error))
    return FALSE;
  if (id == NULL || *id == '\0')
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: %s has no “id”", path, where);
      return FALSE;
    }
  ind = rl_panel_indicator (self, rl_panel_add_indicator (self, id));
  if (polarity != NULL && !rl_polarity_from_string (polarity, &ind->polarity))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
                   "%s: indicator “%s”: polarity “%s” is not “+”, “-” or empty", path, id, polarity);
      return FALSE;
    }
  return read_names (ind, object, path, where, error)
         && get_string (object, "unit", &ind->unit, path, where, error)
         && get_string (object, "source", &ind->source, path, where, error)
         && get_string (object, "formula", &ind->formula, path, where, error);
}

/* The root object of the sidecar at @path with its "indicators" array. */
static JsonObject *
sidecar_root (JsonParser *parser,
              const char *path,
              JsonArray **list,
              GError    **error)
{
  GError *local = NULL;
  JsonNode *root, *node;
  JsonObject *object;

  if (!json_parser_load_from_file (parser, path, &local))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: %s", path, local->message);
      g_error_free (local);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: %s, expected an object with an "
                   "“indicators” array", path,
                   root == NULL ? "the file is empty" : "not an object");
      return NULL;
    }
  object = json_node_get_object (root);
  node = json_object_get_member (object, "indicators");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      member_error (error, path, NULL, "indicators", "an array");
      return NULL;
    }
  *list = json_node_get_array (node);
  return object;
}

/* The "panel" member: the size and SHA-256 of the panel the sidecar was
 * written with; FALSE in *present when the sidecar has none (older files). */
static gboolean
read_panel_stamp (JsonObject *root,
                  const char *path,
                  gboolean   *present,
                  gint64     *bytes,
                  char      **sha256,
                  GError    **error)
{
  JsonObject *stamp;
  JsonNode *node;

  *present = FALSE;
  if (!get_object (root, "panel", &stamp, path, NULL, error))
    return FALSE;
  if (stamp == NULL)
    return TRUE;
  if (!get_member (stamp, "bytes", JSON_NODE_VALUE, G_TYPE_INT64, "a size in bytes", &node, path,
                   "panel", error))
    return FALSE;
  if (node == NULL || json_node_get_int (node) < 0)
    return member_error (error, path, "panel", "bytes", "a size in bytes");
  *bytes = json_node_get_int (node);
  if (!get_string (stamp, "sha256", sha256, path, "panel", error))
    return FALSE;
  if (*sha256 == NULL || strlen (*sha256) != 64 || strspn (*sha256, "0123456789abcdef") != 64)
    return member_error (error, path, "panel", "sha256", "a SHA-256 in hexadecimal");
  *present = TRUE;
  return TRUE;
}

/* Reads the sidecar; when it records the panel it belongs to and
 * @panel_sha256 is given, a panel of another size or SHA-256 is an error:
 * the pair does not match (a save stopped between its two renames, or the
 * panel was changed without its sidecar), and the sidecar's names and
 * polarities — which set the direction of need ratings — may be another
 * panel's. */
static gboolean
load_sidecar (RlPanel    *self,
              const char *path,
              const char *panel_path,
              guint64     panel_bytes,
              const char *panel_sha256,
              GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *sha256 = NULL;
  JsonArray *list = NULL;
  JsonObject *root = sidecar_root (parser, path, &list, error);
  gboolean stamped = FALSE;
  gint64 bytes = 0;

  if (root == NULL || !read_panel_stamp (root, path, &stamped, &bytes, &sha256, error))
    return FALSE;
  if (stamped && panel_sha256 != NULL
      && ((guint64) bytes != panel_bytes || strcmp (sha256, panel_sha256) != 0))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
                   "%s: the sidecar %s belongs to another version of this panel (it was written "
                   "for %" G_GINT64_FORMAT " bytes with SHA-256 %.12s…, the panel has %"
                   G_GUINT64_FORMAT " bytes with SHA-256 %.12s…): a save was interrupted or the "
                   "panel was changed without it. Save the panel again, delete the sidecar to "
                   "open the panel without its indicator names and polarities, or delete the "
                   "sidecar's “panel” member to keep the sidecar as it is", panel_path, path,
                   bytes, sha256, panel_bytes, panel_sha256);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *entry = json_array_get_element (list, i);
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

gboolean
rl_panel_load_sidecar (RlPanel    *self,
                       const char *path,
                       GError    **error)
{
  return load_sidecar (self, path, NULL, 0, NULL, error);
}
