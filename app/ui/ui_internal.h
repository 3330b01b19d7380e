/* ui_internal.h: what the screen builders inside app/ui share (ui.c for
 * the visitor screens, ui_admin.c for the PIN pad, admin and group
 * screens). Not for use outside app/ui.
 *
 * Every helper takes the build context B, lays out in logical
 * (left-to-right) coordinates and mirrors on output for RTL languages. A
 * failed allocation sets b->err and the helper draws nothing more. */
#ifndef APP_UI_UI_INTERNAL_H
#define APP_UI_UI_INTERNAL_H

#include "ui/ui.h"

typedef struct {
    Color bg, surface, text, muted, accent, on_accent, exit_bg, on_exit, good, bad, focus, line,
        dim, pressed, attract_bg, on_attract, disabled;
} Theme;

/* The build context of one screen. */
typedef struct {
    Ui *ui;
    const App *app;
    const TextMetrics *tm;
    Arena *arena;
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
/* Text wrapped in box, shrunk from px to min_px until it fits (overflow
 * counted otherwise); valign 1 centres vertically, 2 sits at the bottom. Returns the height used. */
int ui_text_box(B *b, const char *text, Rect box, int px, int min_px, int bold, Align align,
                int valign, Color c);
/* Height of text wrapped at width, at px, without shrinking. */
int ui_text_height(B *b, const char *text, int width, int px, int bold);
/* Whether the control is being held down. */
int ui_pressed(const B *b, WidgetId id);
void ui_focus_ring(B *b, WidgetId id, Rect r);
/* A button with an optional icon and label; disabled buttons take no touch. */
void ui_button(B *b, WidgetId id, Rect r, const char *icon_name, const char *label,
               BtnStyle style, int directional);
/* The one sign for right and wrong, on every quiz screen (visitor and
 * group): right is a filled circle with a tick, wrong a filled square with
 * a cross, each with its words (ui_verdict_text: "Right answer", "Your
 * answer") and its theme colour; never colour alone. */
void ui_verdict_badge(B *b, Rect r, int right);
const char *ui_verdict_text(int right);
/* The top bar's background; returns its height. */
int ui_bar_background(B *b);
/* Height of the bottom bar of buttons. */
int ui_footer_height(const B *b);
/* Draw the bottom bar's background and top line; returns its top y. */
int ui_footer_bar(B *b);

/* ui_admin.c: the kiosk's own screens, and the message banner. */
void ui_screen_pin(B *b);
void ui_screen_admin(B *b);
void ui_screen_test_touch(B *b);
void ui_screen_group(B *b);
/* The banner of an export's result over the attract screen (neutral
 * wording, no details). */
void ui_attract_banner(B *b);

#endif
