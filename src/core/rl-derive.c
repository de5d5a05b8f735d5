/* rl-derive.c — indicators computed from others: sums, ratios, per capita
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-derive.h"

#include <math.h>

#include "rl-error.h"
#include "rl-json.h"

struct _RlDeriveList
{
  GPtrArray *items; /* RlDerived */
};

static void
derived_free (RlDerived *d)
{
  g_free (d->id);
  g_free (d->name_en);
  g_free (d->name_ru);
  g_free (d->name_uk);
  g_free (d->unit);
  g_free (d->source);
  g_strfreev (d->numerator);
  g_free (d->denominator);
  g_free (d->formula);
  g_free (d);
}

RlDeriveList *
rl_derive_list_new (void)
{
  RlDeriveList *self = g_new0 (RlDeriveList, 1);

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) derived_free);
  return self;
}

void
rl_derive_list_free (RlDeriveList *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->items);
  g_free (self);
}

guint
rl_derive_list_n (const RlDeriveList *self)
{
  return self->items->len;
}

const RlDerived *
rl_derive_list_get (const RlDeriveList *self,
                    guint               i)
{
  g_return_val_if_fail (i < self->items->len, NULL);
  return self->items->pdata[i];
}

char *
rl_derived_formula (const RlDerived *d)
{
  GString *out = g_string_new (NULL);
  guint n = g_strv_length (d->numerator);
  char factor[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *sum = g_strjoinv (" + ", d->numerator);

  if (n > 1 && (d->denominator != NULL || d->factor != 1.0))
    g_string_append_printf (out, "(%s)", sum);
  else
    g_string_append (out, sum);
  if (d->denominator != NULL)
    g_string_append_printf (out, " / %s", d->denominator);
  if (d->factor != 1.0)
    g_string_append_printf (out, " * %s", g_ascii_formatd (factor, sizeof factor, "%.15g",
                                                           d->factor));
  return g_string_free (out, FALSE);
}

static gboolean
read_derived (RlDeriveList *self,
              JsonObject   *object,
              const char   *where,
              GError      **error)
{
  RlDerived *d = g_new0 (RlDerived, 1);
  int polarity = 0;

  d->factor = 1.0;
  g_ptr_array_add (self->items, d);
  if (!rl_json_get_string (object, "id", TRUE, where, &d->id, error)
      || !rl_json_get_names (object, where, &d->name_en, &d->name_ru, &d->name_uk, error)
      || !rl_json_get_string (object, "unit", TRUE, where, &d->unit, error)
      || !rl_json_get_string (object, "source", FALSE, where, &d->source, error)
      || !rl_json_get_polarity (object, where, &polarity, error)
      || !rl_json_get_strv (object, "numerator", TRUE, where, &d->numerator, error)
      || !rl_json_get_string (object, "denominator", FALSE, where, &d->denominator, error)
      || !rl_json_get_double (object, "factor", where, &d->factor, error)
      || !rl_json_get_uint (object, "digits", 1, 17, where, &d->digits, error))
    return FALSE;
  d->polarity = polarity;
  if (d->numerator[0] == NULL || !isfinite (d->factor) || d->factor == 0)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE,
                   "%s: expected at least one numerator and a finite, non-zero factor", where);
      return FALSE;
    }
  d->formula = rl_derived_formula (d);
  return TRUE;
}

RlDeriveList *
rl_derive_list_load_from_data (const char *data,
                               gssize      length,
                               const char *name,
                               GError    **error)
{
  g_autoptr(RlDeriveList) self = rl_derive_list_new ();
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root = NULL;
  JsonNode *node;
  JsonArray *array;

  parser = rl_json_parse_object (data, length, name, &root, error);
  if (parser == NULL)
    return NULL;
  node = json_object_get_member (root, "derived");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: $.derived: expected an array", name);
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("%s: $.derived[%u]", name, i);
      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          g_set_error (error, RL_ERROR, RL_ERROR_PARSE, "%s: expected an object", where);
          return NULL;
        }
      if (!read_derived (self, json_node_get_object (item), where, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

RlDeriveList *
rl_derive_list_load (const char *path,
                     GError    **error)
{
  gsize length = 0;
  g_autofree char *data = rl_json_read_file (path, &length, error);

  if (data == NULL)
    return NULL;
  return rl_derive_list_load_from_data (data, length, path, error);
}

/* Indicator indices of the inputs; FALSE when one is not in the panel. */
static gboolean
find_inputs (const RlDerived *d,
             const RlPanel   *panel,
             int             *num,
             int             *den,
             const char     **missing)
{
  for (guint i = 0; d->numerator[i] != NULL; i++)
    if ((num[i] = rl_panel_find_indicator (panel, d->numerator[i])) < 0)
      {
        *missing = d->numerator[i];
        return FALSE;
      }
  *den = d->denominator != NULL ? rl_panel_find_indicator (panel, d->denominator) : -1;
  if (d->denominator != NULL && *den < 0)
    {
      *missing = d->denominator;
      return FALSE;
    }
  return TRUE;
}

static double
compute (const RlDerived *d,
         const RlPanel   *panel,
         const int       *num,
         int              den,
         guint            region,
         int              year)
{
  double sum = 0;

  for (guint i = 0; d->numerator[i] != NULL; i++)
    sum += rl_panel_get (panel, region, num[i], year);
  if (den >= 0)
    {
      double q = rl_panel_get (panel, region, den, year);
      if (q == 0)
        return NAN;
      sum /= q;
    }
  sum *= d->factor;
  if (d->digits > 0 && isfinite (sum) && sum != 0)
    {
      double scale = pow (10, (int) d->digits - 1 - (int) floor (log10 (fabs (sum))));
      sum = round (sum * scale) / scale;
    }
  return sum;
}

static void
add_one (const RlDerived *d,
         RlPanel         *panel,
         const int       *num,
         int              den,
         const GArray    *years)
{
  guint j = rl_panel_add_indicator (panel, d->id);
  RlIndicator *ind = rl_panel_indicator (panel, j);

  ind->name_en = g_strdup (d->name_en);
  ind->name_ru = g_strdup (d->name_ru);
  ind->name_uk = g_strdup (d->name_uk);
  ind->unit = g_strdup (d->unit);
  ind->source = g_strdup (d->source != NULL ? d->source : "derived");
  ind->formula = g_strdup (d->formula);
  ind->polarity = d->polarity;
  for (guint r = 0; r < rl_panel_n_regions (panel); r++)
    for (guint y = 0; y < years->len; y++)
      {
        int year = g_array_index (years, int, y);
        double v = compute (d, panel, num, den, r, year);
        if (isfinite (v))
          rl_panel_set (panel, r, j, year, v);
      }
}

gboolean
rl_derive_apply (const RlDeriveList *self,
                 RlPanel            *panel,
                 GPtrArray          *notes,
                 GError            **error)
{
  g_autoptr(GArray) years = rl_panel_years (panel);

  for (guint i = 0; i < self->items->len; i++)
    {
      const RlDerived *d = self->items->pdata[i];
      g_autofree int *num = g_new0 (int, g_strv_length (d->numerator));
      const char *missing = NULL;
      int den = -1;

      if (rl_panel_find_indicator (panel, d->id) >= 0)
        {
          g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                       "the derived indicator %s has the id of an indicator already imported",
                       d->id);
          return FALSE;
        }
      if (!find_inputs (d, panel, num, &den, &missing))
        {
          if (notes != NULL)
            g_ptr_array_add (notes, g_strdup_printf ("%s = %s left out: no %s was imported",
                                                     d->id, d->formula, missing));
          continue;
        }
      add_one (d, panel, num, den, years);
    }
  return TRUE;
}
