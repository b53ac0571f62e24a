/* cmd_results.c: `jarva compute` fills the estimates; `jarva results`,
 * `jarva trend ID` and `jarva status` print them. Suppressed estimates are
 * printed as suppressed, without a value. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* A value for people (shares in percent, 1 decimal) or for programs (as
 * stored, 12 significant digits). */
void cli_format_value(char *buf, size_t size, double v, int percent, cli_format format)
{
    if (format != CLI_FORMAT_TABLE)
        snprintf(buf, size, "%.12g", v);
    else if (percent)
        snprintf(buf, size, "%.1f", 100 * v);
    else
        snprintf(buf, size, "%.4g", v);
}

/* Whether an indicator's values are shares, shown in percent. */
static int is_percent(jarva_indicator_list *all, const char *id)
{
    for (size_t i = 0; i < jarva_indicator_list_count(all); i++) {
        const jarva_indicator *ind = jarva_indicator_list_get(all, i);
        if (!strcmp(ind->id, id))
            return ind->percent;
    }
    return 0;
}

/* Parses the options of results, trend and status: --indicator, --year,
 * --area, --areas, --level and positional words; returns -1 after a usage
 * error. */
int cli_parse_query(cli_ctx *ctx, const char *cmd, const char *usage, int argc, char **argv,
                    query_args *q, int *done)
{
    *done = 0;
    for (int i = 1; i < argc; i++) {
        int code, shared = cli_shared_arg(ctx, cmd, usage, argc, argv, &i, &code);
        if (shared < 0) {
            *done = code == CLI_OK;
            return code == CLI_OK ? 0 : -1;
        }
        if (shared)
            continue;
        const char *a = argv[i];
        if (!strcmp(a, "--domains") || !strcmp(a, "--areas")) {
            *(a[2] == 'd' ? &q->domains : &q->areas) = 1;
            continue;
        }
        if (!strcmp(a, "--indicator") || !strcmp(a, "--area") || !strcmp(a, "--year") ||
            !strcmp(a, "--level")) {
            if (i + 1 >= argc) {
                cli_usage_error(cmd, "option '%s' needs a value", a);
                return -1;
            }
            const char *v = argv[++i];
            if (!strcmp(a, "--indicator"))
                q->indicator = v;
            else if (!strcmp(a, "--area"))
                q->area = v;
            else if (!strcmp(a, "--level")) {
                char *end;
                q->level = strtod(v, &end);
                if (*end || !(q->level > 0 && q->level < 1)) {
                    cli_usage_error(cmd, "--level '%s' is not in (0, 1)", v);
                    return -1;
                }
            } else {
                char *end;
                long y = strtol(v, &end, 10);
                if (*end || y < 1990 || y > 2199) {
                    cli_usage_error(cmd, "--year '%s' is not a year", v);
                    return -1;
                }
                q->year = (int)y;
            }
            continue;
        }
        if (a[0] == '-' || q->positional) {
            cli_usage_error(cmd, "unexpected argument '%s'", a);
            return -1;
        }
        q->positional = a;
    }
    return 0;
}

static const char compute_usage[] =
    "Usage: jarva compute [--level L] [--method logit|beta|mean|wilson|clopper-pearson]\n"
    "                     [--lonely-psu fail|adjust|remove|certainty|average]\n"
    "\n"
    "Recomputes every indicator's estimates for every year and area (and the\n"
    "breakdowns the catalogue names) from the imported batches, in one\n"
    "transaction. Survey shares get design-based 95 % intervals (logit by default),\n"
    "published shares Wilson intervals; activity-log counts and shares are exact\n"
    "(complete, nothing sampled: no interval, never suppressed).\n"
    "\n"
    "  --lonely-psu R  a stratum with a single respondent: fail, adjust, remove,\n"
    "                  certainty or average, as R's options(survey.lonely.psu).\n"
    "                  Default: the source's mapping file (a row lonely_psu,R in\n"
    "                  sources/SOURCE.csv), else fail.\n";

int cli_parse_lonely_psu(const char *s, jarva_lonely_psu *out)
{
    static const char *const names[] = { "fail", "adjust", "remove", "certainty", "average" };
    static const jarva_lonely_psu rules[] = { JARVA_LONELY_PSU_FAIL, JARVA_LONELY_PSU_ADJUST,
                                              JARVA_LONELY_PSU_REMOVE, JARVA_LONELY_PSU_CERTAINTY,
                                              JARVA_LONELY_PSU_AVERAGE };
    for (size_t i = 0; i < 5; i++)
        if (!strcmp(s, names[i])) {
            *out = rules[i];
            return 0;
        }
    return -1;
}

static int parse_method(const char *s, jarva_ci_method *m)
{
    static const char *const names[] = { "logit", "beta", "mean", "wilson", "clopper-pearson" };
    static const jarva_ci_method methods[] = { JARVA_CI_LOGIT, JARVA_CI_BETA, JARVA_CI_MEAN,
                                               JARVA_CI_WILSON, JARVA_CI_CLOPPER_PEARSON };
    for (size_t i = 0; i < 5; i++)
        if (!strcmp(s, names[i])) {
            *m = methods[i];
            return 0;
        }
    return -1;
}

int cmd_compute(cli_ctx *ctx, int argc, char **argv)
{
    jarva_compute_options opts = JARVA_COMPUTE_OPTIONS_INIT;
    for (int i = 1; i < argc; i++) {
        int code, shared = cli_shared_arg(ctx, "compute", compute_usage, argc, argv, &i, &code);
        if (shared < 0)
            return code;
        if (shared)
            continue;
        if (!strcmp(argv[i], "--lonely-psu") && i + 1 < argc) {
            const char *v = argv[++i];
            if (cli_parse_lonely_psu(v, &opts.estimate.lonely_psu))
                return cli_usage_error("compute", "unknown lonely-PSU rule '%s'", v);
            opts.lonely_psu_from_source = 0;
            continue;
        }
        if ((!strcmp(argv[i], "--level") || !strcmp(argv[i], "--method")) && i + 1 < argc) {
            const char *v = argv[++i];
            if (!strcmp(argv[i - 1], "--level")) {
                char *end;
                opts.estimate.level = strtod(v, &end);
                if (*end || !(opts.estimate.level > 0 && opts.estimate.level < 1))
                    return cli_usage_error("compute", "--level '%s' is not in (0, 1)", v);
            } else if (parse_method(v, &opts.estimate.method))
                return cli_usage_error("compute", "unknown method '%s'", v);
            continue;
        }
        return cli_usage_error("compute", "unexpected argument '%s'", argv[i]);
    }
    opts.catalog_dir = ctx->catalog_dir;
    jarva_db *db = cli_open_db(ctx, 0);
    if (!db)
        return CLI_FAIL;
    jarva_compute_summary sum;
    int rc = jarva_compute(&sum, db, &opts);
    if (rc)
        cli_db_error(db);
    else if (!ctx->quiet)
        fprintf(stderr,
                "jarva: %zu estimates (%zu suppressed) for %zu indicators; %zu indicators have "
                "no data yet\n",
                sum.estimates, sum.suppressed, sum.indicators_with_data,
                sum.indicators_without_data);
    jarva_db_close(db);
    return rc ? CLI_FAIL : CLI_OK;
}

static const char results_usage[] =
    "Usage: jarva results [--indicator ID] [--year Y] [--area A] [--domains]\n"
    "                     [--format table|csv|json]\n"
    "\n"
    "Prints the stored estimates: n, the estimate, its standard error and\n"
    "confidence interval. In a table shares are in percent; csv and json give\n"
    "them as proportions 0-1. Suppressed estimates (too few respondents, or\n"
    "withheld so that another cannot be derived by subtraction) have no value\n"
    "and no n. --domains adds the breakdowns (sex, age group, organisation, role).\n";

int cmd_results(cli_ctx *ctx, int argc, char **argv)
{
    query_args q = { 0 };
    int done;
    if (cli_parse_query(ctx, "results", results_usage, argc, argv, &q, &done))
        return CLI_USAGE;
    if (done)
        return CLI_OK;
    if (q.positional)
        return cli_usage_error("results", "unexpected argument '%s'", q.positional);
    jarva_db *db = cli_open_db(ctx, JARVA_DB_READONLY);
    if (!db)
        return CLI_FAIL;
    jarva_result_filter filter = { q.indicator, q.year, q.area, q.domains };
    jarva_result_list *list = NULL;
    jarva_indicator_list *all = NULL;
    if (jarva_result_list_open(&list, db, &filter) || jarva_indicator_list_open(&all, db, NULL)) {
        cli_db_error(db);
        jarva_result_list_free(list);
        jarva_db_close(db);
        return CLI_FAIL;
    }
    int table = ctx->format == CLI_FORMAT_TABLE;
    /* exact: a complete count or a share of one (activity log, published
     * list): no se and no interval, as nothing was sampled. */
    static const char *const headers[] = { "indicator", "year",     "area",  "domain",
                                           "n",         "estimate", "se",    "ci_low",
                                           "ci_high",   "method",   "exact", "suppressed" };
    cli_table *t = cli_table_new(12, headers);
    for (int c = 4; c <= 8; c++)
        cli_table_numeric(t, c);
    cli_table_numeric(t, 1);
    cli_table_numeric(t, 10);
    cli_table_numeric(t, 11);
    for (size_t i = 0; i < jarva_result_list_count(list); i++) {
        const jarva_result *r = jarva_result_list_get(list, i);
        const jarva_estimate *e = &r->estimate;
        int percent = is_percent(all, r->indicator_id);
        char year[8], n[24], est[32] = "", se[32] = "", lo[32] = "", hi[32] = "";
        snprintf(year, sizeof year, "%d", r->year);
        /* n of a suppressed cell is never shown: the total minus the other
         * cells would give it away (docs/disclosure.md). */
        n[0] = '\0';
        if (!e->suppressed)
            snprintf(n, sizeof n, "%zu", e->n);
        if (!e->suppressed) {
            cli_format_value(est, sizeof est, e->estimate, percent, ctx->format);
            if (!(e->flags & JARVA_EST_EXACT))
                cli_format_value(se, sizeof se, e->se, percent, ctx->format);
            if (!(e->flags & JARVA_EST_NO_CI)) {
                cli_format_value(lo, sizeof lo, e->ci_low, percent, ctx->format);
                cli_format_value(hi, sizeof hi, e->ci_high, percent, ctx->format);
            }
        } else if (table) {
            snprintf(est, sizeof est, "–");
        }
        const char *cells[] = { r->indicator_id,
                                year,
                                r->area_name,
                                r->domain,
                                n,
                                est,
                                se,
                                lo,
                                hi,
                                r->method,
                                (e->flags & JARVA_EST_EXACT) ? "true" : "false",
                                e->suppressed ? "1" : "0" };
        cli_table_add(t, cells);
    }
    cli_table_print(t, ctx->format, stdout);
    cli_table_free(t);
    jarva_indicator_list_free(all);
    jarva_result_list_free(list);
    jarva_db_close(db);
    return CLI_OK;
}
