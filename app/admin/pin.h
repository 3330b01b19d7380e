/* pin.h: the admin and facilitator PINs, stored only as salted hashes,
 * with a lockout that survives reboots.
 *
 * Two slots share one PIN pad: the admin PIN opens the admin screen, the
 * facilitator PIN lets a community worker start group sessions. Each is
 * kept as a libsodium crypto_pwhash_str() string (Argon2id, random salt,
 * parameters inside the string). Wrong PINs are counted across both slots:
 * after PIN_FREE_TRIES wrong PINs in a row the pad locks for
 * PIN_LOCK_BASE_MS, doubling with each further wrong PIN up to
 * PIN_LOCK_MAX_MS; a right PIN resets the count.
 *
 * Time is injected as now_ms, a wall-clock time in milliseconds (it must
 * survive a reboot, so not a monotonic clock). A Raspberry Pi has no RTC
 * and its clock may go back at boot: when now_ms is earlier than the last
 * failure the lock restarts from now_ms, so a clock jump never shortens it.
 *
 * Every attempt is written to DATA/admin/pin.json before the PIN is even
 * hashed, so cutting the power during a check cannot be used to try PINs
 * without counting them. */
#ifndef APP_ADMIN_PIN_H
#define APP_ADMIN_PIN_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

typedef enum { PIN_SLOT_ADMIN = 0, PIN_SLOT_FACILITATOR = 1, PIN_SLOT__COUNT } PinSlot;

enum {
    PIN_MIN_DIGITS = 4,
    PIN_MAX_DIGITS = 12,
    PIN_FREE_TRIES = 5,
};
#define PIN_LOCK_BASE_MS ((int64_t)30 * 1000)
#define PIN_LOCK_MAX_MS ((int64_t)60 * 60 * 1000)

typedef struct PinStore PinStore;

/* Open the PIN state of data_dir (DATA/admin/pin.json; created on the
 * first pin_set). A missing file means no PIN is set. A damaged file is
 * logged and treated as "PIN set but unusable" (pin_check gives
 * ERR_CORRUPT) so that nobody can claim the kiosk by setting a new PIN on
 * screen; `taama admin set-pin` repairs it. NULL only on out of memory. */
PinStore *pin_open(const char *data_dir, Err *why);
void pin_close(PinStore *ps); /* accepts NULL */

/* Hashing cost for pin_set (default: libsodium's "interactive" limits,
 * 64 MiB and 2 passes, about half a second on a Raspberry Pi 3/4). Tests
 * may lower it; stored hashes keep their own parameters. */
void pin_set_cost(PinStore *ps, unsigned long long opslimit, size_t memlimit);

/* 1 if pin has PIN_MIN_DIGITS..PIN_MAX_DIGITS ASCII digits and nothing else. */
int pin_valid(const char *pin);

/* 1 if the slot has a PIN (or the file is damaged, see pin_open). */
int pin_is_set(const PinStore *ps, PinSlot slot);

/* Hash pin into slot and save atomically; resets the failure count.
 * ERR_INVALID for a malformed PIN or slot; ERR_NOMEM if hashing cannot get
 * its memory; a storage Err (nothing changed on disk). */
Err pin_set(PinStore *ps, PinSlot slot, const char *pin) ERR_MUST_USE;

/* Remove the PIN of slot (e.g. the facilitator PIN when a worker leaves). */
Err pin_clear(PinStore *ps, PinSlot slot) ERR_MUST_USE;

typedef struct {
    PinSlot slot;       /* the slot that matched (valid when ERR_OK) */
    int failures;       /* consecutive wrong PINs so far */
    int64_t locked_ms;  /* how long the pad stays locked from now; 0 = open */
} PinResult;

/* Check an entered PIN at time now_ms. ERR_OK: it matches res->slot.
 * ERR_KEY: wrong PIN (counted; res->locked_ms says if the pad now locks).
 * ERR_BUSY: the pad is locked, the PIN was not even looked at.
 * ERR_NOTFOUND: no PIN set at all. ERR_CORRUPT: the PIN file is damaged.
 * res may be NULL. A failure to save the count is logged; the count still
 * holds in memory until the next start. */
Err pin_check(PinStore *ps, const char *pin, int64_t now_ms, PinResult *res) ERR_MUST_USE;

/* Milliseconds the pad stays locked at now_ms (0 when open). */
int64_t pin_locked_ms(const PinStore *ps, int64_t now_ms);

/* The lock length after `failures` consecutive wrong PINs (0 below
 * PIN_FREE_TRIES). */
int64_t pin_lock_delay_ms(int failures);

/* Forget the failure count (shell `taama admin unlock`). */
Err pin_unlock(PinStore *ps) ERR_MUST_USE;

#endif
