/* settings.h: the kiosk's own settings, kept in DATA/settings.json.
 *
 * The admin screen edits them; everything else reads them. Loading never
 * fails the kiosk: a missing file gives the defaults, a broken file gives
 * the defaults with a logged warning, and a single bad field falls back to
 * its own default while the good fields are kept. Saving goes through
 * fileio's temp-file + fsync + rename, so a power cut leaves the old or the
 * new file, never half of one. Plain value type; no allocation kept. */
#ifndef APP_SETTINGS_SETTINGS_H
#define APP_SETTINGS_SETTINGS_H

#include "core/err.h"

enum {
    SETTINGS_MAX_LANGS = 16,
    SETTINGS_TIMEOUT_MIN_S = 15,
    SETTINGS_TIMEOUT_MAX_S = 3600,
    SETTINGS_TIMEOUT_DEFAULT_S = 60,
    SETTINGS_VOLUME_DEFAULT = 80,
    SETTINGS_MAX_FILE = 64 * 1024, /* a settings file larger than this is broken */
};

typedef struct {
    char kiosk_name[64];       /* shown on the admin screen and in exports; "" = unnamed */
    char site[64];             /* where it stands, e.g. "Agadez bus station" */
    char languages[SETTINGS_MAX_LANGS][12]; /* enabled language codes, in menu order */
    int n_languages;           /* >= 1 after load */
    int inactivity_timeout_s;  /* SETTINGS_TIMEOUT_MIN_S..SETTINGS_TIMEOUT_MAX_S */
    int export_on_insert;      /* 1: export statistics when a stick is inserted */
    int narration_volume;      /* 0..100 */
    int narration_autoplay;    /* 1: slides start narrating on their own */
    char admin_language[12];   /* the admin and PIN screens' language (any known one,
                                  enabled for visitors or not); default "en" */
} Settings;

/* Fill s with the defaults: no name or site, every language the kiosk knows
 * (i18n table order), 60 s timeout, export on insert on, volume 80,
 * autoplay off, admin screens in English. */
void settings_defaults(Settings *s);

/* Make s valid in place: clamp numbers, drop unknown or repeated language
 * codes (the defaults return if none is left), strip control characters
 * from the name and site. Returns 1 if anything changed, else 0. */
int settings_sanitize(Settings *s);

/* Load DATA/settings.json into s. s is always filled with usable values.
 * Returns ERR_OK when the file was read cleanly; ERR_NOTFOUND when there
 * is none (defaults, logged as info); ERR_FORMAT when it is not valid JSON
 * or too big, or some field was wrong (defaults for what was unusable,
 * logged as a warning); another Err for a read error (defaults). s is
 * always usable, so a caller may ignore the result, but must say so
 * ((void)! and a comment). */
Err settings_load(const char *data_dir, Settings *s) ERR_MUST_USE;

/* Sanitize a copy of s and write it atomically to DATA/settings.json
 * (the data folder must exist). On error the file on disk is unchanged. */
Err settings_save(const char *data_dir, const Settings *s) ERR_MUST_USE;

/* 1 if code is among the enabled languages. */
int settings_has_language(const Settings *s, const char *code);

#endif
