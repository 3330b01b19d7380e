/* jobs.h: the admin screens' slow I/O (check a PIN, gather the admin
 * facts, export to a stick, install a content pack) and the worker thread
 * that carries it out off the UI thread.
 *
 * Pure core: no SDL. A job is a copy of everything it reads from the UI
 * thread (the command, the clock, the mount table's path, the content's
 * version) taken when it is queued, so the worker never reads the UI's
 * state, and each job writes only its own JobResult (no shared static
 * buffers). The loop that owns the worker is woken through a callback. */
#ifndef APP_JOBS_JOBS_H
#define APP_JOBS_JOBS_H

#include <pthread.h>
#include <stdint.h>

#include "admin/pin.h"
#include "app.h"
#include "clock/clock.h"
#include "export/export.h"
#include "narration/narration.h"
#include "stats/stats.h"

/* What every job may use; fixed while the worker runs. */
typedef struct {
    const char *data_dir;
    const char *narration_dir;          /* build-generated narration, may be NULL */
    const char *const *mount_prefixes;  /* NULL: export_default_mount_prefixes */
    Stats *stats;                       /* NULL: statistics are off */
    PinStore *pins;                     /* NULL: no PIN store */
} JobEnv;

typedef struct {
    AppCmd cmd;
    char label[64];       /* kiosk name for an export's manifest */
    KioskClock clock;     /* the kiosk clock when the job was queued (a copy) */
    int64_t wall_ms, mono_ms, uptime_s;
    char mount_table[1024];
    int64_t content_version; /* the content shown when queued, for the admin facts */
    char content_signer[96];
} Job;

typedef struct {
    CmdKind kind;
    Err err;
    PinResult pin;
    AdminInfo info;
    char text[256];
    Content *content;          /* a freshly loaded content after an install */
    NarrationIndex *narration; /* and the narration index that goes with it */
    int64_t content_version;
    char content_signer[96];
} JobResult;

/* Carry out j into r (cleared first), then wipe j (it may hold a PIN). */
void jobs_run(const JobEnv *env, Job *j, JobResult *r);

/* Removable mounts now: the mount table at table, in prefixes (NULL: the
 * defaults). Safe from any thread: reads into the caller's stack. */
void jobs_read_mounts(const char *table, const char *const *prefixes, ExportMounts *out);

/* The narration of a content folder: recorded voices in CONTENT/audio win
 * over the generated demo ones (demo_dir, may be NULL). NULL with *why only
 * on out of memory: an index with nothing in it is normal. */
NarrationIndex *jobs_narration_for(const char *content_dir, const char *demo_dir, Err *why);

enum { JOB_QUEUE = 8 };

/* The worker: a queue of jobs, one thread, a queue of results. */
typedef struct {
    pthread_t th;
    int started, stop;
    int running; /* a job is being carried out (guarded by mu) */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    JobEnv env;
    void (*wake)(void *ctx); /* called from the worker after each result */
    void *wake_ctx;
    Job jobs[JOB_QUEUE];
    int n_jobs;
    JobResult results[JOB_QUEUE];
    int n_results;
} JobWorker;

/* Ready w (no thread yet); wake tells the loop a result is waiting. */
void jobs_worker_init(JobWorker *w, void (*wake)(void *ctx), void *wake_ctx);

/* Start the thread with env (copied). ERR_OK, or ERR_BUSY / ERR_NOMEM
 * when no thread could start (the caller then runs jobs inline). */
ERR_MUST_USE Err jobs_worker_start(JobWorker *w, const JobEnv *env);

/* Stop and join the thread, free undelivered results, wipe the queue and
 * destroy the lock. */
void jobs_worker_stop(JobWorker *w);

/* Queue j, or with run_inline carry it out now on this thread (with env)
 * into the result queue. j is wiped either way. */
void jobs_worker_submit(JobWorker *w, const JobEnv *env, Job *j, int run_inline);

/* Take the oldest result into out. Returns 1, or 0 when there is none. */
int jobs_worker_take(JobWorker *w, JobResult *out);

/* 1 when no job is queued or running and no result waits. */
int jobs_worker_idle(JobWorker *w);

#endif
