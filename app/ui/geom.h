/* geom.h: plain geometry and colour values shared by layout and renderer. */
#ifndef APP_UI_GEOM_H
#define APP_UI_GEOM_H

#include <stdint.h>

typedef struct {
    int x, y, w, h;
} Rect;

typedef struct {
    uint8_t r, g, b, a;
} Color;

static inline int rect_contains(Rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

#endif
