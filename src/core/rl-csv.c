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

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* Lines looked at when sniffing the delimiter. */
#define CSV_SNIFF_LINES 50
/* Bytes read from the file at a time. */
#define CSV_CHUNK (1024 * 1024)
/* Decoded text looked at, at most, for the lines that sniff the delimiter. */
#define CSV_SNIFF_MAX (16 * 1024 * 1024)

static const char csv_delimiters[] = { ',', ';', '\t' };

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

/* Counts each candidate delimiter outside quotes on the first non-blank
 * lines; *complete (optional) tells whether the text held all those lines. */
static guint
count_delimiters (const char *text,
                  gsize       len,
                  guint       counts[][CSV_SNIFF_LINES],
                  gboolean   *complete)
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
  if (complete != NULL)
    *complete = line >= CSV_SNIFF_LINES;
  return MIN (line + !blank, CSV_SNIFF_LINES);
}

/* Picks the delimiter (',', ';' or tab) that splits the first lines into the
 * same number of fields most consistently; ',' when none occurs. */
char
rl_csv_sniff_delimiter (const char *text,
                        gsize       len)
{
  guint counts[G_N_ELEMENTS (csv_delimiters)][CSV_SNIFF_LINES];
  guint n_lines = count_delimiters (text, len, counts, NULL);
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

/* The reader. Raw bytes come from a file descriptor or from memory, a chunk
 * at a time; they are decoded into text (copied as they are when they are
 * UTF-8) and split by a state machine that keeps its state from one chunk
 * to the next, so a record may span chunks. */
typedef enum
{
  FIELD_START,  /* at the start of a field: a quote opens a quoted field */
  UNQUOTED,     /* inside a field that did not start with a quote */
  QUOTED,       /* inside quotes */
  QUOTED_QUOTE, /* a quote inside quotes: doubled, or the closing one */
} CsvState;

struct _RlCsvReader
{
  char       *path;
  int         fd;       /* -1 when reading memory */
  const char *data;     /* memory to read, or NULL */
  gsize       data_len;
  gsize       data_pos;
  gboolean    raw_eof;
  GChecksum  *checksum; /* of the bytes read since hashing began, or NULL */
  gboolean    hashing;
  guint64     n_bytes;

  char       *raw;      /* undecoded bytes waiting for conversion */
  gsize       raw_len;
  GIConv      conv;     /* (GIConv) -1: the bytes are UTF-8 */
  gboolean    check_utf8;
  gsize       unchecked; /* bytes at the start of text still to be checked as UTF-8 */
  const char *encoding;

  char       *text;     /* decoded text */
  gsize       text_len;
  gsize       text_pos;
  gsize       text_cap;
  guint64     text_total; /* bytes of text decoded so far */
  gboolean    text_eof;
  char        last;     /* the last byte of text consumed */

  char        delim;
  guchar      stop[256]; /* bytes that end an unquoted field: delimiter, CR, LF */
  CsvState    state;
  gboolean    skip_lf;  /* a CR ended the last record: a LF right after it belongs to it */
  guint64     row;
  GString    *fields;   /* the record's fields, each followed by a NUL */
  GArray     *starts;   /* gsize: where each field starts in fields */
  gsize       field_start;
};

static gboolean
read_error (RlCsvReader *r,
            GError     **error)
{
  g_set_error (error, RL_ERROR, RL_ERROR_IO, "%s: cannot read: %s", r->path, g_strerror (errno));
  return FALSE;
}

/* Reads up to @max raw bytes into @buf; the count, or -1 with error set. */
static gssize
read_raw (RlCsvReader *r,
          char        *buf,
          gsize        max,
          GError     **error)
{
  gsize n;

  if (r->fd < 0)
    {
      n = MIN (max, r->data_len - r->data_pos);
      memcpy (buf, r->data + r->data_pos, n);
      r->data_pos += n;
      return (gssize) n;
    }
  for (;;)
    {
      gssize got = read (r->fd, buf, max);

      if (got >= 0 && r->hashing)
        {
          g_checksum_update (r->checksum, (const guchar *) buf, got);
          r->n_bytes += (guint64) got;
        }
      if (got >= 0)
        return got;
      if (errno != EINTR)
        {
          read_error (r, error);
          return -1;
        }
    }
}

static gboolean
rewind_raw (RlCsvReader *r,
            GError     **error)
{
  r->data_pos = 0;
  r->raw_eof = FALSE;
  if (r->fd >= 0 && lseek (r->fd, 0, SEEK_SET) != 0)
    return read_error (r, error);
  return TRUE;
}

static void
set_not_text (RlCsvReader *r,
              GError     **error)
{
  g_set_error (error, RL_ERROR, RL_ERROR_UNSUPPORTED, "%s: this is not a text file and not a "
               "spreadsheet format RegionLab knows (XLS, XLSX, ODS, CSV)", r->path);
}

/* The first pass of a file without a byte order mark and without an
 * encoding given: a NUL byte anywhere means it is no text file; otherwise
 * it is UTF-8 when all of it is valid UTF-8, else Windows-1251. */
static gboolean
sniff_encoding (RlCsvReader *r,
                GError     **error)
{
  g_autofree char *buf = g_malloc (CSV_CHUNK + 4);
  gsize carry = 0;
  gboolean utf8 = TRUE;

  for (;;)
    {
      gssize got = read_raw (r, buf + carry, CSV_CHUNK, error);
      gsize len;
      const char *end = NULL;

      if (got < 0)
        return FALSE;
      if (memchr (buf + carry, '\0', (gsize) got) != NULL)
        {
          set_not_text (r, error);
          return FALSE;
        }
      len = carry + (gsize) got;
      carry = 0;
      if (utf8 && !g_utf8_validate_len (buf, len, &end))
        {
          /* a character cut by the end of the chunk is checked with the next one */
          if (got > 0 && (gsize) (buf + len - end) < 4)
            {
              carry = (gsize) (buf + len - end);
              memmove (buf, end, carry);
            }
          else
            utf8 = FALSE;
        }
      if (got == 0)
        break;
    }
  r->encoding = utf8 ? "UTF-8" : "WINDOWS-1251";
  return rewind_raw (r, error);
}

/* Chooses the encoding: the one given, a byte order mark (skipped), or
 * sniff_encoding(); opens the conversion when it is not UTF-8. */
static gboolean
setup_encoding (RlCsvReader *r,
                const char  *encoding,
                GError     **error)
{
  char head[3];
  gssize got;
  gsize skip = 0;

  if (encoding == NULL)
    {
      if ((got = read_raw (r, head, sizeof head, error)) < 0)
        return FALSE;
      if (got == 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0)
        encoding = "UTF-8", skip = 3;
      else if (got >= 2 && memcmp (head, "\xFF\xFE", 2) == 0)
        encoding = "UTF-16LE", skip = 2;
      else if (got >= 2 && memcmp (head, "\xFE\xFF", 2) == 0)
        encoding = "UTF-16BE", skip = 2;
      if (!rewind_raw (r, error))
        return FALSE;
      if (encoding == NULL && !sniff_encoding (r, error))
        return FALSE;
      r->hashing = r->checksum != NULL; /* from the first byte of the last pass on */
      if (encoding != NULL && read_raw (r, head, skip, error) < 0)
        return FALSE;
      r->check_utf8 = encoding != NULL;
      if (encoding == NULL)
        encoding = r->encoding;
    }
  else
    {
      r->check_utf8 = TRUE;
      r->hashing = r->checksum != NULL;
    }
  r->encoding = encoding;
  if (g_ascii_strcasecmp (encoding, "UTF-8") == 0)
    return TRUE;
  r->check_utf8 = FALSE;
  r->conv = g_iconv_open ("UTF-8", encoding);
  if (r->conv == (GIConv) -1)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the text is not valid %s: this "
                   "encoding is not known", r->path, encoding);
      return FALSE;
    }
  return TRUE;
}

static void
text_reserve (RlCsvReader *r,
              gsize        more)
{
  if (r->text_len + more <= r->text_cap)
    return;
  r->text_cap = MAX (r->text_cap * 2, r->text_len + more);
  r->text = g_realloc (r->text, r->text_cap);
}

/* Converts r->raw[0 .. raw_len) into the text, keeping an incomplete
 * character at the end for the next chunk (or failing at the end). */
static gboolean
convert_raw (RlCsvReader *r,
             GError     **error)
{
  char *in = r->raw;
  gsize in_left = r->raw_len;

  while (in_left > 0)
    {
      char *out;
      gsize out_left, res;

      text_reserve (r, in_left * 2 + 16);
      out = r->text + r->text_len;
      out_left = r->text_cap - r->text_len;
      res = g_iconv (r->conv, &in, &in_left, &out, &out_left);
      r->text_len = (gsize) (out - r->text);
      if (res != (gsize) -1 || errno == E2BIG)
        continue;
      if (errno == EINVAL && !r->raw_eof)
        break;
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the text is not valid %s: %s", r->path,
                   r->encoding, errno == EINVAL ? "it ends inside a character"
                                                : "a byte sequence is not a character of it");
      return FALSE;
    }
  if (in_left > 0)
    memmove (r->raw, in, in_left);
  r->raw_len = in_left;
  return TRUE;
}

/* Checks the text from r->unchecked on as UTF-8; a character cut by the end
 * of the chunk waits for the next one. */
static gboolean
check_text (RlCsvReader *r,
            GError     **error)
{
  const char *end = NULL;
  const char *start = r->text + r->unchecked;
  gsize len = r->text_len - r->unchecked;

  if (g_utf8_validate_len (start, len, &end))
    {
      r->unchecked = r->text_len;
      return TRUE;
    }
  if (!r->text_eof && (gsize) (start + len - end) < 4
      && memchr (end, '\0', (gsize) (start + len - end)) == NULL)
    {
      r->unchecked = (gsize) (end - r->text);
      return TRUE;
    }
  g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the text is not valid UTF-8", r->path);
  return FALSE;
}

/* Decodes the next chunk into the text. With @append the text read so far
 * is kept (sniffing the delimiter), else only what is still unchecked. */
static gboolean
read_chunk (RlCsvReader *r,
            gboolean     append,
            GError     **error)
{
  gsize before;
  gssize got;

  if (!append)
    {
      gsize keep = r->text_len - MIN (r->unchecked, r->text_len);

      if (keep > 0)
        memmove (r->text, r->text + r->text_len - keep, keep);
      r->unchecked = 0;
      r->text_len = keep;
      r->text_pos = keep; /* those bytes were split already */
    }
  before = r->text_len;
  if (r->conv == (GIConv) -1)
    {
      text_reserve (r, CSV_CHUNK);
      got = read_raw (r, r->text + r->text_len, CSV_CHUNK, error);
      if (got < 0)
        return FALSE;
      r->text_len += (gsize) got;
    }
  else
    {
      r->raw = g_realloc (r->raw, r->raw_len + CSV_CHUNK);
      got = read_raw (r, r->raw + r->raw_len, CSV_CHUNK, error);
      if (got < 0)
        return FALSE;
      r->raw_len += (gsize) got;
    }
  r->raw_eof = got == 0;
  if (r->conv != (GIConv) -1 && !convert_raw (r, error))
    return FALSE;
  r->text_eof = r->raw_eof && r->raw_len == 0;
  if (r->check_utf8 && !check_text (r, error))
    return FALSE;
  if (!r->check_utf8)
    r->unchecked = r->text_len;
  if (r->conv != (GIConv) -1 && r->text_len > before
      && memchr (r->text + before, '\0', r->text_len - before) != NULL)
    {
      set_not_text (r, error);
      return FALSE;
    }
  r->text_total += r->text_len - before;
  if (r->text_total > RL_LIMIT_TEXT_FILE)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the text is longer than %llu bytes "
                   "(RL_LIMIT_TEXT_FILE)", r->path, (unsigned long long) RL_LIMIT_TEXT_FILE);
      return FALSE;
    }
  return TRUE;
}

/* Reads text until it holds the lines the delimiter is sniffed on. */
static gboolean
sniff_delimiter (RlCsvReader *r,
                 char         delimiter,
                 GError     **error)
{
  for (;;)
    {
      guint counts[G_N_ELEMENTS (csv_delimiters)][CSV_SNIFF_LINES];
      gboolean complete = FALSE;

      if (!read_chunk (r, TRUE, error))
        return FALSE;
      if (delimiter != 0)
        break;
      count_delimiters (r->text, r->text_len, counts, &complete);
      if (complete || r->text_eof || r->text_len >= CSV_SNIFF_MAX)
        break;
    }
  r->delim = delimiter != 0 ? delimiter : rl_csv_sniff_delimiter (r->text, r->text_len);
  r->stop[(guchar) r->delim] = r->stop['\n'] = r->stop['\r'] = 1;
  return TRUE;
}

static RlCsvReader *
reader_new (const char *path)
{
  RlCsvReader *r = g_new0 (RlCsvReader, 1);

  r->path = g_strdup (path);
  r->fd = -1;
  r->conv = (GIConv) -1;
  r->fields = g_string_sized_new (256);
  r->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  return r;
}

static RlCsvReader *
reader_start (RlCsvReader        *r,
              const RlCsvOptions *opts,
              GError            **error)
{
  g_autoptr(RlCsvReader) reader = r;
  RlCsvOptions defaults;

  if (opts == NULL)
    {
      rl_csv_options_init (&defaults);
      opts = &defaults;
    }
  if (!setup_encoding (r, opts->encoding, error) || !sniff_delimiter (r, opts->delimiter, error))
    return NULL;
  return g_steal_pointer (&reader);
}

static RlCsvReader *
reader_open (RlCsvReader        *reader,
             const RlCsvOptions *opts,
             GError            **error)
{
  g_autoptr(RlCsvReader) r = reader;
  const char *path = r->path;
  GStatBuf st;

  r->fd = g_open (path, O_RDONLY, 0);
  if (r->fd < 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, "%s: cannot read: %s", path, g_strerror (errno));
      return NULL;
    }
  if (fstat (r->fd, &st) == 0 && (guint64) st.st_size > RL_LIMIT_TEXT_FILE)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the file is larger than %llu bytes "
                   "(RL_LIMIT_TEXT_FILE)", path, (unsigned long long) RL_LIMIT_TEXT_FILE);
      return NULL;
    }
  return reader_start (g_steal_pointer (&r), opts, error);
}

RlCsvReader *
rl_csv_reader_open (const char         *path,
                    const RlCsvOptions *opts,
                    GError            **error)
{
  return reader_open (reader_new (path), opts, error);
}

RlCsvReader *
rl_csv_reader_open_hashed (const char         *path,
                           const RlCsvOptions *opts,
                           GError            **error)
{
  RlCsvReader *r = reader_new (path);

  r->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  return reader_open (r, opts, error);
}

RlCsvReader *
rl_csv_reader_new_data (const char         *path,
                        const char         *data,
                        gsize               len,
                        const RlCsvOptions *opts,
                        GError            **error)
{
  RlCsvReader *r = reader_new (path);

  r->data = data != NULL ? data : "";
  r->data_len = data != NULL ? len : 0;
  return reader_start (r, opts, error);
}

void
rl_csv_reader_free (RlCsvReader *r)
{
  if (r == NULL)
    return;
  if (r->fd >= 0)
    g_close (r->fd, NULL);
  if (r->conv != (GIConv) -1)
    g_iconv_close (r->conv);
  if (r->checksum != NULL)
    g_checksum_free (r->checksum);
  g_free (r->raw);
  g_free (r->text);
  g_string_free (r->fields, TRUE);
  g_array_unref (r->starts);
  g_free (r->path);
  g_free (r);
}

static gboolean
field_too_long (RlCsvReader *r,
                GError     **error)
{
  if (r->fields->len - r->field_start <= RL_LIMIT_CELL_BYTES)
    return FALSE;
  g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: row %" G_GUINT64_FORMAT ", field %u holds "
               "more than %u bytes of text (RL_LIMIT_CELL_BYTES)", r->path, r->row + 1,
               r->starts->len + 1, RL_LIMIT_CELL_BYTES);
  return TRUE;
}

static gboolean
end_field (RlCsvReader *r,
           GError     **error)
{
  if (field_too_long (r, error))
    return FALSE;
  if (r->starts->len >= RL_LIMIT_SHEET_COLS)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: row %" G_GUINT64_FORMAT " has more than "
                   "%u fields (RL_LIMIT_SHEET_COLS)", r->path, r->row + 1, RL_LIMIT_SHEET_COLS);
      return FALSE;
    }
  g_array_append_val (r->starts, r->field_start);
  g_string_append_c (r->fields, '\0');
  r->field_start = r->fields->len;
  return TRUE;
}

/* Appends the run of text[from .. to) to the field being read; FALSE
 * (error set) when the field grows past RL_LIMIT_CELL_BYTES. */
static inline gboolean
append_run (RlCsvReader *r,
            gsize        from,
            gsize        to,
            GError     **error)
{
  if (to > from)
    g_string_append_len (r->fields, r->text + from, (gssize) (to - from));
  return !field_too_long (r, error);
}

/* Splits text from text_pos on until a record ends (TRUE in *done) or the
 * text runs out. */
static gboolean
split_text (RlCsvReader *r,
            gboolean    *done,
            GError     **error)
{
  gsize i = r->text_pos, n = r->text_len;
  const char *t = r->text;

  *done = FALSE;
  if (r->skip_lf && i < n)
    {
      r->skip_lf = FALSE;
      if (t[i] == '\n')
        i++;
    }
  while (i < n && !*done)
    {
      gsize from = i;
      char c;

      switch (r->state)
        {
        case QUOTED:
          {
            const char *quote = memchr (t + i, '"', n - i);

            i = quote != NULL ? (gsize) (quote - t) : n;
            if (!append_run (r, from, i, error))
              return FALSE;
            if (i < n)
              r->state = QUOTED_QUOTE, i++;
          }
          continue;
        case QUOTED_QUOTE:
          if (t[i] == '"')
            {
              g_string_append_c (r->fields, '"');
              r->state = QUOTED;
              i++;
              continue;
            }
          r->state = UNQUOTED;
          continue;
        case FIELD_START:
          if (t[i] == '"')
            {
              r->state = QUOTED;
              i++;
              continue;
            }
          G_GNUC_FALLTHROUGH;
        case UNQUOTED:
        default:
          while (i < n && !r->stop[(guchar) t[i]])
            i++;
          if (!append_run (r, from, i, error))
            return FALSE;
          if (i == n)
            {
              r->state = UNQUOTED;
              continue;
            }
          c = t[i++];
          if (!end_field (r, error))
            return FALSE;
          r->state = FIELD_START;
          if (c == r->delim)
            continue;
          *done = TRUE;
          if (c == '\r')
            {
              if (i < n && t[i] == '\n')
                i++;
              else if (i == n)
                r->skip_lf = TRUE;
            }
        }
    }
  if (i > r->text_pos)
    r->last = t[i - 1];
  r->text_pos = i;
  return TRUE;
}

static void
clear_record (RlCsvReader *r)
{
  g_string_truncate (r->fields, 0);
  g_array_set_size (r->starts, 0);
  r->field_start = 0;
}

gboolean
rl_csv_reader_next (RlCsvReader *r,
                    GError     **error)
{
  gboolean done = FALSE;

  clear_record (r);
  for (;;)
    {
      if (!split_text (r, &done, error))
        return FALSE;
      if (done)
        break;
      if (r->text_eof)
        {
          /* the last line without a line break is a record; an open
           * quote that runs to the end of the text is dropped */
          if (r->text_total == 0 || r->last == '\n' || r->last == '\r')
            {
              clear_record (r);
              return FALSE;
            }
          if (!end_field (r, error))
            return FALSE;
          r->last = '\n';
          r->state = FIELD_START;
          break;
        }
      if (!read_chunk (r, FALSE, error))
        return FALSE;
    }
  r->row++;
  return TRUE;
}

guint64
rl_csv_reader_row (const RlCsvReader *r)
{
  return r->row;
}

guint
rl_csv_reader_n_fields (const RlCsvReader *r)
{
  return r->starts->len;
}

const char *
rl_csv_reader_field (const RlCsvReader *r,
                     guint              i)
{
  if (i >= r->starts->len)
    return "";
  return r->fields->str + g_array_index (r->starts, gsize, i);
}

gsize
rl_csv_reader_field_len (const RlCsvReader *r,
                         guint              i)
{
  gsize end;

  if (i >= r->starts->len)
    return 0;
  end = i + 1 < r->starts->len ? g_array_index (r->starts, gsize, i + 1) : r->fields->len;
  return end - g_array_index (r->starts, gsize, i) - 1;
}

gboolean
rl_csv_reader_is_blank (const RlCsvReader *r)
{
  for (const char *p = r->fields->str, *end = p + r->fields->len; p < end; p++)
    if (*p != '\0' && !g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

gboolean
rl_csv_reader_saw_nothing (const RlCsvReader *r)
{
  return r->text_total == 0;
}

guint64
rl_csv_reader_n_bytes (const RlCsvReader *r)
{
  return r->checksum != NULL && r->text_eof ? r->n_bytes : 0;
}

const char *
rl_csv_reader_sha256 (RlCsvReader *r)
{
  return r->checksum != NULL && r->text_eof ? g_checksum_get_string (r->checksum) : NULL;
}

char
rl_csv_reader_delimiter (const RlCsvReader *r)
{
  return r->delim;
}

const char *
rl_csv_reader_encoding (const RlCsvReader *r)
{
  return r->encoding;
}

void
rl_csv_reader_set_empty_error (const RlCsvReader *r,
                               GError           **error)
{
  g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the file is empty%s", r->path,
               r->text_total > 0 ? ": it holds only blank lines" : "");
}

void
rl_csv_options_init (RlCsvOptions *opts)
{
  opts->delimiter = 0;
  opts->encoding = NULL;
}

/* Numbers seldom repeat: they are stored without the grid's lookup of equal
 * texts, whose table would take more memory than they do and most of the
 * time. Short ones (years, "1,5") repeat and are shared. */
static gboolean
seldom_repeats (const char *text,
                gsize       len)
{
  return len > 4 && (g_ascii_isdigit (text[0])
                     || ((text[0] == '-' || text[0] == '.') && g_ascii_isdigit (text[1])));
}

/* Every record of the reader into a one-sheet workbook named after the file
 * (without its extension). With @refuse_empty a file without text is an
 * error. */
static RlWorkbook *
read_workbook (RlCsvReader *r,
               const char  *path,
               gboolean     refuse_empty,
               GError     **error)
{
  g_autoptr(RlWorkbook) wb = rl_workbook_new (path);
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');
  GError *local = NULL;
  gboolean any = FALSE;
  RlSheet *sheet;

  if (dot != NULL && dot != base)
    *dot = '\0';
  sheet = rl_workbook_add_sheet_checked (wb, base, error);
  if (sheet == NULL)
    return NULL;
  while (rl_csv_reader_next (r, &local))
    {
      guint64 row = rl_csv_reader_row (r);

      guint at = row > G_MAXUINT ? G_MAXUINT : (guint) row;

      for (guint i = 0; i < rl_csv_reader_n_fields (r); i++)
        {
          const char *text = rl_csv_reader_field (r, i);
          gboolean ok;

          if (*text == '\0')
            continue;
          ok = seldom_repeats (text, rl_csv_reader_field_len (r, i))
                 ? rl_sheet_put_text_unshared (sheet, at, i + 1, text, error)
                 : rl_sheet_put_text (sheet, at, i + 1, text, error);
          if (!ok)
            return NULL;
        }
      any |= !rl_csv_reader_is_blank (r);
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  if (refuse_empty && !any)
    {
      rl_csv_reader_set_empty_error (r, error);
      return NULL;
    }
  return g_steal_pointer (&wb);
}

/* Reads CSV bytes held in memory; path names the source in messages and
 * gives the sheet its name (the file name without its extension). Empty
 * bytes give an empty sheet. */
RlWorkbook *
rl_csv_parse (const char         *path,
              const char         *data,
              gsize               len,
              const RlCsvOptions *opts,
              GError            **error)
{
  g_autoptr(RlCsvReader) r = rl_csv_reader_new_data (path, data, len, opts, error);

  return r != NULL ? read_workbook (r, path, FALSE, error) : NULL;
}

/* Reads a CSV file in one pass; a file without text (0 bytes, a byte order
 * mark, blank lines) is an error that says it is empty. */
RlWorkbook *
rl_csv_read (const char         *path,
             const RlCsvOptions *opts,
             GError            **error)
{
  g_autoptr(RlCsvReader) r = rl_csv_reader_open (path, opts, error);

  return r != NULL ? read_workbook (r, path, TRUE, error) : NULL;
}
