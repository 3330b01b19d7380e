/* screens.c: the named screens of `taama render`, the content checks and
 * the tests. One table lists every name app_goto() accepts, in the order
 * `taama render --list` prints them, with the screen it shows and how it is
 * set up; app_screen_names() and app_screen_name() read the same table.
 * Admin screens are filled with fixed example facts, never real ones. */
#include "app_internal.h"

#include <stdio.h>
#include <string.h>

static int parse_module_screen(App *a, const char *name, uint64_t now)
{
    const char *slash = strchr(name, '/');
    if (!slash || !a->wiring.content)
        return -1;
    char id[64];
    size_t n = (size_t)(slash - name);
    if (n >= sizeof id)
        return -1;
    memcpy(id, name, n);
    id[n] = 0;
    int mi = -1;
    for (int i = 0; i < content_module_count(a->wiring.content); i++)
        if (strcmp(content_module(a->wiring.content, i)->id, id) == 0)
            mi = i;
    if (mi < 0)
        return -1;
    const Module *m = content_module(a->wiring.content, mi);
    const char *rest = slash + 1;
    int k = 0;
    char tail[16] = "";
    a->visit.in_session = 1;
    a->visit.session_start_ms = now;
    a->visit.last_input_ms = now;
    a->visit.lang_confirmed = 1;
    a->visit.module = mi;
    a->visit.quiz_answer = -1;
    if (sscanf(rest, "slide-%d%15s", &k, tail) >= 1 && k >= 1 && k <= m->n_slides && !tail[0]) {
        a->visit.slide = k - 1;
        a->visit.deepest_slide = k - 1;
        a->visit.screen = SCREEN_SLIDE;
    } else if (sscanf(rest, "quiz-%d%15s", &k, tail) >= 1 && k >= 1 && k <= m->n_quiz &&
               (!tail[0] || strcmp(tail, "-answered") == 0)) {
        a->visit.slide = m->n_slides - 1;
        a->visit.quiz_q = k - 1;
        a->visit.screen = SCREEN_QUIZ;
        if (tail[0])
            a->visit.quiz_answer = m->quiz[k - 1].correct;
    } else if (strcmp(rest, "end") == 0) {
        a->visit.screen = SCREEN_END;
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

/* ---- setting up each named screen ---- */

enum { PIN_SHOWN_TYPING, PIN_SHOWN_LOCKED, PIN_SHOWN_NOT_SET };

static int show_attract(App *a, int arg, uint64_t now) { return 0; }

static int show_pin(App *a, int arg, uint64_t now)
{
    a->facts.pin_missing = arg == PIN_SHOWN_NOT_SET;
    if (arg == PIN_SHOWN_LOCKED)
        a->facts.pin_locked_until = now + 25000;
    admin_open_pin_pad(a, now);
    if (!a->facts.pin_missing) {
        a->admin.pin_len = 3; /* three dots shown */
        memcpy(a->admin.pin, "000", 4);
    }
    return 0;
}

static int show_admin_tab(App *a, int tab, uint64_t now)
{
    admin_open(a, (AdminTab)tab, now);
    a->fx.n_cmds = 0;
    return 0;
}

/* the banner after an export, over the attract screen */
static int show_export_banner(App *a, int arg, uint64_t now)
{
    a->facts.banner = BANNER_OK;
    a->facts.banner_job = CMD_EXPORT;
    a->facts.banner_until = now + APP_BANNER_MS;
    return 0;
}

static int show_test_touch(App *a, int arg, uint64_t now)
{
    app_set_screen(a, SCREEN_TEST_TOUCH, now);
    for (int i = 0; i < APP_TOUCH_CELLS; i += 3)
        a->admin.touched[i] = 1;
    return 0;
}

static int show_group_pick(App *a, int arg, uint64_t now)
{
    group_flow_open(a, now);
    return 0;
}

static int show_group_headcount(App *a, int arg, uint64_t now)
{
    static const int bands[GROUP_BAND__COUNT] = {14, 6, 9, 11};
    group_flow_open(a, now);
    for (int i = 0; i < GROUP_BAND__COUNT; i++)
        group_session_set_band(&a->group.session, (GroupBand)i, bands[i]);
    app_set_screen(a, SCREEN_GROUP_COUNT, now);
    return 0;
}

/* A group session on the first module with a quiz, at its second slide
 * (arg 0) or its first question with hands counted (arg 1). */
static int show_group_module(App *a, int quiz, uint64_t now)
{
    group_flow_open(a, now);
    int mi = -1;
    for (int i = 0; a->wiring.content && i < content_module_count(a->wiring.content) && mi < 0; i++)
        if (content_module(a->wiring.content, i)->n_quiz > 0)
            mi = i;
    if (mi < 0)
        return -1;
    a->visit.module = mi;
    a->visit.slide = content_module(a->wiring.content, mi)->n_slides > 1 ? 1 : 0;
    if (!quiz) {
        app_set_screen(a, SCREEN_GROUP_SLIDE, now);
        return 0;
    }
    group_flow_enter_quiz(a, 0, now);
    for (int i = 0; i < a->group.session.questions[0].n_answers; i++)
        group_session_add_hands(&a->group.session, 0, i, 3 + 7 * i);
    return 0;
}

static int show_neutral(App *a, int arg, uint64_t now)
{
    a->visit.screen = SCREEN_NEUTRAL;
    a->kiosk.neutral_until_ms = now + 8000;
    if (a->kiosk.clock_min < 0)
        a->kiosk.clock_min = 10 * 60 + 30; /* a fixed example time for reviews */
    return 0;
}

/* A visit under way on screen s; the language is chosen except on the
 * picker itself, and arg 1 adds the "Still there?" countdown. */
static int show_visit(App *a, ScreenId s, int countdown, uint64_t now)
{
    a->visit.in_session = 1;
    a->visit.session_start_ms = now;
    a->visit.last_input_ms = now;
    a->visit.screen = s;
    if (s == SCREEN_LANGUAGE) {
        a->visit.picker_choice = a->visit.lang;
        return 0;
    }
    a->visit.lang_confirmed = 1;
    if (countdown) {
        a->visit.countdown = 1;
        a->visit.countdown_start_ms = now;
    }
    return 0;
}

static int show_language(App *a, int arg, uint64_t now) { return show_visit(a, SCREEN_LANGUAGE, 0, now); }
static int show_menu(App *a, int countdown, uint64_t now) { return show_visit(a, SCREEN_MENU, countdown, now); }
static int show_help(App *a, int arg, uint64_t now) { return show_visit(a, SCREEN_HELP, 0, now); }

/* ---- the table ---- */

typedef enum {
    NAMED_BARE,   /* the attract screen as the kiosk starts */
    NAMED_ADMIN,  /* admin and group screens: example facts, no visit */
    NAMED_VISIT,  /* a visitor's screen outside a module */
    NAMED_MODULE, /* per module: "<id>/slide-N", "<id>/quiz-N[-answered]", "<id>/end" */
} NamedKind;

typedef struct {
    const char *name; /* as app_goto() takes it; for NAMED_MODULE, the state's name */
    ScreenId screen;  /* the screen it shows */
    NamedKind kind;
    int (*show)(App *a, int arg, uint64_t now);
    int arg;
} NamedScreen;

/* Every screen, in `taama render --list` order. The first row of each
 * ScreenId names it (app_screen_name()). */
static const NamedScreen named[] = {
    {"attract", SCREEN_ATTRACT, NAMED_BARE, show_attract, 0},
    {"language", SCREEN_LANGUAGE, NAMED_VISIT, show_language, 0},
    {"menu", SCREEN_MENU, NAMED_VISIT, show_menu, 0},
    {"help", SCREEN_HELP, NAMED_VISIT, show_help, 0},
    {"neutral", SCREEN_NEUTRAL, NAMED_VISIT, show_neutral, 0},
    {"still-there", SCREEN_MENU, NAMED_VISIT, show_menu, 1},
    {"pin", SCREEN_PIN, NAMED_ADMIN, show_pin, PIN_SHOWN_TYPING},
    {"pin-locked", SCREEN_PIN, NAMED_ADMIN, show_pin, PIN_SHOWN_LOCKED},
    {"pin-not-set", SCREEN_PIN, NAMED_ADMIN, show_pin, PIN_SHOWN_NOT_SET},
    {"admin", SCREEN_ADMIN, NAMED_ADMIN, show_admin_tab, TAB_STATUS},
    {"admin-settings", SCREEN_ADMIN, NAMED_ADMIN, show_admin_tab, TAB_SETTINGS},
    {"admin-languages", SCREEN_ADMIN, NAMED_ADMIN, show_admin_tab, TAB_LANGUAGES},
    {"admin-tools", SCREEN_ADMIN, NAMED_ADMIN, show_admin_tab, TAB_TOOLS},
    {"test-touch", SCREEN_TEST_TOUCH, NAMED_ADMIN, show_test_touch, 0},
    {"group-pick", SCREEN_GROUP_PICK, NAMED_ADMIN, show_group_pick, 0},
    {"group-slide", SCREEN_GROUP_SLIDE, NAMED_ADMIN, show_group_module, 0},
    {"group-quiz", SCREEN_GROUP_QUIZ, NAMED_ADMIN, show_group_module, 1},
    {"group-headcount", SCREEN_GROUP_COUNT, NAMED_ADMIN, show_group_headcount, 0},
    {"attract-export", SCREEN_ATTRACT, NAMED_ADMIN, show_export_banner, 0},
    {"slide", SCREEN_SLIDE, NAMED_MODULE, NULL, 0},
    {"quiz", SCREEN_QUIZ, NAMED_MODULE, NULL, 0},
    {"end", SCREEN_END, NAMED_MODULE, NULL, 0},
};

enum { N_NAMED = (int)(sizeof named / sizeof named[0]) };

static const NamedScreen *find_named(const char *name)
{
    for (int i = 0; i < N_NAMED; i++)
        if (named[i].kind != NAMED_MODULE && strcmp(named[i].name, name) == 0)
            return &named[i];
    return NULL;
}

const char *app_screen_name(ScreenId s)
{
    for (int i = 0; i < N_NAMED; i++)
        if (named[i].screen == s)
            return named[i].name;
    return "?";
}

int app_goto(App *a, const char *name, uint64_t now)
{
    const NamedScreen *ns = find_named(name);
    app_wipe(a, now);
    a->fx.n_audio = 0;
    a->facts.pin_missing = 0;
    a->facts.pin_locked_until = 0;
    a->facts.banner = BANNER_NONE;
    a->facts.job_busy = 0;
    if (ns && ns->kind == NAMED_BARE)
        return ns->show(a, ns->arg, now);
    example_info(&a->facts.info);
    a->visit.last_input_ms = now;
    if (ns && ns->kind == NAMED_ADMIN && ns->show(a, ns->arg, now) == 0)
        return 0;
    app_wipe(a, now);
    a->fx.n_cmds = 0;
    a->fx.n_stats = 0;
    if (ns && ns->kind == NAMED_VISIT)
        return ns->show(a, ns->arg, now);
    int rc = parse_module_screen(a, name, now);
    if (rc != 0)
        app_wipe(a, now);
    a->fx.n_audio = 0;
    return rc;
}

void app_show_in(App *a, int i)
{
    if (i < 0 || i >= a->wiring.cfg.n_langs)
        return;
    a->visit.lang = i;
    app_copy_str(a->facts.settings.admin_language, sizeof a->facts.settings.admin_language, a->wiring.cfg.langs[i]);
    app_copy_str(a->group.group_lang, sizeof a->group.group_lang, a->wiring.cfg.langs[i]);
    if (a->visit.screen == SCREEN_LANGUAGE)
        a->visit.picker_choice = i;
}

void app_screen_names(const App *a, void (*cb)(void *ctx, const char *name), void *ctx)
{
    char buf[128];
    for (int i = 0; i < N_NAMED; i++)
        if (named[i].kind != NAMED_MODULE)
            cb(ctx, named[i].name);
    for (int i = 0; a->wiring.content && i < content_module_count(a->wiring.content); i++) {
        const Module *m = content_module(a->wiring.content, i);
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
