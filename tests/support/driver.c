/* driver.c: see driver.h. */
#include "driver.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "support.h"

void drv_init(Driver *d, const Content *content, const AppConfig *cfg, int w, int h, float dpi)
{
    memset(d, 0, sizeof *d);
    AppConfig def;
    if (!cfg) {
        app_config_default(&def);
        cfg = &def;
    }
    d->now = 1000;
    app_init(&d->app, content, cfg, d->now);
    d->arena = arena_new(4u << 20);
    assert_non_null(d->arena);
    d->tm = support_stub_metrics();
    Event rs = {.kind = EV_RESIZE, .w = w, .h = h, .dpi = dpi};
    app_update(&d->app, &rs, d->now);
}

void drv_fini(Driver *d)
{
    arena_free(d->arena);
    d->arena = NULL;
}

void drv_build_app(Ui *ui, const App *app, uint64_t now, Arena *arena)
{
    TextMetrics tm = support_stub_metrics();
    arena_reset(arena);
    assert_int_equal(ui_build(ui, app, now, &tm, arena), ERR_OK);
}

void drv_build(Driver *d)
{
    arena_reset(d->arena);
    assert_int_equal(ui_build(&d->ui, &d->app, d->now, &d->tm, d->arena), ERR_OK);
}

void drv_send(Driver *d, EventKind k, int x, int y)
{
    drv_build(d);
    Event ev = {.kind = k, .x = x, .y = y, .widget = ui_hit(&d->ui, x, y)};
    app_update(&d->app, &ev, d->now);
    if (d->after)
        d->after(d);
}

void drv_press_at(Driver *d, int x, int y, uint64_t ms)
{
    drv_send(d, EV_POINTER_DOWN, x, y);
    d->now += ms;
    drv_send(d, EV_POINTER_UP, x, y);
    d->now += 80;
}

void drv_tap_at(Driver *d, int x, int y) { drv_press_at(d, x, y, 80); }

void drv_tap(Driver *d, WidgetKind kind, int index)
{
    drv_build(d);
    Rect r;
    if (!ui_find(&d->ui, WIDGET(kind, index), &r))
        fail_msg("no control %d/%d on screen %d", kind, index, d->app.visit.screen);
    drv_send(d, EV_POINTER_DOWN, r.x + r.w / 2, r.y + r.h / 2);
    d->now += 80;
    drv_send(d, EV_POINTER_UP, r.x + r.w / 2 + 2, r.y + r.h / 2 + 1);
    d->now += 80;
}

int drv_has(Driver *d, WidgetKind kind, int index)
{
    drv_build(d);
    return ui_find(&d->ui, WIDGET(kind, index), NULL);
}

void drv_key(Driver *d, Key k)
{
    drv_build(d);
    WidgetId order[128];
    Event ev = {.kind = EV_KEY, .key = k};
    ev.n_focus = ui_focus_order(&d->ui, order, 128);
    ev.focus_order = order;
    app_update(&d->app, &ev, d->now);
    if (d->after)
        d->after(d);
    d->now += 50;
}

void drv_advance(Driver *d, uint64_t ms)
{
    d->now += ms;
    app_update(&d->app, NULL, d->now);
}

void drv_swipe(Driver *d, int forward)
{
    int y = d->app.wiring.h / 2, x0 = d->app.wiring.w / 2 + (forward ? 200 : -200);
    int x1 = d->app.wiring.w / 2 + (forward ? -200 : 200);
    drv_send(d, EV_POINTER_DOWN, x0, y);
    d->now += 40;
    drv_send(d, EV_POINTER_MOVE, (x0 + x1) / 2, y);
    d->now += 40;
    drv_send(d, EV_POINTER_UP, x1, y);
    d->now += 400;
}
