/* toolkit.c: the theme tables, the drawing primitives (each rectangle
 * mirrored for right-to-left languages as it is recorded, so mirroring is
 * one property of the layout, not a branch in every screen), touch targets
 * and the widgets: buttons, icons, images, focus ring, verdict badge. */
#include "ui/toolkit.h"

#include <string.h>

#include "i18n/i18n.h"

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

const Theme *ui_theme(int high_contrast) { return &themes[high_contrast ? 1 : 0]; }

/* ---- primitives ------------------------------------------------------- */

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

/* ---- controls --------------------------------------------------------- */

int ui_pressed(const B *b, WidgetId id) { return b->app->visit.pointer_down && b->app->visit.pressed == id; }

void ui_focus_ring(B *b, WidgetId id, Rect r)
{
    if (b->app->visit.focus == id)
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
    while (lpx > b->min_px && lpx * 15 / 10 > inner.h)
        lpx = lpx * 7 / 8; /* the same ladder as text_box's shrinking */
    int lmin = lpx * 3 / 4 > b->min_px ? lpx * 3 / 4 : b->min_px;
    if (lpx < lmin)
        lpx = lmin;
    if (icon_name && label) {
        /* a label that cannot fit beside its icon even at its smallest
         * readable size is left out: the icon alone still says what the
         * control does */
        int tw = inner.w - isz - pad;
        if (tw <= 0 || !ui_text_fits(b, label, tw, lmin, 1, inner.h))
            label = NULL;
    }
    if (icon_name && label) {
        Rect ir = {inner.x, r.y + (r.h - isz) / 2, isz, isz};
        ui_icon(b, ir, icon_name, fg, directional);
        Rect tr = {ir.x + isz + pad, inner.y, inner.w - isz - pad, inner.h};
        ui_text_box(b, label, tr, lpx, lmin, 1, ALIGN_START, 1, fg);
    } else if (icon_name) {
        Rect ir = {r.x + (r.w - isz) / 2, r.y + (r.h - isz) / 2, isz, isz};
        ui_icon(b, ir, icon_name, fg, directional);
    } else if (label) {
        ui_text_box(b, label, inner, lpx, lmin, 1, ALIGN_CENTER, 1, fg);
    }
    if (style != BTN_DISABLED)
        ui_add_hit(b, id, r);
    ui_focus_ring(b, id, r);
}
