/* rl-csv.c — the CSV reader: delimiter and encoding sniffing, quotes, blank lines kept
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every record is one spreadsheet row, blank lines included, so row numbers
 * match what a spreadsheet program shows. Cells stay text: decimal commas and
 * footnote marks are the importer's business (see rl_parse_number()).
 */
#include "rl-csv.h"

#include "rl-error.h"

#include <string.h>

/* Lines looked at when sniffing the delimiter. */
#define CSV_SNIFF_LINES 50

static const char csv_delimiters[] = { ',', ';', '\t' };

typedef struct
{
  RlSheet    *sheet;
  const char *path;
  guint       row;
  guint       col;
  GString    *field;
} CsvState;

/* The most frequent count (the larger on ties) and how often it occurs. */
static guint
mode_of (const guint *counts,
         guint        n,
         guint       *freq)
{
  guint best = 0, best_freq = 0;

  for (guint i = 0; i < n; i++)
    {
      guint f = 0;

      for (guint j = 0; j < n; j++)
        f += counts[j] == counts[i];
      if (f > best_freq || (f == best_freq && counts[i] > best))
        {
          best = counts[i];
          best_freq = f;
        }
    }
  *freq = best_freq;
  return best;
}

/* Counts each candidate delimiter outside quotes on the first non-blank lines. */
static guint
count_delimiters (const char *text,
                  gsize       len,
                  guint       counts[][CSV_SNIFF_LINES])
{
  guint line = 0;
  gboolean quoted = FALSE, blank = TRUE;

  memset (counts, 0, sizeof (guint) * G_N_ELEMENTS (csv_delimiters) * CSV_SNIFF_LINES);
  for (gsize i = 0; i < len && line < CSV_SNIFF_LINES; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          line += !blank;
          blank = TRUE;
          continue;
        }
      blank = FALSE;
      for (guint d = 0; d < G_N_ELEMENTS (csv_delimiters) && !quoted; d++)
        counts[d][line] += c == csv_delimiters[d];
    }
  return MIN (line + !blank, CSV_SNIFF_LINES);
}

/* Picks the delimiter (',', ';' or tab) that splits the first lines into the
 * same number of fields most consistently; ',' when none occurs. */
char
rl_csv_sniff_delimiter (const char *text,
                        gsize       len)
{
  guint counts[G_N_ELEMENTS (csv_delimiters)][CSV_SNIFF_LINES];
  guint n_lines = count_delimiters (text, len, counts);
  guint best_freq = 0, best_mode = 0;
  char best = ',';

  for (guint d = 0; d < G_N_ELEMENTS (csv_delimiters); d++)
    {
      guint freq, mode = mode_of (counts[d], n_lines, &freq);

      if (mode == 0)
        continue;
      if (freq > best_freq || (freq == best_freq && mode > best_mode))
        {
          best = csv_delimiters[d];
          best_freq = freq;
          best_mode = mode;
        }
    }
  return best;
}

static char *
convert_or_fail (const char *path,
                 const char *data,
                 gsize       len,
                 const char *encoding,
                 GError    **error)
{
  g_autoptr(GError) local = NULL;
  char *out = g_convert (data, len, "UTF-8", encoding, NULL, NULL, &local);

  if (out == NULL)
    g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the text is not valid %s: %s", path,
                 encoding, local->message);
  return out;
}

/* Turns the file's bytes into UTF-8. With encoding NULL it sniffs: a UTF-8
 * or UTF-16 byte order mark, valid UTF-8, otherwise Windows-1251. *detected
 * (optional) receives the encoding used. */
char *
rl_csv_decode (const char  *path,
               const char  *data,
               gsize        len,
               const char  *encoding,
               const char **detected,
               GError     **error)
{
  const guchar *u = (const guchar *) data;
  const char *enc = encoding;

  if (enc == NULL && len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      data += 3;
      len -= 3;
      enc = "UTF-8";
    }
  else if (enc == NULL && len >= 2
           && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    {
      enc = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      data += 2;
      len -= 2;
    }
  else if (enc == NULL && memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_UNSUPPORTED, "%s: this is not a text file and not a "
                   "spreadsheet format RegionLab knows (XLS, XLSX, ODS, CSV)", path);
      return NULL;
    }
  else if (enc == NULL)
    enc = g_utf8_validate (data, len, NULL) ? "UTF-8" : "WINDOWS-1251";

  if (detected != NULL)
    *detected = enc;
  if (g_ascii_strcasecmp (enc, "UTF-8") == 0)
    {
      if (g_utf8_validate (data, len, NULL))
        return g_strndup (data, len);
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the text is not valid UTF-8", path);
      return NULL;
    }
  return convert_or_fail (path, data, len, enc, error);
}

static gboolean
end_field (CsvState *st,
           GError  **error)
{
  if (st->field->len > 0)
    {
      if (st->row > RL_GRID_MAX_ROWS || st->col > RL_GRID_MAX_COLS)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: row %u, field %u is beyond the "
                       "largest sheet (%u rows, %u columns)", st->path, st->row, st->col,
                       RL_GRID_MAX_ROWS, RL_GRID_MAX_COLS);
          return FALSE;
        }
      rl_sheet_set_text (st->sheet, st->row, st->col, st->field->str);
    }
  g_string_truncate (st->field, 0);
  st->col++;
  return TRUE;
}

static gboolean
end_record (CsvState *st,
            GError  **error)
{
  if (!end_field (st, error))
    return FALSE;
  st->row++;
  st->col = 1;
  return TRUE;
}

/* Splits UTF-8 text into records and fields: fields may be quoted with '"',
 * a doubled quote inside is one quote, quoted fields may hold delimiters and
 * line breaks; LF, CRLF and CR all end a record. */
static gboolean
parse_text (CsvState   *st,
            const char *text,
            gsize       len,
            char        delim,
            GError    **error)
{
  gboolean quoted = FALSE, at_start = TRUE;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (quoted)
        {
          if (c != '"')
            g_string_append_c (st->field, c);
          else if (i + 1 < len && text[i + 1] == '"')
            g_string_append_c (st->field, text[++i]);
          else
            quoted = FALSE;
          continue;
        }
      if (c == '"' && at_start)
        {
          quoted = TRUE;
          at_start = FALSE;
          continue;
        }
      at_start = c == delim || c == '\n' || c == '\r';
      if (!at_start)
        g_string_append_c (st->field, c);
      else if (c == delim ? !end_field (st, error) : !end_record (st, error))
        return FALSE;
      if (c == '\r' && i + 1 < len && text[i + 1] == '\n')
        i++;
    }
  if (len > 0 && text[len - 1] != '\n' && text[len - 1] != '\r')
    return end_record (st, error);
  return TRUE;
}

void
rl_csv_options_init (RlCsvOptions *opts)
{
  opts->delimiter = 0;
  opts->encoding = NULL;
}

/* Reads CSV bytes held in memory; path names the source in messages and
 * gives the sheet its name (the file name without its extension). */
RlWorkbook *
rl_csv_parse (const char         *path,
              const char         *data,
              gsize               len,
              const RlCsvOptions *opts,
              GError            **error)
{
  RlCsvOptions defaults;
  g_autoptr(RlWorkbook) wb = rl_workbook_new (path);
  g_autofree char *text = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GString) field = g_string_new (NULL);
  char *dot = strrchr (base, '.');
  CsvState st = { NULL, path, 1, 1, field };
  char delim;

  if (opts == NULL)
    {
      rl_csv_options_init (&defaults);
      opts = &defaults;
    }
  text = rl_csv_decode (path, data, len, opts->encoding, NULL, error);
  if (text == NULL)
    return NULL;
  len = strlen (text);
  delim = opts->delimiter != 0 ? opts->delimiter : rl_csv_sniff_delimiter (text, len);
  if (dot != NULL && dot != base)
    *dot = '\0';
  st.sheet = rl_workbook_add_sheet (wb, base);
  if (!parse_text (&st, text, len, delim, error))
    return NULL;
  return g_steal_pointer (&wb);
}

RlWorkbook *
rl_csv_read (const char         *path,
             const RlCsvOptions *opts,
             GError            **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, &local))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, "%s: cannot read: %s", path, local->message);
      return NULL;
    }
  return rl_csv_parse (path, data, len, opts, error);
}
