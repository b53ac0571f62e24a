/* label_writer.c: the value labels of a statistics file (Stata, SPSS),
 * stored with its batch (table batch_value_label, schema 7) inside the
 * import's write transaction. */
#include <stdlib.h>

#include "store_db.h"
#include "store_internal.h"

struct jarva__label_writer {
    jarva_db *db;
    int64_t batch_id;
    sqlite3_stmt *insert;
};

int jarva__label_writer_open(jarva__label_writer **out, jarva_db *db, int64_t batch_id)
{
    *out = NULL;
    jarva__label_writer *w = calloc(1, sizeof *w);
    if (!w)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    w->db = db;
    w->batch_id = batch_id;
    /* A code labelled twice in one set (a damaged file): the first stays. */
    if (sqlite3_prepare_v2(db->sql,
                           "INSERT OR IGNORE INTO batch_value_label(batch_id, source_column, code, "
                           "label) VALUES (?, ?, ?, ?)",
                           -1, &w->insert, NULL) != SQLITE_OK) {
        int rc = jarva__sqlerr(db, "recording the value labels");
        jarva__label_writer_free(w);
        return rc;
    }
    *out = w;
    return JARVA_OK;
}

int jarva__label_writer_put(jarva__label_writer *w, const char *column, const char *code,
                            const char *label)
{
    sqlite3_stmt *stmt = w->insert;
    sqlite3_bind_int64(stmt, 1, w->batch_id);
    sqlite3_bind_text(stmt, 2, column, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 3, code, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 4, label, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt) == SQLITE_DONE ? JARVA_OK
                                               : jarva__sqlerr(w->db, "recording the value labels");
    sqlite3_reset(stmt);
    return rc;
}

void jarva__label_writer_free(jarva__label_writer *w)
{
    if (!w)
        return;
    sqlite3_finalize(w->insert);
    free(w);
}
