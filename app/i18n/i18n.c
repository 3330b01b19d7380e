/* i18n.c: gettext binding and the language table; see i18n.h. */
#include "i18n/i18n.h"

#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"

/* gettext's cache-invalidation counter: incremented after changing LANGUAGE
 * so that already-translated strings are looked up again (GNU gettext manual,
 * "Being a gettext grok", the documented way to switch at runtime). */
extern int _nl_msg_cat_cntr;

static const Language table[] = {
    {"en", "English", "English", 0, "en"},
    {"fr", "Français", "French", 0, "fr"},
    {"ar", "العربية", "Arabic", 1, "ar"},
    {"ti", "ትግርኛ", "Tigrinya", 0, NULL},
    {"ha", "Hausa", "Hausa", 0, NULL},
};
enum { NLANG = sizeof table / sizeof table[0] };

static const Language *current = &table[0];

Err i18n_init(const char *localedir)
{
    if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "C.utf8") &&
        !setlocale(LC_ALL, "en_US.UTF-8")) {
        log_error("no UTF-8 locale available; translations are disabled");
        return ERR_NOTFOUND;
    }
    /* Numbers and dates are formatted by us, never by the locale. */
    setlocale(LC_NUMERIC, "C");
    if (!bindtextdomain("taama", localedir) || !bind_textdomain_codeset("taama", "UTF-8") ||
        !textdomain("taama"))
        log_warn("gettext: cannot bind domain taama to %s", localedir);
    i18n_set_language("en");
    return ERR_OK;
}

int i18n_language_count(void) { return NLANG; }

const Language *i18n_language_at(int i) { return i >= 0 && i < NLANG ? &table[i] : NULL; }

const Language *i18n_language(const char *code)
{
    for (int i = 0; code && i < NLANG; i++)
        if (strcmp(table[i].code, code) == 0)
            return &table[i];
    return NULL;
}

static void apply(const char *code)
{
    setenv("LANGUAGE", code, 1);
    ++_nl_msg_cat_cntr;
}

void i18n_set_language(const char *code)
{
    const Language *l = i18n_language(code);
    current = l ? l : &table[0];
    apply(current->code);
}

const Language *i18n_current(void) { return current; }

const char *i18n_text(const char *msgid)
{
    if (!msgid || !*msgid)
        return msgid;
    return gettext(msgid);
}

const char *i18n_ntext(const char *msgid, const char *plural, long long n)
{
    /* gettext takes an unsigned long; a negative count is a bug upstream,
     * and its magnitude picks the form */
    unsigned long u = n < 0 ? (unsigned long)-n : (unsigned long)n;
    return ngettext(msgid, plural, u);
}

const char *i18n_text_ctx(const char *ctx, const char *msgid)
{
    /* gettext keys a context as "ctx\004msgid" (what gettext.h's pgettext
     * does); untranslated, it returns that key, so give back msgid. */
    char key[512];
    int n = snprintf(key, sizeof key, "%s\004%s", ctx, msgid);
    if (n < 0 || (size_t)n >= sizeof key)
        return msgid;
    const char *t = gettext(key);
    return t == key ? msgid : t;
}

const char *i18n_text_in(const char *code, const char *msgid)
{
    if (!msgid || !*msgid)
        return msgid;
    if (strcmp(code, current->code) == 0)
        return gettext(msgid);
    apply(code);
    const char *s = gettext(msgid);
    apply(current->code);
    return s;
}

int i18n_has_translation(const char *code, const char *msgid)
{
    if (strcmp(code, "en") == 0)
        return 1;
    return i18n_text_in(code, msgid) != msgid;
}
