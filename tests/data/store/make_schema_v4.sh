#!/bin/sh
# make_schema_v4.sh JARVA: remakes schema_v4.db, a database as jarva 0.x at
# schema version 4 (answers as JSON lists in response.answers) wrote it, and
# what that version's answer view and compute gave for it, for
# tests/unit/test_answer_store.c. JARVA must be a jarva built from a commit
# before schema version 5 (e.g. git worktree add /tmp/v4 83574ee).
set -eu
jarva=$1
here=$(cd "$(dirname "$0")" && pwd)
src=$here/../../..
rm -f "$here/schema_v4.db"
J() { "$jarva" --db "$here/schema_v4.db" --catalog "$src/indicators" --quiet "$@"; }
J init
J import survey "$src/tests/data/import/survey_2023_utf8.csv"
J import staff "$src/tests/data/import/staff_2024.csv"
J compute
sqlite3 "$here/schema_v4.db" 'VACUUM'
sqlite3 "$here/schema_v4.db" "SELECT batch_id, respondent_id, year, coalesce(area_id, ''), variable,
    coalesce(code, 'NULL') FROM answer ORDER BY batch_id, respondent_id, variable" \
    >"$here/schema_v4_answers.txt"
sqlite3 "$here/schema_v4.db" "SELECT indicator_id, year, area_id, domain, coalesce(n, ''),
    coalesce(printf('%.17g', value), ''), coalesce(printf('%.17g', se), '') FROM estimate
    ORDER BY 1, 2, 3, 4" >"$here/schema_v4_estimates.txt"
