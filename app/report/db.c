/* db.c: the campaign database: schema (versioned with user_version),
 * migration of older databases, interned names and the per-day sums.
 *
 * Schema 2 keeps 17.5 M counters small and fast: kiosk ids and names
 * (metric, language, module) are interned into integers, days are
 * YYYYMMDD integers, and `counts` is a WITHOUT ROWID table whose key
 * (metric, kid, epoch, day, lang, module, item) is both the merge's upsert
 * key and the range the reports and the sums read per metric. `day_sums`
 * holds, per (metric, kiosk, day), the total and the totals by language,
 * by module and by item, summed over epochs: the HTML report reads only
 * that. A view named `counters` shows the old text columns for people and
 * scripts that query the database directly. */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/vec.h"

enum { SCHEMA_VERSION = 5 };

#define KIOSKS_SQL(name)                                                                                  \
    "CREATE TABLE " name "(kid INTEGER PRIMARY KEY, kiosk_id TEXT NOT NULL UNIQUE, pubkey TEXT NOT NULL,"   \
    " label TEXT NOT NULL DEFAULT '');"
/* Schema 3: how each kiosk's key came to be trusted, and the quarantine:
 * exports that verified but are not counted because their kiosk id is
 * disputed (two keys, or two kiosks sharing a key) or not enrolled. Each
 * keeps its checked counters as CSV, so the manager's decision (enroll,
 * accept, forget) needs no stick. */
#define V3_SQL                                                                                            \
    "ALTER TABLE kiosks ADD COLUMN trust TEXT NOT NULL DEFAULT 'first-use';"                              \
    "CREATE TABLE quarantine(qid INTEGER PRIMARY KEY, kiosk_id TEXT NOT NULL, pubkey TEXT NOT NULL,"       \
    " epoch INTEGER NOT NULL, seq INTEGER NOT NULL, manifest_sha256 TEXT NOT NULL UNIQUE,"                 \
    " rows INTEGER NOT NULL, day_first TEXT NOT NULL, day_last TEXT NOT NULL, created INTEGER NOT NULL,"  \
    " encrypted INTEGER NOT NULL, label TEXT NOT NULL, reason TEXT NOT NULL, counters BLOB);"            \
    "CREATE INDEX quarantine_kiosk ON quarantine(kiosk_id, pubkey, epoch, seq);"
#define NAMES_SQL "CREATE TABLE names(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
#define COUNTS_SQL                                                                                        \
    "CREATE TABLE counts(metric INTEGER NOT NULL, kid INTEGER NOT NULL, epoch INTEGER NOT NULL,"           \
    " day INTEGER NOT NULL, lang INTEGER NOT NULL, module INTEGER NOT NULL, item INTEGER NOT NULL,"        \
    " value INTEGER NOT NULL, PRIMARY KEY(metric, kid, epoch, day, lang, module, item)) WITHOUT ROWID;"
/* dim: 0 total (key 0), 1 by language, 2 by module (key: name id), 3 by item */
#define DAY_SUMS_SQL                                                                                      \
    "CREATE TABLE day_sums(metric INTEGER NOT NULL, dim INTEGER NOT NULL, key INTEGER NOT NULL,"          \
    " kid INTEGER NOT NULL, day INTEGER NOT NULL, value INTEGER NOT NULL,"                                 \
    " PRIMARY KEY(metric, dim, key, kid, day)) WITHOUT ROWID;"
#define COUNTERS_VIEW_SQL                                                                                 \
    "CREATE VIEW counters AS SELECT k.kiosk_id AS kiosk_id, c.epoch AS epoch,"                             \
    " printf('%04d-%02d-%02d', c.day / 10000, c.day / 100 % 100, c.day % 100) AS day,"                     \
    " m.name AS metric, l.name AS lang, d.name AS module, c.item AS item, c.value AS value"                \
    " FROM counts c JOIN kiosks k ON k.kid = c.kid JOIN names m ON m.id = c.metric"                        \
    " JOIN names l ON l.id = c.lang JOIN names d ON d.id = c.module;"

/* Schema 4 adds fleet health: one row per counted export that carried
 * health.json, its checked fields and its bytes (json: they go back to the
 * quarantine with the counters when the kiosk's id is disputed); a
 * quarantined export keeps its health.json in quarantine.health. */
#define HEALTH_SQL                                                                                        \
    "CREATE TABLE health(kiosk_id TEXT NOT NULL, epoch INTEGER NOT NULL, seq INTEGER NOT NULL,"            \
    " created INTEGER NOT NULL, build_version TEXT NOT NULL, content_version INTEGER NOT NULL,"            \
    " uptime_s INTEGER NOT NULL, starts INTEGER NOT NULL, crashes INTEGER NOT NULL,"                       \
    " watchdog_resets INTEGER NOT NULL, warnings INTEGER NOT NULL, disk_free_mb INTEGER NOT NULL,"         \
    " last_touch TEXT NOT NULL, touch_test TEXT NOT NULL, sound_test TEXT NOT NULL,"                       \
    " clock_status TEXT NOT NULL, clock_kiosk_time INTEGER NOT NULL, clock_system_time INTEGER NOT NULL,"  \
    " clock_offset_s INTEGER NOT NULL, clock_problems INTEGER NOT NULL, clock_held_events INTEGER NOT NULL," \
    " clock_held_days TEXT NOT NULL, clock_corrections INTEGER NOT NULL, clock_max_back_s INTEGER NOT NULL," \
    " clock_last_set TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY(kiosk_id, epoch, seq));"           \
    "ALTER TABLE quarantine ADD COLUMN health TEXT;"

/* Schema 5 adds the help contact lists each kiosk sent (contacts.json,
 * report/contacts.c): which service each qr_shown index meant, and on which
 * days. Stored with counted exports only, like health. */
#define CONTACTS_SQL                                                                                      \
    "CREATE TABLE contacts(kiosk_id TEXT NOT NULL, first_day INTEGER NOT NULL, last_day INTEGER NOT NULL,"  \
    " idx INTEGER NOT NULL, contact_id TEXT NOT NULL, label TEXT NOT NULL,"                                \
    " PRIMARY KEY(kiosk_id, first_day, idx)) WITHOUT ROWID;"

static const char *const schema_v2 =
    KIOSKS_SQL("kiosks")
    "CREATE TABLE exports(kiosk_id TEXT NOT NULL REFERENCES kiosks(kiosk_id),"
    " epoch INTEGER NOT NULL, seq INTEGER NOT NULL, manifest_sha256 TEXT NOT NULL,"
    " rows INTEGER NOT NULL, day_first TEXT, day_last TEXT, created INTEGER, encrypted INTEGER,"
    " PRIMARY KEY(kiosk_id, epoch, seq));"
    NAMES_SQL COUNTS_SQL DAY_SUMS_SQL COUNTERS_VIEW_SQL V3_SQL HEALTH_SQL CONTACTS_SQL;

/* Schema 2, 3 and 4 -> 5: each step's additions, in order, in one
 * transaction (a schema 2 database gets the quarantine, health, then the
 * contact lists). */
static const char *const migrate_v2 = V3_SQL HEALTH_SQL CONTACTS_SQL;
static const char *const migrate_v3 = HEALTH_SQL CONTACTS_SQL;
static const char *const migrate_v4 = CONTACTS_SQL;

/* Schema 1 (text keys) -> 5, in the caller's transaction. exports keeps
 * its layout; kiosks gains an integer id. */
static const char *const migrate_v1 =
    KIOSKS_SQL("kiosks2")
    "INSERT INTO kiosks2(kiosk_id, pubkey, label) SELECT kiosk_id, pubkey, label FROM kiosks ORDER BY kiosk_id;"
    "INSERT INTO kiosks2(kiosk_id, pubkey, label) SELECT DISTINCT kiosk_id, '', '' FROM counters"
    " WHERE kiosk_id NOT IN (SELECT kiosk_id FROM kiosks2);"
    NAMES_SQL
    "INSERT OR IGNORE INTO names(name) SELECT metric FROM counters UNION SELECT lang FROM counters"
    " UNION SELECT module FROM counters;"
    COUNTS_SQL
    "INSERT INTO counts SELECT m.id, k.kid, c.epoch, CAST(replace(c.day, '-', '') AS INTEGER), l.id, d.id,"
    " c.item, c.value FROM counters c JOIN kiosks2 k ON k.kiosk_id = c.kiosk_id JOIN names m ON m.name = c.metric"
    " JOIN names l ON l.name = c.lang JOIN names d ON d.name = c.module ORDER BY 1, 2, 3, 4, 5, 6, 7;"
    "DROP INDEX IF EXISTS counters_metric;"
    "DROP TABLE counters;"
    "DROP TABLE kiosks;"
    "ALTER TABLE kiosks2 RENAME TO kiosks;"
    DAY_SUMS_SQL COUNTERS_VIEW_SQL V3_SQL HEALTH_SQL CONTACTS_SQL;

/* Every per-day sum, recomputed from counts (every epoch). The SELECT
 * needs its WHERE for the upsert syntax. */
#define SUMS_SELECT(extra_where)                                                                          \
    "INSERT INTO day_sums(metric, dim, key, kid, day, value)"                                              \
    " SELECT metric, 0, 0, kid, day, SUM(value) FROM counts WHERE " extra_where " GROUP BY metric, kid, day" \
    " UNION ALL SELECT metric, 1, lang, kid, day, SUM(value) FROM counts WHERE " extra_where                 \
    " GROUP BY metric, lang, kid, day"                                                                    \
    " UNION ALL SELECT metric, 2, module, kid, day, SUM(value) FROM counts WHERE " extra_where               \
    " GROUP BY metric, module, kid, day"                                                                  \
    " UNION ALL SELECT metric, 3, item, kid, day, SUM(value) FROM counts WHERE " extra_where                 \
    " GROUP BY metric, item, kid, day"                                                                    \
    " ON CONFLICT DO UPDATE SET value = excluded.value"

static const char *const sums_all_sql = "DELETE FROM day_sums;" SUMS_SELECT("1");

static int user_version(sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    int v = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

static int table_kind(sqlite3 *db, const char *name, char *type, size_t sz)
{
    sqlite3_stmt *st = NULL;
    int found = 0;
    if (sqlite3_prepare_v2(db, "SELECT type FROM sqlite_schema WHERE name=?1", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) {
            found = 1;
            snprintf(type, sz, "%s", (const char *)sqlite3_column_text(st, 0));
        }
    }
    sqlite3_finalize(st);
    return found;
}

static Err exec_tx(sqlite3 *db, const char *sql, int version)
{
    char set[64];
    snprintf(set, sizeof set, "PRAGMA user_version=%d", version);
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return ERR_BUSY;
    int ok = sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
    if (ok && version == SCHEMA_VERSION && strstr(sql, "day_sums("))
        ok = sqlite3_exec(db, sums_all_sql, NULL, NULL, NULL) == SQLITE_OK;
    if (ok)
        ok = sqlite3_exec(db, set, NULL, NULL, NULL) == SQLITE_OK;
    if (ok) {
        /* The migration copies and renames tables: check the references
         * before committing (foreign keys are off while it runs). */
        sqlite3_stmt *st = NULL;
        ok = sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &st, NULL) == SQLITE_OK &&
             sqlite3_step(st) == SQLITE_DONE;
        sqlite3_finalize(st);
    }
    if (ok)
        ok = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
    if (!ok) {
        log_error("campaign database schema %d: %s", version, sqlite3_errmsg(db));
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return ERR_DB;
    }
    return ERR_OK;
}

Err report_db_schema(sqlite3 *db)
{
    int v = user_version(db);
    if (v < 0)
        return ERR_CORRUPT;
    char type[16] = "";
    /* user_version alone does not say whose database this is (a kiosk's
     * statistics database has its own numbers, which overlap ours): look
     * for the tables each version has. */
    int ours = table_kind(db, "day_sums", type, sizeof type);
    if (v == SCHEMA_VERSION) {
        if (ours && table_kind(db, "quarantine", type, sizeof type) && table_kind(db, "health", type, sizeof type) &&
            table_kind(db, "contacts", type, sizeof type))
            return ERR_OK;
        log_error("not a campaign database (a kiosk's own statistics?)");
        return ERR_CORRUPT;
    }
    if ((v == 2 && (!ours || !table_kind(db, "counts", type, sizeof type) || !table_kind(db, "kiosks", type, sizeof type))) ||
        (v == 3 && (!ours || !table_kind(db, "quarantine", type, sizeof type) ||
                    table_kind(db, "health", type, sizeof type))) ||
        (v == 4 && (!ours || !table_kind(db, "health", type, sizeof type) ||
                    table_kind(db, "contacts", type, sizeof type))) ||
        (v > SCHEMA_VERSION && !ours)) {
        log_error("not a campaign database (a kiosk's own statistics?)");
        return ERR_CORRUPT;
    }
    if (v > SCHEMA_VERSION) {
        log_error("campaign database has schema %d; this taama-report knows up to %d", v, SCHEMA_VERSION);
        return ERR_ROLLBACK;
    }
    if (v >= 2 && v <= 4) {
        static const char *const what[] = {" (quarantine, fleet health, contact lists)",
                                           " (fleet health, contact lists)", " (contact lists)"};
        static const char *const *const sql[] = {&migrate_v2, &migrate_v3, &migrate_v4};
        log_info("campaign database: migrating schema %d to %d%s", v, SCHEMA_VERSION, what[v - 2]);
        return exec_tx(db, *sql[v - 2], SCHEMA_VERSION);
    }
    /* Version 0: a new file, or schema 1 (which did not set user_version). */
    Err e;
    sqlite3_exec(db, "PRAGMA foreign_keys=OFF", NULL, NULL, NULL);
    char t2[16] = "", t3[16] = "";
    if (table_kind(db, "counters", type, sizeof type) && strcmp(type, "table") == 0 &&
        table_kind(db, "kiosks", t2, sizeof t2) && table_kind(db, "exports", t3, sizeof t3)) {
        log_info("campaign database: migrating schema 1 to %d", SCHEMA_VERSION);
        e = exec_tx(db, migrate_v1, SCHEMA_VERSION);
    } else if (table_kind(db, "counters", type, sizeof type) || table_kind(db, "kiosks", type, sizeof type)) {
        log_error("not a campaign database (a kiosk's own statistics?)");
        e = ERR_CORRUPT; /* tables, but not ones we know */
    } else {
        e = exec_tx(db, schema_v2, SCHEMA_VERSION);
    }
    sqlite3_exec(db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
    return e;
}

typedef struct {
    int64_t key, value;
    int32_t dim, day;
} SumCell;

static int sumcell_cmp(const void *a, const void *b)
{
    const SumCell *x = a, *y = b;
    if (x->dim != y->dim)
        return x->dim < y->dim ? -1 : 1;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->day > y->day) - (x->day < y->day);
}

/* The same sums as sums_all_sql, for one (metric, kiosk, day range),
 * written over whatever was there. Counters never shrink or disappear, so
 * the recomputed keys cover every stored one and an upsert is exact. Added
 * up here: one range read of the counters instead of four grouped scans.
 * The rebuild stays in SQL, so tests check one against the other. */
Err report_db_sums_update(sqlite3 *db, int64_t metric, int64_t kid, int32_t day_first, int32_t day_last)
{
    sqlite3_stmt *rd = NULL, *wr = NULL;
    SumCell *c = NULL;
    size_t n = 0, cap = 0;
    Err e = ERR_DB;
    if (sqlite3_prepare_v2(db,
                           "SELECT day, lang, module, item, value FROM counts"
                           " WHERE metric=?1 AND kid=?2 AND day BETWEEN ?3 AND ?4",
                           -1, &rd, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db,
                           "INSERT INTO day_sums(metric, dim, key, kid, day, value) VALUES(?1,?2,?3,?4,?5,?6)"
                           " ON CONFLICT DO UPDATE SET value=excluded.value WHERE value<>excluded.value",
                           -1, &wr, NULL) != SQLITE_OK)
        goto out;
    sqlite3_bind_int64(rd, 1, metric);
    sqlite3_bind_int64(rd, 2, kid);
    sqlite3_bind_int(rd, 3, day_first);
    sqlite3_bind_int(rd, 4, day_last);
    int rc;
    while ((rc = sqlite3_step(rd)) == SQLITE_ROW) {
        if (VEC_RESERVE(c, cap, n + 4) != ERR_OK) {
            e = ERR_NOMEM;
            goto out;
        }
        int32_t day = (int32_t)sqlite3_column_int(rd, 0);
        int64_t v = sqlite3_column_int64(rd, 4);
        c[n++] = (SumCell){0, v, 0, day};
        for (int d = 1; d <= 3; d++)
            c[n++] = (SumCell){sqlite3_column_int64(rd, d), v, d, day};
    }
    if (rc != SQLITE_DONE)
        goto out;
    qsort(c, n, sizeof *c, sumcell_cmp);
    sqlite3_bind_int64(wr, 1, metric);
    sqlite3_bind_int64(wr, 4, kid);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        int64_t sum = c[i].value;
        /* Checked: a sum that does not fit is an error, never a negative
         * total (merge bounds each value; an old database may not). */
        while (j < n && sumcell_cmp(&c[i], &c[j]) == 0)
            if (__builtin_add_overflow(sum, c[j++].value, &sum)) {
                log_error("campaign database: per-day sum overflows (metric %lld)", (long long)metric);
                e = ERR_TOOBIG;
                goto out;
            }
        sqlite3_bind_int(wr, 2, c[i].dim);
        sqlite3_bind_int64(wr, 3, c[i].key);
        sqlite3_bind_int(wr, 5, c[i].day);
        sqlite3_bind_int64(wr, 6, sum);
        if (sqlite3_step(wr) != SQLITE_DONE)
            goto out;
        sqlite3_reset(wr);
        i = j;
    }
    e = ERR_OK;
out:
    sqlite3_finalize(rd);
    sqlite3_finalize(wr);
    free(c);
    return e;
}

Err report_db_sums_rebuild(sqlite3 *db)
{
    /* SQLite's SUM() stops with "integer overflow" rather than wrapping. */
    return sqlite3_exec(db, sums_all_sql, NULL, NULL, NULL) == SQLITE_OK ? ERR_OK : ERR_DB;
}

int32_t report_day_int(const char *day)
{
    return (int32_t)(atoi(day) * 10000 + atoi(day + 5) * 100 + atoi(day + 8));
}

void report_day_str(int32_t d, char out[11])
{
    unsigned u = (unsigned)d;
    snprintf(out, 11, "%04u-%02u-%02u", u / 10000 % 10000, u / 100 % 100, u % 100);
}

/* ---- names ---- */

static uint32_t name_hash(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a: a table index, not security */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static void slot_put(ReportNames *n, const char *s, int64_t id)
{
    size_t mask = n->nslot - 1;
    for (size_t i = name_hash(s) & mask;; i = (i + 1) & mask)
        if (!n->slot[i]) {
            n->slot[i] = (int32_t)id + 1;
            return;
        }
}

/* Keep the table at most half full, growing it (and rehashing) as names
 * are added: every lookup stays O(1), whatever the number of names. */
static Err slots_reserve(ReportNames *n, size_t names)
{
    if (n->nslot && names * 2 <= n->nslot)
        return ERR_OK;
    size_t ns = n->nslot ? n->nslot : 1024;
    while (names * 2 > ns)
        ns *= 2;
    int32_t *sl = calloc(ns, sizeof *sl);
    if (!sl)
        return ERR_NOMEM;
    free(n->slot);
    n->slot = sl;
    n->nslot = ns;
    for (size_t i = 0; i < n->n; i++)
        if (n->name[i])
            slot_put(n, n->name[i], (int64_t)i);
    return ERR_OK;
}

/* Room in n->name for index id; the new slots are NULL (ids come from the
 * database and may skip). ERR_NOMEM leaves n as it was. */
static Err names_room(ReportNames *n, size_t id)
{
    size_t old = n->cap;
    if (id < old)
        return ERR_OK;
    if (VEC_RESERVE(n->name, n->cap, id + 1) != ERR_OK)
        return ERR_NOMEM;
    memset(n->name + old, 0, (n->cap - old) * sizeof *n->name);
    return ERR_OK;
}

Err report_names_load(sqlite3 *db, ReportNames *n)
{
    report_names_clear(n);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT id, name FROM names ORDER BY id", -1, &st, NULL) != SQLITE_OK)
        return ERR_DB;
    Err e = ERR_OK;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        const char *s = (const char *)sqlite3_column_text(st, 1);
        if (id < 0 || id > 1000000) {
            e = ERR_CORRUPT;
            break;
        }
        if ((e = names_room(n, (size_t)id)) != ERR_OK)
            break;
        /* Room first (a rehash puts in the names already there), then the
         * new name, put in once. */
        if ((e = slots_reserve(n, (size_t)id + 1 > n->n ? (size_t)id + 1 : n->n)) != ERR_OK)
            break;
        free(n->name[id]);
        if (!(n->name[id] = strdup(s ? s : ""))) {
            e = ERR_NOMEM;
            break;
        }
        if ((size_t)id >= n->n)
            n->n = (size_t)id + 1;
        slot_put(n, n->name[id], id);
    }
    sqlite3_finalize(st);
    if (!e && rc != SQLITE_DONE)
        e = ERR_DB;
    return e;
}

void report_names_clear(ReportNames *n)
{
    for (size_t i = 0; i < n->cap; i++)
        free(n->name[i]);
    free(n->name);
    free(n->slot);
    memset(n, 0, sizeof *n);
}

int64_t report_names_find(const ReportNames *n, const char *s)
{
    if (!n->nslot)
        return -1;
    size_t mask = n->nslot - 1;
    for (size_t i = name_hash(s) & mask; n->slot[i]; i = (i + 1) & mask) {
        size_t id = (size_t)n->slot[i] - 1;
        if (id < n->n && n->name[id] && strcmp(n->name[id], s) == 0)
            return (int64_t)id;
    }
    return -1;
}

const char *report_names_of(const ReportNames *n, int64_t id)
{
    return id >= 0 && (size_t)id < n->n && n->name[id] ? n->name[id] : "";
}

Err report_names_intern(sqlite3 *db, ReportNames *n, const char *s, int64_t *id)
{
    int64_t f = report_names_find(n, s);
    if (f >= 0) {
        *id = f;
        return ERR_OK;
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO names(name) VALUES(?1)", -1, &st, NULL) != SQLITE_OK)
        return ERR_DB;
    sqlite3_bind_text(st, 1, s, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return ERR_DB;
    int64_t nid = sqlite3_last_insert_rowid(db);
    if (nid < 0 || nid > 1000000)
        return ERR_CORRUPT;
    Err e = names_room(n, (size_t)nid);
    if (e)
        return e;
    e = slots_reserve(n, (size_t)nid + 1 > n->n ? (size_t)nid + 1 : n->n);
    if (e)
        return e;
    if (!(n->name[nid] = strdup(s)))
        return ERR_NOMEM;
    if ((size_t)nid >= n->n)
        n->n = (size_t)nid + 1;
    slot_put(n, s, nid);
    *id = nid;
    return ERR_OK;
}
