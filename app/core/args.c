/* args.c: see args.h. */
#include "core/args.h"

#include <stdlib.h>
#include <string.h>

#include "core/version.h"

ArgsAsk args_asked(int argc, char *const *argv, int from, const ArgsCommand *cmd)
{
    for (int i = from; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0)
            break;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
            return ARGS_HELP;
        if (strcmp(a, "--version") == 0 && cmd && cmd->own_version && i + 1 < argc && argv[i + 1][0] != '-')
            i++; /* the command's own option and its value */
        else if (strcmp(a, "--version") == 0)
            return ARGS_VERSION;
    }
    return ARGS_RUN;
}

const ArgsCommand *args_command_find(const ArgsCommand *cmds, int n, const char *name)
{
    for (int i = 0; name && i < n; i++)
        if (strcmp(cmds[i].name, name) == 0)
            return &cmds[i];
    return NULL;
}

void args_print_usage(FILE *f, const char *prog, const ArgsCommand *cmds, int n,
                      const ArgsCommand *cmd)
{
    if (cmd) {
        fprintf(f, "usage: %s %s %s\n\n%s", prog, cmd->name, cmd->synopsis, cmd->help);
        fputs("\nEvery command also takes --help and --version; --opt=value works as --opt value.\n", f);
        return;
    }
    for (int i = 0; i < n; i++)
        fprintf(f, "%s %s %s %s\n", i == 0 ? "usage:" : "      ", prog, cmds[i].name, cmds[i].synopsis);
    fprintf(f, "Run '%s COMMAND --help' for what a command does.\n", prog);
}

void args_print_version(FILE *f, const char *prog)
{
    fprintf(f, "%s %s\nLicensed under the Apache License, Version 2.0; the fonts under the SIL Open "
               "Font License 1.1.\n",
            prog, version_string());
}

char **args_split_equals(int argc, char *const *argv, int *out_argc)
{
    /* at most two words per argument, plus the NULL */
    char **v = calloc((size_t)argc * 2 + 1, sizeof *v);
    if (!v)
        return NULL;
    int n = 0, plain = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *eq = strchr(a, '=');
        if (strcmp(a, "--") == 0)
            plain = 1;
        if (plain || strncmp(a, "--", 2) != 0 || !eq || eq == a + 2) {
            v[n++] = strdup(a);
        } else {
            v[n++] = strndup(a, (size_t)(eq - a));
            v[n++] = strdup(eq + 1);
        }
        if (!v[n - 1] || (n >= 2 && !v[n - 2])) {
            args_split_free(v, n);
            return NULL;
        }
    }
    *out_argc = n;
    return v;
}

void args_split_free(char **v, int argc)
{
    if (!v)
        return;
    for (int i = 0; i < argc; i++)
        free(v[i]);
    free(v);
}

int args_drop_common(int argc, char **argv, char **kept, int max)
{
    int n = 0;
    for (int i = 0; i < argc && n < max; i++) {
        if ((strcmp(argv[i], "--data") == 0 || strcmp(argv[i], "--content") == 0) && i + 1 < argc) {
            i++;
            continue;
        }
        if (strncmp(argv[i], "--data=", 7) == 0 || strncmp(argv[i], "--content=", 10) == 0)
            continue;
        kept[n++] = argv[i];
    }
    return n;
}
