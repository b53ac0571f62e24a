/* estimate_writer.c: writing the estimates of one compute: the old set
 * deleted and each new estimate inserted with the batches it was computed
 * from, inside the caller's write transaction (jarva__begin_write), so that
 * readers see the old set or the new one, never a mix. */
#include <stdio.h>
#include <stdlib.h>

#include "store_db.h"
#include "store_internal.h"

struct jarva__estimate_writer {
    jarva_db *db;
    sqlite3_stmt *insert;
    sqlite3_stmt *link;
    double level;
    char computed_at[32];
};

int jarva__estimate_writer_open(jarva__estimate_writer **out, jarva_db *db, const char *computed_at,
                                double level)
{
    *out = NULL;
    jarva__estimate_writer *w = calloc(1, sizeof *w);
    if (!w)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    w->db = db;
    w->level = level;
    snprintf(w->computed_at, sizeof w->computed_at, "%s", computed_at);
    int rc = jarva__exec(db, "DELETE FROM estimate");
    if (!rc && (sqlite3_prepare_v2(db->sql,
                                   "INSERT INTO estimate(indicator_id, year, area_id, domain, n, "
                                   "n_positive, value, se, ci_low, ci_high, df, n_eff, method, "
                                   "level, suppressed, flags, computed_at) VALUES "
                                   "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   -1, &w->insert, NULL) != SQLITE_OK ||
                sqlite3_prepare_v2(db->sql,
                                   "INSERT OR IGNORE INTO estimate_batch(estimate_id, batch_id) "
                                   "VALUES (?, ?)",
                                   -1, &w->link, NULL) != SQLITE_OK))
        rc = jarva__sqlerr(db, "preparing the estimates");
    if (rc) {
        jarva__estimate_writer_free(w);
        return rc;
    }
    *out = w;
    return JARVA_OK;
}

int jarva__estimate_writer_put(jarva__estimate_writer *w, const char *indicator_id, int year,
                               const char *area_id, const char *domain, const jarva_estimate *e,
                               const char *method, const int64_t *batches, size_t nbatches)
{
    sqlite3_stmt *st = w->insert;
    int shown = !e->suppressed && !(e->flags & JARVA_EST_EMPTY);
    sqlite3_bind_text(st, 1, indicator_id, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, year);
    sqlite3_bind_text(st, 3, area_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, domain, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 5, (sqlite3_int64)e->n);
    if (shown)
        sqlite3_bind_int64(st, 6, (sqlite3_int64)e->n_positive);
    else
        sqlite3_bind_null(st, 6);
    const double values[] = { e->estimate, e->se, e->ci_low, e->ci_high, e->df, e->n_eff };
    for (int k = 0; k < 6; k++) {
        /* Suppressed estimates are not stored at all: no export or report can
         * then show one by mistake. */
        if (shown)
            sqlite3_bind_double(st, 7 + k, values[k]);
        else
            sqlite3_bind_null(st, 7 + k);
    }
    sqlite3_bind_text(st, 13, method, -1, SQLITE_STATIC);
    sqlite3_bind_double(st, 14, w->level);
    sqlite3_bind_int(st, 15, e->suppressed ? 1 : 0);
    sqlite3_bind_int(st, 16, (int)e->flags);
    sqlite3_bind_text(st, 17, w->computed_at, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    if (step != SQLITE_DONE)
        return jarva__sqlerr(w->db, "storing an estimate");
    int64_t id = sqlite3_last_insert_rowid(w->db->sql);
    for (size_t b = 0; b < nbatches; b++) {
        sqlite3_bind_int64(w->link, 1, id);
        sqlite3_bind_int64(w->link, 2, batches[b]);
        step = sqlite3_step(w->link);
        sqlite3_reset(w->link);
        if (step != SQLITE_DONE && sqlite3_errcode(w->db->sql) != SQLITE_CONSTRAINT)
            return jarva__sqlerr(w->db, "linking an estimate to its batch");
    }
    return JARVA_OK;
}

void jarva__estimate_writer_free(jarva__estimate_writer *w)
{
    if (!w)
        return;
    sqlite3_finalize(w->insert);
    sqlite3_finalize(w->link);
    free(w);
}

int jarva__store_indicator_counts(jarva_db *db, size_t *with_data, size_t *without_data)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT (SELECT count(DISTINCT indicator_id) FROM estimate), "
                           "(SELECT count(*) FROM indicator)",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "counting indicators");
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        *with_data = (size_t)sqlite3_column_int64(st, 0);
        *without_data = (size_t)(sqlite3_column_int64(st, 1) - sqlite3_column_int64(st, 0));
    }
    int rc = step == SQLITE_ROW ? JARVA_OK : jarva__sqlerr(db, "counting indicators");
    sqlite3_finalize(st);
    return rc;
}
