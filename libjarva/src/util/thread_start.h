/* thread_start.h: starting the library's helper threads (the import's
 * writer, compute's read-ahead, the ad-hoc estimate's second half). */
#ifndef JARVA_THREAD_START_H
#define JARVA_THREAD_START_H

#include <pthread.h>

/* Starts fn(arg) on a new thread with every signal blocked, so that signals
 * stay with the application's own threads: a library thread must never be
 * the one a SIGINT or SIGPIPE handler runs on. 0, or -1 if no thread could be
 * started (the caller then does the work on its own thread). */
int jarva__thread_start(pthread_t *thread, void *(*fn)(void *), void *arg);

#endif
