/* qr.h: QR codes for take-away help contacts, with libqrencode.
 *
 * A visitor photographs or scans the code and leaves with the contact on
 * their own phone: nothing is recorded about them (the kiosk only counts
 * that a code was shown). Encoded matrices are kept in a small fixed cache,
 * because the same few contacts are drawn frame after frame. Pure: no SDL. */
#ifndef APP_QR_QR_H
#define APP_QR_QR_H

#include <stddef.h>

#include "content/content.h"

typedef struct {
    int size;                      /* modules per side */
    const unsigned char *modules;  /* size*size bytes, non-zero = dark */
} QrMatrix;

/* The text a contact's QR code carries: "tel:<number>" when the number is a
 * dialable phone number (digits, spaces, +, -), otherwise plain text
 * "<name>: <number>" (the demo placeholders are not dialable on purpose).
 * Returns the length written (truncated to n-1), or -1 if the contact has
 * no number. */
int qr_contact_text(const Contact *c, char *out, size_t n);

/* Encode text (UTF-8, 8-bit mode, error correction level M). Returns a
 * matrix owned by the cache and valid until 16 other texts have been
 * encoded, or NULL on failure (logged). */
const QrMatrix *qr_get(const char *text);

/* Free every cached matrix (at shutdown, so leak checkers stay quiet). */
void qr_cache_clear(void);

#endif
