/* cmd_indicators.c: `jarva indicators [--goal ID]`: the indicators that make
 * the plan's goals measurable, with their source, baseline and target. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: jarva indicators [--goal ID] [--db PATH] [--format table|csv|json]\n"
    "\n"
    "Lists the indicators in plan order, or only those of goal ID.\n"
    "Shares (proportions, and rates in %) are shown in percent.\n"
    "\n"
    "Columns: id, goal, audience, source_kind, measure, direction, baseline_year,\n"
    "baseline, target_year, target, unit, name_sv; csv and json add name_en,\n"
    "source, variable, positive_codes, valid_codes, event_type, counting_rule,\n"
    "disaggregations, min_n and series_breaks.\n"
    "\n"
    "Exit status: 0 success, 1 no database, catalogue or such goal, 2 usage error.\n";

static const char *const source_kinds[] = { "survey", "table", "staff", "activity" };
static const char *const measures[] = { "proportion", "mean", "count", "rate" };

/* A value as the catalogue files write it: shares in percent. */
static void format_value(char *out, size_t size, int has, double value, int percent)
{
    if (!has) {
        out[0] = '\0';
        return;
    }
    snprintf(out, size, "%.6g", percent ? value * 100.0 : value);
}

static void format_year(char *out, size_t size, int has, int year)
{
    if (has)
        snprintf(out, size, "%d", year);
    else
        out[0] = '\0';
}

static int add_rows(cli_table *t, const jarva_indicator_list *list)
{
    for (size_t i = 0; i < jarva_indicator_list_count(list); i++) {
        const jarva_indicator *ind = jarva_indicator_list_get(list, i);
        char base_year[16], base[32], target_year[16], target[32], min_n[16], breaks[256];
        format_year(base_year, sizeof base_year, ind->has_baseline, ind->baseline_year);
        format_value(base, sizeof base, ind->has_baseline, ind->baseline_value, ind->percent);
        format_year(target_year, sizeof target_year, ind->has_target, ind->target_year);
        format_value(target, sizeof target, ind->has_target, ind->target_value, ind->percent);
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
                                source_kinds[ind->source_kind],
                                measures[ind->measure],
                                ind->direction == JARVA_LOWER_IS_BETTER ? "lower" : "higher",
                                base_year,
                                base,
                                target_year,
                                target,
                                ind->unit,
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
                                breaks };
        if (cli_table_add(t, cells) != 0)
            return -1;
    }
    return 0;
}

int cmd_indicators(cli_ctx *ctx, int argc, char **argv)
{
    const char *goal = NULL;
    for (int i = 1; i < argc; i++) {
        int code, shared = cli_shared_arg(ctx, "indicators", usage, argc, argv, &i, &code);
        if (shared < 0)
            return code;
        if (shared)
            continue;
        if (strcmp(argv[i], "--goal") == 0) {
            if (i + 1 >= argc || !*argv[i + 1])
                return cli_usage_error("indicators", "option '--goal' needs a value");
            goal = argv[++i];
        } else if (strncmp(argv[i], "--goal=", 7) == 0 && argv[i][7]) {
            goal = argv[i] + 7;
        } else {
            return cli_usage_error("indicators", "unexpected argument '%s'", argv[i]);
        }
    }
    /* Not read-only: a database from an older libjarva is migrated first, and a
     * missing one is reported as such rather than as an SQLite open failure. */
    jarva_db *db = cli_open_db(ctx, JARVA_DB_READONLY);
    if (!db)
        return CLI_FAIL;
    jarva_plan plan;
    jarva_indicator_list *list = NULL;
    if (jarva_plan_get(&plan, db) != JARVA_OK ||
        jarva_indicator_list_open(&list, db, goal) != JARVA_OK) {
        int rc = cli_db_error(db);
        jarva_db_close(db);
        return rc;
    }

    int full = ctx->format != CLI_FORMAT_TABLE;
    static const char *const headers[] = {
        "id",          "goal",         "audience",      "source_kind",
        "measure",     "direction",    "baseline_year", "baseline",
        "target_year", "target",       "unit",          "name_sv",
        "name_en",     "source",       "variable",      "positive_codes",
        "valid_codes", "event_type",   "counting_rule", "disaggregations",
        "min_n",       "series_breaks"
    };
    /* A table on a terminal keeps to what fits; csv and json carry every field. */
    cli_table *t = cli_table_new(full ? (int)(sizeof headers / sizeof headers[0]) : 12, headers);
    int rc = CLI_OK;
    if (!t || add_rows(t, list) != 0) {
        cli_error("out of memory");
        rc = CLI_FAIL;
    } else {
        static const int numeric[] = { 6, 7, 8, 9, 20 };
        for (size_t c = 0; c < sizeof numeric / sizeof numeric[0]; c++)
            cli_table_numeric(t, numeric[c]);
        cli_table_print(t, ctx->format, stdout);
    }
    cli_table_free(t);
    jarva_indicator_list_free(list);
    jarva_db_close(db);
    return rc;
}
