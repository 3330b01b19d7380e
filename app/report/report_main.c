/* report_main.c: entry point of taama-report, the campaign manager's tool
 * (merge USB exports, write HTML/CSV/DHIS2 reports). No SDL; all the work,
 * command-line parsing included (getopt_long over a table of commands, see
 * report_cli_main()), is in the report module so tests can drive it
 * in-process. */
#include "report/report.h"

int main(int argc, char **argv)
{
    return report_cli_main(argc, argv, stdout, stderr);
}
