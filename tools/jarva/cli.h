/* cli.h: what the jarva commands share: global options, opening the database,
 * reporting errors, and the output writer (table, csv, json). The CLI parses
 * and prints; every computation is a libjarva call. */
#ifndef JARVA_CLI_H
#define JARVA_CLI_H

#include <stdint.h>
#include <stdio.h>

#include <jarva.h>

#include "cli_opt.h"

/* Exit codes: 0 success, 1 data or runtime error, 2 usage error. */
enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

typedef enum cli_format { CLI_FORMAT_TABLE, CLI_FORMAT_CSV, CLI_FORMAT_JSON } cli_format;

struct cli_ctx {
    const char *db_path;     /* --db, $JARVA_DB, ./jarva.db */
    const char *catalog_dir; /* --catalog, $JARVA_CATALOG, jarva_catalog_default_dir() */
    const char *catalog_arg; /* --catalog as given, NULL if not */
    int catalog_given;       /* by --catalog or $JARVA_CATALOG, not the default */
    int format;              /* --format: a cli_format */
    int raw_csv;             /* --raw-csv */
    int quiet;               /* --quiet */
    int version;             /* --version (before the command only) */
};

/* Every command lives in its own cmd_*.c, with its option table, and is
 * listed in main.c. */
extern const cli_command cli_cmd_init, cli_cmd_goals, cli_cmd_indicators, cli_cmd_show,
    cli_cmd_import, cli_cmd_batches, cli_cmd_estimate, cli_cmd_compute, cli_cmd_results,
    cli_cmd_trend, cli_cmd_status, cli_cmd_report, cli_cmd_mapping, cli_cmd_help;

/* Prints "jarva: <message>" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "jarva: <db's message>" and returns CLI_FAIL. */
int cli_db_error(const jarva_db *db);
/* Prints "jarva <cmd>: <message>", the command's usage line and a hint to
 * --help; returns CLI_USAGE. cmd NULL: jarva's own. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Writes size bytes to stdout; 0, or -1 with the reason kept in
 * cli_stdout_errno for main's report of the write error (the caller prints
 * nothing). */
int cli_stdout_write(const void *data, size_t size);
extern int cli_stdout_errno;

/* Opens ctx->db_path; on failure prints the reason and returns NULL. */
jarva_db *cli_open_db(const cli_ctx *ctx, unsigned flags);
/* Closes db (NULL allowed) and gives the exit code of a command that
 * failed (rc nonzero, said already) or not: CLI_FAIL or CLI_OK. */
int cli_close_db(jarva_db *db, int rc);
/* What every command that only reads does first: parses its options into
 * args (cli_opt_parse) and opens the database read-only. The handle, or NULL
 * with *rc the exit code (CLI_OK after --help, a usage error, or CLI_FAIL
 * after printing why the database did not open). */
jarva_db *cli_read_command(const cli_command *cmd, cli_ctx *ctx, int argc, char **argv, void *args,
                           int *rc);

/* A table of UTF-8 strings printed as an aligned table, CSV (RFC 4180) or a
 * JSON array of objects keyed by the column names. NULL and empty cells
 * print as empty (table, csv) or null (json). */
typedef struct cli_table cli_table;
cli_table *cli_table_new(int ncols, const char *const *headers);
/* Appends a row of ncols strings (copied). Returns 0, or -1 out of memory. */
int cli_table_add(cli_table *t, const char *const *cells);
/* Marks a column as numeric: right-aligned in tables, a JSON number (null
 * when empty). */
void cli_table_numeric(cli_table *t, int col);
/* Marks a column as a comma-separated list: as it is in tables and CSV, a
 * JSON array in json (items that read as numbers are numbers; null when
 * empty). */
void cli_table_list(cli_table *t, int col);
/* Marks a column as boolean: cells "true" or "false", JSON true, false
 * (null when empty). */
void cli_table_bool(cli_table *t, int col);
/* Types the columns by name, for tables of many columns: those in bools
 * (NULL-terminated) boolean, those in neither texts nor bools numeric. */
void cli_table_types(cli_table *t, const char *const *texts, const char *const *bools);
void cli_table_print(const cli_table *t, cli_format format, FILE *out);
/* --raw-csv: CSV cells without the apostrophe that keeps a spreadsheet from
 * running a cell as a formula (jarva_csv_write_cell). */
void cli_csv_raw(int raw);
void cli_table_free(cli_table *t);

/* The choices several commands take (cli_choices.c): their one home. */
extern cli_choice cli_ci_methods[];             /* jarva_ci_method, named by the library */
extern const cli_choice cli_lonely_psu_rules[]; /* jarva_lonely_psu */
extern const cli_choice cli_encodings[];        /* jarva_encoding */
extern const cli_choice cli_delimiters[];       /* the char */
extern const cli_choice cli_decimal_marks[];    /* the char */
/* Fills the choices whose words the library names; main() calls it first. */
void cli_choices_init(void);

/* The options of a CSV file's dialect, as import and estimate take them:
 * rows of an option table whose args struct T has int fields delimiter,
 * decimal and encoding. */
#define CLI_DIALECT_OPTS(T)                                                                        \
    CLI_CHOICE("delimiter", 0, T, delimiter, cli_delimiters, 0,                                    \
               "the field separator (default: detected)"),                                         \
        CLI_CHOICE("decimal", 0, T, decimal, cli_decimal_marks, 0,                                 \
                   "the decimal mark (default: seen in the data's numbers, else ',' for "          \
                   "';'-separated files and '.' for others)"),                                     \
        CLI_CHOICE("encoding", 0, T, encoding, cli_encodings, 0,                                   \
                   "the text encoding (default: detected)")

/* A value for people (shares in percent, 1 decimal, other values 4
 * significant digits) or for programs (as stored, with digits significant
 * digits: 17 read back as the same double). */
void cli_format_digits(char *buf, size_t size, double v, int percent, cli_format format,
                       int digits);
/* cli_format_digits() with 12 digits, as the stored estimates print. */
void cli_format_value(char *buf, size_t size, double v, int percent, cli_format format);
/* A number for csv and json (12 significant digits), or NULL (empty, null)
 * when v is not finite. */
const char *cli_number(char *buf, size_t size, double v);
/* A whole number, or NULL when not present. */
const char *cli_whole(char *buf, size_t size, long v, int present);

/* The unit of the numbers printed for ind: "proportion" for shares in csv
 * and json, "%" in a table, else the catalogue's unit (cli_common.c). */
const char *cli_value_unit(const jarva_indicator *ind, cli_format format);
/* The unit of a share as printed: "%" in a table, "proportion" in csv and
 * json. */
const char *cli_share_unit(cli_format format);
/* A confidence level (0.95) as csv, json and tables print it, or NULL (null)
 * when there is none (not in (0, 1): an exact value has no interval). */
const char *cli_level(char *buf, size_t size, double level);

/* "proportion", "mean", "count" or "rate", as indicators.csv writes it. */
const char *cli_measure_name(jarva_measure measure);

/* What status and trend share (cli_assess.c). */
/* The fewest decimals, from least, at which [lo, hi] excluding 0 prints
 * excluding 0. */
int cli_interval_decimals(double lo, double hi, int least);
/* "+2.34 (95 % CI 0.05 to 4.6)" in the indicator's units, or "+2 (exact)". */
void cli_change_text(char *buf, size_t size, const jarva_change *ch, int percent, double level);
/* Whether the change since the baseline was tested. */
int cli_change_tested(const jarva_target_status *st);
/* The id of an area given by id, name or alias (new string), or NULL. */
char *cli_area_id(jarva_db *db, const char *name);
/* The area to assess indicator in: the one named (id, name or alias), else
 * the indicator's headline area; a new string to free(). NULL after printing
 * why. */
char *cli_assess_area(jarva_db *db, const char *indicator, const char *name);
/* The interval of a stored estimate as outputs name it: the method stored
 * with it and its level; "" for either when there is none. */
typedef struct cli_interval {
    char method[32];
    char level[32];
} cli_interval;
/* The level of r's interval, or NULL when it has none: exact, or a
 * published share without n (method "none"). */
const char *cli_result_level(char *buf, size_t size, const jarva_result *r);
/* The interval of indicator's stored estimate for area (an id) as a whole in
 * year. 0 (both "" when there is no such estimate), or -1 after a database
 * error (the caller prints it: cli_db_error()). */
int cli_stored_interval(jarva_db *db, const char *indicator, const char *area, int year,
                        cli_interval *out);
/* The plan's thresholds (plan.csv) and the level asked for (0: default). */
void cli_target_options(jarva_db *db, double level, jarva_target_options *o);

/* Standard input as a private regular file, for the readers that take only
 * those (cli_stdin.c): path is set to the copy (or left as given when it is
 * not standard input); cli_stdin_release() removes the copy. 0, or -1 after
 * printing why. */
typedef struct cli_stdin_copy {
    char dir[4096];
    char path[4200];
} cli_stdin_copy;
int cli_stdin_spool(const char **path, uint64_t max_bytes, cli_stdin_copy *copy);
void cli_stdin_release(cli_stdin_copy *copy);

#endif /* JARVA_CLI_H */
