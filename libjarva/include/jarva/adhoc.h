/* jarva/adhoc.h: ad-hoc estimates straight from a survey CSV file, without a
 * database: the share of positive answers to one question, overall or in the
 * domains formed by the values of some columns, as R's
 *     svyby(~pos, ~by1 + by2, subset(design, !is.na(pos)), svyciprop)
 * computes it for svydesign(ids = ~1, strata = ~stratum, weights = ~weight).
 * The file may be in any dialect and encoding `jarva import` accepts. This is
 * what `jarva estimate` prints. Thread-safe: each call has its own state. */
#ifndef JARVA_ADHOC_H
#define JARVA_ADHOC_H

#include <stddef.h>

#include "common.h"
#include "estimate.h"
#include "import.h"

#ifdef __cplusplus
extern "C" {
#endif

#define JARVA_ADHOC_OPTIONS_VERSION 1

/* What to estimate. Column names are matched against the file's header as
 * jarva import matches them: exactly after trimming spaces, else ignoring
 * ASCII case. Code lists are comma-separated ("4,5"); spaces around a code
 * are ignored, and so are spaces around a field's value.
 *
 * A respondent's answer (the `variable` column) is
 *   - positive (1) if it is one of `positive`,
 *   - valid but not positive (0) if `valid` is NULL or "" and the answer is
 *     not empty, or if it is one of `valid`,
 *   - missing otherwise (empty, or a code outside `valid` such as 9 = don't
 *     know): the respondent stays in the design (their stratum's size counts,
 *     as in R's subset()) but in no domain's estimate.
 * Every positive code must be among the valid codes when these are given. */
typedef struct jarva_adhoc_options {
    unsigned version;      /* JARVA_ADHOC_OPTIONS_VERSION */
    const char *variable;  /* the question's column (required) */
    const char *positive;  /* positive answer codes (required) */
    const char *valid;     /* valid answer codes; NULL or "": every non-empty answer */
    const char *const *by; /* by_count columns; their value combinations are the domains */
    size_t by_count;       /* 0: one domain, everyone */
    const char *weight;    /* column of design weights (finite, > 0); NULL: every weight 1 */
    const char *stratum;   /* column of strata (non-empty); NULL: one stratum */
    char delimiter;        /* ',', ';' or '\t'; 0: detect */
    char decimal;          /* '.' or ','; 0: ',' in a ';'-separated file, else '.' */
    jarva_encoding encoding;
    jarva_estimate_options estimate; /* method, level, min_n, min_cell, lonely_psu */
} jarva_adhoc_options;

#define JARVA_ADHOC_OPTIONS_INIT                                                                   \
    {                                                                                              \
        JARVA_ADHOC_OPTIONS_VERSION, NULL, NULL, NULL, NULL, 0, NULL, NULL, 0, 0,                  \
            JARVA_ENCODING_AUTO, JARVA_ESTIMATE_OPTIONS_INIT                                       \
    }

/* The estimates of one file: one row per domain, sorted by the by columns'
 * values in turn. A column whose values are all numbers (as jarva import reads
 * them, with the file's decimal mark: "2", "-1,5", "1e3") sorts numerically,
 * any other column by the bytes of its UTF-8 text (that is, by code point);
 * values that compare equal as numbers ("1" and "1.0") are then ordered by
 * their text. Domains are the combinations of values that occur in the file,
 * including those without any valid answer (n = 0, flagged JARVA_EST_EMPTY and
 * suppressed). A respondent with an empty value in a by column belongs to no
 * domain (R's svyby drops NA groups) but still counts in the stratum sizes. */
typedef struct jarva_adhoc_result jarva_adhoc_result;

/* Reads the CSV file at path once and estimates every domain with
 * jarva_estimate_proportions() (see jarva/estimate.h for the estimator, the
 * interval methods, suppression and the edge cases: shares 0 and 1, one
 * respondent, lonely strata). On success *out holds the result, to be freed
 * with jarva_adhoc_result_free(), and errbuf (if errbuf && errlen) "". On
 * failure *out is NULL and errbuf holds an English message, with
 * "file:line:column (column name)" where one applies. Returns JARVA_OK,
 * JARVA_EINVAL (bad options, code lists, a column name the header lacks, a
 * column given twice), JARVA_EIO (the file cannot be read), JARVA_EFORMAT
 * (malformed CSV, a weight that is not a positive number, an empty stratum),
 * JARVA_ENUMERIC (with JARVA_LONELY_PSU_FAIL, a stratum of one respondent who
 * is in a domain with a valid answer: the message names the stratum and the
 * respondent's line), JARVA_ENOMEM. Memory: about 24 bytes a respondent. */
JARVA_API int jarva_adhoc_estimate(jarva_adhoc_result **out, const char *path,
                                   const jarva_adhoc_options *opts, char *errbuf, size_t errlen);

/* Domains (rows); 1 without by columns. */
JARVA_API size_t jarva_adhoc_result_count(const jarva_adhoc_result *r);
/* The by columns, named as the file's header names them (UTF-8). */
JARVA_API size_t jarva_adhoc_result_by_count(const jarva_adhoc_result *r);
JARVA_API const char *jarva_adhoc_result_by_name(const jarva_adhoc_result *r, size_t column);
/* Row's value of a by column (UTF-8, as in the file); NULL if out of range. */
JARVA_API const char *jarva_adhoc_result_value(const jarva_adhoc_result *r, size_t row,
                                               size_t column);
/* Row's estimate; NULL if out of range. As every jarva_estimate, it holds
 * numbers even when suppressed: a program that publishes must honour
 * `suppressed` (and JARVA_EST_NO_CI) as `jarva estimate` does. */
JARVA_API const jarva_estimate *jarva_adhoc_result_get(const jarva_adhoc_result *r, size_t row);
/* Data rows read (respondents), and the respondents with a valid answer. */
JARVA_API size_t jarva_adhoc_result_respondents(const jarva_adhoc_result *r);
JARVA_API size_t jarva_adhoc_result_valid(const jarva_adhoc_result *r);
/* Strings returned above are valid until this call. NULL-safe. */
JARVA_API void jarva_adhoc_result_free(jarva_adhoc_result *r);

#ifdef __cplusplus
}
#endif

#endif /* JARVA_ADHOC_H */
