/* cmd_trend.c: `jarva trend ID`: one indicator's series, the trend of its
 * latest segment and the change since the baseline; for people as a table
 * and for programs as CSV or typed JSON (numbers, booleans, null; shares on
 * the 0-1 scale). docs/status.md explains the figures. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

typedef struct trend_args {
    const char *id;
    const char *area;
    int year;
    double level;
} trend_args;

static const cli_opt trend_opts[] = {
    CLI_ARG("ID", trend_args, id, CLI_OPT_REQUIRED, NULL),
    CLI_VALUE("area", 0, "A", trend_args, area, NULL, 0,
              "the area; default the indicator's headline area: the whole of Järva where it "
              "has estimates, else the area it is published for"),
    CLI_VALUE("year", 0, "Y", trend_args, year, &cli_type_year, 0,
              "only the estimates up to this year"),
    CLI_VALUE("level", 0, "L", trend_args, level, &cli_type_level, 0,
              "the confidence level of the trend and change (default 0.95)"),
    CLI_END
};

static const char *const trend_fields[] = { "indicator",
                                            "area",
                                            "year",
                                            "n",
                                            "estimate",
                                            "se",
                                            "ci_low",
                                            "ci_high",
                                            "method",
                                            "level",
                                            "exact",
                                            "suppressed",
                                            "trend_method",
                                            "trend_first_year",
                                            "trend_last_year",
                                            "trend_points",
                                            "trend_slope",
                                            "trend_se",
                                            "trend_ci_low",
                                            "trend_ci_high",
                                            "trend_p",
                                            "trend_df",
                                            "chisq",
                                            "dispersion",
                                            "baseline_year",
                                            "baseline",
                                            "baseline_source",
                                            "change",
                                            "change_ci_low",
                                            "change_ci_high",
                                            "change_p",
                                            "test_level",
                                            "unit" };
enum { NTREND_FIELDS = sizeof trend_fields / sizeof trend_fields[0] };

/* intervals: each year's stored method and level; level: the trend's and
 * the change's. */
static void print_trend_data(const jarva_indicator *ind, const char *area, const jarva_series *s,
                             const jarva_target_status *st, const cli_interval *intervals,
                             double level, cli_format format)
{
    cli_table *t = cli_table_new(NTREND_FIELDS, trend_fields);
    static const char *const texts[] = { "indicator",       "area", "method", "trend_method",
                                         "baseline_source", "unit", NULL };
    static const char *const bools[] = { "exact", "suppressed", NULL };
    cli_table_types(t, texts, bools);
    const jarva_trend *tr = &st->trend;
    int trend = !(tr->flags & JARVA_TREND_INSUFFICIENT);
    int test = cli_change_tested(st);
    for (size_t i = 0; i < s->count; i++) {
        const jarva_estimate *e = &s->estimates[i];
        int shown = !e->suppressed && !(e->flags & JARVA_EST_EMPTY);
        int ci = shown && !(e->flags & JARVA_EST_NO_CI);
        int exact = (e->flags & JARVA_EST_EXACT) != 0;
        char b[NTREND_FIELDS][40];
        const char *cells[NTREND_FIELDS] = {
            ind->id,
            area,
            cli_whole(b[2], 40, s->years[i], 1),
            /* n of a suppressed cell is never shown (docs/disclosure.md). */
            cli_whole(b[3], 40, (long)e->n, !e->suppressed),
            shown ? cli_number(b[4], 40, e->estimate) : NULL,
            shown && !exact ? cli_number(b[5], 40, e->se) : NULL,
            ci ? cli_number(b[6], 40, e->ci_low) : NULL,
            ci ? cli_number(b[7], 40, e->ci_high) : NULL,
            *intervals[i].method ? intervals[i].method : NULL,
            *intervals[i].level ? intervals[i].level : NULL,
            exact ? "true" : "false",
            e->suppressed ? "true" : "false",
            trend ? (tr->method == JARVA_TREND_OLS ? "ols" : "wls") : NULL,
            cli_whole(b[11], 40, tr->first_year, tr->n_points > 0),
            cli_whole(b[12], 40, tr->last_year, tr->n_points > 0),
            cli_whole(b[13], 40, (long)tr->n_points, 1),
            trend ? cli_number(b[14], 40, tr->slope) : NULL,
            trend ? cli_number(b[15], 40, tr->se_slope) : NULL,
            trend ? cli_number(b[16], 40, tr->ci_low) : NULL,
            trend ? cli_number(b[17], 40, tr->ci_high) : NULL,
            trend ? cli_number(b[18], 40, tr->p_value) : NULL,
            trend ? cli_number(b[19], 40, tr->df) : NULL, /* null also for a normal (infinite) df */
            trend ? cli_number(b[20], 40, tr->chisq) : NULL,
            trend && tr->method == JARVA_TREND_WLS ? cli_number(b[21], 40, tr->dispersion) : NULL,
            cli_whole(b[22], 40, st->baseline_year, st->baseline_year != 0),
            st->baseline_year ? cli_number(b[23], 40, st->baseline_value) : NULL,
            st->baseline_year ? jarva_baseline_source_name(st->baseline_source) : NULL,
            st->has_change ? cli_number(b[25], 40, st->change.difference) : NULL,
            test ? cli_number(b[26], 40, st->change.ci_low) : NULL,
            test ? cli_number(b[27], 40, st->change.ci_high) : NULL,
            test ? cli_number(b[28], 40, st->change.p_value) : NULL,
            trend || test ? cli_level(b[29], 40, level) : NULL,
            cli_value_unit(ind, format),
        };
        cli_table_add(t, cells);
    }
    cli_table_print(t, format, stdout);
    cli_table_free(t);
}

static void print_trend_table(const jarva_series *s, const jarva_target_status *st, int percent,
                              double level)
{
    static const char *const headers[] = { "year", "n", "estimate", "ci_low", "ci_high", "note" };
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
        if (!e->suppressed && !(e->flags & JARVA_EST_NO_N))
            snprintf(n, sizeof n, "%zu", e->n);
        if (!e->suppressed) {
            cli_format_value(est, sizeof est, e->estimate, percent, CLI_FORMAT_TABLE);
            if (!(e->flags & JARVA_EST_NO_CI)) {
                cli_format_value(lo, sizeof lo, e->ci_low, percent, CLI_FORMAT_TABLE);
                cli_format_value(hi, sizeof hi, e->ci_high, percent, CLI_FORMAT_TABLE);
            }
        } else
            snprintf(est, sizeof est, ".."); /* SCB: withheld; «–» means zero */
        const char *note = e->suppressed                  ? "suppressed"
                           : (e->flags & JARVA_EST_EXACT) ? "exact"
                                                          : "";
        const char *cells[] = { year, n, est, lo, hi, note };
        cli_table_add(t, cells);
    }
    cli_table_print(t, CLI_FORMAT_TABLE, stdout);
    cli_table_free(t);
    const jarva_trend *tr = &st->trend;
    double scale = percent ? 100 : 1;
    const char *unit = percent ? " percentage points" : "";
    if (tr->flags & JARVA_TREND_MIXED)
        printf("\ntrend: exact and sampled values mixed, no trend fitted\n");
    else if (tr->flags & JARVA_TREND_INSUFFICIENT)
        printf("\ntrend: %zu usable year%s in the latest series segment, 3 needed\n", tr->n_points,
               tr->n_points == 1 ? "" : "s");
    else {
        int d = cli_interval_decimals(tr->ci_low * scale, tr->ci_high * scale, 2);
        printf("\ntrend %d-%d (%zu points, %s): %+.*f%s per year (%g %% CI %.*f to %.*f), "
               "p = %.3g, %s\n",
               tr->first_year, tr->last_year, tr->n_points,
               tr->method == JARVA_TREND_OLS ? "exact values, ordinary least squares"
                                             : "weighted least squares",
               d, tr->slope * scale, unit, level * 100, d, tr->ci_low * scale, d,
               tr->ci_high * scale, tr->p_value,
               tr->significant ? "significant" : "not significant");
        if (tr->method == JARVA_TREND_WLS)
            printf("chi2 = %.3g on %zu df, dispersion factor %.3g%s\n", tr->chisq, tr->n_points - 2,
                   tr->dispersion,
                   tr->dispersion > 1 ? " (the years vary more than sampling error: se widened, t "
                                        "on k - 2 df)"
                                      : " (no extra variation)");
    }
    if (st->has_change) {
        char text[96], base[32];
        cli_change_text(text, sizeof text, &st->change, percent, level);
        cli_format_value(base, sizeof base, st->baseline_value, percent, CLI_FORMAT_TABLE);
        printf("change %d-%d from the baseline %s (%s): %s%s\n", st->change.year_from,
               st->change.year_to, base,
               st->baseline_source == JARVA_BASELINE_CATALOGUE ? "catalogue" : "first estimate",
               text,
               (st->change.flags & JARVA_CHANGE_NO_TEST)
                   ? ""
                   : (st->change.significant ? ", significant" : ", not significant"));
        if (!(st->change.flags & JARVA_CHANGE_NO_TEST))
            printf("p = %.3g\n", st->change.p_value);
    }
}

static int run_trend(cli_ctx *ctx, int argc, char **argv)
{
    trend_args q = { 0 };
    int parsed;
    jarva_db *db = cli_read_command(&cli_cmd_trend, ctx, argc, argv, &q, &parsed);
    if (!db)
        return parsed;
    jarva_series_data *data = NULL;
    jarva_indicator_list *ind = NULL;
    char *area = NULL;
    jarva_target_options o;
    cli_target_options(db, q.level, &o);
    jarva_target_status st = JARVA_TARGET_STATUS_INIT;
    int has_target;
    int rc = jarva_indicator_find(&ind, db, q.id);
    if (!rc && !(area = cli_assess_area(db, q.id, q.area)))
        rc = 1; /* said already */
    if (!rc)
        rc = jarva_series_open(&data, db, q.id, area);
    if (!rc)
        rc = jarva_status_assess(&st, &has_target, db, q.id, area, q.year, &o);
    if (rc < 0) {
        cli_db_error(db);
    } else if (rc == 0) {
        jarva_series s = *jarva_series_data_series(data);
        while (q.year && s.count && s.years[s.count - 1] > q.year)
            s.count--;
        if (ctx->format == CLI_FORMAT_TABLE) {
            print_trend_table(&s, &st, jarva_indicator_list_get(ind, 0)->percent, o.level);
        } else {
            cli_interval *intervals = calloc(s.count ? s.count : 1, sizeof *intervals);
            if (!intervals)
                cli_error("out of memory");
            rc = intervals ? 0 : 1;
            for (size_t i = 0; i < s.count && !rc; i++)
                if (cli_stored_interval(db, q.id, area, s.years[i], &intervals[i]))
                    rc = cli_db_error(db);
            if (!rc)
                print_trend_data(jarva_indicator_list_get(ind, 0), area, &s, &st, intervals,
                                 o.level, ctx->format);
            free(intervals);
        }
    }
    free(area);
    jarva_series_data_free(data);
    jarva_indicator_list_free(ind);
    return cli_close_db(db, rc);
}

const cli_command cli_cmd_trend = {
    "trend", "print an indicator's series, trend and change", trend_opts,
    "Prints an indicator's estimates over the years and the trend of the latest\n"
    "series segment: for sampled estimates weighted least squares (weights\n"
    "1/se^2) with the dispersion factor max(1, chi2 / (k - 2)) applied to its\n"
    "standard error (and t on k - 2 df when above 1); for exact counts ordinary\n"
    "least squares, zeros included. Then the change since the baseline (the\n"
    "catalogue's for the headline area, else the segment's first estimate) with\n"
    "its test. csv and json repeat the trend and change figures on every year's\n"
    "row: numbers, booleans and null where a figure does not exist; shares as\n"
    "proportions 0-1 (unit \"proportion\").\n",
    run_trend
};
