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
static void format_value(char *buf, size_t size, double v, int percent, cli_format format)
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
 * --area and positional words; returns -1 after a usage error. */
typedef struct query_args {
    const char *indicator;
    const char *area;
    int year;
    int domains;
    const char *positional;
} query_args;

static int parse_query(cli_ctx *ctx, const char *cmd, const char *usage, int argc, char **argv,
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
        if (!strcmp(a, "--domains")) {
            q->domains = 1;
            continue;
        }
        if (!strcmp(a, "--indicator") || !strcmp(a, "--area") || !strcmp(a, "--year")) {
            if (i + 1 >= argc) {
                cli_usage_error(cmd, "option '%s' needs a value", a);
                return -1;
            }
            const char *v = argv[++i];
            if (!strcmp(a, "--indicator"))
                q->indicator = v;
            else if (!strcmp(a, "--area"))
                q->area = v;
            else {
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
    "\n"
    "Recomputes every indicator's estimates for every year and area (and the\n"
    "breakdowns the catalogue names) from the imported batches, in one\n"
    "transaction. Survey shares get design-based 95 % intervals (logit by default),\n"
    "published shares Wilson intervals, counts exact Poisson intervals.\n";

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
    jarva_db *db = cli_open_db(ctx, 0);
    if (!db)
        return CLI_FAIL;
    jarva_compute_summary sum;
    int rc = jarva_compute(db, &opts, &sum);
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
    if (parse_query(ctx, "results", results_usage, argc, argv, &q, &done))
        return CLI_USAGE;
    if (done)
        return CLI_OK;
    if (q.positional)
        return cli_usage_error("results", "unexpected argument '%s'", q.positional);
    jarva_db *db = cli_open_db(ctx, 0);
    if (!db)
        return CLI_FAIL;
    jarva_result_filter filter = { q.indicator, q.year, q.area, q.domains };
    jarva_result_list *list = NULL;
    jarva_indicator_list *all = NULL;
    if (jarva_result_list_open(db, &filter, &list) || jarva_indicator_list_open(db, NULL, &all)) {
        cli_db_error(db);
        jarva_result_list_free(list);
        jarva_db_close(db);
        return CLI_FAIL;
    }
    int table = ctx->format == CLI_FORMAT_TABLE;
    static const char *const headers[] = { "indicator", "year",     "area",      "domain",
                                           "n",         "estimate", "se",        "ci_low",
                                           "ci_high",   "method",   "suppressed" };
    cli_table *t = cli_table_new(11, headers);
    for (int c = 4; c <= 8; c++)
        cli_table_numeric(t, c);
    cli_table_numeric(t, 1);
    cli_table_numeric(t, 10);
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
            format_value(est, sizeof est, e->estimate, percent, ctx->format);
            format_value(se, sizeof se, e->se, percent, ctx->format);
            if (!(e->flags & JARVA_EST_NO_CI)) {
                format_value(lo, sizeof lo, e->ci_low, percent, ctx->format);
                format_value(hi, sizeof hi, e->ci_high, percent, ctx->format);
            }
        } else if (table) {
            snprintf(est, sizeof est, "–");
        }
        const char *cells[] = {
            r->indicator_id,          year, r->area_name, r->domain, n, est, se, lo, hi, r->method,
            e->suppressed ? "1" : "0"
        };
        cli_table_add(t, cells);
    }
    cli_table_print(t, ctx->format, stdout);
    cli_table_free(t);
    jarva_indicator_list_free(all);
    jarva_result_list_free(list);
    jarva_db_close(db);
    return CLI_OK;
}

static const char trend_usage[] =
    "Usage: jarva trend ID [--area A]\n"
    "\n"
    "Prints an indicator's estimates over the years and the trend: the slope per\n"
    "year by weighted least squares (weights 1/se^2) within the latest series\n"
    "segment, with its confidence interval and p-value, and the change from the\n"
    "first to the last comparable year with its test.\n";

int cmd_trend(cli_ctx *ctx, int argc, char **argv)
{
    query_args q = { 0 };
    int done;
    if (parse_query(ctx, "trend", trend_usage, argc, argv, &q, &done))
        return CLI_USAGE;
    if (done)
        return CLI_OK;
    if (!q.positional)
        return cli_usage_error("trend", "give the indicator's id");
    jarva_db *db = cli_open_db(ctx, 0);
    if (!db)
        return CLI_FAIL;
    jarva_series_data *data = NULL;
    jarva_indicator_list *ind = NULL;
    if (jarva_indicator_find(db, q.positional, &ind) ||
        jarva_series_open(db, q.positional, q.area, &data)) {
        cli_db_error(db);
        jarva_indicator_list_free(ind);
        jarva_db_close(db);
        return CLI_FAIL;
    }
    int percent = jarva_indicator_list_get(ind, 0)->percent;
    const jarva_series *s = jarva_series_data_series(data);
    static const char *const headers[] = { "year",   "n",       "estimate",
                                           "ci_low", "ci_high", "suppressed" };
    cli_table *t = cli_table_new(6, headers);
    for (int c = 0; c < 5; c++)
        cli_table_numeric(t, c);
    for (size_t i = 0; i < s->count; i++) {
        const jarva_estimate *e = &s->estimates[i];
        char year[8], n[24], est[32] = "", lo[32] = "", hi[32] = "";
        snprintf(year, sizeof year, "%d", s->years[i]);
        /* n of a suppressed cell is never shown: the total minus the other
         * cells would give it away (docs/disclosure.md). */
        n[0] = '\0';
        if (!e->suppressed)
            snprintf(n, sizeof n, "%zu", e->n);
        if (!e->suppressed) {
            format_value(est, sizeof est, e->estimate, percent, ctx->format);
            if (!(e->flags & JARVA_EST_NO_CI)) {
                format_value(lo, sizeof lo, e->ci_low, percent, ctx->format);
                format_value(hi, sizeof hi, e->ci_high, percent, ctx->format);
            }
        }
        const char *cells[] = { year, n, est, lo, hi, e->suppressed ? "1" : "0" };
        cli_table_add(t, cells);
    }
    cli_table_print(t, ctx->format, stdout);
    cli_table_free(t);

    jarva_trend trend;
    char errbuf[256];
    /* The trend of the latest segment: from the last series break on. */
    jarva_series segment = *s;
    for (size_t b = 0; b < s->break_count; b++)
        while (segment.count && segment.years[0] < s->breaks[b] &&
               s->breaks[b] <= segment.years[segment.count - 1]) {
            segment.years++;
            segment.estimates++;
            segment.count--;
        }
    int rc = jarva_trend_fit(&segment, 0.95, &trend, errbuf, sizeof errbuf);
    if (ctx->format == CLI_FORMAT_TABLE) {
        double scale = percent ? 100 : 1;
        const char *unit = percent ? " percentage points" : "";
        if (rc)
            printf("\ntrend: %s\n", errbuf);
        else if (trend.flags & JARVA_TREND_INSUFFICIENT)
            printf("\ntrend: fewer than 3 usable years, no trend fitted\n");
        else
            printf("\ntrend %d-%d: %+.2f%s per year (95 %% CI %.2f to %.2f), p = %.3g, %s\n",
                   trend.first_year, trend.last_year, trend.slope * scale, unit,
                   trend.ci_low * scale, trend.ci_high * scale, trend.p_value,
                   trend.significant ? "significant" : "not significant");
        if (segment.count >= 2) {
            jarva_change ch;
            if (jarva_change_between(&segment, segment.years[0], segment.years[segment.count - 1],
                                     0.95, &ch, errbuf, sizeof errbuf) == JARVA_OK &&
                !(ch.flags & JARVA_CHANGE_SUPPRESSED)) {
                if (ch.flags & JARVA_CHANGE_NO_TEST)
                    printf("change %d-%d: %+.2f%s, not tested (an estimate has no interval)\n",
                           ch.year_from, ch.year_to, ch.difference * scale, unit);
                else
                    printf("change %d-%d: %+.2f%s (95 %% CI %.2f to %.2f), p = %.3g, %s\n",
                           ch.year_from, ch.year_to, ch.difference * scale, unit, ch.ci_low * scale,
                           ch.ci_high * scale, ch.p_value,
                           ch.significant ? "significant" : "not significant");
            }
        }
    }
    jarva_series_data_free(data);
    jarva_indicator_list_free(ind);
    jarva_db_close(db);
    return CLI_OK;
}

static const char status_usage[] =
    "Usage: jarva status [--year Y] [--area A] [--format table|csv|json]\n"
    "\n"
    "Prints every indicator's status against its target as of year Y (default:\n"
    "the latest data): achieved, on track, partly, off track or insufficient\n"
    "data, the rule that decided it, and whether the latest value is\n"
    "significantly better or worse than the baseline.\n";

int cmd_status(cli_ctx *ctx, int argc, char **argv)
{
    query_args q = { 0 };
    int done;
    if (parse_query(ctx, "status", status_usage, argc, argv, &q, &done))
        return CLI_USAGE;
    if (done)
        return CLI_OK;
    if (q.positional)
        return cli_usage_error("status", "unexpected argument '%s'", q.positional);
    jarva_db *db = cli_open_db(ctx, 0);
    if (!db)
        return CLI_FAIL;
    jarva_indicator_list *all = NULL;
    if (jarva_indicator_list_open(db, NULL, &all)) {
        cli_db_error(db);
        jarva_db_close(db);
        return CLI_FAIL;
    }
    static const char *const headers[] = { "indicator",   "status", "latest_year", "latest",
                                           "target_year", "target", "baseline",    "rule" };
    static const char *const baseline_words[] = { "unknown", "better", "worse", "no change" };
    cli_table *t = cli_table_new(8, headers);
    cli_table_numeric(t, 2);
    cli_table_numeric(t, 3);
    cli_table_numeric(t, 4);
    cli_table_numeric(t, 5);
    int rc = JARVA_OK;
    for (size_t i = 0; i < jarva_indicator_list_count(all) && !rc; i++) {
        const jarva_indicator *ind = jarva_indicator_list_get(all, i);
        jarva_target_status st;
        int has_target = 0;
        rc = jarva_status_assess(db, ind->id, q.area, q.year, NULL, &st, &has_target);
        if (rc)
            break;
        char latest_year[8] = "", latest[32] = "", target_year[8] = "", target[32] = "";
        if (st.latest_year) {
            snprintf(latest_year, sizeof latest_year, "%d", st.latest_year);
            format_value(latest, sizeof latest, st.latest_value, ind->percent, ctx->format);
        }
        if (ind->has_target) {
            snprintf(target_year, sizeof target_year, "%d", ind->target_year);
            format_value(target, sizeof target, ind->target_value, ind->percent, ctx->format);
        }
        const char *cells[] = { ind->id,
                                has_target ? jarva_target_state_name(st.state) : "no target",
                                latest_year,
                                latest,
                                target_year,
                                target,
                                baseline_words[st.baseline],
                                has_target ? jarva_target_rule_text(st.rule) : "" };
        cli_table_add(t, cells);
    }
    if (rc)
        cli_db_error(db);
    else
        cli_table_print(t, ctx->format, stdout);
    cli_table_free(t);
    jarva_indicator_list_free(all);
    jarva_db_close(db);
    return rc ? CLI_FAIL : CLI_OK;
}
