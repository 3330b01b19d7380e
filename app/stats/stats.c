/* stats.c: the statistics store.
 *
 * Two threads meet here. The UI thread calls stats_record(), which only
 * copies the event into a bounded ring under a short mutex. A writer thread
 * drains the ring, folds events into per-day counter deltas in a bounded
 * in-memory table, and adds those deltas to SQLite in one transaction
 * (WAL, synchronous=FULL). While the disk is full, read-only, locked or
 * broken, the deltas simply stay in memory and the writer retries; the
 * deltas are compact, so a long outage costs little memory.
 *
 * The database keeps aggregate counters only: (epoch, local day, metric,
 * language, module, item) -> value, with strings interned in a names table.
 * Since schema 3 the counters that differ only in their item (hour, slide,
 * question, bucket, band, contact) share one row: (epoch, day, metric,
 * language, module) -> items, a packed list of (item, value) pairs. A
 * counter row cost about 19 bytes on disk, and a busy year has 360 000 of
 * them; grouped by item it has 160 000 rows and fits the 5 MB budget.
 * Nothing in it has a per-visit key or a time finer than the day (the hour
 * appears only on the session-start total). */
#include "stats/stats.h"
#include "stats/identity.h"

#include <errno.h>
#include <pthread.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"

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

/* ---- metrics ------------------------------------------------------------ */

/* Stored metric names. The order is internal (never stored: the database
 * keeps the names themselves). */
typedef enum {
    M_SESSION_START, M_LANGUAGE_CHOSEN, M_LANGUAGE_SWITCH, M_MODULE_OPENED,
    M_MODULE_COMPLETED, M_SLIDE_DEEPEST, M_QUIZ_RIGHT, M_QUIZ_WRONG,
    M_END_CARD_SHOWN, M_HELP_SHOWN, M_QR_SHOWN, M_QUICK_EXIT, M_TIMEOUT,
    M_SESSION_LENGTH, M_GROUP_SESSION, M_GROUP_ATTENDEES, M_GROUP_QUIZ_RIGHT,
    M_GROUP_QUIZ_WRONG, M__COUNT
} Metric;

static const char *const metric_names[M__COUNT + 1] = {
    "session_start", "language_chosen", "language_switch", "module_opened",
    "module_completed", "slide_deepest", "quiz_answer_right", "quiz_answer_wrong",
    "end_card_shown", "help_shown", "qr_shown", "quick_exit", "timeout",
    "session_length", "group_session", "group_attendees", "group_quiz_right",
    "group_quiz_wrong", NULL,
};

static const char *const kind_names[STAT__COUNT] = {
    [STAT_SESSION_START] = "session_start",
    [STAT_LANGUAGE_CHOSEN] = "language_chosen",
    [STAT_LANGUAGE_SWITCH] = "language_switch",
    [STAT_MODULE_OPENED] = "module_opened",
    [STAT_MODULE_COMPLETED] = "module_completed",
    [STAT_SLIDE_DEEPEST] = "slide_deepest",
    [STAT_QUIZ_ANSWER] = "quiz_answer",
    [STAT_END_CARD_SHOWN] = "end_card_shown",
    [STAT_HELP_SHOWN] = "help_shown",
    [STAT_QR_SHOWN] = "qr_shown",
    [STAT_QUICK_EXIT] = "quick_exit",
    [STAT_TIMEOUT] = "timeout",
    [STAT_SESSION_END] = "session_length",
    [STAT_GROUP_SESSION] = "group_session",
    [STAT_GROUP_ATTENDEES] = "group_attendees",
    [STAT_GROUP_QUIZ] = "group_quiz",
};

/* Which fields of an event a kind keeps: everything else is dropped before
 * it can reach a key. The hour and the session length are deliberately kept
 * without language or module. */
enum { K_LANG = 1, K_MODULE = 2, K_ITEM = 4 };
static const unsigned char kind_keeps[STAT__COUNT] = {
    [STAT_SESSION_START] = K_ITEM, /* item = local hour, from t */
    [STAT_LANGUAGE_CHOSEN] = K_LANG,
    [STAT_LANGUAGE_SWITCH] = K_LANG,
    [STAT_MODULE_OPENED] = K_LANG | K_MODULE,
    [STAT_MODULE_COMPLETED] = K_LANG | K_MODULE,
    [STAT_SLIDE_DEEPEST] = K_LANG | K_MODULE | K_ITEM,
    [STAT_QUIZ_ANSWER] = K_LANG | K_MODULE | K_ITEM,
    [STAT_END_CARD_SHOWN] = K_LANG | K_MODULE,
    [STAT_HELP_SHOWN] = K_LANG,
    [STAT_QR_SHOWN] = K_LANG | K_ITEM,
    [STAT_QUICK_EXIT] = K_LANG,
    [STAT_TIMEOUT] = 0,
    [STAT_SESSION_END] = K_ITEM, /* item = length bucket */
    [STAT_GROUP_SESSION] = 0,
    [STAT_GROUP_ATTENDEES] = K_ITEM, /* item = band */
    [STAT_GROUP_QUIZ] = K_MODULE | K_ITEM,
};

const char *stats_metric_name(StatKind k)
{
    if ((unsigned)k >= STAT__COUNT)
        return "";
    return kind_names[k];
}

static Metric metric_of(StatKind k, int ok)
{
    static const Metric direct[STAT__COUNT] = {
        [STAT_SESSION_START] = M_SESSION_START,
        [STAT_LANGUAGE_CHOSEN] = M_LANGUAGE_CHOSEN,
        [STAT_LANGUAGE_SWITCH] = M_LANGUAGE_SWITCH,
        [STAT_MODULE_OPENED] = M_MODULE_OPENED,
        [STAT_MODULE_COMPLETED] = M_MODULE_COMPLETED,
        [STAT_SLIDE_DEEPEST] = M_SLIDE_DEEPEST,
        [STAT_QUIZ_ANSWER] = M_QUIZ_RIGHT,
        [STAT_END_CARD_SHOWN] = M_END_CARD_SHOWN,
        [STAT_HELP_SHOWN] = M_HELP_SHOWN,
        [STAT_QR_SHOWN] = M_QR_SHOWN,
        [STAT_QUICK_EXIT] = M_QUICK_EXIT,
        [STAT_TIMEOUT] = M_TIMEOUT,
        [STAT_SESSION_END] = M_SESSION_LENGTH,
        [STAT_GROUP_SESSION] = M_GROUP_SESSION,
        [STAT_GROUP_ATTENDEES] = M_GROUP_ATTENDEES,
        [STAT_GROUP_QUIZ] = M_GROUP_QUIZ_RIGHT,
    };
    if (k == STAT_QUIZ_ANSWER)
        return ok ? M_QUIZ_RIGHT : M_QUIZ_WRONG;
    if (k == STAT_GROUP_QUIZ)
        return ok ? M_GROUP_QUIZ_RIGHT : M_GROUP_QUIZ_WRONG;
    return direct[k];
}

const char *stats_metric_stored(StatKind k, int ok)
{
    if ((unsigned)k >= STAT__COUNT)
        return "";
    return metric_names[metric_of(k, ok)];
}

const char *const *stats_metric_all(void) { return metric_names; }

/* ---- dates ------------------------------------------------------------- */

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
 * civil_from_days), so no time zone database is involved. */
static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = floor_div(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static void day_format(int64_t day, char out[11])
{
    int y, m, d;
    civil_from_days(day, &y, &m, &d);
    if (y < 0 || y > 9999) {
        memcpy(out, "0000-00-00", 11);
        return;
    }
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

void stats_day_string(int64_t t, int32_t utc_offset, char out[11])
{
    day_format(floor_div(t + utc_offset, 86400), out);
}

static int32_t default_utc_offset(void *ctx, int64_t t)
{
    (void)ctx;
    time_t tt = (time_t)t;
    struct tm tm;
    if (!localtime_r(&tt, &tm))
        return 0;
    return (int32_t)tm.tm_gmtoff;
}

static int64_t default_now(void *ctx)
{
    (void)ctx;
    return (int64_t)time(NULL);
}

/* ---- the store ------------------------------------------------------------ */

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

static int64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void deadline_ts(struct timespec *ts, int64_t at_ms)
{
    ts->tv_sec = (time_t)(at_ms / 1000);
    ts->tv_nsec = (long)(at_ms % 1000) * 1000000L;
}

/* ---- validation and folding ------------------------------------------------ */

static int ident_ok(const char *s, size_t cap)
{
    const char *end = memchr(s, 0, cap);
    if (!end)
        return 0;
    for (; s < end; s++) {
        char c = *s;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.'))
            return 0;
    }
    return 1;
}

/* A language code: "", or 2-3 lowercase letters with optional subtags
 * ("ar", "pt-BR", "ff-Latn"). Stricter than an identifier, so a name typed
 * into the wrong field cannot pass as a language. */
static int lang_ok(const char *s, size_t cap)
{
    if (!memchr(s, 0, cap))
        return 0;
    if (!s[0])
        return 1;
    size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz");
    if (n < 2 || n > 3)
        return 0;
    while (s[n] == '-') {
        size_t k = strspn(s + n + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
        if (k < 1 || k > 8)
            return 0;
        n += 1 + k;
    }
    return s[n] == 0;
}

static int event_ok(const StatEvent *ev)
{
    if ((unsigned)ev->kind >= STAT__COUNT)
        return 0;
    unsigned keep = kind_keeps[ev->kind];
    if ((keep & K_LANG) && !lang_ok(ev->lang, sizeof ev->lang))
        return 0;
    if ((keep & K_MODULE) && !ident_ok(ev->module, sizeof ev->module))
        return 0;
    if (ev->count < 0 || ev->count > MAX_COUNT)
        return 0;
    if (ev->kind == STAT_GROUP_ATTENDEES && (ev->ok < 0 || ev->ok > MAX_COUNT))
        return 0;
    if (ev->kind == STAT_SESSION_END && ev->n < 0)
        return 0; /* seconds, bucketed: any length is fine */
    if ((keep & K_ITEM) && ev->kind != STAT_SESSION_START && ev->kind != STAT_SESSION_END &&
        (ev->n < 0 || ev->n > MAX_ITEM))
        return 0;
    if (ev->kind == STAT_GROUP_ATTENDEES && ev->n > 3)
        return 0;
    return 1;
}

static int32_t length_bucket(int32_t secs)
{
    if (secs < 60)
        return 0;
    if (secs < 180)
        return 1;
    if (secs < 600)
        return 2;
    return 3;
}

static void copy_padded(char *dst, const char *src, size_t cap)
{
    size_t n = strnlen(src, cap - 1);
    memset(dst, 0, cap);
    memcpy(dst, src, n);
}

static void delta_key(Stats *s, const Slot *sl, Delta *k)
{
    const StatEvent *ev = &sl->ev;
    unsigned keep = kind_keeps[ev->kind];
    int64_t local = sl->t + s->opt.utc_offset(s->opt.clock_ctx, sl->t);
    memset(k, 0, sizeof *k);
    k->day = (int32_t)floor_div(local, 86400);
    k->metric = (uint8_t)metric_of(ev->kind, ev->ok);
    k->item = -1;
    if (keep & K_LANG)
        copy_padded(k->lang, ev->lang, sizeof k->lang);
    if (keep & K_MODULE)
        copy_padded(k->module, ev->module, sizeof k->module);
    if (keep & K_ITEM) {
        if (ev->kind == STAT_SESSION_START)
            k->item = (int32_t)((local - floor_div(local, 86400) * 86400) / 3600);
        else if (ev->kind == STAT_SESSION_END)
            k->item = length_bucket(ev->n);
        else
            k->item = ev->n;
    }
    if (ev->kind == STAT_GROUP_ATTENDEES)
        k->delta = ev->count > 0 ? ev->count : ev->ok;
    else
        k->delta = ev->count > 0 ? ev->count : 1;
}

static uint32_t delta_hash(const Delta *k)
{
    uint32_t h = 2166136261u;
    const unsigned char *p = (const unsigned char *)&k->day;
    /* day, item, metric and the two strings, in declaration order */
    size_t n = offsetof(Delta, module) + sizeof k->module - offsetof(Delta, day);
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

static int delta_same(const Delta *a, const Delta *b)
{
    return a->day == b->day && a->item == b->item && a->metric == b->metric &&
           memcmp(a->lang, b->lang, sizeof a->lang) == 0 &&
           memcmp(a->module, b->module, sizeof a->module) == 0;
}

/* Add one key to the map. The map never fills: the writer stops draining
 * the ring at MAP_HIGH. */
static void map_add(Stats *s, const Delta *k)
{
    uint32_t i = delta_hash(k) & (MAP_CAP - 1);
    for (;;) {
        Delta *d = &s->map[i];
        if (!d->used) {
            *d = *k;
            d->used = 1;
            s->map_used++;
            return;
        }
        if (delta_same(d, k)) {
            d->delta += k->delta;
            return;
        }
        i = (i + 1) & (MAP_CAP - 1);
    }
}

uint64_t stats_record(Stats *s, const StatEvent *ev, int64_t t)
{
    if (!s || !ev || !s->ring)
        return 0;
    if (!event_ok(ev)) {
        atomic_fetch_add(&s->rejected, 1);
        return 0;
    }
    uint64_t seq = 0;
    int wake = 0;
    pthread_mutex_lock(&s->mu);
    if (s->ring_count < s->ring_cap) {
        Slot *sl = &s->ring[(s->ring_head + s->ring_count) % s->ring_cap];
        sl->ev = *ev;
        sl->t = t;
        s->ring_count++;
        seq = ++s->next_seq;
        wake = s->ring_count == 1 || s->ring_count == s->ring_cap / 2;
    } else {
        s->dropped++;
    }
    pthread_mutex_unlock(&s->mu);
    if (wake)
        pthread_cond_signal(&s->cv);
    return seq;
}

uint64_t stats_committed(const Stats *s)
{
    if (!s)
        return 0;
    return __atomic_load_n(&s->committed, __ATOMIC_ACQUIRE);
}

/* ---- SQLite ------------------------------------------------------------------ */

static Err err_from_sqlite(sqlite3 *db, int rc)
{
    switch (rc & 0xff) {
    case SQLITE_OK: return ERR_OK;
    case SQLITE_FULL: return ERR_NOSPACE;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH: return ERR_READONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return ERR_BUSY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return ERR_CORRUPT;
    case SQLITE_NOMEM: return ERR_NOMEM;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR: {
        Err e = err_from_errno(db ? sqlite3_system_errno(db) : 0);
        if (e == ERR_OK || e == ERR_NOMEM || e == ERR_BUSY)
            e = ERR_IO;
        return e;
    }
    default: return ERR_DB;
    }
}

static int exec(sqlite3 *db, const char *sql) { return sqlite3_exec(db, sql, NULL, NULL, NULL); }

/* ---- packed items ---------------------------------------------------------
 *
 * A row's counters, one per item, as a BLOB: for each item in ascending
 * order, the gap from the previous item (the first from -2, so item -1, "no
 * item", has gap 1) and the value, both as unsigned LEB128 varints. Every
 * value is at least 1 (a zero counter is not stored), and a row has at
 * least one item. A busy day's slide-depth row of 15 slides costs about 30
 * bytes instead of 15 rows of 19. */

static size_t varint_put(unsigned char *p, uint64_t v)
{
    size_t n = 0;
    do {
        unsigned char b = (unsigned char)(v & 0x7f);
        v >>= 7;
        p[n++] = v ? (unsigned char)(b | 0x80) : b;
    } while (v);
    return n;
}

/* 0 on a truncated or over-long varint. */
static int varint_get(const unsigned char **p, const unsigned char *end, uint64_t *v)
{
    uint64_t r = 0;
    for (int shift = 0; *p < end && shift < 64; shift += 7) {
        unsigned char b = *(*p)++;
        r |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *v = r;
            return 1;
        }
    }
    return 0;
}

/* Decode a packed items list into out (NULL: only check it). Returns the
 * number of items, or -1 when the bytes do not follow the format above. */
static int items_decode(const void *blob, int n, ItemCount *out)
{
    const unsigned char *p = blob, *end = p + (n > 0 ? n : 0);
    int count = 0;
    int64_t item = -2;
    if (!blob || n <= 0)
        return -1;
    while (p < end) {
        uint64_t gap, value;
        if (!varint_get(&p, end, &gap) || !varint_get(&p, end, &value))
            return -1;
        if (gap < 1 || gap > (uint64_t)(MAX_ITEM + 2) || value < 1 || value > (uint64_t)INT64_MAX)
            return -1;
        item += (int64_t)gap;
        if (item > MAX_ITEM || count >= ITEMS_MAX)
            return -1;
        if (out) {
            out[count].item = (int32_t)item;
            out[count].value = (int64_t)value;
        }
        count++;
    }
    return count;
}

/* Encode n items (ascending, values >= 1) into out; returns the length. */
static int items_encode(const ItemCount *in, int n, unsigned char *out)
{
    size_t len = 0;
    int64_t prev = -2;
    for (int i = 0; i < n; i++) {
        len += varint_put(out + len, (uint64_t)(in[i].item - prev));
        len += varint_put(out + len, (uint64_t)in[i].value);
        prev = in[i].item;
    }
    return (int)len;
}

/* taama_items_ok(blob): 1 when a packed items list is well formed. Lets
 * the open-time check find a damaged row with one query. */
static void sql_items_ok(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
    (void)argc;
    int ok = sqlite3_value_type(argv[0]) == SQLITE_BLOB &&
             items_decode(sqlite3_value_blob(argv[0]), sqlite3_value_bytes(argv[0]), NULL) > 0;
    sqlite3_result_int(cx, ok);
}

/* Version 2 -> 3: one row per counter becomes one row per (epoch, day,
 * metric, lang, module) with the items packed. Every value moves over; a
 * row that cannot be expressed (negative value, item out of range) is
 * damage, and the open moves the file aside rather than drop it. */
static int migrate_v3(Stats *s, sqlite3 *db)
{
    sqlite3_stmt *rd = NULL, *wr = NULL;
    int rc = exec(db, "CREATE TABLE counters_v3(epoch INTEGER NOT NULL, day INTEGER NOT NULL,"
                      " metric INTEGER NOT NULL, lang INTEGER NOT NULL, module INTEGER NOT NULL,"
                      " items BLOB NOT NULL,"
                      " PRIMARY KEY(epoch, day, metric, lang, module)) WITHOUT ROWID");
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db,
                                "SELECT epoch, day, metric, lang, module, item, value FROM counters "
                                "ORDER BY epoch, day, metric, lang, module, item",
                                -1, &rd, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "INSERT INTO counters_v3 VALUES(?, ?, ?, ?, ?, ?)", -1, &wr,
                                NULL);
    int64_t key[5] = {0}, k[5];
    int n = 0;
    for (int more = rc == SQLITE_OK; more;) {
        rc = sqlite3_step(rd);
        more = rc == SQLITE_ROW;
        if (more)
            for (int i = 0; i < 5; i++)
                k[i] = sqlite3_column_int64(rd, i);
        if (n > 0 && (!more || memcmp(k, key, sizeof k) != 0)) { /* a group ends */
            for (int i = 0; i < 5; i++)
                sqlite3_bind_int64(wr, i + 1, key[i]);
            sqlite3_bind_blob(wr, 6, s->blob, items_encode(s->cur, n, s->blob), SQLITE_STATIC);
            int wrc = sqlite3_step(wr);
            sqlite3_reset(wr);
            if (wrc != SQLITE_DONE) {
                rc = wrc;
                break;
            }
            n = 0;
        }
        if (!more)
            break;
        memcpy(key, k, sizeof key);
        int64_t item = sqlite3_column_int64(rd, 5), value = sqlite3_column_int64(rd, 6);
        if (item < -1 || item > MAX_ITEM || value < 0 || n >= ITEMS_MAX) {
            rc = SQLITE_CORRUPT;
            break;
        }
        if (value == 0)
            continue; /* nothing counted */
        s->cur[n].item = (int32_t)item;
        s->cur[n].value = value;
        n++;
    }
    if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    sqlite3_finalize(rd);
    sqlite3_finalize(wr);
    if (rc == SQLITE_OK)
        rc = exec(db, "DROP TABLE counters; ALTER TABLE counters_v3 RENAME TO counters");
    return rc;
}

/* Schema migrations: migrations[v] takes a database from version v to v+1.
 * Version 1 was the first layout; version 2 added the identity lineage
 * (which kiosk a cloned database descends from); version 3 packs the
 * counters of one key that differ only by item into one row (size). Never
 * edit a step: add one. */
typedef struct {
    const char *sql;
    int (*fn)(Stats *s, sqlite3 *db);
} Migration;

static const Migration migrations[STATS_SCHEMA_VERSION] = {
    {
    "CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE identity(epoch INTEGER PRIMARY KEY, kiosk_id TEXT NOT NULL,"
    " machine TEXT NOT NULL);"
    "CREATE TABLE names(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
    "CREATE TABLE counters(epoch INTEGER NOT NULL, day INTEGER NOT NULL,"
    " metric INTEGER NOT NULL, lang INTEGER NOT NULL, module INTEGER NOT NULL,"
    " item INTEGER NOT NULL, value INTEGER NOT NULL,"
    " PRIMARY KEY(epoch, day, metric, lang, module, item)) WITHOUT ROWID;", NULL},
    {"ALTER TABLE identity ADD COLUMN parent TEXT NOT NULL DEFAULT '';", NULL},
    {NULL, migrate_v3},
};

static int user_version(sqlite3 *db, int *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int(st, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    return rc;
}

/* Load the current identity, or start a new one (new random kiosk id, next
 * epoch) when none exists or the database was made on another machine.
 * Runs inside the open transaction. */
static int load_identity(Stats *s, sqlite3 *db, StatsIdentity *id)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(
        db, "SELECT epoch, kiosk_id, machine FROM identity ORDER BY epoch DESC LIMIT 1", -1, &st,
        NULL);
    if (rc != SQLITE_OK)
        return rc;
    int64_t last_epoch = 0;
    char last_kiosk[33] = "";
    int same = 0, upgrade = 0;
    char merged[STATS_HW_MAX] = "";
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        last_epoch = sqlite3_column_int64(st, 0);
        snprintf(last_kiosk, sizeof last_kiosk, "%s", (const char *)sqlite3_column_text(st, 1));
        const char *m = (const char *)sqlite3_column_text(st, 2);
        same = stats_hw_match(m, &s->hw, merged, &upgrade);
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return rc;
    if (same) {
        snprintf(id->kiosk_id, sizeof id->kiosk_id, "%s", last_kiosk);
        id->epoch = last_epoch;
        if (!upgrade)
            return SQLITE_OK;
        rc = sqlite3_prepare_v2(db, "UPDATE identity SET machine = ? WHERE epoch = ?", -1, &st, NULL);
        if (rc != SQLITE_OK)
            return rc;
        sqlite3_bind_text(st, 1, merged, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, last_epoch);
        rc = sqlite3_step(st);
        sqlite3_finalize(st);
        return rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    if (last_epoch == 0 && s->prev_epoch > 0) { /* a database started anew */
        last_epoch = s->prev_epoch;
        snprintf(last_kiosk, sizeof last_kiosk, "%s", s->prev_kiosk);
    }
    unsigned char r[16];
    randombytes_buf(r, sizeof r);
    sodium_bin2hex(id->kiosk_id, sizeof id->kiosk_id, r, sizeof r);
    id->epoch = last_epoch + 1;
    rc = sqlite3_prepare_v2(
        db, "INSERT INTO identity(epoch, kiosk_id, machine, parent) VALUES(?, ?, ?, ?)", -1, &st,
        NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_int64(st, 1, id->epoch);
    sqlite3_bind_text(st, 2, id->kiosk_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, s->hw.text, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, last_kiosk, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return rc;
    if (last_epoch > 0)
        log_warn("stats: database from another machine or started anew: new kiosk id %s, "
                 "epoch %lld (was %s)",
                 id->kiosk_id, (long long)id->epoch, last_kiosk);
    else
        log_info("stats: new kiosk id %s, epoch 1", id->kiosk_id);
    return SQLITE_OK;
}

/* Check, migrate and identify an open read-write database. */
static int prepare_db(Stats *s, sqlite3 *db, StatsIdentity *id, Err *why)
{
    int rc;
    sqlite3_stmt *st = NULL;
    *why = ERR_OK;
    if (sqlite3_db_readonly(db, "main") == 1) {
        *why = ERR_READONLY;
        return SQLITE_READONLY;
    }
    /* quick_check reads every page: a damaged file is found now, at a
     * moment when moving it aside is safe, not in the middle of a commit. */
    rc = sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            const char *r = (const char *)sqlite3_column_text(st, 0);
            rc = (r && strcmp(r, "ok") == 0) ? SQLITE_OK : SQLITE_CORRUPT;
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        goto fail;
    rc = exec(db, "PRAGMA journal_mode=WAL");
    if (rc == SQLITE_OK)
        rc = exec(db, "PRAGMA synchronous=FULL; PRAGMA secure_delete=ON; PRAGMA trusted_schema=OFF;"
                      "PRAGMA foreign_keys=OFF");
    if (rc != SQLITE_OK)
        goto fail;
    rc = exec(db, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK)
        goto fail;
    int v = 0;
    rc = user_version(db, &v);
    if (rc != SQLITE_OK)
        goto rollback;
    if (v > STATS_SCHEMA_VERSION) {
        exec(db, "ROLLBACK");
        *why = ERR_FORMAT;
        return SQLITE_ERROR;
    }
    for (; v < STATS_SCHEMA_VERSION; v++) {
        rc = migrations[v].sql ? exec(db, migrations[v].sql) : migrations[v].fn(s, db);
        if (rc != SQLITE_OK)
            goto rollback;
        char sql[48];
        snprintf(sql, sizeof sql, "PRAGMA user_version=%d", v + 1);
        rc = exec(db, sql);
        if (rc != SQLITE_OK)
            goto rollback;
    }
    /* Packed items are our own format, which quick_check cannot vouch for;
     * a damaged list would fail every later commit, so it is found here. */
    rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM counters WHERE NOT taama_items_ok(items)",
                            -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        rc = sqlite3_column_int64(st, 0) == 0 ? SQLITE_OK : SQLITE_CORRUPT;
    sqlite3_finalize(st);
    st = NULL;
    if (rc != SQLITE_OK)
        goto rollback;
    rc = load_identity(s, db, id);
    if (rc != SQLITE_OK)
        goto rollback;
    rc = exec(db, "COMMIT");
    if (rc != SQLITE_OK)
        goto rollback;
    return SQLITE_OK;
rollback:
    *why = err_from_sqlite(db, rc);
    exec(db, "ROLLBACK");
    return rc;
fail:
    *why = err_from_sqlite(db, rc);
    return rc;
}

/* Copy every WAL frame into the database and truncate the WAL to zero
 * bytes: its frames, in commit order, could retrace a visit's steps. Done
 * at start-up (a power cut leaves the last visit's frames, which opening
 * alone does not remove) and after each visit ends.
 * The index of the WAL (stats.sqlite-shm, a mapped file) keeps the page
 * numbers of the truncated frames in order until the next write, so one
 * write of the header page alone (rewriting user_version, which restarts
 * the index) follows, and is truncated in turn. */
static int wal_clear(sqlite3 *db)
{
    int rc = sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    if (rc == SQLITE_OK) {
        char sql[48];
        snprintf(sql, sizeof sql, "PRAGMA user_version=%d", STATS_SCHEMA_VERSION);
        rc = exec(db, sql);
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    return rc;
}

/* Rename a damaged database (with its -wal and -shm, which belong to it)
 * out of the way. Nothing is deleted: the file is kept for inspection. */
static int move_aside(Stats *s)
{
    time_t now = (time_t)s->opt.now(s->opt.clock_ctx);
    struct tm tm;
    char stamp[32] = "unknown";
    if (gmtime_r(&now, &tm))
        strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    size_t cap = strlen(s->path) + 64;
    char *to = malloc(cap), *from = malloc(cap), *base = malloc(cap);
    int ok = 0;
    if (!to || !from || !base)
        goto out;
    struct stat sb;
    snprintf(base, cap, "%s.corrupt-%s", s->path, stamp);
    for (int n = 2; stat(base, &sb) == 0 && n < 1000; n++)
        snprintf(base, cap, "%s.corrupt-%s-%d", s->path, stamp, n);
    static const char *const sfx[] = {"-wal", "-shm", ""};
    ok = 1;
    for (int i = 0; i < 3; i++) {
        snprintf(from, cap, "%s%s", s->path, sfx[i]);
        snprintf(to, cap, "%s%s", base, sfx[i]);
        if (rename(from, to) != 0 && errno != ENOENT) {
            log_error("stats: cannot move %s aside: %s", from, strerror(errno));
            ok = 0;
        }
    }
    if (ok) {
        log_error("stats: database was corrupt; kept as %s, starting a new one", base);
        pthread_mutex_lock(&s->mu);
        s->moved_aside++;
        pthread_mutex_unlock(&s->mu);
    }
out:
    free(to);
    free(from);
    free(base);
    return ok;
}

/* Open DIR/stats.sqlite for writing, moving a corrupt one aside. Called
 * with db_lock held. Returns the error and leaves s->db NULL on failure. */
static Err db_open(Stats *s)
{
    Err why = ERR_OK;
    for (int attempt = 0; attempt < 2; attempt++) {
        sqlite3 *db = NULL;
        int rc = sqlite3_open_v2(s->path, &db,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                                 s->opt.vfs);
        StatsIdentity id = {{0}, 0};
        if (rc == SQLITE_OK) {
            sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
            sqlite3_extended_result_codes(db, 1);
            rc = sqlite3_create_function(db, "taama_items_ok", 1,
                                         SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                                         NULL, sql_items_ok, NULL, NULL);
        }
        if (rc == SQLITE_OK) {
            rc = prepare_db(s, db, &id, &why);
        } else {
            why = err_from_sqlite(db, rc);
        }
        if (rc == SQLITE_OK) {
            if (wal_clear(db) != SQLITE_OK)
                log_warn("stats: cannot clear the journal at start: %s", sqlite3_errmsg(db));
            s->db = db;
            s->schema = STATS_SCHEMA_VERSION;
            s->n_names = 0;
            pthread_mutex_lock(&s->mu);
            s->ident = id;
            pthread_mutex_unlock(&s->mu);
            s->prev_epoch = id.epoch;
            snprintf(s->prev_kiosk, sizeof s->prev_kiosk, "%s", id.kiosk_id);
            return ERR_OK;
        }
        sqlite3_close_v2(db);
        if (why != ERR_CORRUPT || !move_aside(s))
            return why;
    }
    return why;
}

static void db_close(Stats *s)
{
    if (s->db) {
        sqlite3_close_v2(s->db);
        s->db = NULL;
    }
}

/* The id of a name, interning it. "" is 0 and has no row. */
static int name_id(Stats *s, const char *name, int64_t *id)
{
    if (!name[0]) {
        *id = 0;
        return SQLITE_OK;
    }
    for (int i = 0; i < s->n_names; i++)
        if (strcmp(s->names[i].name, name) == 0) {
            *id = s->names[i].id;
            return SQLITE_OK;
        }
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                "INSERT INTO names(name) VALUES(?1) ON CONFLICT(name) DO UPDATE "
                                "SET name = excluded.name RETURNING id",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        rc = sqlite3_step(st);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_OK && s->n_names < NAME_CACHE) {
        snprintf(s->names[s->n_names].name, sizeof s->names[0].name, "%s", name);
        s->names[s->n_names].id = *id;
        s->n_names++;
    }
    return rc;
}

static int delta_cmp(const void *pa, const void *pb)
{
    const Delta *a = *(const Delta *const *)pa, *b = *(const Delta *const *)pb;
    int c;
    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    if (a->metric != b->metric)
        return a->metric < b->metric ? -1 : 1;
    if ((c = memcmp(a->lang, b->lang, sizeof a->lang)) != 0)
        return c;
    if ((c = memcmp(a->module, b->module, sizeof a->module)) != 0)
        return c;
    return (a->item > b->item) - (a->item < b->item);
}

/* Same row: the key without the item. */
static int delta_same_row(const Delta *a, const Delta *b)
{
    return a->day == b->day && a->metric == b->metric &&
           memcmp(a->lang, b->lang, sizeof a->lang) == 0 &&
           memcmp(a->module, b->module, sizeof a->module) == 0;
}

/* Merge the deltas d[0..n) (one row, items ascending) into the row's
 * stored items s->cur[0..m), into s->merged. Returns the merged count. */
static int items_merge(Stats *s, int m, const Delta *const *d, int n)
{
    int i = 0, j = 0, k = 0;
    while (i < m || j < n) {
        if (j >= n || (i < m && s->cur[i].item < d[j]->item)) {
            s->merged[k++] = s->cur[i++];
            continue;
        }
        ItemCount c = {d[j]->item, d[j]->delta};
        if (i < m && s->cur[i].item == d[j]->item) {
            c.value = s->cur[i].value > INT64_MAX - c.value ? INT64_MAX : s->cur[i].value + c.value;
            i++;
        }
        s->merged[k++] = c;
        j++;
    }
    return k;
}

/* Add every delta in the map to the database in one transaction: the
 * deltas are sorted so that each row (the key without the item) is read,
 * merged and written once. Called with db_lock held and s->db open. */
static int commit_map(Stats *s, int64_t epoch)
{
    int saved_names = s->n_names;
    sqlite3_stmt *up = NULL, *get = NULL;
    int n = 0;
    for (int i = 0; i < MAP_CAP; i++)
        if (s->map[i].used && s->map[i].delta > 0)
            s->order[n++] = &s->map[i];
    qsort(s->order, (size_t)n, sizeof *s->order, delta_cmp);
    int rc = exec(s->db, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_prepare_v2(s->db,
                            "INSERT INTO counters(epoch, day, metric, lang, module, items) "
                            "VALUES(?,?,?,?,?,?) ON CONFLICT DO UPDATE SET items = excluded.items",
                            -1, &up, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db,
                                "SELECT items FROM counters WHERE epoch = ? AND day = ? AND "
                                "metric = ? AND lang = ? AND module = ?",
                                -1, &get, NULL);
    for (int i = 0, j; rc == SQLITE_OK && i < n; i = j) {
        const Delta *d = s->order[i];
        for (j = i + 1; j < n && delta_same_row(s->order[j], d); j++)
            ;
        int64_t key[5] = {epoch, d->day, 0, 0, 0};
        rc = name_id(s, metric_names[d->metric], &key[2]);
        if (rc == SQLITE_OK)
            rc = name_id(s, d->lang, &key[3]);
        if (rc == SQLITE_OK)
            rc = name_id(s, d->module, &key[4]);
        if (rc != SQLITE_OK)
            break;
        for (int c = 0; c < 5; c++) {
            sqlite3_bind_int64(get, c + 1, key[c]);
            sqlite3_bind_int64(up, c + 1, key[c]);
        }
        int m = 0;
        rc = sqlite3_step(get);
        if (rc == SQLITE_ROW) {
            m = items_decode(sqlite3_column_blob(get, 0), sqlite3_column_bytes(get, 0), s->cur);
            rc = m < 0 ? SQLITE_CORRUPT : SQLITE_OK; /* reopening moves the file aside */
        } else if (rc == SQLITE_DONE) {
            rc = SQLITE_OK;
        }
        sqlite3_reset(get);
        if (rc != SQLITE_OK)
            break;
        int k = items_merge(s, m, s->order + i, j - i);
        sqlite3_bind_blob(up, 6, s->blob, items_encode(s->merged, k, s->blob), SQLITE_STATIC);
        rc = sqlite3_step(up);
        sqlite3_reset(up);
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    sqlite3_finalize(up);
    sqlite3_finalize(get);
    if (rc == SQLITE_OK)
        rc = exec(s->db, "COMMIT");
    if (rc != SQLITE_OK) {
        int keep = rc;
        if (!sqlite3_get_autocommit(s->db))
            exec(s->db, "ROLLBACK");
        s->n_names = saved_names; /* interned names were rolled back too */
        rc = keep;
    }
    return rc;
}

/* ---- the writer thread ----------------------------------------------------------- */

static void set_state(Stats *s, Err e)
{
    /* called with mu held */
    s->last_err = e;
    s->db_ok = s->db != NULL;
    int64_t pending = s->ring_count + s->map_events;
    if (e == ERR_OK) {
        s->message[0] = 0;
        return;
    }
    const char *what = e == ERR_NOSPACE    ? "the disk is full"
                       : e == ERR_READONLY ? "the data folder is read-only"
                       : e == ERR_BUSY     ? "the database is locked by another program"
                       : e == ERR_CORRUPT  ? "the database is damaged"
                       : e == ERR_FORMAT   ? "the database is from a newer Taama"
                       : e == ERR_NOTFOUND ? "the data folder is missing"
                                           : err_str(e);
    snprintf(s->message, sizeof s->message,
             "Statistics not saved: %s. %lld events wait in memory; retrying.", what,
             (long long)pending);
}

/* One round: make sure the database is open, then commit the map. After an
 * I/O error or damage the handle is dropped and the database reopened at
 * once: reopening runs quick_check (moving a damaged file aside) and tells
 * a read-only file system (the commit itself only says "I/O error") from a
 * passing fault, which the second try then survives. A full disk or a lock
 * keeps the handle and waits for the next retry. */
static Err writer_commit(Stats *s)
{
    Err e = ERR_OK;
    pthread_mutex_lock(&s->db_lock);
    for (int round = 0; round < 2; round++) {
        if (!s->db && (e = db_open(s)) != ERR_OK)
            break;
        if (s->map_used == 0)
            break;
        pthread_mutex_lock(&s->mu);
        int64_t epoch = s->ident.epoch;
        pthread_mutex_unlock(&s->mu);
        int rc = commit_map(s, epoch);
        e = err_from_sqlite(s->db, rc);
        if (e == ERR_OK || e == ERR_NOSPACE || e == ERR_BUSY)
            break;
        db_close(s);
    }
    pthread_mutex_unlock(&s->db_lock);
    return e;
}

static void log_transition(Stats *s, Err e, int64_t saved)
{
    if (e == s->logged_err)
        return;
    if (e == ERR_OK)
        log_warn("stats: storage works again; %lld waiting events saved", (long long)saved);
    else
        log_error("stats: cannot save statistics to %s: %s; keeping them in memory and retrying",
                  s->path, err_str(e));
    s->logged_err = e;
}

static void *writer_main(void *arg)
{
    Stats *s = arg;
    Slot chunk[DRAIN_CHUNK];
    pthread_mutex_lock(&s->mu);
    for (;;) {
        /* Wait for work: events, a flush, a due retry, a due checkpoint. */
        for (;;) {
            if (s->stop || s->flush_req)
                break;
            if (s->ring_count > 0 && s->map_used < MAP_HIGH)
                break;
            int64_t now = mono_ms();
            if (s->map_used > 0 && (s->last_err == ERR_OK || now >= s->retry_at))
                break;
            int64_t until = INT64_MAX;
            if (s->map_used > 0)
                until = s->retry_at;
            else if (s->ckpt_at > 0) {
                if (now >= s->ckpt_at) {
                    pthread_mutex_unlock(&s->mu);
                    pthread_mutex_lock(&s->db_lock);
                    if (s->db && wal_clear(s->db) == SQLITE_OK)
                        s->ckpt_at = 0;
                    else
                        s->ckpt_at = now + s->opt.idle_checkpoint_ms;
                    pthread_mutex_unlock(&s->db_lock);
                    pthread_mutex_lock(&s->mu);
                    continue;
                }
                until = s->ckpt_at;
            }
            if (until == INT64_MAX) {
                pthread_cond_wait(&s->cv, &s->mu);
            } else {
                struct timespec ts;
                deadline_ts(&ts, until);
                pthread_cond_timedwait(&s->cv, &s->mu, &ts);
            }
        }
        /* Gather: let a burst of events collect into one transaction. */
        if (s->ring_count > 0 && !s->stop && !s->flush_req) {
            int64_t until = mono_ms() + s->opt.batch_ms;
            struct timespec ts;
            deadline_ts(&ts, until);
            while (!s->stop && !s->flush_req && s->ring_count < s->ring_cap / 2 &&
                   mono_ms() < until)
                if (pthread_cond_timedwait(&s->cv, &s->mu, &ts) == ETIMEDOUT)
                    break;
        }
        uint64_t flush_seen = s->flush_req;
        int stopping = s->stop;
        /* Drain into the map in chunks, so the UI waits for a memcpy at most. */
        while (s->ring_count > 0 && s->map_used < MAP_HIGH) {
            int n = s->ring_count < DRAIN_CHUNK ? s->ring_count : DRAIN_CHUNK;
            for (int i = 0; i < n; i++)
                chunk[i] = s->ring[(s->ring_head + i) % s->ring_cap];
            s->ring_head = (s->ring_head + n) % s->ring_cap;
            s->ring_count -= n;
            uint64_t last_seq = s->next_seq - (uint64_t)s->ring_count;
            s->map_events += n;
            pthread_mutex_unlock(&s->mu);
            for (int i = 0; i < n; i++) {
                Delta k;
                delta_key(s, &chunk[i], &k);
                map_add(s, &k);
                s->visit_ended |= chunk[i].ev.kind == STAT_SESSION_END;
            }
            s->map_seq = last_seq;
            pthread_mutex_lock(&s->mu);
        }
        int64_t dropped = s->dropped;
        pthread_mutex_unlock(&s->mu);

        if (dropped > 0 && (s->logged_dropped == 0 || dropped >= 2 * s->logged_dropped)) {
            /* the first loss, then each doubling: the log stays readable */
            log_error("stats: %lld events dropped in total: the in-memory queue was full",
                      (long long)dropped);
            s->logged_dropped = dropped;
        }
        Err e = ERR_OK;
        int did_try = 0;
        int due = s->last_err == ERR_OK || mono_ms() >= s->retry_at || flush_seen || stopping;
        if (due && (s->map_used > 0 || flush_seen || !s->db)) {
            e = writer_commit(s);
            did_try = 1;
        }

        if (did_try) /* before publishing, so a flusher that returns sees the log */
            log_transition(s, e, s->map_events);
        pthread_mutex_lock(&s->mu);
        if (did_try) {
            if (e == ERR_OK && s->map_used > 0) {
                memset(s->map, 0, sizeof(Delta) * MAP_CAP);
                s->map_used = 0;
                s->map_events = 0;
                __atomic_store_n(&s->committed, s->map_seq, __ATOMIC_RELEASE);
                /* A visit just ended: its steps are the last frames in the
                 * WAL, in order. Truncate it now (on this thread, after the
                 * commit; the UI never waits), not after the quiet minute. */
                s->ckpt_at = mono_ms() + (s->visit_ended ? 0 : s->opt.idle_checkpoint_ms);
                s->visit_ended = 0;
            }
            if (e != ERR_OK)
                s->retry_at = mono_ms() + s->opt.retry_ms;
            set_state(s, e);
            s->attempts++;
            pthread_cond_broadcast(&s->done_cv);
        }
        if (flush_seen && s->flush_req == flush_seen)
            s->flush_req = 0;
        if (stopping && (s->ring_count == 0 || e != ERR_OK))
            break;
    }
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

/* ---- open and close -------------------------------------------------------------- */

static Stats *stats_alloc(const char *dir, const StatsOptions *opt, Err *why)
{
    Stats *s = calloc(1, sizeof *s);
    size_t n = strlen(dir) + sizeof(STATS_DB_NAME) + 2;
    if (!s || !(s->path = malloc(n))) {
        free(s);
        if (why)
            *why = ERR_NOMEM;
        return NULL;
    }
    snprintf(s->path, n, "%s/%s", dir, STATS_DB_NAME);
    if (opt)
        s->opt = *opt;
    if (!s->opt.utc_offset)
        s->opt.utc_offset = default_utc_offset;
    if (!s->opt.now)
        s->opt.now = default_now;
    if (s->opt.queue_cap <= 0)
        s->opt.queue_cap = DEF_QUEUE;
    if (s->opt.batch_ms <= 0)
        s->opt.batch_ms = DEF_BATCH_MS;
    if (s->opt.retry_ms <= 0)
        s->opt.retry_ms = DEF_RETRY_MS;
    if (s->opt.idle_checkpoint_ms <= 0)
        s->opt.idle_checkpoint_ms = DEF_IDLE_CKPT_MS;
    s->opt.machine_id = NULL; /* borrowed: only used during open */
    pthread_mutex_init(&s->mu, NULL);
    pthread_mutex_init(&s->db_lock, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&s->cv, &ca);
    pthread_cond_init(&s->done_cv, &ca);
    pthread_condattr_destroy(&ca);
    atomic_init(&s->rejected, 0);
    return s;
}

static void stats_dealloc(Stats *s)
{
    db_close(s);
    pthread_mutex_destroy(&s->mu);
    pthread_mutex_destroy(&s->db_lock);
    pthread_cond_destroy(&s->cv);
    pthread_cond_destroy(&s->done_cv);
    free(s->ring);
    free(s->map);
    free(s->order);
    free(s->path);
    free(s);
}

Stats *stats_open_opts(const char *dir, const StatsOptions *opt, Err *why)
{
    if (why)
        *why = ERR_OK;
    if (sodium_init() < 0) {
        if (why)
            *why = ERR_NOMEM;
        return NULL;
    }
    Stats *s = stats_alloc(dir ? dir : ".", opt, why);
    if (!s)
        return NULL;
    stats_hw_read(opt ? opt->hw_root : NULL, opt ? opt->machine_id : NULL, &s->hw);

    s->ring_cap = s->opt.queue_cap;
    s->ring = calloc((size_t)s->ring_cap, sizeof *s->ring);
    s->map = calloc(MAP_CAP, sizeof *s->map);
    s->order = calloc(MAP_CAP, sizeof *s->order);
    if (!s->ring || !s->map || !s->order) {
        if (why)
            *why = ERR_NOMEM;
        stats_dealloc(s);
        return NULL;
    }
    pthread_mutex_lock(&s->db_lock);
    Err e = db_open(s);
    pthread_mutex_unlock(&s->db_lock);
    pthread_mutex_lock(&s->mu);
    set_state(s, e);
    pthread_mutex_unlock(&s->mu);
    s->logged_err = ERR_OK;
    if (e != ERR_OK) {
        s->retry_at = mono_ms() + s->opt.retry_ms;
        log_transition(s, e, 0);
    }
    if (pthread_create(&s->writer, NULL, writer_main, s) != 0) {
        if (why)
            *why = ERR_NOMEM;
        stats_dealloc(s);
        return NULL;
    }
    s->writer_started = 1;
    return s;
}

Stats *stats_open(const char *dir, const char *machine_id, Err *why)
{
    StatsOptions o;
    memset(&o, 0, sizeof o);
    o.machine_id = machine_id;
    return stats_open_opts(dir, &o, why);
}

Stats *stats_open_readonly(const char *dir, Err *why)
{
    Err e = ERR_OK;
    Stats *s = stats_alloc(dir ? dir : ".", NULL, why);
    if (!s)
        return NULL;
    s->readonly_handle = 1;
    struct stat sb;
    if (stat(s->path, &sb) != 0) {
        e = err_from_errno(errno);
        goto fail;
    }
    int rc = sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL);
    int v = 0;
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
        rc = exec(s->db, "PRAGMA trusted_schema=OFF");
    }
    if (rc == SQLITE_OK)
        rc = user_version(s->db, &v);
    if (rc != SQLITE_OK) {
        e = err_from_sqlite(s->db, rc);
        goto fail;
    }
    if (v < 1 || v > STATS_SCHEMA_VERSION) {
        e = v < 1 ? ERR_NOTFOUND : ERR_FORMAT;
        goto fail;
    }
    s->schema = v;
    sqlite3_stmt *st = NULL;
    rc = sqlite3_prepare_v2(s->db,
                            "SELECT epoch, kiosk_id FROM identity ORDER BY epoch DESC LIMIT 1", -1,
                            &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        s->ident.epoch = sqlite3_column_int64(st, 0);
        snprintf(s->ident.kiosk_id, sizeof s->ident.kiosk_id, "%s",
                 (const char *)sqlite3_column_text(st, 1));
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK) {
        e = err_from_sqlite(s->db, rc);
        goto fail;
    }
    s->db_ok = 1;
    s->last_err = ERR_OK;
    return s;
fail:
    if (why)
        *why = e;
    stats_dealloc(s);
    return NULL;
}

void stats_close(Stats *s)
{
    if (!s)
        return;
    if (s->writer_started) {
        pthread_mutex_lock(&s->mu);
        s->stop = 1;
        pthread_cond_signal(&s->cv);
        pthread_mutex_unlock(&s->mu);
        pthread_join(s->writer, NULL);
        pthread_mutex_lock(&s->mu);
        int64_t lost = s->ring_count + s->map_events;
        pthread_mutex_unlock(&s->mu);
        if (lost > 0)
            log_error("stats: closing with %lld events not saved (%s)", (long long)lost,
                      err_str(s->last_err));
    }
    stats_dealloc(s);
}

Err stats_flush(Stats *s, int timeout_ms)
{
    if (!s)
        return ERR_INVALID;
    if (!s->ring)
        return ERR_READONLY;
    Err e = ERR_OK;
    int64_t until = mono_ms() + (timeout_ms > 0 ? timeout_ms : 0);
    struct timespec ts;
    deadline_ts(&ts, until);
    pthread_mutex_lock(&s->mu);
    uint64_t target = s->next_seq;
    uint64_t start_attempts = s->attempts;
    s->flush_req++;
    pthread_cond_signal(&s->cv);
    while (stats_committed(s) < target) {
        /* The writer tried after our request and could not: report why
         * now rather than wait out the timeout. */
        if (s->attempts > start_attempts && s->last_err != ERR_OK) {
            e = s->last_err;
            break;
        }
        if (pthread_cond_timedwait(&s->done_cv, &s->mu, &ts) == ETIMEDOUT) {
            e = s->last_err != ERR_OK ? s->last_err : ERR_BUSY;
            break;
        }
    }
    pthread_mutex_unlock(&s->mu);
    return e;
}

void stats_identity(const Stats *s, StatsIdentity *out)
{
    memset(out, 0, sizeof *out);
    if (!s)
        return;
    pthread_mutex_lock((pthread_mutex_t *)&s->mu);
    *out = s->ident;
    pthread_mutex_unlock((pthread_mutex_t *)&s->mu);
}

void stats_health(Stats *s, StatsHealth *out)
{
    memset(out, 0, sizeof *out);
    if (!s)
        return;
    pthread_mutex_lock(&s->mu);
    out->last_err = s->last_err;
    out->queued = s->ring_count;
    out->pending = s->ring_count + s->map_events;
    out->dropped = s->dropped;
    out->moved_aside = s->moved_aside;
    out->db_ok = s->db_ok;
    snprintf(out->message, sizeof out->message, "%s", s->message);
    if (s->dropped > 0 && s->last_err == ERR_OK)
        snprintf(out->message, sizeof out->message,
                 "%lld statistics events were lost: the queue was full.", (long long)s->dropped);
    pthread_mutex_unlock(&s->mu);
    out->rejected = atomic_load(&s->rejected);
}

/* ---- reading ----------------------------------------------------------------------- */

static Err with_db(Stats *s)
{
    /* db_lock held; a writer whose database is down has nothing to read */
    if (s->db)
        return ERR_OK;
    pthread_mutex_lock(&s->mu);
    Err e = s->last_err != ERR_OK ? s->last_err : ERR_IO;
    pthread_mutex_unlock(&s->mu);
    return e;
}

Err stats_foreach_row_of(Stats *s, const StatsIdentity *who,
                         int (*cb)(void *ctx, const StatRow *row), void *ctx)
{
    if (!s || !who || !cb)
        return ERR_INVALID;
    pthread_mutex_lock(&s->db_lock);
    Err e = with_db(s);
    sqlite3_stmt *st = NULL;
    if (e != ERR_OK)
        goto out;
    /* A read-only handle may look at a file an older Taama wrote (one row
     * per counter) that no kiosk has migrated yet. */
    int packed = s->schema >= 3;
    int rc = sqlite3_prepare_v2(
        s->db,
        packed ? "SELECT c.day, m.name, COALESCE(l.name, ''), COALESCE(d.name, ''), c.items "
                 "FROM counters c JOIN identity i ON i.epoch = c.epoch AND i.kiosk_id = ?2 "
                 "JOIN names m ON m.id = c.metric "
                 "LEFT JOIN names l ON l.id = c.lang LEFT JOIN names d ON d.id = c.module "
                 "WHERE c.epoch = ?1 ORDER BY c.day, 2, 3, 4"
               : "SELECT c.day, m.name, COALESCE(l.name, ''), COALESCE(d.name, ''), c.item, "
                 "c.value FROM counters c JOIN identity i ON i.epoch = c.epoch AND i.kiosk_id = ?2 "
                 "JOIN names m ON m.id = c.metric "
                 "LEFT JOIN names l ON l.id = c.lang LEFT JOIN names d ON d.id = c.module "
                 "WHERE c.epoch = ?1 ORDER BY c.day, 2, 3, 4, c.item",
        -1, &st, NULL);
    if (rc != SQLITE_OK) {
        e = err_from_sqlite(s->db, rc);
        goto out;
    }
    sqlite3_bind_int64(st, 1, who->epoch);
    sqlite3_bind_text(st, 2, who->kiosk_id, -1, SQLITE_STATIC);
    int stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        StatRow r;
        memset(&r, 0, sizeof r);
        day_format(sqlite3_column_int64(st, 0), r.day);
        snprintf(r.metric, sizeof r.metric, "%s", (const char *)sqlite3_column_text(st, 1));
        snprintf(r.lang, sizeof r.lang, "%s", (const char *)sqlite3_column_text(st, 2));
        snprintf(r.module, sizeof r.module, "%s", (const char *)sqlite3_column_text(st, 3));
        int m = 1;
        if (packed) {
            m = items_decode(sqlite3_column_blob(st, 4), sqlite3_column_bytes(st, 4), s->cur);
            if (m < 0) {
                rc = SQLITE_CORRUPT;
                break;
            }
        } else {
            s->cur[0].item = sqlite3_column_int(st, 4);
            s->cur[0].value = sqlite3_column_int64(st, 5);
        }
        for (int i = 0; i < m && !stop; i++) {
            r.item = s->cur[i].item;
            r.value = s->cur[i].value;
            stop = cb(ctx, &r);
        }
    }
    if (stop)
        rc = SQLITE_DONE;
    if (rc != SQLITE_DONE)
        e = err_from_sqlite(s->db, rc);
out:
    sqlite3_finalize(st);
    pthread_mutex_unlock(&s->db_lock);
    return e;
}

Err stats_foreach_row(Stats *s, int (*cb)(void *ctx, const StatRow *row), void *ctx)
{
    if (!s || !cb)
        return ERR_INVALID;
    StatsIdentity id;
    stats_identity(s, &id);
    if (id.epoch == 0) {
        pthread_mutex_lock(&s->mu);
        Err e = s->last_err != ERR_OK ? s->last_err : ERR_NOTFOUND;
        pthread_mutex_unlock(&s->mu);
        return e;
    }
    return stats_foreach_row_of(s, &id, cb, ctx);
}

Err stats_foreach_identity(Stats *s, int (*cb)(void *ctx, const StatsIdentity *id), void *ctx)
{
    if (!s || !cb)
        return ERR_INVALID;
    pthread_mutex_lock(&s->db_lock);
    Err e = with_db(s);
    sqlite3_stmt *st = NULL;
    if (e != ERR_OK)
        goto out;
    int rc = sqlite3_prepare_v2(s->db, "SELECT epoch, kiosk_id FROM identity ORDER BY epoch", -1,
                                &st, NULL);
    if (rc != SQLITE_OK) {
        e = err_from_sqlite(s->db, rc);
        goto out;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        StatsIdentity id;
        memset(&id, 0, sizeof id);
        id.epoch = sqlite3_column_int64(st, 0);
        snprintf(id.kiosk_id, sizeof id.kiosk_id, "%s", (const char *)sqlite3_column_text(st, 1));
        if (cb(ctx, &id)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    if (rc != SQLITE_DONE)
        e = err_from_sqlite(s->db, rc);
out:
    sqlite3_finalize(st);
    pthread_mutex_unlock(&s->db_lock);
    return e;
}

/* ---- meta -------------------------------------------------------------------------- */

Err stats_meta_get(Stats *s, const char *key, char *out, size_t outsz)
{
    if (!s || !key || !out || outsz == 0)
        return ERR_INVALID;
    out[0] = 0;
    pthread_mutex_lock(&s->db_lock);
    Err e = with_db(s);
    sqlite3_stmt *st = NULL;
    if (e != ERR_OK)
        goto out;
    int rc = sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = ?", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
    }
    if (rc == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(st, 0);
        if (strlen(v) >= outsz)
            e = ERR_TOOBIG;
        else
            snprintf(out, outsz, "%s", v);
    } else if (rc == SQLITE_DONE) {
        e = ERR_NOTFOUND;
    } else {
        e = err_from_sqlite(s->db, rc);
    }
out:
    sqlite3_finalize(st);
    pthread_mutex_unlock(&s->db_lock);
    return e;
}

Err stats_meta_set(Stats *s, const char *key, const char *value)
{
    if (!s || !key || !value || strlen(key) > 64 || strlen(value) > 1024)
        return ERR_INVALID;
    if (s->readonly_handle)
        return ERR_READONLY;
    pthread_mutex_lock(&s->db_lock);
    Err e = with_db(s);
    sqlite3_stmt *st = NULL;
    if (e != ERR_OK)
        goto out;
    int rc = sqlite3_prepare_v2(
        s->db, "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT DO UPDATE SET value = excluded.value",
        -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
    }
    if (rc != SQLITE_DONE)
        e = err_from_sqlite(s->db, rc);
out:
    sqlite3_finalize(st);
    pthread_mutex_unlock(&s->db_lock);
    return e;
}
