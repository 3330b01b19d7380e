/* i18n.c: gettext binding and the language table; see i18n.h. */
#include "i18n/i18n.h"

#include <libintl.h>
#include <locale.h>
#include <stdint.h>
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

/* ---- the preloaded table (i18n_preload) ---------------------------------
 *
 * One entry per message: its key as gettext knows it (msgid, or
 * "ctx\004msgid"), and what gettext gave for it in each language. A
 * translation that is the key itself (or the entry's plural) means "not
 * translated": the lookup then returns the caller's own pointer, as
 * gettext does, so i18n_has_translation() can tell. Open addressing on an
 * FNV-1a hash of the key; the table is filled once and only read after. */
enum { NFORMS = 200 }; /* plural forms kept for n = 0..NFORMS-1 */

typedef struct {
    char *key;           /* owned */
    size_t msgid_off;    /* msgid starts at key + msgid_off */
    char *plural;        /* owned; NULL: not a plural message */
    uint64_t hash;
    const char *tr[NLANG];
    const char **forms;  /* [NLANG * NFORMS], plural messages only */
} Entry;

typedef struct {
    Entry *e;
    size_t cap; /* a power of two; 0: not preloaded */
} Table;

static Table tab;

static uint64_t hash_key(const char *k, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)k[i]) * 1099511628211ull;
    return h;
}

static void table_free(Table *t)
{
    for (size_t i = 0; i < t->cap; i++) {
        free(t->e[i].key);
        free(t->e[i].plural);
        free(t->e[i].forms);
    }
    free(t->e);
    *t = (Table){0};
}

static Entry *table_find(const Table *t, const char *key, size_t n)
{
    if (!t->cap)
        return NULL;
    uint64_t h = hash_key(key, n);
    for (size_t i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
        Entry *e = &t->e[i];
        if (!e->key)
            return NULL;
        if (e->hash == h && strlen(e->key) == n && memcmp(e->key, key, n) == 0)
            return e;
    }
}

/* Add a message (or find it: a msgid used by the UI and by the content is
 * one entry, as in the catalogue). ERR_NOMEM. */
static Err table_add(Table *t, const char *ctx, const char *msgid, const char *plural)
{
    size_t cl = ctx ? strlen(ctx) + 1 : 0, ml = strlen(msgid);
    char *key = malloc(cl + ml + 1);
    if (!key)
        return ERR_NOMEM;
    if (ctx) {
        memcpy(key, ctx, cl - 1);
        key[cl - 1] = '\004';
    }
    memcpy(key + cl, msgid, ml + 1);
    Entry *e = table_find(t, key, cl + ml);
    if (!e) {
        uint64_t h = hash_key(key, cl + ml);
        size_t i = h & (t->cap - 1);
        while (t->e[i].key)
            i = (i + 1) & (t->cap - 1);
        e = &t->e[i];
        e->key = key;
        e->msgid_off = cl;
        e->hash = h;
        key = NULL;
    }
    free(key);
    if (plural && !e->plural) {
        e->plural = strdup(plural);
        e->forms = calloc((size_t)NLANG * NFORMS, sizeof *e->forms);
        if (!e->plural || !e->forms)
            return ERR_NOMEM;
    }
    return ERR_OK;
}

static void apply(const char *code);

/* Ask gettext for every entry in every language (LANGUAGE set once per
 * language), then go back to the current language. */
static void table_fill(Table *t)
{
    for (int l = 0; l < NLANG; l++) {
        apply(table[l].code);
        for (size_t i = 0; i < t->cap; i++) {
            Entry *e = &t->e[i];
            if (!e->key)
                continue;
            e->tr[l] = gettext(e->key);
            if (e->forms)
                for (unsigned long n = 0; n < NFORMS; n++)
                    e->forms[l * NFORMS + n] = ngettext(e->key + e->msgid_off, e->plural, n);
        }
    }
    apply(current->code);
}

/* What the table holds for (code, key): the translation, or the caller's
 * msgid when there is none. */
static const char *table_text(const Entry *e, int l, const char *msgid)
{
    const char *s = e ? e->tr[l] : NULL;
    return !s || s == e->key || s == e->key + e->msgid_off ? msgid : s;
}

static int lang_index(const char *code)
{
    const Language *l = i18n_language(code);
    return l ? (int)(l - table) : 0;
}

Err i18n_preload(const char *const *extra, int n_extra)
{
    Table t = {0};
    size_t want = (size_t)i18n_catalogue_msg_count + (size_t)(n_extra > 0 ? n_extra : 0);
    t.cap = 64;
    while (t.cap < want * 2)
        t.cap *= 2;
    t.e = calloc(t.cap, sizeof *t.e);
    if (!t.e)
        return ERR_NOMEM;
    Err err = ERR_OK;
    for (int i = 0; i < i18n_catalogue_msg_count && !err; i++) {
        const I18nMsg *m = &i18n_catalogue_msgs[i];
        err = table_add(&t, m->ctx, m->msgid, m->plural);
    }
    for (int i = 0; i < n_extra && !err; i++)
        if (extra[i] && *extra[i])
            err = table_add(&t, NULL, extra[i], NULL);
    if (err) {
        table_free(&t);
        return err;
    }
    /* gettext mode for the filling, whatever was there before */
    Table old = tab;
    tab = (Table){0};
    table_fill(&t);
    table_free(&old);
    tab = t;
    return ERR_OK;
}

Err i18n_init(const char *localedir)
{
    if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "C.utf8") &&
        !setlocale(LC_ALL, "en_US.UTF-8")) {
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
    if (!tab.cap)
        apply(current->code);
}

const Language *i18n_current(void) { return current; }

const char *i18n_text(const char *msgid)
{
    if (!msgid || !*msgid)
        return msgid;
    if (tab.cap)
        return table_text(table_find(&tab, msgid, strlen(msgid)), (int)(current - table), msgid);
    return gettext(msgid);
}

/* The plural forms kept are those of n = 0..199. Every Plural-Forms rule
 * of the shipped catalogues depends on n only through "n is 0, 1 or 2"
 * and n % 100 (en, ha: n != 1; fr, ti: n > 1; ar: 0, 1, 2, then n % 100 in
 * 3..10, in 11..99, or else), so for n >= 200 the number 100 + n % 100,
 * which is over 2 and has the same n % 100, takes the same form. A new
 * language whose rule looks at more (n % 1000, or n itself beyond 199)
 * would need a wider table; test_i18n_preload checks Arabic's six forms. */
static unsigned long form_index(unsigned long u)
{
    return u < NFORMS ? u : 100 + u % 100;
}

const char *i18n_ntext(const char *msgid, const char *plural, long long n)
{
    /* gettext takes an unsigned long; a negative count is a bug upstream,
     * and its magnitude picks the form */
    unsigned long u = n < 0 ? (unsigned long)-n : (unsigned long)n;
    if (!tab.cap)
        return ngettext(msgid, plural, u);
    const Entry *e = msgid ? table_find(&tab, msgid, strlen(msgid)) : NULL;
    const char *s = e && e->forms ? e->forms[(current - table) * NFORMS + form_index(u)] : NULL;
    if (!s) /* not in the table: the English rule */
        return u == 1 ? msgid : plural;
    if (s == e->key + e->msgid_off) /* untranslated: gettext's own choice */
        return msgid;
    return s == e->plural ? plural : s;
}

const char *i18n_text_ctx(const char *ctx, const char *msgid)
{
    /* gettext keys a context as "ctx\004msgid" (what gettext.h's pgettext
     * does); untranslated, it returns that key, so give back msgid. */
    char key[512];
    int n = snprintf(key, sizeof key, "%s\004%s", ctx, msgid);
    if (n < 0 || (size_t)n >= sizeof key)
        return msgid;
    if (tab.cap)
        return table_text(table_find(&tab, key, (size_t)n), (int)(current - table), msgid);
    const char *t = gettext(key);
    return t == key ? msgid : t;
}

const char *i18n_text_in(const char *code, const char *msgid)
{
    if (!msgid || !*msgid)
        return msgid;
    if (tab.cap)
        return table_text(table_find(&tab, msgid, strlen(msgid)), lang_index(code), msgid);
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
