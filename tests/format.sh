#!/bin/sh
# Fails if any C source or header differs from what .clang-format asks for.
set -eu
cf=${1:-clang-format}
list=$(git ls-files --cached --others --exclude-standard '*.c' '*.h' '*.cpp' 2>/dev/null ||
    find libjarva tools reports tests examples bench -name '*.[ch]')
files=""
for f in $list; do
    [ -f "$f" ] && files="$files $f"
done
[ -n "$files" ] || exit 0
# shellcheck disable=SC2086
"$cf" --dry-run --Werror $files
echo "clang-format: $(echo $files | wc -w) files conform"
