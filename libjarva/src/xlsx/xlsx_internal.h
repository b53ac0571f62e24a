/* xlsx_internal.h: one sheet of an Excel workbook (.xlsx, Office Open XML),
 * read row by row: a zip archive (libzip) of XML parts streamed through Expat,
 * so that memory holds the shared strings and one row, never the sheet.
 * Cells come as Excel stores them: numbers as numbers ('.' decimal, whole
 * numbers without a fraction), date-formatted numbers as ISO dates, shared and
 * inline strings as UTF-8. Internal to libjarva; import/ is the user. */
#ifndef JARVA_XLSX_INTERNAL_H
#define JARVA_XLSX_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "jarva_internal.h"

/* What a workbook may hold before it is refused as not a survey export:
 * Excel's own limits for columns and cell text, and a ceiling for the shared
 * strings, the one part held whole. */
#define JARVA__XLSX_MAX_COLUMNS 16384
#define JARVA__XLSX_MAX_ROWS 1048576L
#define JARVA__XLSX_MAX_CELL_BYTES (32767 * 4)
#define JARVA__XLSX_MAX_SHARED_BYTES (256u * 1024 * 1024)

typedef struct jarva__xlsx jarva__xlsx;

/* One row of the sheet: cells[0..ncells) by column (A = 0), NUL-terminated
 * UTF-8 or NULL for an empty cell; row is the sheet's 1-based row number.
 * Valid until the next jarva__xlsx_next(). */
typedef struct jarva__xlsx_row {
    size_t ncells;
    const char *const *cells;
    const size_t *lengths;
    long row;
} jarva__xlsx_row;

/* Opens the workbook on fd (a regular file jarva__input_open() opened; the
 * caller keeps it, and must keep it open until jarva__xlsx_close()) and its
 * sheet named sheet (exact, else ignoring case), or the first sheet for
 * NULL. path is for messages. Errors name the file: not a zip archive
 * ("wrong magic"), no workbook part, no such sheet (listing those there
 * are), a malformed part. JARVA_OK, JARVA_EIO, JARVA_EFORMAT,
 * JARVA_ENOTFOUND (no such sheet) or JARVA_ENOMEM; *out NULL on failure. */
int jarva__xlsx_open_fd(jarva__xlsx **out, int fd, const char *path, const char *sheet,
                        jarva__error *err);
/* The same opening path itself (tests, the mapping draft). */
int jarva__xlsx_open(jarva__xlsx **out, const char *path, const char *sheet, jarva__error *err);

/* The next row with at least one cell that is not empty: 1, 0 at the end of
 * the sheet, negative on error with err set to "file:Sheet!C12: message".
 * Errors: a formula (its stored result may be stale and is not data: the
 * import takes values only), an error value (#N/A), a malformed cell, more
 * than Excel's limits. After an error every call returns it again. */
int jarva__xlsx_next(jarva__xlsx *x, jarva__xlsx_row *row, jarva__error *err);

/* The sheet's name, for messages ("Blad1"). */
const char *jarva__xlsx_sheet(const jarva__xlsx *x);
/* Uncompressed bytes of the sheet read so far and in all (for progress). */
uint64_t jarva__xlsx_bytes_read(const jarva__xlsx *x);
uint64_t jarva__xlsx_bytes_total(const jarva__xlsx *x);
void jarva__xlsx_close(jarva__xlsx *x);

/* "C12" for row 12, column index 2; buf of at least 16 bytes. */
void jarva__xlsx_cell_name(char *buf, size_t size, long row, size_t col);

/* 1 if the file is taken for a workbook: its first bytes are a zip
 * archive's ("PK\3\4"), or its name ends in .xlsx or .xlsm. */
int jarva__xlsx_sniff(const char *path, const unsigned char *head, size_t len);

#endif /* JARVA_XLSX_INTERNAL_H */
