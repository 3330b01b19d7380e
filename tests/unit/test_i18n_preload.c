/* test_i18n_preload.c: after i18n_preload() every lookup comes from the
 * table: the same answers as gettext gave (every message of the catalogue
 * in every language, the context entry, Arabic's six plural forms for any
 * n, an untranslated message as its own source pointer), and building
 * screens in several languages never touches LANGUAGE (issue 13 point 5:
 * ui_build is a function of its arguments, not of process state). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "content/content.h"
#include "core/vec.h"
#include "driver.h"
#include "i18n/i18n.h"
#include "support.h"
#include "ui/ui.h"

typedef struct {
    const char **v;
    size_t n, cap;
} Strings;

static void add_string(void *ctx, const char *s, const char *file, int line)
{
    (void)file;
    (void)line;
    Strings *l = ctx;
    assert_int_equal(VEC_RESERVE(l->v, l->cap, l->n + 1), ERR_OK);
    l->v[l->n++] = s;
}

static void preload(void)
{
    Strings l = {0};
    content_foreach_string(drv_fx.content, add_string, &l);
    assert_true(l.n > 10);
    assert_int_equal(i18n_preload(l.v, (int)l.n), ERR_OK);
    free(l.v);
}

/* Counts that reach each of Arabic's six forms, below and above the 200
 * the table keeps. */
static const long long counts[] = {0,   1,   2,    3,    10,   11,   99,   100,  101,
                                   102, 103, 111,  199,  200,  201,  202,  203,  210,
                                   211, 299, 1000, 1002, 1003, 1011, 1099, 1100, 123456789};
enum { NCOUNTS = sizeof counts / sizeof counts[0] };

static const I18nMsg *plural_msg(void)
{
    for (int i = 0; i < i18n_catalogue_msg_count; i++)
        if (i18n_catalogue_msgs[i].plural)
            return &i18n_catalogue_msgs[i];
    return NULL;
}

/* The table answers as gettext did, pointer for pointer. */
static void test_table_agrees_with_gettext(void **st)
{
    (void)st;
    int nl = i18n_language_count(), nm = i18n_catalogue_msg_count;
    assert_true(nm > 100);
    const char **before = calloc((size_t)nl * (size_t)nm, sizeof *before);
    assert_non_null(before);
    const I18nMsg *pm = plural_msg();
    assert_non_null(pm);
    const char *forms[NCOUNTS];
    /* gettext first (no table yet: this process has not preloaded) */
    for (int l = 0; l < nl; l++) {
        i18n_set_language(i18n_language_at(l)->code);
        for (int m = 0; m < nm; m++) {
            const I18nMsg *x = &i18n_catalogue_msgs[m];
            before[l * nm + m] = x->ctx ? i18n_text_ctx(x->ctx, x->msgid) : i18n_text(x->msgid);
        }
    }
    i18n_set_language("ar");
    for (int i = 0; i < NCOUNTS; i++)
        forms[i] = i18n_ntext(pm->msgid, pm->plural, counts[i]);
    const char *missing = "A message no catalogue has";
    assert_ptr_equal(i18n_text_in("fr", missing), missing);

    preload();
    for (int l = 0; l < nl; l++) {
        const char *code = i18n_language_at(l)->code;
        i18n_set_language(code);
        for (int m = 0; m < nm; m++) {
            const I18nMsg *x = &i18n_catalogue_msgs[m];
            const char *now = x->ctx ? i18n_text_ctx(x->ctx, x->msgid) : i18n_text(x->msgid);
            if (now != before[l * nm + m])
                fail_msg("%s: \"%s\" gives \"%s\", gettext gave \"%s\"", code, x->msgid, now,
                         before[l * nm + m]);
            if (!x->ctx)
                assert_ptr_equal(i18n_text_in(code, x->msgid), now);
        }
    }
    i18n_set_language("ar");
    const char *distinct[NCOUNTS];
    int nd = 0;
    for (int i = 0; i < NCOUNTS; i++) {
        const char *now = i18n_ntext(pm->msgid, pm->plural, counts[i]);
        if (now != forms[i])
            fail_msg("ar, n = %lld: \"%s\", gettext gave \"%s\"", counts[i], now, forms[i]);
        int seen = 0;
        for (int k = 0; k < nd; k++)
            seen |= distinct[k] == now;
        if (!seen)
            distinct[nd++] = now;
    }
    assert_int_equal(nd, 6); /* every Arabic form was tried */
    /* untranslated: the caller's own pointer, in every language */
    assert_ptr_equal(i18n_text_in("fr", missing), missing);
    assert_false(i18n_has_translation("fr", missing));
    assert_true(i18n_has_translation("fr", "Exit"));
    /* a content string (not in the UI's list) is translated too */
    assert_string_not_equal(i18n_text_in("fr", content_module(drv_fx.content, 0)->title),
                            content_module(drv_fx.content, 0)->title);
    i18n_set_language("en");
    free(before);
}

static void build(App *a, Ui *ui, const char *screen, const char *lang)
{
    drv_app_at(a, drv_fx.content, screen, lang, 1280, 800, 160);
    /* the admin screens speak the admin's language */
    snprintf(a->facts.settings.admin_language, sizeof a->facts.settings.admin_language, "%s", lang);
    drv_build_app(ui, a, 1000, drv_fx.arena);
}

/* Screens built in Arabic, French and Tigrinya, with contexts, plurals and
 * other languages' lines (attract, picker), leave LANGUAGE as it was, and
 * their text is translated all the same: the lookups do not read it. */
static void test_build_leaves_language_alone(void **st)
{
    (void)st;
    preload();
    setenv("LANGUAGE", "xx-sentinel", 1);
    static const char *const screens[] = {"attract", "language", "menu", "admin", "help",
                                          "journey-risks/end"};
    static const char *const langs[] = {"ar", "fr", "ti"};
    App a;
    Ui ui;
    for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++)
        for (size_t s = 0; s < sizeof screens / sizeof screens[0]; s++) {
            build(&a, &ui, screens[s], langs[l]);
            const char *env = getenv("LANGUAGE");
            if (!env || strcmp(env, "xx-sentinel") != 0)
                fail_msg("building %s in %s set LANGUAGE to %s", screens[s], langs[l],
                         env ? env : "(unset)");
        }
    build(&a, &ui, "menu", "ar");
    const char *exit_ar = i18n_text_in("ar", "Exit");
    assert_string_not_equal(exit_ar, "Exit");
    assert_true(support_has_line(&ui, exit_ar));
    unsetenv("LANGUAGE");
    i18n_set_language("en");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_agrees_with_gettext),
        cmocka_unit_test(test_build_leaves_language_alone),
    };
    return cmocka_run_group_tests(tests, drv_fixture_setup, drv_fixture_teardown);
}
