/* areas.c: the store's lookups of an area by what files call it: its id,
 * its name (ASCII case ignored) or an alias exactly, and every id, name and
 * alias for the folded comparison of catalog/catalog_area.c. */
#include "store_db.h"
#include "store_internal.h"

int jarva__store_area_exact(jarva_db *db, const char *name, char **id_out)
{
    sqlite3_stmt *stmt = NULL;
    int rc = JARVA_ENOTFOUND;
    /* Ids first, then names and aliases (NOCASE: ASCII case is ignored). */
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT id FROM area WHERE id = ?1"
                           " UNION ALL SELECT id FROM area WHERE name = ?1 COLLATE NOCASE"
                           " UNION ALL SELECT area_id FROM area_alias WHERE alias = ?1"
                           " LIMIT 1",
                           -1, &stmt, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "looking up an area");
    sqlite3_bind_text(stmt, 1, name, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(stmt);
    if (step == SQLITE_ROW) {
        *id_out = jarva__strdup((const char *)sqlite3_column_text(stmt, 0));
        rc = *id_out ? JARVA_OK : jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    } else if (step != SQLITE_DONE) {
        rc = jarva__sqlerr(db, "looking up an area");
    }
    sqlite3_finalize(stmt);
    return rc;
}

int jarva__store_area_names(jarva_db *db, int (*each)(void *ctx, const char *id, const char *name),
                            void *ctx)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT id, id FROM area UNION ALL SELECT id, name FROM area"
                           " UNION ALL SELECT area_id, alias FROM area_alias",
                           -1, &stmt, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "looking up an area");
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW)
        if (each(ctx, (const char *)sqlite3_column_text(stmt, 0),
                 (const char *)sqlite3_column_text(stmt, 1)))
            break;
    int rc = step == SQLITE_ROW || step == SQLITE_DONE ? JARVA_OK
                                                       : jarva__sqlerr(db, "looking up an area");
    sqlite3_finalize(stmt);
    return rc;
}
