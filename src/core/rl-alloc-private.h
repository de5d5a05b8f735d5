/* rl-alloc-private.h — large work buffers on huge pages (private to the core)
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On some virtual machines the first touch of a 4 KiB page costs about
 * 15 µs: 30 ms for the 8 MB of an n × k table of 100 000 × 10, as long as
 * the E step that fills it, against 0.5 ms on 2 MiB pages. Buffers of
 * RL_BIG_BYTES or more are therefore laid on transparent huge pages where
 * Linux offers them; smaller ones come from malloc(). Either kind is
 * released with free() (or g_free()).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RL_BIG_BYTES ((gsize) 256 << 10)

/* @n_items × @item_size bytes, uninitialised; NULL only when @n_items is 0.
 * Aborts when out of memory, as g_malloc() does. */
gpointer rl_big_alloc  (gsize n_items,
                        gsize item_size);

/* The same, but NULL when the memory cannot be had. */
gpointer rl_big_try_alloc (gsize n_items,
                           gsize item_size);

/* The same as rl_big_alloc(), zeroed. */
gpointer rl_big_alloc0 (gsize n_items,
                        gsize item_size);

#define rl_big_new(type, n)  ((type *) rl_big_alloc ((n), sizeof (type)))
#define rl_big_new0(type, n) ((type *) rl_big_alloc0 ((n), sizeof (type)))

G_END_DECLS
