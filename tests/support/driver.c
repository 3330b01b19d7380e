/* driver.c: see driver.h. */
#include "driver.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "i18n/i18n.h"
#include "support.h"

DrvFixture drv_fx;

int drv_fixture_setup(void **st)
{
    (void)st;
    memset(&drv_fx, 0, sizeof drv_fx);
    if (i18n_init(support_path("build/locale")) != ERR_OK)
        return -1;
    Err e;
    drv_fx.content = content_load(support_path("content"), &e);
    drv_fx.arena = arena_new(8u << 20);
    return drv_fx.content && drv_fx.arena ? 0 : -1;
}

int drv_fixture_teardown(void **st)
{
    (void)st;
    content_free(drv_fx.content);
    arena_free(drv_fx.arena);
    memset(&drv_fx, 0, sizeof drv_fx);
    return 0;
}

void drv_app_at(App *a, const Content *content, const char *screen, const char *lang, int w,
                int h, float dpi)
{
    AppConfig cfg;
    app_config_default(&cfg);
    app_init(a, content, &cfg, 1000);
    a->wiring.w = w;
    a->wiring.h = h;
    a->wiring.dpi = dpi;
    assert_int_equal(app_goto(a, screen, 1000), 0);
    for (int i = 0; lang && i < a->wiring.cfg.n_langs; i++)
        if (strcmp(a->wiring.cfg.langs[i], lang) == 0)
            app_show_in(a, i);
}

static void collect_name(void *ctx, const char *name)
{
    DrvNames *n = ctx;
    if (n->n < 256) {
        snprintf(n->store[n->n], sizeof n->store[0], "%s", name);
        n->names[n->n] = n->store[n->n];
        n->n++;
    }
}

void drv_screen_names(const Content *content, DrvNames *out)
{
    App a;
    memset(out, 0, sizeof *out);
    app_init(&a, content, NULL, 0);
    app_screen_names(&a, collect_name, out);
}

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
