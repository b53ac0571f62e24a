/* fuzz_adhoc_split.c: jarva estimate's two-part read (adhoc/
 * estimate_file_split.c, csv/csv_split.c) against its one pass, on files the
 * fuzzer writes. A file of 2 MiB or more is read in two halves on two
 * threads, the second starting at a record boundary that csv_split_point()
 * guesses from the bytes after the split point; a quoted field with line
 * breaks, a stray quote, CR without LF or a multi-byte character across the
 * point is where such a guess goes wrong. The other harnesses feed inputs of
 * a few KiB, which never split, so here the split point is forced
 * (jarva__adhoc_estimate_parts) wherever the input says.
 *
 * Input: byte 0, where to split the body (its fraction /256, 0 the first
 * byte after the header); byte 1, flags: 1 ';' instead of ',' as the
 * delimiter, 2 domains by area and age (else area), 4 a stratum column, 8
 * CRLF line ends, 16 a "sep=" line first; then the body, written after the
 * header "id,area,age,stratum,w,q" as many times as it takes to fill two of
 * the CSV reader's chunks (a split inside the first is refused).
 *
 * Invariant (as tests/unit/test_adhoc_split.c checks on generated files):
 * both reads give the same return code and message byte for byte; on
 * success the same domains in the same order with the same values and
 * counts, and estimates, SEs and intervals equal to 1e-9 (the two parts'
 * sums are added in another order), degrees of freedom exactly.
 * FUZZ_VERBOSE=1 in the environment prints how each input was read and each
 * domain's numbers. */
#include <math.h>
#include <string.h>

#include "csv_reader_internal.h"
#include "estimate_file_parts.h"
#include "fuzz.h"

static int verbose; /* FUZZ_VERBOSE=1: how each input was read, each domain's numbers */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    verbose = getenv("FUZZ_VERBOSE") != NULL;
    return 0;
}

/* a and b agree to 1e-9 of their size, or are both NaN. */
static int close_to(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    if (isinf(a) || isinf(b))
        return a == b;
    return fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b)) + 1e-15;
}

static void compare(const jarva_adhoc_result *one, const jarva_adhoc_result *two)
{
    FUZZ_ASSERT(jarva_adhoc_result_count(two) == jarva_adhoc_result_count(one));
    FUZZ_ASSERT(jarva_adhoc_result_respondents(two) == jarva_adhoc_result_respondents(one));
    FUZZ_ASSERT(jarva_adhoc_result_valid(two) == jarva_adhoc_result_valid(one));
    size_t nby = jarva_adhoc_result_by_count(one);
    FUZZ_ASSERT(jarva_adhoc_result_by_count(two) == nby);
    for (size_t d = 0; d < jarva_adhoc_result_count(one); d++) {
        for (size_t c = 0; c < nby; c++)
            FUZZ_ASSERT(
                !strcmp(jarva_adhoc_result_value(two, d, c), jarva_adhoc_result_value(one, d, c)));
        const jarva_estimate *a = jarva_adhoc_result_get(one, d);
        const jarva_estimate *b = jarva_adhoc_result_get(two, d);
        FUZZ_ASSERT(a && b);
        if (verbose)
            fprintf(stderr,
                    "domain %zu: n %zu/%zu flags 0x%x/0x%x est %.17g/%.17g se %.17g/%.17g\n", d,
                    a->n, b->n, a->flags, b->flags, a->estimate, b->estimate, a->se, b->se);
        FUZZ_ASSERT(a->n == b->n && a->n_positive == b->n_positive);
        FUZZ_ASSERT(a->suppressed == b->suppressed && a->flags == b->flags);
        FUZZ_ASSERT(close_to(a->estimate, b->estimate) && close_to(a->se, b->se));
        FUZZ_ASSERT(close_to(a->ci_low, b->ci_low) && close_to(a->ci_high, b->ci_high));
        FUZZ_ASSERT(a->df == b->df || (isnan(a->df) && isnan(b->df)));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    unsigned where = data[0], flags = data[1];
    const char d = flags & 1 ? ';' : ',';
    const char *eol = flags & 8 ? "\r\n" : "\n";
    char header[96];
    int h = flags & 16 ? snprintf(header, sizeof header, "sep=%c%s", d, eol) : 0;
    h += snprintf(header + h, sizeof header - (size_t)h, "id%carea%cage%cstratum%cw%cq%s", d, d, d,
                  d, d, eol);
    /* The body again and again to past two chunks of the reader: a split
     * point inside the chunk the header was read with is refused (the first
     * part has read past it), so a short file never splits. */
    size_t body = size - 2;
    if (body == 0)
        return 0;
    size_t copies = 2 * CHUNK_SIZE / body + 2;
    size_t len = (size_t)h + copies * body;
    char *file = malloc(len);
    if (!file)
        return 0;
    memcpy(file, header, (size_t)h);
    for (size_t k = 0; k < copies; k++)
        memcpy(file + h + k * body, data + 2, body);
    static char *path;
    if (!path)
        path = fuzz_scratch_path("split.csv");
    fuzz_write_file(path, file, len);
    free(file);

    static const char *const by[] = { "area", "age" };
    jarva_adhoc_options o = JARVA_ADHOC_OPTIONS_INIT;
    o.variable = "q";
    o.positive = "1,2";
    o.valid = "1,2,3,4,5";
    o.weight = "w";
    o.stratum = flags & 4 ? "stratum" : NULL;
    o.by = by;
    o.by_count = flags & 2 ? 2 : 1;
    /* The split point: past the first chunk, where/256 into a copy of the
     * body. */
    uint64_t first = ((uint64_t)CHUNK_SIZE - (uint64_t)h) / body + 1;
    uint64_t hint = (uint64_t)h + first * body + (uint64_t)where * body / 256;

    jarva_adhoc_result *one = NULL, *two = NULL;
    char err_one[1024], err_two[1024];
    int parts_one = 0, parts_two = 0;
    int rc_one = jarva__adhoc_estimate_parts(&one, path, &o, UINT64_MAX, &parts_one, err_one,
                                             sizeof err_one);
    int rc_two =
        jarva__adhoc_estimate_parts(&two, path, &o, hint, &parts_two, err_two, sizeof err_two);
    if (verbose)
        fprintf(stderr, "split at %llu: %d part%s, rc %d%s%s\n", (unsigned long long)hint,
                parts_two, parts_two == 1 ? "" : "s", rc_two, rc_two ? ": " : "", err_two);
    FUZZ_ASSERT(parts_one == 1);
    FUZZ_ASSERT(rc_two == rc_one);
    FUZZ_ASSERT(!strcmp(err_two, err_one));
    FUZZ_ASSERT((one == NULL) == (rc_one != JARVA_OK) && (two == NULL) == (rc_two != JARVA_OK));
    if (one && two)
        compare(one, two);
    jarva_adhoc_result_free(one);
    jarva_adhoc_result_free(two);
    return 0;
}
