/* catalog_write.c: replacing the catalogue in the database in one transaction.
 * Items are upserted, never replaced (REPLACE would delete first and cascade to
 * estimates), and only items gone from the files are deleted, so that loading
 * the same catalogue twice changes nothing and imported data keeps its
 * references. Foreign keys are checked at COMMIT, so the order of writes does
 * not matter within the transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_db.h"
#include "catalog_internal.h"

static int bind_text(sqlite3_stmt *stmt, int i, const char *text)
{
    return text ? sqlite3_bind_text(stmt, i, text, -1, SQLITE_TRANSIENT)
                : sqlite3_bind_null(stmt, i);
}

static int bind_int(sqlite3_stmt *stmt, int i, const jarva__cat_cell *cell)
{
    return cell->text ? sqlite3_bind_int64(stmt, i, (sqlite3_int64)cell->number)
                      : sqlite3_bind_null(stmt, i);
}

typedef void (*bind_row)(sqlite3_stmt *stmt, const jarva__cat_table *t, size_t r);

static void bind_plan(sqlite3_stmt *stmt, const jarva__cat_table *t, size_t r)
{
    const jarva__cat_row *row = &t->rows[r];
    bind_int(stmt, 1, &row->cells[PLAN_YEAR]);
    bind_text(stmt, 2, jarva__cat_text(row, PLAN_TITLE_SV));
    bind_text(stmt, 3, jarva__cat_text(row, PLAN_TITLE_EN));
    bind_text(stmt, 4, jarva__cat_text(row, PLAN_ADOPTED));
    bind_text(stmt, 5, jarva__cat_text(row, PLAN_NOTE));
    const int probability[] = { PLAN_ON_TRACK, PLAN_OFF_TRACK };
    for (int k = 0; k < 2; k++)
        if (row->cells[probability[k]].text)
            sqlite3_bind_double(stmt, 6 + k, row->cells[probability[k]].number);
        else
            sqlite3_bind_null(stmt, 6 + k);
    bind_text(stmt, 8, jarva__cat_text(row, PLAN_CONTACT_SV));
    bind_text(stmt, 9, jarva__cat_text(row, PLAN_CONTACT_EN));
}

/* A row's position is its order in the file, which is the plan's order. */
static void bind_org(sqlite3_stmt *stmt, const jarva__cat_table *t, size_t r)
{
    const jarva__cat_row *row = &t->rows[r];
    bind_text(stmt, 1, jarva__cat_text(row, ORG_ID));
    sqlite3_bind_int64(stmt, 2, (sqlite3_int64)r + 1);
    bind_text(stmt, 3, jarva__cat_text(row, ORG_NAME_SV));
    bind_text(stmt, 4, jarva__cat_text(row, ORG_NAME_EN));
    bind_text(stmt, 5, jarva__cat_text(row, ORG_ROLE));
}

static void bind_prio(sqlite3_stmt *stmt, const jarva__cat_table *t, size_t r)
{
    const jarva__cat_row *row = &t->rows[r];
    bind_text(stmt, 1, jarva__cat_text(row, PRIO_ID));
    sqlite3_bind_int64(stmt, 2, (sqlite3_int64)r + 1);
    bind_text(stmt, 3, jarva__cat_text(row, PRIO_NAME_SV));
    bind_text(stmt, 4, jarva__cat_text(row, PRIO_NAME_EN));
}

static void bind_audience(sqlite3_stmt *stmt, const jarva__cat_table *t, size_t r)
{
    const jarva__cat_row *row = &t->rows[r];
    bind_text(stmt, 1, jarva__cat_text(row, AUD_ID));
    sqlite3_bind_int64(stmt, 2, (sqlite3_int64)r + 1);
    bind_text(stmt, 3, jarva__cat_text(row, AUD_NAME_SV));
    bind_text(stmt, 4, jarva__cat_text(row, AUD_NAME_EN));
    bind_text(stmt, 5, jarva__cat_text(row, AUD_DESC_SV));
    bind_text(stmt, 6, jarva__cat_text(row, AUD_DESC_EN));
}

/* A goal's position counts within its group: the overall goals, or the
 * communication goals of one audience, as the plan numbers them. */
static void bind_goal(sqlite3_stmt *stmt, const jarva__cat_table *t, size_t r)
{
    const jarva__cat_row *row = &t->rows[r];
    const char *audience = jarva__cat_text(row, GOAL_AUDIENCE);
    int position = 1;
    for (size_t e = 0; e < r; e++) {
        const char *other = jarva__cat_text(&t->rows[e], GOAL_AUDIENCE);
        if ((!audience && !other) || (audience && other && strcmp(audience, other) == 0))
            position++;
    }
    bind_text(stmt, 1, jarva__cat_text(row, GOAL_ID));
    bind_text(stmt, 2, jarva__cat_text(row, GOAL_KIND));
    bind_text(stmt, 3, audience);
    sqlite3_bind_int(stmt, 4, position);
    bind_text(stmt, 5, jarva__cat_text(row, GOAL_TEXT_SV));
    bind_text(stmt, 6, jarva__cat_text(row, GOAL_TEXT_EN));
    bind_text(stmt, 7, jarva__cat_text(row, GOAL_OWNER));
}

static void bind_source_info(sqlite3_stmt *stmt, const jarva__cat_table *t, size_t r)
{
    const jarva__cat_row *row = &t->rows[r];
    sqlite3_bind_int64(stmt, 1, (sqlite3_int64)r + 1);
    for (int c = 0; c < SRC_NCOLUMNS; c++)
        if (c == SRC_SIMULATED || c == SRC_REFERENCE_YEAR)
            bind_int(stmt, 2 + c, &row->cells[c]);
        else
            bind_text(stmt, 2 + c, jarva__cat_text(row, c));
}

static void bind_principle(sqlite3_stmt *stmt, const jarva__cat_table *t, size_t r)
{
    const jarva__cat_row *row = &t->rows[r];
    bind_text(stmt, 1, jarva__cat_text(row, PRIN_ID));
    sqlite3_bind_int64(stmt, 2, (sqlite3_int64)r + 1);
    bind_text(stmt, 3, jarva__cat_text(row, PRIN_TEXT_SV));
    bind_text(stmt, 4, jarva__cat_text(row, PRIN_TEXT_EN));
}

static void bind_area(sqlite3_stmt *stmt, const jarva__cat_table *t, size_t r)
{
    const jarva__cat_row *row = &t->rows[r];
    bind_text(stmt, 1, jarva__cat_text(row, AREA_ID));
    sqlite3_bind_int64(stmt, 2, (sqlite3_int64)r + 1);
    bind_text(stmt, 3, jarva__cat_text(row, AREA_NAME));
    bind_text(stmt, 4, jarva__cat_text(row, AREA_KIND));
    bind_text(stmt, 5, jarva__cat_text(row, AREA_PARENT));
    bind_int(stmt, 6, &row->cells[AREA_IN_JARVA]);
    bind_text(stmt, 7, jarva__cat_text(row, AREA_NAME_EN));
}

/* Baselines and targets of shares are written in percent and stored 0–1. */
static void bind_value(sqlite3_stmt *stmt, int i, const jarva__cat_row *row, int col)
{
    const jarva__cat_cell *cell = &row->cells[col];
    if (!cell->text) {
        sqlite3_bind_null(stmt, i);
        return;
    }
    int percent =
        jarva__cat_is_percent(jarva__cat_text(row, IND_MEASURE), jarva__cat_text(row, IND_UNIT));
    sqlite3_bind_double(stmt, i, percent ? cell->number / 100.0 : cell->number);
}

static void bind_indicator(sqlite3_stmt *stmt, const jarva__cat_table *t, size_t r)
{
    const jarva__cat_row *row = &t->rows[r];
    static const int text_cols[] = { IND_SOURCE_KIND, IND_MEASURE,  IND_SOURCE,
                                     IND_VARIABLE,    IND_POSITIVE, IND_VALID,
                                     IND_EVENT_TYPE,  IND_RULE,     IND_DIRECTION };
    bind_text(stmt, 1, jarva__cat_text(row, IND_ID));
    bind_text(stmt, 2, jarva__cat_text(row, IND_GOAL));
    sqlite3_bind_int64(stmt, 3, (sqlite3_int64)r + 1);
    bind_text(stmt, 4, jarva__cat_text(row, IND_NAME_SV));
    bind_text(stmt, 5, jarva__cat_text(row, IND_NAME_EN));
    for (int c = 0; c < (int)(sizeof text_cols / sizeof text_cols[0]); c++)
        bind_text(stmt, 6 + c, jarva__cat_text(row, text_cols[c]));
    bind_int(stmt, 15, &row->cells[IND_BASE_YEAR]);
    bind_value(stmt, 16, row, IND_BASE_VALUE);
    bind_int(stmt, 17, &row->cells[IND_TARGET_YEAR]);
    bind_value(stmt, 18, row, IND_TARGET_VALUE);
    bind_text(stmt, 19, jarva__cat_text(row, IND_UNIT));
    const char *disaggregations = jarva__cat_text(row, IND_DISAGG);
    bind_text(stmt, 20, disaggregations ? disaggregations : "");
    if (row->cells[IND_MIN_N].text)
        bind_int(stmt, 21, &row->cells[IND_MIN_N]);
    else
        sqlite3_bind_int(stmt, 21, 30); /* the schema's default disclosure threshold */
    bind_text(stmt, 22, jarva__cat_text(row, IND_DESC_SV));
    bind_text(stmt, 23, jarva__cat_text(row, IND_DESC_EN));
    /* A target whose kind is not written is a proposal: nothing says it was
     * decided. */
    const char *kind = jarva__cat_text(row, IND_TARGET_KIND);
    if (row->cells[IND_TARGET_VALUE].text)
        bind_text(stmt, 24, kind ? kind : "proposed");
    else
        sqlite3_bind_null(stmt, 24);
    bind_text(stmt, 25, jarva__cat_text(row, IND_TARGET_DECISION));
    bind_text(stmt, 26, jarva__cat_text(row, IND_QUESTION_SV));
    bind_text(stmt, 27, jarva__cat_text(row, IND_QUESTION_EN));
    bind_text(stmt, 28, jarva__cat_text(row, IND_SCALE_SV));
    bind_text(stmt, 29, jarva__cat_text(row, IND_SCALE_EN));
}

typedef struct upsert {
    int file;
    const char *sql;
    bind_row bind;
} upsert;

static const upsert upserts[] = {
    { CAT_PLAN,
      "INSERT INTO plan_version(year, title_sv, title_en, adopted, note, on_track_probability,"
      " off_track_probability, contact_sv, contact_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
      " ON CONFLICT(year) DO UPDATE SET title_sv = excluded.title_sv,"
      " title_en = excluded.title_en, adopted = excluded.adopted, note = excluded.note,"
      " on_track_probability = excluded.on_track_probability,"
      " off_track_probability = excluded.off_track_probability,"
      " contact_sv = excluded.contact_sv, contact_en = excluded.contact_en",
      bind_plan },
    { CAT_ORGANISATIONS,
      "INSERT INTO organisation(id, position, name_sv, name_en, role) VALUES (?, ?, ?, ?, ?)"
      " ON CONFLICT(id) DO UPDATE SET position = excluded.position, name_sv = excluded.name_sv,"
      " name_en = excluded.name_en, role = excluded.role",
      bind_org },
    { CAT_PRIORITY_AREAS,
      "INSERT INTO priority_area(id, position, name_sv, name_en) VALUES (?, ?, ?, ?)"
      " ON CONFLICT(id) DO UPDATE SET position = excluded.position, name_sv = excluded.name_sv,"
      " name_en = excluded.name_en",
      bind_prio },
    { CAT_AUDIENCES,
      "INSERT INTO audience(id, position, name_sv, name_en, description_sv, description_en)"
      " VALUES (?, ?, ?, ?, ?, ?)"
      " ON CONFLICT(id) DO UPDATE SET position = excluded.position, name_sv = excluded.name_sv,"
      " name_en = excluded.name_en, description_sv = excluded.description_sv,"
      " description_en = excluded.description_en",
      bind_audience },
    { CAT_GOALS,
      "INSERT INTO goal(id, kind, audience_id, position, text_sv, text_en, owner_id)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)"
      " ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, audience_id = excluded.audience_id,"
      " position = excluded.position, text_sv = excluded.text_sv, text_en = excluded.text_en,"
      " owner_id = excluded.owner_id",
      bind_goal },
    { CAT_SOURCES,
      "INSERT INTO source_info(position, id, name_sv, name_en, publisher, simulated,"
      " population_sv, population_en, sampling_sv, sampling_en, fieldwork_sv, fieldwork_en,"
      " response_rate_sv, response_rate_en, reference, reference_year, url)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      bind_source_info },
    { CAT_PRINCIPLES,
      "INSERT INTO principle(id, position, text_sv, text_en) VALUES (?, ?, ?, ?)"
      " ON CONFLICT(id) DO UPDATE SET position = excluded.position, text_sv = excluded.text_sv,"
      " text_en = excluded.text_en",
      bind_principle },
    { CAT_AREAS,
      "INSERT INTO area(id, position, name, kind, parent_id, in_jarva, name_en)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)"
      " ON CONFLICT(id) DO UPDATE SET position = excluded.position, name = excluded.name,"
      " kind = excluded.kind, parent_id = excluded.parent_id, in_jarva = excluded.in_jarva,"
      " name_en = excluded.name_en",
      bind_area },
    { CAT_INDICATORS,
      "INSERT INTO indicator(id, goal_id, position, name_sv, name_en, source_kind, measure,"
      " source, variable, positive_codes, valid_codes, event_type, counting_rule, direction,"
      " baseline_year, baseline_value, target_year, target_value, unit, disaggregations, min_n,"
      " description_sv, description_en, target_kind, target_decision, question_sv, question_en,"
      " scale_sv, scale_en)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
      " ?)"
      " ON CONFLICT(id) DO UPDATE SET goal_id = excluded.goal_id, position = excluded.position,"
      " name_sv = excluded.name_sv, name_en = excluded.name_en,"
      " source_kind = excluded.source_kind, measure = excluded.measure,"
      " source = excluded.source, variable = excluded.variable,"
      " positive_codes = excluded.positive_codes, valid_codes = excluded.valid_codes,"
      " event_type = excluded.event_type, counting_rule = excluded.counting_rule,"
      " direction = excluded.direction, baseline_year = excluded.baseline_year,"
      " baseline_value = excluded.baseline_value, target_year = excluded.target_year,"
      " target_value = excluded.target_value, unit = excluded.unit,"
      " disaggregations = excluded.disaggregations, min_n = excluded.min_n,"
      " description_sv = excluded.description_sv, description_en = excluded.description_en,"
      " target_kind = excluded.target_kind, target_decision = excluded.target_decision,"
      " question_sv = excluded.question_sv, question_en = excluded.question_en,"
      " scale_sv = excluded.scale_sv, scale_en = excluded.scale_en",
      bind_indicator },
};

/* Runs sql once per row of the file's table, binding with bind. */
static int run_rows(jarva_db *db, const jarva__catalog *cat, int file, const char *sql,
                    bind_row bind)
{
    const jarva__cat_table *t = &cat->tables[file];
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db->sql, sql, -1, &stmt, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "preparing to write the catalogue");
    int rc = JARVA_OK;
    for (size_t r = 0; r < t->nrows && rc == JARVA_OK; r++) {
        bind(stmt, t, r);
        if (sqlite3_step(stmt) != SQLITE_DONE) {
            char what[128];
            snprintf(what, sizeof what, "writing %s line %ld", jarva__catalog_file(file),
                     t->rows[r].line);
            rc = jarva__sqlerr(db, what);
        }
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
    }
    sqlite3_finalize(stmt);
    return rc;
}

/* ---- aliases and series breaks: rewritten whole (nothing refers to them) -- */

static void bind_alias(sqlite3_stmt *stmt, const jarva__cat_table *t, size_t r)
{
    bind_text(stmt, 1, jarva__cat_text(&t->rows[r], ALIAS_ALIAS));
    bind_text(stmt, 2, jarva__cat_text(&t->rows[r], ALIAS_AREA));
}

static void bind_id_alias(sqlite3_stmt *stmt, const jarva__cat_table *t, size_t r)
{
    bind_text(stmt, 1, jarva__cat_text(&t->rows[r], AREA_ID));
    bind_text(stmt, 2, jarva__cat_text(&t->rows[r], AREA_ID));
}

static void bind_name_alias(sqlite3_stmt *stmt, const jarva__cat_table *t, size_t r)
{
    bind_text(stmt, 1, jarva__cat_text(&t->rows[r], AREA_NAME));
    bind_text(stmt, 2, jarva__cat_text(&t->rows[r], AREA_ID));
}

/* Every area's id and name are aliases too, so that one lookup in area_alias
 * (NOCASE) resolves whatever a file calls an area. The explicit aliases go
 * first; an id or name that repeats one of them (ignoring case) is the same
 * area, as catalog_check.c made sure. */
static int write_aliases(jarva_db *db, const jarva__catalog *cat)
{
    static const char implicit[] = "INSERT INTO area_alias(alias, area_id) VALUES (?, ?)"
                                   " ON CONFLICT(alias) DO NOTHING";
    int rc = jarva__exec(db, "DELETE FROM area_alias");
    if (!rc)
        rc = run_rows(db, cat, CAT_ALIASES, "INSERT INTO area_alias(alias, area_id) VALUES (?, ?)",
                      bind_alias);
    if (!rc)
        rc = run_rows(db, cat, CAT_AREAS, implicit, bind_id_alias);
    if (!rc)
        rc = run_rows(db, cat, CAT_AREAS, implicit, bind_name_alias);
    return rc;
}

static int write_series_breaks(jarva_db *db, const jarva__catalog *cat)
{
    const jarva__cat_table *t = &cat->tables[CAT_INDICATORS];
    int rc = jarva__exec(db, "DELETE FROM indicator_series_break");
    sqlite3_stmt *stmt = NULL;
    if (rc)
        return rc;
    if (sqlite3_prepare_v2(db->sql,
                           "INSERT INTO indicator_series_break(indicator_id, year) VALUES (?, ?)",
                           -1, &stmt, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "preparing to write series breaks");
    for (size_t r = 0; r < t->nrows && rc == JARVA_OK; r++) {
        const char *years = jarva__cat_text(&t->rows[r], IND_BREAKS);
        /* Canonical by now: "2021,2025". */
        for (const char *p = years; p && *p && rc == JARVA_OK;) {
            char *end = NULL;
            long year = strtol(p, &end, 10);
            bind_text(stmt, 1, jarva__cat_text(&t->rows[r], IND_ID));
            sqlite3_bind_int64(stmt, 2, year);
            if (sqlite3_step(stmt) != SQLITE_DONE)
                rc = jarva__sqlerr(db, "writing series breaks");
            sqlite3_reset(stmt);
            p = *end ? end + 1 : end;
        }
    }
    sqlite3_finalize(stmt);
    return rc;
}

/* ---- items gone from the files ------------------------------------------ */

/* What may refer to an item of a table from outside the catalogue. Imported
 * data is never deleted by a catalogue load: an item it refers to must stay. */
typedef struct gone {
    int file;
    const char *what;
    const char *select_ids;
    const char *refs_sql;   /* counts imported rows referring to ?1, or NULL */
    const char *cleanup;    /* derived rows to delete first, or NULL */
    const char *delete_sql; /* deletes ?1 */
} gone;

static const gone gones[] = {
    { CAT_INDICATORS, "indicator", "SELECT id FROM indicator", NULL,
      /* Estimates go by the cascade; published values keep their rows with
       * indicator_id set to NULL (ON DELETE SET NULL). */
      NULL, "DELETE FROM indicator WHERE id = ?1" },
    { CAT_GOALS, "goal", "SELECT id FROM goal", NULL, NULL, "DELETE FROM goal WHERE id = ?1" },
    { CAT_AUDIENCES, "audience", "SELECT id FROM audience",
      "SELECT count(*) FROM activity WHERE audience_id = ?1", NULL,
      "DELETE FROM audience WHERE id = ?1" },
    { CAT_AREAS, "area", "SELECT id FROM area",
      "SELECT (SELECT count(*) FROM response WHERE area_id = ?1)"
      " + (SELECT count(*) FROM published_value WHERE area_id = ?1)"
      " + (SELECT count(*) FROM activity WHERE area_id = ?1)",
      /* Estimates are computed: they can be computed again. */
      "DELETE FROM estimate WHERE area_id = ?1", "DELETE FROM area WHERE id = ?1" },
    { CAT_ORGANISATIONS, "organisation", "SELECT id FROM organisation",
      "SELECT (SELECT count(*) FROM response WHERE organisation_id = ?1)"
      " + (SELECT count(*) FROM activity WHERE organisation_id = ?1)",
      NULL, "DELETE FROM organisation WHERE id = ?1" },
    { CAT_PRIORITY_AREAS, "priority area", "SELECT id FROM priority_area", NULL, NULL,
      "DELETE FROM priority_area WHERE id = ?1" },
    { CAT_PRINCIPLES, "principle", "SELECT id FROM principle", NULL, NULL,
      "DELETE FROM principle WHERE id = ?1" },
};

/* Runs sql with ?1 bound to id; *count gets the first column of a row. */
static int run_with_id(jarva_db *db, const char *sql, const char *id, sqlite3_int64 *count)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db->sql, sql, -1, &stmt, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "preparing to remove catalogue items");
    bind_text(stmt, 1, id);
    int step = sqlite3_step(stmt);
    if (step == SQLITE_ROW && count)
        *count = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return jarva__sqlerr(db, "removing catalogue items");
    return JARVA_OK;
}

/* The ids in the database that the files no longer have. */
static int gone_ids(jarva_db *db, const jarva__catalog *cat, const gone *g, char ***ids, size_t *n)
{
    sqlite3_stmt *stmt = NULL;
    size_t cap = 0;
    *ids = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(db->sql, g->select_ids, -1, &stmt, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading the catalogue");
    int step = SQLITE_DONE, rc = JARVA_OK;
    while (rc == JARVA_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(stmt, 0);
        if (!id || jarva__cat_find(&cat->tables[g->file], 0, id) >= 0)
            continue;
        if (*n == cap) {
            cap = cap ? 2 * cap : 8;
            char **grown = realloc(*ids, cap * sizeof *grown);
            if (!grown) {
                rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
                break;
            }
            *ids = grown;
        }
        (*ids)[*n] = jarva__strdup(id);
        if (!(*ids)[(*n)++])
            rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    }
    if (rc == JARVA_OK && step != SQLITE_DONE)
        rc = jarva__sqlerr(db, "reading the catalogue");
    sqlite3_finalize(stmt);
    return rc;
}

static int remove_gone(jarva_db *db, jarva__catalog *cat, const gone *g)
{
    char **ids = NULL;
    size_t n = 0;
    int rc = gone_ids(db, cat, g, &ids, &n);
    for (size_t i = 0; i < n && rc == JARVA_OK; i++) {
        sqlite3_int64 refs = 0;
        if (g->refs_sql)
            rc = run_with_id(db, g->refs_sql, ids[i], &refs);
        if (rc == JARVA_OK && refs > 0) {
            jarva__cat_error(&cat->errors, cat->tables[g->file].path, 0,
                             "%s '%s' is no longer in the file, but %lld rows of imported data "
                             "refer to it; keep it, or remove those batches first",
                             g->what, ids[i], (long long)refs);
            continue;
        }
        if (rc == JARVA_OK && g->cleanup)
            rc = run_with_id(db, g->cleanup, ids[i], NULL);
        if (rc == JARVA_OK)
            rc = run_with_id(db, g->delete_sql, ids[i], NULL);
    }
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
    return rc;
}

/* Which indicator a published value measures is derived from the catalogue,
 * by the rule the table import links by (import_table.c: the indicator's id,
 * else a table indicator of the same survey whose variable is the measure),
 * so that it follows every load: a trial catalogue without an indicator
 * unlinks its values (ON DELETE SET NULL), and the real one links them
 * again, instead of losing them until a re-import. */
static int relink_published(jarva_db *db)
{
#define LINK                                                                                       \
    "coalesce((SELECT i.id FROM indicator i WHERE i.id = published_value.measure), "               \
    "(SELECT i.id FROM indicator i WHERE i.source_kind = 'table' AND "                             \
    "i.source = published_value.survey AND i.variable = published_value.measure "                  \
    "ORDER BY i.id LIMIT 1))"
    return jarva__exec(db, "UPDATE published_value SET indicator_id = " LINK
                           " WHERE indicator_id IS NOT " LINK);
#undef LINK
}

int jarva__catalog_write(jarva_db *db, jarva__catalog *cat)
{
    int rc = jarva__begin_write(db);
    if (rc)
        return rc;
    /* Until COMMIT: parents, goals and areas may be written in any order. The
     * pragma switches itself off at the end of the transaction. */
    rc = jarva__exec(db, "PRAGMA defer_foreign_keys = ON");
    if (!rc)
        rc = jarva__exec(db, "DELETE FROM plan_version");
    /* Nothing refers to a source's description: replaced whole. */
    if (!rc)
        rc = jarva__exec(db, "DELETE FROM source_info");
    for (size_t u = 0; !rc && u < sizeof upserts / sizeof upserts[0]; u++)
        rc = run_rows(db, cat, upserts[u].file, upserts[u].sql, upserts[u].bind);
    if (!rc)
        rc = write_aliases(db, cat);
    if (!rc)
        rc = write_series_breaks(db, cat);
    for (size_t g = 0; !rc && g < sizeof gones / sizeof gones[0]; g++)
        rc = remove_gone(db, cat, &gones[g]);
    if (!rc)
        rc = relink_published(db);
    if (!rc)
        rc = jarva__catalog_sources_write(db, cat);
    if (!rc && cat->errors.count)
        rc = JARVA_EFORMAT;
    if (rc) {
        jarva__rollback(db);
        return rc;
    }
    return jarva__commit(db);
}
