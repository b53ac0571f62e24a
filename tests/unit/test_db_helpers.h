/* test_db_helpers.h: the database set-ups and queries the import and
 * catalogue tests share, one copy so that they set up alike. Needs
 * harness.h and store_db.h (the tests read the store's tables directly). */
#ifndef JARVA_TEST_DB_HELPERS_H
#define JARVA_TEST_DB_HELPERS_H

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"
#include "store_db.h"

/* A new database at $JARVA_TEST_TMP/name (its WAL removed too) with the
 * project's catalogue loaded; exits if that fails, as nothing can be tested. */
static inline jarva_db *test_db_with_catalog(const char *name)
{
    jarva_db *db = NULL;
    const char *path = test_tmp_path(name);
    char wal[4200];
    snprintf(wal, sizeof wal, "%s-wal", path);
    remove(wal);
    if (jarva_db_open(&db, path, JARVA_DB_CREATE) != JARVA_OK ||
        jarva_catalog_load(db, JARVA_SOURCE_DIR "/indicators") != JARVA_OK) {
        fprintf(stderr, "setup: %s\n", jarva_errmsg(db));
        exit(1);
    }
    return db;
}

/* The first column of the first row of sql, or -1 if it fails. */
static inline long long test_db_count(jarva_db *db, const char *sql)
{
    sqlite3_stmt *stmt = NULL;
    long long n = -1;
    if (sqlite3_prepare_v2(db->sql, sql, -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return n;
}

#endif /* JARVA_TEST_DB_HELPERS_H */
