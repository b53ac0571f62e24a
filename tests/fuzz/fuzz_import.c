/* fuzz_import.c: jarva_import_file() of one kind (FUZZ_IMPORT_KIND, one
 * harness per kind) on any file, into an in-memory database holding the
 * plan's real catalogue, loaded once; the column mappings come from the
 * database as init stored them, the path every import takes after init. The
 * input is the CSV file itself, so the corpora are ordinary exports.
 *
 * Invariants checked: a failure leaves a message and writes nothing (the
 * data tables stay empty); a success is one complete batch that
 * jarva_batch_remove() takes out again, so that every input starts from the
 * same database; a dry run of the same file agrees with the import. */
#include <string.h>

#include "fuzz.h"
#include "jarva_internal.h"
#include "store_db.h"

#ifndef FUZZ_IMPORT_KIND
#error "define FUZZ_IMPORT_KIND to a jarva_import_kind"
#endif

static jarva_db *db;
static char *path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    path = fuzz_scratch_path("input.csv");
    if (jarva_db_open(&db, NULL, JARVA_DB_MEMORY) != JARVA_OK ||
        jarva_catalog_load(db, JARVA_SOURCE_DIR "/indicators") != JARVA_OK) {
        fprintf(stderr, "fuzz_import: setup: %s\n", jarva_errmsg(db));
        abort();
    }
    return 0;
}

/* Rows in every table an import writes to. */
static long long imported_rows(void)
{
    sqlite3_stmt *stmt = NULL;
    long long n = -1;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT (SELECT count(*) FROM batch) + (SELECT count(*) FROM "
                           "batch_variable) + (SELECT count(*) FROM response) + (SELECT "
                           "count(*) FROM published_value) + (SELECT count(*) FROM activity)",
                           -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return n;
}

static int import(int dry_run, jarva_import_result *res)
{
    jarva_import_options opts = JARVA_IMPORT_OPTIONS_INIT;
    opts.kind = FUZZ_IMPORT_KIND;
    opts.dry_run = dry_run;
    return jarva_import_file(res, db, path, &opts);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write_file(path, data, size);
    jarva_import_result dry = JARVA_IMPORT_RESULT_INIT, res = JARVA_IMPORT_RESULT_INIT;
    int rc_dry = import(1, &dry);
    FUZZ_ASSERT(imported_rows() == 0);
    int rc = import(0, &res);
    FUZZ_ASSERT(rc == rc_dry); /* a dry run validates exactly what an import does */
    if (rc != JARVA_OK) {
        FUZZ_ASSERT(rc < 0 && jarva_errcode(db) == rc && jarva_errmsg(db)[0] != '\0');
        FUZZ_ASSERT(imported_rows() == 0);
        return 0;
    }
    FUZZ_ASSERT(dry.outcome == JARVA_VALIDATED && dry.rows == res.rows);
    FUZZ_ASSERT(res.outcome == JARVA_IMPORTED && res.batch_id > 0 && res.rows >= 0);
    FUZZ_ASSERT(strcmp(res.sha256, dry.sha256) == 0);
    FUZZ_ASSERT(imported_rows() > 0);
    FUZZ_ASSERT(jarva_batch_remove(db, res.batch_id) == JARVA_OK);
    FUZZ_ASSERT(imported_rows() == 0);
    return 0;
}
