#!/bin/sh
# Fails if any C source or header differs from what .clang-format asks for.
set -eu
cf=${1:-clang-format}
files=$(git ls-files '*.c' '*.h' '*.cpp' 2>/dev/null || find libjarva tools reports tests examples bench -name '*.[ch]')
[ -n "$files" ] || exit 0
# shellcheck disable=SC2086
"$cf" --dry-run --Werror $files
echo "clang-format: $(echo "$files" | wc -l) files conform"
