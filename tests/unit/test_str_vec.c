/* test_str_vec.c: core/vec.h and core/str.h, the one array-growth helper
 * and the one string builder: growth, overflow refused with the array
 * untouched, sticky errors, formatting past the small buffer. No SDL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/str.h"
#include "core/vec.h"

static void test_vec_grows_and_keeps(void **state)
{
    (void)state;
    int *v = NULL;
    size_t cap = 0;
    for (int i = 0; i < 1000; i++) {
        assert_int_equal(VEC_RESERVE(v, cap, (size_t)i + 1), ERR_OK);
        assert_true(cap >= (size_t)i + 1);
        v[i] = i * 3;
    }
    assert_true(cap < 2048); /* doubling, not one step per item */
    for (int i = 0; i < 1000; i++)
        assert_int_equal(v[i], i * 3);
    size_t before = cap;
    assert_int_equal(VEC_RESERVE(v, cap, 10), ERR_OK); /* never shrinks */
    assert_int_equal(cap, before);
    free(v);
}

static void test_vec_overflow_refused_untouched(void **state)
{
    (void)state;
    double *v = NULL;
    size_t cap = 0;
    assert_int_equal(VEC_RESERVE(v, cap, 4), ERR_OK);
    double *keep = v;
    v[0] = 1.5;
    assert_int_equal(VEC_RESERVE(v, cap, SIZE_MAX / 4), ERR_NOMEM);
    assert_ptr_equal(v, keep);
    assert_int_equal(cap, 8);
    assert_int_equal(VEC_RESERVE(v, cap, SIZE_MAX), ERR_NOMEM);
    assert_true(v[0] == 1.5);
    free(v);
}

static void test_str_builds_and_formats(void **state)
{
    (void)state;
    Str s = STR_INIT;
    assert_string_equal(str_cstr(&s), "");
    str_puts(&s, "kiosk ");
    str_printf(&s, "%s-%03d", "ab", 7);
    str_append(&s, "x\0y", 3);
    assert_int_equal(s.len, strlen("kiosk ab-007") + 3);
    assert_memory_equal(s.s, "kiosk ab-007x\0y", s.len + 1);
    /* longer than the 256-byte fast path */
    char big[1000];
    memset(big, 'z', sizeof big - 1);
    big[sizeof big - 1] = 0;
    str_clear(&s);
    str_printf(&s, "[%s]", big);
    assert_int_equal(s.len, 1001);
    assert_int_equal(s.s[0], '[');
    assert_int_equal(s.s[1000], ']');
    assert_int_equal(s.s[1001], 0);
    assert_int_equal(str_err(&s), ERR_OK);
    char *t = str_take(&s);
    assert_non_null(t);
    assert_int_equal(strlen(t), 1001);
    assert_null(s.s);
    free(t);
    str_free(&s);
    t = str_take(&s); /* empty: an empty string, not NULL */
    assert_string_equal(t, "");
    free(t);
}

static void test_str_error_is_sticky(void **state)
{
    (void)state;
    Str s = STR_INIT;
    str_puts(&s, "ok");
    str_append(&s, "x", SIZE_MAX - 1); /* cannot fit: fails, keeps the text */
    assert_int_equal(str_err(&s), ERR_NOMEM);
    str_puts(&s, "more");
    str_printf(&s, "%d", 5);
    assert_string_equal(str_cstr(&s), "ok");
    assert_null(str_take(&s)); /* a failed build is never handed out */
    assert_null(s.s);
    str_free(&s); /* and freeing again is harmless */
    str_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vec_grows_and_keeps),
        cmocka_unit_test(test_vec_overflow_refused_untouched),
        cmocka_unit_test(test_str_builds_and_formats),
        cmocka_unit_test(test_str_error_is_sticky),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
