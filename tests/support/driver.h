/* driver.h: one way for tests to drive the kiosk's pure core as a finger
 * would: build the screen, hit-test, press and release, keys, time.
 *
 * The same loop as the real kiosk (event -> app_update -> ui_build), with
 * stub text metrics and no SDL, so a test reads as a visit: tap the
 * English button, wait 10 s, expect the "still there?" screen. Suites that
 * must answer the commands the app queues (PIN checks, exports) or play
 * its audio requests set `after`, called after every touch or key. */
#ifndef TESTS_DRIVER_H
#define TESTS_DRIVER_H

#include <stdint.h>

#include "app.h"
#include "content/content.h"
#include "core/arena.h"
#include "ui/ui.h"

typedef struct Driver Driver;
struct Driver {
    App app;
    Ui ui;
    Arena *arena;
    TextMetrics tm;
    uint64_t now;
    /* called after each pointer or key event the driver sends, not after a
     * timer tick (may be NULL) */
    void (*after)(Driver *d);
};

/* App initialised on content with cfg (NULL: the defaults) at now = 1000,
 * sized w x h at dpi by an EV_RESIZE event; a 4 MiB frame arena. Aborts
 * the test on failure. */
void drv_init(Driver *d, const Content *content, const AppConfig *cfg, int w, int h, float dpi);
void drv_fini(Driver *d); /* frees the arena */

/* ---- suites that set an App up by hand ---- */

/* What such a suite shares: the shipped content (TAAMA_ROOT/content) and a
 * frame arena of 8 MiB, with i18n bound to TAAMA_ROOT/build/locale. */
typedef struct {
    Content *content;
    Arena *arena;
} DrvFixture;

/* The suite's fixture, opened by drv_fixture_setup() and freed by
 * drv_fixture_teardown(): the cmocka group set-up and tear-down such a
 * suite passes to cmocka_run_group_tests(). Set-up answers -1 when the
 * catalogues, the content or the arena cannot be had. */
extern DrvFixture drv_fx;
int drv_fixture_setup(void **st);
int drv_fixture_teardown(void **st);

/* a, initialised on content with the default configuration at now = 1000,
 * w x h at dpi, showing screen (fails the test if there is no such
 * screen) in the language lang when it is enabled. */
void drv_app_at(App *a, const Content *content, const char *screen, const char *lang, int w,
                int h, float dpi);

/* The names of every screen (`taama render --list`), in list order. */
typedef struct {
    const char *names[256];
    char store[256][64];
    int n;
} DrvNames;
void drv_screen_names(const Content *content, DrvNames *out);

/* Build the current screen into d->ui (fails the test on an error). */
void drv_build(Driver *d);
/* Build app's current screen into ui with stub metrics in arena (reset
 * first), for tests that set an App up by hand (app_goto) rather than
 * drive it; fails the test on an error. */
void drv_build_app(Ui *ui, const App *app, uint64_t now, Arena *arena);
/* One pointer event at (x, y), hit-tested on a fresh build. */
void drv_send(Driver *d, EventKind k, int x, int y);
/* Press and release at (x, y): 80 ms down, then 80 ms later. */
void drv_tap_at(Driver *d, int x, int y);
/* Press for ms, release, 80 ms later. */
void drv_press_at(Driver *d, int x, int y, uint64_t ms);
/* Tap the centre of a control, released 2 px off (a finger moves); fails
 * the test when the control is not on screen. */
void drv_tap(Driver *d, WidgetKind kind, int index);
/* 1 if the control is on the current screen. */
int drv_has(Driver *d, WidgetKind kind, int index);
/* A key press with the screen's focus order; 50 ms pass. */
void drv_key(Driver *d, Key k);
/* Let ms pass: a timer tick (no event). */
void drv_advance(Driver *d, uint64_t ms);
/* A horizontal swipe across the middle, to the next page (forward) or back. */
void drv_swipe(Driver *d, int forward);

#endif
