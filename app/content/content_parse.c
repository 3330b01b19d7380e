/* content_parse.c: a module file and the contacts file, from their YAML
 * documents to Module and Contact values, through the walk_* helpers. A
 * module with any error is skipped whole (with a closing issue saying so);
 * a bad contact is skipped alone. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "content/content_internal.h"
#include "core/vec.h"

static const char *const MODULE_KEYS[] = {"id", "order", "audience", "icon", "title",
                                          "summary", "slides", "quiz", "end", NULL};
static const char *const SLIDE_KEYS[] = {"title", "body", "image", "audio", NULL};
static const char *const QUIZ_KEYS[] = {"question", "answers", "correct", "explain", "audio",
                                        NULL};
static const char *const ANSWER_KEYS[] = {"text", "icon", NULL};
static const char *const END_KEYS[] = {"title", "body", "contact", "image", "audio", NULL};
static const char *const CONTACT_KEYS[] = {"id", "name", "number", "description", "hours",
                                           "place", NULL};

static const struct {
    const char *name;
    Audience bit;
} AUDIENCES[] = {
    {"women", AUDIENCE_WOMEN}, {"children", AUDIENCE_CHILDREN}, {"everyone", AUDIENCE_EVERYONE}};

static unsigned audience_bit(const yaml_node_t *n)
{
    if (n->type != YAML_SCALAR_NODE)
        return 0;
    for (size_t i = 0; i < sizeof AUDIENCES / sizeof AUDIENCES[0]; i++)
        if (!strcmp((const char *)n->data.scalar.value, AUDIENCES[i].name))
            return AUDIENCES[i].bit;
    return 0;
}

static void parse_audience(Walk *w, yaml_node_t *root, Module *m)
{
    yaml_node_t *v = walk_get(w, root, "audience");
    if (!v) {
        walk_error(w, root, "module: required field 'audience' is missing (women, children or everyone)");
        return;
    }
    int n = v->type == YAML_SEQUENCE_NODE ? walk_len(v) : 1;
    if (v->type == YAML_MAPPING_NODE || n == 0) {
        walk_error(w, v, "module: 'audience' must be women, children or everyone, or a list of them");
        return;
    }
    for (int i = 0; i < n; i++) {
        yaml_node_t *t = v->type == YAML_SEQUENCE_NODE ? walk_item(w, v, i) : v;
        unsigned bit = t ? audience_bit(t) : 0;
        if (!bit) {
            walk_error(w, t ? t : v, "module: unknown audience '%s' (use women, children or everyone)",
                 t && t->type == YAML_SCALAR_NODE ? (const char *)t->data.scalar.value : "?");
            continue;
        }
        m->audience |= bit;
    }
}

static void parse_slides(Walk *w, yaml_node_t *root, Module *m)
{
    yaml_node_t *seq = walk_seq(w, root, "slides", WALK_REQUIRED, "module");
    if (!seq)
        return;
    int n = walk_len(seq);
    if (n < 1 || n > CONTENT_MAX_SLIDES) {
        walk_error(w, seq, "module: %d slides, allowed 1 to %d", n, CONTENT_MAX_SLIDES);
        return;
    }
    for (int i = 0; i < n; i++) {
        char where[32];
        snprintf(where, sizeof where, "slide %d", i + 1);
        yaml_node_t *s = walk_item(w, seq, i);
        if (!s || s->type != YAML_MAPPING_NODE) {
            walk_error(w, s ? s : seq, "%s: must be a set of fields (title, body, image)", where);
            continue;
        }
        walk_check_keys(w, s, SLIDE_KEYS, where);
        Slide *sl = &m->slides[i];
        sl->title = walk_text(w, s, "title", WALK_REQUIRED | WALK_TRANSLATE, where);
        sl->body = walk_text(w, s, "body", WALK_REQUIRED | WALK_TRANSLATE, where);
        sl->image = walk_image(w, s, "image", WALK_OPTIONAL, where);
        sl->audio = walk_audio(w, s, where, m->id, "slide", i + 1);
    }
    m->n_slides = n;
}

static void parse_question(Walk *w, yaml_node_t *q, QuizQuestion *qq, const char *where)
{
    walk_check_keys(w, q, QUIZ_KEYS, where);
    qq->question = walk_text(w, q, "question", WALK_REQUIRED | WALK_TRANSLATE, where);
    yaml_node_t *ans = walk_seq(w, q, "answers", WALK_REQUIRED, where);
    if (ans) {
        int n = walk_len(ans);
        if (n < 2 || n > CONTENT_MAX_ANSWERS) {
            walk_error(w, ans, "%s: %d answers, allowed 2 to %d", where, n, CONTENT_MAX_ANSWERS);
        } else {
            for (int j = 0; j < n; j++) {
                char aw[64];
                snprintf(aw, sizeof aw, "%s, answer %d", where, j + 1);
                yaml_node_t *a = walk_item(w, ans, j);
                if (!a || a->type != YAML_MAPPING_NODE) {
                    walk_error(w, a ? a : ans, "%s: must be a set of fields (text, icon)", aw);
                    continue;
                }
                walk_check_keys(w, a, ANSWER_KEYS, aw);
                qq->answers[j].text = walk_text(w, a, "text", WALK_REQUIRED | WALK_TRANSLATE, aw);
                qq->answers[j].icon = walk_image(w, a, "icon", WALK_REQUIRED, aw);
            }
            qq->n_answers = n;
        }
    }
    /* correct counts from 1 in the file ("the second answer" is 2), the way
     * a content editor would say it; stored 0-based. */
    int correct = 0;
    yaml_node_t *cn = walk_get(w, q, "correct");
    if (walk_int(w, q, "correct", WALK_REQUIRED, INT_MIN, INT_MAX, 0, where, &correct) == 0 &&
        qq->n_answers) {
        if (correct < 1 || correct > qq->n_answers)
            walk_error(w, cn, "%s: 'correct' is %d but the answers are numbered 1 to %d", where, correct,
                 qq->n_answers);
        else
            qq->correct = correct - 1;
    }
    qq->explain = walk_text(w, q, "explain", WALK_REQUIRED | WALK_TRANSLATE, where);
}

static void parse_quiz(Walk *w, yaml_node_t *root, Module *m)
{
    yaml_node_t *seq = walk_seq(w, root, "quiz", WALK_OPTIONAL, "module");
    if (!seq)
        return;
    int n = walk_len(seq);
    if (n > CONTENT_MAX_QUIZ) {
        walk_error(w, seq, "module: %d quiz questions, allowed at most %d", n, CONTENT_MAX_QUIZ);
        return;
    }
    for (int i = 0; i < n; i++) {
        char where[32];
        snprintf(where, sizeof where, "quiz question %d", i + 1);
        yaml_node_t *q = walk_item(w, seq, i);
        if (!q || q->type != YAML_MAPPING_NODE) {
            walk_error(w, q ? q : seq, "%s: must be a set of fields (question, answers, correct, "
                 "explain)", where);
            continue;
        }
        QuizQuestion *qq = &m->quiz[i];
        parse_question(w, q, qq, where);
        qq->audio = walk_audio(w, q, where, m->id, "quiz", i + 1);
    }
    m->n_quiz = n;
}

static void parse_end(Walk *w, yaml_node_t *root, Module *m)
{
    yaml_node_t *e = walk_map(w, root, "end", WALK_REQUIRED, "module");
    if (!e)
        return;
    walk_check_keys(w, e, END_KEYS, "end card");
    m->end.title = walk_text(w, e, "title", WALK_REQUIRED | WALK_TRANSLATE, "end card");
    m->end.body = walk_text(w, e, "body", WALK_REQUIRED | WALK_TRANSLATE, "end card");
    m->end.image = walk_image(w, e, "image", WALK_OPTIONAL, "end card");
    m->end.audio = walk_audio(w, e, "end card", m->id, "end", 0);
    const char *cid = walk_text(w, e, "contact", WALK_OPTIONAL, "end card");
    if (cid && !content_find_contact(w->c, cid)) {
        content_add_issue(w->c, CONTENT_ERROR, w->file, walk_line(walk_get(w, e, "contact")),
                  "end card: contact '%s' is not in contacts.yaml", cid);
        cid = NULL; /* the UI then shows the action text alone */
    }
    m->end.contact_id = cid;
}

void content_parse_module(Content *c, const char *file)
{
    yaml_document_t doc;
    if (content_read_yaml(c, file, &doc) != 0)
        return;
    Walk w = {c, &doc, file, 0};
    int ref_mark = c->n_refs;
    Module m;
    memset(&m, 0, sizeof m);
    m.file = file;
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (root->type != YAML_MAPPING_NODE) {
        walk_error(&w, root, "a module file must be a set of fields (id, title, slides, ...), not %s",
             walk_kind(root));
        goto out;
    }
    walk_check_keys(&w, root, MODULE_KEYS, "module");
    m.id = walk_text(&w, root, "id", WALK_REQUIRED, "module");
    if (m.id && !content_valid_id(m.id)) {
        walk_error(&w, walk_get(&w, root, "id"), "module: id '%s' may use only a-z, 0-9 and '-'", m.id);
        m.id = NULL;
    }
    if (m.id) {
        const Module *other = content_find_module(c, m.id);
        if (other) {
            walk_error(&w, walk_get(&w, root, "id"), "module: id '%s' is already used by %s", m.id,
                 other->file);
            m.id = NULL;
        }
    }
    walk_int(&w, root, "order", WALK_OPTIONAL, -1000000, 1000000, 0, "module", &m.order);
    parse_audience(&w, root, &m);
    m.icon = walk_image(&w, root, "icon", WALK_REQUIRED, "module");
    m.title = walk_text(&w, root, "title", WALK_REQUIRED | WALK_TRANSLATE, "module");
    m.summary = walk_text(&w, root, "summary", WALK_REQUIRED | WALK_TRANSLATE, "module");
    parse_slides(&w, root, &m);
    parse_quiz(&w, root, &m);
    parse_end(&w, root, &m);
out:
    if (w.errors == 0 && !c->oom &&
        VEC_RESERVE(c->modules, c->cap_modules, (size_t)c->n_modules + 1) == ERR_OK) {
        c->modules[c->n_modules++] = m;
    } else {
        /* Drop the strings of the skipped module from the POT walk, and tell
         * the reader plainly what happened after the detailed problems. */
        c->n_refs = ref_mark;
        if (!c->oom)
            content_add_issue(c, CONTENT_ERROR, file, 0, "module skipped: %d problem%s", w.errors,
                      w.errors == 1 ? "" : "s");
    }
    yaml_document_delete(&doc);
}

void content_parse_contacts(Content *c, const char *file)
{
    yaml_document_t doc;
    if (content_read_yaml(c, file, &doc) != 0)
        return;
    Walk w = {c, &doc, file, 0};
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    static const char *const ROOT_KEYS[] = {"contacts", NULL};
    yaml_node_t *seq = NULL;
    if (root->type != YAML_MAPPING_NODE) {
        walk_error(&w, root, "contacts file must start with 'contacts:'");
        goto out;
    }
    walk_check_keys(&w, root, ROOT_KEYS, "contacts file");
    seq = walk_seq(&w, root, "contacts", WALK_REQUIRED, "contacts file");
    if (!seq)
        goto out;
    if (walk_len(seq) > MAX_CONTACTS) {
        walk_error(&w, seq, "contacts file: %d contacts, allowed at most %d", walk_len(seq),
             MAX_CONTACTS);
        goto out;
    }
    for (int i = 0; i < walk_len(seq); i++) {
        char where[32];
        snprintf(where, sizeof where, "contact %d", i + 1);
        yaml_node_t *e = walk_item(&w, seq, i);
        int mark = c->n_refs, errs = w.errors;
        if (!e || e->type != YAML_MAPPING_NODE) {
            walk_error(&w, e ? e : seq, "%s: must be a set of fields (id, name, number, ...)", where);
            continue;
        }
        walk_check_keys(&w, e, CONTACT_KEYS, where);
        Contact k = {0};
        k.id = walk_text(&w, e, "id", WALK_REQUIRED, where);
        if (k.id && !content_valid_id(k.id))
            walk_error(&w, walk_get(&w, e, "id"), "%s: id '%s' may use only a-z, 0-9 and '-'", where,
                 k.id);
        else if (k.id && content_find_contact(c, k.id))
            walk_error(&w, walk_get(&w, e, "id"), "%s: id '%s' is used twice", where, k.id);
        k.name = walk_text(&w, e, "name", WALK_REQUIRED | WALK_TRANSLATE, where);
        k.number = walk_text(&w, e, "number", WALK_OPTIONAL, where);
        k.description = walk_text(&w, e, "description", WALK_REQUIRED | WALK_TRANSLATE, where);
        k.hours = walk_text(&w, e, "hours", WALK_OPTIONAL | WALK_TRANSLATE, where);
        k.place = walk_text(&w, e, "place", WALK_OPTIONAL | WALK_TRANSLATE, where);
        if (w.errors == errs && !k.number && !k.place)
            walk_error(&w, e, "%s: give a 'number' or a 'place', or both", where);
        if (w.errors != errs || c->oom ||
            VEC_RESERVE(c->contacts, c->cap_contacts, (size_t)c->n_contacts + 1) != ERR_OK) {
            c->n_refs = mark;
            content_add_issue(c, CONTENT_ERROR, file, walk_line(e), "%s skipped", where);
            continue;
        }
        c->contacts[c->n_contacts++] = k;
    }
out:
    yaml_document_delete(&doc);
}
