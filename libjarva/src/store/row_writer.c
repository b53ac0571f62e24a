/* row_writer.c: rows written by a thread of their own, a job at a time (a
 * job: survey_writer.c's block of 4096 respondents' answers). While SQLite
 * writes one block, the caller reads and checks the next: a large import
 * takes about as long as its SQLite part alone. */
#include <pthread.h>
#include <stdlib.h>

#include "store_db.h"
#include "row_writer.h"
#include "store_internal.h"
#include "thread_start.h"

/* Jobs handed over and not yet written: memory stays at a few blocks
 * whatever the file's size. */
#define SLOTS 4

typedef struct job {
    int (*run)(sqlite3 *sql, void *arg);
    void (*free)(void *arg);
    void *arg;
} job;

struct jarva__row_writer {
    jarva_db *db;
    job jobs[SLOTS]; /* used in turn: job k is jobs[k % SLOTS] */

    /* Between the caller and the writing thread, under lock. Jobs
     * written <= k < handed are the writer's, the rest the caller's. */
    int threaded;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    uint64_t handed, written;
    int stop;          /* no more jobs will be handed over */
    int discard;       /* ... and those waiting are not to be written */
    int writer_failed; /* write_status is set */
    /* The first failure writing: the writer's own until it has stopped (the
     * caller is using db->err meanwhile). */
    int write_status;
    char *write_message;
};

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

/* Runs the job unless writing has failed already, then frees it. */
static void write_job(jarva__row_writer *w, job *j)
{
    if (!w->write_status) {
        int rc = j->run(w->db->sql, j->arg);
        if (rc)
            write_failed(w, rc);
    }
    if (j->free)
        j->free(j->arg);
    *j = (job){ 0 };
}

/* The writing thread: the jobs in the order handed over, until stopped. */
static void *writer_main(void *arg)
{
    jarva__row_writer *w = arg;
    pthread_mutex_lock(&w->lock);
    for (;;) {
        while (w->written == w->handed && !w->stop)
            pthread_cond_wait(&w->changed, &w->lock);
        if (w->written == w->handed || w->discard)
            break;
        job *j = &w->jobs[w->written % SLOTS];
        pthread_mutex_unlock(&w->lock);
        write_job(w, j);
        pthread_mutex_lock(&w->lock);
        w->written++;
        w->writer_failed = w->write_status != JARVA_OK;
        pthread_cond_broadcast(&w->changed);
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

/* Hands jobs[handed % SLOTS] over to the writer (unless drain) and waits
 * until the next slot is free (with drain, until every job is written). 0,
 * or -1 once writing has failed. */
static int hand_over(jarva__row_writer *w, int drain)
{
    if (!w->threaded) {
        if (!drain)
            write_job(w, &w->jobs[w->handed++ % SLOTS]);
        return w->write_status ? -1 : 0;
    }
    pthread_mutex_lock(&w->lock);
    if (!drain) {
        w->handed++;
        pthread_cond_broadcast(&w->changed);
    }
    while (!w->writer_failed && (drain ? w->written != w->handed : w->handed - w->written >= SLOTS))
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

int jarva__rows_open(jarva_db *db, jarva__row_writer **out)
{
    *out = NULL;
    jarva__row_writer *w = calloc(1, sizeof *w);
    if (!w)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    w->db = db;
    /* SQLite built without threads cannot be used from a second thread;
     * then the caller's thread writes. A connection opened as jarva_db_open
     * does (SQLITE_OPEN_NOMUTEX) may be used by one thread after another.
     * The writer blocks every signal, which stay the application's. */
    if (sqlite3_threadsafe() && pthread_mutex_init(&w->lock, NULL) == 0) {
        if (pthread_cond_init(&w->changed, NULL) != 0)
            pthread_mutex_destroy(&w->lock);
        else if (jarva__thread_start(&w->thread, writer_main, w) != 0) {
            pthread_cond_destroy(&w->changed);
            pthread_mutex_destroy(&w->lock);
        } else
            w->threaded = 1;
    }
    *out = w;
    return JARVA_OK;
}

void jarva__rows_free(jarva__row_writer *w)
{
    if (!w)
        return;
    stop_writer(w, 1);
    for (int k = 0; k < SLOTS; k++)
        if (w->jobs[k].free)
            w->jobs[k].free(w->jobs[k].arg);
    free(w->write_message);
    free(w);
}

/* The error of writing, once the writer is idle. */
static int failure(jarva__row_writer *w)
{
    if (w->write_status == JARVA_ENOMEM)
        return jarva__seterr(&w->db->err, JARVA_ENOMEM, "out of memory");
    return jarva__seterr(&w->db->err, w->write_status, "%s: inserting rows: %s", w->db->path,
                         w->write_message ? w->write_message : "failed");
}

int jarva__rows_finish(jarva__row_writer *w)
{
    hand_over(w, 1);
    stop_writer(w, 0);
    return w->write_status ? failure(w) : JARVA_OK;
}

int jarva__rows_job(jarva__row_writer *w, int (*run)(sqlite3 *sql, void *arg),
                    void (*free_arg)(void *arg), void *arg)
{
    w->jobs[w->handed % SLOTS] = (job){ run, free_arg, arg };
    if (hand_over(w, 0) == 0)
        return JARVA_OK;
    stop_writer(w, 1);
    return failure(w);
}
