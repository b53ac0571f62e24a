/* store_import.h: part of the store's door (included by store_internal.h): the import writers:
 * a batch's rows, survey answers, table and activity rows, labels and lookups, inside the
 * import's write transaction. The SQL behind each call lives in store/ (docs/architecture.md,
 * "A second store engine"). */
#ifndef JARVA_STORE_IMPORT_H
#define JARVA_STORE_IMPORT_H

#endif /* JARVA_STORE_IMPORT_H */
