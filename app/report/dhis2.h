/* dhis2.h: internal to the DHIS2 outputs (dhis2*.c), not for other modules.
 *
 * A mapping file (docs/export-and-report.md) says which kiosks are which
 * org units and which counters go to which data elements; dhis2_map.c
 * reads and checks it strictly, dhis2.c writes the data values and
 * dhis2_meta.c the matching metadata package. No SDL. */
#ifndef APP_REPORT_DHIS2_H
#define APP_REPORT_DHIS2_H

#include <stddef.h>
#include <stdio.h>

#include "core/err.h"

/* DHIS2's default category option combo and category combo. */
#define DHIS2_DEFAULT_COC "HllvX50cXC0"
#define DHIS2_DEFAULT_CC "bjDvmb4bfuf"
enum { MAP_MAX = 1024 };
/* An ITEM naming a help contact by id (qr_shown only), not by index. */
#define DHIS2_CONTACT_PREFIX "contact:"

typedef struct {
    char kiosk[33]; /* or "*" */
    char orgunit[64];
} OrgMap;

typedef struct {
    char metric[32], lang[16], module[48]; /* "*" = any */
    char item[80];                         /* "*", an index, or "contact:ID" */
    char de[64], coc[64], aoc[64];
} ElemMap;

typedef struct {
    OrgMap org[MAP_MAX];
    size_t norg;
    ElemMap el[MAP_MAX];
    size_t nel;
    char period[16]; /* daily | weekly | monthly */
    size_t qr_index_record; /* first qr_shown line by index (warned), or 0 */
    char why[300];
} DhisMap;

/* Read and check the mapping file at map_path: every UID of DHIS2's form,
 * every metric and language known, no kiosk or element line twice, at
 * least one element and one orgunit line (missing combos filled with the
 * default), an ITEM "*", a number or (qr_shown only) "contact:ID".
 * A qr_shown line by index is kept but warned about on err. Returns the
 * map (caller frees) or NULL with *e set (ERR_FORMAT, or the read's
 * error) and the reason, with the line, said on err. */
DhisMap *dhis2_map_load(const char *map_path, FILE *err, Err *e);

#endif
