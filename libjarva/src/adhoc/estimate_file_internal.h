/* estimate_file_internal.h: what the two halves of jarva_adhoc_estimate()
 * share: estimate_file.c reads the CSV file into arrays, estimate_file_domains.c
 * keeps the distinct values (strata, domain values, domains) and builds the
 * sorted result. */
#ifndef JARVA_ESTIMATE_FILE_INTERNAL_H
#define JARVA_ESTIMATE_FILE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "jarva_internal.h"
#include "keytab.h"

struct jarva_adhoc_result {
    size_t by_count;
    char **by_names;
    size_t count;         /* domains */
    char **values;        /* count x by_count, row-major, sorted */
    jarva_estimate *rows; /* count, sorted */
    size_t respondents;
    size_t valid;
};

/* Fills r->count, r->values and r->rows with the domains in the documented
 * order (jarva/adhoc.h): by_values[c] holds column c's distinct values,
 * domains the tuples of value ids (uint32_t each) that make the domains,
 * estimates one estimate per domain in the order of domains. decimal is the
 * file's decimal mark for telling numbers. JARVA_OK or JARVA_ENOMEM. */
int jarva__adhoc_sort(jarva_adhoc_result *r, const jarva__keytab *by_values,
                      const jarva__keytab *domains, const jarva_estimate *estimates, char decimal);

#endif /* JARVA_ESTIMATE_FILE_INTERNAL_H */
