/* import_internal.h: what the import kinds share: the batch being written, the
 * error list, catalogue lookups (areas, organisations, audiences) and value
 * parsers. One file per kind: import_survey.c, import_table.c, import_activity.c. */
#ifndef JARVA_IMPORT_INTERNAL_H
#define JARVA_IMPORT_INTERNAL_H

#include "csv_reader.h"
#include "import_source.h"
#include "input_file.h"
#include "jarva/import.h"
#include "jarva_internal.h"
#include "sha256.h"
#include "store_internal.h"

/* A name → id map over the catalogue's areas (names, ids and aliases),
 * organisations or audiences, with a nearest-name suggestion for typos. */
typedef struct jarva__lookup jarva__lookup;

/* Adds one more name; 0, or -1 out of memory. */
int jarva__lookup_add(jarva__lookup *l, const char *key, const char *name, const char *id);
/* The catalogue's names of each kind, read from the store (jarva__store_names,
 * store_import.h): JARVA_OK, JARVA_ENOMEM or the database's error; the
 * measures are those of survey's published tables. */
int jarva__lookup_areas(jarva_db *db, jarva__lookup **out);
int jarva__lookup_organisations(jarva_db *db, jarva__lookup **out);
int jarva__lookup_audiences(jarva_db *db, jarva__lookup **out);
int jarva__lookup_activity_types(jarva_db *db, jarva__lookup **out);
int jarva__lookup_table_measures(jarva_db *db, const char *survey, jarva__lookup **out);
/* The id for name (case-insensitive, surrounding spaces ignored), or NULL. */
const char *jarva__lookup_find(jarva__lookup *l, const char *name);
/* The known name closest to name by edit distance, or NULL if none is close. */
const char *jarva__lookup_suggest(const jarva__lookup *l, const char *name);
/* The same, no further than max_distance edits (folded names). */
const char *jarva__lookup_suggest_within(const jarva__lookup *l, const char *name,
                                         size_t max_distance);
void jarva__lookup_free(jarva__lookup *l);

/* The errors of one import: the first `max` are kept in the message, the rest
 * only counted. */
typedef struct jarva__import_errors {
    jarva__error *err;
    const char *path; /* for errors without a CSV reader */
    unsigned max;
    long count;
} jarva__import_errors;

/* Records "file:line:col (name): message" for a field of the current row;
 * col < 0 leaves the column out. */
void jarva__import_error(jarva__import_errors *e, const jarva__row_source *r, long line, int col,
                         const char *fmt, ...) JARVA__PRINTF(5, 6);

/* Reading stops after this many errors: the file is wrong throughout. */
#define JARVA__IMPORT_ERROR_LIMIT 10000

/* Everything one import needs; set up by jarva_import_file(). The file is
 * opened once (jarva__input_open: a regular file, within the size limit) and
 * read once: whoever reads it hashes what it reads, and after the rows the
 * driver has the rest hashed and checks that the file did not change
 * meanwhile (jarva__csv_final_hash, or fd/sha/bytes below for a file read
 * whole); only then does it look the hash up among the batches. A reader of
 * another format takes fd and input the same way. */
typedef struct jarva__import {
    jarva_db *db;
    const jarva_import_options *opts; /* of the current version, whatever the caller's */
    jarva_import_result *result;      /* the kinds' figures: weight_ratio, lonely_strata ... */
    jarva__row_source *reader;        /* CSV, workbook or statistics file; NULL for PX */
    const char *path;
    /* A file not read by the CSV reader (reader NULL): its descriptor, what
     * fstat said at open, and the hash and count of the bytes read so far. */
    int fd;
    jarva__input_stat input;
    jarva__sha256 sha;
    uint64_t bytes;
    int64_t batch_id;
    int year; /* the wave's year once known (survey, staff) */
    int64_t rows;
    int64_t unlinked;
    jarva__import_errors errors;
    /* A file read whole rather than by reader (PX, reader NULL): what the
     * batch records as its options. */
    char format_options[128];
} jarva__import;

/* The kinds: each reads every row, validates, inserts into the open
 * transaction and records errors; JARVA_OK even with data errors (the caller
 * looks at errors.count), a negative status only for what stops the import. */
int jarva__import_survey(jarva__import *imp);
int jarva__import_table(jarva__import *imp);
int jarva__import_activities(jarva__import *imp);

/* The published-table rows of import_table.c, fed one long row at a time by
 * the readers of other layouts (import_table_px.c: PX files, PxWeb's wide
 * CSV), so that every row meets the same checks. */
enum {
    JARVA__TF_SURVEY,
    JARVA__TF_YEAR,
    JARVA__TF_AREA,
    JARVA__TF_MEASURE,
    JARVA__TF_SHARE,
    JARVA__TF_COUNT,
    JARVA__TF_N,
    JARVA__TF_NOTE,
    JARVA__TF_SOURCE,
    JARVA__TF_NFIELDS
};
typedef struct jarva__table_sink jarva__table_sink;
/* One row: fields[JARVA__TF_NFIELDS] (NULL: not given), its line and, for
 * messages, where in the table it is ("Region=Rinkeby-Kista, År=2017").
 * JARVA_OK or what stops the import; data errors go to the import's list. */
int jarva__table_put(jarva__table_sink *t, const char *const *fields, long line,
                     const char *context);
/* Shares in percent (1) or proportions (0); the decimal mark of the text. */
void jarva__table_set_unit(jarva__table_sink *t, int percent, char decimal);
/* The readers: a PX file (imp->reader NULL) or a wide CSV, through the
 * source's table mapping. */
int jarva__table_read_px(jarva__import *imp, jarva__table_sink *t);
struct jarva__mapping;
int jarva__table_read_wide(jarva__import *imp, jarva__table_sink *t,
                           const struct jarva__mapping *mapping);

/* Stores the value labels the file holds with the batch (import_labels.c);
 * after the last row. */
int jarva__import_value_labels(jarva__import *imp);

/* Adds an error of the CSV reader (bad quote, encoding, ragged row) to the
 * import's list: the reader cannot go on after it. */
void jarva__import_reader_error(jarva__import *imp, const jarva__error *read_error);

/* Reports progress to opts->progress every 64k rows and at the end. */
void jarva__import_progress(jarva__import *imp, int final);

/* The one row loop of the surveys, activity logs and tables: hands each row
 * of imp->reader to row(ctx, r) until it fails, the file ends or the error
 * list is full (JARVA__IMPORT_ERROR_LIMIT), reporting progress; a reader's
 * error (bad quote, encoding) goes to the import's list. The first nonzero
 * status of row(), else JARVA_OK. */
int jarva__import_each_row(jarva__import *imp, int (*row)(void *ctx, const jarva__csv_row *r),
                           void *ctx);

/* The reader's hint for an error about a number (jarva__csv_decimal_hint),
 * or "" for a file read whole; out holds 160 bytes. */
#define JARVA__DECIMAL_HINT_SIZE 160
void jarva__import_decimal_hint(const jarva__import *imp, const char *text, char *out);

/* Column lookup by any of several names (NULL-terminated), -1 if none. */
int jarva__find_column(const jarva__row_source *r, const char *const *names);

#endif /* JARVA_IMPORT_INTERNAL_H */
