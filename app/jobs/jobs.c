/* jobs.c: the admin screens' slow I/O and the worker thread that runs it.
 *
 * Each job reads only its Job (copied on the UI thread when queued) and the
 * fixed JobEnv, and writes only its JobResult. The worker is plain
 * pthreads; the loop that owns it is woken through the wake callback.
 * Pure core: no SDL. */
#include "jobs/jobs.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "content/content.h"
#include "core/log.h"
#include "export/health.h"
#include "pack/pack.h"

static int64_t wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static Err read_small(const char *path, char *buf, size_t cap)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return ERR_NOTFOUND;
    size_t n = fread(buf, 1, cap - 1, f);
    buf[n] = 0;
    fclose(f);
    return ERR_OK;
}

/* Removable mounts now, in the configured places. Called from the UI
 * thread (the kiosk's stick polling) and the worker (export, install) at once, so the
 * table is read into this call's own stack buffer, never a shared static
 * one (the threads' stacks are 8 MiB; this is 64 KiB). */
enum { MOUNT_TABLE_MAX = 64 * 1024 };
void jobs_read_mounts(const char *table, const char *const *prefixes, ExportMounts *out)
{
    char text[MOUNT_TABLE_MAX];
    memset(out, 0, sizeof *out);
    if (read_small(table, text, sizeof text) == ERR_OK)
        export_mounts_parse(text, prefixes, out);
}

typedef struct {
    char today[11], month[9]; /* "YYYY-MM-DD", "YYYY-MM-" */
    AdminInfo *in;
} InfoCtx;

static int info_row(void *ctx, const StatRow *r)
{
    InfoCtx *c = ctx;
    static const StatKind bars[ADMIN_TODAY_BARS] = {STAT_SESSION_START, STAT_MODULE_OPENED,
                                                    STAT_MODULE_COMPLETED, STAT_HELP_SHOWN,
                                                    STAT_QUICK_EXIT, STAT_GROUP_SESSION};
    if (strcmp(r->day, c->today) == 0)
        for (int i = 0; i < ADMIN_TODAY_BARS; i++)
            if (strcmp(r->metric, stats_metric_name(bars[i])) == 0)
                c->in->today[i] += r->value;
    if (strncmp(r->day, c->month, 8) == 0 &&
        strcmp(r->metric, stats_metric_name(STAT_SESSION_START)) == 0) {
        int d = atoi(r->day + 8);
        if (d >= 1 && d <= ADMIN_MONTH_DAYS)
            c->in->month[d - 1] += r->value;
    }
    return 0;
}

static void job_info(const JobEnv *env, const Job *j, JobResult *r)
{
    AdminInfo *in = &r->info;
    memset(in, 0, sizeof *in);
    in->valid = 1;
    time_t t = time(NULL);
    struct tm lt;
    localtime_r(&t, &lt);
    InfoCtx c = {.in = in};
    strftime(c.today, sizeof c.today, "%Y-%m-%d", &lt);
    strftime(c.month, sizeof c.month, "%Y-%m-", &lt);
    in->today_mday = lt.tm_mday;
    struct tm next = lt;
    next.tm_mon++;
    next.tm_mday = 0; /* the last day of this month */
    next.tm_isdst = -1;
    mktime(&next);
    in->month_days = next.tm_mday;
    in->free_mb = -1;
    struct statvfs vf;
    if (statvfs(env->data_dir, &vf) == 0)
        in->free_mb = (int64_t)((unsigned long long)vf.f_bavail * vf.f_frsize / (1024 * 1024));
    in->content_version = j->content_version;
    snprintf(in->content_signer, sizeof in->content_signer, "%s", j->content_signer);
    in->campaign_key = export_campaign_key_installed(env->data_dir);
    KioskClock kc = j->clock;
    in->clock_now = kclock_now(&kc, j->wall_ms, j->mono_ms);
    in->clock_utc_offset = kc.utc_offset;
    in->clock_ok = kc.status == KCLOCK_OK;
    if (!env->stats) {
        snprintf(in->warning, sizeof in->warning, "Statistics are off: the data folder is unusable.");
        return;
    }
    if (stats_foreach_row(env->stats, info_row, &c) != ERR_OK)
        log_warn("admin: cannot read the statistics");
    StatsHealth h;
    stats_health(env->stats, &h);
    if (h.message[0])
        snprintf(in->warning, sizeof in->warning, "%s", h.message);
    else if (!in->clock_ok && kclock_held(&kc))
        snprintf(in->warning, sizeof in->warning,
                 "The clock is wrong (%s): visits are counted on the last good day until the date is set "
                 "(Settings) or a time stick is inserted.",
                 kclock_status_name(kc.status));
    else if (!in->clock_ok)
        snprintf(in->warning, sizeof in->warning,
                 "The clock went back; visits are dated from the last good time. Check the date (Settings).");
    else if (in->free_mb >= 0 && in->free_mb < 100)
        snprintf(in->warning, sizeof in->warning, "Less than 100 MB free on the kiosk.");
    StatsIdentity id;
    stats_identity(env->stats, &id);
    snprintf(in->kiosk_id, sizeof in->kiosk_id, "%s", id.kiosk_id);
    char when[32] = "", rows[32] = "";
    if (stats_meta_get(env->stats, "export.last_time", when, sizeof when) == ERR_OK && when[0]) {
        time_t et = (time_t)strtoll(when, NULL, 10);
        struct tm el;
        char ds[32];
        localtime_r(&et, &el);
        strftime(ds, sizeof ds, "%Y-%m-%d %H:%M", &el);
        stats_meta_get(env->stats, "export.last_rows", rows, sizeof rows);
        snprintf(in->last_export, sizeof in->last_export, "%s, %s rows", ds, rows[0] ? rows : "?");
    }
}

static void job_export(const JobEnv *env, const Job *j, JobResult *r)
{
    char dest[256];
    snprintf(dest, sizeof dest, "%s", j->cmd.path);
    if (!dest[0]) {
        ExportMounts m;
        jobs_read_mounts(j->mount_table, env->mount_prefixes, &m);
        if (m.n == 0) {
            r->err = ERR_NOTFOUND;
            snprintf(r->text, sizeof r->text, "No USB stick found. Insert one and try again.");
            return;
        }
        snprintf(dest, sizeof dest, "%s", m.path[m.n - 1]);
    }
    if (!env->stats) {
        r->err = ERR_NOTFOUND;
        snprintf(r->text, sizeof r->text, "Statistics are off on this kiosk; nothing to export.");
        return;
    }
    KioskClock kc = j->clock;
    char *health = NULL;
    size_t hl = 0;
    if (export_health_json(env->stats, env->data_dir, &j->clock, j->wall_ms, j->mono_ms, j->uptime_s, &health,
                           &hl) != ERR_OK)
        log_warn("export: no health file (out of memory)");
    ExportRequest req = {.data_dir = env->data_dir,
                         .dest = dest,
                         .kiosk_label = j->label[0] ? j->label : NULL,
                         .now = kclock_now(&kc, j->wall_ms, j->mono_ms),
                         .require_encryption = j->cmd.sealed_only,
                         .health_json = health};
    ExportResult er;
    r->err = export_run(env->stats, &req, &er);
    free(health);
    snprintf(r->text, sizeof r->text, "%s", er.message);
}

/* The pack on a stick: the stick's root, or the first folder in it (by
 * name) that holds a pack manifest. */
static int find_pack(const char *stick, char *out, size_t n)
{
    char probe[1400];
    snprintf(probe, sizeof probe, "%s/%s", stick, PACK_MANIFEST);
    if (access(probe, R_OK) == 0) {
        snprintf(out, n, "%s", stick);
        return 1;
    }
    DIR *d = opendir(stick);
    if (!d)
        return 0;
    char best[256] = "";
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || strlen(e->d_name) >= sizeof best)
            continue;
        /* a link on the stick is never followed: stick/PACK -> the kiosk's
         * installed content would make the install read (and report into)
         * the kiosk's own files */
        struct stat st;
        snprintf(probe, sizeof probe, "%s/%s", stick, e->d_name);
        if (lstat(probe, &st) != 0 || !S_ISDIR(st.st_mode))
            continue;
        snprintf(probe, sizeof probe, "%s/%s/%s", stick, e->d_name, PACK_MANIFEST);
        if (access(probe, R_OK) == 0 && (!best[0] || strcmp(e->d_name, best) < 0))
            snprintf(best, sizeof best, "%s", e->d_name);
    }
    closedir(d);
    if (!best[0])
        return 0;
    snprintf(out, n, "%s/%s", stick, best);
    return 1;
}

NarrationIndex *jobs_narration_for(const char *content_dir, const char *demo_dir, Err *why)
{
    char rec[4096];
    snprintf(rec, sizeof rec, "%s/audio", content_dir);
    const char *dirs[] = {rec, demo_dir};
    return narration_index_new(dirs, 2, why);
}

/* Load the installed content, falling back to the previous version; NULL
 * when neither loads (the kiosk then keeps what it shows). */
static Content *load_installed(const char *data_dir, int64_t *version, char *signer, size_t n)
{
    for (int failed = 0; failed < 2; failed++) {
        PackInstalled pi;
        if (pack_select(data_dir, failed, &pi) != ERR_OK)
            return NULL;
        char dir[1100];
        snprintf(dir, sizeof dir, "%s/content", pi.root);
        Err why = ERR_OK;
        Content *c = content_load(dir, &why);
        if (c) {
            *version = pi.version;
            snprintf(signer, n, "%s, key %s", pi.campaign, pi.key_id);
            return c;
        }
        log_error("installed content version %lld does not load: %s", (long long)pi.version,
                  err_str(why));
    }
    return NULL;
}

static void job_install(const JobEnv *env, const Job *j, JobResult *r)
{
    ExportMounts m;
    jobs_read_mounts(j->mount_table, env->mount_prefixes, &m);
    char pack[1024];
    int found = 0;
    for (int i = m.n - 1; i >= 0 && !found; i--)
        found = find_pack(m.path[i], pack, sizeof pack);
    if (!found) {
        r->err = ERR_NOTFOUND;
        snprintf(r->text, sizeof r->text, m.n ? "No content pack on the USB stick."
                                              : "No USB stick found. Insert one and try again.");
        return;
    }
    PackTrust trust;
    Err e = pack_trust_load(env->data_dir, &trust);
    if (e == ERR_NOTFOUND) {
        r->err = e;
        snprintf(r->text, sizeof r->text, "This kiosk has no trusted key or campaign configured.");
        return;
    }
    PackReport rep;
    r->err = pack_install(env->data_dir, pack, &trust, &rep);
    snprintf(r->text, sizeof r->text, "%s", rep.message);
    if (r->err != ERR_OK)
        return;
    r->content = load_installed(env->data_dir, &r->content_version, r->content_signer,
                                sizeof r->content_signer);
    if (!r->content) {
        r->err = ERR_CORRUPT;
        snprintf(r->text, sizeof r->text,
                 "The update was installed but does not load; the kiosk keeps the old content.");
        return;
    }
    /* the new content's recorded voices, scanned here, not on the UI
     * thread; without an index (out of memory) the speaker stays off */
    Err why = ERR_OK;
    r->narration = jobs_narration_for(content_dir(r->content), env->narration_dir, &why);
    if (!r->narration)
        log_warn("narration index for the new content: %s; the speaker stays off", err_str(why));
}

void jobs_run(const JobEnv *env, Job *j, JobResult *r)
{
    memset(r, 0, sizeof *r);
    r->kind = j->cmd.kind;
    switch (j->cmd.kind) {
    case CMD_PIN_CHECK:
        r->err = env->pins ? pin_check(env->pins, j->cmd.pin, wall_ms(), &r->pin) : ERR_NOTFOUND;
        break;
    case CMD_ADMIN_INFO: job_info(env, j, r); break;
    case CMD_EXPORT: job_export(env, j, r); break;
    case CMD_INSTALL_PACK: job_install(env, j, r); break;
    default: break;
    }
    sodium_memzero(j, sizeof *j);
}


/* ---- the worker thread ------------------------------------------------- */

void jobs_worker_init(JobWorker *w, void (*wake)(void *ctx), void *wake_ctx)
{
    w->wake = wake;
    w->wake_ctx = wake_ctx;
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->cv, NULL);
}

/* Hand r to the result queue (mu held), waiting while the UI has not taken
 * the earlier ones; dropped (and freed) only when stopping. */
static void put_result(JobWorker *w, JobResult *r)
{
    while (w->n_results == JOB_QUEUE && !w->stop) {
        pthread_mutex_unlock(&w->mu);
        nanosleep(&(struct timespec){0, 20 * 1000000L}, NULL); /* the UI takes results every frame */
        pthread_mutex_lock(&w->mu);
    }
    if (w->n_results < JOB_QUEUE) {
        w->results[w->n_results++] = *r;
    } else {
        content_free(r->content);
        narration_index_free(r->narration);
    }
}

static void *worker_main(void *arg)
{
    JobWorker *w = arg;
    pthread_mutex_lock(&w->mu);
    for (;;) {
        while (!w->stop && w->n_jobs == 0)
            pthread_cond_wait(&w->cv, &w->mu);
        if (w->stop)
            break;
        Job j = w->jobs[0];
        memmove(w->jobs, w->jobs + 1, sizeof w->jobs[0] * (size_t)(w->n_jobs - 1));
        w->n_jobs--;
        sodium_memzero(&w->jobs[w->n_jobs], sizeof w->jobs[0]);
        w->running = 1;
        pthread_mutex_unlock(&w->mu);
        JobResult r;
        jobs_run(&w->env, &j, &r);
        pthread_mutex_lock(&w->mu);
        w->running = 0;
        put_result(w, &r);
        if (w->wake) /* wake the loop sleeping for events */
            w->wake(w->wake_ctx);
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

Err jobs_worker_start(JobWorker *w, const JobEnv *env)
{
    w->env = *env;
    int e = pthread_create(&w->th, NULL, worker_main, w);
    if (e != 0)
        return e == EAGAIN ? ERR_BUSY : ERR_NOMEM;
    w->started = 1;
    return ERR_OK;
}

void jobs_worker_stop(JobWorker *w)
{
    if (w->started) {
        pthread_mutex_lock(&w->mu);
        w->stop = 1;
        pthread_cond_signal(&w->cv);
        pthread_mutex_unlock(&w->mu);
        pthread_join(w->th, NULL);
        w->started = 0;
    }
    for (int i = 0; i < w->n_results; i++) {
        content_free(w->results[i].content);
        narration_index_free(w->results[i].narration);
    }
    sodium_memzero(w->jobs, sizeof w->jobs);
    w->n_results = w->n_jobs = 0;
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->cv);
}

void jobs_worker_submit(JobWorker *w, const JobEnv *env, Job *j, int run_inline)
{
    pthread_mutex_lock(&w->mu);
    if (run_inline) {
        if (w->n_results < JOB_QUEUE)
            jobs_run(env, j, &w->results[w->n_results++]);
    } else if (w->n_jobs < JOB_QUEUE) {
        w->jobs[w->n_jobs++] = *j;
        pthread_cond_signal(&w->cv);
    } else {
        log_warn("admin: job queue full; %d dropped", (int)j->cmd.kind);
    }
    pthread_mutex_unlock(&w->mu);
    sodium_memzero(j, sizeof *j);
}

int jobs_worker_take(JobWorker *w, JobResult *out)
{
    pthread_mutex_lock(&w->mu);
    int have = w->n_results > 0;
    if (have) {
        *out = w->results[0];
        memmove(w->results, w->results + 1, sizeof *out * (size_t)(w->n_results - 1));
        w->n_results--;
    }
    pthread_mutex_unlock(&w->mu);
    return have;
}

int jobs_worker_idle(JobWorker *w)
{
    pthread_mutex_lock(&w->mu);
    int idle = w->n_jobs == 0 && !w->running && w->n_results == 0;
    pthread_mutex_unlock(&w->mu);
    return idle;
}
