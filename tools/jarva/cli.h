/* cli.h: what the jarva commands share: global options, opening the database,
 * reporting errors, and the output writer (table, csv, json). The CLI parses
 * and prints; every computation is a libjarva call. */
#ifndef JARVA_CLI_H
#define JARVA_CLI_H

#include <stdio.h>

#include <jarva.h>

/* Exit codes: 0 success, 1 data or runtime error, 2 usage error. */
enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

typedef enum cli_format { CLI_FORMAT_TABLE, CLI_FORMAT_CSV, CLI_FORMAT_JSON } cli_format;

typedef struct cli_ctx {
    const char *db_path;     /* --db, $JARVA_DB, ./jarva.db */
    const char *catalog_dir; /* --catalog, $JARVA_CATALOG, jarva_catalog_default_dir() */
    int catalog_given;       /* by --catalog or $JARVA_CATALOG, not the default */
    cli_format format;       /* --format */
    int quiet;               /* --quiet */
} cli_ctx;

typedef struct cli_command {
    const char *name;
    const char *summary;
    int (*run)(cli_ctx *ctx, int argc, char **argv); /* argv[0] is the command name */
} cli_command;

/* Every command lives in its own cmd_*.c and is listed in main.c. */
int cmd_init(cli_ctx *ctx, int argc, char **argv);
int cmd_goals(cli_ctx *ctx, int argc, char **argv);
int cmd_indicators(cli_ctx *ctx, int argc, char **argv);
int cmd_show(cli_ctx *ctx, int argc, char **argv);
int cmd_import(cli_ctx *ctx, int argc, char **argv);
int cmd_batches(cli_ctx *ctx, int argc, char **argv);
int cmd_estimate(cli_ctx *ctx, int argc, char **argv);
int cmd_compute(cli_ctx *ctx, int argc, char **argv);
int cmd_results(cli_ctx *ctx, int argc, char **argv);
int cmd_trend(cli_ctx *ctx, int argc, char **argv);
int cmd_status(cli_ctx *ctx, int argc, char **argv);
int cmd_report(cli_ctx *ctx, int argc, char **argv);
int cmd_mapping(cli_ctx *ctx, int argc, char **argv);
int cmd_help(cli_ctx *ctx, int argc, char **argv);

/* Prints "jarva: <message>" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "jarva: <db's message>" and returns CLI_FAIL. */
int cli_db_error(const jarva_db *db);
/* Prints "jarva <cmd>: <message>" and a hint to --help; returns CLI_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parses a --format value; 0 on success, -1 if unknown. */
int cli_parse_format(const char *value, cli_format *out);

/* Options every command accepts after its name too: --db, --catalog, --format,
 * --quiet, --help. Returns 1 if argv[*i] was one of them (and consumed its
 * value), 0 if not, -1 on a usage error (already reported). *help is set by
 * --help / -h. */
int cli_common_option(cli_ctx *ctx, const char *cmd, int argc, char **argv, int *i, int *help);

/* One argument of a command's loop, for the options every command shares:
 * 1 if argv[*i] was one of them (go on), 0 if the command must look at it,
 * -1 if the command must return *exit_code now (CLI_OK after printing usage
 * for --help, CLI_USAGE after a usage error). */
int cli_shared_arg(cli_ctx *ctx, const char *cmd, const char *usage, int argc, char **argv, int *i,
                   int *exit_code);

/* Opens ctx->db_path; on failure prints the reason and returns NULL. */
jarva_db *cli_open_db(const cli_ctx *ctx, unsigned flags);

/* A table of UTF-8 strings printed as an aligned table, CSV (RFC 4180) or a
 * JSON array of objects keyed by the column names. NULL cells print as empty
 * (table, csv) or null (json). */
typedef struct cli_table cli_table;
cli_table *cli_table_new(int ncols, const char *const *headers);
/* Appends a row of ncols strings (copied). Returns 0, or -1 out of memory. */
int cli_table_add(cli_table *t, const char *const *cells);
/* Marks a column as numeric: right-aligned in tables, unquoted in JSON. */
void cli_table_numeric(cli_table *t, int col);
void cli_table_print(const cli_table *t, cli_format format, FILE *out);
/* --raw-csv: CSV cells without the apostrophe that keeps a spreadsheet from
 * running a cell as a formula (jarva_csv_write_cell). */
void cli_csv_raw(int raw);
void cli_table_free(cli_table *t);

/* Shared by the result commands (cmd_results.c, cmd_status.c). */
typedef struct query_args {
    const char *indicator;
    const char *area;
    int year;
    int domains;
    int areas;    /* --areas: every area with estimates */
    double level; /* --level, 0: the default 0.95 */
    const char *positional;
} query_args;
/* Parses --indicator, --year, --area, --areas, --domains, --level and one
 * positional word; -1 after a usage error, *done after --help. */
int cli_parse_query(cli_ctx *ctx, const char *cmd, const char *usage, int argc, char **argv,
                    query_args *q, int *done);
/* A value for people (shares in percent, 1 decimal) or for programs (as
 * stored, 12 significant digits). */
void cli_format_value(char *buf, size_t size, double v, int percent, cli_format format);
/* "fail", "adjust", ... to the rule; -1 if unknown. */
int cli_parse_lonely_psu(const char *s, jarva_lonely_psu *out);

#endif /* JARVA_CLI_H */
