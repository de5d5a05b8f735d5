/* rl-zip.c — members of a ZIP package (XLSX, ODS) and the XML inside them
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-zip.h"

#include "rl-error.h"

#include <string.h>

/* The member at a path such as "xl/worksheets/sheet1.xml", or NULL. */
static GsfInput *
zip_child (GsfInfile  *zip,
           const char *member)
{
  g_auto(GStrv) parts = g_strsplit (member, "/", -1);
  GsfInput *cur = g_object_ref (GSF_INPUT (zip));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      GsfInput *next;

      if (parts[i][0] == '\0')
        continue;
      next = GSF_IS_INFILE (cur) ? gsf_infile_child_by_name (GSF_INFILE (cur), parts[i]) : NULL;
      g_object_unref (cur);
      if (next == NULL)
        return NULL;
      cur = next;
    }
  return cur;
}

static guint32
le (const guint8 *p,
    guint         n)
{
  guint32 v = 0;

  for (guint i = n; i > 0; i--)
    v = (v << 8) | p[i - 1];
  return v;
}

/* Checks the central directory: every member's local header and data lie
 * inside the file. libgsf warns instead of failing on such damage. */
static gboolean
zip_check (const guint8 *d,
           gsize         len)
{
  gsize eocd = len >= 22 ? len - 22 : 0, stop = len > 65557 ? len - 65557 : 0, p;
  guint n;

  while (eocd > stop && memcmp (d + eocd, "PK\005\006", 4) != 0)
    eocd--;
  if (len < 22 || memcmp (d + eocd, "PK\005\006", 4) != 0)
    return FALSE;
  n = le (d + eocd + 10, 2);
  p = le (d + eocd + 16, 4);
  for (guint i = 0; i < n; i++)
    {
      gsize local, size, end;

      if (p + 46 > eocd || memcmp (d + p, "PK\001\002", 4) != 0)
        return FALSE;
      local = le (d + p + 42, 4);
      size = le (d + p + 20, 4);
      if (local != 0xFFFFFFFFu && size != 0xFFFFFFFFu)
        {
          if (local + 30 > len || memcmp (d + local, "PK\003\004", 4) != 0)
            return FALSE;
          end = local + 30 + le (d + local + 26, 2) + le (d + local + 28, 2) + size;
          if (end > len)
            return FALSE;
        }
      p += 46 + le (d + p + 28, 2) + le (d + p + 30, 2) + le (d + p + 32, 2);
    }
  return TRUE;
}

/* Opens a ZIP file; an error names the file. */
GsfInfile *
rl_zip_open (const char *path,
             GError    **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GsfInput) input = NULL;
  char *data = NULL;
  gsize len = 0;
  GsfInfile *zip;

  if (!g_file_get_contents (path, &data, &len, &local))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, "%s: cannot read: %s", path, local->message);
      return NULL;
    }
  if (!zip_check ((const guint8 *) data, len))
    {
      g_free (data);
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the ZIP package is truncated or "
                   "damaged", path);
      return NULL;
    }
  input = gsf_input_memory_new ((const guint8 *) data, len, TRUE);
  zip = gsf_infile_zip_new (input, &local);
  if (zip == NULL)
    g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: not a readable ZIP package: %s", path,
                 local != NULL ? local->message : "unknown error");
  return zip;
}

gboolean
rl_zip_has (GsfInfile  *zip,
            const char *member)
{
  g_autoptr(GsfInput) child = zip_child (zip, member);

  return child != NULL;
}

/* Reads a whole member into a NUL-terminated buffer. */
char *
rl_zip_read (GsfInfile  *zip,
             const char *member,
             gsize      *len,
             const char *path,
             GError    **error)
{
  g_autoptr(GsfInput) child = zip_child (zip, member);
  g_autofree char *buf = NULL;
  gsf_off_t size;

  if (child == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: the package has no “%s”", path, member);
      return NULL;
    }
  size = gsf_input_size (child);
  if (size < 0 || size > RL_ZIP_MAX_MEMBER)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: “%s” is too large (%" G_GINT64_FORMAT
                   " bytes)", path, member, (gint64) size);
      return NULL;
    }
  buf = g_malloc (size + 1);
  if (size > 0 && gsf_input_read (child, size, (guint8 *) buf) == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: “%s” is damaged and cannot be read",
                   path, member);
      return NULL;
    }
  buf[size] = '\0';
  if (len != NULL)
    *len = size;
  return g_steal_pointer (&buf);
}

/* Runs a GMarkup parser over a member; errors name the file and the member. */
gboolean
rl_zip_parse_xml (GsfInfile           *zip,
                  const char          *member,
                  const GMarkupParser *parser,
                  gpointer             user_data,
                  const char          *path,
                  GError             **error)
{
  g_autoptr(GMarkupParseContext) ctx = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *xml = NULL;
  gsize len = 0;

  xml = rl_zip_read (zip, member, &len, path, error);
  if (xml == NULL)
    return FALSE;
  ctx = g_markup_parse_context_new (parser, G_MARKUP_PREFIX_ERROR_POSITION, user_data, NULL);
  if (!g_markup_parse_context_parse (ctx, xml, len, &local)
      || !g_markup_parse_context_end_parse (ctx, &local))
    {
      if (local->domain == RL_ERROR)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: “%s” is not valid XML: %s", path,
                     member, local->message);
      return FALSE;
    }
  return TRUE;
}

/* "x:sheetData" → "sheetData". */
const char *
rl_xml_local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

/* The value of the attribute whose local name is local_name, or NULL. */
const char *
rl_xml_attr (const char **names,
             const char **values,
             const char  *local_name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (rl_xml_local_name (names[i]), local_name) == 0)
      return values[i];
  return NULL;
}
