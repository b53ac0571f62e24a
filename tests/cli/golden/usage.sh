# Usage errors: exit 2, the command's usage on stderr, nothing on stdout.
for args in "results --bogus" "status --year" "status --year=20x" "trend" \
    "report --year 2025 --format=xml" "compute --method=wald" "status --area A --areas" \
    "batches rm" "mapping drift f" "help nosuch" "--nosuch" "nosuch" \
    "report --year 2025 --format html -o -" "goals --format"; do
    echo "== jarva $args"
    # shellcheck disable=SC2086 # the words are the arguments
    jarva $args 2>&1
    echo "exit $?"
done
