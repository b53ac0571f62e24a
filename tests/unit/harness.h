/* harness.h: a minimal test harness. CHECK* record a failure with file:line and
 * go on; main returns test_report(), nonzero if anything failed. */
#ifndef JARVA_TEST_HARNESS_H
#define JARVA_TEST_HARNESS_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int test_failures;
static int test_checks;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        test_checks++;                                                                             \
        if (!(cond)) {                                                                             \
            test_failures++;                                                                       \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);               \
        }                                                                                          \
    } while (0)

#define CHECK_INT(got, want)                                                                       \
    do {                                                                                           \
        long long got_ = (long long)(got), want_ = (long long)(want);                              \
        test_checks++;                                                                             \
        if (got_ != want_) {                                                                       \
            test_failures++;                                                                       \
            fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #got, got_,  \
                    want_);                                                                        \
        }                                                                                          \
    } while (0)

#define CHECK_STR(got, want)                                                                       \
    do {                                                                                           \
        const char *got_ = (got), *want_ = (want);                                                 \
        test_checks++;                                                                             \
        if (!got_ || !want_ ? got_ != want_ : strcmp(got_, want_) != 0) {                          \
            test_failures++;                                                                       \
            fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #got,    \
                    got_ ? got_ : "(null)", want_ ? want_ : "(null)");                             \
        }                                                                                          \
    } while (0)

/* |got - want| <= rel * |want| (or <= rel when want is 0). */
#define CHECK_REL(got, want, rel)                                                                  \
    do {                                                                                           \
        double got_ = (got), want_ = (want), rel_ = (rel);                                         \
        double tol_ = want_ == 0 ? rel_ : rel_ * fabs(want_);                                      \
        test_checks++;                                                                             \
        if (!(fabs(got_ - want_) <= tol_)) {                                                       \
            test_failures++;                                                                       \
            fprintf(stderr, "%s:%d: %s == %.17g, expected %.17g (rel. tol. %g)\n", __FILE__,       \
                    __LINE__, #got, got_, want_, rel_);                                            \
        }                                                                                          \
    } while (0)

#define CHECK_CONTAINS(haystack, needle)                                                           \
    do {                                                                                           \
        const char *h_ = (haystack), *n_ = (needle);                                               \
        test_checks++;                                                                             \
        if (!h_ || !strstr(h_, n_)) {                                                              \
            test_failures++;                                                                       \
            fprintf(stderr, "%s:%d: \"%s\" does not contain \"%s\"\n", __FILE__, __LINE__,         \
                    h_ ? h_ : "(null)", n_);                                                       \
        }                                                                                          \
    } while (0)

static int test_report(void)
{
    fprintf(stderr, "%d checks, %d failed\n", test_checks, test_failures);
    return test_failures ? 1 : 0;
}

/* A fresh path for a test's temporary file: $JARVA_TEST_TMP/<name>, removed first. */
static inline const char *test_tmp_path(const char *name)
{
    static char path[4096];
    const char *dir = getenv("JARVA_TEST_TMP");
    if (!dir || !*dir)
        dir = "/tmp";
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot create %s\n", dir);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    remove(path);
    return path;
}

#endif /* JARVA_TEST_HARNESS_H */
