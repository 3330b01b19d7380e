/* test_wrap_cache.c: the memo of line breaks belongs to the caller
 * (ui_build_cached) and never changes what is built: every screen, cold
 * and warm, with one cache or another or none, gives the same draw list
 * and the same controls. A freed cache leaves nothing behind (no static
 * table inside app/ui answers for it). Stub metrics, no SDL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "content/content.h"
#include "i18n/i18n.h"
#include "driver.h"
#include "support.h"
#include "ui/ui.h"

static void app_at(App *a, const char *screen, const char *lang, int w, int h)
{
    drv_app_at(a, drv_fx.content, screen, lang, w, h, 160);
}

static int same_rect(Rect x, Rect y) { return x.x == y.x && x.y == y.y && x.w == y.w && x.h == y.h; }

/* The two builds drew the same thing and offer the same controls. */
static void assert_same(const Ui *x, const Ui *y, const char *what)
{
    if (x->n_cmds != y->n_cmds || x->n_hits != y->n_hits || x->overflow != y->overflow ||
        x->small_targets != y->small_targets || x->qr_shown != y->qr_shown)
        fail_msg("%s: %d/%d commands, %d/%d controls", what, x->n_cmds, y->n_cmds, x->n_hits,
                 y->n_hits);
    for (int i = 0; i < x->n_cmds; i++) {
        const DrawCmd *p = &x->cmds[i], *q = &y->cmds[i];
        if (p->kind != q->kind || !same_rect(p->r, q->r) ||
            memcmp(&p->color, &q->color, sizeof p->color) != 0 || p->thick != q->thick ||
            p->len != q->len || p->px != q->px || p->bold != q->bold || p->dir != q->dir ||
            p->para_len != q->para_len || p->tint != q->tint || p->flip != q->flip ||
            p->qr_size != q->qr_size || (p->text && memcmp(p->text, q->text, p->len) != 0) ||
            (p->image && strcmp(p->image, q->image) != 0) ||
            (p->qr && memcmp(p->qr, q->qr, (size_t)p->qr_size * (size_t)p->qr_size) != 0))
            fail_msg("%s: draw command %d differs", what, i);
    }
    for (int i = 0; i < x->n_hits; i++)
        if (x->hits[i].id != y->hits[i].id || !same_rect(x->hits[i].r, y->hits[i].r))
            fail_msg("%s: control %d differs", what, i);
}

static void test_cache_never_changes_the_screen(void **st)
{
    (void)st;
    static const int sizes[][2] = {{1280, 800}, {360, 640}, {1080, 1920}};
    static const char *const langs[] = {"en", "ar"};
    Arena *plain = arena_new(8u << 20), *cold = arena_new(8u << 20), *warm = arena_new(8u << 20);
    WrapCache *one = ui_wrap_cache_new(), *two = ui_wrap_cache_new();
    assert_non_null(plain);
    assert_non_null(cold);
    assert_non_null(warm);
    assert_non_null(one);
    assert_non_null(two);
    TextMetrics tm = support_stub_metrics();
    App a;
    DrvNames names;
    drv_screen_names(drv_fx.content, &names);
    for (int s = 0; s < 3; s++)
        for (int l = 0; l < 2; l++)
            for (int i = 0; i < names.n; i++) {
                char what[160];
                snprintf(what, sizeof what, "%s, %s, %dx%d", names.names[i], langs[l], sizes[s][0],
                         sizes[s][1]);
                app_at(&a, names.names[i], langs[l], sizes[s][0], sizes[s][1]);
                Ui u0, u1, u2;
                arena_reset(plain);
                arena_reset(cold);
                arena_reset(warm);
                assert_int_equal(ui_build(&u0, &a, 1000, &tm, plain), ERR_OK);
                assert_int_equal(ui_build_cached(&u1, &a, 1000, &tm, cold, one), ERR_OK);
                assert_same(&u0, &u1, what);
                /* warm: the same cache answers from its memo */
                assert_int_equal(ui_build_cached(&u2, &a, 1000, &tm, warm, one), ERR_OK);
                assert_same(&u0, &u2, what);
                /* another caller's cache is its own */
                arena_reset(warm);
                assert_int_equal(ui_build_cached(&u2, &a, 1000, &tm, warm, two), ERR_OK);
                assert_same(&u0, &u2, what);
            }
    ui_wrap_cache_free(one);
    ui_wrap_cache_free(two);
    /* with every cache gone, a build still stands on its own */
    app_at(&a, names.names[0], "en", 1280, 800);
    Ui u;
    arena_reset(plain);
    assert_int_equal(ui_build(&u, &a, 1000, &tm, plain), ERR_OK);
    ui_wrap_cache_free(NULL);
    arena_free(plain);
    arena_free(cold);
    arena_free(warm);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cache_never_changes_the_screen),
    };
    return cmocka_run_group_tests(tests, drv_fixture_setup, drv_fixture_teardown);
}
