/* admin_flow.c: the admin side of the state machine. The hidden corner
 * gesture opens the PIN pad; a right PIN opens the admin screen (status,
 * settings, languages, tools) or, for a facilitator, a group session.
 * Settings apply at once and are saved by the kiosk; exports and pack
 * installs run as jobs whose results come back as replies (EV_SETTINGS and
 * later events), handled here too. */
#include "app_internal.h"

#include <string.h>

#include <sodium.h>

#include "admin/pin.h"
#include "i18n/i18n.h"

void app_wipe_pin(char *buf, size_t n)
{
    sodium_memzero(buf, n);
}

void app_config_from_settings(AppConfig *cfg, const Settings *s)
{
    int n = 0;
    for (int i = 0; i < s->n_languages && n < APP_MAX_LANGS; i++)
        if (i18n_language(s->languages[i]))
            snprintf(cfg->langs[n++], sizeof cfg->langs[0], "%s", s->languages[i]);
    if (n > 0)
        cfg->n_langs = n;
    if (s->inactivity_timeout_s > 0)
        cfg->timeout_s = s->inactivity_timeout_s;
    cfg->autoplay = s->narration_autoplay;
}

int app_admin_languages(const App *a, const char **out, int max, int *n_enabled)
{
    int n = 0;
    const Settings *s = &a->facts.settings;
    for (int i = 0; i < s->n_languages && n < max; i++)
        out[n++] = s->languages[i];
    if (n_enabled)
        *n_enabled = n;
    for (int i = 0; i < i18n_language_count() && n < max; i++) {
        const char *code = i18n_language_at(i)->code;
        if (!settings_has_language(s, code))
            out[n++] = code;
    }
    return n;
}

int admin_is_screen(ScreenId s)
{
    return s == SCREEN_PIN || s == SCREEN_ADMIN || s == SCREEN_TEST_TOUCH;
}

static void pin_clear_entry(App *a)
{
    app_wipe_pin(a->admin.pin, sizeof a->admin.pin);
    a->admin.pin_len = 0;
}

void admin_open_pin_pad(App *a, uint64_t now)
{
    pin_clear_entry(a);
    /* Without an admin PIN the gesture only explains who sets it: a
     * passer-by who stumbles on it must not be able to choose one. */
    a->admin.pin_mode = a->facts.pin_missing ? PINPAD_NOT_SET : PINPAD_ENTER;
    a->admin.pin_message = a->facts.pin_locked_until > now ? PINMSG_LOCKED : PINMSG_NONE;
    a->admin.pin_waiting = 0;
    a->visit.last_input_ms = now;
    a->gesture.gesture_stage = 0;
    app_set_screen(a, SCREEN_PIN, now);
}

void admin_open(App *a, AdminTab tab, uint64_t now)
{
    a->admin.tab = tab;
    a->visit.last_input_ms = now;
    if (tab == TAB_STATUS)
        app_command(a, CMD_ADMIN_INFO);
    app_set_screen(a, SCREEN_ADMIN, now);
}

/* Take the settings into the configuration; the visitor keeps their
 * language if it is still offered. */
static void apply_settings(App *a)
{
    char code[12];
    app_copy_str(code, sizeof code, app_lang(a));
    app_config_from_settings(&a->wiring.cfg, &a->facts.settings);
    a->visit.lang = 0;
    for (int i = 0; i < a->wiring.cfg.n_langs; i++)
        if (strcmp(a->wiring.cfg.langs[i], code) == 0)
            a->visit.lang = i;
}

/* The settings changed on the admin screen: apply them at once (languages,
 * timeout, autoplay) and have the kiosk save them. */
static void settings_changed(App *a)
{
    settings_sanitize(&a->facts.settings);
    apply_settings(a);
    app_command(a, CMD_SAVE_SETTINGS);
    a->dirty = 1;
}

static void admin_language(App *a, WidgetKind kind, int row)
{
    const char *rows[APP_MAX_LANGS + 16];
    int on = 0;
    int n = app_admin_languages(a, rows, (int)(sizeof rows / sizeof rows[0]), &on);
    Settings *s = &a->facts.settings;
    if (row < 0 || row >= n)
        return;
    char tmp[12];
    if (kind == W_ADMIN_LANG) {
        if (row < on) {
            if (on <= 1)
                return; /* the kiosk always speaks at least one language */
            memmove(s->languages[row], s->languages[row + 1],
                    sizeof s->languages[0] * (size_t)(s->n_languages - row - 1));
            s->n_languages--;
        } else if (s->n_languages < SETTINGS_MAX_LANGS) {
            app_copy_str(tmp, sizeof tmp, rows[row]);
            app_copy_str(s->languages[s->n_languages++], sizeof s->languages[0], tmp);
        }
    } else if (kind == W_ADMIN_UP || kind == W_ADMIN_DOWN) {
        int other = kind == W_ADMIN_UP ? row - 1 : row + 1;
        if (row >= on || other < 0 || other >= on)
            return;
        app_copy_str(tmp, sizeof tmp, s->languages[row]);
        app_copy_str(s->languages[row], sizeof s->languages[0], s->languages[other]);
        app_copy_str(s->languages[other], sizeof s->languages[0], tmp);
    }
    settings_changed(a);
}

static AppCmd *start_job(App *a, CmdKind kind, const char *path, uint64_t now)
{
    if (a->facts.job_busy)
        return NULL; /* one at a time; the banner says one is running */
    AppCmd *c = app_command(a, kind);
    if (!c)
        return NULL;
    if (path)
        app_copy_str(c->path, sizeof c->path, path);
    a->facts.job_busy = 1;
    if (a->visit.screen == SCREEN_ADMIN)
        a->admin.tab = TAB_TOOLS; /* where the result is shown */
    a->facts.banner = BANNER_BUSY;
    a->facts.banner_job = kind;
    a->facts.banner_detail[0] = 0;
    a->facts.banner_until = 0;
    a->admin.note = NOTE_NONE;
    a->dirty = 1;
    (void)now;
    return c;
}

/* ---- the PIN pad ---- */

static void pin_ok(App *a, uint64_t now)
{
    if (a->admin.pin_waiting || a->facts.pin_locked_until > now)
        return;
    if (a->admin.pin_len < PIN_MIN_DIGITS) {
        a->admin.pin_message = PINMSG_SHORT;
        return;
    }
    AppCmd *c;
    switch (a->admin.pin_mode) {
    case PINPAD_ENTER:
        c = app_command(a, CMD_PIN_CHECK);
        if (c) {
            memcpy(c->pin, a->admin.pin, sizeof c->pin);
            a->admin.pin_waiting = 1;
            a->admin.pin_message = PINMSG_CHECKING;
        }
        break;
    case PINPAD_NOT_SET:
        break; /* no keypad: the installer sets the PIN */
    }
    pin_clear_entry(a);
}

static void pin_activate(App *a, WidgetKind kind, int idx, uint64_t now)
{
    int locked = a->facts.pin_locked_until > now;
    switch (kind) {
    case W_PIN_DIGIT:
        if (locked || a->admin.pin_waiting || idx < 0 || idx > 9)
            break;
        if (a->admin.pin_len < PIN_MAX_DIGITS) {
            a->admin.pin[a->admin.pin_len++] = (char)('0' + idx);
            a->admin.pin[a->admin.pin_len] = 0;
        }
        if (a->admin.pin_message != PINMSG_LOCKED)
            a->admin.pin_message = PINMSG_NONE;
        break;
    case W_PIN_DELETE:
        if (a->admin.pin_len > 0)
            a->admin.pin[--a->admin.pin_len] = 0;
        break;
    case W_PIN_OK:
        pin_ok(a, now);
        break;
    case W_PIN_CANCEL:
        if (!a->admin.pin_waiting)
            app_wipe(a, now);
        break;
    default:
        break;
    }
    a->dirty = 1;
}

/* The settings' values: a step per touch and its bounds. */
static void admin_step_value(App *a, int v, int d)
{
    Settings *s = &a->facts.settings;
    if (v == VALUE_TIMEOUT)
        s->inactivity_timeout_s = app_clampi(s->inactivity_timeout_s + 15 * d,
                                             SETTINGS_TIMEOUT_MIN_S, SETTINGS_TIMEOUT_MAX_S);
    else if (v == VALUE_VOLUME)
        s->narration_volume = app_clampi(s->narration_volume + 10 * d, 0, 100);
    else if (v == VALUE_CLOCK_DAY || v == VALUE_CLOCK_HOUR) {
        /* The kiosk applies it as an offset and sends fresh facts;
         * show the new time at once meanwhile. */
        AppCmd *c = app_command(a, CMD_CLOCK_ADJUST);
        int64_t secs = (v == VALUE_CLOCK_DAY ? 86400 : 3600) * (int64_t)d;
        if (c)
            c->seconds = secs;
        if (a->facts.info.clock_now > 0)
            a->facts.info.clock_now += secs;
        a->dirty = 1;
        return;
    } else
        return;
    settings_changed(a);
}

/* The admin screen's own language: the next known one, whatever visitors
 * are offered. */
static void admin_next_ui_language(App *a)
{
    Settings *s = &a->facts.settings;
    int n = i18n_language_count(), cur = 0;
    for (int i = 0; i < n; i++)
        if (strcmp(i18n_language_at(i)->code, s->admin_language) == 0)
            cur = i;
    if (n > 0)
        app_copy_str(s->admin_language, sizeof s->admin_language,
                     i18n_language_at((cur + 1) % n)->code);
    settings_changed(a);
}

static void admin_toggle(App *a, int flag)
{
    Settings *s = &a->facts.settings;
    if (flag == FLAG_EXPORT_ON_INSERT)
        s->export_on_insert = !s->export_on_insert;
    else if (flag == FLAG_AUTOPLAY)
        s->narration_autoplay = !s->narration_autoplay;
    else
        return;
    settings_changed(a);
}

static void admin_action(App *a, AdminAction action, uint64_t now)
{
    switch (action) {
    case ACTION_EXPORT: start_job(a, CMD_EXPORT, "", now); break;
    case ACTION_INSTALL: start_job(a, CMD_INSTALL_PACK, NULL, now); break;
    case ACTION_TEST_TOUCH:
        memset(a->admin.touched, 0, sizeof a->admin.touched);
        app_set_screen(a, SCREEN_TEST_TOUCH, now);
        break;
    case ACTION_TEST_SOUND: app_command(a, CMD_TEST_SOUND); break;
    case ACTION_GROUP: group_flow_open(a, now); break;
    default: break;
    }
}

/* Controls of the admin screen itself. Returns 1 if handled. */
static int admin_screen_activate(App *a, WidgetKind kind, int idx, uint64_t now)
{
    switch (kind) {
    case W_ADMIN_TAB:
        if (idx < TAB__COUNT)
            admin_open(a, (AdminTab)idx, now);
        return 1;
    case W_ADMIN_CLOSE:
        app_wipe(a, now);
        return 1;
    case W_ADMIN_LANG:
    case W_ADMIN_UP:
    case W_ADMIN_DOWN:
        admin_language(a, kind, idx);
        return 1;
    case W_ADMIN_UI_LANG:
        admin_next_ui_language(a);
        return 1;
    case W_ADMIN_DEC:
    case W_ADMIN_INC:
        admin_step_value(a, idx, kind == W_ADMIN_INC ? 1 : -1);
        return 1;
    case W_ADMIN_TOGGLE:
        admin_toggle(a, idx);
        return 1;
    case W_ADMIN_ACTION:
        admin_action(a, (AdminAction)idx, now);
        return 1;
    default:
        return 0;
    }
}

static void test_touch_activate(App *a, WidgetKind kind, int idx, uint64_t now)
{
    if (kind == W_TOUCH_CELL && idx < APP_TOUCH_CELLS) {
        a->admin.touched[idx] = 1;
        a->dirty = 1;
    } else if (kind == W_DONE) {
        admin_open(a, TAB_TOOLS, now);
    }
}

int admin_activate(App *a, WidgetId w, uint64_t now)
{
    WidgetKind kind = WIDGET_KIND(w);
    int idx = WIDGET_INDEX(w);
    switch (kind) {
    case W_PIN_DIGIT:
    case W_PIN_DELETE:
    case W_PIN_OK:
    case W_PIN_CANCEL:
        if (a->visit.screen == SCREEN_PIN)
            pin_activate(a, kind, idx, now);
        return 1;
    case W_BANNER:
        if (a->facts.banner != BANNER_BUSY)
            a->facts.banner = BANNER_NONE;
        a->admin.note = NOTE_NONE;
        a->dirty = 1;
        return 1;
    default:
        break;
    }
    if (a->visit.screen == SCREEN_ADMIN)
        return admin_screen_activate(a, kind, idx, now);
    if (a->visit.screen == SCREEN_TEST_TOUCH) {
        test_touch_activate(a, kind, idx, now);
        return 1;
    }
    if (!group_flow_is_screen(a->visit.screen))
        return 0;
    group_flow_activate(a, kind, idx, now);
    return 1;
}

/* The hidden gesture on the attract screen: hold the top-left corner for
 * APP_LONG_PRESS_MS, then within APP_GESTURE_MS tap top-right, bottom-right
 * and bottom-left. Corners are physical (window pixels, never mirrored).
 * Returns 1 when the tap belonged to the gesture. */
static int corner_of(const App *a, int x, int y)
{
    int side = (a->wiring.w < a->wiring.h ? a->wiring.w : a->wiring.h) / 6;
    if (side < 80)
        side = 80;
    int left = x < side, right = x >= a->wiring.w - side, top = y < side, bottom = y >= a->wiring.h - side;
    if (top && left)
        return 0;
    if (top && right)
        return 1;
    if (bottom && right)
        return 2;
    if (bottom && left)
        return 3;
    return -1;
}

int admin_attract_gesture(App *a, const Event *ev, uint64_t now)
{
    int c_down = corner_of(a, a->visit.down_x, a->visit.down_y), c_up = corner_of(a, ev->x, ev->y);
    if (a->gesture.gesture_stage > 0 && now > a->gesture.gesture_until)
        a->gesture.gesture_stage = 0;
    if (c_down == 0 && c_up == 0 && now - a->gesture.down_ms >= APP_LONG_PRESS_MS) {
        a->gesture.gesture_stage = 1;
        a->gesture.gesture_until = now + APP_GESTURE_MS;
        return 1;
    }
    if (a->gesture.gesture_stage > 0) {
        if (c_down == a->gesture.gesture_stage && c_up == c_down) {
            if (++a->gesture.gesture_stage == 4)
                admin_open_pin_pad(a, now);
            return 1;
        }
        a->gesture.gesture_stage = 0; /* a wrong corner: an ordinary tap */
    }
    return 0;
}

/* The kiosk checked the PIN typed on the pad. */
static void pin_result(App *a, const Event *ev, uint64_t now)
{
    a->admin.pin_waiting = 0;
    a->admin.pin_message = PINMSG_NONE;
    if (ev->err == ERR_OK) {
        a->facts.pin_locked_until = 0;
        a->admin.facilitator = ev->slot == PIN_SLOT_FACILITATOR;
        if (a->admin.facilitator)
            group_flow_open(a, now);
        else
            admin_open(a, TAB_STATUS, now);
    } else if (ev->err == ERR_KEY || ev->err == ERR_BUSY) {
        a->admin.pin_message = PINMSG_WRONG;
        if (ev->locked_ms > 0) {
            a->facts.pin_locked_until = now + (uint64_t)ev->locked_ms;
            a->admin.pin_message = PINMSG_LOCKED;
        }
    } else if (ev->err == ERR_NOTFOUND) {
        a->facts.pin_missing = 1; /* removed from a shell meanwhile */
        a->admin.pin_mode = PINPAD_NOT_SET;
        pin_clear_entry(a);
    } else {
        a->admin.pin_message = PINMSG_DAMAGED;
    }
}

/* Replies from the kiosk. */
void admin_on_reply(App *a, const Event *ev, uint64_t now)
{
    switch (ev->kind) {
    case EV_SETTINGS:
        if (ev->settings) {
            a->facts.settings = *ev->settings;
            a->facts.have_settings = 1;
            apply_settings(a);
        }
        break;
    case EV_PIN_STATE:
        a->facts.pin_missing = !ev->pin_set;
        a->facts.pin_locked_until = ev->locked_ms > 0 ? now + (uint64_t)ev->locked_ms : 0;
        break;
    case EV_PIN_RESULT:
        if (a->visit.screen != SCREEN_PIN || !a->admin.pin_waiting)
            break; /* the pad was closed meanwhile */
        pin_result(a, ev, now);
        break;
    case EV_ADMIN_INFO:
        if (ev->info)
            a->facts.info = *ev->info;
        break;
    case EV_JOB_DONE:
        a->facts.job_busy = 0;
        a->facts.banner = ev->err == ERR_OK ? BANNER_OK : BANNER_FAILED;
        a->facts.banner_job = ev->job;
        a->facts.banner_until = now + APP_BANNER_MS;
        app_copy_str(a->facts.banner_detail, sizeof a->facts.banner_detail, ev->text ? ev->text : "");
        if (a->visit.screen == SCREEN_ADMIN)
            app_command(a, CMD_ADMIN_INFO);
        break;
    case EV_AUDIO_ENDED:
        a->visit.narration_playing = 0;
        break;
    case EV_STICK:
        /* only while nobody uses the kiosk, only if enabled, and only
         * encrypted: anyone can insert a stick, no PIN is asked, so an
         * export on insert stays inactive until a campaign key is
         * installed, and the job itself refuses to write plaintext */
        if (ev->text && ev->can_seal && a->facts.settings.export_on_insert && !a->visit.in_session &&
            (a->visit.screen == SCREEN_ATTRACT || a->visit.screen == SCREEN_ADMIN)) {
            AppCmd *c = start_job(a, CMD_EXPORT, ev->text, now);
            if (c)
                c->sealed_only = 1;
        }
        break;
    default:
        return;
    }
    a->dirty = 1;
}
