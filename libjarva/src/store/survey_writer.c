/* survey_writer.c: a survey wave's answers written as the import reads them:
 * the batch's questions (batch_variable), then per respondent the values
 * given to answer_store.c's encoder, each complete block of
 * JARVA__BLOCK_ROWS respondents written by the row writer's thread while the
 * import reads the next (row_writer.c), and at the end the last block and
 * every column's codes. */
#include <stdlib.h>

#include "answer_write.h"
#include "store_db.h"
#include "answer_store.h"
#include "row_writer.h"
#include "store_internal.h"

struct jarva__survey_writer {
    jarva_db *db;
    jarva__answer_encoder *encoder;
    jarva__row_writer *rows; /* the writing thread: no rows of its own (schema 9) */
};

/* The questions in order, position q for vars[q]. */
static int insert_variables(jarva_db *db, int64_t batch_id, const jarva__survey_variable *vars,
                            size_t n)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "INSERT INTO batch_variable(batch_id, position, name, source_column) "
                           "VALUES (?, ?, ?, ?)",
                           -1, &stmt, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "recording the variables");
    int rc = JARVA_OK;
    for (size_t q = 0; q < n && rc == JARVA_OK; q++) {
        sqlite3_bind_int64(stmt, 1, batch_id);
        sqlite3_bind_int64(stmt, 2, (sqlite3_int64)q);
        sqlite3_bind_text(stmt, 3, vars[q].name, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 4, vars[q].column, -1, SQLITE_STATIC);
        if (sqlite3_step(stmt) != SQLITE_DONE)
            rc = jarva__sqlerr(db, "recording the variables");
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    return rc;
}

int jarva__survey_writer_open(jarva__survey_writer **out, jarva_db *db, int64_t batch_id,
                              const jarva__survey_variable *vars, size_t n)
{
    *out = NULL;
    int rc = insert_variables(db, batch_id, vars, n);
    if (rc)
        return rc;
    jarva__survey_writer *w = calloc(1, sizeof *w);
    if (!w)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    w->db = db;
    rc = jarva__rows_open(db, &w->rows);
    if (!rc && jarva__answers_encoder_new(&w->encoder, batch_id, n))
        rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    if (rc) {
        jarva__survey_writer_free(w);
        return rc;
    }
    *out = w;
    return JARVA_OK;
}

jarva__answer_encoder *jarva__survey_writer_encoder(jarva__survey_writer *w)
{
    return w->encoder;
}

static int run_block(sqlite3 *sql, void *block)
{
    return jarva__answers_write_block(sql, block);
}

static void free_block(void *block)
{
    jarva__answers_block_free(block);
}

int jarva__survey_writer_end_row(jarva__survey_writer *w)
{
    jarva__answer_block *block = NULL;
    if (jarva__answers_end_row(w->encoder, 0, &block))
        return jarva__seterr(&w->db->err, JARVA_ENOMEM, "out of memory");
    return block ? jarva__rows_job(w->rows, run_block, free_block, block) : JARVA_OK;
}

/* The last, partial block, once the row writer has finished and the
 * connection is ours again, and, with codes, every column's codes. */
int jarva__survey_writer_finish(jarva__survey_writer *w, int codes)
{
    jarva_db *db = w->db;
    int rc = jarva__rows_finish(w->rows);
    if (rc)
        return rc;
    jarva__answer_block *block = NULL;
    if (jarva__answers_end_row(w->encoder, 1, &block))
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    rc = block && jarva__answers_write_block(db->sql, block) ? jarva__sqlerr(db, "storing answers")
                                                             : JARVA_OK;
    jarva__answers_block_free(block);
    if (!rc && codes)
        rc = jarva__answers_write_codes(db, w->encoder);
    return rc;
}

void jarva__survey_writer_free(jarva__survey_writer *w)
{
    if (!w)
        return;
    jarva__rows_free(w->rows);
    jarva__answers_encoder_free(w->encoder);
    free(w);
}
