/* stats_types.h: the vocabulary of engagement statistics, shared by the app
 * (which queues StatEvents as side effects of app_update), the statistics
 * store (which folds them into per-day aggregate counters) and the export
 * (which carries StatRows off the kiosk).
 *
 * Privacy contract: a StatEvent describes one thing that happened, never who
 * did it. It carries no session id and no free text; the store folds it
 * into a counter immediately and keeps no per-event row. */
#ifndef APP_STATS_STATS_TYPES_H
#define APP_STATS_STATS_TYPES_H

#include <stdint.h>

typedef enum {
    STAT_SESSION_START,    /* n = local hour of day 0-23 (kept on the total only) */
    STAT_LANGUAGE_CHOSEN,  /* lang */
    STAT_LANGUAGE_SWITCH,  /* lang = the language switched to */
    STAT_MODULE_OPENED,    /* lang, module */
    STAT_MODULE_COMPLETED, /* lang, module (reached the end card) */
    STAT_SLIDE_DEEPEST,    /* lang, module, n = deepest slide index reached (0-based) */
    STAT_QUIZ_ANSWER,      /* lang, module, n = question index, ok = 1 right / 0 wrong */
    STAT_END_CARD_SHOWN,   /* lang, module */
    STAT_HELP_SHOWN,       /* lang (the help contacts screen) */
    STAT_QR_SHOWN,         /* lang, n = contact index (a take-away QR code was shown) */
    STAT_QUICK_EXIT,       /* lang may be empty */
    STAT_TIMEOUT,          /* inactivity ended the session */
    STAT_SESSION_END,      /* n = session length in seconds; stored only as a bucket */
    STAT_GROUP_SESSION,    /* a community-worker group session was held */
    STAT_GROUP_ATTENDEES,  /* n = band (0 women, 1 men, 2 girls, 3 boys), ok = count */
    STAT_GROUP_QUIZ,       /* module, n = question index, ok = 1 right / 0 wrong, count in `count` */
    STAT__COUNT
} StatKind;

typedef struct {
    StatKind kind;
    char lang[12];   /* language code ("ar", "ti"), "" when not applicable */
    char module[40]; /* module id, "" when not applicable */
    int32_t n;       /* see StatKind */
    int32_t ok;      /* see StatKind */
    int32_t count;   /* how many to add; 0 is taken as 1 */
} StatEvent;

/* One aggregate counter, as stored and as exported. */
typedef struct {
    char day[11];    /* "YYYY-MM-DD", local date of the kiosk */
    char metric[32]; /* stable name, e.g. "module_opened" (see stats_metric_name) */
    char lang[12];
    char module[40];
    int32_t item;    /* hour, slide, question, bucket or band; -1 when none */
    int64_t value;
} StatRow;

#endif
