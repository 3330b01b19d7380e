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

/* The kiosk's anonymous identity: random on first start; a new epoch starts
 * whenever the database is found on a machine other than the one that
 * created it (a cloned SD card), so two kiosks never count under one name. */
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
} StatsHealth;

/* Open (creating if needed) DIR/stats.sqlite and start the writer thread.
 * machine_id identifies the hardware (e.g. /etc/machine-id contents); NULL
 * means "read /etc/machine-id". Never returns NULL for a storage problem: the
 * kiosk must keep serving, so a Stats whose disk is unusable queues in memory
 * and retries. NULL only on out of memory (*why set). */
Stats *stats_open(const char *dir, const char *machine_id, Err *why);

/* Flush what is queued (waits at most timeout_ms), stop the writer, close.
 * Accepts NULL. */
void stats_close(Stats *s);

/* Queue one event that happened at wall-clock time t (seconds). Never blocks
 * on storage. Returns a sequence number (>0) that stats_committed() will
 * reach once the event is durable, or 0 if it was dropped. */
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

/* Small key-value store for other modules' durable state (e.g. the export
 * sequence number). Values are short strings. */
Err stats_meta_get(Stats *s, const char *key, char *out, size_t outsz);
Err stats_meta_set(Stats *s, const char *key, const char *value);

/* Stable metric name for a StatKind ("module_opened"), used in storage and
 * exports. */
const char *stats_metric_name(StatKind k);

/* The `taama stats` command: print counters as readable tables (per day,
 * per language, per module) to out. Returns a process exit code. */
int stats_cli_main(const char *data_dir, int argc, char **argv, FILE *out);

#endif
