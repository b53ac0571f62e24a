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

typedef struct status_args {
    int year;
    const char *area;
    int areas; /* every area with estimates */
    double level;
} status_args;

static const cli_opt status_opts[] = {
    CLI_VALUE("year", 0, "Y", status_args, year, &cli_type_year, 0,
              "as of this year (default: the latest data)"),
    CLI_VALUE("area", 0, "A", status_args, area, NULL, 0,
              "assess in this area instead of each indicator's headline area"),
    CLI_FLAG("areas", 0, status_args, areas, 1, CLI_OPT_OR, "assess in every area with estimates"),
    CLI_VALUE("level", 0, "L", status_args, level, &cli_type_level, 0,
              "the confidence level (default 0.95)"),
    CLI_END
};

/* One row of `jarva status`. */
typedef struct status_row {
    const jarva_indicator *ind;
    char *area;
    jarva_target_status st;
    int has_target;
    double p_adjusted;   /* Benjamini-Hochberg over the run's tested changes; NaN if none */
    cli_interval latest; /* the latest estimate's stored method and level */
} status_row;

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
    case JARVA_RULE_RECENT_TURN:
        snprintf(buf, size,
                 "P(%s %s %s in %d) = %.2f from the trend (%s, se %s), but the two latest changes "
                 "move away from the target",
                 ind->percent ? "%" : "value", cmp, target, ind->target_year, st->probability,
                 projected, se);
        break;
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
            cli_change_text(text, sizeof text, &st->change, r->ind->percent, o->level);
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
                                             "latest_method",
                                             "latest_level",
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
                                             "test_level",
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
                                             "mdc",
                                             "unit" };
enum { NSTATUS_FIELDS = sizeof status_fields / sizeof status_fields[0] };

static void print_status_data(const status_row *rows, size_t n, cli_format format, double level)
{
    cli_table *t = cli_table_new(NSTATUS_FIELDS, status_fields);
    static const char *const texts[] = {
        "indicator",   "area",      "status",          "rule", "latest_method",
        "target_kind", "direction", "baseline_source", "unit", NULL
    };
    static const char *const bools[] = { "exact", "change_significant", NULL };
    cli_table_types(t, texts, bools);
    for (size_t i = 0; i < n; i++) {
        const status_row *r = &rows[i];
        const jarva_target_status *st = &r->st;
        const jarva_trend *tr = &st->trend;
        int exact = (st->latest.flags & JARVA_EST_EXACT) != 0, has_latest = st->latest_year != 0;
        int ci = has_latest && !(st->latest.flags & JARVA_EST_NO_CI);
        int trend = !(tr->flags & JARVA_TREND_INSUFFICIENT);
        int test = cli_change_tested(st);
        char b[NSTATUS_FIELDS][40];
        const char *cells[NSTATUS_FIELDS] = {
            r->ind->id,
            r->area,
            jarva_target_state_id(st->state),
            jarva_target_rule_name(st->rule),
            cli_whole(b[4], 40, st->latest_year, has_latest),
            has_latest ? cli_number(b[5], 40, st->latest_value) : NULL,
            ci ? cli_number(b[6], 40, st->latest.ci_low) : NULL,
            ci ? cli_number(b[7], 40, st->latest.ci_high) : NULL,
            *r->latest.method ? r->latest.method : NULL,
            *r->latest.level ? r->latest.level : NULL,
            has_latest ? (exact ? "true" : "false") : NULL,
            cli_whole(b[9], 40, r->ind->target_year, r->has_target),
            r->has_target ? cli_number(b[10], 40, r->ind->target_value) : NULL,
            r->has_target ? jarva_target_kind_name(r->ind->target_kind) : NULL,
            r->ind->direction == JARVA_LOWER_IS_BETTER ? "lower" : "higher",
            cli_whole(b[13], 40, st->baseline_year, st->baseline_year != 0),
            st->baseline_year ? cli_number(b[14], 40, st->baseline_value) : NULL,
            st->baseline_year ? jarva_baseline_source_name(st->baseline_source) : NULL,
            st->has_change ? cli_number(b[16], 40, st->change.difference) : NULL,
            test ? cli_number(b[17], 40, st->change.ci_low) : NULL,
            test ? cli_number(b[18], 40, st->change.ci_high) : NULL,
            test ? cli_number(b[19], 40, st->change.p_value) : NULL,
            test ? cli_number(b[20], 40, r->p_adjusted) : NULL,
            test ? (r->p_adjusted < 1 - level ? "true" : "false") : NULL,
            trend || test ? cli_level(b[34], 40, level) : NULL,
            cli_whole(b[22], 40, (long)tr->n_points, has_latest),
            trend ? cli_number(b[23], 40, tr->slope) : NULL,
            trend ? cli_number(b[24], 40, tr->ci_low) : NULL,
            trend ? cli_number(b[25], 40, tr->ci_high) : NULL,
            trend ? cli_number(b[26], 40, tr->p_value) : NULL,
            trend && tr->method == JARVA_TREND_WLS ? cli_number(b[27], 40, tr->dispersion) : NULL,
            st->has_projection ? cli_number(b[28], 40, st->projected_value) : NULL,
            st->has_projection ? cli_number(b[29], 40, st->projected_se) : NULL,
            st->has_projection ? cli_number(b[30], 40, st->probability) : NULL,
            cli_number(b[31], 40, st->pace),
            r->has_target ? cli_number(b[32], 40, st->required_pace) : NULL,
            cli_number(b[33], 40, st->mdc),
            cli_value_unit(r->ind, format),
        };
        cli_table_add(t, cells);
    }
    cli_table_print(t, format, stdout);
    cli_table_free(t);
}

/* The areas to assess an indicator in: the one asked for, its headline
 * area, or (--areas) every area it has estimates for. */
static int collect_areas(jarva_db *db, const jarva_indicator *ind, const status_args *q,
                         char ***out, size_t *count)
{
    *out = NULL;
    *count = 0;
    if (!q->areas) {
        char *area = cli_assess_area(db, ind->id, q->area);
        *out = malloc(sizeof **out);
        if (!*out || !area) {
            free(area);
            return area ? -1 : 1; /* 1: said already */
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
        p[i] = cli_change_tested(&rows[i].st) ? rows[i].st.change.p_value : NAN;
    double *adjusted = malloc((n ? n : 1) * sizeof *adjusted);
    int rc = adjusted ? jarva_p_adjust_bh(adjusted, p, n) : -1;
    for (size_t i = 0; i < n && !rc; i++)
        rows[i].p_adjusted = adjusted[i];
    free(p);
    free(adjusted);
    return rc;
}

static int run_status(cli_ctx *ctx, int argc, char **argv)
{
    status_args q = { 0 };
    int parsed;
    jarva_db *db = cli_read_command(&cli_cmd_status, ctx, argc, argv, &q, &parsed);
    if (!db)
        return parsed;
    jarva_indicator_list *all = NULL;
    if (jarva_indicator_list_open(&all, db, NULL)) {
        cli_db_error(db);
        jarva_db_close(db);
        return CLI_FAIL;
    }
    jarva_target_options o;
    cli_target_options(db, q.level, &o);
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
            r->st = (jarva_target_status)JARVA_TARGET_STATUS_INIT;
            rc = jarva_status_assess(&r->st, &r->has_target, db, ind->id, r->area, q.year, &o);
            if (!rc)
                rc = cli_stored_interval(db, ind->id, r->area, r->st.latest_year, &r->latest);
        }
        free(areas);
    }
    if (!rc)
        rc = adjust_changes(rows, n);
    if (rc < 0)
        cli_db_error(db);
    else if (rc > 0)
        ; /* said already */
    else if (ctx->format == CLI_FORMAT_TABLE)
        print_status_table(rows, n, q.areas || q.area, &o);
    else
        print_status_data(rows, n, ctx->format, o.level);
    for (size_t i = 0; i < n; i++)
        free(rows[i].area);
    free(rows);
    jarva_indicator_list_free(all);
    return cli_close_db(db, rc);
}

const cli_command cli_cmd_status = {
    "status", "print every indicator's status against its target", status_opts,
    "Prints every indicator's status against its target as of year Y, judged by\n"
    "the probability that the value in the target year meets the target: achieved\n"
    "(the latest value meets it), on track (probability at least 0.75), uncertain,\n"
    "off track (at most 0.25; both thresholds are the plan's, plan.csv),\n"
    "insufficient data (no data, fewer than 3 points in the series segment, or the\n"
    "target year passed without a measurement) or no target; the rule that decided\n"
    "with its numbers; whether the target is decided or proposed; and the change\n"
    "since the baseline. \"significant\" uses Benjamini-Hochberg adjusted p-values\n"
    "over all changes printed. csv and json give the fields of docs/status.md:\n"
    "numbers, booleans and null where a figure does not exist; shares, targets and\n"
    "changes as proportions 0-1 (unit \"proportion\").\n",
    run_status
};
