/* answer_store.h: a survey wave's answers and design columns as stored for
 * speed (answer_store.c encodes them, answer_reader.c decodes them; the
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
    JARVA__COL_ROLE = -7,
    /* Schema 9: the respondents themselves, not coded. Row numbers: 4 bytes
     * each (the file's line); ids: count + 1 offsets of 4 bytes, then the ids'
     * bytes one after the other (id k is bytes [offset k, offset k + 1)). */
    JARVA__COL_ROW_NO = -8,
    JARVA__COL_RESPONDENT = -9
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
/* The current respondent's id (len bytes) and line; once given for one
 * respondent, blocks hold the respondent columns. 0, or -1 (out of memory, or
 * a line beyond 2^32 - 1). */
int jarva__answers_put_respondent(jarva__answer_encoder *e, const char *id, size_t len,
                                  int64_t row_no);
/* Ends the respondent. When that completes a block (or, with last, when any
 * respondent is pending) *block is the encoded block, for the caller to write
 * and free; else NULL. 0, or -1 out of memory. */
int jarva__answers_end_row(jarva__answer_encoder *e, int last, jarva__answer_block **block);

void jarva__answers_block_free(jarva__answer_block *block);
/* Writes every column's codes into column_code, once all blocks are done. */
int jarva__answers_write_codes(jarva_db *db, const jarva__answer_encoder *e);

/* ---- reading (compute) ---- */

typedef struct jarva__answer_reader jarva__answer_reader;

/* Reads the blocks of columns[0..n) of a batch in step (answer_reader.c),
 * ahead of the caller on a thread of its own: until _free(), db's connection
 * is the reader's, and the caller must not use db except through the reader
 * (setting an error on it is fine). JARVA_OK or an error on db. */
int jarva__answers_reader_open(jarva__answer_reader **out, jarva_db *db, int64_t batch_id,
                               const int *columns, size_t n);
/* The next block: 1 (and *count respondents), 0 at the end, or a negative
 * status (message on db). */
int jarva__answers_reader_next(jarva__answer_reader *r, size_t *count);
/* Column k's codes in the current block (0 missing, c >= 1 the c-th text of
 * jarva__answers_codes()) and in *max the largest of them, decoded on the
 * first call for the block (ask for a column just before using it); for
 * JARVA__COL_WEIGHT, weights(). Valid until the next jarva__answers_reader_next(). */
const uint32_t *jarva__answers_reader_codes(jarva__answer_reader *r, size_t k, uint32_t *max);
/* Column k's codes as stored, one byte each, when the block stores them so
 * (else NULL: use _codes()), and *max as _codes() does; no decoding. */
const unsigned char *jarva__answers_reader_bytes(const jarva__answer_reader *r, size_t k,
                                                 uint32_t *max);
const double *jarva__answers_reader_weights(jarva__answer_reader *r, size_t k);
void jarva__answers_reader_free(jarva__answer_reader *r);

/* A column's code texts: (*texts)[c - 1] for code c, *count of them; free
 * with jarva__answers_codes_free(). JARVA_OK or an error on db. */
int jarva__answers_codes(jarva_db *db, int64_t batch_id, int column, char ***texts, size_t *count);
void jarva__answers_codes_free(char **texts, size_t count);

/* Every respondent id that an earlier line of the batch has too, in file
 * order: each(ctx, line, id, first line with it); each returns 0 to go on.
 * Sorts in a temporary table (SQLite's sorter: memory bounded by its cache,
 * the rest in a temporary file). JARVA_OK, or an error on db. */
int jarva__answers_duplicates(jarva_db *db, int64_t batch_id,
                              int (*each)(void *ctx, int64_t line, const char *id, int64_t first),
                              void *ctx);

/* Schema 9: the rows of the table response (one per respondent) into the
 * respondent columns' blocks, then the table dropped and the view response
 * made in its place. JARVA_OK, or an error on db. */
int jarva__answers_migrate_respondents(jarva_db *db);

/* The 256 bytes 00..ff as the body of an SQL blob literal (x'...'): the
 * answer views read a stored byte as a number by its place in it, since
 * SQLite has no function that reads a BLOB as a number. One copy for the
 * views of schema 6 (schema.c) and of schema 9 on (answer_view.c); the text
 * of a released migration stays what it was. */
#define JARVA__SQL_BYTES_00_FF                                                                     \
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"                             \
    "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"                             \
    "404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f"                             \
    "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f"                             \
    "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"                             \
    "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf"                             \
    "c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedf"                             \
    "e0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"

/* answer_view.c: (re)creates the views response and answer over the blocks;
 * _answer_view() the answer view alone (schema 11: respondent first). */
int jarva__answers_create_views(jarva_db *db);
int jarva__answers_create_answer_view(jarva_db *db);

/* ---- migration (answer_migrate.c) ---- */

/* Schema 6: every survey batch's JSON answer lists into blocks and codes,
 * and response.seq filled. JARVA_OK or an error on db. */
int jarva__answers_migrate_json(jarva_db *db);

#endif /* JARVA_ANSWER_STORE_H */
