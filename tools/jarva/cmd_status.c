/* cmd_status.c: `jarva status` (every target's status: the probability of
 * reaching it, the baseline and change, pace and detectable change) and
 * `jarva trend ID` (one series, its trend and change), for people as a table
 * and for programs as CSV or typed JSON (numbers, booleans, null; shares on
 * the 0-1 scale). docs/status.md explains the figures. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* A number for CSV/JSON, or NULL (null, empty) when not available. */
static const char *num(char *buf, size_t size, double v)
{
    if (!isfinite(v))
        return NULL;
    snprintf(buf, size, "%.12g", v);
    return buf;
}

static const char *whole(char *buf, size_t size, long v, int present)
{
    if (!present)
        return NULL;
    snprintf(buf, size, "%ld", v);
    return buf;
}

/* The fewest decimals, from `least`, at which an interval [lo, hi] that
 * excludes 0 still prints excluding 0 (issue 11: significance is decided on
 * the unrounded values, and the printed interval must not contradict it). */
static int interval_decimals(double lo, double hi, int least)
{
    if (!(lo > 0 || hi < 0))
        return least;
    for (int d = least; d < 12; d++) {
        char text[64];
        snprintf(text, sizeof text, "%.*f", d, lo > 0 ? lo : hi);
        double printed = strtod(text, NULL);
        if (lo > 0 ? printed > 0 : printed < 0)
            return d;
    }
    return 12;
}

/* "+2.34 (95 % CI 0.05 to 4.6)" in the indicator's units (percentage points
 * for shares), or "+2" for an exact change, or "". */
static void change_text(char *buf, size_t size, const jarva_change *ch, int percent, double level)
{
    double scale = percent ? 100 : 1;
    int least = percent ? 1 : 2;
    if (ch->flags & JARVA_CHANGE_NO_TEST) {
        snprintf(buf, size, "%+.*f%s", least, ch->difference * scale,
                 (ch->flags & JARVA_CHANGE_EXACT) ? " (exact)" : " (not tested)");
        return;
    }
    int d = interval_decimals(ch->ci_low * scale, ch->ci_high * scale, least);
    snprintf(buf, size, "%+.*f (%g %% CI %.*f to %.*f)", d, ch->difference * scale, level * 100, d,
             ch->ci_low * scale, d, ch->ci_high * scale);
}

/* One row of `jarva status`. */
typedef struct status_row {
    const jarva_indicator *ind;
    char *area;
    jarva_target_status st;
    int has_target;
    double p_adjusted; /* Benjamini-Hochberg over the run's tested changes; NaN if none */
} status_row;

static int tested(const jarva_target_status *st)
{
    return st->has_change && !(st->change.flags & JARVA_CHANGE_NO_TEST);
}

/* The sentence saying which rule decided, with its numbers. */
static void reason_text(char *buf, size_t size, const status_row *r, const jarva_target_options *o)
{
    const jarva_target_status *st = &r->st;
    const jarva_indicator *ind = r->ind;
    char latest[32], target[32], projected[32], se[32];
    cli_format_value(latest, sizeof latest, st->latest_value, ind->percent, CLI_FORMAT_TABLE);
    cli_format_value(target, sizeof target, ind->target_value, ind->percent, CLI_FORMAT_TABLE);
    cli_format_value(projected, sizeof projected, st->projected_value, ind->percent,
                     CLI_FORMAT_TABLE);
    cli_format_value(se, sizeof se, st->projected_se, ind->percent, CLI_FORMAT_TABLE);
    const char *cmp = ind->direction == JARVA_LOWER_IS_BETTER ? "<=" : ">=";
    switch (st->rule) {
    case JARVA_RULE_LATEST_MEETS_TARGET:
        snprintf(buf, size, "latest %s (%d) %s target %s", latest, st->latest_year, cmp, target);
        break;
    case JARVA_RULE_PROBABILITY_HIGH:
    case JARVA_RULE_PROBABILITY_MIDDLE:
    case JARVA_RULE_PROBABILITY_LOW: {
        const char *band = st->rule == JARVA_RULE_PROBABILITY_HIGH  ? ">="
                           : st->rule == JARVA_RULE_PROBABILITY_LOW ? "<="
                                                                    : "between";
        char limits[48];
        if (st->rule == JARVA_RULE_PROBABILITY_MIDDLE)
            snprintf(limits, sizeof limits, "%g and %g", o->off_track, o->on_track);
        else
            snprintf(limits, sizeof limits, "%g",
                     st->rule == JARVA_RULE_PROBABILITY_HIGH ? o->on_track : o->off_track);
        snprintf(buf, size, "P(%s %s %s in %d) = %.2f, %s %s: %s %s (se %s)",
                 ind->percent ? "%" : "value", cmp, target, ind->target_year, st->probability, band,
                 limits, st->measured_at_target_year ? "measured" : "trend gives", projected, se);
        break;
    }
    case JARVA_RULE_TOO_FEW_POINTS:
        snprintf(buf, size, "%zu usable point%s in the latest series segment, 3 needed",
                 st->trend.n_points, st->trend.n_points == 1 ? "" : "s");
        break;
    case JARVA_RULE_TARGET_YEAR_UNMEASURED:
        snprintf(buf, size, "no estimate for the target year %d", ind->target_year);
        break;
    default: snprintf(buf, size, "%s", jarva_target_rule_text(st->rule)); break;
    }
}

static void print_status_table(const status_row *rows, size_t n, int with_area,
                               const jarva_target_options *o)
{
    static const char *const headers[] = {
        "indicator", "area", "status", "latest", "target", "probability", "change since baseline",
        "rule"
    };
    cli_table *t = cli_table_new(8, headers);
    cli_table_numeric(t, 5);
    for (size_t i = 0; i < n; i++) {
        const status_row *r = &rows[i];
        const jarva_target_status *st = &r->st;
        char latest[48] = "", target[96] = "", probability[16] = "", change[192] = "", reason[320];
        char value[32];
        if (st->latest_year) {
            cli_format_value(value, sizeof value, st->latest_value, r->ind->percent,
                             CLI_FORMAT_TABLE);
            snprintf(latest, sizeof latest, "%s (%d)", value, st->latest_year);
        }
        if (r->has_target) {
            cli_format_value(value, sizeof value, r->ind->target_value, r->ind->percent,
                             CLI_FORMAT_TABLE);
            snprintf(target, sizeof target, "%s by %d, %s", value, r->ind->target_year,
                     jarva_target_kind_name(r->ind->target_kind));
        }
        if (!isnan(st->probability))
            snprintf(probability, sizeof probability, "%.2f", st->probability);
        if (st->has_change) {
            char text[80];
            change_text(text, sizeof text, &st->change, r->ind->percent, o->level);
            snprintf(change, sizeof change, "%s since %d%s%s", text, st->baseline_year,
                     st->baseline_source == JARVA_BASELINE_CATALOGUE ? " (catalogue)" : "",
                     !isnan(r->p_adjusted) && r->p_adjusted < 1 - o->level ? ", significant" : "");
        }
        reason_text(reason, sizeof reason, r, o);
        const char *cells[] = { r->ind->id,
                                with_area ? r->area : "",
                                jarva_target_state_name(st->state),
                                latest,
                                target,
                                probability,
                                change,
                                reason };
        cli_table_add(t, cells);
    }
    cli_table_print(t, CLI_FORMAT_TABLE, stdout);
    cli_table_free(t);
}

static const char *const status_fields[] = { "indicator",
                                             "area",
                                             "status",
                                             "rule",
                                             "latest_year",
                                             "latest",
                                             "latest_ci_low",
                                             "latest_ci_high",
                                             "exact",
                                             "target_year",
                                             "target",
                                             "target_kind",
                                             "direction",
                                             "baseline_year",
                                             "baseline",
                                             "baseline_source",
                                             "change",
                                             "change_ci_low",
                                             "change_ci_high",
                                             "change_p",
                                             "change_p_adjusted",
                                             "change_significant",
                                             "trend_points",
                                             "trend_slope",
                                             "trend_ci_low",
                                             "trend_ci_high",
                                             "trend_p",
                                             "dispersion",
                                             "projected",
                                             "projected_se",
                                             "probability",
                                             "pace",
                                             "required_pace",
                                             "mdc" };
enum { NSTATUS_FIELDS = sizeof status_fields / sizeof status_fields[0] };

static void print_status_data(const status_row *rows, size_t n, cli_format format, double level)
{
    cli_table *t = cli_table_new(NSTATUS_FIELDS, status_fields);
    static const int text_fields[] = { 0, 1, 2, 3, 11, 12, 15 };
    for (int c = 0; c < NSTATUS_FIELDS; c++) {
        int text = 0;
        for (size_t k = 0; k < sizeof text_fields / sizeof text_fields[0]; k++)
            text |= text_fields[k] == c;
        if (!text)
            cli_table_numeric(t, c);
    }
    for (size_t i = 0; i < n; i++) {
        const status_row *r = &rows[i];
        const jarva_target_status *st = &r->st;
        const jarva_trend *tr = &st->trend;
        int exact = (st->latest.flags & JARVA_EST_EXACT) != 0, has_latest = st->latest_year != 0;
        int ci = has_latest && !(st->latest.flags & JARVA_EST_NO_CI);
        int trend = !(tr->flags & JARVA_TREND_INSUFFICIENT);
        int test = tested(st);
        char b[NSTATUS_FIELDS][40];
        const char *cells[NSTATUS_FIELDS] = {
            r->ind->id,
            r->area,
            jarva_target_state_id(st->state),
            jarva_target_rule_name(st->rule),
            whole(b[4], 40, st->latest_year, has_latest),
            has_latest ? num(b[5], 40, st->latest_value) : NULL,
            ci ? num(b[6], 40, st->latest.ci_low) : NULL,
            ci ? num(b[7], 40, st->latest.ci_high) : NULL,
            has_latest ? (exact ? "true" : "false") : NULL,
            whole(b[9], 40, r->ind->target_year, r->has_target),
            r->has_target ? num(b[10], 40, r->ind->target_value) : NULL,
            r->has_target ? jarva_target_kind_name(r->ind->target_kind) : NULL,
            r->ind->direction == JARVA_LOWER_IS_BETTER ? "lower" : "higher",
            whole(b[13], 40, st->baseline_year, st->baseline_year != 0),
            st->baseline_year ? num(b[14], 40, st->baseline_value) : NULL,
            st->baseline_year ? jarva_baseline_source_name(st->baseline_source) : NULL,
            st->has_change ? num(b[16], 40, st->change.difference) : NULL,
            test ? num(b[17], 40, st->change.ci_low) : NULL,
            test ? num(b[18], 40, st->change.ci_high) : NULL,
            test ? num(b[19], 40, st->change.p_value) : NULL,
            test ? num(b[20], 40, r->p_adjusted) : NULL,
            test ? (r->p_adjusted < 1 - level ? "true" : "false") : NULL,
            whole(b[22], 40, (long)tr->n_points, has_latest),
            trend ? num(b[23], 40, tr->slope) : NULL,
            trend ? num(b[24], 40, tr->ci_low) : NULL,
            trend ? num(b[25], 40, tr->ci_high) : NULL,
            trend ? num(b[26], 40, tr->p_value) : NULL,
            trend && tr->method == JARVA_TREND_WLS ? num(b[27], 40, tr->dispersion) : NULL,
            st->has_projection ? num(b[28], 40, st->projected_value) : NULL,
            st->has_projection ? num(b[29], 40, st->projected_se) : NULL,
            st->has_projection ? num(b[30], 40, st->probability) : NULL,
            num(b[31], 40, st->pace),
            r->has_target ? num(b[32], 40, st->required_pace) : NULL,
            num(b[33], 40, st->mdc),
        };
        cli_table_add(t, cells);
    }
    cli_table_print(t, format, stdout);
    cli_table_free(t);
}

/* The id of an area given by id, name or alias, as a new string; NULL (with
 * the message on db) if unknown. */
static char *area_id_of(jarva_db *db, const char *name)
{
    jarva_area_list *list = NULL;
    char *id = NULL;
    if (jarva_area_find(&list, db, name) == JARVA_OK && jarva_area_list_count(list) > 0)
        id = strdup(jarva_area_list_get(list, 0)->id);
    jarva_area_list_free(list);
    return id;
}

/* The areas to assess an indicator in: the one asked for, its headline
 * area, or (--areas) every area it has estimates for. */
static int collect_areas(jarva_db *db, const jarva_indicator *ind, const query_args *q, char ***out,
                         size_t *count)
{
    *out = NULL;
    *count = 0;
    if (!q->areas) {
        char *area = NULL;
        if (q->area)
            area = area_id_of(db, q->area);
        else if (jarva_headline_area(&area, db, ind->id))
            return -1;
        *out = malloc(sizeof **out);
        if (!*out || !area) {
            jarva_free(area);
            return -1;
        }
        (*out)[(*count)++] = area;
        return 0;
    }
    jarva_result_filter filter = { ind->id, 0, NULL, 0 };
    jarva_result_list *list = NULL;
    if (jarva_result_list_open(&list, db, &filter))
        return -1;
    size_t n = jarva_result_list_count(list);
    char **areas = calloc(n ? n : 1, sizeof *areas);
    int rc = areas ? 0 : -1;
    for (size_t i = 0; i < n && !rc; i++) {
        const char *id = jarva_result_list_get(list, i)->area_id;
        size_t k = 0;
        while (k < *count && strcmp(areas[k], id))
            k++;
        if (k == *count && !(areas[(*count)++] = strdup(id)))
            rc = -1;
    }
    jarva_result_list_free(list);
    *out = areas;
    return rc;
}

/* Benjamini-Hochberg over every tested change of the run: the family the
 * word "significant" is judged in (docs/status.md). */
static int adjust_changes(status_row *rows, size_t n)
{
    double *p = malloc((n ? n : 1) * sizeof *p);
    if (!p)
        return -1;
    for (size_t i = 0; i < n; i++)
        p[i] = tested(&rows[i].st) ? rows[i].st.change.p_value : NAN;
    double *adjusted = malloc((n ? n : 1) * sizeof *adjusted);
    int rc = adjusted ? jarva_p_adjust_bh(adjusted, p, n) : -1;
    for (size_t i = 0; i < n && !rc; i++)
        rows[i].p_adjusted = adjusted[i];
    free(p);
    free(adjusted);
    return rc;
}

/* Target options: the plan's thresholds (plan.csv) and the level asked for. */
static void target_options(jarva_db *db, const query_args *q, jarva_target_options *o)
{
    jarva_target_options defaults = JARVA_TARGET_OPTIONS_INIT;
    *o = defaults;
    jarva_plan plan;
    if (jarva_plan_get(&plan, db) == JARVA_OK) {
        o->on_track = plan.on_track_probability;
        o->off_track = plan.off_track_probability;
    }
    if (q->level > 0)
        o->level = q->level;
}

static const char status_usage[] =
    "Usage: jarva status [--year Y] [--area A | --areas] [--level L]\n"
    "                    [--format table|csv|json]\n"
    "\n"
    "Prints every indicator's status against its target as of year Y (default:\n"
    "the latest data), judged by the probability that the value in the target year\n"
    "meets the target: achieved (the latest value meets it), on track (probability\n"
    "at least 0.75), uncertain, off track (at most 0.25; both thresholds are the\n"
    "plan's, plan.csv), insufficient data (no data, fewer than 3 points in the\n"
    "series segment, or the target year passed without a measurement) or no\n"
    "target; the rule that decided with its numbers; whether the target is decided\n"
    "or proposed; and the change since the baseline. --areas assesses every area\n"
    "with estimates; \"significant\" uses Benjamini-Hochberg adjusted p-values over\n"
    "all changes printed. csv and json give the fields of docs/status.md, shares\n"
    "0-1, null where a figure does not exist.\n";

int cmd_status(cli_ctx *ctx, int argc, char **argv)
{
    query_args q = { 0 };
    int done;
    if (cli_parse_query(ctx, "status", status_usage, argc, argv, &q, &done))
        return CLI_USAGE;
    if (done)
        return CLI_OK;
    if (q.positional)
        return cli_usage_error("status", "unexpected argument '%s'", q.positional);
    if (q.areas && q.area)
        return cli_usage_error("status", "give --area or --areas, not both");
    jarva_db *db = cli_open_db(ctx, JARVA_DB_READONLY);
    if (!db)
        return CLI_FAIL;
    jarva_indicator_list *all = NULL;
    if (jarva_indicator_list_open(&all, db, NULL)) {
        cli_db_error(db);
        jarva_db_close(db);
        return CLI_FAIL;
    }
    jarva_target_options o;
    target_options(db, &q, &o);
    status_row *rows = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    for (size_t i = 0; i < jarva_indicator_list_count(all) && !rc; i++) {
        const jarva_indicator *ind = jarva_indicator_list_get(all, i);
        char **areas = NULL;
        size_t nareas = 0;
        rc = collect_areas(db, ind, &q, &areas, &nareas);
        for (size_t a = 0; a < nareas; a++) {
            if (!rc && n == cap) {
                cap = cap ? 2 * cap : 64;
                status_row *grown = realloc(rows, cap * sizeof *grown);
                if (grown)
                    rows = grown;
                else
                    rc = -1;
            }
            if (rc) {
                free(areas[a]);
                continue;
            }
            status_row *r = &rows[n++];
            memset(r, 0, sizeof *r);
            r->ind = ind;
            r->area = areas[a];
            r->p_adjusted = NAN;
            rc = jarva_status_assess(&r->st, &r->has_target, db, ind->id, r->area, q.year, &o);
        }
        free(areas);
    }
    if (!rc)
        rc = adjust_changes(rows, n);
    if (rc)
        cli_db_error(db);
    else if (ctx->format == CLI_FORMAT_TABLE)
        print_status_table(rows, n, q.areas || q.area, &o);
    else
        print_status_data(rows, n, ctx->format, o.level);
    for (size_t i = 0; i < n; i++)
        free(rows[i].area);
    free(rows);
    jarva_indicator_list_free(all);
    jarva_db_close(db);
    return rc ? CLI_FAIL : CLI_OK;
}

static const char trend_usage[] =
    "Usage: jarva trend ID [--area A] [--year Y] [--level L] [--format table|csv|json]\n"
    "\n"
    "Prints an indicator's estimates over the years and the trend of the latest\n"
    "series segment: for sampled estimates weighted least squares (weights\n"
    "1/se^2) with the dispersion factor max(1, chi2 / (k - 2)) applied to its\n"
    "standard error (and t on k - 2 df when above 1); for exact counts ordinary\n"
    "least squares, zeros included. Then the change since the baseline (the\n"
    "catalogue's for the headline area, else the segment's first estimate) with\n"
    "its test. csv and json repeat the trend and change figures on every year's\n"
    "row; shares 0-1, null where a figure does not exist.\n";

static const char *const trend_fields[] = { "indicator",
                                            "area",
                                            "year",
                                            "n",
                                            "estimate",
                                            "se",
                                            "ci_low",
                                            "ci_high",
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
                                            "change_p" };
enum { NTREND_FIELDS = sizeof trend_fields / sizeof trend_fields[0] };

static void print_trend_data(const char *id, const char *area, const jarva_series *s,
                             const jarva_target_status *st, cli_format format)
{
    cli_table *t = cli_table_new(NTREND_FIELDS, trend_fields);
    for (int c = 2; c < NTREND_FIELDS; c++)
        if (c != 10 && c != 24)
            cli_table_numeric(t, c);
    const jarva_trend *tr = &st->trend;
    int trend = !(tr->flags & JARVA_TREND_INSUFFICIENT);
    int test = tested(st);
    for (size_t i = 0; i < s->count; i++) {
        const jarva_estimate *e = &s->estimates[i];
        int shown = !e->suppressed && !(e->flags & JARVA_EST_EMPTY);
        int ci = shown && !(e->flags & JARVA_EST_NO_CI);
        int exact = (e->flags & JARVA_EST_EXACT) != 0;
        char b[NTREND_FIELDS][40];
        const char *cells[NTREND_FIELDS] = {
            id,
            area,
            whole(b[2], 40, s->years[i], 1),
            /* n of a suppressed cell is never shown (docs/disclosure.md). */
            whole(b[3], 40, (long)e->n, !e->suppressed),
            shown ? num(b[4], 40, e->estimate) : NULL,
            shown && !exact ? num(b[5], 40, e->se) : NULL,
            ci ? num(b[6], 40, e->ci_low) : NULL,
            ci ? num(b[7], 40, e->ci_high) : NULL,
            exact ? "true" : "false",
            e->suppressed ? "true" : "false",
            trend ? (tr->method == JARVA_TREND_OLS ? "ols" : "wls") : NULL,
            whole(b[11], 40, tr->first_year, tr->n_points > 0),
            whole(b[12], 40, tr->last_year, tr->n_points > 0),
            whole(b[13], 40, (long)tr->n_points, 1),
            trend ? num(b[14], 40, tr->slope) : NULL,
            trend ? num(b[15], 40, tr->se_slope) : NULL,
            trend ? num(b[16], 40, tr->ci_low) : NULL,
            trend ? num(b[17], 40, tr->ci_high) : NULL,
            trend ? num(b[18], 40, tr->p_value) : NULL,
            trend ? num(b[19], 40, tr->df) : NULL, /* null also for a normal (infinite) df */
            trend ? num(b[20], 40, tr->chisq) : NULL,
            trend && tr->method == JARVA_TREND_WLS ? num(b[21], 40, tr->dispersion) : NULL,
            whole(b[22], 40, st->baseline_year, st->baseline_year != 0),
            st->baseline_year ? num(b[23], 40, st->baseline_value) : NULL,
            st->baseline_year ? jarva_baseline_source_name(st->baseline_source) : NULL,
            st->has_change ? num(b[25], 40, st->change.difference) : NULL,
            test ? num(b[26], 40, st->change.ci_low) : NULL,
            test ? num(b[27], 40, st->change.ci_high) : NULL,
            test ? num(b[28], 40, st->change.p_value) : NULL,
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
        if (!e->suppressed)
            snprintf(n, sizeof n, "%zu", e->n);
        if (!e->suppressed) {
            cli_format_value(est, sizeof est, e->estimate, percent, CLI_FORMAT_TABLE);
            if (!(e->flags & JARVA_EST_NO_CI)) {
                cli_format_value(lo, sizeof lo, e->ci_low, percent, CLI_FORMAT_TABLE);
                cli_format_value(hi, sizeof hi, e->ci_high, percent, CLI_FORMAT_TABLE);
            }
        } else
            snprintf(est, sizeof est, "–");
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
        int d = interval_decimals(tr->ci_low * scale, tr->ci_high * scale, 2);
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
        change_text(text, sizeof text, &st->change, percent, level);
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

int cmd_trend(cli_ctx *ctx, int argc, char **argv)
{
    query_args q = { 0 };
    int done;
    if (cli_parse_query(ctx, "trend", trend_usage, argc, argv, &q, &done))
        return CLI_USAGE;
    if (done)
        return CLI_OK;
    if (!q.positional)
        return cli_usage_error("trend", "give the indicator's id");
    jarva_db *db = cli_open_db(ctx, JARVA_DB_READONLY);
    if (!db)
        return CLI_FAIL;
    jarva_series_data *data = NULL;
    jarva_indicator_list *ind = NULL;
    char *area = NULL;
    jarva_target_options o;
    target_options(db, &q, &o);
    jarva_target_status st;
    int has_target;
    int rc = jarva_indicator_find(&ind, db, q.positional);
    if (!rc)
        rc = q.area ? ((area = area_id_of(db, q.area)) ? 0 : JARVA_ENOTFOUND)
                    : jarva_headline_area(&area, db, q.positional);
    if (!rc)
        rc = jarva_series_open(&data, db, q.positional, area);
    if (!rc)
        rc = jarva_status_assess(&st, &has_target, db, q.positional, area, q.year, &o);
    if (rc) {
        cli_db_error(db);
    } else {
        jarva_series s = *jarva_series_data_series(data);
        while (q.year && s.count && s.years[s.count - 1] > q.year)
            s.count--;
        if (ctx->format == CLI_FORMAT_TABLE)
            print_trend_table(&s, &st, jarva_indicator_list_get(ind, 0)->percent, o.level);
        else
            print_trend_data(q.positional, area, &s, &st, ctx->format);
    }
    jarva_free(area);
    jarva_series_data_free(data);
    jarva_indicator_list_free(ind);
    jarva_db_close(db);
    return rc ? CLI_FAIL : CLI_OK;
}
