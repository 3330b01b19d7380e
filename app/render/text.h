/* text.h: fonts, shaping, measuring and drawing one line of text.
 *
 * One TextEngine owns the bundled Noto fonts (Latin, Arabic, Ethiopic; regular
 * and bold) at the pixel sizes asked for, opened lazily and kept in a bounded
 * table, and a bounded LRU cache of rendered line textures so an unchanged
 * screen costs no shaping. A line is split into visual runs by bidi_runs()
 * (FriBidi); each run is shaped by SDL_ttf/HarfBuzz with its direction and
 * script (TTF_SetFontDirection, TTF_SetFontScriptName) and the font for its
 * script, falling back to another bundled font for any glyph the first lacks.
 * text_width() measures exactly what text_draw_line() draws. */
#ifndef APP_RENDER_TEXT_H
#define APP_RENDER_TEXT_H

#include <SDL.h>
#include <stddef.h>

#include "core/err.h"
#include "text/bidi.h"
#include "ui/geom.h"

typedef struct TextEngine TextEngine;

/* Open the fonts in font_dir (NotoSans-{Regular,Bold}.ttf,
 * NotoSansArabic-..., NotoSansEthiopic-...). TTF_Init must have been called.
 * NULL with *why on a missing font or out of memory. */
TextEngine *text_engine_new(const char *font_dir, Err *why);
void text_engine_free(TextEngine *te); /* accepts NULL; frees cached textures */

/* Width in pixels of utf8[0..len) drawn at px with the given weight. */
int text_width(TextEngine *te, const char *utf8, size_t len, int px, int bold);

/* As text_width() (which uses PARA_AUTO), for a line drawn with an explicit
 * paragraph direction: the grouping of runs, hence kerning at their edges,
 * can depend on it. Exactly the width text_draw_line() draws with dir. */
int text_width_dir(TextEngine *te, const char *utf8, size_t len, int px, int bold, ParaDir dir);

/* Height of one line box at px (ascent + descent of the tallest script font
 * at that size, so Latin, Arabic and Ethiopic lines share one baseline grid). */
int text_line_height(TextEngine *te, int px);

/* Draw one line with its top-left at (x, y). Paragraph direction decides the
 * visual order of runs. Errors are logged once per string and the line is
 * skipped: the kiosk never aborts on text. */
Err text_draw_line(TextEngine *te, SDL_Renderer *r, const char *utf8, size_t len, int px,
                   int bold, ParaDir dir, Color color, int x, int y) ERR_MUST_USE;

/* As text_draw_line(), for the line para[off..off+len) of a wrapped
 * paragraph: its bidi levels are resolved over the whole paragraph
 * (bidi_runs_para), so a number or sign that starts a wrapped line reads as
 * it would unwrapped. ERR_INVALID for a line outside para. */
Err text_draw_para_line(TextEngine *te, SDL_Renderer *r, const char *para, size_t para_len,
                        size_t off, size_t len, int px, int bold, ParaDir dir, Color color, int x,
                        int y) ERR_MUST_USE;

/* The cached texture text_draw_line() would copy, with its size in *w, *h.
 * Borrowed: valid until the next text_* call on te. NULL with *w = *h = 0
 * for an empty or invisible line (ERR_OK in *why) or on an error (logged
 * once per string, code in *why; why may be NULL). */
SDL_Texture *text_render_line(TextEngine *te, SDL_Renderer *r, const char *utf8, size_t len,
                              int px, int bold, ParaDir dir, Color color, int *w, int *h,
                              Err *why);

/* Sizes and counters of the engine's bounded tables and caches. */
typedef struct {
    int fonts_open, fonts_max;        /* TTF_Font per (script, weight, px) */
    int textures, textures_max;       /* cached line textures */
    long pixels, pixels_max;          /* their total area */
    int widths, widths_max;           /* cached measurements */
    unsigned long texture_hits, texture_misses;
    unsigned long width_hits, width_misses;
} TextStats;

void text_engine_stats(const TextEngine *te, TextStats *out);

/* Drop every cached texture (call when the renderer is recreated). */
void text_engine_flush(TextEngine *te);

#endif
