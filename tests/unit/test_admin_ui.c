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
#include "support.h"
#include "ui/ui.h"

static Content *content;

typedef struct {
    App app;
    Ui ui;
    Arena *arena;
    TextMetrics tm;
    uint64_t now;
    PinStore *pins; /* when set, PIN commands are answered from it */
    int64_t wall;   /* the PIN store's wall clock */
    int saves, infos, exports;
    char export_path[256];
    int export_sealed_only; /* of the last export command */
} T;

static int setup_all(void **st)
{
    (void)st;
    i18n_init(support_path("build/locale"));
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

static void t_init(T *t)
{
    memset(t, 0, sizeof *t);
    AppConfig cfg;
    app_config_default(&cfg);
    t->now = 1000;
    t->wall = 1700000000000;
    app_init(&t->app, content, &cfg, t->now);
    t->arena = arena_new(4u << 20);
    t->tm = support_stub_metrics();
    Event rs = {.kind = EV_RESIZE, .w = 1280, .h = 800, .dpi = 160};
    app_update(&t->app, &rs, t->now);
    Event ps = {.kind = EV_PIN_STATE, .pin_set = 1};
    app_update(&t->app, &ps, t->now);
}

static void t_fini(T *t)
{
    arena_free(t->arena);
    pin_close(t->pins);
}

static void build(T *t)
{
    arena_reset(t->arena);
    assert_int_equal(ui_build(&t->ui, &t->app, t->now, &t->tm, t->arena), ERR_OK);
}

/* The kiosk's part: take the queued commands and answer them. */
static void serve(T *t)
{
    AppCmd cmds[APP_MAX_CMDS];
    int n = t->app.n_cmds;
    memcpy(cmds, t->app.cmds, sizeof cmds);
    t->app.n_cmds = 0;
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
        case CMD_PIN_SET:
            if (!t->pins)
                continue;
            ev.kind = EV_PIN_SAVED;
            ev.err = pin_set(t->pins, PIN_SLOT_ADMIN, cmds[i].pin);
            break;
        case CMD_SAVE_SETTINGS: t->saves++; continue;
        case CMD_ADMIN_INFO: t->infos++; continue;
        case CMD_EXPORT:
            t->exports++;
            snprintf(t->export_path, sizeof t->export_path, "%s", cmds[i].path);
            t->export_sealed_only = cmds[i].sealed_only;
            continue;
        default: continue;
        }
        sodium_memzero(cmds[i].pin, sizeof cmds[i].pin);
        app_update(&t->app, &ev, t->now);
    }
}

static void send(T *t, EventKind k, int x, int y)
{
    build(t);
    Event ev = {.kind = k, .x = x, .y = y, .widget = ui_hit(&t->ui, x, y)};
    app_update(&t->app, &ev, t->now);
    serve(t);
}

static void tap_at(T *t, int x, int y)
{
    send(t, EV_POINTER_DOWN, x, y);
    t->now += 80;
    send(t, EV_POINTER_UP, x, y);
    t->now += 80;
}

static void press_at(T *t, int x, int y, uint64_t ms)
{
    send(t, EV_POINTER_DOWN, x, y);
    t->now += ms;
    send(t, EV_POINTER_UP, x, y);
    t->now += 80;
}

static int has(T *t, WidgetKind kind, int index)
{
    build(t);
    return ui_find(&t->ui, WIDGET(kind, index), NULL);
}

static void tap(T *t, WidgetKind kind, int index)
{
    build(t);
    Rect r;
    if (!ui_find(&t->ui, WIDGET(kind, index), &r))
        fail_msg("no control %d/%d on screen %d", kind, index, t->app.screen);
    tap_at(t, r.x + r.w / 2, r.y + r.h / 2);
}

static void advance(T *t, uint64_t ms)
{
    t->now += ms;
    t->wall += (int64_t)ms;
    app_update(&t->app, NULL, t->now);
}

static void gesture(T *t)
{
    press_at(t, 10, 10, 3200);
    tap_at(t, 1270, 10);
    tap_at(t, 1270, 790);
    tap_at(t, 10, 790);
}

static void type_pin(T *t, const char *pin)
{
    for (const char *p = pin; *p; p++)
        tap(t, W_PIN_DIGIT, *p - '0');
    tap(t, W_PIN_OK, 0);
}

static void test_gesture_opens_pin_pad(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    gesture(&t);
    assert_int_equal(t.app.screen, SCREEN_PIN);
    assert_int_equal(t.app.pin_mode, PINPAD_ENTER);
    assert_false(t.app.in_session); /* nothing counted as a visit */
    assert_int_equal(t.app.n_stats, 0);
    t_fini(&t);
}

static void test_gesture_needs_long_press_and_order(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    /* a short press in the corner is an ordinary tap: a visit starts */
    press_at(&t, 10, 10, 1000);
    assert_int_equal(t.app.screen, SCREEN_LANGUAGE);
    app_wipe(&t.app, t.now);
    t.app.n_stats = 0;
    /* counter-clockwise: the wrong corner is an ordinary tap */
    press_at(&t, 10, 10, 3200);
    assert_int_equal(t.app.screen, SCREEN_ATTRACT);
    tap_at(&t, 10, 790);
    assert_int_equal(t.app.screen, SCREEN_LANGUAGE);
    app_wipe(&t.app, t.now);
    /* too slow: more than 10 s after the long press */
    press_at(&t, 10, 10, 3200);
    tap_at(&t, 1270, 10);
    tap_at(&t, 1270, 790);
    advance(&t, 11000);
    tap_at(&t, 10, 790);
    assert_int_not_equal(t.app.screen, SCREEN_PIN);
    t_fini(&t);
}

static void test_gesture_corners_are_physical(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    t.app.lang = 2; /* Arabic: the screen is mirrored, the corners are not */
    gesture(&t);
    assert_int_equal(t.app.screen, SCREEN_PIN);
    t_fini(&t);
}

static void test_pin_pad_wrong_right_and_wiped(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    gesture(&t);
    tap(&t, W_PIN_DIGIT, 1);
    tap(&t, W_PIN_DIGIT, 2);
    tap(&t, W_PIN_DIGIT, 9);
    tap(&t, W_PIN_DELETE, 0);
    assert_int_equal(t.app.pin_len, 2);
    assert_string_equal(t.app.pin, "12");
    /* OK is disabled below the minimum length */
    assert_false(has(&t, W_PIN_OK, 0));
    tap(&t, W_PIN_DIGIT, 3);
    tap(&t, W_PIN_DIGIT, 4);
    tap(&t, W_PIN_OK, 0);
    /* the PIN went out as a command and left the App */
    assert_int_equal(t.app.pin_len, 0);
    assert_int_equal(t.app.pin[0], 0);
    assert_int_equal(t.app.pin_message, PINMSG_CHECKING);
    assert_false(has(&t, W_PIN_DIGIT, 1)); /* the pad waits for the answer */
    Event ev = {.kind = EV_PIN_RESULT, .err = ERR_KEY};
    app_update(&t.app, &ev, t.now);
    assert_int_equal(t.app.screen, SCREEN_PIN);
    assert_int_equal(t.app.pin_message, PINMSG_WRONG);
    type_pin(&t, "4321");
    ev = (Event){.kind = EV_PIN_RESULT, .err = ERR_OK, .slot = PIN_SLOT_ADMIN};
    app_update(&t.app, &ev, t.now);
    assert_int_equal(t.app.screen, SCREEN_ADMIN);
    assert_int_equal(t.app.tab, TAB_STATUS);
    assert_int_equal(t.app.n_cmds, 1);
    assert_int_equal(t.app.cmds[0].kind, CMD_ADMIN_INFO);
    /* a late answer for a pad that was closed changes nothing */
    app_update(&t.app, &ev, t.now);
    assert_int_equal(t.app.screen, SCREEN_ADMIN);
    t_fini(&t);
}

static void test_pin_cancel_and_idle(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    gesture(&t);
    tap(&t, W_PIN_DIGIT, 5);
    tap(&t, W_PIN_CANCEL, 0);
    assert_int_equal(t.app.screen, SCREEN_ATTRACT);
    assert_int_equal(t.app.pin_len, 0);
    gesture(&t);
    tap(&t, W_PIN_DIGIT, 5);
    advance(&t, APP_PIN_IDLE_MS + 10);
    assert_int_equal(t.app.screen, SCREEN_ATTRACT);
    assert_int_equal(t.app.pin[0], 0);
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
        assert_true(has(&t, W_PIN_DIGIT, 1));
        type_pin(&t, "1111");
    }
    assert_int_equal(t.app.pin_message, PINMSG_LOCKED);
    assert_true(t.app.pin_locked_until > t.now);
    assert_false(has(&t, W_PIN_DIGIT, 1));
    assert_true(app_next_wake_ms(&t.app, t.now) <= 1000); /* the countdown ticks */
    advance(&t, (uint64_t)pin_lock_delay_ms(PIN_FREE_TRIES) + 100);
    assert_true(has(&t, W_PIN_DIGIT, 1));
    type_pin(&t, "2468");
    assert_int_equal(t.app.screen, SCREEN_ADMIN);
    t_fini(&t);
}

static void test_first_start_sets_pin(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    Err why;
    t.pins = pin_open(support_tmpdir(), &why);
    pin_set_cost(t.pins, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
    Event ps = {.kind = EV_PIN_STATE, .pin_set = 0};
    app_update(&t.app, &ps, t.now);
    assert_int_equal(t.app.screen, SCREEN_PIN);
    assert_int_equal(t.app.pin_mode, PINPAD_SET);
    assert_false(has(&t, W_PIN_CANCEL, 0)); /* no way around it */
    type_pin(&t, "1357");
    assert_int_equal(t.app.pin_mode, PINPAD_CONFIRM);
    type_pin(&t, "1358");
    assert_int_equal(t.app.pin_mode, PINPAD_SET);
    assert_int_equal(t.app.pin_message, PINMSG_MISMATCH);
    assert_int_equal(t.app.pin_first[0], 0);
    /* no idle timeout while no PIN is set */
    advance(&t, 10 * APP_ADMIN_IDLE_MS);
    assert_int_equal(t.app.screen, SCREEN_PIN);
    type_pin(&t, "1357");
    type_pin(&t, "1357");
    assert_int_equal(t.app.screen, SCREEN_ATTRACT);
    assert_false(t.app.pin_missing);
    assert_true(pin_is_set(t.pins, PIN_SLOT_ADMIN));
    assert_int_equal(pin_check(t.pins, "1357", t.wall, NULL), ERR_OK);
    t_fini(&t);
}

static void open_admin_screen(T *t)
{
    gesture(t);
    type_pin(t, "1234");
    Event ev = {.kind = EV_PIN_RESULT, .err = ERR_OK, .slot = PIN_SLOT_ADMIN};
    app_update(&t->app, &ev, t->now);
    serve(t);
    assert_int_equal(t->app.screen, SCREEN_ADMIN);
}

static void test_settings_take_effect(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    open_admin_screen(&t);
    assert_int_equal(t.infos, 1);
    tap(&t, W_ADMIN_TAB, TAB_SETTINGS);
    int saves = t.saves;
    tap(&t, W_ADMIN_INC, VALUE_TIMEOUT);
    assert_int_equal(t.app.settings.inactivity_timeout_s, 75);
    assert_int_equal(t.app.cfg.timeout_s, 75);
    assert_int_equal(t.saves, saves + 1);
    for (int i = 0; i < 10; i++)
        tap(&t, W_ADMIN_DEC, VALUE_TIMEOUT);
    assert_int_equal(t.app.cfg.timeout_s, SETTINGS_TIMEOUT_MIN_S);
    tap(&t, W_ADMIN_TOGGLE, FLAG_EXPORT_ON_INSERT);
    assert_int_equal(t.app.settings.export_on_insert, 0);
    int autoplay = t.app.settings.narration_autoplay;
    tap(&t, W_ADMIN_TOGGLE, FLAG_AUTOPLAY);
    assert_int_equal(t.app.settings.narration_autoplay, !autoplay);
    assert_int_equal(t.app.cfg.autoplay, !autoplay);
    tap(&t, W_ADMIN_DEC, VALUE_VOLUME);
    assert_int_equal(t.app.settings.narration_volume, SETTINGS_VOLUME_DEFAULT - 10);
    /* languages: Arabic moves first, Hausa goes off, and the visitor
     * screens follow at once */
    tap(&t, W_ADMIN_TAB, TAB_LANGUAGES);
    tap(&t, W_ADMIN_UP, 2);
    tap(&t, W_ADMIN_UP, 1);
    assert_string_equal(t.app.cfg.langs[0], "ar");
    tap(&t, W_ADMIN_LANG, 4); /* ha, the last enabled */
    assert_int_equal(t.app.cfg.n_langs, 4);
    assert_false(has(&t, W_ADMIN_DOWN, 3)); /* the last enabled cannot go down */
    tap(&t, W_ADMIN_LANG, 4); /* back on, at the end */
    assert_int_equal(t.app.cfg.n_langs, 5);
    assert_string_equal(t.app.cfg.langs[4], "ha");
    for (int i = 0; i < 4; i++)
        tap(&t, W_ADMIN_LANG, 0);
    assert_int_equal(t.app.cfg.n_langs, 1);
    tap(&t, W_ADMIN_LANG, 0); /* the last one stays on */
    assert_int_equal(t.app.cfg.n_langs, 1);
    tap(&t, W_ADMIN_CLOSE, 0);
    assert_int_equal(t.app.screen, SCREEN_ATTRACT);
    assert_int_equal(t.app.cfg.timeout_s, SETTINGS_TIMEOUT_MIN_S); /* kept after closing */
    t_fini(&t);
}

static void test_admin_closes_when_left_alone(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    open_admin_screen(&t);
    advance(&t, APP_ADMIN_IDLE_MS - 1000);
    assert_int_equal(t.app.screen, SCREEN_ADMIN);
    tap(&t, W_ADMIN_TAB, TAB_TOOLS);
    advance(&t, APP_ADMIN_IDLE_MS - 1000);
    assert_int_equal(t.app.screen, SCREEN_ADMIN);
    advance(&t, 2000);
    assert_int_equal(t.app.screen, SCREEN_ATTRACT);
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
    app_update(&t.app, &plain, t.now);
    serve(&t);
    assert_int_equal(t.exports, 0);
    assert_int_equal(t.app.banner, BANNER_NONE);
    Event stick = {.kind = EV_STICK, .text = "/media/usb0", .can_seal = 1};
    app_update(&t.app, &stick, t.now);
    serve(&t);
    assert_int_equal(t.exports, 1);
    assert_string_equal(t.export_path, "/media/usb0");
    assert_int_equal(t.export_sealed_only, 1); /* and the job refuses plaintext */
    assert_int_equal(t.app.banner, BANNER_BUSY);
    /* no second export while one runs */
    app_update(&t.app, &stick, t.now);
    serve(&t);
    assert_int_equal(t.exports, 1);
    Event done = {.kind = EV_JOB_DONE, .job = CMD_EXPORT, .err = ERR_NOSPACE,
                  .text = "The USB stick is full."};
    app_update(&t.app, &done, t.now);
    assert_int_equal(t.app.banner, BANNER_FAILED);
    assert_string_equal(t.app.banner_detail, "The USB stick is full.");
    /* the visitor banner is neutral: the English detail is not drawn */
    build(&t);
    for (int i = 0; i < t.ui.n_cmds; i++)
        if (t.ui.cmds[i].kind == DRAW_TEXT)
            assert_null(strstr(t.ui.cmds[i].text, "full"));
    /* a tap on the banner dismisses it without starting a visit */
    tap(&t, W_BANNER, 0);
    assert_int_equal(t.app.banner, BANNER_NONE);
    assert_int_equal(t.app.screen, SCREEN_ATTRACT);
    assert_false(t.app.in_session);
    /* the banner also goes by itself */
    app_update(&t.app, &stick, t.now);
    serve(&t);
    done.err = ERR_OK;
    app_update(&t.app, &done, t.now);
    assert_int_equal(t.app.banner, BANNER_OK);
    advance(&t, APP_BANNER_MS + 1);
    assert_int_equal(t.app.banner, BANNER_NONE);
    /* not during a visit, and not when switched off */
    tap(&t, W_BACKGROUND, 0);
    assert_true(t.app.in_session);
    app_update(&t.app, &stick, t.now);
    serve(&t);
    assert_int_equal(t.exports, 2);
    app_wipe(&t.app, t.now);
    t.app.settings.export_on_insert = 0;
    app_update(&t.app, &stick, t.now);
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
    tap(&t, W_ADMIN_TAB, TAB_TOOLS);
    tap(&t, W_ADMIN_ACTION, ACTION_EXPORT);
    assert_int_equal(t.exports, 1);
    assert_string_equal(t.export_path, ""); /* the kiosk picks the stick */
    assert_int_equal(t.export_sealed_only, 0); /* behind the PIN: plaintext allowed */
    assert_false(has(&t, W_ADMIN_ACTION, ACTION_EXPORT)); /* disabled while running */
    Event done = {.kind = EV_JOB_DONE, .job = CMD_EXPORT, .err = ERR_OK, .text = "Wrote 12 rows."};
    app_update(&t.app, &done, t.now);
    serve(&t);
    assert_int_equal(t.infos, 2); /* the facts are refreshed */
    assert_true(has(&t, W_BANNER, 0));
    tap(&t, W_ADMIN_ACTION, ACTION_TEST_TOUCH);
    assert_int_equal(t.app.screen, SCREEN_TEST_TOUCH);
    tap(&t, W_TOUCH_CELL, 0);
    tap(&t, W_TOUCH_CELL, 5);
    assert_true(t.app.touched[0] && t.app.touched[5] && !t.app.touched[1]);
    tap(&t, W_DONE, 0);
    assert_int_equal(t.app.screen, SCREEN_ADMIN);
    t_fini(&t);
}

static int count_kind(const App *a, StatKind k, int *sum)
{
    int n = 0;
    for (int i = 0; i < a->n_stats; i++)
        if (a->stats[i].kind == k) {
            n++;
            if (sum)
                *sum += a->stats[i].count;
        }
    return n;
}

static void test_group_session(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    open_admin_screen(&t);
    tap(&t, W_ADMIN_TAB, TAB_TOOLS);
    tap(&t, W_ADMIN_ACTION, ACTION_GROUP);
    assert_int_equal(t.app.screen, SCREEN_GROUP_PICK);
    int mi = -1;
    for (int i = 0; i < content_module_count(content) && mi < 0; i++)
        if (content_module(content, i)->n_quiz > 0)
            mi = i;
    const Module *m = content_module(content, mi);
    tap(&t, W_GROUP_MODULE, mi);
    assert_int_equal(t.app.screen, SCREEN_GROUP_SLIDE);
    /* the presenter view never times out */
    advance(&t, 3600 * 1000);
    assert_int_equal(t.app.screen, SCREEN_GROUP_SLIDE);
    for (int s = 0; s < m->n_slides; s++)
        tap(&t, W_NEXT, 0);
    assert_int_equal(t.app.screen, SCREEN_GROUP_QUIZ);
    int right = m->quiz[0].correct, wrong = right == 0 ? 1 : 0;
    for (int i = 0; i < 7; i++)
        tap(&t, W_GROUP_HANDS_INC, right);
    tap(&t, W_GROUP_HANDS_DEC, right);
    tap(&t, W_GROUP_HANDS_INC, wrong);
    tap(&t, W_GROUP_HANDS_INC, wrong);
    tap(&t, W_GROUP_HANDS_DEC, 3 - 3); /* idx 0 */
    assert_int_equal(t.app.group.questions[0].hands[right] + t.app.group.questions[0].hands[wrong],
                     right == 0 ? 5 + 2 : 6 + 1);
    for (int q = 0; q < m->n_quiz; q++)
        tap(&t, W_NEXT, 0);
    assert_int_equal(t.app.screen, SCREEN_GROUP_PICK);
    tap(&t, W_GROUP_HEADCOUNT, 0);
    assert_int_equal(t.app.screen, SCREEN_GROUP_COUNT);
    for (int i = 0; i < 3; i++)
        tap(&t, W_GROUP_BAND_INC, GROUP_BAND_WOMEN);
    tap(&t, W_GROUP_BAND_INC, GROUP_BAND_BOYS);
    tap(&t, W_GROUP_BAND_DEC, GROUP_BAND_MEN); /* stays at 0 */
    assert_int_equal(t.app.n_stats, 0);
    tap(&t, W_GROUP_FINISH, 0);
    assert_int_equal(t.app.screen, SCREEN_ADMIN);
    assert_int_equal(t.app.note, NOTE_GROUP_SAVED);
    assert_int_equal(count_kind(&t.app, STAT_GROUP_SESSION, NULL), 1);
    int people = 0, hands = 0;
    assert_int_equal(count_kind(&t.app, STAT_GROUP_ATTENDEES, &people), 2);
    assert_int_equal(people, 4);
    assert_true(count_kind(&t.app, STAT_GROUP_QUIZ, &hands) >= 1);
    assert_int_equal(hands, 7);
    for (int i = 0; i < t.app.n_stats; i++) {
        assert_int_equal(t.app.stats[i].lang[0], 0); /* no visitor data */
        if (t.app.stats[i].kind == STAT_GROUP_QUIZ)
            assert_string_equal(t.app.stats[i].module, m->id);
    }
    /* leaving a session without Finish counts nothing */
    t.app.n_stats = 0;
    tap(&t, W_ADMIN_ACTION, ACTION_GROUP);
    tap(&t, W_GROUP_HEADCOUNT, 0);
    tap(&t, W_GROUP_BAND_INC, GROUP_BAND_GIRLS);
    tap(&t, W_BACK, 0);
    tap(&t, W_DONE, 0);
    assert_int_equal(t.app.screen, SCREEN_ADMIN);
    assert_int_equal(t.app.n_stats, 0);
    t_fini(&t);
}

/* Quiz counts of two modules in one session are both kept. */
static void test_group_two_modules(void **st)
{
    (void)st;
    T t;
    t_init(&t);
    open_admin_screen(&t);
    tap(&t, W_ADMIN_TAB, TAB_TOOLS);
    tap(&t, W_ADMIN_ACTION, ACTION_GROUP);
    int done = 0;
    for (int i = 0; i < content_module_count(content) && done < 2; i++) {
        const Module *m = content_module(content, i);
        if (m->n_quiz == 0)
            continue;
        tap(&t, W_GROUP_MODULE, i);
        for (int s = 0; s < m->n_slides; s++)
            tap(&t, W_NEXT, 0);
        tap(&t, W_GROUP_HANDS_INC, 0);
        tap(&t, W_HOME, 0);
        assert_int_equal(t.app.screen, SCREEN_GROUP_PICK);
        done++;
    }
    assert_int_equal(done, 2);
    tap(&t, W_GROUP_HEADCOUNT, 0);
    tap(&t, W_GROUP_FINISH, 0);
    int hands = 0;
    assert_int_equal(count_kind(&t.app, STAT_GROUP_QUIZ, &hands), 2);
    assert_int_equal(hands, 2);
    assert_int_equal(count_kind(&t.app, STAT_GROUP_SESSION, NULL), 1);
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
    app_update(&t.app, &ev, t.now);
    assert_int_equal(t.app.screen, SCREEN_GROUP_PICK);
    tap(&t, W_GROUP_HEADCOUNT, 0);
    tap(&t, W_GROUP_FINISH, 0);
    assert_int_equal(t.app.screen, SCREEN_ATTRACT);
    assert_int_equal(count_kind(&t.app, STAT_GROUP_SESSION, NULL), 1);
    t_fini(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gesture_opens_pin_pad),
        cmocka_unit_test(test_gesture_needs_long_press_and_order),
        cmocka_unit_test(test_gesture_corners_are_physical),
        cmocka_unit_test(test_pin_pad_wrong_right_and_wiped),
        cmocka_unit_test(test_pin_cancel_and_idle),
        cmocka_unit_test(test_five_wrong_pins_lock),
        cmocka_unit_test(test_first_start_sets_pin),
        cmocka_unit_test(test_settings_take_effect),
        cmocka_unit_test(test_admin_closes_when_left_alone),
        cmocka_unit_test(test_stick_export_and_banner),
        cmocka_unit_test(test_export_now_from_tools),
        cmocka_unit_test(test_group_session),
        cmocka_unit_test(test_group_two_modules),
        cmocka_unit_test(test_facilitator),
    };
    return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
