/* sheet.h: `taama render --sheet DIR`, the in-context review sheet for
 * translators: every screen in every language as PNGs and one HTML contact
 * sheet, so a native reviewer sees each string where a visitor sees it. */
#ifndef APP_RENDER_SHEET_H
#define APP_RENDER_SHEET_H

#include "content/content.h"
#include "render/kiosk.h"

/* Render every screen (or only those named in the comma-separated list
 * only, when not NULL) in every enabled language at w x h into
 * DIR/<lang>/<screen>.png, and write DIR/index.html: one row per screen,
 * one picture per language, text overflows flagged. Returns 0, 1 when the
 * folder cannot be written or nothing could be rendered, 3 when some text
 * overflowed (the sheet is still complete). */
int kiosk_render_sheet(const KioskOptions *o, const Content *content, const char *dir, const char *only, int w,
                       int h);

#endif
