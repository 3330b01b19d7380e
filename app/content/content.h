/* content.h: awareness modules and help contacts, loaded from YAML files.
 *
 * content/modules/*.yaml holds one module per file; content/contacts.yaml
 * holds the deployment's help contacts (they differ per country and site).
 * Files are parsed with libyaml (see docs/content-format.md for the format).
 * All strings are English source text; the UI translates them through
 * gettext at display time, so switching language needs no reload.
 *
 * Loading never aborts: a broken module file is skipped and reported (file,
 * line, reason) in the ContentIssue list, and the rest still load. */
#ifndef APP_CONTENT_CONTENT_H
#define APP_CONTENT_CONTENT_H

#include <stdio.h>

#include "core/err.h"

enum {
    CONTENT_MAX_SLIDES = 16,
    CONTENT_MAX_QUIZ = 4,
    CONTENT_MAX_ANSWERS = 4,
};

/* Audience tags, a bit set. */
typedef enum {
    AUDIENCE_WOMEN = 1 << 0,
    AUDIENCE_CHILDREN = 1 << 1, /* the children's track: simpler words, larger pictures, slower pace */
    AUDIENCE_EVERYONE = 1 << 2,
} Audience;

typedef struct {
    const char *title;
    const char *body;
    const char *image; /* path relative to the content folder, or NULL */
    const char *audio; /* narration key, or NULL (see docs/content-format.md) */
} Slide;

typedef struct {
    const char *text;
    const char *icon; /* pictogram path relative to the content folder; never NULL after load */
} QuizAnswer;

typedef struct {
    const char *question;
    QuizAnswer answers[CONTENT_MAX_ANSWERS];
    int n_answers;       /* 2..CONTENT_MAX_ANSWERS */
    int correct;         /* index into answers */
    const char *explain; /* kind feedback that teaches, shown after any answer */
    const char *audio;   /* narration key, or NULL */
} QuizQuestion;

typedef struct {
    const char *title;
    const char *body;       /* the one concrete action */
    const char *contact_id; /* id of a Contact to show, or NULL */
    const char *image;      /* or NULL */
    const char *audio;      /* or NULL */
} EndCard;

typedef struct {
    const char *id;      /* [a-z0-9-]+, unique */
    unsigned audience;   /* Audience bits, at least one */
    const char *icon;    /* card pictogram, path relative to the content folder */
    const char *title;
    const char *summary; /* one line under the title on the card */
    int order;           /* menu order, ascending */
    Slide slides[CONTENT_MAX_SLIDES];
    int n_slides;        /* >= 1 */
    QuizQuestion quiz[CONTENT_MAX_QUIZ];
    int n_quiz;          /* 0 (no quiz) or 1..CONTENT_MAX_QUIZ */
    EndCard end;
    const char *file;    /* the file it came from, for reports */
} Module;

typedef struct {
    const char *id;
    const char *name;        /* organisation or service */
    const char *number;      /* phone number as dialled, or NULL */
    const char *description; /* what they help with */
    const char *hours;       /* or NULL */
    const char *place;       /* address or where to go, or NULL */
} Contact;

typedef struct {
    const char *file;
    int line;            /* 1-based, 0 when not tied to a line */
    const char *message; /* English, for logs and `taama content check` */
} ContentIssue;

typedef struct Content Content;

/* Load every module from DIR/modules/*.yaml and contacts from
 * DIR/contacts.yaml. Returns NULL only when DIR cannot be read at all or on
 * out of memory (*why set); otherwise a Content that may hold zero modules,
 * with every problem listed in content_issue(). Caller frees with
 * content_free(). All strings are owned by the Content. */
Content *content_load(const char *dir, Err *why);
void content_free(Content *c); /* accepts NULL */

const char *content_dir(const Content *c);

/* Modules in menu order. */
int content_module_count(const Content *c);
const Module *content_module(const Content *c, int i);
const Module *content_find_module(const Content *c, const char *id);

int content_contact_count(const Content *c);
const Contact *content_contact(const Content *c, int i);
const Contact *content_find_contact(const Content *c, const char *id);

/* Problems found while loading (broken files, skipped modules, dangling
 * contact references, missing images). */
int content_issue_count(const Content *c);
const ContentIssue *content_issue(const Content *c, int i);

/* Call cb for every translatable string with its file and line, for POT
 * generation (`taama content pot`). */
void content_foreach_string(const Content *c,
                            void (*cb)(void *ctx, const char *s, const char *file, int line),
                            void *ctx);

#endif
