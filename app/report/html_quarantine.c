/* html_quarantine.c: the HTML report's list of exports held in quarantine
 * (report-harden's trust model): verified but counted nowhere in the
 * report until the campaign manager decides. */
#include "report/html.h"

#include <string.h>

/* One kiosk id and key being gathered from consecutive quarantine rows. */
typedef struct {
    char cur[200]; /* "KIOSK_ID PUBKEY", "" before the first row */
    char label[REPORT_LABEL_MAX + 1], df[11], dl[11];
    unsigned kinds; /* bit per ReportQuarantineKind */
    int64_t nexp, rows;
} QGroup;

/* Why an export is held, per ReportQuarantineKind (msgids). */
static const char *const WHY[REPORT_Q_NKINDS] = {
    [REPORT_Q_OTHER] = RN_("other reason (see taama-report quarantine)"),
    [REPORT_Q_NOT_ENROLLED] = RN_("kiosk not enrolled: waiting for the campaign manager to accept its key"),
    [REPORT_Q_KEY_CHANGED] = RN_("signed by a key other than the kiosk's: forged, or the kiosk's key was reset"),
    [REPORT_Q_DISPUTED] = RN_("another key already claims this kiosk"),
    [REPORT_Q_CLONE] = RN_("two kiosks share this id and key (a cloned card?)"),
};

/* The table row of a gathered kiosk id and key: id (label), the key's
 * first 16 characters, the reasons, exports, counter rows and days. */
static void q_row(FILE *o, const QGroup *q)
{
    char id[33], key[17];
    const char *sp = strchr(q->cur, ' ');
    report_utf8_copy(id, sizeof id, q->cur);
    if (sp && (size_t)(sp - q->cur) < sizeof id)
        id[sp - q->cur] = '\0';
    report_utf8_copy(key, sizeof key, sp ? sp + 1 : "");
    fputs("<tr><th>", o);
    html_esc(o, id);
    if (q->label[0]) {
        fputs(" (", o);
        html_esc(o, q->label);
        fputs(")", o);
    }
    fputs("</th><td class=\"n\">", o);
    html_esc(o, key);
    fputs("&#8230;</td><td style=\"text-align:start\">", o);
    int first = 1;
    for (int w = 0; w < REPORT_Q_NKINDS; w++)
        if (q->kinds & (1u << w)) {
            if (!first)
                fputs("; ", o);
            html_esc(o, R_(WHY[w]));
            first = 0;
        }
    fprintf(o, "</td><td>%lld</td><td>%lld</td><td class=\"n\">", (long long)q->nexp, (long long)q->rows);
    html_esc(o, q->df);
    fputs(" &#8211; ", o);
    html_esc(o, q->dl);
    fputs("</td></tr>\n", o);
}

/* Add the current quarantine row of st to q. */
static void q_add(QGroup *q, sqlite3_stmt *st)
{
    const char *lb = (const char *)sqlite3_column_text(st, 3);
    if (lb && lb[0])
        report_utf8_copy(q->label, sizeof q->label, lb);
    q->kinds |= 1u << report_quarantine_kind((const char *)sqlite3_column_text(st, 2));
    q->nexp++;
    q->rows += sqlite3_column_int64(st, 4);
    const char *a = (const char *)sqlite3_column_text(st, 5), *b = (const char *)sqlite3_column_text(st, 6);
    if (a && (!q->df[0] || strcmp(a, q->df) < 0))
        report_utf8_copy(q->df, sizeof q->df, a);
    if (b && (!q->dl[0] || strcmp(b, q->dl) > 0))
        report_utf8_copy(q->dl, sizeof q->dl, b);
}

/* The note and table head, before the first row. */
static void q_open(FILE *o)
{
    html_p_note(o, R_("These exports carry valid signatures but are not counted in any figure of this "
                      "report: their kiosk is not trusted yet, or its identity is disputed. The campaign "
                      "manager decides with taama-report accept, reject or forget."));
    static const char *const heads[] = {RN_("Kiosk"), RN_("Key"), RN_("Why"), RN_("Exports"),
                                        RN_("Counter rows held back"), RN_("Days")};
    html_thead(o, R_("Exports held back, by kiosk and key"), heads, 6);
}

/* The exports held in quarantine (report-harden's trust model): verified
 * but not counted anywhere in this report until the manager decides. One
 * row per kiosk id and key: why, how many exports and counter rows are
 * held back, and the days they cover. Labels come from the exports and
 * are escaped like everything else. *nq gets the number of exports. */
Err html_quarantine(Html *h, int64_t *nq)
{
    FILE *o = h->o;
    *nq = 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(report_db_handle(h->rdb),
                           "SELECT kiosk_id, pubkey, reason, label, rows, day_first, day_last FROM quarantine"
                           " ORDER BY kiosk_id, pubkey, epoch, seq",
                           -1, &st, NULL) != SQLITE_OK)
        return ERR_DB;
    /* (the fleet section's quarantine list was merged into this one) */
    fputs("<h2 id=\"quarantined\">", o);
    html_esc(o, R_("Quarantined exports"));
    fputs("</h2>\n", o);
    QGroup q = {0};
    int64_t groups = 0, total = 0;
    int rc;
    for (;;) {
        rc = sqlite3_step(st);
        const char *k = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
        const char *pk = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 1) : NULL;
        char both[200] = "";
        if (k && pk)
            snprintf(both, sizeof both, "%s %s", k, pk);
        if (q.cur[0] && (!k || strcmp(both, q.cur) != 0)) {
            q_row(o, &q); /* the previous kiosk id and key is complete */
            q.cur[0] = '\0';
        }
        if (!k)
            break;
        if (!q.cur[0]) {
            if (groups++ == 0)
                q_open(o);
            q = (QGroup){0};
            snprintf(q.cur, sizeof q.cur, "%s", both);
        }
        q_add(&q, st);
        total++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return ERR_DB;
    if (groups)
        fputs("</tbody></table>\n", o);
    else
        html_p_note(o, R_("No export is held in quarantine: every signed export merged is counted."));
    *nq = total;
    return ERR_OK;
}
