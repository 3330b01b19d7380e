/* kiosk.h: the running kiosk (window, event loop) and the two SDL tools
 * built on it: `taama render` (any screen to a PNG, no display needed) and
 * `--script FILE` (a scripted visit, for end-to-end tests).
 *
 * The loop is the only place events, time and effects meet: SDL event ->
 * kiosk_translate() -> app_update() -> effects drained to statistics and
 * audio -> ui_build() -> render_draw(), and only when something changed. */
#ifndef APP_RENDER_KIOSK_H
#define APP_RENDER_KIOSK_H

#include "app.h"
#include "stats/stats.h"

typedef struct {
    const char *assets_dir;
    const char *content_dir;
    const char *data_dir;
    const char *locale_dir;
    int windowed; /* 0: fullscreen */
    int win_w, win_h;
    float dpi;    /* 0: ask SDL */
    const char *script; /* run this input script instead of waiting for a person */
    AppConfig cfg;
    int large_text, high_contrast;
    /* for make bench: exit right after the first frame is presented; draw
     * every screen once at start-up so all images and text are cached */
    int exit_after_first_frame;
    int warm_all;
    const char *narration_dir; /* build-generated narration, after CONTENT/audio; may be NULL */
    int narration_volume;      /* 0..100 */
    /* USB sticks: the mount table to watch (NULL: /proc/self/mounts) and the
     * places removable media appear (NULL: export_default_mount_prefixes) */
    const char *mount_table;
    const char *const *mount_prefixes;
    /* the content version loaded (0: shipped with the program) and its
     * signer, for the admin screen */
    int64_t content_version;
    char content_signer[96];
    /* "software", "gpu" or "auto"/NULL: SDL's software renderer when the
     * GL driver is itself a software rasteriser (llvmpipe, softpipe, ...),
     * else the accelerated one; TAAMA_RENDERER overrides auto */
    const char *renderer;
} KioskOptions;

/* Run the kiosk until SIGTERM (or, with --windowed only, until the window
 * closes: no key and no window-manager request ends a fullscreen kiosk).
 * content is borrowed; content installed from a stick while running is
 * loaded and freed by the kiosk itself. Returns an exit code. */
int kiosk_run(const KioskOptions *o, const Content *content, Stats *stats);

/* `taama render`: draw screen_name in lang at w x h into png_path.
 * Returns 0, or 1 with a message on stderr (unknown screen, bad size). A
 * screen whose text overflowed still renders, and the overflow is reported
 * (exit code 3) so reviewers see it. */
int kiosk_render(const KioskOptions *o, const Content *content, const char *lang,
                 const char *screen_name, int w, int h, const char *png_path);

/* For make bench: draw `frames` frames of slide transitions (swiping through
 * every slide of every module, animations included) on a software renderer
 * of w x h, and store each frame's build+draw time in ms_out (milliseconds).
 * Returns the number of frames measured, or -1. */
int kiosk_bench_frames(const KioskOptions *o, const Content *content, int w, int h, int frames,
                       double *ms_out);

/* Print every screen name kiosk_render accepts, one per line. */
void kiosk_list_screens(const Content *content, FILE *out);

#endif
