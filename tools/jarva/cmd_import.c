/* cmd_import.c: `jarva import survey|table|staff|activities FILE`: options in,
 * a progress bar on a terminal, the outcome or the list of errors out. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

typedef struct progress_state {
    time_t start;
    int shown;
} progress_state;

static void show_progress(void *ctx, uint64_t done, uint64_t total, uint64_t rows)
{
    progress_state *p = ctx;
    double elapsed = difftime(time(NULL), p->start);
    double rate = elapsed > 0 ? (double)rows / elapsed : 0;
    int width = 30;
    int filled = total ? (int)((double)done / (double)total * width) : 0;
    if (filled > width)
        filled = width;
    fprintf(stderr, "\r[%.*s%*s] %3d%%  %llu rows  %.0f rows/s ", filled,
            "##############################", width - filled, "",
            total ? (int)(100.0 * (double)done / (double)total) : 0, (unsigned long long)rows,
            rate);
    fflush(stderr);
    p->shown = 1;
}

/* "500M", "2G", "1048576": bytes (binary units). 0, or -1. */
static int parse_size(const char *s, uint64_t *out)
{
    char *end;
    if (*s < '0' || *s > '9')
        return -1;
    unsigned long long n = strtoull(s, &end, 10);
    unsigned shift = 0;
    if (*end == 'k' || *end == 'K')
        shift = 10;
    else if (*end == 'M' || *end == 'm')
        shift = 20;
    else if (*end == 'G' || *end == 'g')
        shift = 30;
    else if (*end == 'T' || *end == 't')
        shift = 40;
    if (shift)
        end++;
    if (*end || n == 0 || n > (UINT64_MAX >> shift))
        return -1;
    *out = (uint64_t)n << shift;
    return 0;
}

static int parse_max_size(const char *text, void *target, const void *extra)
{
    (void)extra;
    return parse_size(text, target);
}

static int parse_header_row(const char *text, void *target, const void *extra)
{
    (void)extra;
    char *end;
    long n = strtol(text, &end, 10);
    if (end == text || *end || n < 1 || n > 1000000)
        return -1;
    *(long *)target = n;
    return 0;
}

static int parse_weight_factor(const char *text, void *target, const void *extra)
{
    (void)extra;
    char *end;
    double f = strtod(text, &end);
    if (end == text || *end || !(f > 1) || f > 1e300)
        return -1;
    *(double *)target = f;
    return 0;
}

static const cli_type size_type = { parse_max_size, "a size (500M, 4G)" };
static const cli_type header_row_type = { parse_header_row, "a line number" };
static const cli_type weight_factor_type = { parse_weight_factor, "a number above 1" };

static const cli_choice kinds[] = {
    { "survey", JARVA_IMPORT_SURVEY, 0 },       { "table", JARVA_IMPORT_TABLE, 0 },
    { "staff", JARVA_IMPORT_STAFF, 0 },         { "activities", JARVA_IMPORT_ACTIVITIES, 0 },
    { "activity", JARVA_IMPORT_ACTIVITIES, 1 }, { NULL, 0, 0 }
};

typedef struct import_args {
    int kind;
    const char *file;
    const char *source;
    int year;
    int delimiter;
    int encoding;
    int decimal;
    const char *sheet;
    int share_in_percent;
    long header_row;
    uint64_t max_bytes;
    double weight_factor;
    int accept_extreme_weights;
    int dry_run;
    int replace;
} import_args;

static const cli_opt import_opts[] = {
    CLI_ARG_CHOICE("KIND", import_args, kind, kinds, CLI_OPT_REQUIRED,
                   "survey (residents' survey microdata, one row per respondent), table "
                   "(published tables: survey, year, area, measure, share or count, n; or a "
                   "PC-Axis .px file or PxWeb's wide CSV, read through the table mapping "
                   "CATALOG/sources/ID.csv of --source ID), staff (staff survey microdata) or "
                   "activities (dated activity records)"),
    CLI_ARG("FILE", import_args, file, CLI_OPT_REQUIRED,
            "the file; '-' or /dev/stdin: standard input, saved to a private temporary file "
            "first (recorded as 'stdin')"),
    CLI_VALUE("source", 0, "ID", import_args, source, NULL, 0,
              "the survey or log (default jarva-trygghet, jarva-personalenkat, "
              "jarva-aktivitetslogg); columns are mapped by CATALOG/sources/ID.csv as `jarva "
              "init` stored it"),
    CLI_VALUE("year", 0, "YEAR", import_args, year, &cli_type_year, 0,
              "the wave's year when the file has no year column"),
    CLI_VALUE("sheet", 0, "NAME", import_args, sheet, NULL, 0,
              "the sheet of an .xlsx workbook (default: the first)"),
    CLI_FLAG("percent", 0, import_args, share_in_percent, 1, 0,
             "table shares are percentages (default unless the column name says proportion)"),
    CLI_FLAG("proportion", 0, import_args, share_in_percent, 0, CLI_OPT_OR,
             "table shares are proportions 0-1"),
    CLI_VALUE("header-row", 0, "N", import_args, header_row, &header_row_type, 0,
              "the header is on line N; the lines above it (a title, notes) are skipped "
              "(default: detected)"),
    CLI_VALUE("max-size", 0, "SIZE", import_args, max_bytes, &size_type, 0,
              "refuse a larger file unread (default 2G; suffixes k, M, G, T)"),
    CLI_VALUE("weight-factor", 0, "F", import_args, weight_factor, &weight_factor_type, 0,
              "a weight more than F times the file's median weight, or less than 1/F of it, "
              "is an error (default 1000)"),
    CLI_FLAG("accept-extreme-weights", 0, import_args, accept_extreme_weights, 1, 0,
             "import such weights (the summary counts them)"),
    CLI_FLAG("dry-run", 0, import_args, dry_run, 1, 0, "validate and report, write nothing"),
    CLI_FLAG("replace", 0, import_args, replace, 1, 0,
             "replace the wave's earlier file (survey, staff)"),
    CLI_DIALECT_OPTS(import_args),
    CLI_END
};

/* The options as the library takes them. */
static void import_options(const import_args *a, jarva_import_options *opts)
{
    opts->kind = (jarva_import_kind)a->kind;
    opts->source = a->source;
    opts->year = a->year;
    opts->delimiter = (char)a->delimiter;
    opts->encoding = (jarva_encoding)a->encoding;
    opts->decimal = (char)a->decimal;
    opts->sheet = a->sheet;
    opts->share_in_percent = a->share_in_percent;
    opts->header_row = a->header_row;
    opts->max_bytes = a->max_bytes;
    opts->weight_factor = a->weight_factor;
    opts->accept_extreme_weights = a->accept_extreme_weights;
    opts->dry_run = a->dry_run;
    opts->replace = a->replace;
}

/* --format csv or json: what the import did, on standard output for
 * scripts (the sentences for people stay on standard error). Empty cells
 * (null in JSON) where a field does not apply. */
static int print_result(const jarva_import_result *res, const char *file, cli_format format)
{
    static const char *const headers[] = {
        "file",          "outcome",       "batch",         "replaced",     "rows",
        "year",          "sha256",        "unlinked_rows", "weight_ratio", "extreme_weights",
        "lonely_strata", "lonely_stratum"
    };
    static const char *const outcomes[] = { "imported", "replaced", "unchanged", "validated" };
    enum { NCOLS = sizeof headers / sizeof headers[0] };
    char batch[24] = "", replaced[24] = "", rows[24], year[16] = "", unlinked[24], ratio[32] = "",
         extreme[24], lonely[24];
    if (res->outcome != JARVA_VALIDATED)
        snprintf(batch, sizeof batch, "%lld", (long long)res->batch_id);
    if (res->outcome == JARVA_REPLACED)
        snprintf(replaced, sizeof replaced, "%lld", (long long)res->replaced_id);
    snprintf(rows, sizeof rows, "%lld", (long long)res->rows);
    if (res->year)
        snprintf(year, sizeof year, "%d", res->year);
    snprintf(unlinked, sizeof unlinked, "%lld", (long long)res->unlinked);
    if (res->weight_ratio > 0)
        snprintf(ratio, sizeof ratio, "%.17g", res->weight_ratio);
    snprintf(extreme, sizeof extreme, "%lld", (long long)res->extreme_weights);
    snprintf(lonely, sizeof lonely, "%lld", (long long)res->lonely_strata);
    unsigned outcome = (unsigned)res->outcome;
    const char *row[NCOLS] = { file,        outcome < 4 ? outcomes[outcome] : "",
                               batch,       replaced,
                               rows,        year,
                               res->sha256, unlinked,
                               ratio,       extreme,
                               lonely,      res->lonely_strata ? res->lonely_stratum : "" };
    cli_table *t = cli_table_new(NCOLS, headers);
    if (!t || cli_table_add(t, row) != 0) {
        cli_table_free(t);
        cli_error("out of memory");
        return -1;
    }
    for (int c = 2; c < NCOLS - 1; c++)
        if (c != 6)
            cli_table_numeric(t, c);
    cli_table_print(t, format, stdout);
    cli_table_free(t);
    return 0;
}

static int run_import(cli_ctx *ctx, int argc, char **argv)
{
    jarva_import_options opts = JARVA_IMPORT_OPTIONS_INIT;
    import_args a = { 0 };
    a.kind = (int)opts.kind;
    a.encoding = (int)opts.encoding;
    a.share_in_percent = opts.share_in_percent;
    a.weight_factor = opts.weight_factor;
    int parsed = cli_opt_parse(&cli_cmd_import, ctx, argc, argv, &a);
    if (parsed != CLI_PARSED)
        return parsed;
    import_options(&a, &opts);
    const char *file = a.file;
    /* The mappings init stored, unless a catalogue is given for this import. */
    opts.catalog_dir = ctx->catalog_given ? ctx->catalog_dir : NULL;
    progress_state progress = { time(NULL), 0 };
    if (!ctx->quiet && isatty(STDERR_FILENO)) {
        opts.progress = show_progress;
        opts.progress_ctx = &progress;
    }

    /* Standard input (`cat f.csv | jarva import survey -` or /dev/stdin). */
    cli_stdin_copy copy;
    if (cli_stdin_spool(&file, opts.max_bytes, &copy) != 0)
        return CLI_FAIL;
    jarva_db *db = cli_open_db(ctx, 0);
    if (!db) {
        cli_stdin_release(&copy);
        return CLI_FAIL;
    }
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
    int rc = jarva_import_file(&res, db, file, &opts);
    /* Messages name what the user gave; a copy of standard input is gone. */
    if (copy.path[0] || !strcmp(a.file, "-"))
        file = "stdin";
    cli_stdin_release(&copy);
    if (progress.shown)
        fputc('\n', stderr);
    if (rc != JARVA_OK) {
        cli_db_error(db);
        jarva_db_close(db);
        return CLI_FAIL;
    }
    if (ctx->format != CLI_FORMAT_TABLE && print_result(&res, file, (cli_format)ctx->format)) {
        jarva_db_close(db);
        return CLI_FAIL;
    }
    if (!ctx->quiet) {
        switch (res.outcome) {
        case JARVA_UNCHANGED:
            fprintf(stderr, "jarva: %s: already imported as batch %lld (same SHA-256), skipped\n",
                    file, (long long)res.batch_id);
            break;
        case JARVA_VALIDATED:
            fprintf(stderr, "jarva: %s: %lld rows valid (dry run, nothing written)\n", file,
                    (long long)res.rows);
            break;
        case JARVA_REPLACED:
            fprintf(stderr, "jarva: %s: %lld rows imported as batch %lld, replacing batch %lld\n",
                    file, (long long)res.rows, (long long)res.batch_id, (long long)res.replaced_id);
            break;
        default:
            fprintf(stderr, "jarva: %s: %lld rows imported as batch %lld\n", file,
                    (long long)res.rows, (long long)res.batch_id);
        }
        if (res.unlinked)
            fprintf(stderr, "jarva: %lld rows measure nothing in the catalogue (kept, unused)\n",
                    (long long)res.unlinked);
        if (res.weight_ratio > 0)
            fprintf(stderr,
                    res.weight_ratio < 100
                        ? "jarva: weights: the largest is %.2f times the smallest\n"
                    : res.weight_ratio < 1e9
                        ? "jarva: weights: the largest is %.0f times the smallest\n"
                        : "jarva: weights: the largest is %.3g times the smallest\n",
                    res.weight_ratio);
    }
    /* Said even with --quiet: both are about what the data will give. */
    if (res.extreme_weights && opts.accept_extreme_weights)
        fprintf(stderr,
                "jarva: warning: %lld weights are more than %g times from the file's median "
                "weight, imported as asked (--accept-extreme-weights)\n",
                (long long)res.extreme_weights, opts.weight_factor ? opts.weight_factor : 1000.0);
    if (res.lonely_strata)
        fprintf(stderr,
                "jarva: warning: %lld %s a single respondent (%s'%s'): its variance is "
                "undefined, so jarva compute needs a rule for it: --lonely-psu adjust (or "
                "remove, certainty, average), or a lonely_psu row in the source's mapping\n",
                (long long)res.lonely_strata,
                res.lonely_strata == 1 ? "stratum has" : "strata have",
                res.lonely_strata == 1 ? "" : "the first: ", res.lonely_stratum);
    jarva_db_close(db);
    return CLI_OK;
}

const cli_command cli_cmd_import = {
    "import", "import a survey, table (CSV or .px), staff survey or activity log file", import_opts,
    "Imports a CSV export, an Excel workbook (.xlsx) or an SPSS, Stata or SAS file\n"
    "(.sav .zsav .por .dta .sas7bdat) into the database as one batch, all or\n"
    "nothing. Only regular files are read: a pipe, a device or a folder is\n"
    "refused, except standard input. A file imported before (same SHA-256) is\n"
    "skipped. Errors name file, line and column; the first 20 are shown with a\n"
    "count of the rest, and nothing is written. With --format csv or json it\n"
    "prints what it did on standard output: file, outcome (imported, replaced,\n"
    "unchanged, validated), batch, replaced, rows, year, sha256,\n"
    "unlinked_rows, weight_ratio, extreme_weights, lonely_strata,\n"
    "lonely_stratum.\n",
    run_import
};
