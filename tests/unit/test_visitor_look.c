/* test_visitor_look.c: what a visitor sees, checked on the draw list: the
 * quiz's right/wrong sign, the end card's picture, topics never hidden, the
 * help screen's use of space, disabled controls, the portrait kiosk's
 * bottom zone and the neutral screen. Stub metrics (no fonts), the shipped
 * content. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app.h"
#include "content/content.h"
#include "core/arena.h"
#include "i18n/i18n.h"
#include "driver.h"
#include "support.h"
#include "ui/ui.h"

static const int sizes[][2] = {{1920, 1080}, {1080, 1920}, {1280, 800},
                               {720, 1280},  {360, 640},   {2560, 1440}};
enum { NSIZES = sizeof sizes / sizeof sizes[0] };

static void go(App *a, const char *screen, int w, int h)
{
    drv_app_at(a, drv_fx.content, screen, NULL, w, h, 160);
}

static int inside(Rect in, Rect r)
{
    return r.x >= in.x && r.y >= in.y && r.x + r.w <= in.x + in.w && r.y + r.h <= in.y + in.h;
}

/* The first command of kind k inside box (any box when box.w == 0) whose
 * image path ends with `image` (NULL: any), or NULL. */
static const DrawCmd *find_cmd(const Ui *ui, DrawKind k, Rect box, const char *image)
{
    for (int i = 0; i < ui->n_cmds; i++) {
        const DrawCmd *d = &ui->cmds[i];
        if (d->kind != k || (box.w && !inside(box, d->r)))
            continue;
        if (image) {
            size_t n = strlen(image), m = d->image ? strlen(d->image) : 0;
            if (m < n || strcmp(d->image + m - n, image) != 0)
                continue;
        }
        return d;
    }
    return NULL;
}

/* Whether a line of text starting with s is drawn inside box. */
static int has_text(const Ui *ui, Rect box, const char *s)
{
    for (int i = 0; i < ui->n_cmds; i++) {
        const DrawCmd *d = &ui->cmds[i];
        if (d->kind == DRAW_TEXT && (!box.w || inside(box, d->r)) &&
            d->len <= strlen(s) && !strncmp(d->text, s, d->len) && d->len > 0)
            return 1;
    }
    return 0;
}

/* ---- 3: quiz pictures and the one right/wrong sign ------------------------ */

static void test_quiz_verdict_sign(void **st)
{
    (void)st;
    App a;
    Ui ui;
    for (int z = 0; z < NSIZES; z++) {
        go(&a, "journey-risks/quiz-1-answered", sizes[z][0], sizes[z][1]);
        const QuizQuestion *q = &app_module(&a)->quiz[0];
        int wrong = q->correct == 0 ? 1 : 0;
        a.visit.quiz_answer = wrong;
        a.visit.pointer_down = 0;
        drv_build_app(&ui, &a, 1000, drv_fx.arena);
        /* the answers are not touchable once answered: find them by
         * their pictures */
        Rect right_r = {0}, wrong_r = {0};
        for (int i = 0; i < ui.n_cmds; i++) {
            const DrawCmd *d = &ui.cmds[i];
            if (d->kind != DRAW_IMAGE || !d->image)
                continue;
            if (!strcmp(d->image, q->answers[q->correct].icon))
                right_r = d->r;
            if (!strcmp(d->image, q->answers[wrong].icon))
                wrong_r = d->r;
        }
        assert_true(right_r.w > 0 && wrong_r.w > 0);
        /* each answer's card: the band of the screen its picture sits in */
        Rect rc = {0, right_r.y - 40, sizes[z][0], right_r.h + 80};
        Rect wc = {0, wrong_r.y - 40, sizes[z][0], wrong_r.h + 80};
        if (right_r.y == wrong_r.y) { /* side by side: split at the middle */
            int mid = (right_r.x > wrong_r.x ? right_r.x : wrong_r.x) - 4;
            rc.x = right_r.x < wrong_r.x ? 0 : mid;
            rc.w = right_r.x < wrong_r.x ? mid : sizes[z][0] - mid;
            wc.x = right_r.x < wrong_r.x ? mid : 0;
            wc.w = sizes[z][0] - rc.w;
        }
        /* right: a circle with a tick and the words; wrong: a square with a
         * cross and the words */
        assert_non_null(find_cmd(&ui, DRAW_CIRCLE, rc, NULL));
        assert_non_null(find_cmd(&ui, DRAW_IMAGE, rc, "icons/check.svg"));
        assert_null(find_cmd(&ui, DRAW_IMAGE, rc, "icons/cross.svg"));
        assert_true(has_text(&ui, rc, "Right answer"));
        assert_non_null(find_cmd(&ui, DRAW_IMAGE, wc, "icons/cross.svg"));
        assert_null(find_cmd(&ui, DRAW_IMAGE, wc, "icons/check.svg"));
        assert_null(find_cmd(&ui, DRAW_CIRCLE, wc, NULL));
        assert_true(has_text(&ui, wc, "Your answer"));
    }
}

static void test_answer_pictures_are_their_own(void **st)
{
    (void)st;
    /* the shipped content: no answer shows a tick or cross, and no picture
     * serves two different answers (the content check enforces the same) */
    const char *seen_icon[256], *seen_text[256];
    int n = 0;
    for (int i = 0; i < content_module_count(drv_fx.content); i++) {
        const Module *m = content_module(drv_fx.content, i);
        for (int q = 0; q < m->n_quiz; q++)
            for (int k = 0; k < m->quiz[q].n_answers; k++) {
                const QuizAnswer *x = &m->quiz[q].answers[k];
                assert_null(strstr(x->icon, "yes"));
                assert_null(strstr(x->icon, "-no."));
                assert_null(strstr(x->icon, "check"));
                assert_null(strstr(x->icon, "cross"));
                for (int j = 0; j < n; j++)
                    if (!strcmp(seen_icon[j], x->icon) && strcmp(seen_text[j], x->text))
                        fail_msg("%s pictures \"%s\" and \"%s\"", x->icon, seen_text[j], x->text);
                assert_true(n < 256);
                seen_icon[n] = x->icon;
                seen_text[n++] = x->text;
            }
    }
}

/* ---- 6: end card picture, help never filtered away --------------------- */

static void test_end_card_draws_its_picture(void **st)
{
    (void)st;
    App a;
    Ui ui;
    for (int i = 0; i < content_module_count(drv_fx.content); i++) {
        const Module *m = content_module(drv_fx.content, i);
        if (!m->end.image)
            continue;
        char name[96];
        snprintf(name, sizeof name, "%s/end", m->id);
        for (int z = 0; z < NSIZES; z++) {
            go(&a, name, sizes[z][0], sizes[z][1]);
            drv_build_app(&ui, &a, 1000, drv_fx.arena);
            const DrawCmd *d = find_cmd(&ui, DRAW_IMAGE, (Rect){0}, m->end.image);
            if (!d)
                fail_msg("%s at %dx%d: end picture %s not drawn", m->id, sizes[z][0],
                         sizes[z][1], m->end.image);
            assert_true(d->r.w >= ui.min_target && d->r.h >= ui.min_target);
        }
    }
}

static void test_help_never_filtered_away(void **st)
{
    (void)st;
    App a;
    Ui ui;
    int help = -1;
    for (int i = 0; i < content_module_count(drv_fx.content); i++)
        if (!strcmp(content_module(drv_fx.content, i)->id, "get-help"))
            help = i;
    assert_true(help >= 0);
    for (int f = 0; f < FILTER__COUNT; f++) {
        go(&a, "menu", 1280, 800);
        a.visit.filter = (AudienceFilter)f;
        int idx[64], n = app_menu_modules(&a, idx, 64), found = 0;
        for (int k = 0; k < n; k++)
            found |= idx[k] == help;
        if (!found)
            fail_msg("filter %d hides \"Where to get help\"", f);
        drv_build_app(&ui, &a, 1000, drv_fx.arena);
        assert_true(ui_find(&ui, WIDGET(W_HELP, 0), NULL));
    }
}

/* ---- 9: disabled controls, the bottom zone, the neutral screen --------- */

static int frame_in(const Ui *ui, Rect r)
{
    for (int i = 0; i < ui->n_cmds; i++)
        if (ui->cmds[i].kind == DRAW_FRAME && ui->cmds[i].r.x == r.x && ui->cmds[i].r.y == r.y &&
            ui->cmds[i].r.w == r.w && ui->cmds[i].r.h == r.h)
            return 1;
    return 0;
}

static void test_disabled_looks_disabled(void **st)
{
    (void)st;
    App a;
    Ui ui;
    for (int hc = 0; hc < 2; hc++) {
        go(&a, "journey-risks/quiz-1", 1280, 800);
        a.visit.high_contrast = hc;
        drv_build_app(&ui, &a, 1000, drv_fx.arena);
        /* Next is disabled until an answer: no touch, so find it by its icon
         * in the footer's end corner; Back is an enabled plain button */
        Rect back;
        assert_true(ui_find(&ui, WIDGET(W_BACK, 0), &back));
        assert_false(ui_find(&ui, WIDGET(W_NEXT, 0), NULL));
        const DrawCmd *next = find_cmd(&ui, DRAW_IMAGE, (Rect){640, back.y, 640, back.h},
                                       "icons/next.svg");
        const DrawCmd *bi = find_cmd(&ui, DRAW_IMAGE, back, "icons/back.svg");
        assert_non_null(next);
        assert_non_null(bi);
        /* shape: the enabled button has its border, the disabled one none */
        assert_true(frame_in(&ui, back));
        Rect nr = {1280 - back.x - back.w, back.y, back.w, back.h};
        assert_false(frame_in(&ui, nr));
        /* and a fainter colour than the enabled one's */
        assert_memory_not_equal(&next->color, &bi->color, sizeof next->color);
    }
}

static void test_portrait_exit_in_bottom_zone(void **st)
{
    (void)st;
    static const char *const screens[] = {"menu", "help", "language", "journey-risks/slide-1",
                                          "journey-risks/quiz-1", "journey-risks/end"};
    App a;
    Ui ui;
    static const int portrait[][2] = {{1080, 1920}, {720, 1280}};
    for (int z = 0; z < 2; z++)
        for (size_t s = 0; s < sizeof screens / sizeof screens[0]; s++) {
            go(&a, screens[s], portrait[z][0], portrait[z][1]);
            drv_build_app(&ui, &a, 1000, drv_fx.arena);
            int bottom = 0;
            for (int k = 0; k < ui.n_hits; k++)
                if (WIDGET_KIND(ui.hits[k].id) == W_QUICK_EXIT &&
                    ui.hits[k].r.y >= portrait[z][1] * 3 / 4)
                    bottom = 1;
            if (!bottom)
                fail_msg("%s at %dx%d: no Exit in the bottom quarter", screens[s],
                         portrait[z][0], portrait[z][1]);
            assert_int_equal(ui.small_targets, 0);
        }
}

static void test_neutral_is_an_idle_clock(void **st)
{
    (void)st;
    App a;
    Ui ui;
    go(&a, "neutral", 1280, 800);
    a.kiosk.clock_min = 14 * 60 + 5;
    drv_build_app(&ui, &a, 1000, drv_fx.arena);
    int texts = 0, clock = 0;
    for (int i = 0; i < ui.n_cmds; i++)
        if (ui.cmds[i].kind == DRAW_TEXT) {
            texts++;
            clock |= ui.cmds[i].len == 5 && !strncmp(ui.cmds[i].text, "14:05", 5);
        }
    assert_true(clock);
    assert_int_equal(texts, 1); /* nothing else is written */
    assert_int_equal(ui.n_hits, 0);
    /* the time comes from the state: events carry it in */
    Event ev = {.kind = EV_TICK, .clock_min = 9 * 60 + 41 + 1};
    app_update(&a, &ev, 1100);
    assert_int_equal(a.kiosk.clock_min, 9 * 60 + 41);
}

/* Every topic is on the menu's first page, or the page is full and a
 * labelled cue (words, not only an arrow) leads to the rest. */
static void test_menu_topics_never_hidden(void **st)
{
    (void)st;
    App a;
    Ui ui;
    for (int z = 0; z < NSIZES; z++)
        for (int large = 0; large < 2; large++) {
            go(&a, "menu", sizes[z][0], sizes[z][1]);
            a.visit.large_text = large;
            drv_build_app(&ui, &a, 1000, drv_fx.arena);
            int idx[64], n = app_menu_modules(&a, idx, 64), shown = 0, low = 0;
            for (int k = 0; k < ui.n_hits; k++)
                if (WIDGET_KIND(ui.hits[k].id) == W_CARD) {
                    shown++;
                    Rect r = ui.hits[k].r;
                    low = r.y + r.h > low ? r.y + r.h : low;
                }
            if (shown == n)
                continue;
            Rect next;
            if (!ui_find(&ui, WIDGET(W_NEXT, 0), &next))
                fail_msg("menu %dx%d%s: %d of %d topics and no way on", sizes[z][0],
                         sizes[z][1], large ? " large" : "", shown, n);
            int labelled = 0;
            for (int i = 0; i < ui.n_cmds; i++)
                if (ui.cmds[i].kind == DRAW_TEXT && inside(next, ui.cmds[i].r))
                    labelled = 1;
            if (!labelled)
                fail_msg("menu %dx%d%s: %d of %d topics behind an unlabelled arrow",
                         sizes[z][0], sizes[z][1], large ? " large" : "", shown, n);
            Rect help;
            assert_true(ui_find(&ui, WIDGET(W_HELP, 0), &help));
            /* the page is used: the cards reach at least 3/4 of the way down
             * to the bottom bar */
            if (low < help.y * 3 / 4)
                fail_msg("menu %dx%d%s: %d topics on a half-empty page", sizes[z][0],
                         sizes[z][1], large ? " large" : "", shown);
        }
}

/* The help screen uses its room: when the contacts take more than one
 * page, the cards fill at least 3/4 of the height between the title and
 * the bottom bar. */
static void test_help_uses_its_space(void **st)
{
    (void)st;
    App a;
    Ui ui;
    for (int z = 0; z < NSIZES; z++)
        for (int large = 0; large < 2; large++) {
            go(&a, "help", sizes[z][0], sizes[z][1]);
            a.visit.large_text = large;
            drv_build_app(&ui, &a, 1000, drv_fx.arena);
            int top = sizes[z][1], bottom = 0;
            for (int i = 0; i < ui.n_cmds; i++) {
                const DrawCmd *d = &ui.cmds[i];
                if (d->kind != DRAW_QR && d->kind != DRAW_FRAME)
                    continue;
                if (d->kind == DRAW_FRAME && d->thick != 3)
                    continue; /* contact cards have a 3 px accent frame */
                top = d->r.y < top ? d->r.y : top;
                bottom = d->r.y + d->r.h > bottom ? d->r.y + d->r.h : bottom;
            }
            int bar = sizes[z][1];
            for (int k = 0; k < ui.n_hits; k++)
                if (WIDGET_KIND(ui.hits[k].id) == W_BACK)
                    bar = ui.hits[k].r.y;
            assert_true(bottom > top);
            if (!ui_find(&ui, WIDGET(W_NEXT, 0), NULL) && !a.visit.menu_scroll)
                continue; /* every contact on one page: room to spare is fine */
            if ((bottom - top) * 4 < (bar - top) * 3)
                fail_msg("help %dx%d%s: cards use %d of %d px", sizes[z][0], sizes[z][1],
                         large ? " large" : "", bottom - top, bar - top);
        }
}

/* ---- 7: readable sizes on small screens ------------------------------- */

static void test_small_screens_keep_text_readable(void **st)
{
    (void)st;
    App a;
    Ui ui;
    static const int small[][2] = {{800, 480}, {480, 800}};
    static const float dpis[] = {120, 160, 220};
    for (int z = 0; z < 2; z++)
        for (size_t d = 0; d < sizeof dpis / sizeof dpis[0]; d++) {
            go(&a, "journey-risks/slide-1", small[z][0], small[z][1]);
            a.wiring.dpi = dpis[d];
            drv_build_app(&ui, &a, 1000, drv_fx.arena);
            int min = ui_min_text_px(dpis[d]), texts = 0;
            assert_true(min >= (int)(dpis[d] * 2.2f / 25.4f));
            for (int i = 0; i < ui.n_cmds; i++)
                if (ui.cmds[i].kind == DRAW_TEXT) {
                    texts++;
                    if (ui.cmds[i].px < min)
                        fail_msg("%dx%d at %.0f dpi: \"%.*s\" at %d px, under %d px (2.2 mm)",
                                 small[z][0], small[z][1], dpis[d], (int)ui.cmds[i].len,
                                 ui.cmds[i].text, ui.cmds[i].px, min);
                }
            assert_true(texts > 0);
            assert_int_equal(ui.overflow, 0);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quiz_verdict_sign),
        cmocka_unit_test(test_answer_pictures_are_their_own),
        cmocka_unit_test(test_end_card_draws_its_picture),
        cmocka_unit_test(test_help_never_filtered_away),
        cmocka_unit_test(test_menu_topics_never_hidden),
        cmocka_unit_test(test_help_uses_its_space),
        cmocka_unit_test(test_small_screens_keep_text_readable),
        cmocka_unit_test(test_disabled_looks_disabled),
        cmocka_unit_test(test_portrait_exit_in_bottom_zone),
        cmocka_unit_test(test_neutral_is_an_idle_clock),
    };
    return cmocka_run_group_tests(tests, drv_fixture_setup, drv_fixture_teardown);
}
