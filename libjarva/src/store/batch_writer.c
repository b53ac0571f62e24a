/* batch_writer.c: an import's batch, the provenance of every row it writes:
 * the write transaction it is written in, the batch of the same bytes or of
 * the same wave imported before, and the batch row itself, written last. */
#include <stdlib.h>

#include "store_db.h"
#include "store_internal.h"

int jarva__store_batch_begin(jarva_db *db, int64_t *batch_id)
{
    /* A bigger page cache (16 MiB, well inside the 64 MiB an import may
     * use): fewer pages go to the WAL before the commit, and the search for
     * duplicate respondent ids in an unsorted file sorts in memory longer. */
    int rc = jarva__exec(db, "PRAGMA cache_size = -16384");
    if (rc == JARVA_OK)
        rc = jarva__begin_write(db);
    /* The rows are written before the batch row they refer to (see
     * jarva__store_batch_insert); foreign keys, where enforced, are checked
     * at commit. */
    if (rc == JARVA_OK)
        rc = jarva__exec(db, "PRAGMA defer_foreign_keys = ON");
    if (rc)
        return rc;
    /* The id the batch will have, as SQLite would give it: its rows name it
     * as they are written. Under the write lock nobody else can take it
     * meanwhile. */
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db->sql, "SELECT coalesce(max(id), 0) + 1 FROM batch", -1, &stmt,
                           NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "recording the batch");
    int step = sqlite3_step(stmt);
    if (step == SQLITE_ROW)
        *batch_id = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return step == SQLITE_ROW ? JARVA_OK : jarva__sqlerr(db, "recording the batch");
}

int jarva__store_batch_finish(jarva_db *db, int keep)
{
    if (keep)
        return jarva__commit(db);
    jarva__rollback(db);
    return JARVA_OK;
}

int jarva__store_batch_by_hash(jarva_db *db, const char *sha256, int64_t *id)
{
    sqlite3_stmt *stmt = NULL;
    *id = 0;
    if (sqlite3_prepare_v2(db->sql, "SELECT id FROM batch WHERE sha256 = ?", -1, &stmt, NULL) !=
        SQLITE_OK)
        return jarva__sqlerr(db, "looking up the file's hash");
    sqlite3_bind_text(stmt, 1, sha256, -1, SQLITE_STATIC);
    int step = sqlite3_step(stmt);
    if (step == SQLITE_ROW)
        *id = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return jarva__sqlerr(db, "looking up the file's hash");
    return JARVA_OK;
}

/* A copy of column col of stmt's row in *out (NULL for NULL): JARVA_OK or
 * JARVA_ENOMEM. */
static int copy_text(jarva_db *db, sqlite3_stmt *stmt, int col, char **out)
{
    const char *text = (const char *)sqlite3_column_text(stmt, col);
    *out = text ? jarva__strdup(text) : NULL;
    return !text || *out ? JARVA_OK : jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
}

int jarva__store_batch_options(jarva_db *db, int64_t id, char **options)
{
    sqlite3_stmt *stmt = NULL;
    *options = NULL;
    if (sqlite3_prepare_v2(db->sql, "SELECT options FROM batch WHERE id = ?", -1, &stmt, NULL) !=
        SQLITE_OK)
        return jarva__sqlerr(db, "looking up the batch");
    sqlite3_bind_int64(stmt, 1, id);
    int step = sqlite3_step(stmt);
    int rc = step == SQLITE_ROW    ? copy_text(db, stmt, 0, options)
             : step == SQLITE_DONE ? JARVA_OK
                                   : jarva__sqlerr(db, "looking up the batch");
    sqlite3_finalize(stmt);
    return rc;
}

int jarva__store_wave_batch(jarva_db *db, const char *kind, const char *source, int year,
                            int64_t except, int64_t *id, char **file_name, char **imported_at)
{
    sqlite3_stmt *stmt = NULL;
    *id = 0;
    *file_name = *imported_at = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT id, file_name, imported_at FROM batch "
                           "WHERE kind = ? AND source = ? AND year = ? AND id <> ?",
                           -1, &stmt, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "looking up the wave");
    sqlite3_bind_text(stmt, 1, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, source, -1, SQLITE_STATIC);
    sqlite3_bind_int(stmt, 3, year);
    sqlite3_bind_int64(stmt, 4, except);
    int step = sqlite3_step(stmt);
    int rc = JARVA_OK;
    if (step == SQLITE_ROW) {
        *id = sqlite3_column_int64(stmt, 0);
        rc = copy_text(db, stmt, 1, file_name);
        if (rc == JARVA_OK)
            rc = copy_text(db, stmt, 2, imported_at);
    } else if (step != SQLITE_DONE) {
        rc = jarva__sqlerr(db, "looking up the wave");
    }
    sqlite3_finalize(stmt);
    if (rc) {
        free(*file_name);
        free(*imported_at);
        *file_name = *imported_at = NULL;
        *id = 0;
    }
    return rc;
}

int jarva__store_batch_delete(jarva_db *db, int64_t id)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db->sql, "DELETE FROM batch WHERE id = ?", -1, &stmt, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "replacing the wave");
    sqlite3_bind_int64(stmt, 1, id); /* a bound value, as every statement has */
    int step = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return step == SQLITE_DONE ? JARVA_OK : jarva__sqlerr(db, "replacing the wave");
}

/* The batch row, once the rows are in: written at the start and updated at
 * the end, its page would likely have gone to the WAL early in a large
 * import, and rewriting a page already there makes SQLite read the whole
 * WAL back at commit to redo the checksums of the frames after it. */
int jarva__store_batch_insert(jarva_db *db, const jarva__batch_record *b)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "INSERT INTO batch(id, kind, source, year, file_name, sha256, rows, "
                           "imported_at, tool_version, options, weight_ratio, extreme_weights) "
                           "VALUES (?8, ?1, ?2, ?9, ?3, ?4, ?10, ?5, ?6, ?7, ?11, ?12)",
                           -1, &stmt, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "recording the batch");
    if (b->weight_ratio > 0) {
        sqlite3_bind_double(stmt, 11, b->weight_ratio);
        sqlite3_bind_int64(stmt, 12, b->extreme_weights);
    }
    sqlite3_bind_int64(stmt, 8, b->id);
    if (b->year)
        sqlite3_bind_int(stmt, 9, b->year);
    else
        sqlite3_bind_null(stmt, 9);
    sqlite3_bind_int64(stmt, 10, b->rows);
    sqlite3_bind_text(stmt, 1, b->kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, b->source, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 3, b->file_name, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 4, b->sha256, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 5, b->imported_at, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 6, b->tool_version, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 7, b->options, -1, SQLITE_STATIC);
    int step = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return step == SQLITE_DONE ? JARVA_OK : jarva__sqlerr(db, "recording the batch");
}
