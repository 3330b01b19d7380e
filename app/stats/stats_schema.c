/* stats_schema.c: the database file of the statistics store: mapping
 * SQLite errors, the packed items format of a counter row, the schema and
 * its migrations, the kiosk identity, opening (with quick_check, moving a
 * damaged file aside) and clearing the WAL. Called by the writer thread
 * and by stats_open*() with db_lock held. */
#include "stats/stats_internal.h"

#include <errno.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/log.h"

/* ---- SQLite ------------------------------------------------------------------ */

Err stats_err_from_sqlite(sqlite3 *db, int rc)
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

int stats_exec(sqlite3 *db, const char *sql) { return sqlite3_exec(db, sql, NULL, NULL, NULL); }

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
int stats_items_decode(const void *blob, int n, ItemCount *out)
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
int stats_items_encode(const ItemCount *in, int n, unsigned char *out)
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
             stats_items_decode(sqlite3_value_blob(argv[0]), sqlite3_value_bytes(argv[0]), NULL) > 0;
    sqlite3_result_int(cx, ok);
}

/* Version 2 -> 3: one row per counter becomes one row per (epoch, day,
 * metric, lang, module) with the items packed. Every value moves over; a
 * row that cannot be expressed (negative value, item out of range) is
 * damage, and the open moves the file aside rather than drop it. */
static int migrate_v3(Stats *s, sqlite3 *db)
{
    sqlite3_stmt *rd = NULL, *wr = NULL;
    int rc = stats_exec(db, "CREATE TABLE counters_v3(epoch INTEGER NOT NULL, day INTEGER NOT NULL,"
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
            sqlite3_bind_blob(wr, 6, s->blob, stats_items_encode(s->cur, n, s->blob), SQLITE_STATIC);
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
        rc = stats_exec(db, "DROP TABLE counters; ALTER TABLE counters_v3 RENAME TO counters");
    return rc;
}

/* Schema migrations: migrations[v] takes a database from version v to v+1.
 * Version 1 was the first layout; version 2 added the identity lineage
 * (which kiosk a cloned database descends from); version 3 packs the
 * counters of one key that differ only by item into one row (size);
 * version 4 keeps the help contact lists in force (stats_contacts.c: which
 * service each qr_shown index meant, and when). Never edit a step: add one. */
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
    {"CREATE TABLE contact_lists(first_day INTEGER PRIMARY KEY, last_day INTEGER NOT NULL);"
     "CREATE TABLE contacts(first_day INTEGER NOT NULL, idx INTEGER NOT NULL, id TEXT NOT NULL,"
     " label TEXT NOT NULL, PRIMARY KEY(first_day, idx)) WITHOUT ROWID;", NULL},
};

int stats_user_version(sqlite3 *db, int *out)
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

/* quick_check and the connection's pragmas, before any transaction.
 * quick_check reads every page: a damaged file is found now, at a moment
 * when moving it aside is safe, not in the middle of a commit. */
static int db_check_and_tune(sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            const char *r = (const char *)sqlite3_column_text(st, 0);
            rc = (r && strcmp(r, "ok") == 0) ? SQLITE_OK : SQLITE_CORRUPT;
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return rc;
    rc = stats_exec(db, "PRAGMA journal_mode=WAL");
    if (rc == SQLITE_OK)
        rc = stats_exec(db, "PRAGMA synchronous=FULL; PRAGMA secure_delete=ON; "
                            "PRAGMA trusted_schema=OFF; PRAGMA foreign_keys=OFF");
    return rc;
}

/* Inside the open transaction: migrate to STATS_SCHEMA_VERSION, check the
 * packed items, load or start the identity. *newer is set (and an error
 * returned) for a file of a newer schema, which is left untouched. */
static int db_migrate_and_identify(Stats *s, sqlite3 *db, StatsIdentity *id, int *newer)
{
    sqlite3_stmt *st = NULL;
    int v = 0;
    int rc = stats_user_version(db, &v);
    if (rc != SQLITE_OK)
        return rc;
    if (v > STATS_SCHEMA_VERSION) {
        *newer = 1;
        return SQLITE_ERROR;
    }
    for (; v < STATS_SCHEMA_VERSION; v++) {
        rc = migrations[v].sql ? stats_exec(db, migrations[v].sql) : migrations[v].fn(s, db);
        if (rc != SQLITE_OK)
            return rc;
        char sql[48];
        snprintf(sql, sizeof sql, "PRAGMA user_version=%d", v + 1);
        rc = stats_exec(db, sql);
        if (rc != SQLITE_OK)
            return rc;
    }
    /* Packed items are our own format, which quick_check cannot vouch for;
     * a damaged list would fail every later commit, so it is found here. */
    rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM counters WHERE NOT taama_items_ok(items)",
                            -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        rc = sqlite3_column_int64(st, 0) == 0 ? SQLITE_OK : SQLITE_CORRUPT;
    sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return rc;
    return load_identity(s, db, id);
}

/* Check, migrate and identify an open read-write database. Returns the
 * SQLite result code; *why says what it means (ERR_FORMAT for a file of a
 * newer schema, rolled back untouched). */
static int prepare_db(Stats *s, sqlite3 *db, StatsIdentity *id, Err *why)
{
    *why = ERR_OK;
    if (sqlite3_db_readonly(db, "main") == 1) {
        *why = ERR_READONLY;
        return SQLITE_READONLY;
    }
    int rc = db_check_and_tune(db);
    if (rc == SQLITE_OK)
        rc = stats_exec(db, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK) {
        *why = stats_err_from_sqlite(db, rc);
        return rc;
    }
    int newer = 0;
    rc = db_migrate_and_identify(s, db, id, &newer);
    if (rc == SQLITE_OK)
        rc = stats_exec(db, "COMMIT");
    if (rc != SQLITE_OK) {
        /* the error first: rolling back may change the errno behind it */
        *why = newer ? ERR_FORMAT : stats_err_from_sqlite(db, rc);
        stats_exec(db, "ROLLBACK");
    }
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
int stats_wal_clear(sqlite3 *db)
{
    int rc = sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    if (rc == SQLITE_OK) {
        char sql[48];
        snprintf(sql, sizeof sql, "PRAGMA user_version=%d", STATS_SCHEMA_VERSION);
        rc = stats_exec(db, sql);
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
Err stats_db_open(Stats *s)
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
            why = stats_err_from_sqlite(db, rc);
        }
        if (rc == SQLITE_OK) {
            if (stats_wal_clear(db) != SQLITE_OK)
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

void stats_db_close(Stats *s)
{
    if (s->db) {
        sqlite3_close_v2(s->db);
        s->db = NULL;
    }
}
