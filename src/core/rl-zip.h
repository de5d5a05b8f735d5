/* rl-zip.h — members of a ZIP package (XLSX, ODS) and the XML inside them
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-limits.h"

#include <glib.h>
#include <libxml/xmlreader.h>

G_BEGIN_DECLS

/* No member is read beyond this size (a guard against ZIP bombs). */
#define RL_ZIP_MAX_MEMBER RL_LIMIT_ZIP_MEMBER

typedef struct _RlZip RlZip;
typedef struct _RlZipStream RlZipStream;
typedef struct _RlXml RlXml;

/* The package: its central directory, read and checked once. Member names
 * are looked up as written first, then without regard to ASCII case and with
 * backslashes read as slashes. */
RlZip       *rl_zip_open         (const char *path,
                                  GError    **error);
void         rl_zip_free         (RlZip      *zip);
const char  *rl_zip_get_path     (const RlZip *zip);
gboolean     rl_zip_has          (RlZip      *zip,
                                  const char *member);
char        *rl_zip_read         (RlZip      *zip,
                                  const char *member,
                                  gsize       max_len,
                                  gsize      *len,
                                  GError    **error);

/* A member inflated as it is read; the caps and the CRC are checked on the
 * way, the sizes in the headers are never trusted. */
RlZipStream *rl_zip_stream_open  (RlZip      *zip,
                                  const char *member,
                                  GError    **error);
gssize       rl_zip_stream_read  (RlZipStream *stream,
                                  guint8      *buf,
                                  gsize        len,
                                  GError     **error);
void         rl_zip_stream_free  (RlZipStream *stream);

/* An XML member read node by node with libxml2's xmlTextReader: no network,
 * no DTD, no entity substitution, at most RL_LIMIT_XML_DEPTH levels; every
 * error names the file, the member and the line. Names are matched by
 * namespace URI and local name. While one is open it receives libxml2's
 * errors of its thread: open them one after the other, never nested. */
RlXml       *rl_xml_open         (RlZip      *zip,
                                  const char *member,
                                  GError    **error);
void         rl_xml_free         (RlXml      *xml);
gboolean     rl_xml_next         (RlXml      *xml,
                                  GError    **error);
int          rl_xml_type         (RlXml      *xml);
const char  *rl_xml_local        (RlXml      *xml);
const char  *rl_xml_ns           (RlXml      *xml);
gboolean     rl_xml_is_start     (RlXml      *xml,
                                  const char *ns,
                                  const char *local);
gboolean     rl_xml_is_end       (RlXml      *xml,
                                  const char *ns,
                                  const char *local);
gboolean     rl_xml_is_empty     (RlXml      *xml);
const char  *rl_xml_text         (RlXml      *xml);
gboolean     rl_xml_next_attr    (RlXml       *xml,
                                  const char **ns,
                                  const char **local,
                                  const char **value);
gboolean     rl_xml_name_is      (const char *ns,
                                  const char *local,
                                  const char *want_ns,
                                  const char *want_local);
gboolean     rl_xml_end          (GError     *local,
                                  GError    **error);
int          rl_xml_line         (RlXml      *xml);
void         rl_xml_set_error    (RlXml      *xml,
                                  GError    **error,
                                  const char *format,
                                  ...) G_GNUC_PRINTF (3, 4);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlZip, rl_zip_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlZipStream, rl_zip_stream_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RlXml, rl_xml_free)

G_END_DECLS
