/* visit.c: the visitor's flow. From the attract screen a touch starts a
 * visit: the language picker, the topic menu (filtered by audience), a
 * module's slides, quiz and end card, the help page; Home, language, text
 * size, contrast, Listen and the quick exit on every content screen.
 * Pointer and key input land here: a control fires on release inside the
 * control that was pressed, and a horizontal drag past the slop is a swipe,
 * never a tap. */
#include "app_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n/i18n.h"
#include "narration/narration.h"

/* The narration key of what is on screen, or "" when it has none. */
void app_narration_key(const App *a, char *out, size_t n)
{
    const Module *m = app_module(a);
    out[0] = 0;
    if (!m)
        return;
    if (a->visit.screen == SCREEN_SLIDE) {
        const char *k = m->slides[a->visit.slide].audio;
        if (k)
            snprintf(out, n, "%s", k);
        else
            snprintf(out, n, "%s-slide-%d", m->id, a->visit.slide + 1);
    } else if (a->visit.screen == SCREEN_QUIZ) {
        /* once answered, the explanation is what is read */
        const QuizQuestion *q = &m->quiz[a->visit.quiz_q];
        const char *tail = a->visit.quiz_answer >= 0 && q->explain ? NARRATION_EXPLAIN_SUFFIX : "";
        if (q->audio)
            snprintf(out, n, "%s%s", q->audio, tail);
        else
            snprintf(out, n, "%s-quiz-%d%s", m->id, a->visit.quiz_q + 1, tail);
    } else if (a->visit.screen == SCREEN_END) {
        if (m->end.audio)
            snprintf(out, n, "%s", m->end.audio);
        else
            snprintf(out, n, "%s-end", m->id);
    }
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
    int total = a->wiring.content ? content_module_count(a->wiring.content) : 0;
    for (int i = 0; i < total && n < max; i++)
        if (content_module(a->wiring.content, i)->audience & filter_bits[a->visit.filter])
            out[n++] = i;
    return n;
}

/* Leave the open module (if any), counting how deep the visitor went. */
static void leave_module(App *a)
{
    if (a->visit.module >= 0 && a->visit.in_session)
        app_stat(a, STAT_SLIDE_DEEPEST, a->visit.deepest_slide, 0);
    a->visit.module = -1;
}

static void open_module(App *a, int index, uint64_t now)
{
    leave_module(a);
    a->visit.module = index;
    a->visit.slide = 0;
    a->visit.deepest_slide = 0;
    a->visit.quiz_q = 0;
    a->visit.quiz_answer = -1;
    a->visit.anim_start_ms = 0;
    a->visit.end_counted = 0;
    app_stat(a, STAT_MODULE_OPENED, 0, 0);
    app_set_screen(a, SCREEN_SLIDE, now);
}

void visit_end_session(App *a, uint64_t now)
{
    if (!a->visit.in_session)
        return;
    leave_module(a);
    uint64_t secs = (now - a->visit.session_start_ms) / 1000;
    app_stat(a, STAT_SESSION_END, (int)(secs > 1000000 ? 1000000 : secs), 0);
}

/* ---- navigation ------------------------------------------------------- */

static void go_next(App *a, uint64_t now)
{
    const Module *m = app_module(a);
    switch (a->visit.screen) {
    case SCREEN_SLIDE:
        if (!m)
            return;
        if (a->visit.slide + 1 < m->n_slides) {
            a->visit.slide++;
            if (a->visit.slide > a->visit.deepest_slide)
                a->visit.deepest_slide = a->visit.slide;
            a->visit.anim_start_ms = now;
            a->visit.anim_dir = 1;
            app_set_screen(a, SCREEN_SLIDE, now);
        } else if (m->n_quiz > 0) {
            a->visit.quiz_q = 0;
            a->visit.quiz_answer = -1;
            app_set_screen(a, SCREEN_QUIZ, now);
        } else {
            app_set_screen(a, SCREEN_END, now);
        }
        break;
    case SCREEN_QUIZ:
        if (!m || a->visit.quiz_answer < 0)
            return; /* answer first: Next appears only after an answer */
        if (a->visit.quiz_q + 1 < m->n_quiz) {
            a->visit.quiz_q++;
            a->visit.quiz_answer = -1;
            app_set_screen(a, SCREEN_QUIZ, now);
        } else {
            app_set_screen(a, SCREEN_END, now);
        }
        break;
    case SCREEN_END:
        leave_module(a);
        app_set_screen(a, SCREEN_MENU, now);
        break;
    case SCREEN_MENU:
    case SCREEN_HELP:
        a->visit.menu_scroll++; /* next page; ui_build clamps to the last page */
        a->dirty = 1;
        break;
    default:
        break;
    }
}

static void go_back(App *a, uint64_t now)
{
    const Module *m = app_module(a);
    switch (a->visit.screen) {
    case SCREEN_SLIDE:
        if (a->visit.slide > 0) {
            a->visit.slide--;
            a->visit.anim_start_ms = now;
            a->visit.anim_dir = -1;
            app_set_screen(a, SCREEN_SLIDE, now);
        } else {
            leave_module(a);
            app_set_screen(a, SCREEN_MENU, now);
        }
        break;
    case SCREEN_QUIZ:
        if (a->visit.quiz_q > 0) {
            a->visit.quiz_q--;
            a->visit.quiz_answer = -1;
            app_set_screen(a, SCREEN_QUIZ, now);
        } else if (m) {
            a->visit.slide = m->n_slides - 1;
            a->visit.quiz_answer = -1;
            app_set_screen(a, SCREEN_SLIDE, now);
        }
        break;
    case SCREEN_END:
        if (m && m->n_quiz > 0) {
            a->visit.quiz_q = m->n_quiz - 1;
            a->visit.quiz_answer = -1;
            app_set_screen(a, SCREEN_QUIZ, now);
        } else if (m) {
            a->visit.slide = m->n_slides - 1;
            app_set_screen(a, SCREEN_SLIDE, now);
        }
        break;
    case SCREEN_MENU:
        if (a->visit.menu_scroll > 0) {
            a->visit.menu_scroll--;
            a->dirty = 1;
        } else {
            a->visit.picker_choice = a->visit.lang;
            app_set_screen(a, SCREEN_LANGUAGE, now);
        }
        break;
    case SCREEN_HELP:
        if (a->visit.menu_scroll > 0) {
            a->visit.menu_scroll--;
            a->dirty = 1;
            break;
        }
        app_set_screen(a, app_module(a) ? SCREEN_END : SCREEN_MENU, now);
        break;
    case SCREEN_LANGUAGE:
        if (a->visit.module >= 0 || a->visit.lang_confirmed)
            app_set_screen(a, a->visit.module >= 0 ? SCREEN_SLIDE : SCREEN_MENU, now);
        else {
            visit_end_session(a, now);
            app_wipe(a, now);
        }
        break;
    default:
        break;
    }
}

static void choose_language(App *a, int i)
{
    if (i < 0 || i >= a->wiring.cfg.n_langs)
        return;
    if (a->visit.lang != i) {
        app_audio(a, AUDIO_STOP, NULL); /* narration is in the old language */
        a->visit.lang = i;
    }
    a->visit.picker_choice = i;
    a->dirty = 1;
}

/* A language touched on the picker: its name is spoken in it. */
static void pick_language(App *a, int idx)
{
    char key[96];
    choose_language(a, idx);
    if (idx < a->wiring.cfg.n_langs) {
        snprintf(key, sizeof key, "lang:%s", a->wiring.cfg.langs[idx]);
        app_audio(a, AUDIO_PLAY, key);
    }
}

static void confirm_language(App *a, uint64_t now)
{
    app_audio(a, AUDIO_STOP, NULL); /* the language's spoken name ends here */
    if (a->visit.picker_choice >= 0)
        a->visit.lang = a->visit.picker_choice;
    if (!a->visit.lang_confirmed)
        app_stat(a, STAT_LANGUAGE_CHOSEN, 0, 0);
    else if (a->visit.lang != a->visit.lang_at_open)
        app_stat(a, STAT_LANGUAGE_SWITCH, 0, 0);
    a->visit.lang_confirmed = 1;
    app_set_screen(a, a->visit.module >= 0 ? a->visit.lang_return : SCREEN_MENU, now);
}

static void start_visit(App *a, uint64_t now)
{
    a->visit.in_session = 1;
    a->visit.session_start_ms = now;
    a->visit.last_input_ms = now;
    app_stat(a, STAT_SESSION_START, -1, 0);
    a->visit.picker_choice = -1;
    app_set_screen(a, SCREEN_LANGUAGE, now);
}

/* Exit: a neutral screen at once, and the visit ends. */
static void visit_quick_exit(App *a, uint64_t now)
{
    app_stat(a, STAT_QUICK_EXIT, 0, 0);
    visit_end_session(a, now);
    a->kiosk.neutral_until_ms = now + (uint64_t)(a->wiring.cfg.neutral_s > 0 ? a->wiring.cfg.neutral_s : 8) * 1000;
    app_wipe(a, now);
    a->visit.screen = SCREEN_NEUTRAL;
}

/* One button: Listen, and Stop while it plays. */
static void toggle_narration(App *a)
{
    char key[96];
    app_narration_key(a, key, sizeof key);
    if (a->visit.narration_playing)
        app_audio(a, AUDIO_STOP, NULL);
    else if (key[0])
        app_audio(a, AUDIO_PLAY, key);
}

static void answer(App *a, int idx)
{
    const Module *m = app_module(a);
    if (a->visit.screen == SCREEN_QUIZ && m && a->visit.quiz_answer < 0 &&
        idx < m->quiz[a->visit.quiz_q].n_answers) {
        a->visit.quiz_answer = idx;
        app_stat(a, STAT_QUIZ_ANSWER, a->visit.quiz_q, idx == m->quiz[a->visit.quiz_q].correct);
        a->dirty = 1;
    }
}

void visit_activate(App *a, WidgetId w, uint64_t now)
{
    if (admin_activate(a, w, now))
        return;
    int idx = WIDGET_INDEX(w);
    switch (WIDGET_KIND(w)) {
    case W_BACKGROUND:
        if (a->visit.screen == SCREEN_ATTRACT)
            start_visit(a, now);
        break;
    case W_HOME:
        leave_module(a);
        a->visit.menu_scroll = 0;
        app_set_screen(a, a->visit.lang_confirmed ? SCREEN_MENU : SCREEN_LANGUAGE, now);
        break;
    case W_LANGUAGE:
        a->visit.lang_return = a->visit.screen;
        a->visit.lang_at_open = a->visit.lang;
        a->visit.picker_choice = a->visit.lang;
        app_set_screen(a, SCREEN_LANGUAGE, now);
        break;
    case W_QUICK_EXIT:
        visit_quick_exit(a, now);
        break;
    case W_LARGE_TEXT:
        a->visit.large_text = !a->visit.large_text;
        a->dirty = 1;
        break;
    case W_CONTRAST:
        a->visit.high_contrast = !a->visit.high_contrast;
        a->dirty = 1;
        break;
    case W_SPEAKER:
        toggle_narration(a);
        break;
    case W_LANG_CHOICE:
        pick_language(a, idx);
        break;
    case W_LANG_CONFIRM:
        confirm_language(a, now);
        break;
    case W_FILTER:
        if (idx < FILTER__COUNT) {
            a->visit.filter = (AudienceFilter)idx;
            a->visit.menu_scroll = 0;
            a->dirty = 1;
        }
        break;
    case W_CARD:
        if (a->wiring.content && idx < content_module_count(a->wiring.content))
            open_module(a, idx, now);
        break;
    case W_HELP:
        app_stat(a, STAT_HELP_SHOWN, 0, 0);
        a->visit.menu_scroll = 0;
        app_set_screen(a, SCREEN_HELP, now);
        break;
    case W_BACK:
        go_back(a, now);
        break;
    case W_NEXT:
        go_next(a, now);
        break;
    case W_ANSWER:
        answer(a, idx);
        break;
    case W_STILL_HERE:
        a->visit.countdown = 0;
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
        if (ev->focus_order[i] == a->visit.focus)
            cur = i;
    if (cur < 0)
        cur = step > 0 ? -1 : 0;
    a->visit.focus = ev->focus_order[(cur + step + ev->n_focus) % ev->n_focus];
    a->dirty = 1;
}

static int paged_screen(const App *a)
{
    return a->visit.screen == SCREEN_SLIDE || (a->visit.screen == SCREEN_QUIZ && a->visit.quiz_answer >= 0) ||
           a->visit.screen == SCREEN_END;
}

void visit_on_key(App *a, const Event *ev, uint64_t now)
{
    int mirrored = app_rtl(a) && a->visit.screen != SCREEN_LANGUAGE; /* the picker is never mirrored */
    int forward_key = mirrored ? KEY_LEFT : KEY_RIGHT;
    int backward_key = mirrored ? KEY_RIGHT : KEY_LEFT;
    if (a->visit.screen == SCREEN_ATTRACT) {
        visit_activate(a, WIDGET(W_BACKGROUND, 0), now);
        return;
    }
    if (ev->key == KEY_ESCAPE) {
        go_back(a, now);
    } else if (ev->key == KEY_ENTER) {
        if (a->visit.focus != W_NONE)
            visit_activate(a, a->visit.focus, now);
        else if (a->visit.screen == SCREEN_LANGUAGE && a->visit.picker_choice >= 0)
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
    float dpi = a->wiring.dpi > 0 ? a->wiring.dpi : 160;
    int s = (int)(dpi * 6 / 25.4f);
    return s < 24 ? 24 : s;
}

void visit_on_pointer_up(App *a, const Event *ev, uint64_t now)
{
    int dx = ev->x - a->visit.down_x, dy = ev->y - a->visit.down_y;
    int adx = abs(dx), ady = abs(dy);
    WidgetId pressed = a->visit.pressed;
    a->visit.pointer_down = 0;
    a->visit.pressed = W_NONE;
    a->dirty = 1;
    if (adx > swipe_slop(a) && adx > 2 * ady) {
        /* A swipe: the finger moving toward the start of the reading
         * direction brings the next page (left in LTR, right in RTL). */
        if (a->visit.screen == SCREEN_SLIDE || a->visit.screen == SCREEN_QUIZ || a->visit.screen == SCREEN_END ||
            a->visit.screen == SCREEN_MENU) {
            int forward = app_rtl(a) ? dx > 0 : dx < 0;
            if (forward)
                go_next(a, now);
            else
                go_back(a, now);
        }
        return;
    }
    if (a->visit.screen == SCREEN_ATTRACT) {
        if (admin_attract_gesture(a, ev, now))
            return;
        if (WIDGET_KIND(pressed) == W_BANNER && ev->widget == pressed)
            visit_activate(a, pressed, now);
        else
            visit_activate(a, WIDGET(W_BACKGROUND, 0), now);
        return;
    }
    if (pressed != W_NONE && ev->widget == pressed && adx <= swipe_slop(a) &&
        ady <= swipe_slop(a))
        visit_activate(a, pressed, now);
}

/* ---- time ------------------------------------------------------------- */

