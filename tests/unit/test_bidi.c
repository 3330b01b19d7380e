/* test_bidi.c: visual runs from FriBidi, scripts by range, UTF-8 decoding.
 *
 * The expectations are the Unicode bidi algorithm's (UAX #9), written out by
 * hand from its rules, not copied from a previous run. No SDL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text/bidi.h"

#define AR_HELLO "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7" /* مرحبا */

typedef struct {
    const char *text;
    int rtl;
    Script script;
} Want;

/* Check that runs are exactly `want`, in visual order. */
static void expect_runs(const char *line, ParaDir dir, const Want *want, int n)
{
    BidiRun runs[32];
    int got = bidi_runs(line, strlen(line), dir, runs, 32);
    if (got != n) {
        for (int i = 0; i < got && i < 32; i++)
            print_message("run %d: '%.*s' rtl=%d script=%d\n", i, (int)runs[i].len,
                          line + runs[i].start, runs[i].rtl, (int)runs[i].script);
    }
    assert_int_equal(got, n);
    for (int i = 0; i < n; i++) {
        size_t wl = strlen(want[i].text);
        assert_int_equal(runs[i].len, wl);
        assert_memory_equal(line + runs[i].start, want[i].text, wl);
        assert_int_equal(runs[i].rtl, want[i].rtl);
        assert_int_equal(runs[i].script, want[i].script);
    }
}

/* Every byte of the line belongs to exactly one run. */
static void expect_partition(const char *line, size_t len, ParaDir dir)
{
    int n = bidi_runs(line, len, dir, NULL, 0);
    assert_true(n >= (len ? 1 : 0));
    BidiRun *runs = calloc((size_t)n + 1, sizeof *runs);
    unsigned char *seen = calloc(len + 1, 1);
    assert_non_null(runs);
    assert_non_null(seen);
    assert_int_equal(bidi_runs(line, len, dir, runs, n), n);
    for (int i = 0; i < n; i++) {
        assert_true(runs[i].len > 0);
        assert_true(runs[i].start + runs[i].len <= len);
        assert_true(runs[i].script < SCRIPT__COUNT);
        for (size_t b = runs[i].start; b < runs[i].start + runs[i].len; b++) {
            assert_int_equal(seen[b], 0);
            seen[b] = 1;
        }
    }
    for (size_t b = 0; b < len; b++)
        assert_int_equal(seen[b], 1);
    free(runs);
    free(seen);
}

static void test_english_one_run(void **state)
{
    (void)state;
    const Want w[] = {{"Call for help, it is free: 24/7.", 0, SCRIPT_LATIN}};
    expect_runs(w[0].text, PARA_AUTO, w, 1);
    expect_runs(w[0].text, PARA_LTR, w, 1);
}

static void test_arabic_one_rtl_run(void **state)
{
    (void)state;
    /* "Hello, world" with an Arabic comma: neutrals inside RTL stay in it. */
    const char *line = AR_HELLO "\xd8\x8c \xd8\xa8\xd8\xa7\xd9\x84\xd8\xb9\xd8\xa7\xd9\x84\xd9\x85";
    const Want w[] = {{line, 1, SCRIPT_ARABIC}};
    expect_runs(line, PARA_AUTO, w, 1);
    expect_runs(line, PARA_RTL, w, 1);
}

/* "Call the organisation DEMO NGO at the number +000 123 now." */
#define AR_CALL "\xd8\xa7\xd8\xaa\xd8\xb5\xd9\x84 \xd8\xa8\xd9\x85\xd9\x86\xd8\xb8\xd9\x85\xd8\xa9 "
#define AR_AT "\xd8\xb9\xd9\x84\xd9\x89 \xd8\xa7\xd9\x84\xd8\xb1\xd9\x82\xd9\x85 "
#define AR_NOW "\xd8\xa7\xd9\x84\xd8\xa2\xd9\x86."

static void test_arabic_with_org_and_isolated_phone(void **state)
{
    (void)state;
    const char *line = AR_CALL "DEMO NGO " AR_AT BIDI_LRI "+000 123" BIDI_PDI " " AR_NOW;
    /* Visual order, left to right: the last Arabic words first. The Latin
     * name keeps its inner space and reads left to right; the isolated
     * number is one LTR run, + first. Digits and + take the script of the
     * Arabic around them (the renderer falls back per glyph). */
    const Want w[] = {
        {BIDI_PDI " " AR_NOW, 1, SCRIPT_ARABIC},
        {"+000 123", 0, SCRIPT_ARABIC},
        {" " AR_AT BIDI_LRI, 1, SCRIPT_ARABIC},
        {"DEMO NGO", 0, SCRIPT_LATIN},
        {AR_CALL, 1, SCRIPT_ARABIC},
    };
    expect_runs(line, PARA_AUTO, w, 5);
    expect_runs(line, PARA_RTL, w, 5);
}

static void test_arabic_with_bare_phone_is_one_unit(void **state)
{
    (void)state;
    /* The bare algorithm puts the space between 000 and 123 at the Arabic
     * level (N1: numbers count as R) and the + on the far side, so the
     * groups swap. The number rule (HL2) keeps "+000 123" whole, + first. */
    const char *line = AR_CALL "DEMO NGO " AR_AT "+000 123 " AR_NOW;
    const Want w[] = {
        {" " AR_NOW, 1, SCRIPT_ARABIC},
        {"+000 123", 0, SCRIPT_ARABIC},
        {" " AR_AT, 1, SCRIPT_ARABIC},
        {"DEMO NGO", 0, SCRIPT_LATIN},
        {AR_CALL, 1, SCRIPT_ARABIC},
    };
    expect_runs(line, PARA_AUTO, w, 5);
}

/* Phone numbers, times, ranges and dates in an Arabic sentence: each is one
 * LTR run between the Arabic words (AR_AT before, AR_NOW after, visually
 * AR_NOW on the left). Without the rule, digits after Arabic letters are
 * AN (W2) and a hyphen or space between them resolves to R. */
static void test_numbers_in_arabic_stay_whole(void **state)
{
    (void)state;
    const char *nums[] = {"0800-123-456", "+227 20 72 31 31", "8:00-20:00", "8:00 - 20:00",
                          "2024-05-12", "12/05/2024", "+000 123", "1,000.50",
                          "\xd9\xa0\xd9\xa8-\xd9\xa1\xd9\xa2" /* Arabic-Indic 08-12 */};
    for (size_t k = 0; k < sizeof nums / sizeof nums[0]; k++) {
        char line[256];
        snprintf(line, sizeof line, "%s%s %s", AR_AT, nums[k], AR_NOW);
        const Want w[] = {
            {" " AR_NOW, 1, SCRIPT_ARABIC},
            {nums[k], 0, SCRIPT_ARABIC},
            {AR_AT, 1, SCRIPT_ARABIC},
        };
        expect_runs(line, PARA_RTL, w, 3);
    }
}

static void test_number_lists_are_not_joined(void **state)
{
    (void)state;
    /* "3, 4" is a list, not one number: with a space after the comma the
     * groups stay separate and the comma belongs to the sentence. */
    const char *line = AR_AT "3, 4 " AR_NOW;
    BidiRun runs[16];
    int n = bidi_runs(line, strlen(line), PARA_RTL, runs, 16);
    int saw3 = 0, saw4 = 0;
    for (int i = 0; i < n; i++) {
        if (runs[i].len == 1 && line[runs[i].start] == '3')
            saw3 = i;
        if (runs[i].len == 1 && line[runs[i].start] == '4')
            saw4 = i;
    }
    assert_true(saw3 > 0 && saw4 > 0);
    assert_true(saw4 < saw3); /* right to left: 4 is further left */
    /* and a number in English is untouched */
    const Want e[] = {{"Call 0800-123-456 from 8:00 to 20:00.", 0, SCRIPT_LATIN}};
    expect_runs(e[0].text, PARA_LTR, e, 1);
}

static void test_risky_punctuation(void **state)
{
    (void)state;
    /* "Hello!" inside Arabic: the ! glued to a Latin word takes the Arabic
     * level and shows before "Hello". */
    const char *bad = AR_AT "Hello! " AR_NOW;
    long at = bidi_risky_at(bad, strlen(bad), PARA_RTL);
    assert_int_equal(at, (long)strlen(AR_AT "Hello"));
    /* Safe: plain Arabic, a bracketed Latin word, numbers the rule keeps
     * whole, Latin in an English sentence. */
    const char *ok[] = {AR_HELLO "\xd8\x8c " AR_NOW, AR_AT "(DEMO) " AR_NOW,
                        AR_AT "0800-123-456 " AR_NOW, AR_AT "+227 20 72 31 31 " AR_NOW,
                        ""};
    for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++)
        assert_int_equal(bidi_risky_at(ok[k], strlen(ok[k]), PARA_RTL), -1);
    assert_int_equal(bidi_risky_at("Call DEMO! Now.", 15, PARA_LTR), -1);
    /* and the mirror case: an Arabic word with "!" in an English sentence */
    const char *mirror = "Say " AR_HELLO "! to greet.";
    assert_int_equal(bidi_risky_at(mirror, strlen(mirror), PARA_LTR), (long)strlen("Say " AR_HELLO));
    /* the old workaround is still safe */
    const char *iso = AR_AT BIDI_LRI "Hello!" BIDI_PDI " " AR_NOW;
    assert_int_equal(bidi_risky_at(iso, strlen(iso), PARA_RTL), -1);
}

static void test_arabic_inside_english(void **state)
{
    (void)state;
    const char *line = "Say " AR_HELLO " to 2 friends";
    const Want ltr[] = {
        {"Say ", 0, SCRIPT_LATIN},
        {AR_HELLO, 1, SCRIPT_ARABIC},
        {" to 2 friends", 0, SCRIPT_LATIN},
    };
    expect_runs(line, PARA_AUTO, ltr, 3);
    /* The same text as an RTL paragraph: English pieces become one LTR run
     * each side of the Arabic, and the order of the pieces flips. */
    /* The same text as an RTL paragraph: the order of the pieces flips. */
    BidiRun r[8];
    int n = bidi_runs(line, strlen(line), PARA_RTL, r, 8);
    /* Leftmost is the logically last English phrase, rightmost "Say". */
    assert_true(n >= 3);
    assert_int_equal(r[0].rtl, 0);
    assert_memory_equal(line + r[0].start, "to 2 friends", 12);
    assert_int_equal(r[n - 1].rtl, 0);
    assert_memory_equal(line + r[n - 1].start, "Say", 3);
}

static void test_tigrinya_is_ethiopic(void **state)
{
    (void)state;
    /* "Help is here. Call 123" in Tigrinya, Ethiopic full stop included. */
    const char *line = "\xe1\x88\x93\xe1\x8c\x88\xe1\x8b\x9d \xe1\x8a\xa3\xe1\x89\xa5\xe1\x8b\x9a "
                       "\xe1\x8a\xa3\xe1\x88\x8e\xe1\x8b\x8d\xe1\x8d\xa2 123";
    const Want w[] = {{line, 0, SCRIPT_ETHIOPIC}};
    expect_runs(line, PARA_AUTO, w, 1);
    assert_int_equal(bidi_is_rtl(line, strlen(line), PARA_AUTO), 0);
}

static void test_script_table(void **state)
{
    (void)state;
    assert_int_equal(bidi_script_of('A'), SCRIPT_LATIN);
    assert_int_equal(bidi_script_of(0x00E9), SCRIPT_LATIN); /* é */
    assert_int_equal(bidi_script_of(0x05D0), SCRIPT_LATIN); /* other strong: Latin font */
    assert_int_equal(bidi_script_of(0x0627), SCRIPT_ARABIC);
    assert_int_equal(bidi_script_of(0x0660), SCRIPT_ARABIC); /* Arabic-Indic zero */
    assert_int_equal(bidi_script_of(0x0750), SCRIPT_ARABIC); /* supplement */
    assert_int_equal(bidi_script_of(0x08A0), SCRIPT_ARABIC); /* extended-A */
    assert_int_equal(bidi_script_of(0xFB50), SCRIPT_ARABIC); /* presentation forms A */
    assert_int_equal(bidi_script_of(0xFEFC), SCRIPT_ARABIC); /* presentation forms B */
    assert_int_equal(bidi_script_of(0x1200), SCRIPT_ETHIOPIC);
    assert_int_equal(bidi_script_of(0x1362), SCRIPT_ETHIOPIC); /* ። */
    assert_int_equal(bidi_script_of(0x1380), SCRIPT_ETHIOPIC); /* supplement */
    assert_int_equal(bidi_script_of(0x2D80), SCRIPT_ETHIOPIC); /* extended */
    assert_int_equal(bidi_script_of(0xAB01), SCRIPT_ETHIOPIC); /* extended-A */
    assert_int_equal(bidi_script_of(0x1E7E0), SCRIPT_ETHIOPIC); /* extended-B */
    assert_int_equal(bidi_script_of(' '), SCRIPT__COUNT);
    assert_int_equal(bidi_script_of('7'), SCRIPT__COUNT);
    assert_int_equal(bidi_script_of('+'), SCRIPT__COUNT);
    assert_int_equal(bidi_script_of(0xFEFF), SCRIPT__COUNT); /* BOM is not Arabic */
    assert_int_equal(bidi_script_of(0x202E), SCRIPT__COUNT); /* RLO: not a letter */
    assert_int_equal(bidi_script_of(0x110000), SCRIPT__COUNT);
}

static void test_decode_rejects_invalid(void **state)
{
    (void)state;
    static const struct {
        const char *bytes;
        size_t len;
        unsigned cp;
        size_t used;
    } cases[] = {
        {"A", 1, 'A', 1},
        {"\xc3\xa9", 2, 0xE9, 2},
        {"\xe1\x88\x80", 3, 0x1200, 3},
        {"\xf0\x9f\x98\x80", 4, 0x1F600, 4},
        {"\xc0\x80", 2, 0xFFFD, 1},         /* overlong NUL */
        {"\xe0\x80\xaf", 3, 0xFFFD, 1},     /* overlong / */
        {"\xed\xa0\x80", 3, 0xFFFD, 1},     /* surrogate */
        {"\xf4\x90\x80\x80", 4, 0xFFFD, 1}, /* past U+10FFFF */
        {"\x80", 1, 0xFFFD, 1},             /* lone continuation */
        {"\xff", 1, 0xFFFD, 1},
        {"\xe2\x82", 2, 0xFFFD, 1},         /* truncated */
        {"\xe2\x28\xa1", 3, 0xFFFD, 1},     /* bad continuation */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t pos = 0;
        assert_int_equal(bidi_decode_cp(cases[i].bytes, cases[i].len, &pos), cases[i].cp);
        assert_int_equal(pos, cases[i].used);
    }
}

static void test_invalid_utf8_does_not_crash(void **state)
{
    (void)state;
    const char bad[] = "ab\xff\xc0\x80 \xd9\x85\xd8 \xe2\x82";
    expect_partition(bad, sizeof bad - 1, PARA_AUTO);
    expect_partition(bad, sizeof bad - 1, PARA_RTL);
    /* An embedded NUL byte is a character like any other here. */
    expect_partition("a\0b", 3, PARA_AUTO);
    assert_int_equal(bidi_runs("", 0, PARA_AUTO, NULL, 0), 0);
    assert_int_equal(bidi_runs(NULL, 5, PARA_AUTO, NULL, 0), 0);

    /* Random bytes (fixed seed) biased towards UTF-8 lead and continuation
     * bytes, short and long (heap path) lines. */
    uint32_t seed = 12345;
    char buf[700];
    for (int iter = 0; iter < 400; iter++) {
        size_t len = (size_t)(iter % 2 ? 700 : 40);
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            static const unsigned char pool[] = {'a', ' ', '1', '(', 0xd8, 0xd9, 0xa7, 0x85,
                                                 0xe1, 0x88, 0x80, 0xe2, 0x81, 0xa6, 0xa9, 0xff};
            buf[i] = (char)pool[(seed >> 16) % sizeof pool];
        }
        expect_partition(buf, len, (ParaDir)(iter % 3));
    }
}

static void test_para_auto(void **state)
{
    (void)state;
    assert_int_equal(bidi_is_rtl("Hello", 5, PARA_AUTO), 0);
    assert_int_equal(bidi_is_rtl(AR_HELLO, strlen(AR_HELLO), PARA_AUTO), 1);
    /* Digits and punctuation are not strong: the Arabic after them decides. */
    assert_int_equal(bidi_is_rtl("12, " AR_HELLO " ok", strlen("12, " AR_HELLO " ok"), PARA_AUTO),
                     1);
    /* Text inside an isolate is skipped (P2). */
    const char *iso = BIDI_LRI "Hello" BIDI_PDI " " AR_HELLO;
    assert_int_equal(bidi_is_rtl(iso, strlen(iso), PARA_AUTO), 1);
    /* No strong character at all: left to right. */
    assert_int_equal(bidi_is_rtl("123 ...", 7, PARA_AUTO), 0);
    assert_int_equal(bidi_is_rtl("", 0, PARA_AUTO), 0);
    /* Explicit directions win over the text. */
    assert_int_equal(bidi_is_rtl("Hello", 5, PARA_RTL), 1);
    assert_int_equal(bidi_is_rtl(AR_HELLO, strlen(AR_HELLO), PARA_LTR), 0);

    /* PARA_AUTO order matches the resolved direction. */
    const char *mixed = "Hi " AR_HELLO;
    BidiRun a[4], r[4];
    int na = bidi_runs(mixed, strlen(mixed), PARA_AUTO, a, 4);
    int nr = bidi_runs(mixed, strlen(mixed), PARA_RTL, r, 4);
    assert_int_equal(na, 2);
    assert_int_equal(a[0].script, SCRIPT_LATIN); /* LTR: English on the left */
    assert_int_equal(a[1].script, SCRIPT_ARABIC);
    assert_true(nr >= 2);
    assert_int_equal(r[0].script, SCRIPT_ARABIC); /* RTL: Arabic on the left */
    assert_int_equal(r[nr - 1].script, SCRIPT_LATIN);
}

static void test_hostile_controls(void **state)
{
    (void)state;
    /* The shapes bidi.c guards FriBidi 1.0.8 against: embeddings and
     * isolates nested past any real text, and a paragraph separator after
     * an unclosed isolate. Runs must still cover every byte once. */
    static const char *const units[] = {
        "\xe2\x80\xaa",                 /* LRE */
        "\xe2\x81\xa6\xe2\x80\xab",     /* LRI RLE */
        "\xe2\x80\xaa\xe2\x81\xa7",     /* LRE RLI */
        "\xe2\x80\xae(",                /* RLO ( */
    };
    char line[2048];
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
        size_t ul = strlen(units[u]), len = 0;
        for (int i = 0; i < 150; i++, len += ul)
            memcpy(line + len, units[u], ul);
        memcpy(line + len, "a" AR_HELLO ")", 1 + strlen(AR_HELLO) + 1);
        len += 1 + strlen(AR_HELLO) + 1;
        for (int d = PARA_LTR; d <= PARA_AUTO; d++)
            expect_partition(line, len, (ParaDir)d);
    }
    const char *sep = BIDI_LRI "\xe2\x80\xa9x\n" AR_HELLO;
    expect_partition(sep, strlen(sep), PARA_AUTO);
    /* A newline inside a line is a separator at paragraph level (L1), so
     * text around it keeps its own order. */
    const char *nl = "ab\ncd";
    const Want w[] = {{nl, 0, SCRIPT_LATIN}};
    expect_runs(nl, PARA_LTR, w, 1);
}

/* Random lines drawn from bidi controls, paragraph and segment separators,
 * brackets, marks, Arabic, Latin and bad bytes (fixed seed). Every 10th line
 * is long. With the guards in bidi.c removed, valgrind reports FriBidi
 * reading freed memory at iteration 3170 of this very sequence. */
static void test_random_controls(void **state)
{
    (void)state;
    static const char *const pool[] = {
        "\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9", "\xe2\x80\xaa",
        "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad", "\xe2\x80\xae", "\xe2\x80\x8e",
        "\xe2\x80\x8f", "\xd8\x9c",     "\n",           "\xe2\x80\xa9", "\t",
        "(",            ")",            "[",            "]",            "{",
        "}",            "\xd8\xa7",     "\xd8\xa8",     "a",            "b",
        "1",            "2",            "\xd9\xa1",     "\xd9\x8e",     "\xe2\x80\x8d",
        " ",            "+",            ",",            "\xe1\x88\x80", "\xff",
        "\xe2\x80\xa8", "\xc2\x85",     "\r",           "\x1c"};
    const size_t npool = sizeof pool / sizeof pool[0];
    static char buf[4000];
    uint32_t seed = 1;
    for (int it = 0; it < 4000; it++) {
        size_t len = 0;
        seed = seed * 1103515245u + 12345u;
        int n = 1 + (int)((seed >> 16) % (it % 10 == 0 ? 600u : 40u));
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pool[(seed >> 16) % npool];
            size_t l = strlen(p);
            memcpy(buf + len, p, l);
            len += l;
        }
        for (int d = PARA_LTR; d <= PARA_AUTO; d++) {
            expect_partition(buf, len, (ParaDir)d);
            (void)bidi_is_rtl(buf, len, (ParaDir)d);
        }
    }
}

static void test_max_truncates_but_counts(void **state)
{
    (void)state;
    const char *line = AR_CALL "DEMO NGO " AR_AT "+000 123 " AR_NOW;
    BidiRun runs[3];
    memset(runs, 0x5a, sizeof runs);
    assert_int_equal(bidi_runs(line, strlen(line), PARA_AUTO, runs, 2), 5);
    assert_memory_equal(line + runs[1].start, "+000 123", 8);
    BidiRun untouched;
    memset(&untouched, 0x5a, sizeof untouched);
    assert_memory_equal(&runs[2], &untouched, sizeof untouched);
}

static void test_long_line_heap_path(void **state)
{
    (void)state;
    /* 300 repetitions of "ab " + Arabic word: well past the stack buffer. */
    size_t unit = strlen("ab " AR_HELLO " ");
    char *line = malloc(unit * 300 + 1);
    assert_non_null(line);
    for (int i = 0; i < 300; i++)
        memcpy(line + (size_t)i * unit, "ab " AR_HELLO " ", unit);
    line[unit * 300] = '\0';
    expect_partition(line, unit * 300, PARA_LTR);
    BidiRun *runs = calloc(2000, sizeof *runs);
    assert_non_null(runs);
    int n = bidi_runs(line, unit * 300, PARA_LTR, runs, 2000);
    /* Each repetition: "ab " (LTR) then the Arabic word (RTL); the space
     * between an Arabic word and the next "ab" resolves to level 0 (N2) and
     * joins the Latin run; the final trailing space is its own run (L1). */
    assert_int_equal(n, 601);
    for (int i = 0; i < 600; i++)
        assert_int_equal(runs[i].rtl, i % 2);
    assert_int_equal(runs[600].rtl, 0);
    assert_int_equal(runs[600].len, 1);
    free(runs);
    free(line);
}

/* Visual position (0 = leftmost byte drawn) of the byte at logical offset
 * at, given runs of a line: an RTL run is drawn reversed by the shaper. */
static int visual_pos(const BidiRun *runs, int n, size_t at)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        if (at >= runs[i].start && at < runs[i].start + runs[i].len)
            return x + (int)(runs[i].rtl ? runs[i].start + runs[i].len - 1 - at
                                         : at - runs[i].start);
        x += (int)runs[i].len;
    }
    return -1;
}

/* UAX #9 resolves levels per paragraph and reorders per line after
 * wrapping. "50%" after an Arabic word is an Arabic number whose sign sits
 * on its left (W2, N1); when a narrow screen breaks the paragraph just
 * before it, resolving the second line alone loses that context and flips
 * the sign to the right, so the same sentence read differently at
 * different sizes. */
static void test_wrapped_line_keeps_paragraph_context(void **state)
{
    (void)state;
    const char *para = AR_HELLO " 50% " AR_HELLO;
    size_t len = strlen(para);
    size_t line2 = strlen(AR_HELLO " "); /* where a narrow box breaks */
    size_t pct = line2 + 2, five = line2;
    BidiRun whole[16], wrapped[16], alone[16];
    int nw = bidi_runs(para, len, PARA_RTL, whole, 16);
    int np = bidi_runs_para(para, len, line2, len - line2, PARA_RTL, wrapped, 16);
    int na = bidi_runs(para + line2, len - line2, PARA_RTL, alone, 16);
    assert_true(nw > 0 && np > 0 && na > 0);
    /* unwrapped: the sign is left of the digits */
    assert_true(visual_pos(whole, nw, pct) < visual_pos(whole, nw, five));
    /* the wrapped line agrees, offsets relative to the line */
    for (int i = 0; i < np; i++)
        assert_true(wrapped[i].start + wrapped[i].len <= len - line2);
    assert_true(visual_pos(wrapped, np, pct - line2) < visual_pos(wrapped, np, five - line2));
    /* resolved alone it would not (what the renderer did before) */
    assert_true(visual_pos(alone, na, pct - line2) > visual_pos(alone, na, five - line2));
    /* the first line of the paragraph is unaffected by what follows */
    BidiRun first[4];
    assert_int_equal(bidi_runs_para(para, len, 0, strlen(AR_HELLO), PARA_RTL, first, 4), 1);
    assert_true(first[0].rtl);
    /* a line in another paragraph (after a newline) ignores the one before */
    const char *two = AR_HELLO "\n50% " AR_HELLO;
    size_t at = strlen(AR_HELLO "\n");
    np = bidi_runs_para(two, strlen(two), at, strlen(two) - at, PARA_RTL, wrapped, 16);
    assert_true(visual_pos(wrapped, np, 2) > visual_pos(wrapped, np, 0));
    /* out of range, empty, and mid-character lines */
    assert_int_equal(bidi_runs_para(para, len, len, 1, PARA_RTL, wrapped, 16), 0);
    assert_int_equal(bidi_runs_para(para, len, 0, 0, PARA_RTL, wrapped, 16), 0);
    assert_true(bidi_runs_para(para, len, 1, 3, PARA_RTL, wrapped, 16) > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_english_one_run),
        cmocka_unit_test(test_arabic_one_rtl_run),
        cmocka_unit_test(test_arabic_with_org_and_isolated_phone),
        cmocka_unit_test(test_arabic_with_bare_phone_is_one_unit),
        cmocka_unit_test(test_numbers_in_arabic_stay_whole),
        cmocka_unit_test(test_number_lists_are_not_joined),
        cmocka_unit_test(test_risky_punctuation),
        cmocka_unit_test(test_arabic_inside_english),
        cmocka_unit_test(test_tigrinya_is_ethiopic),
        cmocka_unit_test(test_script_table),
        cmocka_unit_test(test_decode_rejects_invalid),
        cmocka_unit_test(test_invalid_utf8_does_not_crash),
        cmocka_unit_test(test_para_auto),
        cmocka_unit_test(test_hostile_controls),
        cmocka_unit_test(test_random_controls),
        cmocka_unit_test(test_max_truncates_but_counts),
        cmocka_unit_test(test_long_line_heap_path),
        cmocka_unit_test(test_wrapped_line_keeps_paragraph_context),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
