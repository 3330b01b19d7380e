/* test_clock.c: the kiosk clock with injected wall and monotonic times.
 *
 * A stale clock after a power cut and a clock before the build date hold
 * counts on the last good day (and say so); a jump back during a run keeps
 * counting monotonic, across midnight; the admin's correction is an offset
 * the kiosk applies; state survives a restart through the stats meta; and
 * counters land on the days the clock decides. Time sticks are signed in
 * the test by the real minisign tool: good, wrong key, unsigned, replayed,
 * expired, wrong campaign, wrong kiosk, window too long. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "clock/clock.h"
#include "clock/clock_store.h"
#include "core/log.h"
#include "support.h"
#include "stats/stats.h"

#define BUILD INT64_C(1767225600) /* 2026-01-01 */
#define D1 INT64_C(1769904000)    /* 2026-02-01T00:00:00Z */
#define HOUR 3600
#define DAY 86400
#define MS(t) ((int64_t)(t) * 1000)

static char dir[256];

#define sh(...) assert_int_equal(support_sh(__VA_ARGS__), 0)

static int setup(void **state)
{
    (void)state;
    log_set_quiet(1);
    snprintf(dir, sizeof dir, "%s", support_tmpdir());
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return support_rmtree(dir) == 0 ? 0 : -1;
}

static void day_of(int64_t t, char out[11]) { stats_day_string(t, 0, out); }

static void test_plausible_clock_is_used_with_offset(void **state)
{
    (void)state;
    KioskClock c = {0};
    kclock_init(&c, BUILD, D1, 0);
    assert_int_equal(kclock_now(&c, MS(D1 + HOUR), 5000), D1 + HOUR);
    assert_int_equal(c.status, KCLOCK_OK);
    /* The admin says it is really 3 days later: an offset, applied from now on. */
    kclock_set(&c, D1 + 3 * DAY, MS(D1 + HOUR), 5000, "admin");
    assert_int_equal(c.offset_s, 3 * DAY - HOUR);
    assert_int_equal(kclock_now(&c, MS(D1 + 2 * HOUR), 5000 + MS(HOUR)), D1 + 3 * DAY + HOUR);
    assert_int_equal(c.log.corrections, 1);
    assert_string_equal(c.log.last_set, "admin");
}

static void test_before_build_date_is_held(void **state)
{
    (void)state;
    KioskClock c = {0};
    kclock_init(&c, BUILD, 0, 0);
    /* A Pi that never had a clock boots in 1970. */
    int64_t t = kclock_count(&c, MS(3600), 1000);
    assert_int_equal(c.status, KCLOCK_BEFORE_BUILD);
    assert_true(kclock_held(&c));
    assert_int_equal(t, BUILD);
    assert_int_equal(c.log.problems, 1);
    assert_int_equal(c.log.held_events, 1);
    assert_string_equal(c.log.held_days, "2026-01-01");
    /* One episode is one problem, however many readings. */
    kclock_count(&c, MS(7200), 2000);
    assert_int_equal(c.log.problems, 1);
    assert_int_equal(c.log.held_events, 2);
}

static void test_power_cut_stale_clock_holds_last_good_day(void **state)
{
    (void)state;
    /* Counted until 18:00 on Feb 1; fake-hwclock restored 16:00 after a
     * two-day power cut (the real date is Feb 3). */
    KioskClock c = {0};
    kclock_init(&c, BUILD, D1 + 18 * HOUR, 0);
    char day[11];
    for (int i = 0; i < 30; i++) {
        /* Thirty hours of a wrong clock running forward: all held on Feb 1,
         * never spread over Feb 2 (which would mix the real Feb 3 in). */
        int64_t wall = D1 + 16 * HOUR + i * HOUR;
        if (wall >= D1 + 18 * HOUR - KCLOCK_SLACK_S)
            break;
        int64_t t = kclock_count(&c, MS(wall), MS(i * HOUR));
        day_of(t, day);
        assert_string_equal(day, "2026-02-01");
        assert_int_equal(c.status, KCLOCK_BEFORE_LAST);
    }
    assert_int_equal(c.log.held_events, 2);
    assert_int_equal(c.log.max_back_s, 2 * HOUR);
    /* The time stick or the admin sets it: counts go to the real day. */
    kclock_set(&c, D1 + 2 * DAY + 9 * HOUR, MS(D1 + 17 * HOUR), MS(HOUR), "stick");
    int64_t t = kclock_count(&c, MS(D1 + 17 * HOUR + 60), MS(HOUR) + 60000);
    day_of(t, day);
    assert_string_equal(day, "2026-02-03");
    assert_false(kclock_held(&c));
    assert_int_equal(c.log.held_events, 2);
}

static void test_jump_back_during_run_counts_on_monotonic(void **state)
{
    (void)state;
    KioskClock c = {0};
    kclock_init(&c, BUILD, 0, 0);
    assert_int_equal(kclock_now(&c, MS(D1 + 23 * HOUR), 0), D1 + 23 * HOUR);
    /* The clock jumps five days back; two hours pass on the monotonic clock. */
    int64_t t = kclock_count(&c, MS(D1 - 5 * DAY), MS(2 * HOUR));
    assert_int_equal(c.status, KCLOCK_JUMPED_BACK);
    assert_int_equal(t, D1 + 25 * HOUR);
    char day[11];
    day_of(t, day);
    assert_string_equal(day, "2026-02-02"); /* past midnight, from the monotonic clock */
    assert_false(kclock_held(&c));
    assert_int_equal(c.log.held_events, 0);
    assert_int_equal(c.log.problems, 1);
    /* A small step back (under the slack) is an ordinary correction. */
    KioskClock d = {0};
    kclock_init(&d, BUILD, 0, 0);
    kclock_now(&d, MS(D1), 0);
    assert_int_equal(kclock_now(&d, MS(D1 - 30), MS(10)), D1 - 30);
    assert_int_equal(d.status, KCLOCK_OK);
}

static void test_state_survives_restart_and_days_in_stats(void **state)
{
    (void)state;
    Err why;
    Stats *s = stats_open(dir, "machine-a", &why);
    assert_non_null(s);
    KioskClock c;
    kclock_load(&c, s, BUILD);
    StatEvent ev = {.kind = STAT_TIMEOUT};
    int64_t t = kclock_count(&c, MS(D1 + 20 * HOUR), 0);
    assert_true(stats_record(s, &ev, t) > 0);
    assert_int_equal(kclock_save(&c, s), ERR_OK);
    stats_close(s);

    /* Power cut; the clock comes back a day early. */
    s = stats_open(dir, "machine-a", &why);
    assert_non_null(s);
    kclock_load(&c, s, BUILD);
    assert_int_equal(c.last_s, D1 + 20 * HOUR);
    /* Only the hour is stored (the time of the last visit, privacy). */
    KioskClock m = c;
    m.last_s = D1 + 20 * HOUR + 59 * 60 + 7;
    assert_int_equal(kclock_save(&m, s), ERR_OK);
    kclock_load(&c, s, BUILD);
    assert_int_equal(c.last_s, D1 + 20 * HOUR);
    t = kclock_count(&c, MS(D1 - DAY), 0);
    assert_true(kclock_held(&c));
    assert_true(stats_record(s, &ev, t) > 0);
    assert_int_equal(kclock_save(&c, s), ERR_OK);
    assert_int_equal(stats_flush(s, 2000), ERR_OK);
    stats_close(s);

    s = stats_open(dir, "machine-a", &why);
    kclock_load(&c, s, BUILD);
    assert_int_equal(c.log.held_events, 1);
    assert_int_equal(c.log.problems, 1);
    assert_string_equal(c.log.held_days, "2026-02-01");
    /* Both timeouts on Feb 1, none on Jan 31. */
    char out[32];
    assert_int_equal(stats_meta_get(s, "clock.held_days", out, sizeof out), ERR_OK);
    stats_close(s);
    sh("test \"$(sqlite3 %s/stats.sqlite 'SELECT count(*) FROM counters')\" = 1", dir);
}

/* ---- time sticks ---- */

static char keys[300], data[300], stick[300];

static void stick_setup(void)
{
    snprintf(keys, sizeof keys, "%s/keys", dir);
    snprintf(data, sizeof data, "%s/data", dir);
    snprintf(stick, sizeof stick, "%s/stick", dir);
    sh("mkdir -p %s %s/pack-trust %s", keys, data, stick);
    sh("minisign -G -W -p %s/k.pub -s %s/k.key </dev/null >/dev/null 2>&1", keys, keys);
    sh("minisign -G -W -p %s/evil.pub -s %s/evil.key </dev/null >/dev/null 2>&1", keys, keys);
    sh("cp %s/k.pub %s/pack-trust/key1.pub && echo sahel-2025 > %s/pack-trust/campaign", keys, data, data);
}

static void make_stick(const char *key, const char *comment)
{
    sh("rm -f %s/taama-time* && echo 'Taama time file' > %s/taama-time", stick, stick);
    sh("minisign -S -s %s/%s.key -m %s/taama-time -t '%s' </dev/null >/dev/null 2>&1", keys, key, stick, comment);
}

static void test_time_stick(void **state)
{
    (void)state;
    stick_setup();
    KioskClock c = {0};
    kclock_init(&c, BUILD, D1, 0);
    KClockStick st;
    char tc[256];
    const char *kid = "0123456789abcdef0123456789abcdef";

    /* No file; unsigned. */
    assert_int_equal(kclock_stick_check(stick, data, kid, 0, &c, &st), KSTICK_NONE);
    sh("echo x > %s/taama-time", stick);
    assert_int_equal(kclock_stick_check(stick, data, kid, 0, &c, &st), KSTICK_BAD_SIGNATURE);

    /* Good: the kiosk (stale at Feb 1) moves to the issue time. */
    snprintf(tc, sizeof tc, "taama time campaign=sahel-2025 issued=%lld expires=%lld", (long long)(D1 + 5 * DAY),
             (long long)(D1 + 6 * DAY));
    make_stick("k", tc);
    assert_int_equal(kclock_stick_check(stick, data, kid, 0, &c, &st), KSTICK_OK);
    assert_int_equal(st.issued, D1 + 5 * DAY);
    assert_int_equal(kclock_stick_apply(&c, &st, MS(D1), 0), 1);
    assert_int_equal(kclock_now(&c, MS(D1 + 60), 60000), D1 + 5 * DAY + 60);
    assert_string_equal(c.log.last_set, "stick");

    /* Replayed: the same stick again (last accepted issue time stored). */
    assert_int_equal(kclock_stick_check(stick, data, kid, st.issued, &c, &st), KSTICK_REPLAYED);

    /* Wrong key; tampered file; wrong campaign; other kiosk. */
    make_stick("evil", tc);
    assert_int_equal(kclock_stick_check(stick, data, kid, 0, &c, &st), KSTICK_UNKNOWN_KEY);
    make_stick("k", tc);
    sh("echo tampered >> %s/taama-time", stick);
    assert_int_equal(kclock_stick_check(stick, data, kid, 0, &c, &st), KSTICK_BAD_SIGNATURE);
    snprintf(tc, sizeof tc, "taama time campaign=other issued=%lld expires=%lld", (long long)(D1 + 7 * DAY),
             (long long)(D1 + 8 * DAY));
    make_stick("k", tc);
    assert_int_equal(kclock_stick_check(stick, data, kid, 0, &c, &st), KSTICK_WRONG_CAMPAIGN);
    snprintf(tc, sizeof tc, "taama time campaign=sahel-2025 issued=%lld expires=%lld kiosk=%s",
             (long long)(D1 + 7 * DAY), (long long)(D1 + 8 * DAY), "ffffffffffffffffffffffffffffffff");
    make_stick("k", tc);
    assert_int_equal(kclock_stick_check(stick, data, kid, 0, &c, &st), KSTICK_WRONG_KIOSK);

    /* Expired by a time the kiosk trusts; a window of a month is refused. */
    snprintf(tc, sizeof tc, "taama time campaign=sahel-2025 issued=%lld expires=%lld", (long long)(D1 + 5 * DAY + 1),
             (long long)(D1 + 5 * DAY + 2));
    make_stick("k", tc);
    assert_int_equal(kclock_stick_check(stick, data, kid, D1 + 5 * DAY, &c, &st), KSTICK_EXPIRED);
    snprintf(tc, sizeof tc, "taama time campaign=sahel-2025 issued=%lld expires=%lld", (long long)(D1 + 9 * DAY),
             (long long)(D1 + 40 * DAY));
    make_stick("k", tc);
    assert_int_equal(kclock_stick_check(stick, data, kid, 0, &c, &st), KSTICK_BAD_COMMENT);

    /* A plausible clock inside the window is left alone. */
    snprintf(tc, sizeof tc, "taama time campaign=sahel-2025 issued=%lld expires=%lld kiosk=%s",
             (long long)(D1 + 5 * DAY), (long long)(D1 + 6 * DAY), kid);
    make_stick("k", tc);
    KioskClock d = {0};
    kclock_init(&d, BUILD, 0, 0);
    assert_int_equal(kclock_stick_check(stick, data, kid, 0, &d, &st), KSTICK_OK);
    assert_int_equal(kclock_stick_apply(&d, &st, MS(D1 + 5 * DAY + HOUR), 0), 0);
    assert_int_equal(d.offset_s, 0);

    /* A hostile stick: the time file as a FIFO (would block a plain read
     * for ever), or a link to the signed file elsewhere: neither is read. */
    sh("mv %s/taama-time %s/real-time && mkfifo %s/taama-time", stick, dir, stick);
    assert_int_equal(kclock_stick_check(stick, data, kid, 0, &d, &st), KSTICK_NONE);
    sh("rm %s/taama-time && ln -s %s/real-time %s/taama-time", stick, dir, stick);
    assert_int_equal(kclock_stick_check(stick, data, kid, 0, &d, &st), KSTICK_NONE);
}

static void test_time_stick_replay_through_store(void **state)
{
    (void)state;
    stick_setup();
    Err why;
    Stats *s = stats_open(data, "m", &why);
    assert_non_null(s);
    KioskClock c;
    kclock_load(&c, s, BUILD);
    char tc[256];
    snprintf(tc, sizeof tc, "taama time campaign=sahel-2025 issued=%lld expires=%lld", (long long)(D1 + DAY),
             (long long)(D1 + 2 * DAY));
    make_stick("k", tc);
    int changed = 0;
    assert_int_equal(kclock_stick_use(&c, s, stick, data, MS(BUILD - DAY), 0, &changed), KSTICK_OK);
    assert_int_equal(changed, 1);
    stats_close(s);
    s = stats_open(data, "m", &why);
    kclock_load(&c, s, BUILD);
    assert_int_equal(c.offset_s, D1 + DAY - (BUILD - DAY));
    assert_int_equal(kclock_stick_use(&c, s, stick, data, MS(BUILD - DAY), 0, &changed), KSTICK_REPLAYED);
    stats_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_plausible_clock_is_used_with_offset, setup, teardown),
        cmocka_unit_test_setup_teardown(test_before_build_date_is_held, setup, teardown),
        cmocka_unit_test_setup_teardown(test_power_cut_stale_clock_holds_last_good_day, setup, teardown),
        cmocka_unit_test_setup_teardown(test_jump_back_during_run_counts_on_monotonic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_state_survives_restart_and_days_in_stats, setup, teardown),
        cmocka_unit_test_setup_teardown(test_time_stick, setup, teardown),
        cmocka_unit_test_setup_teardown(test_time_stick_replay_through_store, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
