/* stats_killchild.c: the victim of the kill test (tests/unit/test_stats_kill.c).
 *
 * Records a steady stream of events into DIR/stats.sqlite, one count each,
 * and reports on stdout, as lines the parent reads through a pipe:
 *   "r N"  before recording events up to sequence number N (an upper bound),
 *   "a N"  once stats_committed() says events up to N are durable.
 * It never exits by itself: the parent kills it with SIGKILL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"
#include "stats/stats.h"

static void say(const char *what, unsigned long long n)
{
    char line[48];
    int len = snprintf(line, sizeof line, "%s %llu\n", what, n);
    if (write(1, line, (size_t)len) != len)
        _exit(3); /* the parent is gone */
}

static int32_t utc(void *ctx, int64_t t)
{
    (void)ctx, (void)t;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: stats_killchild DIR\n");
        return 2;
    }
    log_set_quiet(1);
    StatsOptions o;
    memset(&o, 0, sizeof o);
    o.machine_id = "kill-test-machine";
    o.utc_offset = utc;
    o.batch_ms = 3; /* commit often: more commits to be killed in */
    o.retry_ms = 20;
    Err why;
    Stats *s = stats_open_opts(argv[1], &o, &why);
    if (!s)
        return 1;
    StatEvent ev;
    memset(&ev, 0, sizeof ev);
    ev.kind = STAT_MODULE_OPENED;
    memcpy(ev.lang, "fr", 3);
    memcpy(ev.module, "rights", 7);
    ev.count = 1;
    unsigned long long next = 1, acked = 0;
    for (;;) {
        /* Keep at most half the queue (16384 events) unacknowledged: on a
         * loaded machine the writer falls behind, and a full queue drops
         * by design, which would end this child before it is killed. */
        while (next - 1 - stats_committed(s) > 8192)
            usleep(1000);
        say("r", next + 49);
        for (int i = 0; i < 50; i++, next++) {
            /* 40 distinct days: the transaction touches several pages */
            uint64_t q = stats_record(s, &ev, INT64_C(1741564800) + (int64_t)(next % 40) * 86400);
            if (q != next)
                _exit(4); /* a drop would make the bookkeeping wrong */
        }
        unsigned long long c = stats_committed(s);
        if (c > acked) {
            say("a", c);
            acked = c;
        }
        usleep(300);
    }
}
