/* csv_reader_internal.h: what the parts of the CSV reader share: the
 * reader's layout, csv_reader.c (opening, detection, accessors, messages),
 * csv_stream.c (chunks, decoding, libcsv, records) and csv_plain.c (lines
 * without quotes, split in place). */
#ifndef JARVA_CSV_READER_INTERNAL_H
#define JARVA_CSV_READER_INTERNAL_H

#include <stddef.h>
#include <stdarg.h>
#include <stdint.h>

#include <csv.h>

#include "csv_reader.h"
#include "input_file.h"
#include "sha256.h"
#include "text_encoding.h"

/* The fuzz build (tests/fuzz/CMakeLists.txt) makes the chunk small, so that
 * small inputs already cross chunk boundaries (and each input costs less). */
#ifndef JARVA__CSV_CHUNK_SIZE
#define JARVA__CSV_CHUNK_SIZE (64 * 1024)
#endif
#define CHUNK_SIZE JARVA__CSV_CHUNK_SIZE
#define CARRY_MAX 4 /* bytes of an incomplete character kept for the next chunk */

/* libcsv's parser states (libcsv.c 3.0.3); csv.h exposes pstate but not the
 * names. Between two calls they tell whether a record or a quoted field is
 * open. */
#define LIBCSV_ROW_NOT_BEGUN 0
#define LIBCSV_FIELD_BEGUN 2
/* How every reader's parser is set up (csv_reader.c, csv_split.c). */
#define LIBCSV_OPTIONS (CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_EMPTY_IS_NULL)

/* How the encoding was settled, for the wording of errors. */
enum encoding_source { SOURCE_GIVEN, SOURCE_BOM, SOURCE_SNIFFED };
/* How the decimal mark was: given, seen in the data, or the delimiter's. */
enum decimal_source { DECIMAL_GIVEN, DECIMAL_DATA, DECIMAL_DELIMITER };

struct jarva__csv_reader {
    char *path;
    int fd;
    jarva__csv_dialect dialect; /* as used: what was detected filled in */
    int ascii_so_far;           /* JARVA__ENC_AUTO without BOM, not yet decided */
    size_t bom_len;
    enum encoding_source encoding_source;
    enum decimal_source decimal_source;
    long decided_line;       /* line of the first non-ASCII character, when sniffed */
    uint64_t decided_offset; /* ... and its byte offset and value (Windows-1252) */
    unsigned decided_byte;

    uint64_t file_size, bytes_read;
    jarva__sha256 sha;
    jarva__input_stat input; /* what fstat said at open */

    /* Raw bytes: raw[raw_used..raw_len) are not decoded yet (at most an
     * incomplete character once a chunk is done); raw[0] is at raw_offset. */
    unsigned char *raw;
    size_t raw_len, raw_used;
    uint64_t raw_offset;
    int eof;

    /* UTF-8 text for libcsv: the raw bytes themselves, or decoded. */
    char *decoded;
    const char *text;
    size_t text_len, pos;
    ptrdiff_t next_lf, next_cr;   /* next LF / CR at or after pos; -1 unknown */
    jarva__text_error text_error; /* why decoding stopped at text_len */
    int error_at_end;             /* ... because the file ends inside a character */
    uint64_t error_offset;        /* file offset of the bad bytes */
    unsigned bad_value;           /* the bad byte or UTF-16 code unit */

    long line;       /* line of text[pos] */
    int after_cr;    /* the last byte fed was a CR (a CR LF may straddle chunks) */
    long piece_line; /* line of the piece libcsv is parsing */
    long row_line;   /* line where the open record starts */

    struct csv_parser parser;
    int parser_ready, finished;

    /* The quoted field left open by the last piece: record, field, line. */
    int quote_open;
    uint64_t quote_record;
    size_t quote_field;
    long quote_line;

    /* The record being built: field bytes (NUL-terminated) in buf, fields
     * pointing there (NULL for an unquoted empty field). */
    char *buf;
    size_t buf_len, buf_cap;
    size_t *lengths;
    const char **fields;
    size_t nfields, fields_cap;
    size_t present; /* fields of the record that are not NULL */
    int record_done, callback_failed;
    size_t too_long;  /* 1 + the index of a field longer than max_field; 0: none */
    uint64_t records; /* records libcsv has completed */

    jarva__csv_row header;
    int have_header;
    char *header_buf;
    const char **header_fields;
    size_t *header_lengths;
    size_t expected; /* fields per record; 0 until known */
    /* jarva__csv_select: wanted[i] for the columns the caller reads, nwanted
     * of them (1 + the last); NULL: all. */
    unsigned char *wanted;
    size_t nwanted;
    size_t trailing_delimiter; /* empty names the header ended with, dropped */

    int failed;
    char *failed_message;

    /* Reading a file in two parts (csv_split.c). The first part's reader
     * stops at stop_at (0: never): stopped once the records before it are
     * read and one ended exactly there, split_lost when none did (a quoted
     * line break across it) and the reader read on. A second part's reader
     * (is_part) reads a descriptor of its own with pread() from its offset:
     * its own, so that the kernel's read-ahead follows each part's stream. */
    uint64_t stop_at;
    int stopped, split_lost;
    int is_part;
    int part_undecided; /* a second part met non-ASCII text with ascii_so_far */
};

/* Sets err to "path:line:column (name): message" (line 0: "path: message";
 * column 0: no column) and returns code. */
int jarva__csv_report(const jarva__csv_reader *r, jarva__error *err, int code, long line,
                      size_t column, const char *fmt, ...) JARVA__PRINTF(6, 7);
int jarva__csv_vreport(const jarva__csv_reader *r, jarva__error *err, int code, long line,
                       size_t column, const char *fmt, va_list ap) JARVA__PRINTF(6, 0);

/* csv_split.c: whether the reader reached stop_at at a record boundary
 * (1: stopped; 0: the split is lost, the reader reads on). csv_stream.c
 * asks when the text read up to stop_at is used up. */
int jarva__csv_at_stop(jarva__csv_reader *r);

/* csv_stream.c: reads the next chunk (hashing it), decodes what is read, the
 * next non-blank record (1, 0 at the end, < 0 error), and the line where
 * field index of that record starts. */
int jarva__csv_read_chunk(jarva__csv_reader *r, jarva__error *err);
void jarva__csv_decode(jarva__csv_reader *r);
int jarva__csv_next_record(jarva__csv_reader *r, jarva__error *err);
long jarva__csv_record_field_line(const jarva__csv_reader *r, size_t index);
/* The record being built (csv_stream.c): room for one more field and for
 * len more bytes of buf (0, or -1 out of memory, callback_failed set), more
 * fields (0 or -1). */
int jarva__csv_make_room(jarva__csv_reader *r, size_t len);
int jarva__csv_grow_fields(jarva__csv_reader *r);

/* csv_plain.c: line s[0..n) (before its line break; no quote in it, no
 * record open) into the record: its fields and the record's end, or nothing
 * for a blank line; callback_failed out of memory. And the end of a record,
 * for libcsv's callback too. */
void jarva__csv_split_plain(jarva__csv_reader *r, const char *s, size_t n);
void jarva__csv_end_record(jarva__csv_reader *r);

#endif /* JARVA_CSV_READER_INTERNAL_H */
