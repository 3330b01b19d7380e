/* test_fleet.c: fleet health from the kiosk's export through merge into
 * the report's fleet page.
 *
 * Every export carries health.json, listed in the signed manifest; merge
 * validates it strictly and stores it (campaign schema 3, migrated from 2);
 * the fleet page lists one row per kiosk, stale then unhealthy first, and
 * says how a kiosk with a wrong clock had its days treated. A health file
 * changed on the stick is refused with its export. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "clock/clock_store.h"
#include "core/fileio.h"
#include "core/log.h"
#include "support.h"
#include "export/export.h"
#include "export/health.h"
#include "report/report.h"
#include "stats/stats.h"

#define D1 INT64_C(1769904000) /* 2026-02-01T00:00:00Z */
#define DAY 86400

static char root[256];

#define sh(...) assert_int_equal(support_sh(__VA_ARGS__), 0)

static int setup(void **state)
{
    (void)state;
    log_set_quiet(1);
    snprintf(root, sizeof root, "%s", support_tmpdir());
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return support_rmtree(root) == 0 ? 0 : -1;
}

static Stats *kiosk(const char *name, char data[PATH_MAX])
{
    snprintf(data, PATH_MAX, "%s/%s", root, name);
    mkdir(data, 0755);
    Err why;
    Stats *s = stats_open(data, name, &why);
    assert_non_null(s);
    StatEvent ev = {.kind = STAT_SESSION_START};
    for (int i = 0; i < 20; i++)
        assert_true(stats_record(s, &ev, D1 + i * 600) > 0);
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    export_health_note_start(s, data);
    export_health_note(s, "content_version", "7");
    export_health_note(s, "touch_test", "2026-02-01 48/48");
    export_health_note(s, "sound_test", "2026-02-01 played");
    export_health_note(s, "last_touch", "2026-02-01 14");
    return s;
}

static void do_export(Stats *s, const char *data, int64_t now, char folder[PATH_MAX])
{
    char stick[PATH_MAX];
    snprintf(stick, sizeof stick, "%s/stick", root);
    mkdir(stick, 0755);
    ExportRequest req = {.data_dir = data, .dest = stick, .now = now};
    ExportResult res;
    assert_int_equal(export_run(s, &req, &res), ERR_OK);
    snprintf(folder, PATH_MAX, "%s", res.folder);
}

static void test_health_in_export(void **state)
{
    (void)state;
    char data[PATH_MAX], folder[PATH_MAX], path[PATH_MAX + 32];
    Stats *s = kiosk("ka", data);
    /* A start after a crash, and one after a watchdog kill. */
    export_health_note_start(s, data);
    sh("echo watchdog > %s/last-exit", data);
    export_health_note_start(s, data);
    do_export(s, data, D1 + DAY, folder);
    snprintf(path, sizeof path, "%s/manifest.json", folder);
    sh("grep -q '\"path\":\"health.json\"' %s", path);
    char *buf = NULL;
    size_t len = 0;
    snprintf(path, sizeof path, "%s/%s", folder, EXPORT_HEALTH_NAME);
    assert_int_equal(fileio_read_all(path, 65536, &buf, &len), ERR_OK);
    ReportHealth h;
    char why[120];
    assert_int_equal(report_health_parse(buf, len, &h, why, sizeof why), ERR_OK);
    free(buf);
    assert_int_equal(h.content_version, 7);
    assert_int_equal(h.starts, 3);
    assert_int_equal(h.crashes, 2); /* the two starts that found the running mark */
    assert_int_equal(h.watchdog_resets, 1);
    assert_string_equal(h.touch_test, "2026-02-01 48/48");
    assert_string_equal(h.last_touch, "2026-02-01 14");
    assert_string_equal(h.build_version, TAAMA_VERSION);
    assert_string_equal(h.clock_status, "ok");
    assert_true(h.disk_free_mb >= 0);
    sh("test ! -e %s/last-exit", data);
    /* A clean stop clears the running mark: the next start is no crash. */
    export_health_note_stop(s);
    export_health_note_start(s, data);
    char v[32];
    assert_int_equal(stats_meta_get(s, "health.crashes", v, sizeof v), ERR_OK);
    assert_string_equal(v, "2");
    stats_close(s);
}

static void test_health_parse_strict(void **state)
{
    (void)state;
    char data[PATH_MAX], folder[PATH_MAX], path[PATH_MAX + 32];
    Stats *s = kiosk("ka", data);
    do_export(s, data, D1 + DAY, folder);
    stats_close(s);
    char *buf = NULL;
    size_t len = 0;
    snprintf(path, sizeof path, "%s/%s", folder, EXPORT_HEALTH_NAME);
    assert_int_equal(fileio_read_all(path, 65536, &buf, &len), ERR_OK);
    ReportHealth h;
    char why[120], bad[4096];
    /* Each change below makes a valid file invalid. */
    struct {
        const char *from, *to;
    } cases[] = {
        {"\"starts\":", "\"starts\":\"x\",\"zz\":"},          /* wrong type (and a stray field) */
        {"\"kind\":\"taama-health-1\"", "\"kind\":\"other\""}, /* kind */
        {"\"warnings\":", "\"visitor\":1,\"warnings\":"},     /* unknown field */
        {"\"last_touch\":\"2026-02-01 14\"", "\"last_touch\":\"2026-02-01 14:07\""}, /* finer than an hour */
        {"\"crashes\":", "\"crashes_\":"},                    /* missing field */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *at = strstr(buf, cases[i].from);
        assert_non_null(at);
        snprintf(bad, sizeof bad, "%.*s%s%s", (int)(at - buf), buf, cases[i].to, at + strlen(cases[i].from));
        assert_int_equal(report_health_parse(bad, strlen(bad), &h, why, sizeof why), ERR_FORMAT);
        assert_true(why[0] != 0);
    }
    assert_int_equal(report_health_parse(buf, len, &h, why, sizeof why), ERR_OK);
    free(buf);
}

static void test_fleet_page_orders_and_flags(void **state)
{
    (void)state;
    char da[PATH_MAX], db_[PATH_MAX], dc[PATH_MAX], folder[PATH_MAX];
    /* A: last export three weeks before the others (stale) and a clock that
     * came back stale after a power cut, so counts were held. */
    Stats *a = kiosk("aa", da);
    KioskClock c;
    kclock_load(&c, a, kclock_build_time());
    kclock_now(&c, (D1 + 2 * 3600) * 1000, 0);
    kclock_init(&c, kclock_build_time(), D1 + 10 * 3600, 0); /* a restart: last trusted 10:00 */
    kclock_count(&c, (D1 + 3600) * 1000, 0);                 /* reads 01:00: held */
    assert_int_equal(kclock_save(&c, a), ERR_OK);
    do_export(a, da, D1 + DAY, folder);
    /* B healthy; C crashed twice and its touch test missed cells. */
    Stats *b = kiosk("bb", db_);
    do_export(b, db_, D1 + 22 * DAY, folder);
    Stats *cc = kiosk("cc", dc);
    export_health_note_start(cc, dc);
    export_health_note_start(cc, dc);
    export_health_note(cc, "touch_test", "2026-02-20 40/48");
    do_export(cc, dc, D1 + 22 * DAY, folder);
    stats_close(a);
    stats_close(b);
    stats_close(cc);

    char dbp[PATH_MAX + 32], stick[PATH_MAX + 16];
    snprintf(dbp, sizeof dbp, "%s/campaign.sqlite", root);
    snprintf(stick, sizeof stick, "%s/stick", root);
    Err why;
    ReportDb *db = report_open(dbp, &why);
    assert_non_null(db);
    FILE *o = fopen("/dev/null", "w");
    MergeOptions mo = {.out = o};
    MergeSummary sum = {0};
    assert_int_equal(report_merge_path(db, stick, &mo, &sum), ERR_OK);
    fclose(o);
    assert_int_equal(sum.taken, 3);
    assert_int_equal(sum.refused, 0);

    char *html = NULL;
    size_t hl = 0;
    o = open_memstream(&html, &hl);
    ReportOptions ro = {.min_count = 10};
    assert_int_equal(report_write_html(db, &ro, o), ERR_OK);
    fclose(o);
    const char *fleet = strstr(html, "<h2 id=\"fleet\">");
    assert_non_null(fleet);
    const char *ra = strstr(fleet, "<code>"), *rest = NULL;
    assert_non_null(ra);
    /* Rows: A (stale) first, then C (check), then B (ok). */
    char ida[9], idc[9];
    snprintf(ida, sizeof ida, "%.8s", ra + 6);
    rest = strstr(ra + 6, "<code>");
    assert_non_null(rest);
    snprintf(idc, sizeof idc, "%.8s", rest + 6);
    assert_non_null(strstr(fleet, "<tr><td>STALE</td>"));
    const char *stale = strstr(fleet, "STALE"), *check = strstr(fleet, "CHECK"), *ok = strstr(fleet, "<tr><td>ok</td>");
    assert_true(stale && check && ok && stale < check && check < ok);
    assert_non_null(strstr(fleet, "no export for 21 days"));
    assert_non_null(strstr(fleet, "1 counts held on the last good day: 2026-02-01 may include later, undated visits"));
    assert_non_null(strstr(fleet, "clock wrong"));
    assert_non_null(strstr(fleet, "2 unclean shutdowns"));
    assert_non_null(strstr(fleet, "touch test incomplete (2026-02-20 40/48)"));
    free(html);
    report_close(db);

    /* Schema 2 (before fleet health) migrates forward keeping its data. */
    sqlite3 *h;
    assert_int_equal(sqlite3_open(dbp, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "DROP TABLE health; PRAGMA user_version=2", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    db = report_open(dbp, &why);
    assert_non_null(db);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(report_db_handle(db),
                                        "SELECT (SELECT user_version FROM pragma_user_version),"
                                        " (SELECT count(*) FROM health), (SELECT count(*) FROM exports)",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 3);
    assert_int_equal(sqlite3_column_int(st, 1), 0);
    assert_int_equal(sqlite3_column_int(st, 2), 3);
    sqlite3_finalize(st);
    report_close(db);
}

static void test_tampered_health_refused(void **state)
{
    (void)state;
    char data[PATH_MAX], folder[PATH_MAX];
    Stats *s = kiosk("ka", data);
    do_export(s, data, D1 + DAY, folder);
    stats_close(s);
    sh("sed -i 's/\"crashes\":0/\"crashes\":9/' %s/health.json", folder);
    char dbp[PATH_MAX + 32];
    snprintf(dbp, sizeof dbp, "%s/campaign.sqlite", root);
    Err why;
    ReportDb *db = report_open(dbp, &why);
    char *out = NULL;
    size_t ol = 0;
    FILE *o = open_memstream(&out, &ol);
    MergeOptions mo = {.out = o};
    MergeSummary sum = {0};
    assert_int_equal(report_merge_path(db, folder, &mo, &sum), ERR_OK);
    fclose(o);
    assert_int_equal(sum.refused, 1);
    assert_int_equal(sum.taken, 0);
    assert_non_null(strstr(out, "health.json"));
    free(out);
    report_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_health_in_export, setup, teardown),
        cmocka_unit_test_setup_teardown(test_health_parse_strict, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fleet_page_orders_and_flags, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tampered_health_refused, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
