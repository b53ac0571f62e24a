/* test_import_inputs.c: what `jarva import` accepts (issue 17): weights
 * against the file's median (the error, the factor, the option to accept),
 * the ratio of largest to smallest weight in the result and the batch,
 * strata of a single respondent, a file that changes while it is imported,
 * and options of version 1. Every expected figure is worked out by hand from
 * the few rows written here, in the comments beside it. */
#include <sqlite3.h>
#include <sys/stat.h>

#include "harness.h"
#include "test_db_helpers.h"
#include "import_internal.h"
#include "store_db.h"

/* A catalogue folder whose only mapping is sources/mini.csv: a survey of
 * respondent, year, area, stratum, weight and one question. */
static const char *mini_catalog(void)
{
    static char dir[4096];
    snprintf(dir, sizeof dir, "%s", test_tmp_path("inputs-catalog"));
    char sources[4200], mapping[4300];
    snprintf(sources, sizeof sources, "%s/sources", dir);
    mkdir(dir, 0700);
    mkdir(sources, 0700);
    snprintf(mapping, sizeof mapping, "%s/mini.csv", sources);
    FILE *f = fopen(mapping, "w");
    if (f) {
        fputs("field,column,years,codes,description\n"
              "respondent_id,id,,,\nyear,ar,,,\narea,omrade,,,\nstratum,strata,,,\n"
              "weight,vikt,,,\nq_trygg_kvall,Q,,\"1,2\",\n",
              f);
        fclose(f);
    }
    return dir;
}

static const char *write_survey(const char *name, const char *rows)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s", test_tmp_path(name));
    FILE *f = fopen(path, "w");
    if (f) {
        fputs("id,ar,omrade,strata,vikt,Q\n", f);
        fputs(rows, f);
        fclose(f);
    }
    return path;
}

static double real(jarva_db *db, const char *sql)
{
    sqlite3_stmt *stmt = NULL;
    double v = -1;
    if (sqlite3_prepare_v2(db->sql, sql, -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        v = sqlite3_column_double(stmt, 0);
    sqlite3_finalize(stmt);
    return v;
}

static jarva_import_options mini_options(const char *catalog)
{
    jarva_import_options opts = JARVA_IMPORT_OPTIONS_INIT;
    opts.source = "mini";
    opts.catalog_dir = catalog;
    return opts;
}

static void test_weights(void)
{
    const char *catalog = mini_catalog();
    jarva_db *db = test_db_with_catalog("inputs_weights.db");
    jarva_import_options opts = mini_options(catalog);
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;

    /* Weights 0.5, 2, 4, 1: sorted 0.5 1 2 4, median (1 + 2) / 2 = 1.5; the
     * largest over the smallest 4 / 0.5 = 8. Strata a, a, b, c: b and c
     * hold one respondent each, b the first of them in the file. */
    const char *path = write_survey("inputs_w1.csv", "1,2023,Husby,a,0.5,1\n2,2023,Husby,a,2,2\n"
                                                     "3,2023,Kista,b,4,1\n4,2023,Kista,c,1,2\n");
    CHECK_INT(jarva_import_file(&res, db, path, &opts), JARVA_OK);
    CHECK(fabs(res.weight_ratio - 8) < 1e-12);
    CHECK_INT(res.extreme_weights, 0);
    CHECK_INT(res.lonely_strata, 2);
    CHECK_STR(res.lonely_stratum, "b");
    CHECK(fabs(real(db, "SELECT weight_ratio FROM batch") - 8) < 1e-12);
    CHECK_INT(test_db_count(db, "SELECT extreme_weights FROM batch"), 0);

    /* 1, 1, 1, 1, 10000: median 1; 10000 is 10000 times it, beyond 1000. */
    const char *rows = "1,2024,Husby,a,1,1\n2,2024,Husby,a,1,2\n3,2024,Husby,a,1,1\n"
                       "4,2024,Husby,a,1,2\n5,2024,Husby,a,10000,1\n";
    path = write_survey("inputs_w2.csv", rows);
    CHECK_INT(jarva_import_file(&res, db, path, &opts), JARVA_EFORMAT);
    CHECK_CONTAINS(jarva_errmsg(db), "inputs_w2.csv:6:5 (vikt): weight 10000 is 10000 times the "
                                     "file's median weight 1 (beyond a factor of 1000");
    CHECK_INT(test_db_count(db, "SELECT count(*) FROM batch"), 1);
    /* A factor of 20000 lets it through; so does accepting it, counted. */
    opts.weight_factor = 20000;
    CHECK_INT(jarva_import_file(&res, db, path, &opts), JARVA_OK);
    CHECK_INT(res.outcome, JARVA_IMPORTED);
    CHECK_INT(res.extreme_weights, 0);
    CHECK(fabs(res.weight_ratio - 10000) < 1e-9);
    CHECK_INT(res.lonely_strata, 0);
    CHECK_INT(jarva_batch_remove(db, res.batch_id), JARVA_OK);
    opts.weight_factor = 0;
    opts.accept_extreme_weights = 1;
    CHECK_INT(jarva_import_file(&res, db, path, &opts), JARVA_OK);
    CHECK_INT(res.extreme_weights, 1);
    CHECK_INT(test_db_count(db, "SELECT extreme_weights FROM batch WHERE year = 2024"), 1);
    jarva_batch_list *list = NULL;
    CHECK_INT(jarva_batch_list_open(&list, db), JARVA_OK);
    CHECK_INT(jarva_batch_list_count(list), 2);
    if (jarva_batch_list_count(list) == 2) {
        CHECK(fabs(jarva_batch_list_get(list, 1)->weight_ratio - 10000) < 1e-9);
        CHECK_INT(jarva_batch_list_get(list, 1)->extreme_weights, 1);
    }
    jarva_batch_list_free(list);
    opts.accept_extreme_weights = 0;

    /* 1e308 beside 1s: 1e308 times the median; two of them overflow the sum
     * at the second (line 3), though each is finite. */
    path = write_survey("inputs_w3.csv", "1,2025,Husby,a,1e308,1\n2,2025,Husby,a,1e308,1\n"
                                         "3,2025,Husby,a,1,1\n4,2025,Husby,a,1,1\n"
                                         "5,2025,Husby,a,1,1\n");
    CHECK_INT(jarva_import_file(&res, db, path, &opts), JARVA_EFORMAT);
    CHECK_CONTAINS(jarva_errmsg(db), "inputs_w3.csv:3:5 (vikt): the weights add up to more than");
    CHECK_CONTAINS(jarva_errmsg(db), "inputs_w3.csv:2:5 (vikt): weight 1e+308 is 1e+308 times the "
                                     "file's median weight 1");
    CHECK_CONTAINS(jarva_errmsg(db), "inputs_w3.csv:3:5 (vikt): weight 1e+308 is 1e+308 times");
    /* 1e-5 beside 1s: 1/100000 of the median. */
    path = write_survey("inputs_w4.csv", "1,2025,Husby,a,1,1\n2,2025,Husby,a,0.00001,1\n"
                                         "3,2025,Husby,a,1,1\n");
    CHECK_INT(jarva_import_file(&res, db, path, &opts), JARVA_EFORMAT);
    CHECK_CONTAINS(jarva_errmsg(db), "inputs_w4.csv:3:5 (vikt): weight 1e-05 is 1/100000 of the "
                                     "file's median weight 1");
    CHECK_INT(test_db_count(db, "SELECT count(*) FROM batch"), 2);
    jarva_db_close(db);
}

/* Options of version 1 end before max_bytes: what follows is not read (here
 * it says "accept anything"). The result has a version of its own: one the
 * library does not know is refused before the file is read. */
static void test_options_version_1(void)
{
    const char *catalog = mini_catalog();
    jarva_db *db = test_db_with_catalog("inputs_v1.db");
    jarva_import_options opts = mini_options(catalog);
    opts.version = 1;
    opts.accept_extreme_weights = 1;
    opts.weight_factor = 1e9;
    const char *path = write_survey("inputs_v1.csv", "1,2024,Husby,a,1,1\n2,2024,Husby,a,1,2\n"
                                                     "3,2024,Husby,a,10000,1\n");
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
    CHECK_INT(jarva_import_file(&res, db, path, &opts), JARVA_EFORMAT);
    CHECK_CONTAINS(jarva_errmsg(db), "weight 10000 is 10000 times");
    opts.version = 5; /* 3 added the sheet of a workbook, 4 the header row */
    CHECK_INT(jarva_import_file(&res, db, path, &opts), JARVA_EINVAL);
    CHECK_CONTAINS(jarva_errmsg(db), "options version 5, this libjarva knows 1 to 4");
    opts.version = JARVA_IMPORT_OPTIONS_VERSION;
    opts.accept_extreme_weights = 1;
    jarva_import_result unknown = JARVA_IMPORT_RESULT_INIT;
    unknown.version = 0; /* as `{ 0 }` leaves it */
    CHECK_INT(jarva_import_file(&unknown, db, path, &opts), JARVA_EINVAL);
    CHECK_CONTAINS(jarva_errmsg(db), "result version 0, this libjarva knows 1");
    CHECK_INT(test_db_count(db, "SELECT count(*) FROM batch"), 0);
    jarva_db_close(db);
}

/* The progress callback (every 65536 rows) appends a row to the file being
 * imported: the file changed while it was read, and nothing is imported. */
static const char *growing_path;
static void append_row(void *ctx, uint64_t done, uint64_t total, uint64_t rows)
{
    (void)done;
    (void)total;
    int *calls = ctx;
    if ((*calls)++ == 0 && rows == 65536) {
        FILE *f = fopen(growing_path, "a");
        if (f) {
            fputs("999999,2023,Husby,a,1,1\n", f);
            fclose(f);
        }
    }
}

static void test_file_changes_while_imported(void)
{
    const char *catalog = mini_catalog();
    jarva_db *db = test_db_with_catalog("inputs_changing.db");
    static char path[4096];
    snprintf(path, sizeof path, "%s", test_tmp_path("inputs_changing.csv"));
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs("id,ar,omrade,strata,vikt,Q\n", f);
    for (int i = 1; i <= 70000; i++)
        fprintf(f, "%d,2023,Husby,s%d,1,1\n", i, i % 7);
    fclose(f);
    growing_path = path;
    int calls = 0;
    jarva_import_options opts = mini_options(catalog);
    opts.progress = append_row;
    opts.progress_ctx = &calls;
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
    CHECK_INT(jarva_import_file(&res, db, path, &opts), JARVA_EIO);
    CHECK(calls >= 1);
    CHECK_CONTAINS(jarva_errmsg(db), "inputs_changing.csv: the file changed while it was being "
                                     "read");
    CHECK_INT(test_db_count(db, "SELECT count(*) FROM batch"), 0);
    CHECK_INT(test_db_count(db, "SELECT count(*) FROM response"), 0);
    /* Unchanged since, it imports; and again, it is recognised. */
    opts.progress = NULL;
    CHECK_INT(jarva_import_file(&res, db, path, &opts), JARVA_OK);
    CHECK_INT(res.rows, 70001);
    CHECK_INT(res.outcome, JARVA_IMPORTED);
    CHECK_INT(jarva_import_file(&res, db, path, &opts), JARVA_OK);
    CHECK_INT(res.outcome, JARVA_UNCHANGED);
    CHECK_INT(res.rows, 0);
    jarva_db_close(db);
}

/* Files that are not regular are refused before anything is read; the size
 * limit before hashing. */
static void test_not_regular(void)
{
    jarva_db *db = test_db_with_catalog("inputs_special.db");
    jarva_import_options opts = JARVA_IMPORT_OPTIONS_INIT;
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
    CHECK_INT(jarva_import_file(&res, db, "/dev/zero", &opts), JARVA_EIO);
    CHECK_CONTAINS(jarva_errmsg(db), "/dev/zero: is a character device, not a regular file");
    opts.kind = JARVA_IMPORT_TABLE;
    CHECK_INT(jarva_import_file(&res, db, JARVA_TEST_DATA_DIR, &opts), JARVA_EIO);
    CHECK_CONTAINS(jarva_errmsg(db), "is a folder, not a file");
    const char *path = write_survey("inputs_limit.csv", "1,2023,Husby,a,1,1\n");
    opts.kind = JARVA_IMPORT_SURVEY;
    opts.max_bytes = 10; /* the file is 46 bytes */
    CHECK_INT(jarva_import_file(&res, db, path, &opts), JARVA_EFORMAT);
    CHECK_CONTAINS(jarva_errmsg(db),
                   "the file is 46 bytes, more than the 10 bytes an input may be");
    jarva_db_close(db);
}

int main(void)
{
    jarva_global_init();
    test_weights();
    test_options_version_1();
    test_file_changes_while_imported();
    test_not_regular();
    return test_report();
}
