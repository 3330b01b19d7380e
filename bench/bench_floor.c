/* bench_floor.c: the floor of this stack, for make bench. A bare SDL2 +
 * SDL2_ttf program that opens a window and draws one line of text, nothing
 * of Taama's. bench_kiosk runs it beside the kiosk in the same run so the
 * kiosk's figures read as ratios, not as absolute times on a noisy machine.
 *
 *   bench_floor FONT --exit-after-first-frame   cold start: exit when drawn
 *   bench_floor FONT --idle                     wait for events like a kiosk
 */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_floor FONT --exit-after-first-frame|--idle\n");
        return 2;
    }
    int idle = strcmp(argv[2], "--idle") == 0;
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0)
        return 1;
    SDL_Window *win = SDL_CreateWindow("floor", 0, 0, 1280, 800, 0);
    SDL_Renderer *r = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE) : NULL;
    TTF_Font *f = TTF_OpenFont(argv[1], 32);
    if (!r || !f)
        return 1;
    SDL_Color c = {20, 20, 20, 255};
    SDL_Surface *s = TTF_RenderUTF8_Blended(f, "Know the risks. Know your rights.", c);
    SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
    SDL_SetRenderDrawColor(r, 250, 246, 238, 255);
    SDL_RenderClear(r);
    SDL_RenderCopy(r, t, NULL, &(SDL_Rect){40, 40, s->w, s->h});
    SDL_RenderPresent(r);
    const char *fd = getenv("TAAMA_FIRST_FRAME_FD");
    if (fd && write(atoi(fd), "1", 1) != 1)
        return 1;
    SDL_Event e;
    while (idle && SDL_WaitEvent(&e))
        if (e.type == SDL_QUIT)
            break;
    SDL_DestroyTexture(t);
    SDL_FreeSurface(s);
    TTF_CloseFont(f);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
    TTF_Quit();
    SDL_Quit();
    return 0;
}
