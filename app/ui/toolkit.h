/* toolkit.h: the UI toolkit every screen builds with: the build context B
 * and its theme, drawing primitives, text boxes (wrapping and shrinking),
 * widgets (buttons, icons, images, focus ring, verdict badge) and layout
 * helpers (top and bottom bars, steppers, labelled rows). Not for use
 * outside app/ui; screens depend on it, never on each other.
 *
 * Every helper takes the build context B, lays out in logical
 * (left-to-right) coordinates and mirrors on output for RTL languages. A
 * failed allocation sets b->err and the helper draws nothing more. */
#ifndef APP_UI_TOOLKIT_H
#define APP_UI_TOOLKIT_H

#include "ui/ui.h"

typedef struct {
    Color bg, surface, text, muted, accent, on_accent, exit_bg, on_exit, good, bad, focus, line,
        dim, pressed, attract_bg, on_attract, disabled;
} Theme;

/* The theme tables (toolkit.c): the calm default, or high contrast. */
const Theme *ui_theme(int high_contrast);

/* The build context of one screen. */
typedef struct {
    Ui *ui;
    const App *app;
    const TextMetrics *tm;
    Arena *arena;
    WrapCache *wrap; /* the caller's line-break memo; NULL: none */
    const Theme *th;
    uint64_t now;
    int w, h;
    float unit;    /* pixels per design unit */
    int target;    /* minimum touch target */
    int ctl;       /* height of buttons in bars: the target, more on big screens */
    int pad;
    int body_px, title_px, small_px, big_px;
    int min_px;    /* no text is drawn smaller (ui_min_text_px) */
    int rtl;
    ParaDir dir;
    Err err;
} B;

typedef enum { ALIGN_START, ALIGN_CENTER, ALIGN_END } Align;
typedef enum { BTN_PLAIN, BTN_PRIMARY, BTN_EXIT, BTN_SELECTED, BTN_DISABLED } BtnStyle;

static inline Rect inset(Rect r, int d) { return (Rect){r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d}; }

/* A copy of b whose text runs left to right (digits, ids, paths). */
static inline B ui_ltr(const B *b)
{
    B l = *b;
    l.dir = PARA_LTR;
    return l;
}

/* ---- primitives (toolkit.c) ---- */

/* Append a draw command (rectangle mirrored in RTL); NULL when out of memory. */
DrawCmd *ui_push(B *b, DrawKind k, Rect r, Color c);
void ui_fill(B *b, Rect r, Color c);
void ui_frame(B *b, Rect r, Color c, int thick);
void ui_circle(B *b, Rect r, Color c);
/* An image from content or assets, fitted inside r. */
void ui_image(B *b, Rect r, const char *path, ImageRoot root);
/* A white-silhouette icon from assets/icons, tinted c; directional icons
 * flip in RTL. */
void ui_icon(B *b, Rect r, const char *name, Color c, int directional);
/* Register a touchable control (counted in ui->small_targets if smaller
 * than the minimum). */
void ui_add_hit(B *b, WidgetId id, Rect r);

/* ---- text (text.c) ---- */

/* Text wrapped in box, shrunk from px to min_px until it fits (overflow
 * counted otherwise); neither size goes below b->min_px, the readable
 * minimum. valign 1 centres vertically, 2 sits at the bottom. Returns the
 * height used. */
int ui_text_box(B *b, const char *text, Rect box, int px, int min_px, int bold, Align align,
                int valign, Color c);
/* Height of text wrapped at width, at px, without shrinking. */
int ui_text_height(B *b, const char *text, int width, int px, int bold);
/* Whether text wrapped at width, at px, fits in max_h (every line within
 * the width, and not too many). */
int ui_text_fits(B *b, const char *text, int width, int px, int bold, int max_h);

/* ---- widgets (toolkit.c) ---- */

/* Whether the control is being held down. */
int ui_pressed(const B *b, WidgetId id);
void ui_focus_ring(B *b, WidgetId id, Rect r);
/* A button with an optional icon and label; disabled buttons take no touch.
 * A label that cannot fit beside its icon at the readable minimum is left
 * out: the icon alone says what the control does (Exit, Help, Listen). */
void ui_button(B *b, WidgetId id, Rect r, const char *icon_name, const char *label,
               BtnStyle style, int directional);
/* The one sign for right and wrong, on every quiz screen (visitor and
 * group): right is a filled circle with a tick, wrong a filled square with
 * a cross, each with its words (ui_verdict_text: "Right answer", "Your
 * answer") and its theme colour; never colour alone. */
void ui_verdict_badge(B *b, Rect r, int right);
const char *ui_verdict_text(int right);

/* ---- layout (layout.c) ---- */

/* The top bar's background; returns its height. */
int ui_bar_background(B *b);
/* The bar on every visitor content screen: Home and Language (with_nav),
 * text size, contrast and Quick exit. Returns its height. */
int ui_header(B *b, int with_nav);
/* Height of the bottom bar of buttons. */
int ui_footer_height(const B *b);
/* Draw the bottom bar's background and top line; returns its top y. */
int ui_footer_bar(B *b);
/* Listen, or Stop (selected) while the narration plays. */
void ui_speaker_button(B *b, Rect r, int has_audio);
/* The visitor's bottom bar: Back, Listen, progress dots and Next. */
void ui_footer(B *b, int n_dots, int dot, int can_next, int has_audio);
/* Whether the current screen has a recorded narration. */
int ui_has_narration(const B *b);
/* The content area between the header (height hh) and the footer. */
Rect ui_body_area(B *b, int hh);
/* The kiosk's own screens: a title bar with an optional button at the end;
 * a bottom bar with Back and one action (either may be W_NONE); a
 * "-  value  +" stepper at the end of a row (returns its width); a
 * labelled row (returns its height, *ctl_y the controls' y). */
int ui_top_bar(B *b, const char *title, WidgetId close, const char *close_icon,
               const char *close_label);
int ui_bottom_bar(B *b, WidgetId back, const char *back_label, WidgetId next,
                  const char *next_icon, const char *next_label, BtnStyle next_style);
int ui_stepper_w(B *b, int x_end, int y, int h, WidgetId dec, WidgetId inc, const char *value,
                 int value_px, int vw);
int ui_stepper(B *b, int x_end, int y, int h, WidgetId dec, WidgetId inc, const char *value,
               int value_px);
int ui_row_layout(B *b, Rect area, int y, const char *label, int ctl_w, int *ctl_y);

#endif
