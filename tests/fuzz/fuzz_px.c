/* fuzz_px.c: the PX parser on any bytes, and the same bytes imported as a
 * .px table and as a PxWeb wide CSV through a table mapping into an
 * in-memory database holding the plan's real catalogue and the mapping of
 * tests/data/px/sources.
 *
 * Invariants checked: a parse either fails with a message or gives
 * variables with values whose product is the number of cells, every cell a
 * number, a nil ("-", zero) or one to six dots, lines never going back, and
 * every text valid UTF-8 (jarva__utf8_check); an import that fails leaves a
 * message and no rows; one that succeeds writes one row per cell and
 * jarva_batch_remove() takes them out again. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "source_mapping.h"
#include "jarva_internal.h"
#include "px_internal.h"
#include "text_encoding.h"
#include "store_db.h"

#define SOURCE "stockholm-stad-trygghetsmatning"

static jarva_db *db;
static char *path, *csv_path;

static int exec_sql(const char *sql)
{
    return sqlite3_exec(db->sql, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* The mapping stored as `jarva --catalog DIR init` would store it. */
static void store_mapping(void)
{
    jarva__mapping *m = NULL;
    jarva__error err = { 0 };
    FUZZ_ASSERT(jarva__mapping_parse_file(JARVA_SOURCE_DIR "/tests/data/px/sources/" SOURCE ".csv",
                                          &m, &err) == JARVA_OK);
    FUZZ_ASSERT(exec_sql("INSERT OR REPLACE INTO catalog_source VALUES ('" SOURCE
                         "', 'sources/" SOURCE ".csv', '', '')") == 0);
    for (size_t i = 0; i < m->count; i++) {
        char *codes = jarva__mapping_codes_text(&m->entries[i]);
        char *sql = sqlite3_mprintf("INSERT INTO catalog_source_entry VALUES ('" SOURCE
                                    "', %lld, %lld, %Q, %Q, NULL, NULL, NULL)",
                                    (long long)i + 1, (long long)m->entries[i].line,
                                    m->entries[i].field, m->entries[i].column);
        FUZZ_ASSERT(codes && sql && exec_sql(sql) == 0);
        sqlite3_free(sql);
        free(codes);
    }
    jarva__mapping_free(m);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    path = fuzz_scratch_path("input.px");
    csv_path = fuzz_scratch_path("input.csv");
    if (jarva_db_open(&db, NULL, JARVA_DB_MEMORY) != JARVA_OK ||
        jarva_catalog_load(db, JARVA_SOURCE_DIR "/indicators") != JARVA_OK) {
        fprintf(stderr, "fuzz_px: setup: %s\n", jarva_errmsg(db));
        abort();
    }
    store_mapping();
    return 0;
}

static int valid_text(const char *s)
{
    jarva__text_error e;
    size_t first;
    size_t n = strlen(s);
    return jarva__utf8_check((const unsigned char *)s, n, &e, &first) == n && e == JARVA__TEXT_OK;
}

static void check_parse(const uint8_t *data, size_t size)
{
    jarva__px *px = NULL;
    jarva__error err = { 0 };
    int rc = jarva__px_parse(&px, "input.px", data, size, &err);
    if (rc) {
        FUZZ_ASSERT(rc < 0 && px == NULL && err.message && *err.message);
        jarva__freeerr(&err);
        return;
    }
    size_t product = 1;
    for (size_t v = 0; v < px->nvars; v++) {
        FUZZ_ASSERT(px->vars[v].nvalues > 0 && valid_text(px->vars[v].name));
        for (size_t i = 0; i < px->vars[v].nvalues; i++)
            FUZZ_ASSERT(valid_text(px->vars[v].values[i]));
        product *= px->vars[v].nvalues;
    }
    FUZZ_ASSERT(px->nvars > 0 && px->ncells == product && px->nstub <= px->nvars);
    long line = 1;
    for (size_t c = 0; c < px->ncells; c++) {
        const jarva__px_cell *cell = &px->cells[c];
        FUZZ_ASSERT(cell->line >= line);
        line = cell->line;
        if (cell->kind == JARVA__PX_MISSING)
            FUZZ_ASSERT(cell->dots >= 1 && cell->dots <= 6 && isnan(cell->value));
        else if (cell->kind == JARVA__PX_NIL)
            FUZZ_ASSERT(cell->value == 0);
        else
            FUZZ_ASSERT(cell->kind == JARVA__PX_NUMBER && isfinite(cell->value));
    }
    size_t *idx = calloc(px->nvars, sizeof *idx);
    FUZZ_ASSERT(idx != NULL);
    jarva__px_cell_indices(px, px->ncells - 1, idx);
    for (size_t v = 0; v < px->nvars; v++)
        FUZZ_ASSERT(idx[v] == px->vars[v].nvalues - 1);
    free(idx);
    jarva__px_free(px);
}

static long long published_rows(void)
{
    sqlite3_stmt *stmt = NULL;
    long long n = -1;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT (SELECT count(*) FROM batch) + (SELECT count(*) FROM "
                           "published_value)",
                           -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return n;
}

static void check_import(const char *file)
{
    jarva_import_options opts = JARVA_IMPORT_OPTIONS_INIT;
    opts.kind = JARVA_IMPORT_TABLE;
    opts.source = SOURCE;
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
    int rc = jarva_import_file(&res, db, file, &opts);
    if (rc != JARVA_OK) {
        FUZZ_ASSERT(rc < 0 && jarva_errcode(db) == rc && jarva_errmsg(db)[0] != '\0');
        FUZZ_ASSERT(published_rows() == 0);
        return;
    }
    FUZZ_ASSERT(res.outcome == JARVA_IMPORTED && res.rows > 0);
    FUZZ_ASSERT(published_rows() == res.rows + 1);
    FUZZ_ASSERT(jarva_batch_remove(db, res.batch_id) == JARVA_OK);
    FUZZ_ASSERT(published_rows() == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_parse(data, size);
    fuzz_write_file(path, data, size);
    check_import(path);
    /* The same bytes as a CSV export, unless they look like PX. */
    if (!jarva__px_sniff(NULL, data, size)) {
        fuzz_write_file(csv_path, data, size);
        check_import(csv_path);
    }
    return 0;
}
