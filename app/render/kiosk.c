/* kiosk.c: the running kiosk's loop.
 *
 * SDL event -> input_translate() (input.c) -> app_update() -> effects
 * taken and carried out by kiosk_effects.c (statistics, audio, settings,
 * the clock, admin jobs handed to app/jobs/) -> ui_build() ->
 * render_draw(), and only when something changed. Idle costs nothing: the
 * loop sleeps in SDL_WaitEventTimeout() for exactly as long as
 * app_next_wake_ms() says nothing will change.
 *
 * The admin screens' I/O happens in kiosk_effects.c or app/jobs/, never in
 * the core. Scripts (script.c) run the same jobs inline, so they stay
 * deterministic. The offscreen tools are in offscreen.c. */
#include "render/kiosk.h"
#include "render/input.h"
#include "render/kiosk_state.h"
#include "render/script.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "admin/pin.h"
#include "core/log.h"
#include "jobs/jobs.h"
#include "narration/narration.h"
#include "settings/settings.h"
#include "qr/qr.h"
#include "render/audio.h"
#include "render/render.h"
#include "ui/ui.h"

#ifdef TAAMA_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

/* The worker's wake-up: an SDL event that ends the loop's wait (code 0). */
static void wake_loop(void *ctx)
{
    (void)ctx;
    SDL_Event ev = {.type = SDL_USEREVENT};
    SDL_PushEvent(&ev);
}

/* While the visitor reads a slide, rasterise the pictures of the slides
 * before and after it (render_prefetch), so that a swipe never waits for an
 * SVG. Built in a scratch arena: the current screen's Ui stays valid. */
void kiosk_prefetch_neighbours(Kiosk *k, uint64_t now)
{
    const Module *m = app_module(&k->app);
    if (!m || k->app.visit.screen != SCREEN_SLIDE || app_animating(&k->app, now) || !k->scratch)
        return;
    for (int d = -1; d <= 1; d += 2) {
        int s = k->app.visit.slide + d;
        if (s < 0 || s >= m->n_slides)
            continue;
        App next;
        app_peek_slide(&k->app, s, &next);
        Ui ui;
        arena_reset(k->scratch);
        if (ui_build_cached(&ui, &next, now, &k->tm, k->scratch, k->wrap) == ERR_OK)
            render_prefetch(k->ren, &ui);
    }
}

void kiosk_rebuild(Kiosk *k, uint64_t now)
{
    arena_reset(k->arena);
    if (ui_build_cached(&k->ui, &k->app, now, &k->tm, k->arena, k->wrap) != ERR_OK)
        log_warn("frame arena exhausted; screen drawn partially");
    k->ui_valid = 1;
}

void kiosk_step(Kiosk *k, Event *ev, uint64_t now)
{
    if (!k->ui_valid)
        kiosk_rebuild(k, now);
    WidgetId order[128];
    if (ev && ev->kind == EV_KEY) {
        ev->n_focus = ui_focus_order(&k->ui, order, 128);
        ev->focus_order = order;
    }
    if (ev && (ev->kind == EV_POINTER_DOWN || ev->kind == EV_POINTER_UP))
        ev->widget = ui_hit(&k->ui, ev->x, ev->y);
    if (ev) { /* the time of day, for the neutral page's clock */
        time_t t = time(NULL);
        struct tm lt;
        if (t != (time_t)-1 && localtime_r(&t, &lt))
            ev->clock_min = lt.tm_hour * 60 + lt.tm_min + 1;
    }
    app_update(&k->app, ev, now);
    kiosk_drain(k);
    kiosk_deliver(k, now);
    if (k->app.dirty)
        k->ui_valid = 0;
}

Err kiosk_setup(Kiosk *k, SDL_Renderer *sdl, const KioskOptions *o, const Content *content,
                uint64_t now)
{
    Err why = ERR_NOMEM;
    memset(k, 0, sizeof *k);
    /* images come from where the content was loaded (an installed pack or
     * the shipped folder), not from --content */
    const char *cdir = content ? content_dir(content) : o->content_dir;
    k->arena = arena_new(4u << 20);
    k->scratch = arena_new(1u << 20); /* optional: without it, no prefetch */
    if (!k->arena)
        goto fail;
    k->ren = render_new(sdl, o->assets_dir, cdir, &why);
    if (!k->ren)
        goto fail;
    k->tm = render_metrics(k->ren);
    k->wrap = ui_wrap_cache_new(); /* optional: NULL only costs speed */
    k->narration = jobs_narration_for(cdir, o->narration_dir, &why);
    if (!k->narration)
        log_warn("narration index: %s; the speaker stays off", err_str(why));
    app_init(&k->app, content, &o->cfg, now);
    app_set_narration(&k->app, k->narration ? narration_exists : NULL, k->narration);
    app_set_access(&k->app, o->large_text, o->high_contrast);
    k->o = o;
    k->content_version = o->content_version;
    snprintf(k->content_signer, sizeof k->content_signer, "%s", o->content_signer);
    snprintf(k->mount_table, sizeof k->mount_table, "%s",
             o->mount_table ? o->mount_table : "/proc/self/mounts");
    jobs_worker_init(&k->worker, wake_loop, NULL);
    return ERR_OK;
fail:
    if (why == ERR_OK)
        why = ERR_INVALID; /* a failure must not read as success */
    log_error("cannot start the renderer: %s (fonts in %s/fonts)", err_str(why), o->assets_dir);
    arena_free(k->arena);
    arena_free(k->scratch);
    memset(k, 0, sizeof *k);
    return why;
}

/* The running kiosk (and scripts) start from the saved settings and the
 * PIN's state: without an admin PIN visitors are served and the admin
 * gesture only says that the installer sets it. */
void kiosk_admin_start(Kiosk *k, uint64_t now)
{
    if (!k->o->data_dir)
        return;
    Settings st;
    settings_load(k->o->data_dir, &st);
    /* languages and timeout as main.c applied them (a --timeout wins) */
    if (k->o->cfg.timeout_s >= SETTINGS_TIMEOUT_MIN_S &&
        k->o->cfg.timeout_s <= SETTINGS_TIMEOUT_MAX_S)
        st.inactivity_timeout_s = k->o->cfg.timeout_s;
    Event ev = {.kind = EV_SETTINGS, .settings = &st};
    app_update(&k->app, &ev, now);
    Err why = ERR_OK;
    k->pins = pin_open(k->o->data_dir, &why);
    if (!k->pins)
        log_error("admin PIN store: %s", err_str(why));
    ev = (Event){.kind = EV_PIN_STATE,
                 .pin_set = k->pins ? pin_is_set(k->pins, PIN_SLOT_ADMIN) : 1,
                 .locked_ms = k->pins ? pin_locked_ms(k->pins, kiosk_wall_ms()) : 0};
    app_update(&k->app, &ev, now);
    /* start-up replies queue only narration, and nothing has been shown */
    app_take_effects(&k->app, NULL);
    kiosk_worker_start(k);
}

void kiosk_teardown(Kiosk *k)
{
    jobs_worker_stop(&k->worker);
    kiosk_clock_persist(k, 1);
    pin_close(k->pins);
    content_free(k->own_content);
    audio_close(k->audio);
    narration_index_free(k->narration);
    qr_cache_clear();
    render_free(k->ren);
    arena_free(k->arena);
    arena_free(k->scratch);
    ui_wrap_cache_free(k->wrap);
}

int kiosk_sdl_start(void)
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

void kiosk_sdl_stop(void)
{
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
}

/* A newer narration is loading or playing: an end reported just before it
 * was asked for is stale. */
static int audio_busy(AudioPlayer *p)
{
    AudioStatus st;
    audio_status(p, &st);
    return st.loading || st.playing;
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

/* Evicted textures and surfaces leave free blocks in the heap that glibc
 * keeps resident; hand them back to the system when the kiosk goes idle
 * (after warming the caches, and when a visit ends). */
static void give_back_memory(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

static void warm_one(void *ctx, const char *name)
{
    Kiosk *k = ctx;
    if (app_goto(&k->app, name, 1000) == 0) {
        kiosk_rebuild(k, 1000);
        render_draw(k->ren, &k->ui);
    }
}

/* Draw every screen once (not presented) so that fonts, shaped lines and
 * images are all cached, then return to the attract screen. */
static void warm_caches(Kiosk *k, uint64_t now)
{
    app_screen_names(&k->app, warm_one, k);
    app_wipe(&k->app, now);
    /* what the screens queued while warming (statistics, narration, facts
     * for the admin screen) was never seen by anyone */
    app_take_effects(&k->app, NULL);
    k->ui_valid = 0;
    give_back_memory();
}

static uint64_t ticks(void) { return SDL_GetTicks64(); }

/* The window and its renderer: 0, or -1 with the reason logged (the
 * caller destroys what was created). */
static int open_window(const KioskOptions *o, SDL_Window **win, SDL_Renderer **sdl)
{
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
    int w = o->windowed ? o->win_w : 1280, h = o->windowed ? o->win_h : 800;
    if (!o->windowed)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    *win = SDL_CreateWindow("Taama", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!*win) {
        log_error("cannot open a window: %s", SDL_GetError());
        return -1;
    }
    /* --renderer, else TAAMA_RENDERER, else auto (main.c checked the option) */
    RenderMode mode = render_mode_parse(o->renderer ? o->renderer : getenv("TAAMA_RENDERER"));
    if (mode == RENDER_MODE_BAD) {
        log_warn("TAAMA_RENDERER=%s is not auto, software or gpu; using auto", getenv("TAAMA_RENDERER"));
        mode = RENDER_MODE_AUTO;
    }
    char chose[256];
    *sdl = render_create_sdl(*win, mode, chose, sizeof chose);
    if (!*sdl) {
        log_error("cannot create a renderer: %s", SDL_GetError());
        return -1;
    }
    log_info("renderer: %s", chose);
    if (!o->windowed)
        SDL_ShowCursor(SDL_DISABLE);
    return 0;
}

/* The window's pixel size and DPI into the App. */
static void resize(Kiosk *k, SDL_Renderer *sdl, SDL_Window *win, int *w, int *h, uint64_t now)
{
    SDL_GetRendererOutputSize(sdl, w, h);
    Event rs = {.kind = EV_RESIZE, .w = *w, .h = *h, .dpi = input_display_dpi(win, k->o->dpi)};
    kiosk_step(k, &rs, now);
}

/* systemd's watchdog: ping at half its period (no-op without systemd). */
typedef struct {
    int on;
    uint64_t usec, last_ping;
} Watchdog;

static void watchdog_start(Watchdog *wd)
{
    memset(wd, 0, sizeof *wd);
#ifdef TAAMA_HAVE_SYSTEMD
    sd_notify(0, "READY=1");
    wd->on = sd_watchdog_enabled(0, &wd->usec) > 0;
#endif
}

/* Ping when due; returns wait (ms, -1: forever) cut to the half period. */
static int watchdog_ping(Watchdog *wd, uint64_t now, int wait)
{
#ifdef TAAMA_HAVE_SYSTEMD
    if (wd->on) {
        int half = (int)(wd->usec / 2000);
        if (now - wd->last_ping >= (uint64_t)half) {
            sd_notify(0, "WATCHDOG=1");
            wd->last_ping = now;
        }
        if (wait < 0 || wait > half)
            wait = half;
    }
#else
    (void)wd;
    (void)now;
#endif
    return wait;
}

/* Draw when the state is dirty or an animation runs. Returns 1 when the
 * kiosk should stop (make bench's first frame). */
static int draw_if_needed(Kiosk *k, SDL_Renderer *sdl, uint64_t now)
{
    if (!(k->app.dirty || app_animating(&k->app, now) || !k->ui_valid))
        return 0;
    kiosk_rebuild(k, now);
    render_draw(k->ren, &k->ui);
    SDL_RenderPresent(sdl);
    app_take_dirty(&k->app);
    if (k->o->exit_after_first_frame) {
        signal_first_frame();
        return 1;
    }
    kiosk_prefetch_neighbours(k, now);
    return 0;
}

/* How long the loop may sleep (ms, -1: until an event). */
static int sleep_ms(const Kiosk *k, uint64_t now)
{
    int wait = app_animating(&k->app, now) ? 0 : app_next_wake_ms(&k->app, now);
    if (kiosk_idle(k) && (wait < 0 || wait > 2000))
        wait = 2000; /* look for sticks */
    return wait;
}

/* One SDL event into the kiosk. */
static void on_sdl_event(Kiosk *k, SDL_Renderer *sdl, SDL_Window *win, const SDL_Event *e, int *w,
                         int *h, uint64_t now)
{
    Event ev;
    if (e->type == SDL_QUIT) {
        /* a window manager's close (or Alt+F4) ends only a windowed kiosk;
         * a fullscreen one stops only for SIGTERM */
        if (k->o->windowed)
            input_request_quit();
    } else if (e->type == SDL_WINDOWEVENT && (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
                                              e->window.event == SDL_WINDOWEVENT_EXPOSED)) {
        render_invalidate(k->ren); /* the window's pixels may be gone */
        resize(k, sdl, win, w, h, now);
    } else if (input_translate(e, *w, *h, &ev) && !(ev.kind == EV_AUDIO_ENDED && audio_busy(k->audio))) {
        kiosk_step(k, &ev, now);
    }
}

/* Draw, sleep until something can change, take the events; until SIGTERM. */
static void run_loop(Kiosk *k, SDL_Renderer *sdl, SDL_Window *win, int w, int h)
{
    Watchdog wd;
    watchdog_start(&wd);
    while (!input_quit_requested()) {
        uint64_t now = ticks();
        /* draw first, then sleep until something can change */
        if (draw_if_needed(k, sdl, now))
            break;
        int wait = watchdog_ping(&wd, now, sleep_ms(k, now));
        SDL_Event e;
        int got = wait < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, wait);
        now = ticks();
        while (got) {
            on_sdl_event(k, sdl, win, &e, &w, &h, now);
            got = SDL_PollEvent(&e);
        }
        kiosk_step(k, NULL, now);
        kiosk_poll_mounts(k, now);
    }
}

int kiosk_run(const KioskOptions *o, const Content *content, Stats *stats)
{
    if (kiosk_sdl_start() != 0)
        return 1;
    input_quit_watch_start();
    int rc = 1, w = 0, h = 0, have_kiosk = 0;
    SDL_Window *win = NULL;
    SDL_Renderer *sdl = NULL;
    Kiosk k;
    if (open_window(o, &win, &sdl) != 0 || kiosk_setup(&k, sdl, o, content, ticks()) != ERR_OK)
        goto out;
    have_kiosk = 1;
    k.stats = stats;
    kiosk_clock_start(&k);
    kiosk_note_contacts(&k, content);
    if (!o->script) {
        AudioOptions ao = {.volume = o->narration_volume, .on_end = input_audio_ended};
        k.audio = audio_open(&ao);
    }
    SDL_GetRendererOutputSize(sdl, &w, &h);
    Event rs = {.kind = EV_RESIZE, .w = w, .h = h, .dpi = input_display_dpi(win, o->dpi)};
    app_update(&k.app, &rs, ticks());
    if (o->script) {
        rc = script_run(&k, sdl, o->script);
        goto out;
    }
    if (o->warm_all)
        warm_caches(&k, ticks());
    kiosk_admin_start(&k, ticks());
    kiosk_drain(&k);
    run_loop(&k, sdl, win, w, h);
    rc = 0;
out:
    if (have_kiosk)
        kiosk_teardown(&k);
    if (sdl)
        SDL_DestroyRenderer(sdl);
    if (win)
        SDL_DestroyWindow(win);
    input_quit_watch_stop();
    kiosk_sdl_stop();
    return rc;
}
