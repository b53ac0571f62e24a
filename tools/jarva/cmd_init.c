/* cmd_init.c: `jarva init`: create or migrate the database and load the plan's
 * catalogue into it. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const cli_opt init_opts[] = { CLI_END };

static int run_init(cli_ctx *ctx, int argc, char **argv)
{
    int parsed = cli_opt_parse(&cli_cmd_init, ctx, argc, argv, NULL);
    if (parsed != CLI_PARSED)
        return parsed;
    jarva_db *db = cli_open_db(ctx, JARVA_DB_CREATE);
    if (!db)
        return CLI_FAIL;
    int rc = jarva_catalog_load(db, ctx->catalog_dir);
    if (rc != JARVA_OK) {
        cli_db_error(db);
        jarva_db_close(db);
        return CLI_FAIL;
    }
    if (!ctx->quiet) {
        jarva_plan plan = JARVA_PLAN_INIT;
        if (jarva_plan_get(&plan, db) == JARVA_OK)
            fprintf(stderr, "jarva: %s: catalogue of plan %d loaded from %s\n", ctx->db_path,
                    plan.year, ctx->catalog_dir);
    }
    jarva_db_close(db);
    return CLI_OK;
}

const cli_command cli_cmd_init = {
    "init", "create or update the database and load the plan's catalogue", init_opts,
    "Creates the project database (mode 0600) if it does not exist, brings its\n"
    "schema up to date, and loads the plan's catalogue (goals, indicators, areas)\n"
    "from --catalog DIR, replacing the catalogue it held. Nothing is written if any\n"
    "file of the catalogue has an error; each error is printed as file:line:\n"
    "message.\n",
    run_init
};
