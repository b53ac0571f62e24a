/* test_thread_start.c: the library's helper threads start with every signal
 * blocked (util/thread_start.c), so that an application's SIGINT or SIGPIPE
 * handler never runs on them, and the caller's own mask is left as it was. */
#include <signal.h>

#include "harness.h"
#include "thread_start.h"

static void *read_mask(void *arg)
{
    pthread_sigmask(SIG_BLOCK, NULL, (sigset_t *)arg);
    return NULL;
}

int main(void)
{
    sigset_t before, after, seen;
    sigemptyset(&before);
    sigaddset(&before, SIGUSR1); /* the caller's own mask: SIGUSR1 only */
    pthread_sigmask(SIG_SETMASK, &before, NULL);
    sigemptyset(&seen);
    pthread_t t;
    CHECK_INT(jarva__thread_start(&t, read_mask, &seen), 0);
    pthread_join(t, NULL);
    CHECK(sigismember(&seen, SIGINT) == 1);
    CHECK(sigismember(&seen, SIGPIPE) == 1);
    CHECK(sigismember(&seen, SIGTERM) == 1);
    CHECK(sigismember(&seen, SIGUSR1) == 1);
    pthread_sigmask(SIG_BLOCK, NULL, &after);
    CHECK(sigismember(&after, SIGUSR1) == 1);
    CHECK(sigismember(&after, SIGINT) == 0);
    CHECK(sigismember(&after, SIGPIPE) == 0);
    return test_report();
}
