/* group_flow.c: the community-worker group session. A presenter picks a
 * module, walks the room through its slides, counts raised hands per quiz
 * answer, then takes a headcount in bands; Finish queues the counts as
 * statistics events, leaving counts nothing. Reached from the admin Tools
 * tab or straight from a facilitator PIN. */
#include "app_internal.h"

#include <string.h>

#include "i18n/i18n.h"

int group_flow_is_screen(ScreenId s)
{
    return s == SCREEN_GROUP_PICK || s == SCREEN_GROUP_SLIDE || s == SCREEN_GROUP_QUIZ ||
           s == SCREEN_GROUP_COUNT;
}

void group_flow_open(App *a, uint64_t now)
{
    group_session_init(&a->group.session);
    /* the room's language: the kiosk's first visitor language until the
     * presenter picks another (any known one, enabled or not) */
    app_copy_str(a->group.group_lang, sizeof a->group.group_lang, app_lang(a));
    a->group.group_revealed = 0;
    a->group.group_open = 1;
    a->group.n_group_pending = 0;
    a->visit.module = -1;
    a->visit.menu_scroll = 0;
    app_set_screen(a, SCREEN_GROUP_PICK, now);
}

/* Keep the quiz counts of the module the group did before, as events
 * queued at the end (group.h holds one module's quiz at a time). */
static void group_stash_quiz(App *a)
{
    if (!a->group.session.module[0])
        return;
    GroupSession tmp = a->group.session;
    memset(tmp.bands, 0, sizeof tmp.bands);
    StatEvent ev[GROUP_MAX_EVENTS];
    int n = group_session_events(&tmp, ev, GROUP_MAX_EVENTS);
    int cap = (int)(sizeof a->group.group_pending / sizeof a->group.group_pending[0]);
    for (int i = 0; i < n; i++)
        if (ev[i].kind == STAT_GROUP_QUIZ && a->group.n_group_pending < cap)
            a->group.group_pending[a->group.n_group_pending++] = ev[i];
}

void group_flow_enter_quiz(App *a, int q, uint64_t now)
{
    const Module *m = app_module(a);
    if (!m || m->n_quiz == 0)
        return;
    if (strcmp(a->group.session.module, m->id) != 0) {
        group_stash_quiz(a);
        int na[GROUP_MAX_QUESTIONS], co[GROUP_MAX_QUESTIONS];
        int nq = m->n_quiz < GROUP_MAX_QUESTIONS ? m->n_quiz : GROUP_MAX_QUESTIONS;
        for (int i = 0; i < nq; i++) {
            na[i] = m->quiz[i].n_answers;
            co[i] = m->quiz[i].correct;
        }
        if (group_session_set_quiz(&a->group.session, m->id, nq, na, co) != ERR_OK)
            return;
    }
    a->group.group_q = app_clampi(q, 0, a->group.session.n_questions - 1);
    a->group.group_revealed = 0;
    app_set_screen(a, SCREEN_GROUP_QUIZ, now);
}

static void queue_stat_event(App *a, const StatEvent *e)
{
    if (a->fx.n_stats < APP_MAX_EFFECTS)
        a->fx.stats[a->fx.n_stats++] = *e;
}

static void group_finish(App *a, uint64_t now)
{
    StatEvent ev[GROUP_MAX_EVENTS];
    int n = group_session_events(&a->group.session, ev, GROUP_MAX_EVENTS);
    for (int i = 0; i < n; i++)
        queue_stat_event(a, &ev[i]);
    for (int i = 0; i < a->group.n_group_pending; i++)
        queue_stat_event(a, &a->group.group_pending[i]);
    int facilitator = a->admin.facilitator;
    group_session_init(&a->group.session);
    a->group.group_open = 0;
    a->group.n_group_pending = 0;
    a->visit.module = -1;
    if (facilitator) {
        app_wipe(a, now);
        return;
    }
    admin_open(a, TAB_TOOLS, now);
    a->admin.note = NOTE_GROUP_SAVED;
}

static void group_leave(App *a, uint64_t now)
{
    /* leaving without Finish counts nothing */
    group_session_init(&a->group.session);
    a->group.group_open = 0;
    a->group.n_group_pending = 0;
    a->visit.module = -1;
    if (a->admin.facilitator)
        app_wipe(a, now);
    else
        admin_open(a, TAB_TOOLS, now);
}

static void group_next(App *a, int dir, uint64_t now)
{
    const Module *m = app_module(a);
    if (!m)
        return;
    if (a->visit.screen == SCREEN_GROUP_SLIDE) {
        if (dir > 0 && a->visit.slide + 1 < m->n_slides)
            a->visit.slide++;
        else if (dir > 0 && m->n_quiz > 0)
            group_flow_enter_quiz(a, 0, now);
        else if (dir < 0 && a->visit.slide > 0)
            a->visit.slide--;
        else
            app_set_screen(a, SCREEN_GROUP_PICK, now);
        a->dirty = 1;
    } else if (a->visit.screen == SCREEN_GROUP_QUIZ) {
        a->group.group_revealed = 0;
        if (dir > 0 && a->group.group_q + 1 < a->group.session.n_questions)
            a->group.group_q++;
        else if (dir < 0 && a->group.group_q > 0)
            a->group.group_q--;
        else if (dir < 0) {
            a->visit.slide = m->n_slides - 1;
            app_set_screen(a, SCREEN_GROUP_SLIDE, now);
        } else
            app_set_screen(a, SCREEN_GROUP_PICK, now);
        a->dirty = 1;
    }
}

/* The counts the presenter keys in: raised hands, bands of the headcount. */
static void group_counts(App *a, WidgetKind kind, int idx)
{
    switch (kind) {
    case W_GROUP_HANDS_DEC:
    case W_GROUP_HANDS_INC:
        if (a->visit.screen == SCREEN_GROUP_QUIZ)
            group_session_add_hands(&a->group.session, a->group.group_q, idx, kind == W_GROUP_HANDS_INC ? 1 : -1);
        break;
    case W_GROUP_BAND_SET:
        if ((idx >> 3) < GROUP_BAND__COUNT && (idx & 7) < APP_QUICK_COUNTS)
            group_session_set_band(&a->group.session, (GroupBand)(idx >> 3), app_quick_counts[idx & 7]);
        break;
    case W_GROUP_BAND_DEC:
    case W_GROUP_BAND_INC:
        if (idx < GROUP_BAND__COUNT)
            group_session_set_band(&a->group.session, (GroupBand)idx,
                                   a->group.session.bands[idx] + (kind == W_GROUP_BAND_INC ? 1 : -1));
        break;
    default:
        break;
    }
    a->dirty = 1;
}

static void group_page(App *a, WidgetKind kind, uint64_t now)
{
    if (a->visit.screen == SCREEN_GROUP_COUNT)
        app_set_screen(a, SCREEN_GROUP_PICK, now);
    else if (a->visit.screen == SCREEN_GROUP_PICK) {
        /* the module list pages like the menu */
        a->visit.menu_scroll += kind == W_NEXT ? 1 : (a->visit.menu_scroll > 0 ? -1 : 0);
        a->dirty = 1;
    } else
        group_next(a, kind == W_NEXT ? 1 : -1, now);
}

void group_flow_activate(App *a, WidgetKind kind, int idx, uint64_t now)
{
    switch (kind) {
    case W_GROUP_MODULE:
        if (a->wiring.content && idx < content_module_count(a->wiring.content)) {
            a->visit.module = idx;
            a->visit.slide = 0;
            app_set_screen(a, SCREEN_GROUP_SLIDE, now);
        }
        break;
    case W_NEXT:
    case W_BACK:
        group_page(a, kind, now);
        break;
    case W_GROUP_HANDS_DEC:
    case W_GROUP_HANDS_INC:
    case W_GROUP_BAND_SET:
    case W_GROUP_BAND_DEC:
    case W_GROUP_BAND_INC:
        group_counts(a, kind, idx);
        break;
    case W_GROUP_LANG:
        if (idx < i18n_language_count())
            app_copy_str(a->group.group_lang, sizeof a->group.group_lang, i18n_language_at(idx)->code);
        a->dirty = 1;
        break;
    case W_GROUP_REVEAL:
        a->group.group_revealed = !a->group.group_revealed;
        a->dirty = 1;
        break;
    case W_GROUP_HEADCOUNT:
        app_set_screen(a, SCREEN_GROUP_COUNT, now);
        break;
    case W_HOME: /* from a module back to the list */
        app_set_screen(a, SCREEN_GROUP_PICK, now);
        break;
    case W_GROUP_FINISH:
        group_finish(a, now);
        break;
    case W_DONE:
        group_leave(a, now);
        break;
    default:
        break;
    }
}
