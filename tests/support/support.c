/* support.c: see support.h. */
#include "support.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *support_path(const char *rel)
{
    static char buf[4096];
    const char *root = getenv("TAAMA_ROOT");
    snprintf(buf, sizeof buf, "%s/%s", root && *root ? root : ".", rel);
    return buf;
}

const char *support_tmpdir(void)
{
    static char buf[64];
    snprintf(buf, sizeof buf, "/tmp/taama-test-XXXXXX");
    if (!mkdtemp(buf)) {
        perror("mkdtemp");
        abort();
    }
    return buf;
}

int support_tree_make(SupportTree *t, const char *tag)
{
    int n = snprintf(t->root, sizeof t->root, "/tmp/taama-%s-XXXXXX", tag);
    if (n < 0 || (size_t)n >= sizeof t->root || !mkdtemp(t->root))
        return -1;
    snprintf(t->data, sizeof t->data, "%s/data", t->root);
    snprintf(t->stick, sizeof t->stick, "%s/stick", t->root);
    if (mkdir(t->data, 0700) != 0 || mkdir(t->stick, 0755) != 0) {
        support_tree_remove(t);
        return -1;
    }
    return 0;
}

int support_tree_remove(const SupportTree *t) { return support_rmtree(t->root); }

int support_sh(const char *fmt, ...)
{
    char cmd[4096];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof cmd)
        return -1;
    return system(cmd);
}

int support_rmtree(const char *dir) { return support_sh("rm -rf '%s'", dir); }

static int stub_width(void *ctx, const char *s, size_t len, int px, int bold)
{
    (void)ctx;
    (void)bold;
    int cps = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            cps++;
    return cps * px / 2;
}

static int stub_lh(void *ctx, int px)
{
    (void)ctx;
    return px * 14 / 10;
}

TextMetrics support_stub_metrics(void)
{
    TextMetrics m = {stub_width, stub_lh, NULL};
    return m;
}

int support_has_line(const Ui *ui, const char *text)
{
    size_t n = strlen(text);
    for (int i = 0; i < ui->n_cmds; i++) {
        const DrawCmd *c = &ui->cmds[i];
        if (c->kind == DRAW_TEXT && c->len == n && memcmp(c->text, text, n) == 0)
            return 1;
    }
    return 0;
}

MergeSummary support_merge(ReportDb *db, const char *path, const unsigned char *sk, int enrolled_only, char *msg,
                           size_t msgsz, Err *e)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *o = open_memstream(&buf, &len);
    MergeOptions mo = {.campaign_sk = sk, .out = o, .enrolled_only = enrolled_only};
    MergeSummary sum = {0};
    *e = report_merge_path(db, path, &mo, &sum);
    if (o)
        fclose(o);
    if (msg)
        snprintf(msg, msgsz, "%s", buf ? buf : "");
    free(buf);
    return sum;
}

ReportDb *support_fresh_db(const char *dir, const char *name)
{
    char p[4096];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    unlink(p);
    Err why;
    return report_open(p, &why);
}
