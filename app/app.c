/* app.c: the navigation and session state machine.
 *
 * app_update() first lets time act (the neutral screen ends, the "Still
 * there?" countdown starts or runs out, an animation finishes), then applies
 * the event. Pointer events carry the control they hit; a control fires on
 * release inside the same control that was pressed, and a horizontal drag
 * longer than the slop is a swipe, never a tap. Every visible change sets
 * app->dirty so the caller redraws only then.
 *
 * Statistics and narration are queued as effects; nothing here writes to
 * disk or plays sound. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "admin/pin.h"
#include "i18n/i18n.h"
#include "narration/narration.h"

/* ---- effects ---------------------------------------------------------- */

/* Bounded string copy between fields of the same App (snprintf would be
 * flagged for possible overlap; these never overlap). */
static void copy_str(char *dst, size_t n, const char *src)
{
    size_t len = strlen(src);
    if (len >= n)
        len = n - 1;
    memmove(dst, src, len);
    dst[len] = 0;
}

static void stat(App *a, StatKind kind, int n, int ok)
{
    if (a->n_stats >= APP_MAX_EFFECTS)
        return; /* the caller drains every frame; overflow means a bug upstream */
    StatEvent *e = &a->stats[a->n_stats++];
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->n = n;
    e->ok = ok;
    e->count = 1;
    if (a->in_session && a->cfg.n_langs > 0)
        copy_str(e->lang, sizeof e->lang, a->cfg.langs[a->lang]);
    const Module *m = app_module(a);
    if (m && kind != STAT_SESSION_START && kind != STAT_SESSION_END && kind != STAT_TIMEOUT &&
        kind != STAT_QUICK_EXIT && kind != STAT_HELP_SHOWN && kind != STAT_LANGUAGE_CHOSEN &&
        kind != STAT_LANGUAGE_SWITCH)
        copy_str(e->module, sizeof e->module, m->id);
}

static void audio(App *a, AudioAction act, const char *key)
{
    if (a->n_audio >= (int)(sizeof a->audio / sizeof a->audio[0]))
        a->n_audio = 0; /* keep the newest: an old play request is stale anyway */
    AudioCmd *c = &a->audio[a->n_audio++];
    memset(c, 0, sizeof *c);
    c->action = act;
    if (key)
        copy_str(c->key, sizeof c->key, key);
    if (a->cfg.n_langs > 0)
        copy_str(c->lang, sizeof c->lang, a->cfg.langs[a->lang]);
    /* the speaker button shows Stop while a recording plays; a key with no
     * recording plays nothing (the kiosk stops instead) */
    int playing = act == AUDIO_PLAY && key && a->narration_exists &&
                  a->narration_exists(a->narration_ctx, c->lang, key);
    if (playing != a->narration_playing)
        a->dirty = 1;
    a->narration_playing = playing;
}

/* The narration key of what is on screen, or "" when it has none. */
void app_narration_key(const App *a, char *out, size_t n)
{
    const Module *m = app_module(a);
    out[0] = 0;
    if (!m)
        return;
    if (a->screen == SCREEN_SLIDE) {
        const char *k = m->slides[a->slide].audio;
        if (k)
            snprintf(out, n, "%s", k);
        else
            snprintf(out, n, "%s-slide-%d", m->id, a->slide + 1);
    } else if (a->screen == SCREEN_QUIZ) {
        /* once answered, the explanation is what is read */
        const QuizQuestion *q = &m->quiz[a->quiz_q];
        const char *tail = a->quiz_answer >= 0 && q->explain ? NARRATION_EXPLAIN_SUFFIX : "";
        if (q->audio)
            snprintf(out, n, "%s%s", q->audio, tail);
        else
            snprintf(out, n, "%s-quiz-%d%s", m->id, a->quiz_q + 1, tail);
    } else if (a->screen == SCREEN_END) {
        if (m->end.audio)
            snprintf(out, n, "%s", m->end.audio);
        else
            snprintf(out, n, "%s-end", m->id);
    }
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
    return a->cfg.n_langs > 0 ? a->cfg.langs[a->lang] : "en";
}

static int is_admin_screen(ScreenId s);

const int app_quick_counts[APP_QUICK_COUNTS] = {0, 5, 10, 15, 20, 30, 50};

const char *app_ui_lang(const App *a)
{
    if ((a->screen == SCREEN_GROUP_SLIDE || a->screen == SCREEN_GROUP_QUIZ) &&
        i18n_language(a->group_lang))
        return a->group_lang;
    if (is_admin_screen(a->screen) || a->screen == SCREEN_GROUP_PICK ||
        a->screen == SCREEN_GROUP_COUNT)
        return i18n_language(a->settings.admin_language) ? a->settings.admin_language : "en";
    return app_lang(a);
}

const Module *app_module(const App *a)
{
    if (!a->content || a->module < 0 || a->module >= content_module_count(a->content))
        return NULL;
    return content_module(a->content, a->module);
}

static int rtl(const App *a)
{
    const Language *l = i18n_language(app_lang(a));
    return l && l->rtl;
}

static const unsigned filter_bits[FILTER__COUNT] = {
    [FILTER_ALL] = ~0u,
    [FILTER_WOMEN] = AUDIENCE_WOMEN,
    [FILTER_CHILDREN] = AUDIENCE_CHILDREN,
    [FILTER_EVERYONE] = AUDIENCE_EVERYONE,
};

int app_menu_modules(const App *a, int *out, int max)
{
    int n = 0;
    int total = a->content ? content_module_count(a->content) : 0;
    for (int i = 0; i < total && n < max; i++)
        if (content_module(a->content, i)->audience & filter_bits[a->filter])
            out[n++] = i;
    return n;
}

static void set_screen(App *a, ScreenId s, uint64_t now)
{
    a->screen = s;
    a->focus = W_NONE;
    a->dirty = 1;
    if (s == SCREEN_END && !a->end_counted) {
        /* once per opening: coming back from Help or the language picker
         * is the same completion */
        a->end_counted = 1;
        stat(a, STAT_END_CARD_SHOWN, 0, 0);
        stat(a, STAT_MODULE_COMPLETED, 0, 0);
        const Module *m = app_module(a);
        if (m && m->end.contact_id && a->content) {
            for (int i = 0; i < content_contact_count(a->content); i++)
                if (strcmp(content_contact(a->content, i)->id, m->end.contact_id) == 0)
                    stat(a, STAT_QR_SHOWN, i, 0);
        }
    }
    (void)now;
}

/* Leave the open module (if any), counting how deep the visitor went. */
static void leave_module(App *a)
{
    if (a->module >= 0 && a->in_session)
        stat(a, STAT_SLIDE_DEEPEST, a->deepest_slide, 0);
    a->module = -1;
}

static void open_module(App *a, int index, uint64_t now)
{
    leave_module(a);
    a->module = index;
    a->slide = 0;
    a->deepest_slide = 0;
    a->quiz_q = 0;
    a->quiz_answer = -1;
    a->anim_start_ms = 0;
    a->end_counted = 0;
    stat(a, STAT_MODULE_OPENED, 0, 0);
    set_screen(a, SCREEN_SLIDE, now);
}

static void end_session(App *a, uint64_t now)
{
    if (!a->in_session)
        return;
    leave_module(a);
    uint64_t secs = (now - a->session_start_ms) / 1000;
    stat(a, STAT_SESSION_END, (int)(secs > 1000000 ? 1000000 : secs), 0);
}

void app_wipe(App *a, uint64_t now)
{
    /* Keep only the wiring, the kiosk's clocks and the effects not yet
     * drained; everything the visitor did goes. */
    App keep = *a;
    memset(a, 0, sizeof *a);
    a->content = keep.content;
    a->narration_exists = keep.narration_exists;
    a->narration_ctx = keep.narration_ctx;
    a->cfg = keep.cfg;
    a->w = keep.w;
    a->h = keep.h;
    a->dpi = keep.dpi;
    memcpy(a->stats, keep.stats, sizeof a->stats);
    a->n_stats = keep.n_stats;
    memcpy(a->audio, keep.audio, sizeof a->audio);
    a->n_audio = keep.n_audio;
    memcpy(a->cmds, keep.cmds, sizeof a->cmds);
    a->n_cmds = keep.n_cmds;
    a->settings = keep.settings;
    a->have_settings = keep.have_settings;
    a->pin_missing = keep.pin_missing;
    a->pin_locked_until = keep.pin_locked_until;
    a->info = keep.info;
    a->banner = keep.banner;
    a->banner_until = keep.banner_until;
    a->banner_job = keep.banner_job;
    memcpy(a->banner_detail, keep.banner_detail, sizeof a->banner_detail);
    a->job_busy = keep.job_busy;
    /* the copy held whatever was typed on the PIN pad */
    app_wipe_pin(keep.pin, sizeof keep.pin);
    a->module = -1;
    a->quiz_answer = -1;
    a->picker_choice = -1;
    a->screen = SCREEN_ATTRACT;
    a->attract_start_ms = now;
    a->neutral_until_ms = keep.neutral_until_ms;
    a->clock_min = keep.clock_min;
    a->dirty = 1;
    audio(a, AUDIO_STOP, NULL);
}

void app_init(App *a, const Content *content, const AppConfig *cfg, uint64_t now)
{
    memset(a, 0, sizeof *a);
    a->content = content;
    if (cfg)
        a->cfg = *cfg;
    else
        app_config_default(&a->cfg);
    if (a->cfg.n_langs <= 0) {
        snprintf(a->cfg.langs[0], sizeof a->cfg.langs[0], "en");
        a->cfg.n_langs = 1;
    }
    if (a->cfg.timeout_s <= 0)
        a->cfg.timeout_s = 60;
    if (a->cfg.countdown_s <= 0)
        a->cfg.countdown_s = 10;
    if (a->cfg.attract_cycle_ms <= 0)
        a->cfg.attract_cycle_ms = 3500;
    a->w = 1280;
    a->h = 800;
    a->dpi = 160;
    a->clock_min = -1;
    /* the settings agree with the configuration until the kiosk sends the
     * saved ones (EV_SETTINGS) */
    settings_defaults(&a->settings);
    a->settings.n_languages = 0;
    for (int i = 0; i < a->cfg.n_langs && i < SETTINGS_MAX_LANGS; i++)
        copy_str(a->settings.languages[a->settings.n_languages++], sizeof a->settings.languages[0],
                 a->cfg.langs[i]);
    if (a->cfg.timeout_s >= SETTINGS_TIMEOUT_MIN_S && a->cfg.timeout_s <= SETTINGS_TIMEOUT_MAX_S)
        a->settings.inactivity_timeout_s = a->cfg.timeout_s;
    a->settings.narration_autoplay = a->cfg.autoplay;
    app_wipe(a, now);
    a->n_audio = 0;
}

/* ---- navigation ------------------------------------------------------- */

static void go_next(App *a, uint64_t now)
{
    const Module *m = app_module(a);
    switch (a->screen) {
    case SCREEN_SLIDE:
        if (!m)
            return;
        if (a->slide + 1 < m->n_slides) {
            a->slide++;
            if (a->slide > a->deepest_slide)
                a->deepest_slide = a->slide;
            a->anim_start_ms = now;
            a->anim_dir = 1;
            set_screen(a, SCREEN_SLIDE, now);
        } else if (m->n_quiz > 0) {
            a->quiz_q = 0;
            a->quiz_answer = -1;
            set_screen(a, SCREEN_QUIZ, now);
        } else {
            set_screen(a, SCREEN_END, now);
        }
        break;
    case SCREEN_QUIZ:
        if (!m || a->quiz_answer < 0)
            return; /* answer first: Next appears only after an answer */
        if (a->quiz_q + 1 < m->n_quiz) {
            a->quiz_q++;
            a->quiz_answer = -1;
            set_screen(a, SCREEN_QUIZ, now);
        } else {
            set_screen(a, SCREEN_END, now);
        }
        break;
    case SCREEN_END:
        leave_module(a);
        set_screen(a, SCREEN_MENU, now);
        break;
    case SCREEN_MENU:
    case SCREEN_HELP:
        a->menu_scroll++; /* next page; ui_build clamps to the last page */
        a->dirty = 1;
        break;
    default:
        break;
    }
}

static void go_back(App *a, uint64_t now)
{
    const Module *m = app_module(a);
    switch (a->screen) {
    case SCREEN_SLIDE:
        if (a->slide > 0) {
            a->slide--;
            a->anim_start_ms = now;
            a->anim_dir = -1;
            set_screen(a, SCREEN_SLIDE, now);
        } else {
            leave_module(a);
            set_screen(a, SCREEN_MENU, now);
        }
        break;
    case SCREEN_QUIZ:
        if (a->quiz_q > 0) {
            a->quiz_q--;
            a->quiz_answer = -1;
            set_screen(a, SCREEN_QUIZ, now);
        } else if (m) {
            a->slide = m->n_slides - 1;
            a->quiz_answer = -1;
            set_screen(a, SCREEN_SLIDE, now);
        }
        break;
    case SCREEN_END:
        if (m && m->n_quiz > 0) {
            a->quiz_q = m->n_quiz - 1;
            a->quiz_answer = -1;
            set_screen(a, SCREEN_QUIZ, now);
        } else if (m) {
            a->slide = m->n_slides - 1;
            set_screen(a, SCREEN_SLIDE, now);
        }
        break;
    case SCREEN_MENU:
        if (a->menu_scroll > 0) {
            a->menu_scroll--;
            a->dirty = 1;
        } else {
            a->picker_choice = a->lang;
            set_screen(a, SCREEN_LANGUAGE, now);
        }
        break;
    case SCREEN_HELP:
        if (a->menu_scroll > 0) {
            a->menu_scroll--;
            a->dirty = 1;
            break;
        }
        set_screen(a, app_module(a) ? SCREEN_END : SCREEN_MENU, now);
        break;
    case SCREEN_LANGUAGE:
        if (a->module >= 0 || a->lang_confirmed)
            set_screen(a, a->module >= 0 ? SCREEN_SLIDE : SCREEN_MENU, now);
        else {
            end_session(a, now);
            app_wipe(a, now);
        }
        break;
    default:
        break;
    }
}

static void choose_language(App *a, int i)
{
    if (i < 0 || i >= a->cfg.n_langs)
        return;
    if (a->lang != i) {
        audio(a, AUDIO_STOP, NULL); /* narration is in the old language */
        a->lang = i;
    }
    a->picker_choice = i;
    a->dirty = 1;
}

static void confirm_language(App *a, uint64_t now)
{
    audio(a, AUDIO_STOP, NULL); /* the language's spoken name ends here */
    if (a->picker_choice >= 0)
        a->lang = a->picker_choice;
    if (!a->lang_confirmed)
        stat(a, STAT_LANGUAGE_CHOSEN, 0, 0);
    else if (a->lang != a->lang_at_open)
        stat(a, STAT_LANGUAGE_SWITCH, 0, 0);
    a->lang_confirmed = 1;
    set_screen(a, a->module >= 0 ? a->lang_return : SCREEN_MENU, now);
}


/* ---- admin: settings, PIN pad, tools, group sessions -------------------- */

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
    const Settings *s = &a->settings;
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

static int is_admin_screen(ScreenId s)
{
    return s == SCREEN_PIN || s == SCREEN_ADMIN || s == SCREEN_TEST_TOUCH;
}

static int is_group_screen(ScreenId s)
{
    return s == SCREEN_GROUP_PICK || s == SCREEN_GROUP_SLIDE || s == SCREEN_GROUP_QUIZ ||
           s == SCREEN_GROUP_COUNT;
}

static AppCmd *command(App *a, CmdKind kind)
{
    if (a->n_cmds >= APP_MAX_CMDS)
        return NULL; /* drained every frame: a full queue means a bug upstream */
    AppCmd *c = &a->cmds[a->n_cmds++];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    return c;
}

static void pin_clear_entry(App *a)
{
    app_wipe_pin(a->pin, sizeof a->pin);
    a->pin_len = 0;
}

static void open_pin_pad(App *a, uint64_t now)
{
    pin_clear_entry(a);
    /* Without an admin PIN the gesture only explains who sets it: a
     * passer-by who stumbles on it must not be able to choose one. */
    a->pin_mode = a->pin_missing ? PINPAD_NOT_SET : PINPAD_ENTER;
    a->pin_message = a->pin_locked_until > now ? PINMSG_LOCKED : PINMSG_NONE;
    a->pin_waiting = 0;
    a->last_input_ms = now;
    a->gesture_stage = 0;
    set_screen(a, SCREEN_PIN, now);
}

static void open_admin(App *a, AdminTab tab, uint64_t now)
{
    a->tab = tab;
    a->last_input_ms = now;
    if (tab == TAB_STATUS)
        command(a, CMD_ADMIN_INFO);
    set_screen(a, SCREEN_ADMIN, now);
}

/* The settings changed on the admin screen: apply them at once (languages,
 * timeout, autoplay) and have the kiosk save them. */
static void settings_changed(App *a)
{
    char code[12];
    copy_str(code, sizeof code, app_lang(a));
    settings_sanitize(&a->settings);
    app_config_from_settings(&a->cfg, &a->settings);
    a->lang = 0;
    for (int i = 0; i < a->cfg.n_langs; i++)
        if (strcmp(a->cfg.langs[i], code) == 0)
            a->lang = i;
    command(a, CMD_SAVE_SETTINGS);
    a->dirty = 1;
}

static int clampi(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

static void admin_language(App *a, WidgetKind kind, int row)
{
    const char *rows[APP_MAX_LANGS + 16];
    int on = 0;
    int n = app_admin_languages(a, rows, (int)(sizeof rows / sizeof rows[0]), &on);
    Settings *s = &a->settings;
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
            copy_str(tmp, sizeof tmp, rows[row]);
            copy_str(s->languages[s->n_languages++], sizeof s->languages[0], tmp);
        }
    } else if (kind == W_ADMIN_UP || kind == W_ADMIN_DOWN) {
        int other = kind == W_ADMIN_UP ? row - 1 : row + 1;
        if (row >= on || other < 0 || other >= on)
            return;
        copy_str(tmp, sizeof tmp, s->languages[row]);
        copy_str(s->languages[row], sizeof s->languages[0], s->languages[other]);
        copy_str(s->languages[other], sizeof s->languages[0], tmp);
    }
    settings_changed(a);
}

static AppCmd *start_job(App *a, CmdKind kind, const char *path, uint64_t now)
{
    if (a->job_busy)
        return NULL; /* one at a time; the banner says one is running */
    AppCmd *c = command(a, kind);
    if (!c)
        return NULL;
    if (path)
        copy_str(c->path, sizeof c->path, path);
    a->job_busy = 1;
    if (a->screen == SCREEN_ADMIN)
        a->tab = TAB_TOOLS; /* where the result is shown */
    a->banner = BANNER_BUSY;
    a->banner_job = kind;
    a->banner_detail[0] = 0;
    a->banner_until = 0;
    a->note = NOTE_NONE;
    a->dirty = 1;
    (void)now;
    return c;
}

/* ---- group sessions ---- */

static void group_open(App *a, uint64_t now)
{
    group_session_init(&a->group);
    /* the room's language: the kiosk's first visitor language until the
     * presenter picks another (any known one, enabled or not) */
    copy_str(a->group_lang, sizeof a->group_lang, app_lang(a));
    a->group_revealed = 0;
    a->group_open = 1;
    a->n_group_pending = 0;
    a->module = -1;
    a->menu_scroll = 0;
    set_screen(a, SCREEN_GROUP_PICK, now);
}

/* Keep the quiz counts of the module the group did before, as events
 * queued at the end (group.h holds one module's quiz at a time). */
static void group_stash_quiz(App *a)
{
    if (!a->group.module[0])
        return;
    GroupSession tmp = a->group;
    memset(tmp.bands, 0, sizeof tmp.bands);
    StatEvent ev[GROUP_MAX_EVENTS];
    int n = group_session_events(&tmp, ev, GROUP_MAX_EVENTS);
    int cap = (int)(sizeof a->group_pending / sizeof a->group_pending[0]);
    for (int i = 0; i < n; i++)
        if (ev[i].kind == STAT_GROUP_QUIZ && a->n_group_pending < cap)
            a->group_pending[a->n_group_pending++] = ev[i];
}

static void group_enter_quiz(App *a, int q, uint64_t now)
{
    const Module *m = app_module(a);
    if (!m || m->n_quiz == 0)
        return;
    if (strcmp(a->group.module, m->id) != 0) {
        group_stash_quiz(a);
        int na[GROUP_MAX_QUESTIONS], co[GROUP_MAX_QUESTIONS];
        int nq = m->n_quiz < GROUP_MAX_QUESTIONS ? m->n_quiz : GROUP_MAX_QUESTIONS;
        for (int i = 0; i < nq; i++) {
            na[i] = m->quiz[i].n_answers;
            co[i] = m->quiz[i].correct;
        }
        if (group_session_set_quiz(&a->group, m->id, nq, na, co) != ERR_OK)
            return;
    }
    a->group_q = clampi(q, 0, a->group.n_questions - 1);
    a->group_revealed = 0;
    set_screen(a, SCREEN_GROUP_QUIZ, now);
}

static void queue_stat_event(App *a, const StatEvent *e)
{
    if (a->n_stats < APP_MAX_EFFECTS)
        a->stats[a->n_stats++] = *e;
}

static void group_finish(App *a, uint64_t now)
{
    StatEvent ev[GROUP_MAX_EVENTS];
    int n = group_session_events(&a->group, ev, GROUP_MAX_EVENTS);
    for (int i = 0; i < n; i++)
        queue_stat_event(a, &ev[i]);
    for (int i = 0; i < a->n_group_pending; i++)
        queue_stat_event(a, &a->group_pending[i]);
    int facilitator = a->facilitator;
    group_session_init(&a->group);
    a->group_open = 0;
    a->n_group_pending = 0;
    a->module = -1;
    if (facilitator) {
        app_wipe(a, now);
        return;
    }
    open_admin(a, TAB_TOOLS, now);
    a->note = NOTE_GROUP_SAVED;
}

static void group_leave(App *a, uint64_t now)
{
    /* leaving without Finish counts nothing */
    group_session_init(&a->group);
    a->group_open = 0;
    a->n_group_pending = 0;
    a->module = -1;
    if (a->facilitator)
        app_wipe(a, now);
    else
        open_admin(a, TAB_TOOLS, now);
}

static void group_next(App *a, int dir, uint64_t now)
{
    const Module *m = app_module(a);
    if (!m)
        return;
    if (a->screen == SCREEN_GROUP_SLIDE) {
        if (dir > 0 && a->slide + 1 < m->n_slides)
            a->slide++;
        else if (dir > 0 && m->n_quiz > 0)
            group_enter_quiz(a, 0, now);
        else if (dir < 0 && a->slide > 0)
            a->slide--;
        else
            set_screen(a, SCREEN_GROUP_PICK, now);
        a->dirty = 1;
    } else if (a->screen == SCREEN_GROUP_QUIZ) {
        a->group_revealed = 0;
        if (dir > 0 && a->group_q + 1 < a->group.n_questions)
            a->group_q++;
        else if (dir < 0 && a->group_q > 0)
            a->group_q--;
        else if (dir < 0) {
            a->slide = m->n_slides - 1;
            set_screen(a, SCREEN_GROUP_SLIDE, now);
        } else
            set_screen(a, SCREEN_GROUP_PICK, now);
        a->dirty = 1;
    }
}

/* ---- the PIN pad ---- */

static void pin_ok(App *a, uint64_t now)
{
    if (a->pin_waiting || a->pin_locked_until > now)
        return;
    if (a->pin_len < PIN_MIN_DIGITS) {
        a->pin_message = PINMSG_SHORT;
        return;
    }
    AppCmd *c;
    switch (a->pin_mode) {
    case PINPAD_ENTER:
        c = command(a, CMD_PIN_CHECK);
        if (c) {
            memcpy(c->pin, a->pin, sizeof c->pin);
            a->pin_waiting = 1;
            a->pin_message = PINMSG_CHECKING;
        }
        break;
    case PINPAD_NOT_SET:
        break; /* no keypad: the installer sets the PIN */
    }
    pin_clear_entry(a);
}

static void pin_activate(App *a, WidgetKind kind, int idx, uint64_t now)
{
    int locked = a->pin_locked_until > now;
    switch (kind) {
    case W_PIN_DIGIT:
        if (locked || a->pin_waiting || idx < 0 || idx > 9)
            break;
        if (a->pin_len < PIN_MAX_DIGITS) {
            a->pin[a->pin_len++] = (char)('0' + idx);
            a->pin[a->pin_len] = 0;
        }
        if (a->pin_message != PINMSG_LOCKED)
            a->pin_message = PINMSG_NONE;
        break;
    case W_PIN_DELETE:
        if (a->pin_len > 0)
            a->pin[--a->pin_len] = 0;
        break;
    case W_PIN_OK:
        pin_ok(a, now);
        break;
    case W_PIN_CANCEL:
        if (!a->pin_waiting)
            app_wipe(a, now);
        break;
    default:
        break;
    }
    a->dirty = 1;
}

/* Controls of the admin, PIN and group screens. Returns 1 if handled. */
static int admin_activate(App *a, WidgetId w, uint64_t now)
{
    WidgetKind kind = WIDGET_KIND(w);
    int idx = WIDGET_INDEX(w);
    Settings *s = &a->settings;
    switch (kind) {
    case W_PIN_DIGIT:
    case W_PIN_DELETE:
    case W_PIN_OK:
    case W_PIN_CANCEL:
        if (a->screen == SCREEN_PIN)
            pin_activate(a, kind, idx, now);
        return 1;
    case W_BANNER:
        if (a->banner != BANNER_BUSY)
            a->banner = BANNER_NONE;
        a->note = NOTE_NONE;
        a->dirty = 1;
        return 1;
    default:
        break;
    }
    if (a->screen == SCREEN_ADMIN) {
        switch (kind) {
        case W_ADMIN_TAB:
            if (idx < TAB__COUNT)
                open_admin(a, (AdminTab)idx, now);
            return 1;
        case W_ADMIN_CLOSE:
            app_wipe(a, now);
            return 1;
        case W_ADMIN_LANG:
        case W_ADMIN_UP:
        case W_ADMIN_DOWN:
            admin_language(a, kind, idx);
            return 1;
        case W_ADMIN_UI_LANG: {
            /* the next known language, whatever visitors are offered */
            int n = i18n_language_count(), cur = 0;
            for (int i = 0; i < n; i++)
                if (strcmp(i18n_language_at(i)->code, s->admin_language) == 0)
                    cur = i;
            if (n > 0)
                copy_str(s->admin_language, sizeof s->admin_language,
                         i18n_language_at((cur + 1) % n)->code);
            settings_changed(a);
            return 1;
        }
        case W_ADMIN_DEC:
        case W_ADMIN_INC: {
            int d = kind == W_ADMIN_INC ? 1 : -1;
            if (idx == VALUE_TIMEOUT)
                s->inactivity_timeout_s = clampi(s->inactivity_timeout_s + 15 * d,
                                                 SETTINGS_TIMEOUT_MIN_S, SETTINGS_TIMEOUT_MAX_S);
            else if (idx == VALUE_VOLUME)
                s->narration_volume = clampi(s->narration_volume + 10 * d, 0, 100);
            else if (idx == VALUE_CLOCK_DAY || idx == VALUE_CLOCK_HOUR) {
                /* The kiosk applies it as an offset and sends fresh facts;
                 * show the new time at once meanwhile. */
                AppCmd *c = command(a, CMD_CLOCK_ADJUST);
                int64_t secs = (idx == VALUE_CLOCK_DAY ? 86400 : 3600) * (int64_t)d;
                if (c)
                    c->seconds = secs;
                if (a->info.clock_now > 0)
                    a->info.clock_now += secs;
                a->dirty = 1;
                return 1;
            } else
                return 1;
            settings_changed(a);
            return 1;
        }
        case W_ADMIN_TOGGLE:
            if (idx == FLAG_EXPORT_ON_INSERT)
                s->export_on_insert = !s->export_on_insert;
            else if (idx == FLAG_AUTOPLAY)
                s->narration_autoplay = !s->narration_autoplay;
            else
                return 1;
            settings_changed(a);
            return 1;
        case W_ADMIN_ACTION:
            switch ((AdminAction)idx) {
            case ACTION_EXPORT: start_job(a, CMD_EXPORT, "", now); break;
            case ACTION_INSTALL: start_job(a, CMD_INSTALL_PACK, NULL, now); break;
            case ACTION_TEST_TOUCH:
                memset(a->touched, 0, sizeof a->touched);
                set_screen(a, SCREEN_TEST_TOUCH, now);
                break;
            case ACTION_TEST_SOUND: command(a, CMD_TEST_SOUND); break;
            case ACTION_GROUP: group_open(a, now); break;
            default: break;
            }
            return 1;
        default:
            return 0;
        }
    }
    if (a->screen == SCREEN_TEST_TOUCH) {
        if (kind == W_TOUCH_CELL && idx < APP_TOUCH_CELLS) {
            a->touched[idx] = 1;
            a->dirty = 1;
        } else if (kind == W_DONE) {
            open_admin(a, TAB_TOOLS, now);
        }
        return 1;
    }
    if (!is_group_screen(a->screen))
        return 0;
    switch (kind) {
    case W_GROUP_MODULE:
        if (a->content && idx < content_module_count(a->content)) {
            a->module = idx;
            a->slide = 0;
            set_screen(a, SCREEN_GROUP_SLIDE, now);
        }
        return 1;
    case W_NEXT:
    case W_BACK:
        if (a->screen == SCREEN_GROUP_COUNT)
            set_screen(a, SCREEN_GROUP_PICK, now);
        else if (a->screen == SCREEN_GROUP_PICK) {
            /* the module list pages like the menu */
            a->menu_scroll += kind == W_NEXT ? 1 : (a->menu_scroll > 0 ? -1 : 0);
            a->dirty = 1;
        } else
            group_next(a, kind == W_NEXT ? 1 : -1, now);
        return 1;
    case W_GROUP_HANDS_DEC:
    case W_GROUP_HANDS_INC:
        if (a->screen == SCREEN_GROUP_QUIZ)
            group_session_add_hands(&a->group, a->group_q, idx, kind == W_GROUP_HANDS_INC ? 1 : -1);
        a->dirty = 1;
        return 1;
    case W_GROUP_LANG:
        if (idx < i18n_language_count())
            copy_str(a->group_lang, sizeof a->group_lang, i18n_language_at(idx)->code);
        a->dirty = 1;
        return 1;
    case W_GROUP_REVEAL:
        a->group_revealed = !a->group_revealed;
        a->dirty = 1;
        return 1;
    case W_GROUP_BAND_SET:
        if ((idx >> 3) < GROUP_BAND__COUNT && (idx & 7) < APP_QUICK_COUNTS)
            group_session_set_band(&a->group, (GroupBand)(idx >> 3), app_quick_counts[idx & 7]);
        a->dirty = 1;
        return 1;
    case W_GROUP_BAND_DEC:
    case W_GROUP_BAND_INC:
        if (idx < GROUP_BAND__COUNT)
            group_session_set_band(&a->group, (GroupBand)idx,
                                   a->group.bands[idx] + (kind == W_GROUP_BAND_INC ? 1 : -1));
        a->dirty = 1;
        return 1;
    case W_GROUP_HEADCOUNT:
        set_screen(a, SCREEN_GROUP_COUNT, now);
        return 1;
    case W_HOME: /* from a module back to the list */
        set_screen(a, SCREEN_GROUP_PICK, now);
        return 1;
    case W_GROUP_FINISH:
        group_finish(a, now);
        return 1;
    case W_DONE:
        group_leave(a, now);
        return 1;
    default:
        return 1;
    }
}

/* The hidden gesture on the attract screen: hold the top-left corner for
 * APP_LONG_PRESS_MS, then within APP_GESTURE_MS tap top-right, bottom-right
 * and bottom-left. Corners are physical (window pixels, never mirrored).
 * Returns 1 when the tap belonged to the gesture. */
static int corner_of(const App *a, int x, int y)
{
    int side = (a->w < a->h ? a->w : a->h) / 6;
    if (side < 80)
        side = 80;
    int left = x < side, right = x >= a->w - side, top = y < side, bottom = y >= a->h - side;
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

static int attract_gesture(App *a, const Event *ev, uint64_t now)
{
    int c_down = corner_of(a, a->down_x, a->down_y), c_up = corner_of(a, ev->x, ev->y);
    if (a->gesture_stage > 0 && now > a->gesture_until)
        a->gesture_stage = 0;
    if (c_down == 0 && c_up == 0 && now - a->down_ms >= APP_LONG_PRESS_MS) {
        a->gesture_stage = 1;
        a->gesture_until = now + APP_GESTURE_MS;
        return 1;
    }
    if (a->gesture_stage > 0) {
        if (c_down == a->gesture_stage && c_up == c_down) {
            if (++a->gesture_stage == 4)
                open_pin_pad(a, now);
            return 1;
        }
        a->gesture_stage = 0; /* a wrong corner: an ordinary tap */
    }
    return 0;
}

/* Replies from the kiosk. */
static void on_reply(App *a, const Event *ev, uint64_t now)
{
    switch (ev->kind) {
    case EV_SETTINGS:
        if (ev->settings) {
            a->settings = *ev->settings;
            a->have_settings = 1;
            char code[12];
            copy_str(code, sizeof code, app_lang(a));
            app_config_from_settings(&a->cfg, &a->settings);
            a->lang = 0;
            for (int i = 0; i < a->cfg.n_langs; i++)
                if (strcmp(a->cfg.langs[i], code) == 0)
                    a->lang = i;
        }
        break;
    case EV_PIN_STATE:
        a->pin_missing = !ev->pin_set;
        a->pin_locked_until = ev->locked_ms > 0 ? now + (uint64_t)ev->locked_ms : 0;
        break;
    case EV_PIN_RESULT:
        if (a->screen != SCREEN_PIN || !a->pin_waiting)
            break; /* the pad was closed meanwhile */
        a->pin_waiting = 0;
        a->pin_message = PINMSG_NONE;
        if (ev->err == ERR_OK) {
            a->pin_locked_until = 0;
            a->facilitator = ev->slot == PIN_SLOT_FACILITATOR;
            if (a->facilitator)
                group_open(a, now);
            else
                open_admin(a, TAB_STATUS, now);
        } else if (ev->err == ERR_KEY || ev->err == ERR_BUSY) {
            a->pin_message = PINMSG_WRONG;
            if (ev->locked_ms > 0) {
                a->pin_locked_until = now + (uint64_t)ev->locked_ms;
                a->pin_message = PINMSG_LOCKED;
            }
        } else if (ev->err == ERR_NOTFOUND) {
            a->pin_missing = 1; /* removed from a shell meanwhile */
            a->pin_mode = PINPAD_NOT_SET;
            pin_clear_entry(a);
        } else {
            a->pin_message = PINMSG_DAMAGED;
        }
        break;
    case EV_ADMIN_INFO:
        if (ev->info)
            a->info = *ev->info;
        break;
    case EV_JOB_DONE:
        a->job_busy = 0;
        a->banner = ev->err == ERR_OK ? BANNER_OK : BANNER_FAILED;
        a->banner_job = ev->job;
        a->banner_until = now + APP_BANNER_MS;
        copy_str(a->banner_detail, sizeof a->banner_detail, ev->text ? ev->text : "");
        if (ev->job == CMD_INSTALL_PACK && ev->content && ev->content != a->content) {
            /* new content: module indexes changed; only the admin screen
             * is open (installs start there), so nothing refers to them */
            a->content = ev->content;
            a->module = -1;
        }
        if (a->screen == SCREEN_ADMIN)
            command(a, CMD_ADMIN_INFO);
        break;
    case EV_AUDIO_ENDED:
        a->narration_playing = 0;
        break;
    case EV_STICK:
        /* only while nobody uses the kiosk, only if enabled, and only
         * encrypted: anyone can insert a stick, no PIN is asked, so an
         * export on insert stays inactive until a campaign key is
         * installed, and the job itself refuses to write plaintext */
        if (ev->text && ev->can_seal && a->settings.export_on_insert && !a->in_session &&
            (a->screen == SCREEN_ATTRACT || a->screen == SCREEN_ADMIN)) {
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

static void activate(App *a, WidgetId w, uint64_t now)
{
    if (admin_activate(a, w, now))
        return;
    int idx = WIDGET_INDEX(w);
    char key[96];
    switch (WIDGET_KIND(w)) {
    case W_BACKGROUND:
        if (a->screen == SCREEN_ATTRACT) {
            a->in_session = 1;
            a->session_start_ms = now;
            a->last_input_ms = now;
            stat(a, STAT_SESSION_START, -1, 0);
            a->picker_choice = -1;
            set_screen(a, SCREEN_LANGUAGE, now);
        }
        break;
    case W_HOME:
        leave_module(a);
        a->menu_scroll = 0;
        set_screen(a, a->lang_confirmed ? SCREEN_MENU : SCREEN_LANGUAGE, now);
        break;
    case W_LANGUAGE:
        a->lang_return = a->screen;
        a->lang_at_open = a->lang;
        a->picker_choice = a->lang;
        set_screen(a, SCREEN_LANGUAGE, now);
        break;
    case W_QUICK_EXIT:
        stat(a, STAT_QUICK_EXIT, 0, 0);
        end_session(a, now);
        a->neutral_until_ms = now + (uint64_t)(a->cfg.neutral_s > 0 ? a->cfg.neutral_s : 8) * 1000;
        app_wipe(a, now);
        a->screen = SCREEN_NEUTRAL;
        break;
    case W_LARGE_TEXT:
        a->large_text = !a->large_text;
        a->dirty = 1;
        break;
    case W_CONTRAST:
        a->high_contrast = !a->high_contrast;
        a->dirty = 1;
        break;
    case W_SPEAKER:
        /* one button: Listen, and Stop while it plays */
        app_narration_key(a, key, sizeof key);
        if (a->narration_playing)
            audio(a, AUDIO_STOP, NULL);
        else if (key[0])
            audio(a, AUDIO_PLAY, key);
        break;
    case W_LANG_CHOICE:
        choose_language(a, idx);
        if (idx < a->cfg.n_langs) {
            snprintf(key, sizeof key, "lang:%s", a->cfg.langs[idx]);
            audio(a, AUDIO_PLAY, key);
        }
        break;
    case W_LANG_CONFIRM:
        confirm_language(a, now);
        break;
    case W_FILTER:
        if (idx < FILTER__COUNT) {
            a->filter = (AudienceFilter)idx;
            a->menu_scroll = 0;
            a->dirty = 1;
        }
        break;
    case W_CARD:
        if (a->content && idx < content_module_count(a->content))
            open_module(a, idx, now);
        break;
    case W_HELP:
        stat(a, STAT_HELP_SHOWN, 0, 0);
        a->menu_scroll = 0;
        set_screen(a, SCREEN_HELP, now);
        break;
    case W_BACK:
        go_back(a, now);
        break;
    case W_NEXT:
        go_next(a, now);
        break;
    case W_ANSWER: {
        const Module *m = app_module(a);
        if (a->screen == SCREEN_QUIZ && m && a->quiz_answer < 0 &&
            idx < m->quiz[a->quiz_q].n_answers) {
            a->quiz_answer = idx;
            stat(a, STAT_QUIZ_ANSWER, a->quiz_q, idx == m->quiz[a->quiz_q].correct);
            a->dirty = 1;
        }
        break;
    }
    case W_STILL_HERE:
        a->countdown = 0;
        a->dirty = 1;
        break;
    default:
        break;
    }
}

/* Move keyboard focus by step through the screen's focusable controls. */
static void move_focus(App *a, const Event *ev, int step)
{
    if (!ev->focus_order || ev->n_focus <= 0)
        return;
    int cur = -1;
    for (int i = 0; i < ev->n_focus; i++)
        if (ev->focus_order[i] == a->focus)
            cur = i;
    if (cur < 0)
        cur = step > 0 ? -1 : 0;
    a->focus = ev->focus_order[(cur + step + ev->n_focus) % ev->n_focus];
    a->dirty = 1;
}

static int paged_screen(const App *a)
{
    return a->screen == SCREEN_SLIDE || (a->screen == SCREEN_QUIZ && a->quiz_answer >= 0) ||
           a->screen == SCREEN_END;
}

static void on_key(App *a, const Event *ev, uint64_t now)
{
    int mirrored = rtl(a) && a->screen != SCREEN_LANGUAGE; /* the picker is never mirrored */
    int forward_key = mirrored ? KEY_LEFT : KEY_RIGHT;
    int backward_key = mirrored ? KEY_RIGHT : KEY_LEFT;
    if (a->screen == SCREEN_ATTRACT) {
        activate(a, WIDGET(W_BACKGROUND, 0), now);
        return;
    }
    if (ev->key == KEY_ESCAPE) {
        go_back(a, now);
    } else if (ev->key == KEY_ENTER) {
        if (a->focus != W_NONE)
            activate(a, a->focus, now);
        else if (a->screen == SCREEN_LANGUAGE && a->picker_choice >= 0)
            confirm_language(a, now);
        else if (paged_screen(a))
            go_next(a, now);
    } else if ((int)ev->key == forward_key && paged_screen(a)) {
        go_next(a, now);
    } else if ((int)ev->key == backward_key && paged_screen(a)) {
        go_back(a, now);
    } else if (ev->key == KEY_TAB || ev->key == KEY_DOWN || (int)ev->key == forward_key) {
        move_focus(a, ev, +1);
    } else if (ev->key == KEY_BACKTAB || ev->key == KEY_UP || (int)ev->key == backward_key) {
        move_focus(a, ev, -1);
    }
}

static int swipe_slop(const App *a)
{
    /* About 6 mm: less is a wobbly tap, not a swipe. */
    float dpi = a->dpi > 0 ? a->dpi : 160;
    int s = (int)(dpi * 6 / 25.4f);
    return s < 24 ? 24 : s;
}

static void on_pointer_up(App *a, const Event *ev, uint64_t now)
{
    int dx = ev->x - a->down_x, dy = ev->y - a->down_y;
    int adx = abs(dx), ady = abs(dy);
    WidgetId pressed = a->pressed;
    a->pointer_down = 0;
    a->pressed = W_NONE;
    a->dirty = 1;
    if (adx > swipe_slop(a) && adx > 2 * ady) {
        /* A swipe: the finger moving toward the start of the reading
         * direction brings the next page (left in LTR, right in RTL). */
        if (a->screen == SCREEN_SLIDE || a->screen == SCREEN_QUIZ || a->screen == SCREEN_END ||
            a->screen == SCREEN_MENU) {
            int forward = rtl(a) ? dx > 0 : dx < 0;
            if (forward)
                go_next(a, now);
            else
                go_back(a, now);
        }
        return;
    }
    if (a->screen == SCREEN_ATTRACT) {
        if (attract_gesture(a, ev, now))
            return;
        if (WIDGET_KIND(pressed) == W_BANNER && ev->widget == pressed)
            activate(a, pressed, now);
        else
            activate(a, WIDGET(W_BACKGROUND, 0), now);
        return;
    }
    if (pressed != W_NONE && ev->widget == pressed && adx <= swipe_slop(a) &&
        ady <= swipe_slop(a))
        activate(a, pressed, now);
}

/* ---- time ------------------------------------------------------------- */

/* The children's track keeps a slower pace: longer slide transitions and
 * more time before "Still there?". */
static int child_track(const App *a)
{
    const Module *m = app_module(a);
    return m && (m->audience & AUDIENCE_CHILDREN) && a->in_session;
}

int app_anim_ms(const App *a) { return child_track(a) ? APP_ANIM_MS * 5 / 3 : APP_ANIM_MS; }

static uint64_t timeout_ms(const App *a)
{
    uint64_t t = (uint64_t)a->cfg.timeout_s * 1000;
    return child_track(a) ? t * 3 / 2 : t;
}

static void advance_time(App *a, uint64_t now)
{
    if (a->banner != BANNER_NONE && a->banner != BANNER_BUSY && now >= a->banner_until) {
        a->banner = BANNER_NONE;
        a->dirty = 1;
    }
    if (a->screen == SCREEN_PIN && a->pin_message == PINMSG_LOCKED && now >= a->pin_locked_until) {
        a->pin_message = PINMSG_NONE;
        a->dirty = 1;
    }
    /* The admin screens close by themselves when left alone; the first
     * PIN has to be set, and a group session runs as long as the worker
     * needs. */
    if (is_admin_screen(a->screen) && !a->pin_waiting) {
        uint64_t idle = a->screen == SCREEN_PIN ? APP_PIN_IDLE_MS : APP_ADMIN_IDLE_MS;
        if (now - a->last_input_ms >= idle)
            app_wipe(a, now);
    }
    if (a->screen == SCREEN_NEUTRAL && now >= a->neutral_until_ms) {
        a->screen = SCREEN_ATTRACT;
        a->attract_start_ms = now;
        a->dirty = 1;
    }
    if (a->anim_start_ms && now - a->anim_start_ms >= (uint64_t)app_anim_ms(a)) {
        a->anim_start_ms = 0;
        a->dirty = 1;
    }
    if (!a->in_session)
        return;
    if (!a->countdown && now - a->last_input_ms >= timeout_ms(a)) {
        a->countdown = 1;
        a->countdown_start_ms = a->last_input_ms + timeout_ms(a);
        a->dirty = 1;
        audio(a, AUDIO_STOP, NULL);
    }
    if (a->countdown && now - a->countdown_start_ms >= (uint64_t)a->cfg.countdown_s * 1000) {
        stat(a, STAT_TIMEOUT, 0, 0);
        end_session(a, now);
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
    if (strcmp(key, a->narrating) == 0 && strcmp(app_lang(a), a->narrating_lang) == 0)
        return;
    if (a->narrating[0])
        audio(a, AUDIO_STOP, NULL);
    if (key[0] && a->cfg.autoplay)
        audio(a, AUDIO_PLAY, key);
    copy_str(a->narrating, sizeof a->narrating, key);
    copy_str(a->narrating_lang, sizeof a->narrating_lang, app_lang(a));
}

static void update(App *a, const Event *ev, uint64_t now);

static int cycle_index(const App *a, uint64_t since, uint64_t now)
{
    uint64_t cyc = (uint64_t)a->cfg.attract_cycle_ms;
    return a->cfg.n_langs > 1 && now >= since ? (int)(((now - since) / cyc) % (uint64_t)a->cfg.n_langs)
                                              : 0;
}

/* The picker heading cycles through the languages until the visitor
 * touches one: they may not read the language the kiosk starts in. */
static int picker_cycling(const App *a)
{
    return a->screen == SCREEN_LANGUAGE && a->picker_choice < 0 && a->cfg.n_langs > 1;
}

void app_time_view(const App *a, uint64_t now, AppTimeView *v)
{
    v->attract_lang = a->screen == SCREEN_ATTRACT ? cycle_index(a, a->attract_start_ms, now) : -1;
    v->picker_lang = picker_cycling(a) ? cycle_index(a, a->session_start_ms, now) : -1;
    v->countdown_left = -1;
    if (a->in_session && a->countdown) {
        uint64_t el = now > a->countdown_start_ms ? now - a->countdown_start_ms : 0;
        int left = a->cfg.countdown_s - (int)(el / 1000);
        v->countdown_left = left < 0 ? 0 : left;
    }
    v->lock_left = -1;
    if (a->screen == SCREEN_PIN && a->pin_locked_until > now)
        v->lock_left = (int)((a->pin_locked_until - now + 999) / 1000);
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
        a->clock_min = ev->clock_min - 1;
    int input = ev->kind == EV_POINTER_DOWN || ev->kind == EV_POINTER_UP || ev->kind == EV_KEY;
    if (input && a->screen == SCREEN_NEUTRAL)
        return; /* the neutral screen stays put: someone may be watching */
    if (ev->kind >= EV_SETTINGS) {
        on_reply(a, ev, now);
        return;
    }
    if (input && !a->in_session)
        a->last_input_ms = now; /* the admin screens' idle clock */
    if (input && a->in_session) {
        a->last_input_ms = now;
        if (a->countdown) {
            /* Any touch answers "Still there?"; it does nothing else, so a
             * tap meant for the countdown never lands on what lies beneath. */
            a->countdown = 0;
            a->pointer_down = 0;
            a->pressed = W_NONE;
            a->dirty = 1;
            if (!(ev->kind == EV_POINTER_UP && WIDGET_KIND(ev->widget) == W_QUICK_EXIT))
                return;
        }
    }
    switch (ev->kind) {
    case EV_POINTER_DOWN:
        a->pointer_down = 1;
        a->down_ms = now;
        a->down_x = ev->x;
        a->down_y = ev->y;
        a->pressed = ev->widget;
        a->dirty = 1; /* pressed look */
        break;
    case EV_POINTER_MOVE:
        break;
    case EV_POINTER_UP:
        if (a->pointer_down)
            on_pointer_up(a, ev, now);
        else if (WIDGET_KIND(ev->widget) == W_QUICK_EXIT)
            activate(a, ev->widget, now);
        break;
    case EV_POINTER_CANCEL:
        a->pointer_down = 0;
        a->pressed = W_NONE;
        a->dirty = 1;
        break;
    case EV_KEY:
        on_key(a, ev, now);
        break;
    case EV_RESIZE:
        a->w = ev->w;
        a->h = ev->h;
        a->dpi = ev->dpi > 0 ? ev->dpi : 160;
        a->dirty = 1;
        break;
    default:
        break;
    }
}

int app_animating(const App *a, uint64_t now)
{
    return a->anim_start_ms && now - a->anim_start_ms < (uint64_t)app_anim_ms(a);
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
    if (a->screen == SCREEN_NEUTRAL)
        CONSIDER(a->neutral_until_ms);
    uint64_t cyc = (uint64_t)a->cfg.attract_cycle_ms;
    if (a->screen == SCREEN_ATTRACT && a->cfg.n_langs > 1)
        CONSIDER(now + (cyc - (now - a->attract_start_ms) % cyc));
    if (picker_cycling(a))
        CONSIDER(now + (cyc - (now - a->session_start_ms) % cyc));
    if (a->in_session && !a->countdown)
        CONSIDER(a->last_input_ms + timeout_ms(a));
    if (a->banner != BANNER_NONE && a->banner != BANNER_BUSY)
        CONSIDER(a->banner_until);
    if (a->screen == SCREEN_PIN && a->pin_locked_until > now) {
        /* the seconds shown (rounded up) drop when the time left crosses
         * a whole second */
        uint64_t r = (a->pin_locked_until - now) % 1000;
        CONSIDER(now + (r ? r : 1000));
    }
    if (is_admin_screen(a->screen))
        CONSIDER(a->last_input_ms +
                 (a->screen == SCREEN_PIN ? APP_PIN_IDLE_MS : APP_ADMIN_IDLE_MS));
    if (a->in_session && a->countdown) {
        /* once a second, for the visible countdown */
        uint64_t el = now - a->countdown_start_ms;
        CONSIDER(now + (1000 - el % 1000));
    }
#undef CONSIDER
    return best > 0x7fffffff ? 0x7fffffff : (int)best;
}

/* ---- direct screens, for `taama render` and tests --------------------- */

static int parse_module_screen(App *a, const char *name, uint64_t now)
{
    const char *slash = strchr(name, '/');
    if (!slash || !a->content)
        return -1;
    char id[64];
    size_t n = (size_t)(slash - name);
    if (n >= sizeof id)
        return -1;
    memcpy(id, name, n);
    id[n] = 0;
    int mi = -1;
    for (int i = 0; i < content_module_count(a->content); i++)
        if (strcmp(content_module(a->content, i)->id, id) == 0)
            mi = i;
    if (mi < 0)
        return -1;
    const Module *m = content_module(a->content, mi);
    const char *rest = slash + 1;
    int k = 0;
    char tail[16] = "";
    a->in_session = 1;
    a->session_start_ms = now;
    a->last_input_ms = now;
    a->lang_confirmed = 1;
    a->module = mi;
    a->quiz_answer = -1;
    if (sscanf(rest, "slide-%d%15s", &k, tail) >= 1 && k >= 1 && k <= m->n_slides && !tail[0]) {
        a->slide = k - 1;
        a->deepest_slide = k - 1;
        a->screen = SCREEN_SLIDE;
    } else if (sscanf(rest, "quiz-%d%15s", &k, tail) >= 1 && k >= 1 && k <= m->n_quiz &&
               (!tail[0] || strcmp(tail, "-answered") == 0)) {
        a->slide = m->n_slides - 1;
        a->quiz_q = k - 1;
        a->screen = SCREEN_QUIZ;
        if (tail[0])
            a->quiz_answer = m->quiz[k - 1].correct;
    } else if (strcmp(rest, "end") == 0) {
        a->screen = SCREEN_END;
    } else {
        return -1;
    }
    return 0;
}

/* Facts shown when an admin screen is rendered for review: plausible, fixed
 * numbers (the real ones come from the kiosk's statistics). */
static void example_info(AdminInfo *in)
{
    memset(in, 0, sizeof *in);
    in->valid = 1;
    static const int64_t today[ADMIN_TODAY_BARS] = {42, 97, 31, 12, 3, 1};
    memcpy(in->today, today, sizeof today);
    in->month_days = 30;
    in->today_mday = 18;
    for (int d = 0; d < 18; d++)
        in->month[d] = 20 + (d * 37) % 29;
    snprintf(in->last_export, sizeof in->last_export, "2025-03-14 10:20, 1284 rows");
    in->content_version = 7;
    snprintf(in->content_signer, sizeof in->content_signer, "rabat-2025, key 4A1F0C2D9E6B7730");
    in->free_mb = 11640;
    snprintf(in->kiosk_id, sizeof in->kiosk_id, "5f0c9a2e71d34b8c9a10e2f4c6b8d0a1");
    in->clock_now = 1742293800; /* 2025-03-18 10:30 UTC */
    in->clock_ok = 1;
}

static int goto_admin(App *a, const char *name, uint64_t now)
{
    example_info(&a->info);
    a->last_input_ms = now;
    if (strcmp(name, "pin") == 0 || strcmp(name, "pin-locked") == 0 ||
        strcmp(name, "pin-not-set") == 0) {
        a->pin_missing = strcmp(name, "pin-not-set") == 0;
        if (strcmp(name, "pin-locked") == 0)
            a->pin_locked_until = now + 25000;
        open_pin_pad(a, now);
        if (!a->pin_missing) {
            a->pin_len = 3; /* three dots shown */
            memcpy(a->pin, "000", 4);
        }
        return 0;
    }
    static const char *const tabs[TAB__COUNT] = {"admin", "admin-settings", "admin-languages",
                                                 "admin-tools"};
    for (int t = 0; t < TAB__COUNT; t++)
        if (strcmp(name, tabs[t]) == 0) {
            open_admin(a, (AdminTab)t, now);
            a->n_cmds = 0;
            return 0;
        }
    if (strcmp(name, "attract-export") == 0) {
        /* the banner after an export, over the attract screen */
        a->banner = BANNER_OK;
        a->banner_job = CMD_EXPORT;
        a->banner_until = now + APP_BANNER_MS;
        return 0;
    }
    if (strcmp(name, "test-touch") == 0) {
        set_screen(a, SCREEN_TEST_TOUCH, now);
        for (int i = 0; i < APP_TOUCH_CELLS; i += 3)
            a->touched[i] = 1;
        return 0;
    }
    if (strncmp(name, "group-", 6) != 0)
        return -1;
    group_open(a, now);
    if (strcmp(name, "group-pick") == 0)
        return 0;
    if (strcmp(name, "group-headcount") == 0) {
        static const int bands[GROUP_BAND__COUNT] = {14, 6, 9, 11};
        for (int i = 0; i < GROUP_BAND__COUNT; i++)
            group_session_set_band(&a->group, (GroupBand)i, bands[i]);
        set_screen(a, SCREEN_GROUP_COUNT, now);
        return 0;
    }
    /* a module with a quiz */
    int mi = -1;
    for (int i = 0; a->content && i < content_module_count(a->content) && mi < 0; i++)
        if (content_module(a->content, i)->n_quiz > 0)
            mi = i;
    if (mi < 0)
        return -1;
    a->module = mi;
    a->slide = content_module(a->content, mi)->n_slides > 1 ? 1 : 0;
    if (strcmp(name, "group-slide") == 0) {
        set_screen(a, SCREEN_GROUP_SLIDE, now);
        return 0;
    }
    if (strcmp(name, "group-quiz") == 0) {
        group_enter_quiz(a, 0, now);
        for (int i = 0; i < a->group.questions[0].n_answers; i++)
            group_session_add_hands(&a->group, 0, i, 3 + 7 * i);
        return 0;
    }
    return -1;
}

int app_goto(App *a, const char *name, uint64_t now)
{
    app_wipe(a, now);
    a->n_audio = 0;
    a->pin_missing = 0;
    a->pin_locked_until = 0;
    a->banner = BANNER_NONE;
    a->job_busy = 0;
    if (strcmp(name, "attract") == 0)
        return 0;
    if (goto_admin(a, name, now) == 0)
        return 0;
    app_wipe(a, now);
    a->n_cmds = 0;
    a->n_stats = 0;
    if (strcmp(name, "neutral") == 0) {
        a->screen = SCREEN_NEUTRAL;
        a->neutral_until_ms = now + 8000;
        if (a->clock_min < 0)
            a->clock_min = 10 * 60 + 30; /* a fixed example time for reviews */
        return 0;
    }
    a->in_session = 1;
    a->session_start_ms = now;
    a->last_input_ms = now;
    if (strcmp(name, "language") == 0) {
        a->screen = SCREEN_LANGUAGE;
        a->picker_choice = a->lang;
        return 0;
    }
    a->lang_confirmed = 1;
    if (strcmp(name, "menu") == 0) {
        a->screen = SCREEN_MENU;
        return 0;
    }
    if (strcmp(name, "help") == 0) {
        a->screen = SCREEN_HELP;
        return 0;
    }
    if (strcmp(name, "still-there") == 0) {
        a->screen = SCREEN_MENU;
        a->countdown = 1;
        a->countdown_start_ms = now;
        return 0;
    }
    int rc = parse_module_screen(a, name, now);
    if (rc != 0)
        app_wipe(a, now);
    a->n_audio = 0;
    return rc;
}

void app_show_in(App *a, int i)
{
    if (i < 0 || i >= a->cfg.n_langs)
        return;
    a->lang = i;
    copy_str(a->settings.admin_language, sizeof a->settings.admin_language, a->cfg.langs[i]);
    copy_str(a->group_lang, sizeof a->group_lang, a->cfg.langs[i]);
    if (a->screen == SCREEN_LANGUAGE)
        a->picker_choice = i;
}

void app_screen_names(const App *a, void (*cb)(void *ctx, const char *name), void *ctx)
{
    static const char *const fixed[] = {
        "attract",     "language",       "menu",          "help",           "neutral",
        "still-there", "pin",            "pin-locked",    "pin-not-set",        "admin",
        "admin-settings", "admin-languages", "admin-tools", "test-touch",   "group-pick",
        "group-slide", "group-quiz",     "group-headcount", "attract-export"};
    char buf[128];
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        cb(ctx, fixed[i]);
    for (int i = 0; a->content && i < content_module_count(a->content); i++) {
        const Module *m = content_module(a->content, i);
        for (int s = 0; s < m->n_slides; s++) {
            snprintf(buf, sizeof buf, "%s/slide-%d", m->id, s + 1);
            cb(ctx, buf);
        }
        for (int q = 0; q < m->n_quiz; q++) {
            snprintf(buf, sizeof buf, "%s/quiz-%d", m->id, q + 1);
            cb(ctx, buf);
            snprintf(buf, sizeof buf, "%s/quiz-%d-answered", m->id, q + 1);
            cb(ctx, buf);
        }
        snprintf(buf, sizeof buf, "%s/end", m->id);
        cb(ctx, buf);
    }
}
