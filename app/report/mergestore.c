/* mergestore.c: one export's counters, from its CSV to the campaign
 * database. The CSV is parsed strictly (validate.c checks each record);
 * merge_store_export() then counts a checked export in one transaction:
 * the kiosk and the export recorded, each counter upserted with max() (so
 * merging is idempotent and order-independent), the kiosk's history
 * checked in the same pass (a counter that went down, or an older export
 * with counts never seen, is a cloned card), and the per-day sums it
 * touched recomputed. A refusal rolls everything back. */
#include "report/merge.h"

#include <stdlib.h>
#include <string.h>

#include "core/vec.h"
#include "export/export.h"

/* ---- parsing ---- */

/* One record of counters.csv: the header first, exactly ours. */
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
    if (VEC_RESERVE(p->rows, p->cap, p->n + 1) != ERR_OK) {
        snprintf(p->why, sizeof p->why, "out of memory");
        return 1;
    }
    if (report_row_check(f, n, record, p->day_first, p->day_last, &p->rows[p->n], p->why, sizeof p->why))
        return 1;
    p->n++;
    return 0;
}


Err merge_parse_counters(const char *csv, size_t len, const ExportInfo *info, Parsed *p, char *why, size_t whysz)
{
    char cwhy[200];
    p->day_first = info->df;
    p->day_last = info->dl;
    if (report_csv_parse(csv, len, row_cb, p, cwhy, sizeof cwhy) != ERR_OK) {
        if (p->why[0])
            snprintf(why, whysz, "%s", p->why);
        else
            snprintf(why, whysz, EXPORT_CSV_NAME ": %s", cwhy);
        return ERR_FORMAT;
    }
    if (!p->header_seen) {
        snprintf(why, whysz, EXPORT_CSV_NAME ": empty (no header)");
        return ERR_FORMAT;
    }
    if ((int64_t)p->n != info->rows) {
        snprintf(why, whysz, EXPORT_CSV_NAME ": %zu records, but the manifest's field rows says %lld", p->n,
                 (long long)info->rows);
        return ERR_FORMAT;
    }
    return ERR_OK;
}

/* ---- storing ---- */

typedef struct {
    int64_t metric, lang, module, value;
    int32_t day, item;
} IdRow;

static int idrow_cmp(const void *a, const void *b)
{
    const IdRow *x = a, *y = b;
    if (x->metric != y->metric)
        return x->metric < y->metric ? -1 : 1;
    return report_key_cmp(REPORT_KEY(x), REPORT_KEY(y));
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

/* Range of days changed for one metric (sums to recompute). */
typedef struct {
    int64_t metric;
    int32_t first, last;
} Touched;

/* One store in progress: what it was given, the interned rows, what the
 * database already holds for the kiosk, and the sums to recompute. */
typedef struct {
    ReportDb *rdb;
    sqlite3 *db;
    const ExportInfo *in;
    const Parsed *p;
    IdRow *ir;             /* p's rows with their names interned, sorted */
    Touched *tv;           /* one entry per metric changed */
    size_t nt, capt;
    int64_t kid;           /* the kiosk's row id, -1 until it has one */
    int64_t maxseq;        /* newest export merged for (kiosk, epoch), 0: none */
    int64_t prev_rows;     /* counters that newest export held */
    int64_t matched;       /* counters of this export already stored */
    int history, newer;    /* exports merged before; this one is newer */
    StoreRes res;          /* the outcome when a step stops */
    char *msg;
    size_t msgsz;
} Store;

/* Intern the rows' names (a miss adds the name in this transaction),
 * sort them in key order, refuse a counter listed twice (S_BAD). */
static int store_intern_rows(Store *s)
{
    const Parsed *p = s->p;
    ReportNames *nm = &s->rdb->names;
    s->ir = malloc((p->n ? p->n : 1) * sizeof *s->ir);
    if (!s->ir)
        return 0;
    for (size_t i = 0; i < p->n; i++) {
        const StatRow *r = &p->rows[i];
        IdRow *d = &s->ir[i];
        if (report_names_intern(s->db, nm, r->metric, &d->metric) != ERR_OK ||
            report_names_intern(s->db, nm, r->lang, &d->lang) != ERR_OK ||
            report_names_intern(s->db, nm, r->module, &d->module) != ERR_OK)
            return 0;
        d->day = report_day_int(r->day);
        d->item = r->item;
        d->value = r->value;
    }
    /* In key order, the upserts walk the B-tree forwards; a counter listed
     * twice sits next to its twin. */
    qsort(s->ir, p->n, sizeof *s->ir, idrow_cmp);
    for (size_t i = 1; i < p->n; i++) {
        const IdRow *r = &s->ir[i];
        if (idrow_cmp(&s->ir[i - 1], r) != 0)
            continue;
        char d[11];
        report_day_str(r->day, d);
        snprintf(s->msg, s->msgsz, EXPORT_CSV_NAME ": the counter %s %s %s %s %d is listed twice", d,
                 report_names_of(nm, r->metric), report_names_of(nm, r->lang), report_names_of(nm, r->module),
                 r->item);
        s->res = S_BAD;
        return 0;
    }
    return 1;
}

/* What is already merged for this (kiosk, epoch). A newer export must
 * hold every counter merged so far (as many as the newest export had),
 * none lower; an older one must hold nothing new. A kiosk's counters only
 * grow and are never dropped, so anything else comes from another kiosk
 * with this id and key (a cloned card). Checked in the same pass as the
 * upserts (store_upsert_counts). */
static void store_read_history(Store *s)
{
    const ExportInfo *in = s->in;
    s->kid = merge_query_int(s->db, "SELECT kid FROM kiosks WHERE kiosk_id=?1", in->kiosk, 0, 0, -1, NULL, 0);
    s->maxseq = s->kid >= 0 ? merge_query_int(s->db, "SELECT max(seq) FROM exports WHERE kiosk_id=?1 AND epoch=?2",
                                              in->kiosk, in->epoch, 0, 0, NULL, 0)
                            : 0;
    s->history = s->kid >= 0 && s->maxseq > 0;
    s->newer = in->seq > s->maxseq;
    s->prev_rows = s->history && s->newer
                       ? merge_query_int(s->db, "SELECT rows FROM exports WHERE kiosk_id=?1 AND epoch=?2 AND seq=?3",
                                         in->kiosk, in->epoch, s->maxseq, 0, NULL, 0)
                       : 0;
}

/* Register the kiosk (trust, when not NULL, sets how its key is trusted)
 * and record the export; s->kid is the kiosk's row id after. */
static int store_register(Store *s, const char *trust)
{
    const ExportInfo *in = s->in;
    sqlite3_stmt *st = NULL;
    int ok = sqlite3_prepare_v2(s->db,
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
        ok = sqlite3_prepare_v2(s->db,
                                "INSERT INTO exports(kiosk_id, epoch, seq, manifest_sha256, rows, day_first,"
                                " day_last, created, encrypted) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
                                -1, &st, NULL) == SQLITE_OK;
    if (ok) {
        merge_bind_info(st, in);
        ok = sqlite3_step(st) == SQLITE_DONE;
    }
    sqlite3_finalize(st);
    if (ok && s->kid < 0)
        s->kid = merge_query_int(s->db, "SELECT kid FROM kiosks WHERE kiosk_id=?1", in->kiosk, 0, 0, -1, NULL, 0);
    return ok && s->kid >= 0;
}

/* Widen the range of days whose sums r's metric needs recomputed. Rows
 * come sorted by metric: a metric's range is the last entry or a new one
 * (no search, however many metrics). */
static int store_touch(Store *s, const IdRow *r)
{
    if (!s->nt || s->tv[s->nt - 1].metric != r->metric) {
        if (VEC_RESERVE(s->tv, s->capt, s->nt + 1) != ERR_OK)
            return 0;
        s->tv[s->nt++] = (Touched){r->metric, r->day, r->day};
    }
    Touched *t = &s->tv[s->nt - 1];
    if (r->day < t->first)
        t->first = r->day;
    if (r->day > t->last)
        t->last = r->day;
    return 1;
}

/* Upsert one counter with max(). 1 when the stored value changed. */
static int store_upsert(Store *s, sqlite3_stmt *st, const IdRow *r, int *changed)
{
    sqlite3_bind_int64(st, 1, r->metric);
    sqlite3_bind_int64(st, 2, s->kid);
    sqlite3_bind_int64(st, 3, s->in->epoch);
    sqlite3_bind_int(st, 4, r->day);
    sqlite3_bind_int64(st, 5, r->lang);
    sqlite3_bind_int64(st, 6, r->module);
    sqlite3_bind_int(st, 7, r->item);
    sqlite3_bind_int64(st, 8, r->value);
    int ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
    *changed = ok && sqlite3_changes(s->db) > 0;
    return ok;
}

/* Upsert every counter, checking each against the kiosk's history
 * (S_CLONE). Cumulative snapshots repeat every older day unchanged: the
 * rows whose stored value is already at least as large are skipped (max
 * would keep it), and so are their sums. */
static int store_upsert_counts(Store *s)
{
    sqlite3_stmt *st = NULL;
    Have have = {0};
    int ok = sqlite3_prepare_v2(s->db,
                                "INSERT INTO counts(metric, kid, epoch, day, lang, module, item, value)"
                                " VALUES(?1,?2,?3,?4,?5,?6,?7,?8) ON CONFLICT DO UPDATE SET"
                                " value=excluded.value WHERE excluded.value > value",
                                -1, &st, NULL) == SQLITE_OK &&
             have_open(s->db, &have, s->kid, s->in->epoch) == 0;
    for (size_t i = 0; ok && i < s->p->n; i++) {
        const IdRow *r = &s->ir[i];
        const IdRow *h = have_find(&have, r, i == 0 || r->metric != s->ir[i - 1].metric);
        s->matched += h != NULL;
        if (s->history && (s->newer ? h && r->value < h->value : !h || r->value > h->value)) {
            s->res = S_CLONE;
            ok = 0;
            break;
        }
        if (h && h->value >= r->value)
            continue;
        int changed = 0;
        ok = store_upsert(s, st, r, &changed);
        if (ok && changed)
            ok = store_touch(s, r);
    }
    have_close(&have);
    sqlite3_finalize(st);
    return ok;
}

/* After the pass: a newer export that lost counters is a clone; an older
 * one that fitted is a harmless replay, refused all the same. */
static int store_check_history(Store *s)
{
    if (s->history && s->newer && s->matched < s->prev_rows) {
        s->res = S_CLONE;
        return 0;
    }
    if (s->history && !s->newer) {
        snprintf(s->msg, s->msgsz,
                 "older than export %lld of the same kiosk, already merged (replayed old export): nothing counted",
                 (long long)s->maxseq);
        s->res = S_REPLAY;
        return 0;
    }
    return 1;
}

/* The per-day sums this export touched, recomputed from the counters in
 * the same transaction (never adjusted by deltas), so merging stays
 * idempotent and the sums always equal the counters; then its health
 * (counted exports only). */
static int store_sums_health(Store *s)
{
    const ExportInfo *in = s->in;
    for (size_t k = 0; k < s->nt; k++)
        if (report_db_sums_update(s->db, s->tv[k].metric, s->kid, s->tv[k].first, s->tv[k].last) != ERR_OK)
            return 0;
    if (in->health_json &&
        report_health_store(s->db, in->kiosk, in->epoch, in->seq, in->created, &in->health, in->health_json,
                            in->health_len) != ERR_OK)
        return 0;
    if (in->contacts.n && report_contacts_store(s->db, in->kiosk, &in->contacts) != ERR_OK)
        return 0;
    return 1;
}

StoreRes merge_store_export(ReportDb *rdb, const ExportInfo *in, const Parsed *p, const char *trust, char *msg,
                            size_t msgsz)
{
    Store s = {.rdb = rdb, .db = rdb->db, .in = in, .p = p, .kid = -1, .res = S_DBFAIL, .msg = msg, .msgsz = msgsz};
    msg[0] = '\0';
    if (sqlite3_exec(s.db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        snprintf(msg, msgsz, "database busy: %s", sqlite3_errmsg(s.db));
        return S_DBFAIL;
    }
    int ok = store_intern_rows(&s);
    if (ok)
        store_read_history(&s);
    ok = ok && store_register(&s, trust) && store_upsert_counts(&s) && store_check_history(&s) &&
         store_sums_health(&s) && sqlite3_exec(s.db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
    if (ok) {
        s.res = S_OK;
    } else {
        if (s.res == S_DBFAIL)
            snprintf(msg, msgsz, "database error: %s", sqlite3_errmsg(s.db));
        sqlite3_exec(s.db, "ROLLBACK", NULL, NULL, NULL);
        /* Names added in the rolled-back transaction are gone again. Ids
         * kept for names that are not in the database would count later
         * exports under wrong names: a failed reload stops the merge. */
        if (report_names_load(s.db, &rdb->names) != ERR_OK) {
            snprintf(msg, msgsz, "database error: cannot reload the names: %s", sqlite3_errmsg(s.db));
            s.res = S_DBFAIL;
        }
    }
    free(s.ir);
    free(s.tv);
    return s.res;
}
