/* test_stats.c: the statistics store with injected clocks.
 *
 * Every counter and the fields each keeps; local days and hours under UTC
 * offsets, midnight in the middle of a session; identity and cloned
 * databases; meta; schema migration; the `taama stats` tables; and storage
 * faults (disk full, read-only, I/O errors, locks, corruption, queue
 * overflow) injected through a SQLite VFS shim, the way SQLite's own tests
 * inject I/O errors. Root ignores file permissions, so a shim is the only
 * read-only data directory that holds in this container; test_stats_fs.c
 * adds real tmpfs mounts where the kernel allows them. */
#include <errno.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "core/log.h"
#include "stats/stats.h"

/* 2025-03-10T00:00:00Z, a Monday. */
#define T0 INT64_C(1741564800)
#define DAY 86400

/* ---- helpers ------------------------------------------------------------- */

static int32_t fixed_offset(void *ctx, int64_t t)
{
    (void)t;
    return *(const int32_t *)ctx;
}

static int64_t fixed_now(void *ctx)
{
    (void)ctx;
    return T0 + 12 * 3600 + 34 * 60 + 56; /* 20250310T123456Z */
}

static int32_t g_offset;

static void tmpdir(char *out, size_t n)
{
    const char *base = getenv("TMPDIR");
    snprintf(out, n, "%s/taama-stats-XXXXXX", base ? base : "/tmp");
    assert_non_null(mkdtemp(out));
}

static void rmtree(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static StatsOptions opts(const char *machine, const char *vfs)
{
    StatsOptions o;
    memset(&o, 0, sizeof o);
    o.machine_id = machine;
    o.utc_offset = fixed_offset;
    o.now = fixed_now;
    o.clock_ctx = &g_offset;
    o.vfs = vfs;
    o.batch_ms = 5;
    o.retry_ms = 30;
    return o;
}

static Stats *open_dir(const char *dir, const char *machine)
{
    StatsOptions o = opts(machine, NULL);
    Err why = ERR_INVALID;
    Stats *s = stats_open_opts(dir, &o, &why);
    assert_non_null(s);
    assert_int_equal(why, ERR_OK);
    return s;
}

static StatEvent ev(StatKind k, const char *lang, const char *module, int n, int ok)
{
    StatEvent e;
    memset(&e, 0, sizeof e);
    e.kind = k;
    snprintf(e.lang, sizeof e.lang, "%s", lang);
    snprintf(e.module, sizeof e.module, "%s", module);
    e.n = n;
    e.ok = ok;
    e.count = 1;
    return e;
}

static uint64_t rec(Stats *s, StatKind k, const char *lang, const char *module, int n, int ok,
                    int64_t t)
{
    StatEvent e = ev(k, lang, module, n, ok);
    return stats_record(s, &e, t);
}

typedef struct {
    StatRow rows[512];
    int n;
} Rows;

static int collect(void *ctx, const StatRow *r)
{
    Rows *rs = ctx;
    assert_true(rs->n < 512);
    rs->rows[rs->n++] = *r;
    return 0;
}

static void read_rows(Stats *s, Rows *rs)
{
    rs->n = 0;
    assert_int_equal(stats_foreach_row(s, collect, rs), ERR_OK);
}

/* Value of one counter, or -1 when the row does not exist. */
static int64_t val(const Rows *rs, const char *day, const char *metric, const char *lang,
                   const char *module, int item)
{
    for (int i = 0; i < rs->n; i++) {
        const StatRow *r = &rs->rows[i];
        if (!strcmp(r->day, day) && !strcmp(r->metric, metric) && !strcmp(r->lang, lang) &&
            !strcmp(r->module, module) && r->item == item)
            return r->value;
    }
    return -1;
}

static int64_t sql_int(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    int64_t v = -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

static void sql_exec(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK)
        fail_msg("%s: %s", sql, msg ? msg : "?");
    sqlite3_close(db);
}

static void db_path(const char *dir, char *out, size_t n)
{
    snprintf(out, n, "%.255s/%s", dir, STATS_DB_NAME);
}

/* Wait (bounded) until everything recorded so far is committed. Not a
 * timing assertion: the limit only stops a broken build from hanging. */
static int wait_committed(Stats *s, uint64_t seq)
{
    for (int i = 0; i < 1000; i++) {
        if (stats_committed(s) >= seq)
            return 1;
        usleep(10000);
    }
    return 0;
}

/* ---- counters ---------------------------------------------------------- */

static void test_every_counter(void **state)
{
    (void)state;
    char dir[256];
    tmpdir(dir, sizeof dir);
    g_offset = 0;
    Stats *s = open_dir(dir, "machine-a");
    int64_t t = T0 + 9 * 3600 + 15 * 60; /* 09:15 */
    assert_true(rec(s, STAT_SESSION_START, "fr", "m1", -1, 0, t) > 0);
    rec(s, STAT_LANGUAGE_CHOSEN, "fr", "", 0, 0, t);
    rec(s, STAT_LANGUAGE_SWITCH, "ar", "", 0, 0, t);
    rec(s, STAT_MODULE_OPENED, "ar", "risks", 0, 0, t);
    rec(s, STAT_MODULE_COMPLETED, "ar", "risks", 0, 0, t);
    rec(s, STAT_SLIDE_DEEPEST, "ar", "risks", 4, 0, t);
    rec(s, STAT_QUIZ_ANSWER, "ar", "risks", 2, 1, t);
    rec(s, STAT_QUIZ_ANSWER, "ar", "risks", 2, 0, t);
    rec(s, STAT_QUIZ_ANSWER, "ar", "risks", 2, 0, t);
    rec(s, STAT_END_CARD_SHOWN, "ar", "risks", 0, 0, t);
    rec(s, STAT_HELP_SHOWN, "ar", "risks", 0, 0, t);
    rec(s, STAT_QR_SHOWN, "ar", "", 3, 0, t);
    rec(s, STAT_QUICK_EXIT, "ar", "", 0, 0, t);
    rec(s, STAT_TIMEOUT, "ar", "risks", 0, 0, t);
    rec(s, STAT_SESSION_END, "ar", "risks", 200, 0, t);
    rec(s, STAT_GROUP_SESSION, "", "", 0, 0, t);
    StatEvent g = ev(STAT_GROUP_ATTENDEES, "", "", 2, 7);
    g.count = 7;
    stats_record(s, &g, t);
    g = ev(STAT_GROUP_QUIZ, "", "risks", 1, 1);
    g.count = 12;
    stats_record(s, &g, t);
    g = ev(STAT_GROUP_QUIZ, "", "risks", 1, 0);
    g.count = 5;
    uint64_t last = stats_record(s, &g, t);
    assert_int_equal(last, 19);
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    assert_int_equal(stats_committed(s), last);

    Rows rs;
    read_rows(s, &rs);
    const char *d = "2025-03-10";
    /* the hour, never with a language */
    assert_int_equal(val(&rs, d, "session_start", "", "", 9), 1);
    assert_int_equal(val(&rs, d, "language_chosen", "fr", "", -1), 1);
    assert_int_equal(val(&rs, d, "language_switch", "ar", "", -1), 1);
    assert_int_equal(val(&rs, d, "module_opened", "ar", "risks", -1), 1);
    assert_int_equal(val(&rs, d, "module_completed", "ar", "risks", -1), 1);
    assert_int_equal(val(&rs, d, "slide_deepest", "ar", "risks", 4), 1);
    assert_int_equal(val(&rs, d, "quiz_answer_right", "ar", "risks", 2), 1);
    assert_int_equal(val(&rs, d, "quiz_answer_wrong", "ar", "risks", 2), 2);
    assert_int_equal(val(&rs, d, "end_card_shown", "ar", "risks", -1), 1);
    /* help is per language only: the module is not kept */
    assert_int_equal(val(&rs, d, "help_shown", "ar", "", -1), 1);
    assert_int_equal(val(&rs, d, "qr_shown", "ar", "", 3), 1);
    assert_int_equal(val(&rs, d, "quick_exit", "ar", "", -1), 1);
    assert_int_equal(val(&rs, d, "timeout", "", "", -1), 1);
    /* the length only as a bucket (200 s is 3-10 min), without language */
    assert_int_equal(val(&rs, d, "session_length", "", "", 2), 1);
    assert_int_equal(val(&rs, d, "group_session", "", "", -1), 1);
    assert_int_equal(val(&rs, d, "group_attendees", "", "", 2), 7);
    assert_int_equal(val(&rs, d, "group_quiz_right", "", "risks", 1), 12);
    assert_int_equal(val(&rs, d, "group_quiz_wrong", "", "risks", 1), 5);
    assert_int_equal(rs.n, 18);
    /* every stored metric is a known name */
    for (int i = 0; i < rs.n; i++) {
        int known = 0;
        for (const char *const *m = stats_metric_all(); *m; m++)
            known |= !strcmp(*m, rs.rows[i].metric);
        assert_true(known);
    }
    StatsHealth h;
    stats_health(s, &h);
    assert_int_equal(h.last_err, ERR_OK);
    assert_int_equal(h.pending, 0);
    assert_string_equal(h.message, "");
    assert_int_equal(h.db_ok, 1);
    stats_close(s);
    rmtree(dir);
}

static void test_metric_names(void **state)
{
    (void)state;
    assert_string_equal(stats_metric_name(STAT_MODULE_OPENED), "module_opened");
    assert_string_equal(stats_metric_name(STAT_SESSION_END), "session_length");
    assert_string_equal(stats_metric_stored(STAT_QUIZ_ANSWER, 1), "quiz_answer_right");
    assert_string_equal(stats_metric_stored(STAT_QUIZ_ANSWER, 0), "quiz_answer_wrong");
    assert_string_equal(stats_metric_stored(STAT_GROUP_QUIZ, 0), "group_quiz_wrong");
    assert_string_equal(stats_metric_name((StatKind)99), "");
    int n = 0;
    for (int k = 0; k < STAT__COUNT; k++) {
        assert_true(strlen(stats_metric_name((StatKind)k)) > 0);
        assert_true(strlen(stats_metric_stored((StatKind)k, 1)) < sizeof(((StatRow *)0)->metric));
    }
    for (const char *const *m = stats_metric_all(); *m; m++)
        n++;
    assert_int_equal(n, STAT__COUNT + 2);
}

static void test_counts_add_up(void **state)
{
    (void)state;
    char dir[256];
    tmpdir(dir, sizeof dir);
    g_offset = 0;
    Stats *s = open_dir(dir, "machine-a");
    for (int i = 0; i < 500; i++)
        rec(s, STAT_MODULE_OPENED, "ti", "rights", 0, 0, T0 + i);
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    for (int i = 0; i < 250; i++)
        rec(s, STAT_MODULE_OPENED, "ti", "rights", 0, 0, T0 + 1000 + i);
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    Rows rs;
    read_rows(s, &rs);
    assert_int_equal(rs.n, 1);
    assert_int_equal(val(&rs, "2025-03-10", "module_opened", "ti", "rights", -1), 750);
    stats_close(s);
    /* and they survive a restart */
    s = open_dir(dir, "machine-a");
    read_rows(s, &rs);
    assert_int_equal(val(&rs, "2025-03-10", "module_opened", "ti", "rights", -1), 750);
    stats_close(s);
    rmtree(dir);
}

static void test_day_boundaries_with_offset(void **state)
{
    (void)state;
    char dir[256];
    tmpdir(dir, sizeof dir);
    g_offset = 3600; /* UTC+1: local midnight is 23:00Z */
    Stats *s = open_dir(dir, "machine-a");
    int64_t midnight = T0 + DAY - 3600; /* 2025-03-11 00:00 local */
    rec(s, STAT_SESSION_START, "", "", 0, 0, midnight - 1);
    rec(s, STAT_SESSION_START, "", "", 0, 0, midnight);
    rec(s, STAT_HELP_SHOWN, "en", "", 0, 0, midnight - 1);
    rec(s, STAT_HELP_SHOWN, "en", "", 0, 0, midnight);
    rec(s, STAT_HELP_SHOWN, "en", "", 0, 0, midnight + DAY - 1);
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    Rows rs;
    read_rows(s, &rs);
    assert_int_equal(val(&rs, "2025-03-10", "session_start", "", "", 23), 1);
    assert_int_equal(val(&rs, "2025-03-11", "session_start", "", "", 0), 1);
    assert_int_equal(val(&rs, "2025-03-10", "help_shown", "en", "", -1), 1);
    assert_int_equal(val(&rs, "2025-03-11", "help_shown", "en", "", -1), 2);
    stats_close(s);

    /* a western offset, across a year end */
    g_offset = -5 * 3600;
    s = open_dir(dir, "machine-a");
    int64_t ny = INT64_C(1767225600); /* 2026-01-01T00:00:00Z = 2025-12-31 19:00 local */
    rec(s, STAT_SESSION_START, "", "", 0, 0, ny);
    rec(s, STAT_SESSION_START, "", "", 0, 0, ny + 5 * 3600);
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    read_rows(s, &rs);
    assert_int_equal(val(&rs, "2025-12-31", "session_start", "", "", 19), 1);
    assert_int_equal(val(&rs, "2026-01-01", "session_start", "", "", 0), 1);
    stats_close(s);
    rmtree(dir);

    char day[11];
    stats_day_string(T0, 0, day);
    assert_string_equal(day, "2025-03-10");
    stats_day_string(T0 - 1, 0, day);
    assert_string_equal(day, "2025-03-09");
    stats_day_string(INT64_C(951782400), 0, day); /* leap day 2000-02-29 */
    assert_string_equal(day, "2000-02-29");
    stats_day_string(-1, 0, day);
    assert_string_equal(day, "1969-12-31");
}

/* A visit that starts at 23:58 and ends at 00:03: each counter is dated by
 * its own event, so the start falls on one day and the end on the next. */
static void test_midnight_during_session(void **state)
{
    (void)state;
    char dir[256];
    tmpdir(dir, sizeof dir);
    g_offset = 0;
    Stats *s = open_dir(dir, "machine-a");
    int64_t start = T0 + DAY - 120;
    rec(s, STAT_SESSION_START, "ha", "", 0, 0, start);
    rec(s, STAT_LANGUAGE_CHOSEN, "ha", "", 0, 0, start + 10);
    rec(s, STAT_MODULE_OPENED, "ha", "smugglers", 0, 0, start + 60);
    rec(s, STAT_QUIZ_ANSWER, "ha", "smugglers", 0, 1, start + 150);
    rec(s, STAT_MODULE_COMPLETED, "ha", "smugglers", 0, 0, start + 170);
    rec(s, STAT_SESSION_END, "ha", "", 300, 0, start + 300);
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    Rows rs;
    read_rows(s, &rs);
    assert_int_equal(val(&rs, "2025-03-10", "session_start", "", "", 23), 1);
    assert_int_equal(val(&rs, "2025-03-10", "language_chosen", "ha", "", -1), 1);
    assert_int_equal(val(&rs, "2025-03-10", "module_opened", "ha", "smugglers", -1), 1);
    assert_int_equal(val(&rs, "2025-03-11", "quiz_answer_right", "ha", "smugglers", 0), 1);
    assert_int_equal(val(&rs, "2025-03-11", "module_completed", "ha", "smugglers", -1), 1);
    assert_int_equal(val(&rs, "2025-03-11", "session_length", "", "", 2), 1);
    assert_int_equal(rs.n, 6);
    /* rows come ordered by day, then metric */
    for (int i = 1; i < rs.n; i++) {
        int c = strcmp(rs.rows[i - 1].day, rs.rows[i].day);
        assert_true(c < 0 || (c == 0 && strcmp(rs.rows[i - 1].metric, rs.rows[i].metric) <= 0));
    }
    stats_close(s);
    rmtree(dir);
}

static void test_length_buckets(void **state)
{
    (void)state;
    char dir[256];
    tmpdir(dir, sizeof dir);
    g_offset = 0;
    Stats *s = open_dir(dir, "machine-a");
    static const int secs[] = {0, 59, 60, 179, 180, 599, 600, 86400};
    for (size_t i = 0; i < sizeof secs / sizeof secs[0]; i++)
        rec(s, STAT_SESSION_END, "", "", secs[i], 0, T0);
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    Rows rs;
    read_rows(s, &rs);
    for (int b = 0; b < 4; b++)
        assert_int_equal(val(&rs, "2025-03-10", "session_length", "", "", b), 2);
    assert_int_equal(rs.n, 4);
    stats_close(s);
    rmtree(dir);
}

static void test_rejects_malformed(void **state)
{
    (void)state;
    char dir[256];
    tmpdir(dir, sizeof dir);
    g_offset = 0;
    Stats *s = open_dir(dir, "machine-a");
    assert_int_equal(rec(s, STAT_LANGUAGE_CHOSEN, "Amina K", "", 0, 0, T0), 0); /* free text */
    assert_int_equal(rec(s, STAT_MODULE_OPENED, "fr", "a/b", 0, 0, T0), 0);
    assert_int_equal(rec(s, STAT_SLIDE_DEEPEST, "fr", "m", -1, 0, T0), 0);
    assert_int_equal(rec(s, STAT_QUIZ_ANSWER, "fr", "m", 1000, 0, T0), 0);
    assert_int_equal(rec(s, STAT_GROUP_ATTENDEES, "", "", 4, 3, T0), 0);
    assert_int_equal(rec(s, (StatKind)STAT__COUNT, "", "", 0, 0, T0), 0);
    StatEvent e = ev(STAT_HELP_SHOWN, "fr", "", 0, 0);
    e.count = -3;
    assert_int_equal(stats_record(s, &e, T0), 0);
    e = ev(STAT_HELP_SHOWN, "fr", "", 0, 0);
    memset(e.lang, 'x', sizeof e.lang); /* not terminated */
    assert_int_equal(stats_record(s, &e, T0), 0);
    /* a field the kind does not keep is ignored, not judged */
    assert_true(rec(s, STAT_TIMEOUT, "not kept!", "", 0, 0, T0) > 0);
    assert_int_equal(stats_record(NULL, &e, T0), 0);
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    StatsHealth h;
    stats_health(s, &h);
    assert_int_equal(h.rejected, 8);
    Rows rs;
    read_rows(s, &rs);
    assert_int_equal(rs.n, 1);
    assert_int_equal(val(&rs, "2025-03-10", "timeout", "", "", -1), 1);
    stats_close(s);
    rmtree(dir);
}

/* ---- identity, meta, schema ---------------------------------------------------- */

typedef struct {
    StatsIdentity ids[8];
    int n;
} Idents;

static int collect_ident(void *ctx, const StatsIdentity *id)
{
    Idents *is = ctx;
    is->ids[is->n++] = *id;
    return 0;
}

static int file_contains(const char *path, const char *needle)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t cap = 1 << 20, n = 0, k = strlen(needle);
    char *buf = malloc(cap);
    assert_non_null(buf);
    int found = 0;
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
    }
    for (size_t i = 0; i + k <= n && !found; i++)
        found = memcmp(buf + i, needle, k) == 0;
    free(buf);
    fclose(f);
    return found;
}

static void test_identity_and_clone(void **state)
{
    (void)state;
    char dir[256], path[400];
    tmpdir(dir, sizeof dir);
    db_path(dir, path, sizeof path);
    g_offset = 0;
    Stats *s = open_dir(dir, "machine-secret-A");
    StatsIdentity a, b, c;
    stats_identity(s, &a);
    assert_int_equal(a.epoch, 1);
    assert_int_equal(strlen(a.kiosk_id), 32);
    assert_int_equal(strspn(a.kiosk_id, "0123456789abcdef"), 32);
    rec(s, STAT_HELP_SHOWN, "fr", "", 0, 0, T0);
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    stats_close(s);

    s = open_dir(dir, "machine-secret-A"); /* same machine: same name */
    stats_identity(s, &b);
    assert_string_equal(a.kiosk_id, b.kiosk_id);
    assert_int_equal(b.epoch, 1);
    stats_close(s);

    s = open_dir(dir, "machine-secret-B"); /* the card in another kiosk */
    stats_identity(s, &c);
    assert_string_not_equal(a.kiosk_id, c.kiosk_id);
    assert_int_equal(c.epoch, 2);
    Rows rs;
    read_rows(s, &rs);
    assert_int_equal(rs.n, 0); /* A's counters are not B's */
    rec(s, STAT_HELP_SHOWN, "ar", "", 0, 0, T0);
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    read_rows(s, &rs);
    assert_int_equal(rs.n, 1);
    assert_int_equal(val(&rs, "2025-03-10", "help_shown", "ar", "", -1), 1);
    /* A's rows are still there under A's own name */
    rs.n = 0;
    assert_int_equal(stats_foreach_row_of(s, &a, collect, &rs), ERR_OK);
    assert_int_equal(rs.n, 1);
    assert_int_equal(val(&rs, "2025-03-10", "help_shown", "fr", "", -1), 1);
    Idents is = {.n = 0};
    assert_int_equal(stats_foreach_identity(s, collect_ident, &is), ERR_OK);
    assert_int_equal(is.n, 2);
    assert_string_equal(is.ids[0].kiosk_id, a.kiosk_id);
    assert_string_equal(is.ids[1].kiosk_id, c.kiosk_id);
    stats_close(s);

    /* A second clone of the same image on a third machine: yet another name */
    s = open_dir(dir, "machine-secret-C");
    StatsIdentity d;
    stats_identity(s, &d);
    assert_string_not_equal(d.kiosk_id, c.kiosk_id);
    assert_string_not_equal(d.kiosk_id, a.kiosk_id);
    assert_int_equal(d.epoch, 3);
    stats_close(s);
    /* the lineage is recorded, the raw machine id is not */
    assert_int_equal(sql_int(path, "SELECT count(*) FROM identity WHERE parent != ''"), 2);
    char wal[420];
    snprintf(wal, sizeof wal, "%s-wal", path);
    assert_false(file_contains(path, "machine-secret"));
    assert_false(file_contains(wal, "machine-secret"));
    rmtree(dir);
}

static void test_meta(void **state)
{
    (void)state;
    char dir[256];
    tmpdir(dir, sizeof dir);
    Stats *s = open_dir(dir, "m");
    char buf[16];
    assert_int_equal(stats_meta_get(s, "export.next_seq", buf, sizeof buf), ERR_NOTFOUND);
    assert_int_equal(stats_meta_set(s, "export.next_seq", "41"), ERR_OK);
    assert_int_equal(stats_meta_set(s, "export.next_seq", "42"), ERR_OK);
    assert_int_equal(stats_meta_get(s, "export.next_seq", buf, sizeof buf), ERR_OK);
    assert_string_equal(buf, "42");
    assert_int_equal(stats_meta_set(s, "long", "0123456789abcdefghij"), ERR_OK);
    assert_int_equal(stats_meta_get(s, "long", buf, sizeof buf), ERR_TOOBIG);
    assert_int_equal(stats_meta_set(s, NULL, "x"), ERR_INVALID);
    stats_close(s);
    s = open_dir(dir, "m");
    assert_int_equal(stats_meta_get(s, "export.next_seq", buf, sizeof buf), ERR_OK);
    assert_string_equal(buf, "42");
    stats_close(s);
    Err why;
    s = stats_open_readonly(dir, &why);
    assert_non_null(s);
    assert_int_equal(stats_meta_get(s, "export.next_seq", buf, sizeof buf), ERR_OK);
    assert_int_equal(stats_meta_set(s, "export.next_seq", "43"), ERR_READONLY);
    assert_int_equal(rec(s, STAT_TIMEOUT, "", "", 0, 0, T0), 0);
    assert_int_equal(stats_flush(s, 10), ERR_READONLY);
    stats_close(s);
    rmtree(dir);
}

/* Rewrite a database made by this version into the layout an older Taama
 * wrote (one row per counter, schema 2; schema 1 also lacks the identity
 * lineage), holding fixture counters under the file's own identity. The
 * layouts are copied here on purpose: they are history, and the migration
 * must keep reading them as they were. */
static void make_old(const char *path, int version)
{
    sql_exec(path,
             "DROP TABLE counters; DROP TABLE contact_lists; DROP TABLE contacts;"
             "CREATE TABLE counters(epoch INTEGER NOT NULL, day INTEGER NOT NULL,"
             " metric INTEGER NOT NULL, lang INTEGER NOT NULL, module INTEGER NOT NULL,"
             " item INTEGER NOT NULL, value INTEGER NOT NULL,"
             " PRIMARY KEY(epoch, day, metric, lang, module, item)) WITHOUT ROWID;"
             "INSERT OR IGNORE INTO names(name) VALUES('slide_deepest'), ('quiz_answer_wrong'),"
             " ('session_start'), ('timeout'), ('module_opened'), ('fr'), ('ar'), ('rights');"
             "CREATE TEMP TABLE f(day, metric, lang, module, item, value);"
             "INSERT INTO f VALUES"
             " (20157, 'slide_deepest', 'fr', 'rights', 0, 3),"
             " (20157, 'slide_deepest', 'fr', 'rights', 14, 1),"
             " (20157, 'slide_deepest', 'fr', 'rights', 999, 2),"
             " (20157, 'slide_deepest', 'ar', 'rights', 3, 5000000000),"
             " (20157, 'quiz_answer_wrong', 'fr', 'rights', 2, 7),"
             " (20157, 'session_start', '', '', 0, 4),"
             " (20157, 'session_start', '', '', 23, 1),"
             " (20157, 'timeout', '', '', -1, 9),"
             " (20158, 'module_opened', 'fr', 'rights', -1, 200),"
             " (20158, 'slide_deepest', 'fr', 'rights', 0, 1);"
             "INSERT INTO counters SELECT (SELECT max(epoch) FROM identity), f.day, m.id,"
             " coalesce(l.id, 0), coalesce(d.id, 0), f.item, f.value FROM f"
             " JOIN names m ON m.name = f.metric LEFT JOIN names l ON l.name = f.lang"
             " LEFT JOIN names d ON d.name = f.module;"
             "PRAGMA user_version=2");
    if (version == 1)
        sql_exec(path, "ALTER TABLE identity DROP COLUMN parent; PRAGMA user_version=1");
}

static void check_fixture(const Rows *rs)
{
    assert_int_equal(rs->n, 10);
    assert_int_equal(val(rs, "2025-03-10", "slide_deepest", "fr", "rights", 0), 3);
    assert_int_equal(val(rs, "2025-03-10", "slide_deepest", "fr", "rights", 14), 1);
    assert_int_equal(val(rs, "2025-03-10", "slide_deepest", "fr", "rights", 999), 2);
    assert_int_equal(val(rs, "2025-03-10", "slide_deepest", "ar", "rights", 3), 5000000000);
    assert_int_equal(val(rs, "2025-03-10", "quiz_answer_wrong", "fr", "rights", 2), 7);
    assert_int_equal(val(rs, "2025-03-10", "session_start", "", "", 0), 4);
    assert_int_equal(val(rs, "2025-03-10", "session_start", "", "", 23), 1);
    assert_int_equal(val(rs, "2025-03-10", "timeout", "", "", -1), 9);
    assert_int_equal(val(rs, "2025-03-11", "module_opened", "fr", "rights", -1), 200);
    assert_int_equal(val(rs, "2025-03-11", "slide_deepest", "fr", "rights", 0), 1);
}

static void migrate_case(int version)
{
    char dir[256], path[400];
    tmpdir(dir, sizeof dir);
    db_path(dir, path, sizeof path);
    Stats *s = open_dir(dir, "m");
    StatsIdentity a, b;
    stats_identity(s, &a);
    stats_close(s);
    assert_int_equal(sql_int(path, "PRAGMA user_version"), STATS_SCHEMA_VERSION);
    make_old(path, version);

    /* `taama stats` can read the old layout before any kiosk migrated it */
    Err why;
    Rows before, after;
    s = stats_open_readonly(dir, &why);
    assert_non_null(s);
    read_rows(s, &before);
    stats_close(s);
    check_fixture(&before);

    s = open_dir(dir, "m");
    stats_identity(s, &b);
    assert_string_equal(a.kiosk_id, b.kiosk_id);
    assert_int_equal(b.epoch, 1);
    read_rows(s, &after);
    check_fixture(&after);
    /* the same rows, in the same order */
    assert_int_equal(after.n, before.n);
    assert_memory_equal(after.rows, before.rows, sizeof(StatRow) * (size_t)before.n);

    /* schema 4's contact lists work on a migrated file */
    StatsContact one[] = {{"helpline", "Help line"}};
    assert_int_equal(stats_contacts_note(s, T0, one, 1), ERR_OK);
    /* counting goes on into the migrated rows */
    rec(s, STAT_SLIDE_DEEPEST, "fr", "rights", 14, 0, T0);
    rec(s, STAT_SLIDE_DEEPEST, "fr", "rights", 7, 0, T0);
    rec(s, STAT_SESSION_START, "", "", 0, 0, T0 + 23 * 3600);
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    read_rows(s, &after);
    assert_int_equal(after.n, 11);
    assert_int_equal(val(&after, "2025-03-10", "slide_deepest", "fr", "rights", 14), 2);
    assert_int_equal(val(&after, "2025-03-10", "slide_deepest", "fr", "rights", 7), 1);
    assert_int_equal(val(&after, "2025-03-10", "slide_deepest", "fr", "rights", 0), 3);
    assert_int_equal(val(&after, "2025-03-10", "session_start", "", "", 23), 2);
    stats_close(s);

    assert_int_equal(sql_int(path, "PRAGMA user_version"), STATS_SCHEMA_VERSION);
    assert_int_equal(sql_int(path, "SELECT count(*) FROM pragma_table_info('identity') "
                                   "WHERE name = 'parent'"),
                     1);
    /* one row per key without the item: the 11 counters share 7 rows */
    assert_int_equal(sql_int(path, "SELECT count(*) FROM counters"), 7);
    assert_int_equal(sql_int(path, "SELECT count(*) FROM pragma_table_info('counters') "
                                   "WHERE name IN ('item', 'value')"),
                     0);
    assert_int_equal(sql_int(path, "SELECT count(*) FROM sqlite_master WHERE name = 'counters_v3'"),
                     0);
    rmtree(dir);
}

static void test_migrates_v1(void **state)
{
    (void)state;
    migrate_case(1);
}

static void test_migrates_v2(void **state)
{
    (void)state;
    migrate_case(2);
}

/* An old row that cannot be expressed (a negative count: damage, never
 * written by Taama) is not dropped: the whole file is moved aside. */
static void test_migration_refuses_damage(void **state)
{
    (void)state;
    char dir[256], path[400];
    tmpdir(dir, sizeof dir);
    db_path(dir, path, sizeof path);
    stats_close(open_dir(dir, "m"));
    make_old(path, 2);
    sql_exec(path, "UPDATE counters SET value = -5 WHERE value = 9");
    Stats *s = open_dir(dir, "m");
    StatsHealth h;
    stats_health(s, &h);
    assert_int_equal(h.moved_aside, 1);
    assert_int_equal(h.last_err, ERR_OK);
    stats_close(s);
    rmtree(dir);
}

/* A packed items list damaged in the file (quick_check cannot see it) is
 * found on open: the file is moved aside and counting goes on. */
static void test_damaged_items_moved_aside(void **state)
{
    (void)state;
    char dir[256], path[400];
    tmpdir(dir, sizeof dir);
    db_path(dir, path, sizeof path);
    Stats *s = open_dir(dir, "m");
    rec(s, STAT_TIMEOUT, "", "", 0, 0, T0);
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    stats_close(s);
    sql_exec(path, "UPDATE counters SET items = x'0180'"); /* truncated varint */
    s = open_dir(dir, "m");
    rec(s, STAT_TIMEOUT, "", "", 0, 0, T0);
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    StatsHealth h;
    stats_health(s, &h);
    assert_int_equal(h.moved_aside, 1);
    Rows rs;
    read_rows(s, &rs);
    assert_int_equal(val(&rs, "2025-03-10", "timeout", "", "", -1), 1);
    stats_close(s);
    rmtree(dir);
}

static void test_newer_schema_left_alone(void **state)
{
    (void)state;
    char dir[256], path[400];
    tmpdir(dir, sizeof dir);
    db_path(dir, path, sizeof path);
    Stats *s = open_dir(dir, "m");
    stats_close(s);
    sql_exec(path, "PRAGMA user_version=99");
    StatsOptions o = opts("m", NULL);
    Err why;
    s = stats_open_opts(dir, &o, &why);
    assert_non_null(s);
    assert_true(rec(s, STAT_TIMEOUT, "", "", 0, 0, T0) > 0);
    assert_int_equal(stats_flush(s, 5000), ERR_FORMAT);
    StatsHealth h;
    stats_health(s, &h);
    assert_int_equal(h.last_err, ERR_FORMAT);
    assert_int_equal(h.db_ok, 0);
    assert_non_null(strstr(h.message, "newer"));
    assert_int_equal(h.pending, 1);
    stats_close(s);
    assert_int_equal(sql_int(path, "PRAGMA user_version"), 99);
    assert_null(stats_open_readonly(dir, &why));
    assert_int_equal(why, ERR_FORMAT);
    rmtree(dir);
}

/* ---- taama stats ------------------------------------------------------------------- */

static char *run_cli(const char *dir, int argc, char **argv, int *rc)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&buf, &n);
    assert_non_null(out);
    *rc = stats_cli_main(dir, argc, argv, out);
    fclose(out);
    return buf;
}

static void test_cli(void **state)
{
    (void)state;
    char dir[256];
    tmpdir(dir, sizeof dir);
    g_offset = 0;
    char *argv1[] = {"stats", NULL};
    int rc;
    char *o = run_cli(dir, 1, argv1, &rc); /* no database yet */
    assert_int_equal(rc, 0);
    free(o);
    Stats *s = open_dir(dir, "m");
    StatsIdentity id;
    stats_identity(s, &id);
    for (int i = 0; i < 3; i++)
        rec(s, STAT_SESSION_START, "", "", 0, 0, T0 + 10 * 3600);
    rec(s, STAT_SESSION_START, "", "", 0, 0, T0 + DAY + 3600);
    rec(s, STAT_MODULE_OPENED, "ar", "risks", 0, 0, T0);
    rec(s, STAT_MODULE_OPENED, "fr", "risks", 0, 0, T0 + DAY);
    rec(s, STAT_MODULE_COMPLETED, "fr", "risks", 0, 0, T0 + DAY);
    rec(s, STAT_SESSION_END, "", "", 700, 0, T0 + DAY);
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    /* the CLI reads while the kiosk still has the database open */
    o = run_cli(dir, 1, argv1, &rc);
    stats_close(s);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(o, id.kiosk_id));
    assert_non_null(strstr(o, "Per day"));
    assert_non_null(strstr(o, "Per language"));
    assert_non_null(strstr(o, "Per module"));
    const char *d1 = strstr(o, "2025-03-10"), *d2 = strstr(o, "2025-03-11");
    assert_non_null(d1);
    assert_non_null(d2);
    assert_true(d1 < d2);
    int sessions = 0, langs = 0;
    assert_int_equal(sscanf(d1, "2025-03-10 %d %d", &sessions, &langs), 2);
    assert_int_equal(sessions, 3);
    const char *m = strstr(o, "\n  risks ");
    assert_non_null(m);
    int opened = 0, completed = 0;
    assert_int_equal(sscanf(m, "\n  risks %d %d", &opened, &completed), 2);
    assert_int_equal(opened, 2);
    assert_int_equal(completed, 1);
    assert_non_null(strstr(o, "10h 3"));
    assert_non_null(strstr(o, ">10 min 1"));
    free(o);
    char *argv2[] = {"stats", "--bogus", NULL};
    o = run_cli(dir, 2, argv2, &rc);
    assert_int_equal(rc, 2);
    free(o);
    char *argv3[] = {"stats", "--help", NULL};
    o = run_cli(dir, 2, argv3, &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(o, "usage"));
    free(o);
    rmtree(dir);
}

/* ---- a fault-injecting VFS ------------------------------------------------------------ */

/* Wraps the default VFS. While a fault is set, writes (and opens for
 * writing) fail the way the kernel would make them fail. */
enum { FAULT_NONE, FAULT_FULL, FAULT_READONLY, FAULT_EIO };
static atomic_int g_fault; /* set by the test, read by the writer thread */
static sqlite3_vfs g_shim, *g_real;

typedef struct {
    sqlite3_file base;
    sqlite3_file *real;
} ShimFile;

#define REAL(f) (((ShimFile *)(f))->real)
static int sh_close(sqlite3_file *f)
{
    int rc = REAL(f)->pMethods ? REAL(f)->pMethods->xClose(REAL(f)) : SQLITE_OK;
    sqlite3_free(REAL(f));
    return rc;
}
static int sh_read(sqlite3_file *f, void *b, int n, sqlite3_int64 o)
{
    return REAL(f)->pMethods->xRead(REAL(f), b, n, o);
}
static int write_fault(void)
{
    switch (atomic_load(&g_fault)) {
    case FAULT_FULL: return SQLITE_FULL;
    case FAULT_READONLY: return SQLITE_IOERR_WRITE;
    case FAULT_EIO: return SQLITE_IOERR_WRITE;
    default: return SQLITE_OK;
    }
}
static int sh_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o)
{
    int rc = write_fault();
    return rc ? rc : REAL(f)->pMethods->xWrite(REAL(f), b, n, o);
}
static int sh_truncate(sqlite3_file *f, sqlite3_int64 n)
{
    int rc = write_fault();
    return rc ? (rc == SQLITE_FULL ? SQLITE_FULL : SQLITE_IOERR_TRUNCATE)
              : REAL(f)->pMethods->xTruncate(REAL(f), n);
}
static int sh_sync(sqlite3_file *f, int fl)
{
    return g_fault == FAULT_EIO ? SQLITE_IOERR_FSYNC : REAL(f)->pMethods->xSync(REAL(f), fl);
}
static int sh_size(sqlite3_file *f, sqlite3_int64 *n) { return REAL(f)->pMethods->xFileSize(REAL(f), n); }
static int sh_lock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xLock(REAL(f), l); }
static int sh_unlock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xUnlock(REAL(f), l); }
static int sh_check(sqlite3_file *f, int *o) { return REAL(f)->pMethods->xCheckReservedLock(REAL(f), o); }
static int sh_fcntl(sqlite3_file *f, int op, void *a) { return REAL(f)->pMethods->xFileControl(REAL(f), op, a); }
static int sh_sector(sqlite3_file *f) { return REAL(f)->pMethods->xSectorSize(REAL(f)); }
static int sh_dev(sqlite3_file *f) { return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f)); }
static int sh_shmmap(sqlite3_file *f, int i, int sz, int ext, void volatile **p)
{
    return REAL(f)->pMethods->xShmMap(REAL(f), i, sz, ext, p);
}
static int sh_shmlock(sqlite3_file *f, int o, int n, int fl) { return REAL(f)->pMethods->xShmLock(REAL(f), o, n, fl); }
static void sh_shmbarrier(sqlite3_file *f) { REAL(f)->pMethods->xShmBarrier(REAL(f)); }
static int sh_shmunmap(sqlite3_file *f, int d) { return REAL(f)->pMethods->xShmUnmap(REAL(f), d); }
static int sh_fetch(sqlite3_file *f, sqlite3_int64 o, int n, void **p)
{
    *p = NULL; /* no memory-mapped I/O: every write goes through sh_write */
    (void)f, (void)o, (void)n;
    return SQLITE_OK;
}
static int sh_unfetch(sqlite3_file *f, sqlite3_int64 o, void *p)
{
    (void)f, (void)o, (void)p;
    return SQLITE_OK;
}

static const sqlite3_io_methods shim_io = {
    3, sh_close, sh_read, sh_write, sh_truncate, sh_sync, sh_size, sh_lock, sh_unlock,
    sh_check, sh_fcntl, sh_sector, sh_dev, sh_shmmap, sh_shmlock, sh_shmbarrier, sh_shmunmap,
    sh_fetch, sh_unfetch,
};

static int sh_open(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags, int *out)
{
    (void)v;
    ShimFile *sf = (ShimFile *)f;
    sf->base.pMethods = NULL;
    sf->real = sqlite3_malloc(g_real->szOsFile);
    if (!sf->real)
        return SQLITE_NOMEM;
    memset(sf->real, 0, (size_t)g_real->szOsFile);
    if (g_fault == FAULT_READONLY && (flags & SQLITE_OPEN_READWRITE)) {
        /* what the unix VFS does on EROFS: fall back to read-only */
        if (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL)) {
            flags = (flags & ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_READONLY;
        } else {
            sqlite3_free(sf->real);
            return SQLITE_CANTOPEN;
        }
    }
    int rc = g_real->xOpen(g_real, name, sf->real, flags, out);
    if (rc != SQLITE_OK) {
        sqlite3_free(sf->real);
        sf->real = NULL;
        return rc;
    }
    sf->base.pMethods = &shim_io;
    return SQLITE_OK;
}
static int sh_delete(sqlite3_vfs *v, const char *n, int d)
{
    (void)v;
    return g_fault == FAULT_READONLY ? SQLITE_IOERR_DELETE : g_real->xDelete(g_real, n, d);
}
static int sh_access(sqlite3_vfs *v, const char *n, int fl, int *o)
{
    (void)v;
    return g_real->xAccess(g_real, n, fl, o);
}
static int sh_full(sqlite3_vfs *v, const char *n, int sz, char *o)
{
    (void)v;
    return g_real->xFullPathname(g_real, n, sz, o);
}
static int sh_rand(sqlite3_vfs *v, int n, char *o) { (void)v; return g_real->xRandomness(g_real, n, o); }
static int sh_sleep(sqlite3_vfs *v, int us) { (void)v; return g_real->xSleep(g_real, us); }
static int sh_time(sqlite3_vfs *v, double *t) { (void)v; return g_real->xCurrentTime(g_real, t); }
static int sh_lasterr(sqlite3_vfs *v, int n, char *o)
{
    (void)v, (void)n, (void)o;
    switch (atomic_load(&g_fault)) {
    case FAULT_FULL: return ENOSPC;
    case FAULT_READONLY: return EROFS;
    case FAULT_EIO: return EIO;
    default: return 0;
    }
}
static int sh_time64(sqlite3_vfs *v, sqlite3_int64 *t)
{
    (void)v;
    return g_real->xCurrentTimeInt64(g_real, t);
}

static void shim_register(void)
{
    if (g_real)
        return;
    g_real = sqlite3_vfs_find(NULL);
    assert_non_null(g_real);
    memset(&g_shim, 0, sizeof g_shim);
    g_shim.iVersion = 2;
    g_shim.szOsFile = (int)sizeof(ShimFile);
    g_shim.mxPathname = g_real->mxPathname;
    g_shim.zName = "taama-fault";
    g_shim.xOpen = sh_open;
    g_shim.xDelete = sh_delete;
    g_shim.xAccess = sh_access;
    g_shim.xFullPathname = sh_full;
    g_shim.xRandomness = sh_rand;
    g_shim.xSleep = sh_sleep;
    g_shim.xCurrentTime = sh_time;
    g_shim.xGetLastError = sh_lasterr;
    g_shim.xCurrentTimeInt64 = sh_time64;
    assert_int_equal(sqlite3_vfs_register(&g_shim, 0), SQLITE_OK);
}

static Stats *open_faulty_cap(const char *dir, int queue_cap)
{
    shim_register();
    StatsOptions o = opts("m", "taama-fault");
    o.queue_cap = queue_cap;
    Err why = ERR_INVALID;
    Stats *s = stats_open_opts(dir, &o, &why);
    assert_non_null(s); /* never NULL for a storage problem */
    assert_int_equal(why, ERR_OK);
    return s;
}

static Stats *open_faulty(const char *dir) { return open_faulty_cap(dir, 0); }

static int recent_log_has(const char *needle)
{
    char l[256];
    for (int i = 0; i < 8; i++)
        if (log_recent(i, l, sizeof l) && strstr(l, needle))
            return 1;
    return 0;
}

static int add_value(void *ctx, const StatRow *r)
{
    *(int64_t *)ctx += r->value;
    return 0;
}

/* The sum of every counter the file holds, under every identity, read the
 * way `taama stats` reads it (the items are packed in the file). */
static int64_t stored_total(const char *dir)
{
    Err why;
    Stats *s = stats_open_readonly(dir, &why);
    if (!s)
        fail_msg("cannot read %s: %s", dir, err_str(why));
    Idents a = {.n = 0};
    int64_t sum = 0;
    assert_int_equal(stats_foreach_identity(s, collect_ident, &a), ERR_OK);
    for (int i = 0; i < a.n; i++)
        assert_int_equal(stats_foreach_row_of(s, &a.ids[i], add_value, &sum), ERR_OK);
    stats_close(s);
    return sum;
}

/* One fault, injected either from the start or while running; counting
 * must survive it and resume when it clears. */
static void fault_case(int fault, Err expect, const char *words, int from_start)
{
    char dir[256];
    tmpdir(dir, sizeof dir);
    g_offset = 0;
    g_fault = from_start ? fault : FAULT_NONE;
    Stats *s = open_faulty(dir);
    uint64_t seq = 0;
    int n = 0;
    if (!from_start) {
        for (; n < 100; n++)
            seq = rec(s, STAT_MODULE_OPENED, "fr", "rights", 0, 0, T0 + n);
        assert_int_equal(stats_flush(s, 5000), ERR_OK);
        g_fault = fault;
    }
    for (int i = 0; i < 50; i++, n++)
        seq = rec(s, STAT_MODULE_OPENED, "fr", "rights", 0, 0, T0 + n);
    assert_true(seq > 0); /* recording never fails loudly */
    assert_int_equal(stats_flush(s, 5000), expect);
    StatsHealth h;
    stats_health(s, &h);
    assert_int_equal(h.last_err, expect);
    assert_int_equal(h.pending, 50);
    assert_non_null(strstr(h.message, words));
    assert_true(stats_committed(s) < seq);
    assert_true(recent_log_has(err_str(expect)));
    /* more visitors while the disk is bad */
    for (int i = 0; i < 25; i++, n++)
        seq = rec(s, STAT_MODULE_OPENED, "fr", "rights", 0, 0, T0 + n);
    g_fault = FAULT_NONE;
    assert_true(wait_committed(s, seq)); /* resumes by itself (retry) */
    stats_health(s, &h);
    assert_int_equal(h.last_err, ERR_OK);
    assert_string_equal(h.message, "");
    assert_int_equal(h.db_ok, 1);
    StatsIdentity id;
    stats_identity(s, &id);
    assert_int_equal(id.epoch, 1);
    stats_close(s);
    assert_int_equal(stored_total(dir), n);
    char path[400];
    db_path(dir, path, sizeof path);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
    sqlite3_finalize(st);
    sqlite3_close(db);
    rmtree(dir);
}

static void test_disk_full_running(void **st) { (void)st; fault_case(FAULT_FULL, ERR_NOSPACE, "full", 0); }
static void test_disk_full_at_start(void **st) { (void)st; fault_case(FAULT_FULL, ERR_NOSPACE, "full", 1); }
static void test_readonly_running(void **st) { (void)st; fault_case(FAULT_READONLY, ERR_READONLY, "read-only", 0); }
static void test_readonly_at_start(void **st) { (void)st; fault_case(FAULT_READONLY, ERR_READONLY, "read-only", 1); }
static void test_io_error_running(void **st) { (void)st; fault_case(FAULT_EIO, ERR_IO, "input/output", 0); }

static void test_missing_dir(void **state)
{
    (void)state;
    char dir[256], sub[400];
    tmpdir(dir, sizeof dir);
    snprintf(sub, sizeof sub, "%s/not-yet", dir);
    StatsOptions o = opts("m", NULL);
    Err why;
    Stats *s = stats_open_opts(sub, &o, &why);
    assert_non_null(s);
    uint64_t seq = rec(s, STAT_QUICK_EXIT, "fr", "", 0, 0, T0);
    assert_int_equal(stats_flush(s, 5000), ERR_NOTFOUND);
    StatsHealth h;
    stats_health(s, &h);
    assert_non_null(strstr(h.message, "missing"));
    assert_int_equal(mkdir(sub, 0700), 0); /* the folder appears (a late mount) */
    assert_true(wait_committed(s, seq));
    stats_close(s);
    assert_int_equal(stored_total(sub), 1);
    rmtree(dir);
}

static void test_locked(void **state)
{
    (void)state;
    char dir[256], path[400];
    tmpdir(dir, sizeof dir);
    db_path(dir, path, sizeof path);
    Stats *s = open_dir(dir, "m");
    rec(s, STAT_HELP_SHOWN, "fr", "", 0, 0, T0);
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    sqlite3 *other;
    assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
    assert_int_equal(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);
    uint64_t seq = 0;
    for (int i = 0; i < 20; i++)
        seq = rec(s, STAT_HELP_SHOWN, "fr", "", 0, 0, T0);
    assert_int_equal(stats_flush(s, 5000), ERR_BUSY);
    StatsHealth h;
    stats_health(s, &h);
    assert_int_equal(h.last_err, ERR_BUSY);
    assert_non_null(strstr(h.message, "locked"));
    assert_int_equal(h.pending, 20);
    assert_int_equal(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(other);
    assert_true(wait_committed(s, seq));
    stats_close(s);
    assert_int_equal(stored_total(dir), 21);
    rmtree(dir);
}

/* While the disk is out, events fold into memory; once even that bound is
 * reached (many distinct counters), new events are dropped and counted,
 * never blocking the UI. Everything accepted is saved when the disk is
 * back. */
static void test_overflow_drops_and_counts(void **state)
{
    (void)state;
    char dir[256];
    tmpdir(dir, sizeof dir);
    g_fault = FAULT_NONE;
    Stats *s = open_faulty_cap(dir, 64);
    g_fault = FAULT_FULL;
    int64_t accepted = 0, dropped = 0;
    uint64_t seq = 0;
    for (int i = 0; i < 9000; i++) { /* 9000 distinct days */
        uint64_t q = rec(s, STAT_TIMEOUT, "", "", 0, 0, T0 + (int64_t)i * DAY);
        if (q) {
            accepted++;
            seq = q;
        } else {
            dropped++;
        }
        if (i % 500 == 0)
            usleep(20000); /* let the writer fold what it can */
    }
    usleep(100000);
    for (int i = 0; i < 100; i++) {
        if (rec(s, STAT_TIMEOUT, "", "", 0, 0, T0) == 0)
            dropped++;
        else
            accepted++;
    }
    assert_true(dropped > 0);
    StatsHealth h;
    stats_health(s, &h);
    assert_int_equal(h.dropped, dropped);
    assert_true(h.pending > 0);
    g_fault = FAULT_NONE;
    assert_int_equal(stats_flush(s, 10000), ERR_OK);
    seq = stats_committed(s);
    assert_int_equal((int64_t)seq, accepted);
    stats_health(s, &h);
    assert_non_null(strstr(h.message, "lost")); /* the admin learns of the loss */
    stats_close(s);
    assert_int_equal(stored_total(dir), accepted);
    rmtree(dir);
}

static void write_file(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

static void test_corrupt_moved_aside(void **state)
{
    (void)state;
    char dir[256], path[400], aside[500];
    tmpdir(dir, sizeof dir);
    db_path(dir, path, sizeof path);
    static const char junk[] = "this is not a database, but somebody's file; keep it";
    char big[8192];
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = junk[i % (sizeof junk - 1)];
    write_file(path, big, sizeof big);
    Stats *s = open_dir(dir, "m");
    StatsHealth h;
    stats_health(s, &h);
    assert_int_equal(h.moved_aside, 1);
    assert_int_equal(h.last_err, ERR_OK);
    rec(s, STAT_HELP_SHOWN, "fr", "", 0, 0, T0);
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    StatsIdentity id;
    stats_identity(s, &id);
    assert_int_equal(id.epoch, 1);
    stats_close(s);
    snprintf(aside, sizeof aside, "%s.corrupt-20250310T123456Z", path);
    struct stat sb;
    assert_int_equal(stat(aside, &sb), 0);
    assert_int_equal(sb.st_size, sizeof big);
    assert_true(file_contains(aside, junk));
    assert_true(recent_log_has("corrupt"));
    assert_int_equal(stored_total(dir), 1);

    /* damage inside a valid database (a b-tree page), found by quick_check */
    s = open_dir(dir, "m");
    for (int i = 0; i < 3000; i++)
        rec(s, STAT_HELP_SHOWN, "fr", "", 0, 0, T0 + (int64_t)i * DAY);
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    stats_close(s);
    sql_exec(path, "PRAGMA wal_checkpoint(TRUNCATE)");
    int64_t pages = sql_int(path, "PRAGMA page_count");
    int64_t psz = sql_int(path, "PRAGMA page_size");
    assert_true(pages > 8);
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    for (int64_t p = pages / 2; p < pages / 2 + 3; p++) {
        assert_int_equal(fseek(f, (long)(p * psz + 8), SEEK_SET), 0);
        assert_int_equal(fwrite(big, 1, 64, f), 64);
    }
    fclose(f);
    s = open_dir(dir, "m");
    stats_health(s, &h);
    assert_int_equal(h.moved_aside, 1);
    stats_close(s);
    snprintf(aside, sizeof aside, "%s.corrupt-20250310T123456Z-2", path);
    assert_int_equal(stat(aside, &sb), 0);
    assert_int_equal(sb.st_size, pages * psz);
    assert_int_equal(stored_total(dir), 0);
    rmtree(dir);
}

static void test_close_while_failing(void **state)
{
    (void)state;
    char dir[256];
    tmpdir(dir, sizeof dir);
    g_fault = FAULT_NONE;
    Stats *s = open_faulty(dir);
    g_fault = FAULT_EIO;
    for (int i = 0; i < 10; i++)
        rec(s, STAT_HELP_SHOWN, "fr", "", 0, 0, T0);
    stats_close(s); /* returns, reports the loss */
    g_fault = FAULT_NONE;
    assert_true(recent_log_has("not saved"));
    stats_close(NULL);
    rmtree(dir);
}

int main(void)
{
    log_set_quiet(1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_counter),
        cmocka_unit_test(test_metric_names),
        cmocka_unit_test(test_counts_add_up),
        cmocka_unit_test(test_day_boundaries_with_offset),
        cmocka_unit_test(test_midnight_during_session),
        cmocka_unit_test(test_length_buckets),
        cmocka_unit_test(test_rejects_malformed),
        cmocka_unit_test(test_identity_and_clone),
        cmocka_unit_test(test_meta),
        cmocka_unit_test(test_migrates_v1),
        cmocka_unit_test(test_migrates_v2),
        cmocka_unit_test(test_migration_refuses_damage),
        cmocka_unit_test(test_damaged_items_moved_aside),
        cmocka_unit_test(test_newer_schema_left_alone),
        cmocka_unit_test(test_cli),
        cmocka_unit_test(test_disk_full_running),
        cmocka_unit_test(test_disk_full_at_start),
        cmocka_unit_test(test_readonly_running),
        cmocka_unit_test(test_readonly_at_start),
        cmocka_unit_test(test_io_error_running),
        cmocka_unit_test(test_missing_dir),
        cmocka_unit_test(test_locked),
        cmocka_unit_test(test_overflow_drops_and_counts),
        cmocka_unit_test(test_corrupt_moved_aside),
        cmocka_unit_test(test_close_while_failing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
