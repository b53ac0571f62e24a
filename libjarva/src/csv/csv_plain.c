/* csv_plain.c: the CSV reader's fast path, for a line with no quote in it
 * (most lines of a large export): split in place instead of through libcsv,
 * every field, or only the columns the caller asked for (jarva__csv_select).
 * csv_stream.c decides which lines come here. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv_reader_internal.h"

static int is_blank_char(char c, char delimiter)
{
    return (c == ' ' || c == '\t') && c != delimiter;
}

/* The delimiters among the 8 bytes at p: bit 8k+7 set for each byte k that
 * is one (little-endian order: byte k is the k-th from p). Exact, with no
 * false positive for a byte above a match ("Bit Twiddling Hacks", S. E.
 * Anderson: determine if a word has a zero byte, the exact variant, applied
 * to the word XOR the delimiter in every byte). */
static uint64_t delimiter_bits(const char *p, char delimiter)
{
    uint64_t word;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(&word, p, sizeof word);
#else
    word = 0;
    for (int k = 7; k >= 0; k--)
        word = word << 8 | (unsigned char)p[k];
#endif
    const uint64_t low7 = UINT64_C(0x7F7F7F7F7F7F7F7F);
    uint64_t x = word ^ (UINT64_C(0x0101010101010101) * (unsigned char)delimiter);
    return ~(((x & low7) + low7) | x | low7);
}

/* The delimiters of the word at line + word, none past the sentinel at n. */
static uint64_t word_bits(const char *line, size_t word, size_t n, char delimiter)
{
    uint64_t bits = delimiter_bits(line + word, delimiter);
    if (n + 1 - word < 8) /* bytes past the sentinel are not the line's */
        bits &= (UINT64_C(1) << (8 * (n + 1 - word))) - 1;
    return bits;
}

/* Index (0-7) of the lowest byte flagged in bits (not 0). */
static unsigned lowest_byte(uint64_t bits)
{
#if defined(__GNUC__)
    return (unsigned)__builtin_ctzll(bits) >> 3;
#else
    unsigned k = 0;
    while (!(bits & 0x80))
        bits >>= 8, k++;
    return k;
#endif
}

/* The number of bytes flagged in bits (bit 7 of a byte only): the flags
 * moved to bit 0 of each byte and summed into the top byte by one
 * multiplication (at most 8, no carry between bytes). */
static unsigned count_bytes(uint64_t bits)
{
    return (unsigned)(((bits >> 7) * UINT64_C(0x0101010101010101)) >> 56);
}

void jarva__csv_end_record(jarva__csv_reader *r)
{
    r->record_done = 1;
    r->records++;
}

/* The line copied to the record's buffer, with a delimiter after it (so the
 * last field ends like the others) and 8 bytes that the last word read may
 * cover; NULL out of memory. */
static char *copy_line(jarva__csv_reader *r, const char *s, size_t n)
{
    if (r->buf_cap - r->buf_len <= n + 8 && jarva__csv_make_room(r, n + 8) != 0)
        return NULL;
    char *line = r->buf + r->buf_len;
    memcpy(line, s, n);
    line[n] = r->dialect.delimiter;
    r->buf_len += n + 1;
    return line;
}

/* Every field of the line, as libcsv 3.0.3 reads it with this reader's
 * options (csv_parse in libcsv.c): fields end at the delimiter; spaces and
 * tabs (unless the delimiter) around a field are dropped; an empty field is
 * missing. Copying the line once and cutting it in place costs a fraction of
 * libcsv's byte-at-a-time state machine and its call for every field. The
 * delimiters are found 8 bytes at a time (delimiter_bits): a loop over bytes
 * mispredicts a branch at nearly every field end of a file of one- and
 * two-character codes. start: the first byte that is not blank. */
static void split_all(jarva__csv_reader *r, const char *s, size_t n, size_t start)
{
    char delimiter = r->dialect.delimiter;
    char *line = copy_line(r, s, n);
    if (!line)
        return;
    size_t nfields = r->nfields, present = r->present, max_field = r->dialect.max_field;
    const char **fields = r->fields;
    size_t *lengths = r->lengths;
    for (size_t word = 0;; word += 8) {
        for (uint64_t bits = word_bits(line, word, n, delimiter); bits; bits &= bits - 1) {
            /* start <= end: blanks skipped are never delimiters */
            size_t end = word + lowest_byte(bits), at = end;
            while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t'))
                end--;
            if (nfields == r->fields_cap) {
                if (jarva__csv_grow_fields(r) != 0) {
                    r->callback_failed = 1;
                    return;
                }
                fields = r->fields;
                lengths = r->lengths;
            }
            if (end - start > max_field && !r->too_long)
                r->too_long = nfields + 1;
            if (end > start) {
                line[end] = '\0'; /* the delimiter or a space, already passed */
                fields[nfields] = line + start;
                present++;
            } else {
                fields[nfields] = NULL;
            }
            lengths[nfields++] = end - start;
            if (at == n) {
                r->nfields = nfields;
                r->present = present;
                jarva__csv_end_record(r);
                return;
            }
            start = at + 1;
            while (start < n && is_blank_char(line[start], delimiter))
                start++;
        }
    }
}

/* Only the selected columns (jarva__csv_select), the others counted and
 * left missing: 1 done, 0 declined (nothing changed) where the whole split
 * must decide what the record is: before the number of fields is known, when
 * this line has another number (a ragged row, or empty fields after the
 * last column: check_shape reads them), when no field holds a value (a
 * blank record), or a line long enough to hold a field over max_field. */
static int split_selected(jarva__csv_reader *r, const char *s, size_t n, size_t start)
{
    size_t expected = r->expected, nfields = r->nfields, present = r->present;
    if (expected == 0 || nfields != 0 || n > r->dialect.max_field)
        return 0;
    while (r->fields_cap < expected)
        if (jarva__csv_grow_fields(r) != 0)
            return 0; /* the whole split says so */
    char delimiter = r->dialect.delimiter;
    size_t buf_len = r->buf_len;
    char *line = copy_line(r, s, n);
    if (!line)
        return 0;
    const char **fields = r->fields;
    size_t *lengths = r->lengths;
    const unsigned char *wanted = r->wanted;
    size_t nwanted = r->nwanted;
    for (size_t word = 0;; word += 8) {
        for (uint64_t bits = word_bits(line, word, n, delimiter); bits; bits &= bits - 1) {
            size_t end = word + lowest_byte(bits), at = end;
            if (nfields == expected)
                goto decline;
            if (nfields < nwanted && wanted[nfields]) {
                while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t'))
                    end--;
                if (end > start) {
                    line[end] = '\0';
                    fields[nfields] = line + start;
                    present++;
                } else {
                    fields[nfields] = NULL;
                }
                lengths[nfields] = end - start;
            } else {
                present += start < end; /* a byte that is neither blank nor delimiter */
                fields[nfields] = NULL;
                lengths[nfields] = 0;
            }
            nfields++;
            if (at == n)
                goto done;
            if (nfields >= nwanted && present) {
                /* The rest are not wanted: only their number matters. */
                size_t rest = count_bytes(bits & (bits - 1));
                for (size_t w = word + 8; w <= n; w += 8)
                    rest += count_bytes(word_bits(line, w, n, delimiter));
                if (nfields + rest != expected)
                    goto decline;
                for (; nfields < expected; nfields++) {
                    fields[nfields] = NULL;
                    lengths[nfields] = 0;
                }
                goto done;
            }
            start = at + 1;
            while (start < n && is_blank_char(line[start], delimiter))
                start++;
        }
    }
done:
    if (nfields != expected || !present)
        goto decline;
    r->nfields = nfields;
    r->present = present;
    jarva__csv_end_record(r);
    return 1;
decline:
    r->buf_len = buf_len;
    return 0;
}

void jarva__csv_split_plain(jarva__csv_reader *r, const char *s, size_t n)
{
    size_t start = 0;
    while (start < n && is_blank_char(s[start], r->dialect.delimiter))
        start++;
    if (start == n)
        return; /* a blank line: no record */
    if (r->wanted && split_selected(r, s, n, start))
        return;
    split_all(r, s, n, start);
}

int jarva__csv_select(jarva__csv_reader *r, const size_t *columns, size_t n)
{
    size_t last = 0;
    for (size_t i = 0; i < n; i++)
        if (columns[i] + 1 > last)
            last = columns[i] + 1;
    unsigned char *wanted = calloc(last ? last : 1, 1);
    if (!wanted)
        return JARVA_ENOMEM;
    for (size_t i = 0; i < n; i++)
        wanted[columns[i]] = 1;
    free(r->wanted);
    r->wanted = wanted;
    r->nwanted = last;
    return JARVA_OK;
}
