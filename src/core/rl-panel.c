/* rl-panel.c — the region × indicator × year panel
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-panel.h"

#include <math.h>

#include "rl-error.h"
#include "rl-limits.h"

/* Values live in a dense cube [region][indicator][year − year_min]; it is
 * re-laid out when a region, an indicator or a year outside the range
 * arrives. Panels are small (85 regions × tens of indicators × tens of
 * years), so this stays compact and makes every lookup O(1). */
struct _RlPanel
{
  GPtrArray  *codes;       /* of char*, "" when unknown */
  GPtrArray  *names;       /* of char* */
  GPtrArray  *labels;      /* of char*, NULL where the name is shown */
  char       *language;    /* of the names shown, NULL for English */
  GHashTable *region_keys; /* code or name → index + 1 */
  GPtrArray  *indicators;  /* of RlIndicator* */
  GHashTable *indicator_keys;

  double     *values;
  guint       cap_regions;
  guint       cap_indicators;
  int         year_min;
  int         year_max;    /* year_max < year_min: no year yet */
};

RlIndicator *
rl_indicator_new (const char *id)
{
  RlIndicator *self = g_new0 (RlIndicator, 1);

  self->id = g_strdup (id);
  return self;
}

void
rl_indicator_free (RlIndicator *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->name_en);
  g_free (self->name_ru);
  g_free (self->name_uk);
  g_free (self->unit);
  g_free (self->source);
  g_free (self->formula);
  g_free (self);
}

static RlIndicator *
indicator_copy (const RlIndicator *src)
{
  RlIndicator *self = rl_indicator_new (src->id);

  self->name_en = g_strdup (src->name_en);
  self->name_ru = g_strdup (src->name_ru);
  self->name_uk = g_strdup (src->name_uk);
  self->unit = g_strdup (src->unit);
  self->source = g_strdup (src->source);
  self->formula = g_strdup (src->formula);
  self->polarity = src->polarity;
  return self;
}

const char *
rl_polarity_to_string (RlPolarity polarity)
{
  switch (polarity)
    {
    case RL_POLARITY_POSITIVE:
      return "+";
    case RL_POLARITY_NEGATIVE:
      return "-";
    case RL_POLARITY_NONE:
    default:
      return "";
    }
}

gboolean
rl_polarity_from_string (const char *text,
                         RlPolarity *polarity)
{
  if (text == NULL || *text == '\0' || g_str_equal (text, "0"))
    *polarity = RL_POLARITY_NONE;
  else if (g_str_equal (text, "+") || g_str_equal (text, "+1") || g_str_equal (text, "1"))
    *polarity = RL_POLARITY_POSITIVE;
  else if (g_str_equal (text, "-") || g_str_equal (text, "-1"))
    *polarity = RL_POLARITY_NEGATIVE;
  else
    return FALSE;
  return TRUE;
}

RlPanel *
rl_panel_new (void)
{
  RlPanel *self = g_new0 (RlPanel, 1);

  self->codes = g_ptr_array_new_with_free_func (g_free);
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->region_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) rl_indicator_free);
  self->indicator_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->year_min = 1;
  self->year_max = 0;
  return self;
}

void
rl_panel_free (RlPanel *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->codes);
  g_ptr_array_unref (self->names);
  g_ptr_array_unref (self->labels);
  g_free (self->language);
  g_hash_table_unref (self->region_keys);
  g_ptr_array_unref (self->indicators);
  g_hash_table_unref (self->indicator_keys);
  g_free (self->values);
  g_free (self);
}

static guint
n_years (const RlPanel *self)
{
  return self->year_max >= self->year_min ? (guint) (self->year_max - self->year_min + 1) : 0;
}

static gsize
cell_index (const RlPanel *self,
            guint          region,
            guint          indicator,
            int            year)
{
  return ((gsize) region * self->cap_indicators + indicator) * n_years (self)
         + (gsize) (year - self->year_min);
}

/* The capacity grown from @cap (at least @floor) by doubling to hold @need. */
static guint64
grown (guint   cap,
       guint   floor,
       guint64 need)
{
  guint64 c = MAX (cap, floor);

  while (c < need)
    c *= 2;
  return c;
}

/* Re-lays the cube out for at least @regions × @indicators and @ymin..@ymax. */
static void
relayout (RlPanel *self,
          guint    regions,
          guint    indicators,
          int      ymin,
          int      ymax)
{
  guint cap_r = (guint) grown (self->cap_regions, 4, regions);
  guint cap_i = (guint) grown (self->cap_indicators, 2, indicators);
  guint ny = (guint) (ymax - ymin + 1);
  gsize total;
  double *values;

  total = (gsize) cap_r * cap_i * ny;
  values = g_new (double, total);
  for (gsize i = 0; i < total; i++)
    values[i] = NAN;

  for (guint r = 0; r < self->cap_regions; r++)
    for (guint j = 0; j < self->cap_indicators; j++)
      for (int y = self->year_min; y <= self->year_max; y++)
        values[((gsize) r * cap_i + j) * ny + (gsize) (y - ymin)] =
          self->values[cell_index (self, r, j, y)];

  g_free (self->values);
  self->values = values;
  self->cap_regions = cap_r;
  self->cap_indicators = cap_i;
  self->year_min = ymin;
  self->year_max = ymax;
}

guint
rl_panel_add_region (RlPanel    *self,
                     const char *code,
                     const char *name)
{
  const char *key = (code != NULL && *code != '\0') ? code : name;
  gpointer found;
  guint index;

  g_return_val_if_fail (key != NULL && *key != '\0', 0);

  found = g_hash_table_lookup (self->region_keys, key);
  if (found != NULL)
    {
      index = GPOINTER_TO_UINT (found) - 1;
      if (name != NULL && *name != '\0' && *(char *) self->names->pdata[index] == '\0')
        {
          g_free (self->names->pdata[index]);
          self->names->pdata[index] = g_strdup (name);
        }
      return index;
    }

  index = self->codes->len;
  g_ptr_array_add (self->codes, g_strdup (code != NULL ? code : ""));
  g_ptr_array_add (self->names, g_strdup (name != NULL ? name : ""));
  g_ptr_array_add (self->labels, NULL);
  g_hash_table_insert (self->region_keys, g_strdup (key), GUINT_TO_POINTER (index + 1));
  if (name != NULL && *name != '\0' && !g_hash_table_contains (self->region_keys, name))
    g_hash_table_insert (self->region_keys, g_strdup (name), GUINT_TO_POINTER (index + 1));
  return index;
}

guint
rl_panel_add_indicator (RlPanel    *self,
                        const char *id)
{
  gpointer found = g_hash_table_lookup (self->indicator_keys, id);
  guint index;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;
  index = self->indicators->len;
  g_ptr_array_add (self->indicators, rl_indicator_new (id));
  g_hash_table_insert (self->indicator_keys, g_strdup (id), GUINT_TO_POINTER (index + 1));
  return index;
}

void
rl_panel_set (RlPanel *self,
              guint    region,
              guint    indicator,
              int      year,
              double   value)
{
  g_return_if_fail (region < self->codes->len);
  g_return_if_fail (indicator < self->indicators->len);

  if (n_years (self) == 0)
    relayout (self, region + 1, indicator + 1, year, year);
  else if (region >= self->cap_regions || indicator >= self->cap_indicators
           || year < self->year_min || year > self->year_max)
    relayout (self, MAX (region + 1, self->cap_regions), MAX (indicator + 1, self->cap_indicators),
              MIN (year, self->year_min), MAX (year, self->year_max));
  self->values[cell_index (self, region, indicator, year)] = value;
}

gboolean
rl_panel_set_checked (RlPanel  *self,
                      guint     region,
                      guint     indicator,
                      int       year,
                      double    value,
                      GError  **error)
{
  gboolean empty = n_years (self) == 0;
  int ymin = empty ? year : MIN (year, self->year_min);
  int ymax = empty ? year : MAX (year, self->year_max);
  guint64 cells = grown (self->cap_regions, 4, (guint64) region + 1)
                  * grown (self->cap_indicators, 2, (guint64) indicator + 1)
                  * (guint64) ((gint64) ymax - ymin + 1);

  if (cells > RL_LIMIT_PANEL_CELLS)
    {
      g_set_error (error, RL_ERROR, RL_ERROR_INVALID,
                   "a value for region %u, indicator %u and year %d would make the panel hold "
                   "%" G_GUINT64_FORMAT " cells (regions × indicators × the years from %d to %d), "
                   "more than %u (RL_LIMIT_PANEL_CELLS)", region + 1, indicator + 1, year, cells,
                   ymin, ymax, RL_LIMIT_PANEL_CELLS);
      return FALSE;
    }
  rl_panel_set (self, region, indicator, year, value);
  return TRUE;
}

double
rl_panel_get (const RlPanel *self,
              guint          region,
              guint          indicator,
              int            year)
{
  if (region >= self->cap_regions || indicator >= self->cap_indicators
      || year < self->year_min || year > self->year_max)
    return NAN;
  return self->values[cell_index (self, region, indicator, year)];
}

guint
rl_panel_n_regions (const RlPanel *self)
{
  return self->codes->len;
}

guint
rl_panel_n_indicators (const RlPanel *self)
{
  return self->indicators->len;
}

const char *
rl_panel_region_code (const RlPanel *self,
                      guint          region)
{
  g_return_val_if_fail (region < self->codes->len, NULL);
  return self->codes->pdata[region];
}

const char *
rl_panel_region_name (const RlPanel *self,
                      guint          region)
{
  g_return_val_if_fail (region < self->names->len, NULL);
  return self->names->pdata[region];
}

const char *
rl_panel_region_label (const RlPanel *self,
                       guint          region)
{
  const char *name = rl_panel_region_name (self, region);

  if (self->labels->pdata[region] != NULL)
    return self->labels->pdata[region];
  return (name != NULL && *name != '\0') ? name : rl_panel_region_code (self, region);
}

void
rl_panel_set_region_label (RlPanel    *self,
                           guint       region,
                           const char *label)
{
  g_return_if_fail (region < self->labels->len);
  g_free (self->labels->pdata[region]);
  self->labels->pdata[region] = g_strdup (label);
}

void
rl_panel_set_language (RlPanel    *self,
                       const char *lang)
{
  g_free (self->language);
  self->language = g_strdup (lang);
}

const char *
rl_panel_get_language (const RlPanel *self)
{
  return self->language != NULL ? self->language : "en";
}

const char *
rl_indicator_label (const RlIndicator *ind,
                    const char        *lang)
{
  const char *name = NULL;

  if (g_strcmp0 (lang, "ru") == 0)
    name = ind->name_ru;
  else if (g_strcmp0 (lang, "uk") == 0)
    name = ind->name_uk;
  if (name == NULL || *name == '\0')
    name = ind->name_en;
  return name != NULL && *name != '\0' ? name : ind->id;
}

const char *
rl_panel_indicator_label (const RlPanel *self,
                          guint          indicator)
{
  return rl_indicator_label (rl_panel_indicator (self, indicator), rl_panel_get_language (self));
}

RlIndicator *
rl_panel_indicator (const RlPanel *self,
                    guint          indicator)
{
  g_return_val_if_fail (indicator < self->indicators->len, NULL);
  return self->indicators->pdata[indicator];
}

int
rl_panel_find_region (const RlPanel *self,
                      const char    *code_or_name)
{
  gpointer found = g_hash_table_lookup (self->region_keys, code_or_name);

  return found != NULL ? (int) GPOINTER_TO_UINT (found) - 1 : -1;
}

int
rl_panel_find_indicator (const RlPanel *self,
                         const char    *id)
{
  gpointer found = g_hash_table_lookup (self->indicator_keys, id);

  return found != NULL ? (int) GPOINTER_TO_UINT (found) - 1 : -1;
}

static gboolean
year_has_values (const RlPanel *self,
                 int            year)
{
  for (guint r = 0; r < self->codes->len; r++)
    for (guint j = 0; j < self->indicators->len; j++)
      if (!isnan (rl_panel_get (self, r, j, year)))
        return TRUE;
  return FALSE;
}

GArray *
rl_panel_years (const RlPanel *self)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));

  for (int y = self->year_min; y <= self->year_max; y++)
    if (year_has_values (self, y))
      g_array_append_val (years, y);
  return years;
}

gboolean
rl_panel_has_year (const RlPanel *self,
                   int            year)
{
  return year >= self->year_min && year <= self->year_max && year_has_values (self, year);
}

gboolean
rl_panel_is_wide (const RlPanel *self)
{
  return self->year_min == RL_YEAR_NONE && self->year_max == RL_YEAR_NONE;
}

guint
rl_panel_count_values (const RlPanel *self)
{
  guint count = 0;

  for (guint r = 0; r < self->codes->len; r++)
    for (guint j = 0; j < self->indicators->len; j++)
      for (int y = self->year_min; y <= self->year_max; y++)
        count += !isnan (rl_panel_get (self, r, j, y));
  return count;
}

RlPanel *
rl_panel_copy (const RlPanel *self)
{
  RlPanel *copy = rl_panel_new ();

  for (guint r = 0; r < self->codes->len; r++)
    {
      rl_panel_add_region (copy, self->codes->pdata[r], self->names->pdata[r]);
      rl_panel_set_region_label (copy, r, self->labels->pdata[r]);
    }
  rl_panel_set_language (copy, self->language);
  for (guint j = 0; j < self->indicators->len; j++)
    {
      const RlIndicator *src = self->indicators->pdata[j];
      rl_panel_add_indicator (copy, src->id);
      rl_indicator_free (copy->indicators->pdata[j]);
      copy->indicators->pdata[j] = indicator_copy (src);
    }
  if (n_years (self) > 0)
    {
      gsize total = (gsize) self->cap_regions * self->cap_indicators * n_years (self);
      copy->values = g_memdup2 (self->values, total * sizeof (double));
      copy->cap_regions = self->cap_regions;
      copy->cap_indicators = self->cap_indicators;
      copy->year_min = self->year_min;
      copy->year_max = self->year_max;
    }
  return copy;
}
