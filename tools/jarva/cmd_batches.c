/* cmd_batches.c: `jarva batches` lists import batches; `jarva batches rm ID`
 * removes one and everything derived from it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] = "Usage: jarva batches [rm ID] [--format table|csv|json]\n"
                            "\n"
                            "Lists the import batches: kind, source, year, file name, SHA-256,\n"
                            "rows, time and tool version. `rm ID` removes a batch, its rows and\n"
                            "the estimates computed from it, in one transaction.\n";

static int remove_batch(cli_ctx *ctx, const char *id_text)
{
    char *end;
    long long id = strtoll(id_text, &end, 10);
    if (*end || id <= 0)
        return cli_usage_error("batches", "'%s' is not a batch id", id_text);
    jarva_db *db = cli_open_db(ctx, 0);
    if (!db)
        return CLI_FAIL;
    int rc = jarva_batch_remove(db, id);
    if (rc)
        cli_db_error(db);
    else if (!ctx->quiet)
        fprintf(stderr, "jarva: batch %lld removed\n", id);
    jarva_db_close(db);
    return rc ? CLI_FAIL : CLI_OK;
}

int cmd_batches(cli_ctx *ctx, int argc, char **argv)
{
    const char *words[2] = { NULL, NULL };
    int nwords = 0;
    for (int i = 1; i < argc; i++) {
        int code, shared = cli_shared_arg(ctx, "batches", usage, argc, argv, &i, &code);
        if (shared < 0)
            return code;
        if (shared)
            continue;
        if (argv[i][0] == '-' || nwords == 2)
            return cli_usage_error("batches", "unexpected argument '%s'", argv[i]);
        words[nwords++] = argv[i];
    }
    if (nwords) {
        if (strcmp(words[0], "rm") != 0 || nwords != 2)
            return cli_usage_error("batches", "expected `rm ID`");
        return remove_batch(ctx, words[1]);
    }
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
                                b->year ? year : "",
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
