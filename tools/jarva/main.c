/* main.c: the jarva command line: global options, then one command.
 * Exit codes: 0 success, 1 data or runtime error, 2 usage error. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const cli_command commands[] = {
    { "init", "create or update the database and load the plan's catalogue", cmd_init },
    { "goals", "list the plan's overall and communication goals", cmd_goals },
    { "indicators", "list the indicators, optionally of one goal", cmd_indicators },
    { "show", "show one goal or indicator in full", cmd_show },
    { "import", "import a survey, table (CSV or .px), staff survey or activity log file",
      cmd_import },
    { "batches", "list import batches, or remove one (batches rm ID)", cmd_batches },
    { "estimate", "estimate a share from a survey CSV file, without a database", cmd_estimate },
    { "compute", "compute every indicator's estimates from the imported data", cmd_compute },
    { "results", "print estimates with confidence intervals", cmd_results },
    { "trend", "print an indicator's series, trend and change", cmd_trend },
    { "status", "print every indicator's status against its target", cmd_status },
#ifdef JARVA_HAVE_REPORT
    { "report", "write the yearly effect report as a PDF", cmd_report },
#endif
    { "mapping", "draft a column mapping from a file's columns (mapping draft FILE)", cmd_mapping },
    { "help", "print the help of a command: the same as COMMAND --help", cmd_help },
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void print_help(FILE *out)
{
    fprintf(out,
            "Usage: jarva [--db PATH] [--catalog DIR] [--format table|csv|json] COMMAND [ARGS]\n"
            "\n"
            "Measurable goals and effect reports for the communication plan of the\n"
            "Järva collaboration agreement.\n"
            "\n"
            "Commands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n"
                 "Options:\n"
                 "  --db PATH        the project database (default $JARVA_DB, else ./jarva.db)\n"
                 "  --catalog DIR    the plan's catalogue (default $JARVA_CATALOG, else the\n"
                 "                   installed or source indicators/)\n"
                 "  --format FORMAT  output as table (default), csv or json\n"
                 "  --raw-csv        CSV cells as they are: no ' before a cell starting with\n"
                 "                   = + - @ (for programs, not for spreadsheets)\n"
                 "  -q, --quiet      no progress or informational messages\n"
                 "  -h, --help       this help; `jarva COMMAND --help` for a command's\n"
                 "  --version        print the version\n"
                 "\n"
                 "Exit status: 0 success, 1 data or runtime error, 2 usage error.\n");
}

/* What a command printed must have reached stdout: `jarva status >/dev/full`
 * is a failure (exit 1), not a silent loss. A reader that went away (EPIPE,
 * `jarva results | head`) is not worth a message. */
static int flushed(int rc)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return rc;
    if (errno != EPIPE)
        cli_error("stdout: write error: %s", strerror(errno));
    return rc ? rc : CLI_FAIL;
}

int main(int argc, char **argv)
{
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

    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "--version")) {
            printf("jarva %s\n", jarva_version_string());
            return CLI_OK;
        }
        int help = 0;
        int taken = cli_common_option(&ctx, NULL, argc, argv, &i, &help);
        if (taken < 0)
            return CLI_USAGE;
        if (help) {
            print_help(stdout);
            return CLI_OK;
        }
        if (!taken) {
            cli_error("unknown option '%s'", argv[i]);
            fprintf(stderr, "Try 'jarva --help'.\n");
            return CLI_USAGE;
        }
    }
    if (i >= argc) {
        print_help(stderr);
        return CLI_USAGE;
    }
    for (size_t c = 0; c < NCOMMANDS; c++)
        if (!strcmp(argv[i], commands[c].name))
            return flushed(commands[c].run(&ctx, argc - i, argv + i));
    cli_error("unknown command '%s'", argv[i]);
    fprintf(stderr, "Try 'jarva --help'.\n");
    return CLI_USAGE;
}
