/* stickio.c: reading files on a stick that anyone may have prepared.
 *
 * A hostile stick can hold a FIFO named manifest.json (open() and read()
 * would block merge for ever), a symlink to /dev/zero or to a file
 * outside the stick, symlink loops, or an 8 GB file. Everything here is
 * relative to an open folder, opened with O_NOFOLLOW | O_NONBLOCK, checked
 * with fstat (regular files only) and bounded by size before a byte is
 * read. (helper kiosk-harden adds a similar opener to core/fileio.c; the
 * two should become one at merge time.) */
#include "report/report.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

Err report_stick_read(int dirfd, const char *name, size_t max, int64_t expect, char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return errno == ENOENT ? ERR_NOTFOUND : errno == ELOOP || errno == ENXIO ? ERR_PATH : ERR_IO;
    Err e = ERR_OK;
    char *buf = NULL;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        e = ERR_IO;
        goto done;
    }
    if (!S_ISREG(st.st_mode)) {
        e = ERR_PATH;
        goto done;
    }
    if (st.st_size < 0 || (uint64_t)st.st_size > max) {
        e = ERR_TOOBIG;
        goto done;
    }
    if (expect >= 0 && st.st_size != expect) {
        e = ERR_HASH;
        goto done;
    }
    size_t n = (size_t)st.st_size;
    buf = malloc(n + 1);
    if (!buf) {
        e = ERR_NOMEM;
        goto done;
    }
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            e = r == 0 ? ERR_HASH : ERR_IO; /* shrank while reading */
            goto done;
        }
        got += (size_t)r;
    }
    /* Grew while reading: not the file whose size was checked. */
    char extra;
    ssize_t r = read(fd, &extra, 1);
    if (r != 0) {
        e = r > 0 ? ERR_HASH : ERR_IO;
        goto done;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    buf = NULL;
done:
    free(buf);
    close(fd);
    return e;
}

int report_stick_opendir(int dirfd, const char *name)
{
    return openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
}
