/* test_fileio.c: safe writing survives a failure at every step, reads and
 * hashes are exact, mkdir -p behaves. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/fileio.h"
#include "support.h"

static char tmpdir[PATH_MAX];

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "%s", support_tmpdir());
    fileio_fault_clear();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    fileio_fault_clear();
    return support_rmtree(tmpdir) == 0 ? 0 : -1;
}

/* Number of entries in dir other than . and .. */
static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)))
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

static void test_write_read_roundtrip(void **state)
{
    (void)state;
    char path[PATH_MAX];
    assert_int_equal(fileio_join(path, sizeof path, tmpdir, "a.txt"), ERR_OK);
    assert_int_equal(fileio_write_atomic(path, "hello\n", 6, 0644), ERR_OK);
    char *buf;
    size_t len;
    assert_int_equal(fileio_read_all(path, 100, &buf, &len), ERR_OK);
    assert_int_equal(len, 6);
    assert_string_equal(buf, "hello\n");
    free(buf);
    assert_int_equal(fileio_read_all(path, 5, &buf, &len), ERR_TOOBIG);
    assert_null(buf);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    assert_int_equal(count_entries(tmpdir), 1); /* no temp file left */
}

static void test_big_streamed_write(void **state)
{
    (void)state;
    char path[PATH_MAX];
    assert_int_equal(fileio_join(path, sizeof path, tmpdir, "big.bin"), ERR_OK);
    Err e;
    FileWriter *w = fileio_writer_open(path, 0600, &e);
    assert_non_null(w);
    unsigned char chunk[1000];
    for (int i = 0; i < 300; i++) {
        memset(chunk, i & 0xff, sizeof chunk);
        assert_int_equal(fileio_writer_write(w, chunk, sizeof chunk), ERR_OK);
    }
    assert_int_equal(fileio_writer_commit(w), ERR_OK);
    char *buf;
    size_t len;
    assert_int_equal(fileio_read_all(path, 1 << 20, &buf, &len), ERR_OK);
    assert_int_equal(len, 300000);
    for (int i = 0; i < 300; i++)
        assert_int_equal((unsigned char)buf[i * 1000 + 999], i & 0xff);
    char hex[65], hex2[65];
    uint64_t size;
    assert_int_equal(fileio_sha256_file(path, hex, &size), ERR_OK);
    assert_int_equal(size, 300000);
    fileio_sha256_hex(buf, len, hex2);
    assert_string_equal(hex, hex2);
    free(buf);
}

static void test_sha256_known_vector(void **state)
{
    (void)state;
    char hex[65];
    fileio_sha256_hex("abc", 3, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    char path[PATH_MAX];
    assert_int_equal(fileio_join(path, sizeof path, tmpdir, "empty"), ERR_OK);
    assert_int_equal(fileio_write_atomic(path, "", 0, 0644), ERR_OK);
    uint64_t size = 99;
    assert_int_equal(fileio_sha256_file(path, hex, &size), ERR_OK);
    assert_int_equal(size, 0);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

/* Each step of a write (open, write, fsync, rename, dir fsync) fails in
 * turn, with several errnos: the old content stays under the final name
 * (or, for the folder fsync, the new complete one), the error is reported,
 * and no temporary file is left behind. */
static void test_fault_every_step(void **state)
{
    (void)state;
    char path[PATH_MAX];
    assert_int_equal(fileio_join(path, sizeof path, tmpdir, "f.csv"), ERR_OK);
    static char big[200000];
    memset(big, 'n', sizeof big);
    const int errnos[] = {EIO, ENOSPC, EROFS};
    const FileioOp ops[] = {FILEIO_OP_OPEN, FILEIO_OP_WRITE, FILEIO_OP_FSYNC, FILEIO_OP_RENAME};
    for (size_t oi = 0; oi < sizeof ops / sizeof ops[0]; oi++) {
        /* Count how many calls of this op one write makes. */
        assert_int_equal(fileio_write_atomic(path, "old", 3, 0644), ERR_OK);
        fileio_fault_clear();
        assert_int_equal(fileio_write_atomic(path, big, sizeof big, 0644), ERR_OK);
        int calls = fileio_fault_calls(ops[oi]);
        assert_true(calls >= 1);
        for (int nth = 1; nth <= calls; nth++) {
            for (size_t ei = 0; ei < 3; ei++) {
                assert_int_equal(fileio_write_atomic(path, "old", 3, 0644), ERR_OK);
                fileio_fault_clear();
                fileio_fault_set(ops[oi], nth, errnos[ei]);
                Err e = fileio_write_atomic(path, big, sizeof big, 0644);
                assert_int_equal(e, err_from_errno(errnos[ei]));
                fileio_fault_clear();
                char *buf;
                size_t len;
                assert_int_equal(fileio_read_all(path, sizeof big + 1, &buf, &len), ERR_OK);
                assert_int_equal(len, 3);
                assert_memory_equal(buf, "old", 3);
                free(buf);
                assert_int_equal(count_entries(tmpdir), 1);
            }
        }
    }
    /* Folder fsync failing: the rename happened, the data is complete, but
     * the caller is told (it must not claim durability). */
    fileio_fault_clear();
    fileio_fault_set(FILEIO_OP_DIRFSYNC, 1, EIO);
    assert_int_equal(fileio_write_atomic(path, big, sizeof big, 0644), ERR_IO);
    fileio_fault_clear();
    assert_int_equal(count_entries(tmpdir), 1);
}

static void test_corrupt_write_is_detectable(void **state)
{
    (void)state;
    char path[PATH_MAX];
    assert_int_equal(fileio_join(path, sizeof path, tmpdir, "c.bin"), ERR_OK);
    char data[5000];
    memset(data, 'x', sizeof data);
    char want[65], got[65];
    fileio_sha256_hex(data, sizeof data, want);
    fileio_fault_set(FILEIO_OP_CORRUPT, 1, 0);
    assert_int_equal(fileio_write_atomic(path, data, sizeof data, 0644), ERR_OK);
    fileio_fault_clear();
    fileio_drop_cache(path);
    assert_int_equal(fileio_sha256_file(path, got, NULL), ERR_OK);
    assert_string_not_equal(want, got);
}

static void test_mkdir_p(void **state)
{
    (void)state;
    char path[PATH_MAX];
    assert_int_equal(fileio_join(path, sizeof path, tmpdir, "a/b/c/"), ERR_OK);
    assert_int_equal(fileio_mkdir_p(path, 0755), ERR_OK);
    assert_int_equal(fileio_mkdir_p(path, 0755), ERR_OK);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    char file[PATH_MAX];
    assert_int_equal(fileio_join(file, sizeof file, tmpdir, "a/file"), ERR_OK);
    assert_int_equal(fileio_write_atomic(file, "x", 1, 0644), ERR_OK);
    assert_int_equal(fileio_join(path, sizeof path, tmpdir, "a/file/sub"), ERR_OK);
    assert_int_equal(fileio_mkdir_p(path, 0755), ERR_PATH);
    assert_int_equal(fileio_join(path, sizeof path, tmpdir, "x/y"), ERR_OK);
    fileio_fault_clear();
    fileio_fault_set(FILEIO_OP_MKDIR, 2, ENOSPC);
    assert_int_equal(fileio_mkdir_p(path, 0755), ERR_NOSPACE);
    fileio_fault_clear();
}

static void test_read_only_folder(void **state)
{
    (void)state;
    if (geteuid() == 0)
        skip(); /* root ignores permission bits */
    char dir[PATH_MAX], path[PATH_MAX];
    assert_int_equal(fileio_join(dir, sizeof dir, tmpdir, "ro"), ERR_OK);
    assert_int_equal(fileio_mkdir_p(dir, 0555), ERR_OK);
    assert_int_equal(fileio_join(path, sizeof path, dir, "f"), ERR_OK);
    assert_int_equal(fileio_write_atomic(path, "x", 1, 0644), ERR_READONLY);
    chmod(dir, 0755);
}

static void test_missing_and_join(void **state)
{
    (void)state;
    char *buf;
    size_t len;
    char path[PATH_MAX];
    assert_int_equal(fileio_join(path, sizeof path, tmpdir, "nope"), ERR_OK);
    assert_int_equal(fileio_read_all(path, 10, &buf, &len), ERR_NOTFOUND);
    char hex[65];
    assert_int_equal(fileio_sha256_file(path, hex, NULL), ERR_NOTFOUND);
    char small[8];
    assert_int_equal(fileio_join(small, sizeof small, "/abcdef", "g"), ERR_TOOBIG);
    assert_int_equal(fileio_join(small, sizeof small, "/a/", "b"), ERR_OK);
    assert_string_equal(small, "/a/b");
    assert_int_equal(fileio_join(path, sizeof path, tmpdir, "nodir/f"), ERR_OK);
    assert_int_equal(fileio_write_atomic(path, "x", 1, 0644), ERR_NOTFOUND);
}

/* A file in an open folder, the way a stick is read: only a regular file
 * named by one component, never a link, FIFO, socket or folder, and never
 * more than max bytes; the size is known before a byte is read. */
static void test_open_regular_at(void **state)
{
    (void)state;
    char path[PATH_MAX], link[PATH_MAX];
    assert_int_equal(fileio_join(path, sizeof path, tmpdir, "f.txt"), ERR_OK);
    assert_int_equal(fileio_write_atomic(path, "hello", 5, 0644), ERR_OK);
    int dfd = open(tmpdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    assert_true(dfd >= 0);
    int fd;
    uint64_t size = 0;
    assert_int_equal(fileio_open_regular_at(dfd, "f.txt", 5, &fd, &size), ERR_OK);
    assert_int_equal(size, 5);
    char *buf = NULL;
    size_t len = 0;
    assert_int_equal(fileio_read_fd(fd, size, 5, &buf, &len), ERR_OK);
    close(fd);
    assert_int_equal(len, 5);
    assert_string_equal(buf, "hello");
    free(buf);
    /* over max: refused before reading, the size still reported */
    assert_int_equal(fileio_open_regular_at(dfd, "f.txt", 4, &fd, &size), ERR_TOOBIG);
    assert_int_equal(fd, -1);
    assert_int_equal(size, 5);
    /* a name that is not one component */
    assert_int_equal(fileio_open_regular_at(dfd, "../f.txt", 5, &fd, NULL), ERR_PATH);
    assert_int_equal(fileio_open_regular_at(dfd, "..", 5, &fd, NULL), ERR_PATH);
    assert_int_equal(fileio_open_regular_at(dfd, "", 5, &fd, NULL), ERR_PATH);
    assert_int_equal(fileio_open_regular_at(-1, "f.txt", 5, &fd, NULL), ERR_INVALID);
    assert_int_equal(fileio_open_regular_at(dfd, "missing", 5, &fd, NULL), ERR_NOTFOUND);
    /* a symlink to the good file is not followed */
    assert_int_equal(fileio_join(link, sizeof link, tmpdir, "link"), ERR_OK);
    assert_int_equal(symlink(path, link), 0);
    assert_int_equal(fileio_open_regular_at(dfd, "link", 5, &fd, NULL), ERR_PATH);
    /* a FIFO does not block and is not a regular file */
    assert_int_equal(fileio_join(path, sizeof path, tmpdir, "fifo"), ERR_OK);
    assert_int_equal(mkfifo(path, 0644), 0);
    assert_int_equal(fileio_open_regular_at(dfd, "fifo", 5, &fd, NULL), ERR_FORMAT);
    /* nor a folder */
    assert_int_equal(fileio_join(path, sizeof path, tmpdir, "sub"), ERR_OK);
    assert_int_equal(fileio_mkdir_p(path, 0755), ERR_OK);
    assert_int_equal(fileio_open_regular_at(dfd, "sub", 5, &fd, NULL), ERR_FORMAT);
    /* nor a socket (open() says ENXIO) */
    int sk = socket(AF_UNIX, SOCK_STREAM, 0);
    assert_true(sk >= 0);
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    int n = snprintf(sa.sun_path, sizeof sa.sun_path, "%s/sock", tmpdir);
    assert_true(n > 0 && (size_t)n < sizeof sa.sun_path);
    assert_int_equal(bind(sk, (struct sockaddr *)&sa, sizeof sa), 0);
    assert_int_equal(fileio_open_regular_at(dfd, "sock", 5, &fd, NULL), ERR_FORMAT);
    close(sk);
    close(dfd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_write_read_roundtrip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_big_streamed_write, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sha256_known_vector, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fault_every_step, setup, teardown),
        cmocka_unit_test_setup_teardown(test_corrupt_write_is_detectable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mkdir_p, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_only_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_and_join, setup, teardown),
        cmocka_unit_test_setup_teardown(test_open_regular_at, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
