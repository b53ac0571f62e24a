/* schema.c: the store's tables, created and migrated by PRAGMA user_version.
 * docs/schema.md explains every table for analysts who open the file in the
 * sqlite3 shell; keep the two in step. */
#include <stdio.h>

#include "store_db.h"
#include "answer_store.h"
#include "jarva_internal.h"

/* Version 1. STRICT tables (SQLite 3.37+) so a misplaced value is an error, not a
 * silently stored string. Proportions are stored on the 0–1 scale everywhere
 * (catalogue baselines and targets included) so that they compare directly. */
static const char *const schema_v1[] = {
    "CREATE TABLE plan_version ("
    "  year INTEGER PRIMARY KEY,"
    "  title_sv TEXT NOT NULL,"
    "  title_en TEXT NOT NULL,"
    "  adopted TEXT,"
    "  note TEXT"
    ") STRICT",
    "CREATE TABLE organisation ("
    "  id TEXT PRIMARY KEY,"
    "  position INTEGER NOT NULL,"
    "  name_sv TEXT NOT NULL,"
    "  name_en TEXT NOT NULL,"
    "  role TEXT NOT NULL CHECK (role IN ('signatory', 'participant'))"
    ") STRICT",
    "CREATE TABLE priority_area ("
    "  id TEXT PRIMARY KEY,"
    "  position INTEGER NOT NULL,"
    "  name_sv TEXT NOT NULL,"
    "  name_en TEXT NOT NULL"
    ") STRICT",
    "CREATE TABLE audience ("
    "  id TEXT PRIMARY KEY,"
    "  position INTEGER NOT NULL,"
    "  name_sv TEXT NOT NULL,"
    "  name_en TEXT NOT NULL,"
    "  description_sv TEXT,"
    "  description_en TEXT"
    ") STRICT",
    "CREATE TABLE goal ("
    "  id TEXT PRIMARY KEY,"
    "  kind TEXT NOT NULL CHECK (kind IN ('overall', 'communication')),"
    "  audience_id TEXT REFERENCES audience(id),"
    "  position INTEGER NOT NULL,"
    "  text_sv TEXT NOT NULL,"
    "  text_en TEXT NOT NULL,"
    "  CHECK ((kind = 'overall') = (audience_id IS NULL))"
    ") STRICT",
    "CREATE TABLE principle ("
    "  id TEXT PRIMARY KEY,"
    "  position INTEGER NOT NULL,"
    "  text_sv TEXT NOT NULL,"
    "  text_en TEXT NOT NULL"
    ") STRICT",
    "CREATE TABLE area ("
    "  id TEXT PRIMARY KEY,"
    "  position INTEGER NOT NULL,"
    "  name TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('whole', 'area', 'district', 'police_area', 'city', "
    "'region')),"
    "  parent_id TEXT REFERENCES area(id),"
    "  in_jarva INTEGER NOT NULL CHECK (in_jarva IN (0, 1))"
    ") STRICT",
    "CREATE TABLE area_alias ("
    "  alias TEXT PRIMARY KEY COLLATE NOCASE,"
    "  area_id TEXT NOT NULL REFERENCES area(id) ON DELETE CASCADE"
    ") STRICT",
    "CREATE TABLE indicator ("
    "  id TEXT PRIMARY KEY,"
    "  goal_id TEXT NOT NULL REFERENCES goal(id),"
    "  position INTEGER NOT NULL,"
    "  name_sv TEXT NOT NULL,"
    "  name_en TEXT NOT NULL,"
    "  source_kind TEXT NOT NULL CHECK (source_kind IN ('survey', 'table', 'staff', 'activity')),"
    "  measure TEXT NOT NULL CHECK (measure IN ('proportion', 'mean', 'count', 'rate')),"
    "  source TEXT NOT NULL,"
    "  variable TEXT,"
    "  positive_codes TEXT,"
    "  valid_codes TEXT,"
    "  event_type TEXT,"
    "  counting_rule TEXT,"
    "  direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),"
    "  baseline_year INTEGER,"
    "  baseline_value REAL,"
    "  target_year INTEGER,"
    "  target_value REAL,"
    "  unit TEXT NOT NULL,"
    "  disaggregations TEXT NOT NULL DEFAULT '',"
    "  min_n INTEGER NOT NULL DEFAULT 30 CHECK (min_n >= 1),"
    "  description_sv TEXT,"
    "  description_en TEXT"
    ") STRICT",
    "CREATE INDEX indicator_goal ON indicator(goal_id)",
    "CREATE TABLE indicator_series_break ("
    "  indicator_id TEXT NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,"
    "  year INTEGER NOT NULL,"
    "  PRIMARY KEY (indicator_id, year)"
    ") STRICT",
    "CREATE TABLE batch ("
    "  id INTEGER PRIMARY KEY,"
    "  kind TEXT NOT NULL CHECK (kind IN ('survey', 'table', 'staff', 'activity')),"
    "  source TEXT NOT NULL,"
    "  year INTEGER,"
    "  file_name TEXT NOT NULL,"
    "  sha256 TEXT NOT NULL UNIQUE,"
    "  rows INTEGER NOT NULL CHECK (rows >= 0),"
    "  imported_at TEXT NOT NULL,"
    "  tool_version TEXT NOT NULL,"
    "  options TEXT NOT NULL DEFAULT ''"
    ") STRICT",
    /* One wave per survey and year: a second file for it replaces the first. */
    "CREATE UNIQUE INDEX batch_wave ON batch(kind, source, year)"
    "  WHERE kind IN ('survey', 'staff') AND year IS NOT NULL",
    "CREATE TABLE batch_variable ("
    "  batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  name TEXT NOT NULL,"
    "  source_column TEXT NOT NULL,"
    "  PRIMARY KEY (batch_id, position),"
    "  UNIQUE (batch_id, name)"
    ") STRICT",
    /* respondent_id is unique within a batch, which the import checks: an
     * index on it would cost a random b-tree insert per row, where rows and
     * response_batch are appended to in order. */
    "CREATE TABLE response ("
    "  id INTEGER PRIMARY KEY,"
    "  batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,"
    "  row_no INTEGER NOT NULL,"
    "  respondent_id TEXT NOT NULL,"
    "  year INTEGER NOT NULL,"
    "  area_id TEXT REFERENCES area(id),"
    "  organisation_id TEXT REFERENCES organisation(id),"
    "  role TEXT,"
    "  stratum TEXT,"
    "  weight REAL NOT NULL CHECK (weight > 0),"
    "  sex TEXT,"
    "  age_group TEXT,"
    "  answers TEXT NOT NULL"
    ") STRICT",
    "CREATE INDEX response_batch ON response(batch_id, row_no)",
    "CREATE TABLE published_value ("
    "  id INTEGER PRIMARY KEY,"
    "  batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,"
    "  row_no INTEGER NOT NULL,"
    "  indicator_id TEXT REFERENCES indicator(id) ON DELETE SET NULL,"
    "  survey TEXT NOT NULL,"
    "  measure TEXT NOT NULL,"
    "  year INTEGER NOT NULL,"
    "  area_id TEXT NOT NULL REFERENCES area(id),"
    "  value_kind TEXT NOT NULL CHECK (value_kind IN ('share', 'count', 'mean')),"
    "  value REAL,"
    "  n INTEGER CHECK (n > 0),"
    "  suppressed INTEGER NOT NULL DEFAULT 0 CHECK (suppressed IN (0, 1)),"
    "  suppression_marker TEXT,"
    "  source TEXT,"
    "  note TEXT,"
    "  CHECK (value_kind <> 'share' OR value BETWEEN 0 AND 1),"
    "  CHECK ((value IS NULL) = (suppressed = 1))"
    ") STRICT",
    "CREATE INDEX published_value_batch ON published_value(batch_id)",
    "CREATE TABLE activity ("
    "  id INTEGER PRIMARY KEY,"
    "  batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,"
    "  row_no INTEGER NOT NULL,"
    "  date TEXT NOT NULL,"
    "  year INTEGER NOT NULL,"
    "  organisation_id TEXT REFERENCES organisation(id),"
    "  audience_id TEXT REFERENCES audience(id),"
    "  type TEXT NOT NULL,"
    "  area_id TEXT REFERENCES area(id),"
    "  count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 0),"
    "  reach INTEGER CHECK (reach >= 0),"
    "  planned_date TEXT,"
    "  delivered_date TEXT,"
    "  description TEXT"
    ") STRICT",
    "CREATE INDEX activity_batch ON activity(batch_id)",
    "CREATE TABLE estimate ("
    "  id INTEGER PRIMARY KEY,"
    "  indicator_id TEXT NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,"
    "  year INTEGER NOT NULL,"
    "  area_id TEXT NOT NULL REFERENCES area(id),"
    "  domain TEXT NOT NULL DEFAULT '',"
    "  n INTEGER,"
    "  n_positive INTEGER,"
    "  value REAL,"
    "  se REAL,"
    "  ci_low REAL,"
    "  ci_high REAL,"
    "  df REAL,"
    "  n_eff REAL,"
    "  method TEXT,"
    "  level REAL,"
    "  suppressed INTEGER NOT NULL DEFAULT 0 CHECK (suppressed IN (0, 1)),"
    "  flags INTEGER NOT NULL DEFAULT 0,"
    "  note TEXT,"
    "  computed_at TEXT NOT NULL,"
    "  UNIQUE (indicator_id, year, area_id, domain)"
    ") STRICT",
    "CREATE TABLE estimate_batch ("
    "  estimate_id INTEGER NOT NULL REFERENCES estimate(id) ON DELETE CASCADE,"
    "  batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,"
    "  PRIMARY KEY (estimate_id, batch_id)"
    ") STRICT",
    "CREATE INDEX estimate_batch_batch ON estimate_batch(batch_id)",
    /* Removing a batch removes what was computed from it; the link rows alone
     * would go by the cascade, leaving stale estimates behind. */
    "CREATE TRIGGER batch_delete_estimates BEFORE DELETE ON batch BEGIN"
    "  DELETE FROM estimate WHERE id IN"
    "    (SELECT estimate_id FROM estimate_batch WHERE batch_id = OLD.id);"
    " END",
    /* Readable views for analysts in the sqlite3 shell. */
    "CREATE VIEW indicator_overview AS"
    "  SELECT i.id AS indicator, i.name_sv AS namn, i.name_en AS name,"
    "         g.id AS goal, g.kind AS goal_kind, a.name_sv AS audience,"
    "         i.source_kind, i.measure, i.direction, i.baseline_year, i.baseline_value,"
    "         i.target_year, i.target_value, i.unit, i.min_n"
    "  FROM indicator i JOIN goal g ON g.id = i.goal_id"
    "  LEFT JOIN audience a ON a.id = g.audience_id"
    "  ORDER BY g.kind DESC, a.position, g.position, i.position",
    "CREATE VIEW answer AS"
    "  SELECT r.batch_id, r.respondent_id, r.year, r.area_id, v.name AS variable,"
    "         j.value AS code"
    "  FROM response r, json_each(r.answers) j"
    "  JOIN batch_variable v ON v.batch_id = r.batch_id AND v.position = j.key",
    "CREATE VIEW estimate_overview AS"
    "  SELECT e.indicator_id AS indicator, i.name_sv AS namn, e.year, ar.name AS area,"
    "         e.domain, e.n, e.value, e.ci_low, e.ci_high, e.se, e.method, e.suppressed"
    "  FROM estimate e JOIN indicator i ON i.id = e.indicator_id"
    "  JOIN area ar ON ar.id = e.area_id"
    "  ORDER BY e.indicator_id, e.year, ar.position, e.domain",
    /* The plan's goals in plan order with their audience and indicator count. */
    "CREATE VIEW goal_overview AS"
    "  SELECT g.id AS goal, g.kind, a.id AS audience, a.name_sv AS audience_name,"
    "         g.position, g.text_sv AS text, g.text_en AS text_en,"
    "         (SELECT count(*) FROM indicator i WHERE i.goal_id = g.id) AS indicators"
    "  FROM goal g LEFT JOIN audience a ON a.id = g.audience_id"
    "  ORDER BY g.kind = 'communication', a.position, g.position",
    /* Every name an area goes by (ids and names included), for joins on names
     * as files write them: WHERE alias = 'LPO Järva' (ASCII case ignored). */
    "CREATE VIEW area_lookup AS"
    "  SELECT l.alias, ar.id AS area, ar.name, ar.kind, ar.in_jarva"
    "  FROM area_alias l JOIN area ar ON ar.id = l.area_id"
    "  ORDER BY ar.position, l.alias",
    NULL,
};

/* Version 2. Estimates stored by version 1 kept n (and n_positive) of a
 * suppressed cell, which gives the cell away by subtraction (the total's n
 * minus the shown cells'): remove them. Complementary suppression
 * (compute_disclosure.c) reaches such a database at its next compute. */
static const char *const schema_v2[] = {
    "UPDATE estimate SET n = NULL, n_positive = NULL WHERE suppressed = 1",
    NULL,
};

/* Version 3: whether a target is decided or proposed (issue 11), and the
 * plan's two probability thresholds of the target status. */
static const char *const schema_v3[] = {
    "ALTER TABLE indicator ADD COLUMN target_kind TEXT CHECK (target_kind IN ('decided', "
    "'proposed'))",
    "ALTER TABLE indicator ADD COLUMN target_decision TEXT",
    "ALTER TABLE plan_version ADD COLUMN on_track_probability REAL",
    "ALTER TABLE plan_version ADD COLUMN off_track_probability REAL",
    NULL,
};

/* Version 4. The catalogue's source mappings (sources/<id>.csv) as `jarva init`
 * read them: imports use these, not the folder, which may have changed or be
 * another one by then (issue 14). content keeps the file as it was, for
 * provenance; the entries are its rows, parsed once, with their lines.
 * IF NOT EXISTS: a test may set user_version back on a current file. */
static const char *const schema_v4[] = {
    "CREATE TABLE IF NOT EXISTS catalog_source ("
    "  id TEXT PRIMARY KEY,"
    "  path TEXT NOT NULL,"
    "  sha256 TEXT NOT NULL,"
    "  content TEXT NOT NULL"
    ") STRICT",
    "CREATE TABLE IF NOT EXISTS catalog_source_entry ("
    "  source_id TEXT NOT NULL REFERENCES catalog_source(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  line INTEGER NOT NULL,"
    "  field TEXT NOT NULL,"
    "  column_name TEXT NOT NULL,"
    "  year_from INTEGER,"
    "  year_to INTEGER,"
    "  codes TEXT,"
    "  PRIMARY KEY (source_id, position)"
    ") STRICT",
    /* One row: the folder the catalogue was loaded from and when. */
    "CREATE TABLE IF NOT EXISTS catalog_origin ("
    "  id INTEGER PRIMARY KEY CHECK (id = 1),"
    "  dir TEXT NOT NULL,"
    "  loaded_at TEXT NOT NULL"
    ") STRICT",
    NULL,
};

/* Version 5. The weights of a survey or staff batch at a glance (issue 17):
 * the largest over the smallest, and how many weights beyond the import's
 * factor from the median were accepted (--accept-extreme-weights). */
static const char *const schema_v5[] = {
    "ALTER TABLE batch ADD COLUMN weight_ratio REAL",
    "ALTER TABLE batch ADD COLUMN extreme_weights INTEGER",
    NULL,
};

/* Version 6 (issue 16): answers stored for speed. Compute reads one question
 * of a wave without parsing every respondent's answer list: per column and
 * block of 4096 respondents (response.seq / 4096) one BLOB of packed codes in
 * column_block, the codes' texts in column_code (answer_store.c encodes and
 * decodes them). jarva__answers_migrate_json() converts the JSON lists of
 * response.answers, fills response.seq and drops answers; the answer view
 * reads the blocks. Statements are safe to run on a file that has them (a
 * test may set user_version back on a current file). */
static const char *const schema_v6_tables[] = {
    "CREATE TABLE IF NOT EXISTS design_column ("
    "  column_no INTEGER PRIMARY KEY CHECK (column_no < 0),"
    "  name TEXT NOT NULL UNIQUE"
    ") STRICT",
    "INSERT OR IGNORE INTO design_column VALUES (-1, 'weight'), (-2, 'stratum'), (-3, 'area_id'),"
    " (-4, 'sex'), (-5, 'age_group'), (-6, 'organisation_id'), (-7, 'role')",
    "CREATE TABLE IF NOT EXISTS column_block ("
    "  batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,"
    "  column_no INTEGER NOT NULL,"
    "  block INTEGER NOT NULL CHECK (block >= 0),"
    "  count INTEGER NOT NULL CHECK (count BETWEEN 1 AND 4096),"
    "  data BLOB NOT NULL,"
    "  PRIMARY KEY (batch_id, column_no, block)"
    ") STRICT, WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS column_code ("
    "  batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,"
    "  column_no INTEGER NOT NULL,"
    "  code INTEGER NOT NULL CHECK (code >= 1),"
    "  value TEXT NOT NULL,"
    "  PRIMARY KEY (batch_id, column_no, code)"
    ") STRICT, WITHOUT ROWID",
    "DROP VIEW IF EXISTS answer",
    NULL,
};

/* The answer view: respondent r's code for variable v is at byte offset o =
 * (seq % 4096) * w of the block's data, w = length(data) / count bytes,
 * little-endian; each byte's value is its place in the 256 bytes 00..ff
 * (SQLite has no function that reads a BLOB as a number). Code 0 (missing)
 * has no text: code is NULL, as the JSON list's null was. */
#define ANSWER_VIEW                                                                                \
    "CREATE VIEW answer AS"                                                                        \
    "  WITH bytes(b) AS (SELECT x'" JARVA__SQL_BYTES_00_FF "'),"                                   \
    "  cell AS (SELECT r.batch_id, r.respondent_id, r.year, r.area_id, v.position, v.name,"        \
    "                  k.data, length(k.data) / k.count AS w,"                                     \
    "                  (r.seq % 4096) * (length(k.data) / k.count) AS o"                           \
    "           FROM response r JOIN batch_variable v ON v.batch_id = r.batch_id"                  \
    "           JOIN column_block k ON k.batch_id = r.batch_id AND k.column_no = v.position"       \
    "             AND k.block = r.seq / 4096)"                                                     \
    "  SELECT a.batch_id, a.respondent_id, a.year, a.area_id, a.name AS variable,"                 \
    "         c.value AS code"                                                                     \
    "  FROM cell a CROSS JOIN bytes"                                                               \
    "  LEFT JOIN column_code c ON c.batch_id = a.batch_id AND c.column_no = a.position"            \
    "    AND c.code = instr(b, substr(a.data, a.o + 1, 1)) - 1"                                    \
    "      + CASE WHEN a.w > 1 THEN (instr(b, substr(a.data, a.o + 2, 1)) - 1) * 256 ELSE 0 END"   \
    "      + CASE WHEN a.w > 2 THEN (instr(b, substr(a.data, a.o + 3, 1)) - 1) * 65536"            \
    "          + (instr(b, substr(a.data, a.o + 4, 1)) - 1) * 16777216 ELSE 0 END"

static const char *const schema_v6_views[] = {
    ANSWER_VIEW,
    NULL,
};

/* Version 7. The value labels of an SPSS, Stata or SAS file, stored with the
 * batch imported from it (issue 14): code -> label for each column (the
 * file's variable) that has them, so that what a code meant in that wave
 * stays with the data. The codes are written as the batch's answers are. */
static const char *const schema_v7[] = {
    "CREATE TABLE IF NOT EXISTS batch_value_label ("
    "  batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,"
    "  source_column TEXT NOT NULL,"
    "  code TEXT NOT NULL,"
    "  label TEXT NOT NULL,"
    "  PRIMARY KEY (batch_id, source_column, code)"
    ") STRICT",
    NULL,
};

/* Version 8. Whom journalists and residents may contact about the plan's
 * follow-up (plan.csv's contact_sv, contact_en), for the press sheet. */
static const char *const schema_v8[] = {
    "ALTER TABLE plan_version ADD COLUMN contact_sv TEXT",
    "ALTER TABLE plan_version ADD COLUMN contact_en TEXT",
    NULL,
};

/* Version 9 (issue 16): respondents stored in blocks too. A row of the table
 * response per respondent, with its index, was most of what SQLite did in an
 * import (two b-tree inserts and a record of a dozen columns per respondent);
 * the line and the id now are two more columns of column_block (answer_store.h:
 * JARVA__COL_ROW_NO, JARVA__COL_RESPONDENT), written a block of 4096 at a
 * time, and the rest was in the blocks already. jarva__answers_migrate_
 * respondents() moves the rows and makes response a view of the blocks with
 * the columns it had (but the rowid id), for analysts in the sqlite3 shell
 * (answer_view.c); the answer view reads it as before. */
static const char *const schema_v9[] = {
    "DROP VIEW IF EXISTS answer",
    NULL,
};
static const char *const schema_v9_after[] = {
    "INSERT OR IGNORE INTO design_column VALUES (-8, 'row_no'), (-9, 'respondent_id')",
    NULL,
};

/* Version 10 (issue 12). The organisation that owns a goal (goals.csv's
 * owner), an area's English name, each question's wording and answer scale,
 * and what each source is (sources.csv), for the report's quality
 * declaration: population, sampling, fieldwork, response rate, primary
 * publication, and whether its data are simulated. */
static const char *const schema_v10[] = {
    /* No REFERENCES: the catalogue check names an unknown owner with its
     * line, and a plain column can be dropped again (tests make old files). */
    "ALTER TABLE goal ADD COLUMN owner_id TEXT",
    "ALTER TABLE area ADD COLUMN name_en TEXT",
    "ALTER TABLE indicator ADD COLUMN question_sv TEXT",
    "ALTER TABLE indicator ADD COLUMN question_en TEXT",
    "ALTER TABLE indicator ADD COLUMN scale_sv TEXT",
    "ALTER TABLE indicator ADD COLUMN scale_en TEXT",
    "CREATE TABLE IF NOT EXISTS source_info ("
    "  id TEXT PRIMARY KEY,"
    "  position INTEGER NOT NULL,"
    "  name_sv TEXT NOT NULL,"
    "  name_en TEXT NOT NULL,"
    "  publisher TEXT,"
    "  simulated INTEGER NOT NULL CHECK (simulated IN (0, 1)),"
    "  population_sv TEXT, population_en TEXT,"
    "  sampling_sv TEXT, sampling_en TEXT,"
    "  fieldwork_sv TEXT, fieldwork_en TEXT,"
    "  response_rate_sv TEXT, response_rate_en TEXT,"
    "  reference TEXT,"
    "  reference_year INTEGER,"
    "  url TEXT"
    ") STRICT",
    NULL,
};

/* Version 11: the answer view loops over respondents first, so that one
 * respondent's answers are read in seconds, not minutes (answer_view.c). SQL
 * alone cannot write that view (its statement is joined from pieces). */
static const char *const schema_v11[] = {
    NULL,
};

typedef struct migration {
    int to_version;
    const char *const *statements; /* NULL-terminated */
    /* What SQL alone cannot do, then more statements; both may be NULL. */
    int (*convert)(jarva_db *db);
    const char *const *after;
} migration;

/* Each entry takes the schema from to_version - 1 to to_version. Append only:
 * a released database is migrated step by step, never recreated. */
/* One line each, so that appending a migration stays a one-line change. */
/* clang-format off */
static const migration migrations[] = {
    { 1, schema_v1, NULL, NULL },
    { 2, schema_v2, NULL, NULL },
    { 3, schema_v3, NULL, NULL },
    { 4, schema_v4, NULL, NULL },
    { 5, schema_v5, NULL, NULL },
    { 6, schema_v6_tables, jarva__answers_migrate_json, schema_v6_views },
    { 7, schema_v7, NULL, NULL },
    { 8, schema_v8, NULL, NULL },
    { 9, schema_v9, jarva__answers_migrate_respondents, schema_v9_after },
    { 10, schema_v10, NULL, NULL },
    { 11, schema_v11, jarva__answers_create_answer_view, NULL },
};
/* clang-format on */

#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

int jarva_db_schema_version(void)
{
    return SCHEMA_VERSION;
}

static int read_user_version(jarva_db *db, int *version)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db->sql, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading the schema version");
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW)
        return jarva__sqlerr(db, "reading the schema version");
    return JARVA_OK;
}

int jarva__schema_migrate(jarva_db *db)
{
    int version = 0;
    int rc = read_user_version(db, &version);
    if (rc)
        return rc;
    if (version > SCHEMA_VERSION)
        return jarva__seterr(&db->err, JARVA_EVERSION,
                             "%s: schema version %d is newer than this libjarva (%s) knows (%d)",
                             db->path, version, JARVA_VERSION_STRING, SCHEMA_VERSION);
    if (version == SCHEMA_VERSION)
        return JARVA_OK;

    rc = jarva__begin_write(db);
    if (rc)
        return rc;
    /* Read again inside the write lock: another process may have migrated
     * between our first look and the lock. */
    rc = read_user_version(db, &version);
    for (int i = version; rc == JARVA_OK && i < SCHEMA_VERSION; i++) {
        for (const char *const *sql = migrations[i].statements; rc == JARVA_OK && *sql; sql++)
            rc = jarva__exec(db, *sql);
        if (rc == JARVA_OK && migrations[i].convert)
            rc = migrations[i].convert(db);
        for (const char *const *sql = migrations[i].after; rc == JARVA_OK && sql && *sql; sql++)
            rc = jarva__exec(db, *sql);
        if (rc == JARVA_OK) {
            char pragma[64];
            snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", migrations[i].to_version);
            rc = jarva__exec(db, pragma);
        }
    }
    if (rc) {
        jarva__rollback(db);
        return rc;
    }
    return jarva__commit(db);
}
