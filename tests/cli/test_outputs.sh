# test_outputs.sh: what jarva writes for people: the report is 0644 at most
# whatever the umask (never world-writable), replaces an earlier one whole,
# leaves no temporary file; a failed write to stdout is an error (exit 1).
. "$JARVA_SRC/tests/cli/lib.sh"
DB=$T/j.db
run --db "$DB" --quiet init
expect_status 0 "init"

mode() { stat -c %a "$1"; }
( umask 000 && "$JARVA" --db "$DB" --quiet report --year 2025 -o "$T/r.pdf" ) >"$OUT" 2>"$ERR"
STATUS=$?
if [ "$STATUS" -eq 1 ] && grep -q "font" "$ERR"; then
    echo "no font: report cases skipped"
else
    expect_status 0 "report under umask 000"
    checks=$((checks + 1))
    [ "$(mode "$T/r.pdf")" = 644 ] || fail "report mode $(mode "$T/r.pdf") under umask 000, expected 644"
    ( umask 077 && "$JARVA" --db "$DB" --quiet report --year 2025 -o "$T/private.pdf" )
    checks=$((checks + 1))
    [ "$(mode "$T/private.pdf")" = 600 ] || fail "umask 077 not followed: $(mode "$T/private.pdf")"
    # Over an earlier file: replaced whole, nothing left beside it.
    echo "earlier" >"$T/r.pdf"
    run --db "$DB" --quiet report --year 2025 -o "$T/r.pdf"
    expect_status 0 "report over an earlier file"
    checks=$((checks + 1))
    [ "$(head -c 5 "$T/r.pdf")" = "%PDF-" ] || fail "the earlier file was not replaced"
    checks=$((checks + 1))
    [ -z "$(find "$T" -name '*.tmp')" ] || fail "a temporary file is left: $(find "$T" -name '*.tmp')"
fi

# stdout that cannot be written is an error, with the reason.
if [ -w /dev/full ]; then
    "$JARVA" --db "$DB" goals >/dev/full 2>"$ERR"
    STATUS=$?
    expect_status 1 "goals >/dev/full"
    expect_err "jarva: write error: No space left on device" "says why"
    "$JARVA" --db "$DB" --format csv status >/dev/full 2>"$ERR"
    STATUS=$?
    expect_status 1 "status >/dev/full"
fi
# A reader that goes away early is no error message.
"$JARVA" --db "$DB" --format csv indicators 2>"$ERR" | head -1 >/dev/null
checks=$((checks + 1))
! grep -q "write error" "$ERR" || fail "a closed pipe gave a message: $(cat "$ERR")"
finish
