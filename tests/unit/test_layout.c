/* test_layout.c: layout rules that hold for every screen at every
 * supported size, checked with deterministic stub metrics (no fonts, no
 * SDL): touch targets of at least 9 mm, controls inside the window and not
 * overlapping, RTL as an exact mirror, and text wrapped inside its box. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <math.h>
#include <string.h>

#include "app.h"
#include "content/content.h"
#include "i18n/i18n.h"
#include "driver.h"
#include "support.h"
#include "ui/ui.h"

static const int sizes[][2] = {{1920, 1080}, {1080, 1920}, {1280, 800}, {720, 1280},
                               {800, 480},   {480, 800},   {360, 640}};
enum { NSIZES = sizeof sizes / sizeof sizes[0] };

static void build_at(App *a, Ui *ui, const char *screen, const char *lang, int w, int h,
                     float dpi)
{
    drv_app_at(a, drv_fx.content, screen, lang, w, h, dpi);
    drv_build_app(ui, a, 1000, drv_fx.arena);
}

static int overlaps(Rect a, Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static void test_targets_inside_and_large_enough(void **st)
{
    (void)st;
    App a;
    Ui ui;
    DrvNames names;
    drv_screen_names(drv_fx.content, &names);
    for (int s = 0; s < NSIZES; s++)
        for (int i = 0; i < names.n; i++) {
            build_at(&a, &ui, names.names[i], "en", sizes[s][0], sizes[s][1], 160);
            if (ui.small_targets)
                fail_msg("%s at %dx%d: %d touch targets under %d px", names.names[i],
                         sizes[s][0], sizes[s][1], ui.small_targets, ui.min_target);
            for (int k = 0; k < ui.n_hits; k++) {
                Rect r = ui.hits[k].r;
                if (r.x < 0 || r.y < 0 || r.x + r.w > sizes[s][0] || r.y + r.h > sizes[s][1])
                    fail_msg("%s at %dx%d: control %d outside the window", names.names[i],
                             sizes[s][0], sizes[s][1], ui.hits[k].id);
                for (int j = 0; j < k; j++)
                    if (WIDGET_KIND(ui.hits[j].id) != W_BACKGROUND &&
                        overlaps(ui.hits[j].r, r))
                        fail_msg("%s at %dx%d: controls %d and %d overlap", names.names[i],
                                 sizes[s][0], sizes[s][1], ui.hits[j].id, ui.hits[k].id);
            }
        }
}

static void test_min_target_follows_dpi(void **st)
{
    (void)st;
    assert_int_equal(ui_min_target(160), 57); /* 9 mm at 160 dpi */
    assert_int_equal(ui_min_target(0), 57);
    assert_int_equal(ui_min_target(96), 48); /* never under 48 px */
    assert_int_equal(ui_min_target(320), 114);
    App a;
    Ui ui;
    build_at(&a, &ui, "journey-risks/slide-1", "en", 1080, 1920, 320);
    assert_int_equal(ui.min_target, 114);
    assert_int_equal(ui.small_targets, 0);
    Rect r;
    assert_true(ui_find(&ui, WIDGET(W_NEXT, 0), &r));
    assert_true(r.w >= 114 && r.h >= 114);
}

/* Every control of the Arabic screen is the English one mirrored
 * horizontally, except on the language picker, which never mirrors (the
 * grid must not move under a finger that just touched Arabic). */
static void test_rtl_mirrors(void **st)
{
    (void)st;
    static const char *const screens[] = {
        "menu",           "journey-risks/slide-2", "journey-risks/quiz-1", "journey-risks/end",
        "help",           "language",              "pin",                  "pin-not-set",
        "admin",          "admin-settings",        "admin-languages",      "admin-tools",
        "test-touch",     "group-pick",            "group-slide",          "group-quiz",
        "group-headcount"};
    App a;
    Ui en, ar;
    for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++)
        for (int s = 0; s < NSIZES; s++) {
            int w = sizes[s][0], h = sizes[s][1];
            build_at(&a, &en, screens[i], "en", w, h, 160);
            Hit copy[128];
            int n = en.n_hits < 128 ? en.n_hits : 128;
            memcpy(copy, en.hits, sizeof copy[0] * (size_t)n);
            build_at(&a, &ar, screens[i], "ar", w, h, 160);
            assert_true(ar.rtl);
            assert_false(en.rtl);
            for (int k = 0; k < n; k++) {
                Rect m;
                if (WIDGET_KIND(copy[k].id) == W_LANGUAGE)
                    continue; /* its label is the language's own name: sizes differ */
                if (!strcmp(screens[i], "help") && WIDGET_KIND(copy[k].id) == W_NEXT)
                    continue; /* contacts fill the page by their text, whose length
                                 differs per language: so may the page count */
                if (WIDGET_KIND(copy[k].id) == W_PIN_DIGIT) {
                    /* the digits keep a phone keypad's order in every language */
                    if (!ui_find(&ar, copy[k].id, &m) || m.x != copy[k].r.x)
                        fail_msg("%s %dx%d: PIN digit %d moved in Arabic", screens[i], w, h,
                                 WIDGET_INDEX(copy[k].id));
                    continue;
                }
                if (!ui_find(&ar, copy[k].id, &m))
                    fail_msg("%s %dx%d: control %d missing in Arabic", screens[i], w, h,
                             copy[k].id);
                Rect e = copy[k].r;
                /* horizontal geometry mirrors exactly; heights may differ
                 * where translated text needs more or fewer lines */
                int want = strcmp(screens[i], "language") == 0 ? e.x : w - e.x - e.w;
                if (m.x != want || m.w != e.w)
                    fail_msg("%s %dx%d: control %d at x=%d in Arabic, want %d", screens[i], w, h,
                             copy[k].id, m.x, want);
            }
        }
    /* Back sits on the right in Arabic, on the left in English */
    build_at(&a, &en, "journey-risks/slide-2", "en", 1280, 800, 160);
    Rect be, ba, ne;
    assert_true(ui_find(&en, WIDGET(W_BACK, 0), &be));
    assert_true(ui_find(&en, WIDGET(W_NEXT, 0), &ne));
    assert_true(be.x < ne.x);
    build_at(&a, &ar, "journey-risks/slide-2", "ar", 1280, 800, 160);
    assert_true(ui_find(&ar, WIDGET(W_BACK, 0), &ba));
    assert_true(ba.x > 640);
}

/* Progress dots run the other way in RTL: the current dot mirrors. */
static void test_rtl_progress_dots(void **st)
{
    (void)st;
    App a;
    Ui ui;
    int xs[2];
    const char *langs[2] = {"en", "ar"};
    for (int l = 0; l < 2; l++) {
        build_at(&a, &ui, "journey-risks/slide-1", langs[l], 1280, 800, 160);
        /* the current dot is the first circle in accent colour: find the
         * circle list and the position of the full-size one */
        int first = -1, last = -1;
        for (int i = 0; i < ui.n_cmds; i++)
            if (ui.cmds[i].kind == DRAW_CIRCLE) {
                if (first < 0)
                    first = i;
                last = i;
            }
        assert_true(first >= 0 && last > first);
        xs[l] = ui.cmds[first].r.x;
        if (l == 1)
            assert_true(ui.cmds[first].r.x > ui.cmds[last].r.x);
        else
            assert_true(ui.cmds[first].r.x < ui.cmds[last].r.x);
    }
    assert_true(xs[0] < 640 && xs[1] > 640);
}

/* WCAG relative luminance and contrast ratio of two opaque colours. */
static double lin(int c)
{
    double v = c / 255.0;
    return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double luminance(Color c) { return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b); }

static double contrast(Color a, Color b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* The colour under point (x, y): the last filled rectangle drawn there. */
static Color ground_at(const Ui *ui, int x, int y, int before)
{
    Color c = ui->clear;
    for (int i = 0; i < before; i++) {
        const DrawCmd *d = &ui->cmds[i];
        if (d->kind == DRAW_RECT && x >= d->r.x && x < d->r.x + d->r.w && y >= d->r.y &&
            y < d->r.y + d->r.h)
            c = d->color;
    }
    return c;
}

/* Every progress dot stands out from the bar it sits on (>= 3:1, WCAG's
 * minimum for graphics), in both themes; the current one is the largest. */
static void test_progress_dots_visible(void **st)
{
    (void)st;
    App a;
    Ui ui;
    for (int hc = 0; hc < 2; hc++) {
        build_at(&a, &ui, "journey-risks/slide-2", "en", 1280, 800, 160);
        a.visit.high_contrast = hc;
        drv_build_app(&ui, &a, 1000, drv_fx.arena);
        int dots = 0;
        for (int i = 0; i < ui.n_cmds; i++) {
            const DrawCmd *d = &ui.cmds[i];
            if (d->kind != DRAW_CIRCLE)
                continue;
            dots++;
            Color g = ground_at(&ui, d->r.x + d->r.w / 2, d->r.y + d->r.h / 2, i);
            double r = contrast(d->color, g);
            if (r < 3.0)
                fail_msg("theme %d: a progress dot has contrast %.2f:1 with its bar", hc, r);
        }
        assert_true(dots >= 3);
    }
}

/* Index and x of the current (largest) progress dot, and how many dots. */
static int current_dot(const Ui *ui, int *x, int *n)
{
    int best = -1, k = 0, cur = -1;
    for (int i = 0; i < ui->n_cmds; i++)
        if (ui->cmds[i].kind == DRAW_CIRCLE) {
            if (ui->cmds[i].r.w > best) {
                best = ui->cmds[i].r.w;
                cur = k;
                *x = ui->cmds[i].r.x;
            }
            k++;
        }
    *n = k;
    return cur;
}

/* The dots move through the quiz: one per question, after the slides'. */
static void test_progress_dots_move_in_quiz(void **st)
{
    (void)st;
    App a;
    Ui ui;
    const Module *m = NULL;
    for (int i = 0; i < content_module_count(drv_fx.content) && !m; i++)
        if (content_module(drv_fx.content, i)->n_quiz >= 2)
            m = content_module(drv_fx.content, i);
    assert_non_null(m);
    char name[96];
    int prev_x = -1;
    for (int q = 0; q < m->n_quiz; q++) {
        snprintf(name, sizeof name, "%s/quiz-%d", m->id, q + 1);
        build_at(&a, &ui, name, "en", 1280, 800, 160);
        int x = 0, n = 0;
        int cur = current_dot(&ui, &x, &n);
        assert_int_equal(n, m->n_slides + m->n_quiz + 1);
        assert_int_equal(cur, m->n_slides + q);
        assert_true(x > prev_x);
        prev_x = x;
    }
}

/* A large screen's language picker fits every name (nothing reported as
 * overflowing when nothing is clipped). */
static void test_language_fits_large_screen(void **st)
{
    (void)st;
    App a;
    Ui ui;
    const char *langs[] = {"en", "fr", "ar", "ti", "ha"};
    for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
        build_at(&a, &ui, "language", langs[l], 2560, 1440, 160);
        if (ui.overflow)
            fail_msg("language at 2560x1440 in %s: \"%s\" overflows", langs[l], ui.overflow_text);
    }
}

/* With stub metrics every text line must sit inside the window, at no
 * less than the readable minimum (issue 9 point 7), and no screen may
 * report overflow at any size, in normal and large text. */
static void test_no_overflow_stub(void **st)
{
    (void)st;
    App a;
    Ui ui;
    DrvNames names;
    drv_screen_names(drv_fx.content, &names);
    for (int large = 0; large < 2; large++)
        for (int s = 0; s < NSIZES; s++)
            for (int i = 0; i < names.n; i++) {
                AppConfig cfg;
                app_config_default(&cfg);
                app_init(&a, drv_fx.content, &cfg, 1000);
                a.wiring.w = sizes[s][0];
                a.wiring.h = sizes[s][1];
                a.wiring.dpi = 160;
                app_goto(&a, names.names[i], 1000);
                a.visit.large_text = large;
                drv_build_app(&ui, &a, 1000, drv_fx.arena);
                if (ui.overflow)
                    fail_msg("%s at %dx%d%s: \"%s\" overflows", names.names[i], sizes[s][0],
                             sizes[s][1], large ? " large" : "", ui.overflow_text);
                for (int k = 0; k < ui.n_cmds; k++) {
                    const DrawCmd *d = &ui.cmds[k];
                    if (d->kind != DRAW_TEXT)
                        continue;
                    if (d->r.x < 0 || d->r.x + d->r.w > a.wiring.w || d->r.y + d->r.h > a.wiring.h)
                        fail_msg("%s at %dx%d: text \"%.*s\" leaves the window", names.names[i],
                                 sizes[s][0], sizes[s][1], (int)d->len, d->text);
                    if (d->px < ui_min_text_px(a.wiring.dpi))
                        fail_msg("%s at %dx%d%s: text \"%.*s\" at %d px, under the minimum",
                                 names.names[i], sizes[s][0], sizes[s][1], large ? " large" : "",
                                 (int)d->len, d->text, d->px);
                }
            }
}

/* The admin screens with what only shows at run time: a long English
 * result message on the Tools tab, a storage warning on the Status tab, a
 * locked PIN pad; and the touch test's squares cover the screen. */
static void test_admin_states(void **st)
{
    (void)st;
    App a;
    Ui ui;
    for (int large = 0; large < 2; large++)
        for (int s = 0; s < NSIZES; s++) {
            int w = sizes[s][0], h = sizes[s][1];
            build_at(&a, &ui, "admin-tools", "en", w, h, 160);
            a.visit.large_text = large;
            a.facts.banner = BANNER_FAILED;
            a.facts.banner_job = CMD_EXPORT;
            snprintf(a.facts.banner_detail, sizeof a.facts.banner_detail, "%s",
                     "The USB stick is read-only or was pulled out while writing: nothing on "
                     "it is counted as exported, and the kiosk keeps every counter.");
            drv_build_app(&ui, &a, 1000, drv_fx.arena);
            if (ui.overflow || ui.small_targets)
                fail_msg("admin-tools message at %dx%d: overflow %d, small %d", w, h, ui.overflow,
                         ui.small_targets);
            assert_true(ui_find(&ui, WIDGET(W_BANNER, 0), NULL));
            build_at(&a, &ui, "admin", "en", w, h, 160);
            a.visit.large_text = large;
            snprintf(a.facts.info.warning, sizeof a.facts.info.warning, "%s",
                     "The statistics database is read-only: counting in memory, retrying.");
            drv_build_app(&ui, &a, 1000, drv_fx.arena);
            if (ui.overflow)
                fail_msg("admin warning at %dx%d: \"%s\" overflows", w, h, ui.overflow_text);
            build_at(&a, &ui, "pin-locked", "en", w, h, 160);
            assert_false(ui_find(&ui, WIDGET(W_PIN_DIGIT, 5), NULL));
            assert_true(ui_find(&ui, WIDGET(W_PIN_CANCEL, 0), NULL));
            build_at(&a, &ui, "test-touch", "en", w, h, 160);
            int cells = 0, minx = w, maxx = 0, miny = h, maxy = 0;
            for (int k = 0; k < ui.n_hits; k++)
                if (WIDGET_KIND(ui.hits[k].id) == W_TOUCH_CELL) {
                    Rect r = ui.hits[k].r;
                    cells++;
                    minx = r.x < minx ? r.x : minx;
                    miny = r.y < miny ? r.y : miny;
                    maxx = r.x + r.w > maxx ? r.x + r.w : maxx;
                    maxy = r.y + r.h > maxy ? r.y + r.h : maxy;
                }
            assert_true(cells >= 12 && cells <= APP_TOUCH_CELLS);
            /* from edge to edge: no part of the glass goes untested */
            assert_true(minx < w / 8 && maxx > w - w / 8 && maxy > h - h / 8);
        }
}

static void test_wrap_breaks_long_words(void **st)
{
    (void)st;
    /* A module body that is one very long word still wraps inside its box:
     * build a slide whose text is made long by the stub's measure. */
    App a;
    Ui ui;
    build_at(&a, &ui, "journey-risks/slide-1", "en", 360, 640, 160);
    int lines = 0;
    for (int k = 0; k < ui.n_cmds; k++)
        if (ui.cmds[k].kind == DRAW_TEXT) {
            lines++;
            assert_true(ui.cmds[k].len > 0);
        }
    assert_true(lines > 3);
}

/* A phone number is one unit when wrapping: breaking "+227 20 72 31 31"
 * at a space would put its groups on two lines, each then ordered on its
 * own (and in Arabic read in the wrong order). Stub metrics: 10 px per
 * character at 20 px. */
static void test_wrap_keeps_numbers_whole(void **st)
{
    (void)st;
    TextMetrics tm = support_stub_metrics();
    const char *line[8];
    size_t len[8];
    /* greedy breaking at every space would give "Call +227 20 72 | 31 31 now" */
    int n = ui_wrap(&tm, "Call +227 20 72 31 31 now", 170, 20, 0, line, len, 8);
    assert_int_equal(n, 3);
    assert_int_equal(len[1], strlen("+227 20 72 31 31"));
    assert_memory_equal(line[1], "+227 20 72 31 31", len[1]);
    /* Arabic-Indic digits (two bytes each) too: "اتصل ٠٨٠٠ ١٢٣ ٤٥٦" */
    const char *ar = "\xd8\xa7\xd8\xaa\xd8\xb5\xd9\x84 "
                     "\xd9\xa0\xd9\xa8\xd9\xa0\xd9\xa0 \xd9\xa1\xd9\xa2\xd9\xa3 "
                     "\xd9\xa4\xd9\xa5\xd9\xa6";
    n = ui_wrap(&tm, ar, 120, 20, 0, line, len, 8);
    assert_int_equal(n, 2);
    assert_ptr_equal(line[1], strchr(ar, ' ') + 1);
    assert_int_equal(len[1], strlen(strchr(ar, ' ') + 1));
    /* words and lists still break at every space */
    n = ui_wrap(&tm, "a 3, 4 b", 30, 20, 0, line, len, 8);
    assert_int_equal(n, 3);
    assert_int_equal(len[1], 2);
    assert_memory_equal(line[1], "3,", 2);
    /* a number wider than the line is still broken, never overflows */
    n = ui_wrap(&tm, "+227 20 72 31 31", 80, 20, 0, line, len, 8);
    assert_true(n >= 2);
    for (int i = 0; i < n && i < 8; i++)
        assert_true(tm.width(tm.ctx, line[i], len[i], 20, 0) <= 80);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_targets_inside_and_large_enough),
        cmocka_unit_test(test_min_target_follows_dpi),
        cmocka_unit_test(test_rtl_mirrors),
        cmocka_unit_test(test_rtl_progress_dots),
        cmocka_unit_test(test_progress_dots_visible),
        cmocka_unit_test(test_progress_dots_move_in_quiz),
        cmocka_unit_test(test_language_fits_large_screen),
        cmocka_unit_test(test_no_overflow_stub),
        cmocka_unit_test(test_admin_states),
        cmocka_unit_test(test_wrap_breaks_long_words),
        cmocka_unit_test(test_wrap_keeps_numbers_whole),
    };
    return cmocka_run_group_tests(tests, drv_fixture_setup, drv_fixture_teardown);
}
