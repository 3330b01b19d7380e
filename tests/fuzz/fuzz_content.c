/* fuzz_content.c: fuzz target for the content loader (libyaml underneath).
 * Input: a module file, then optionally "%%" and contacts.yaml, then more
 * module files. The content is loaded from a scratch folder and every
 * string of every module and contact is read, and the loader's documented
 * promises are checked (slide, quiz and answer counts in range, a correct
 * answer that exists, answer icons never NULL, every path a module names
 * staying inside the folder). Broken input must give issues, never a crash. */
#include "fuzz.h"

#include "content/content.h"
#include "core/log.h"

#define CHECK(c)                                                              \
    do {                                                                      \
        if (!(c)) {                                                           \
            fprintf(stderr, "fuzz_content: broken promise: %s\n", #c);        \
            abort();                                                          \
        }                                                                     \
    } while (0)

static const char default_contacts[] = "contacts:\n"
                                       "  - id: helpline\n"
                                       "    name: \"DEMO line\"\n"
                                       "    number: \"+000 DEMO 0001\"\n"
                                       "    description: \"Free advice.\"\n";

static size_t sum;

static void touch(const char *s)
{
    if (s)
        sum += strlen(s);
}

static void on_string(void *ctx, const char *s, const char *file, int line)
{
    (void)ctx, (void)line;
    touch(s);
    touch(file);
}

static void check_path(const Content *c, const char *rel)
{
    char buf[4096];
    if (!rel)
        return;
    if (content_path(c, rel, buf, sizeof buf) == ERR_OK)
        CHECK(strstr(buf, "/../") == NULL && strncmp(buf, content_dir(c), strlen(content_dir(c))) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    log_set_quiet(1);
    FzParts in;
    fz_split(data, size, &in);
    const char *dir = fz_fresh("content");
    fz_write(dir, "modules/fuzz.yaml", in.p[0], in.len[0]);
    if (in.n > 1)
        fz_write(dir, "contacts.yaml", in.p[1], in.len[1]);
    else
        fz_write(dir, "contacts.yaml", default_contacts, strlen(default_contacts));
    for (int i = 2; i < in.n; i++) {
        char name[64];
        snprintf(name, sizeof name, "modules/more-%d.yaml", i);
        fz_write(dir, name, in.p[i], in.len[i]);
    }
    Err why = ERR_OK;
    Content *c = content_load(dir, &why);
    if (!c)
        return 0;
    for (int i = 0; i < content_module_count(c); i++) {
        const Module *m = content_module(c, i);
        touch(m->id);
        touch(m->title);
        touch(m->summary);
        check_path(c, m->icon);
        CHECK(m->n_slides >= 1 && m->n_slides <= CONTENT_MAX_SLIDES);
        CHECK(m->n_quiz >= 0 && m->n_quiz <= CONTENT_MAX_QUIZ);
        CHECK(content_find_module(c, m->id) == m);
        for (int s = 0; s < m->n_slides; s++) {
            touch(m->slides[s].title);
            touch(m->slides[s].body);
            touch(m->slides[s].audio);
            check_path(c, m->slides[s].image);
        }
        for (int q = 0; q < m->n_quiz; q++) {
            const QuizQuestion *qq = &m->quiz[q];
            touch(qq->question);
            touch(qq->explain);
            CHECK(qq->n_answers >= 2 && qq->n_answers <= CONTENT_MAX_ANSWERS);
            CHECK(qq->correct >= 0 && qq->correct < qq->n_answers);
            for (int a = 0; a < qq->n_answers; a++) {
                touch(qq->answers[a].text);
                CHECK(qq->answers[a].icon != NULL);
                check_path(c, qq->answers[a].icon);
            }
        }
        touch(m->end.title);
        touch(m->end.body);
        check_path(c, m->end.image);
        if (m->end.contact_id)
            touch(m->end.contact_id);
    }
    for (int i = 0; i < content_contact_count(c); i++) {
        const Contact *k = content_contact(c, i);
        touch(k->id);
        touch(k->name);
        touch(k->number);
        touch(k->description);
        touch(k->hours);
        touch(k->place);
    }
    for (int i = 0; i < content_issue_count(c); i++) {
        const ContentIssue *is = content_issue(c, i);
        touch(is->file);
        touch(is->message);
    }
    content_foreach_string(c, on_string, NULL);
    content_free(c);
    return 0;
}
