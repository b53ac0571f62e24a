/* csv_split.c: reading one file in two parts on two threads, as parallel
 * CSV readers do (DuckDB's among them): the second part starts after the
 * first line feed past a point, and is only the file's second half if the
 * first part, read as always, ends a record exactly there outside quotes.
 * A quoted line break can put that line feed inside a field: then the first
 * part's reader reads on over the whole file and the second part's records
 * are not to be used. See csv_reader.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv_reader_internal.h"

/* The furthest past the hint a line feed is looked for: lines are far
 * shorter; a file without one for 1 MiB is read in one part. */
#define SPLIT_SEARCH (1024 * 1024)

int jarva__csv_split_point(const jarva__csv_reader *r, uint64_t hint, uint64_t *offset)
{
    /* In UTF-8 and Windows-1252 a byte 0x0A is a line feed and nothing else;
     * a UTF-16 line break is two bytes in either order: not split. A hashed
     * file must be read in one stream. */
    if (r->dialect.encoding != JARVA__ENC_UTF8 && r->dialect.encoding != JARVA__ENC_CP1252)
        return -1;
    if (!r->dialect.no_hash || r->is_part || r->stop_at || r->finished || r->failed || r->eof ||
        hint < r->bytes_read || hint >= r->file_size)
        return -1;
    char buf[8192];
    for (uint64_t at = hint; at < r->file_size && at - hint < SPLIT_SEARCH;) {
        ssize_t n = pread(r->fd, buf, sizeof buf, (off_t)at);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        const char *lf = memchr(buf, '\n', (size_t)n);
        if (lf) {
            *offset = at + (uint64_t)(lf - buf) + 1;
            return *offset < r->file_size ? 0 : -1;
        }
        at += (uint64_t)n;
    }
    return -1;
}

void jarva__csv_stop_at(jarva__csv_reader *r, uint64_t offset)
{
    r->stop_at = offset;
    r->stopped = r->split_lost = 0;
}

int jarva__csv_at_stop(jarva__csv_reader *r)
{
    /* Everything before stop_at is decoded and parsed (the caller saw to
     * it), no record or quoted field is open, and the last byte was the line
     * feed before stop_at: the state a reader starting there begins in. */
    if (r->parser.pstate == LIBCSV_ROW_NOT_BEGUN && r->nfields == 0 && r->raw_used == r->raw_len &&
        r->bytes_read == r->stop_at && !r->after_cr) {
        r->stopped = 1;
        return 1;
    }
    r->stop_at = 0;
    r->split_lost = 1;
    return 0;
}

int jarva__csv_stopped(const jarva__csv_reader *r)
{
    return r->stopped;
}

int jarva__csv_split_lost(const jarva__csv_reader *r)
{
    return r->split_lost;
}

void jarva__csv_resume(jarva__csv_reader *r)
{
    r->stop_at = 0;
    r->stopped = 0;
}

long jarva__csv_line(const jarva__csv_reader *r)
{
    return r->line;
}

int jarva__csv_still_ascii(const jarva__csv_reader *r)
{
    return r->ascii_so_far;
}

/* The header's names copied into one buffer of the part's own. */
static int copy_header(jarva__csv_reader *p, const jarva__csv_reader *r)
{
    size_t n = r->header.nfields, bytes = 1;
    for (size_t i = 0; i < n; i++)
        bytes += r->header.fields[i] ? r->header.lengths[i] + 1 : 0;
    p->header_buf = malloc(bytes);
    p->header_fields = malloc((n ? n : 1) * sizeof *p->header_fields);
    p->header_lengths = malloc((n ? n : 1) * sizeof *p->header_lengths);
    if (!p->header_buf || !p->header_fields || !p->header_lengths)
        return -1;
    char *to = p->header_buf;
    for (size_t i = 0; i < n; i++) {
        p->header_lengths[i] = r->header.lengths[i];
        p->header_fields[i] = NULL;
        if (r->header.fields[i]) {
            memcpy(to, r->header.fields[i], r->header.lengths[i] + 1);
            p->header_fields[i] = to;
            to += r->header.lengths[i] + 1;
        }
    }
    p->header = r->header;
    p->header.fields = p->header_fields;
    p->header.lengths = p->header_lengths;
    return 0;
}

/* The state the first reader has decided at its start and the part reads
 * by: dialect, encoding (and how it was settled, for messages), header,
 * selected columns. The rest (buffers, line 1, a fresh parser) is new. */
static int copy_decided(jarva__csv_reader *p, const jarva__csv_reader *r)
{
    p->dialect = r->dialect;
    p->ascii_so_far = r->ascii_so_far;
    p->encoding_source = r->encoding_source;
    p->decimal_source = r->decimal_source;
    p->decided_line = r->decided_line;
    p->decided_offset = r->decided_offset;
    p->decided_byte = r->decided_byte;
    p->input = r->input;
    p->file_size = r->file_size;
    p->have_header = r->have_header;
    p->expected = r->expected;
    p->trailing_delimiter = r->trailing_delimiter;
    if (r->have_header && copy_header(p, r) != 0)
        return -1;
    if (r->wanted) {
        p->wanted = malloc(r->nwanted ? r->nwanted : 1);
        if (!p->wanted)
            return -1;
        memcpy(p->wanted, r->wanted, r->nwanted);
        p->nwanted = r->nwanted;
    }
    return 0;
}

/* The part's own descriptor of the first's file: the same file (device and
 * inode as the first's fstat said), or -1 (replaced meanwhile, gone, not
 * readable: then the file is read in one part). */
static int reopen(jarva__csv_reader *p, const jarva__csv_reader *first)
{
    int fd = open(first->path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    struct stat st;
    if (fd < 0)
        return -1;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (uint64_t)st.st_dev != first->input.dev ||
        (uint64_t)st.st_ino != first->input.ino) {
        close(fd);
        return -1;
    }
    p->fd = fd;
    return 0;
}

int jarva__csv_open_part(jarva__csv_reader **out, const jarva__csv_reader *first, uint64_t offset,
                         jarva__error *err)
{
    *out = NULL;
    jarva__csv_reader *p = calloc(1, sizeof *p);
    if (!p)
        return jarva__seterr(err, JARVA_ENOMEM, "out of memory");
    p->fd = -1;
    p->is_part = 1;
    p->path = jarva__strdup(first->path);
    p->raw = malloc(CHUNK_SIZE + CARRY_MAX);
    p->decoded = malloc(3 * (CHUNK_SIZE + CARRY_MAX));
    p->line = 1;
    p->next_lf = p->next_cr = -1;
    /* Byte offsets in messages are the file's. */
    p->raw_offset = p->bytes_read = offset;
    int ok = p->path && p->raw && p->decoded && copy_decided(p, first) == 0 &&
             csv_init(&p->parser, LIBCSV_OPTIONS) == 0;
    if (!ok) {
        jarva__csv_close(p);
        return jarva__seterr(err, JARVA_ENOMEM, "out of memory");
    }
    p->parser_ready = 1;
    if (reopen(p, first) != 0) {
        jarva__csv_close(p);
        return jarva__seterr(err, JARVA_EIO, "%s: cannot open it again for its second part",
                             first->path);
    }
    csv_set_delim(&p->parser, (unsigned char)p->dialect.delimiter);
    csv_set_blk_size(&p->parser, CHUNK_SIZE);
    *out = p;
    return JARVA_OK;
}
