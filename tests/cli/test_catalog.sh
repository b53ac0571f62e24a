# test_catalog.sh: `jarva init` loads the plan's catalogue into a private
# database; goals, indicators and show read it back; a malformed catalogue is
# refused with file:line and leaves the database as it was.
. "$JARVA_SRC/tests/cli/lib.sh"

DB=$T/jarva.db

run --db "$DB" init --catalog "$JARVA_SRC/indicators"
expect_status 0 "init loads the catalogue"
expect_err "catalogue of plan 2025 loaded" "init says what it loaded"
checks=$((checks + 1))
mode=$(stat -c %a "$DB")
[ "$mode" = 600 ] || fail "database mode is $mode, expected 600"

# Every goal, overall and communication, has at least one indicator.
run --db "$DB" goals --format csv
expect_status 0 "goals --format csv"
expect_out "id,kind,audience,position,indicator_count,text_sv,text_en" "goals csv header"
cp "$OUT" "$T/goals.csv"
checks=$((checks + 1))
kinds=$(awk -F, 'NR > 1 { n[$2]++ } END { print n["overall"] + 0, n["communication"] + 0 }' \
    "$T/goals.csv")
[ "$kinds" = "7 10" ] || fail "overall and communication goals: $kinds, expected 7 10"

run --db "$DB" indicators --format csv
expect_status 0 "indicators --format csv"
cp "$OUT" "$T/indicators.csv"
checks=$((checks + 1))
head -n 1 "$T/indicators.csv" | grep -q \
    '^id,goal,audience,source_kind,measure,direction,baseline_year,baseline,target_year,target,unit,name_sv,' ||
    fail "indicators csv header: $(head -n 1 "$T/indicators.csv")"
# Ids never hold commas or quotes, so the first fields split on ','.
checks=$((checks + 1))
uncovered=$(awk -F, 'NR == FNR { if (FNR > 1) goal[$1] = 1; next }
                     FNR > 1 { covered[$2] = 1 }
                     END { for (g in goal) if (!(g in covered)) print g }' \
    "$T/goals.csv" "$T/indicators.csv")
[ -z "$uncovered" ] || fail "goals without an indicator: $uncovered"
expect_out "safe-evening-police,g2,,table,proportion,higher,2022,0.64,2027,0.71,proportion," \
    "a share is shown in percent"
expect_out "police-list-areas,g1,,table,count,lower,2023,2,2025,0,antal områden," \
    "the police list count"

run --db "$DB" indicators --goal c3-journalist-material --format csv
expect_status 0 "indicators of one goal"
expect_out "press-material,c3-journalist-material,residents,activity,count,higher" \
    "press material counted"
checks=$((checks + 1))
[ "$(wc -l <"$OUT")" -eq 2 ] || fail "one indicator for c3-journalist-material"

run --db "$DB" indicators --goal=nope
expect_status 1 "an unknown goal is a data error"
expect_err "jarva: no goal 'nope'" "names the goal"

run --db "$DB" indicators --goal
expect_status 2 "--goal without a value"

run --db "$DB" goals
expect_status 0 "goals as a table"
expect_out "c2-deeper-knowledge" "the table lists communication goals"

# show: an indicator, a goal, and what does not exist.
run --db "$DB" show avoid-places-police
expect_status 0 "show an indicator"
expect_out "undviker vissa platser på grund av oro för brott" "its published measure"
expect_out "lower" "its direction"

run --db "$DB" --format json show safe-evening-police
expect_status 0 "show as json"
expect_out '"baseline": 0.64' "the baseline as a proportion 0-1, a number"
expect_out '"source": "polisen-region-stockholm-trygghetsmatning"' "its source"

run --db "$DB" show g5 --format csv
expect_status 0 "show a goal"
expect_out "staff-safe-report" "the goal lists its indicators"

run --db "$DB" show no-such-thing
expect_status 1 "show an unknown id"
expect_err "jarva: no goal or indicator 'no-such-thing'" "says what is missing"

run --db "$DB" show
expect_status 2 "show without an id"
run --db "$DB" show g1 g2
expect_status 2 "show with two ids"
run --db "$DB" goals extra
expect_status 2 "goals with an argument"

run --db "$T/none.db" goals
expect_status 1 "no database"
expect_err "no such database" "says so"

# A malformed row: refused at its file:line, nothing written.
cp -r "$JARVA_SRC/tests/data/catalog/valid" "$T/bad"
echo "g3,sometimes,,Mål tre,Goal three" >>"$T/bad/goals.csv"
run --db "$DB" init --catalog "$T/bad"
expect_status 1 "a malformed catalogue"
expect_err "jarva: $T/bad/goals.csv:6: unknown kind 'sometimes' (expected overall or communication)" \
    "file:line: message"
run --db "$DB" goals --format csv
expect_same "$OUT" "$T/goals.csv" "the catalogue is unchanged"

# Loading again is idempotent.
run --db "$DB" -q init --catalog "$JARVA_SRC/indicators"
expect_status 0 "init again"
run --db "$DB" indicators --format csv
expect_same "$OUT" "$T/indicators.csv" "the same indicators after a second init"

if command -v sqlite3 >/dev/null 2>&1; then
    checks=$((checks + 1))
    [ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"
    checks=$((checks + 1))
    [ "$(sqlite3 "$DB" 'PRAGMA foreign_key_check' | wc -l)" -eq 0 ] || fail "foreign_key_check"
fi

finish
