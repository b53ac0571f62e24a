/* disclosure_store.c: what complementary suppression (compute/compute_disclosure.c)
 * reads and writes (store_compute.h): the breakdowns to protect, the stored
 * estimates of one, and the suppressions it adds, all inside compute's write
 * transaction. */
#include <stdlib.h>

#include "store_internal.h"

int jarva__store_breakdowns(jarva_db *db, int (*each)(void *ctx, const jarva__store_breakdown *b),
                            void *ctx)
{
    sqlite3_stmt *st = NULL;
    /* Respondent data only: activity counts are complete counts. */
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT DISTINCT e.indicator_id, i.source_kind, e.year, i.min_n "
                           "FROM estimate e JOIN indicator i ON i.id = e.indicator_id "
                           "WHERE i.source_kind IN ('survey', 'staff', 'table') "
                           "AND i.measure IN ('proportion', 'mean') "
                           "ORDER BY e.indicator_id, e.year",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "listing estimates to protect");
    int rc = JARVA_OK, step = SQLITE_DONE;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        jarva__store_breakdown b = { (const char *)sqlite3_column_text(st, 0),
                                     (const char *)sqlite3_column_text(st, 1),
                                     sqlite3_column_int(st, 2), sqlite3_column_int(st, 3) };
        rc = each(ctx, &b);
    }
    if (!rc && step != SQLITE_DONE)
        rc = jarva__sqlerr(db, "listing estimates to protect");
    sqlite3_finalize(st);
    return rc;
}

int jarva__store_breakdown_cells(jarva_db *db, const char *indicator_id, int year,
                                 int (*each)(void *ctx, const jarva__store_cell *cell), void *ctx)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT e.id, e.area_id, e.domain, coalesce(e.n, 0), e.suppressed "
                           "FROM estimate e JOIN area a ON a.id = e.area_id "
                           "WHERE e.indicator_id = ? AND e.year = ? AND e.method <> 'exact' "
                           "ORDER BY a.position, e.domain",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading estimates to protect");
    sqlite3_bind_text(st, 1, indicator_id, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, year);
    int rc = JARVA_OK, step = SQLITE_DONE;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        jarva__store_cell cell = { sqlite3_column_int64(st, 0),
                                   (const char *)sqlite3_column_text(st, 1),
                                   (const char *)sqlite3_column_text(st, 2),
                                   sqlite3_column_int64(st, 3), sqlite3_column_int(st, 4) };
        rc = each(ctx, &cell);
    }
    if (!rc && step != SQLITE_DONE)
        rc = jarva__sqlerr(db, "reading estimates to protect");
    sqlite3_finalize(st);
    return rc;
}

struct jarva__suppression_writer {
    jarva_db *db;
    sqlite3_stmt *update;
};

int jarva__suppression_writer_open(jarva__suppression_writer **out, jarva_db *db)
{
    *out = NULL;
    jarva__suppression_writer *w = calloc(1, sizeof *w);
    if (!w)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    w->db = db;
    if (sqlite3_prepare_v2(db->sql,
                           "UPDATE estimate SET suppressed = 1, flags = flags | ?1, "
                           "n_positive = NULL, value = NULL, se = NULL, ci_low = NULL, "
                           "ci_high = NULL, df = NULL, n_eff = NULL WHERE id = ?2",
                           -1, &w->update, NULL) != SQLITE_OK) {
        int rc = jarva__sqlerr(db, "preparing the disclosure control");
        jarva__suppression_writer_free(w);
        return rc;
    }
    *out = w;
    return JARVA_OK;
}

int jarva__suppression_writer_put(jarva__suppression_writer *w, int64_t estimate_id)
{
    sqlite3_bind_int(w->update, 1, JARVA_EST_SUPPRESSED_SECONDARY);
    sqlite3_bind_int64(w->update, 2, estimate_id);
    int step = sqlite3_step(w->update);
    sqlite3_reset(w->update);
    return step == SQLITE_DONE ? JARVA_OK : jarva__sqlerr(w->db, "storing a secondary suppression");
}

void jarva__suppression_writer_free(jarva__suppression_writer *w)
{
    if (!w)
        return;
    sqlite3_finalize(w->update);
    free(w);
}

int jarva__store_hide_suppressed_n(jarva_db *db)
{
    return jarva__exec(db, "UPDATE estimate SET n = NULL, n_positive = NULL WHERE suppressed = 1");
}
