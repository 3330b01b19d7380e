/* narration.h: which narration recordings exist, and the text to narrate.
 *
 * The kiosk never probes the disk while a visitor waits: the index is built
 * once at start-up from an ordered list of folders, each laid out as
 * DIR/<lang>/<key>.wav. The first folder holding a (lang, key) wins, so a
 * deployment's recorded voices (CONTENT/audio) override the demo narration
 * espeak-ng generated at build time (build/narration). The picker speaks a
 * language's own name from DIR/<code>/language-name.wav, asked for with the
 * key "lang:<code>" (the key App queues when a language is touched).
 *
 * Pure core: no SDL. The index is read-only after narration_index_new(),
 * so the UI thread and the audio worker may both read it. */
#ifndef APP_NARRATION_NARRATION_H
#define APP_NARRATION_NARRATION_H

#include <stddef.h>
#include <stdio.h>

#include "content/content.h"
#include "core/err.h"

enum {
    NARRATION_MAX_DIRS = 4,
    NARRATION_MAX_FILES = 8192, /* bounded: more files are ignored and logged */
};

/* Key of each language's own spoken name ("lang:<code>" maps to it). */
#define NARRATION_LANGUAGE_NAME "language-name"

/* A quiz question's explanation, read once it is answered, has the
 * question's key with this suffix ("journey-risks-quiz-1-explain"). */
#define NARRATION_EXPLAIN_SUFFIX "-explain"

typedef struct NarrationIndex NarrationIndex;

/* Scan dirs[0..n_dirs) in order (at most NARRATION_MAX_DIRS; NULL entries
 * and missing folders are skipped, so an empty index is normal). Only
 * regular files named <key>.wav under a <lang>/ folder count, with lang and
 * key made of letters, digits, '-', '_' and '.' (not leading '.'). The
 * folder strings are copied. NULL with *why only on out of memory or bad
 * arguments; free with narration_index_free(). */
NarrationIndex *narration_index_new(const char *const *dirs, int n_dirs, Err *why);
void narration_index_free(NarrationIndex *ix); /* accepts NULL */

/* Number of (lang, key) recordings indexed. */
int narration_count(const NarrationIndex *ix);

/* 1 if narration exists for key in lang, else 0. ctx is a NarrationIndex
 * (NULL: nothing exists). A key "lang:<code>" asks for <code>'s own name,
 * whatever lang says. Matches App.narration_exists. */
int narration_exists(void *ctx, const char *lang, const char *key);

/* Path of the recording for (lang, key) into buf. ERR_NOTFOUND when there
 * is none, ERR_TOOBIG when buf is too small, ERR_INVALID on NULL. */
Err narration_path(const NarrationIndex *ix, const char *lang, const char *key, char *buf,
                   size_t n) ERR_MUST_USE;

/* How fast a text should be spoken. */
typedef enum { NARRATION_PACE_NORMAL, NARRATION_PACE_SLOW } NarrationPace;

/* Call cb once per narration key of the content (every slide, quiz
 * question, quiz explanation and end card, in menu order) with the text a narrator reads in
 * lang: the screen's strings translated into lang and joined into
 * sentences. translated is 0 when some of those strings have no
 * translation in lang (English stands in for them). The children's track
 * (audience exactly "children") is read slowly. text is borrowed for the
 * call. Uses i18n: i18n_init() must have been called. */
typedef void (*NarrationTextFn)(void *ctx, const Module *m, const char *key, NarrationPace pace,
                                int translated, const char *text);
void narration_foreach_text(const Content *c, const char *lang, NarrationTextFn cb, void *ctx);

/* `taama narration script [--lang L]...`: for tools/make-narration.sh,
 * print "<lang>\t<key>\t<slow|normal>\t<text>" per narration key, plus
 * "<lang>\tlanguage-name\tnormal\t<own name>" per language, for every given
 * language (default: every language with an espeak-ng voice in the i18n
 * table). Keys whose strings are not all translated are left out (a French
 * voice reading English helps nobody) and counted on stderr. argv holds the
 * words after "narration". Returns 0, or 2 on usage errors or unreadable
 * content. */
int narration_cli_main(const char *content_dir, int argc, char **argv, FILE *out);

#endif
