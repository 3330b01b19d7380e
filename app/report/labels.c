/* labels.c: the human names of what the counters count (languages,
 * modules, help contacts, session lengths) and of periods, for the report's
 * readers; see rtext.h. Ids stay in the CSV beside the names. */
#include "report/rtext.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "content/content.h"
#include "i18n/i18n.h"

/* The English names of the kiosk's languages, for xgettext: the report
 * translates them in its own domain. */
static const char *const lang_names[] = {RN_("English"), RN_("French"), RN_("Arabic"), RN_("Tigrinya"),
                                         RN_("Hausa")};

void report_lang_label(const char *code, char *out, size_t sz)
{
    (void)lang_names;
    if (!code || !*code) {
        snprintf(out, sz, "%s", R_("(none)"));
        return;
    }
    const Language *l = i18n_language(code);
    if (!l) {
        snprintf(out, sz, "%s", code);
        return;
    }
    const char *local = R_(l->english);
    if (strcasecmp(local, l->native) == 0)
        snprintf(out, sz, "%s", l->native);
    else
        snprintf(out, sz, "%s (%s)", l->native, local);
}

void report_module_label(const struct Content *content, const char *id, char *out, size_t sz)
{
    const Module *m = content && id && *id ? content_find_module(content, id) : NULL;
    if (!id || !*id)
        snprintf(out, sz, "%s", R_("(none)"));
    else if (m && m->title)
        snprintf(out, sz, "%s", report_tr_content(m->title));
    else
        snprintf(out, sz, "%s", id);
}

void report_contact_label(const struct Content *content, int64_t index, char *out, size_t sz, char *id_out,
                          size_t idsz)
{
    const Contact *c = content && index >= 0 && index < content_contact_count(content)
                           ? content_contact(content, (int)index)
                           : NULL;
    if (id_out)
        snprintf(id_out, idsz, "%s", c && c->id ? c->id : "");
    if (c && c->id)
        snprintf(out, sz, "%s: %s", c->id, c->name ? report_tr_content(c->name) : "");
    else if (index >= 0)
        snprintf(out, sz, "%s%lld", R_("contact #"), (long long)index + 1);
    else
        snprintf(out, sz, "%s", R_("(none)"));
}

const char *report_length_label(int64_t bucket)
{
    static const char *const names[REPORT_LENGTH_BUCKETS] = {RN_("under 1 minute"), RN_("1 to 3 minutes"),
                                                             RN_("3 to 10 minutes"), RN_("10 minutes or more")};
    return bucket >= 0 && bucket < REPORT_LENGTH_BUCKETS ? R_(names[bucket]) : R_("unknown");
}

static struct tm tm_of(int32_t day)
{
    struct tm t = {.tm_year = day / 10000 - 1900, .tm_mon = day / 100 % 100 - 1, .tm_mday = day % 100,
                   .tm_hour = 12};
    time_t tt = timegm(&t);
    struct tm n;
    if (!gmtime_r(&tt, &n))
        return t;
    return n;
}

int32_t report_period_start(int32_t day, ReportPeriod p)
{
    if (p == REPORT_PERIOD_MONTH)
        return day / 100 * 100 + 1;
    if (p != REPORT_PERIOD_WEEK)
        return day;
    struct tm t = tm_of(day);
    int back = (t.tm_wday + 6) % 7; /* days since Monday */
    t.tm_mday -= back;
    time_t tt = timegm(&t);
    struct tm m;
    if (!gmtime_r(&tt, &m))
        return day;
    return (m.tm_year + 1900) * 10000 + (m.tm_mon + 1) * 100 + m.tm_mday;
}

void report_period_label(int32_t start, ReportPeriod p, char out[16])
{
    if (p == REPORT_PERIOD_MONTH) {
        snprintf(out, 16, "%04d-%02d", (int)(start / 10000 % 10000), (int)(start / 100 % 100));
    } else if (p == REPORT_PERIOD_WEEK) {
        struct tm t = tm_of(start);
        char gy[8] = "0", wk[4] = "0";
        strftime(gy, sizeof gy, "%G", &t);
        strftime(wk, sizeof wk, "%V", &t);
        snprintf(out, 16, "%.4s-W%.2s", gy, wk);
    } else {
        snprintf(out, 16, "%04d-%02d-%02d", (int)(start / 10000 % 10000), (int)(start / 100 % 100),
                 (int)(start % 100));
    }
}

const char *report_period_name(ReportPeriod p)
{
    switch (p) {
    case REPORT_PERIOD_WEEK: return R_("week");
    case REPORT_PERIOD_MONTH: return R_("month");
    default: return R_("day");
    }
}
