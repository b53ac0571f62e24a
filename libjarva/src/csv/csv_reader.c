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
    char *message = jarva__vaprintf(fmt, ap);
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

/* UTF-16 without a byte-order mark (Excel's "Unicode text" saved by other
 * tools, exports from SPSS): text that is mostly ASCII has a NUL in every
 * other byte. UTF-16LE when, of the first 2048 byte pairs (or as many as
 * there are, at least 2), at least half are "letter, NUL" and at most one
 * more than a twentieth of as many is "NUL, letter" (a character beyond
 * Latin-1 or a surrogate may look so); UTF-16BE the other way round; else UTF-8 (decided later, see
 * csv_reader.h). Text in one encoding never looks like this: UTF-8 and
 * Windows-1252 have no NUL bytes. */
static jarva__encoding utf16_without_bom(const unsigned char *b, size_t n)
{
    size_t pairs = n / 2 < 2048 ? n / 2 : 2048, le = 0, be = 0;
    for (size_t i = 0; i < pairs; i++) {
        unsigned char x = b[2 * i], y = b[2 * i + 1];
        le += x != 0 && y == 0;
        be += x == 0 && y != 0;
    }
    if (pairs >= 2 && 2 * le >= pairs && be <= 1 + le / 20)
        return JARVA__ENC_UTF16LE;
    if (pairs >= 2 && 2 * be >= pairs && le <= 1 + be / 20)
        return JARVA__ENC_UTF16BE;
    return JARVA__ENC_UTF8;
}

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
        r->dialect.encoding = utf16_without_bom(r->raw, r->raw_len);
        r->ascii_so_far = r->dialect.encoding == JARVA__ENC_UTF8;
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

/* ---- title rows above the header ---- */

/* Line breaks in s[0..n) as the reader counts them: CR LF, CR, LF. */
static long count_breaks(const char *s, size_t n)
{
    long count = 0;
    for (size_t i = 0; i < n; i++)
        count += s[i] == '\r' || (s[i] == '\n' && (i == 0 || s[i - 1] != '\r'));
    return count;
}

/* The shape of one line (a record: quoted line breaks continue it) under
 * each candidate delimiter: tab, ';', ','. */
typedef struct line_shape {
    size_t count[3];    /* delimiters outside quotes */
    size_t nonempty[3]; /* fields that are not empty or blank */
} line_shape;

static const char candidates[3] = { '\t', ';', ',' };

/* Scans the record starting at t[i]; returns the offset after its line
 * break, or n if it does not end within t[0..n) (*complete = 0). */
static size_t scan_line(const char *t, size_t i, size_t n, line_shape *shape, int *complete)
{
    int quoted = 0, content[3] = { 0, 0, 0 };
    memset(shape, 0, sizeof *shape);
    *complete = 0;
    for (; i < n; i++) {
        char c = t[i];
        if (c == '"') {
            quoted = !quoted;
            content[0] = content[1] = content[2] = 1;
            continue;
        }
        if (quoted)
            continue;
        if (c == '\r' || c == '\n') {
            *complete = 1;
            i += c == '\r' && i + 1 < n && t[i + 1] == '\n';
            i++;
            break;
        }
        for (int k = 0; k < 3; k++) {
            if (c == candidates[k]) {
                shape->count[k]++;
                shape->nonempty[k] += content[k];
                content[k] = 0;
            } else if (c != ' ' && c != '\t') {
                content[k] = 1;
            }
        }
    }
    for (int k = 0; k < 3; k++)
        shape->nonempty[k] += content[k];
    return i;
}

/* The candidate the first-record rule would choose for this line (most
 * frequent; ties tab, ';', ','), or the given delimiter. */
static int line_delimiter(const line_shape *shape, char given)
{
    for (int k = 0; k < 3; k++)
        if (given == candidates[k])
            return k;
    if (given)
        return -1;
    if (shape->count[0] > 0 && shape->count[0] >= shape->count[1] &&
        shape->count[0] >= shape->count[2])
        return 0;
    if (shape->count[1] > 0 && shape->count[1] >= shape->count[2])
        return 1;
    return 2;
}

static int is_blank_line(const line_shape *shape)
{
    return shape->nonempty[0] == 0 && shape->nonempty[1] == 0 && shape->nonempty[2] == 0;
}

/* Whether the next non-blank line after t[i] holds more values (under
 * candidate k) than fields: then the line before it is a title that happens
 * to hold the delimiter ("Källa: SCB, 2023" above a ','-separated header). */
static int wider_follows(const char *t, size_t i, size_t n, int k, size_t fields)
{
    while (i < n) {
        line_shape next;
        int complete;
        size_t end = scan_line(t, i, n, &next, &complete);
        if (!is_blank_line(&next))
            return next.nonempty[k] > fields;
        if (!complete)
            break;
        i = end;
    }
    return 0;
}

/* Counts the line break at t[i] as the reader does (CR LF is one). */
static void pass_char(jarva__csv_reader *r)
{
    char c = r->text[r->pos++];
    if (c == '\r' || (c == '\n' && !r->after_cr))
        r->line++;
    r->after_cr = c == '\r';
}

/* Skips the lines above the header: to dialect.header_line, or to the first
 * of the first 20 non-blank lines with two values or more. */
static int find_header(jarva__csv_reader *r, jarva__error *err)
{
    long want = r->dialect.header_line;
    if (!r->dialect.has_header)
        return JARVA_OK;
    if (want == 0) {
        size_t i = r->pos, target = SIZE_MAX;
        long line = r->line, target_line = 0;
        for (int seen = 0; seen < 20 && i < r->text_len;) {
            line_shape shape;
            int complete;
            size_t end = scan_line(r->text, i, r->text_len, &shape, &complete);
            if (!is_blank_line(&shape)) {
                int k = line_delimiter(&shape, r->dialect.delimiter);
                if (k >= 0 && shape.nonempty[k] >= 2 &&
                    !wider_follows(r->text, end, r->text_len, k, shape.count[k] + 1)) {
                    target = i;
                    target_line = line;
                    break;
                }
                seen++;
            }
            if (!complete)
                break;
            line += count_breaks(r->text + i, end - i);
            i = end;
        }
        if (target == SIZE_MAX || target_line == r->line)
            return JARVA_OK;
        want = target_line;
    }
    while (r->line < want) {
        if (r->pos < r->text_len) {
            pass_char(r);
            continue;
        }
        if (r->text_error != JARVA__TEXT_OK || (r->eof && r->raw_used == r->raw_len))
            return jarva__csv_report(r, err, JARVA_EFORMAT, 0, 0,
                                     "the header was to be on line %ld, but the file has %ld "
                                     "lines",
                                     want, r->line);
        int rc = jarva__csv_read_chunk(r, err);
        if (rc < 0)
            return rc;
        jarva__csv_decode(r);
    }
    return JARVA_OK;
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

/* ---- the decimal mark ---- */

/* How the number s[0..n) votes (see csv_reader.h): ',', '.' or 0. */
static char decimal_vote(const char *s, size_t n)
{
    while (n > 0 && (*s == ' ' || *s == '+' || *s == '-'))
        s++, n--;
    while (n > 0 && s[n - 1] == ' ')
        n--;
    if (n < 3 || s[0] < '0' || s[0] > '9' || s[n - 1] < '0' || s[n - 1] > '9')
        return 0;
    size_t commas = 0, points = 0, last = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ',' || s[i] == '.') {
            commas += s[i] == ',';
            points += s[i] == '.';
            last = i;
        } else if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
    }
    if (commas + points == 0)
        return 0;
    if (commas && points) /* 1.234,5 or 1,234.5: the last mark */
        return (commas == 1 && s[last] == ',') || (points == 1 && s[last] == '.') ? s[last] : 0;
    if (commas + points > 1) /* 1.234.567: a thousands separator, or no number */
        return 0;
    size_t before = last, after = n - last - 1;
    /* Three digits after it may be thousands (1,234 = 1234), unless the part
     * before cannot start a grouped number: 0, or more than three digits. */
    if (after == 3 && before <= 3 && !(before == 1 && s[0] == '0'))
        return 0;
    return s[last];
}

/* The votes of the fields after the header in the text read so far. */
static char sniff_decimal(const jarva__csv_reader *r, char delimiter)
{
    const char *t = r->text;
    size_t n = r->text_len, i = r->pos;
    size_t votes_comma = 0, votes_point = 0;
    char field[64];
    size_t len = 0;
    int quoted = 0, too_long = 0, header = r->dialect.has_header;
    for (; i <= n; i++) {
        char c = i < n ? t[i] : '\n';
        if (c == '"') {
            quoted = !quoted;
            continue;
        }
        int end_of_field = !quoted && (c == delimiter || c == '\r' || c == '\n');
        if (!end_of_field) {
            if (len < sizeof field)
                field[len++] = c;
            else
                too_long = 1;
            continue;
        }
        if (!header && !too_long) {
            char vote = decimal_vote(field, len);
            votes_comma += vote == ',';
            votes_point += vote == '.';
        }
        len = 0;
        too_long = 0;
        if (c != delimiter)
            header = 0; /* the header's line ends */
        if (i == n)
            break;
    }
    if (votes_comma && !votes_point)
        return ',';
    if (votes_point && !votes_comma)
        return '.';
    return 0;
}

void jarva__csv_decimal_hint(const jarva__csv_reader *r, const char *text, char *out, size_t size)
{
    char decimal = r->dialect.decimal, other = decimal == ',' ? '.' : ',';
    double as_used, as_other;
    out[0] = '\0';
    if (!text || jarva__parse_double(text, other, &as_other) != 0)
        return;
    if (jarva__parse_double(text, decimal, &as_used) == 0 && as_used == as_other)
        return;
    const char *why = r->decimal_source == DECIMAL_GIVEN ? "as given"
                      : r->decimal_source == DECIMAL_DATA
                          ? "as the file's numbers showed"
                          : (decimal == ',' ? "as usual in a ';'-separated file"
                                            : "as usual in a file not separated by ';'");
    snprintf(out, size, " (read with the decimal mark '%c', %s; if it is '%c', give --decimal %c)",
             decimal, why, other, other);
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
    /* Excel writes a column once used far right as empty names at the end
     * ("a;b;c;;;"): not columns. */
    while (n > 1 && !r->fields[n - 1]) {
        r->trailing_delimiter++;
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
    rc = find_header(r, err);
    if (rc < 0)
        return rc;
    if (r->dialect.delimiter == 0)
        r->dialect.delimiter = sniff_delimiter(r);
    if (r->dialect.decimal != 0)
        r->decimal_source = DECIMAL_GIVEN;
    else if ((r->dialect.decimal = sniff_decimal(r, r->dialect.delimiter)) != 0)
        r->decimal_source = DECIMAL_DATA;
    else {
        r->decimal_source = DECIMAL_DELIMITER;
        r->dialect.decimal = r->dialect.delimiter == ';' ? ',' : '.';
    }
    if (csv_init(&r->parser, LIBCSV_OPTIONS) != 0)
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
    free(r->wanted);
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
            if (pass == 0 ? memcmp(field, want, len) == 0
                          : jarva__ascii_nocase_equal(field, want, len))
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
