/* test_settings.c: defaults, save/load round trip, broken and partly wrong
 * files, sanitizing, and that a failed save leaves the old file intact. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/fileio.h"
#include "core/log.h"
#include "i18n/i18n.h"
#include "settings/settings.h"

static char dir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/taama-settings-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    log_set_quiet(1);
    fileio_fault_clear();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    fileio_fault_clear();
    return system(cmd) == 0 ? 0 : -1;
}

static void write_file(const char *text)
{
    char path[300];
    snprintf(path, sizeof path, "%s/settings.json", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void assert_defaults(const Settings *s)
{
    Settings d;
    settings_defaults(&d);
    assert_memory_equal(s, &d, sizeof d);
}

static void test_defaults(void **state)
{
    (void)state;
    Settings s;
    settings_defaults(&s);
    assert_string_equal(s.kiosk_name, "");
    assert_int_equal(s.inactivity_timeout_s, 60);
    assert_int_equal(s.export_on_insert, 1);
    assert_int_equal(s.narration_volume, 80);
    assert_int_equal(s.narration_autoplay, 0); /* the visitor asks for narration */
    assert_int_equal(s.n_languages, i18n_language_count() < SETTINGS_MAX_LANGS
                                        ? i18n_language_count() : SETTINGS_MAX_LANGS);
    assert_true(s.n_languages >= 1);
    assert_string_equal(s.languages[0], i18n_language_at(0)->code);
    assert_int_equal(settings_sanitize(&s), 0); /* defaults are valid */
}

static void test_missing_file_gives_defaults(void **state)
{
    (void)state;
    Settings s;
    memset(&s, 0x5A, sizeof s);
    assert_int_equal(settings_load(dir, &s), ERR_NOTFOUND);
    assert_defaults(&s);
}

static void test_round_trip(void **state)
{
    (void)state;
    Settings s;
    settings_defaults(&s);
    snprintf(s.kiosk_name, sizeof s.kiosk_name, "Kiosque 7 \"gare\"");
    snprintf(s.site, sizeof s.site, "Agadez – gare routière");
    /* Reverse the language order: order is a setting. */
    Settings d = s;
    for (int i = 0; i < d.n_languages; i++)
        memcpy(s.languages[i], d.languages[d.n_languages - 1 - i], sizeof s.languages[i]);
    s.inactivity_timeout_s = 120;
    s.export_on_insert = 0;
    s.narration_volume = 35;
    s.narration_autoplay = 1; /* not the default */
    assert_int_equal(settings_save(dir, &s), ERR_OK);

    Settings t;
    assert_int_equal(settings_load(dir, &t), ERR_OK);
    assert_memory_equal(&s, &t, sizeof s);
    assert_true(settings_has_language(&t, d.languages[0]));
    assert_false(settings_has_language(&t, "xx"));
}

static void test_broken_json_gives_defaults(void **state)
{
    (void)state;
    const char *broken[] = {
        "", "{", "{\"kiosk_name\": \"a\"", "[1,2,3]", "null", "\"x\"",
        "{\"kiosk_name\":\"a\"} trailing", "\x01\x02\xff garbage",
    };
    for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
        write_file(broken[i]);
        Settings s;
        assert_int_equal(settings_load(dir, &s), ERR_FORMAT);
        assert_defaults(&s);
    }
}

static void test_oversized_file_refused(void **state)
{
    (void)state;
    char *big = malloc(SETTINGS_MAX_FILE + 100);
    assert_non_null(big);
    memset(big, ' ', SETTINGS_MAX_FILE + 99);
    big[0] = '{';
    big[SETTINGS_MAX_FILE + 98] = '}';
    big[SETTINGS_MAX_FILE + 99] = '\0';
    write_file(big);
    free(big);
    Settings s;
    assert_int_equal(settings_load(dir, &s), ERR_FORMAT);
    assert_defaults(&s);
}

static void test_bad_fields_fall_back_individually(void **state)
{
    (void)state;
    write_file("{\"kiosk_name\": \"North gate\", \"site\": 42,"
               " \"languages\": [\"fr\", \"zz\", \"fr\", 7, \"en\"],"
               " \"inactivity_timeout_s\": 5, \"export_on_insert\": \"yes\","
               " \"narration_volume\": 55, \"narration_autoplay\": false,"
               " \"future_key\": {\"x\": 1}}");
    Settings s;
    assert_int_equal(settings_load(dir, &s), ERR_FORMAT);
    assert_string_equal(s.kiosk_name, "North gate"); /* good fields kept */
    assert_string_equal(s.site, "");
    assert_int_equal(s.n_languages, 2);              /* unknown and repeated dropped */
    assert_string_equal(s.languages[0], "fr");
    assert_string_equal(s.languages[1], "en");
    assert_int_equal(s.inactivity_timeout_s, 60);    /* out of range: default */
    assert_int_equal(s.export_on_insert, 1);
    assert_int_equal(s.narration_volume, 55);
    assert_int_equal(s.narration_autoplay, 0);
}

static void test_no_known_language_gives_default_list(void **state)
{
    (void)state;
    write_file("{\"languages\": [\"zz\", \"qq\"]}");
    Settings s, d;
    settings_defaults(&d);
    assert_int_equal(settings_load(dir, &s), ERR_FORMAT);
    assert_int_equal(s.n_languages, d.n_languages);
    write_file("{\"languages\": []}");
    assert_int_equal(settings_load(dir, &s), ERR_FORMAT);
    assert_int_equal(s.n_languages, d.n_languages);
}

static void test_sanitize(void **state)
{
    (void)state;
    Settings s;
    settings_defaults(&s);
    snprintf(s.kiosk_name, sizeof s.kiosk_name, "a\nb\tc");
    s.inactivity_timeout_s = 1000000;
    s.narration_volume = -4;
    s.export_on_insert = 7;
    s.n_languages = 99;
    assert_int_equal(settings_sanitize(&s), 1);
    assert_string_equal(s.kiosk_name, "a b c");
    assert_int_equal(s.inactivity_timeout_s, SETTINGS_TIMEOUT_MAX_S);
    assert_int_equal(s.narration_volume, 0);
    assert_int_equal(s.export_on_insert, 1);
    assert_true(s.n_languages >= 1 && s.n_languages <= SETTINGS_MAX_LANGS);
    assert_int_equal(settings_sanitize(&s), 0);
}

static void test_failed_save_keeps_old_file(void **state)
{
    (void)state;
    Settings s;
    settings_defaults(&s);
    snprintf(s.kiosk_name, sizeof s.kiosk_name, "old");
    assert_int_equal(settings_save(dir, &s), ERR_OK);

    Settings t = s;
    snprintf(t.kiosk_name, sizeof t.kiosk_name, "new");
    const FileioOp ops[] = {FILEIO_OP_OPEN, FILEIO_OP_WRITE, FILEIO_OP_FSYNC, FILEIO_OP_RENAME};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        fileio_fault_clear();
        fileio_fault_set(ops[i], 1, ENOSPC);
        assert_int_not_equal(settings_save(dir, &t), ERR_OK);
        fileio_fault_clear();
        Settings u;
        assert_int_equal(settings_load(dir, &u), ERR_OK);
        assert_string_equal(u.kiosk_name, "old");
    }
    /* No temporary file is left behind. */
    char cmd[400];
    snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | wc -l) -eq 1", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test_setup_teardown(test_missing_file_gives_defaults, setup, teardown),
        cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_broken_json_gives_defaults, setup, teardown),
        cmocka_unit_test_setup_teardown(test_oversized_file_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_fields_fall_back_individually, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_known_language_gives_default_list, setup, teardown),
        cmocka_unit_test(test_sanitize),
        cmocka_unit_test_setup_teardown(test_failed_save_keeps_old_file, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
