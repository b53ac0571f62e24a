/* output.c: printing rows as an aligned table for people, or CSV and JSON for
 * programs. Cells are UTF-8; widths count code points so å ä ö align. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

struct cli_table {
    int ncols;
    char **headers;
    unsigned char *numeric; /* per column: COL_TEXT, COL_NUMBER, COL_BOOL or COL_LIST */
    char **cells;           /* nrows * ncols, row-major; NULL = no value */
    size_t nrows, cap;
};

static char *copy(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *c = malloc(n);
    if (c)
        memcpy(c, s, n);
    return c;
}

cli_table *cli_table_new(int ncols, const char *const *headers)
{
    cli_table *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->ncols = ncols;
    t->headers = calloc((size_t)ncols, sizeof *t->headers);
    t->numeric = calloc((size_t)ncols, 1);
    if (!t->headers || !t->numeric) {
        cli_table_free(t);
        return NULL;
    }
    for (int c = 0; c < ncols; c++)
        t->headers[c] = copy(headers[c]);
    return t;
}

enum { COL_TEXT = 0, COL_NUMBER = 1, COL_BOOL = 2, COL_LIST = 3 };

void cli_table_numeric(cli_table *t, int col)
{
    if (t && col >= 0 && col < t->ncols)
        t->numeric[col] = COL_NUMBER;
}

void cli_table_bool(cli_table *t, int col)
{
    if (t && col >= 0 && col < t->ncols)
        t->numeric[col] = COL_BOOL;
}

void cli_table_list(cli_table *t, int col)
{
    if (t && col >= 0 && col < t->ncols)
        t->numeric[col] = COL_LIST;
}

static int named(const char *const *names, const char *name)
{
    for (; *names; names++)
        if (!strcmp(*names, name))
            return 1;
    return 0;
}

void cli_table_types(cli_table *t, const char *const *texts, const char *const *bools)
{
    for (int c = 0; t && c < t->ncols; c++)
        if (named(bools, t->headers[c]))
            t->numeric[c] = COL_BOOL;
        else if (!named(texts, t->headers[c]))
            t->numeric[c] = COL_NUMBER;
}

int cli_table_add(cli_table *t, const char *const *cells)
{
    if (t->nrows == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        char **grown = realloc(t->cells, cap * (size_t)t->ncols * sizeof *grown);
        if (!grown)
            return -1;
        t->cells = grown;
        t->cap = cap;
    }
    char **row = t->cells + t->nrows * (size_t)t->ncols;
    for (int c = 0; c < t->ncols; c++)
        row[c] = copy(cells[c]);
    t->nrows++;
    return 0;
}

void cli_table_free(cli_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
        free(t->cells[i]);
    if (t->headers)
        for (int c = 0; c < t->ncols; c++)
            free(t->headers[c]);
    free(t->cells);
    free(t->headers);
    free(t->numeric);
    free(t);
}

static size_t display_width(const char *s)
{
    size_t w = 0;
    for (; s && *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            w++;
    return w;
}

static void pad(FILE *out, size_t n)
{
    while (n--)
        fputc(' ', out);
}

static void print_aligned(const cli_table *t, FILE *out)
{
    size_t *width = calloc((size_t)t->ncols, sizeof *width);
    if (!width)
        return;
    for (int c = 0; c < t->ncols; c++)
        width[c] = display_width(t->headers[c]);
    for (size_t r = 0; r < t->nrows; r++)
        for (int c = 0; c < t->ncols; c++) {
            size_t w = display_width(t->cells[r * (size_t)t->ncols + c]);
            if (w > width[c])
                width[c] = w;
        }
    for (size_t r = 0; r <= t->nrows; r++) {
        for (int c = 0; c < t->ncols; c++) {
            const char *cell = r == 0 ? t->headers[c] : t->cells[(r - 1) * (size_t)t->ncols + c];
            size_t fill = width[c] - display_width(cell);
            int last = c == t->ncols - 1;
            if (t->numeric[c] == COL_NUMBER)
                pad(out, fill);
            fputs(cell ? cell : "", out);
            if (t->numeric[c] != COL_NUMBER && !last)
                pad(out, fill);
            if (!last)
                fputs("  ", out);
        }
        fputc('\n', out);
    }
    free(width);
}

/* OWASP's CSV-injection rule lives in the library (jarva_csv_write_cell), so
 * that every CSV jarva writes follows it; --raw-csv turns it off for programs. */
static unsigned csv_flags;

void cli_csv_raw(int raw)
{
    csv_flags = raw ? JARVA_CSV_RAW : 0;
}

static void print_csv(const cli_table *t, FILE *out)
{
    for (size_t r = 0; r <= t->nrows; r++) {
        for (int c = 0; c < t->ncols; c++) {
            if (c)
                fputc(',', out);
            const char *cell = r == 0 ? t->headers[c] : t->cells[(r - 1) * (size_t)t->ncols + c];
            jarva_csv_write_cell(out, cell, ',', csv_flags);
        }
        fputc('\n', out);
    }
}

static void print_json_string(const char *s, FILE *out)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\')
            fprintf(out, "\\%c", ch);
        else if (ch == '\n')
            fputs("\\n", out);
        else if (ch == '\r')
            fputs("\\r", out);
        else if (ch == '\t')
            fputs("\\t", out);
        else if (ch < 0x20)
            fprintf(out, "\\u%04x", ch);
        else
            fputc(ch, out);
    }
    fputc('"', out);
}

/* Whether s is a JSON number (RFC 8259 section 6): what "%.12g" gives for
 * a finite double, never "nan", "inf" or "0x1p3". */
static int json_number(const char *s)
{
    if (*s == '-')
        s++;
    if (*s == '0')
        s++;
    else if (*s >= '1' && *s <= '9')
        while (*s >= '0' && *s <= '9')
            s++;
    else
        return 0;
    if (*s == '.') {
        if (*++s < '0' || *s > '9')
            return 0;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (*s < '0' || *s > '9')
            return 0;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return *s == '\0';
}

/* "1, 2" as [1, 2] and "area,sex" as ["area", "sex"]: the items between
 * commas, spaces around them dropped, each a number when it reads as one.
 * Returns -1 out of memory (the caller prints null instead). */
static int print_json_list(const char *cell, FILE *out)
{
    char *item = malloc(strlen(cell) + 1);
    if (!item)
        return -1;
    fputc('[', out);
    for (const char *p = cell, *sep = ""; *p; sep = ", ") {
        while (*p == ' ')
            p++;
        size_t len = strcspn(p, ",");
        size_t end = len;
        while (end > 0 && p[end - 1] == ' ')
            end--;
        memcpy(item, p, end);
        item[end] = '\0';
        fputs(sep, out);
        if (json_number(item))
            fputs(item, out);
        else
            print_json_string(item, out);
        p += len + (p[len] == ',');
    }
    fputc(']', out);
    free(item);
    return 0;
}

/* A cell as JSON: numbers and booleans unquoted, lists as arrays, null for no value (an
 * empty cell, or a number or boolean that is not one), text quoted. An
 * empty text is no value too: the catalogue leaves a field empty when it
 * does not apply, and "" would read as a value. */
static void print_json_cell(const char *cell, int type, FILE *out)
{
    if (type == COL_NUMBER && cell && json_number(cell))
        fputs(cell, out);
    else if (type == COL_BOOL && cell && (!strcmp(cell, "true") || !strcmp(cell, "false")))
        fputs(cell, out);
    else if (type == COL_LIST && cell && *cell && print_json_list(cell, out) == 0)
        return;
    else if (!cell || !*cell || type != COL_TEXT)
        fputs("null", out);
    else
        print_json_string(cell, out);
}

static void print_json(const cli_table *t, FILE *out)
{
    fputc('[', out);
    for (size_t r = 0; r < t->nrows; r++) {
        fputs(r ? ",\n {" : "\n {", out);
        for (int c = 0; c < t->ncols; c++) {
            if (c)
                fputs(", ", out);
            print_json_string(t->headers[c], out);
            fputs(": ", out);
            print_json_cell(t->cells[r * (size_t)t->ncols + c], t->numeric[c], out);
        }
        fputc('}', out);
    }
    fputs(t->nrows ? "\n]\n" : "]\n", out);
}

void cli_table_print(const cli_table *t, cli_format format, FILE *out)
{
    if (!t)
        return;
    switch (format) {
    case CLI_FORMAT_CSV: print_csv(t, out); break;
    case CLI_FORMAT_JSON: print_json(t, out); break;
    default: print_aligned(t, out); break;
    }
}
