/* render.c: draw-list playback, image cache; see render.h.
 *
 * Images are cached by (root, path, pixel size): an SVG is rasterised once
 * at the size it is shown, so pictograms stay sharp from a phone to a 1080p
 * kiosk without scaling blur. The cache has a fixed number of slots and
 * evicts the least recently used. */
#include "render/render.h"

#include <SDL_image.h>
#include <glob.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"

/* At most this many images, and this many pixels of them (16 MiB of ARGB):
 * enough for every picture of a screen and its neighbours at 1080p. */
enum { IMG_SLOTS = 96, IMG_PIXELS_MAX = 2 * 1024 * 1024, PATH_MAX_LEN = 512, FAILED_MAX = 64 };

typedef struct {
    char key[PATH_MAX_LEN];
    int w, h;
    int flat;    /* composed onto an opaque background colour */
    Uint32 bg;   /* that colour, 0xRRGGBBAA */
    SDL_Texture *tex;
    int tw, th;
    uint64_t used;
} ImgSlot;

enum { DISC_SLOTS = 4 };

typedef struct {
    int dia;
    SDL_Texture *tex;
} DiscSlot;

enum { CELL = 32, GRID_COLS_MAX = 8192 / CELL, GRID_MAX = GRID_COLS_MAX * (8192 / CELL) };

struct Renderer {
    SDL_Renderer *sdl;
    TextEngine *te;
    char assets[PATH_MAX_LEN];
    char content[PATH_MAX_LEN];
    ImgSlot slots[IMG_SLOTS];
    uint64_t tick;
    long img_pixels; /* pixels held by the image cache */
    DiscSlot discs[DISC_SLOTS]; /* see draw_circle */
    uint64_t *grid[2];          /* cell hashes of this and the last frame */
    unsigned char *dirty;
    int grid_cur, grid_w, grid_h, grid_valid;
    char failed[FAILED_MAX][PATH_MAX_LEN]; /* logged once each */
    int n_failed;
};

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

static void slot_drop(Renderer *r, ImgSlot *s);

static void drop_images(Renderer *r)
{
    for (int i = 0; i < IMG_SLOTS; i++)
        slot_drop(r, &r->slots[i]);
}

void render_free(Renderer *r)
{
    if (!r)
        return;
    drop_images(r);
    for (int i = 0; i < DISC_SLOTS; i++)
        if (r->discs[i].tex)
            SDL_DestroyTexture(r->discs[i].tex);
    text_engine_free(r->te);
    free(r->grid[0]);
    free(r->grid[1]);
    free(r->dirty);
    free(r);
}

void render_set_content_dir(Renderer *r, const char *content_dir)
{
    snprintf(r->content, sizeof r->content, "%s", content_dir);
    drop_images(r);
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
    ImgSlot *lru = &r->slots[0];
    for (int i = 0; i < IMG_SLOTS; i++) {
        ImgSlot *s = &r->slots[i];
        if (s->tex && s->w == side && s->flat == flat && s->bg == bgc && strcmp(s->key, path) == 0) {
            s->used = ++r->tick;
            return s;
        }
        if (!s->tex || s->used < lru->used)
            lru = s;
    }
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
    if (!surf) {
        if (!failed_before(r, path))
            log_warn("image %s: %s", path, IMG_GetError());
        return NULL;
    }
    if (flat) {
        SDL_Surface *o = SDL_CreateRGBSurfaceWithFormat(0, surf->w, surf->h, 32,
                                                        SDL_PIXELFORMAT_ARGB8888);
        if (o) {
            SDL_FillRect(o, NULL, SDL_MapRGBA(o->format, bg->r, bg->g, bg->b, 255));
            SDL_SetSurfaceBlendMode(surf, SDL_BLENDMODE_BLEND);
            SDL_BlitSurface(surf, NULL, o, NULL);
            SDL_FreeSurface(surf);
            surf = o;
        } else {
            flat = 0;
        }
    }
    SDL_Texture *tex = SDL_CreateTextureFromSurface(r->sdl, surf);
    int tw = surf->w, th = surf->h;
    SDL_FreeSurface(surf);
    if (!tex)
        return NULL;
    if (flat)
        SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_NONE);
    slot_drop(r, lru);
    /* keep the cache under its pixel budget, oldest first */
    while (r->img_pixels + (long)tw * th > IMG_PIXELS_MAX) {
        ImgSlot *old = NULL;
        for (int i = 0; i < IMG_SLOTS; i++)
            if (r->slots[i].tex && (!old || r->slots[i].used < old->used))
                old = &r->slots[i];
        if (!old)
            break;
        slot_drop(r, old);
    }
    if (snprintf(lru->key, sizeof lru->key, "%s", path) >= (int)sizeof lru->key)
        lru->key[0] = '\0'; /* too long to be a key: never found again, dropped in turn */
    lru->w = side;
    lru->h = side;
    lru->flat = flat;
    lru->bg = bgc;
    lru->tex = tex;
    lru->tw = tw;
    lru->th = th;
    lru->used = ++r->tick;
    r->img_pixels += (long)tw * th;
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

static void draw_image(Renderer *r, const Ui *ui, int index)
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
            if (d->para && d->text >= d->para && d->len <= d->para_len &&
                (size_t)(d->text - d->para) <= d->para_len - d->len)
                text_draw_para_line(r->te, r->sdl, d->para, d->para_len,
                                    (size_t)(d->text - d->para), d->len, d->px, d->bold, d->dir,
                                    d->color, d->r.x, d->r.y);
            else
                text_draw_line(r->te, r->sdl, d->text, d->len, d->px, d->bold, d->dir, d->color,
                               d->r.x, d->r.y);
            break;
        case DRAW_IMAGE:
            draw_image(r, ui, i);
            break;
        case DRAW_CIRCLE:
            draw_circle(r, d);
            break;
        case DRAW_QR: {
            if (d->qr_size <= 0)
                break;
            /* quiet zone of 4 modules, as the QR standard requires */
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
                        SDL_RenderFillRect(r->sdl,
                                           &(SDL_Rect){ox + (x + 4) * m, oy + (y + 4) * m, m, m});
            break;
        }
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

/* ---- choosing SDL's renderer ---- */

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
