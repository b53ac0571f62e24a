/* test_csv_reader.c: the CSV reader against the fixtures that
 * tests/data/make_csv_fixtures.py writes: every dialect and encoding gives
 * the table the generator wrote, each error class its exact position, the
 * edge cases and the detection of dialect and decimal mark (files too big to
 * commit are test_csv_large.c's). Expected values come from the generator's
 * table, Python's codecs and hashlib, not from the reader. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csv_reader.h"
#include "harness.h"
#include "sha256.h"

#define CSV_DIR JARVA_TEST_DATA_DIR "/csv/"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            char *grown = realloc(buf, cap * 2);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

static int write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t put = fwrite(data, 1, len, f);
    return fclose(f) == 0 && put == len ? 0 : -1;
}

/* Splits s at sep in place; returns the number of parts (at most max). */
static size_t split(char *s, char sep, char **parts, size_t max)
{
    size_t n = 0;
    while (n < max) {
        parts[n++] = s;
        char *end = strchr(s, sep);
        if (!end)
            break;
        *end = '\0';
        s = end + 1;
    }
    return n;
}

/* Undoes the generator's escapes in place; "\N" becomes NULL. */
static char *unescape(char *s)
{
    if (strcmp(s, "\\N") == 0)
        return NULL;
    char *out = s;
    for (char *in = s; *in; in++) {
        if (*in == '\\' && in[1]) {
            in++;
            *out++ = *in == 't' ? '\t' : *in == 'n' ? '\n' : *in == 'r' ? '\r' : *in;
        } else {
            *out++ = *in;
        }
    }
    *out = '\0';
    return s;
}

/* ---- the table in every dialect and encoding ---- */

#define MAX_ROWS 16
#define MAX_COLS 8

typedef struct expected_table {
    char *text; /* owns the strings below */
    size_t ncols, nrows;
    char *header[MAX_COLS];
    long lines[MAX_ROWS];
    char *rows[MAX_ROWS][MAX_COLS];
    int nnumbers;
    struct {
        size_t row, col;
        double value;
    } numbers[64];
} expected_table;

static int load_expected(const char *name, expected_table *t)
{
    char path[1024];
    snprintf(path, sizeof path, CSV_DIR "%s", name);
    memset(t, 0, sizeof *t);
    t->text = slurp(path, NULL);
    if (!t->text)
        return -1;
    char *lines[128];
    size_t nlines = split(t->text, '\n', lines, 128);
    for (size_t i = 0; i < nlines; i++) {
        char *parts[MAX_COLS + 2];
        if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;
        size_t n = split(lines[i], '\t', parts, MAX_COLS + 2);
        if (parts[0][0] == 'H') {
            t->ncols = n - 2;
            for (size_t c = 0; c < t->ncols; c++)
                t->header[c] = unescape(parts[c + 2]);
        } else if (parts[0][0] == 'R' && t->nrows < MAX_ROWS) {
            t->lines[t->nrows] = atol(parts[1]);
            for (size_t c = 0; c + 2 < n && c < MAX_COLS; c++)
                t->rows[t->nrows][c] = unescape(parts[c + 2]);
            t->nrows++;
        } else if (parts[0][0] == 'N' && t->nnumbers < 64 && n == 4) {
            t->numbers[t->nnumbers].row = (size_t)atol(parts[1]);
            t->numbers[t->nnumbers].col = (size_t)atol(parts[2]);
            t->numbers[t->nnumbers].value = strtod(parts[3], NULL);
            t->nnumbers++;
        }
    }
    return t->ncols > 0 && t->nrows > 0 ? 0 : -1;
}

static void check_matrix_file(char **m, const expected_table *t)
{
    char path[1024];
    const char *file = m[0];
    snprintf(path, sizeof path, CSV_DIR "%s", file);
    char delimiter = (char)strtol(m[2], NULL, 16);
    char decimal = m[3][0];
    long offset = atol(m[5]);

    jarva__error err = { 0, NULL };
    jarva__csv_reader *r = NULL;
    jarva__csv_dialect dialect = JARVA__CSV_DIALECT_INIT;
    int rc = jarva__csv_open(&r, path, &dialect, &err);
    CHECK_INT(rc, JARVA_OK);
    if (rc != JARVA_OK) {
        fprintf(stderr, "  %s: %s\n", file, err.message);
        jarva__freeerr(&err);
        return;
    }
    const jarva__csv_dialect *used = jarva__csv_dialect_used(r);
    CHECK_STR(jarva__encoding_name(used->encoding), m[1]);
    CHECK_INT(used->delimiter, delimiter);
    CHECK_INT(used->decimal, decimal);
    CHECK_INT(used->has_header, 1);

    const jarva__csv_row *header = jarva__csv_header(r);
    CHECK(header != NULL);
    if (header) {
        CHECK_INT(header->nfields, t->ncols);
        CHECK_INT(header->line, 1 + offset);
        for (size_t c = 0; c < t->ncols && c < header->nfields; c++)
            CHECK_STR(header->fields[c], t->header[c]);
    }

    jarva__csv_row row;
    size_t nrows = 0;
    int failures_before = test_failures;
    while ((rc = jarva__csv_next(r, &row, &err)) == 1) {
        if (nrows >= t->nrows) {
            nrows++;
            continue;
        }
        CHECK_INT(row.line, t->lines[nrows] + offset);
        CHECK_INT(row.nfields, t->ncols);
        for (size_t c = 0; c < t->ncols && c < row.nfields; c++) {
            CHECK_STR(row.fields[c], t->rows[nrows][c]);
            CHECK_INT(row.lengths[c], t->rows[nrows][c] ? strlen(t->rows[nrows][c]) : 0);
        }
        for (int k = 0; k < t->nnumbers; k++) {
            if (t->numbers[k].row != nrows)
                continue;
            double value = -12345;
            CHECK_INT(jarva__parse_double(row.fields[t->numbers[k].col], used->decimal, &value), 0);
            CHECK(value == t->numbers[k].value);
        }
        nrows++;
    }
    CHECK_INT(rc, 0);
    if (rc < 0)
        fprintf(stderr, "  %s: %s\n", file, err.message);
    CHECK_INT(nrows, t->nrows);
    CHECK_INT(jarva__csv_next(r, &row, &err), 0); /* stays at the end */

    char hex[65];
    jarva__csv_sha256_hex(r, hex);
    CHECK_STR(hex, m[6]);
    CHECK(jarva__csv_bytes_read(r) == jarva__csv_bytes_total(r));
    if (test_failures != failures_before)
        fprintf(stderr, "  (in %s)\n", file);
    jarva__csv_close(r);
    jarva__freeerr(&err);
}

static void test_matrix(void)
{
    expected_table point, comma;
    CHECK_INT(load_expected("expected_point.txt", &point), 0);
    CHECK_INT(load_expected("expected_comma.txt", &comma), 0);
    char *text = slurp(CSV_DIR "matrix.txt", NULL);
    CHECK(text != NULL);
    if (!text || !point.text || !comma.text)
        return;
    char *lines[256];
    size_t nlines = split(text, '\n', lines, 256), files = 0;
    for (size_t i = 0; i < nlines; i++) {
        char *m[8];
        if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;
        CHECK_INT(split(lines[i], '\t', m, 8), 7);
        check_matrix_file(m, strcmp(m[4], "expected_comma.txt") == 0 ? &comma : &point);
        files++;
    }
    CHECK_INT(files, 3 * 3 * 4 + 4); /* the generator's dialects x encodings */
    free(text);
    free(point.text);
    free(comma.text);
}

/* ---- one error per file, at its exact position ---- */

static void test_errors(void)
{
    char *text = slurp(CSV_DIR "errors.txt", NULL);
    CHECK(text != NULL);
    if (!text)
        return;
    char *lines[64];
    size_t nlines = split(text, '\n', lines, 64), files = 0;
    for (size_t i = 0; i < nlines; i++) {
        char *e[4], path[1024], prefix[1200];
        if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;
        CHECK_INT(split(lines[i], '\t', e, 4), 4);
        snprintf(path, sizeof path, CSV_DIR "%s", e[0]);
        snprintf(prefix, sizeof prefix, "%s:%s: ", path, e[2]);
        jarva__error err = { 0, NULL };
        jarva__csv_reader *r = NULL;
        int rc = jarva__csv_open(&r, path, NULL, &err);
        long rows = 0;
        jarva__csv_row row;
        if (rc == JARVA_OK)
            while ((rc = jarva__csv_next(r, &row, &err)) == 1)
                rows++;
        CHECK_INT(rc, JARVA_EFORMAT);
        CHECK_INT(rows, atol(e[1]));
        CHECK(err.message && strncmp(err.message, prefix, strlen(prefix)) == 0);
        CHECK_CONTAINS(err.message, e[3]);
        if (!err.message || strncmp(err.message, prefix, strlen(prefix)) != 0)
            fprintf(stderr, "  expected \"%s...\"\n", prefix);
        if (r) { /* the error sticks */
            jarva__error again = { 0, NULL };
            CHECK_INT(jarva__csv_next(r, &row, &again), JARVA_EFORMAT);
            CHECK_STR(again.message, err.message);
            jarva__freeerr(&again);
        }
        jarva__csv_close(r);
        jarva__freeerr(&err);
        files++;
    }
    CHECK_INT(files, 13);
    free(text);
}

/* ---- edge cases ---- */

static int open_fixture(jarva__csv_reader **r, const char *name, const jarva__csv_dialect *d,
                        jarva__error *err)
{
    char path[1024];
    snprintf(path, sizeof path, CSV_DIR "%s", name);
    return jarva__csv_open(r, path, d, err);
}

static void test_empty_files(void)
{
    jarva__error err = { 0, NULL };
    jarva__csv_reader *r = NULL;
    jarva__csv_row row;
    CHECK_INT(open_fixture(&r, "empty.csv", NULL, &err), JARVA_EFORMAT);
    CHECK(r == NULL);
    CHECK_CONTAINS(err.message, "empty.csv: the file is empty (expected a header line)");
    CHECK_INT(open_fixture(&r, "bom_only.csv", NULL, &err), JARVA_EFORMAT);
    CHECK_CONTAINS(err.message, "bom_only.csv: the file is empty (expected a header line)");
    CHECK_INT(open_fixture(&r, "blank_only.csv", NULL, &err), JARVA_EFORMAT);
    CHECK_CONTAINS(err.message, "blank_only.csv: no header line (the file holds only blank lines)");

    /* Without a header, an empty file has no rows. */
    jarva__csv_dialect no_header = JARVA__CSV_DIALECT_INIT;
    no_header.has_header = 0;
    CHECK_INT(open_fixture(&r, "bom_only.csv", &no_header, &err), JARVA_OK);
    CHECK(jarva__csv_header(r) == NULL);
    CHECK_INT(jarva__csv_next(r, &row, &err), 0);
    CHECK_STR(jarva__encoding_name(jarva__csv_dialect_used(r)->encoding), "UTF-8");
    char hex[65];
    jarva__csv_sha256_hex(r, hex); /* of EF BB BF, from sha256sum */
    CHECK_STR(hex, "f1945cd6c19e56b3c1c78943ef5ec18116907a4ca1efc40a57d48ab1db7adfc5");
    jarva__csv_close(r);

    CHECK_INT(open_fixture(&r, "header_only.csv", NULL, &err), JARVA_OK);
    const jarva__csv_row *h = jarva__csv_header(r);
    CHECK_INT(h->nfields, 3);
    CHECK_STR(h->fields[2], "vikt");
    CHECK_INT(jarva__csv_dialect_used(r)->delimiter, ';');
    CHECK_INT(jarva__csv_dialect_used(r)->decimal, ',');
    CHECK_INT(jarva__csv_next(r, &row, &err), 0);
    jarva__csv_close(r);

    CHECK_INT(open_fixture(&r, "header_only_no_newline.csv", NULL, &err), JARVA_OK);
    h = jarva__csv_header(r);
    CHECK_INT(h->nfields, 2);
    CHECK_STR(h->fields[1], "namn");
    CHECK_INT(jarva__csv_next(r, &row, &err), 0);
    jarva__csv_close(r);
    jarva__freeerr(&err);
}

static void test_shapes(void)
{
    jarva__error err = { 0, NULL };
    jarva__csv_reader *r = NULL;
    jarva__csv_row row;

    /* The header ends with a delimiter: its empty name is dropped, and rows
     * may or may not end with one. */
    CHECK_INT(open_fixture(&r, "trailing_delimiter.csv", NULL, &err), JARVA_OK);
    CHECK_INT(jarva__csv_header(r)->nfields, 3);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(row.nfields, 3);
    CHECK_STR(row.fields[2], "1,5");
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(row.nfields, 3);
    CHECK_STR(row.fields[2], "2");
    CHECK_INT(jarva__csv_next(r, &row, &err), 0);
    jarva__csv_close(r);

    /* A last record without line break, its quoted field over two lines. */
    CHECK_INT(open_fixture(&r, "no_final_newline.csv", NULL, &err), JARVA_OK);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(row.line, 2);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(row.line, 3);
    CHECK_STR(row.fields[0], "3");
    CHECK_STR(row.fields[1], "x\ny");
    CHECK_INT(jarva__csv_field_line(r, &row, 1), 3);
    CHECK_INT(jarva__csv_next(r, &row, &err), 0);
    jarva__csv_close(r);

    /* "sep=," wins over what the first record suggests. */
    CHECK_INT(open_fixture(&r, "sep_comma_overrides.csv", NULL, &err), JARVA_OK);
    CHECK_INT(jarva__csv_dialect_used(r)->delimiter, ',');
    CHECK_INT(jarva__csv_dialect_used(r)->decimal, '.');
    CHECK_INT(jarva__csv_header(r)->line, 2);
    CHECK_STR(jarva__csv_header(r)->fields[0], "id;x");
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(row.line, 3);
    CHECK_STR(row.fields[1], "3");
    jarva__csv_close(r);

    /* A given delimiter wins over sniffing and over sep=. */
    jarva__csv_dialect semicolon = JARVA__CSV_DIALECT_INIT;
    semicolon.delimiter = ';';
    CHECK_INT(open_fixture(&r, "sep_comma_overrides.csv", &semicolon, &err), JARVA_OK);
    CHECK_INT(jarva__csv_header(r)->nfields, 2);
    CHECK_STR(jarva__csv_header(r)->fields[1], "x,y");
    CHECK_INT(jarva__csv_dialect_used(r)->decimal, ',');
    jarva__csv_close(r);

    /* Without a header the first record sets the count. */
    jarva__csv_dialect no_header = JARVA__CSV_DIALECT_INIT;
    no_header.has_header = 0;
    CHECK_INT(open_fixture(&r, "bad_ragged_short.csv", &no_header, &err), JARVA_OK);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_STR(row.fields[0], "id"); /* BOM stripped */
    CHECK_INT(row.line, 1);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(jarva__csv_next(r, &row, &err), JARVA_EFORMAT);
    CHECK_CONTAINS(err.message,
                   "bad_ragged_short.csv:3:3: ragged row: expected 3 fields (as in the first "
                   "record), got 2");
    jarva__csv_close(r);
    jarva__freeerr(&err);
}

static void test_columns_and_messages(void)
{
    jarva__error err = { 0, NULL };
    jarva__csv_reader *r = NULL;
    jarva__csv_row row;
    CHECK_INT(open_fixture(&r, "columns.csv", NULL, &err), JARVA_OK);
    CHECK_INT(jarva__csv_column(r, "id"), 0);      /* "Id", ignoring case */
    CHECK_INT(jarva__csv_column(r, " Namn\t"), 1); /* trimmed */
    CHECK_INT(jarva__csv_column(r, "vikt"), 4);    /* exact beats "VIKT" */
    CHECK_INT(jarva__csv_column(r, "Vikt"), 2);    /* then the first by case */
    CHECK_INT(jarva__csv_column(r, "Område"), 3);  /* quoted "Område " */
    CHECK_INT(jarva__csv_column(r, "OMRÅDE"), -1); /* case folding is ASCII only */
    CHECK_INT(jarva__csv_column(r, "längd"), -1);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(jarva__csv_field_error(r, &row, 2, &err, JARVA_EFORMAT, "\"%s\" is not %s",
                                     row.fields[2], "allowed"),
              JARVA_EFORMAT);
    CHECK_CONTAINS(err.message, CSV_DIR "columns.csv:2:3 (VIKT): \"2\" is not allowed");
    CHECK_INT(err.code, JARVA_EFORMAT);
    jarva__csv_error_at(r, 7, 0, &err, JARVA_EINVAL, "whole line");
    CHECK_CONTAINS(err.message, "columns.csv:7: whole line");
    jarva__csv_error_at(r, 1, 9, &err, JARVA_EINVAL, "no name");
    CHECK_CONTAINS(err.message, "columns.csv:1:9: no name");
    CHECK_STR(jarva__csv_path(r), CSV_DIR "columns.csv");
    jarva__csv_close(r);

    /* A field's own line after a quoted line break. */
    CHECK_INT(open_fixture(&r, "semicolon_crlf_utf8.csv", NULL, &err), JARVA_OK);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(row.line, 3);
    CHECK_INT(jarva__csv_field_line(r, &row, 1), 3);
    CHECK_INT(jarva__csv_field_line(r, &row, 2), 3);
    CHECK_INT(jarva__csv_field_line(r, &row, 3), 4);
    jarva__csv_field_error(r, &row, 4, &err, JARVA_EFORMAT, "x");
    CHECK_CONTAINS(err.message, "semicolon_crlf_utf8.csv:4:5 (Andel – %): x");
    jarva__csv_close(r);

    /* Open failures. */
    CHECK_INT(open_fixture(&r, "no_such_file.csv", NULL, &err), JARVA_EIO);
    CHECK_CONTAINS(err.message, "no_such_file.csv: cannot open: ");
    jarva__csv_dialect bad = JARVA__CSV_DIALECT_INIT;
    bad.delimiter = '"';
    CHECK_INT(open_fixture(&r, "columns.csv", &bad, &err), JARVA_EINVAL);
    jarva__csv_dialect cp1252 = JARVA__CSV_DIALECT_INIT;
    cp1252.encoding = JARVA__ENC_CP1252;
    CHECK_INT(open_fixture(&r, "tab_lf_utf16le.csv", &cp1252, &err), JARVA_EFORMAT);
    CHECK_CONTAINS(err.message, "tab_lf_utf16le.csv: the file starts with a UTF-16LE byte-order "
                                "mark, but its encoding was given as Windows-1252");
    CHECK(r == NULL);
    jarva__freeerr(&err);
}

static void test_given_encoding(void)
{
    jarva__error err = { 0, NULL };
    jarva__csv_reader *r = NULL;
    jarva__csv_row row;
    /* UTF-8 read as Windows-1252 when told so: "Ã¥" for "å"; and the
     * UTF-8 of "”" (E2 80 9D) holds a byte Windows-1252 lacks. */
    const char *mixed = test_tmp_path("utf8_as_cp1252.csv");
    CHECK_INT(write_file(mixed,
                         "id;Omr\xc3\xa5"
                         "de\n",
                         11),
              0);
    jarva__csv_dialect cp1252 = JARVA__CSV_DIALECT_INIT;
    cp1252.encoding = JARVA__ENC_CP1252;
    CHECK_INT(jarva__csv_open(&r, mixed, &cp1252, &err), JARVA_OK);
    CHECK_STR(jarva__csv_header(r)->fields[1], "Omr\xc3\x83\xc2\xa5"
                                               "de");
    jarva__csv_close(r);
    CHECK_INT(open_fixture(&r, "semicolon_lf_utf8.csv", &cp1252, &err), JARVA_EFORMAT);
    CHECK_CONTAINS(err.message, "semicolon_lf_utf8.csv:1:3: byte 0x9D (byte offset 29) is not a "
                                "character in Windows-1252");
    /* A Windows-1252 file declared UTF-8 fails where the first byte is. */
    jarva__csv_dialect utf8 = JARVA__CSV_DIALECT_INIT;
    utf8.encoding = JARVA__ENC_UTF8;
    CHECK_INT(open_fixture(&r, "semicolon_lf_cp1252.csv", &utf8, &err), JARVA_EFORMAT);
    CHECK_CONTAINS(err.message, "semicolon_lf_cp1252.csv:1:2: invalid UTF-8 (byte 0xE5 at byte "
                                "offset 6) (the encoding was given as UTF-8)");
    /* UTF-16 without its BOM, when given. */
    const char *path = test_tmp_path("utf16be_nobom.csv");
    static const unsigned char be[] = { 0,   'a', 0,   ';',  0,    'b',  0,    '\n', 0,
                                        '1', 0,   ';', 0xD8, 0x3D, 0xDE, 0x00, 0,    '\n' };
    CHECK_INT(write_file(path, be, sizeof be), 0);
    jarva__csv_dialect utf16be = JARVA__CSV_DIALECT_INIT;
    utf16be.encoding = JARVA__ENC_UTF16BE;
    CHECK_INT(jarva__csv_open(&r, path, &utf16be, &err), JARVA_OK);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_STR(row.fields[1], "\xf0\x9f\x98\x80"); /* U+1F600 from D83D DE00 */
    jarva__csv_close(r);
    /* The same file without encoding: detected (8 of 9 byte pairs "NUL,
     * letter", one the other way: the low surrogate DE00). */
    CHECK_INT(jarva__csv_open(&r, path, NULL, &err), JARVA_OK);
    CHECK_INT(jarva__csv_dialect_used(r)->encoding, JARVA__ENC_UTF16BE);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_STR(row.fields[1], "\xf0\x9f\x98\x80");
    jarva__csv_close(r);
    /* A NUL byte that is not UTF-16: an error with a hint. */
    static const unsigned char nul[] = { 'a', ';', 'b', '\n', '1', ';', 0, '\n' };
    CHECK_INT(write_file(path, nul, sizeof nul), 0);
    CHECK_INT(jarva__csv_open(&r, path, NULL, &err), JARVA_OK);
    CHECK_INT(jarva__csv_next(r, &row, &err), JARVA_EFORMAT);
    CHECK_CONTAINS(err.message, "utf16be_nobom.csv:2:2 (b): NUL byte at byte offset 6 (a UTF-16 "
                                "file without byte-order mark?");
    jarva__csv_close(r);

    jarva__freeerr(&err);
}

/* ---- detection and validation details ---- */

static char sniffed(const char *content)
{
    const char *path = test_tmp_path("sniff.csv");
    jarva__error err = { 0, NULL };
    jarva__csv_reader *r = NULL;
    char delimiter = 0;
    if (write_file(path, content, strlen(content)) == 0 &&
        jarva__csv_open(&r, path, NULL, &err) == JARVA_OK)
        delimiter = jarva__csv_dialect_used(r)->delimiter;
    jarva__csv_close(r);
    jarva__freeerr(&err);
    return delimiter;
}

/* The most frequent of tab, ';', ',' outside quotes in the first record;
 * ties go to tab, then ';'. */
static void test_delimiter_sniffing(void)
{
    CHECK_INT(sniffed("a;b;c\n"), ';');
    CHECK_INT(sniffed("a,b,c;d\n"), ',');
    CHECK_INT(sniffed("Belopp, kr;Antal\n"), ';'); /* tie: ';' before ',' */
    CHECK_INT(sniffed("a\tb;c\n"), '\t');          /* tie: tab first */
    CHECK_INT(sniffed("a\tb,c\n"), '\t');
    CHECK_INT(sniffed("\"a;b;c\",d\n"), ',');    /* quoted ones do not count */
    CHECK_INT(sniffed("\"x\ny;z;w\",v\n"), ','); /* nor over a quoted line break */
    CHECK_INT(sniffed("ensam\n1\n"), ',');       /* none: ',' */
    CHECK_INT(sniffed("\n\n  \na;b\n"), ';');    /* blank lines first */
    CHECK_INT(sniffed("a,b\nc;d;e;f\n"), ',');   /* only the first record */
}

/* A CR LF inside a quoted field is one line break, kept as it is. */
static void test_crlf_in_quotes(void)
{
    const char *path = test_tmp_path("crlf_in_quotes.csv");
    const char *content = "a;b;c\r\n1;\"x\r\ny\r\n\r\nz\";2\r\n3;4;5\r\n";
    jarva__error err = { 0, NULL };
    jarva__csv_reader *r = NULL;
    jarva__csv_row row;
    CHECK_INT(write_file(path, content, strlen(content)), 0);
    CHECK_INT(jarva__csv_open(&r, path, NULL, &err), JARVA_OK);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(row.line, 2);
    CHECK_STR(row.fields[1], "x\r\ny\r\n\r\nz");
    CHECK_INT(jarva__csv_field_line(r, &row, 1), 2);
    CHECK_INT(jarva__csv_field_line(r, &row, 2), 5);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(row.line, 6);
    jarva__csv_close(r);
    jarva__freeerr(&err);
}

/* CSV as it comes (issue 14): the decimal mark from the data, title rows
 * above the header, Excel's trailing empty columns and rows. */
static char decimal_of(const char *content)
{
    const char *path = test_tmp_path("decimal.csv");
    jarva__error err = { 0, NULL };
    jarva__csv_reader *r = NULL;
    char decimal = 0;
    if (write_file(path, content, strlen(content)) == 0 &&
        jarva__csv_open(&r, path, NULL, &err) == JARVA_OK)
        decimal = jarva__csv_dialect_used(r)->decimal;
    jarva__csv_close(r);
    jarva__freeerr(&err);
    return decimal;
}

static void test_as_it_comes(void)
{
    /* Quoted decimal commas in a ','-separated file; points in a ';' one. */
    CHECK_INT(decimal_of("id,vikt\n1,\"27,5510\"\n2,\"3,1\"\n"), ',');
    CHECK_INT(decimal_of("id;vikt\n1;0.25\n2;12.5\n"), '.');
    CHECK_INT(decimal_of("id\tvikt\n1\t1,5\n"), ',');
    /* 1.234,5 and 1,234.5: the last mark. */
    CHECK_INT(decimal_of("id,v\n1,\"1.234,5\"\n"), ',');
    CHECK_INT(decimal_of("id;v\n1;1,234.5\n"), '.');
    /* Three digits after the mark may be thousands: the delimiter decides;
     * 0,125 and 1234,567 cannot be thousands. */
    CHECK_INT(decimal_of("id;v\n1;389.308\n"), ',');
    CHECK_INT(decimal_of("id,v\n1,\"1,234\"\n"), '.');
    CHECK_INT(decimal_of("id,v\n1,\"0,125\"\n"), ',');
    CHECK_INT(decimal_of("id;v\n1;1234.567\n"), '.');
    /* Both marks seen: the delimiter's rule. The header does not vote. */
    CHECK_INT(decimal_of("id;v;w\n1;0.5;0,5\n"), ',');
    CHECK_INT(decimal_of("0.5;1.5\n1;2\n"), ',');
    CHECK_INT(decimal_of("a,\"0,5\"\n1,2\n"), '.');

    jarva__error err = { 0, NULL };
    jarva__csv_reader *r = NULL;
    jarva__csv_row row;
    char hint[200];
    /* Hints name --decimal when the other mark reads the text. */
    const char *path = test_tmp_path("decimal.csv");
    CHECK_INT(write_file(path, "id,v\n1,2\n", 9), 0);
    CHECK_INT(jarva__csv_open(&r, path, NULL, &err), JARVA_OK);
    jarva__csv_decimal_hint(r, "27,5510", hint, sizeof hint);
    CHECK_STR(hint, " (read with the decimal mark '.', as usual in a file not separated by ';'; "
                    "if it is ',', give --decimal ,)");
    jarva__csv_decimal_hint(r, "tung", hint, sizeof hint);
    CHECK_STR(hint, "");
    jarva__csv_decimal_hint(r, "12", hint, sizeof hint);
    CHECK_STR(hint, "");
    jarva__csv_close(r);

    /* Title and note rows above the header, as in the fixture (Windows-
     * 1252, ';', CRLF, a line of delimiters): the header is line 4. */
    CHECK_INT(open_fixture(&r, "title_rows.csv", NULL, &err), JARVA_OK);
    CHECK_INT(jarva__csv_header(r)->line, 4);
    CHECK_INT(jarva__csv_header(r)->nfields, 4);
    CHECK_STR(jarva__csv_header(r)->fields[3], "andel");
    CHECK_INT(jarva__csv_dialect_used(r)->delimiter, ';');
    CHECK_INT(jarva__csv_dialect_used(r)->decimal, ',');
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(row.line, 5);
    CHECK_STR(row.fields[2], "1,5");
    CHECK_INT(jarva__csv_next(r, &row, &err), 0);
    jarva__csv_close(r);
    /* Given: line 2, the note, is the header then. */
    jarva__csv_dialect at2 = JARVA__CSV_DIALECT_INIT;
    at2.header_line = 2;
    CHECK_INT(open_fixture(&r, "title_rows.csv", &at2, &err), JARVA_OK);
    CHECK_INT(jarva__csv_header(r)->line, 2);
    CHECK_STR(jarva__csv_header(r)->fields[0], "K\xc3\xa4lla: enk\xc3\xa4ten");
    jarva__csv_close(r);
    at2.header_line = 99;
    CHECK_INT(open_fixture(&r, "title_rows.csv", &at2, &err), JARVA_EFORMAT);
    CHECK_CONTAINS(err.message, "title_rows.csv: the header was to be on line 99, but the file "
                                "has 6 lines");
    /* A title holding the delimiter above a wider header; and a header
     * with Excel's trailing empty columns is not mistaken for a title. */
    const char *titled = "K\xc3\xa4lla: SCB, 2023\n\na,b,c\n1,2,3\n";
    CHECK_INT(write_file(path, titled, strlen(titled)), 0);
    CHECK_INT(jarva__csv_open(&r, path, NULL, &err), JARVA_OK);
    CHECK_INT(jarva__csv_header(r)->line, 3);
    jarva__csv_close(r);
    CHECK_INT(write_file(path, "a;b\n1;2;;;\n", 11), 0);
    CHECK_INT(jarva__csv_open(&r, path, NULL, &err), JARVA_OK);
    CHECK_INT(jarva__csv_header(r)->line, 1);
    jarva__csv_close(r);
    /* A file of one column: its first line stays the header. */
    CHECK_INT(write_file(path, "ensam\n1\n2\n", 10), 0);
    CHECK_INT(jarva__csv_open(&r, path, NULL, &err), JARVA_OK);
    CHECK_INT(jarva__csv_header(r)->line, 1);
    jarva__csv_close(r);

    /* Excel's trailing empty columns (three in the header, four in a row)
     * and rows of delimiters only. */
    CHECK_INT(open_fixture(&r, "trailing_empty_columns.csv", NULL, &err), JARVA_OK);
    CHECK_INT(jarva__csv_header(r)->nfields, 3);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(row.nfields, 3);
    CHECK_STR(row.fields[2], "1,5");
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(row.nfields, 3);
    CHECK_INT(jarva__csv_next(r, &row, &err), 0);
    jarva__csv_close(r);
    jarva__freeerr(&err);
}

int main(void)
{
    test_matrix();
    test_errors();
    test_empty_files();
    test_shapes();
    test_columns_and_messages();
    test_given_encoding();
    test_delimiter_sniffing();
    test_crlf_in_quotes();
    test_as_it_comes();
    return test_report();
}
