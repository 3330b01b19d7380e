/* content_yaml.c: reading one YAML file with libyaml's document API, and
 * the walk_* helpers that check its nodes against the documented format
 * (docs/content-format.md): each problem becomes one issue with its file
 * and line; nothing here aborts on bad input. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content/content_internal.h"
#include "core/vec.h"

/* ---- YAML node helpers --------------------------------------------------- */

int walk_line(const yaml_node_t *n)
{
    return n ? (int)n->start_mark.line + 1 : 0;
}

void walk_error(Walk *w, const yaml_node_t *n, const char *fmt, ...)
{
    char buf[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    content_add_issue(w->c, CONTENT_ERROR, w->file, walk_line(n), "%s", buf);
    w->errors++;
}

const char *walk_kind(const yaml_node_t *n)
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
yaml_node_t *walk_get(Walk *w, yaml_node_t *m, const char *key)
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
void walk_check_keys(Walk *w, yaml_node_t *m, const char *const *allowed, const char *where)
{
    yaml_node_pair_t *start = m->data.mapping.pairs.start, *top = m->data.mapping.pairs.top;
    for (yaml_node_pair_t *p = start; p < top; p++) {
        yaml_node_t *k = yaml_document_get_node(w->doc, p->key);
        if (!k || k->type != YAML_SCALAR_NODE) {
            walk_error(w, k ? k : m, "%s: a field name must be a single word", where);
            continue;
        }
        const char *name = (const char *)k->data.scalar.value;
        for (yaml_node_pair_t *q = start; q < p; q++)
            if (key_is(yaml_document_get_node(w->doc, q->key), name)) {
                walk_error(w, k, "%s: field '%s' appears twice", where, name);
                break;
            }
        int known = 0;
        for (int i = 0; allowed[i]; i++)
            known |= !strcmp(allowed[i], name);
        if (!known)
            content_add_issue(w->c, CONTENT_WARNING, w->file, walk_line(k),
                      "%s: unknown field '%s' ignored (misspelt?)", where, name);
    }
}

static void record_ref(Walk *w, const char *s, int line)
{
    Content *c = w->c;
    if (VEC_RESERVE(c->refs, c->cap_refs, (size_t)c->n_refs + 1) != ERR_OK) {
        c->oom = 1;
        return;
    }
    c->refs[c->n_refs++] = (StrRef){s, w->file, line};
}

/* Read a text field. flags: WALK_REQUIRED and/or WALK_TRANSLATE. Translatable text
 * must be valid for a PO file: no control characters but newline and tab. */
const char *walk_text(Walk *w, yaml_node_t *m, const char *key, int flags,
                            const char *where)
{
    yaml_node_t *v = walk_get(w, m, key);
    if (!v) {
        if (flags & WALK_REQUIRED)
            walk_error(w, m, "%s: required field '%s' is missing", where, key);
        return NULL;
    }
    if (v->type != YAML_SCALAR_NODE) {
        walk_error(w, v, "%s: '%s' must be text, not %s", where, key, walk_kind(v));
        return NULL;
    }
    const char *s = (const char *)v->data.scalar.value;
    size_t n = v->data.scalar.length;
    if (strlen(s) != n) {
        walk_error(w, v, "%s: '%s' contains a NUL character", where, key);
        return NULL;
    }
    if (n > MAX_STRING_BYTES) {
        walk_error(w, v, "%s: '%s' is %zu bytes long (limit %d)", where, key, n, MAX_STRING_BYTES);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch < 0x20 && ch != '\n' && ch != '\t') || ch == 0x7f) {
            walk_error(w, v, "%s: '%s' contains a control character", where, key);
            return NULL;
        }
    }
    const char *copy = content_strndup(w->c, s, n);
    if (copy && (flags & WALK_TRANSLATE))
        record_ref(w, copy, walk_line(v));
    return copy;
}

int walk_int(Walk *w, yaml_node_t *m, const char *key, int required, int lo, int hi,
                   int dflt, const char *where, int *out)
{
    yaml_node_t *v = walk_get(w, m, key);
    *out = dflt;
    if (!v) {
        if (required)
            walk_error(w, m, "%s: required field '%s' is missing", where, key);
        return required ? -1 : 0;
    }
    const char *s = v->type == YAML_SCALAR_NODE ? (const char *)v->data.scalar.value : "";
    char *end = NULL;
    errno = 0;
    long x = strtol(s, &end, 10);
    if (v->type != YAML_SCALAR_NODE || !*s || *end || errno) {
        walk_error(w, v, "%s: '%s' must be a whole number", where, key);
        return -1;
    }
    if (x < lo || x > hi) {
        walk_error(w, v, "%s: '%s' is %ld, allowed %d to %d", where, key, x, lo, hi);
        return -1;
    }
    *out = (int)x;
    return 0;
}

/* ids and narration keys become file names and lookup keys: keep them to
 * a small, safe alphabet. */
int content_valid_id(const char *s)
{
    if (!*s || strlen(s) > 64)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return 0;
    return 1;
}

int content_valid_key(const char *s)
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
int content_valid_path(const char *p)
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
const char *walk_image(Walk *w, yaml_node_t *m, const char *key, int required,
                             const char *where)
{
    const char *p = walk_text(w, m, key, required ? WALK_REQUIRED : WALK_OPTIONAL, where);
    if (!p)
        return NULL;
    yaml_node_t *v = walk_get(w, m, key);
    if (!content_valid_path(p)) {
        walk_error(w, v, "%s: '%s' must be a path inside the content folder, like images/x.svg",
             where, key);
        return NULL;
    }
    char full[PATH_MAX];
    struct stat st;
    int n = snprintf(full, sizeof full, "%s/%s", w->c->dir, p);
    if (n < 0 || (size_t)n >= sizeof full || stat(full, &st) != 0 || !S_ISREG(st.st_mode))
        content_add_issue(w->c, CONTENT_ERROR, w->file, walk_line(v), "%s: image '%s' not found", where,
                  p);
    return p;
}

/* The narration key: given in the file, or derived from the module id and
 * the screen ("journey-risks-slide-2", "journey-risks-end") so every screen
 * has a stable file name under audio/<lang>/ without editing the YAML. */
const char *walk_audio(Walk *w, yaml_node_t *m, const char *where, const char *id,
                             const char *screen, int n)
{
    const char *k = walk_text(w, m, "audio", WALK_OPTIONAL, where);
    if (k && !content_valid_key(k)) {
        walk_error(w, walk_get(w, m, "audio"), "%s: narration key '%s' may use only letters, digits, "
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
    return content_strndup(w->c, buf, strlen(buf));
}

yaml_node_t *walk_seq(Walk *w, yaml_node_t *m, const char *key, int required,
                            const char *where)
{
    yaml_node_t *v = walk_get(w, m, key);
    if (!v) {
        if (required)
            walk_error(w, m, "%s: required list '%s' is missing", where, key);
        return NULL;
    }
    if (v->type != YAML_SEQUENCE_NODE) {
        walk_error(w, v, "%s: '%s' must be a list, not %s", where, key, walk_kind(v));
        return NULL;
    }
    return v;
}

yaml_node_t *walk_map(Walk *w, yaml_node_t *m, const char *key, int required,
                            const char *where)
{
    yaml_node_t *v = walk_get(w, m, key);
    if (!v) {
        if (required)
            walk_error(w, m, "%s: required section '%s' is missing", where, key);
        return NULL;
    }
    if (v->type != YAML_MAPPING_NODE) {
        walk_error(w, v, "%s: '%s' must be a set of fields, not %s", where, key, walk_kind(v));
        return NULL;
    }
    return v;
}

int walk_len(const yaml_node_t *s)
{
    return (int)(s->data.sequence.items.top - s->data.sequence.items.start);
}

yaml_node_t *walk_item(Walk *w, yaml_node_t *s, int i)
{
    return yaml_document_get_node(w->doc, s->data.sequence.items.start[i]);
}

/* ---- files ------------------------------------------------------------- */

/* Read and parse path into doc. On failure reports an issue and returns -1
 * (doc then needs no delete). */
int content_read_yaml(Content *c, const char *path, yaml_document_t *doc)
{
    int rc = -1;
    unsigned char *buf = NULL;
    yaml_parser_t parser;
    int parser_ok = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        content_add_issue(c, CONTENT_ERROR, path, 0, "cannot open: %s", strerror(errno));
        return -1;
    }
    buf = malloc(MAX_FILE_BYTES + 1);
    if (!buf) {
        c->oom = 1;
        goto out;
    }
    size_t n = fread(buf, 1, MAX_FILE_BYTES + 1, f);
    if (ferror(f)) {
        content_add_issue(c, CONTENT_ERROR, path, 0, "read error");
        goto out;
    }
    if (n > MAX_FILE_BYTES) {
        content_add_issue(c, CONTENT_ERROR, path, 0, "file larger than %d bytes, skipped", MAX_FILE_BYTES);
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
            content_add_issue(c, CONTENT_ERROR, path, line, "YAML syntax error: %s (%s from line %d)",
                      problem, parser.context, (int)parser.context_mark.line + 1);
        else
            content_add_issue(c, CONTENT_ERROR, path, line, "YAML syntax error: %s", problem);
        goto out;
    }
    if (!yaml_document_get_root_node(doc)) {
        content_add_issue(c, CONTENT_ERROR, path, 1, "file is empty");
        yaml_document_delete(doc);
        goto out;
    }
    /* A second document would be silently ignored; say so instead. */
    yaml_document_t extra;
    if (yaml_parser_load(&parser, &extra)) {
        yaml_node_t *r = yaml_document_get_root_node(&extra);
        if (r)
            content_add_issue(c, CONTENT_WARNING, path, walk_line(r),
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
