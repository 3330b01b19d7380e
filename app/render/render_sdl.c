/* render_sdl.c: choosing SDL's renderer (render_create_sdl): software
 * when the GL driver would itself be a software rasteriser, the GPU
 * otherwise; see render.h. */
#include "render/render.h"

#include <glob.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

RenderMode render_mode_parse(const char *word)
{
    if (!word || !*word || strcmp(word, "auto") == 0)
        return RENDER_MODE_AUTO;
    if (strcmp(word, "software") == 0)
        return RENDER_MODE_SOFTWARE;
    if (strcmp(word, "gpu") == 0)
        return RENDER_MODE_GPU;
    return RENDER_MODE_BAD;
}

int render_gl_is_software(const char *gl_renderer)
{
    static const char *const soft[] = {"llvmpipe", "softpipe", "swrast", "software rasterizer",
                                       "lavapipe", "swr", NULL};
    if (!gl_renderer)
        return 0;
    char low[256];
    size_t n = 0;
    for (; gl_renderer[n] && n < sizeof low - 1; n++)
        low[n] = (char)((gl_renderer[n] >= 'A' && gl_renderer[n] <= 'Z') ? gl_renderer[n] + 32
                                                                           : gl_renderer[n]);
    low[n] = 0;
    for (int i = 0; soft[i]; i++)
        if (strstr(low, soft[i]))
            return 1;
    return 0;
}

/* The GL_RENDERER string of r's context when r is one of SDL's GL
 * renderers (its context is current after creation), else NULL. */
static const char *gl_renderer_of(SDL_Renderer *r)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(r, &info) != 0 || !info.name || strncmp(info.name, "opengl", 6) != 0)
        return NULL;
    typedef const unsigned char *(*GetString)(unsigned int);
    GetString get = (GetString)(uintptr_t)SDL_GL_GetProcAddress("glGetString");
    return get ? (const char *)get(0x1F01 /* GL_RENDERER */) : NULL;
}

/* Whether a GPU render node (/dev/dri/renderD*) is there for us: without
 * one, Mesa can only rasterise in software. TAAMA_DRI_DIR replaces
 * /dev/dri (tests). */
static int have_gpu_node(void)
{
    const char *dir = getenv("TAAMA_DRI_DIR");
    char pattern[512];
    snprintf(pattern, sizeof pattern, "%s/renderD*", dir && *dir ? dir : "/dev/dri");
    glob_t g;
    int found = 0;
    if (glob(pattern, 0, NULL, &g) == 0) {
        for (size_t i = 0; i < g.gl_pathc && !found; i++)
            found = access(g.gl_pathv[i], R_OK | W_OK) == 0;
        globfree(&g);
    }
    return found;
}

static SDL_Renderer *make_software(SDL_Window *win)
{
    /* draw into the window's own framebuffer (XShm, KMS dumb buffer), not
     * through a GL texture, which would load the GL driver after all */
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    return SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
}

SDL_Renderer *render_create_sdl(SDL_Window *win, RenderMode mode, char *why, size_t whysz)
{
    char tmp[8];
    if (!why) {
        why = tmp;
        whysz = sizeof tmp;
    }
    SDL_Renderer *r = NULL;
    if (mode == RENDER_MODE_SOFTWARE) {
        r = make_software(win);
        snprintf(why, whysz, "software (asked)");
    } else if (mode == RENDER_MODE_AUTO && !have_gpu_node()) {
        /* no GPU the GL driver could use: it would be llvmpipe, and just
         * loading it to ask costs the memory we want to save */
        r = make_software(win);
        snprintf(why, whysz, "software (no GPU render node in /dev/dri, so GL would be a software rasteriser)");
    } else {
        r = SDL_CreateRenderer(win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
        const char *gl = r ? gl_renderer_of(r) : NULL;
        if (r && mode == RENDER_MODE_AUTO && render_gl_is_software(gl)) {
            char name[128];
            snprintf(name, sizeof name, "%s", gl);
            SDL_DestroyRenderer(r);
            r = make_software(win);
            snprintf(why, whysz, "software (the GL driver is %s, itself a software rasteriser)", name);
        } else if (r) {
            SDL_RendererInfo info;
            SDL_GetRendererInfo(r, &info);
            snprintf(why, whysz, "%s (%s%s)", info.name, gl ? gl : "no GL string",
                     mode == RENDER_MODE_GPU ? ", asked" : "");
        }
    }
    if (!r) { /* whatever SDL can make */
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, NULL);
        r = SDL_CreateRenderer(win, -1, 0);
        if (r) {
            SDL_RendererInfo info;
            SDL_GetRendererInfo(r, &info);
            snprintf(why, whysz, "%s (the one SDL could make)", info.name);
        }
    }
    return r;
}
