/* text.c: the bundled Noto fonts, HarfBuzz shaping through SDL_ttf, and the
 * caches that make an unchanged screen free to redraw.
 *
 * A line goes: bidi_runs() (FriBidi: visual runs of one level and script) ->
 * segments (a run split wherever a glyph is missing from its script's font
 * and another bundled font has it) -> one TTF_RenderUTF8_Blended surface per
 * segment, shaped with the run's direction and the font's script tag ->
 * segments copied side by side onto one baseline -> one texture.
 *
 * Everything is bounded and allocated up front or grown once to the longest
 * line seen: a font table (least recently used closed), a width cache, and a
 * texture cache limited by entries and by total pixels. */
#include "render/text.h"

#include <SDL_ttf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"
#include "core/vec.h"

#define FONT_SLOTS 24
#define WIDTH_SLOTS 2048 /* power of two */
#define WIDTH_PROBE 8
#define TEX_MAX_ENTRIES 192
#define TEX_MAX_PIXELS (3L * 512 * 1024) /* 6 MiB of ARGB at most (PSS budget: BENCHMARKS.md) */
#define METRIC_SLOTS 16
#define FAIL_RING 32
#define PX_MAX 1024
#define PROBE_PX 16 /* size used to check the fonts open at start-up */

static const char *const font_files[SCRIPT__COUNT][2] = {
    [SCRIPT_LATIN] = {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"},
    [SCRIPT_ARABIC] = {"NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"},
    [SCRIPT_ETHIOPIC] = {"NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf"},
};

/* ISO 15924 tags, as HarfBuzz wants them. */
static const char *const script_tags[SCRIPT__COUNT] = {
    [SCRIPT_LATIN] = "Latn", [SCRIPT_ARABIC] = "Arab", [SCRIPT_ETHIOPIC] = "Ethi"};

typedef struct {
    TTF_Font *font;
    int px;
    unsigned char script, bold;
    uint64_t used;
} FontSlot;

typedef struct {
    uint64_t hash, used; /* used == 0: empty */
    size_t len;
    int px, w;
    unsigned char bold, dir;
} WidthSlot;

typedef struct {
    uint64_t hash, used;
    size_t len;
    int px, w, h;
    unsigned char bold, dir;
    uint32_t rgba;
    uint64_t ctx; /* hash of the paragraph around the line and its offset; 0: alone */
    SDL_Texture *tex;
} TexSlot;

typedef struct {
    int px, asc, below; /* ink box over all scripts; below: pixels under the baseline */
    int line, base;     /* layout line height, and the baseline's offset in it */
    uint64_t used;
} Metric;

/* A piece of one run drawn with one font; kept in visual order. */
typedef struct {
    size_t start, len;
    unsigned char font, rtl;
    SDL_Surface *surf;
    int asc;
} Seg;

struct TextEngine {
    char *paths[SCRIPT__COUNT][2];
    float scale[SCRIPT__COUNT]; /* pixel size factor per script (script_scale()) */
    FontSlot fonts[FONT_SLOTS];
    WidthSlot widths[WIDTH_SLOTS];
    TexSlot tex[TEX_MAX_ENTRIES];
    int ntex;
    long pixels;
    Metric metrics[METRIC_SLOTS];
    SDL_Renderer *renderer; /* textures belong to this one */
    SDL_Texture *oversize;  /* a line too large to cache, freed next call */
    uint64_t clock;
    uint64_t failed[FAIL_RING]; /* strings already logged */
    int failed_next;
    int width_count;
    unsigned long tex_hits, tex_misses, width_hits, width_misses;
    /* Scratch, grown to the longest line seen. */
    BidiRun *runs;
    int runs_cap;
    Seg *segs;
    int segs_cap, nsegs;
    char *buf;
    size_t buf_cap;
};

/* ---- keys and small helpers ---- */

static uint64_t hash_text(const char *s, size_t len)
{
    uint64_t h = 0xcbf29ce484222325u; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
    return h;
}

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15u + (h << 6) + (h >> 2);
    return h;
}

/* Log a failing string once, not once per frame. */
static void log_once(TextEngine *te, uint64_t key, const char *what, const char *detail)
{
    for (int i = 0; i < FAIL_RING; i++)
        if (te->failed[i] == key)
            return;
    te->failed[te->failed_next] = key;
    te->failed_next = (te->failed_next + 1) % FAIL_RING;
    log_warn("text: %s: %s", what, detail ? detail : "");
}

/* ---- fonts ---- */

/* The font for (script, bold, px), opened on first use; the least recently
 * used one is closed when the table is full. Never hold the pointer across
 * another font_get(): it may close it. */
static TTF_Font *font_get(TextEngine *te, int script, int bold, int px)
{
    FontSlot *victim = NULL;
    for (int i = 0; i < FONT_SLOTS; i++) {
        FontSlot *s = &te->fonts[i];
        if (s->font && s->px == px && s->script == script && s->bold == bold) {
            s->used = ++te->clock;
            return s->font;
        }
        if (!victim || (victim->font && (!s->font || s->used < victim->used)))
            victim = s;
    }
    int open_px = (int)(px * te->scale[script] + 0.5f);
    TTF_Font *f = TTF_OpenFont(te->paths[script][bold], open_px > 0 ? open_px : 1);
    if (!f) {
        log_once(te, mix(hash_text(te->paths[script][bold], strlen(te->paths[script][bold])),
                         (uint64_t)px),
                 "cannot open font", TTF_GetError());
        return NULL;
    }
    if (victim->font)
        TTF_CloseFont(victim->font);
    victim->font = f;
    victim->px = px;
    victim->script = (unsigned char)script;
    victim->bold = (unsigned char)bold;
    victim->used = ++te->clock;
    return f;
}

static void set_shaping(TTF_Font *f, int script, int rtl)
{
    /* Both fail only without HarfBuzz, which text_engine_new() reported. */
    (void)TTF_SetFontDirection(f, rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
    (void)TTF_SetFontScriptName(f, script_tags[script]);
}

static int has_glyph(TextEngine *te, int script, int bold, int px, unsigned cp)
{
    TTF_Font *f = font_get(te, script, bold, px);
    return f && TTF_GlyphIsProvided32(f, cp);
}

/* The run's own font if it has cp, else the first other bundled font that
 * does, else the run's font (which then shows its .notdef box). */
static int pick_font(TextEngine *te, int primary, int bold, int px, unsigned cp)
{
    if (has_glyph(te, primary, bold, px, cp))
        return primary;
    for (int s = 0; s < SCRIPT__COUNT; s++)
        if (s != primary && has_glyph(te, s, bold, px, cp))
            return s;
    return primary;
}

/* Ascent and depth of the line box at px over the three regular fonts. */
static const Metric *metric_get(TextEngine *te, int px)
{
    Metric *victim = &te->metrics[0];
    for (int i = 0; i < METRIC_SLOTS; i++) {
        Metric *m = &te->metrics[i];
        if (m->used && m->px == px) {
            m->used = ++te->clock;
            return m;
        }
        if (m->used < victim->used)
            victim = m;
    }
    int asc = 0, below = 0, any = 0;
    for (int s = 0; s < SCRIPT__COUNT; s++) {
        TTF_Font *f = font_get(te, s, 0, px);
        if (!f)
            continue;
        int a = TTF_FontAscent(f), b = TTF_FontHeight(f) - a;
        asc = a > asc ? a : asc;
        below = b > below ? b : below;
        any = 1;
    }
    if (!any)
        return NULL;
    /* The layout line is the Latin font's height plus 15%: Noto Sans
     * Arabic's own height is over 2 em, and spacing every line by it would
     * double-space Latin and Ethiopic text. Arabic ink still fits (its
     * letters rise about 1 em and sink about 0.5 em); only rare stacked marks
     * reach into the neighbouring line's empty margin, as in any typesetter
     * whose line height is smaller than the font's box. */
    TTF_Font *latin = font_get(te, SCRIPT_LATIN, 0, px);
    int lat_h = latin ? TTF_FontHeight(latin) : asc + below;
    int lat_a = latin ? TTF_FontAscent(latin) : asc;
    victim->px = px;
    victim->asc = asc;
    victim->below = below;
    victim->line = lat_h * 115 / 100;
    victim->base = lat_a + (victim->line - lat_h) / 2;
    victim->used = ++te->clock;
    return victim;
}

/* ---- segments ---- */

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
                                                          : pick_font(te, r->script, bold, px, cp);
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
    TTF_Font *f = font_get(te, g->font, bold, px);
    if (!f) {
        *e = ERR_NOTFOUND;
        return NULL;
    }
    set_shaping(f, g->font, g->rtl);
    return f;
}

/* ---- measuring ---- */

static Err measure(TextEngine *te, const char *s, size_t len, int px, int bold, ParaDir dir,
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

static int valid_args(const TextEngine *te, const char *s, size_t len, int px)
{
    return te && s && len > 0 && px > 0 && px <= PX_MAX;
}

int text_width_dir(TextEngine *te, const char *utf8, size_t len, int px, int bold, ParaDir dir)
{
    if (!valid_args(te, utf8, len, px))
        return 0;
    bold = bold ? 1 : 0;
    uint64_t h = hash_text(utf8, len);
    uint64_t k = mix(mix(mix(h, (uint64_t)px), (uint64_t)bold), (uint64_t)dir);
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
    Err e = measure(te, utf8, len, px, bold, dir, &w);
    if (e) {
        log_once(te, k, "cannot measure a line", err_str(e));
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
    const Metric *m = metric_get(te, px);
    return m ? m->line : 0;
}

/* ---- drawing ---- */

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
static Err compose(TextEngine *te, const char *para, size_t para_len, size_t off, size_t len,
                   int px, int bold, ParaDir dir, Color c, SDL_Surface **out)
{
    const char *s = para + off;
    SDL_Surface *line = NULL;
    *out = NULL;
    const Metric *m = metric_get(te, px);
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
    bold = bold ? 1 : 0;
    uint64_t hs = hash_text(utf8, len);
    /* The same bytes can read differently in another paragraph (W2: digits
     * after an Arabic word), so a wrapped line is keyed by its context too. */
    uint64_t ctx = para_len == len ? 0 : mix(hash_text(para, para_len), (uint64_t)off) | 1;
    uint32_t rgba = (uint32_t)color.r << 24 | (uint32_t)color.g << 16 | (uint32_t)color.b << 8 |
                    color.a;
    for (int i = 0; i < te->ntex; i++) {
        TexSlot *t = &te->tex[i];
        if (t->hash == hs && t->len == len && t->px == px && t->bold == bold &&
            t->dir == (unsigned char)dir && t->rgba == rgba && t->ctx == ctx) {
            t->used = ++te->clock;
            te->tex_hits++;
            *w = t->w;
            *h = t->h;
            return t->tex;
        }
    }
    te->tex_misses++;
    uint64_t key = mix(mix(mix(mix(hs, (uint64_t)px), (uint64_t)bold), (uint64_t)dir), rgba);
    SDL_Surface *line = NULL;
    Err e = compose(te, para, para_len, off, len, px, bold, dir, color, &line);
    if (e) {
        log_once(te, key, "cannot render a line", err_str(e));
        *why = e;
        return NULL;
    }
    if (!line)
        return NULL;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(r, line);
    int lw = line->w, lh = line->h;
    SDL_FreeSurface(line);
    if (!tex) {
        log_once(te, key, "cannot create a line texture", SDL_GetError());
        *why = ERR_NOMEM;
        return NULL;
    }
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    *w = lw;
    *h = lh;
    long px_area = (long)lw * lh;
    if (px_area > TEX_MAX_PIXELS) {
        te->oversize = tex; /* drawn once, never cached */
        return tex;
    }
    while (te->ntex > 0 && (te->ntex >= TEX_MAX_ENTRIES || te->pixels + px_area > TEX_MAX_PIXELS))
        tex_evict_one(te);
    te->tex[te->ntex++] = (TexSlot){.hash = hs, .used = ++te->clock, .len = len, .px = px,
                                    .w = lw, .h = lh, .bold = (unsigned char)bold,
                                    .dir = (unsigned char)dir, .rgba = rgba, .ctx = ctx,
                                    .tex = tex};
    te->pixels += px_area;
    return tex;
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
    const Metric *m = metric_get(te, px);
    SDL_Rect dst = {x, y + (m ? m->base - m->asc : 0), w, h};
    if (SDL_RenderCopy(r, tex, NULL, &dst) != 0) {
        log_once(te, hash_text(utf8, len), "cannot copy a line texture", SDL_GetError());
        return ERR_IO;
    }
    return ERR_OK;
}

Err text_draw_line(TextEngine *te, SDL_Renderer *r, const char *utf8, size_t len, int px,
                   int bold, ParaDir dir, Color color, int x, int y)
{
    return text_draw_para_line(te, r, utf8, len, 0, len, px, bold, dir, color, x, y);
}

/* ---- lifetime ---- */

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

/* Ink height of one glyph at the font's size (0 if it has none). */
static int glyph_height(TTF_Font *f, unsigned cp)
{
    int minx, maxx, miny, maxy, adv;
    if (!TTF_GlyphIsProvided32(f, cp) || TTF_GlyphMetrics32(f, cp, &minx, &maxx, &miny, &maxy, &adv))
        return 0;
    return maxy - miny;
}

/* Per-script size factors, measured from the fonts so every script reads
 * at the same size. Latin's reading size is its capital height (H); an
 * Ethiopic syllable packs a consonant and its vowel mark, told apart by
 * small legs, rings and ticks, into one glyph whose body Noto draws only as
 * tall as a Latin capital, so at one pixel size Tigrinya looks a size
 * smaller than the Latin beside it. Its body (U+1200) is scaled to
 * ETHIOPIC_BODY times the Latin capital height: 1.2, the usual step up for
 * setting Ethiopic beside Latin (about 12 pt beside 10 pt). Arabic's
 * letters are already as large as Latin's at one size and stay at 1. */
#define ETHIOPIC_BODY 1.2f

static void script_scale(TextEngine *te)
{
    for (int s = 0; s < SCRIPT__COUNT; s++)
        te->scale[s] = 1.0f;
    TTF_Font *lat = TTF_OpenFont(te->paths[SCRIPT_LATIN][0], 200);
    TTF_Font *eth = TTF_OpenFont(te->paths[SCRIPT_ETHIOPIC][0], 200);
    int cap = lat ? glyph_height(lat, 'H') : 0, body = eth ? glyph_height(eth, 0x1200) : 0;
    if (cap > 0 && body > 0)
        te->scale[SCRIPT_ETHIOPIC] = ETHIOPIC_BODY * (float)cap / (float)body;
    if (lat)
        TTF_CloseFont(lat);
    if (eth)
        TTF_CloseFont(eth);
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
    size_t dl = strlen(font_dir);
    for (int s = 0; s < SCRIPT__COUNT; s++) {
        for (int b = 0; b < 2; b++) {
            size_t n = dl + 1 + strlen(font_files[s][b]) + 1;
            te->paths[s][b] = malloc(n);
            if (!te->paths[s][b]) {
                e = ERR_NOMEM;
                goto fail;
            }
            snprintf(te->paths[s][b], n, "%s/%s", font_dir, font_files[s][b]);
            /* Open each font once now, so a missing or broken file stops
             * start-up with a clear message instead of showing boxes. */
            TTF_Font *f = TTF_OpenFont(te->paths[s][b], PROBE_PX);
            if (!f) {
                log_error("text: cannot open font %s: %s", te->paths[s][b], TTF_GetError());
                e = access(te->paths[s][b], R_OK) == 0 ? ERR_FORMAT : ERR_NOTFOUND;
                goto fail;
            }
            if (s == 0 && b == 0 && TTF_SetFontScriptName(f, "Latn") != 0)
                log_warn("text: SDL_ttf lacks HarfBuzz: Arabic will not be joined");
            FontSlot *slot = &te->fonts[s * 2 + b];
            slot->font = f;
            slot->px = s == SCRIPT_ETHIOPIC ? 0 : PROBE_PX; /* 0: not at a scaled size */
            slot->script = (unsigned char)s;
            slot->bold = (unsigned char)b;
            slot->used = ++te->clock;
        }
    }
    script_scale(te);
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
