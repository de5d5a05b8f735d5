/* rl-analysis-runner.c — runs core analyses on a worker thread
 *
 * Copyright 2026 The RegionLab authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One GTask per job. The worker writes its progress under a mutex and one
 * callback at a time carries it to the main thread, at most ten times a
 * second, so a fast-reporting method cannot flood the main loop. Each job
 * carries a generation number; when it finishes, its result is delivered
 * only if no newer job started.
 */
#include "rl-config.h"

#include <glib/gi18n.h>

#include "rl-analysis-runner.h"

/* Shortest time between two progress notifications (10 Hz). */
#define PROGRESS_INTERVAL_US (G_USEC_PER_SEC / 10)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

struct _RlAnalysisRunner
{
  GObject       parent_instance;

  GMutex        lock;
  double        pending_progress;   /* written by the worker under lock */
  guint         progress_idle;      /* under lock */
  gint64        progress_shown_at;  /* under lock: monotonic time of the last delivery */

  double        progress;           /* main thread */
  guint         generation;
  guint         running;            /* jobs not finished yet, stale ones included */
  gboolean      current_running;    /* the newest job has not finished */
  GCancellable *cancellable;        /* of the newest job */
};

typedef struct
{
  RlAnalysisRunner   *runner;      /* weak: the job holds a ref through the task */
  RlAnalysisJobFunc   func;
  gpointer            input;
  GDestroyNotify      input_free;
  GDestroyNotify      result_free;
  RlAnalysisDoneFunc  done;
  gpointer            user_data;
  guint               generation;
} Job;

G_DEFINE_FINAL_TYPE (RlAnalysisRunner, rl_analysis_runner, G_TYPE_OBJECT)

static void
job_free (Job *job)
{
  if (job->input_free != NULL && job->input != NULL)
    job->input_free (job->input);
  g_free (job);
}

static gboolean
deliver_progress_cb (gpointer data)
{
  RlAnalysisRunner *self = data;

  g_mutex_lock (&self->lock);
  self->progress = self->pending_progress;
  self->progress_idle = 0;
  self->progress_shown_at = g_get_monotonic_time ();
  g_mutex_unlock (&self->lock);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  return G_SOURCE_REMOVE;
}

/* Worker thread. */
static void
report_progress (double   fraction,
                 gpointer data)
{
  RlAnalysisRunner *self = data;

  g_mutex_lock (&self->lock);
  self->pending_progress = fraction;
  if (self->progress_idle == 0)
    {
      gint64 wait = self->progress_shown_at + PROGRESS_INTERVAL_US - g_get_monotonic_time ();

      if (wait <= 0)
        self->progress_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, deliver_progress_cb,
                                               g_object_ref (self), g_object_unref);
      else
        self->progress_idle = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, wait / 1000 + 1,
                                                  deliver_progress_cb, g_object_ref (self),
                                                  g_object_unref);
    }
  g_mutex_unlock (&self->lock);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gpointer result;

  result = job->func (job->input, report_progress, job->runner, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error != NULL ? error
                         : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, _("The analysis failed")));
  else
    g_task_return_pointer (task, result, job->result_free);
}

static void
on_job_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  RlAnalysisRunner *self = RL_ANALYSIS_RUNNER (source);
  GTask *task = G_TASK (res);
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gpointer result = g_task_propagate_pointer (task, &error);
  gboolean stale = job->generation != self->generation;

  self->running--;
  if (!stale)
    {
      self->current_running = FALSE;
      /* The callback owns the result from here. */
      job->done (result, error, job->user_data);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  else if (result != NULL && job->result_free != NULL)
    job->result_free (result);
}

void
rl_analysis_runner_run (RlAnalysisRunner   *self,
                        RlAnalysisJobFunc   func,
                        gpointer            input,
                        GDestroyNotify      input_free,
                        GDestroyNotify      result_free,
                        RlAnalysisDoneFunc  done,
                        gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  rl_analysis_runner_cancel (self);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->running++;
  self->current_running = TRUE;
  self->progress = 0.0;

  job = g_new0 (Job, 1);
  *job = (Job) { self, func, input, input_free, result_free, done, user_data, self->generation };
  task = g_task_new (self, self->cancellable, on_job_done_cb, NULL);
  g_task_set_source_tag (task, rl_analysis_runner_run);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, run_in_thread);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/* Cancels the running job and makes it stale: its result, or its
 * cancellation, is never delivered, so a caller going away may cancel and
 * forget. */
void
rl_analysis_runner_cancel (RlAnalysisRunner *self)
{
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  g_cancellable_cancel (self->cancellable);
  self->generation++;
  self->current_running = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
rl_analysis_runner_is_busy (RlAnalysisRunner *self)
{
  /* Only the newest job counts: stale ones finish quietly. */
  return self->current_running;
}

double
rl_analysis_runner_get_progress (RlAnalysisRunner *self)
{
  return self->progress;
}

static void
rl_analysis_runner_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RlAnalysisRunner *self = RL_ANALYSIS_RUNNER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, rl_analysis_runner_is_busy (self));
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rl_analysis_runner_dispose (GObject *object)
{
  RlAnalysisRunner *self = RL_ANALYSIS_RUNNER (object);

  rl_analysis_runner_cancel (self);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (rl_analysis_runner_parent_class)->dispose (object);
}

static void
rl_analysis_runner_finalize (GObject *object)
{
  RlAnalysisRunner *self = RL_ANALYSIS_RUNNER (object);

  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (rl_analysis_runner_parent_class)->finalize (object);
}

static void
rl_analysis_runner_class_init (RlAnalysisRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = rl_analysis_runner_get_property;
  object_class->dispose = rl_analysis_runner_dispose;
  object_class->finalize = rl_analysis_runner_finalize;

  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rl_analysis_runner_init (RlAnalysisRunner *self)
{
  g_mutex_init (&self->lock);
}

RlAnalysisRunner *
rl_analysis_runner_new (void)
{
  return g_object_new (RL_TYPE_ANALYSIS_RUNNER, NULL);
}
