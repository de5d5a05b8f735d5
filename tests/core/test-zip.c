/* test-zip.c — ZIP packages: member lookup, caps and damage
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The packages are written by tests/data/readers-edge/make-readers-edge.py
 * from zip-good.xlsx with one field of its headers changed.
 */
#include "rl-test-edge.h"
#include "rl-zip.h"

/* Names are found as written, in another ASCII case and with backslashes. */
static void
test_lookup (void)
{
  g_autofree char *path = rl_test_edge_path ("xlsx-backslash.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(RlZip) zip = rl_zip_open (path, &error);
  g_autofree char *text = NULL;
  gsize len = 0;

  g_assert_no_error (error);
  g_assert_true (rl_zip_has (zip, "xl/worksheets/sheet1.xml"));
  g_assert_true (rl_zip_has (zip, "/XL\\WORKSHEETS/sheet1.xml"));
  g_assert_true (rl_zip_has (zip, "[Content_Types].xml"));
  g_assert_false (rl_zip_has (zip, "xl/worksheets/sheet3.xml"));
  text = rl_zip_read (zip, "xl/worksheets/sheet2.xml", 4096, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, ==, strlen (text));
  g_assert_nonnull (strstr (text, "<v>7</v>"));
  g_clear_pointer (&text, g_free);
  text = rl_zip_read (zip, "xl/worksheets/sheet2.xml", 16, &len, &error);
  g_assert_null (text);
  g_assert_error (error, RL_ERROR, RL_ERROR_PARSE);
}

/* Out-of-range DOS dates and times (which make libgsf log a critical) are
 * never read: the package opens, silently. */
static void
test_bad_date (void)
{
  static const char *const names[] = { "zip-bad-date.xlsx", NULL };
  g_autofree char *path = rl_test_edge_path ("zip-bad-date.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(RlWorkbook) wb = rl_workbook_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rl_sheet_get_text (rl_workbook_get_sheet (wb, 0), 1, 1), ==, "ok");
  rl_test_edge_silent (names);
}

/* A truncated package, a wrong CRC, a size that the data does not have, a
 * method other than stored and deflate, an encrypted member, a member that
 * inflates more than RL_LIMIT_ZIP_RATIO times: errors naming file and part. */
static void
test_damaged (void)
{
  static const char *const names[] = { "zip-truncated.xlsx", "zip-bad-crc.xlsx",
                                       "zip-size-lie.xlsx", "zip-method.xlsx",
                                       "zip-encrypted.xlsx", "zip-ratio.xlsx", NULL };
  const char *sheet = "xl/worksheets/sheet1.xml";

  rl_test_edge_refused ("zip-truncated.xlsx", "truncated or damaged", NULL);
  rl_test_edge_refused ("zip-bad-crc.xlsx", sheet, "CRC", NULL);
  rl_test_edge_refused ("zip-size-lie.xlsx", sheet, "size", NULL);
  rl_test_edge_refused ("zip-method.xlsx", sheet, "method 12", NULL);
  rl_test_edge_refused ("zip-encrypted.xlsx", sheet, "encrypted", NULL);
  rl_test_edge_refused ("zip-ratio.xlsx", sheet, "RL_LIMIT_ZIP_RATIO", NULL);
  rl_test_edge_silent (names);
}

static gboolean
set_byte (char  *copy,
          gsize *len,
          guint  i)
{
  if (i / 2 >= *len)
    return FALSE;
  copy[i / 2] = i % 2 == 0 ? (char) 0xFF : 0;
  return TRUE;
}

/* Each single byte of a package's headers and data set to 0xFF or 0x00 is
 * read or refused, never a crash or a message. */
static void
test_corrupted (void)
{
  rl_test_edge_variants ("zip-good.xlsx", set_byte, FALSE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/zip/lookup", test_lookup);
  g_test_add_func ("/zip/bad-date", test_bad_date);
  g_test_add_func ("/zip/damaged", test_damaged);
  g_test_add_func ("/zip/corrupted", test_corrupted);
  return g_test_run ();
}
