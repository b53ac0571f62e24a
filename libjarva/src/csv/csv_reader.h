/* csv_reader.h: streaming reader for the CSV files analysts bring from Excel,
 * survey vendors and case systems, on top of libcsv: dialect and encoding
 * detection, conversion to UTF-8, and positions for error messages.
 * Internal to libjarva; the import and catalogue modules use it. */
#ifndef JARVA_CSV_READER_H
#define JARVA_CSV_READER_H

#include <stddef.h>
#include <stdint.h>

#include "jarva_internal.h"
/* A field is often a number as analysts write it: the one parser for those. */
#include "number_parse.h"
#include "text_encoding.h"

typedef struct jarva__csv_dialect {
    char delimiter;           /* ',', ';' or '\t'; 0 = detect from the first line */
    char decimal;             /* '.' or ','; 0 = detect (see jarva__csv_dialect_used) */
    jarva__encoding encoding; /* JARVA__ENC_AUTO = detect */
    int has_header;           /* 1: the first record names the columns */
    uint64_t max_bytes;       /* a larger file is refused unread; 0: 2 GiB (input_file.h) */
    size_t max_field;         /* a longer field is an error; 0: JARVA__CSV_MAX_FIELD */
    /* With has_header: the line the header is on, the lines above it
     * skipped (a title, notes). 0: detect (see jarva__csv_open). */
    long header_line;
    int no_hash; /* 1: no SHA-256 of the bytes (jarva estimate needs none) */
} jarva__csv_dialect;

/* The longest value a field may hold: 64 KiB. A survey code, an area name or
 * a description is far shorter; a field longer than this is a broken export
 * (a quote left open, a binary file, a value pasted by mistake), and stopping
 * there keeps memory bounded. */
#define JARVA__CSV_MAX_FIELD (64 * 1024)

#define JARVA__CSV_DIALECT_INIT                                                                    \
    {                                                                                              \
        0, 0, JARVA__ENC_AUTO, 1, 0, 0, 0, 0                                                       \
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
 * Excel's "sep=;" first line is honoured (a delimiter given in dialect wins,
 * the line is skipped either way). A BOM that contradicts a given encoding is
 * an error. Title and note rows above the header are skipped: with
 * dialect.header_line the header is on that line; else, when one of the
 * first 20 non-blank lines holds two values or more, and no fewer fields than
 * the next non-blank line holds values, the header is the first such line,
 * and the lines above it (a title such as "Trygghetsmätning 2023;;;", or
 * "Källa: SCB, 2023" above a wider header) are not read. With has_header, an empty file (or one of blank lines) is an
 * error; a header that ends in a delimiter ("a;b;") has that empty last name
 * dropped, and records may then end with one empty field more; two columns
 * of the same name (after trimming, exactly) are an error at the second. Errors go to
 * err with the file name. dialect NULL means JARVA__CSV_DIALECT_INIT.
 * Returns JARVA_OK, JARVA_EINVAL (a delimiter that is a quote, space, CR, LF
 * or non-ASCII, or a decimal mark other than '.' and ','), JARVA_EIO,
 * JARVA_ENOMEM or JARVA_EFORMAT; on failure *out is NULL. */
int jarva__csv_open(jarva__csv_reader **out, const char *path, const jarva__csv_dialect *dialect,
                    jarva__error *err);
/* The same on a file jarva__input_open() opened (st: what it said): the
 * reader owns fd from here, and closes it on failure too. */
struct jarva__input_stat;
int jarva__csv_open_fd(jarva__csv_reader **out, int fd, const struct jarva__input_stat *st,
                       const char *path, const jarva__csv_dialect *dialect, jarva__error *err);

/* The next record: 1 a row, 0 end of file, negative on error with err set to
 * "file:line:column: message" (column = 1-based field number, and the header
 * name when known). Errors: unterminated quote, invalid UTF-8 in a UTF-8 file,
 * a record with a different number of fields than the header (ragged row),
 * NUL bytes, a field longer than dialect.max_field, a byte-order mark after
 * the start of the file, and (with JARVA__ENC_AUTO) UTF-8 text in a file
 * taken for Windows-1252. Blank lines are skipped, and so are lines of delimiters only
 * (";;;", what Excel writes for a row it emptied). Line breaks inside quoted
 * fields are kept as they are in the file. After an error every later call
 * returns the same error. Memory does not grow with file size. */
int jarva__csv_next(jarva__csv_reader *r, jarva__csv_row *row, jarva__error *err);

/* Only columns[0..n) (0-based) are read from here on: the other fields of
 * a record read as missing (NULL) unless the record needs every field
 * split to be checked (a quoted field, a ragged row, a record of empty
 * fields: then all are there). Every check and message stays as it is;
 * this only saves the work on fields no one looks at (`jarva estimate`
 * reads 5 columns of a file of 30). JARVA_OK or JARVA_ENOMEM. */
int jarva__csv_select(jarva__csv_reader *r, const size_t *columns, size_t n);

/* The header record (has_header), or NULL. Valid until jarva__csv_close(). */
const jarva__csv_row *jarva__csv_header(const jarva__csv_reader *r);
/* Index of a header column by name (exact after trimming, else ASCII
 * case-insensitive), or -1. */
int jarva__csv_column(const jarva__csv_reader *r, const char *name);

/* The dialect in use after detection (all fields decided). With
 * JARVA__ENC_AUTO and no BOM the encoding reads UTF-8 while the file has been
 * ASCII and may turn CP1252 once, at its first non-ASCII byte: for the record
 * of an import, read it after the last row. The delimiter is sniffed from the
 * first record: the most frequent of ';', ',' and tab outside quotes; on a
 * tie tab wins, then ';' (Swedish names hold commas: "Belopp, kr"), and ','
 * when there is none. The decimal mark is seen in the data: the fields of the
 * records after the header in the first 64 KiB that are numbers with one
 * mark ("27,5510", "0.25") or both ("1.234,5": the last is the decimal mark)
 * vote; "1,234" and "1.234" (three digits after the mark, which may be a
 * thousands separator) do not. Votes for one mark only decide; none, or
 * votes for both, leave ',' for ';'-separated files and '.' for others. */
const jarva__csv_dialect *jarva__csv_dialect_used(const jarva__csv_reader *r);
/* For an error about the number text: if text reads as a number with the
 * other decimal mark, " (read with the decimal mark '.', seen in the data;
 * if the decimal mark is ',', give --decimal ,)" in out, else "". */
void jarva__csv_decimal_hint(const jarva__csv_reader *r, const char *text, char *out, size_t size);
/* The file name as given, for messages. */
const char *jarva__csv_path(const jarva__csv_reader *r);
/* Progress: bytes consumed so far and the file's size (0 if unknown). */
uint64_t jarva__csv_bytes_read(const jarva__csv_reader *r);
uint64_t jarva__csv_bytes_total(const jarva__csv_reader *r);
/* SHA-256 of the raw bytes read so far, as 64 lower-case hex digits and a NUL;
 * after the last record it is the file's hash (for import batches). */
void jarva__csv_sha256_hex(const jarva__csv_reader *r, char out[65]);
/* The whole file's SHA-256, however far records were read (the rest is read
 * and hashed now), and a check that the file did not change while it was
 * read (size, modification time, every byte hashed): JARVA_OK, or JARVA_EIO
 * with err set. Once per reader, after the last jarva__csv_next(). */
int jarva__csv_final_hash(jarva__csv_reader *r, char out[65], jarva__error *err);

void jarva__csv_close(jarva__csv_reader *r);

/* ---- one file in two parts (csv_split.c; jarva estimate's two threads) ----
 * The first reader, opened as always (dialect, encoding and header decided
 * at the start), reads the records before a split point; a second reader,
 * made from it, reads the records after, in another thread. The second
 * part's records are the file's only if the first part ends a record
 * exactly at the split point, outside quotes; the caller asks the first
 * reader after its last record of the part (jarva__csv_stopped) and else
 * throws the second part's work away. */

/* The offset just after the first line feed at or after hint, where a
 * second part may start: 0 and *offset, or -1 when the file cannot be split
 * there: UTF-16, hashed (dialect.no_hash not set), already read past hint,
 * no line feed within 1 MiB after it, or none before the end. */
int jarva__csv_split_point(const jarva__csv_reader *r, uint64_t hint, uint64_t *offset);
/* Makes jarva__csv_next() end (return 0) at offset, a split point, once
 * every record before it is read, if one ends there outside quotes
 * (jarva__csv_stopped() then says 1); if none does, the reader reads on as
 * if never told (jarva__csv_split_lost() says 1). */
void jarva__csv_stop_at(jarva__csv_reader *r, uint64_t offset);
int jarva__csv_stopped(const jarva__csv_reader *r);
int jarva__csv_split_lost(const jarva__csv_reader *r);
/* After jarva__csv_stopped(): reads on past the split point, the second
 * part's records too, as one reader would have. */
void jarva__csv_resume(jarva__csv_reader *r);
/* A reader of first's file from offset (a split point) to its end, with
 * first's dialect, encoding, header and selected columns; it opens the file
 * again (and must find the same one: device and inode) and counts lines from
 * 1 at offset: add jarva__csv_line(first) - 1 at the split for the file's.
 * Its messages are for the caller to judge, not to show: the line numbers
 * are the part's. JARVA_OK, JARVA_ENOMEM or JARVA_EIO (not the same file,
 * or not readable). */
int jarva__csv_open_part(jarva__csv_reader **out, const jarva__csv_reader *first, uint64_t offset,
                         jarva__error *err);
/* The line of the next byte to read (at a split point: its line). */
long jarva__csv_line(const jarva__csv_reader *r);
/* With JARVA__ENC_AUTO and no BOM: 1 while the file read so far is ASCII
 * (the encoding is not decided yet). A second part that starts so must be
 * all ASCII to be read as the first part would: the first decides. */
int jarva__csv_still_ascii(const jarva__csv_reader *r);

/* The 1-based line where field index (0-based) of row starts: row->line but
 * for fields after a quoted line break. row is the last one jarva__csv_next
 * returned or the header. */
long jarva__csv_field_line(const jarva__csv_reader *r, const jarva__csv_row *row, size_t index);
/* Sets err to "file:line:column (name): message" about field index (0-based)
 * of row (as above) and returns code, so that the callers' own checks of
 * values read like the reader's errors. */
int jarva__csv_field_error(const jarva__csv_reader *r, const jarva__csv_row *row, size_t index,
                           jarva__error *err, int code, const char *fmt, ...) JARVA__PRINTF(6, 7);
/* The same for a given line and 1-based column (0: the line only). */
int jarva__csv_error_at(const jarva__csv_reader *r, long line, size_t column, jarva__error *err,
                        int code, const char *fmt, ...) JARVA__PRINTF(6, 7);

#endif /* JARVA_CSV_READER_H */
