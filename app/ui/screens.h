/* screens.h: the screens ui_build() dispatches to. Each builds one whole
 * screen with the toolkit (toolkit.h); no screen calls another. Not for
 * use outside app/ui. */
#ifndef APP_UI_SCREENS_H
#define APP_UI_SCREENS_H

#include "ui/toolkit.h"

/* screens_visit.c: the visitor's way through the kiosk. */
void ui_screen_attract(B *b);
void ui_screen_neutral(B *b);
void ui_screen_language(B *b);
void ui_screen_menu(B *b);
void ui_screen_slide(B *b);
void ui_screen_quiz(B *b);
/* "Are you still there?" over any visitor screen. */
void ui_overlay_still_there(B *b);

/* screens_help.c: the end card and the help contacts. */
void ui_screen_end(B *b);
void ui_screen_help(B *b);

/* screens_admin.c: the kiosk's own screens, and the message banner. */
void ui_screen_pin(B *b);
void ui_screen_admin(B *b);
void ui_screen_test_touch(B *b);
/* The banner of an export's result over the attract screen (neutral
 * wording, no details). */
void ui_attract_banner(B *b);

/* screens_group.c: the community worker's group session. */
void ui_screen_group(B *b);

#endif
