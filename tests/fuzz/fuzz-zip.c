/* fuzz-zip.c — members of a ZIP package (rl-zip.h) and the XML inside them
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-fuzz.h"

#include "rl-zip.h"

/* Walks @member node by node as the readers do, reading every attribute and
 * text; errors end the walk. */
static void
walk_xml (RlZip      *zip,
          const char *member)
{
  g_autoptr(RlXml) xml = rl_xml_open (zip, member, NULL);
  g_autoptr(GError) error = NULL;

  if (xml == NULL)
    return;
  while (rl_xml_next (xml, &error))
    {
      const char *ns, *local, *value;

      rl_xml_type (xml);
      rl_xml_local (xml);
      rl_xml_ns (xml);
      rl_xml_is_empty (xml);
      rl_xml_text (xml);
      while (rl_xml_next_attr (xml, &ns, &local, &value))
        ;
      rl_xml_line (xml);
    }
}

/* Streams @member to its end in small reads. */
static void
stream_member (RlZip      *zip,
               const char *member)
{
  g_autoptr(RlZipStream) stream = rl_zip_stream_open (zip, member, NULL);
  guint8 buf[4096];

  if (stream == NULL)
    return;
  while (rl_zip_stream_read (stream, buf, sizeof buf, NULL) > 0)
    ;
}

/* Every member the readers look for: read whole, streamed and parsed as XML. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *members[] = {
    "mimetype", "content.xml", "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
    "xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml",
    "xl/_rels/workbook.xml.rels",
  };
  g_autofree char *path = NULL;
  g_autoptr(RlZip) zip = NULL;

  rl_fuzz_init ();
  path = rl_fuzz_write_file ("input.zip", data, size);
  zip = rl_zip_open (path, NULL);
  if (zip == NULL)
    return 0;
  rl_zip_get_path (zip);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      if (!rl_zip_has (zip, members[i]))
        continue;
      g_free (rl_zip_read (zip, members[i], 1024 * 1024, NULL, NULL));
      stream_member (zip, members[i]);
      walk_xml (zip, members[i]);
    }
  return 0;
}
