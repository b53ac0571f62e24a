/* row_writer.h: the store's own writing thread (row_writer.c), under the
 * writers of store_import.h (survey_writer.c): its jobs hand SQLite's
 * connection to a callback, so it is not for the other modules. */
#ifndef JARVA_ROW_WRITER_H
#define JARVA_ROW_WRITER_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "jarva_internal.h"

/* Rows written by a thread of the writer's own, a job at a time, while the
 * caller goes on (row_writer.c): from jarva__rows_open() until
 * jarva__rows_finish() or jarva__rows_free() the caller must not use the
 * database connection. For a transaction rolled back on failure: a failed
 * job may leave some of its rows. Errors go to db's message. */
typedef struct jarva__row_writer jarva__row_writer;
/* JARVA_OK or JARVA_ENOMEM; without threads (SQLite built without them, or
 * none to be had) the caller's thread runs each job as it is added. */
int jarva__rows_open(jarva_db *db, jarva__row_writer **out);
/* Has the writer call run(sql, arg), after the jobs added before it, then
 * free_arg(arg); free_arg is called also when the job is dropped. run
 * returns JARVA_OK or JARVA_EDB with SQLite's message on the connection.
 * Waits while the writer has four jobs waiting. JARVA_OK, or the first
 * failure of a job ("inserting rows", JARVA_EDB, JARVA_EBUSY or
 * JARVA_ENOMEM), after which the writer takes no more. */
int jarva__rows_job(jarva__row_writer *w, int (*run)(sqlite3 *sql, void *arg),
                    void (*free_arg)(void *arg), void *arg);
/* Waits for the jobs still waiting: JARVA_OK or the first failure. */
int jarva__rows_finish(jarva__row_writer *w);
/* Jobs not yet written are dropped (the caller is rolling back); NULL-safe. */
void jarva__rows_free(jarva__row_writer *w);

#endif /* JARVA_ROW_WRITER_H */
