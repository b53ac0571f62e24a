#!/bin/sh
# check_sizes.sh SOURCE_DIR: the size rule of docs/style.md, "one responsibility
# per file, no file over 800 lines, no function over 150 lines (or a comment
# saying why)", checked on the whole tree:
# - every source file (C, C++, headers, shell, R, Python, CMake) has at most
#   800 lines;
# - every C function body has at most 150 lines, unless the comment just
#   above the function says "Long function: REASON" with a reason of a few
#   words (why it is better read in one piece than split).
# Function bodies are found by the layout clang-format gives them
# (BreakBeforeBraces: Linux, checked by style.clang_format): a body opens
# with a "{" alone at column 0 and closes at the next "}" at column 0.
# Prints every violation as FILE:LINE: what, and fails if there is one.
set -u
src=${1:?usage: check_sizes.sh SOURCE_DIR}
cd "$src" || exit 1
max_file=800
max_function=150

files=$(find libjarva reports tools tests bench examples cmake \
    \( -path tests/data -o -path '*/build*' -o -name node_modules \) -prune -o \
    -type f \( -name '*.c' -o -name '*.h' -o -name '*.cpp' -o -name '*.in' -o -name '*.sh' \
    -o -name '*.R' -o -name '*.py' -o -name '*.cmake' -o -name CMakeLists.txt \) -print | sort)
files="$files CMakeLists.txt"
c_files=$(printf '%s\n' $files | grep -E '\.(c|cpp)$')

bad=$(mktemp)
trap 'rm -f "$bad"' EXIT

# shellcheck disable=SC2086
wc -l $files | awk -v max=$max_file '$2 != "total" && $1 > max {
    print $2 ": " $1 " lines (at most " max ": split it by responsibility)" }' >>"$bad"

# shellcheck disable=SC2086
awk -v max=$max_function '
    FNR == 1 { infn = 0; comment = ""; sig = "" }
    /^\{[ \t]*$/ { if (!infn) { infn = 1; start = FNR; why = comment } next }
    /^\}/ {
        if (infn) {
            len = FNR - start - 1
            exempt = why ~ /[Ll]ong function: *[^ ]+ [^ ]+ [^ ]+/
            if (len > max && !exempt)
                print FILENAME ":" start ": function " sig " has " len " lines (at most " \
                    max ", or a comment \"Long function: REASON\" above it)"
            infn = 0
            comment = ""
        }
        next
    }
    !infn && /^[ \t]*(\/\*|\*|\/\/)/ { comment = comment " " $0; next }
    !infn && /^[A-Za-z_].*\(/ { s = $0; sub(/\(.*/, "", s); n = split(s, w, /[ *]+/); sig = w[n] }
    !infn && /^[ \t]*$/ { comment = "" }
    !infn && /;[ \t]*$/ { comment = "" }
' $c_files >>"$bad"

count=$(wc -l <"$bad")
if [ "$count" -gt 0 ]; then
    cat "$bad"
    echo "check_sizes: $count file(s) or function(s) over the size rule"
    exit 1
fi
echo "check_sizes: $(echo $files | wc -w) files within $max_file lines," \
    "every C function within $max_function lines or explained"
