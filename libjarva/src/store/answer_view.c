/* answer_view.c: the views response (schema 9), one row per respondent as
 * the table of that name had, and answer, one per respondent and question
 * as before, read from the blocks of answer_store.c for analysts in the
 * sqlite3 shell. Decoding a block in SQL: byte j of a BLOB
 * at offset o is its place in the 256 bytes 00..ff (instr, as the answer
 * view does, SQLite having no function that reads a BLOB as a number); a
 * weight is its 8-byte IEEE double put together from sign, exponent and
 * fraction with power(), exact for powers of two (SQLite's math functions,
 * built in by default since SQLite 3.35). The statement is longer than the
 * 4095 characters a C string literal is sure to hold: it is joined here
 * from pieces. */
#include <stdlib.h>
#include <string.h>

#include "store_db.h"
#include "answer_store.h"

/* Byte j of the small BLOB q. Every reference to a block's column copies
 * the whole block (a few kB) out of SQLite's pages, so each value is first
 * cut out of it once with substr into q, and its bytes read from q. */
#define QBYTE(j) "(instr(bytes.b, substr(q, " #j " + 1, 1)) - 1)"
#define U32_FROM(j0, j1, j2, j3)                                                                   \
    "(" QBYTE(j0) " + " QBYTE(j1) " * 256 + " QBYTE(j2) " * 65536 + " QBYTE(j3) " * 16777216)"
#define U32_AT(data, offset)                                                                       \
    "(SELECT " U32_FROM(0, 1, 2, 3) " FROM (SELECT substr(" data ", " offset " + 1, 4) AS q))"
/* Code of respondent p.i in the block data d of a coded column: 1, 2 or 4
 * bytes each (w). */
#define CODE_AT(d)                                                                                 \
    "(SELECT " QBYTE(0) " + CASE WHEN w > 1 THEN " QBYTE(                                          \
        1) " * 256 ELSE 0 END"                                                                     \
           " + CASE WHEN w > 2 THEN " QBYTE(2) " * 65536 + " QBYTE(                                \
               3) " * 16777216 ELSE 0 END"                                                         \
                  " FROM (SELECT substr(" d ", p.i * w + 1, w) AS q, w FROM (SELECT length(" d     \
                  ") / p.count AS"                                                                 \
                  " w)))"
/* The text of design column `column` for respondent p (NULL: missing). */
#define CODED(column, d, name)                                                                     \
    "(SELECT c.value FROM column_code c WHERE c.batch_id = p.batch_id AND c.column_no = " column   \
    " AND c.code = " CODE_AT(d) ") AS " name
/* Id i: bytes [offset i, offset i + 1) after the count + 1 offsets. */
#define RESPONDENT_ID                                                                              \
    "(SELECT CAST(substr(p.ids, 4 * (p.count + 1) + a + 1, z - a) AS TEXT) FROM "                  \
    "(SELECT " U32_FROM(0, 1, 2, 3) " AS a, " U32_FROM(                                            \
        4, 5, 6, 7) " AS z"                                                                        \
                    " FROM (SELECT substr(p.ids, 4 * p.i + 1, 8) AS q)))"
#define WEIGHT_BYTE(j) QBYTE(j) " AS b" #j
/* The block of design column `column` joined to the block of ids n. */
#define BLOCK(column, alias)                                                                       \
    " LEFT JOIN column_block " alias " ON " alias ".batch_id = n.batch_id AND " alias              \
    ".column_no = " column " AND " alias ".block = n.block"

#define SLOT_AND_BYTES                                                                             \
    "  WITH RECURSIVE slot(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM slot WHERE i < 4095),"      \
    "  bytes(b) AS (SELECT x'" JARVA__SQL_BYTES_00_FF "'),"

static const char *const pieces[] = {
    "CREATE VIEW response AS" SLOT_AND_BYTES
    /* One row per respondent: each block of ids with the blocks of the
     * other columns (read once a block), and a place i in it. */
    "  p AS (SELECT n.batch_id, n.block, s.i, n.count, n.data AS ids, r.data AS lines,"
    "          w.data AS weights, c2.data AS d2, c3.data AS d3, c4.data AS d4, c5.data AS d5,"
    "          c6.data AS d6, c7.data AS d7"
    "        FROM column_block n" BLOCK("-8", "r") BLOCK("-1", "w") BLOCK("-2", "c2")
        BLOCK("-3", "c3") BLOCK("-4", "c4") BLOCK("-5", "c5") BLOCK("-6", "c6")
            BLOCK("-7", "c7") " CROSS JOIN slot s WHERE n.column_no = -9 AND s.i < n.count)"
                              "  SELECT p.batch_id, " U32_AT("p.lines", "4 * p.i") " AS row_no,",
    /* Id i: bytes [offset i, offset i + 1) after the count + 1 offsets. */
    "    " RESPONDENT_ID " AS respondent_id, t.year, ",
    CODED("-3", "p.d3", "area_id") ", ",
    CODED("-6", "p.d6", "organisation_id") ", ",
    CODED("-7", "p.d7", "role") ", ",
    CODED("-2", "p.d2", "stratum") ", ",
    "    (SELECT CASE WHEN e = 0 THEN f * power(2, -1074)"
    "                 ELSE (1 + f / 4503599627370496.0) * power(2, e - 1023) END"
    "              * CASE WHEN b7 >= 128 THEN -1 ELSE 1 END"
    "     FROM (SELECT b7, (b7 % 128) * 16 + b6 / 16 AS e,"
    "             (b6 % 16) * 281474976710656 + b5 * 1099511627776 + b4 * 4294967296"
    "             + b3 * 16777216 + b2 * 65536 + b1 * 256 + b0 AS f"
    "           FROM (SELECT " WEIGHT_BYTE(0) ", " WEIGHT_BYTE(1) ", " WEIGHT_BYTE(2) ", ",
    WEIGHT_BYTE(3) ", " WEIGHT_BYTE(4) ", " WEIGHT_BYTE(5) ", " WEIGHT_BYTE(6) ", ",
    WEIGHT_BYTE(7) " FROM (SELECT substr(p.weights, 8 * p.i + 1, 8) AS q))))     AS weight, ",
    CODED("-4", "p.d4", "sex") ", ",
    CODED("-5", "p.d5", "age_group") ", p.block * 4096 + p.i AS seq",
    "  FROM p CROSS JOIN bytes JOIN batch t ON t.id = p.batch_id",
};

/* The answer view of schema 6 with the columns it had (schema 11: in this
 * order of loops). Respondent first: each block of ids with a place i in it
 * gives a respondent and their id, and only then are the wave's questions
 * joined, each to its block. So a lookup of one respondent (WHERE
 * respondent_id = '...', as docs/schema.md shows it and as a request for
 * one's own data needs) decodes each id once and the answers of that
 * respondent only: seconds on a million respondents, where schema 9's order
 * (blocks of each question outermost) decoded every id once per question,
 * two minutes. The price is a block read per answer in a full scan, about
 * four times slower than before; the estimates themselves come from jarva
 * compute, not from this view. CROSS JOIN keeps SQLite's loops in this
 * order. */
static const char *const answer_pieces[] = {
    "CREATE VIEW answer AS" SLOT_AND_BYTES
    "  p AS (SELECT n.batch_id, n.block, s.i, n.count, n.data AS ids"
    "        FROM column_block n CROSS JOIN slot s WHERE n.column_no = -9 AND s.i < n.count)"
    "  SELECT p.batch_id, " RESPONDENT_ID " AS respondent_id, t.year, ",
    CODED("-3", "c3.data", "area_id") ", v.name AS variable,",
    "    (SELECT c.value FROM column_code c WHERE c.batch_id = p.batch_id"
    "     AND c.column_no = v.position AND c.code = " CODE_AT(
        "k.data") ") AS code"
                  "  FROM p CROSS JOIN bytes CROSS JOIN batch t CROSS JOIN batch_variable v"
                  "  CROSS JOIN column_block k LEFT JOIN column_block c3 ON c3.batch_id = "
                  "p.batch_id"
                  "    AND c3.column_no = -3 AND c3.block = p.block"
                  "  WHERE t.id = p.batch_id AND v.batch_id = p.batch_id AND k.batch_id = "
                  "p.batch_id"
                  "    AND k.column_no = v.position AND k.block = p.block",
};

static int create(jarva_db *db, const char *const *parts, size_t n)
{
    size_t len = 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(parts[i]);
    char *sql = malloc(len);
    if (!sql)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    sql[0] = '\0';
    for (size_t i = 0; i < n; i++)
        strcat(sql, parts[i]);
    int rc = jarva__exec(db, sql);
    free(sql);
    return rc;
}

int jarva__answers_create_answer_view(jarva_db *db)
{
    int rc = jarva__exec(db, "DROP VIEW IF EXISTS answer");
    return rc ? rc : create(db, answer_pieces, sizeof answer_pieces / sizeof answer_pieces[0]);
}

int jarva__answers_create_views(jarva_db *db)
{
    int rc = jarva__exec(db, "DROP VIEW IF EXISTS answer");
    if (!rc)
        rc = create(db, pieces, sizeof pieces / sizeof pieces[0]);
    return rc ? rc : jarva__answers_create_answer_view(db);
}
