/* test_render_dirty.c: drawing only the changed cells (software renderer)
 * gives exactly the pixels of a full redraw, frame after frame: through a
 * slide transition, a pressed button, a countdown, screen changes, an RTL
 * switch and the accessibility toggles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <string.h>

#include "app.h"
#include "content/content.h"
#include "core/arena.h"
#include "core/log.h"
#include "i18n/i18n.h"
#include "render/render.h"
#include "support.h"
#include "ui/ui.h"

enum { W = 720, H = 1280 };

typedef struct {
    SDL_Surface *surf;
    SDL_Renderer *sdl;
    Renderer *ren;
} Target;

static Content *content;

static void target_open(Target *t)
{
    t->surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    t->sdl = SDL_CreateSoftwareRenderer(t->surf);
    Err e;
    char assets[1024], cdir[1024];
    snprintf(assets, sizeof assets, "%s", support_path("assets"));
    snprintf(cdir, sizeof cdir, "%s", support_path("content"));
    t->ren = render_new(t->sdl, assets, cdir, &e);
    assert_non_null(t->ren);
}

static void target_close(Target *t)
{
    render_free(t->ren);
    SDL_DestroyRenderer(t->sdl);
    SDL_FreeSurface(t->surf);
}

static int setup(void **st)
{
    (void)st;
    log_set_quiet(1);
    SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0)
        return -1;
    if (i18n_init(support_path("build/locale")) != ERR_OK)
        return -1;
    Err e;
    content = content_load(support_path("content"), &e);
    return content ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    content_free(content);
    TTF_Quit();
    SDL_Quit();
    return 0;
}

static long differing(SDL_Surface *a, SDL_Surface *b)
{
    long n = 0;
    for (int y = 0; y < H; y++)
        n += memcmp((Uint8 *)a->pixels + y * a->pitch, (Uint8 *)b->pixels + y * b->pitch,
                    (size_t)W * 4) != 0;
    return n;
}

static void test_incremental_equals_full(void **st)
{
    (void)st;
    Target inc, full;
    target_open(&inc);
    target_open(&full);
    Arena *arena = arena_new(4u << 20);
    App a;
    app_init(&a, content, NULL, 1000);
    a.wiring.w = W;
    a.wiring.h = H;
    a.wiring.dpi = 160;
    TextMetrics tm = render_metrics(inc.ren);
    TextMetrics tmf = render_metrics(full.ren);

    typedef struct {
        const char *screen;
        int lang, anim_ms, pressed, countdown_ms, large, contrast;
    } Step;
    static const Step steps[] = {
        {"attract", 0, -1, 0, -1, 0, 0},
        {"menu", 0, -1, 0, -1, 0, 0},
        {"menu", 0, -1, 1, -1, 0, 0}, /* a card pressed */
        {"journey-risks/slide-1", 0, -1, 0, -1, 0, 0},
        {"journey-risks/slide-2", 0, 0, 0, -1, 0, 0}, /* transition frames */
        {"journey-risks/slide-2", 0, 48, 0, -1, 0, 0},
        {"journey-risks/slide-2", 0, 112, 0, -1, 0, 0},
        {"journey-risks/slide-2", 0, 200, 0, -1, 0, 0},
        {"journey-risks/slide-2", 0, -1, 0, -1, 0, 0},
        {"journey-risks/slide-2", 2, -1, 0, -1, 0, 0}, /* Arabic: mirrored */
        {"journey-risks/quiz-1", 2, -1, 0, -1, 0, 0},
        {"journey-risks/quiz-1-answered", 2, -1, 0, -1, 0, 0},
        {"still-there", 3, -1, 0, 0, 0, 0},
        {"still-there", 3, -1, 0, 1000, 0, 0}, /* the countdown digit changes */
        {"still-there", 3, -1, 0, 2000, 0, 0},
        {"journey-risks/end", 3, -1, 0, -1, 1, 0},
        {"help", 1, -1, 0, -1, 1, 1},
        {"neutral", 0, -1, 0, -1, 0, 0},
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        const Step *s = &steps[i];
        uint64_t now = 100000;
        assert_int_equal(app_goto(&a, s->screen, now), 0);
        app_show_in(&a, s->lang);
        a.visit.large_text = s->large;
        a.visit.high_contrast = s->contrast;
        if (s->anim_ms >= 0) {
            a.visit.anim_start_ms = now - (uint64_t)s->anim_ms;
            a.visit.anim_dir = 1;
        }
        if (s->countdown_ms >= 0)
            a.visit.countdown_start_ms = now - (uint64_t)s->countdown_ms;
        Ui ui;
        arena_reset(arena);
        assert_int_equal(ui_build(&ui, &a, now, &tm, arena), ERR_OK);
        if (s->pressed && ui.n_hits > 0) {
            a.visit.pointer_down = 1;
            a.visit.pressed = ui.hits[ui.n_hits - 1].id;
            arena_reset(arena);
            assert_int_equal(ui_build(&ui, &a, now, &tm, arena), ERR_OK);
        }
        render_draw(inc.ren, &ui);
        Ui uf;
        Arena *af = arena_new(4u << 20);
        assert_int_equal(ui_build(&uf, &a, now, &tmf, af), ERR_OK);
        render_invalidate(full.ren);
        render_draw(full.ren, &uf);
        long rows = differing(inc.surf, full.surf);
        if (rows)
            fail_msg("step %zu (%s): %ld rows differ between incremental and full drawing", i,
                     s->screen, rows);
        arena_free(af);
        a.visit.pointer_down = 0;
        a.visit.pressed = W_NONE;
    }
    arena_free(arena);
    target_close(&inc);
    target_close(&full);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_incremental_equals_full)};
    return cmocka_run_group_tests(tests, setup, teardown);
}
