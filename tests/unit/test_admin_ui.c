/* test_admin_ui.c: the admin side of the state machine with an injected
 * clock: the hidden gesture, the PIN pad (with the real pin.h store in a
 * temporary folder, answering commands as the kiosk does), the admin
 * screen's settings, the export banner and stick events, and a
 * community-worker group session down to the StatEvents it queues. Events
 * are made as the kiosk makes them: build the screen, hit-test, update. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sodium.h>
#include <string.h>

#include "admin/pin.h"
#include "app.h"
#include "content/content.h"
#include "i18n/i18n.h"
#include "driver.h"
#include "support.h"
#include "ui/ui.h"

static Content *content;

typedef struct {
    Driver d;       /* first: the driver's hook gets back to T from it */
    PinStore *pins; /* when set, PIN commands are answered from it */
    int64_t wall;   /* the PIN store's wall clock */
    int saves, infos, exports;
    char export_path[256];
    int export_sealed_only; /* of the last export command */
    int clock_adjusts;    /* CMD_CLOCK_ADJUST seen */
    int64_t clock_adjust; /* and their seconds, summed */
} T;

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

static void serve(T *t);

static void serve_hook(Driver *d) { serve((T *)(void *)d); }

static void t_init(T *t)
{
    memset(t, 0, sizeof *t);
    t->wall = 1700000000000;
    drv_init(&t->d, content, NULL, 1280, 800, 160);
    t->d.after = serve_hook;
    Event ps = {.kind = EV_PIN_STATE, .pin_set = 1};
    app_update(&t->d.app, &ps, t->d.now);
}

static void t_fini(T *t)
{
    drv_fini(&t->d);
    pin_close(t->pins);
}

/* The kiosk's part: take the queued commands and answer them. */
static void serve(T *t)
{
    AppCmd cmds[APP_MAX_CMDS];
    int n = t->d.app.fx.n_cmds;
    memcpy(cmds, t->d.app.fx.cmds, sizeof cmds);
    t->d.app.fx.n_cmds = 0;
    for (int i = 0; i < n; i++) {
        Event ev = {.job = cmds[i].kind};
        PinResult r = {0};
        switch (cmds[i].kind) {
        case CMD_PIN_CHECK:
            if (!t->pins)
                continue; /* the test answers by hand */
            ev.kind = EV_PIN_RESULT;
            ev.err = pin_check(t->pins, cmds[i].pin, t->wall, &r);
            ev.slot = r.slot;
            ev.locked_ms = r.locked_ms;
            break;
        case CMD_SAVE_SETTINGS: t->saves++; continue;
        case CMD_ADMIN_INFO: t->infos++; continue;
        case CMD_CLOCK_ADJUST:
            t->clock_adjusts++;
            t->clock_adjust += cmds[i].seconds;
            continue;
        case CMD_EXPORT:
            t->exports++;
            snprintf(t->export_path, sizeof t->export_path, "%s", cmds[i].path);
            t->export_sealed_only = cmds[i].sealed_only;
            continue;
        default: continue;
        }
        sodium_memzero(cmds[i].pin, sizeof cmds[i].pin);
        app_update(&t->d.app, &ev, t->d.now);
    }
}

static void advance(T *t, uint64_t ms)
{
    t->wall += (int64_t)ms;
    drv_advance(&t->d, ms);
}

static void gesture(T *t)
{
    drv_press_at(&t->d, 10, 10, 3200);
    drv_tap_at(&t->d, 1270, 10);
    drv_tap_at(&t->d, 1270, 790);
    drv_tap_at(&t->d, 10, 790);
}

static void type_pin(T *t, const char *pin)
{
    for (const char *p = pin; *p; p++)
        drv_tap(&t->d, W_PIN_DIGIT, *p - '0');
    drv_tap(&t->d, W_PIN_OK, 0);
}

static void test_gesture_opens_pin_pad(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    gesture(&t);
    assert_int_equal(t.d.app.visit.screen, SCREEN_PIN);
    assert_int_equal(t.d.app.admin.pin_mode, PINPAD_ENTER);
    assert_false(t.d.app.visit.in_session); /* nothing counted as a visit */
    assert_int_equal(t.d.app.fx.n_stats, 0);
    t_fini(&t);
}

static void test_gesture_needs_long_press_and_order(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    /* a short press in the corner is an ordinary tap: a visit starts */
    drv_press_at(&t.d, 10, 10, 1000);
    assert_int_equal(t.d.app.visit.screen, SCREEN_LANGUAGE);
    app_wipe(&t.d.app, t.d.now);
    t.d.app.fx.n_stats = 0;
    /* counter-clockwise: the wrong corner is an ordinary tap */
    drv_press_at(&t.d, 10, 10, 3200);
    assert_int_equal(t.d.app.visit.screen, SCREEN_ATTRACT);
    drv_tap_at(&t.d, 10, 790);
    assert_int_equal(t.d.app.visit.screen, SCREEN_LANGUAGE);
    app_wipe(&t.d.app, t.d.now);
    /* too slow: more than 10 s after the long press */
    drv_press_at(&t.d, 10, 10, 3200);
    drv_tap_at(&t.d, 1270, 10);
    drv_tap_at(&t.d, 1270, 790);
    advance(&t, 11000);
    drv_tap_at(&t.d, 10, 790);
    assert_int_not_equal(t.d.app.visit.screen, SCREEN_PIN);
    t_fini(&t);
}

static void test_gesture_corners_are_physical(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    t.d.app.visit.lang = 2; /* Arabic: the screen is mirrored, the corners are not */
    gesture(&t);
    assert_int_equal(t.d.app.visit.screen, SCREEN_PIN);
    t_fini(&t);
}

static void test_pin_pad_wrong_right_and_wiped(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    gesture(&t);
    drv_tap(&t.d, W_PIN_DIGIT, 1);
    drv_tap(&t.d, W_PIN_DIGIT, 2);
    drv_tap(&t.d, W_PIN_DIGIT, 9);
    drv_tap(&t.d, W_PIN_DELETE, 0);
    assert_int_equal(t.d.app.admin.pin_len, 2);
    assert_string_equal(t.d.app.admin.pin, "12");
    /* OK is disabled below the minimum length */
    assert_false(drv_has(&t.d, W_PIN_OK, 0));
    drv_tap(&t.d, W_PIN_DIGIT, 3);
    drv_tap(&t.d, W_PIN_DIGIT, 4);
    drv_tap(&t.d, W_PIN_OK, 0);
    /* the PIN went out as a command and left the App */
    assert_int_equal(t.d.app.admin.pin_len, 0);
    assert_int_equal(t.d.app.admin.pin[0], 0);
    assert_int_equal(t.d.app.admin.pin_message, PINMSG_CHECKING);
    assert_false(drv_has(&t.d, W_PIN_DIGIT, 1)); /* the pad waits for the answer */
    Event ev = {.kind = EV_PIN_RESULT, .err = ERR_KEY};
    app_update(&t.d.app, &ev, t.d.now);
    assert_int_equal(t.d.app.visit.screen, SCREEN_PIN);
    assert_int_equal(t.d.app.admin.pin_message, PINMSG_WRONG);
    type_pin(&t, "4321");
    ev = (Event){.kind = EV_PIN_RESULT, .err = ERR_OK, .slot = PIN_SLOT_ADMIN};
    app_update(&t.d.app, &ev, t.d.now);
    assert_int_equal(t.d.app.visit.screen, SCREEN_ADMIN);
    assert_int_equal(t.d.app.admin.tab, TAB_STATUS);
    assert_int_equal(t.d.app.fx.n_cmds, 1);
    assert_int_equal(t.d.app.fx.cmds[0].kind, CMD_ADMIN_INFO);
    /* a late answer for a pad that was closed changes nothing */
    app_update(&t.d.app, &ev, t.d.now);
    assert_int_equal(t.d.app.visit.screen, SCREEN_ADMIN);
    t_fini(&t);
}

static void test_pin_cancel_and_idle(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    gesture(&t);
    drv_tap(&t.d, W_PIN_DIGIT, 5);
    drv_tap(&t.d, W_PIN_CANCEL, 0);
    assert_int_equal(t.d.app.visit.screen, SCREEN_ATTRACT);
    assert_int_equal(t.d.app.admin.pin_len, 0);
    gesture(&t);
    drv_tap(&t.d, W_PIN_DIGIT, 5);
    advance(&t, APP_PIN_IDLE_MS + 10);
    assert_int_equal(t.d.app.visit.screen, SCREEN_ATTRACT);
    assert_int_equal(t.d.app.admin.pin[0], 0);
    t_fini(&t);
}

/* Five wrong PINs with the real store: the pad locks with a countdown and
 * its digits take no touch until the lock ends. */
static void test_five_wrong_pins_lock(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    Err why;
    t.pins = pin_open(support_tmpdir(), &why);
    assert_non_null(t.pins);
    pin_set_cost(t.pins, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
    assert_int_equal(pin_set(t.pins, PIN_SLOT_ADMIN, "2468"), ERR_OK);
    gesture(&t);
    for (int i = 0; i < PIN_FREE_TRIES; i++) {
        assert_true(drv_has(&t.d, W_PIN_DIGIT, 1));
        type_pin(&t, "1111");
    }
    assert_int_equal(t.d.app.admin.pin_message, PINMSG_LOCKED);
    assert_true(t.d.app.facts.pin_locked_until > t.d.now);
    assert_false(drv_has(&t.d, W_PIN_DIGIT, 1));
    assert_true(app_next_wake_ms(&t.d.app, t.d.now) <= 1000); /* the countdown ticks */
    advance(&t, (uint64_t)pin_lock_delay_ms(PIN_FREE_TRIES) + 100);
    assert_true(drv_has(&t.d, W_PIN_DIGIT, 1));
    type_pin(&t, "2468");
    assert_int_equal(t.d.app.visit.screen, SCREEN_ADMIN);
    t_fini(&t);
}

/* A fresh kiosk (no admin PIN): visitors are served at once, and whoever
 * finds the gesture only reads that the installer sets the PIN; there is
 * no keypad to choose one with, and nothing is queued. */
static void test_fresh_kiosk_cannot_set_pin(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    Event ps = {.kind = EV_PIN_STATE, .pin_set = 0};
    app_update(&t.d.app, &ps, t.d.now);
    assert_true(t.d.app.facts.pin_missing);
    assert_int_equal(t.d.app.visit.screen, SCREEN_ATTRACT);
    /* the visitor side runs */
    drv_tap_at(&t.d, 640, 400);
    assert_int_equal(t.d.app.visit.screen, SCREEN_LANGUAGE);
    app_wipe(&t.d.app, t.d.now);
    assert_int_equal(t.d.app.visit.screen, SCREEN_ATTRACT);
    /* the admin path explains, and offers no way to set a PIN */
    gesture(&t);
    assert_int_equal(t.d.app.visit.screen, SCREEN_PIN);
    assert_int_equal(t.d.app.admin.pin_mode, PINPAD_NOT_SET);
    drv_build(&t.d);
    for (int d = 0; d < 10; d++)
        assert_false(drv_has(&t.d, W_PIN_DIGIT, d));
    assert_false(drv_has(&t.d, W_PIN_OK, 0));
    int found = 0;
    for (int i = 0; i < t.d.ui.n_cmds; i++) {
        const DrawCmd *c = &t.d.ui.cmds[i];
        char line[256];
        if (c->kind != DRAW_TEXT || c->len >= sizeof line)
            continue;
        memcpy(line, c->text, c->len);
        line[c->len] = 0;
        found |= strstr(line, "taama admin set-pin") != NULL;
    }
    assert_true(found);
    /* the pad has no digits to press; Enter does nothing either */
    Event k = {.kind = EV_KEY, .key = KEY_ENTER};
    app_update(&t.d.app, &k, t.d.now);
    assert_int_equal(t.d.app.fx.n_cmds, 0);
    assert_int_equal(t.d.app.admin.pin_len, 0);
    /* Cancel, or a minute alone, goes back to the visitors */
    drv_tap(&t.d, W_PIN_CANCEL, 0);
    assert_int_equal(t.d.app.visit.screen, SCREEN_ATTRACT);
    gesture(&t);
    assert_int_equal(t.d.app.visit.screen, SCREEN_PIN);
    advance(&t, APP_PIN_IDLE_MS);
    assert_int_equal(t.d.app.visit.screen, SCREEN_ATTRACT);
    /* a PIN set from the shell while running: the next check works */
    Event set = {.kind = EV_PIN_STATE, .pin_set = 1};
    app_update(&t.d.app, &set, t.d.now);
    gesture(&t);
    assert_int_equal(t.d.app.admin.pin_mode, PINPAD_ENTER);
    t_fini(&t);
}

static void open_admin_screen(T *t)
{
    gesture(t);
    type_pin(t, "1234");
    Event ev = {.kind = EV_PIN_RESULT, .err = ERR_OK, .slot = PIN_SLOT_ADMIN};
    app_update(&t->d.app, &ev, t->d.now);
    serve(t);
    assert_int_equal(t->d.app.visit.screen, SCREEN_ADMIN);
}

/* The kiosk clock on the Settings tab: shown once the kiosk sent its time,
 * stepped by a day or an hour through a command the kiosk applies as an
 * offset (app/clock/clock.h); the screen shows the new time at once. */
static void test_admin_sets_clock(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    open_admin_screen(&t);
    drv_tap(&t.d, W_ADMIN_TAB, TAB_SETTINGS);
    drv_build(&t.d);
    Rect r;
    assert_false(ui_find(&t.d.ui, WIDGET(W_ADMIN_INC, VALUE_CLOCK_DAY), &r)); /* time not known yet */
    AdminInfo in = {.valid = 1, .clock_now = 1769904000, .clock_ok = 0};
    Event ev = {.kind = EV_ADMIN_INFO, .info = &in};
    app_update(&t.d.app, &ev, t.d.now);
    drv_tap(&t.d, W_ADMIN_INC, VALUE_CLOCK_DAY);
    assert_int_equal(t.clock_adjusts, 1);
    assert_int_equal(t.clock_adjust, 86400);
    assert_int_equal(t.d.app.facts.info.clock_now, 1769904000 + 86400);
    drv_tap(&t.d, W_ADMIN_DEC, VALUE_CLOCK_HOUR);
    assert_int_equal(t.clock_adjusts, 2);
    assert_int_equal(t.clock_adjust, 86400 - 3600);
    assert_int_equal(t.d.app.facts.info.clock_now, 1769904000 + 86400 - 3600);
    t_fini(&t);
}

static void test_settings_take_effect(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    open_admin_screen(&t);
    assert_int_equal(t.infos, 1);
    drv_tap(&t.d, W_ADMIN_TAB, TAB_SETTINGS);
    int saves = t.saves;
    drv_tap(&t.d, W_ADMIN_INC, VALUE_TIMEOUT);
    assert_int_equal(t.d.app.facts.settings.inactivity_timeout_s, 75);
    assert_int_equal(t.d.app.wiring.cfg.timeout_s, 75);
    assert_int_equal(t.saves, saves + 1);
    for (int i = 0; i < 10; i++)
        drv_tap(&t.d, W_ADMIN_DEC, VALUE_TIMEOUT);
    assert_int_equal(t.d.app.wiring.cfg.timeout_s, SETTINGS_TIMEOUT_MIN_S);
    drv_tap(&t.d, W_ADMIN_TOGGLE, FLAG_EXPORT_ON_INSERT);
    assert_int_equal(t.d.app.facts.settings.export_on_insert, 0);
    int autoplay = t.d.app.facts.settings.narration_autoplay;
    drv_tap(&t.d, W_ADMIN_TOGGLE, FLAG_AUTOPLAY);
    assert_int_equal(t.d.app.facts.settings.narration_autoplay, !autoplay);
    assert_int_equal(t.d.app.wiring.cfg.autoplay, !autoplay);
    drv_tap(&t.d, W_ADMIN_DEC, VALUE_VOLUME);
    assert_int_equal(t.d.app.facts.settings.narration_volume, SETTINGS_VOLUME_DEFAULT - 10);
    /* languages: Arabic moves first, Hausa goes off, and the visitor
     * screens follow at once */
    drv_tap(&t.d, W_ADMIN_TAB, TAB_LANGUAGES);
    drv_tap(&t.d, W_ADMIN_UP, 2);
    drv_tap(&t.d, W_ADMIN_UP, 1);
    assert_string_equal(t.d.app.wiring.cfg.langs[0], "ar");
    drv_tap(&t.d, W_ADMIN_LANG, 4); /* ha, the last enabled */
    assert_int_equal(t.d.app.wiring.cfg.n_langs, 4);
    assert_false(drv_has(&t.d, W_ADMIN_DOWN, 3)); /* the last enabled cannot go down */
    drv_tap(&t.d, W_ADMIN_LANG, 4); /* back on, at the end */
    assert_int_equal(t.d.app.wiring.cfg.n_langs, 5);
    assert_string_equal(t.d.app.wiring.cfg.langs[4], "ha");
    for (int i = 0; i < 4; i++)
        drv_tap(&t.d, W_ADMIN_LANG, 0);
    assert_int_equal(t.d.app.wiring.cfg.n_langs, 1);
    drv_tap(&t.d, W_ADMIN_LANG, 0); /* the last one stays on */
    assert_int_equal(t.d.app.wiring.cfg.n_langs, 1);
    drv_tap(&t.d, W_ADMIN_CLOSE, 0);
    assert_int_equal(t.d.app.visit.screen, SCREEN_ATTRACT);
    assert_int_equal(t.d.app.wiring.cfg.timeout_s, SETTINGS_TIMEOUT_MIN_S); /* kept after closing */
    t_fini(&t);
}

static void test_admin_closes_when_left_alone(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    open_admin_screen(&t);
    advance(&t, APP_ADMIN_IDLE_MS - 1000);
    assert_int_equal(t.d.app.visit.screen, SCREEN_ADMIN);
    drv_tap(&t.d, W_ADMIN_TAB, TAB_TOOLS);
    advance(&t, APP_ADMIN_IDLE_MS - 1000);
    assert_int_equal(t.d.app.visit.screen, SCREEN_ADMIN);
    advance(&t, 2000);
    assert_int_equal(t.d.app.visit.screen, SCREEN_ATTRACT);
    t_fini(&t);
}

static void test_stick_export_and_banner(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    /* issue 10: no PIN is asked for an export on insert, so without a
     * campaign key (nothing could be encrypted) a stick does nothing */
    Event plain = {.kind = EV_STICK, .text = "/media/usb0", .can_seal = 0};
    app_update(&t.d.app, &plain, t.d.now);
    serve(&t);
    assert_int_equal(t.exports, 0);
    assert_int_equal(t.d.app.facts.banner, BANNER_NONE);
    Event stick = {.kind = EV_STICK, .text = "/media/usb0", .can_seal = 1};
    app_update(&t.d.app, &stick, t.d.now);
    serve(&t);
    assert_int_equal(t.exports, 1);
    assert_string_equal(t.export_path, "/media/usb0");
    assert_int_equal(t.export_sealed_only, 1); /* and the job refuses plaintext */
    assert_int_equal(t.d.app.facts.banner, BANNER_BUSY);
    /* no second export while one runs */
    app_update(&t.d.app, &stick, t.d.now);
    serve(&t);
    assert_int_equal(t.exports, 1);
    Event done = {.kind = EV_JOB_DONE, .job = CMD_EXPORT, .err = ERR_NOSPACE,
                  .text = "The USB stick is full."};
    app_update(&t.d.app, &done, t.d.now);
    assert_int_equal(t.d.app.facts.banner, BANNER_FAILED);
    assert_string_equal(t.d.app.facts.banner_detail, "The USB stick is full.");
    /* the visitor banner is neutral: the English detail is not drawn */
    drv_build(&t.d);
    for (int i = 0; i < t.d.ui.n_cmds; i++)
        if (t.d.ui.cmds[i].kind == DRAW_TEXT)
            assert_null(strstr(t.d.ui.cmds[i].text, "full"));
    /* a tap on the banner dismisses it without starting a visit */
    drv_tap(&t.d, W_BANNER, 0);
    assert_int_equal(t.d.app.facts.banner, BANNER_NONE);
    assert_int_equal(t.d.app.visit.screen, SCREEN_ATTRACT);
    assert_false(t.d.app.visit.in_session);
    /* the banner also goes by itself */
    app_update(&t.d.app, &stick, t.d.now);
    serve(&t);
    done.err = ERR_OK;
    app_update(&t.d.app, &done, t.d.now);
    assert_int_equal(t.d.app.facts.banner, BANNER_OK);
    advance(&t, APP_BANNER_MS + 1);
    assert_int_equal(t.d.app.facts.banner, BANNER_NONE);
    /* not during a visit, and not when switched off */
    drv_tap(&t.d, W_BACKGROUND, 0);
    assert_true(t.d.app.visit.in_session);
    app_update(&t.d.app, &stick, t.d.now);
    serve(&t);
    assert_int_equal(t.exports, 2);
    app_wipe(&t.d.app, t.d.now);
    t.d.app.facts.settings.export_on_insert = 0;
    app_update(&t.d.app, &stick, t.d.now);
    serve(&t);
    assert_int_equal(t.exports, 2);
    t_fini(&t);
}

static void test_export_now_from_tools(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    open_admin_screen(&t);
    drv_tap(&t.d, W_ADMIN_TAB, TAB_TOOLS);
    drv_tap(&t.d, W_ADMIN_ACTION, ACTION_EXPORT);
    assert_int_equal(t.exports, 1);
    assert_string_equal(t.export_path, ""); /* the kiosk picks the stick */
    assert_int_equal(t.export_sealed_only, 0); /* behind the PIN: plaintext allowed */
    assert_false(drv_has(&t.d, W_ADMIN_ACTION, ACTION_EXPORT)); /* disabled while running */
    Event done = {.kind = EV_JOB_DONE, .job = CMD_EXPORT, .err = ERR_OK, .text = "Wrote 12 rows."};
    app_update(&t.d.app, &done, t.d.now);
    serve(&t);
    assert_int_equal(t.infos, 2); /* the facts are refreshed */
    assert_true(drv_has(&t.d, W_BANNER, 0));
    drv_tap(&t.d, W_ADMIN_ACTION, ACTION_TEST_TOUCH);
    assert_int_equal(t.d.app.visit.screen, SCREEN_TEST_TOUCH);
    drv_tap(&t.d, W_TOUCH_CELL, 0);
    drv_tap(&t.d, W_TOUCH_CELL, 5);
    assert_true(t.d.app.admin.touched[0] && t.d.app.admin.touched[5] && !t.d.app.admin.touched[1]);
    drv_tap(&t.d, W_DONE, 0);
    assert_int_equal(t.d.app.visit.screen, SCREEN_ADMIN);
    t_fini(&t);
}

static int count_kind(const App *a, StatKind k, int *sum)
{
    int n = 0;
    for (int i = 0; i < a->fx.n_stats; i++)
        if (a->fx.stats[i].kind == k) {
            n++;
            if (sum)
                *sum += a->fx.stats[i].count;
        }
    return n;
}

static int first_quiz_module(void)
{
    for (int i = 0; i < content_module_count(content); i++)
        if (content_module(content, i)->n_quiz > 0)
            return i;
    fail_msg("no module with a quiz");
    return -1;
}

static void test_group_session(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    open_admin_screen(&t);
    drv_tap(&t.d, W_ADMIN_TAB, TAB_TOOLS);
    drv_tap(&t.d, W_ADMIN_ACTION, ACTION_GROUP);
    assert_int_equal(t.d.app.visit.screen, SCREEN_GROUP_PICK);
    int mi = first_quiz_module();
    const Module *m = content_module(content, mi);
    drv_tap(&t.d, W_GROUP_MODULE, mi);
    assert_int_equal(t.d.app.visit.screen, SCREEN_GROUP_SLIDE);
    /* the presenter view never times out */
    advance(&t, 3600 * 1000);
    assert_int_equal(t.d.app.visit.screen, SCREEN_GROUP_SLIDE);
    for (int s = 0; s < m->n_slides; s++)
        drv_tap(&t.d, W_NEXT, 0);
    assert_int_equal(t.d.app.visit.screen, SCREEN_GROUP_QUIZ);
    int right = m->quiz[0].correct, wrong = right == 0 ? 1 : 0;
    for (int i = 0; i < 7; i++)
        drv_tap(&t.d, W_GROUP_HANDS_INC, right);
    drv_tap(&t.d, W_GROUP_HANDS_DEC, right);
    drv_tap(&t.d, W_GROUP_HANDS_INC, wrong);
    drv_tap(&t.d, W_GROUP_HANDS_INC, wrong);
    drv_tap(&t.d, W_GROUP_HANDS_DEC, 3 - 3); /* idx 0 */
    assert_int_equal(t.d.app.group.session.questions[0].hands[right] + t.d.app.group.session.questions[0].hands[wrong],
                     right == 0 ? 5 + 2 : 6 + 1);
    for (int q = 0; q < m->n_quiz; q++)
        drv_tap(&t.d, W_NEXT, 0);
    assert_int_equal(t.d.app.visit.screen, SCREEN_GROUP_PICK);
    drv_tap(&t.d, W_GROUP_HEADCOUNT, 0);
    assert_int_equal(t.d.app.visit.screen, SCREEN_GROUP_COUNT);
    for (int i = 0; i < 3; i++)
        drv_tap(&t.d, W_GROUP_BAND_INC, GROUP_BAND_WOMEN);
    drv_tap(&t.d, W_GROUP_BAND_INC, GROUP_BAND_BOYS);
    drv_tap(&t.d, W_GROUP_BAND_DEC, GROUP_BAND_MEN); /* stays at 0 */
    assert_int_equal(t.d.app.fx.n_stats, 0);
    drv_tap(&t.d, W_GROUP_FINISH, 0);
    assert_int_equal(t.d.app.visit.screen, SCREEN_ADMIN);
    assert_int_equal(t.d.app.admin.note, NOTE_GROUP_SAVED);
    assert_int_equal(count_kind(&t.d.app, STAT_GROUP_SESSION, NULL), 1);
    int people = 0, hands = 0;
    assert_int_equal(count_kind(&t.d.app, STAT_GROUP_ATTENDEES, &people), 2);
    assert_int_equal(people, 4);
    assert_true(count_kind(&t.d.app, STAT_GROUP_QUIZ, &hands) >= 1);
    assert_int_equal(hands, 7);
    for (int i = 0; i < t.d.app.fx.n_stats; i++) {
        assert_int_equal(t.d.app.fx.stats[i].lang[0], 0); /* no visitor data */
        if (t.d.app.fx.stats[i].kind == STAT_GROUP_QUIZ)
            assert_string_equal(t.d.app.fx.stats[i].module, m->id);
    }
    /* leaving a session without Finish counts nothing */
    t.d.app.fx.n_stats = 0;
    drv_tap(&t.d, W_ADMIN_ACTION, ACTION_GROUP);
    drv_tap(&t.d, W_GROUP_HEADCOUNT, 0);
    drv_tap(&t.d, W_GROUP_BAND_INC, GROUP_BAND_GIRLS);
    drv_tap(&t.d, W_BACK, 0);
    drv_tap(&t.d, W_DONE, 0);
    assert_int_equal(t.d.app.visit.screen, SCREEN_ADMIN);
    assert_int_equal(t.d.app.fx.n_stats, 0);
    t_fini(&t);
}

/* Quiz counts of two modules in one session are both kept. */


/* The kiosk's settings say visitors are offered exactly these languages. */
static void set_visitor_langs(T *t, const char *first, const char *second)
{
    Settings s = t->d.app.facts.settings;
    snprintf(s.languages[0], sizeof s.languages[0], "%s", first);
    snprintf(s.languages[1], sizeof s.languages[1], "%s", second);
    s.n_languages = 2;
    Event ev = {.kind = EV_SETTINGS, .settings = &s};
    app_update(&t->d.app, &ev, t->d.now);
    app_wipe(&t->d.app, t->d.now); /* the attract screen greets in the first language */
}

static int is_tick(const DrawCmd *c)
{
    return c->kind == DRAW_IMAGE && c->image && strstr(c->image, "check") != NULL;
}

/* 1 if a text line of the screen is the start of text (wrapped text). */
static int starts_a_line(const Ui *ui, const char *text)
{
    for (int i = 0; i < ui->n_cmds; i++) {
        const DrawCmd *c = &ui->cmds[i];
        if (c->kind == DRAW_TEXT && c->len >= 8 && c->len <= strlen(text) &&
            memcmp(c->text, text, c->len) == 0)
            return 1;
    }
    return 0;
}

static int lang_index(const char *code)
{
    for (int i = 0; i < i18n_language_count(); i++)
        if (strcmp(i18n_language_at(i)->code, code) == 0)
            return i;
    fail_msg("unknown language %s", code);
    return -1;
}

/* Visitors are offered Arabic first; the admin and PIN screens stay in the
 * admin's language (English by default), which the admin can change, and
 * which is saved. */
static void test_admin_screens_in_admin_language(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    set_visitor_langs(&t, "ar", "en");
    assert_string_equal(app_lang(&t.d.app), "ar");
    gesture(&t);
    assert_int_equal(t.d.app.visit.screen, SCREEN_PIN);
    drv_build(&t.d);
    assert_false(t.d.ui.rtl);
    assert_true(support_has_line(&t.d.ui, "Enter the PIN"));
    type_pin(&t, "1234");
    Event ok = {.kind = EV_PIN_RESULT, .err = ERR_OK, .slot = PIN_SLOT_ADMIN};
    app_update(&t.d.app, &ok, t.d.now);
    assert_int_equal(t.d.app.visit.screen, SCREEN_ADMIN);
    drv_build(&t.d);
    assert_false(t.d.ui.rtl);
    assert_true(support_has_line(&t.d.ui, "Kiosk administration"));
    /* the admin picks French for the admin screens: saved, applied at once */
    drv_tap(&t.d, W_ADMIN_TAB, TAB_LANGUAGES);
    int saves = t.saves;
    while (strcmp(t.d.app.facts.settings.admin_language, "fr") != 0)
        drv_tap(&t.d, W_ADMIN_UI_LANG, 0);
    assert_true(t.saves > saves);
    drv_build(&t.d);
    assert_true(support_has_line(&t.d.ui, i18n_text_in("fr", "Kiosk administration")));
    assert_string_equal(app_lang(&t.d.app), "ar"); /* visitors keep theirs */
    assert_string_equal(app_ui_lang(&t.d.app), "fr");
    t_fini(&t);
}

/* The presenter picks the session's language among all the kiosk knows,
 * whatever the visitor order; the group quiz shows each answer's picture,
 * and reveals the right answer (with a tick and the explanation) on
 * demand; the headcount takes one touch per band. */
static void test_group_language_reveal_and_quick_counts(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    set_visitor_langs(&t, "en", "fr"); /* Arabic is not offered to visitors */
    open_admin_screen(&t);
    drv_tap(&t.d, W_ADMIN_TAB, TAB_TOOLS);
    drv_tap(&t.d, W_ADMIN_ACTION, ACTION_GROUP);
    assert_string_equal(t.d.app.group.group_lang, "en");
    drv_tap(&t.d, W_GROUP_LANG, lang_index("ar"));
    assert_string_equal(t.d.app.group.group_lang, "ar");
    drv_build(&t.d);
    assert_false(t.d.ui.rtl); /* the organising screen stays the admin's */
    int mi = first_quiz_module();
    const Module *m = content_module(content, mi);
    drv_tap(&t.d, W_GROUP_MODULE, mi);
    drv_build(&t.d);
    assert_true(t.d.ui.rtl); /* the room's screens are in Arabic */
    assert_true(support_has_line(&t.d.ui, i18n_text_in("ar", m->slides[0].title)));
    assert_string_equal(app_lang(&t.d.app), "en");
    for (int k = 0; k < m->n_slides; k++)
        drv_tap(&t.d, W_NEXT, 0);
    assert_int_equal(t.d.app.visit.screen, SCREEN_GROUP_QUIZ);
    const QuizQuestion *q = &m->quiz[0];
    drv_build(&t.d);
    int pictures = 0, ticks = 0;
    for (int i = 0; i < t.d.ui.n_cmds; i++)
        for (int a = 0; a < q->n_answers; a++)
            pictures += t.d.ui.cmds[i].kind == DRAW_IMAGE && t.d.ui.cmds[i].image &&
                        strcmp(t.d.ui.cmds[i].image, q->answers[a].icon) == 0;
    assert_int_equal(pictures, q->n_answers);
    assert_non_null(q->explain);
    const char *ex = i18n_text_in("ar", q->explain);
    assert_int_equal(starts_a_line(&t.d.ui, ex), 0);
    for (int i = 0; i < t.d.ui.n_cmds; i++)
        ticks += is_tick(&t.d.ui.cmds[i]);
    assert_int_equal(ticks, 0); /* nothing tells the room before the count */
    drv_tap(&t.d, W_GROUP_REVEAL, 0);
    assert_true(t.d.app.group.group_revealed);
    drv_build(&t.d);
    Rect right;
    assert_true(ui_find(&t.d.ui, WIDGET(W_GROUP_HANDS_INC, q->correct), &right));
    for (int i = 0; i < t.d.ui.n_cmds; i++)
        if (is_tick(&t.d.ui.cmds[i])) {
            ticks++;
            /* on the right answer's row */
            int cy = t.d.ui.cmds[i].r.y + t.d.ui.cmds[i].r.h / 2;
            assert_true(cy >= right.y - t.d.app.wiring.h / 8 && cy <= right.y + right.h + t.d.app.wiring.h / 8);
        }
    assert_int_equal(ticks, 1);
    assert_int_equal(starts_a_line(&t.d.ui, ex), 1); /* and why */
    drv_tap(&t.d, W_NEXT, 0);
    assert_false(t.d.app.group.group_revealed); /* each question starts hidden */
    /* the headcount: 20 women in one touch, then one more */
    drv_tap(&t.d, W_HOME, 0);
    drv_tap(&t.d, W_GROUP_HEADCOUNT, 0);
    int i20 = -1;
    for (int i = 0; i < APP_QUICK_COUNTS; i++)
        if (app_quick_counts[i] == 20)
            i20 = i;
    drv_tap(&t.d, W_GROUP_BAND_SET, GROUP_BAND_WOMEN << 3 | i20);
    assert_int_equal(t.d.app.group.session.bands[GROUP_BAND_WOMEN], 20);
    drv_tap(&t.d, W_GROUP_BAND_INC, GROUP_BAND_WOMEN);
    assert_int_equal(t.d.app.group.session.bands[GROUP_BAND_WOMEN], 21);
    drv_tap(&t.d, W_GROUP_BAND_SET, GROUP_BAND_GIRLS << 3 | 1);
    assert_int_equal(t.d.app.group.session.bands[GROUP_BAND_GIRLS], app_quick_counts[1]);
    drv_tap(&t.d, W_GROUP_FINISH, 0);
    int people = 0;
    assert_int_equal(count_kind(&t.d.app, STAT_GROUP_ATTENDEES, &people), 2);
    assert_int_equal(people, 21 + app_quick_counts[1]);
    t_fini(&t);
}


/* "1 visit", "2 visits": the month's total takes its plural form from the
 * catalogue (gettext's Plural-Forms), in every language. */
static void test_month_total_plural(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    open_admin_screen(&t);
    t.d.app.facts.info.valid = 1;
    t.d.app.facts.info.month_days = 30;
    t.d.app.facts.info.today_mday = 3;
    memset(t.d.app.facts.info.month, 0, sizeof t.d.app.facts.info.month);
    t.d.app.facts.info.month[0] = 1;
    drv_build(&t.d);
    assert_true(support_has_line(&t.d.ui, "This month: 1 visit"));
    t.d.app.facts.info.month[1] = 1;
    drv_build(&t.d);
    assert_true(support_has_line(&t.d.ui, "This month: 2 visits"));
    t.d.app.facts.info.month[1] = 0;
    snprintf(t.d.app.facts.settings.admin_language, sizeof t.d.app.facts.settings.admin_language, "fr");
    drv_build(&t.d);
    assert_true(support_has_line(&t.d.ui, "Ce mois-ci : 1 visite"));
    t_fini(&t);
}

static void test_group_two_modules(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    open_admin_screen(&t);
    drv_tap(&t.d, W_ADMIN_TAB, TAB_TOOLS);
    drv_tap(&t.d, W_ADMIN_ACTION, ACTION_GROUP);
    int done = 0;
    for (int i = 0; i < content_module_count(content) && done < 2; i++) {
        const Module *m = content_module(content, i);
        if (m->n_quiz == 0)
            continue;
        drv_tap(&t.d, W_GROUP_MODULE, i);
        for (int s = 0; s < m->n_slides; s++)
            drv_tap(&t.d, W_NEXT, 0);
        drv_tap(&t.d, W_GROUP_HANDS_INC, 0);
        drv_tap(&t.d, W_HOME, 0);
        assert_int_equal(t.d.app.visit.screen, SCREEN_GROUP_PICK);
        done++;
    }
    assert_int_equal(done, 2);
    drv_tap(&t.d, W_GROUP_HEADCOUNT, 0);
    drv_tap(&t.d, W_GROUP_FINISH, 0);
    int hands = 0;
    assert_int_equal(count_kind(&t.d.app, STAT_GROUP_QUIZ, &hands), 2);
    assert_int_equal(hands, 2);
    assert_int_equal(count_kind(&t.d.app, STAT_GROUP_SESSION, NULL), 1);
    t_fini(&t);
}

/* A facilitator PIN opens group sessions only, and ends on the attract
 * screen. */
static void test_facilitator(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    gesture(&t);
    type_pin(&t, "5555");
    Event ev = {.kind = EV_PIN_RESULT, .err = ERR_OK, .slot = PIN_SLOT_FACILITATOR};
    app_update(&t.d.app, &ev, t.d.now);
    assert_int_equal(t.d.app.visit.screen, SCREEN_GROUP_PICK);
    drv_tap(&t.d, W_GROUP_HEADCOUNT, 0);
    drv_tap(&t.d, W_GROUP_FINISH, 0);
    assert_int_equal(t.d.app.visit.screen, SCREEN_ATTRACT);
    assert_int_equal(count_kind(&t.d.app, STAT_GROUP_SESSION, NULL), 1);
    t_fini(&t);
}

/* The kiosk takes what the App queued with app_take_effects(): it gets the
 * commands (a PIN check with its digits) and the App keeps no copy. */
static void test_take_effects_hands_over_and_wipes(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    t.d.after = NULL; /* nobody answers: the queue stays as the App left it */
    gesture(&t);
    type_pin(&t, "2468");
    assert_int_equal(t.d.app.fx.n_cmds, 1);
    AppEffects fx;
    app_take_effects(&t.d.app, &fx);
    assert_int_equal(fx.n_cmds, 1);
    assert_int_equal(fx.cmds[0].kind, CMD_PIN_CHECK);
    assert_string_equal(fx.cmds[0].pin, "2468");
    assert_int_equal(t.d.app.fx.n_cmds, 0);
    assert_int_equal(t.d.app.fx.n_stats, 0);
    assert_int_equal(t.d.app.fx.n_audio, 0);
    const unsigned char *b = (const unsigned char *)t.d.app.fx.cmds;
    for (size_t i = 0; i < sizeof t.d.app.fx.cmds; i++)
        assert_int_equal(b[i], 0);
    app_wipe_pin((char *)fx.cmds, sizeof fx.cmds);
    /* taken once: a second take gets nothing */
    app_take_effects(&t.d.app, &fx);
    assert_int_equal(fx.n_cmds + fx.n_stats + fx.n_audio, 0);
    /* the redraw flag is taken the same way */
    assert_true(app_take_dirty(&t.d.app));
    assert_false(app_take_dirty(&t.d.app));
    t_fini(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gesture_opens_pin_pad),
        cmocka_unit_test(test_take_effects_hands_over_and_wipes),
        cmocka_unit_test(test_admin_sets_clock),
        cmocka_unit_test(test_gesture_needs_long_press_and_order),
        cmocka_unit_test(test_gesture_corners_are_physical),
        cmocka_unit_test(test_pin_pad_wrong_right_and_wiped),
        cmocka_unit_test(test_pin_cancel_and_idle),
        cmocka_unit_test(test_five_wrong_pins_lock),
        cmocka_unit_test(test_fresh_kiosk_cannot_set_pin),
        cmocka_unit_test(test_settings_take_effect),
        cmocka_unit_test(test_admin_closes_when_left_alone),
        cmocka_unit_test(test_stick_export_and_banner),
        cmocka_unit_test(test_export_now_from_tools),
        cmocka_unit_test(test_group_session),
        cmocka_unit_test(test_group_two_modules),
        cmocka_unit_test(test_month_total_plural),
        cmocka_unit_test(test_admin_screens_in_admin_language),
        cmocka_unit_test(test_group_language_reveal_and_quick_counts),
        cmocka_unit_test(test_facilitator),
    };
    return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
