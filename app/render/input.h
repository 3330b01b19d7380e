/* input.h: SDL events into the core's Events, the display's DPI, and the
 * SIGTERM/SIGINT watcher that wakes the loop (input.c). */
#ifndef APP_RENDER_INPUT_H
#define APP_RENDER_INPUT_H

#include <SDL.h>

#include "app.h"

/* SDL event -> Event for a w x h window. Returns 0 for events the kiosk
 * ignores. An SDL_USEREVENT of code 1 is a narration's end. */
int input_translate(const SDL_Event *e, int w, int h, Event *out);

/* The window's display DPI, or forced when > 0; 160 when SDL cannot tell. */
float input_display_dpi(SDL_Window *win, float forced);

/* audio.h's on_end: push the SDL event that input_translate makes
 * EV_AUDIO_ENDED (called on the player's thread). */
void input_audio_ended(void *ctx);

/* Catch SIGTERM and SIGINT (no SA_RESTART) and start the watcher thread
 * that wakes SDL_WaitEvent; stop restores the default handlers. */
void input_quit_watch_start(void);
void input_quit_watch_stop(void);

/* 1 once a signal (or a windowed kiosk's close) asked the kiosk to stop. */
int input_quit_requested(void);
void input_request_quit(void);

#endif
