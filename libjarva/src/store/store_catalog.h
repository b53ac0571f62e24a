/* store_catalog.h: part of the store's door (included by store_internal.h): the catalogue's
 * stored source mappings and the drafts of new ones. The SQL behind each call lives in store/
 * (docs/architecture.md, "A second store engine"). */
#ifndef JARVA_STORE_CATALOG_H
#define JARVA_STORE_CATALOG_H

#endif /* JARVA_STORE_CATALOG_H */
