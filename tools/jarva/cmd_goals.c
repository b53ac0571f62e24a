/* cmd_goals.c: `jarva goals`: the plan's overall goals, then the communication
 * goals of each audience, with how many indicators measure each. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const cli_opt goals_opts[] = { CLI_END };

static int run_goals(cli_ctx *ctx, int argc, char **argv)
{
    int parsed;
    jarva_db *db = cli_read_command(&cli_cmd_goals, ctx, argc, argv, NULL, &parsed);
    if (!db)
        return parsed;
    jarva_plan plan = JARVA_PLAN_INIT;
    jarva_goal_list *goals = NULL;
    if (jarva_plan_get(&plan, db) != JARVA_OK || jarva_goal_list_open(&goals, db) != JARVA_OK) {
        int rc = cli_db_error(db);
        jarva_db_close(db);
        return rc;
    }

    int full = ctx->format != CLI_FORMAT_TABLE;
    /* indicator_count, as `jarva show` names it (its indicators are ids). */
    static const char *const headers[] = {
        "id", "kind", "audience", "position", "indicator_count", "text_sv", "text_en"
    };
    cli_table *t = cli_table_new(full ? 7 : 6, headers);
    int rc = t ? CLI_OK : CLI_FAIL;
    if (t) {
        cli_table_numeric(t, 3);
        cli_table_numeric(t, 4);
    }
    for (size_t i = 0; t && rc == CLI_OK && i < jarva_goal_list_count(goals); i++) {
        const jarva_goal *g = jarva_goal_list_get(goals, i);
        char position[16], count[16];
        snprintf(position, sizeof position, "%d", g->position);
        snprintf(count, sizeof count, "%d", g->indicator_count);
        const char *cells[] = {
            g->id,          g->kind == JARVA_GOAL_OVERALL ? "overall" : "communication",
            g->audience_id, position,
            count,          g->text_sv,
            g->text_en
        };
        if (cli_table_add(t, cells) != 0)
            rc = CLI_FAIL;
    }
    if (rc == CLI_OK)
        cli_table_print(t, ctx->format, stdout);
    else
        cli_error("out of memory");
    cli_table_free(t);
    jarva_goal_list_free(goals);
    jarva_db_close(db);
    return rc;
}

const cli_command cli_cmd_goals = {
    "goals", "list the plan's overall and communication goals", goals_opts,
    "Lists the goals of the communication plan: the overall goals (g1-g7), then\n"
    "the communication goals of each audience, in plan order, with the number of\n"
    "indicators that measure each goal.\n"
    "\n"
    "Columns: id, kind (overall or communication), audience, position,\n"
    "indicator_count (as `jarva show` names it), text_sv; csv and json add\n"
    "text_en.\n"
    "\n"
    "Exit status: 0 success, 1 no database or catalogue, 2 usage error.\n",
    run_goals
};
