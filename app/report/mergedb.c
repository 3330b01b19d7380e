/* mergedb.c: the campaign database handle (open, close, the names it
 * keeps), the small SQL helpers the merge files share, `taama-report
 * forget` and `gaps`. The schema and the per-day sums are in db.c. */
#include "report/merge.h"

#include <stdlib.h>
#include <string.h>

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

int64_t merge_query_int(sqlite3 *db, const char *sql, const char *kiosk, int64_t epoch, int64_t seq,
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

sqlite3_stmt *merge_prepare_texts(sqlite3 *db, const char *sql, const char *a, const char *b)
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

Err merge_exec_kiosk(sqlite3 *db, const char *sql, const char *a, const char *b)
{
    sqlite3_stmt *st = merge_prepare_texts(db, sql, a, b);
    if (!st)
        return ERR_DB;
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? ERR_OK : ERR_DB;
}

Err merge_exec_kid(sqlite3 *db, const char *sql, int64_t kid)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, kid);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? ERR_OK : ERR_DB;
}

Err merge_drop_kiosk(sqlite3 *db, const char *kiosk_id, int64_t kid)
{
    static const char *const by_kid[] = {"DELETE FROM counts WHERE kid=?1", "DELETE FROM day_sums WHERE kid=?1"};
    static const char *const by_id[] = {"DELETE FROM exports WHERE kiosk_id=?1", "DELETE FROM health WHERE kiosk_id=?1",
                                        "DELETE FROM kiosks WHERE kiosk_id=?1"};
    Err e = ERR_OK;
    for (size_t i = 0; !e && kid >= 0 && i < sizeof by_kid / sizeof by_kid[0]; i++)
        e = merge_exec_kid(db, by_kid[i], kid);
    for (size_t i = 0; !e && i < sizeof by_id / sizeof by_id[0]; i++)
        e = merge_exec_kiosk(db, by_id[i], kiosk_id, NULL);
    /* its help-contact lists go too, so forged labels cannot stay behind */
    if (!e && report_contacts_forget(db, kiosk_id) != 0)
        e = ERR_DB;
    return e;
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
    int64_t kid = merge_query_int(db, "SELECT kid FROM kiosks WHERE kiosk_id=?1", kiosk_id, 0, 0, -1, NULL, 0);
    int64_t nq = merge_query_int(db, "SELECT count(*) FROM quarantine WHERE kiosk_id=?1", kiosk_id, 0, 0, 0, NULL, 0);
    /* counted before the rows go, in the same transaction */
    int64_t nc = kid < 0 ? 0 : merge_query_int(db, "SELECT count(*) FROM counts WHERE kid=?2", "", kid, 0, 0, NULL, 0);
    Err e = merge_drop_kiosk(db, kiosk_id, kid);
    if (!e)
        e = merge_exec_kiosk(db, "DELETE FROM quarantine WHERE kiosk_id=?1", kiosk_id, NULL);
    if (e || sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return ERR_DB;
    }
    if (kid < 0 && nq == 0)
        return ERR_NOTFOUND;
    if (removed)
        *removed = nc;
    return ERR_OK;
}

void merge_bind_info(sqlite3_stmt *st, const ExportInfo *in)
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
