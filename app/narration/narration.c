/* narration.c: the narration index and narration text; see narration.h.
 *
 * The index is a sorted array of (lang, key, folder) searched with
 * bsearch(): a few thousand entries at most, built once, never changed, so
 * lookups from the UI (every frame, for the speaker button) cost no I/O. */
#include "narration/narration.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/log.h"
#include "core/vec.h"
#include "i18n/i18n.h"

typedef struct {
    char lang[12];
    char key[96];
    int dir; /* index into dirs: lower wins */
} Entry;

struct NarrationIndex {
    char *dirs[NARRATION_MAX_DIRS];
    int n_dirs;
    Entry *v;
    int n;
    size_t cap;
};

/* Names we accept as a language folder or a key: nothing that could climb
 * out of a folder or hide, and no spaces that would confuse the tools. */
static int safe_name(const char *s, size_t max)
{
    size_t n = 0;
    if (!s || !*s || *s == '.')
        return 0;
    for (; s[n]; n++) {
        char ch = s[n];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '-' || ch == '_' || ch == '.'))
            return 0;
    }
    return n < max;
}

static int cmp_entry(const void *a, const void *b)
{
    const Entry *x = a, *y = b;
    int d = strcmp(x->lang, y->lang);
    if (!d)
        d = strcmp(x->key, y->key);
    return d ? d : (x->dir > y->dir) - (x->dir < y->dir);
}

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Add every DIR/lang/<key>.wav; returns ERR_NOMEM only. */
static Err scan_lang(NarrationIndex *ix, int d, const char *lang)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", ix->dirs[d], lang);
    DIR *dp = opendir(path);
    if (!dp)
        return ERR_OK;
    struct dirent *de;
    Err e = ERR_OK;
    while ((de = readdir(dp)) != NULL) {
        size_t len = strlen(de->d_name);
        if (len <= 4 || strcmp(de->d_name + len - 4, ".wav") != 0)
            continue;
        char key[96];
        if (len - 4 >= sizeof key)
            continue;
        memcpy(key, de->d_name, len - 4);
        key[len - 4] = 0;
        if (!safe_name(key, sizeof key))
            continue;
        char file[4096 + 128];
        if (snprintf(file, sizeof file, "%s/%s", path, de->d_name) >= (int)sizeof file ||
            !is_file(file))
            continue;
        if (ix->n >= NARRATION_MAX_FILES) {
            log_warn("narration: more than %d recordings; %s and later ones are ignored",
                     NARRATION_MAX_FILES, file);
            break;
        }
        if (VEC_RESERVE(ix->v, ix->cap, (size_t)ix->n + 1) != ERR_OK) {
            e = ERR_NOMEM;
            break;
        }
        Entry *en = &ix->v[ix->n++];
        memcpy(en->lang, lang, strlen(lang) + 1); /* both checked to fit */
        memcpy(en->key, key, strlen(key) + 1);
        en->dir = d;
    }
    closedir(dp);
    return e;
}

static Err scan_dir(NarrationIndex *ix, int d)
{
    DIR *dp = opendir(ix->dirs[d]);
    if (!dp)
        return ERR_OK; /* no recordings there: normal */
    struct dirent *de;
    Err e = ERR_OK;
    while (e == ERR_OK && (de = readdir(dp)) != NULL) {
        char lang[12];
        size_t n = strlen(de->d_name);
        if (n >= sizeof lang || !safe_name(de->d_name, sizeof lang))
            continue;
        memcpy(lang, de->d_name, n + 1);
        e = scan_lang(ix, d, lang);
    }
    closedir(dp);
    return e;
}

NarrationIndex *narration_index_new(const char *const *dirs, int n_dirs, Err *why)
{
    Err e = ERR_INVALID;
    NarrationIndex *ix = NULL;
    if (n_dirs < 0 || n_dirs > NARRATION_MAX_DIRS || (n_dirs > 0 && !dirs))
        goto fail;
    e = ERR_NOMEM;
    ix = calloc(1, sizeof *ix);
    if (!ix)
        goto fail;
    for (int i = 0; i < n_dirs; i++) {
        if (!dirs[i])
            continue;
        ix->dirs[ix->n_dirs] = strdup(dirs[i]);
        if (!ix->dirs[ix->n_dirs])
            goto fail;
        ix->n_dirs++;
    }
    for (int d = 0; d < ix->n_dirs; d++)
        if ((e = scan_dir(ix, d)) != ERR_OK)
            goto fail;
    if (ix->n)
        qsort(ix->v, (size_t)ix->n, sizeof *ix->v, cmp_entry);
    /* Keep the first folder's recording of each (lang, key). */
    int w = 0;
    for (int i = 0; i < ix->n; i++)
        if (w == 0 || strcmp(ix->v[i].lang, ix->v[w - 1].lang) ||
            strcmp(ix->v[i].key, ix->v[w - 1].key))
            ix->v[w++] = ix->v[i];
    ix->n = w;
    return ix;
fail:
    narration_index_free(ix);
    if (why)
        *why = e;
    return NULL;
}

void narration_index_free(NarrationIndex *ix)
{
    if (!ix)
        return;
    for (int i = 0; i < ix->n_dirs; i++)
        free(ix->dirs[i]);
    free(ix->v);
    free(ix);
}

int narration_count(const NarrationIndex *ix) { return ix ? ix->n : 0; }

static int cmp_lookup(const void *k, const void *e)
{
    const Entry *x = k, *y = e;
    int d = strcmp(x->lang, y->lang);
    return d ? d : strcmp(x->key, y->key);
}

static const Entry *find(const NarrationIndex *ix, const char *lang, const char *key)
{
    if (!ix || !lang || !key || !ix->n)
        return NULL;
    Entry probe;
    if (strncmp(key, "lang:", 5) == 0) {
        lang = key + 5;
        key = NARRATION_LANGUAGE_NAME;
    }
    if (strlen(lang) >= sizeof probe.lang || strlen(key) >= sizeof probe.key)
        return NULL;
    snprintf(probe.lang, sizeof probe.lang, "%s", lang);
    snprintf(probe.key, sizeof probe.key, "%s", key);
    return bsearch(&probe, ix->v, (size_t)ix->n, sizeof *ix->v, cmp_lookup);
}

int narration_exists(void *ctx, const char *lang, const char *key)
{
    return find(ctx, lang, key) != NULL;
}

Err narration_path(const NarrationIndex *ix, const char *lang, const char *key, char *buf,
                   size_t n)
{
    if (!ix || !lang || !key || !buf || !n)
        return ERR_INVALID;
    const Entry *en = find(ix, lang, key);
    if (!en)
        return ERR_NOTFOUND;
    int len = snprintf(buf, n, "%s/%s/%s.wav", ix->dirs[en->dir], en->lang, en->key);
    return len < 0 || (size_t)len >= n ? ERR_TOOBIG : ERR_OK;
}

/* ---- narration text ----------------------------------------------------- */

typedef struct {
    char buf[4096];
    size_t len;
    int translated;
    const char *lang;
} Script;

/* Append one string, translated, as a sentence: line breaks become spaces
 * and a final full stop is added where the text has no closing mark, so the
 * voice pauses between a title and its body. */
static void say(Script *s, const char *msgid, int translate)
{
    if (!msgid || !*msgid)
        return;
    const char *t = msgid;
    if (translate) {
        if (!i18n_has_translation(s->lang, msgid))
            s->translated = 0;
        t = i18n_text_in(s->lang, msgid);
    }
    if (s->len && s->len + 1 < sizeof s->buf)
        s->buf[s->len++] = ' ';
    for (; *t && s->len + 4 < sizeof s->buf; t++)
        s->buf[s->len++] = (*t == '\n' || *t == '\t' || *t == '\r') ? ' ' : *t;
    while (s->len && s->buf[s->len - 1] == ' ')
        s->len--;
    s->buf[s->len] = 0;
    /* closing marks: . ! ? : and the Arabic question mark and full stop,
     * and the Ethiopic full stop and question mark */
    static const char *const marks[] = {"\xd8\x9f", "\xdb\x94", "\xe1\x8d\xa2", "\xe1\x8d\xa7"};
    int closed = s->len && strchr(".!?:", s->buf[s->len - 1]) != NULL;
    for (size_t i = 0; !closed && i < sizeof marks / sizeof marks[0]; i++) {
        size_t ml = strlen(marks[i]);
        closed = s->len >= ml && memcmp(s->buf + s->len - ml, marks[i], ml) == 0;
    }
    if (!closed && s->len + 1 < sizeof s->buf) {
        s->buf[s->len++] = '.';
        s->buf[s->len] = 0;
    }
}

static void start(Script *s, const char *lang)
{
    s->len = 0;
    s->buf[0] = 0;
    s->translated = 1;
    s->lang = lang;
}

void narration_foreach_text(const Content *c, const char *lang, NarrationTextFn cb, void *ctx)
{
    Script s;
    for (int i = 0; c && i < content_module_count(c); i++) {
        const Module *m = content_module(c, i);
        NarrationPace pace =
            m->audience == AUDIENCE_CHILDREN ? NARRATION_PACE_SLOW : NARRATION_PACE_NORMAL;
        for (int k = 0; k < m->n_slides; k++) {
            start(&s, lang);
            say(&s, m->slides[k].title, 1);
            say(&s, m->slides[k].body, 1);
            if (m->slides[k].audio)
                cb(ctx, m, m->slides[k].audio, pace, s.translated, s.buf);
        }
        for (int q = 0; q < m->n_quiz; q++) {
            const QuizQuestion *qq = &m->quiz[q];
            start(&s, lang);
            say(&s, qq->question, 1);
            for (int a = 0; a < qq->n_answers; a++)
                say(&s, qq->answers[a].text, 1);
            if (qq->audio)
                cb(ctx, m, qq->audio, pace, s.translated, s.buf);
            if (qq->audio && qq->explain) {
                /* after an answer: the right one, then why */
                char key[128];
                snprintf(key, sizeof key, "%s%s", qq->audio, NARRATION_EXPLAIN_SUFFIX);
                start(&s, lang);
                say(&s, qq->answers[qq->correct].text, 1);
                say(&s, qq->explain, 1);
                cb(ctx, m, key, pace, s.translated, s.buf);
            }
        }
        start(&s, lang);
        say(&s, m->end.title, 1);
        say(&s, m->end.body, 1);
        const Contact *k = m->end.contact_id ? content_find_contact(c, m->end.contact_id) : NULL;
        if (k) {
            say(&s, k->name, 1);
            say(&s, k->number, 0);
        }
        if (m->end.audio)
            cb(ctx, m, m->end.audio, pace, s.translated, s.buf);
    }
}

/* ---- taama narration script ---------------------------------------------- */

typedef struct {
    FILE *out;
    const char *lang;
    int written, untranslated;
} CliCtx;

static void emit(void *ctx, const Module *m, const char *key, NarrationPace pace, int translated,
                 const char *text)
{
    CliCtx *x = ctx;
    (void)m;
    if (!translated) {
        x->untranslated++;
        return;
    }
    fprintf(x->out, "%s\t%s\t%s\t%s\n", x->lang, key,
            pace == NARRATION_PACE_SLOW ? "slow" : "normal", text);
    x->written++;
}

int narration_cli_main(const char *content_dir, int argc, char **argv, FILE *out)
{
    const char *langs[32];
    int n_langs = 0, script = 0;
    const char *dir = content_dir;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "narration") && i == 0)
            continue;
        if (!strcmp(argv[i], "script") && !script)
            script = 1;
        else if (!strcmp(argv[i], "--lang") && i + 1 < argc && n_langs < 32)
            langs[n_langs++] = argv[++i];
        else if (!strcmp(argv[i], "--content") && i + 1 < argc)
            dir = argv[++i];
        else {
            fprintf(stderr, "usage: taama narration [--content DIR] script [--lang LANG]...\n");
            return 2;
        }
    }
    if (!script || !dir) {
        fprintf(stderr, "usage: taama narration [--content DIR] script [--lang LANG]...\n");
        return 2;
    }
    if (n_langs == 0)
        for (int i = 0; i < i18n_language_count() && n_langs < 32; i++)
            if (i18n_language_at(i)->speech)
                langs[n_langs++] = i18n_language_at(i)->code;
    log_set_quiet(1);
    Err why = ERR_OK;
    Content *c = content_load(dir, &why);
    if (!c) {
        fprintf(stderr, "taama narration: cannot load %s: %s\n", dir, err_str(why));
        return 2;
    }
    for (int i = 0; i < n_langs; i++) {
        const Language *l = i18n_language(langs[i]);
        if (!l || !safe_name(langs[i], 12)) {
            fprintf(stderr, "taama narration: unknown language '%s'\n", langs[i]);
            continue;
        }
        CliCtx x = {out, l->code, 0, 0};
        fprintf(out, "%s\t%s\tnormal\t%s\n", l->code, NARRATION_LANGUAGE_NAME, l->native);
        narration_foreach_text(c, l->code, emit, &x);
        if (x.untranslated)
            fprintf(stderr, "taama narration: %s: %d of %d texts are not translated yet\n",
                    l->code, x.untranslated, x.untranslated + x.written);
    }
    content_free(c);
    return ferror(out) ? 2 : 0;
}
