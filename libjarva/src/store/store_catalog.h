/* store_catalog.h: part of the store's door (included by store_internal.h): the catalogue's
 * stored source mappings and the drafts of new ones (mapping_store.c), and the writers of the
 * rows that the catalogue's indicators count: activity-log rows (activity_writer.c) and
 * published-table values (table_writer.c). The SQL behind each call lives in store/
 * (docs/architecture.md, "A second store engine"). Every failure leaves its message on the
 * handle. */
#ifndef JARVA_STORE_CATALOG_H
#define JARVA_STORE_CATALOG_H

#include <stddef.h>
#include <stdint.h>

/* One row of a source mapping (sources/<id>.csv) as the store keeps it:
 * position orders the rows, line is where the row is in its file (0 for a
 * setting the catalogue keeps as a row of its own), years 0 are open, codes
 * NULL or "" when none are listed. */
typedef struct jarva__mapping_row {
    const char *source_id;
    long position;
    long line;
    const char *field, *column;
    int year_from, year_to;
    const char *codes;
} jarva__mapping_row;

/* The source mappings `jarva init` stores, inside jarva__catalog_write's
 * transaction: _open deletes what an earlier init stored, _source stores one
 * source's file (its path as messages show it, hash and content), _entry one
 * of its rows, _finish records the folder they were loaded from and when.
 * Each returns JARVA_OK, JARVA_ENOMEM or the database's error. */
typedef struct jarva__mapping_writer jarva__mapping_writer;
int jarva__mapping_writer_open(jarva__mapping_writer **out, jarva_db *db);
int jarva__mapping_writer_source(jarva__mapping_writer *w, const char *source_id, const char *path,
                                 const char *sha256, const char *content);
int jarva__mapping_writer_entry(jarva__mapping_writer *w, const jarva__mapping_row *row);
int jarva__mapping_writer_finish(jarva__mapping_writer *w, const char *dir);
void jarva__mapping_writer_free(jarva__mapping_writer *w);

/* The stored mapping of source, read outside any transaction: each(ctx, row)
 * for every row in order (the strings valid during the call; a nonzero
 * return stops the read and is returned). JARVA_OK with *path the path of
 * its file as messages show it (free()); JARVA_ENOTFOUND when the source is
 * not stored, with *origin_dir the folder the catalogue was loaded from
 * (free()), or NULL when none was stored (a database loaded before schema
 * version 4); JARVA_ENOMEM or JARVA_EDB. */
typedef int (*jarva__mapping_row_fn)(void *ctx, const jarva__mapping_row *row);
int jarva__store_source_mapping(jarva_db *db, const char *source, jarva__mapping_row_fn each,
                                void *ctx, char **path, char **origin_dir);

/* What the catalogue says of a column of a new export, for a mapping draft
 * (read only): the field that a stored mapping gives a column of that name
 * (source's own mapping first) with source_id set, else the variable of a
 * survey or staff indicator of that name (case ignored) with indicator_id
 * set. Strings are new (free()). */
typedef struct jarva__column_hint {
    char *field;
    char *source_id;
    char *indicator_id;
} jarva__column_hint;
typedef struct jarva__column_hints jarva__column_hints;
/* source may be NULL. JARVA_OK or JARVA_ENOMEM; a database without stored
 * mappings gives no hints from them. */
int jarva__column_hints_open(jarva__column_hints **out, jarva_db *db, const char *source);
/* JARVA_OK with *hint filled, JARVA_ENOTFOUND (no message), JARVA_ENOMEM or
 * JARVA_EDB. */
int jarva__column_hints_find(jarva__column_hints *h, const char *column, jarva__column_hint *hint);
void jarva__column_hints_free(jarva__column_hints *h);

/* The source whose stored mapping names the most of columns (ties: the
 * first id), as a new string in *source: JARVA_OK, JARVA_ENOTFOUND (none, or
 * no stored mappings; no message), JARVA_ENOMEM or JARVA_EDB. Read only. */
int jarva__store_likeliest_source(jarva_db *db, const char *const *columns, size_t ncolumns,
                                  char **source);

/* One row of an activity log, checked (import/import_activity.c). NULL or ""
 * for a text not given. */
typedef struct jarva__activity_row {
    long row_no;      /* line in the file */
    const char *date; /* YYYY-MM-DD */
    int year;
    const char *organisation_id, *audience_id, *type, *area_id;
    long count;
    long reach; /* < 0: not given */
    const char *planned_date, *delivered_date, *description;
} jarva__activity_row;

/* The rows of one activity import, inside the import's transaction
 * (import.c's batch, batch_id): _open prepares, _put inserts one row. Each
 * returns JARVA_OK, JARVA_ENOMEM or the database's error. */
typedef struct jarva__activity_writer jarva__activity_writer;
int jarva__activity_writer_open(jarva__activity_writer **out, jarva_db *db, int64_t batch_id);
int jarva__activity_writer_put(jarva__activity_writer *w, const jarva__activity_row *row);
void jarva__activity_writer_free(jarva__activity_writer *w);

/* One value of a published table, checked (import/import_table.c). NULL or
 * "" for a text not given. */
typedef struct jarva__table_row {
    long row_no;              /* line in the file */
    const char *indicator_id; /* NULL: a figure no indicator reads */
    const char *survey, *measure;
    int year;
    const char *area_id;
    int is_count;       /* a count, else a share on the 0-1 scale */
    int suppressed;     /* no value: marker says how the table wrote it */
    double value;       /* unless suppressed */
    long n;             /* <= 0: not given */
    const char *marker; /* kept only when suppressed */
    const char *source, *note;
} jarva__table_row;

/* The values of one table import, inside the import's transaction (import.c's
 * batch, batch_id). _open prepares, _put inserts one value; both return
 * JARVA_OK, JARVA_ENOMEM or the database's error. */
typedef struct jarva__table_writer jarva__table_writer;
int jarva__table_writer_open(jarva__table_writer **out, jarva_db *db, int64_t batch_id);
/* The indicator a row measures: the one whose id is measure, else the table
 * indicator of survey whose variable it is. JARVA_OK with *indicator (free())
 * and *counts (1 when it measures a count), JARVA_ENOTFOUND (no message),
 * JARVA_ENOMEM or JARVA_EDB. */
int jarva__table_writer_indicator(jarva__table_writer *w, const char *survey, const char *measure,
                                  char **indicator, int *counts);
/* The batch and line of an earlier value of the same survey, measure, year
 * and area, in this import or an earlier one: JARVA_OK, JARVA_ENOTFOUND (no
 * message) or JARVA_EDB. */
int jarva__table_writer_earlier(jarva__table_writer *w, const char *survey, const char *measure,
                                int year, const char *area_id, int64_t *batch_id, long *row_no);
int jarva__table_writer_put(jarva__table_writer *w, const jarva__table_row *row);
void jarva__table_writer_free(jarva__table_writer *w);

#endif /* JARVA_STORE_CATALOG_H */
