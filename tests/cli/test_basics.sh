# test_basics.sh: version, help, usage errors and their exit codes.
. "$JARVA_SRC/tests/cli/lib.sh"

run --version
expect_status 0 "--version"
expect_out "jarva 0.1.0" "--version prints the version"

run --help
expect_status 0 "--help"
expect_out "Usage: jarva" "--help prints usage"
expect_out "indicators" "--help lists the commands"

run
expect_status 2 "no command is a usage error"

run frobnicate
expect_status 2 "unknown command"
expect_err "unknown command 'frobnicate'" "names the unknown command"

run --bogus
expect_status 2 "unknown option"

run --format xml init
expect_status 2 "unknown format"
expect_err "--format 'xml' is not table, csv or json" "names the format and the choices"

run --db
expect_status 2 "--db without a value"

for cmd in init goals indicators show; do
    run "$cmd" --help
    expect_status 0 "$cmd --help"
    expect_out "Usage: jarva $cmd" "$cmd --help prints its usage"
done

run init --no-such-option
expect_status 2 "init with an unknown option"

finish
