/* bench_stats.c: what statistics cost the kiosk (issue 3).
 *
 * 1. UI-thread cost of stats_record(), per call, p50/p99/max over one
 *    million events, against floors timed the same way in the same run: an
 *    empty call through a function pointer and a copy of the event into a
 *    ring slot (what a lock-free queue could not go below).
 * 2. Events committed per second (record to durable), against a raw SQLite
 *    floor: the same upserts issued directly, in 10k-row transactions, with
 *    the same WAL + synchronous=FULL settings.
 * 3. Database size after a simulated busy year (400 visits a day, 8
 *    languages, 12 modules), target under 5 MB.
 * Uses only the core (the binary is linked with SDL by the Makefile). Prints
 * Markdown. Scratch files go to $TMPDIR (default /tmp). */
#include <sched.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"
#include "stats/stats.h"

enum { N = 1000000, QCAP = 16384 };

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

typedef struct {
    double p50, p99, max;
} Pct;

static Pct pct(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    Pct p = {v[n / 2], v[(int)((double)n * 0.99)], v[n - 1]};
    return p;
}

static int32_t utc(void *ctx, int64_t t)
{
    (void)ctx, (void)t;
    return 0;
}

static const char *const langs[8] = {"fr", "ar", "en", "ti", "ha", "ff", "wo", "bm"};
static char modules[12][16];

/* The i-th event of a stream of visits: 13 events per visit, the mix the
 * app emits; langs and modules skewed like real use. */
static void make_event(uint32_t *rng, StatEvent *e, int step)
{
    static int lang, mod;
    uint32_t r = *rng = *rng * 1664525u + 1013904223u;
    memset(e, 0, sizeof *e);
    e->count = 1;
    if (step == 0) {
        lang = (int)((r >> 8) % 8 * ((r >> 16) % 8) / 8); /* skewed to the first */
        mod = (int)((r >> 4) % 12);
    }
    static const StatKind script[13] = {
        STAT_SESSION_START, STAT_LANGUAGE_CHOSEN, STAT_MODULE_OPENED, STAT_SLIDE_DEEPEST,
        STAT_QUIZ_ANSWER,   STAT_QUIZ_ANSWER,     STAT_END_CARD_SHOWN, STAT_MODULE_COMPLETED,
        STAT_QR_SHOWN,      STAT_HELP_SHOWN,      STAT_LANGUAGE_SWITCH, STAT_TIMEOUT,
        STAT_SESSION_END,
    };
    e->kind = script[step];
    snprintf(e->lang, sizeof e->lang, "%s", langs[lang]);
    snprintf(e->module, sizeof e->module, "%s", modules[mod]);
    e->n = e->kind == STAT_SESSION_END   ? (int)(r % 900)
           : e->kind == STAT_QUIZ_ANSWER ? (int)((r >> 3) % 6)
           : e->kind == STAT_SLIDE_DEEPEST ? (int)((r >> 5) % 15)
           : e->kind == STAT_QR_SHOWN    ? (int)((r >> 7) % 3)
                                         : 0;
    e->ok = (int)((r >> 11) & 1);
}

static void rm_db(const char *dir)
{
    char p[512];
    const char *sfx[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s/%s%s", dir, STATS_DB_NAME, sfx[i]);
        unlink(p);
    }
}

/* Back-pressure for the benchmark only (the UI records a few events a
 * second): above 3/4 full, wait until the writer has drained to 1/4. The
 * writer wakes by itself at half full, so this never stalls it. */
static void wait_queue(Stats *s)
{
    StatsHealth h;
    stats_health(s, &h);
    if (h.queued < QCAP * 3 / 4)
        return;
    while (h.queued >= QCAP / 4) {
        sched_yield();
        stats_health(s, &h);
    }
}

static int count_row(void *ctx, const StatRow *r)
{
    (void)r;
    ++*(long long *)ctx;
    return 0;
}

static void (*volatile empty_fn)(const StatEvent *);
static void empty(const StatEvent *e) { (void)e; }

int main(void)
{
    log_set_quiet(1);
    for (int i = 0; i < 12; i++)
        snprintf(modules[i], sizeof modules[i], "module-%02d", i);
    const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    char dir[256];
    snprintf(dir, sizeof dir, "%s/taama-bench-stats-XXXXXX", tmp);
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    double *lat = malloc(sizeof(double) * N);
    StatEvent *evs = malloc(sizeof(StatEvent) * N);
    int64_t *ts = malloc(sizeof(int64_t) * N);
    StatEvent *ring = malloc(sizeof(StatEvent) * QCAP);
    if (!lat || !evs || !ts || !ring)
        return 1;
    uint32_t rng = 42;
    int64_t t0 = INT64_C(1741564800);
    for (int i = 0; i < N; i++) {
        make_event(&rng, &evs[i], i % 13);
        ts[i] = t0 + (int64_t)(i / 13) * 30 % (30 * 86400); /* a month of visits */
    }

    /* floors */
    empty_fn = empty;
    for (int i = 0; i < N; i++) {
        double a = now_ns();
        empty_fn(&evs[i]);
        lat[i] = now_ns() - a;
    }
    Pct f_call = pct(lat, N);
    for (int i = 0; i < N; i++) {
        double a = now_ns();
        memcpy(&ring[i % QCAP], &evs[i], sizeof *evs);
        __asm__ volatile("" ::: "memory");
        lat[i] = now_ns() - a;
    }
    Pct f_copy = pct(lat, N);

    /* stats_record */
    StatsOptions o;
    memset(&o, 0, sizeof o);
    o.machine_id = "bench";
    o.utc_offset = utc;
    o.queue_cap = QCAP;
    Err why;
    Stats *s = stats_open_opts(dir, &o, &why);
    if (!s) {
        fprintf(stderr, "bench_stats: cannot open: %s\n", err_str(why));
        return 1;
    }
    double start = now_ns();
    for (int i = 0; i < N; i++) {
        if ((i & 1023) == 0)
            wait_queue(s); /* keep the queue from overflowing (not timed) */
        double a = now_ns();
        stats_record(s, &evs[i], ts[i]);
        lat[i] = now_ns() - a;
    }
    Err fe = stats_flush(s, 60000);
    double secs = (now_ns() - start) / 1e9;
    StatsHealth h;
    stats_health(s, &h);
    Pct rec = pct(lat, N);
    stats_close(s);
    double per_s = N / secs;

    /* raw SQLite floor: the same upserts, in 10k-row transactions */
    rm_db(dir);
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, STATS_DB_NAME);
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                 "CREATE TABLE c(day INTEGER, metric INTEGER, lang TEXT, module TEXT, item INTEGER,"
                 " value INTEGER, PRIMARY KEY(day, metric, lang, module, item)) WITHOUT ROWID",
                 NULL, NULL, NULL);
    sqlite3_stmt *up;
    sqlite3_prepare_v2(db,
                       "INSERT INTO c VALUES(?,?,?,?,?,1) ON CONFLICT DO UPDATE SET value = value + 1",
                       -1, &up, NULL);
    start = now_ns();
    for (int i = 0; i < N; i++) {
        if (i % 10000 == 0)
            sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
        sqlite3_bind_int64(up, 1, ts[i] / 86400);
        sqlite3_bind_int(up, 2, (int)evs[i].kind * 2 + evs[i].ok);
        sqlite3_bind_text(up, 3, evs[i].lang, -1, SQLITE_STATIC);
        sqlite3_bind_text(up, 4, evs[i].module, -1, SQLITE_STATIC);
        sqlite3_bind_int(up, 5, evs[i].n);
        sqlite3_step(up);
        sqlite3_reset(up);
        if (i % 10000 == 9999)
            sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    }
    double raw_s = N / ((now_ns() - start) / 1e9);
    sqlite3_finalize(up);
    sqlite3_close(db);

    /* a busy year: 400 visits a day for 365 days */
    rm_db(dir);
    s = stats_open_opts(dir, &o, &why);
    if (!s)
        return 1;
    rng = 7;
    int64_t year_events = 0;
    for (int d = 0; d < 365; d++)
        for (int v = 0; v < 400; v++) {
            int64_t t = t0 + (int64_t)d * 86400 + 8 * 3600 + (int64_t)v * 100;
            for (int k = 0; k < 13; k++) {
                StatEvent e;
                make_event(&rng, &e, k);
                if ((year_events & 1023) == 0)
                    wait_queue(s);
                stats_record(s, &e, t + k * 10);
                year_events++;
            }
        }
    Err ye = stats_flush(s, 60000);
    StatsHealth yh;
    stats_health(s, &yh);
    stats_close(s); /* checkpoints the WAL into the file */
    struct stat sb;
    double mb = stat(path, &sb) == 0 ? (double)sb.st_size / 1e6 : -1;
    sqlite3_open(path, &db);
    sqlite3_stmt *st;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM counters", -1, &st, NULL);
    sqlite3_step(st);
    long long rows = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    long long counters = 0; /* rows pack the counters that differ by item */
    Stats *ro = stats_open_readonly(dir, &why);
    if (ro)
        stats_foreach_row(ro, count_row, &counters);
    stats_close(ro);
    rm_db(dir);
    rmdir(dir);

    printf("| measure | stats | floor | ratio |\n|---|---|---|---|\n");
    printf("| record p50 (ns/event) | %.0f | %.0f (empty call) | %.1fx |\n", rec.p50, f_call.p50,
           rec.p50 / f_call.p50);
    printf("| record p99 (ns/event) | %.0f | %.0f (empty call) | %.1fx |\n", rec.p99, f_call.p99,
           rec.p99 / f_call.p99);
    printf("| record p50 vs copying the event (ns) | %.0f | %.0f (memcpy to a ring) | %.1fx |\n",
           rec.p50, f_copy.p50, rec.p50 / f_copy.p50);
    printf("| record max (ns, one call in a million) | %.0f | %.0f | |\n", rec.max, f_call.max);
    printf("| events committed per second (1M events) | %.0f | %.0f (raw SQLite upserts, "
           "10k per transaction) | %.1fx |\n",
           per_s, raw_s, per_s / raw_s);
    printf("| database after a busy year (%lld events, %lld counters in %lld rows) | %.2f MB | "
           "5 MB target | %s |\n",
           (long long)year_events, counters, rows, mb, mb < 5.0 ? "under" : "OVER");
    printf("\np99 target 50 us: %s (%.2f us). Dropped: %lld (1M run), %lld (year). "
           "Flush: %s / %s.\n",
           rec.p99 < 50000 ? "met" : "MISSED", rec.p99 / 1000, (long long)h.dropped,
           (long long)yh.dropped, err_str(fe), err_str(ye));
    free(lat);
    free(evs);
    free(ts);
    free(ring);
    return (fe == ERR_OK && ye == ERR_OK && h.dropped == 0) ? 0 : 1;
}
