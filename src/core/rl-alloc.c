/* rl-alloc.c — large work buffers on huge pages
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rl-alloc-private.h"

#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#define HUGE_PAGE ((gsize) 2 << 20)

gpointer
rl_big_try_alloc (gsize n_items,
                  gsize item_size)
{
  gsize bytes;
  void *mem = NULL;

  if (n_items == 0 || item_size == 0 || n_items > G_MAXSIZE / item_size)
    return NULL;
  bytes = n_items * item_size;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (bytes >= RL_BIG_BYTES)
    {
      /* whole huge pages: a partly covered one would stay in small pages */
      gsize whole = (bytes + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;

      if (posix_memalign (&mem, HUGE_PAGE, whole) == 0)
        {
          madvise (mem, whole, MADV_HUGEPAGE);
          return mem;
        }
    }
#endif
  return malloc (bytes);
}

gpointer
rl_big_alloc (gsize n_items,
              gsize item_size)
{
  gpointer mem;

  if (n_items == 0 || item_size == 0)
    return NULL;
  mem = rl_big_try_alloc (n_items, item_size);
  if (mem == NULL)
    g_error ("out of memory: %zu items of %zu bytes", n_items, item_size);
  return mem;
}

gpointer
rl_big_alloc0 (gsize n_items,
               gsize item_size)
{
  gpointer mem = rl_big_alloc (n_items, item_size);

  if (mem != NULL)
    memset (mem, 0, n_items * item_size);
  return mem;
}
