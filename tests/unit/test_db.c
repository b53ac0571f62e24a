/* test_db.c: opening, creating and migrating the store: a private file, STRICT
 * tables, WAL, a clean integrity check, and refusals for what is not ours. */
#include <sqlite3.h>
#include <sys/stat.h>

#include "harness.h"
#include "jarva_internal.h"
#include "store_db.h"

static void test_create_private_and_strict(void)
{
    const char *path = test_tmp_path("db_create.db");
    jarva_db *db = NULL;
    CHECK_INT(jarva_db_open(&db, path, JARVA_DB_CREATE), JARVA_OK);
    CHECK_STR(jarva_errmsg(db), "");
    struct stat st;
    CHECK_INT(stat(path, &st), 0);
    CHECK_INT(st.st_mode & 0777, 0600);

    sqlite3_stmt *stmt = NULL;
    /* Every table of ours is STRICT (views and sqlite_ internals excluded). */
    CHECK_INT(sqlite3_prepare_v2(db->sql,
                                 "SELECT count(*), sum(strict) FROM pragma_table_list "
                                 "WHERE schema = 'main' AND type = 'table' "
                                 "AND name NOT LIKE 'sqlite_%'",
                                 -1, &stmt, NULL),
              SQLITE_OK);
    CHECK_INT(sqlite3_step(stmt), SQLITE_ROW);
    int tables = sqlite3_column_int(stmt, 0);
    CHECK(tables >= 14);
    CHECK_INT(sqlite3_column_int(stmt, 1), tables);
    sqlite3_finalize(stmt);

    CHECK_INT(sqlite3_prepare_v2(db->sql, "PRAGMA integrity_check", -1, &stmt, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(stmt), SQLITE_ROW);
    CHECK_STR((const char *)sqlite3_column_text(stmt, 0), "ok");
    sqlite3_finalize(stmt);

    CHECK_INT(sqlite3_prepare_v2(db->sql, "PRAGMA journal_mode", -1, &stmt, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(stmt), SQLITE_ROW);
    CHECK_STR((const char *)sqlite3_column_text(stmt, 0), "wal");
    sqlite3_finalize(stmt);

    CHECK_INT(sqlite3_prepare_v2(db->sql, "PRAGMA foreign_keys", -1, &stmt, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(stmt), SQLITE_ROW);
    CHECK_INT(sqlite3_column_int(stmt, 0), 1);
    sqlite3_finalize(stmt);

    /* A STRICT table refuses a string where a number belongs. */
    CHECK_INT(sqlite3_exec(db->sql,
                           "INSERT INTO organisation VALUES ('o', 'x', 'a', 'b', 'signatory')",
                           NULL, NULL, NULL),
              SQLITE_CONSTRAINT_DATATYPE);
    jarva_db_close(db);

    /* The WAL side files take the database file's mode. */
    char wal[4200];
    snprintf(wal, sizeof wal, "%s-wal", path);
    if (stat(wal, &st) == 0)
        CHECK_INT(st.st_mode & 0777, 0600);
}

static void test_reopen_keeps_version(void)
{
    const char *path = test_tmp_path("db_reopen.db");
    jarva_db *db = NULL;
    CHECK_INT(jarva_db_open(&db, path, JARVA_DB_CREATE), JARVA_OK);
    CHECK_INT(
        sqlite3_exec(db->sql,
                     "INSERT INTO plan_version(year, title_sv, title_en) VALUES (2025, 'a', 'b')",
                     NULL, NULL, NULL),
        SQLITE_OK);
    jarva_db_close(db);
    CHECK_INT(jarva_db_open(&db, path, 0), JARVA_OK);
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2(db->sql,
                       "SELECT (SELECT count(*) FROM plan_version), "
                       "(SELECT user_version FROM pragma_user_version)",
                       -1, &stmt, NULL);
    CHECK_INT(sqlite3_step(stmt), SQLITE_ROW);
    CHECK_INT(sqlite3_column_int(stmt, 0), 1);
    CHECK_INT(sqlite3_column_int(stmt, 1), jarva_db_schema_version());
    sqlite3_finalize(stmt);
    jarva_db_close(db);
    CHECK_INT(jarva_db_open(&db, path, JARVA_DB_READONLY), JARVA_OK);
    jarva_db_close(db);
}

/* A read-only handle refuses every write with JARVA_EREADONLY and a sentence
 * that says so, not SQLite's "attempt to write a readonly database"; an
 * import's dry run (which stages rows in a transaction it rolls back) too. */
static void test_readonly_refuses_writes(void)
{
    const char *path = test_tmp_path("db_readonly.db");
    jarva_db *db = NULL;
    CHECK_INT(jarva_db_open(&db, path, JARVA_DB_CREATE), JARVA_OK);
    CHECK_INT(jarva_catalog_load(db, JARVA_SOURCE_DIR "/indicators"), JARVA_OK);
    jarva_db_close(db);

    CHECK_INT(jarva_db_open(&db, path, JARVA_DB_READONLY), JARVA_OK);
    CHECK_INT(jarva_catalog_load(db, JARVA_SOURCE_DIR "/indicators"), JARVA_EREADONLY);
    CHECK_INT(jarva_errcode(db), JARVA_EREADONLY);
    CHECK_CONTAINS(jarva_errmsg(db), "db_readonly.db");
    CHECK_CONTAINS(jarva_errmsg(db), "opened read-only");
    CHECK(strstr(jarva_errmsg(db), "readonly database") == NULL);

    jarva_import_options opts = JARVA_IMPORT_OPTIONS_INIT;
    opts.kind = JARVA_IMPORT_SURVEY;
    opts.dry_run = 1;
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
    CHECK_INT(
        jarva_import_file(&res, db, JARVA_TEST_DATA_DIR "/import/survey_2023_utf8.csv", &opts),
        JARVA_EREADONLY);
    CHECK_CONTAINS(jarva_errmsg(db), "dry run");
    CHECK_INT(jarva_compute(NULL, db, NULL), JARVA_EREADONLY);
    CHECK_INT(jarva_batch_remove(db, 1), JARVA_EREADONLY);
    /* A write that reaches SQLite all the same is translated as well. */
    CHECK_INT(jarva__exec(db, "DELETE FROM plan_version"), JARVA_EREADONLY);
    CHECK_CONTAINS(jarva_errmsg(db), "opened read-only");
    /* Reading still works. */
    jarva_goal_list *goals = NULL;
    CHECK_INT(jarva_goal_list_open(&goals, db), JARVA_OK);
    CHECK(jarva_goal_list_count(goals) > 0);
    jarva_goal_list_free(goals);
    jarva_db_close(db);
}

static void test_refusals(void)
{
    jarva_db *db = NULL;
    const char *missing = test_tmp_path("db_missing.db");
    CHECK_INT(jarva_db_open(&db, missing, 0), JARVA_ENOTFOUND);
    CHECK_CONTAINS(jarva_errmsg(db), "db_missing.db");
    CHECK_INT(jarva_errcode(db), JARVA_ENOTFOUND);
    jarva_db_close(db);
    /* Read-only never creates, and says the same. */
    CHECK_INT(jarva_db_open(&db, missing, JARVA_DB_READONLY | JARVA_DB_CREATE), JARVA_ENOTFOUND);
    CHECK_CONTAINS(jarva_errmsg(db), "no such database");
    jarva_db_close(db);
    FILE *probe = fopen(missing, "rb");
    CHECK(probe == NULL);
    if (probe)
        fclose(probe);

    /* A file that is not a database is reported, not overwritten. */
    const char *junk = test_tmp_path("db_junk.db");
    FILE *f = fopen(junk, "wb");
    fputs("this is not an SQLite database, just text that is long enough to be read\n", f);
    fclose(f);
    CHECK_INT(jarva_db_open(&db, junk, JARVA_DB_CREATE), JARVA_EDB);
    CHECK_CONTAINS(jarva_errmsg(db), "not a database");
    jarva_db_close(db);

    /* A database from a newer libjarva is refused rather than misread. */
    const char *newer = test_tmp_path("db_newer.db");
    CHECK_INT(jarva_db_open(&db, newer, JARVA_DB_CREATE), JARVA_OK);
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", jarva_db_schema_version() + 1);
    CHECK_INT(sqlite3_exec(db->sql, sql, NULL, NULL, NULL), SQLITE_OK);
    jarva_db_close(db);
    CHECK_INT(jarva_db_open(&db, newer, 0), JARVA_EVERSION);
    CHECK_CONTAINS(jarva_errmsg(db), "newer");
    jarva_db_close(db);

    CHECK_INT(jarva_db_open(&db, NULL, 0), JARVA_EINVAL);
    jarva_db_close(db);
    CHECK_INT(jarva_db_open(NULL, "x", 0), JARVA_EINVAL);
    jarva_db_close(NULL);
}

/* A reader that succeeds leaves no earlier failure's message behind. */
static void test_success_clears_message(void)
{
    jarva_db *db = NULL;
    CHECK_INT(jarva_db_open(&db, NULL, JARVA_DB_MEMORY), JARVA_OK);
    jarva_indicator_list *list = NULL;
    CHECK_INT(jarva_indicator_find(&list, db, "no-such-indicator"), JARVA_ENOTFOUND);
    CHECK(strlen(jarva_errmsg(db)) > 0);
    CHECK_INT(jarva_indicator_list_open(&list, db, NULL), JARVA_OK);
    CHECK_STR(jarva_errmsg(db), "");
    CHECK_INT(jarva_errcode(db), JARVA_OK);
    jarva_indicator_list_free(list);
    jarva_db_close(db);
}

static void test_memory_and_version(void)
{
    jarva_db *db = NULL;
    CHECK_INT(jarva_db_open(&db, NULL, JARVA_DB_MEMORY), JARVA_OK);
    CHECK_STR(jarva_db_path(db), ":memory:");
    jarva_db_close(db);
    CHECK_STR(jarva_version_string(), JARVA_VERSION_STRING);
    CHECK_INT(jarva_version_number(), JARVA_VERSION_NUMBER);
    CHECK_STR(jarva_strerror(JARVA_EFORMAT), "malformed input");
    CHECK_STR(jarva_strerror(12345), "unknown status");
    CHECK_INT(jarva_global_init(), JARVA_OK);
}

int main(void)
{
    test_create_private_and_strict();
    test_reopen_keeps_version();
    test_refusals();
    test_readonly_refuses_writes();
    test_memory_and_version();
    test_success_clears_message();
    return test_report();
}
