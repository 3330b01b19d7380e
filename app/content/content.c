/* content.c: load awareness modules and help contacts from YAML.
 *
 * Files are parsed by libyaml's document API; this file only walks the node
 * tree and checks it against the documented format (docs/content-format.md).
 * A bad module file is skipped with one issue per problem (file and line);
 * nothing here aborts on bad input. All strings live in a few arenas owned
 * by the Content, so freeing is one pass. Translatable strings are recorded
 * with their file and line as they are read, which is what
 * content_foreach_string() replays for the POT. */
#include "content/content.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "core/arena.h"
#include "core/log.h"

enum {
    ARENA_BLOCK = 64 * 1024,
    MAX_FILE_BYTES = 256 * 1024, /* a module is a few KB; refuse hostile files */
    MAX_MODULE_FILES = 256,
    MAX_CONTACTS = 256,
    MAX_STRING_BYTES = 2048, /* far above any slide; stops pasted novels */
    MAX_PATH_BYTES = 512,
};

typedef struct {
    const char *s;
    const char *file;
    int line;
} StrRef;

struct Content {
    char *dir;
    Module *modules;
    int n_modules, cap_modules;
    Contact *contacts;
    int n_contacts, cap_contacts;
    ContentIssue *issues;
    int n_issues, cap_issues;
    StrRef *refs;
    int n_refs, cap_refs;
    Arena **arenas;
    int n_arenas, cap_arenas;
    int oom;
};

/* ---- memory ------------------------------------------------------------ */

/* Grow *arr so it holds at least need elements; 0 on success. */
static int grow(void *arr, int *cap, int need, size_t elem)
{
    void **p = arr;
    if (need <= *cap)
        return 0;
    int ncap = *cap ? *cap * 2 : 16;
    while (ncap < need)
        ncap *= 2;
    void *q = realloc(*p, (size_t)ncap * elem);
    if (!q)
        return -1;
    *p = q;
    *cap = ncap;
    return 0;
}

static void *pool_alloc(Content *c, size_t n)
{
    void *p = c->n_arenas ? arena_alloc(c->arenas[c->n_arenas - 1], n) : NULL;
    if (p)
        return p;
    if (grow(&c->arenas, &c->cap_arenas, c->n_arenas + 1, sizeof *c->arenas) != 0)
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

static const char *pool_strndup(Content *c, const char *s, size_t n)
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
    return pool_strndup(c, buf, strlen(buf));
}

static void add_issue(Content *c, ContentSeverity sev, const char *file, int line,
                      const char *fmt, ...) LOG_PRINTF(5, 6);

static void add_issue(Content *c, ContentSeverity sev, const char *file, int line,
                      const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *msg = pool_printf(c, fmt, ap);
    va_end(ap);
    if (!msg || grow(&c->issues, &c->cap_issues, c->n_issues + 1, sizeof *c->issues) != 0) {
        c->oom = 1;
        return;
    }
    c->issues[c->n_issues++] = (ContentIssue){
        .file = file, .line = line, .message = msg, .severity = sev};
}

/* ---- YAML node helpers --------------------------------------------------- */

/* State while walking one file. errors counts problems that make the file's
 * module unusable. */
typedef struct {
    Content *c;
    yaml_document_t *doc;
    const char *file;
    int errors;
} Walk;

static void werr(Walk *w, const yaml_node_t *n, const char *fmt, ...) LOG_PRINTF(3, 4);

static int node_line(const yaml_node_t *n)
{
    return n ? (int)n->start_mark.line + 1 : 0;
}

static void werr(Walk *w, const yaml_node_t *n, const char *fmt, ...)
{
    char buf[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    add_issue(w->c, CONTENT_ERROR, w->file, node_line(n), "%s", buf);
    w->errors++;
}

static const char *kind_name(const yaml_node_t *n)
{
    switch (n->type) {
    case YAML_SCALAR_NODE: return "a single value";
    case YAML_SEQUENCE_NODE: return "a list";
    case YAML_MAPPING_NODE: return "a set of fields";
    default: return "empty";
    }
}

/* A plain empty, "~" or "null" scalar: YAML's null, treated as absent. */
static int is_null(const yaml_node_t *n)
{
    if (n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return 0;
    const char *v = (const char *)n->data.scalar.value;
    return !*v || !strcmp(v, "~") || !strcmp(v, "null") || !strcmp(v, "Null") ||
           !strcmp(v, "NULL");
}

static int key_is(const yaml_node_t *k, const char *name)
{
    return k && k->type == YAML_SCALAR_NODE && !strcmp((const char *)k->data.scalar.value, name);
}

/* The value for key in mapping m, or NULL (absent or null). */
static yaml_node_t *map_get(Walk *w, yaml_node_t *m, const char *key)
{
    for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(w->doc, p->key);
        if (key_is(k, key)) {
            yaml_node_t *v = yaml_document_get_node(w->doc, p->value);
            return v && !is_null(v) ? v : NULL;
        }
    }
    return NULL;
}

/* Report keys that are not scalars, repeated, or not in allowed (a typo such
 * as "tilte" would otherwise vanish silently). Unknown keys are warnings:
 * the module still works without them. */
static void check_keys(Walk *w, yaml_node_t *m, const char *const *allowed, const char *where)
{
    yaml_node_pair_t *start = m->data.mapping.pairs.start, *top = m->data.mapping.pairs.top;
    for (yaml_node_pair_t *p = start; p < top; p++) {
        yaml_node_t *k = yaml_document_get_node(w->doc, p->key);
        if (!k || k->type != YAML_SCALAR_NODE) {
            werr(w, k ? k : m, "%s: a field name must be a single word", where);
            continue;
        }
        const char *name = (const char *)k->data.scalar.value;
        for (yaml_node_pair_t *q = start; q < p; q++)
            if (key_is(yaml_document_get_node(w->doc, q->key), name)) {
                werr(w, k, "%s: field '%s' appears twice", where, name);
                break;
            }
        int known = 0;
        for (int i = 0; allowed[i]; i++)
            known |= !strcmp(allowed[i], name);
        if (!known)
            add_issue(w->c, CONTENT_WARNING, w->file, node_line(k),
                      "%s: unknown field '%s' ignored (misspelt?)", where, name);
    }
}

static void record_ref(Walk *w, const char *s, int line)
{
    Content *c = w->c;
    if (grow(&c->refs, &c->cap_refs, c->n_refs + 1, sizeof *c->refs) != 0) {
        c->oom = 1;
        return;
    }
    c->refs[c->n_refs++] = (StrRef){s, w->file, line};
}

enum { OPTIONAL = 0, REQUIRED = 1 };
enum { PLAIN = 0, TRANSLATE = 2 };

/* Read a text field. flags: REQUIRED and/or TRANSLATE. Translatable text
 * must be valid for a PO file: no control characters but newline and tab. */
static const char *get_text(Walk *w, yaml_node_t *m, const char *key, int flags,
                            const char *where)
{
    yaml_node_t *v = map_get(w, m, key);
    if (!v) {
        if (flags & REQUIRED)
            werr(w, m, "%s: required field '%s' is missing", where, key);
        return NULL;
    }
    if (v->type != YAML_SCALAR_NODE) {
        werr(w, v, "%s: '%s' must be text, not %s", where, key, kind_name(v));
        return NULL;
    }
    const char *s = (const char *)v->data.scalar.value;
    size_t n = v->data.scalar.length;
    if (strlen(s) != n) {
        werr(w, v, "%s: '%s' contains a NUL character", where, key);
        return NULL;
    }
    if (n > MAX_STRING_BYTES) {
        werr(w, v, "%s: '%s' is %zu bytes long (limit %d)", where, key, n, MAX_STRING_BYTES);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch < 0x20 && ch != '\n' && ch != '\t') || ch == 0x7f) {
            werr(w, v, "%s: '%s' contains a control character", where, key);
            return NULL;
        }
    }
    const char *copy = pool_strndup(w->c, s, n);
    if (copy && (flags & TRANSLATE))
        record_ref(w, copy, node_line(v));
    return copy;
}

static int get_int(Walk *w, yaml_node_t *m, const char *key, int required, int lo, int hi,
                   int dflt, const char *where, int *out)
{
    yaml_node_t *v = map_get(w, m, key);
    *out = dflt;
    if (!v) {
        if (required)
            werr(w, m, "%s: required field '%s' is missing", where, key);
        return required ? -1 : 0;
    }
    const char *s = v->type == YAML_SCALAR_NODE ? (const char *)v->data.scalar.value : "";
    char *end = NULL;
    errno = 0;
    long x = strtol(s, &end, 10);
    if (v->type != YAML_SCALAR_NODE || !*s || *end || errno) {
        werr(w, v, "%s: '%s' must be a whole number", where, key);
        return -1;
    }
    if (x < lo || x > hi) {
        werr(w, v, "%s: '%s' is %ld, allowed %d to %d", where, key, x, lo, hi);
        return -1;
    }
    *out = (int)x;
    return 0;
}

/* ids and narration keys become file names and lookup keys: keep them to
 * a small, safe alphabet. */
static int valid_id(const char *s)
{
    if (!*s || strlen(s) > 64)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return 0;
    return 1;
}

static int valid_key(const char *s)
{
    if (!*s || *s == '.' || strlen(s) > 96)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '-' || *s == '_' || *s == '.'))
            return 0;
    return 1;
}

/* A content path stays inside the content folder: relative, no "..". */
static int valid_rel_path(const char *p)
{
    if (!*p || *p == '/' || strlen(p) >= MAX_PATH_BYTES || strchr(p, '\\'))
        return 0;
    for (const char *s = p; *s;) {
        const char *e = strchr(s, '/');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n == 0 || (n == 2 && s[0] == '.' && s[1] == '.'))
            return 0;
        s += n + (e ? 1 : 0);
    }
    return 1;
}

/* An image or icon path: a format error if unsafe, a (non-fatal) error
 * issue if the file is missing, since the module can still be shown. */
static const char *get_image(Walk *w, yaml_node_t *m, const char *key, int required,
                             const char *where)
{
    const char *p = get_text(w, m, key, required ? REQUIRED : OPTIONAL, where);
    if (!p)
        return NULL;
    yaml_node_t *v = map_get(w, m, key);
    if (!valid_rel_path(p)) {
        werr(w, v, "%s: '%s' must be a path inside the content folder, like images/x.svg",
             where, key);
        return NULL;
    }
    char full[PATH_MAX];
    struct stat st;
    int n = snprintf(full, sizeof full, "%s/%s", w->c->dir, p);
    if (n < 0 || (size_t)n >= sizeof full || stat(full, &st) != 0 || !S_ISREG(st.st_mode))
        add_issue(w->c, CONTENT_ERROR, w->file, node_line(v), "%s: image '%s' not found", where,
                  p);
    return p;
}

/* The narration key: given in the file, or derived from the module id and
 * the screen ("journey-risks-slide-2", "journey-risks-end") so every screen
 * has a stable file name under audio/<lang>/ without editing the YAML. */
static const char *get_audio(Walk *w, yaml_node_t *m, const char *where, const char *id,
                             const char *screen, int n)
{
    const char *k = get_text(w, m, "audio", OPTIONAL, where);
    if (k && !valid_key(k)) {
        werr(w, map_get(w, m, "audio"), "%s: narration key '%s' may use only letters, digits, "
             "'-', '_' and '.'", where, k);
        return NULL;
    }
    if (k || !id)
        return k;
    char buf[128];
    if (n > 0)
        snprintf(buf, sizeof buf, "%s-%s-%d", id, screen, n);
    else
        snprintf(buf, sizeof buf, "%s-%s", id, screen);
    return pool_strndup(w->c, buf, strlen(buf));
}

static yaml_node_t *get_seq(Walk *w, yaml_node_t *m, const char *key, int required,
                            const char *where)
{
    yaml_node_t *v = map_get(w, m, key);
    if (!v) {
        if (required)
            werr(w, m, "%s: required list '%s' is missing", where, key);
        return NULL;
    }
    if (v->type != YAML_SEQUENCE_NODE) {
        werr(w, v, "%s: '%s' must be a list, not %s", where, key, kind_name(v));
        return NULL;
    }
    return v;
}

static yaml_node_t *get_map(Walk *w, yaml_node_t *m, const char *key, int required,
                            const char *where)
{
    yaml_node_t *v = map_get(w, m, key);
    if (!v) {
        if (required)
            werr(w, m, "%s: required section '%s' is missing", where, key);
        return NULL;
    }
    if (v->type != YAML_MAPPING_NODE) {
        werr(w, v, "%s: '%s' must be a set of fields, not %s", where, key, kind_name(v));
        return NULL;
    }
    return v;
}

static int seq_len(const yaml_node_t *s)
{
    return (int)(s->data.sequence.items.top - s->data.sequence.items.start);
}

static yaml_node_t *seq_item(Walk *w, yaml_node_t *s, int i)
{
    return yaml_document_get_node(w->doc, s->data.sequence.items.start[i]);
}

/* ---- files ------------------------------------------------------------- */

/* Read and parse path into doc. On failure reports an issue and returns -1
 * (doc then needs no delete). */
static int load_yaml(Content *c, const char *path, yaml_document_t *doc)
{
    int rc = -1;
    unsigned char *buf = NULL;
    yaml_parser_t parser;
    int parser_ok = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        add_issue(c, CONTENT_ERROR, path, 0, "cannot open: %s", strerror(errno));
        return -1;
    }
    buf = malloc(MAX_FILE_BYTES + 1);
    if (!buf) {
        c->oom = 1;
        goto out;
    }
    size_t n = fread(buf, 1, MAX_FILE_BYTES + 1, f);
    if (ferror(f)) {
        add_issue(c, CONTENT_ERROR, path, 0, "read error");
        goto out;
    }
    if (n > MAX_FILE_BYTES) {
        add_issue(c, CONTENT_ERROR, path, 0, "file larger than %d bytes, skipped", MAX_FILE_BYTES);
        goto out;
    }
    if (!yaml_parser_initialize(&parser)) {
        c->oom = 1;
        goto out;
    }
    parser_ok = 1;
    yaml_parser_set_input_string(&parser, buf, n);
    if (!yaml_parser_load(&parser, doc)) {
        const char *problem = parser.problem ? parser.problem : "unreadable YAML";
        int line = (int)parser.problem_mark.line + 1;
        if (parser.context)
            add_issue(c, CONTENT_ERROR, path, line, "YAML syntax error: %s (%s from line %d)",
                      problem, parser.context, (int)parser.context_mark.line + 1);
        else
            add_issue(c, CONTENT_ERROR, path, line, "YAML syntax error: %s", problem);
        goto out;
    }
    if (!yaml_document_get_root_node(doc)) {
        add_issue(c, CONTENT_ERROR, path, 1, "file is empty");
        yaml_document_delete(doc);
        goto out;
    }
    /* A second document would be silently ignored; say so instead. */
    yaml_document_t extra;
    if (yaml_parser_load(&parser, &extra)) {
        yaml_node_t *r = yaml_document_get_root_node(&extra);
        if (r)
            add_issue(c, CONTENT_WARNING, path, node_line(r),
                      "a second YAML document ('---') is ignored");
        yaml_document_delete(&extra);
    }
    rc = 0;
out:
    if (parser_ok)
        yaml_parser_delete(&parser);
    free(buf);
    fclose(f);
    return rc;
}

static const char *const MODULE_KEYS[] = {"id", "order", "audience", "icon", "title",
                                          "summary", "slides", "quiz", "end", NULL};
static const char *const SLIDE_KEYS[] = {"title", "body", "image", "audio", NULL};
static const char *const QUIZ_KEYS[] = {"question", "answers", "correct", "explain", "audio",
                                        NULL};
static const char *const ANSWER_KEYS[] = {"text", "icon", NULL};
static const char *const END_KEYS[] = {"title", "body", "contact", "image", "audio", NULL};
static const char *const CONTACT_KEYS[] = {"id", "name", "number", "description", "hours",
                                           "place", NULL};

static const struct {
    const char *name;
    Audience bit;
} AUDIENCES[] = {
    {"women", AUDIENCE_WOMEN}, {"children", AUDIENCE_CHILDREN}, {"everyone", AUDIENCE_EVERYONE}};

static unsigned audience_bit(const yaml_node_t *n)
{
    if (n->type != YAML_SCALAR_NODE)
        return 0;
    for (size_t i = 0; i < sizeof AUDIENCES / sizeof AUDIENCES[0]; i++)
        if (!strcmp((const char *)n->data.scalar.value, AUDIENCES[i].name))
            return AUDIENCES[i].bit;
    return 0;
}

static void parse_audience(Walk *w, yaml_node_t *root, Module *m)
{
    yaml_node_t *v = map_get(w, root, "audience");
    if (!v) {
        werr(w, root, "module: required field 'audience' is missing (women, children or everyone)");
        return;
    }
    int n = v->type == YAML_SEQUENCE_NODE ? seq_len(v) : 1;
    if (v->type == YAML_MAPPING_NODE || n == 0) {
        werr(w, v, "module: 'audience' must be women, children or everyone, or a list of them");
        return;
    }
    for (int i = 0; i < n; i++) {
        yaml_node_t *t = v->type == YAML_SEQUENCE_NODE ? seq_item(w, v, i) : v;
        unsigned bit = t ? audience_bit(t) : 0;
        if (!bit) {
            werr(w, t ? t : v, "module: unknown audience '%s' (use women, children or everyone)",
                 t && t->type == YAML_SCALAR_NODE ? (const char *)t->data.scalar.value : "?");
            continue;
        }
        m->audience |= bit;
    }
}

static void parse_slides(Walk *w, yaml_node_t *root, Module *m)
{
    yaml_node_t *seq = get_seq(w, root, "slides", REQUIRED, "module");
    if (!seq)
        return;
    int n = seq_len(seq);
    if (n < 1 || n > CONTENT_MAX_SLIDES) {
        werr(w, seq, "module: %d slides, allowed 1 to %d", n, CONTENT_MAX_SLIDES);
        return;
    }
    for (int i = 0; i < n; i++) {
        char where[32];
        snprintf(where, sizeof where, "slide %d", i + 1);
        yaml_node_t *s = seq_item(w, seq, i);
        if (!s || s->type != YAML_MAPPING_NODE) {
            werr(w, s ? s : seq, "%s: must be a set of fields (title, body, image)", where);
            continue;
        }
        check_keys(w, s, SLIDE_KEYS, where);
        Slide *sl = &m->slides[i];
        sl->title = get_text(w, s, "title", REQUIRED | TRANSLATE, where);
        sl->body = get_text(w, s, "body", REQUIRED | TRANSLATE, where);
        sl->image = get_image(w, s, "image", OPTIONAL, where);
        sl->audio = get_audio(w, s, where, m->id, "slide", i + 1);
    }
    m->n_slides = n;
}

static void parse_question(Walk *w, yaml_node_t *q, QuizQuestion *qq, const char *where)
{
    check_keys(w, q, QUIZ_KEYS, where);
    qq->question = get_text(w, q, "question", REQUIRED | TRANSLATE, where);
    yaml_node_t *ans = get_seq(w, q, "answers", REQUIRED, where);
    if (ans) {
        int n = seq_len(ans);
        if (n < 2 || n > CONTENT_MAX_ANSWERS) {
            werr(w, ans, "%s: %d answers, allowed 2 to %d", where, n, CONTENT_MAX_ANSWERS);
        } else {
            for (int j = 0; j < n; j++) {
                char aw[64];
                snprintf(aw, sizeof aw, "%s, answer %d", where, j + 1);
                yaml_node_t *a = seq_item(w, ans, j);
                if (!a || a->type != YAML_MAPPING_NODE) {
                    werr(w, a ? a : ans, "%s: must be a set of fields (text, icon)", aw);
                    continue;
                }
                check_keys(w, a, ANSWER_KEYS, aw);
                qq->answers[j].text = get_text(w, a, "text", REQUIRED | TRANSLATE, aw);
                qq->answers[j].icon = get_image(w, a, "icon", REQUIRED, aw);
            }
            qq->n_answers = n;
        }
    }
    /* correct counts from 1 in the file ("the second answer" is 2), the way
     * a content editor would say it; stored 0-based. */
    int correct = 0;
    yaml_node_t *cn = map_get(w, q, "correct");
    if (get_int(w, q, "correct", REQUIRED, INT_MIN, INT_MAX, 0, where, &correct) == 0 &&
        qq->n_answers) {
        if (correct < 1 || correct > qq->n_answers)
            werr(w, cn, "%s: 'correct' is %d but the answers are numbered 1 to %d", where, correct,
                 qq->n_answers);
        else
            qq->correct = correct - 1;
    }
    qq->explain = get_text(w, q, "explain", REQUIRED | TRANSLATE, where);
}

static void parse_quiz(Walk *w, yaml_node_t *root, Module *m)
{
    yaml_node_t *seq = get_seq(w, root, "quiz", OPTIONAL, "module");
    if (!seq)
        return;
    int n = seq_len(seq);
    if (n > CONTENT_MAX_QUIZ) {
        werr(w, seq, "module: %d quiz questions, allowed at most %d", n, CONTENT_MAX_QUIZ);
        return;
    }
    for (int i = 0; i < n; i++) {
        char where[32];
        snprintf(where, sizeof where, "quiz question %d", i + 1);
        yaml_node_t *q = seq_item(w, seq, i);
        if (!q || q->type != YAML_MAPPING_NODE) {
            werr(w, q ? q : seq, "%s: must be a set of fields (question, answers, correct, "
                 "explain)", where);
            continue;
        }
        QuizQuestion *qq = &m->quiz[i];
        parse_question(w, q, qq, where);
        qq->audio = get_audio(w, q, where, m->id, "quiz", i + 1);
    }
    m->n_quiz = n;
}

static void parse_end(Walk *w, yaml_node_t *root, Module *m)
{
    yaml_node_t *e = get_map(w, root, "end", REQUIRED, "module");
    if (!e)
        return;
    check_keys(w, e, END_KEYS, "end card");
    m->end.title = get_text(w, e, "title", REQUIRED | TRANSLATE, "end card");
    m->end.body = get_text(w, e, "body", REQUIRED | TRANSLATE, "end card");
    m->end.image = get_image(w, e, "image", OPTIONAL, "end card");
    m->end.audio = get_audio(w, e, "end card", m->id, "end", 0);
    const char *cid = get_text(w, e, "contact", OPTIONAL, "end card");
    if (cid && !content_find_contact(w->c, cid)) {
        add_issue(w->c, CONTENT_ERROR, w->file, node_line(map_get(w, e, "contact")),
                  "end card: contact '%s' is not in contacts.yaml", cid);
        cid = NULL; /* the UI then shows the action text alone */
    }
    m->end.contact_id = cid;
}

static void parse_module_file(Content *c, const char *file)
{
    yaml_document_t doc;
    if (load_yaml(c, file, &doc) != 0)
        return;
    Walk w = {c, &doc, file, 0};
    int ref_mark = c->n_refs;
    Module m;
    memset(&m, 0, sizeof m);
    m.file = file;
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (root->type != YAML_MAPPING_NODE) {
        werr(&w, root, "a module file must be a set of fields (id, title, slides, ...), not %s",
             kind_name(root));
        goto out;
    }
    check_keys(&w, root, MODULE_KEYS, "module");
    m.id = get_text(&w, root, "id", REQUIRED, "module");
    if (m.id && !valid_id(m.id)) {
        werr(&w, map_get(&w, root, "id"), "module: id '%s' may use only a-z, 0-9 and '-'", m.id);
        m.id = NULL;
    }
    if (m.id) {
        const Module *other = content_find_module(c, m.id);
        if (other) {
            werr(&w, map_get(&w, root, "id"), "module: id '%s' is already used by %s", m.id,
                 other->file);
            m.id = NULL;
        }
    }
    get_int(&w, root, "order", OPTIONAL, -1000000, 1000000, 0, "module", &m.order);
    parse_audience(&w, root, &m);
    m.icon = get_image(&w, root, "icon", REQUIRED, "module");
    m.title = get_text(&w, root, "title", REQUIRED | TRANSLATE, "module");
    m.summary = get_text(&w, root, "summary", REQUIRED | TRANSLATE, "module");
    parse_slides(&w, root, &m);
    parse_quiz(&w, root, &m);
    parse_end(&w, root, &m);
out:
    if (w.errors == 0 && !c->oom &&
        grow(&c->modules, &c->cap_modules, c->n_modules + 1, sizeof *c->modules) == 0) {
        c->modules[c->n_modules++] = m;
    } else {
        /* Drop the strings of the skipped module from the POT walk, and tell
         * the reader plainly what happened after the detailed problems. */
        c->n_refs = ref_mark;
        if (!c->oom)
            add_issue(c, CONTENT_ERROR, file, 0, "module skipped: %d problem%s", w.errors,
                      w.errors == 1 ? "" : "s");
    }
    yaml_document_delete(&doc);
}

static void parse_contacts(Content *c, const char *file)
{
    yaml_document_t doc;
    if (load_yaml(c, file, &doc) != 0)
        return;
    Walk w = {c, &doc, file, 0};
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    static const char *const ROOT_KEYS[] = {"contacts", NULL};
    yaml_node_t *seq = NULL;
    if (root->type != YAML_MAPPING_NODE) {
        werr(&w, root, "contacts file must start with 'contacts:'");
        goto out;
    }
    check_keys(&w, root, ROOT_KEYS, "contacts file");
    seq = get_seq(&w, root, "contacts", REQUIRED, "contacts file");
    if (!seq)
        goto out;
    if (seq_len(seq) > MAX_CONTACTS) {
        werr(&w, seq, "contacts file: %d contacts, allowed at most %d", seq_len(seq),
             MAX_CONTACTS);
        goto out;
    }
    for (int i = 0; i < seq_len(seq); i++) {
        char where[32];
        snprintf(where, sizeof where, "contact %d", i + 1);
        yaml_node_t *e = seq_item(&w, seq, i);
        int mark = c->n_refs, errs = w.errors;
        if (!e || e->type != YAML_MAPPING_NODE) {
            werr(&w, e ? e : seq, "%s: must be a set of fields (id, name, number, ...)", where);
            continue;
        }
        check_keys(&w, e, CONTACT_KEYS, where);
        Contact k = {0};
        k.id = get_text(&w, e, "id", REQUIRED, where);
        if (k.id && !valid_id(k.id))
            werr(&w, map_get(&w, e, "id"), "%s: id '%s' may use only a-z, 0-9 and '-'", where,
                 k.id);
        else if (k.id && content_find_contact(c, k.id))
            werr(&w, map_get(&w, e, "id"), "%s: id '%s' is used twice", where, k.id);
        k.name = get_text(&w, e, "name", REQUIRED | TRANSLATE, where);
        k.number = get_text(&w, e, "number", OPTIONAL, where);
        k.description = get_text(&w, e, "description", REQUIRED | TRANSLATE, where);
        k.hours = get_text(&w, e, "hours", OPTIONAL | TRANSLATE, where);
        k.place = get_text(&w, e, "place", OPTIONAL | TRANSLATE, where);
        if (w.errors == errs && !k.number && !k.place)
            werr(&w, e, "%s: give a 'number' or a 'place', or both", where);
        if (w.errors != errs || c->oom ||
            grow(&c->contacts, &c->cap_contacts, c->n_contacts + 1, sizeof *c->contacts) != 0) {
            c->n_refs = mark;
            add_issue(c, CONTENT_ERROR, file, node_line(e), "%s skipped", where);
            continue;
        }
        c->contacts[c->n_contacts++] = k;
    }
out:
    yaml_document_delete(&doc);
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
        add_issue(c, CONTENT_ERROR, pool_strndup(c, mdir, strlen(mdir)), 0,
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
        names[n] = (char *)pool_strndup(c, path, (size_t)len);
        if (!names[n])
            break;
        n++;
    }
    closedir(d);
    if (too_many)
        add_issue(c, CONTENT_ERROR, pool_strndup(c, mdir, strlen(mdir)), 0,
                  "more than %d module files; the rest are ignored", MAX_MODULE_FILES);
    qsort(names, (size_t)n, sizeof names[0], cmp_str);
    for (int i = 0; i < n && !c->oom; i++)
        parse_module_file(c, names[i]);
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
    const char *cfile = pool_strndup(c, path, strlen(path));
    if (cfile) {
        if (access(path, F_OK) != 0)
            add_issue(c, CONTENT_ERROR, cfile, 0,
                      "no contacts file: end cards will show no help contact");
        else
            parse_contacts(c, cfile);
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
    if (!valid_rel_path(rel))
        return ERR_PATH;
    int n = snprintf(buf, size, "%s/%s", c->dir, rel);
    return n < 0 || (size_t)n >= size ? ERR_TOOBIG : ERR_OK;
}

Err content_audio_path(const Content *c, const char *lang, const char *key, char *buf,
                       size_t size)
{
    if (!c || !lang || !key || !buf || !size)
        return ERR_INVALID;
    if (!valid_key(lang) || !valid_key(key))
        return ERR_PATH;
    int n = snprintf(buf, size, "%s/audio/%s/%s.wav", c->dir, lang, key);
    return n < 0 || (size_t)n >= size ? ERR_TOOBIG : ERR_OK;
}
