/* store_import.h: part of the store's door (included by store_internal.h): the import writers:
 * a batch's rows, survey answers, table and activity rows, labels and lookups, inside the
 * import's write transaction. The SQL behind each call lives in store/ (docs/architecture.md,
 * "A second store engine"). */
#ifndef JARVA_STORE_IMPORT_H
#define JARVA_STORE_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "answer_store.h" /* the encoder the survey writer's values go to */
#include "jarva_internal.h"

/* ---- the batch (store/batch_writer.c) ---- */

/* Starts an import's write transaction (BEGIN IMMEDIATE, with a bigger page
 * cache and foreign keys checked at commit, since rows are written before
 * their batch row) and gives in *batch_id the id the batch will have.
 * JARVA_OK, JARVA_EREADONLY, JARVA_EBUSY or JARVA_EDB; after a failure the
 * caller still ends it with jarva__store_batch_finish(db, 0). */
int jarva__store_batch_begin(jarva_db *db, int64_t *batch_id);
/* Ends the import's transaction: keep commits (JARVA_OK, or the database's
 * error, rolled back), else rolls back, leaving the database as it was
 * (JARVA_OK). */
int jarva__store_batch_finish(jarva_db *db, int keep);
/* In *id the batch of an earlier import of the bytes whose SHA-256 (hex) is
 * sha256, or 0. JARVA_OK or the database's error; in the import's
 * transaction. */
int jarva__store_batch_by_hash(jarva_db *db, const char *sha256, int64_t *id);
/* Batch id's options ("sheet=...", the reader's dialect) as a new string in
 * *options, NULL if no such batch. JARVA_OK, JARVA_ENOMEM or the database's
 * error. */
int jarva__store_batch_options(jarva_db *db, int64_t id, char **options);
/* The batch other than except of wave (kind, source, year) in *id (0: none),
 * with its file's name and import time as new strings (NULL if none).
 * JARVA_OK, JARVA_ENOMEM or the database's error; in the import's
 * transaction. */
int jarva__store_wave_batch(jarva_db *db, const char *kind, const char *source, int year,
                            int64_t except, int64_t *id, char **file_name, char **imported_at);
/* Deletes batch id and, by the schema's cascades, everything imported with
 * it (a wave replaced). JARVA_OK or the database's error; in the import's
 * transaction. */
int jarva__store_batch_delete(jarva_db *db, int64_t id);

/* A batch row: what was imported, from which file, when and how. */
typedef struct jarva__batch_record {
    int64_t id;       /* from jarva__store_batch_begin */
    const char *kind; /* jarva_import_kind_name() */
    const char *source;
    int year; /* the wave's, or 0 for none */
    const char *file_name;
    const char *sha256; /* hex */
    int64_t rows;
    const char *imported_at; /* ISO 8601, UTC */
    const char *tool_version;
    const char *options;
    double weight_ratio; /* > 0: stored with extreme_weights; else both NULL */
    int64_t extreme_weights;
} jarva__batch_record;
/* Writes the batch row, last, once its rows are in. JARVA_OK or the
 * database's error; in the import's transaction. */
int jarva__store_batch_insert(jarva_db *db, const jarva__batch_record *b);

/* ---- survey answers (store/survey_writer.c) ---- */

/* A question of the batch: its field in the mapping and the file's column. */
typedef struct jarva__survey_variable {
    const char *name;
    const char *column;
} jarva__survey_variable;
/* The answers of one survey wave, written inside the import's write
 * transaction. _open records the questions, vars[q] at position q (the
 * encoder's question column q), and starts the writing thread: from then
 * until _finish or _free the caller must not use db's connection. JARVA_OK,
 * JARVA_ENOMEM or the database's error. */
typedef struct jarva__survey_writer jarva__survey_writer;
int jarva__survey_writer_open(jarva__survey_writer **out, jarva_db *db, int64_t batch_id,
                              const jarva__survey_variable *vars, size_t n);
/* Where the current respondent's values go (answer_store.h's
 * jarva__answers_put, _put_weight, _put_respondent): the encoder of the one
 * place that encodes stored answers. Valid until _free. */
jarva__answer_encoder *jarva__survey_writer_encoder(jarva__survey_writer *w);
/* Ends the respondent; a block complete goes to the writing thread.
 * JARVA_OK, JARVA_ENOMEM, or the failure of an earlier block's write
 * (JARVA_EDB, JARVA_EBUSY: the rows written so far stay until the caller
 * rolls back). */
int jarva__survey_writer_end_row(jarva__survey_writer *w);
/* Waits for the writing thread, writes the last block and, with codes (no
 * data errors), every column's codes. JARVA_OK, JARVA_ENOMEM or the
 * database's error; the connection is the caller's again. */
int jarva__survey_writer_finish(jarva__survey_writer *w, int codes);
/* Stops the thread, dropping the blocks not yet written; NULL-safe. */
void jarva__survey_writer_free(jarva__survey_writer *w);

/* ---- the names an import resolves (store/lookup_names.c) ---- */

/* Called once per name: key (what a file may write; may be NULL), the name to
 * show in a suggestion, and the id it stands for. JARVA_OK to go on, or a
 * negative status (with its message on the handle) to stop with. */
typedef int (*jarva__store_name_fn)(void *ctx, const char *key, const char *name, const char *id);

/* The kinds of names: the catalogue's areas (ids, names and aliases),
 * organisations (ids, Swedish and English names), audiences (ids, positions
 * and names), activity types (the indicators' event types), and the
 * measures of one survey's published tables (the indicators' variables and
 * ids). */
typedef enum jarva__names {
    JARVA__NAMES_AREAS,
    JARVA__NAMES_ORGANISATIONS,
    JARVA__NAMES_AUDIENCES,
    JARVA__NAMES_ACTIVITY_TYPES,
    JARVA__NAMES_TABLE_MEASURES
} jarva__names;
/* Calls each() for every name of kind (survey: the table measures' survey,
 * else unused). Read-only; inside the import's transaction or none.
 * JARVA_OK, the database's error ("reading the catalogue"), or what each()
 * returned. */
int jarva__store_names(jarva_db *db, jarva__names kind, const char *survey,
                       jarva__store_name_fn each, void *ctx);
/* The areas outside Järva an import checks against: jarva__store_areas
 * (store_compute.h), the one reading of the areas, whose in_jarva says it. */

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
