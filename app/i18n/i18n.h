/* i18n.h: languages and translated text, through GNU gettext.
 *
 * English msgids are the source text, both for UI strings (marked with _()
 * and N_() in app/) and for content strings (from the YAML modules). A
 * missing translation shows the source text; a missing .mo file shows the
 * whole language in English and is reported once, never fatal.
 *
 * The language table is static: code, name in its own language and script,
 * direction. Which of them a kiosk offers, and in what order, is a setting.
 * Until i18n_preload(), switching language sets LANGUAGE and bumps
 * gettext's catalogue counter, as the GNU gettext manual describes (the
 * command-line tools work so); this needs a UTF-8 locale, so i18n_init()
 * selects C.UTF-8. Only this module touches the locale.
 *
 * The kiosk calls i18n_preload() once at start-up: it asks gettext for
 * every message in every language then, and from that moment every lookup
 * reads that table alone. Switching language only moves a pointer and no
 * lookup touches the environment or gettext's state, so building a screen
 * (ui_build) depends on its arguments, not on process state, and a worker
 * thread may translate (narration) while the main thread builds. */
#ifndef APP_I18N_I18N_H
#define APP_I18N_I18N_H

#include "core/err.h"

typedef struct {
    const char *code;   /* "ar" */
    const char *native; /* "العربية": the language's own name in its own script */
    const char *english;
    int rtl;            /* written right to left */
    const char *speech; /* espeak-ng voice for narration, NULL when it has none */
} Language;

#define _(s) i18n_text(s)
#define N_(s) (s)
/* A string whose English is ambiguous, told apart by a context that
 * translators see (gettext's msgctxt): C_("admin status", "Content"). */
#define C_(ctx, s) i18n_text_ctx(ctx, s)

/* The translations keep the msgid's printf conversions, so a format built
 * from one is checked against the English (-Wformat, as gettext's are). */
#if defined(__GNUC__)
#define I18N_FORMAT_ARG(i) __attribute__((format_arg(i)))
#else
#define I18N_FORMAT_ARG(i)
#endif

/* One message of the catalogue: its context (msgctxt, NULL: none), its
 * msgid, and its English plural (msgid_plural, NULL: not a plural). */
typedef struct {
    const char *ctx, *msgid, *plural;
} I18nMsg;

/* Every message of locales/taama.pot (the UI and the shipped content),
 * generated at build time by tools/gen-msgids.sh. */
extern const I18nMsg i18n_catalogue_msgs[];
extern const int i18n_catalogue_msg_count;

/* Bind the "taama" domain to localedir (the folder holding
 * <lang>/LC_MESSAGES/taama.mo). Fails with ERR_NOTFOUND only if no UTF-8
 * locale can be set: every text then shows its English source, and the
 * caller says so in its own words; a missing localedir is logged, not
 * fatal. */
Err i18n_init(const char *localedir) ERR_MUST_USE;

/* Look up every message of the catalogue (i18n_catalogue_msgs) and the
 * n_extra msgids in extra (the loaded content's strings; copied, the caller
 * keeps its own) in every language, switching LANGUAGE once per language,
 * and keep the results: afterwards every function below reads only that
 * table and never changes the environment. Call once, after i18n_init()
 * (and after binding a pack's catalogues), single-threaded, before the
 * first frame; a second call replaces the table. A message not in the
 * table then shows its source text, as an untranslated one does (a
 * content pack installed while running is translated from the next
 * start). Plural forms are kept for n from 0 to 199; a larger n takes the
 * form of 100 + n % 100, which is exact for the shipped languages' rules
 * (see i18n.c). Fails with ERR_NOMEM, leaving the lookups as they were. */
Err i18n_preload(const char *const *extra, int n_extra) ERR_MUST_USE;

/* All known languages, in table order. */
int i18n_language_count(void);
const Language *i18n_language_at(int i);
/* NULL when the code is unknown. */
const Language *i18n_language(const char *code);

/* Make code the current language. Unknown codes fall back to "en". After
 * i18n_preload() this only selects the table's column. */
void i18n_set_language(const char *code);
const Language *i18n_current(void);

/* Translate msgid into the current language. Returns a borrowed string that
 * stays valid for the life of the process; NULL and "" are returned as-is. */
const char *i18n_text(const char *msgid) I18N_FORMAT_ARG(1);

/* Translate a message whose form depends on the number n ("1 visit", "2
 * visits"; Arabic has six forms) into the current language, by the
 * catalogue's Plural-Forms. msgid is the English singular, plural the
 * English plural. Borrowed, as i18n_text(). */
const char *i18n_ntext(const char *msgid, const char *plural, long long n) I18N_FORMAT_ARG(1)
    I18N_FORMAT_ARG(2);

/* msgid in a context (pgettext): the translation of the entry with
 * msgctxt ctx, or msgid itself when there is none. Borrowed. */
const char *i18n_text_ctx(const char *ctx, const char *msgid) I18N_FORMAT_ARG(2);

/* Translate msgid into the language code without changing the current one
 * (the attract screen cycles the key message through every language). */
const char *i18n_text_in(const char *code, const char *msgid) I18N_FORMAT_ARG(2);

/* 1 if msgid has a translation in code (used to report missing strings). */
int i18n_has_translation(const char *code, const char *msgid);

#endif
