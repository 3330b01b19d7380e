/* ui.c: ui_build() and the queries on its result; see ui.h.
 *
 * Sizes derive from the shorter side of the window (one "unit" is 1/800 of
 * it, clamped) and from the display's dpi, which fixes the smallest touch
 * target (9 mm). The screens (screens_*.c) lay out in logical coordinates
 * with the toolkit (toolkit.h), which mirrors for right-to-left languages;
 * this file sets up the build context and picks the screen from a table. */
#include "ui/ui.h"

#include "ui/screens.h"

#include <math.h>
#include <string.h>

#include "i18n/i18n.h"

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

/* Each screen's builder; unmirrored screens are laid out left to right in
 * every language. The attract and neutral screens are centred; the picker
 * must not move the grid, Continue or Exit under the finger when العربية
 * is touched. */
static const struct {
    void (*build)(B *b);
    int unmirrored;
} screens[SCREEN__COUNT] = {
    [SCREEN_ATTRACT] = {ui_screen_attract, 1},
    [SCREEN_NEUTRAL] = {ui_screen_neutral, 1},
    [SCREEN_LANGUAGE] = {ui_screen_language, 1},
    [SCREEN_MENU] = {ui_screen_menu, 0},
    [SCREEN_SLIDE] = {ui_screen_slide, 0},
    [SCREEN_QUIZ] = {ui_screen_quiz, 0},
    [SCREEN_END] = {ui_screen_end, 0},
    [SCREEN_HELP] = {ui_screen_help, 0},
    [SCREEN_PIN] = {ui_screen_pin, 0},
    [SCREEN_ADMIN] = {ui_screen_admin, 0},
    [SCREEN_TEST_TOUCH] = {ui_screen_test_touch, 0},
    [SCREEN_GROUP_PICK] = {ui_screen_group, 0},
    [SCREEN_GROUP_SLIDE] = {ui_screen_group, 0},
    [SCREEN_GROUP_QUIZ] = {ui_screen_group, 0},
    [SCREEN_GROUP_COUNT] = {ui_screen_group, 0},
};

/* The sizes of everything on this display, in this text mode. */
static void size_context(B *b, const App *app)
{
    b->w = app->wiring.w;
    b->h = app->wiring.h;
    int side = b->w < b->h ? b->w : b->h;
    b->unit = (float)side / 1000.0f;
    if (b->unit < 0.36f)
        b->unit = 0.36f;
    b->target = ui_min_target(app->wiring.dpi);
    b->ctl = (int)(76 * b->unit) > b->target ? (int)(76 * b->unit) : b->target;
    b->pad = (int)(16 * b->unit);
    if (b->pad < 8)
        b->pad = 8;
    float scale = app->visit.large_text ? 1.3f : 1.0f;
    b->body_px = (int)(fmaxf(16, 34 * b->unit) * scale);
    b->small_px = (int)(fmaxf(14, 28 * b->unit) * scale);
    b->min_px = ui_min_text_px(app->wiring.dpi);
    if (b->small_px < b->min_px)
        b->small_px = b->min_px;
    if (b->body_px < b->min_px * 6 / 5)
        b->body_px = b->min_px * 6 / 5;
    b->title_px = (int)(fmaxf(20, 46 * b->unit) * scale);
    b->big_px = (int)(fmaxf(26, 64 * b->unit) * scale);
}

Err ui_build_cached(Ui *ui, const App *app, uint64_t now, const TextMetrics *tm, Arena *arena,
                    WrapCache *wrap)
{
    memset(ui, 0, sizeof *ui);
    const char *code = app_ui_lang(app);
    const Language *lang = i18n_language(code);
    /* after i18n_preload() (the kiosk's start-up) this only selects the
     * translation table's column: no environment, no gettext state */
    if (i18n_current() != lang)
        i18n_set_language(code);
    B b = {0};
    b.ui = ui;
    b.app = app;
    b.tm = tm;
    b.arena = arena;
    b.wrap = wrap;
    b.th = ui_theme(app->visit.high_contrast);
    b.now = now;
    size_context(&b, app);
    b.rtl = lang && lang->rtl;
    b.dir = b.rtl ? PARA_RTL : PARA_LTR;
    ui->rtl = b.rtl;
    ui->min_target = b.target;
    ui->clear = b.th->bg;
    if ((unsigned)app->visit.screen < SCREEN__COUNT && screens[app->visit.screen].build) {
        if (screens[app->visit.screen].unmirrored)
            b.rtl = 0;
        screens[app->visit.screen].build(&b);
    }
    if (app->visit.screen == SCREEN_ATTRACT && app->facts.banner != BANNER_NONE)
        ui_attract_banner(&b);
    if (app->visit.countdown && app->visit.in_session) {
        /* the overlay takes every touch: drop the controls beneath it */
        ui->n_hits = 0;
        ui_overlay_still_there(&b);
    }
    return b.err;
}

Err ui_build(Ui *ui, const App *app, uint64_t now, const TextMetrics *tm, Arena *arena)
{
    return ui_build_cached(ui, app, now, tm, arena, NULL);
}

int ui_smallest_text(const Ui *ui, const char **line, size_t *len)
{
    int px = 0;
    for (int i = 0; i < ui->n_cmds; i++) {
        const DrawCmd *d = &ui->cmds[i];
        if (d->kind != DRAW_TEXT || (px && d->px >= px))
            continue;
        px = d->px;
        if (line)
            *line = d->text;
        if (len)
            *len = d->len;
    }
    return px;
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

