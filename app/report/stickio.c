/* stickio.c: reading files on a stick that anyone may have prepared.
 *
 * A hostile stick can hold a FIFO named manifest.json (open() and read()
 * would block merge for ever), a symlink to /dev/zero or to a file
 * outside the stick, symlink loops, or an 8 GB file. Files are opened by
 * fileio_open_regular_at(), the one opener for files someone else
 * controls (relative to an open folder, O_NOFOLLOW | O_NONBLOCK, regular
 * files only, bounded by size before a byte is read); this file adds what
 * merge needs on top: the listed size, and its error vocabulary. */
#include "report/report.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/fileio.h"

/* fileio's answers in the words report_stick_read() promises: anything
 * that is not a regular file is ERR_PATH, other failures ERR_IO. */
static Err stick_err_of(Err e)
{
    switch (e) {
    case ERR_OK:
    case ERR_NOTFOUND:
    case ERR_TOOBIG:
    case ERR_NOMEM:
        return e;
    case ERR_PATH:
    case ERR_FORMAT:
        return ERR_PATH;
    default:
        return ERR_IO;
    }
}

Err report_stick_read(int dirfd, const char *name, size_t max, int64_t expect, char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    int fd;
    uint64_t size = 0;
    Err e = stick_err_of(fileio_open_regular_at(dirfd, name, max, &fd, &size));
    if (e != ERR_OK)
        return e;
    /* The listed size is checked before a byte is read. */
    if (expect >= 0 && size != (uint64_t)expect) {
        close(fd);
        return ERR_HASH;
    }
    char *buf = NULL;
    size_t n = 0;
    e = fileio_read_fd(fd, size, max, &buf, &n);
    close(fd);
    if (e != ERR_OK)
        return e == ERR_TOOBIG ? ERR_HASH : stick_err_of(e);
    /* Grew or shrank while reading: not the file whose size was checked. */
    if (n != size) {
        free(buf);
        return ERR_HASH;
    }
    *out = buf;
    *len = n;
    return ERR_OK;
}

int report_stick_opendir(int dirfd, const char *name)
{
    return openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
}
