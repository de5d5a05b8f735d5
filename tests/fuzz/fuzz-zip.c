/* fuzz-zip.c — members of a ZIP package (rl-zip.h) and the XML inside them
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-fuzz.h"

#include "rl-zip.h"

static void
start_element (GMarkupParseContext *context,
               const char          *element,
               const char         **names,
               const char         **values,
               gpointer             user_data,
               GError             **error)
{
  rl_xml_local_name (element);
  rl_xml_attr (names, values, "r");
}

static const GMarkupParser parser = { start_element, NULL, NULL, NULL, NULL };

/* Every member the readers look for, read whole and parsed as XML. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *members[] = {
    "mimetype", "content.xml", "[Content_Types].xml", "xl/workbook.xml",
    "xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml",
    "xl/_rels/workbook.xml.rels",
  };
  g_autofree char *path = NULL;
  g_autoptr(GsfInfile) zip = NULL;

  rl_fuzz_init ();
  path = rl_fuzz_write_file ("input.zip", data, size);
  zip = rl_zip_open (path, NULL);
  if (zip == NULL)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autofree char *text = NULL;
      gsize len = 0;

      if (!rl_zip_has (zip, members[i]))
        continue;
      text = rl_zip_read (zip, members[i], &len, path, NULL);
      rl_zip_parse_xml (zip, members[i], &parser, NULL, path, NULL);
    }
  for (int i = 0; i < gsf_infile_num_children (zip); i++)
    {
      const char *name = gsf_infile_name_by_index (zip, i);

      if (name != NULL)
        g_free (rl_zip_read (zip, name, NULL, path, NULL));
    }
  return 0;
}
