/* suppression_writer.c: what complementary suppression (compute/compute_disclosure.c)
 * writes (store_compute.h): the secondary suppressions it adds, and n removed from every
 * suppressed estimate, inside compute's write transaction (the breakdowns it reads are
 * compute_reads.c's). */
#include <stdlib.h>

#include "store_db.h"
#include "store_internal.h"

struct jarva__suppression_writer {
    jarva_db *db;
    sqlite3_stmt *update;
};

int jarva__suppression_writer_open(jarva__suppression_writer **out, jarva_db *db)
{
    *out = NULL;
    jarva__suppression_writer *w = calloc(1, sizeof *w);
    if (!w)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    w->db = db;
    if (sqlite3_prepare_v2(db->sql,
                           "UPDATE estimate SET suppressed = 1, flags = flags | ?1, "
                           "n_positive = NULL, value = NULL, se = NULL, ci_low = NULL, "
                           "ci_high = NULL, df = NULL, n_eff = NULL WHERE id = ?2",
                           -1, &w->update, NULL) != SQLITE_OK) {
        int rc = jarva__sqlerr(db, "preparing the disclosure control");
        jarva__suppression_writer_free(w);
        return rc;
    }
    *out = w;
    return JARVA_OK;
}

int jarva__suppression_writer_put(jarva__suppression_writer *w, int64_t estimate_id)
{
    sqlite3_bind_int(w->update, 1, JARVA_EST_SUPPRESSED_SECONDARY);
    sqlite3_bind_int64(w->update, 2, estimate_id);
    int step = sqlite3_step(w->update);
    sqlite3_reset(w->update);
    return step == SQLITE_DONE ? JARVA_OK : jarva__sqlerr(w->db, "storing a secondary suppression");
}

void jarva__suppression_writer_free(jarva__suppression_writer *w)
{
    if (!w)
        return;
    sqlite3_finalize(w->update);
    free(w);
}

int jarva__store_hide_suppressed_n(jarva_db *db)
{
    return jarva__exec(db, "UPDATE estimate SET n = NULL, n_positive = NULL WHERE suppressed = 1");
}
