/* fileio.c: temp-file + fsync + rename + folder fsync writing, whole-file
 * reads, SHA-256 of files, mkdir -p, and the fault-injection hook.
 *
 * Writes are buffered (64 KiB) so a big export costs few syscalls; every
 * syscall that can fail goes through fault_check() so tests can fail it. */
#include "core/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#define WBUF_SIZE (64 * 1024)

/* ---- fault injection ---- */
static atomic_int fault_op = -1;
static atomic_int fault_nth;
static atomic_int fault_errno;
static atomic_int fault_calls[FILEIO_OP__COUNT];

void fileio_fault_set(FileioOp op, int nth, int err)
{
    atomic_store(&fault_op, nth > 0 ? (int)op : -1);
    atomic_store(&fault_nth, nth);
    atomic_store(&fault_errno, err);
}

void fileio_fault_clear(void)
{
    atomic_store(&fault_op, -1);
    for (int i = 0; i < FILEIO_OP__COUNT; i++)
        atomic_store(&fault_calls[i], 0);
}

int fileio_fault_calls(FileioOp op)
{
    return atomic_load(&fault_calls[op]);
}

/* ---- power-cut simulation (tests; see fileio.h) ----
 * Single-threaded by contract (a forked test child), so plain statics. */
enum { CUT_MAX = 256 };
typedef struct {
    char path[PATH_MAX];   /* an unsynced temp file; a renamed final name; a new folder */
    char aside[PATH_MAX];  /* rename: the old file kept here ("" = there was none) */
    char tmp[PATH_MAX];    /* rename: where the new file came from */
    char dir[PATH_MAX];    /* the folder whose fsync makes it durable */
    int kind;              /* 0 data, 1 rename, 2 folder */
} CutEntry;
static int cut_at, cut_steps;
static uint64_t cut_rng;
static CutEntry cut_list[CUT_MAX];
static int cut_n;

static uint32_t cut_rand(void)
{
    uint64_t z = (cut_rng += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return (uint32_t)((z ^ (z >> 31)) >> 32);
}

void fileio_cut_arm(int nth, uint64_t seed)
{
    cut_at = nth;
    cut_steps = 0;
    cut_rng = seed;
    cut_n = 0;
}

int fileio_cut_steps(void)
{
    return cut_steps;
}

static int rm_rf(const char *path, int depth);

static void cut_note(int kind, const char *path, const char *dir, const char *aside,
                     const char *tmp)
{
    if (cut_at <= 0 || cut_n >= CUT_MAX)
        return;
    CutEntry *c = &cut_list[cut_n++];
    c->kind = kind;
    snprintf(c->path, sizeof c->path, "%s", path);
    snprintf(c->dir, sizeof c->dir, "%s", dir ? dir : "");
    snprintf(c->aside, sizeof c->aside, "%s", aside ? aside : "");
    snprintf(c->tmp, sizeof c->tmp, "%s", tmp ? tmp : "");
}

/* A rename moves what is not yet durable with it: entries at or under from
 * now live at or under to (a file, or a staged folder of files). */
static void cut_moved(const char *from, const char *to)
{
    size_t n = strlen(from);
    for (int i = 0; i < cut_n; i++) {
        char *fields[] = {cut_list[i].path, cut_list[i].dir};
        for (int f = 0; f < 2; f++) {
            char *p = fields[f];
            if (strncmp(p, from, n) != 0 || (p[n] != '\0' && p[n] != '/'))
                continue;
            char moved[PATH_MAX];
            int len = snprintf(moved, sizeof moved, "%s%s", to, p + n);
            if (len > 0 && (size_t)len < sizeof moved)
                memcpy(p, moved, (size_t)len + 1);
        }
    }
}

/* path became durable (a file fsynced), or everything in dir did. */
static void cut_durable(const char *path, const char *dir)
{
    int j = 0;
    for (int i = 0; i < cut_n; i++) {
        CutEntry *c = &cut_list[i];
        int done = (path && c->kind == 0 && strcmp(c->path, path) == 0) ||
                   (dir && c->kind != 0 && strcmp(c->dir, dir) == 0);
        if (done && c->kind == 1 && c->aside[0])
            unlink(c->aside);
        if (!done)
            cut_list[j++] = *c;
    }
    cut_n = j;
}

static void cut_now(void)
{
    for (int i = cut_n - 1; i >= 0; i--) {
        CutEntry *c = &cut_list[i];
        int lost = cut_rand() % 2;
        if (c->kind == 0) { /* unsynced data: a random prefix, maybe a torn sector */
            struct stat st;
            if (stat(c->path, &st) != 0)
                continue;
            off_t keep = st.st_size ? (off_t)(cut_rand() % (uint32_t)(st.st_size + 1)) : 0;
            if (truncate(c->path, keep) != 0)
                continue;
            if (keep > 0 && lost) {
                int fd = open(c->path, O_WRONLY | O_CLOEXEC);
                if (fd >= 0) {
                    unsigned char junk[512];
                    for (size_t k = 0; k < sizeof junk; k++)
                        junk[k] = (unsigned char)cut_rand();
                    off_t at = keep > 512 ? keep - 512 : 0;
                    (void)!pwrite(fd, junk, (size_t)(keep - at), at);
                    close(fd);
                }
            }
        } else if (c->kind == 1 && lost) { /* the rename never reached the disk */
            if (rename(c->path, c->tmp) != 0)
                continue;
            if (c->aside[0])
                (void)rename(c->aside, c->path);
        } else if (c->kind == 1) {
            if (c->aside[0])
                unlink(c->aside);
        } else if (c->kind == 2 && lost) { /* nor did the new folder */
            rm_rf(c->path, 0);
        }
    }
    _exit(FILEIO_CUT_EXIT);
}

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

/* Count one call of op; non-zero (an errno) when this call must fail. */
static int fault_check(FileioOp op)
{
    if (cut_at > 0 && ++cut_steps == cut_at)
        cut_now();
    int n = atomic_fetch_add(&fault_calls[op], 1) + 1;
    if (atomic_load(&fault_op) != (int)op)
        return 0;
    if (n != atomic_load(&fault_nth))
        return 0;
    int e = atomic_load(&fault_errno);
    return e ? e : EIO;
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
    int fe = fault_check(FILEIO_OP_OPEN);
    if (fe) {
        e = err_from_errno(fe);
        goto fail;
    }
    w->fd = mkstemp(w->tmp_path);
    if (w->fd < 0) {
        e = err_from_errno(errno);
        goto fail;
    }
    cut_note(0, w->tmp_path, NULL, NULL, NULL);
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
        int fe = fault_check(FILEIO_OP_WRITE);
        if (fe)
            return err_from_errno(fe);
        unsigned char *p = w->buf + off;
        size_t n = w->used - off;
        if (fault_check(FILEIO_OP_CORRUPT))
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
        int fe = fault_check(FILEIO_OP_FSYNC);
        if (fe)
            e = err_from_errno(fe);
        else if (fsync(w->fd) != 0)
            e = err_from_errno(errno);
        else
            cut_durable(w->tmp_path, NULL);
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
    int fe = fault_check(FILEIO_OP_RENAME);
    if (fe)
        return err_from_errno(fe);
    char dir[PATH_MAX], aside[PATH_MAX] = "";
    const char *base = NULL;
    if (cut_at > 0 && split_path(to, dir, sizeof dir, &base) == ERR_OK) {
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
        cut_moved(from, to);
        cut_note(1, to, dir, aside, from);
    }
    return ERR_OK;
}

Err fileio_fsync_dir(const char *dir)
{
    int fe = fault_check(FILEIO_OP_DIRFSYNC);
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
        cut_durable(NULL, dir);
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
            int fe = fault_check(FILEIO_OP_MKDIR);
            if (fe)
                return err_from_errno(fe);
            if (mkdir(buf, mode) != 0 && errno != EEXIST)
                return err_from_errno(errno);
            /* Make the new entry durable in its parent. */
            char parent[PATH_MAX];
            const char *base;
            if (split_path(buf, parent, sizeof parent, &base) == ERR_OK) {
                cut_note(2, buf, parent, NULL, NULL);
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

/* Open path (or name relative to dirfd when dirfd >= 0) for reading
 * without blocking on a FIFO or device, accept only a regular file of at
 * most max bytes, then make the descriptor blocking again. */
static Err open_regular_at(int dirfd, const char *name, int nofollow, uint64_t max, int *fd_out,
                           uint64_t *size_out)
{
    *fd_out = -1;
    int flags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (nofollow ? O_NOFOLLOW : 0);
    int fd = dirfd >= 0 ? openat(dirfd, name, flags) : open(name, flags);
    if (fd < 0)
        return errno == ELOOP ? ERR_PATH : err_from_errno(errno);
    struct stat st;
    if (fstat(fd, &st) != 0) {
        Err e = err_from_errno(errno);
        close(fd);
        return e;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return S_ISLNK(st.st_mode) ? ERR_PATH : ERR_FORMAT;
    }
    if (size_out)
        *size_out = (uint64_t)st.st_size;
    if ((uint64_t)st.st_size > max) {
        close(fd);
        return ERR_TOOBIG;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != 0) {
        Err e = err_from_errno(errno);
        close(fd);
        return e;
    }
    *fd_out = fd;
    return ERR_OK;
}

/* One component of a relative path: not empty, ".", ".." and within
 * NAME_MAX. */
static int component_ok(const char *c, size_t n)
{
    return n > 0 && n <= NAME_MAX && !(n == 1 && c[0] == '.') &&
           !(n == 2 && c[0] == '.' && c[1] == '.');
}

/* Open root as a folder, then each folder of rel below it without following
 * links. Returns the folder holding rel's last component in *dirfd and
 * that component in *last (a pointer into rel). */
static Err walk_beneath(const char *root, const char *rel, int create, mode_t mode, int *dirfd,
                        const char **last)
{
    *dirfd = -1;
    if (!rel || rel[0] == '/')
        return ERR_PATH;
    int d = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (d < 0)
        return err_from_errno(errno);
    const char *p = rel;
    for (;;) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (!component_ok(p, n)) {
            close(d);
            return ERR_PATH;
        }
        if (!slash) {
            *dirfd = d;
            *last = p;
            return ERR_OK;
        }
        char name[NAME_MAX + 1];
        memcpy(name, p, n);
        name[n] = '\0';
        int sub = openat(d, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (sub < 0 && errno == ENOENT && create) {
            int fe = fault_check(FILEIO_OP_MKDIR);
            if (fe) {
                close(d);
                return err_from_errno(fe);
            }
            if (mkdirat(d, name, mode) != 0 && errno != EEXIST) {
                Err e = err_from_errno(errno);
                close(d);
                return e;
            }
            if (fsync(d) != 0 && errno != EINVAL) {
                Err e = err_from_errno(errno);
                close(d);
                return e;
            }
            sub = openat(d, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }
        if (sub < 0) {
            /* O_NOFOLLOW on a link gives ELOOP; with O_DIRECTORY some
             * kernels say ENOTDIR: tell the two apart with lstat. */
            int err = errno;
            struct stat st;
            Err e = (err == ELOOP || (fstatat(d, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
                                      S_ISLNK(st.st_mode)))
                        ? ERR_PATH
                        : err_from_errno(err);
            close(d);
            return e;
        }
        close(d);
        d = sub;
        p = slash + 1;
    }
}

Err fileio_open_regular(const char *root, const char *rel, uint64_t max, int *fd_out,
                        uint64_t *size_out)
{
    *fd_out = -1;
    if (size_out)
        *size_out = 0;
    if (!root || !*root)
        return ERR_INVALID;
    if (!rel || !*rel)
        return open_regular_at(-1, root, 1, max, fd_out, size_out);
    int d;
    const char *last;
    Err e = walk_beneath(root, rel, 0, 0, &d, &last);
    if (e)
        return e;
    e = open_regular_at(d, last, 1, max, fd_out, size_out);
    close(d);
    return e;
}

Err fileio_mkdir_beneath(const char *root, const char *rel, mode_t mode)
{
    char buf[PATH_MAX];
    size_t n = rel ? strlen(rel) : 0;
    if (n == 0 || n + 3 > sizeof buf)
        return n ? ERR_TOOBIG : ERR_PATH;
    /* Walk "rel/." so every component of rel is a folder to make. */
    memcpy(buf, rel, n);
    while (n > 1 && buf[n - 1] == '/')
        n--;
    memcpy(buf + n, "/x", 3);
    int d;
    const char *last;
    Err e = walk_beneath(root, buf, 1, mode, &d, &last);
    if (!e)
        close(d);
    return e;
}

/* Read fd (size bytes expected, at most max) to its end. */
static Err read_fd_all(int fd, uint64_t size, size_t max, char **out, size_t *len)
{
    Err e = ERR_OK;
    size_t cap = (size_t)size;
    char *buf = malloc(cap + 1);
    if (!buf)
        return ERR_NOMEM;
    size_t got = 0;
    for (;;) {
        if (got == cap) {
            /* The file grew since fstat: read on, within max. */
            char probe;
            ssize_t r = read(fd, &probe, 1);
            if (r == 0)
                break;
            if (r < 0) {
                if (errno == EINTR)
                    continue;
                e = err_from_errno(errno);
                goto done;
            }
            if (cap + 1 > max) {
                e = ERR_TOOBIG;
                goto done;
            }
            size_t ncap = cap * 2 + 64 > max ? max : cap * 2 + 64;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) {
                e = ERR_NOMEM;
                goto done;
            }
            buf = nb;
            buf[got++] = probe;
            cap = ncap;
            continue;
        }
        ssize_t r = read(fd, buf + got, cap - got);
        if (r == 0)
            break;
        if (r < 0) {
            if (errno == EINTR)
                continue;
            e = err_from_errno(errno);
            goto done;
        }
        got += (size_t)r;
    }
    buf[got] = '\0';
    *out = buf;
    buf = NULL;
    if (len)
        *len = got;
done:
    free(buf);
    return e;
}

Err fileio_read_all(const char *path, size_t max, char **out, size_t *len)
{
    *out = NULL;
    if (len)
        *len = 0;
    int fd;
    uint64_t size = 0;
    Err e = open_regular_at(-1, path, 0, max, &fd, &size);
    if (e)
        return e;
    e = read_fd_all(fd, size, max, out, len);
    close(fd);
    return e;
}

Err fileio_read_regular(const char *root, const char *rel, size_t max, char **out, size_t *len)
{
    *out = NULL;
    if (len)
        *len = 0;
    int fd;
    uint64_t size = 0;
    Err e = fileio_open_regular(root, rel, max, &fd, &size);
    if (e)
        return e;
    e = read_fd_all(fd, size, max, out, len);
    close(fd);
    return e;
}

static void to_hex(const unsigned char *h, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[h[i] >> 4];
        out[2 * i + 1] = digits[h[i] & 15];
    }
    out[2 * n] = '\0';
}

void fileio_sha256_hex(const void *data, size_t n, char out_hex[65])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, data, n);
    to_hex(h, sizeof h, out_hex);
}

Err fileio_sha256_fd(int fd, uint64_t max, char out_hex[65], uint64_t *size)
{
    crypto_hash_sha256_state s;
    crypto_hash_sha256_init(&s);
    unsigned char buf[64 * 1024];
    uint64_t total = 0;
    for (;;) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r == 0)
            break;
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return err_from_errno(errno);
        }
        total += (uint64_t)r;
        if (total > max)
            return ERR_TOOBIG;
        crypto_hash_sha256_update(&s, buf, (unsigned long long)r);
    }
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&s, h);
    to_hex(h, sizeof h, out_hex);
    if (size)
        *size = total;
    return ERR_OK;
}

Err fileio_sha256_file(const char *path, char out_hex[65], uint64_t *size)
{
    int fd;
    Err e = open_regular_at(-1, path, 0, UINT64_MAX, &fd, NULL);
    if (e)
        return e == ERR_NOTFOUND ? e : (e == ERR_PATH ? ERR_FORMAT : e);
    e = fileio_sha256_fd(fd, UINT64_MAX, out_hex, size);
    close(fd);
    return e;
}

void fileio_drop_cache(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    (void)posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    close(fd);
}
