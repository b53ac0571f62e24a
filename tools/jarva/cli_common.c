/* cli_common.c: error printing, the options every command shares, opening the
 * database. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("jarva: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_db_error(const jarva_db *db)
{
    cli_error("%s", jarva_errmsg(db));
    return CLI_FAIL;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "jarva%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    fprintf(stderr, "Try 'jarva %s%s--help'.\n", cmd ? cmd : "", cmd ? " " : "");
    return CLI_USAGE;
}

int cli_parse_format(const char *value, cli_format *out)
{
    if (!strcmp(value, "table"))
        *out = CLI_FORMAT_TABLE;
    else if (!strcmp(value, "csv"))
        *out = CLI_FORMAT_CSV;
    else if (!strcmp(value, "json"))
        *out = CLI_FORMAT_JSON;
    else
        return -1;
    return 0;
}

/* Accepts "--name VALUE" and "--name=VALUE"; returns the value or NULL. */
static const char *option_value(const char *name, int argc, char **argv, int *i, int *matched)
{
    size_t len = strlen(name);
    *matched = 0;
    if (strncmp(argv[*i], name, len) != 0)
        return NULL;
    if (argv[*i][len] == '=') {
        *matched = 1;
        return argv[*i] + len + 1;
    }
    if (argv[*i][len] != '\0')
        return NULL;
    *matched = 1;
    if (*i + 1 >= argc)
        return NULL;
    return argv[++*i];
}

int cli_common_option(cli_ctx *ctx, const char *cmd, int argc, char **argv, int *i, int *help)
{
    const char *arg = argv[*i];
    if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
        *help = 1;
        return 1;
    }
    if (!strcmp(arg, "--raw-csv")) {
        cli_csv_raw(1);
        return 1;
    }
    if (!strcmp(arg, "-q") || !strcmp(arg, "--quiet")) {
        ctx->quiet = 1;
        return 1;
    }
    static const char *const names[] = { "--db", "--catalog", "--format" };
    for (size_t n = 0; n < sizeof names / sizeof names[0]; n++) {
        int matched;
        const char *value = option_value(names[n], argc, argv, i, &matched);
        if (!matched)
            continue;
        if (!value || !*value) {
            cli_usage_error(cmd, "option '%s' needs a value", names[n]);
            return -1;
        }
        if (n == 0)
            ctx->db_path = value;
        else if (n == 1)
            ctx->catalog_dir = value, ctx->catalog_given = 1;
        else if (cli_parse_format(value, &ctx->format) != 0) {
            cli_usage_error(cmd, "unknown format '%s' (table, csv or json)", value);
            return -1;
        }
        return 1;
    }
    return 0;
}

int cli_shared_arg(cli_ctx *ctx, const char *cmd, const char *usage, int argc, char **argv, int *i,
                   int *exit_code)
{
    int help = 0;
    int taken = cli_common_option(ctx, cmd, argc, argv, i, &help);
    if (taken < 0) {
        *exit_code = CLI_USAGE;
        return -1;
    }
    if (help) {
        fputs(usage, stdout);
        *exit_code = CLI_OK;
        return -1;
    }
    return taken;
}

jarva_db *cli_open_db(const cli_ctx *ctx, unsigned flags)
{
    jarva_db *db = NULL;
    if (jarva_db_open(&db, ctx->db_path, flags) != JARVA_OK) {
        cli_db_error(db);
        jarva_db_close(db);
        return NULL;
    }
    return db;
}
