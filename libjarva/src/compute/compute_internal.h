/* compute_internal.h: what the parts of `jarva compute` share: the open
 * transaction's statements and the writer of one estimate row. */
#ifndef JARVA_COMPUTE_INTERNAL_H
#define JARVA_COMPUTE_INTERNAL_H

#include <stdint.h>

#include "jarva_internal.h"
#include "store_internal.h"

typedef struct jarva__compute {
    jarva_db *db;
    jarva_compute_options opts;
    jarva_compute_summary *summary;
    jarva__estimate_writer *writer;
    char now[32];
    char errbuf[512];
} jarva__compute;

/* Stores one estimate (values left NULL when suppressed) and links it to the
 * batches it was computed from. JARVA_OK or the database error. */
int jarva__compute_write(jarva__compute *c, const char *indicator_id, int year, const char *area_id,
                         const char *domain, const jarva_estimate *e, const char *method,
                         const int64_t *batches, size_t nbatches);

/* The three sources of estimates. */
int jarva__compute_surveys(jarva__compute *c);
int jarva__compute_tables(jarva__compute *c);
int jarva__compute_activities(jarva__compute *c);

/* Complementary suppression over every estimate written, and n removed from
 * every suppressed one (compute_disclosure.c); run last, in the same
 * transaction. JARVA_OK, JARVA_ENOMEM or the database error. */
int jarva__compute_protect(jarva__compute *c);

/* The lonely-stratum rule for the waves of a survey source: the caller's, or
 * the source's mapping file's (compute_lonely.c). JARVA_OK or JARVA_EFORMAT. */
int jarva__compute_lonely_psu(jarva__compute *c, const char *source, jarva_lonely_psu *rule);

/* The name stored for a CI method ("logit", "beta", ...). */
const char *jarva__ci_method_name(jarva_ci_method method, int table);

#endif /* JARVA_COMPUTE_INTERNAL_H */
