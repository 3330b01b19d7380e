/* merge.h: what the files of `taama-report merge` share, and nothing
 * outside app/report uses. The model (checks, trust, quarantine) is told
 * at the top of merge.c; the rooms are:
 *   merge.c      walking a stick, reading and verifying one export, and
 *                deciding who the export counts for;
 *   mergedb.c    the campaign database handle, small SQL helpers, forget
 *                and the gaps listing;
 *   mergestore.c one export's counters: parsed, checked against the
 *                kiosk's history and stored in one transaction;
 *   quarantine.c exports kept but not counted, and disputes;
 *   enroll.c     the manager's decisions: enroll, accept, reject. */
#ifndef APP_REPORT_MERGE_H
#define APP_REPORT_MERGE_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "core/err.h"
#include "report/report.h"
#include "stats/stats_types.h"

struct ReportDb {
    sqlite3 *db;
    ReportNames names;
};

/* One export's counters as parsed from its CSV (rows owned: free them). */
typedef struct {
    StatRow *rows;
    size_t n, cap;
    char why[200];
    int header_seen;
    const char *day_first, *day_last;
} Parsed;

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

/* What became of one export folder (one line of merge output). */
typedef enum { R_TAKEN, R_ALREADY, R_REFUSED, R_DBFAIL, R_QUARANTINED } Outcome;

/* What merge_store_export() did: counted, or why not. */
typedef enum { S_OK, S_REPLAY, S_CLONE, S_BAD, S_DBFAIL } StoreRes;

/* ---- small database helpers (mergedb.c) ---- */

/* Run sql with text ?1 and integers ?2, ?3 bound (as many as it has);
 * the first column of the first row as an integer (dflt if none, or if
 * the statement fails) and, if text_out, as text ("" if none). */
int64_t merge_query_int(sqlite3 *db, const char *sql, const char *kiosk, int64_t epoch, int64_t seq,
                        int64_t dflt, char *text_out, size_t text_sz);

/* sql prepared with text ?1 and (when b) text ?2 bound (borrowed until
 * finalized; the caller finalizes), or NULL. */
sqlite3_stmt *merge_prepare_texts(sqlite3 *db, const char *sql, const char *a, const char *b);

/* Run sql with text ?1 (and optional text ?2). ERR_DB on failure. */
Err merge_exec_kiosk(sqlite3 *db, const char *sql, const char *a, const char *b) ERR_MUST_USE;

/* Run sql with integer ?1 (a kiosk's kid). ERR_DB on failure. */
Err merge_exec_kid(sqlite3 *db, const char *sql, int64_t kid) ERR_MUST_USE;

/* Remove a kiosk's counts and per-day sums (kid >= 0), its exports,
 * health and kiosk row (not its quarantined exports), in the caller's
 * transaction. ERR_DB. */
Err merge_drop_kiosk(sqlite3 *db, const char *kiosk_id, int64_t kid) ERR_MUST_USE;

/* Bind info as ?1 kiosk_id, ?2 epoch, ?3 seq, ?4 manifest_sha256, ?5 rows,
 * ?6 day_first, ?7 day_last, ?8 created, ?9 encrypted and, when the
 * statement has them, ?10 pubkey, ?11 label (borrowed from in). */
void merge_bind_info(sqlite3_stmt *st, const ExportInfo *in);

/* ---- counters (mergestore.c) ---- */

/* Parse and check the counters CSV (len bytes) against info into p (the
 * caller frees p->rows, also on failure). ERR_FORMAT with why. */
Err merge_parse_counters(const char *csv, size_t len, const ExportInfo *info, Parsed *p, char *why,
                         size_t whysz) ERR_MUST_USE;

/* Count one checked export in one transaction: register the kiosk (trust,
 * when not NULL, sets how its key is trusted), record the export, upsert
 * its counters with max() and recompute the per-day sums it touched.
 * Refuses (nothing changed) an older export already covered (S_REPLAY),
 * one whose counts cannot come from the kiosk already merged under this id
 * (S_CLONE) and a counter listed twice (S_BAD); S_DBFAIL when the database
 * failed. msg (msgsz) gets the reason for S_REPLAY, S_BAD, S_DBFAIL. */
StoreRes merge_store_export(ReportDb *rdb, const ExportInfo *in, const Parsed *p, const char *trust, char *msg,
                            size_t msgsz);

/* ---- quarantine (quarantine.c) ---- */

/* Move everything counted for kiosk_id into the quarantine (one entry per
 * epoch: its counters as CSV, under its newest export), then remove the
 * kiosk, its exports, counts and sums. In the caller's transaction. The
 * kiosk's id is then disputed: every export claiming it is quarantined
 * until the manager decides. ERR_DB, ERR_NOMEM. */
Err merge_dispute_move(ReportDb *rdb, const char *kiosk_id, const char *reason) ERR_MUST_USE;

/* Quarantine one export with its counters (csv, len bytes, borrowed),
 * first moving the kiosk's counted data to the quarantine too when
 * dispute is set. One transaction. R_QUARANTINED (msg: reason) or
 * R_DBFAIL (msg: the database error). */
Outcome merge_quarantine(ReportDb *rdb, const ExportInfo *in, const char *csv, size_t len, int dispute,
                         const char *reason, char *msg, size_t msgsz);

#endif
