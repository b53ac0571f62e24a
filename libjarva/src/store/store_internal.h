/* store_internal.h: the store's door for the other modules: what they read
 * and write, named for what it is, so that the SQL behind each call stays in
 * store/ (docs/architecture.md, "A second store engine"). */
#ifndef JARVA_STORE_INTERNAL_H
#define JARVA_STORE_INTERNAL_H

#include <stdint.h>

#include "jarva_internal.h"

/* The plan's status thresholds (plan.csv: on_track_probability,
 * off_track_probability) into opts, which keeps its values when no plan is
 * loaded. JARVA_OK or JARVA_EDB (store/results.c). */
int jarva__store_plan_thresholds(jarva_db *db, jarva_target_options *opts);

/* The catalogue's direction, target and baseline of an indicator in
 * *target, and in *targeted whether a target value and year are set.
 * JARVA_OK, JARVA_ENOTFOUND (no such indicator) or JARVA_EDB
 * (store/results.c). */
int jarva__store_indicator_target(jarva_db *db, const char *indicator_id, jarva_target *target,
                                  int *targeted);

/* The estimates of one compute (store/estimate_writer.c), inside the
 * caller's write transaction: _open deletes the old set, _put inserts one
 * (values left NULL when suppressed or empty) with the level and time the
 * writer was opened with, linked to the batches it was computed from. Each
 * returns JARVA_OK or the database's error. */
typedef struct jarva__estimate_writer jarva__estimate_writer;
int jarva__estimate_writer_open(jarva__estimate_writer **out, jarva_db *db, const char *computed_at,
                                double level);
int jarva__estimate_writer_put(jarva__estimate_writer *w, const char *indicator_id, int year,
                               const char *area_id, const char *domain, const jarva_estimate *e,
                               const char *method, const int64_t *batches, size_t nbatches);
void jarva__estimate_writer_free(jarva__estimate_writer *w);

/* How many indicators have estimates and how many have none. JARVA_OK or
 * JARVA_EDB. */
int jarva__store_indicator_counts(jarva_db *db, size_t *with_data, size_t *without_data);

/* The area whose id, name (ASCII case ignored) or alias is name, as a new
 * string in *id_out: JARVA_OK, JARVA_ENOTFOUND (no message), JARVA_ENOMEM
 * or JARVA_EDB (store/areas.c). */
int jarva__store_area_exact(jarva_db *db, const char *name, char **id_out);
/* Calls each(ctx, id, name) for every area's id and name and every alias,
 * until it returns nonzero. JARVA_OK or JARVA_EDB. */
int jarva__store_area_names(jarva_db *db, int (*each)(void *ctx, const char *id, const char *name),
                            void *ctx);

/* The store's other parts, one header each so that each is read on its own:
 * the stored answers' encoder and reader (import and compute), and the
 * writers and reads of the catalogue, compute and the import. */
#include "answer_store.h"
#include "store_catalog.h"
#include "store_compute.h"
#include "store_import.h"

#endif /* JARVA_STORE_INTERNAL_H */
