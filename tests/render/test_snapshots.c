/* test_snapshots.c: key screens rendered with the real fonts through SDL's
 * dummy driver and software renderer, compared with reference PNGs in
 * tests/snapshots/ with a small tolerance (anti-aliasing may differ by a
 * level between library builds; layout, glyphs and colours may not).
 *
 * TAAMA_SNAPSHOT_UPDATE=1 (make snapshots-update) rewrites the references;
 * look at them before committing. A failing case leaves the actual image in
 * /tmp/taama-snapshots/ to compare. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content/content.h"
#include "core/log.h"
#include "i18n/i18n.h"
#include "render/kiosk.h"
#include "support.h"

typedef struct {
    const char *name; /* reference file: tests/snapshots/<name>.png */
    const char *screen, *lang;
    int w, h, large, contrast;
} Case;

static const Case cases[] = {
    {"attract-en", "attract", "en", 1280, 800, 0, 0},
    {"language-en", "language", "en", 1280, 800, 0, 0},
    {"language-ti", "language", "ti", 360, 640, 0, 0},
    {"menu-en", "menu", "en", 1280, 800, 0, 0},
    {"menu-ar", "menu", "ar", 1280, 800, 0, 0},
    {"menu-ti", "menu", "ti", 360, 640, 0, 0},
    {"slide-en", "journey-risks/slide-2", "en", 1280, 800, 0, 0},
    {"slide-ar", "journey-risks/slide-2", "ar", 1280, 800, 0, 0},
    {"slide-ti", "journey-risks/slide-2", "ti", 360, 640, 0, 0},
    {"quiz-ar", "smuggler-lies/quiz-1-answered", "ar", 1280, 800, 0, 0},
    {"end-ti", "women-rights/end", "ti", 1280, 800, 0, 0},
    {"end-ar", "get-help/end", "ar", 360, 640, 0, 0},
    {"help-en", "help", "en", 1280, 800, 0, 0},
    {"still-there-ar", "still-there", "ar", 1280, 800, 0, 0},
    {"child-slide-en", "children-story/slide-1", "en", 360, 640, 0, 0},
    /* the accessibility toggles */
    {"menu-en-large", "menu", "en", 1280, 800, 1, 0},
    {"slide-ar-contrast", "journey-risks/slide-2", "ar", 1280, 800, 0, 1},
    {"quiz-ti-large-contrast", "smuggler-lies/quiz-1-answered", "ti", 360, 640, 1, 1},
    /* the kiosk's own screens */
    {"attract-export-en", "attract-export", "en", 1280, 800, 0, 0},
    {"pin-en", "pin", "en", 1280, 800, 0, 0},
    {"pin-locked-ar", "pin-locked", "ar", 360, 640, 0, 0},
    {"pin-not-set-en", "pin-not-set", "en", 1280, 800, 0, 0},
    {"admin-en", "admin", "en", 1280, 800, 0, 0},
    {"admin-ar", "admin", "ar", 1280, 800, 0, 0},
    {"admin-en-phone", "admin", "en", 360, 640, 0, 0},
    {"admin-settings-en", "admin-settings", "en", 1280, 800, 0, 0},
    {"admin-settings-ar", "admin-settings", "ar", 720, 1280, 0, 0},
    {"admin-languages-en", "admin-languages", "en", 1280, 800, 0, 0},
    {"admin-languages-ar", "admin-languages", "ar", 1280, 800, 0, 0},
    {"admin-tools-en", "admin-tools", "en", 1280, 800, 0, 0},
    {"admin-tools-ar", "admin-tools", "ar", 360, 640, 0, 0},
    {"test-touch-en", "test-touch", "en", 1280, 800, 0, 0},
    {"group-pick-en", "group-pick", "en", 1280, 800, 0, 0},
    {"group-slide-ar", "group-slide", "ar", 1280, 800, 0, 0},
    {"group-quiz-en", "group-quiz", "en", 1280, 800, 0, 0},
    {"group-quiz-ar", "group-quiz", "ar", 360, 640, 0, 0},
    {"group-headcount-en", "group-headcount", "en", 1280, 800, 0, 0},
    {"group-headcount-ar", "group-headcount", "ar", 1280, 800, 0, 0},
};

static Content *content;

static int setup_all(void **st)
{
    (void)st;
    log_set_quiet(1);
    i18n_init(support_path("build/locale"));
    Err e;
    content = content_load(support_path("content"), &e);
    return content ? 0 : -1;
}

static int teardown_all(void **st)
{
    (void)st;
    content_free(content);
    return 0;
}

/* Fraction (per mille) of pixels whose channels differ by more than 64. */
static int diff_permille(SDL_Surface *a, SDL_Surface *b)
{
    SDL_Surface *ca = SDL_ConvertSurfaceFormat(a, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_Surface *cb = SDL_ConvertSurfaceFormat(b, SDL_PIXELFORMAT_ARGB8888, 0);
    long bad = 0;
    for (int y = 0; y < ca->h; y++) {
        const Uint32 *ra = (const Uint32 *)(const void *)((Uint8 *)ca->pixels + y * ca->pitch);
        const Uint32 *rb = (const Uint32 *)(const void *)((Uint8 *)cb->pixels + y * cb->pitch);
        for (int x = 0; x < ca->w; x++) {
            for (int sh = 0; sh < 24; sh += 8) {
                int d = (int)((ra[x] >> sh) & 0xff) - (int)((rb[x] >> sh) & 0xff);
                if (d > 64 || d < -64) {
                    bad++;
                    break;
                }
            }
        }
    }
    long total = (long)ca->w * ca->h;
    SDL_FreeSurface(ca);
    SDL_FreeSurface(cb);
    return (int)(bad * 1000 / (total ? total : 1));
}

static void test_snapshots(void **st)
{
    (void)st;
    int update = getenv("TAAMA_SNAPSHOT_UPDATE") != NULL;
    mkdir("/tmp/taama-snapshots", 0755);
    KioskOptions o;
    memset(&o, 0, sizeof o);
    char assets[1024], cdir[1024];
    snprintf(assets, sizeof assets, "%s", support_path("assets"));
    snprintf(cdir, sizeof cdir, "%s", support_path("content"));
    o.assets_dir = assets;
    o.content_dir = cdir;
    o.dpi = 160;
    app_config_default(&o.cfg);
    int failures = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const Case *c = &cases[i];
        char actual[256], ref[1024];
        snprintf(actual, sizeof actual, "/tmp/taama-snapshots/%s.png", c->name);
        snprintf(ref, sizeof ref, "%s", support_path("tests/snapshots"));
        snprintf(ref + strlen(ref), sizeof ref - strlen(ref), "/%s.png", c->name);
        o.large_text = c->large;
        o.high_contrast = c->contrast;
        int rc = kiosk_render(&o, content, c->lang, c->screen, c->w, c->h, update ? ref : actual);
        if (rc != 0) {
            print_error("%s: render failed (%d)%s\n", c->name, rc,
                        rc == 3 ? ": text overflows" : "");
            failures++;
            continue;
        }
        if (update)
            continue;
        SDL_Surface *a = IMG_Load(actual), *b = IMG_Load(ref);
        if (!b) {
            print_error("%s: no reference %s (make snapshots-update)\n", c->name, ref);
            failures++;
        } else if (!a || a->w != b->w || a->h != b->h) {
            print_error("%s: size differs from the reference\n", c->name);
            failures++;
        } else {
            int pm = diff_permille(a, b);
            if (pm > 5) {
                print_error("%s: %d.%d%% of pixels differ; see %s\n", c->name, pm / 10, pm % 10,
                            actual);
                failures++;
            }
        }
        SDL_FreeSurface(a);
        SDL_FreeSurface(b);
    }
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_snapshots)};
    return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
