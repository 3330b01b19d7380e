/* dhis2_meta.c: the DHIS2 metadata package (JSON for DHIS2's metadata
 * import) matching a mapping file: data elements, the categories and combos
 * of disaggregated ones, and one data set. UIDs the map does not give are
 * made from text with BLAKE2b, so the same map always gives the same
 * package. */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <sodium.h>

#include "report/dhis2.h"
#include "report/rtext.h"

/* A stable DHIS2 UID made from text: a letter, then ten letters or digits
 * from a BLAKE2b hash, so the same map always gives the same package. */
static void uid_of(const char *text, char out[12])
{
    static const char alnum[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    unsigned char h[16];
    crypto_generichash(h, sizeof h, (const unsigned char *)text, strlen(text), NULL, 0);
    out[0] = alnum[h[0] % 52];
    for (int i = 1; i < 11; i++)
        out[i] = alnum[h[i] % 62];
    out[11] = '\0';
}

static json_object *ref(const char *id)
{
    json_object *r = json_object_new_object();
    json_object_object_add(r, "id", json_object_new_string(id));
    return r;
}

static json_object *named(const char *id, const char *name, const char *code)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "id", json_object_new_string(id));
    json_object_object_add(o, "name", json_object_new_string(name));
    char shortname[51];
    report_utf8_copy(shortname, sizeof shortname, name);
    json_object_object_add(o, "shortName", json_object_new_string(shortname));
    if (code)
        json_object_object_add(o, "code", json_object_new_string(code));
    return o;
}

/* What one element line selects, for names: "session_start", "quiz_answer_right ar get-help". */
static void line_name(const ElemMap *e, char *out, size_t sz)
{
    snprintf(out, sz, "%s%s%s%s%s%s%s", e->metric, strcmp(e->lang, "*") ? " " : "", strcmp(e->lang, "*") ? e->lang : "",
             strcmp(e->module, "*") ? " " : "", strcmp(e->module, "*") ? e->module : "",
             strcmp(e->item, "*") ? " item " : "", strcmp(e->item, "*") ? e->item : "");
}

/* The arrays of the package being built (owned by root once attached). */
typedef struct {
    json_object *des, *cos, *cats, *ccs, *cocs, *dse;
    char dsid[12]; /* the data set's UID */
} Meta;

/* The category, its options, option combos and category combo of data
 * element el (line i, first of its element) disaggregated by the map's
 * non-default combos; returns the category combo's UID in ccid. */
static void meta_category(Meta *mt, const DhisMap *m, size_t i, const char *dename, char ccid[12])
{
    const ElemMap *el = &m->el[i];
    char catid[12], buf[256], name[256];
    snprintf(buf, sizeof buf, "taama-category:%s", el->de);
    uid_of(buf, catid);
    snprintf(buf, sizeof buf, "taama-catcombo:%s", el->de);
    uid_of(buf, ccid);
    json_object *cat = named(catid, dename, NULL);
    json_object_object_add(cat, "dataDimensionType", json_object_new_string("DISAGGREGATION"));
    json_object *catopts = json_object_new_array();
    for (size_t j = i; j < m->nel; j++) {
        const ElemMap *x = &m->el[j];
        if (strcmp(x->de, el->de) != 0 || strcmp(x->coc, DHIS2_DEFAULT_COC) == 0)
            continue;
        char coid[12];
        snprintf(buf, sizeof buf, "taama-option:%s:%s", el->de, x->coc);
        uid_of(buf, coid);
        line_name(x, name, sizeof name);
        json_object_array_add(mt->cos, named(coid, name, NULL));
        json_object_array_add(catopts, ref(coid));
        json_object *coc = named(x->coc, name, NULL);
        json_object_object_add(coc, "categoryCombo", ref(ccid));
        json_object *cl = json_object_new_array();
        json_object_array_add(cl, ref(coid));
        json_object_object_add(coc, "categoryOptions", cl);
        json_object_array_add(mt->cocs, coc);
    }
    json_object_object_add(cat, "categoryOptions", catopts);
    json_object_array_add(mt->cats, cat);
    json_object *cc = named(ccid, dename, NULL);
    json_object_object_add(cc, "dataDimensionType", json_object_new_string("DISAGGREGATION"));
    json_object *cl = json_object_new_array();
    json_object_array_add(cl, ref(catid));
    json_object_object_add(cc, "categories", cl);
    json_object_array_add(mt->ccs, cc);
}

/* The data element of line i (the first line of its element): default
 * combo when all its lines use it, else one category whose options are
 * the lines' non-default combos; and its link to the data set. */
static void meta_element(Meta *mt, const DhisMap *m, size_t i)
{
    const ElemMap *el = &m->el[i];
    int plain = 1;
    for (size_t j = i; j < m->nel; j++)
        if (strcmp(m->el[j].de, el->de) == 0 && strcmp(m->el[j].coc, DHIS2_DEFAULT_COC) != 0)
            plain = 0;
    char name[256], dename[300], code[40];
    line_name(el, name, sizeof name);
    snprintf(dename, sizeof dename, "Taama %s", plain ? name : el->metric);
    json_object *de = named(el->de, dename, NULL);
    snprintf(code, sizeof code, "TAAMA_%s", el->de);
    json_object_object_add(de, "code", json_object_new_string(code));
    json_object_object_add(de, "valueType", json_object_new_string("INTEGER_ZERO_OR_POSITIVE"));
    json_object_object_add(de, "domainType", json_object_new_string("AGGREGATE"));
    json_object_object_add(de, "aggregationType", json_object_new_string("SUM"));
    json_object_object_add(de, "zeroIsSignificant", json_object_new_boolean(0));
    if (plain) {
        json_object_object_add(de, "categoryCombo", ref(DHIS2_DEFAULT_CC));
    } else {
        char ccid[12];
        meta_category(mt, m, i, dename, ccid);
        json_object_object_add(de, "categoryCombo", ref(ccid));
    }
    json_object_array_add(mt->des, de);
    json_object *link = json_object_new_object();
    json_object_object_add(link, "dataElement", ref(el->de));
    json_object_object_add(link, "dataSet", ref(mt->dsid));
    json_object_array_add(mt->dse, link);
}

/* The data set: the map's period type, its elements and org units. */
static json_object *meta_dataset(const Meta *mt, const DhisMap *m)
{
    json_object *ous = json_object_new_array();
    for (size_t i = 0; i < m->norg; i++) {
        int seen = 0;
        for (size_t j = 0; j < i; j++)
            seen |= strcmp(m->org[j].orgunit, m->org[i].orgunit) == 0;
        if (!seen)
            json_object_array_add(ous, ref(m->org[i].orgunit));
    }
    const char *pt = strcmp(m->period, "daily") == 0 ? "Daily" : strcmp(m->period, "weekly") == 0 ? "Weekly"
                                                                                                   : "Monthly";
    json_object *ds = named(mt->dsid, "Taama kiosk counters", "TAAMA_KIOSK");
    json_object_object_add(ds, "periodType", json_object_new_string(pt));
    json_object_object_add(ds, "categoryCombo", ref(DHIS2_DEFAULT_CC));
    json_object_object_add(ds, "dataSetElements", mt->dse);
    json_object_object_add(ds, "organisationUnits", ous);
    json_object *dss = json_object_new_array();
    json_object_array_add(dss, ds);
    return dss;
}

Err report_write_dhis2_metadata(const char *map_path, FILE *o, FILE *err)
{
    Err e;
    DhisMap *m = dhis2_map_load(map_path, err, &e);
    if (!m)
        return e;
    if (sodium_init() < 0) {
        free(m);
        return ERR_IO;
    }
    Meta mt = {.des = json_object_new_array(), .cos = json_object_new_array(), .cats = json_object_new_array(),
               .ccs = json_object_new_array(), .cocs = json_object_new_array(), .dse = json_object_new_array()};
    char buf[256];
    snprintf(buf, sizeof buf, "taama-dataset:%s", m->period);
    for (size_t i = 0; i < m->nel; i++)
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%.11s", i < 20 ? m->el[i].de : "");
    uid_of(buf, mt.dsid);
    for (size_t i = 0; i < m->nel; i++) {
        size_t first = i;
        for (size_t j = 0; j < i && first == i; j++)
            if (strcmp(m->el[j].de, m->el[i].de) == 0)
                first = j;
        if (first == i) /* each data element once, from its first line */
            meta_element(&mt, m, i);
    }
    json_object *root = json_object_new_object();
    json_object *dss = meta_dataset(&mt, m);
    json_object_object_add(root, "categoryOptions", mt.cos);
    json_object_object_add(root, "categories", mt.cats);
    json_object_object_add(root, "categoryCombos", mt.ccs);
    json_object_object_add(root, "categoryOptionCombos", mt.cocs);
    json_object_object_add(root, "dataElements", mt.des);
    json_object_object_add(root, "dataSets", dss);
    fputs(json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE), o);
    fputc('\n', o);
    json_object_put(root);
    free(m);
    return ferror(o) ? ERR_IO : ERR_OK;
}
