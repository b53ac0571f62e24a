/* report_queries.c: what a front end (the PDF report, a web edition) asks of
 * the stored estimates before it shows them: the latest year they cover and
 * whether they are older than the latest import. The report reads the store
 * only through calls like these (docs/architecture.md), so that another front
 * end can do what it does. */
#include <string.h>

#include "jarva_internal.h"

int jarva_estimates_latest_year(int *year, jarva_db *db)
{
    if (db)
        jarva__clearerr(&db->err);
    if (!db || !year)
        return JARVA_EINVAL;
    *year = 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql, "SELECT coalesce(max(year), 0) FROM estimate", -1, &st, NULL) !=
        SQLITE_OK)
        return jarva__sqlerr(db, "finding the latest year of the estimates");
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *year = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? JARVA_OK
                                                 : jarva__sqlerr(db, "finding the latest year");
}

/* jarva_compute() replaces every estimate in one transaction and stamps them
 * all with one time (compute.c), so a batch imported after that time, or in
 * the same second without being linked to any estimate, has not been
 * computed from. No batches at all is not stale: there is nothing to compute. */
int jarva_estimates_stale(int *stale, jarva_db *db)
{
    if (db)
        jarva__clearerr(&db->err);
    if (!db || !stale)
        return JARVA_EINVAL;
    *stale = 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(
            db->sql,
            "SELECT (SELECT count(*) FROM batch), (SELECT count(*) FROM estimate), "
            "(SELECT count(*) FROM batch b, (SELECT max(computed_at) AS t FROM estimate) e "
            " WHERE b.imported_at > e.t OR (b.imported_at = e.t AND NOT EXISTS "
            " (SELECT 1 FROM estimate_batch eb WHERE eb.batch_id = b.id)))",
            -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "checking whether the estimates are current");
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        sqlite3_int64 batches = sqlite3_column_int64(st, 0);
        sqlite3_int64 estimates = sqlite3_column_int64(st, 1);
        sqlite3_int64 newer = sqlite3_column_int64(st, 2);
        *stale = batches > 0 && (estimates == 0 || newer > 0);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? JARVA_OK
                            : jarva__sqlerr(db, "checking whether the estimates are current");
}
