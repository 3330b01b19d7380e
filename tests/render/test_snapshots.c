/* test_snapshots.c: key screens rendered with the real fonts through SDL's
 * dummy driver and software renderer (`taama render`'s own path), compared
 * with reference PNGs in tests/snapshots/, and each screen's text compared
 * with a text golden tests/snapshots/<name>.txt (every line of text drawn,
 * in drawing order, with its box and size), so a wrong string fails even
 * where the pixels are close.
 *
 * The pixel comparison is tight: a pixel counts as different when any
 * channel differs by more than SNAP_LEVELS, and at most SNAP_BUDGET such
 * pixels pass. CI renders with the same Debian 12 packages as the machine
 * that made the references, where rendering is bit-exact; the budget only
 * absorbs a stray anti-aliased edge pixel of a FreeType/pixman point
 * release. The tests below prove it is tight enough: the brand colour
 * recoloured (teal -> blue, or nudged by 12 levels) and one word changed
 * ("Next" -> "Nest") each make the comparison fail.
 *
 * TAAMA_SNAPSHOT_UPDATE=1 (make snapshots-update) rewrites the references
 * and the text goldens; look at them before committing. A failing case
 * leaves the actual image and text in /tmp/taama-snapshots-XXXXXX/ to compare. */
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
#include "render/render.h"
#include "support.h"
#include "ui/ui.h"
#include <SDL_ttf.h>

enum {
    SNAP_LEVELS = 2, /* per channel: more than this is a different pixel */
    SNAP_BUDGET = 8, /* different pixels allowed per image */
};

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
    /* full HD, landscape and portrait */
    {"attract-en-fhd", "attract", "en", 1920, 1080, 0, 0},
    {"menu-en-fhd", "menu", "en", 1920, 1080, 0, 0},
    {"slide-ar-fhd", "journey-risks/slide-2", "ar", 1920, 1080, 0, 0},
    {"admin-en-fhd", "admin", "en", 1920, 1080, 0, 0},
    {"menu-ti-portrait", "menu", "ti", 1080, 1920, 0, 0},
    {"slide-en-portrait", "journey-risks/slide-2", "en", 1080, 1920, 0, 0},
    {"quiz-ar-portrait", "smuggler-lies/quiz-1-answered", "ar", 1080, 1920, 0, 0},
    {"help-en-portrait", "help", "en", 1080, 1920, 0, 0},
};

static Content *content;

static int setup_all(void **st)
{
    (void)st;
    log_set_quiet(1);
    if (i18n_init(support_path("build/locale")) != ERR_OK)
        return -1;
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

/* Pixels of a and b (same size) whose channels differ by more than
 * SNAP_LEVELS; *maxd gets the largest channel difference seen. */
static long diff_pixels(SDL_Surface *a, SDL_Surface *b, int *maxd)
{
    SDL_Surface *ca = SDL_ConvertSurfaceFormat(a, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_Surface *cb = SDL_ConvertSurfaceFormat(b, SDL_PIXELFORMAT_ARGB8888, 0);
    long bad = 0;
    *maxd = 0;
    for (int y = 0; y < ca->h; y++) {
        const Uint32 *ra = (const Uint32 *)(const void *)((Uint8 *)ca->pixels + y * ca->pitch);
        const Uint32 *rb = (const Uint32 *)(const void *)((Uint8 *)cb->pixels + y * cb->pitch);
        for (int x = 0; x < ca->w; x++) {
            int worst = 0;
            for (int sh = 0; sh < 24; sh += 8) {
                int d = abs((int)((ra[x] >> sh) & 0xff) - (int)((rb[x] >> sh) & 0xff));
                worst = d > worst ? d : worst;
            }
            *maxd = worst > *maxd ? worst : *maxd;
            bad += worst > SNAP_LEVELS;
        }
    }
    SDL_FreeSurface(ca);
    SDL_FreeSurface(cb);
    return bad;
}

/* 1 when a and b are the same image within the tolerance. */
static int same_image(SDL_Surface *a, SDL_Surface *b, const char *name)
{
    if (!a || !b || a->w != b->w || a->h != b->h) {
        print_error("%s: size differs from the reference\n", name);
        return 0;
    }
    int maxd = 0;
    long bad = diff_pixels(a, b, &maxd);
    if (bad > SNAP_BUDGET) {
        print_error("%s: %ld pixels differ (by up to %d levels)\n", name, bad, maxd);
        return 0;
    }
    return 1;
}

/* ---- the draw list as kiosk_render builds it, for text goldens ---- */

typedef struct {
    SDL_Surface *surf;
    SDL_Renderer *sdl;
    Renderer *ren;
    Arena *arena;
    App app;
    Ui ui;
} Built;

static void built_free(Built *bt)
{
    render_free(bt->ren);
    if (bt->sdl)
        SDL_DestroyRenderer(bt->sdl);
    SDL_FreeSurface(bt->surf);
    arena_free(bt->arena);
    TTF_Quit();
    SDL_Quit();
}

/* Build case c's screen with the real fonts' metrics, as kiosk_render()
 * does (same state, same order of settings). */
static void build_case(const Case *c, const KioskOptions *o, Built *bt)
{
    memset(bt, 0, sizeof *bt);
    assert_int_equal(SDL_Init(SDL_INIT_VIDEO), 0);
    assert_int_equal(TTF_Init(), 0);
    bt->surf = SDL_CreateRGBSurfaceWithFormat(0, c->w, c->h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(bt->surf);
    bt->sdl = SDL_CreateSoftwareRenderer(bt->surf);
    assert_non_null(bt->sdl);
    Err why = ERR_OK;
    bt->ren = render_new(bt->sdl, o->assets_dir, content_dir(content), &why);
    assert_non_null(bt->ren);
    bt->arena = arena_new(4u << 20);
    assert_non_null(bt->arena);
    TextMetrics tm = render_metrics(bt->ren);
    app_init(&bt->app, content, &o->cfg, 1000);
    bt->app.visit.large_text = o->large_text;
    bt->app.visit.high_contrast = o->high_contrast;
    bt->app.wiring.w = c->w;
    bt->app.wiring.h = c->h;
    bt->app.wiring.dpi = o->dpi;
    int li = -1;
    for (int i = 0; i < bt->app.wiring.cfg.n_langs; i++)
        if (strcmp(bt->app.wiring.cfg.langs[i], c->lang) == 0)
            li = i;
    assert_true(li >= 0);
    assert_int_equal(app_goto(&bt->app, c->screen, 1000), 0);
    bt->app.visit.lang = li;
    bt->app.visit.picker_choice = bt->app.visit.screen == SCREEN_LANGUAGE ? li : bt->app.visit.picker_choice;
    bt->app.visit.large_text = o->large_text;
    bt->app.visit.high_contrast = o->high_contrast;
    assert_int_equal(ui_build(&bt->ui, &bt->app, 1000, &tm, bt->arena), ERR_OK);
}

static void draw_built(Built *bt)
{
    render_draw(bt->ren, &bt->ui);
    SDL_RenderPresent(bt->sdl);
}

/* Every line of text in drawing order: "x,y wxh px bold: text". */
static char *text_dump(const Ui *ui)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    for (int i = 0; i < ui->n_cmds; i++) {
        const DrawCmd *d = &ui->cmds[i];
        if (d->kind == DRAW_TEXT)
            fprintf(f, "%d,%d %dx%d %dpx%s: %.*s\n", d->r.x, d->r.y, d->r.w, d->r.h, d->px,
                    d->bold ? " bold" : "", (int)d->len, d->text);
    }
    fclose(f);
    return buf;
}

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    int ch;
    while ((ch = fgetc(f)) != EOF)
        fputc(ch, m);
    fclose(m);
    fclose(f);
    return buf;
}

static void options(KioskOptions *o, char *assets, size_t an, char *cdir, size_t cn)
{
    memset(o, 0, sizeof *o);
    snprintf(assets, an, "%s", support_path("assets"));
    snprintf(cdir, cn, "%s", support_path("content"));
    o->assets_dir = assets;
    o->content_dir = cdir;
    o->dpi = 160;
    app_config_default(&o->cfg);
}

/* Case c's text golden: its lines of text, compared exactly (written in
 * update mode). Returns the number of failures (0 or 1). */
/* This run's own folder for actual images and texts: parallel runs (CI
 * stages, several worktrees) must not overwrite each other's files. Kept
 * when something fails, removed otherwise. */
static char out_dir[] = "/tmp/taama-snapshots-XXXXXX";

static int check_text(const Case *c, const KioskOptions *o, int update)
{
    Built bt;
    build_case(c, o, &bt);
    char *dump = text_dump(&bt.ui);
    built_free(&bt);
    char ref[1024], actual[256];
    snprintf(ref, sizeof ref, "%s", support_path("tests/snapshots"));
    snprintf(ref + strlen(ref), sizeof ref - strlen(ref), "/%s.txt", c->name);
    snprintf(actual, sizeof actual, "%s/%s.txt", out_dir, c->name);
    FILE *f = fopen(update ? ref : actual, "wb");
    assert_non_null(f);
    fputs(dump, f);
    fclose(f);
    assert_true(strlen(dump) > 0); /* every screen shows some text */
    char *want = update ? NULL : read_text(ref);
    int failed = 0;
    if (!update && !want) {
        print_error("%s: no text golden %s (make snapshots-update)\n", c->name, ref);
        failed = 1;
    } else if (!update && strcmp(want, dump) != 0) {
        print_error("%s: text differs from %s; see %s\n", c->name, ref, actual);
        failed = 1;
    }
    free(want);
    free(dump);
    return failed;
}

static void test_snapshots(void **st)
{
    (void)st;
    int update = getenv("TAAMA_SNAPSHOT_UPDATE") != NULL;
    assert_non_null(mkdtemp(out_dir));
    KioskOptions o;
    char assets[1024], cdir[1024];
    options(&o, assets, sizeof assets, cdir, sizeof cdir);
    int failures = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const Case *c = &cases[i];
        char actual[256], ref[1024];
        snprintf(actual, sizeof actual, "%s/%s.png", out_dir, c->name);
        snprintf(ref, sizeof ref, "%s", support_path("tests/snapshots"));
        snprintf(ref + strlen(ref), sizeof ref - strlen(ref), "/%s.png", c->name);
        o.large_text = c->large;
        o.high_contrast = c->contrast;
        failures += check_text(c, &o, update);
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
        } else if (!same_image(a, b, c->name)) {
            print_error("%s: see %s\n", c->name, actual);
            failures++;
        }
        SDL_FreeSurface(a);
        SDL_FreeSurface(b);
    }
    if (failures == 0)
        support_rmtree(out_dir);
    else
        print_error("actual images and texts kept in %s\n", out_dir);
    assert_int_equal(failures, 0);
}

static const Case *find_case(const char *name)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (strcmp(cases[i].name, name) == 0)
            return &cases[i];
    fail_msg("no case %s", name);
    return NULL;
}

static SDL_Surface *load_ref(const char *name)
{
    char ref[1024];
    snprintf(ref, sizeof ref, "%s", support_path("tests/snapshots"));
    snprintf(ref + strlen(ref), sizeof ref - strlen(ref), "/%s.png", name);
    SDL_Surface *s = IMG_Load(ref);
    assert_non_null(s);
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(s);
    assert_non_null(c);
    return c;
}

/* Replace every pixel of colour from (0xRRGGBB) by to; returns the count. */
static long recolour(SDL_Surface *s, Uint32 from, Uint32 to)
{
    long n = 0;
    for (int y = 0; y < s->h; y++) {
        Uint32 *row = (Uint32 *)(void *)((Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < s->w; x++)
            if ((row[x] & 0xffffff) == from) {
                row[x] = (row[x] & 0xff000000u) | to;
                n++;
            }
    }
    return n;
}

/* The comparison must fail when the brand colour changes: teal to blue,
 * and teal nudged by 12 levels of blue. */
static void test_tight_catches_recolour(void **st)
{
    (void)st;
    SDL_Surface *ref = load_ref("menu-en"), *blue = load_ref("menu-en"), *nudge = load_ref("menu-en");
    assert_true(same_image(ref, blue, "menu-en (unchanged)"));
    const Uint32 teal = 0x135e74; /* the default theme's accent (app/ui/ui.c) */
    assert_true(recolour(blue, teal, 0x1f4e9a) > 100);
    assert_true(recolour(nudge, teal, 0x135e80) > 100);
    assert_false(same_image(ref, blue, "menu-en teal->blue (must fail)"));
    assert_false(same_image(ref, nudge, "menu-en teal+12 (must fail)"));
    SDL_FreeSurface(ref);
    SDL_FreeSurface(blue);
    SDL_FreeSurface(nudge);
}

/* The comparison must fail when one word changes: slide-en drawn from its
 * draw list matches the reference, and with "Next" drawn as "Nest" it does
 * not (pixels and text golden both). */
static void test_tight_catches_word(void **st)
{
    (void)st;
    KioskOptions o;
    char assets[1024], cdir[1024];
    options(&o, assets, sizeof assets, cdir, sizeof cdir);
    const Case *c = find_case("slide-en");
    SDL_Surface *ref = load_ref(c->name);

    Built bt;
    build_case(c, &o, &bt);
    draw_built(&bt);
    assert_true(same_image(bt.surf, ref, "slide-en from its draw list"));
    char *before = text_dump(&bt.ui);
    int changed = 0;
    for (int i = 0; i < bt.ui.n_cmds; i++) {
        DrawCmd *d = &bt.ui.cmds[i];
        if (d->kind == DRAW_TEXT && d->len == 4 && memcmp(d->text, "Next", 4) == 0) {
            d->text = "Nest";
            changed++;
        }
    }
    assert_int_equal(changed, 1);
    draw_built(&bt);
    assert_false(same_image(bt.surf, ref, "slide-en with Nest (must fail)"));
    char *after = text_dump(&bt.ui);
    assert_string_not_equal(before, after);
    free(before);
    free(after);
    built_free(&bt);
    SDL_FreeSurface(ref);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_snapshots),
        cmocka_unit_test(test_tight_catches_recolour),
        cmocka_unit_test(test_tight_catches_word),
    };
    return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
