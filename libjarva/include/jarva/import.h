/* jarva/import.h: bringing analysts' CSV exports into the database: survey
 * microdata, published survey tables, staff surveys and activity logs. Each file
 * is one batch, imported in one transaction: all of it or nothing. Functions
 * taking a jarva_db follow its rule (one thread at a time per handle). */
#ifndef JARVA_IMPORT_H
#define JARVA_IMPORT_H

#include <stdint.h>

#include "common.h"
#include "db.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum jarva_import_kind {
    JARVA_IMPORT_SURVEY = 0,    /* residents' survey microdata, one row per respondent */
    JARVA_IMPORT_TABLE = 1,     /* published tables: year, area, measure, share, n */
    JARVA_IMPORT_STAFF = 2,     /* staff survey microdata, one row per respondent */
    JARVA_IMPORT_ACTIVITIES = 3 /* dated activity records */
} jarva_import_kind;

typedef enum jarva_encoding {
    JARVA_ENCODING_AUTO = 0, /* byte-order mark, else UTF-8 if valid, else Windows-1252 */
    JARVA_ENCODING_UTF8 = 1,
    JARVA_ENCODING_CP1252 = 2,
    JARVA_ENCODING_UTF16LE = 3,
    JARVA_ENCODING_UTF16BE = 4
} jarva_encoding;

/* Called now and then during an import (at most a few times a second's worth
 * of rows), on the thread that called jarva_import_file(), which waits for
 * it; bytes_total is 0 when unknown. It must not use the handle. */
typedef void (*jarva_progress_fn)(void *ctx, uint64_t bytes_done, uint64_t bytes_total,
                                  uint64_t rows);

/* Version 2 added max_bytes, weight_factor and accept_extreme_weights; a
 * version 1 struct is still read (the new fields take their defaults).
 * Version 3 added sheet, version 4 header_row. */
#define JARVA_IMPORT_OPTIONS_VERSION 4

typedef struct jarva_import_options {
    unsigned version; /* JARVA_IMPORT_OPTIONS_VERSION */
    jarva_import_kind kind;
    const char *source; /* survey or log id, e.g. "jarva-trygghet"; NULL: the kind's default */
    /* NULL: the column mappings jarva_catalog_load() stored in the database
     * (for a database loaded before schema version 4, those of the default
     * folder). A folder: its sources/<source>.csv instead, e.g. to try an
     * edited mapping before loading it. */
    const char *catalog_dir;
    int year;       /* the wave's year; 0: from the file's year column */
    char delimiter; /* ',', ';' or '\t'; 0: detect */
    char decimal;   /* '.' or ','; 0: ',' with ';' files, else '.' */
    jarva_encoding encoding;
    int share_in_percent; /* tables: 1 shares are percent, 0 proportions, -1 detect from header */
    int dry_run;          /* validate and report, write nothing */
    int replace;          /* swap in a different file for a wave already imported */
    unsigned max_errors;  /* errors listed in the message before "and N more" (20) */
    jarva_progress_fn progress;
    void *progress_ctx;
    /* Version 2. Only regular files are read (a pipe, a device or a folder
     * is refused at once); a file larger than max_bytes is refused before a
     * byte is read. 0: 2 GiB. */
    uint64_t max_bytes;
    /* Survey and staff weights: a weight more than weight_factor times the
     * file's median weight, or less than 1/weight_factor of it, is an error
     * naming its line. 0: 1000. */
    double weight_factor;
    /* 1: such weights are imported, and counted in the result's
     * extreme_weights. */
    int accept_extreme_weights;
    /* Version 3: an Excel workbook's sheet by name (exact, else ignoring
     * case); NULL: the first sheet. */
    const char *sheet;
    /* Version 4. The line the header is on (CSV): the lines above it, a
     * title or notes, are skipped. 0: the first line with two values or
     * more (and no fewer fields than the next line has values) among the
     * first 20 (docs/inputs.md). */
    long header_row;
} jarva_import_options;

#define JARVA_IMPORT_OPTIONS_INIT                                                                  \
    {                                                                                              \
        JARVA_IMPORT_OPTIONS_VERSION, JARVA_IMPORT_SURVEY, NULL, NULL, 0, 0, 0,                    \
            JARVA_ENCODING_AUTO, -1, 0, 0, 20, NULL, NULL, 0, 0, 0, NULL, 0                        \
    }

typedef enum jarva_import_outcome {
    JARVA_IMPORTED = 0,  /* a new batch */
    JARVA_REPLACED = 1,  /* a new batch that replaced the wave's earlier one */
    JARVA_UNCHANGED = 2, /* a byte-identical file was imported before: nothing done */
    JARVA_VALIDATED = 3  /* dry run: the file is valid, nothing written */
} jarva_import_outcome;

#define JARVA_IMPORT_RESULT_VERSION 1

/* What an import did. The caller sets version (JARVA_IMPORT_RESULT_INIT),
 * which says how much of the struct its memory holds. */
typedef struct jarva_import_result {
    unsigned version; /* JARVA_IMPORT_RESULT_VERSION */
    jarva_import_outcome outcome;
    int64_t batch_id;        /* the new batch, or the existing one for JARVA_UNCHANGED */
    int64_t replaced_id;     /* the batch replaced, for JARVA_REPLACED */
    int64_t rows;            /* data rows read */
    int64_t unlinked;        /* tables: rows whose measure matches no indicator (kept) */
    int year;                /* the wave's year (survey, staff), else 0 */
    char sha256[65];         /* the file's SHA-256, hex */
    double weight_ratio;     /* survey, staff: largest weight / smallest; 0 without weights */
    int64_t extreme_weights; /* weights beyond weight_factor (imported only when accepted) */
    /* Strata with a single respondent (survey, staff): their variance is
     * undefined, so computing needs a lonely-PSU rule (jarva compute
     * --lonely-psu, or the mapping's lonely_psu row). The first of them in
     * the file, cut to fit. */
    int64_t lonely_strata;
    char lonely_stratum[64];
} jarva_import_result;

#define JARVA_IMPORT_RESULT_INIT                                                                   \
    {                                                                                              \
        JARVA_IMPORT_RESULT_VERSION, JARVA_IMPORTED, 0, 0, 0, 0, 0, { 0 }, 0, 0, 0,                \
        {                                                                                          \
            0                                                                                      \
        }                                                                                          \
    }

/* Imports one file. On any error nothing is written: the database is as
 * before, and jarva_errmsg(db) lists the first opts->max_errors errors as
 * "file:line:column (column name): message", one per line, then "... and N
 * more errors". Returns JARVA_OK, JARVA_EINVAL, JARVA_EIO, JARVA_EFORMAT (the
 * data), JARVA_EEXISTS (a different file for a wave already imported, without
 * replace), JARVA_ENOTFOUND (no mapping for the source), JARVA_ENOMEM,
 * JARVA_EDB, JARVA_EBUSY. opts and out are required (NULL: JARVA_EINVAL);
 * *out is meaningful only on success. */
JARVA_API int jarva_import_file(jarva_import_result *out, jarva_db *db, const char *path,
                                const jarva_import_options *opts);

/* Import batches: provenance of everything in the database. */
typedef struct jarva_batch {
    int64_t id;
    jarva_import_kind kind;
    const char *source;
    int year; /* 0 if the batch spans years */
    const char *file_name;
    const char *sha256;
    int64_t rows;
    const char *imported_at; /* ISO 8601, UTC */
    const char *tool_version;
    double weight_ratio;     /* largest weight / smallest (survey, staff); 0: none recorded */
    int64_t extreme_weights; /* weights beyond the factor that were accepted */
} jarva_batch;

typedef struct jarva_batch_list jarva_batch_list;

/* All batches, oldest first, in a new list in *out. Free it with
 * jarva_batch_list_free() (NULL allowed). JARVA_OK, JARVA_EINVAL,
 * JARVA_ENOMEM or JARVA_EDB. */
JARVA_API int jarva_batch_list_open(jarva_batch_list **out, jarva_db *db);
/* The number of batches; 0 for NULL. */
JARVA_API size_t jarva_batch_list_count(const jarva_batch_list *list);
/* The i-th batch, valid (strings too) until the list is freed; NULL if
 * i >= count. */
JARVA_API const jarva_batch *jarva_batch_list_get(const jarva_batch_list *list, size_t i);
JARVA_API void jarva_batch_list_free(jarva_batch_list *list);

/* Removes a batch and everything derived from it (its rows and the estimates
 * computed from it) in one transaction. JARVA_OK, JARVA_EINVAL,
 * JARVA_ENOTFOUND, JARVA_EDB or JARVA_EBUSY. */
JARVA_API int jarva_batch_remove(jarva_db *db, int64_t id);

/* One row of the activity log, as imported (jarva import activities). */
typedef struct jarva_activity {
    const char *date; /* ISO 8601, "2025-05-19" */
    int year;
    const char *organisation_id; /* "" if none */
    const char *organisation_sv; /* the organisation's name, "" if none */
    const char *organisation_en;
    const char *audience_id; /* "" if none */
    const char *type;        /* "example_published", "feedback_given" ... */
    const char *area_id;     /* "" if none */
    const char *area_name;   /* "" if none */
    int64_t count;
    int64_t reach;              /* -1 if not given */
    const char *planned_date;   /* "" if none */
    const char *delivered_date; /* "" if none */
    const char *description;    /* "" if none */
} jarva_activity;

#define JARVA_ACTIVITY_FILTER_VERSION 1

/* Which activities to list; a NULL filter lists them all. */
typedef struct jarva_activity_filter {
    unsigned version; /* JARVA_ACTIVITY_FILTER_VERSION */
    const char *type; /* NULL: every type */
    int year_from;    /* 0: from the first */
    int year_to;      /* 0: to the last */
} jarva_activity_filter;

#define JARVA_ACTIVITY_FILTER_INIT                                                                 \
    {                                                                                              \
        JARVA_ACTIVITY_FILTER_VERSION, NULL, 0, 0                                                  \
    }

typedef struct jarva_activity_list jarva_activity_list;

/* The activity log's rows that the filter selects, by date (then as
 * imported), in a new list in *out; the concrete examples and dialogues a
 * web page shows residents come from here. Free it with
 * jarva_activity_list_free(). JARVA_OK, JARVA_EINVAL, JARVA_ENOMEM or
 * JARVA_EDB. */
JARVA_API int jarva_activity_list_open(jarva_activity_list **out, jarva_db *db,
                                       const jarva_activity_filter *filter);
JARVA_API size_t jarva_activity_list_count(const jarva_activity_list *list);
/* The i-th row, valid (strings too) until the list is freed; NULL if
 * i >= count. */
JARVA_API const jarva_activity *jarva_activity_list_get(const jarva_activity_list *list, size_t i);
JARVA_API void jarva_activity_list_free(jarva_activity_list *list);

/* Value labels: what the codes of a question meant, as the SPSS, Stata or SAS
 * file it was imported from labelled them ("1" -> "mycket trygg"). */
typedef struct jarva_code_label {
    const char *code; /* as the answers hold it: "1", "9", "K" */
    const char *label;
} jarva_code_label;

typedef struct jarva_code_label_list jarva_code_label_list;

/* The value labels of the question indicator_id reads (its variable), from
 * the latest batch that stored labels for it, in a new list in *out (empty
 * when no batch has them, as for CSV and Excel imports), codes in numeric
 * order. Free it with jarva_code_label_list_free() (NULL allowed).
 * JARVA_OK, JARVA_EINVAL, JARVA_ENOTFOUND (no such indicator), JARVA_ENOMEM
 * or JARVA_EDB. */
JARVA_API int jarva_code_labels_open(jarva_code_label_list **out, jarva_db *db,
                                     const char *indicator_id);
/* The number of labels; 0 for NULL. */
JARVA_API size_t jarva_code_label_list_count(const jarva_code_label_list *list);
/* The i-th label, valid until the list is freed; NULL if i >= count. */
JARVA_API const jarva_code_label *jarva_code_label_list_get(const jarva_code_label_list *list,
                                                            size_t i);
/* The batch the labels are from, and its column in the file; 0 and NULL
 * for an empty list. */
JARVA_API int64_t jarva_code_label_list_batch(const jarva_code_label_list *list);
JARVA_API const char *jarva_code_label_list_column(const jarva_code_label_list *list);
/* The label of code, or NULL. */
JARVA_API const char *jarva_code_label_find(const jarva_code_label_list *list, const char *code);
JARVA_API void jarva_code_label_list_free(jarva_code_label_list *list);

/* The name of a kind as batches store it ("survey", "table", "staff",
 * "activity"; the CLI says "activities"); static. */
JARVA_API const char *jarva_import_kind_name(jarva_import_kind kind);

#ifdef __cplusplus
}
#endif

/* A draft column mapping (the CSV of indicators/sources/<source>.csv) for
 * the export at path (CSV, Excel workbook, or SPSS, Stata or SAS file, whose
 * variable and value labels go into the description and whose labelled
 * codes into the codes), for an analyst to edit: one row per column, with
 * the role its name suggests (lopnr, omrade, vikt, strata, kon, aldersgrupp
 * ...), or the question a mapping of the catalogue in db already maps it to
 * (source's own mapping first) or whose indicator variable it is, with the
 * codes the file holds; a column not placed has the field "?", which an
 * import refuses until it is named or deleted. source may be NULL. *csv_out
 * is UTF-8 text to free with jarva_free(). JARVA_OK,
 * JARVA_EINVAL, JARVA_EIO, JARVA_EFORMAT (the file is not readable as its format),
 * JARVA_ENOMEM. */
JARVA_API int jarva_mapping_draft(char **csv_out, jarva_db *db, const char *path,
                                  const char *source);

#endif /* JARVA_IMPORT_H */
