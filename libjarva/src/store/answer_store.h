/* answer_store.h: a survey wave's answers and design columns as stored for
 * speed (answer_store.c, the one place that encodes and decodes them; the
 * layout is in docs/schema.md): per column and block of JARVA__BLOCK_ROWS
 * respondents in file order, one BLOB of packed codes (column_block), and
 * per column the codes' texts (column_code). Compute reads one question by
 * reading its blocks, without touching the other answers. */
#ifndef JARVA_ANSWER_STORE_H
#define JARVA_ANSWER_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "jarva_internal.h"

#define JARVA__BLOCK_ROWS 4096

/* Column numbers: a question is its batch_variable.position (0, 1, ...); the
 * design columns have these (the table design_column names them). */
enum {
    JARVA__COL_WEIGHT = -1, /* doubles, not codes */
    JARVA__COL_STRATUM = -2,
    JARVA__COL_AREA = -3,
    JARVA__COL_SEX = -4,
    JARVA__COL_AGE_GROUP = -5,
    JARVA__COL_ORGANISATION = -6,
    JARVA__COL_ROLE = -7
};
#define JARVA__DESIGN_CODED 6 /* stratum .. role */

/* ---- writing (import, migration) ---- */

typedef struct jarva__answer_encoder jarva__answer_encoder;
/* One complete block, encoded; written by jarva__answers_write_block(). */
typedef struct jarva__answer_block jarva__answer_block;

/* An encoder for a batch with nquestions questions. JARVA_OK or JARVA_ENOMEM. */
int jarva__answers_encoder_new(jarva__answer_encoder **out, int64_t batch_id, size_t nquestions);
void jarva__answers_encoder_free(jarva__answer_encoder *e);

/* The current respondent's values: text of len bytes, NULL (or len 0) for
 * missing. column is a JARVA__COL_* design column (not the weight) or a
 * question's position. 0, or -1 out of memory. */
int jarva__answers_put(jarva__answer_encoder *e, int column, const char *text, size_t len);
void jarva__answers_put_weight(jarva__answer_encoder *e, double weight);
/* Ends the respondent. When that completes a block (or, with last, when any
 * respondent is pending) *block is the encoded block, for the caller to write
 * and free; else NULL. 0, or -1 out of memory. */
int jarva__answers_end_row(jarva__answer_encoder *e, int last, jarva__answer_block **block);

/* Writes a block's rows into column_block: JARVA_OK, or JARVA_EDB with
 * SQLite's message on the connection (so that the import's writing thread
 * can call it without touching the handle's error). */
int jarva__answers_write_block(sqlite3 *sql, const jarva__answer_block *block);
void jarva__answers_block_free(jarva__answer_block *block);
/* Writes every column's codes into column_code, once all blocks are done. */
int jarva__answers_write_codes(jarva_db *db, const jarva__answer_encoder *e);

/* ---- reading (compute) ---- */

typedef struct jarva__answer_reader jarva__answer_reader;

/* Reads the blocks of columns[0..n) of a batch in step. JARVA_OK or an error
 * on db. */
int jarva__answers_reader_open(jarva__answer_reader **out, jarva_db *db, int64_t batch_id,
                               const int *columns, size_t n);
/* The next block: 1 (and *count respondents), 0 at the end, or a negative
 * status (message on db). */
int jarva__answers_reader_next(jarva__answer_reader *r, size_t *count);
/* Column k's codes in the current block (0 missing, c >= 1 the c-th text of
 * jarva__answers_codes()); for JARVA__COL_WEIGHT, weights(). Valid until the
 * next call. */
const uint32_t *jarva__answers_reader_codes(const jarva__answer_reader *r, size_t k);
const double *jarva__answers_reader_weights(const jarva__answer_reader *r, size_t k);
void jarva__answers_reader_free(jarva__answer_reader *r);

/* A column's code texts: (*texts)[c - 1] for code c, *count of them; free
 * with jarva__answers_codes_free(). JARVA_OK or an error on db. */
int jarva__answers_codes(jarva_db *db, int64_t batch_id, int column, char ***texts, size_t *count);
void jarva__answers_codes_free(char **texts, size_t count);

/* ---- migration (answer_migrate.c) ---- */

/* Schema 6: every survey batch's JSON answer lists into blocks and codes,
 * and response.seq filled. JARVA_OK or an error on db. */
int jarva__answers_migrate_json(jarva_db *db);

#endif /* JARVA_ANSWER_STORE_H */
