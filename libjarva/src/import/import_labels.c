/* import_labels.c: the value labels of a statistics file, stored with its
 * batch (table batch_value_label, schema 7) once every row is read: Stata
 * keeps them after the data. */
#include "import_internal.h"

int jarva__import_value_labels(jarva__import *imp)
{
    size_t n = jarva__source_nlabels(imp->reader);
    if (n == 0)
        return JARVA_OK;
    jarva_db *db = imp->db;
    sqlite3_stmt *stmt = NULL;
    /* A code labelled twice in one set (a damaged file): the first stays. */
    if (sqlite3_prepare_v2(db->sql,
                           "INSERT OR IGNORE INTO batch_value_label(batch_id, source_column, code, "
                           "label) VALUES (?, ?, ?, ?)",
                           -1, &stmt, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "recording the value labels");
    int rc = JARVA_OK;
    for (size_t i = 0; i < n && rc == JARVA_OK; i++) {
        const char *column, *code, *label;
        jarva__source_label(imp->reader, i, &column, &code, &label);
        sqlite3_bind_int64(stmt, 1, imp->batch_id);
        sqlite3_bind_text(stmt, 2, column, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 3, code, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 4, label, -1, SQLITE_STATIC);
        if (sqlite3_step(stmt) != SQLITE_DONE)
            rc = jarva__sqlerr(db, "recording the value labels");
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    return rc;
}
