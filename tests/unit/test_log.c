/* test_log.c: the ring of recent warnings when two threads log at once
 * (the UI thread and the statistics writer do). Every line the ring keeps
 * must be whole (never two lines spliced), each thread's lines must keep
 * their order, and the ring holds the newest lines. Run it under
 * ThreadSanitizer with `make B=build-tsan SANITIZE=thread build-tsan/tests/test_log`. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"

enum { LINES = 2000, RING_SEEN = 8 };

typedef struct {
    char tag;
    pthread_barrier_t *start;
} Writer;

static void *writer(void *arg)
{
    Writer *w = arg;
    pthread_barrier_wait(w->start);
    /* A long line, so a splice of two writes would show in the middle. */
    char tail[41];
    memset(tail, w->tag, 40);
    tail[40] = 0;
    for (int i = 0; i < LINES; i++)
        log_warn("%c %06d %s", w->tag, i, tail);
    return NULL;
}

/* A line as writer() formats it: tag, number, 40 tags. Returns the number. */
static int parse_line(const char *l, char *tag)
{
    assert_non_null(l);
    assert_int_equal(strlen(l), 1 + 1 + 6 + 1 + 40);
    *tag = l[0];
    assert_true(*tag == 'a' || *tag == 'b');
    for (int i = 9; i < 49; i++)
        assert_int_equal(l[i], *tag);
    return atoi(l + 2);
}

static void test_two_threads(void **state)
{
    (void)state;
    /* The lines go to stderr too; keep the test output readable. */
    fflush(stderr);
    int saved = dup(2), null = open("/dev/null", O_WRONLY);
    assert_true(saved >= 0 && null >= 0);
    dup2(null, 2);
    close(null);

    pthread_barrier_t start;
    pthread_barrier_init(&start, NULL, 2);
    Writer a = {'a', &start}, b = {'b', &start};
    pthread_t ta, tb;
    assert_int_equal(pthread_create(&ta, NULL, writer, &a), 0);
    assert_int_equal(pthread_create(&tb, NULL, writer, &b), 0);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    pthread_barrier_destroy(&start);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);

    /* Newest first: within each thread the numbers fall by one each time,
     * and the newest line of the thread that finished last is its last. */
    int last[2] = {-1, -1};
    int seen = 0;
    for (int i = 0; i < RING_SEEN; i++) {
        char l[256];
        if (!log_recent(i, l, sizeof l))
            break;
        char tag;
        int n = parse_line(l, &tag);
        int k = tag - 'a';
        if (last[k] >= 0)
            assert_int_equal(n, last[k] - 1);
        else
            assert_int_equal(n, LINES - 1); /* the ring keeps the newest lines */
        last[k] = n;
        seen++;
    }
    assert_int_equal(seen, RING_SEEN);
    char l[256];
    assert_false(log_recent(RING_SEEN, l, sizeof l));
    assert_false(log_recent(-1, l, sizeof l));
}

static void test_info_not_in_ring(void **state)
{
    (void)state;
    log_set_quiet(1);
    char l[256];
    log_warn("warning kept");
    log_info("info not kept");
    assert_true(log_recent(0, l, sizeof l));
    assert_string_equal(l, "warning kept");
    log_error("error %d kept", 2);
    assert_true(log_recent(0, l, sizeof l));
    assert_string_equal(l, "error 2 kept");
    assert_true(log_recent(1, l, sizeof l));
    assert_string_equal(l, "warning kept");
    log_set_quiet(0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_threads),
        cmocka_unit_test(test_info_not_in_ring),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
