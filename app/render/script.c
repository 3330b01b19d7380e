/* script.c: `taama --script FILE`, the kiosk driven by an input script
 * (end-to-end tests, demos), on the same Kiosk, loop step and jobs as a
 * visitor's touches; the verbs are one table of {name, handler} rows.
 *
 * One command a line, '#' starts a comment; time advances only by what the
 * commands do (a tap takes 120 ms), starting at 1000 ms:
 *   tap NAME [N]         tap the middle of a control (names below)
 *   tap-at X Y           press-at X Y MS (hold)     swipe left|right
 *   type-pin DIGITS      key Left|Right|Up|Down|Enter|Escape|Tab|BackTab
 *   wait MS              let time pass (the mount table is read meanwhile)
 *   mount-table FILE     read sticks from FILE from now on
 *   screenshot FILE.png
 *   expect-screen NAME   expect-lang CODE   expect-slide N (from 1)
 *   expect-banner none|busy|ok|failed       expect-no-overflow
 *   expect-text TEXT     TEXT (the rest of the line) is on screen: the
 *                        screen's text lines joined by spaces contain it,
 *                        so a wrapped title still matches
 *   expect-no-text TEXT  the opposite
 *   expect-narration yes|no   the screen's narration key has a recording
 *                        (the speaker is enabled)
 * A failed expectation stops the script with a message and exit code 1. */

#include "render/script.h"

#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "render/input.h"

typedef struct {
    const char *name;
    WidgetKind kind;
} WidgetName;

static const WidgetName widget_names[] = {
    {"background", W_BACKGROUND}, {"home", W_HOME},       {"language", W_LANGUAGE},
    {"exit", W_QUICK_EXIT},       {"large-text", W_LARGE_TEXT}, {"contrast", W_CONTRAST},
    {"speaker", W_SPEAKER},       {"lang", W_LANG_CHOICE}, {"continue", W_LANG_CONFIRM},
    {"filter", W_FILTER},         {"card", W_CARD},       {"help", W_HELP},
    {"back", W_BACK},             {"next", W_NEXT},       {"answer", W_ANSWER},
    {"still-here", W_STILL_HERE},
    {"banner", W_BANNER},         {"pin-digit", W_PIN_DIGIT}, {"pin-delete", W_PIN_DELETE},
    {"pin-ok", W_PIN_OK},         {"pin-cancel", W_PIN_CANCEL}, {"admin-tab", W_ADMIN_TAB},
    {"admin-close", W_ADMIN_CLOSE}, {"admin-lang", W_ADMIN_LANG}, {"admin-up", W_ADMIN_UP},
    {"admin-down", W_ADMIN_DOWN}, {"admin-dec", W_ADMIN_DEC}, {"admin-inc", W_ADMIN_INC},
    {"admin-toggle", W_ADMIN_TOGGLE}, {"admin-action", W_ADMIN_ACTION},
    {"touch-cell", W_TOUCH_CELL}, {"done", W_DONE},       {"group-module", W_GROUP_MODULE},
    {"hands-dec", W_GROUP_HANDS_DEC}, {"hands-inc", W_GROUP_HANDS_INC},
    {"band-dec", W_GROUP_BAND_DEC}, {"band-inc", W_GROUP_BAND_INC},
    {"group-headcount", W_GROUP_HEADCOUNT}, {"group-finish", W_GROUP_FINISH},
};

static int save_png(SDL_Renderer *sdl, int w, int h, const char *path)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return -1;
    int rc = SDL_RenderReadPixels(sdl, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch);
    if (rc == 0)
        rc = IMG_SavePNG(s, path);
    SDL_FreeSurface(s);
    return rc;
}

static void pointer(Kiosk *k, int x, int y, int x2, int y2, uint64_t *now)
{
    Event ev = {.kind = EV_POINTER_DOWN, .x = x, .y = y};
    kiosk_step(k, &ev, *now);
    *now += 40;
    ev = (Event){.kind = EV_POINTER_MOVE, .x = (x + x2) / 2, .y = (y + y2) / 2};
    kiosk_step(k, &ev, *now);
    *now += 40;
    ev = (Event){.kind = EV_POINTER_UP, .x = x2, .y = y2};
    kiosk_step(k, &ev, *now);
    *now += 40;
}

/* The argument of a script line: everything after the command word, without
 * surrounding blanks. Edits line in place. */
static const char *rest_of_line(char *line, const char *cmd)
{
    char *p = strstr(line, cmd) + strlen(cmd);
    while (*p == ' ' || *p == '\t')
        p++;
    size_t n = strlen(p);
    while (n > 0 && (p[n - 1] == '\n' || p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t'))
        p[--n] = 0;
    return p;
}

/* 1 if text appears on the built screen: its text lines, in drawing order,
 * joined by single spaces (a wrapped line lost its space at the break). */
static int screen_has_text(const Ui *ui, const char *text)
{
    char all[32768];
    size_t n = 0;
    for (int i = 0; i < ui->n_cmds; i++) {
        const DrawCmd *c = &ui->cmds[i];
        if (c->kind != DRAW_TEXT || !c->text || n + c->len + 2 > sizeof all)
            continue;
        if (n > 0)
            all[n++] = ' ';
        memcpy(all + n, c->text, c->len);
        n += c->len;
    }
    all[n] = 0;
    return strstr(all, text) != NULL;
}

/* One parsed script line, what every verb handler gets. */
typedef struct {
    Kiosk *k;
    SDL_Renderer *sdl;
    char *line; /* the whole line (rest_of_line edits it) */
    const char *cmd, *a1, *a2;
    int n; /* words sscanf found: cmd, a1, a2 */
    int lineno;
    uint64_t *now;
} ScriptLine;

/* A verb: 0 to go on, 1 on a failed expectation or a bad line (message
 * printed). */
typedef int (*VerbFn)(const ScriptLine *l);

/* Let time act in one-second steps up to until, as the real loop would;
 * with mounts, read the mount table meanwhile. */
static void pass_time(Kiosk *k, uint64_t *now, uint64_t until, int mounts)
{
    while (*now < until) {
        *now = *now + 1000 < until ? *now + 1000 : until;
        kiosk_step(k, NULL, *now);
        if (mounts)
            kiosk_poll_mounts(k, *now);
    }
}

static int verb_wait(const ScriptLine *l)
{
    pass_time(l->k, l->now, *l->now + (uint64_t)strtoull(l->a1, NULL, 10), 1);
    return 0;
}

/* From here on, jobs run on the worker thread as in the real kiosk (for
 * make tsan: the UI keeps polling the mount table meanwhile). */
static int verb_worker_thread(const ScriptLine *l)
{
    l->k->inline_jobs = 0;
    if (!l->k->worker.started)
        kiosk_worker_start(l->k);
    return 0;
}

/* Real time: until the worker is idle and its results delivered, polling
 * the mounts as the idle loop does; 60 s at most. */
static int verb_wait_job(const ScriptLine *l)
{
    Kiosk *k = l->k;
    for (int i = 0; i < 12000; i++) {
        if (jobs_worker_idle(&k->worker) && !k->app.facts.job_busy)
            return 0;
        *l->now += 5;
        k->last_poll_ms = 0; /* read the table every round */
        kiosk_step(k, NULL, *l->now);
        kiosk_poll_mounts(k, *l->now);
        SDL_Delay(5);
    }
    fprintf(stderr, "script:%d: the worker did not finish within 60 s\n", l->lineno);
    return 1;
}

static int verb_tap(const ScriptLine *l)
{
    Kiosk *k = l->k;
    for (size_t i = 0; i < sizeof widget_names / sizeof widget_names[0]; i++) {
        if (strcmp(widget_names[i].name, l->a1) != 0)
            continue;
        Rect r;
        WidgetId id = WIDGET(widget_names[i].kind, l->n >= 3 ? atoi(l->a2) : 0);
        if (!ui_find(&k->ui, id, &r)) {
            fprintf(stderr, "script:%d: no control '%s %s' on the %s screen\n", l->lineno, l->a1,
                    l->a2, app_screen_name(k->app.visit.screen));
            return 1;
        }
        pointer(k, r.x + r.w / 2, r.y + r.h / 2, r.x + r.w / 2 + 3, r.y + r.h / 2 + 2, l->now);
        return 0;
    }
    fprintf(stderr, "script:%d: unknown control '%s'\n", l->lineno, l->a1);
    return 1;
}

/* press-at X Y MS: hold for MS milliseconds (the long press). */
static int verb_press_at(const ScriptLine *l)
{
    char a3[32] = "";
    sscanf(l->line, "%*s %*s %*s %31s", a3);
    Event ev = {.kind = EV_POINTER_DOWN, .x = atoi(l->a1), .y = atoi(l->a2)};
    kiosk_step(l->k, &ev, *l->now);
    pass_time(l->k, l->now, *l->now + (uint64_t)strtoull(a3, NULL, 10), 0);
    ev = (Event){.kind = EV_POINTER_UP, .x = atoi(l->a1), .y = atoi(l->a2)};
    kiosk_step(l->k, &ev, *l->now);
    *l->now += 40;
    return 0;
}

static int verb_type_pin(const ScriptLine *l)
{
    Kiosk *k = l->k;
    for (const char *p = l->a1; *p >= '0' && *p <= '9'; p++) {
        Rect r;
        if (!k->ui_valid)
            kiosk_rebuild(k, *l->now);
        if (!ui_find(&k->ui, WIDGET(W_PIN_DIGIT, *p - '0'), &r)) {
            fprintf(stderr, "script:%d: no PIN digit %c on the %s screen\n", l->lineno, *p,
                    app_screen_name(k->app.visit.screen));
            return 1;
        }
        pointer(k, r.x + r.w / 2, r.y + r.h / 2, r.x + r.w / 2, r.y + r.h / 2, l->now);
    }
    return 0;
}

static int verb_mount_table(const ScriptLine *l)
{
    snprintf(l->k->mount_table, sizeof l->k->mount_table, "%s", l->a1);
    return 0;
}

static int verb_expect_banner(const ScriptLine *l)
{
    static const char *const kinds[] = {"none", "busy", "ok", "failed"};
    const App *a = &l->k->app;
    if ((unsigned)a->facts.banner >= 4 || strcmp(kinds[a->facts.banner], l->a1) != 0) {
        fprintf(stderr, "script:%d: expected banner %s, have %s (%s)\n", l->lineno, l->a1,
                (unsigned)a->facts.banner < 4 ? kinds[a->facts.banner] : "?", a->facts.banner_detail);
        return 1;
    }
    return 0;
}

static int verb_tap_at(const ScriptLine *l)
{
    int x = atoi(l->a1), y = atoi(l->a2);
    pointer(l->k, x, y, x, y, l->now);
    return 0;
}

static int verb_swipe(const ScriptLine *l)
{
    const App *a = &l->k->app;
    int y = a->wiring.h / 2, d = a->wiring.w / 3;
    int left = strcmp(l->a1, "left") == 0;
    pointer(l->k, left ? a->wiring.w / 2 + d / 2 : a->wiring.w / 2 - d / 2, y,
            left ? a->wiring.w / 2 - d / 2 : a->wiring.w / 2 + d / 2, y + 5, l->now);
    return 0;
}

static int verb_key(const ScriptLine *l)
{
    static const struct {
        const char *n;
        Key k;
    } keys[] = {{"Left", KEY_LEFT},   {"Right", KEY_RIGHT},   {"Up", KEY_UP},
                {"Down", KEY_DOWN},   {"Enter", KEY_ENTER},   {"Escape", KEY_ESCAPE},
                {"Tab", KEY_TAB},     {"BackTab", KEY_BACKTAB}};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(keys[i].n, l->a1) == 0) {
            Event ev = {.kind = EV_KEY, .key = keys[i].k};
            kiosk_step(l->k, &ev, *l->now);
            *l->now += 50;
            return 0;
        }
    fprintf(stderr, "script:%d: unknown key '%s'\n", l->lineno, l->a1);
    return 1;
}

static int verb_expect_screen(const ScriptLine *l)
{
    const char *have = app_screen_name(l->k->app.visit.screen);
    if (strcmp(have, l->a1) != 0) {
        fprintf(stderr, "script:%d: expected the %s screen, on the %s screen\n", l->lineno, l->a1,
                have);
        return 1;
    }
    return 0;
}

static int verb_expect_lang(const ScriptLine *l)
{
    if (strcmp(app_lang(&l->k->app), l->a1) != 0) {
        fprintf(stderr, "script:%d: expected language %s, have %s\n", l->lineno, l->a1,
                app_lang(&l->k->app));
        return 1;
    }
    return 0;
}

static int verb_expect_slide(const ScriptLine *l)
{
    if (l->k->app.visit.slide + 1 != atoi(l->a1)) {
        fprintf(stderr, "script:%d: expected slide %s, on slide %d\n", l->lineno, l->a1,
                l->k->app.visit.slide + 1);
        return 1;
    }
    return 0;
}

/* expect-text and expect-no-text: the rest of the line is (not) on screen. */
static int verb_expect_text(const ScriptLine *l)
{
    int want = strcmp(l->cmd, "expect-text") == 0;
    const char *text = rest_of_line(l->line, l->cmd);
    if (!text[0]) {
        fprintf(stderr, "script:%d: %s needs a text\n", l->lineno, l->cmd);
        return 1;
    }
    int have = screen_has_text(&l->k->ui, text);
    if (have != want) {
        fprintf(stderr, "script:%d: \"%s\" is %son the %s screen\n", l->lineno, text,
                have ? "" : "not ", app_screen_name(l->k->app.visit.screen));
        return 1;
    }
    return 0;
}

static int verb_expect_narration(const ScriptLine *l)
{
    const App *a = &l->k->app;
    char key[128];
    app_narration_key(a, key, sizeof key);
    int have = key[0] && a->wiring.narration_exists && a->wiring.narration_exists(a->wiring.narration_ctx, app_lang(a), key);
    if (have != (strcmp(l->a1, "yes") == 0)) {
        fprintf(stderr, "script:%d: expected narration %s for '%s' in %s, have %s\n", l->lineno,
                l->a1, key, app_lang(a), have ? "yes" : "no");
        return 1;
    }
    return 0;
}

static int verb_expect_no_overflow(const ScriptLine *l)
{
    if (l->k->ui.overflow) {
        fprintf(stderr, "script:%d: text overflows: \"%s\"\n", l->lineno, l->k->ui.overflow_text);
        return 1;
    }
    return 0;
}

static int verb_screenshot(const ScriptLine *l)
{
    Kiosk *k = l->k;
    if (!k->ui_valid)
        kiosk_rebuild(k, *l->now);
    render_draw(k->ren, &k->ui);
    if (save_png(l->sdl, k->app.wiring.w, k->app.wiring.h, l->a1) != 0) {
        fprintf(stderr, "script:%d: cannot write %s: %s\n", l->lineno, l->a1, SDL_GetError());
        return 1;
    }
    return 0;
}

static const struct {
    const char *name;
    VerbFn fn;
} verbs[] = {
    {"wait", verb_wait},
    {"worker-thread", verb_worker_thread},
    {"wait-job", verb_wait_job},
    {"tap", verb_tap},
    {"press-at", verb_press_at},
    {"type-pin", verb_type_pin},
    {"mount-table", verb_mount_table},
    {"expect-banner", verb_expect_banner},
    {"tap-at", verb_tap_at},
    {"swipe", verb_swipe},
    {"key", verb_key},
    {"expect-screen", verb_expect_screen},
    {"expect-lang", verb_expect_lang},
    {"expect-slide", verb_expect_slide},
    {"expect-text", verb_expect_text},
    {"expect-no-text", verb_expect_text},
    {"expect-narration", verb_expect_narration},
    {"expect-no-overflow", verb_expect_no_overflow},
    {"screenshot", verb_screenshot},
};

/* Run one script line. Returns 0 to go on, 1 on a failed expectation or a
 * bad line (message printed). */
static int script_line(Kiosk *k, SDL_Renderer *sdl, char *line, int lineno, uint64_t *now)
{
    char cmd[32] = "", a1[128] = "", a2[64] = "";
    int n = sscanf(line, "%31s %127s %63s", cmd, a1, a2);
    if (n <= 0 || cmd[0] == '#')
        return 0;
    if (!k->ui_valid)
        kiosk_rebuild(k, *now);
    ScriptLine l = {.k = k, .sdl = sdl, .line = line, .cmd = cmd, .a1 = a1, .a2 = a2,
                    .n = n, .lineno = lineno, .now = now};
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
        if (strcmp(verbs[i].name, cmd) == 0)
            return verbs[i].fn(&l);
    fprintf(stderr, "script:%d: unknown command '%s'\n", lineno, cmd);
    return 1;
}

/* Start from a clean attract screen at script time now, keeping the
 * configuration, window size and wiring (app_init would wipe them). */
static void script_reset(Kiosk *k, uint64_t now)
{
    int large = k->app.visit.large_text, contrast = k->app.visit.high_contrast;
    app_restart(&k->app, now);
    app_set_access(&k->app, large, contrast);
    k->ui_valid = 0;
    k->inline_jobs = 1;
    kiosk_admin_start(k, now);
    kiosk_poll_mounts(k, now);
}

int script_run(Kiosk *k, SDL_Renderer *sdl, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        log_error("cannot open script %s", path);
        return 2;
    }
    char line[512];
    int lineno = 0, rc = 0;
    uint64_t now = 1000;
    script_reset(k, now);
    while (!input_quit_requested() && fgets(line, sizeof line, f)) {
        lineno++;
        if (script_line(k, sdl, line, lineno, &now) != 0) {
            rc = 1;
            break;
        }
    }
    fclose(f);
    if (input_quit_requested()) {
        fprintf(stderr, "script: stopped by a signal at line %d\n", lineno);
        rc = 1;
    }
    if (rc == 0)
        printf("script: %d lines, all expectations met\n", lineno);
    return rc;
}
