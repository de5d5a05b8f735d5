/* rl-zip.h — members of a ZIP package (XLSX, ODS) and the XML inside them
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rl-gsf.h"
#include "rl-limits.h"

G_BEGIN_DECLS

/* No member is read beyond this size (a guard against ZIP bombs). */
#define RL_ZIP_MAX_MEMBER RL_LIMIT_ZIP_MEMBER

GsfInfile  *rl_zip_open        (const char *path,
                                GError    **error);
gboolean    rl_zip_has         (GsfInfile  *zip,
                                const char *member);
char       *rl_zip_read        (GsfInfile  *zip,
                                const char *member,
                                gsize      *len,
                                const char *path,
                                GError    **error);
gboolean    rl_zip_parse_xml   (GsfInfile           *zip,
                                const char          *member,
                                const GMarkupParser *parser,
                                gpointer             user_data,
                                const char          *path,
                                GError             **error);
const char *rl_xml_local_name  (const char *name);
const char *rl_xml_attr        (const char **names,
                                const char **values,
                                const char  *local_name);

G_END_DECLS
