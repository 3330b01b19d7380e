/* content_checks.h: the checks of `taama content check` that need more than
 * the core: text measured with the real fonts, and the narration on disk.
 *
 *   overflow     every screen (app_screen_names), in every language, at
 *                every supported size (1920x1080, 1080x1920, 1280x800,
 *                720x1280, 360x640), in normal and large text (and high
 *                contrast), built by ui_build() with the metrics of a real
 *                Renderer on SDL's software renderer: text that does not fit
 *                its box even at its smallest size is an error naming the
 *                language, screen, size, mode and text.
 *   translation  every content string without a translation in a language
 *                (warning: drafts are still landing; the text shows in
 *                English).
 *   narration    every slide, quiz question and end card, and each
 *                language's spoken name, without a recording in a language
 *                (warning: the speaker is disabled there). An explicit
 *                `audio:` key with no recording in any language is a broken
 *                reference (error).
 *   references   contacts a QR code cannot be made for (error).
 *   bidi         mixed-direction text at risk of reading wrongly: in each
 *                language's direction, punctuation glued to a word or number
 *                of the other direction that the bidi algorithm puts on the
 *                far side ("Hello!" in an Arabic sentence) (warning).
 * Missing images, dangling contacts and contacts without a number are
 * reported by the loader's own checks (app/content/content_cli.c).
 *
 * Languages: those given with --lang, else every language in the i18n
 * table. Needs i18n_init() done by the caller. */
#ifndef APP_RENDER_CONTENT_CHECKS_H
#define APP_RENDER_CONTENT_CHECKS_H

#include "content/content.h"
#include "core/err.h"

typedef struct ContentChecks ContentChecks;

enum { CONTENT_CHECKS_MAX = 5 };

/* Start SDL video (the dummy driver unless SDL_VIDEODRIVER says otherwise),
 * SDL_ttf and a software renderer with the fonts in assets_dir/fonts.
 * narration_dir is the generated narration searched after CONTENT/audio
 * (NULL: only CONTENT/audio); the string is copied. NULL with *why if the
 * fonts or SDL cannot be started. Free with content_checks_free(), which
 * also stops SDL. */
ContentChecks *content_checks_new(const char *assets_dir, const char *narration_dir, Err *why);
void content_checks_free(ContentChecks *cc); /* accepts NULL */

/* Fill out[0..CONTENT_CHECKS_MAX) with the checks above, for
 * content_cli_run(); they borrow cc, which must outlive the run. Returns
 * how many were written. */
int content_checks_table(ContentChecks *cc, ContentCheck *out, int max);

/* The sizes the layout must fit, for reports and tests. */
int content_checks_size_count(void);
void content_checks_size(int i, int *w, int *h);

/* The `taama content` command with these checks added (falls back to the
 * core checks alone, with a warning, when SDL or the fonts cannot start).
 * Arguments as content_cli_main(). */
int content_checks_cli(const char *content_dir, const char *assets_dir,
                       const char *narration_dir, int argc, char **argv, FILE *out);

#endif
