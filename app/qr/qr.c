/* qr.c: QR encoding with a fixed-size cache; see qr.h. */
#include "qr/qr.h"

#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"

enum { QR_SLOTS = 16, QR_TEXT_MAX = 512 };

typedef struct {
    char text[QR_TEXT_MAX];
    QrMatrix m;
    unsigned char *buf;
    unsigned long used;
} Slot;

static Slot slots[QR_SLOTS];
static unsigned long clock_;

int qr_contact_text(const Contact *c, char *out, size_t n)
{
    if (!c || !c->number || !*c->number)
        return -1;
    int dialable = 1;
    for (const char *p = c->number; *p; p++)
        if (!strchr("0123456789+- ", *p))
            dialable = 0;
    int len;
    if (dialable) {
        char digits[64];
        size_t k = 0;
        for (const char *p = c->number; *p && k + 1 < sizeof digits; p++)
            if (*p != ' ' && *p != '-')
                digits[k++] = *p;
        digits[k] = 0;
        len = snprintf(out, n, "tel:%s", digits);
    } else {
        len = snprintf(out, n, "%s: %s", c->name ? c->name : "", c->number);
    }
    if (len < 0)
        return -1;
    return (size_t)len >= n ? (int)n - 1 : len;
}

const QrMatrix *qr_get(const char *text)
{
    if (!text || strlen(text) >= QR_TEXT_MAX)
        return NULL;
    Slot *lru = &slots[0];
    for (int i = 0; i < QR_SLOTS; i++) {
        if (slots[i].buf && strcmp(slots[i].text, text) == 0) {
            slots[i].used = ++clock_;
            return &slots[i].m;
        }
        if (!slots[i].buf || slots[i].used < lru->used)
            lru = &slots[i];
    }
    QRcode *q = QRcode_encodeData((int)strlen(text), (const unsigned char *)text, 0, QR_ECLEVEL_M);
    if (!q) {
        log_warn("cannot encode a QR code for \"%s\"", text);
        return NULL;
    }
    unsigned char *buf = malloc((size_t)q->width * (size_t)q->width);
    if (!buf) {
        QRcode_free(q);
        return NULL;
    }
    for (int i = 0; i < q->width * q->width; i++)
        buf[i] = q->data[i] & 1; /* bit 0 is the module colour */
    free(lru->buf);
    snprintf(lru->text, sizeof lru->text, "%s", text);
    lru->buf = buf;
    lru->m.size = q->width;
    lru->m.modules = buf;
    lru->used = ++clock_;
    QRcode_free(q);
    return &lru->m;
}

void qr_cache_clear(void)
{
    for (int i = 0; i < QR_SLOTS; i++) {
        free(slots[i].buf);
        memset(&slots[i], 0, sizeof slots[i]);
    }
}
