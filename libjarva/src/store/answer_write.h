/* answer_write.h: writing the stored answers' blocks (answer_store.c), for
 * store/ only: the import's writing thread calls it with SQLite's connection
 * (survey_writer.c), as does the migration of schema 4's lists
 * (answer_migrate.c). The encoder and reader are in answer_store.h. */
#ifndef JARVA_ANSWER_WRITE_H
#define JARVA_ANSWER_WRITE_H

#include <sqlite3.h>

#include "answer_store.h"

/* Writes a block's rows into column_block: JARVA_OK, or JARVA_EDB with
 * SQLite's message on the connection (so that the import's writing thread
 * can call it without touching the handle's error). */
int jarva__answers_write_block(sqlite3 *sql, const jarva__answer_block *block);

#endif /* JARVA_ANSWER_WRITE_H */
