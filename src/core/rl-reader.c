/* rl-reader.c — opening a spreadsheet file of any supported format as a workbook
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is told by the content, not by the file name: the OLE2
 * signature means XLS, a ZIP package whose content types name a
 * SpreadsheetML workbook (or that holds xl/workbook.xml) means XLSX, one
 * whose mimetype is an OpenDocument spreadsheet means ODS, the rest is read
 * as CSV. The name only refuses: a file named .xlsx, .xlsm or .ods that is
 * no ZIP package is damaged, not text (a file named .xls may be text: some
 * programs export tab-separated tables under that name).
 */
#include "rl-reader.h"

#include "rl-csv.h"
#include "rl-error.h"
#include "rl-ods.h"
#include "rl-xls.h"
#include "rl-xlsx.h"
#include "rl-zip.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

typedef RlWorkbook *(*RlReadFunc) (const char *path,
                                   GError    **error);

typedef struct
{
  RlFormat    format;
  const char *name;
  RlReadFunc  read;
} RlReader;

static RlWorkbook *
read_csv (const char *path,
          GError    **error)
{
  return rl_csv_read (path, NULL, error);
}

static const RlReader readers[] = {
  { RL_FORMAT_XLS, "xls", rl_xls_read },
  { RL_FORMAT_XLSX, "xlsx", rl_xlsx_read },
  { RL_FORMAT_ODS, "ods", rl_ods_read },
  { RL_FORMAT_CSV, "csv", read_csv },
};

static const guint8 ole2_magic[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

/* TRUE when [Content_Types].xml names a SpreadsheetML workbook part. */
static gboolean
has_workbook_type (RlZip *zip)
{
  static const char *const types[] = {
    "spreadsheetml.sheet.main+xml", "spreadsheetml.template.main+xml",
    "ms-excel.sheet.macroEnabled.main+xml", "ms-excel.template.macroEnabled.main+xml",
  };
  g_autofree char *text = NULL;

  if (!rl_zip_has (zip, "[Content_Types].xml"))
    return FALSE;
  text = rl_zip_read (zip, "[Content_Types].xml", 1024 * 1024, NULL, NULL);
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (types); i++)
    if (strstr (text, types[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* XLSX or ODS, told by the package's parts. */
static RlFormat
sniff_zip (const char *path,
           GError    **error)
{
  g_autoptr(RlZip) zip = rl_zip_open (path, error);
  g_autofree char *mimetype = NULL;

  if (zip == NULL)
    return RL_FORMAT_UNKNOWN;
  if (rl_zip_has (zip, "xl/workbook.xml") || has_workbook_type (zip))
    return RL_FORMAT_XLSX;
  if (rl_zip_has (zip, "mimetype"))
    mimetype = rl_zip_read (zip, "mimetype", 256, NULL, NULL);
  if ((mimetype != NULL && g_str_has_prefix (mimetype,
                                             "application/vnd.oasis.opendocument.spreadsheet"))
      || (mimetype == NULL && rl_zip_has (zip, "content.xml")))
    return RL_FORMAT_ODS;
  g_set_error (error, RL_ERROR, RL_ERROR_UNSUPPORTED, "%s: a ZIP package that is neither an XLSX "
               "nor an ODS spreadsheet", path);
  return RL_FORMAT_UNKNOWN;
}

static gboolean
named_as_package (const char *path)
{
  static const char *const suffixes[] = { ".xlsx", ".xlsm", ".ods" };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;
  return FALSE;
}

/* Tells the format of a file from its first bytes (and, for ZIP packages,
 * from the parts inside). */
RlFormat
rl_format_sniff (const char *path,
                 GError    **error)
{
  guint8 head[8] = { 0 };
  size_t n;
  FILE *f = fopen (path, "rb");

  if (f == NULL)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_IO, "%s: cannot open: %s", path, g_strerror (errno));
      return RL_FORMAT_UNKNOWN;
    }
  n = fread (head, 1, sizeof head, f);
  fclose (f);
  if (n == sizeof head && memcmp (head, ole2_magic, sizeof head) == 0)
    return RL_FORMAT_XLS;
  if (n >= 4 && memcmp (head, "PK\003\004", 4) == 0)
    return sniff_zip (path, error);
  if (named_as_package (path))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: not a spreadsheet package: the file is "
                   "named as one (XLSX or ODS) but is no ZIP file; it may be damaged or cut "
                   "short", path);
      return RL_FORMAT_UNKNOWN;
    }
  return RL_FORMAT_CSV;
}

const char *
rl_format_name (RlFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    if (readers[i].format == format)
      return readers[i].name;
  return "unknown";
}

/* Opens a spreadsheet file (XLS, XLSX, ODS or CSV, told by its content). */
RlWorkbook *
rl_workbook_open (const char *path,
                  GError    **error)
{
  RlFormat format = rl_format_sniff (path, error);

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    if (readers[i].format == format)
      return readers[i].read (path, error);
  return NULL;
}
