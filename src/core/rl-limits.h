/* rl-limits.h — every size cap on input, in one place
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file, workbook or option past one of these caps is refused with a
 * GError that names the cap (its name below, its value and the file, sheet,
 * row and column where it was passed), never an abort or a silent cut. The
 * caps are far beyond any statistics office's table and well below what
 * would exhaust the memory of a desktop machine; raise one only together
 * with a test that shows the memory it then takes.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Workbooks (every reader: XLS, XLSX, ODS, CSV) */

/* Rows and columns of a sheet: the XLSX format's own limits. */
#define RL_LIMIT_SHEET_ROWS      1048576u
#define RL_LIMIT_SHEET_COLS      16384u
/* Non-empty cells held in one workbook, all sheets together (each costs
 * about 24 bytes plus its text). */
#define RL_LIMIT_WORKBOOK_CELLS  (32u * 1024u * 1024u)
/* Sheets in one workbook. */
#define RL_LIMIT_SHEETS          1024u
/* Bytes of text in one cell or shared string (Excel's 32,767 characters,
 * four bytes each at most in UTF-8). */
#define RL_LIMIT_CELL_BYTES      (4u * 32767u)
/* Merged ranges in one sheet. */
#define RL_LIMIT_MERGES          (1024u * 1024u)
/* Entries of a shared-string table (XLSX sst, XLS SST). */
#define RL_LIMIT_SHARED_STRINGS  RL_LIMIT_WORKBOOK_CELLS
/* A repeat count of ODF (table:number-rows-repeated × -columns-repeated)
 * expands to at most this many stored cells; repeats of empty cells cost
 * nothing and are only bounded by the sheet's rows and columns. */
#define RL_LIMIT_ODS_REPEAT_CELLS RL_LIMIT_WORKBOOK_CELLS

/* Containers */

/* Bytes of one decompressed ZIP member (an XLSX or ODS part). */
#define RL_LIMIT_ZIP_MEMBER      (512u * 1024u * 1024u)
/* Decompressed ÷ compressed size of a ZIP member, checked once a member
 * has inflated past RL_LIMIT_ZIP_RATIO_FLOOR bytes (deflate's own maximum
 * is about 1,032; spreadsheet XML compresses 10–100 times). */
#define RL_LIMIT_ZIP_RATIO       400u
#define RL_LIMIT_ZIP_RATIO_FLOOR (4u * 1024u * 1024u)
/* Bytes of one stream of an OLE2 file (the XLS Workbook stream). */
#define RL_LIMIT_OLE_STREAM      (256u * 1024u * 1024u)
/* Nesting depth of XML elements. */
#define RL_LIMIT_XML_DEPTH       256u

/* Text files */

/* Bytes of a CSV file, a panel or its sidecar, a recipe, a gazetteer or a
 * GeoJSON file. */
#define RL_LIMIT_TEXT_FILE       (2048ull * 1024u * 1024u)
/* Bytes of a region label given to name matching (longer labels are not
 * region names and match nothing). */
#define RL_LIMIT_LABEL_BYTES     4096u

/* Cells of a panel's cube (regions × indicators × years from the first to
 * the last, each a double: 64 Mi cells are 512 MiB). The demo panel needs
 * 0.16 Mi; a 200 MB long panel of 85 regions, 917 indicators and 33 years
 * needs 4.3 Mi. */
#define RL_LIMIT_PANEL_CELLS     (64u * 1024u * 1024u)

/* Options of the analyses (the command line and the application) */

#define RL_LIMIT_K               1000u    /* clusters */
#define RL_LIMIT_ITERATIONS      1000000u /* iterations of any iterative method */
#define RL_LIMIT_RESTARTS        10000u   /* --n-init, restarts of k-means and mixtures */
#define RL_LIMIT_POPULATION      100000u  /* population of the evolutionary methods */
#define RL_LIMIT_UNCERTAINTY     100000u  /* Monte Carlo runs of the rating */
#define RL_LIMIT_STABILITY_RUNS  10000u   /* seeds or bootstrap samples of stability */

/* Validity on large data */

/* Above this many points the silhouette is computed on a sample of this
 * many points drawn with the analysis' seed (the output says so). */
#define RL_LIMIT_SILHOUETTE_EXACT 10000u

G_END_DECLS
