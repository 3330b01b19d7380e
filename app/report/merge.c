/* merge.c: the campaign database and `taama-report merge`, `enroll`,
 * `accept`, `quarantine` and `forget`.
 *
 * Each export folder is checked completely (strict formats, signature,
 * hashes, decryption, CSV, sequence) before one transaction adds it; a
 * refusal touches nothing. Counters are merged with max(), which with
 * cumulative snapshots makes merging idempotent and order-independent.
 *
 * Trust. A kiosk id is only a name: anyone can make a key and sign an
 * export with a real kiosk's id. So no export decides alone who owns an
 * id. Enrolled kiosks (`enroll`, `accept`: the manager vouched for the
 * key) keep their counts; an export with another key is quarantined. A
 * kiosk registered on first use loses that standing as soon as a second
 * key, or a second kiosk with the same key (a cloned card: the same export
 * number with other counts, or counts that do not fit one kiosk's
 * history), claims its id: everything counted for the id moves to the
 * quarantine with the new claim, so forged-then-real and real-then-forged
 * end the same. Quarantined exports keep their checked counters in the
 * database until the manager enrolls a key (which counts its exports) or
 * forgets the kiosk. An export's health.json (fleet health) goes with its
 * counters: stored when they are counted, kept in the quarantine with
 * them otherwise, so one model covers both.
 *
 * A stick is hostile too: folders are walked without following symlinks,
 * and files are read through stickio.c (regular files only, size first). */
#include "report/report.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "core/fileio.h"
#include "export/export.h"
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

/* ---- small database helpers ---- */

/* Run sql with text ?1 and integers ?2, ?3 bound (as many as it has);
 * the first column of the first row as an integer (dflt if none) and, if
 * text_out, as text. */
static int64_t query_int(sqlite3 *db, const char *sql, const char *kiosk, int64_t epoch, int64_t seq,
                         int64_t dflt, char *text_out, size_t text_sz)
{
    sqlite3_stmt *st = NULL;
    int64_t v = dflt;
    if (text_out && text_sz)
        text_out[0] = '\0';
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

/* sql prepared with text ?1 and (when b) text ?2 bound (borrowed until
 * finalized), or NULL. */
static sqlite3_stmt *prepare_texts(sqlite3 *db, const char *sql, const char *a, const char *b)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        sqlite3_finalize(st);
        return NULL;
    }
    sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
    if (b)
        sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
    return st;
}

/* Run sql with text ?1 (and optional text ?2). 0 on success. */
static int exec_kiosk(sqlite3 *db, const char *sql, const char *a, const char *b)
{
    sqlite3_stmt *st = prepare_texts(db, sql, a, b);
    if (!st)
        return -1;
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

Err report_forget_kiosk(ReportDb *rdb, const char *kiosk_id, int64_t *removed)
{
    sqlite3 *db = rdb->db;
    if (removed)
        *removed = 0;
    if (!report_kiosk_id_ok(kiosk_id))
        return ERR_NOTFOUND;
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return ERR_BUSY;
    int64_t kid = query_int(db, "SELECT kid FROM kiosks WHERE kiosk_id=?1", kiosk_id, 0, 0, -1, NULL, 0);
    int64_t nq = query_int(db, "SELECT count(*) FROM quarantine WHERE kiosk_id=?1", kiosk_id, 0, 0, 0, NULL, 0);
    int64_t nc = 0;
    int ok = 1;
    if (kid >= 0) {
        sqlite3_stmt *st = NULL;
        nc = 0;
        const char *const del[] = {"SELECT count(*) FROM counts WHERE kid=?1", "DELETE FROM counts WHERE kid=?1",
                                   "DELETE FROM day_sums WHERE kid=?1"};
        for (size_t i = 0; ok && i < 3; i++) {
            ok = sqlite3_prepare_v2(db, del[i], -1, &st, NULL) == SQLITE_OK;
            if (ok) {
                sqlite3_bind_int64(st, 1, kid);
                int rc = sqlite3_step(st);
                if (i == 0 && rc == SQLITE_ROW)
                    nc = sqlite3_column_int64(st, 0);
                ok = rc == SQLITE_DONE || (i == 0 && rc == SQLITE_ROW);
            }
            sqlite3_finalize(st);
        }
    }
    ok = ok && exec_kiosk(db, "DELETE FROM exports WHERE kiosk_id=?1", kiosk_id, NULL) == 0 &&
         exec_kiosk(db, "DELETE FROM health WHERE kiosk_id=?1", kiosk_id, NULL) == 0 &&
         report_contacts_forget(db, kiosk_id) == 0 &&
         exec_kiosk(db, "DELETE FROM quarantine WHERE kiosk_id=?1", kiosk_id, NULL) == 0 &&
         exec_kiosk(db, "DELETE FROM kiosks WHERE kiosk_id=?1", kiosk_id, NULL) == 0;
    if (!ok || sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return ERR_DB;
    }
    if (kid < 0 && nq == 0)
        return ERR_NOTFOUND;
    if (removed)
        *removed = nc;
    return ERR_OK;
}

/* ---- one export's counters ---- */

typedef struct {
    StatRow *rows;
    size_t n, cap;
    char why[200];
    int header_seen;
    const char *day_first, *day_last;
} Parsed;

static int row_cb(void *ctx, char **f, size_t n, size_t record)
{
    Parsed *p = ctx;
    if (!p->header_seen) {
        /* The header must be exactly ours: a different layout is refused,
         * not guessed at. */
        if (n != 6 || strcmp(f[0], "day") || strcmp(f[1], "metric") || strcmp(f[2], "lang") ||
            strcmp(f[3], "module") || strcmp(f[4], "item") || strcmp(f[5], "value")) {
            snprintf(p->why, sizeof p->why, EXPORT_CSV_NAME " record 1: not the header " EXPORT_CSV_HEADER);
            return 1;
        }
        p->header_seen = 1;
        return 0;
    }
    if (p->n >= REPORT_ROWS_MAX) {
        snprintf(p->why, sizeof p->why, EXPORT_CSV_NAME ": more than %d records", REPORT_ROWS_MAX);
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
    if (report_row_check(f, n, record, p->day_first, p->day_last, &p->rows[p->n], p->why, sizeof p->why))
        return 1;
    p->n++;
    return 0;
}

/* What an export says about itself (checked), its manifest's hash, and
 * its health.json when it has one: the checked bytes (borrowed; kept as
 * they are in the quarantine) and their fields. */
typedef struct {
    char kiosk[33], pubkey[65], label[REPORT_LABEL_MAX + 1], df[11], dl[11], mhash[65];
    int64_t epoch, seq, rows, created;
    int encrypted;
    const char *health_json; /* NULL: none */
    size_t health_len;
    ReportHealth health;
    ReportContacts contacts; /* contacts.json, checked (n 0: none) */
} ExportInfo;

/* Bind info as ?1 kiosk_id, ?2 epoch, ?3 seq, ?4 manifest_sha256, ?5 rows,
 * ?6 day_first, ?7 day_last, ?8 created, ?9 encrypted and, when the
 * statement has them, ?10 pubkey, ?11 label. */
static void bind_info(sqlite3_stmt *st, const ExportInfo *in)
{
    sqlite3_bind_text(st, 1, in->kiosk, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, in->epoch);
    sqlite3_bind_int64(st, 3, in->seq);
    sqlite3_bind_text(st, 4, in->mhash, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 5, in->rows);
    sqlite3_bind_text(st, 6, in->df, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, in->dl, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 8, in->created);
    sqlite3_bind_int(st, 9, in->encrypted);
    if (sqlite3_bind_parameter_count(st) >= 11) {
        sqlite3_bind_text(st, 10, in->pubkey, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 11, in->label, -1, SQLITE_STATIC);
    }
}

/* Parse and check counters CSV against info. 0 on success, else why. */
static int parse_counters(const char *csv, size_t len, const ExportInfo *info, Parsed *p, char *why, size_t whysz)
{
    char cwhy[200];
    p->day_first = info->df;
    p->day_last = info->dl;
    if (report_csv_parse(csv, len, row_cb, p, cwhy, sizeof cwhy) != ERR_OK) {
        if (p->why[0])
            snprintf(why, whysz, "%s", p->why);
        else
            snprintf(why, whysz, EXPORT_CSV_NAME ": %s", cwhy);
        return -1;
    }
    if (!p->header_seen) {
        snprintf(why, whysz, EXPORT_CSV_NAME ": empty (no header)");
        return -1;
    }
    if ((int64_t)p->n != info->rows) {
        snprintf(why, whysz, EXPORT_CSV_NAME ": %zu records, but the manifest's field rows says %lld", p->n,
                 (long long)info->rows);
        return -1;
    }
    return 0;
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

/* A cursor over what one (kiosk, epoch) already holds, read in the same
 * key order as an export's sorted rows: one sequential read per metric
 * instead of a B-tree search per row. */
typedef struct {
    sqlite3_stmt *st;
    int64_t kid, epoch;
    int row; /* h holds a stored counter */
    IdRow h;
} Have;

static int have_open(sqlite3 *db, Have *c, int64_t kid, int64_t epoch)
{
    memset(c, 0, sizeof *c);
    c->kid = kid;
    c->epoch = epoch;
    return sqlite3_prepare_v2(db,
                              "SELECT day, lang, module, item, value FROM counts WHERE metric=?1 AND kid=?2"
                              " AND epoch=?3 ORDER BY day, lang, module, item",
                              -1, &c->st, NULL) == SQLITE_OK
               ? 0
               : -1;
}

static void have_step(Have *c)
{
    c->row = sqlite3_step(c->st) == SQLITE_ROW;
    if (!c->row)
        return;
    c->h.day = (int32_t)sqlite3_column_int(c->st, 0);
    c->h.lang = sqlite3_column_int64(c->st, 1);
    c->h.module = sqlite3_column_int64(c->st, 2);
    c->h.item = (int32_t)sqlite3_column_int(c->st, 3);
    c->h.value = sqlite3_column_int64(c->st, 4);
}

/* The stored counter with r's key, or NULL. Rows must come in key order;
 * restart is set for the first row of each metric. */
static const IdRow *have_find(Have *c, const IdRow *r, int restart)
{
    if (restart) {
        sqlite3_reset(c->st);
        sqlite3_bind_int64(c->st, 1, r->metric);
        sqlite3_bind_int64(c->st, 2, c->kid);
        sqlite3_bind_int64(c->st, 3, c->epoch);
        c->h.metric = r->metric;
        have_step(c);
    }
    while (c->row && idrow_cmp(&c->h, r) < 0)
        have_step(c);
    return c->row && idrow_cmp(&c->h, r) == 0 ? &c->h : NULL;
}

static void have_close(Have *c)
{
    sqlite3_finalize(c->st);
    c->st = NULL;
}

typedef enum { R_TAKEN, R_ALREADY, R_REFUSED, R_DBFAIL, R_QUARANTINED } Outcome;

typedef enum { S_OK, S_REPLAY, S_CLONE, S_BAD, S_DBFAIL } StoreRes;

/* Range of days changed for one metric (sums to recompute). */
typedef struct {
    int64_t metric;
    int32_t first, last;
} Touched;

/* Count one checked export in one transaction: register the kiosk (trust,
 * when not NULL, sets how its key is trusted), record the export, upsert
 * its counters with max() and recompute the per-day sums it touched.
 * Refuses (nothing changed) an older export already covered (S_REPLAY),
 * one whose counts cannot come from the kiosk already merged under this id
 * (S_CLONE) and a counter listed twice (S_BAD). */
static StoreRes store_export(ReportDb *rdb, const ExportInfo *in, const Parsed *p, const char *trust, char *msg,
                             size_t msgsz)
{
    sqlite3 *db = rdb->db;
    StoreRes res = S_DBFAIL;
    IdRow *ir = NULL;
    Touched *tv = NULL;
    size_t nt = 0, capt = 0;
    sqlite3_stmt *st = NULL;
    msg[0] = '\0';
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        snprintf(msg, msgsz, "database busy: %s", sqlite3_errmsg(db));
        return S_DBFAIL;
    }
    int ok = (ir = malloc((p->n ? p->n : 1) * sizeof *ir)) != NULL;
    /* Names interned through the in-memory dictionary (a miss adds the
     * name in this transaction). */
    for (size_t i = 0; ok && i < p->n; i++) {
        const StatRow *r = &p->rows[i];
        ok = report_names_intern(db, &rdb->names, r->metric, &ir[i].metric) == ERR_OK &&
             report_names_intern(db, &rdb->names, r->lang, &ir[i].lang) == ERR_OK &&
             report_names_intern(db, &rdb->names, r->module, &ir[i].module) == ERR_OK;
        ir[i].day = report_day_int(r->day);
        ir[i].item = r->item;
        ir[i].value = r->value;
    }
    /* In key order, the upserts walk the B-tree forwards; a counter listed
     * twice sits next to its twin. */
    if (ok)
        qsort(ir, p->n, sizeof *ir, idrow_cmp);
    for (size_t i = 1; ok && i < p->n; i++)
        if (idrow_cmp(&ir[i - 1], &ir[i]) == 0) {
            char d[11];
            report_day_str(ir[i].day, d);
            snprintf(msg, msgsz, EXPORT_CSV_NAME ": the counter %s %s %s %s %d is listed twice", d,
                     report_names_of(&rdb->names, ir[i].metric), report_names_of(&rdb->names, ir[i].lang),
                     report_names_of(&rdb->names, ir[i].module), ir[i].item);
            res = S_BAD;
            ok = 0;
        }
    int64_t kid = ok ? query_int(db, "SELECT kid FROM kiosks WHERE kiosk_id=?1", in->kiosk, 0, 0, -1, NULL, 0) : -1;
    int64_t maxseq = ok && kid >= 0 ? query_int(db, "SELECT max(seq) FROM exports WHERE kiosk_id=?1 AND epoch=?2",
                                                in->kiosk, in->epoch, 0, 0, NULL, 0)
                                    : 0;
    /* Against the exports already merged for this (kiosk, epoch): a newer
     * export must hold every counter merged so far (as many as the newest
     * export had), none lower; an older one must hold nothing new. A kiosk's
     * counters only grow and are never dropped, so anything else comes from
     * another kiosk with this id and key (a cloned card). Checked in the
     * same pass as the upserts; the transaction is rolled back. */
    int history = ok && kid >= 0 && maxseq > 0, newer = in->seq > maxseq;
    int64_t prev_rows = history && newer ? query_int(db, "SELECT rows FROM exports WHERE kiosk_id=?1 AND epoch=?2"
                                                         " AND seq=?3", in->kiosk, in->epoch, maxseq, 0, NULL, 0)
                                         : 0;
    int64_t matched = 0;
    if (ok)
        ok = sqlite3_prepare_v2(db,
                                "INSERT INTO kiosks(kiosk_id, pubkey, label, trust) VALUES(?1, ?2, ?3, "
                                "coalesce(?4, 'first-use')) ON CONFLICT(kiosk_id) DO UPDATE SET"
                                " label=CASE WHEN excluded.label='' THEN label ELSE excluded.label END,"
                                " pubkey=CASE WHEN pubkey='' THEN excluded.pubkey ELSE pubkey END,"
                                " trust=coalesce(?4, trust)",
                                -1, &st, NULL) == SQLITE_OK;
    if (ok) {
        sqlite3_bind_text(st, 1, in->kiosk, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, in->pubkey, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, in->label, -1, SQLITE_STATIC);
        if (trust)
            sqlite3_bind_text(st, 4, trust, -1, SQLITE_STATIC);
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
        bind_info(st, in);
        ok = sqlite3_step(st) == SQLITE_DONE;
    }
    sqlite3_finalize(st);
    st = NULL;
    if (ok && kid < 0)
        kid = query_int(db, "SELECT kid FROM kiosks WHERE kiosk_id=?1", in->kiosk, 0, 0, -1, NULL, 0);
    ok = ok && kid >= 0;
    if (ok)
        ok = sqlite3_prepare_v2(db,
                                "INSERT INTO counts(metric, kid, epoch, day, lang, module, item, value)"
                                " VALUES(?1,?2,?3,?4,?5,?6,?7,?8) ON CONFLICT DO UPDATE SET"
                                " value=excluded.value WHERE excluded.value > value",
                                -1, &st, NULL) == SQLITE_OK;
    /* Cumulative snapshots repeat every older day unchanged: skip the rows
     * whose stored value is already at least as large (max would keep it). */
    Have have = {0};
    if (ok)
        ok = have_open(db, &have, kid, in->epoch) == 0;
    for (size_t i = 0; ok && i < p->n; i++) {
        const IdRow *r = &ir[i];
        const IdRow *h = have_find(&have, r, i == 0 || r->metric != ir[i - 1].metric);
        matched += h != NULL;
        if (history && (newer ? h && r->value < h->value : !h || r->value > h->value)) {
            res = S_CLONE;
            ok = 0;
            break;
        }
        if (h && h->value >= r->value)
            continue;
        sqlite3_bind_int64(st, 1, r->metric);
        sqlite3_bind_int64(st, 2, kid);
        sqlite3_bind_int64(st, 3, in->epoch);
        sqlite3_bind_int(st, 4, r->day);
        sqlite3_bind_int64(st, 5, r->lang);
        sqlite3_bind_int64(st, 6, r->module);
        sqlite3_bind_int(st, 7, r->item);
        sqlite3_bind_int64(st, 8, r->value);
        ok = sqlite3_step(st) == SQLITE_DONE;
        sqlite3_reset(st);
        if (!ok || sqlite3_changes(db) == 0)
            continue; /* unchanged: its sums need no recomputing */
        /* Rows come sorted by metric: a metric's range is the last entry
         * or a new one (no search, however many metrics). */
        if (!nt || tv[nt - 1].metric != r->metric) {
            if (nt == capt) {
                size_t nc = capt ? capt * 2 : 16;
                Touched *nn = realloc(tv, nc * sizeof *nn);
                if (!nn) {
                    ok = 0;
                    break;
                }
                tv = nn;
                capt = nc;
            }
            tv[nt++] = (Touched){r->metric, r->day, r->day};
        }
        if (r->day < tv[nt - 1].first)
            tv[nt - 1].first = r->day;
        if (r->day > tv[nt - 1].last)
            tv[nt - 1].last = r->day;
    }
    have_close(&have);
    sqlite3_finalize(st);
    if (ok && history && newer && matched < prev_rows) {
        res = S_CLONE;
        ok = 0;
    }
    if (ok && history && !newer) {
        snprintf(msg, msgsz,
                 "older than export %lld of the same kiosk, already merged (replayed old export): nothing counted",
                 (long long)maxseq);
        res = S_REPLAY;
        ok = 0;
    }
    /* The per-day sums this export touched, recomputed from the counters
     * in the same transaction (never adjusted by deltas), so merging stays
     * idempotent and the sums always equal the counters. */
    for (size_t k = 0; ok && k < nt; k++)
        ok = report_db_sums_update(db, tv[k].metric, kid, tv[k].first, tv[k].last) == ERR_OK;
    /* Its health, in the same transaction: counted exports only. */
    if (ok && in->health_json)
        ok = report_health_store(db, in->kiosk, in->epoch, in->seq, in->created, &in->health, in->health_json,
                                 in->health_len) == ERR_OK;
    if (ok && in->contacts.n)
        ok = report_contacts_store(db, in->kiosk, &in->contacts) == ERR_OK;
    if (ok)
        ok = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
    if (ok) {
        res = S_OK;
    } else {
        if (res == S_DBFAIL)
            snprintf(msg, msgsz, "database error: %s", sqlite3_errmsg(db));
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        /* Names added in the rolled-back transaction are gone again. */
        report_names_load(db, &rdb->names);
    }
    free(ir);
    free(tv);
    return res;
}

/* ---- quarantine ---- */

/* Keep a checked export, uncounted, with its counters (csv, len bytes;
 * NULL for none) and its health.json (in->health_json, if any). In the
 * caller's transaction. 0 or -1. */
static int quarantine_add(sqlite3 *db, const ExportInfo *in, const char *csv, size_t len, const char *reason)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "INSERT OR IGNORE INTO quarantine(kiosk_id, epoch, seq, manifest_sha256, rows,"
                           " day_first, day_last, created, encrypted, pubkey, label, reason, counters, health)"
                           " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    bind_info(st, in);
    sqlite3_bind_text(st, 12, reason, -1, SQLITE_STATIC);
    if (csv)
        sqlite3_bind_blob64(st, 13, csv, len, SQLITE_STATIC);
    if (in->health_json)
        sqlite3_bind_text64(st, 14, in->health_json, in->health_len, SQLITE_STATIC, SQLITE_UTF8);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* Growing text buffer for the counters moved to quarantine. */
typedef struct {
    char *b;
    size_t n, cap;
    int err;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
    if (b->err)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 65536;
        while (nc < b->n + n + 1)
            nc *= 2;
        char *nb = realloc(b->b, nc);
        if (!nb) {
            b->err = 1;
            return;
        }
        b->b = nb;
        b->cap = nc;
    }
    memcpy(b->b + b->n, s, n);
    b->n += n;
    b->b[b->n] = '\0';
}

/* Move everything counted for kiosk_id into the quarantine (one entry per
 * epoch: its counters as CSV, under its newest export), then remove the
 * kiosk, its exports, counts and sums. In the caller's transaction. The
 * kiosk's id is then disputed: every export claiming it is quarantined
 * until the manager decides. 0 or -1. */
static int dispute_move(ReportDb *rdb, const char *kiosk_id, const char *reason)
{
    sqlite3 *db = rdb->db;
    sqlite3_stmt *ep = NULL, *rd = NULL;
    /* sized as ExportInfo's fields: the stored values were checked to fit */
    char pub[65] = "", label[REPORT_LABEL_MAX + 1] = "", why[400];
    int64_t kid = query_int(db, "SELECT kid FROM kiosks WHERE kiosk_id=?1", kiosk_id, 0, 0, -1, NULL, 0);
    if (kid < 0)
        return 0;
    query_int(db, "SELECT pubkey FROM kiosks WHERE kiosk_id=?1", kiosk_id, 0, 0, 0, pub, sizeof pub);
    query_int(db, "SELECT label FROM kiosks WHERE kiosk_id=?1", kiosk_id, 0, 0, 0, label, sizeof label);
    snprintf(why, sizeof why, "counted before (first use), disputed: %s", reason);
    int ok = sqlite3_prepare_v2(db,
                                "SELECT c.epoch, e.seq, e.manifest_sha256, e.created, e.encrypted, h.json FROM"
                                " (SELECT DISTINCT epoch FROM counts WHERE kid=?2) c LEFT JOIN exports e ON"
                                " e.kiosk_id=?1 AND e.epoch=c.epoch AND e.seq=(SELECT max(seq) FROM exports"
                                " WHERE kiosk_id=?1 AND epoch=c.epoch) LEFT JOIN health h ON h.kiosk_id=?1"
                                " AND h.epoch=e.epoch AND h.seq=e.seq ORDER BY c.epoch",
                                -1, &ep, NULL) == SQLITE_OK &&
             sqlite3_prepare_v2(db,
                                "SELECT c.day, m.name, l.name, d.name, c.item, c.value FROM counts c"
                                " JOIN names m ON m.id=c.metric JOIN names l ON l.id=c.lang"
                                " JOIN names d ON d.id=c.module WHERE c.kid=?1 AND c.epoch=?2"
                                " ORDER BY c.day, m.name, l.name, d.name, c.item",
                                -1, &rd, NULL) == SQLITE_OK;
    if (ok) {
        sqlite3_bind_text(ep, 1, kiosk_id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(ep, 2, kid);
    }
    while (ok && sqlite3_step(ep) == SQLITE_ROW) {
        ExportInfo in = {0};
        snprintf(in.kiosk, sizeof in.kiosk, "%s", kiosk_id);
        snprintf(in.pubkey, sizeof in.pubkey, "%s", pub);
        snprintf(in.label, sizeof in.label, "%s", label);
        in.epoch = sqlite3_column_int64(ep, 0);
        /* Counters without an export record (a schema 1 database) go
         * under number 1, named by their own hash. */
        int orphan = sqlite3_column_type(ep, 1) == SQLITE_NULL;
        in.seq = orphan ? 1 : sqlite3_column_int64(ep, 1);
        if (!orphan)
            snprintf(in.mhash, sizeof in.mhash, "%s", (const char *)sqlite3_column_text(ep, 2));
        in.created = sqlite3_column_int64(ep, 3);
        in.encrypted = sqlite3_column_int(ep, 4);
        /* the newest export's health goes with its counters */
        if (sqlite3_column_type(ep, 5) != SQLITE_NULL) {
            in.health_json = (const char *)sqlite3_column_text(ep, 5);
            in.health_len = (size_t)sqlite3_column_bytes(ep, 5);
        }
        Buf b = {0};
        buf_add(&b, "\xEF\xBB\xBF" EXPORT_CSV_HEADER "\r\n", 3 + strlen(EXPORT_CSV_HEADER) + 2);
        sqlite3_reset(rd);
        sqlite3_bind_int64(rd, 1, kid);
        sqlite3_bind_int64(rd, 2, in.epoch);
        int rc;
        while ((rc = sqlite3_step(rd)) == SQLITE_ROW) {
            char line[256], d[11], item[16] = "";
            report_day_str((int32_t)sqlite3_column_int(rd, 0), d);
            if (sqlite3_column_int(rd, 4) >= 0)
                snprintf(item, sizeof item, "%d", sqlite3_column_int(rd, 4));
            int k = snprintf(line, sizeof line, "%s,%s,%s,%s,%s,%lld\r\n", d, (const char *)sqlite3_column_text(rd, 1),
                             (const char *)sqlite3_column_text(rd, 2), (const char *)sqlite3_column_text(rd, 3),
                             item, (long long)sqlite3_column_int64(rd, 5));
            if (k < 0 || (size_t)k >= sizeof line) {
                b.err = 1;
                break;
            }
            buf_add(&b, line, (size_t)k);
            if (in.rows == 0 || strcmp(d, in.df) < 0)
                snprintf(in.df, sizeof in.df, "%s", d);
            if (in.rows == 0 || strcmp(d, in.dl) > 0)
                snprintf(in.dl, sizeof in.dl, "%s", d);
            in.rows++;
        }
        if (orphan && !b.err)
            fileio_sha256_hex(b.b, b.n, in.mhash);
        ok = rc == SQLITE_DONE && !b.err && quarantine_add(db, &in, b.b, b.n, why) == 0;
        free(b.b);
    }
    sqlite3_finalize(ep);
    sqlite3_finalize(rd);
    if (!ok)
        return -1;
    const char *const del[] = {"DELETE FROM counts WHERE kid=?1", "DELETE FROM day_sums WHERE kid=?1"};
    for (size_t i = 0; ok && i < 2; i++) {
        sqlite3_stmt *st = NULL;
        ok = sqlite3_prepare_v2(db, del[i], -1, &st, NULL) == SQLITE_OK;
        if (ok) {
            sqlite3_bind_int64(st, 1, kid);
            ok = sqlite3_step(st) == SQLITE_DONE;
        }
        sqlite3_finalize(st);
    }
    ok = ok && exec_kiosk(db, "DELETE FROM exports WHERE kiosk_id=?1", kiosk_id, NULL) == 0 &&
         exec_kiosk(db, "DELETE FROM health WHERE kiosk_id=?1", kiosk_id, NULL) == 0 &&
         report_contacts_forget(db, kiosk_id) == 0 &&
         exec_kiosk(db, "DELETE FROM kiosks WHERE kiosk_id=?1", kiosk_id, NULL) == 0;
    return ok ? 0 : -1;
}

/* Quarantine one export, first moving the kiosk's counted data to the
 * quarantine too when dispute is set. One transaction. */
static Outcome quarantine(ReportDb *rdb, const ExportInfo *in, const char *csv, size_t len, int dispute,
                          const char *reason, char *msg, size_t msgsz)
{
    sqlite3 *db = rdb->db;
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        snprintf(msg, msgsz, "database busy: %s", sqlite3_errmsg(db));
        return R_DBFAIL;
    }
    int ok = (!dispute || dispute_move(rdb, in->kiosk, reason) == 0) && quarantine_add(db, in, csv, len, reason) == 0;
    if (ok)
        ok = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
    if (!ok) {
        snprintf(msg, msgsz, "database error: %s", sqlite3_errmsg(db));
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return R_DBFAIL;
    }
    snprintf(msg, msgsz, "%s", reason);
    return R_QUARANTINED;
}

/* ---- one export folder ---- */

static const char *stick_err(Err e)
{
    switch (e) {
    case ERR_NOTFOUND: return "missing";
    case ERR_PATH: return "not a regular file (a symlink, FIFO, device or folder): not read";
    case ERR_TOOBIG: return "too large";
    case ERR_HASH: return "wrong size";
    default: return err_str(e);
    }
}

/* Why an export of a known id and key is quarantined with its kiosk. */
static void clone_reason(char *out, size_t sz, const char *tag, const ExportInfo *in, const char *what)
{
    snprintf(out, sz,
             "%s: kiosk %s epoch %lld export %lld %s: two kiosks share this id and key (a cloned card?). Both are "
             "quarantined, neither counted: see `taama-report quarantine`.",
             tag, in->kiosk, (long long)in->epoch, (long long)in->seq, what);
}

static Outcome merge_one(ReportDb *rdb, int dfd, const MergeOptions *opt, char *msg, size_t msgsz)
{
    sqlite3 *db = rdb->db;
    char *mbytes = NULL, *sigtxt = NULL, *data = NULL, *plain = NULL, *health = NULL;
    size_t mlen = 0, siglen = 0, dlen = 0, plen = 0, hlen = 0;
    Manifest *m = NULL;
    Parsed parsed = {0};
    Outcome out = R_REFUSED;
    ExportInfo in = {0};
    Err e;

#define REFUSE(...)                                  \
    do {                                             \
        snprintf(msg, msgsz, __VA_ARGS__);           \
        goto done;                                   \
    } while (0)

    if ((e = report_stick_read(dfd, EXPORT_MANIFEST_NAME, MANIFEST_MAX_BYTES, -1, &mbytes, &mlen)))
        REFUSE(EXPORT_MANIFEST_NAME ": %s", stick_err(e));
    if ((e = report_stick_read(dfd, EXPORT_SIG_NAME, 4096, -1, &sigtxt, &siglen)))
        REFUSE(e == ERR_NOTFOUND ? "no signature (manifest.sig missing): not a finished export"
                                 : EXPORT_SIG_NAME ": %s",
               stick_err(e));
    e = ERR_OK;
    m = manifest_parse(mbytes, mlen, &e);
    if (!m)
        REFUSE(EXPORT_MANIFEST_NAME " unreadable: %s", err_str(e));
    /* The signature first (over the exact manifest bytes, with the key it
     * names, in its strict format), so damage reads as damage; then every
     * other field in its strict format before any is used. */
    const char *pkfield = manifest_get(m, "kiosk_pubkey");
    if (!pkfield || !report_pubkey_ok(pkfield))
        REFUSE(EXPORT_MANIFEST_NAME ": field kiosk_pubkey is not 64 lowercase hex digits");
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sig[crypto_sign_BYTES];
    size_t bl = 0;
    const char *end = NULL;
    if (sodium_hex2bin(pk, sizeof pk, pkfield, strlen(pkfield), NULL, &bl, &end) != 0 || bl != sizeof pk || *end)
        REFUSE(EXPORT_MANIFEST_NAME ": field kiosk_pubkey is malformed");
    if (sodium_hex2bin(sig, sizeof sig, sigtxt, siglen, "\r\n", &bl, &end) != 0 || bl != sizeof sig)
        REFUSE("signature file is malformed");
    if (crypto_sign_verify_detached(sig, (const unsigned char *)mbytes, mlen, pk) != 0)
        REFUSE("SIGNATURE DOES NOT VERIFY: manifest altered or not made by this kiosk");
    char why[400];
    if (report_manifest_check(m, why, sizeof why) != ERR_OK)
        REFUSE("%s", why);
    snprintf(in.kiosk, sizeof in.kiosk, "%s", manifest_get(m, "kiosk_id"));
    snprintf(in.pubkey, sizeof in.pubkey, "%s", manifest_get(m, "kiosk_pubkey"));
    snprintf(in.label, sizeof in.label, "%s", manifest_get(m, "kiosk_label") ? manifest_get(m, "kiosk_label") : "");
    snprintf(in.df, sizeof in.df, "%s", manifest_get(m, "day_first"));
    snprintf(in.dl, sizeof in.dl, "%s", manifest_get(m, "day_last"));
    report_uint_ok(manifest_get(m, "epoch"), 1, INT32_MAX, &in.epoch);
    report_uint_ok(manifest_get(m, "seq"), 1, REPORT_SEQ_MAX, &in.seq);
    report_uint_ok(manifest_get(m, "rows"), 0, REPORT_ROWS_MAX, &in.rows);
    report_uint_ok(manifest_get(m, "created"), 0, REPORT_TIME_MAX, &in.created);
    in.encrypted = strcmp(manifest_get(m, "encrypted"), "1") == 0;
    const char *kiosk = in.kiosk;

    fileio_sha256_hex(mbytes, mlen, in.mhash);

    /* The one data file: a regular file of the listed size (checked before
     * a byte is read), then hashed in memory: the bytes parsed are the
     * bytes checked. */
    const char *dname = in.encrypted ? EXPORT_SEALED_NAME : EXPORT_CSV_NAME;
    const ManifestFile *mf = manifest_find_file(m, dname);
    e = report_stick_read(dfd, dname, EXPORT_MAX_BYTES, (int64_t)mf->size, &data, &dlen);
    if (e == ERR_HASH)
        REFUSE("file check failed: %s: wrong size (listed %llu bytes)", dname, (unsigned long long)mf->size);
    if (e)
        REFUSE("file check failed: %s: %s", dname, stick_err(e));
    char hex[65];
    fileio_sha256_hex(data, dlen, hex);
    if (strcmp(hex, mf->sha256) != 0)
        REFUSE("file check failed: %s: wrong SHA-256", dname);
    /* Fleet health (optional: older kiosks do not write it), read the same
     * way and checked as strictly as the counters; a bad one refuses the
     * whole export. */
    const ManifestFile *hf = manifest_find_file(m, EXPORT_HEALTH_NAME);
    if (hf) {
        e = report_stick_read(dfd, EXPORT_HEALTH_NAME, EXPORT_HEALTH_MAX_BYTES, (int64_t)hf->size, &health, &hlen);
        if (e == ERR_HASH)
            REFUSE("file check failed: " EXPORT_HEALTH_NAME ": wrong size (listed %llu bytes)",
                   (unsigned long long)hf->size);
        if (e)
            REFUSE("file check failed: " EXPORT_HEALTH_NAME ": %s", stick_err(e));
        fileio_sha256_hex(health, hlen, hex);
        if (strcmp(hex, hf->sha256) != 0)
            REFUSE("file check failed: " EXPORT_HEALTH_NAME ": wrong SHA-256");
        if (report_health_check(health, hlen, &in.health, why, sizeof why) != ERR_OK)
            REFUSE("%s", why);
        in.health_json = health;
        in.health_len = hlen;
    }
    if (report_contacts_read(dfd, m, &in.contacts, why, sizeof why) != ERR_OK)
        REFUSE("%s", why);
    if (in.encrypted) {
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
    /* The same export again is harmless, counted or quarantined: its file
     * verified against the same signed manifest. */
    char have_hash[80] = "";
    query_int(db, "SELECT manifest_sha256 FROM exports WHERE kiosk_id=?1 AND epoch=?2 AND seq=?3", kiosk, in.epoch,
              in.seq, 0, have_hash, sizeof have_hash);
    if (strcmp(have_hash, in.mhash) == 0) {
        snprintf(msg, msgsz, "already merged (kiosk %.8s epoch %lld export %lld)", kiosk, (long long)in.epoch,
                 (long long)in.seq);
        out = R_ALREADY;
        goto done;
    }
    if (query_int(db, "SELECT count(*) FROM quarantine WHERE manifest_sha256=?1", in.mhash, 0, 0, 0, NULL, 0) > 0) {
        snprintf(msg, msgsz, "already quarantined (kiosk %.8s epoch %lld export %lld): see `taama-report quarantine`",
                 kiosk, (long long)in.epoch, (long long)in.seq);
        out = R_ALREADY;
        goto done;
    }
    if (parse_counters(plain, plen, &in, &parsed, why, sizeof why) != 0)
        REFUSE("%s", why);

    /* Trust: who owns this kiosk id? */
    char known[80] = "", trust[32] = "";
    int64_t kid = query_int(db, "SELECT kid FROM kiosks WHERE kiosk_id=?1", kiosk, 0, 0, -1, NULL, 0);
    query_int(db, "SELECT pubkey FROM kiosks WHERE kiosk_id=?1", kiosk, 0, 0, 0, known, sizeof known);
    query_int(db, "SELECT trust FROM kiosks WHERE kiosk_id=?1", kiosk, 0, 0, 0, trust, sizeof trust);
    int64_t nq = query_int(db, "SELECT count(*) FROM quarantine WHERE kiosk_id=?1", kiosk, 0, 0, 0, NULL, 0);
    int enrolled = strcmp(trust, "enrolled") == 0;
    char reason[600];
    if (kid < 0 && nq > 0) {
        int64_t others = 0;
        sqlite3_stmt *qs = prepare_texts(db, "SELECT count(DISTINCT pubkey) FROM quarantine WHERE kiosk_id=?1 AND"
                                             " pubkey<>?2", kiosk, in.pubkey);
        if (qs && sqlite3_step(qs) == SQLITE_ROW)
            others = sqlite3_column_int64(qs, 0);
        sqlite3_finalize(qs);
        if (others)
            snprintf(reason, sizeof reason,
                     "kiosk %s is disputed (%lld other key(s) claim it; see `taama-report quarantine`): kept, not "
                     "counted",
                     kiosk, (long long)others);
        else
            snprintf(reason, sizeof reason,
                     "kiosk %s is waiting to be enrolled: kept, not counted. Count it with `taama-report accept %s "
                     "%.16s`",
                     kiosk, kiosk, in.pubkey);
        out = quarantine(rdb, &in, plain, plen, 0, reason, msg, msgsz);
        goto done;
    }
    if (!enrolled && opt->enrolled_only && (kid < 0 || strcmp(known, in.pubkey) == 0)) {
        snprintf(reason, sizeof reason,
                 "kiosk %s is not enrolled: kept, not counted. Count it with `taama-report accept %s %.16s`", kiosk,
                 kiosk, in.pubkey);
        out = quarantine(rdb, &in, plain, plen, 0, reason, msg, msgsz);
        goto done;
    }
    if (kid >= 0 && known[0] && strcmp(known, in.pubkey) != 0) {
        if (enrolled)
            snprintf(reason, sizeof reason,
                     "!!! KEY CHANGED: kiosk %s is enrolled with key %.16s..., this export is signed by %.16s... "
                     "It may be forged: kept, not counted (the kiosk's counts stay). If its key was really reset, "
                     "`taama-report accept %s %.16s`.",
                     kiosk, known, in.pubkey, kiosk, in.pubkey);
        else
            snprintf(reason, sizeof reason,
                     "!!! KEY CHANGED for kiosk %s: registered on first use with key %.16s..., this export is "
                     "signed by %.16s... Two keys claim one kiosk (a forged export, or a key reset): both are "
                     "quarantined, neither counted. Decide with `taama-report accept %s KEY` or `forget`.",
                     kiosk, known, in.pubkey, kiosk);
        out = quarantine(rdb, &in, plain, plen, !enrolled, reason, msg, msgsz);
        goto done;
    }
    if (have_hash[0]) {
        clone_reason(reason, sizeof reason, "CONFLICT", &in, "was merged before with different content");
        out = quarantine(rdb, &in, plain, plen, 1, reason, msg, msgsz);
        goto done;
    }
    StoreRes sr = store_export(rdb, &in, &parsed, NULL, msg, msgsz);
    switch (sr) {
    case S_OK:
        snprintf(msg, msgsz, "kiosk %.8s epoch %lld export %lld, %lld counters, days %s..%s%s", kiosk,
                 (long long)in.epoch, (long long)in.seq, (long long)in.rows, in.df, in.dl,
                 in.encrypted ? " (decrypted)" : "");
        out = R_TAKEN;
        break;
    case S_CLONE:
        clone_reason(reason, sizeof reason, "CLONE", &in,
                     "does not fit the exports merged before (a counter went down, or an older export holds "
                     "counts never seen)");
        out = quarantine(rdb, &in, plain, plen, 1, reason, msg, msgsz);
        break;
    case S_REPLAY:
    case S_BAD: out = R_REFUSED; break;
    case S_DBFAIL: out = R_DBFAIL; break;
    }
done:
#undef REFUSE
    if (plain && plain != data)
        sodium_memzero(plain, plen);
    free(mbytes);
    free(sigtxt);
    free(data);
    free(plain);
    free(health);
    free(parsed.rows);
    report_contacts_free(&in.contacts);
    manifest_free(m);
    return out;
}

/* ---- walking a stick ---- */

/* Does the folder hold anything an export writes? (for "incomplete") */
static int has_export_files(int dfd)
{
    const char *names[] = {EXPORT_CSV_NAME, EXPORT_SEALED_NAME, EXPORT_SIG_NAME};
    struct stat st;
    for (size_t i = 0; i < 3; i++)
        if (fstatat(dfd, names[i], &st, AT_SYMLINK_NOFOLLOW) == 0)
            return 1;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* One line of merge output: the folder and the message come from the
 * stick, so both are sanitised for the terminal. */
static void say(FILE *out, const char *tag, const char *dir, const char *msg)
{
    if (!out)
        return;
    char d[PATH_MAX], m[1200];
    report_term_safe(dir, d, sizeof d);
    report_term_safe(msg, m, sizeof m);
    fprintf(out, "%-8s %s: %s\n", tag, d, m);
}

/* Walk the open folder dfd (shown as dir), never following a symlink:
 * each subfolder is opened relative to its parent with O_NOFOLLOW, so
 * links, loops and FIFOs cost nothing. Closes dfd. */
static Err walk(ReportDb *db, int dfd, const char *dir, int depth, const MergeOptions *opt, MergeSummary *sum)
{
    FILE *out = opt->out;
    struct stat st;
    if (fstatat(dfd, EXPORT_MANIFEST_NAME, &st, AT_SYMLINK_NOFOLLOW) == 0) {
        char msg[1200];
        Outcome o = merge_one(db, dfd, opt, msg, sizeof msg);
        close(dfd);
        switch (o) {
        case R_TAKEN: sum->taken++; say(out, "taken", dir, msg); break;
        case R_ALREADY: sum->already++; say(out, "skipped", dir, msg); break;
        case R_REFUSED: sum->refused++; say(out, "REFUSED", dir, msg); break;
        case R_QUARANTINED: sum->quarantined++; say(out, "QUARANTINED", dir, msg); break;
        case R_DBFAIL:
            sum->refused++;
            say(out, "FAILED", dir, msg);
            return ERR_DB;
        }
        return ERR_OK;
    }
    if (has_export_files(dfd)) {
        close(dfd);
        sum->incomplete++;
        say(out, "ignored", dir, "incomplete export (no manifest; the stick was pulled or full?)");
        return ERR_OK;
    }
    if (depth >= MAX_DEPTH) {
        close(dfd);
        return ERR_OK;
    }
    int dup_fd = dup(dfd);
    DIR *d = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
    if (!d) {
        if (dup_fd >= 0)
            close(dup_fd);
        close(dfd);
        return ERR_OK;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        /* Folders only, and no symlink to one (d_type when the file system
         * gives it; lstat-like fstatat otherwise). */
        if (de->d_type != DT_DIR &&
            (de->d_type != DT_UNKNOWN || fstatat(dfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
             !S_ISDIR(st.st_mode)))
            continue;
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 16;
            char **nn = realloc(names, nc * sizeof *nn);
            if (!nn)
                break;
            names = nn;
            cap = nc;
        }
        if (!(names[n] = strdup(de->d_name)))
            break;
        n++;
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_str);
    Err e = ERR_OK;
    for (size_t i = 0; i < n; i++) {
        char p[PATH_MAX];
        int cfd = e || fileio_join(p, sizeof p, dir, names[i]) ? -1 : report_stick_opendir(dfd, names[i]);
        if (cfd >= 0)
            e = walk(db, cfd, p, depth + 1, opt, sum);
        free(names[i]);
    }
    free(names);
    close(dfd);
    return e;
}

Err report_merge_path(ReportDb *db, const char *path, const MergeOptions *opt, MergeSummary *sum)
{
    if (!db || !path || !opt || !sum)
        return ERR_INVALID;
    if (sodium_init() < 0)
        return ERR_IO;
    /* The path the manager typed may be a symlink (a mount point's
     * alias); nothing below it is followed. */
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        say(opt->out, "REFUSED", path, "not a folder");
        sum->refused++;
        return ERR_OK;
    }
    return walk(db, fd, path, 0, opt, sum);
}

/* ---- the manager's decisions ---- */

/* The full key for kiosk_id: key itself (64 hex), or the one key among
 * its quarantined and registered keys that starts with key (8+ hex). */
static Err resolve_key(sqlite3 *db, const char *kiosk_id, const char *key, char full[65])
{
    if (report_pubkey_ok(key)) {
        snprintf(full, 65, "%s", key);
        return ERR_OK;
    }
    size_t n = strlen(key);
    if (n < 8 || n > 64)
        return ERR_INVALID;
    for (size_t i = 0; i < n; i++)
        if (!((key[i] >= '0' && key[i] <= '9') || (key[i] >= 'a' && key[i] <= 'f')))
            return ERR_INVALID;
    sqlite3_stmt *st = NULL;
    st = prepare_texts(db,
                           "SELECT pubkey FROM quarantine WHERE kiosk_id=?1 AND substr(pubkey, 1, length(?2))=?2"
                           " UNION SELECT pubkey FROM kiosks WHERE kiosk_id=?1 AND substr(pubkey, 1, length(?2))=?2",
                       kiosk_id, key);
    if (!st)
        return ERR_DB;
    int found = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (found++ == 0)
            snprintf(full, 65, "%s", (const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    return found == 1 ? ERR_OK : found ? ERR_INVALID : ERR_NOTFOUND;
}

Err report_enroll(ReportDb *rdb, const char *kiosk_id, const char *key, const char *label, FILE *out)
{
    sqlite3 *db = rdb->db;
    char full[65];
    if (!report_kiosk_id_ok(kiosk_id) || (label && *label && !report_label_ok(label)))
        return ERR_INVALID;
    Err e = resolve_key(db, kiosk_id, key, full);
    if (e)
        return e;
    /* Two different exports with one number under this key come from two
     * kiosks sharing the key (a cloned card): counting either would
     * decide by order. Leave them for the manager. */
    sqlite3_stmt *st = NULL;
    int64_t clones = 0;
    st = prepare_texts(db,
                           "SELECT count(*) FROM quarantine a JOIN quarantine b ON a.kiosk_id=b.kiosk_id AND"
                           " a.pubkey=b.pubkey AND a.epoch=b.epoch AND a.seq=b.seq AND a.qid<b.qid"
                           " WHERE a.kiosk_id=?1 AND a.pubkey=?2",
                       kiosk_id, full);
    if (!st)
        return ERR_DB;
    if (sqlite3_step(st) == SQLITE_ROW)
        clones = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (clones) {
        if (out)
            fprintf(out, "kiosk %s key %.16s...: %lld export number(s) exist twice with different counts: two "
                         "kiosks share this key (a cloned card). Not enrolled; give one kiosk a new identity.\n",
                    kiosk_id, full, (long long)clones);
        return ERR_KEY;
    }
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return ERR_BUSY;
    char known[80] = "";
    query_int(db, "SELECT pubkey FROM kiosks WHERE kiosk_id=?1", kiosk_id, 0, 0, 0, known, sizeof known);
    int ok = 1;
    if (known[0] && strcmp(known, full) != 0)
        ok = dispute_move(rdb, kiosk_id, "another key was enrolled for this kiosk") == 0;
    if (ok && sqlite3_prepare_v2(db,
                                 "INSERT INTO kiosks(kiosk_id, pubkey, label, trust) VALUES(?1, ?2, ?3, 'enrolled')"
                                 " ON CONFLICT(kiosk_id) DO UPDATE SET trust='enrolled', pubkey=excluded.pubkey,"
                                 " label=CASE WHEN excluded.label='' THEN label ELSE excluded.label END",
                                 -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, kiosk_id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, full, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, label ? label : "", -1, SQLITE_STATIC);
        ok = sqlite3_step(st) == SQLITE_DONE;
    } else {
        ok = 0;
    }
    sqlite3_finalize(st);
    if (!ok || sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return ERR_DB;
    }
    if (out)
        fprintf(out, "enrolled kiosk %s with key %.16s...\n", kiosk_id, full);

    /* Count its quarantined exports, oldest first, each through the same
     * checks as a merge; the others stay. */
    st = prepare_texts(db,
                           "SELECT qid, epoch, seq, manifest_sha256, rows, day_first, day_last, created, encrypted,"
                           " label, counters, health FROM quarantine WHERE kiosk_id=?1 AND pubkey=?2"
                           " ORDER BY epoch, seq",
                       kiosk_id, full);
    if (!st)
        return ERR_DB;
    int64_t *drop = NULL;
    size_t ndrop = 0, capdrop = 0;
    e = ERR_OK;
    while (!e && sqlite3_step(st) == SQLITE_ROW) {
        ExportInfo in = {0};
        snprintf(in.kiosk, sizeof in.kiosk, "%s", kiosk_id);
        snprintf(in.pubkey, sizeof in.pubkey, "%s", full);
        int64_t qid = sqlite3_column_int64(st, 0);
        in.epoch = sqlite3_column_int64(st, 1);
        in.seq = sqlite3_column_int64(st, 2);
        snprintf(in.mhash, sizeof in.mhash, "%s", (const char *)sqlite3_column_text(st, 3));
        in.rows = sqlite3_column_int64(st, 4);
        snprintf(in.df, sizeof in.df, "%s", (const char *)sqlite3_column_text(st, 5));
        snprintf(in.dl, sizeof in.dl, "%s", (const char *)sqlite3_column_text(st, 6));
        in.created = sqlite3_column_int64(st, 7);
        in.encrypted = sqlite3_column_int(st, 8);
        snprintf(in.label, sizeof in.label, "%s", (const char *)sqlite3_column_text(st, 9));
        const char *csv = sqlite3_column_blob(st, 10);
        size_t len = (size_t)sqlite3_column_bytes(st, 10);
        char msg[600], have_hash[80];
        int done = 0;
        query_int(db, "SELECT manifest_sha256 FROM exports WHERE kiosk_id=?1 AND epoch=?2 AND seq=?3", kiosk_id,
                  in.epoch, in.seq, 0, have_hash, sizeof have_hash);
        Parsed p = {0};
        if (!csv) {
            done = 1;
            snprintf(msg, sizeof msg, "no counters kept: dropped");
        } else if (have_hash[0]) {
            done = strcmp(have_hash, in.mhash) == 0;
            snprintf(msg, sizeof msg, done ? "already counted" : "CONFLICT with a counted export of the same number: kept");
        } else if (parse_counters(csv, len, &in, &p, msg, sizeof msg) != 0) {
            /* kept, with the reason */
        } else if (sqlite3_column_type(st, 11) != SQLITE_NULL &&
                   report_health_check((const char *)sqlite3_column_text(st, 11),
                                       (size_t)sqlite3_column_bytes(st, 11), &in.health, msg, sizeof msg) != ERR_OK) {
            /* kept, with the reason (checked at merge: a database edited since) */
        } else {
            if (sqlite3_column_type(st, 11) != SQLITE_NULL) {
                in.health_json = (const char *)sqlite3_column_text(st, 11);
                in.health_len = (size_t)sqlite3_column_bytes(st, 11);
            }
            StoreRes sr = store_export(rdb, &in, &p, "enrolled", msg, sizeof msg);
            if (sr == S_DBFAIL)
                e = ERR_DB;
            done = sr == S_OK || sr == S_REPLAY;
            if (sr == S_OK)
                snprintf(msg, sizeof msg, "counted");
            else if (sr == S_REPLAY)
                snprintf(msg, sizeof msg, "covered by a newer export: dropped");
            else if (sr == S_CLONE)
                snprintf(msg, sizeof msg, "CLONE: does not fit the exports counted so far: kept");
        }
        free(p.rows);
        if (out) {
            char safe[700];
            report_term_safe(msg, safe, sizeof safe);
            fprintf(out, "  epoch %lld export %lld: %s\n", (long long)in.epoch, (long long)in.seq, safe);
        }
        if (done) {
            if (ndrop == capdrop) {
                size_t nc = capdrop ? capdrop * 2 : 16;
                int64_t *nd = realloc(drop, nc * sizeof *nd);
                if (!nd) {
                    e = ERR_NOMEM;
                    break;
                }
                drop = nd;
                capdrop = nc;
            }
            drop[ndrop++] = qid;
        }
    }
    sqlite3_finalize(st);
    for (size_t i = 0; !e && i < ndrop; i++) {
        if (sqlite3_prepare_v2(db, "DELETE FROM quarantine WHERE qid=?1", -1, &st, NULL) != SQLITE_OK) {
            e = ERR_DB;
            break;
        }
        sqlite3_bind_int64(st, 1, drop[i]);
        if (sqlite3_step(st) != SQLITE_DONE)
            e = ERR_DB;
        sqlite3_finalize(st);
    }
    free(drop);
    return e;
}

Err report_reject(ReportDb *rdb, const char *kiosk_id, const char *key, int64_t *removed)
{
    char full[65];
    if (removed)
        *removed = 0;
    if (!report_kiosk_id_ok(kiosk_id))
        return ERR_INVALID;
    Err e = resolve_key(rdb->db, kiosk_id, key, full);
    if (e)
        return e;
    char known[80] = "";
    query_int(rdb->db, "SELECT pubkey FROM kiosks WHERE kiosk_id=?1", kiosk_id, 0, 0, 0, known, sizeof known);
    if (strcmp(known, full) == 0)
        return ERR_KEY; /* the counted key: that is forget's job */
    if (exec_kiosk(rdb->db, "DELETE FROM quarantine WHERE kiosk_id=?1 AND pubkey=?2", kiosk_id, full) != 0)
        return ERR_DB;
    if (removed)
        *removed = sqlite3_changes(rdb->db);
    return ERR_OK;
}

typedef struct {
    char (*id)[33];
    char (*key)[65];
    char (*label)[REPORT_LABEL_MAX + 1];
    size_t n, cap;
    char why[200];
} EnrollList;

static int enroll_cb(void *ctx, char **f, size_t n, size_t record)
{
    EnrollList *l = ctx;
    if (n < 2 || n > 3 || !report_kiosk_id_ok(f[0]) || !report_pubkey_ok(f[1]) ||
        (n == 3 && *f[2] && !report_label_ok(f[2]))) {
        snprintf(l->why, sizeof l->why, "record %zu: not kiosk_id (32 hex),pubkey (64 hex)[,label]", record);
        return 1;
    }
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 16;
        void *a = realloc(l->id, nc * sizeof *l->id), *b = a ? realloc(l->key, nc * sizeof *l->key) : NULL,
             *c = b ? realloc(l->label, nc * sizeof *l->label) : NULL;
        if (a)
            l->id = a;
        if (b)
            l->key = b;
        if (!c) {
            snprintf(l->why, sizeof l->why, "out of memory");
            return 1;
        }
        l->label = c;
        l->cap = nc;
    }
    snprintf(l->id[l->n], 33, "%s", f[0]);
    snprintf(l->key[l->n], 65, "%s", f[1]);
    snprintf(l->label[l->n], REPORT_LABEL_MAX + 1, "%s", n == 3 ? f[2] : "");
    l->n++;
    return 0;
}

Err report_enroll_list(ReportDb *db, const char *path, FILE *out, FILE *err)
{
    char *buf = NULL, *kept = NULL;
    size_t len = 0, k = 0;
    Err e = fileio_read_all(path, 16u << 20, &buf, &len);
    if (e) {
        fprintf(err, "enroll: cannot read %s: %s\n", path, err_str(e));
        return e;
    }
    /* Comment and blank lines out, the rest parsed as CSV. */
    kept = malloc(len + 1);
    if (!kept) {
        free(buf);
        return ERR_NOMEM;
    }
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && buf[j] != '\n')
            j++;
        int blank = j == i || (j == i + 1 && buf[i] == '\r');
        if (!blank && buf[i] != '#') {
            memcpy(kept + k, buf + i, j - i);
            k += j - i;
            kept[k++] = '\n';
        }
        i = j + 1;
    }
    free(buf);
    EnrollList l = {0};
    char cwhy[200];
    if (report_csv_parse(kept, k, enroll_cb, &l, cwhy, sizeof cwhy) != ERR_OK) {
        fprintf(err, "enroll: %s: %s (nothing enrolled)\n", path, l.why[0] ? l.why : cwhy);
        e = ERR_FORMAT;
    }
    free(kept);
    for (size_t i = 0; !e && i < l.n; i++) {
        e = report_enroll(db, l.id[i], l.key[i], l.label[i], out);
        if (e)
            fprintf(err, "enroll: kiosk %s: %s\n", l.id[i], err_str(e));
    }
    free(l.id);
    free(l.key);
    free(l.label);
    return e;
}

/* The reasons are written above (quarantine(), dispute_move(),
 * clone_reason()); a reason moved out of the counts by a dispute keeps the
 * reason of the dispute after its "counted before" prefix. */
ReportQuarantineKind report_quarantine_kind(const char *reason)
{
    if (!reason)
        return REPORT_Q_OTHER;
    if (strstr(reason, "KEY CHANGED"))
        return REPORT_Q_KEY_CHANGED;
    if (strstr(reason, "CLONE: ") || strstr(reason, "CONFLICT: "))
        return REPORT_Q_CLONE;
    if (strstr(reason, " is disputed ("))
        return REPORT_Q_DISPUTED;
    if (strstr(reason, " is not enrolled") || strstr(reason, " is waiting to be enrolled"))
        return REPORT_Q_NOT_ENROLLED;
    return REPORT_Q_OTHER;
}

Err report_print_quarantine(ReportDb *rdb, FILE *out, int64_t *count)
{
    sqlite3_stmt *st = NULL;
    if (count)
        *count = 0;
    if (sqlite3_prepare_v2(rdb->db,
                           "SELECT kiosk_id, pubkey, epoch, seq, rows, day_first, day_last, label, reason"
                           " FROM quarantine ORDER BY kiosk_id, pubkey, epoch, seq",
                           -1, &st, NULL) != SQLITE_OK)
        return ERR_DB;
    char cur[100] = "";
    int64_t n = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 0), *pk = (const char *)sqlite3_column_text(st, 1);
        char both[100], label[REPORT_LABEL_MAX * 2], reason[700];
        snprintf(both, sizeof both, "%s %s", k, pk);
        report_term_safe((const char *)sqlite3_column_text(st, 7), label, sizeof label);
        report_term_safe((const char *)sqlite3_column_text(st, 8), reason, sizeof reason);
        if (strcmp(both, cur) != 0) {
            snprintf(cur, sizeof cur, "%s", both);
            fprintf(out, "kiosk %s%s%s%s key %.16s...  (count these: taama-report accept %s %.16s)\n", k,
                    label[0] ? " (" : "", label, label[0] ? ")" : "", pk, k, pk);
        }
        fprintf(out, "  epoch %lld export %lld, %lld counters, days %s..%s: %s\n",
                (long long)sqlite3_column_int64(st, 2), (long long)sqlite3_column_int64(st, 3),
                (long long)sqlite3_column_int64(st, 4), (const char *)sqlite3_column_text(st, 5),
                (const char *)sqlite3_column_text(st, 6), reason);
        n++;
    }
    sqlite3_finalize(st);
    if (n)
        fprintf(out, "%lld quarantined export(s): kept, not counted. `taama-report accept KIOSK_ID KEY` counts a "
                     "key's exports; `taama-report forget KIOSK_ID` removes everything of a kiosk.\n",
                (long long)n);
    else
        fprintf(out, "nothing quarantined\n");
    if (count)
        *count = n;
    return rc == SQLITE_DONE ? ERR_OK : ERR_DB;
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
            if (cur[0]) {
                /* Checked at merge; a database from an older version may
                 * hold anything. */
                char safe[sizeof cur];
                report_term_safe(cur, safe, sizeof safe);
                fprintf(out, "kiosk %s epoch %lld: %lld export(s), newest %lld; %s\n", safe, (long long)cur_epoch,
                        (long long)count, (long long)prev, gaps[0] ? gaps : "no gaps");
            }
            if (rc != SQLITE_ROW)
                break;
            snprintf(cur, sizeof cur, "%s", k);
            cur_epoch = ep;
            prev = 0;
            count = 0;
            gaps[0] = '\0';
        }
        /* Written so nothing overflows, whatever a database holds (merge
         * stores seq >= 1; prev < seq - 1 here). */
        if (seq >= 1 && seq - 1 > prev) {
            char g[64];
            if (seq - 2 == prev)
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
    int64_t nq = 0;
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(rdb->db, "SELECT count(*) FROM quarantine", -1, &q, NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW)
        nq = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    if (nq)
        fprintf(out, "!!! %lld export(s) in quarantine (kept, not counted): see `taama-report quarantine`\n",
                (long long)nq);
    return rc == SQLITE_DONE ? ERR_OK : ERR_DB;
}
