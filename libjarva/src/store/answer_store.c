/* answer_store.c: the one home of the stored answer layout (see
 * answer_store.h and docs/schema.md). A column's values are numbered in order
 * of first appearance (code 1, 2, ...; 0 is missing) and each block of
 * JARVA__BLOCK_ROWS respondents stores them packed little-endian in the
 * fewest bytes that hold the block's largest code (1, 2 or 4), so that a
 * question coded 1-5 takes one byte per respondent and any number of
 * distinct answers still fits. Weights are 8-byte IEEE doubles. */
#include <stdlib.h>
#include <string.h>

#include "answer_store.h"
#include "estimate_file_internal.h"

/* ---- byte order: the file reads the same on every machine ---- */

static void put_le(unsigned char *p, uint64_t v, size_t width)
{
    for (size_t b = 0; b < width; b++)
        p[b] = (unsigned char)(v >> (8 * b));
}

static uint64_t get_le(const unsigned char *p, size_t width)
{
    uint64_t v = 0;
    for (size_t b = 0; b < width; b++)
        v |= (uint64_t)p[b] << (8 * b);
    return v;
}

/* ---- the encoder ---- */

typedef struct coded_column {
    jarva__keytab texts;
    uint32_t byte_code[256]; /* code of a one-byte text, 0 until seen */
    uint32_t *codes;         /* the block's, JARVA__BLOCK_ROWS */
} coded_column;

struct jarva__answer_encoder {
    int64_t batch_id;
    size_t ncolumns; /* JARVA__DESIGN_CODED + questions */
    coded_column *columns;
    double *weights;
    size_t n;      /* respondents in the block being filled */
    int64_t block; /* its number */
};

typedef struct encoded_column {
    int column_no;
    const unsigned char *data;
    size_t len;
} encoded_column;

struct jarva__answer_block {
    int64_t batch_id, block;
    size_t count;
    size_t ncolumns; /* the coded ones and the weights */
    encoded_column *columns;
    unsigned char *bytes;
};

static int column_no_of(size_t slot)
{
    return slot < JARVA__DESIGN_CODED ? JARVA__COL_STRATUM - (int)slot
                                      : (int)(slot - JARVA__DESIGN_CODED);
}

static long slot_of(const jarva__answer_encoder *e, int column)
{
    if (column <= JARVA__COL_STRATUM && column > JARVA__COL_STRATUM - JARVA__DESIGN_CODED)
        return JARVA__COL_STRATUM - column;
    if (column >= 0 && (size_t)column + JARVA__DESIGN_CODED < e->ncolumns)
        return column + JARVA__DESIGN_CODED;
    return -1;
}

int jarva__answers_encoder_new(jarva__answer_encoder **out, int64_t batch_id, size_t nquestions)
{
    jarva__answer_encoder *e = calloc(1, sizeof *e);
    *out = NULL;
    if (!e)
        return JARVA_ENOMEM;
    e->batch_id = batch_id;
    e->ncolumns = JARVA__DESIGN_CODED + nquestions;
    e->columns = calloc(e->ncolumns, sizeof *e->columns);
    e->weights = calloc(JARVA__BLOCK_ROWS, sizeof *e->weights);
    int ok = e->columns && e->weights;
    for (size_t c = 0; ok && c < e->ncolumns; c++)
        ok = (e->columns[c].codes = calloc(JARVA__BLOCK_ROWS, sizeof(uint32_t))) != NULL;
    if (!ok) {
        jarva__answers_encoder_free(e);
        return JARVA_ENOMEM;
    }
    *out = e;
    return JARVA_OK;
}

void jarva__answers_encoder_free(jarva__answer_encoder *e)
{
    if (!e)
        return;
    for (size_t c = 0; e->columns && c < e->ncolumns; c++) {
        jarva__keytab_free(&e->columns[c].texts);
        free(e->columns[c].codes);
    }
    free(e->columns);
    free(e->weights);
    free(e);
}

int jarva__answers_put(jarva__answer_encoder *e, int column, const char *text, size_t len)
{
    long slot = slot_of(e, column);
    if (slot < 0)
        return -1;
    coded_column *c = &e->columns[slot];
    if (!text || len == 0) {
        c->codes[e->n] = 0;
        return 0;
    }
    if (len == 1 && c->byte_code[(unsigned char)text[0]]) {
        c->codes[e->n] = c->byte_code[(unsigned char)text[0]];
        return 0;
    }
    long id = jarva__keytab_add(&c->texts, text, len);
    if (id < 0 || (size_t)id >= UINT32_MAX - 1)
        return -1;
    uint32_t code = (uint32_t)id + 1;
    if (len == 1)
        c->byte_code[(unsigned char)text[0]] = code;
    c->codes[e->n] = code;
    return 0;
}

void jarva__answers_put_weight(jarva__answer_encoder *e, double weight)
{
    e->weights[e->n] = weight;
}

static size_t width_for(const uint32_t *codes, size_t n)
{
    uint32_t most = 0;
    for (size_t i = 0; i < n; i++)
        most = codes[i] > most ? codes[i] : most;
    return most < 0x100 ? 1 : most < 0x10000 ? 2 : 4;
}

static int encode_block(jarva__answer_encoder *e, jarva__answer_block **out)
{
    size_t n = e->n, ncoded = e->ncolumns;
    size_t total = 8 * n;
    size_t *widths = malloc(ncoded * sizeof *widths);
    jarva__answer_block *b = calloc(1, sizeof *b);
    if (!widths || !b) {
        free(widths);
        free(b);
        return -1;
    }
    for (size_t c = 0; c < ncoded; c++) {
        widths[c] = width_for(e->columns[c].codes, n);
        total += widths[c] * n;
    }
    b->batch_id = e->batch_id;
    b->block = e->block;
    b->count = n;
    b->ncolumns = ncoded + 1;
    b->columns = calloc(b->ncolumns, sizeof *b->columns);
    b->bytes = malloc(total ? total : 1);
    if (!b->columns || !b->bytes) {
        free(widths);
        jarva__answers_block_free(b);
        return -1;
    }
    unsigned char *p = b->bytes;
    b->columns[0] = (encoded_column){ JARVA__COL_WEIGHT, p, 8 * n };
    for (size_t i = 0; i < n; i++, p += 8) {
        uint64_t bits;
        memcpy(&bits, &e->weights[i], sizeof bits);
        put_le(p, bits, 8);
    }
    for (size_t c = 0; c < ncoded; c++) {
        size_t w = widths[c];
        b->columns[c + 1] = (encoded_column){ column_no_of(c), p, w * n };
        const uint32_t *codes = e->columns[c].codes;
        if (w == 1)
            for (size_t i = 0; i < n; i++)
                p[i] = (unsigned char)codes[i];
        else
            for (size_t i = 0; i < n; i++)
                put_le(p + i * w, codes[i], w);
        p += w * n;
    }
    free(widths);
    *out = b;
    return 0;
}

int jarva__answers_end_row(jarva__answer_encoder *e, int last, jarva__answer_block **block)
{
    *block = NULL;
    if (!last)
        e->n++;
    if (e->n == 0 || (!last && e->n < JARVA__BLOCK_ROWS))
        return 0;
    if (encode_block(e, block))
        return -1;
    /* A column not given for a respondent is missing. */
    for (size_t c = 0; c < e->ncolumns; c++)
        memset(e->columns[c].codes, 0, e->n * sizeof(uint32_t));
    e->n = 0;
    e->block++;
    return 0;
}

void jarva__answers_block_free(jarva__answer_block *block)
{
    if (!block)
        return;
    free(block->columns);
    free(block->bytes);
    free(block);
}

int jarva__answers_write_block(sqlite3 *sql, const jarva__answer_block *b)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(sql,
                           "INSERT INTO column_block(batch_id, column_no, block, count, data) "
                           "VALUES (?, ?, ?, ?, ?)",
                           -1, &st, NULL) != SQLITE_OK)
        return JARVA_EDB;
    int rc = JARVA_OK;
    for (size_t c = 0; c < b->ncolumns && !rc; c++) {
        sqlite3_bind_int64(st, 1, b->batch_id);
        sqlite3_bind_int(st, 2, b->columns[c].column_no);
        sqlite3_bind_int64(st, 3, b->block);
        sqlite3_bind_int64(st, 4, (sqlite3_int64)b->count);
        sqlite3_bind_blob(st, 5, b->columns[c].data, (int)b->columns[c].len, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = JARVA_EDB;
        else
            sqlite3_reset(st);
    }
    /* On failure the statement is finalized unreset: the connection keeps
     * the step's message for the caller. */
    sqlite3_finalize(st);
    return rc;
}

int jarva__answers_write_codes(jarva_db *db, const jarva__answer_encoder *e)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "INSERT INTO column_code(batch_id, column_no, code, value) "
                           "VALUES (?, ?, ?, ?)",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "storing answer codes");
    int rc = JARVA_OK;
    for (size_t c = 0; c < e->ncolumns && !rc; c++) {
        const jarva__keytab *t = &e->columns[c].texts;
        for (size_t k = 0; k < t->count && !rc; k++) {
            sqlite3_bind_int64(st, 1, e->batch_id);
            sqlite3_bind_int(st, 2, column_no_of(c));
            sqlite3_bind_int64(st, 3, (sqlite3_int64)k + 1);
            sqlite3_bind_text(st, 4, t->keys[k], (int)t->lengths[k], SQLITE_STATIC);
            if (sqlite3_step(st) != SQLITE_DONE)
                rc = jarva__sqlerr(db, "storing answer codes");
            sqlite3_reset(st);
        }
    }
    sqlite3_finalize(st);
    return rc;
}

/* ---- the reader ---- */

struct jarva__answer_reader {
    jarva_db *db;
    int64_t batch_id;
    size_t n;
    int *columns;
    sqlite3_stmt **statements;
    void **values; /* per column: uint32_t or double [JARVA__BLOCK_ROWS] */
    int64_t block;
};

void jarva__answers_reader_free(jarva__answer_reader *r)
{
    if (!r)
        return;
    for (size_t k = 0; k < r->n; k++) {
        if (r->statements)
            sqlite3_finalize(r->statements[k]);
        if (r->values)
            free(r->values[k]);
    }
    free(r->statements);
    free(r->values);
    free(r->columns);
    free(r);
}

int jarva__answers_reader_open(jarva__answer_reader **out, jarva_db *db, int64_t batch_id,
                               const int *columns, size_t n)
{
    *out = NULL;
    jarva__answer_reader *r = calloc(1, sizeof *r);
    if (!r)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    r->db = db;
    r->batch_id = batch_id;
    r->n = n;
    r->columns = malloc((n ? n : 1) * sizeof *r->columns);
    r->statements = calloc(n ? n : 1, sizeof *r->statements);
    r->values = calloc(n ? n : 1, sizeof *r->values);
    int rc = r->columns && r->statements && r->values
                 ? JARVA_OK
                 : jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    for (size_t k = 0; k < n && !rc; k++) {
        r->columns[k] = columns[k];
        r->values[k] = malloc(JARVA__BLOCK_ROWS * 8);
        if (!r->values[k])
            rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
        else if (sqlite3_prepare_v2(db->sql,
                                    "SELECT block, count, data FROM column_block WHERE batch_id = "
                                    "? AND column_no = ? ORDER BY block",
                                    -1, &r->statements[k], NULL) != SQLITE_OK)
            rc = jarva__sqlerr(db, "reading answers");
        else {
            sqlite3_bind_int64(r->statements[k], 1, batch_id);
            sqlite3_bind_int(r->statements[k], 2, columns[k]);
        }
    }
    if (rc) {
        jarva__answers_reader_free(r);
        return rc;
    }
    *out = r;
    return JARVA_OK;
}

static int malformed(jarva__answer_reader *r, int column, const char *what)
{
    return jarva__seterr(&r->db->err, JARVA_EDB,
                         "%s: batch %lld: column %d of the stored answers: %s", r->db->path,
                         (long long)r->batch_id, column, what);
}

int jarva__answers_reader_next(jarva__answer_reader *r, size_t *count)
{
    *count = 0;
    int have = -1;
    for (size_t k = 0; k < r->n; k++) {
        sqlite3_stmt *st = r->statements[k];
        int step = sqlite3_step(st);
        if (step != SQLITE_ROW && step != SQLITE_DONE)
            return jarva__sqlerr(r->db, "reading answers");
        int row = step == SQLITE_ROW;
        if (have >= 0 && row != have)
            return malformed(r, r->columns[k], "blocks missing");
        have = row;
        if (!row)
            continue;
        int64_t block = sqlite3_column_int64(st, 0);
        int64_t n = sqlite3_column_int64(st, 1);
        const unsigned char *data = sqlite3_column_blob(st, 2);
        size_t len = (size_t)sqlite3_column_bytes(st, 2);
        if (n <= 0 || n > JARVA__BLOCK_ROWS || (k && (block != r->block || (size_t)n != *count)))
            return malformed(r, r->columns[k], "blocks out of step");
        r->block = block;
        *count = (size_t)n;
        size_t width = len / (size_t)n;
        if (r->columns[k] == JARVA__COL_WEIGHT) {
            if (width != 8 || len % 8)
                return malformed(r, r->columns[k], "weights not 8 bytes each");
            double *out = r->values[k];
            for (size_t i = 0; i < *count; i++) {
                uint64_t bits = get_le(data + 8 * i, 8);
                memcpy(&out[i], &bits, sizeof bits);
            }
            continue;
        }
        if ((width != 1 && width != 2 && width != 4) || len % (size_t)n)
            return malformed(r, r->columns[k], "codes of an unknown width");
        uint32_t *out = r->values[k];
        if (width == 1)
            for (size_t i = 0; i < *count; i++)
                out[i] = data[i];
        else
            for (size_t i = 0; i < *count; i++)
                out[i] = (uint32_t)get_le(data + width * i, width);
    }
    return have > 0;
}

const uint32_t *jarva__answers_reader_codes(const jarva__answer_reader *r, size_t k)
{
    return r->values[k];
}

const double *jarva__answers_reader_weights(const jarva__answer_reader *r, size_t k)
{
    return r->values[k];
}

void jarva__answers_codes_free(char **texts, size_t count)
{
    for (size_t i = 0; texts && i < count; i++)
        free(texts[i]);
    free(texts);
}

int jarva__answers_codes(jarva_db *db, int64_t batch_id, int column, char ***texts, size_t *count)
{
    *texts = NULL;
    *count = 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT code, value FROM column_code WHERE batch_id = ? AND "
                           "column_no = ? ORDER BY code",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading answer codes");
    sqlite3_bind_int64(st, 1, batch_id);
    sqlite3_bind_int(st, 2, column);
    size_t cap = 0;
    int rc = JARVA_OK, step = SQLITE_DONE;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        if ((size_t)sqlite3_column_int64(st, 0) != *count + 1) {
            rc = jarva__seterr(&db->err, JARVA_EDB,
                               "%s: batch %lld: codes of column %d not 1, 2, ...", db->path,
                               (long long)batch_id, column);
            break;
        }
        if (*count == cap) {
            cap = cap ? 2 * cap : 16;
            char **grown = realloc(*texts, cap * sizeof *grown);
            if (!grown) {
                rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
                break;
            }
            *texts = grown;
        }
        (*texts)[*count] = jarva__strdup((const char *)sqlite3_column_text(st, 1));
        if (!(*texts)[*count])
            rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
        else
            (*count)++;
    }
    if (!rc && step != SQLITE_DONE)
        rc = jarva__sqlerr(db, "reading answer codes");
    sqlite3_finalize(st);
    if (rc) {
        jarva__answers_codes_free(*texts, *count);
        *texts = NULL;
        *count = 0;
    }
    return rc;
}
