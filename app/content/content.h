/* content.h: awareness modules and help contacts, loaded from YAML files.
 *
 * content/modules/NAME.yaml holds one module per file; content/contacts.yaml
 * holds the deployment's help contacts (they differ per country and site).
 * Files are parsed with libyaml (see docs/content-format.md for the format).
 * All strings are English source text; the UI translates them through
 * gettext at display time, so switching language needs no reload.
 *
 * Loading never aborts: a broken module file is skipped and reported (file,
 * line, reason) in the ContentIssue list, and the rest still load. */
#ifndef APP_CONTENT_CONTENT_H
#define APP_CONTENT_CONTENT_H

#include <stddef.h>
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

/* How bad a ContentIssue is. Errors make `taama content check` fail: a
 * skipped module, a dangling contact, a missing image. Warnings are worth a
 * look but the content works (an unknown field, text over the style
 * guideline). */
typedef enum {
    CONTENT_ERROR = 0,
    CONTENT_WARNING = 1,
} ContentSeverity;

typedef struct {
    const char *file;
    int line;            /* 1-based, 0 when not tied to a line */
    const char *message; /* English, for logs and `taama content check` */
    ContentSeverity severity;
} ContentIssue;

typedef struct Content Content;

/* Load every module from DIR/modules/NAME.yaml and contacts from
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

/* Join the content folder and a path relative to it (an image or icon
 * field) into buf. ERR_PATH if rel would leave the folder, ERR_TOOBIG if buf
 * is too small, ERR_INVALID on NULL arguments. */
Err content_path(const Content *c, const char *rel, char *buf, size_t size) ERR_MUST_USE;

/* The narration file for a key in a language: DIR/audio/LANG/KEY.wav.
 * Every slide, quiz question and end card has a key after load (given in
 * the file or derived, see docs/content-format.md); the file itself may not
 * exist. Same errors as content_path(). */
Err content_audio_path(const Content *c, const char *lang, const char *key, char *buf,
                       size_t size) ERR_MUST_USE;

/* ---- `taama content ...` ------------------------------------------------ */

/* A check run by `taama content check`. run() reports through
 * content_report(); user is passed back. Checks that need more than the
 * core (text measuring for overflow, say) are passed in by the caller of
 * content_cli_run(). */
typedef struct ContentReport ContentReport;
typedef struct {
    const char *name; /* short, shown in the report: "load", "style", ... */
    void (*run)(const Content *c, ContentReport *r, void *user);
    void *user;
} ContentCheck;

/* Report one finding from a check. file may be NULL; line 0 when unknown. */
void content_report(ContentReport *r, ContentSeverity sev, const char *file, int line,
                    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* The languages given with --lang on the command line (for per-language
 * checks such as narration); n may be 0. Borrowed from argv. */
const char *const *content_report_langs(const ContentReport *r, int *n);

/* The `taama content` command. argv holds the words after "content" (a
 * leading "content" word is skipped too): "pot" writes a POT of every
 * content string to out; "check [--lang L]..." lists every issue and
 * returns 1 if there is an error. "--content DIR" overrides content_dir.
 * Returns a process exit code: 0 ok, 1 errors found, 2 usage or cannot
 * load. */
int content_cli_main(const char *content_dir, int argc, char **argv, FILE *out);

/* As content_cli_main(), with extra checks run after the built-in ones. */
int content_cli_run(const char *content_dir, int argc, char **argv, FILE *out,
                    const ContentCheck *extra, int n_extra);

#endif
