/* manifest.c: building, canonical JSON (json-c), parsing and verifying
 * manifests. Canonical form is produced by inserting keys in sorted order
 * into json-c objects (which keep insertion order) and printing PLAIN with
 * slashes unescaped. */
#include "manifest/manifest.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <json-c/json.h>

#include "core/fileio.h"
#include "core/vec.h"

#define MAX_VALUE 4096
#define MAX_WALK_DEPTH 8

typedef struct {
    char *key;
    char *value;
} Meta;

/* Files are stored as the public type itself; path is owned (malloc'd). */
typedef ManifestFile FileEnt;

struct Manifest {
    Meta *meta;
    size_t nmeta, capmeta;
    FileEnt *files;
    size_t nfiles, capfiles;
    int sorted; /* files in path order: lookups by binary search */
};

Manifest *manifest_new(void)
{
    return calloc(1, sizeof(Manifest));
}

void manifest_free(Manifest *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->nmeta; i++) {
        free(m->meta[i].key);
        free(m->meta[i].value);
    }
    for (size_t i = 0; i < m->nfiles; i++)
        free((char *)m->files[i].path);
    free(m->meta);
    free(m->files);
    free(m);
}

static int key_ok(const char *k)
{
    size_t n = strlen(k);
    if (n == 0 || n > 64)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = k[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-'))
            return 0;
    }
    return 1;
}

Err manifest_set(Manifest *m, const char *key, const char *value)
{
    if (!m || !key || !value || !key_ok(key) || strlen(value) > MAX_VALUE)
        return ERR_INVALID;
    char *v = strdup(value);
    if (!v)
        return ERR_NOMEM;
    for (size_t i = 0; i < m->nmeta; i++) {
        if (strcmp(m->meta[i].key, key) == 0) {
            free(m->meta[i].value);
            m->meta[i].value = v;
            return ERR_OK;
        }
    }
    if (VEC_RESERVE(m->meta, m->capmeta, m->nmeta + 1)) {
        free(v);
        return ERR_NOMEM;
    }
    char *k = strdup(key);
    if (!k) {
        free(v);
        return ERR_NOMEM;
    }
    m->meta[m->nmeta].key = k;
    m->meta[m->nmeta].value = v;
    m->nmeta++;
    return ERR_OK;
}

Err manifest_set_int(Manifest *m, const char *key, int64_t value)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)value);
    return manifest_set(m, key, buf);
}

const char *manifest_get(const Manifest *m, const char *key)
{
    if (!m || !key)
        return NULL;
    for (size_t i = 0; i < m->nmeta; i++)
        if (strcmp(m->meta[i].key, key) == 0)
            return m->meta[i].value;
    return NULL;
}

size_t manifest_meta_count(const Manifest *m)
{
    return m ? m->nmeta : 0;
}

const char *manifest_meta_key(const Manifest *m, size_t i)
{
    return m && i < m->nmeta ? m->meta[i].key : NULL;
}

Err manifest_get_int(const Manifest *m, const char *key, int64_t *out)
{
    const char *v = manifest_get(m, key);
    if (!v)
        return ERR_NOTFOUND;
    if (!*v)
        return ERR_FORMAT;
    char *end;
    errno = 0;
    long long x = strtoll(v, &end, 10);
    if (errno || *end || end == v)
        return ERR_FORMAT;
    /* Only the number's own spelling: "04", "+4", " 4", "\t4" or "-0" would
     * read as a number the signed bytes do not spell, so two manifests
     * could say the same thing differently. */
    char back[24];
    snprintf(back, sizeof back, "%lld", x);
    if (strcmp(back, v) != 0)
        return ERR_FORMAT;
    *out = (int64_t)x;
    return ERR_OK;
}

int manifest_path_ok(const char *path)
{
    if (!path || !*path || path[0] == '/')
        return 0;
    size_t n = strlen(path);
    if (n > MANIFEST_MAX_PATH)
        return 0;
    const char *p = path;
    for (;;) {
        const char *slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        if (len == 0)
            return 0; /* "a//b" or trailing '/' */
        if ((len == 1 && p[0] == '.') || (len == 2 && p[0] == '.' && p[1] == '.'))
            return 0;
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)p[i];
            if (c < 0x20 || c == '\\' || c == 0x7f)
                return 0;
        }
        if (!slash)
            break;
        p = slash + 1;
    }
    return 1;
}

static int hex64_ok(const char *h)
{
    if (!h || strlen(h) != 64)
        return 0;
    for (int i = 0; i < 64; i++) {
        char c = h[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return 0;
    }
    return 1;
}

/* Append a checked file entry; dup: refuse a path already listed (a scan;
 * parsing checks once after sorting instead, so a hostile manifest with
 * many files costs n log n, not n squared). */
static Err add_file(Manifest *m, const char *path, uint64_t size, const char *sha256_hex, int dup)
{
    if (!m)
        return ERR_INVALID;
    if (!manifest_path_ok(path))
        return ERR_PATH;
    if (!hex64_ok(sha256_hex) || size > (uint64_t)INT64_MAX)
        return ERR_INVALID;
    if (dup && manifest_find_file(m, path))
        return ERR_INVALID;
    if (VEC_RESERVE(m->files, m->capfiles, m->nfiles + 1))
        return ERR_NOMEM;
    char *p = strdup(path);
    if (!p)
        return ERR_NOMEM;
    FileEnt *f = &m->files[m->nfiles++];
    f->path = p;
    f->size = size;
    memcpy(f->sha256, sha256_hex, 65);
    m->sorted = 0;
    return ERR_OK;
}

Err manifest_add_file(Manifest *m, const char *path, uint64_t size, const char *sha256_hex)
{
    return add_file(m, path, size, sha256_hex, 1);
}

Err manifest_add_file_from_disk(Manifest *m, const char *root, const char *path)
{
    if (!manifest_path_ok(path))
        return ERR_PATH;
    char full[PATH_MAX];
    Err e = fileio_join(full, sizeof full, root, path);
    if (e)
        return e;
    char hex[65];
    uint64_t size;
    e = fileio_sha256_file(full, hex, &size);
    if (e)
        return e;
    return manifest_add_file(m, path, size, hex);
}

size_t manifest_file_count(const Manifest *m)
{
    return m ? m->nfiles : 0;
}

const ManifestFile *manifest_file(const Manifest *m, size_t i)
{
    if (!m || i >= m->nfiles)
        return NULL;
    return &m->files[i];
}

static int cmp_path_key(const void *key, const void *ent)
{
    return strcmp((const char *)key, ((const FileEnt *)ent)->path);
}

const ManifestFile *manifest_find_file(const Manifest *m, const char *path)
{
    if (!m || !path)
        return NULL;
    if (m->sorted)
        return m->nfiles ? bsearch(path, m->files, m->nfiles, sizeof *m->files, cmp_path_key) : NULL;
    for (size_t i = 0; i < m->nfiles; i++)
        if (strcmp(m->files[i].path, path) == 0)
            return manifest_file(m, i);
    return NULL;
}

static int cmp_file(const void *a, const void *b)
{
    return strcmp(((const FileEnt *)a)->path, ((const FileEnt *)b)->path);
}

static int cmp_meta(const void *a, const void *b)
{
    return strcmp(((const Meta *)a)->key, ((const Meta *)b)->key);
}

Err manifest_serialize(Manifest *m, char **out, size_t *len)
{
    *out = NULL;
    if (len)
        *len = 0;
    if (!m)
        return ERR_INVALID;
    if (m->nfiles > 1)
        qsort(m->files, m->nfiles, sizeof *m->files, cmp_file);
    m->sorted = 1;
    /* Sorting meta too keeps manifest_get() unaffected and output stable. */
    if (m->nmeta > 1)
        qsort(m->meta, m->nmeta, sizeof *m->meta, cmp_meta);

    Err e = ERR_NOMEM;
    json_object *root = json_object_new_object();
    json_object *files = json_object_new_array();
    json_object *meta = json_object_new_object();
    if (!root || !files || !meta) {
        json_object_put(files);
        json_object_put(meta);
        goto done;
    }
    for (size_t i = 0; i < m->nfiles; i++) {
        json_object *f = json_object_new_object();
        if (!f)
            goto partial;
        json_object_object_add(f, "path", json_object_new_string(m->files[i].path));
        json_object_object_add(f, "sha256", json_object_new_string(m->files[i].sha256));
        json_object_object_add(f, "size", json_object_new_int64((int64_t)m->files[i].size));
        json_object_array_add(files, f);
    }
    for (size_t i = 0; i < m->nmeta; i++)
        json_object_object_add(meta, m->meta[i].key, json_object_new_string(m->meta[i].value));
    /* Keys in sorted order: files < format < meta. */
    json_object_object_add(root, "files", files);
    json_object_object_add(root, "format", json_object_new_string(MANIFEST_FORMAT));
    json_object_object_add(root, "meta", meta);
    {
        size_t n = 0;
        const char *s = json_object_to_json_string_length(
            root, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &n);
        if (!s)
            goto done;
        char *buf = malloc(n + 2);
        if (!buf)
            goto done;
        memcpy(buf, s, n);
        buf[n] = '\n';
        buf[n + 1] = '\0';
        *out = buf;
        if (len)
            *len = n + 1;
        e = ERR_OK;
    }
    goto done;
partial:
    json_object_object_add(root, "files", files);
    json_object_object_add(root, "meta", meta);
done:
    json_object_put(root);
    return e;
}

/* The JSON object in buf (strict, nothing but whitespace after it), with
 * the manifest's format; NULL and *e set otherwise. */
static json_object *parse_root(const char *buf, size_t len, Err *e)
{
    *e = ERR_FORMAT;
    if (len > MANIFEST_MAX_BYTES) {
        *e = ERR_TOOBIG;
        return NULL;
    }
    if (memchr(buf, '\0', len)) /* JSON text never holds a raw NUL */
        return NULL;
    json_tokener *tok = json_tokener_new_ex(8);
    if (!tok) {
        *e = ERR_NOMEM;
        return NULL;
    }
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
    json_object *root = json_tokener_parse_ex(tok, buf, (int)len);
    int ok = root && json_tokener_get_error(tok) == json_tokener_success;
    /* Only whitespace may follow the object. */
    for (size_t i = ok ? json_tokener_get_parse_end(tok) : len; i < len; i++)
        if (buf[i] != '\n' && buf[i] != ' ' && buf[i] != '\r' && buf[i] != '\t')
            ok = 0;
    json_tokener_free(tok);
    json_object *fmt;
    if (ok && (!json_object_is_type(root, json_type_object) || !json_object_object_get_ex(root, "format", &fmt) ||
               !json_object_is_type(fmt, json_type_string) || strcmp(json_object_get_string(fmt), MANIFEST_FORMAT)))
        ok = 0;
    if (!ok) {
        json_object_put(root);
        return NULL;
    }
    return root;
}

/* The "meta" object into m: string values only, no embedded NUL, at most
 * MANIFEST_MAX_META keys (manifest_set scans the keys: a bound keeps a
 * hostile manifest with a million keys from costing a million squared
 * before its signature is even checked). */
static Err parse_meta(Manifest *m, json_object *meta)
{
    if (json_object_object_length(meta) > MANIFEST_MAX_META)
        return ERR_TOOBIG;
    json_object_object_foreach(meta, k, v)
    {
        if (!json_object_is_type(v, json_type_string))
            return ERR_FORMAT;
        const char *s = json_object_get_string(v);
        if ((size_t)json_object_get_string_len(v) != strlen(s))
            return ERR_FORMAT; /* embedded \u0000 */
        if (manifest_set(m, k, s) != ERR_OK)
            return ERR_FORMAT;
    }
    return ERR_OK;
}

/* The "files" array into m, sorted by path, a path listed twice refused. */
static Err parse_files(Manifest *m, json_object *files)
{
    size_t n = json_object_array_length(files);
    for (size_t i = 0; i < n; i++) {
        json_object *f = json_object_array_get_idx(files, i);
        json_object *p, *h, *s;
        if (!json_object_is_type(f, json_type_object) || !json_object_object_get_ex(f, "path", &p) ||
            !json_object_object_get_ex(f, "sha256", &h) || !json_object_object_get_ex(f, "size", &s) ||
            !json_object_is_type(p, json_type_string) || !json_object_is_type(h, json_type_string) ||
            !json_object_is_type(s, json_type_int))
            return ERR_FORMAT;
        const char *ps = json_object_get_string(p);
        if ((size_t)json_object_get_string_len(p) != strlen(ps))
            return ERR_PATH;
        errno = 0;
        int64_t size = json_object_get_int64(s);
        if (size < 0 || errno)
            return ERR_FORMAT;
        Err fe = add_file(m, ps, (uint64_t)size, json_object_get_string(h), 0);
        if (fe)
            return fe == ERR_PATH ? ERR_PATH : (fe == ERR_NOMEM ? ERR_NOMEM : ERR_FORMAT);
    }
    if (m->nfiles > 1)
        qsort(m->files, m->nfiles, sizeof *m->files, cmp_file);
    /* A path listed twice sits next to its twin once sorted. */
    for (size_t i = 1; i < m->nfiles; i++)
        if (strcmp(m->files[i - 1].path, m->files[i].path) == 0)
            return ERR_FORMAT;
    m->sorted = 1;
    return ERR_OK;
}

Manifest *manifest_parse(const char *buf, size_t len, Err *why)
{
    Err e = ERR_FORMAT;
    Manifest *m = NULL;
    json_object *root = parse_root(buf, len, &e), *files, *meta;
    if (!root)
        goto fail;
    e = ERR_FORMAT;
    if (!json_object_object_get_ex(root, "files", &files) || !json_object_is_type(files, json_type_array) ||
        !json_object_object_get_ex(root, "meta", &meta) || !json_object_is_type(meta, json_type_object))
        goto fail;
    if (!(m = manifest_new())) {
        e = ERR_NOMEM;
        goto fail;
    }
    if ((e = parse_meta(m, meta)) || (e = parse_files(m, files)))
        goto fail;
    json_object_put(root);
    return m;
fail:
    manifest_free(m);
    json_object_put(root);
    if (why)
        *why = e;
    return NULL;
}

const char *manifest_issue_str(ManifestIssue kind)
{
    switch (kind) {
    case MANIFEST_ISSUE_MISSING: return "missing";
    case MANIFEST_ISSUE_SIZE: return "wrong size";
    case MANIFEST_ISSUE_HASH: return "wrong SHA-256";
    case MANIFEST_ISSUE_OUTSIDE: return "outside the folder";
    case MANIFEST_ISSUE_UNLISTED: return "not listed";
    }
    return "unknown";
}

static void issue(ManifestIssueFn fn, void *ctx, ManifestIssue k, const char *path, const char *detail)
{
    if (fn)
        fn(ctx, k, path, detail);
}

static int listed_or_ignored(const Manifest *m, const char *rel, const char *const *ignore)
{
    if (manifest_find_file(m, rel))
        return 1;
    for (size_t i = 0; ignore && ignore[i]; i++)
        if (strcmp(ignore[i], rel) == 0)
            return 1;
    return 0;
}

static void walk_unlisted(const Manifest *m, const char *root, const char *rel, int depth,
                          const char *const *ignore, ManifestIssueFn fn, void *ctx)
{
    if (depth > MAX_WALK_DEPTH)
        return;
    char dirpath[PATH_MAX];
    if (*rel) {
        if (fileio_join(dirpath, sizeof dirpath, root, rel))
            return;
    } else {
        snprintf(dirpath, sizeof dirpath, "%s", root);
    }
    DIR *d = opendir(dirpath);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        char sub[PATH_MAX];
        int n = *rel ? snprintf(sub, sizeof sub, "%s/%s", rel, de->d_name)
                     : snprintf(sub, sizeof sub, "%s", de->d_name);
        if (n < 0 || (size_t)n >= sizeof sub)
            continue;
        char full[PATH_MAX];
        if (fileio_join(full, sizeof full, root, sub))
            continue;
        struct stat st;
        if (lstat(full, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            walk_unlisted(m, root, sub, depth + 1, ignore, fn, ctx);
        else if (!listed_or_ignored(m, sub, ignore))
            issue(fn, ctx, MANIFEST_ISSUE_UNLISTED, sub, "present but not in the manifest");
    }
    closedir(d);
}

Err manifest_verify_dir(const Manifest *m, const char *root, const char *const *ignore,
                        ManifestIssueFn on_issue, void *ctx)
{
    if (!m || !root)
        return ERR_INVALID;
    char real_root[PATH_MAX];
    if (!realpath(root, real_root))
        return err_from_errno(errno);
    size_t rl = strlen(real_root);
    Err first = ERR_OK;
    for (size_t i = 0; i < m->nfiles; i++) {
        const FileEnt *f = &m->files[i];
        char full[PATH_MAX], real[PATH_MAX];
        char detail[200];
        /* Paths were checked on entry; check again, cheaply, in case. */
        if (!manifest_path_ok(f->path) || fileio_join(full, sizeof full, root, f->path)) {
            issue(on_issue, ctx, MANIFEST_ISSUE_OUTSIDE, f->path, "unacceptable path");
            if (!first)
                first = ERR_PATH;
            continue;
        }
        if (!realpath(full, real)) {
            issue(on_issue, ctx, MANIFEST_ISSUE_MISSING, f->path, strerror(errno));
            if (!first)
                first = ERR_NOTFOUND;
            continue;
        }
        if (strncmp(real, real_root, rl) != 0 || (real[rl] != '/' && rl > 1)) {
            issue(on_issue, ctx, MANIFEST_ISSUE_OUTSIDE, f->path, "resolves outside the folder");
            if (!first)
                first = ERR_PATH;
            continue;
        }
        char hex[65];
        uint64_t size = 0;
        Err e = fileio_sha256_file(real, hex, &size);
        if (e) {
            issue(on_issue, ctx, MANIFEST_ISSUE_MISSING, f->path, err_str(e));
            if (!first)
                first = ERR_NOTFOUND;
            continue;
        }
        if (size != f->size) {
            snprintf(detail, sizeof detail, "%llu bytes, manifest says %llu", (unsigned long long)size,
                     (unsigned long long)f->size);
            issue(on_issue, ctx, MANIFEST_ISSUE_SIZE, f->path, detail);
            if (!first)
                first = ERR_HASH;
            continue;
        }
        if (strcmp(hex, f->sha256) != 0) {
            issue(on_issue, ctx, MANIFEST_ISSUE_HASH, f->path, "content differs from the manifest");
            if (!first)
                first = ERR_HASH;
        }
    }
    walk_unlisted(m, root, "", 0, ignore, on_issue, ctx);
    return first;
}
