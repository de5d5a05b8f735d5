/* rl-number.c — numbers in spreadsheet text: parsing what people write, showing what files store
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-number.h"

#include <math.h>
#include <string.h>

/* Length of the space-like character at p (ASCII space or tab, NBSP, thin
 * space, narrow NBSP), or 0. A byte after p is looked at only when the bytes
 * before it matched, so the lookahead never passes the terminating NUL. */
static int
space_len (const char *p)
{
  const guchar *u = (const guchar *) p;

  if (u[0] == ' ' || u[0] == '\t')
    return 1;
  if (u[0] == 0xC2)
    return u[1] == 0xA0 ? 2 : 0;
  if (u[0] == 0xE2 && u[1] == 0x80)
    return (u[2] == 0x89 || u[2] == 0xAF) ? 3 : 0;
  return 0;
}

static const char *
skip_spaces (const char *p)
{
  int n;

  while ((n = space_len (p)) > 0)
    p += n;
  return p;
}

/* Length of a superscript digit at p (¹ ² ³ U+00B9, U+00B2, U+00B3; ⁰ ⁴–⁹
 * U+2070, U+2074–U+2079), or 0; looks ahead as space_len() does. */
static int
superscript_len (const char *p)
{
  const guchar *u = (const guchar *) p;

  if (u[0] == 0xC2)
    return (u[1] == 0xB9 || u[1] == 0xB2 || u[1] == 0xB3) ? 2 : 0;
  if (u[0] == 0xE2 && u[1] == 0x81)
    return (u[2] == 0xB0 || (u[2] >= 0xB4 && u[2] <= 0xB9)) ? 3 : 0;
  return 0;
}

/* TRUE when the rest is only footnote marks: "1)", "*", "**", superscript
 * digits, separated by spaces or commas. */
static gboolean
only_footnotes (const char *p)
{
  for (;;)
    {
      const char *q;
      int n;

      p = skip_spaces (p);
      if (*p == '\0')
        return TRUE;
      if (*p == '*' || *p == ',')
        {
          p++;
          continue;
        }
      if ((n = superscript_len (p)) > 0)
        {
          p += n;
          continue;
        }
      for (q = p; g_ascii_isdigit (*q); q++)
        ;
      if (q == p || *q != ')')
        return FALSE;
      p = q + 1;
    }
}

/* The plain text of the number being parsed ("-1234.5e-3"), on the stack
 * unless it is long. */
typedef struct
{
  char  *str;
  gsize  len;
  gsize  cap;
  char   stack[64];
} NumText;

static void
num_grow (NumText *b)
{
  char *bigger = g_malloc (b->cap * 2);

  memcpy (bigger, b->str, b->len);
  if (b->str != b->stack)
    g_free (b->str);
  b->str = bigger;
  b->cap *= 2;
}

/* Appends c; the text is terminated once it is complete. */
static inline void
num_put (NumText *b,
         char     c)
{
  if (G_UNLIKELY (b->len + 2 > b->cap))
    num_grow (b);
  b->str[b->len++] = c;
}

/* Copies digits from *p to buf, skipping a space-like group separator when it
 * is followed by exactly three digits. Returns the number of digits copied. */
static guint
scan_grouped_digits (const char **p,
                     NumText     *buf)
{
  const char *s = *p;
  guint n = 0;

  for (;;)
    {
      int sp;

      while (g_ascii_isdigit (*s))
        {
          num_put (buf, *s++);
          n++;
        }
      sp = space_len (s);
      if (n == 0 || sp == 0 || !g_ascii_isdigit (s[sp]) || !g_ascii_isdigit (s[sp + 1])
          || !g_ascii_isdigit (s[sp + 2]) || g_ascii_isdigit (s[sp + 3]))
        break;
      s += sp;
    }
  *p = s;
  return n;
}

static guint
scan_digits (const char **p,
             NumText     *buf)
{
  guint n = 0;

  while (g_ascii_isdigit (**p))
    {
      num_put (buf, *(*p)++);
      n++;
    }
  return n;
}

/* The double nearest to the plain text s ("-1234.5e-3"). When the digits
 * make an integer m below 2^53 and the power of ten is at most 22 either way,
 * m × 10^e or m / 10^-e is one correctly rounded operation on exact
 * operands, so it is the nearest double, as strtod gives; anything else goes
 * to g_ascii_strtod(). */
static const double plain_powers[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static double
plain_to_double (const char *s)
{
  const char *p = s;
  gboolean negative = *p == '-';
  guint64 m = 0;
  int e = 0, exp = 0, exp_digits = 0;
  double v;

  if (*p == '-' || *p == '+')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    {
      if (m > (G_GUINT64_CONSTANT (1) << 53) / 10)
        return g_ascii_strtod (s, NULL);
      m = m * 10 + (guint64) (*p - '0');
    }
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++, e--)
      {
        if (m > (G_GUINT64_CONSTANT (1) << 53) / 10)
          return g_ascii_strtod (s, NULL);
        m = m * 10 + (guint64) (*p - '0');
      }
  if (*p == 'e' || *p == 'E')
    {
      gboolean minus = *++p == '-';

      if (*p == '-' || *p == '+')
        p++;
      for (; g_ascii_isdigit (*p) && exp_digits < 6; p++, exp_digits++)
        exp = exp * 10 + (*p - '0');
      if (exp_digits >= 6)
        return g_ascii_strtod (s, NULL);
      e += minus ? -exp : exp;
    }
  if (m == 0)
    return negative ? -0.0 : 0.0;
  if (m > G_GUINT64_CONSTANT (1) << 53 || e < -22 || e > 22)
    return g_ascii_strtod (s, NULL);
  v = e < 0 ? (double) m / plain_powers[-e] : (double) m * plain_powers[e];
  return negative ? -v : v;
}

/* The common case at once: text that is only "-123.45" or "123" (no spaces,
 * groups, exponent or marks) whose digits make an integer below 2^53; the
 * same double plain_to_double() gives. FALSE leaves it to the full parse. */
static gboolean
parse_simple (const char *p,
              double     *out)
{
  gboolean negative = *p == '-';
  guint64 m = 0;
  int decimals = 0, digits = 0;

  p += negative;
  for (; g_ascii_isdigit (*p) && digits < 16; p++, digits++)
    m = m * 10 + (guint64) (*p - '0');
  if (*p == '.' && g_ascii_isdigit (p[1]))
    for (p++; g_ascii_isdigit (*p) && digits < 16; p++, digits++, decimals++)
      m = m * 10 + (guint64) (*p - '0');
  if (*p != '\0' || digits == 0 || digits >= 16)
    return FALSE;
  *out = m == 0 ? 0.0 : (double) m / plain_powers[decimals];
  if (negative)
    *out = -*out;
  return TRUE;
}

/* Parses a number as statistics tables write it: "1 234,5", "12.3", "-7",
 * "1e3", with a decimal comma or point, spaces or no-break spaces between
 * thousands, and footnote marks after it ("12.3 1)", "12,3*"). Returns FALSE
 * for anything else, including "…", "-", "x" and the empty string. */
gboolean
rl_parse_number (const char *text,
                 double     *out)
{
  NumText buf = { NULL, 0, sizeof buf.stack, { 0 } };
  const char *p;
  guint digits;
  gboolean ok;
  double v = 0;

  if (text == NULL)
    return FALSE;
  if (parse_simple (text, &v))
    {
      if (out != NULL)
        *out = v;
      return TRUE;
    }
  buf.str = buf.stack;
  p = skip_spaces (text);
  if (*p == '+' || *p == '-')
    num_put (&buf, *p++);
  else if (strncmp (p, "\xE2\x88\x92", 3) == 0) /* U+2212 minus sign */
    {
      num_put (&buf, '-');
      p += 3;
    }
  digits = scan_grouped_digits (&p, &buf);
  if ((*p == '.' || *p == ',') && g_ascii_isdigit (p[1]))
    {
      num_put (&buf, '.');
      p++;
      digits += scan_digits (&p, &buf);
    }
  if ((*p == 'e' || *p == 'E')
      && (g_ascii_isdigit (p[1]) || ((p[1] == '-' || p[1] == '+') && g_ascii_isdigit (p[2]))))
    {
      num_put (&buf, *p++);
      if (*p == '-' || *p == '+')
        num_put (&buf, *p++);
      scan_digits (&p, &buf);
    }
  buf.str[buf.len] = '\0';
  ok = digits > 0 && only_footnotes (p);
  if (ok)
    v = plain_to_double (buf.str);
  if (buf.str != buf.stack)
    g_free (buf.str);
  if (!ok || !isfinite (v))
    return FALSE;
  if (out != NULL)
    *out = v;
  return TRUE;
}

/* A number as a spreadsheet's General format would show it, without its
 * limit on digits: integers without decimals, otherwise the shortest text that
 * reads back as the same double. */
char *
rl_format_general (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("NaN");
  if (isinf (value))
    return g_strdup (value > 0 ? "Infinity" : "-Infinity");
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value == 0 ? 0.0 : value);
  return g_strdup (rl_format_round_trip (value, buf));
}

/* The shortest of "%.15g", "%.16g" and "%.17g" (in the C locale) that reads
 * back as exactly value, written to buf; returns buf. Negative zero stays
 * "-0". */
const char *
rl_format_round_trip (double value,
                      char   buf[G_ASCII_DTOSTR_BUF_SIZE])
{
  for (int prec = 15; prec <= 17; prec++)
    {
      char fmt[8];

      g_snprintf (fmt, sizeof fmt, "%%.%dg", prec);
      g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, fmt, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return buf;
}

/* Skips one quoted string, escaped character or bracketed part of a format
 * code; sets *date when a bracket holds an elapsed time ([h], [mm], [ss]). */
static const char *
skip_format_literal (const char *p,
                     gboolean   *date)
{
  const char *end;

  switch (*p)
    {
    case '"':
      end = strchr (p + 1, '"');
      return end != NULL ? end + 1 : p + strlen (p);
    case '\\': case '_': case '*':
      return p[1] != '\0' ? p + 2 : p + 1;
    case '[':
      end = strchr (p, ']');
      if (end == NULL)
        return p + strlen (p);
      if (strspn (p + 1, "hHmMsS") == (gsize) (end - p - 1) && end > p + 1)
        *date = TRUE;
      return end + 1;
    default:
      return NULL;
    }
}

/* Reads what a format code says about showing a number: general, a fixed
 * count of decimals, a percentage or a date. Only the first section counts. */
void
rl_num_format_classify (const char  *code,
                        RlNumFormat *out)
{
  gboolean date = FALSE, percent = FALSE, digit = FALSE, in_decimals = FALSE, fraction = FALSE;
  guint decimals = 0;

  out->kind = RL_NUM_GENERAL;
  out->decimals = 0;
  if (code == NULL || g_ascii_strncasecmp (code, "General", 7) == 0)
    return;
  for (const char *p = code; *p != '\0' && *p != ';';)
    {
      const char *next = skip_format_literal (p, &date);
      char c = g_ascii_tolower (*p);

      if (next != NULL)
        {
          p = next;
          continue;
        }
      if (strchr ("ydhsm", c) != NULL)
        date = TRUE;
      else if (c == 'e' || c == '@')
        return; /* scientific or text: shown as general */
      else if (c == '/')
        fraction = TRUE;
      else if (c == '%')
        percent = TRUE;
      else if (c == '.' && !in_decimals)
        in_decimals = TRUE;
      else if (c == '0' || c == '#' || c == '?')
        {
          digit = TRUE;
          decimals += in_decimals;
        }
      p++;
    }
  if (date)
    out->kind = RL_NUM_DATE;
  else if (digit && !fraction) /* fractions are shown as general */
    {
      out->kind = percent ? RL_NUM_PERCENT : RL_NUM_FIXED;
      out->decimals = MIN (decimals, 15);
    }
}

/* The built-in number formats of XLS and XLSX that are not written in the
 * file; FALSE for an id that is not built in. */
gboolean
rl_num_format_builtin (guint        id,
                       RlNumFormat *out)
{
  static const char *const codes[] = {
    [0] = "General", [1] = "0", [2] = "0.00", [3] = "#,##0", [4] = "#,##0.00",
    [9] = "0%", [10] = "0.00%", [11] = "0.00E+00", [12] = "# ?/?", [13] = "# ?\?/?\?",
    [14] = "m/d/yy", [15] = "d-mmm-yy", [16] = "d-mmm", [17] = "mmm-yy", [18] = "h:mm AM/PM",
    [19] = "h:mm:ss AM/PM", [20] = "h:mm", [21] = "h:mm:ss", [22] = "m/d/yy h:mm",
    [37] = "#,##0 ;(#,##0)", [38] = "#,##0 ;(#,##0)", [39] = "#,##0.00;(#,##0.00)",
    [40] = "#,##0.00;(#,##0.00)", [45] = "mm:ss", [46] = "[h]:mm:ss", [47] = "mm:ss.0",
    [48] = "##0.0E+0", [49] = "@",
  };

  if (id >= G_N_ELEMENTS (codes) || codes[id] == NULL)
    return FALSE;
  rl_num_format_classify (codes[id], out);
  return TRUE;
}

/* A serial date as ISO 8601: "2020-01-31", with " 12:30:00" when it has a
 * time of day; a serial below 1 (once rounded to the second) is a time
 * alone, "08:30:00", in both date systems; serials before the first day are
 * shown as general numbers. */
static char *
format_date (double   value,
             gboolean date1904)
{
  double days = floor (value);
  long secs = lround ((value - days) * 86400.0);
  GDate date;

  if (secs >= 86400)
    {
      days += 1;
      secs -= 86400;
    }
  if (days == 0)
    return g_strdup_printf ("%02ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
  if (date1904)
    days += 1462;
  if (days < 1 || days > 2958465)
    return rl_format_general (value);
  if (days == 60)
    return g_strdup ("1900-02-29"); /* the 1900 system's day that never was */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, days < 60 ? 31 : 30, 12, 1899);
  g_date_add_days (&date, (guint) days);
  if (secs == 0)
    return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date));
  return g_strdup_printf ("%04d-%02d-%02d %02ld:%02ld:%02ld", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date), secs / 3600,
                          secs / 60 % 60, secs % 60);
}

/* The text a spreadsheet shows for value under the format. */
char *
rl_num_format_display (const RlNumFormat *fmt,
                       double             value,
                       gboolean           date1904)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 320];
  char code[16];

  if (!isfinite (value) || fmt == NULL || fmt->kind == RL_NUM_GENERAL || fabs (value) >= 1e300)
    return rl_format_general (value);
  if (fmt->kind == RL_NUM_DATE)
    return format_date (value, date1904);
  g_snprintf (code, sizeof code, "%%.%uf", fmt->decimals);
  if (fmt->kind == RL_NUM_FIXED)
    return g_strdup (g_ascii_formatd (buf, sizeof buf, code, value));
  g_ascii_formatd (buf, sizeof buf, code, value * 100.0);
  return g_strconcat (buf, "%", NULL);
}
