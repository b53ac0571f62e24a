/* answer_store.c: the one home of the stored answer layout (see
 * answer_store.h and docs/schema.md). A column's values are numbered in order
 * of first appearance (code 1, 2, ...; 0 is missing) and each block of
 * JARVA__BLOCK_ROWS respondents stores them packed little-endian in the
 * fewest bytes that hold the block's largest code (1, 2 or 4), so that a
 * question coded 1-5 takes one byte per respondent and any number of
 * distinct answers still fits. Weights are 8-byte IEEE doubles. */
#include <stdlib.h>
#include <string.h>

#include "store_db.h"
#include "answer_store.h"
#include "answer_write.h"
#include "keytab.h"
#include "answer_bytes.h"

/* ---- the encoder ---- */

typedef struct coded_column {
    jarva__keytab texts;
    uint32_t byte_code[256]; /* code of a one-byte text, 0 until seen */
    uint32_t *codes;         /* the block's, JARVA__BLOCK_ROWS */
} coded_column;

/* The respondent columns of one block: lines and ids (JARVA__COL_ROW_NO,
 * JARVA__COL_RESPONDENT). */
typedef struct respondents {
    uint32_t *lines; /* JARVA__BLOCK_ROWS */
    uint32_t *ends;  /* JARVA__BLOCK_ROWS: where each id ends in ids */
    char *ids;
    size_t ids_len, ids_cap;
    size_t given; /* respondents of the block given so far */
} respondents;

struct jarva__answer_encoder {
    int64_t batch_id;
    size_t ncolumns; /* JARVA__DESIGN_CODED + questions */
    coded_column *columns;
    double *weights;
    size_t n;      /* respondents in the block being filled */
    int64_t block; /* its number */
    int has_respondents;
    respondents people;
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

/* ---- the respondent columns ---- */

static int respondents_init(respondents *p)
{
    p->lines = malloc(JARVA__BLOCK_ROWS * sizeof *p->lines);
    p->ends = malloc(JARVA__BLOCK_ROWS * sizeof *p->ends);
    return p->lines && p->ends ? 0 : -1;
}

static void respondents_free(respondents *p)
{
    free(p->lines);
    free(p->ends);
    free(p->ids);
    memset(p, 0, sizeof *p);
}

/* Respondent k of the block (k = p->given): 0, or -1. */
static int respondents_add(respondents *p, const char *id, size_t len, int64_t line)
{
    if (line < 0 || line > (int64_t)UINT32_MAX || p->ids_len + len > UINT32_MAX)
        return -1;
    if (p->ids_len + len > p->ids_cap) {
        size_t cap = p->ids_cap ? 2 * p->ids_cap : 16384;
        while (cap < p->ids_len + len)
            cap *= 2;
        char *grown = realloc(p->ids, cap);
        if (!grown)
            return -1;
        p->ids = grown;
        p->ids_cap = cap;
    }
    if (len)
        memcpy(p->ids + p->ids_len, id, len);
    p->ids_len += len;
    p->lines[p->given] = (uint32_t)line;
    p->ends[p->given++] = (uint32_t)p->ids_len;
    return 0;
}

static size_t respondents_bytes(const respondents *p, size_t n)
{
    return 4 * n + 4 * (n + 1) + p->ids_len;
}

/* The two columns' bytes at out (respondents_bytes of them), described in
 * cols[0..2). */
static void respondents_pack(const respondents *p, size_t n, unsigned char *out,
                             encoded_column *cols)
{
    cols[0] = (encoded_column){ JARVA__COL_ROW_NO, out, 4 * n };
    for (size_t i = 0; i < n; i++, out += 4)
        jarva__put_le(out, p->lines[i], 4);
    cols[1] = (encoded_column){ JARVA__COL_RESPONDENT, out, 4 * (n + 1) + p->ids_len };
    jarva__put_le(out, 0, 4);
    for (size_t i = 0; i < n; i++)
        jarva__put_le(out + 4 * (i + 1), p->ends[i], 4);
    if (p->ids_len)
        memcpy(out + 4 * (n + 1), p->ids, p->ids_len);
}

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
    respondents_free(&e->people);
    free(e);
}

int jarva__answers_put_respondent(jarva__answer_encoder *e, const char *id, size_t len,
                                  int64_t row_no)
{
    if (!e->has_respondents) {
        if (e->block > 0 || respondents_init(&e->people))
            return -1; /* from the first respondent on, or not at all */
        e->has_respondents = 1;
    }
    while (e->people.given < e->n) /* respondents of the block without one */
        if (respondents_add(&e->people, NULL, 0, 0))
            return -1;
    return e->people.given == e->n ? respondents_add(&e->people, id, len, row_no) : -1;
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
    if (e->has_respondents)
        total += respondents_bytes(&e->people, n);
    b->batch_id = e->batch_id;
    b->block = e->block;
    b->count = n;
    b->ncolumns = ncoded + 1 + (e->has_respondents ? 2 : 0);
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
        jarva__put_le(p, bits, 8);
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
                jarva__put_le(p + i * w, codes[i], w);
        p += w * n;
    }
    if (e->has_respondents)
        respondents_pack(&e->people, n, p, &b->columns[ncoded + 1]);
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
    while (e->has_respondents && e->people.given < e->n)
        if (respondents_add(&e->people, NULL, 0, 0))
            return -1;
    if (encode_block(e, block))
        return -1;
    e->people.given = 0;
    e->people.ids_len = 0;
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

/* ---- the codes' texts ---- */

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

/* ---- respondents: duplicates, migration ---- */

/* Offset k of a JARVA__COL_RESPONDENT block of count ids, or -1 if the block
 * is malformed (offsets not ascending, or past the bytes). */
static int64_t id_offset(const unsigned char *data, size_t len, size_t count, size_t k)
{
    size_t head = 4 * (count + 1);
    if (len < head)
        return -1;
    uint64_t at = jarva__get_le(data + 4 * k, 4);
    return head + at <= len ? (int64_t)at : -1;
}

static int fill_respondents(jarva_db *db, int64_t batch_id, sqlite3_stmt *insert)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT r.count, r.data, n.data FROM column_block r JOIN column_block n"
                           " ON n.batch_id = r.batch_id AND n.column_no = ?3 AND n.block = r.block"
                           " WHERE r.batch_id = ?1 AND r.column_no = ?2 ORDER BY r.block",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "looking for duplicate respondent ids");
    sqlite3_bind_int64(st, 1, batch_id);
    sqlite3_bind_int(st, 2, JARVA__COL_RESPONDENT);
    sqlite3_bind_int(st, 3, JARVA__COL_ROW_NO);
    int rc = JARVA_OK, step;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        size_t count = (size_t)sqlite3_column_int64(st, 0);
        const unsigned char *ids = sqlite3_column_blob(st, 1);
        size_t ids_len = (size_t)sqlite3_column_bytes(st, 1);
        const unsigned char *lines = sqlite3_column_blob(st, 2);
        if ((size_t)sqlite3_column_bytes(st, 2) != 4 * count || !ids)
            rc = jarva__seterr(&db->err, JARVA_EDB, "%s: batch %lld: malformed respondent block",
                               db->path, (long long)batch_id);
        for (size_t k = 0; k < count && !rc; k++) {
            int64_t from = id_offset(ids, ids_len, count, k);
            int64_t to = id_offset(ids, ids_len, count, k + 1);
            if (from < 0 || to < from) {
                rc =
                    jarva__seterr(&db->err, JARVA_EDB, "%s: batch %lld: malformed respondent block",
                                  db->path, (long long)batch_id);
                break;
            }
            sqlite3_bind_int64(insert, 1, (sqlite3_int64)jarva__get_le(lines + 4 * k, 4));
            sqlite3_bind_text(insert, 2, (const char *)ids + 4 * (count + 1) + from,
                              (int)(to - from), SQLITE_STATIC);
            if (sqlite3_step(insert) != SQLITE_DONE)
                rc = jarva__sqlerr(db, "looking for duplicate respondent ids");
            sqlite3_reset(insert);
        }
    }
    if (!rc && step != SQLITE_DONE)
        rc = jarva__sqlerr(db, "looking for duplicate respondent ids");
    sqlite3_finalize(st);
    return rc;
}

int jarva__answers_duplicates(jarva_db *db, int64_t batch_id,
                              int (*each)(void *ctx, int64_t line, const char *id, int64_t first),
                              void *ctx)
{
    int rc = jarva__exec(db, "CREATE TEMP TABLE IF NOT EXISTS jarva_respondent("
                             "line INTEGER NOT NULL, id TEXT NOT NULL);"
                             "DELETE FROM temp.jarva_respondent");
    sqlite3_stmt *insert = NULL, *st = NULL;
    if (!rc && sqlite3_prepare_v2(db->sql, "INSERT INTO temp.jarva_respondent VALUES (?, ?)", -1,
                                  &insert, NULL) != SQLITE_OK)
        rc = jarva__sqlerr(db, "looking for duplicate respondent ids");
    if (!rc)
        rc = fill_respondents(db, batch_id, insert);
    sqlite3_finalize(insert);
    if (!rc && sqlite3_prepare_v2(db->sql,
                                  "SELECT r.line, r.id, d.first FROM temp.jarva_respondent r"
                                  " JOIN (SELECT id, min(line) AS first FROM temp.jarva_respondent"
                                  "       GROUP BY id HAVING count(*) > 1) d ON d.id = r.id"
                                  " WHERE r.line > d.first ORDER BY r.line",
                                  -1, &st, NULL) != SQLITE_OK)
        rc = jarva__sqlerr(db, "looking for duplicate respondent ids");
    int step = SQLITE_DONE;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW)
        if (each(ctx, sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
                 sqlite3_column_int64(st, 2)))
            break;
    if (!rc && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = jarva__sqlerr(db, "looking for duplicate respondent ids");
    sqlite3_finalize(st);
    int dropped = jarva__exec(db, "DROP TABLE IF EXISTS temp.jarva_respondent");
    return rc ? rc : dropped;
}

/* Writes the respondent columns of one block. */
static int write_respondents(jarva_db *db, int64_t batch_id, int64_t block, respondents *p)
{
    size_t n = p->given;
    encoded_column cols[2];
    unsigned char *bytes = malloc(respondents_bytes(p, n));
    if (!bytes)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    respondents_pack(p, n, bytes, cols);
    jarva__answer_block b = { batch_id, block, n, 2, cols, bytes };
    int rc = jarva__answers_write_block(db->sql, &b) ? jarva__sqlerr(db, "migrating respondents")
                                                     : JARVA_OK;
    free(bytes);
    p->given = p->ids_len = 0;
    return rc;
}

int jarva__answers_migrate_respondents(jarva_db *db)
{
    sqlite3_stmt *st = NULL;
    /* Already a view: nothing to move (a test may set user_version back). */
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT batch_id, seq, row_no, respondent_id FROM response"
                           " WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table'"
                           " AND name = 'response') ORDER BY batch_id, seq",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "migrating respondents");
    respondents people = { 0 };
    int rc = respondents_init(&people) ? jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory")
                                       : JARVA_OK;
    int64_t batch = -1, block = 0, next = 0;
    int step = SQLITE_DONE;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t b = sqlite3_column_int64(st, 0), seq = sqlite3_column_int64(st, 1);
        if (b != batch)
            next = 0;
        /* Blocks of the respondent columns must line up with the answers'. */
        if (sqlite3_column_type(st, 1) == SQLITE_NULL || seq != next) {
            rc = jarva__seterr(&db->err, JARVA_EDB,
                               "%s: batch %lld: respondents not numbered 0, 1, ... (seq %lld)",
                               db->path, (long long)b, (long long)seq);
            break;
        }
        if (people.given && (b != batch || seq / JARVA__BLOCK_ROWS != block))
            rc = write_respondents(db, batch, block, &people);
        batch = b;
        block = seq / JARVA__BLOCK_ROWS;
        next = seq + 1;
        if (!rc &&
            respondents_add(&people, (const char *)sqlite3_column_text(st, 3),
                            (size_t)sqlite3_column_bytes(st, 3), sqlite3_column_int64(st, 2)))
            rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    }
    if (!rc && step != SQLITE_DONE)
        rc = jarva__sqlerr(db, "migrating respondents");
    if (!rc && people.given)
        rc = write_respondents(db, batch, block, &people);
    sqlite3_finalize(st);
    respondents_free(&people);
    int table = 0;
    if (!rc && sqlite3_prepare_v2(db->sql,
                                  "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                                  "name = 'response'",
                                  -1, &st, NULL) == SQLITE_OK) {
        table = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
        sqlite3_finalize(st);
    }
    if (!rc)
        rc = jarva__exec(db, table ? "DROP INDEX IF EXISTS response_batch; DROP TABLE response"
                                   : "DROP VIEW IF EXISTS response");
    return rc ? rc : jarva__answers_create_views(db);
}
