/* screens_group.c: the community worker's group session: choose a topic,
 * present its slides, count raised hands for each quiz answer, then the
 * headcount in bands. No names are kept, only counts. Same rules as the
 * kiosk's other screens (screens_admin.c). */
#include "ui/screens.h"

#include <stdio.h>
#include <string.h>

#include "i18n/i18n.h"

/* ---- group sessions --------------------------------------------------- */

static int group_languages(B *b, Rect area);

static void group_pick(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    int hh = ui_top_bar(b, _("Group session: choose a topic"), WIDGET(W_DONE, 0), "cross",
                     _("Cancel"));
    int fh = ui_bottom_bar(b, W_NONE, NULL, WIDGET(W_GROUP_HEADCOUNT, 0), "group",
                        _("Headcount and finish"), BTN_PRIMARY);
    int n = a->wiring.content ? content_module_count(a->wiring.content) : 0;
    Rect area = {b->pad, hh + b->pad, b->w - 2 * b->pad, b->h - hh - fh - 2 * b->pad};
    int used = group_languages(b, area);
    area.y += used;
    area.h -= used;
    int cols = area.w >= b->target * 16 ? 2 : 1;
    int ch = b->target * 3 / 2;
    int rows = (area.h + b->pad) / (ch + b->pad);
    if (rows < 1)
        rows = 1;
    /* a row for the page buttons when not everything fits */
    int per_page = rows * cols;
    int paged = n > per_page;
    if (paged) {
        rows = (area.h - b->target) / (ch + b->pad);
        if (rows < 1)
            rows = 1;
        per_page = rows * cols;
    }
    int pages = n > 0 ? (n + per_page - 1) / per_page : 1;
    int page = a->visit.menu_scroll < pages ? a->visit.menu_scroll : pages - 1;
    int cw = (area.w - (cols - 1) * b->pad) / cols;
    for (int k = 0; k < per_page && page * per_page + k < n; k++) {
        int mi = page * per_page + k;
        const Module *m = content_module(a->wiring.content, mi);
        Rect r = {area.x + (k % cols) * (cw + b->pad), area.y + (k / cols) * (ch + b->pad), cw, ch};
        WidgetId id = WIDGET(W_GROUP_MODULE, mi);
        ui_fill(b, r, ui_pressed(b, id) ? t->pressed : t->surface);
        ui_frame(b, r, t->line, 2);
        int isz = ch - b->pad;
        ui_image(b, (Rect){r.x + b->pad / 2, r.y + b->pad / 2, isz, isz}, m->icon, IMAGE_CONTENT);
        ui_text_box(b, _(m->title), (Rect){r.x + isz + b->pad, r.y, r.w - isz - 2 * b->pad, ch},
                    b->body_px, b->small_px / 2, 1, ALIGN_START, 1, t->text);
        ui_add_hit(b, id, r);
    }
    if (paged) {
        int y = area.y + area.h - b->target;
        int bs = b->target;
        if (page > 0)
            ui_button(b, WIDGET(W_BACK, 0), (Rect){area.x, y, bs * 2, bs}, "back", NULL, BTN_PLAIN,
                      1);
        B l = ui_ltr(b);
        ui_text_box(&l, arena_printf(b->arena, "%d / %d", page + 1, pages),
                    (Rect){area.x + bs * 2 + b->pad, y, area.w - 4 * bs - 2 * b->pad, bs},
                    b->body_px, b->small_px / 2, 1, ALIGN_CENTER, 1, t->muted);
        if (page + 1 < pages)
            ui_button(b, WIDGET(W_NEXT, 0), (Rect){area.x + area.w - bs * 2, y, bs * 2, bs}, "next",
                      NULL, BTN_PLAIN, 1);
    }
}

/* The room's language, any the kiosk knows, in no visitor's order, at the
 * top of area. Returns the height it took. */
static int group_languages(B *b, Rect area)
{
    const Theme *t = b->th;
    const App *a = b->app;
    int nl = i18n_language_count();
    int lw = area.w / 4;
    int label = lw >= b->target * 2;
    if (label)
        ui_text_box(b, _("Session language"), (Rect){area.x, area.y, lw - b->pad, b->target},
                    b->body_px, b->small_px / 2, 1, ALIGN_START, 1, t->text);
    int x0 = label ? area.x + lw : area.x;
    int gap = b->pad / 2, room = area.x + area.w - x0;
    /* one row of names when each gets two targets' width, else two */
    int per_row = nl;
    if (nl > 1 && (room - (nl - 1) * gap) / nl < b->target * 2)
        per_row = (nl + 1) / 2;
    int rows = per_row > 0 ? (nl + per_row - 1) / per_row : 0;
    int cw = per_row > 0 ? (room - (per_row - 1) * gap) / per_row : 0;
    for (int i = 0; i < nl; i++) {
        const Language *l = i18n_language_at(i);
        B bl = *b;
        bl.dir = l->rtl ? PARA_RTL : PARA_LTR;
        Rect r = {x0 + (i % per_row) * (cw + gap), area.y + (i / per_row) * (b->target + gap),
                  cw, b->target};
        ui_button(&bl, WIDGET(W_GROUP_LANG, i), r, NULL, l->native,
                  strcmp(l->code, a->group.group_lang) == 0 ? BTN_SELECTED : BTN_PLAIN, 0);
    }
    return rows * b->target + (rows > 0 ? rows - 1 : 0) * gap + b->pad;
}


/* Presenter view: the visitor slide, with text large enough for a room. */
static void group_slide(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    const Module *m = app_module(a);
    if (!m)
        return;
    const Slide *s = &m->slides[a->visit.slide];
    int hh = ui_top_bar(b, _(m->title), WIDGET(W_HOME, 0), "home", _("Topics"));
    int fh = ui_bottom_bar(b, WIDGET(W_BACK, 0), _("Back"), WIDGET(W_NEXT, 0), "next", _("Next"),
                        BTN_PRIMARY);
    Rect area = {b->pad * 2, hh + b->pad, b->w - b->pad * 4, b->h - hh - fh - 2 * b->pad};
    int landscape = area.w > area.h * 5 / 4;
    Rect img, txt;
    if (landscape) {
        int iw = area.w * 2 / 5;
        img = (Rect){area.x, area.y, iw, area.h};
        txt = (Rect){area.x + iw + b->pad * 2, area.y, area.w - iw - b->pad * 2, area.h};
    } else {
        int ih = area.h * 3 / 10;
        img = (Rect){area.x, area.y, area.w, ih};
        txt = (Rect){area.x, area.y + ih + b->pad, area.w, area.h - ih - b->pad};
    }
    ui_image(b, img, s->image, IMAGE_CONTENT);
    int th = ui_text_height(b, _(s->title), txt.w, b->big_px, 1);
    if (th > txt.h / 3)
        th = txt.h / 3;
    ui_text_box(b, _(s->title), (Rect){txt.x, txt.y, txt.w, th}, b->big_px, b->small_px / 2, 1,
                ALIGN_START, 0, t->text);
    ui_text_box(b, _(s->body), (Rect){txt.x, txt.y + th + b->pad, txt.w, txt.h - th - b->pad},
                b->title_px, b->small_px / 2, 0, ALIGN_START, 0, t->text);
}

/* Per answer its picture, its text and "-  count  +": the worker counts
 * raised hands, then shows the room the right answer and why. */
/* The row of answer i in r: its picture and words, and the stepper of the
 * hands raised for it; once revealed, the right answer is marked. */
static void group_quiz_row(B *b, const QuizQuestion *q, int hands, int i, Rect r, int narrow,
                           int ctl_w)
{
    const Theme *t = b->th;
    int row_h = r.h;
    int right = b->app->group.group_revealed && i == q->correct;
    Color fg = right ? t->on_accent : t->text;
    ui_fill(b, r, right ? t->good : t->surface);
    ui_frame(b, r, right ? t->good : t->line, right ? 4 : 2);
    const char *count = arena_printf(b->arena, "%d", hands);
    /* the answer's picture, as the visitors see it */
    int isz = (narrow ? row_h - b->target : row_h) - b->pad;
    if (isz > b->target * 2)
        isz = b->target * 2;
    Rect ir = {r.x + b->pad / 2, r.y + b->pad / 2, isz, isz};
    if (right)
        ui_fill(b, ir, t->surface); /* pictures stay on their usual ground */
    ui_image(b, ir, q->answers[i].icon, IMAGE_CONTENT);
    int tx = ir.x + isz + b->pad / 2;
    int msz = right ? b->target * 2 / 3 : 0;
    if (narrow) {
        int lh = row_h - b->target - b->pad / 2;
        ui_text_box(b, _(q->answers[i].text), (Rect){tx, r.y, r.x + r.w - tx - b->pad / 2 - msz, lh},
                    b->body_px, b->small_px / 2, 1, ALIGN_START, 1, fg);
        ui_stepper(b, r.x + r.w - b->pad / 2, r.y + lh, b->target,
                WIDGET(W_GROUP_HANDS_DEC, i), WIDGET(W_GROUP_HANDS_INC, i), count, b->title_px);
    } else {
        ui_text_box(b, _(q->answers[i].text),
                    (Rect){tx, r.y, r.x + r.w - ctl_w - tx - b->pad - msz, row_h}, b->body_px,
                    b->small_px / 2, 1, ALIGN_START, 1, fg);
        ui_stepper(b, r.x + r.w - b->pad / 2, r.y + (row_h - b->target * 5 / 4) / 2,
                b->target * 5 / 4, WIDGET(W_GROUP_HANDS_DEC, i), WIDGET(W_GROUP_HANDS_INC, i),
                count, b->title_px);
    }
    if (right) /* a tick besides the colour: never colour alone */
        ui_icon(b, (Rect){r.x + r.w - (narrow ? b->pad / 2 : ctl_w + b->pad / 2) - msz,
                          r.y + b->pad / 2, msz, msz},
                "check", fg, 0);
}

static void group_quiz(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    const Module *m = app_module(a);
    if (!m || a->group.group_q >= m->n_quiz)
        return;
    const QuizQuestion *q = &m->quiz[a->group.group_q];
    const GroupQuestion *gq = &a->group.session.questions[a->group.group_q];
    int hh = ui_top_bar(b, _("Group quiz: count the raised hands"), WIDGET(W_HOME, 0), "home",
                     _("Topics"));
    int fh = ui_bottom_bar(b, WIDGET(W_BACK, 0), _("Back"), WIDGET(W_NEXT, 0), "next", _("Next"),
                        BTN_PRIMARY);
    Rect area = {b->pad * 2, hh + b->pad, b->w - b->pad * 4, b->h - hh - fh - 2 * b->pad};
    int n = q->n_answers < gq->n_answers ? q->n_answers : gq->n_answers;
    int shown = a->group.group_revealed;
    int ctl_w = b->target * 4 + b->pad;
    int narrow = area.w - ctl_w < area.w / 3;
    int rw = narrow ? b->target * 2 : b->target * 5;
    int qh = ui_text_height(b, _(q->question), area.w - rw - b->pad, b->title_px, 1);
    if (qh > area.h / 3)
        qh = area.h / 3;
    if (qh < b->target)
        qh = b->target;
    /* the explanation takes room under the answers once revealed; the
     * rows (with their pictures) take the rest, within reason */
    int ex_h = shown && q->explain ? area.h / 4 : 0;
    int row_h = n > 0 ? (area.h - qh - ex_h - b->pad) / n - b->pad : 0;
    int min_h = narrow ? b->target * 2 : b->target * 3 / 2;
    if (row_h > b->target * 3)
        row_h = b->target * 3;
    if (row_h < min_h)
        row_h = min_h;
    ui_button(b, WIDGET(W_GROUP_REVEAL, 0), (Rect){area.x + area.w - rw, area.y, rw, b->target},
              shown ? "off" : "reveal", shown ? _("Hide the answer") : _("Show the answer"),
              shown ? BTN_SELECTED : BTN_PLAIN, 0);
    ui_text_box(b, _(q->question), (Rect){area.x, area.y, area.w - rw - b->pad, qh}, b->title_px,
                b->small_px / 2, 1, ALIGN_START, 0, t->text);
    int y = area.y + qh + b->pad;
    for (int i = 0; i < n; i++) {
        group_quiz_row(b, q, gq->hands[i], i, (Rect){area.x, y, area.w, row_h}, narrow, ctl_w);
        y += row_h + b->pad;
    }
    if (ex_h > 0)
        ui_text_box(b, _(q->explain), (Rect){area.x, y, area.w, area.y + area.h - y}, b->body_px,
                    b->small_px / 2, 0, ALIGN_START, 0, t->text);
}

static const char *const band_labels[GROUP_BAND__COUNT] = {N_("Women"), N_("Men"), N_("Girls"),
                                                          N_("Boys")};

/* One touch per band: the quick counts as chips (the one matching the
 * count selected), then "-  count  +" to make it exact. As many chips as
 * fit at the minimum target size, spread over the range. */
static void quick_counts(B *b, Rect r, int band)
{
    int gap = b->pad / 2;
    int n = (r.w + gap) / (b->target + gap);
    if (n > APP_QUICK_COUNTS)
        n = APP_QUICK_COUNTS;
    if (n < 2)
        return;
    int cw = (r.w - (n - 1) * gap) / n;
    B l = ui_ltr(b);
    for (int j = 0; j < n; j++) {
        int i = (j * (APP_QUICK_COUNTS - 1) + (n - 1) / 2) / (n - 1);
        int v = app_quick_counts[i];
        ui_button(&l, WIDGET(W_GROUP_BAND_SET, band << 3 | i),
                  (Rect){r.x + j * (cw + gap), r.y, cw, r.h}, NULL,
                  arena_printf(b->arena, "%d", v),
                  b->app->group.session.bands[band] == v ? BTN_SELECTED : BTN_PLAIN, 0);
    }
}

static void group_count(B *b)
{
    const Theme *t = b->th;
    const App *a = b->app;
    int hh = ui_top_bar(b, _("How many took part?"), W_NONE, NULL, NULL);
    int fh = ui_bottom_bar(b, WIDGET(W_BACK, 0), _("Back"), WIDGET(W_GROUP_FINISH, 0), "check",
                        _("Save and finish"), BTN_PRIMARY);
    Rect area = {b->pad * 2, hh + b->pad, b->w - b->pad * 4, b->h - hh - fh - 2 * b->pad};
    int ctl_w = b->target * 4 + b->pad;
    int label_w = area.w / 6;
    int chips_w = area.w - label_w - ctl_w - 2 * b->pad;
    int one_row = chips_w >= APP_QUICK_COUNTS * b->target;
    int lh = b->tm->line_height(b->tm->ctx, b->small_px);
    /* on two rows per band the chips come only when all four fit */
    int label_h = ui_text_height(b, _(band_labels[0]), area.w, b->body_px, 1);
    int chips = one_row || GROUP_BAND__COUNT * (label_h + 2 * b->target + 2 * b->pad) <= area.h;
    int y = area.y;
    for (int i = 0; i < GROUP_BAND__COUNT; i++) {
        const char *value = arena_printf(b->arena, "%d", a->group.session.bands[i]);
        if (one_row) {
            ui_text_box(b, _(band_labels[i]), (Rect){area.x, y, label_w, b->target}, b->title_px,
                        b->small_px * 2 / 3, 1, ALIGN_START, 1, t->text);
            quick_counts(b, (Rect){area.x + label_w + b->pad, y, chips_w, b->target}, i);
            ui_stepper(b, area.x + area.w, y, b->target, WIDGET(W_GROUP_BAND_DEC, i),
                    WIDGET(W_GROUP_BAND_INC, i), value, b->title_px);
            y += b->target + b->pad;
        } else {
            int cy;
            int h = ui_row_layout(b, area, y, _(band_labels[i]), ctl_w, &cy);
            ui_stepper(b, area.x + area.w, cy, b->target, WIDGET(W_GROUP_BAND_DEC, i),
                    WIDGET(W_GROUP_BAND_INC, i), value, b->title_px);
            y += h + b->pad / 2;
            if (chips) {
                quick_counts(b, (Rect){area.x, y, area.w, b->target}, i);
                y += b->target + b->pad;
            }
        }
    }
    int rest = area.y + area.h - y;
    if (rest >= lh)
        ui_text_box(b,
                    arena_printf(b->arena, _("Total: %d. No names are kept, only these counts."),
                                 group_session_attendees(&a->group.session)),
                    (Rect){area.x, y, area.w, rest}, b->body_px, b->small_px / 2, 0, ALIGN_START, 0,
                    t->muted);
}

void ui_screen_group(B *b)
{
    switch (b->app->visit.screen) {
    case SCREEN_GROUP_PICK: group_pick(b); break;
    case SCREEN_GROUP_SLIDE: group_slide(b); break;
    case SCREEN_GROUP_QUIZ: group_quiz(b); break;
    case SCREEN_GROUP_COUNT: group_count(b); break;
    default: break;
    }
}

