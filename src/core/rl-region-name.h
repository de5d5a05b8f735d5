/* rl-region-name.h — normalised comparison keys for region names
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The typographic key of a region label: Unicode NFC and case folding, ё → е,
 * every dash (U+2010–U+2015, U+2212, "-") written "-" with no spaces around
 * it, soft hyphens and quotes removed, "." and "," read as spaces, every kind
 * of white space (NBSP, line breaks, tabs) collapsed to one space and trimmed,
 * Latin look-alike letters inside a Cyrillic word turned into Cyrillic ones,
 * footnote marks ("Москва1)", "Тыва*", "²") dropped, and "(" written with
 * one space before it and none inside. Words and parenthesised qualifiers are
 * all kept. Never NULL; an empty or NULL label gives "". Free with g_free(). */
char *rl_region_name_normalize (const char *label);

/* The reduced key, computed from a normalised key: parenthesised qualifiers
 * are removed ("Республика Адыгея (Адыгея)", "(Тюменская область)"), except
 * those that change the territory ("(кроме …)", "(без …)", "(включая …)"),
 * whose words are kept; the designations "г", "город", "м", "місто",
 * "город федерального значения", "столица российской федерации" are removed;
 * the abbreviations "обл", "респ", "ао" (also "а о", from "а.о."), "кр" and
 * "аобл" are written out, and dashes are read as words of their own, so an
 * abbreviation glued to a dash ("АО-Югра") is written out too.
 * If a removed qualifier holds a digit (a date such as "(до 03.11.2018)"),
 * *dated is set to TRUE: such a qualifier may name another territory and
 * must not be dropped silently. Free with g_free(). */
char *rl_region_name_reduce    (const char *normalized,
                                gboolean   *dated);

/* Similarity of two strings in [0, 1]: 1 − Levenshtein distance over
 * Unicode characters / the longer length. Two empty strings give 1. */
double rl_region_name_similarity (const gunichar *a,
                                  glong           len_a,
                                  const gunichar *b,
                                  glong           len_b,
                                  guint          *row);

G_END_DECLS
