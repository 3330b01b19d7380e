/* stats_query.c: reading the statistics store: counter rows per
 * identity, the identities, and the small meta key-value store. Every call
 * takes db_lock, so it sees committed data only and never a commit half
 * done; a writer whose database is down answers with its storage error. */
#include "stats/stats_internal.h"

#include <stdio.h>
#include <string.h>

Err stats_with_db(Stats *s)
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
    Err e = stats_with_db(s);
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
        e = stats_err_from_sqlite(s->db, rc);
        goto out;
    }
    sqlite3_bind_int64(st, 1, who->epoch);
    sqlite3_bind_text(st, 2, who->kiosk_id, -1, SQLITE_STATIC);
    int stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        StatRow r;
        memset(&r, 0, sizeof r);
        stats_day_format(sqlite3_column_int64(st, 0), r.day);
        snprintf(r.metric, sizeof r.metric, "%s", (const char *)sqlite3_column_text(st, 1));
        snprintf(r.lang, sizeof r.lang, "%s", (const char *)sqlite3_column_text(st, 2));
        snprintf(r.module, sizeof r.module, "%s", (const char *)sqlite3_column_text(st, 3));
        int m = 1;
        if (packed) {
            m = stats_items_decode(sqlite3_column_blob(st, 4), sqlite3_column_bytes(st, 4), s->cur);
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
        e = stats_err_from_sqlite(s->db, rc);
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
    Err e = stats_with_db(s);
    sqlite3_stmt *st = NULL;
    if (e != ERR_OK)
        goto out;
    int rc = sqlite3_prepare_v2(s->db, "SELECT epoch, kiosk_id FROM identity ORDER BY epoch", -1,
                                &st, NULL);
    if (rc != SQLITE_OK) {
        e = stats_err_from_sqlite(s->db, rc);
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
        e = stats_err_from_sqlite(s->db, rc);
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
    Err e = stats_with_db(s);
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
        e = stats_err_from_sqlite(s->db, rc);
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
    Err e = stats_with_db(s);
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
        e = stats_err_from_sqlite(s->db, rc);
out:
    sqlite3_finalize(st);
    pthread_mutex_unlock(&s->db_lock);
    return e;
}
