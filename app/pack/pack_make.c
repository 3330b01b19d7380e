/* pack_make.c: `taama pack make`: copy a content folder's content/,
 * locales/ and assets/ into a new pack folder and write its manifest,
 * ready for the campaign to sign with minisign (see pack.h). */
#include "pack/pack.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/fileio.h"
#include "core/log.h"
#include "manifest/manifest.h"
#include "pack/pack_internal.h"

#define COPY_WALK_DEPTH 8

/* ---- Making a pack ---- */

static Err copy_tree(Manifest *m, const char *src_root, const char *out_root, const char *rel, int depth)
{
    if (depth > COPY_WALK_DEPTH)
        return ERR_TOOBIG;
    char dirpath[PATH_MAX];
    Err e = fileio_join(dirpath, sizeof dirpath, src_root, rel);
    if (e != ERR_OK)
        return e;
    DIR *d = opendir(dirpath);
    if (!d)
        return depth == 0 && errno == ENOENT ? ERR_OK : err_from_errno(errno);
    struct dirent *de;
    while (e == ERR_OK && (de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue; /* ".", "..", and hidden files (.DS_Store, editor backups) */
        char sub[PATH_MAX], src[PATH_MAX], dst[PATH_MAX];
        int n = snprintf(sub, sizeof sub, "%s/%s", rel, de->d_name);
        if (n < 0 || (size_t)n >= sizeof sub)
            e = ERR_TOOBIG;
        else if ((e = fileio_join(src, sizeof src, src_root, sub)) == ERR_OK &&
                 (e = fileio_join(dst, sizeof dst, out_root, sub)) == ERR_OK) {
            struct stat st;
            if (lstat(src, &st) != 0)
                e = err_from_errno(errno);
            else if (S_ISDIR(st.st_mode))
                e = copy_tree(m, src_root, out_root, sub, depth + 1);
            else if (!S_ISREG(st.st_mode))
                log_warn("pack: skipping %s (not a regular file)", src);
            else if ((e = pack_mkdir_parent(dst)) == ERR_OK &&
                     (e = pack_copy_file(src_root, sub, dst, (uint64_t)st.st_size)) == ERR_OK)
                e = manifest_add_file_from_disk(m, out_root, sub);
        }
    }
    closedir(d);
    return e;
}

Err pack_make(const char *src_dir, const char *out_dir, const char *campaign, int64_t version)
{
    char c[64];
    int64_t v;
    char comment[128];
    snprintf(comment, sizeof comment, "taama campaign=%s version=%lld", campaign ? campaign : "",
             (long long)version);
    if (!src_dir || !out_dir || pack_comment_parse(comment, c, &v) != ERR_OK || strcmp(c, campaign) != 0)
        return ERR_INVALID;
    DIR *d = opendir(out_dir);
    if (d) {
        struct dirent *de;
        int empty = 1;
        while ((de = readdir(d)) != NULL)
            if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
                empty = 0;
        closedir(d);
        if (!empty)
            return ERR_INVALID;
    }
    Err e = fileio_mkdir_p(out_dir, 0755);
    if (e != ERR_OK)
        return e;
    Manifest *m = manifest_new();
    if (!m)
        return ERR_NOMEM;
    char *buf = NULL;
    size_t len = 0;
    for (size_t i = 0; e == ERR_OK && i < PACK_TOP_DIRS; i++) {
        char top[32];
        snprintf(top, sizeof top, "%.*s", (int)strlen(pack_top_dirs[i]) - 1, pack_top_dirs[i]);
        e = copy_tree(m, src_dir, out_dir, top, 0);
    }
    if (e == ERR_OK && manifest_file_count(m) == 0)
        e = ERR_NOTFOUND;
    if (e == ERR_OK)
        e = manifest_set(m, "kind", PACK_KIND);
    if (e == ERR_OK)
        e = manifest_set(m, "campaign", campaign);
    if (e == ERR_OK)
        e = manifest_set_int(m, "version", version);
    if (e == ERR_OK)
        e = manifest_serialize(m, &buf, &len);
    char path[PATH_MAX];
    if (e == ERR_OK && (e = fileio_join(path, sizeof path, out_dir, PACK_MANIFEST)) == ERR_OK)
        e = fileio_write_atomic(path, buf, len, 0644);
    free(buf);
    manifest_free(m);
    return e;
}
