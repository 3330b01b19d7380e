/* text.c: the TextEngine, and the caches that make an unchanged screen
 * free to redraw: measured widths, and rendered line textures limited by
 * entries and by total pixels (least recently used out).
 *
 * A line goes: bidi_runs_para() (FriBidi: visual runs of one level and
 * script) -> segments (a run split wherever a glyph is missing from its
 * script's font and another bundled font has it) -> one
 * TTF_RenderUTF8_Blended surface per segment, shaped with the run's
 * direction and the font's script tag -> segments copied side by side onto
 * one baseline -> one texture. The fonts are in text_font.c, the shaping in
 * text_shape.c (see text_internal.h). Everything is bounded and allocated
 * up front or grown once to the longest line seen. */
#include "render/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "render/text_internal.h"

uint64_t text_hash(const char *s, size_t len)
{
    uint64_t h = 0xcbf29ce484222325u; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
    return h;
}

uint64_t text_mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15u + (h << 6) + (h >> 2);
    return h;
}

/* Log a failing string once, not once per frame. */
void text_log_once(TextEngine *te, uint64_t key, const char *what, const char *detail)
{
    for (int i = 0; i < FAIL_RING; i++)
        if (te->failed[i] == key)
            return;
    te->failed[te->failed_next] = key;
    te->failed_next = (te->failed_next + 1) % FAIL_RING;
    log_warn("text: %s: %s", what, detail ? detail : "");
}


static int valid_args(const TextEngine *te, const char *s, size_t len, int px)
{
    return te && s && len > 0 && px > 0 && px <= PX_MAX;
}

int text_width_dir(TextEngine *te, const char *utf8, size_t len, int px, int bold, ParaDir dir)
{
    if (!valid_args(te, utf8, len, px))
        return 0;
    bold = bold ? 1 : 0;
    uint64_t h = text_hash(utf8, len);
    uint64_t k = text_mix(text_mix(text_mix(h, (uint64_t)px), (uint64_t)bold), (uint64_t)dir);
    WidthSlot *victim = NULL;
    for (int p = 0; p < WIDTH_PROBE; p++) {
        WidthSlot *s = &te->widths[(k + (uint64_t)p) & (WIDTH_SLOTS - 1)];
        if (s->used && s->hash == h && s->len == len && s->px == px && s->bold == bold &&
            s->dir == (unsigned char)dir) {
            s->used = ++te->clock;
            te->width_hits++;
            return s->w;
        }
        if (!victim || (victim->used && s->used < victim->used))
            victim = s;
    }
    te->width_misses++;
    int w;
    Err e = text_measure(te, utf8, len, px, bold, dir, &w);
    if (e) {
        text_log_once(te, k, "cannot measure a line", err_str(e));
        return w; /* what could be measured; not cached, so it is retried */
    }
    if (!victim->used)
        te->width_count++;
    *victim = (WidthSlot){.hash = h, .used = ++te->clock, .len = len, .px = px, .w = w,
                          .bold = (unsigned char)bold, .dir = (unsigned char)dir};
    return w;
}

int text_width(TextEngine *te, const char *utf8, size_t len, int px, int bold)
{
    return text_width_dir(te, utf8, len, px, bold, PARA_AUTO);
}

int text_line_height(TextEngine *te, int px)
{
    if (!te || px <= 0 || px > PX_MAX)
        return 0;
    const Metric *m = text_metric_get(te, px);
    return m ? m->line : 0;
}

static void tex_evict_one(TextEngine *te)
{
    int v = 0;
    for (int i = 1; i < te->ntex; i++)
        if (te->tex[i].used < te->tex[v].used)
            v = i;
    SDL_DestroyTexture(te->tex[v].tex);
    te->pixels -= (long)te->tex[v].w * te->tex[v].h;
    te->tex[v] = te->tex[--te->ntex];
}

/* The cached texture for this key, marked used, or NULL. */
static TexSlot *tex_find(TextEngine *te, const TexSlot *key)
{
    for (int i = 0; i < te->ntex; i++) {
        TexSlot *t = &te->tex[i];
        if (t->hash == key->hash && t->len == key->len && t->px == key->px &&
            t->bold == key->bold && t->dir == key->dir && t->rgba == key->rgba &&
            t->ctx == key->ctx) {
            t->used = ++te->clock;
            te->tex_hits++;
            return t;
        }
    }
    return NULL;
}

/* Keep tex (its key in slot) in the cache, evicting the least recently
 * used until it fits; a texture over the whole budget is drawn once and
 * freed on the next call instead. */
static void tex_keep(TextEngine *te, TexSlot slot)
{
    long px_area = (long)slot.w * slot.h;
    if (px_area > TEX_MAX_PIXELS) {
        te->oversize = slot.tex; /* drawn once, never cached */
        return;
    }
    while (te->ntex > 0 && (te->ntex >= TEX_MAX_ENTRIES || te->pixels + px_area > TEX_MAX_PIXELS))
        tex_evict_one(te);
    slot.used = ++te->clock;
    te->tex[te->ntex++] = slot;
    te->pixels += px_area;
}

/* Make the texture for key (a cache miss) from the composed line; NULL
 * when nothing has width, or on an error (logged once, code in *why). */
static SDL_Texture *tex_make(TextEngine *te, SDL_Renderer *r, const char *para, size_t para_len,
                             size_t off, TexSlot *key, Color color, Err *why)
{
    te->tex_misses++;
    uint64_t lk = text_mix(text_mix(text_mix(text_mix(key->hash, (uint64_t)key->px),
                                             (uint64_t)key->bold), (uint64_t)key->dir), key->rgba);
    SDL_Surface *line = NULL;
    Err e = text_compose(te, para, para_len, off, key->len, key->px, key->bold,
                         (ParaDir)key->dir, color, &line);
    if (e) {
        text_log_once(te, lk, "cannot render a line", err_str(e));
        *why = e;
        return NULL;
    }
    if (!line)
        return NULL;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(r, line);
    key->w = line->w;
    key->h = line->h;
    SDL_FreeSurface(line);
    if (!tex) {
        text_log_once(te, lk, "cannot create a line texture", SDL_GetError());
        *why = ERR_NOMEM;
        return NULL;
    }
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    key->tex = tex;
    tex_keep(te, *key);
    return tex;
}

/* text_render_line() for the line para[off..off+len). */
static SDL_Texture *render_para_line(TextEngine *te, SDL_Renderer *r, const char *para,
                                     size_t para_len, size_t off, size_t len, int px, int bold,
                                     ParaDir dir, Color color, int *w, int *h, Err *why)
{
    const char *utf8 = para ? para + off : NULL;
    int dw, dh;
    Err dwhy;
    w = w ? w : &dw;
    h = h ? h : &dh;
    why = why ? why : &dwhy;
    *w = *h = 0;
    *why = ERR_OK;
    if (!te || !r || (len && !utf8) || off > para_len || len > para_len - off || px < 0 ||
        px > PX_MAX) {
        *why = ERR_INVALID;
        return NULL;
    }
    if (len == 0 || px == 0 || color.a == 0)
        return NULL;
    if (r != te->renderer) {
        text_engine_flush(te);
        te->renderer = r;
    }
    if (te->oversize) {
        SDL_DestroyTexture(te->oversize);
        te->oversize = NULL;
    }
    /* The same bytes can read differently in another paragraph (W2: digits
     * after an Arabic word), so a wrapped line is keyed by its context too. */
    TexSlot key = {
        .hash = text_hash(utf8, len), .len = len, .px = px, .bold = bold ? 1 : 0,
        .dir = (unsigned char)dir,
        .rgba = (uint32_t)color.r << 24 | (uint32_t)color.g << 16 | (uint32_t)color.b << 8 | color.a,
        .ctx = para_len == len ? 0 : text_mix(text_hash(para, para_len), (uint64_t)off) | 1};
    TexSlot *hit = tex_find(te, &key);
    if (!hit && !tex_make(te, r, para, para_len, off, &key, color, why))
        return NULL;
    *w = hit ? hit->w : key.w;
    *h = hit ? hit->h : key.h;
    return hit ? hit->tex : key.tex;
}

SDL_Texture *text_render_line(TextEngine *te, SDL_Renderer *r, const char *utf8, size_t len,
                              int px, int bold, ParaDir dir, Color color, int *w, int *h,
                              Err *why)
{
    return render_para_line(te, r, utf8, len, 0, len, px, bold, dir, color, w, h, why);
}

Err text_draw_para_line(TextEngine *te, SDL_Renderer *r, const char *para, size_t para_len,
                        size_t off, size_t len, int px, int bold, ParaDir dir, Color color, int x,
                        int y)
{
    int w, h;
    Err e;
    const char *utf8 = para ? para + off : NULL;
    SDL_Texture *tex =
        render_para_line(te, r, para, para_len, off, len, px, bold, dir, color, &w, &h, &e);
    if (!tex)
        return e;
    /* the texture is the full ink box; put its baseline on the line's */
    const Metric *m = text_metric_get(te, px);
    SDL_Rect dst = {x, y + (m ? m->base - m->asc : 0), w, h};
    if (SDL_RenderCopy(r, tex, NULL, &dst) != 0) {
        text_log_once(te, text_hash(utf8, len), "cannot copy a line texture", SDL_GetError());
        return ERR_IO;
    }
    return ERR_OK;
}

Err text_draw_line(TextEngine *te, SDL_Renderer *r, const char *utf8, size_t len, int px,
                   int bold, ParaDir dir, Color color, int x, int y)
{
    return text_draw_para_line(te, r, utf8, len, 0, len, px, bold, dir, color, x, y);
}

void text_engine_flush(TextEngine *te)
{
    if (!te)
        return;
    for (int i = 0; i < te->ntex; i++)
        SDL_DestroyTexture(te->tex[i].tex);
    te->ntex = 0;
    te->pixels = 0;
    if (te->oversize)
        SDL_DestroyTexture(te->oversize);
    te->oversize = NULL;
}

void text_engine_stats(const TextEngine *te, TextStats *out)
{
    memset(out, 0, sizeof *out);
    if (!te)
        return;
    for (int i = 0; i < FONT_SLOTS; i++)
        out->fonts_open += te->fonts[i].font != NULL;
    out->fonts_max = FONT_SLOTS;
    out->textures = te->ntex;
    out->textures_max = TEX_MAX_ENTRIES;
    out->pixels = te->pixels;
    out->pixels_max = TEX_MAX_PIXELS;
    out->widths = te->width_count;
    out->widths_max = WIDTH_SLOTS;
    out->texture_hits = te->tex_hits;
    out->texture_misses = te->tex_misses;
    out->width_hits = te->width_hits;
    out->width_misses = te->width_misses;
}

TextEngine *text_engine_new(const char *font_dir, Err *why)
{
    Err e = ERR_OK;
    TextEngine *te = NULL;
    if (!font_dir || !TTF_WasInit()) {
        e = ERR_INVALID;
        goto fail;
    }
    te = calloc(1, sizeof *te);
    if (!te) {
        e = ERR_NOMEM;
        goto fail;
    }
    e = text_fonts_open(te, font_dir);
    if (e != ERR_OK)
        goto fail;
    if (why)
        *why = ERR_OK;
    return te;
fail:
    text_engine_free(te);
    if (why)
        *why = e;
    return NULL;
}

void text_engine_free(TextEngine *te)
{
    if (!te)
        return;
    text_engine_flush(te);
    for (int i = 0; i < FONT_SLOTS; i++)
        if (te->fonts[i].font)
            TTF_CloseFont(te->fonts[i].font);
    for (int s = 0; s < SCRIPT__COUNT; s++)
        for (int b = 0; b < 2; b++)
            free(te->paths[s][b]);
    free(te->runs);
    free(te->segs);
    free(te->buf);
    free(te);
}
