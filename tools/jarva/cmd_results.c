/* cmd_results.c: `jarva results`: the stored estimates with their intervals.
 * Suppressed estimates are printed as suppressed, without a value or n. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct results_args {
    const char *indicator;
    const char *area;
    int year;
    int domains;
} results_args;

static const cli_opt results_opts[] = {
    CLI_VALUE("indicator", 0, "ID", results_args, indicator, NULL, 0, "only this indicator"),
    CLI_VALUE("year", 0, "Y", results_args, year, &cli_type_year, 0, "only this year"),
    CLI_VALUE("area", 0, "A", results_args, area, NULL, 0,
              "only this area: its id, name or an alias, ignoring case and Swedish diacritics"),
    CLI_FLAG("domains", 0, results_args, domains, 1, 0,
             "add the breakdowns (sex, age group, organisation, role)"),
    CLI_END
};

/* The indicator of id, or NULL. */
static const jarva_indicator *indicator_of(jarva_indicator_list *all, const char *id)
{
    for (size_t i = 0; i < jarva_indicator_list_count(all); i++) {
        const jarva_indicator *ind = jarva_indicator_list_get(all, i);
        if (!strcmp(ind->id, id))
            return ind;
    }
    return NULL;
}

/* area is the id, as status and trend name it, and as --area takes it. */
static const char *const headers[] = {
    "indicator", "year",    "area", "area_name", "domain", "n",     "estimate",  "se",
    "ci_low",    "ci_high", "unit", "method",    "level",  "exact", "suppressed"
};
enum { NCOLS = sizeof headers / sizeof headers[0] };

static cli_table *results_table(const jarva_result_list *list, jarva_indicator_list *all,
                                cli_format format)
{
    cli_table *t = cli_table_new(NCOLS, headers);
    if (!t)
        return NULL;
    for (int c = 5; c <= 9; c++)
        cli_table_numeric(t, c);
    cli_table_numeric(t, 1);
    cli_table_numeric(t, 12);
    cli_table_bool(t, 13);
    cli_table_bool(t, 14);
    for (size_t i = 0; i < jarva_result_list_count(list); i++) {
        const jarva_result *r = jarva_result_list_get(list, i);
        const jarva_estimate *e = &r->estimate;
        const jarva_indicator *ind = indicator_of(all, r->indicator_id);
        int percent = ind && ind->percent;
        char year[8], n[24], est[32] = "", se[32] = "", lo[32] = "", hi[32] = "", level[32];
        snprintf(year, sizeof year, "%d", r->year);
        /* n of a suppressed cell is never shown: the total minus the other
         * cells would give it away (docs/disclosure.md). */
        n[0] = '\0';
        if (!e->suppressed) {
            /* A published share without its number of respondents has
             * neither n nor a standard error: empty (null), never 0. */
            if (!(e->flags & JARVA_EST_NO_N))
                snprintf(n, sizeof n, "%zu", e->n);
            cli_format_value(est, sizeof est, e->estimate, percent, format);
            /* exact: a complete count or a share of one (activity log,
             * published list): no se and no interval, nothing was sampled. */
            if (!(e->flags & (JARVA_EST_EXACT | JARVA_EST_NO_N)))
                cli_format_value(se, sizeof se, e->se, percent, format);
            if (!(e->flags & JARVA_EST_NO_CI)) {
                cli_format_value(lo, sizeof lo, e->ci_low, percent, format);
                cli_format_value(hi, sizeof hi, e->ci_high, percent, format);
            }
        } else if (format == CLI_FORMAT_TABLE) {
            /* SCB's symbol for a figure withheld: «..» («–» means zero). */
            snprintf(est, sizeof est, "..");
        }
        const char *cells[NCOLS] = { r->indicator_id,
                                     year,
                                     r->area_id,
                                     r->area_name,
                                     r->domain,
                                     n,
                                     est,
                                     se,
                                     lo,
                                     hi,
                                     cli_value_unit(ind, format),
                                     r->method,
                                     cli_result_level(level, sizeof level, r),
                                     (e->flags & JARVA_EST_EXACT) ? "true" : "false",
                                     e->suppressed ? "true" : "false" };
        if (cli_table_add(t, cells) != 0) {
            cli_table_free(t);
            return NULL;
        }
    }
    return t;
}

static int run_results(cli_ctx *ctx, int argc, char **argv)
{
    results_args a = { 0 };
    int rc;
    jarva_db *db = cli_read_command(&cli_cmd_results, ctx, argc, argv, &a, &rc);
    if (!db)
        return rc;
    jarva_result_filter filter = { a.indicator, a.year, a.area, a.domains };
    jarva_result_list *list = NULL;
    jarva_indicator_list *all = NULL;
    rc = CLI_OK;
    if (jarva_result_list_open(&list, db, &filter) || jarva_indicator_list_open(&all, db, NULL)) {
        rc = cli_db_error(db);
    } else {
        cli_table *t = results_table(list, all, ctx->format);
        if (t)
            cli_table_print(t, ctx->format, stdout);
        else
            cli_error("out of memory");
        rc = t ? CLI_OK : CLI_FAIL;
        cli_table_free(t);
    }
    jarva_indicator_list_free(all);
    jarva_result_list_free(list);
    jarva_db_close(db);
    return rc;
}

const cli_command cli_cmd_results = {
    "results", "print estimates with confidence intervals", results_opts,
    "Prints the stored estimates of each area (its id, as --area and the other\n"
    "commands name it, and its name): n, the estimate, its standard error and\n"
    "confidence interval, the unit, the interval's method and confidence level\n"
    "(level 0.95; none without an interval), whether the value is exact (a\n"
    "complete count or a share of one: no standard error or interval) and whether\n"
    "it is suppressed. In a table shares are in percent; csv and json give them as\n"
    "proportions 0-1 (unit \"proportion\"), with numbers, booleans and null.\n"
    "Suppressed estimates (too few respondents, or withheld so that another cannot\n"
    "be derived by subtraction) have no value and no n.\n",
    run_results
};
