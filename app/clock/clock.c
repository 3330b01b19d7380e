/* clock.c: plausibility of the kiosk's clock and the time counters get
 * (see clock.h for the rules and why a held day). Pure: times come in. */
#include "clock/clock.h"

#include <stdio.h>
#include <string.h>

#include "stats/stats.h"

/* 2026-01-01T00:00:00Z: no build of this source can be older. Packaged
 * builds pass SOURCE_DATE_EPOCH, which is later and better. */
#ifndef TAAMA_BUILD_EPOCH
#define TAAMA_BUILD_EPOCH 1767225600
#endif

int64_t kclock_build_time(void) { return (int64_t)TAAMA_BUILD_EPOCH; }

static int64_t floor_s(int64_t ms) { return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000); }

void kclock_init(KioskClock *c, int64_t build_s, int64_t last_s, int64_t offset_s)
{
    KioskClockLog keep = c->log; /* the caller may have loaded it first */
    int32_t utc = c->utc_offset;
    memset(c, 0, sizeof *c);
    c->log = keep;
    c->utc_offset = utc;
    c->build_s = build_s;
    c->last_s = last_s;
    c->offset_s = offset_s;
}

const char *kclock_status_name(KClockStatus s)
{
    switch (s) {
    case KCLOCK_OK: return "ok";
    case KCLOCK_BEFORE_BUILD: return "before_build";
    case KCLOCK_BEFORE_LAST: return "before_last";
    case KCLOCK_JUMPED_BACK: return "jumped_back";
    case KCLOCK_UNKNOWN: break;
    }
    return "unknown";
}

static void problem(KioskClock *c, KClockStatus st, int64_t gap)
{
    c->status = st;
    if (!c->in_problem)
        c->log.problems++;
    c->in_problem = 1;
    if (gap > c->log.max_back_s)
        c->log.max_back_s = gap;
}

/* The time a held count is counted under: the last trusted time, or the
 * build date on a kiosk that never had one. */
static int64_t held_time(const KioskClock *c) { return c->last_s > c->build_s ? c->last_s : c->build_s; }

int64_t kclock_now(KioskClock *c, int64_t wall_ms, int64_t mono_ms)
{
    int64_t sys = floor_s(wall_ms) + c->offset_s;
    if (c->anchored) {
        int64_t expect = c->anchor_s + floor_s(mono_ms - c->anchor_mono_ms);
        if (sys < expect - KCLOCK_SLACK_S) {
            /* Went back: keep counting from the last trusted reading. */
            problem(c, KCLOCK_JUMPED_BACK, expect - sys);
            if (expect > c->last_s)
                c->last_s = expect;
            return expect;
        }
    } else if (sys < c->build_s) {
        problem(c, KCLOCK_BEFORE_BUILD, c->build_s - sys);
        return held_time(c);
    } else if (c->last_s > 0 && sys < c->last_s - KCLOCK_SLACK_S) {
        problem(c, KCLOCK_BEFORE_LAST, c->last_s - sys);
        return held_time(c);
    }
    /* Plausible (forward jumps are corrections and are believed). */
    c->anchored = 1;
    c->anchor_s = sys;
    c->anchor_mono_ms = mono_ms;
    c->status = KCLOCK_OK;
    c->in_problem = 0;
    if (sys > c->last_s)
        c->last_s = sys;
    return sys;
}

int kclock_held(const KioskClock *c)
{
    return !c->anchored && (c->status == KCLOCK_BEFORE_BUILD || c->status == KCLOCK_BEFORE_LAST);
}

/* Remember a held day (newest last; the oldest drop off when full). */
static void note_held_day(KioskClockLog *log, const char *day)
{
    if (strstr(log->held_days, day))
        return;
    size_t cap = sizeof log->held_days;
    while (strlen(log->held_days) + 12 >= cap) {
        char *comma = strchr(log->held_days, ',');
        if (!comma) {
            log->held_days[0] = 0;
            break;
        }
        memmove(log->held_days, comma + 1, strlen(comma + 1) + 1);
    }
    if (log->held_days[0])
        strcat(log->held_days, ",");
    strcat(log->held_days, day);
}

int64_t kclock_count(KioskClock *c, int64_t wall_ms, int64_t mono_ms)
{
    int64_t t = kclock_now(c, wall_ms, mono_ms);
    if (kclock_held(c)) {
        char day[11];
        stats_day_string(t, c->utc_offset, day);
        c->log.held_events++;
        note_held_day(&c->log, day);
    }
    return t;
}

void kclock_set(KioskClock *c, int64_t true_s, int64_t wall_ms, int64_t mono_ms, const char *by)
{
    c->offset_s = true_s - floor_s(wall_ms);
    c->anchored = 1;
    c->anchor_s = true_s;
    c->anchor_mono_ms = mono_ms;
    c->status = KCLOCK_OK;
    c->in_problem = 0;
    /* Setting the clock back on purpose lowers the floor as well: the
     * admin knows better than a stale saved time. */
    c->last_s = true_s;
    c->log.corrections++;
    snprintf(c->log.last_set, sizeof c->log.last_set, "%s", by ? by : "admin");
    c->log.last_set_at = true_s;
}

int kclock_stick_apply(KioskClock *c, const KClockStick *st, int64_t wall_ms, int64_t mono_ms)
{
    int64_t now = kclock_now(c, wall_ms, mono_ms);
    if (!kclock_held(c) && now >= st->issued && now <= st->expires) {
        if (st->issued > c->last_s)
            c->last_s = st->issued;
        return 0;
    }
    kclock_set(c, st->issued, wall_ms, mono_ms, "stick");
    return 1;
}
