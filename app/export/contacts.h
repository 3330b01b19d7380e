/* contacts.h: the help contact lists an export carries (contacts.json).
 *
 * The kiosk counts take-away QR codes ("qr_shown") by the contact's index
 * in its contacts.yaml; the index means different services at different
 * sites and can change when a content pack is installed. So the kiosk
 * records each list it used (stats_contacts_note) and every export carries
 * them, listed and signed in the manifest like the counters (and, like
 * health.json, not sealed: it is content shown on the kiosk's screen,
 * never visitor data). Format (docs/export-format.md, "contacts.json"):
 *
 *   {"format":"taama-contacts-1","lists":[{"first_day":"2026-11-01",
 *     "last_day":"2026-11-20","contacts":[{"index":0,"id":"helpline",
 *     "label":"DEMO migrant helpline"}]}]}
 *
 * Lists are in first_day order; a list covers first_day..last_day (the
 * day a list is replaced belongs to both; the newer one names that day's
 * counts). The newest list's last_day is at least the export's last
 * counted day: it is still in force. Pure: no SDL, no clock. */
#ifndef APP_EXPORT_CONTACTS_H
#define APP_EXPORT_CONTACTS_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "stats/stats.h"

#define EXPORT_CONTACTS_NAME "contacts.json"
#define EXPORT_CONTACTS_FORMAT "taama-contacts-1"
/* 32 lists of 128 contacts with 200-byte labels fit with room to spare */
#define EXPORT_CONTACTS_MAX_BYTES (4u * 1024u * 1024u)

struct Content;

/* Record the help contacts of content as the list in force from the local
 * day of wall time t (kiosk clock), with each label (the contact's name)
 * made safe to carry: controls and bidi overrides become spaces, invalid
 * UTF-8 bytes "?". Borrows content. A NULL s does nothing (statistics off).
 * Fails as stats_contacts_note() does; nothing else changes. */
Err export_contacts_note(Stats *s, const struct Content *content, int64_t t) ERR_MUST_USE;

/* Build contacts.json from the lists stored in s; day_last ("YYYY-MM-DD",
 * or "" when nothing was counted) extends the newest list's last day.
 * *out is malloc'd (caller frees), *len its length (final newline
 * included). ERR_TOOBIG over EXPORT_CONTACTS_MAX_BYTES, the storage error
 * from the statistics, ERR_NOMEM. */
Err export_contacts_json(Stats *s, const char *day_last, char **out, size_t *len) ERR_MUST_USE;

#endif
