/* batches.c: listing and removing import batches, the provenance of every row
 * in the database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_db.h"
#include "jarva_internal.h"
#include "jarva/import.h"

struct jarva_batch_list {
    jarva_batch *items;
    size_t count;
};

static jarva_import_kind kind_from_name(const char *name)
{
    jarva_import_kind kind = JARVA_IMPORT_SURVEY; /* the schema allows no other names */
    jarva__import_kind_parse(name, &kind);
    return kind;
}

void jarva_batch_list_free(jarva_batch_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->count; i++) {
        jarva_batch *b = &list->items[i];
        free((char *)b->source);
        free((char *)b->file_name);
        free((char *)b->sha256);
        free((char *)b->imported_at);
        free((char *)b->tool_version);
    }
    free(list->items);
    free(list);
}

static char *column_copy(sqlite3_stmt *stmt, int col)
{
    const char *text = (const char *)sqlite3_column_text(stmt, col);
    return jarva__strdup(text ? text : "");
}

int jarva_batch_list_open(jarva_batch_list **out, jarva_db *db)
{
    /* Success leaves jarva_errmsg(db) empty, as db.h promises. */
    if (db)
        jarva__clearerr(&db->err);
    if (!db || !out)
        return JARVA_EINVAL;
    *out = NULL;
    jarva_batch_list *list = calloc(1, sizeof *list);
    if (!list)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    sqlite3_stmt *stmt = NULL;
    int rc = JARVA_OK;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT id, kind, source, year, file_name, sha256, rows, imported_at, "
                           "tool_version, weight_ratio, extreme_weights FROM batch ORDER BY id",
                           -1, &stmt, NULL) != SQLITE_OK) {
        rc = jarva__sqlerr(db, "listing batches");
        goto done;
    }
    size_t cap = 0;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (list->count == cap) {
            cap = cap ? cap * 2 : 16;
            jarva_batch *grown = realloc(list->items, cap * sizeof *grown);
            if (!grown) {
                rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
                goto done;
            }
            list->items = grown;
        }
        jarva_batch *b = &list->items[list->count++];
        memset(b, 0, sizeof *b);
        b->id = sqlite3_column_int64(stmt, 0);
        b->kind = kind_from_name((const char *)sqlite3_column_text(stmt, 1));
        b->source = column_copy(stmt, 2);
        b->year = sqlite3_column_int(stmt, 3);
        b->file_name = column_copy(stmt, 4);
        b->sha256 = column_copy(stmt, 5);
        b->rows = sqlite3_column_int64(stmt, 6);
        b->imported_at = column_copy(stmt, 7);
        b->tool_version = column_copy(stmt, 8);
        b->weight_ratio = sqlite3_column_double(stmt, 9); /* NULL: 0 */
        b->extreme_weights = sqlite3_column_int64(stmt, 10);
        if (!b->source || !b->file_name || !b->sha256 || !b->imported_at || !b->tool_version) {
            rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
            goto done;
        }
    }
    if (step != SQLITE_DONE)
        rc = jarva__sqlerr(db, "listing batches");
done:
    sqlite3_finalize(stmt);
    if (rc)
        jarva_batch_list_free(list);
    else
        *out = list;
    return rc;
}

size_t jarva_batch_list_count(const jarva_batch_list *list)
{
    return list ? list->count : 0;
}

const jarva_batch *jarva_batch_list_get(const jarva_batch_list *list, size_t i)
{
    return list && i < list->count ? &list->items[i] : NULL;
}

int jarva_batch_remove(jarva_db *db, int64_t id)
{
    if (!db)
        return JARVA_EINVAL;
    jarva__clearerr(&db->err);
    int rc = jarva__begin_write(db);
    if (rc)
        return rc;
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db->sql, "DELETE FROM batch WHERE id = ?", -1, &stmt, NULL) !=
        SQLITE_OK) {
        rc = jarva__sqlerr(db, "removing a batch");
        jarva__rollback(db);
        return rc;
    }
    sqlite3_bind_int64(stmt, 1, id);
    /* The foreign keys cascade to the batch's rows; a trigger removes the
     * estimates computed from it (schema.c). */
    if (sqlite3_step(stmt) != SQLITE_DONE)
        rc = jarva__sqlerr(db, "removing a batch");
    else if (sqlite3_changes(db->sql) == 0)
        rc = jarva__seterr(&db->err, JARVA_ENOTFOUND, "no batch %lld", (long long)id);
    sqlite3_finalize(stmt);
    if (rc) {
        jarva__rollback(db);
        return rc;
    }
    return jarva__commit(db);
}
