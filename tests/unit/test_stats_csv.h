/* test_stats_csv.h: reads the committed R outputs of tests/reference/ (plain
 * comma-separated files without quotes, "NA" for missing) for the statistics
 * tests. A table is loaded whole; cells are looked up by row and column name. */
#ifndef JARVA_TEST_STATS_CSV_H
#define JARVA_TEST_STATS_CSV_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct csv_table {
    char *text;   /* the file, split in place */
    char **cells; /* rows * cols pointers into text; row 0 is the header */
    size_t rows;  /* data rows, header excluded */
    size_t cols;
} csv_table;

static void csv_table_free(csv_table *t)
{
    free(t->text);
    free(t->cells);
    memset(t, 0, sizeof *t);
}

/* Loads JARVA_SOURCE_DIR/tests/reference/<name>; 0 on success. */
static int csv_table_load(csv_table *t, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/reference/%s", JARVA_SOURCE_DIR, name);
    memset(t, 0, sizeof *t);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        return -1;
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    t->text = malloc((size_t)size + 1);
    if (!t->text || fread(t->text, 1, (size_t)size, f) != (size_t)size) {
        fclose(f);
        csv_table_free(t);
        return -1;
    }
    fclose(f);
    t->text[size] = '\0';
    size_t lines = 0, fields = 0;
    for (char *p = t->text; *p; p++) {
        lines += *p == '\n';
        fields += *p == ',' || *p == '\n';
    }
    t->cells = calloc(fields + 1, sizeof *t->cells);
    if (!t->cells) {
        csv_table_free(t);
        return -1;
    }
    size_t n = 0, cols_in_line = 0;
    char *start = t->text;
    for (char *p = t->text; *p; p++) {
        if (*p != ',' && *p != '\n')
            continue;
        int end_of_line = *p == '\n';
        *p = '\0';
        if (p > start && p[-1] == '\r')
            p[-1] = '\0';
        t->cells[n++] = start;
        cols_in_line++;
        start = p + 1;
        if (end_of_line) {
            if (!t->cols)
                t->cols = cols_in_line;
            if (cols_in_line != t->cols) {
                fprintf(stderr, "%s: ragged line\n", path);
                csv_table_free(t);
                return -1;
            }
            cols_in_line = 0;
        }
    }
    t->rows = t->cols ? n / t->cols - 1 : 0;
    (void)lines;
    return 0;
}

static size_t csv_col(const csv_table *t, const char *name)
{
    for (size_t c = 0; c < t->cols; c++)
        if (strcmp(t->cells[c], name) == 0)
            return c;
    fprintf(stderr, "no column %s\n", name);
    abort();
}

/* The text of row r (0-based, header excluded) in column name. */
static const char *csv_str(const csv_table *t, size_t r, const char *name)
{
    return t->cells[(r + 1) * t->cols + csv_col(t, name)];
}

/* The number in a cell; NaN for "NA", INFINITY for "Inf". */
static double csv_num(const csv_table *t, size_t r, const char *name)
{
    const char *s = csv_str(t, r, name);
    if (strcmp(s, "NA") == 0 || strcmp(s, "NaN") == 0)
        return NAN;
    if (strcmp(s, "Inf") == 0)
        return INFINITY;
    if (strcmp(s, "-Inf") == 0)
        return -INFINITY;
    return strtod(s, NULL);
}

#endif /* JARVA_TEST_STATS_CSV_H */
