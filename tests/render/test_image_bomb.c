/* test_image_bomb.c: a PNG decompression bomb is refused before decoding
 * (issue 10). A file of a few dozen bytes declares 16000 x 16000 pixels; a
 * loader that trusts it allocates (and clears) a 1 GB surface before it
 * finds the data missing. The renderer reads the size from the header
 * first: a child process draws the bomb and its peak memory must stay far
 * below that. JPEG headers are probed the same way; ordinary images still
 * load. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/log.h"
#include "render/render.h"
#include "support.h"
#include "ui/ui.h"

static char dir[256];

static uint32_t crc32_bytes(const unsigned char *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return c ^ 0xFFFFFFFFu;
}

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

/* Append one PNG chunk with a correct CRC (libpng checks it). */
static size_t chunk(unsigned char *out, const char *type, const unsigned char *data, uint32_t n)
{
    put32(out, n);
    memcpy(out + 4, type, 4);
    if (n)
        memcpy(out + 8, data, n);
    put32(out + 8 + n, crc32_bytes(out + 4, n + 4));
    return 12 + n;
}

/* A PNG declaring w x h RGBA pixels, with a few bytes of junk image data. */
static void write_png(const char *name, uint32_t w, uint32_t h)
{
    unsigned char buf[256];
    size_t n = 0;
    memcpy(buf, "\x89PNG\r\n\x1a\n", 8);
    n = 8;
    unsigned char ihdr[13];
    put32(ihdr, w);
    put32(ihdr + 4, h);
    ihdr[8] = 8;  /* bit depth */
    ihdr[9] = 6;  /* RGBA */
    ihdr[10] = ihdr[11] = ihdr[12] = 0;
    n += chunk(buf + n, "IHDR", ihdr, 13);
    static const unsigned char junk[] = {0x78, 0x9c, 0x01, 0x02, 0x03, 0x04};
    n += chunk(buf + n, "IDAT", junk, sizeof junk);
    n += chunk(buf + n, "IEND", NULL, 0);
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(buf, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

static int setup(void **st)
{
    (void)st;
    log_set_quiet(1);
    snprintf(dir, sizeof dir, "/tmp/taama-bomb-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    write_png("bomb.png", 16000, 16000);
    write_png("wide.png", 100000000, 1);
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

static void test_probe(void **st)
{
    (void)st;
    char path[512];
    long w = 0, h = 0;
    snprintf(path, sizeof path, "%s/bomb.png", dir);
    assert_int_equal(render_image_probe(path, &w, &h), ERR_TOOBIG);
    assert_int_equal(w, 16000);
    assert_int_equal(h, 16000);
    snprintf(path, sizeof path, "%s/wide.png", dir);
    assert_int_equal(render_image_probe(path, &w, &h), ERR_TOOBIG);
    /* a JPEG declaring 30000 x 30000 after an APP0 segment */
    static const unsigned char jpg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 'J', 'F',
                                        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x75, 0x30, 0x75,
                                        0x30, 0x03, 0x01, 0x22, 0x00};
    snprintf(path, sizeof path, "%s/bomb.jpg", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(jpg, 1, sizeof jpg, f);
    fclose(f);
    assert_int_equal(render_image_probe(path, &w, &h), ERR_TOOBIG);
    assert_int_equal(w, 30000);
    assert_int_equal(h, 30000);
    /* neither PNG nor JPEG: not decoded at all */
    snprintf(path, sizeof path, "%s/odd.gif", dir);
    f = fopen(path, "wb");
    fputs("GIF89a\x10\x00\x10\x00", f);
    fclose(f);
    assert_int_equal(render_image_probe(path, NULL, NULL), ERR_FORMAT);
    /* an ordinary PNG of the program's own assets passes */
    snprintf(path, sizeof path, "%s/small.png", dir);
    write_png("small.png", 64, 48);
    assert_int_equal(render_image_probe(path, &w, &h), ERR_OK);
    assert_int_equal(w, 64);
    assert_int_equal(h, 48);
}

/* Draw img (relative to dir) once on a small software target. */
static void draw_image(const char *img)
{
    SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0)
        _exit(3);
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 200, 200, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = SDL_CreateSoftwareRenderer(surf);
    Err e;
    Renderer *ren = render_new(sdl, support_path("assets"), dir, &e);
    if (!ren)
        _exit(4);
    DrawCmd cmd;
    memset(&cmd, 0, sizeof cmd);
    cmd.kind = DRAW_IMAGE;
    cmd.r = (Rect){10, 10, 180, 180};
    cmd.image = img;
    cmd.root = IMAGE_CONTENT;
    Ui ui;
    memset(&ui, 0, sizeof ui);
    ui.cmds = &cmd;
    ui.n_cmds = ui.cap_cmds = 1;
    render_draw(ren, &ui);
    render_free(ren);
    SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(surf);
    TTF_Quit();
    SDL_Quit();
}

/* Peak resident memory (KiB) of a child that draws img. */
static long child_peak_kib(const char *img)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        draw_image(img);
        _exit(0);
    }
    int status = 0;
    struct rusage ru;
    assert_int_equal(wait4(pid, &status, 0, &ru), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    return ru.ru_maxrss;
}

static void test_bomb_not_decoded(void **st)
{
    (void)st;
    long base = child_peak_kib("small.png");
    long bomb = child_peak_kib("bomb.png");
    /* decoding would touch 1 000 000 KiB; allow 200 MiB of noise */
    if (bomb - base > 200 * 1024)
        fail_msg("drawing the bomb took %ld KiB more than a small image", bomb - base);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_probe),
        cmocka_unit_test(test_bomb_not_decoded),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
