/* args.c: see args.h. */
#include "core/args.h"

#include <string.h>

int args_drop_common(int argc, char **argv, char **kept, int max)
{
    int n = 0;
    for (int i = 0; i < argc && n < max; i++) {
        if ((strcmp(argv[i], "--data") == 0 || strcmp(argv[i], "--content") == 0) && i + 1 < argc) {
            i++;
            continue;
        }
        kept[n++] = argv[i];
    }
    return n;
}
