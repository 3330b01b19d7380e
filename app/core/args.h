/* args.h: command-line helpers shared by the `taama` subcommands. */
#ifndef APP_CORE_ARGS_H
#define APP_CORE_ARGS_H

/* main.c lets --data DIR and --content DIR appear anywhere on the line and
 * has already used them; a subcommand calls this so they do not read as its
 * own arguments. Copies the other argv pointers into kept (at most max) and
 * returns how many. The strings stay argv's. */
int args_drop_common(int argc, char **argv, char **kept, int max);

#endif
