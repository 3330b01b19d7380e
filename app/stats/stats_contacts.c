/* stats_contacts.c: the help contact lists that were in force on the
 * kiosk, and the days each covered, so an export can say which service
 * "qr_shown item 2" meant on a given day (the index is a position in the
 * kiosk's contacts.yaml, which differs per site and changes with a content
 * pack). Content, not visitor data: ids and names from contacts.yaml.
 *
 * Tables (schema 4, stats_schema.c): contact_lists(first_day, last_day) and
 * contacts(first_day, idx, id, label); days are day numbers (days since
 * 1970-01-01, local to the kiosk, as the counters use). Writes take
 * db_lock like the meta store: they are rare (start-up, a content install)
 * and small. */
#include "stats/stats_internal.h"

#include <stdio.h>
#include <string.h>

/* label cut to at most STATS_CONTACT_LABEL_MAX bytes, never inside a UTF-8
 * sequence (continuation bytes are 10xxxxxx). */
static size_t label_len(const char *label)
{
    size_t n = strlen(label);
    if (n <= STATS_CONTACT_LABEL_MAX)
        return n;
    n = STATS_CONTACT_LABEL_MAX;
    while (n > 0 && ((unsigned char)label[n] & 0xC0) == 0x80)
        n--;
    return n;
}

/* Whether the list stored under first_day is list (same ids and labels in
 * the same order). 1 same, 0 different, -1 SQLite error (*rc). */
static int same_list(sqlite3 *db, int64_t first_day, const StatsContact *list, int n, int *rc)
{
    sqlite3_stmt *st = NULL;
    *rc = sqlite3_prepare_v2(db, "SELECT idx, id, label FROM contacts WHERE first_day=?1 ORDER BY idx", -1, &st,
                             NULL);
    if (*rc != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(st, 1, first_day);
    int i = 0, same = 1;
    while (same && (*rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(st, 1);
        const char *label = (const char *)sqlite3_column_text(st, 2);
        size_t ll = i < n ? label_len(list[i].label) : 0;
        same = i < n && sqlite3_column_int(st, 0) == i && strcmp(id, list[i].id) == 0 &&
               strlen(label) == ll && memcmp(label, list[i].label, ll) == 0;
        i++;
    }
    if (*rc == SQLITE_ROW || *rc == SQLITE_DONE)
        *rc = SQLITE_OK;
    sqlite3_finalize(st);
    if (*rc != SQLITE_OK)
        return -1;
    return same && i == n;
}

/* Insert list as the one starting on day (after removing a list that
 * started the same day), then drop the oldest lists over the bound. */
static int insert_list(sqlite3 *db, int64_t day, const StatsContact *list, int n)
{
    sqlite3_stmt *st = NULL;
    char sql[400];
    snprintf(sql, sizeof sql,
             "DELETE FROM contacts WHERE first_day=%lld; DELETE FROM contact_lists WHERE first_day=%lld;"
             "INSERT INTO contact_lists VALUES(%lld, %lld)",
             (long long)day, (long long)day, (long long)day, (long long)day);
    int rc = stats_exec(db, sql);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "INSERT INTO contacts VALUES(?1, ?2, ?3, ?4)", -1, &st, NULL);
    for (int i = 0; rc == SQLITE_OK && i < n; i++) {
        sqlite3_bind_int64(st, 1, day);
        sqlite3_bind_int(st, 2, i);
        sqlite3_bind_text(st, 3, list[i].id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, list[i].label, (int)label_len(list[i].label), SQLITE_STATIC);
        rc = sqlite3_step(st);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_OK) {
        snprintf(sql, sizeof sql,
                 "DELETE FROM contact_lists WHERE first_day NOT IN (SELECT first_day FROM contact_lists"
                 " ORDER BY first_day DESC LIMIT %d);"
                 "DELETE FROM contacts WHERE first_day NOT IN (SELECT first_day FROM contact_lists)",
                 STATS_CONTACT_LISTS_MAX);
        rc = stats_exec(db, sql);
    }
    return rc;
}

/* In one transaction: extend the newest list, or close it and start list. */
static int note_locked(sqlite3 *db, int64_t day, const StatsContact *list, int n)
{
    sqlite3_stmt *st = NULL;
    int64_t newest = 0;
    int have = 0;
    int rc = stats_exec(db, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_prepare_v2(db, "SELECT max(first_day) FROM contact_lists", -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        have = sqlite3_column_type(st, 0) != SQLITE_NULL;
        newest = sqlite3_column_int64(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    int same = 0;
    if (rc == SQLITE_OK && have)
        same = same_list(db, newest, list, n, &rc);
    char sql[128];
    if (rc == SQLITE_OK && have) {
        /* the newest list was in force up to today either way; a clock set
         * back never shortens what was recorded */
        snprintf(sql, sizeof sql, "UPDATE contact_lists SET last_day=max(last_day, %lld) WHERE first_day=%lld",
                 (long long)day, (long long)newest);
        rc = stats_exec(db, sql);
    }
    /* A clock set back before the newest list began: the new list starts
     * where the newest began, so lists never overlap in the wrong order. */
    if (rc == SQLITE_OK && !same)
        rc = insert_list(db, have && day < newest ? newest : day, list, n);
    rc = rc == SQLITE_OK ? stats_exec(db, "COMMIT") : rc;
    if (rc != SQLITE_OK)
        (void)stats_exec(db, "ROLLBACK");
    return rc;
}

Err stats_contacts_note(Stats *s, int64_t t, const StatsContact *list, int n)
{
    if (!s || n < 0 || (n > 0 && !list))
        return ERR_INVALID;
    if (n > STATS_CONTACTS_MAX)
        n = STATS_CONTACTS_MAX;
    for (int i = 0; i < n; i++)
        if (!list[i].id || !*list[i].id || strlen(list[i].id) > STATS_CONTACT_ID_MAX || !list[i].label)
            return ERR_INVALID;
    if (s->readonly_handle)
        return ERR_READONLY;
    int64_t day = stats_floor_div(t + s->opt.utc_offset(s->opt.clock_ctx, t), 86400);
    pthread_mutex_lock(&s->db_lock);
    Err e = stats_with_db(s);
    if (e == ERR_OK) {
        int rc = note_locked(s->db, day, list, n);
        if (rc != SQLITE_OK)
            e = stats_err_from_sqlite(s->db, rc);
    }
    pthread_mutex_unlock(&s->db_lock);
    return e;
}

Err stats_contacts_foreach(Stats *s,
                           int (*cb)(void *ctx, const char *first_day, const char *last_day, int idx,
                                     const char *id, const char *label),
                           void *ctx)
{
    if (!s || !cb)
        return ERR_INVALID;
    pthread_mutex_lock(&s->db_lock);
    Err e = stats_with_db(s);
    sqlite3_stmt *st = NULL;
    if (e != ERR_OK || s->schema < 4)
        goto out;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT l.first_day, l.last_day, c.idx, c.id, c.label FROM contact_lists l"
                                " LEFT JOIN contacts c ON c.first_day = l.first_day ORDER BY l.first_day, c.idx",
                                -1, &st, NULL);
    while (rc == SQLITE_OK || rc == SQLITE_ROW) {
        if ((rc = sqlite3_step(st)) != SQLITE_ROW)
            break;
        char first[11], last[11];
        stats_day_format(sqlite3_column_int64(st, 0), first);
        stats_day_format(sqlite3_column_int64(st, 1), last);
        int empty = sqlite3_column_type(st, 2) == SQLITE_NULL;
        if (cb(ctx, first, last, empty ? -1 : sqlite3_column_int(st, 2),
               empty ? NULL : (const char *)sqlite3_column_text(st, 3),
               empty ? NULL : (const char *)sqlite3_column_text(st, 4))) {
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
