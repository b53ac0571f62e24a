/* row_writer.h: the store's own multi-row INSERT writer with a writing thread
 * (row_writer.c), under the writers of store_import.h (survey_writer.c): its
 * jobs hand SQLite's connection to a callback, so it is not for the other
 * modules. */
#ifndef JARVA_ROW_WRITER_H
#define JARVA_ROW_WRITER_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "jarva_internal.h"

/* Rows inserted many to a statement (row_writer.c): add a row's values in
 * order with the functions below (NULL text is NULL; text is copied) and end
 * it; after the last row, finish. Rows are written by a thread of the
 * writer's own while the caller goes on: from jarva__rows_open() until
 * jarva__rows_finish() or jarva__rows_free() the caller must not use the
 * database connection. For a transaction rolled back on failure: a failed
 * write may leave some of the rows. Errors go to db's message. */
typedef struct jarva__row_writer jarva__row_writer;
/* target: "table(a, b, c)". row: the tuple of one row, "(:a, ?, NULL)": a
 * "?" for each value added per row, named parameters for values the same in
 * every row (jarva__rows_constant), literals. Both NULL: a writer of jobs
 * only (jarva__rows_job), each handed to the thread as it is added. */
int jarva__rows_open(jarva_db *db, const char *target, const char *row, jarva__row_writer **out);
/* Sets the named parameter of every row; before the first row is ended.
 * name is kept: a string literal. */
void jarva__rows_constant(jarva__row_writer *w, const char *name, int64_t value);
void jarva__rows_int(jarva__row_writer *w, int64_t value);
void jarva__rows_double(jarva__row_writer *w, double value);
void jarva__rows_text(jarva__row_writer *w, const char *s, size_t len);
void jarva__rows_null(jarva__row_writer *w);
/* JARVA_OK, or what adding or writing failed with (JARVA_ENOMEM, JARVA_EDB,
 * ...); after a failure the writer takes no more rows. */
int jarva__rows_end(jarva__row_writer *w);
/* Writes the rows still waiting and waits for them: JARVA_OK or the first
 * failure. */
int jarva__rows_finish(jarva__row_writer *w);
/* Rows not yet written are dropped (the caller is rolling back). */
void jarva__rows_free(jarva__row_writer *w);
/* Has the writer call run(sql, arg) once the rows added so far are written
 * (for writes of another shape, such as answer blocks), then free_arg(arg);
 * free_arg is called also when the job is dropped. run returns JARVA_OK or
 * JARVA_EDB with SQLite's message on the connection. JARVA_OK, or the
 * writer's failure (arg freed). */
int jarva__rows_job(jarva__row_writer *w, int (*run)(sqlite3 *sql, void *arg),
                    void (*free_arg)(void *arg), void *arg);

#endif /* JARVA_ROW_WRITER_H */
