/* stats.h: anonymous engagement statistics, durable in SQLite.
 *
 * The kiosk folds each StatEvent into per-day aggregate counters; no row
 * ever describes one visitor (see stats_types.h for the privacy contract).
 * Recording is cheap for the UI thread: events go to a bounded in-memory
 * queue and a writer thread commits them in batches (an acknowledged event is
 * committed within one second). Storage failures (disk full, read-only
 * directory, locked or corrupt database) never stop the kiosk: they are
 * logged, shown through stats_health(), and counting resumes when possible.
 *
 * Time is injected: every call that needs the date takes a wall-clock time
 * (seconds since the epoch) and the kiosk's UTC offset is applied by the
 * caller-supplied local-time function, so tests control day boundaries. */
#ifndef APP_STATS_STATS_H
#define APP_STATS_STATS_H

#include <stdint.h>
#include <stdio.h>

#include "core/err.h"
#include "stats/stats_types.h"

typedef struct Stats Stats;

/* The file inside the data directory, and the schema version it carries in
 * PRAGMA user_version (older files are migrated forward on open). */
#define STATS_DB_NAME "stats.sqlite"
#define STATS_SCHEMA_VERSION 4
#define STATS_CLOSE_TIMEOUT_MS 2000

/* The kiosk's anonymous identity: random on first start; a new epoch starts
 * whenever the database is found on a machine other than the one that
 * created it (a cloned SD card: machine-id, SD card CID and board serial
 * are compared, see identity.h), so two kiosks never count under one name. */
typedef struct {
    char kiosk_id[33]; /* 32 lowercase hex characters */
    int64_t epoch;     /* starts at 1 */
} StatsIdentity;

/* Health, for the admin screen and logs. */
typedef struct {
    Err last_err;      /* ERR_OK when the last commit succeeded */
    int64_t pending;   /* events queued and not yet committed */
    int64_t dropped;   /* events lost because the queue overflowed */
    char message[160]; /* human-readable state, "" when healthy */
    int64_t queued;    /* of pending, those still in the UI-side queue */
    int64_t rejected;  /* events refused as malformed (bad strings, ranges) */
    int64_t moved_aside; /* corrupt databases renamed aside since open */
    int db_ok;         /* 1 while the database is open and writable */
} StatsHealth;

/* Open (creating if needed) DIR/stats.sqlite and start the writer thread.
 * machine_id identifies the hardware (e.g. /etc/machine-id contents); NULL
 * means "read /etc/machine-id". Never returns NULL for a storage problem: the
 * kiosk must keep serving, so a Stats whose disk is unusable queues in memory
 * and retries. NULL only on out of memory (*why set). */
Stats *stats_open(const char *dir, const char *machine_id, Err *why);

/* Injected clocks and tunables (all optional; zero/NULL means the default).
 * utc_offset gives the kiosk's offset from UTC in seconds at wall time t; it
 * decides the local day (and hour) each event is counted under. now gives
 * the wall time used only to name a corrupt database moved aside. vfs names
 * a registered SQLite VFS (tests inject faults through one). */
typedef int32_t (*StatsUtcOffsetFn)(void *ctx, int64_t t);
typedef int64_t (*StatsClockFn)(void *ctx);
typedef struct {
    const char *machine_id;      /* NULL: read /etc/machine-id */
    const char *hw_root;         /* NULL: the real /etc, /sys, /proc (identity.h) */
    StatsUtcOffsetFn utc_offset; /* NULL: the C library's local time (TZ) */
    StatsClockFn now;            /* NULL: time(NULL) */
    void *clock_ctx;             /* passed to utc_offset and now */
    const char *vfs;             /* NULL: SQLite's default VFS */
    int queue_cap;               /* events held in memory; 0: 16384 */
    int batch_ms;                /* gather events this long before a commit; 0: 200 */
    int retry_ms;                /* retry a failing disk this often; 0: 2000 */
    int idle_checkpoint_ms;      /* truncate the WAL after this much quiet; 0: 60000 */
} StatsOptions;

/* stats_open() with options (opt NULL: all defaults). Same failure rules. */
Stats *stats_open_opts(const char *dir, const StatsOptions *opt, Err *why);

/* Open DIR/stats.sqlite read-only, without a writer (for `taama stats` and
 * tools). stats_record() returns 0 and writing calls fail ERR_READONLY on
 * it. NULL when the file is missing, unreadable, corrupt or of a newer
 * schema (*why says which). */
Stats *stats_open_readonly(const char *dir, Err *why);

/* Flush what is queued (waits at most STATS_CLOSE_TIMEOUT_MS), stop the
 * writer, close. Accepts NULL. */
void stats_close(Stats *s);

/* Queue one event that happened at wall-clock time t (seconds). Never blocks
 * on storage. Returns a sequence number (>0) that stats_committed() will
 * reach once the event is durable, or 0 if it was dropped.
 *
 * Only the fields the kind declares (stats_types.h) are kept; the rest are
 * ignored, so a language never reaches the hour-of-day or session-length
 * counters. The hour of STAT_SESSION_START is taken from t (n is ignored),
 * so day and hour always agree. STAT_SESSION_END's n becomes a bucket:
 * 0 (<1 min), 1 (1-3), 2 (3-10), 3 (>10 min). Refused (0, counted in
 * health.rejected): a lang that is not a language code ("", "ar", "pt-BR"),
 * a module that is not a short identifier ([A-Za-z0-9_.-]), either not
 * NUL-terminated, a negative count or n, an item n over 999. */
uint64_t stats_record(Stats *s, const StatEvent *ev, int64_t t);

/* Highest sequence number known durable (committed with synchronous=FULL). */
uint64_t stats_committed(const Stats *s);

/* Block until everything queued so far is committed or timeout_ms passes.
 * ERR_OK when all is committed; otherwise the storage error. */
Err stats_flush(Stats *s, int timeout_ms);

void stats_identity(const Stats *s, StatsIdentity *out);
void stats_health(Stats *s, StatsHealth *out);

/* Call cb for every stored counter row, ordered by day, metric, lang, module,
 * item. cb returns non-zero to stop. Reads committed data only. */
Err stats_foreach_row(Stats *s, int (*cb)(void *ctx, const StatRow *row), void *ctx);

/* Every identity this database has counted under (oldest first; after a
 * clone the previous kiosk's counters stay under its own name), and the
 * rows of one of them (stats_foreach_row() is this for the current one). */
Err stats_foreach_identity(Stats *s, int (*cb)(void *ctx, const StatsIdentity *id), void *ctx)
    __attribute__((warn_unused_result));
Err stats_foreach_row_of(Stats *s, const StatsIdentity *who,
                         int (*cb)(void *ctx, const StatRow *row), void *ctx)
    __attribute__((warn_unused_result));

/* Small key-value store for other modules' durable state (e.g. the export
 * sequence number). Values are short strings. */
Err stats_meta_get(Stats *s, const char *key, char *out, size_t outsz);
Err stats_meta_set(Stats *s, const char *key, const char *value);

/* ---- the help contacts in force (stats_contacts.c) ----
 * STAT_QR_SHOWN counts by the contact's index in the kiosk's contact list,
 * and that list differs per site and changes with a content pack. So the
 * store keeps each list that was in force (index, id, label) with the days
 * it covered, and the export carries them (export/contacts.h). They are
 * content, never visitor data. Bounded: the newest STATS_CONTACT_LISTS_MAX
 * lists of at most STATS_CONTACTS_MAX contacts each. */
#define STATS_CONTACTS_MAX 128
#define STATS_CONTACT_LISTS_MAX 32
#define STATS_CONTACT_ID_MAX 64     /* bytes; longer ids are refused */
#define STATS_CONTACT_LABEL_MAX 200 /* bytes; longer labels are cut at a character boundary */

typedef struct {
    const char *id;    /* the contact's id in contacts.yaml */
    const char *label; /* its name (English source text), may be "" */
} StatsContact;

/* Record that list (n contacts, index = position) is in force from the
 * local day of wall time t. The same list as the newest one stored only
 * extends its last day. A different list closes the newest one on that
 * day and starts a new one (a list replaced on the day it started is
 * replaced: one list per first day). The oldest lists beyond
 * STATS_CONTACT_LISTS_MAX go. Contacts past STATS_CONTACTS_MAX are not
 * kept (their counts are named by index in the report). ERR_INVALID for a
 * NULL or over-long id, ERR_READONLY on a read-only handle, the storage
 * error when the database is down (nothing recorded). Borrows list. */
Err stats_contacts_note(Stats *s, int64_t t, const StatsContact *list, int n) ERR_MUST_USE;

/* Call cb for every stored contact, ordered by list (first day, oldest
 * first) then index; days are "YYYY-MM-DD". A list with no contacts is
 * reported once with idx -1 and NULL id and label. cb returns non-zero to
 * stop. A database older than schema 4 (read-only handle) has no lists:
 * ERR_OK without calls. */
Err stats_contacts_foreach(Stats *s,
                           int (*cb)(void *ctx, const char *first_day, const char *last_day, int idx,
                                     const char *id, const char *label),
                           void *ctx) ERR_MUST_USE;

/* Stable metric name for a StatKind ("module_opened"), used in storage and
 * exports. Answers are stored split by outcome, under the kind's name plus
 * "_right" or "_wrong" (see stats_metric_stored); "" for an unknown kind. */
const char *stats_metric_name(StatKind k);

/* The metric an event of kind k with outcome ok is stored under: the same
 * as stats_metric_name() except STAT_QUIZ_ANSWER and STAT_GROUP_QUIZ. */
const char *stats_metric_stored(StatKind k, int ok);

/* Every metric name that can appear in a StatRow, NULL-terminated. */
const char *const *stats_metric_all(void);

/* Local date "YYYY-MM-DD" of wall time t at the given UTC offset. */
void stats_day_string(int64_t t, int32_t utc_offset, char out[11]);

/* The `taama stats` command: print counters as readable tables (per day,
 * per language, per module) to out. Returns a process exit code. */
int stats_cli_main(const char *data_dir, int argc, char **argv, FILE *out);

#endif
