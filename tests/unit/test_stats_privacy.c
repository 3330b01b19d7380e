/* test_stats_privacy.c: nothing per-visit reaches the disk.
 *
 * Plays scripted visits (the events app.c emits, with the language on every
 * event as the app sets it), then audits what SQLite holds: the schema
 * (every table and column must be on a short list, none able to hold a
 * session id, a time or free text), every stored row (rows grow with
 * distinct days and keys, never with visits; no value looks like a time;
 * the hour and the session length carry no language; the names table holds
 * only metric names, language codes and module ids), and the raw bytes of
 * the database and its WAL (free text refused at the door never appears,
 * and the WAL's history of commits is truncated after a quiet minute). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "core/log.h"
#include "stats/stats.h"

#define T0 INT64_C(1741564800) /* 2025-03-10T00:00:00Z */
#define DAY 86400

static int32_t utc(void *ctx, int64_t t)
{
    (void)ctx, (void)t;
    return 0;
}

static void rec(Stats *s, StatKind k, const char *lang, const char *module, int n, int ok,
                int64_t t)
{
    StatEvent e;
    memset(&e, 0, sizeof e);
    e.kind = k;
    snprintf(e.lang, sizeof e.lang, "%s", lang);
    snprintf(e.module, sizeof e.module, "%s", module);
    e.n = n;
    e.ok = ok;
    e.count = 1;
    assert_true(stats_record(s, &e, t) > 0);
}

/* One visit as the app reports it: every event carries the language. */
static void visit(Stats *s, int64_t t, const char *lang, const char *module, int quick_exit)
{
    rec(s, STAT_SESSION_START, lang, "", -1, 0, t);
    rec(s, STAT_LANGUAGE_CHOSEN, lang, "", 0, 0, t + 5);
    rec(s, STAT_MODULE_OPENED, lang, module, 0, 0, t + 20);
    rec(s, STAT_SLIDE_DEEPEST, lang, module, 3, 0, t + 90);
    rec(s, STAT_QUIZ_ANSWER, lang, module, 0, 1, t + 100);
    rec(s, STAT_QUIZ_ANSWER, lang, module, 1, 0, t + 110);
    rec(s, STAT_END_CARD_SHOWN, lang, module, 0, 0, t + 120);
    rec(s, STAT_MODULE_COMPLETED, lang, module, 0, 0, t + 120);
    rec(s, STAT_QR_SHOWN, lang, module, 1, 0, t + 125);
    rec(s, STAT_HELP_SHOWN, lang, "", 0, 0, t + 130);
    rec(s, STAT_LANGUAGE_SWITCH, "ar", "", 0, 0, t + 140);
    if (quick_exit)
        rec(s, STAT_QUICK_EXIT, "ar", "", 0, 0, t + 150);
    else
        rec(s, STAT_TIMEOUT, "ar", "", 0, 0, t + 200);
    rec(s, STAT_SESSION_END, "ar", module, 150, 0, t + 150);
}

typedef struct {
    char dir[64];
    char path[128];
    Stats *s;
} Fix;

static int setup(void **state)
{
    Fix *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/taama-priv-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->path, sizeof f->path, "%s/%s", f->dir, STATS_DB_NAME);
    StatsOptions o;
    memset(&o, 0, sizeof o);
    o.machine_id = "privacy-test";
    o.utc_offset = utc;
    o.batch_ms = 5;
    o.idle_checkpoint_ms = 50;
    Err why;
    f->s = stats_open_opts(f->dir, &o, &why);
    assert_non_null(f->s);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fix *f = *state;
    stats_close(f->s);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

static int64_t q1(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    int64_t v = -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static sqlite3 *open_ro(const Fix *f)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    return db;
}

/* The counters as the store reads them back (the file packs the counters
 * that differ only by item into one row, so item and value are checked
 * here, decoded; a row that does not decode fails the read). */
typedef struct {
    StatRow rows[4096];
    int n;
} Decoded;

static int collect(void *ctx, const StatRow *r)
{
    Decoded *d = ctx;
    assert_true(d->n < 4096);
    d->rows[d->n++] = *r;
    return 0;
}

static Decoded *decode(const Fix *f)
{
    static Decoded d;
    d.n = 0;
    assert_int_equal(stats_foreach_row(f->s, collect, &d), ERR_OK);
    return &d;
}

/* Distinct items a metric is stored with. */
static int distinct_items(const Decoded *d, const char *metric)
{
    char seen[1001] = {0};
    int n = 0;
    for (int i = 0; i < d->n; i++)
        if (!strcmp(d->rows[i].metric, metric) && !seen[d->rows[i].item + 1]++)
            n++;
    return n;
}

typedef struct {
    int64_t counters, names, identity, meta;
} Counts;

static Counts counts(const Fix *f)
{
    sqlite3 *db = open_ro(f);
    Counts c = {q1(db, "SELECT count(*) FROM counters"), q1(db, "SELECT count(*) FROM names"),
                q1(db, "SELECT count(*) FROM identity"), q1(db, "SELECT count(*) FROM meta")};
    sqlite3_close(db);
    return c;
}

/* The only tables and columns allowed. A new column (a session id, a
 * timestamp, a note) fails here until this list and docs/privacy.md say
 * why it is safe. */
static void test_schema_is_on_the_list(void **state)
{
    Fix *f = *state;
    visit(f->s, T0 + 10 * 3600, "fr", "risks", 0);
    assert_int_equal(stats_flush(f->s, 5000), ERR_OK);
    static const char *const allowed[] = {
        "counters.epoch", "counters.day",   "counters.metric", "counters.lang",
        "counters.module", "counters.items", "names.id",
        "names.name",     "identity.epoch", "identity.kiosk_id", "identity.machine",
        "identity.parent", "meta.key",      "meta.value",
        /* the help contact lists shown (content, written at start-up and
         * on a content install, never by a visit: docs/privacy.md) */
        "contact_lists.first_day", "contact_lists.last_day", "contacts.first_day", "contacts.idx", "contacts.id",
        "contacts.label", NULL,
    };
    sqlite3 *db = open_ro(f);
    sqlite3_stmt *st = NULL;
    assert_int_equal(
        sqlite3_prepare_v2(db,
                           "SELECT m.type, m.name, p.name FROM sqlite_master m "
                           "LEFT JOIN pragma_table_info(m.name) p WHERE m.type != 'index' "
                           "ORDER BY 2, 3",
                           -1, &st, NULL),
        SQLITE_OK);
    int cols = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *type = (const char *)sqlite3_column_text(st, 0);
        const char *table = (const char *)sqlite3_column_text(st, 1);
        const char *col = (const char *)sqlite3_column_text(st, 2);
        if (strcmp(type, "table") != 0)
            fail_msg("unexpected %s %s in the schema", type, table);
        char full[128];
        snprintf(full, sizeof full, "%s.%s", table, col ? col : "");
        int ok = 0;
        for (const char *const *a = allowed; *a; a++)
            ok |= !strcmp(*a, full);
        if (!ok)
            fail_msg("column %s is not on the privacy list", full);
        cols++;
    }
    sqlite3_finalize(st);
    assert_int_equal(cols, 20);
    sqlite3_close(db);
}

static void test_rows_grow_with_days_not_visits(void **state)
{
    Fix *f = *state;
    int64_t t = T0 + 10 * 3600;
    visit(f->s, t, "fr", "risks", 0);
    assert_int_equal(stats_flush(f->s, 5000), ERR_OK);
    Counts one = counts(f);
    assert_true(one.counters > 10);
    assert_int_equal(one.identity, 1);
    assert_int_equal(one.meta, 0);
    for (int i = 1; i <= 40; i++) /* forty more visitors that hour */
        visit(f->s, t + i * 60, "fr", "risks", 0);
    assert_int_equal(stats_flush(f->s, 5000), ERR_OK);
    Counts more = counts(f);
    assert_int_equal(more.counters, one.counters);
    assert_int_equal(more.names, one.names);
    assert_int_equal(more.identity, 1);
    assert_int_equal(more.meta, 0);
    /* the visits are in the values, summed */
    const Decoded *d = decode(f);
    assert_true(d->n >= one.counters);
    for (int i = 0; i < d->n; i++)
        assert_int_equal(d->rows[i].value, 41);

    /* the same visit on another day adds exactly one day's rows */
    visit(f->s, t + DAY, "fr", "risks", 0);
    assert_int_equal(stats_flush(f->s, 5000), ERR_OK);
    Counts day2 = counts(f);
    assert_int_equal(day2.counters, 2 * one.counters);
    assert_int_equal(day2.names, one.names);
}

static void test_rows_hold_no_visit(void **state)
{
    Fix *f = *state;
    static const char *const langs[] = {"fr", "ar", "ti", "ha"};
    static const char *const modules[] = {"risks", "rights", "help-lines"};
    unsigned r = 12345;
    for (int i = 0; i < 300; i++) {
        r = r * 1103515245u + 12345u;
        int64_t t = T0 + (int64_t)(r % (3 * DAY));
        visit(f->s, t, langs[(r >> 8) % 4], modules[(r >> 12) % 3], (r >> 16) & 1);
    }
    StatEvent e;
    memset(&e, 0, sizeof e);
    e.kind = STAT_LANGUAGE_CHOSEN;
    snprintf(e.lang, sizeof e.lang, "Amina D.");
    assert_int_equal(stats_record(f->s, &e, T0), 0); /* free text is refused */
    memset(&e, 0, sizeof e);
    e.kind = STAT_MODULE_OPENED;
    snprintf(e.lang, sizeof e.lang, "fr");
    snprintf(e.module, sizeof e.module, "call me on 0612");
    assert_int_equal(stats_record(f->s, &e, T0), 0);
    assert_int_equal(stats_flush(f->s, 5000), ERR_OK);

    sqlite3 *db = open_ro(f);
    /* nothing that looks like a time: days are day numbers, and no other
     * integer is anywhere near a timestamp */
    assert_int_equal(q1(db, "SELECT count(*) FROM counters WHERE day NOT BETWEEN 20157 AND 20160"),
                     0);
    assert_true(q1(db, "SELECT max(max(epoch), max(metric), max(lang), max(module)) "
                       "FROM counters") < 1000);
    const Decoded *d = decode(f);
    for (int i = 0; i < d->n; i++) {
        assert_true(d->rows[i].item >= -1 && d->rows[i].item <= 999);
        assert_true(d->rows[i].value >= 1 && d->rows[i].value <= 300 * 2);
    }
    /* the hour and the length are never crossed with language or module */
    assert_int_equal(q1(db, "SELECT count(*) FROM counters c JOIN names m ON m.id = c.metric "
                            "WHERE m.name IN ('session_start', 'session_length', 'timeout') "
                            "AND (c.lang != 0 OR c.module != 0)"),
                     0);
    assert_true(distinct_items(d, "session_start") <= 24);
    assert_int_equal(distinct_items(d, "session_length"), 1);
    for (int i = 0; i < d->n; i++)
        if (!strcmp(d->rows[i].metric, "session_start") ||
            !strcmp(d->rows[i].metric, "session_length"))
            assert_true(!d->rows[i].lang[0] && !d->rows[i].module[0]);
    /* counters are bounded by distinct keys: 3 days x (24 hours + keys per
     * language and module), far below 300 visits x 13 events; the file
     * has fewer rows still */
    assert_true(d->n < 3 * (24 + 4 * 3 * 9 + 4 * 4 + 4));
    assert_true(q1(db, "SELECT count(*) FROM counters") <= d->n);
    sqlite3_close(db);

    /* every interned name is a metric, a language code or a module id */
    db = open_ro(f);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT name FROM names", -1, &st, NULL), SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *n = (const char *)sqlite3_column_text(st, 0);
        int ok = 0;
        for (const char *const *m = stats_metric_all(); *m; m++)
            ok |= !strcmp(*m, n);
        for (int i = 0; i < 4; i++)
            ok |= !strcmp(langs[i], n);
        for (int i = 0; i < 3; i++)
            ok |= !strcmp(modules[i], n);
        if (!ok)
            fail_msg("unexpected name '%s' stored", n);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);

    /* the raw bytes, database and WAL: refused text never got anywhere */
    const char *sfx[] = {"", "-wal"};
    for (int i = 0; i < 2; i++) {
        char p[160];
        snprintf(p, sizeof p, "%s%s", f->path, sfx[i]);
        FILE *fp = fopen(p, "rb");
        if (!fp)
            continue;
        static char buf[4 << 20];
        size_t n = fread(buf, 1, sizeof buf, fp);
        fclose(fp);
        for (size_t k = 0; k + 5 <= n; k++) {
            assert_false(memcmp(buf + k, "Amina", 5) == 0);
            assert_false(memcmp(buf + k, "0612", 4) == 0);
        }
    }
}

/* The WAL keeps page images of recent commits, whose order could retrace a
 * visit; after a quiet spell it is checkpointed and truncated. */
static void test_wal_history_truncated_when_quiet(void **state)
{
    Fix *f = *state;
    /* a visit still going on (a finished one is truncated at once, see
     * test_stats_wal_cut.c): only the quiet minute clears it */
    rec(f->s, STAT_SESSION_START, "ti", "", -1, 0, T0 + 10 * 3600);
    rec(f->s, STAT_MODULE_OPENED, "ti", "rights", 0, 0, T0 + 10 * 3600 + 20);
    assert_int_equal(stats_flush(f->s, 5000), ERR_OK);
    char wal[160];
    snprintf(wal, sizeof wal, "%s-wal", f->path);
    struct stat sb;
    assert_int_equal(stat(wal, &sb), 0);
    assert_true(sb.st_size > 0);
    int truncated = 0;
    for (int i = 0; i < 500 && !truncated; i++) { /* bounded wait, not a timing check */
        usleep(10000);
        truncated = stat(wal, &sb) == 0 && sb.st_size == 0;
    }
    assert_true(truncated);
}

int main(void)
{
    log_set_quiet(1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_schema_is_on_the_list, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rows_grow_with_days_not_visits, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rows_hold_no_visit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_wal_history_truncated_when_quiet, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
