/* report_queries.c: what a front end (the PDF report, a web edition) asks of
 * the stored estimates before it shows them: the latest year they cover and
 * whether they are older than the latest import. The report reads the store
 * only through calls like these (docs/architecture.md), so that another front
 * end can do what it does. */
#include <stdlib.h>
#include <string.h>

#include "store_db.h"
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

struct jarva_published_source_list {
    jarva_published_source *items;
    size_t count;
};

void jarva_published_source_list_free(jarva_published_source_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->count; i++) {
        free((char *)list->items[i].survey);
        free((char *)list->items[i].source);
    }
    free(list->items);
    free(list);
}

size_t jarva_published_source_list_count(const jarva_published_source_list *list)
{
    return list ? list->count : 0;
}

const jarva_published_source *
jarva_published_source_list_get(const jarva_published_source_list *list, size_t i)
{
    return list && i < list->count ? &list->items[i] : NULL;
}

int jarva_published_source_list_open(jarva_published_source_list **out, jarva_db *db)
{
    if (db)
        jarva__clearerr(&db->err);
    if (out)
        *out = NULL;
    if (!db || !out)
        return JARVA_EINVAL;
    jarva_published_source_list *list = calloc(1, sizeof *list);
    if (!list)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT survey, coalesce(source, ''), min(year), max(year), count(*)"
                           " FROM published_value GROUP BY survey, coalesce(source, '')"
                           " ORDER BY survey, min(year), 2",
                           -1, &st, NULL) != SQLITE_OK) {
        free(list);
        return jarva__sqlerr(db, "reading the published values' sources");
    }
    int rc = JARVA_OK, step;
    size_t cap = 0;
    while (rc == JARVA_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        if (list->count == cap) {
            cap = cap ? 2 * cap : 8;
            jarva_published_source *grown = realloc(list->items, cap * sizeof *grown);
            if (!grown) {
                rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
                break;
            }
            list->items = grown;
        }
        jarva_published_source *p = &list->items[list->count++];
        p->survey = jarva__strdup((const char *)sqlite3_column_text(st, 0));
        p->source = jarva__strdup((const char *)sqlite3_column_text(st, 1));
        p->year_first = sqlite3_column_int(st, 2);
        p->year_last = sqlite3_column_int(st, 3);
        p->values = (size_t)sqlite3_column_int64(st, 4);
        if (!p->survey || !p->source)
            rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    }
    if (rc == JARVA_OK && step != SQLITE_DONE)
        rc = jarva__sqlerr(db, "reading the published values' sources");
    sqlite3_finalize(st);
    if (rc) {
        jarva_published_source_list_free(list);
        return rc;
    }
    *out = list;
    return JARVA_OK;
}
