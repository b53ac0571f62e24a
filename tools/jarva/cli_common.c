/* cli_common.c: error printing, opening the database, and numbers as the
 * commands print them. */
#include <errno.h>
#include <math.h>
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

/* The library's advice speaks of its API ("open it with JARVA_DB_CREATE");
 * a person at the command line is told the command that does it. */
static const struct {
    const char *library;
    const char *cli;
} advice[] = {
    { " (open it with JARVA_DB_CREATE to create it)",
      " (create it with `jarva init`, or name another with --db)" },
    { " (open it with JARVA_DB_CREATE to make it one)", " (`jarva init` makes it one)" },
    { " (load one first)", " (load it with `jarva init`)" },
    { " (open it writable once to migrate it)", " (`jarva init` migrates it)" },
};

int cli_db_error(const jarva_db *db)
{
    const char *message = jarva_errmsg(db);
    for (size_t i = 0; i < sizeof advice / sizeof advice[0]; i++) {
        const char *at = strstr(message, advice[i].library);
        if (at && !at[strlen(advice[i].library)]) {
            cli_error("%.*s%s", (int)(at - message), message, advice[i].cli);
            return CLI_FAIL;
        }
    }
    cli_error("%s", message);
    return CLI_FAIL;
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

int cli_close_db(jarva_db *db, int rc)
{
    jarva_db_close(db);
    return rc ? CLI_FAIL : CLI_OK;
}

jarva_db *cli_read_command(const cli_command *cmd, cli_ctx *ctx, int argc, char **argv, void *args,
                           int *rc)
{
    *rc = cli_opt_parse(cmd, ctx, argc, argv, args);
    if (*rc != CLI_PARSED)
        return NULL;
    jarva_db *db = cli_open_db(ctx, JARVA_DB_READONLY);
    *rc = db ? CLI_OK : CLI_FAIL;
    return db;
}

void cli_format_digits(char *buf, size_t size, double v, int percent, cli_format format, int digits)
{
    if (format != CLI_FORMAT_TABLE)
        snprintf(buf, size, "%.*g", digits, v);
    else if (percent)
        snprintf(buf, size, "%.1f", 100 * v);
    else
        snprintf(buf, size, "%.4g", v);
}

void cli_format_value(char *buf, size_t size, double v, int percent, cli_format format)
{
    cli_format_digits(buf, size, v, percent, format, 12);
}

const char *cli_number(char *buf, size_t size, double v)
{
    if (!isfinite(v))
        return NULL;
    snprintf(buf, size, "%.12g", v);
    return buf;
}

const char *cli_whole(char *buf, size_t size, long v, int present)
{
    if (!present)
        return NULL;
    snprintf(buf, size, "%ld", v);
    return buf;
}

/* The unit of the numbers printed: in csv and json a share is a proportion
 * 0-1 whatever the catalogue calls it ("%"). */
const char *cli_value_unit(const jarva_indicator *ind, cli_format format)
{
    if (!ind)
        return NULL;
    if (ind->percent)
        return cli_share_unit(format);
    return ind->unit && *ind->unit ? ind->unit : NULL;
}

const char *cli_share_unit(cli_format format)
{
    return format == CLI_FORMAT_TABLE ? "%" : "proportion";
}

const char *cli_level(char *buf, size_t size, double level)
{
    return level > 0 && level < 1 ? cli_number(buf, size, level) : NULL;
}

int cli_stdout_errno;

int cli_stdout_write(const void *data, size_t size)
{
    errno = 0;
    if (fwrite(data, 1, size, stdout) == size)
        return 0;
    if (!cli_stdout_errno)
        cli_stdout_errno = errno ? errno : EIO;
    return -1;
}

const char *cli_measure_name(jarva_measure measure)
{
    static const char *const names[] = { "proportion", "mean", "count", "rate" };
    return (unsigned)measure < sizeof names / sizeof names[0] ? names[measure] : "";
}
