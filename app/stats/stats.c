/* stats.c: the statistics store.
 *
 * Two threads meet here. The UI thread calls stats_record(), which only
 * copies the event into a bounded ring under a short mutex. A writer thread
 * drains the ring, folds events into per-day counter deltas in a bounded
 * in-memory table, and adds those deltas to SQLite in one transaction
 * (WAL, synchronous=FULL). While the disk is full, read-only, locked or
 * broken, the deltas simply stay in memory and the writer retries; the
 * deltas are compact, so a long outage costs little memory.
 *
 * The database keeps aggregate counters only: (epoch, local day, metric,
 * language, module, item) -> value, with strings interned in a names table.
 * Since schema 3 the counters that differ only in their item (hour, slide,
 * question, bucket, band, contact) share one row: (epoch, day, metric,
 * language, module) -> items, a packed list of (item, value) pairs. A
 * counter row cost about 19 bytes on disk, and a busy year has 360 000 of
 * them; grouped by item it has 160 000 rows and fits the 5 MB budget.
 * Nothing in it has a per-visit key or a time finer than the day (the hour
 * appears only on the session-start total).
 *
 * This file holds the public entry points (open, close, flush, identity,
 * health), the metric names and the dates; the queue and writer thread are
 * in stats_writer.c, the database file in stats_schema.c, reading in
 * stats_query.c, and what they share in stats_internal.h. */
#include "stats/stats_internal.h"

#include <errno.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/log.h"

/* ---- metrics ------------------------------------------------------------ */

const char *const stats_metric_names[M__COUNT + 1] = {
    "session_start", "language_chosen", "language_switch", "module_opened",
    "module_completed", "slide_deepest", "quiz_answer_right", "quiz_answer_wrong",
    "end_card_shown", "help_shown", "qr_shown", "quick_exit", "timeout",
    "session_length", "group_session", "group_attendees", "group_quiz_right",
    "group_quiz_wrong", NULL,
};

static const char *const kind_names[STAT__COUNT] = {
    [STAT_SESSION_START] = "session_start",
    [STAT_LANGUAGE_CHOSEN] = "language_chosen",
    [STAT_LANGUAGE_SWITCH] = "language_switch",
    [STAT_MODULE_OPENED] = "module_opened",
    [STAT_MODULE_COMPLETED] = "module_completed",
    [STAT_SLIDE_DEEPEST] = "slide_deepest",
    [STAT_QUIZ_ANSWER] = "quiz_answer",
    [STAT_END_CARD_SHOWN] = "end_card_shown",
    [STAT_HELP_SHOWN] = "help_shown",
    [STAT_QR_SHOWN] = "qr_shown",
    [STAT_QUICK_EXIT] = "quick_exit",
    [STAT_TIMEOUT] = "timeout",
    [STAT_SESSION_END] = "session_length",
    [STAT_GROUP_SESSION] = "group_session",
    [STAT_GROUP_ATTENDEES] = "group_attendees",
    [STAT_GROUP_QUIZ] = "group_quiz",
};

const char *stats_metric_name(StatKind k)
{
    if ((unsigned)k >= STAT__COUNT)
        return "";
    return kind_names[k];
}

Metric stats_metric_of(StatKind k, int ok)
{
    static const Metric direct[STAT__COUNT] = {
        [STAT_SESSION_START] = M_SESSION_START,
        [STAT_LANGUAGE_CHOSEN] = M_LANGUAGE_CHOSEN,
        [STAT_LANGUAGE_SWITCH] = M_LANGUAGE_SWITCH,
        [STAT_MODULE_OPENED] = M_MODULE_OPENED,
        [STAT_MODULE_COMPLETED] = M_MODULE_COMPLETED,
        [STAT_SLIDE_DEEPEST] = M_SLIDE_DEEPEST,
        [STAT_QUIZ_ANSWER] = M_QUIZ_RIGHT,
        [STAT_END_CARD_SHOWN] = M_END_CARD_SHOWN,
        [STAT_HELP_SHOWN] = M_HELP_SHOWN,
        [STAT_QR_SHOWN] = M_QR_SHOWN,
        [STAT_QUICK_EXIT] = M_QUICK_EXIT,
        [STAT_TIMEOUT] = M_TIMEOUT,
        [STAT_SESSION_END] = M_SESSION_LENGTH,
        [STAT_GROUP_SESSION] = M_GROUP_SESSION,
        [STAT_GROUP_ATTENDEES] = M_GROUP_ATTENDEES,
        [STAT_GROUP_QUIZ] = M_GROUP_QUIZ_RIGHT,
    };
    if (k == STAT_QUIZ_ANSWER)
        return ok ? M_QUIZ_RIGHT : M_QUIZ_WRONG;
    if (k == STAT_GROUP_QUIZ)
        return ok ? M_GROUP_QUIZ_RIGHT : M_GROUP_QUIZ_WRONG;
    return direct[k];
}

const char *stats_metric_stored(StatKind k, int ok)
{
    if ((unsigned)k >= STAT__COUNT)
        return "";
    return stats_metric_names[stats_metric_of(k, ok)];
}

const char *const *stats_metric_all(void) { return stats_metric_names; }

/* ---- dates ------------------------------------------------------------- */

int64_t stats_floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
 * civil_from_days), so no time zone database is involved. */
static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = stats_floor_div(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

void stats_day_format(int64_t day, char out[11])
{
    int y, m, d;
    civil_from_days(day, &y, &m, &d);
    if (y < 0 || y > 9999) {
        memcpy(out, "0000-00-00", 11);
        return;
    }
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

void stats_day_string(int64_t t, int32_t utc_offset, char out[11])
{
    stats_day_format(stats_floor_div(t + utc_offset, 86400), out);
}

static int32_t default_utc_offset(void *ctx, int64_t t)
{
    (void)ctx;
    time_t tt = (time_t)t;
    struct tm tm;
    if (!localtime_r(&tt, &tm))
        return 0;
    return (int32_t)tm.tm_gmtoff;
}

static int64_t default_now(void *ctx)
{
    (void)ctx;
    return (int64_t)time(NULL);
}
int64_t stats_mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void stats_deadline_ts(struct timespec *ts, int64_t at_ms)
{
    ts->tv_sec = (time_t)(at_ms / 1000);
    ts->tv_nsec = (long)(at_ms % 1000) * 1000000L;
}

/* ---- open and close -------------------------------------------------------------- */

static Stats *stats_alloc(const char *dir, const StatsOptions *opt, Err *why)
{
    Stats *s = calloc(1, sizeof *s);
    size_t n = strlen(dir) + sizeof(STATS_DB_NAME) + 2;
    if (!s || !(s->path = malloc(n))) {
        free(s);
        if (why)
            *why = ERR_NOMEM;
        return NULL;
    }
    snprintf(s->path, n, "%s/%s", dir, STATS_DB_NAME);
    if (opt)
        s->opt = *opt;
    if (!s->opt.utc_offset)
        s->opt.utc_offset = default_utc_offset;
    if (!s->opt.now)
        s->opt.now = default_now;
    if (s->opt.queue_cap <= 0)
        s->opt.queue_cap = DEF_QUEUE;
    if (s->opt.batch_ms <= 0)
        s->opt.batch_ms = DEF_BATCH_MS;
    if (s->opt.retry_ms <= 0)
        s->opt.retry_ms = DEF_RETRY_MS;
    if (s->opt.idle_checkpoint_ms <= 0)
        s->opt.idle_checkpoint_ms = DEF_IDLE_CKPT_MS;
    s->opt.machine_id = NULL; /* borrowed: only used during open */
    pthread_mutex_init(&s->mu, NULL);
    pthread_mutex_init(&s->db_lock, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&s->cv, &ca);
    pthread_cond_init(&s->done_cv, &ca);
    pthread_condattr_destroy(&ca);
    atomic_init(&s->rejected, 0);
    return s;
}

static void stats_dealloc(Stats *s)
{
    stats_db_close(s);
    pthread_mutex_destroy(&s->mu);
    pthread_mutex_destroy(&s->db_lock);
    pthread_cond_destroy(&s->cv);
    pthread_cond_destroy(&s->done_cv);
    free(s->ring);
    free(s->map);
    free(s->order);
    free(s->path);
    free(s);
}

Stats *stats_open_opts(const char *dir, const StatsOptions *opt, Err *why)
{
    if (why)
        *why = ERR_OK;
    if (sodium_init() < 0) {
        if (why)
            *why = ERR_NOMEM;
        return NULL;
    }
    Stats *s = stats_alloc(dir ? dir : ".", opt, why);
    if (!s)
        return NULL;
    stats_hw_read(opt ? opt->hw_root : NULL, opt ? opt->machine_id : NULL, &s->hw);

    s->ring_cap = s->opt.queue_cap;
    s->ring = calloc((size_t)s->ring_cap, sizeof *s->ring);
    s->map = calloc(MAP_CAP, sizeof *s->map);
    s->order = calloc(MAP_CAP, sizeof *s->order);
    if (!s->ring || !s->map || !s->order)
        goto fail;
    pthread_mutex_lock(&s->db_lock);
    Err e = stats_db_open(s);
    pthread_mutex_unlock(&s->db_lock);
    pthread_mutex_lock(&s->mu);
    stats_set_state(s, e);
    pthread_mutex_unlock(&s->mu);
    s->logged_err = ERR_OK;
    if (e != ERR_OK) {
        s->retry_at = stats_mono_ms() + s->opt.retry_ms;
        stats_log_transition(s, e, 0);
    }
    if (pthread_create(&s->writer, NULL, stats_writer_main, s) != 0)
        goto fail;
    s->writer_started = 1;
    return s;
fail: /* out of memory (or threads): a storage problem never fails the open */
    if (why)
        *why = ERR_NOMEM;
    stats_dealloc(s);
    return NULL;
}

Stats *stats_open(const char *dir, const char *machine_id, Err *why)
{
    StatsOptions o;
    memset(&o, 0, sizeof o);
    o.machine_id = machine_id;
    return stats_open_opts(dir, &o, why);
}

Stats *stats_open_readonly(const char *dir, Err *why)
{
    Err e = ERR_OK;
    Stats *s = stats_alloc(dir ? dir : ".", NULL, why);
    if (!s)
        return NULL;
    s->readonly_handle = 1;
    struct stat sb;
    if (stat(s->path, &sb) != 0) {
        e = err_from_errno(errno);
        goto fail;
    }
    int rc = sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL);
    int v = 0;
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
        rc = stats_exec(s->db, "PRAGMA trusted_schema=OFF");
    }
    if (rc == SQLITE_OK)
        rc = stats_user_version(s->db, &v);
    if (rc != SQLITE_OK) {
        e = stats_err_from_sqlite(s->db, rc);
        goto fail;
    }
    if (v < 1 || v > STATS_SCHEMA_VERSION) {
        e = v < 1 ? ERR_NOTFOUND : ERR_FORMAT;
        goto fail;
    }
    s->schema = v;
    sqlite3_stmt *st = NULL;
    rc = sqlite3_prepare_v2(s->db,
                            "SELECT epoch, kiosk_id FROM identity ORDER BY epoch DESC LIMIT 1", -1,
                            &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        s->ident.epoch = sqlite3_column_int64(st, 0);
        snprintf(s->ident.kiosk_id, sizeof s->ident.kiosk_id, "%s",
                 (const char *)sqlite3_column_text(st, 1));
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK) {
        e = stats_err_from_sqlite(s->db, rc);
        goto fail;
    }
    s->db_ok = 1;
    s->last_err = ERR_OK;
    return s;
fail:
    if (why)
        *why = e;
    stats_dealloc(s);
    return NULL;
}

void stats_close(Stats *s)
{
    if (!s)
        return;
    if (s->writer_started) {
        pthread_mutex_lock(&s->mu);
        s->stop = 1;
        pthread_cond_signal(&s->cv);
        pthread_mutex_unlock(&s->mu);
        pthread_join(s->writer, NULL);
        pthread_mutex_lock(&s->mu);
        int64_t lost = s->ring_count + s->map_events;
        pthread_mutex_unlock(&s->mu);
        if (lost > 0)
            log_error("stats: closing with %lld events not saved (%s)", (long long)lost,
                      err_str(s->last_err));
    }
    stats_dealloc(s);
}

Err stats_flush(Stats *s, int timeout_ms)
{
    if (!s)
        return ERR_INVALID;
    if (!s->ring)
        return ERR_READONLY;
    Err e = ERR_OK;
    int64_t until = stats_mono_ms() + (timeout_ms > 0 ? timeout_ms : 0);
    struct timespec ts;
    stats_deadline_ts(&ts, until);
    pthread_mutex_lock(&s->mu);
    uint64_t target = s->next_seq;
    uint64_t start_attempts = s->attempts;
    s->flush_req++;
    pthread_cond_signal(&s->cv);
    while (stats_committed(s) < target) {
        /* The writer tried after our request and could not: report why
         * now rather than wait out the timeout. */
        if (s->attempts > start_attempts && s->last_err != ERR_OK) {
            e = s->last_err;
            break;
        }
        if (pthread_cond_timedwait(&s->done_cv, &s->mu, &ts) == ETIMEDOUT) {
            e = s->last_err != ERR_OK ? s->last_err : ERR_BUSY;
            break;
        }
    }
    pthread_mutex_unlock(&s->mu);
    return e;
}

void stats_identity(const Stats *s, StatsIdentity *out)
{
    memset(out, 0, sizeof *out);
    if (!s)
        return;
    pthread_mutex_lock((pthread_mutex_t *)&s->mu);
    *out = s->ident;
    pthread_mutex_unlock((pthread_mutex_t *)&s->mu);
}

void stats_health(Stats *s, StatsHealth *out)
{
    memset(out, 0, sizeof *out);
    if (!s)
        return;
    pthread_mutex_lock(&s->mu);
    out->last_err = s->last_err;
    out->queued = s->ring_count;
    out->pending = s->ring_count + s->map_events;
    out->dropped = s->dropped;
    out->moved_aside = s->moved_aside;
    out->db_ok = s->db_ok;
    snprintf(out->message, sizeof out->message, "%s", s->message);
    if (s->dropped > 0 && s->last_err == ERR_OK)
        snprintf(out->message, sizeof out->message,
                 "%lld statistics events were lost: the queue was full.", (long long)s->dropped);
    pthread_mutex_unlock(&s->mu);
    out->rejected = atomic_load(&s->rejected);
}
