/* fuzz_csv.c: the CSV reader (dialect and encoding detection, decoding,
 * libcsv, records, positions) on any bytes, and the number parsers on every
 * field. The first input byte chooses the dialect; the rest is the file.
 *
 * Option byte: bits 0-1 delimiter (detect, ',', ';', tab); bits 2-4 encoding
 * (auto, UTF-8, Windows-1252, UTF-16LE, UTF-16BE; 5-7 auto); bit 5 no
 * header; bit 6 decimal ','; bit 7 the file is the rest repeated past the
 * reader's chunk (64 KiB; 4 KiB in the libFuzzer build, where inputs longer
 * than that cross chunk boundaries already), so that records, quotes, CR LF
 * and multi-byte characters straddle chunk boundaries.
 *
 * Invariants checked: fields are NUL-terminated valid UTF-8 of the stated
 * length without NUL; records have the header's width (or one more after a
 * trailing delimiter); lines never go back; after an error every later call
 * repeats it; at the end the reader's SHA-256 is the file's; parsed numbers
 * are finite and in range. */
#include <math.h>
#include <string.h>

#include "csv_reader.h"
#include "csv_reader_internal.h"
#include "fuzz.h"
#include "sha256.h"

#define REPEAT_TO (CHUNK_SIZE + 512)

static char *path;
static unsigned char *big;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    path = fuzz_scratch_path("input.csv");
    big = malloc(REPEAT_TO + 4096);
    FUZZ_ASSERT(big != NULL);
    return 0;
}

/* 1 if s[0..n) is well-formed UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF). Written apart from the library's own
 * check so that one cannot hide a mistake of the other. */
static int valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t len;
        unsigned min, cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            len = 2, min = 0x80, cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3, min = 0x800, cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4, min = 0x10000, cp = c & 0x07;
        } else {
            return 0;
        }
        if (n - i < len)
            return 0;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += len;
    }
    return 1;
}

static void check_field(const char *field, size_t length, char decimal)
{
    if (!field)
        return;
    FUZZ_ASSERT(strlen(field) == length); /* NUL-terminated, no NUL inside */
    FUZZ_ASSERT(valid_utf8((const unsigned char *)field, length));
    double d;
    if (jarva__parse_double(field, decimal, &d) == 0)
        FUZZ_ASSERT(isfinite(d));
    long v = 12345;
    if (jarva__parse_long(field, -1000, 1000, &v) == 0)
        FUZZ_ASSERT(v >= -1000 && v <= 1000);
    else
        FUZZ_ASSERT(v == 12345); /* untouched on failure */
}

static void read_all(const unsigned char *file, size_t size, const jarva__csv_dialect *dialect)
{
    jarva__error err = { 0 };
    jarva__csv_reader *r = NULL;
    int rc = jarva__csv_open(&r, path, dialect, &err);
    if (rc != 0) {
        FUZZ_ASSERT(rc < 0 && r == NULL && err.code == rc && err.message);
        jarva__freeerr(&err);
        return;
    }
    const jarva__csv_dialect *used = jarva__csv_dialect_used(r);
    /* Excel's "sep=" line may name any other ASCII character. */
    char delim = used->delimiter;
    FUZZ_ASSERT(delim > 0 && delim != '"' && delim != '\r' && delim != '\n' && delim != ' ');
    FUZZ_ASSERT(used->decimal == '.' || used->decimal == ',');
    const jarva__csv_row *header = jarva__csv_header(r);
    FUZZ_ASSERT(!dialect->has_header == !header);
    if (header) {
        for (size_t i = 0; i < header->nfields; i++) {
            check_field(header->fields[i], header->lengths[i], used->decimal);
            if (header->fields[i]) {
                int col = jarva__csv_column(r, header->fields[i]);
                FUZZ_ASSERT(col >= 0 && (size_t)col <= i);
            }
        }
    }
    jarva__csv_row row;
    long last_line = header ? header->line : 0;
    while ((rc = jarva__csv_next(r, &row, &err)) == 1) {
        FUZZ_ASSERT(row.line > last_line);
        last_line = row.line;
        FUZZ_ASSERT(row.nfields >= 1);
        if (header)
            FUZZ_ASSERT(row.nfields == header->nfields || row.nfields == header->nfields + 1);
        for (size_t i = 0; i < row.nfields; i++) {
            check_field(row.fields[i], row.lengths[i], used->decimal);
            /* The line of a field costs a scan of the fields before it:
             * the first few and the last, not all (quadratic on wide rows). */
            if (i < 4 || i + 1 == row.nfields)
                FUZZ_ASSERT(jarva__csv_field_line(r, &row, i) >= row.line);
        }
        /* The callers' own value errors are formatted by the reader. */
        jarva__csv_field_error(r, &row, row.nfields - 1, &err, -6, "value %s", "bad");
        FUZZ_ASSERT(err.message && strstr(err.message, path));
    }
    FUZZ_ASSERT(jarva__csv_bytes_read(r) <= size);
    if (rc == 0) {
        FUZZ_ASSERT(jarva__csv_bytes_read(r) == size);
        char got[65], want[65];
        unsigned char digest[32];
        jarva__sha256 sha;
        jarva__sha256_init(&sha);
        jarva__sha256_update(&sha, file, size);
        jarva__sha256_final(&sha, digest);
        jarva__sha256_hex(digest, want);
        jarva__csv_sha256_hex(r, got);
        FUZZ_ASSERT(strcmp(got, want) == 0);
        FUZZ_ASSERT(jarva__csv_next(r, &row, &err) == 0);
    } else {
        FUZZ_ASSERT(rc < 0 && err.code == rc && err.message && strstr(err.message, path));
        char *first = strdup(err.message);
        FUZZ_ASSERT(first != NULL);
        FUZZ_ASSERT(jarva__csv_next(r, &row, &err) == rc);
        FUZZ_ASSERT(strcmp(first, err.message) == 0);
        free(first);
    }
    jarva__csv_close(r);
    jarva__freeerr(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const char delimiters[] = { 0, ',', ';', '\t' };
    unsigned options = data[0];
    jarva__csv_dialect dialect = JARVA__CSV_DIALECT_INIT;
    dialect.delimiter = delimiters[options & 3];
    unsigned enc = (options >> 2) & 7;
    dialect.encoding = enc <= JARVA__ENC_UTF16BE ? (jarva__encoding)enc : JARVA__ENC_AUTO;
    dialect.has_header = !(options & 0x20);
    dialect.decimal = (options & 0x40) ? ',' : 0;
    const unsigned char *file = data + 1;
    size_t file_size = size - 1;
    if ((options & 0x80) && file_size > 0) {
        size_t n = 0;
        while (n < REPEAT_TO) {
            memcpy(big + n, file, file_size < 4096 ? file_size : 4096);
            n += file_size < 4096 ? file_size : 4096;
        }
        file = big;
        file_size = n;
    }
    fuzz_write_file(path, file, file_size);
    read_all(file, file_size, &dialect);
    return 0;
}
