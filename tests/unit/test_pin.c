/* test_pin.c: PIN hashing, the shared lockout with a growing delay driven
 * by an injected clock, persistence across a "reboot" (close and reopen),
 * clock jumps, damaged files, and `taama admin`. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <sodium.h>

#include "admin/admin.h"
#include "admin/pin.h"
#include "core/fileio.h"
#include "core/log.h"

static char dir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/taama-pin-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    log_set_quiet(1);
    fileio_fault_clear();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fileio_fault_clear();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Lower hashing cost keeps the lockout tests fast; one test checks the
 * production parameters. */
static PinStore *open_fast(void)
{
    Err why;
    PinStore *ps = pin_open(dir, &why);
    assert_non_null(ps);
    pin_set_cost(ps, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
    return ps;
}

static char *pin_file(void)
{
    char path[400];
    snprintf(path, sizeof path, "%s/admin/pin.json", dir);
    char *buf = NULL;
    size_t len;
    if (fileio_read_all(path, 1 << 16, &buf, &len) != ERR_OK)
        return NULL;
    return buf;
}

static void test_valid(void **state)
{
    (void)state;
    assert_true(pin_valid("1234"));
    assert_true(pin_valid("000000000000"));
    assert_false(pin_valid("123"));
    assert_false(pin_valid("1234567890123"));
    assert_false(pin_valid("12a4"));
    assert_false(pin_valid("12 34"));
    assert_false(pin_valid(""));
    assert_false(pin_valid(NULL));
}

static void test_hash_stored_not_pin(void **state)
{
    (void)state;
    Err why;
    PinStore *ps = pin_open(dir, &why); /* production cost */
    assert_int_equal(why, ERR_OK);
    assert_false(pin_is_set(ps, PIN_SLOT_ADMIN));
    assert_int_equal(pin_check(ps, "1234", 0, NULL), ERR_NOTFOUND);
    assert_int_equal(pin_set(ps, PIN_SLOT_ADMIN, "482916"), ERR_OK);
    assert_true(pin_is_set(ps, PIN_SLOT_ADMIN));
    assert_false(pin_is_set(ps, PIN_SLOT_FACILITATOR));
    char *f = pin_file();
    assert_non_null(f);
    assert_null(strstr(f, "482916"));
    assert_non_null(strstr(f, "$argon2id$"));
    assert_non_null(strstr(f, "m=65536,t=2")); /* interactive limits */
    free(f);
    PinResult r;
    assert_int_equal(pin_check(ps, "482916", 1000, &r), ERR_OK);
    assert_int_equal(r.slot, PIN_SLOT_ADMIN);
    pin_close(ps);

    /* Same PIN twice gives different hashes (random salt). */
    ps = open_fast();
    assert_int_equal(pin_set(ps, PIN_SLOT_ADMIN, "1111"), ERR_OK);
    char *h1 = pin_file();
    assert_int_equal(pin_set(ps, PIN_SLOT_ADMIN, "1111"), ERR_OK);
    char *h2 = pin_file();
    assert_string_not_equal(h1, h2);
    free(h1);
    free(h2);
    assert_int_equal(pin_set(ps, PIN_SLOT_ADMIN, "12"), ERR_INVALID);
    assert_int_equal(pin_set(ps, (PinSlot)5, "1234"), ERR_INVALID);
    pin_close(ps);
}

static void test_two_slots(void **state)
{
    (void)state;
    PinStore *ps = open_fast();
    assert_int_equal(pin_set(ps, PIN_SLOT_ADMIN, "1111"), ERR_OK);
    assert_int_equal(pin_set(ps, PIN_SLOT_FACILITATOR, "2222"), ERR_OK);
    PinResult r;
    assert_int_equal(pin_check(ps, "2222", 0, &r), ERR_OK);
    assert_int_equal(r.slot, PIN_SLOT_FACILITATOR);
    assert_int_equal(pin_check(ps, "1111", 0, &r), ERR_OK);
    assert_int_equal(r.slot, PIN_SLOT_ADMIN);
    assert_int_equal(pin_check(ps, "3333", 0, &r), ERR_KEY);
    assert_int_equal(pin_clear(ps, PIN_SLOT_FACILITATOR), ERR_OK);
    assert_int_equal(pin_check(ps, "2222", 0, &r), ERR_KEY);
    assert_int_equal(pin_check(ps, "1111", 0, &r), ERR_OK);
    pin_close(ps);
}

static void test_lockout_growing_delay(void **state)
{
    (void)state;
    assert_int_equal(pin_lock_delay_ms(4), 0);
    assert_int_equal(pin_lock_delay_ms(5), PIN_LOCK_BASE_MS);
    assert_int_equal(pin_lock_delay_ms(6), 2 * PIN_LOCK_BASE_MS);
    assert_int_equal(pin_lock_delay_ms(7), 4 * PIN_LOCK_BASE_MS);
    assert_int_equal(pin_lock_delay_ms(100), PIN_LOCK_MAX_MS);
    assert_int_equal(pin_lock_delay_ms(1000000), PIN_LOCK_MAX_MS);

    PinStore *ps = open_fast();
    assert_int_equal(pin_set(ps, PIN_SLOT_ADMIN, "1357"), ERR_OK);
    int64_t t = 1700000000000;
    PinResult r;
    for (int i = 1; i <= 4; i++) {
        assert_int_equal(pin_check(ps, "0000", t, &r), ERR_KEY);
        assert_int_equal(r.failures, i);
        assert_int_equal(r.locked_ms, 0);
        t += 1000;
    }
    assert_int_equal(pin_check(ps, "0000", t, &r), ERR_KEY); /* the fifth locks */
    assert_int_equal(r.locked_ms, PIN_LOCK_BASE_MS);
    /* Locked: even the right PIN is not looked at, and not counted. */
    assert_int_equal(pin_check(ps, "1357", t + 1000, &r), ERR_BUSY);
    assert_int_equal(r.locked_ms, PIN_LOCK_BASE_MS - 1000);
    assert_int_equal(r.failures, 5);
    assert_int_equal(pin_locked_ms(ps, t + PIN_LOCK_BASE_MS - 1), 1);
    assert_int_equal(pin_locked_ms(ps, t + PIN_LOCK_BASE_MS), 0);
    /* Another wrong PIN after the lock: the delay doubles. */
    t += PIN_LOCK_BASE_MS;
    assert_int_equal(pin_check(ps, "0000", t, &r), ERR_KEY);
    assert_int_equal(r.locked_ms, 2 * PIN_LOCK_BASE_MS);
    t += 2 * PIN_LOCK_BASE_MS;
    assert_int_equal(pin_check(ps, "0000", t, &r), ERR_KEY);
    assert_int_equal(r.locked_ms, 4 * PIN_LOCK_BASE_MS);
    t += 4 * PIN_LOCK_BASE_MS;
    /* The right PIN opens and resets the count. */
    assert_int_equal(pin_check(ps, "1357", t, &r), ERR_OK);
    assert_int_equal(r.failures, 0);
    assert_int_equal(pin_locked_ms(ps, t), 0);
    assert_int_equal(pin_check(ps, "0000", t, &r), ERR_KEY);
    assert_int_equal(r.failures, 1);
    assert_int_equal(r.locked_ms, 0);
    pin_close(ps);
}

static void test_lockout_survives_reboot(void **state)
{
    (void)state;
    PinStore *ps = open_fast();
    assert_int_equal(pin_set(ps, PIN_SLOT_ADMIN, "2468"), ERR_OK);
    int64_t t = 5000000;
    for (int i = 0; i < 5; i++)
        assert_int_equal(pin_check(ps, "9999", t, NULL), ERR_KEY);
    t += PIN_LOCK_BASE_MS;
    assert_int_equal(pin_check(ps, "9999", t, NULL), ERR_KEY); /* sixth, after the first lock */
    int64_t locked = pin_locked_ms(ps, t);
    assert_int_equal(locked, 2 * PIN_LOCK_BASE_MS);
    pin_close(ps);

    /* Reboot: a new store from the same folder. */
    ps = open_fast();
    assert_true(pin_is_set(ps, PIN_SLOT_ADMIN));
    assert_int_equal(pin_locked_ms(ps, t + 1000), locked - 1000);
    PinResult r;
    assert_int_equal(pin_check(ps, "2468", t + 1000, &r), ERR_BUSY);
    assert_int_equal(r.failures, 6);
    assert_int_equal(pin_check(ps, "2468", t + locked, &r), ERR_OK);
    pin_close(ps);

    /* And the reset is persisted too. */
    ps = open_fast();
    assert_int_equal(pin_locked_ms(ps, t + locked), 0);
    assert_int_equal(pin_check(ps, "0000", t + locked, &r), ERR_KEY);
    assert_int_equal(r.failures, 1);
    pin_close(ps);
}

static void test_clock_going_back_does_not_unlock(void **state)
{
    (void)state;
    PinStore *ps = open_fast();
    assert_int_equal(pin_set(ps, PIN_SLOT_ADMIN, "2468"), ERR_OK);
    int64_t t = 1700000000000;
    for (int i = 0; i < 5; i++)
        assert_int_equal(pin_check(ps, "9999", t, NULL), ERR_KEY);
    pin_close(ps);
    /* A Pi without RTC boots with its clock in 1970. */
    ps = open_fast();
    int64_t early = 10000;
    assert_int_equal(pin_locked_ms(ps, early), PIN_LOCK_BASE_MS);
    PinResult r;
    assert_int_equal(pin_check(ps, "2468", early, &r), ERR_BUSY);
    assert_int_equal(pin_check(ps, "2468", early + PIN_LOCK_BASE_MS - 1, &r), ERR_BUSY);
    assert_int_equal(pin_check(ps, "2468", early + PIN_LOCK_BASE_MS, &r), ERR_OK);
    pin_close(ps);
}

static void test_attempt_counted_before_hashing(void **state)
{
    (void)state;
    PinStore *ps = open_fast();
    assert_int_equal(pin_set(ps, PIN_SLOT_ADMIN, "2468"), ERR_OK);
    assert_int_equal(pin_check(ps, "1111", 100, NULL), ERR_KEY);
    assert_int_equal(pin_check(ps, "1111", 200, NULL), ERR_KEY);
    /* The file on disk already holds the count of the wrong attempts. */
    char *f = pin_file();
    assert_non_null(strstr(f, "\"failures\":2"));
    free(f);
    pin_close(ps);
}

static void test_save_failure_keeps_old_file_and_counts_in_memory(void **state)
{
    (void)state;
    PinStore *ps = open_fast();
    assert_int_equal(pin_set(ps, PIN_SLOT_ADMIN, "2468"), ERR_OK);
    fileio_fault_clear();
    fileio_fault_set(FILEIO_OP_WRITE, 1, ENOSPC);
    assert_int_equal(pin_set(ps, PIN_SLOT_ADMIN, "1357"), ERR_NOSPACE);
    fileio_fault_clear();
    PinResult r;
    assert_int_equal(pin_check(ps, "2468", 0, &r), ERR_OK); /* old PIN still works */
    /* A full disk must not turn the lockout off. */
    for (int i = 0; i < 5; i++) {
        fileio_fault_clear();
        fileio_fault_set(FILEIO_OP_OPEN, 1, ENOSPC); /* every save fails */
        assert_int_equal(pin_check(ps, "0000", 1000, &r), ERR_KEY);
        assert_int_equal(fileio_fault_calls(FILEIO_OP_OPEN), 1);
    }
    fileio_fault_clear();
    assert_int_equal(r.locked_ms, PIN_LOCK_BASE_MS);
    assert_int_equal(pin_check(ps, "2468", 2000, &r), ERR_BUSY);
    pin_close(ps);
}

static void test_damaged_file_fails_closed(void **state)
{
    (void)state;
    char path[400];
    snprintf(path, sizeof path, "%s/admin", dir);
    assert_int_equal(fileio_mkdir_p(path, 0700), ERR_OK);
    snprintf(path, sizeof path, "%s/admin/pin.json", dir);
    const char *bad[] = {"{", "[]", "{\"admin\": 5, \"failures\":0, \"last_failure_ms\":0}",
                         "{\"admin\": \"plaintext1234\", \"failures\":0, \"last_failure_ms\":0}",
                         "{\"admin\": \"$argon2id$x\"}"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(fileio_write_atomic(path, bad[i], strlen(bad[i]), 0600), ERR_OK);
        Err why;
        PinStore *ps = pin_open(dir, &why);
        assert_non_null(ps);
        assert_int_equal(why, ERR_CORRUPT);
        /* Nobody can claim the kiosk by "setting the first PIN" on screen. */
        assert_true(pin_is_set(ps, PIN_SLOT_ADMIN));
        assert_int_equal(pin_check(ps, "1234", 0, NULL), ERR_CORRUPT);
        assert_int_equal(pin_check(ps, "plaintext1234", 0, NULL), ERR_CORRUPT);
        pin_close(ps);
    }
    /* The shell repairs it. */
    PinStore *ps = open_fast();
    assert_int_equal(pin_set(ps, PIN_SLOT_ADMIN, "8642"), ERR_OK);
    assert_false(pin_is_set(ps, PIN_SLOT_FACILITATOR));
    assert_int_equal(pin_check(ps, "8642", 0, NULL), ERR_OK);
    pin_close(ps);
}

static int cli(const char *input, char *out, size_t outsz, int argc, char **argv)
{
    FILE *in = fmemopen((void *)input, strlen(input), "r");
    FILE *o = fmemopen(out, outsz, "w");
    assert_non_null(in);
    assert_non_null(o);
    int rc = admin_cli_run(dir, argc, argv, in, o);
    fclose(in);
    fclose(o);
    return rc;
}

static void test_cli(void **state)
{
    (void)state;
    char out[1024];
    char *set[] = {"admin", "set-pin"};
    assert_int_equal(cli("5555\n5556\n", out, sizeof out, 2, set), 1); /* differ */
    assert_non_null(strstr(out, "differ"));
    assert_int_equal(cli("55\n55\n", out, sizeof out, 2, set), 1);     /* too short */
    assert_int_equal(cli("", out, sizeof out, 2, set), 1);             /* nothing */
    assert_int_equal(cli("5555\n5555\n", out, sizeof out, 2, set), 0);
    assert_null(strstr(out, "5555"));                                  /* never echoed */

    char *fac[] = {"set-pin", "--data", dir, "--facilitator", "--pin-stdin"};
    assert_int_equal(cli("7777\n", out, sizeof out, 5, fac), 0);

    Err why;
    PinStore *ps = pin_open(dir, &why);
    PinResult r;
    assert_int_equal(pin_check(ps, "5555", 0, &r), ERR_OK);
    assert_int_equal(r.slot, PIN_SLOT_ADMIN);
    assert_int_equal(pin_check(ps, "7777", 0, &r), ERR_OK);
    assert_int_equal(r.slot, PIN_SLOT_FACILITATOR);
    for (int i = 0; i < 5; i++)
        assert_int_equal(pin_check(ps, "0000", 0, &r), ERR_KEY);
    assert_true(pin_locked_ms(ps, 0) > 0);
    pin_close(ps);

    char *unlock[] = {"unlock"};
    assert_int_equal(cli("", out, sizeof out, 1, unlock), 0);
    char *clear[] = {"clear-pin", "--facilitator"};
    assert_int_equal(cli("", out, sizeof out, 2, clear), 0);
    char *status[] = {"status"};
    assert_int_equal(cli("", out, sizeof out, 1, status), 0);
    assert_non_null(strstr(out, "admin PIN: set"));
    assert_non_null(strstr(out, "facilitator PIN: not set"));

    ps = pin_open(dir, &why);
    assert_int_equal(pin_locked_ms(ps, 0), 0);
    assert_int_equal(pin_check(ps, "7777", 0, &r), ERR_KEY);
    pin_close(ps);

    char *bad[] = {"frob"};
    assert_int_equal(cli("", out, sizeof out, 1, bad), 2);
    assert_int_equal(cli("", out, sizeof out, 0, NULL), 2);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid),
        T(test_hash_stored_not_pin),
        T(test_two_slots),
        T(test_lockout_growing_delay),
        T(test_lockout_survives_reboot),
        T(test_clock_going_back_does_not_unlock),
        T(test_attempt_counted_before_hashing),
        T(test_save_failure_keeps_old_file_and_counts_in_memory),
        T(test_damaged_file_fails_closed),
        T(test_cli),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
