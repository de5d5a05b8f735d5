/* rl-ole.c — one stream of an OLE2 compound file, read whole
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The XLS reader needs a single stream ("Workbook" or "Book") of the root
 * storage. libgsf's OLE2 reader (1.14.50, as Debian 12 ships it) treats many inconsistencies of a damaged
 * file as programming errors and logs GLib criticals or warnings for them
 * (gsf-infile-msole.c: ole_seek_block() for a sector past the end of the
 * file, ole_dirent_new() for a directory entry outside the directory, an
 * entry reached twice or a stream larger than the file, ole_make_bat() and
 * ole_info_read_metabat() for a chain that does not end in ENDOFCHAIN or an
 * allocation entry past the file), and walks the directory tree by
 * recursion. Checking all that before handing the file to libgsf is the same
 * work as reading the stream, so the stream is read here: the header, the
 * allocation table (FAT, through the header's DIFAT and the DIFAT chain),
 * the directory, the root storage's entries (walked without recursion) and
 * the stream's chain in the FAT or, for a small stream, in the mini stream.
 * Every sector number is checked against the table and the file, every
 * chain against loops and its length, so a damaged file is a GError.
 */
#include "rl-ole-private.h"

#include "rl-error.h"
#include "rl-limits.h"

#include <string.h>

enum
{
  OLE_HEADER = 512,
  OLE_DIRENT = 128,
  OLE_DIFAT_IN_HEADER = 109,
};

#define OLE_ENDOFCHAIN 0xFFFFFFFEu
#define OLE_NOSTREAM   0xFFFFFFFFu
#define OLE_FREESECT   0xFFFFFFFFu

/* Where the sectors of a chain are: units of @unit bytes from @first in
 * @data, linked by @next. */
typedef struct
{
  const guint8  *data;
  gsize          len;
  gsize          first;
  gsize          unit;
  const guint32 *next;
  gsize          n_next;
} OleSectors;

typedef struct
{
  const char   *path;
  const guint8 *file;
  gsize         len;
  guint         major;
  OleSectors    big;  /* the file's sectors and the FAT */
  guint32      *fat;
  guint8       *dir;
  gsize         n_dirents;
} OleFile;

static gboolean
damaged (const OleFile *ole,
         GError       **error,
         const char    *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
damaged (const OleFile *ole,
         GError       **error,
         const char    *format,
         ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the OLE2 (Excel 97–2003) container is "
               "truncated or damaged: %s", ole->path, what);
  return FALSE;
}

/* Reads @want bytes along the chain from @start (G_MAXSIZE: up to its
 * ENDOFCHAIN) into @out. */
static gboolean
read_chain (const OleFile    *ole,
            const OleSectors *sec,
            guint32           start,
            gsize             want,
            const char       *what,
            GByteArray       *out,
            GError          **error)
{
  g_autofree guint8 *seen = g_malloc0 (sec->n_next / 8 + 1);
  guint32 s = start;

  while (out->len < want)
    {
      gsize off, k;

      if (s == OLE_ENDOFCHAIN && want == G_MAXSIZE)
        break;
      if (s == OLE_ENDOFCHAIN)
        return damaged (ole, error, "the chain of %s ends after %u of its %" G_GSIZE_FORMAT
                        " bytes", what, out->len, want);
      if (s >= sec->n_next)
        return damaged (ole, error, "the chain of %s points to sector 0x%X, outside the "
                        "allocation table", what, s);
      if (seen[s / 8] & (1u << (s % 8)))
        return damaged (ole, error, "the chain of %s runs in a loop", what);
      seen[s / 8] |= 1u << (s % 8);
      off = sec->first + (gsize) s * sec->unit;
      k = MIN (sec->unit, want - out->len);
      if (off > sec->len || sec->len - off < k)
        return damaged (ole, error, "the chain of %s points past the end of the file", what);
      g_byte_array_append (out, sec->data + off, k);
      s = sec->next[s];
    }
  return TRUE;
}

/* The FAT sector numbers: the first 109 in the header, the rest in the
 * DIFAT chain (each DIFAT sector ends with the number of the next). */
static gboolean
fat_sector_ids (const OleFile *ole,
                guint32       *ids,
                guint32        n_ids,
                gsize          n_sectors,
                GError       **error)
{
  guint32 n = MIN (n_ids, OLE_DIFAT_IN_HEADER);
  guint32 difat = rl_le32 (ole->file + 0x44);
  guint32 n_difat = rl_le32 (ole->file + 0x48);
  gsize per_sector = ole->big.unit / 4 - 1;

  for (guint32 i = 0; i < n; i++)
    ids[i] = rl_le32 (ole->file + 0x4C + 4 * i);
  for (guint32 d = 0; n < n_ids; d++)
    {
      const guint8 *p;

      if (d >= n_difat || difat >= n_sectors)
        return damaged (ole, error, "the DIFAT lists fewer allocation sectors than the header "
                        "declares");
      p = ole->file + ole->big.first + (gsize) difat * ole->big.unit;
      for (gsize i = 0; i < per_sector && n < n_ids; i++)
        ids[n++] = rl_le32 (p + 4 * i);
      difat = rl_le32 (p + 4 * per_sector);
    }
  return TRUE;
}

static gboolean
read_header (OleFile *ole,
             GError **error)
{
  static const guint8 magic[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
  guint shift, mini_shift;
  gsize n_sectors;
  guint32 n_fat;
  g_autofree guint32 *ids = NULL;

  if (ole->len < OLE_HEADER || memcmp (ole->file, magic, sizeof magic) != 0)
    return damaged (ole, error, "the header is missing");
  ole->major = rl_le16 (ole->file + 0x1A);
  shift = rl_le16 (ole->file + 0x1E);
  mini_shift = rl_le16 (ole->file + 0x20);
  if (rl_le16 (ole->file + 0x1C) != 0xFFFE || shift < 7 || shift > 16 || mini_shift < 2
      || mini_shift > shift)
    return damaged (ole, error, "the header has an impossible byte order or sector size");
  ole->big.data = ole->file;
  ole->big.len = ole->len;
  ole->big.unit = (gsize) 1 << shift;
  ole->big.first = MAX ((gsize) OLE_HEADER, ole->big.unit);
  /* Sectors wholly inside the file: only those can hold allocation tables. */
  n_sectors = ole->len > ole->big.first ? (ole->len - ole->big.first) / ole->big.unit : 0;
  n_fat = rl_le32 (ole->file + 0x2C);
  if (n_fat == 0 || n_fat > n_sectors)
    return damaged (ole, error, "the header declares %u allocation sectors in a file of %"
                    G_GSIZE_FORMAT, n_fat, n_sectors);
  ids = g_new (guint32, n_fat);
  if (!fat_sector_ids (ole, ids, n_fat, n_sectors, error))
    return FALSE;
  ole->big.n_next = (gsize) n_fat * (ole->big.unit / 4);
  ole->fat = g_new (guint32, ole->big.n_next);
  for (guint32 i = 0; i < n_fat; i++)
    {
      const guint8 *p = ole->file + ole->big.first + (gsize) ids[i] * ole->big.unit;
      guint32 *fat = ole->fat + i * (ole->big.unit / 4);

      if (ids[i] == OLE_FREESECT)
        {
          /* some writers leave DIFAT entries unused: sectors of free entries */
          memset (fat, 0xFF, ole->big.unit);
          continue;
        }
      if (ids[i] >= n_sectors)
        return damaged (ole, error, "allocation sector %u is sector 0x%X, past the end of the "
                        "file", i, ids[i]);
      for (gsize k = 0; k < ole->big.unit / 4; k++)
        fat[k] = rl_le32 (p + 4 * k);
    }
  ole->big.next = ole->fat;
  return TRUE;
}

static gboolean
read_directory (OleFile *ole,
                GError **error)
{
  g_autoptr(GByteArray) dir = g_byte_array_new ();

  if (!read_chain (ole, &ole->big, rl_le32 (ole->file + 0x30), G_MAXSIZE, "the directory", dir,
                   error))
    return FALSE;
  ole->n_dirents = dir->len / OLE_DIRENT;
  if (ole->n_dirents == 0 || dir->data[0x42] != 5)
    return damaged (ole, error, "the directory has no root entry");
  ole->dir = g_byte_array_free (g_steal_pointer (&dir), FALSE);
  return TRUE;
}

/* The index in @names of the entry's name, or −1. */
static int
match_name (const guint8      *e,
            const char *const *names)
{
  guint n = rl_le16 (e + 0x40);
  char name[32];
  guint k = 0;

  if (n < 2 || n > 64 || n % 2 != 0)
    return -1;
  for (guint i = 0; i + 2 < n; i += 2)
    {
      guint16 u = rl_le16 (e + i);

      if (u == 0 || u > 0x7F)
        return -1;
      name[k++] = (char) u;
    }
  name[k] = '\0';
  for (int i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return i;
  return -1;
}

/* The entry of the first of @names among the root storage's children (a
 * tree of left and right siblings under the root's child), or −1. */
static gboolean
find_stream (const OleFile     *ole,
             const char *const *names,
             gssize            *found,
             GError           **error)
{
  g_autofree guint8 *seen = g_malloc0 (ole->n_dirents);
  g_autoptr(GArray) todo = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 first = rl_le32 (ole->dir + 0x4C);
  int best = -1;

  *found = -1;
  g_array_append_val (todo, first);
  while (todo->len > 0)
    {
      guint32 id = g_array_index (todo, guint32, todo->len - 1), left, right;
      const guint8 *e;
      int m;

      g_array_set_size (todo, todo->len - 1);
      if (id == OLE_NOSTREAM)
        continue;
      if (id == 0 || id >= ole->n_dirents || seen[id])
        return damaged (ole, error, "the directory tree links entry %u %s", id,
                        id == 0 || id < ole->n_dirents ? "twice" : "outside the directory");
      seen[id] = TRUE;
      e = ole->dir + (gsize) id * OLE_DIRENT;
      if (e[0x42] != 1 && e[0x42] != 2)
        return damaged (ole, error, "directory entry %u has the unknown type %u", id, e[0x42]);
      m = e[0x42] == 2 ? match_name (e, names) : -1;
      if (m >= 0 && (best < 0 || m < best))
        {
          best = m;
          *found = id;
        }
      left = rl_le32 (e + 0x44);
      right = rl_le32 (e + 0x48);
      g_array_append_val (todo, left);
      g_array_append_val (todo, right);
    }
  return TRUE;
}

/* The size of a directory entry's stream; version 3 files only use the low
 * 32 bits. */
static gboolean
entry_size (const OleFile *ole,
            const guint8  *e,
            const char    *what,
            gsize         *size,
            GError       **error)
{
  guint64 n = rl_le32 (e + 0x78);

  if (ole->major == 4)
    n |= (guint64) rl_le32 (e + 0x7C) << 32;
  if (n > RL_LIMIT_OLE_STREAM)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: %s is %" G_GUINT64_FORMAT " bytes, more "
                   "than %u (RL_LIMIT_OLE_STREAM)", ole->path, what, n, RL_LIMIT_OLE_STREAM);
      return FALSE;
    }
  if (n > ole->len)
    return damaged (ole, error, "%s is %" G_GUINT64_FORMAT " bytes, larger than the file", what,
                    n);
  *size = n;
  return TRUE;
}

/* A stream below the cutoff lives in the mini stream (the root entry's
 * stream), in mini sectors linked by the mini FAT. */
static gboolean
read_small (const OleFile *ole,
            const guint8  *e,
            gsize          size,
            GByteArray    *out,
            GError       **error)
{
  g_autoptr(GByteArray) mini = g_byte_array_new ();
  g_autoptr(GByteArray) minifat = g_byte_array_new ();
  g_autofree guint32 *next = NULL;
  OleSectors sec = { 0 };
  gsize root_size;

  if (!entry_size (ole, ole->dir, "the mini stream", &root_size, error)
      || !read_chain (ole, &ole->big, rl_le32 (ole->dir + 0x74), root_size, "the mini stream", mini,
                      error)
      || !read_chain (ole, &ole->big, rl_le32 (ole->file + 0x3C), G_MAXSIZE, "the mini FAT",
                      minifat, error))
    return FALSE;
  sec.data = mini->data;
  sec.len = mini->len;
  sec.unit = (gsize) 1 << rl_le16 (ole->file + 0x20);
  sec.n_next = minifat->len / 4;
  next = g_new (guint32, sec.n_next + 1);
  for (gsize i = 0; i < sec.n_next; i++)
    next[i] = rl_le32 (minifat->data + 4 * i);
  sec.next = next;
  return read_chain (ole, &sec, rl_le32 (e + 0x74), size, "the workbook stream", out, error);
}

guint8 *
rl_ole_read_stream (const char        *path,
                    const guint8      *file,
                    gsize              file_len,
                    const char *const *names,
                    gsize             *len,
                    GError           **error)
{
  OleFile ole = { path, file, file_len };
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gssize id = -1;
  gsize size = 0;
  gboolean ok;

  ok = read_header (&ole, error) && read_directory (&ole, error)
       && find_stream (&ole, names, &id, error);
  if (ok && id < 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the OLE2 file holds no Excel workbook "
                   "stream", path);
      ok = FALSE;
    }
  if (ok)
    {
      const guint8 *e = ole.dir + (gsize) id * OLE_DIRENT;

      ok = entry_size (&ole, e, "the workbook stream", &size, error);
      if (ok && size < rl_le32 (file + 0x38))
        ok = read_small (&ole, e, size, out, error);
      else if (ok)
        ok = read_chain (&ole, &ole.big, rl_le32 (e + 0x74), size, "the workbook stream", out,
                         error);
    }
  g_free (ole.fat);
  g_free (ole.dir);
  if (!ok)
    return NULL;
  *len = out->len;
  if (out->len == 0)
    return g_malloc0 (1); /* an empty stream, which the caller reports */
  return g_byte_array_free (g_steal_pointer (&out), FALSE);
}
