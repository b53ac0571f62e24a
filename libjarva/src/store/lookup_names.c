/* lookup_names.c: the names an import resolves to catalogue ids (areas,
 * organisations, audiences, activity types, the measures of a published
 * table), read as (key, display name, id) for import/import_lookup.c's
 * maps. */
#include "store_db.h"
#include "store_internal.h"

/* Each kind's names as (key, display name, id); ?1 is the survey. */
static const char *const names_sql[] = {
    [JARVA__NAMES_AREAS] = "SELECT id, name, id FROM area UNION ALL SELECT name, name, id FROM "
                           "area UNION ALL SELECT alias, alias, area_id FROM area_alias",
    [JARVA__NAMES_ORGANISATIONS] = "SELECT id, name_sv, id FROM organisation UNION ALL "
                                   "SELECT name_sv, name_sv, id FROM organisation UNION ALL "
                                   "SELECT name_en, name_en, id FROM organisation",
    [JARVA__NAMES_AUDIENCES] = "SELECT id, name_sv, id FROM audience UNION ALL "
                               "SELECT CAST(position AS TEXT), name_sv, id FROM audience UNION ALL "
                               "SELECT name_sv, name_sv, id FROM audience UNION ALL "
                               "SELECT name_en, name_en, id FROM audience",
    [JARVA__NAMES_ACTIVITY_TYPES] = "SELECT event_type, event_type, event_type FROM indicator "
                                    "WHERE event_type IS NOT NULL",
    [JARVA__NAMES_TABLE_MEASURES] =
        "SELECT variable, variable, id FROM indicator WHERE source_kind = 'table' AND "
        "source = ?1 AND variable IS NOT NULL UNION ALL SELECT id, id, id FROM "
        "indicator WHERE source_kind = 'table' AND source = ?1",
};

int jarva__store_names(jarva_db *db, jarva__names kind, const char *survey,
                       jarva__store_name_fn each, void *ctx)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db->sql, names_sql[kind], -1, &stmt, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading the catalogue");
    if (kind == JARVA__NAMES_TABLE_MEASURES)
        sqlite3_bind_text(stmt, 1, survey, -1, SQLITE_STATIC);
    int rc = JARVA_OK, step = SQLITE_DONE;
    while (rc == JARVA_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW)
        rc = each(ctx, (const char *)sqlite3_column_text(stmt, 0),
                  (const char *)sqlite3_column_text(stmt, 1),
                  (const char *)sqlite3_column_text(stmt, 2));
    if (rc == JARVA_OK && step != SQLITE_DONE)
        rc = jarva__sqlerr(db, "reading the catalogue");
    sqlite3_finalize(stmt);
    return rc;
}
