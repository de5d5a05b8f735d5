/* rl-cli.h — what every regionlab-cli command shares
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "rl-frame.h"
#include "rl-panel.h"

G_BEGIN_DECLS

/* Exit status for bad input or usage, as CLI.md requires. */
#define RL_CLI_EXIT_USAGE 2

/* Options every analysis command takes (CLI.md: --year, --features, scaling,
 * missing values, seed, --json). */
typedef struct
{
  int       year;       /* 0 = the latest year with every chosen feature */
  char     *features;   /* "a,b,c" */
  gboolean  features_default; /* @features were chosen by the command, not given: those
                               * without values in the year are left out, not an error */
  char     *scale;      /* none|z|minmax|minmax:A:B|robust */
  char     *missing;    /* drop|median|interpolate */
  gboolean  log;
  gint64    seed;
  gboolean  json;
  /* What scale and missing become when no option sets them (GOption frees no
   * default it overwrites, so none is allocated before parsing). */
  const char *default_scale;
  const char *default_missing;
} RlCliCommon;

typedef int (*RlCliCommandFunc) (int    argc,
                                 char **argv);

/* Parses argv with the common entries (when @common is not NULL) and
 * @entries; exactly @n_args positional arguments remain in argv[1..] unless
 * @n_args is −1 (any number ≥ 1). Every whole-number option is checked
 * against its range (rl_cli_check_ranges()). Prints a message and returns
 * FALSE on error. */
gboolean     rl_cli_parse          (int          *argc,
                                    char       ***argv,
                                    const char   *command,
                                    const char   *args_help,
                                    const char   *summary,
                                    RlCliCommon  *common,
                                    const GOptionEntry *entries,
                                    int           n_args);
/* Sets the defaults: @default_scale (may be NULL) and missing = drop. */
void         rl_cli_common_init    (RlCliCommon  *common,
                                    const char   *default_scale);
/* Checks the value of every G_OPTION_ARG_INT entry of @entries against the
 * range its name has in every command (rl-cli.c, from the caps of
 * rl-limits.h); the error names the option, its range and the cap. */
gboolean     rl_cli_check_ranges   (const char   *command,
                                    const GOptionEntry *entries,
                                    GError      **error);
void         rl_cli_common_clear   (RlCliCommon  *common);

/* Loads INPUT (a panel or a wide CSV) and builds the frame the common
 * options describe. */
RlPanel     *rl_cli_load_panel     (const char   *path,
                                    GError      **error);
/* --preset study: the study's six indicators (unless --features names others)
 * and their polarities (unless @polarity is set already); NULL does nothing. */
gboolean     rl_cli_apply_preset   (const char   *name,
                                    RlCliCommon  *common,
                                    char        **polarity,
                                    GError      **error);
/* The frame spec the common options describe (clear it with rl_frame_spec_clear()). */
gboolean     rl_cli_frame_spec     (const RlPanel *panel,
                                    const RlCliCommon *common,
                                    RlFrameSpec  *spec,
                                    GError      **error);
RlFrame     *rl_cli_build_frame    (const RlPanel *panel,
                                    const RlCliCommon *common,
                                    GError      **error);
RlFrame     *rl_cli_load_frame     (const char   *path,
                                    const RlCliCommon *common,
                                    GError      **error);

/* Prints "regionlab-cli: message" and returns RL_CLI_EXIT_USAGE. */
int          rl_cli_fail           (GError       *error);
int          rl_cli_failf          (const char   *format,
                                    ...) G_GNUC_PRINTF (1, 2);

/* JSON output: numbers that are not finite become null. */
/* @text padded with spaces to @width characters (not bytes), for tables. */
char        *rl_cli_pad            (const char   *text,
                                    guint         width);

/* What @frame left out (rl-cli-dropped.c): the `dropped` member, or lines for people. */
void         rl_cli_json_dropped   (JsonBuilder   *builder,
                                    const RlFrame *frame);
void         rl_cli_print_dropped  (const RlFrame *frame);

void         rl_json_add_double    (JsonBuilder  *builder,
                                    double        value);
void         rl_json_member_double (JsonBuilder  *builder,
                                    const char   *name,
                                    double        value);
void         rl_json_member_int    (JsonBuilder  *builder,
                                    const char   *name,
                                    gint64        value);
void         rl_json_member_string (JsonBuilder  *builder,
                                    const char   *name,
                                    const char   *value);
void         rl_json_member_matrix (JsonBuilder  *builder,
                                    const char   *name,
                                    const gsl_matrix *matrix);
void         rl_json_print         (JsonBuilder  *builder);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RlCliCommon, rl_cli_common_clear)

/* Commands, one file each. */
int rl_cli_cluster  (int argc, char **argv);
int rl_cli_select_k (int argc, char **argv);
int rl_cli_pca      (int argc, char **argv);
int rl_cli_group    (int argc, char **argv);
int rl_cli_relate   (int argc, char **argv);
int rl_cli_match    (int argc, char **argv);
int rl_cli_inspect  (int argc, char **argv);
int rl_cli_import   (int argc, char **argv);
int rl_cli_synth    (int argc, char **argv);
int rl_cli_rate     (int argc, char **argv);
int rl_cli_dynamics (int argc, char **argv);
int rl_cli_plot     (int argc, char **argv);
int rl_cli_stability (int argc, char **argv);
int rl_cli_compare  (int argc, char **argv);
int rl_cli_track    (int argc, char **argv);

G_END_DECLS
