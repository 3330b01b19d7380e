/* content_internal.h: what the parts of the content loader share (nothing
 * outside app/content/ includes it).
 *
 *   content.c        the Content: its arenas and lists, loading a folder,
 *                    the queries of content.h
 *   content_yaml.c   reading a YAML file, and walking its nodes against the
 *                    documented format (walk_*), one issue per problem
 *   content_parse.c  modules and contacts from their walked documents
 *
 * Pure core: no SDL. */
#ifndef APP_CONTENT_CONTENT_INTERNAL_H
#define APP_CONTENT_CONTENT_INTERNAL_H

#include <stddef.h>
#include <yaml.h>

#include "content/content.h"
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

/* A translatable string and where it was read, for the POT. */
typedef struct {
    const char *s;
    const char *file;
    int line;
} StrRef;

/* oom: an allocation failed; loading stops and content_load() fails. */
struct Content {
    char *dir;
    Module *modules;
    int n_modules;
    size_t cap_modules;
    Contact *contacts;
    int n_contacts;
    size_t cap_contacts;
    ContentIssue *issues;
    int n_issues;
    size_t cap_issues;
    StrRef *refs;
    int n_refs;
    size_t cap_refs;
    Arena **arenas;
    int n_arenas;
    size_t cap_arenas;
    int oom;
};

/* ---- content.c: memory and issues ---- */

/* Copy s[0..n) into the Content's arenas, NUL-terminated. NULL (and oom
 * set) when out of memory. */
const char *content_strndup(Content *c, const char *s, size_t n);

/* Add an issue (file borrowed: it must live as long as c). On out of
 * memory sets oom instead. */
void content_add_issue(Content *c, ContentSeverity sev, const char *file, int line,
                       const char *fmt, ...) LOG_PRINTF(5, 6);

/* ---- content_yaml.c: reading and walking a YAML file ---- */

/* Read and parse path (at most MAX_FILE_BYTES) into doc. 0 on success
 * (the caller deletes doc); -1 with an issue reported (or oom set), doc
 * then needing no delete. */
int content_read_yaml(Content *c, const char *path, yaml_document_t *doc);

/* State while walking one file. errors counts problems that make the
 * file's module (or contact) unusable. */
typedef struct {
    Content *c;
    yaml_document_t *doc;
    const char *file;
    int errors;
} Walk;

/* walk_text() flags, and the required argument of the other walk_*. */
enum { WALK_OPTIONAL = 0, WALK_REQUIRED = 1, WALK_TRANSLATE = 2 };

/* Report an error at node n (its line; NULL: line 0) and count it. */
void walk_error(Walk *w, const yaml_node_t *n, const char *fmt, ...) LOG_PRINTF(3, 4);
/* 1-based line of n, 0 for NULL. */
int walk_line(const yaml_node_t *n);
/* "a single value", "a list", ... for messages. */
const char *walk_kind(const yaml_node_t *n);
/* The value for key in mapping m, or NULL (absent or YAML null). */
yaml_node_t *walk_get(Walk *w, yaml_node_t *m, const char *key);
/* Report keys of m that are not scalars, repeated (errors), or not in the
 * NULL-terminated allowed list (warnings). */
void walk_check_keys(Walk *w, yaml_node_t *m, const char *const *allowed, const char *where);
/* A text field copied into the arenas, or NULL (missing, or wrong: then an
 * error is reported). flags: WALK_REQUIRED and/or WALK_TRANSLATE (recorded
 * for the POT; must be valid for a PO file). */
const char *walk_text(Walk *w, yaml_node_t *m, const char *key, int flags, const char *where);
/* A whole number in [lo, hi] into *out (dflt when absent). 0 when fine or
 * absent and optional, -1 after reporting an error. */
int walk_int(Walk *w, yaml_node_t *m, const char *key, int required, int lo, int hi, int dflt,
             const char *where, int *out);
/* An image or icon path inside the content folder; a missing file is an
 * issue but the path is still returned (the module can be shown). */
const char *walk_image(Walk *w, yaml_node_t *m, const char *key, int required, const char *where);
/* The narration key: given in the file, or derived from id, screen and n
 * ("journey-risks-slide-2"; n 0: "journey-risks-end"). */
const char *walk_audio(Walk *w, yaml_node_t *m, const char *where, const char *id,
                       const char *screen, int n);
/* A list or a mapping under key, or NULL (absent, or reported as wrong). */
yaml_node_t *walk_seq(Walk *w, yaml_node_t *m, const char *key, int required, const char *where);
yaml_node_t *walk_map(Walk *w, yaml_node_t *m, const char *key, int required, const char *where);
/* Items of a list node. */
int walk_len(const yaml_node_t *s);
yaml_node_t *walk_item(Walk *w, yaml_node_t *s, int i);

/* Module and contact ids: 1-64 of [a-z0-9-]. */
int content_valid_id(const char *s);
/* Narration keys and language codes: 1-96 of [A-Za-z0-9._-], no leading '.'. */
int content_valid_key(const char *s);
/* A relative path that stays inside the content folder (no "..", no '\\'). */
int content_valid_path(const char *p);

/* ---- content_parse.c ---- */

/* Parse one module file and add its module, or report why it is skipped. */
void content_parse_module(Content *c, const char *file);
/* Parse contacts.yaml; a bad entry is skipped with an issue, the rest kept. */
void content_parse_contacts(Content *c, const char *file);

#endif
