/* fleet.c: kiosk health from exports (health.json, see export/health.h;
 * checked by validate.c at merge): storage in the campaign database
 * (table health, one row per counted export), and the report's fleet page:
 * one row per kiosk from its newest export, stale and unhealthy kiosks
 * first (the kiosks waiting in the quarantine are listed by the report's
 * quarantine section, html_quarantine.c).
 *
 * "Stale" is measured against the newest export of the whole campaign, not
 * the manager's clock: the report reads no clock, and a campaign whose
 * sticks all came in last month is judged within itself. */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

#include "core/sort.h"
#include "core/vec.h"
#include "report/html.h"
#include "report/rtext.h"
#include "stats/stats.h"

Err report_health_store(sqlite3 *db, const char *kiosk, int64_t epoch, int64_t seq, int64_t created,
                        const ReportHealth *h, const char *json, size_t len)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(
        db,
        "INSERT OR REPLACE INTO health(kiosk_id, epoch, seq, created, build_version, content_version, uptime_s,"
        " starts, crashes, watchdog_resets, warnings, disk_free_mb, last_touch, touch_test, sound_test,"
        " clock_status, clock_kiosk_time, clock_system_time, clock_offset_s, clock_problems,"
        " clock_held_events, clock_held_days, clock_corrections, clock_max_back_s, clock_last_set, json)"
        " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26)",
        -1, &st, NULL);
    if (rc != SQLITE_OK)
        return ERR_DB;
    int i = 1;
    sqlite3_bind_text(st, i++, kiosk, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, i++, epoch);
    sqlite3_bind_int64(st, i++, seq);
    sqlite3_bind_int64(st, i++, created);
    sqlite3_bind_text(st, i++, h->build_version, -1, SQLITE_STATIC);
    const int64_t ints1[] = {h->content_version, h->uptime_s, h->starts, h->crashes, h->watchdog_resets,
                             h->warnings, h->disk_free_mb};
    for (size_t k = 0; k < 7; k++)
        sqlite3_bind_int64(st, i++, ints1[k]);
    sqlite3_bind_text(st, i++, h->last_touch, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, i++, h->touch_test, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, i++, h->sound_test, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, i++, h->clock_status, -1, SQLITE_STATIC);
    const int64_t ints2[] = {h->clock_kiosk_time, h->clock_system_time, h->clock_offset_s, h->clock_problems,
                             h->clock_held_events};
    for (size_t k = 0; k < 5; k++)
        sqlite3_bind_int64(st, i++, ints2[k]);
    sqlite3_bind_text(st, i++, h->clock_held_days, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, i++, h->clock_corrections);
    sqlite3_bind_int64(st, i++, h->clock_max_back_s);
    sqlite3_bind_text(st, i++, h->clock_last_set, -1, SQLITE_STATIC);
    sqlite3_bind_text64(st, i++, json, len, SQLITE_STATIC, SQLITE_UTF8);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? ERR_OK : ERR_DB;
}

/* One kiosk's newest export and health. */
typedef struct {
    char kiosk[33], label[80];
    int64_t last_created;
    int has_health;
    ReportHealth h;
    int stale, unhealthy;
    char problems[400];
} FleetRow;

static int row_cmp(const void *pa, const void *pb)
{
    const FleetRow *a = pa, *b = pb;
    int ra = a->stale * 2 + a->unhealthy, rb = b->stale * 2 + b->unhealthy;
    if (ra != rb)
        return rb - ra;
    return strcmp(a->kiosk, b->kiosk);
}

static void add_problem(FleetRow *r, const char *text)
{
    size_t n = strlen(r->problems);
    snprintf(r->problems + n, sizeof r->problems - n, "%s%s", n ? "; " : "", text);
}

/* Decide what is wrong with a kiosk, in words a manager can act on. */
static void judge(FleetRow *r, int64_t newest)
{
    char t[200];
    if (newest - r->last_created > (int64_t)REPORT_STALE_DAYS * 86400) {
        r->stale = 1;
        snprintf(t, sizeof t, R_("no export for %lld days"), (long long)((newest - r->last_created) / 86400));
        add_problem(r, t);
    }
    if (!r->has_health) {
        add_problem(r, R_("no health data (older kiosk software)"));
        return;
    }
    const ReportHealth *h = &r->h;
    if (strcmp(h->clock_status, "ok") != 0 || h->clock_problems > 0) {
        r->unhealthy = 1;
        snprintf(t, sizeof t, R_("clock wrong (now %s; wrong %lld times, up to %lld s behind)"), h->clock_status,
                 (long long)h->clock_problems, (long long)h->clock_max_back_s);
        add_problem(r, t);
    }
    if (h->clock_held_events > 0) {
        snprintf(t, sizeof t, R_("%lld counts held on the last good day: %s may include later, undated visits"),
                 (long long)h->clock_held_events, h->clock_held_days);
        add_problem(r, t);
    }
    if (h->clock_corrections > 0) {
        snprintf(t, sizeof t, R_("clock set %lld times (last by %s)"), (long long)h->clock_corrections,
                 h->clock_last_set[0] ? h->clock_last_set : "?");
        add_problem(r, t);
    }
    if (h->crashes > 0 || h->watchdog_resets > 0) {
        r->unhealthy = 1;
        snprintf(t, sizeof t, R_("%lld unclean shutdowns, %lld watchdog resets"), (long long)h->crashes,
                 (long long)h->watchdog_resets);
        add_problem(r, t);
    }
    if (h->disk_free_mb >= 0 && h->disk_free_mb < 100) {
        r->unhealthy = 1;
        snprintf(t, sizeof t, R_("only %lld MB free"), (long long)h->disk_free_mb);
        add_problem(r, t);
    }
    int got = 0, of = 0;
    if (sscanf(h->touch_test, "%*10s %d/%d", &got, &of) == 2 && got < of) {
        r->unhealthy = 1;
        snprintf(t, sizeof t, R_("touch test incomplete (%s)"), h->touch_test);
        add_problem(r, t);
    }
    if (strstr(h->sound_test, "no_device")) {
        r->unhealthy = 1;
        add_problem(r, R_("no sound device at the last sound test"));
    }
}

/* Each kiosk's newest export (by epoch, then seq), with its health if
 * any, into *rows_out (*n_out rows, caller frees; NULL when there are
 * none), judged against the campaign's newest export. ERR_DB, ERR_NOMEM. */
static Err fleet_load(sqlite3 *db, FleetRow **rows_out, size_t *n_out)
{
    sqlite3_stmt *st = NULL;
    FleetRow *rows = NULL;
    size_t n = 0, cap = 0;
    int64_t newest = 0;
    if (sqlite3_prepare_v2(
            db,
            "SELECT k.kiosk_id, k.label, x.created, h.kiosk_id IS NOT NULL, h.build_version, h.content_version,"
            " h.uptime_s, h.starts, h.crashes, h.watchdog_resets, h.warnings, h.disk_free_mb, h.last_touch,"
            " h.touch_test, h.sound_test, h.clock_status, h.clock_problems, h.clock_held_events,"
            " h.clock_held_days, h.clock_corrections, h.clock_max_back_s, h.clock_last_set"
            " FROM kiosks k JOIN exports x ON x.kiosk_id = k.kiosk_id AND (x.epoch, x.seq) ="
            " (SELECT epoch, seq FROM exports WHERE kiosk_id = k.kiosk_id ORDER BY epoch DESC, seq DESC LIMIT 1)"
            " LEFT JOIN health h ON h.kiosk_id = x.kiosk_id AND h.epoch = x.epoch AND h.seq = x.seq"
            " ORDER BY k.kiosk_id",
            -1, &st, NULL) != SQLITE_OK)
        return ERR_DB;
    Err e = ERR_OK;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (VEC_RESERVE(rows, cap, n + 1) != ERR_OK) {
            e = ERR_NOMEM;
            break;
        }
        FleetRow *r = &rows[n++];
        memset(r, 0, sizeof *r);
#define TXT(i, dst) snprintf(dst, sizeof dst, "%s", sqlite3_column_text(st, i) ? (const char *)sqlite3_column_text(st, i) : "")
        TXT(0, r->kiosk);
        TXT(1, r->label);
        r->last_created = sqlite3_column_int64(st, 2);
        r->has_health = sqlite3_column_int(st, 3);
        TXT(4, r->h.build_version);
        r->h.content_version = sqlite3_column_int64(st, 5);
        r->h.uptime_s = sqlite3_column_int64(st, 6);
        r->h.starts = sqlite3_column_int64(st, 7);
        r->h.crashes = sqlite3_column_int64(st, 8);
        r->h.watchdog_resets = sqlite3_column_int64(st, 9);
        r->h.warnings = sqlite3_column_int64(st, 10);
        r->h.disk_free_mb = sqlite3_column_int64(st, 11);
        TXT(12, r->h.last_touch);
        TXT(13, r->h.touch_test);
        TXT(14, r->h.sound_test);
        TXT(15, r->h.clock_status);
        r->h.clock_problems = sqlite3_column_int64(st, 16);
        r->h.clock_held_events = sqlite3_column_int64(st, 17);
        TXT(18, r->h.clock_held_days);
        r->h.clock_corrections = sqlite3_column_int64(st, 19);
        r->h.clock_max_back_s = sqlite3_column_int64(st, 20);
        TXT(21, r->h.clock_last_set);
#undef TXT
        if (r->last_created > newest)
            newest = r->last_created;
    }
    sqlite3_finalize(st);
    if (!e && rc != SQLITE_DONE)
        e = ERR_DB;
    if (e) {
        free(rows);
        return e;
    }
    for (size_t i = 0; i < n; i++)
        judge(&rows[i], newest);
    *rows_out = rows;
    *n_out = n;
    return ERR_OK;
}

/* The section's heading, introduction and column heads. */
static void fleet_head(FILE *o)
{
    fputs("<h2 id=\"fleet\">", o);
    report_html_esc(o, R_("Fleet health"));
    fputs("</h2>\n<p class=\"note\">", o);
    char days[16];
    snprintf(days, sizeof days, "%d", REPORT_STALE_DAYS);
    /* TRANSLATORS: {N} is a number of days */
    const char *intro = R_("One row per kiosk, from its newest export. Stale kiosks (no export within {N} days of "
                           "the campaign's newest) come first, then kiosks with problems.");
    html_esc_n(o, intro, days); /* a translation without {N}: the number follows it */
    fputs("</p>\n<table class=\"fleet\">\n<tr>", o);
    static const char *const heads[] = {
        RN_("State"),      RN_("Kiosk"),      RN_("Last export"), RN_("Content"),         RN_("Build"),
        RN_("Uptime (h)"), RN_("Starts"),     RN_("Warnings"),    RN_("Disk free (MB)"),  RN_("Last touch"),
        RN_("Touch test"), RN_("Sound test"), RN_("Clock"),       RN_("Problems"),
    };
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
        fputs("<th>", o);
        report_html_esc(o, R_(heads[i]));
        fputs("</th>", o);
    }
    fputs("</tr>\n", o);
}

/* One kiosk's row: state, name, last export, its health, its problems. */
static void fleet_row(FILE *o, const FleetRow *r)
{
    char day[11];
    stats_day_string(r->last_created, 0, day); /* the export's UTC day */
    fputs("<tr><td>", o);
    /* TRANSLATORS: fleet health states: a kiosk with no recent export,
     * one with problems to check, one that is fine */
    report_html_esc(o, r->stale ? R_("STALE") : r->unhealthy ? R_("CHECK") : R_("ok"));
    fputs("</td><td>", o);
    report_html_esc(o, r->label[0] ? r->label : "");
    char shortid[9]; /* the id's first 8 characters, escaped like any other text */
    report_utf8_copy(shortid, sizeof shortid, r->kiosk);
    fprintf(o, "%s<code>", r->label[0] ? " " : "");
    report_html_esc(o, shortid);
    fprintf(o, "</code></td><td>%s</td>", day);
    if (r->has_health) {
        fprintf(o, "<td>%lld</td><td>", (long long)r->h.content_version);
        report_html_esc(o, r->h.build_version);
        fprintf(o, "</td><td>%s%lld</td><td>%lld</td><td>%lld</td><td>%lld</td><td>", r->h.uptime_s < 0 ? "?" : "",
                (long long)(r->h.uptime_s < 0 ? 0 : r->h.uptime_s / 3600), (long long)r->h.starts,
                (long long)r->h.warnings, (long long)r->h.disk_free_mb);
        report_html_esc(o, r->h.last_touch);
        fputs("</td><td>", o);
        report_html_esc(o, r->h.touch_test);
        fputs("</td><td>", o);
        report_html_esc(o, r->h.sound_test);
        fputs("</td><td>", o);
        report_html_esc(o, r->h.clock_status);
        fputs("</td>", o);
    } else {
        fputs("<td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td>", o);
    }
    fputs("<td>", o);
    report_html_esc(o, r->problems);
    fputs("</td></tr>\n", o);
}

Err report_write_fleet(ReportDb *rdb, FILE *o)
{
    FleetRow *rows = NULL;
    size_t n = 0;
    Err e = fleet_load(report_db_handle(rdb), &rows, &n);
    if (e)
        return e;
    sort_items(rows, n, sizeof *rows, row_cmp); /* rows is NULL on an empty database */
    fleet_head(o);
    for (size_t i = 0; i < n; i++)
        fleet_row(o, &rows[i]);
    fputs("</table>\n", o);
    /* The kiosks waiting in the quarantine are in the report's quarantine
     * section (html_quarantine.c), the one place that lists them. */
    free(rows);
    return ferror(o) ? ERR_IO : ERR_OK;
}
