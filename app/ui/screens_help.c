/* screens_help.c: the module's end card and "Where to get help": contact
 * cards, each with a take-away QR code when there is room. */
#include "ui/screens.h"

#include <stdio.h>
#include <string.h>

#include "i18n/i18n.h"
#include "qr/qr.h"

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
    /* the frame keeps its own copy: the draw list never points into the
     * QR module's shared table */
    size_t n = (size_t)q->size * (size_t)q->size;
    unsigned char *mod = arena_alloc(b->arena, n);
    if (!mod) {
        b->err = ERR_NOMEM;
        return 0;
    }
    memcpy(mod, q->modules, n);
    DrawCmd *d = ui_push(b, DRAW_QR, (Rect){in.x + in.w - side, in.y + (in.h - side) / 2, side, side},
                         (Color){0, 0, 0, 255});
    if (!d)
        return 0;
    d->qr = mod;
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

/* A text size `steps` steps smaller, as a text box shrinks (7/8 each),
 * never below the readable minimum. */
static int steps_smaller(const B *b, int px, int steps)
{
    for (int i = 0; i < steps; i++)
        px = px * 7 / 8 < px - 1 ? px * 7 / 8 : px - 1;
    return px < b->min_px ? b->min_px : px;
}

/* Height a card needs at width w to show everything, with its text at its
 * own sizes (smaller == 0) or that many shrinking steps smaller. The QR
 * code takes up to a third of the width plus a gap (contact_qr). */
static int contact_needed_h(B *b, const Contact *c, int w, int big, int smaller)
{
    Rect in = {0, 0, w - 2 * b->pad, 0};
    int tw = in.w - (c->number ? in.w / 3 + b->pad : 0);
    int isz = contact_icon_size(b, (Rect){0, 0, tw, 0});
    tw -= isz ? isz + b->pad : 0;
    int name_px = steps_smaller(b, b->body_px, smaller);
    int small_px = steps_smaller(b, b->small_px, smaller);
    int h = ui_text_height(b, _(c->name), tw, name_px, 1);
    if (c->number)
        h += b->tm->line_height(b->tm->ctx, big ? b->title_px : b->body_px);
    if (c->description)
        h += ui_text_height(b, _(c->description), tw, small_px, 0);
    if (c->hours)
        h += ui_text_height(b, _(c->hours), tw, small_px, 0);
    if (c->place)
        h += ui_text_height(b, _(c->place), tw, small_px, 0);
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
    int name_min_px = b->small_px * 3 / 4 > b->min_px ? b->small_px * 3 / 4 : b->min_px;
    int need = name_h + num_h + desc_h;
    if (need > tx.h) { /* share the shortfall: the number keeps its line */
        int rest = tx.h - num_h;
        if (rest < 0)
            rest = 0;
        /* each first gets what it needs at its smallest size, then the
         * rest in proportion to what it still lacks: sharing by full
         * heights alone could starve the name while the description has
         * room to spare */
        int name_lo = ui_text_height(b, _(c->name), tx.w, name_min_px, 1);
        int desc_lo = desc ? ui_text_height(b, desc, tx.w, name_min_px, 0) : 0;
        if (name_lo + desc_lo <= rest && name_lo <= name_h && desc_lo <= desc_h) {
            int lack = name_h - name_lo + desc_h - desc_lo;
            int extra = rest - name_lo - desc_lo;
            name_h = name_lo + (lack > 0 ? (int)((long long)extra * (name_h - name_lo) / lack) : 0);
        } else {
            int sum = name_h + desc_h > 0 ? name_h + desc_h : 1;
            name_h = rest * name_h / sum;
        }
        desc_h = rest - name_h;
        if (num_h > tx.h)
            num_h = tx.h;
    }
    int y = tx.y;
    ui_text_box(b, _(c->name), (Rect){tx.x, y, tx.w, name_h}, b->body_px, name_min_px, 1,
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
        ui_text_box(b, desc, (Rect){tx.x, y, tx.w, desc_h}, b->small_px, name_min_px, 0,
                 ALIGN_START, 0, t->muted);
}

void ui_screen_end(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    const Module *m = app_module(a);
    int hh = ui_header(b, 1);
    if (!m)
        return;
    Rect area = ui_body_area(b, hh);
    int th = ui_text_height(b, _(m->end.title), area.w, b->title_px, 1);
    if (th > area.h / 5)
        th = area.h / 5;
    ui_text_box(b, _(m->end.title), (Rect){area.x, area.y, area.w, th}, b->title_px, b->body_px, 1,
             ALIGN_START, 0, t->text);
    int y = area.y + th + b->pad;
    const Contact *c = m->end.contact_id ? content_find_contact(a->wiring.content, m->end.contact_id) : NULL;
    /* the contact gets what it needs, up to 70% of the room left (it is
     * what the visitor may need most, and its text may not shrink below
     * the readable minimum); the action text takes the rest */
    int room = area.y + area.h - y;
    int ch = c ? contact_needed_h(b, c, area.w, 1, 0) : 0;
    if (ch > room * 70 / 100) {
        /* more when the action text, across the whole width, leaves it */
        int need = ch;
        int free_h = room - ui_text_height(b, _(m->end.body), area.w, b->body_px, 0) - b->pad;
        ch = room * 70 / 100;
        if (free_h > ch)
            ch = free_h < need ? free_h : need;
    }
    if (c && ch < b->target * 2)
        ch = b->target * 2;
    int bh = area.y + area.h - y - ch - (c ? b->pad : 0);
    /* the module's picture beside the action, at most a third of the width */
    int iw = m->end.image && bh >= b->target ? (bh < area.w / 3 ? bh : area.w / 3) : 0;
    /* what to do next matters more than the picture: where the text would
     * not fit beside it even at its smallest (a phone in large text), the
     * text takes the whole width and the picture is left out */
    if (iw && m->end.body && !ui_text_fits(b, _(m->end.body), area.w - iw - b->pad, b->small_px, 0, bh))
        iw = 0;
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
    ui_speaker_button(b, (Rect){b->pad * 2 + bw, y0 + b->pad, bs, bs}, ui_has_narration(b));
    int hw = b->w - (b->pad * 3 + bw + bs) - b->pad * 2 - bw;
    if (hw > bs * 5)
        hw = bs * 5;
    ui_button(b, WIDGET(W_HELP, 0), (Rect){b->w - b->pad * 2 - bw - hw, y0 + b->pad, hw, bs}, "help",
           hw >= bs * 3 ? _("Get help") : NULL, BTN_PLAIN, 0);
    ui_button(b, WIDGET(W_NEXT, 0), (Rect){b->w - b->pad - bw, y0 + b->pad, bw, bs}, "home",
           b->w >= 700 ? _("Topics") : NULL, BTN_PRIMARY, 0);
}

void ui_screen_help(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    int hh = ui_header(b, 1);
    Rect area = ui_body_area(b, hh);
    int th = ui_text_height(b, _("Where to get help"), area.w, b->title_px, 1);
    if (th > area.h / 6)
        th = area.h / 6;
    ui_text_box(b, _("Where to get help"), (Rect){area.x, area.y, area.w, th}, b->title_px,
             b->body_px, 1, ALIGN_START, 0, t->text);
    int n = a->wiring.content ? content_contact_count(a->wiring.content) : 0;
    int y = area.y + th + b->pad;
    int avail = area.y + area.h - y;
    int cols = area.w >= 1200 && n > 1 ? 2 : 1;
    int cw = (area.w - b->pad * (cols - 1)) / cols;
    /* every card as tall as the tallest needs; as many rows as fit; pages */
    int ch = b->target * 2, ch_smaller = b->target * 2;
    for (int i = 0; i < n; i++) {
        int need = contact_needed_h(b, content_contact(a->wiring.content, i), cw, 0, 0);
        if (need > ch)
            ch = need;
        need = contact_needed_h(b, content_contact(a->wiring.content, i), cw, 0, 2);
        if (need > ch_smaller)
            ch_smaller = need;
    }
    if (ch > avail)
        ch = avail;
    int rows = (avail + b->pad) / (ch + b->pad);
    if (rows < 1)
        rows = 1;
    int need_rows = (n + cols - 1) / cols;
    if (rows < need_rows) {
        /* pages would leave a band empty: take one more row when every
         * card still holds its text at most two steps smaller (about 3/4
         * of its size) and never below the readable minimum (issue 9
         * point 7: the old rule took the row whenever cards a quarter
         * shorter fitted, whatever their text became), and share all the
         * height between the rows */
        int more = (avail - b->pad * rows) / (rows + 1);
        if (more >= ch_smaller)
            rows++;
        ch = (avail - b->pad * (rows - 1)) / rows;
    }
    int per_page = rows * cols;
    int pages = n > 0 ? (n + per_page - 1) / per_page : 1;
    int page = a->visit.menu_scroll < pages ? a->visit.menu_scroll : pages - 1;
    for (int k = 0; k < per_page && page * per_page + k < n; k++) {
        int r = k / cols, c = k % cols;
        contact_card(b, content_contact(a->wiring.content, page * per_page + k),
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
