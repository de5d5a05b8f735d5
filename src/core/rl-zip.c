/* rl-zip.c — members of a ZIP package (XLSX, ODS) and the XML inside them
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The central directory is read here rather than by libgsf's GsfInfileZip,
 * which takes the sizes in the headers on trust, checks no CRC, reads
 * encrypted members as if they were not, looks names up only as written and
 * logs a GLib critical for an entry whose DOS date or time is out of range
 * (gsf_infile_zip_new_child() passes the NULL that g_date_time_new_utc()
 * returns for it to g_date_time_unref()). Here the dates are never read; the
 * file is read through a GsfInput in blocks and each member is inflated with
 * GIO's raw-deflate GZlibDecompressor as the XML parser asks for more, with
 * the caps of rl-limits.h counted on the bytes that come out.
 */
#include "rl-zip.h"

#include "rl-error.h"
#include "rl-gsf.h"

#include <gio/gio.h>
#include <zlib.h>
#include <string.h>

#define ZIP_BLOCK       (64u * 1024u)
#define ZIP_EOCD_SIZE   22u
#define ZIP_EOCD_SEARCH (ZIP_EOCD_SIZE + 65535u)
#define ZIP_CDIR_SIZE   46u
#define ZIP_LOCAL_SIZE  30u
#define ZIP_FLAG_CRYPT  0x0001u
#define ZIP_STORED      0u
#define ZIP_DEFLATED    8u

typedef struct
{
  char   *name;
  guint   flags;
  guint   method;
  guint32 crc;
  guint64 csize;
  guint64 usize;
  guint64 offset;
} ZipEntry;

struct _RlZip
{
  char       *path;
  GsfInput   *input;
  guint64     size;
  GArray     *entries;   /* ZipEntry */
  GHashTable *by_name;   /* name as stored → index + 1 */
  GHashTable *by_key;    /* folded name → index + 1 */
};

struct _RlZipStream
{
  RlZip          *zip;
  const ZipEntry *entry;
  char           *member;
  GConverter     *inflater; /* NULL for a stored member */
  guint64         data_off;
  guint8         *in;
  gsize           in_len;
  gsize           in_off;
  guint64         in_left;  /* compressed bytes not yet read from the file */
  guint64         out_total;
  guint32         crc;
  gboolean        finished;
};

struct _RlXml
{
  RlZip                 *zip;
  char                  *member;
  RlZipStream           *stream;
  xmlTextReaderPtr       reader;
  GError                *error;
  int                    type;
  const char            *local;
  const char            *ns;
  gboolean               empty;
  xmlNodePtr             node;
  xmlAttrPtr             attr;      /* the next attribute of rl_xml_next_attr() */
  gboolean               in_attrs;
  xmlChar               *attr_value;
  xmlGenericErrorFunc    old_generic;
  void                  *old_generic_ctx;
  xmlStructuredErrorFunc old_structured;
  void                  *old_structured_ctx;
};

static guint64
le (const guint8 *p,
    guint         n)
{
  guint64 v = 0;

  for (guint i = n; i > 0; i--)
    v = (v << 8) | p[i - 1];
  return v;
}

/* "XL\\Worksheets\\Sheet1.xml" → "xl/worksheets/sheet1.xml". */
static char *
fold_name (const char *name)
{
  char *key;

  while (*name == '/' || *name == '\\')
    name++;
  key = g_ascii_strdown (name, -1);
  g_strdelimit (key, "\\", '/');
  return key;
}

static gboolean
zip_damaged (RlZip      *zip,
             GError    **error,
             const char *what)
{
  g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the ZIP package is truncated or damaged "
               "(%s)", zip->path, what);
  return FALSE;
}

/* Reads len bytes at offset into buf. */
static gboolean
zip_read_at (RlZip  *zip,
             guint64 offset,
             gsize   len,
             guint8 *buf)
{
  if (offset > zip->size || len > zip->size - offset)
    return FALSE;
  if (len == 0)
    return TRUE;
  return !gsf_input_seek (zip->input, offset, G_SEEK_SET)
         && gsf_input_read (zip->input, len, buf) != NULL;
}

/* The ZIP64 sizes of an entry whose 32-bit fields are all ones. */
static void
entry_zip64 (ZipEntry     *e,
             const guint8 *extra,
             gsize         len)
{
  while (len >= 4)
    {
      guint id = le (extra, 2);
      gsize n = le (extra + 2, 2), off = 4;

      if (n > len - 4)
        return;
      if (id == 0x0001)
        {
          guint64 *fields[] = { &e->usize, &e->csize, &e->offset };

          for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
            if (*fields[i] == 0xFFFFFFFFu && off + 8 <= 4 + n)
              {
                *fields[i] = le (extra + off, 8);
                off += 8;
              }
          return;
        }
      extra += 4 + n;
      len -= 4 + n;
    }
}

static gboolean
read_entries (RlZip        *zip,
              const guint8 *d,
              gsize         len,
              guint64       n,
              GError      **error)
{
  gsize p = 0;

  for (guint64 i = 0; i < n; i++)
    {
      ZipEntry e = { 0 };
      gsize name_len, extra_len, comment_len;

      if (p + ZIP_CDIR_SIZE > len || memcmp (d + p, "PK\001\002", 4) != 0)
        return zip_damaged (zip, error, "the central directory ends early");
      name_len = le (d + p + 28, 2);
      extra_len = le (d + p + 30, 2);
      comment_len = le (d + p + 32, 2);
      if (p + ZIP_CDIR_SIZE + name_len + extra_len + comment_len > len)
        return zip_damaged (zip, error, "the central directory ends early");
      e.flags = le (d + p + 8, 2);
      e.method = le (d + p + 10, 2);
      e.crc = le (d + p + 16, 4);
      e.csize = le (d + p + 20, 4);
      e.usize = le (d + p + 24, 4);
      e.offset = le (d + p + 42, 4);
      entry_zip64 (&e, d + p + ZIP_CDIR_SIZE + name_len, extra_len);
      e.name = g_strndup ((const char *) d + p + ZIP_CDIR_SIZE, name_len);
      g_array_append_val (zip->entries, e);
      p += ZIP_CDIR_SIZE + name_len + extra_len + comment_len;
    }
  return TRUE;
}

/* The end of central directory record (and its ZIP64 form): where the
 * directory lies and how many entries it has. */
static gboolean
find_directory (RlZip   *zip,
                guint64 *cd_off,
                guint64 *cd_size,
                guint64 *n,
                GError **error)
{
  gsize tail = MIN (zip->size, ZIP_EOCD_SEARCH);
  g_autofree guint8 *buf = g_malloc (MAX (tail, 56));
  guint64 base = zip->size - tail, eocd;
  gssize i;

  if (tail < ZIP_EOCD_SIZE || !zip_read_at (zip, base, tail, buf))
    return zip_damaged (zip, error, "no end of central directory");
  for (i = tail - ZIP_EOCD_SIZE; i >= 0; i--)
    if (memcmp (buf + i, "PK\005\006", 4) == 0 && i + ZIP_EOCD_SIZE + le (buf + i + 20, 2) <= tail)
      break;
  if (i < 0)
    return zip_damaged (zip, error, "no end of central directory");
  eocd = base + i;
  if (le (buf + i + 4, 2) != 0 || le (buf + i + 6, 2) != 0)
    return zip_damaged (zip, error, "a package split over several disks");
  *n = le (buf + i + 10, 2);
  *cd_size = le (buf + i + 12, 4);
  *cd_off = le (buf + i + 16, 4);
  if (*n == 0xFFFF || *cd_size == 0xFFFFFFFFu || *cd_off == 0xFFFFFFFFu)
    {
      guint64 z64;

      if (eocd < 20 || !zip_read_at (zip, eocd - 20, 20, buf) || memcmp (buf, "PK\006\007", 4) != 0)
        return zip_damaged (zip, error, "no ZIP64 end of central directory");
      z64 = le (buf + 8, 8);
      if (z64 > eocd || !zip_read_at (zip, z64, 56, buf) || memcmp (buf, "PK\006\006", 4) != 0)
        return zip_damaged (zip, error, "no ZIP64 end of central directory");
      *n = le (buf + 32, 8);
      *cd_size = le (buf + 40, 8);
      *cd_off = le (buf + 48, 8);
      eocd = z64;
    }
  if (*cd_off > eocd || *cd_size > eocd - *cd_off || *n > *cd_size / ZIP_CDIR_SIZE)
    return zip_damaged (zip, error, "the central directory lies outside the file");
  return TRUE;
}

static gboolean
read_directory (RlZip   *zip,
                GError **error)
{
  g_autofree guint8 *cd = NULL;
  guint64 cd_off, cd_size, n;

  if (!find_directory (zip, &cd_off, &cd_size, &n, error))
    return FALSE;
  cd = g_malloc (MAX (cd_size, 1));
  if (!zip_read_at (zip, cd_off, cd_size, cd))
    return zip_damaged (zip, error, "the central directory cannot be read");
  if (!read_entries (zip, cd, cd_size, n, error))
    return FALSE;
  for (guint i = zip->entries->len; i > 0; i--)
    {
      const ZipEntry *e = &g_array_index (zip->entries, ZipEntry, i - 1);

      g_hash_table_insert (zip->by_name, e->name, GUINT_TO_POINTER (i));
      g_hash_table_insert (zip->by_key, fold_name (e->name), GUINT_TO_POINTER (i));
    }
  return TRUE;
}

static void
zip_entry_clear (gpointer p)
{
  g_free (((ZipEntry *) p)->name);
}

static const ZipEntry *
zip_find (RlZip      *zip,
          const char *member)
{
  g_autofree char *key = NULL;
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (zip->by_name, member));

  if (i == 0)
    {
      key = fold_name (member);
      i = GPOINTER_TO_UINT (g_hash_table_lookup (zip->by_key, key));
    }
  return i > 0 ? &g_array_index (zip->entries, ZipEntry, i - 1) : NULL;
}

static gboolean
stream_fail (RlZipStream *s,
             GError     **error,
             const char  *what)
{
  g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: “%s” in the ZIP package is damaged (%s)",
               s->zip->path, s->member, what);
  return FALSE;
}

/* Counts bytes that came out of the member against the caps. */
static gboolean
stream_count (RlZipStream  *s,
              const guint8 *buf,
              gsize         n,
              GError      **error)
{
  guint64 in = s->entry->csize - s->in_left - (s->in_len - s->in_off);

  s->out_total += n;
  s->crc = crc32 (s->crc, buf, n);
  if (s->out_total > RL_LIMIT_ZIP_MEMBER)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: “%s” inflates to more than %u bytes "
                   "(RL_LIMIT_ZIP_MEMBER)", s->zip->path, s->member, RL_LIMIT_ZIP_MEMBER);
      return FALSE;
    }
  if (s->out_total > RL_LIMIT_ZIP_RATIO_FLOOR && s->out_total / MAX (in, 1) >= RL_LIMIT_ZIP_RATIO)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: “%s” inflates to more than %u times "
                   "its compressed size (RL_LIMIT_ZIP_RATIO)", s->zip->path, s->member,
                   RL_LIMIT_ZIP_RATIO);
      return FALSE;
    }
  return TRUE;
}

static gboolean
stream_refill (RlZipStream *s,
               GError     **error)
{
  gsize n = MIN (s->in_left, ZIP_BLOCK);

  if (!zip_read_at (s->zip, s->data_off + (s->entry->csize - s->in_left), n, s->in))
    return stream_fail (s, error, "its data lies outside the file");
  s->in_left -= n;
  s->in_len = n;
  s->in_off = 0;
  return TRUE;
}

/* Checks the whole member once it has come out. */
static gboolean
stream_finish (RlZipStream *s,
               GError     **error)
{
  if (s->crc != s->entry->crc)
    return stream_fail (s, error, "wrong CRC");
  if (s->out_total != s->entry->usize)
    return stream_fail (s, error, "its size differs from the directory's");
  return TRUE;
}

static gssize
stream_inflate (RlZipStream *s,
                guint8      *buf,
                gsize        len,
                gboolean    *done,
                GError     **error)
{
  g_autoptr(GError) local = NULL;
  gsize nread = 0, written = 0;
  GConverterResult res;

  res = g_converter_convert (s->inflater, s->in + s->in_off, s->in_len - s->in_off, buf, len,
                             s->in_left == 0 ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                             &nread, &written, &local);
  if (res == G_CONVERTER_ERROR)
    {
      stream_fail (s, error, g_error_matches (local, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT)
                             ? "its data ends early" : "invalid deflate data");
      return -1;
    }
  s->in_off += nread;
  *done = res == G_CONVERTER_FINISHED;
  return written;
}

/* Opens the file and reads its central directory; an error names the file. */
RlZip *
rl_zip_open (const char *path,
             GError    **error)
{
  g_autoptr(GError) local = NULL;
  RlZip *zip;
  GsfInput *input = gsf_input_stdio_new (path, &local);

  if (input == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, "%s: cannot read: %s", path, local->message);
      return NULL;
    }
  zip = g_new0 (RlZip, 1);
  zip->path = g_strdup (path);
  zip->input = input;
  zip->size = gsf_input_size (input);
  zip->entries = g_array_new (FALSE, TRUE, sizeof (ZipEntry));
  g_array_set_clear_func (zip->entries, zip_entry_clear);
  zip->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  zip->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!read_directory (zip, error))
    g_clear_pointer (&zip, rl_zip_free);
  return zip;
}

void
rl_zip_free (RlZip *zip)
{
  if (zip == NULL)
    return;
  g_hash_table_unref (zip->by_key);
  g_hash_table_unref (zip->by_name);
  g_array_unref (zip->entries);
  g_object_unref (zip->input);
  g_free (zip->path);
  g_free (zip);
}

const char *
rl_zip_get_path (const RlZip *zip)
{
  return zip->path;
}

gboolean
rl_zip_has (RlZip      *zip,
            const char *member)
{
  return zip_find (zip, member) != NULL;
}

/* Reads a whole member of at most max_len bytes into a NUL-terminated
 * buffer. */
char *
rl_zip_read (RlZip      *zip,
             const char *member,
             gsize       max_len,
             gsize      *len,
             GError    **error)
{
  g_autoptr(RlZipStream) s = rl_zip_stream_open (zip, member, error);
  g_autoptr(GByteArray) out = NULL;
  guint8 buf[4096];
  gssize n;

  if (s == NULL)
    return NULL;
  out = g_byte_array_new ();
  while ((n = rl_zip_stream_read (s, buf, sizeof buf, error)) > 0)
    {
      if (out->len + (gsize) n > max_len)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: “%s” is longer than %" G_GSIZE_FORMAT
                       " bytes", zip->path, member, max_len);
          return NULL;
        }
      g_byte_array_append (out, buf, n);
    }
  if (n < 0)
    return NULL;
  if (len != NULL)
    *len = out->len;
  g_byte_array_append (out, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&out), FALSE);
}

/* Opens a member for reading; encrypted members and methods other than
 * stored and deflate are refused. */
RlZipStream *
rl_zip_stream_open (RlZip      *zip,
                    const char *member,
                    GError    **error)
{
  const ZipEntry *e = zip_find (zip, member);
  guint8 head[ZIP_LOCAL_SIZE];
  RlZipStream *s;

  if (e == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the package has no “%s”", zip->path,
                   member);
      return NULL;
    }
  if (e->flags & ZIP_FLAG_CRYPT)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_UNSUPPORTED, "%s: “%s” is encrypted; save the file "
                   "without a password and open it again", zip->path, member);
      return NULL;
    }
  if (e->method != ZIP_STORED && e->method != ZIP_DEFLATED)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_UNSUPPORTED, "%s: “%s” is compressed with ZIP method "
                   "%u; only stored and deflated members can be read", zip->path, member,
                   e->method);
      return NULL;
    }
  s = g_new0 (RlZipStream, 1);
  s->zip = zip;
  s->entry = e;
  s->member = g_strdup (member);
  if (!zip_read_at (zip, e->offset, sizeof head, head) || memcmp (head, "PK\003\004", 4) != 0)
    {
      stream_fail (s, error, "no local header");
      rl_zip_stream_free (s);
      return NULL;
    }
  s->data_off = e->offset + ZIP_LOCAL_SIZE + le (head + 26, 2) + le (head + 28, 2);
  s->in = g_malloc (ZIP_BLOCK);
  s->in_left = e->csize;
  if (e->method == ZIP_DEFLATED)
    s->inflater = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW));
  return s;
}

/* Up to len bytes of the member; 0 at its end (once its CRC and size are
 * checked), −1 on error. */
gssize
rl_zip_stream_read (RlZipStream *s,
                    guint8      *buf,
                    gsize        len,
                    GError     **error)
{
  gssize n = 0;

  while (n == 0 && !s->finished)
    {
      gboolean done;

      if (s->in_off == s->in_len && s->in_left > 0 && !stream_refill (s, error))
        return -1;
      if (s->inflater != NULL)
        n = stream_inflate (s, buf, len, &done, error);
      else
        {
          n = MIN (len, s->in_len - s->in_off);
          memcpy (buf, s->in + s->in_off, n);
          s->in_off += n;
          done = s->in_off == s->in_len && s->in_left == 0;
        }
      if (n < 0 || !stream_count (s, buf, n, error))
        return -1;
      s->finished = done;
      if (done && !stream_finish (s, error))
        return -1;
    }
  return n;
}

void
rl_zip_stream_free (RlZipStream *s)
{
  if (s == NULL)
    return;
  g_clear_object (&s->inflater);
  g_free (s->in);
  g_free (s->member);
  g_free (s);
}

static gpointer
xml_init (gpointer data)
{
  xmlInitParser ();
  return NULL;
}

static int
xml_read_cb (void *context,
             char *buf,
             int   len)
{
  RlXml *x = context;
  gssize n;

  if (x->error != NULL)
    return -1;
  n = rl_zip_stream_read (x->stream, (guint8 *) buf, len, &x->error);
  return n < 0 ? -1 : (int) n;
}

static int
xml_close_cb (void *context)
{
  return 0;
}

static void
xml_silent_cb (void       *context,
               const char *format,
               ...)
{
}

/* libxml2's errors (never printed) become the first error of the reader. */
static void
xml_error_cb (void       *context,
              xmlErrorPtr e)
{
  RlXml *x = context;
  g_autofree char *message = NULL;

  if (x == NULL || e == NULL || e->level < XML_ERR_ERROR || x->error != NULL)
    return;
  message = g_strchomp (g_strdup (e->message != NULL ? e->message : "unknown error"));
  if (e->code == XML_ERR_INTERNAL_ERROR && strstr (message, "depth") != NULL)
    g_set_error (&x->error, RL_ERROR, RL_ERROR_PARSE, "%s: “%s”, line %d: elements are nested "
                 "more than %u deep (RL_LIMIT_XML_DEPTH)", x->zip->path, x->member, e->line,
                 RL_LIMIT_XML_DEPTH);
  else
    g_set_error (&x->error, RL_ERROR, RL_ERROR_PARSE, "%s: “%s”, line %d: not well-formed XML: "
                 "%s", x->zip->path, x->member, e->line, message);
}

/* Opens an XML member of the package for reading node by node. */
RlXml *
rl_xml_open (RlZip      *zip,
             const char *member,
             GError    **error)
{
  static GOnce once = G_ONCE_INIT;
  g_autoptr(RlXml) x = NULL;

  g_once (&once, xml_init, NULL);
  x = g_new0 (RlXml, 1);
  x->zip = zip;
  x->member = g_strdup (member);
  x->old_generic = xmlGenericError;
  x->old_generic_ctx = xmlGenericErrorContext;
  x->old_structured = xmlStructuredError;
  x->old_structured_ctx = xmlStructuredErrorContext;
  xmlSetGenericErrorFunc (NULL, xml_silent_cb);
  xmlSetStructuredErrorFunc (x, xml_error_cb);
  x->stream = rl_zip_stream_open (zip, member, error);
  if (x->stream == NULL)
    return NULL;
  x->reader = xmlReaderForIO (xml_read_cb, xml_close_cb, x, member, NULL,
                              XML_PARSE_NONET | XML_PARSE_COMPACT);
  if (x->reader == NULL)
    {
      if (x->error != NULL)
        g_propagate_error (error, g_steal_pointer (&x->error));
      else
        g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: “%s” cannot be read as XML",
                     zip->path, member);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (x->reader, xml_error_cb, x);
  return g_steal_pointer (&x);
}

void
rl_xml_free (RlXml *x)
{
  if (x == NULL)
    return;
  if (x->reader != NULL)
    xmlFreeTextReader (x->reader);
  xmlSetGenericErrorFunc (x->old_generic_ctx, x->old_generic);
  xmlSetStructuredErrorFunc (x->old_structured_ctx, x->old_structured);
  rl_zip_stream_free (x->stream);
  g_clear_pointer (&x->attr_value, xmlFree);
  g_clear_error (&x->error);
  g_free (x->member);
  g_free (x);
}

/* Moves to the next node; FALSE at the end of the document (error unset) or
 * on an error. */
gboolean
rl_xml_next (RlXml   *x,
             GError **error)
{
  int ret = xmlTextReaderRead (x->reader);

  x->in_attrs = FALSE;
  if (x->error == NULL && ret < 0)
    g_set_error (&x->error, RL_ERROR, RL_ERROR_PARSE, "%s: “%s”, line %d: not well-formed XML",
                 x->zip->path, x->member, rl_xml_line (x));
  if (x->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&x->error));
      x->error = g_error_new_literal (RL_ERROR, RL_ERROR_PARSE, "already failed");
      return FALSE;
    }
  if (ret == 0)
    return FALSE;
  x->type = xmlTextReaderNodeType (x->reader);
  x->node = xmlTextReaderCurrentNode (x->reader);
  x->local = (const char *) x->node->name;
  x->ns = x->node->ns != NULL ? (const char *) x->node->ns->href : NULL;
  x->empty = x->type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement (x->reader) == 1;
  if (x->type == XML_READER_TYPE_ELEMENT
      && xmlTextReaderDepth (x->reader) >= (int) RL_LIMIT_XML_DEPTH)
    {
      rl_xml_set_error (x, error, "elements are nested more than %u deep (RL_LIMIT_XML_DEPTH)",
                        RL_LIMIT_XML_DEPTH);
      return FALSE;
    }
  if (x->type == XML_READER_TYPE_ENTITY_REFERENCE)
    {
      rl_xml_set_error (x, error, "the entity “&%s;” is declared in a DTD, which is not read",
                        x->local);
      return FALSE;
    }
  return TRUE;
}

/* The node's type (XML_READER_TYPE_ELEMENT …), local name and namespace URI
 * (NULL for none). */
int
rl_xml_type (RlXml *x)
{
  return x->type;
}

const char *
rl_xml_local (RlXml *x)
{
  return x->local;
}

const char *
rl_xml_ns (RlXml *x)
{
  return x->ns;
}

/* TRUE when ns and local are want_ns (NULL: no namespace) and want_local. */
gboolean
rl_xml_name_is (const char *ns,
                const char *local,
                const char *want_ns,
                const char *want_local)
{
  return local != NULL && strcmp (local, want_local) == 0
         && (want_ns == NULL ? ns == NULL : ns != NULL && strcmp (ns, want_ns) == 0);
}

/* At the start of an element {ns}local (an empty element has no end). */
gboolean
rl_xml_is_start (RlXml      *x,
                 const char *ns,
                 const char *local)
{
  return x->type == XML_READER_TYPE_ELEMENT && rl_xml_name_is (x->ns, x->local, ns, local);
}

gboolean
rl_xml_is_end (RlXml      *x,
               const char *ns,
               const char *local)
{
  return x->type == XML_READER_TYPE_END_ELEMENT && rl_xml_name_is (x->ns, x->local, ns, local);
}

gboolean
rl_xml_is_empty (RlXml *x)
{
  return x->empty;
}

/* The text of a text, CDATA or white-space node, else NULL. */
const char *
rl_xml_text (RlXml *x)
{
  switch (x->type)
    {
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      return (const char *) x->node->content;
    default:
      return NULL;
    }
}

/* The element's attributes one after the other: TRUE with the next one's
 * namespace URI, local name and value (valid until the next call), FALSE
 * after the last. */
gboolean
rl_xml_next_attr (RlXml       *x,
                  const char **ns,
                  const char **local,
                  const char **value)
{
  xmlAttrPtr a;

  if (!x->in_attrs)
    x->attr = x->type == XML_READER_TYPE_ELEMENT ? x->node->properties : NULL;
  x->in_attrs = TRUE;
  a = x->attr;
  if (a == NULL)
    {
      x->in_attrs = FALSE;
      return FALSE;
    }
  x->attr = a->next;
  *ns = a->ns != NULL ? (const char *) a->ns->href : NULL;
  *local = (const char *) a->name;
  if (a->children != NULL && a->children->next == NULL && a->children->type == XML_TEXT_NODE)
    *value = (const char *) a->children->content;
  else
    {
      g_clear_pointer (&x->attr_value, xmlFree);
      x->attr_value = xmlNodeListGetString (a->doc, a->children, 1);
      *value = x->attr_value != NULL ? (const char *) x->attr_value : "";
    }
  return TRUE;
}

/* Ends a loop over rl_xml_next(): TRUE when it stopped at the end of the
 * document, else FALSE with its error (local, taken) in error. */
gboolean
rl_xml_end (GError  *local,
            GError **error)
{
  if (local == NULL)
    return TRUE;
  g_propagate_error (error, local);
  return FALSE;
}

int
rl_xml_line (RlXml *x)
{
  return x->reader != NULL ? xmlTextReaderGetParserLineNumber (x->reader) : 0;
}

/* Sets error to "PATH: “member”, line N: MESSAGE". */
void
rl_xml_set_error (RlXml      *x,
                  GError    **error,
                  const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: “%s”, line %d: %s", x->zip->path, x->member,
               rl_xml_line (x), message);
}
