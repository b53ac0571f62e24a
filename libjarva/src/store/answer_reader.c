/* answer_reader.c: reads a wave's stored answer columns back, block by block
 * and in step (answer_store.h; the layout is answer_store.c's).
 *
 * Reading reads ahead on a thread of its own. Of compute's time about half
 * is SQLite finding each block and the kernel copying its pages, the other
 * half adding the answers up; a producer that steps the statements and
 * copies each block's bytes into one of a few slots lets the two halves run
 * at once on two cores (the 560 estimates of bench/peers.sh). Between
 * jarva__answers_reader_open() and _free() the connection belongs to that
 * thread: the caller uses the reader's blocks and nothing else of the
 * database. The producer never touches db->err; it leaves its message in the
 * reader, and jarva__answers_reader_next() (the caller's thread) sets it.
 * Should the thread not start, the caller's thread fills the slots itself. */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_db.h"
#include "answer_store.h"
#include "answer_bytes.h"
#include "thread_start.h"

/* Slots for blocks: one the caller is using, the others for the producer to
 * fill ahead. */
enum { SLOTS = 3 };

typedef struct block_slot {
    unsigned char *bytes; /* every column's bytes, one after the other */
    size_t cap;
    size_t *offset, *width; /* per column */
    uint32_t *max;          /* per coded column: its largest code */
    size_t count;           /* respondents */
    /* 1: a block; 0: no more blocks; < 0: an error (code and message in the
     * reader). */
    int status;
} block_slot;

struct jarva__answer_reader {
    jarva_db *db;
    int64_t batch_id;
    size_t n;
    int *columns;
    sqlite3_stmt **statements;
    block_slot slot[SLOTS];

    /* The producer's and the caller's meeting point: slot i % SLOTS holds
     * the i-th block once filled > i; the caller has taken taken of them and
     * given back released (all but the one it uses). */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    pthread_t thread;
    int threaded, stop;
    size_t filled, taken, released;
    int error_code;
    char error[512];

    /* The caller's side: the current block, and per column its values once
     * decoded (uint32_t codes or doubles [JARVA__BLOCK_ROWS]). Decoding waits
     * until the caller asks for the column, so that its codes are still in
     * the cache when used: decoding all of a block's columns first would pass
     * through several hundred KiB, more than the L2 cache of the machines we
     * measure on. */
    const block_slot *current;
    int ended, end_status; /* the status that ended the blocks, once seen */
    void **values;
    unsigned char *decoded;
};

/* ---- the producer ---- */

static int fail(jarva__answer_reader *r, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->error, sizeof r->error, fmt, ap);
    va_end(ap);
    r->error_code = code;
    return code;
}

static int malformed(jarva__answer_reader *r, int column, const char *what)
{
    return fail(r, JARVA_EDB, "%s: batch %lld: column %d of the stored answers: %s", r->db->path,
                (long long)r->batch_id, column, what);
}

static int sql_failed(jarva__answer_reader *r)
{
    int sqlcode = sqlite3_errcode(r->db->sql) & 0xff;
    int code = sqlcode == SQLITE_BUSY || sqlcode == SQLITE_LOCKED ? JARVA_EBUSY : JARVA_EDB;
    return fail(r, code, "%s: reading answers: %s", r->db->path, sqlite3_errmsg(r->db->sql));
}

/* Steps every column's statement once and copies the block into s: the
 * status of s (1, 0 or an error). */
static int fill(jarva__answer_reader *r, block_slot *s)
{
    int have = -1;
    int64_t first_block = 0;
    size_t used = 0;
    s->count = 0;
    for (size_t k = 0; k < r->n; k++) {
        sqlite3_stmt *st = r->statements[k];
        int step = sqlite3_step(st);
        if (step != SQLITE_ROW && step != SQLITE_DONE)
            return sql_failed(r);
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
        if (n <= 0 || n > JARVA__BLOCK_ROWS ||
            (k && (block != first_block || (size_t)n != s->count)))
            return malformed(r, r->columns[k], "blocks out of step");
        first_block = block;
        s->count = (size_t)n;
        size_t width = len / (size_t)n;
        if (r->columns[k] == JARVA__COL_WEIGHT) {
            if (width != 8 || len % 8)
                return malformed(r, r->columns[k], "weights not 8 bytes each");
        } else if ((width != 1 && width != 2 && width != 4) || len % (size_t)n)
            return malformed(r, r->columns[k], "codes of an unknown width");
        if (used + len > s->cap) {
            size_t cap = (used + len) * 2;
            unsigned char *grown = realloc(s->bytes, cap);
            if (!grown)
                return fail(r, JARVA_ENOMEM, "out of memory");
            s->bytes = grown;
            s->cap = cap;
        }
        if (len)
            memcpy(s->bytes + used, data, len);
        s->offset[k] = used;
        s->width[k] = width;
        used += len;
        /* The largest code, which the caller checks against the column's
         * texts, is found here, on the producer's core. */
        uint32_t top = 0;
        if (r->columns[k] == JARVA__COL_WEIGHT)
            ;
        else if (width == 1)
            for (size_t i = 0; i < len; i++)
                top = data[i] > top ? data[i] : top;
        else
            for (size_t i = 0; i < s->count; i++) {
                uint32_t code = (uint32_t)jarva__get_le(data + width * i, width);
                top = code > top ? code : top;
            }
        s->max[k] = top;
    }
    return have > 0;
}

/* Fills the next slot: waits (threaded) until the caller has given one back.
 * 0 when told to stop, else 1. */
static int produce_one(jarva__answer_reader *r)
{
    if (!r->threaded) {
        block_slot *s = &r->slot[r->filled % SLOTS];
        s->status = fill(r, s);
        r->filled++;
        return s->status > 0;
    }
    pthread_mutex_lock(&r->mu);
    while (!r->stop && r->filled - r->released >= SLOTS)
        pthread_cond_wait(&r->cv, &r->mu);
    int stop = r->stop;
    block_slot *s = &r->slot[r->filled % SLOTS];
    pthread_mutex_unlock(&r->mu);
    if (stop)
        return 0;
    int status = fill(r, s);
    pthread_mutex_lock(&r->mu);
    s->status = status;
    r->filled++;
    pthread_cond_broadcast(&r->cv);
    pthread_mutex_unlock(&r->mu);
    return status > 0;
}

static void *producer(void *arg)
{
    jarva__answer_reader *r = arg;
    while (produce_one(r))
        ;
    return NULL;
}

/* ---- the caller's side ---- */

void jarva__answers_reader_free(jarva__answer_reader *r)
{
    if (!r)
        return;
    if (r->threaded) {
        pthread_mutex_lock(&r->mu);
        r->stop = 1;
        pthread_cond_broadcast(&r->cv);
        pthread_mutex_unlock(&r->mu);
        pthread_join(r->thread, NULL);
        pthread_cond_destroy(&r->cv);
        pthread_mutex_destroy(&r->mu);
    }
    for (size_t k = 0; k < r->n; k++) {
        if (r->statements)
            sqlite3_finalize(r->statements[k]);
        if (r->values)
            free(r->values[k]);
    }
    for (int i = 0; i < SLOTS; i++) {
        free(r->slot[i].bytes);
        free(r->slot[i].offset);
        free(r->slot[i].width);
        free(r->slot[i].max);
    }
    free(r->statements);
    free(r->values);
    free(r->decoded);
    free(r->columns);
    free(r);
}

static int start_producer(jarva__answer_reader *r)
{
    /* SQLite built without threads cannot be used from a second thread. */
    if (!sqlite3_threadsafe() || pthread_mutex_init(&r->mu, NULL))
        return 0;
    if (pthread_cond_init(&r->cv, NULL)) {
        pthread_mutex_destroy(&r->mu);
        return 0;
    }
    r->threaded = 1;
    if (jarva__thread_start(&r->thread, producer, r)) {
        r->threaded = 0;
        pthread_cond_destroy(&r->cv);
        pthread_mutex_destroy(&r->mu);
        return 0;
    }
    return 1;
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
    size_t m = n ? n : 1;
    r->columns = malloc(m * sizeof *r->columns);
    r->statements = calloc(m, sizeof *r->statements);
    r->values = calloc(m, sizeof *r->values);
    r->decoded = calloc(m, sizeof *r->decoded);
    int ok = r->columns && r->statements && r->values && r->decoded;
    for (int i = 0; i < SLOTS && ok; i++) {
        r->slot[i].offset = calloc(m, sizeof *r->slot[i].offset);
        r->slot[i].width = calloc(m, sizeof *r->slot[i].width);
        r->slot[i].max = calloc(m, sizeof *r->slot[i].max);
        ok = r->slot[i].offset && r->slot[i].width && r->slot[i].max;
    }
    int rc = ok ? JARVA_OK : jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
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
    start_producer(r); /* else the caller's thread fills the slots */
    *out = r;
    return JARVA_OK;
}

int jarva__answers_reader_next(jarva__answer_reader *r, size_t *count)
{
    *count = 0;
    if (r->ended)
        return r->end_status;
    if (!r->threaded) {
        if (r->current)
            r->released++;
        r->current = NULL;
        produce_one(r);
    } else {
        pthread_mutex_lock(&r->mu);
        if (r->current) {
            r->released++;
            pthread_cond_broadcast(&r->cv);
        }
        r->current = NULL;
        while (r->filled == r->taken)
            pthread_cond_wait(&r->cv, &r->mu);
        pthread_mutex_unlock(&r->mu);
    }
    const block_slot *s = &r->slot[r->taken % SLOTS];
    r->taken++;
    if (s->status <= 0) {
        r->ended = 1;
        r->end_status = s->status;
        if (s->status < 0)
            jarva__seterr(&r->db->err, r->error_code, "%s", r->error);
        return s->status;
    }
    r->current = s;
    memset(r->decoded, 0, r->n);
    *count = s->count;
    return 1;
}

const unsigned char *jarva__answers_reader_bytes(const jarva__answer_reader *r, size_t k,
                                                 uint32_t *max)
{
    const block_slot *s = r->current;
    *max = s->max[k];
    return s->width[k] == 1 ? s->bytes + s->offset[k] : NULL;
}

const uint32_t *jarva__answers_reader_codes(jarva__answer_reader *r, size_t k, uint32_t *max)
{
    uint32_t *out = r->values[k];
    const block_slot *s = r->current;
    *max = s->max[k];
    if (!r->decoded[k]) {
        const unsigned char *data = s->bytes + s->offset[k];
        size_t width = s->width[k];
        if (width == 1)
            for (size_t i = 0; i < s->count; i++)
                out[i] = data[i];
        else
            for (size_t i = 0; i < s->count; i++)
                out[i] = (uint32_t)jarva__get_le(data + width * i, width);
        r->decoded[k] = 1;
    }
    return out;
}

const double *jarva__answers_reader_weights(jarva__answer_reader *r, size_t k)
{
    double *out = r->values[k];
    if (!r->decoded[k]) {
        const block_slot *s = r->current;
        const unsigned char *data = s->bytes + s->offset[k];
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        memcpy(out, data, 8 * s->count); /* stored as this machine holds them */
#else
        for (size_t i = 0; i < s->count; i++) {
            uint64_t bits = jarva__get_le(data + 8 * i, 8);
            memcpy(&out[i], &bits, sizeof bits);
        }
#endif
        r->decoded[k] = 1;
    }
    return out;
}
