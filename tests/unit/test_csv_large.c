/* test_csv_large.c: the CSV reader on files made here because they are too
 * big to commit: the encoding decided after the first 64 KiB, characters, CR
 * LF pairs and surrogate pairs cut by the 64 KiB chunks, a 10 MB quoted
 * field, and the reader's limits (a value of at most 64 KiB, regular files
 * only, a file that does not change while read). Expected values are counted
 * from the bytes written here (test_csv_reader.c has the fixtures). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csv_reader.h"
#include "harness.h"
#include "sha256.h"

#define CHUNK (64 * 1024)

static int write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t put = fwrite(data, 1, len, f);
    return fclose(f) == 0 && put == len ? 0 : -1;
}

/* ---- files too big to commit ---- */

typedef struct growing {
    char *data;
    size_t len, cap;
} growing;

static void put(growing *g, const void *data, size_t len)
{
    if (g->len + len > g->cap) {
        size_t cap = g->cap ? g->cap : 1024;
        while (cap < g->len + len)
            cap *= 2;
        char *grown = realloc(g->data, cap);
        if (!grown)
            abort();
        g->data = grown;
        g->cap = cap;
    }
    memcpy(g->data + g->len, data, len);
    g->len += len;
}

static void puts_(growing *g, const char *s)
{
    put(g, s, strlen(s));
}

/* ASCII rows past the first 64 KiB, then one with non-ASCII text. */
static void ascii_then(growing *g, const char *last_name)
{
    puts_(g, "id;namn\n");
    for (int i = 1; g->len < 3 * CHUNK; i++) {
        char line[64];
        snprintf(line, sizeof line, "%d;person %d\n", i, i);
        puts_(g, line);
    }
    puts_(g, "0;");
    puts_(g, last_name);
    puts_(g, "\n");
}

static long count_lines(const growing *g)
{
    long lines = 0;
    for (size_t i = 0; i < g->len; i++)
        lines += g->data[i] == '\n';
    return lines;
}

static void test_encoding_decided_late(void)
{
    jarva__error err = { 0, NULL };
    jarva__csv_reader *r = NULL;
    jarva__csv_row row;
    const char *path = test_tmp_path("late_cp1252.csv");

    /* ASCII for 192 KiB, then Windows-1252: read as Windows-1252. */
    growing g = { NULL, 0, 0 };
    ascii_then(&g, "G\xf6ran \x80"); /* "Göran €" */
    CHECK_INT(write_file(path, g.data, g.len), 0);
    CHECK_INT(jarva__csv_open(&r, path, NULL, &err), JARVA_OK);
    CHECK_STR(jarva__encoding_name(jarva__csv_dialect_used(r)->encoding), "UTF-8");
    long rows = 0;
    int rc;
    while ((rc = jarva__csv_next(r, &row, &err)) == 1)
        rows++;
    CHECK_INT(rc, 0);
    CHECK_INT(rows, count_lines(&g) - 1);
    CHECK_STR(row.fields[1], "G\xc3\xb6ran \xe2\x82\xac");
    CHECK_INT(row.line, count_lines(&g));
    CHECK_STR(jarva__encoding_name(jarva__csv_dialect_used(r)->encoding), "Windows-1252");
    jarva__csv_close(r);

    /* UTF-8 text in the first chunk, a Windows-1252 byte after 192 KiB: an
     * error that says why and what to do. */
    g.len = 0;
    puts_(&g, "id;namn\n1;J\xc3\xa4rva\n");
    ascii_then(&g, "G\xf6ran");
    CHECK_INT(write_file(path, g.data, g.len), 0);
    CHECK_INT(jarva__csv_open(&r, path, NULL, &err), JARVA_OK);
    rows = 0;
    while ((rc = jarva__csv_next(r, &row, &err)) == 1)
        rows++;
    CHECK_INT(rc, JARVA_EFORMAT);
    char want[256];
    snprintf(want, sizeof want,
             "late_cp1252.csv:%ld:2 (namn): invalid UTF-8 (byte 0xF6 at byte "
             "offset %zu); the file was read as UTF-8 because it holds "
             "UTF-8 text (line 2)",
             count_lines(&g), g.len - 5);
    CHECK_CONTAINS(err.message, want);
    CHECK_CONTAINS(err.message, "--encoding cp1252");
    CHECK_INT(rows, count_lines(&g) - 2); /* all but the header and the bad row */
    jarva__csv_close(r);
    free(g.data);
    jarva__freeerr(&err);
}

/* The rows of a boundary test: a header padded by shift bytes, `ascii` rows
 * "x;y" (5 bytes each), then 20 rows "ä€;😀" with CR LF. */
static long boundary_rows(growing *g, size_t shift, long ascii)
{
    long rows = 0;
    g->len = 0;
    puts_(g, "a");
    for (size_t i = 0; i < shift; i++)
        puts_(g, "z");
    puts_(g, ";b\r\n");
    for (; rows < ascii; rows++)
        puts_(g, "x;y\r\n");
    for (int i = 0; i < 20; i++, rows++)
        puts_(g, "\xc3\xa4\xe2\x82\xac;\xf0\x9f\x98\x80\r\n");
    return rows;
}

/* UTF-8 text (the ASCII, "ä", "€" and "😀" of boundary_rows) as UTF-16LE. */
static void to_utf16le(const growing *g, growing *w)
{
    w->len = 0;
    put(w, "\xff\xfe", 2);
    for (size_t i = 0; i < g->len;) {
        unsigned char c = (unsigned char)g->data[i];
        size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        unsigned cp = len == 1 ? c : len == 2 ? c & 0x1Fu : len == 3 ? c & 0x0Fu : c & 0x07u;
        for (size_t k = 1; k < len; k++)
            cp = cp << 6 | ((unsigned char)g->data[i + k] & 0x3Fu);
        i += len;
        unsigned units[2] = { cp, 0 };
        int nunits = 1;
        if (cp >= 0x10000) {
            units[0] = 0xD800 + ((cp - 0x10000) >> 10);
            units[1] = 0xDC00 + ((cp - 0x10000) & 0x3FF);
            nunits = 2;
        }
        for (int k = 0; k < nunits; k++) {
            unsigned char le[2] = { (unsigned char)units[k], (unsigned char)(units[k] >> 8) };
            put(w, le, 2);
        }
    }
}

static void check_boundary_file(const char *path, long rows)
{
    jarva__error err = { 0, NULL };
    jarva__csv_reader *r = NULL;
    jarva__csv_row row;
    CHECK_INT(jarva__csv_open(&r, path, NULL, &err), JARVA_OK);
    long n = 0, bad = 0;
    int rc = -1;
    while (r && (rc = jarva__csv_next(r, &row, &err)) == 1) {
        n++;
        bad += row.line != n + 1;
        if (n > rows - 20)
            bad += strcmp(row.fields[0], "\xc3\xa4\xe2\x82\xac") != 0 ||
                   strcmp(row.fields[1], "\xf0\x9f\x98\x80") != 0;
    }
    CHECK_INT(rc, 0);
    CHECK_INT(n, rows);
    CHECK_INT(bad, 0);
    jarva__csv_close(r);
    jarva__freeerr(&err);
}

/* Characters, CR LF pairs and surrogate pairs cut by the 64 KiB chunks: the
 * special rows are 12 bytes in UTF-8 and 14 in UTF-16, so 14 shifts put the
 * chunk boundary at every offset inside them. */
static void test_chunk_boundaries(void)
{
    const char *path = test_tmp_path("boundaries.csv");
    growing g = { NULL, 0, 0 }, w = { NULL, 0, 0 };
    for (size_t shift = 0; shift < 14; shift++) {
        long rows = boundary_rows(&g, shift, (CHUNK - 125) / 5);
        CHECK_INT(write_file(path, g.data, g.len), 0);
        check_boundary_file(path, rows);
        rows = boundary_rows(&g, shift, (CHUNK / 2 - 65) / 5);
        to_utf16le(&g, &w);
        CHECK_INT(write_file(path, w.data, w.len), 0);
        check_boundary_file(path, rows);
    }
    free(g.data);
    free(w.data);
}

/* A 10 MB quoted field with line breaks, delimiters and doubled quotes. */
static void test_huge_field(void)
{
    jarva__error err = { 0, NULL };
    jarva__csv_reader *r = NULL;
    jarva__csv_row row;
    const char *path = test_tmp_path("huge_field.csv");
    const size_t size = 10 * 1000 * 1000;
    growing g = { NULL, 0, 0 };
    growing want = { NULL, 0, 0 };
    puts_(&g, "id,text,after\r\n1,\"");
    long breaks = 0;
    for (size_t i = 0; want.len < size; i++) {
        static const char *const pieces[] = { "abc", "\"\"", ",", "\n", "åäö", ";" };
        const char *piece = pieces[i % 6];
        puts_(&g, piece);
        puts_(&want, strcmp(piece, "\"\"") == 0 ? "\"" : piece);
        breaks += piece[0] == '\n';
    }
    puts_(&g, "\",z\r\n2,short,y\r\n");
    put(&want, "", 1);
    CHECK_INT(write_file(path, g.data, g.len), 0);
    /* Beyond the default limit of a value (64 KiB): read when allowed. */
    jarva__csv_dialect roomy = JARVA__CSV_DIALECT_INIT;
    roomy.max_field = 16 * 1000 * 1000;
    CHECK_INT(jarva__csv_open(&r, path, &roomy, &err), JARVA_OK);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(row.line, 2);
    CHECK_INT(row.lengths[1], want.len - 1);
    CHECK(row.fields[1] && memcmp(row.fields[1], want.data, want.len) == 0);
    CHECK_STR(row.fields[2], "z");
    CHECK_INT(jarva__csv_field_line(r, &row, 2), 2 + breaks);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(row.line, 3 + breaks);
    CHECK_INT(jarva__csv_next(r, &row, &err), 0);

    /* The reader's hash is that of the bytes on disk. */
    jarva__sha256 sha;
    unsigned char digest[32];
    char want_hex[65], got_hex[65];
    jarva__sha256_init(&sha);
    jarva__sha256_update(&sha, g.data, g.len);
    jarva__sha256_final(&sha, digest);
    jarva__sha256_hex(digest, want_hex);
    jarva__csv_sha256_hex(r, got_hex);
    CHECK_STR(got_hex, want_hex);
    jarva__csv_close(r);
    free(g.data);
    free(want.data);
    jarva__freeerr(&err);
}

/* The limits: a value of at most 64 KiB, only regular files, no byte-order
 * mark after the start, one encoding per file, a file that does not change
 * while read. Expected positions are counted from the bytes written here. */
static void test_limits(void)
{
    jarva__error err = { 0, NULL };
    jarva__csv_reader *r = NULL;
    jarva__csv_row row;
    char path[512]; /* test_tmp_path's buffer is reused */
    snprintf(path, sizeof path, "%s", test_tmp_path("limits.csv"));
    growing g = { NULL, 0, 0 };

    /* 65536 bytes pass, 65537 do not: line 3, column 2. */
    puts_(&g, "a,b\n1,");
    for (int i = 0; i < 65536; i++)
        put(&g, "x", 1);
    puts_(&g, "\n2,");
    for (int i = 0; i < 65537; i++)
        put(&g, "y", 1);
    puts_(&g, "\n");
    CHECK_INT(write_file(path, g.data, g.len), 0);
    CHECK_INT(jarva__csv_open(&r, path, NULL, &err), JARVA_OK);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(row.lengths[1], 65536);
    CHECK_INT(jarva__csv_next(r, &row, &err), JARVA_EFORMAT);
    CHECK_CONTAINS(err.message, "limits.csv:3:2 (b): a value longer than 65536 bytes");
    /* The hash is the whole file's, though reading stopped early. */
    char want[65], got[65];
    jarva__sha256 sha;
    unsigned char digest[32];
    jarva__sha256_init(&sha);
    jarva__sha256_update(&sha, g.data, g.len);
    jarva__sha256_final(&sha, digest);
    jarva__sha256_hex(digest, want);
    CHECK_INT(jarva__csv_final_hash(r, got, &err), JARVA_OK);
    CHECK_STR(got, want);
    jarva__csv_close(r);

    /* A quote left open runs into the limit, not to the end of the file. */
    g.len = 0;
    puts_(&g, "a,b\n1,x\n2,\"open");
    for (int i = 0; i < 70000; i++)
        put(&g, i % 100 ? "z" : "\n", 1);
    CHECK_INT(write_file(path, g.data, g.len), 0);
    CHECK_INT(jarva__csv_open(&r, path, NULL, &err), JARVA_OK);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(jarva__csv_next(r, &row, &err), JARVA_EFORMAT);
    CHECK_CONTAINS(err.message, "limits.csv:3:2 (b): the quoted field that starts here is longer "
                                "than 65536 bytes");
    jarva__csv_close(r);

    /* A byte-order mark in the middle: line 3, where it starts a field. */
    const char *joined = "\xef\xbb\xbf"
                         "a,b\n1,\xc3\xa5\n\xef\xbb\xbf"
                         "2,x\n";
    CHECK_INT(write_file(path, joined, strlen(joined)), 0);
    CHECK_INT(jarva__csv_open(&r, path, NULL, &err), JARVA_OK);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_STR(row.fields[1], "\xc3\xa5");
    CHECK_INT(jarva__csv_next(r, &row, &err), JARVA_EFORMAT);
    CHECK_CONTAINS(err.message, "limits.csv:3:1 (a): a byte-order mark (U+FEFF) in the middle");
    jarva__csv_close(r);
    /* The same in UTF-16LE: "a\n" BOM "1\n". */
    static const unsigned char le[] = { 0xFF, 0xFE, 'a', 0, '\n', 0, 0xFF, 0xFE, '1', 0, '\n', 0 };
    CHECK_INT(write_file(path, le, sizeof le), 0);
    CHECK_INT(jarva__csv_open(&r, path, NULL, &err), JARVA_OK);
    CHECK_INT(jarva__csv_next(r, &row, &err), JARVA_EFORMAT);
    CHECK_CONTAINS(err.message, "limits.csv:2:1 (a): a byte-order mark (U+FEFF)");
    jarva__csv_close(r);

    /* Taken for Windows-1252 at line 2 (0xFF alone in the first 64 KiB),
     * UTF-8 "å" on the first line of the second chunk: an error there. */
    g.len = 0;
    puts_(&g, "a,b\n1,\xff\n");
    long line = 3;
    while (g.len < CHUNK) {
        puts_(&g, "2,x\n");
        line++;
    }
    puts_(&g, "3,\xc3\xa5\n");
    CHECK_INT(write_file(path, g.data, g.len), 0);
    CHECK_INT(jarva__csv_open(&r, path, NULL, &err), JARVA_OK);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_STR(row.fields[1], "\xc3\xbf"); /* ÿ */
    int rc;
    while ((rc = jarva__csv_next(r, &row, &err)) == 1)
        ;
    CHECK_INT(rc, JARVA_EFORMAT);
    char where[64];
    snprintf(where, sizeof where, "limits.csv:%ld:2 (b): UTF-8 text (byte 0xC3", line);
    CHECK_CONTAINS(err.message, where);
    CHECK_CONTAINS(err.message, "read as Windows-1252 since line 2 (byte 0xFF at byte offset 6");
    jarva__csv_close(r);
    /* Given as Windows-1252, nothing is second-guessed: "Ã¥". */
    jarva__csv_dialect cp1252 = JARVA__CSV_DIALECT_INIT;
    cp1252.encoding = JARVA__ENC_CP1252;
    CHECK_INT(jarva__csv_open(&r, path, &cp1252, &err), JARVA_OK);
    while ((rc = jarva__csv_next(r, &row, &err)) == 1)
        ;
    CHECK_INT(rc, 0);
    jarva__csv_close(r);

    /* Only regular files, refused at open; and a size limit. */
    CHECK_INT(jarva__csv_open(&r, "/dev/zero", NULL, &err), JARVA_EIO);
    CHECK_CONTAINS(err.message, "/dev/zero: is a character device, not a regular file");
    CHECK_INT(jarva__csv_open(&r, JARVA_TEST_DATA_DIR, NULL, &err), JARVA_EIO);
    CHECK_CONTAINS(err.message, "is a folder, not a file");
    const char *fifo = test_tmp_path("limits.fifo");
    remove(fifo);
    CHECK_INT(mkfifo(fifo, 0600), 0);
    CHECK_INT(jarva__csv_open(&r, fifo, NULL, &err), JARVA_EIO); /* at once: no writer needed */
    CHECK_CONTAINS(err.message, "limits.fifo: is a pipe (FIFO), not a regular file");
    remove(fifo);
    jarva__csv_dialect small = JARVA__CSV_DIALECT_INIT;
    small.max_bytes = 1000;
    CHECK_INT(jarva__csv_open(&r, path, &small, &err), JARVA_EFORMAT);
    CHECK_CONTAINS(err.message,
                   "limits.csv: the file is 66 kB (65541 bytes), more than the 1.0 kB an input "
                   "may be");
    CHECK(r == NULL);

    /* Appended to after the last record: the hash is refused. */
    CHECK_INT(write_file(path, "a,b\n1,2\n", 8), 0);
    CHECK_INT(jarva__csv_open(&r, path, NULL, &err), JARVA_OK);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(jarva__csv_next(r, &row, &err), 0);
    FILE *f = fopen(path, "ab");
    CHECK(f != NULL);
    if (f) {
        fputs("3,4\n", f);
        fclose(f);
    }
    CHECK_INT(jarva__csv_final_hash(r, got, &err), JARVA_EIO);
    CHECK_CONTAINS(err.message, "limits.csv: the file changed while it was being read (8 bytes "
                                "when opened, 12 now)");
    jarva__csv_close(r);
    free(g.data);
    jarva__freeerr(&err);
}

int main(void)
{
    test_encoding_decided_late();
    test_chunk_boundaries();
    test_huge_field();
    test_limits();
    return test_report();
}
