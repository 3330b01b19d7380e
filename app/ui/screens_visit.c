/* screens_visit.c: the visitor's screens: attract, the neutral clock
 * after Exit, the language picker, the topic menu, slides and the quiz,
 * and the "Are you still there?" overlay. Built with the toolkit only. */
#include "ui/screens.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "i18n/i18n.h"

void ui_screen_attract(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    b->ui->clear = t->attract_bg;
    AppTimeView tv;
    app_time_view(a, b->now, &tv);
    int idx = tv.attract_lang >= 0 && tv.attract_lang < a->wiring.cfg.n_langs ? tv.attract_lang : 0;
    const char *code = a->wiring.cfg.n_langs > 0 ? a->wiring.cfg.langs[idx] : "en";
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
void ui_screen_neutral(B *b)
{
    Color bg = {0xe9, 0xed, 0xf0, 0xff}, ink = {0x3a, 0x44, 0x50, 0xff},
          soft = {0xc6, 0xd1, 0xd9, 0xff};
    b->ui->clear = bg;
    int side = b->w < b->h ? b->w : b->h;
    int m = b->app->kiosk.clock_min;
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

void ui_screen_language(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    int hh = ui_header(b, 0);
    int y = hh + b->pad;
    Rect title = {b->pad * 2, y, b->w - b->pad * 4, b->title_px * 3};
    /* Before a choice the heading cycles through the languages (the
     * visitor may read none of them but their own); it is centred, like
     * everything here, so no language moves it. */
    AppTimeView tv;
    app_time_view(a, b->now, &tv);
    B bh = *b;
    const char *heading = _("Choose your language");
    if (tv.picker_lang >= 0 && tv.picker_lang < a->wiring.cfg.n_langs) {
        const char *hc = a->wiring.cfg.langs[tv.picker_lang];
        const Language *hl = i18n_language(hc);
        heading = i18n_text_in(hc, "Choose your language");
        bh.dir = hl && hl->rtl ? PARA_RTL : PARA_LTR;
    }
    int th = ui_text_box(&bh, heading, title, b->title_px, b->body_px, 1, ALIGN_CENTER, 0, t->text);
    y += th + b->pad;
    int n = a->wiring.cfg.n_langs;
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
        const Language *l = i18n_language(a->wiring.cfg.langs[i]);
        int r = i / cols, c = i % cols;
        Rect cell = {b->pad + c * (cw + b->pad), y + r * (ch + b->pad), cw, ch};
        WidgetId id = WIDGET(W_LANG_CHOICE, i);
        int sel = a->visit.picker_choice == i;
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
        ui_text_box(&bl, l ? l->native : a->wiring.cfg.langs[i], tr, b->title_px, b->body_px, 1,
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
           a->visit.picker_choice >= 0 ? BTN_PRIMARY : BTN_DISABLED, 1);
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

/* The audience filters at y: icon-first chips; labels when there is room,
 * in one row of four or two rows of two. Returns the y below them. */
static int menu_filters(B *b, int y)
{
    const App *a = b->app;
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
               a->visit.filter == (AudienceFilter)i ? BTN_SELECTED : BTN_PLAIN, 0);
    }
    return y + (FILTER__COUNT / fcols) * (fhh + b->pad);
}

/* One topic card: its picture, title and summary, and its audience's sign. */
static void menu_card(B *b, int mi, Rect card, int isz, int bsz, int tw)
{
    const Theme *t = b->th;
    const Module *m = content_module(b->app->wiring.content, mi);
    WidgetId id = WIDGET(W_CARD, mi);
    ui_fill(b, card, ui_pressed(b, id) ? t->pressed : t->surface);
    ui_frame(b, card, t->line, 2);
    Rect ir = {card.x + b->pad, card.y + (card.h - isz) / 2, isz, isz};
    ui_image(b, ir, m->icon, IMAGE_CONTENT);
    Rect tx = {ir.x + isz + b->pad, card.y + b->pad / 2, tw, card.h - b->pad};
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

void ui_screen_menu(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    int hh = ui_header(b, 1);
    int y = hh + b->pad;
    Rect title = {b->pad * 2, y, b->w - b->pad * 4, b->title_px * 2};
    int th = ui_text_box(b, _("What would you like to see?"), title, b->title_px, b->body_px, 1,
                      ALIGN_START, 0, t->text);
    y += th + b->pad;
    y = menu_filters(b, y);
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
        const Module *m = content_module(a->wiring.content, idx[k]);
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
    int page = a->visit.menu_scroll < pages ? a->visit.menu_scroll : pages - 1;
    for (int k = 0; k < per_page && page * per_page + k < n; k++) {
        int mi = idx[page * per_page + k];
        int r = k / cols, c = k % cols;
        menu_card(b, mi, (Rect){b->pad + c * (cw + b->pad), y + r * (card_h + b->pad), cw, card_h},
                  isz, bsz, tw);
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

void ui_screen_slide(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    const Module *m = app_module(a);
    int hh = ui_header(b, 1);
    if (!m)
        return;
    const Slide *s = &m->slides[a->visit.slide];
    int child = (m->audience & AUDIENCE_CHILDREN) != 0;
    Rect area = ui_body_area(b, hh);
    if (app_animating(a, b->now)) {
        float p = (float)(b->now - a->visit.anim_start_ms) / (float)app_anim_ms(a);
        float ease = 1 - (1 - p) * (1 - p);
        area.x += (int)((1 - ease) * b->w / 6 * a->visit.anim_dir);
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
    ui_footer(b, total, a->visit.slide, 1, ui_has_narration(b));
}

/* Answer i of q in r: its picture and words; once answered, the right one
 * and the visitor's wrong one carry the verdict sign (shape, icon and
 * words) and the others are dimmed. */
static void quiz_answer(B *b, const QuizQuestion *q, int i, Rect r)
{
    const Theme *t = b->th;
    const App *a = b->app;
    int answered = a->visit.quiz_answer >= 0;
    WidgetId id = WIDGET(W_ANSWER, i);
    Color bg = t->surface, fg = t->text, border = t->line;
    int verdict = -1;
    if (answered && i == q->correct) {
        border = t->good;
        verdict = 1;
    } else if (answered && i == a->visit.quiz_answer) {
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

/* The side of the feedback's verdict badge. */
static int feedback_badge(const B *b)
{
    int lh = b->tm->line_height(b->tm->ctx, b->body_px);
    return lh < b->target * 2 / 3 ? b->target * 2 / 3 : lh;
}

/* The height the feedback needs at width w, its text at its own sizes. */
static int feedback_needed_h(B *b, const QuizQuestion *q, int w, int right)
{
    const char *head = right ? _("Well done!") : _("Not quite. Here is the answer:");
    int in_w = w - 2 * b->pad, bsz = feedback_badge(b);
    int hh = ui_text_height(b, head, in_w - bsz - b->pad, b->body_px, 1);
    return 2 * b->pad + (hh > bsz ? hh : bsz) + b->pad / 2 +
           ui_text_height(b, _(q->explain), in_w, b->body_px, 0);
}

/* The feedback under the answers, in fr: the verdict and what to learn. */
static void quiz_feedback(B *b, const QuizQuestion *q, Rect fr, int right)
{
    const Theme *t = b->th;
    ui_fill(b, fr, t->surface);
    ui_frame(b, fr, right ? t->good : t->bad, 3);
    Rect in = inset(fr, b->pad);
    const char *head = right ? _("Well done!") : _("Not quite. Here is the answer:");
    int bsz = feedback_badge(b);
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

void ui_screen_quiz(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    const Module *m = app_module(a);
    int hh = ui_header(b, 1);
    if (!m || m->n_quiz == 0)
        return;
    const QuizQuestion *q = &m->quiz[a->visit.quiz_q];
    Rect area = ui_body_area(b, hh);
    /* once answered, the question (already read) gives a little room to
     * the answers and the feedback: on a phone in large text they need it
     * to stay at a readable size */
    int answered = a->visit.quiz_answer >= 0;
    int qh = ui_text_height(b, _(q->question), area.w, b->title_px, 1);
    if (qh > area.h / (answered ? 5 : 4))
        qh = area.h / (answered ? 5 : 4);
    ui_text_box(b, _(q->question), (Rect){area.x, area.y, area.w, qh}, b->title_px, b->body_px, 1,
             ALIGN_START, 0, t->text);
    int y = area.y + qh + b->pad;
    /* the feedback takes what it needs, up to half the room: the answers
     * keep the rest, since their text may not shrink below the readable
     * minimum (a phone in large text) */
    int fb_h = answered ? (area.y + area.h - y) / 2 : 0;
    if (answered) {
        int need = feedback_needed_h(b, q, area.w, a->visit.quiz_answer == q->correct);
        if (need < fb_h)
            fb_h = need;
    }
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
        quiz_answer(b, q, i, r);
    }
    if (answered) {
        int fy = (landscape ? y + ah : y + n * (ah + b->pad) - b->pad) + b->pad;
        Rect fr = {area.x, fy, area.w, area.y + area.h - fy};
        quiz_feedback(b, q, fr, a->visit.quiz_answer == q->correct);
    }
    int total = m->n_slides + m->n_quiz + 1;
    ui_footer(b, total, m->n_slides + a->visit.quiz_q, answered, ui_has_narration(b));
}

void ui_overlay_still_there(B *b)
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
