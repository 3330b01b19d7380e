/* test_fleet.c: fleet health from the kiosk's export through merge into
 * the report's fleet page.
 *
 * Every export carries health.json, listed in the signed manifest; merge
 * validates it strictly and stores it (campaign schema 4, migrated from 3);
 * the fleet page lists one row per kiosk, stale then unhealthy first, and
 * says how a kiosk with a wrong clock had its days treated. A health file
 * changed on the stick is refused with its export. Health follows the
 * quarantine: a cloned card's exports wait there with their health, in
 * either merge order, and a disputed kiosk's health comes back when its
 * key is accepted. */
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
#include "core/version.h"
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

static void do_export_to(Stats *s, const char *data, int64_t now, const char *stick_name, char folder[PATH_MAX])
{
    char stick[PATH_MAX];
    snprintf(stick, sizeof stick, "%s/%s", root, stick_name);
    mkdir(stick, 0755);
    ExportRequest req = {.data_dir = data, .dest = stick, .now = now};
    ExportResult res;
    assert_int_equal(export_run(s, &req, &res), ERR_OK);
    snprintf(folder, PATH_MAX, "%s", res.folder);
}

static void do_export(Stats *s, const char *data, int64_t now, char folder[PATH_MAX])
{
    do_export_to(s, data, now, "stick", folder);
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
    assert_int_equal(report_health_check(buf, len, &h, why, sizeof why), ERR_OK);
    free(buf);
    assert_int_equal(h.content_version, 7);
    assert_int_equal(h.starts, 3);
    assert_int_equal(h.crashes, 2); /* the two starts that found the running mark */
    assert_int_equal(h.watchdog_resets, 1);
    assert_string_equal(h.touch_test, "2026-02-01 48/48");
    assert_string_equal(h.last_touch, "2026-02-01 14");
    assert_string_equal(h.build_version, version_string());
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
        /* the formats of validate.c's health_rules[] */
        {"\"last_touch\":\"2026-02-01 14\"", "\"last_touch\":\"2026-02-01 24\""},  /* no such hour */
        {"\"last_touch\":\"2026-02-01 14\"", "\"last_touch\":\"2026-02-30 14\""},  /* no such day */
        {"\"touch_test\":\"2026-02-01 48\\/48\"", "\"touch_test\":\"2026-02-01 49\\/48\""}, /* json-c writes \/ */
        {"\"sound_test\":\"2026-02-01 played\"", "\"sound_test\":\"2026-02-01 <b>\""},
        {"\"clock_status\":\"ok\"", "\"clock_status\":\"fine\""},
        {"\"content_version\":7", "\"content_version\":-7"},
        {"\"crashes\":0", "\"crashes\":1.5"},
        {"\"crashes\":0", "\"crashes\":99999999999999999999"}, /* beyond int64 */
        {"\"build_version\":\"", "\"build_version\":\"\\u001b[2J"}, /* a terminal escape */
        {"\"clock_last_set\":\"\"", "\"clock_last_set\":\"me\""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *at = strstr(buf, cases[i].from);
        assert_non_null(at);
        snprintf(bad, sizeof bad, "%.*s%s%s", (int)(at - buf), buf, cases[i].to, at + strlen(cases[i].from));
        assert_int_equal(report_health_check(bad, strlen(bad), &h, why, sizeof why), ERR_FORMAT);
        assert_true(why[0] != 0);
    }
    assert_int_equal(report_health_check(buf, len, &h, why, sizeof why), ERR_OK);
    /* nothing after the object but the final newline */
    snprintf(bad, sizeof bad, "%.*s {}", (int)len - 1, buf);
    assert_int_equal(report_health_check(bad, strlen(bad), &h, why, sizeof why), ERR_FORMAT);
    free(buf);
    /* one rule per field, each field of the struct once */
    size_t n = 0;
    const ReportHealthRule *r = report_health_rules(&n);
    assert_int_equal(n, 21);
    for (size_t i = 1; i < n; i++)
        assert_true(strcmp(r[i - 1].key, r[i].key) < 0);
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

    /* Schema 3 (before fleet health) migrates forward keeping its data. */
    sqlite3 *h;
    assert_int_equal(sqlite3_open(dbp, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "DROP TABLE health; ALTER TABLE quarantine DROP COLUMN health;"
                                     " DROP TABLE contacts; PRAGMA user_version=3",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
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
    assert_int_equal(sqlite3_column_int(st, 0), 5);
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

static int64_t q1(ReportDb *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(report_db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static void merge_into(ReportDb *db, const char *stick_name, MergeSummary *sum)
{
    char stick[PATH_MAX];
    snprintf(stick, sizeof stick, "%s/%s", root, stick_name);
    FILE *o = fopen("/dev/null", "w");
    MergeOptions mo = {.out = o};
    assert_int_equal(report_merge_path(db, stick, &mo, sum), ERR_OK);
    fclose(o);
}

static char *fleet_html(ReportDb *db)
{
    char *html = NULL;
    size_t hl = 0;
    FILE *o = open_memstream(&html, &hl);
    ReportOptions ro = {.min_count = 10};
    assert_int_equal(report_write_html(db, &ro, o), ERR_OK);
    fclose(o);
    return html;
}

/* Two kiosks from one card copied before this version (same fingerprint,
 * so the same id and key): their exports disagree, so both wait in the
 * quarantine with their health, nothing of the id is counted and the
 * fleet page names it, whichever stick is merged first. */
static void test_clone_quarantined_with_health(void **state)
{
    (void)state;
    char da[PATH_MAX], db_[PATH_MAX], folder[PATH_MAX];
    Stats *a = kiosk("ka", da);
    /* the key is made at the first start, so the copy carries it */
    assert_int_equal(export_keys_for_identity(a, da, NULL), ERR_OK);
    stats_close(a);
    snprintf(db_, sizeof db_, "%s/kb", root);
    sh("cp -a %s %s", da, db_);
    Err why;
    a = stats_open(da, "ka", &why);
    Stats *b = stats_open(db_, "ka", &why);
    assert_non_null(a);
    assert_non_null(b);
    StatEvent ev = {.kind = STAT_SESSION_START};
    for (int i = 0; i < 3; i++)
        assert_true(stats_record(b, &ev, D1 + DAY + i * 600) > 0);
    assert_int_equal(stats_flush(b, 5000), ERR_OK);
    StatsIdentity ia, ib;
    stats_identity(a, &ia);
    stats_identity(b, &ib);
    assert_string_equal(ia.kiosk_id, ib.kiosk_id); /* the clone is not told apart on the kiosk */
    do_export_to(a, da, D1 + 2 * DAY, "sticka", folder);
    do_export_to(b, db_, D1 + 2 * DAY, "stickb", folder);
    stats_close(a);
    stats_close(b);

    const char *orders[2][2] = {{"sticka", "stickb"}, {"stickb", "sticka"}};
    for (int k = 0; k < 2; k++) {
        char dbp[PATH_MAX + 32];
        snprintf(dbp, sizeof dbp, "%s/campaign%d.sqlite", root, k);
        ReportDb *db = report_open(dbp, &why);
        assert_non_null(db);
        MergeSummary sum = {0};
        merge_into(db, orders[k][0], &sum);
        merge_into(db, orders[k][1], &sum);
        assert_int_equal(sum.taken, 1);
        assert_int_equal(sum.quarantined, 1);
        assert_int_equal(sum.refused, 0);
        /* both claims kept, each with its health; nothing counted */
        assert_int_equal(q1(db, "SELECT count(*) FROM quarantine WHERE health IS NOT NULL"), 2);
        assert_int_equal(q1(db, "SELECT count(*) FROM health"), 0);
        assert_int_equal(q1(db, "SELECT count(*) FROM counts"), 0);
        char *html = fleet_html(db);
        /* the report's quarantine section (one list, after the fleet page) */
        const char *qs = strstr(html, "<h2 id=\"quarantined\">");
        assert_non_null(qs);
        assert_non_null(strstr(qs, ia.kiosk_id));
        assert_non_null(strstr(qs, "two kiosks share this id and key"));
        free(html);
        report_close(db);
    }
}

/* A second key claims a kiosk id registered on first use: the kiosk's
 * counts and health go to the quarantine with the claim; accepting the
 * real key counts them again and its fleet row comes back with its
 * health. */
static void test_dispute_keeps_health(void **state)
{
    (void)state;
    char da[PATH_MAX], folder[PATH_MAX];
    Stats *a = kiosk("ka", da);
    do_export_to(a, da, D1 + DAY, "sticka", folder);
    char key[80] = "";
    char path[PATH_MAX + 16];
    snprintf(path, sizeof path, "%s/kiosk.pub", da);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    assert_non_null(fgets(key, sizeof key, f));
    fclose(f);
    key[strcspn(key, "\n")] = 0;
    /* the same id with a new key (a key reset, or a forger who knows the id) */
    sh("rm %s/kiosk.key %s/kiosk.pub", da, da);
    do_export_to(a, da, D1 + 2 * DAY, "stickb", folder);
    StatsIdentity id;
    stats_identity(a, &id);
    stats_close(a);

    char dbp[PATH_MAX + 32];
    snprintf(dbp, sizeof dbp, "%s/campaign.sqlite", root);
    Err why;
    ReportDb *db = report_open(dbp, &why);
    assert_non_null(db);
    MergeSummary sum = {0};
    merge_into(db, "sticka", &sum);
    assert_int_equal(q1(db, "SELECT count(*) FROM health"), 1);
    merge_into(db, "stickb", &sum);
    assert_int_equal(sum.taken, 1);
    assert_int_equal(sum.quarantined, 1);
    assert_int_equal(q1(db, "SELECT count(*) FROM health"), 0);
    assert_int_equal(q1(db, "SELECT count(*) FROM quarantine WHERE health IS NOT NULL"), 2);
    char *html = fleet_html(db);
    assert_non_null(strstr(html, "<h2 id=\"quarantined\">"));
    free(html);

    FILE *o = fopen("/dev/null", "w");
    assert_int_equal(report_enroll(db, id.kiosk_id, key, NULL, o), ERR_OK);
    fclose(o);
    assert_int_equal(q1(db, "SELECT count(*) FROM health"), 1);
    assert_int_equal(q1(db, "SELECT content_version FROM health"), 7);
    html = fleet_html(db);
    const char *fleet = strstr(html, "<h2 id=\"fleet\">");
    assert_non_null(fleet);
    assert_non_null(strstr(fleet, "<tr><td>ok</td>"));
    free(html);
    /* forget takes the health with the counts */
    assert_int_equal(report_forget_kiosk(db, id.kiosk_id, NULL), ERR_OK);
    assert_int_equal(q1(db, "SELECT count(*) FROM health"), 0);
    report_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_health_in_export, setup, teardown),
        cmocka_unit_test_setup_teardown(test_health_parse_strict, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fleet_page_orders_and_flags, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tampered_health_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_clone_quarantined_with_health, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dispute_keeps_health, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
