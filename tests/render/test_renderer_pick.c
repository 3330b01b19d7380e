/* test_renderer_pick.c: choosing SDL's renderer (render_create_sdl):
 * the --renderer / TAAMA_RENDERER words, which GL_RENDERER strings are
 * software rasterisers, and that a window on the dummy driver (no GPU
 * render node) gets the software renderer in auto mode. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <SDL.h>

#include "render/render.h"

static void test_mode_words(void **state)
{
    (void)state;
    assert_int_equal(render_mode_parse(NULL), RENDER_MODE_AUTO);
    assert_int_equal(render_mode_parse(""), RENDER_MODE_AUTO);
    assert_int_equal(render_mode_parse("auto"), RENDER_MODE_AUTO);
    assert_int_equal(render_mode_parse("software"), RENDER_MODE_SOFTWARE);
    assert_int_equal(render_mode_parse("gpu"), RENDER_MODE_GPU);
    assert_int_equal(render_mode_parse("GPU please"), RENDER_MODE_BAD);
}

static void test_software_gl_strings(void **state)
{
    (void)state;
    assert_true(render_gl_is_software("llvmpipe (LLVM 15.0.6, 256 bits)"));
    assert_true(render_gl_is_software("Gallium 0.4 on softpipe"));
    assert_true(render_gl_is_software("Software Rasterizer"));
    assert_true(render_gl_is_software("Mesa DRI swrast"));
    assert_false(render_gl_is_software("V3D 4.2"));                   /* Raspberry Pi 4 */
    assert_false(render_gl_is_software("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
    assert_false(render_gl_is_software("AMD Radeon RX 6600 (navi23, LLVM 15.0.6, DRM 3.49)"));
    assert_false(render_gl_is_software(NULL));
}

static void test_auto_without_gpu_is_software(void **state)
{
    (void)state;
    setenv("TAAMA_DRI_DIR", "/nonexistent-dri", 1);
    assert_int_equal(SDL_Init(SDL_INIT_VIDEO), 0);
    SDL_Window *w = SDL_CreateWindow("t", 0, 0, 64, 48, 0);
    assert_non_null(w);
    char why[256];
    SDL_Renderer *r = render_create_sdl(w, RENDER_MODE_AUTO, why, sizeof why);
    assert_non_null(r);
    SDL_RendererInfo info;
    assert_int_equal(SDL_GetRendererInfo(r, &info), 0);
    assert_true(info.flags & SDL_RENDERER_SOFTWARE);
    assert_non_null(strstr(why, "no GPU render node"));
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(w);
    SDL_Quit();
    unsetenv("TAAMA_DRI_DIR");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mode_words),
        cmocka_unit_test(test_software_gl_strings),
        cmocka_unit_test(test_auto_without_gpu_is_software),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
