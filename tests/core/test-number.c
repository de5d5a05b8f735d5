/* test-number.c — parsing numbers as statistics tables write them, showing stored numbers
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-number.h"
#include "rl-test.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* Memory whose last readable byte is the NUL ending text: the page after it
 * is unreadable, so reading one byte past the string faults at once, with or
 * without a sanitizer. */
typedef struct
{
  char  *pages;
  gsize  size;
  char  *text;
} Fenced;

static void
fenced_init (Fenced     *f,
             const char *text)
{
  gsize page = (gsize) sysconf (_SC_PAGESIZE), len = strlen (text) + 1;

  g_assert_cmpuint (len, <=, page);
  f->size = 2 * page;
  f->pages = mmap (NULL, f->size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  g_assert_true (f->pages != MAP_FAILED);
  g_assert_cmpint (mprotect (f->pages + page, page, PROT_NONE), ==, 0);
  f->text = f->pages + page - len;
  memcpy (f->text, text, len);
}

static void
fenced_clear (Fenced *f)
{
  munmap (f->pages, f->size);
}

/* rl_parse_number() on text placed just before an unreadable page. */
static gboolean
parse_fenced (const char *text,
              double     *out)
{
  Fenced f;
  gboolean ok;

  fenced_init (&f, text);
  ok = rl_parse_number (f.text, out);
  fenced_clear (&f);
  return ok;
}

static void
test_parse (void)
{
  static const struct { const char *text; double value; } good[] = {
    { "12", 12 }, { "12.5", 12.5 }, { "12,5", 12.5 }, { "-7", -7 }, { "+3", 3 },
    { "\xE2\x88\x92" "4,25", -4.25 }, { "1 234", 1234 }, { "1 234 567,8", 1234567.8 },
    { "1\xC2\xA0" "234,5", 1234.5 }, { "1\xE2\x80\xAF" "000", 1000 }, { "  42  ", 42 },
    { "12.3 1)", 12.3 }, { "12,3*", 12.3 }, { "12,3**", 12.3 }, { "5 1) 2)", 5 },
    { "7\xC2\xB9", 7 }, { "1e3", 1000 }, { "2.5E-2", 0.025 }, { "0,0", 0 }, { ".5", 0.5 },
    { ",5", 0.5 }, { "2019", 2019 }, { "1 234,5 3)", 1234.5 },
  };
  static const char *const bad[] = {
    "", " ", "…", "...", "-", "–", "—", "x", "х", "X", "abc", "12abc", "1,2,3", "1.2.3",
    "12 %", "1 23", "n/a", "e5", "12x", "1 2)x", "7\xC2", "7\xE2", "7\xE2\x81", "7 \xE2\x80",
    "1\xC2", "1\xE2\x80",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      double v = NAN;

      if (!parse_fenced (good[i].text, &v))
        g_error ("“%s” was not read as a number", good[i].text);
      rl_assert_close (v, good[i].value, 1e-15);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (parse_fenced (bad[i], NULL))
      g_error ("“%s” was read as a number", bad[i]);
  g_assert_false (rl_parse_number (NULL, NULL));
}

/* Every number gives the double strtod gives, bit for bit: the short
 * decimals the fast path reads and the long or extreme ones it leaves to
 * g_ascii_strtod(). */
static void
test_parse_exact (void)
{
  static const char *const texts[] = {
    "0.1", "0,3", "-0", "-0.0", "9007199254740993", "9007199254740992", "900719925474099.7",
    "1e22", "1e23", "1e-22", "1e-23", "123456789012345678901234567890", "4.9406564584124654e-324",
    "1.7976931348623157e308", "2.2250738585072014e-308", "0.000000000000000000000000001",
    "12345.678", "-98765.4321", "1e+5", "3.14159265358979323846",
  };
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < G_N_ELEMENTS (texts) + 20000; i++)
    {
      g_autofree char *made = NULL;
      const char *text;
      double v = NAN, expected;

      if (i < G_N_ELEMENTS (texts))
        text = texts[i];
      else
        {
          int digits = g_rand_int_range (rand, 1, 18);
          double x = g_rand_double_range (rand, -1, 1) * pow (10, g_rand_int_range (rand, -30, 30));
          made = g_strdup_printf (i % 2 ? "%.*g" : "%.*f", digits, x);
          text = made;
        }
      expected = g_ascii_strtod (text, NULL);
      g_assert_true (rl_parse_number (text, &v) || strchr (text, ',') != NULL);
      if (strchr (text, ',') != NULL)
        continue;
      if (memcmp (&v, &expected, sizeof v) != 0)
        g_error ("“%s”: %.17g, strtod gives %.17g", text, v, expected);
    }
  g_rand_free (rand);
}

static void
test_general (void)
{
  static const struct { double value; const char *text; } cases[] = {
    { 0, "0" }, { -0.0, "0" }, { 2015, "2015" }, { -17, "-17" }, { 15.8, "15.8" },
    { 0.1, "0.1" }, { 1.0 / 3, "0.3333333333333333" }, { 1e20, "1e+20" },
    { 147539426, "147539426" }, { 6217952034.1, "6217952034.1" }, { 1e-5, "1e-05" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rl_format_general (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_formats (void)
{
  static const struct
  {
    const char *code;
    double      value;
    gboolean    d1904;
    const char *text;
  } cases[] = {
    { "General", 2.5, FALSE, "2.5" }, { "0", 2.5, FALSE, "2" }, { "0.0", 15.84, FALSE, "15.8" },
    { "#,##0.00", 1234.5, FALSE, "1234.50" }, { "0.0%", 0.253, FALSE, "25.3%" },
    { "0.00E+00", 12345, FALSE, "12345" }, { "@", 3, FALSE, "3" },
    { "yyyy-mm-dd", 43831, FALSE, "2020-01-01" },
    { "dd.mm.yyyy", 43831.5, FALSE, "2020-01-01 12:00:00" },
    { "[$-419]d mmmm yyyy", 1, FALSE, "1900-01-01" }, { "m/d/yy", 60, FALSE, "1900-02-29" },
    { "m/d/yy", 61, FALSE, "1900-03-01" }, { "yyyy-mm-dd", 1, TRUE, "1904-01-02" },
    /* below 1, a time alone in both date systems (as xlrd and openpyxl read it) */
    { "hh:mm:ss", 0.3541666666666667, TRUE, "08:30:00" }, { "h:mm", 0.5, FALSE, "12:00:00" },
    { "yyyy-mm-dd", 0, TRUE, "00:00:00" }, { "h:mm", 0.9999999999, TRUE, "1904-01-02" },
    { "yyyy-mm-dd hh:mm", 1.75, TRUE, "1904-01-02 18:00:00" },
    { "yyyy-mm-dd", -0.5, FALSE, "-0.5" },
    { "\"г.\"0", 5, FALSE, "5" }, { "0.00;[Red]-0.00", -1.5, FALSE, "-1.50" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RlNumFormat fmt;
      g_autofree char *text = NULL;

      rl_num_format_classify (cases[i].code, &fmt);
      text = rl_num_format_display (&fmt, cases[i].value, cases[i].d1904);
      if (g_strcmp0 (text, cases[i].text) != 0)
        g_error ("%s of %g: “%s”, expected “%s”", cases[i].code, cases[i].value, text,
                 cases[i].text);
    }
}

static void
test_builtin (void)
{
  RlNumFormat fmt;

  g_assert_true (rl_num_format_builtin (0, &fmt));
  g_assert_cmpint (fmt.kind, ==, RL_NUM_GENERAL);
  g_assert_true (rl_num_format_builtin (4, &fmt));
  g_assert_cmpint (fmt.kind, ==, RL_NUM_FIXED);
  g_assert_cmpuint (fmt.decimals, ==, 2);
  g_assert_true (rl_num_format_builtin (10, &fmt));
  g_assert_cmpint (fmt.kind, ==, RL_NUM_PERCENT);
  g_assert_true (rl_num_format_builtin (14, &fmt));
  g_assert_cmpint (fmt.kind, ==, RL_NUM_DATE);
  g_assert_false (rl_num_format_builtin (5, &fmt));
  g_assert_false (rl_num_format_builtin (164, &fmt));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/number/parse", test_parse);
  g_test_add_func ("/number/parse-exact", test_parse_exact);
  g_test_add_func ("/number/general", test_general);
  g_test_add_func ("/number/formats", test_formats);
  g_test_add_func ("/number/builtin", test_builtin);
  return g_test_run ();
}
