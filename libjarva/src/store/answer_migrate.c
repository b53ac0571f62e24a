/* answer_migrate.c: schema version 6 moves survey answers from the JSON list
 * of response.answers (versions 1-4: element k is the variable at
 * batch_variable.position k, a string or null) into the blocks of
 * answer_store.c, numbers the respondents of each batch in file order
 * (response.seq) and drops the answers column. Runs inside the migration's
 * transaction: a failure leaves the file at version 4. */
#include <stdlib.h>
#include <string.h>

#include "answer_write.h"
#include "store_db.h"
#include "answer_store.h"

static int has_column(jarva_db *db, const char *table, const char *column, int *out)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql, "SELECT count(*) FROM pragma_table_info(?) WHERE name = ?", -1,
                           &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading the schema");
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_ROW ? JARVA_OK : jarva__sqlerr(db, "reading the schema");
    *out = sqlite3_column_int(st, 0) > 0;
    sqlite3_finalize(st);
    return rc;
}

/* Calls put for each element of a JSON array of strings and nulls as
 * import_survey.c wrote it (strings with \" \\ \n \t \r and \u00XX escapes),
 * with the unescaped text in buf (at least as long as json). 0, or -1 when
 * the list is malformed or put fails. */
static int each_answer(const char *json, char *buf, jarva__answer_encoder *e, size_t count)
{
    const char *p = json;
    if (*p++ != '[')
        return -1;
    size_t index = 0;
    while (*p && *p != ']') {
        while (*p == ' ' || *p == ',')
            p++;
        if (*p == ']')
            break;
        if (!strncmp(p, "null", 4)) {
            p += 4;
        } else if (*p == '"') {
            p++;
            size_t used = 0;
            while (*p && *p != '"') {
                char ch = *p++;
                if (ch == '\\') {
                    ch = *p++;
                    if (ch == 'u') {
                        unsigned v = 0;
                        for (int h = 0; h < 4 && *p; h++, p++)
                            v = v * 16 + (unsigned)(*p <= '9' ? *p - '0' : (*p | 0x20) - 'a' + 10);
                        ch = (char)v;
                    } else if (ch == 'n')
                        ch = '\n';
                    else if (ch == 't')
                        ch = '\t';
                    else if (ch == 'r')
                        ch = '\r';
                }
                buf[used++] = ch;
            }
            if (*p++ != '"')
                return -1;
            if (index < count && jarva__answers_put(e, (int)index, buf, used))
                return -1;
        } else {
            return -1;
        }
        index++;
    }
    return *p == ']' ? 0 : -1;
}

static int write_block(jarva_db *db, jarva__answer_block *block)
{
    int rc = block && jarva__answers_write_block(db->sql, block)
                 ? jarva__sqlerr(db, "storing answers")
                 : JARVA_OK;
    jarva__answers_block_free(block);
    return rc;
}

static int convert_batch(jarva_db *db, int64_t batch_id)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->sql, "SELECT count(*) FROM batch_variable WHERE batch_id = ?", -1,
                           &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "migrating answers");
    sqlite3_bind_int64(st, 1, batch_id);
    int counted = sqlite3_step(st);
    size_t nquestions = counted == SQLITE_ROW ? (size_t)sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    if (counted != SQLITE_ROW)
        return jarva__sqlerr(db, "migrating answers");
    jarva__answer_encoder *e = NULL;
    if (jarva__answers_encoder_new(&e, batch_id, nquestions))
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT weight, stratum, area_id, sex, age_group, organisation_id, "
                           "role, answers FROM response WHERE batch_id = ? ORDER BY seq",
                           -1, &st, NULL) != SQLITE_OK) {
        jarva__answers_encoder_free(e);
        return jarva__sqlerr(db, "migrating answers");
    }
    sqlite3_bind_int64(st, 1, batch_id);
    static const int design[] = { JARVA__COL_STRATUM,   JARVA__COL_AREA,         JARVA__COL_SEX,
                                  JARVA__COL_AGE_GROUP, JARVA__COL_ORGANISATION, JARVA__COL_ROLE };
    char *buf = NULL;
    size_t buf_cap = 0;
    int rc = JARVA_OK, step = SQLITE_DONE;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        jarva__answers_put_weight(e, sqlite3_column_double(st, 0));
        for (int c = 0; c < JARVA__DESIGN_CODED && !rc; c++)
            if (jarva__answers_put(e, design[c], (const char *)sqlite3_column_text(st, 1 + c),
                                   (size_t)sqlite3_column_bytes(st, 1 + c)))
                rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
        const char *json = (const char *)sqlite3_column_text(st, 7);
        size_t len = (size_t)sqlite3_column_bytes(st, 7);
        if (!rc && len + 1 > buf_cap) {
            free(buf);
            buf_cap = 2 * len + 1;
            if (!(buf = malloc(buf_cap)))
                rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
        }
        if (!rc && (!json || each_answer(json, buf, e, nquestions)))
            rc = jarva__seterr(&db->err, JARVA_EDB,
                               "%s: batch %lld: a stored answer list is malformed or memory ran "
                               "out",
                               db->path, (long long)batch_id);
        jarva__answer_block *block = NULL;
        if (!rc && jarva__answers_end_row(e, 0, &block))
            rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
        if (!rc)
            rc = write_block(db, block);
    }
    if (!rc && step != SQLITE_DONE)
        rc = jarva__sqlerr(db, "migrating answers");
    sqlite3_finalize(st);
    jarva__answer_block *block = NULL;
    if (!rc && jarva__answers_end_row(e, 1, &block))
        rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    if (!rc)
        rc = write_block(db, block);
    if (!rc)
        rc = jarva__answers_write_codes(db, e);
    free(buf);
    jarva__answers_encoder_free(e);
    return rc;
}

int jarva__answers_migrate_json(jarva_db *db)
{
    int have_seq, have_answers;
    int rc = has_column(db, "response", "seq", &have_seq);
    if (!rc)
        rc = has_column(db, "response", "answers", &have_answers);
    if (!rc && !have_seq)
        rc = jarva__exec(db, "ALTER TABLE response ADD COLUMN seq INTEGER");
    if (rc || !have_answers)
        return rc;
    /* The respondent's place in the batch's file, 0, 1, ...: rows were
     * written in file order, row_no being the line. */
    rc = jarva__exec(db, "UPDATE response SET seq = s.seq FROM (SELECT id, row_number() OVER "
                         "(PARTITION BY batch_id ORDER BY row_no) - 1 AS seq FROM response) s "
                         "WHERE s.id = response.id");
    sqlite3_stmt *st = NULL;
    if (!rc && sqlite3_prepare_v2(db->sql,
                                  "SELECT id FROM batch WHERE kind IN ('survey', 'staff') "
                                  "ORDER BY id",
                                  -1, &st, NULL) != SQLITE_OK)
        rc = jarva__sqlerr(db, "migrating answers");
    int step = SQLITE_DONE;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = convert_batch(db, sqlite3_column_int64(st, 0));
    /* A failed step must not pass for the last batch: the answers column is
     * dropped next, and a batch not converted would lose its answers. */
    if (!rc && step != SQLITE_DONE)
        rc = jarva__sqlerr(db, "migrating answers");
    sqlite3_finalize(st);
    if (!rc)
        rc = jarva__exec(db, "ALTER TABLE response DROP COLUMN answers");
    return rc;
}
