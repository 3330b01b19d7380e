/* test_i18n.c: gettext binding, runtime language switching, fallback to
 * the English source text, and the language table (own names, direction). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "i18n/i18n.h"
#include "support.h"

static int setup(void **st)
{
    (void)st;
    return i18n_init(support_path("build/locale")) == ERR_OK ? 0 : -1;
}

static void test_table(void **st)
{
    (void)st;
    assert_true(i18n_language_count() >= 5);
    assert_string_equal(i18n_language("ar")->native, "العربية");
    assert_true(i18n_language("ar")->rtl);
    assert_string_equal(i18n_language("ti")->native, "ትግርኛ");
    assert_false(i18n_language("ti")->rtl);
    assert_string_equal(i18n_language("fr")->native, "Français");
    assert_null(i18n_language("xx"));
    /* no flags, no countries: names only */
    for (int i = 0; i < i18n_language_count(); i++)
        assert_non_null(i18n_language_at(i)->native);
}

static void test_switch_and_fallback(void **st)
{
    (void)st;
    i18n_set_language("fr");
    assert_string_equal(i18n_current()->code, "fr");
    const char *fr = _("Continue");
    assert_string_not_equal(fr, "Continue");
    i18n_set_language("ar");
    const char *ar = _("Continue");
    assert_string_not_equal(ar, "Continue");
    assert_string_not_equal(ar, fr);
    /* a string nobody translated shows its source text */
    const char *missing = "A sentence that is in no catalogue";
    assert_ptr_equal(_(missing), missing);
    assert_false(i18n_has_translation("ar", missing));
    assert_true(i18n_has_translation("ar", "Continue"));
    assert_true(i18n_has_translation("en", missing));
    /* an unknown language falls back to English */
    i18n_set_language("xx");
    assert_string_equal(i18n_current()->code, "en");
    assert_string_equal(_("Continue"), "Continue");
}

static void test_text_in_leaves_current_alone(void **st)
{
    (void)st;
    i18n_set_language("ti");
    const char *ti = _("Exit");
    const char *ar = i18n_text_in("ar", "Exit");
    assert_string_not_equal(ar, "Exit");
    assert_string_equal(i18n_current()->code, "ti");
    assert_string_equal(_("Exit"), ti);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_switch_and_fallback),
        cmocka_unit_test(test_text_in_leaves_current_alone),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
