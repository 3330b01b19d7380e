/* report.h: the campaign manager's side: merge USB exports from many kiosks
 * into one campaign database and turn it into an honest report.
 *
 * Merging is idempotent and order-independent: exports are cumulative
 * snapshots keyed (kiosk, epoch, seq); each counter keeps the maximum value
 * seen, and an export older than one already merged is refused. Every
 * field is checked against a strict format first (validate.c). Kiosks are
 * enrolled by the manager (`enroll`, `accept`) or registered on first use;
 * a kiosk id claimed by two keys, or by two kiosks sharing one key (a
 * cloned card), is quarantined: kept, listed, not counted, whatever the
 * merge order, until the manager decides.
 *
 * Outputs: one self-contained HTML file (inline SVG, no scripts), a tidy
 * CSV, and DHIS2 dataValueSets CSV. Small counts (1 .. min-1, min = 10 by
 * default) are suppressed, with complementary suppression so a hidden cell
 * cannot be recovered by subtraction from totals. No SDL, no network. */
#ifndef APP_REPORT_REPORT_H
#define APP_REPORT_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <sqlite3.h>

#include "core/err.h"
#include "manifest/manifest.h"
#include "stats/stats_types.h"

typedef struct ReportDb ReportDb;

/* Open (creating if needed) the campaign database at path. NULL on
 * failure (*why set, may be NULL). */
ReportDb *report_open(const char *path, Err *why);
void report_close(ReportDb *db); /* accepts NULL */

/* The SQLite handle, borrowed, for the report's own queries. */
sqlite3 *report_db_handle(ReportDb *db);

/* Remove everything known about a kiosk: its counts, per-day sums,
 * exports, key and quarantined claims, in one transaction, so its next
 * export starts afresh (after a legitimate key reset, or to drop a forged
 * claim). *removed (may be NULL) gets the number of counters removed.
 * ERR_NOTFOUND if the kiosk is unknown. */
Err report_forget_kiosk(ReportDb *db, const char *kiosk_id, int64_t *removed) ERR_MUST_USE;

typedef struct {
    const unsigned char *campaign_sk; /* 32-byte X25519 secret key, or NULL */
    FILE *out;                        /* one line per export: taken, skipped, REFUSED, QUARANTINED */
    int enrolled_only;                /* quarantine exports of kiosks not enrolled (no first use) */
} MergeOptions;

typedef struct {
    int taken;       /* newly merged */
    int already;     /* the same export merged before (harmless) */
    int refused;     /* failed a check: nothing from it counted */
    int incomplete;  /* folders without a manifest (an export that did not finish) */
    int quarantined; /* valid but its kiosk id is disputed or not enrolled: kept, not counted */
} MergeSummary;

/* Enroll a kiosk: trust key (64 hex digits, or a prefix of at least 8 of
 * a key seen in its quarantined exports) for kiosk_id from now on, and
 * count its quarantined exports signed by that key. Counts registered on
 * first use under another key go to quarantine. Exports of other keys stay
 * quarantined. Progress lines go to out (may be NULL). ERR_NOTFOUND (no
 * such quarantined key), ERR_INVALID (malformed id or key, or an ambiguous
 * prefix), ERR_DB. */
Err report_enroll(ReportDb *db, const char *kiosk_id, const char *key, const char *label, FILE *out) ERR_MUST_USE;

/* Drop the quarantined exports of kiosk_id signed by key (64 hex, or a
 * prefix of 8+ of a quarantined key): a forged claim the manager has seen
 * and dismissed. *removed (may be NULL) gets their number. ERR_KEY for the
 * key the kiosk is counted under (use forget), ERR_NOTFOUND, ERR_INVALID
 * (malformed, or an ambiguous prefix), ERR_DB. */
Err report_reject(ReportDb *db, const char *kiosk_id, const char *key, int64_t *removed) ERR_MUST_USE;

/* Enroll every kiosk of a list file: one "kiosk_id,pubkey[,label]" line
 * each (CSV, lines starting with # are comments), as the manager collected
 * them from the kiosks' admin screens. Stops at the first bad line. */
Err report_enroll_list(ReportDb *db, const char *path, FILE *out, FILE *err) ERR_MUST_USE;

/* List the quarantined exports, grouped by kiosk and key, with the reason
 * and the command that would resolve each. Export text is sanitised for
 * the terminal. Returns the number of quarantined exports in *n (may be
 * NULL). */
Err report_print_quarantine(ReportDb *db, FILE *out, int64_t *n) ERR_MUST_USE;

/* Why an export is in quarantine, from the reason merge stored with it
 * (report_quarantine_kind() reads it; merge.c writes the reasons). */
typedef enum {
    REPORT_Q_OTHER = 0,
    REPORT_Q_NOT_ENROLLED, /* waiting to be enrolled, or not enrolled under --enrolled-only */
    REPORT_Q_KEY_CHANGED,  /* signed by a key other than the one the kiosk is known by */
    REPORT_Q_DISPUTED,     /* another key already claims the kiosk id (in quarantine) */
    REPORT_Q_CLONE,        /* two kiosks share one id and key (conflicting or impossible counts) */
    REPORT_Q_NKINDS
} ReportQuarantineKind;
ReportQuarantineKind report_quarantine_kind(const char *reason);

/* Merge every export found at path: an export folder, or any folder above
 * one (a stick, taama-export/, a kiosk folder), searched a few levels
 * deep without following symlinks below path. Adds to sum. Returns ERR_OK
 * unless the database failed; refusals and quarantines are reported on
 * opt->out (sanitised for a terminal) and counted in sum, not returned. */
Err report_merge_path(ReportDb *db, const char *path, const MergeOptions *opt, MergeSummary *sum) ERR_MUST_USE;

/* Print, per kiosk and epoch, the sequence numbers merged and the gaps,
 * then how many exports wait in the quarantine (if any). */
Err report_print_gaps(ReportDb *db, FILE *out) ERR_MUST_USE;

/* ---- strict formats of an export (validate.c) ---- */

#define REPORT_VALUE_MAX 10000000     /* per counter and day: far above any real kiosk */
#define REPORT_ITEM_MAX 999999
#define REPORT_ROWS_MAX 50000000
#define REPORT_SEQ_MAX 1000000000
#define REPORT_TIME_MAX 4102444800LL  /* 2100-01-01 */
#define REPORT_YEAR_MIN 1970
#define REPORT_YEAR_MAX 2199
#define REPORT_NAME_MAX 31            /* metric (StatRow.metric) */
#define REPORT_LANG_MAX 11            /* StatRow.lang */
#define REPORT_MODULE_MAX 39          /* StatRow.module */
#define REPORT_LABEL_MAX 63
#define REPORT_COUNT_MAX 1000000000LL  /* health counters (starts, crashes...) */
#define REPORT_CLOCK_MAX 253402300799LL /* 9999-12-31: a wrong clock is what health reports */

/* One manifest field: its key, whether it must be present, its check and
 * what a valid value looks like (for the refusal message). */
typedef struct {
    const char *key;
    int required;
    int (*check)(const char *value);
    const char *expect;
} ReportFieldRule;

/* The table of every field an export's manifest may hold. */
const ReportFieldRule *report_manifest_rules(size_t *n);

/* Check every field of an export's manifest (unknown fields refused) and
 * the rules between fields. ERR_FORMAT with why naming file and field. */
Err report_manifest_check(const Manifest *m, char *why, size_t whysz) ERR_MUST_USE;

/* A kiosk's health.json (export/health.h), checked. */
typedef struct {
    char build_version[32], last_touch[16], touch_test[32], sound_test[32];
    char clock_status[16], clock_held_days[96], clock_last_set[16];
    int64_t content_version, uptime_s, starts, crashes, watchdog_resets, warnings, disk_free_mb;
    int64_t clock_kiosk_time, clock_system_time, clock_offset_s, clock_problems, clock_held_events;
    int64_t clock_corrections, clock_max_back_s;
} ReportHealth;

/* One health.json field: a whole number in lo..hi, or (is_text) a string
 * of fewer than cap bytes that passes check; stored at off in
 * ReportHealth. */
typedef struct {
    const char *key;
    int is_text;
    int64_t lo, hi;
    int (*check)(const char *value);
    size_t off, cap;
    const char *expect;
} ReportHealthRule;

/* The table of every field health.json holds (besides "kind"). */
const ReportHealthRule *report_health_rules(size_t *n);

/* Check health.json (len bytes, at most EXPORT_HEALTH_MAX_BYTES) strictly:
 * one JSON object, "kind" EXPORT_HEALTH_KIND, every field of the table
 * present with its type and format, no unknown field, last_touch no finer
 * than an hour; fills out. ERR_FORMAT with why naming the field. */
Err report_health_check(const char *buf, size_t len, ReportHealth *out, char *why, size_t whysz) ERR_MUST_USE;

/* Check one counters.csv record (6 fields) and fill row. The day must lie
 * in day_first..day_last. ERR_FORMAT with why naming record and column. */
Err report_row_check(char **f, size_t n, size_t record, const char *day_first, const char *day_last,
                     StatRow *row, char *why, size_t whysz) ERR_MUST_USE;

/* Whole decimal number in lo..hi, one spelling (no sign, no leading 0). */
int report_uint_ok(const char *s, int64_t lo, int64_t hi, int64_t *out);
int report_date_ok(const char *d);     /* a real YYYY-MM-DD date */
int report_kiosk_id_ok(const char *s); /* 32 lowercase hex */
int report_pubkey_ok(const char *s);   /* 64 lowercase hex */
int report_metric_ok(const char *s);
int report_lang_ok(const char *s);     /* may be empty */
int report_module_ok(const char *s);   /* may be empty */
/* Valid UTF-8 of at most max bytes (may be empty) without control
 * characters or bidi embeddings, overrides and isolates. */
int report_text_ok(const char *s, size_t max);
int report_label_ok(const char *s);

/* Copy in to out (size outsz, always terminated) with control characters,
 * bidi controls and invalid UTF-8 replaced by "?": for printing text from
 * an export or a stick on a terminal. */
void report_term_safe(const char *in, char *out, size_t outsz);

/* ---- reading files on a stick (stickio.c) ---- */

/* Read the file name inside the open folder dirfd, never following a
 * symlink and never blocking (a FIFO): only a regular file of at most max
 * bytes is read, its size checked before any byte is read; expect >= 0
 * also requires that exact size. The buffer is NUL-terminated, caller
 * frees. ERR_NOTFOUND (missing), ERR_PATH (a symlink, FIFO, device or
 * folder), ERR_TOOBIG, ERR_HASH (not the expected size), ERR_IO,
 * ERR_NOMEM. */
Err report_stick_read(int dirfd, const char *name, size_t max, int64_t expect, char **out, size_t *len) ERR_MUST_USE;

/* Open the folder name inside dirfd without following a symlink; -1 if it
 * is not a folder. */
int report_stick_opendir(int dirfd, const char *name);

/* ---- CSV reading (libcsv), shared by merge and the DHIS2 map ---- */

/* Called once per record with its fields (NUL-terminated, borrowed until
 * return) and its 1-based record number. Return non-zero to stop (the
 * parse then returns ERR_FORMAT). */
typedef int (*ReportCsvFn)(void *ctx, char **fields, size_t n, size_t record);

/* Parse RFC 4180 CSV (a leading UTF-8 BOM is skipped) strictly: stray
 * quotes or an unterminated quoted field give ERR_FORMAT with a reason in
 * why (may be NULL). At most 32 fields of 4 KiB per record. */
Err report_csv_parse(const char *buf, size_t len, ReportCsvFn fn, void *ctx, char *why, size_t whysz) ERR_MUST_USE;

/* ---- suppression ---- */

/* A group of cells that add up: one of them is the total of the others
 * (or the members are otherwise linked so that knowing all but one reveals
 * it). Indices into the cell array. */
typedef struct {
    const size_t *idx;
    size_t n;
} SupGroup;

/* Mark in sup (0/1 per cell) every cell with 1 <= value < min (primary),
 * then, until nothing changes, in every group with exactly one suppressed
 * cell also suppress its smallest other cell (non-zero preferred)
 * (complementary). min <= 1 suppresses nothing. */
void report_suppress(const int64_t *values, unsigned char *sup, size_t ncells, const SupGroup *groups,
                     size_t ngroups, int64_t min);

/* report_suppress, choosing each complement by class first: the visible
 * member with the lowest cls[] value (NULL: all equal), then non-zero
 * before zero, then the smallest. Lets a table prefer to hide margins and
 * cells of units that already lose cells, so that one small unit does not
 * blank out the cells of a busy one. */
void report_suppress_pref(const int64_t *values, unsigned char *sup, size_t ncells, const SupGroup *groups,
                          size_t ngroups, int64_t min, const unsigned char *cls);

/* Complementary suppression only, on top of the cells already marked in
 * sup (by another table that publishes the same figures): until nothing
 * changes, a group with exactly one hidden cell hides one more, chosen as
 * in report_suppress_pref. */
void report_suppress_more(const int64_t *values, unsigned char *sup, const SupGroup *groups, size_t ngroups,
                          const unsigned char *cls);

/* report_suppress for an R x C table with margins: values has (R+1)*(C+1)
 * cells row-major, row R holding column totals and column C row totals
 * (filled in by this function from the R x C body). Returns ERR_NOMEM. */
Err report_suppress_grid(int64_t *values, unsigned char *sup, size_t rows, size_t cols, int64_t min) ERR_MUST_USE;
/* The same with complement classes per cell (see report_suppress_pref). */
Err report_suppress_grid_pref(int64_t *values, unsigned char *sup, size_t rows, size_t cols, int64_t min,
                              const unsigned char *cls) ERR_MUST_USE;

/* ---- outputs ---- */

/* How counts are grouped in time before suppression: coarser periods keep
 * more counts above the threshold. AUTO (HTML) picks the finest period at
 * which at most a tenth of the non-zero counts would be hidden. */
typedef enum {
    REPORT_PERIOD_DAY = 0,
    REPORT_PERIOD_WEEK,  /* ISO 8601 weeks, Monday to Sunday */
    REPORT_PERIOD_MONTH,
    REPORT_PERIOD_AUTO,
} ReportPeriod;

struct Content;

typedef struct {
    int64_t min_count;   /* suppress 1 .. min_count-1; default 10; 0 or 1: off */
    const char *title;   /* NULL: "Taama campaign report" (translated) */
    int64_t generated;   /* Unix time printed as the generation date; 0: not shown */
    ReportPeriod period; /* csv and html; dhis2 uses its map's period */
    char sep;            /* CSV separator: ',' (0) or ';' */
    const struct Content *content; /* module titles and help contact names; NULL: ids */
    FILE *progress;      /* "N/M" progress lines when a terminal; NULL: none */
    const char *groups;  /* html: site groups file (KIOSK_ID,GROUP lines), or NULL */
} ReportOptions;

/* Summary of what suppression hid, for the reader (filled by the writers
 * when not NULL in their callers' hands, see report_write_csv_ex). */
typedef struct {
    int64_t cells;       /* non-zero values considered */
    int64_t primary;     /* hidden because 1 .. min-1 */
    int64_t complement;  /* hidden so that none of those can be worked out */
    ReportPeriod period; /* the period used */
} ReportHidden;

/* The HTML report (one file, inline SVG, passes `tidy -errors`). */
Err report_write_html(ReportDb *db, const ReportOptions *opt, FILE *out) ERR_MUST_USE;

/* Tidy CSV: kiosk_id,kiosk_label,epoch,day,metric,lang,module,item,value,
 * suppressed; rows by metric, kiosk id, epoch, day, lang, module, item.
 * Values 1 .. min-1 are left empty and flagged, and so is any value that
 * would reveal one by subtraction within its (metric, kiosk, epoch) table
 * of days x (lang, module, item) with its totals (a hidden zero is written
 * as a flagged row). min <= 1: raw values. ERR_DB, ERR_NOMEM, ERR_IO. */
Err report_write_csv(ReportDb *db, const ReportOptions *opt, FILE *out) ERR_MUST_USE;
/* The same, telling what was hidden in *hidden (may be NULL). The period
 * is opt->period (AUTO: the finest of day, week, month with at most a
 * quarter of the values hidden); the separator opt->sep. After the ten
 * columns above come lang_name, module_title and item_label (human
 * names, see the codebook); the day column is named day, week or month. */
Err report_write_csv_ex(ReportDb *db, const ReportOptions *opt, FILE *out, ReportHidden *hidden) ERR_MUST_USE;

/* The codebook of the CSV: one row per column and per value of metric,
 * lang, module (content and database) and item (help contacts, session
 * lengths), with its meaning in the report language. db may be NULL. */
Err report_write_codebook(ReportDb *db, const ReportOptions *opt, FILE *out) ERR_MUST_USE;

/* DHIS2 dataValueSets CSV from the mapping file at map_path (format in
 * docs/export-and-report.md). Problems with the map go to err. Values
 * 1 .. min-1 are left out, and so is any value that would reveal one by
 * subtraction within its (data element, option combos) table of org units
 * x periods with its totals (DHIS2 adds both up); the count goes to err.
 * min <= 1: raw values. */
Err report_write_dhis2(ReportDb *db, const char *map_path, const ReportOptions *opt, FILE *out, FILE *err) ERR_MUST_USE;

/* The DHIS2 metadata package (JSON for DHIS2's metadata import) matching a
 * mapping file: a data element per DATAELEMENT UID (integer, sum), a
 * category, category combo and the map's option combos for elements
 * disaggregated by CATOPTCOMBO, and one data set with the map's period type
 * and org units. Map problems go to err (ERR_FORMAT). */
Err report_write_dhis2_metadata(const char *map_path, FILE *out, FILE *err) ERR_MUST_USE;

/* ---- campaign database internals (for app/report/ and its tests) ---- */

/* Interned names (metrics, languages, modules): name[id], owned. */
typedef struct {
    char **name;
    size_t n, cap;
    int32_t *slot;      /* open addressing: hash of name -> id + 1 (0: empty) */
    size_t nslot;       /* a power of two, at least twice the names: grows */
} ReportNames;

/* The key of a counter within one metric and kiosk, in the order of the
 * counts table's key and of every listing: day, then lang, module (name
 * ids) and item. REPORT_KEY() makes one from any row with those fields. */
typedef struct {
    int64_t day, lang, module, item;
} ReportKey;
#define REPORT_KEY(r) ((ReportKey){(r)->day, (r)->lang, (r)->module, (r)->item})

/* -1, 0 or 1 as a sorts before, with or after b. Inline: it runs inside
 * qsort over millions of rows (merge, csv). */
static inline int report_key_cmp(ReportKey a, ReportKey b)
{
    if (a.day != b.day)
        return a.day < b.day ? -1 : 1;
    if (a.lang != b.lang)
        return a.lang < b.lang ? -1 : 1;
    if (a.module != b.module)
        return a.module < b.module ? -1 : 1;
    return (a.item > b.item) - (a.item < b.item);
}

/* Create the schema, or migrate an older one forward in one transaction
 * (schema 1: text keys, no user_version). ERR_ROLLBACK for a database
 * made by a newer taama-report, ERR_CORRUPT for unknown tables. */
Err report_db_schema(sqlite3 *db) ERR_MUST_USE;

/* Recompute the per-day sums of one (metric, kiosk) for days
 * day_first..day_last (YYYYMMDD) from the counters; call inside the
 * transaction that changed them. */
Err report_db_sums_update(sqlite3 *db, int64_t metric, int64_t kid, int32_t day_first, int32_t day_last) ERR_MUST_USE;

/* Recompute every per-day sum from the counters (migration, checks). */
Err report_db_sums_rebuild(sqlite3 *db) ERR_MUST_USE;

/* "YYYY-MM-DD" (already validated) <-> YYYYMMDD. */
int32_t report_day_int(const char *day);
void report_day_str(int32_t day, char out[11]);

/* Load every name (replacing n's contents); clear frees them. find returns
 * the id or -1; of returns "" for an unknown id; intern adds a missing
 * name to the database (inside the caller's transaction) and to n. */
Err report_names_load(sqlite3 *db, ReportNames *n) ERR_MUST_USE;
void report_names_clear(ReportNames *n);
int64_t report_names_find(const ReportNames *n, const char *s);
const char *report_names_of(const ReportNames *n, int64_t id);
Err report_names_intern(sqlite3 *db, ReportNames *n, const char *s, int64_t *id) ERR_MUST_USE;

/* The database's names, borrowed (kept current by merge). */
const ReportNames *report_db_names(ReportDb *db);

/* ---- help contact lists (contacts.c) ---- */

struct Content;

/* One contact of a kiosk's contacts.json (export/contacts.h), checked:
 * days are YYYYMMDD numbers. */
typedef struct {
    int32_t first_day, last_day, idx;
    char id[65];
    char label[201];
} ReportContact;

typedef struct {
    ReportContact *c; /* malloc'd, n entries, in list then index order */
    size_t n;
} ReportContacts;

/* Check contacts.json (len bytes) strictly: one JSON object, "format"
 * EXPORT_CONTACTS_FORMAT, "lists" in increasing first_day order, each with
 * real first_day <= last_day and its contacts in index order 0, 1, 2...
 * (an index listed twice is named), ids of [A-Za-z0-9_.-] (1-64), labels
 * of report_text_ok() text up to 200 bytes, no unknown or missing field,
 * within the kiosk's bounds. On ERR_OK fills out (free with
 * report_contacts_free); otherwise out is empty and why names the problem:
 * ERR_FORMAT, ERR_NOMEM. */
Err report_contacts_check(const char *buf, size_t len, ReportContacts *out, char *why, size_t whysz);
void report_contacts_free(ReportContacts *c); /* accepts NULL */

/* Read and check the export's contacts.json from the open folder dirfd
 * when manifest m lists it (out empty and ERR_OK when it does not: a kiosk
 * from before contact lists): a regular file of the listed size and
 * SHA-256, then report_contacts_check(). Otherwise an Err and why. */
Err report_contacts_read(int dirfd, const Manifest *m, ReportContacts *out, char *why, size_t whysz);

/* Store a kiosk's checked lists inside the merge's transaction: each list
 * replaces the one stored with the same first day (a newer export knows
 * more of its last day); lists the kiosk no longer carries stay. ERR_DB. */
Err report_contacts_store(sqlite3 *db, const char *kiosk, const ReportContacts *c);

/* Delete a kiosk's lists (forget, dispute) in the caller's transaction;
 * 0 or -1, as merge.c's other deletions. */
int report_contacts_forget(sqlite3 *db, const char *kiosk);

/* Where a contact's name came from (see report_contact_totals). */
typedef enum {
    REPORT_CONTACT_KIOSK,   /* the kiosk's own list for that day */
    REPORT_CONTACT_CONTENT, /* no list from the kiosk: this computer's --content */
    REPORT_CONTACT_INDEX,   /* neither: "contact #N" */
} ReportContactSource;

/* Names counts by contact index (one prepared query, reused). NULL on out
 * of memory or a database error. content (may be NULL) is borrowed. */
typedef struct ReportContactNamer ReportContactNamer;
ReportContactNamer *report_contact_namer_new(ReportDb *db, const struct Content *content);
void report_contact_namer_free(ReportContactNamer *n); /* accepts NULL */

/* The name of kiosk's contact idx in the period starting on start
 * (YYYYMMDD) into out: "id: name" from each of the kiosk's lists whose
 * days meet the period, newest first, different names joined by " / "
 * (an index whose service changed within the period says so); without
 * any, content's contact at idx or "contact #N", with a note saying the
 * kiosk sent no list. Returns where the name came from. */
ReportContactSource report_contact_name(ReportContactNamer *n, const char *kiosk, int32_t start, ReportPeriod p,
                                        int64_t idx, char *out, size_t sz);

/* Call cb once per distinct name of metric's counts by contact index
 * (qr_shown), summed over kiosks and days: each (kiosk, day, index) is
 * named by the kiosk's list in force that day (the newest list covering
 * the day), else by content's contact at that index, else by its number.
 * label is "id: name" (the same id with two names at two sites gives two
 * entries, both honest); source says which. A cb result other than
 * ERR_OK stops and is returned. ERR_DB, ERR_NOMEM. */
Err report_contact_totals(ReportDb *db, const char *metric, const struct Content *content,
                          Err (*cb)(void *ctx, const char *label, ReportContactSource source, int64_t value),
                          void *ctx);

/* ---- fleet health (fleet.c) ---- */

/* A kiosk with no export within this many days of the campaign's newest. */
#define REPORT_STALE_DAYS 14

/* Store one export's checked health h and its health.json bytes (json,
 * len; kept so a dispute can move them to the quarantine), inside the
 * merge's transaction. ERR_DB. */
Err report_health_store(sqlite3 *db, const char *kiosk, int64_t epoch, int64_t seq, int64_t created,
                        const ReportHealth *h, const char *json, size_t len) ERR_MUST_USE;

/* The fleet page, a section of report_write_html() in the report language:
 * one row per kiosk, stale then unhealthy first (the kiosk ids waiting in
 * the quarantine are listed by the report's quarantine section). Text is
 * escaped with report_html_esc() (rtext.h). */
Err report_write_fleet(ReportDb *db, FILE *out) ERR_MUST_USE;

/* Make a campaign key pair: pub_path (hex, 0644) for kiosks' campaign.pub,
 * sec_path (hex, 0600) for --key. Refuses to overwrite (ERR_INVALID). */
Err report_keygen(const char *pub_path, const char *sec_path) ERR_MUST_USE;

/* Find the kiosk content next to the program (TAAMA_ROOT/content, the
 * build tree's content/, or PREFIX/share/taama/content) into out. 0 when
 * found, -1 when not. */
int report_find_content(char *out, size_t sz);

/* The whole `taama-report` command line. Returns a process exit code:
 * 0 fine, 1 something was refused or failed, 2 usage. */
int report_cli_main(int argc, char **argv, FILE *out, FILE *err);

#endif
