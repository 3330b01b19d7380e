/* text.c: text boxes: greedy wrapping (never inside a number), shrinking
 * a text step by step until it fits its box, and the caller-owned memo of
 * line breaks (WrapCache); see toolkit.h and ui_wrap() in ui.h. */
#include "ui/toolkit.h"

#include <stdlib.h>
#include <string.h>

/* ---- text ------------------------------------------------------------- */

enum { MAX_LINES = 48 };

typedef struct {
    const char *s[MAX_LINES];
    size_t len[MAX_LINES];
    int n;
    int fits; /* every line within the width and count within MAX_LINES */
} Lines;

static int utf8_next(const char *s, size_t len, size_t i)
{
    i++;
    while (i < len && ((unsigned char)s[i] & 0xc0) == 0x80)
        i++;
    return (int)i;
}

/* A digit (ASCII, Arabic-Indic or Extended Arabic-Indic) ending just
 * before byte i, or starting at i. */
static int digit_before(const char *t, size_t i)
{
    const unsigned char *u = (const unsigned char *)t;
    if (i >= 1 && u[i - 1] >= '0' && u[i - 1] <= '9')
        return 1;
    return i >= 2 && ((u[i - 2] == 0xD9 && u[i - 1] >= 0xA0 && u[i - 1] <= 0xA9) ||
                      (u[i - 2] == 0xDB && u[i - 1] >= 0xB0 && u[i - 1] <= 0xB9));
}

static int digit_at(const char *t, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)t;
    if (i < n && u[i] >= '0' && u[i] <= '9')
        return 1;
    return i + 1 < n && ((u[i] == 0xD9 && u[i + 1] >= 0xA0 && u[i + 1] <= 0xA9) ||
                         (u[i] == 0xDB && u[i + 1] >= 0xB0 && u[i + 1] <= 0xB9));
}

/* The end of the word starting at e: the next space or newline, except
 * that a single space between two digits does not end it, so a phone
 * number ("+227 20 72 31 31") is never split across lines, where each
 * line's bidi order would then show its groups apart. */
static size_t word_end(const char *text, size_t n, size_t e)
{
    for (;;) {
        while (e < n && text[e] != ' ' && text[e] != '\n')
            e++;
        if (e < n && text[e] == ' ' && digit_before(text, e) && digit_at(text, n, e + 1))
            e++;
        else
            return e;
    }
}

/* Greedy word wrap of text into width at px. Breaks at spaces (not inside
 * a number, word_end); a word wider than the whole line is broken between
 * characters (a long Ethiopic or German compound on a small phone must not
 * overflow). */
static void wrap(const TextMetrics *tm, const char *text, int width, int px, int bold,
                 Lines *out)
{
    size_t n = strlen(text);
    out->n = 0;
    out->fits = 1;
    size_t pos = 0;
    while (pos < n) {
        if (text[pos] == '\n') {
            pos++;
            continue;
        }
        while (pos < n && text[pos] == ' ')
            pos++;
        if (pos >= n)
            break;
        if (out->n == MAX_LINES) {
            out->fits = 0;
            return;
        }
        size_t line_end = pos, best = pos;
        /* extend word by word */
        for (;;) {
            size_t e = line_end;
            while (e < n && text[e] == ' ')
                e++;
            size_t we = word_end(text, n, e);
            if (we == e)
                break;
            if (tm->width(tm->ctx, text + pos, we - pos, px, bold) > width)
                break;
            best = we;
            line_end = we;
            if (we >= n || text[we] == '\n')
                break;
        }
        if (best == pos) {
            /* a single word too wide: break it between characters */
            size_t e = pos, last = pos;
            while (e < n && text[e] != ' ' && text[e] != '\n') {
                size_t nx = (size_t)utf8_next(text, n, e);
                if (tm->width(tm->ctx, text + pos, nx - pos, px, bold) > width)
                    break;
                last = nx;
                e = nx;
            }
            if (last == pos) { /* not even one character fits */
                last = (size_t)utf8_next(text, n, pos);
                out->fits = 0;
            }
            best = last;
        }
        out->s[out->n] = text + pos;
        out->len[out->n] = best - pos;
        out->n++;
        pos = best;
    }
}

/* Wrapping measures many prefixes of a paragraph; a screen is rebuilt on
 * every animation frame with the same paragraphs, so the line breaks are
 * memoised by (text, width, size, weight, metrics) in a fixed table the
 * caller owns (ui_build_cached), so that building stays a function of its
 * arguments. The key holds a hash of the bytes, not just the pointer: some
 * texts are composed per frame in the arena, where an address is reused. */
enum { WRAP_SLOTS = 512 };

typedef struct {
    const char *text;
    uint64_t hash;
    const void *metrics;
    int width, px, bold, n, fits;
    unsigned short off[MAX_LINES], len[MAX_LINES];
} WrapSlot;

struct WrapCache {
    WrapSlot slot[WRAP_SLOTS];
};

WrapCache *ui_wrap_cache_new(void) { return calloc(1, sizeof(WrapCache)); }

void ui_wrap_cache_free(WrapCache *c) { free(c); }

static void wrap_cached(B *b, const char *text, int width, int px, int bold, Lines *out)
{
    if (!b->wrap) {
        wrap(b->tm, text, width, px, bold, out);
        return;
    }
    uint64_t th = 1469598103934665603ull; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        th = (th ^ *p) * 1099511628211ull;
    uint64_t h = th ^ ((uint64_t)width * 131u + (uint64_t)px * 7u + (uint64_t)bold +
                       (uint64_t)(uintptr_t)b->tm->ctx);
    WrapSlot *s = &b->wrap->slot[(h >> 7) % WRAP_SLOTS];
    if (s->text == text && s->hash == th && s->metrics == b->tm->ctx && s->width == width &&
        s->px == px && s->bold == bold) {
        out->n = s->n;
        out->fits = s->fits;
        for (int i = 0; i < s->n; i++) {
            out->s[i] = text + s->off[i];
            out->len[i] = s->len[i];
        }
        return;
    }
    wrap(b->tm, text, width, px, bold, out);
    if (strlen(text) >= 65535)
        return; /* offsets would not fit: do not cache */
    s->text = text;
    s->hash = th;
    s->metrics = b->tm->ctx;
    s->width = width;
    s->px = px;
    s->bold = bold;
    s->n = out->n;
    s->fits = out->fits;
    for (int i = 0; i < out->n; i++) {
        s->off[i] = (unsigned short)(out->s[i] - text);
        s->len[i] = (unsigned short)out->len[i];
    }
}

int ui_wrap(const TextMetrics *tm, const char *text, int width, int px, int bold,
            const char **line, size_t *len, int max)
{
    Lines L;
    if (!tm || !text)
        return 0;
    wrap(tm, text, width, px, bold, &L);
    for (int i = 0; i < L.n && i < max; i++) {
        line[i] = L.s[i];
        len[i] = L.len[i];
    }
    return L.fits ? L.n : -L.n;
}

/* Draw text wrapped inside box, shrinking from px down to min_px until it
 * fits, but never below the display's readable minimum b->min_px (issue 9
 * point 7): text that does not fit there is drawn at the minimum and
 * counted as overflow, so a layout that is too tight shows up in the
 * checks instead of turning illegible. valign: 0 top, 1 middle, 2 bottom.
 * Returns the height used. */
int ui_text_box(B *b, const char *text, Rect box, int px, int min_px, int bold, Align align,
                    int valign, Color c)
{
    if (!text || !*text || box.w <= 0)
        return 0;
    Lines L;
    int lh = 0;
    if (px < b->min_px)
        px = b->min_px;
    if (min_px < b->min_px)
        min_px = b->min_px;
    int size = px;
    if (min_px > px)
        min_px = px;
    for (;;) {
        wrap_cached(b, text, box.w, size, bold, &L);
        lh = b->tm->line_height(b->tm->ctx, size);
        if ((L.fits && L.n * lh <= box.h) || size <= min_px)
            break;
        /* geometric steps: few distinct sizes, so few fonts to open */
        size = size * 7 / 8 < size - 1 ? size * 7 / 8 : size - 1;
        if (size < min_px)
            size = min_px;
    }
    if (!L.fits || L.n * lh > box.h) {
        b->ui->overflow++;
        if (!b->ui->overflow_text)
            b->ui->overflow_text = text;
    }
    int total = L.n * lh;
    int y = box.y + (total >= box.h ? 0
                     : valign == 1  ? (box.h - total) / 2
                     : valign == 2  ? box.h - total
                                    : 0);
    for (int i = 0; i < L.n; i++, y += lh) {
        int lw = b->tm->width(b->tm->ctx, L.s[i], L.len[i], size, bold);
        int x = align == ALIGN_START ? box.x
                : align == ALIGN_END ? box.x + box.w - lw
                                     : box.x + (box.w - lw) / 2;
        DrawCmd *d = ui_push(b, DRAW_TEXT, (Rect){x, y, lw, lh}, c);
        if (!d)
            return total;
        d->text = L.s[i];
        d->len = L.len[i];
        d->px = size;
        d->bold = bold;
        d->dir = b->dir;
        if (L.n > 1) {
            d->para = text;
            d->para_len = strlen(text);
        }
    }
    return total;
}

/* Height the text would take at px in width (no shrinking), for stacking. */
int ui_text_height(B *b, const char *text, int width, int px, int bold)
{
    Lines L;
    if (!text || !*text)
        return 0;
    wrap_cached(b, text, width, px, bold, &L);
    return L.n * b->tm->line_height(b->tm->ctx, px);
}

int ui_text_fits(B *b, const char *text, int width, int px, int bold, int max_h)
{
    Lines L;
    wrap_cached(b, text, width, px, bold, &L);
    return L.fits && L.n * b->tm->line_height(b->tm->ctx, px) <= max_h;
}
