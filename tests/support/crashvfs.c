/* crashvfs.c: see crashvfs.h. Unsynced writes are kept as undo records
 * (offset, the bytes replaced, the file size before) in one global list in
 * write order, with the file's path, so the power cut can undo them with
 * plain POSIX calls whatever SQLite has opened or closed meanwhile. */
#include "crashvfs.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

typedef struct {
    char *path;
    sqlite3_int64 off;
    int n;
    unsigned char *old; /* n bytes, of which old_n existed before */
    int old_n;
    sqlite3_int64 size_before;
} Undo;

typedef struct {
    sqlite3_file base;
    sqlite3_file *real; /* the wrapped VFS's file, right after this struct */
    char *path;         /* NULL for temporary files (never checked after a cut) */
} CrashFile;

static sqlite3_vfs crash_vfs;
static sqlite3_vfs *parent;
static Undo *undo;
static int n_undo, cap_undo;
static int syncs, ops, crash_at;
static uint64_t rng;

static uint32_t next_rand(void)
{
    /* splitmix64: seeded, reproducible */
    uint64_t z = (rng += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return (uint32_t)((z ^ (z >> 31)) >> 32);
}

static void pwrite_all(int fd, const unsigned char *p, size_t n, off_t off)
{
    while (n > 0) {
        ssize_t w = pwrite(fd, p, n, off);
        if (w <= 0)
            return;
        p += w;
        n -= (size_t)w;
        off += w;
    }
}

/* The power fails: decide each unsynced write's fate, newest first. */
static void power_cut(void)
{
    for (int i = n_undo - 1; i >= 0; i--) {
        Undo *u = &undo[i];
        int fd = open(u->path, O_RDWR | O_CLOEXEC);
        if (fd < 0)
            continue;
        uint32_t fate = next_rand() % 3;
        if (fate == 1) { /* dropped */
            pwrite_all(fd, u->old, (size_t)u->old_n, (off_t)u->off);
            if (u->off + u->n > u->size_before && ftruncate(fd, (off_t)u->size_before) != 0) {
                /* nothing more a dying disk could do */
            }
        } else if (fate == 2) { /* torn, sector by sector */
            for (int s = 0; s < u->n; s += 512) {
                int len = u->n - s < 512 ? u->n - s : 512;
                uint32_t f = next_rand() % 3;
                if (f == 0)
                    continue; /* new bytes stay */
                unsigned char buf[512];
                for (int k = 0; k < len; k++)
                    buf[k] = f == 1 && s + k < u->old_n ? u->old[s + k] : (unsigned char)next_rand();
                pwrite_all(fd, buf, (size_t)len, (off_t)(u->off + s));
            }
        }
        close(fd);
    }
    _exit(CRASHVFS_EXIT);
}

static void forget_file(const char *path)
{
    int j = 0;
    for (int i = 0; i < n_undo; i++) {
        if (strcmp(undo[i].path, path) == 0) {
            free(undo[i].old);
            free(undo[i].path);
        } else {
            undo[j++] = undo[i];
        }
    }
    n_undo = j;
}

static int c_close(sqlite3_file *f)
{
    CrashFile *c = (CrashFile *)f;
    int rc = c->real->pMethods ? c->real->pMethods->xClose(c->real) : SQLITE_OK;
    free(c->path);
    c->path = NULL;
    return rc;
}

static int c_read(sqlite3_file *f, void *p, int n, sqlite3_int64 off)
{
    CrashFile *c = (CrashFile *)f;
    return c->real->pMethods->xRead(c->real, p, n, off);
}

static int c_write(sqlite3_file *f, const void *p, int n, sqlite3_int64 off)
{
    CrashFile *c = (CrashFile *)f;
    if (c->path && ++ops == crash_at)
        power_cut(); /* before this write reaches the file */
    if (c->path) {
        sqlite3_int64 size = 0;
        c->real->pMethods->xFileSize(c->real, &size);
        if (n_undo == cap_undo) {
            cap_undo = cap_undo ? cap_undo * 2 : 256;
            undo = realloc(undo, sizeof *undo * (size_t)cap_undo);
            if (!undo)
                abort();
        }
        Undo *u = &undo[n_undo++];
        u->path = strdup(c->path);
        u->off = off;
        u->n = n;
        u->size_before = size;
        u->old = malloc((size_t)n);
        if (!u->path || !u->old)
            abort();
        u->old_n = off >= size ? 0 : (int)(size - off < n ? size - off : n);
        if (u->old_n > 0 && c->real->pMethods->xRead(c->real, u->old, u->old_n, off) != SQLITE_OK)
            u->old_n = 0;
    }
    return c->real->pMethods->xWrite(c->real, p, n, off);
}

static int c_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    CrashFile *c = (CrashFile *)f;
    return c->real->pMethods->xTruncate(c->real, size);
}

static int c_sync(sqlite3_file *f, int flags)
{
    CrashFile *c = (CrashFile *)f;
    (void)flags;
    syncs++;
    if (++ops == crash_at)
        power_cut(); /* before this sync: what it would make durable is not */
    if (c->path)
        forget_file(c->path); /* durable now */
    return SQLITE_OK;
}

static int c_size(sqlite3_file *f, sqlite3_int64 *out)
{
    CrashFile *c = (CrashFile *)f;
    return c->real->pMethods->xFileSize(c->real, out);
}

static int c_lock(sqlite3_file *f, int l)
{
    CrashFile *c = (CrashFile *)f;
    return c->real->pMethods->xLock(c->real, l);
}

static int c_unlock(sqlite3_file *f, int l)
{
    CrashFile *c = (CrashFile *)f;
    return c->real->pMethods->xUnlock(c->real, l);
}

static int c_reserved(sqlite3_file *f, int *out)
{
    CrashFile *c = (CrashFile *)f;
    return c->real->pMethods->xCheckReservedLock(c->real, out);
}

static int c_fcntl(sqlite3_file *f, int op, void *arg)
{
    CrashFile *c = (CrashFile *)f;
    return c->real->pMethods->xFileControl(c->real, op, arg);
}

static int c_sector(sqlite3_file *f)
{
    CrashFile *c = (CrashFile *)f;
    return c->real->pMethods->xSectorSize(c->real);
}

static int c_devchar(sqlite3_file *f)
{
    CrashFile *c = (CrashFile *)f;
    return c->real->pMethods->xDeviceCharacteristics(c->real);
}

static int c_shm_map(sqlite3_file *f, int pg, int sz, int extend, void volatile **pp)
{
    CrashFile *c = (CrashFile *)f;
    return c->real->pMethods->xShmMap(c->real, pg, sz, extend, pp);
}

static int c_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
    CrashFile *c = (CrashFile *)f;
    return c->real->pMethods->xShmLock(c->real, off, n, flags);
}

static void c_shm_barrier(sqlite3_file *f)
{
    CrashFile *c = (CrashFile *)f;
    c->real->pMethods->xShmBarrier(c->real);
}

static int c_shm_unmap(sqlite3_file *f, int del)
{
    CrashFile *c = (CrashFile *)f;
    return c->real->pMethods->xShmUnmap(c->real, del);
}

/* No memory-mapped I/O: every page goes through c_write. */
static int c_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **pp)
{
    (void)f, (void)off, (void)n;
    *pp = NULL;
    return SQLITE_OK;
}

static int c_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
    (void)f, (void)off, (void)p;
    return SQLITE_OK;
}

static const sqlite3_io_methods crash_io = {
    3,          c_close,   c_read,       c_write,      c_truncate,    c_sync,
    c_size,     c_lock,    c_unlock,     c_reserved,   c_fcntl,       c_sector,
    c_devchar,  c_shm_map, c_shm_lock,   c_shm_barrier, c_shm_unmap,  c_fetch,
    c_unfetch,
};

static int c_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
    (void)vfs;
    CrashFile *c = (CrashFile *)f;
    memset(c, 0, sizeof *c);
    c->real = (sqlite3_file *)(c + 1);
    int rc = parent->xOpen(parent, name, c->real, flags, out_flags);
    if (rc != SQLITE_OK) {
        c->real->pMethods = NULL;
        f->pMethods = NULL;
        return rc;
    }
    c->path = name ? strdup(name) : NULL;
    f->pMethods = &crash_io;
    return SQLITE_OK;
}

static int c_delete(sqlite3_vfs *v, const char *name, int sync_dir)
{
    (void)v;
    forget_file(name);
    return parent->xDelete(parent, name, sync_dir);
}

static int c_access(sqlite3_vfs *v, const char *name, int flags, int *out)
{
    (void)v;
    return parent->xAccess(parent, name, flags, out);
}

static int c_fullpath(sqlite3_vfs *v, const char *name, int n, char *out)
{
    (void)v;
    return parent->xFullPathname(parent, name, n, out);
}

int crashvfs_register(uint64_t seed, int crash_at_op)
{
    rng = seed;
    crash_at = crash_at_op;
    syncs = ops = 0;
    if (parent)
        return SQLITE_OK;
    parent = sqlite3_vfs_find(NULL);
    crash_vfs = *parent; /* dlopen, randomness, sleep, time: the parent's */
    crash_vfs.iVersion = parent->iVersion < 3 ? parent->iVersion : 3;
    crash_vfs.szOsFile = (int)sizeof(CrashFile) + parent->szOsFile;
    crash_vfs.zName = CRASHVFS_NAME;
    crash_vfs.pNext = NULL;
    crash_vfs.pAppData = NULL;
    crash_vfs.xOpen = c_open;
    crash_vfs.xDelete = c_delete;
    crash_vfs.xAccess = c_access;
    crash_vfs.xFullPathname = c_fullpath;
    return sqlite3_vfs_register(&crash_vfs, 0);
}

int crashvfs_syncs(void)
{
    return syncs;
}

int crashvfs_ops(void)
{
    return ops;
}
