/* kiosk.c: the SDL event loop, `taama render` and the input-script runner.
 *
 * Idle costs nothing: the loop sleeps in SDL_WaitEventTimeout() for exactly
 * as long as app_next_wake_ms() says nothing will change, and draws only
 * when the state is dirty or an animation runs. Touch, mouse and keyboard
 * all become the same Events; SDL's synthetic mouse events for touches are
 * dropped so one finger is never two taps. */
#include "render/kiosk.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/log.h"
#include "i18n/i18n.h"
#include "narration/narration.h"
#include "qr/qr.h"
#include "render/audio.h"
#include "render/render.h"
#include "ui/ui.h"

#ifdef TAAMA_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

static volatile sig_atomic_t quit_requested;

static void on_signal(int sig)
{
    (void)sig;
    quit_requested = 1;
}

typedef struct {
    App app;
    Ui ui;
    Arena *arena;
    Renderer *ren;
    TextMetrics tm;
    Stats *stats;
    NarrationIndex *narration;
    AudioPlayer *audio; /* NULL: silent (no device, or render/script) */
    int ui_valid;
} Kiosk;

static void rebuild(Kiosk *k, uint64_t now)
{
    arena_reset(k->arena);
    if (ui_build(&k->ui, &k->app, now, &k->tm, k->arena) != ERR_OK)
        log_warn("frame arena exhausted; screen drawn partially");
    k->ui_valid = 1;
}

/* Statistics and audio queued by app_update go out here, never from the core. */
static void drain(Kiosk *k)
{
    time_t t = time(NULL);
    for (int i = 0; i < k->app.n_stats; i++) {
        StatEvent ev = k->app.stats[i];
        if (ev.kind == STAT_SESSION_START) {
            struct tm lt;
            localtime_r(&t, &lt);
            ev.n = lt.tm_hour;
        }
        if (k->stats)
            stats_record(k->stats, &ev, (int64_t)t);
    }
    k->app.n_stats = 0;
    audio_apply(k->audio, k->narration, k->app.audio, k->app.n_audio);
    k->app.n_audio = 0;
}

static void step(Kiosk *k, Event *ev, uint64_t now)
{
    if (!k->ui_valid)
        rebuild(k, now);
    WidgetId order[128];
    if (ev && ev->kind == EV_KEY) {
        ev->n_focus = ui_focus_order(&k->ui, order, 128);
        ev->focus_order = order;
    }
    if (ev && (ev->kind == EV_POINTER_DOWN || ev->kind == EV_POINTER_UP))
        ev->widget = ui_hit(&k->ui, ev->x, ev->y);
    app_update(&k->app, ev, now);
    drain(k);
    if (k->app.dirty)
        k->ui_valid = 0;
}

static Key map_key(SDL_Keycode kc, Uint16 mod)
{
    switch (kc) {
    case SDLK_LEFT: return KEY_LEFT;
    case SDLK_RIGHT: return KEY_RIGHT;
    case SDLK_UP: return KEY_UP;
    case SDLK_DOWN: return KEY_DOWN;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE: return KEY_ENTER;
    case SDLK_ESCAPE:
    case SDLK_AC_BACK: return KEY_ESCAPE;
    case SDLK_TAB: return (mod & KMOD_SHIFT) ? KEY_BACKTAB : KEY_TAB;
    default: return KEY_NONE;
    }
}

/* SDL event -> Event. Returns 0 for events the kiosk ignores. */
static int translate(const SDL_Event *e, int w, int h, Event *out)
{
    memset(out, 0, sizeof *out);
    switch (e->type) {
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT)
            return 0;
        out->kind = e->type == SDL_MOUSEBUTTONDOWN ? EV_POINTER_DOWN : EV_POINTER_UP;
        out->x = e->button.x;
        out->y = e->button.y;
        return 1;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID || !(e->motion.state & SDL_BUTTON_LMASK))
            return 0;
        out->kind = EV_POINTER_MOVE;
        out->x = e->motion.x;
        out->y = e->motion.y;
        return 1;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        out->kind = e->type == SDL_FINGERDOWN ? EV_POINTER_DOWN
                    : e->type == SDL_FINGERUP ? EV_POINTER_UP
                                              : EV_POINTER_MOVE;
        out->x = (int)(e->tfinger.x * (float)w);
        out->y = (int)(e->tfinger.y * (float)h);
        return 1;
    case SDL_KEYDOWN:
        out->kind = EV_KEY;
        out->key = map_key(e->key.keysym.sym, e->key.keysym.mod);
        return out->key != KEY_NONE;
    default:
        return 0;
    }
}

static float display_dpi(SDL_Window *win, float forced)
{
    if (forced > 0)
        return forced;
    float ddpi = 0;
    int d = win ? SDL_GetWindowDisplayIndex(win) : 0;
    if (SDL_GetDisplayDPI(d < 0 ? 0 : d, &ddpi, NULL, NULL) == 0 && ddpi >= 60 && ddpi <= 800)
        return ddpi;
    return 160;
}

static void wire_narration(Kiosk *k)
{
    k->app.narration_exists = k->narration ? narration_exists : NULL;
    k->app.narration_ctx = k->narration;
}

static int kiosk_setup(Kiosk *k, SDL_Renderer *sdl, const KioskOptions *o, const Content *content,
                       uint64_t now)
{
    Err why = ERR_OK;
    memset(k, 0, sizeof *k);
    k->arena = arena_new(4u << 20);
    k->ren = k->arena ? render_new(sdl, o->assets_dir, o->content_dir, &why) : NULL;
    if (!k->ren) {
        log_error("cannot start the renderer: %s (fonts in %s/fonts)", err_str(why), o->assets_dir);
        arena_free(k->arena);
        return -1;
    }
    k->tm = render_metrics(k->ren);
    /* Recorded voices in CONTENT/audio win over the generated demo ones. */
    char rec[4096];
    snprintf(rec, sizeof rec, "%s/audio", o->content_dir);
    const char *dirs[] = {rec, o->narration_dir};
    k->narration = narration_index_new(dirs, 2, &why);
    if (!k->narration)
        log_warn("narration index: %s; the speaker stays off", err_str(why));
    app_init(&k->app, content, &o->cfg, now);
    wire_narration(k);
    k->app.large_text = o->large_text;
    k->app.high_contrast = o->high_contrast;
    return 0;
}

static void kiosk_teardown(Kiosk *k)
{
    audio_close(k->audio);
    narration_index_free(k->narration);
    qr_cache_clear();
    render_free(k->ren);
    arena_free(k->arena);
}

static int sdl_start(void)
{
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        log_error("SDL_Init: %s", SDL_GetError());
        return -1;
    }
    if (TTF_Init() != 0) {
        log_error("TTF_Init: %s", TTF_GetError());
        SDL_Quit();
        return -1;
    }
    IMG_Init(IMG_INIT_PNG);
    return 0;
}

static void sdl_stop(void)
{
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
}

/* ---- input scripts ---------------------------------------------------- */

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
};

static const char *const screen_names[SCREEN__COUNT] = {
    [SCREEN_ATTRACT] = "attract", [SCREEN_LANGUAGE] = "language", [SCREEN_MENU] = "menu",
    [SCREEN_SLIDE] = "slide",     [SCREEN_QUIZ] = "quiz",         [SCREEN_END] = "end",
    [SCREEN_HELP] = "help",       [SCREEN_NEUTRAL] = "neutral",
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
    step(k, &ev, *now);
    *now += 40;
    ev = (Event){.kind = EV_POINTER_MOVE, .x = (x + x2) / 2, .y = (y + y2) / 2};
    step(k, &ev, *now);
    *now += 40;
    ev = (Event){.kind = EV_POINTER_UP, .x = x2, .y = y2};
    step(k, &ev, *now);
    *now += 40;
}

/* Run one script line. Returns 0 to go on, 1 on a failed expectation or a
 * bad line (message printed). */
static int script_line(Kiosk *k, SDL_Renderer *sdl, char *line, int lineno, uint64_t *now)
{
    char cmd[32] = "", a1[128] = "", a2[64] = "";
    int n = sscanf(line, "%31s %127s %63s", cmd, a1, a2);
    if (n <= 0 || cmd[0] == '#')
        return 0;
    if (!k->ui_valid)
        rebuild(k, *now);
    if (strcmp(cmd, "wait") == 0) {
        uint64_t until = *now + (uint64_t)strtoull(a1, NULL, 10);
        /* let time act in one-second steps, as the real loop would */
        while (*now < until) {
            *now = *now + 1000 < until ? *now + 1000 : until;
            step(k, NULL, *now);
        }
        return 0;
    }
    if (strcmp(cmd, "tap") == 0) {
        for (size_t i = 0; i < sizeof widget_names / sizeof widget_names[0]; i++) {
            if (strcmp(widget_names[i].name, a1) != 0)
                continue;
            Rect r;
            WidgetId id = WIDGET(widget_names[i].kind, n >= 3 ? atoi(a2) : 0);
            if (!ui_find(&k->ui, id, &r)) {
                fprintf(stderr, "script:%d: no control '%s %s' on the %s screen\n", lineno, a1,
                        a2, screen_names[k->app.screen]);
                return 1;
            }
            pointer(k, r.x + r.w / 2, r.y + r.h / 2, r.x + r.w / 2 + 3, r.y + r.h / 2 + 2, now);
            return 0;
        }
        fprintf(stderr, "script:%d: unknown control '%s'\n", lineno, a1);
        return 1;
    }
    if (strcmp(cmd, "tap-at") == 0) {
        int x = atoi(a1), y = atoi(a2);
        pointer(k, x, y, x, y, now);
        return 0;
    }
    if (strcmp(cmd, "swipe") == 0) {
        int y = k->app.h / 2, d = k->app.w / 3;
        int left = strcmp(a1, "left") == 0;
        pointer(k, left ? k->app.w / 2 + d / 2 : k->app.w / 2 - d / 2, y,
                left ? k->app.w / 2 - d / 2 : k->app.w / 2 + d / 2, y + 5, now);
        return 0;
    }
    if (strcmp(cmd, "key") == 0) {
        static const struct {
            const char *n;
            Key k;
        } keys[] = {{"Left", KEY_LEFT},   {"Right", KEY_RIGHT},   {"Up", KEY_UP},
                    {"Down", KEY_DOWN},   {"Enter", KEY_ENTER},   {"Escape", KEY_ESCAPE},
                    {"Tab", KEY_TAB},     {"BackTab", KEY_BACKTAB}};
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
            if (strcmp(keys[i].n, a1) == 0) {
                Event ev = {.kind = EV_KEY, .key = keys[i].k};
                step(k, &ev, *now);
                *now += 50;
                return 0;
            }
        fprintf(stderr, "script:%d: unknown key '%s'\n", lineno, a1);
        return 1;
    }
    if (strcmp(cmd, "expect-screen") == 0) {
        if (strcmp(screen_names[k->app.screen], a1) != 0) {
            fprintf(stderr, "script:%d: expected the %s screen, on the %s screen\n", lineno, a1,
                    screen_names[k->app.screen]);
            return 1;
        }
        return 0;
    }
    if (strcmp(cmd, "expect-lang") == 0) {
        if (strcmp(app_lang(&k->app), a1) != 0) {
            fprintf(stderr, "script:%d: expected language %s, have %s\n", lineno, a1,
                    app_lang(&k->app));
            return 1;
        }
        return 0;
    }
    if (strcmp(cmd, "expect-slide") == 0) {
        if (k->app.slide + 1 != atoi(a1)) {
            fprintf(stderr, "script:%d: expected slide %s, on slide %d\n", lineno, a1,
                    k->app.slide + 1);
            return 1;
        }
        return 0;
    }
    if (strcmp(cmd, "expect-no-overflow") == 0) {
        if (k->ui.overflow) {
            fprintf(stderr, "script:%d: text overflows: \"%s\"\n", lineno, k->ui.overflow_text);
            return 1;
        }
        return 0;
    }
    if (strcmp(cmd, "screenshot") == 0) {
        if (!k->ui_valid)
            rebuild(k, *now);
        render_draw(k->ren, &k->ui);
        if (save_png(sdl, k->app.w, k->app.h, a1) != 0) {
            fprintf(stderr, "script:%d: cannot write %s: %s\n", lineno, a1, SDL_GetError());
            return 1;
        }
        return 0;
    }
    fprintf(stderr, "script:%d: unknown command '%s'\n", lineno, cmd);
    return 1;
}

static int run_script(Kiosk *k, SDL_Renderer *sdl, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        log_error("cannot open script %s", path);
        return 2;
    }
    char line[512];
    int lineno = 0, rc = 0;
    uint64_t now = 1000;
    /* start from a clean attract screen at script time 1000 ms, keeping the
     * configuration, window size and wiring (app_init would wipe them) */
    App fresh;
    AppConfig cfg = k->app.cfg;
    app_init(&fresh, k->app.content, &cfg, now);
    fresh.w = k->app.w;
    fresh.h = k->app.h;
    fresh.dpi = k->app.dpi;
    fresh.narration_exists = k->app.narration_exists;
    fresh.narration_ctx = k->app.narration_ctx;
    fresh.large_text = k->app.large_text;
    fresh.high_contrast = k->app.high_contrast;
    k->app = fresh;
    k->ui_valid = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        if (script_line(k, sdl, line, lineno, &now) != 0) {
            rc = 1;
            break;
        }
    }
    fclose(f);
    if (rc == 0)
        printf("script: %d lines, all expectations met\n", lineno);
    return rc;
}

/* ---- the kiosk -------------------------------------------------------- */

/* make bench measures start-up to the first presented frame, not to exit
 * (tearing down audio and threads is not what a visitor waits for): it
 * passes a pipe in TAAMA_FIRST_FRAME_FD and we write one byte to it. */
static void signal_first_frame(void)
{
    const char *fd = getenv("TAAMA_FIRST_FRAME_FD");
    if (fd && write(atoi(fd), "1", 1) != 1)
        log_warn("cannot signal the first frame");
}

static void warm_one(void *ctx, const char *name)
{
    Kiosk *k = ctx;
    if (app_goto(&k->app, name, 1000) == 0) {
        rebuild(k, 1000);
        render_draw(k->ren, &k->ui);
    }
}

/* Draw every screen once (not presented) so that fonts, shaped lines and
 * images are all cached, then return to the attract screen. */
static void warm_caches(Kiosk *k, uint64_t now)
{
    app_screen_names(&k->app, warm_one, k);
    app_wipe(&k->app, now);
    k->app.n_stats = 0;
    k->app.n_audio = 0;
    k->ui_valid = 0;
}

static uint64_t ticks(void) { return SDL_GetTicks64(); }

int kiosk_run(const KioskOptions *o, const Content *content, Stats *stats)
{
    if (sdl_start() != 0)
        return 1;
    int rc = 1;
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
    int w = o->windowed ? o->win_w : 1280, h = o->windowed ? o->win_h : 800;
    if (!o->windowed)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_Window *win = SDL_CreateWindow("Taama", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w,
                                       h, flags);
    SDL_Renderer *sdl = NULL;
    Kiosk k;
    int have_kiosk = 0;
    if (!win) {
        log_error("cannot open a window: %s", SDL_GetError());
        goto out;
    }
    sdl = SDL_CreateRenderer(win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!sdl)
        sdl = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
    if (!sdl) {
        log_error("cannot create a renderer: %s", SDL_GetError());
        goto out;
    }
    if (!o->windowed)
        SDL_ShowCursor(SDL_DISABLE);
    if (kiosk_setup(&k, sdl, o, content, ticks()) != 0)
        goto out;
    have_kiosk = 1;
    k.stats = stats;
    if (!o->script) {
        AudioOptions ao = {.volume = o->narration_volume};
        k.audio = audio_open(&ao);
    }
    SDL_GetRendererOutputSize(sdl, &w, &h);
    Event rs = {.kind = EV_RESIZE, .w = w, .h = h, .dpi = display_dpi(win, o->dpi)};
    app_update(&k.app, &rs, ticks());
    if (o->script) {
        rc = run_script(&k, sdl, o->script);
        goto out;
    }
    if (o->warm_all)
        warm_caches(&k, ticks());
    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);
#ifdef TAAMA_HAVE_SYSTEMD
    sd_notify(0, "READY=1");
    uint64_t usec = 0;
    int watchdog = sd_watchdog_enabled(0, &usec) > 0;
    uint64_t last_ping = 0;
#endif
    while (!quit_requested) {
        uint64_t now = ticks();
        /* draw first, then sleep until something can change */
        if (k.app.dirty || app_animating(&k.app, now) || !k.ui_valid) {
            rebuild(&k, now);
            render_draw(k.ren, &k.ui);
            SDL_RenderPresent(sdl);
            k.app.dirty = 0;
            if (o->exit_after_first_frame) {
                signal_first_frame();
                break;
            }
        }
        int wait = app_animating(&k.app, now) ? 0 : app_next_wake_ms(&k.app, now);
#ifdef TAAMA_HAVE_SYSTEMD
        if (watchdog) {
            int half = (int)(usec / 2000);
            if (now - last_ping >= (uint64_t)half) {
                sd_notify(0, "WATCHDOG=1");
                last_ping = now;
            }
            if (wait < 0 || wait > half)
                wait = half;
        }
#endif
        SDL_Event e;
        int got = wait < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, wait);
        now = ticks();
        while (got) {
            Event ev;
            if (e.type == SDL_QUIT) {
                quit_requested = 1;
            } else if (e.type == SDL_WINDOWEVENT &&
                       (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
                        e.window.event == SDL_WINDOWEVENT_EXPOSED)) {
                SDL_GetRendererOutputSize(sdl, &w, &h);
                ev = (Event){.kind = EV_RESIZE, .w = w, .h = h, .dpi = display_dpi(win, o->dpi)};
                step(&k, &ev, now);
            } else if (translate(&e, w, h, &ev)) {
                step(&k, &ev, now);
            }
            got = SDL_PollEvent(&e);
        }
        step(&k, NULL, now);
    }
    rc = 0;
out:
    if (have_kiosk)
        kiosk_teardown(&k);
    if (sdl)
        SDL_DestroyRenderer(sdl);
    if (win)
        SDL_DestroyWindow(win);
    sdl_stop();
    return rc;
}

/* ---- taama render ----------------------------------------------------- */

int kiosk_render(const KioskOptions *o, const Content *content, const char *lang,
                 const char *screen_name, int w, int h, const char *png_path)
{
    if (w < 100 || h < 100 || w > 8192 || h > 8192) {
        fprintf(stderr, "taama render: size %dx%d is out of range\n", w, h);
        return 1;
    }
    if (!getenv("SDL_VIDEODRIVER"))
        SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (sdl_start() != 0)
        return 1;
    int rc = 1;
    Kiosk k;
    int have = 0;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    if (!sdl) {
        fprintf(stderr, "taama render: %s\n", SDL_GetError());
        goto out;
    }
    if (kiosk_setup(&k, sdl, o, content, 1000) != 0)
        goto out;
    have = 1;
    k.app.w = w;
    k.app.h = h;
    k.app.dpi = o->dpi > 0 ? o->dpi : 160;
    int li = -1;
    for (int i = 0; i < k.app.cfg.n_langs; i++)
        if (strcmp(k.app.cfg.langs[i], lang) == 0)
            li = i;
    if (li < 0) {
        fprintf(stderr, "taama render: language '%s' is not enabled\n", lang);
        goto out;
    }
    if (app_goto(&k.app, screen_name, 1000) != 0) {
        fprintf(stderr, "taama render: unknown screen '%s' (see taama render --list)\n",
                screen_name);
        goto out;
    }
    k.app.lang = li;
    k.app.picker_choice = k.app.screen == SCREEN_LANGUAGE ? li : k.app.picker_choice;
    k.app.large_text = o->large_text;
    k.app.high_contrast = o->high_contrast;
    rebuild(&k, 1000);
    render_draw(k.ren, &k.ui);
    SDL_RenderPresent(sdl);
    if (IMG_SavePNG(surf, png_path) != 0) {
        fprintf(stderr, "taama render: cannot write %s: %s\n", png_path, IMG_GetError());
        goto out;
    }
    rc = 0;
    if (k.ui.overflow) {
        fprintf(stderr, "taama render: %d text box(es) overflow, first: \"%s\"\n", k.ui.overflow,
                k.ui.overflow_text);
        rc = 3;
    }
out:
    if (have)
        kiosk_teardown(&k);
    if (sdl)
        SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(surf);
    sdl_stop();
    return rc;
}

static void print_name(void *ctx, const char *name) { fprintf(ctx, "%s\n", name); }

void kiosk_list_screens(const Content *content, FILE *out)
{
    App a;
    app_init(&a, content, NULL, 0);
    app_screen_names(&a, print_name, out);
}

/* ---- make bench ------------------------------------------------------- */

int kiosk_bench_frames(const KioskOptions *o, const Content *content, int w, int h, int frames,
                       double *ms_out)
{
    if (!getenv("SDL_VIDEODRIVER"))
        SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (sdl_start() != 0)
        return -1;
    int n = -1;
    Kiosk k;
    int have = 0;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    if (!sdl || kiosk_setup(&k, sdl, o, content, 1000) != 0)
        goto out;
    have = 1;
    k.app.w = w;
    k.app.h = h;
    k.app.dpi = 160;
    uint64_t now = 1000;
    int mods = content_module_count(content);
    n = 0;
    for (int m = 0; n < frames && mods > 0; m = (m + 1) % mods) {
        char name[96];
        snprintf(name, sizeof name, "%s/slide-1", content_module(content, m)->id);
        app_goto(&k.app, name, now);
        const Module *mod = content_module(content, m);
        for (int s = 1; s < mod->n_slides && n < frames; s++) {
            /* a swipe: press, move, release, then the transition's frames */
            Event ev = {.kind = EV_POINTER_DOWN, .x = w * 3 / 4, .y = h / 2};
            step(&k, &ev, now);
            ev = (Event){.kind = EV_POINTER_UP, .x = w / 4, .y = h / 2};
            step(&k, &ev, now + 100);
            now += 100;
            for (uint64_t t = 0; t <= APP_ANIM_MS + 16 && n < frames; t += 16) {
                uint64_t t0 = SDL_GetPerformanceCounter();
                step(&k, NULL, now + t);
                rebuild(&k, now + t);
                render_draw(k.ren, &k.ui);
                SDL_RenderPresent(sdl);
                uint64_t t1 = SDL_GetPerformanceCounter();
                ms_out[n++] = (double)(t1 - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency();
            }
            now += APP_ANIM_MS + 32;
        }
    }
out:
    if (have)
        kiosk_teardown(&k);
    if (sdl)
        SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(surf);
    sdl_stop();
    return n;
}
