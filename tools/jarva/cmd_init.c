/* cmd_init.c: `jarva init`: create or migrate the database and load the plan's
 * catalogue into it. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: jarva init [--db PATH] [--catalog DIR]\n"
    "\n"
    "Creates the project database (mode 0600) if it does not exist, brings its\n"
    "schema up to date, and loads the plan's catalogue (goals, indicators, areas)\n"
    "from DIR, replacing the catalogue it held. Nothing is written if any file of\n"
    "the catalogue has an error; each error is printed as file:line: message.\n";

int cmd_init(cli_ctx *ctx, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        int code, shared = cli_shared_arg(ctx, "init", usage, argc, argv, &i, &code);
        if (shared < 0)
            return code;
        if (!shared)
            return cli_usage_error("init", "unexpected argument '%s'", argv[i]);
    }
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
        jarva_plan plan;
        if (jarva_plan_get(&plan, db) == JARVA_OK)
            fprintf(stderr, "jarva: %s: catalogue of plan %d loaded from %s\n", ctx->db_path,
                    plan.year, ctx->catalog_dir);
    }
    jarva_db_close(db);
    return CLI_OK;
}
