/* kiosk.c: the running kiosk's loop and its effect dispatch.
 *
 * SDL event -> input_translate() (input.c) -> app_update() -> effects
 * drained here (statistics, audio, settings, the clock, admin jobs handed
 * to app/jobs/) -> ui_build() -> render_draw(), and only when something
 * changed. Idle costs nothing: the loop sleeps in SDL_WaitEventTimeout()
 * for exactly as long as app_next_wake_ms() says nothing will change.
 *
 * The admin screens' I/O happens here or in app/jobs/, never in the core:
 * App queues commands (check a PIN, save settings, gather facts, export,
 * install) and the jobs worker carries out the slow ones (Argon2 hashing,
 * SQLite reads, writing a stick) and hands back a result that becomes an
 * Event. Scripts (script.c) run the same jobs inline, so they stay
 * deterministic. While nobody uses the kiosk, the mount table is read at
 * most every 2 s for new sticks. The offscreen tools are in offscreen.c. */
#include "render/kiosk.h"
#include "render/input.h"
#include "render/kiosk_state.h"
#include "render/script.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <math.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "admin/pin.h"
#include "clock/clock_store.h"
#include "core/arena.h"
#include "core/fileio.h"
#include "core/log.h"
#include "export/contacts.h"
#include "export/export.h"
#include "export/health.h"
#include "i18n/i18n.h"
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

static int64_t wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Keep the clock's state at most every hour of kiosk time, at once
 * when a new problem shows, and each minute while counts are held. */
static void clock_persist(Kiosk *k, int force)
{
    KioskClock *c = &k->clock;
    int64_t m = mono_ms();
    if (!k->stats ||
        !(force || c->last_s - k->clock_saved_s >= 3600 || c->log.problems != k->clock_saved_problems ||
          (c->log.held_events != k->clock_saved_held && m - k->clock_saved_mono_ms >= 60000)))
        return;
    if (kclock_save(c, k->stats) != ERR_OK)
        log_warn("clock: state not saved");
    if (c->log.problems != k->clock_saved_problems)
        log_warn("clock: implausible (%s); counts are %s", kclock_status_name(c->status),
                 kclock_held(c) ? "held on the last good day" : "dated by the monotonic clock");
    k->clock_saved_s = c->last_s;
    k->clock_saved_mono_ms = m;
    k->clock_saved_problems = c->log.problems;
    k->clock_saved_held = c->log.held_events;
}

/* The kiosk's own day "YYYY-MM-DD" now, for health notes. */
static void kiosk_day(Kiosk *k, char day[11])
{
    KioskClock c = k->clock;
    stats_day_string(kclock_now(&c, wall_ms(), mono_ms()), k->clock.utc_offset, day);
}

static void clock_start(Kiosk *k)
{
    time_t t = time(NULL);
    struct tm lt;
    localtime_r(&t, &lt);
    kclock_load(&k->clock, k->stats, kclock_build_time());
    k->clock.utc_offset = (int32_t)lt.tm_gmtoff;
    k->started_mono_ms = mono_ms();
    kclock_now(&k->clock, wall_ms(), k->started_mono_ms);
    k->clock_saved_s = k->clock.last_s;
    k->clock_saved_problems = k->clock.log.problems - (k->clock.status != KCLOCK_OK);
    clock_persist(k, 1);
}

/* Record content's help contacts as the list in force from today, so
 * exports can name each QR count (export/contacts.h). */
static void note_contacts(Kiosk *k, const Content *c)
{
    KioskClock clk = k->clock;
    if (export_contacts_note(k->stats, c, kclock_now(&clk, wall_ms(), mono_ms())) != ERR_OK)
        log_warn("statistics: the help contact list was not recorded");
}

/* Removable mounts now, from the kiosk's current mount table. */
static void read_mounts(const Kiosk *k, ExportMounts *out)
{
    jobs_read_mounts(k->mount_table, k->o->mount_prefixes, out);
}

static JobEnv job_env(const Kiosk *k)
{
    return (JobEnv){.data_dir = k->o->data_dir,
                    .narration_dir = k->o->narration_dir,
                    .mount_prefixes = k->o->mount_prefixes,
                    .stats = k->stats,
                    .pins = k->pins};
}

/* The worker's wake-up: an SDL event that ends the loop's wait (code 0). */
static void wake_loop(void *ctx)
{
    (void)ctx;
    SDL_Event ev = {.type = SDL_USEREVENT};
    SDL_PushEvent(&ev);
}

void kiosk_worker_start(Kiosk *k)
{
    JobEnv env = job_env(k);
    if (!k->inline_jobs && jobs_worker_start(&k->worker, &env) != 0)
        k->inline_jobs = 1; /* no thread: do the work on the UI thread */
}

static void submit(Kiosk *k, const AppCmd *c)
{
    Job j;
    memset(&j, 0, sizeof j);
    j.cmd = *c;
    snprintf(j.label, sizeof j.label, "%s", k->app.settings.kiosk_name);
    j.clock = k->clock;
    j.wall_ms = wall_ms();
    j.mono_ms = mono_ms();
    j.uptime_s = (j.mono_ms - k->started_mono_ms) / 1000;
    snprintf(j.mount_table, sizeof j.mount_table, "%s", k->mount_table);
    j.content_version = k->content_version;
    snprintf(j.content_signer, sizeof j.content_signer, "%s", k->content_signer);
    JobEnv env = job_env(k);
    jobs_worker_submit(&k->worker, &env, &j, k->inline_jobs);
}

/* A short tone for Test sound, written once into the data folder. */
static int tone_file(const char *data_dir, char *path, size_t n)
{
    snprintf(path, n, "%s/test-tone.wav", data_dir);
    if (access(path, R_OK) == 0)
        return 0;
    enum { RATE = 22050, SAMPLES = RATE * 6 / 10 };
    int16_t pcm[SAMPLES]; /* 26 KB, on the UI thread's stack */
    for (int i = 0; i < SAMPLES; i++) {
        double env = i < 400 ? i / 400.0 : i > SAMPLES - 400 ? (SAMPLES - i) / 400.0 : 1.0;
        pcm[i] = (int16_t)(9000 * env * sin(2 * 3.14159265358979 * 660 * i / RATE));
    }
    unsigned char hdr[44];
    uint32_t data = SAMPLES * 2;
    memcpy(hdr, "RIFF", 4);
    uint32_t v = 36 + data;
    memcpy(hdr + 4, &v, 4);
    memcpy(hdr + 8, "WAVEfmt ", 8);
    v = 16;
    memcpy(hdr + 16, &v, 4);
    uint16_t fmt = 1, ch = 1, bits = 16, align = 2;
    memcpy(hdr + 20, &fmt, 2);
    memcpy(hdr + 22, &ch, 2);
    v = RATE;
    memcpy(hdr + 24, &v, 4);
    v = RATE * 2;
    memcpy(hdr + 28, &v, 4);
    memcpy(hdr + 32, &align, 2);
    memcpy(hdr + 34, &bits, 2);
    memcpy(hdr + 36, "data", 4);
    memcpy(hdr + 40, &data, 4);
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int ok = fwrite(hdr, 1, sizeof hdr, f) == sizeof hdr &&
             fwrite(pcm, 2, SAMPLES, f) == SAMPLES;
    return fclose(f) == 0 && ok ? 0 : -1;
}

/* Commands queued by app_update: quick ones here, slow ones to the worker. */
static void run_commands(Kiosk *k)
{
    for (int i = 0; i < k->app.n_cmds; i++) {
        AppCmd *c = &k->app.cmds[i];
        char path[1100];
        switch (c->kind) {
        case CMD_SAVE_SETTINGS: {
            Err e = k->o->data_dir ? settings_save(k->o->data_dir, &k->app.settings) : ERR_NOTFOUND;
            if (e != ERR_OK)
                log_warn("admin: settings not saved: %s", err_str(e));
            audio_set_volume(k->audio, k->app.settings.narration_volume);
            break;
        }
        case CMD_TEST_SOUND: {
            int played = k->audio && k->o->data_dir && tone_file(k->o->data_dir, path, sizeof path) == 0;
            if (played)
                audio_play(k->audio, path, "test-tone");
            char day[11], note[32];
            kiosk_day(k, day);
            snprintf(note, sizeof note, "%s %s", day, played ? "played" : "no_device");
            export_health_note(k->stats, "sound_test", note);
            break;
        }
        case CMD_CLOCK_ADJUST: {
            int64_t w = wall_ms(), m = mono_ms();
            int64_t t = kclock_now(&k->clock, w, m);
            kclock_set(&k->clock, t + c->seconds, w, m, "admin");
            clock_persist(k, 1);
            log_info("clock: set by the admin to %lld", (long long)(t + c->seconds));
            AppCmd info = {.kind = CMD_ADMIN_INFO};
            submit(k, &info);
            break;
        }
        case CMD_NONE: break;
        default: submit(k, c); break;
        }
    }
    sodium_memzero(k->app.cmds, sizeof k->app.cmds);
    k->app.n_cmds = 0;
}

/* While the visitor reads a slide, rasterise the pictures of the slides
 * before and after it (render_prefetch), so that a swipe never waits for an
 * SVG. Built in a scratch arena: the current screen's Ui stays valid. */
void kiosk_prefetch_neighbours(Kiosk *k, uint64_t now)
{
    const Module *m = app_module(&k->app);
    if (!m || k->app.screen != SCREEN_SLIDE || app_animating(&k->app, now) || !k->scratch)
        return;
    for (int d = -1; d <= 1; d += 2) {
        int s = k->app.slide + d;
        if (s < 0 || s >= m->n_slides)
            continue;
        App next = k->app;
        next.slide = s;
        next.pointer_down = 0;
        next.pressed = W_NONE;
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

/* Statistics and audio queued by app_update go out here, never from the core. */
static void drain(Kiosk *k)
{
    for (int i = 0; i < k->app.n_stats; i++) {
        StatEvent ev = k->app.stats[i];
        /* dated by the kiosk clock: held or monotonic when the system
         * clock is implausible (app/clock/clock.h) */
        time_t t = (time_t)kclock_count(&k->clock, wall_ms(), mono_ms());
        if (ev.kind == STAT_SESSION_START) {
            struct tm lt;
            localtime_r(&t, &lt);
            ev.n = lt.tm_hour;
            char touch[16]; /* the day and hour only: privacy */
            strftime(touch, sizeof touch, "%Y-%m-%d %H", &lt);
            export_health_note(k->stats, "last_touch", touch);
        }
        if (k->stats)
            stats_record(k->stats, &ev, (int64_t)t);
    }
    if (k->app.n_stats > 0)
        clock_persist(k, 0);
    k->app.n_stats = 0;
    if (k->prev_screen == SCREEN_TEST_TOUCH && k->app.screen != SCREEN_TEST_TOUCH) {
        int got = 0;
        for (int i = 0; i < APP_TOUCH_CELLS; i++)
            got += k->app.touched[i] != 0;
        char day[11], note[32];
        kiosk_day(k, day);
        snprintf(note, sizeof note, "%s %d/%d", day, got, (int)APP_TOUCH_CELLS);
        export_health_note(k->stats, "touch_test", note);
    }
    k->prev_screen = k->app.screen;
    audio_apply(k->audio, k->narration, k->app.audio, k->app.n_audio);
    k->app.n_audio = 0;
    run_commands(k);
}

static void wire_narration(Kiosk *k)
{
    k->app.narration_exists = k->narration ? narration_exists : NULL;
    k->app.narration_ctx = k->narration;
}

/* Hand finished jobs back to the state machine as Events. */
static void deliver(Kiosk *k, uint64_t now)
{
    for (;;) {
        JobResult r;
        if (!jobs_worker_take(&k->worker, &r))
            return;
        Event ev = {.err = r.err, .text = r.text, .job = r.kind};
        switch (r.kind) {
        case CMD_PIN_CHECK:
            ev.kind = EV_PIN_RESULT;
            ev.slot = r.pin.slot;
            ev.locked_ms = r.pin.locked_ms;
            break;
        case CMD_ADMIN_INFO:
            ev.kind = EV_ADMIN_INFO;
            ev.info = &r.info;
            break;
        default:
            ev.kind = EV_JOB_DONE;
            ev.content = r.content;
            break;
        }
        app_update(&k->app, &ev, now);
        if (r.content) {
            /* the App now shows the new content; the old one the kiosk
             * loaded itself can go (the program's own stays with main).
             * Its pictures and recorded voices live in the new version's
             * folder: point the renderer and the narration there too, or
             * new pictures draw as nothing and new voices stay silent. */
            if (k->app.content == r.content) {
                content_free(k->own_content);
                k->own_content = r.content;
                note_contacts(k, r.content);
                k->content_version = r.content_version;
                snprintf(k->content_signer, sizeof k->content_signer, "%s", r.content_signer);
                render_set_content_dir(k->ren, content_dir(r.content));
                narration_index_free(k->narration);
                k->narration = r.narration;
                wire_narration(k);
            } else {
                content_free(r.content);
                narration_index_free(r.narration);
            }
        }
        drain(k);
        if (k->app.dirty)
            k->ui_valid = 0;
    }
}

/* Nobody is using the kiosk: the attract screen or the admin screen. */
static int kiosk_idle(const Kiosk *k)
{
    return !k->app.in_session &&
           (k->app.screen == SCREEN_ATTRACT || k->app.screen == SCREEN_ADMIN);
}

/* Read the mount table (at most every 2 s, only while idle) and tell the
 * App about sticks mounted since the last look. The first look only
 * learns what is already there. */
void kiosk_poll_mounts(Kiosk *k, uint64_t now)
{
    if (!kiosk_idle(k) || (k->mounts_primed && now - k->last_poll_ms < 2000))
        return;
    k->last_poll_ms = now;
    ExportMounts cur, added;
    read_mounts(k, &cur);
    export_mounts_added(&k->mounts, &cur, &added);
    k->mounts = cur;
    if (!k->mounts_primed) {
        k->mounts_primed = 1;
        return;
    }
    for (int i = 0; i < added.n; i++) {
        /* a campaign time file on the stick sets the clock (signed, replay-proof) */
        int changed = 0;
        KStickResult tr = k->stats && k->o->data_dir
                              ? kclock_stick_use(&k->clock, k->stats, added.path[i], k->o->data_dir, wall_ms(),
                                                 mono_ms(), &changed)
                              : KSTICK_NONE;
        if (tr != KSTICK_NONE)
            log_warn("clock: %s%s", kclock_stick_message(tr), changed ? " The clock was set." : "");
        Event ev = {.kind = EV_STICK, .text = added.path[i],
                    .can_seal = export_campaign_key_installed(k->o->data_dir)};
        app_update(&k->app, &ev, now);
        drain(k);
    }
    if (k->app.dirty)
        k->ui_valid = 0;
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
    drain(k);
    deliver(k, now);
    if (k->app.dirty)
        k->ui_valid = 0;
}

int kiosk_setup(Kiosk *k, SDL_Renderer *sdl, const KioskOptions *o, const Content *content,
                       uint64_t now)
{
    Err why = ERR_OK;
    memset(k, 0, sizeof *k);
    k->arena = arena_new(4u << 20);
    k->scratch = arena_new(1u << 20); /* optional: without it, no prefetch */
    /* images come from where the content was loaded (an installed pack or
     * the shipped folder), not from --content */
    const char *cdir = content ? content_dir(content) : o->content_dir;
    k->ren = k->arena ? render_new(sdl, o->assets_dir, cdir, &why) : NULL;
    if (!k->ren) {
        log_error("cannot start the renderer: %s (fonts in %s/fonts)", err_str(why), o->assets_dir);
        arena_free(k->arena);
        arena_free(k->scratch);
        return -1;
    }
    k->tm = render_metrics(k->ren);
    k->wrap = ui_wrap_cache_new(); /* optional: NULL only costs speed */
    k->narration = jobs_narration_for(cdir, o->narration_dir, &why);
    if (!k->narration)
        log_warn("narration index: %s; the speaker stays off", err_str(why));
    app_init(&k->app, content, &o->cfg, now);
    wire_narration(k);
    k->app.large_text = o->large_text;
    k->app.high_contrast = o->high_contrast;
    k->o = o;
    k->content_version = o->content_version;
    snprintf(k->content_signer, sizeof k->content_signer, "%s", o->content_signer);
    snprintf(k->mount_table, sizeof k->mount_table, "%s",
             o->mount_table ? o->mount_table : "/proc/self/mounts");
    jobs_worker_init(&k->worker, wake_loop, NULL);
    return 0;
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
                 .locked_ms = k->pins ? pin_locked_ms(k->pins, wall_ms()) : 0};
    app_update(&k->app, &ev, now);
    k->app.n_audio = 0;
    kiosk_worker_start(k);
}

void kiosk_teardown(Kiosk *k)
{
    jobs_worker_stop(&k->worker);
    clock_persist(k, 1);
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
    k->app.n_stats = 0;
    k->app.n_audio = 0;
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
    k->app.dirty = 0;
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
    if (open_window(o, &win, &sdl) != 0 || kiosk_setup(&k, sdl, o, content, ticks()) != 0)
        goto out;
    have_kiosk = 1;
    k.stats = stats;
    clock_start(&k);
    note_contacts(&k, content);
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
    drain(&k);
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
