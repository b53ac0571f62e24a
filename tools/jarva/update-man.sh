#!/bin/sh
# update-man.sh JARVA [MAN]: writes each command's synopsis into the man page
# (default docs/jarva.1) from the option tables, as `JARVA help --man` prints
# them: the lines between ".SS COMMAND" and the section's first .PP are
# replaced. Run it after changing a table; tests/cli/test_help.sh fails while
# the page and the tables disagree.
set -eu
jarva=${1:?usage: update-man.sh JARVA [MAN]}
man=${2:-$(dirname "$0")/../../docs/jarva.1}
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.syn"' EXIT
"$jarva" help --man >"$tmp.syn"
awk -v syn="$tmp.syn" '
    BEGIN {
        while ((getline line < syn) > 0) {
            if (line ~ /^\.SS /) { name = substr(line, 5); continue }
            block[name] = block[name] line "\n"
        }
    }
    skipping && /^\.(PP|SS|SH)/ { skipping = 0 }
    skipping { next }
    /^\.SS / {
        print
        name = substr($0, 5)
        if (name in block) { printf "%s", block[name]; skipping = 1; done[name] = 1 }
        next
    }
    { print }
    END {
        for (name in block)
            if (!(name in done)) { print "update-man.sh: no .SS " name " in the man page" > "/dev/stderr"; bad = 1 }
        exit bad
    }' "$man" >"$tmp"
cat "$tmp" >"$man"
