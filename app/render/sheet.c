/* sheet.c: the translators' contact sheet; see sheet.h. Each picture is
 * drawn by kiosk_render(), exactly as `taama render` draws one screen. */
#include "render/sheet.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fileio.h"
#include "i18n/i18n.h"
#include "report/rtext.h"

typedef struct {
    char **name;
    size_t n, cap;
} Names;

static void add_name(void *ctx, const char *name)
{
    Names *s = ctx;
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 64;
        char **nn = realloc(s->name, nc * sizeof *nn);
        if (!nn)
            return;
        s->name = nn;
        s->cap = nc;
    }
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

static void list_cb(void *ctx, const char *name) { add_name(ctx, name); }

int kiosk_render_sheet(const KioskOptions *o, const Content *content, const char *dir, const char *only, int w,
                       int h)
{
    Names screens = {0};
    char *listing = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&listing, &len);
    if (!m)
        return 1;
    kiosk_list_screens(content, m);
    fclose(m);
    for (char *line = strtok(listing, "\n"); line; line = strtok(NULL, "\n"))
        if (wanted(only, line))
            list_cb(&screens, line);
    free(listing);
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
    int drawn = 0;
    for (size_t s = 0; s < screens.n; s++) {
        char file[256];
        file_of(screens.name[s], file, sizeof file);
        fprintf(html, "<section>\n<h2>");
        report_html_esc(html, screens.name[s]);
        fputs("</h2>\n", html);
        for (int i = 0; i < i18n_language_count(); i++) {
            const Language *l = i18n_language_at(i);
            snprintf(path, sizeof path, "%s/%s", dir, l->code);
            fileio_mkdir_p(path, 0755);
            snprintf(path, sizeof path, "%s/%s/%s.png", dir, l->code, file);
            int r = kiosk_render(o, content, l->code, screens.name[s], w, h, path);
            if (r == 1)
                continue; /* language not enabled on this kiosk */
            drawn++;
            if (r == 3)
                rc = 3;
            fprintf(html, "<figure lang=\"%s\" dir=\"%s\"><img src=\"%s/", l->code, l->rtl ? "rtl" : "ltr",
                    l->code);
            report_html_esc(html, file);
            fputs(".png\" alt=\"", html);
            report_html_esc(html, screens.name[s]);
            fputs("\"><figcaption>", html);
            report_html_esc(html, l->native);
            if (r == 3)
                fputs(" <span class=\"overflow\">text overflows</span>", html);
            fputs("</figcaption></figure>\n", html);
        }
        fputs("</section>\n", html);
    }
    fputs("</body>\n</html>\n", html);
    if (ferror(html) || drawn == 0)
        rc = 1;
out:
    if (html && fclose(html) != 0)
        rc = 1;
    for (size_t i = 0; i < screens.n; i++)
        free(screens.name[i]);
    free(screens.name);
    return rc;
}
