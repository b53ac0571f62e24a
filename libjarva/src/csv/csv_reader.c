/* csv_reader.c: opening a CSV file (byte-order mark, Excel's "sep=" line,
 * delimiter sniffing, the header), the accessors and the reader's messages.
 * Reading records is csv_stream.c. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv_reader_internal.h"

/* ---- messages ---- */

static char *vformat(const char *fmt, va_list ap) JARVA__PRINTF(1, 0);
static char *vformat(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int len = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (len < 0)
        return NULL;
    char *out = malloc((size_t)len + 1);
    if (out)
        vsnprintf(out, (size_t)len + 1, fmt, ap);
    return out;
}

static const char *header_name(const jarva__csv_reader *r, size_t column)
{
    if (!r->have_header || column == 0 || column > r->header.nfields)
        return NULL;
    const char *name = r->header.fields[column - 1];
    return name && *name ? name : NULL;
}

/* "path:line:column (name): message"; line 0 leaves out the position, column
 * 0 the column. */
int jarva__csv_vreport(const jarva__csv_reader *r, jarva__error *err, int code, long line,
                       size_t column, const char *fmt, va_list ap)
{
    char *message = vformat(fmt, ap);
    const char *name = header_name(r, column);
    if (line <= 0)
        jarva__seterr(err, code, "%s: %s", r->path, message ? message : "out of memory");
    else if (column == 0)
        jarva__seterr(err, code, "%s:%ld: %s", r->path, line, message ? message : "");
    else if (name)
        jarva__seterr(err, code, "%s:%ld:%zu (%s): %s", r->path, line, column, name,
                      message ? message : "");
    else
        jarva__seterr(err, code, "%s:%ld:%zu: %s", r->path, line, column, message ? message : "");
    free(message);
    return code;
}

int jarva__csv_report(const jarva__csv_reader *r, jarva__error *err, int code, long line,
                      size_t column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    jarva__csv_vreport(r, err, code, line, column, fmt, ap);
    va_end(ap);
    return code;
}

/* ---- opening: byte-order mark, "sep=" line, delimiter ---- */

static int check_bom(jarva__csv_reader *r, jarva__encoding given, jarva__error *err)
{
    static const struct {
        unsigned char bytes[3];
        size_t len;
        jarva__encoding enc;
    } boms[] = { { { 0xEF, 0xBB, 0xBF }, 3, JARVA__ENC_UTF8 },
                 { { 0xFF, 0xFE, 0 }, 2, JARVA__ENC_UTF16LE },
                 { { 0xFE, 0xFF, 0 }, 2, JARVA__ENC_UTF16BE } };
    for (size_t i = 0; i < sizeof boms / sizeof boms[0]; i++) {
        if (r->raw_len < boms[i].len || memcmp(r->raw, boms[i].bytes, boms[i].len) != 0)
            continue;
        if (given != JARVA__ENC_AUTO && given != boms[i].enc)
            return jarva__csv_report(
                r, err, JARVA_EFORMAT, 0, 0,
                "the file starts with a %s byte-order mark, but its encoding was "
                "given as %s",
                jarva__encoding_name(boms[i].enc), jarva__encoding_name(given));
        r->dialect.encoding = boms[i].enc;
        r->encoding_source = SOURCE_BOM;
        r->raw_used = r->bom_len = boms[i].len;
        return JARVA_OK;
    }
    if (given == JARVA__ENC_AUTO) {
        r->dialect.encoding = JARVA__ENC_UTF8;
        r->ascii_so_far = 1;
        r->encoding_source = SOURCE_SNIFFED;
    } else {
        r->dialect.encoding = given;
        r->encoding_source = SOURCE_GIVEN;
    }
    return JARVA_OK;
}

/* Excel's "sep=X" first line names the delimiter; it is not data. */
static void skip_sep_line(jarva__csv_reader *r)
{
    const char *t = r->text;
    size_t n = r->text_len;
    if (n < 5 || (t[0] | 0x20) != 's' || (t[1] | 0x20) != 'e' || (t[2] | 0x20) != 'p' ||
        t[3] != '=')
        return;
    char delimiter = t[4];
    size_t end = 5;
    if (delimiter == '"' || delimiter == '\r' || delimiter == '\n' || delimiter == ' ' ||
        (unsigned char)delimiter >= 0x80)
        return;
    if (end < n && t[end] == '\r')
        end++;
    if (end < n && t[end] == '\n')
        end++;
    if (end == 5 && !(n == 5 && r->eof && r->raw_used == r->raw_len))
        return; /* more text on the line: not a sep= line */
    if (r->dialect.delimiter == 0)
        r->dialect.delimiter = delimiter;
    r->pos = end;
    r->line = 2;
    r->after_cr = t[end - 1] == '\r';
}

/* The most frequent of tab, ';' and ',' outside quotes in the first record
 * (ties: tab, then ';', then ','). Leading blank lines are skipped. */
static char sniff_delimiter(const jarva__csv_reader *r)
{
    const char *t = r->text;
    size_t i = r->pos, n = r->text_len;
    size_t tabs = 0, semicolons = 0, commas = 0;
    int quoted = 0;
    while (i < n && (t[i] == '\r' || t[i] == '\n' || t[i] == ' '))
        i++;
    for (; i < n; i++) {
        char c = t[i];
        if (c == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c == '\r' || c == '\n')
            break;
        else if (c == '\t')
            tabs++;
        else if (c == ';')
            semicolons++;
        else if (c == ',')
            commas++;
    }
    if (tabs > 0 && tabs >= semicolons && tabs >= commas)
        return '\t';
    if (semicolons > 0 && semicolons >= commas)
        return ';';
    return ',';
}

static int check_dialect(const jarva__csv_dialect *d)
{
    char c = d->delimiter;
    if (c == '"' || c == '\r' || c == '\n' || c == ' ' || (unsigned char)c >= 0x80)
        return -1;
    if (d->decimal != 0 && d->decimal != '.' && d->decimal != ',')
        return -1;
    if ((unsigned)d->encoding > JARVA__ENC_UTF16BE)
        return -1;
    return 0;
}

static const char *trim(const char *s, size_t *len);

/* For sorting header columns by name (trimmed, exact), then position. */
typedef struct named_column {
    const char *name;
    size_t len, index;
} named_column;

static int by_name_then_index(const void *pa, const void *pb)
{
    const named_column *a = pa, *b = pb;
    int cmp = memcmp(a->name, b->name, a->len < b->len ? a->len : b->len);
    if (cmp == 0 && a->len != b->len)
        cmp = a->len < b->len ? -1 : 1;
    if (cmp == 0)
        cmp = a->index < b->index ? -1 : 1;
    return cmp;
}

/* Two columns of the same name (as jarva__csv_column matches them exactly)
 * make every lookup of that name ambiguous: an error at the second. Unnamed
 * columns may repeat. Sorting keeps this O(n log n) on very wide headers. */
static int check_unique_names(jarva__csv_reader *r, jarva__error *err)
{
    const jarva__csv_row *h = &r->header;
    named_column *cols = malloc((h->nfields ? h->nfields : 1) * sizeof *cols);
    if (!cols)
        return jarva__csv_report(r, err, JARVA_ENOMEM, 0, 0, "out of memory");
    size_t n = 0;
    for (size_t i = 0; i < h->nfields; i++) {
        if (!h->fields[i])
            continue;
        cols[n].name = trim(h->fields[i], &cols[n].len);
        cols[n].index = i;
        if (cols[n].len > 0)
            n++;
    }
    qsort(cols, n, sizeof *cols, by_name_then_index);
    size_t first = 0, second = 0;
    int found = 0;
    for (size_t i = 1; i < n; i++) {
        if (cols[i].len != cols[i - 1].len || memcmp(cols[i].name, cols[i - 1].name, cols[i].len))
            continue;
        if (!found || cols[i].index < second) { /* report the leftmost repeat */
            first = cols[i - 1].index;
            second = cols[i].index;
            found = 1;
        }
    }
    free(cols);
    if (!found)
        return JARVA_OK;
    return jarva__csv_report(r, err, JARVA_EFORMAT, h->line, second + 1,
                             "duplicate column name (also column %zu)", first + 1);
}

static int keep_header(jarva__csv_reader *r, jarva__error *err)
{
    size_t n = r->nfields;
    if (n > 1 && !r->fields[n - 1]) {
        r->trailing_delimiter = 1;
        n--;
    }
    r->header_buf = malloc(r->buf_len ? r->buf_len : 1);
    r->header_fields = malloc(n * sizeof *r->header_fields);
    r->header_lengths = malloc(n * sizeof *r->header_lengths);
    if (!r->header_buf || !r->header_fields || !r->header_lengths)
        return jarva__csv_report(r, err, JARVA_ENOMEM, 0, 0, "out of memory");
    memcpy(r->header_buf, r->buf, r->buf_len);
    for (size_t i = 0; i < n; i++) {
        r->header_fields[i] = r->fields[i] ? r->header_buf + (r->fields[i] - r->buf) : NULL;
        r->header_lengths[i] = r->lengths[i];
    }
    r->header.nfields = n;
    r->header.fields = r->header_fields;
    r->header.lengths = r->header_lengths;
    r->header.line = r->row_line;
    r->have_header = 1;
    r->expected = n;
    return check_unique_names(r, err);
}

static int start(jarva__csv_reader *r, const jarva__csv_dialect *given, jarva__error *err)
{
    int rc = jarva__csv_read_chunk(r, err);
    if (rc < 0)
        return rc;
    rc = check_bom(r, given->encoding, err);
    if (rc < 0)
        return rc;
    jarva__csv_decode(r);
    skip_sep_line(r);
    if (r->dialect.delimiter == 0)
        r->dialect.delimiter = sniff_delimiter(r);
    if (r->dialect.decimal == 0)
        r->dialect.decimal = r->dialect.delimiter == ';' ? ',' : '.';
    if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_EMPTY_IS_NULL) !=
        0)
        return jarva__csv_report(r, err, JARVA_ENOMEM, 0, 0, "out of memory");
    r->parser_ready = 1;
    csv_set_delim(&r->parser, (unsigned char)r->dialect.delimiter);
    csv_set_blk_size(&r->parser, CHUNK_SIZE);
    if (!r->dialect.has_header)
        return JARVA_OK;
    rc = jarva__csv_next_record(r, err);
    if (rc == 0)
        return jarva__csv_report(r, err, JARVA_EFORMAT, 0, 0,
                                 r->bytes_read == r->bom_len
                                     ? "the file is empty (expected a header line)"
                                     : "no header line (the file holds only blank lines)");
    return rc < 0 ? rc : keep_header(r, err);
}

int jarva__csv_open_fd(jarva__csv_reader **out, int fd, const jarva__input_stat *st,
                       const char *path, const jarva__csv_dialect *dialect, jarva__error *err)
{
    static const jarva__csv_dialect defaults = JARVA__CSV_DIALECT_INIT;
    *out = NULL;
    if (!dialect)
        dialect = &defaults;
    if (!path) {
        if (fd >= 0)
            close(fd);
        return jarva__seterr(err, JARVA_EINVAL, "no CSV file name given");
    }
    jarva__csv_reader *r = calloc(1, sizeof *r);
    if (!r) {
        close(fd);
        return jarva__seterr(err, JARVA_ENOMEM, "out of memory");
    }
    r->fd = fd;
    r->input = *st;
    r->file_size = st->size;
    r->path = jarva__strdup(path);
    r->raw = malloc(CHUNK_SIZE + CARRY_MAX);
    /* Windows-1252 takes up to 3 bytes a byte, UTF-16 3 bytes a code unit. */
    r->decoded = malloc(3 * (CHUNK_SIZE + CARRY_MAX));
    r->dialect = *dialect;
    if (!r->dialect.max_field)
        r->dialect.max_field = JARVA__CSV_MAX_FIELD;
    r->line = 1;
    r->next_lf = r->next_cr = -1;
    jarva__sha256_init(&r->sha);
    int rc;
    if (!r->path || !r->raw || !r->decoded)
        rc = jarva__seterr(err, JARVA_ENOMEM, "out of memory");
    else if (check_dialect(dialect) != 0)
        rc = jarva__csv_report(r, err, JARVA_EINVAL, 0, 0,
                               "invalid CSV dialect (delimiter 0x%02X, decimal 0x%02X)",
                               (unsigned char)dialect->delimiter, (unsigned char)dialect->decimal);
    else
        rc = start(r, dialect, err);
    if (rc < 0) {
        jarva__csv_close(r);
        return rc;
    }
    *out = r;
    return JARVA_OK;
}

int jarva__csv_open(jarva__csv_reader **out, const char *path, const jarva__csv_dialect *dialect,
                    jarva__error *err)
{
    *out = NULL;
    if (!path)
        return jarva__seterr(err, JARVA_EINVAL, "no CSV file name given");
    int fd;
    jarva__input_stat st;
    int rc = jarva__input_open(path, dialect ? dialect->max_bytes : 0, &fd, &st, err);
    if (rc < 0)
        return rc;
    return jarva__csv_open_fd(out, fd, &st, path, dialect, err);
}

void jarva__csv_close(jarva__csv_reader *r)
{
    if (!r)
        return;
    if (r->fd >= 0)
        close(r->fd);
    if (r->parser_ready)
        csv_free(&r->parser);
    free(r->path);
    free(r->raw);
    free(r->decoded);
    free(r->buf);
    free(r->lengths);
    free(r->fields);
    free(r->header_buf);
    free(r->header_fields);
    free(r->header_lengths);
    free(r->failed_message);
    free(r);
}

/* ---- accessors ---- */

const jarva__csv_row *jarva__csv_header(const jarva__csv_reader *r)
{
    return r->have_header ? &r->header : NULL;
}

/* s[0..*len) without ASCII spaces and tabs at either end. */
static const char *trim(const char *s, size_t *len)
{
    size_t n = strlen(s);
    while (n > 0 && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    *len = n;
    return s;
}

static int same_ascii_nocase(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y - 'A' + 'a');
        if (x != y)
            return 0;
    }
    return 1;
}

int jarva__csv_column(const jarva__csv_reader *r, const char *name)
{
    if (!r->have_header || !name)
        return -1;
    size_t want_len;
    const char *want = trim(name, &want_len);
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < r->header.nfields; i++) {
            size_t len;
            const char *field = r->header.fields[i] ? trim(r->header.fields[i], &len) : "";
            if (!r->header.fields[i])
                len = 0;
            if (len != want_len)
                continue;
            if (pass == 0 ? memcmp(field, want, len) == 0 : same_ascii_nocase(field, want, len))
                return (int)i;
        }
    }
    return -1;
}

const jarva__csv_dialect *jarva__csv_dialect_used(const jarva__csv_reader *r)
{
    return &r->dialect;
}

const char *jarva__csv_path(const jarva__csv_reader *r)
{
    return r->path;
}

uint64_t jarva__csv_bytes_read(const jarva__csv_reader *r)
{
    return r->bytes_read;
}

uint64_t jarva__csv_bytes_total(const jarva__csv_reader *r)
{
    return r->file_size;
}

void jarva__csv_sha256_hex(const jarva__csv_reader *r, char out[65])
{
    jarva__sha256 copy = r->sha;
    unsigned char digest[32];
    jarva__sha256_final(&copy, digest);
    jarva__sha256_hex(digest, out);
}

int jarva__csv_final_hash(jarva__csv_reader *r, char out[65], jarva__error *err)
{
    /* Reading stopped at an error: the rest is not text to decode, only
     * bytes to hash (they were never parsed, so they cannot disagree). */
    if (!r->eof) {
        int rc = jarva__input_drain(r->fd, r->path, &r->sha, &r->bytes_read, err);
        if (rc < 0)
            return rc;
        r->eof = 1;
    }
    jarva__csv_sha256_hex(r, out);
    return jarva__input_unchanged(r->fd, r->path, &r->input, r->bytes_read, err);
}

long jarva__csv_field_line(const jarva__csv_reader *r, const jarva__csv_row *row, size_t index)
{
    if (row->fields == (const char *const *)r->fields && index < row->nfields)
        return jarva__csv_record_field_line(r, index);
    return row->line;
}

int jarva__csv_field_error(const jarva__csv_reader *r, const jarva__csv_row *row, size_t index,
                           jarva__error *err, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    jarva__csv_vreport(r, err, code, jarva__csv_field_line(r, row, index), index + 1, fmt, ap);
    va_end(ap);
    return code;
}

int jarva__csv_error_at(const jarva__csv_reader *r, long line, size_t column, jarva__error *err,
                        int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    jarva__csv_vreport(r, err, code, line, column, fmt, ap);
    va_end(ap);
    return code;
}
