/* table_writer.c: the values of a published table, written one by one into
 * the import's transaction (import/import_table.c checks them first), with
 * the two reads each row needs: the indicator it measures and whether its
 * survey, measure, year and area were given before. Tables have thousands of
 * rows at most; the statements are prepared once per import. */
#include <stdlib.h>
#include <string.h>

#include "store_db.h"
#include "store_internal.h"

struct jarva__table_writer {
    jarva_db *db;
    int64_t batch_id;
    sqlite3_stmt *find_indicator, *find_earlier, *insert;
};

void jarva__table_writer_free(jarva__table_writer *w)
{
    if (!w)
        return;
    sqlite3_finalize(w->find_indicator);
    sqlite3_finalize(w->find_earlier);
    sqlite3_finalize(w->insert);
    free(w);
}

int jarva__table_writer_open(jarva__table_writer **out, jarva_db *db, int64_t batch_id)
{
    *out = NULL;
    jarva__table_writer *w = calloc(1, sizeof *w);
    if (!w)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    w->db = db;
    w->batch_id = batch_id;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT id, measure FROM indicator WHERE id = ?1 OR "
                           "(source_kind = 'table' AND source = ?2 AND variable = ?1) "
                           "ORDER BY id = ?1 DESC LIMIT 1",
                           -1, &w->find_indicator, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db->sql,
                           "SELECT batch_id, row_no FROM published_value WHERE survey = ? AND "
                           "measure = ? AND year = ? AND area_id = ? LIMIT 1",
                           -1, &w->find_earlier, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db->sql,
                           "INSERT INTO published_value(batch_id, row_no, indicator_id, survey, "
                           "measure, year, area_id, value_kind, value, n, suppressed, "
                           "suppression_marker, source, note) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           -1, &w->insert, NULL) != SQLITE_OK) {
        int rc = jarva__sqlerr(db, "preparing the table import");
        jarva__table_writer_free(w);
        return rc;
    }
    *out = w;
    return JARVA_OK;
}

int jarva__table_writer_indicator(jarva__table_writer *w, const char *survey, const char *measure,
                                  char **indicator, int *counts)
{
    sqlite3_stmt *find = w->find_indicator;
    *indicator = NULL;
    *counts = 0;
    sqlite3_bind_text(find, 1, measure, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(find, 2, survey, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(find);
    if (step == SQLITE_ROW) {
        const char *kind = (const char *)sqlite3_column_text(find, 1);
        *counts = kind && !strcmp(kind, "count");
        *indicator = jarva__strdup((const char *)sqlite3_column_text(find, 0));
    }
    sqlite3_reset(find);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return jarva__sqlerr(w->db, "looking up the row's indicator");
    if (step == SQLITE_ROW && !*indicator)
        return jarva__seterr(&w->db->err, JARVA_ENOMEM, "out of memory");
    return step == SQLITE_ROW ? JARVA_OK : JARVA_ENOTFOUND;
}

int jarva__table_writer_earlier(jarva__table_writer *w, const char *survey, const char *measure,
                                int year, const char *area_id, int64_t *batch_id, long *row_no)
{
    sqlite3_stmt *st = w->find_earlier;
    sqlite3_bind_text(st, 1, survey, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, measure, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, year);
    sqlite3_bind_text(st, 4, area_id, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        *batch_id = sqlite3_column_int64(st, 0);
        *row_no = (long)sqlite3_column_int64(st, 1);
    }
    sqlite3_reset(st);
    if (step == SQLITE_ROW)
        return JARVA_OK;
    return step == SQLITE_DONE ? JARVA_ENOTFOUND
                               : jarva__sqlerr(w->db, "looking up the row's earlier values");
}

int jarva__table_writer_put(jarva__table_writer *w, const jarva__table_row *row)
{
    sqlite3_stmt *st = w->insert;
    sqlite3_bind_int64(st, 1, w->batch_id);
    sqlite3_bind_int64(st, 2, row->row_no);
    jarva__bind_text_or_null(st, 3, row->indicator_id);
    sqlite3_bind_text(st, 4, row->survey, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, row->measure, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 6, row->year);
    sqlite3_bind_text(st, 7, row->area_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 8, row->is_count ? "count" : "share", -1, SQLITE_STATIC);
    if (row->suppressed)
        sqlite3_bind_null(st, 9);
    else
        sqlite3_bind_double(st, 9, row->value);
    if (row->n > 0)
        sqlite3_bind_int64(st, 10, row->n);
    else
        sqlite3_bind_null(st, 10);
    sqlite3_bind_int(st, 11, row->suppressed);
    jarva__bind_text_or_null(st, 12, row->suppressed ? row->marker : NULL);
    jarva__bind_text_or_null(st, 13, row->source);
    jarva__bind_text_or_null(st, 14, row->note);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    if (step != SQLITE_DONE)
        return jarva__sqlerr(w->db, "inserting a published value");
    return JARVA_OK;
}
