/* content_checks.c: overflow, translation, narration and reference checks
 * for `taama content check`; see content_checks.h.
 *
 * The overflow check lays out exactly what the kiosk would draw: ui_build()
 * with render_metrics() of a Renderer holding the bundled fonts, so a
 * measurement here is the width the screen gets. Nothing is drawn: the
 * software renderer only exists because the text engine needs one. */
#include "render/content_checks.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/arena.h"
#include "core/log.h"
#include "core/vec.h"
#include "i18n/i18n.h"
#include "narration/narration.h"
#include "qr/qr.h"
#include "render/render.h"
#include "text/bidi.h"
#include "ui/ui.h"

static const struct {
    int w, h;
} SIZES[] = {{1920, 1080}, {1080, 1920}, {1280, 800}, {720, 1280}, {360, 640}};
enum { N_SIZES = sizeof SIZES / sizeof SIZES[0] };

int content_checks_size_count(void) { return N_SIZES; }

void content_checks_size(int i, int *w, int *h)
{
    *w = i >= 0 && i < N_SIZES ? SIZES[i].w : 0;
    *h = i >= 0 && i < N_SIZES ? SIZES[i].h : 0;
}

struct ContentChecks {
    SDL_Surface *surf;
    SDL_Renderer *sdl;
    Renderer *ren;
    TextMetrics tm;
    Arena *arena;
    char *narration_dir;
};

ContentChecks *content_checks_new(const char *assets_dir, const char *narration_dir, Err *why)
{
    Err e = ERR_NOMEM;
    if (!getenv("SDL_VIDEODRIVER"))
        SDL_setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        log_error("content check: SDL_Init: %s", SDL_GetError());
        if (why)
            *why = ERR_IO;
        return NULL;
    }
    if (TTF_Init() != 0) {
        log_error("content check: TTF_Init: %s", TTF_GetError());
        SDL_Quit();
        if (why)
            *why = ERR_IO;
        return NULL;
    }
    ContentChecks *cc = calloc(1, sizeof *cc);
    if (!cc)
        goto fail;
    cc->arena = arena_new(4u << 20);
    cc->surf = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888);
    cc->sdl = cc->surf ? SDL_CreateSoftwareRenderer(cc->surf) : NULL;
    if (narration_dir && !(cc->narration_dir = strdup(narration_dir)))
        goto fail;
    if (!cc->arena || !cc->sdl)
        goto fail;
    cc->ren = render_new(cc->sdl, assets_dir, ".", &e);
    if (!cc->ren)
        goto fail;
    cc->tm = render_metrics(cc->ren);
    return cc;
fail:
    content_checks_free(cc);
    if (!cc) {
        TTF_Quit();
        SDL_Quit();
    }
    if (why)
        *why = e;
    return NULL;
}

void content_checks_free(ContentChecks *cc)
{
    if (!cc)
        return;
    render_free(cc->ren);
    if (cc->sdl)
        SDL_DestroyRenderer(cc->sdl);
    SDL_FreeSurface(cc->surf);
    arena_free(cc->arena);
    free(cc->narration_dir);
    free(cc);
    qr_cache_clear();
    TTF_Quit();
    SDL_Quit();
}

/* The languages to check: --lang ones, else the whole i18n table. */
static int check_langs(const ContentReport *r, const char **out, int max)
{
    int n = 0;
    const char *const *given = content_report_langs(r, &n);
    int k = 0;
    for (int i = 0; i < n && k < max; i++) {
        if (i18n_language(given[i]))
            out[k++] = given[i];
    }
    if (n == 0)
        for (int i = 0; i < i18n_language_count() && k < max; i++)
            out[k++] = i18n_language_at(i)->code;
    return k;
}

/* ---- overflow ------------------------------------------------------------ */

typedef struct {
    char (*v)[128];
    int n;
    size_t cap;
} Names;

/* Keep a copy of name (cut at 127 bytes); on out of memory it is left out
 * and that screen is not checked. */
static void add_name(void *ctx, const char *name)
{
    Names *ns = ctx;
    if (VEC_RESERVE(ns->v, ns->cap, (size_t)ns->n + 1) != ERR_OK)
        return;
    snprintf(ns->v[ns->n++], sizeof ns->v[0], "%s", name);
}

static const struct {
    const char *name;
    int large, contrast;
} MODES[] = {{"normal text", 0, 0}, {"large text", 1, 0}, {"high contrast", 0, 1}};

static void check_overflow(const Content *c, ContentReport *r, void *user)
{
    ContentChecks *cc = user;
    const char *langs[APP_MAX_LANGS];
    int n_langs = check_langs(r, langs, APP_MAX_LANGS);
    AppConfig cfg;
    app_config_default(&cfg);
    cfg.n_langs = n_langs;
    for (int i = 0; i < n_langs; i++)
        snprintf(cfg.langs[i], sizeof cfg.langs[i], "%s", langs[i]);
    App *a = calloc(1, sizeof *a);
    Names names = {0};
    if (!a) {
        content_report(r, CONTENT_ERROR, NULL, 0, "out of memory");
        return;
    }
    app_init(a, c, &cfg, 1000);
    app_screen_names(a, add_name, &names);
    int boxes = 0, layouts = 0;
    for (int li = 0; li < n_langs; li++)
        for (int s = 0; s < names.n; s++)
            for (int z = 0; z < N_SIZES; z++)
                for (size_t md = 0; md < sizeof MODES / sizeof MODES[0]; md++) {
                    if (app_goto(a, names.v[s], 1000) != 0)
                        continue;
                    app_show_in(a, li);
                    app_set_display(a, SIZES[z].w, SIZES[z].h, 160);
                    app_set_access(a, MODES[md].large, MODES[md].contrast);
                    i18n_set_language(langs[li]);
                    Ui ui;
                    arena_reset(cc->arena);
                    if (ui_build(&ui, a, 1000, &cc->tm, cc->arena) != ERR_OK) {
                        content_report(r, CONTENT_ERROR, NULL, 0,
                                       "%s, %s, %dx%d, %s: the screen does not fit the frame "
                                       "arena",
                                       langs[li], names.v[s], SIZES[z].w, SIZES[z].h,
                                       MODES[md].name);
                        continue;
                    }
                    layouts++;
                    if (ui.overflow) {
                        boxes += ui.overflow;
                        content_report(r, CONTENT_ERROR, NULL, 0,
                                       "%s, screen %s, %dx%d, %s: %d text box%s overflow%s, "
                                       "first: \"%s\"",
                                       langs[li], names.v[s], SIZES[z].w, SIZES[z].h,
                                       MODES[md].name, ui.overflow, ui.overflow > 1 ? "es" : "",
                                       ui.overflow > 1 ? "" : "s",
                                       ui.overflow_text ? ui.overflow_text : "?");
                    }
                }
    i18n_set_language("en");
    log_info("overflow: %d layouts checked, %d boxes overflow", layouts, boxes);
    free(names.v);
    free(a);
}

/* ---- translation -------------------------------------------------------- */

typedef struct {
    const char *lang;
    ContentReport *r;
    int total, missing, listing;
} TrCtx;

static void tr_count(void *ctx, const char *s, const char *file, int line)
{
    TrCtx *x = ctx;
    x->total++;
    if (i18n_has_translation(x->lang, s))
        return;
    x->missing++;
    if (x->listing)
        content_report(x->r, CONTENT_WARNING, file, line, "no %s translation for \"%s\"", x->lang,
                       s);
}

static void check_translation(const Content *c, ContentReport *r, void *user)
{
    (void)user;
    const char *langs[APP_MAX_LANGS];
    int n_langs = check_langs(r, langs, APP_MAX_LANGS);
    for (int i = 0; i < n_langs; i++) {
        if (!strcmp(langs[i], "en"))
            continue;
        TrCtx x = {langs[i], r, 0, 0, 0};
        content_foreach_string(c, tr_count, &x);
        if (x.missing == 0)
            continue;
        if (x.missing == x.total) {
            /* one line, not hundreds, for a language with no catalogue yet */
            content_report(r, CONTENT_WARNING, NULL, 0,
                           "%s: none of the %d content strings is translated (no "
                           "locales/%s/LC_MESSAGES/taama.po compiled yet?)",
                           langs[i], x.total, langs[i]);
            continue;
        }
        x.listing = 1;
        x.missing = x.total = 0;
        content_foreach_string(c, tr_count, &x);
        content_report(r, CONTENT_WARNING, NULL, 0, "%s: %d of %d content strings not translated",
                       langs[i], x.missing, x.total);
    }
}

/* ---- bidi ---------------------------------------------------------------- */

typedef struct {
    const char *lang;
    int rtl;
    ContentReport *r;
} BidiCtx;

/* One content string as the language shows it (its translation; the
 * English source only in English: missing translations are the translation
 * check's), paragraph by paragraph in the language's direction. */
static void bidi_string(void *ctx, const char *s, const char *file, int line)
{
    BidiCtx *x = ctx;
    int en = !strcmp(x->lang, "en");
    if (!en && !i18n_has_translation(x->lang, s))
        return;
    const char *t = en ? s : i18n_text_in(x->lang, s);
    while (t && *t) {
        const char *nl = strchr(t, '\n');
        size_t len = nl ? (size_t)(nl - t) : strlen(t);
        long at = bidi_risky_at(t, len, x->rtl ? PARA_RTL : PARA_LTR);
        if (at >= 0) {
            size_t from = (size_t)at > 12 ? (size_t)at - 12 : 0;
            while (from > 0 && ((unsigned char)t[from] & 0xC0) == 0x80)
                from--;
            size_t to = (size_t)at + 13 < len ? (size_t)at + 13 : len;
            while (to < len && ((unsigned char)t[to] & 0xC0) == 0x80)
                to++;
            content_report(x->r, CONTENT_WARNING, file, line,
                           "%s: \"...%.*s...\": the punctuation at byte %ld is glued to a "
                           "word or number of the other direction and may show on its wrong "
                           "side; reword, or wrap that part in U+2066 ... U+2069",
                           x->lang, (int)(to - from), t + from, at);
        }
        t = nl ? nl + 1 : NULL;
    }
}

static void check_bidi(const Content *c, ContentReport *r, void *user)
{
    (void)user;
    const char *langs[APP_MAX_LANGS];
    int n_langs = check_langs(r, langs, APP_MAX_LANGS);
    for (int i = 0; i < n_langs; i++) {
        const Language *l = i18n_language(langs[i]);
        BidiCtx x = {langs[i], l && l->rtl, r};
        content_foreach_string(c, bidi_string, &x);
    }
}

/* ---- narration ----------------------------------------------------------- */

typedef struct {
    const Module *m;
    const char *key, *what;
    int explicit_key; /* given as audio: in the YAML, not derived */
} KeyRef;

enum { KEYS_MAX = CONTENT_MAX_SLIDES + 2 * CONTENT_MAX_QUIZ + 1 };

/* Every narration key of a module, with whether the YAML named it. The
 * strings live until the next call. */
static int module_keys(const Module *m, KeyRef *out, int max)
{
    int n = 0;
    char derived[128];
    static char what[KEYS_MAX][32];
    static char explain[CONTENT_MAX_QUIZ][160];
    for (int s = 0; s < m->n_slides && n < max; s++) {
        snprintf(derived, sizeof derived, "%s-slide-%d", m->id, s + 1);
        snprintf(what[n], sizeof what[n], "slide %d", s + 1);
        out[n] = (KeyRef){m, m->slides[s].audio, what[n],
                          m->slides[s].audio && strcmp(m->slides[s].audio, derived) != 0};
        n++;
    }
    for (int q = 0; q < m->n_quiz && n < max; q++) {
        snprintf(derived, sizeof derived, "%s-quiz-%d", m->id, q + 1);
        snprintf(what[n], sizeof what[n], "quiz question %d", q + 1);
        out[n] = (KeyRef){m, m->quiz[q].audio, what[n],
                          m->quiz[q].audio && strcmp(m->quiz[q].audio, derived) != 0};
        n++;
        if (m->quiz[q].audio && m->quiz[q].explain && n < max) {
            /* read once the question is answered */
            snprintf(explain[q], sizeof explain[q], "%s%s", m->quiz[q].audio,
                     NARRATION_EXPLAIN_SUFFIX);
            snprintf(what[n], sizeof what[n], "quiz explanation %d", q + 1);
            out[n] = (KeyRef){m, explain[q], what[n], 0};
            n++;
        }
    }
    if (n < max) {
        snprintf(derived, sizeof derived, "%s-end", m->id);
        out[n] = (KeyRef){m, m->end.audio, "end card",
                          m->end.audio && strcmp(m->end.audio, derived) != 0};
        n++;
    }
    return n;
}

/* No narration at all in lang: say so, and what to record, one line per
 * module rather than one per screen (docs/narration.md: `taama narration
 * script --lang LANG`). */
static void report_unnarrated(const Content *c, ContentReport *r, const char *lang, int total)
{
    KeyRef keys[KEYS_MAX];
    content_report(r, CONTENT_WARNING, NULL, 0,
                   "%s: no narration at all (0 of %d): the speaker is disabled in this "
                   "language",
                   lang, total);
    for (int i = 0; i < content_module_count(c); i++) {
        const Module *m = content_module(c, i);
        int n = module_keys(m, keys, KEYS_MAX);
        char list[2048];
        size_t len = 0;
        list[0] = 0;
        for (int k = 0; k < n && len + 2 < sizeof list; k++) {
            int w = snprintf(list + len, sizeof list - len, "%s%s.wav", k ? " " : "",
                             keys[k].key ? keys[k].key : "?");
            len += w > 0 ? (size_t)w : 0;
        }
        content_report(r, CONTENT_WARNING, m->file, 0, "%s: to record in audio/%s/: %s", lang,
                       lang, list);
    }
}

/* The narration of every screen, and of the language's own name, in lang. */
static void check_language_narration(const Content *c, ContentReport *r, NarrationIndex *ix,
                                     const char *lang)
{
    KeyRef keys[KEYS_MAX];
    int total = 0, have = 0;
    for (int i = 0; i < content_module_count(c); i++) {
        int n = module_keys(content_module(c, i), keys, KEYS_MAX);
        for (int k = 0; k < n; k++, total++)
            have += keys[k].key && narration_exists(ix, lang, keys[k].key);
    }
    char name_key[32];
    snprintf(name_key, sizeof name_key, "lang:%s", lang);
    if (!narration_exists(ix, lang, name_key))
        content_report(r, CONTENT_WARNING, NULL, 0,
                       "%s: no recording of the language's own name (%s/%s.wav): the "
                       "picker stays silent for it",
                       lang, lang, NARRATION_LANGUAGE_NAME);
    if (have == 0) {
        report_unnarrated(c, r, lang, total);
        return;
    }
    for (int i = 0; i < content_module_count(c); i++) {
        const Module *m = content_module(c, i);
        int n = module_keys(m, keys, KEYS_MAX);
        for (int k = 0; k < n; k++)
            if (!keys[k].key || !narration_exists(ix, lang, keys[k].key))
                content_report(r, CONTENT_WARNING, m->file, 0,
                               "%s: %s has no narration (audio/%s/%s.wav)", lang, keys[k].what,
                               lang, keys[k].key ? keys[k].key : "?");
    }
    if (have < total)
        content_report(r, CONTENT_WARNING, NULL, 0, "%s: narration for %d of %d screens", lang,
                       have, total);
}

/* An explicit key is a reference to a recording: it must exist somewhere. */
static void check_explicit_keys(const Content *c, ContentReport *r, NarrationIndex *ix,
                                const char *const *langs, int n_langs)
{
    KeyRef keys[KEYS_MAX];
    for (int i = 0; i < content_module_count(c); i++) {
        const Module *m = content_module(c, i);
        int n = module_keys(m, keys, KEYS_MAX);
        for (int k = 0; k < n; k++) {
            if (!keys[k].explicit_key)
                continue;
            int found = 0;
            for (int li = 0; li < n_langs && !found; li++)
                found = narration_exists(ix, langs[li], keys[k].key);
            if (!found)
                content_report(r, CONTENT_ERROR, m->file, 0,
                               "%s: audio: %s names no recording in any language "
                               "(audio/<lang>/%s.wav)",
                               keys[k].what, keys[k].key, keys[k].key);
        }
    }
}

static void check_narration(const Content *c, ContentReport *r, void *user)
{
    ContentChecks *cc = user;
    const char *langs[APP_MAX_LANGS];
    int n_langs = check_langs(r, langs, APP_MAX_LANGS);
    char rec[4096];
    snprintf(rec, sizeof rec, "%s/audio", content_dir(c));
    const char *dirs[] = {rec, cc->narration_dir};
    Err why = ERR_OK;
    NarrationIndex *ix = narration_index_new(dirs, 2, &why);
    if (!ix) {
        content_report(r, CONTENT_ERROR, NULL, 0, "cannot index narration: %s", err_str(why));
        return;
    }
    for (int li = 0; li < n_langs; li++)
        check_language_narration(c, r, ix, langs[li]);
    check_explicit_keys(c, r, ix, langs, n_langs);
    narration_index_free(ix);
}

/* ---- references ------------------------------------------------------------ */

static void check_references(const Content *c, ContentReport *r, void *user)
{
    (void)user;
    char file[4096], text[512];
    snprintf(file, sizeof file, "%s/contacts.yaml", content_dir(c));
    for (int i = 0; i < content_contact_count(c); i++) {
        const Contact *k = content_contact(c, i);
        if (!k->number)
            continue; /* reported by the contacts check */
        if (qr_contact_text(k, text, sizeof text) < 0 || !qr_get(text))
            content_report(r, CONTENT_ERROR, file, 0,
                           "contact '%s': no QR code can be made for its number", k->id);
    }
    qr_cache_clear();
}

int content_checks_table(ContentChecks *cc, ContentCheck *out, int max)
{
    const ContentCheck all[] = {
        {"overflow", check_overflow, cc},
        {"translation", check_translation, cc},
        {"narration", check_narration, cc},
        {"references", check_references, cc},
        {"bidi", check_bidi, cc},
    };
    int n = 0;
    for (size_t i = 0; i < sizeof all / sizeof all[0] && n < max; i++)
        out[n++] = all[i];
    return n;
}

int content_checks_cli(const char *content_dir, const char *assets_dir,
                       const char *narration_dir, int argc, char **argv, FILE *out)
{
    int checking = 0;
    for (int i = 0; i < argc; i++)
        checking |= !strcmp(argv[i], "check");
    if (!checking)
        return content_cli_main(content_dir, argc, argv, out);
    Err why = ERR_OK;
    ContentChecks *cc = content_checks_new(assets_dir, narration_dir, &why);
    if (!cc) {
        fprintf(stderr, "taama content: cannot measure text (%s); overflow and narration are "
                        "not checked\n",
                err_str(why));
        int rc = content_cli_main(content_dir, argc, argv, out);
        return rc ? rc : 1;
    }
    ContentCheck extra[CONTENT_CHECKS_MAX];
    int n = content_checks_table(cc, extra, CONTENT_CHECKS_MAX);
    int rc = content_cli_run(content_dir, argc, argv, out, extra, n);
    content_checks_free(cc);
    return rc;
}
