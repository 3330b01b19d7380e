/* text_shape.c: one line of text into pixels: bidi runs (over the
 * paragraph it was wrapped from) split into font segments, each shaped by
 * SDL_ttf/HarfBuzz with its direction and script, then composed side by
 * side on one baseline. Measuring walks the same segments, so a width is
 * exactly what is drawn. */
#include <stdint.h>
#include <string.h>

#include "core/vec.h"
#include "render/text_internal.h"

static Err push_seg(TextEngine *te, size_t start, size_t len, int font, int rtl)
{
    size_t cap = (size_t)te->segs_cap;
    if (VEC_RESERVE(te->segs, cap, (size_t)te->nsegs + 1))
        return ERR_NOMEM;
    te->segs_cap = (int)cap;
    Seg *g = &te->segs[te->nsegs++];
    g->start = start;
    g->len = len;
    g->font = (unsigned char)font;
    g->rtl = (unsigned char)rtl;
    g->surf = NULL;
    g->asc = 0;
    return ERR_OK;
}

/* Split the line para[off..off+len) into te->segs, in visual order, with
 * offsets relative to the line. Its levels come from the whole paragraph
 * (bidi_runs_para); a line alone passes para = the line, off = 0. */
static Err build_segs(TextEngine *te, const char *para, size_t para_len, size_t off, size_t len,
                      int px, int bold, ParaDir dir)
{
    const char *s = para + off;
    int n = bidi_runs_para(para, para_len, off, len, dir, te->runs, te->runs_cap);
    if (n < 0)
        return ERR_NOMEM;
    if (n > te->runs_cap) {
        size_t cap = (size_t)te->runs_cap;
        if (VEC_RESERVE(te->runs, cap, (size_t)n))
            return ERR_NOMEM;
        te->runs_cap = (int)cap;
        n = bidi_runs_para(para, para_len, off, len, dir, te->runs, te->runs_cap);
        if (n < 0 || n > te->runs_cap)
            return ERR_NOMEM;
    }
    te->nsegs = 0;
    for (int i = 0; i < n; i++) {
        const BidiRun *r = &te->runs[i];
        size_t end = r->start + r->len, pos = r->start, seg_start = pos;
        int first = te->nsegs, cur = -1;
        while (pos < end) {
            size_t at = pos;
            unsigned cp = bidi_decode_cp(s, end, &pos);
            int f = (cur >= 0 && bidi_joins_previous(cp)) ? cur
                                                          : text_font_pick(te, r->script, bold, px, cp);
            if (f != cur) {
                if (cur >= 0 && push_seg(te, seg_start, at - seg_start, cur, r->rtl))
                    return ERR_NOMEM;
                cur = f;
                seg_start = at;
            }
        }
        if (cur >= 0 && push_seg(te, seg_start, end - seg_start, cur, r->rtl))
            return ERR_NOMEM;
        /* Within an RTL run the logically first piece is the rightmost. */
        if (r->rtl)
            for (int a = first, b = te->nsegs - 1; a < b; a++, b--) {
                Seg t = te->segs[a];
                te->segs[a] = te->segs[b];
                te->segs[b] = t;
            }
    }
    return ERR_OK;
}

/* NUL-terminated, valid UTF-8 copy of a segment for SDL_ttf: invalid bytes
 * become U+FFFD as in bidi.c, and a NUL byte cannot cut the string short. */
static Err seg_text(TextEngine *te, const char *s, const Seg *g)
{
    if (VEC_RESERVE(te->buf, te->buf_cap, g->len * 3 + 1))
        return ERR_NOMEM;
    size_t pos = g->start, end = g->start + g->len, o = 0;
    unsigned char *out = (unsigned char *)te->buf;
    while (pos < end) {
        unsigned c = bidi_decode_cp(s, end, &pos);
        if (c == 0)
            c = 0xFFFD;
        if (c < 0x80) {
            out[o++] = (unsigned char)c;
        } else if (c < 0x800) {
            out[o++] = (unsigned char)(0xC0 | (c >> 6));
            out[o++] = (unsigned char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[o++] = (unsigned char)(0xE0 | (c >> 12));
            out[o++] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
            out[o++] = (unsigned char)(0x80 | (c & 0x3F));
        } else {
            out[o++] = (unsigned char)(0xF0 | (c >> 18));
            out[o++] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
            out[o++] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
            out[o++] = (unsigned char)(0x80 | (c & 0x3F));
        }
    }
    out[o] = '\0';
    return ERR_OK;
}

/* Shape a segment and return its font ready to use, or NULL. */
static TTF_Font *seg_font(TextEngine *te, const char *s, const Seg *g, int px, int bold, Err *e)
{
    *e = seg_text(te, s, g);
    if (*e)
        return NULL;
    TTF_Font *f = text_font_get(te, g->font, bold, px);
    if (!f) {
        *e = ERR_NOTFOUND;
        return NULL;
    }
    text_font_shape(f, g->font, g->rtl);
    return f;
}

Err text_measure(TextEngine *te, const char *s, size_t len, int px, int bold, ParaDir dir,
                   int *w)
{
    *w = 0;
    Err e = build_segs(te, s, len, 0, len, px, bold, dir);
    for (int i = 0; !e && i < te->nsegs; i++) {
        TTF_Font *f = seg_font(te, s, &te->segs[i], px, bold, &e);
        int sw = 0;
        if (f && TTF_SizeUTF8(f, te->buf, &sw, NULL) != 0)
            e = ERR_IO;
        *w += sw;
    }
    return e;
}

static void free_seg_surfaces(TextEngine *te)
{
    for (int i = 0; i < te->nsegs; i++) {
        SDL_FreeSurface(te->segs[i].surf);
        te->segs[i].surf = NULL;
    }
}

static int row_has_ink(const SDL_Surface *s, int y)
{
    const Uint32 *row = (const Uint32 *)(const void *)((const Uint8 *)s->pixels +
                                                        (size_t)y * (size_t)s->pitch);
    for (int x = 0; x < s->w; x++)
        if (row[x] & s->format->Amask)
            return 1;
    return 0;
}

/* Baseline row of a rendered segment. SDL_ttf puts it at the font's ascent
 * unless a glyph rises above the ascent or sinks below the descent (stacked
 * Arabic marks): then the surface grows by that much on that side, which we
 * find from the ink touching its top or bottom edge. If both, the split is
 * unknown and we assume the top (marks above are far more common). */
static int surface_baseline(SDL_Surface *s, TTF_Font *f)
{
    int asc = TTF_FontAscent(f), extra = s->h - TTF_FontHeight(f);
    if (extra <= 0 || SDL_LockSurface(s) != 0)
        return asc;
    int top = row_has_ink(s, 0), bottom = row_has_ink(s, s->h - 1);
    SDL_UnlockSurface(s);
    return (bottom && !top) ? asc : asc + extra;
}

/* Render the line into one ARGB surface, runs side by side on a shared
 * baseline. *out is NULL when nothing has width (e.g. only joiners). */
Err text_compose(TextEngine *te, const char *para, size_t para_len, size_t off, size_t len,
                   int px, int bold, ParaDir dir, Color c, SDL_Surface **out)
{
    const char *s = para + off;
    SDL_Surface *line = NULL;
    *out = NULL;
    const Metric *m = text_metric_get(te, px);
    if (!m)
        return ERR_NOTFOUND;
    int asc = m->asc, lh = m->asc + m->below;
    Err e = build_segs(te, para, para_len, off, len, px, bold, dir);
    if (e)
        return e;
    SDL_Color fg = {c.r, c.g, c.b, c.a};
    int total = 0;
    for (int i = 0; i < te->nsegs; i++) {
        Seg *g = &te->segs[i];
        TTF_Font *f = seg_font(te, s, g, px, bold, &e);
        if (!f)
            goto fail;
        int sw = 0;
        if (TTF_SizeUTF8(f, te->buf, &sw, NULL) != 0) {
            e = ERR_IO;
            goto fail;
        }
        if (sw == 0)
            continue; /* only invisible characters: SDL_ttf refuses to render it */
        g->surf = TTF_RenderUTF8_Blended(f, te->buf, fg);
        if (!g->surf) {
            e = ERR_NOMEM;
            goto fail;
        }
        g->asc = surface_baseline(g->surf, f);
        total += g->surf->w;
    }
    if (total == 0)
        goto fail; /* e is ERR_OK: nothing to draw */
    line = SDL_CreateRGBSurfaceWithFormat(0, total, lh, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!line) {
        e = ERR_NOMEM;
        goto fail;
    }
    SDL_FillRect(line, NULL, 0);
    int x = 0;
    for (int i = 0; i < te->nsegs; i++) {
        Seg *g = &te->segs[i];
        if (!g->surf)
            continue;
        /* Plain copy: segments do not overlap, and blending onto the
         * transparent line would darken antialiased edges. */
        SDL_SetSurfaceBlendMode(g->surf, SDL_BLENDMODE_NONE);
        SDL_Rect dst = {x, asc - g->asc, g->surf->w, g->surf->h};
        SDL_BlitSurface(g->surf, NULL, line, &dst);
        x += g->surf->w;
    }
    *out = line;
fail:
    free_seg_surfaces(te);
    return e;
}
