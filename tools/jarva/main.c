/* main.c: the jarva command line: global options, then one command.
 * Exit codes: 0 success, 1 data or runtime error, 2 usage error. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const cli_command *const cli_commands[] = {
    &cli_cmd_init,    &cli_cmd_goals,   &cli_cmd_indicators, &cli_cmd_show,
    &cli_cmd_import,  &cli_cmd_batches, &cli_cmd_estimate,   &cli_cmd_compute,
    &cli_cmd_results, &cli_cmd_trend,   &cli_cmd_status,
#ifdef JARVA_HAVE_REPORT
    &cli_cmd_report,
#endif
    &cli_cmd_mapping, &cli_cmd_help,
};
const size_t cli_ncommands = sizeof cli_commands / sizeof cli_commands[0];

/* What a command printed must have reached stdout: `jarva status >/dev/full`
 * is a failure (exit 1), not a silent loss; fclose() is where a buffered
 * write fails last. A reader that went away (EPIPE, `jarva results | head`)
 * is not worth a message. */
static int flushed(int rc)
{
    int failed = fflush(stdout) != 0 || ferror(stdout);
    /* A write that failed earlier (cli_stdout_write) left its reason; errno
     * itself may since have been changed by closing the database. */
    int saved = cli_stdout_errno ? cli_stdout_errno : errno;
    if (fclose(stdout) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    if (!failed)
        return rc;
    if (saved != EPIPE)
        cli_error("write error: %s", strerror(saved ? saved : EIO));
    return rc ? rc : CLI_FAIL;
}

int main(int argc, char **argv)
{
    cli_choices_init();
    cli_ctx ctx = { 0 };
    ctx.db_path = getenv("JARVA_DB");
    if (!ctx.db_path || !*ctx.db_path)
        ctx.db_path = "jarva.db";
    ctx.catalog_dir = getenv("JARVA_CATALOG");
    ctx.catalog_given = ctx.catalog_dir && *ctx.catalog_dir;
    if (!ctx.catalog_given)
        ctx.catalog_dir = jarva_catalog_default_dir();
    ctx.format = CLI_FORMAT_TABLE;

    if (jarva_version_number() != JARVA_VERSION_NUMBER) {
        cli_error("built with libjarva %s but running with %s", JARVA_VERSION_STRING,
                  jarva_version_string());
        return CLI_FAIL;
    }

    int i = cli_opt_parse_global(&ctx, argc, argv);
    if (i < 0)
        return flushed(-i - 1);
    if (ctx.version) {
        printf("jarva %s\n", jarva_version_string());
        return flushed(CLI_OK);
    }
    if (i >= argc) {
        cli_opt_print_global_help(stderr);
        return CLI_USAGE;
    }
    const cli_command *cmd = cli_command_find(argv[i]);
    if (!cmd)
        return cli_usage_error(NULL, "unknown command '%s'", argv[i]);
    return flushed(cmd->run(&ctx, argc - i, argv + i));
}
