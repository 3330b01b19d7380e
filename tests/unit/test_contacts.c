/* test_contacts.c: help contacts named by id and label (issue 12 point 1):
 * the kiosk keeps each contact list in force (stats_contacts_note), the
 * export carries it (contacts.json), taama-report reads it strictly,
 * stores it per kiosk (schema 5) and names each qr_shown count (kiosk,
 * day, index) by that kiosk's list on that day. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content/content.h"
#include "core/log.h"
#include "export/contacts.h"
#include "export/export.h"
#include "report/report.h"
#include "stats/stats.h"
#include "support.h"

#define D0 INT64_C(1741564800) /* 2025-03-10 00:00 UTC */
#define DAY 86400

static char root[256];

static int32_t utc0(void *ctx, int64_t t)
{
    (void)ctx;
    (void)t;
    return 0;
}

static Stats *open_kiosk(const char *name)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s/%s", root, name);
    mkdir(dir, 0700);
    StatsOptions o = {.machine_id = name, .utc_offset = utc0, .batch_ms = 1};
    Err why;
    Stats *s = stats_open_opts(dir, &o, &why);
    assert_non_null(s);
    return s;
}

/* Every stored contact as "first..last idx id label" lines. */
static int dump_cb(void *ctx, const char *first, const char *last, int idx, const char *id, const char *label)
{
    char *out = ctx;
    size_t n = strlen(out);
    snprintf(out + n, 8192 - n, "%s..%s %d %s %s\n", first, last, idx, id ? id : "-", label ? label : "-");
    return 0;
}

static void dump(Stats *s, char out[8192])
{
    out[0] = '\0';
    assert_int_equal(stats_contacts_foreach(s, dump_cb, out), ERR_OK);
}

static int lists_in(const char *dump_text)
{
    int n = 0;
    for (const char *p = dump_text; (p = strstr(p, " 0 ")); p++)
        n++;
    return n;
}

static const StatsContact L1[] = {{"helpline", "Help line"}, {"trafficking-line", "Anti-trafficking line"}};
static const StatsContact L2[] = {{"child-line", "Child line"}, {"helpline", "Help line"}};
static const StatsContact L3[] = {{"women-line", "Women's line"}, {"child-line", "Child line"}, {"helpline", "Help line"}};

/* The same list extends its days; a different one closes it and starts a
 * new one (the change day belongs to both); a list replaced the day it
 * started is replaced; a clock set back never reorders lists. */
static void test_kiosk_keeps_lists(void **state)
{
    (void)state;
    Stats *s = open_kiosk("k1");
    char d[8192];
    assert_int_equal(stats_contacts_note(s, D0, L1, 2), ERR_OK);
    assert_int_equal(stats_contacts_note(s, D0 + 5 * DAY, L1, 2), ERR_OK);
    dump(s, d);
    assert_string_equal(d, "2025-03-10..2025-03-15 0 helpline Help line\n"
                           "2025-03-10..2025-03-15 1 trafficking-line Anti-trafficking line\n");
    assert_int_equal(stats_contacts_note(s, D0 + 10 * DAY, L2, 2), ERR_OK);
    assert_int_equal(stats_contacts_note(s, D0 + 10 * DAY + 3600, L3, 3), ERR_OK); /* same day: replaces L2 */
    dump(s, d);
    assert_string_equal(d, "2025-03-10..2025-03-20 0 helpline Help line\n"
                           "2025-03-10..2025-03-20 1 trafficking-line Anti-trafficking line\n"
                           "2025-03-20..2025-03-20 0 women-line Women's line\n"
                           "2025-03-20..2025-03-20 1 child-line Child line\n"
                           "2025-03-20..2025-03-20 2 helpline Help line\n");
    /* clock set back five days with another list: it takes the newest's place */
    assert_int_equal(stats_contacts_note(s, D0 + 5 * DAY, L1, 1), ERR_OK);
    dump(s, d);
    assert_non_null(strstr(d, "2025-03-20..2025-03-20 0 helpline Help line\n"));
    assert_null(strstr(d, "women-line"));
    assert_int_equal(lists_in(d), 2);
    /* an empty list is a list too */
    assert_int_equal(stats_contacts_note(s, D0 + 30 * DAY, NULL, 0), ERR_OK);
    dump(s, d);
    assert_non_null(strstr(d, "2025-04-09..2025-04-09 -1 - -\n"));
    /* bad input: nothing recorded */
    StatsContact bad[] = {{NULL, "x"}};
    assert_int_equal(stats_contacts_note(s, D0 + 31 * DAY, bad, 1), ERR_INVALID);
    char d2[8192];
    dump(s, d2);
    assert_string_equal(d, d2);
    stats_close(s);
}

/* At most STATS_CONTACT_LISTS_MAX lists (the oldest go), labels cut at a
 * character boundary. */
static void test_kiosk_bounds(void **state)
{
    (void)state;
    Stats *s = open_kiosk("k2");
    for (int i = 0; i < STATS_CONTACT_LISTS_MAX + 8; i++)
        assert_int_equal(stats_contacts_note(s, D0 + i * DAY, i % 2 ? L1 : L2, 2), ERR_OK);
    char d[8192];
    dump(s, d);
    assert_int_equal(lists_in(d), STATS_CONTACT_LISTS_MAX);
    assert_null(strstr(d, "2025-03-10.."));
    char longl[401] = "";
    for (int i = 0; i < 200; i++)
        strcat(longl, "\xC3\xA9"); /* é: 2 bytes each, 400 bytes */
    StatsContact one[] = {{"helpline", longl}};
    assert_int_equal(stats_contacts_note(s, D0 + 100 * DAY, one, 1), ERR_OK);
    dump(s, d);
    const char *l = strstr(d, "0 helpline \xC3\xA9");
    assert_non_null(l);
    size_t n = strcspn(l + 11, "\n");
    assert_int_equal(n, STATS_CONTACT_LABEL_MAX); /* 100 whole characters */
    stats_close(s);
}

/* contacts.json: the lists in order, the newest extended to the last
 * counted day; taama-report's strict reader takes it back. */
static void test_export_json_round_trip(void **state)
{
    (void)state;
    Stats *s = open_kiosk("k3");
    StatsContact odd[] = {{"helpline", "Quote \" slash / \xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A"}};
    assert_int_equal(stats_contacts_note(s, D0, odd, 1), ERR_OK);
    assert_int_equal(stats_contacts_note(s, D0 + 2 * DAY, L2, 2), ERR_OK);
    char *j = NULL;
    size_t len = 0;
    assert_int_equal(export_contacts_json(s, "2025-03-25", &j, &len), ERR_OK);
    assert_int_equal(len, strlen(j));
    assert_non_null(strstr(j, "{\"format\":\"" EXPORT_CONTACTS_FORMAT "\",\"lists\":[{\"contacts\":[{\"id\":"
                              "\"helpline\",\"index\":0,\"label\":\"Quote \\\" slash / "));
    assert_non_null(strstr(j, "\"first_day\":\"2025-03-12\",\"last_day\":\"2025-03-25\"}]}\n"));
    ReportContacts rc;
    char why[300];
    assert_int_equal(report_contacts_check(j, len, &rc, why, sizeof why), ERR_OK);
    assert_int_equal(rc.n, 3);
    assert_int_equal(rc.c[0].first_day, 20250310);
    assert_int_equal(rc.c[0].last_day, 20250312);
    assert_string_equal(rc.c[0].label, odd[0].label);
    assert_int_equal(rc.c[2].idx, 1);
    assert_int_equal(rc.c[2].last_day, 20250325);
    report_contacts_free(&rc);
    free(j);
    /* nothing counted yet: the newest list keeps its own last day */
    assert_int_equal(export_contacts_json(s, "", &j, &len), ERR_OK);
    assert_non_null(strstr(j, "\"first_day\":\"2025-03-12\",\"last_day\":\"2025-03-12\""));
    free(j);
    stats_close(s);
}

/* A hostile contacts.json is refused with a clear reason, nothing kept. */
static void test_hostile_json(void **state)
{
    (void)state;
#define LIST(c) "{\"format\":\"taama-contacts-1\",\"lists\":[{\"contacts\":[" c "],\"first_day\":\"2025-03-10\"," \
                "\"last_day\":\"2025-03-12\"}]}"
#define C0 "{\"id\":\"helpline\",\"index\":0,\"label\":\"Help\"}"
    static const struct {
        const char *json, *why;
    } cases[] = {
        {"{\"format\":\"taama-contacts-1\",\"lists\":[", "not one JSON object"},
        {LIST(C0) " x", "not one JSON object"},
        {"[1]", "is not an object"},
        {"{\"format\":\"taama-contacts-2\",\"lists\":[]}", "format is not"},
        {"{\"format\":\"taama-contacts-1\",\"lists\":[],\"extra\":1}", "unknown field \"extra\""},
        {"{\"format\":\"taama-contacts-1\"}", "lacks a field"},
        {"{\"format\":\"taama-contacts-1\",\"lists\":{}}", "lists is not a list"},
        {LIST("{\"id\":\"helpline\",\"index\":0,\"label\":\"Help\",\"phone\":\"1\"}"), "unknown field \"phone\""},
        {LIST(C0 "," C0), "index 0 is listed twice"},
        {LIST("{\"id\":\"helpline\",\"index\":1,\"label\":\"Help\"}"), "out of order"},
        {LIST("{\"id\":\"helpline\",\"index\":-1,\"label\":\"Help\"}"), "index is not a whole number"},
        {LIST("{\"id\":\"helpline\",\"index\":\"0\",\"label\":\"Help\"}"), "index is not a whole number"},
        {LIST("{\"id\":\"help line\",\"index\":0,\"label\":\"Help\"}"), "id is not"},
        {LIST("{\"id\":\"\",\"index\":0,\"label\":\"Help\"}"), "id is not"},
        {LIST("{\"id\":\"helpline\",\"index\":0,\"label\":\"Help\\u202Eenil\"}"), "label is not"},
        {LIST("{\"id\":\"helpline\",\"index\":0,\"label\":\"Help\\nline\"}"), "label is not"},
        {LIST("{\"id\":\"helpline\",\"index\":0,\"label\":\"Help\\u0000x\"}"), "label is not"},
        {LIST("{\"id\":\"helpline\",\"index\":0,\"label\":\"\xC3\x28\"}"), "label is not"}, /* not UTF-8 */
        {LIST("{\"id\":\"helpline\",\"index\":0,\"label\":7}"), "label is not"},
        {"{\"format\":\"taama-contacts-1\",\"lists\":[{\"contacts\":[],\"first_day\":\"2025-02-30\","
         "\"last_day\":\"2025-03-12\"}]}",
         "real dates"},
        {"{\"format\":\"taama-contacts-1\",\"lists\":[{\"contacts\":[],\"first_day\":\"2025-03-13\","
         "\"last_day\":\"2025-03-12\"}]}",
         "first_day is after last_day"},
        {"{\"format\":\"taama-contacts-1\",\"lists\":[{\"contacts\":[],\"first_day\":\"2025-03-10\","
         "\"last_day\":\"2025-03-12\"},{\"contacts\":[],\"first_day\":\"2025-03-10\",\"last_day\":\"2025-03-12\"}]}",
         "list 2: first_day is not after"},
    };
    char why[300];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ReportContacts rc = {(ReportContact *)1, 99};
        Err e = report_contacts_check(cases[i].json, strlen(cases[i].json), &rc, why, sizeof why);
        if (e != ERR_FORMAT || !strstr(why, cases[i].why) || strncmp(why, "contacts.json: ", 15) != 0)
            fail_msg("case %zu: %s -> %s (want \"%s\")", i, cases[i].json, why, cases[i].why);
        assert_null(rc.c);
        assert_int_equal(rc.n, 0);
    }
    /* a label over 200 bytes, and a file over the limit */
    char big[1024];
    char label[202];
    memset(label, 'a', 201);
    label[201] = '\0';
    snprintf(big, sizeof big, LIST("{\"id\":\"helpline\",\"index\":0,\"label\":\"%s\"}"), label);
    ReportContacts rc;
    assert_int_equal(report_contacts_check(big, strlen(big), &rc, why, sizeof why), ERR_FORMAT);
    assert_non_null(strstr(why, "label is not"));
    label[200] = '\0';
    snprintf(big, sizeof big, LIST("{\"id\":\"helpline\",\"index\":0,\"label\":\"%s\"}"), label);
    assert_int_equal(report_contacts_check(big, strlen(big), &rc, why, sizeof why), ERR_OK);
    report_contacts_free(&rc);
    assert_int_equal(report_contacts_check(big, EXPORT_CONTACTS_MAX_BYTES + 1, &rc, why, sizeof why), ERR_FORMAT);
    assert_non_null(strstr(why, "more than"));
    /* more contacts in a list than a kiosk keeps */
    size_t cap = 64 * 1024, n = 0;
    char *many = malloc(cap);
    assert_non_null(many);
    n += (size_t)snprintf(many, cap, "{\"format\":\"taama-contacts-1\",\"lists\":[{\"contacts\":[");
    for (int i = 0; i <= STATS_CONTACTS_MAX; i++)
        n += (size_t)snprintf(many + n, cap - n, "%s{\"id\":\"c%d\",\"index\":%d,\"label\":\"x\"}", i ? "," : "",
                              i, i);
    snprintf(many + n, cap - n, "],\"first_day\":\"2025-03-10\",\"last_day\":\"2025-03-12\"}]}");
    assert_int_equal(report_contacts_check(many, strlen(many), &rc, why, sizeof why), ERR_FORMAT);
    assert_non_null(strstr(why, "list 1: contacts is not a list of at most 128 contacts"));
    free(many);
#undef LIST
#undef C0
}

static void qr(Stats *s, int idx, int times, int64_t t)
{
    for (int i = 0; i < times; i++) {
        StatEvent ev = {.kind = STAT_QR_SHOWN, .lang = "fr", .n = idx};
        assert_true(stats_record(s, &ev, t + i) > 0);
    }
}

static void export_to(Stats *s, const char *stick)
{
    char data[PATH_MAX];
    snprintf(data, sizeof data, "%s/keys", root);
    mkdir(data, 0700);
    mkdir(stick, 0755);
    assert_int_equal(stats_flush(s, 5000), ERR_OK);
    ExportRequest rq = {.data_dir = data, .dest = stick, .now = D0 + 20 * DAY};
    ExportResult res;
    if (export_run(s, &rq, &res) != ERR_OK)
        fail_msg("export: %s", res.message);
}

typedef struct {
    char text[4096];
} Totals;

static Err totals_cb(void *ctx, const char *label, ReportContactSource src, int64_t value)
{
    Totals *t = ctx;
    size_t n = strlen(t->text);
    snprintf(t->text + n, sizeof t->text - n, "%s|%d|%lld\n", label, (int)src, (long long)value);
    return ERR_OK;
}

/* Two kiosks where index 0 means different services, one of which
 * changed its list mid-period: each count is named by its own kiosk's
 * list of its day, through a real export and merge. */
static void test_two_sites_named_by_their_lists(void **state)
{
    (void)state;
    Stats *a = open_kiosk("site-a"), *b = open_kiosk("site-b");
    assert_int_equal(stats_contacts_note(a, D0, L1, 2), ERR_OK);
    qr(a, 0, 3, D0 + 3600);
    qr(a, 1, 2, D0 + DAY);
    assert_int_equal(stats_contacts_note(b, D0, L2, 2), ERR_OK);
    qr(b, 0, 5, D0 + 3600);
    assert_int_equal(stats_contacts_note(b, D0 + 2 * DAY, L3, 3), ERR_OK); /* a content pack */
    qr(b, 0, 7, D0 + 3 * DAY);
    qr(b, 2, 4, D0 + 3 * DAY);
    char stick[PATH_MAX];
    snprintf(stick, sizeof stick, "%s/stick", root);
    export_to(a, stick);
    export_to(b, stick);
    stats_close(a);
    stats_close(b);

    ReportDb *db = support_fresh_db(root, "c.sqlite");
    assert_non_null(db);
    char msg[4096];
    Err e;
    MergeSummary sum = support_merge(db, stick, NULL, 0, msg, sizeof msg, &e);
    assert_int_equal(sum.taken, 2);
    Totals t = {""};
    assert_int_equal(report_contact_totals(db, "qr_shown", NULL, totals_cb, &t), ERR_OK);
    /* index 0: the help line at site A, the child line at B until its
     * content changed, then the women's line; index 2 at B: the help line */
    assert_non_null(strstr(t.text, "helpline: Help line|0|7\n"));
    assert_non_null(strstr(t.text, "trafficking-line: Anti-trafficking line|0|2\n"));
    assert_non_null(strstr(t.text, "child-line: Child line|0|5\n"));
    assert_non_null(strstr(t.text, "women-line: Women's line|0|7\n"));
    assert_null(strstr(t.text, "contact #"));

    /* the CSV names each row by its kiosk's list of its day */
    char *csv = NULL;
    size_t clen = 0;
    FILE *o = open_memstream(&csv, &clen);
    ReportOptions opt = {.min_count = 1, .period = REPORT_PERIOD_DAY};
    assert_int_equal(report_write_csv_ex(db, &opt, o, NULL), ERR_OK);
    fclose(o);
    assert_non_null(strstr(csv, ",2025-03-10,qr_shown,fr,,0,5,0,"));
    assert_non_null(strstr(csv, ",,child-line: Child line\r\n"));
    assert_non_null(strstr(csv, ",2025-03-13,qr_shown,fr,,0,7,0,"));
    assert_non_null(strstr(csv, ",,women-line: Women's line\r\n"));
    free(csv);
    /* by week the change falls inside one period: both names, newest first */
    o = open_memstream(&csv, &clen);
    opt.period = REPORT_PERIOD_WEEK;
    assert_int_equal(report_write_csv_ex(db, &opt, o, NULL), ERR_OK);
    fclose(o);
    assert_non_null(strstr(csv, ",qr_shown,fr,,0,12,0,"));
    assert_non_null(strstr(csv, "women-line: Women's line / child-line: Child line\r\n"));
    free(csv);

    /* forgetting a kiosk forgets its lists */
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(report_db_handle(db), "SELECT count(DISTINCT kiosk_id) FROM contacts", -1,
                                        &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 2);
    sqlite3_finalize(st);
    report_close(db);
}

/* A kiosk without a list: named from --content, else by number, and the
 * label says so. */
static void test_fallbacks_say_so(void **state)
{
    (void)state;
    Stats *k = open_kiosk("old");
    qr(k, 0, 2, D0);
    qr(k, 40, 1, D0);
    char stick[PATH_MAX];
    snprintf(stick, sizeof stick, "%s/stick-old", root);
    export_to(k, stick);
    stats_close(k);
    ReportDb *db = support_fresh_db(root, "old.sqlite");
    char msg[4096];
    Err e;
    assert_int_equal(support_merge(db, stick, NULL, 0, msg, sizeof msg, &e).taken, 1);
    Err why;
    struct Content *content = content_load(support_path("content"), &why);
    assert_non_null(content);
    Totals t = {""};
    assert_int_equal(report_contact_totals(db, "qr_shown", content, totals_cb, &t), ERR_OK);
    assert_non_null(strstr(t.text, "helpline: DEMO migrant helpline - replace before deployment (name from this "
                                   "computer's contacts.yaml: the kiosk sent no list)|1|2\n"));
    assert_non_null(strstr(t.text, "contact #41 (the kiosk sent no contact list)|2|1\n"));
    content_free(content);
    report_close(db);
}

/* A schema 4 campaign database (before contact lists) opens as schema 5
 * with its counts, and takes lists from then on; a "schema 4" file
 * without the health table is not ours. */
static void test_migrate_v4(void **state)
{
    (void)state;
    Stats *k = open_kiosk("mig");
    assert_int_equal(stats_contacts_note(k, D0, L1, 2), ERR_OK);
    qr(k, 1, 3, D0);
    char stick[PATH_MAX];
    snprintf(stick, sizeof stick, "%s/stick-mig", root);
    export_to(k, stick);
    ReportDb *db = support_fresh_db(root, "v4.sqlite");
    char msg[4096];
    Err e;
    assert_int_equal(support_merge(db, stick, NULL, 0, msg, sizeof msg, &e).taken, 1);
    assert_int_equal(sqlite3_exec(report_db_handle(db), "DROP TABLE contacts; PRAGMA user_version=4", NULL, NULL, NULL),
                     SQLITE_OK);
    report_close(db);
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s/v4.sqlite", root);
    Err why;
    db = report_open(p, &why);
    assert_non_null(db);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(report_db_handle(db),
                                        "SELECT (SELECT user_version FROM pragma_user_version),"
                                        " (SELECT count(*) FROM contacts), (SELECT SUM(value) FROM counters)",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 5);
    assert_int_equal(sqlite3_column_int(st, 1), 0);
    assert_int_equal(sqlite3_column_int(st, 2), 3);
    sqlite3_finalize(st);
    /* a newer export brings the list */
    qr(k, 1, 1, D0 + DAY);
    export_to(k, stick);
    stats_close(k);
    assert_int_equal(support_merge(db, stick, NULL, 0, msg, sizeof msg, &e).taken, 1);
    Totals t = {""};
    assert_int_equal(report_contact_totals(db, "qr_shown", NULL, totals_cb, &t), ERR_OK);
    assert_string_equal(t.text, "trafficking-line: Anti-trafficking line|0|4\n");
    report_close(db);

    sqlite3 *h = NULL;
    snprintf(p, sizeof p, "%s/not-v4.sqlite", root);
    assert_int_equal(sqlite3_open(p, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "CREATE TABLE day_sums(x); PRAGMA user_version=4", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    assert_null(report_open(p, &why));
    assert_int_equal(why, ERR_CORRUPT);
}

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/taama-contacts-XXXXXX");
    if (!mkdtemp(root))
        return -1;
    log_set_quiet(1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return support_rmtree(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_kiosk_keeps_lists, setup, teardown),
        cmocka_unit_test_setup_teardown(test_kiosk_bounds, setup, teardown),
        cmocka_unit_test_setup_teardown(test_export_json_round_trip, setup, teardown),
        cmocka_unit_test(test_hostile_json),
        cmocka_unit_test_setup_teardown(test_two_sites_named_by_their_lists, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fallbacks_say_so, setup, teardown),
        cmocka_unit_test_setup_teardown(test_migrate_v4, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
