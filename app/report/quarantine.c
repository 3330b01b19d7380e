/* quarantine.c: exports kept but not counted. An export is quarantined
 * with its checked counters and health.json, and a reason the manager
 * reads (`taama-report quarantine`) and report_quarantine_kind() sorts. A
 * dispute (a second key or a cloned card claiming a kiosk registered on
 * first use) also moves everything counted for the kiosk into the
 * quarantine, so forged-then-real and real-then-forged end the same. */
#include "report/merge.h"

#include <stdlib.h>
#include <string.h>

#include "core/fileio.h"
#include "core/str.h"
#include "export/export.h"

/* Keep a checked export, uncounted, with its counters (csv, len bytes;
 * NULL for none) and its health.json (in->health_json, if any). In the
 * caller's transaction. ERR_DB. */
static Err quarantine_add(sqlite3 *db, const ExportInfo *in, const char *csv, size_t len, const char *reason)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "INSERT OR IGNORE INTO quarantine(kiosk_id, epoch, seq, manifest_sha256, rows,"
                           " day_first, day_last, created, encrypted, pubkey, label, reason, counters, health)"
                           " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)",
                           -1, &st, NULL) != SQLITE_OK)
        return ERR_DB;
    merge_bind_info(st, in);
    sqlite3_bind_text(st, 12, reason, -1, SQLITE_STATIC);
    if (csv)
        sqlite3_bind_blob64(st, 13, csv, len, SQLITE_STATIC);
    if (in->health_json)
        sqlite3_bind_text64(st, 14, in->health_json, in->health_len, SQLITE_STATIC, SQLITE_UTF8);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? ERR_OK : ERR_DB;
}

/* The newest export of one epoch of a disputed kiosk (a row of the
 * epochs query in merge_dispute_move), as the quarantine keeps it; pub
 * and label are the kiosk's. Borrows the health text from ep. */
static void dispute_epoch_info(sqlite3_stmt *ep, const char *kiosk_id, const char *pub, const char *label,
                               ExportInfo *in, int *orphan)
{
    memset(in, 0, sizeof *in);
    snprintf(in->kiosk, sizeof in->kiosk, "%s", kiosk_id);
    snprintf(in->pubkey, sizeof in->pubkey, "%s", pub);
    snprintf(in->label, sizeof in->label, "%s", label);
    in->epoch = sqlite3_column_int64(ep, 0);
    /* Counters without an export record (a schema 1 database) go under
     * number 1, named by their own hash. */
    *orphan = sqlite3_column_type(ep, 1) == SQLITE_NULL;
    in->seq = *orphan ? 1 : sqlite3_column_int64(ep, 1);
    if (!*orphan)
        snprintf(in->mhash, sizeof in->mhash, "%s", (const char *)sqlite3_column_text(ep, 2));
    in->created = sqlite3_column_int64(ep, 3);
    in->encrypted = sqlite3_column_int(ep, 4);
    /* the newest export's health goes with its counters */
    if (sqlite3_column_type(ep, 5) != SQLITE_NULL) {
        in->health_json = (const char *)sqlite3_column_text(ep, 5);
        in->health_len = (size_t)sqlite3_column_bytes(ep, 5);
    }
}

/* Write the counters of (kid, in->epoch) as an export's CSV into b, and
 * set in's rows and day range from them. rd is the counters query of
 * merge_dispute_move. ERR_DB, ERR_NOMEM (b failed), ERR_FORMAT (a row too long to write). */
static Err dispute_epoch_csv(sqlite3_stmt *rd, int64_t kid, ExportInfo *in, Str *b)
{
    str_puts(b, "\xEF\xBB\xBF" EXPORT_CSV_HEADER "\r\n");
    sqlite3_reset(rd);
    sqlite3_bind_int64(rd, 1, kid);
    sqlite3_bind_int64(rd, 2, in->epoch);
    int rc;
    while ((rc = sqlite3_step(rd)) == SQLITE_ROW) {
        char line[256], d[11], item[16] = "";
        report_day_str((int32_t)sqlite3_column_int(rd, 0), d);
        if (sqlite3_column_int(rd, 4) >= 0)
            snprintf(item, sizeof item, "%d", sqlite3_column_int(rd, 4));
        int k = snprintf(line, sizeof line, "%s,%s,%s,%s,%s,%lld\r\n", d, (const char *)sqlite3_column_text(rd, 1),
                         (const char *)sqlite3_column_text(rd, 2), (const char *)sqlite3_column_text(rd, 3), item,
                         (long long)sqlite3_column_int64(rd, 5));
        if (k < 0 || (size_t)k >= sizeof line)
            return ERR_FORMAT; /* names are bounded far below this: a damaged database */
        str_append(b, line, (size_t)k);
        if (in->rows == 0 || strcmp(d, in->df) < 0)
            snprintf(in->df, sizeof in->df, "%s", d);
        if (in->rows == 0 || strcmp(d, in->dl) > 0)
            snprintf(in->dl, sizeof in->dl, "%s", d);
        in->rows++;
    }
    if (str_err(b) != ERR_OK)
        return str_err(b);
    return rc == SQLITE_DONE ? ERR_OK : ERR_DB;
}

Err merge_dispute_move(ReportDb *rdb, const char *kiosk_id, const char *reason)
{
    sqlite3 *db = rdb->db;
    sqlite3_stmt *ep = NULL, *rd = NULL;
    /* sized as ExportInfo's fields: the stored values were checked to fit */
    char pub[65] = "", label[REPORT_LABEL_MAX + 1] = "", why[400];
    int64_t kid = merge_query_int(db, "SELECT kid FROM kiosks WHERE kiosk_id=?1", kiosk_id, 0, 0, -1, NULL, 0);
    if (kid < 0)
        return ERR_OK;
    merge_query_int(db, "SELECT pubkey FROM kiosks WHERE kiosk_id=?1", kiosk_id, 0, 0, 0, pub, sizeof pub);
    merge_query_int(db, "SELECT label FROM kiosks WHERE kiosk_id=?1", kiosk_id, 0, 0, 0, label, sizeof label);
    snprintf(why, sizeof why, "counted before (first use), disputed: %s", reason);
    Err e = ERR_DB;
    if (sqlite3_prepare_v2(db,
                           "SELECT c.epoch, e.seq, e.manifest_sha256, e.created, e.encrypted, h.json FROM"
                           " (SELECT DISTINCT epoch FROM counts WHERE kid=?2) c LEFT JOIN exports e ON"
                           " e.kiosk_id=?1 AND e.epoch=c.epoch AND e.seq=(SELECT max(seq) FROM exports"
                           " WHERE kiosk_id=?1 AND epoch=c.epoch) LEFT JOIN health h ON h.kiosk_id=?1"
                           " AND h.epoch=e.epoch AND h.seq=e.seq ORDER BY c.epoch",
                           -1, &ep, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db,
                           "SELECT c.day, m.name, l.name, d.name, c.item, c.value FROM counts c"
                           " JOIN names m ON m.id=c.metric JOIN names l ON l.id=c.lang"
                           " JOIN names d ON d.id=c.module WHERE c.kid=?1 AND c.epoch=?2"
                           " ORDER BY c.day, m.name, l.name, d.name, c.item",
                           -1, &rd, NULL) != SQLITE_OK)
        goto done;
    sqlite3_bind_text(ep, 1, kiosk_id, -1, SQLITE_STATIC);
    sqlite3_bind_int64(ep, 2, kid);
    e = ERR_OK;
    while (!e && sqlite3_step(ep) == SQLITE_ROW) {
        ExportInfo in;
        int orphan;
        Str b = STR_INIT;
        dispute_epoch_info(ep, kiosk_id, pub, label, &in, &orphan);
        e = dispute_epoch_csv(rd, kid, &in, &b);
        if (!e && orphan)
            fileio_sha256_hex(str_cstr(&b), b.len, in.mhash);
        if (!e)
            e = quarantine_add(db, &in, str_cstr(&b), b.len, why);
        str_free(&b);
    }
    if (!e)
        e = merge_drop_kiosk(db, kiosk_id, kid);
done:
    sqlite3_finalize(ep);
    sqlite3_finalize(rd);
    return e;
}

Outcome merge_quarantine(ReportDb *rdb, const ExportInfo *in, const char *csv, size_t len, int dispute,
                         const char *reason, char *msg, size_t msgsz)
{
    sqlite3 *db = rdb->db;
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        snprintf(msg, msgsz, "database busy: %s", sqlite3_errmsg(db));
        return R_DBFAIL;
    }
    Err e = dispute ? merge_dispute_move(rdb, in->kiosk, reason) : ERR_OK;
    if (!e)
        e = quarantine_add(db, in, csv, len, reason);
    if (!e && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        e = ERR_DB;
    if (e) {
        snprintf(msg, msgsz, "database error: %s", sqlite3_errmsg(db));
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return R_DBFAIL;
    }
    snprintf(msg, msgsz, "%s", reason);
    return R_QUARANTINED;
}

/* ---- the manager's view ---- */

/* The reasons are written above (merge.c: merge_trust() and
 * clone_reason(); merge_dispute_move() below); a reason moved out of the counts by a dispute keeps the
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
