/* log.c: stderr logging with a ring of recent warnings for the admin.
 *
 * Several threads log (the UI thread, the statistics writer), so the ring
 * is updated under a mutex; a line is formatted outside it. */
#include "core/log.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { RING = 8, LINE = 200 };
static char ring[RING][LINE];
static int ring_head, ring_count;
static pthread_mutex_t ring_mu = PTHREAD_MUTEX_INITIALIZER;
static _Atomic int quiet;
static _Atomic long long warnings; /* since start, for the health export */

void log_set_quiet(int q) { quiet = q; }

void log_msg(LogLevel lvl, const char *fmt, ...)
{
    char buf[LINE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (lvl <= LOG_WARN) {
        warnings++;
        pthread_mutex_lock(&ring_mu);
        memcpy(ring[ring_head], buf, sizeof buf);
        ring_head = (ring_head + 1) % RING;
        if (ring_count < RING)
            ring_count++;
        pthread_mutex_unlock(&ring_mu);
    }
    if (quiet && lvl > LOG_WARN)
        return;
    if (getenv("JOURNAL_STREAM") || getenv("TAAMA_LOG_PREFIX"))
        fprintf(stderr, "<%d>%s\n", (int)lvl, buf);
    else
        fprintf(stderr, "taama: %s%s\n",
                lvl == LOG_ERROR ? "error: " : lvl == LOG_WARN ? "warning: " : "", buf);
}

int log_recent(int i, char *out, size_t n)
{
    int found = 0;
    pthread_mutex_lock(&ring_mu);
    if (i >= 0 && i < ring_count && n > 0) {
        snprintf(out, n, "%s", ring[(ring_head - 1 - i + RING * 2) % RING]);
        found = 1;
    }
    pthread_mutex_unlock(&ring_mu);
    return found;
}

long long log_warning_count(void) { return warnings; }
