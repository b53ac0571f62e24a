/* cmd_batches.c: `jarva batches` lists import batches; `jarva batches rm ID`
 * removes one and everything derived from it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct batches_args {
    int rm;
    const char *id;
} batches_args;

static const cli_opt batches_opts[] = { CLI_WORD("rm", batches_args, rm, CLI_OPT_GROUP),
                                        CLI_ARG("ID", batches_args, id, 0, NULL), CLI_END };

static int remove_batch(cli_ctx *ctx, const char *id_text)
{
    char *end;
    errno = 0;
    long long id = strtoll(id_text, &end, 10);
    if (end == id_text || *end || id <= 0 || errno == ERANGE)
        return cli_usage_error("batches", "'%s' is not a batch id", id_text);
    jarva_db *db = cli_open_db(ctx, 0);
    if (!db)
        return CLI_FAIL;
    int rc = jarva_batch_remove(db, id);
    if (rc)
        cli_db_error(db);
    else if (!ctx->quiet)
        fprintf(stderr, "jarva: batch %lld removed\n", id);
    return cli_close_db(db, rc);
}

static int run_batches(cli_ctx *ctx, int argc, char **argv)
{
    batches_args a = { 0, NULL };
    int parsed = cli_opt_parse(&cli_cmd_batches, ctx, argc, argv, &a);
    if (parsed != CLI_PARSED)
        return parsed;
    if (a.rm)
        return remove_batch(ctx, a.id);
    jarva_db *db = cli_open_db(ctx, JARVA_DB_READONLY);
    if (!db)
        return CLI_FAIL;
    jarva_batch_list *list = NULL;
    if (jarva_batch_list_open(&list, db)) {
        cli_db_error(db);
        jarva_db_close(db);
        return CLI_FAIL;
    }
    static const char *const headers[] = { "id",   "kind",     "source", "year", "file",
                                           "rows", "imported", "sha256", "tool" };
    cli_table *t = cli_table_new(9, headers);
    cli_table_numeric(t, 0);
    cli_table_numeric(t, 3);
    cli_table_numeric(t, 5);
    for (size_t i = 0; i < jarva_batch_list_count(list); i++) {
        const jarva_batch *b = jarva_batch_list_get(list, i);
        char id[24], year[12], rows[24];
        snprintf(id, sizeof id, "%lld", (long long)b->id);
        snprintf(year, sizeof year, "%d", b->year);
        snprintf(rows, sizeof rows, "%lld", (long long)b->rows);
        const char *cells[] = { id,
                                jarva_import_kind_name(b->kind),
                                b->source,
                                b->year ? year : NULL,
                                b->file_name,
                                rows,
                                b->imported_at,
                                b->sha256,
                                b->tool_version };
        cli_table_add(t, cells);
    }
    cli_table_print(t, ctx->format, stdout);
    cli_table_free(t);
    jarva_batch_list_free(list);
    jarva_db_close(db);
    return CLI_OK;
}

const cli_command cli_cmd_batches = {
    "batches", "list import batches, or remove one (batches rm ID)", batches_opts,
    "Lists the import batches: kind, source, year, file name, SHA-256, rows, time\n"
    "and tool version. `rm ID` removes a batch, its rows and the estimates computed\n"
    "from it, in one transaction.\n",
    run_batches
};
