/* report.h: the campaign manager's side: merge USB exports from many kiosks
 * into one campaign database and turn it into an honest report.
 *
 * Merging is idempotent and order-independent: exports are cumulative
 * snapshots keyed (kiosk, epoch, seq); each counter keeps the maximum value
 * seen, and an export older than one already merged is refused. Kiosk keys
 * are trusted on first sight and a changed key is refused loudly.
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

typedef struct ReportDb ReportDb;

/* Open (creating if needed) the campaign database at path. NULL on
 * failure (*why set, may be NULL). */
ReportDb *report_open(const char *path, Err *why);
void report_close(ReportDb *db); /* accepts NULL */

/* The SQLite handle, borrowed, for the report's own queries. */
sqlite3 *report_db_handle(ReportDb *db);

/* Drop the registered key of a kiosk, so its next export registers a new
 * one (after a legitimate key reset). ERR_NOTFOUND if unknown. */
Err report_forget_kiosk(ReportDb *db, const char *kiosk_id);

typedef struct {
    const unsigned char *campaign_sk; /* 32-byte X25519 secret key, or NULL */
    FILE *out;                        /* one line per export: taken, skipped, REFUSED */
} MergeOptions;

typedef struct {
    int taken;      /* newly merged */
    int already;    /* the same export merged before (harmless) */
    int refused;    /* failed a check: nothing from it counted */
    int incomplete; /* folders without a manifest (an export that did not finish) */
} MergeSummary;

/* Merge every export found at path: an export folder, or any folder above
 * one (a stick, taama-export/, a kiosk folder), searched a few levels
 * deep. Adds to sum. Returns ERR_OK unless the database failed; refusals
 * are reported on opt->out and counted in sum, not returned. */
Err report_merge_path(ReportDb *db, const char *path, const MergeOptions *opt, MergeSummary *sum);

/* Print, per kiosk and epoch, the sequence numbers merged and the gaps. */
Err report_print_gaps(ReportDb *db, FILE *out);

/* ---- CSV reading (libcsv), shared by merge and the DHIS2 map ---- */

/* Called once per record with its fields (NUL-terminated, borrowed until
 * return) and its 1-based record number. Return non-zero to stop (the
 * parse then returns ERR_FORMAT). */
typedef int (*ReportCsvFn)(void *ctx, char **fields, size_t n, size_t record);

/* Parse RFC 4180 CSV (a leading UTF-8 BOM is skipped) strictly: stray
 * quotes or an unterminated quoted field give ERR_FORMAT with a reason in
 * why (may be NULL). At most 32 fields of 4 KiB per record. */
Err report_csv_parse(const char *buf, size_t len, ReportCsvFn fn, void *ctx, char *why, size_t whysz);

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
Err report_suppress_grid(int64_t *values, unsigned char *sup, size_t rows, size_t cols, int64_t min);
/* The same with complement classes per cell (see report_suppress_pref). */
Err report_suppress_grid_pref(int64_t *values, unsigned char *sup, size_t rows, size_t cols, int64_t min,
                              const unsigned char *cls);

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
Err report_write_html(ReportDb *db, const ReportOptions *opt, FILE *out);

/* Tidy CSV: kiosk_id,kiosk_label,epoch,day,metric,lang,module,item,value,
 * suppressed; rows by metric, kiosk id, epoch, day, lang, module, item.
 * Values 1 .. min-1 are left empty and flagged, and so is any value that
 * would reveal one by subtraction within its (metric, kiosk, epoch) table
 * of days x (lang, module, item) with its totals (a hidden zero is written
 * as a flagged row). min <= 1: raw values. ERR_DB, ERR_NOMEM, ERR_IO. */
Err report_write_csv(ReportDb *db, const ReportOptions *opt, FILE *out);
/* The same, telling what was hidden in *hidden (may be NULL). The period
 * is opt->period (AUTO: the finest of day, week, month with at most a
 * quarter of the values hidden); the separator opt->sep. After the ten
 * columns above come lang_name, module_title and item_label (human
 * names, see the codebook); the day column is named day, week or month. */
Err report_write_csv_ex(ReportDb *db, const ReportOptions *opt, FILE *out, ReportHidden *hidden);

/* The codebook of the CSV: one row per column and per value of metric,
 * lang, module (content and database) and item (help contacts, session
 * lengths), with its meaning in the report language. db may be NULL. */
Err report_write_codebook(ReportDb *db, const ReportOptions *opt, FILE *out);

/* DHIS2 dataValueSets CSV from the mapping file at map_path (format in
 * docs/export-and-report.md). Problems with the map go to err. Values
 * 1 .. min-1 are left out, and so is any value that would reveal one by
 * subtraction within its (data element, option combos) table of org units
 * x periods with its totals (DHIS2 adds both up); the count goes to err.
 * min <= 1: raw values. */
Err report_write_dhis2(ReportDb *db, const char *map_path, const ReportOptions *opt, FILE *out, FILE *err);

/* The DHIS2 metadata package (JSON for DHIS2's metadata import) matching a
 * mapping file: a data element per DATAELEMENT UID (integer, sum), a
 * category, category combo and the map's option combos for elements
 * disaggregated by CATOPTCOMBO, and one data set with the map's period type
 * and org units. Map problems go to err (ERR_FORMAT). */
Err report_write_dhis2_metadata(const char *map_path, FILE *out, FILE *err);

/* ---- campaign database internals (for app/report/ and its tests) ---- */

/* Interned names (metrics, languages, modules): name[id], owned. */
typedef struct {
    char **name;
    size_t n, cap;
    int32_t slot[4096]; /* hash of name -> id + 1 (0: empty) */
} ReportNames;

/* Create the schema, or migrate an older one forward in one transaction
 * (schema 1: text keys, no user_version). ERR_ROLLBACK for a database
 * made by a newer taama-report, ERR_CORRUPT for unknown tables. */
Err report_db_schema(sqlite3 *db);

/* Recompute the per-day sums of one (metric, kiosk) for days
 * day_first..day_last (YYYYMMDD) from the counters; call inside the
 * transaction that changed them. */
Err report_db_sums_update(sqlite3 *db, int64_t metric, int64_t kid, int32_t day_first, int32_t day_last);

/* Recompute every per-day sum from the counters (migration, checks). */
Err report_db_sums_rebuild(sqlite3 *db);

/* "YYYY-MM-DD" (already validated) <-> YYYYMMDD. */
int32_t report_day_int(const char *day);
void report_day_str(int32_t day, char out[11]);

/* Load every name (replacing n's contents); clear frees them. find returns
 * the id or -1; of returns "" for an unknown id; intern adds a missing
 * name to the database (inside the caller's transaction) and to n. */
Err report_names_load(sqlite3 *db, ReportNames *n);
void report_names_clear(ReportNames *n);
int64_t report_names_find(const ReportNames *n, const char *s);
const char *report_names_of(const ReportNames *n, int64_t id);
Err report_names_intern(sqlite3 *db, ReportNames *n, const char *s, int64_t *id);

/* The database's names, borrowed (kept current by merge). */
const ReportNames *report_db_names(ReportDb *db);

/* Make a campaign key pair: pub_path (hex, 0644) for kiosks' campaign.pub,
 * sec_path (hex, 0600) for --key. Refuses to overwrite (ERR_INVALID). */
Err report_keygen(const char *pub_path, const char *sec_path);

/* Find the kiosk content next to the program (TAAMA_ROOT/content, the
 * build tree's content/, or PREFIX/share/taama/content) into out. 0 when
 * found, -1 when not. */
int report_find_content(char *out, size_t sz);

/* The whole `taama-report` command line. Returns a process exit code:
 * 0 fine, 1 something was refused or failed, 2 usage. */
int report_cli_main(int argc, char **argv, FILE *out, FILE *err);

#endif
