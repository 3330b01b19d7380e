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

#include "i18n/i18n.h"

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
        const char *k = m->quiz[a->quiz_q].audio;
        if (k)
            snprintf(out, n, "%s", k);
        else
            snprintf(out, n, "%s-quiz-%d", m->id, a->quiz_q + 1);
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
    a->module = -1;
    a->quiz_answer = -1;
    a->picker_choice = -1;
    a->screen = SCREEN_ATTRACT;
    a->attract_start_ms = now;
    a->neutral_until_ms = keep.neutral_until_ms;
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

static void activate(App *a, WidgetId w, uint64_t now)
{
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
        app_narration_key(a, key, sizeof key);
        if (key[0])
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
    int forward_key = rtl(a) ? KEY_LEFT : KEY_RIGHT;
    int backward_key = rtl(a) ? KEY_RIGHT : KEY_LEFT;
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
        activate(a, WIDGET(W_BACKGROUND, 0), now);
        return;
    }
    if (pressed != W_NONE && ev->widget == pressed && adx <= swipe_slop(a) &&
        ady <= swipe_slop(a))
        activate(a, pressed, now);
}

/* ---- time ------------------------------------------------------------- */

static void advance_time(App *a, uint64_t now)
{
    if (a->screen == SCREEN_NEUTRAL && now >= a->neutral_until_ms) {
        a->screen = SCREEN_ATTRACT;
        a->attract_start_ms = now;
        a->dirty = 1;
    }
    if (a->anim_start_ms && now - a->anim_start_ms >= APP_ANIM_MS) {
        a->anim_start_ms = 0;
        a->dirty = 1;
    }
    if (!a->in_session)
        return;
    if (!a->countdown && now - a->last_input_ms >= (uint64_t)a->cfg.timeout_s * 1000) {
        a->countdown = 1;
        a->countdown_start_ms = a->last_input_ms + (uint64_t)a->cfg.timeout_s * 1000;
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

void app_update(App *a, const Event *ev, uint64_t now)
{
    update(a, ev, now);
    sync_narration(a);
}

static void update(App *a, const Event *ev, uint64_t now)
{
    advance_time(a, now);
    if (!ev)
        return;
    int input = ev->kind == EV_POINTER_DOWN || ev->kind == EV_POINTER_UP || ev->kind == EV_KEY;
    if (input && a->screen == SCREEN_NEUTRAL)
        return; /* the neutral screen stays put: someone may be watching */
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
    return a->anim_start_ms && now - a->anim_start_ms < APP_ANIM_MS;
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
    if (a->screen == SCREEN_ATTRACT && a->cfg.n_langs > 1) {
        uint64_t cyc = (uint64_t)a->cfg.attract_cycle_ms;
        CONSIDER(now + (cyc - (now - a->attract_start_ms) % cyc));
    }
    if (a->in_session && !a->countdown)
        CONSIDER(a->last_input_ms + (uint64_t)a->cfg.timeout_s * 1000);
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

int app_goto(App *a, const char *name, uint64_t now)
{
    app_wipe(a, now);
    a->n_audio = 0;
    if (strcmp(name, "attract") == 0)
        return 0;
    if (strcmp(name, "neutral") == 0) {
        a->screen = SCREEN_NEUTRAL;
        a->neutral_until_ms = now + 8000;
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

void app_screen_names(const App *a, void (*cb)(void *ctx, const char *name), void *ctx)
{
    static const char *const fixed[] = {"attract", "language", "menu", "help", "neutral",
                                        "still-there"};
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
