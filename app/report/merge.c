/* merge.c: the campaign database and `taama-report merge`.
 *
 * Each export folder is checked completely (signature, key, hashes,
 * decryption, CSV, sequence) before one transaction adds it; a refusal
 * touches nothing. Counters are merged with max(), which with cumulative
 * snapshots makes merging idempotent and order-independent. */
#include "report/report.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sodium.h>
#include <sqlite3.h>

#include "core/fileio.h"
#include "export/export.h"
#include "export/health.h"
#include "manifest/manifest.h"
#include "stats/stats_types.h"

#define MAX_DEPTH 4

struct ReportDb {
    sqlite3 *db;
    ReportNames names;
};

ReportDb *report_open(const char *path, Err *why)
{
    ReportDb *r = calloc(1, sizeof *r);
    if (!r) {
        if (why)
            *why = ERR_NOMEM;
        return NULL;
    }
    Err e = ERR_OK;
    int rc = sqlite3_open_v2(path, &r->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(r->db, "PRAGMA trusted_schema=OFF", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(r->db, "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=ON",
                          NULL, NULL, NULL);
    if (rc == SQLITE_OK) {
        /* The schema first: a file that is not a campaign database is
         * refused before anything (such as the journal mode) changes it. */
        e = report_db_schema(r->db);
        /* A desktop database rebuilt from the sticks at any time: WAL with
         * synchronous=NORMAL keeps it consistent after a crash and may lose
         * only the last merges on a power cut (merge them again). A real
         * page cache and in-memory sorting for millions of rows. */
        if (!e && sqlite3_exec(r->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", NULL, NULL, NULL) !=
                      SQLITE_OK)
            e = ERR_DB;
        if (!e)
            e = report_names_load(r->db, &r->names);
    } else {
        e = rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT ? ERR_CORRUPT
          : rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN ? ERR_READONLY
                                                           : ERR_DB;
    }
    if (e) {
        if (why)
            *why = e;
        report_close(r);
        return NULL;
    }
    return r;
}

void report_close(ReportDb *db)
{
    if (!db)
        return;
    sqlite3_close(db->db);
    report_names_clear(&db->names);
    free(db);
}

sqlite3 *report_db_handle(ReportDb *db)
{
    return db->db;
}

const ReportNames *report_db_names(ReportDb *db)
{
    return &db->names;
}

Err report_forget_kiosk(ReportDb *db, const char *kiosk_id)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->db, "UPDATE kiosks SET pubkey='' WHERE kiosk_id=?1", -1, &st, NULL) != SQLITE_OK)
        return ERR_DB;
    sqlite3_bind_text(st, 1, kiosk_id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return ERR_DB;
    return sqlite3_changes(db->db) ? ERR_OK : ERR_NOTFOUND;
}

/* ---- one export ---- */

typedef struct {
    StatRow *rows;
    size_t n, cap;
    char why[200];
    int header_seen;
} Parsed;

static int ident_ok(const char *s, size_t max, int allow_empty)
{
    size_t n = strlen(s);
    if (n == 0)
        return allow_empty;
    if (n >= max)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
              c == '.' || c == '-'))
            return 0;
    }
    return 1;
}

static int day_ok(const char *d)
{
    if (strlen(d) != 10 || d[4] != '-' || d[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
            return 0;
    int mon = (d[5] - '0') * 10 + (d[6] - '0'), day = (d[8] - '0') * 10 + (d[9] - '0');
    return mon >= 1 && mon <= 12 && day >= 1 && day <= 31;
}

static int parse_int(const char *s, int64_t lo, int64_t hi, int64_t *out)
{
    if (!*s || strlen(s) > 19)
        return 0;
    for (const char *p = s; *p; p++)
        if (*p < '0' || *p > '9')
            return 0;
    long long v = strtoll(s, NULL, 10);
    if (v < lo || v > hi)
        return 0;
    *out = v;
    return 1;
}

static int row_cb(void *ctx, char **f, size_t n, size_t record)
{
    Parsed *p = ctx;
    if (!p->header_seen) {
        /* The header must be exactly ours: a different layout is refused,
         * not guessed at. */
        char hdr[128] = "";
        for (size_t i = 0; i < n; i++) {
            if (i)
                strncat(hdr, ",", sizeof hdr - strlen(hdr) - 1);
            strncat(hdr, f[i], sizeof hdr - strlen(hdr) - 1);
        }
        if (strcmp(hdr, EXPORT_CSV_HEADER) != 0) {
            snprintf(p->why, sizeof p->why, "unexpected CSV header");
            return 1;
        }
        p->header_seen = 1;
        return 0;
    }
    if (n != 6) {
        snprintf(p->why, sizeof p->why, "CSV record %zu has %zu fields, not 6", record, n);
        return 1;
    }
    int64_t item = -1, value = 0;
    if (!day_ok(f[0]) || !ident_ok(f[1], sizeof p->rows->metric, 0) || !ident_ok(f[2], sizeof p->rows->lang, 1) ||
        !ident_ok(f[3], sizeof p->rows->module, 1) || (*f[4] && !parse_int(f[4], 0, 999999, &item)) ||
        !parse_int(f[5], 0, INT64_MAX / 4, &value)) {
        snprintf(p->why, sizeof p->why, "CSV record %zu is malformed", record);
        return 1;
    }
    if (p->n == p->cap) {
        size_t nc = p->cap ? p->cap * 2 : 1024;
        StatRow *nr = realloc(p->rows, nc * sizeof *nr);
        if (!nr) {
            snprintf(p->why, sizeof p->why, "out of memory");
            return 1;
        }
        p->rows = nr;
        p->cap = nc;
    }
    StatRow *r = &p->rows[p->n++];
    memset(r, 0, sizeof *r);
    /* Lengths were checked above (ident_ok: shorter than the field). */
    memcpy(r->day, f[0], 11);
    memcpy(r->metric, f[1], strlen(f[1]) + 1);
    memcpy(r->lang, f[2], strlen(f[2]) + 1);
    memcpy(r->module, f[3], strlen(f[3]) + 1);
    r->item = (int32_t)item;
    r->value = value;
    return 0;
}

typedef struct {
    char text[300];
} Why;

static void on_issue(void *ctx, ManifestIssue k, const char *path, const char *detail)
{
    Why *w = ctx;
    if (k == MANIFEST_ISSUE_UNLISTED)
        return; /* noted, harmless: only listed files are read */
    if (!w->text[0])
        snprintf(w->text, sizeof w->text, "%s: %s (%s)", path, manifest_issue_str(k), detail);
}

/* A parsed counter with its names interned, in the counts key order. */
typedef struct {
    int64_t metric, lang, module, value;
    int32_t day, item;
} IdRow;

static int idrow_cmp(const void *a, const void *b)
{
    const IdRow *x = a, *y = b;
    if (x->metric != y->metric)
        return x->metric < y->metric ? -1 : 1;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    if (x->lang != y->lang)
        return x->lang < y->lang ? -1 : 1;
    if (x->module != y->module)
        return x->module < y->module ? -1 : 1;
    return (x->item > y->item) - (x->item < y->item);
}

/* The next stored counter of the range `have` reads, into h (its metric
 * kept). 0 at the end. */
static int have_next(sqlite3_stmt *have, IdRow *h)
{
    if (sqlite3_step(have) != SQLITE_ROW)
        return 0;
    h->day = (int32_t)sqlite3_column_int(have, 0);
    h->lang = sqlite3_column_int64(have, 1);
    h->module = sqlite3_column_int64(have, 2);
    h->item = (int32_t)sqlite3_column_int(have, 3);
    h->value = sqlite3_column_int64(have, 4);
    return 1;
}

typedef enum { R_TAKEN, R_ALREADY, R_REFUSED, R_DBFAIL } Outcome;

static int64_t query_int(sqlite3 *db, const char *sql, const char *kiosk, int64_t epoch, int64_t seq,
                         int64_t dflt, char *text_out, size_t text_sz)
{
    sqlite3_stmt *st = NULL;
    int64_t v = dflt;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return dflt;
    sqlite3_bind_text(st, 1, kiosk, -1, SQLITE_STATIC);
    if (sqlite3_bind_parameter_count(st) >= 2)
        sqlite3_bind_int64(st, 2, epoch);
    if (sqlite3_bind_parameter_count(st) >= 3)
        sqlite3_bind_int64(st, 3, seq);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
        v = sqlite3_column_int64(st, 0);
        if (text_out)
            snprintf(text_out, text_sz, "%s", (const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    return v;
}

static Outcome merge_one(ReportDb *rdb, const char *dir, const MergeOptions *opt, char *msg, size_t msgsz)
{
    sqlite3 *db = rdb->db;
    char path[PATH_MAX];
    char *mbytes = NULL, *sigtxt = NULL, *data = NULL, *plain = NULL;
    size_t mlen = 0, siglen = 0, dlen = 0, plen = 0;
    Manifest *m = NULL;
    Parsed parsed = {0};
    Outcome out = R_REFUSED;
    Err e;

#define REFUSE(...)                                  \
    do {                                             \
        snprintf(msg, msgsz, __VA_ARGS__);           \
        goto done;                                   \
    } while (0)

    if (fileio_join(path, sizeof path, dir, EXPORT_MANIFEST_NAME) ||
        (e = fileio_read_all(path, MANIFEST_MAX_BYTES, &mbytes, &mlen)))
        REFUSE("cannot read the manifest");
    if (fileio_join(path, sizeof path, dir, EXPORT_SIG_NAME) ||
        fileio_read_all(path, 4096, &sigtxt, &siglen) != ERR_OK)
        REFUSE("no signature (manifest.sig missing): not a finished export");
    e = ERR_OK;
    m = manifest_parse(mbytes, mlen, &e);
    if (!m)
        REFUSE("manifest unreadable: %s", err_str(e));
    const char *kind = manifest_get(m, "kind");
    const char *kiosk = manifest_get(m, "kiosk_id");
    const char *pkhex = manifest_get(m, "kiosk_pubkey");
    const char *enc = manifest_get(m, "encrypted");
    int64_t epoch = 0, seq = 0, rows = 0, created = 0;
    if (!kind || strcmp(kind, EXPORT_KIND) != 0)
        REFUSE("not a Taama statistics export (kind)");
    if (!kiosk || strlen(kiosk) != 32 || !ident_ok(kiosk, 33, 0) || !pkhex || !enc ||
        manifest_get_int(m, "epoch", &epoch) || manifest_get_int(m, "seq", &seq) ||
        manifest_get_int(m, "rows", &rows) || epoch < 1 || seq < 1 || rows < 0)
        REFUSE("manifest lacks kiosk id, key, epoch, sequence or row count");
    (void)manifest_get_int(m, "created", &created);

    /* Signature over the exact manifest bytes, with the key it names. */
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sig[crypto_sign_BYTES];
    size_t bl = 0;
    const char *end = NULL;
    if (sodium_hex2bin(pk, sizeof pk, pkhex, strlen(pkhex), NULL, &bl, &end) != 0 || bl != sizeof pk || *end)
        REFUSE("kiosk key in manifest is malformed");
    if (sodium_hex2bin(sig, sizeof sig, sigtxt, siglen, "\r\n", &bl, &end) != 0 || bl != sizeof sig)
        REFUSE("signature file is malformed");
    if (crypto_sign_verify_detached(sig, (const unsigned char *)mbytes, mlen, pk) != 0)
        REFUSE("SIGNATURE DOES NOT VERIFY: manifest altered or not made by this kiosk");

    /* Trust on first use. */
    char known[80] = "";
    query_int(db, "SELECT pubkey FROM kiosks WHERE kiosk_id=?1", kiosk, 0, 0, 0, known, sizeof known);
    if (known[0] && strcmp(known, pkhex) != 0)
        REFUSE("!!! KEY CHANGED for kiosk %s: registered key %.16s..., this export is signed by %.16s... "
               "It may be forged. Not merged. If the kiosk's key was really reset, remove it with "
               "`taama-report forget KIOSK_ID` first.",
               kiosk, known, pkhex);

    /* Files. */
    const char *ignore[] = {EXPORT_MANIFEST_NAME, EXPORT_SIG_NAME, NULL};
    Why w = {{0}};
    if (manifest_verify_dir(m, dir, ignore, on_issue, &w) != ERR_OK)
        REFUSE("file check failed: %s", w.text[0] ? w.text : "unknown");
    int encrypted = strcmp(enc, "1") == 0;
    const char *dname = encrypted ? EXPORT_SEALED_NAME : EXPORT_CSV_NAME;
    /* health.json (fleet health) is optional: older kiosks do not write it. */
    if (manifest_file_count(m) != 1 + (manifest_find_file(m, EXPORT_HEALTH_NAME) != NULL) ||
        !manifest_find_file(m, dname))
        REFUSE("manifest does not list exactly %s (and %s)", dname, EXPORT_HEALTH_NAME);
    if (fileio_join(path, sizeof path, dir, dname) || fileio_read_all(path, EXPORT_MAX_BYTES, &data, &dlen))
        REFUSE("cannot read %s", dname);
    /* Read again into memory: check the bytes we parse, not the ones hashed
     * a moment ago (the stick may change under us). */
    char hex[65];
    fileio_sha256_hex(data, dlen, hex);
    if (strcmp(hex, manifest_find_file(m, dname)->sha256) != 0)
        REFUSE("%s changed while reading", dname);
    if (encrypted) {
        if (!opt->campaign_sk)
            REFUSE("export is encrypted: give the campaign secret key with --key FILE");
        if (dlen < crypto_box_SEALBYTES)
            REFUSE("encrypted file too short");
        unsigned char cpk[crypto_box_PUBLICKEYBYTES];
        crypto_scalarmult_base(cpk, opt->campaign_sk);
        plen = dlen - crypto_box_SEALBYTES;
        plain = malloc(plen + 1);
        if (!plain)
            REFUSE("out of memory");
        if (crypto_box_seal_open((unsigned char *)plain, (const unsigned char *)data, dlen, cpk,
                                 opt->campaign_sk) != 0)
            REFUSE("cannot decrypt: encrypted to a different campaign key");
    } else {
        plain = data;
        plen = dlen;
        data = NULL;
    }
    /* Sequence: the same export again is harmless. Its files verified
     * against the signed manifest that was merged before, so its counters
     * are the ones already counted: no need to parse them again. An older
     * one is a replay (checked below, after parsing). */
    char mhash[65];
    fileio_sha256_hex(mbytes, mlen, mhash);
    char have_hash[80] = "";
    query_int(db, "SELECT manifest_sha256 FROM exports WHERE kiosk_id=?1 AND epoch=?2 AND seq=?3", kiosk, epoch,
              seq, 0, have_hash, sizeof have_hash);
    if (have_hash[0]) {
        if (strcmp(have_hash, mhash) == 0) {
            snprintf(msg, msgsz, "already merged (kiosk %.8s epoch %lld export %lld)", kiosk, (long long)epoch,
                     (long long)seq);
            out = R_ALREADY;
            goto done;
        }
        REFUSE("CONFLICT: kiosk %s epoch %lld export %lld was merged before with different content",
               kiosk, (long long)epoch, (long long)seq);
    }
    char cwhy[200];
    if (report_csv_parse(plain, plen, row_cb, &parsed, cwhy, sizeof cwhy) != ERR_OK)
        REFUSE("counters unreadable: %s", parsed.why[0] ? parsed.why : cwhy);
    if (!parsed.header_seen)
        REFUSE("counters file is empty");
    if ((int64_t)parsed.n != rows)
        REFUSE("counters file has %zu rows, manifest says %lld", parsed.n, (long long)rows);

    /* Fleet health (optional), validated strictly like the counters. */
    ReportHealth health;
    int has_health = manifest_find_file(m, EXPORT_HEALTH_NAME) != NULL;
    if (has_health) {
        char *hb = NULL, hwhy[120] = "";
        size_t hl = 0;
        Err he = fileio_join(path, sizeof path, dir, EXPORT_HEALTH_NAME) ? ERR_TOOBIG
                                                                         : fileio_read_all(path, 16384, &hb, &hl);
        if (!he) {
            fileio_sha256_hex(hb, hl, hex);
            he = strcmp(hex, manifest_find_file(m, EXPORT_HEALTH_NAME)->sha256) ? ERR_HASH
                                                                                : report_health_parse(hb, hl, &health, hwhy, sizeof hwhy);
        }
        free(hb);
        if (he)
            REFUSE("health file unusable: %s", hwhy[0] ? hwhy : err_str(he));
    }

    int64_t maxseq =
        query_int(db, "SELECT max(seq) FROM exports WHERE kiosk_id=?1 AND epoch=?2", kiosk, epoch, 0, 0, NULL, 0);
    if (maxseq > seq)
        REFUSE("older than export %lld of the same kiosk, already merged (replayed old export): nothing counted",
               (long long)maxseq);

    /* All checks passed: one transaction. */
    out = R_DBFAIL;
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        REFUSE("database busy: %s", sqlite3_errmsg(db));
    sqlite3_stmt *st = NULL;
    int ok = sqlite3_prepare_v2(db,
                                "INSERT INTO kiosks(kiosk_id, pubkey, label) VALUES(?1, ?2, ?3) "
                                "ON CONFLICT(kiosk_id) DO UPDATE SET label=excluded.label,"
                                " pubkey=CASE WHEN pubkey='' THEN excluded.pubkey ELSE pubkey END",
                                -1, &st, NULL) == SQLITE_OK;
    const char *label = manifest_get(m, "kiosk_label");
    if (ok) {
        sqlite3_bind_text(st, 1, kiosk, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, pkhex, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, label ? label : "", -1, SQLITE_STATIC);
        ok = sqlite3_step(st) == SQLITE_DONE;
    }
    sqlite3_finalize(st);
    st = NULL;
    if (ok)
        ok = sqlite3_prepare_v2(db,
                                "INSERT INTO exports(kiosk_id, epoch, seq, manifest_sha256, rows, day_first,"
                                " day_last, created, encrypted) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
                                -1, &st, NULL) == SQLITE_OK;
    if (ok) {
        const char *df = manifest_get(m, "day_first"), *dl = manifest_get(m, "day_last");
        sqlite3_bind_text(st, 1, kiosk, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, epoch);
        sqlite3_bind_int64(st, 3, seq);
        sqlite3_bind_text(st, 4, mhash, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 5, rows);
        sqlite3_bind_text(st, 6, df ? df : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 7, dl ? dl : "", -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 8, created);
        sqlite3_bind_int(st, 9, encrypted);
        ok = sqlite3_step(st) == SQLITE_DONE;
    }
    sqlite3_finalize(st);
    st = NULL;
    if (ok && has_health)
        ok = report_health_store(db, kiosk, epoch, seq, created, &health) == ERR_OK;
    int64_t kid = ok ? query_int(db, "SELECT kid FROM kiosks WHERE kiosk_id=?1", kiosk, 0, 0, -1, NULL, 0) : -1;
    ok = ok && kid >= 0;
    /* One prepared statement for the whole export; names interned through
     * the in-memory dictionary (a miss adds the name in this transaction). */
    if (ok)
        ok = sqlite3_prepare_v2(db,
                                "INSERT INTO counts(metric, kid, epoch, day, lang, module, item, value)"
                                " VALUES(?1,?2,?3,?4,?5,?6,?7,?8) ON CONFLICT DO UPDATE SET"
                                " value=excluded.value WHERE excluded.value > value",
                                -1, &st, NULL) == SQLITE_OK;
    int64_t metrics[64];
    int32_t mfirst[64], mlast[64];
    size_t nmetrics = 0;
    int rebuild = 0; /* more metrics than tracked: recompute every sum */
    IdRow *ir = ok ? malloc((parsed.n ? parsed.n : 1) * sizeof *ir) : NULL;
    ok = ok && ir;
    for (size_t i = 0; ok && i < parsed.n; i++) {
        const StatRow *r = &parsed.rows[i];
        ok = report_names_intern(db, &rdb->names, r->metric, &ir[i].metric) == ERR_OK &&
             report_names_intern(db, &rdb->names, r->lang, &ir[i].lang) == ERR_OK &&
             report_names_intern(db, &rdb->names, r->module, &ir[i].module) == ERR_OK;
        ir[i].day = report_day_int(r->day);
        ir[i].item = r->item;
        ir[i].value = r->value;
    }
    /* In key order, the upserts walk the B-tree forwards. */
    if (ok)
        qsort(ir, parsed.n, sizeof *ir, idrow_cmp);
    /* Cumulative snapshots repeat every older day unchanged. Read what
     * this (metric, kiosk, epoch) already holds, in the same key order, and
     * skip the rows whose stored value is already at least as large (max
     * would keep it): one sequential read instead of a B-tree search each. */
    sqlite3_stmt *have = NULL;
    if (ok)
        ok = sqlite3_prepare_v2(db,
                                "SELECT day, lang, module, item, value FROM counts WHERE metric=?1 AND kid=?2"
                                " AND epoch=?3 ORDER BY day, lang, module, item",
                                -1, &have, NULL) == SQLITE_OK;
    int have_row = 0;
    IdRow h = {0};
    for (size_t i = 0; ok && i < parsed.n; i++) {
        const IdRow *r = &ir[i];
        if (i == 0 || r->metric != ir[i - 1].metric) {
            sqlite3_reset(have);
            sqlite3_bind_int64(have, 1, r->metric);
            sqlite3_bind_int64(have, 2, kid);
            sqlite3_bind_int64(have, 3, epoch);
            h.metric = r->metric;
            have_row = have_next(have, &h);
        }
        while (have_row && idrow_cmp(&h, r) < 0)
            have_row = have_next(have, &h);
        if (have_row && idrow_cmp(&h, r) == 0 && h.value >= r->value)
            continue;
        sqlite3_bind_int64(st, 1, r->metric);
        sqlite3_bind_int64(st, 2, kid);
        sqlite3_bind_int64(st, 3, epoch);
        sqlite3_bind_int(st, 4, r->day);
        sqlite3_bind_int64(st, 5, r->lang);
        sqlite3_bind_int64(st, 6, r->module);
        sqlite3_bind_int(st, 7, r->item);
        sqlite3_bind_int64(st, 8, r->value);
        ok = sqlite3_step(st) == SQLITE_DONE;
        sqlite3_reset(st);
        if (!ok || sqlite3_changes(db) == 0)
            continue; /* unchanged: its sums need no recomputing */
        size_t k = 0;
        while (k < nmetrics && metrics[k] != r->metric)
            k++;
        if (k == nmetrics) {
            if (nmetrics == 64) {
                rebuild = 1;
                continue;
            }
            metrics[nmetrics] = r->metric;
            mfirst[nmetrics] = mlast[nmetrics] = r->day;
            nmetrics++;
        }
        if (r->day < mfirst[k])
            mfirst[k] = r->day;
        if (r->day > mlast[k])
            mlast[k] = r->day;
    }
    sqlite3_finalize(have);
    free(ir);
    sqlite3_finalize(st);
    /* The per-day sums this export touched, recomputed from the counters
     * in the same transaction (never adjusted by deltas), so merging stays
     * idempotent and the sums always equal the counters. */
    if (ok && rebuild)
        ok = report_db_sums_rebuild(db) == ERR_OK;
    for (size_t k = 0; ok && !rebuild && k < nmetrics; k++)
        ok = report_db_sums_update(db, metrics[k], kid, mfirst[k], mlast[k]) == ERR_OK;
    if (ok)
        ok = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
    if (!ok) {
        snprintf(msg, msgsz, "database error: %s", sqlite3_errmsg(db));
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        /* Names added in the rolled-back transaction are gone again. */
        report_names_load(db, &rdb->names);
        goto done;
    }
    snprintf(msg, msgsz, "kiosk %.8s epoch %lld export %lld, %lld counters, days %s..%s%s", kiosk, (long long)epoch, (long long)seq,
             (long long)rows, manifest_get(m, "day_first"), manifest_get(m, "day_last"),
             encrypted ? " (decrypted)" : "");
    out = R_TAKEN;
    goto done;
done:
#undef REFUSE
    if (plain && plain != data)
        sodium_memzero(plain, plen);
    free(mbytes);
    free(sigtxt);
    free(data);
    free(plain);
    free(parsed.rows);
    manifest_free(m);
    return out;
}

/* Does dir hold anything an export writes? (for "incomplete" reports) */
static int has_export_files(const char *dir)
{
    const char *names[] = {EXPORT_CSV_NAME, EXPORT_SEALED_NAME, EXPORT_SIG_NAME};
    char p[PATH_MAX];
    struct stat st;
    for (size_t i = 0; i < 3; i++)
        if (fileio_join(p, sizeof p, dir, names[i]) == ERR_OK && stat(p, &st) == 0)
            return 1;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static Err walk(ReportDb *db, const char *dir, int depth, const MergeOptions *opt, MergeSummary *sum)
{
    char p[PATH_MAX];
    struct stat st;
    FILE *out = opt->out;
    if (fileio_join(p, sizeof p, dir, EXPORT_MANIFEST_NAME) == ERR_OK && stat(p, &st) == 0) {
        char msg[600];
        Outcome o = merge_one(db, dir, opt, msg, sizeof msg);
        switch (o) {
        case R_TAKEN: sum->taken++; if (out) fprintf(out, "taken    %s: %s\n", dir, msg); break;
        case R_ALREADY: sum->already++; if (out) fprintf(out, "skipped  %s: %s\n", dir, msg); break;
        case R_REFUSED: sum->refused++; if (out) fprintf(out, "REFUSED  %s: %s\n", dir, msg); break;
        case R_DBFAIL:
            sum->refused++;
            if (out)
                fprintf(out, "FAILED   %s: %s\n", dir, msg);
            return ERR_DB;
        }
        return ERR_OK;
    }
    if (has_export_files(dir)) {
        sum->incomplete++;
        if (out)
            fprintf(out, "ignored  %s: incomplete export (no manifest; the stick was pulled or full?)\n", dir);
        return ERR_OK;
    }
    if (depth >= MAX_DEPTH)
        return ERR_OK;
    DIR *d = opendir(dir);
    if (!d)
        return ERR_OK;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        if (fileio_join(p, sizeof p, dir, de->d_name) || stat(p, &st) != 0 || !S_ISDIR(st.st_mode))
            continue;
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 16;
            char **nn = realloc(names, nc * sizeof *nn);
            if (!nn)
                break;
            names = nn;
            cap = nc;
        }
        if (!(names[n] = strdup(p)))
            break;
        n++;
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_str);
    Err e = ERR_OK;
    for (size_t i = 0; i < n; i++) {
        if (!e)
            e = walk(db, names[i], depth + 1, opt, sum);
        free(names[i]);
    }
    free(names);
    return e;
}

Err report_merge_path(ReportDb *db, const char *path, const MergeOptions *opt, MergeSummary *sum)
{
    if (!db || !path || !opt || !sum)
        return ERR_INVALID;
    if (sodium_init() < 0)
        return ERR_IO;
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
        if (opt->out)
            fprintf(opt->out, "REFUSED  %s: not a folder\n", path);
        sum->refused++;
        return ERR_OK;
    }
    return walk(db, path, 0, opt, sum);
}

Err report_print_gaps(ReportDb *rdb, FILE *out)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(rdb->db,
                           "SELECT e.kiosk_id, e.epoch, e.seq, k.label FROM exports e JOIN kiosks k USING(kiosk_id)"
                           " ORDER BY e.kiosk_id, e.epoch, e.seq",
                           -1, &st, NULL) != SQLITE_OK)
        return ERR_DB;
    char cur[40] = "";
    int64_t cur_epoch = -1, prev = 0, count = 0;
    char gaps[512] = "";
    int rc;
    for (;;) {
        rc = sqlite3_step(st);
        const char *k = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : "";
        int64_t ep = rc == SQLITE_ROW ? sqlite3_column_int64(st, 1) : -2;
        int64_t seq = rc == SQLITE_ROW ? sqlite3_column_int64(st, 2) : 0;
        if (strcmp(k, cur) != 0 || ep != cur_epoch) {
            if (cur[0])
                fprintf(out, "kiosk %s epoch %lld: %lld export(s), newest %lld; %s\n", cur, (long long)cur_epoch,
                        (long long)count, (long long)prev, gaps[0] ? gaps : "no gaps");
            if (rc != SQLITE_ROW)
                break;
            snprintf(cur, sizeof cur, "%s", k);
            cur_epoch = ep;
            prev = 0;
            count = 0;
            gaps[0] = '\0';
        }
        if (seq > prev + 1) {
            char g[64];
            if (seq == prev + 2)
                snprintf(g, sizeof g, "%s%lld", gaps[0] ? ", " : "missing ", (long long)(prev + 1));
            else
                snprintf(g, sizeof g, "%s%lld-%lld", gaps[0] ? ", " : "missing ", (long long)(prev + 1),
                         (long long)(seq - 1));
            strncat(gaps, g, sizeof gaps - strlen(gaps) - 1);
        }
        prev = seq;
        count++;
    }
    sqlite3_finalize(st);
    fprintf(out, "(Gaps lose nothing once a newer export is merged: each export holds all counts up to its day.)\n");
    return rc == SQLITE_DONE ? ERR_OK : ERR_DB;
}
