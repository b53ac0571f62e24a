/* activities.c: reading the activity log back, row by row, for what shows
 * residents concrete examples of cooperation and what became of their
 * views (the plan's principles); the indicators count the same rows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_db.h"
#include "jarva_internal.h"
#include "jarva/import.h"

struct jarva_activity_list {
    jarva_activity *items;
    size_t count;
    jarva__owned strings; /* every string of every item, one allocation each */
};

void jarva_activity_list_free(jarva_activity_list *list)
{
    if (!list)
        return;
    jarva__owned_free(&list->strings);
    free(list->items);
    free(list);
}

size_t jarva_activity_list_count(const jarva_activity_list *list)
{
    return list ? list->count : 0;
}

const jarva_activity *jarva_activity_list_get(const jarva_activity_list *list, size_t i)
{
    return list && i < list->count ? &list->items[i] : NULL;
}

/* The column's text ("" for NULL), owned by the list. */
static const char *keep(jarva_activity_list *list, sqlite3_stmt *stmt, int col)
{
    return jarva__owned_text(&list->strings, stmt, col);
}

static const char sql[] =
    "SELECT a.date, a.year, coalesce(a.organisation_id, ''), coalesce(o.name_sv, ''),"
    " coalesce(o.name_en, o.name_sv, ''), coalesce(a.audience_id, ''), a.type,"
    " coalesce(a.area_id, ''), coalesce(ar.name, ''), a.count, coalesce(a.reach, -1),"
    " coalesce(a.planned_date, ''), coalesce(a.delivered_date, ''), coalesce(a.description, '')"
    " FROM activity a LEFT JOIN organisation o ON o.id = a.organisation_id"
    " LEFT JOIN area ar ON ar.id = a.area_id"
    " WHERE (?1 IS NULL OR a.type = ?1) AND (?2 = 0 OR a.year >= ?2) AND (?3 = 0 OR a.year <= ?3)"
    " ORDER BY a.date, a.batch_id, a.row_no";

static int fill(jarva_activity_list *list, sqlite3_stmt *stmt, jarva_activity *a)
{
    a->date = keep(list, stmt, 0);
    a->year = sqlite3_column_int(stmt, 1);
    a->organisation_id = keep(list, stmt, 2);
    a->organisation_sv = keep(list, stmt, 3);
    a->organisation_en = keep(list, stmt, 4);
    a->audience_id = keep(list, stmt, 5);
    a->type = keep(list, stmt, 6);
    a->area_id = keep(list, stmt, 7);
    a->area_name = keep(list, stmt, 8);
    a->count = sqlite3_column_int64(stmt, 9);
    a->reach = sqlite3_column_int64(stmt, 10);
    a->planned_date = keep(list, stmt, 11);
    a->delivered_date = keep(list, stmt, 12);
    a->description = keep(list, stmt, 13);
    return a->date && a->organisation_id && a->organisation_sv && a->organisation_en &&
                   a->audience_id && a->type && a->area_id && a->area_name && a->planned_date &&
                   a->delivered_date && a->description
               ? JARVA_OK
               : JARVA_ENOMEM;
}

static int grow(jarva_activity_list *list, size_t *cap)
{
    if (list->count < *cap)
        return JARVA_OK;
    size_t n = *cap ? *cap * 2 : 32;
    jarva_activity *items = realloc(list->items, n * sizeof *items);
    if (!items)
        return JARVA_ENOMEM;
    list->items = items;
    *cap = n;
    return JARVA_OK;
}

int jarva_activity_list_open(jarva_activity_list **out, jarva_db *db,
                             const jarva_activity_filter *filter)
{
    /* Success leaves jarva_errmsg(db) empty, as db.h promises. */
    if (db)
        jarva__clearerr(&db->err);
    if (!db || !out)
        return JARVA_EINVAL;
    *out = NULL;
    if (filter && filter->version != JARVA_ACTIVITY_FILTER_VERSION)
        return jarva__seterr(&db->err, JARVA_EINVAL,
                             "activity filter version %u not supported (expected %u)",
                             filter->version, JARVA_ACTIVITY_FILTER_VERSION);
    jarva_activity_list *list = calloc(1, sizeof *list);
    if (!list)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    sqlite3_stmt *stmt = NULL;
    int rc = JARVA_OK;
    if (sqlite3_prepare_v2(db->sql, sql, -1, &stmt, NULL) != SQLITE_OK) {
        rc = jarva__sqlerr(db, "listing activities");
        goto done;
    }
    if (filter && filter->type)
        sqlite3_bind_text(stmt, 1, filter->type, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(stmt, 2, filter ? filter->year_from : 0);
    sqlite3_bind_int(stmt, 3, filter ? filter->year_to : 0);
    size_t cap = 0;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (grow(list, &cap)) {
            rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
            goto done;
        }
        jarva_activity *a = &list->items[list->count++];
        memset(a, 0, sizeof *a);
        if (fill(list, stmt, a)) { /* what it kept is freed with the list */
            rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
            goto done;
        }
    }
    if (step != SQLITE_DONE)
        rc = jarva__sqlerr(db, "listing activities");
done:
    sqlite3_finalize(stmt);
    if (rc)
        jarva_activity_list_free(list);
    else
        *out = list;
    return rc;
}
