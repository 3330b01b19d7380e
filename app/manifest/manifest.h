/* manifest.h: a list of files (relative path, size, SHA-256) plus string
 * key/values, in one canonical JSON form.
 *
 * Used as the commit record of a USB export (kiosk id, epoch, sequence,
 * counts, time range) and of a content pack (campaign, version). The bytes
 * from manifest_serialize() are what gets signed, so the form is canonical:
 * keys sorted, files sorted by path, no insignificant whitespace, one final
 * newline. Paths are checked everywhere they enter: never absolute, no "."
 * or ".." component, no backslash, no empty component, so verifying a
 * manifest can never read outside its root.
 *
 *   {"files":[{"path":"a.csv","sha256":"<64 hex>","size":12}],
 *    "format":"taama-manifest-1","meta":{"epoch":"1","kiosk_id":"..."}} */
#ifndef APP_MANIFEST_MANIFEST_H
#define APP_MANIFEST_MANIFEST_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

#define MANIFEST_FORMAT "taama-manifest-1"
#define MANIFEST_MAX_BYTES (4u * 1024u * 1024u) /* refuse larger manifests */
#define MANIFEST_MAX_PATH 255
#define MANIFEST_MAX_META 256 /* refuse manifests with more keys (each key is looked up by scanning) */

typedef struct Manifest Manifest;

/* One listed file. Borrowed from the Manifest that holds it. */
typedef struct {
    const char *path; /* relative, '/'-separated */
    uint64_t size;
    char sha256[65];  /* lowercase hex */
} ManifestFile;

Manifest *manifest_new(void);     /* NULL on out of memory */
void manifest_free(Manifest *m);  /* accepts NULL */

/* Set (or replace) a key/value. Keys: 1-64 chars of [a-z0-9_.-]; values:
 * any UTF-8 without NUL, up to 4096 bytes. ERR_INVALID otherwise. */
Err manifest_set(Manifest *m, const char *key, const char *value) ERR_MUST_USE;
Err manifest_set_int(Manifest *m, const char *key, int64_t value) ERR_MUST_USE;

/* The value for key, or NULL. Borrowed until the key is set again. */
const char *manifest_get(const Manifest *m, const char *key);

/* The keys, in insertion order (sorted after parse or serialize), so a
 * reader can refuse keys it does not know. NULL when i is out of range. */
size_t manifest_meta_count(const Manifest *m);
const char *manifest_meta_key(const Manifest *m, size_t i);

/* Parse key's value as a whole decimal integer: ERR_NOTFOUND if missing,
 * ERR_FORMAT if not an integer. */
Err manifest_get_int(const Manifest *m, const char *key, int64_t *out) ERR_MUST_USE;

/* Whether path is acceptable inside a manifest (see the file comment). */
int manifest_path_ok(const char *path);

/* List a file. ERR_PATH for an unacceptable path, ERR_INVALID for a
 * malformed hash or a path listed twice. */
Err manifest_add_file(Manifest *m, const char *path, uint64_t size, const char *sha256_hex) ERR_MUST_USE;

/* Hash root/path from disk and list it. */
Err manifest_add_file_from_disk(Manifest *m, const char *root, const char *path) ERR_MUST_USE;

size_t manifest_file_count(const Manifest *m);
/* Files in path order (after serialize or parse; in insertion order
 * before). NULL when i is out of range. */
const ManifestFile *manifest_file(const Manifest *m, size_t i);
/* By binary search after serialize or parse (files sorted), else a scan. */
const ManifestFile *manifest_find_file(const Manifest *m, const char *path);

/* The canonical bytes. *out is malloc'd (caller frees), NUL-terminated,
 * *len excludes the NUL. Sorts the file list in place. */
Err manifest_serialize(Manifest *m, char **out, size_t *len) ERR_MUST_USE;

/* Parse bytes (not necessarily canonical), in O(n log n) for n files. NULL
 * with *why = ERR_FORMAT for bad JSON, a missing/unknown "format" or a path
 * listed twice, ERR_PATH for a bad path,
 * ERR_TOOBIG over MANIFEST_MAX_BYTES or MANIFEST_MAX_META keys. */
Manifest *manifest_parse(const char *buf, size_t len, Err *why);

/* What manifest_verify_dir found wrong with one file. */
typedef enum {
    MANIFEST_ISSUE_MISSING,  /* listed, not on disk (or not a regular file) */
    MANIFEST_ISSUE_SIZE,     /* size differs */
    MANIFEST_ISSUE_HASH,     /* same size, hash differs */
    MANIFEST_ISSUE_OUTSIDE,  /* resolves outside root (symlink games) */
    MANIFEST_ISSUE_UNLISTED, /* on disk under root, not listed */
} ManifestIssue;

typedef void (*ManifestIssueFn)(void *ctx, ManifestIssue kind, const char *path,
                                const char *detail);

/* Check every listed file under root: exists, stays inside root after
 * resolving symlinks, has the listed size and SHA-256. Walks root (at most
 * 8 levels) and reports files not listed, except those named in ignore (a
 * NULL-terminated list of relative paths, may be NULL) and temporary files
 * from fileio (".NAME.tmp-*"), which are reported as unlisted too.
 * on_issue (may be NULL) hears each problem. Returns ERR_OK when every
 * listed file verifies (unlisted files alone do not fail), else the first
 * problem: ERR_NOTFOUND, ERR_HASH or ERR_PATH. */
Err manifest_verify_dir(const Manifest *m, const char *root, const char *const *ignore,
                        ManifestIssueFn on_issue, void *ctx) ERR_MUST_USE;

/* A short English name for an issue ("missing"). */
const char *manifest_issue_str(ManifestIssue kind);

#endif
