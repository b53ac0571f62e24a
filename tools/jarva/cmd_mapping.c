/* cmd_mapping.c: `jarva mapping draft FILE`: a first column mapping for an
 * export, written for the analyst to edit into indicators/sources/. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char usage[] =
    "Usage: jarva mapping draft FILE [--source ID] [-o OUT]\n"
    "\n"
    "Writes a draft column mapping (field,column,years,codes,description) for the\n"
    "export FILE (CSV, .xlsx, or .sav and the other statistics files): the role\n"
    "each column's name suggests (lopnr, omrade, vikt,\n"
    "strata, kon, aldersgrupp ...), the question a mapping of the database's\n"
    "catalogue (--source ID's first) already maps the column to, or whose\n"
    "indicator variable it is, and the codes the file holds. A column it cannot\n"
    "place has the field '?': an import refuses the mapping until you name its\n"
    "field or delete the row. A statistics file's variable and value labels go\n"
    "into the description, its labelled codes into the codes.\n"
    "\n"
    "  --source ID   the source the mapping is for (its catalogue mapping first)\n"
    "  -o OUT        write to OUT (never over an existing file) instead of stdout\n";

int cmd_mapping(cli_ctx *ctx, int argc, char **argv)
{
    const char *words[2] = { NULL, NULL };
    const char *source = NULL, *out_path = NULL;
    int nwords = 0;
    for (int i = 1; i < argc; i++) {
        int code, shared = cli_shared_arg(ctx, "mapping", usage, argc, argv, &i, &code);
        if (shared < 0)
            return code;
        if (shared)
            continue;
        if (!strcmp(argv[i], "--source") || !strcmp(argv[i], "-o")) {
            if (i + 1 >= argc || !argv[i + 1][0])
                return cli_usage_error("mapping", "option '%s' needs a value", argv[i]);
            *(argv[i][1] == 'o' ? &out_path : &source) = argv[i + 1];
            i++;
        } else if (!strncmp(argv[i], "--source=", 9)) {
            source = argv[i] + 9;
        } else if (argv[i][0] == '-' || nwords == 2) {
            return cli_usage_error("mapping", "unexpected argument '%s'", argv[i]);
        } else {
            words[nwords++] = argv[i];
        }
    }
    if (nwords != 2 || strcmp(words[0], "draft") != 0)
        return cli_usage_error("mapping", "expected `draft FILE`");
    /* The catalogue's mappings and variables, if there is a database. */
    jarva_db *db = NULL;
    if (jarva_db_open(&db, ctx->db_path, JARVA_DB_READONLY) != JARVA_OK) {
        if (!ctx->quiet)
            fprintf(stderr, "jarva: %s: no catalogue to place questions by (%s); roles only\n",
                    ctx->db_path, jarva_errmsg(db));
        jarva_db_close(db);
        db = NULL;
        if (jarva_db_open(&db, NULL, JARVA_DB_MEMORY) != JARVA_OK) {
            cli_db_error(db);
            jarva_db_close(db);
            return CLI_FAIL;
        }
    }
    char *csv = NULL;
    if (jarva_mapping_draft(&csv, db, words[1], source) != JARVA_OK) {
        cli_db_error(db);
        jarva_db_close(db);
        return CLI_FAIL;
    }
    /* Never over the export or the database (and its -wal, -shm). */
    const char *inputs[2] = { words[1], ctx->db_path };
    if (out_path && jarva_output_check_db(db, out_path, inputs, 2) != JARVA_OK) {
        cli_db_error(db);
        jarva_db_close(db);
        jarva_free(csv);
        return CLI_FAIL;
    }
    jarva_db_close(db);
    int rc = CLI_OK;
    if (out_path) {
        /* Never over an existing file (it may be the mapping being drafted
         * from, or one edited by hand); written whole or not at all. */
        struct stat st;
        char why[512];
        if (lstat(out_path, &st) == 0) {
            cli_error("%s: cannot write: the file exists (never overwritten)", out_path);
            rc = CLI_FAIL;
        } else if (jarva_output_write_file(out_path, csv, strlen(csv), why, sizeof why)) {
            cli_error("%s", why);
            rc = CLI_FAIL;
        }
    } else if (fputs(csv, stdout) == EOF || fflush(stdout) != 0) {
        cli_error("stdout: write error: %s", strerror(errno));
        rc = CLI_FAIL;
    }
    size_t unplaced = 0;
    for (const char *p = csv; (p = strstr(p, "\n?,")) != NULL; p++)
        unplaced++;
    if (rc == CLI_OK && !ctx->quiet && unplaced)
        fprintf(stderr, "jarva: %zu column%s not placed (field '?'): edit them before importing\n",
                unplaced, unplaced == 1 ? "" : "s");
    jarva_free(csv);
    return rc;
}
