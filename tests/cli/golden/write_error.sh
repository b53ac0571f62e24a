# Output that cannot be written: exit 1 with the reason; a closed pipe quietly.
for cmd in status goals "results --format json" "trend safe-evening-survey" \
    "report --year 2025 -o -"; do
    echo "== jarva $cmd >/dev/full"
    # shellcheck disable=SC2086
    jarva $cmd 2>&1 >/dev/full | sed 's/^/  /'
done
for cmd in status goals "results --format json"; do
    # shellcheck disable=SC2086
    jarva $cmd >/dev/full 2>/dev/null
    echo "exit $?"
done
jarva results 2>&1 | head -n 1 | cut -c1-9
