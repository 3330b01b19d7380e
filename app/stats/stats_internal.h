/* stats_internal.h: what the files of app/stats share; not for use outside
 * app/stats (callers use stats.h).
 *
 * The store is one struct Stats split over several files: stats.c (the
 * public entry points: open, close, flush, health; metric names and dates),
 * stats_writer.c (the UI-side queue and the writer thread that folds events
 * into counter deltas and commits them), stats_schema.c (opening, checking,
 * migrating and identifying the database; the packed items format) and
 * stats_query.c (reading counters, identities and meta). The locking rules
 * are written beside the fields of struct Stats below. */
#ifndef APP_STATS_STATS_INTERNAL_H
#define APP_STATS_STATS_INTERNAL_H

#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdint.h>
#include <time.h>

#include "core/err.h"
#include "stats/identity.h"
#include "stats/stats.h"

/* Internal calls whose result must not be ignored. (In stats.h only
 * stats_foreach_identity() and stats_foreach_row_of() carry the attribute:
 * callers outside app/stats ignore the others' results.) */
#define STATS_MUST_USE ERR_MUST_USE

/* Defaults (StatsOptions fields left 0) and the bounds of the store. */
enum {
    DEF_QUEUE = 16384,
    DEF_BATCH_MS = 200,
    DEF_RETRY_MS = 2000,
    DEF_IDLE_CKPT_MS = 60000,
    MAP_CAP = 8192,      /* distinct counter deltas held in memory (power of 2) */
    MAP_HIGH = MAP_CAP * 3 / 4,
    NAME_CACHE = 512,
    DRAIN_CHUNK = 256,
    MAX_ITEM = 999,
    MAX_COUNT = 100000,
    BUSY_TIMEOUT_MS = 250,
    ITEMS_MAX = MAX_ITEM + 2, /* items -1..MAX_ITEM in one row */
    ITEMS_BLOB_MAX = ITEMS_MAX * 12, /* two varints per item */
};

/* Stored metric names. The order is internal (never stored: the database
 * keeps the names themselves). */
typedef enum {
    M_SESSION_START, M_LANGUAGE_CHOSEN, M_LANGUAGE_SWITCH, M_MODULE_OPENED,
    M_MODULE_COMPLETED, M_SLIDE_DEEPEST, M_QUIZ_RIGHT, M_QUIZ_WRONG,
    M_END_CARD_SHOWN, M_HELP_SHOWN, M_QR_SHOWN, M_QUICK_EXIT, M_TIMEOUT,
    M_SESSION_LENGTH, M_GROUP_SESSION, M_GROUP_ATTENDEES, M_GROUP_QUIZ_RIGHT,
    M_GROUP_QUIZ_WRONG, M__COUNT
} Metric;

/* The stored name of each Metric, NULL-terminated (stats_metric_all()). */
extern const char *const stats_metric_names[M__COUNT + 1];

/* One queued event and its wall time, in the UI-side ring. */
typedef struct {
    StatEvent ev;
    int64_t t;
} Slot;

/* A counter delta waiting for the disk. Strings are zero-padded so keys
 * compare with memcmp. */
typedef struct {
    int64_t delta;
    int32_t day;
    int32_t item;
    uint8_t metric;
    uint8_t used;
    char lang[sizeof(((StatEvent *)0)->lang)];
    char module[sizeof(((StatEvent *)0)->module)];
} Delta;

/* An interned name and its id in the names table (cached by the writer). */
typedef struct {
    char name[sizeof(((StatEvent *)0)->module)];
    int64_t id;
} NameId;

/* One counter of a row's packed items list. */
typedef struct {
    int32_t item;
    int64_t value;
} ItemCount;

struct Stats {
    char *path; /* DIR/stats.sqlite */
    StatsHw hw; /* hardware fingerprint (keyed hashes only), identity.h */
    StatsOptions opt;
    int readonly_handle;

    /* UI side: guarded by mu */
    pthread_mutex_t mu;
    pthread_cond_t cv;      /* wakes the writer */
    pthread_cond_t done_cv; /* wakes flushers */
    Slot *ring;
    int ring_cap, ring_head, ring_count;
    uint64_t next_seq;
    uint64_t committed; /* also read without mu (atomic) */
    int64_t dropped;
    atomic_llong rejected;
    int stop;
    uint64_t flush_req;
    uint64_t attempts;    /* finished commit attempts */
    int64_t map_events;   /* events folded, not yet committed */
    Err last_err;
    char message[160];
    StatsIdentity ident;
    int db_ok;
    int64_t moved_aside;
    pthread_t writer;
    int writer_started;

    /* writer side (and API readers): guarded by db_lock */
    pthread_mutex_t db_lock;
    sqlite3 *db;
    int64_t prev_epoch; /* last epoch known, for a database started anew */
    char prev_kiosk[33];
    NameId names[NAME_CACHE];
    int n_names;
    int schema;            /* user_version of the open database */
    ItemCount cur[ITEMS_MAX], merged[ITEMS_MAX]; /* a row's items, decoded */
    unsigned char blob[ITEMS_BLOB_MAX];

    /* writer thread only */
    Delta *map;
    const Delta **order; /* used map slots sorted by key (commit_map) */
    int map_used;
    uint64_t map_seq; /* highest seq folded into map */
    int64_t retry_at;
    int64_t ckpt_at;  /* monotonic ms of the next idle checkpoint, 0 none */
    int visit_ended;  /* the map holds a session end: checkpoint right after commit */
    Err logged_err;   /* last error logged, to log transitions only */
    int64_t logged_dropped;
};

/* ---- stats.c ---- */

/* The Metric an event of kind k (valid) with outcome ok is stored under. */
Metric stats_metric_of(StatKind k, int ok);

/* a / b rounded towards minus infinity (b > 0): the day of a local time. */
int64_t stats_floor_div(int64_t a, int64_t b);

/* "YYYY-MM-DD" of a day number (days since 1970-01-01); "0000-00-00" when
 * the year does not fit four digits. */
void stats_day_format(int64_t day, char out[11]);

/* Monotonic milliseconds, and the absolute timespec of such a time for
 * pthread_cond_timedwait (the condition variables use CLOCK_MONOTONIC). */
int64_t stats_mono_ms(void);
void stats_deadline_ts(struct timespec *ts, int64_t at_ms);

/* ---- stats_schema.c ---- */

/* The Err of a SQLite result code (extended codes accepted); db (may be
 * NULL) gives the errno behind an I/O error. */
Err stats_err_from_sqlite(sqlite3 *db, int rc) STATS_MUST_USE;

/* sqlite3_exec() without callback; returns the SQLite result code. */
int stats_exec(sqlite3 *db, const char *sql);

/* PRAGMA user_version into *out; returns the SQLite result code. */
int stats_user_version(sqlite3 *db, int *out) STATS_MUST_USE;

/* Decode a packed items list into out (NULL: only check it; out holds
 * ITEMS_MAX). Returns the number of items, or -1 when the bytes are not a
 * well-formed list. */
int stats_items_decode(const void *blob, int n, ItemCount *out) STATS_MUST_USE;

/* Encode n items (ascending, values >= 1) into out (ITEMS_BLOB_MAX bytes);
 * returns the length. */
int stats_items_encode(const ItemCount *in, int n, unsigned char *out);

/* Checkpoint the WAL into the database and truncate it to zero bytes (why:
 * see stats_schema.c). Returns the SQLite result code. */
int stats_wal_clear(sqlite3 *db);

/* Open s->path for writing into s->db (moving a corrupt file aside),
 * migrate it and load or start the identity. Called with db_lock held.
 * On failure s->db stays NULL and the error is returned. */
Err stats_db_open(Stats *s) STATS_MUST_USE;

/* Close s->db if open (db_lock held, or no writer running). */
void stats_db_close(Stats *s);

/* ---- stats_query.c ---- */

/* ERR_OK when s->db is open (db_lock held), else the storage error that
 * closed it: a writer whose database is down has nothing to read. */
Err stats_with_db(Stats *s) STATS_MUST_USE;

/* ---- stats_writer.c ---- */

/* Publish the result of a commit attempt for stats_health() (mu held). */
void stats_set_state(Stats *s, Err e);

/* Log a change of storage state once (writer thread, or before it starts);
 * saved is the number of events the recovery saved. */
void stats_log_transition(Stats *s, Err e, int64_t saved);

/* The writer thread: arg is the Stats; returns NULL once stop is set and
 * the queue is drained (or the storage fails). */
void *stats_writer_main(void *arg);

#endif
