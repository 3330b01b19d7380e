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
#include "core/err.h"
#include "group/group.h"
#include "settings/settings.h"
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
    /* the kiosk's own screens, behind the hidden gesture and the PIN */
    SCREEN_PIN,        /* PIN pad; without a PIN, a note that the installer sets it */
    SCREEN_ADMIN,      /* tabs: status, settings, languages, tools */
    SCREEN_TEST_TOUCH, /* a grid of targets that turn green when touched */
    SCREEN_GROUP_PICK, /* community-worker session: choose a module */
    SCREEN_GROUP_SLIDE, /* presenter view of a slide */
    SCREEN_GROUP_QUIZ, /* raised hands per answer */
    SCREEN_GROUP_COUNT, /* headcount in bands, then finish */
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
    W_BANNER,      /* the export message banner: a tap dismisses it */
    W_PIN_DIGIT,   /* index: digit 0-9 */
    W_PIN_DELETE,
    W_PIN_OK,
    W_PIN_CANCEL,
    W_ADMIN_TAB,   /* index: AdminTab */
    W_ADMIN_CLOSE, /* leave the admin screens for the attract screen */
    W_ADMIN_LANG,  /* index: row of the admin language list: on/off */
    W_ADMIN_UP,    /* index: row; move the language earlier */
    W_ADMIN_DOWN,  /* index: row; move the language later */
    W_ADMIN_DEC,   /* index: AdminValue */
    W_ADMIN_INC,   /* index: AdminValue */
    W_ADMIN_TOGGLE, /* index: AdminFlag */
    W_ADMIN_ACTION, /* index: AdminAction */
    W_TOUCH_CELL,  /* index: target of the touch test */
    W_DONE,        /* close a sub-screen (touch test, group module list) */
    W_GROUP_MODULE, /* index: module */
    W_GROUP_HANDS_DEC, /* index: answer */
    W_GROUP_HANDS_INC, /* index: answer */
    W_GROUP_BAND_DEC, /* index: GroupBand */
    W_GROUP_BAND_INC, /* index: GroupBand */
    W_GROUP_HEADCOUNT, /* from the module list to the headcount */
    W_GROUP_FINISH, /* save the session's counts and end it */
    W_GROUP_LANG,  /* index: language in the i18n table: the session's language */
    W_GROUP_REVEAL, /* show (or hide) the right answer of the group quiz */
    W_GROUP_BAND_SET, /* index: band << 3 | quick count: set a band in one touch */
    W_ADMIN_UI_LANG, /* the admin screens' language: the next known one */
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
    /* replies of the kiosk to queued commands, and facts it gathered */
    EV_SETTINGS,   /* settings: the kiosk's settings as loaded at start */
    EV_PIN_STATE,  /* pin_set, locked_ms: at start */
    EV_PIN_RESULT, /* err, slot, locked_ms: answer to CMD_PIN_CHECK (pin.h's Err) */
    EV_ADMIN_INFO, /* info: answer to CMD_ADMIN_INFO */
    EV_JOB_DONE,   /* job, err, text: an export or content install finished */
    EV_STICK,      /* text, can_seal: a removable stick was just mounted there */
    EV_AUDIO_ENDED, /* the narration playing has ended by itself (or failed to load) */
} EventKind;

typedef enum { KEY_NONE, KEY_LEFT, KEY_RIGHT, KEY_UP, KEY_DOWN, KEY_ENTER, KEY_ESCAPE, KEY_TAB, KEY_BACKTAB } Key;

typedef struct {
    EventKind kind;
    int x, y;        /* pointer position in window pixels */
    WidgetId widget; /* control under the pointer, W_NONE if none */
    Key key;
    int w, h;        /* EV_RESIZE */
    int clock_min;   /* any event: local time of day in minutes + 1; 0 = not given */
    float dpi;       /* EV_RESIZE; 0 when unknown (taken as 160) */
    /* For EV_KEY: the focusable controls of the current screen in reading
     * order, so Tab and arrows can move focus. Borrowed for the call. */
    const WidgetId *focus_order;
    int n_focus;
    /* replies (see EventKind); pointers are borrowed for the call */
    const Settings *settings;
    const struct AdminInfo *info;
    Err err;
    int slot;          /* PinSlot that matched */
    int pin_set;
    int64_t locked_ms;
    int job;           /* CmdKind of the finished job */
    const char *text;  /* detail message or mount path */
    int can_seal;      /* EV_STICK: a campaign key is installed, so an export is encrypted */
} Event;

typedef enum { AUDIO_NONE, AUDIO_PLAY, AUDIO_STOP } AudioAction;

typedef struct {
    AudioAction action;
    char key[96]; /* narration key ("module/slide") or "lang:<code>" */
    char lang[12];
} AudioCmd;

enum { APP_MAX_LANGS = 16, APP_MAX_EFFECTS = 64 };

/* Commands for the kiosk: everything the admin screens need that is I/O
 * (hashing a PIN, saving settings, reading statistics, writing a stick).
 * The kiosk answers with an Event. A PIN travels only in this queue and is
 * wiped by whoever takes it. */
typedef enum {
    CMD_NONE,
    CMD_PIN_CHECK,     /* pin: answer EV_PIN_RESULT */
    CMD_SAVE_SETTINGS, /* save App.settings and apply the volume */
    CMD_ADMIN_INFO,    /* gather facts: answer EV_ADMIN_INFO */
    CMD_EXPORT,        /* path: the stick ("" = any mounted one): EV_JOB_DONE */
    CMD_INSTALL_PACK,  /* from a mounted stick: EV_JOB_DONE */
    CMD_TEST_SOUND,    /* play a short sound */
    CMD_CLOCK_ADJUST,  /* seconds: move the kiosk clock (an offset it applies) */
} CmdKind;

typedef struct {
    CmdKind kind;
    char pin[16];
    char path[256];
    int sealed_only; /* CMD_EXPORT: refuse unless encrypted (exports on insert) */
    int64_t seconds; /* CMD_CLOCK_ADJUST */
} AppCmd;

enum { APP_MAX_CMDS = 8 };

typedef enum { TAB_STATUS, TAB_SETTINGS, TAB_LANGUAGES, TAB_TOOLS, TAB__COUNT } AdminTab;
typedef enum { VALUE_TIMEOUT, VALUE_VOLUME, VALUE_CLOCK_DAY, VALUE_CLOCK_HOUR, VALUE__COUNT } AdminValue;
typedef enum { FLAG_EXPORT_ON_INSERT, FLAG_AUTOPLAY, FLAG__COUNT } AdminFlag;
typedef enum {
    ACTION_EXPORT,
    ACTION_INSTALL,
    ACTION_TEST_TOUCH,
    ACTION_TEST_SOUND,
    ACTION_GROUP,
    ACTION__COUNT
} AdminAction;

/* PINPAD_NOT_SET: no admin PIN exists, and the screen only says that the
 * installer sets it (`taama admin set-pin`); nobody sets one by touch. */
typedef enum { PINPAD_ENTER, PINPAD_NOT_SET } PinPadMode;

/* The line under the PIN dots. */
typedef enum {
    PINMSG_NONE,
    PINMSG_WRONG,
    PINMSG_LOCKED,   /* with a countdown to pin_locked_until */
    PINMSG_SHORT,
    PINMSG_DAMAGED,  /* the PIN file is damaged: `taama admin set-pin` */
    PINMSG_CHECKING,
} PinMessage;

/* A note on the admin screen after something finished there. */
typedef enum { NOTE_NONE, NOTE_GROUP_SAVED, NOTE_SETTINGS_FAILED } AdminNote;

/* Facts for the admin screen, gathered by the kiosk (I/O) into a plain
 * value. Counts come from the statistics rows. */
enum { ADMIN_TODAY_BARS = 6, ADMIN_MONTH_DAYS = 31 };
typedef struct AdminInfo {
    int valid;
    /* today: sessions, modules opened, modules completed, help shown,
     * quick exits, group sessions */
    int64_t today[ADMIN_TODAY_BARS];
    int64_t month[ADMIN_MONTH_DAYS]; /* sessions per day of this month */
    int month_days;                  /* days in this month */
    int today_mday;                  /* 1..31 */
    char last_export[96];            /* "" = never */
    int64_t content_version;         /* 0 = the content shipped with the program */
    char content_signer[96];         /* campaign and key id, "" when none */
    int64_t free_mb;                 /* free space of the data folder, -1 unknown */
    char warning[160];               /* storage warning, "" when healthy */
    char kiosk_id[33];
    int campaign_key;                /* 1: campaign.pub installed (exports encrypted) */
    int64_t clock_now;        /* the kiosk's time (seconds), 0 = unknown */
    int32_t clock_utc_offset; /* seconds east of UTC, for showing it */
    int clock_ok;             /* 0: the clock was found wrong (see the warning) */
} AdminInfo;

/* Banner for the result of an export (and other long jobs). */
typedef enum { BANNER_NONE, BANNER_BUSY, BANNER_OK, BANNER_FAILED } BannerKind;

enum { APP_ADMIN_IDLE_MS = 300000, APP_PIN_IDLE_MS = 60000, APP_BANNER_MS = 300000,
       APP_LONG_PRESS_MS = 3000, APP_GESTURE_MS = 10000, APP_TOUCH_CELLS = 48 };

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

/* Everything on screen that time alone changes, as plain numbers. The
 * screens draw these (never the clock directly), and app_update() marks the
 * App dirty exactly when one of them changes, so a real display repaints a
 * countdown or the attract cycle when, and only when, its pixels change. */
typedef struct {
    int attract_lang;   /* language shown on the attract screen, -1 elsewhere */
    int picker_lang;    /* language of the picker heading before a choice, -1 else */
    int countdown_left; /* seconds shown by "Still there?", -1 when not showing */
    int lock_left;      /* seconds shown by the locked PIN pad, -1 when not locked */
} AppTimeView;

/* App is split by lifetime: each part says how long what it holds lives.
 * app_wipe() zeroes the parts of a visit (AppVisit, AppGesture,
 * AppAdminSession, AppGroupWork) whole and keeps the rest. Only app_update()
 * and the app_* functions below write any of it; the shell (render/, main.c)
 * reads it and takes the effects with app_take_effects(). */

/* Wiring: set once at start (app_init, app_set_narration, app_set_display);
 * lives as long as the App. */
typedef struct {
    const Content *content;
    /* Whether narration exists for (lang, key); NULL means none does. The
     * speaker button is disabled where this says no. */
    int (*narration_exists)(void *ctx, const char *lang, const char *key);
    void *narration_ctx;
    AppConfig cfg;
    int w, h;
    float dpi;
} AppWiring;

/* The kiosk's own clocks: kept by app_wipe (the attract cycle restarts). */
typedef struct {
    int clock_min;     /* local time of day in minutes, -1 unknown (the neutral page's clock) */
    uint64_t attract_start_ms;
    uint64_t neutral_until_ms;
} AppKioskClock;

/* The kiosk's settings and admin facts: kept by app_wipe. */
typedef struct {
    Settings settings;
    int have_settings;
    int pin_missing;     /* no admin PIN yet: visitors are served, the admin path explains */
    uint64_t pin_locked_until;
    AdminInfo info;
    BannerKind banner;
    uint64_t banner_until;
    char banner_detail[256]; /* English detail, shown on the admin screen only */
    int job_busy;        /* an export or install runs */
    int banner_job;      /* CmdKind the banner reports */
} AppAdminFacts;

/* The visit: everything a visitor did. Zeroed by app_wipe. */
typedef struct {
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
    int narration_playing; /* a recording was asked for and has not ended: the
                              speaker button shows Stop */
    char narrating_lang[12];
} AppVisit;

/* The hidden gesture that opens the PIN pad. Zeroed by app_wipe. */
typedef struct {
    uint64_t down_ms;    /* when the pointer went down */
    int gesture_stage;   /* 0 none; 1..3 corners tapped after the long press */
    uint64_t gesture_until;
} AppGesture;

/* The PIN pad and admin screens. Zeroed by app_wipe (the PIN with
 * app_wipe_pin first). */
typedef struct {
    PinPadMode pin_mode;
    char pin[16];        /* digits typed so far; never leaves but as a command */
    int pin_len;
    int pin_waiting;     /* a check or save is queued */
    int pin_message;     /* PinMessage shown under the dots */
    int facilitator;     /* opened with the facilitator PIN: group sessions only */
    AdminTab tab;
    unsigned char touched[APP_TOUCH_CELLS];
    AdminNote note;
} AppAdminSession;

/* A community-worker group session. Zeroed by app_wipe. */
typedef struct {
    GroupSession session;
    int group_open;
    StatEvent group_pending[GROUP_MAX_EVENTS * 4]; /* earlier modules' quiz counts */
    int n_group_pending;
    int group_q;         /* question on the group quiz screen */
    int group_revealed;  /* the right answer is shown to the room */
    char group_lang[12]; /* the session's language, chosen by the presenter */
} AppGroupWork;

/* Side effects queued for the caller, taken with app_take_effects(); kept
 * by app_wipe until taken. */
typedef struct {
    StatEvent stats[APP_MAX_EFFECTS];
    int n_stats;
    AudioCmd audio[8];
    int n_audio;
    AppCmd cmds[APP_MAX_CMDS]; /* may hold a PIN: the taker wipes its copy */
    int n_cmds;
} AppEffects;

typedef struct {
    AppWiring wiring;
    AppKioskClock kiosk;
    AppAdminFacts facts;
    AppVisit visit;
    AppGesture gesture;
    AppAdminSession admin;
    AppGroupWork group;
    AppEffects fx;
    int dirty; /* something visible changed since the caller last drew (app_take_dirty) */
    AppTimeView time_view; /* as of the last app_update(); reset by app_wipe */
} App;

/* Default configuration: English, French, Arabic, Tigrinya, Hausa; 60 s. */
void app_config_default(AppConfig *cfg);

/* Take languages (those i18n knows), timeout and autoplay from settings
 * into cfg; the rest of cfg is kept. With no usable language cfg keeps the
 * default list. */
void app_config_from_settings(AppConfig *cfg, const Settings *s);

/* The rows of the admin language list: enabled languages in their order,
 * then the other known ones. Writes codes (borrowed) into out and returns
 * the count; *n_enabled gets how many are on. */
int app_admin_languages(const App *app, const char **out, int max, int *n_enabled);

/* Wipe a PIN buffer so the compiler cannot skip it (libsodium). */
void app_wipe_pin(char *buf, size_t n);

/* Set up the state on the attract screen. content is borrowed and must
 * outlive the App. */
void app_init(App *app, const Content *content, const AppConfig *cfg, uint64_t now_ms);

/* Apply one event at time now_ms. The only function that changes state. */
void app_update(App *app, const Event *ev, uint64_t now_ms);

/* End the visit: forget everything the visitor did and return to the
 * attract screen (or the neutral screen after a quick exit). */
void app_wipe(App *app, uint64_t now_ms);

/* Hand the effects queued since the last call over to the caller and
 * clear the queues. out (caller-owned, may be NULL to drop them) gets the
 * statistics, narration commands and kiosk commands in the order queued.
 * The App's copy of the commands, which may hold a typed PIN, is wiped;
 * the caller wipes out->cmds (app_wipe_pin) once it has run them. Cannot
 * fail. */
void app_take_effects(App *app, AppEffects *out);

/* Whether something visible changed since the last call (the caller is
 * about to draw); clears the flag. */
int app_take_dirty(App *app);

/* Wiring: how the App asks whether a narration exists (exists may be NULL:
 * none does). ctx is borrowed for the App's life. */
void app_set_narration(App *app, int (*exists)(void *ctx, const char *lang, const char *key),
                       void *ctx);

/* Wiring: show content (borrowed; must outlive its use by the App) from
 * now on, after a pack install. Module indexes change, so no module stays
 * open (installs start on the admin screen, where none is). Who owns the
 * old and the new content is the caller's business: the kiosk decides it
 * in one place (render/kiosk_effects.c). */
void app_set_content(App *app, const Content *content);

/* Wiring: the display's size in pixels and its DPI (0 or less: 160). The
 * same as an EV_RESIZE, without letting time act: for offscreen renders
 * and content checks that set the size before building a screen. */
void app_set_display(App *app, int w, int h, float dpi);

/* The visit's display choices (large text, high contrast), as the visitor
 * would set them with the buttons: for the command line's --large-text and
 * --high-contrast and the offscreen renders. A wipe clears them. */
void app_set_access(App *app, int large_text, int high_contrast);

/* Start again from a clean attract screen at now, as app_init() would,
 * keeping the wiring (content, configuration, narration, display). The
 * settings and admin facts go too: the caller sends them again
 * (EV_SETTINGS, EV_PIN_STATE). */
void app_restart(App *app, uint64_t now_ms);

/* A copy of app into out as it would be on slide `slide` of the module
 * open, nothing pressed: for building the neighbours of the slide shown
 * ahead of time. out owns nothing (the content stays borrowed). */
void app_peek_slide(const App *app, int slide, App *out);

/* Milliseconds until the state changes by itself (a countdown tick, the
 * attract cycle, an animation frame), or -1 if it never will. The main loop
 * sleeps that long: an idle kiosk uses no CPU. */
int app_next_wake_ms(const App *app, uint64_t now_ms);

/* What time alone changes on screen at now (see AppTimeView). */
void app_time_view(const App *app, uint64_t now, AppTimeView *out);

/* Whether an animation is running (draw every frame while it is). */
int app_animating(const App *app, uint64_t now_ms);

/* Current language code, and the module being viewed (NULL if none). */
const char *app_lang(const App *app);

/* The language the current screen is drawn in: the visitor's on visitor
 * screens, the admin's (Settings.admin_language) on the PIN, admin and
 * group-organising screens, the session's on the group slide and quiz. */
const char *app_ui_lang(const App *app);

/* The quick counts the headcount offers per band (one touch each), and how
 * many there are. */
enum { APP_QUICK_COUNTS = 7 };
extern const int app_quick_counts[APP_QUICK_COUNTS];
const Module *app_module(const App *app);

/* Modules shown on the menu under the current filter: writes indexes into
 * out (at most max) and returns how many. */
int app_menu_modules(const App *app, int *out, int max);

/* The narration key of what is on screen ("" when it has none). */
void app_narration_key(const App *app, char *out, size_t n);

/* Jump straight to a screen (for `taama render` and tests): name as listed by
 * app_screen_names(). Returns 0 on success, -1 for an unknown name. */
int app_goto(App *app, const char *name, uint64_t now_ms);

/* For `taama render`, content checks and tests: draw the current screen in
 * language i of cfg.langs, whoever's language it normally follows (the
 * visitor's, the admin's or the group session's). Ignores a bad i. */
void app_show_in(App *app, int i);

/* Write every screen name app_goto() accepts, one per line, by calling cb. */
void app_screen_names(const App *app, void (*cb)(void *ctx, const char *name), void *ctx);

/* The name of screen s as scripts and logs give it ("attract", "slide",
 * "group-headcount"...), from the same table as app_screen_names(). */
const char *app_screen_name(ScreenId s);

enum { APP_ANIM_MS = 220 };

/* Length of the slide transition now: APP_ANIM_MS, longer on the children's
 * track (which also gets half as much time again before "Still there?"). */
int app_anim_ms(const App *app);

#endif
