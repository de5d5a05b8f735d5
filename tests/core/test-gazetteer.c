/* test-gazetteer.c — region gazetteers, name normalisation and matching
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "rl-error.h"
#include "rl-gazetteer.h"
#include "rl-limits.h"
#include "rl-region-name.h"
#include "rl-test.h"

#define HEADER "code\tkind\tdistrict\tstat_code\treported\tname\tname_en\tname_ru\tname_uk\taliases\n"

static RlGazetteer *
load_builtin (const char *id)
{
  g_autoptr(GError) error = NULL;
  RlGazetteer *gaz = rl_gazetteer_load_builtin (id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (gaz);
  return gaz;
}

/* Asserts that label resolves (exact, alias or normalised) to code. */
static void
assert_match (const RlGazetteer *gaz,
              const char        *label,
              const char        *code)
{
  RlMatch m = rl_gazetteer_match (gaz, label);

  if (!rl_match_is_resolved (&m) || strcmp (m.entry->code, code) != 0)
    g_error ("“%s” → %s %s, expected %s", label, rl_match_status_to_string (m.status),
             m.entry != NULL ? m.entry->code : "(none)", code);
}

static void
assert_normalized (const char *label,
                   const char *expected)
{
  g_autofree char *key = rl_region_name_normalize (label);

  g_assert_cmpstr (key, ==, expected);
}

static char *
unescape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (out, *p == 'n' ? '\n' : *p == 't' ? '\t' : *p == 'r' ? '\r' : *p);
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Every region label of the 22 Rosstat files (tests/data/region-labels.tsv,
 * written by make-region-labels.py and checked by hand) resolves to exactly
 * the stored code and kind: none unknown, none ambiguous, none fuzzy. */
static void
test_rosstat_labels (void)
{
  g_autoptr(RlGazetteer) gaz = load_builtin ("ru");
  g_autofree char *path = rl_test_data_path ("region-labels.tsv");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      g_autofree char *label = NULL;
      RlMatch m;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (f), ==, 4);
      label = unescape (f[1]);
      m = rl_gazetteer_match (gaz, label);
      if (!rl_match_is_resolved (&m))
        g_error ("%s: “%s” is %s", f[0], f[1], rl_match_status_to_string (m.status));
      g_assert_cmpstr (m.entry->code, ==, f[2]);
      g_assert_cmpstr (rl_gazetteer_kind_to_string (m.entry->kind), ==, f[3]);
      g_hash_table_add (files, g_strdup (f[0]));
      n++;
    }
  g_assert_cmpuint (n, >, 2000);
  g_assert_cmpuint (g_hash_table_size (files), ==, 22);
}

/* The Russian gazetteer: 85 subjects proper, each in a federal district. */
static void
test_ru_contents (void)
{
  g_autoptr(RlGazetteer) gaz = load_builtin ("ru");
  guint n_proper = 0, n_composite = 0;

  for (guint i = 0; i < rl_gazetteer_get_n_entries (gaz); i++)
    {
      const RlGazetteerEntry *e = rl_gazetteer_get_entry (gaz, i);
      const RlGazetteerEntry *district = rl_gazetteer_get_district (gaz, e);

      n_composite += e->kind == RL_GAZETTEER_KIND_COMPOSITE;
      if (e->kind != RL_GAZETTEER_KIND_REGION && e->kind != RL_GAZETTEER_KIND_COMPOSITE_PART)
        continue;
      n_proper++;
      g_assert_nonnull (district);
      g_assert_cmpint (district->kind, ==, RL_GAZETTEER_KIND_AGGREGATE);
      g_assert_nonnull (e->name_en);
    }
  g_assert_cmpuint (n_proper, ==, 85);
  g_assert_cmpuint (n_composite, ==, 3);
  g_assert_cmpint (rl_gazetteer_lookup_code (gaz, "RU-ARK")->kind, ==,
                   RL_GAZETTEER_KIND_COMPOSITE_PART);
  g_assert_cmpint (rl_gazetteer_lookup_code (gaz, "RU-TYU+KHM+YAN")->kind, ==,
                   RL_GAZETTEER_KIND_COMPOSITE);
  g_assert_cmpstr (rl_gazetteer_lookup_code (gaz, "UA-43")->name, ==, "Республика Крым");
  g_assert_cmpstr (rl_gazetteer_lookup_code (gaz, "UA-40")->district, ==, "RU-FD-S");
}

/* Every spelling in a gazetteer leads back to its own entry: no name or alias
 * is claimed by two entries after normalisation. */
static void
check_round_trip (const char *id)
{
  g_autoptr(RlGazetteer) gaz = load_builtin (id);

  for (guint i = 0; i < rl_gazetteer_get_n_entries (gaz); i++)
    {
      const RlGazetteerEntry *e = rl_gazetteer_get_entry (gaz, i);
      const char *names[] = { e->code, e->name, e->name_en, e->name_ru, e->name_uk };

      for (guint j = 0; j < G_N_ELEMENTS (names); j++)
        if (names[j] != NULL)
          assert_match (gaz, names[j], e->code);
      for (guint j = 0; j < e->n_aliases; j++)
        assert_match (gaz, e->aliases[j], e->code);
    }
}

static void
test_round_trip (void)
{
  check_round_trip ("ru");
  check_round_trip ("ua");
}

static void
test_status_levels (void)
{
  g_autoptr(RlGazetteer) gaz = load_builtin ("ru");
  RlMatch m;

  m = rl_gazetteer_match (gaz, "Белгородская область");
  g_assert_cmpint (m.status, ==, RL_MATCH_EXACT);
  m = rl_gazetteer_match (gaz, "Чувашия");
  g_assert_cmpint (m.status, ==, RL_MATCH_ALIAS);
  m = rl_gazetteer_match (gaz, "  белгородская  ОБЛАСТЬ ");
  g_assert_cmpint (m.status, ==, RL_MATCH_NORMALISED);
  g_assert_cmpstr (m.entry->code, ==, "RU-BEL");
  g_assert_cmpuint (m.n_candidates, ==, 1);
  m = rl_gazetteer_match (gaz, "RU-MOW");
  g_assert_cmpint (m.status, ==, RL_MATCH_EXACT);
  m = rl_gazetteer_match (gaz, "Moscow");
  g_assert_cmpstr (m.entry->code, ==, "RU-MOW");
  m = rl_gazetteer_match (gaz, NULL);
  g_assert_cmpint (m.status, ==, RL_MATCH_UNKNOWN);
  m = rl_gazetteer_match (gaz, "");
  g_assert_cmpint (m.status, ==, RL_MATCH_UNKNOWN);
}

static void
test_normalize_case_yo_space (void)
{
  g_autoptr(RlGazetteer) gaz = load_builtin ("ru");

  assert_normalized ("ОРЁЛ", "орел");
  assert_normalized ("\t  Брянская\u00A0\u00A0область \r\n ", "брянская область");
  assert_normalized ("Ханты-Мансийский \nавтономный округ", "ханты-мансийский автономный округ");
  assert_normalized ("е\u0308", "е");       /* decomposed ё */
  assert_match (gaz, "РЕСПУБЛИКА   КОМИ", "RU-KO");
  assert_match (gaz, "        Брянская область", "RU-BRY");
  assert_match (gaz, "Удмуртская\u202FРеспублика\u2007", "RU-UD");
}

static void
test_normalize_dashes (void)
{
  g_autoptr(RlGazetteer) gaz = load_builtin ("ru");
  const char *dashes[] = { "-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015",
                           "\u2212", " - ", " \u2013 ", "\u2014 " };

  for (guint i = 0; i < G_N_ELEMENTS (dashes); i++)
    {
      g_autofree char *a = g_strconcat ("Кабардино", dashes[i], "Балкарская Республика", NULL);
      g_autofree char *b = g_strconcat ("Республика Северная Осетия", dashes[i], "Алания", NULL);
      g_autofree char *c = g_strconcat ("Чувашская Республика", dashes[i], "Чувашия", NULL);
      g_autofree char *d = g_strconcat ("Кемеровская область", dashes[i], "Кузбасс", NULL);

      assert_match (gaz, a, "RU-KB");
      assert_match (gaz, b, "RU-SE");
      assert_match (gaz, c, "RU-CU");
      assert_match (gaz, d, "RU-KEM");
    }
  /* a soft hyphen is an invisible line-break hint: it is removed */
  assert_normalized ("Карачаево-Чер\u00ADкесская", "карачаево-черкесская");
  assert_match (gaz, "Санкт-Пе\u00ADтербург", "RU-SPE");
}

static void
test_normalize_abbreviations (void)
{
  g_autoptr(RlGazetteer) gaz = load_builtin ("ru");
  /* abbreviated forms written in real tables: АО, а.о., кр., обл., Респ., г., Аобл.,
   * with every kind of dash, spaced or not */
  static const struct
  {
    const char *label;
    const char *code;
  } forms[] = {
    { "Ханты-Мансийский АО - Югра", "RU-KHM" },
    { "Ханты-Мансийский АО\u2013Югра", "RU-KHM" },
    { "Ханты-Мансийский а.о. \u2014 Югра", "RU-KHM" },
    { "Алтайский кр.", "RU-ALT" },
    { "Алтайский кр", "RU-ALT" },
    { "Краснодарский кр.", "RU-KDA" },
    { "Пермский кр.", "RU-PER" },
    { "Респ. Татарстан", "RU-TA" },
    { "респ. Карелия", "RU-KR" },
    { "Респ. Коми", "RU-KO" },
    { "Респ Адыгея", "RU-AD" },
    { "Кемеровская обл. - Кузбасс", "RU-KEM" },
    { "Кемеровская обл.\u2013Кузбасс", "RU-KEM" },
    { "Кемеровская обл.", "RU-KEM" },
    { "Московская обл.", "RU-MOS" },
    { "Ненецкий а.о.", "RU-NEN" },
    { "Ямало-Ненецкий АО", "RU-YAN" },
    { "Ямало\u2013Ненецкий АО", "RU-YAN" },
    { "Чукотский а.о.", "RU-CHU" },
    { "Еврейская Аобл.", "RU-YEV" },
    { "Еврейская АОбл", "RU-YEV" },
    { "г. Москва", "RU-MOW" },
    { "г Москва", "RU-MOW" },
    { "г.Санкт-Петербург", "RU-SPE" },
    { "г. Севастополь", "UA-40" },
    { "Респ. Северная Осетия \u2013 Алания", "RU-SE" },
    { "Респ. Северная Осетия\u2014Алания", "RU-SE" },
    { "Чувашская Респ. - Чувашия", "RU-CU" },
    { "Чувашская Респ.\u2010Чувашия", "RU-CU" },
    { "Кабардино\u2013Балкарская Респ.", "RU-KB" },
    { "Карачаево - Черкесская Респ.", "RU-KC" },
    { "Удмуртская Респ.", "RU-UD" },
    { "Респ. Саха (Якутия)", "RU-SA" },
    { "Приморский кр.", "RU-PRI" },
    { "Забайкальский кр.", "RU-ZAB" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      RlMatch match = rl_gazetteer_match (gaz, forms[i].label);

      /* a few are listed aliases as they stand; none may need the fuzzy ranking */
      g_assert_true (rl_match_is_resolved (&match));
      g_assert_cmpstr (match.entry->code, ==, forms[i].code);
    }
}

static void
test_normalize_lookalikes (void)
{
  g_autoptr(RlGazetteer) gaz = load_builtin ("ru");

  assert_normalized ("Ямало-Hенецкий", "ямало-ненецкий");    /* Latin H */
  assert_normalized ("Bладимирская", "владимирская");        /* Latin B */
  assert_normalized ("Moscow ABC", "moscow abc");             /* Latin words stay Latin */
  assert_match (gaz, "Ямало-Hенецкий АО", "RU-YAN");
  assert_match (gaz, "Tомская oбласть", "RU-TOM");
  assert_match (gaz, "Pеспублика Xакасия", "RU-KK");
}

static void
test_normalize_qualifiers (void)
{
  g_autoptr(RlGazetteer) gaz = load_builtin ("ru");
  RlMatch m;

  assert_match (gaz, "Республика Адыгея (Адыгея)", "RU-AD");
  assert_match (gaz, "Республика Татарстан ( Татарстан )", "RU-TA");
  assert_match (gaz, "Республика Саха(Якутия)", "RU-SA");
  assert_match (gaz, "Ненецкий автономный округ (Архангельская область)", "RU-NEN");
  assert_match (gaz, "Ямало-Ненецкий автономный округ (Тюменская область)", "RU-YAN");
  /* "(кроме …)" and "без …" keep their meaning: the subject without its okrugs */
  assert_match (gaz, "Архангельская область", "RU-ARK+NEN");
  assert_match (gaz, "Архангельская область (кроме Ненецкого автономного округа)", "RU-ARK");
  assert_match (gaz, "Архангельская область (без Ненецкого автономного округа)", "RU-ARK");
  assert_match (gaz, "Тюменская область без автономных округов", "RU-TYU");
  assert_match (gaz, "Тюменская область", "RU-TYU+KHM+YAN");
  /* a dated qualifier may be another territory: listed variants resolve … */
  assert_match (gaz, "Южный федеральный округ (по 2009 год)", "RU-FD-S-2009");
  assert_match (gaz, "Южный федеральный округ (с 2010 года)", "RU-FD-S-2016");
  assert_match (gaz, "Южный федеральный округ (с 29.07.2016)", "RU-FD-S");
  assert_match (gaz, "Сибирский федеральный округ (до 03.11.2018)", "RU-FD-SIB-2018");
  /* … an unlisted one is never dropped silently */
  m = rl_gazetteer_match (gaz, "Южный федеральный округ (до 01.01.2030)");
  g_assert_cmpint (m.status, ==, RL_MATCH_FUZZY);
  g_assert_null (m.entry);
  g_assert_cmpstr (m.candidates[0].entry->code, ==, "RU-FD-S");
}

static void
test_normalize_city_forms (void)
{
  g_autoptr(RlGazetteer) gaz = load_builtin ("ru");

  assert_match (gaz, "Город Москва столица Российской Федерации город федерального значения",
                "RU-MOW");
  assert_match (gaz, "г.Москва", "RU-MOW");
  assert_match (gaz, "г. Москва", "RU-MOW");
  assert_match (gaz, "город Москва", "RU-MOW");
  assert_match (gaz, "Город Санкт-Петербург город федерального значения", "RU-SPE");
  assert_match (gaz, "город Санкт - Петербург", "RU-SPE");
  assert_match (gaz, "Город федерального значения Севастополь", "UA-40");
  assert_match (gaz, "г. Севастополь", "UA-40");
  assert_match (gaz, "Москва в старых границах", "RU-MOW-OLD");
  assert_match (gaz, "Московская обл.", "RU-MOS");
}

static void
test_normalize_footnotes (void)
{
  g_autoptr(RlGazetteer) gaz = load_builtin ("ru");

  assert_normalized ("Москва1)", "москва");
  assert_normalized ("Тыва*", "тыва");
  assert_normalized ("Тыва**", "тыва");
  assert_normalized ("Тыва\u00B2", "тыва");
  assert_normalized ("Дальневосточный\n федеральный округ3)", "дальневосточный федеральный округ");
  assert_normalized ("Южный федеральный округ (до 03.06.2014)",
                     "южный федеральный округ (до 03 06 2014)");
  assert_normalized ("UA-43", "ua-43");
  assert_match (gaz, "Москва1)", "RU-MOW");
  assert_match (gaz, "Республика Тыва*", "RU-TY");
  assert_match (gaz, "Сибирский федеральный округ 2)", "RU-FD-SIB");
}

/* A label of text repeated to at least @bytes bytes. */
static char *
repeat_label (const char *head,
              const char *unit,
              const char *tail,
              gsize       bytes)
{
  GString *s = g_string_new (head);

  while (s->len < bytes)
    g_string_append (s, unit);
  g_string_append (s, tail);
  return g_string_free (s, FALSE);
}

/* Normalisation and reduction take time linear in the label: labels of a few
 * megabytes made of footnote marks, designations or parentheses (each was
 * quadratic, hours at this size) come back at once and give the short keys. */
static void
test_normalize_long (void)
{
  static const struct
  {
    const char *head, *unit, *tail, *key, *reduced;
  } cases[] = {
    { "Тыва", " 1)", "", "тыва", "тыва" },
    { "Тыва", "1)", "", "тыва", "тыва" },
    { "Тыва", "*", "", "тыва", "тыва" },
    { "", "г ", "Москва", NULL, "москва" },
    { "город ", "город федерального значения ", "Москва", NULL, "москва" },
    { "Москва", " (а)", "", NULL, "москва" },
    { "Москва (", "(", "", NULL, "москва" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = repeat_label (cases[i].head, cases[i].unit, cases[i].tail,
                                             4 * 1024 * 1024);
      g_autofree char *key = rl_region_name_normalize (label);
      g_autofree char *reduced = rl_region_name_reduce (key, NULL);

      if (cases[i].key != NULL)
        g_assert_cmpstr (key, ==, cases[i].key);
      g_assert_cmpstr (reduced, ==, cases[i].reduced);
    }
}

/* Labels longer than RL_LIMIT_LABEL_BYTES are not region names: they match
 * nothing, though the name they pad out would match. */
static void
test_match_long_label (void)
{
  g_autoptr(RlGazetteer) gaz = load_builtin ("ru");
  g_autofree char *fits = repeat_label ("Москва", " ", "", RL_LIMIT_LABEL_BYTES - 1);
  g_autofree char *over = repeat_label ("Москва", " ", "", RL_LIMIT_LABEL_BYTES + 1);
  g_autofree char *huge = repeat_label ("Москва", " 1)", "", 16 * 1024 * 1024);
  RlMatch m;

  g_assert_cmpuint (strlen (fits), ==, RL_LIMIT_LABEL_BYTES - 1);
  assert_match (gaz, fits, "RU-MOW");
  m = rl_gazetteer_match (gaz, over);
  g_assert_cmpint (m.status, ==, RL_MATCH_UNKNOWN);
  g_assert_null (m.entry);
  m = rl_gazetteer_match (gaz, huge);
  g_assert_cmpint (m.status, ==, RL_MATCH_UNKNOWN);
}

static void
test_fuzzy (void)
{
  g_autoptr(RlGazetteer) gaz = load_builtin ("ru");
  RlMatch m = rl_gazetteer_match (gaz, "Белгородскя облость");

  g_assert_cmpint (m.status, ==, RL_MATCH_FUZZY);
  g_assert_null (m.entry);
  g_assert_cmpuint (m.n_candidates, >=, 2);
  g_assert_cmpstr (m.candidates[0].entry->code, ==, "RU-BEL");
  rl_assert_close (m.candidates[0].score, 1.0 - 2.0 / 20.0, 1e-12);  /* 2 edits, 20 letters */
  for (guint i = 1; i < m.n_candidates; i++)
    {
      g_assert_cmpfloat (m.candidates[i].score, <=, m.candidates[i - 1].score);
      g_assert_true (m.candidates[i].entry != m.candidates[0].entry);
    }
  m = rl_gazetteer_match (gaz, "Атлантида");
  g_assert_cmpint (m.status, ==, RL_MATCH_UNKNOWN);
  g_assert_cmpuint (m.n_candidates, ==, 0);
}

static void
test_similarity (void)
{
  const gunichar a[] = { 'k', 'i', 't', 't', 'e', 'n' }, b[] = { 's', 'i', 't', 't', 'i', 'n', 'g' };
  guint row[8];

  rl_assert_close (rl_region_name_similarity (a, 6, b, 7, row), 1.0 - 3.0 / 7.0, 1e-12);
  rl_assert_close (rl_region_name_similarity (a, 6, a, 6, row), 1.0, 1e-12);
  rl_assert_close (rl_region_name_similarity (a, 0, b, 0, row), 1.0, 1e-12);
  rl_assert_close (rl_region_name_similarity (a, 6, b, 0, row), 0.0, 1e-12);
}

static char *
write_temp_tsv (const char *content)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("rl-gazetteer-XXXXXX.tsv", &path, &error);

  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, content, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* A label that fits two entries equally is reported as ambiguous, never matched. */
static void
test_ambiguous (void)
{
  g_autofree char *path = write_temp_tsv (
    HEADER
    "X-1\tregion\t\t\tyes\tАлтайский край\t\t\t\tАлтай\n"
    "X-2\tregion\t\t\tyes\tРеспублика Алтай\t\t\t\tАлтай\n"
    "X-3\tregion\t\t\tyes\tГорный Алтай\t\t\t\t\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(RlGazetteer) gaz = rl_gazetteer_load (path, &error);
  RlMatch m;

  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      m = rl_gazetteer_match (gaz, i == 0 ? "Алтай" : "  АЛТАЙ*");
      g_assert_cmpint (m.status, ==, RL_MATCH_AMBIGUOUS);
      g_assert_false (rl_match_is_resolved (&m));
      g_assert_null (m.entry);
      g_assert_cmpuint (m.n_candidates, ==, 2);
      g_assert_cmpstr (m.candidates[0].entry->code, ==, "X-1");
      g_assert_cmpstr (m.candidates[1].entry->code, ==, "X-2");
    }
  assert_match (gaz, "Республика Алтай", "X-2");
  g_unlink (path);
}

static void
test_ukraine (void)
{
  g_autoptr(RlGazetteer) gaz = load_builtin ("ua");
  guint n_regions = 0;

  for (guint i = 0; i < rl_gazetteer_get_n_entries (gaz); i++)
    n_regions += rl_gazetteer_get_entry (gaz, i)->kind == RL_GAZETTEER_KIND_REGION;
  g_assert_cmpuint (n_regions, ==, 27);
  assert_match (gaz, "Україна", "UA");
  assert_match (gaz, "Вінницька область", "UA-05");
  assert_match (gaz, "Винницкая область", "UA-05");
  assert_match (gaz, "Вінницька", "UA-05");
  assert_match (gaz, "Харкiвська область", "UA-63");     /* Latin i */
  assert_match (gaz, "Харьковская обл.", "UA-63");
  assert_match (gaz, "м.Київ", "UA-30");
  assert_match (gaz, "г. Киев", "UA-30");
  assert_match (gaz, "Київська область", "UA-32");
  assert_match (gaz, "Автономна Республіка Крим", "UA-43");
  assert_match (gaz, "Автономная Республика Крым", "UA-43");
  assert_match (gaz, "м. Севастополь", "UA-40");
  assert_match (gaz, "Івано–Франківська область", "UA-26");
  assert_match (gaz, "Lviv Oblast", "UA-46");
  g_assert_cmpstr (rl_gazetteer_lookup_code (gaz, "UA-40")->reported, ==, "-2013");
}

static void
assert_load_error (const char *content,
                   int         code,
                   const char *fragment)
{
  g_autofree char *path = write_temp_tsv (content);
  g_autoptr(GError) error = NULL;
  g_autoptr(RlGazetteer) gaz = rl_gazetteer_load (path, &error);

  g_assert_null (gaz);
  g_assert_error (error, RL_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
  g_unlink (path);
}

static void
test_load_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RlGazetteer) gaz = NULL;

  assert_load_error (HEADER "X-1\tregion\t\t\tyes\tA\t\t\t\t\nX-2\tregion\tB\n", RL_ERROR_PARSE,
                     ":3: expected 10 tab-separated fields, found 3");
  assert_load_error ("code\tname\n", RL_ERROR_PARSE, ":1: the header");
  assert_load_error ("# only a comment\n", RL_ERROR_PARSE, "no header");
  assert_load_error (HEADER "X-1\tstate\t\t\tyes\tA\t\t\t\t\n", RL_ERROR_PARSE,
                     ":2: unknown kind “state”");
  assert_load_error (HEADER "X-1\tregion\t\t\tyes\t\t\t\t\t\n", RL_ERROR_PARSE, ":2: the code");
  assert_load_error (HEADER "X-1\tregion\t\t\tyes\tA\t\t\t\t\nX-1\tregion\t\t\tyes\tB\t\t\t\t\n",
                     RL_ERROR_PARSE, ":3: the code “X-1” is used twice");
  assert_load_error (HEADER "X-1\tregion\tFD\t\tyes\tA\t\t\t\t\n", RL_ERROR_PARSE,
                     ":2: the district “FD” is not an entry");
  assert_load_error ("\xff\xfe bad", RL_ERROR_PARSE, "UTF-8");

  gaz = rl_gazetteer_load ("/nonexistent/gazetteer.tsv", &error);
  g_assert_null (gaz);
  g_assert_error (error, RL_ERROR, RL_ERROR_IO);
  g_clear_error (&error);
  gaz = rl_gazetteer_load_builtin ("../etc/passwd", &error);
  g_assert_null (gaz);
  g_assert_error (error, RL_ERROR, RL_ERROR_INVALID);
  g_clear_error (&error);
  gaz = rl_gazetteer_load_builtin ("nosuchcountry", &error);
  g_assert_null (gaz);
  g_assert_error (error, RL_ERROR, RL_ERROR_IO);
}

/* RL_DATA_DIR is searched before the built-in folders. */
static void
test_data_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rl-data-XXXXXX", &error);
  g_autofree char *sub = g_build_filename (dir, "gazetteers", NULL);
  g_autofree char *path = g_build_filename (sub, "ru.tsv", NULL);
  g_autoptr(RlGazetteer) gaz = NULL;

  g_assert_no_error (error);
  g_mkdir (sub, 0700);
  g_file_set_contents (path, HEADER "ZZ-1\tregion\t\t\tyes\tТестовая область\t\t\t\t\n\n", -1,
                       &error);
  g_assert_no_error (error);
  g_setenv ("RL_DATA_DIR", dir, TRUE);
  gaz = rl_gazetteer_load_builtin ("ru", &error);
  g_unsetenv ("RL_DATA_DIR");
  g_assert_no_error (error);
  g_assert_cmpuint (rl_gazetteer_get_n_entries (gaz), ==, 1);
  g_assert_cmpstr (rl_gazetteer_get_path (gaz), ==, path);
  g_unlink (path);
  g_rmdir (sub);
  g_rmdir (dir);
}

/* Region labels in the interface's language, by code from the built-in
 * gazetteers; names and codes stay as the file had them. */
static void
test_label_panel (void)
{
  struct { const char *lang, *bel, *vin; } cases[] = {
    { "en", "Belgorod Oblast", "Vinnytsia Oblast" },
    { "uk", "Бєлгородська область", "Вінницька область" },
    { "ru", "Белгородская область", "Винницкая область" },
    { "de", "Belgorod Oblast", "Vinnytsia Oblast" },   /* no German names: English */
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(RlPanel) panel = rl_panel_new ();
      guint bel = rl_panel_add_region (panel, "RU-BEL", "Белгородская обл.");
      guint vin = rl_panel_add_region (panel, "UA-05", "Вінницька");
      guint odd = rl_panel_add_region (panel, "RU-XYZ", "Nowhere");
      guint bare = rl_panel_add_region (panel, NULL, "Без кода");
      g_autoptr(RlPanel) copy = NULL;

      g_assert_cmpuint (rl_gazetteer_label_panel (panel, cases[c].lang), ==, 2);
      g_assert_cmpstr (rl_panel_region_label (panel, bel), ==, cases[c].bel);
      g_assert_cmpstr (rl_panel_region_label (panel, vin), ==, cases[c].vin);
      g_assert_cmpstr (rl_panel_region_label (panel, odd), ==, "Nowhere");
      g_assert_cmpstr (rl_panel_region_label (panel, bare), ==, "Без кода");
      g_assert_cmpstr (rl_panel_region_name (panel, bel), ==, "Белгородская обл.");
      copy = rl_panel_copy (panel);
      g_assert_cmpstr (rl_panel_region_label (copy, vin), ==, cases[c].vin);
      rl_panel_set_region_label (panel, bel, NULL);
      g_assert_cmpstr (rl_panel_region_label (panel, bel), ==, "Белгородская обл.");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_unsetenv ("RL_DATA_DIR");
  g_test_add_func ("/gazetteer/rosstat-labels", test_rosstat_labels);
  g_test_add_func ("/gazetteer/ru-contents", test_ru_contents);
  g_test_add_func ("/gazetteer/round-trip", test_round_trip);
  g_test_add_func ("/gazetteer/normalize-abbreviations", test_normalize_abbreviations);
  g_test_add_func ("/gazetteer/status-levels", test_status_levels);
  g_test_add_func ("/gazetteer/normalize/case-yo-space", test_normalize_case_yo_space);
  g_test_add_func ("/gazetteer/normalize/dashes", test_normalize_dashes);
  g_test_add_func ("/gazetteer/normalize/lookalikes", test_normalize_lookalikes);
  g_test_add_func ("/gazetteer/normalize/qualifiers", test_normalize_qualifiers);
  g_test_add_func ("/gazetteer/normalize/city-forms", test_normalize_city_forms);
  g_test_add_func ("/gazetteer/normalize/footnotes", test_normalize_footnotes);
  g_test_add_func ("/gazetteer/normalize/long", test_normalize_long);
  g_test_add_func ("/gazetteer/match-long-label", test_match_long_label);
  g_test_add_func ("/gazetteer/fuzzy", test_fuzzy);
  g_test_add_func ("/gazetteer/similarity", test_similarity);
  g_test_add_func ("/gazetteer/ambiguous", test_ambiguous);
  g_test_add_func ("/gazetteer/ukraine", test_ukraine);
  g_test_add_func ("/gazetteer/load-errors", test_load_errors);
  g_test_add_func ("/gazetteer/data-dir", test_data_dir);
  g_test_add_func ("/gazetteer/label-panel", test_label_panel);
  return g_test_run ();
}
