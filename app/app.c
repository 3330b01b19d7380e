/* app.c: the navigation and session state machine's core.
 *
 * app_update() first lets time act (the neutral screen ends, the "Still
 * there?" countdown starts or runs out, an animation finishes), then applies
 * the event, handing it to the visit flow (visit.c), the admin flow
 * (admin_flow.c, which also takes the kiosk's replies) or the group session
 * (group_flow.c). Every visible change sets app->dirty so the caller redraws
 * only then. This file keeps init, the wipe, the effect queues, time and
 * the dispatch; screens.c names the screens `taama render` draws.
 *
 * Statistics and narration are queued as effects; nothing here writes to
 * disk or plays sound. */
#include "app_internal.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n/i18n.h"

/* ---- effects ---------------------------------------------------------- */

/* Bounded string copy between fields of the same App (snprintf would be
 * flagged for possible overlap; these never overlap). */
void app_copy_str(char *dst, size_t n, const char *src)
{
    size_t len = strlen(src);
    if (len >= n)
        len = n - 1;
    memmove(dst, src, len);
    dst[len] = 0;
}

/* Kinds that count the visit as a whole: never tied to the open module. */
static const unsigned char counts_whole_visit[STAT__COUNT] = {
    [STAT_SESSION_START] = 1, [STAT_SESSION_END] = 1,     [STAT_TIMEOUT] = 1,
    [STAT_QUICK_EXIT] = 1,    [STAT_HELP_SHOWN] = 1,      [STAT_LANGUAGE_CHOSEN] = 1,
    [STAT_LANGUAGE_SWITCH] = 1,
};

void app_stat(App *a, StatKind kind, int n, int ok)
{
    if (a->fx.n_stats >= APP_MAX_EFFECTS)
        return; /* the caller drains every frame; overflow means a bug upstream */
    StatEvent *e = &a->fx.stats[a->fx.n_stats++];
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->n = n;
    e->ok = ok;
    e->count = 1;
    if (a->visit.in_session && a->wiring.cfg.n_langs > 0)
        app_copy_str(e->lang, sizeof e->lang, a->wiring.cfg.langs[a->visit.lang]);
    const Module *m = app_module(a);
    int whole_visit = (unsigned)kind < STAT__COUNT && counts_whole_visit[kind];
    if (m && !whole_visit)
        app_copy_str(e->module, sizeof e->module, m->id);
}

void app_audio(App *a, AudioAction act, const char *key)
{
    if (a->fx.n_audio >= (int)(sizeof a->fx.audio / sizeof a->fx.audio[0]))
        a->fx.n_audio = 0; /* keep the newest: an old play request is stale anyway */
    AudioCmd *c = &a->fx.audio[a->fx.n_audio++];
    memset(c, 0, sizeof *c);
    c->action = act;
    if (key)
        app_copy_str(c->key, sizeof c->key, key);
    if (a->wiring.cfg.n_langs > 0)
        app_copy_str(c->lang, sizeof c->lang, a->wiring.cfg.langs[a->visit.lang]);
    /* the speaker button shows Stop while a recording plays; a key with no
     * recording plays nothing (the kiosk stops instead) */
    int playing = act == AUDIO_PLAY && key && a->wiring.narration_exists &&
                  a->wiring.narration_exists(a->wiring.narration_ctx, c->lang, key);
    if (playing != a->visit.narration_playing)
        a->dirty = 1;
    a->visit.narration_playing = playing;
}

/* ---- helpers ---------------------------------------------------------- */

void app_config_default(AppConfig *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->timeout_s = 60;
    cfg->countdown_s = 10;
    cfg->neutral_s = 8;
    cfg->attract_cycle_ms = 3500;
    static const char *const langs[] = {"en", "fr", "ar", "ti", "ha"};
    for (int i = 0; i < 5; i++)
        snprintf(cfg->langs[i], sizeof cfg->langs[i], "%s", langs[i]);
    cfg->n_langs = 5;
}

const char *app_lang(const App *a)
{
    return a->wiring.cfg.n_langs > 0 ? a->wiring.cfg.langs[a->visit.lang] : "en";
}

const int app_quick_counts[APP_QUICK_COUNTS] = {0, 5, 10, 15, 20, 30, 50};

const char *app_ui_lang(const App *a)
{
    if ((a->visit.screen == SCREEN_GROUP_SLIDE || a->visit.screen == SCREEN_GROUP_QUIZ) &&
        i18n_language(a->group.group_lang))
        return a->group.group_lang;
    if (admin_is_screen(a->visit.screen) || a->visit.screen == SCREEN_GROUP_PICK ||
        a->visit.screen == SCREEN_GROUP_COUNT)
        return i18n_language(a->facts.settings.admin_language) ? a->facts.settings.admin_language : "en";
    return app_lang(a);
}

const Module *app_module(const App *a)
{
    if (!a->wiring.content || a->visit.module < 0 || a->visit.module >= content_module_count(a->wiring.content))
        return NULL;
    return content_module(a->wiring.content, a->visit.module);
}

int app_rtl(const App *a)
{
    const Language *l = i18n_language(app_lang(a));
    return l && l->rtl;
}

void app_set_screen(App *a, ScreenId s, uint64_t now)
{
    a->visit.screen = s;
    a->visit.focus = W_NONE;
    a->dirty = 1;
    if (s == SCREEN_END && !a->visit.end_counted) {
        /* once per opening: coming back from Help or the language picker
         * is the same completion */
        a->visit.end_counted = 1;
        app_stat(a, STAT_END_CARD_SHOWN, 0, 0);
        app_stat(a, STAT_MODULE_COMPLETED, 0, 0);
        const Module *m = app_module(a);
        if (m && m->end.contact_id && a->wiring.content) {
            for (int i = 0; i < content_contact_count(a->wiring.content); i++)
                if (strcmp(content_contact(a->wiring.content, i)->id, m->end.contact_id) == 0)
                    app_stat(a, STAT_QR_SHOWN, i, 0);
        }
    }
    (void)now;
}

void app_wipe(App *a, uint64_t now)
{
    /* The parts of a visit go whole; the wiring, the kiosk's clocks and
     * facts, and the effects not yet taken stay. */
    app_wipe_pin(a->admin.pin, sizeof a->admin.pin);
    memset(&a->visit, 0, sizeof a->visit);
    memset(&a->gesture, 0, sizeof a->gesture);
    memset(&a->admin, 0, sizeof a->admin);
    memset(&a->group, 0, sizeof a->group);
    /* the next app_update() compares against "nothing drawn yet" */
    memset(&a->time_view, 0, sizeof a->time_view);
    a->visit.module = -1;
    a->visit.quiz_answer = -1;
    a->visit.picker_choice = -1;
    a->visit.screen = SCREEN_ATTRACT;
    a->kiosk.attract_start_ms = now;
    a->dirty = 1;
    app_audio(a, AUDIO_STOP, NULL);
}

void app_init(App *a, const Content *content, const AppConfig *cfg, uint64_t now)
{
    memset(a, 0, sizeof *a);
    a->wiring.content = content;
    if (cfg)
        a->wiring.cfg = *cfg;
    else
        app_config_default(&a->wiring.cfg);
    if (a->wiring.cfg.n_langs <= 0) {
        snprintf(a->wiring.cfg.langs[0], sizeof a->wiring.cfg.langs[0], "en");
        a->wiring.cfg.n_langs = 1;
    }
    if (a->wiring.cfg.timeout_s <= 0)
        a->wiring.cfg.timeout_s = 60;
    if (a->wiring.cfg.countdown_s <= 0)
        a->wiring.cfg.countdown_s = 10;
    if (a->wiring.cfg.attract_cycle_ms <= 0)
        a->wiring.cfg.attract_cycle_ms = 3500;
    a->wiring.w = 1280;
    a->wiring.h = 800;
    a->wiring.dpi = 160;
    a->kiosk.clock_min = -1;
    /* the settings agree with the configuration until the kiosk sends the
     * saved ones (EV_SETTINGS) */
    settings_defaults(&a->facts.settings);
    a->facts.settings.n_languages = 0;
    for (int i = 0; i < a->wiring.cfg.n_langs && i < SETTINGS_MAX_LANGS; i++)
        app_copy_str(a->facts.settings.languages[a->facts.settings.n_languages++], sizeof a->facts.settings.languages[0],
                 a->wiring.cfg.langs[i]);
    if (a->wiring.cfg.timeout_s >= SETTINGS_TIMEOUT_MIN_S && a->wiring.cfg.timeout_s <= SETTINGS_TIMEOUT_MAX_S)
        a->facts.settings.inactivity_timeout_s = a->wiring.cfg.timeout_s;
    a->facts.settings.narration_autoplay = a->wiring.cfg.autoplay;
    app_wipe(a, now);
    a->fx.n_audio = 0;
}

AppCmd *app_command(App *a, CmdKind kind)
{
    if (a->fx.n_cmds >= APP_MAX_CMDS)
        return NULL; /* drained every frame: a full queue means a bug upstream */
    AppCmd *c = &a->fx.cmds[a->fx.n_cmds++];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    return c;
}

/* ---- what the shell may ask of the App -------------------------------- */

void app_take_effects(App *a, AppEffects *out)
{
    if (out)
        *out = a->fx;
    app_wipe_pin((char *)a->fx.cmds, sizeof a->fx.cmds);
    a->fx.n_stats = 0;
    a->fx.n_audio = 0;
    a->fx.n_cmds = 0;
}

int app_take_dirty(App *a)
{
    int d = a->dirty;
    a->dirty = 0;
    return d;
}

void app_set_narration(App *a, int (*exists)(void *ctx, const char *lang, const char *key), void *ctx)
{
    a->wiring.narration_exists = exists;
    a->wiring.narration_ctx = ctx;
}

void app_set_content(App *a, const Content *content)
{
    a->wiring.content = content;
    a->visit.module = -1;
    a->dirty = 1;
}

void app_set_display(App *a, int w, int h, float dpi)
{
    a->wiring.w = w;
    a->wiring.h = h;
    a->wiring.dpi = dpi > 0 ? dpi : 160;
    a->dirty = 1;
}

void app_set_access(App *a, int large_text, int high_contrast)
{
    a->visit.large_text = large_text;
    a->visit.high_contrast = high_contrast;
    a->dirty = 1;
}

void app_restart(App *a, uint64_t now)
{
    AppWiring w = a->wiring;
    app_init(a, w.content, &w.cfg, now);
    a->wiring = w;
}

void app_peek_slide(const App *a, int slide, App *out)
{
    *out = *a;
    out->visit.slide = slide;
    out->visit.pointer_down = 0;
    out->visit.pressed = W_NONE;
}

/* ---- time ------------------------------------------------------------- */

/* The children's track keeps a slower pace: longer slide transitions and
 * more time before "Still there?". */
static int child_track(const App *a)
{
    const Module *m = app_module(a);
    return m && (m->audience & AUDIENCE_CHILDREN) && a->visit.in_session;
}

int app_anim_ms(const App *a) { return child_track(a) ? APP_ANIM_MS * 5 / 3 : APP_ANIM_MS; }

static uint64_t timeout_ms(const App *a)
{
    uint64_t t = (uint64_t)a->wiring.cfg.timeout_s * 1000;
    return child_track(a) ? t * 3 / 2 : t;
}

static void advance_time(App *a, uint64_t now)
{
    if (a->facts.banner != BANNER_NONE && a->facts.banner != BANNER_BUSY && now >= a->facts.banner_until) {
        a->facts.banner = BANNER_NONE;
        a->dirty = 1;
    }
    if (a->visit.screen == SCREEN_PIN && a->admin.pin_message == PINMSG_LOCKED && now >= a->facts.pin_locked_until) {
        a->admin.pin_message = PINMSG_NONE;
        a->dirty = 1;
    }
    /* The admin screens close by themselves when left alone; the first
     * PIN has to be set, and a group session runs as long as the worker
     * needs. */
    if (admin_is_screen(a->visit.screen) && !a->admin.pin_waiting) {
        uint64_t idle = a->visit.screen == SCREEN_PIN ? APP_PIN_IDLE_MS : APP_ADMIN_IDLE_MS;
        if (now - a->visit.last_input_ms >= idle)
            app_wipe(a, now);
    }
    if (a->visit.screen == SCREEN_NEUTRAL && now >= a->kiosk.neutral_until_ms) {
        a->visit.screen = SCREEN_ATTRACT;
        a->kiosk.attract_start_ms = now;
        a->dirty = 1;
    }
    if (a->visit.anim_start_ms && now - a->visit.anim_start_ms >= (uint64_t)app_anim_ms(a)) {
        a->visit.anim_start_ms = 0;
        a->dirty = 1;
    }
    if (!a->visit.in_session)
        return;
    if (!a->visit.countdown && now - a->visit.last_input_ms >= timeout_ms(a)) {
        a->visit.countdown = 1;
        a->visit.countdown_start_ms = a->visit.last_input_ms + timeout_ms(a);
        a->dirty = 1;
        app_audio(a, AUDIO_STOP, NULL);
    }
    if (a->visit.countdown && now - a->visit.countdown_start_ms >= (uint64_t)a->wiring.cfg.countdown_s * 1000) {
        app_stat(a, STAT_TIMEOUT, 0, 0);
        visit_end_session(a, now);
        app_wipe(a, now);
    }
}

/* Narration follows what is on screen: when the visitor moves on, switches
 * language, leaves or times out, the old narration stops; with autoplay the
 * new screen's narration starts. */
static void sync_narration(App *a)
{
    char key[96];
    app_narration_key(a, key, sizeof key);
    if (strcmp(key, a->visit.narrating) == 0 && strcmp(app_lang(a), a->visit.narrating_lang) == 0)
        return;
    if (a->visit.narrating[0])
        app_audio(a, AUDIO_STOP, NULL);
    if (key[0] && a->wiring.cfg.autoplay)
        app_audio(a, AUDIO_PLAY, key);
    app_copy_str(a->visit.narrating, sizeof a->visit.narrating, key);
    app_copy_str(a->visit.narrating_lang, sizeof a->visit.narrating_lang, app_lang(a));
}

static void update(App *a, const Event *ev, uint64_t now);

static int cycle_index(const App *a, uint64_t since, uint64_t now)
{
    uint64_t cyc = (uint64_t)a->wiring.cfg.attract_cycle_ms;
    return a->wiring.cfg.n_langs > 1 && now >= since ? (int)(((now - since) / cyc) % (uint64_t)a->wiring.cfg.n_langs)
                                              : 0;
}

/* The picker heading cycles through the languages until the visitor
 * touches one: they may not read the language the kiosk starts in. */
static int picker_cycling(const App *a)
{
    return a->visit.screen == SCREEN_LANGUAGE && a->visit.picker_choice < 0 && a->wiring.cfg.n_langs > 1;
}

/* app_update() compares two views with memcmp: padding would be compared
 * as garbage, so the view must be ints only. */
static_assert(sizeof(AppTimeView) == 4 * sizeof(int), "AppTimeView must have no padding (memcmp)");

void app_time_view(const App *a, uint64_t now, AppTimeView *v)
{
    v->attract_lang = a->visit.screen == SCREEN_ATTRACT ? cycle_index(a, a->kiosk.attract_start_ms, now) : -1;
    v->picker_lang = picker_cycling(a) ? cycle_index(a, a->visit.session_start_ms, now) : -1;
    v->countdown_left = -1;
    if (a->visit.in_session && a->visit.countdown) {
        uint64_t el = now > a->visit.countdown_start_ms ? now - a->visit.countdown_start_ms : 0;
        int left = a->wiring.cfg.countdown_s - (int)(el / 1000);
        v->countdown_left = left < 0 ? 0 : left;
    }
    v->lock_left = -1;
    if (a->visit.screen == SCREEN_PIN && a->facts.pin_locked_until > now)
        v->lock_left = (int)((a->facts.pin_locked_until - now + 999) / 1000);
}

void app_update(App *a, const Event *ev, uint64_t now)
{
    update(a, ev, now);
    sync_narration(a);
    /* Time changes pixels too: mark the screen dirty when, and only when,
     * something drawn from the clock changed since the last update. */
    AppTimeView v;
    app_time_view(a, now, &v);
    if (memcmp(&v, &a->time_view, sizeof v) != 0)
        a->dirty = 1;
    a->time_view = v;
}

static void update(App *a, const Event *ev, uint64_t now)
{
    advance_time(a, now);
    if (!ev)
        return;
    if (ev->clock_min > 0 && ev->clock_min <= 24 * 60)
        a->kiosk.clock_min = ev->clock_min - 1;
    int input = ev->kind == EV_POINTER_DOWN || ev->kind == EV_POINTER_UP || ev->kind == EV_KEY;
    if (input && a->visit.screen == SCREEN_NEUTRAL)
        return; /* the neutral screen stays put: someone may be watching */
    if (ev->kind >= EV_SETTINGS) {
        admin_on_reply(a, ev, now);
        return;
    }
    if (input && !a->visit.in_session)
        a->visit.last_input_ms = now; /* the admin screens' idle clock */
    if (input && a->visit.in_session) {
        a->visit.last_input_ms = now;
        if (a->visit.countdown) {
            /* Any touch answers "Still there?"; it does nothing else, so a
             * tap meant for the countdown never lands on what lies beneath. */
            a->visit.countdown = 0;
            a->visit.pointer_down = 0;
            a->visit.pressed = W_NONE;
            a->dirty = 1;
            if (!(ev->kind == EV_POINTER_UP && WIDGET_KIND(ev->widget) == W_QUICK_EXIT))
                return;
        }
    }
    switch (ev->kind) {
    case EV_POINTER_DOWN:
        a->visit.pointer_down = 1;
        a->gesture.down_ms = now;
        a->visit.down_x = ev->x;
        a->visit.down_y = ev->y;
        a->visit.pressed = ev->widget;
        a->dirty = 1; /* pressed look */
        break;
    case EV_POINTER_MOVE:
        break;
    case EV_POINTER_UP:
        if (a->visit.pointer_down)
            visit_on_pointer_up(a, ev, now);
        else if (WIDGET_KIND(ev->widget) == W_QUICK_EXIT)
            visit_activate(a, ev->widget, now);
        break;
    case EV_POINTER_CANCEL:
        a->visit.pointer_down = 0;
        a->visit.pressed = W_NONE;
        a->dirty = 1;
        break;
    case EV_KEY:
        visit_on_key(a, ev, now);
        break;
    case EV_RESIZE:
        app_set_display(a, ev->w, ev->h, ev->dpi);
        break;
    default:
        break;
    }
}

int app_animating(const App *a, uint64_t now)
{
    return a->visit.anim_start_ms && now - a->visit.anim_start_ms < (uint64_t)app_anim_ms(a);
}

int app_next_wake_ms(const App *a, uint64_t now)
{
    if (app_animating(a, now))
        return 0;
    int64_t best = -1;
#define CONSIDER(t)                                                                              \
    do {                                                                                         \
        int64_t d_ = (int64_t)(t) - (int64_t)now;                                                \
        if (d_ < 0)                                                                              \
            d_ = 0;                                                                              \
        if (best < 0 || d_ < best)                                                               \
            best = d_;                                                                           \
    } while (0)
    if (a->visit.screen == SCREEN_NEUTRAL)
        CONSIDER(a->kiosk.neutral_until_ms);
    uint64_t cyc = (uint64_t)a->wiring.cfg.attract_cycle_ms;
    if (a->visit.screen == SCREEN_ATTRACT && a->wiring.cfg.n_langs > 1)
        CONSIDER(now + (cyc - (now - a->kiosk.attract_start_ms) % cyc));
    if (picker_cycling(a))
        CONSIDER(now + (cyc - (now - a->visit.session_start_ms) % cyc));
    if (a->visit.in_session && !a->visit.countdown)
        CONSIDER(a->visit.last_input_ms + timeout_ms(a));
    if (a->facts.banner != BANNER_NONE && a->facts.banner != BANNER_BUSY)
        CONSIDER(a->facts.banner_until);
    if (a->visit.screen == SCREEN_PIN && a->facts.pin_locked_until > now) {
        /* the seconds shown (rounded up) drop when the time left crosses
         * a whole second */
        uint64_t r = (a->facts.pin_locked_until - now) % 1000;
        CONSIDER(now + (r ? r : 1000));
    }
    if (admin_is_screen(a->visit.screen))
        CONSIDER(a->visit.last_input_ms +
                 (a->visit.screen == SCREEN_PIN ? APP_PIN_IDLE_MS : APP_ADMIN_IDLE_MS));
    if (a->visit.in_session && a->visit.countdown) {
        /* once a second, for the visible countdown */
        uint64_t el = now - a->visit.countdown_start_ms;
        CONSIDER(now + (1000 - el % 1000));
    }
#undef CONSIDER
    return best > 0x7fffffff ? 0x7fffffff : (int)best;
}
