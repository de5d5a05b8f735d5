/* test-panel.c — the panel: storage, CSV input and output, sidecar
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "rl-error.h"
#include "rl-panel.h"
#include "rl-test.h"

#define PANEL_HEADER "region_code,region,indicator,year,value"

/* Removes a temporary folder and what is in it (files and one level of folders). */
static void
rl_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        rl_test_remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_storage_grows (void)
{
  g_autoptr(RlPanel) p = rl_panel_new ();
  guint a = rl_panel_add_region (p, "RU-A", "A");
  guint x = rl_panel_add_indicator (p, "x");

  rl_panel_set (p, a, x, 2010, 1.0);
  for (int i = 0; i < 40; i++)
    {
      g_autofree char *code = g_strdup_printf ("RU-%d", i);
      guint r = rl_panel_add_region (p, code, NULL);
      guint j = rl_panel_add_indicator (p, i % 2 ? "y" : "z");
      rl_panel_set (p, r, j, 2000 + i, i);
    }
  rl_assert_close (rl_panel_get (p, a, x, 2010), 1.0, 0);
  rl_assert_close (rl_panel_get (p, rl_panel_find_region (p, "RU-39"), rl_panel_find_indicator (p, "y"), 2039), 39, 0);
  g_assert_true (isnan (rl_panel_get (p, a, x, 2011)));
  g_assert_true (isnan (rl_panel_get (p, a, x, 1900)));
  g_assert_cmpuint (rl_panel_add_region (p, "RU-A", "A"), ==, a);
  g_assert_cmpint (rl_panel_find_region (p, "A"), ==, (int) a);
  g_assert_cmpuint (rl_panel_count_values (p), ==, 41);
}

static void
test_load_panel (void)
{
  g_autofree char *path = rl_test_data_path ("panel-small.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) p = rl_panel_load (path, &error);
  g_autoptr(GArray) years = NULL;
  int gamma, poverty;

  g_assert_no_error (error);
  g_assert_cmpuint (rl_panel_n_regions (p), ==, 3);
  g_assert_cmpuint (rl_panel_n_indicators (p), ==, 2);
  g_assert_false (rl_panel_is_wide (p));
  years = rl_panel_years (p);
  g_assert_cmpuint (years->len, ==, 3);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2019);
  gamma = rl_panel_find_region (p, "RU-CCC");
  poverty = rl_panel_find_indicator (p, "poverty");
  g_assert_cmpstr (rl_panel_region_name (p, gamma), ==, "Gamma, the third");
  rl_assert_close (rl_panel_get (p, gamma, poverty, 2020), 15, 0);
  g_assert_cmpint (rl_panel_indicator (p, poverty)->polarity, ==, RL_POLARITY_POSITIVE);
  g_assert_cmpstr (rl_panel_indicator (p, 0)->name_ru, ==, "Доходы");
  g_assert_cmpstr (rl_panel_indicator (p, poverty)->unit, ==, "%");
}

static void
test_load_wide_semicolon (void)
{
  g_autofree char *path = rl_test_data_path ("wide-semicolon.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) p = rl_panel_load (path, &error);

  g_assert_no_error (error);
  g_assert_true (rl_panel_is_wide (p));
  g_assert_cmpuint (rl_panel_n_regions (p), ==, 3);
  rl_assert_close (rl_panel_get (p, 0, 0, RL_YEAR_NONE), 1.5, 0);
  rl_assert_close (rl_panel_get (p, 2, 1, RL_YEAR_NONE), 6, 0);
  g_assert_true (isnan (rl_panel_get (p, 1, 1, RL_YEAR_NONE)));
}

static void
write_and_load_expect_error (const char *contents,
                             const char *expected_fragment)
{
  g_autofree char *dir = g_dir_make_tmp ("rl-panel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) p = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  p = rl_panel_load (path, &error);
  g_assert_null (p);
  g_assert_error (error, RL_ERROR, RL_ERROR_PARSE);
  if (strstr (error->message, expected_fragment) == NULL || strstr (error->message, path) == NULL)
    g_error ("message “%s” lacks “%s” or the path", error->message, expected_fragment);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_bad_input (void)
{
  write_and_load_expect_error ("region,a,b\nx,1,2\ny,3,abc\n", "row 3, column 3 (b): “abc” is not a number");
  write_and_load_expect_error ("region,a\nx,1,2\n", "row 2: expected 2 columns, found 3");
  write_and_load_expect_error ("region,a\nx,1\nx,2\n", "row 3, column 1: duplicate region name");
  write_and_load_expect_error ("region,a,a\nx,1,2\n", "duplicate column name “a”");
  write_and_load_expect_error ("region,a\n", "no data rows");
  write_and_load_expect_error ("region_code,region,indicator,year,value\nR,X,a,20x0,1\n",
                               "row 2, column 4 (year): “20x0” is not a year");
  write_and_load_expect_error ("region,a\n\"x,1\n", "no data rows");
  write_and_load_expect_error ("region\nx\n", "expected a header");
  write_and_load_expect_error ("\nregion,a\nx,1\n", "row 1: expected a header");
}

/* A file without text says so, naming the file, instead of asking for a header. */
static void
test_empty_file (void)
{
  write_and_load_expect_error ("", "the file is empty");
  write_and_load_expect_error ("\xEF\xBB\xBF", "the file is empty");
  write_and_load_expect_error ("\n\r\n  \n", "the file is empty: it holds only blank lines");
}

/* A long panel of more rows than a spreadsheet holds is read record by
 * record, not through a sheet. */
static void
test_load_many_rows (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rl-panel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "many.csv", NULL);
  g_autoptr(GString) data = g_string_new (PANEL_HEADER "\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) p = NULL;
  const guint n_rows = 1100000;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (data, "R%u,,i%u,%u,%u.5\n", i % 100, i / 100 / 20, 2000 + i / 100 % 20,
                            i);
  g_assert_true (g_file_set_contents (path, data->str, (gssize) data->len, NULL));
  p = rl_panel_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rl_panel_count_values (p), ==, n_rows);
  g_assert_cmpuint (rl_panel_n_regions (p), ==, 100);
  rl_assert_close (rl_panel_get (p, rl_panel_find_region (p, "R7"),
                                 rl_panel_find_indicator (p, "i549"), 2019), 1099907.5, 0);
  g_unlink (path);
  g_rmdir (dir);
}

/* Windows-1251 with decimal commas, as statistics offices export it. */
static void
test_load_cp1251 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rl-panel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cp1251.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) p = NULL;
  /* "регион;доход\nМосква;12,5\n" in Windows-1251 */
  const char data[] = "\xf0\xe5\xe3\xe8\xee\xed;\xe4\xee\xf5\xee\xe4\n\xcc\xee\xf1\xea\xe2\xe0;12,5\n";

  g_assert_true (g_file_set_contents (path, data, -1, NULL));
  p = rl_panel_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rl_panel_region_name (p, 0), ==, "Москва");
  g_assert_cmpstr (rl_panel_indicator (p, 0)->id, ==, "доход");
  rl_assert_close (rl_panel_get (p, 0, 0, RL_YEAR_NONE), 12.5, 0);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) p = rl_panel_load ("/nonexistent/panel.csv", &error);

  g_assert_null (p);
  g_assert_error (error, RL_ERROR, RL_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/panel.csv"));
}

static void
test_save_round_trip (void)
{
  g_autofree char *src = rl_test_data_path ("panel-small.csv");
  g_autofree char *dir = g_dir_make_tmp ("rl-panel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *sidecar = rl_panel_sidecar_path (path);
  g_autoptr(RlPanel) a = rl_panel_load (src, NULL);
  g_autoptr(RlPanel) b = NULL;
  g_autoptr(RlPanel) c = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rl_panel_save (a, path, &error));
  g_assert_no_error (error);
  b = rl_panel_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rl_panel_count_values (a), ==, rl_panel_count_values (b));
  for (guint r = 0; r < rl_panel_n_regions (a); r++)
    for (int y = 2019; y <= 2021; y++)
      {
        double va = rl_panel_get (a, r, 1, y), vb = rl_panel_get (b, r, 1, y);
        g_assert_true ((isnan (va) && isnan (vb)) || va == vb);
      }
  g_assert_cmpstr (rl_panel_region_name (b, 2), ==, "Gamma, the third");
  g_assert_cmpint (rl_panel_indicator (b, 0)->polarity, ==, RL_POLARITY_NEGATIVE);
  c = rl_panel_copy (b);
  g_assert_cmpuint (rl_panel_count_values (c), ==, rl_panel_count_values (b));
  g_assert_cmpstr (rl_panel_indicator (c, 0)->name_ru, ==, "Доходы");

  /* A save that cannot write leaves nothing half-written. */
  g_assert_false (rl_panel_save (a, "/nonexistent/dir/out.csv", &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_IO);
  g_unlink (path);
  g_unlink (sidecar);
  g_rmdir (dir);
}

/* Asserts that two panels hold the same regions, indicators and values, bit
 * for bit, over @years. */
static void
assert_same_panel (const RlPanel *a,
                   const RlPanel *b,
                   const int     *years,
                   guint          n_years)
{
  g_assert_cmpuint (rl_panel_n_regions (a), ==, rl_panel_n_regions (b));
  g_assert_cmpuint (rl_panel_n_indicators (a), ==, rl_panel_n_indicators (b));
  g_assert_cmpuint (rl_panel_count_values (a), ==, rl_panel_count_values (b));
  for (guint r = 0; r < rl_panel_n_regions (a); r++)
    {
      g_assert_cmpstr (rl_panel_region_code (a, r), ==, rl_panel_region_code (b, r));
      g_assert_cmpstr (rl_panel_region_name (a, r), ==, rl_panel_region_name (b, r));
      for (guint j = 0; j < rl_panel_n_indicators (a); j++)
        {
          int jb = rl_panel_find_indicator (b, rl_panel_indicator (a, j)->id);

          g_assert_cmpint (jb, >=, 0);
          for (guint y = 0; y < n_years; y++)
            {
              double va = rl_panel_get (a, r, j, years[y]), vb = rl_panel_get (b, r, jb, years[y]);

              if (!(isnan (va) && isnan (vb)) && memcmp (&va, &vb, sizeof va) != 0)
                g_error ("region %u, %s, %d: saved %.17g, read back %.17g", r,
                         rl_panel_indicator (a, j)->id, years[y], va, vb);
            }
        }
    }
}

static RlPanel *
save_and_load (const RlPanel *panel,
               const char    *dir)
{
  g_autofree char *path = g_build_filename (dir, "odd.csv", NULL);
  g_autoptr(GError) error = NULL;
  RlPanel *back;

  g_assert_true (rl_panel_save (panel, path, &error));
  g_assert_no_error (error);
  back = rl_panel_load (path, &error);
  g_assert_no_error (error);
  return back;
}

/* Every panel the writer writes reads back with the same text and the same
 * doubles: a wide panel's year 0, odd names and extreme values. */
static void
test_round_trip_odd (void)
{
  static const char *const names[] = {
    "Comma, inside", "\"Quoted\" name", "Two\nlines", "CR\r\nLF", "Кабардино-Балкарская "
    "Республика", "  spaces kept  ", "tab\there", "ё;semicolon", "\"", ",",
  };
  static const double values[] = {
    0.1 + 0.2, 1.0 / 3, -0.0, 0.0, 1e308, -1.7976931348623157e308, 4.9406564584124654e-324,
    2.2250738585072014e-308, 123456789.123456789, 264864638.04999998, 1e15 + 0.5, -7, NAN,
  };
  static const int years[] = { RL_YEAR_NONE, 1, 2019, 9999 };
  g_autofree char *dir = g_dir_make_tmp ("rl-panel-XXXXXX", NULL);
  g_autoptr(RlPanel) p = rl_panel_new ();
  g_autoptr(RlPanel) wide = rl_panel_new ();
  g_autoptr(RlPanel) back = NULL;
  guint k = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *code = i % 2 ? g_strdup_printf ("RU-%u,\"x\"", i) : g_strdup ("");
      guint r = rl_panel_add_region (p, code, names[i]);

      for (guint j = 0; j < 3; j++)
        {
          guint ind = rl_panel_add_indicator (p, (const char *[]) { "plain", "id, with comma",
                                                                    "индикатор \"в\"" }[j]);

          for (guint y = 0; y < G_N_ELEMENTS (years); y++)
            rl_panel_set (p, r, ind, years[y], values[k++ % G_N_ELEMENTS (values)]);
        }
      rl_panel_set (wide, rl_panel_add_region (wide, NULL, names[i]),
                    rl_panel_add_indicator (wide, "x"), RL_YEAR_NONE, values[i]);
    }
  back = save_and_load (p, dir);
  assert_same_panel (p, back, years, G_N_ELEMENTS (years));
  g_clear_pointer (&back, rl_panel_free);

  g_assert_true (rl_panel_is_wide (wide));
  back = save_and_load (wide, dir);
  g_assert_true (rl_panel_is_wide (back));
  assert_same_panel (wide, back, years, 1);
  g_clear_pointer (&back, rl_panel_free);
  rl_test_remove_dir (dir);
}

/* What a panel file cannot hold is refused when saving, not written to fail
 * on reading: negative years, years past 9999, infinite values. */
static void
test_save_refuses (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rl-panel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.csv", NULL);
  static const struct { int year; double value; const char *message; } cases[] = {
    { -1, 1, "the year -1 is outside" }, { 10000, 1, "the year 10000 is outside" },
    { 2000, INFINITY, "is infinite" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RlPanel) p = rl_panel_new ();
      g_autoptr(GError) error = NULL;

      rl_panel_set (p, rl_panel_add_region (p, "R", "R"), rl_panel_add_indicator (p, "x"),
                    cases[i].year, cases[i].value);
      g_assert_false (rl_panel_save (p, path, &error));
      g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  rl_test_remove_dir (dir);
}

static RlPanel *
small_panel (double value)
{
  RlPanel *p = rl_panel_new ();
  guint x = rl_panel_add_indicator (p, "x");

  rl_panel_indicator (p, x)->polarity = value > 0 ? RL_POLARITY_POSITIVE : RL_POLARITY_NEGATIVE;
  rl_panel_set (p, rl_panel_add_region (p, "RU-A", "A"), x, 2020, value);
  return p;
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
assert_file_is (const char *path,
                const char *expected)
{
  g_autofree char *text = read_text (path);

  g_assert_cmpstr (text, ==, expected);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* A save that fails before its renames — a write past the file size
 * limit, a sidecar that cannot be replaced — leaves the old pair as it was
 * and no temporary behind. */
static void
test_save_failure_keeps_pair (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rl-panel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "p.csv", NULL);
  g_autofree char *sidecar = rl_panel_sidecar_path (path);
  g_autofree char *inside = g_build_filename (sidecar, "f", NULL);
  g_autoptr(RlPanel) old = small_panel (1);
  g_autoptr(RlPanel) big = rl_panel_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL, *json = NULL;
  struct rlimit saved, small;
  void (*handler) (int);

  g_assert_true (rl_panel_save (old, path, &error));
  csv = read_text (path);
  json = read_text (sidecar);
  g_assert_cmpuint (count_entries (dir), ==, 2);
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *code = g_strdup_printf ("R%u", i);
      rl_panel_set (big, rl_panel_add_region (big, code, code), rl_panel_add_indicator (big, "x"),
                    2020, i);
    }

  /* writes past RLIMIT_FSIZE fail with EFBIG */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = 4096;
  handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  g_assert_false (rl_panel_save (big, path, &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, handler);
  g_assert_error (error, RL_ERROR, RL_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (dir), ==, 2);
  assert_file_is (path, csv);
  assert_file_is (sidecar, json);

  /* a sidecar that cannot be replaced: the panel is not replaced either */
  g_assert_cmpint (g_unlink (sidecar), ==, 0);
  g_assert_cmpint (g_mkdir (sidecar, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "", 0, NULL));
  g_assert_false (rl_panel_save (big, path, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_IO);
  g_assert_cmpuint (count_entries (dir), ==, 2);
  assert_file_is (path, csv);
  rl_test_remove_dir (dir);
}

/* A sidecar records the size and SHA-256 of its panel; beside another
 * panel (a save stopped between its renames, a panel edited alone) the load
 * is refused and says what to do. A sidecar without the record (older
 * files, or one whose record was deleted) is read unchecked. */
static void
test_mismatched_pair (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rl-panel-XXXXXX", NULL);
  g_autofree char *p = g_build_filename (dir, "p.csv", NULL);
  g_autofree char *q = g_build_filename (dir, "q.csv", NULL);
  g_autofree char *p_sidecar = rl_panel_sidecar_path (p);
  g_autofree char *q_sidecar = rl_panel_sidecar_path (q);
  g_autoptr(RlPanel) a = small_panel (1);
  g_autoptr(RlPanel) b = small_panel (-2);
  g_autoptr(RlPanel) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  char *stamp;

  g_assert_true (rl_panel_save (a, p, &error));
  g_assert_true (rl_panel_save (b, q, &error));
  json = read_text (q_sidecar);
  g_assert_true (g_file_set_contents (p_sidecar, json, -1, NULL));
  back = rl_panel_load (p, &error);
  g_assert_null (back);
  g_assert_error (error, RL_ERROR, RL_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, p));
  g_assert_nonnull (strstr (error->message, p_sidecar));
  g_assert_nonnull (strstr (error->message, "belongs to another version of this panel"));
  g_clear_error (&error);

  /* without its "panel" member the sidecar is taken as it is */
  stamp = strstr (json, ",\n  \"panel\"");
  g_assert_nonnull (stamp);
  strcpy (stamp, "\n}");
  g_assert_true (g_file_set_contents (p_sidecar, json, -1, NULL));
  back = rl_panel_load (p, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rl_panel_indicator (back, 0)->polarity, ==, RL_POLARITY_NEGATIVE);
  g_clear_pointer (&back, rl_panel_free);

  /* the matching pair loads */
  back = rl_panel_load (q, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rl_panel_indicator (back, 0)->polarity, ==, RL_POLARITY_NEGATIVE);
  rl_test_remove_dir (dir);
}

/* Every JSON access of the sidecar is checked: a wrong type is an error
 * naming the sidecar and the member, never a GLib critical. */
static void
test_sidecar_errors (void)
{
  static const struct { const char *json; const char *message; } cases[] = {
    { "", "the file is empty" },
    { "[]", "not an object" },
    { "42", "not an object" },
    { "{}", "member “indicators” is not an array" },
    { "{\"indicators\": 5}", "member “indicators” is not an array" },
    { "{\"indicators\": [5]}", "indicator 1 is not an object" },
    { "{\"indicators\": [{\"id\": 5}]}", "indicator 1: member “id” is not a string" },
    { "{\"indicators\": [{}]}", "indicator 1 has no “id”" },
    { "{\"indicators\": [{\"id\": \"x\", \"name\": \"x\"}]}", "member “name” is not an object" },
    { "{\"indicators\": [{\"id\": \"x\", \"name\": {\"en\": 1}}]}", "member “en” is not a string" },
    { "{\"indicators\": [{\"id\": \"x\", \"unit\": []}]}", "member “unit” is not a string" },
    { "{\"indicators\": [{\"id\": \"x\", \"polarity\": 1}]}", "member “polarity” is not a string" },
    { "{\"indicators\": [{\"id\": \"x\", \"polarity\": \"up\"}]}", "polarity “up”" },
    { "{\"indicators\": [], \"panel\": 1}", "member “panel” is not an object" },
    { "{\"indicators\": [], \"panel\": {\"bytes\": \"1\"}}", "panel: member “bytes”" },
    { "{\"indicators\": [], \"panel\": {\"bytes\": 1, \"sha256\": \"zz\"}}",
      "panel: member “sha256”" },
  };
  g_autofree char *dir = g_dir_make_tmp ("rl-panel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "p.csv", NULL);
  g_autofree char *sidecar = rl_panel_sidecar_path (path);

  g_assert_true (g_file_set_contents (path, PANEL_HEADER "\nR,R,x,2020,1\n", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RlPanel) p = NULL;

      g_assert_true (g_file_set_contents (sidecar, cases[i].json, -1, NULL));
      p = rl_panel_load (path, &error);
      g_assert_null (p);
      g_assert_error (error, RL_ERROR, RL_ERROR_PARSE);
      if (!g_str_has_prefix (error->message, sidecar)
          || strstr (error->message, cases[i].message) == NULL)
        g_error ("%s: “%s” lacks the sidecar or “%s”", cases[i].json, error->message,
                 cases[i].message);
    }
  rl_test_remove_dir (dir);
}

/* A few values far apart would make the dense cube huge (10,000 regions ×
 * the years 1 to 9999: 2.6 GB): past RL_LIMIT_PANEL_CELLS the load is
 * refused with the file and row instead. */
static void
test_sparse_panel_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rl-panel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sparse.csv", NULL);
  g_autoptr(GString) data = g_string_new (PANEL_HEADER "\nR0,,x,1,1\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(RlPanel) p = rl_panel_new ();

  for (guint i = 1; i < 10000; i++)
    g_string_append_printf (data, "R%u,,x,9999,%u\n", i, i);
  g_assert_true (g_file_set_contents (path, data->str, (gssize) data->len, NULL));
  g_assert_null (rl_panel_load (path, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "RL_LIMIT_PANEL_CELLS"));
  g_clear_error (&error);

  g_assert_true (rl_panel_set_checked (p, rl_panel_add_region (p, "A", NULL),
                                       rl_panel_add_indicator (p, "x"), 1, 1, &error));
  g_assert_false (rl_panel_set_checked (p, 0, 0, 9999999, 1, &error));
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  rl_assert_close (rl_panel_get (p, 0, 0, 1), 1, 0);
  rl_test_remove_dir (dir);
}

/* Indicator names in the panel's language, falling back to English and
 * then to the id; a copy keeps the language. */
static void
test_indicator_labels (void)
{
  g_autoptr(RlPanel) panel = rl_panel_new ();
  g_autoptr(RlPanel) copy = NULL;
  guint full = rl_panel_add_indicator (panel, "poverty");
  guint bare = rl_panel_add_indicator (panel, "grp");
  guint english = rl_panel_add_indicator (panel, "births");
  RlIndicator *ind = rl_panel_indicator (panel, full);

  ind->name_en = g_strdup ("Poverty");
  ind->name_ru = g_strdup ("Бедность");
  ind->name_uk = g_strdup ("Бідність");
  rl_panel_indicator (panel, english)->name_en = g_strdup ("Live births");

  g_assert_cmpstr (rl_panel_get_language (panel), ==, "en");
  g_assert_cmpstr (rl_panel_indicator_label (panel, full), ==, "Poverty");
  rl_panel_set_language (panel, "uk");
  g_assert_cmpstr (rl_panel_indicator_label (panel, full), ==, "Бідність");
  g_assert_cmpstr (rl_panel_indicator_label (panel, english), ==, "Live births");
  g_assert_cmpstr (rl_panel_indicator_label (panel, bare), ==, "grp");
  g_assert_cmpstr (rl_indicator_label (ind, "ru"), ==, "Бедность");
  g_assert_cmpstr (rl_indicator_label (ind, "de"), ==, "Poverty");
  copy = rl_panel_copy (panel);
  g_assert_cmpstr (rl_panel_indicator_label (copy, full), ==, "Бідність");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/panel/storage-grows", test_storage_grows);
  g_test_add_func ("/panel/load-panel", test_load_panel);
  g_test_add_func ("/panel/load-wide-semicolon", test_load_wide_semicolon);
  g_test_add_func ("/panel/bad-input", test_bad_input);
  g_test_add_func ("/panel/empty-file", test_empty_file);
  g_test_add_func ("/panel/load-many-rows", test_load_many_rows);
  g_test_add_func ("/panel/load-cp1251", test_load_cp1251);
  g_test_add_func ("/panel/missing-file", test_missing_file);
  g_test_add_func ("/panel/save-round-trip", test_save_round_trip);
  g_test_add_func ("/panel/indicator-labels", test_indicator_labels);
  g_test_add_func ("/panel/round-trip-odd", test_round_trip_odd);
  g_test_add_func ("/panel/save-refuses", test_save_refuses);
  g_test_add_func ("/panel/save-failure-keeps-pair", test_save_failure_keeps_pair);
  g_test_add_func ("/panel/mismatched-pair", test_mismatched_pair);
  g_test_add_func ("/panel/sidecar-errors", test_sidecar_errors);
  g_test_add_func ("/panel/sparse-panel-refused", test_sparse_panel_refused);
  return g_test_run ();
}
