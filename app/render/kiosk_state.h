/* kiosk_state.h: the running kiosk's state, shared by the loop (kiosk.c),
 * the input-script runner (script.c) and the offscreen tools (offscreen.c).
 *
 * Everything here runs on the UI thread; the admin jobs run in app/jobs/
 * and come back through kiosk_step(). Not for use outside app/render/. */
#ifndef APP_RENDER_KIOSK_STATE_H
#define APP_RENDER_KIOSK_STATE_H

#include <SDL.h>
#include <stdint.h>

#include "app.h"
#include "clock/clock.h"
#include "core/arena.h"
#include "jobs/jobs.h"
#include "render/audio.h"
#include "render/kiosk.h"
#include "render/render.h"
#include "ui/ui.h"

typedef struct {
    App app;
    Ui ui;
    Arena *arena;
    Arena *scratch; /* for screens built but not shown (prefetch) */
    Renderer *ren;
    TextMetrics tm;
    WrapCache *wrap; /* line breaks kept between frames; NULL: none */
    Stats *stats;
    NarrationIndex *narration;
    AudioPlayer *audio; /* NULL: silent (no device, or render/script) */
    int ui_valid;
    /* admin wiring */
    const KioskOptions *o;
    PinStore *pins;            /* used by the worker only, once it runs */
    JobWorker worker;
    int inline_jobs;           /* scripts: run jobs at once, on this thread */
    Content *own_content;      /* content the kiosk loaded after an install */
    int64_t content_version;
    char content_signer[96];
    char mount_table[1024];
    ExportMounts mounts;
    int mounts_primed;
    uint64_t last_poll_ms;
    /* the clock counters are dated by (app/clock/clock.h), and health */
    KioskClock clock;
    int64_t started_mono_ms, clock_saved_s, clock_saved_mono_ms;
    int64_t clock_saved_problems, clock_saved_held;
    int prev_screen;
} Kiosk;

/* SDL, SDL_ttf and SDL_image up (0) or down; log the reason on failure. */
int kiosk_sdl_start(void);
void kiosk_sdl_stop(void);

/* Renderer, arenas, narration and a fresh App for content (borrowed) on
 * sdl (borrowed). ERR_OK, or the reason (logged; nothing is left to free)
 * when the frame arena or the renderer cannot be made. The wrap cache, the
 * scratch arena and the narration are optional: without them the kiosk is
 * slower or silent. kiosk_teardown undoes it. */
ERR_MUST_USE Err kiosk_setup(Kiosk *k, SDL_Renderer *sdl, const KioskOptions *o, const Content *content,
                             uint64_t now);
void kiosk_teardown(Kiosk *k);

/* Saved settings and the PIN state into the App, then the worker. */
void kiosk_admin_start(Kiosk *k, uint64_t now);

/* Start the worker thread (unless jobs run inline). */
void kiosk_worker_start(Kiosk *k);

/* One event (or none: time passes) through app_update, its effects
 * drained and finished jobs delivered. */
void kiosk_step(Kiosk *k, Event *ev, uint64_t now);

/* Build the screen for now into k->ui. */
void kiosk_rebuild(Kiosk *k, uint64_t now);

/* Rasterise the pictures of the slides either side of the current one. */
void kiosk_prefetch_neighbours(Kiosk *k, uint64_t now);

/* Look for new USB sticks (at most every 2 s, only while idle). */
void kiosk_poll_mounts(Kiosk *k, uint64_t now);

/* ---- kiosk_effects.c ---- */

/* The wall clock in ms (the kiosk clock corrects it: app/clock). */
int64_t kiosk_wall_ms(void);

/* Load the kiosk clock's saved state from the statistics and note the
 * time zone; needs k->stats (may be NULL: nothing is kept). */
void kiosk_clock_start(Kiosk *k);

/* Record c's help contacts as the list in force from the kiosk clock's
 * today (export/contacts.h), so exports can name each QR count; at start
 * and after a content install. A failure is logged. */
void kiosk_note_contacts(Kiosk *k, const Content *c);

/* Save the clock's state when due (every hour of kiosk time, at once on a
 * new problem, each minute while counts are held), or now with force. A
 * failure is logged; the next call tries again. */
void kiosk_clock_persist(Kiosk *k, int force);

/* Take the App's effects (app_take_effects) and carry them out:
 * statistics recorded, narration applied, commands run or handed to the
 * worker. The taken copy of a PIN is wiped. */
void kiosk_drain(Kiosk *k);

/* Turn finished jobs into Events for app_update(), draining after each;
 * an installed pack's content becomes the kiosk's (see swap_content). */
void kiosk_deliver(Kiosk *k, uint64_t now);

/* Nobody is using the kiosk: the attract screen or the admin screen. */
int kiosk_idle(const Kiosk *k);

#endif
