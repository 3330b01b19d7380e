/* script.h: `taama --script FILE`, the kiosk driven by an input script
 * (tests, demos); the verbs are listed in script.c. */
#ifndef APP_RENDER_SCRIPT_H
#define APP_RENDER_SCRIPT_H

#include "render/kiosk_state.h"

/* Run the script at path on k (set up, with a window of sdl) from a clean
 * attract screen. Returns 0 when every expectation is met, 1 on a failed
 * one (message on stderr) or a signal, 2 when the script cannot be read. */
int script_run(Kiosk *k, SDL_Renderer *sdl, const char *path);

#endif
