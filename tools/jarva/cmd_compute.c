/* cmd_compute.c: `jarva compute`: every indicator's estimates from the
 * imported batches, in one transaction (jarva_compute). */
#include <stdio.h>

#include "cli.h"

typedef struct compute_args {
    double level;
    int method;
    int lonely_psu; /* -1 until --lonely-psu */
} compute_args;

static const cli_opt compute_opts[] = {
    CLI_VALUE("level", 0, "L", compute_args, level, &cli_type_level, 0,
              "the confidence level (default 0.95)"),
    CLI_CHOICE("method", 0, compute_args, method, cli_ci_methods, 0,
               "the interval for survey shares (default logit, as R's svyciprop)"),
    CLI_CHOICE("lonely-psu", 0, compute_args, lonely_psu, cli_lonely_psu_rules, 0,
               "a stratum with a single respondent, as R's options(survey.lonely.psu). "
               "Default: the source's mapping file (a row lonely_psu,R in "
               "sources/SOURCE.csv), else fail"),
    CLI_END
};

/* --format csv or json: what compute did, on standard output for scripts
 * (the sentence for people stays on standard error). */
static int print_summary(const jarva_compute_summary *sum, cli_format format)
{
    static const char *const headers[] = { "estimates", "suppressed", "indicators_with_data",
                                           "indicators_without_data" };
    char cells[4][32];
    snprintf(cells[0], sizeof cells[0], "%zu", sum->estimates);
    snprintf(cells[1], sizeof cells[1], "%zu", sum->suppressed);
    snprintf(cells[2], sizeof cells[2], "%zu", sum->indicators_with_data);
    snprintf(cells[3], sizeof cells[3], "%zu", sum->indicators_without_data);
    const char *row[] = { cells[0], cells[1], cells[2], cells[3] };
    cli_table *t = cli_table_new(4, headers);
    if (!t || cli_table_add(t, row) != 0) {
        cli_table_free(t);
        cli_error("out of memory");
        return CLI_FAIL;
    }
    for (int c = 0; c < 4; c++)
        cli_table_numeric(t, c);
    cli_table_print(t, format, stdout);
    cli_table_free(t);
    return CLI_OK;
}

static int run_compute(cli_ctx *ctx, int argc, char **argv)
{
    jarva_compute_options opts = JARVA_COMPUTE_OPTIONS_INIT;
    compute_args a = { opts.estimate.level, (int)opts.estimate.method, -1 };
    int rc = cli_opt_parse(&cli_cmd_compute, ctx, argc, argv, &a);
    if (rc != CLI_PARSED)
        return rc;
    opts.estimate.level = a.level;
    opts.estimate.method = (jarva_ci_method)a.method;
    if (a.lonely_psu >= 0) {
        opts.estimate.lonely_psu = (jarva_lonely_psu)a.lonely_psu;
        opts.lonely_psu_from_source = 0;
    }
    opts.catalog_dir = ctx->catalog_dir;
    jarva_db *db = cli_open_db(ctx, 0);
    if (!db)
        return CLI_FAIL;
    jarva_compute_summary sum = JARVA_COMPUTE_SUMMARY_INIT;
    rc = jarva_compute(&sum, db, &opts);
    if (rc)
        cli_db_error(db);
    else if (ctx->format != CLI_FORMAT_TABLE)
        rc = print_summary(&sum, (cli_format)ctx->format);
    if (!rc && !ctx->quiet)
        fprintf(stderr,
                "jarva: %zu estimates (%zu suppressed) for %zu indicators; %zu indicators have "
                "no data yet\n",
                sum.estimates, sum.suppressed, sum.indicators_with_data,
                sum.indicators_without_data);
    return cli_close_db(db, rc);
}

const cli_command cli_cmd_compute = {
    "compute", "compute every indicator's estimates from the imported data", compute_opts,
    "Recomputes every indicator's estimates for every year and area (and the\n"
    "breakdowns the catalogue names) from the imported batches, in one\n"
    "transaction. Survey shares get design-based intervals (logit by default),\n"
    "published shares Wilson intervals; activity-log counts and shares are exact\n"
    "(complete, nothing sampled: no interval, never suppressed). With --format\n"
    "csv or json it prints what it did on standard output: estimates,\n"
    "suppressed, indicators_with_data, indicators_without_data.\n",
    run_compute
};
