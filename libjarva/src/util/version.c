/* version.c: the runtime version and process-wide initialisation. */
#include <pthread.h>
#include <stdlib.h>

#include <gsl/gsl_errno.h>

#include "jarva_internal.h"

const char *jarva_version_string(void)
{
    return JARVA_VERSION_STRING;
}

int jarva_version_number(void)
{
    return JARVA_VERSION_NUMBER;
}

/* One deallocator for every buffer the library hands over, so that a caller
 * never needs to know which allocator made it (a program linking another C
 * runtime, or a future allocator hook, stays correct). */
void jarva_free(void *ptr)
{
    free(ptr);
}

static pthread_once_t global_once = PTHREAD_ONCE_INIT;

static void global_init_once(void)
{
    /* GSL's default handler calls abort() on a domain error (for example
     * gsl_cdf_tdist_Pinv with nu = 0); a library must never abort its host. With
     * the handler off, GSL returns status codes and NaN, which every caller checks. */
    gsl_set_error_handler_off();
}

int jarva_global_init(void)
{
    pthread_once(&global_once, global_init_once);
    return JARVA_OK;
}
