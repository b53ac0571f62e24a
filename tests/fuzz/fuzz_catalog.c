/* fuzz_catalog.c: jarva_catalog_load() on a copy of the plan's catalogue in
 * which one file is replaced by the input. The first byte chooses the file
 * (its value modulo 9, in the order of FILES below; 0xF0 and above: that
 * file is missing instead); the rest is its content.
 *
 * Invariants checked: a failure leaves a message and the catalogue in the
 * database as it was; a success can be undone by loading the real catalogue
 * again, so that every input starts from the same database. */
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "jarva_internal.h"
#include "store_db.h"

static const char *const FILES[] = { "plan.csv",      "organisations.csv", "priority_areas.csv",
                                     "audiences.csv", "goals.csv",         "principles.csv",
                                     "areas.csv",     "area_aliases.csv",  "indicators.csv" };
#define NFILES (sizeof FILES / sizeof FILES[0])

static jarva_db *db;
static char *dir;
static char *paths[NFILES];
static unsigned char *originals[NFILES];
static size_t original_sizes[NFILES];
static char *original_digest;

static void read_original(size_t i)
{
    char source[4096];
    snprintf(source, sizeof source, "%s/indicators/%s", JARVA_SOURCE_DIR, FILES[i]);
    FILE *f = fopen(source, "rb");
    FUZZ_ASSERT(f != NULL);
    size_t cap = 1 << 20;
    originals[i] = malloc(cap);
    FUZZ_ASSERT(originals[i] != NULL);
    original_sizes[i] = fread(originals[i], 1, cap, f);
    FUZZ_ASSERT(original_sizes[i] > 0 && original_sizes[i] < cap);
    fclose(f);
}

/* What the catalogue tables hold, as one string (the logical content). */
static char *catalogue_digest(void)
{
    sqlite3_stmt *stmt = NULL;
    char *out = NULL;
    if (sqlite3_prepare_v2(
            db->sql,
            "SELECT (SELECT group_concat(year || title_sv) FROM plan_version) || '|' || "
            "(SELECT group_concat(id) FROM organisation) || '|' || "
            "(SELECT group_concat(id) FROM priority_area) || '|' || "
            "(SELECT group_concat(id) FROM audience) || '|' || "
            "(SELECT group_concat(id || text_sv) FROM goal) || '|' || "
            "(SELECT group_concat(id) FROM principle) || '|' || "
            "(SELECT group_concat(id || ifnull(parent_id, '')) FROM area) || '|' || "
            "(SELECT count(*) FROM area_alias) || '|' || "
            "(SELECT group_concat(id || goal_id || ifnull(target_value, '')) FROM indicator) || "
            "'|' || (SELECT count(*) FROM indicator_series_break)",
            -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
        out = strdup((const char *)sqlite3_column_text(stmt, 0));
    if (!out)
        fprintf(stderr, "fuzz_catalog: digest: %s\n", sqlite3_errmsg(db->sql));
    sqlite3_finalize(stmt);
    FUZZ_ASSERT(out != NULL);
    return out;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    dir = fuzz_scratch_path("catalog");
    FUZZ_ASSERT(mkdir(dir, 0700) == 0);
    for (size_t i = 0; i < NFILES; i++) {
        read_original(i);
        size_t len = strlen(dir) + strlen(FILES[i]) + 2;
        paths[i] = malloc(len);
        FUZZ_ASSERT(paths[i] != NULL);
        snprintf(paths[i], len, "%s/%s", dir, FILES[i]);
        fuzz_write_file(paths[i], originals[i], original_sizes[i]);
    }
    if (jarva_db_open(&db, NULL, JARVA_DB_MEMORY) != JARVA_OK ||
        jarva_catalog_load(db, dir) != JARVA_OK) {
        fprintf(stderr, "fuzz_catalog: setup: %s\n", jarva_errmsg(db));
        abort();
    }
    original_digest = catalogue_digest();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t file = data[0] % NFILES;
    if (data[0] >= 0xF0)
        remove(paths[file]);
    else
        fuzz_write_file(paths[file], data + 1, size - 1);
    int rc = jarva_catalog_load(db, dir);
    fuzz_write_file(paths[file], originals[file], original_sizes[file]);
    if (rc != JARVA_OK) {
        FUZZ_ASSERT(rc < 0 && jarva_errcode(db) == rc && jarva_errmsg(db)[0] != '\0');
        char *digest = catalogue_digest();
        FUZZ_ASSERT(strcmp(digest, original_digest) == 0);
        free(digest);
        return 0;
    }
    if (jarva_catalog_load(db, dir) != JARVA_OK) {
        fprintf(stderr, "fuzz_catalog: reloading the real catalogue: %s\n", jarva_errmsg(db));
        abort();
    }
    char *digest = catalogue_digest();
    FUZZ_ASSERT(strcmp(digest, original_digest) == 0);
    free(digest);
    return 0;
}
