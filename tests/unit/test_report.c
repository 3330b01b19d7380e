/* test_report.c: kiosk -> stick -> merge -> report, end to end: totals
 * equal the truth in every merge order and when merged twice; each kind of
 * bad export is refused with a clear message and counts nothing; a changed
 * key is refused; suppression leaves no lone hidden cell; the HTML shows no
 * count from 1 to 9 and passes tidy. */
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

#include <sodium.h>

#include "core/fileio.h"
#include "core/log.h"
#include "export/export.h"
#include "manifest/manifest.h"
#include "report/report.h"
#include "stats/stats.h"
#include "support.h"
#include "support_report.h"

static char root[256];

static int32_t utc0(void *ctx, int64_t t)
{
    (void)ctx;
    (void)t;
    return 0;
}

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/taama-report-XXXXXX");
    log_set_quiet(1);
    return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[PATH_MAX];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

typedef struct {
    char data[PATH_MAX];
    Stats *s;
    int sessions; /* ground truth so far */
} Kiosk;

static void kiosk_open(Kiosk *k, const char *name)
{
    snprintf(k->data, sizeof k->data, "%s/%s", root, name);
    mkdir(k->data, 0700);
    StatsOptions o = {.machine_id = name, .utc_offset = utc0, .batch_ms = 1};
    Err why;
    k->s = stats_open_opts(k->data, &o, &why);
    assert_non_null(k->s);
    k->sessions = 0;
}

static void kiosk_use(Kiosk *k, int64_t t0, int n)
{
    for (int i = 0; i < n; i++) {
        StatEvent ev = {.kind = STAT_SESSION_START};
        assert_true(stats_record(k->s, &ev, t0 + i * 600) > 0);
        StatEvent l = {.kind = STAT_LANGUAGE_CHOSEN};
        snprintf(l.lang, sizeof l.lang, "%s", i % 4 ? "fr" : "ti");
        stats_record(k->s, &l, t0 + i * 600);
        StatEvent q = {.kind = STAT_QUICK_EXIT};
        if (i % 7 == 0)
            stats_record(k->s, &q, t0 + i * 600);
    }
    assert_int_equal(stats_flush(k->s, 5000), ERR_OK);
    k->sessions += n;
}

static void kiosk_export(Kiosk *k, const char *stick, char *folder_out)
{
    ExportRequest req = {.data_dir = k->data, .dest = stick, .now = 1700000000};
    ExportResult res;
    assert_int_equal(export_run(k->s, &req, &res), ERR_OK);
    if (folder_out)
        snprintf(folder_out, PATH_MAX, "%s", res.folder);
}

static int64_t db_sum(ReportDb *db, const char *metric)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(report_db_handle(db), "SELECT COALESCE(SUM(value),0) FROM counters WHERE metric=?1",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, metric, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static int64_t db_rows(ReportDb *db)
{
    sqlite3_stmt *st;
    sqlite3_prepare_v2(report_db_handle(db), "SELECT count(*) FROM counters", -1, &st, NULL);
    sqlite3_step(st);
    int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* Merge one folder, capturing the output line. */
static MergeSummary merge(ReportDb *db, const char *path, const unsigned char *sk, char *msg, size_t msgsz)
{
    Err e;
    MergeSummary sum = support_merge(db, path, sk, 0, msg, msgsz, &e);
    assert_int_equal(e, ERR_OK);
    return sum;
}

static ReportDb *fresh_db(const char *name)
{
    ReportDb *db = support_fresh_db(root, name);
    assert_non_null(db);
    return db;
}

/* Five exports (three from A growing, two from B), merged in all 120
 * orders, and each order twice: totals always equal the truth. */
static void test_every_order_and_twice(void **state)
{
    (void)state;
    Kiosk a, b;
    kiosk_open(&a, "ka");
    kiosk_open(&b, "kb");
    char stick[PATH_MAX], f[5][PATH_MAX];
    snprintf(stick, sizeof stick, "%s/stick", root);
    mkdir(stick, 0755);
    kiosk_use(&a, 1700000000, 12);
    kiosk_export(&a, stick, f[0]);
    kiosk_use(&b, 1700000000, 30);
    kiosk_export(&b, stick, f[1]);
    kiosk_use(&a, 1700090000, 25);
    kiosk_export(&a, stick, f[2]);
    kiosk_use(&a, 1700190000, 3);
    kiosk_export(&a, stick, f[3]);
    kiosk_use(&b, 1700290000, 11);
    kiosk_export(&b, stick, f[4]);
    int64_t truth = a.sessions + b.sessions;

    int perm[5] = {0, 1, 2, 3, 4};
    int orders = 0;
    /* Heap's algorithm, iterative. */
    int c[5] = {0};
    int i = 0;
    for (;;) {
        ReportDb *db = fresh_db("order.sqlite");
        for (int round = 0; round < 2; round++)
            for (int j = 0; j < 5; j++)
                merge(db, f[perm[j]], NULL, NULL, 0);
        assert_int_equal(db_sum(db, "session_start"), truth);
        report_close(db);
        orders++;
        while (i < 5 && c[i] >= i) {
            c[i] = 0;
            i++;
        }
        if (i >= 5)
            break;
        int sw = i % 2 == 0 ? 0 : c[i];
        int t = perm[sw];
        perm[sw] = perm[i];
        perm[i] = t;
        c[i]++;
        i = 0;
    }
    assert_int_equal(orders, 120);

    /* Merging the whole stick at once, twice, reports what happened. */
    ReportDb *db = fresh_db("all.sqlite");
    char msg[4096];
    MergeSummary s1 = merge(db, stick, NULL, msg, sizeof msg);
    assert_int_equal(s1.taken + s1.refused, 5);
    assert_int_equal(db_sum(db, "session_start"), truth);
    MergeSummary s2 = merge(db, stick, NULL, msg, sizeof msg);
    assert_int_equal(s2.taken, 0);
    assert_int_equal(db_sum(db, "session_start"), truth);
    report_close(db);
    stats_close(a.s);
    stats_close(b.s);
}

static void copy_tree(const char *from, const char *to)
{
    char cmd[4 * PATH_MAX];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && cp -r '%s' '%s'", to, from, to);
    assert_int_equal(system(cmd), 0);
}

static void flip_byte(const char *path, long off)
{
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    fseek(f, off, off < 0 ? SEEK_END : SEEK_SET);
    int ch = fgetc(f);
    fseek(f, off < 0 ? off : off, off < 0 ? SEEK_END : SEEK_SET);
    fputc(ch ^ 0x04, f);
    fclose(f);
}

/* Re-sign a manifest with the kiosk's own key (an attacker who changed a
 * hash cannot, but this isolates the hash check from the signature one). */
static void resign(const char *kdata, const char *folder)
{
    unsigned char sk[64], sig[64];
    char p[PATH_MAX + 32];
    snprintf(p, sizeof p, "%s/kiosk.key", kdata);
    assert_int_equal(export_read_hex_key(p, sk, 64), ERR_OK);
    snprintf(p, sizeof p, "%s/manifest.json", folder);
    char *mb;
    size_t ml;
    assert_int_equal(fileio_read_all(p, 1 << 20, &mb, &ml), ERR_OK);
    crypto_sign_detached(sig, NULL, (unsigned char *)mb, ml, sk);
    free(mb);
    snprintf(p, sizeof p, "%s/manifest.sig", folder);
    assert_int_equal(export_write_hex_key(p, sig, 64, 0644), ERR_OK);
}

static void expect_refused(const char *folder, const unsigned char *sk, const char *needle)
{
    ReportDb *db = fresh_db("bad.sqlite");
    char msg[2048];
    MergeSummary s = merge(db, folder, sk, msg, sizeof msg);
    if (s.refused != 1 || !strstr(msg, needle))
        fail_msg("expected refusal with \"%s\", got: %s", needle, msg);
    assert_int_equal(s.taken, 0);
    assert_int_equal(db_rows(db), 0); /* nothing counted */
    report_close(db);
}

static void test_bad_exports_refused(void **state)
{
    (void)state;
    Kiosk a;
    kiosk_open(&a, "ka");
    char stick[PATH_MAX], good[PATH_MAX], bad[PATH_MAX + 8], p[2 * PATH_MAX];
    snprintf(stick, sizeof stick, "%s/stick", root);
    mkdir(stick, 0755);
    kiosk_use(&a, 1700000000, 40);
    kiosk_export(&a, stick, good);
    snprintf(bad, sizeof bad, "%s/bad", root);

    /* Truncated counters. */
    copy_tree(good, bad);
    snprintf(p, sizeof p, "%s/counters.csv", bad);
    assert_int_equal(truncate(p, 60), 0);
    expect_refused(bad, NULL, "wrong size");
    /* A flipped bit. */
    copy_tree(good, bad);
    flip_byte(p, 50);
    expect_refused(bad, NULL, "wrong SHA-256");
    /* A manifest whose hash is wrong (validly re-signed). */
    copy_tree(good, bad);
    snprintf(p, sizeof p, "%s/manifest.json", bad);
    char *mb;
    size_t ml;
    assert_int_equal(fileio_read_all(p, 1 << 20, &mb, &ml), ERR_OK);
    char *h = strstr(mb, "\"sha256\":\"");
    assert_non_null(h);
    h[10] = h[10] == 'a' ? 'b' : 'a';
    assert_int_equal(fileio_write_atomic(p, mb, ml, 0644), ERR_OK);
    free(mb);
    resign(a.data, bad);
    expect_refused(bad, NULL, "wrong SHA-256");
    /* A changed manifest without a new signature. */
    copy_tree(good, bad);
    flip_byte(p, 20);
    expect_refused(bad, NULL, "SIGNATURE DOES NOT VERIFY");
    /* A wrong signature. */
    copy_tree(good, bad);
    snprintf(p, sizeof p, "%s/manifest.sig", bad);
    {
        char *sb;
        size_t sl;
        assert_int_equal(fileio_read_all(p, 1000, &sb, &sl), ERR_OK);
        sb[3] = sb[3] == '0' ? '1' : '0'; /* still hex, different value */
        assert_int_equal(fileio_write_atomic(p, sb, sl, 0644), ERR_OK);
        free(sb);
    }
    expect_refused(bad, NULL, "SIGNATURE DOES NOT VERIFY");
    /* No signature at all. */
    unlink(p);
    expect_refused(bad, NULL, "no signature");
    /* An unfinished export (no manifest) is ignored, not counted. */
    copy_tree(good, bad);
    snprintf(p, sizeof p, "%s/manifest.json", bad);
    unlink(p);
    {
        ReportDb *db = fresh_db("inc.sqlite");
        MergeSummary s = merge(db, bad, NULL, NULL, 0);
        assert_int_equal(s.incomplete, 1);
        assert_int_equal(db_rows(db), 0);
        report_close(db);
    }

    /* A replayed older export after a newer one. */
    char newer[PATH_MAX];
    kiosk_use(&a, 1700100000, 5);
    kiosk_export(&a, stick, newer);
    ReportDb *db = fresh_db("replay.sqlite");
    merge(db, newer, NULL, NULL, 0);
    int64_t rows = db_rows(db);
    int64_t sessions = db_sum(db, "session_start");
    char msg[2048];
    MergeSummary s = merge(db, good, NULL, msg, sizeof msg);
    assert_int_equal(s.refused, 1);
    assert_non_null(strstr(msg, "replayed"));
    assert_int_equal(db_rows(db), rows);
    assert_int_equal(db_sum(db, "session_start"), sessions);
    assert_int_equal(sessions, a.sessions);

    /* The kiosk's key changed (kiosk.key lost, database kept): two keys
     * claim one id registered on first use, so both are quarantined
     * (tests/unit/test_merge_hostile.c covers the trust model). */
    snprintf(p, sizeof p, "%s/kiosk.key", a.data);
    unlink(p);
    char rekeyed[PATH_MAX];
    kiosk_use(&a, 1700200000, 5);
    kiosk_export(&a, stick, rekeyed);
    s = merge(db, rekeyed, NULL, msg, sizeof msg);
    assert_int_equal(s.quarantined, 1);
    assert_non_null(strstr(msg, "KEY CHANGED"));
    assert_int_equal(db_sum(db, "session_start"), 0);
    /* After an explicit forget, the new key is registered. */
    StatsIdentity id;
    stats_identity(a.s, &id);
    assert_int_equal(report_forget_kiosk(db, id.kiosk_id, NULL), ERR_OK);
    s = merge(db, rekeyed, NULL, msg, sizeof msg);
    assert_int_equal(s.taken, 1);
    assert_int_equal(db_sum(db, "session_start"), a.sessions);
    report_close(db);
    stats_close(a.s);
}

static void test_encrypted_roundtrip(void **state)
{
    (void)state;
    Kiosk a;
    kiosk_open(&a, "ka");
    char pub[PATH_MAX], sec[PATH_MAX + 8];
    snprintf(pub, sizeof pub, "%s/ka/campaign.pub", root);
    snprintf(sec, sizeof sec, "%s/campaign.key", root);
    assert_int_equal(report_keygen(pub, sec), ERR_OK);
    assert_int_equal(report_keygen(pub, sec), ERR_INVALID); /* never overwrites */
    struct stat st;
    assert_int_equal(stat(sec, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    char stick[PATH_MAX], folder[PATH_MAX];
    snprintf(stick, sizeof stick, "%s/stick", root);
    mkdir(stick, 0755);
    kiosk_use(&a, 1700000000, 15);
    kiosk_export(&a, stick, folder);

    expect_refused(folder, NULL, "give the campaign secret key");
    unsigned char wrong_pk[32], wrong_sk[32], sk[32];
    crypto_box_keypair(wrong_pk, wrong_sk);
    expect_refused(folder, wrong_sk, "cannot decrypt");
    assert_int_equal(export_read_hex_key(sec, sk, 32), ERR_OK);
    ReportDb *db = fresh_db("enc.sqlite");
    char msg[1024];
    MergeSummary s = merge(db, folder, sk, msg, sizeof msg);
    assert_int_equal(s.taken, 1);
    assert_non_null(strstr(msg, "decrypted"));
    assert_int_equal(db_sum(db, "session_start"), 15);
    report_close(db);
    stats_close(a.s);
}

/* No group may end with exactly one hidden cell. */
static void check_groups(const int64_t *v, const unsigned char *sup, size_t rows, size_t cols, int64_t min)
{
    size_t W = cols + 1;
    for (size_t r = 0; r <= rows; r++) {
        int n = 0;
        for (size_t c = 0; c <= cols; c++) {
            n += sup[r * W + c];
            if (v[r * W + c] >= 1 && v[r * W + c] < min)
                assert_true(sup[r * W + c]);
        }
        assert_int_not_equal(n, 1);
    }
    for (size_t c = 0; c <= cols; c++) {
        int n = 0;
        for (size_t r = 0; r <= rows; r++)
            n += sup[r * W + c];
        assert_int_not_equal(n, 1);
    }
}

static void test_suppression(void **state)
{
    (void)state;
    /* 3 x 3 body: one small cell. */
    int64_t v[16] = {50, 3, 40, 0, 20, 30, 25, 0, 60, 70, 80, 0, 0, 0, 0, 0};
    unsigned char sup[16];
    assert_int_equal(report_suppress_grid(v, sup, 3, 3, 10), ERR_OK);
    assert_int_equal(v[15], 378); /* grand total */
    assert_true(sup[1]);
    check_groups(v, sup, 3, 3, 10);
    /* A row whose only non-zero cell is small: its total is small too. */
    int64_t w[9] = {0, 4, 0, 90, 80, 0, 0, 0, 0};
    unsigned char sw[9];
    assert_int_equal(report_suppress_grid(w, sw, 2, 2, 10), ERR_OK);
    check_groups(w, sw, 2, 2, 10);
    /* Random tables. */
    srand(7);
    for (int t = 0; t < 300; t++) {
        size_t R = 1 + (size_t)rand() % 6, C = 1 + (size_t)rand() % 6;
        int64_t x[49];
        unsigned char sx[49];
        for (size_t i = 0; i < (R + 1) * (C + 1); i++)
            x[i] = rand() % 3 == 0 ? rand() % 12 : rand() % 60;
        assert_int_equal(report_suppress_grid(x, sx, R, C, 10), ERR_OK);
        check_groups(x, sx, R, C, 10);
    }
    /* min 1: nothing hidden. */
    int64_t y[4] = {1, 0, 0, 0};
    unsigned char sy[4];
    assert_int_equal(report_suppress_grid(y, sy, 1, 1, 1), ERR_OK);
    assert_int_equal(sy[0] + sy[1] + sy[2] + sy[3], 0);
}

/* Scan every <td class="n"> for a plain number from 1 to 9. */
static void no_small_cells(const char *html)
{
    const char *p = html;
    int cells = 0;
    while ((p = strstr(p, "<td class=\"n\">"))) {
        p += 14;
        char *end;
        long v = strtol(p, &end, 10);
        if (end != p && *end == '<') {
            cells++;
            if (v >= 1 && v <= 9)
                fail_msg("small cell %ld shown: %.60s", v, p);
        }
    }
    assert_true(cells > 5);
}

static void test_html_and_outputs(void **state)
{
    (void)state;
    Kiosk a, b;
    kiosk_open(&a, "ka");
    kiosk_open(&b, "kb");
    char stick[PATH_MAX];
    snprintf(stick, sizeof stick, "%s/stick", root);
    mkdir(stick, 0755);
    kiosk_use(&a, 1700000000, 45);
    kiosk_use(&a, 1700086400, 3); /* a small day */
    kiosk_use(&b, 1700000000, 4);
    kiosk_use(&b, 1700172800, 60);
    kiosk_export(&a, stick, NULL);
    kiosk_export(&b, stick, NULL);
    ReportDb *db = fresh_db("html.sqlite");
    merge(db, stick, NULL, NULL, 0);
    ReportOptions ro = {.min_count = 10};
    Err err;
    char *html = support_report_html(db, &ro, root, "report.html", &err); /* and tidy -errors */
    assert_int_equal(err, ERR_OK);
    no_small_cells(html);
    assert_non_null(strstr(html, "&lt;10"));
    assert_non_null(strstr(html, "<svg"));
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "http://www.w3.org/2000/svg\" src")); /* no external refs */
    free(html);

    /* CSV: small values blanked and flagged. */
    char *buf = support_report_csv(db, &ro, NULL, &err);
    assert_int_equal(err, ERR_OK);
    assert_non_null(strstr(buf, "kiosk_id,kiosk_label,epoch,day,metric,lang,module,item,value,suppressed,"));
    assert_non_null(strstr(buf, ",,1,"));
    free(buf);

    /* DHIS2 with a map: monthly sessions per kiosk org unit. */
    StatsIdentity ia;
    stats_identity(a.s, &ia);
    char map[PATH_MAX], text[512];
    snprintf(map, sizeof map, "%s/map.csv", root);
    snprintf(text, sizeof text,
             "# Taama -> DHIS2\nperiod,monthly\norgunit,%s,OuAgadez001\norgunit,*,OuOther0001\n"
             "element,session_start,*,*,*,DeSessions1,HllvX50cXC0,\n"
             "element,language_chosen,ti,*,*,DeLanguage1,CocTigrin01,AocCampA001\n"
             "element,quick_exit,*,*,*,DeQuickEx01,HllvX50cXC0,\n",
             ia.kiosk_id);
    assert_int_equal(fileio_write_atomic(map, text, strlen(text), 0644), ERR_OK);
    char *ebuf;
    assert_int_equal(support_report_dhis2(db, map, &ro, &buf, &ebuf), ERR_OK);
    assert_non_null(strstr(buf, "dataelement,period,orgunit,catoptcombo,attroptcombo,value,"));
    assert_non_null(strstr(buf, "DeSessions1,202311,OuAgadez001,HllvX50cXC0,HllvX50cXC0,48,"));
    assert_non_null(strstr(buf, "DeSessions1,202311,OuOther0001,HllvX50cXC0,HllvX50cXC0,64,"));
    assert_non_null(strstr(buf, "DeLanguage1,202311,OuAgadez001,CocTigrin01,AocCampA001,13,"));
    /* Quick exits: 8 at OuAgadez001 (primary) and 10 at OuOther0001. DHIS2 adds
     * both into their parent org unit (18), which would give the 8 back:
     * so the 10 is left out too (complementary suppression). */
    assert_null(strstr(buf, "DeQuickEx01,202311,OuAgadez001"));
    assert_null(strstr(buf, "DeQuickEx01,202311,OuOther0001"));
    assert_non_null(strstr(ebuf, "left out"));
    free(buf);
    free(ebuf);
    /* Suppression off (--no-suppress sets min 1): the raw values. */
    ReportOptions raw = {.min_count = 1};
    assert_int_equal(support_report_dhis2(db, map, &raw, &buf, &ebuf), ERR_OK);
    assert_non_null(strstr(buf, "DeQuickEx01,202311,OuAgadez001,HllvX50cXC0,HllvX50cXC0,8,"));
    assert_non_null(strstr(buf, "DeQuickEx01,202311,OuOther0001,HllvX50cXC0,HllvX50cXC0,10,"));
    free(buf);
    free(ebuf);
    /* A broken map is reported. */
    assert_int_equal(fileio_write_atomic(map, "bogus,1\n", 8, 0644), ERR_OK);
    assert_int_equal(support_report_dhis2(db, map, &ro, &buf, &ebuf), ERR_FORMAT);
    assert_non_null(strstr(ebuf, "map record 1"));
    free(buf);
    free(ebuf);
    report_close(db);
    stats_close(a.s);
    stats_close(b.s);
}

/* The per-day sums equal a recomputation from the counters. */
static void assert_sums_exact(ReportDb *db)
{
    sqlite3 *h = report_db_handle(db);
    assert_int_equal(sqlite3_exec(h, "DROP TABLE IF EXISTS temp.s; CREATE TEMP TABLE s AS SELECT * FROM day_sums",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(report_db_sums_rebuild(h), ERR_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(h,
                                        "SELECT (SELECT count(*) FROM (SELECT * FROM temp.s EXCEPT SELECT * FROM "
                                        "day_sums)) + (SELECT count(*) FROM (SELECT * FROM day_sums EXCEPT SELECT * "
                                        "FROM temp.s)), (SELECT count(*) FROM day_sums)",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int64(st, 0), 0);
    assert_true(sqlite3_column_int64(st, 1) > 0);
    sqlite3_finalize(st);
}

/* Sums stay exact when exports are merged out of order and twice. */
static void test_sums_kept_exact(void **state)
{
    (void)state;
    Kiosk a;
    kiosk_open(&a, "ka");
    char stick[PATH_MAX], f[3][PATH_MAX];
    snprintf(stick, sizeof stick, "%s/stick", root);
    mkdir(stick, 0755);
    kiosk_use(&a, 1700000000, 20);
    kiosk_export(&a, stick, f[0]);
    kiosk_use(&a, 1700086400, 30);
    kiosk_export(&a, stick, f[1]);
    kiosk_use(&a, 1700000000, 5); /* the first day grows again */
    kiosk_export(&a, stick, f[2]);
    ReportDb *db = fresh_db("sums.sqlite");
    merge(db, f[1], NULL, NULL, 0);
    merge(db, f[0], NULL, NULL, 0); /* refused: older */
    merge(db, f[2], NULL, NULL, 0);
    merge(db, f[2], NULL, NULL, 0);
    assert_int_equal(db_sum(db, "session_start"), a.sessions);
    assert_sums_exact(db);
    report_close(db);
    stats_close(a.s);
}

/* A schema-1 database (text keys, as taama-report wrote it before) is
 * migrated forward on open: same counters, exact sums, merge still works. */
static void test_migrate_v1(void **state)
{
    (void)state;
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s/v1.sqlite", root);
    sqlite3 *h;
    assert_int_equal(sqlite3_open(p, &h), SQLITE_OK);
    assert_int_equal(
        sqlite3_exec(h,
                     "CREATE TABLE kiosks(kiosk_id TEXT PRIMARY KEY, pubkey TEXT NOT NULL, label TEXT NOT NULL "
                     "DEFAULT '');"
                     "CREATE TABLE exports(kiosk_id TEXT NOT NULL REFERENCES kiosks(kiosk_id), epoch INTEGER NOT "
                     "NULL, seq INTEGER NOT NULL, manifest_sha256 TEXT NOT NULL, rows INTEGER NOT NULL, day_first "
                     "TEXT, day_last TEXT, created INTEGER, encrypted INTEGER, PRIMARY KEY(kiosk_id, epoch, seq));"
                     "CREATE TABLE counters(kiosk_id TEXT NOT NULL, epoch INTEGER NOT NULL, day TEXT NOT NULL, "
                     "metric TEXT NOT NULL, lang TEXT NOT NULL, module TEXT NOT NULL, item INTEGER NOT NULL, value "
                     "INTEGER NOT NULL, PRIMARY KEY(kiosk_id, epoch, day, metric, lang, module, item)) WITHOUT "
                     "ROWID;"
                     "CREATE INDEX counters_metric ON counters(metric, day);"
                     "INSERT INTO kiosks VALUES('bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'ab', 'Agadez'),"
                     " ('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'cd', '');"
                     "INSERT INTO exports VALUES('bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 1, 3, 'x', 3, '2024-03-01', "
                     "'2024-03-02', 0, 0);"
                     "INSERT INTO counters VALUES('bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 1, '2024-03-01', "
                     "'session_start', '', '', 9, 40), ('bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 1, '2024-03-02', "
                     "'session_start', '', '', 10, 2), ('bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 2, '2024-03-02', "
                     "'language_chosen', 'ti', '', -1, 11), ('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 1, '2024-03-02', "
                     "'session_start', '', '', 10, 5);",
                     NULL, NULL, NULL),
        SQLITE_OK);
    sqlite3_close(h);
    Err why = ERR_OK;
    ReportDb *db = report_open(p, &why);
    assert_non_null(db);
    assert_int_equal(db_rows(db), 4);
    assert_int_equal(db_sum(db, "session_start"), 47);
    assert_int_equal(db_sum(db, "language_chosen"), 11);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(report_db_handle(db),
                                        "SELECT (SELECT user_version FROM pragma_user_version),"
                                        " (SELECT label FROM kiosks WHERE kiosk_id LIKE 'b%'),"
                                        " (SELECT day FROM counters WHERE value=40), (SELECT count(*) FROM exports),"
                                        " (SELECT count(*) FROM health)",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 5); /* schema 1 straight to 5 */
    assert_int_equal(sqlite3_column_int(st, 4), 0); /* the health table is there, empty */
    assert_string_equal((const char *)sqlite3_column_text(st, 1), "Agadez");
    assert_string_equal((const char *)sqlite3_column_text(st, 2), "2024-03-01");
    assert_int_equal(sqlite3_column_int(st, 3), 1);
    sqlite3_finalize(st);
    assert_sums_exact(db);
    report_close(db);
    /* Opened again: nothing to do, same data. */
    db = report_open(p, &why);
    assert_non_null(db);
    assert_int_equal(db_sum(db, "session_start"), 47);
    /* And it takes new exports. */
    Kiosk a;
    kiosk_open(&a, "ka");
    char stick[PATH_MAX];
    snprintf(stick, sizeof stick, "%s/stick", root);
    mkdir(stick, 0755);
    kiosk_use(&a, 1700000000, 12);
    kiosk_export(&a, stick, NULL);
    MergeSummary s = merge(db, stick, NULL, NULL, 0);
    assert_int_equal(s.taken, 1);
    assert_int_equal(db_sum(db, "session_start"), 47 + 12);
    assert_sums_exact(db);
    report_close(db);
    stats_close(a.s);
    /* A kiosk's own statistics database opened by mistake: refused as not
     * a campaign database, and left as it was. */
    char kp[PATH_MAX + 16];
    snprintf(kp, sizeof kp, "%s/stats.sqlite", a.data);
    struct stat before, after;
    assert_int_equal(stat(kp, &before), 0);
    assert_null(report_open(kp, &why));
    assert_int_equal(why, ERR_CORRUPT);
    assert_int_equal(stat(kp, &after), 0);
    assert_true(before.st_mtime == after.st_mtime && before.st_size == after.st_size);
    /* A database from a newer taama-report is refused, not touched. */
    assert_int_equal(sqlite3_open(p, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "PRAGMA user_version=99", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    assert_null(report_open(p, &why));
    assert_int_equal(why, ERR_ROLLBACK);
}

/* CSV suppression: the hours of one kiosk-day are published as a total
 * (the HTML sessions grid), so a small hour may not sit next to a single
 * visible one; and --no-suppress (min 1) gives the raw values. */
static void test_csv_complementary(void **state)
{
    (void)state;
    Kiosk a;
    kiosk_open(&a, "ka");
    char stick[PATH_MAX];
    snprintf(stick, sizeof stick, "%s/stick", root);
    mkdir(stick, 0755);
    int64_t d0 = 1700006400; /* 2023-11-15 00:00 UTC */
    StatEvent e = {.kind = STAT_SESSION_START, .count = 30};
    stats_record(a.s, &e, d0 + 8 * 3600); /* day 1: 30 at 08h, 3 at 09h */
    e.count = 3;
    stats_record(a.s, &e, d0 + 9 * 3600);
    e.count = 40; /* day 2: 40 at 08h, 50 at 09h */
    stats_record(a.s, &e, d0 + 86400 + 8 * 3600);
    e.count = 50;
    stats_record(a.s, &e, d0 + 86400 + 9 * 3600);
    assert_int_equal(stats_flush(a.s, 5000), ERR_OK);
    kiosk_export(&a, stick, NULL);
    ReportDb *db = fresh_db("csv.sqlite");
    assert_int_equal(merge(db, stick, NULL, NULL, 0).taken, 1);
    ReportOptions ro = {.min_count = 10};
    Err err;
    char *buf = support_report_csv(db, &ro, NULL, &err);
    assert_int_equal(err, ERR_OK);
    /* Every session_start cell is hidden: 3 (primary), 30 (same day), 50
     * (same hour, 09h, across days), then 40 (day 2 and 08h). */
    assert_non_null(strstr(buf, "2023-11-15,session_start,,,8,,1,"));
    assert_non_null(strstr(buf, "2023-11-15,session_start,,,9,,1,"));
    assert_non_null(strstr(buf, "2023-11-16,session_start,,,8,,1,"));
    assert_non_null(strstr(buf, "2023-11-16,session_start,,,9,,1,"));
    assert_null(strstr(buf, ",0,,,")); /* no shown row */
    free(buf);
    ReportOptions raw = {.min_count = 1};
    buf = support_report_csv(db, &raw, NULL, &err);
    assert_int_equal(err, ERR_OK);
    assert_non_null(strstr(buf, "2023-11-15,session_start,,,8,30,0,"));
    assert_non_null(strstr(buf, "2023-11-15,session_start,,,9,3,0,"));
    assert_non_null(strstr(buf, "2023-11-16,session_start,,,9,50,0,"));
    free(buf);
    report_close(db);
    stats_close(a.s);
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_every_order_and_twice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_exports_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_encrypted_roundtrip, setup, teardown),
        cmocka_unit_test(test_suppression),
        cmocka_unit_test_setup_teardown(test_html_and_outputs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sums_kept_exact, setup, teardown),
        cmocka_unit_test_setup_teardown(test_migrate_v1, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_complementary, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
