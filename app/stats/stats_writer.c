/* stats_writer.c: the two halves of the statistics queue. The UI thread
 * calls stats_record(), which only validates the event and copies it into
 * a bounded ring under a short mutex; the writer thread drains the ring,
 * folds events into per-day counter deltas in a bounded in-memory map, and
 * commits the map to SQLite in one transaction, retrying while the storage
 * fails. */
#include "stats/stats_internal.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"

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
    k->day = (int32_t)stats_floor_div(local, 86400);
    k->metric = (uint8_t)stats_metric_of(ev->kind, ev->ok);
    k->item = -1;
    if (keep & K_LANG)
        copy_padded(k->lang, ev->lang, sizeof k->lang);
    if (keep & K_MODULE)
        copy_padded(k->module, ev->module, sizeof k->module);
    if (keep & K_ITEM) {
        if (ev->kind == STAT_SESSION_START)
            k->item = (int32_t)((local - stats_floor_div(local, 86400) * 86400) / 3600);
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

/* Read, merge and write one row: the deltas d[0..n) share the key without
 * the item (items ascending). up and get are commit_map()'s statements.
 * Returns the SQLite result code (SQLITE_CORRUPT for a damaged items list:
 * reopening then moves the file aside). */
static int commit_row(Stats *s, sqlite3_stmt *up, sqlite3_stmt *get, int64_t epoch,
                      const Delta *const *d, int n)
{
    int64_t key[5] = {epoch, d[0]->day, 0, 0, 0};
    int rc = name_id(s, stats_metric_names[d[0]->metric], &key[2]);
    if (rc == SQLITE_OK)
        rc = name_id(s, d[0]->lang, &key[3]);
    if (rc == SQLITE_OK)
        rc = name_id(s, d[0]->module, &key[4]);
    if (rc != SQLITE_OK)
        return rc;
    for (int c = 0; c < 5; c++) {
        sqlite3_bind_int64(get, c + 1, key[c]);
        sqlite3_bind_int64(up, c + 1, key[c]);
    }
    int m = 0;
    rc = sqlite3_step(get);
    if (rc == SQLITE_ROW) {
        m = stats_items_decode(sqlite3_column_blob(get, 0), sqlite3_column_bytes(get, 0), s->cur);
        rc = m < 0 ? SQLITE_CORRUPT : SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    sqlite3_reset(get);
    if (rc != SQLITE_OK)
        return rc;
    int k = items_merge(s, m, d, n);
    sqlite3_bind_blob(up, 6, s->blob, stats_items_encode(s->merged, k, s->blob), SQLITE_STATIC);
    rc = sqlite3_step(up);
    sqlite3_reset(up);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Add every delta in the map to the database in one transaction: the
 * deltas are sorted so that each row (the key without the item) is read,
 * merged and written once. Called with db_lock held and s->db open. On
 * failure everything is rolled back (the map is kept for the retry) and
 * the error returned. */
static Err commit_map(Stats *s, int64_t epoch)
{
    int saved_names = s->n_names;
    sqlite3_stmt *up = NULL, *get = NULL;
    int n = 0;
    for (int i = 0; i < MAP_CAP; i++)
        if (s->map[i].used && s->map[i].delta > 0)
            s->order[n++] = &s->map[i];
    qsort(s->order, (size_t)n, sizeof *s->order, delta_cmp);
    int rc = stats_exec(s->db, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK)
        return stats_err_from_sqlite(s->db, rc);
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
        for (j = i + 1; j < n && delta_same_row(s->order[j], s->order[i]); j++)
            ;
        rc = commit_row(s, up, get, epoch, s->order + i, j - i);
    }
    sqlite3_finalize(up);
    sqlite3_finalize(get);
    if (rc == SQLITE_OK)
        rc = stats_exec(s->db, "COMMIT");
    if (rc != SQLITE_OK) {
        int keep = rc;
        if (!sqlite3_get_autocommit(s->db))
            stats_exec(s->db, "ROLLBACK");
        s->n_names = saved_names; /* interned names were rolled back too */
        rc = keep;
    }
    return stats_err_from_sqlite(s->db, rc);
}

/* ---- the writer thread ----------------------------------------------------------- */

void stats_set_state(Stats *s, Err e)
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
        if (!s->db && (e = stats_db_open(s)) != ERR_OK)
            break;
        if (s->map_used == 0)
            break;
        pthread_mutex_lock(&s->mu);
        int64_t epoch = s->ident.epoch;
        pthread_mutex_unlock(&s->mu);
        e = commit_map(s, epoch);
        if (e == ERR_OK || e == ERR_NOSPACE || e == ERR_BUSY)
            break;
        stats_db_close(s);
    }
    pthread_mutex_unlock(&s->db_lock);
    return e;
}

void stats_log_transition(Stats *s, Err e, int64_t saved)
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

/* The idle checkpoint is due (map empty, ckpt_at passed): truncate the WAL,
 * or try again after another quiet period. Called with mu held; drops it
 * for the checkpoint so the UI thread never waits on the disk. */
static void writer_idle_checkpoint(Stats *s, int64_t now)
{
    pthread_mutex_unlock(&s->mu);
    pthread_mutex_lock(&s->db_lock);
    if (s->db && stats_wal_clear(s->db) == SQLITE_OK)
        s->ckpt_at = 0;
    else
        s->ckpt_at = now + s->opt.idle_checkpoint_ms;
    pthread_mutex_unlock(&s->db_lock);
    pthread_mutex_lock(&s->mu);
}

/* Wait for work: events, a flush, a due retry, a due checkpoint (which is
 * done here). Called and returns with mu held. */
static void writer_wait_for_work(Stats *s)
{
    for (;;) {
        if (s->stop || s->flush_req)
            return;
        if (s->ring_count > 0 && s->map_used < MAP_HIGH)
            return;
        int64_t now = stats_mono_ms();
        if (s->map_used > 0 && (s->last_err == ERR_OK || now >= s->retry_at))
            return;
        int64_t until = INT64_MAX;
        if (s->map_used > 0)
            until = s->retry_at;
        else if (s->ckpt_at > 0) {
            if (now >= s->ckpt_at) {
                writer_idle_checkpoint(s, now);
                continue;
            }
            until = s->ckpt_at;
        }
        if (until == INT64_MAX) {
            pthread_cond_wait(&s->cv, &s->mu);
        } else {
            struct timespec ts;
            stats_deadline_ts(&ts, until);
            pthread_cond_timedwait(&s->cv, &s->mu, &ts);
        }
    }
}

/* Let a burst of events collect into one transaction: wait up to batch_ms
 * unless the ring is half full, or a stop or flush is asked. mu held. */
static void writer_gather(Stats *s)
{
    if (s->ring_count == 0 || s->stop || s->flush_req)
        return;
    int64_t until = stats_mono_ms() + s->opt.batch_ms;
    struct timespec ts;
    stats_deadline_ts(&ts, until);
    while (!s->stop && !s->flush_req && s->ring_count < s->ring_cap / 2 &&
           stats_mono_ms() < until)
        if (pthread_cond_timedwait(&s->cv, &s->mu, &ts) == ETIMEDOUT)
            break;
}

/* Drain the ring into the map in chunks, so the UI waits for a memcpy at
 * most: mu is dropped while a chunk is folded. Called and returns with mu
 * held; stops at MAP_HIGH so the map never fills. */
static void writer_drain(Stats *s)
{
    Slot chunk[DRAIN_CHUNK];
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
}

/* Log lost events: the first loss, then each doubling, so the log stays
 * readable. Writer thread, without mu. */
static void writer_log_dropped(Stats *s, int64_t dropped)
{
    if (dropped > 0 && (s->logged_dropped == 0 || dropped >= 2 * s->logged_dropped)) {
        log_error("stats: %lld events dropped in total: the in-memory queue was full",
                  (long long)dropped);
        s->logged_dropped = dropped;
    }
}

/* Publish a commit attempt's result e to stats_committed(), health and
 * waiting flushers, and schedule the retry or the checkpoint. mu held. */
static void writer_publish(Stats *s, Err e)
{
    if (e == ERR_OK && s->map_used > 0) {
        memset(s->map, 0, sizeof(Delta) * MAP_CAP);
        s->map_used = 0;
        s->map_events = 0;
        __atomic_store_n(&s->committed, s->map_seq, __ATOMIC_RELEASE);
        /* A visit just ended: its steps are the last frames in the
         * WAL, in order. Truncate it now (on this thread, after the
         * commit; the UI never waits), not after the quiet minute. */
        s->ckpt_at = stats_mono_ms() + (s->visit_ended ? 0 : s->opt.idle_checkpoint_ms);
        s->visit_ended = 0;
    }
    if (e != ERR_OK)
        s->retry_at = stats_mono_ms() + s->opt.retry_ms;
    stats_set_state(s, e);
    s->attempts++;
    pthread_cond_broadcast(&s->done_cv);
}

void *stats_writer_main(void *arg)
{
    Stats *s = arg;
    pthread_mutex_lock(&s->mu);
    for (;;) {
        writer_wait_for_work(s);
        writer_gather(s);
        uint64_t flush_seen = s->flush_req;
        int stopping = s->stop;
        writer_drain(s);
        int64_t dropped = s->dropped;
        pthread_mutex_unlock(&s->mu);

        writer_log_dropped(s, dropped);
        Err e = ERR_OK;
        int did_try = 0;
        int due = s->last_err == ERR_OK || stats_mono_ms() >= s->retry_at || flush_seen || stopping;
        if (due && (s->map_used > 0 || flush_seen || !s->db)) {
            e = writer_commit(s);
            did_try = 1;
        }

        if (did_try) /* before publishing, so a flusher that returns sees the log */
            stats_log_transition(s, e, s->map_events);
        pthread_mutex_lock(&s->mu);
        if (did_try)
            writer_publish(s, e);
        if (flush_seen && s->flush_req == flush_seen)
            s->flush_req = 0;
        if (stopping && (s->ring_count == 0 || e != ERR_OK))
            break;
    }
    pthread_mutex_unlock(&s->mu);
    return NULL;
}
