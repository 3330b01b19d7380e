/* content.c: the Content (arenas, modules, contacts, issues and the POT's
 * string list), loading a content folder, and the queries of content.h.
 *
 * Files are parsed in content_yaml.c and content_parse.c (see
 * content_internal.h); nothing here aborts on bad input. All strings live
 * in a few arenas owned by the Content, so freeing is one pass.
 * Translatable strings are recorded with their file and line as they are
 * read, which is what content_foreach_string() replays for the POT. */
#include "content/content.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content/content_internal.h"
#include "core/vec.h"

/* ---- memory ------------------------------------------------------------ */

static void *pool_alloc(Content *c, size_t n)
{
    void *p = c->n_arenas ? arena_alloc(c->arenas[c->n_arenas - 1], n) : NULL;
    if (p)
        return p;
    if (VEC_RESERVE(c->arenas, c->cap_arenas, (size_t)c->n_arenas + 1) != ERR_OK)
        goto oom;
    Arena *a = arena_new(n + 16 > ARENA_BLOCK ? n + 16 : ARENA_BLOCK);
    if (!a)
        goto oom;
    c->arenas[c->n_arenas++] = a;
    p = arena_alloc(a, n);
    if (p)
        return p;
oom:
    c->oom = 1;
    return NULL;
}

const char *content_strndup(Content *c, const char *s, size_t n)
{
    char *p = pool_alloc(c, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static const char *pool_printf(Content *c, const char *fmt, va_list ap) LOG_PRINTF(2, 0);
static const char *pool_printf(Content *c, const char *fmt, va_list ap)
{
    char buf[512];
    vsnprintf(buf, sizeof buf, fmt, ap);
    return content_strndup(c, buf, strlen(buf));
}

void content_add_issue(Content *c, ContentSeverity sev, const char *file, int line,
                      const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *msg = pool_printf(c, fmt, ap);
    va_end(ap);
    if (!msg || VEC_RESERVE(c->issues, c->cap_issues, (size_t)c->n_issues + 1) != ERR_OK) {
        c->oom = 1;
        return;
    }
    c->issues[c->n_issues++] = (ContentIssue){
        .file = file, .line = line, .message = msg, .severity = sev};
}

/* ---- load ---------------------------------------------------------------- */

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_module(const void *a, const void *b)
{
    const Module *x = a, *y = b;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* Module file names, sorted so loading (and so duplicate detection and the
 * POT) does not depend on directory order. */
static void load_modules(Content *c)
{
    char mdir[PATH_MAX];
    snprintf(mdir, sizeof mdir, "%s/modules", c->dir);
    DIR *d = opendir(mdir);
    if (!d) {
        content_add_issue(c, CONTENT_ERROR, content_strndup(c, mdir, strlen(mdir)), 0,
                  "no modules folder: %s", strerror(errno));
        return;
    }
    char *names[MAX_MODULE_FILES];
    int n = 0, too_many = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || !ends_with(e->d_name, ".yaml"))
            continue;
        if (n == MAX_MODULE_FILES) {
            too_many = 1;
            continue;
        }
        char path[PATH_MAX];
        int len = snprintf(path, sizeof path, "%s/%s", mdir, e->d_name);
        if (len < 0 || (size_t)len >= sizeof path)
            continue;
        names[n] = (char *)content_strndup(c, path, (size_t)len);
        if (!names[n])
            break;
        n++;
    }
    closedir(d);
    if (too_many)
        content_add_issue(c, CONTENT_ERROR, content_strndup(c, mdir, strlen(mdir)), 0,
                  "more than %d module files; the rest are ignored", MAX_MODULE_FILES);
    qsort(names, (size_t)n, sizeof names[0], cmp_str);
    for (int i = 0; i < n && !c->oom; i++)
        content_parse_module(c, names[i]);
    if (c->n_modules > 1)
        qsort(c->modules, (size_t)c->n_modules, sizeof *c->modules, cmp_module);
}

Content *content_load(const char *dir, Err *why)
{
    Err dummy;
    if (!why)
        why = &dummy;
    *why = ERR_OK;
    if (!dir) {
        *why = ERR_INVALID;
        return NULL;
    }
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        *why = stat(dir, &st) != 0 ? err_from_errno(errno) : ERR_NOTFOUND;
        log_error("content: cannot read folder %s", dir);
        return NULL;
    }
    Content *c = calloc(1, sizeof *c);
    if (!c || !(c->dir = strdup(dir)))
        goto oom;
    size_t dl = strlen(c->dir);
    while (dl > 1 && c->dir[dl - 1] == '/')
        c->dir[--dl] = '\0';

    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/contacts.yaml", c->dir);
    const char *cfile = content_strndup(c, path, strlen(path));
    if (cfile) {
        if (access(path, F_OK) != 0)
            content_add_issue(c, CONTENT_ERROR, cfile, 0,
                      "no contacts file: end cards will show no help contact");
        else
            content_parse_contacts(c, cfile);
    }
    /* Contacts first, so end cards can check their references as they load. */
    load_modules(c);
    if (c->oom)
        goto oom;
    /* One warning for the admin ring, details at info level (`taama content
     * check` prints them all without the journal). */
    int errors = 0;
    for (int i = 0; i < c->n_issues; i++) {
        const ContentIssue *is = &c->issues[i];
        errors += is->severity == CONTENT_ERROR;
        log_info("content: %s:%d: %s", is->file, is->line, is->message);
    }
    if (errors)
        log_warn("content: %d problem%s in %s; run `taama content check`", errors,
                 errors == 1 ? "" : "s", c->dir);
    return c;
oom:
    content_free(c);
    *why = ERR_NOMEM;
    return NULL;
}

void content_free(Content *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->n_arenas; i++)
        arena_free(c->arenas[i]);
    free(c->arenas);
    free(c->modules);
    free(c->contacts);
    free(c->issues);
    free(c->refs);
    free(c->dir);
    free(c);
}

/* ---- accessors ------------------------------------------------------------- */

const char *content_dir(const Content *c) { return c->dir; }

int content_module_count(const Content *c) { return c ? c->n_modules : 0; }

const Module *content_module(const Content *c, int i)
{
    return c && i >= 0 && i < c->n_modules ? &c->modules[i] : NULL;
}

const Module *content_find_module(const Content *c, const char *id)
{
    for (int i = 0; c && id && i < c->n_modules; i++)
        if (!strcmp(c->modules[i].id, id))
            return &c->modules[i];
    return NULL;
}

int content_contact_count(const Content *c) { return c ? c->n_contacts : 0; }

const Contact *content_contact(const Content *c, int i)
{
    return c && i >= 0 && i < c->n_contacts ? &c->contacts[i] : NULL;
}

const Contact *content_find_contact(const Content *c, const char *id)
{
    for (int i = 0; c && id && i < c->n_contacts; i++)
        if (!strcmp(c->contacts[i].id, id))
            return &c->contacts[i];
    return NULL;
}

int content_issue_count(const Content *c) { return c ? c->n_issues : 0; }

const ContentIssue *content_issue(const Content *c, int i)
{
    return c && i >= 0 && i < c->n_issues ? &c->issues[i] : NULL;
}

void content_foreach_string(const Content *c,
                            void (*cb)(void *ctx, const char *s, const char *file, int line),
                            void *ctx)
{
    for (int i = 0; c && i < c->n_refs; i++)
        cb(ctx, c->refs[i].s, c->refs[i].file, c->refs[i].line);
}

Err content_path(const Content *c, const char *rel, char *buf, size_t size)
{
    if (!c || !rel || !buf || !size)
        return ERR_INVALID;
    if (!content_valid_path(rel))
        return ERR_PATH;
    int n = snprintf(buf, size, "%s/%s", c->dir, rel);
    return n < 0 || (size_t)n >= size ? ERR_TOOBIG : ERR_OK;
}

Err content_audio_path(const Content *c, const char *lang, const char *key, char *buf,
                       size_t size)
{
    if (!c || !lang || !key || !buf || !size)
        return ERR_INVALID;
    if (!content_valid_key(lang) || !content_valid_key(key))
        return ERR_PATH;
    int n = snprintf(buf, size, "%s/audio/%s/%s.wav", c->dir, lang, key);
    return n < 0 || (size_t)n >= size ? ERR_TOOBIG : ERR_OK;
}
