/* rl-region-name.c — normalised comparison keys for region names
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-region-name.h"

#include <string.h>

/* A character the first pass drops entirely. */
#define DROP ((gunichar) 0)

/* Latin letters that look like Cyrillic ones, as drawn in spreadsheets where a
 * Latin key slipped in ("Ямало-Hенецкий", "Bладимирская"). */
static const struct
{
  gunichar latin;
  gunichar cyrillic;
} lookalikes[] = {
  { 'A', 0x0410 }, { 'B', 0x0412 }, { 'C', 0x0421 }, { 'E', 0x0415 }, { 'H', 0x041D },
  { 'I', 0x0406 }, { 'K', 0x041A }, { 'M', 0x041C }, { 'O', 0x041E }, { 'P', 0x0420 },
  { 'T', 0x0422 }, { 'X', 0x0425 }, { 'a', 0x0430 }, { 'c', 0x0441 }, { 'e', 0x0435 },
  { 'i', 0x0456 }, { 'o', 0x043E }, { 'p', 0x0440 }, { 'x', 0x0445 }, { 'y', 0x0443 },
};

/* Qualifiers whose words change the territory and so survive reduction. */
static const char *const territorial_words[] = { "кроме", "без", "включая", "исключая", NULL };

/* Designations dropped by reduction, longest first; matched as whole words. */
static const char *const designations[] = {
  "город федерального значения", "столица российской федерации", "город", "місто", "г", "м",
  NULL,
};

/* Abbreviations written out by reduction, as whole words. */
static const struct
{
  const char *abbreviation;
  const char *full;
} abbreviations[] = {
  { "обл", "область" }, { "респ", "республика" }, { "ао", "автономный округ" },
  { "кр", "край" }, { "аобл", "автономная область" },
};

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x2007 || c == 0x202F
         || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63
         || c == 0xFF0D;
}

static gboolean
is_cyrillic (gunichar c)
{
  return c >= 0x0400 && c <= 0x052F;
}

/* First pass, one character: spaces, dashes, invisible and footnote marks. */
static gunichar
map_char (gunichar c)
{
  if (is_space (c) || c == '.' || c == ',' || c == ';')
    return ' ';
  if (is_dash (c))
    return '-';
  switch (c)
    {
    case 0x00AD: /* soft hyphen: an optional line break, invisible in the text */
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
    case '"': case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E:
    case 0x00B9: case 0x00B2: case 0x00B3:
      return DROP;
    default:
      return (c >= 0x2070 && c <= 0x2079) ? DROP : c;
    }
}

static gunichar
cyrillic_lookalike (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (lookalikes); i++)
    if (lookalikes[i].latin == c)
      return lookalikes[i].cyrillic;
  return c;
}

/* Inside every word that holds a Cyrillic letter, Latin look-alikes become Cyrillic. */
static void
fix_lookalikes (gunichar *s,
                glong     n)
{
  glong start = 0;

  while (start < n)
    {
      glong end = start;
      gboolean cyrillic = FALSE;

      while (end < n && g_unichar_isalpha (s[end]))
        cyrillic |= is_cyrillic (s[end++]);
      for (glong i = start; cyrillic && i < end; i++)
        s[i] = cyrillic_lookalike (s[i]);
      start = end + 1;
    }
}

/* Number of trailing footnote characters to cut at the end of s[0 .. n):
 * "*", "1)" without an opening parenthesis, or 1–2 digits glued to a
 * Cyrillic letter ("Москва1"). 0 when there is none. @open and @close count
 * the parentheses in s[0 .. n). */
static glong
footnote_length (const gunichar *s,
                 glong           n,
                 glong           open,
                 glong           close)
{
  glong i = n;

  if (n == 0)
    return 0;
  if (s[n - 1] == '*')
    return 1;
  if (s[n - 1] == ')' && close > open)
    i--;
  while (i > 0 && n - i < 4 && g_unichar_isdigit (s[i - 1]))
    i--;
  if (i == n || i == 0 || g_unichar_isdigit (s[i - 1]))
    return 0;
  if (s[n - 1] == ')' || (is_cyrillic (s[i - 1]) && g_unichar_isalpha (s[i - 1])))
    return n - i;
  return 0;
}

/* Cuts trailing footnote marks and spaces; the parentheses are counted once
 * and the count kept up to date as characters are cut, so a label ending in
 * many marks ("1)1)1)…") costs one pass. */
static glong
strip_footnotes (const gunichar *s,
                 glong           n)
{
  glong open = 0, close = 0;

  for (glong i = 0; i < n; i++)
    {
      open += s[i] == '(';
      close += s[i] == ')';
    }
  for (;;)
    {
      glong cut;

      while (n > 0 && s[n - 1] == ' ')
        n--;
      cut = footnote_length (s, n, open, close);
      if (cut == 0)
        return n;
      for (; cut > 0; cut--)
        close -= s[--n] == ')';
    }
}

/* Final pass over the case-folded text: ё → е and the spacing rules. */
static char *
respace (const char *folded)
{
  GString *out = g_string_sized_new (strlen (folded));
  gboolean pending = FALSE, glued = TRUE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x0451)
        c = 0x0435;
      if (c == ' ')
        {
          pending = TRUE;
          continue;
        }
      if (c == '(' && out->len > 0)
        g_string_append_c (out, ' ');
      else if (pending && !glued && c != '-' && c != ')')
        g_string_append_c (out, ' ');
      g_string_append_unichar (out, c);
      glued = (c == '-' || c == '(');
      pending = FALSE;
    }
  return g_string_free (out, FALSE);
}

char *
rl_region_name_normalize (const char *label)
{
  g_autofree char *valid = NULL, *nfc = NULL, *mapped = NULL, *folded = NULL;
  g_autofree gunichar *ucs = NULL;
  glong n = 0, m = 0;

  if (label == NULL || *label == '\0')
    return g_strdup ("");
  valid = g_utf8_make_valid (label, -1);
  nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  ucs = g_utf8_to_ucs4_fast (nfc, -1, &n);
  for (glong i = 0; i < n; i++)
    {
      gunichar c = map_char (ucs[i]);

      if (c != DROP)
        ucs[m++] = c;
    }
  fix_lookalikes (ucs, m);
  m = strip_footnotes (ucs, m);
  mapped = g_ucs4_to_utf8 (ucs, m, NULL, NULL, NULL);
  folded = g_utf8_casefold (mapped != NULL ? mapped : "", -1);
  return respace (folded);
}

/* TRUE when a word of s[0 .. len) (words split at spaces) starts with one of
 * the territorial words. */
static gboolean
has_territorial_word (const char *s,
                      gsize       len)
{
  const char *end = s + len;

  for (const char *w = s; w < end;)
    {
      const char *space = memchr (w, ' ', (gsize) (end - w));
      const char *w_end = space != NULL ? space : end;

      for (guint j = 0; territorial_words[j] != NULL; j++)
        {
          gsize n = strlen (territorial_words[j]);

          if ((gsize) (w_end - w) >= n && memcmp (w, territorial_words[j], n) == 0)
            return TRUE;
        }
      w = w_end + 1;
    }
  return FALSE;
}

static gboolean
has_digit (const char *s,
           gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (g_ascii_isdigit (s[i]))
      return TRUE;
  return FALSE;
}

/* Byte length of the parenthesised group starting at s[0] == '(', up to and
 * including its closing parenthesis, or to the end if it is not closed. */
static gsize
group_length (const char *s)
{
  gsize i = 0;
  int depth = 0;

  do
    {
      depth += (s[i] == '(') - (s[i] == ')');
      i++;
    }
  while (s[i] != '\0' && depth > 0);
  return i;
}

static void
drop_qualifiers (GString    *out,
                 const char *s,
                 gboolean   *dated)
{
  while (*s != '\0')
    {
      const char *open = strchr (s, '(');
      gsize len;

      if (open == NULL)
        {
          g_string_append (out, s);
          return;
        }
      g_string_append_len (out, s, open - s);
      s = open;
      len = group_length (s);
      if (has_territorial_word (s + 1, len - 1))
        {
          g_string_append_c (out, ' ');
          g_string_append_len (out, s + 1, len - 1 - (s[len - 1] == ')'));
          g_string_append_c (out, ' ');
        }
      else if (has_digit (s, len))
        *dated = TRUE;
      s += len;
    }
}

/* A word of the text being reduced: text[start .. start + len). */
typedef struct
{
  gsize start;
  gsize len;
} Word;

static gboolean
word_is (const char *text,
         const Word *word,
         const char *expected,
         gsize       expected_len)
{
  return word->len == expected_len && memcmp (text + word->start, expected, expected_len) == 0;
}

/* TRUE when words[0 .. n) end with the words of @phrase, one space apart. */
static gboolean
ends_with_phrase (const char *text,
                  const Word *words,
                  guint       n,
                  const char *phrase)
{
  const char *end = phrase + strlen (phrase);
  guint i = n;

  while (end > phrase)
    {
      const char *start = end;

      while (start > phrase && start[-1] != ' ')
        start--;
      if (i == 0 || !word_is (text, &words[i - 1], start, (gsize) (end - start)))
        return FALSE;
      i--;
      end = start > phrase ? start - 1 : start;
    }
  return TRUE;
}

static guint
count_words (const char *phrase)
{
  guint n = 1;

  for (const char *p = phrase; *p != '\0'; p++)
    n += *p == ' ';
  return n;
}

/* Removes every run of words spelling @phrase, also the runs a removal brings
 * together ("город город федерального значения значения"), in one pass: the
 * words are kept on a stack and a phrase completed on top is popped. Words
 * split at single spaces, so "a  b" (two spaces) holds an empty word and is
 * not the phrase "a b". */
static void
drop_phrase (const char *text,
             GArray     *words,
             const char *phrase)
{
  Word *stack = (Word *) (gpointer) words->data;
  guint n_words = count_words (phrase), kept = 0;

  for (guint i = 0; i < words->len; i++)
    {
      stack[kept++] = stack[i];
      if (kept >= n_words && ends_with_phrase (text, stack, kept, phrase))
        kept -= n_words;
    }
  g_array_set_size (words, kept);
}

static GArray *
split_words (const char *text,
             gsize       len)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  gsize start = 0;

  for (gsize i = 0; i <= len; i++)
    if (i == len || text[i] == ' ')
      {
        Word w = { start, i - start };

        g_array_append_val (words, w);
        start = i + 1;
      }
  return words;
}

static const char *
expand_abbreviation (const char *text,
                     const Word *word,
                     gsize      *len)
{
  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (word_is (text, word, abbreviations[i].abbreviation,
                 strlen (abbreviations[i].abbreviation)))
      {
        *len = strlen (abbreviations[i].full);
        return abbreviations[i].full;
      }
  *len = word->len;
  return text + word->start;
}

/* Appends a word to the reduced key, its abbreviation written out; the dashes,
 * words of their own while reducing, are glued to their neighbours again. */
static void
append_word (GString    *out,
             const char *text,
             const Word *word,
             gboolean   *glued)
{
  const char *full;
  gsize len;

  if (word->len == 0)
    return;
  if (word_is (text, word, "-", 1))
    {
      while (out->len > 0 && out->str[out->len - 1] == '-')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '-');
      *glued = TRUE;
      return;
    }
  full = expand_abbreviation (text, word, &len);
  if (!*glued)
    g_string_append_c (out, ' ');
  g_string_append_len (out, full, len);
  *glued = FALSE;
}

char *
rl_region_name_reduce (const char *normalized,
                       gboolean   *dated)
{
  g_autoptr(GString) text = g_string_new (" ");
  g_autoptr(GArray) words = NULL;
  GString *out;
  gboolean dummy = FALSE, glued = TRUE;

  drop_qualifiers (text, normalized != NULL ? normalized : "", dated != NULL ? dated : &dummy);
  g_string_append_c (text, ' ');
  g_string_replace (text, "-", " - ", 0);
  g_string_replace (text, " а о ", " ао ", 0);
  words = split_words (text->str, text->len);
  for (guint i = 0; designations[i] != NULL; i++)
    drop_phrase (text->str, words, designations[i]);
  out = g_string_sized_new (text->len);
  for (guint i = 0; i < words->len; i++)
    append_word (out, text->str, &g_array_index (words, Word, i), &glued);
  return g_string_free (out, FALSE);
}

double
rl_region_name_similarity (const gunichar *a,
                           glong           len_a,
                           const gunichar *b,
                           glong           len_b,
                           guint          *row)
{
  glong longest = MAX (len_a, len_b);

  if (longest == 0)
    return 1.0;
  for (glong j = 0; j <= len_b; j++)
    row[j] = j;
  for (glong i = 1; i <= len_a; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= len_b; j++)
        {
          guint above = row[j];
          guint best = MIN (row[j - 1], above) + 1;

          row[j] = MIN (best, diagonal + (a[i - 1] != b[j - 1]));
          diagonal = above;
        }
    }
  return 1.0 - (double) row[len_b] / (double) longest;
}
