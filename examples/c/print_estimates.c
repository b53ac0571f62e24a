/* print_estimates.c: opens a jarva database read-only and prints its stored
 * estimates with their confidence intervals, honouring suppression.
 * Usage: print_estimates DB [INDICATOR]
 * Build: cc print_estimates.c $(pkg-config --cflags --libs jarva) */
#include <stdio.h>

#include <jarva.h>

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s DB [INDICATOR]\n", argv[0]);
        return 2;
    }
    /* A program built against other headers than the library it runs with
     * would read structs with the wrong layout: refuse to go on. */
    if (jarva_version_number() != JARVA_VERSION_NUMBER) {
        fprintf(stderr, "built with libjarva %s, running with %s\n", JARVA_VERSION_STRING,
                jarva_version_string());
        return 1;
    }

    jarva_db *db = NULL;
    int rc = jarva_db_open(&db, argv[1], JARVA_DB_READONLY);
    if (rc != JARVA_OK) {
        /* The handle is there even on failure, to say why (NULL: out of memory). */
        fprintf(stderr, "%s: %s\n", argv[1], jarva_errmsg(db));
        jarva_db_close(db);
        return 1;
    }

    jarva_result_filter filter = { 0 };
    filter.indicator_id = argc == 3 ? argv[2] : NULL;
    jarva_result_list *results = NULL;
    rc = jarva_result_list_open(&results, db, &filter);
    if (rc != JARVA_OK) {
        fprintf(stderr, "%s (%s)\n", jarva_errmsg(db), jarva_strerror(rc));
        jarva_db_close(db);
        return 1;
    }

    for (size_t i = 0; i < jarva_result_list_count(results); i++) {
        const jarva_result *r = jarva_result_list_get(results, i);
        printf("%s %d %s ", r->indicator_id, r->year, r->area_id);
        /* Too few respondents, or withheld to protect such a cell: never show
         * the value, nor n (the total minus the other cells would give it). */
        if (r->estimate.suppressed)
            printf("suppressed\n");
        else if (r->estimate.flags & JARVA_EST_NO_CI)
            printf("n=%zu %.6f (no interval)\n", r->estimate.n, r->estimate.estimate);
        else
            printf("n=%zu %.6f [%.6f, %.6f] %s %g%%\n", r->estimate.n, r->estimate.estimate,
                   r->estimate.ci_low, r->estimate.ci_high, r->method, 100 * r->level);
    }
    printf("%zu estimates\n", jarva_result_list_count(results));

    jarva_result_list_free(results); /* its strings go with it */
    jarva_db_close(db);
    return 0;
}
