/* test_report_outputs.c: what taama-report writes, on campaign databases
 * built directly (so every field can be hostile or unusual): escaping of
 * every string in the HTML, the CSV formula guard, UTF-8-safe labels,
 * DHIS2 on an empty database, map validation and the metadata package,
 * translated HTML (lang, dir), the first page, truthful charts, suppression
 * that groups before hiding and spares busy kiosks, the codebook, --sep,
 * progress, and the loud --min. */
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

#include <json-c/json.h>

#include "content/content.h"
#include "core/fileio.h"
#include "core/sort.h"
#include "core/log.h"
#include "report/report.h"
#include "report/rtext.h"
#include "stats/stats.h"
#include "support_report.h"

static char root[256];

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/taama-rout-XXXXXX");
    log_set_quiet(1);
    report_lang_set("en", NULL);
    return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[PATH_MAX];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

/* A campaign database made with SQL (support_report_db_sql). */
static ReportDb *make_db(const char *name, const char *sql)
{
    ReportDb *db = support_report_db_sql(root, name, sql);
    assert_non_null(db);
    return db;
}

/* Names used by the SQL below. */
#define NAMES                                                                                                  \
    "INSERT INTO names(id, name) VALUES(0, ''), (1, 'session_start'), (2, 'language_chosen'),"                \
    " (3, 'module_opened'), (4, 'module_completed'), (5, 'slide_deepest'), (6, 'qr_shown'),"                  \
    " (7, 'session_length'), (8, 'ar'), (9, 'fr'), (10, 'get-help'), (11, 'quick_exit'), (12, 'ti'),"         \
    " (13, 'quiz_answer_right'), (14, 'quiz_answer_wrong');"

/* The HTML report written to root/file and read back (valid for tidy). */
static char *run_html(ReportDb *db, const ReportOptions *ro, const char *file)
{
    Err e;
    char *html = support_report_html(db, ro, root, file, &e);
    assert_int_equal(e, ERR_OK);
    assert_non_null(html);
    return html;
}

static char *run_csv(ReportDb *db, const ReportOptions *ro, ReportHidden *hid)
{
    Err e;
    char *csv = support_report_csv(db, ro, hid, &e);
    assert_int_equal(e, ERR_OK);
    assert_non_null(csv);
    return csv;
}

static int count_of(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

/* ---- escaping ---- */

static void test_html_esc_unit(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *o = open_memstream(&buf, &len);
    report_html_esc(o, "<a href='x'>\"&\x01\x7f\xff" "ok</a>");
    fclose(o);
    assert_string_equal(buf, "&lt;a href=&#39;x&#39;&gt;&quot;&amp;\xEF\xBF\xBDok&lt;/a&gt;");
    free(buf);
}

/* Hostile text in every field that reaches the HTML: kiosk id and label,
 * the export's days, language, module and metric names. None of it may
 * come out as markup, and tidy stays clean. */
static void test_html_hostile_fields(void **state)
{
    (void)state;
    ReportDb *db = make_db(
        "hostile.sqlite",
        "INSERT INTO names(id, name) VALUES(0, ''), (1, 'session_start'), (2, 'language_chosen'),"
        " (3, 'module_opened'), (4, '<script>alert(1)</script>'), (5, '\"><img src=x onerror=alert(2)>'),"
        " (6, 'qr_shown'), (7, 'end_card_shown');"
        "INSERT INTO kiosks(kid, kiosk_id, pubkey, label) VALUES(1, '<b>k</b>\"''', '',"
        " '</text><script>alert(3)</script><text>');"
        "INSERT INTO exports VALUES('<b>k</b>\"''', 1, 1, 'x', 1, '<script>alert(4)</script>',"
        " '<svg onload=alert(5)>', 0, 0);"
        "INSERT INTO counts VALUES(1, 1, 1, 20240105, 0, 0, -1, 40), (2, 1, 1, 20240105, 4, 0, -1, 30),"
        " (3, 1, 1, 20240105, 4, 5, -1, 25), (7, 1, 1, 20240105, 4, 5, -1, 12), (6, 1, 1, 20240105, 4, 0, 3, 11);");
    ReportOptions ro = {.min_count = 10, .title = "<title>T</title><script>alert(6)</script>"};
    char *html = run_html(db, &ro, "hostile.html");
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "<img"));
    assert_null(strstr(html, "<b>"));
    assert_null(strstr(html, "<svg onload"));
    assert_null(strstr(html, "</text><script"));
    assert_non_null(strstr(html, "&lt;script&gt;alert(3)"));
    assert_non_null(strstr(html, "&lt;script&gt;alert(1)"));
    assert_non_null(strstr(html, "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
    assert_non_null(strstr(html, "&lt;title&gt;T"));
    free(html);

    /* The CSV quotes and guards the same fields. */
    char *csv = run_csv(db, &(ReportOptions){.min_count = 1}, NULL);
    assert_non_null(strstr(csv, "\"<b>k</b>\"\"'\""));
    free(csv);
    report_close(db);
}

/* ---- CSV formula guard ---- */

static char *cell_of(const char *s, char sep)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *o = open_memstream(&buf, &len);
    report_csv_cell(o, s, sep);
    fclose(o);
    return buf;
}

static void test_csv_cell_guard(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"plain", "plain"},
        {"=1+1", "\"'=1+1\""},
        {"+1", "\"'+1\""},
        {"-1", "\"'-1\""},
        {"@SUM(A1)", "\"'@SUM(A1)\""},
        {"\t=cmd|' /C calc'!A0", "\"'\t=cmd|' /C calc'!A0\""},
        {" =1", "\"' =1\""},
        {"\r=1", "\"'\r=1\""},
        {"\n\n-2", "\"'\n\n-2\""},
        {"\x01=1", "\"'\x01=1\""},
        {"\tplain", "\"'\tplain\""},
        {"a,b", "\"a,b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"", ""},
        {"العربية", "العربية"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *c = cell_of(cases[i].in, ',');
        if (strcmp(c, cases[i].out) != 0)
            fail_msg("cell %zu: got [%s], want [%s]", i, c, cases[i].out);
        free(c);
    }
    char *c = cell_of("a;b", ';');
    assert_string_equal(c, "\"a;b\"");
    free(c);
    c = cell_of("a;b", ',');
    assert_string_equal(c, "a;b");
    free(c);
}

/* A kiosk label that tries a formula behind a tab reaches the CSV guarded,
 * and so does the DHIS2 file (guarded by the same writer). */
static void test_csv_label_formula(void **state)
{
    (void)state;
    ReportDb *db = make_db("formula.sqlite", NAMES
                           "INSERT INTO kiosks(kid, kiosk_id, pubkey, label) VALUES(1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '', '\t=HYPERLINK(\"x\")');"
                           "INSERT INTO counts VALUES(1, 1, 1, 20240105, 0, 0, -1, 40);");
    char *csv = run_csv(db, &(ReportOptions){.min_count = 10}, NULL);
    assert_non_null(strstr(csv, ",\"'\t=HYPERLINK(\"\"x\"\")\","));
    assert_null(strstr(csv, ",\t=HYPERLINK"));
    free(csv);
    report_close(db);
}

/* ---- UTF-8 ---- */

static void test_utf8_copy(void **state)
{
    (void)state;
    char out[8];
    /* Arabic letters are two bytes: a cut in the middle backs up. */
    assert_int_equal(report_utf8_copy(out, sizeof out, "العربية"), 1);
    assert_string_equal(out, "الع");
    /* Ethiopic letters are three bytes. */
    assert_int_equal(report_utf8_copy(out, sizeof out, "ትግርኛ"), 1);
    assert_string_equal(out, "ትግ");
    assert_int_equal(report_utf8_copy(out, sizeof out, "abc"), 0);
    assert_string_equal(out, "abc");
    assert_int_equal(report_utf8_copy(out, 5, "aትb"), 1);
    assert_string_equal(out, "aት");
}

/* Long Arabic and Ethiopic site names reach the HTML and the CSV whole. */
static void test_long_names_whole(void **state)
{
    (void)state;
    const char *ar = "محطة الحافلات الكبرى في المدينة القديمة قرب السوق المركزي ومكتب البريد الرئيسي";
    const char *ti = "ኣብ ማእከል ከተማ ዘሎ ዓቢ መዕርፎ ኣውቶቡሳት ጥቓ ዕዳጋን ቤት ጽሕፈት ፖስታን";
    char sql[4096];
    snprintf(sql, sizeof sql,
             NAMES "INSERT INTO kiosks(kid, kiosk_id, pubkey, label) VALUES(1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '', '%s'),"
                   " (2, 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', '', '%s');"
                   "INSERT INTO counts VALUES(1, 1, 1, 20240105, 0, 0, -1, 40), (1, 2, 1, 20240105, 0, 0, -1, 50);",
             ar, ti);
    assert_true(strlen(ar) > 64 && strlen(ti) > 64);
    ReportDb *db = make_db("utf8.sqlite", sql);
    char *html = run_html(db, &(ReportOptions){.min_count = 10}, "utf8.html");
    assert_non_null(strstr(html, ar));
    assert_non_null(strstr(html, ti));
    assert_null(strstr(html, "\xEF\xBF\xBD")); /* no replacement character: nothing cut */
    free(html);
    char *csv = run_csv(db, &(ReportOptions){.min_count = 10}, NULL);
    assert_non_null(strstr(csv, ar));
    assert_non_null(strstr(csv, ti));
    free(csv);
    report_close(db);
}

/* ---- DHIS2 ---- */

static void write_file(const char *name, const char *text, char *path_out)
{
    snprintf(path_out, PATH_MAX, "%s/%s", root, name);
    assert_int_equal(fileio_write_atomic(path_out, text, strlen(text), 0644), ERR_OK);
}

static Err dhis2(ReportDb *db, const char *map, int64_t min, char **out, char **err)
{
    return support_report_dhis2(db, map, &(ReportOptions){.min_count = min}, out, err);
}

#define GOOD_MAP                                                                                               \
    "period,monthly\n"                                                                                         \
    "orgunit,*,OuOther0001\n"                                                                                  \
    "element,session_start,*,*,*,DeSessions1,,\n"                                                              \
    "element,language_chosen,ar,*,*,DeLanguage1,CocArabic01,\n"                                                \
    "element,language_chosen,fr,*,*,DeLanguage1,CocFrench01,\n"

/* An empty database (no kiosk, no counter) gives a header and nothing
 * else: no qsort of a NULL array (make asan aborts on that). */
static void test_dhis2_empty_db(void **state)
{
    (void)state;
    ReportDb *db = make_db("empty.sqlite", NULL);
    char map[PATH_MAX];
    write_file("map.csv", GOOD_MAP, map);
    char *out, *err;
    assert_int_equal(dhis2(db, map, 10, &out, &err), ERR_OK);
    assert_string_equal(out, "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,"
                             "comment,followup\r\n");
    free(out);
    free(err);
    /* and the other outputs on the same empty database */
    char *csv = run_csv(db, &(ReportOptions){.min_count = 10}, NULL);
    assert_non_null(strstr(csv, "kiosk_id,"));
    free(csv);
    char *html = run_html(db, &(ReportOptions){.min_count = 10}, "empty.html");
    free(html);
    report_close(db);
}

/* sort_items(): an empty or NULL array is never handed to qsort (undefined
 * behaviour, and what an empty campaign database gives every writer), one
 * item is left alone, and more are sorted as qsort would. */
static int sort_calls;
static int int_cmp_counted(const void *a, const void *b)
{
    sort_calls++;
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void test_sort_items(void **state)
{
    (void)state;
    sort_calls = 0;
    sort_items(NULL, 0, sizeof(int), int_cmp_counted);
    int one[1] = {7};
    sort_items(one, 1, sizeof one[0], int_cmp_counted);
    assert_int_equal(sort_calls, 0);
    assert_int_equal(one[0], 7);
    int v[5] = {4, -1, 9, 0, 4};
    sort_items(v, 5, sizeof v[0], int_cmp_counted);
    assert_true(sort_calls > 0);
    static const int want[5] = {-1, 0, 4, 4, 9};
    assert_memory_equal(v, want, sizeof v);
}

/* Map mistakes are errors with the line, not an empty file. */
static void test_dhis2_map_validation(void **state)
{
    (void)state;
    ReportDb *db = make_db("map.sqlite", NAMES "INSERT INTO kiosks(kid, kiosk_id, pubkey, label) VALUES(1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '', 'A');"
                                              "INSERT INTO counts VALUES(1, 1, 1, 20240105, 0, 0, -1, 40);");
    static const struct {
        const char *map, *why;
    } bad[] = {
        {"orgunit,*,OuOther0001\nelement,sesion_start,*,*,*,DeSessions1,,\n", "record 2: unknown metric"},
        {"orgunit,*,OuOther001\nelement,session_start,*,*,*,DeSessions1,,\n", "record 1: an org unit UID"},
        {"orgunit,*,OuOther0001\nelement,session_start,*,*,*,DE_SESSIONS,,\n", "record 2: a data element UID"},
        {"orgunit,*,OuOther0001\nelement,session_start,*,*,*,DeSessions1,COC,\n", "record 2: a category option"},
        {"orgunit,*,OuOther0001\nelement,session_start,*,*,*,DeSessions1,,1nvalid0001\n", "attribute option"},
        {"orgunit,*,OuOther0001\nelement,language_chosen,arb,*,*,DeSessions1,,\n", "unknown language"},
        {"orgunit,*,OuOther0001\nelement,session_start,*,*,x,DeSessions1,,\n", "an item is a number"},
        {"orgunit,*,OuOther0001\nelement,qr_shown,*,*,contact:Helpline,DeHelpline1,,\n", "record 2: an item is a"},
        {"orgunit,*,OuOther0001\nelement,qr_shown,*,*,contact:,DeHelpline1,,\n", "record 2: an item is a"},
        {"orgunit,*,OuOther0001\nelement,qr_shown,*,*,contact helpline,DeHelpline1,,\n", "record 2: an item is a"},
        {"orgunit,*,OuOther0001\nelement,qr_shown,*,*,contacts:helpline,DeHelpline1,,\n", "record 2: an item is a"},
        {"orgunit,*,OuOther0001\nelement,session_start,*,*,contact:helpline,DeHelpline1,,\n",
         "record 2: contact:ID is an item of metric qr_shown only"},
        {"orgunit,*,OuOther0001\norgunit,*,OuOther0002\nelement,session_start,*,*,*,DeSessions1,,\n",
         "already has an org unit"},
        {"orgunit,zz,OuOther0001\nelement,session_start,*,*,*,DeSessions1,,\n", "a kiosk id is 32"},
        {"orgunit,*,OuOther0001\n", "no element line"},
        {"element,session_start,*,*,*,DeSessions1,,\n", "no orgunit line"},
        {"orgunit,*,OuOther0001\nelement,session_start,*,*,*,DeSessions1,,\nelement,session_start,*,*,*,"
         "DeSessions1,,\n",
         "given twice"},
        {"period,yearly\norgunit,*,OuOther0001\nelement,session_start,*,*,*,DeSessions1,,\n", "period must be"},
    };
    char map[PATH_MAX];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        write_file("bad.csv", bad[i].map, map);
        char *out, *err;
        assert_int_equal(dhis2(db, map, 10, &out, &err), ERR_FORMAT);
        if (!strstr(err, bad[i].why))
            fail_msg("map %zu: [%s] lacks [%s]", i, err, bad[i].why);
        assert_string_equal(out, "");
        free(out);
        free(err);
    }
    /* A good map: empty option combos become DHIS2's default. */
    write_file("good.csv", GOOD_MAP, map);
    char *out, *err;
    assert_int_equal(dhis2(db, map, 10, &out, &err), ERR_OK);
    assert_non_null(strstr(out, "\r\nDeSessions1,202401,OuOther0001,HllvX50cXC0,HllvX50cXC0,40,"));
    free(out);
    free(err);
    report_close(db);
}

/* Issue 12 point 1: qr_shown counts a contact by its index in each
 * kiosk's contacts.yaml, and index 0 is the help line at kiosk A but the
 * anti-trafficking line at kiosk B (which puts the help line at 1).
 * "contact:helpline" sums the help line's counts of both kiosks by their
 * own lists (on A's change day, the newest list); kiosk C sent no list,
 * so its counter is said, not guessed;
 * an index line still works but is warned about. */
static void test_dhis2_contact_items(void **state)
{
    (void)state;
    ReportDb *db = make_db(
        "contact.sqlite",
        NAMES "INSERT INTO kiosks(kid, kiosk_id, pubkey, label) VALUES(1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '', 'A'),"
              " (2, 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', '', 'B'), (3, 'cccccccccccccccccccccccccccccccc', '', 'C');"
              "INSERT INTO contacts VALUES('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 20240101, 20240131, 0, 'helpline', 'H'),"
              " ('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 20240101, 20240131, 1, 'trafficking-line', 'T'),"
              " ('bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 20240101, 20240131, 0, 'trafficking-line', 'T'),"
              " ('bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 20240101, 20240131, 1, 'helpline', 'H'),"
              /* A installs a pack on the 31st: both lists meet that day, the newest counts */
              " ('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 20240131, 20240229, 0, 'women-line', 'W');"
              /* qr_shown (6): A 11 x idx 0, 5 x idx 1, then 50 x idx 0 on the 31st;
               * B 7 x idx 0, 3 x idx 1; C 100 x idx 0 */
              "INSERT INTO counts VALUES(6, 1, 1, 20240105, 8, 10, 0, 11), (6, 1, 1, 20240105, 8, 10, 1, 5),"
              " (6, 1, 1, 20240131, 8, 10, 0, 50),"
              " (6, 2, 1, 20240106, 8, 10, 0, 7), (6, 2, 1, 20240106, 8, 10, 1, 3),"
              " (6, 3, 1, 20240107, 8, 10, 0, 100);");
    char map[PATH_MAX];
    write_file("contact.csv",
               "orgunit,*,OuOther0001\n"
               "element,qr_shown,*,*,contact:helpline,DeHelpline1,,\n"
               "element,qr_shown,*,*,contact:trafficking-line,DeTraffick1,,\n"
               "element,qr_shown,*,*,contact:women-line,DeWomenLin1,,\n",
               map);
    char *out, *err;
    assert_int_equal(dhis2(db, map, 1, &out, &err), ERR_OK);
    /* helpline: A's 11 at index 0 + B's 3 at index 1; by index it would be 11 + 7 (+ C's 100) */
    assert_non_null(strstr(out, "\r\nDeHelpline1,202401,OuOther0001,HllvX50cXC0,HllvX50cXC0,14,"));
    assert_non_null(strstr(out, "\r\nDeTraffick1,202401,OuOther0001,HllvX50cXC0,HllvX50cXC0,12,"));
    assert_non_null(strstr(out, "\r\nDeWomenLin1,202401,OuOther0001,HllvX50cXC0,HllvX50cXC0,50,"));
    assert_non_null(strstr(err, "WARNING: 1 counters could not be matched by contact id"));
    assert_null(strstr(err, "qr_shown by index"));
    free(out);
    free(err);
    /* the old way: index 0 mixes services (and C's count), with a warning */
    write_file("index.csv", "orgunit,*,OuOther0001\nelement,qr_shown,*,*,0,DeHelpline1,,\n", map);
    assert_int_equal(dhis2(db, map, 1, &out, &err), ERR_OK);
    assert_non_null(strstr(out, "\r\nDeHelpline1,202401,OuOther0001,HllvX50cXC0,HllvX50cXC0,168,"));
    assert_non_null(strstr(err, "record 2: qr_shown by index"));
    assert_non_null(strstr(err, "contact:ID"));
    assert_null(strstr(err, "could not be matched by contact id"));
    free(out);
    free(err);
    report_close(db);
}

/* Suppression that leaves DHIS2 totals low is said on stderr. */
static void test_dhis2_low_totals(void **state)
{
    (void)state;
    /* Two kiosks, one org unit each: 3 and 40 sessions; the 3 is left out
     * and so is its complement (DHIS2 adds both into the parent). */
    ReportDb *db = make_db("low.sqlite", NAMES
                           "INSERT INTO kiosks(kid, kiosk_id, pubkey, label) VALUES(1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '', 'A'),"
                           " (2, 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', '', 'B');"
                           "INSERT INTO counts VALUES(1, 1, 1, 20240105, 0, 0, -1, 3), (1, 2, 1, 20240105, 0, 0, -1, 40);");
    char map[PATH_MAX];
    write_file("low.csv",
               "orgunit,aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,OuKioskA001\norgunit,bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb,OuKioskB001\n"
               "element,session_start,*,*,*,DeSessions1,,\n",
               map);
    char *out, *err;
    assert_int_equal(dhis2(db, map, 10, &out, &err), ERR_OK);
    assert_non_null(strstr(err, "WARNING: data element DeSessions1"));
    assert_non_null(strstr(err, "too low"));
    free(out);
    free(err);
    assert_int_equal(dhis2(db, map, 1, &out, &err), ERR_OK);
    assert_null(strstr(err, "WARNING"));
    free(out);
    free(err);
    report_close(db);
}

/* The metadata package is JSON DHIS2 can import: every data element of the
 * map, a category combo for the disaggregated one with the map's option
 * combo UIDs, and a data set with the map's period and org units. */
static void test_dhis2_metadata(void **state)
{
    (void)state;
    char map[PATH_MAX];
    write_file("meta.csv", GOOD_MAP, map);
    char *out = NULL, *err = NULL;
    size_t l1, l2;
    FILE *o = open_memstream(&out, &l1), *e = open_memstream(&err, &l2);
    assert_int_equal(report_write_dhis2_metadata(map, o, e), ERR_OK);
    fclose(o);
    fclose(e);
    json_object *j = json_tokener_parse(out);
    assert_non_null(j);
    json_object *des, *dss, *cocs, *ccs;
    assert_true(json_object_object_get_ex(j, "dataElements", &des));
    assert_int_equal(json_object_array_length(des), 2);
    assert_true(json_object_object_get_ex(j, "categoryOptionCombos", &cocs));
    assert_int_equal(json_object_array_length(cocs), 2);
    assert_true(json_object_object_get_ex(j, "categoryCombos", &ccs));
    assert_int_equal(json_object_array_length(ccs), 1);
    assert_true(json_object_object_get_ex(j, "dataSets", &dss));
    json_object *ds = json_object_array_get_idx(dss, 0), *pt, *dse, *ous;
    assert_true(json_object_object_get_ex(ds, "periodType", &pt));
    assert_string_equal(json_object_get_string(pt), "Monthly");
    assert_true(json_object_object_get_ex(ds, "dataSetElements", &dse));
    assert_int_equal(json_object_array_length(dse), 2);
    assert_true(json_object_object_get_ex(ds, "organisationUnits", &ous));
    assert_int_equal(json_object_array_length(ous), 1);
    assert_non_null(strstr(out, "\"CocArabic01\""));
    assert_non_null(strstr(out, "\"bjDvmb4bfuf\"")); /* default category combo for DeSessions1 */
    json_object_put(j);
    free(out);
    free(err);
    /* contact:ID items only name things: the UIDs come from the map's
     * data element and option combo UIDs, so a help contact data element
     * disaggregated by contact id imports as any other. */
    write_file("meta-contact.csv",
               "orgunit,*,OuOther0001\n"
               "element,qr_shown,*,*,contact:helpline,DeHelpQr001,CocHelpLine,\n"
               "element,qr_shown,*,*,contact:trafficking-line,DeHelpQr001,CocTraffick,\n",
               map);
    o = open_memstream(&out, &l1);
    e = open_memstream(&err, &l2);
    assert_int_equal(report_write_dhis2_metadata(map, o, e), ERR_OK);
    fclose(o);
    fclose(e);
    assert_non_null(j = json_tokener_parse(out));
    assert_true(json_object_object_get_ex(j, "dataElements", &des));
    assert_int_equal(json_object_array_length(des), 1);
    assert_true(json_object_object_get_ex(j, "categoryOptionCombos", &cocs));
    assert_int_equal(json_object_array_length(cocs), 2);
    assert_non_null(strstr(out, "\"name\":\"qr_shown item contact:helpline\""));
    assert_non_null(strstr(out, "\"id\":\"CocTraffick\""));
    json_object_put(j);
    free(out);
    free(err);
}

/* ---- HTML: language, first page, charts ---- */

#define TWO_WEEKS                                                                                              \
    NAMES "INSERT INTO kiosks(kid, kiosk_id, pubkey, label) VALUES(1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '', 'Busy station'),"              \
          " (2, 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', '', 'Quiet post');"                                          \
          "INSERT INTO exports VALUES('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 1, 1, 'x', 1, '2024-01-01', '2024-01-14', 0, 0);"

static ReportDb *two_kiosks(const char *name, int quiet_per_day)
{
    char sql[16384];
    size_t n = (size_t)snprintf(sql, sizeof sql, "%s", TWO_WEEKS);
    for (int d = 1; d <= 14; d++) {
        n += (size_t)snprintf(sql + n, sizeof sql - n,
                              "INSERT INTO counts VALUES(1, 1, 1, %d, 0, 0, -1, %d);", 20240100 + d, 40 + d);
        if (d % 2 == 0)
            n += (size_t)snprintf(sql + n, sizeof sql - n,
                                  "INSERT INTO counts VALUES(1, 2, 1, %d, 0, 0, -1, %d);", 20240100 + d, quiet_per_day);
    }
    n += (size_t)snprintf(sql + n, sizeof sql - n,
                          "INSERT INTO counts VALUES(2, 1, 1, 20240102, 8, 0, -1, 300), (2, 1, 1, 20240102, 9, 0, -1, 200),"
                          " (2, 1, 1, 20240103, 12, 0, -1, 100),"
                          " (3, 1, 1, 20240102, 8, 10, -1, 200), (4, 1, 1, 20240102, 8, 10, -1, 120),"
                          " (5, 1, 1, 20240102, 8, 10, 0, 30), (5, 1, 1, 20240102, 8, 10, 1, 8),"
                          " (5, 1, 1, 20240102, 8, 10, 2, 40), (5, 1, 1, 20240102, 8, 10, 3, 122),"
                          " (6, 1, 1, 20240102, 8, 0, 1, 55), (7, 1, 1, 20240102, 0, 0, 2, 70),"
                          " (7, 1, 1, 20240102, 0, 0, 0, 20),"
                          " (13, 1, 1, 20240102, 8, 10, 0, 90), (14, 1, 1, 20240102, 8, 10, 0, 30);");
    return make_db(name, sql);
}

static void test_html_translated(void **state)
{
    (void)state;
    ReportDb *db = two_kiosks("lang.sqlite", 30);
    ReportOptions ro = {.min_count = 10, .generated = 1700000000, .period = REPORT_PERIOD_AUTO};
    static const struct {
        const char *lang, *head, *text;
    } cases[] = {
        {"en", "<html lang=\"en\" dir=\"ltr\">", "Privacy"},
        {"fr", "<html lang=\"fr\" dir=\"ltr\">", "Confidentialité"},
        {"ar", "<html lang=\"ar\" dir=\"rtl\">", "الخصوصية"},
    };
    for (size_t i = 0; i < 3; i++) {
        report_lang_set(cases[i].lang, NULL);
        char *html = run_html(db, &ro, "lang.html");
        if (!strstr(html, cases[i].head) || !strstr(html, cases[i].text))
            fail_msg("%s: lang/dir or translation missing", cases[i].lang);
        /* Human names: the language in its own script. */
        assert_non_null(strstr(html, "العربية"));
        free(html);
    }
    report_lang_set("en", NULL);
    report_close(db);
}

static void test_html_first_page_and_structure(void **state)
{
    (void)state;
    ReportDb *db = two_kiosks("first.sqlite", 30);
    ReportOptions ro = {.min_count = 10, .generated = 1700000000, .period = REPORT_PERIOD_AUTO};
    char *html = run_html(db, &ro, "first.html");
    /* first page: generation date, period, method, privacy */
    const char *cover_end = strstr(html, "</section>");
    assert_non_null(cover_end);
    const char *gen = strstr(html, "2023-11-14");
    assert_true(gen && gen < cover_end);
    const char *period = strstr(html, "2024-01-01 &#8211; 2024-01-14");
    assert_true(period && period < cover_end);
    const char *method = strstr(html, ">Method<"), *privacy = strstr(html, ">Privacy<");
    assert_true(method && method < cover_end && privacy && privacy < cover_end);
    assert_non_null(strstr(html, "<meta name=\"viewport\""));
    assert_non_null(strstr(html, "@page{size:A4"));
    /* every id is unique */
    const char *p = html;
    char ids[64][16];
    int nid = 0;
    while ((p = strstr(p, " id=\"")) && nid < 64) {
        p += 5;
        size_t l = strcspn(p, "\"");
        assert_true(l < 16);
        snprintf(ids[nid], sizeof ids[nid], "%.*s", (int)l, p);
        for (int i = 0; i < nid; i++)
            if (strcmp(ids[i], ids[nid]) == 0)
                fail_msg("duplicate id %s", ids[nid]);
        nid++;
    }
    assert_true(nid >= 5);
    /* a data table after every chart: as many tables as charts at least */
    assert_true(count_of(html, "<table") >= count_of(html, "<svg"));
    /* all four session lengths, with their labels, the empty one too */
    assert_non_null(strstr(html, ">under 1 minute<"));
    assert_non_null(strstr(html, ">1 to 3 minutes<"));
    assert_non_null(strstr(html, ">3 to 10 minutes<"));
    assert_non_null(strstr(html, ">10 minutes or more<"));
    /* module funnel: opened 200 -> slides 200, 170, 162, 122 -> completed 120;
     * slide 3 (162) is left out: its drop from 170 is 8, below 10; slide 4
     * (122) too: it is 2 from the end (120) */
    assert_non_null(strstr(html, "slide 1</th><td class=\"n\">200<"));
    assert_non_null(strstr(html, "slide 2</th><td class=\"n\">170<"));
    assert_non_null(strstr(html, "slide 3</th><td class=\"n\">-<"));
    assert_non_null(strstr(html, "slide 4</th><td class=\"n\">-<"));
    assert_non_null(strstr(html, "E: reached the end</th><td class=\"n\">120<"));
    /* quiz shares on their own 0-100% scale */
    assert_non_null(strstr(html, ">100%</text>"));
    assert_non_null(strstr(html, ">75%</text>"));
    /* value axes and dates on the time chart */
    assert_non_null(strstr(html, "text-anchor=\"end\">0</text>"));
    assert_non_null(strstr(html, "Sessions are grouped by day."));
    assert_non_null(strstr(html, ">2024-01-01</text>"));
    assert_non_null(strstr(html, ">2024-01-14</text>"));
    /* kiosk strips on one shared scale, with numbers */
    assert_non_null(strstr(html, "Every strip uses the same scale"));
    assert_non_null(strstr(html, "total 665"));
    free(html);
    report_close(db);
}

/* A quiet kiosk with 3 sessions every other day, next to a busy one: by
 * day, its small days are hidden, and their complements must not be the
 * busy kiosk's days; by default it is set aside and shown by its total. */
static void test_small_kiosk_spares_busy(void **state)
{
    (void)state;
    ReportDb *db = two_kiosks("spare.sqlite", 3);
    ReportOptions day = {.min_count = 10, .period = REPORT_PERIOD_DAY};
    char *html = run_html(db, &day, "spare.html");
    /* Busy station's row in the kiosk x period table: all 14 days shown */
    const char *row = strstr(html, "<tr><th scope=\"row\">Busy station");
    assert_non_null(row);
    const char *end = strstr(row, "</tr>");
    for (int d = 1; d <= 14; d++) {
        char want[64];
        snprintf(want, sizeof want, "<td class=\"n\">%d</td>", 40 + d);
        const char *f = strstr(row, want);
        if (!f || f > end)
            fail_msg("busy day %d hidden", d);
    }
    free(html);
    /* AUTO: the quiet kiosk is small in every period, so it is set aside
     * (shown by its total only) and the rest is shown by day, nothing
     * hidden: neither the busy kiosk's days nor the all-kiosk totals. */
    ReportOptions autop = {.min_count = 10, .period = REPORT_PERIOD_AUTO};
    html = run_html(db, &autop, "spare2.html");
    assert_non_null(strstr(html, "Sessions are grouped by day."));
    assert_non_null(strstr(html, "Kiosks with too few sessions to show by day, counted only in the kiosk table "
                                 "below: Quiet post (bbbbbbbb)."));
    assert_null(strstr(html, "<tr><th scope=\"row\">Quiet post (bbbbbbbb)</th><td class=\"n\">"));
    assert_non_null(strstr(html, "<tr><th scope=\"row\">Quiet post (bbbbbbbb)</th><td>0</td><td class=\"n\">21<"));
    assert_non_null(strstr(html, "All kiosks</th><td>1</td><td class=\"n\">686<"));
    assert_non_null(strstr(html, "Kiosks shown by period</th><td class=\"n\">41</td>"));
    assert_null(strstr(html, "url(#h1)")); /* the time chart has no hatched bar */
    free(html);
    report_close(db);
}

/* A set-aside kiosk whose total is below the threshold: its total is
 * hidden, and so is the all-kiosk total (it would give it back), while the
 * total of the kiosks shown by period stays. */
static void test_aside_small_total(void **state)
{
    (void)state;
    ReportDb *db = two_kiosks("aside.sqlite", 1);
    char *html = run_html(db, &(ReportOptions){.min_count = 10, .period = REPORT_PERIOD_AUTO}, "aside.html");
    assert_non_null(strstr(html, "Quiet post (bbbbbbbb)</th><td>0</td><td class=\"n\">&lt;10<"));
    assert_non_null(strstr(html, "All kiosks</th><td>1</td><td class=\"n\">&lt;10<"));
    assert_non_null(strstr(html, "Kiosks shown by period</th><td class=\"n\">41</td>"));
    free(html);
    report_close(db);
}

/* Site groups: two quiet kiosks (3 sessions every other day, each set
 * aside on its own) shown together as one group row, counted before
 * anything is hidden: by day the group is still small, by week 18 and 24
 * sessions, so it is shown by week and no longer set aside. A bad groups
 * file is an error. */
static void test_site_groups(void **state)
{
    (void)state;
    char sql[16384];
    size_t n = (size_t)snprintf(sql, sizeof sql, "%s", TWO_WEEKS);
    n += (size_t)snprintf(sql + n, sizeof sql - n,
                          "INSERT INTO kiosks(kid, kiosk_id, pubkey, label) VALUES(3, 'cccccccccccccccccccccccccccccccc', '', 'Quiet too');");
    for (int d = 1; d <= 14; d++) {
        n += (size_t)snprintf(sql + n, sizeof sql - n, "INSERT INTO counts VALUES(1, 1, 1, %d, 0, 0, -1, %d);",
                              20240100 + d, 40 + d);
        if (d % 2 == 0)
            n += (size_t)snprintf(sql + n, sizeof sql - n,
                                  "INSERT INTO counts VALUES(1, 2, 1, %d, 0, 0, -1, 3), (1, 3, 1, %d, 0, 0, -1, 3);",
                                  20240100 + d, 20240100 + d);
    }
    ReportDb *db = make_db("groups.sqlite", sql);
    char groups[PATH_MAX];
    write_file("groups.csv",
               "# kiosk id, site group\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb,Villages of the north\n"
               "cccccccccccccccccccccccccccccccc,Villages of the north\n",
               groups);
    ReportOptions ro = {.min_count = 10, .period = REPORT_PERIOD_WEEK, .groups = groups};
    char *html = run_html(db, &ro, "groups.html");
    assert_null(strstr(html, "Quiet post"));
    assert_null(strstr(html, "Quiet too"));
    /* the group's row in the kiosks x weeks table: 18 (days 2, 4, 6: 3 x 2
     * kiosks) and 24 (days 8 to 14), total 42 */
    const char *row = strstr(html, "<tr><th scope=\"row\">Villages of the north</th><td class=\"n\">");
    assert_non_null(row);
    assert_true(strstr(row, ">18</td>") < strstr(row, "</tr>"));
    assert_true(strstr(row, ">24</td>") < strstr(row, "</tr>"));
    assert_true(strstr(row, ">42</td>") < strstr(row, "</tr>"));
    assert_null(strstr(html, "too few sessions to show by"));
    free(html);
    write_file("badgroups.csv", "bbbb,Short id\n", groups);
    FILE *o = fopen("/dev/null", "w");
    assert_int_equal(report_write_html(db, &ro, o), ERR_FORMAT);
    fclose(o);
    report_close(db);
}

static void test_suppress_pref_classes(void **state)
{
    (void)state;
    /* 2 x 2 body with margins: kiosk 0 busy (50, 60), kiosk 1 small (3, 0). */
    int64_t v[9] = {50, 60, 0, 3, 0, 0, 0, 0, 0};
    unsigned char sup[9], cls[9] = {3, 3, 3, 0, 0, 0, 1, 1, 2};
    assert_int_equal(report_suppress_grid_pref(v, sup, 2, 2, 10, cls), ERR_OK);
    assert_int_equal(sup[0] + sup[1], 0); /* the busy kiosk keeps both cells */
    assert_int_equal(sup[3], 1);
    /* no row or column with a lone hidden cell */
    for (int r = 0; r < 3; r++)
        assert_int_not_equal(sup[r * 3] + sup[r * 3 + 1] + sup[r * 3 + 2], 1);
    for (int c = 0; c < 3; c++)
        assert_int_not_equal(sup[c] + sup[3 + c] + sup[6 + c], 1);
    /* without classes the old rule hides a busy cell */
    unsigned char sup2[9];
    assert_int_equal(report_suppress_grid(v, sup2, 2, 2, 10), ERR_OK);
    assert_int_equal(sup2[0] + sup2[1], 1);
}

/* ---- CSV: period, separator, names, codebook, progress ---- */

static void test_csv_period_sep_names(void **state)
{
    (void)state;
    ReportDb *db = two_kiosks("csvp.sqlite", 3);
    ReportHidden day, week;
    char *a = run_csv(db, &(ReportOptions){.min_count = 10, .period = REPORT_PERIOD_DAY}, &day);
    char *b = run_csv(db, &(ReportOptions){.min_count = 10, .period = REPORT_PERIOD_WEEK, .sep = ';'}, &week);
    assert_non_null(strstr(a, "kiosk_id,kiosk_label,epoch,day,metric,lang,module,item,value,suppressed,lang_name,"
                              "module_title,item_label\r\n"));
    assert_non_null(strstr(b, "kiosk_id;kiosk_label;epoch;week;metric;lang;module;item;value;suppressed;lang_name;"
                              "module_title;item_label\r\n"));
    assert_non_null(strstr(b, ";2024-W01;session_start;"));
    /* grouping first hides fewer values */
    assert_true(day.primary > 0);
    assert_true(week.primary + week.complement < day.primary + day.complement);
    assert_int_equal(week.period, REPORT_PERIOD_WEEK);
    /* AUTO: by day more than a quarter of the values are hidden (all the
     * quiet kiosk's days), by week at most a quarter */
    ReportHidden au;
    char *c = run_csv(db, &(ReportOptions){.min_count = 10, .period = REPORT_PERIOD_AUTO}, &au);
    assert_int_equal(au.period, REPORT_PERIOD_WEEK);
    assert_non_null(strstr(c, ",week,metric,"));
    free(c);
    /* human names beside the ids */
    assert_non_null(strstr(b, ";ar;;;300;0;العربية (Arabic);;"));
    assert_non_null(strstr(b, ";3 to 10 minutes\r\n"));
    /* a kiosk that sent no contact list: named by number, and said so */
    assert_non_null(strstr(b, ";contact #2 (the kiosk sent no contact list)\r\n"));
    free(a);
    free(b);
    report_close(db);
}

static void test_codebook_covers_columns(void **state)
{
    (void)state;
    ReportDb *db = two_kiosks("cb.sqlite", 30);
    char *csv = run_csv(db, &(ReportOptions){.min_count = 10}, NULL);
    char *cb = NULL;
    size_t len = 0;
    FILE *o = open_memstream(&cb, &len);
    assert_int_equal(report_write_codebook(db, &(ReportOptions){.min_count = 10}, o), ERR_OK);
    fclose(o);
    /* every column of the CSV header */
    char head[512];
    snprintf(head, sizeof head, "%.*s", (int)strcspn(csv + 3, "\r"), csv + 3);
    for (char *t = strtok(head, ","); t; t = strtok(NULL, ",")) {
        char want[64];
        snprintf(want, sizeof want, "\n%s,,", t);
        if (!strstr(cb, want))
            fail_msg("codebook lacks column %s", t);
    }
    /* every metric, language, the module seen, every length bucket */
    for (const char *const *m = stats_metric_all(); *m; m++) {
        char want[64];
        snprintf(want, sizeof want, "\nmetric,%s,", *m);
        if (!strstr(cb, want))
            fail_msg("codebook lacks metric %s", *m);
    }
    assert_non_null(strstr(cb, "\nlang,ti,ትግርኛ (Tigrinya)\r\n"));
    assert_non_null(strstr(cb, "\nmodule,get-help,"));
    assert_non_null(strstr(cb, "\nitem (session_length),3,10 minutes or more\r\n"));
    free(cb);
    free(csv);
    report_close(db);
}

/* Module titles and help contact ids and names come from the content. */
static void test_names_from_content(void **state)
{
    (void)state;
    const char *troot = getenv("TAAMA_ROOT");
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s/content", troot && *troot ? troot : ".");
    Err why;
    Content *c = content_load(dir, &why);
    assert_non_null(c);
    ReportDb *db = two_kiosks("names.sqlite", 30);
    ReportOptions ro = {.min_count = 10, .content = c};
    char *html = run_html(db, &ro, "names.html");
    assert_non_null(strstr(html, ">Where to get help<"));
    /* qr_shown item 1 = the second contact of contacts.yaml */
    assert_non_null(strstr(html, "trafficking-line: DEMO anti-trafficking line"));
    free(html);
    char *csv = run_csv(db, &ro, NULL);
    assert_non_null(strstr(csv, ",get-help,,200,0,العربية (Arabic),Where to get help,"));
    assert_non_null(strstr(csv, ",trafficking-line: DEMO anti-trafficking line"));
    free(csv);
    report_close(db);
    content_free(c);
}

static void test_progress(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *o = open_memstream(&buf, &len);
    ReportProgress p;
    report_progress_start(&p, o, "csv", 2000, 1);
    for (uint64_t i = 1; i <= 2000; i++)
        report_progress_step(&p, i);
    report_progress_done(&p);
    fclose(o);
    assert_non_null(strstr(buf, "\rcsv 2000/2000\n"));
    assert_non_null(strstr(buf, "\rcsv 2/2000"));
    assert_true(count_of(buf, "\r") <= 1001);
    free(buf);
    /* not a terminal, not forced: nothing */
    buf = NULL;
    o = open_memstream(&buf, &len);
    report_progress_start(&p, o, "csv", 10, 0);
    report_progress_step(&p, 5);
    report_progress_done(&p);
    fclose(o);
    assert_string_equal(buf, "");
    free(buf);
}

/* ---- command line ---- */

static int cli(char **err_out, int argc, ...)
{
    char *argv[16];
    va_list ap;
    va_start(ap, argc);
    for (int i = 0; i < argc; i++)
        argv[i] = va_arg(ap, char *);
    va_end(ap);
    char *obuf = NULL, *ebuf = NULL;
    size_t l1, l2;
    FILE *o = open_memstream(&obuf, &l1), *e = open_memstream(&ebuf, &l2);
    int rc = report_cli_main(argc, argv, o, e);
    fclose(o);
    fclose(e);
    free(obuf);
    *err_out = ebuf;
    return rc;
}

static void test_cli_min_loud(void **state)
{
    (void)state;
    ReportDb *db = two_kiosks("cli.sqlite", 3);
    report_close(db);
    char dbp[PATH_MAX], out[PATH_MAX];
    snprintf(dbp, sizeof dbp, "%s/cli.sqlite", root);
    snprintf(out, sizeof out, "%s/cli.html", root);
    char *err;
    /* html never runs unsuppressed */
    assert_int_equal(cli(&err, 7, "taama-report", "html", "--db", dbp, "-o", out, "--min"), 2);
    free(err);
    assert_int_equal(cli(&err, 8, "taama-report", "html", "--db", dbp, "-o", out, "--min", "0"), 2);
    assert_non_null(strstr(err, "always hides small counts"));
    free(err);
    /* below 10: a warning on stderr and on the first page */
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    assert_int_equal(cli(&err, 8, "taama-report", "html", "--db", dbp, "-o", out, "--min", "5"), 0);
    assert_non_null(strstr(err, "WARNING: --min 5 is below the recommended threshold of 10"));
    free(err);
    char *html;
    size_t len;
    assert_int_equal(fileio_read_all(out, 1 << 24, &html, &len), ERR_OK);
    assert_non_null(strstr(html, "<p class=\"warn\">"));
    assert_non_null(strstr(html, "2023-11-14")); /* from SOURCE_DATE_EPOCH */
    free(html);
    /* the default threshold: no warning */
    assert_int_equal(cli(&err, 6, "taama-report", "html", "--db", dbp, "-o", out), 0);
    assert_null(strstr(err, "WARNING"));
    free(err);
    assert_int_equal(fileio_read_all(out, 1 << 24, &html, &len), ERR_OK);
    assert_null(strstr(html, "<p class=\"warn\">"));
    free(html);
    /* --sep takes only , or ; and --period only its four words */
    assert_int_equal(cli(&err, 6, "taama-report", "csv", "--db", dbp, "--sep", "|"), 2);
    free(err);
    assert_int_equal(cli(&err, 6, "taama-report", "csv", "--db", dbp, "--period", "year"), 2);
    free(err);
    /* csv says what it hid, and by which period */
    snprintf(out, sizeof out, "%s/cli.csv", root);
    assert_int_equal(cli(&err, 6, "taama-report", "csv", "--db", dbp, "-o", out), 0);
    assert_non_null(strstr(err, "csv: by week; "));
    free(err);
    unsetenv("SOURCE_DATE_EPOCH");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_esc_unit),
        cmocka_unit_test_setup_teardown(test_html_hostile_fields, setup, teardown),
        cmocka_unit_test(test_csv_cell_guard),
        cmocka_unit_test_setup_teardown(test_csv_label_formula, setup, teardown),
        cmocka_unit_test(test_utf8_copy),
        cmocka_unit_test_setup_teardown(test_long_names_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dhis2_empty_db, setup, teardown),
        cmocka_unit_test(test_sort_items),
        cmocka_unit_test_setup_teardown(test_dhis2_map_validation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dhis2_low_totals, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dhis2_contact_items, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dhis2_metadata, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_translated, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_first_page_and_structure, setup, teardown),
        cmocka_unit_test_setup_teardown(test_small_kiosk_spares_busy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_aside_small_total, setup, teardown),
        cmocka_unit_test_setup_teardown(test_site_groups, setup, teardown),
        cmocka_unit_test(test_suppress_pref_classes),
        cmocka_unit_test_setup_teardown(test_csv_period_sep_names, setup, teardown),
        cmocka_unit_test_setup_teardown(test_codebook_covers_columns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_names_from_content, setup, teardown),
        cmocka_unit_test(test_progress),
        cmocka_unit_test_setup_teardown(test_cli_min_loud, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
