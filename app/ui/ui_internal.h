/* ui_internal.h: the toolkit's former name, kept so that code written
 * against it (tests/fuzz/fuzz_bidi_wrap.c drives ui_text_box() through a
 * build context of its own) still builds. New code includes
 * ui/toolkit.h, or ui/screens.h for a screen. Not for use outside app/ui
 * and its tests. */
#ifndef APP_UI_UI_INTERNAL_H
#define APP_UI_UI_INTERNAL_H

#include "ui/toolkit.h"

#endif
