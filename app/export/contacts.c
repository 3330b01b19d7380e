/* contacts.c: recording the kiosk's help contact lists and writing them
 * as contacts.json (see contacts.h for why and the format). json-c writes
 * the file; taama-report reads it strictly (report/validate.c). */
#include "export/contacts.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "content/content.h"
#include "text/bidi.h"

/* A copy of label (malloc'd) whose characters the report accepts: C0/C1
 * controls, DEL and bidi embeddings/overrides/isolates become a space
 * (they would change how the text displays), invalid UTF-8 bytes "?".
 * Never longer than label. NULL on out of memory. */
static char *label_safe(const char *label)
{
    size_t n = strlen(label), o = 0;
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    for (size_t i = 0; i < n;) {
        size_t at = i;
        unsigned cp = bidi_decode_cp(label, n, &i);
        if (cp == 0xFFFD && i - at == 1)
            out[o++] = '?';
        else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
                 (cp >= 0x2066 && cp <= 0x2069))
            out[o++] = ' ';
        else
            for (size_t k = at; k < i; k++)
                out[o++] = label[k];
    }
    out[o] = '\0';
    return out;
}

Err export_contacts_note(Stats *s, const Content *content, int64_t t)
{
    if (!s)
        return ERR_OK;
    int n = content ? content_contact_count(content) : 0;
    if (n > STATS_CONTACTS_MAX)
        n = STATS_CONTACTS_MAX;
    StatsContact *list = calloc(n > 0 ? (size_t)n : 1, sizeof *list);
    if (!list)
        return ERR_NOMEM;
    Err e = ERR_OK;
    for (int i = 0; i < n && !e; i++) {
        const Contact *c = content_contact(content, i);
        list[i].id = c->id;
        if (!(list[i].label = label_safe(c->name ? c->name : "")))
            e = ERR_NOMEM;
    }
    if (!e)
        e = stats_contacts_note(s, t, list, n);
    for (int i = 0; i < n; i++)
        free((char *)list[i].label);
    free(list);
    return e;
}

/* Building the document: the list being filled and the whole. */
typedef struct {
    json_object *lists, *cur, *cur_contacts;
    char cur_first[11];
    Err err;
} Build;

static int build_cb(void *ctx, const char *first_day, const char *last_day, int idx, const char *id,
                    const char *label)
{
    Build *b = ctx;
    if (!b->cur || strcmp(b->cur_first, first_day) != 0) {
        b->cur = json_object_new_object();
        b->cur_contacts = json_object_new_array();
        if (!b->cur || !b->cur_contacts || json_object_array_add(b->lists, b->cur)) {
            json_object_put(b->cur);
            json_object_put(b->cur_contacts);
            b->err = ERR_NOMEM;
            return 1;
        }
        /* keys in sorted order, as the manifest writes them */
        json_object_object_add(b->cur, "contacts", b->cur_contacts);
        json_object_object_add(b->cur, "first_day", json_object_new_string(first_day));
        json_object_object_add(b->cur, "last_day", json_object_new_string(last_day));
        snprintf(b->cur_first, sizeof b->cur_first, "%s", first_day);
    }
    if (idx < 0)
        return 0; /* a list without contacts */
    json_object *c = json_object_new_object();
    if (!c || json_object_array_add(b->cur_contacts, c)) {
        json_object_put(c);
        b->err = ERR_NOMEM;
        return 1;
    }
    json_object_object_add(c, "id", json_object_new_string(id));
    json_object_object_add(c, "index", json_object_new_int(idx));
    json_object_object_add(c, "label", json_object_new_string(label));
    return 0;
}

/* The newest list is still in force: it covers every day counted so far. */
static void extend_newest(json_object *lists, const char *day_last)
{
    size_t n = json_object_array_length(lists);
    if (!n || !day_last || strlen(day_last) != 10)
        return;
    json_object *last = NULL;
    json_object_object_get_ex(json_object_array_get_idx(lists, n - 1), "last_day", &last);
    if (last && strcmp(json_object_get_string(last), day_last) < 0)
        json_object_set_string(last, day_last);
}

Err export_contacts_json(Stats *s, const char *day_last, char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    Build b = {.lists = json_object_new_array()};
    json_object *root = json_object_new_object();
    Err e = ERR_NOMEM;
    if (!b.lists || !root)
        goto done;
    json_object_object_add(root, "format", json_object_new_string(EXPORT_CONTACTS_FORMAT));
    json_object_object_add(root, "lists", b.lists);
    e = stats_contacts_foreach(s, build_cb, &b);
    if (!e)
        e = b.err;
    if (e)
        goto done;
    extend_newest(b.lists, day_last);
    size_t n = 0;
    const char *txt =
        json_object_to_json_string_length(root, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &n);
    e = ERR_NOMEM;
    if (!txt)
        goto done;
    e = ERR_TOOBIG;
    if (n + 1 > EXPORT_CONTACTS_MAX_BYTES)
        goto done;
    e = ERR_NOMEM;
    if (!(*out = malloc(n + 2)))
        goto done;
    memcpy(*out, txt, n);
    (*out)[n] = '\n';
    (*out)[n + 1] = '\0';
    *len = n + 1;
    e = ERR_OK;
done:
    if (!root)
        json_object_put(b.lists);
    json_object_put(root);
    return e;
}
