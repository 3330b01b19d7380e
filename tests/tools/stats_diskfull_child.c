/* stats_diskfull_child.c: the kiosk side of tests/sh/stats_diskfull.sh.
 *
 * Runs against DIR, the root of a tiny tmpfs the script mounted: a real
 * file system that really fills up, where the unit tests can only inject
 * ENOSPC through a fault VFS. Records events into DIR/data, fills the file
 * system with a filler file, keeps recording (the kiosk must go on), checks
 * that stats_health() reports the full disk and that the events
 * acknowledged before it are still readable, frees the space, and checks
 * that counting resumes and every acknowledged event is stored, also after
 * a restart. Prints what it checks; exits 0 only if everything holds. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"
#include "stats/stats.h"

#define CHECK(cond, ...)                                                                          \
    do {                                                                                          \
        if (!(cond)) {                                                                            \
            fprintf(stderr, "stats_diskfull_child: FAILED %s (line %d): ", #cond, __LINE__);     \
            fprintf(stderr, __VA_ARGS__);                                                         \
            fputc('\n', stderr);                                                                  \
            exit(1);                                                                              \
        }                                                                                         \
    } while (0)

#define T0 INT64_C(1741564800) /* 2025-03-10 */

static int32_t utc(void *ctx, int64_t t)
{
    (void)ctx, (void)t;
    return 0;
}

static Stats *open_store(const char *data)
{
    StatsOptions o;
    memset(&o, 0, sizeof o);
    o.machine_id = "diskfull-test-machine";
    o.utc_offset = utc;
    o.batch_ms = 5;
    o.retry_ms = 50;
    o.idle_checkpoint_ms = 50; /* empty the WAL soon, so the next commit needs new space */
    Err why;
    Stats *s = stats_open_opts(data, &o, &why);
    CHECK(s, "open: %s", err_str(why));
    return s;
}

/* n events on n distinct days starting at day first: every day is a new
 * row, so the commit needs new pages. Returns the last sequence number. */
static uint64_t record_days(Stats *s, int first, int n)
{
    uint64_t q = 0;
    for (int i = 0; i < n; i++) {
        StatEvent e;
        memset(&e, 0, sizeof e);
        e.kind = STAT_MODULE_OPENED;
        memcpy(e.lang, "fr", 3);
        snprintf(e.module, sizeof e.module, "module-%d", i % 7);
        q = stats_record(s, &e, T0 + (int64_t)(first + i) * 86400);
        CHECK(q > 0, "event %d dropped or refused", i);
    }
    return q;
}

static int add_value(void *ctx, const StatRow *r)
{
    *(int64_t *)ctx += r->value;
    return 0;
}

static int64_t stored_total(Stats *s)
{
    int64_t sum = 0;
    Err e = stats_foreach_row(s, add_value, &sum);
    CHECK(e == ERR_OK, "reading the counters: %s", err_str(e));
    return sum;
}

static long long file_size(const char *p)
{
    struct stat sb;
    return stat(p, &sb) == 0 ? (long long)sb.st_size : -1;
}

/* Write until the file system says no more (ENOSPC), down to single bytes. */
static long long fill(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    CHECK(fd >= 0, "%s: %s", path, strerror(errno));
    static char buf[65536];
    long long total = 0;
    for (size_t chunk = sizeof buf; chunk > 0; chunk /= 2) {
        ssize_t w;
        while ((w = write(fd, buf, chunk)) > 0)
            total += w;
        CHECK(w < 0 && (errno == ENOSPC || errno == EFBIG), "filler: %s", strerror(errno));
    }
    fsync(fd);
    close(fd);
    return total;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: stats_diskfull_child MOUNTPOINT\n");
        return 2;
    }
    log_set_quiet(1);
    char data[512], filler[512], wal[600];
    snprintf(data, sizeof data, "%s/data", argv[1]);
    snprintf(filler, sizeof filler, "%s/filler", argv[1]);
    snprintf(wal, sizeof wal, "%s/%s-wal", data, STATS_DB_NAME);
    CHECK(mkdir(data, 0700) == 0, "mkdir %s: %s", data, strerror(errno));

    /* 1. Counting works; 300 events acknowledged. */
    Stats *s = open_store(data);
    uint64_t acked = record_days(s, 0, 300);
    CHECK(stats_flush(s, 5000) == ERR_OK, "first flush");
    CHECK(stats_committed(s) >= acked, "acknowledged %llu", (unsigned long long)acked);
    CHECK(stored_total(s) == 300, "total %lld", (long long)stored_total(s));
    /* Wait (bounded) for the idle checkpoint to empty the WAL, so that the
     * commits below need fresh blocks and cannot reuse the log's space. */
    for (int i = 0; i < 500 && file_size(wal) != 0; i++)
        usleep(10000);
    printf("acknowledged 300 events; WAL %lld bytes\n", file_size(wal));

    /* 2. The disk fills up. */
    long long filled = fill(filler);
    printf("filled the file system with %lld bytes\n", filled);

    /* 3. The kiosk goes on: events are accepted, the error is reported. */
    uint64_t last = record_days(s, 400, 400);
    Err fe = stats_flush(s, 3000);
    CHECK(fe == ERR_NOSPACE, "flush on a full disk gave %s", err_str(fe));
    StatsHealth h;
    stats_health(s, &h);
    CHECK(h.last_err == ERR_NOSPACE, "health.last_err %s", err_str(h.last_err));
    CHECK(strstr(h.message, "disk is full") != NULL, "health.message '%s'", h.message);
    CHECK(h.pending >= 400, "pending %lld", (long long)h.pending);
    CHECK(h.dropped == 0, "dropped %lld", (long long)h.dropped);
    CHECK(stats_committed(s) < last, "nothing new can be durable on a full disk");
    printf("full: health says \"%s\"\n", h.message);
    /* what was acknowledged before is all there, and still readable */
    CHECK(stored_total(s) == 300, "total while full %lld", (long long)stored_total(s));
    last = record_days(s, 900, 50); /* still recording */
    usleep(200000);                 /* a few retries against the full disk */
    stats_health(s, &h);
    CHECK(h.last_err == ERR_NOSPACE, "still full: %s", err_str(h.last_err));

    /* 4. Space returns: counting resumes, nothing acknowledged is lost. */
    CHECK(unlink(filler) == 0, "unlink filler: %s", strerror(errno));
    fe = stats_flush(s, 5000);
    CHECK(fe == ERR_OK, "flush after freeing space gave %s", err_str(fe));
    CHECK(stats_committed(s) >= last, "committed %llu < %llu",
          (unsigned long long)stats_committed(s), (unsigned long long)last);
    stats_health(s, &h);
    CHECK(h.last_err == ERR_OK && h.message[0] == 0 && h.pending == 0, "health after: %s '%s'",
          err_str(h.last_err), h.message);
    CHECK(stored_total(s) == 750, "total after %lld", (long long)stored_total(s));
    last = record_days(s, 1000, 10);
    CHECK(stats_flush(s, 5000) == ERR_OK, "flush after resume");
    stats_close(s);
    printf("space freed: counting resumed, 760 events stored\n");

    /* 5. After a restart the file is whole and holds every event. */
    Err why;
    Stats *ro = stats_open_readonly(data, &why);
    CHECK(ro, "reopen: %s", err_str(why));
    CHECK(stored_total(ro) == 760, "total after restart %lld", (long long)stored_total(ro));
    stats_close(ro);
    printf("ok\n");
    return 0;
}
