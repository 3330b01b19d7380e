/* test_i18n_forms.c: plural forms (ngettext) and contexts (msgctxt) through
 * the kiosk's compiled catalogues, drafts included (the default build
 * compiles fuzzy entries in: docs/translations.md). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "i18n/i18n.h"

static void test_plural_and_context(void **state)
{
    (void)state;
    const char *b = getenv("TAAMA_BUILD");
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/locale", b && *b ? b : "build");
    log_set_quiet(1);
    assert_int_equal(i18n_init(dir), ERR_OK);
    i18n_set_language("fr");
    /* French: 0 and 1 take the singular */
    assert_string_equal(i18n_ntext("This month: %lld visit", "This month: %lld visits", 1),
                        "Ce mois-ci : %lld visite");
    assert_string_equal(i18n_ntext("This month: %lld visit", "This month: %lld visits", 5),
                        "Ce mois-ci : %lld visites");
    /* the context picks the entry; an unknown context gives the English */
    assert_string_equal(C_("admin status", "Content"), "Contenu");
    assert_string_equal(C_("no such context", "Content"), "Content");
    /* a draft (fuzzy) entry is shown in a default build */
    assert_string_equal(_("Exit"), "Sortir");
    /* Arabic: six forms, two is the dual */
    i18n_set_language("ar");
    assert_non_null(strstr(i18n_ntext("This month: %lld visit", "This month: %lld visits", 2), "زيارتان"));
    assert_non_null(strstr(i18n_ntext("This month: %lld visit", "This month: %lld visits", 5), "زيارات"));
    /* English: the source forms */
    i18n_set_language("en");
    assert_string_equal(i18n_ntext("This month: %lld visit", "This month: %lld visits", 1),
                        "This month: %lld visit");
    assert_string_equal(i18n_ntext("This month: %lld visit", "This month: %lld visits", 2),
                        "This month: %lld visits");
    assert_string_equal(C_("admin status", "Content"), "Content");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plural_and_context),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
