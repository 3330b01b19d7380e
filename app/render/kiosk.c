/* kiosk.c: the SDL event loop, `taama render` and the input-script runner.
 *
 * Idle costs nothing: the loop sleeps in SDL_WaitEventTimeout() for exactly
 * as long as app_next_wake_ms() says nothing will change, and draws only
 * when the state is dirty or an animation runs. Touch, mouse and keyboard
 * all become the same Events; SDL's synthetic mouse events for touches are
 * dropped so one finger is never two taps.
 *
 * The admin screens' I/O happens here, never in the core: App queues
 * commands (check a PIN, save settings, gather facts, export, install) and
 * a worker thread carries out the slow ones (Argon2 hashing, SQLite reads,
 * writing a stick) and hands back a result that becomes an Event. Scripts
 * run the same jobs inline, so they stay deterministic. While nobody uses
 * the kiosk, the mount table is read at most every 2 s for new sticks. */
#include "render/kiosk.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "admin/pin.h"
#include "clock/clock_store.h"
#include "core/arena.h"
#include "core/fileio.h"
#include "core/log.h"
#include "export/export.h"
#include "export/health.h"
#include "i18n/i18n.h"
#include "narration/narration.h"
#include "pack/pack.h"
#include "settings/settings.h"
#include "qr/qr.h"
#include "render/audio.h"
#include "render/render.h"
#include "ui/ui.h"

#ifdef TAAMA_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

/* SIGTERM/SIGINT: the loop may sleep in SDL_WaitEvent() with no timer at
 * all (the set-PIN pad), so a flag alone is seen only at the next event.
 * The handler does the one async-signal-safe thing, write a byte to a
 * pipe; a small thread waits on the pipe and pushes an SDL event, which
 * wakes the loop at once (SDL_PushEvent is thread-safe, not signal-safe). */
static volatile sig_atomic_t quit_requested;
static int quit_pipe[2] = {-1, -1};
static pthread_t quit_thread;
static int quit_thread_started;

static void on_signal(int sig)
{
    (void)sig;
    quit_requested = 1;
    int saved = errno;
    if (quit_pipe[1] >= 0)
        (void)!write(quit_pipe[1], "q", 1);
    errno = saved;
}

static void *quit_watch(void *arg)
{
    (void)arg;
    char c;
    while (read(quit_pipe[0], &c, 1) < 0 && errno == EINTR)
        ;
    SDL_Event ev = {.type = SDL_USEREVENT};
    SDL_PushEvent(&ev);
    return NULL;
}

/* Install the handlers (over SDL's, which only send SDL_QUIT, and a
 * fullscreen kiosk ignores SDL_QUIT) and start the watcher. No SA_RESTART:
 * a blocking read (a script from a pipe) returns EINTR and stops. */
static void quit_watch_start(void)
{
    quit_requested = 0;
    if (pipe(quit_pipe) != 0) {
        quit_pipe[0] = quit_pipe[1] = -1;
        log_warn("no wake-up pipe for SIGTERM: %s", strerror(errno));
    } else {
        for (int i = 0; i < 2; i++)
            fcntl(quit_pipe[i], F_SETFD, FD_CLOEXEC);
        if (pthread_create(&quit_thread, NULL, quit_watch, NULL) == 0)
            quit_thread_started = 1;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
}

static void quit_watch_stop(void)
{
    if (quit_thread_started) {
        if (!quit_requested)
            (void)!write(quit_pipe[1], "q", 1); /* let the watcher finish */
        pthread_join(quit_thread, NULL);
        quit_thread_started = 0;
    }
    for (int i = 0; i < 2; i++)
        if (quit_pipe[i] >= 0) {
            close(quit_pipe[i]);
            quit_pipe[i] = -1;
        }
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
}

/* ---- jobs: the admin screens' slow I/O ------------------------------------ */

typedef struct {
    AppCmd cmd;
    char label[64]; /* kiosk name for an export's manifest */
    KioskClock clock; /* the kiosk clock when the job was queued (a copy) */
    int64_t wall_ms, mono_ms, uptime_s;
} Job;

typedef struct {
    CmdKind kind;
    Err err;
    PinResult pin;
    AdminInfo info;
    char text[256];
    Content *content; /* a freshly loaded content after an install */
    NarrationIndex *narration; /* and the narration index that goes with it */
    int64_t content_version;
    char content_signer[96];
} JobResult;

enum { JOB_QUEUE = 8 };

typedef struct {
    pthread_t th;
    int started, stop;
    int running; /* a job is being carried out (guarded by mu) */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    Job jobs[JOB_QUEUE];
    int n_jobs;
    JobResult results[JOB_QUEUE];
    int n_results;
} Worker;

typedef struct {
    App app;
    Ui ui;
    Arena *arena;
    Arena *scratch; /* for screens built but not shown (prefetch) */
    Renderer *ren;
    TextMetrics tm;
    Stats *stats;
    NarrationIndex *narration;
    AudioPlayer *audio; /* NULL: silent (no device, or render/script) */
    int ui_valid;
    /* admin wiring */
    const KioskOptions *o;
    PinStore *pins;            /* used by the worker only, once it runs */
    Worker worker;
    int inline_jobs;           /* scripts: run jobs at once, on this thread */
    Content *own_content;      /* content the kiosk loaded after an install */
    int64_t content_version;
    char content_signer[96];
    char mount_table[1024];
    ExportMounts mounts;
    int mounts_primed;
    uint64_t last_poll_ms;
    /* the clock counters are dated by (app/clock/clock.h), and health */
    KioskClock clock;
    int64_t started_mono_ms, clock_saved_s, clock_saved_mono_ms;
    int64_t clock_saved_problems, clock_saved_held;
    int prev_screen;
} Kiosk;

static int64_t wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Keep the clock's state at most every hour of kiosk time, at once
 * when a new problem shows, and each minute while counts are held. */
static void clock_persist(Kiosk *k, int force)
{
    KioskClock *c = &k->clock;
    int64_t m = mono_ms();
    if (!k->stats ||
        !(force || c->last_s - k->clock_saved_s >= 3600 || c->log.problems != k->clock_saved_problems ||
          (c->log.held_events != k->clock_saved_held && m - k->clock_saved_mono_ms >= 60000)))
        return;
    if (kclock_save(c, k->stats) != ERR_OK)
        log_warn("clock: state not saved");
    if (c->log.problems != k->clock_saved_problems)
        log_warn("clock: implausible (%s); counts are %s", kclock_status_name(c->status),
                 kclock_held(c) ? "held on the last good day" : "dated by the monotonic clock");
    k->clock_saved_s = c->last_s;
    k->clock_saved_mono_ms = m;
    k->clock_saved_problems = c->log.problems;
    k->clock_saved_held = c->log.held_events;
}

/* The kiosk's own day "YYYY-MM-DD" now, for health notes. */
static void kiosk_day(Kiosk *k, char day[11])
{
    KioskClock c = k->clock;
    stats_day_string(kclock_now(&c, wall_ms(), mono_ms()), k->clock.utc_offset, day);
}

static void clock_start(Kiosk *k)
{
    time_t t = time(NULL);
    struct tm lt;
    localtime_r(&t, &lt);
    kclock_load(&k->clock, k->stats, kclock_build_time());
    k->clock.utc_offset = (int32_t)lt.tm_gmtoff;
    k->started_mono_ms = mono_ms();
    kclock_now(&k->clock, wall_ms(), k->started_mono_ms);
    k->clock_saved_s = k->clock.last_s;
    k->clock_saved_problems = k->clock.log.problems - (k->clock.status != KCLOCK_OK);
    clock_persist(k, 1);
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
 * thread (poll_mounts) and the worker (export, install) at once, so the
 * table is read into this call's own stack buffer, never a shared static
 * one (the threads' stacks are 8 MiB; this is 64 KiB). */
enum { MOUNT_TABLE_MAX = 64 * 1024 };
static void read_mounts(const Kiosk *k, ExportMounts *out)
{
    char text[MOUNT_TABLE_MAX];
    memset(out, 0, sizeof *out);
    if (read_small(k->mount_table, text, sizeof text) == ERR_OK)
        export_mounts_parse(text, k->o->mount_prefixes, out);
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

static void job_info(Kiosk *k, const Job *j, JobResult *r)
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
    if (statvfs(k->o->data_dir, &vf) == 0)
        in->free_mb = (int64_t)((unsigned long long)vf.f_bavail * vf.f_frsize / (1024 * 1024));
    in->content_version = k->content_version;
    snprintf(in->content_signer, sizeof in->content_signer, "%s", k->content_signer);
    in->campaign_key = export_campaign_key_installed(k->o->data_dir);
    KioskClock kc = j->clock;
    in->clock_now = kclock_now(&kc, j->wall_ms, j->mono_ms);
    in->clock_utc_offset = kc.utc_offset;
    in->clock_ok = kc.status == KCLOCK_OK;
    if (!k->stats) {
        snprintf(in->warning, sizeof in->warning, "Statistics are off: the data folder is unusable.");
        return;
    }
    if (stats_foreach_row(k->stats, info_row, &c) != ERR_OK)
        log_warn("admin: cannot read the statistics");
    StatsHealth h;
    stats_health(k->stats, &h);
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
    stats_identity(k->stats, &id);
    snprintf(in->kiosk_id, sizeof in->kiosk_id, "%s", id.kiosk_id);
    char when[32] = "", rows[32] = "";
    if (stats_meta_get(k->stats, "export.last_time", when, sizeof when) == ERR_OK && when[0]) {
        time_t et = (time_t)strtoll(when, NULL, 10);
        struct tm el;
        char ds[32];
        localtime_r(&et, &el);
        strftime(ds, sizeof ds, "%Y-%m-%d %H:%M", &el);
        stats_meta_get(k->stats, "export.last_rows", rows, sizeof rows);
        snprintf(in->last_export, sizeof in->last_export, "%s, %s rows", ds, rows[0] ? rows : "?");
    }
}

static void job_export(Kiosk *k, const Job *j, JobResult *r)
{
    char dest[256];
    snprintf(dest, sizeof dest, "%s", j->cmd.path);
    if (!dest[0]) {
        ExportMounts m;
        read_mounts(k, &m);
        if (m.n == 0) {
            r->err = ERR_NOTFOUND;
            snprintf(r->text, sizeof r->text, "No USB stick found. Insert one and try again.");
            return;
        }
        snprintf(dest, sizeof dest, "%s", m.path[m.n - 1]);
    }
    if (!k->stats) {
        r->err = ERR_NOTFOUND;
        snprintf(r->text, sizeof r->text, "Statistics are off on this kiosk; nothing to export.");
        return;
    }
    KioskClock kc = j->clock;
    char *health = NULL;
    size_t hl = 0;
    if (export_health_json(k->stats, k->o->data_dir, &j->clock, j->wall_ms, j->mono_ms, j->uptime_s, &health,
                           &hl) != ERR_OK)
        log_warn("export: no health file (out of memory)");
    ExportRequest req = {.data_dir = k->o->data_dir,
                         .dest = dest,
                         .kiosk_label = j->label[0] ? j->label : NULL,
                         .now = kclock_now(&kc, j->wall_ms, j->mono_ms),
                         .require_encryption = j->cmd.sealed_only,
                         .health_json = health};
    ExportResult er;
    r->err = export_run(k->stats, &req, &er);
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

/* The narration of a content folder: recorded voices in CONTENT/audio win
 * over the generated demo ones (demo_dir, may be NULL). NULL with *why only
 * on out of memory: an index with nothing in it is normal. */
static NarrationIndex *narration_for(const char *content_dir, const char *demo_dir, Err *why)
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

static void job_install(Kiosk *k, JobResult *r)
{
    ExportMounts m;
    read_mounts(k, &m);
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
    Err e = pack_trust_load(k->o->data_dir, &trust);
    if (e == ERR_NOTFOUND) {
        r->err = e;
        snprintf(r->text, sizeof r->text, "This kiosk has no trusted key or campaign configured.");
        return;
    }
    PackReport rep;
    r->err = pack_install(k->o->data_dir, pack, &trust, &rep);
    snprintf(r->text, sizeof r->text, "%s", rep.message);
    if (r->err != ERR_OK)
        return;
    r->content = load_installed(k->o->data_dir, &r->content_version, r->content_signer,
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
    r->narration = narration_for(content_dir(r->content), k->o->narration_dir, &why);
    if (!r->narration)
        log_warn("narration index for the new content: %s; the speaker stays off", err_str(why));
}

static void run_job(Kiosk *k, Job *j, JobResult *r)
{
    memset(r, 0, sizeof *r);
    r->kind = j->cmd.kind;
    switch (j->cmd.kind) {
    case CMD_PIN_CHECK:
        r->err = k->pins ? pin_check(k->pins, j->cmd.pin, wall_ms(), &r->pin) : ERR_NOTFOUND;
        break;
    case CMD_ADMIN_INFO: job_info(k, j, r); break;
    case CMD_EXPORT: job_export(k, j, r); break;
    case CMD_INSTALL_PACK: job_install(k, r); break;
    default: break;
    }
    sodium_memzero(j, sizeof *j);
}

static void *worker_main(void *arg)
{
    Kiosk *k = arg;
    Worker *w = &k->worker;
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
        run_job(k, &j, &r);
        pthread_mutex_lock(&w->mu);
        w->running = 0;
        while (w->n_results == JOB_QUEUE && !w->stop) {
            pthread_mutex_unlock(&w->mu);
            SDL_Delay(20); /* the UI takes results every frame */
            pthread_mutex_lock(&w->mu);
        }
        if (w->n_results < JOB_QUEUE) {
            w->results[w->n_results++] = r;
        } else {
            content_free(r.content);
            narration_index_free(r.narration);
        }
        /* wake the loop sleeping in SDL_WaitEventTimeout */
        SDL_Event ev = {.type = SDL_USEREVENT};
        SDL_PushEvent(&ev);
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

static void worker_init(Kiosk *k)
{
    pthread_mutex_init(&k->worker.mu, NULL);
    pthread_cond_init(&k->worker.cv, NULL);
}

static void worker_start(Kiosk *k)
{
    Worker *w = &k->worker;
    if (!k->inline_jobs && pthread_create(&w->th, NULL, worker_main, k) == 0)
        w->started = 1;
    else if (!k->inline_jobs)
        k->inline_jobs = 1; /* no thread: do the work on the UI thread */
}

static void worker_stop(Kiosk *k)
{
    Worker *w = &k->worker;
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

static void submit(Kiosk *k, const AppCmd *c)
{
    Worker *w = &k->worker;
    Job j;
    memset(&j, 0, sizeof j);
    j.cmd = *c;
    snprintf(j.label, sizeof j.label, "%s", k->app.settings.kiosk_name);
    j.clock = k->clock;
    j.wall_ms = wall_ms();
    j.mono_ms = mono_ms();
    j.uptime_s = (j.mono_ms - k->started_mono_ms) / 1000;
    pthread_mutex_lock(&w->mu);
    if (k->inline_jobs) {
        if (w->n_results < JOB_QUEUE)
            run_job(k, &j, &w->results[w->n_results++]);
    } else if (w->n_jobs < JOB_QUEUE) {
        w->jobs[w->n_jobs++] = j;
        pthread_cond_signal(&w->cv);
    } else {
        log_warn("admin: job queue full; %d dropped", (int)c->kind);
    }
    pthread_mutex_unlock(&w->mu);
    sodium_memzero(&j, sizeof j);
}

/* A short tone for Test sound, written once into the data folder. */
static int tone_file(const char *data_dir, char *path, size_t n)
{
    snprintf(path, n, "%s/test-tone.wav", data_dir);
    if (access(path, R_OK) == 0)
        return 0;
    enum { RATE = 22050, SAMPLES = RATE * 6 / 10 };
    static int16_t pcm[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
        double env = i < 400 ? i / 400.0 : i > SAMPLES - 400 ? (SAMPLES - i) / 400.0 : 1.0;
        pcm[i] = (int16_t)(9000 * env * sin(2 * 3.14159265358979 * 660 * i / RATE));
    }
    unsigned char hdr[44];
    uint32_t data = SAMPLES * 2;
    memcpy(hdr, "RIFF", 4);
    uint32_t v = 36 + data;
    memcpy(hdr + 4, &v, 4);
    memcpy(hdr + 8, "WAVEfmt ", 8);
    v = 16;
    memcpy(hdr + 16, &v, 4);
    uint16_t fmt = 1, ch = 1, bits = 16, align = 2;
    memcpy(hdr + 20, &fmt, 2);
    memcpy(hdr + 22, &ch, 2);
    v = RATE;
    memcpy(hdr + 24, &v, 4);
    v = RATE * 2;
    memcpy(hdr + 28, &v, 4);
    memcpy(hdr + 32, &align, 2);
    memcpy(hdr + 34, &bits, 2);
    memcpy(hdr + 36, "data", 4);
    memcpy(hdr + 40, &data, 4);
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int ok = fwrite(hdr, 1, sizeof hdr, f) == sizeof hdr &&
             fwrite(pcm, 2, SAMPLES, f) == SAMPLES;
    return fclose(f) == 0 && ok ? 0 : -1;
}

/* Commands queued by app_update: quick ones here, slow ones to the worker. */
static void run_commands(Kiosk *k)
{
    for (int i = 0; i < k->app.n_cmds; i++) {
        AppCmd *c = &k->app.cmds[i];
        char path[1100];
        switch (c->kind) {
        case CMD_SAVE_SETTINGS: {
            Err e = k->o->data_dir ? settings_save(k->o->data_dir, &k->app.settings) : ERR_NOTFOUND;
            if (e != ERR_OK)
                log_warn("admin: settings not saved: %s", err_str(e));
            audio_set_volume(k->audio, k->app.settings.narration_volume);
            break;
        }
        case CMD_TEST_SOUND: {
            int played = k->audio && k->o->data_dir && tone_file(k->o->data_dir, path, sizeof path) == 0;
            if (played)
                audio_play(k->audio, path, "test-tone");
            char day[11], note[32];
            kiosk_day(k, day);
            snprintf(note, sizeof note, "%s %s", day, played ? "played" : "no_device");
            export_health_note(k->stats, "sound_test", note);
            break;
        }
        case CMD_CLOCK_ADJUST: {
            int64_t w = wall_ms(), m = mono_ms();
            int64_t t = kclock_now(&k->clock, w, m);
            kclock_set(&k->clock, t + c->seconds, w, m, "admin");
            clock_persist(k, 1);
            log_info("clock: set by the admin to %lld", (long long)(t + c->seconds));
            AppCmd info = {.kind = CMD_ADMIN_INFO};
            submit(k, &info);
            break;
        }
        case CMD_NONE: break;
        default: submit(k, c); break;
        }
    }
    sodium_memzero(k->app.cmds, sizeof k->app.cmds);
    k->app.n_cmds = 0;
}

/* While the visitor reads a slide, rasterise the pictures of the slides
 * before and after it (render_prefetch), so that a swipe never waits for an
 * SVG. Built in a scratch arena: the current screen's Ui stays valid. */
static void prefetch_neighbours(Kiosk *k, uint64_t now)
{
    const Module *m = app_module(&k->app);
    if (!m || k->app.screen != SCREEN_SLIDE || app_animating(&k->app, now) || !k->scratch)
        return;
    for (int d = -1; d <= 1; d += 2) {
        int s = k->app.slide + d;
        if (s < 0 || s >= m->n_slides)
            continue;
        App next = k->app;
        next.slide = s;
        next.pointer_down = 0;
        next.pressed = W_NONE;
        Ui ui;
        arena_reset(k->scratch);
        if (ui_build(&ui, &next, now, &k->tm, k->scratch) == ERR_OK)
            render_prefetch(k->ren, &ui);
    }
}

static void rebuild(Kiosk *k, uint64_t now)
{
    arena_reset(k->arena);
    if (ui_build(&k->ui, &k->app, now, &k->tm, k->arena) != ERR_OK)
        log_warn("frame arena exhausted; screen drawn partially");
    k->ui_valid = 1;
}

/* Statistics and audio queued by app_update go out here, never from the core. */
static void drain(Kiosk *k)
{
    for (int i = 0; i < k->app.n_stats; i++) {
        StatEvent ev = k->app.stats[i];
        /* dated by the kiosk clock: held or monotonic when the system
         * clock is implausible (app/clock/clock.h) */
        time_t t = (time_t)kclock_count(&k->clock, wall_ms(), mono_ms());
        if (ev.kind == STAT_SESSION_START) {
            struct tm lt;
            localtime_r(&t, &lt);
            ev.n = lt.tm_hour;
            char touch[16]; /* the day and hour only: privacy */
            strftime(touch, sizeof touch, "%Y-%m-%d %H", &lt);
            export_health_note(k->stats, "last_touch", touch);
        }
        if (k->stats)
            stats_record(k->stats, &ev, (int64_t)t);
    }
    if (k->app.n_stats > 0)
        clock_persist(k, 0);
    k->app.n_stats = 0;
    if (k->prev_screen == SCREEN_TEST_TOUCH && k->app.screen != SCREEN_TEST_TOUCH) {
        int got = 0;
        for (int i = 0; i < APP_TOUCH_CELLS; i++)
            got += k->app.touched[i] != 0;
        char day[11], note[32];
        kiosk_day(k, day);
        snprintf(note, sizeof note, "%s %d/%d", day, got, (int)APP_TOUCH_CELLS);
        export_health_note(k->stats, "touch_test", note);
    }
    k->prev_screen = k->app.screen;
    audio_apply(k->audio, k->narration, k->app.audio, k->app.n_audio);
    k->app.n_audio = 0;
    run_commands(k);
}

static void wire_narration(Kiosk *k)
{
    k->app.narration_exists = k->narration ? narration_exists : NULL;
    k->app.narration_ctx = k->narration;
}

/* Hand finished jobs back to the state machine as Events. */
static void deliver(Kiosk *k, uint64_t now)
{
    Worker *w = &k->worker;
    for (;;) {
        JobResult r;
        pthread_mutex_lock(&w->mu);
        int have = w->n_results > 0;
        if (have) {
            r = w->results[0];
            memmove(w->results, w->results + 1, sizeof r * (size_t)(w->n_results - 1));
            w->n_results--;
        }
        pthread_mutex_unlock(&w->mu);
        if (!have)
            return;
        Event ev = {.err = r.err, .text = r.text, .job = r.kind};
        switch (r.kind) {
        case CMD_PIN_CHECK:
            ev.kind = EV_PIN_RESULT;
            ev.slot = r.pin.slot;
            ev.locked_ms = r.pin.locked_ms;
            break;
        case CMD_ADMIN_INFO:
            ev.kind = EV_ADMIN_INFO;
            ev.info = &r.info;
            break;
        default:
            ev.kind = EV_JOB_DONE;
            ev.content = r.content;
            break;
        }
        app_update(&k->app, &ev, now);
        if (r.content) {
            /* the App now shows the new content; the old one the kiosk
             * loaded itself can go (the program's own stays with main).
             * Its pictures and recorded voices live in the new version's
             * folder: point the renderer and the narration there too, or
             * new pictures draw as nothing and new voices stay silent. */
            if (k->app.content == r.content) {
                content_free(k->own_content);
                k->own_content = r.content;
                k->content_version = r.content_version;
                snprintf(k->content_signer, sizeof k->content_signer, "%s", r.content_signer);
                render_set_content_dir(k->ren, content_dir(r.content));
                narration_index_free(k->narration);
                k->narration = r.narration;
                wire_narration(k);
            } else {
                content_free(r.content);
                narration_index_free(r.narration);
            }
        }
        drain(k);
        if (k->app.dirty)
            k->ui_valid = 0;
    }
}

/* Nobody is using the kiosk: the attract screen or the admin screen. */
static int kiosk_idle(const Kiosk *k)
{
    return !k->app.in_session &&
           (k->app.screen == SCREEN_ATTRACT || k->app.screen == SCREEN_ADMIN);
}

/* Read the mount table (at most every 2 s, only while idle) and tell the
 * App about sticks mounted since the last look. The first look only
 * learns what is already there. */
static void poll_mounts(Kiosk *k, uint64_t now)
{
    if (!kiosk_idle(k) || (k->mounts_primed && now - k->last_poll_ms < 2000))
        return;
    k->last_poll_ms = now;
    ExportMounts cur, added;
    read_mounts(k, &cur);
    export_mounts_added(&k->mounts, &cur, &added);
    k->mounts = cur;
    if (!k->mounts_primed) {
        k->mounts_primed = 1;
        return;
    }
    for (int i = 0; i < added.n; i++) {
        /* a campaign time file on the stick sets the clock (signed, replay-proof) */
        int changed = 0;
        KStickResult tr = k->stats && k->o->data_dir
                              ? kclock_stick_use(&k->clock, k->stats, added.path[i], k->o->data_dir, wall_ms(),
                                                 mono_ms(), &changed)
                              : KSTICK_NONE;
        if (tr != KSTICK_NONE)
            log_warn("clock: %s%s", kclock_stick_message(tr), changed ? " The clock was set." : "");
        Event ev = {.kind = EV_STICK, .text = added.path[i],
                    .can_seal = export_campaign_key_installed(k->o->data_dir)};
        app_update(&k->app, &ev, now);
        drain(k);
    }
    if (k->app.dirty)
        k->ui_valid = 0;
}

static void step(Kiosk *k, Event *ev, uint64_t now)
{
    if (!k->ui_valid)
        rebuild(k, now);
    WidgetId order[128];
    if (ev && ev->kind == EV_KEY) {
        ev->n_focus = ui_focus_order(&k->ui, order, 128);
        ev->focus_order = order;
    }
    if (ev && (ev->kind == EV_POINTER_DOWN || ev->kind == EV_POINTER_UP))
        ev->widget = ui_hit(&k->ui, ev->x, ev->y);
    if (ev) { /* the time of day, for the neutral page's clock */
        time_t t = time(NULL);
        struct tm lt;
        if (t != (time_t)-1 && localtime_r(&t, &lt))
            ev->clock_min = lt.tm_hour * 60 + lt.tm_min + 1;
    }
    app_update(&k->app, ev, now);
    drain(k);
    deliver(k, now);
    if (k->app.dirty)
        k->ui_valid = 0;
}

static Key map_key(SDL_Keycode kc, Uint16 mod)
{
    switch (kc) {
    case SDLK_LEFT: return KEY_LEFT;
    case SDLK_RIGHT: return KEY_RIGHT;
    case SDLK_UP: return KEY_UP;
    case SDLK_DOWN: return KEY_DOWN;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE: return KEY_ENTER;
    case SDLK_ESCAPE:
    case SDLK_AC_BACK: return KEY_ESCAPE;
    case SDLK_TAB: return (mod & KMOD_SHIFT) ? KEY_BACKTAB : KEY_TAB;
    default: return KEY_NONE;
    }
}

/* The player's thread says a narration ended (audio.h on_end): an SDL
 * event of the kiosk's own type, so the loop wakes and the speaker button
 * goes back from Stop to Listen. code 1 tells it from the worker's wake. */
static void on_audio_end(void *ctx)
{
    (void)ctx;
    SDL_Event ev = {.type = SDL_USEREVENT};
    ev.user.code = 1;
    SDL_PushEvent(&ev);
}

/* A newer narration is loading or playing: an end reported just before it
 * was asked for is stale. */
static int audio_busy(AudioPlayer *p)
{
    AudioStatus st;
    audio_status(p, &st);
    return st.loading || st.playing;
}

/* SDL event -> Event. Returns 0 for events the kiosk ignores. */
static int translate(const SDL_Event *e, int w, int h, Event *out)
{
    memset(out, 0, sizeof *out);
    switch (e->type) {
    case SDL_USEREVENT:
        out->kind = EV_AUDIO_ENDED;
        return e->user.code == 1;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT)
            return 0;
        out->kind = e->type == SDL_MOUSEBUTTONDOWN ? EV_POINTER_DOWN : EV_POINTER_UP;
        out->x = e->button.x;
        out->y = e->button.y;
        return 1;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID || !(e->motion.state & SDL_BUTTON_LMASK))
            return 0;
        out->kind = EV_POINTER_MOVE;
        out->x = e->motion.x;
        out->y = e->motion.y;
        return 1;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        out->kind = e->type == SDL_FINGERDOWN ? EV_POINTER_DOWN
                    : e->type == SDL_FINGERUP ? EV_POINTER_UP
                                              : EV_POINTER_MOVE;
        out->x = (int)(e->tfinger.x * (float)w);
        out->y = (int)(e->tfinger.y * (float)h);
        return 1;
    case SDL_KEYDOWN:
        out->kind = EV_KEY;
        out->key = map_key(e->key.keysym.sym, e->key.keysym.mod);
        return out->key != KEY_NONE;
    default:
        return 0;
    }
}

static float display_dpi(SDL_Window *win, float forced)
{
    if (forced > 0)
        return forced;
    float ddpi = 0;
    int d = win ? SDL_GetWindowDisplayIndex(win) : 0;
    if (SDL_GetDisplayDPI(d < 0 ? 0 : d, &ddpi, NULL, NULL) == 0 && ddpi >= 60 && ddpi <= 800)
        return ddpi;
    return 160;
}

static int kiosk_setup(Kiosk *k, SDL_Renderer *sdl, const KioskOptions *o, const Content *content,
                       uint64_t now)
{
    Err why = ERR_OK;
    memset(k, 0, sizeof *k);
    k->arena = arena_new(4u << 20);
    k->scratch = arena_new(1u << 20); /* optional: without it, no prefetch */
    /* images come from where the content was loaded (an installed pack or
     * the shipped folder), not from --content */
    const char *cdir = content ? content_dir(content) : o->content_dir;
    k->ren = k->arena ? render_new(sdl, o->assets_dir, cdir, &why) : NULL;
    if (!k->ren) {
        log_error("cannot start the renderer: %s (fonts in %s/fonts)", err_str(why), o->assets_dir);
        arena_free(k->arena);
        arena_free(k->scratch);
        return -1;
    }
    k->tm = render_metrics(k->ren);
    k->narration = narration_for(cdir, o->narration_dir, &why);
    if (!k->narration)
        log_warn("narration index: %s; the speaker stays off", err_str(why));
    app_init(&k->app, content, &o->cfg, now);
    wire_narration(k);
    k->app.large_text = o->large_text;
    k->app.high_contrast = o->high_contrast;
    k->o = o;
    k->content_version = o->content_version;
    snprintf(k->content_signer, sizeof k->content_signer, "%s", o->content_signer);
    snprintf(k->mount_table, sizeof k->mount_table, "%s",
             o->mount_table ? o->mount_table : "/proc/self/mounts");
    worker_init(k);
    return 0;
}

/* The running kiosk (and scripts) start from the saved settings and the
 * PIN's state: without an admin PIN visitors are served and the admin
 * gesture only says that the installer sets it. */
static void kiosk_admin_start(Kiosk *k, uint64_t now)
{
    if (!k->o->data_dir)
        return;
    Settings st;
    settings_load(k->o->data_dir, &st);
    /* languages and timeout as main.c applied them (a --timeout wins) */
    if (k->o->cfg.timeout_s >= SETTINGS_TIMEOUT_MIN_S &&
        k->o->cfg.timeout_s <= SETTINGS_TIMEOUT_MAX_S)
        st.inactivity_timeout_s = k->o->cfg.timeout_s;
    Event ev = {.kind = EV_SETTINGS, .settings = &st};
    app_update(&k->app, &ev, now);
    Err why = ERR_OK;
    k->pins = pin_open(k->o->data_dir, &why);
    if (!k->pins)
        log_error("admin PIN store: %s", err_str(why));
    ev = (Event){.kind = EV_PIN_STATE,
                 .pin_set = k->pins ? pin_is_set(k->pins, PIN_SLOT_ADMIN) : 1,
                 .locked_ms = k->pins ? pin_locked_ms(k->pins, wall_ms()) : 0};
    app_update(&k->app, &ev, now);
    k->app.n_audio = 0;
    worker_start(k);
}

static void kiosk_teardown(Kiosk *k)
{
    worker_stop(k);
    clock_persist(k, 1);
    pin_close(k->pins);
    content_free(k->own_content);
    audio_close(k->audio);
    narration_index_free(k->narration);
    qr_cache_clear();
    render_free(k->ren);
    arena_free(k->arena);
    arena_free(k->scratch);
}

static int sdl_start(void)
{
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        log_error("SDL_Init: %s", SDL_GetError());
        return -1;
    }
    if (TTF_Init() != 0) {
        log_error("TTF_Init: %s", TTF_GetError());
        SDL_Quit();
        return -1;
    }
    IMG_Init(IMG_INIT_PNG);
    return 0;
}

static void sdl_stop(void)
{
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
}

/* ---- input scripts ----------------------------------------------------
 *
 * One command a line, '#' starts a comment; time advances only by what the
 * commands do (a tap takes 120 ms), starting at 1000 ms:
 *   tap NAME [N]         tap the middle of a control (names below)
 *   tap-at X Y           press-at X Y MS (hold)     swipe left|right
 *   type-pin DIGITS      key Left|Right|Up|Down|Enter|Escape|Tab|BackTab
 *   wait MS              let time pass (the mount table is read meanwhile)
 *   mount-table FILE     read sticks from FILE from now on
 *   screenshot FILE.png
 *   expect-screen NAME   expect-lang CODE   expect-slide N (from 1)
 *   expect-banner none|busy|ok|failed       expect-no-overflow
 *   expect-text TEXT     TEXT (the rest of the line) is on screen: the
 *                        screen's text lines joined by spaces contain it,
 *                        so a wrapped title still matches
 *   expect-no-text TEXT  the opposite
 *   expect-narration yes|no   the screen's narration key has a recording
 *                        (the speaker is enabled)
 * A failed expectation stops the script with a message and exit code 1. */

typedef struct {
    const char *name;
    WidgetKind kind;
} WidgetName;

static const WidgetName widget_names[] = {
    {"background", W_BACKGROUND}, {"home", W_HOME},       {"language", W_LANGUAGE},
    {"exit", W_QUICK_EXIT},       {"large-text", W_LARGE_TEXT}, {"contrast", W_CONTRAST},
    {"speaker", W_SPEAKER},       {"lang", W_LANG_CHOICE}, {"continue", W_LANG_CONFIRM},
    {"filter", W_FILTER},         {"card", W_CARD},       {"help", W_HELP},
    {"back", W_BACK},             {"next", W_NEXT},       {"answer", W_ANSWER},
    {"still-here", W_STILL_HERE},
    {"banner", W_BANNER},         {"pin-digit", W_PIN_DIGIT}, {"pin-delete", W_PIN_DELETE},
    {"pin-ok", W_PIN_OK},         {"pin-cancel", W_PIN_CANCEL}, {"admin-tab", W_ADMIN_TAB},
    {"admin-close", W_ADMIN_CLOSE}, {"admin-lang", W_ADMIN_LANG}, {"admin-up", W_ADMIN_UP},
    {"admin-down", W_ADMIN_DOWN}, {"admin-dec", W_ADMIN_DEC}, {"admin-inc", W_ADMIN_INC},
    {"admin-toggle", W_ADMIN_TOGGLE}, {"admin-action", W_ADMIN_ACTION},
    {"touch-cell", W_TOUCH_CELL}, {"done", W_DONE},       {"group-module", W_GROUP_MODULE},
    {"hands-dec", W_GROUP_HANDS_DEC}, {"hands-inc", W_GROUP_HANDS_INC},
    {"band-dec", W_GROUP_BAND_DEC}, {"band-inc", W_GROUP_BAND_INC},
    {"group-headcount", W_GROUP_HEADCOUNT}, {"group-finish", W_GROUP_FINISH},
};

static const char *const screen_names[SCREEN__COUNT] = {
    [SCREEN_ATTRACT] = "attract", [SCREEN_LANGUAGE] = "language", [SCREEN_MENU] = "menu",
    [SCREEN_SLIDE] = "slide",     [SCREEN_QUIZ] = "quiz",         [SCREEN_END] = "end",
    [SCREEN_HELP] = "help",       [SCREEN_NEUTRAL] = "neutral",
    [SCREEN_PIN] = "pin",         [SCREEN_ADMIN] = "admin",       [SCREEN_TEST_TOUCH] = "test-touch",
    [SCREEN_GROUP_PICK] = "group-pick", [SCREEN_GROUP_SLIDE] = "group-slide",
    [SCREEN_GROUP_QUIZ] = "group-quiz", [SCREEN_GROUP_COUNT] = "group-headcount",
};

static int save_png(SDL_Renderer *sdl, int w, int h, const char *path)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return -1;
    int rc = SDL_RenderReadPixels(sdl, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch);
    if (rc == 0)
        rc = IMG_SavePNG(s, path);
    SDL_FreeSurface(s);
    return rc;
}

static void pointer(Kiosk *k, int x, int y, int x2, int y2, uint64_t *now)
{
    Event ev = {.kind = EV_POINTER_DOWN, .x = x, .y = y};
    step(k, &ev, *now);
    *now += 40;
    ev = (Event){.kind = EV_POINTER_MOVE, .x = (x + x2) / 2, .y = (y + y2) / 2};
    step(k, &ev, *now);
    *now += 40;
    ev = (Event){.kind = EV_POINTER_UP, .x = x2, .y = y2};
    step(k, &ev, *now);
    *now += 40;
}

/* The argument of a script line: everything after the command word, without
 * surrounding blanks. Edits line in place. */
static const char *rest_of_line(char *line, const char *cmd)
{
    char *p = strstr(line, cmd) + strlen(cmd);
    while (*p == ' ' || *p == '\t')
        p++;
    size_t n = strlen(p);
    while (n > 0 && (p[n - 1] == '\n' || p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t'))
        p[--n] = 0;
    return p;
}

/* 1 if text appears on the built screen: its text lines, in drawing order,
 * joined by single spaces (a wrapped line lost its space at the break). */
static int screen_has_text(const Ui *ui, const char *text)
{
    static char all[32768];
    size_t n = 0;
    for (int i = 0; i < ui->n_cmds; i++) {
        const DrawCmd *c = &ui->cmds[i];
        if (c->kind != DRAW_TEXT || !c->text || n + c->len + 2 > sizeof all)
            continue;
        if (n > 0)
            all[n++] = ' ';
        memcpy(all + n, c->text, c->len);
        n += c->len;
    }
    all[n] = 0;
    return strstr(all, text) != NULL;
}

/* Run one script line. Returns 0 to go on, 1 on a failed expectation or a
 * bad line (message printed). */
static int script_line(Kiosk *k, SDL_Renderer *sdl, char *line, int lineno, uint64_t *now)
{
    char cmd[32] = "", a1[128] = "", a2[64] = "";
    int n = sscanf(line, "%31s %127s %63s", cmd, a1, a2);
    if (n <= 0 || cmd[0] == '#')
        return 0;
    if (!k->ui_valid)
        rebuild(k, *now);
    if (strcmp(cmd, "wait") == 0) {
        uint64_t until = *now + (uint64_t)strtoull(a1, NULL, 10);
        /* let time act in one-second steps, as the real loop would */
        while (*now < until) {
            *now = *now + 1000 < until ? *now + 1000 : until;
            step(k, NULL, *now);
            poll_mounts(k, *now);
        }
        return 0;
    }
    if (strcmp(cmd, "worker-thread") == 0) {
        /* from here on, jobs run on the worker thread as in the real kiosk
         * (for make tsan: the UI keeps polling the mount table meanwhile) */
        k->inline_jobs = 0;
        if (!k->worker.started)
            worker_start(k);
        return 0;
    }
    if (strcmp(cmd, "wait-job") == 0) {
        /* real time: until the worker is idle and its results delivered,
         * polling the mounts as the idle loop does; 60 s at most */
        for (int i = 0; i < 12000; i++) {
            Worker *w = &k->worker;
            pthread_mutex_lock(&w->mu);
            int idle = w->n_jobs == 0 && !w->running && w->n_results == 0;
            pthread_mutex_unlock(&w->mu);
            if (idle && !k->app.job_busy)
                return 0;
            *now += 5;
            k->last_poll_ms = 0; /* read the table every round */
            step(k, NULL, *now);
            poll_mounts(k, *now);
            SDL_Delay(5);
        }
        fprintf(stderr, "script:%d: the worker did not finish within 60 s\n", lineno);
        return 1;
    }
    if (strcmp(cmd, "tap") == 0) {
        for (size_t i = 0; i < sizeof widget_names / sizeof widget_names[0]; i++) {
            if (strcmp(widget_names[i].name, a1) != 0)
                continue;
            Rect r;
            WidgetId id = WIDGET(widget_names[i].kind, n >= 3 ? atoi(a2) : 0);
            if (!ui_find(&k->ui, id, &r)) {
                fprintf(stderr, "script:%d: no control '%s %s' on the %s screen\n", lineno, a1,
                        a2, screen_names[k->app.screen]);
                return 1;
            }
            pointer(k, r.x + r.w / 2, r.y + r.h / 2, r.x + r.w / 2 + 3, r.y + r.h / 2 + 2, now);
            return 0;
        }
        fprintf(stderr, "script:%d: unknown control '%s'\n", lineno, a1);
        return 1;
    }
    if (strcmp(cmd, "press-at") == 0) {
        /* press-at X Y MS: hold for MS milliseconds (the long press) */
        char a3[32] = "";
        sscanf(line, "%*s %*s %*s %31s", a3);
        Event ev = {.kind = EV_POINTER_DOWN, .x = atoi(a1), .y = atoi(a2)};
        step(k, &ev, *now);
        uint64_t until = *now + (uint64_t)strtoull(a3, NULL, 10);
        while (*now < until) {
            *now = *now + 1000 < until ? *now + 1000 : until;
            step(k, NULL, *now);
        }
        ev = (Event){.kind = EV_POINTER_UP, .x = atoi(a1), .y = atoi(a2)};
        step(k, &ev, *now);
        *now += 40;
        return 0;
    }
    if (strcmp(cmd, "type-pin") == 0) {
        for (const char *p = a1; *p >= '0' && *p <= '9'; p++) {
            Rect r;
            if (!k->ui_valid)
                rebuild(k, *now);
            if (!ui_find(&k->ui, WIDGET(W_PIN_DIGIT, *p - '0'), &r)) {
                fprintf(stderr, "script:%d: no PIN digit %c on the %s screen\n", lineno, *p,
                        screen_names[k->app.screen]);
                return 1;
            }
            pointer(k, r.x + r.w / 2, r.y + r.h / 2, r.x + r.w / 2, r.y + r.h / 2, now);
        }
        return 0;
    }
    if (strcmp(cmd, "mount-table") == 0) {
        snprintf(k->mount_table, sizeof k->mount_table, "%s", a1);
        return 0;
    }
    if (strcmp(cmd, "expect-banner") == 0) {
        static const char *const kinds[] = {"none", "busy", "ok", "failed"};
        if ((unsigned)k->app.banner >= 4 || strcmp(kinds[k->app.banner], a1) != 0) {
            fprintf(stderr, "script:%d: expected banner %s, have %s (%s)\n", lineno, a1,
                    (unsigned)k->app.banner < 4 ? kinds[k->app.banner] : "?",
                    k->app.banner_detail);
            return 1;
        }
        return 0;
    }
    if (strcmp(cmd, "tap-at") == 0) {
        int x = atoi(a1), y = atoi(a2);
        pointer(k, x, y, x, y, now);
        return 0;
    }
    if (strcmp(cmd, "swipe") == 0) {
        int y = k->app.h / 2, d = k->app.w / 3;
        int left = strcmp(a1, "left") == 0;
        pointer(k, left ? k->app.w / 2 + d / 2 : k->app.w / 2 - d / 2, y,
                left ? k->app.w / 2 - d / 2 : k->app.w / 2 + d / 2, y + 5, now);
        return 0;
    }
    if (strcmp(cmd, "key") == 0) {
        static const struct {
            const char *n;
            Key k;
        } keys[] = {{"Left", KEY_LEFT},   {"Right", KEY_RIGHT},   {"Up", KEY_UP},
                    {"Down", KEY_DOWN},   {"Enter", KEY_ENTER},   {"Escape", KEY_ESCAPE},
                    {"Tab", KEY_TAB},     {"BackTab", KEY_BACKTAB}};
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
            if (strcmp(keys[i].n, a1) == 0) {
                Event ev = {.kind = EV_KEY, .key = keys[i].k};
                step(k, &ev, *now);
                *now += 50;
                return 0;
            }
        fprintf(stderr, "script:%d: unknown key '%s'\n", lineno, a1);
        return 1;
    }
    if (strcmp(cmd, "expect-screen") == 0) {
        if (strcmp(screen_names[k->app.screen], a1) != 0) {
            fprintf(stderr, "script:%d: expected the %s screen, on the %s screen\n", lineno, a1,
                    screen_names[k->app.screen]);
            return 1;
        }
        return 0;
    }
    if (strcmp(cmd, "expect-lang") == 0) {
        if (strcmp(app_lang(&k->app), a1) != 0) {
            fprintf(stderr, "script:%d: expected language %s, have %s\n", lineno, a1,
                    app_lang(&k->app));
            return 1;
        }
        return 0;
    }
    if (strcmp(cmd, "expect-slide") == 0) {
        if (k->app.slide + 1 != atoi(a1)) {
            fprintf(stderr, "script:%d: expected slide %s, on slide %d\n", lineno, a1,
                    k->app.slide + 1);
            return 1;
        }
        return 0;
    }
    if (strcmp(cmd, "expect-text") == 0 || strcmp(cmd, "expect-no-text") == 0) {
        int want = strcmp(cmd, "expect-text") == 0;
        const char *text = rest_of_line(line, cmd);
        if (!text[0]) {
            fprintf(stderr, "script:%d: %s needs a text\n", lineno, cmd);
            return 1;
        }
        int have = screen_has_text(&k->ui, text);
        if (have != want) {
            fprintf(stderr, "script:%d: \"%s\" is %son the %s screen\n", lineno, text,
                    have ? "" : "not ", screen_names[k->app.screen]);
            return 1;
        }
        return 0;
    }
    if (strcmp(cmd, "expect-narration") == 0) {
        char key[128];
        app_narration_key(&k->app, key, sizeof key);
        int have = key[0] && k->app.narration_exists &&
                   k->app.narration_exists(k->app.narration_ctx, app_lang(&k->app), key);
        if (have != (strcmp(a1, "yes") == 0)) {
            fprintf(stderr, "script:%d: expected narration %s for '%s' in %s, have %s\n", lineno,
                    a1, key, app_lang(&k->app), have ? "yes" : "no");
            return 1;
        }
        return 0;
    }
    if (strcmp(cmd, "expect-no-overflow") == 0) {
        if (k->ui.overflow) {
            fprintf(stderr, "script:%d: text overflows: \"%s\"\n", lineno, k->ui.overflow_text);
            return 1;
        }
        return 0;
    }
    if (strcmp(cmd, "screenshot") == 0) {
        if (!k->ui_valid)
            rebuild(k, *now);
        render_draw(k->ren, &k->ui);
        if (save_png(sdl, k->app.w, k->app.h, a1) != 0) {
            fprintf(stderr, "script:%d: cannot write %s: %s\n", lineno, a1, SDL_GetError());
            return 1;
        }
        return 0;
    }
    fprintf(stderr, "script:%d: unknown command '%s'\n", lineno, cmd);
    return 1;
}

static int run_script(Kiosk *k, SDL_Renderer *sdl, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        log_error("cannot open script %s", path);
        return 2;
    }
    char line[512];
    int lineno = 0, rc = 0;
    uint64_t now = 1000;
    /* start from a clean attract screen at script time 1000 ms, keeping the
     * configuration, window size and wiring (app_init would wipe them) */
    App fresh;
    AppConfig cfg = k->app.cfg;
    app_init(&fresh, k->app.content, &cfg, now);
    fresh.w = k->app.w;
    fresh.h = k->app.h;
    fresh.dpi = k->app.dpi;
    fresh.narration_exists = k->app.narration_exists;
    fresh.narration_ctx = k->app.narration_ctx;
    fresh.large_text = k->app.large_text;
    fresh.high_contrast = k->app.high_contrast;
    k->app = fresh;
    k->ui_valid = 0;
    k->inline_jobs = 1;
    kiosk_admin_start(k, now);
    poll_mounts(k, now);
    while (!quit_requested && fgets(line, sizeof line, f)) {
        lineno++;
        if (script_line(k, sdl, line, lineno, &now) != 0) {
            rc = 1;
            break;
        }
    }
    fclose(f);
    if (quit_requested) {
        fprintf(stderr, "script: stopped by a signal at line %d\n", lineno);
        rc = 1;
    }
    if (rc == 0)
        printf("script: %d lines, all expectations met\n", lineno);
    return rc;
}

/* ---- the kiosk -------------------------------------------------------- */

/* make bench measures start-up to the first presented frame, not to exit
 * (tearing down audio and threads is not what a visitor waits for): it
 * passes a pipe in TAAMA_FIRST_FRAME_FD and we write one byte to it. */
static void signal_first_frame(void)
{
    const char *fd = getenv("TAAMA_FIRST_FRAME_FD");
    if (fd && write(atoi(fd), "1", 1) != 1)
        log_warn("cannot signal the first frame");
}

/* Evicted textures and surfaces leave free blocks in the heap that glibc
 * keeps resident; hand them back to the system when the kiosk goes idle
 * (after warming the caches, and when a visit ends). */
static void give_back_memory(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

static void warm_one(void *ctx, const char *name)
{
    Kiosk *k = ctx;
    if (app_goto(&k->app, name, 1000) == 0) {
        rebuild(k, 1000);
        render_draw(k->ren, &k->ui);
    }
}

/* Draw every screen once (not presented) so that fonts, shaped lines and
 * images are all cached, then return to the attract screen. */
static void warm_caches(Kiosk *k, uint64_t now)
{
    app_screen_names(&k->app, warm_one, k);
    app_wipe(&k->app, now);
    k->app.n_stats = 0;
    k->app.n_audio = 0;
    k->ui_valid = 0;
    give_back_memory();
}

static uint64_t ticks(void) { return SDL_GetTicks64(); }

int kiosk_run(const KioskOptions *o, const Content *content, Stats *stats)
{
    if (sdl_start() != 0)
        return 1;
    quit_watch_start();
    int rc = 1;
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
    int w = o->windowed ? o->win_w : 1280, h = o->windowed ? o->win_h : 800;
    if (!o->windowed)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_Window *win = SDL_CreateWindow("Taama", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w,
                                       h, flags);
    SDL_Renderer *sdl = NULL;
    Kiosk k;
    int have_kiosk = 0;
    if (!win) {
        log_error("cannot open a window: %s", SDL_GetError());
        goto out;
    }
    /* --renderer, else TAAMA_RENDERER, else auto (main.c checked the option) */
    RenderMode mode = render_mode_parse(o->renderer ? o->renderer : getenv("TAAMA_RENDERER"));
    if (mode == RENDER_MODE_BAD) {
        log_warn("TAAMA_RENDERER=%s is not auto, software or gpu; using auto", getenv("TAAMA_RENDERER"));
        mode = RENDER_MODE_AUTO;
    }
    char chose[256];
    sdl = render_create_sdl(win, mode, chose, sizeof chose);
    if (!sdl) {
        log_error("cannot create a renderer: %s", SDL_GetError());
        goto out;
    }
    log_info("renderer: %s", chose);
    if (!o->windowed)
        SDL_ShowCursor(SDL_DISABLE);
    if (kiosk_setup(&k, sdl, o, content, ticks()) != 0)
        goto out;
    have_kiosk = 1;
    k.stats = stats;
    clock_start(&k);
    if (!o->script) {
        AudioOptions ao = {.volume = o->narration_volume, .on_end = on_audio_end};
        k.audio = audio_open(&ao);
    }
    SDL_GetRendererOutputSize(sdl, &w, &h);
    Event rs = {.kind = EV_RESIZE, .w = w, .h = h, .dpi = display_dpi(win, o->dpi)};
    app_update(&k.app, &rs, ticks());
    if (o->script) {
        rc = run_script(&k, sdl, o->script);
        goto out;
    }
    if (o->warm_all)
        warm_caches(&k, ticks());
    kiosk_admin_start(&k, ticks());
    drain(&k);
#ifdef TAAMA_HAVE_SYSTEMD
    sd_notify(0, "READY=1");
    uint64_t usec = 0;
    int watchdog = sd_watchdog_enabled(0, &usec) > 0;
    uint64_t last_ping = 0;
#endif
    while (!quit_requested) {
        uint64_t now = ticks();
        /* draw first, then sleep until something can change */
        if (k.app.dirty || app_animating(&k.app, now) || !k.ui_valid) {
            rebuild(&k, now);
            render_draw(k.ren, &k.ui);
            SDL_RenderPresent(sdl);
            k.app.dirty = 0;
            if (o->exit_after_first_frame) {
                signal_first_frame();
                break;
            }
            prefetch_neighbours(&k, now);
        }
        int wait = app_animating(&k.app, now) ? 0 : app_next_wake_ms(&k.app, now);
        if (kiosk_idle(&k) && (wait < 0 || wait > 2000))
            wait = 2000; /* look for sticks */
#ifdef TAAMA_HAVE_SYSTEMD
        if (watchdog) {
            int half = (int)(usec / 2000);
            if (now - last_ping >= (uint64_t)half) {
                sd_notify(0, "WATCHDOG=1");
                last_ping = now;
            }
            if (wait < 0 || wait > half)
                wait = half;
        }
#endif
        SDL_Event e;
        int got = wait < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, wait);
        now = ticks();
        while (got) {
            Event ev;
            if (e.type == SDL_QUIT) {
                /* a window manager's close (or Alt+F4) ends only a windowed
                 * kiosk; a fullscreen one stops only for SIGTERM */
                if (o->windowed)
                    quit_requested = 1;
            } else if (e.type == SDL_WINDOWEVENT &&
                       (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
                        e.window.event == SDL_WINDOWEVENT_EXPOSED)) {
                SDL_GetRendererOutputSize(sdl, &w, &h);
                render_invalidate(k.ren); /* the window's pixels may be gone */
                ev = (Event){.kind = EV_RESIZE, .w = w, .h = h, .dpi = display_dpi(win, o->dpi)};
                step(&k, &ev, now);
            } else if (translate(&e, w, h, &ev) && !(ev.kind == EV_AUDIO_ENDED && audio_busy(k.audio))) {
                step(&k, &ev, now);
            }
            got = SDL_PollEvent(&e);
        }
        step(&k, NULL, now);
        poll_mounts(&k, now);
    }
    rc = 0;
out:
    if (have_kiosk)
        kiosk_teardown(&k);
    if (sdl)
        SDL_DestroyRenderer(sdl);
    if (win)
        SDL_DestroyWindow(win);
    quit_watch_stop();
    sdl_stop();
    return rc;
}

/* ---- taama render ----------------------------------------------------- */

int kiosk_render(const KioskOptions *o, const Content *content, const char *lang,
                 const char *screen_name, int w, int h, const char *png_path)
{
    if (w < 100 || h < 100 || w > 8192 || h > 8192) {
        fprintf(stderr, "taama render: size %dx%d is out of range\n", w, h);
        return 1;
    }
    if (!getenv("SDL_VIDEODRIVER"))
        SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (sdl_start() != 0)
        return 1;
    int rc = 1;
    Kiosk k;
    int have = 0;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    if (!sdl) {
        fprintf(stderr, "taama render: %s\n", SDL_GetError());
        goto out;
    }
    if (kiosk_setup(&k, sdl, o, content, 1000) != 0)
        goto out;
    have = 1;
    k.app.w = w;
    k.app.h = h;
    k.app.dpi = o->dpi > 0 ? o->dpi : 160;
    int li = -1;
    for (int i = 0; i < k.app.cfg.n_langs; i++)
        if (strcmp(k.app.cfg.langs[i], lang) == 0)
            li = i;
    if (li < 0) {
        fprintf(stderr, "taama render: language '%s' is not enabled\n", lang);
        goto out;
    }
    if (app_goto(&k.app, screen_name, 1000) != 0) {
        fprintf(stderr, "taama render: unknown screen '%s' (see taama render --list)\n",
                screen_name);
        goto out;
    }
    app_show_in(&k.app, li);
    k.app.large_text = o->large_text;
    k.app.high_contrast = o->high_contrast;
    rebuild(&k, 1000);
    render_draw(k.ren, &k.ui);
    SDL_RenderPresent(sdl);
    if (IMG_SavePNG(surf, png_path) != 0) {
        fprintf(stderr, "taama render: cannot write %s: %s\n", png_path, IMG_GetError());
        goto out;
    }
    rc = 0;
    if (k.ui.overflow) {
        fprintf(stderr, "taama render: %d text box(es) overflow, first: \"%s\"\n", k.ui.overflow,
                k.ui.overflow_text);
        rc = 3;
    }
out:
    if (have)
        kiosk_teardown(&k);
    if (sdl)
        SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(surf);
    sdl_stop();
    return rc;
}

static void print_name(void *ctx, const char *name) { fprintf(ctx, "%s\n", name); }

void kiosk_list_screens(const Content *content, FILE *out)
{
    App a;
    app_init(&a, content, NULL, 0);
    app_screen_names(&a, print_name, out);
}

/* ---- make bench ------------------------------------------------------- */

int kiosk_bench_frames(const KioskOptions *o, const Content *content, int w, int h, int frames,
                       double *ms_out)
{
    if (!getenv("SDL_VIDEODRIVER"))
        SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (sdl_start() != 0)
        return -1;
    int n = -1;
    Kiosk k;
    int have = 0;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    if (!sdl || kiosk_setup(&k, sdl, o, content, 1000) != 0)
        goto out;
    have = 1;
    k.app.w = w;
    k.app.h = h;
    k.app.dpi = 160;
    uint64_t now = 1000;
    int mods = content_module_count(content);
    n = 0;
    for (int m = 0; n < frames && mods > 0; m = (m + 1) % mods) {
        char name[96];
        snprintf(name, sizeof name, "%s/slide-1", content_module(content, m)->id);
        app_goto(&k.app, name, now);
        /* opening the module is not a swipe: its frame is drawn (and the
         * neighbours prefetched, as when idle) before measuring */
        step(&k, NULL, now);
        rebuild(&k, now);
        render_draw(k.ren, &k.ui);
        prefetch_neighbours(&k, now);
        const Module *mod = content_module(content, m);
        for (int s = 1; s < mod->n_slides && n < frames; s++) {
            /* a swipe: press, move, release, then the transition's frames */
            Event ev = {.kind = EV_POINTER_DOWN, .x = w * 3 / 4, .y = h / 2};
            step(&k, &ev, now);
            ev = (Event){.kind = EV_POINTER_UP, .x = w / 4, .y = h / 2};
            step(&k, &ev, now + 100);
            now += 100;
            for (uint64_t t = 0; t <= APP_ANIM_MS + 16 && n < frames; t += 16) {
                uint64_t t0 = SDL_GetPerformanceCounter();
                step(&k, NULL, now + t);
                rebuild(&k, now + t);
                render_draw(k.ren, &k.ui);
                SDL_RenderPresent(sdl);
                uint64_t t1 = SDL_GetPerformanceCounter();
                ms_out[n++] = (double)(t1 - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency();
            }
            now += APP_ANIM_MS + 32;
            prefetch_neighbours(&k, now); /* what the real loop does once idle */
        }
    }
out:
    if (have)
        kiosk_teardown(&k);
    if (sdl)
        SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(surf);
    sdl_stop();
    return n;
}
