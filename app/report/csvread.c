/* csvread.c: strict RFC 4180 reading on top of libcsv, delivering whole
 * records (libcsv hands out one field at a time). */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

#include <csv.h>

#define MAX_FIELDS 32
#define MAX_FIELD 4096

typedef struct {
    char *fields[MAX_FIELDS];
    char *buf; /* the current record's fields, each NUL-terminated */
    size_t used;
    size_t n;
    size_t record;
    int stop;      /* callback asked to stop */
    int overflow;  /* too many or too long fields */
    ReportCsvFn fn;
    void *ctx;
} Rec;

static void on_field(void *s, size_t len, void *data)
{
    Rec *r = data;
    if (r->stop || r->overflow)
        return;
    if (r->n >= MAX_FIELDS || len > MAX_FIELD) {
        r->overflow = 1;
        return;
    }
    /* One buffer holds a whole record (MAX_FIELDS fields of MAX_FIELD + 1
     * bytes): no allocation per field. */
    char *f = r->buf + r->used;
    r->used += len + 1;
    if (len)
        memcpy(f, s, len);
    f[len] = '\0';
    r->fields[r->n++] = f;
}

static void clear(Rec *r)
{
    r->n = 0;
    r->used = 0;
}

static void on_record(int c, void *data)
{
    (void)c;
    Rec *r = data;
    r->record++;
    if (!r->stop && !r->overflow && r->fn(r->ctx, r->fields, r->n, r->record))
        r->stop = 1;
    clear(r);
}

/* Trim nothing: every byte of a field is data. */
static int no_space(unsigned char c)
{
    (void)c;
    return 0;
}

Err report_csv_parse(const char *buf, size_t len, ReportCsvFn fn, void *ctx, char *why, size_t whysz)
{
    struct csv_parser p;
    Rec r = {.fn = fn, .ctx = ctx};
    if (why && whysz)
        why[0] = '\0';
    r.buf = malloc((size_t)MAX_FIELDS * (MAX_FIELD + 1));
    if (!r.buf)
        return ERR_NOMEM;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        free(r.buf);
        return ERR_NOMEM;
    }
    csv_set_space_func(&p, no_space);
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        buf += 3;
        len -= 3;
    }
    Err e = ERR_OK;
    size_t done = csv_parse(&p, buf, len, on_field, on_record, &r);
    if (done != len) {
        if (why)
            snprintf(why, whysz, "CSV error after record %zu: %s", r.record, csv_strerror(csv_error(&p)));
        e = ERR_FORMAT;
    } else if (csv_fini(&p, on_field, on_record, &r) != 0) {
        if (why)
            snprintf(why, whysz, "CSV ends inside a quoted field (truncated?)");
        e = ERR_FORMAT;
    }
    if (!e && r.overflow) {
        if (why)
            snprintf(why, whysz, "CSV record %zu has too many or too long fields", r.record);
        e = ERR_FORMAT;
    }
    if (!e && r.stop)
        e = ERR_FORMAT;
    clear(&r);
    free(r.buf);
    csv_free(&p);
    return e;
}
