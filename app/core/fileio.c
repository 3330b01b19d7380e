/* fileio.c: temp-file + fsync + rename + folder fsync writing, mkdir -p,
 * joining paths and removing trees. Reading files someone else controls
 * (sticks, packs, exports) and hashing is in fileio_read.c; the test hooks
 * (fault injection, power cuts) in fileio_fault.c.
 *
 * Writes are buffered (64 KiB) so a big export costs few syscalls; every
 * syscall that can fail goes through fileio_fault_check() so tests can
 * fail it. */
#include "core/fileio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/fileio_internal.h"

#define WBUF_SIZE (64 * 1024)

static int rm_rf(const char *path, int depth)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return 0;
    if (S_ISDIR(st.st_mode) && depth < 32) {
        DIR *d = opendir(path);
        if (d) {
            struct dirent *de;
            while ((de = readdir(d)) != NULL) {
                char sub[PATH_MAX];
                if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0 ||
                    fileio_join(sub, sizeof sub, path, de->d_name) != ERR_OK)
                    continue;
                rm_rf(sub, depth + 1);
            }
            closedir(d);
        }
    }
    if (remove(path) != 0 && errno != ENOENT)
        return -1;
    return 0;
}

Err fileio_remove_tree(const char *path)
{
    return rm_rf(path, 0) == 0 ? ERR_OK : ERR_IO;
}

/* ---- writer ---- */
struct FileWriter {
    int fd;
    Err err;
    size_t used;
    char final_path[PATH_MAX];
    char tmp_path[PATH_MAX];
    unsigned char buf[WBUF_SIZE];
};

Err fileio_join(char *out, size_t outsz, const char *dir, const char *name)
{
    size_t dl = strlen(dir);
    int n;
    if (dl > 0 && dir[dl - 1] == '/')
        n = snprintf(out, outsz, "%s%s", dir, name);
    else
        n = snprintf(out, outsz, "%s/%s", dir, name);
    if (n < 0 || (size_t)n >= outsz)
        return ERR_TOOBIG;
    return ERR_OK;
}

/* Split path into folder (".") and base name. */
static Err split_path(const char *path, char *dir, size_t dirsz, const char **base)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        if (dirsz < 2)
            return ERR_TOOBIG;
        strcpy(dir, ".");
        *base = path;
        return ERR_OK;
    }
    size_t n = (size_t)(slash - path);
    if (n == 0)
        n = 1; /* "/name" -> "/" */
    if (n >= dirsz)
        return ERR_TOOBIG;
    memcpy(dir, path, n);
    dir[n] = '\0';
    *base = slash + 1;
    return ERR_OK;
}

FileWriter *fileio_writer_open(const char *path, mode_t mode, Err *why)
{
    Err e = ERR_OK;
    FileWriter *w = NULL;
    char dir[PATH_MAX];
    const char *base;

    if (!path || !*path) {
        e = ERR_INVALID;
        goto fail;
    }
    w = malloc(sizeof *w);
    if (!w) {
        e = ERR_NOMEM;
        goto fail;
    }
    w->fd = -1;
    w->err = ERR_OK;
    w->used = 0;
    if (strlen(path) >= sizeof w->final_path) {
        e = ERR_TOOBIG;
        goto fail;
    }
    strcpy(w->final_path, path);
    e = split_path(path, dir, sizeof dir, &base);
    if (e)
        goto fail;
    if (!*base) {
        e = ERR_INVALID;
        goto fail;
    }
    int n = snprintf(w->tmp_path, sizeof w->tmp_path, "%s/.%s.tmp-XXXXXX", dir, base);
    if (n < 0 || (size_t)n >= sizeof w->tmp_path) {
        e = ERR_TOOBIG;
        goto fail;
    }
    int fe = fileio_fault_check(FILEIO_OP_OPEN);
    if (fe) {
        e = err_from_errno(fe);
        goto fail;
    }
    w->fd = mkstemp(w->tmp_path);
    if (w->fd < 0) {
        e = err_from_errno(errno);
        goto fail;
    }
    fileio_cut_note(FILEIO_CUT_DATA, w->tmp_path, NULL, NULL, NULL);
    /* mkstemp makes 0600; widen or keep as asked. FAT ignores it. */
    (void)fchmod(w->fd, mode);
    return w;
fail:
    free(w);
    if (why)
        *why = e;
    return NULL;
}

static Err flush_buf(FileWriter *w)
{
    size_t off = 0;
    while (off < w->used) {
        int fe = fileio_fault_check(FILEIO_OP_WRITE);
        if (fe)
            return err_from_errno(fe);
        unsigned char *p = w->buf + off;
        size_t n = w->used - off;
        if (fileio_fault_check(FILEIO_OP_CORRUPT))
            p[n / 2] ^= 0x20; /* a stick that lies: accepted, but wrong */
        ssize_t r = write(w->fd, p, n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return err_from_errno(errno);
        }
        if (r == 0)
            return ERR_NOSPACE;
        off += (size_t)r;
    }
    w->used = 0;
    return ERR_OK;
}

Err fileio_writer_write(FileWriter *w, const void *data, size_t n)
{
    if (!w)
        return ERR_INVALID;
    if (w->err)
        return w->err;
    const unsigned char *p = data;
    while (n > 0) {
        size_t room = WBUF_SIZE - w->used;
        size_t k = n < room ? n : room;
        memcpy(w->buf + w->used, p, k);
        w->used += k;
        p += k;
        n -= k;
        if (w->used == WBUF_SIZE) {
            w->err = flush_buf(w);
            if (w->err)
                return w->err;
        }
    }
    return ERR_OK;
}

void fileio_writer_abort(FileWriter *w)
{
    if (!w)
        return;
    if (w->fd >= 0)
        close(w->fd);
    unlink(w->tmp_path);
    free(w);
}

Err fileio_writer_commit(FileWriter *w)
{
    if (!w)
        return ERR_INVALID;
    Err e = w->err;
    if (!e)
        e = flush_buf(w);
    if (!e) {
        int fe = fileio_fault_check(FILEIO_OP_FSYNC);
        if (fe)
            e = err_from_errno(fe);
        else if (fsync(w->fd) != 0)
            e = err_from_errno(errno);
        else
            fileio_cut_durable(w->tmp_path, NULL);
    }
    /* close() can report a deferred write error (NFS, some FUSE). */
    if (close(w->fd) != 0 && !e)
        e = err_from_errno(errno);
    w->fd = -1;
    if (!e)
        e = fileio_rename(w->tmp_path, w->final_path);
    if (e) {
        unlink(w->tmp_path);
        free(w);
        return e;
    }
    char dir[PATH_MAX];
    const char *base;
    e = split_path(w->final_path, dir, sizeof dir, &base);
    if (!e)
        e = fileio_fsync_dir(dir);
    free(w);
    return e;
}

Err fileio_write_atomic(const char *path, const void *data, size_t n, mode_t mode)
{
    Err e = ERR_OK;
    FileWriter *w = fileio_writer_open(path, mode, &e);
    if (!w)
        return e;
    e = fileio_writer_write(w, data, n);
    if (e) {
        fileio_writer_abort(w);
        return e;
    }
    return fileio_writer_commit(w);
}

Err fileio_rename(const char *from, const char *to)
{
    int fe = fileio_fault_check(FILEIO_OP_RENAME);
    if (fe)
        return err_from_errno(fe);
    char dir[PATH_MAX], aside[PATH_MAX] = "";
    const char *base = NULL;
    if (fileio_cut_armed() && split_path(to, dir, sizeof dir, &base) == ERR_OK) {
        /* the simulation keeps the old file, to put it back if the rename
         * is lost in a power cut */
        int n = snprintf(aside, sizeof aside, "%s/.%s.cut-old", dir, base);
        if (n < 0 || (size_t)n >= sizeof aside || link(to, aside) != 0)
            aside[0] = '\0';
    }
    if (rename(from, to) != 0) {
        Err e = err_from_errno(errno);
        if (aside[0])
            unlink(aside);
        return e;
    }
    if (base) {
        fileio_cut_moved(from, to);
        fileio_cut_note(FILEIO_CUT_RENAME, to, dir, aside, from);
    }
    return ERR_OK;
}

Err fileio_fsync_dir(const char *dir)
{
    int fe = fileio_fault_check(FILEIO_OP_DIRFSYNC);
    if (fe)
        return err_from_errno(fe);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return err_from_errno(errno);
    Err e = ERR_OK;
    /* Some file systems refuse fsync on a folder (EINVAL): nothing more we
     * can do there, and it is not a lost write. */
    if (fsync(fd) != 0 && errno != EINVAL)
        e = err_from_errno(errno);
    close(fd);
    if (!e)
        fileio_cut_durable(NULL, dir);
    return e;
}

Err fileio_mkdir_p(const char *dir, mode_t mode)
{
    char buf[PATH_MAX];
    size_t len = strlen(dir);
    if (len == 0)
        return ERR_INVALID;
    if (len >= sizeof buf)
        return ERR_TOOBIG;
    memcpy(buf, dir, len + 1);
    while (len > 1 && buf[len - 1] == '/')
        buf[--len] = '\0';
    for (size_t i = 1; i <= len; i++) {
        if (buf[i] != '/' && buf[i] != '\0')
            continue;
        char saved = buf[i];
        buf[i] = '\0';
        struct stat st;
        if (stat(buf, &st) == 0) {
            if (!S_ISDIR(st.st_mode))
                return ERR_PATH;
        } else if (errno == ENOENT) {
            int fe = fileio_fault_check(FILEIO_OP_MKDIR);
            if (fe)
                return err_from_errno(fe);
            if (mkdir(buf, mode) != 0 && errno != EEXIST)
                return err_from_errno(errno);
            /* Make the new entry durable in its parent. */
            char parent[PATH_MAX];
            const char *base;
            if (split_path(buf, parent, sizeof parent, &base) == ERR_OK) {
                fileio_cut_note(FILEIO_CUT_FOLDER, buf, parent, NULL, NULL);
                Err e = fileio_fsync_dir(parent);
                if (e)
                    return e;
            }
        } else {
            return err_from_errno(errno);
        }
        buf[i] = saved;
    }
    return ERR_OK;
}
