/* pin.c: PIN hashing (libsodium Argon2id) and the persisted lockout.
 *
 * One small JSON file holds both hashes and the failure state; it is
 * rewritten atomically (fileio) on every change, so it is always either
 * the old or the new state. The file is tiny; writing it on each attempt
 * costs one fsync, which the lockout needs anyway. */
#include "admin/pin.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <sodium.h>

#include "core/fileio.h"
#include "core/log.h"

#define PIN_DIR "admin"
#define PIN_FILE "pin.json"
#define PIN_FILE_MAX 8192

static const char *const slot_keys[PIN_SLOT__COUNT] = {"admin", "facilitator"};

struct PinStore {
    char dir[PATH_MAX];
    char path[PATH_MAX];
    char hash[PIN_SLOT__COUNT][crypto_pwhash_STRBYTES];
    int damaged;             /* file present but unreadable: fail closed */
    int failures;
    int64_t last_failure_ms; /* wall clock of the last wrong PIN */
    unsigned long long opslimit;
    size_t memlimit;
};

int pin_valid(const char *pin)
{
    if (!pin)
        return 0;
    size_t n = strlen(pin);
    if (n < PIN_MIN_DIGITS || n > PIN_MAX_DIGITS)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (pin[i] < '0' || pin[i] > '9')
            return 0;
    return 1;
}

int64_t pin_lock_delay_ms(int failures)
{
    if (failures < PIN_FREE_TRIES)
        return 0;
    int64_t d = PIN_LOCK_BASE_MS;
    for (int i = PIN_FREE_TRIES; i < failures && d < PIN_LOCK_MAX_MS; i++)
        d *= 2;
    return d < PIN_LOCK_MAX_MS ? d : PIN_LOCK_MAX_MS;
}

static Err load(PinStore *ps)
{
    char *buf = NULL;
    size_t len = 0;
    Err e = fileio_read_all(ps->path, PIN_FILE_MAX, &buf, &len);
    if (e == ERR_NOTFOUND)
        return ERR_OK;
    if (e != ERR_OK && e != ERR_TOOBIG) {
        ps->damaged = 1;
        log_error("pin: cannot read %s: %s", ps->path, err_str(e));
        return e;
    }
    json_object *root = e == ERR_OK ? json_tokener_parse(buf) : NULL;
    free(buf);
    int ok = root && json_object_is_type(root, json_type_object);
    for (int s = 0; ok && s < PIN_SLOT__COUNT; s++) {
        json_object *v;
        if (!json_object_object_get_ex(root, slot_keys[s], &v))
            continue;
        const char *h = json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
        ok = h && strlen(h) < sizeof ps->hash[s] && strncmp(h, "$argon2", 7) == 0;
        if (ok)
            memcpy(ps->hash[s], h, strlen(h) + 1);
    }
    json_object *f, *t;
    if (ok && json_object_object_get_ex(root, "failures", &f) && json_object_is_type(f, json_type_int) &&
        json_object_object_get_ex(root, "last_failure_ms", &t) && json_object_is_type(t, json_type_int)) {
        int64_t n = json_object_get_int64(f);
        ps->failures = n < 0 ? 0 : n > 1000000 ? 1000000 : (int)n;
        ps->last_failure_ms = json_object_get_int64(t);
    } else if (ok) {
        ok = 0;
    }
    json_object_put(root);
    if (!ok) {
        memset(ps->hash, 0, sizeof ps->hash);
        ps->damaged = 1;
        log_error("pin: %s is damaged; set the PIN again with `taama admin set-pin`", ps->path);
        return ERR_CORRUPT;
    }
    return ERR_OK;
}

static Err save(const PinStore *ps)
{
    Err e = fileio_mkdir_p(ps->dir, 0700);
    if (e != ERR_OK)
        return e;
    json_object *root = json_object_new_object();
    if (!root)
        return ERR_NOMEM;
    for (int s = 0; s < PIN_SLOT__COUNT; s++)
        if (ps->hash[s][0])
            json_object_object_add(root, slot_keys[s], json_object_new_string(ps->hash[s]));
    json_object_object_add(root, "failures", json_object_new_int(ps->failures));
    json_object_object_add(root, "last_failure_ms", json_object_new_int64(ps->last_failure_ms));
    const char *text = json_object_to_json_string_ext(root, JSON_C_TO_STRING_PLAIN |
                                                                JSON_C_TO_STRING_NOSLASHESCAPE);
    e = text ? fileio_write_atomic(ps->path, text, strlen(text), 0600) : ERR_NOMEM;
    json_object_put(root);
    return e;
}

PinStore *pin_open(const char *data_dir, Err *why)
{
    if (why)
        *why = ERR_OK;
    if (sodium_init() < 0) {
        if (why)
            *why = ERR_NOMEM;
        return NULL;
    }
    PinStore *ps = calloc(1, sizeof *ps);
    if (!ps) {
        if (why)
            *why = ERR_NOMEM;
        return NULL;
    }
    ps->opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
    ps->memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    Err e = fileio_join(ps->dir, sizeof ps->dir, data_dir, PIN_DIR);
    if (e == ERR_OK)
        e = fileio_join(ps->path, sizeof ps->path, ps->dir, PIN_FILE);
    if (e != ERR_OK) {
        ps->damaged = 1;
    } else {
        e = load(ps);
    }
    if (why)
        *why = e;
    return ps;
}

void pin_close(PinStore *ps)
{
    if (!ps)
        return;
    sodium_memzero(ps, sizeof *ps);
    free(ps);
}

void pin_set_cost(PinStore *ps, unsigned long long opslimit, size_t memlimit)
{
    ps->opslimit = opslimit;
    ps->memlimit = memlimit;
}

int pin_is_set(const PinStore *ps, PinSlot slot)
{
    if ((int)slot < 0 || slot >= PIN_SLOT__COUNT)
        return 0;
    return ps->damaged || ps->hash[slot][0] != '\0';
}

Err pin_set(PinStore *ps, PinSlot slot, const char *pin)
{
    if (!ps || (int)slot < 0 || slot >= PIN_SLOT__COUNT || !pin_valid(pin))
        return ERR_INVALID;
    PinStore next = *ps;
    if (ps->damaged) {
        /* Start afresh: the damaged file's other slot cannot be trusted. */
        memset(next.hash, 0, sizeof next.hash);
        next.damaged = 0;
    }
    if (crypto_pwhash_str(next.hash[slot], pin, strlen(pin), ps->opslimit, ps->memlimit) != 0) {
        sodium_memzero(&next, sizeof next);
        return ERR_NOMEM;
    }
    next.failures = 0;
    next.last_failure_ms = 0;
    Err e = save(&next);
    if (e == ERR_OK)
        *ps = next;
    sodium_memzero(&next, sizeof next);
    return e;
}

Err pin_clear(PinStore *ps, PinSlot slot)
{
    if (!ps || (int)slot < 0 || slot >= PIN_SLOT__COUNT || ps->damaged)
        return ps && ps->damaged ? ERR_CORRUPT : ERR_INVALID;
    PinStore next = *ps;
    memset(next.hash[slot], 0, sizeof next.hash[slot]);
    Err e = save(&next);
    if (e == ERR_OK)
        *ps = next;
    return e;
}

/* The lock's start, corrected for a clock that went backwards. */
static int64_t lock_start(const PinStore *ps, int64_t now_ms)
{
    return ps->last_failure_ms > now_ms ? now_ms : ps->last_failure_ms;
}

int64_t pin_locked_ms(const PinStore *ps, int64_t now_ms)
{
    int64_t d = pin_lock_delay_ms(ps->failures);
    if (d == 0)
        return 0;
    int64_t until = lock_start(ps, now_ms) + d;
    return until > now_ms ? until - now_ms : 0;
}

Err pin_unlock(PinStore *ps)
{
    if (!ps)
        return ERR_INVALID;
    PinStore next = *ps;
    next.failures = 0;
    next.last_failure_ms = 0;
    Err e = ps->damaged ? ERR_CORRUPT : save(&next);
    if (e == ERR_OK)
        *ps = next;
    return e;
}

Err pin_check(PinStore *ps, const char *pin, int64_t now_ms, PinResult *res)
{
    PinResult tmp;
    if (!res)
        res = &tmp;
    memset(res, 0, sizeof *res);
    if (!ps)
        return ERR_INVALID;
    res->failures = ps->failures;
    if (ps->damaged)
        return ERR_CORRUPT;
    if (!ps->hash[PIN_SLOT_ADMIN][0] && !ps->hash[PIN_SLOT_FACILITATOR][0])
        return ERR_NOTFOUND;
    if (ps->last_failure_ms > now_ms && ps->failures > 0) {
        /* The clock went back (no RTC): restart the lock from now. */
        ps->last_failure_ms = now_ms;
    }
    res->locked_ms = pin_locked_ms(ps, now_ms);
    if (res->locked_ms > 0)
        return ERR_BUSY;

    /* Count the attempt durably before looking at the PIN. */
    ps->failures++;
    ps->last_failure_ms = now_ms;
    Err e = save(ps);
    if (e != ERR_OK)
        log_error("pin: cannot save the attempt count: %s", err_str(e));

    for (int s = 0; pin && s < PIN_SLOT__COUNT; s++) {
        if (!ps->hash[s][0])
            continue;
        if (crypto_pwhash_str_verify(ps->hash[s], pin, strlen(pin)) == 0) {
            ps->failures = 0;
            ps->last_failure_ms = 0;
            if ((e = save(ps)) != ERR_OK)
                log_error("pin: cannot save the reset attempt count: %s", err_str(e));
            res->slot = (PinSlot)s;
            res->failures = 0;
            return ERR_OK;
        }
    }
    res->failures = ps->failures;
    res->locked_ms = pin_locked_ms(ps, now_ms);
    return ERR_KEY;
}
