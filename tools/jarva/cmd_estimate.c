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

/* The columns after the by columns; the ones results prints too have its
 * names and order (n ... suppressed), with df and n_eff before suppressed. */
static const char *const stats[] = { "n",      "estimate", "se", "ci_low", "ci_high",   "unit",
                                     "method", "level",    "df", "n_eff",  "suppressed" };
enum { NSTATS = sizeof stats / sizeof stats[0] };

/* The interval printed: the method the estimator applied (the default
 * resolved, as compute stores it) and its level. */
static void print_result(const jarva_adhoc_result *r, const jarva_estimate_options *o,
                         cli_format format)
{
    size_t nby = jarva_adhoc_result_by_count(r);
    int ncols = (int)nby + NSTATS;
    const char *headers[64 + NSTATS];
    const char *cells[64 + NSTATS];
    for (size_t c = 0; c < nby; c++)
        headers[c] = jarva_adhoc_result_by_name(r, c);
    for (int k = 0; k < NSTATS; k++)
        headers[nby + (size_t)k] = stats[k];
    cli_table *t = cli_table_new(ncols, headers);
    if (!t)
        return;
    for (int k = 0; k < NSTATS - 1; k++)
        if (k != 5 && k != 6)
            cli_table_numeric(t, (int)nby + k);
    cli_table_bool(t, (int)nby + NSTATS - 1);
    char level[32];
    const char *method = jarva_ci_method_name(jarva_ci_method_applied(o->method, 0));
    for (size_t row = 0; row < jarva_adhoc_result_count(r); row++) {
        const jarva_estimate *e = jarva_adhoc_result_get(r, row);
        char text[NSTATS][40];
        const char **stat = cells + nby;
        for (size_t c = 0; c < nby; c++)
            cells[c] = jarva_adhoc_result_value(r, row, c);
        /* Shares for programs: 17 significant digits read back as the same
         * double. */
        snprintf(text[0], sizeof text[0], "%zu", e->n);
        cli_format_digits(text[1], sizeof text[1], e->estimate, 1, format, 17);
        cli_format_digits(text[2], sizeof text[2], e->se, 1, format, 17);
        cli_format_digits(text[3], sizeof text[3], e->ci_low, 1, format, 17);
        cli_format_digits(text[4], sizeof text[4], e->ci_high, 1, format, 17);
        snprintf(text[8], sizeof text[8], "%.17g", e->df);
        cli_format_digits(text[9], sizeof text[9], e->n_eff, 0, format, 17);
        snprintf(text[10], sizeof text[10], "%s", e->suppressed ? "true" : "false");
        for (int k = 0; k < NSTATS; k++)
            stat[k] = text[k];
        stat[5] = cli_share_unit(format);
        stat[6] = method;
        stat[7] = cli_level(level, sizeof level, o->level);
        if (e->suppressed)
            stat[1] = stat[2] = stat[3] = stat[4] = stat[9] = NULL;
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
        print_result(r, &opts.estimate, ctx->format);
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
    "estimate, se, ci_low, ci_high, unit, method, level, df, n_eff, suppressed, as\n"
    "`jarva results` names them: unit \"proportion\" in csv and json (shares 0-1\n"
    "with 17 significant digits), \"%\" in the table (percent); method the\n"
    "interval's (the default is logit) and level its confidence level (0.95). A\n"
    "suppressed row (suppressed true) leaves estimate, se, ci_low, ci_high and\n"
    "n_eff empty (null in json); so does the interval of an estimate without one\n"
    "(df 0).\n",
    run_estimate
};
