/* estimate_file_parts.h: what estimate_file.c (one pass over the file into
 * sums) and estimate_file_split.c (a large file's second half on a second
 * thread, its sums merged into the first's) share. */
#ifndef JARVA_ESTIMATE_FILE_PARTS_H
#define JARVA_ESTIMATE_FILE_PARTS_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "csv_reader.h"
#include "estimate_file_internal.h"
#include "stats.h"

/* A direct-mapped memo of the ids of short keys (up to 8 bytes: strata,
 * areas, age groups, nearly every value an estimate is by) in front of a
 * jarva__keytab: one load and compare where the table hashes, probes and
 * compares in a call, which for three keys a respondent was a sixth of the
 * time. A key missing from the memo (new, longer, or its slot taken by
 * another) is looked up in the table and takes the slot. */
#define JARVA__ADHOC_MEMO_SLOTS 256
typedef struct jarva__adhoc_memo {
    struct {
        uint64_t bytes; /* the key's bytes (pack below); 0: empty */
        uint32_t length, id;
    } slot[JARVA__ADHOC_MEMO_SLOTS];
} jarva__adhoc_memo;

/* Key s[0..len), 1 <= len <= 8, as a number that differs for any two keys
 * of that length: the first and last four bytes, or for one to three
 * bytes the first, middle and last (they overlap; with the length known,
 * together they are every byte). Nonzero: a key has no NUL byte. */
static inline uint64_t jarva__adhoc_pack(const char *s, size_t len)
{
    uint32_t a, b;
    if (len >= 4) {
        memcpy(&a, s, 4);
        memcpy(&b, s + len - 4, 4);
        return (uint64_t)a | (uint64_t)b << 32;
    }
    return (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[len / 2] << 8 |
           (uint64_t)(unsigned char)s[len - 1] << 16;
}

/* jarva__keytab_add(t, s, len) with the memo m in front of it. */
static inline long jarva__adhoc_memo_add(jarva__adhoc_memo *m, jarva__keytab *t, const char *s,
                                         size_t len)
{
    if (len == 0 || len > 8)
        return jarva__keytab_add(t, s, len);
    uint64_t bytes = jarva__adhoc_pack(s, len);
    size_t k = (size_t)((bytes * UINT64_C(0x9E3779B97F4A7C15)) >> 56); /* Knuth's multiplier */
    if (m->slot[k].bytes == bytes && m->slot[k].length == len)
        return m->slot[k].id;
    long id = jarva__keytab_add(t, s, len);
    if (id >= 0) {
        m->slot[k].bytes = bytes;
        m->slot[k].length = (uint32_t)len;
        m->slot[k].id = (uint32_t)id;
    }
    return id;
}

/* What one reader adds up, over the whole file or one part of it: the
 * respondents, the sums per (domain, stratum, answer 0 or 1) and the
 * distinct values, numbered in order of first appearance in its part. */
typedef struct jarva__adhoc_tally {
    jarva__csv_reader *csv;
    jarva__error err;
    size_t n; /* respondents */
    size_t valid_count;
    jarva__sum_grid sums;
    /* Strata, with per stratum its respondents, the line of its first one (for
     * messages) and whether that one has a valid answer in a domain (what
     * makes a lonely stratum matter). Without a strata column, one stratum. */
    jarva__keytab strata;
    size_t *stratum_size;
    long *stratum_line;
    unsigned char *stratum_first_counts;
    size_t stratum_cap;
    jarva__keytab *by_values; /* one per by column */
    jarva__keytab domains;    /* tuples of by value ids */
    uint32_t *tuple;
    uint32_t *domain_of;      /* JARVA__ADHOC_DOMAIN_SLOTS: 1 + a domain's id, 0 unknown */
    jarva__adhoc_memo *memos; /* the strata's, then one per by column */
} jarva__adhoc_tally;

#define JARVA__ADHOC_DOMAIN_SIDE 64
#define JARVA__ADHOC_DOMAIN_SLOTS (JARVA__ADHOC_DOMAIN_SIDE * JARVA__ADHOC_DOMAIN_SIDE)

/* The estimate's settings, read by both threads and written by neither once
 * the columns are known, and the whole file's tally. */
typedef struct jarva__adhoc {
    const jarva_adhoc_options *opts;
    jarva_estimate_options estimate;
    char decimal;
    int var_col, weight_col, stratum_col;
    int *by_col;
    jarva__code_list positive, valid;
    double one_byte[256]; /* the value of each one-byte answer code */
    jarva__adhoc_tally all;
} jarva__adhoc;

/* A tally's arrays for by_count by columns; JARVA_OK or JARVA_ENOMEM. */
int jarva__adhoc_tally_init(jarva__adhoc_tally *t, size_t by_count);
void jarva__adhoc_tally_free(jarva__adhoc_tally *t, size_t by_count);
/* Room for stratum h's entries (grown as strata appear; new sizes 0); 0, or -1. */
int jarva__adhoc_fit_stratum(jarva__adhoc_tally *t, size_t h);

/* Cancelling a part: checked every JARVA__ADHOC_POLL rows. */
#define JARVA__ADHOC_POLL 1024
/* The second part gave up (cancelled): not an error of the file. */
#define JARVA__ADHOC_CANCELLED 1

/* Reads t->csv's records into t. With cancel: every JARVA__ADHOC_POLL rows,
 * a first part (first = 1) sets it when its reader lost the split (it reads
 * the whole file: the second part is not needed), a second part stops when
 * it is set. JARVA_OK, JARVA__ADHOC_CANCELLED, or an error in t->err. */
int jarva__adhoc_read_rows(const jarva__adhoc *a, jarva__adhoc_tally *t, atomic_int *cancel,
                           int first);

/* Reads the file of a->all.csv (header read, columns selected) into a->all:
 * in one pass, or, when split_hint says so, in two parts on two threads,
 * merged so that a->all is what one pass gives but for the order of
 * summation. split_hint: 0 the file's middle if it is at least
 * JARVA__ADHOC_SPLIT_MIN bytes, UINT64_MAX never, else there. *parts: 1
 * read in one pass (or the second part's work was thrown away), 2 two parts
 * merged. JARVA_OK or an error in a->all.err. */
int jarva__adhoc_read_file(jarva__adhoc *a, uint64_t split_hint, int *parts);

/* Below this size a file is read on one thread: the second would save less
 * than a millisecond or two. */
#define JARVA__ADHOC_SPLIT_MIN (UINT64_C(2) << 20)

/* jarva_adhoc_estimate() with the split point given as above (the tests
 * compare one pass with two parts); parts, if not NULL, as above. */
int jarva__adhoc_estimate_parts(jarva_adhoc_result **out, const char *path,
                                const jarva_adhoc_options *opts, uint64_t split_hint, int *parts,
                                char *errbuf, size_t errlen);

#endif /* JARVA_ESTIMATE_FILE_PARTS_H */
