/* csv_stream.c: the reading half of the CSV reader. The file is read in
 * 64 KiB chunks, hashed, converted to UTF-8 and fed to libcsv one line at a
 * time: libcsv reports fields and records but not positions, so feeding it a
 * line per call is what tells each record its line. A line without quotes
 * is split by csv_plain.c instead. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv_reader_internal.h"

/* ---- reading and decoding ---- */

/* Reads up to want bytes, fewer only at the end of the file: from the
 * descriptor's position, or for a second part (is_part) with pread() at the
 * part's position in the file. */
static ssize_t read_full(const jarva__csv_reader *r, unsigned char *out, size_t want)
{
    size_t got = 0;
    while (got < want) {
        ssize_t n = r->is_part ? pread(r->fd, out + got, want - got, (off_t)(r->bytes_read + got))
                               : read(r->fd, out + got, want - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        got += (size_t)n;
    }
    return (ssize_t)got;
}

/* Moves what is left undecoded to the front and reads the next chunk. */
int jarva__csv_read_chunk(jarva__csv_reader *r, jarva__error *err)
{
    size_t keep = r->raw_len - r->raw_used;
    memmove(r->raw, r->raw + r->raw_used, keep);
    r->raw_offset += r->raw_used;
    r->raw_len = keep;
    r->raw_used = 0;
    if (r->eof)
        return JARVA_OK;
    size_t want = CHUNK_SIZE;
    if (r->stop_at > r->bytes_read && r->stop_at - r->bytes_read < want)
        want = (size_t)(r->stop_at - r->bytes_read); /* not past the split */
    ssize_t n = read_full(r, r->raw + keep, want);
    if (n < 0) {
        char reason[128];
        if (strerror_r(errno, reason, sizeof reason) != 0)
            snprintf(reason, sizeof reason, "error %d", errno);
        return jarva__csv_report(r, err, JARVA_EIO, 0, 0, "read error: %s", reason);
    }
    if (!r->dialect.no_hash)
        jarva__sha256_update(&r->sha, r->raw + keep, (size_t)n);
    r->bytes_read += (uint64_t)n;
    r->raw_len += (size_t)n;
    if ((size_t)n < want)
        r->eof = 1;
    return JARVA_OK;
}

static void stop_text(jarva__csv_reader *r, jarva__text_error error, size_t raw_index,
                      unsigned value)
{
    r->text_error = error;
    r->error_offset = r->raw_offset + raw_index;
    r->bad_value = value;
}

/* Counts line breaks as the reader does: CR LF, CR and LF are one each. */
static long count_line_breaks(const char *s, size_t n)
{
    long count = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n')
            count += i == 0 || s[i - 1] != '\r';
        else if (s[i] == '\r')
            count++;
    }
    return count;
}

/* The first U+FEFF (EF BB BF) in s[0..n), or NULL. */
static const unsigned char *find_bom(const unsigned char *s, size_t n)
{
    const unsigned char *end = s + n, *p = s;
    while ((p = memchr(p, 0xEF, (size_t)(end - p))) != NULL) {
        if (end - p >= 3 && p[1] == 0xBB && p[2] == 0xBF)
            return p;
        p++;
    }
    return NULL;
}

static void decode_utf8(jarva__csv_reader *r)
{
    const unsigned char *in = r->raw + r->raw_used;
    size_t n = r->raw_len - r->raw_used, first_non_ascii;
    jarva__text_error error;
    size_t valid = jarva__utf8_check(in, n, &error, &first_non_ascii);
    if (r->ascii_so_far && r->is_part &&
        (first_non_ascii != SIZE_MAX || error == JARVA__TEXT_BAD_UTF8 || valid < n)) {
        /* A second part (csv_split.c) does not decide the encoding: the
         * first part, reading on, does, from where one pass would. */
        r->text = (const char *)in;
        r->text_len = 0;
        r->part_undecided = 1;
        stop_text(r, JARVA__TEXT_BAD_UTF8, r->raw_used, in[0]);
        return;
    }
    if (r->ascii_so_far) {
        /* The first read with a byte >= 0x80 decides (see csv_reader.h):
         * UTF-8 if it holds well-formed multi-byte sequences (ill-formed
         * ones too make a damaged or mixed file, an error rather than
         * UTF-8 silently read as Windows-1252), else Windows-1252. */
        size_t first;
        int incomplete_at_end = error == JARVA__TEXT_OK && valid < n && r->eof;
        if (error == JARVA__TEXT_BAD_UTF8 || incomplete_at_end) {
            if (jarva__utf8_count_multibyte(in, n, &first) == 0) {
                r->ascii_so_far = 0;
                r->dialect.encoding = JARVA__ENC_CP1252;
                r->decided_line = r->line + count_line_breaks((const char *)in, valid);
                r->decided_offset = r->raw_offset + r->raw_used + valid;
                r->decided_byte = valid < n ? in[valid] : 0;
                return; /* the caller converts it */
            }
            first_non_ascii = first;
        }
        if (first_non_ascii != SIZE_MAX) {
            r->ascii_so_far = 0;
            r->decided_line = r->line + count_line_breaks((const char *)in, first_non_ascii);
        }
    }
    /* A byte-order mark after the start: two files joined, or an export
     * appended to; as text it would end up inside a value (U+FEFF). */
    const unsigned char *bom = NULL;
    if (first_non_ascii < valid)
        bom = find_bom(in + first_non_ascii, valid - first_non_ascii);
    r->text = (const char *)in;
    if (bom) {
        r->text_len = (size_t)(bom - in);
        r->raw_used += r->text_len;
        stop_text(r, JARVA__TEXT_BOM, r->raw_used, 0xFEFF);
        return;
    }
    r->text_len = valid;
    r->raw_used += valid;
    if (error != JARVA__TEXT_OK)
        stop_text(r, error, r->raw_used, in[valid]);
    else if (r->eof && valid < n) {
        stop_text(r, JARVA__TEXT_BAD_UTF8, r->raw_used, in[valid]);
        r->error_at_end = 1;
    }
}

static void decode_cp1252(jarva__csv_reader *r)
{
    const unsigned char *in = r->raw + r->raw_used;
    size_t n = r->raw_len - r->raw_used, consumed, mixed = SIZE_MAX;
    jarva__text_error error;
    /* Taken for Windows-1252 because an earlier byte was not UTF-8: well-
     * formed UTF-8 further on ("Ã¥" for "å") means a file of two encodings,
     * which no single decoding reads right. Rare in real Windows-1252 text
     * (a capital letter followed by a symbol such as "–" or "°"): given
     * explicitly, the encoding is not second-guessed. */
    if (r->encoding_source == SOURCE_SNIFFED && jarva__utf8_count_multibyte(in, n, &mixed) > 0)
        n = mixed;
    r->text = r->decoded;
    r->text_len = jarva__cp1252_to_utf8(in, n, r->decoded, &consumed, &error);
    r->raw_used += consumed;
    if (error != JARVA__TEXT_OK)
        stop_text(r, error, r->raw_used, in[consumed]);
    else if (mixed != SIZE_MAX)
        stop_text(r, JARVA__TEXT_MIXED, r->raw_used, in[consumed]);
}

static void decode_utf16(jarva__csv_reader *r)
{
    const unsigned char *in = r->raw + r->raw_used;
    size_t n = r->raw_len - r->raw_used, consumed;
    jarva__text_error error;
    unsigned unit;
    int big_endian = r->dialect.encoding == JARVA__ENC_UTF16BE;
    r->text = r->decoded;
    r->text_len = jarva__utf16_to_utf8(in, n, big_endian, r->decoded, &consumed, &error, &unit);
    r->raw_used += consumed;
    const unsigned char *bom = find_bom((const unsigned char *)r->decoded, r->text_len);
    if (bom) { /* U+FEFF after the start, as in decode_utf8 */
        r->text_len = (size_t)((const char *)bom - r->decoded);
        stop_text(r, JARVA__TEXT_BOM, r->raw_used, 0xFEFF);
    } else if (error != JARVA__TEXT_OK) {
        stop_text(r, error, r->raw_used, unit);
    } else if (r->eof && consumed < n) {
        r->error_at_end = 1;
        if ((n - consumed) % 2)
            stop_text(r, JARVA__TEXT_ODD_LENGTH, r->raw_used, 0);
        else /* a high surrogate is the last code unit */
            stop_text(r, JARVA__TEXT_LONE_SURROGATE, r->raw_used,
                      big_endian ? (unsigned)in[consumed] << 8 | in[consumed + 1]
                                 : (unsigned)in[consumed + 1] << 8 | in[consumed]);
    }
}

/* Turns raw[raw_used..raw_len) into text; at the end of the file it takes
 * every byte or stops with an error. */
void jarva__csv_decode(jarva__csv_reader *r)
{
    r->pos = 0;
    r->next_lf = r->next_cr = -1;
    r->text_len = 0;
    if (r->dialect.encoding == JARVA__ENC_UTF8)
        decode_utf8(r);
    if (r->dialect.encoding == JARVA__ENC_CP1252)
        decode_cp1252(r);
    else if (r->dialect.encoding == JARVA__ENC_UTF16LE || r->dialect.encoding == JARVA__ENC_UTF16BE)
        decode_utf16(r);
}

static int encoding_error(jarva__csv_reader *r, jarva__error *err)
{
    size_t column = r->nfields + 1;
    unsigned long long offset = (unsigned long long)r->error_offset;
    const char *hint = "";
    if (r->part_undecided)
        return jarva__csv_report(r, err, JARVA_EFORMAT, r->line, 0,
                                 "non-ASCII text after the split point before the encoding is "
                                 "decided: the first part reads it");
    switch (r->text_error) {
    case JARVA__TEXT_NUL:
        if (r->dialect.encoding == JARVA__ENC_UTF16LE || r->dialect.encoding == JARVA__ENC_UTF16BE)
            return jarva__csv_report(r, err, JARVA_EFORMAT, r->line, column,
                                     "NUL character (U+0000) at byte offset %llu", offset);
        return jarva__csv_report(
            r, err, JARVA_EFORMAT, r->line, column,
            "NUL byte at byte offset %llu (a UTF-16 file without byte-order mark? "
            "then give its encoding, e.g. --encoding utf-16le)",
            offset);
    case JARVA__TEXT_BAD_UTF8:
        if (r->encoding_source == SOURCE_SNIFFED) {
            return jarva__csv_report(
                r, err, JARVA_EFORMAT, r->line, column,
                "invalid UTF-8 (byte 0x%02X at byte offset %llu); the file was read as "
                "UTF-8 because it holds UTF-8 text (line %ld); if it is Windows-1252, "
                "give its encoding: --encoding cp1252",
                r->bad_value, offset, r->decided_line);
        }
        hint = r->encoding_source == SOURCE_BOM ? " in a file with a UTF-8 byte-order mark"
                                                : " (the encoding was given as UTF-8)";
        if (r->error_at_end)
            return jarva__csv_report(
                r, err, JARVA_EFORMAT, r->line, column,
                "invalid UTF-8: the file ends inside a character (byte 0x%02X at byte "
                "offset %llu)%s",
                r->bad_value, offset, hint);
        return jarva__csv_report(r, err, JARVA_EFORMAT, r->line, column,
                                 "invalid UTF-8 (byte 0x%02X at byte offset %llu)%s", r->bad_value,
                                 offset, hint);
    case JARVA__TEXT_CP1252_UNDEFINED:
        if (r->encoding_source == SOURCE_SNIFFED)
            hint = "; the file was read as Windows-1252 because it is not valid UTF-8";
        return jarva__csv_report(
            r, err, JARVA_EFORMAT, r->line, column,
            "byte 0x%02X (byte offset %llu) is not a character in Windows-1252%s", r->bad_value,
            offset, hint);
    case JARVA__TEXT_LONE_SURROGATE:
        return jarva__csv_report(r, err, JARVA_EFORMAT, r->line, column,
                                 "invalid UTF-16: unpaired surrogate 0x%04X at byte offset %llu%s",
                                 r->bad_value, offset,
                                 r->error_at_end ? " (the end of the file)" : "");
    case JARVA__TEXT_ODD_LENGTH:
        return jarva__csv_report(r, err, JARVA_EFORMAT, r->line, column,
                                 "invalid UTF-16: the file has an odd number of bytes (%llu)",
                                 (unsigned long long)r->file_size
                                     ? (unsigned long long)r->file_size
                                     : (unsigned long long)r->bytes_read);
    case JARVA__TEXT_BOM:
        return jarva__csv_report(
            r, err, JARVA_EFORMAT, r->line, column,
            "a byte-order mark (U+FEFF) in the middle of the file: two exports joined into one? "
            "Remove it (it would become part of a value)");
    case JARVA__TEXT_MIXED:
        return jarva__csv_report(
            r, err, JARVA_EFORMAT, r->line, column,
            "UTF-8 text (byte 0x%02X at byte offset %llu) in a file read as Windows-1252 since "
            "line %ld (byte 0x%02X at byte offset %llu is not UTF-8): the file mixes two "
            "encodings; save it again in one, or give --encoding cp1252 if it is all "
            "Windows-1252",
            r->bad_value, offset, r->decided_line, r->decided_byte,
            (unsigned long long)r->decided_offset);
    case JARVA__TEXT_OK: break;
    }
    return jarva__csv_report(r, err, JARVA_ERROR, r->line, column, "decoding failed");
}

/* ---- libcsv callbacks: the record being built ---- */

int jarva__csv_grow_fields(jarva__csv_reader *r)
{
    size_t cap = r->fields_cap ? 2 * r->fields_cap : 32;
    size_t *lengths = realloc(r->lengths, cap * sizeof *lengths);
    if (lengths)
        r->lengths = lengths;
    const char **fields = realloc(r->fields, cap * sizeof *fields);
    if (fields)
        r->fields = fields;
    if (!lengths || !fields)
        return -1;
    r->fields_cap = cap;
    return 0;
}

static int grow_buf(jarva__csv_reader *r, size_t need)
{
    size_t cap = r->buf_cap ? r->buf_cap : 4096;
    while (cap - r->buf_len < need) {
        if (cap > SIZE_MAX / 2)
            return -1;
        cap *= 2;
    }
    /* Not realloc: the fields already stored point into the old buffer, and
     * are moved while it is still valid. */
    char *buf = malloc(cap);
    if (!buf)
        return -1;
    if (r->buf_len > 0)
        memcpy(buf, r->buf, r->buf_len);
    for (size_t i = 0; i < r->nfields; i++)
        if (r->fields[i])
            r->fields[i] = buf + (r->fields[i] - r->buf);
    free(r->buf);
    r->buf = buf;
    r->buf_cap = cap;
    return 0;
}

/* Copies a field and its NUL. libcsv has just written the field a byte at a
 * time, and a wide load of bytes just stored stalls (no store-to-load
 * forwarding), as does a memcpy call: the short fields that fill most CSV
 * files are copied byte by byte, which runs about twice as fast. */
static void copy_field(char *to, const char *from, size_t len)
{
    switch (len) {
    case 7: to[6] = from[6]; /* fall through */
    case 6: to[5] = from[5]; /* fall through */
    case 5: to[4] = from[4]; /* fall through */
    case 4: to[3] = from[3]; /* fall through */
    case 3: to[2] = from[2]; /* fall through */
    case 2: to[1] = from[1]; /* fall through */
    case 1: to[0] = from[0]; /* fall through */
    case 0: to[len] = '\0'; break;
    default: memcpy(to, from, len + 1); /* CSV_APPEND_NULL: from[len] is NUL */
    }
}

/* Room for one more field of len bytes; 0, or -1 out of memory. Kept out of
 * line so that on_field, called for every field, stays small. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
int
jarva__csv_make_room(jarva__csv_reader *r, size_t len)
{
    if (r->callback_failed)
        return -1;
    if ((r->nfields == r->fields_cap && jarva__csv_grow_fields(r) != 0) ||
        (r->buf_cap - r->buf_len <= len && grow_buf(r, len + 1) != 0)) {
        r->callback_failed = 1;
        return -1;
    }
    return 0;
}

/* Called for every field: the hot path of the reader. */
static void on_field(void *data, size_t len, void *ctx)
{
    jarva__csv_reader *r = ctx;
    if (len > r->dialect.max_field && !r->too_long) {
        r->too_long = r->nfields + 1;
        data = NULL; /* not copied: the record is an error anyway */
    }
    if ((r->nfields == r->fields_cap || r->buf_cap - r->buf_len <= len) &&
        jarva__csv_make_room(r, len) != 0)
        return;
    size_t i = r->nfields;
    if (data) {
        char *to = r->buf + r->buf_len;
        copy_field(to, data, len);
        r->fields[i] = to;
        r->present++;
        r->buf_len += len + 1;
    } else {
        r->fields[i] = NULL;
    }
    r->lengths[i] = len;
    r->nfields = i + 1;
}

static void on_record(int terminator, void *ctx)
{
    (void)terminator;
    jarva__csv_end_record(ctx);
}

/* ---- feeding libcsv ---- */

/* Offset of the next CR or LF at or after pos, or text_len. memchr finds
 * each kind fast; the offsets are kept until pos passes them. */
static size_t find_line_end(jarva__csv_reader *r)
{
    ptrdiff_t pos = (ptrdiff_t)r->pos;
    size_t rest = r->text_len - r->pos;
    if (r->next_lf < pos) {
        const char *p = memchr(r->text + r->pos, '\n', rest);
        r->next_lf = p ? p - r->text : (ptrdiff_t)r->text_len;
    }
    if (r->next_cr < pos) {
        const char *p = memchr(r->text + r->pos, '\r', rest);
        r->next_cr = p ? p - r->text : (ptrdiff_t)r->text_len;
    }
    return (size_t)(r->next_lf < r->next_cr ? r->next_lf : r->next_cr);
}

/* The quoted field open at the end of a piece, and the line it began on. */
static void track_quote(jarva__csv_reader *r)
{
    int open = r->parser.quoted && r->parser.pstate >= LIBCSV_FIELD_BEGUN;
    if (!open) {
        r->quote_open = 0;
        return;
    }
    if (r->quote_open && r->quote_record == r->records && r->quote_field == r->nfields)
        return; /* still the same field */
    r->quote_open = 1;
    r->quote_record = r->records;
    r->quote_field = r->nfields;
    r->quote_line = r->piece_line;
}

static long open_quote_line(const jarva__csv_reader *r)
{
    if (r->quote_open && r->quote_record == r->records && r->quote_field == r->nfields)
        return r->quote_line;
    return r->piece_line;
}

static int parse_error(jarva__csv_reader *r, jarva__error *err)
{
    size_t column = r->nfields + 1;
    int status = csv_error(&r->parser);
    if (status != CSV_EPARSE)
        return jarva__csv_report(r, err, JARVA_ENOMEM, r->piece_line, column, "%s",
                                 csv_strerror(status));
    if (!r->parser.quoted)
        return jarva__csv_report(
            r, err, JARVA_EFORMAT, r->piece_line, column,
            "a quote inside an unquoted field (quote the whole field and double "
            "the quote: \"a \"\"b\"\" c\")");
    long start = open_quote_line(r);
    if (start < r->piece_line)
        return jarva__csv_report(
            r, err, JARVA_EFORMAT, start, column,
            "the quoted field that starts here ends at line %ld and is followed by "
            "text; a quote inside a quoted field must be doubled",
            r->piece_line);
    return jarva__csv_report(
        r, err, JARVA_EFORMAT, start, column,
        "text after the closing quote of a quoted field; a quote inside a quoted "
        "field must be doubled");
}

/* A field longer than max_field: finished (too_long), or still growing in
 * libcsv's buffer (a quoted field that may run to the end of the file). */
static int field_too_long(jarva__csv_reader *r, jarva__error *err)
{
    size_t column = r->too_long ? r->too_long : r->nfields + 1;
    long line = r->too_long ? jarva__csv_record_field_line(r, r->too_long - 1) : open_quote_line(r);
    unsigned long long limit = (unsigned long long)r->dialect.max_field;
    if (!r->too_long && r->parser.quoted)
        return jarva__csv_report(r, err, JARVA_EFORMAT, line, column,
                                 "the quoted field that starts here is longer than %llu bytes, "
                                 "the longest a value may be: is its closing quote missing?",
                                 limit);
    return jarva__csv_report(r, err, JARVA_EFORMAT, line, column,
                             "a value longer than %llu bytes, the longest a value may be", limit);
}

/* Feeds libcsv the text up to and including the next line break. */
static int feed_piece(jarva__csv_reader *r, jarva__error *err)
{
    const char *s = r->text + r->pos;
    size_t end = find_line_end(r);
    int broken = end < r->text_len;
    size_t len = r->text_len - r->pos;
    if (broken) {
        len = end - r->pos + 1;
        if (r->text[end] == '\r' && end + 1 < r->text_len && r->text[end + 1] == '\n')
            len++;
    }
    if (r->parser.pstate == LIBCSV_ROW_NOT_BEGUN)
        r->row_line = r->line;
    r->piece_line = r->line;
    /* libcsv grows its field buffer by blk_size a time: keep that no smaller
     * than the buffer, so that a huge field costs O(n), not O(n^2). */
    size_t entry = csv_get_buffer_size(&r->parser);
    if (entry > r->parser.blk_size)
        csv_set_blk_size(&r->parser, entry);
    size_t done;
    if (broken && r->parser.pstate == LIBCSV_ROW_NOT_BEGUN && !memchr(s, '"', end - r->pos)) {
        jarva__csv_split_plain(r, s, end - r->pos);
        done = len;
    } else {
        done = csv_parse(&r->parser, s, len, on_field, on_record, r);
    }
    if (r->callback_failed)
        return jarva__csv_report(r, err, JARVA_ENOMEM, 0, 0, "out of memory");
    if (done < len)
        return parse_error(r, err);
    if (r->too_long || r->parser.entry_pos > r->dialect.max_field) {
        track_quote(r);
        return field_too_long(r, err);
    }
    r->pos += len;
    if (broken) {
        char last = s[len - 1];
        if (!(len == 1 && last == '\n' && r->after_cr))
            r->line++;
        r->after_cr = last == '\r';
    } else {
        r->after_cr = 0;
    }
    track_quote(r);
    return JARVA_OK;
}

/* At the end of the file: an open quoted field is an error, else libcsv
 * delivers a last record that has no line break. */
static int finish(jarva__csv_reader *r, jarva__error *err)
{
    r->finished = 1;
    if (r->parser.quoted && r->parser.pstate == LIBCSV_FIELD_BEGUN)
        return jarva__csv_report(
            r, err, JARVA_EFORMAT, open_quote_line(r), r->nfields + 1,
            "unterminated quote: the quoted field that starts here runs to the end "
            "of the file");
    r->piece_line = r->line;
    if (csv_fini(&r->parser, on_field, on_record, r) != 0)
        return jarva__csv_report(r, err, JARVA_EFORMAT, open_quote_line(r), r->nfields + 1,
                                 "unterminated quote");
    if (r->callback_failed)
        return jarva__csv_report(r, err, JARVA_ENOMEM, 0, 0, "out of memory");
    if (r->too_long)
        return field_too_long(r, err);
    return JARVA_OK;
}

/* The next record from libcsv, not yet checked: 1, 0 at the end, or < 0. */
static int read_record(jarva__csv_reader *r, jarva__error *err)
{
    r->nfields = 0;
    r->present = 0;
    r->buf_len = 0;
    r->record_done = 0;
    r->too_long = 0;
    for (;;) {
        int rc;
        if (r->pos < r->text_len) {
            rc = feed_piece(r, err);
        } else if (r->text_error != JARVA__TEXT_OK) {
            return encoding_error(r, err);
        } else if (r->eof && r->raw_used == r->raw_len) {
            if (r->finished)
                return 0;
            rc = finish(r, err);
        } else if (r->stop_at && r->bytes_read >= r->stop_at && jarva__csv_at_stop(r)) {
            return 0; /* the first part ends here (csv_split.c) */
        } else {
            rc = jarva__csv_read_chunk(r, err);
            if (rc == JARVA_OK)
                jarva__csv_decode(r);
        }
        if (rc < 0)
            return rc;
        if (r->record_done)
            return 1;
    }
}

/* The next record that is not blank. */
int jarva__csv_next_record(jarva__csv_reader *r, jarva__error *err)
{
    int rc;
    while ((rc = read_record(r, err)) == 1 && r->present == 0)
        ;
    return rc;
}

/* The line where field index of the record just read starts: each field
 * starts where the one before ended, and only quoted fields hold breaks. */
long jarva__csv_record_field_line(const jarva__csv_reader *r, size_t index)
{
    long line = r->row_line;
    for (size_t i = 0; i < index && i < r->nfields; i++)
        if (r->fields[i])
            line += count_line_breaks(r->fields[i], r->lengths[i]);
    return line;
}

/* The record's shape against the header (or the first record). Empty
 * fields after the last column are dropped: Excel writes them for a column
 * once used far to the right, or the header's trailing empty names. */
static int check_shape(jarva__csv_reader *r, size_t *nfields, jarva__error *err)
{
    size_t n = r->nfields;
    const char *as_in = r->have_header ? "as in the header" : "as in the first record";
    if (r->expected == 0)
        r->expected = n;
    if (n > r->expected) {
        size_t first_value = r->expected;
        while (first_value < n && !r->fields[first_value])
            first_value++;
        if (first_value == n)
            n = r->expected; /* only empty fields beyond the last column */
        else if (first_value < r->expected + r->trailing_delimiter)
            return jarva__csv_report(
                r, err, JARVA_EFORMAT, jarva__csv_record_field_line(r, first_value),
                first_value + 1,
                "a value in a column without a name (the header's column %zu is empty)",
                first_value + 1);
        else
            return jarva__csv_report(r, err, JARVA_EFORMAT,
                                     jarva__csv_record_field_line(r, first_value), first_value + 1,
                                     "ragged row: expected %zu fields (%s), got %zu", r->expected,
                                     as_in, n);
    }
    if (n < r->expected)
        return jarva__csv_report(r, err, JARVA_EFORMAT, r->row_line, n + 1,
                                 "ragged row: expected %zu fields (%s), got %zu", r->expected,
                                 as_in, n);
    *nfields = n;
    return JARVA_OK;
}

int jarva__csv_next(jarva__csv_reader *r, jarva__csv_row *row, jarva__error *err)
{
    if (r->failed)
        return jarva__seterr(err, r->failed, "%s",
                             r->failed_message ? r->failed_message : "earlier error");
    size_t n = 0;
    int rc = jarva__csv_next_record(r, err);
    if (rc == 1 && check_shape(r, &n, err) < 0)
        rc = err->code;
    if (rc < 0) {
        r->failed = rc;
        free(r->failed_message);
        r->failed_message = jarva__strdup(err->message);
        return rc;
    }
    if (rc == 0)
        return 0;
    row->nfields = n;
    row->fields = r->fields;
    row->lengths = r->lengths;
    row->line = r->row_line;
    return 1;
}
