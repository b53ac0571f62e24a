/* value_labels.c: reading back the value labels imports stored with their
 * batches (batch_value_label), for `jarva show` and the report. */
#include <stdlib.h>
#include <string.h>

#include "store_db.h"
#include "jarva_internal.h"
#include "jarva/import.h"

struct jarva_code_label_list {
    jarva_code_label *items;
    size_t count;
    int64_t batch_id;
    char *column;
};

void jarva_code_label_list_free(jarva_code_label_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->count; i++) {
        free((char *)list->items[i].code);
        free((char *)list->items[i].label);
    }
    free(list->items);
    free(list->column);
    free(list);
}

/* The question's column in the latest batch that has labels for it. Codes
 * sort as numbers where they are numbers ("2" before "10"), else as text.
 * The labels name the file's variable (F12A in a portable file), the batch
 * the mapping's column (F12a): the import matches them ignoring ASCII case,
 * and so does this. */
static const char *const query =
    "WITH q AS (SELECT l.batch_id, l.source_column FROM batch_value_label l"
    "           JOIN batch_variable v ON v.batch_id = l.batch_id"
    "                AND v.source_column = l.source_column COLLATE NOCASE"
    "           WHERE v.name = (SELECT variable FROM indicator WHERE id = ?1)"
    "           ORDER BY l.batch_id DESC LIMIT 1)"
    " SELECT l.batch_id, l.source_column, l.code, l.label FROM batch_value_label l"
    " JOIN q ON q.batch_id = l.batch_id AND q.source_column = l.source_column"
    " ORDER BY CAST(l.code AS REAL), l.code";

static int indicator_exists(jarva_db *db, const char *id, int *exists)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db->sql, "SELECT 1 FROM indicator WHERE id = ?", -1, &stmt, NULL) !=
        SQLITE_OK)
        return jarva__sqlerr(db, "looking up the indicator");
    sqlite3_bind_text(stmt, 1, id, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return jarva__sqlerr(db, "looking up the indicator");
    *exists = step == SQLITE_ROW;
    return JARVA_OK;
}

int jarva_code_labels_open(jarva_code_label_list **out, jarva_db *db, const char *indicator_id)
{
    if (!db)
        return JARVA_EINVAL;
    jarva__clearerr(&db->err);
    if (!indicator_id || !out)
        return jarva__seterr(&db->err, JARVA_EINVAL, "jarva_code_labels_open: NULL argument");
    *out = NULL;
    int exists = 0;
    int rc = indicator_exists(db, indicator_id, &exists);
    if (rc)
        return rc;
    if (!exists)
        return jarva__seterr(&db->err, JARVA_ENOTFOUND, "no indicator '%s'", indicator_id);
    jarva_code_label_list *list = calloc(1, sizeof *list);
    if (!list)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db->sql, query, -1, &stmt, NULL) != SQLITE_OK) {
        jarva_code_label_list_free(list);
        return jarva__sqlerr(db, "reading the value labels");
    }
    sqlite3_bind_text(stmt, 1, indicator_id, -1, SQLITE_TRANSIENT);
    size_t cap = 0;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (list->count == cap) {
            cap = cap ? 2 * cap : 16;
            jarva_code_label *grown = realloc(list->items, cap * sizeof *grown);
            if (!grown)
                break;
            list->items = grown;
        }
        if (!list->column) {
            list->batch_id = sqlite3_column_int64(stmt, 0);
            list->column = jarva__strdup((const char *)sqlite3_column_text(stmt, 1));
        }
        jarva_code_label *l = &list->items[list->count];
        l->code = jarva__strdup((const char *)sqlite3_column_text(stmt, 2));
        l->label = jarva__strdup((const char *)sqlite3_column_text(stmt, 3));
        list->count++;
        if (!l->code || !l->label || !list->column)
            break;
    }
    sqlite3_finalize(stmt);
    if (step == SQLITE_ROW) { /* stopped early: out of memory */
        jarva_code_label_list_free(list);
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    }
    if (step != SQLITE_DONE) {
        jarva_code_label_list_free(list);
        return jarva__sqlerr(db, "reading the value labels");
    }
    *out = list;
    return JARVA_OK;
}

size_t jarva_code_label_list_count(const jarva_code_label_list *list)
{
    return list ? list->count : 0;
}

const jarva_code_label *jarva_code_label_list_get(const jarva_code_label_list *list, size_t i)
{
    return list && i < list->count ? &list->items[i] : NULL;
}

int64_t jarva_code_label_list_batch(const jarva_code_label_list *list)
{
    return list ? list->batch_id : 0;
}

const char *jarva_code_label_list_column(const jarva_code_label_list *list)
{
    return list ? list->column : NULL;
}

const char *jarva_code_label_find(const jarva_code_label_list *list, const char *code)
{
    for (size_t i = 0; list && code && i < list->count; i++)
        if (!strcmp(list->items[i].code, code))
            return list->items[i].label;
    return NULL;
}
