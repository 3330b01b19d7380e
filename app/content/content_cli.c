/* content_cli.c: `taama content pot` and `taama content check`.
 *
 * pot: every translatable content string once, with all its `#: file:line`
 * references, escaped as the PO format requires, so tools/make-pot.sh can
 * merge it with the strings xgettext finds in the C sources.
 *
 * check: runs a table of checks over the loaded content and prints each
 * finding as "file:line: error|warning: message [check]". Adding a check is
 * one row in CHECKS (or, for checks that need the renderer, an entry passed
 * to content_cli_run()). */
#include "content/content.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/vec.h"

struct ContentReport {
    FILE *out;
    const char *check; /* name of the check running now */
    int errors, warnings;
    const char *const *langs;
    int n_langs;
};

void content_report(ContentReport *r, ContentSeverity sev, const char *file, int line,
                    const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (sev == CONTENT_ERROR)
        r->errors++;
    else
        r->warnings++;
    const char *level = sev == CONTENT_ERROR ? "error" : "warning";
    if (file && line > 0)
        fprintf(r->out, "%s:%d: %s: %s [%s]\n", file, line, level, msg, r->check);
    else if (file)
        fprintf(r->out, "%s: %s: %s [%s]\n", file, level, msg, r->check);
    else
        fprintf(r->out, "%s: %s [%s]\n", level, msg, r->check);
}

const char *const *content_report_langs(const ContentReport *r, int *n)
{
    *n = r->n_langs;
    return r->langs;
}

/* ---- string table shared by pot and the style check ------------------------ */

typedef struct {
    const char *s, *file;
    int line, seq;
} Ref;

typedef struct {
    Ref *v;
    int n, oom;
    size_t cap;
} Refs;

static void collect(void *ctx, const char *s, const char *file, int line)
{
    Refs *r = ctx;
    if (VEC_RESERVE(r->v, r->cap, (size_t)r->n + 1) != ERR_OK) {
        r->oom = 1;
        return;
    }
    r->v[r->n] = (Ref){s, file, line, r->n};
    r->n++;
}

/* The line a loaded string came from (strings are unique pointers). */
static int ref_line(const Refs *r, const char *s)
{
    for (int i = 0; s && i < r->n; i++)
        if (r->v[i].s == s)
            return r->v[i].line;
    return 0;
}

/* ---- built-in checks ----------------------------------------------------- */

static void check_load(const Content *c, ContentReport *r, void *user)
{
    (void)user;
    for (int i = 0; i < content_issue_count(c); i++) {
        const ContentIssue *is = content_issue(c, i);
        content_report(r, is->severity, is->file, is->line, "%s", is->message);
    }
}

/* Characters, not bytes: the limits are about what a reader sees. */
static int utf8_len(const char *s)
{
    int n = 0;
    for (; s && *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

typedef struct {
    const Module *m;
    const Refs *refs;
    ContentReport *r;
} StyleCtx;

static void limit(StyleCtx *x, const char *s, int max, const char *what)
{
    int n = utf8_len(s);
    if (s && n > max)
        content_report(x->r, CONTENT_WARNING, x->m->file, ref_line(x->refs, s),
                       "%s is %d characters; keep it to %d so it fits a small phone", what, n,
                       max);
}

/* The writing guidelines of docs/content-format.md. English source only;
 * whether translations fit is the overflow check's job. */
static void check_style(const Content *c, ContentReport *r, void *user)
{
    Refs refs = {0};
    content_foreach_string(c, collect, &refs);
    (void)user;
    for (int i = 0; i < content_module_count(c); i++) {
        const Module *m = content_module(c, i);
        StyleCtx x = {m, &refs, r};
        int kids = m->audience == AUDIENCE_CHILDREN;
        char what[64];
        limit(&x, m->title, 40, "card title");
        limit(&x, m->summary, 60, "card summary");
        if (m->n_slides < 3 || m->n_slides > 6)
            content_report(r, CONTENT_WARNING, m->file, 0, "%d slide%s; 3 to 6 keep a visit short",
                           m->n_slides, m->n_slides == 1 ? "" : "s");
        for (int s = 0; s < m->n_slides; s++) {
            snprintf(what, sizeof what, "slide %d title", s + 1);
            limit(&x, m->slides[s].title, 40, what);
            snprintf(what, sizeof what, "slide %d body", s + 1);
            limit(&x, m->slides[s].body, kids ? 110 : 160, what);
            if (kids && !m->slides[s].image)
                content_report(r, CONTENT_WARNING, m->file, ref_line(&refs, m->slides[s].title),
                               "slide %d: the children's track needs a picture on every slide",
                               s + 1);
        }
        if (m->n_quiz == 0)
            content_report(r, CONTENT_WARNING, m->file, 0, "no quiz");
        for (int q = 0; q < m->n_quiz; q++) {
            snprintf(what, sizeof what, "quiz question %d", q + 1);
            limit(&x, m->quiz[q].question, 80, what);
            snprintf(what, sizeof what, "quiz %d explanation", q + 1);
            limit(&x, m->quiz[q].explain, kids ? 110 : 160, what);
            for (int a = 0; a < m->quiz[q].n_answers; a++) {
                snprintf(what, sizeof what, "quiz %d answer %d", q + 1, a + 1);
                limit(&x, m->quiz[q].answers[a].text, 30, what);
            }
        }
        limit(&x, m->end.title, 40, "end card title");
        limit(&x, m->end.body, kids ? 110 : 160, "end card action");
    }
    free(refs.v);
}

static void check_contacts(const Content *c, ContentReport *r, void *user)
{
    (void)user;
    char file[1024];
    snprintf(file, sizeof file, "%s/contacts.yaml", content_dir(c));
    for (int i = 0; i < content_contact_count(c); i++) {
        const Contact *k = content_contact(c, i);
        if (!k->number)
            content_report(r, CONTENT_WARNING, file, 0,
                           "contact '%s' has no number: no QR code to take away", k->id);
    }
    for (int i = 0; i < content_module_count(c); i++) {
        const Module *m = content_module(c, i);
        if (!m->end.contact_id)
            content_report(r, CONTENT_WARNING, m->file, 0,
                           "end card names no contact: the action should say who to call or "
                           "where to go");
    }
}

/* A file whose name says it is a right/wrong mark ("ans-yes.svg",
 * "tick.png"): the kiosk draws those itself after an answer. */
static int is_verdict_mark(const char *path)
{
    static const char *const marks[] = {"yes",   "no",    "check", "tick",    "cross",
                                        "right", "wrong", "ok",    "correct", "incorrect"};
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (!strncmp(base, "ans-", 4))
        base += 4;
    size_t n = strcspn(base, ".");
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (strlen(marks[i]) == n && !strncmp(base, marks[i], n))
            return 1;
    return 0;
}

/* Each answer pictogram depicts its own answer: no verdict marks, and no
 * picture shared by two different answers anywhere in the content. */
static void check_pictograms(const Content *c, ContentReport *r, void *user)
{
    Refs refs = {0};
    content_foreach_string(c, collect, &refs);
    (void)user;
    for (int i = 0; i < content_module_count(c); i++) {
        const Module *m = content_module(c, i);
        for (int q = 0; q < m->n_quiz; q++)
            for (int a = 0; a < m->quiz[q].n_answers; a++) {
                const QuizAnswer *ans = &m->quiz[q].answers[a];
                int line = ref_line(&refs, ans->text);
                if (is_verdict_mark(ans->icon))
                    content_report(r, CONTENT_ERROR, m->file, line,
                                   "quiz %d answer %d: %s is a right/wrong mark; the picture must "
                                   "show what the answer says (the kiosk marks right and wrong)",
                                   q + 1, a + 1, ans->icon);
                /* the first earlier answer with this picture and another text */
                int found = 0;
                for (int j = 0; j <= i && !found; j++) {
                    const Module *o = content_module(c, j);
                    for (int p = 0; p < o->n_quiz && !found; p++)
                        for (int b = 0; b < o->quiz[p].n_answers && !found; b++) {
                            if (j == i && (p > q || (p == q && b >= a)))
                                break;
                            const QuizAnswer *x = &o->quiz[p].answers[b];
                            if (!strcmp(x->icon, ans->icon) && strcmp(x->text, ans->text)) {
                                found = 1;
                                content_report(r, CONTENT_ERROR, m->file, line,
                                               "quiz %d answer %d: %s is also the picture of "
                                               "\"%s\" (%s); each answer needs its own picture",
                                               q + 1, a + 1, ans->icon, x->text, o->file);
                            }
                        }
                }
            }
    }
    free(refs.v);
}

static const ContentCheck CHECKS[] = {
    {"load", check_load, NULL},
    {"style", check_style, NULL},
    {"contacts", check_contacts, NULL},
    {"pictograms", check_pictograms, NULL},
};

/* ---- pot ----------------------------------------------------------------- */

static int cmp_ref(const void *a, const void *b)
{
    const Ref *x = a, *y = b;
    int d = strcmp(x->s, y->s);
    return d ? d : (x->seq > y->seq) - (x->seq < y->seq);
}

/* One line of a PO string, escaped: backslash, quote and controls. */
static void po_quoted(FILE *out, const char *s, size_t n)
{
    fputc('"', out);
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        switch (ch) {
        case '\\': fputs("\\\\", out); break;
        case '"': fputs("\\\"", out); break;
        case '\n': fputs("\\n", out); break;
        case '\t': fputs("\\t", out); break;
        case '\r': fputs("\\r", out); break;
        default:
            if (ch < 0x20 || ch == 0x7f)
                fprintf(out, "\\%03o", ch);
            else
                fputc(ch, out);
        }
    }
    fputs("\"\n", out);
}

/* msgid "..." or, for text with line breaks, msgid "" followed by one line
 * per segment, the way xgettext writes it. */
static void po_msgid(FILE *out, const char *s)
{
    const char *nl = strchr(s, '\n');
    fputs("msgid ", out);
    if (!nl || !nl[1]) {
        po_quoted(out, s, strlen(s));
        return;
    }
    fputs("\"\"\n", out);
    while (*s) {
        nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) + 1 : strlen(s);
        po_quoted(out, s, n);
        s += n;
    }
}

static void po_refs(FILE *out, const Ref *g, int n)
{
    int col = 0;
    for (int i = 0; i < n; i++) {
        char ref[1100];
        int len = snprintf(ref, sizeof ref, "%s:%d", g[i].file, g[i].line);
        if (col && col + 1 + len > 79) {
            fputc('\n', out);
            col = 0;
        }
        if (!col) {
            fputs("#:", out);
            col = 2;
        }
        fprintf(out, " %s", ref);
        col += 1 + len;
    }
    if (col)
        fputc('\n', out);
}

static int cmp_first_seq(const void *a, const void *b)
{
    const Ref *const *x = a, *const *y = b;
    return ((*x)->seq > (*y)->seq) - ((*x)->seq < (*y)->seq);
}

/* Writes the header and one entry per distinct string, in order of first
 * appearance (so the POT reads like the content). No creation date: the
 * output depends on the content alone, so regenerating it is diff-clean. */
static int write_pot(const Content *c, FILE *out)
{
    Refs refs = {0};
    Ref **groups = NULL;
    int rc = 2, n_groups = 0;
    content_foreach_string(c, collect, &refs);
    if (refs.oom)
        goto out;
    if (refs.n)
        qsort(refs.v, (size_t)refs.n, sizeof *refs.v, cmp_ref);
    groups = malloc(((size_t)refs.n + 1) * sizeof *groups);
    if (!groups)
        goto out;
    for (int i = 0; i < refs.n; i++)
        if (i == 0 || strcmp(refs.v[i].s, refs.v[i - 1].s))
            groups[n_groups++] = &refs.v[i];
    qsort(groups, (size_t)n_groups, sizeof *groups, cmp_first_seq);

    fputs("# Taama: content strings (content/modules/*.yaml, content/contacts.yaml).\n"
          "# Generated by `taama content pot`; do not edit, edit the YAML instead.\n"
          "#\n"
          "#, fuzzy\n"
          "msgid \"\"\n"
          "msgstr \"\"\n"
          "\"Project-Id-Version: Taama\\n\"\n"
          "\"Report-Msgid-Bugs-To: \\n\"\n"
          "\"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n\"\n"
          "\"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n\"\n"
          "\"Language-Team: LANGUAGE <LL@li.org>\\n\"\n"
          "\"Language: \\n\"\n"
          "\"MIME-Version: 1.0\\n\"\n"
          "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
          "\"Content-Transfer-Encoding: 8bit\\n\"\n",
          out);
    for (int g = 0; g < n_groups; g++) {
        const Ref *first = groups[g];
        int n = 1;
        while (first + n < refs.v + refs.n && !strcmp(first[n].s, first->s))
            n++;
        fputc('\n', out);
        po_refs(out, first, n);
        po_msgid(out, first->s);
        fputs("msgstr \"\"\n", out);
    }
    rc = ferror(out) ? 2 : 0;
out:
    free(groups);
    free(refs.v);
    return rc;
}

/* ---- command line ----------------------------------------------------------- */

static void usage(FILE *out)
{
    fputs("usage: taama content [--content DIR] pot\n"
          "       taama content [--content DIR] check [--lang LANG]...\n"
          "  pot    write a POT of every content string to standard output\n"
          "  check  list problems in the content; exit 1 if there is an error\n",
          out);
}

static int run_check(const Content *c, FILE *out, const char *const *langs, int n_langs,
                     const ContentCheck *extra, int n_extra)
{
    ContentReport r = {.out = out, .langs = langs, .n_langs = n_langs};
    int n_builtin = (int)(sizeof CHECKS / sizeof CHECKS[0]);
    for (int i = 0; i < n_builtin + n_extra; i++) {
        const ContentCheck *k = i < n_builtin ? &CHECKS[i] : &extra[i - n_builtin];
        r.check = k->name;
        k->run(c, &r, k->user);
    }
    fprintf(out, "content check: %d modules, %d contacts, %d errors, %d warnings\n",
            content_module_count(c), content_contact_count(c), r.errors, r.warnings);
    return r.errors ? 1 : 0;
}

int content_cli_run(const char *content_dir, int argc, char **argv, FILE *out,
                    const ContentCheck *extra, int n_extra)
{
    const char *cmd = NULL, *dir = content_dir;
    const char **langs = calloc((size_t)argc + 1, sizeof *langs);
    int n_langs = 0, rc = 2;
    if (!langs)
        return 2;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--content") && i + 1 < argc)
            dir = argv[++i];
        else if (!strcmp(a, "--lang") && i + 1 < argc)
            langs[n_langs++] = argv[++i];
        else if (!strcmp(a, "content") && !cmd && i == 0)
            continue;
        else if (!cmd && (!strcmp(a, "pot") || !strcmp(a, "check")))
            cmd = a;
        else {
            if (strcmp(a, "--help") && strcmp(a, "-h"))
                fprintf(stderr, "taama content: unexpected '%s'\n", a);
            usage(stderr);
            goto out;
        }
    }
    if (!cmd || !dir) {
        usage(stderr);
        goto out;
    }
    log_set_quiet(1);
    Err why = ERR_OK;
    Content *c = content_load(dir, &why);
    if (!c) {
        fprintf(stderr, "taama content: cannot load %s: %s\n", dir, err_str(why));
        goto out;
    }
    if (!strcmp(cmd, "pot"))
        rc = write_pot(c, out);
    else
        rc = run_check(c, out, langs, n_langs, extra, n_extra);
    content_free(c);
out:
    free(langs);
    return rc;
}

int content_cli_main(const char *content_dir, int argc, char **argv, FILE *out)
{
    return content_cli_run(content_dir, argc, argv, out, NULL, 0);
}
