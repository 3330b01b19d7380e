/* layout.c: the bars and rows screens are made of: the visitor's header
 * and footer (with the portrait kiosk's Exit row), the content area, and
 * the kiosk's own title bar, bottom bar, steppers and labelled rows. */
#include "ui/toolkit.h"

#include <string.h>

#include "i18n/i18n.h"

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
int ui_header(B *b, int with_nav)
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
           b->app->visit.high_contrast ? BTN_SELECTED : BTN_PLAIN, 0);
    cx -= b->pad / 2 + bs;
    ui_button(b, WIDGET(W_LARGE_TEXT, 0), (Rect){cx, y, bs, bs}, "textsize", NULL,
           b->app->visit.large_text ? BTN_SELECTED : BTN_PLAIN, 0);
    return hh;
}

/* Bottom bar with Back, progress dots, Listen and Next. */
/* On a portrait kiosk the visitor's screens repeat Exit in a row of its own
 * at the very bottom, where a child's hand reaches (the top bar is out of
 * reach on a tall screen; phones, under 1000 px tall, keep the one bar);
 * the bar's other controls stay in its first row. */
static int exit_row(const B *b)
{
    ScreenId s = b->app->visit.screen;
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
void ui_speaker_button(B *b, Rect r, int has_audio)
{
    int playing = has_audio && b->app->visit.narration_playing;
    ui_button(b, WIDGET(W_SPEAKER, 0), r, playing ? "stop" : "speaker", NULL,
              playing ? BTN_SELECTED : has_audio ? BTN_PLAIN : BTN_DISABLED, 0);
}

void ui_footer(B *b, int n_dots, int dot, int can_next, int has_audio)
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
    ui_speaker_button(b, rs, has_audio);
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

int ui_has_narration(const B *b)
{
    char key[96];
    const App *a = b->app;
    app_narration_key(a, key, sizeof key);
    return key[0] && a->wiring.narration_exists && a->wiring.narration_exists(a->wiring.narration_ctx, app_lang(a), key);
}

/* Content area between header and footer, with the slide transition. */
Rect ui_body_area(B *b, int hh)
{
    Rect r = {b->pad * 2, hh + b->pad, b->w - b->pad * 4, b->h - hh - ui_footer_height(b) - b->pad * 2};
    return r;
}

/* ---- bars and rows of the kiosk's own screens -------------------------- */

/* The bar at the top: a title at the start and, when close is not W_NONE,
 * a button at the end. Returns its height. */
int ui_top_bar(B *b, const char *title, WidgetId close, const char *close_icon,
               const char *close_label)
{
    const Theme *t = b->th;
    int hh = ui_bar_background(b);
    int bs = hh - b->pad;
    int cw = 0;
    if (close != W_NONE) {
        cw = b->w >= 700 ? bs * 3 : bs + b->pad;
        ui_button(b, close, (Rect){b->w - b->pad / 2 - cw, b->pad / 2, cw, bs}, close_icon,
                  b->w >= 700 ? close_label : NULL, BTN_PLAIN, 0);
    }
    Rect tr = {b->pad, b->pad / 2, b->w - 2 * b->pad - cw - b->pad, bs};
    ui_text_box(b, title, tr, b->title_px, b->small_px * 2 / 3, 1, ALIGN_START, 1, t->text);
    return hh;
}

/* A bottom bar with Back at the start and one action at the end (either
 * may be W_NONE). Returns its height. */
int ui_bottom_bar(B *b, WidgetId back, const char *back_label, WidgetId next,
                  const char *next_icon, const char *next_label, BtnStyle next_style)
{
    int fh = ui_footer_height(b), bs = b->ctl;
    int y0 = ui_footer_bar(b);
    int bw = b->w >= 700 ? bs * 3 : bs + b->pad;
    if (back != W_NONE)
        ui_button(b, back, (Rect){b->pad, y0 + b->pad, bw, bs}, "back",
                  b->w >= 700 ? back_label : NULL, BTN_PLAIN, 1);
    if (next != W_NONE) {
        int nw = b->w - 3 * b->pad - bw;
        if (nw > bs * 7)
            nw = bs * 7;
        ui_button(b, next, (Rect){b->w - b->pad - nw, y0 + b->pad, nw, bs}, next_icon, next_label,
                  next_style, strcmp(next_icon, "next") == 0);
    }
    return fh;
}

/* "-  value  +" at the end of a row of height h starting at y; returns the
 * width it took. */
int ui_stepper_w(B *b, int x_end, int y, int h, WidgetId dec, WidgetId inc, const char *value,
                 int value_px, int vw)
{
    int bs = b->target > h ? b->target : h;
    int x = x_end - bs;
    ui_button(b, inc, (Rect){x, y, bs, bs}, "plus", NULL, BTN_PLAIN, 0);
    x -= vw + b->pad / 2;
    B l = ui_ltr(b);
    ui_text_box(&l, value, (Rect){x, y, vw, bs}, value_px, b->small_px * 2 / 3, 1, ALIGN_CENTER, 1,
                b->th->text);
    x -= bs + b->pad / 2;
    ui_button(b, dec, (Rect){x, y, bs, bs}, "minus", NULL, BTN_PLAIN, 0);
    return x_end - x;
}

int ui_stepper(B *b, int x_end, int y, int h, WidgetId dec, WidgetId inc, const char *value,
               int value_px)
{
    return ui_stepper_w(b, x_end, y, h, dec, inc, value, value_px, b->target * 2);
}

/* A labelled row with controls of width ctl_w at the end; when the label
 * would be squeezed below a third of the width, it goes above the controls.
 * Returns the row's height; *ctl_y gets the y of the controls. */
int ui_row_layout(B *b, Rect area, int y, const char *label, int ctl_w, int *ctl_y)
{
    int lw = area.w - ctl_w - b->pad;
    int stacked = lw < area.w / 3;
    if (stacked) {
        int th = ui_text_height(b, label, area.w, b->body_px, 1);
        int cap = b->tm->line_height(b->tm->ctx, b->body_px) * 2;
        if (th > cap)
            th = cap;
        ui_text_box(b, label, (Rect){area.x, y, area.w, th}, b->body_px, b->small_px * 2 / 3, 1,
                    ALIGN_START, 0, b->th->text);
        *ctl_y = y + th;
        return th + b->target;
    }
    int h = b->target;
    ui_text_box(b, label, (Rect){area.x, y, lw, h}, b->body_px, b->small_px * 2 / 3, 1,
                ALIGN_START, 1, b->th->text);
    *ctl_y = y;
    return h;
}

/* ---- the export banner on the attract screen -------------------------- */
