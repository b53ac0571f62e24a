/* activity_writer.c: the rows of an activity log, written one by one into
 * the import's transaction once import/import_activity.c has checked them.
 * A log has hundreds of rows, not millions: one statement, prepared once per
 * import, is enough. */
#include <stdlib.h>

#include "store_db.h"
#include "store_internal.h"

struct jarva__activity_writer {
    jarva_db *db;
    int64_t batch_id;
    sqlite3_stmt *insert;
};

int jarva__activity_writer_open(jarva__activity_writer **out, jarva_db *db, int64_t batch_id)
{
    *out = NULL;
    jarva__activity_writer *w = calloc(1, sizeof *w);
    if (!w)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    w->db = db;
    w->batch_id = batch_id;
    if (sqlite3_prepare_v2(db->sql,
                           "INSERT INTO activity(batch_id, row_no, date, year, "
                           "organisation_id, audience_id, type, area_id, count, reach, "
                           "planned_date, delivered_date, description) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           -1, &w->insert, NULL) != SQLITE_OK) {
        int rc = jarva__sqlerr(db, "preparing the activity import");
        jarva__activity_writer_free(w);
        return rc;
    }
    *out = w;
    return JARVA_OK;
}

int jarva__activity_writer_put(jarva__activity_writer *w, const jarva__activity_row *row)
{
    sqlite3_stmt *st = w->insert;
    sqlite3_bind_int64(st, 1, w->batch_id);
    sqlite3_bind_int64(st, 2, row->row_no);
    sqlite3_bind_text(st, 3, row->date, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 4, row->year);
    jarva__bind_text_or_null(st, 5, row->organisation_id);
    jarva__bind_text_or_null(st, 6, row->audience_id);
    jarva__bind_text_or_null(st, 7, row->type);
    jarva__bind_text_or_null(st, 8, row->area_id);
    sqlite3_bind_int64(st, 9, row->count);
    if (row->reach >= 0)
        sqlite3_bind_int64(st, 10, row->reach);
    else
        sqlite3_bind_null(st, 10);
    jarva__bind_text_or_null(st, 11, row->planned_date);
    jarva__bind_text_or_null(st, 12, row->delivered_date);
    jarva__bind_text_or_null(st, 13, row->description);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    if (step != SQLITE_DONE)
        return jarva__sqlerr(w->db, "inserting an activity");
    return JARVA_OK;
}

void jarva__activity_writer_free(jarva__activity_writer *w)
{
    if (!w)
        return;
    sqlite3_finalize(w->insert);
    free(w);
}
