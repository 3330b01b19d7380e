/* ui.c: screens, layout and the draw list; see ui.h.
 *
 * Sizes derive from the shorter side of the window (one "unit" is 1/800 of
 * it, clamped) and from the display's dpi, which fixes the smallest touch
 * target (9 mm). Each screen is laid out in logical coordinates, start on the
 * left; emit_*() mirror rectangles for right-to-left languages, so mirroring
 * is one property of the layout, not a branch in every screen. */
#include "ui/ui.h"

#include "ui/ui_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "i18n/i18n.h"
#include "qr/qr.h"

/* ---- theme ------------------------------------------------------------ */


static const Theme themes[2] = {
    /* calm, warm default: dark text on cream, teal accent */
    {.bg = {0xfb, 0xf6, 0xee, 0xff},
     .surface = {0xff, 0xff, 0xff, 0xff},
     .text = {0x1d, 0x23, 0x2c, 0xff},
     .muted = {0x4a, 0x52, 0x5e, 0xff},
     .accent = {0x13, 0x5e, 0x74, 0xff},
     .on_accent = {0xff, 0xff, 0xff, 0xff},
     .exit_bg = {0x3b, 0x3b, 0x3b, 0xff},
     .on_exit = {0xff, 0xff, 0xff, 0xff},
     .good = {0x1b, 0x7a, 0x3d, 0xff},
     .bad = {0xa8, 0x3a, 0x1c, 0xff},
     .focus = {0xe0, 0x8a, 0x00, 0xff},
     .line = {0xd8, 0xd0, 0xc4, 0xff},
     .dim = {0x00, 0x00, 0x00, 0xa0},
     .pressed = {0xe6, 0xee, 0xf0, 0xff},
     .attract_bg = {0x13, 0x5e, 0x74, 0xff},
     .on_attract = {0xff, 0xff, 0xff, 0xff},
     .disabled = {0xb8, 0xb0, 0xa4, 0xff}},
    /* high contrast: white and yellow on black */
    {.bg = {0x00, 0x00, 0x00, 0xff},
     .surface = {0x00, 0x00, 0x00, 0xff},
     .text = {0xff, 0xff, 0xff, 0xff},
     .muted = {0xff, 0xff, 0xff, 0xff},
     .accent = {0xff, 0xde, 0x00, 0xff},
     .on_accent = {0x00, 0x00, 0x00, 0xff},
     .exit_bg = {0xff, 0xff, 0xff, 0xff},
     .on_exit = {0x00, 0x00, 0x00, 0xff},
     .good = {0x7d, 0xff, 0x8a, 0xff},
     .bad = {0xff, 0x9e, 0x80, 0xff},
     .focus = {0x00, 0xe5, 0xff, 0xff},
     .line = {0xff, 0xff, 0xff, 0xff},
     .dim = {0x00, 0x00, 0x00, 0xd0},
     .pressed = {0x33, 0x33, 0x33, 0xff},
     .attract_bg = {0x00, 0x00, 0x00, 0xff},
     .on_attract = {0xff, 0xde, 0x00, 0xff},
     .disabled = {0x80, 0x80, 0x80, 0xff}},
};

/* ---- build context ---------------------------------------------------- */



int ui_min_target(float dpi)
{
    if (dpi <= 0)
        dpi = 160;
    int px = (int)ceilf(dpi * 9.0f / 25.4f);
    return px < 48 ? 48 : px;
}

int ui_min_text_px(float dpi)
{
    if (dpi <= 0)
        dpi = 160;
    int px = (int)ceilf(dpi * 2.2f / 25.4f);
    return px < 12 ? 12 : px;
}

static Rect mirror(const B *b, Rect r)
{
    if (b->rtl)
        r.x = b->w - r.x - r.w;
    return r;
}

DrawCmd *ui_push(B *b, DrawKind k, Rect r, Color c)
{
    Ui *ui = b->ui;
    if (ui->n_cmds == ui->cap_cmds) {
        int cap = ui->cap_cmds ? ui->cap_cmds * 2 : 256;
        DrawCmd *n = arena_alloc(b->arena, sizeof *n * (size_t)cap);
        if (!n) {
            b->err = ERR_NOMEM;
            return NULL;
        }
        if (ui->n_cmds)
            memcpy(n, ui->cmds, sizeof *n * (size_t)ui->n_cmds);
        ui->cmds = n;
        ui->cap_cmds = cap;
    }
    DrawCmd *d = &ui->cmds[ui->n_cmds++];
    memset(d, 0, sizeof *d);
    d->kind = k;
    d->r = mirror(b, r);
    d->color = c;
    return d;
}

void ui_fill(B *b, Rect r, Color c) { ui_push(b, DRAW_RECT, r, c); }

void ui_frame(B *b, Rect r, Color c, int thick)
{
    DrawCmd *d = ui_push(b, DRAW_FRAME, r, c);
    if (d)
        d->thick = thick;
}

void ui_circle(B *b, Rect r, Color c) { ui_push(b, DRAW_CIRCLE, r, c); }

void ui_image(B *b, Rect r, const char *path, ImageRoot root)
{
    if (!path)
        return;
    DrawCmd *d = ui_push(b, DRAW_IMAGE, r, (Color){255, 255, 255, 255});
    if (d) {
        d->image = path;
        d->root = root;
    }
}

/* A white-silhouette icon from assets/icons, drawn in colour c. Icons that
 * point along the reading direction are flipped in RTL. */
void ui_icon(B *b, Rect r, const char *name, Color c, int directional)
{
    DrawCmd *d = ui_push(b, DRAW_IMAGE, r, c);
    if (d) {
        d->image = arena_printf(b->arena, "icons/%s.svg", name);
        d->root = IMAGE_ASSETS;
        d->tint = 1;
        d->flip = directional && b->rtl;
    }
}

void ui_add_hit(B *b, WidgetId id, Rect r)
{
    Ui *ui = b->ui;
    if (ui->n_hits == ui->cap_hits) {
        int cap = ui->cap_hits ? ui->cap_hits * 2 : 64;
        Hit *n = arena_alloc(b->arena, sizeof *n * (size_t)cap);
        if (!n) {
            b->err = ERR_NOMEM;
            return;
        }
        if (ui->n_hits)
            memcpy(n, ui->hits, sizeof *n * (size_t)ui->n_hits);
        ui->hits = n;
        ui->cap_hits = cap;
    }
    if (id != WIDGET(W_BACKGROUND, 0) && (r.w < b->target || r.h < b->target))
        ui->small_targets++;
    ui->hits[ui->n_hits++] = (Hit){id, mirror(b, r)};
}


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
 * memoised by (text, width, size, weight, metrics) in a fixed table. The
 * key holds a hash of the bytes, not just the pointer: some texts are
 * composed per frame in the arena, where an address is reused. */
enum { WRAP_SLOTS = 512 };

typedef struct {
    const char *text;
    uint64_t hash;
    const void *metrics;
    int width, px, bold, n, fits;
    unsigned short off[MAX_LINES], len[MAX_LINES];
} WrapSlot;

static WrapSlot wrap_cache[WRAP_SLOTS];

static void wrap_cached(B *b, const char *text, int width, int px, int bold, Lines *out)
{
    uint64_t th = 1469598103934665603ull; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        th = (th ^ *p) * 1099511628211ull;
    uint64_t h = th ^ ((uint64_t)width * 131u + (uint64_t)px * 7u + (uint64_t)bold +
                       (uint64_t)(uintptr_t)b->tm->ctx);
    WrapSlot *s = &wrap_cache[(h >> 7) % WRAP_SLOTS];
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
 * fits. valign: 0 top, 1 middle, 2 bottom. Returns the height used. */
int ui_text_box(B *b, const char *text, Rect box, int px, int min_px, int bold, Align align,
                    int valign, Color c)
{
    if (!text || !*text || box.w <= 0)
        return 0;
    Lines L;
    int lh = 0;
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

/* ---- controls --------------------------------------------------------- */

int ui_pressed(const B *b, WidgetId id) { return b->app->pointer_down && b->app->pressed == id; }

void ui_focus_ring(B *b, WidgetId id, Rect r)
{
    if (b->app->focus == id)
        ui_frame(b, inset(r, -4), b->th->focus, 4);
}


const char *ui_verdict_text(int right)
{
    return right ? _("Right answer") : _("Your answer");
}

/* Right: a filled circle with a tick; wrong: a filled square with a cross.
 * Shape and icon differ, so the sign never rests on colour alone. */
void ui_verdict_badge(B *b, Rect r, int right)
{
    const Theme *t = b->th;
    Color c = right ? t->good : t->bad;
    if (right)
        ui_circle(b, r, c);
    else
        ui_fill(b, inset(r, r.w / 12), c);
    ui_icon(b, inset(r, r.w / 5), right ? "check" : "cross", t->bg, 0);
}

/* A button with an optional icon and an optional label, icon at the start. */
void ui_button(B *b, WidgetId id, Rect r, const char *icon_name, const char *label,
                   BtnStyle style, int directional)
{
    const Theme *t = b->th;
    Color bg = t->surface, fg = t->text;
    if (style == BTN_PRIMARY || style == BTN_SELECTED) {
        bg = t->accent;
        fg = t->on_accent;
    } else if (style == BTN_EXIT) {
        bg = t->exit_bg;
        fg = t->on_exit;
    } else if (style == BTN_DISABLED) {
        bg = t->bg;
        fg = t->disabled;
    }
    if (ui_pressed(b, id) && style != BTN_DISABLED)
        bg = style == BTN_PLAIN ? t->pressed : t->text;
    ui_fill(b, r, bg);
    /* a disabled control is flat (no border) and faint, so it reads as
     * disabled by its shape too, in every theme */
    if (style != BTN_DISABLED)
        ui_frame(b, r, style == BTN_PLAIN ? t->line : bg, 2);
    int isz = r.h * 6 / 10;
    if (isz > b->target)
        isz = b->target;
    int pad = b->pad / 2 + 2;
    Rect inner = inset(r, pad);
    /* the label never needs more than the button's height allows */
    int lpx = b->body_px;
    while (lpx > 8 && lpx * 15 / 10 > inner.h)
        lpx = lpx * 7 / 8; /* the same ladder as text_box's shrinking */
    if (icon_name && label) {
        /* a label that cannot fit beside its icon even at its smallest is
         * left out: the icon alone still says what the control does */
        Lines L;
        int tw = inner.w - isz - pad;
        wrap_cached(b, label, tw, lpx * 3 / 4, 1, &L);
        if (tw <= 0 || !L.fits || L.n * b->tm->line_height(b->tm->ctx, lpx * 3 / 4) > inner.h)
            label = NULL;
    }
    if (icon_name && label) {
        Rect ir = {inner.x, r.y + (r.h - isz) / 2, isz, isz};
        ui_icon(b, ir, icon_name, fg, directional);
        Rect tr = {ir.x + isz + pad, inner.y, inner.w - isz - pad, inner.h};
        ui_text_box(b, label, tr, lpx, lpx * 3 / 4, 1, ALIGN_START, 1, fg);
    } else if (icon_name) {
        Rect ir = {r.x + (r.w - isz) / 2, r.y + (r.h - isz) / 2, isz, isz};
        ui_icon(b, ir, icon_name, fg, directional);
    } else if (label) {
        ui_text_box(b, label, inner, lpx, lpx * 3 / 4, 1, ALIGN_CENTER, 1, fg);
    }
    if (style != BTN_DISABLED)
        ui_add_hit(b, id, r);
    ui_focus_ring(b, id, r);
}

int ui_bar_background(B *b)
{
    int hh = b->target + b->pad;
    if (hh < (int)(84 * b->unit))
        hh = (int)(84 * b->unit);
    ui_fill(b, (Rect){0, 0, b->w, hh}, b->th->surface);
    ui_fill(b, (Rect){0, hh - 2, b->w, 2}, b->th->line);
    return hh;
}

/* The bar on every content screen: Home and Language at the start; text
 * size, contrast and Quick exit at the end. Returns its height. */
static int header(B *b, int with_nav)
{
    int hh = ui_bar_background(b);
    int bs = hh - b->pad, y = b->pad / 2, x = b->pad / 2;
    int exit_w = bs * 2 + b->pad;
    if (exit_w > b->w / 4 && b->w / 4 >= bs + b->pad)
        exit_w = b->w / 4;
    int room = b->w - b->pad - exit_w - 2 * (bs + b->pad / 2);
    if (with_nav) {
        ui_button(b, WIDGET(W_HOME, 0), (Rect){x, y, bs, bs}, "home", NULL, BTN_PLAIN, 0);
        x += bs + b->pad / 2;
        const Language *l = i18n_language(app_lang(b->app));
        int lw = room - (x - b->pad / 2) - b->pad;
        if (lw > bs * 4)
            lw = bs * 4;
        if (lw >= bs * 3)
            ui_button(b, WIDGET(W_LANGUAGE, 0), (Rect){x, y, lw, bs}, "globe", l ? l->native : "",
                   BTN_PLAIN, 0);
        else
            ui_button(b, WIDGET(W_LANGUAGE, 0), (Rect){x, y, bs, bs}, "globe", NULL, BTN_PLAIN, 0);
    }
    int ex = b->w - b->pad / 2 - exit_w;
    /* TRANSLATORS: the quick-exit button, always on screen: it clears the
       screen at once so a visitor who is watched can leave. Short and calm. */
    ui_button(b, WIDGET(W_QUICK_EXIT, 0), (Rect){ex, y, exit_w, bs}, "exit", _("Exit"), BTN_EXIT, 0);
    int cx = ex - b->pad / 2 - bs;
    ui_button(b, WIDGET(W_CONTRAST, 0), (Rect){cx, y, bs, bs}, "contrast", NULL,
           b->app->high_contrast ? BTN_SELECTED : BTN_PLAIN, 0);
    cx -= b->pad / 2 + bs;
    ui_button(b, WIDGET(W_LARGE_TEXT, 0), (Rect){cx, y, bs, bs}, "textsize", NULL,
           b->app->large_text ? BTN_SELECTED : BTN_PLAIN, 0);
    return hh;
}

/* Bottom bar with Back, progress dots, Listen and Next. */
/* On a portrait kiosk the visitor's screens repeat Exit in a row of its own
 * at the very bottom, where a child's hand reaches (the top bar is out of
 * reach on a tall screen; phones, under 1000 px tall, keep the one bar);
 * the bar's other controls stay in its first row. */
static int exit_row(const B *b)
{
    ScreenId s = b->app->screen;
    return b->h > b->w * 6 / 5 && b->h >= 1000 &&
           (s == SCREEN_LANGUAGE || s == SCREEN_MENU || s == SCREEN_SLIDE || s == SCREEN_QUIZ ||
            s == SCREEN_END || s == SCREEN_HELP);
}

int ui_footer_height(const B *b)
{
    return b->ctl + b->pad * 2 + (exit_row(b) ? b->ctl + b->pad : 0);
}

int ui_footer_bar(B *b)
{
    int fh = ui_footer_height(b), y0 = b->h - fh;
    ui_fill(b, (Rect){0, y0, b->w, fh}, b->th->surface);
    ui_fill(b, (Rect){0, y0, b->w, 2}, b->th->line);
    if (exit_row(b)) {
        int ew = b->w - b->pad * 2;
        if (ew > b->ctl * 6)
            ew = b->ctl * 6;
        ui_button(b, WIDGET(W_QUICK_EXIT, 1),
                  (Rect){b->w - b->pad - ew, b->h - b->pad - b->ctl, ew, b->ctl}, "exit", _("Exit"),
                  BTN_EXIT, 0);
    }
    return y0;
}

/* Listen, or Stop (selected) while the narration plays. */
static void speaker_button(B *b, Rect r, int has_audio)
{
    int playing = has_audio && b->app->narration_playing;
    ui_button(b, WIDGET(W_SPEAKER, 0), r, playing ? "stop" : "speaker", NULL,
              playing ? BTN_SELECTED : has_audio ? BTN_PLAIN : BTN_DISABLED, 0);
}

static void footer(B *b, int n_dots, int dot, int can_next, int has_audio)
{
    const Theme *t = b->th;
    int fh = ui_footer_height(b);
    int y0 = b->h - fh;
    ui_footer_bar(b);
    int bs = b->ctl;
    int bw = b->w >= 700 ? bs * 3 : bs + b->pad;
    const char *back = b->w >= 700 ? _("Back") : NULL;
    const char *next = b->w >= 700 ? _("Next") : NULL;
    Rect rb = {b->pad, y0 + b->pad, bw, bs};
    Rect rn = {b->w - b->pad - bw, y0 + b->pad, bw, bs};
    ui_button(b, WIDGET(W_BACK, 0), rb, "back", back, BTN_PLAIN, 1);
    /* Listen sits beside Back; the dots take the middle. */
    Rect rs = {rb.x + bw + b->pad, y0 + b->pad, bs, bs};
    speaker_button(b, rs, has_audio);
    ui_button(b, WIDGET(W_NEXT, 0), rn, "next", next, can_next ? BTN_PRIMARY : BTN_DISABLED, 1);
    if (n_dots > 1) {
        int left = rs.x + bs + b->pad, right = rn.x - b->pad;
        int d = (int)(14 * b->unit);
        if (d < 8)
            d = 8;
        int gap = d;
        int need = n_dots * d + (n_dots - 1) * gap;
        while (need > right - left && gap > 2) {
            gap--;
            need = n_dots * d + (n_dots - 1) * gap;
        }
        if (need <= right - left) {
            int x = left + (right - left - need) / 2;
            for (int i = 0; i < n_dots; i++, x += d + gap) {
                /* centred on the button row (the portrait Exit row sits below) */
                Rect r = {x, y0 + b->pad + bs / 2 - d / 2, d, d};
                /* the others in the muted text colour: visible (>= 3:1 on
                 * the bar), smaller and quieter than the current one */
                ui_circle(b, i == dot ? r : inset(r, d / 5), i == dot ? t->accent : t->muted);
            }
        }
    }
}

/* ---- screens ---------------------------------------------------------- */

static int has_narration(const B *b)
{
    char key[96];
    const App *a = b->app;
    app_narration_key(a, key, sizeof key);
    return key[0] && a->narration_exists && a->narration_exists(a->narration_ctx, app_lang(a), key);
}

static void screen_attract(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    b->ui->clear = t->attract_bg;
    AppTimeView tv;
    app_time_view(a, b->now, &tv);
    int idx = tv.attract_lang >= 0 && tv.attract_lang < a->cfg.n_langs ? tv.attract_lang : 0;
    const char *code = a->cfg.n_langs > 0 ? a->cfg.langs[idx] : "en";
    const Language *l = i18n_language(code);
    B bl = *b;
    bl.dir = l && l->rtl ? PARA_RTL : PARA_LTR;
    int side = b->w < b->h ? b->w : b->h;
    int isz = side * 2 / 5;
    Rect ir = {(b->w - isz) / 2, b->h / 10, isz, isz};
    ui_icon(b, ir, "journey", t->on_attract, 0);
    int ty = ir.y + isz + b->pad * 2;
    Rect msg = {b->pad * 2, ty, b->w - b->pad * 4, (b->h - ty) * 55 / 100};
    bl.dir = l && l->rtl ? PARA_RTL : PARA_LTR;
    ui_text_box(&bl, i18n_text_in(code, "Know the risks. Know your rights. Get help."), msg,
             b->big_px, b->title_px * 3 / 4, 1, ALIGN_CENTER, 1, t->on_attract);
    Rect sub = {b->pad * 2, msg.y + msg.h + b->pad, b->w - b->pad * 4,
                b->h - (msg.y + msg.h + b->pad) - b->pad * 2};
    ui_text_box(&bl, i18n_text_in(code, "Touch the screen to start"), sub, b->title_px,
             b->small_px, 0, ALIGN_CENTER, 0, t->on_attract);
    ui_add_hit(b, WIDGET(W_BACKGROUND, 0), (Rect){0, 0, b->w, b->h});
}

/* The screen after Exit: an ordinary idle clock, as on any tablet, that
 * says nothing about the kiosk's subject. The time of day comes from the
 * state (app->clock_min, set from the events), never from a clock here;
 * unknown time shows the plain page alone. */
static void screen_neutral(B *b)
{
    Color bg = {0xe9, 0xed, 0xf0, 0xff}, ink = {0x3a, 0x44, 0x50, 0xff},
          soft = {0xc6, 0xd1, 0xd9, 0xff};
    b->ui->clear = bg;
    int side = b->w < b->h ? b->w : b->h;
    int m = b->app->clock_min;
    Rect face = {(b->w - side / 2) / 2, b->h / 2 - side / 2 + side / 10, side / 2, side / 2};
    if (m < 0 || m >= 24 * 60) {
        ui_circle(b, face, soft);
        return;
    }
    /* a thin ring of twelve hour marks around the digits */
    for (int k = 0; k < 12; k++) {
        double ang = k * 3.14159265358979 / 6;
        int d = side / 40 > 4 ? side / 40 : 4;
        int cx = face.x + face.w / 2 + (int)(sin(ang) * face.w * 0.46);
        int cy = face.y + face.h / 2 - (int)(cos(ang) * face.h * 0.46);
        ui_circle(b, (Rect){cx - d / 2, cy - d / 2, d, d}, k % 3 ? soft : ink);
    }
    B bl = *b;
    bl.dir = PARA_LTR;
    const char *hhmm = arena_printf(b->arena, "%02d:%02d", m / 60, m % 60);
    int px = side / 9;
    int lh = b->tm->line_height(b->tm->ctx, px);
    Rect in = inset(face, face.w / 8);
    ui_text_box(&bl, hhmm, (Rect){in.x, face.y + (face.h - lh) / 2, in.w, lh}, px, px / 2, 1,
                ALIGN_CENTER, 1, ink);
}

static void grid_dims(int n, int avail_w, int min_w, int *cols)
{
    int c = avail_w / (min_w > 0 ? min_w : 1);
    if (c < 1)
        c = 1;
    if (c > n)
        c = n;
    *cols = c;
}

static void screen_language(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    int hh = header(b, 0);
    int y = hh + b->pad;
    Rect title = {b->pad * 2, y, b->w - b->pad * 4, b->title_px * 3};
    /* Before a choice the heading cycles through the languages (the
     * visitor may read none of them but their own); it is centred, like
     * everything here, so no language moves it. */
    AppTimeView tv;
    app_time_view(a, b->now, &tv);
    B bh = *b;
    const char *heading = _("Choose your language");
    if (tv.picker_lang >= 0 && tv.picker_lang < a->cfg.n_langs) {
        const char *hc = a->cfg.langs[tv.picker_lang];
        const Language *hl = i18n_language(hc);
        heading = i18n_text_in(hc, "Choose your language");
        bh.dir = hl && hl->rtl ? PARA_RTL : PARA_LTR;
    }
    int th = ui_text_box(&bh, heading, title, b->title_px, b->body_px, 1, ALIGN_CENTER, 0, t->text);
    y += th + b->pad;
    int n = a->cfg.n_langs;
    int bottom = b->h - ui_footer_height(b);
    int cols;
    grid_dims(n, b->w - b->pad * 2, (int)(380 * b->unit) > 220 ? (int)(380 * b->unit) : 220, &cols);
    int rows = (n + cols - 1) / cols;
    int cw = (b->w - b->pad * (cols + 1)) / cols;
    int ch = (bottom - y - b->pad * (rows + 1)) / (rows > 0 ? rows : 1);
    /* tall enough for a name at full size on large screens (at 2560x1440
     * two targets are less than a line of title text) */
    int max_h = b->target * 2;
    int need = b->tm->line_height(b->tm->ctx, b->title_px) + b->pad * 2;
    if (max_h < need)
        max_h = need;
    if (ch > max_h)
        ch = max_h;
    if (ch < b->target)
        ch = b->target;
    for (int i = 0; i < n; i++) {
        const Language *l = i18n_language(a->cfg.langs[i]);
        int r = i / cols, c = i % cols;
        Rect cell = {b->pad + c * (cw + b->pad), y + r * (ch + b->pad), cw, ch};
        WidgetId id = WIDGET(W_LANG_CHOICE, i);
        int sel = a->picker_choice == i;
        ui_fill(b, cell, ui_pressed(b, id) ? t->pressed : sel ? t->accent : t->surface);
        ui_frame(b, cell, sel ? t->accent : t->line, sel ? 4 : 2);
        B bl = *b;
        bl.dir = l && l->rtl ? PARA_RTL : PARA_LTR;
        int isz = ch * 5 / 10;
        Rect tr = inset(cell, b->pad);
        if (sel) {
            ui_icon(b, (Rect){cell.x + cell.w - isz - b->pad, cell.y + (ch - isz) / 2, isz, isz},
                 "check", t->on_accent, 0);
            tr.w -= isz + b->pad;
        }
        ui_text_box(&bl, l ? l->native : a->cfg.langs[i], tr, b->title_px, b->body_px, 1,
                 ALIGN_CENTER, 1, sel ? t->on_accent : t->text);
        ui_add_hit(b, id, cell);
        ui_focus_ring(b, id, cell);
    }
    int fh = ui_footer_height(b);
    ui_footer_bar(b);
    int bw = b->w - b->pad * 2;
    if (bw > b->ctl * 6)
        bw = b->ctl * 6;
    ui_button(b, WIDGET(W_LANG_CONFIRM, 0),
           (Rect){b->w - b->pad - bw, b->h - fh + b->pad, bw, b->ctl}, "next", _("Continue"),
           a->picker_choice >= 0 ? BTN_PRIMARY : BTN_DISABLED, 1);
}

static const char *const filter_icons[FILTER__COUNT] = {"all", "women", "children", "everyone"};
static const char *const filter_labels[FILTER__COUNT] = {
    N_("All topics"), N_("For women and girls"), N_("For children and young people"),
    N_("For everyone")};

static const char *audience_icon(unsigned aud)
{
    if (aud & AUDIENCE_EVERYONE)
        return "everyone";
    if (aud & AUDIENCE_CHILDREN)
        return "children";
    if (aud & AUDIENCE_WOMEN)
        return "women";
    return "everyone";
}

static void screen_menu(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    int hh = header(b, 1);
    int y = hh + b->pad;
    Rect title = {b->pad * 2, y, b->w - b->pad * 4, b->title_px * 2};
    int th = ui_text_box(b, _("What would you like to see?"), title, b->title_px, b->body_px, 1,
                      ALIGN_START, 0, t->text);
    y += th + b->pad;
    /* audience filters: icon-first chips; labels when there is room, in
     * one row of four or two rows of two */
    int fcols = FILTER__COUNT, label = 1;
    int fw = (b->w - b->pad * (fcols + 1)) / fcols;
    if (fw < b->target * 5) {
        fcols = 2;
        fw = (b->w - b->pad * (fcols + 1)) / fcols;
        if (fw < b->target * 3) {
            fcols = FILTER__COUNT;
            fw = (b->w - b->pad * (fcols + 1)) / fcols;
            label = 0;
        }
    }
    int fhh = b->target;
    if (label) { /* room for two lines of label */
        fhh = 2 * b->tm->line_height(b->tm->ctx, b->small_px) + 2 * b->pad;
        if (fhh < b->ctl)
            fhh = b->ctl;
    }
    for (int i = 0; i < FILTER__COUNT; i++) {
        Rect r = {b->pad + (i % fcols) * (fw + b->pad), y + (i / fcols) * (fhh + b->pad), fw, fhh};
        ui_button(b, WIDGET(W_FILTER, i), r, filter_icons[i], label ? _(filter_labels[i]) : NULL,
               a->filter == (AudienceFilter)i ? BTN_SELECTED : BTN_PLAIN, 0);
    }
    y += (FILTER__COUNT / fcols) * (fhh + b->pad);
    /* cards, paged */
    int fh = ui_footer_height(b);
    int bottom = b->h - fh;
    int idx[64];
    int n = app_menu_modules(a, idx, 64);
    int cols;
    int card_min_w = (int)(520 * b->unit) > 300 ? (int)(520 * b->unit) : 300;
    grid_dims(n > 0 ? n : 1, b->w - b->pad * 2, card_min_w, &cols);
    if (cols > 3)
        cols = 3;
    int cw = (b->w - b->pad * (cols + 1)) / cols;
    int isz = cw / 4 < b->target * 2 ? cw / 4 : b->target * 2;
    int bsz = b->target * 2 / 3;
    int tw = cw - isz - 3 * b->pad - bsz;
    /* every card as tall as the wordiest needs, so none is cut */
    int card_h = isz + 2 * b->pad;
    if (card_h < (int)(150 * b->unit))
        card_h = (int)(150 * b->unit);
    for (int k = 0; k < n; k++) {
        const Module *m = content_module(a->content, idx[k]);
        int need = ui_text_height(b, _(m->title), tw, b->body_px, 1) +
                   ui_text_height(b, _(m->summary), tw, b->small_px, 0) + b->pad;
        if (need > card_h)
            card_h = need;
    }
    if (card_h > bottom - y - b->pad)
        card_h = bottom - y - b->pad;
    int rows = (bottom - y - b->pad) / (card_h + b->pad);
    if (rows < 1)
        rows = 1;
    int per_page = rows * cols;
    int pages = n > 0 ? (n + per_page - 1) / per_page : 1;
    int page = a->menu_scroll < pages ? a->menu_scroll : pages - 1;
    for (int k = 0; k < per_page && page * per_page + k < n; k++) {
        int mi = idx[page * per_page + k];
        const Module *m = content_module(a->content, mi);
        int r = k / cols, c = k % cols;
        Rect card = {b->pad + c * (cw + b->pad), y + r * (card_h + b->pad), cw, card_h};
        WidgetId id = WIDGET(W_CARD, mi);
        ui_fill(b, card, ui_pressed(b, id) ? t->pressed : t->surface);
        ui_frame(b, card, t->line, 2);
        Rect ir = {card.x + b->pad, card.y + (card_h - isz) / 2, isz, isz};
        ui_image(b, ir, m->icon, IMAGE_CONTENT);
        Rect tx = {ir.x + isz + b->pad, card.y + b->pad / 2, tw, card_h - b->pad};
        int tth = ui_text_height(b, _(m->title), tx.w, b->body_px, 1);
        int sth = ui_text_height(b, _(m->summary), tx.w, b->small_px, 0);
        if (tth + sth > tx.h) { /* only when the card was capped to the screen */
            tth = tx.h * tth / (tth + sth);
            sth = tx.h - tth;
        }
        int ty = tx.y + (tx.h - tth - sth) / 2;
        ui_text_box(b, _(m->title), (Rect){tx.x, ty, tx.w, tth}, b->body_px, b->small_px, 1,
                 ALIGN_START, 0, t->text);
        ui_text_box(b, _(m->summary), (Rect){tx.x, ty + tth, tx.w, sth}, b->small_px,
                 b->small_px * 3 / 4, 0, ALIGN_START, 0, t->muted);
        ui_icon(b, (Rect){card.x + card.w - bsz - b->pad / 2, card.y + b->pad / 2, bsz, bsz},
             audience_icon(m->audience), t->accent, 0);
        ui_add_hit(b, id, card);
        ui_focus_ring(b, id, card);
    }
    /* footer: previous page, Get help, next page */
    int y0 = b->h - fh;
    ui_footer_bar(b);
    int bs = b->ctl;
    /* more pages: the arrows carry words and take a third of the bar each,
     * so no topic waits behind a bare arrow */
    int nw = pages > 1 ? (b->w - 4 * b->pad) / 3 : bs + b->pad;
    if (nw > bs * 5)
        nw = bs * 5;
    int hw = b->w - 4 * b->pad - 2 * nw;
    if (hw > bs * 7)
        hw = bs * 7;
    ui_button(b, WIDGET(W_HELP, 0), (Rect){(b->w - hw) / 2, y0 + b->pad, hw, bs}, "help",
           _("Get help"), BTN_PRIMARY, 0);
    if (page > 0)
        ui_button(b, WIDGET(W_BACK, 0), (Rect){b->pad, y0 + b->pad, nw, bs}, "back",
                  _("Back"), BTN_PLAIN, 1);
    if (page + 1 < pages)
        ui_button(b, WIDGET(W_NEXT, 0), (Rect){b->w - b->pad - nw, y0 + b->pad, nw, bs}, "next",
                  b->w >= 700 ? arena_printf(b->arena, _("More topics (%d)"), n - (page + 1) * per_page)
                              : arena_printf(b->arena, "+%d", n - (page + 1) * per_page),
                  BTN_PLAIN, 1);
}

/* Content area between header and footer, with the slide transition. */
static Rect body_area(B *b, int hh)
{
    Rect r = {b->pad * 2, hh + b->pad, b->w - b->pad * 4, b->h - hh - ui_footer_height(b) - b->pad * 2};
    return r;
}

static void screen_slide(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    const Module *m = app_module(a);
    int hh = header(b, 1);
    if (!m)
        return;
    const Slide *s = &m->slides[a->slide];
    int child = (m->audience & AUDIENCE_CHILDREN) != 0;
    Rect area = body_area(b, hh);
    if (app_animating(a, b->now)) {
        float p = (float)(b->now - a->anim_start_ms) / (float)app_anim_ms(a);
        float ease = 1 - (1 - p) * (1 - p);
        area.x += (int)((1 - ease) * b->w / 6 * a->anim_dir);
    }
    int landscape = area.w > area.h * 5 / 4;
    Rect img, txt;
    if (landscape) {
        int iw = area.w * (child ? 55 : 45) / 100;
        img = (Rect){area.x, area.y, iw, area.h};
        txt = (Rect){area.x + iw + b->pad * 2, area.y, area.w - iw - b->pad * 2, area.h};
    } else {
        int ih = area.h * (child ? 50 : 40) / 100;
        img = (Rect){area.x, area.y, area.w, ih};
        txt = (Rect){area.x, area.y + ih + b->pad, area.w, area.h - ih - b->pad};
    }
    ui_image(b, img, s->image, IMAGE_CONTENT);
    int tpx = child ? b->title_px * 11 / 10 : b->title_px;
    int bpx = child ? b->body_px * 12 / 10 : b->body_px;
    int th = ui_text_height(b, _(s->title), txt.w, tpx, 1);
    if (th > txt.h / 3)
        th = txt.h / 3;
    ui_text_box(b, _(s->title), (Rect){txt.x, txt.y, txt.w, th}, tpx, b->body_px, 1, ALIGN_START,
             0, t->text);
    ui_text_box(b, _(s->body), (Rect){txt.x, txt.y + th + b->pad, txt.w, txt.h - th - b->pad}, bpx,
             b->small_px, 0, ALIGN_START, 0, t->text);
    /* one dot per slide, per quiz question and for the end card */
    int total = m->n_slides + m->n_quiz + 1;
    footer(b, total, a->slide, 1, has_narration(b));
}

static void screen_quiz(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    const Module *m = app_module(a);
    int hh = header(b, 1);
    if (!m || m->n_quiz == 0)
        return;
    const QuizQuestion *q = &m->quiz[a->quiz_q];
    Rect area = body_area(b, hh);
    int qh = ui_text_height(b, _(q->question), area.w, b->title_px, 1);
    if (qh > area.h / 4)
        qh = area.h / 4;
    ui_text_box(b, _(q->question), (Rect){area.x, area.y, area.w, qh}, b->title_px, b->body_px, 1,
             ALIGN_START, 0, t->text);
    int y = area.y + qh + b->pad;
    int answered = a->quiz_answer >= 0;
    int fb_h = answered ? (area.y + area.h - y) / 2 : 0;
    int avail = area.y + area.h - y - fb_h - (answered ? b->pad : 0);
    int n = q->n_answers;
    int landscape = area.w > area.h * 3 / 2 && n <= 3;
    int ah, aw;
    if (landscape) {
        aw = (area.w - b->pad * (n - 1)) / n;
        ah = avail;
        if (ah > b->target * 3)
            ah = b->target * 3;
    } else {
        aw = area.w;
        ah = (avail - b->pad * (n - 1)) / n;
        /* answered: room for the verdict's words too */
        int cap = b->target * 2 + (answered ? b->tm->line_height(b->tm->ctx, b->small_px) : 0);
        if (ah > cap)
            ah = cap;
    }
    if (ah < b->target)
        ah = b->target;
    for (int i = 0; i < n; i++) {
        Rect r = landscape ? (Rect){area.x + i * (aw + b->pad), y, aw, ah}
                           : (Rect){area.x, y + i * (ah + b->pad), aw, ah};
        WidgetId id = WIDGET(W_ANSWER, i);
        Color bg = t->surface, fg = t->text, border = t->line;
        /* after an answer: the right one and the visitor's wrong one carry
         * the verdict sign (shape, icon and words); others are dimmed */
        int verdict = -1;
        if (answered && i == q->correct) {
            border = t->good;
            verdict = 1;
        } else if (answered && i == a->quiz_answer) {
            border = t->bad;
            verdict = 0;
        }
        if (!answered && ui_pressed(b, id))
            bg = t->pressed;
        ui_fill(b, r, bg);
        ui_frame(b, r, border, verdict >= 0 ? 6 : 3);
        int isz = r.h - b->pad;
        if (isz > r.w / 3)
            isz = r.w / 3;
        Rect ir = {r.x + b->pad / 2, r.y + (r.h - isz) / 2, isz, isz};
        ui_image(b, ir, q->answers[i].icon, IMAGE_CONTENT);
        int msz = verdict >= 0 ? b->target * 2 / 3 : 0;
        Rect tr = {ir.x + isz + b->pad, r.y + b->pad / 2, r.w - isz - 2 * b->pad - msz - b->pad / 2,
                   r.h - b->pad};
        if (verdict >= 0) {
            /* the verdict's words under the answer, in the verdict colour */
            int vh = b->tm->line_height(b->tm->ctx, b->small_px);
            if (vh > tr.h / 2)
                vh = tr.h / 2;
            tr.h -= vh;
            ui_text_box(b, ui_verdict_text(verdict), (Rect){tr.x, tr.y + tr.h, tr.w, vh},
                        b->small_px, b->small_px * 3 / 4, 1, ALIGN_START, 0,
                        verdict ? t->good : t->bad);
            ui_verdict_badge(b, (Rect){r.x + r.w - msz - b->pad / 2, r.y + (r.h - msz) / 2, msz, msz},
                             verdict);
        }
        ui_text_box(b, _(q->answers[i].text), tr, b->body_px,
                    verdict >= 0 ? b->small_px * 3 / 4 : b->small_px, 1, ALIGN_START,
                    verdict >= 0 ? 2 : 1, fg);
        if (!answered)
            ui_add_hit(b, id, r);
        ui_focus_ring(b, id, r);
    }
    if (answered) {
        int fy = (landscape ? y + ah : y + n * (ah + b->pad) - b->pad) + b->pad;
        Rect fr = {area.x, fy, area.w, area.y + area.h - fy};
        int right = a->quiz_answer == q->correct;
        ui_fill(b, fr, t->surface);
        ui_frame(b, fr, right ? t->good : t->bad, 3);
        Rect in = inset(fr, b->pad);
        const char *head = right ? _("Well done!") : _("Not quite. Here is the answer:");
        int lh = b->tm->line_height(b->tm->ctx, b->body_px);
        int bsz = lh < b->target * 2 / 3 ? b->target * 2 / 3 : lh;
        if (bsz > in.h / 2)
            bsz = in.h / 2;
        ui_verdict_badge(b, (Rect){in.x, in.y, bsz, bsz}, right);
        Rect hr = {in.x + bsz + b->pad, in.y, in.w - bsz - b->pad, 0};
        int used = ui_text_height(b, head, hr.w, b->body_px, 1);
        if (used > in.h / 2)
            used = in.h / 2;
        hr.h = used > bsz ? used : bsz;
        ui_text_box(b, head, hr, b->body_px, b->small_px, 1, ALIGN_START, 1,
                    right ? t->good : t->bad);
        used = hr.h + b->pad / 2;
        ui_text_box(b, _(q->explain), (Rect){in.x, in.y + used, in.w, in.h - used}, b->body_px,
                 b->small_px, 0, ALIGN_START, 0, t->text);
    }
    int total = m->n_slides + m->n_quiz + 1;
    footer(b, total, m->n_slides + a->quiz_q, answered, has_narration(b));
}

/* The side of a contact's QR code in a card whose inner box is in: at most
 * a third of the width. */
static int contact_qr_side(Rect in)
{
    return in.h < in.w / 3 ? in.h : in.w / 3;
}

/* A take-away QR code for the contact, at the end side of its card, when
 * there is room for modules of at least 2 px. Returns the width used. */
static int contact_qr(B *b, const Contact *c, Rect in)
{
    char text[512];
    if (qr_contact_text(c, text, sizeof text) < 0)
        return 0;
    const QrMatrix *q = qr_get(text);
    if (!q)
        return 0;
    int side = contact_qr_side(in);
    if (side < (q->size + 8) * 2)
        return 0;
    DrawCmd *d = ui_push(b, DRAW_QR, (Rect){in.x + in.w - side, in.y + (in.h - side) / 2, side, side},
                      (Color){0, 0, 0, 255});
    if (!d)
        return 0;
    d->qr = q->modules;
    d->qr_size = q->size;
    b->ui->qr_shown++;
    return side + b->pad;
}

/* Inner layout of a contact card: the name, the number (large: it is what
 * people need), and what they help with. */
static int contact_icon_size(const B *b, Rect in)
{
    return in.w >= b->target * 8 ? b->target : 0;
}

/* Height a card needs at width w to show everything without shrinking.
 * The QR code takes up to a third of the width plus a gap (contact_qr). */
static int contact_needed_h(B *b, const Contact *c, int w, int big)
{
    Rect in = {0, 0, w - 2 * b->pad, 0};
    int tw = in.w - (c->number ? in.w / 3 + b->pad : 0);
    int isz = contact_icon_size(b, (Rect){0, 0, tw, 0});
    tw -= isz ? isz + b->pad : 0;
    int h = ui_text_height(b, _(c->name), tw, b->body_px, 1);
    if (c->number)
        h += b->tm->line_height(b->tm->ctx, big ? b->title_px : b->body_px);
    if (c->description)
        h += ui_text_height(b, _(c->description), tw, b->small_px, 0);
    if (c->hours)
        h += ui_text_height(b, _(c->hours), tw, b->small_px, 0);
    if (c->place)
        h += ui_text_height(b, _(c->place), tw, b->small_px, 0);
    return h + 2 * b->pad;
}

static void contact_card(B *b, const Contact *c, Rect r, int big)
{
    const Theme *t = b->th;
    ui_fill(b, r, t->surface);
    ui_frame(b, r, t->accent, 3);
    Rect in = inset(r, b->pad);
    in.w -= contact_qr(b, c, in);
    int isz = contact_icon_size(b, in);
    if (isz)
        ui_icon(b, (Rect){in.x, in.y, isz, isz}, "help", t->accent, 0);
    Rect tx = {in.x + (isz ? isz + b->pad : 0), in.y, in.w - (isz ? isz + b->pad : 0), in.h};
    int npx = big ? b->title_px : b->body_px;
    int num_h = c->number ? b->tm->line_height(b->tm->ctx, npx) : 0;
    int name_h = ui_text_height(b, _(c->name), tx.w, b->body_px, 1);
    /* what they help with, then when and where, as one small paragraph */
    const char *desc = _(c->description);
    if (c->hours || c->place)
        desc = arena_printf(b->arena, "%s%s%s%s%s", desc ? desc : "", desc && c->hours ? "\n" : "",
                            c->hours ? _(c->hours) : "", c->place ? "\n" : "",
                            c->place ? _(c->place) : "");
    int desc_h = desc ? ui_text_height(b, desc, tx.w, b->small_px, 0) : 0;
    int need = name_h + num_h + desc_h;
    if (need > tx.h) { /* share the shortfall: the number keeps its line */
        int rest = tx.h - num_h;
        if (rest < 0)
            rest = 0;
        int sum = name_h + desc_h > 0 ? name_h + desc_h : 1;
        name_h = rest * name_h / sum;
        desc_h = rest - name_h;
        if (num_h > tx.h)
            num_h = tx.h;
    }
    int y = tx.y;
    ui_text_box(b, _(c->name), (Rect){tx.x, y, tx.w, name_h}, b->body_px, b->small_px * 3 / 4, 1,
             ALIGN_START, 0, t->text);
    y += name_h;
    if (c->number) {
        /* numbers are written left to right in every language */
        B bl = *b;
        bl.dir = PARA_LTR;
        ui_text_box(&bl, c->number, (Rect){tx.x, y, tx.w, num_h}, npx, b->small_px, 1,
                 ALIGN_START, 0, t->accent);
        y += num_h;
    }
    if (desc)
        ui_text_box(b, desc, (Rect){tx.x, y, tx.w, desc_h}, b->small_px, b->small_px * 3 / 4, 0,
                 ALIGN_START, 0, t->muted);
}

static void screen_end(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    const Module *m = app_module(a);
    int hh = header(b, 1);
    if (!m)
        return;
    Rect area = body_area(b, hh);
    int th = ui_text_height(b, _(m->end.title), area.w, b->title_px, 1);
    if (th > area.h / 5)
        th = area.h / 5;
    ui_text_box(b, _(m->end.title), (Rect){area.x, area.y, area.w, th}, b->title_px, b->body_px, 1,
             ALIGN_START, 0, t->text);
    int y = area.y + th + b->pad;
    const Contact *c = m->end.contact_id ? content_find_contact(a->content, m->end.contact_id) : NULL;
    /* the contact gets what it needs, up to 60% of the room left; the
     * action text takes the rest */
    int room = area.y + area.h - y;
    int ch = c ? contact_needed_h(b, c, area.w, 1) : 0;
    if (ch > room * 60 / 100)
        ch = room * 60 / 100;
    if (c && ch < b->target * 2)
        ch = b->target * 2;
    int bh = area.y + area.h - y - ch - (c ? b->pad : 0);
    /* the module's picture beside the action, at most a third of the width */
    int iw = m->end.image && bh >= b->target ? (bh < area.w / 3 ? bh : area.w / 3) : 0;
    if (iw)
        ui_image(b, (Rect){area.x, y, iw, bh}, m->end.image, IMAGE_CONTENT);
    int gap = iw ? iw + b->pad : 0;
    ui_text_box(b, _(m->end.body), (Rect){area.x + gap, y, area.w - gap, bh}, b->body_px,
                b->small_px, 0, ALIGN_START, iw ? 1 : 0, t->text);
    if (c)
        contact_card(b, c, (Rect){area.x, y + bh + b->pad, area.w, ch}, 1);
    /* footer: Back, Get help, and Next back to the topics */
    int fh = ui_footer_height(b), y0 = b->h - fh, bs = b->ctl;
    ui_footer_bar(b);
    int bw = b->w >= 700 ? bs * 3 : bs + b->pad;
    ui_button(b, WIDGET(W_BACK, 0), (Rect){b->pad, y0 + b->pad, bw, bs}, "back",
           b->w >= 700 ? _("Back") : NULL, BTN_PLAIN, 1);
    speaker_button(b, (Rect){b->pad * 2 + bw, y0 + b->pad, bs, bs}, has_narration(b));
    int hw = b->w - (b->pad * 3 + bw + bs) - b->pad * 2 - bw;
    if (hw > bs * 5)
        hw = bs * 5;
    ui_button(b, WIDGET(W_HELP, 0), (Rect){b->w - b->pad * 2 - bw - hw, y0 + b->pad, hw, bs}, "help",
           hw >= bs * 3 ? _("Get help") : NULL, BTN_PLAIN, 0);
    ui_button(b, WIDGET(W_NEXT, 0), (Rect){b->w - b->pad - bw, y0 + b->pad, bw, bs}, "home",
           b->w >= 700 ? _("Topics") : NULL, BTN_PRIMARY, 0);
}

static void screen_help(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    int hh = header(b, 1);
    Rect area = body_area(b, hh);
    int th = ui_text_height(b, _("Where to get help"), area.w, b->title_px, 1);
    if (th > area.h / 6)
        th = area.h / 6;
    ui_text_box(b, _("Where to get help"), (Rect){area.x, area.y, area.w, th}, b->title_px,
             b->body_px, 1, ALIGN_START, 0, t->text);
    int n = a->content ? content_contact_count(a->content) : 0;
    int y = area.y + th + b->pad;
    int avail = area.y + area.h - y;
    int cols = area.w >= 1200 && n > 1 ? 2 : 1;
    int cw = (area.w - b->pad * (cols - 1)) / cols;
    /* every card as tall as the tallest needs; as many rows as fit; pages */
    int ch = b->target * 2;
    for (int i = 0; i < n; i++) {
        int need = contact_needed_h(b, content_contact(a->content, i), cw, 0);
        if (need > ch)
            ch = need;
    }
    if (ch > avail)
        ch = avail;
    int rows = (avail + b->pad) / (ch + b->pad);
    if (rows < 1)
        rows = 1;
    int need_rows = (n + cols - 1) / cols;
    if (rows < need_rows) {
        /* pages would leave a band empty: take one more row if cards a
         * quarter shorter still hold their text (it shrinks a step), and
         * share all the height between the rows */
        if ((avail + b->pad) / (ch * 3 / 4 + b->pad) > rows)
            rows++;
        ch = (avail - b->pad * (rows - 1)) / rows;
    }
    int per_page = rows * cols;
    int pages = n > 0 ? (n + per_page - 1) / per_page : 1;
    int page = a->menu_scroll < pages ? a->menu_scroll : pages - 1;
    for (int k = 0; k < per_page && page * per_page + k < n; k++) {
        int r = k / cols, c = k % cols;
        contact_card(b, content_contact(a->content, page * per_page + k),
                     (Rect){area.x + c * (cw + b->pad), y + r * (ch + b->pad), cw, ch}, 0);
    }
    int fh = ui_footer_height(b), y0 = b->h - fh, bs = b->ctl;
    ui_footer_bar(b);
    int bw = b->w >= 700 ? bs * 3 : bs + b->pad;
    ui_button(b, WIDGET(W_BACK, 0), (Rect){b->pad, y0 + b->pad, bw, bs}, "back",
           b->w >= 700 ? _("Back") : NULL, BTN_PLAIN, 1);
    if (pages > 1) {
        B bl = *b;
        bl.dir = PARA_LTR;
        ui_text_box(&bl, arena_printf(b->arena, "%d / %d", page + 1, pages),
                 (Rect){b->pad * 2 + bw, y0 + b->pad, b->w - 2 * (b->pad * 2 + bw), bs},
                 b->body_px, b->small_px, 1, ALIGN_CENTER, 1, t->muted);
    }
    if (page + 1 < pages)
        ui_button(b, WIDGET(W_NEXT, 0), (Rect){b->w - b->pad - bw, y0 + b->pad, bw, bs}, "next",
               b->w >= 700 ? _("Next") : NULL, BTN_PRIMARY, 1);
}

static void overlay_still_there(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    ui_fill(b, (Rect){0, 0, b->w, b->h}, t->dim);
    int dw = b->w - b->pad * 4;
    if (dw > (int)(900 * b->unit))
        dw = (int)(900 * b->unit);
    int dh = b->h * 6 / 10;
    if (dh > (int)(640 * b->unit) && (int)(640 * b->unit) > b->target * 5)
        dh = (int)(640 * b->unit);
    Rect d = {(b->w - dw) / 2, (b->h - dh) / 2, dw, dh};
    ui_fill(b, d, t->surface);
    ui_frame(b, d, t->accent, 4);
    Rect in = inset(d, b->pad * 2);
    AppTimeView tv;
    app_time_view(a, b->now, &tv);
    int left = tv.countdown_left > 0 ? tv.countdown_left : 0;
    int y = in.y;
    int th = in.h / 4;
    ui_text_box(b, _("Are you still there?"), (Rect){in.x, y, in.w, th}, b->title_px, b->body_px, 1,
             ALIGN_CENTER, 1, t->text);
    y += th;
    int nh = in.h / 4;
    B bl = *b;
    bl.dir = PARA_LTR;
    ui_text_box(&bl, arena_printf(b->arena, "%d", left), (Rect){in.x, y, in.w, nh}, b->big_px * 3 / 2,
             b->body_px, 1, ALIGN_CENTER, 1, t->accent);
    y += nh;
    int sh = in.h / 5;
    ui_text_box(b, _("The screen will start again for the next person."), (Rect){in.x, y, in.w, sh},
             b->body_px, b->small_px, 0, ALIGN_CENTER, 1, t->muted);
    y += sh;
    int bh = in.y + in.h - y;
    if (bh > b->target * 2)
        bh = b->target * 2;
    if (bh < b->target)
        bh = b->target;
    ui_button(b, WIDGET(W_STILL_HERE, 0), (Rect){in.x, in.y + in.h - bh, in.w, bh}, "check",
           _("I am still here"), BTN_PRIMARY, 0);
}

/* ---- entry points ----------------------------------------------------- */

Err ui_build(Ui *ui, const App *app, uint64_t now, const TextMetrics *tm, Arena *arena)
{
    memset(ui, 0, sizeof *ui);
    const char *code = app_ui_lang(app);
    const Language *lang = i18n_language(code);
    if (i18n_current() != lang)
        i18n_set_language(code);
    B b = {0};
    b.ui = ui;
    b.app = app;
    b.tm = tm;
    b.arena = arena;
    b.th = &themes[app->high_contrast ? 1 : 0];
    b.now = now;
    b.w = app->w;
    b.h = app->h;
    int side = b.w < b.h ? b.w : b.h;
    b.unit = (float)side / 1000.0f;
    if (b.unit < 0.36f)
        b.unit = 0.36f;
    b.target = ui_min_target(app->dpi);
    b.ctl = (int)(76 * b.unit) > b.target ? (int)(76 * b.unit) : b.target;
    b.pad = (int)(16 * b.unit);
    if (b.pad < 8)
        b.pad = 8;
    float scale = app->large_text ? 1.3f : 1.0f;
    b.body_px = (int)(fmaxf(16, 34 * b.unit) * scale);
    b.small_px = (int)(fmaxf(14, 28 * b.unit) * scale);
    b.min_px = ui_min_text_px(app->dpi);
    if (b.small_px < b.min_px)
        b.small_px = b.min_px;
    if (b.body_px < b.min_px * 6 / 5)
        b.body_px = b.min_px * 6 / 5;
    b.title_px = (int)(fmaxf(20, 46 * b.unit) * scale);
    b.big_px = (int)(fmaxf(26, 64 * b.unit) * scale);
    b.rtl = lang && lang->rtl;
    b.dir = b.rtl ? PARA_RTL : PARA_LTR;
    ui->rtl = b.rtl;
    ui->min_target = b.target;
    ui->clear = b.th->bg;
    /* the attract and neutral screens are not mirrored: they are centred */
    switch (app->screen) {
    case SCREEN_ATTRACT: b.rtl = 0; screen_attract(&b); break;
    case SCREEN_NEUTRAL: b.rtl = 0; screen_neutral(&b); break;
    /* The picker is laid out left to right in every language: touching
     * العربية must not move the grid, Continue or Exit under the finger. */
    case SCREEN_LANGUAGE: b.rtl = 0; screen_language(&b); break;
    case SCREEN_MENU: screen_menu(&b); break;
    case SCREEN_SLIDE: screen_slide(&b); break;
    case SCREEN_QUIZ: screen_quiz(&b); break;
    case SCREEN_END: screen_end(&b); break;
    case SCREEN_HELP: screen_help(&b); break;
    case SCREEN_PIN: ui_screen_pin(&b); break;
    case SCREEN_ADMIN: ui_screen_admin(&b); break;
    case SCREEN_TEST_TOUCH: ui_screen_test_touch(&b); break;
    case SCREEN_GROUP_PICK:
    case SCREEN_GROUP_SLIDE:
    case SCREEN_GROUP_QUIZ:
    case SCREEN_GROUP_COUNT: ui_screen_group(&b); break;
    default: break;
    }
    if (app->screen == SCREEN_ATTRACT && app->banner != BANNER_NONE)
        ui_attract_banner(&b);
    if (app->countdown && app->in_session) {
        /* the overlay takes every touch: drop the controls beneath it */
        ui->n_hits = 0;
        overlay_still_there(&b);
    }
    return b.err;
}

WidgetId ui_hit(const Ui *ui, int x, int y)
{
    for (int i = ui->n_hits - 1; i >= 0; i--)
        if (rect_contains(ui->hits[i].r, x, y))
            return ui->hits[i].id;
    return W_NONE;
}

int ui_find(const Ui *ui, WidgetId id, Rect *out)
{
    for (int i = 0; i < ui->n_hits; i++)
        if (ui->hits[i].id == id) {
            if (out)
                *out = ui->hits[i].r;
            return 1;
        }
    return 0;
}

int ui_focus_order(const Ui *ui, WidgetId *out, int max)
{
    int n = 0;
    for (int i = 0; i < ui->n_hits && n < max; i++)
        if (WIDGET_KIND(ui->hits[i].id) != W_BACKGROUND)
            out[n++] = ui->hits[i].id;
    return n;
}
