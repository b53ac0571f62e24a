#!/bin/sh
# test_help.sh: `jarva help COMMAND` prints what `jarva COMMAND --help` prints,
# for every command `jarva --help` lists; and the man page docs/jarva.1 keeps
# up: a section per command whose synopsis is its option table's and which
# names every option its --help names, every global option, and no groff
# warnings.
. "$(dirname "$0")/lib.sh"
MAN=$JARVA_SRC/docs/jarva.1

run --help
expect_status 0 "jarva --help"
sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' "$OUT" >"$T/commands"
checks=$((checks + 1))
[ "$(wc -l <"$T/commands")" -ge 11 ] || fail "too few commands in jarva --help"
grep -o -- '--[a-z][a-z-]*' "$OUT" | sort -u >"$T/global_options"
cp "$OUT" "$T/main_help"

# help = --help, for every command, byte for byte, exit 0.
run help
expect_status 0 "jarva help"
expect_same "$OUT" "$T/main_help" "jarva help is jarva --help"
while read -r cmd; do
    run "$cmd" --help
    expect_status 0 "jarva $cmd --help"
    cp "$OUT" "$T/help_$cmd"
    run help "$cmd"
    expect_status 0 "jarva help $cmd"
    expect_same "$OUT" "$T/help_$cmd" "jarva help $cmd is jarva $cmd --help"
done <"$T/commands"
run help no-such-command
expect_status 2 "help for an unknown command"
expect_err "unknown command 'no-such-command'" "names the command"
run help init goals
expect_status 2 "help with two commands"
run help --bogus
expect_status 2 "help with an unknown option"

# The man page as text, roff escapes removed: \- is -, fonts and \& go.
sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\&//g' "$MAN" >"$T/man"
# A command's section: from ".SS name" to the next .SS or .SH.
section() {
    awk -v name="$1" '/^\.S[SH] / { on = ($0 == ".SS " name) } on' "$T/man"
}
sed -n '/^\.SH OPTIONS/,/^\.SH COMMANDS/p' "$T/man" >"$T/man_global"
while read -r opt; do
    checks=$((checks + 1))
    grep -q -- "$opt" "$T/man_global" || fail "global option $opt is not in the man page's OPTIONS"
done <"$T/global_options"

while read -r cmd; do
    checks=$((checks + 1))
    section "$cmd" >"$T/man_$cmd"
    if [ ! -s "$T/man_$cmd" ]; then
        fail "the man page has no section .SS $cmd"
        continue
    fi
    # Every option the command's help names is in its section (or global).
    for opt in $(grep -o -- '--[a-z][a-z-]*' "$T/help_$cmd" | sort -u); do
        checks=$((checks + 1))
        grep -qw -- "$opt" "$T/man_$cmd" || grep -qxF -- "$opt" "$T/global_options" ||
            fail "option $opt of '$cmd' is not in the man page's section for it"
    done
done <"$T/commands"

# Each command's synopsis in the man page is what its option table gives:
# tools/jarva/update-man.sh, run on a copy, changes nothing.
cp "$MAN" "$T/jarva.1"
sh "$JARVA_SRC/tools/jarva/update-man.sh" "$JARVA" "$T/jarva.1" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status 0 "update-man.sh on a copy of the man page"
expect_same "$T/jarva.1" "$MAN" "synopses are the option tables' (run tools/jarva/update-man.sh)"
# The usage line a usage error prints is the one --help starts with.
run results --bogus
expect_status 2 "an unknown option"
expect_err "jarva results: unknown option '--bogus'" "names the option"
head -n 1 "$T/help_results" >"$T/usage_results"
checks=$((checks + 1))
grep -qxF -- "$(cat "$T/usage_results")" "$ERR" || fail "the usage error lacks the usage line"

# The man page names the version the program reports.
run --version
checks=$((checks + 1))
grep -q "^\.TH JARVA 1 .*\"libjarva $(sed 's/^jarva //' "$OUT")\"" "$MAN" ||
    fail "the man page's .TH does not name libjarva $(cat "$OUT")"

# groff finds nothing to warn about (when groff is there).
if command -v groff >/dev/null 2>&1; then
    checks=$((checks + 1))
    if ! groff -man -ww -z "$MAN" >"$T/groff.log" 2>&1 || [ -s "$T/groff.log" ]; then
        fail "groff warns about the man page: $(head -5 "$T/groff.log")"
    fi
fi
finish
