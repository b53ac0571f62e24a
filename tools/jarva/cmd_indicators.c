/* cmd_indicators.c: `jarva indicators [--goal ID]`: the indicators that make
 * the plan's goals measurable, with their source, baseline and target. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct indicators_args {
    const char *goal;
} indicators_args;

static const cli_opt indicators_opts[] = { CLI_VALUE("goal", 0, "ID", indicators_args, goal, NULL,
                                                     0, "only the indicators of goal ID"),
                                           CLI_END };

/* A baseline or target: for people as the catalogue files write it (shares
 * in percent); for programs shares as proportions 0-1, like every other
 * machine-readable output (the unit column says which). */
static void format_value(char *out, size_t size, int has, double value, int percent,
                         cli_format format)
{
    if (!has)
        out[0] = '\0';
    else if (format == CLI_FORMAT_TABLE)
        snprintf(out, size, "%.6g", percent ? value * 100.0 : value);
    else
        snprintf(out, size, "%.12g", value);
}

static void format_year(char *out, size_t size, int has, int year)
{
    if (has)
        snprintf(out, size, "%d", year);
    else
        out[0] = '\0';
}

static int add_rows(cli_table *t, const jarva_indicator_list *list, cli_format format)
{
    for (size_t i = 0; i < jarva_indicator_list_count(list); i++) {
        const jarva_indicator *ind = jarva_indicator_list_get(list, i);
        char base_year[16], base[32], target_year[16], target[32], min_n[16], breaks[256];
        format_year(base_year, sizeof base_year, ind->has_baseline, ind->baseline_year);
        format_value(base, sizeof base, ind->has_baseline, ind->baseline_value, ind->percent,
                     format);
        format_year(target_year, sizeof target_year, ind->has_target, ind->target_year);
        format_value(target, sizeof target, ind->has_target, ind->target_value, ind->percent,
                     format);
        snprintf(min_n, sizeof min_n, "%d", ind->min_n);
        breaks[0] = '\0';
        for (size_t b = 0, used = 0; b < ind->series_break_count && used < sizeof breaks; b++) {
            int w = snprintf(breaks + used, sizeof breaks - used, "%s%d", b ? "," : "",
                             ind->series_breaks[b]);
            used += w > 0 ? (size_t)w : 0;
        }
        const char *cells[] = { ind->id,
                                ind->goal_id,
                                ind->audience_id,
                                jarva_import_kind_name(ind->source_kind),
                                cli_measure_name(ind->measure),
                                ind->direction == JARVA_LOWER_IS_BETTER ? "lower" : "higher",
                                base_year,
                                base,
                                target_year,
                                target,
                                cli_value_unit(ind, format),
                                ind->name_sv,
                                ind->name_en,
                                ind->source,
                                ind->variable,
                                ind->positive_codes,
                                ind->valid_codes,
                                ind->event_type,
                                ind->counting_rule,
                                ind->disaggregations,
                                min_n,
                                breaks,
                                ind->has_target ? jarva_target_kind_name(ind->target_kind) : NULL,
                                ind->target_decision };
        if (cli_table_add(t, cells) != 0)
            return -1;
    }
    return 0;
}

static int run_indicators(cli_ctx *ctx, int argc, char **argv)
{
    indicators_args a = { NULL };
    int parsed;
    jarva_db *db = cli_read_command(&cli_cmd_indicators, ctx, argc, argv, &a, &parsed);
    if (!db)
        return parsed;
    const char *goal = a.goal;
    jarva_plan plan = JARVA_PLAN_INIT;
    jarva_indicator_list *list = NULL;
    if (jarva_plan_get(&plan, db) != JARVA_OK ||
        jarva_indicator_list_open(&list, db, goal) != JARVA_OK) {
        int rc = cli_db_error(db);
        jarva_db_close(db);
        return rc;
    }

    int full = ctx->format != CLI_FORMAT_TABLE;
    static const char *const headers[] = {
        "id",          "goal",          "audience",      "source_kind",
        "measure",     "direction",     "baseline_year", "baseline",
        "target_year", "target",        "unit",          "name_sv",
        "name_en",     "source",        "variable",      "positive_codes",
        "valid_codes", "event_type",    "counting_rule", "disaggregations",
        "min_n",       "series_breaks", "target_kind",   "target_decision"
    };
    /* A table on a terminal keeps to what fits; csv and json carry every field. */
    cli_table *t = cli_table_new(full ? (int)(sizeof headers / sizeof headers[0]) : 12, headers);
    int rc = CLI_OK;
    if (!t || add_rows(t, list, ctx->format) != 0) {
        cli_error("out of memory");
        rc = CLI_FAIL;
    } else {
        static const int numeric[] = { 6, 7, 8, 9, 20 };
        for (size_t c = 0; c < sizeof numeric / sizeof numeric[0]; c++)
            cli_table_numeric(t, numeric[c]);
        static const char *const lists[] = { "positive_codes", "valid_codes", "disaggregations",
                                             "series_breaks" };
        for (int c = 0; full && c < (int)(sizeof headers / sizeof headers[0]); c++)
            for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
                if (!strcmp(headers[c], lists[l]))
                    cli_table_list(t, c);
        cli_table_print(t, ctx->format, stdout);
    }
    cli_table_free(t);
    jarva_indicator_list_free(list);
    jarva_db_close(db);
    return rc;
}

const cli_command cli_cmd_indicators = {
    "indicators", "list the indicators, optionally of one goal", indicators_opts,
    "Lists the indicators in plan order, or only those of goal ID. In a table\n"
    "shares (proportions, and rates in %) are shown in percent; csv and json give\n"
    "baselines and targets of shares as proportions 0-1 (unit \"proportion\").\n"
    "\n"
    "Columns: id, goal, audience, source_kind, measure, direction, baseline_year,\n"
    "baseline, target_year, target, unit, name_sv; csv and json add name_en,\n"
    "source, variable, positive_codes, valid_codes, event_type, counting_rule,\n"
    "disaggregations, min_n, series_breaks, target_kind (decided or proposed) and\n"
    "target_decision. The four lists (positive_codes, valid_codes,\n"
    "disaggregations, series_breaks) are comma-separated in csv and arrays in json.\n"
    "\n"
    "Exit status: 0 success, 1 no database, catalogue or such goal, 2 usage error.\n",
    run_indicators
};
