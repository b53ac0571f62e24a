/* test_answer_store.c: the stored answer blocks (answer_store.c). Values put
 * in come back out through the reader and through the answer view, across
 * blocks and for every width of code (1, 2 and 4 bytes); and a database
 * written by a jarva at schema version 4 (tests/data/store/, answers as JSON
 * lists) migrates to the same answers in the view and the same estimates
 * from compute as that version gave (to 1e-12). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer_store.h"
#include "harness.h"
#include "answer_write.h"
#include "store_db.h"

#define STORE JARVA_TEST_DATA_DIR "/store/"

/* The respondents of the round trip: sixteen blocks and a bit, so that
 * codes pass 65535. */
#define ROWS (16 * JARVA__BLOCK_ROWS + 1808)

/* Respondent i's answer to question q as text ("" for missing): q0 one of
 * five codes or missing (one byte), q1 one of 300 texts (all in the first
 * block: two bytes), q2 a text of its own (two bytes, four once codes pass
 * 65535). */
static void answer_text(size_t i, int q, char *buf, size_t size)
{
    if (q == 0) {
        if (i % 7 == 3)
            buf[0] = '\0';
        else
            snprintf(buf, size, "%zu", i % 5 + 1);
    } else if (q == 1)
        snprintf(buf, size, "text %zu", (i * 37) % 300);
    else
        snprintf(buf, size, "own %zu", i * 9);
}

static char *dump(sqlite3 *sql, const char *query)
{
    sqlite3_stmt *st = NULL;
    size_t len = 0, cap = 1 << 16;
    char *out = malloc(cap);
    out[0] = '\0';
    if (sqlite3_prepare_v2(sql, query, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "dump: %s\n", sqlite3_errmsg(sql));
        return out;
    }
    while (sqlite3_step(st) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count(st); c++) {
            const char *v = (const char *)sqlite3_column_text(st, c);
            size_t n = strlen(v ? v : "NULL") + 2;
            if (len + n >= cap)
                out = realloc(out, cap *= 2);
            len += (size_t)snprintf(out + len, cap - len, "%s%c", v ? v : "NULL",
                                    c + 1 < sqlite3_column_count(st) ? '|' : '\n');
        }
    sqlite3_finalize(st);
    return out;
}

static jarva_db *fresh(const char *name)
{
    const char *path = test_tmp_path(name);
    char other[4200];
    remove(path);
    snprintf(other, sizeof other, "%s-wal", path);
    remove(other);
    jarva_db *db = NULL;
    if (jarva_db_open(&db, path, JARVA_DB_CREATE) != JARVA_OK) {
        fprintf(stderr, "setup: %s\n", jarva_errmsg(db));
        exit(1);
    }
    return db;
}

/* Duplicates reported: each "dup" after the first, on line 1002, 2002, ...
 * in order, first seen on line 2. */
static size_t dup_seen;
static int on_duplicate(void *ctx, int64_t line, const char *id, int64_t first)
{
    (void)ctx;
    dup_seen++;
    CHECK_INT(line, (int64_t)dup_seen * 1000 + 2);
    CHECK_STR(id, "dup");
    CHECK_INT(first, 2);
    return 0;
}

/* Reads every block of the columns; the status that ended them, with the
 * message on db. */
static int read_all(jarva_db *db, const int *columns, size_t n, size_t *blocks)
{
    jarva__answer_reader *r = NULL;
    int rc = jarva__answers_reader_open(&r, db, 1, columns, n);
    size_t count;
    *blocks = 0;
    while (!rc && (rc = jarva__answers_reader_next(r, &count)) == 1) {
        (*blocks)++;
        rc = 0;
    }
    /* Once ended, the reader keeps saying so. */
    if (r)
        CHECK_INT(jarva__answers_reader_next(r, &count), rc);
    CHECK_INT(count, 0);
    jarva__answers_reader_free(r);
    return rc;
}

/* The reader reads ahead on a thread of its own (answer_reader.c): stopping
 * it early must not hang, and a damaged block must come back as an error
 * naming the column, on the caller's db, at the block where it lies. Run
 * last: it damages the batch. */
static void test_reader_errors(jarva_db *db)
{
    int columns[] = { JARVA__COL_WEIGHT, JARVA__COL_STRATUM, 1, 2 };
    size_t blocks = 0;
    CHECK_INT(read_all(db, columns, 4, &blocks), 0);
    CHECK_INT(blocks, 17);
    /* Freed after one block, with the producer waiting for a free slot. */
    jarva__answer_reader *r = NULL;
    size_t count = 0;
    CHECK_INT(jarva__answers_reader_open(&r, db, 1, columns, 4), JARVA_OK);
    CHECK_INT(jarva__answers_reader_next(r, &count), 1);
    CHECK_INT(count, 4096);
    jarva__answers_reader_free(r);
    /* Freed before any block. */
    CHECK_INT(jarva__answers_reader_open(&r, db, 1, columns, 4), JARVA_OK);
    jarva__answers_reader_free(r);

    /* Each damage in turn (they accumulate), the columns read, the blocks
     * read before the damaged one, and the message. */
    static const int four[] = { JARVA__COL_WEIGHT, JARVA__COL_STRATUM, 1, 2 };
    static const int two[] = { JARVA__COL_WEIGHT, 2 };
    static const struct {
        const char *damage;
        const int *columns;
        size_t ncolumns, blocks;
        const char *message;
    } cases[] = {
        /* Column 1's block 5 with three bytes a code: blocks 0-4 come first. */
        { "UPDATE column_block SET data = zeroblob(3 * count) WHERE batch_id = 1 AND "
          "column_no = 1 AND block = 5",
          four, 4, 5, "column 1 of the stored answers: codes of an unknown width" },
        /* Column 2 without its block 9: its block 10 meets the others' 9. */
        { "DELETE FROM column_block WHERE batch_id = 1 AND column_no = 2 AND block = 9", two, 2, 9,
          "column 2 of the stored answers: blocks out of step" },
        { "UPDATE column_block SET data = zeroblob(4 * count) WHERE batch_id = 1 AND "
          "column_no = -1 AND block = 0",
          two, 2, 0, "column -1 of the stored answers: weights not 8 bytes each" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK_INT(jarva__exec(db, cases[i].damage), JARVA_OK);
        CHECK_INT(read_all(db, cases[i].columns, cases[i].ncolumns, &blocks), JARVA_EDB);
        CHECK_INT(blocks, cases[i].blocks);
        CHECK(strstr(jarva_errmsg(db), cases[i].message));
    }
}

static void test_round_trip(void)
{
    jarva_db *db = fresh("answer_store.db");
    CHECK_INT(jarva__exec(db, "INSERT INTO batch(id, kind, source, year, file_name, sha256, rows,"
                              " imported_at, tool_version) VALUES (1, 'survey', 's', 2025, 'f',"
                              " 'x', 1, 'now', '0'); INSERT INTO batch_variable VALUES"
                              " (1, 0, 'q0', 'F0'), (1, 1, 'q1', 'F1'), (1, 2, 'q2', 'F2')"),
              JARVA_OK);
    CHECK_INT(jarva__begin_write(db), JARVA_OK); /* one commit, as an import makes */
    jarva__answer_encoder *e = NULL;
    CHECK_INT(jarva__answers_encoder_new(&e, 1, 3), JARVA_OK);
    char buf[64];
    size_t blocks = 0;
    int ok = 1;
    for (size_t i = 0; i < ROWS && ok; i++) {
        jarva__answers_put_weight(e, 1.0 + (double)i / 8);
        /* Respondent "r<i>" on line i + 2, except every 1000th: "dup" (lines 2,
         * 1002, ...), duplicates found by jarva__answers_duplicates. */
        if (i % 1000)
            snprintf(buf, sizeof buf, "r%zu", i);
        else
            snprintf(buf, sizeof buf, "dup");
        ok &= jarva__answers_put_respondent(e, buf, strlen(buf), (int64_t)i + 2) == 0;
        snprintf(buf, sizeof buf, "s%zu", i % 4);
        ok &= jarva__answers_put(e, JARVA__COL_STRATUM, buf, strlen(buf)) == 0;
        /* No area for every tenth respondent: missing, not put at all. */
        if (i % 10)
            ok &= jarva__answers_put(e, JARVA__COL_AREA, i % 2 ? "husby" : "kista", 5) == 0;
        for (int q = 0; q < 3; q++) {
            answer_text(i, q, buf, sizeof buf);
            ok &= jarva__answers_put(e, q, buf, strlen(buf)) == 0;
        }
        /* After the last row, last = 1 hands over the partial block. */
        for (int last = 0; last <= (i + 1 == ROWS); last++) {
            jarva__answer_block *block = NULL;
            ok &= jarva__answers_end_row(e, last, &block) == 0;
            if (block) {
                ok &= jarva__answers_write_block(db->sql, block) == JARVA_OK;
                jarva__answers_block_free(block);
                blocks++;
            }
        }
    }
    CHECK(ok);
    CHECK_INT(blocks, 17);
    CHECK_INT(jarva__answers_write_codes(db, e), JARVA_OK);
    CHECK_INT(jarva__commit(db), JARVA_OK);
    jarva__answers_encoder_free(e);
    /* Widths: the blocks of each (question, bytes per code). Block 15 holds
     * rows 61440-65535, whose q2 codes reach 65536. */
    char *widths =
        dump(db->sql, "SELECT column_no, length(data) / count, count(*), min(block) "
                      "FROM column_block WHERE column_no >= 0 GROUP BY 1, 2 ORDER BY 1, 2");
    CHECK_STR(widths, "0|1|17|0\n1|2|17|0\n2|2|15|0\n2|4|2|15\n");
    free(widths);

    /* The reader gives back each respondent's values. */
    char **q2 = NULL, **areas = NULL;
    size_t nq2 = 0, nareas = 0;
    CHECK_INT(jarva__answers_codes(db, 1, 2, &q2, &nq2), JARVA_OK);
    CHECK_INT(jarva__answers_codes(db, 1, JARVA__COL_AREA, &areas, &nareas), JARVA_OK);
    CHECK_INT(nareas, 2);
    CHECK_INT(nq2, ROWS);
    int columns[] = { JARVA__COL_WEIGHT, JARVA__COL_AREA, 2, JARVA__COL_SEX };
    jarva__answer_reader *r = NULL;
    CHECK_INT(jarva__answers_reader_open(&r, db, 1, columns, 4), JARVA_OK);
    size_t n, seen = 0, wrong = 0;
    while (r && jarva__answers_reader_next(r, &n) == 1) {
        const double *w = jarva__answers_reader_weights(r, 0);
        uint32_t max_area, max_q, max_sex, top = 0;
        const uint32_t *area = jarva__answers_reader_codes(r, 1, &max_area);
        const uint32_t *q = jarva__answers_reader_codes(r, 2, &max_q);
        const uint32_t *sex = jarva__answers_reader_codes(r, 3, &max_sex);
        /* A second call gives the same decoded block and the same largest code. */
        uint32_t again;
        wrong += jarva__answers_reader_codes(r, 2, &again) != q || again != max_q;
        /* The largest code of the block, as compute checks it: every
         * respondent of a block has their own q2 code, the last one the
         * block's largest; areas are 1 or 2 in every block; sex is never given. */
        for (size_t k = 0; k < n; k++)
            top = q[k] > top ? q[k] : top;
        wrong += max_q != top || max_q != (uint32_t)(seen + n) || max_area != 2 || max_sex != 0;
        for (size_t k = 0; k < n; k++, seen++) {
            answer_text(seen, 2, buf, sizeof buf);
            const char *want_area = seen % 10 ? (seen % 2 ? "husby" : "kista") : NULL;
            wrong += w[k] != 1.0 + (double)seen / 8;
            wrong += q[k] == 0 || q[k] > nq2 || strcmp(q2[q[k] - 1], buf) != 0;
            wrong += want_area ? area[k] == 0 || strcmp(areas[area[k] - 1], want_area) != 0
                               : area[k] != 0;
            wrong += sex[k] != 0;
        }
    }
    CHECK_INT(seen, ROWS);
    CHECK_INT(wrong, 0);
    jarva__answers_reader_free(r);
    jarva__answers_codes_free(q2, nq2);
    jarva__answers_codes_free(areas, nareas);

    /* The view response gives each respondent's line, id, seq, weight and
     * area back, and the answer view their answers. */
    char *people =
        dump(db->sql, "SELECT count(*), sum(row_no = seq + 2), sum(weight = 1 + seq / 8.0),"
                      " sum(respondent_id = CASE WHEN seq % 1000 THEN 'r' || seq ELSE 'dup'"
                      " END), sum(coalesce(area_id, '') = CASE WHEN seq % 10 = 0 THEN ''"
                      " WHEN seq % 2 THEN 'husby' ELSE 'kista' END), sum(year = 2025),"
                      " sum(stratum = 's' || (seq % 4)), count(sex) FROM response");
    char want_people[128];
    snprintf(want_people, sizeof want_people, "%d|%d|%d|%d|%d|%d|%d|0\n", ROWS, ROWS, ROWS, ROWS,
             ROWS, ROWS, ROWS);
    CHECK_STR(people, want_people);
    free(people);
    dup_seen = 0;
    CHECK_INT(jarva__answers_duplicates(db, 1, on_duplicate, NULL), JARVA_OK);
    CHECK_INT(dup_seen, (ROWS - 1) / 1000); /* all but the first of ids 0, 1000, ... */
    char *view = dump(db->sql, "SELECT substr(respondent_id, 2), variable, coalesce(code, '') "
                               "FROM answer WHERE respondent_id <> 'dup'"
                               " AND CAST(substr(respondent_id, 2) AS INTEGER) % 97 = 0"
                               " ORDER BY CAST(substr(respondent_id, 2) AS INTEGER), variable");
    size_t len = 0, cap = 1 << 16;
    char *want = malloc(cap);
    want[0] = '\0';
    for (size_t i = 0; i < ROWS; i += 97)
        for (int q = 0; q < 3 && i % 1000; q++) {
            answer_text(i, q, buf, sizeof buf);
            if (len + 128 >= cap)
                want = realloc(want, cap *= 2);
            len += (size_t)snprintf(want + len, cap - len, "%zu|q%d|%s\n", i, q, buf);
        }
    CHECK_STR(view, want);
    free(view);
    free(want);
    /* One respondent's answers by id, as docs/schema.md shows the lookup: the
     * loop over places in a block of ids (s) runs outside the questions (v),
     * so each id is decoded once and only that respondent's answers are
     * read (schema 11; schema 9 looped over the questions outside and
     * decoded every id once per question: two minutes on a million). */
    char *lookup = dump(db->sql, "SELECT variable, code FROM answer WHERE respondent_id = 'r194'");
    CHECK_STR(lookup, "q0|5\nq1|text 278\nq2|own 1746\n");
    free(lookup);
    char *plan =
        dump(db->sql, "EXPLAIN QUERY PLAN SELECT * FROM answer WHERE respondent_id = 'r1'");
    const char *slots = strstr(plan, "SCAN s\n"), *questions = strstr(plan, "SEARCH v ");
    CHECK(slots && questions && slots < questions);
    if (!(slots && questions && slots < questions))
        fprintf(stderr, "plan:\n%s", plan);
    free(plan);
    test_reader_errors(db);
    jarva_db_close(db);
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    char *text = calloc((size_t)size + 1, 1);
    if (fread(text, 1, (size_t)size, f) != (size_t)size)
        text[0] = '\0';
    fclose(f);
    return text;
}

/* Compares two dumps line by line and field by field: numbers to 1e-12
 * relative, the rest exactly. */
static void check_same_numbers(char *got, char *want)
{
    size_t lines = 0;
    char *gs = NULL, *ws = NULL;
    char *g = strtok_r(got, "\n", &gs), *w = strtok_r(want, "\n", &ws);
    for (; g && w; g = strtok_r(NULL, "\n", &gs), w = strtok_r(NULL, "\n", &ws), lines++) {
        char *gf = NULL, *wf = NULL;
        char *a = strtok_r(g, "|", &gf), *b = strtok_r(w, "|", &wf);
        for (; a || b; a = strtok_r(NULL, "|", &gf), b = strtok_r(NULL, "|", &wf)) {
            char *ea, *eb;
            double x = a ? strtod(a, &ea) : 0, y = b ? strtod(b, &eb) : 0;
            if (a && b && *a && *b && !*ea && !*eb)
                CHECK_REL(x, y, 1e-12);
            else
                CHECK_STR(a ? a : "(none)", b ? b : "(none)");
        }
    }
    CHECK(!g && !w);
    CHECK(lines > 100);
}

static void test_migration_from_v4(void)
{
    const char *path = test_tmp_path("schema_v4.db");
    char *bytes = NULL;
    FILE *in = fopen(STORE "schema_v4.db", "rb"), *out = fopen(path, "wb");
    CHECK(in && out);
    if (!in || !out)
        return;
    bytes = malloc(1 << 20);
    size_t n;
    while ((n = fread(bytes, 1, 1 << 20, in)) > 0)
        fwrite(bytes, 1, n, out);
    fclose(in);
    fclose(out);
    free(bytes);
    jarva_db *db = NULL;
    CHECK_INT(jarva_db_open(&db, path, 0), JARVA_OK);
    char *version = dump(db->sql, "SELECT user_version FROM pragma_user_version");
    char want_version[16];
    snprintf(want_version, sizeof want_version, "%d\n", jarva_db_schema_version());
    CHECK_STR(version, want_version);
    free(version);
    char *json = dump(db->sql, "SELECT count(*) FROM pragma_table_info('response') "
                               "WHERE name = 'answers'");
    CHECK_STR(json, "0\n");
    free(json);
    char *answers = dump(db->sql, "SELECT batch_id, respondent_id, year, coalesce(area_id, ''), "
                                  "variable, coalesce(code, 'NULL') FROM answer "
                                  "ORDER BY batch_id, respondent_id, variable");
    char *want = read_file(STORE "schema_v4_answers.txt");
    CHECK(want && strlen(want) > 1000);
    CHECK_STR(answers, want ? want : "");
    free(answers);
    free(want);

    CHECK_INT(jarva__exec(db, "DELETE FROM estimate"), JARVA_OK);
    CHECK_INT(jarva_compute(NULL, db, NULL), JARVA_OK);
    char *estimates = dump(db->sql, "SELECT indicator_id, year, area_id, domain, coalesce(n, ''), "
                                    "coalesce(printf('%.17g', value), ''), "
                                    "coalesce(printf('%.17g', se), '') FROM estimate "
                                    "ORDER BY 1, 2, 3, 4");
    want = read_file(STORE "schema_v4_estimates.txt");
    CHECK(want != NULL);
    if (want)
        check_same_numbers(estimates, want);
    free(estimates);
    free(want);
    jarva_db_close(db);
}

int main(void)
{
    jarva_global_init();
    test_round_trip();
    test_migration_from_v4();
    return test_report();
}
