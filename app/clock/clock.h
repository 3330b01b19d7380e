/* clock.h: which time the kiosk counts under, when its clock cannot be
 * trusted (no network, no battery-backed clock on most Raspberry Pis).
 *
 * A Pi without a real-time clock resumes after a power cut from the time
 * fake-hwclock saved, so the system clock can be hours or days behind. A
 * KioskClock watches every reading and decides the time counters get:
 *
 *   - plausible (not before the build date, not before the latest trusted
 *     time ever seen, no jump back): the system clock plus the admin's or a
 *     time stick's correction (an offset the kiosk applies itself: setting
 *     the system clock needs privileges the sandboxed service does not have);
 *   - a jump back during a run: the last trusted reading plus the monotonic
 *     time elapsed since (CLOCK_MONOTONIC never jumps), so days stay right;
 *   - implausible from the start of a run (before the build date, or before
 *     the latest trusted time): the count is HELD on the last good time, i.e.
 *     the last day known to be right, until the clock is plausible again or
 *     is set. Held counts are counted (KioskClockLog.held_events) and the
 *     days that received them are listed, so exports and the report say
 *     which days may also hold visits from unknown later days.
 *
 * Why a held day and not an "unknown day" bucket: exports, merge and every
 * report keep their day format (no sentinel day in charts or DHIS2), totals
 * stay right, and the only day affected is named in the export. The price:
 * that one day's counts may include visits from the days the clock was
 * wrong; the report marks it.
 *
 * Pure: every time is passed in (wall_ms from CLOCK_REALTIME, mono_ms from
 * CLOCK_MONOTONIC); nothing here reads a clock, a file or the database. The
 * caller persists last_s, offset_s and the log (app/clock/clock_store.c). */
#ifndef APP_CLOCK_CLOCK_H
#define APP_CLOCK_CLOCK_H

#include <stdint.h>

#include "core/err.h"

/* Readings this far behind the expected time count as a jump back; smaller
 * steps are ordinary corrections (and fake-hwclock's save granularity). */
#define KCLOCK_SLACK_S 120
/* A time stick may be valid for at most this long (shorter is better: the
 * kiosk sets its clock to the issue time, so this bounds the error). */
#define KCLOCK_STICK_MAX_WINDOW_S (14 * 86400)

typedef enum {
    KCLOCK_UNKNOWN = 0,   /* no reading yet */
    KCLOCK_OK,            /* plausible */
    KCLOCK_BEFORE_BUILD,  /* earlier than the date this program was built */
    KCLOCK_BEFORE_LAST,   /* earlier than a time already seen (stale after power cut) */
    KCLOCK_JUMPED_BACK,   /* went back during this run; counting continues monotonic */
} KClockStatus;

/* What went wrong so far, cumulative like the counters (kept in the stats
 * meta and written into every export's health file). */
typedef struct {
    int64_t problems;     /* readings that turned implausible (each episode once) */
    int64_t held_events;  /* events counted under a held day */
    int64_t corrections;  /* times the clock was set (admin or stick) */
    int64_t max_back_s;   /* largest jump back or stale gap seen, seconds */
    char held_days[96];   /* "YYYY-MM-DD,..." days that received held counts (last few) */
    char last_set[16];    /* "admin", "stick" or "" */
    int64_t last_set_at;  /* kiosk time when last set, 0 if never */
} KioskClockLog;

typedef struct {
    int64_t build_s;      /* floor: the build date (seconds) */
    int64_t last_s;       /* latest trusted time seen, persisted */
    int64_t offset_s;     /* correction added to the system clock, persisted */
    int32_t utc_offset;   /* for naming held days (seconds east of UTC) */
    KClockStatus status;  /* of the latest reading */
    int anchored;         /* a trusted reading exists in this run */
    int64_t anchor_s, anchor_mono_ms;
    int in_problem;       /* an episode is running (counted once) */
    KioskClockLog log;
} KioskClock;

/* Start a run: build_s is the build date, last_s the latest trusted time
 * ever recorded (0: none), offset_s the stored correction. */
void kclock_init(KioskClock *c, int64_t build_s, int64_t last_s, int64_t offset_s);

/* The time (seconds) to count something happening now under, updating the
 * status. Never fails; never returns less than a time already returned in
 * this run while the clock is trusted. */
int64_t kclock_now(KioskClock *c, int64_t wall_ms, int64_t mono_ms);

/* Like kclock_now, for counting one event: also adds it to the held log
 * when it lands on a held day. */
int64_t kclock_count(KioskClock *c, int64_t wall_ms, int64_t mono_ms);

/* Set the time: the admin or a time stick says it is true_s now. Records
 * the offset from the system clock and trusts the clock from here.
 * by: "admin" or "stick". */
void kclock_set(KioskClock *c, int64_t true_s, int64_t wall_ms, int64_t mono_ms, const char *by);

/* Whether counts are currently held (the clock is not trusted). */
int kclock_held(const KioskClock *c);

/* Stable name ("ok", "before_build", "before_last", "jumped_back",
 * "unknown") for exports and logs. */
const char *kclock_status_name(KClockStatus s);

/* The build date this binary was compiled with (SOURCE_DATE_EPOCH when the
 * build sets it, else a floor in the source). */
int64_t kclock_build_time(void);

/* ---- time sticks ---------------------------------------------------------
 *
 * A campaign manager carries the time to kiosks on a USB stick: the file
 * STICK/taama-time and its minisign signature STICK/taama-time.minisig,
 * made with the campaign's content-pack key (docs/admin.md):
 *
 *   minisign -Sm taama-time -s taama-campaign.key \
 *     -t "taama time campaign=ID issued=UNIX expires=UNIX [kiosk=HEX32]"
 *
 * Only the signed trusted comment is read. The kiosk accepts it when the
 * signature verifies with a trusted pack key (DATA/pack-trust/), the
 * campaign matches, expires - issued is at most KCLOCK_STICK_MAX_WINDOW_S,
 * issued is newer than the last stick accepted (replay: an old stick can
 * never move the clock again), the kiosk id (if named) is this one, and it
 * has not expired by the latest trusted time. The clock is then set to
 * issued when it reads outside [issued, expires] (the earliest possible
 * "now": the clock never runs ahead of the truth), else left as it is. */
#define KCLOCK_STICK_FILE "taama-time"
#define KCLOCK_STICK_SIG "taama-time.minisig"

typedef struct {
    int64_t issued, expires;
    char campaign[64];
    char kiosk_id[33]; /* "" when for any kiosk */
} KClockStick;

typedef enum {
    KSTICK_OK = 0,
    KSTICK_NONE,          /* no time file on the stick */
    KSTICK_BAD_SIGNATURE, /* unsigned, malformed, or does not verify */
    KSTICK_UNKNOWN_KEY,   /* signed by a key the kiosk does not trust */
    KSTICK_BAD_COMMENT,   /* trusted comment malformed, or window too long */
    KSTICK_WRONG_CAMPAIGN,
    KSTICK_WRONG_KIOSK,
    KSTICK_REPLAYED,      /* not newer than the last accepted stick */
    KSTICK_EXPIRED,       /* expired by a time the kiosk trusts */
    KSTICK_NOT_CONFIGURED /* the kiosk has no pack keys or campaign */
} KStickResult;

/* Parse "taama time campaign=ID issued=N expires=M [kiosk=HEX]". */
Err kclock_stick_comment_parse(const char *comment, KClockStick *out) ERR_MUST_USE;

/* Verify the time file in dir against the trust in data_dir, and check it
 * for this kiosk (kiosk_id) given the last accepted issue time and the
 * latest trusted time (c->last_s). Reads files; does not change c. */
KStickResult kclock_stick_check(const char *dir, const char *data_dir, const char *kiosk_id,
                                int64_t last_issued, const KioskClock *c, KClockStick *out);

/* Apply an accepted stick: set the clock to issued if the corrected clock
 * is outside [issued, expires]. Returns 1 when the clock was changed. */
int kclock_stick_apply(KioskClock *c, const KClockStick *st, int64_t wall_ms, int64_t mono_ms);

/* One English sentence for a result (admin screen, shell). */
const char *kclock_stick_message(KStickResult r);

#endif
