/* cmd_estimate.c: `jarva estimate FILE.csv`: an ad-hoc share with its design-based
 * interval straight from a survey CSV file, no database (jarva_adhoc_estimate).
 * Suppressed rows print n and df but no estimate, se, interval or n_eff. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct estimate_args {
    const char *file;
    const char *variable;
    const char *positive;
    const char *valid;
    const char *by_text;
    const char *weight;
    const char *stratum;
    int method;
    double level;
    unsigned min_n;
    unsigned min_cell;
    int lonely_psu;
    int delimiter;
    int decimal;
    int encoding;
} estimate_args;

static const cli_opt estimate_opts[] = {
    CLI_ARG("FILE.csv", estimate_args, file, CLI_OPT_REQUIRED,
            "the survey file ('-': standard input)"),
    CLI_VALUE("var", 0, "COL", estimate_args, variable, NULL, CLI_OPT_REQUIRED,
              "the question's column"),
    CLI_VALUE("positive", 0, "CODES", estimate_args, positive, NULL, CLI_OPT_REQUIRED,
              "answer codes counted as positive, e.g. 4,5"),
    CLI_VALUE("valid", 0, "CODES", estimate_args, valid, NULL, 0,
              "answer codes that count as an answer (default: every non-empty one); others, "
              "e.g. 9 = don't know, are missing"),
    CLI_VALUE("by", 0, "COL[,COL...]", estimate_args, by_text, NULL, 0,
              "one row per combination of these columns' values; rows with an empty value "
              "belong to none. Sorted by value: numerically if all of a column's values are "
              "numbers, else by text"),
    CLI_VALUE("weight", 0, "COL", estimate_args, weight, NULL, 0,
              "design weights (default: all 1)"),
    CLI_VALUE("strata", 0, "COL", estimate_args, stratum, NULL, 0, "strata (default: none)"),
    CLI_CHOICE("method", 0, estimate_args, method, cli_ci_methods, 0,
               "the interval (default logit)"),
    CLI_VALUE("level", 0, "L", estimate_args, level, &cli_type_level, 0,
              "the confidence level (default 0.95)"),
    CLI_VALUE("min-n", 0, "N", estimate_args, min_n, &cli_type_count, 0,
              "suppress with fewer valid answers than N (default 30)"),
    CLI_VALUE("min-cell", 0, "N", estimate_args, min_cell, &cli_type_count, 0,
              "suppress with fewer than N positive or non-positive answers (default 3)"),
    CLI_CHOICE("lonely-psu", 0, estimate_args, lonely_psu, cli_lonely_psu_rules, 0,
               "a stratum of one respondent, as R's options(survey.lonely.psu) (default fail)"),
    CLI_DIALECT_OPTS(estimate_args),
    CLI_END
};

/* Splits "a,b" into by[], in place; returns the count or -1 (an empty name). */
static int split_by(char *list, const char **by, int max)
{
    int n = 0;
    for (char *p = list;; n++) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        if (!*p || n == max)
            return -1;
        by[n] = p;
        if (!comma)
            return n + 1;
        p = comma + 1;
    }
}

/* The options as the library takes them; by points into by_list (freed by
 * the caller). 0, or a usage error's exit code. */
static int adhoc_options(const estimate_args *a, jarva_adhoc_options *o, char **by_list,
                         const char **by)
{
    o->variable = a->variable;
    o->positive = a->positive;
    o->valid = a->valid;
    o->weight = a->weight;
    o->stratum = a->stratum;
    o->estimate.method = (jarva_ci_method)a->method;
    o->estimate.level = a->level;
    o->estimate.min_n = a->min_n;
    o->estimate.min_cell = a->min_cell;
    o->estimate.lonely_psu = (jarva_lonely_psu)a->lonely_psu;
    o->delimiter = (char)a->delimiter;
    o->decimal = (char)a->decimal;
    o->encoding = (jarva_encoding)a->encoding;
    if (!a->by_text)
        return 0;
    *by_list = strdup(a->by_text);
    if (!*by_list) {
        cli_error("out of memory");
        return CLI_FAIL;
    }
    int n = split_by(*by_list, by, 64);
    if (n < 0)
        return cli_usage_error("estimate", "--by '%s' is not a list of column names", a->by_text);
    o->by = by;
    o->by_count = (size_t)n;
    return 0;
}

/* Shares for programs: 17 significant digits read back as the same double. */
static void format_number(char *buf, size_t size, double v, int percent, cli_format format)
{
    if (format != CLI_FORMAT_TABLE)
        snprintf(buf, size, "%.17g", v);
    else if (percent)
        snprintf(buf, size, "%.1f", 100 * v);
    else
        snprintf(buf, size, "%.1f", v);
}

static void print_result(const jarva_adhoc_result *r, cli_format format)
{
    static const char *const stats[] = { "n",       "estimate", "se",    "ci_low",
                                         "ci_high", "df",       "n_eff", "suppressed" };
    size_t nby = jarva_adhoc_result_by_count(r);
    int ncols = (int)nby + 8;
    const char *headers[64 + 8];
    const char *cells[64 + 8];
    for (size_t c = 0; c < nby; c++)
        headers[c] = jarva_adhoc_result_by_name(r, c);
    for (int k = 0; k < 8; k++)
        headers[nby + (size_t)k] = stats[k];
    cli_table *t = cli_table_new(ncols, headers);
    if (!t)
        return;
    for (int k = 0; k < 7; k++)
        cli_table_numeric(t, (int)nby + k);
    cli_table_bool(t, (int)nby + 7);
    for (size_t row = 0; row < jarva_adhoc_result_count(r); row++) {
        const jarva_estimate *e = jarva_adhoc_result_get(r, row);
        char text[8][40];
        const char **stat = cells + nby;
        for (size_t c = 0; c < nby; c++)
            cells[c] = jarva_adhoc_result_value(r, row, c);
        snprintf(text[0], sizeof text[0], "%zu", e->n);
        snprintf(text[5], sizeof text[5], "%.17g", e->df);
        snprintf(text[7], sizeof text[7], "%s", e->suppressed ? "true" : "false");
        format_number(text[1], sizeof text[1], e->estimate, 1, format);
        format_number(text[2], sizeof text[2], e->se, 1, format);
        format_number(text[3], sizeof text[3], e->ci_low, 1, format);
        format_number(text[4], sizeof text[4], e->ci_high, 1, format);
        format_number(text[6], sizeof text[6], e->n_eff, 0, format);
        for (int k = 0; k < 8; k++)
            stat[k] = text[k];
        if (e->suppressed)
            stat[1] = stat[2] = stat[3] = stat[4] = stat[6] = NULL;
        else if (e->flags & JARVA_EST_NO_CI)
            stat[3] = stat[4] = NULL;
        cli_table_add(t, cells);
    }
    cli_table_print(t, format, stdout);
    cli_table_free(t);
}

static int run_estimate(cli_ctx *ctx, int argc, char **argv)
{
    jarva_adhoc_options opts = JARVA_ADHOC_OPTIONS_INIT;
    estimate_args a = { 0 };
    a.method = (int)opts.estimate.method;
    a.level = opts.estimate.level;
    a.min_n = opts.estimate.min_n;
    a.min_cell = opts.estimate.min_cell;
    a.lonely_psu = (int)opts.estimate.lonely_psu;
    a.encoding = (int)opts.encoding;
    int rc = cli_opt_parse(&cli_cmd_estimate, ctx, argc, argv, &a);
    if (rc != CLI_PARSED)
        return rc;
    char *by_list = NULL;
    const char *by[64];
    rc = adhoc_options(&a, &opts, &by_list, by);
    /* Standard input ('-'): saved to a private file, as import does. */
    cli_stdin_copy copy = { "", "" };
    const char *file = a.file;
    if (!rc && cli_stdin_spool(&file, 0, &copy) != 0)
        rc = CLI_FAIL;
    if (rc) {
        free(by_list);
        return rc;
    }
    jarva_adhoc_result *r = NULL;
    char message[2048];
    rc = jarva_adhoc_estimate(&r, file, &opts, message, sizeof message);
    cli_stdin_release(&copy);
    if (rc) {
        cli_error("%s", message);
    } else {
        print_result(r, ctx->format);
        if (!ctx->quiet && ctx->format == CLI_FORMAT_TABLE)
            fprintf(stderr, "jarva: %zu respondents, %zu with a valid answer in a domain\n",
                    jarva_adhoc_result_respondents(r), jarva_adhoc_result_valid(r));
    }
    jarva_adhoc_result_free(r);
    free(by_list);
    return rc ? CLI_FAIL : CLI_OK;
}

const cli_command cli_cmd_estimate = {
    "estimate", "estimate a share from a survey CSV file, without a database", estimate_opts,
    "Estimates the share of positive answers to one question straight from a survey\n"
    "CSV file (any dialect and encoding `jarva import` reads), without a database,\n"
    "as R's svyby(~pos, ~by, subset(design, !is.na(pos)), svyciprop) does for\n"
    "svydesign(ids = ~1, strata = ~strata, weights = ~weight).\n"
    "\n"
    "Columns: the --by columns as the file names them, then n (valid answers),\n"
    "estimate, se, ci_low, ci_high, df, n_eff, suppressed. csv and json give shares\n"
    "as proportions 0-1 with 17 significant digits, the table in percent. A\n"
    "suppressed row (suppressed true) leaves estimate, se, ci_low, ci_high and\n"
    "n_eff empty (null in json); so does the interval of an estimate without one\n"
    "(df 0).\n",
    run_estimate
};
