/* store_db.h: the database handle's layout, for store/ only: its connection
 * is SQLite's, and no module outside store/ sees it (docs/architecture.md,
 * "A second store engine": a second engine gives the handle its own
 * connection and implements store_internal.h over it). */
#ifndef JARVA_STORE_DB_H
#define JARVA_STORE_DB_H

#include <sqlite3.h>

#include "jarva_internal.h"

struct jarva_db {
    sqlite3 *sql;
    char *path;
    jarva__error err;
    /* Opened with JARVA_DB_READONLY (or SQLite opened the file read-only):
     * every write is refused with JARVA_EREADONLY before SQLite is asked. */
    int readonly;
    /* Strings jarva_plan_get() hands out: valid until the next call or close. */
    char *plan_title_sv;
    char *plan_title_en;
};

/* Records SQLite's message for the handle's connection, prefixed with what was
 * being done, and maps SQLITE_BUSY/LOCKED to JARVA_EBUSY, else JARVA_EDB. */
int jarva__sqlerr(jarva_db *db, const char *what);

/* Runs SQL without results (several statements allowed); JARVA_OK or the error. */
int jarva__exec(jarva_db *db, const char *sql);

/* Binds v as text (copied), or NULL when v is NULL or empty: an optional
 * field the writers store as absent rather than as "" (activity and table
 * rows). */
void jarva__bind_text_or_null(sqlite3_stmt *st, int i, const char *v);

/* Schema creation and migration (schema.c). */
int jarva__schema_migrate(jarva_db *db);

#endif /* JARVA_STORE_DB_H */
