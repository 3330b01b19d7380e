/* input.c: what reaches the kiosk from outside: SDL events translated
 * into the core's Events (touch, mouse and keyboard alike; SDL's synthetic
 * mouse events for touches dropped), the display's DPI, and SIGTERM/SIGINT
 * turned into an SDL wake-up through a pipe and a watcher thread. */
#include "render/input.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"

/* SIGTERM/SIGINT: the loop may sleep in SDL_WaitEvent() with no timer at
 * all (the set-PIN pad), so a flag alone is seen only at the next event.
 * The handler does the one async-signal-safe thing, write a byte to a
 * pipe; a small thread waits on the pipe and pushes an SDL event, which
 * wakes the loop at once (SDL_PushEvent is thread-safe, not signal-safe). */
static volatile sig_atomic_t quit_requested;
static int quit_pipe[2] = {-1, -1};
static pthread_t quit_thread;
static int quit_thread_started;

int input_quit_requested(void) { return quit_requested != 0; }

void input_request_quit(void) { quit_requested = 1; }

static void on_signal(int sig)
{
    (void)sig;
    quit_requested = 1;
    int saved = errno;
    if (quit_pipe[1] >= 0)
        (void)!write(quit_pipe[1], "q", 1);
    errno = saved;
}

static void *quit_watch(void *arg)
{
    (void)arg;
    char c;
    while (read(quit_pipe[0], &c, 1) < 0 && errno == EINTR)
        ;
    SDL_Event ev = {.type = SDL_USEREVENT};
    SDL_PushEvent(&ev);
    return NULL;
}

/* Install the handlers (over SDL's, which only send SDL_QUIT, and a
 * fullscreen kiosk ignores SDL_QUIT) and start the watcher. No SA_RESTART:
 * a blocking read (a script from a pipe) returns EINTR and stops. */
void input_quit_watch_start(void)
{
    quit_requested = 0;
    if (pipe(quit_pipe) != 0) {
        quit_pipe[0] = quit_pipe[1] = -1;
        log_warn("no wake-up pipe for SIGTERM: %s", strerror(errno));
    } else {
        for (int i = 0; i < 2; i++)
            fcntl(quit_pipe[i], F_SETFD, FD_CLOEXEC);
        if (pthread_create(&quit_thread, NULL, quit_watch, NULL) == 0)
            quit_thread_started = 1;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
}

void input_quit_watch_stop(void)
{
    if (quit_thread_started) {
        if (!quit_requested)
            (void)!write(quit_pipe[1], "q", 1); /* let the watcher finish */
        pthread_join(quit_thread, NULL);
        quit_thread_started = 0;
    }
    for (int i = 0; i < 2; i++)
        if (quit_pipe[i] >= 0) {
            close(quit_pipe[i]);
            quit_pipe[i] = -1;
        }
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
}

static Key map_key(SDL_Keycode kc, Uint16 mod)
{
    switch (kc) {
    case SDLK_LEFT: return KEY_LEFT;
    case SDLK_RIGHT: return KEY_RIGHT;
    case SDLK_UP: return KEY_UP;
    case SDLK_DOWN: return KEY_DOWN;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE: return KEY_ENTER;
    case SDLK_ESCAPE:
    case SDLK_AC_BACK: return KEY_ESCAPE;
    case SDLK_TAB: return (mod & KMOD_SHIFT) ? KEY_BACKTAB : KEY_TAB;
    default: return KEY_NONE;
    }
}

/* The player's thread says a narration ended (audio.h on_end): an SDL
 * event of the kiosk's own type, so the loop wakes and the speaker button
 * goes back from Stop to Listen. code 1 tells it from the worker's wake. */
void input_audio_ended(void *ctx)
{
    (void)ctx;
    SDL_Event ev = {.type = SDL_USEREVENT};
    ev.user.code = 1;
    SDL_PushEvent(&ev);
}

/* SDL event -> Event. Returns 0 for events the kiosk ignores. */
int input_translate(const SDL_Event *e, int w, int h, Event *out)
{
    memset(out, 0, sizeof *out);
    switch (e->type) {
    case SDL_USEREVENT:
        out->kind = EV_AUDIO_ENDED;
        return e->user.code == 1;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT)
            return 0;
        out->kind = e->type == SDL_MOUSEBUTTONDOWN ? EV_POINTER_DOWN : EV_POINTER_UP;
        out->x = e->button.x;
        out->y = e->button.y;
        return 1;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID || !(e->motion.state & SDL_BUTTON_LMASK))
            return 0;
        out->kind = EV_POINTER_MOVE;
        out->x = e->motion.x;
        out->y = e->motion.y;
        return 1;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        out->kind = e->type == SDL_FINGERDOWN ? EV_POINTER_DOWN
                    : e->type == SDL_FINGERUP ? EV_POINTER_UP
                                              : EV_POINTER_MOVE;
        out->x = (int)(e->tfinger.x * (float)w);
        out->y = (int)(e->tfinger.y * (float)h);
        return 1;
    case SDL_KEYDOWN:
        out->kind = EV_KEY;
        out->key = map_key(e->key.keysym.sym, e->key.keysym.mod);
        return out->key != KEY_NONE;
    default:
        return 0;
    }
}

float input_display_dpi(SDL_Window *win, float forced)
{
    if (forced > 0)
        return forced;
    float ddpi = 0;
    int d = win ? SDL_GetWindowDisplayIndex(win) : 0;
    if (SDL_GetDisplayDPI(d < 0 ? 0 : d, &ddpi, NULL, NULL) == 0 && ddpi >= 60 && ddpi <= 800)
        return ddpi;
    return 160;
}
