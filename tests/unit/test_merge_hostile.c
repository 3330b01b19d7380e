/* test_merge_hostile.c: taama-report merge against hostile exports and
 * sticks. Exports are forged here from scratch (any field, any CSV, signed
 * with a key made for the test), so each hostile value is tried alone:
 * every manifest field and CSV column in a wrong format is refused with a
 * message naming file and field, and nothing of that export counts;
 * values up to 2^61 are refused and sums never wrap; a kiosk id claimed
 * by two keys, or by two kiosks sharing one key, is quarantined whatever
 * the merge order; enroll/accept count a chosen key and forget removes
 * everything; FIFOs, symlinks and loops on a stick neither hang nor get
 * followed; and nothing from a stick reaches the terminal raw. */
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
#include "support.h"

static char root[256];

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/taama-hostile-XXXXXX");
    log_set_quiet(1);
    if (sodium_init() < 0)
        return -1;
    return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[PATH_MAX];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

#define KIOSK "0123456789abcdef0123456789abcdef"

typedef struct {
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    char hex[65];
} SignKey;

static void key_make(SignKey *k)
{
    crypto_sign_keypair(k->pk, k->sk);
    sodium_bin2hex(k->hex, sizeof k->hex, k->pk, sizeof k->pk);
}

/* A manifest field to change: value NULL leaves the field out. */
typedef struct {
    const char *key, *value;
} Kv;

/* Write a signed export into folder (made if needed) for kiosk id with
 * key k: the CSV header, then body (CRLF lines, may be ""), with the
 * manifest fields an export has, changed by over[]. */
static void forge(const char *folder, const char *id, const SignKey *k, int64_t seq, const char *body, const Kv *over,
                  size_t nover)
{
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", folder);
    assert_int_equal(system(cmd), 0);
    char csv[8192];
    snprintf(csv, sizeof csv, "\xEF\xBB\xBF" EXPORT_CSV_HEADER "\r\n%s", body);
    size_t len = strlen(csv);
    int64_t rows = 0;
    char first[11] = "", last[11] = "";
    for (const char *p = body; *p; rows++) {
        char d[11];
        snprintf(d, sizeof d, "%.10s", p);
        if (!rows || strcmp(d, first) < 0)
            snprintf(first, sizeof first, "%s", d);
        if (!rows || strcmp(d, last) > 0)
            snprintf(last, sizeof last, "%s", d);
        const char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : p + strlen(p);
    }
    char p[PATH_MAX + 32];
    snprintf(p, sizeof p, "%s/" EXPORT_CSV_NAME, folder);
    assert_int_equal(fileio_write_atomic(p, csv, len, 0644), ERR_OK);
    char sha[65], seqs[24], rowss[24];
    fileio_sha256_hex(csv, len, sha);
    snprintf(seqs, sizeof seqs, "%lld", (long long)seq);
    snprintf(rowss, sizeof rowss, "%lld", (long long)rows);
    Kv f[] = {{"kind", EXPORT_KIND}, {"kiosk_id", id},       {"epoch", "1"},           {"seq", seqs},
              {"rows", rowss},       {"day_first", first},   {"day_last", last},       {"created", "1700000000"},
              {"kiosk_pubkey", k->hex}, {"encrypted", "0"}, {"columns", EXPORT_CSV_HEADER}, {"kiosk_label", "Bus station"}};
    Manifest *m = manifest_new();
    assert_non_null(m);
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
        const char *v = f[i].value;
        for (size_t j = 0; j < nover; j++)
            if (strcmp(over[j].key, f[i].key) == 0)
                v = over[j].value;
        if (v)
            assert_int_equal(manifest_set(m, f[i].key, v), ERR_OK);
    }
    for (size_t j = 0; j < nover; j++)
        if (!manifest_get(m, over[j].key) && over[j].value) {
            int known = 0;
            for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
                known |= strcmp(over[j].key, f[i].key) == 0;
            if (!known)
                assert_int_equal(manifest_set(m, over[j].key, over[j].value), ERR_OK);
        }
    assert_int_equal(manifest_add_file(m, EXPORT_CSV_NAME, len, sha), ERR_OK);
    char *mb;
    size_t ml;
    assert_int_equal(manifest_serialize(m, &mb, &ml), ERR_OK);
    manifest_free(m);
    snprintf(p, sizeof p, "%s/" EXPORT_MANIFEST_NAME, folder);
    assert_int_equal(fileio_write_atomic(p, mb, ml, 0644), ERR_OK);
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, NULL, (unsigned char *)mb, ml, k->sk);
    free(mb);
    snprintf(p, sizeof p, "%s/" EXPORT_SIG_NAME, folder);
    assert_int_equal(export_write_hex_key(p, sig, sizeof sig, 0644), ERR_OK);
}

static ReportDb *fresh_db(const char *name)
{
    ReportDb *db = support_fresh_db(root, name);
    assert_non_null(db);
    return db;
}

static MergeSummary merge_opt(ReportDb *db, const char *path, int enrolled_only, char *msg, size_t msgsz)
{
    Err e;
    MergeSummary sum = support_merge(db, path, NULL, enrolled_only, msg, msgsz, &e);
    assert_int_equal(e, ERR_OK);
    return sum;
}

static MergeSummary merge(ReportDb *db, const char *path, char *msg, size_t msgsz)
{
    return merge_opt(db, path, 0, msg, msgsz);
}

static int64_t q1(ReportDb *db, const char *sql)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(report_db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static int64_t sessions(ReportDb *db)
{
    return q1(db, "SELECT COALESCE(SUM(value),0) FROM counters WHERE metric='session_start'");
}

#define GOOD_BODY "2024-03-01,session_start,,,,5\r\n2024-03-01,language_chosen,ar,,,3\r\n"

/* A good export is taken (so each refusal below is due to its one field). */
static void test_forged_good_export_taken(void **state)
{
    (void)state;
    SignKey k;
    key_make(&k);
    char f[PATH_MAX];
    snprintf(f, sizeof f, "%s/good/e", root);
    forge(f, KIOSK, &k, 1, GOOD_BODY, NULL, 0);
    ReportDb *db = fresh_db("good.sqlite");
    char msg[4096];
    MergeSummary s = merge(db, f, msg, sizeof msg);
    if (s.taken != 1)
        fail_msg("not taken: %s", msg);
    assert_int_equal(sessions(db), 5);
    report_close(db);
}

/* Labels the kiosk can really write are taken: any script, bidi marks,
 * punctuation (every output escapes). */
static void test_real_labels_taken(void **state)
{
    (void)state;
    static const char *const labels[] = {
        "Agadez -> Arlit <bus>", "Gare d'Agadez & \"Nord\"",
        ("\xd9\x85\xd8\xad\xd8\xb7\xd8\xa9 \xe2\x80\x8f" "1"), /* Arabic with an RLM */
        "\xe1\x8a\xa0\xe1\x88\xb5\xe1\x88\x98\xe1\x88\xab", /* Ge'ez script */
    };
    SignKey k;
    key_make(&k);
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        char f[PATH_MAX], msg[4096];
        snprintf(f, sizeof f, "%s/label%zu/e", root, i);
        Kv over = {"kiosk_label", labels[i]};
        forge(f, KIOSK, &k, 1, GOOD_BODY, &over, 1);
        ReportDb *db = fresh_db("label.sqlite");
        MergeSummary s = merge(db, f, msg, sizeof msg);
        if (s.taken != 1)
            fail_msg("label %zu refused: %s", i, msg);
        report_close(db);
    }
}

static void expect_refused(const char *folder, const char *needle1, const char *needle2)
{
    ReportDb *db = fresh_db("bad.sqlite");
    char msg[4096];
    MergeSummary s = merge(db, folder, msg, sizeof msg);
    if (s.refused != 1 || !strstr(msg, needle1) || (needle2 && !strstr(msg, needle2)))
        fail_msg("expected refusal naming \"%s\" / \"%s\", got: %s", needle1, needle2 ? needle2 : "", msg);
    assert_int_equal(s.taken, 0);
    assert_int_equal(s.quarantined, 0);
    assert_int_equal(q1(db, "SELECT count(*) FROM counts"), 0);
    assert_int_equal(q1(db, "SELECT count(*) FROM exports"), 0);
    assert_int_equal(q1(db, "SELECT count(*) FROM kiosks"), 0);
    report_close(db);
}

/* Each manifest field with a hostile or malformed value, alone. */
static void test_hostile_manifest_fields(void **state)
{
    (void)state;
    static const struct {
        const char *key, *value, *field;
    } cases[] = {
        {"day_first", "<script>alert(1)</script>", "field day_first"},
        {"day_last", "2024-03-01<img src=x onerror=alert(1)>", "field day_last"},
        {"day_first", "2024-02-30", "field day_first"},
        {"day_last", "2024-13-01", "field day_last"},
        {"day_first", "2023-02-29", "field day_first"},
        {"day_first", "24-03-01", "field day_first"},
        {"day_first", "2024-03-02", "day_first is after day_last"},
        {"kiosk_id", "0123456789ABCDEF0123456789ABCDEF", "field kiosk_id"},
        {"kiosk_id", "0123456789abcdef0123456789abcde", "field kiosk_id"},
        {"kiosk_id", "../../../../../../etc/passwd.....", "field kiosk_id"},
        {"epoch", "0", "field epoch"},
        {"epoch", "-1", "field epoch"},
        {"epoch", "01", "field epoch"},
        {"epoch", "1e3", "field epoch"},
        {"epoch", "99999999999", "field epoch"},
        {"seq", " 1", "field seq"},
        {"seq", "2305843009213693952", "field seq"},
        {"rows", "2 ", "field rows"},
        {"rows", "+2", "field rows"},
        {"created", "-5", "field created"},
        {"created", "9999999999999", "field created"},
        {"encrypted", "2", "field encrypted"},
        {"encrypted", "yes", "field encrypted"},
        {"columns", "day,metric", "field columns"},
        {"kind", "taama-stats-export-2", "field kind"},
        {"kiosk_label", "\x1b]0;pwned\x07", "field kiosk_label"},
        {"kiosk_label", "Bus\xc2\x85station", "field kiosk_label"}, /* C1 NEL */
        {"kiosk_label", "Bus \xe2\x81\xa6x\xe2\x81\xa9", "field kiosk_label"}, /* isolates */
        {"kiosk_label", "Bus \xff station", "field kiosk_label"},
        {"kiosk_label", "Bus \xe2\x80\xae station", "field kiosk_label"}, /* U+202E */
        {"kiosk_label", "0123456789012345678901234567890123456789012345678901234567890123", "field kiosk_label"},
        {"evil", "1", "unknown field"},
        {"created", NULL, "field created is missing"},
        {"day_last", NULL, "field day_last is missing"},
    };
    SignKey k;
    key_make(&k);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char f[PATH_MAX];
        snprintf(f, sizeof f, "%s/mf%zu/e", root, i);
        Kv over = {cases[i].key, cases[i].value};
        forge(f, KIOSK, &k, 1, GOOD_BODY, &over, 1);
        expect_refused(f, EXPORT_MANIFEST_NAME, cases[i].field);
    }
    /* rows 0 needs empty days, and dates need rows. */
    char f[PATH_MAX];
    snprintf(f, sizeof f, "%s/mf-empty/e", root);
    Kv over[] = {{"day_first", ""}, {"day_last", ""}};
    forge(f, KIOSK, &k, 1, GOOD_BODY, over, 2);
    expect_refused(f, EXPORT_MANIFEST_NAME, "day_first and day_last");
}

/* Each CSV column with a hostile or malformed value, alone. */
static void test_hostile_csv_rows(void **state)
{
    (void)state;
    static const struct {
        const char *body, *needle;
    } cases[] = {
        {"<script>x,session_start,,,,5\r\n", "column day"},
        {"2024-02-30,session_start,,,,5\r\n", "column day"},
        {"2024-03-01,Session<start>,,,,5\r\n", "column metric"},
        {"2024-03-01,session start,,,,5\r\n", "column metric"},
        {"2024-03-01,session_start_session_start_session_start,,,,5\r\n", "column metric"},
        {"2024-03-01,language_chosen,ar\x1b[31m,,,5\r\n", "column lang"},
        {"2024-03-01,language_chosen,arabic,,,5\r\n", "column lang"},
        {"2024-03-01,module_opened,ar,../../x,,5\r\n", "column module"},
        {"2024-03-01,module_opened,ar,<b>,,5\r\n", "column module"},
        {"2024-03-01,module_opened,ar,rights and wrongs,,5\r\n", "column module"},
        {"2024-03-01,module_opened,ar,module-name-that-is-forty-bytes-long-xxx,,5\r\n", "column module"},
        {"2024-03-01,slide_deepest,ar,rights,-1,5\r\n", "column item"},
        {"2024-03-01,slide_deepest,ar,rights,01,5\r\n", "column item"},
        {"2024-03-01,slide_deepest,ar,rights,1000000,5\r\n", "column item"},
        {"2024-03-01,session_start,,,,2305843009213693952\r\n", "column value"}, /* 2^61 */
        {"2024-03-01,session_start,,,,9223372036854775807\r\n", "column value"},
        {"2024-03-01,session_start,,,,10000001\r\n", "column value"},
        {"2024-03-01,session_start,,,,-5\r\n", "column value"},
        {"2024-03-01,session_start,,,,+5\r\n", "column value"},
        {"2024-03-01,session_start,,,, 5\r\n", "column value"},
        {"2024-03-01,session_start,,,,5,7\r\n", "fields, not 6"},
        {"2024-03-01,session_start,,,,5\r\n2024-03-01,session_start,,,,6\r\n", "listed twice"},
    };
    SignKey k;
    key_make(&k);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char f[PATH_MAX];
        snprintf(f, sizeof f, "%s/csv%zu/e", root, i);
        /* Days inside the manifest's range unless the day itself is the
         * hostile field. */
        Kv over[] = {{"day_first", "2024-03-01"}, {"day_last", "2024-03-01"}};
        forge(f, KIOSK, &k, 1, cases[i].body, over, 2);
        expect_refused(f, cases[i].needle, NULL);
    }
    /* The manifest's row count, and a quote left open. */
    {
        char g[PATH_MAX];
        snprintf(g, sizeof g, "%s/csv-rows/e", root);
        Kv rows3 = {"rows", "3"};
        forge(g, KIOSK, &k, 1, GOOD_BODY, &rows3, 1);
        expect_refused(g, "counters.csv: 2 records, but the manifest's field rows says 3", NULL);
        snprintf(g, sizeof g, "%s/csv-quote/e", root);
        Kv one[] = {{"rows", "1"}, {"day_first", "2024-03-01"}, {"day_last", "2024-03-01"}};
        forge(g, KIOSK, &k, 1, "2024-03-01,session_start,\"ar,,,5\r\n", one, 3);
        expect_refused(g, "counters.csv", NULL);
    }
    /* A day outside the manifest's first..last. */
    char f[PATH_MAX];
    snprintf(f, sizeof f, "%s/csv-range/e", root);
    Kv over[] = {{"day_last", "2024-03-01"}};
    forge(f, KIOSK, &k, 1, "2024-03-01,session_start,,,,5\r\n2024-03-02,session_start,,,,5\r\n", over, 1);
    expect_refused(f, "column day: outside", NULL);
}

/* Values are bounded at merge, and per-day sums never wrap: a database
 * holding huge values (from an older taama-report) makes the sum fail. */
static void test_counter_overflow(void **state)
{
    (void)state;
    /* The largest accepted value, from many rows of one day: sums fine. */
    SignKey k;
    key_make(&k);
    char body[4096] = "";
    static const char *const langs[] = {"ar", "fr", "en", "ti", "ha", "ff", "bm", "wo"};
    for (size_t i = 0; i < 8; i++) {
        char line[128];
        snprintf(line, sizeof line, "2024-03-01,language_chosen,%s,,,%d\r\n", langs[i], REPORT_VALUE_MAX);
        strncat(body, line, sizeof body - strlen(body) - 1);
    }
    char f[PATH_MAX];
    snprintf(f, sizeof f, "%s/max/e", root);
    forge(f, KIOSK, &k, 1, body, NULL, 0);
    ReportDb *db = fresh_db("max.sqlite");
    char msg[4096];
    MergeSummary s = merge(db, f, msg, sizeof msg);
    if (s.taken != 1)
        fail_msg("not taken: %s", msg);
    assert_int_equal(q1(db, "SELECT value FROM day_sums WHERE dim=0"), 8LL * REPORT_VALUE_MAX);

    /* Values near 2^62 put straight into the database: the sum of two
     * overflows int64, and the update refuses instead of storing a
     * negative total. */
    sqlite3 *h = report_db_handle(db);
    int64_t metric = q1(db, "SELECT id FROM names WHERE name='language_chosen'");
    int64_t kid = q1(db, "SELECT kid FROM kiosks");
    assert_int_equal(sqlite3_exec(h, "UPDATE counts SET value=4611686018427387904", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
    assert_int_not_equal(report_db_sums_update(h, metric, kid, 20240301, 20240301), ERR_OK);
    assert_int_equal(sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
    assert_true(q1(db, "SELECT min(value) FROM day_sums") >= 0);
    /* And the SQL rebuild fails too, rather than wrapping. */
    assert_int_not_equal(report_db_sums_rebuild(h), ERR_OK);
    assert_true(q1(db, "SELECT min(value) FROM day_sums") >= 0);
    report_close(db);
}

/* The quarantine as a set of (kiosk, key, epoch, seq, rows). */
static void quarantine_text(ReportDb *db, char *out, size_t sz)
{
    sqlite3_stmt *st;
    out[0] = '\0';
    assert_int_equal(sqlite3_prepare_v2(report_db_handle(db),
                                        "SELECT kiosk_id, pubkey, epoch, seq, rows FROM quarantine ORDER BY 1,2,3,4",
                                        -1, &st, NULL),
                     SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) {
        char line[256];
        snprintf(line, sizeof line, "%s %s %lld %lld %lld\n", sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
                 (long long)sqlite3_column_int64(st, 2), (long long)sqlite3_column_int64(st, 3),
                 (long long)sqlite3_column_int64(st, 4));
        strncat(out, line, sz - strlen(out) - 1);
    }
    sqlite3_finalize(st);
}

/* A forged export with a real kiosk's id, merged before or after the real
 * one: the same result either way (both quarantined), and accepting the
 * real key counts exactly the real counts. */
static void test_takeover_order_independent(void **state)
{
    (void)state;
    SignKey real, forged;
    key_make(&real);
    key_make(&forged);
    char r[PATH_MAX], f[PATH_MAX], f2[PATH_MAX], r2[PATH_MAX];
    snprintf(r, sizeof r, "%s/to/real1", root);
    snprintf(f, sizeof f, "%s/to/forged1", root);
    snprintf(f2, sizeof f2, "%s/to/forged2", root);
    snprintf(r2, sizeof r2, "%s/to/real2", root);
    forge(r, KIOSK, &real, 1, "2024-03-01,session_start,,,,5\r\n", NULL, 0);
    forge(f, KIOSK, &forged, 1, "2024-03-01,session_start,,,,9999\r\n", NULL, 0);
    forge(f2, KIOSK, &forged, 2, "2024-03-01,session_start,,,,9999\r\n2024-03-02,session_start,,,,1\r\n", NULL, 0);
    forge(r2, KIOSK, &real, 2, "2024-03-01,session_start,,,,5\r\n2024-03-02,session_start,,,,4\r\n", NULL, 0);
    char qtext[2][2048], msg[4096];
    for (int order = 0; order < 2; order++) {
        ReportDb *db = fresh_db(order ? "to-fr.sqlite" : "to-rf.sqlite");
        const char *first = order ? f : r, *second = order ? r : f;
        MergeSummary s = merge(db, first, msg, sizeof msg);
        assert_int_equal(s.taken, 1);
        s = merge(db, second, msg, sizeof msg);
        if (s.quarantined != 1 || !strstr(msg, "KEY CHANGED"))
            fail_msg("order %d: second claim not quarantined: %s", order, msg);
        /* Neither claim counts, both are kept. */
        assert_int_equal(sessions(db), 0);
        assert_int_equal(q1(db, "SELECT count(*) FROM kiosks"), 0);
        assert_int_equal(q1(db, "SELECT count(*) FROM quarantine WHERE counters IS NOT NULL"), 2);
        /* Further exports of either key while disputed: quarantined too;
         * the same ones again: skipped. */
        s = merge(db, f2, msg, sizeof msg);
        assert_int_equal(s.quarantined, 1);
        s = merge(db, first, msg, sizeof msg);
        assert_int_equal(s.already, 1);
        assert_int_equal(sessions(db), 0);
        quarantine_text(db, qtext[order], sizeof qtext[order]);
        /* Listed for the manager, with the command to resolve it. */
        char *buf = NULL;
        size_t len = 0;
        FILE *o = open_memstream(&buf, &len);
        int64_t nq = 0;
        assert_int_equal(report_print_quarantine(db, o, &nq), ERR_OK);
        fclose(o);
        assert_int_equal(nq, 3);
        assert_non_null(strstr(buf, "taama-report accept " KIOSK));
        free(buf);
        /* The manager accepts the real key (by prefix): exactly the real
         * counts, whatever came first. */
        char prefix[17];
        snprintf(prefix, sizeof prefix, "%.16s", real.hex);
        assert_int_equal(report_enroll(db, KIOSK, prefix, NULL, NULL), ERR_OK);
        assert_int_equal(sessions(db), 5);
        assert_int_equal(q1(db, "SELECT count(*) FROM quarantine"), 2); /* the forged key's */
        /* Now enrolled: the real kiosk's next export counts, a forged one
         * is quarantined and the real counts stay. */
        s = merge(db, r2, msg, sizeof msg);
        assert_int_equal(s.taken, 1);
        assert_int_equal(sessions(db), 9);
        char f3[PATH_MAX];
        snprintf(f3, sizeof f3, "%s/to/forged3-%d", root, order);
        forge(f3, KIOSK, &forged, 3, "2024-03-03,session_start,,,,777\r\n", NULL, 0);
        s = merge(db, f3, msg, sizeof msg);
        assert_int_equal(s.quarantined, 1);
        assert_non_null(strstr(msg, "enrolled"));
        assert_int_equal(sessions(db), 9);
        /* The forged key's exports, dismissed; the counted key cannot be. */
        char fprefix[17];
        snprintf(fprefix, sizeof fprefix, "%.16s", forged.hex);
        assert_int_equal(report_reject(db, KIOSK, prefix, NULL), ERR_KEY);
        int64_t dropped = 0;
        assert_int_equal(report_reject(db, KIOSK, fprefix, &dropped), ERR_OK);
        assert_int_equal(dropped, 3);
        assert_int_equal(q1(db, "SELECT count(*) FROM quarantine"), 0);
        assert_int_equal(sessions(db), 9);
        assert_int_equal(report_reject(db, KIOSK, fprefix, NULL), ERR_NOTFOUND);
        /* forget removes every count, export, key and claim. */
        int64_t removed = 0;
        assert_int_equal(report_forget_kiosk(db, KIOSK, &removed), ERR_OK);
        assert_true(removed >= 2);
        assert_int_equal(sessions(db), 0);
        assert_int_equal(q1(db, "SELECT count(*) FROM counts"), 0);
        assert_int_equal(q1(db, "SELECT count(*) FROM day_sums"), 0);
        assert_int_equal(q1(db, "SELECT count(*) FROM quarantine"), 0);
        assert_int_equal(q1(db, "SELECT count(*) FROM exports"), 0);
        assert_int_equal(report_forget_kiosk(db, KIOSK, NULL), ERR_NOTFOUND);
        report_close(db);
    }
    assert_string_equal(qtext[0], qtext[1]);
}

/* Two exports under root/tag, each with its own key: a = kiosk KIOSK
 * with GOOD_BODY, b = kiosk id_b with body_b. */
static void forge_pair(const char *tag, const char *id_b, const char *body_b, char a[PATH_MAX], char b[PATH_MAX])
{
    SignKey k, other;
    key_make(&k);
    key_make(&other);
    snprintf(a, PATH_MAX, "%s/%s/a", root, tag);
    snprintf(b, PATH_MAX, "%s/%s/b", root, tag);
    forge(a, KIOSK, &k, 1, GOOD_BODY, NULL, 0);
    forge(b, id_b, &other, 1, body_b, NULL, 0);
}

/* forget of a kiosk counted normally removes its counts from every table
 * the reports read (the old forget only dropped the key). */
static void test_forget_removes_counts(void **state)
{
    (void)state;
    char a[PATH_MAX], b[PATH_MAX];
    forge_pair("fg", "fedcba9876543210fedcba9876543210", "2024-03-01,session_start,,,,7\r\n", a, b);
    ReportDb *db = fresh_db("fg.sqlite");
    merge(db, a, NULL, 0);
    merge(db, b, NULL, 0);
    assert_int_equal(sessions(db), 12);
    assert_int_equal(report_forget_kiosk(db, KIOSK, NULL), ERR_OK);
    assert_int_equal(sessions(db), 7);
    assert_int_equal(q1(db, "SELECT COALESCE(SUM(value),0) FROM day_sums WHERE dim=0"), 7);
    report_close(db);
}

/* Enrolled before anything is merged: a forged export never counts, in
 * either order. --enrolled-only quarantines unknown kiosks until accepted;
 * a list file enrolls many. */
static void test_enrolled_kiosks(void **state)
{
    (void)state;
    SignKey real, forged;
    key_make(&real);
    key_make(&forged);
    char r[PATH_MAX], f[PATH_MAX], msg[4096];
    snprintf(r, sizeof r, "%s/en/real", root);
    snprintf(f, sizeof f, "%s/en/forged", root);
    forge(r, KIOSK, &real, 1, "2024-03-01,session_start,,,,5\r\n", NULL, 0);
    forge(f, KIOSK, &forged, 1, "2024-03-01,session_start,,,,9999\r\n", NULL, 0);
    for (int order = 0; order < 2; order++) {
        ReportDb *db = fresh_db("en.sqlite");
        assert_int_equal(report_enroll(db, KIOSK, real.hex, "Bus station", NULL), ERR_OK);
        MergeSummary s1 = merge(db, order ? f : r, msg, sizeof msg);
        MergeSummary s2 = merge(db, order ? r : f, msg, sizeof msg);
        assert_int_equal(s1.taken + s2.taken, 1);
        assert_int_equal(s1.quarantined + s2.quarantined, 1);
        assert_int_equal(sessions(db), 5);
        report_close(db);
    }
    /* --enrolled-only */
    ReportDb *db = fresh_db("eo.sqlite");
    MergeSummary s = merge_opt(db, r, 1, msg, sizeof msg);
    assert_int_equal(s.quarantined, 1);
    assert_non_null(strstr(msg, "not enrolled"));
    assert_int_equal(sessions(db), 0);
    assert_int_equal(report_enroll(db, KIOSK, "0123", NULL, NULL), ERR_INVALID); /* prefix too short */
    assert_int_equal(report_enroll(db, KIOSK, "ffffffffffff", NULL, NULL) != ERR_OK, 1);
    char prefix[13];
    snprintf(prefix, sizeof prefix, "%.12s", real.hex);
    assert_int_equal(report_enroll(db, KIOSK, prefix, NULL, NULL), ERR_OK);
    assert_int_equal(sessions(db), 5);
    assert_int_equal(q1(db, "SELECT count(*) FROM quarantine"), 0);
    report_close(db);
    /* --enrolled-only also holds back a kiosk registered on first use
     * (its counts so far stay). */
    db = fresh_db("eo2.sqlite");
    merge(db, r, NULL, 0);
    char r2[PATH_MAX];
    snprintf(r2, sizeof r2, "%s/en/real2", root);
    forge(r2, KIOSK, &real, 2, "2024-03-01,session_start,,,,8\r\n", NULL, 0);
    s = merge_opt(db, r2, 1, msg, sizeof msg);
    assert_int_equal(s.quarantined, 1);
    assert_int_equal(sessions(db), 5);
    assert_int_equal(report_enroll(db, KIOSK, real.hex, NULL, NULL), ERR_OK);
    assert_int_equal(sessions(db), 8);
    report_close(db);
    /* A list file. */
    char lp[PATH_MAX], line[512];
    snprintf(lp, sizeof lp, "%s/kiosks.csv", root);
    snprintf(line, sizeof line, "# kiosk_id,pubkey,label\n%s,%s,Bus station\n", KIOSK, real.hex);
    assert_int_equal(fileio_write_atomic(lp, line, strlen(line), 0644), ERR_OK);
    db = fresh_db("list.sqlite");
    FILE *null = fopen("/dev/null", "w");
    assert_int_equal(report_enroll_list(db, lp, null, null), ERR_OK);
    s = merge_opt(db, f, 1, msg, sizeof msg);
    assert_int_equal(s.quarantined, 1);
    s = merge_opt(db, r, 1, msg, sizeof msg);
    assert_int_equal(s.taken, 1);
    assert_int_equal(sessions(db), 5);
    /* A bad line enrolls nothing. */
    snprintf(line, sizeof line, "%s,%s\n<script>,%s\n", "fedcba9876543210fedcba9876543210", real.hex, real.hex);
    assert_int_equal(fileio_write_atomic(lp, line, strlen(line), 0644), ERR_OK);
    assert_int_not_equal(report_enroll_list(db, lp, null, null), ERR_OK);
    assert_int_equal(q1(db, "SELECT count(*) FROM kiosks"), 1);
    fclose(null);
    report_close(db);
}

/* first merged, then second: second is a CLONE, both quarantined. */
static void expect_clone(const char *first, const char *second, const char *what)
{
    char msg[4096];
    ReportDb *db = fresh_db("clone.sqlite");
    merge(db, first, NULL, 0);
    MergeSummary s = merge(db, second, msg, sizeof msg);
    if (s.quarantined != 1 || !strstr(msg, "CLONE"))
        fail_msg("%s: %s", what, msg);
    assert_int_equal(sessions(db), 0);
    assert_int_equal(q1(db, "SELECT count(*) FROM quarantine"), 2);
    report_close(db);
}

/* Two kiosks sharing one id and key (a cloned SD card): same export
 * number with other counts, or counts that went down. Both claims are
 * kept in quarantine and neither is counted, in any order. */
static void test_cloned_card(void **state)
{
    (void)state;
    SignKey k;
    key_make(&k);
    char a1[PATH_MAX], b1[PATH_MAX], a2[PATH_MAX], b3[PATH_MAX], msg[4096];
    snprintf(a1, sizeof a1, "%s/cl/a1", root);
    snprintf(b1, sizeof b1, "%s/cl/b1", root);
    snprintf(a2, sizeof a2, "%s/cl/a2", root);
    snprintf(b3, sizeof b3, "%s/cl/b3", root);
    forge(a1, KIOSK, &k, 1, "2024-03-01,session_start,,,,5\r\n", NULL, 0);
    forge(b1, KIOSK, &k, 1, "2024-03-01,session_start,,,,7\r\n", NULL, 0);
    forge(a2, KIOSK, &k, 2, "2024-03-01,session_start,,,,10\r\n", NULL, 0);
    forge(b3, KIOSK, &k, 3, "2024-03-01,session_start,,,,4\r\n", NULL, 0);
    for (int order = 0; order < 2; order++) {
        ReportDb *db = fresh_db("cl.sqlite");
        merge(db, order ? b1 : a1, NULL, 0);
        MergeSummary s = merge(db, order ? a1 : b1, msg, sizeof msg);
        if (s.quarantined != 1 || !strstr(msg, "CONFLICT"))
            fail_msg("same number, other counts: %s", msg);
        assert_int_equal(sessions(db), 0);
        assert_int_equal(q1(db, "SELECT count(*) FROM quarantine WHERE counters IS NOT NULL"), 2);
        /* Accepting the shared key would decide by order: refused. */
        assert_int_equal(report_enroll(db, KIOSK, k.hex, NULL, NULL), ERR_KEY);
        assert_int_equal(sessions(db), 0);
        report_close(db);
    }
    /* A counter that goes down in a newer export. */
    expect_clone(a2, b3, "a counter went down");
    /* A newer export that lacks a counter already merged. */
    char a3[PATH_MAX], b4[PATH_MAX];
    snprintf(a3, sizeof a3, "%s/cl/a3", root);
    snprintf(b4, sizeof b4, "%s/cl/b4", root);
    forge(a3, KIOSK, &k, 3, "2024-03-01,session_start,,,,10\r\n2024-03-01,help_shown,ar,,,1\r\n", NULL, 0);
    forge(b4, KIOSK, &k, 4, "2024-03-01,session_start,,,,12\r\n", NULL, 0);
    expect_clone(a3, b4, "a counter dropped");
    /* An older export with counts never seen is not a replay. */
    char b1b[PATH_MAX];
    snprintf(b1b, sizeof b1b, "%s/cl/b1b", root);
    forge(b1b, KIOSK, &k, 1, "2024-03-01,session_start,,,,3\r\n2024-03-01,help_shown,ti,,,2\r\n", NULL, 0);
    expect_clone(a2, b1b, "older with new counts");
    /* While a real older export (contained in the newer) is a replay. */
    ReportDb *db = fresh_db("cl4.sqlite");
    merge(db, a2, NULL, 0);
    MergeSummary s = merge(db, a1, msg, sizeof msg);
    if (s.refused != 1 || !strstr(msg, "replayed"))
        fail_msg("replay: %s", msg);
    assert_int_equal(sessions(db), 10);
    report_close(db);
}

/* A stick prepared to hang or mislead merge. */
static void test_hostile_stick(void **state)
{
    (void)state;
    SignKey k;
    key_make(&k);
    char stick[PATH_MAX], f[2 * PATH_MAX], p[3 * PATH_MAX], msg[4096];
    snprintf(stick, sizeof stick, "%s/stick", root);
    /* A FIFO named manifest.json: refused at once, no hang. */
    snprintf(f, sizeof f, "%s/taama-export/" KIOSK "/1-000001", stick);
    forge(f, KIOSK, &k, 1, GOOD_BODY, NULL, 0);
    snprintf(p, sizeof p, "%s/" EXPORT_MANIFEST_NAME, f);
    unlink(p);
    assert_int_equal(mkfifo(p, 0644), 0);
    /* Opening a FIFO for reading blocks until a writer comes: if merge
     * did, the alarm ends the test (a failure) instead of hanging. */
    alarm(300);
    ReportDb *db = fresh_db("st.sqlite");
    MergeSummary s = merge(db, stick, msg, sizeof msg);
    if (s.refused != 1 || !strstr(msg, "not a regular file"))
        fail_msg("FIFO manifest: %s", msg);
    report_close(db);
    /* A FIFO named counters.csv. */
    forge(f, KIOSK, &k, 1, GOOD_BODY, NULL, 0);
    snprintf(p, sizeof p, "%s/" EXPORT_CSV_NAME, f);
    unlink(p);
    assert_int_equal(mkfifo(p, 0644), 0);
    expect_refused(stick, "counters.csv", "not a regular file");
    alarm(0);
    /* counters.csv a symlink to the real (good) file elsewhere: not
     * followed. */
    char good[PATH_MAX];
    snprintf(good, sizeof good, "%s/elsewhere", root);
    forge(good, KIOSK, &k, 1, GOOD_BODY, NULL, 0);
    forge(f, KIOSK, &k, 1, GOOD_BODY, NULL, 0);
    unlink(p);
    char target[PATH_MAX + 32];
    snprintf(target, sizeof target, "%s/" EXPORT_CSV_NAME, good);
    assert_int_equal(symlink(target, p), 0);
    expect_refused(stick, "counters.csv", "not a regular file");
    /* A symlink to a device. */
    unlink(p);
    assert_int_equal(symlink("/dev/zero", p), 0);
    expect_refused(stick, "counters.csv", "not a regular file");
    /* A folder named counters.csv (opens, but is no file to read). */
    unlink(p);
    assert_int_equal(mkdir(p, 0755), 0);
    expect_refused(stick, "counters.csv", "not a regular file");
    assert_int_equal(rmdir(p), 0);
    /* A symlinked manifest. */
    forge(f, KIOSK, &k, 1, GOOD_BODY, NULL, 0);
    snprintf(p, sizeof p, "%s/" EXPORT_MANIFEST_NAME, f);
    unlink(p);
    snprintf(target, sizeof target, "%s/" EXPORT_MANIFEST_NAME, good);
    assert_int_equal(symlink(target, p), 0);
    expect_refused(stick, "manifest.json", "not a regular file");
    /* A huge listed file: refused from the manifest, never read. */
    forge(f, KIOSK, &k, 1, GOOD_BODY, NULL, 0);
    {
        snprintf(p, sizeof p, "%s/" EXPORT_MANIFEST_NAME, f);
        char *mb;
        size_t ml;
        assert_int_equal(fileio_read_all(p, 1 << 20, &mb, &ml), ERR_OK);
        Err e;
        Manifest *m = manifest_parse(mb, ml, &e);
        free(mb);
        assert_non_null(m);
        Manifest *m2 = manifest_new();
        size_t nk = manifest_meta_count(m);
        for (size_t i = 0; i < nk; i++)
            assert_int_equal(manifest_set(m2, manifest_meta_key(m, i), manifest_get(m, manifest_meta_key(m, i))), ERR_OK);
        assert_int_equal(manifest_add_file(m2, EXPORT_CSV_NAME, 8ull << 30, manifest_file(m, 0)->sha256), ERR_OK);
        manifest_free(m);
        assert_int_equal(manifest_serialize(m2, &mb, &ml), ERR_OK);
        manifest_free(m2);
        assert_int_equal(fileio_write_atomic(p, mb, ml, 0644), ERR_OK);
        unsigned char sig[crypto_sign_BYTES];
        crypto_sign_detached(sig, NULL, (unsigned char *)mb, ml, k.sk);
        free(mb);
        snprintf(p, sizeof p, "%s/" EXPORT_SIG_NAME, f);
        assert_int_equal(export_write_hex_key(p, sig, sizeof sig, 0644), ERR_OK);
        snprintf(p, sizeof p, "%s/" EXPORT_CSV_NAME, f);
        assert_int_equal(truncate(p, 8ll << 30), 0); /* sparse */
        expect_refused(stick, "counters.csv is listed as", NULL);
        unlink(p);
    }
    /* Symlinked folders (a loop, and an alias of the real export): not
     * walked, so the export is seen once and the walk ends. */
    char cmd[4 * PATH_MAX];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", stick, stick);
    assert_int_equal(system(cmd), 0);
    forge(f, KIOSK, &k, 1, GOOD_BODY, NULL, 0);
    snprintf(p, sizeof p, "%s/loop", stick);
    assert_int_equal(symlink(".", p), 0);
    snprintf(p, sizeof p, "%s/taama-export/alias", stick);
    assert_int_equal(symlink(KIOSK, p), 0);
    snprintf(p, sizeof p, "%s/taama-export/outside", stick);
    assert_int_equal(symlink(good, p), 0);
    db = fresh_db("loop.sqlite");
    s = merge(db, stick, msg, sizeof msg);
    if (s.taken != 1 || s.already != 0 || s.refused != 0)
        fail_msg("symlinked folders followed: %s", msg);
    report_close(db);
}

/* Nothing from a stick reaches the terminal raw: a folder named with
 * escape sequences is printed with them replaced. */
static void test_terminal_escapes(void **state)
{
    (void)state;
    SignKey k;
    key_make(&k);
    char f[PATH_MAX], msg[4096];
    snprintf(f, sizeof f, "%s/esc/evil\x1b]0;owned\x07\x1b[2J\xc2\x9b" "31m", root);
    forge(f, KIOSK, &k, 1, GOOD_BODY, NULL, 0);
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s/esc", root);
    ReportDb *db = fresh_db("esc.sqlite");
    MergeSummary s = merge(db, p, msg, sizeof msg);
    assert_int_equal(s.taken, 1);
    assert_null(strchr(msg, '\x1b'));
    assert_null(strchr(msg, '\x07'));
    assert_null(strstr(msg, "\xc2\x9b")); /* C1 CSI */
    assert_non_null(strstr(msg, "evil?]0;owned??[2J?31m"));
    /* gaps, on a database from an older version holding anything. */
    sqlite3 *h = report_db_handle(db);
    assert_int_equal(sqlite3_exec(h,
                                  "INSERT INTO kiosks(kiosk_id, pubkey) VALUES('k' || char(27) || ']0;x' || char(7), '');"
                                  "INSERT INTO exports(kiosk_id, epoch, seq, manifest_sha256, rows) VALUES('k' ||"
                                  " char(27) || ']0;x' || char(7), 1, 1, 'x', 0)",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    char *buf = NULL;
    size_t len = 0;
    FILE *o = open_memstream(&buf, &len);
    assert_int_equal(report_print_gaps(db, o), ERR_OK);
    fclose(o);
    assert_non_null(strstr(buf, "kiosk k?]0;x? epoch 1"));
    assert_null(strchr(buf, '\x1b'));
    free(buf);
    report_close(db);
    char out[64];
    report_term_safe("a\x1b[1mb\xff\xe2\x80\xae" "c\n", out, sizeof out);
    assert_string_equal(out, "a?[1mb??c?");
}

/* Interned names stay found past any fixed table size (the old table
 * held 4096 slots and then scanned every name on each lookup). */
static void test_many_names(void **state)
{
    (void)state;
    ReportDb *db = fresh_db("names.sqlite");
    sqlite3 *h = report_db_handle(db);
    ReportNames n = {0};
    assert_int_equal(sqlite3_exec(h, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
    for (int i = 0; i < 20000; i++) {
        char s[32];
        int64_t id;
        snprintf(s, sizeof s, "m%d", i);
        assert_int_equal(report_names_intern(h, &n, s, &id), ERR_OK);
    }
    assert_int_equal(sqlite3_exec(h, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    assert_true(n.nslot >= 2 * n.n);
    for (int i = 0; i < 20000; i += 997) {
        char s[32];
        snprintf(s, sizeof s, "m%d", i);
        assert_string_equal(report_names_of(&n, report_names_find(&n, s)), s);
    }
    assert_int_equal(report_names_find(&n, "nope"), -1);
    report_names_clear(&n);
    assert_int_equal(report_names_load(h, &n), ERR_OK);
    assert_true(report_names_find(&n, "m19999") >= 0);
    report_names_clear(&n);
    report_close(db);
}

/* A manifest listing a path twice is refused when parsed; one listing
 * many files parses, and every file is found (by binary search). */
static void test_manifest_files(void **state)
{
    (void)state;
    const char *h = "0000000000000000000000000000000000000000000000000000000000000000";
    size_t cap = 256 + 20000 * 200; /* each entry is about 120 bytes */
    char *j = malloc(cap);
    assert_non_null(j);
    size_t n = (size_t)snprintf(j, cap, "{\"files\":[");
    for (int i = 0; i < 20000; i++)
        n += (size_t)snprintf(j + n, cap - n, "%s{\"path\":\"d/f%05d.txt\",\"sha256\":\"%s\",\"size\":%d}",
                              i ? "," : "", (i * 7919) % 20000, h, i);
    n += (size_t)snprintf(j + n, cap - n, "],\"format\":\"" MANIFEST_FORMAT "\",\"meta\":{}}\n");
    Err e = ERR_OK;
    Manifest *m = manifest_parse(j, n, &e);
    assert_non_null(m);
    assert_int_equal(manifest_file_count(m), 20000);
    for (int i = 0; i < 20000; i += 333) {
        char p[32];
        snprintf(p, sizeof p, "d/f%05d.txt", i);
        const ManifestFile *f = manifest_find_file(m, p);
        assert_non_null(f);
        assert_string_equal(f->path, p);
    }
    assert_null(manifest_find_file(m, "d/f20000.txt"));
    manifest_free(m);
    /* The same path twice, far apart. */
    char *dup = strstr(j, "d/f07919.txt");
    assert_non_null(dup);
    memcpy(dup, "d/f00000.txt", 12);
    m = manifest_parse(j, n, &e);
    assert_null(m);
    assert_int_equal(e, ERR_FORMAT);
    free(j);
}

/* root/name, which must exist, opened again. */
static ReportDb *reopen(const char *name)
{
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s/%s", root, name);
    Err why = ERR_OK;
    ReportDb *db = report_open(p, &why);
    assert_non_null(db);
    return db;
}

/* A fresh database root/name with the first export of a forge_pair(tag)
 * merged (and, when also_g, the second key's export g, quarantined), taken
 * back to an older schema by the SQL downgrade, closed and opened again:
 * the migration under test runs in the last step. */
static ReportDb *merged_then_downgraded(const char *tag, const char *name, int also_g, const char *downgrade,
                                        char g[PATH_MAX])
{
    char f[PATH_MAX];
    forge_pair(tag, KIOSK, "2024-03-01,session_start,,,,9\r\n", f, g);
    ReportDb *db = fresh_db(name);
    merge(db, f, NULL, 0);
    if (also_g)
        assert_int_equal(merge(db, g, NULL, 0).quarantined, 1);
    assert_int_equal(sqlite3_exec(report_db_handle(db), downgrade, NULL, NULL, NULL), SQLITE_OK);
    report_close(db);
    return reopen(name);
}

/* A schema 2 database (before the quarantine) opens as schema 5 with its
 * counts, its kiosks trusted as first use, the quarantine, the health and
 * contacts tables (the steps chained), and takes exports. */
static void test_migrate_v2(void **state)
{
    (void)state;
    char g[PATH_MAX];
    /* Back to schema 2: what versions 3 and 4 added, removed. */
    ReportDb *db = merged_then_downgraded("mig", "v2.sqlite", 0,
                                          "DROP TABLE health; DROP TABLE quarantine; ALTER TABLE kiosks DROP"
                                          " COLUMN trust; DROP TABLE contacts; PRAGMA user_version=2",
                                          g);
    assert_int_equal(q1(db, "SELECT user_version FROM pragma_user_version"), 5);
    assert_int_equal(q1(db, "SELECT count(*) FROM kiosks WHERE trust='first-use'"), 1);
    assert_int_equal(q1(db, "SELECT count(*) FROM sqlite_schema WHERE type='table' AND name='health'"), 1);
    assert_int_equal(q1(db, "SELECT count(*) FROM pragma_table_info('quarantine') WHERE name='health'"), 1);
    assert_int_equal(sessions(db), 5);
    /* The quarantine works on it: a second key for the id. */
    MergeSummary s = merge(db, g, NULL, 0);
    assert_int_equal(s.quarantined, 1);
    assert_int_equal(q1(db, "SELECT count(*) FROM quarantine"), 2);
    report_close(db);
}

/* A schema 3 database (quarantine, no fleet health) opens as schema 5: its
 * quarantine kept, the health table and quarantine.health added. A schema
 * 3 file without the quarantine is not ours and is refused untouched. */
static void test_migrate_v3(void **state)
{
    (void)state;
    char g[PATH_MAX];
    ReportDb *db = merged_then_downgraded("mig3", "v3.sqlite", 1,
                                          "DROP TABLE health; ALTER TABLE quarantine DROP COLUMN health;"
                                          " DROP TABLE contacts; PRAGMA user_version=3",
                                          g);
    assert_int_equal(q1(db, "SELECT user_version FROM pragma_user_version"), 5);
    assert_int_equal(q1(db, "SELECT count(*) FROM quarantine"), 2);
    assert_int_equal(q1(db, "SELECT count(*) FROM health"), 0);
    assert_int_equal(q1(db, "SELECT count(*) FROM pragma_table_info('quarantine') WHERE name='health'"), 1);
    /* forget still works on a migrated database */
    assert_int_equal(report_forget_kiosk(db, KIOSK, NULL), ERR_OK);
    report_close(db);

    sqlite3 *h = NULL;
    char p[PATH_MAX];
    Err why = ERR_OK;
    snprintf(p, sizeof p, "%s/not-v3.sqlite", root);
    assert_int_equal(sqlite3_open(p, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "CREATE TABLE day_sums(x); PRAGMA user_version=3", NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(h);
    assert_null(report_open(p, &why));
    assert_int_equal(why, ERR_CORRUPT);
}

/* An authorizer that refuses every read of the names table. */
static int deny_names(void *ud, int action, const char *a, const char *b, const char *c, const char *d)
{
    (void)ud;
    (void)b;
    (void)c;
    (void)d;
    return action == SQLITE_READ && a && strcmp(a, "names") == 0 ? SQLITE_DENY : SQLITE_OK;
}

/* A refused export's new names are rolled back and the names reloaded;
 * when that reload fails, merge stops with a database error rather than
 * count later exports under ids the database no longer has. */
static void test_names_reload_failure(void **state)
{
    (void)state;
    SignKey k;
    key_make(&k);
    char dir[PATH_MAX], msg[2000];
    snprintf(dir, sizeof dir, "%s/reload/a", root);
    forge(dir, KIOSK, &k, 1, "2024-03-01,session_start,,,,5\r\n2024-03-01,session_start,,,,6\r\n", NULL, 0);
    ReportDb *db = fresh_db("reload.sqlite");
    sqlite3_set_authorizer(report_db_handle(db), deny_names, NULL);
    Err e = ERR_OK;
    MergeSummary s = support_merge(db, dir, NULL, 0, msg, sizeof msg, &e);
    sqlite3_set_authorizer(report_db_handle(db), NULL, NULL);
    assert_int_equal(e, ERR_DB);
    assert_int_equal(s.refused, 1);
    assert_non_null(strstr(msg, "FAILED"));
    assert_non_null(strstr(msg, "cannot reload the names"));
    assert_int_equal(q1(db, "SELECT count(*) FROM exports"), 0);
    report_close(db);
}

/* The order of counters shared by merge (counts key) and csv: day, then
 * lang, module, item, whatever the later fields hold; ids wider than 32
 * bits compare as themselves. */
static void test_key_order(void **state)
{
    (void)state;
    typedef struct {
        int64_t day, lang, module, item;
    } Row;
    const Row a = {20240301, 5, 9, 3}, later_day = {20240302, 0, 0, -1}, later_lang = {20240301, 6, 0, -1},
              later_module = {20240301, 5, 10, -1}, later_item = {20240301, 5, 9, 4},
              wide = {20240301, 5, (int64_t)1 << 40, 0};
    const Row *after[] = {&later_day, &later_lang, &later_module, &later_item, &wide};
    for (size_t i = 0; i < sizeof after / sizeof after[0]; i++) {
        assert_int_equal(report_key_cmp(REPORT_KEY(&a), REPORT_KEY(after[i])), -1);
        assert_int_equal(report_key_cmp(REPORT_KEY(after[i]), REPORT_KEY(&a)), 1);
    }
    Row same = a;
    assert_int_equal(report_key_cmp(REPORT_KEY(&a), REPORT_KEY(&same)), 0);
    /* an item left empty (-1) sorts before every item of its key */
    const Row none = {20240301, 5, 9, -1};
    assert_int_equal(report_key_cmp(REPORT_KEY(&none), REPORT_KEY(&a)), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forged_good_export_taken),
        cmocka_unit_test(test_real_labels_taken),
        cmocka_unit_test(test_hostile_manifest_fields),
        cmocka_unit_test(test_hostile_csv_rows),
        cmocka_unit_test(test_counter_overflow),
        cmocka_unit_test(test_takeover_order_independent),
        cmocka_unit_test(test_forget_removes_counts),
        cmocka_unit_test(test_enrolled_kiosks),
        cmocka_unit_test(test_cloned_card),
        cmocka_unit_test(test_hostile_stick),
        cmocka_unit_test(test_terminal_escapes),
        cmocka_unit_test(test_many_names),
        cmocka_unit_test(test_migrate_v2),
        cmocka_unit_test(test_migrate_v3),
        cmocka_unit_test(test_manifest_files),
        cmocka_unit_test(test_key_order),
        cmocka_unit_test(test_names_reload_failure),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
