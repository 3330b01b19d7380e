/* offscreen.c: the kiosk's screens drawn without a window: `taama render`
 * (any screen to a PNG, for reviewers and the snapshot tests), `taama
 * render --list`, and make bench's slide-transition frames. Each draws on
 * SDL's software renderer into a surface, with SDL's dummy video driver
 * unless one is set. */
#include "render/kiosk.h"

#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/kiosk_state.h"

int kiosk_render(const KioskOptions *o, const Content *content, const char *lang,
                 const char *screen_name, int w, int h, const char *png_path)
{
    if (w < 100 || h < 100 || w > 8192 || h > 8192) {
        fprintf(stderr, "taama render: size %dx%d is out of range\n", w, h);
        return 1;
    }
    if (!getenv("SDL_VIDEODRIVER"))
        SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (kiosk_sdl_start() != 0)
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
    if (kiosk_setup(&k, sdl, o, content, 1000) != ERR_OK)
        goto out;
    have = 1;
    app_set_display(&k.app, w, h, o->dpi);
    int li = -1;
    for (int i = 0; i < k.app.wiring.cfg.n_langs; i++)
        if (strcmp(k.app.wiring.cfg.langs[i], lang) == 0)
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
    app_show_in(&k.app, li);
    app_set_access(&k.app, o->large_text, o->high_contrast);
    kiosk_rebuild(&k, 1000);
    render_draw(k.ren, &k.ui);
    SDL_RenderPresent(sdl);
    if (IMG_SavePNG(surf, png_path) != 0) {
        fprintf(stderr, "taama render: cannot write %s: %s\n", png_path, IMG_GetError());
        goto out;
    }
    rc = 0;
    if (k.ui.overflow) {
        fprintf(stderr, "taama render: %s %s %dx%d: %d text box(es) overflow, first: \"%s\"\n",
                screen_name, lang, w, h, k.ui.overflow, k.ui.overflow_text);
        rc = 3;
    }
    const char *small_line = NULL;
    size_t small_len = 0;
    int small = ui_smallest_text(&k.ui, &small_line, &small_len);
    if (small && small < ui_min_text_px(k.app.wiring.dpi)) {
        fprintf(stderr, "taama render: %s %s %dx%d: text at %d px, under the %d px minimum: "
                "\"%.*s\"\n", screen_name, lang, w, h, small, ui_min_text_px(k.app.wiring.dpi),
                (int)small_len, small_line);
        rc = 3;
    }
out:
    if (have)
        kiosk_teardown(&k);
    if (sdl)
        SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(surf);
    kiosk_sdl_stop();
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
    if (kiosk_sdl_start() != 0)
        return -1;
    int n = -1;
    Kiosk k;
    int have = 0;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = surf ? SDL_CreateSoftwareRenderer(surf) : NULL;
    if (!sdl || kiosk_setup(&k, sdl, o, content, 1000) != ERR_OK)
        goto out;
    have = 1;
    app_set_display(&k.app, w, h, 160);
    uint64_t now = 1000;
    int mods = content_module_count(content);
    n = 0;
    for (int m = 0; n < frames && mods > 0; m = (m + 1) % mods) {
        char name[96];
        snprintf(name, sizeof name, "%s/slide-1", content_module(content, m)->id);
        app_goto(&k.app, name, now);
        /* opening the module is not a swipe: its frame is drawn (and the
         * neighbours prefetched, as when idle) before measuring */
        kiosk_step(&k, NULL, now);
        kiosk_rebuild(&k, now);
        render_draw(k.ren, &k.ui);
        kiosk_prefetch_neighbours(&k, now);
        const Module *mod = content_module(content, m);
        for (int s = 1; s < mod->n_slides && n < frames; s++) {
            /* a swipe: press, move, release, then the transition's frames */
            Event ev = {.kind = EV_POINTER_DOWN, .x = w * 3 / 4, .y = h / 2};
            kiosk_step(&k, &ev, now);
            ev = (Event){.kind = EV_POINTER_UP, .x = w / 4, .y = h / 2};
            kiosk_step(&k, &ev, now + 100);
            now += 100;
            for (uint64_t t = 0; t <= APP_ANIM_MS + 16 && n < frames; t += 16) {
                uint64_t t0 = SDL_GetPerformanceCounter();
                kiosk_step(&k, NULL, now + t);
                kiosk_rebuild(&k, now + t);
                render_draw(k.ren, &k.ui);
                SDL_RenderPresent(sdl);
                uint64_t t1 = SDL_GetPerformanceCounter();
                ms_out[n++] = (double)(t1 - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency();
            }
            now += APP_ANIM_MS + 32;
            kiosk_prefetch_neighbours(&k, now); /* what the real loop does once idle */
        }
    }
out:
    if (have)
        kiosk_teardown(&k);
    if (sdl)
        SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(surf);
    kiosk_sdl_stop();
    return n;
}
