/* import_compute.c: creates (or opens) a jarva database, loads the plan's
 * catalogue, imports one CSV file and computes every indicator's estimates.
 * Usage: import_compute DB KIND FILE [CATALOG_DIR]
 *   KIND is survey, table, staff or activities; CATALOG_DIR defaults to the
 *   installed catalogue (jarva_catalog_default_dir()).
 * Build: cc import_compute.c $(pkg-config --cflags --libs jarva) */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <jarva.h>

/* The kinds by the names `jarva import` takes. */
static int parse_kind(const char *name, jarva_import_kind *kind)
{
    static const struct {
        const char *name;
        jarva_import_kind kind;
    } kinds[] = { { "survey", JARVA_IMPORT_SURVEY },
                  { "table", JARVA_IMPORT_TABLE },
                  { "staff", JARVA_IMPORT_STAFF },
                  { "activities", JARVA_IMPORT_ACTIVITIES } };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (!strcmp(name, kinds[i].name)) {
            *kind = kinds[i].kind;
            return 0;
        }
    return -1;
}

/* Prints the failure and its status's class; returns the exit code 1. */
static int fail(jarva_db *db, const char *what, int status)
{
    fprintf(stderr, "%s failed (%s):\n%s\n", what, jarva_strerror(status), jarva_errmsg(db));
    jarva_db_close(db);
    return 1;
}

int main(int argc, char **argv)
{
    jarva_import_kind kind;
    if (argc < 4 || argc > 5 || parse_kind(argv[2], &kind) != 0) {
        fprintf(stderr, "usage: %s DB survey|table|staff|activities FILE [CATALOG_DIR]\n", argv[0]);
        return 2;
    }
    const char *catalog = argc == 5 ? argv[4] : jarva_catalog_default_dir();

    jarva_db *db = NULL;
    int rc = jarva_db_open(&db, argv[1], JARVA_DB_CREATE);
    if (rc != JARVA_OK)
        return fail(db, "opening the database", rc);

    /* Loading the same catalogue again changes nothing, so this is safe to
     * repeat on every run. */
    rc = jarva_catalog_load(db, catalog);
    if (rc != JARVA_OK)
        return fail(db, "loading the catalogue", rc);

    jarva_import_options import_opts = JARVA_IMPORT_OPTIONS_INIT;
    import_opts.kind = kind;
    import_opts.catalog_dir = catalog; /* where the survey column mappings are */
    jarva_import_result imported = JARVA_IMPORT_RESULT_INIT;
    rc = jarva_import_file(&imported, db, argv[3], &import_opts);
    if (rc != JARVA_OK)
        return fail(db, "importing", rc); /* nothing was written */
    if (imported.outcome == JARVA_UNCHANGED)
        printf("%s: imported before as batch %" PRId64 "\n", argv[3], imported.batch_id);
    else
        printf("%s: %" PRId64 " rows imported as batch %" PRId64 "\n", argv[3], imported.rows,
               imported.batch_id);

    jarva_compute_options compute_opts = JARVA_COMPUTE_OPTIONS_INIT;
    jarva_compute_summary summary = JARVA_COMPUTE_SUMMARY_INIT;
    rc = jarva_compute(&summary, db, &compute_opts);
    if (rc != JARVA_OK)
        return fail(db, "computing", rc);
    printf("%zu estimates (%zu suppressed) for %zu indicators\n", summary.estimates,
           summary.suppressed, summary.indicators_with_data);

    jarva_db_close(db);
    return 0;
}
