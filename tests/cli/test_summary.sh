# test_summary.sh: with --format csv or json, `jarva import` and `jarva
# compute` say what they did on standard output, for scripts: the values
# are checked against what the file and the database say by other means
# (the file's lines and sha256sum, `jarva batches`, `jarva results
# --domains`), and the sentences for people stay on standard error.
. "$JARVA_SRC/tests/cli/lib.sh"
DB=$T/j.db
F=$JARVA_SRC/examples/data/simulerade-trygghetsenkat-2019.csv
run --db "$DB" --quiet init
expect_status 0 "init"

run --db "$DB" --format json import survey "$F"
expect_status 0 "import --format json"
rows=$(($(wc -l <"$F") - 1))
sum=$(sha256sum "$F" | cut -d' ' -f1)
expect_out "\"outcome\": \"imported\", \"batch\": 1, \"replaced\": null, \"rows\": $rows, \"year\": 2019, \"sha256\": \"$sum\"" "the import's result"
expect_out "\"lonely_strata\": 0, \"lonely_stratum\": null" "no lonely stratum"
expect_err "$rows rows imported as batch 1" "the sentence on stderr"
run --db "$DB" --format csv batches
expect_out "$sum" "batches lists the same file"

# The same file again: unchanged, the existing batch; csv with a header.
run --db "$DB" --format csv import survey "$F"
expect_status 0 "import again"
checks=$((checks + 1))
[ "$(head -1 "$OUT")" = "file,outcome,batch,replaced,rows,year,sha256,unlinked_rows,weight_ratio,extreme_weights,lonely_strata,lonely_stratum" ] ||
    fail "csv header: $(head -1 "$OUT")"
checks=$((checks + 1))
[ "$(awk -F, 'NR == 2 { print $2 "," $3 "," $7 }' "$OUT")" = "unchanged,1,$sum" ] ||
    fail "csv row: $(sed -n 2p "$OUT")"

# A dry run of a file not imported yet: valid, no batch.
run --db "$DB" --format json import survey --dry-run "$JARVA_SRC/examples/data/simulerade-trygghetsenkat-2021.csv"
expect_status 0 "dry run"
expect_out "\"outcome\": \"validated\", \"batch\": null" "dry run has no batch"

run --db "$DB" --format json compute
expect_status 0 "compute --format json"
run --db "$DB" --format csv results --domains
stored=$(($(wc -l <"$OUT") - 1))
suppressed=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "suppressed") c = i; next }
    $c == "true" { n++ } END { print n + 0 }' "$OUT")
run --db "$DB" --format json compute
expect_out "\"estimates\": $stored, \"suppressed\": $suppressed," "compute's counts are the stored rows"
run --db "$DB" --format json --quiet compute
checks=$((checks + 1))
[ ! -s "$ERR" ] || fail "--quiet still wrote to stderr"
expect_out "\"estimates\": $stored" "--quiet keeps the summary on stdout"
run --db "$DB" compute
expect_no_out "estimates" "a table run prints nothing on stdout"
finish
