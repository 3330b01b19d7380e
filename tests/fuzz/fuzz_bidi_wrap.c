/* fuzz_bidi_wrap.c: fuzz target for bidirectional runs (FriBidi) and the
 * word wrap and shrink-to-fit of text boxes (app/ui), the path every
 * translated string takes to the screen.
 *
 * Input: 4 bytes of parameters (box width, box height, size, paragraph
 * direction and alignment), then UTF-8 (or not) text. The text is laid out
 * with ui_text_box() under metrics that measure by code points, and every
 * line it produces goes through bidi_runs() and bidi_is_rtl() as the
 * renderer does. Checked: lines lie inside the text, in order, do not
 * overlap, and (for valid UTF-8) never start or end inside a character;
 * runs cover their line exactly. */
#include "fuzz.h"

#include "core/arena.h"
#include "text/bidi.h"
#include "ui/ui_internal.h"

static int cp_width(void *ctx, const char *s, size_t len, int px, int bold)
{
    (void)ctx;
    int cps = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            cps++;
    return cps * px / 2 + bold;
}

static int lh(void *ctx, int px)
{
    (void)ctx;
    return px * 14 / 10;
}

#define FAIL(...)                                                                                  \
    do {                                                                                           \
        fprintf(stderr, "fuzz_bidi_wrap: " __VA_ARGS__);                                           \
        abort();                                                                                   \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Arena *arena;
    if (!arena)
        arena = arena_new(4u << 20);
    if (size < 4 || size > 8192)
        return 0;
    int w = 1 + data[0] * 4, h = 1 + data[1] * 4, px = 6 + (data[2] & 63);
    ParaDir dir = (data[3] & 3) == 0 ? PARA_LTR : (data[3] & 3) == 1 ? PARA_RTL : PARA_AUTO;
    Align align = (Align)((data[3] >> 2) % 3);
    char *text = malloc(size - 4 + 1);
    if (!text)
        abort();
    memcpy(text, data + 4, size - 4);
    text[size - 4] = 0;
    size_t n = strlen(text);

    arena_reset(arena);
    TextMetrics tm = {cp_width, lh, NULL};
    Theme th;
    memset(&th, 0, sizeof th);
    Ui ui;
    memset(&ui, 0, sizeof ui);
    B b;
    memset(&b, 0, sizeof b);
    b.ui = &ui;
    b.tm = &tm;
    b.arena = arena;
    b.th = &th;
    b.w = 1280;
    b.h = 800;
    b.unit = 1;
    b.dir = dir;
    b.rtl = dir == PARA_RTL;
    Color c = {0, 0, 0, 255};
    (void)ui_text_box(&b, text, (Rect){0, 0, w, h}, px, px / 2, data[3] >> 7, align, 1, c);
    (void)ui_text_height(&b, text, w, px, 0);

    int utf8 = fz_valid_utf8((const unsigned char *)text, n);
    const char *prev_end = text;
    BidiRun runs[256];
    for (int i = 0; i < ui.n_cmds; i++) {
        const DrawCmd *d = &ui.cmds[i];
        if (d->kind != DRAW_TEXT)
            continue;
        if (d->text < prev_end || d->text + d->len > text + n || d->len == 0)
            FAIL("line %d lies outside the text or overlaps the previous one\n", i);
        prev_end = d->text + d->len;
        if (utf8 && (((unsigned char)d->text[0] & 0xc0) == 0x80 ||
                     (d->text + d->len < text + n && ((unsigned char)d->text[d->len] & 0xc0) == 0x80)))
            FAIL("line %d cut inside a UTF-8 character: \"%.*s\"\n", i, (int)d->len, d->text);
        int nr = bidi_runs(d->text, d->len, d->dir, runs, 256);
        if (nr > 0 && nr <= 256) {
            size_t covered = 0;
            for (int r = 0; r < nr; r++)
                covered += runs[r].len;
            if (covered != d->len)
                FAIL("runs cover %zu of %zu bytes\n", covered, d->len);
        }
        (void)bidi_is_rtl(d->text, d->len, d->dir);
    }
    int nr = bidi_runs(text, n, dir, runs, 256);
    (void)nr;
    size_t pos = 0;
    while (pos < n)
        (void)bidi_decode_cp(text, n, &pos);
    free(text);
    return 0;
}
