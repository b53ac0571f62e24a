/* csv_reader.h: streaming reader for the CSV files analysts bring from Excel,
 * survey vendors and case systems, on top of libcsv: dialect and encoding
 * detection, conversion to UTF-8, and positions for error messages.
 * Internal to libjarva; the import and catalogue modules use it. */
#ifndef JARVA_CSV_READER_H
#define JARVA_CSV_READER_H

#include <stddef.h>
#include <stdint.h>

#include "jarva_internal.h"

typedef enum jarva__encoding {
    JARVA__ENC_AUTO = 0, /* BOM, else valid UTF-8, else Windows-1252 */
    JARVA__ENC_UTF8,
    JARVA__ENC_CP1252,
    JARVA__ENC_UTF16LE,
    JARVA__ENC_UTF16BE
} jarva__encoding;

typedef struct jarva__csv_dialect {
    char delimiter;           /* ',', ';' or '\t'; 0 = detect from the first line */
    char decimal;             /* '.' or ','; 0 = ',' when the delimiter is ';', else '.' */
    jarva__encoding encoding; /* JARVA__ENC_AUTO = detect */
    int has_header;           /* 1: the first record names the columns */
} jarva__csv_dialect;

#define JARVA__CSV_DIALECT_INIT                                                                    \
    {                                                                                              \
        0, 0, JARVA__ENC_AUTO, 1                                                                   \
    }

/* One record. Fields are UTF-8 and NUL-terminated; an unquoted empty field is
 * NULL (missing), a quoted "" is "". Valid until the next jarva__csv_next(). */
typedef struct jarva__csv_row {
    size_t nfields;
    const char *const *fields;
    const size_t *lengths;
    long line; /* 1-based line of the file where the record starts */
} jarva__csv_row;

typedef struct jarva__csv_reader jarva__csv_reader;

/* Opens path and detects what dialect leaves undecided. With has_header the
 * header is read at once (see jarva__csv_header); a UTF-8 BOM is stripped and
 * Excel's "sep=;" first line is honoured. Errors go to err with the file name.
 * Returns JARVA_OK, JARVA_EIO, JARVA_ENOMEM or JARVA_EFORMAT. */
int jarva__csv_open(jarva__csv_reader **out, const char *path, const jarva__csv_dialect *dialect,
                    jarva__error *err);

/* The next record: 1 a row, 0 end of file, negative on error with err set to
 * "file:line:column: message" (column = 1-based field number, and the header
 * name when known). Errors: unterminated quote, invalid UTF-8 in a UTF-8 file,
 * a record with a different number of fields than the header (ragged row),
 * NUL bytes. Blank lines are skipped. Memory does not grow with file size. */
int jarva__csv_next(jarva__csv_reader *r, jarva__csv_row *row, jarva__error *err);

/* The header record (has_header), or NULL. Valid until jarva__csv_close(). */
const jarva__csv_row *jarva__csv_header(const jarva__csv_reader *r);
/* Index of a header column by name (exact after trimming, else ASCII
 * case-insensitive), or -1. */
int jarva__csv_column(const jarva__csv_reader *r, const char *name);

/* The dialect in use after detection (all fields decided). */
const jarva__csv_dialect *jarva__csv_dialect_used(const jarva__csv_reader *r);
/* The file name as given, for messages. */
const char *jarva__csv_path(const jarva__csv_reader *r);
/* Progress: bytes consumed so far and the file's size (0 if unknown). */
uint64_t jarva__csv_bytes_read(const jarva__csv_reader *r);
uint64_t jarva__csv_bytes_total(const jarva__csv_reader *r);
/* SHA-256 of the raw bytes read so far, as 64 lower-case hex digits and a NUL;
 * after the last record it is the file's hash (for import batches). */
void jarva__csv_sha256_hex(const jarva__csv_reader *r, char out[65]);

void jarva__csv_close(jarva__csv_reader *r);

/* Numbers as analysts' files write them: optional sign, digits with spaces,
 * non-breaking spaces (U+00A0, U+202F) or, with decimal ',', '.' as thousands
 * separators, one decimal mark, optional exponent. Independent of the C
 * locale. Returns 0 and *out, or -1 if s is not entirely a finite number. */
int jarva__parse_double(const char *s, char decimal, double *out);
/* A whole number in [min, max]; 0 or -1 as above. */
int jarva__parse_long(const char *s, long min, long max, long *out);

#endif /* JARVA_CSV_READER_H */
