/* enroll.c: the manager's decisions about who owns a kiosk id:
 * `taama-report enroll` (a kiosk and key vouched for, one or a list),
 * `accept` (a quarantined key counted: its exports go through the same
 * checks as a merge) and `reject` (a quarantined key dismissed). The trust
 * model is told at the top of merge.c. */
#include "report/merge.h"

#include <stdlib.h>
#include <string.h>

#include "core/fileio.h"
#include "core/vec.h"

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
    st = merge_prepare_texts(db,
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


/* Two different exports with one number under this key come from two
 * kiosks sharing the key (a cloned card): counting either would decide by
 * order. How many such pairs wait in the quarantine, in *clones. */
static Err enroll_count_clones(sqlite3 *db, const char *kiosk_id, const char *full, int64_t *clones)
{
    sqlite3_stmt *st = merge_prepare_texts(db,
                                           "SELECT count(*) FROM quarantine a JOIN quarantine b ON"
                                           " a.kiosk_id=b.kiosk_id AND a.pubkey=b.pubkey AND a.epoch=b.epoch AND"
                                           " a.seq=b.seq AND a.qid<b.qid WHERE a.kiosk_id=?1 AND a.pubkey=?2",
                                           kiosk_id, full);
    if (!st)
        return ERR_DB;
    int rc = sqlite3_step(st);
    *clones = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? ERR_OK : ERR_DB;
}

/* Trust full for kiosk_id in one transaction; counts registered on first
 * use under another key go to the quarantine first. */
static Err enroll_register(ReportDb *rdb, const char *kiosk_id, const char *full, const char *label)
{
    sqlite3 *db = rdb->db;
    sqlite3_stmt *st = NULL;
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return ERR_BUSY;
    char known[80] = "";
    merge_query_int(db, "SELECT pubkey FROM kiosks WHERE kiosk_id=?1", kiosk_id, 0, 0, 0, known, sizeof known);
    Err e = ERR_OK;
    if (known[0] && strcmp(known, full) != 0)
        e = merge_dispute_move(rdb, kiosk_id, "another key was enrolled for this kiosk");
    if (!e && sqlite3_prepare_v2(db,
                                 "INSERT INTO kiosks(kiosk_id, pubkey, label, trust) VALUES(?1, ?2, ?3, 'enrolled')"
                                 " ON CONFLICT(kiosk_id) DO UPDATE SET trust='enrolled', pubkey=excluded.pubkey,"
                                 " label=CASE WHEN excluded.label='' THEN label ELSE excluded.label END",
                                 -1, &st, NULL) != SQLITE_OK)
        e = ERR_DB;
    if (!e) {
        sqlite3_bind_text(st, 1, kiosk_id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, full, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, label ? label : "", -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            e = ERR_DB;
    }
    sqlite3_finalize(st);
    if (e || sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return ERR_DB;
    }
    return ERR_OK;
}

/* The quarantined export of the current row of st (the query of
 * enroll_count_quarantined) as merge checked it. */
static void enroll_row_info(sqlite3_stmt *st, const char *kiosk_id, const char *full, ExportInfo *in)
{
    memset(in, 0, sizeof *in);
    snprintf(in->kiosk, sizeof in->kiosk, "%s", kiosk_id);
    snprintf(in->pubkey, sizeof in->pubkey, "%s", full);
    in->epoch = sqlite3_column_int64(st, 1);
    in->seq = sqlite3_column_int64(st, 2);
    snprintf(in->mhash, sizeof in->mhash, "%s", (const char *)sqlite3_column_text(st, 3));
    in->rows = sqlite3_column_int64(st, 4);
    snprintf(in->df, sizeof in->df, "%s", (const char *)sqlite3_column_text(st, 5));
    snprintf(in->dl, sizeof in->dl, "%s", (const char *)sqlite3_column_text(st, 6));
    in->created = sqlite3_column_int64(st, 7);
    in->encrypted = sqlite3_column_int(st, 8);
    snprintf(in->label, sizeof in->label, "%s", (const char *)sqlite3_column_text(st, 9));
}

/* Count the quarantined export of the current row of st, through the same
 * checks as a merge (a database edited since is checked again). *done: it
 * leaves the quarantine (counted, or nothing left to count); msg says
 * what became of it. ERR_DB only when the database failed. */
static Err enroll_count_one(ReportDb *rdb, sqlite3_stmt *st, ExportInfo *in, int *done, char *msg, size_t msgsz)
{
    const char *csv = sqlite3_column_blob(st, 10);
    size_t len = (size_t)sqlite3_column_bytes(st, 10);
    int has_health = sqlite3_column_type(st, 11) != SQLITE_NULL;
    char have_hash[80];
    Parsed p = {0};
    Err e = ERR_OK;
    *done = 0;
    merge_query_int(rdb->db, "SELECT manifest_sha256 FROM exports WHERE kiosk_id=?1 AND epoch=?2 AND seq=?3",
                    in->kiosk, in->epoch, in->seq, 0, have_hash, sizeof have_hash);
    if (!csv) {
        *done = 1;
        snprintf(msg, msgsz, "no counters kept: dropped");
    } else if (have_hash[0]) {
        *done = strcmp(have_hash, in->mhash) == 0;
        snprintf(msg, msgsz, *done ? "already counted" : "CONFLICT with a counted export of the same number: kept");
    } else if (merge_parse_counters(csv, len, in, &p, msg, msgsz) != ERR_OK) {
        /* kept, with the reason */
    } else if (has_health && report_health_check((const char *)sqlite3_column_text(st, 11),
                                                 (size_t)sqlite3_column_bytes(st, 11), &in->health, msg,
                                                 msgsz) != ERR_OK) {
        /* kept, with the reason (checked at merge: a database edited since) */
    } else {
        if (has_health) {
            in->health_json = (const char *)sqlite3_column_text(st, 11);
            in->health_len = (size_t)sqlite3_column_bytes(st, 11);
        }
        StoreRes sr = merge_store_export(rdb, in, &p, "enrolled", msg, msgsz);
        e = sr == S_DBFAIL ? ERR_DB : ERR_OK;
        *done = sr == S_OK || sr == S_REPLAY;
        if (sr == S_OK)
            snprintf(msg, msgsz, "counted");
        else if (sr == S_REPLAY)
            snprintf(msg, msgsz, "covered by a newer export: dropped");
        else if (sr == S_CLONE)
            snprintf(msg, msgsz, "CLONE: does not fit the exports counted so far: kept");
    }
    free(p.rows);
    return e;
}

/* A growing list of quarantine row ids to drop. */
typedef struct {
    int64_t *id;
    size_t n, cap;
} IdList;

static Err idlist_add(IdList *l, int64_t id)
{
    if (VEC_RESERVE(l->id, l->cap, l->n + 1) != ERR_OK)
        return ERR_NOMEM;
    l->id[l->n++] = id;
    return ERR_OK;
}

/* Count the quarantined exports of kiosk_id under key full, oldest first,
 * each through the same checks as a merge; the others stay. One progress
 * line each on out (may be NULL). Those counted or covered leave the
 * quarantine afterwards. */
static Err enroll_count_quarantined(ReportDb *rdb, const char *kiosk_id, const char *full, FILE *out)
{
    sqlite3_stmt *st = merge_prepare_texts(rdb->db,
                                           "SELECT qid, epoch, seq, manifest_sha256, rows, day_first, day_last,"
                                           " created, encrypted, label, counters, health FROM quarantine"
                                           " WHERE kiosk_id=?1 AND pubkey=?2 ORDER BY epoch, seq",
                                           kiosk_id, full);
    if (!st)
        return ERR_DB;
    IdList drop = {0};
    Err e = ERR_OK;
    while (!e && sqlite3_step(st) == SQLITE_ROW) {
        ExportInfo in;
        char msg[600];
        int done = 0;
        enroll_row_info(st, kiosk_id, full, &in);
        e = enroll_count_one(rdb, st, &in, &done, msg, sizeof msg);
        if (out) {
            char safe[700];
            report_term_safe(msg, safe, sizeof safe);
            fprintf(out, "  epoch %lld export %lld: %s\n", (long long)in.epoch, (long long)in.seq, safe);
        }
        if (done && !e)
            e = idlist_add(&drop, sqlite3_column_int64(st, 0));
    }
    sqlite3_finalize(st);
    for (size_t i = 0; !e && i < drop.n; i++)
        e = merge_exec_kid(rdb->db, "DELETE FROM quarantine WHERE qid=?1", drop.id[i]);
    free(drop.id);
    return e;
}

Err report_enroll(ReportDb *rdb, const char *kiosk_id, const char *key, const char *label, FILE *out)
{
    char full[65];
    if (!report_kiosk_id_ok(kiosk_id) || (label && *label && !report_label_ok(label)))
        return ERR_INVALID;
    Err e = resolve_key(rdb->db, kiosk_id, key, full);
    int64_t clones = 0;
    if (!e)
        e = enroll_count_clones(rdb->db, kiosk_id, full, &clones);
    if (e)
        return e;
    if (clones) {
        if (out)
            fprintf(out, "kiosk %s key %.16s...: %lld export number(s) exist twice with different counts: two "
                         "kiosks share this key (a cloned card). Not enrolled; give one kiosk a new identity.\n",
                    kiosk_id, full, (long long)clones);
        return ERR_KEY;
    }
    e = enroll_register(rdb, kiosk_id, full, label);
    if (e)
        return e;
    if (out)
        fprintf(out, "enrolled kiosk %s with key %.16s...\n", kiosk_id, full);
    return enroll_count_quarantined(rdb, kiosk_id, full, out);
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
    merge_query_int(rdb->db, "SELECT pubkey FROM kiosks WHERE kiosk_id=?1", kiosk_id, 0, 0, 0, known, sizeof known);
    if (strcmp(known, full) == 0)
        return ERR_KEY; /* the counted key: that is forget's job */
    e = merge_exec_kiosk(rdb->db, "DELETE FROM quarantine WHERE kiosk_id=?1 AND pubkey=?2", kiosk_id, full);
    if (e)
        return e;
    if (removed)
        *removed = sqlite3_changes(rdb->db);
    return ERR_OK;
}

typedef struct {
    char (*id)[33];
    char (*key)[65];
    char (*label)[REPORT_LABEL_MAX + 1];
    size_t n, cap, cap_key, cap_label; /* one capacity per array */
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
    if (VEC_RESERVE(l->id, l->cap, l->n + 1) != ERR_OK || VEC_RESERVE(l->key, l->cap_key, l->n + 1) != ERR_OK ||
        VEC_RESERVE(l->label, l->cap_label, l->n + 1) != ERR_OK) {
        snprintf(l->why, sizeof l->why, "out of memory");
        return 1;
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
