#!/bin/sh
# test_typed_output.sh: every command's --format json is typed (issue 15):
# valid JSON, numbers as numbers, booleans as booleans, null for a figure
# that does not exist (never "" or a number as a string), shares on the 0-1
# scale with the unit named; and its --format csv has the same fields.
# Needs jq (skipped without it).
. "$(dirname "$0")/lib.sh"
# tools/install-deps.sh --test installs jq, so CI never skips it; a skip
# elsewhere is said on stdout.
command -v jq >/dev/null 2>&1 || { echo "no jq: skipped (sh tools/install-deps.sh --test)"; exit 0; }
DB=$T/j.db
export JARVA_DB="$DB"
EX=$JARVA_SRC/examples/data
j() { "$JARVA" --db "$DB" --quiet "$@"; }
j init && j import table "$EX/publicerade-trygghetsmatningar.csv" &&
    j import table "$EX/polisens-utsatta-omraden.csv" &&
    j import survey "$EX/simulerade-trygghetsenkat-2023.csv" &&
    j import survey "$EX/simulerade-trygghetsenkat-2025.csv" &&
    j import activities "$EX/simulerade-aktivitetslogg-2019-2025.csv" && j compute ||
    { echo "FAIL: building the database" >&2; exit 1; }

# typed NAME ARGS...: `jarva --format json ARGS` parses, has rows, and no
# value is "" or a string that reads as a number or a boolean; the CSV's
# header is the JSON's keys.
typed() {
    name=$1
    shift
    run --format json "$@"
    expect_status 0 "$name json"
    checks=$((checks + 1))
    if ! jq -e 'type == "array" and length > 0' "$OUT" >/dev/null 2>&1; then
        fail "$name: not a non-empty JSON array"
        return
    fi
    checks=$((checks + 1))
    bad=$(jq -r '.[] | to_entries[] | select(.value | type == "string") |
        select(.value == "" or (.value | test("^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$")) or
               .value == "true" or .value == "false" or .value == "null") |
        select(.key | test("^(domain|id|variable|kon|omrade)$") | not) |
        "\(.key)=\(.value)"' "$OUT" | sort -u | head -5)
    [ -z "$bad" ] || fail "$name: values that are not typed: $bad"
    jq -r '.[0] | keys_unsorted | join(",")' "$OUT" >"$T/keys"
    run --format csv "$@"
    expect_status 0 "$name csv"
    checks=$((checks + 1))
    [ "$(head -n 1 "$OUT")" = "$(cat "$T/keys")" ] || fail "$name: csv header is not the json keys"
}
typed goals goals
typed indicators indicators
typed show show safe-evening-survey
typed show_goal show g2
typed batches batches
typed results results --domains
typed trend trend safe-evening-survey
typed trend_count trend common-material
typed status status
typed status_areas status --areas
typed estimate estimate "$EX/simulerade-trygghetsenkat-2025.csv" --var F12a --positive 1,2 \
    --by omrade --weight vikt --strata strata

# Shares are proportions 0-1 with unit "proportion", in every output.
share_checks() {
    checks=$((checks + 1))
    out=$(jq -r "$1" "$OUT" | sort -u)
    [ -z "$out" ] || fail "$2: $out"
}
run --format json indicators
share_checks '.[] | select(.unit == "proportion") | select((.target // 0) > 1 or (.baseline // 0) > 1) | .id' \
    "indicators: a share's target or baseline above 1"
share_checks '.[] | select(.measure == "proportion" and .unit != "proportion") | .id' \
    "indicators: a proportion without unit proportion"
run --format json status
share_checks '.[] | select(.unit == "proportion") | select((.target // 0) > 1 or (.latest // 0) > 1 or (.baseline // 0) > 1) | .indicator' \
    "status: a share above 1"
run --format json results
share_checks '.[] | select(.unit == "proportion") | select((.estimate // 0) > 1 or (.ci_high // 0) > 1.0000001) | .indicator' \
    "results: a share above 1"
share_checks '.[] | select((.suppressed | type) != "boolean" or (.exact | type) != "boolean") | .indicator' \
    "results: suppressed or exact not a boolean"
# Lists are JSON arrays: codes and years of numbers, breakdowns of words.
run --format json indicators
share_checks '.[] | select((.positive_codes, .valid_codes, .series_breaks) |
        . != null and (type != "array" or any(.[]; type != "number"))) | .id' \
    "indicators: codes or series breaks not an array of numbers"
share_checks '.[] | select(.disaggregations != null and (.disaggregations | type != "array" or
        any(.[]; type != "string"))) | .id' "indicators: disaggregations not an array of words"
checks=$((checks + 1))
[ "$(jq -c '.[] | select(.id == "safe-evening-survey") | [.positive_codes, .valid_codes, .disaggregations]' "$OUT")" = \
    '[[1,2],[1,2,3,4],["area","sex","age_group"]]' ] ||
    fail "indicators: safe-evening-survey's lists $(jq -c '.[] | select(.id == "safe-evening-survey") | [.positive_codes, .valid_codes, .disaggregations]' "$OUT")"
checks=$((checks + 1))
[ "$(jq -c '.[] | select(.id == "police-list-areas") | .series_breaks' "$OUT")" = '[2025]' ] ||
    fail "indicators: police-list-areas' series breaks are not [2025]"
run --format json show g2
checks=$((checks + 1))
[ "$(jq -r '.[0].indicators | type' "$OUT")" = array ] || fail "show g2: indicators not an array"
# indicators.csv: target_value 70 (percent) for 2027, proposed.
run --format json show safe-evening-survey
checks=$((checks + 1))
[ "$(jq -r '.[0] | "\(.unit) \(.target) \(.target_kind)"' "$OUT")" = "proportion 0.7 proposed" ] ||
    fail "show: target $(jq -c '.[0] | [.unit, .target, .target_kind]' "$OUT")"
finish
