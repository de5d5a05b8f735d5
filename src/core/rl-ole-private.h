/* rl-ole-private.h — one stream of an OLE2 compound file, read whole (private to the core)
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Little-endian integers at p. */
static inline guint16
rl_le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static inline guint32
rl_le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

/* The first of @names (compared as the format does, ignoring ASCII case)
 * that the root storage of the compound file @file holds as a stream, read
 * whole; *@len is its size. Any inconsistency of the header, the allocation
 * tables, the directory or the stream's chain, and a stream past
 * RL_LIMIT_OLE_STREAM, is an RL_ERROR_PARSE naming @path. */
guint8 *rl_ole_read_stream (const char        *path,
                            const guint8      *file,
                            gsize              file_len,
                            const char *const *names,
                            gsize             *len,
                            GError           **error);

G_END_DECLS
