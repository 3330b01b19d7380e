/* screens.c: the named screens of `taama render`, the content checks and
 * the tests: app_goto() sets the state a name stands for, and
 * app_screen_names() lists them. Admin screens are filled with fixed
 * example facts, never real ones. */
#include "app_internal.h"

#include <stdio.h>
#include <string.h>

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
        admin_open_pin_pad(a, now);
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
            admin_open(a, (AdminTab)t, now);
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
        app_set_screen(a, SCREEN_TEST_TOUCH, now);
        for (int i = 0; i < APP_TOUCH_CELLS; i += 3)
            a->touched[i] = 1;
        return 0;
    }
    if (strncmp(name, "group-", 6) != 0)
        return -1;
    group_flow_open(a, now);
    if (strcmp(name, "group-pick") == 0)
        return 0;
    if (strcmp(name, "group-headcount") == 0) {
        static const int bands[GROUP_BAND__COUNT] = {14, 6, 9, 11};
        for (int i = 0; i < GROUP_BAND__COUNT; i++)
            group_session_set_band(&a->group, (GroupBand)i, bands[i]);
        app_set_screen(a, SCREEN_GROUP_COUNT, now);
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
        app_set_screen(a, SCREEN_GROUP_SLIDE, now);
        return 0;
    }
    if (strcmp(name, "group-quiz") == 0) {
        group_flow_enter_quiz(a, 0, now);
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
    app_copy_str(a->settings.admin_language, sizeof a->settings.admin_language, a->cfg.langs[i]);
    app_copy_str(a->group_lang, sizeof a->group_lang, a->cfg.langs[i]);
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
