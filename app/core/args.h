/* args.h: command-line conventions shared by `taama`, its subcommands and
 * `taama-report`: --help and --version anywhere on a line, `--opt=value`
 * as well as `--opt value`, and each subcommand described once in a table
 * that feeds both the usage summary and its --help text. The parsing itself
 * is getopt_long() in each program. */
#ifndef APP_CORE_ARGS_H
#define APP_CORE_ARGS_H

#include <stdio.h>

/* One subcommand: its name ("merge"), the words after the name in a usage
 * line, and what it does (one or more lines, for --help). */
typedef struct {
    const char *name;
    const char *synopsis;
    const char *help;
    int own_version; /* it has its own `--version N` (pack make's number):
                      * there --version asks for the program's version only
                      * when no value follows it */
} ArgsCommand;

typedef enum {
    ARGS_RUN = 0, /* neither asked: run the command */
    ARGS_HELP,    /* --help or -h */
    ARGS_VERSION  /* --version */
} ArgsAsk;

/* Whether argv[from..argc) asks for --help/-h or --version (a bare "--"
 * ends the search, so a file named --help can still be passed after it).
 * The first one on the line wins. cmd (may be NULL) is the subcommand. */
ArgsAsk args_asked(int argc, char *const *argv, int from, const ArgsCommand *cmd);

/* The row of cmds (n rows) named name, or NULL. */
const ArgsCommand *args_command_find(const ArgsCommand *cmds, int n, const char *name);

/* Print "usage: PROG NAME SYNOPSIS" for every row (or only cmd when not
 * NULL, followed by its help text) to f. */
void args_print_usage(FILE *f, const char *prog, const ArgsCommand *cmds, int n,
                      const ArgsCommand *cmd);

/* Print "PROG VERSION" and the licence line to f (for --version). */
void args_print_version(FILE *f, const char *prog);

/* For the subcommands that still match words with strcmp(): a new
 * NULL-terminated vector in which every "--name=value" before a bare "--"
 * is split into "--name" "value"; *out_argc gets its length. The vector
 * and the split strings are owned by the caller: free with
 * args_split_free(). NULL when out of memory. */
char **args_split_equals(int argc, char *const *argv, int *out_argc);
void args_split_free(char **v, int argc); /* accepts NULL */

/* main.c lets --data DIR and --content DIR appear anywhere on the line and
 * has already used them; a subcommand calls this so they do not read as its
 * own arguments. Copies the other argv pointers into kept (at most max) and
 * returns how many. The strings stay argv's. */
int args_drop_common(int argc, char **argv, char **kept, int max);

#endif
