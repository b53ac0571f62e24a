/* test_plan_contact.c: jarva_plan_contact() gives plan.csv's contact_sv and
 * contact_en as written in indicators/plan.csv (texts copied from the file),
 * English falling back on Swedish, NULL for a catalogue without the columns
 * (tests/data/catalog/valid), and the errors. */
#include "harness.h"
#include "jarva.h"

static jarva_db *loaded(const char *name, const char *catalog)
{
    jarva_db *db = NULL;
    if (jarva_db_open(&db, test_tmp_path(name), JARVA_DB_CREATE) != JARVA_OK ||
        jarva_catalog_load(db, catalog) != JARVA_OK) {
        fprintf(stderr, "setup: %s\n", jarva_errmsg(db));
        exit(1);
    }
    return db;
}

int main(void)
{
    jarva_db *db = loaded("contact.db", JARVA_SOURCE_DIR "/indicators");
    char *who = NULL;
    CHECK_INT(jarva_plan_contact(&who, db, NULL), JARVA_OK);
    CHECK_STR(who, "Presstjänsterna hos Järva stadsdelsförvaltning och Lokalpolisområde Järva, "
                   "som har undertecknat överenskommelsen");
    jarva_free(who);
    CHECK_INT(jarva_plan_contact(&who, db, "en"), JARVA_OK);
    CHECK_STR(who, "The press offices of the Järva district administration and the local police "
                   "area Järva, the signatories of the agreement");
    jarva_free(who);
    who = (char *)"unchanged";
    CHECK_INT(jarva_plan_contact(&who, db, "de"), JARVA_EINVAL);
    CHECK(who == NULL);
    CHECK_CONTAINS(jarva_errmsg(db), "\"de\" is not sv or en");
    CHECK_INT(jarva_plan_contact(&who, NULL, "sv"), JARVA_EINVAL);
    CHECK_INT(jarva_plan_contact(NULL, db, "sv"), JARVA_EINVAL);
    jarva_db_close(db);

    db = loaded("contact-none.db", JARVA_TEST_DATA_DIR "/catalog/valid");
    who = (char *)"unchanged";
    CHECK_INT(jarva_plan_contact(&who, db, "en"), JARVA_OK);
    CHECK(who == NULL);
    jarva_db_close(db);

    /* No catalogue loaded. */
    db = NULL;
    CHECK_INT(jarva_db_open(&db, test_tmp_path("contact-empty.db"), JARVA_DB_CREATE), JARVA_OK);
    CHECK_INT(jarva_plan_contact(&who, db, "sv"), JARVA_ENOTFOUND);
    CHECK(who == NULL);
    jarva_db_close(db);
    return test_report();
}
