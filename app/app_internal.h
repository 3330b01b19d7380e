/* app_internal.h: what the state machine's files share. Not for use outside
 * these files (app.c, visit.c, admin_flow.c, group_flow.c, screens.c):
 * everything else goes through app.h.
 *
 * app.c owns the effects queues, screen changes, the wipe, time and the
 * update dispatch; visit.c the visitor's navigation and input; admin_flow.c
 * the PIN pad, admin screen and the kiosk's replies; group_flow.c the
 * community-worker group sessions; screens.c the named screens of
 * `taama render` and the tests. */
#ifndef TAAMA_APP_INTERNAL_H
#define TAAMA_APP_INTERNAL_H

#include "app.h"

/* ---- app.c: effects and shared helpers ---- */

/* Bounded string copy between fields of the same App. */
void app_copy_str(char *dst, size_t n, const char *src);
/* Queue a statistics event (language and module filled in from the visit). */
void app_stat(App *a, StatKind kind, int n, int ok);
/* Queue a narration command; keeps visit.narration_playing in step. */
void app_audio(App *a, AudioAction act, const char *key);
/* Queue a command for the kiosk; NULL when the queue is full. */
AppCmd *app_command(App *a, CmdKind kind);
/* Show screen s (counts the end card the first time it opens). */
void app_set_screen(App *a, ScreenId s, uint64_t now);
/* The visitor's language is written right to left. */
int app_rtl(const App *a);

static inline int app_clampi(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

/* ---- visit.c: the visitor's flow ---- */

/* End the visit's session (counts its length); nothing if none is open. */
void visit_end_session(App *a, uint64_t now);
/* Fire control w (admin and group controls are handed on first). */
void visit_activate(App *a, WidgetId w, uint64_t now);
void visit_on_key(App *a, const Event *ev, uint64_t now);
void visit_on_pointer_up(App *a, const Event *ev, uint64_t now);

/* ---- admin_flow.c: PIN pad, admin screen, the kiosk's replies ---- */

int admin_is_screen(ScreenId s);
void admin_open_pin_pad(App *a, uint64_t now);
void admin_open(App *a, AdminTab tab, uint64_t now);
/* Controls of the admin, PIN and group screens. Returns 1 if handled. */
int admin_activate(App *a, WidgetId w, uint64_t now);
/* The hidden corner gesture on the attract screen; 1 if the tap was part of it. */
int admin_attract_gesture(App *a, const Event *ev, uint64_t now);
/* Events at or after EV_SETTINGS: replies from the kiosk. */
void admin_on_reply(App *a, const Event *ev, uint64_t now);

/* ---- group_flow.c: community-worker group sessions ---- */

int group_flow_is_screen(ScreenId s);
void group_flow_open(App *a, uint64_t now);
void group_flow_enter_quiz(App *a, int q, uint64_t now);
/* Controls of the group screens (any screen of group_flow_is_screen()). */
void group_flow_activate(App *a, WidgetKind kind, int idx, uint64_t now);

#endif
