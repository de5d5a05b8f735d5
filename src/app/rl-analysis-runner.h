/* rl-analysis-runner.h — runs core analyses on a worker thread
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rl-progress.h"

G_BEGIN_DECLS

#define RL_TYPE_ANALYSIS_RUNNER (rl_analysis_runner_get_type ())

G_DECLARE_FINAL_TYPE (RlAnalysisRunner, rl_analysis_runner, RL, ANALYSIS_RUNNER, GObject)

/* A job runs on a worker thread: it must not touch widgets, should report
 * progress through @progress and return early when @cancellable fires.
 * It returns its result (freed with the job's @result_free) or NULL with
 * @error set. */
typedef gpointer (*RlAnalysisJobFunc) (gpointer        input,
                                       RlProgressFunc  progress,
                                       gpointer        progress_data,
                                       GCancellable   *cancellable,
                                       GError        **error);

/* Called on the main thread with the result of the newest job only, which
 * it then owns (NULL with @error on failure): a job started later makes
 * every earlier one stale, and stale results are freed with the job's
 * @result_free without calling back. */
typedef void (*RlAnalysisDoneFunc) (gpointer      result,
                                    const GError *error,
                                    gpointer      user_data);

RlAnalysisRunner *rl_analysis_runner_new     (void);
/* Starts @func (@input) on a worker thread, cancelling any job running. */
void              rl_analysis_runner_run     (RlAnalysisRunner   *self,
                                              RlAnalysisJobFunc   func,
                                              gpointer            input,
                                              GDestroyNotify      input_free,
                                              GDestroyNotify      result_free,
                                              RlAnalysisDoneFunc  done,
                                              gpointer            user_data);
/* Cancels the running job; nothing of it is delivered any more. */
void              rl_analysis_runner_cancel  (RlAnalysisRunner   *self);
gboolean          rl_analysis_runner_is_busy (RlAnalysisRunner   *self);
/* Fraction done of the running job, in [0, 1]. */
double            rl_analysis_runner_get_progress (RlAnalysisRunner *self);

G_END_DECLS
