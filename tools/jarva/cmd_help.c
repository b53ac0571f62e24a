/* cmd_help.c: `jarva help [COMMAND]`, the same as `jarva COMMAND --help` (and
 * `jarva --help` without a command), for people who type help first. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: jarva help [COMMAND]\n"
    "\n"
    "Prints the help of COMMAND, the same as `jarva COMMAND --help`; without\n"
    "COMMAND, the list of commands and global options (`jarva --help`).\n"
    "\n"
    "Exit status: 0 success, 2 no such command or usage error.\n";

/* main.c's main() is the one dispatcher: calling it with COMMAND --help makes
 * `help COMMAND` print exactly what `COMMAND --help` prints, for every command
 * in its table, without a second list of commands here. */
int main(int argc, char **argv);

int cmd_help(cli_ctx *ctx, int argc, char **argv)
{
    (void)ctx; /* global options do not change a help text */
    char *command = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(usage, stdout);
            return CLI_OK;
        }
        if (argv[i][0] == '-')
            return cli_usage_error("help", "unknown option '%s'", argv[i]);
        if (command)
            return cli_usage_error("help", "unexpected argument '%s'", argv[i]);
        command = argv[i];
    }
    char program[] = "jarva", help_option[] = "--help";
    char *args[4] = { program, help_option, NULL, NULL };
    if (command) {
        args[1] = command;
        args[2] = help_option;
    }
    return main(command ? 3 : 2, args);
}
