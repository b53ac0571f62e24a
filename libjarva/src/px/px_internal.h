/* px_internal.h: PC-Axis PX files, the format of Statistics Sweden's and
 * Statistics Finland's PxWeb databases (and Stockholm's statistikdatabas),
 * read into memory: the variables of STUB and HEADING with their VALUES (and
 * CODES), the DATA cells, and the keywords an import records (SOURCE,
 * CONTENTS, UNITS, MATRIX). Spec: "PX file format 2013" (Statistics Sweden /
 * PX-Tools, https://www.scb.se/px). Internal to libjarva; the table import
 * (import/import_table_px.c) is the user. */
#ifndef JARVA_PX_INTERNAL_H
#define JARVA_PX_INTERNAL_H

#include <stddef.h>

#include "jarva_internal.h"

/* A PX file is held in memory whole; bigger ones are refused. PxWeb caps a
 * download far below this. */
#define JARVA__PX_MAX_BYTES (64 * 1024 * 1024)
#define JARVA__PX_MAX_CELLS (10 * 1000 * 1000)

/* What a cell holds. PX writes missing values as one to six dots (".." is
 * SCB's "not available", "." "not applicable", "..." "too few", their
 * meaning set by DATASYMBOL1-6) and, since 2005, "-" for a magnitude of
 * exactly nil: "-" is zero, dots are no value (PX 2013, "Data in the PX
 * file"). */
typedef enum jarva__px_cell_kind {
    JARVA__PX_NUMBER = 0,
    JARVA__PX_NIL,    /* "-": zero, shown as a dash */
    JARVA__PX_MISSING /* "." to "......" */
} jarva__px_cell_kind;

typedef struct jarva__px_cell {
    double value; /* the number; 0 for NIL; NaN for MISSING */
    int kind;     /* jarva__px_cell_kind */
    int dots;     /* MISSING: how many */
    long line;    /* where the cell is in the file */
} jarva__px_cell;

typedef struct jarva__px_variable {
    char *name;
    char **values; /* VALUES, as written (UTF-8) */
    char **codes;  /* CODES, or NULL when the file has none */
    size_t nvalues;
    long line; /* of its VALUES */
} jarva__px_variable;

typedef struct jarva__px {
    char *codepage; /* as the file names it, or "iso-8859-1 (default)" */
    char *source, *contents, *units, *matrix, *contvariable; /* NULL when absent */
    int decimals;                                            /* -1 when absent */
    jarva__px_variable *vars; /* STUB variables, then HEADING variables */
    size_t nvars, nstub;
    jarva__px_cell *cells; /* row-major: first STUB variable slowest, last HEADING fastest */
    size_t ncells;
} jarva__px;

/* Parses data[0..len) (the whole file; path for messages). Text is decoded
 * by CODEPAGE: "utf-8", "iso-8859-1" or "windows-1252" (both read as
 * Windows-1252, as the WHATWG Encoding Standard reads latin1); without one,
 * UTF-8 if the file is well-formed UTF-8 with a character beyond ASCII, else
 * iso-8859-1 (the spec's default). A file whose CODEPAGE says an 8-bit code
 * page but that is UTF-8 is refused rather than read garbled. Keywords with
 * a language ("TITLE[en]") are skipped, the default language read;
 * keywords the import does not need are checked for syntax and ignored;
 * KEYS (sparse DATA) is refused. Errors "path:line: message" go to err.
 * JARVA_OK, JARVA_EFORMAT, JARVA_ENOMEM. */
int jarva__px_parse(jarva__px **out, const char *path, const unsigned char *data, size_t len,
                    jarva__error *err);
void jarva__px_free(jarva__px *px);

/* Index into vars[v].values of cell number cell, for every v: idx[nvars]. */
void jarva__px_cell_indices(const jarva__px *px, size_t cell, size_t *idx);

/* 1 if the file looks like PX: a ".px" name, or a first keyword that PX
 * files start with (CHARSET, AXIS-VERSION, CODEPAGE, LANGUAGE, ...). */
int jarva__px_sniff(const char *path, const unsigned char *head, size_t len);

#endif /* JARVA_PX_INTERNAL_H */
