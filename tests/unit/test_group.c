/* test_group.c: group-session tallies and their conversion to aggregate
 * statistics (counts, clamping, bands, right/wrong split, no empty rows). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "group/group.h"

static void quiz_setup(GroupSession *g)
{
    const int n_answers[3] = {3, 2, 4};
    const int correct[3] = {1, 0, 3};
    group_session_init(g);
    assert_int_equal(group_session_set_quiz(g, "travel-risks", 3, n_answers, correct), ERR_OK);
}

static const StatEvent *find(const StatEvent *ev, int n, StatKind k, int item, int ok)
{
    for (int i = 0; i < n; i++)
        if (ev[i].kind == k && ev[i].n == item && ev[i].ok == ok)
            return &ev[i];
    return NULL;
}

static void test_empty_session_counts_once(void **state)
{
    (void)state;
    GroupSession g;
    group_session_init(&g);
    StatEvent ev[GROUP_MAX_EVENTS];
    int n = group_session_events(&g, ev, GROUP_MAX_EVENTS);
    assert_int_equal(n, 1);
    assert_int_equal(ev[0].kind, STAT_GROUP_SESSION);
    assert_int_equal(ev[0].count, 1);
    assert_string_equal(ev[0].module, "");
    assert_string_equal(ev[0].lang, "");
}

static void test_bands_become_attendee_events(void **state)
{
    (void)state;
    GroupSession g;
    group_session_init(&g);
    assert_int_equal(group_session_set_band(&g, GROUP_BAND_WOMEN, 12), ERR_OK);
    assert_int_equal(group_session_set_band(&g, GROUP_BAND_GIRLS, 5), ERR_OK);
    assert_int_equal(group_session_set_band(&g, GROUP_BAND_BOYS, 0), ERR_OK);
    assert_int_equal(group_session_set_band(&g, (GroupBand)7, 3), ERR_INVALID);
    assert_int_equal(group_session_attendees(&g), 17);

    StatEvent ev[GROUP_MAX_EVENTS];
    int n = group_session_events(&g, ev, GROUP_MAX_EVENTS);
    assert_int_equal(n, 3); /* session + women + girls; empty bands skipped */
    int women = 0, girls = 0;
    for (int i = 0; i < n; i++) {
        if (ev[i].kind != STAT_GROUP_ATTENDEES)
            continue;
        assert_int_equal(ev[i].ok, ev[i].count);
        if (ev[i].n == GROUP_BAND_WOMEN)
            women = ev[i].count;
        if (ev[i].n == GROUP_BAND_GIRLS)
            girls = ev[i].count;
        assert_true(ev[i].n != GROUP_BAND_MEN && ev[i].n != GROUP_BAND_BOYS);
    }
    assert_int_equal(women, 12);
    assert_int_equal(girls, 5);
}

static void test_quiz_split_right_wrong(void **state)
{
    (void)state;
    GroupSession g;
    quiz_setup(&g);
    /* Q0: right answer is 1. */
    assert_int_equal(group_session_add_hands(&g, 0, 0, 4), ERR_OK);
    assert_int_equal(group_session_add_hands(&g, 0, 1, 9), ERR_OK);
    assert_int_equal(group_session_add_hands(&g, 0, 2, 2), ERR_OK);
    /* Q1: everyone right. */
    assert_int_equal(group_session_set_hands(&g, 1, 0, 15), ERR_OK);
    /* Q2: no hands at all: no quiz rows. */

    StatEvent ev[GROUP_MAX_EVENTS];
    int n = group_session_events(&g, ev, GROUP_MAX_EVENTS);
    assert_int_equal(n, 1 + 2 + 1);
    const StatEvent *e = find(ev, n, STAT_GROUP_QUIZ, 0, 1);
    assert_non_null(e);
    assert_int_equal(e->count, 9);
    assert_string_equal(e->module, "travel-risks");
    e = find(ev, n, STAT_GROUP_QUIZ, 0, 0);
    assert_non_null(e);
    assert_int_equal(e->count, 6);
    e = find(ev, n, STAT_GROUP_QUIZ, 1, 1);
    assert_non_null(e);
    assert_int_equal(e->count, 15);
    assert_null(find(ev, n, STAT_GROUP_QUIZ, 1, 0));
    assert_null(find(ev, n, STAT_GROUP_QUIZ, 2, 1));
    assert_null(find(ev, n, STAT_GROUP_QUIZ, 2, 0));
}

static void test_clamping(void **state)
{
    (void)state;
    GroupSession g;
    quiz_setup(&g);
    assert_int_equal(group_session_add_hands(&g, 0, 0, -3), ERR_OK);
    assert_int_equal(g.questions[0].hands[0], 0);
    assert_int_equal(group_session_add_hands(&g, 0, 0, 2), ERR_OK);
    assert_int_equal(group_session_add_hands(&g, 0, 0, -1), ERR_OK);
    assert_int_equal(g.questions[0].hands[0], 1);
    assert_int_equal(group_session_add_hands(&g, 0, 0, 2147483647), ERR_OK);
    assert_int_equal(g.questions[0].hands[0], GROUP_MAX_HANDS);
    assert_int_equal(group_session_add_hands(&g, 0, 0, -2147483647 - 1), ERR_OK);
    assert_int_equal(g.questions[0].hands[0], 0);
    assert_int_equal(group_session_set_band(&g, GROUP_BAND_MEN, 100000), ERR_OK);
    assert_int_equal(g.bands[GROUP_BAND_MEN], GROUP_MAX_BAND);
    assert_int_equal(group_session_set_band(&g, GROUP_BAND_MEN, -5), ERR_OK);
    assert_int_equal(g.bands[GROUP_BAND_MEN], 0);
}

static void test_out_of_range_refused(void **state)
{
    (void)state;
    GroupSession g;
    quiz_setup(&g);
    assert_int_equal(group_session_add_hands(&g, 3, 0, 1), ERR_INVALID); /* only 3 questions */
    assert_int_equal(group_session_add_hands(&g, 1, 2, 1), ERR_INVALID); /* Q1 has 2 answers */
    assert_int_equal(group_session_add_hands(&g, -1, 0, 1), ERR_INVALID);
    assert_int_equal(group_session_set_hands(&g, 0, -1, 1), ERR_INVALID);

    GroupSession before = g;
    const int bad_n[1] = {5}, ok_c[1] = {0};
    assert_int_equal(group_session_set_quiz(&g, "m", 1, bad_n, ok_c), ERR_INVALID);
    const int n2[1] = {2}, bad_c[1] = {2};
    assert_int_equal(group_session_set_quiz(&g, "m", 1, n2, bad_c), ERR_INVALID);
    assert_int_equal(group_session_set_quiz(&g, "", 1, n2, ok_c), ERR_INVALID);
    char longid[64];
    memset(longid, 'a', sizeof longid - 1);
    longid[sizeof longid - 1] = '\0';
    assert_int_equal(group_session_set_quiz(&g, longid, 1, n2, ok_c), ERR_INVALID);
    assert_int_equal(group_session_set_quiz(&g, "m", 5, NULL, NULL), ERR_INVALID);
    assert_memory_equal(&before, &g, sizeof g);
}

static void test_new_quiz_clears_hands(void **state)
{
    (void)state;
    GroupSession g;
    quiz_setup(&g);
    assert_int_equal(group_session_set_band(&g, GROUP_BAND_MEN, 4), ERR_OK);
    assert_int_equal(group_session_add_hands(&g, 0, 1, 7), ERR_OK);
    const int n[1] = {2}, c[1] = {1};
    assert_int_equal(group_session_set_quiz(&g, "your-rights", 1, n, c), ERR_OK);
    assert_int_equal(g.questions[0].hands[1], 0);
    assert_int_equal(g.bands[GROUP_BAND_MEN], 4); /* headcount is per session, kept */
    StatEvent ev[GROUP_MAX_EVENTS];
    int k = group_session_events(&g, ev, GROUP_MAX_EVENTS);
    assert_int_equal(k, 2);
}

static void test_full_session_fits_and_small_buffer_refused(void **state)
{
    (void)state;
    GroupSession g;
    const int n_answers[4] = {4, 4, 4, 4};
    const int correct[4] = {0, 1, 2, 3};
    group_session_init(&g);
    assert_int_equal(group_session_set_quiz(&g, "m", 4, n_answers, correct), ERR_OK);
    for (int q = 0; q < 4; q++)
        for (int a = 0; a < 4; a++)
            assert_int_equal(group_session_set_hands(&g, q, a, 1 + a), ERR_OK);
    for (int b = 0; b < GROUP_BAND__COUNT; b++)
        assert_int_equal(group_session_set_band(&g, (GroupBand)b, 3), ERR_OK);
    StatEvent ev[GROUP_MAX_EVENTS];
    int n = group_session_events(&g, ev, GROUP_MAX_EVENTS);
    assert_int_equal(n, GROUP_MAX_EVENTS);
    /* Hands are conserved: right + wrong = all hands raised. */
    int64_t total = 0;
    for (int i = 0; i < n; i++)
        if (ev[i].kind == STAT_GROUP_QUIZ)
            total += ev[i].count;
    assert_int_equal(total, 4 * (1 + 2 + 3 + 4));
    assert_int_equal(group_session_events(&g, ev, GROUP_MAX_EVENTS - 1), -1);
    assert_int_equal(group_session_events(&g, ev, 0), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_session_counts_once),
        cmocka_unit_test(test_bands_become_attendee_events),
        cmocka_unit_test(test_quiz_split_right_wrong),
        cmocka_unit_test(test_clamping),
        cmocka_unit_test(test_out_of_range_refused),
        cmocka_unit_test(test_new_quiz_clears_hands),
        cmocka_unit_test(test_full_session_fits_and_small_buffer_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
