/* render_internal.h: the Renderer's insides, shared by render.c (the draw
 * list, dirty rectangles) and render_image.c (the image cache). Nothing
 * outside those two includes it. */
#ifndef APP_RENDER_RENDER_INTERNAL_H
#define APP_RENDER_RENDER_INTERNAL_H

#include <SDL.h>
#include <stdint.h>

#include "render/render.h"

/* At most this many images, and this many pixels of them (16 MiB of ARGB):
 * enough for every picture of a screen and its neighbours at 1080p. */
enum { IMG_SLOTS = 96, IMG_PIXELS_MAX = 2 * 1024 * 1024, PATH_MAX_LEN = 512, FAILED_MAX = 64 };

typedef struct {
    char key[PATH_MAX_LEN];
    int w, h;
    int flat;    /* composed onto an opaque background colour */
    Uint32 bg;   /* that colour, 0xRRGGBBAA */
    SDL_Texture *tex;
    int tw, th;
    uint64_t used;
} ImgSlot;

enum { DISC_SLOTS = 4 };

typedef struct {
    int dia;
    SDL_Texture *tex;
} DiscSlot;

enum { CELL = 32, GRID_COLS_MAX = 8192 / CELL, GRID_MAX = GRID_COLS_MAX * (8192 / CELL) };

struct Renderer {
    SDL_Renderer *sdl;
    TextEngine *te;
    char assets[PATH_MAX_LEN];
    char content[PATH_MAX_LEN];
    ImgSlot slots[IMG_SLOTS];
    uint64_t tick;
    long img_pixels; /* pixels held by the image cache */
    DiscSlot discs[DISC_SLOTS]; /* see draw_circle */
    uint64_t *grid[2];          /* cell hashes of this and the last frame */
    unsigned char *dirty;
    int grid_cur, grid_w, grid_h, grid_valid;
    char failed[FAILED_MAX][PATH_MAX_LEN]; /* logged once each */
    int n_failed;
};

/* Drop every cached image (freeing its texture). */
void render_images_drop(Renderer *r);

/* Draw ui->cmds[index], a DRAW_IMAGE, fitted in its rectangle keeping the
 * aspect ratio (a missing or broken image is logged once, drawn as
 * nothing). */
void render_image_draw(Renderer *r, const Ui *ui, int index);

#endif
