/* store_compute.h: part of the store's door (included by store_internal.h): compute's reads
 * per source: the waves of a survey and their variables, published values, activity counts,
 * the estimates of a breakdown for disclosure control. The SQL behind each call lives in
 * store/ (docs/architecture.md, "A second store engine"). */
#ifndef JARVA_STORE_COMPUTE_H
#define JARVA_STORE_COMPUTE_H

#endif /* JARVA_STORE_COMPUTE_H */
