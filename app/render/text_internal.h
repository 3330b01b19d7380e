/* text_internal.h: the TextEngine's insides, shared by its three files
 * (nothing outside them includes it):
 *
 *   text.c        the engine, its width and texture caches, measuring and
 *                 drawing lines
 *   text_font.c   the bundled fonts: the font table, per-script sizes,
 *                 glyph fallback, line metrics
 *   text_shape.c  a line into bidi runs and font segments, each shaped by
 *                 SDL_ttf/HarfBuzz, composed onto one baseline
 */
#ifndef APP_RENDER_TEXT_INTERNAL_H
#define APP_RENDER_TEXT_INTERNAL_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdint.h>

#include "render/text.h"

#define FONT_SLOTS 24
#define WIDTH_SLOTS 2048 /* power of two */
#define WIDTH_PROBE 8
#define TEX_MAX_ENTRIES 192
#define TEX_MAX_PIXELS (3L * 512 * 1024) /* 6 MiB of ARGB at most (PSS budget: BENCHMARKS.md) */
#define METRIC_SLOTS 16
#define FAIL_RING 32
#define PX_MAX 1024
#define PROBE_PX 16 /* size used to check the fonts open at start-up */


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

/* ---- text.c ---- */

/* FNV-1a of s[0..len), and a step of combining hashes into a key. */
uint64_t text_hash(const char *s, size_t len);
uint64_t text_mix(uint64_t h, uint64_t v);

/* Log a failing string (by key) once, not once per frame. */
void text_log_once(TextEngine *te, uint64_t key, const char *what, const char *detail);

/* ---- text_font.c ---- */

/* Build the font paths under font_dir and open every font once (a missing
 * or broken file fails start-up: ERR_NOTFOUND, ERR_FORMAT, ERR_NOMEM),
 * then measure the per-script size factors. */
Err text_fonts_open(TextEngine *te, const char *font_dir) ERR_MUST_USE;

/* The font for (script, bold, px), opened on first use; the least recently
 * used one is closed when the table is full. Never hold the pointer across
 * another text_font_get(): it may close it. NULL (logged once) when it
 * cannot be opened. */
TTF_Font *text_font_get(TextEngine *te, int script, int bold, int px);

/* Set f's shaping direction and script for a run. */
void text_font_shape(TTF_Font *f, int script, int rtl);

/* The run's own font (primary) if it has cp, else the first other bundled
 * font that does, else primary (which then shows its .notdef box). */
int text_font_pick(TextEngine *te, int primary, int bold, int px, unsigned cp);

/* The line box at px over the fonts (cached), NULL when no font opens. */
const Metric *text_metric_get(TextEngine *te, int px);

/* ---- text_shape.c ---- */

/* Width in pixels of s[0..len) drawn with dir (into *w even on error: what
 * could be measured). */
Err text_measure(TextEngine *te, const char *s, size_t len, int px, int bold, ParaDir dir, int *w)
    ERR_MUST_USE;

/* The line para[off..off+len) in one ARGB surface (*out, caller frees),
 * runs side by side on a shared baseline, levels resolved over para. *out
 * is NULL with ERR_OK when nothing has width (only joiners, say). */
Err text_compose(TextEngine *te, const char *para, size_t para_len, size_t off, size_t len,
                 int px, int bold, ParaDir dir, Color c, SDL_Surface **out) ERR_MUST_USE;

#endif
