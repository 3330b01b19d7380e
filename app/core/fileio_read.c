/* fileio_read.c: opening and reading files someone else controls (USB
 * sticks, content packs, exports to merge) without following links or
 * blocking on a FIFO, creating folders beneath a root without following
 * links, whole-file reads, and SHA-256 of files and buffers. See fileio.h
 * ("Reading files someone else controls") for why each step is there. */
#include "core/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "core/fileio_internal.h"

/* Open path (or name relative to dirfd when dirfd >= 0) for reading
 * without blocking on a FIFO or device, accept only a regular file of at
 * most max bytes, then make the descriptor blocking again. */
static Err open_checked(int dirfd, const char *name, int nofollow, uint64_t max, int *fd_out,
                        uint64_t *size_out)
{
    *fd_out = -1;
    int flags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (nofollow ? O_NOFOLLOW : 0);
    int fd = dirfd >= 0 ? openat(dirfd, name, flags) : open(name, flags);
    if (fd < 0) {
        /* ELOOP: a link under O_NOFOLLOW; ENXIO: a socket, or a device
         * with no driver behind it: not a regular file either way. */
        if (errno == ELOOP)
            return ERR_PATH;
        return errno == ENXIO ? ERR_FORMAT : err_from_errno(errno);
    }
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
            int fe = fileio_fault_check(FILEIO_OP_MKDIR);
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
        return open_checked(-1, root, 1, max, fd_out, size_out);
    int d;
    const char *last;
    Err e = walk_beneath(root, rel, 0, 0, &d, &last);
    if (e)
        return e;
    e = open_checked(d, last, 1, max, fd_out, size_out);
    close(d);
    return e;
}

Err fileio_open_regular_at(int dirfd, const char *name, uint64_t max, int *fd_out,
                           uint64_t *size_out)
{
    *fd_out = -1;
    if (size_out)
        *size_out = 0;
    if (dirfd < 0 || !name)
        return ERR_INVALID;
    if (strchr(name, '/') || !component_ok(name, strlen(name)))
        return ERR_PATH;
    return open_checked(dirfd, name, 1, max, fd_out, size_out);
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

Err fileio_read_fd(int fd, uint64_t size, size_t max, char **out, size_t *len)
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
    Err e = open_checked(-1, path, 0, max, &fd, &size);
    if (e)
        return e;
    e = fileio_read_fd(fd, size, max, out, len);
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
    e = fileio_read_fd(fd, size, max, out, len);
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
    Err e = open_checked(-1, path, 0, UINT64_MAX, &fd, NULL);
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
