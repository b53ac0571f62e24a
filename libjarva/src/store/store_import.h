/* store_import.h: part of the store's door (included by store_internal.h): the import writers:
 * a batch's rows, survey answers, table and activity rows, labels and lookups, inside the
 * import's write transaction. The SQL behind each call lives in store/ (docs/architecture.md,
 * "A second store engine"). */
#ifndef JARVA_STORE_IMPORT_H
#define JARVA_STORE_IMPORT_H

#include <stdint.h>

#include "jarva_internal.h"

/* ---- the names an import resolves (store/lookup_names.c) ---- */

/* Called once per name: key (what a file may write; may be NULL), the name to
 * show in a suggestion, and the id it stands for. JARVA_OK to go on, or a
 * negative status (with its message on the handle) to stop with. */
typedef int (*jarva__store_name_fn)(void *ctx, const char *key, const char *name, const char *id);

/* Each calls each() for every name of the catalogue's areas (ids, names and
 * aliases), organisations (ids, Swedish and English names), audiences (ids,
 * positions and names), activity types (the indicators' event types), or the
 * measures of the published tables of survey (the indicators' variables and
 * ids). Read-only; inside the import's transaction or none. JARVA_OK, the
 * database's error ("reading the catalogue"), or what each() returned. */
int jarva__store_area_keys(jarva_db *db, jarva__store_name_fn each, void *ctx);
int jarva__store_organisation_keys(jarva_db *db, jarva__store_name_fn each, void *ctx);
int jarva__store_audience_keys(jarva_db *db, jarva__store_name_fn each, void *ctx);
int jarva__store_activity_type_keys(jarva_db *db, jarva__store_name_fn each, void *ctx);
int jarva__store_table_measure_keys(jarva_db *db, const char *survey, jarva__store_name_fn each,
                                    void *ctx);
/* Calls each(ctx, id) for every area outside Järva (areas.csv's in_jarva = 0).
 * JARVA_OK, the database's error ("reading the areas") or what each()
 * returned. */
int jarva__store_outside_areas(jarva_db *db, int (*each)(void *ctx, const char *id), void *ctx);

/* ---- value labels (store/label_writer.c) ---- */

/* The value labels of a statistics file, stored with batch batch_id inside
 * the import's write transaction: _open prepares the insert (JARVA_OK,
 * JARVA_ENOMEM or the database's error), _put stores one label of a source
 * column's code, a code labelled twice keeping its first label (JARVA_OK or
 * the database's error). _free is NULL-safe. */
typedef struct jarva__label_writer jarva__label_writer;
int jarva__label_writer_open(jarva__label_writer **out, jarva_db *db, int64_t batch_id);
int jarva__label_writer_put(jarva__label_writer *w, const char *column, const char *code,
                            const char *label);
void jarva__label_writer_free(jarva__label_writer *w);

#endif /* JARVA_STORE_IMPORT_H */
