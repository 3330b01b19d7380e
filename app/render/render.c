/* render.c: the Renderer, and playing a draw list on it; see render.h.
 *
 * Images (the cache, the size probe) are in render_image.c, choosing SDL's
 * renderer in render_sdl.c, text in text.c; render_internal.h is what they
 * share. With the software renderer only the cells that changed since the
 * last frame are drawn again (the dirty rectangles below). */
#include "render/render.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/render_internal.h"

static int metrics_width(void *ctx, const char *s, size_t len, int px, int bold)
{
    return text_width(ctx, s, len, px, bold);
}

static int metrics_lh(void *ctx, int px) { return text_line_height(ctx, px); }

TextMetrics render_metrics(Renderer *r)
{
    TextMetrics m = {metrics_width, metrics_lh, r->te};
    return m;
}

TextEngine *render_text_engine(Renderer *r) { return r->te; }

Renderer *render_new(SDL_Renderer *sdl, const char *assets_dir, const char *content_dir, Err *why)
{
    Renderer *r = calloc(1, sizeof *r);
    char fonts[PATH_MAX_LEN + 8];
    if (!r) {
        if (why)
            *why = ERR_NOMEM;
        return NULL;
    }
    r->sdl = sdl;
    snprintf(r->assets, sizeof r->assets, "%s", assets_dir);
    snprintf(r->content, sizeof r->content, "%s", content_dir);
    snprintf(fonts, sizeof fonts, "%s/fonts", assets_dir);
    r->te = text_engine_new(fonts, why);
    r->grid[0] = calloc(GRID_MAX, sizeof *r->grid[0]);
    r->grid[1] = calloc(GRID_MAX, sizeof *r->grid[1]);
    r->dirty = calloc(GRID_MAX, 1);
    if (!r->te || !r->grid[0] || !r->grid[1] || !r->dirty) {
        if (r->te && why)
            *why = ERR_NOMEM;
        text_engine_free(r->te);
        free(r->grid[0]);
        free(r->grid[1]);
        free(r->dirty);
        free(r);
        return NULL;
    }
    SDL_SetRenderDrawBlendMode(sdl, SDL_BLENDMODE_BLEND);
    return r;
}

void render_free(Renderer *r)
{
    if (!r)
        return;
    render_images_drop(r);
    for (int i = 0; i < DISC_SLOTS; i++)
        if (r->discs[i].tex)
            SDL_DestroyTexture(r->discs[i].tex);
    text_engine_free(r->te);
    free(r->grid[0]);
    free(r->grid[1]);
    free(r->dirty);
    free(r);
}

/* Circles (progress dots) are white anti-aliased disc textures made once
 * per diameter, then tinted: SDL's software renderer draws geometry slowly
 * and scales blended textures slowly, and six dots would cost more than the
 * rest of a frame. */
static SDL_Texture *disc_texture(Renderer *r, int dia)
{
    DiscSlot *slot = &r->discs[0];
    for (int i = 0; i < DISC_SLOTS; i++) {
        if (r->discs[i].tex && r->discs[i].dia == dia)
            return r->discs[i].tex;
        if (!r->discs[i].tex)
            slot = &r->discs[i];
    }
    if (dia <= 0 || dia > 512)
        return NULL;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, dia, dia, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return NULL;
    float rad = dia / 2.0f;
    for (int y = 0; y < dia; y++) {
        Uint32 *row = (Uint32 *)(void *)((Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < dia; x++) {
            int in = 0; /* coverage from 4x4 samples */
            for (int sy = 0; sy < 4; sy++)
                for (int sx = 0; sx < 4; sx++) {
                    float fx = x + (sx + 0.5f) / 4 - rad, fy = y + (sy + 0.5f) / 4 - rad;
                    in += fx * fx + fy * fy <= rad * rad;
                }
            row[x] = ((Uint32)(in * 255 / 16) << 24) | 0xffffffu;
        }
    }
    if (slot->tex)
        SDL_DestroyTexture(slot->tex);
    slot->tex = SDL_CreateTextureFromSurface(r->sdl, s);
    slot->dia = dia;
    SDL_FreeSurface(s);
    if (slot->tex)
        SDL_SetTextureBlendMode(slot->tex, SDL_BLENDMODE_BLEND);
    return slot->tex;
}

static void draw_circle(Renderer *r, const DrawCmd *d)
{
    int dia = d->r.w < d->r.h ? d->r.w : d->r.h;
    SDL_Texture *t = disc_texture(r, dia);
    if (!t)
        return;
    SDL_SetTextureColorMod(t, d->color.r, d->color.g, d->color.b);
    SDL_SetTextureAlphaMod(t, d->color.a);
    SDL_RenderCopy(r->sdl, t, NULL, &(SDL_Rect){d->r.x, d->r.y, dia, dia});
}

/* Opaque fills must not use blending: the software renderer blends every
 * pixel of a rectangle when the draw blend mode is BLEND, even at full
 * alpha, which made plain backgrounds the most expensive part of a frame. */
static void set_color(Renderer *r, Color c)
{
    SDL_SetRenderDrawBlendMode(r->sdl, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r->sdl, c.r, c.g, c.b, c.a);
}

/* ---- dirty rectangles --------------------------------------------------

   With the software renderer every pixel costs CPU, and most frames change
   little (a pressed button, a countdown digit, the moving half of a slide
   transition). So, as rxi/lite does, each command's content is hashed into a
   grid of cells; only cells whose hash changed since the last frame are
   cleared and drawn again, clipped. Accelerated renderers do not keep the
   back buffer between presents, so they are always drawn whole. */

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211ull;
    return h;
}

static uint64_t cmd_hash(const DrawCmd *d)
{
    uint64_t h = 1469598103934665603ull;
    int head[10] = {d->kind, d->r.x, d->r.y, d->r.w, d->r.h, d->thick, d->px, d->bold, d->dir,
                    (d->tint << 1) | d->flip};
    h = fnv(h, head, sizeof head);
    h = fnv(h, &d->color, sizeof d->color);
    if (d->text)
        h = fnv(h, d->text, d->len); /* bytes, not the pointer: arena text reuses addresses */
    if (d->image) {
        h = fnv(h, d->image, strlen(d->image));
        h = fnv(h, &d->root, sizeof d->root);
    }
    if (d->qr)
        h = fnv(h, d->qr, (size_t)d->qr_size * (size_t)d->qr_size);
    return h;
}

/* Hash every command into the cells it covers; mark cells that differ from
 * the last frame. Returns the number of dirty cells, or -1 to draw all. */
static int mark_dirty(Renderer *r, const Ui *ui, int w, int h)
{
    int cols = (w + CELL - 1) / CELL, rows = (h + CELL - 1) / CELL;
    if (cols * rows > GRID_MAX)
        return -1;
    uint64_t *cur = r->grid[r->grid_cur ^ 1];
    uint64_t base = fnv(1469598103934665603ull, &ui->clear, sizeof ui->clear);
    for (int i = 0; i < cols * rows; i++)
        cur[i] = base;
    for (int i = 0; i < ui->n_cmds; i++) {
        const DrawCmd *d = &ui->cmds[i];
        uint64_t ch = cmd_hash(d);
        int x0 = d->r.x, y0 = d->r.y, x1 = d->r.x + d->r.w, y1 = d->r.y + d->r.h;
        if (d->kind == DRAW_TEXT) /* a line's ink reaches past its layout box */
            y0 -= d->r.h, y1 += d->r.h;
        if (x1 <= 0 || y1 <= 0 || x0 >= w || y0 >= h)
            continue;
        int c0 = x0 < 0 ? 0 : x0 / CELL, c1 = (x1 >= w ? w - 1 : x1 - 1) / CELL;
        int r0 = y0 < 0 ? 0 : y0 / CELL, r1 = (y1 >= h ? h - 1 : y1 - 1) / CELL;
        for (int y = r0; y <= r1; y++)
            for (int x = c0; x <= c1; x++)
                cur[y * cols + x] = (cur[y * cols + x] ^ ch) * 1099511628211ull;
    }
    int full = r->grid_w != w || r->grid_h != h || !r->grid_valid;
    uint64_t *prev = r->grid[r->grid_cur];
    int n = 0;
    for (int i = 0; i < cols * rows; i++) {
        r->dirty[i] = full || cur[i] != prev[i];
        n += r->dirty[i];
    }
    r->grid_cur ^= 1;
    r->grid_w = w;
    r->grid_h = h;
    r->grid_valid = 1;
    return full ? -1 : n;
}

/* A QR code with its quiet zone of 4 modules, as the QR standard requires,
 * on white, each module a whole number of pixels. */
static void draw_qr(Renderer *r, const DrawCmd *d)
{
    if (d->qr_size <= 0)
        return;
    int total = d->qr_size + 8;
    int m = (d->r.w < d->r.h ? d->r.w : d->r.h) / total;
    if (m < 1)
        m = 1;
    int ox = d->r.x + (d->r.w - m * total) / 2, oy = d->r.y + (d->r.h - m * total) / 2;
    set_color(r, (Color){255, 255, 255, 255});
    SDL_RenderFillRect(r->sdl, &(SDL_Rect){ox, oy, m * total, m * total});
    set_color(r, (Color){0, 0, 0, 255});
    for (int y = 0; y < d->qr_size; y++)
        for (int x = 0; x < d->qr_size; x++)
            if (d->qr[y * d->qr_size + x])
                SDL_RenderFillRect(r->sdl, &(SDL_Rect){ox + (x + 4) * m, oy + (y + 4) * m, m, m});
}

/* One line of text, in the context of its paragraph when it has one. A
 * failure is logged once by the text engine and the line is skipped (the
 * kiosk never aborts on text): nothing more to do with it here. */
static void draw_text(Renderer *r, const DrawCmd *d)
{
    Err e;
    if (d->para && d->text >= d->para && d->len <= d->para_len &&
        (size_t)(d->text - d->para) <= d->para_len - d->len)
        e = text_draw_para_line(r->te, r->sdl, d->para, d->para_len, (size_t)(d->text - d->para),
                                d->len, d->px, d->bold, d->dir, d->color, d->r.x, d->r.y);
    else
        e = text_draw_line(r->te, r->sdl, d->text, d->len, d->px, d->bold, d->dir, d->color,
                           d->r.x, d->r.y);
    (void)e;
}

static void draw_cmds(Renderer *r, const Ui *ui, const SDL_Rect *clip)
{
    for (int i = 0; i < ui->n_cmds; i++) {
        const DrawCmd *d = &ui->cmds[i];
        SDL_Rect sr = {d->r.x, d->r.y, d->r.w, d->r.h};
        if (clip) {
            SDL_Rect test = sr;
            if (d->kind == DRAW_TEXT) {
                test.y -= test.h;
                test.h *= 3;
            }
            if (!SDL_HasIntersection(&test, clip))
                continue;
        }
        switch (d->kind) {
        case DRAW_RECT:
            set_color(r, d->color);
            SDL_RenderFillRect(r->sdl, &sr);
            break;
        case DRAW_FRAME: {
            int t = d->thick > 0 ? d->thick : 1;
            SDL_Rect e[4] = {{sr.x, sr.y, sr.w, t},
                             {sr.x, sr.y + sr.h - t, sr.w, t},
                             {sr.x, sr.y, t, sr.h},
                             {sr.x + sr.w - t, sr.y, t, sr.h}};
            set_color(r, d->color);
            SDL_RenderFillRects(r->sdl, e, 4);
            break;
        }
        case DRAW_TEXT:
            draw_text(r, d);
            break;
        case DRAW_IMAGE:
            render_image_draw(r, ui, i);
            break;
        case DRAW_CIRCLE:
            draw_circle(r, d);
            break;
        case DRAW_QR:
            draw_qr(r, d);
            break;
        }
    }
}


void render_draw(Renderer *r, const Ui *ui)
{
    int w = 0, h = 0;
    SDL_RendererInfo info;
    int software = SDL_GetRendererInfo(r->sdl, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE);
    SDL_GetRendererOutputSize(r->sdl, &w, &h);
    int n = software ? mark_dirty(r, ui, w, h) : -1;
    if (n < 0) {
        set_color(r, ui->clear);
        SDL_RenderClear(r->sdl);
        draw_cmds(r, ui, NULL);
        return;
    }
    /* merge dirty cells into horizontal runs per row, and runs of the same
     * span on consecutive rows into one rectangle */
    int cols = (w + CELL - 1) / CELL, rows = (h + CELL - 1) / CELL;
    SDL_Rect open[GRID_COLS_MAX];
    int n_open = 0;
    for (int y = 0; y <= rows; y++) {
        SDL_Rect runs[GRID_COLS_MAX];
        int n_runs = 0;
        for (int x = 0; y < rows && x < cols;) {
            if (!r->dirty[y * cols + x]) {
                x++;
                continue;
            }
            int x0 = x;
            while (x < cols && r->dirty[y * cols + x])
                x++;
            runs[n_runs++] = (SDL_Rect){x0 * CELL, y * CELL, (x - x0) * CELL, CELL};
        }
        /* extend open rectangles whose span continues; flush the others */
        SDL_Rect next[GRID_COLS_MAX];
        int n_next = 0;
        for (int i = 0; i < n_open; i++) {
            int k = -1;
            for (int j = 0; j < n_runs; j++)
                if (runs[j].w > 0 && runs[j].x == open[i].x && runs[j].w == open[i].w)
                    k = j;
            if (k >= 0) {
                open[i].h += CELL;
                runs[k].w = 0;
                next[n_next++] = open[i];
            } else {
                SDL_Rect c = open[i];
                if (c.x + c.w > w)
                    c.w = w - c.x;
                if (c.y + c.h > h)
                    c.h = h - c.y;
                SDL_RenderSetClipRect(r->sdl, &c);
                set_color(r, ui->clear);
                SDL_RenderFillRect(r->sdl, &c);
                draw_cmds(r, ui, &c);
            }
        }
        for (int j = 0; j < n_runs; j++)
            if (runs[j].w > 0)
                next[n_next++] = runs[j];
        memcpy(open, next, sizeof next[0] * (size_t)n_next);
        n_open = n_next;
    }
    SDL_RenderSetClipRect(r->sdl, NULL);
}

void render_invalidate(Renderer *r) { r->grid_valid = 0; }
