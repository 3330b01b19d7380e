/* app.h: the kiosk's state and the one function that changes it.
 *
 * Data flows one way: an SDL event is translated (in main.c or the script
 * runner) into an Event, already hit-tested against the screen last built;
 * app_update(app, event, now_ms) is the only place state changes; side
 * effects (statistics, narration) are queued in the App for the caller to
 * drain; ui_build() then makes the screen from the state. Time is passed in:
 * nothing here reads a clock, so tests drive it with a fake one.
 *
 * A visit's state lives only in this struct, in memory, and app_wipe()
 * clears every field of it when the session ends (quick exit, timeout). */
#ifndef APP_APP_H
#define APP_APP_H

#include <stddef.h>
#include <stdint.h>

#include "content/content.h"
#include "stats/stats_types.h"

typedef enum {
    SCREEN_ATTRACT,
    SCREEN_LANGUAGE,
    SCREEN_MENU,
    SCREEN_SLIDE,
    SCREEN_QUIZ,
    SCREEN_END,
    SCREEN_HELP,
    SCREEN_NEUTRAL,
    SCREEN__COUNT
} ScreenId;

/* What a control does; a WidgetId is a kind plus an index (which card,
 * which answer). */
typedef enum {
    W_NONE,
    W_BACKGROUND, /* the whole attract screen */
    W_HOME,
    W_LANGUAGE,   /* open the language picker */
    W_QUICK_EXIT,
    W_LARGE_TEXT,
    W_CONTRAST,
    W_SPEAKER,
    W_LANG_CHOICE, /* index: position in the enabled languages */
    W_LANG_CONFIRM,
    W_FILTER,      /* index: AudienceFilter */
    W_CARD,        /* index: module */
    W_HELP,
    W_BACK,
    W_NEXT,
    W_ANSWER,      /* index: answer */
    W_STILL_HERE,
    W__COUNT
} WidgetKind;

typedef int WidgetId;
#define WIDGET(kind, index) ((WidgetId)(((int)(kind) << 8) | ((index) & 0xff)))
#define WIDGET_KIND(id) ((WidgetKind)((id) >> 8))
#define WIDGET_INDEX(id) ((id) & 0xff)

typedef enum { FILTER_ALL, FILTER_WOMEN, FILTER_CHILDREN, FILTER_EVERYONE, FILTER__COUNT } AudienceFilter;

typedef enum {
    EV_NONE,
    EV_POINTER_DOWN, /* finger or mouse button pressed; widget = control under it */
    EV_POINTER_MOVE,
    EV_POINTER_UP,
    EV_POINTER_CANCEL,
    EV_KEY,
    EV_RESIZE, /* w, h, dpi */
    EV_TICK,   /* time passed; nothing else */
} EventKind;

typedef enum { KEY_NONE, KEY_LEFT, KEY_RIGHT, KEY_UP, KEY_DOWN, KEY_ENTER, KEY_ESCAPE, KEY_TAB, KEY_BACKTAB } Key;

typedef struct {
    EventKind kind;
    int x, y;        /* pointer position in window pixels */
    WidgetId widget; /* control under the pointer, W_NONE if none */
    Key key;
    int w, h;        /* EV_RESIZE */
    float dpi;       /* EV_RESIZE; 0 when unknown (taken as 160) */
    /* For EV_KEY: the focusable controls of the current screen in reading
     * order, so Tab and arrows can move focus. Borrowed for the call. */
    const WidgetId *focus_order;
    int n_focus;
} Event;

typedef enum { AUDIO_NONE, AUDIO_PLAY, AUDIO_STOP } AudioAction;

typedef struct {
    AudioAction action;
    char key[96]; /* narration key ("module/slide") or "lang:<code>" */
    char lang[12];
} AudioCmd;

enum { APP_MAX_LANGS = 16, APP_MAX_EFFECTS = 64 };

typedef struct {
    int timeout_s;    /* inactivity before "Still there?" (default 60) */
    int countdown_s;  /* length of the countdown (default 10) */
    int neutral_s;    /* how long the neutral screen stays (default 8) */
    int attract_cycle_ms; /* per language on the attract screen (default 3500) */
    int autoplay;     /* narration starts by itself on each screen */
    char langs[APP_MAX_LANGS][12]; /* enabled language codes, in order */
    int n_langs;
    int utc_offset_s; /* unused by the core, carried for stats */
} AppConfig;

typedef struct {
    /* wiring (not visit state) */
    const Content *content;
    /* Whether narration exists for (lang, key); NULL means none does. The
     * speaker button is disabled where this says no. */
    int (*narration_exists)(void *ctx, const char *lang, const char *key);
    void *narration_ctx;
    AppConfig cfg;
    int w, h;
    float dpi;

    /* the visit (wiped by app_wipe) */
    ScreenId screen;
    int in_session;
    uint64_t session_start_ms;
    uint64_t last_input_ms;
    int lang;          /* index into cfg.langs */
    int picker_choice; /* highlighted language on the picker, -1 none */
    int lang_confirmed; /* the visitor has chosen a language this visit */
    int lang_at_open;  /* language when the picker was opened (to count switches) */
    ScreenId lang_return; /* where the picker returns to */
    AudienceFilter filter;
    int module;        /* index into content modules, -1 none */
    int slide;
    int deepest_slide;
    int end_counted;   /* this opening's completion is already counted */
    int quiz_q;
    int quiz_answer;   /* chosen answer for quiz_q, -1 while unanswered */
    int large_text;
    int high_contrast;
    int countdown;     /* "Still there?" showing */
    uint64_t countdown_start_ms;
    WidgetId focus;    /* keyboard focus, W_NONE when none */
    int pointer_down;
    int down_x, down_y;
    WidgetId pressed;
    int menu_scroll;   /* pixels the card list is scrolled */
    int menu_scroll_at_down;
    uint64_t anim_start_ms; /* slide transition start, 0 none */
    int anim_dir;      /* +1 forward, -1 back */

    char narrating[96]; /* narration key of the screen shown, "" none */
    char narrating_lang[12];

    /* not visit state: the kiosk's own clocks */
    uint64_t attract_start_ms;
    uint64_t neutral_until_ms;

    /* queued side effects, drained by the caller */
    StatEvent stats[APP_MAX_EFFECTS];
    int n_stats;
    AudioCmd audio[8];
    int n_audio;
    int dirty; /* something visible changed since the caller last drew */
} App;

/* Default configuration: English, French, Arabic, Tigrinya, Hausa; 60 s. */
void app_config_default(AppConfig *cfg);

/* Set up the state on the attract screen. content is borrowed and must
 * outlive the App. */
void app_init(App *app, const Content *content, const AppConfig *cfg, uint64_t now_ms);

/* Apply one event at time now_ms. The only function that changes state. */
void app_update(App *app, const Event *ev, uint64_t now_ms);

/* End the visit: forget everything the visitor did and return to the
 * attract screen (or the neutral screen after a quick exit). */
void app_wipe(App *app, uint64_t now_ms);

/* Milliseconds until the state changes by itself (a countdown tick, the
 * attract cycle, an animation frame), or -1 if it never will. The main loop
 * sleeps that long: an idle kiosk uses no CPU. */
int app_next_wake_ms(const App *app, uint64_t now_ms);

/* Whether an animation is running (draw every frame while it is). */
int app_animating(const App *app, uint64_t now_ms);

/* Current language code, and the module being viewed (NULL if none). */
const char *app_lang(const App *app);
const Module *app_module(const App *app);

/* Modules shown on the menu under the current filter: writes indexes into
 * out (at most max) and returns how many. */
int app_menu_modules(const App *app, int *out, int max);

/* The narration key of what is on screen ("" when it has none). */
void app_narration_key(const App *app, char *out, size_t n);

/* Jump straight to a screen (for `taama render` and tests): name as listed by
 * app_screen_names(). Returns 0 on success, -1 for an unknown name. */
int app_goto(App *app, const char *name, uint64_t now_ms);

/* Write every screen name app_goto() accepts, one per line, by calling cb. */
void app_screen_names(const App *app, void (*cb)(void *ctx, const char *name), void *ctx);

enum { APP_ANIM_MS = 220 };

#endif
