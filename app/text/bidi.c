/* bidi.c: visual runs of one line with FriBidi (UAX #9), plus the script of
 * each run so the renderer can pick a font and a HarfBuzz script tag.
 *
 * FriBidi resolves the embedding levels (rules P2 to I2, brackets included)
 * and reorders the line (L1 to L2); we only group its result into runs of one
 * level and one script, in visual order, with byte offsets into the caller's
 * UTF-8. Characters inside a run stay in logical order: HarfBuzz reverses
 * and mirrors an RTL run itself when it shapes it. */
#include "text/bidi.h"

#include <fribidi.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>

/* Lines up to this many code points are handled on the stack; longer ones
 * take one heap block (hence the -1 "out of memory" return). */
#define STACK_CPS 160

/* A hard limit so FriBidiStrIndex (int) arithmetic cannot overflow. */
#define MAX_CPS (1 << 24)

typedef struct {
    unsigned lo, hi;
    Script script;
} Range;

/* Sorted, non-overlapping. FEFF (byte order mark) is left out of the
 * Arabic presentation forms on purpose: it is a format character. */
static const Range ranges[] = {
    {0x0600, 0x06FF, SCRIPT_ARABIC},   /* Arabic */
    {0x0750, 0x077F, SCRIPT_ARABIC},   /* Arabic Supplement */
    {0x0870, 0x089F, SCRIPT_ARABIC},   /* Arabic Extended-B */
    {0x08A0, 0x08FF, SCRIPT_ARABIC},   /* Arabic Extended-A */
    {0x1200, 0x137F, SCRIPT_ETHIOPIC}, /* Ethiopic */
    {0x1380, 0x139F, SCRIPT_ETHIOPIC}, /* Ethiopic Supplement */
    {0x2D80, 0x2DDF, SCRIPT_ETHIOPIC}, /* Ethiopic Extended */
    {0xAB00, 0xAB2F, SCRIPT_ETHIOPIC}, /* Ethiopic Extended-A */
    {0xFB50, 0xFDFF, SCRIPT_ARABIC},   /* Arabic Presentation Forms-A */
    {0xFE70, 0xFEFE, SCRIPT_ARABIC},   /* Arabic Presentation Forms-B */
    {0x10E60, 0x10E7F, SCRIPT_ARABIC}, /* Rumi Numeral Symbols */
    {0x1E7E0, 0x1E7FF, SCRIPT_ETHIOPIC}, /* Ethiopic Extended-B */
    {0x1EE00, 0x1EEFF, SCRIPT_ARABIC}, /* Arabic Mathematical Alphabetic Symbols */
};

Script bidi_script_of(unsigned cp)
{
    size_t lo = 0, hi = sizeof ranges / sizeof ranges[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < ranges[mid].lo)
            hi = mid;
        else if (cp > ranges[mid].hi)
            lo = mid + 1;
        else
            return ranges[mid].script;
    }
    if (cp > 0x10FFFF)
        return SCRIPT__COUNT;
    /* LETTER, not STRONG: FriBidi counts LRE..RLO as strong too. */
    return FRIBIDI_IS_LETTER(fribidi_get_bidi_type((FriBidiChar)cp)) ? SCRIPT_LATIN
                                                                     : SCRIPT__COUNT;
}

unsigned bidi_decode_cp(const char *utf8, size_t len, size_t *pos)
{
    const unsigned char *s = (const unsigned char *)utf8;
    size_t i = *pos;
    unsigned c = s[i], cp, min;
    int need;

    if (c < 0x80) {
        *pos = i + 1;
        return c;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1, cp = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2, cp = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3, cp = c & 0x07, min = 0x10000;
    } else {
        *pos = i + 1; /* stray continuation byte, C0, C1 or F5..FF */
        return 0xFFFD;
    }
    if (len - i - 1 < (size_t)need) {
        *pos = i + 1; /* truncated sequence */
        return 0xFFFD;
    }
    for (int k = 1; k <= need; k++) {
        unsigned b = s[i + (size_t)k];
        if ((b & 0xC0) != 0x80) {
            *pos = i + 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    /* Overlong forms, UTF-16 surrogates and values past U+10FFFF are not
     * UTF-8 (RFC 3629) even when their bytes look well formed. */
    if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        *pos = i + 1;
        return 0xFFFD;
    }
    *pos = i + (size_t)need + 1;
    return cp;
}

int bidi_joins_previous(unsigned cp)
{
    FriBidiCharType t = fribidi_get_bidi_type((FriBidiChar)cp);
    return FRIBIDI_IS_EXPLICIT_OR_ISOLATE_OR_BN_OR_NSM(t) ? 1 : 0;
}

/* Work arrays for one line, either on the stack or in one heap block. */
typedef struct {
    FriBidiChar *cp;
    size_t *off; /* n + 1 entries: byte offset of each code point, then len */
    FriBidiCharType *type;
    FriBidiBracketType *bracket;
    FriBidiLevel *level;
    FriBidiStrIndex *map;
    unsigned char *script;
} Work;

typedef struct {
    FriBidiChar cp[STACK_CPS];
    size_t off[STACK_CPS + 1];
    FriBidiCharType type[STACK_CPS];
    FriBidiBracketType bracket[STACK_CPS];
    FriBidiLevel level[STACK_CPS];
    FriBidiStrIndex map[STACK_CPS];
    unsigned char script[STACK_CPS];
} StackWork;

static size_t count_cps(const char *utf8, size_t len)
{
    size_t n = 0, pos = 0;
    while (pos < len) {
        bidi_decode_cp(utf8, len, &pos);
        n++;
    }
    return n;
}

/* Point w at the stack arrays or at one heap block. Returns the block to
 * free (NULL when on the stack), or sets *oom. */
static void *work_init(Work *w, StackWork *sw, size_t n, int *oom)
{
    *oom = 0;
    if (n <= STACK_CPS) {
        w->cp = sw->cp, w->off = sw->off, w->type = sw->type, w->bracket = sw->bracket;
        w->level = sw->level, w->map = sw->map, w->script = sw->script;
        return NULL;
    }
    if (n > MAX_CPS) {
        *oom = 1;
        return NULL;
    }
    /* Largest alignment first so every array stays aligned. */
    size_t bytes = (n + 1) * sizeof(size_t) + n * sizeof(FriBidiChar) +
                   n * sizeof(FriBidiCharType) + n * sizeof(FriBidiBracketType) +
                   n * sizeof(FriBidiStrIndex) + n * sizeof(FriBidiLevel) + n;
    char *block = malloc(bytes), *p = block;
    if (!block) {
        *oom = 1;
        return NULL;
    }
    w->off = (size_t *)(void *)p, p += (n + 1) * sizeof(size_t);
    w->cp = (FriBidiChar *)(void *)p, p += n * sizeof(FriBidiChar);
    w->type = (FriBidiCharType *)(void *)p, p += n * sizeof(FriBidiCharType);
    w->bracket = (FriBidiBracketType *)(void *)p, p += n * sizeof(FriBidiBracketType);
    w->map = (FriBidiStrIndex *)(void *)p, p += n * sizeof(FriBidiStrIndex);
    w->level = (FriBidiLevel *)(void *)p, p += n * sizeof(FriBidiLevel);
    w->script = (unsigned char *)p;
    return block;
}

static void decode_all(const char *utf8, size_t len, Work *w, size_t n)
{
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        w->off[i] = pos;
        w->cp[i] = bidi_decode_cp(utf8, len, &pos);
    }
    w->off[n] = len;
}

static FriBidiParType par_type(ParaDir dir)
{
    switch (dir) {
    case PARA_LTR: return FRIBIDI_PAR_LTR;
    case PARA_RTL: return FRIBIDI_PAR_RTL;
    default: return FRIBIDI_PAR_ON; /* P2/P3: first strong character decides */
    }
}

/* Give every neutral (space, digit, punctuation, mark) a script: that of the
 * strong character before it in its own level stretch, or after it; a
 * stretch with no strong character (a number inside Arabic) takes the
 * nearest strong character of the line, before first; Latin if none. */
static void resolve_scripts(Work *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        w->script[i] = (unsigned char)bidi_script_of(w->cp[i]);

    size_t a = 0;
    while (a < n) {
        size_t b = a + 1;
        while (b < n && w->level[b] == w->level[a])
            b++;
        unsigned char first = SCRIPT__COUNT;
        for (size_t i = a; i < b && first == SCRIPT__COUNT; i++)
            first = w->script[i];
        if (first == SCRIPT__COUNT) {
            for (size_t i = a; i-- > 0 && first == SCRIPT__COUNT;)
                first = (unsigned char)bidi_script_of(w->cp[i]);
            for (size_t i = b; i < n && first == SCRIPT__COUNT; i++)
                first = (unsigned char)bidi_script_of(w->cp[i]);
            if (first == SCRIPT__COUNT)
                first = SCRIPT_LATIN;
        }
        unsigned char cur = first;
        for (size_t i = a; i < b; i++) {
            if (w->script[i] == SCRIPT__COUNT)
                w->script[i] = cur;
            else
                cur = w->script[i];
        }
        a = b;
    }
}

/* FriBidi 1.0.8 (Debian 12) reads freed memory once explicit embeddings
 * overflow the UAX #9 depth limit (125). No real sentence nests that deep,
 * so from the MAX_INITIATORS-th initiator on, embeddings and overrides are
 * ignored (X9 removes them anyway: BN) and isolates act as plain neutrals.
 * Counting initiators, not depth, bounds the stack whatever the PDFs do. */
#define MAX_INITIATORS 60

static void limit_nesting(FriBidiCharType *type, size_t n)
{
    int seen = 0;
    for (size_t i = 0; i < n; i++) {
        FriBidiCharType t = type[i];
        int embed = t == FRIBIDI_TYPE_LRE || t == FRIBIDI_TYPE_RLE || t == FRIBIDI_TYPE_LRO ||
                    t == FRIBIDI_TYPE_RLO;
        int isolate = t == FRIBIDI_TYPE_LRI || t == FRIBIDI_TYPE_RLI || t == FRIBIDI_TYPE_FSI;
        if ((embed || isolate) && ++seen > MAX_INITIATORS)
            type[i] = embed ? FRIBIDI_TYPE_BN : FRIBIDI_TYPE_ON;
    }
}

/* ---- numbers ---- */

static int is_digit_cp(FriBidiChar c)
{
    return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}

static int is_space_cp(FriBidiChar c) { return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009; }

/* Separators that hold a phone number, time, date or range together. */
static int is_num_sep(FriBidiChar c)
{
    return c == '-' || c == '/' || c == ':' || c == '.' || c == ',' || c == 0x2010 ||
           c == 0x2011 || c == 0x2013;
}

/* If a number group (digits) continues after the separator starting at i,
 * return the index of its first digit, else 0. Joiners are a single space,
 * or a separator with at most one space on each side ("8:00 - 20:00"); ','
 * and '.' only without spaces (1,000 and 3.5, not a list "3, 4"). */
static size_t num_join(const FriBidiChar *cp, size_t n, size_t i)
{
    size_t j = i;
    int sp_before = 0;
    if (j < n && is_space_cp(cp[j])) {
        j++;
        sp_before = 1;
    }
    if (j < n && is_digit_cp(cp[j]))
        return j;
    if (j >= n || !is_num_sep(cp[j]))
        return 0;
    FriBidiChar sep = cp[j++];
    int sp_after = 0;
    if (j < n && is_space_cp(cp[j])) {
        j++;
        sp_after = 1;
    }
    if ((sep == ',' || sep == '.') && (sp_before || sp_after))
        return 0;
    return j < n && is_digit_cp(cp[j]) ? j : 0;
}

/* A higher-level protocol (UAX #9 HL2) for numbers: a phone number, a time
 * range or a date is one left-to-right unit in every language. By the bare
 * algorithm, digits after an Arabic letter are Arabic numbers (W2), and a
 * hyphen or space between two of them takes the Arabic level (W4 joins only
 * CS between AN, N1), so "0800-123-456" reads "456-123-0800" and
 * "+227 20 72 31 31" has its groups swapped. Each maximal sequence of digit
 * groups joined as num_join() says, with a '+' right before it, is made
 * strong L, as if wrapped in LRI..PDI. A lone number is left alone: the
 * algorithm already keeps it whole. */
static void numbers_ltr(const FriBidiChar *cp, FriBidiCharType *type, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (!is_digit_cp(cp[i])) {
            i++;
            continue;
        }
        size_t start = i, groups = 1;
        if (start > 0 && cp[start - 1] == '+')
            start--;
        for (;;) {
            while (i < n && is_digit_cp(cp[i]))
                i++;
            size_t next = num_join(cp, n, i);
            if (!next)
                break;
            i = next;
            groups++;
        }
        if (groups > 1 || (start < i && cp[start] == '+'))
            for (size_t k = start; k < i; k++)
                type[k] = FRIBIDI_TYPE_LTR;
    }
}

/* Decode utf8 into w (on the stack or in *block) and resolve its levels
 * (rules P2 to I2, with numbers_ltr() first). Returns the code point count,
 * or -1 on out of memory or a FriBidi failure (*block is still freed by the
 * caller). */
static long resolve_levels(const char *utf8, size_t len, ParaDir dir, Work *w, StackWork *sw,
                           void **block, FriBidiParType *base)
{
    size_t n = count_cps(utf8, len);
    int oom;
    *block = work_init(w, sw, n, &oom);
    if (oom)
        return -1;
    decode_all(utf8, len, w, n);
    FriBidiStrIndex fn = (FriBidiStrIndex)n;
    *base = par_type(dir);
    fribidi_get_bidi_types(w->cp, fn, w->type);
    /* One line is one paragraph: a paragraph separator inside it (newline,
     * U+2029) is treated as a segment separator, which L1 also resets to the
     * paragraph level. Beyond that, FriBidi 1.0.8 (Debian 12) reads freed
     * memory when a paragraph separator follows an unclosed isolate. */
    for (size_t i = 0; i < n; i++)
        if (w->type[i] == FRIBIDI_TYPE_BS)
            w->type[i] = FRIBIDI_TYPE_SS;
    limit_nesting(w->type, n);
    numbers_ltr(w->cp, w->type, n);
    fribidi_get_bracket_types(w->cp, fn, w->type, w->bracket);
    if (!fribidi_get_par_embedding_levels_ex(w->type, w->bracket, fn, base, w->level))
        return -1;
    return (long)n;
}

/* The paragraph around utf8[line..line+line_len): from just after the last
 * newline before the line to the first newline at or after its end. */
static void para_bounds(const char *utf8, size_t len, size_t line, size_t line_len, size_t *ps,
                        size_t *pe)
{
    size_t a = line, b = line + line_len;
    while (a > 0 && utf8[a - 1] != '\n')
        a--;
    while (b < len && utf8[b] != '\n')
        b++;
    *ps = a;
    *pe = b;
}

/* Walk the visual order of the line w[l0..l1) (reordered in w->map); a
 * run continues while the logical index moves by one in its direction and
 * level and script stay the same. Offsets are made relative to the line
 * (rel: its byte offset in the paragraph). Writes at most max runs to out
 * and returns how many the line needs. */
static int visual_runs(const Work *w, size_t l0, size_t l1, size_t rel, BidiRun *out, int max)
{
    int count = 0;
    size_t v = l0;
    while (v < l1) {
        size_t s0 = (size_t)w->map[v], lo = s0, hi = s0;
        int rtl = w->level[s0] & 1;
        size_t u = v + 1;
        while (u < l1) {
            size_t l = (size_t)w->map[u];
            size_t want = rtl ? lo - 1 : hi + 1;
            if ((rtl && lo == l0) || l != want || w->level[l] != w->level[s0] ||
                w->script[l] != w->script[s0])
                break;
            if (rtl)
                lo = l;
            else
                hi = l;
            u++;
        }
        if (count < max && out) {
            out[count].start = w->off[lo] - rel;
            out[count].len = w->off[hi + 1] - w->off[lo];
            out[count].rtl = rtl;
            out[count].script = (Script)w->script[s0];
        }
        if (count == INT_MAX)
            break;
        count++;
        v = u;
    }
    return count;
}

int bidi_runs_para(const char *para, size_t para_len, size_t line, size_t line_len, ParaDir dir,
                   BidiRun *out, int max)
{
    if (!para || line_len == 0 || line > para_len || line_len > para_len - line)
        return 0;

    size_t ps, pe;
    para_bounds(para, para_len, line, line_len, &ps, &pe);
    const char *utf8 = para + ps;
    size_t len = pe - ps, rel = line - ps; /* the line's offset inside the paragraph */

    StackWork sw;
    Work w;
    void *block = NULL;
    FriBidiParType base;
    int count = -1;
    long ln = resolve_levels(utf8, len, dir, &w, &sw, &block, &base);
    if (ln < 0)
        goto done;
    size_t n = (size_t)ln;
    /* The line in code points. A line that does not start and end on a code
     * point boundary (the caller cut inside a character) is shown alone. */
    size_t l0 = 0;
    while (l0 < n && w.off[l0] < rel)
        l0++;
    size_t l1 = l0;
    while (l1 < n && w.off[l1] < rel + line_len)
        l1++;
    if (w.off[l0] != rel || w.off[l1] != rel + line_len) {
        /* (Not reached for a whole paragraph: off[0] and off[n] are its ends.) */
        free(block);
        return bidi_runs_para(para + line, line_len, 0, line_len, dir, out, max);
    }
    for (size_t i = 0; i < n; i++)
        w.map[i] = (FriBidiStrIndex)i;
    /* Flags 0: no mirroring, no NSM reordering, keep marks. We need only the
     * order of runs; the text of each run goes to HarfBuzz in logical order.
     * The levels were resolved over the whole paragraph (so a number at the
     * start of a wrapped line still knows the Arabic word before it, W2);
     * only this line is reordered, with L1 applied to its trailing spaces. */
    if (!fribidi_reorder_line(0, w.type, (FriBidiStrIndex)(l1 - l0), (FriBidiStrIndex)l0, base,
                              w.level, NULL, w.map))
        goto done;
    resolve_scripts(&w, n);

    count = visual_runs(&w, l0, l1, rel, out, max);
done:
    free(block);
    return count;
}

int bidi_runs(const char *utf8, size_t len, ParaDir dir, BidiRun *out, int max)
{
    return bidi_runs_para(utf8, len, 0, len, dir, out, max);
}

int bidi_is_rtl(const char *utf8, size_t len, ParaDir dir)
{
    if (dir == PARA_LTR)
        return 0;
    if (dir == PARA_RTL)
        return 1;
    if (!utf8)
        return 0;
    /* P2: the first strong character outside isolates. Decoding a
     * character at a time keeps this allocation-free for any length. */
    size_t pos = 0;
    int isolate = 0;
    while (pos < len) {
        FriBidiCharType t = fribidi_get_bidi_type(bidi_decode_cp(utf8, len, &pos));
        if (FRIBIDI_IS_ISOLATE(t)) {
            if (t == FRIBIDI_TYPE_PDI)
                isolate -= isolate > 0;
            else
                isolate++;
        } else if (isolate == 0 && FRIBIDI_IS_LETTER(t)) {
            return FRIBIDI_IS_RTL(t) ? 1 : 0;
        }
    }
    return 0;
}

/* A neutral that may read on the wrong side: punctuation (not a paired
 * bracket: N0 resolves those) glued, with no space between, to a letter or
 * number whose direction differs from the level the punctuation gets. */
long bidi_risky_at(const char *utf8, size_t len, ParaDir dir)
{
    if (!utf8 || len == 0)
        return -1;
    StackWork sw;
    Work w;
    void *block = NULL;
    FriBidiParType base;
    long found = -1;
    long ln = resolve_levels(utf8, len, dir, &w, &sw, &block, &base);
    if (ln < 0) {
        found = -2;
        goto done;
    }
    for (size_t i = 0; i < (size_t)ln && found < 0; i++) {
        FriBidiCharType t = fribidi_get_bidi_type(w.cp[i]);
        if (w.bracket[i] != FRIBIDI_NO_BRACKET ||
            !(t == FRIBIDI_TYPE_ON || t == FRIBIDI_TYPE_ES || t == FRIBIDI_TYPE_ET ||
              t == FRIBIDI_TYPE_CS))
            continue;
        for (int side = -1; side <= 1; side += 2) {
            if ((side < 0 && i == 0) || (side > 0 && i + 1 >= (size_t)ln))
                continue;
            size_t j = side < 0 ? i - 1 : i + 1;
            FriBidiCharType u = w.type[j];
            int ltr_unit = u == FRIBIDI_TYPE_LTR || u == FRIBIDI_TYPE_EN || u == FRIBIDI_TYPE_AN;
            int rtl_unit = u == FRIBIDI_TYPE_RTL || u == FRIBIDI_TYPE_AL;
            if ((ltr_unit && (w.level[j] & 1) == 0 && (w.level[i] & 1) != 0) ||
                (rtl_unit && (w.level[j] & 1) != 0 && (w.level[i] & 1) == 0))
                found = (long)w.off[i];
        }
    }
done:
    free(block);
    return found;
}
