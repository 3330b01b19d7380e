/* health.h: the kiosk's health, written into every export as health.json
 * (listed in the signed manifest, so it is as trustworthy as the counters),
 * and the kiosk key's tie to the current identity.
 *
 * health.json is one flat JSON object, keys sorted ("kind":
 * EXPORT_HEALTH_KIND). Fields: build_version, content_version, uptime_s
 * (-1 when unknown), starts, crashes (unclean shutdowns: crash, watchdog
 * kill, power cut), watchdog_resets, warnings, disk_free_mb (-1 unknown),
 * last_touch ("YYYY-MM-DD HH": hour granularity only, for privacy),
 * touch_test ("YYYY-MM-DD N/M" cells touched), sound_test ("YYYY-MM-DD
 * played|no_device"), and the clock: clock_status, clock_kiosk_time,
 * clock_system_time, clock_offset_s, clock_problems, clock_held_events,
 * clock_held_days, clock_corrections, clock_max_back_s, clock_last_set.
 * Counters are cumulative since the database began, like the counters.
 *
 * The values live in the statistics meta ("health.*", "clock.*"); the
 * kiosk updates them (export_health_note_*), the export reads them. */
#ifndef APP_EXPORT_HEALTH_H
#define APP_EXPORT_HEALTH_H

#include <stdint.h>

#include "clock/clock.h"
#include "core/err.h"
#include "export/export.h"
#include "stats/stats.h"

/* Build health.json for s at wall_ms / mono_ms. clock: the running
 * kiosk's clock, read through a copy (NULL: the stored state, as a fresh
 * run would see it). uptime_s: -1 when unknown. *out malloc'd (caller
 * frees). ERR_NOMEM. */
Err export_health_json(Stats *s, const char *data_dir, const KioskClock *clock, int64_t wall_ms,
                       int64_t mono_ms, int64_t uptime_s, char **out, size_t *len) ERR_MUST_USE;

/* At kiosk start: count the start, an unclean previous shutdown (the
 * "running" mark is still set) and a watchdog kill (systemd's ExecStopPost
 * wrote "watchdog" into DATA/last-exit, which is then removed). */
void export_health_note_start(Stats *s, const char *data_dir);

/* At a clean exit: clear the running mark and keep the warning count. */
void export_health_note_stop(Stats *s);

/* Store one "health.KEY" value (last_touch, touch_test, sound_test,
 * content_version) unless it is unchanged (cheap to call often). */
void export_health_note(Stats *s, const char *key, const char *value);

/* Make sure DATA/kiosk.key belongs to s's current kiosk id. A key made for
 * another id (the card was cloned, or moved to other hardware: stats
 * started a new identity) is deleted, never reused, and a new pair is
 * made, so a clone cannot sign as the original. A key with no recorded
 * owner is adopted. *regenerated (may be NULL) is set to 1 when a new
 * pair was made for a changed identity. */
Err export_keys_for_identity(Stats *s, const char *data_dir, int *regenerated) ERR_MUST_USE;

#endif
