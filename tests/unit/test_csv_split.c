/* test_csv_split.c: the CSV reader in two parts (csv/csv_split.c) against one
 * pass, at hundreds of split points of files full of what can go wrong there:
 * quoted fields holding delimiters, doubled quotes and line breaks (LF,
 * CR LF), blank lines, lines of delimiters only, blanks around values, CR LF
 * endings. At every point, either the first part stops there and its records
 * followed by the second part's (lines moved by the first part's) are one
 * pass's records, or the first part loses the split and its records alone
 * are; an error ends both ways at the same record. */
#include <stdio.h>
#include <string.h>

#include "csv_reader.h"
#include "harness.h"

typedef struct buf {
    char *s;
    size_t len, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? 2 * b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        CHECK(p != NULL);
        if (!p)
            return;
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void puts_(buf *b, const char *s)
{
    put(b, s, strlen(s));
}

/* Records as text, one a line: "line:field|field|..." (a missing field as
 * "~"), line moved by offset; the error code at the end. */
static int read_all(jarva__csv_reader *r, long offset, buf *out)
{
    jarva__csv_row row;
    jarva__error err = { 0 };
    int got;
    while ((got = jarva__csv_next(r, &row, &err)) == 1) {
        char line[32];
        snprintf(line, sizeof line, "%ld:", row.line + offset);
        puts_(out, line);
        for (size_t i = 0; i < row.nfields; i++) {
            if (i)
                puts_(out, "|");
            if (row.fields[i])
                put(out, row.fields[i], row.lengths[i]);
            else
                puts_(out, "~");
            /* A field's own line, as the estimate's messages take it. */
            snprintf(line, sizeof line, "@%ld", jarva__csv_field_line(r, &row, i) + offset);
            puts_(out, line);
        }
        puts_(out, "\n");
    }
    jarva__freeerr(&err);
    return got;
}

static jarva__csv_reader *open_file(const char *path)
{
    jarva__csv_dialect d = JARVA__CSV_DIALECT_INIT;
    d.no_hash = 1;
    jarva__csv_reader *r = NULL;
    jarva__error err = { 0 };
    CHECK_INT(jarva__csv_open(&r, path, &d, &err), JARVA_OK);
    jarva__freeerr(&err);
    return r;
}

/* Every split point from hint on, step bytes apart: stops, losses. */
static void split_everywhere(const char *path, size_t from, size_t to, size_t step, int *stops,
                             int *losses)
{
    buf one = { 0 };
    jarva__csv_reader *r = open_file(path);
    if (!r)
        return;
    int rc_one = read_all(r, 0, &one);
    jarva__csv_close(r);
    for (size_t hint = from; hint < to; hint += step) {
        jarva__csv_reader *first = open_file(path), *second = NULL;
        uint64_t at;
        if (!first || jarva__csv_split_point(first, hint, &at) != 0) {
            jarva__csv_close(first);
            continue;
        }
        jarva__error err = { 0 };
        CHECK_INT(jarva__csv_open_part(&second, first, at, &err), JARVA_OK);
        jarva__freeerr(&err);
        jarva__csv_stop_at(first, at);
        buf two = { 0 };
        int rc = read_all(first, 0, &two);
        if (rc == 0 && jarva__csv_stopped(first)) {
            ++*stops;
            rc = read_all(second, jarva__csv_line(first) - 1, &two);
        } else {
            CHECK(rc != 0 || jarva__csv_split_lost(first));
            *losses += jarva__csv_split_lost(first);
        }
        CHECK_INT(rc, rc_one);
        CHECK(two.len == one.len && (!one.len || !memcmp(two.s, one.s, one.len)));
        if (two.len != one.len || (one.len && memcmp(two.s, one.s, one.len)))
            fprintf(stderr, "  %s: split at %llu differs\n", path, (unsigned long long)at);
        free(two.s);
        jarva__csv_close(second);
        jarva__csv_close(first);
    }
    free(one.s);
}

/* Row i of the tricky file; every kind of line appears every 16 rows. */
static void tricky_row(buf *b, size_t i, const char *eol)
{
    char text[256];
    switch (i % 16) {
    case 3: snprintf(text, sizeof text, "%zu;\"a;b\";\"say \"\"hi\"\"\";x%s", i, eol); break;
    case 5:
        snprintf(text, sizeof text, "%zu;\"two\nlines\";\"three\r\nlines\nhere\";y%s", i, eol);
        break;
    case 7: snprintf(text, sizeof text, "%s", eol); break; /* blank */
    case 9: snprintf(text, sizeof text, ";;;%s", eol); break;
    case 11: snprintf(text, sizeof text, "  %zu ; spaced ;  ; z %s", i, eol); break;
    case 13:
        snprintf(text, sizeof text, "%zu;\"%s\";;w%s", i, i % 32 == 13 ? "\n" : "", eol);
        break;
    default: snprintf(text, sizeof text, "%zu;plain;%zu;v%s", i, i * 7 % 100, eol); break;
    }
    puts_(b, text);
}

static const char *write_tmp(const char *name, const buf *b)
{
    const char *path = test_tmp_path(name);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        CHECK(fwrite(b->s, 1, b->len, f) == b->len);
        fclose(f);
    }
    return path;
}

int main(void)
{
    const char *eols[2] = { "\n", "\r\n" };
    for (int e = 0; e < 2; e++) {
        for (int bad = 0; bad < 2; bad++) {
            buf b = { 0 };
            puts_(&b, "id;name;note;tag");
            puts_(&b, eols[e]);
            size_t rows = 12000;
            for (size_t i = 0; i < rows; i++) {
                if (bad && i == rows - 500)
                    puts_(&b, "ragged;row\n"); /* an error late in the file */
                tricky_row(&b, i, eols[e]);
            }
            char name[64];
            snprintf(name, sizeof name, "csv_split_%d_%d.csv", e, bad);
            char path[4096];
            snprintf(path, sizeof path, "%s", write_tmp(name, &b));
            int stops = 0, losses = 0;
            /* After the first chunk (64 KiB) to the end, at a prime step so
             * that the points fall on every kind of row. */
            split_everywhere(path, 70000, b.len, 1009, &stops, &losses);
            CHECK(stops > 60); /* most points are at a record's end */
            CHECK(losses > 5); /* and some inside a quoted break */
            free(b.s);
        }
    }
    return test_report();
}
