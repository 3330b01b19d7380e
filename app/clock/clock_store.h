/* clock_store.h: the kiosk clock's state kept in the statistics meta table
 * (keys "clock.*"), time sticks applied and remembered, and `taama clock`. */
#ifndef APP_CLOCK_CLOCK_STORE_H
#define APP_CLOCK_CLOCK_STORE_H

#include <stdio.h>

#include "clock/clock.h"
#include "core/err.h"
#include "stats/stats.h"

/* Initialise c from s's meta (latest trusted time: also never earlier than
 * the last export; correction; cumulative log). s may be NULL (fresh). */
void kclock_load(KioskClock *c, Stats *s, int64_t build_s);

/* Write c's durable state to s's meta (the latest trusted time rounded
 * down to the hour: privacy). The storage error, if any. */
Err kclock_save(const KioskClock *c, Stats *s) ERR_MUST_USE;

/* Check the time file in dir (see clock.h) and, when accepted, apply it,
 * remember its issue time (replay protection) and save. *changed: 1 when
 * the clock was set. */
KStickResult kclock_stick_use(KioskClock *c, Stats *s, const char *dir, const char *data_dir,
                              int64_t wall_ms, int64_t mono_ms, int *changed);

/* `taama clock [set 'YYYY-MM-DD HH:MM' | stick DIR]`. argv[0] is the
 * command name. Returns a process exit code. The kiosk reads the stored
 * correction when it starts: set it while the kiosk is stopped, or use the
 * admin screen or a time stick on a running kiosk. */
int kclock_cli_main(const char *data_dir, int argc, char **argv, FILE *out);

#endif
