/* cli_common.c: error printing, opening the database, and numbers as the
 * commands print them. */
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

int cli_db_error(const jarva_db *db)
{
    cli_error("%s", jarva_errmsg(db));
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

void cli_format_value(char *buf, size_t size, double v, int percent, cli_format format)
{
    if (format != CLI_FORMAT_TABLE)
        snprintf(buf, size, "%.12g", v);
    else if (percent)
        snprintf(buf, size, "%.1f", 100 * v);
    else
        snprintf(buf, size, "%.4g", v);
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
        return format == CLI_FORMAT_TABLE ? "%" : "proportion";
    return ind->unit && *ind->unit ? ind->unit : NULL;
}
