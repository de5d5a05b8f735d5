/* rl-xls-text.c — the strings of XLS records: BIFF8 unicode strings across CONTINUE records,
 * BIFF5 byte strings in the workbook's code page
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-xls-private.h"

#include "rl-limits.h"
#include "rl-ole-private.h"

#include <string.h>

/* UTF-16 code units to UTF-8; a lone surrogate becomes U+FFFD. */
static void
append_utf16 (GString         *out,
              const gunichar2 *u,
              gsize            n)
{
  for (gsize i = 0; i < n; i++)
    {
      gunichar c = u[i];

      if (c >= 0xD800 && c < 0xDC00 && i + 1 < n && u[i + 1] >= 0xDC00 && u[i + 1] < 0xE000)
        c = 0x10000 + ((c - 0xD800) << 10) + (u[++i] - 0xDC00);
      else if (c >= 0xD800 && c < 0xE000)
        c = 0xFFFD;
      g_string_append_unichar (out, c);
    }
}

/* Appends n characters stored compressed (one byte each, the low byte of
 * UTF-16, so Latin-1) or uncompressed (UTF-16LE) to units. */
static void
append_units (GArray       *units,
              const guint8 *p,
              gsize         n,
              gboolean      high)
{
  for (gsize i = 0; i < n; i++)
    {
      gunichar2 u = high ? rl_le16 (p + 2 * i) : p[i];

      g_array_append_val (units, u);
    }
}

/* A byte string of BIFF5 in the workbook's code page; a byte the code page
 * leaves undefined (or a lead byte without its trail) becomes U+FFFD. */
static char *
bytes_to_utf8 (GIConv        cd,
               const guint8 *p,
               gsize         n)
{
  gsize size = 4 * n + 1, in_left = n, out_left = size - 1;
  char *out = g_malloc (size), *in = (char *) p, *o = out;

  g_iconv (cd, NULL, NULL, NULL, NULL);
  while (in_left > 0)
    if (g_iconv (cd, &in, &in_left, &o, &out_left) == (gsize) -1)
      {
        if (out_left < 3)
          break; /* cannot happen: no code page has more than 3 bytes of UTF-8 per byte */
        memcpy (o, "\xEF\xBF\xBD", 3);
        o += 3;
        out_left -= 3;
        in++;
        in_left--;
      }
  *o = '\0';
  return out;
}

static gsize
seg_avail (const RlXlsSegReader *r)
{
  if (r->seg >= r->segs->len)
    return 0;
  return g_array_index (r->segs, RlXlsSegment, r->seg).len - r->pos;
}

static const guint8 *
seg_here (const RlXlsSegReader *r)
{
  return g_array_index (r->segs, RlXlsSegment, r->seg).body + r->pos;
}

/* Moves to the next segment when the current one is used up. */
static gboolean
seg_ensure (RlXlsSegReader *r)
{
  while (r->seg < r->segs->len && seg_avail (r) == 0)
    {
      r->seg++;
      r->pos = 0;
    }
  return r->seg < r->segs->len;
}

/* Copies (or with buf NULL skips) n bytes across segment boundaries. */
static gboolean
seg_read (RlXlsSegReader *r,
          guint8       *buf,
          gsize         n)
{
  while (n > 0)
    {
      gsize k;

      if (!seg_ensure (r))
        return FALSE;
      k = MIN (n, seg_avail (r));
      if (buf != NULL)
        {
          memcpy (buf, seg_here (r), k);
          buf += k;
        }
      r->pos += k;
      n -= k;
    }
  return TRUE;
}

/* Reads n characters; each CONTINUE they spill into starts with a new
 * flags byte telling whether the rest is compressed. */
static gboolean
seg_read_chars (RlXlsSegReader *r,
                gsize         n,
                gboolean      high,
                GArray       *units)
{
  while (n > 0)
    {
      const guint8 *p;
      gsize k;

      if (seg_avail (r) == 0)
        {
          if (!seg_ensure (r))
            return FALSE;
          high = seg_here (r)[0] & 0x01;
          r->pos++;
        }
      p = seg_here (r);
      k = MIN (n, high ? seg_avail (r) / 2 : seg_avail (r));
      if (k == 0)
        return FALSE;
      append_units (units, p, k, high);
      r->pos += high ? 2 * k : k;
      n -= k;
    }
  return TRUE;
}

/* A BIFF8 unicode string: a length of len_size bytes, flags, the rich-text
 * run count and the phonetic size when flagged, the characters, then the
 * runs and phonetic data, which are skipped. */
RlXlsTextStatus
rl_xls_read_unicode (RlXlsSegReader *r,
                     guint           len_size,
                     GArray         *units,
                     char          **out)
{
  guint8 head[3], extra[4];
  gsize n_runs = 0, ext = 0;
  GString *s;

  if (!seg_read (r, head, len_size + 1))
    return RL_XLS_TEXT_SHORT;
  if ((head[len_size] & 0x08) && !seg_read (r, extra, 2))
    return RL_XLS_TEXT_SHORT;
  n_runs = (head[len_size] & 0x08) ? rl_le16 (extra) : 0;
  if ((head[len_size] & 0x04) && !seg_read (r, extra, 4))
    return RL_XLS_TEXT_SHORT;
  ext = (head[len_size] & 0x04) ? rl_le32 (extra) : 0;
  g_array_set_size (units, 0);
  if (!seg_read_chars (r, len_size == 1 ? head[0] : rl_le16 (head), head[len_size] & 0x01, units))
    return RL_XLS_TEXT_SHORT;
  seg_read (r, NULL, 4 * n_runs); /* runs and phonetic data cut off by the record are no text */
  seg_read (r, NULL, ext);
  s = g_string_sized_new (units->len + 1);
  append_utf16 (s, (const gunichar2 *) (gpointer) units->data, units->len);
  if (s->len > RL_LIMIT_CELL_BYTES)
    {
      g_string_free (s, TRUE);
      return RL_XLS_TEXT_TOO_LONG;
    }
  *out = g_string_free (s, FALSE);
  return RL_XLS_TEXT_OK;
}

/* A BIFF5 string: a length of len_size bytes, then bytes in the code page
 * cd converts from. */
RlXlsTextStatus
rl_xls_read_bytes (RlXlsSegReader *r,
                   guint           len_size,
                   GIConv          cd,
                   char          **out)
{
  g_autofree guint8 *buf = NULL;
  guint8 head[2];
  gsize n;

  if (!seg_read (r, head, len_size))
    return RL_XLS_TEXT_SHORT;
  n = len_size == 1 ? head[0] : rl_le16 (head);
  buf = g_malloc (n + 1);
  if (!seg_read (r, buf, n))
    return RL_XLS_TEXT_SHORT;
  *out = bytes_to_utf8 (cd, buf, n);
  if (strlen (*out) > RL_LIMIT_CELL_BYTES)
    {
      g_clear_pointer (out, g_free);
      return RL_XLS_TEXT_TOO_LONG;
    }
  return RL_XLS_TEXT_OK;
}

/* What a status other than RL_XLS_TEXT_OK means, for an error message. */
char *
rl_xls_text_problem (RlXlsTextStatus status)
{
  if (status == RL_XLS_TEXT_TOO_LONG)
    return g_strdup_printf ("a text is longer than %u bytes (RL_LIMIT_CELL_BYTES)",
                            RL_LIMIT_CELL_BYTES);
  return g_strdup ("a text runs past the end of its record");
}

/* The iconv name of a CODEPAGE record's code page. */
static char *
codepage_charset (guint cp)
{
  switch (cp)
    {
    case 367: return g_strdup ("ASCII");
    case 1200: return g_strdup ("UTF-16LE");
    case 10000: return g_strdup ("MACINTOSH");
    case 10007: return g_strdup ("MAC-CYRILLIC");
    case 10029: return g_strdup ("MAC-CENTRALEUROPE");
    case 10079: return g_strdup ("MAC-IS");
    case 32768: return g_strdup ("MACINTOSH");
    case 32769: return g_strdup ("WINDOWS-1252");
    default: return g_strdup_printf ("CP%u", cp);
    }
}

/* A converter from a CODEPAGE record's code page to UTF-8 (from
 * Windows-1252 when iconv does not know the code page, Latin-1 when it
 * does not know that either); close it with g_iconv_close(). */
GIConv
rl_xls_codepage_open (guint cp)
{
  g_autofree char *charset = codepage_charset (cp);
  GIConv cd = g_iconv_open ("UTF-8", charset);

  if (cd == (GIConv) -1)
    cd = g_iconv_open ("UTF-8", "WINDOWS-1252");
  return cd != (GIConv) -1 ? cd : g_iconv_open ("UTF-8", "ISO-8859-1");
}
