/* dhis2_map.c: the DHIS2 mapping file (kiosks -> org units, counters ->
 * data elements), checked strictly before anything is written: every UID
 * has DHIS2's form (11 characters, a letter then letters or digits), every
 * metric and language it names exists, and a kiosk or element line given
 * twice is an error. A typo therefore stops the run with the line number,
 * instead of producing a file with nothing in it. Empty option combos are
 * filled with DHIS2's default (HllvX50cXC0).
 *
 * qr_shown counts a help contact by its index in the kiosk's own
 * contacts.yaml, and index 0 is a different service at different sites:
 * its ITEM is best "contact:ID" (dhis2.c looks the id up in each kiosk's
 * list in force on the counter's day). A number still works as before,
 * with a warning. */
#include "report/dhis2.h"

#include <stdlib.h>
#include <string.h>

#include "core/fileio.h"
#include "i18n/i18n.h"
#include "report/report.h"
#include "report/rtext.h"
#include "stats/stats.h"

/* A DHIS2 UID: 11 characters, a letter then letters or digits. */
static int is_uid(const char *s)
{
    if (strlen(s) != 11)
        return 0;
    if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
        return 0;
    for (int i = 1; i < 11; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
            return 0;
    return 1;
}

static int is_metric(const char *s)
{
    for (const char *const *m = stats_metric_all(); *m; m++)
        if (strcmp(*m, s) == 0)
            return 1;
    return 0;
}

static int is_hex32(const char *s)
{
    if (strlen(s) != 32)
        return 0;
    for (; *s; s++)
        if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
            return 0;
    return 1;
}

/* "contact:ID", ID as contacts.yaml allows it (1 to STATS_CONTACT_ID_MAX
 * of a-z, 0-9 and -): the ids kiosks export. contacts.json would also
 * take A-Z, _ and ., which no kiosk writes, so "contact:Helpline" is a
 * typo stopped here rather than a line that never matches. */
static int is_contact_item(const char *s)
{
    if (strncmp(s, DHIS2_CONTACT_PREFIX, strlen(DHIS2_CONTACT_PREFIX)) != 0)
        return 0;
    s += strlen(DHIS2_CONTACT_PREFIX);
    if (!*s || strlen(s) > STATS_CONTACT_ID_MAX)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return 0;
    return 1;
}

static int is_item(const char *s)
{
    if (strcmp(s, "*") == 0 || is_contact_item(s))
        return 1;
    if (!*s || strlen(s) > 4)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

static int is_module(const char *s)
{
    if (strcmp(s, "*") == 0)
        return 1;
    if (strlen(s) >= sizeof ((ElemMap *)0)->module)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return 0;
    return 1;
}

static int map_fail(DhisMap *m, size_t record, const char *what, const char *value)
{
    char v[80];
    report_utf8_copy(v, sizeof v, value);
    snprintf(m->why, sizeof m->why, "map record %zu: %s (\"%s\")", record, what, v);
    return 1;
}

static int map_cb(void *ctx, char **f, size_t n, size_t record)
{
    DhisMap *m = ctx;
    if (n == 0 || f[0][0] == '#' || (n == 1 && !f[0][0]))
        return 0;
    if (strcmp(f[0], "period") == 0 && n == 2) {
        if (strcmp(f[1], "daily") && strcmp(f[1], "weekly") && strcmp(f[1], "monthly"))
            return map_fail(m, record, "period must be daily, weekly or monthly", f[1]);
        snprintf(m->period, sizeof m->period, "%s", f[1]);
        return 0;
    }
    if (strcmp(f[0], "orgunit") == 0 && n == 3) {
        if (strcmp(f[1], "*") != 0 && !is_hex32(f[1]))
            return map_fail(m, record, "a kiosk id is 32 lower-case hex characters, or * for any other kiosk", f[1]);
        if (!is_uid(f[2]))
            return map_fail(m, record, "an org unit UID is 11 letters or digits, starting with a letter", f[2]);
        for (size_t i = 0; i < m->norg; i++)
            if (strcmp(m->org[i].kiosk, f[1]) == 0)
                return map_fail(m, record, "this kiosk already has an org unit", f[1]);
        if (m->norg == MAP_MAX)
            return map_fail(m, record, "too many orgunit lines (at most 1024)", f[1]);
        snprintf(m->org[m->norg].kiosk, sizeof m->org[0].kiosk, "%s", f[1]);
        snprintf(m->org[m->norg].orgunit, sizeof m->org[0].orgunit, "%s", f[2]);
        m->norg++;
        return 0;
    }
    if (strcmp(f[0], "element") == 0 && (n == 7 || n == 8)) {
        if (strcmp(f[1], "*") != 0 && !is_metric(f[1]))
            return map_fail(m, record, "unknown metric (see docs/export-and-report.md for the names)", f[1]);
        if (strcmp(f[2], "*") != 0 && !i18n_language(f[2]))
            return map_fail(m, record, "unknown language code", f[2]);
        if (!is_module(f[3]))
            return map_fail(m, record, "a module id is lower-case letters, digits and -, or *", f[3]);
        if (!is_item(f[4]))
            return map_fail(m, record, "an item is a number, contact:ID (a help contact id: a-z, 0-9 and -) or *",
                            f[4]);
        if (is_contact_item(f[4]) && strcmp(f[1], "qr_shown") != 0)
            return map_fail(m, record, "contact:ID is an item of metric qr_shown only", f[4]);
        if (strcmp(f[1], "qr_shown") == 0 && strcmp(f[4], "*") != 0 && !is_contact_item(f[4]) &&
            !m->qr_index_record)
            m->qr_index_record = record;
        if (!is_uid(f[5]))
            return map_fail(m, record, "a data element UID is 11 letters or digits, starting with a letter", f[5]);
        if (f[6][0] && !is_uid(f[6]))
            return map_fail(m, record, "a category option combo UID is 11 letters or digits, or empty for the "
                                       "default",
                            f[6]);
        if (n == 8 && f[7][0] && !is_uid(f[7]))
            return map_fail(m, record, "an attribute option combo UID is 11 letters or digits, or empty for the "
                                       "default",
                            f[7]);
        if (m->nel == MAP_MAX)
            return map_fail(m, record, "too many element lines (at most 1024)", f[5]);
        ElemMap *e = &m->el[m->nel++];
        snprintf(e->metric, sizeof e->metric, "%s", f[1]);
        snprintf(e->lang, sizeof e->lang, "%s", f[2]);
        snprintf(e->module, sizeof e->module, "%s", f[3]);
        snprintf(e->item, sizeof e->item, "%s", f[4]);
        snprintf(e->de, sizeof e->de, "%s", f[5]);
        snprintf(e->coc, sizeof e->coc, "%s", f[6][0] ? f[6] : DHIS2_DEFAULT_COC);
        snprintf(e->aoc, sizeof e->aoc, "%s", n == 8 && f[7][0] ? f[7] : DHIS2_DEFAULT_COC);
        for (size_t i = 0; i + 1 < m->nel; i++) {
            const ElemMap *x = &m->el[i];
            if (!strcmp(x->metric, e->metric) && !strcmp(x->lang, e->lang) && !strcmp(x->module, e->module) &&
                !strcmp(x->item, e->item) && !strcmp(x->de, e->de) && !strcmp(x->coc, e->coc) &&
                !strcmp(x->aoc, e->aoc)) {
                m->nel--;
                return map_fail(m, record, "the same element line is given twice (it would count twice)", f[5]);
            }
        }
        return 0;
    }
    return map_fail(m, record, "unknown or incomplete line (period,KIND / orgunit,KIOSK,UID / element,METRIC,LANG,"
                               "MODULE,ITEM,DATAELEMENT,CATOPTCOMBO[,ATTROPTCOMBO])",
                    f[0]);
}

DhisMap *dhis2_map_load(const char *map_path, FILE *err, Err *e)
{
    char *buf = NULL;
    size_t len = 0;
    *e = fileio_read_all(map_path, 1 << 20, &buf, &len);
    if (*e) {
        fprintf(err, "dhis2: cannot read map %s: %s\n", map_path, err_str(*e));
        return NULL;
    }
    DhisMap *m = calloc(1, sizeof *m);
    if (!m) {
        free(buf);
        *e = ERR_NOMEM;
        return NULL;
    }
    snprintf(m->period, sizeof m->period, "monthly");
    char why[200];
    *e = report_csv_parse(buf, len, map_cb, m, why, sizeof why);
    free(buf);
    if (!*e && m->nel == 0) {
        snprintf(m->why, sizeof m->why, "no element line: nothing would be written");
        *e = ERR_FORMAT;
    }
    if (!*e && m->norg == 0) {
        snprintf(m->why, sizeof m->why, "no orgunit line: every counter would be left out");
        *e = ERR_FORMAT;
    }
    if (*e) {
        fprintf(err, "dhis2: %s: %s\n", map_path, m->why[0] ? m->why : why);
        free(m);
        *e = ERR_FORMAT;
        return NULL;
    }
    if (m->qr_index_record)
        fprintf(err,
                "dhis2: WARNING: %s record %zu: qr_shown by index: an index is a place in each kiosk's own "
                "contacts.yaml and means different services at different sites (and after a content pack); "
                "write contact:ID (e.g. contact:helpline) instead\n",
                map_path, m->qr_index_record);
    return m;
}
