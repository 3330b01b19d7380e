/* render_image.c: the image cache of the Renderer, and reading an image's
 * declared size before decoding it.
 *
 * Images are cached by (root, path, pixel size): an SVG is rasterised once
 * at the size it is shown, so pictograms stay sharp from a phone to a 1080p
 * kiosk without scaling blur. The cache has a fixed number of slots and a
 * pixel budget, and evicts the least recently used. A PNG or JPEG is
 * decoded only after its header declared a size within the limits
 * (render.h), so a decompression bomb costs a few bytes read. */
#include "render/render.h"

#include <SDL_image.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/log.h"
#include "render/render_internal.h"

static void slot_drop(Renderer *r, ImgSlot *s);

void render_images_drop(Renderer *r)
{
    for (int i = 0; i < IMG_SLOTS; i++)
        slot_drop(r, &r->slots[i]);
}

void render_set_content_dir(Renderer *r, const char *content_dir)
{
    snprintf(r->content, sizeof r->content, "%s", content_dir);
    render_images_drop(r);
    r->n_failed = 0;
}

static int failed_before(Renderer *r, const char *path)
{
    for (int i = 0; i < r->n_failed; i++)
        if (strcmp(r->failed[i], path) == 0)
            return 1;
    /* a path too long to keep whole is not remembered (it would match others) */
    if (r->n_failed < FAILED_MAX &&
        snprintf(r->failed[r->n_failed], PATH_MAX_LEN, "%s", path) < PATH_MAX_LEN)
        r->n_failed++;
    return 0;
}

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

static Uint32 pack_color(Color c) { return (Uint32)c.r << 24 | (Uint32)c.g << 16 | (Uint32)c.b << 8 | c.a; }

static void slot_drop(Renderer *r, ImgSlot *s)
{
    if (s->tex) {
        SDL_DestroyTexture(s->tex);
        r->img_pixels -= (long)s->tw * s->th;
    }
    memset(s, 0, sizeof *s);
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* A JPEG's size: the first start-of-frame segment's height and width.
 * Segments are walked by their lengths, at most 256 of them. */
static Err jpeg_size(FILE *f, long *w, long *h)
{
    unsigned char m[9];
    for (int seg = 0; seg < 256; seg++) {
        if (fread(m, 1, 4, f) != 4 || m[0] != 0xFF)
            return ERR_FORMAT;
        while (m[1] == 0xFF) { /* fill bytes before a marker */
            m[1] = m[2];
            m[2] = m[3];
            if (fread(m + 3, 1, 1, f) != 1)
                return ERR_FORMAT;
        }
        unsigned len = (unsigned)m[2] << 8 | m[3];
        int sof = m[1] >= 0xC0 && m[1] <= 0xCF && m[1] != 0xC4 && m[1] != 0xC8 && m[1] != 0xCC;
        if (sof) {
            if (len < 7 || fread(m, 1, 5, f) != 5)
                return ERR_FORMAT;
            *h = (long)m[1] << 8 | m[2];
            *w = (long)m[3] << 8 | m[4];
            return ERR_OK;
        }
        if (len < 2 || fseek(f, (long)len - 2, SEEK_CUR) != 0)
            return ERR_FORMAT;
    }
    return ERR_FORMAT;
}

Err render_image_probe(const char *path, long *w_out, long *h_out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return ERR_NOTFOUND;
    Err e = ERR_FORMAT;
    long w = 0, h = 0, size = -1;
    unsigned char hd[24];
    if (fseek(f, 0, SEEK_END) == 0)
        size = ftell(f);
    if (size < 0 || fseek(f, 0, SEEK_SET) != 0)
        goto done;
    if (size > RENDER_IMAGE_FILE_MAX) {
        e = ERR_TOOBIG;
        goto done;
    }
    if (fread(hd, 1, sizeof hd, f) == sizeof hd &&
        memcmp(hd, "\x89PNG\r\n\x1a\n", 8) == 0 && memcmp(hd + 12, "IHDR", 4) == 0) {
        /* PNG: IHDR is the first chunk, width and height big-endian */
        w = (long)be32(hd + 16);
        h = (long)be32(hd + 20);
        e = ERR_OK;
    } else if (size >= 4 && hd[0] == 0xFF && hd[1] == 0xD8 && fseek(f, 2, SEEK_SET) == 0) {
        e = jpeg_size(f, &w, &h);
    }
    if (e == ERR_OK && (w <= 0 || h <= 0))
        e = ERR_FORMAT;
    else if (e == ERR_OK && (w > RENDER_IMAGE_PIXELS_MAX || h > RENDER_IMAGE_PIXELS_MAX ||
                             w * h > RENDER_IMAGE_PIXELS_MAX))
        e = ERR_TOOBIG;
done:
    fclose(f);
    if (w_out)
        *w_out = w;
    if (h_out)
        *h_out = h;
    return e;
}

/* An SVG is rasterised at side x side pixels whatever it declares; its
 * file size is all that needs a bound before parsing. */
static int svg_file_ok(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= RENDER_IMAGE_FILE_MAX;
}

/* The cached image for (path, side, flat, bgc), marked used, or NULL; then
 * *lru is the slot to fill (an empty one, or the least recently used). */
static ImgSlot *image_find(Renderer *r, const char *path, int side, int flat, Uint32 bgc,
                           ImgSlot **lru)
{
    *lru = &r->slots[0];
    for (int i = 0; i < IMG_SLOTS; i++) {
        ImgSlot *s = &r->slots[i];
        if (s->tex && s->w == side && s->flat == flat && s->bg == bgc && strcmp(s->key, path) == 0) {
            s->used = ++r->tick;
            return s;
        }
        if (!s->tex || s->used < (*lru)->used)
            *lru = s;
    }
    return NULL;
}

/* Decode path at side x side pixels (an SVG rasterised at that size, a PNG
 * or JPEG only after its header passed render_image_probe()). NULL after
 * logging why, once per path. */
static SDL_Surface *image_load(Renderer *r, const char *path, int side)
{
    SDL_Surface *surf = NULL;
    long dw = 0, dh = 0;
    Err pe = ERR_OK;
    if (side <= 0 || side > 8192) {
        pe = ERR_TOOBIG;
    } else if (ends_with(path, ".svg")) {
        SDL_RWops *rw = svg_file_ok(path) ? SDL_RWFromFile(path, "rb") : NULL;
        if (rw) {
            surf = IMG_LoadSizedSVG_RW(rw, side, side);
            SDL_RWclose(rw);
        }
    } else if ((pe = render_image_probe(path, &dw, &dh)) == ERR_OK) {
        surf = IMG_Load(path);
    }
    if (pe != ERR_OK) {
        if (!failed_before(r, path))
            log_warn("image %s: not decoded: %s (declares %ldx%ld pixels; at most %ld, PNG or JPEG)",
                     path, err_str(pe), dw, dh, (long)RENDER_IMAGE_PIXELS_MAX);
        return NULL;
    }
    if (!surf && !failed_before(r, path))
        log_warn("image %s: %s", path, IMG_GetError());
    return surf;
}

/* surf composed onto the opaque colour bg (surf is freed), or surf itself
 * when there is no memory for that (then *flat becomes 0: it is blended
 * each frame instead). */
static SDL_Surface *image_flatten(SDL_Surface *surf, const Color *bg, int *flat)
{
    SDL_Surface *o = SDL_CreateRGBSurfaceWithFormat(0, surf->w, surf->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!o) {
        *flat = 0;
        return surf;
    }
    SDL_FillRect(o, NULL, SDL_MapRGBA(o->format, bg->r, bg->g, bg->b, 255));
    SDL_SetSurfaceBlendMode(surf, SDL_BLENDMODE_BLEND);
    SDL_BlitSurface(surf, NULL, o, NULL);
    SDL_FreeSurface(surf);
    return o;
}

/* Put tex (tw x th) for (path, side, flat, bgc) into slot, after keeping
 * the cache under its pixel budget, oldest first. */
static void image_store(Renderer *r, ImgSlot *slot, const char *path, int side, int flat,
                        Uint32 bgc, SDL_Texture *tex, int tw, int th)
{
    slot_drop(r, slot);
    while (r->img_pixels + (long)tw * th > IMG_PIXELS_MAX) {
        ImgSlot *old = NULL;
        for (int i = 0; i < IMG_SLOTS; i++)
            if (r->slots[i].tex && (!old || r->slots[i].used < old->used))
                old = &r->slots[i];
        if (!old)
            break;
        slot_drop(r, old);
    }
    if (snprintf(slot->key, sizeof slot->key, "%s", path) >= (int)sizeof slot->key)
        slot->key[0] = '\0'; /* too long to be a key: never found again, dropped in turn */
    slot->w = side;
    slot->h = side;
    slot->flat = flat;
    slot->bg = bgc;
    slot->tex = tex;
    slot->tw = tw;
    slot->th = th;
    slot->used = ++r->tick;
    r->img_pixels += (long)tw * th;
}

/* The image at `side` pixels. With bg, it is composed onto that opaque
 * colour once, here, so every frame copies it instead of blending it: the
 * software renderer spends most of a frame blending. */
static ImgSlot *image_get(Renderer *r, const DrawCmd *d, int side, const Color *bg)
{
    char path[PATH_MAX_LEN * 2 + 2];
    snprintf(path, sizeof path, "%s/%s", d->root == IMAGE_ASSETS ? r->assets : r->content,
             d->image);
    int flat = bg != NULL;
    Uint32 bgc = bg ? pack_color(*bg) : 0;
    ImgSlot *lru;
    ImgSlot *hit = image_find(r, path, side, flat, bgc, &lru);
    if (hit)
        return hit;
    SDL_Surface *surf = image_load(r, path, side);
    if (!surf)
        return NULL;
    if (flat)
        surf = image_flatten(surf, bg, &flat);
    SDL_Texture *tex = SDL_CreateTextureFromSurface(r->sdl, surf);
    int tw = surf->w, th = surf->h;
    SDL_FreeSurface(surf);
    if (!tex)
        return NULL;
    if (flat)
        SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_NONE);
    image_store(r, lru, path, side, flat, bgc, tex, tw, th);
    return lru;
}

static int contains(Rect outer, Rect in)
{
    return in.x >= outer.x && in.y >= outer.y && in.x + in.w <= outer.x + outer.w &&
           in.y + in.h <= outer.y + outer.h;
}

static int intersects(Rect a, Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* The opaque colour right under image i, when there is one: the last
 * command before it that touches its rectangle is an opaque rectangle
 * covering it all, or nothing touches it and the screen's clear colour is
 * beneath. NULL otherwise (then it is blended as usual). */
static const Color *image_bg(const Ui *ui, int i, Color *out)
{
    const DrawCmd *d = &ui->cmds[i];
    if (d->tint)
        return NULL;
    for (int k = i - 1; k >= 0; k--) {
        const DrawCmd *c = &ui->cmds[k];
        if (!intersects(c->r, d->r))
            continue;
        if (c->kind == DRAW_RECT && c->color.a == 255 && contains(c->r, d->r)) {
            *out = c->color;
            return out;
        }
        return NULL;
    }
    if (ui->clear.a != 255)
        return NULL;
    *out = ui->clear;
    return out;
}

void render_image_draw(Renderer *r, const Ui *ui, int index)
{
    const DrawCmd *d = &ui->cmds[index];
    if (d->r.w <= 0 || d->r.h <= 0)
        return;
    int side = d->r.w < d->r.h ? d->r.w : d->r.h;
    Color bg;
    ImgSlot *s = image_get(r, d, side, image_bg(ui, index, &bg));
    if (!s)
        return;
    /* fit inside r keeping the aspect ratio, centred */
    double sx = (double)d->r.w / s->tw, sy = (double)d->r.h / s->th;
    double sc = sx < sy ? sx : sy;
    int w = (int)(s->tw * sc), h = (int)(s->th * sc);
    SDL_Rect dst = {d->r.x + (d->r.w - w) / 2, d->r.y + (d->r.h - h) / 2, w, h};
    if (d->tint)
        SDL_SetTextureColorMod(s->tex, d->color.r, d->color.g, d->color.b);
    else
        SDL_SetTextureColorMod(s->tex, 255, 255, 255);
    SDL_RenderCopyEx(r->sdl, s->tex, NULL, &dst, 0, NULL,
                     d->flip ? SDL_FLIP_HORIZONTAL : SDL_FLIP_NONE);
}


void render_prefetch(Renderer *r, const Ui *ui)
{
    Color bg;
    for (int i = 0; i < ui->n_cmds; i++) {
        const DrawCmd *d = &ui->cmds[i];
        if (d->kind != DRAW_IMAGE || d->r.w <= 0 || d->r.h <= 0)
            continue;
        int side = d->r.w < d->r.h ? d->r.w : d->r.h;
        image_get(r, d, side, image_bg(ui, i, &bg));
    }
}
