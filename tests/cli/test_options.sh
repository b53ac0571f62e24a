#!/bin/sh
# test_options.sh: every command parses by its option table alike (issue
# 15): an unknown option, a value missing or not among a choice's words is a
# usage error (exit 2) printing the command's usage line; --opt=value is
# --opt value; '--' ends the options; a flag takes no value.
. "$(dirname "$0")/lib.sh"
run --help
sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' "$OUT" >"$T/commands"
while read -r cmd; do
    run "$cmd" --help
    head -n 1 "$OUT" >"$T/usage"
    run "$cmd" --no-such-option
    expect_status 2 "$cmd --no-such-option"
    expect_err "jarva $cmd: unknown option '--no-such-option'" "$cmd names the option"
    checks=$((checks + 1))
    grep -qxF -- "$(cat "$T/usage")" "$ERR" || fail "$cmd: the usage line is not on stderr"
    checks=$((checks + 1))
    [ ! -s "$OUT" ] || fail "$cmd: a usage error wrote to stdout"
    # Each option of the command's own table (before the global ones).
    "$JARVA" help --options "$cmd" | sed '/^--db /,$d' >"$T/spec"
    while read -r name kind choices; do
        case $name in --*) ;; *) continue ;; esac
        if [ "$kind" = flag ]; then
            run "$cmd" "$name=1"
            expect_status 2 "$cmd $name=1"
            expect_err "option '$name' takes no value" "$cmd $name=1 says why"
            continue
        fi
        run "$cmd" "$name"
        expect_status 2 "$cmd $name without a value"
        expect_err "option '$name' needs a value" "$cmd $name without a value says why"
        if [ -n "$choices" ]; then
            run "$cmd" "$name=no-such-word"
            expect_status 2 "$cmd $name=no-such-word"
            expect_err "$name 'no-such-word' is not " "$cmd $name names the bad word"
            run "$cmd" "$name=no-such-word" --help
            expect_status 2 "$cmd: the error comes before --help"
        fi
    done <"$T/spec"
done <"$T/commands"

# --opt=value and --opt value give the same; '--' ends the options.
DB=$T/j.db
run --db "$DB" --quiet init
expect_status 0 init
run --db="$DB" indicators --goal=g2 --format=csv
expect_status 0 "indicators --goal=g2"
cp "$OUT" "$T/eq"
run --db "$DB" indicators --goal g2 --format csv
expect_same "$OUT" "$T/eq" "--goal=g2 is --goal g2"
checks=$((checks + 1))
[ "$(wc -l <"$OUT")" -gt 1 ] || fail "goal g2 lists no indicator"
run --db "$DB" show -- --format
expect_status 1 "show -- --format: an id, not an option"
expect_err "no goal or indicator '--format'" "the word after -- is the id"
run --db "$DB" show g2 extra
expect_status 2 "a second id"
expect_err "unexpected argument 'extra'" "names it"
# A one-letter option's value may follow it directly: -oFILE.
run --db "$DB" -q mapping draft "$JARVA_SRC/examples/data/simulerade-personalenkat-2025.csv" \
    "-o$T/m.csv"
expect_status 0 "mapping -oFILE"
checks=$((checks + 1))
[ -s "$T/m.csv" ] || fail "-oFILE wrote nothing"
finish
