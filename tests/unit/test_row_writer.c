/* test_row_writer.c: the store's writing thread (store/row_writer.c), which
 * writes a survey's answer blocks while the import reads on: jobs run in the
 * order given, each freed once; after a failing job none runs, the failure
 * comes back with SQLite's message, and jobs dropped on the way are freed
 * too (LeakSanitizer would see them under ASan). */
#include <sqlite3.h>
#include <stdlib.h>

#include "harness.h"
#include "row_writer.h"
#include "store_db.h"
#include "store_internal.h"

static int freed;

typedef struct insert_job {
    int value;
    const char *table; /* "t", or one that does not exist */
} insert_job;

static int run_insert(sqlite3 *sql, void *arg)
{
    const insert_job *job = arg;
    char stmt[128];
    snprintf(stmt, sizeof stmt, "INSERT INTO %s(k) VALUES (%d)", job->table, job->value);
    return sqlite3_exec(sql, stmt, NULL, NULL, NULL) == SQLITE_OK ? JARVA_OK : JARVA_EDB;
}

static void free_insert(void *arg)
{
    freed++;
    free(arg);
}

static int add(jarva__row_writer *w, int value, const char *table)
{
    insert_job *job = malloc(sizeof *job);
    CHECK(job != NULL);
    job->value = value;
    job->table = table;
    return jarva__rows_job(w, run_insert, free_insert, job);
}

/* The values in t, in the order written, "0,1,2". */
static void check_rows(jarva_db *db, const char *want)
{
    sqlite3_stmt *st = NULL;
    CHECK_INT(sqlite3_prepare_v2(db->sql,
                                 "SELECT coalesce(group_concat(k, ','), '') FROM "
                                 "(SELECT k FROM t ORDER BY rowid)",
                                 -1, &st, NULL),
              SQLITE_OK);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    CHECK_STR((const char *)sqlite3_column_text(st, 0), want);
    sqlite3_finalize(st);
}

static jarva_db *fresh(const char *name)
{
    jarva_db *db = NULL;
    const char *path = test_tmp_path(name);
    remove(path);
    CHECK_INT(jarva_db_open(&db, path, JARVA_DB_CREATE), JARVA_OK);
    CHECK_INT(jarva__exec(db, "CREATE TABLE t(k INTEGER)"), JARVA_OK);
    return db;
}

/* More jobs than the four that may wait: each runs once, in order. */
static void test_in_order(void)
{
    jarva_db *db = fresh("row_writer_order.db");
    jarva__row_writer *w = NULL;
    freed = 0;
    CHECK_INT(jarva__rows_open(db, &w), JARVA_OK);
    for (int k = 0; k < 12; k++)
        CHECK_INT(add(w, k, "t"), JARVA_OK);
    CHECK_INT(jarva__rows_finish(w), JARVA_OK);
    jarva__rows_free(w);
    CHECK_INT(freed, 12);
    check_rows(db, "0,1,2,3,4,5,6,7,8,9,10,11");
    jarva_db_close(db);
}

/* Job 3 fails: 0-2 stay written, none after it runs, the failure is
 * reported by a later call with SQLite's message, and every job is freed. */
static void test_failure(void)
{
    jarva_db *db = fresh("row_writer_fail.db");
    jarva__row_writer *w = NULL;
    freed = 0;
    CHECK_INT(jarva__rows_open(db, &w), JARVA_OK);
    int rc = JARVA_OK, added = 0;
    for (int k = 0; k < 12 && rc == JARVA_OK; k++, added++)
        rc = add(w, k, k == 3 ? "missing" : "t");
    if (rc == JARVA_OK)
        rc = jarva__rows_finish(w);
    CHECK_INT(rc, JARVA_EDB);
    CHECK_CONTAINS(jarva_errmsg(db), "inserting rows: no such table: missing");
    jarva__rows_free(w);
    CHECK_INT(freed, added);
    check_rows(db, "0,1,2");
    jarva_db_close(db);
}

/* Freed without finishing (an import rolling back): the jobs not yet
 * written are dropped and freed, whichever ran. */
static void test_free_drops(void)
{
    jarva_db *db = fresh("row_writer_drop.db");
    jarva__row_writer *w = NULL;
    freed = 0;
    CHECK_INT(jarva__rows_open(db, &w), JARVA_OK);
    for (int k = 0; k < 6; k++)
        CHECK_INT(add(w, k, "t"), JARVA_OK);
    jarva__rows_free(w);
    CHECK_INT(freed, 6);
    jarva_db_close(db);
}

int main(void)
{
    test_in_order();
    test_failure();
    test_free_drops();
    return test_report();
}
