/* render.h: play a Ui draw list on an SDL renderer.
 *
 * Owns the TextEngine (fonts, shaped-line cache) and a bounded cache of
 * image textures (SVG pictograms rasterised at the size they are drawn,
 * PNG photos). Only this folder and main.c use SDL. Missing or broken images
 * are logged once and drawn as nothing: the kiosk never aborts on content. */
#ifndef APP_RENDER_RENDER_H
#define APP_RENDER_RENDER_H

#include <SDL.h>

#include "core/err.h"
#include "render/text.h"
#include "ui/ui.h"

typedef struct Renderer Renderer;

/* sdl is borrowed and must outlive the Renderer. assets_dir holds fonts/
 * and icons/; content_dir is where module images are resolved. NULL with
 * *why when the fonts cannot be opened. */
Renderer *render_new(SDL_Renderer *sdl, const char *assets_dir, const char *content_dir, Err *why);
void render_free(Renderer *r); /* accepts NULL */

/* Change where content images come from (after a content update). Drops
 * cached images. The string is copied. */
void render_set_content_dir(Renderer *r, const char *content_dir);

/* Text metrics matching what render_draw() draws, for ui_build(). */
TextMetrics render_metrics(Renderer *r);

/* Clear to ui->clear and draw every command in order. */
void render_draw(Renderer *r, const Ui *ui);

TextEngine *render_text_engine(Renderer *r);

/* Load (rasterise) every image ui would draw, without drawing: the loop
 * calls it while idle for the screens a visitor is likely to see next, so a
 * swipe never waits for an SVG to be rasterised. */
void render_prefetch(Renderer *r, const Ui *ui);

/* Images are decoded only when their header declares at most this many
 * pixels (a 64 MiB ARGB surface): a tiny PNG can declare 100000 x 100000
 * (a decompression bomb), so the size is read from the header first. */
#define RENDER_IMAGE_PIXELS_MAX (16L * 1024 * 1024)
#define RENDER_IMAGE_FILE_MAX (32L * 1024 * 1024) /* bytes, any image file */

/* Read the pixel size a PNG or JPEG file declares in its header, without
 * decoding it. ERR_TOOBIG when w*h exceeds RENDER_IMAGE_PIXELS_MAX or the
 * file RENDER_IMAGE_FILE_MAX; ERR_FORMAT for anything else (another format,
 * a damaged header); w and h (may be NULL) get the declared size when the
 * header was read. The renderer calls it before every PNG/JPEG decode. */
Err render_image_probe(const char *path, long *w, long *h) ERR_MUST_USE;

/* Forget what the last frame drew, so the next render_draw() draws all
 * (after the target was changed behind the Renderer's back). With the
 * software renderer, render_draw() otherwise redraws only the cells whose
 * commands changed since the previous frame. */
void render_invalidate(Renderer *r);

/* ---- choosing SDL's renderer ----
 * A GL driver that is itself a software rasteriser (Mesa's llvmpipe,
 * softpipe, swrast: virtual machines, PCs without a GPU driver) costs tens
 * of MB and doubles the start-up time for nothing: there SDL's software
 * renderer is used. Real GPUs keep the accelerated renderer. */
typedef enum {
    RENDER_MODE_AUTO = 0, /* probe: software when the GL is software */
    RENDER_MODE_SOFTWARE,
    RENDER_MODE_GPU,
    RENDER_MODE_BAD /* a word that is none of the above */
} RenderMode;

/* "auto", "software", "gpu" (NULL or "" = auto) to a RenderMode. */
RenderMode render_mode_parse(const char *word);

/* Whether a GL_RENDERER string names a software rasteriser. NULL: no. */
int render_gl_is_software(const char *gl_renderer);

/* Create the renderer for win in mode (AUTO probes the GL driver, and
 * destroys the GL renderer again when it is a software one). Falls back to
 * whatever SDL can make. Writes what was chosen and why into why (may be
 * NULL). NULL with SDL's error when nothing works. */
SDL_Renderer *render_create_sdl(SDL_Window *win, RenderMode mode, char *why, size_t whysz);

#endif
