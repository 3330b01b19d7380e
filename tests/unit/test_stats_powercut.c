/* test_stats_powercut.c: power loss, not just kill -9, for the statistics
 * (issue 10; research table row 2).
 *
 * Each round forks a child that opens the statistics through crashvfs
 * (tests/support/crashvfs.h) and records visits, flushing after each event
 * and reporting every acknowledged event (stats_flush() returned ERR_OK) to
 * the parent through a pipe. At a seeded random write or sync the power
 * fails: the
 * child's unsynced writes are kept, dropped or torn, and it dies. The
 * parent then checks the files as the next start would find them:
 *   - PRAGMA integrity_check says ok and the schema is whole;
 *   - no acknowledged event was lost (synchronous=FULL), and nothing was
 *     counted that was never recorded;
 *   - the next start uses the same database (nothing moved aside).
 * Rounds build on each other's damage. TAAMA_POWERCUTS sets the number of
 * rounds (default 250, a few seconds); TAAMA_POWERCUT_SEED the first seed.
 * A failure names its round and seed, to replay it alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "core/log.h"
#include "crashvfs.h"
#include "stats/stats.h"

#define T0 INT64_C(1741600800)
enum { EVENTS_PER_ROUND = 6, MAX_OP = 26 }; /* a round writes or syncs about 23 times */

static char dir[64];

static int32_t utc(void *ctx, int64_t t)
{
    (void)ctx, (void)t;
    return 0;
}

static StatsOptions options(const char *vfs)
{
    StatsOptions o;
    memset(&o, 0, sizeof o);
    o.machine_id = "powercut-test";
    o.utc_offset = utc;
    o.batch_ms = 1;
    o.vfs = vfs;
    return o;
}

/* The child: a visit per round, each event flushed and acknowledged. */
static void child(int fd, uint64_t seed, int crash_at)
{
    crashvfs_register(seed, crash_at);
    StatsOptions o = options(CRASHVFS_NAME);
    Err why = ERR_OK;
    Stats *s = stats_open_opts(dir, &o, &why);
    if (!s)
        _exit(3);
    static const StatKind kinds[EVENTS_PER_ROUND] = {
        STAT_SESSION_START, STAT_LANGUAGE_CHOSEN, STAT_MODULE_OPENED,
        STAT_SLIDE_DEEPEST, STAT_HELP_SHOWN,      STAT_SESSION_END};
    for (int i = 0; i < EVENTS_PER_ROUND; i++) {
        StatEvent ev;
        memset(&ev, 0, sizeof ev);
        ev.kind = kinds[i];
        ev.count = 1;
        ev.n = i == 0 ? -1 : i;
        if (i > 0)
            snprintf(ev.lang, sizeof ev.lang, "ha");
        if (i == 2 || i == 3)
            snprintf(ev.module, sizeof ev.module, "rights");
        if (stats_record(s, &ev, T0 + (int64_t)seed % 5 * 86400 + i) == 0)
            _exit(4);
        if (stats_flush(s, 10000) == ERR_OK && i == 0) {
            char one = 1; /* a session acknowledged: the parent counts it */
            if (write(fd, &one, 1) != 1)
                _exit(5);
        }
    }
    stats_close(s);
    _exit(0);
}

static int sum_sessions(void *ctx, const StatRow *r)
{
    if (strcmp(r->metric, "session_start") == 0)
        *(int64_t *)ctx += r->value;
    return 0;
}

/* integrity_check and schema, through SQLite directly (default VFS): this
 * also replays the WAL, as the next start would. */
static void check_files(int round, uint64_t seed)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, STATS_DB_NAME);
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        fail_msg("round %d (seed %llu): cannot open: %s", round, (unsigned long long)seed,
                 sqlite3_errmsg(db));
    /* this inspecting connection's own syncs model nothing: skip them */
    assert_int_equal(sqlite3_exec(db, "PRAGMA synchronous=OFF", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    const char *r = (const char *)sqlite3_column_text(st, 0);
    if (!r || strcmp(r, "ok") != 0)
        fail_msg("round %d (seed %llu): integrity_check: %s", round, (unsigned long long)seed,
                 r ? r : "(null)");
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int objects = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    /* the schema is created in one transaction: all of it, or (before the
     * first commit survived) nothing */
    if (!(v == STATS_SCHEMA_VERSION || (v == 0 && objects == 0)))
        fail_msg("round %d (seed %llu): schema version %d with %d objects", round,
                 (unsigned long long)seed, v, objects);
}

static void test_power_cuts(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/taama-powercut-XXXXXX");
    assert_non_null(mkdtemp(dir));
    const char *env = getenv("TAAMA_POWERCUTS");
    int rounds = env ? atoi(env) : 250;
    env = getenv("TAAMA_POWERCUT_SEED");
    uint64_t seed0 = env ? strtoull(env, NULL, 10) : 20261201;
    int64_t acked = 0, sent = 0;
    int cuts = 0, torn_rounds = 0;
    for (int round = 0; round < rounds; round++) {
        uint64_t seed = seed0 + (uint64_t)round;
        int crash_at = 1 + (int)(seed * 2654435761u % MAX_OP);
        int p[2];
        assert_int_equal(pipe(p), 0);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            close(p[0]);
            child(p[1], seed, crash_at);
        }
        close(p[1]);
        char b;
        while (read(p[0], &b, 1) == 1)
            acked++;
        close(p[0]);
        int status = 0;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFEXITED(status));
        int code = WEXITSTATUS(status);
        if (code != 0 && code != CRASHVFS_EXIT)
            fail_msg("round %d (seed %llu): child failed with %d", round, (unsigned long long)seed,
                     code);
        cuts += code == CRASHVFS_EXIT;
        torn_rounds += code == CRASHVFS_EXIT;
        sent++; /* one session per round, at most */
        check_files(round, seed);
        /* counts: as a read-only reader sees them */
        Err why = ERR_OK;
        Stats *s = stats_open_readonly(dir, &why);
        int64_t found = 0;
        if (s) {
            assert_int_equal(stats_foreach_row(s, sum_sessions, &found), ERR_OK);
            StatsHealth h;
            stats_health(s, &h);
            stats_close(s);
        }
        if (found < acked || found > sent)
            fail_msg("round %d (seed %llu, cut at operation %d): %lld sessions found, %lld acknowledged, "
                     "%lld recorded",
                     round, (unsigned long long)seed, crash_at, (long long)found, (long long)acked,
                     (long long)sent);
    }
    /* nothing was ever moved aside as corrupt */
    char cmd[160];
    snprintf(cmd, sizeof cmd, "! ls %s | grep -q corrupt", dir);
    assert_int_equal(system(cmd), 0);
    printf("power cuts: %d rounds, %d cut mid-write, %lld sessions acknowledged, none lost\n",
           rounds, cuts, (long long)acked);
    (void)torn_rounds;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    log_set_quiet(1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_power_cuts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
