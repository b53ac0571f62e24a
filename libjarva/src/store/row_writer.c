/* row_writer.c: rows written many to one INSERT statement, by a thread of
 * their own. A statement per row costs SQLite a cursor opened and closed, a
 * descent from the b-tree's root and a halt for every row; one statement for
 * 64 rows keeps its cursors open between them, about halving SQLite's work.
 * And while SQLite writes one chunk of rows, the caller reads and checks the
 * next: a large import takes about as long as its SQLite part alone. */
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_db.h"
#include "row_writer.h"
#include "store_internal.h"

/* 64 rows of a dozen columns stay well below SQLite's 32766 parameters. */
#define ROWS_PER_INSERT 64
/* Handed over 256 rows at a time, so that waking the writer is rare. */
#define ROWS_PER_CHUNK (4 * ROWS_PER_INSERT)
/* Chunks being filled, waiting or written: memory stays at a few hundred
 * rows whatever the file's size. */
#define CHUNKS 4

typedef struct row_value {
    int type; /* SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT or SQLITE_NULL */
    union {
        sqlite3_int64 integer;
        double real;
        struct {
            size_t offset; /* into the chunk's text */
            int length;
        } text;
    } v;
} row_value;

/* Work the writer does after a chunk's rows (jarva__rows_job). */
typedef struct job {
    int (*run)(sqlite3 *sql, void *arg);
    void (*free)(void *arg);
    void *arg;
} job;

typedef struct chunk {
    job *jobs;
    size_t njobs, jobs_cap;
    row_value *values; /* ROWS_PER_CHUNK rows */
    size_t nvalues;    /* of the complete rows and the one being added */
    size_t nrows;      /* complete rows */
    char *text;        /* the text values, one after the other */
    size_t text_len, text_cap;
} chunk;

/* Named parameters the same in every row. */
#define CONSTANTS_MAX 4

struct jarva__row_writer {
    jarva_db *db;
    char *target;    /* "table(a, b, c)" */
    char *row;       /* "(:a, ?, NULL)" */
    size_t ncolumns; /* values per row: its anonymous parameters */
    sqlite3_stmt *full;
    int *slots; /* full's parameter for each value of its rows, in order */
    struct {
        const char *name;
        sqlite3_int64 value;
    } constants[CONSTANTS_MAX];
    int nconstants;
    uint64_t rows_ended;
    chunk chunks[CHUNKS]; /* used in turn: chunk k is chunks[k % CHUNKS] */
    int failed;           /* adding rows: JARVA_ENOMEM, or JARVA_ERROR for rows unlike the tuple */

    /* Between the caller and the writing thread, under lock. Chunks
     * written <= k < handed are the writer's, the rest the caller's. */
    int threaded;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    uint64_t handed, written;
    int stop;          /* no more chunks will be handed over */
    int discard;       /* ... and those waiting are not to be written */
    int writer_failed; /* write_status is set */
    /* The first failure writing: the writer's own until it has stopped (the
     * caller is using db->err meanwhile). */
    int write_status;
    char *write_message;
};

/* "INSERT OR FAIL INTO target VALUES row, row, ..." for rows rows. */
static int prepare(jarva__row_writer *w, size_t rows, sqlite3_stmt **out)
{
    size_t row_len = strlen(w->row);
    size_t cap = strlen(w->target) + 40 + rows * (row_len + 1);
    char *sql = malloc(cap);
    if (!sql)
        return JARVA_ENOMEM;
    /* OR FAIL: a failing row leaves the rows before it in the statement,
     * and so SQLite keeps no journal to undo the statement with; the import
     * that failed rolls its whole transaction back anyway. */
    size_t len = (size_t)snprintf(sql, cap, "INSERT OR FAIL INTO %s VALUES ", w->target);
    for (size_t r = 0; r < rows; r++) {
        if (r)
            sql[len++] = ',';
        memcpy(sql + len, w->row, row_len);
        len += row_len;
    }
    sql[len] = '\0';
    int rc = sqlite3_prepare_v2(w->db->sql, sql, (int)len, out, NULL) == SQLITE_OK ? JARVA_OK
                                                                                   : JARVA_EDB;
    free(sql);
    return rc;
}

/* The parameters of full that take the rows' values: the anonymous ones.
 * SQLite numbers parameters from left to right, a named one where it first
 * appears, so the first k rows of any statement are numbered alike. */
static int find_slots(jarva__row_writer *w)
{
    int count = sqlite3_bind_parameter_count(w->full);
    w->slots = malloc((size_t)(count ? count : 1) * sizeof *w->slots);
    if (!w->slots)
        return JARVA_ENOMEM;
    size_t n = 0;
    for (int param = 1; param <= count; param++)
        if (!sqlite3_bind_parameter_name(w->full, param))
            w->slots[n++] = param;
    w->ncolumns = n / ROWS_PER_INSERT;
    return n % ROWS_PER_INSERT ? JARVA_ERROR : JARVA_OK;
}

/* Notes the first failure of the writing side, as jarva__sqlerr would. */
static void write_failed(jarva__row_writer *w, int code)
{
    if (w->write_status)
        return;
    if (code == JARVA_EDB) {
        int sqlcode = sqlite3_errcode(w->db->sql);
        if (sqlcode == SQLITE_BUSY || sqlcode == SQLITE_LOCKED)
            code = JARVA_EBUSY;
        w->write_message = jarva__strdup(sqlite3_errmsg(w->db->sql));
    }
    w->write_status = code;
}

/* Inserts rows [first, first + count) of c with one statement. */
static int insert_rows(jarva__row_writer *w, const chunk *c, size_t first, size_t count)
{
    sqlite3_stmt *stmt = w->full;
    if (count < ROWS_PER_INSERT) {
        int rc = prepare(w, count, &stmt); /* the last rows of a file */
        if (rc)
            return rc;
    }
    for (int k = 0; k < w->nconstants; k++)
        sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(stmt, w->constants[k].name),
                           w->constants[k].value);
    const row_value *v = &c->values[first * w->ncolumns];
    for (size_t i = 0; i < count * w->ncolumns; i++, v++) {
        int param = w->slots[i];
        switch (v->type) {
        case SQLITE_INTEGER: sqlite3_bind_int64(stmt, param, v->v.integer); break;
        case SQLITE_FLOAT: sqlite3_bind_double(stmt, param, v->v.real); break;
        case SQLITE_TEXT:
            sqlite3_bind_text(stmt, param, c->text + v->v.text.offset, v->v.text.length,
                              SQLITE_STATIC);
            break;
        default: sqlite3_bind_null(stmt, param); break;
        }
    }
    int rc = sqlite3_step(stmt) == SQLITE_DONE ? JARVA_OK : JARVA_EDB;
    if (rc)
        write_failed(w, rc); /* before reset or finalize clear the message */
    /* The bindings still point at the text, but nothing reads them before
     * every one is bound anew. */
    sqlite3_reset(stmt);
    if (stmt != w->full)
        sqlite3_finalize(stmt);
    return rc;
}

/* Frees the chunk's jobs, run or not. */
static void drop_jobs(chunk *c)
{
    for (size_t j = 0; j < c->njobs; j++)
        if (c->jobs[j].free)
            c->jobs[j].free(c->jobs[j].arg);
    c->njobs = 0;
}

static void write_chunk(jarva__row_writer *w, chunk *c)
{
    for (size_t first = 0; first < c->nrows && !w->write_status; first += ROWS_PER_INSERT) {
        size_t count = c->nrows - first < ROWS_PER_INSERT ? c->nrows - first : ROWS_PER_INSERT;
        int rc = insert_rows(w, c, first, count);
        if (rc)
            write_failed(w, rc);
    }
    for (size_t j = 0; j < c->njobs && !w->write_status; j++) {
        int rc = c->jobs[j].run(w->db->sql, c->jobs[j].arg);
        if (rc)
            write_failed(w, rc);
    }
    drop_jobs(c);
}

/* The writing thread: the chunks in the order handed over, until stopped. */
static void *writer_main(void *arg)
{
    jarva__row_writer *w = arg;
    pthread_mutex_lock(&w->lock);
    for (;;) {
        while (w->written == w->handed && !w->stop)
            pthread_cond_wait(&w->changed, &w->lock);
        if (w->written == w->handed || w->discard)
            break;
        chunk *c = &w->chunks[w->written % CHUNKS];
        pthread_mutex_unlock(&w->lock);
        if (!w->write_status)
            write_chunk(w, c);
        drop_jobs(c);
        c->nrows = c->nvalues = c->text_len = 0;
        pthread_mutex_lock(&w->lock);
        w->written++;
        w->writer_failed = w->write_status != JARVA_OK;
        pthread_cond_broadcast(&w->changed);
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

/* Hands the chunk being filled over to the writer and waits until the next
 * one is free (or, with drain, until all are written). 0, or -1 once writing
 * has failed. */
static int hand_over(jarva__row_writer *w, int drain)
{
    if (!w->threaded) {
        chunk *c = &w->chunks[w->handed % CHUNKS];
        if (!w->write_status)
            write_chunk(w, c);
        drop_jobs(c);
        c->nrows = c->nvalues = c->text_len = 0;
        return w->write_status ? -1 : 0;
    }
    pthread_mutex_lock(&w->lock);
    if (w->chunks[w->handed % CHUNKS].nrows || w->chunks[w->handed % CHUNKS].njobs) {
        w->handed++;
        pthread_cond_broadcast(&w->changed);
    }
    while (!w->writer_failed &&
           (drain ? w->written != w->handed : w->handed - w->written >= CHUNKS))
        pthread_cond_wait(&w->changed, &w->lock);
    int failed = w->writer_failed;
    pthread_mutex_unlock(&w->lock);
    return failed ? -1 : 0;
}

static void stop_writer(jarva__row_writer *w, int discard)
{
    if (!w->threaded)
        return;
    pthread_mutex_lock(&w->lock);
    w->stop = 1;
    w->discard = discard;
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thread, NULL);
    pthread_mutex_destroy(&w->lock);
    pthread_cond_destroy(&w->changed);
    w->threaded = 0;
}

int jarva__rows_open(jarva_db *db, const char *target, const char *row, jarva__row_writer **out)
{
    *out = NULL;
    jarva__row_writer *w = calloc(1, sizeof *w);
    if (!w)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    w->db = db;
    int rc = JARVA_OK;
    if (target) {
        w->target = jarva__strdup(target);
        w->row = jarva__strdup(row);
        rc = w->target && w->row ? prepare(w, ROWS_PER_INSERT, &w->full) : JARVA_ENOMEM;
    }
    if (rc == JARVA_EDB)
        rc = jarva__sqlerr(db, "preparing the insert");
    if (rc == JARVA_OK && target && find_slots(w) == JARVA_ERROR)
        rc = jarva__seterr(&db->err, JARVA_ERROR, "internal error: %s: values unlike rows", row);
    for (int k = 0; k < CHUNKS && rc == JARVA_OK; k++) {
        w->chunks[k].values =
            malloc(ROWS_PER_CHUNK * (w->ncolumns ? w->ncolumns : 1) * sizeof(row_value));
        if (!w->chunks[k].values)
            rc = JARVA_ENOMEM;
    }
    if (rc == JARVA_ENOMEM)
        jarva__seterr(&db->err, rc, "out of memory");
    if (rc) {
        jarva__rows_free(w);
        return rc;
    }
    /* SQLite built without threads cannot be used from a second thread;
     * then the caller's thread writes. A connection opened as jarva_db_open
     * does (SQLITE_OPEN_NOMUTEX) may be used by one thread after another.
     * The writer blocks every signal, which stay the application's. */
    if (sqlite3_threadsafe() && pthread_mutex_init(&w->lock, NULL) == 0) {
        sigset_t all, old;
        sigfillset(&all);
        pthread_sigmask(SIG_SETMASK, &all, &old);
        if (pthread_cond_init(&w->changed, NULL) != 0)
            pthread_mutex_destroy(&w->lock);
        else if (pthread_create(&w->thread, NULL, writer_main, w) != 0) {
            pthread_cond_destroy(&w->changed);
            pthread_mutex_destroy(&w->lock);
        } else
            w->threaded = 1;
        pthread_sigmask(SIG_SETMASK, &old, NULL);
    }
    *out = w;
    return JARVA_OK;
}

void jarva__rows_free(jarva__row_writer *w)
{
    if (!w)
        return;
    stop_writer(w, 1);
    sqlite3_finalize(w->full);
    free(w->slots);
    for (int k = 0; k < CHUNKS; k++) {
        drop_jobs(&w->chunks[k]);
        free(w->chunks[k].jobs);
        free(w->chunks[k].values);
        free(w->chunks[k].text);
    }
    free(w->target);
    free(w->row);
    free(w->write_message);
    free(w);
}

void jarva__rows_constant(jarva__row_writer *w, const char *name, int64_t value)
{
    int k = 0;
    while (k < w->nconstants && strcmp(w->constants[k].name, name) != 0)
        k++;
    if (k < w->nconstants && w->constants[k].value == value)
        return;
    /* Changed only before the first row, when the writer has not read them. */
    if (k == CONSTANTS_MAX || w->rows_ended) {
        w->failed = JARVA_ERROR;
        return;
    }
    w->constants[k].name = name;
    w->constants[k].value = value;
    if (k == w->nconstants)
        w->nconstants++;
}

static chunk *filling(jarva__row_writer *w)
{
    return &w->chunks[w->handed % CHUNKS];
}

static row_value *next_value(jarva__row_writer *w, int type)
{
    chunk *c = filling(w);
    if (c->nvalues >= (c->nrows + 1) * w->ncolumns) {
        w->failed = JARVA_ERROR;
        return NULL;
    }
    row_value *v = &c->values[c->nvalues++];
    v->type = type;
    return v;
}

void jarva__rows_int(jarva__row_writer *w, int64_t value)
{
    row_value *v = next_value(w, SQLITE_INTEGER);
    if (v)
        v->v.integer = value;
}

void jarva__rows_double(jarva__row_writer *w, double value)
{
    row_value *v = next_value(w, SQLITE_FLOAT);
    if (v)
        v->v.real = value;
}

void jarva__rows_null(jarva__row_writer *w)
{
    next_value(w, SQLITE_NULL);
}

void jarva__rows_text(jarva__row_writer *w, const char *s, size_t len)
{
    chunk *c = filling(w);
    if (!s) {
        next_value(w, SQLITE_NULL);
        return;
    }
    if (len > INT_MAX) { /* more than SQLite takes */
        w->failed = JARVA_ENOMEM;
        next_value(w, SQLITE_NULL);
        return;
    }
    if (c->text_len + len > c->text_cap) {
        size_t cap = c->text_cap ? c->text_cap : 16384;
        while (cap < c->text_len + len)
            cap *= 2;
        char *grown = realloc(c->text, cap);
        if (!grown) {
            w->failed = JARVA_ENOMEM;
            next_value(w, SQLITE_NULL);
            return;
        }
        c->text = grown;
        c->text_cap = cap;
    }
    row_value *v = next_value(w, SQLITE_TEXT);
    if (!v)
        return;
    memcpy(c->text + c->text_len, s, len);
    v->v.text.offset = c->text_len;
    v->v.text.length = (int)len;
    c->text_len += len;
}

/* The error of adding rows or, once the writer is idle, of writing them. */
static int failure(jarva__row_writer *w)
{
    if (w->failed == JARVA_ENOMEM)
        return jarva__seterr(&w->db->err, JARVA_ENOMEM, "out of memory");
    if (w->failed)
        return jarva__seterr(&w->db->err, JARVA_ERROR, "internal error: rows for %s unlike %s",
                             w->target, w->row);
    if (w->write_status == JARVA_ENOMEM)
        return jarva__seterr(&w->db->err, JARVA_ENOMEM, "out of memory");
    return jarva__seterr(&w->db->err, w->write_status, "%s: inserting rows: %s", w->db->path,
                         w->write_message ? w->write_message : "failed");
}

int jarva__rows_end(jarva__row_writer *w)
{
    chunk *c = filling(w);
    if (c->nvalues != (c->nrows + 1) * w->ncolumns && !w->failed)
        w->failed = JARVA_ERROR;
    if (w->failed)
        return failure(w);
    w->rows_ended++;
    if (++c->nrows < ROWS_PER_CHUNK || hand_over(w, 0) == 0)
        return JARVA_OK;
    stop_writer(w, 1);
    return failure(w);
}

int jarva__rows_finish(jarva__row_writer *w)
{
    if (w->failed)
        return failure(w);
    hand_over(w, 1);
    stop_writer(w, 0);
    return w->write_status ? failure(w) : JARVA_OK;
}

int jarva__rows_job(jarva__row_writer *w, int (*run)(sqlite3 *sql, void *arg),
                    void (*free_arg)(void *arg), void *arg)
{
    chunk *c = filling(w);
    if (w->failed || c->njobs == c->jobs_cap) {
        size_t cap = c->jobs_cap ? 2 * c->jobs_cap : 4;
        job *grown = w->failed ? NULL : realloc(c->jobs, cap * sizeof *grown);
        if (!grown) {
            if (free_arg)
                free_arg(arg);
            if (!w->failed)
                w->failed = JARVA_ENOMEM;
            return failure(w);
        }
        c->jobs = grown;
        c->jobs_cap = cap;
    }
    c->jobs[c->njobs++] = (job){ run, free_arg, arg };
    /* Without rows nothing else fills a chunk: each job is handed over at
     * once, so that at most CHUNKS of them wait. */
    if (!w->target && hand_over(w, 0) != 0) {
        stop_writer(w, 1);
        return failure(w);
    }
    return JARVA_OK;
}
