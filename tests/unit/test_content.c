/* test_content.c: the content loader, the shipped demo content, and the
 * `taama content pot|check` command.
 *
 * Fixtures (tests/fixtures/): content-broken/ holds one module file per
 * kind of defect next to a good one; content-odd/ holds valid but unusual
 * modules (PO escaping, block scalars, order ties, style warnings). Paths
 * come from TAAMA_ROOT so the test runs from any directory. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content/content.h"
#include "core/log.h"
#include "support/support.h"

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

/* The issue in file (matched by suffix) whose message contains needle, or
 * NULL. */
static const ContentIssue *find_issue(const Content *c, const char *file, const char *needle)
{
    for (int i = 0; i < content_issue_count(c); i++) {
        const ContentIssue *is = content_issue(c, i);
        if (ends_with(is->file, file) && strstr(is->message, needle))
            return is;
    }
    return NULL;
}

static void dump_issues(const Content *c)
{
    for (int i = 0; i < content_issue_count(c); i++) {
        const ContentIssue *is = content_issue(c, i);
        fprintf(stderr, "  %s:%d: %s\n", is->file, is->line, is->message);
    }
}

/* ---- the shipped content ------------------------------------------------- */

static void test_shipped_content_loads_clean(void **state)
{
    (void)state;
    Err why = ERR_INVALID;
    Content *c = content_load(support_path("content"), &why);
    assert_non_null(c);
    assert_int_equal(why, ERR_OK);
    if (content_issue_count(c))
        dump_issues(c);
    assert_int_equal(content_issue_count(c), 0);
    assert_true(content_module_count(c) >= 5);

    unsigned audiences = 0;
    int prev_order = -1000000;
    for (int i = 0; i < content_module_count(c); i++) {
        const Module *m = content_module(c, i);
        audiences |= m->audience;
        assert_true(m->order >= prev_order);
        prev_order = m->order;
        assert_true(m->n_slides >= 3 && m->n_slides <= 6);
        assert_true(m->n_quiz >= 2 && m->n_quiz <= 3);
        for (int s = 0; s < m->n_slides; s++) {
            assert_non_null(m->slides[s].image);
            assert_non_null(m->slides[s].audio);
        }
        for (int q = 0; q < m->n_quiz; q++) {
            const QuizQuestion *qq = &m->quiz[q];
            assert_true(qq->n_answers >= 2 && qq->n_answers <= 3);
            assert_true(qq->correct >= 0 && qq->correct < qq->n_answers);
            assert_non_null(qq->explain);
            for (int a = 0; a < qq->n_answers; a++)
                assert_non_null(qq->answers[a].icon);
        }
        /* Every module ends with one concrete action naming a contact. */
        assert_non_null(m->end.title);
        assert_non_null(m->end.body);
        assert_non_null(m->end.contact_id);
        assert_non_null(content_find_contact(c, m->end.contact_id));
        assert_ptr_equal(content_find_module(c, m->id), m);
    }
    assert_true(audiences & AUDIENCE_WOMEN);
    assert_true(audiences & AUDIENCE_CHILDREN);
    assert_true(audiences & AUDIENCE_EVERYONE);

    /* Demo contacts must be unmistakable placeholders. */
    assert_true(content_contact_count(c) >= 1);
    for (int i = 0; i < content_contact_count(c); i++) {
        const Contact *k = content_contact(c, i);
        assert_non_null(strstr(k->name, "DEMO"));
        if (k->number)
            assert_non_null(strstr(k->number, "DEMO"));
        if (k->place)
            assert_non_null(strstr(k->place, "DEMO"));
    }
    content_free(c);
}

/* The SVGs go through nanosvg in SDL2_image: keep to what it draws. */
static void test_shipped_images_are_plain_svg(void **state)
{
    (void)state;
    DIR *d = opendir(support_path("content/images"));
    assert_non_null(d);
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d))) {
        if (!ends_with(e->d_name, ".svg"))
            continue;
        char rel[512];
        snprintf(rel, sizeof rel, "content/images/%s", e->d_name);
        FILE *f = fopen(support_path(rel), "r");
        assert_non_null(f);
        static char buf[65536];
        size_t len = fread(buf, 1, sizeof buf - 1, f);
        buf[len] = '\0';
        fclose(f);
        assert_non_null(strstr(buf, "viewBox=\"0 0 256 256\""));
        const char *banned[] = {"<text", "class=", "Gradient", "href", "style=", "<image",
                                "<style", "url("};
        for (size_t i = 0; i < sizeof banned / sizeof banned[0]; i++)
            if (strstr(buf, banned[i])) {
                fprintf(stderr, "%s uses %s\n", e->d_name, banned[i]);
                fail();
            }
        n++;
    }
    closedir(d);
    assert_true(n >= 30);
}

/* ---- broken files ------------------------------------------------------------- */

static void test_broken_files_reported_rest_loads(void **state)
{
    (void)state;
    Content *c = content_load(support_path("tests/fixtures/content-broken"), NULL);
    assert_non_null(c);
    static const struct {
        const char *file;
        int line;
        const char *needle;
    } want[] = {
        {"modules/b-bad-yaml.yaml", 5, "YAML syntax error"},
        {"modules/c-missing-field.yaml", 12, "slide 2: required field 'body' is missing"},
        {"modules/d-wrong-type.yaml", 8, "'slides' must be a list"},
        {"modules/e-too-many-slides.yaml", 9, "17 slides"},
        {"modules/f-quiz-correct.yaml", 19, "'correct' is 3"},
        {"modules/g-audience.yaml", 6, "unknown audience 'men'"},
        {"modules/h-duplicate.yaml", 2, "already used by"},
        {"modules/i-dangling.yaml", 24, "contact 'nobody'"},
        {"modules/j-missing-image.yaml", 11, "images/nope.svg"},
        {"modules/k-path.yaml", 5, "inside the content folder"},
        {"contacts.yaml", 7, "'description' is missing"},
        {"contacts.yaml", 10, "'good-line' is used twice"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const ContentIssue *is = find_issue(c, want[i].file, want[i].needle);
        if (!is || is->line != want[i].line) {
            fprintf(stderr, "want %s:%d: %s\n", want[i].file, want[i].line, want[i].needle);
            dump_issues(c);
        }
        assert_non_null(is);
        assert_int_equal(is->line, want[i].line);
        assert_int_equal(is->severity, CONTENT_ERROR);
    }
    /* The good module and the two with non-fatal problems load, in order. */
    assert_int_equal(content_module_count(c), 3);
    assert_string_equal(content_module(c, 0)->id, "dangling");
    assert_string_equal(content_module(c, 1)->id, "good-one");
    assert_string_equal(content_module(c, 2)->id, "missing-image");
    assert_true(ends_with(content_find_module(c, "good-one")->file, "a-good.yaml"));
    assert_null(content_find_module(c, "dangling")->end.contact_id);
    assert_string_equal(content_find_module(c, "good-one")->end.contact_id, "good-line");
    /* Skipped modules say so; the notes.txt file is not a module. */
    assert_non_null(find_issue(c, "modules/f-quiz-correct.yaml", "module skipped"));
    assert_null(find_issue(c, "notes.txt", ""));
    assert_int_equal(content_contact_count(c), 1);
    assert_string_equal(content_contact(c, 0)->name, "DEMO good line");
    content_free(c);
}

static void test_missing_folder(void **state)
{
    (void)state;
    Err why = ERR_OK;
    assert_null(content_load(support_path("tests/fixtures/no-such-folder"), &why));
    assert_int_equal(why, ERR_NOTFOUND);
    why = ERR_OK;
    assert_null(content_load(NULL, &why));
    assert_int_equal(why, ERR_INVALID);
    content_free(NULL);
}

static void test_empty_folder(void **state)
{
    (void)state;
    char dir[64];
    snprintf(dir, sizeof dir, "%s", support_tmpdir());
    Err why = ERR_INVALID;
    Content *c = content_load(dir, &why);
    assert_non_null(c);
    assert_int_equal(why, ERR_OK);
    assert_int_equal(content_module_count(c), 0);
    assert_int_equal(content_contact_count(c), 0);
    assert_non_null(find_issue(c, "modules", "no modules folder"));
    assert_non_null(find_issue(c, "contacts.yaml", "no contacts file"));
    assert_null(content_module(c, 0));
    assert_null(content_find_module(c, "x"));
    content_free(c);

    /* An empty modules folder and an empty contacts file. */
    char sub[300];
    snprintf(sub, sizeof sub, "%s/modules", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    snprintf(sub, sizeof sub, "%s/contacts.yaml", dir);
    FILE *f = fopen(sub, "w");
    assert_non_null(f);
    fclose(f);
    c = content_load(dir, NULL);
    assert_non_null(c);
    assert_int_equal(content_module_count(c), 0);
    assert_non_null(find_issue(c, "contacts.yaml", "empty"));
    content_free(c);
    remove(sub);
    snprintf(sub, sizeof sub, "%s/modules", dir);
    rmdir(sub);
    rmdir(dir);
}

static void test_odd_but_valid(void **state)
{
    (void)state;
    Content *c = content_load(support_path("tests/fixtures/content-odd"), NULL);
    assert_non_null(c);
    assert_int_equal(content_module_count(c), 2);
    /* Same order: the id decides. */
    assert_string_equal(content_module(c, 0)->id, "odd-a");
    const Module *b = content_module(c, 1);
    assert_string_equal(b->id, "odd-b");
    assert_int_equal(b->audience, AUDIENCE_WOMEN | AUDIENCE_CHILDREN);
    assert_string_equal(b->summary, "Back\\slash, \"quotes\" and a\ttab");
    assert_string_equal(b->slides[0].body, "First line\nsecond line\n");
    assert_string_equal(b->slides[0].audio, "custom_key.1");
    assert_string_equal(b->slides[1].audio, "odd-b-slide-2");
    assert_string_equal(b->end.audio, "odd-b-end");
    assert_null(b->slides[1].image);
    assert_int_equal(b->n_quiz, 0);
    /* An unknown field is a warning, not a reason to skip. */
    const ContentIssue *is = find_issue(c, "odd-b.yaml", "unknown field 'colour'");
    assert_non_null(is);
    assert_int_equal(is->line, 9);
    assert_int_equal(is->severity, CONTENT_WARNING);
    /* A contact with a place and no number is fine; hours: null is absent. */
    const Contact *k = content_find_contact(c, "walk-in");
    assert_non_null(k);
    assert_null(k->number);
    assert_null(k->hours);
    assert_string_equal(k->place, "DEMO hall, door 2");

    char buf[512];
    assert_int_equal(content_path(c, "images/pic.svg", buf, sizeof buf), ERR_OK);
    assert_true(ends_with(buf, "content-odd/images/pic.svg"));
    assert_int_equal(content_path(c, "../x.svg", buf, sizeof buf), ERR_PATH);
    assert_int_equal(content_path(c, "/etc/passwd", buf, sizeof buf), ERR_PATH);
    assert_int_equal(content_path(c, "images/pic.svg", buf, 8), ERR_TOOBIG);
    assert_int_equal(content_audio_path(c, "ar", "odd-b-end", buf, sizeof buf), ERR_OK);
    assert_true(ends_with(buf, "content-odd/audio/ar/odd-b-end.wav"));
    assert_int_equal(content_audio_path(c, "../ar", "x", buf, sizeof buf), ERR_PATH);
    content_free(c);
}

/* ---- content_foreach_string ------------------------------------------------ */

typedef struct {
    const char *s[1024];
    const char *file[1024];
    int line[1024];
    int n;
} Seen;

static void seen_cb(void *ctx, const char *s, const char *file, int line)
{
    Seen *x = ctx;
    assert_true(x->n < 1024);
    x->s[x->n] = s;
    x->file[x->n] = file;
    x->line[x->n] = line;
    x->n++;
}

/* Each non-NULL field must be reported once, as that very string, from the
 * right file with a line. */
static void expect_seen(const Seen *x, const char *s, const char *file)
{
    if (!s)
        return;
    int hits = 0;
    for (int i = 0; i < x->n; i++)
        if (x->s[i] == s) {
            assert_string_equal(x->file[i], file);
            assert_true(x->line[i] > 0);
            hits++;
        }
    if (hits != 1)
        fprintf(stderr, "string \"%s\" reported %d times\n", s, hits);
    assert_int_equal(hits, 1);
}

static void check_foreach_covers(const char *dir)
{
    Content *c = content_load(support_path(dir), NULL);
    assert_non_null(c);
    static Seen x;
    memset(&x, 0, sizeof x);
    content_foreach_string(c, seen_cb, &x);
    int expected = 0;
    for (int i = 0; i < content_module_count(c); i++) {
        const Module *m = content_module(c, i);
        const char *f = m->file;
        expect_seen(&x, m->title, f);
        expect_seen(&x, m->summary, f);
        expected += 2;
        for (int s = 0; s < m->n_slides; s++) {
            expect_seen(&x, m->slides[s].title, f);
            expect_seen(&x, m->slides[s].body, f);
            expected += 2;
        }
        for (int q = 0; q < m->n_quiz; q++) {
            expect_seen(&x, m->quiz[q].question, f);
            expect_seen(&x, m->quiz[q].explain, f);
            expected += 2;
            for (int a = 0; a < m->quiz[q].n_answers; a++, expected++)
                expect_seen(&x, m->quiz[q].answers[a].text, f);
        }
        expect_seen(&x, m->end.title, f);
        expect_seen(&x, m->end.body, f);
        expected += 2;
    }
    for (int i = 0; i < content_contact_count(c); i++) {
        const Contact *k = content_contact(c, i);
        const char *f = NULL;
        for (int j = 0; j < x.n; j++)
            if (x.s[j] == k->name)
                f = x.file[j];
        assert_non_null(f);
        assert_true(ends_with(f, "contacts.yaml"));
        expect_seen(&x, k->name, f);
        expect_seen(&x, k->description, f);
        expect_seen(&x, k->hours, f);
        expect_seen(&x, k->place, f);
        expected += 2 + !!k->hours + !!k->place;
    }
    /* Nothing else: no ids, paths, numbers, or strings of skipped modules. */
    assert_int_equal(x.n, expected);
    content_free(c);
}

static void test_foreach_string_covers_every_field(void **state)
{
    (void)state;
    check_foreach_covers("content");
    check_foreach_covers("tests/fixtures/content-odd");
    check_foreach_covers("tests/fixtures/content-broken");
}

/* ---- the command line ------------------------------------------------------- */

/* Run content_cli_main with words, output to a temporary file; returns the
 * exit code and the output (malloc'd) in *text. */
static int run_cli(const char *dir, char **text, ...)
{
    char *argv[16];
    int argc = 0;
    va_list ap;
    va_start(ap, text);
    for (const char *a; (a = va_arg(ap, const char *)) && argc < 15;)
        argv[argc++] = (char *)a;
    va_end(ap);
    argv[argc] = NULL;
    FILE *f = tmpfile();
    assert_non_null(f);
    int rc = content_cli_main(dir, argc, argv, f);
    long n = ftell(f);
    rewind(f);
    *text = calloc(1, (size_t)n + 1);
    assert_non_null(*text);
    assert_int_equal(fread(*text, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    return rc;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* The POT must pass msgfmt --check; then msgen + msgexec give back every
 * msgid exactly as the content has it, which proves the escaping. */
static void check_pot(const char *dir)
{
    char *pot = NULL;
    assert_int_equal(run_cli(support_path(dir), &pot, "pot", NULL), 0);
    char tmpl[] = "/tmp/taama-pot-XXXXXX";
    int fd = mkstemp(tmpl);
    assert_true(fd >= 0);
    close(fd);
    write_file(tmpl, pot);
    char cmd[4096], out[1100];
    snprintf(cmd, sizeof cmd, "msgfmt --check -o /dev/null %s 2>/dev/null", tmpl);
    assert_int_equal(system(cmd), 0);
    snprintf(out, sizeof out, "%s.ids", tmpl);
    snprintf(cmd, sizeof cmd, "msgen %s | msgexec -i - 0 > %s", tmpl, out);
    assert_int_equal(system(cmd), 0);

    FILE *f = fopen(out, "rb");
    assert_non_null(f);
    static char ids[262144];
    size_t n = fread(ids, 1, sizeof ids - 1, f);
    fclose(f);
    /* msgexec 0 prints each msgstr (here = msgid) followed by NUL; the
     * header comes first. */
    Content *c = content_load(support_path(dir), NULL);
    assert_non_null(c);
    static Seen x;
    memset(&x, 0, sizeof x);
    content_foreach_string(c, seen_cb, &x);
    int entries = 0;
    for (size_t i = 0; i < n; i += strlen(ids + i) + 1) {
        if (i == 0)
            continue; /* header */
        int found = 0;
        for (int j = 0; j < x.n && !found; j++)
            found = !strcmp(x.s[j], ids + i);
        if (!found)
            fprintf(stderr, "POT has \"%s\" not in the content\n", ids + i);
        assert_true(found);
        entries++;
    }
    /* Every distinct string exactly once. */
    int distinct = 0;
    for (int j = 0; j < x.n; j++) {
        int dup = 0;
        for (int k = 0; k < j && !dup; k++)
            dup = !strcmp(x.s[k], x.s[j]);
        distinct += !dup;
    }
    assert_int_equal(entries, distinct);
    assert_non_null(strstr(pot, "#: "));
    content_free(c);
    remove(out);
    remove(tmpl);
    free(pot);
}

static void test_pot_passes_msgfmt(void **state)
{
    (void)state;
    check_pot("content");
    check_pot("tests/fixtures/content-odd");

    char *pot = NULL;
    assert_int_equal(run_cli(support_path("tests/fixtures/content-odd"), &pot, "pot", NULL), 0);
    assert_non_null(strstr(pot, "msgid \"Back\\\\slash, \\\"quotes\\\" and a\\ttab\""));
    assert_non_null(strstr(pot, "msgid \"\"\n\"First line\\n\"\n\"second line\\n\"\n"));
    assert_non_null(strstr(pot, "content-odd/modules/odd-b.yaml:7\n"));
    /* A string used twice is one entry with both references. */
    char *entry = strstr(pot, "msgid \"Line one\"");
    assert_non_null(entry);
    *entry = '\0';
    char *refs = strrchr(pot, '\n');
    while (refs > pot && strncmp(refs, "\nmsgstr", 7))
        refs--;
    assert_non_null(strstr(refs, "odd-b.yaml:11"));
    assert_non_null(strstr(refs, "odd-b.yaml:20"));
    free(pot);
}

static void test_check_command(void **state)
{
    (void)state;
    char *out = NULL;
    assert_int_equal(run_cli(support_path("content"), &out, "check", NULL), 0);
    assert_non_null(strstr(out, "0 errors"));
    free(out);

    assert_int_equal(run_cli(support_path("tests/fixtures/content-broken"), &out, "check", NULL), 1);
    assert_non_null(strstr(out, "modules/f-quiz-correct.yaml:19: error:"));
    assert_non_null(strstr(out, "modules/i-dangling.yaml:24: error:"));
    free(out);

    /* Warnings alone do not fail the check, but are listed. */
    assert_int_equal(run_cli(support_path("tests/fixtures/content-odd"), &out, "content", "check",
                             "--lang", "fr", NULL),
                     0);
    assert_non_null(strstr(out, "card title is 54 characters"));
    assert_non_null(strstr(out, "no number"));
    assert_non_null(strstr(out, "warning"));
    free(out);

    /* --content overrides the folder; usage errors exit 2. */
    assert_int_equal(run_cli("/nonexistent", &out, "--content", support_path("content"), "check",
                             NULL),
                     0);
    free(out);
    assert_int_equal(run_cli(support_path("content"), &out, "frobnicate", NULL), 2);
    free(out);
    assert_int_equal(run_cli(support_path("content"), &out, NULL), 2);
    free(out);
    assert_int_equal(run_cli("/nonexistent", &out, "check", NULL), 2);
    free(out);
}

/* An extra check passed by the caller runs after the built-in ones and can
 * fail the command. */
static void extra_check(const Content *c, ContentReport *r, void *user)
{
    int n = 0;
    const char *const *langs = content_report_langs(r, &n);
    *(int *)user = n;
    if (n == 1 && !strcmp(langs[0], "ti"))
        content_report(r, CONTENT_ERROR, content_module(c, 0)->file, 3, "made-up problem");
}

static void test_check_is_extensible(void **state)
{
    (void)state;
    int seen = -1;
    ContentCheck extra = {"extra", extra_check, &seen};
    char *argv[] = {"check", "--lang", "ti", NULL};
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(content_cli_run(support_path("content"), 3, argv, f, &extra, 1), 1);
    assert_int_equal(seen, 1);
    long n = ftell(f);
    rewind(f);
    char buf[4096] = {0};
    assert_true(fread(buf, 1, sizeof buf - 1, f) == (size_t)n);
    assert_non_null(strstr(buf, ":3: error: made-up problem [extra]"));
    fclose(f);
}

/* ---- hostile input ------------------------------------------------------------ */

static void make_dirs(char *dir, size_t n)
{
    snprintf(dir, n, "%s", support_tmpdir());
    char sub[512];
    snprintf(sub, sizeof sub, "%s/modules", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
}

static Content *load_one(const char *dir, const char *text, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/modules/m.yaml", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    fclose(f);
    Content *c = content_load(dir, NULL);
    assert_non_null(c);
    /* Whatever loaded must be complete. */
    for (int i = 0; i < content_module_count(c); i++) {
        const Module *m = content_module(c, i);
        assert_non_null(m->id);
        assert_non_null(m->title);
        assert_non_null(m->end.body);
        assert_true(m->n_slides >= 1 && m->n_slides <= CONTENT_MAX_SLIDES);
        for (int s = 0; s < m->n_slides; s++)
            assert_non_null(m->slides[s].body);
        for (int q = 0; q < m->n_quiz; q++)
            for (int a = 0; a < m->quiz[q].n_answers; a++)
                assert_non_null(m->quiz[q].answers[a].icon);
    }
    return c;
}

static void cleanup_dirs(const char *dir)
{
    char path[512];
    snprintf(path, sizeof path, "%s/modules/m.yaml", dir);
    remove(path);
    snprintf(path, sizeof path, "%s/modules", dir);
    rmdir(path);
    rmdir(dir);
}

/* Every prefix of every shipped module must load or be reported, never
 * crash (run under ASan/valgrind by `make asan`). */
static void test_truncated_modules_never_crash(void **state)
{
    (void)state;
    char dir[256];
    make_dirs(dir, sizeof dir);
    DIR *d = opendir(support_path("content/modules"));
    assert_non_null(d);
    struct dirent *e;
    int files = 0;
    while ((e = readdir(d))) {
        if (!ends_with(e->d_name, ".yaml"))
            continue;
        char rel[512];
        snprintf(rel, sizeof rel, "content/modules/%s", e->d_name);
        FILE *f = fopen(support_path(rel), "rb");
        assert_non_null(f);
        static char text[65536];
        size_t len = fread(text, 1, sizeof text, f);
        fclose(f);
        int loaded = 0;
        for (size_t cut = 0; cut <= len; cut += 3) {
            Content *c = load_one(dir, text, cut);
            loaded += content_module_count(c);
            content_free(c);
        }
        /* The whole file loads (its images are missing here: an issue,
         * not a skip). */
        Content *c = load_one(dir, text, len);
        assert_int_equal(content_module_count(c), 1);
        content_free(c);
        (void)loaded;
        files++;
    }
    closedir(d);
    assert_true(files >= 5);
    cleanup_dirs(dir);
}

static void test_hostile_documents(void **state)
{
    (void)state;
    char dir[256];
    make_dirs(dir, sizeof dir);
    static const char *const docs[] = {
        "&a [*a]\n",                           /* an alias cycle */
        "id: x\nslides: &s [*s]\n",            /* a cycle where a list is expected */
        "- - - - - - - - - - - []\n",          /* deep nesting, wrong root */
        "id: \"a\\0b\"\n",                       /* NUL in a string */
        "id: x\ntitle: \"bell\\a\"\n",           /* control character */
        "? [a, b]\n: c\n",                     /* a key that is not a word */
        "id: x\nid: y\n",                      /* repeated field */
        "id: x\n--- \nid: y\n",                /* two documents */
        "\xff\xfe\x00garbage",                 /* not UTF-8 */
        "id: UPPER\n",                         /* bad id alphabet */
        "order: 99999999999999999999\n",       /* integer overflow */
        "audience: {women: 1}\n",              /* wrong type for audience */
        "slides:\n  - 3\n  - [a]\n",           /* slides that are not mappings */
        "quiz:\n  - question: q\n    answers: [x, y]\n    correct: two\n",
    };
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        size_t len = i == 8 ? 10 : strlen(docs[i]);
        Content *c = load_one(dir, docs[i], len);
        assert_int_equal(content_module_count(c), 0);
        int errors = 0;
        for (int k = 0; k < content_issue_count(c); k++)
            errors += content_issue(c, k)->severity == CONTENT_ERROR;
        assert_true(errors >= 1);
        content_free(c);
    }
    /* Over the size limit. */
    size_t big = 300 * 1024;
    char *text = malloc(big);
    assert_non_null(text);
    memset(text, '#', big);
    Content *c = load_one(dir, text, big);
    free(text);
    char msg[64];
    snprintf(msg, sizeof msg, "larger than");
    assert_non_null(find_issue(c, "m.yaml", msg));
    content_free(c);
    cleanup_dirs(dir);
}

int main(void)
{
    log_set_quiet(1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped_content_loads_clean),
        cmocka_unit_test(test_shipped_images_are_plain_svg),
        cmocka_unit_test(test_broken_files_reported_rest_loads),
        cmocka_unit_test(test_missing_folder),
        cmocka_unit_test(test_empty_folder),
        cmocka_unit_test(test_odd_but_valid),
        cmocka_unit_test(test_foreach_string_covers_every_field),
        cmocka_unit_test(test_pot_passes_msgfmt),
        cmocka_unit_test(test_check_command),
        cmocka_unit_test(test_check_is_extensible),
        cmocka_unit_test(test_truncated_modules_never_crash),
        cmocka_unit_test(test_hostile_documents),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
