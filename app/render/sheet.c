/* sheet.c: the translators' contact sheet; see sheet.h. Each picture is
 * drawn by kiosk_render(), exactly as `taama render` draws one screen. */
#include "render/sheet.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fileio.h"
#include "core/vec.h"
#include "i18n/i18n.h"
#include "report/rtext.h"

typedef struct {
    char **name;
    size_t n, cap;
} Names;

/* Keep a copy of name; on out of memory the name is left out (the sheet
 * is then shorter, never wrong). */
static void add_name(Names *s, const char *name)
{
    if (VEC_RESERVE(s->name, s->cap, s->n + 1) != ERR_OK)
        return;
    if ((s->name[s->n] = strdup(name)))
        s->n++;
}

/* Is name in the comma-separated list (NULL: every name)? */
static int wanted(const char *only, const char *name)
{
    if (!only)
        return 1;
    size_t n = strlen(name);
    for (const char *p = only; *p;) {
        size_t l = strcspn(p, ",");
        if (l == n && strncmp(p, name, n) == 0)
            return 1;
        p += l;
        if (*p == ',')
            p++;
    }
    return 0;
}

/* "journey-risks/slide-1" -> "journey-risks--slide-1" */
static void file_of(const char *screen, char *out, size_t sz)
{
    size_t j = 0;
    for (const char *p = screen; *p && j + 3 < sz; p++) {
        if (*p == '/') {
            out[j++] = '-';
            out[j++] = '-';
        } else {
            out[j++] = *p;
        }
    }
    out[j] = '\0';
}

/* The screen names kiosk_list_screens() gives, filtered by only. */
static void sheet_screens(const Content *content, const char *only, Names *out)
{
    char *listing = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&listing, &len);
    if (!m)
        return;
    kiosk_list_screens(content, m);
    fclose(m);
    for (char *line = strtok(listing, "\n"); line; line = strtok(NULL, "\n"))
        if (wanted(only, line))
            add_name(out, line);
    free(listing);
}

static void sheet_head(FILE *html)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<title>Taama: every screen in every language</title>\n<style>\n"
          "body{font-family:'Noto Sans',sans-serif;margin:1em}\nsection{margin-bottom:2em}\n"
          "figure{display:inline-block;margin:0 .5em .5em 0;vertical-align:top}\n"
          "img{width:320px;height:auto;border:1px solid #999}\n.overflow{color:#c53030;font-weight:bold}\n"
          "</style>\n</head>\n<body>\n<h1>Taama: every screen in every language</h1>\n"
          "<p>For native reviewers: check each text where a visitor sees it. Draft translations are "
          "marked fuzzy in the PO files; a red note marks text that does not fit its box.</p>\n",
          html);
}

/* One screen in every language: DIR/<lang>/<file>.png and its row of the
 * sheet. Adds the pictures drawn to *drawn; returns 3 when some text
 * overflowed, 1 when a language folder cannot be made, else 0. */
static int sheet_section(const KioskOptions *o, const Content *content, const char *dir,
                         const char *screen, int w, int h, FILE *html, int *drawn)
{
    char file[256], path[PATH_MAX];
    int rc = 0;
    file_of(screen, file, sizeof file);
    fprintf(html, "<section>\n<h2>");
    report_html_esc(html, screen);
    fputs("</h2>\n", html);
    for (int i = 0; i < i18n_language_count(); i++) {
        const Language *l = i18n_language_at(i);
        snprintf(path, sizeof path, "%s/%s", dir, l->code);
        Err e = fileio_mkdir_p(path, 0755);
        if (e != ERR_OK) {
            fprintf(stderr, "taama render --sheet: cannot create %s: %s\n", path, err_str(e));
            rc = 1;
            continue;
        }
        snprintf(path, sizeof path, "%s/%s/%s.png", dir, l->code, file);
        int r = kiosk_render(o, content, l->code, screen, w, h, path);
        if (r == 1)
            continue; /* language not enabled on this kiosk */
        (*drawn)++;
        if (r == 3 && rc == 0)
            rc = 3;
        fprintf(html, "<figure lang=\"%s\" dir=\"%s\"><img src=\"%s/", l->code, l->rtl ? "rtl" : "ltr",
                l->code);
        report_html_esc(html, file);
        fputs(".png\" alt=\"", html);
        report_html_esc(html, screen);
        fputs("\"><figcaption>", html);
        report_html_esc(html, l->native);
        if (r == 3)
            fputs(" <span class=\"overflow\">text overflows</span>", html);
        fputs("</figcaption></figure>\n", html);
    }
    fputs("</section>\n", html);
    return rc;
}

int kiosk_render_sheet(const KioskOptions *o, const Content *content, const char *dir, const char *only, int w,
                       int h)
{
    Names screens = {0};
    sheet_screens(content, only, &screens);
    int rc = screens.n ? 0 : 1;
    char path[PATH_MAX];
    FILE *html = NULL;
    if (rc || fileio_mkdir_p(dir, 0755) != ERR_OK) {
        fprintf(stderr, "taama render --sheet: %s\n", rc ? "no such screen" : "cannot create the folder");
        rc = 1;
        goto out;
    }
    snprintf(path, sizeof path, "%s/index.html", dir);
    html = fopen(path, "w");
    if (!html) {
        fprintf(stderr, "taama render --sheet: cannot write %s\n", path);
        rc = 1;
        goto out;
    }
    sheet_head(html);
    int drawn = 0, failed = 0;
    for (size_t s = 0; s < screens.n; s++) {
        int r = sheet_section(o, content, dir, screens.name[s], w, h, html, &drawn);
        failed |= r == 1;
        if (r == 3)
            rc = 3;
    }
    fputs("</body>\n</html>\n", html);
    if (ferror(html) || drawn == 0 || failed)
        rc = 1;
out:
    if (html && fclose(html) != 0)
        rc = 1;
    for (size_t i = 0; i < screens.n; i++)
        free(screens.name[i]);
    free(screens.name);
    return rc;
}
