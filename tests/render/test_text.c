/* test_text.c: shaping, fallback, measuring and caching of text lines.
 *
 * Draws with SDL's software renderer into a plain SDL_Surface under the dummy
 * video driver, then reads the pixels. Oracles come from outside the engine:
 * SDL_ttf used directly on one font (templates searched for in the line),
 * ZWNJ to stop Arabic joining, and the fonts' own .notdef boxes.
 * Set TAAMA_TEXT_PNG_DIR to also save a few lines as PNG for a human eye. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

#include "render/text.h"

#define PX 32
#define TW 1400
#define TH 120
#define ORIGIN 20

static const Color BLACK = {0, 0, 0, 255};

/* "Call 12345 now", Arabic. */
#define AR_CALL "\xd8\xa7\xd8\xaa\xd8\xb5\xd9\x84 \xd8\xb9\xd9\x84\xd9\x89 "
#define AR_NOW " \xd8\xa7\xd9\x84\xd8\xa2\xd9\x86"
#define AR_BAYT "\xd8\xa8\xd9\x8a\xd8\xaa" /* بيت, house: three joining letters */
#define ZWNJ "\xe2\x80\x8c"
#define NOTDEF_CP "\xf4\x8f\xbf\xbd" /* U+10FFFD: in no bundled font */

/* Tigrinya: "Hello! Welcome.", "If you need help, call.", "Children and
 * women deserve protection." */
static const char *const tigrinya[] = {
    "\xe1\x88\xb0\xe1\x88\x8b\xe1\x88\x9d! \xe1\x8a\xa5\xe1\x8a\x95\xe1\x89\x8b\xe1\x8b\x95 "
    "\xe1\x89\xa5\xe1\x8b\xb0\xe1\x88\x93\xe1\x8a\x95 \xe1\x88\x98\xe1\x8c\xbb\xe1\x8a\xa5"
    "\xe1\x8a\xa9\xe1\x88\x9d\xe1\x8d\xa2",
    "\xe1\x88\x93\xe1\x8c\x88\xe1\x8b\x9d \xe1\x8a\xa5\xe1\x8a\x95\xe1\x89\xb0 "
    "\xe1\x8b\xb0\xe1\x88\x8a\xe1\x8a\xb9\xe1\x88\x9d \xe1\x8b\xb0\xe1\x8b\x8d\xe1\x88\x89"
    "\xe1\x8d\xa2",
    "\xe1\x88\x85\xe1\x8c\xbb\xe1\x8a\x93\xe1\x89\xb5\xe1\x8a\x95 \xe1\x8b\xb0\xe1\x89\x82 "
    "\xe1\x8a\xa3\xe1\x8a\x95\xe1\x88\xb5\xe1\x89\xb5\xe1\x8b\xae\xe1\x8a\x95 "
    "\xe1\x88\x93\xe1\x88\x88\xe1\x8b\x8b \xe1\x8b\xad\xe1\x8c\x8d\xe1\x89\xa5\xe1\x8a\xa6"
    "\xe1\x88\x9d\xe1\x8d\xa2",
};

typedef struct {
    SDL_Surface *target;
    SDL_Renderer *r;
    TextEngine *te;
    char fonts[4096];
} Fix;

static const char *root(void)
{
    const char *r = getenv("TAAMA_ROOT");
    return r && *r ? r : ".";
}

static int setup(void **state)
{
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0)
        return -1;
    Fix *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    snprintf(f->fonts, sizeof f->fonts, "%s/assets/fonts", root());
    f->target = SDL_CreateRGBSurfaceWithFormat(0, TW, TH, 32, SDL_PIXELFORMAT_ARGB8888);
    f->r = f->target ? SDL_CreateSoftwareRenderer(f->target) : NULL;
    Err e;
    f->te = text_engine_new(f->fonts, &e);
    if (!f->r || !f->te) {
        print_error("setup: %s / %s\n", SDL_GetError(), err_str(e));
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fix *f = *state;
    if (f) {
        text_engine_free(f->te);
        SDL_DestroyRenderer(f->r);
        SDL_FreeSurface(f->target);
        free(f);
    }
    TTF_Quit();
    SDL_Quit();
    return 0;
}

/* ---- pixels ---- */

static Uint32 pixel(const SDL_Surface *s, int x, int y)
{
    return ((const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch))[x];
}

/* Darkness 0..255 of a pixel of black text on white. */
static int ink(const SDL_Surface *s, int x, int y)
{
    return 255 - (int)((pixel(s, x, y) >> 8) & 0xFF); /* green channel */
}

typedef struct {
    int x0, y0, x1, y1; /* inclusive; x0 > x1 when empty */
} Box;

static Box ink_box(const SDL_Surface *s)
{
    Box b = {s->w, s->h, -1, -1};
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++)
            if (ink(s, x, y) > 40) {
                b.x0 = x < b.x0 ? x : b.x0;
                b.x1 = x > b.x1 ? x : b.x1;
                b.y0 = y < b.y0 ? y : b.y0;
                b.y1 = y > b.y1 ? y : b.y1;
            }
    return b;
}

static void clear_white(Fix *f)
{
    SDL_FillRect(f->target, NULL, SDL_MapRGBA(f->target->format, 255, 255, 255, 255));
}

/* Draw one line in black on white at (ORIGIN, ORIGIN); returns its width. */
static int draw(Fix *f, const char *text, ParaDir dir)
{
    clear_white(f);
    int w = 0, h = 0;
    Err e;
    SDL_Texture *t = text_render_line(f->te, f->r, text, strlen(text), PX, 0, dir, BLACK, &w, &h,
                                      &e);
    assert_int_equal(e, ERR_OK);
    assert_non_null(t);
    assert_int_equal(text_draw_line(f->te, f->r, text, strlen(text), PX, 0, dir, BLACK, ORIGIN,
                                    ORIGIN),
                     ERR_OK);
    SDL_RenderFlush(f->r);
    return w;
}

/* A copy of the target's pixels (caller frees). */
static SDL_Surface *snapshot(Fix *f)
{
    SDL_Surface *s = SDL_ConvertSurfaceFormat(f->target, SDL_PIXELFORMAT_ARGB8888, 0);
    assert_non_null(s);
    return s;
}

static void save_png(Fix *f, const char *name)
{
    const char *dir = getenv("TAAMA_TEXT_PNG_DIR");
    if (!dir || !*dir)
        return;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.png", dir, name);
    if (IMG_SavePNG(f->target, path) != 0)
        print_message("cannot save %s: %s\n", path, IMG_GetError());
}

/* A glyph image made with SDL_ttf directly (not through the engine), black
 * on white and cropped to its ink. */
static SDL_Surface *template_of(SDL_Surface *rendered)
{
    assert_non_null(rendered);
    SDL_Surface *bg =
        SDL_CreateRGBSurfaceWithFormat(0, rendered->w, rendered->h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(bg);
    SDL_FillRect(bg, NULL, SDL_MapRGBA(bg->format, 255, 255, 255, 255));
    SDL_SetSurfaceBlendMode(rendered, SDL_BLENDMODE_BLEND);
    SDL_BlitSurface(rendered, NULL, bg, NULL);
    SDL_FreeSurface(rendered);
    Box b = ink_box(bg);
    assert_true(b.x1 >= b.x0);
    SDL_Surface *crop = SDL_CreateRGBSurfaceWithFormat(0, b.x1 - b.x0 + 1, b.y1 - b.y0 + 1, 32,
                                                       SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(crop);
    SDL_Rect src = {b.x0, b.y0, crop->w, crop->h};
    SDL_SetSurfaceBlendMode(bg, SDL_BLENDMODE_NONE);
    SDL_BlitSurface(bg, &src, crop, NULL);
    SDL_FreeSurface(bg);
    return crop;
}

static SDL_Surface *template_text(const char *font_file, const char *text, int rtl,
                                  const char *script)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/assets/fonts/%s", root(), font_file);
    TTF_Font *font = TTF_OpenFont(path, PX);
    assert_non_null(font);
    assert_int_equal(TTF_SetFontDirection(font, rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR), 0);
    assert_int_equal(TTF_SetFontScriptName(font, script), 0);
    SDL_Color black = {0, 0, 0, 255};
    SDL_Surface *t = template_of(TTF_RenderUTF8_Blended(font, text, black));
    TTF_CloseFont(font);
    return t;
}

/* The .notdef box of a font: what a missing glyph looks like. */
static SDL_Surface *template_notdef(const char *font_file)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/assets/fonts/%s", root(), font_file);
    TTF_Font *font = TTF_OpenFont(path, PX);
    assert_non_null(font);
    assert_int_equal(TTF_GlyphIsProvided32(font, 0x10FFFD), 0);
    SDL_Color black = {0, 0, 0, 255};
    SDL_Surface *t = template_of(TTF_RenderGlyph32_Blended(font, 0x10FFFD, black));
    TTF_CloseFont(font);
    return t;
}

static unsigned char *gray(const SDL_Surface *s)
{
    unsigned char *g = malloc((size_t)s->w * (size_t)s->h);
    assert_non_null(g);
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++)
            g[(size_t)y * (size_t)s->w + (size_t)x] = (unsigned char)ink(s, x, y);
    return g;
}

/* Leftmost x where tmpl matches img (every pixel within 3 levels), or -1. */
static int find(const SDL_Surface *img, const SDL_Surface *tmpl)
{
    unsigned char *a = gray(img), *t = gray(tmpl);
    int found = -1;
    for (int x = 0; found < 0 && x + tmpl->w <= img->w; x++)
        for (int y = 0; found < 0 && y + tmpl->h <= img->h; y++) {
            int ok = 1;
            for (int ty = 0; ok && ty < tmpl->h; ty++) {
                const unsigned char *ar = a + (size_t)(y + ty) * (size_t)img->w + (size_t)x;
                const unsigned char *tr = t + (size_t)ty * (size_t)tmpl->w;
                for (int tx = 0; ok && tx < tmpl->w; tx++)
                    ok = abs((int)ar[tx] - (int)tr[tx]) <= 3;
            }
            if (ok)
                found = x;
        }
    free(a);
    free(t);
    return found;
}

/* ---- tests ---- */

static void test_arabic_is_joined(void **state)
{
    Fix *f = *state;
    /* ZWNJ forbids joining, so the same three letters then take their
     * isolated forms: a shaped (joined) word is clearly narrower. */
    const char *apart = "\xd8\xa8" ZWNJ "\xd9\x8a" ZWNJ "\xd8\xaa";
    int joined = text_width(f->te, AR_BAYT, strlen(AR_BAYT), PX, 0);
    int isolated = text_width(f->te, apart, strlen(apart), PX, 0);
    int letters = text_width(f->te, "\xd8\xa8", 2, PX, 0) + text_width(f->te, "\xd9\x8a", 2, PX, 0) +
                  text_width(f->te, "\xd8\xaa", 2, PX, 0);
    assert_true(joined > 0);
    assert_true(joined * 10 < isolated * 8);
    assert_true(joined * 10 < letters * 8);

    /* The joined word is the font's own shaping of the word, right to left:
     * SDL_ttf on the Arabic font alone draws exactly the same pixels. */
    draw(f, AR_BAYT, PARA_AUTO);
    save_png(f, "text-arabic-word");
    SDL_Surface *img = snapshot(f);
    SDL_Surface *word = template_text("NotoSansArabic-Regular.ttf", AR_BAYT, 1, "Arab");
    SDL_Surface *ltr = template_text("NotoSansArabic-Regular.ttf", AR_BAYT, 0, "Arab");
    assert_true(find(img, word) >= 0);
    assert_int_equal(find(img, ltr), -1); /* shaped LTR would look different */
    SDL_FreeSurface(word);
    SDL_FreeSurface(ltr);
    SDL_FreeSurface(img);
}

static void test_arabic_reads_right_to_left(void **state)
{
    Fix *f = *state;
    /* Alif (tall, thin) then beh (wide, low): alif does not join forward,
     * so both keep separate shapes, and the first letter is on the right. */
    const char *ab = "\xd8\xa7\xd8\xa8";
    int w = draw(f, ab, PARA_AUTO);
    SDL_Surface *img = snapshot(f);
    SDL_Surface *alif = template_text("NotoSansArabic-Regular.ttf", "\xd8\xa7", 1, "Arab");
    SDL_Surface *beh = template_text("NotoSansArabic-Regular.ttf", "\xd8\xa8", 1, "Arab");
    int xa = find(img, alif), xb = find(img, beh);
    assert_true(xa >= ORIGIN && xb >= ORIGIN);
    assert_true(xb < xa);
    assert_true(xa < ORIGIN + w);
    SDL_FreeSurface(alif);
    SDL_FreeSurface(beh);
    SDL_FreeSurface(img);
}

static void test_ethiopic_has_real_glyphs(void **state)
{
    Fix *f = *state;
    char path[4096];
    snprintf(path, sizeof path, "%s/assets/fonts/NotoSansEthiopic-Regular.ttf", root());
    TTF_Font *eth = TTF_OpenFont(path, PX);
    assert_non_null(eth);
    SDL_Surface *box = template_notdef("NotoSansEthiopic-Regular.ttf");
    SDL_Surface *latin_box = template_notdef("NotoSans-Regular.ttf");
    for (size_t i = 0; i < sizeof tigrinya / sizeof tigrinya[0]; i++) {
        const char *s = tigrinya[i];
        size_t len = strlen(s), pos = 0;
        int ethiopic = 0;
        while (pos < len) {
            unsigned cp = bidi_decode_cp(s, len, &pos);
            if (bidi_script_of(cp) == SCRIPT_ETHIOPIC) {
                assert_true(TTF_GlyphIsProvided32(eth, cp));
                ethiopic++;
            }
        }
        assert_true(ethiopic > 10);
        /* And on screen: no .notdef box anywhere in the line. */
        draw(f, s, PARA_AUTO);
        char name[32];
        snprintf(name, sizeof name, "text-tigrinya-%zu", i);
        save_png(f, name);
        SDL_Surface *img = snapshot(f);
        assert_int_equal(find(img, box), -1);
        assert_int_equal(find(img, latin_box), -1);
        SDL_FreeSurface(img);
    }
    /* The box search works: a code point no font has shows a box. U+10FFFD
     * is a private-use letter, so it forms a Latin run and shows Noto Sans's
     * box; inside an Ethiopic word after a mark-like joiner it would not. */
    draw(f, "\xe1\x88\xb0" NOTDEF_CP, PARA_AUTO);
    SDL_Surface *img = snapshot(f);
    assert_true(find(img, latin_box) >= 0);
    SDL_FreeSurface(img);
    SDL_FreeSurface(box);
    SDL_FreeSurface(latin_box);
    TTF_CloseFont(eth);
}

static void test_fallback_fills_missing_glyphs(void **state)
{
    Fix *f = *state;
    /* The Ethiopic font has no digits and the Arabic font no '+': both come
     * from Noto Sans instead of showing boxes. */
    SDL_Surface *boxes[3] = {template_notdef("NotoSans-Regular.ttf"),
                             template_notdef("NotoSansArabic-Regular.ttf"),
                             template_notdef("NotoSansEthiopic-Regular.ttf")};
    const char *lines[] = {
        "\xe1\x88\x93\xe1\x8c\x88\xe1\x8b\x9d 112",
        AR_CALL BIDI_LRI "+000 123" BIDI_PDI AR_NOW,
    };
    for (size_t i = 0; i < 2; i++) {
        draw(f, lines[i], PARA_AUTO);
        SDL_Surface *img = snapshot(f);
        for (int k = 0; k < 3; k++)
            assert_int_equal(find(img, boxes[k]), -1);
        SDL_FreeSurface(img);
    }
    SDL_Surface *digits = template_text("NotoSans-Regular.ttf", "112", 0, "Latn");
    draw(f, lines[0], PARA_AUTO);
    SDL_Surface *img = snapshot(f);
    assert_true(find(img, digits) > ORIGIN);
    SDL_FreeSurface(img);
    SDL_FreeSurface(digits);
    for (int k = 0; k < 3; k++)
        SDL_FreeSurface(boxes[k]);
}

static void test_number_in_arabic_reads_left_to_right(void **state)
{
    Fix *f = *state;
    const char *line = AR_CALL "12345" AR_NOW;
    draw(f, line, PARA_AUTO);
    save_png(f, "text-arabic-number");
    SDL_Surface *img = snapshot(f);
    Box all = ink_box(img);
    /* The digits take the Arabic font (the script around them), shaped LTR. */
    SDL_Surface *fwd = template_text("NotoSansArabic-Regular.ttf", "12345", 0, "Arab");
    SDL_Surface *back = template_text("NotoSansArabic-Regular.ttf", "54321", 0, "Arab");
    int x = find(img, fwd);
    assert_true(x > all.x0 + PX);             /* "now" is on its left */
    assert_true(x + fwd->w < all.x1 - PX);    /* "call on" on its right */
    assert_int_equal(find(img, back), -1);
    SDL_FreeSurface(fwd);
    SDL_FreeSurface(back);
    SDL_FreeSurface(img);
}

/* Phone numbers, a time range and a date inside an Arabic sentence: the
 * visual x order of their digit groups is the logical one (left to right),
 * where the bare bidi algorithm swaps them ("456-123-0800"). */
static void test_numbers_in_arabic_keep_their_order(void **state)
{
    Fix *f = *state;
    static const struct {
        const char *num, *first, *last, *whole; /* whole: what the Arabic font draws */
    } cases[] = {
        {"0800-123-456", "0800", "456", "0800-123-456"},
        {"+227 20 72 31 31", "227", "72", "227 20 72 31 31"}, /* + is in Noto Sans */
        {"8:00-20:00", "8:00", "20:00", "8:00-20:00"},
        {"2024-05-12", "2024", "12", "2024-05-12"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char line[256];
        snprintf(line, sizeof line, "%s%s%s", AR_CALL, cases[k].num, AR_NOW);
        draw(f, line, PARA_RTL);
        save_png(f, "text-arabic-phone");
        SDL_Surface *img = snapshot(f);
        Box all = ink_box(img);
        SDL_Surface *a = template_text("NotoSansArabic-Regular.ttf", cases[k].first, 0, "Arab");
        SDL_Surface *b = template_text("NotoSansArabic-Regular.ttf", cases[k].last, 0, "Arab");
        SDL_Surface *whole = template_text("NotoSansArabic-Regular.ttf", cases[k].whole, 0, "Arab");
        int xa = find(img, a), xb = find(img, b), xw = find(img, whole);
        print_message("%s: first at %d, last at %d, whole at %d\n", cases[k].num, xa, xb, xw);
        assert_true(xa >= 0 && xb >= 0);
        assert_true(xa < xb);                  /* read left to right */
        assert_true(xw > all.x0 + PX);         /* one unit, "now" on its left */
        assert_true(xw + whole->w < all.x1 - PX); /* "call on" on its right */
        SDL_FreeSurface(a);
        SDL_FreeSurface(b);
        SDL_FreeSurface(whole);
        SDL_FreeSurface(img);
    }
}

/* Tigrinya reads as large as the Latin beside it: at one pixel size the
 * engine draws an Ethiopic syllable's body (measured: the ink height of
 * U+1200) at least 1.1 times a Latin capital (1.2 by the fonts' metrics)'s, where the bare fonts give
 * about 1.0 and Tigrinya looked a size smaller. Arabic's letters stay as
 * tall as Latin lowercase. */
static void test_scripts_read_at_one_size(void **state)
{
    Fix *f = *state;
    int h_lat, h_eth, h_ar, h_x;
    draw(f, "H", PARA_LTR);
    SDL_Surface *img = snapshot(f);
    Box b = ink_box(img);
    h_lat = b.y1 - b.y0 + 1;
    SDL_FreeSurface(img);
    draw(f, "x", PARA_LTR);
    img = snapshot(f);
    b = ink_box(img);
    h_x = b.y1 - b.y0 + 1;
    SDL_FreeSurface(img);
    draw(f, "\xe1\x88\x80", PARA_LTR); /* U+1200 */
    img = snapshot(f);
    b = ink_box(img);
    h_eth = b.y1 - b.y0 + 1;
    SDL_FreeSurface(img);
    draw(f, "\xd9\x87", PARA_RTL); /* heh: an Arabic letter without ascender or descender */
    img = snapshot(f);
    b = ink_box(img);
    h_ar = b.y1 - b.y0 + 1;
    SDL_FreeSurface(img);
    print_message("at %d px: Latin H %d, x %d; Ethiopic %d; Arabic heh %d\n", PX, h_lat, h_x,
                  h_eth, h_ar);
    assert_true(h_eth * 100 >= h_lat * 110);
    assert_true(h_eth * 100 <= h_lat * 130); /* scaled, not blown up */
    assert_true(h_ar * 100 >= h_x * 75);
}

static void test_mixed_line_order(void **state)
{
    Fix *f = *state;
    /* Arabic sentence with a Latin organisation name and an isolated phone
     * number: visually, left to right: "now", the number, "at number", the
     * name, "call the organisation". */
    const char *line = AR_CALL "DEMO NGO " BIDI_LRI "+000 123" BIDI_PDI AR_NOW;
    draw(f, line, PARA_AUTO);
    save_png(f, "text-mixed");
    SDL_Surface *img = snapshot(f);
    SDL_Surface *name = template_text("NotoSans-Regular.ttf", "DEMO NGO", 0, "Latn");
    /* The isolated number has no strong letter; it takes the script of the
     * nearest one before it (the Latin name), so Noto Sans draws all of it. */
    SDL_Surface *num = template_text("NotoSans-Regular.ttf", "+000 123", 0, "Latn");
    int xn = find(img, name), xd = find(img, num);
    assert_true(xd > ORIGIN);
    assert_true(xn > xd + num->w);
    SDL_FreeSurface(name);
    SDL_FreeSurface(num);
    SDL_FreeSurface(img);
}

static void test_tall_marks_keep_the_baseline(void **state)
{
    Fix *f = *state;
    /* Tatweel (a stroke on the baseline), then a word with stacked marks
     * that makes SDL_ttf's surface taller than the font box. The stroke,
     * rightmost since it comes first, must sit on the same rows as alone. */
    const char *plain = "\xd9\x80\xd9\x80\xd9\x80\xd9\x80";
    const char *tall = "\xd9\x80\xd9\x80\xd9\x80\xd9\x80 \xd9\xb1\xd9\x84\xd9\x84\xd9\x8e\xd9\x91"
                       "\xd9\xb0\xd9\x87\xd9\x90 \xd9\x84\xd9\x90\xd8\xa5\xd9\x91\xd9\x8e";
    int rows[2][2];
    for (int k = 0; k < 2; k++) {
        draw(f, k ? tall : plain, PARA_RTL);
        SDL_Surface *img = snapshot(f);
        Box b = ink_box(img);
        rows[k][0] = TH, rows[k][1] = -1;
        for (int y = 0; y < TH; y++)
            for (int x = b.x1 - 6; x <= b.x1 - 3; x++)
                if (ink(img, x, y) > 40) {
                    rows[k][0] = y < rows[k][0] ? y : rows[k][0];
                    rows[k][1] = y > rows[k][1] ? y : rows[k][1];
                }
        SDL_FreeSurface(img);
    }
    assert_true(rows[0][1] >= rows[0][0]);
    assert_int_equal(rows[1][0], rows[0][0]);
    assert_int_equal(rows[1][1], rows[0][1]);
}

static void test_width_is_drawn_extent(void **state)
{
    Fix *f = *state;
    const char *lines[] = {"Where to get help", AR_CALL "12345" AR_NOW, tigrinya[1],
                           AR_CALL "DEMO NGO " BIDI_LRI "+000 123" BIDI_PDI AR_NOW};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        for (int dir = PARA_LTR; dir <= PARA_AUTO; dir++) {
            const char *s = lines[i];
            int w = draw(f, s, (ParaDir)dir);
            assert_int_equal(w, text_width_dir(f->te, s, strlen(s), PX, 0, (ParaDir)dir));
            if (dir == PARA_AUTO)
                assert_int_equal(w, text_width(f->te, s, strlen(s), PX, 0));
            SDL_Surface *img = snapshot(f);
            Box b = ink_box(img);
            /* Ink inside [x, x + w), reaching both ends up to side bearings. */
            assert_true(b.x0 >= ORIGIN && b.x1 < ORIGIN + w);
            assert_true(b.x0 - ORIGIN <= PX / 4);
            assert_true(ORIGIN + w - 1 - b.x1 <= PX / 4);
            assert_true(b.y0 >= ORIGIN && b.y1 < ORIGIN + text_line_height(f->te, PX));
            SDL_FreeSurface(img);
        }
    }
}

static void test_line_height_shared(void **state)
{
    Fix *f = *state;
    int lh = text_line_height(f->te, PX);
    assert_true(lh >= PX);
    int w, h;
    Err e;
    /* Every line's texture is the same ink box, taller than the layout
     * line (Arabic rises and sinks further than Latin), so lines of any
     * script share one baseline grid. */
    assert_non_null(text_render_line(f->te, f->r, "Hi", 2, PX, 0, PARA_AUTO, BLACK, &w, &h, &e));
    int h_latin = h;
    assert_true(h >= lh);
    assert_non_null(
        text_render_line(f->te, f->r, AR_BAYT, strlen(AR_BAYT), PX, 1, PARA_AUTO, BLACK, &w, &h, &e));
    assert_int_equal(h, h_latin);
    /* the layout line is the Latin line plus 15%, well under Arabic's box */
    assert_true(lh < h_latin);
    assert_true(lh >= PX * 14 / 10);
    assert_true(text_line_height(f->te, 2 * PX) > lh);
}

static void test_cache_reuses_and_stays_bounded(void **state)
{
    Fix *f = *state;
    text_engine_flush(f->te);
    TextStats st0, st;
    text_engine_stats(f->te, &st0);
    int w1, h1, w2, h2;
    Err e;
    SDL_Texture *t1 =
        text_render_line(f->te, f->r, "Quick exit", 10, PX, 0, PARA_AUTO, BLACK, &w1, &h1, &e);
    SDL_Texture *t2 =
        text_render_line(f->te, f->r, "Quick exit", 10, PX, 0, PARA_AUTO, BLACK, &w2, &h2, &e);
    assert_non_null(t1);
    assert_ptr_equal(t1, t2);
    assert_int_equal(w1, w2);
    text_engine_stats(f->te, &st);
    assert_int_equal(st.texture_hits, st0.texture_hits + 1);
    /* A different colour, weight or direction is a different texture. */
    Color red = {200, 0, 0, 255};
    assert_ptr_not_equal(
        text_render_line(f->te, f->r, "Quick exit", 10, PX, 0, PARA_AUTO, red, NULL, NULL, &e), t1);
    assert_ptr_not_equal(
        text_render_line(f->te, f->r, "Quick exit", 10, PX, 1, PARA_AUTO, BLACK, NULL, NULL, &e),
        t1);

    char buf[64];
    for (int i = 0; i < 10000; i++) {
        int n = snprintf(buf, sizeof buf, "Line %d " AR_BAYT, i);
        assert_int_equal(text_draw_line(f->te, f->r, buf, (size_t)n, 16 + 8 * (i % 4), i % 2,
                                        PARA_AUTO, BLACK, 0, 0),
                         ERR_OK);
        assert_true(text_width(f->te, buf, (size_t)n, 16 + 8 * (i % 4), i % 2) > 0);
    }
    text_engine_stats(f->te, &st);
    assert_true(st.textures > 0 && st.textures <= st.textures_max);
    assert_true(st.pixels > 0 && st.pixels <= st.pixels_max);
    assert_true(st.fonts_open <= st.fonts_max);
    assert_true(st.widths <= st.widths_max);
    assert_true(st.texture_misses >= 10000);
    /* The first string was evicted long ago: drawing it again is a miss. */
    unsigned long misses = st.texture_misses;
    text_render_line(f->te, f->r, "Quick exit", 10, PX, 0, PARA_AUTO, BLACK, NULL, NULL, &e);
    text_engine_stats(f->te, &st);
    assert_int_equal(st.texture_misses, misses + 1);
    /* Widths are cached too: a second measurement is a hit. */
    unsigned long wh = st.width_hits;
    text_width(f->te, "Line 9999 " AR_BAYT, strlen("Line 9999 " AR_BAYT), 16 + 8 * (9999 % 4), 1);
    text_engine_stats(f->te, &st);
    assert_int_equal(st.width_hits, wh + 1);
}

static void test_bad_input_never_crashes(void **state)
{
    Fix *f = *state;
    const char bad[] = "ok \xff\xc0\x80 \xd9\x85\xd8 \xe2\x82 \0 end";
    int w = text_width(f->te, bad, sizeof bad - 1, PX, 0);
    assert_true(w > 0);
    Err e;
    int tw;
    assert_non_null(
        text_render_line(f->te, f->r, bad, sizeof bad - 1, PX, 0, PARA_RTL, BLACK, &tw, NULL, &e));
    assert_int_equal(tw, text_width_dir(f->te, bad, sizeof bad - 1, PX, 0, PARA_RTL));
    /* Empty, invisible, zero-width and out-of-range requests draw nothing. */
    assert_int_equal(text_width(f->te, "", 0, PX, 0), 0);
    assert_int_equal(text_draw_line(f->te, f->r, "", 0, PX, 0, PARA_AUTO, BLACK, 0, 0), ERR_OK);
    Color clear = {0, 0, 0, 0};
    assert_int_equal(text_draw_line(f->te, f->r, "x", 1, PX, 0, PARA_AUTO, clear, 0, 0), ERR_OK);
    assert_int_equal(text_draw_line(f->te, f->r, ZWNJ, 3, PX, 0, PARA_AUTO, BLACK, 0, 0), ERR_OK);
    assert_int_equal(text_draw_line(f->te, f->r, "x", 1, -3, 0, PARA_AUTO, BLACK, 0, 0),
                     ERR_INVALID);
    assert_int_equal(text_draw_line(NULL, f->r, "x", 1, PX, 0, PARA_AUTO, BLACK, 0, 0),
                     ERR_INVALID);
    assert_int_equal(text_width(NULL, "x", 1, PX, 0), 0);
    assert_int_equal(text_line_height(NULL, PX), 0);
    text_engine_free(NULL);
}

static void test_missing_or_broken_font(void **state)
{
    (void)state;
    Err e = ERR_OK;
    assert_null(text_engine_new("/nonexistent/taama-fonts", &e));
    assert_int_equal(e, ERR_NOTFOUND);

    /* A folder with every font but one replaced by garbage. */
    char dir[] = "/tmp/taama-fonts-XXXXXX";
    assert_non_null(mkdtemp(dir));
    static const char *const files[] = {
        "NotoSans-Regular.ttf",        "NotoSans-Bold.ttf",
        "NotoSansArabic-Regular.ttf",  "NotoSansArabic-Bold.ttf",
        "NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf"};
    char src[4096], dst[4096];
    for (size_t i = 0; i < 6; i++) {
        snprintf(dst, sizeof dst, "%s/%s", dir, files[i]);
        if (i == 3) {
            FILE *fp = fopen(dst, "wb");
            assert_non_null(fp);
            fputs("not a font", fp);
            fclose(fp);
        } else {
            snprintf(src, sizeof src, "%s/assets/fonts/%s", root(), files[i]);
            assert_int_equal(symlink(src, dst), 0);
        }
    }
    assert_null(text_engine_new(dir, &e));
    assert_int_equal(e, ERR_FORMAT);
    for (size_t i = 0; i < 6; i++) {
        snprintf(dst, sizeof dst, "%s/%s", dir, files[i]);
        unlink(dst);
    }
    rmdir(dir);
}

/* A wrapped line is drawn with its paragraph's bidi levels: the second
 * line of AR_CALL "50%" AR_NOW, broken before "50%", shows the sign on the
 * digits' left as the unwrapped sentence does (an Arabic number, W2); drawn
 * as a line alone it showed "50%" with the sign on the right. */
static void test_wrapped_line_drawn_in_context(void **state)
{
    Fix *f = *state;
    const char *para = AR_CALL "50%" AR_NOW;
    size_t off = strlen(AR_CALL), len = strlen(para) - off;
    SDL_Surface *fifty = template_text("NotoSansArabic-Regular.ttf", "50", 0, "Arab");
    int gap[2];
    for (int k = 0; k < 2; k++) {
        clear_white(f);
        if (k == 0)
            assert_int_equal(text_draw_para_line(f->te, f->r, para, strlen(para), off, len, PX, 0,
                                                 PARA_RTL, BLACK, ORIGIN, ORIGIN),
                             ERR_OK);
        else
            assert_int_equal(text_draw_line(f->te, f->r, para + off, len, PX, 0, PARA_RTL, BLACK,
                                            ORIGIN, ORIGIN),
                             ERR_OK);
        SDL_RenderFlush(f->r);
        SDL_Surface *img = snapshot(f);
        Box all = ink_box(img);
        int x = find(img, fifty);
        assert_true(x >= 0);
        gap[k] = all.x1 - (x + fifty->w - 1); /* ink right of the digits */
        print_message("%s: digits at %d..%d, ink to %d\n", k ? "alone" : "in paragraph", x,
                      x + fifty->w - 1, all.x1);
        SDL_FreeSurface(img);
    }
    assert_true(gap[0] < PX / 8); /* the digits end the line: "%" is on their left */
    assert_true(gap[1] > PX / 4); /* alone, the "%" followed them on the right */
    /* a line outside its paragraph is refused, not drawn from stray memory */
    assert_int_equal(text_draw_para_line(f->te, f->r, para, 4, 2, 3, PX, 0, PARA_RTL, BLACK, 0, 0),
                     ERR_INVALID);
    SDL_FreeSurface(fifty);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arabic_is_joined),
        cmocka_unit_test(test_arabic_reads_right_to_left),
        cmocka_unit_test(test_ethiopic_has_real_glyphs),
        cmocka_unit_test(test_fallback_fills_missing_glyphs),
        cmocka_unit_test(test_number_in_arabic_reads_left_to_right),
        cmocka_unit_test(test_numbers_in_arabic_keep_their_order),
        cmocka_unit_test(test_wrapped_line_drawn_in_context),
        cmocka_unit_test(test_scripts_read_at_one_size),
        cmocka_unit_test(test_mixed_line_order),
        cmocka_unit_test(test_tall_marks_keep_the_baseline),
        cmocka_unit_test(test_width_is_drawn_extent),
        cmocka_unit_test(test_line_height_shared),
        cmocka_unit_test(test_cache_reuses_and_stays_bounded),
        cmocka_unit_test(test_bad_input_never_crashes),
        cmocka_unit_test(test_missing_or_broken_font),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
