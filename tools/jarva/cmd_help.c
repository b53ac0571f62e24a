/* cmd_help.c: `jarva help [COMMAND]`, the same as `jarva COMMAND --help` (and
 * `jarva --help` without a command), for people who type help first; and
 * `jarva help --man`, every command's synopsis as the man page holds it
 * (tools/jarva/update-man.sh writes it into docs/jarva.1); and `jarva help
 * --options [COMMAND]`, the options as the bash completion reads them. */
#include <stdio.h>

#include "cli.h"

typedef struct help_args {
    const char *command;
    int man;
    int options;
} help_args;

static const cli_opt help_opts[] = {
    CLI_ARG("COMMAND", help_args, command, 0, NULL),
    CLI_FLAG("man", 0, help_args, man, 1, CLI_OPT_HIDDEN, NULL),
    CLI_FLAG("options", 0, help_args, options, 1, CLI_OPT_HIDDEN, NULL), CLI_END
};

static int run_help(cli_ctx *ctx, int argc, char **argv)
{
    help_args a = { NULL, 0, 0 };
    int parsed = cli_opt_parse(&cli_cmd_help, ctx, argc, argv, &a);
    if (parsed != CLI_PARSED)
        return parsed;
    if (a.man) {
        for (size_t i = 0; i < cli_ncommands; i++) {
            printf(".SS %s\n", cli_commands[i]->name);
            cli_opt_print_roff(cli_commands[i], stdout);
        }
        return CLI_OK;
    }
    const cli_command *cmd = a.command ? cli_command_find(a.command) : NULL;
    if (a.command && !cmd)
        return cli_usage_error(NULL, "unknown command '%s'", a.command);
    if (a.options)
        cli_opt_print_spec(cmd, stdout);
    else if (cmd)
        cli_opt_print_help(cmd, stdout);
    else
        cli_opt_print_global_help(stdout);
    return CLI_OK;
}

const cli_command cli_cmd_help = {
    "help", "print the help of a command: the same as COMMAND --help", help_opts,
    "Prints the help of COMMAND, the same as `jarva COMMAND --help`; without\n"
    "COMMAND, the list of commands and global options (`jarva --help`).\n"
    "\n"
    "Exit status: 0 success, 2 no such command or usage error.\n",
    run_help
};
