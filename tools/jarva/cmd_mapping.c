/* cmd_mapping.c: `jarva mapping draft FILE`: a first column mapping for an
 * export, written for the analyst to edit into indicators/sources/. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

typedef struct mapping_args {
    int draft;
    const char *file;
    const char *source;
    const char *output;
} mapping_args;

static const cli_opt mapping_opts[] = {
    CLI_WORD("draft", mapping_args, draft, CLI_OPT_REQUIRED),
    CLI_ARG("FILE", mapping_args, file, CLI_OPT_REQUIRED,
            "the export to draft a mapping for ('-': standard input, CSV)"),
    CLI_VALUE("source", 0, "ID", mapping_args, source, NULL, 0,
              "the source the mapping is for (its catalogue mapping is asked first)"),
    CLI_VALUE("output", 'o', "OUT", mapping_args, output, NULL, 0,
              "write to OUT (never over an existing file); default, or '-': standard output"),
    CLI_END
};

/* Drafts the mapping of file and writes it to out_path (NULL: stdout). */
static int draft(const cli_ctx *ctx, const char *file, const char *source, const char *out_path)
{
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
    if (jarva_mapping_draft(&csv, db, file, source) != JARVA_OK) {
        cli_db_error(db);
        jarva_db_close(db);
        return CLI_FAIL;
    }
    /* Never over the export or the database (and its -wal, -shm). */
    const char *inputs[2] = { file, ctx->db_path };
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
    } else if (cli_stdout_write(csv, strlen(csv)) != 0) {
        rc = CLI_FAIL; /* main says why */
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

static int run_mapping(cli_ctx *ctx, int argc, char **argv)
{
    mapping_args a = { 0, NULL, NULL, NULL };
    int parsed = cli_opt_parse(&cli_cmd_mapping, ctx, argc, argv, &a);
    if (parsed != CLI_PARSED)
        return parsed;
    const char *out_path = a.output && strcmp(a.output, "-") != 0 ? a.output : NULL;
    const char *file = a.file;
    /* Standard input ('-'): saved to a private file, as import does. */
    cli_stdin_copy copy;
    if (cli_stdin_spool(&file, 0, &copy) != 0)
        return CLI_FAIL;
    int rc = draft(ctx, file, a.source, out_path);
    cli_stdin_release(&copy);
    return rc;
}

const cli_command cli_cmd_mapping = {
    "mapping", "draft a column mapping from a file's columns (mapping draft FILE)", mapping_opts,
    "Writes a draft column mapping (field,column,years,codes,description) for the\n"
    "export FILE (CSV, .xlsx, or .sav and the other statistics files): the role\n"
    "each column's name suggests (lopnr, omrade, vikt, strata, kon, aldersgrupp\n"
    "...), the question a mapping of the database's catalogue (--source ID's\n"
    "first) already maps the column to, or whose indicator variable it is, and the\n"
    "codes the file holds. A column it cannot place has the field '?': an import\n"
    "refuses the mapping until you name its field or delete the row. A statistics\n"
    "file's variable and value labels go into the description, its labelled codes\n"
    "into the codes.\n",
    run_mapping
};
