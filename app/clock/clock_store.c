/* clock_store.c: the kiosk clock's durable state in the statistics meta
 * table (latest trusted time, correction, what went wrong), and the
 * `taama clock` command for a shell or the campaign's time stick. */
#include "clock/clock_store.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/log.h"

static int64_t meta_int(Stats *s, const char *key)
{
    char buf[32];
    if (stats_meta_get(s, key, buf, sizeof buf) != ERR_OK)
        return 0;
    return strtoll(buf, NULL, 10);
}

static Err meta_put_int(Stats *s, const char *key, int64_t v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)v);
    return stats_meta_set(s, key, buf);
}

void kclock_load(KioskClock *c, Stats *s, int64_t build_s)
{
    memset(c, 0, sizeof *c);
    int64_t last = 0, offset = 0;
    if (s) {
        last = meta_int(s, "clock.last");
        /* An export is a time the kiosk counted under: never earlier. */
        int64_t ex = meta_int(s, "export.last_time");
        if (ex > last)
            last = ex;
        offset = meta_int(s, "clock.offset");
        KioskClockLog *l = &c->log;
        l->problems = meta_int(s, "clock.problems");
        l->held_events = meta_int(s, "clock.held_events");
        l->corrections = meta_int(s, "clock.corrections");
        l->max_back_s = meta_int(s, "clock.max_back");
        l->last_set_at = meta_int(s, "clock.last_set_at");
        stats_meta_get(s, "clock.held_days", l->held_days, sizeof l->held_days);
        stats_meta_get(s, "clock.last_set", l->last_set, sizeof l->last_set);
    }
    kclock_init(c, build_s, last, offset);
}

Err kclock_save(const KioskClock *c, Stats *s)
{
    const KioskClockLog *l = &c->log;
    Err e;
    /* Only the hour is kept: the latest trusted time is also when the
     * kiosk was last used, and nothing stored may date a visit finer than
     * the hour (docs/privacy.md). A stale clock less than an hour behind
     * goes unnoticed; fake-hwclock saves hourly anyway. */
    int64_t hour = c->last_s - ((c->last_s % 3600) + 3600) % 3600;
    if ((e = meta_put_int(s, "clock.last", hour)) || (e = meta_put_int(s, "clock.offset", c->offset_s)) ||
        (e = meta_put_int(s, "clock.problems", l->problems)) ||
        (e = meta_put_int(s, "clock.held_events", l->held_events)) ||
        (e = meta_put_int(s, "clock.corrections", l->corrections)) ||
        (e = meta_put_int(s, "clock.max_back", l->max_back_s)) ||
        (e = meta_put_int(s, "clock.last_set_at", l->last_set_at)) ||
        (e = stats_meta_set(s, "clock.held_days", l->held_days)) ||
        (e = stats_meta_set(s, "clock.last_set", l->last_set)))
        return e;
    return ERR_OK;
}

KStickResult kclock_stick_use(KioskClock *c, Stats *s, const char *dir, const char *data_dir,
                              int64_t wall_ms, int64_t mono_ms, int *changed)
{
    StatsIdentity id;
    stats_identity(s, &id);
    KClockStick st;
    *changed = 0;
    KStickResult r = kclock_stick_check(dir, data_dir, id.kiosk_id, meta_int(s, "clock.stick_issued"), c, &st);
    if (r != KSTICK_OK)
        return r;
    *changed = kclock_stick_apply(c, &st, wall_ms, mono_ms);
    if (meta_put_int(s, "clock.stick_issued", st.issued) != ERR_OK || kclock_save(c, s) != ERR_OK)
        log_warn("clock: time stick accepted but not remembered");
    log_info("clock: time stick issued %lld accepted%s", (long long)st.issued, *changed ? ", clock set" : "");
    return r;
}

static int64_t wall_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void print_state(const KioskClock *c, int64_t t, FILE *out)
{
    char when[32];
    time_t tt = (time_t)t;
    struct tm tmv;
    gmtime_r(&tt, &tmv);
    strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &tmv);
    fprintf(out, "kiosk time: %s (%s), correction %+lld s\n", when, kclock_status_name(c->status),
            (long long)c->offset_s);
    fprintf(out, "problems seen: %lld, held counts: %lld (days %s), corrections: %lld\n",
            (long long)c->log.problems, (long long)c->log.held_events, c->log.held_days[0] ? c->log.held_days : "none",
            (long long)c->log.corrections);
}

int kclock_cli_main(const char *data_dir, int argc, char **argv, FILE *out)
{
    static const char usage[] =
        "usage: taama clock                       show the kiosk's time and its problems\n"
        "       taama clock set 'YYYY-MM-DD HH:MM' set it (UTC), while the kiosk is stopped\n"
        "       taama clock stick DIR             set it from a signed time file in DIR\n";
    /* No options of its own (--data is main's, --help and --version are
     * answered before this runs): getopt_long refuses any other. */
    static const struct option opts[] = {{NULL, 0, NULL, 0}};
    optind = 0;
    opterr = 0;
    if (getopt_long(argc, argv, ":", opts, NULL) != -1) {
        fprintf(out, "taama clock: unknown option %s\n%s", argv[optind - 1], usage);
        return 2;
    }
    int nw = argc - optind;
    char **w = argv + optind;
    if (nw != 0 && (nw != 2 || (strcmp(w[0], "set") != 0 && strcmp(w[0], "stick") != 0))) {
        fprintf(out, "%s", usage);
        return 2;
    }
    Err why = ERR_OK;
    Stats *s = stats_open(data_dir, NULL, &why);
    if (!s) {
        fprintf(out, "taama clock: cannot open the statistics in %s: %s\n", data_dir, err_str(why));
        return 1;
    }
    KioskClock c;
    kclock_load(&c, s, kclock_build_time());
    int64_t wall = wall_now_ms();
    /* A shell has no monotonic history: one reading decides. */
    int64_t t = kclock_now(&c, wall, 0);
    int rc = 0;
    if (nw == 2 && strcmp(w[0], "set") == 0) {
        struct tm tmv = {0};
        int y = 0, mo = 0, d = 0, h = 0, mi = 0, used = 0;
        if (sscanf(w[1], "%4d-%2d-%2d %2d:%2d%n", &y, &mo, &d, &h, &mi, &used) != 5 || w[1][used] ||
            y < 2000 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || h < 0 || mi < 0) {
            fprintf(out, "taama clock: give the time as 'YYYY-MM-DD HH:MM' (UTC)\n");
            rc = 2;
            goto done;
        }
        tmv.tm_year = y - 1900;
        tmv.tm_mon = mo - 1;
        tmv.tm_mday = d;
        tmv.tm_hour = h;
        tmv.tm_min = mi;
        t = (int64_t)timegm(&tmv);
        kclock_set(&c, t, wall, 0, "admin");
    } else if (nw == 2) {
        int changed = 0;
        KStickResult r = kclock_stick_use(&c, s, w[1], data_dir, wall, 0, &changed);
        fprintf(out, "%s\n", kclock_stick_message(r));
        if (r != KSTICK_OK) {
            rc = 1;
            goto done;
        }
        t = kclock_now(&c, wall, 0);
    }
    if (kclock_save(&c, s) != ERR_OK) {
        fprintf(out, "taama clock: could not save the clock state\n");
        rc = 1;
    }
    print_state(&c, t, out);
done:
    stats_close(s);
    return rc;
}
