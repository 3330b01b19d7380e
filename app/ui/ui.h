/* ui.h: build the screen for the current state, as a draw list and a list
 * of touchable controls.
 *
 * ui_build() is a pure function of the App, the time and the text metrics:
 * it lays out the screen in logical (left-to-right) coordinates and mirrors
 * every rectangle when the language is written right to left, as LVGL treats
 * direction as a layout property. Text is wrapped into lines here and shrunk
 * step by step when a box is too small; any text that still does not fit is
 * counted in ui->overflow, which the layout tests and `taama content check`
 * require to be zero. Everything is allocated from the caller's arena, so a
 * frame costs no malloc. No SDL here: the renderer plays the draw list. */
#ifndef APP_UI_UI_H
#define APP_UI_UI_H

#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "core/arena.h"
#include "core/err.h"
#include "text/bidi.h"
#include "ui/geom.h"

typedef enum {
    DRAW_RECT,   /* filled rectangle */
    DRAW_FRAME,  /* outline, `thick` pixels inside r */
    DRAW_TEXT,   /* one line at r.x, r.y (r.w = its measured width) */
    DRAW_IMAGE,  /* image fitted inside r, keeping its aspect */
    DRAW_CIRCLE, /* filled circle inscribed in r */
    DRAW_QR,     /* QR modules: qr[y * qr_size + x] != 0 is dark */
} DrawKind;

typedef enum { IMAGE_CONTENT, IMAGE_ASSETS } ImageRoot;

typedef struct {
    DrawKind kind;
    Rect r;
    Color color;
    int thick;
    /* text */
    const char *text;
    size_t len;
    int px, bold;
    ParaDir dir;
    /* the paragraph text[0..len) was wrapped from (text lies inside it), so
     * the renderer resolves bidi per paragraph; NULL: the line stands alone */
    const char *para;
    size_t para_len;
    /* image: path relative to its root; tint applies to single-colour icons */
    const char *image;
    ImageRoot root;
    int tint; /* draw the image in `color` (icons are white silhouettes) */
    int flip; /* mirror horizontally (direction arrows in RTL) */
    /* QR */
    const unsigned char *qr;
    int qr_size;
} DrawCmd;

typedef struct {
    WidgetId id;
    Rect r;
} Hit;

/* Text measurement, injected so layout runs without SDL in tests. width()
 * must return what the renderer will draw. */
typedef struct {
    int (*width)(void *ctx, const char *utf8, size_t len, int px, int bold);
    int (*line_height)(void *ctx, int px);
    void *ctx;
} TextMetrics;

typedef struct {
    DrawCmd *cmds;
    int n_cmds, cap_cmds;
    Hit *hits; /* in reading order; later entries lie on top */
    int n_hits, cap_hits;
    Color clear;
    int rtl;
    int min_target;       /* the minimum touch size in pixels for this display */
    int overflow;         /* text boxes that did not fit even at their smallest size */
    const char *overflow_text; /* the first such text, for reports */
    int small_targets;    /* touch targets smaller than min_target */
    int qr_shown;         /* take-away QR codes on this screen */
} Ui;

/* Build the current screen of app at time now. Fails with ERR_NOMEM only
 * when the arena is exhausted (the caller then draws nothing new). */
Err ui_build(Ui *ui, const App *app, uint64_t now, const TextMetrics *tm, Arena *arena)
    ERR_MUST_USE;

/* The memo of line breaks ui_build_cached() keeps between frames (a
 * screen is rebuilt on every animation frame with the same paragraphs).
 * Owned by the caller: one per kiosk, never shared between threads. The
 * memo never changes what is built, only how fast. NULL when out of
 * memory. */
typedef struct WrapCache WrapCache;
WrapCache *ui_wrap_cache_new(void);
void ui_wrap_cache_free(WrapCache *c);

/* ui_build() with the caller's memo of line breaks (NULL: none). */
Err ui_build_cached(Ui *ui, const App *app, uint64_t now, const TextMetrics *tm, Arena *arena,
                    WrapCache *wrap) ERR_MUST_USE;

/* Wrap text into lines of at most width pixels at px, as every text box
 * does: greedy, at spaces, never inside a number's digit groups, a word
 * wider than a line broken between characters. Up to max lines are written
 * to line/len (pointers into text). Returns the line count, negated when a
 * line is still too wide or there were more than the layout's 48 lines. */
int ui_wrap(const TextMetrics *tm, const char *text, int width, int px, int bold,
            const char **line, size_t *len, int max);

/* The smallest text size drawn on the built screen, in pixels, and the
 * first text line drawn at that size in *line (not NUL-terminated: its
 * length in *len; either pointer may be NULL). 0 when the screen draws no
 * text. For checks that text never goes below ui_min_text_px(). */
int ui_smallest_text(const Ui *ui, const char **line, size_t *len);

/* The topmost control containing (x, y), or W_NONE. */
WidgetId ui_hit(const Ui *ui, int x, int y);

/* Rectangle of a control (for scripts and tests); 0 if absent. */
int ui_find(const Ui *ui, WidgetId id, Rect *out);

/* Controls in reading order for keyboard focus; returns the count. */
int ui_focus_order(const Ui *ui, WidgetId *out, int max);

/* The smallest touch target for a display of this dpi: 9 mm, and never
 * under 48 px (48 px at 160 dpi). */
int ui_min_target(float dpi);

/* The smallest text size in pixels for a display of this dpi: an em of
 * 2.2 mm (about 6 pt: capitals 1.6 mm, readable at arm's length), never
 * under 12 px. No text box starts or shrinks below it (on a dense small
 * screen the sizes grow): text that still does not fit is counted as
 * overflow, never made illegible; a button whose label cannot fit shows
 * its icon alone. */
int ui_min_text_px(float dpi);

#endif
