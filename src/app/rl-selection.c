/* rl-selection.c — the regions selected in any view, shared by all of them
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-selection.h"

struct _RlSelection
{
  GObject     parent_instance;
  GHashTable *regions;  /* GUINT_TO_POINTER (region + 1) set */
};

G_DEFINE_FINAL_TYPE (RlSelection, rl_selection, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

#define KEY(region) GUINT_TO_POINTER ((region) + 1)

static void
rl_selection_finalize (GObject *object)
{
  RlSelection *self = RL_SELECTION (object);

  g_hash_table_unref (self->regions);
  G_OBJECT_CLASS (rl_selection_parent_class)->finalize (object);
}

static void
rl_selection_class_init (RlSelectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rl_selection_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
rl_selection_init (RlSelection *self)
{
  self->regions = g_hash_table_new (NULL, NULL);
}

RlSelection *
rl_selection_new (void)
{
  return g_object_new (RL_TYPE_SELECTION, NULL);
}

gboolean
rl_selection_contains (RlSelection *self,
                       guint        region)
{
  g_return_val_if_fail (RL_IS_SELECTION (self), FALSE);
  return g_hash_table_contains (self->regions, KEY (region));
}

guint
rl_selection_count (RlSelection *self)
{
  g_return_val_if_fail (RL_IS_SELECTION (self), 0);
  return g_hash_table_size (self->regions);
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

GArray *
rl_selection_get_regions (RlSelection *self)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (RL_IS_SELECTION (self), out);
  g_hash_table_iter_init (&iter, self->regions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint region = GPOINTER_TO_UINT (key) - 1;
      g_array_append_val (out, region);
    }
  g_array_sort (out, compare_guint);
  return out;
}

static void
emit_changed (RlSelection *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
rl_selection_clear (RlSelection *self)
{
  g_return_if_fail (RL_IS_SELECTION (self));
  if (g_hash_table_size (self->regions) == 0)
    return;
  g_hash_table_remove_all (self->regions);
  emit_changed (self);
}

void
rl_selection_set_only (RlSelection *self,
                       guint        region)
{
  g_return_if_fail (RL_IS_SELECTION (self));
  if (g_hash_table_size (self->regions) == 1
      && g_hash_table_contains (self->regions, KEY (region)))
    return;
  g_hash_table_remove_all (self->regions);
  g_hash_table_add (self->regions, KEY (region));
  emit_changed (self);
}

void
rl_selection_toggle (RlSelection *self,
                     guint        region)
{
  g_return_if_fail (RL_IS_SELECTION (self));
  if (!g_hash_table_remove (self->regions, KEY (region)))
    g_hash_table_add (self->regions, KEY (region));
  emit_changed (self);
}

void
rl_selection_set_many (RlSelection *self,
                       const guint *regions,
                       guint        n,
                       gboolean     extend)
{
  gboolean changed = FALSE;

  g_return_if_fail (RL_IS_SELECTION (self));
  if (!extend && g_hash_table_size (self->regions) > 0)
    {
      g_hash_table_remove_all (self->regions);
      changed = TRUE;
    }
  for (guint i = 0; i < n; i++)
    changed |= g_hash_table_add (self->regions, KEY (regions[i]));
  if (changed)
    emit_changed (self);
}
