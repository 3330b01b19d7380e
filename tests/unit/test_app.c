/* test_app.c: the navigation and session state machine, with an injected
 * clock and the shipped demo content. Events are made the way the kiosk
 * makes them: build the screen, hit-test the point, then app_update(). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "content/content.h"
#include "i18n/i18n.h"
#include "driver.h"
#include "support.h"
#include "ui/ui.h"

static Content *content;

typedef Driver T;

static int setup_all(void **st)
{
    (void)st;
    if (i18n_init(support_path("build/locale")) != ERR_OK)
        return -1;
    Err e;
    content = content_load(support_path("content"), &e);
    return content ? 0 : -1;
}

static int teardown_all(void **st)
{
    (void)st;
    content_free(content);
    return 0;
}

static void t_init(T *t, const char *const *langs, int n)
{
    AppConfig cfg;
    app_config_default(&cfg);
    if (langs) {
        cfg.n_langs = n;
        for (int i = 0; i < n; i++)
            strcpy(cfg.langs[i], langs[i]);
    }
    drv_init(t, content, &cfg, 1280, 800, 160);
}

static void t_fini(T *t) { drv_fini(t); }






static int count_stat(const App *a, StatKind k)
{
    int n = 0;
    for (int i = 0; i < a->fx.n_stats; i++)
        n += a->fx.stats[i].kind == k;
    return n;
}

static const StatEvent *find_stat(const App *a, StatKind k)
{
    for (int i = 0; i < a->fx.n_stats; i++)
        if (a->fx.stats[i].kind == k)
            return &a->fx.stats[i];
    return NULL;
}

/* attract -> language (choose Arabic) -> menu */
static void start_visit(T *t, int lang_index)
{
    drv_tap(t, W_BACKGROUND, 0);
    assert_int_equal(t->app.visit.screen, SCREEN_LANGUAGE);
    drv_tap(t, W_LANG_CHOICE, lang_index);
    drv_tap(t, W_LANG_CONFIRM, 0);
    assert_int_equal(t->app.visit.screen, SCREEN_MENU);
}

static void test_full_visit(void **st)
{
    (void)st;
    T t;
    t_init(&t, NULL, 0);
    assert_int_equal(t.app.visit.screen, SCREEN_ATTRACT);
    start_visit(&t, 2); /* ar */
    assert_string_equal(app_lang(&t.app), "ar");
    assert_int_equal(count_stat(&t.app, STAT_SESSION_START), 1);
    assert_int_equal(count_stat(&t.app, STAT_LANGUAGE_CHOSEN), 1);
    assert_string_equal(find_stat(&t.app, STAT_LANGUAGE_CHOSEN)->lang, "ar");
    drv_tap(&t, W_CARD, 0);
    assert_int_equal(t.app.visit.screen, SCREEN_SLIDE);
    const Module *m = app_module(&t.app);
    assert_non_null(m);
    assert_int_equal(count_stat(&t.app, STAT_MODULE_OPENED), 1);
    assert_string_equal(find_stat(&t.app, STAT_MODULE_OPENED)->module, m->id);
    for (int i = 1; i < m->n_slides; i++) {
        drv_tap(&t, W_NEXT, 0);
        assert_int_equal(t.app.visit.slide, i);
        drv_advance(&t, APP_ANIM_MS);
    }
    drv_tap(&t, W_NEXT, 0);
    assert_true(m->n_quiz > 0);
    assert_int_equal(t.app.visit.screen, SCREEN_QUIZ);
    /* Next is disabled until an answer is given */
    drv_build(&t);
    assert_false(ui_find(&t.ui, WIDGET(W_NEXT, 0), NULL));
    for (int q = 0; q < m->n_quiz; q++) {
        int wrong = (m->quiz[q].correct + 1) % m->quiz[q].n_answers;
        drv_tap(&t, W_ANSWER, wrong);
        assert_int_equal(t.app.visit.quiz_answer, wrong);
        drv_tap(&t, W_NEXT, 0);
    }
    assert_int_equal(count_stat(&t.app, STAT_QUIZ_ANSWER), m->n_quiz);
    assert_int_equal(find_stat(&t.app, STAT_QUIZ_ANSWER)->ok, 0);
    assert_int_equal(t.app.visit.screen, SCREEN_END);
    assert_int_equal(count_stat(&t.app, STAT_END_CARD_SHOWN), 1);
    assert_int_equal(count_stat(&t.app, STAT_MODULE_COMPLETED), 1);
    drv_tap(&t, W_HELP, 0); /* and back: still one completion */
    drv_tap(&t, W_BACK, 0);
    assert_int_equal(t.app.visit.screen, SCREEN_END);
    assert_int_equal(count_stat(&t.app, STAT_MODULE_COMPLETED), 1);
    drv_tap(&t, W_NEXT, 0); /* back to the topics */
    assert_int_equal(t.app.visit.screen, SCREEN_MENU);
    const StatEvent *deep = find_stat(&t.app, STAT_SLIDE_DEEPEST);
    assert_non_null(deep);
    assert_int_equal(deep->n, m->n_slides - 1);
    /* No stat event may carry anything but counters' keys. */
    for (int i = 0; i < t.app.fx.n_stats; i++)
        assert_true(strlen(t.app.fx.stats[i].lang) < 4);
    t_fini(&t);
}

static void test_timeout_wipes_everything(void **st)
{
    (void)st;
    T t;
    t_init(&t, NULL, 0);
    start_visit(&t, 3); /* ti */
    drv_tap(&t, W_LARGE_TEXT, 0);
    drv_tap(&t, W_CONTRAST, 0);
    drv_tap(&t, W_CARD, 1);
    drv_tap(&t, W_NEXT, 0);
    t.app.fx.n_stats = 0;
    drv_advance(&t, 59 * 1000);
    assert_false(t.app.visit.countdown);
    drv_advance(&t, 1500);
    assert_true(t.app.visit.countdown);
    drv_build(&t);
    assert_true(ui_find(&t.ui, WIDGET(W_STILL_HERE, 0), NULL));
    assert_false(ui_find(&t.ui, WIDGET(W_NEXT, 0), NULL)); /* the overlay takes every touch */
    drv_advance(&t, 9000);
    assert_true(t.app.visit.countdown);
    assert_int_equal(t.app.visit.screen, SCREEN_SLIDE);
    drv_advance(&t, 1000);
    assert_int_equal(t.app.visit.screen, SCREEN_ATTRACT);
    assert_false(t.app.visit.in_session);
    assert_int_equal(t.app.visit.module, -1);
    assert_int_equal(t.app.visit.slide, 0);
    assert_int_equal(t.app.visit.lang, 0);
    assert_false(t.app.visit.large_text);
    assert_false(t.app.visit.high_contrast);
    assert_false(t.app.visit.lang_confirmed);
    assert_int_equal(t.app.visit.picker_choice, -1);
    assert_int_equal(count_stat(&t.app, STAT_TIMEOUT), 1);
    assert_int_equal(count_stat(&t.app, STAT_SESSION_END), 1);
    assert_int_equal(find_stat(&t.app, STAT_SESSION_END)->n, 71);
    t_fini(&t);
}

static void test_still_here_keeps_session(void **st)
{
    (void)st;
    T t;
    t_init(&t, NULL, 0);
    start_visit(&t, 0);
    drv_tap(&t, W_CARD, 0);
    drv_advance(&t, 65 * 1000);
    assert_true(t.app.visit.countdown);
    drv_tap(&t, W_STILL_HERE, 0);
    assert_false(t.app.visit.countdown);
    assert_int_equal(t.app.visit.screen, SCREEN_SLIDE);
    drv_advance(&t, 30 * 1000);
    assert_int_equal(t.app.visit.screen, SCREEN_SLIDE);
    t_fini(&t);
}

static void test_configured_timeout(void **st)
{
    (void)st;
    T t;
    t_init(&t, NULL, 0);
    t.app.wiring.cfg.timeout_s = 20;
    start_visit(&t, 0);
    drv_advance(&t, 19 * 1000);
    assert_false(t.app.visit.countdown);
    assert_true(app_next_wake_ms(&t.app, t.now) <= 1000);
    drv_advance(&t, 1000);
    assert_true(t.app.visit.countdown);
    t_fini(&t);
}

static void test_quick_exit(void **st)
{
    (void)st;
    T t;
    t_init(&t, NULL, 0);
    start_visit(&t, 1);
    drv_tap(&t, W_CARD, 2);
    drv_tap(&t, W_NEXT, 0);
    t.app.fx.n_stats = 0;
    drv_tap(&t, W_QUICK_EXIT, 0);
    assert_int_equal(t.app.visit.screen, SCREEN_NEUTRAL);
    assert_false(t.app.visit.in_session);
    assert_int_equal(t.app.visit.module, -1);
    assert_int_equal(t.app.visit.lang, 0);
    assert_int_equal(count_stat(&t.app, STAT_QUICK_EXIT), 1);
    assert_int_equal(count_stat(&t.app, STAT_SESSION_END), 1);
    /* the neutral screen has no controls and says nothing of the subject */
    drv_build(&t);
    assert_int_equal(t.ui.n_hits, 0);
    for (int i = 0; i < t.ui.n_cmds; i++)
        assert_int_not_equal(t.ui.cmds[i].kind, DRAW_TEXT);
    /* taps do not bring the content back */
    drv_send(&t, EV_POINTER_DOWN, 100, 100);
    drv_send(&t, EV_POINTER_UP, 100, 100);
    assert_int_equal(t.app.visit.screen, SCREEN_NEUTRAL);
    drv_advance(&t, 8000);
    assert_int_equal(t.app.visit.screen, SCREEN_ATTRACT);
    t_fini(&t);
}

static void test_quick_exit_on_every_content_screen(void **st)
{
    (void)st;
    static const char *const names[] = {"language", "menu", "help", "journey-risks/slide-1",
                                        "journey-risks/quiz-1", "journey-risks/end"};
    T t;
    t_init(&t, NULL, 0);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        assert_int_equal(app_goto(&t.app, names[i], t.now), 0);
        drv_build(&t);
        assert_true(ui_find(&t.ui, WIDGET(W_QUICK_EXIT, 0), NULL));
        if (strcmp(names[i], "language") != 0) {
            assert_true(ui_find(&t.ui, WIDGET(W_HOME, 0), NULL));
            assert_true(ui_find(&t.ui, WIDGET(W_LANGUAGE, 0), NULL));
        }
    }
    t_fini(&t);
}

static void test_tap_fires_on_release_inside_pressed(void **st)
{
    (void)st;
    T t;
    t_init(&t, NULL, 0);
    start_visit(&t, 0);
    drv_tap(&t, W_CARD, 0);
    drv_build(&t);
    Rect next, back;
    assert_true(ui_find(&t.ui, WIDGET(W_NEXT, 0), &next));
    assert_true(ui_find(&t.ui, WIDGET(W_BACK, 0), &back));
    /* press Next, slide off and release elsewhere (not a swipe: vertical) */
    drv_send(&t, EV_POINTER_DOWN, next.x + next.w / 2, next.y + next.h / 2);
    drv_send(&t, EV_POINTER_UP, next.x + next.w / 2, next.y - 200);
    assert_int_equal(t.app.visit.slide, 0);
    /* press on nothing, release on Next: nothing */
    drv_send(&t, EV_POINTER_DOWN, 600, 400);
    drv_send(&t, EV_POINTER_UP, next.x + next.w / 2, next.y + next.h / 2);
    assert_int_equal(t.app.visit.slide, 0);
    /* a small wobble is still a tap */
    drv_send(&t, EV_POINTER_DOWN, next.x + next.w / 2, next.y + next.h / 2);
    drv_send(&t, EV_POINTER_UP, next.x + next.w / 2 + 8, next.y + next.h / 2 - 6);
    assert_int_equal(t.app.visit.slide, 1);
    t_fini(&t);
}

static void swipe(T *t, int dx)
{
    drv_send(t, EV_POINTER_DOWN, 640 - dx / 2, 400);
    t->now += 100;
    drv_send(t, EV_POINTER_UP, 640 + dx / 2, 405);
    t->now += 100;
    drv_advance(t, APP_ANIM_MS);
}

static void test_swipe_directions(void **st)
{
    (void)st;
    T t;
    t_init(&t, NULL, 0);
    start_visit(&t, 0); /* en: swipe left = next */
    drv_tap(&t, W_CARD, 0);
    swipe(&t, -300);
    assert_int_equal(t.app.visit.slide, 1);
    swipe(&t, 300);
    assert_int_equal(t.app.visit.slide, 0);
    swipe(&t, -20); /* under the slop: not a swipe */
    assert_int_equal(t.app.visit.slide, 0);
    t_fini(&t);

    t_init(&t, NULL, 0);
    start_visit(&t, 2); /* ar: swipe right = next */
    drv_tap(&t, W_CARD, 0);
    swipe(&t, 300);
    assert_int_equal(t.app.visit.slide, 1);
    swipe(&t, -300);
    assert_int_equal(t.app.visit.slide, 0);
    t_fini(&t);
}

static void test_keyboard(void **st)
{
    (void)st;
    T t;
    t_init(&t, NULL, 0);
    drv_key(&t, KEY_ENTER);
    assert_int_equal(t.app.visit.screen, SCREEN_LANGUAGE);
    drv_key(&t, KEY_TAB); /* focus moves through the controls */
    assert_int_not_equal(t.app.visit.focus, W_NONE);
    while (WIDGET_KIND(t.app.visit.focus) != W_LANG_CHOICE)
        drv_key(&t, KEY_TAB);
    drv_key(&t, KEY_ENTER); /* choose the focused language */
    assert_int_equal(t.app.visit.picker_choice, 0);
    while (WIDGET_KIND(t.app.visit.focus) != W_LANG_CONFIRM)
        drv_key(&t, KEY_TAB);
    drv_key(&t, KEY_ENTER);
    assert_int_equal(t.app.visit.screen, SCREEN_MENU);
    while (WIDGET_KIND(t.app.visit.focus) != W_CARD)
        drv_key(&t, KEY_TAB);
    drv_key(&t, KEY_ENTER);
    assert_int_equal(t.app.visit.screen, SCREEN_SLIDE);
    drv_key(&t, KEY_RIGHT);
    assert_int_equal(t.app.visit.slide, 1);
    drv_key(&t, KEY_LEFT);
    assert_int_equal(t.app.visit.slide, 0);
    drv_key(&t, KEY_ESCAPE);
    assert_int_equal(t.app.visit.screen, SCREEN_MENU);
    t_fini(&t);

    /* right to left: the arrow keys follow the reading direction */
    t_init(&t, NULL, 0);
    start_visit(&t, 2);
    drv_tap(&t, W_CARD, 0);
    drv_key(&t, KEY_LEFT);
    assert_int_equal(t.app.visit.slide, 1);
    drv_key(&t, KEY_RIGHT);
    assert_int_equal(t.app.visit.slide, 0);
    t_fini(&t);
}

static void test_language_switch_mid_module(void **st)
{
    (void)st;
    T t;
    t_init(&t, NULL, 0);
    start_visit(&t, 0);
    drv_tap(&t, W_CARD, 0);
    drv_tap(&t, W_NEXT, 0);
    t.app.fx.n_stats = 0;
    drv_tap(&t, W_LANGUAGE, 0);
    assert_int_equal(t.app.visit.screen, SCREEN_LANGUAGE);
    drv_tap(&t, W_LANG_CHOICE, 3);
    /* the whole screen already speaks the new language */
    assert_string_equal(app_lang(&t.app), "ti");
    drv_build(&t);
    assert_string_equal(i18n_current()->code, "ti");
    drv_tap(&t, W_LANG_CONFIRM, 0);
    assert_int_equal(t.app.visit.screen, SCREEN_SLIDE);
    assert_int_equal(t.app.visit.slide, 1);
    assert_int_equal(count_stat(&t.app, STAT_LANGUAGE_SWITCH), 1);
    assert_string_equal(find_stat(&t.app, STAT_LANGUAGE_SWITCH)->lang, "ti");
    t_fini(&t);
}

static void test_idle_sleeps(void **st)
{
    (void)st;
    T t;
    const char *one[] = {"en"};
    t_init(&t, one, 1);
    /* one language on the attract screen: nothing ever changes by itself */
    assert_int_equal(app_next_wake_ms(&t.app, t.now), -1);
    t_fini(&t);
    t_init(&t, NULL, 0);
    int w = app_next_wake_ms(&t.app, t.now);
    assert_true(w > 0 && w <= t.app.wiring.cfg.attract_cycle_ms);
    start_visit(&t, 0);
    w = app_next_wake_ms(&t.app, t.now);
    assert_true(w > 55 * 1000 && w <= 60 * 1000);
    drv_tap(&t, W_CARD, 0);
    drv_tap(&t, W_NEXT, 0);
    assert_true(app_animating(&t.app, t.now));
    assert_int_equal(app_next_wake_ms(&t.app, t.now), 0);
    drv_advance(&t, APP_ANIM_MS);
    assert_false(app_animating(&t.app, t.now));
    t_fini(&t);
}



/* The kiosk's loop (render/kiosk.c) with an injected clock: draw when the
 * App is dirty, sleep exactly app_next_wake_ms(), let time act, until
 * `until`. calls cb after each frame drawn; returns how many were drawn and
 * how many times the loop woke in *wakes. */
typedef void (*FrameFn)(T *t, int frame, void *ctx);
static int run_loop(T *t, uint64_t until, int *wakes, FrameFn cb, void *ctx)
{
    int frames = 0;
    *wakes = 0;
    for (;;) {
        if (t->app.dirty) {
            drv_build(t);
            t->app.dirty = 0;
            if (cb)
                cb(t, frames, ctx);
            frames++;
        }
        int wait = app_next_wake_ms(&t->app, t->now);
        if (wait < 0 || t->now + (uint64_t)wait > until) {
            t->now = until; /* nothing to do before then: the loop sleeps */
            return frames;
        }
        t->now += (uint64_t)wait;
        (*wakes)++;
        app_update(&t->app, NULL, t->now);
    }
    return frames;
}

static void countdown_frame(T *t, int frame, void *ctx)
{
    int *last = ctx;
    char want[8];
    if (t->app.visit.screen == SCREEN_ATTRACT)
        return; /* the wipe at the end */
    snprintf(want, sizeof want, "%d", t->app.wiring.cfg.countdown_s - frame);
    assert_true(support_has_line(&t->ui, want));
    *last = t->app.wiring.cfg.countdown_s - frame;
}

static void attract_frame(T *t, int frame, void *ctx)
{
    const char **langs = ctx;
    const char *code = t->app.wiring.cfg.langs[frame % t->app.wiring.cfg.n_langs];
    langs[frame] = code;
    assert_true(support_has_line(&t->ui, i18n_text_in(code, "Touch the screen to start")));
    AppTimeView v;
    app_time_view(&t->app, t->now, &v);
    assert_int_equal(v.attract_lang, frame % t->app.wiring.cfg.n_langs);
}

/* Time-driven changes repaint a real display exactly when their pixels
 * change: the countdown once per second with the right digit, the attract
 * screen once per language, and nothing in between. */
static void test_loop_repaints_when_time_changes_pixels(void **st)
{
    (void)st;
    T t;
    t_init(&t, NULL, 0);
    start_visit(&t, 0);
    t.app.dirty = 0;
    int wakes = 0, last = -1;
    /* a minute of nothing: no frame until "Still there?" appears */
    int frames = run_loop(&t, t.now + 60 * 1000 - 200, &wakes, NULL, NULL);
    assert_int_equal(frames, 0);
    assert_int_equal(wakes, 0);
    /* the countdown: 10, 9, ..., 1 each drawn once, then the wipe */
    frames = run_loop(&t, t.now + 12 * 1000, &wakes, countdown_frame, &last);
    assert_int_equal(last, 1);
    assert_int_equal(t.app.visit.screen, SCREEN_ATTRACT);
    assert_int_equal(frames, t.app.wiring.cfg.countdown_s + 1);
    assert_int_equal(wakes, t.app.wiring.cfg.countdown_s + 1); /* no wake without a change */
    /* the attract screen: one frame per language, in order */
    const char *seen[16] = {0};
    t.app.dirty = 1;
    uint64_t cyc = (uint64_t)t.app.wiring.cfg.attract_cycle_ms;
    frames = run_loop(&t, t.app.kiosk.attract_start_ms + cyc * 4 + cyc / 2, &wakes, attract_frame, seen);
    assert_int_equal(frames, 5);
    assert_int_equal(wakes, 4);
    for (int i = 1; i < 5; i++)
        assert_string_not_equal(seen[i], seen[i - 1]);
    t_fini(&t);
}

/* The PIN pad's lockout countdown repaints once per second shown. */
static void test_loop_repaints_pin_lock(void **st)
{
    (void)st;
    T t;
    t_init(&t, NULL, 0);
    assert_int_equal(app_goto(&t.app, "pin-locked", t.now), 0);
    app_update(&t.app, NULL, t.now);
    t.now += 300; /* mid-second: 25 s locked, 24.7 s left, "25" shown */
    app_update(&t.app, NULL, t.now);
    int wakes = 0;
    int frames = run_loop(&t, t.now + 3000, &wakes, NULL, NULL);
    drv_build(&t);
    assert_true(frames >= 3 && frames <= 4);
    assert_int_equal(wakes, 3);
    AppTimeView v;
    app_time_view(&t.app, t.now, &v);
    assert_int_equal(v.lock_left, 22);
    t_fini(&t);
}


static int rect_eq(Rect a, Rect b) { return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h; }

/* The picker does not move under the finger: touching العربية switches the
 * words to Arabic but leaves every language, Continue and Exit where they
 * were, so the same spot picks the same language before and after. */
static void test_picker_stays_put(void **st)
{
    (void)st;
    T t;
    t_init(&t, NULL, 0);
    drv_tap(&t, W_BACKGROUND, 0);
    drv_tap(&t, W_LANG_CHOICE, 0); /* English first: Continue is live */
    drv_build(&t);
    int n = t.app.wiring.cfg.n_langs;
    Rect before[APP_MAX_LANGS], exit_before, cont_before;
    for (int i = 0; i < n; i++)
        assert_true(ui_find(&t.ui, WIDGET(W_LANG_CHOICE, i), &before[i]));
    assert_true(ui_find(&t.ui, WIDGET(W_QUICK_EXIT, 0), &exit_before));
    assert_true(ui_find(&t.ui, WIDGET(W_LANG_CONFIRM, 0), &cont_before));
    drv_tap(&t, W_LANG_CHOICE, 2);
    assert_string_equal(app_lang(&t.app), "ar");
    drv_build(&t);
    for (int i = 0; i < n; i++) {
        Rect r;
        assert_true(ui_find(&t.ui, WIDGET(W_LANG_CHOICE, i), &r));
        assert_true(rect_eq(r, before[i]));
        assert_int_equal(ui_hit(&t.ui, before[i].x + before[i].w / 4, before[i].y + before[i].h / 2),
                         WIDGET(W_LANG_CHOICE, i));
    }
    Rect r;
    assert_true(ui_find(&t.ui, WIDGET(W_QUICK_EXIT, 0), &r));
    assert_true(rect_eq(r, exit_before));
    assert_true(ui_find(&t.ui, WIDGET(W_LANG_CONFIRM, 0), &r));
    assert_true(rect_eq(r, cont_before));
    /* a second touch on the same spot keeps Arabic */
    drv_tap(&t, W_LANG_CHOICE, 2);
    assert_string_equal(app_lang(&t.app), "ar");
    /* confirmed, the visitor's screens are mirrored */
    drv_tap(&t, W_LANG_CONFIRM, 0);
    drv_build(&t);
    assert_true(t.ui.rtl);
    assert_true(ui_find(&t.ui, WIDGET(W_QUICK_EXIT, 0), &r));
    assert_true(r.x < t.app.wiring.w / 2);
    t_fini(&t);
}

/* Before a choice the heading cycles through every language, each in its
 * own words; once one is touched it stays in that language. */
static void test_picker_heading_in_every_language(void **st)
{
    (void)st;
    T t;
    t_init(&t, NULL, 0);
    drv_tap(&t, W_BACKGROUND, 0);
    for (int i = 0; i < t.app.wiring.cfg.n_langs; i++) {
        AppTimeView v;
        app_time_view(&t.app, t.now, &v);
        drv_build(&t);
        assert_true(support_has_line(&t.ui, i18n_text_in(t.app.wiring.cfg.langs[v.picker_lang], "Choose your language")));
        t.now += (uint64_t)t.app.wiring.cfg.attract_cycle_ms;
        app_update(&t.app, NULL, t.now);
        assert_true(t.app.dirty);
        t.app.dirty = 0;
    }
    drv_tap(&t, W_LANG_CHOICE, 3);
    assert_int_equal(app_next_wake_ms(&t.app, t.now) > 50 * 1000, 1); /* stops cycling */
    drv_build(&t);
    assert_true(support_has_line(&t.ui, i18n_text_in("ti", "Choose your language")));
    t_fini(&t);
}


/* Feedback matches the choice: the heading judges the answer ("Well
 * done!" or "Not quite"), the right answer is marked, and the explanation,
 * shown after either, never praises the choice itself (a child who chose
 * the unsafe answer must not read "you did the right thing"). */
static void test_feedback_matches_choice(void **st)
{
    (void)st;
    static const char *const praise[] = {"You did the right thing", "right thing to",
                                         "Well done", "Good job", "You are right"};
    for (int i = 0; i < content_module_count(content); i++) {
        const Module *m = content_module(content, i);
        for (int q = 0; q < m->n_quiz; q++)
            for (size_t k = 0; k < sizeof praise / sizeof praise[0]; k++)
                if (m->quiz[q].explain && strstr(m->quiz[q].explain, praise[k]))
                    fail_msg("%s quiz %d: the explanation says \"%s\" whatever the answer", m->id,
                             q + 1, praise[k]);
    }
    T t;
    t_init(&t, NULL, 0);
    start_visit(&t, 0);
    int child = -1;
    for (int i = 0; i < content_module_count(content); i++)
        if (content_module(content, i)->audience & AUDIENCE_CHILDREN && content_module(content, i)->n_quiz)
            child = i;
    assert_true(child >= 0);
    const Module *m = content_module(content, child);
    for (int pick = 0; pick < 2; pick++) {
        drv_tap(&t, W_HOME, 0);
        drv_tap(&t, W_CARD, child);
        while (t.app.visit.screen != SCREEN_QUIZ)
            drv_tap(&t, W_NEXT, 0);
        int right = m->quiz[0].correct;
        int wrong = right == 0 ? 1 : 0;
        drv_tap(&t, W_ANSWER, pick ? right : wrong);
        drv_build(&t);
        assert_int_equal(support_has_line(&t.ui, "Well done!"), pick);
        assert_int_equal(support_has_line(&t.ui, "Not quite. Here is the answer:"), !pick);
    }
    t_fini(&t);
}

static void test_narration_stops_on_every_path(void **st)
{
    (void)st;
    T t;
    t_init(&t, NULL, 0);
    t.app.wiring.cfg.autoplay = 1;
    start_visit(&t, 0);
    t.app.fx.n_audio = 0;
    drv_tap(&t, W_CARD, 0);
    assert_int_equal(t.app.fx.audio[t.app.fx.n_audio - 1].action, AUDIO_PLAY);
    t.app.fx.n_audio = 0;
    drv_tap(&t, W_NEXT, 0);
    assert_int_equal(t.app.fx.audio[0].action, AUDIO_STOP);
    assert_int_equal(t.app.fx.audio[1].action, AUDIO_PLAY);
    t.app.fx.n_audio = 0;
    drv_tap(&t, W_QUICK_EXIT, 0);
    assert_true(t.app.fx.n_audio >= 1);
    assert_int_equal(t.app.fx.audio[t.app.fx.n_audio - 1].action, AUDIO_STOP);
    t_fini(&t);
}

static void test_children_track_slower(void **st)
{
    (void)st;
    T t;
    t_init(&t, NULL, 0);
    start_visit(&t, 0);
    int child = -1;
    for (int i = 0; i < content_module_count(content); i++)
        if (content_module(content, i)->audience & AUDIENCE_CHILDREN)
            child = i;
    assert_true(child >= 0);
    drv_tap(&t, W_CARD, child);
    assert_true(app_anim_ms(&t.app) > APP_ANIM_MS);
    drv_tap(&t, W_NEXT, 0);
    drv_advance(&t, APP_ANIM_MS + 10);
    assert_true(app_animating(&t.app, t.now)); /* still moving: a slower pace */
    drv_advance(&t, 70 * 1000);
    assert_false(t.app.visit.countdown); /* more time to read than the 60 s of others */
    drv_advance(&t, 25 * 1000);
    assert_true(t.app.visit.countdown);
    t_fini(&t);
}

typedef struct {
    T *t;
    int n;
} GotoCtx;

static void goto_cb(void *c, const char *name)
{
    GotoCtx *ctx = c;
    if (app_goto(&ctx->t->app, name, ctx->t->now) != 0)
        fail_msg("app_goto refused listed screen %s", name);
    ctx->n++;
}

static void test_goto_every_listed_screen(void **st)
{
    (void)st;
    T t;
    t_init(&t, NULL, 0);
    GotoCtx ctx = {&t, 0};
    app_screen_names(&t.app, goto_cb, &ctx);
    assert_true(ctx.n > 30);
    assert_int_not_equal(app_goto(&t.app, "no-such-screen", t.now), 0);
    assert_int_not_equal(app_goto(&t.app, "journey-risks/slide-99", t.now), 0);
    t_fini(&t);
}

static int all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i])
            return 0;
    return 1;
}

/* app_wipe() clears the parts of a visit whole, whatever a field holds
 * (every byte of them is set here), and keeps the wiring, the kiosk's
 * clocks and facts and the effects not yet taken. */
static void test_wipe_clears_every_visit_byte(void **st)
{
    (void)st;
    App a;
    app_init(&a, content, NULL, 1000);
    memset(&a.visit, 0xa5, sizeof a.visit);
    memset(&a.gesture, 0xa5, sizeof a.gesture);
    memset(&a.admin, 0xa5, sizeof a.admin);
    memset(&a.group, 0xa5, sizeof a.group);
    memset(&a.time_view, 0xa5, sizeof a.time_view);
    a.kiosk.clock_min = 615;
    a.kiosk.neutral_until_ms = 7777;
    a.facts.pin_locked_until = 4242;
    a.facts.banner = BANNER_OK;
    a.facts.job_busy = 1;
    snprintf(a.facts.banner_detail, sizeof a.facts.banner_detail, "exported 12 rows");
    snprintf(a.facts.settings.kiosk_name, sizeof a.facts.settings.kiosk_name, "Gate 3");
    memset(&a.fx.stats[0], 0, sizeof a.fx.stats[0]);
    a.fx.stats[0].kind = STAT_HELP_SHOWN;
    a.fx.n_stats = 1;
    a.fx.n_audio = 0;
    AppWiring wiring = a.wiring;
    AppAdminFacts facts = a.facts;
    StatEvent pending = a.fx.stats[0];
    a.dirty = 0;

    app_wipe(&a, 5000);

    AppVisit fresh;
    memset(&fresh, 0, sizeof fresh);
    fresh.screen = SCREEN_ATTRACT;
    fresh.module = -1;
    fresh.quiz_answer = -1;
    fresh.picker_choice = -1;
    assert_memory_equal(&a.visit, &fresh, sizeof fresh);
    assert_true(all_zero(&a.gesture, sizeof a.gesture));
    assert_true(all_zero(&a.admin, sizeof a.admin));
    assert_true(all_zero(&a.group, sizeof a.group));
    assert_true(all_zero(&a.time_view, sizeof a.time_view));
    assert_memory_equal(&a.wiring, &wiring, sizeof wiring);
    assert_memory_equal(&a.facts, &facts, sizeof facts);
    assert_int_equal(a.kiosk.clock_min, 615);
    assert_int_equal(a.kiosk.neutral_until_ms, 7777);
    assert_int_equal(a.kiosk.attract_start_ms, 5000);
    assert_int_equal(a.fx.n_stats, 1);
    assert_memory_equal(&a.fx.stats[0], &pending, sizeof pending);
    assert_int_equal(a.fx.n_audio, 1);
    assert_int_equal(a.fx.audio[0].action, AUDIO_STOP);
    assert_true(a.dirty);
}

/* After an install the kiosk switches the App to the new content (it
 * decides who frees what, render/kiosk_effects.c): the App borrows the new
 * one and keeps no module index into the old one. */
static void test_set_content_drops_module(void **st)
{
    (void)st;
    Err e;
    Content *fresh = content_load(support_path("content"), &e);
    assert_non_null(fresh);
    App a;
    app_init(&a, content, NULL, 1000);
    char name[128];
    snprintf(name, sizeof name, "%s/slide-1", content_module(content, 0)->id);
    assert_int_equal(app_goto(&a, name, 1000), 0);
    assert_non_null(app_module(&a));
    a.dirty = 0;
    app_set_content(&a, fresh);
    assert_ptr_equal(a.wiring.content, fresh);
    assert_null(app_module(&a));
    assert_true(a.dirty);
    content_free(fresh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_visit),
        cmocka_unit_test(test_timeout_wipes_everything),
        cmocka_unit_test(test_still_here_keeps_session),
        cmocka_unit_test(test_configured_timeout),
        cmocka_unit_test(test_quick_exit),
        cmocka_unit_test(test_quick_exit_on_every_content_screen),
        cmocka_unit_test(test_tap_fires_on_release_inside_pressed),
        cmocka_unit_test(test_swipe_directions),
        cmocka_unit_test(test_keyboard),
        cmocka_unit_test(test_language_switch_mid_module),
        cmocka_unit_test(test_idle_sleeps),
        cmocka_unit_test(test_loop_repaints_when_time_changes_pixels),
        cmocka_unit_test(test_loop_repaints_pin_lock),
        cmocka_unit_test(test_picker_stays_put),
        cmocka_unit_test(test_feedback_matches_choice),
        cmocka_unit_test(test_picker_heading_in_every_language),
        cmocka_unit_test(test_narration_stops_on_every_path),
        cmocka_unit_test(test_children_track_slower),
        cmocka_unit_test(test_goto_every_listed_screen),
        cmocka_unit_test(test_wipe_clears_every_visit_byte),
        cmocka_unit_test(test_set_content_drops_module),
    };
    return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
