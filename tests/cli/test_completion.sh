#!/bin/sh
# test_completion.sh: the bash completion (tools/completion/jarva.bash)
# offers the commands of `jarva --help`, each command's options and choice
# values from its option table (`jarva help --options`), and goal and
# indicator ids from the database on the command line.
# Runs the completion function as bash would, without bash-completion.
. "$(dirname "$0")/lib.sh"
COMPLETION=$JARVA_SRC/tools/completion/jarva.bash
command -v bash >/dev/null 2>&1 || { echo "no bash: skipped"; exit 0; }

# tab WORD...: what Tab offers after `jarva WORD...`, the last word being
# the one under the cursor; one per line, sorted, in $OUT.
tab() {
    bash -c '
        . "$1" || exit 3
        shift
        COMP_WORDS=("$@")
        COMP_CWORD=$(($# - 1))
        COMP_LINE="$*"
        COMP_POINT=${#COMP_LINE}
        _jarva "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        printf "%s\n" "${COMPREPLY[@]}"' bash "$COMPLETION" "$JARVA" "$@" 2>"$ERR" |
        sed '/^$/d' | sort >"$OUT"
}

# offers WHAT WORD...: each of WORD... is one of the completions, exactly.
offers() {
    what=$1
    shift
    for w; do
        checks=$((checks + 1))
        grep -qxF -- "$w" "$OUT" || fail "$what: '$w' not offered"
    done
}
offers_only() {
    what=$1
    shift
    if [ $# -eq 0 ]; then : >"$T/want"; else printf '%s\n' "$@" | sort >"$T/want"; fi
    expect_same "$OUT" "$T/want" "$what"
}

checks=$((checks + 1))
bash -n "$COMPLETION" 2>"$ERR" || fail "the completion script does not parse"

tab ""
offers "commands" init goals indicators show import batches compute results trend status help
"$JARVA" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' | sort >"$T/commands"
expect_same "$OUT" "$T/commands" "every command of jarva --help, and only those"
tab im
offers_only "a prefix" import
tab --
offers "global options" --db --catalog --format --quiet --help --version
tab import --
offers "import's options" --source --year --delimiter --encoding --decimal --percent --proportion \
    --dry-run --replace
tab --format ""
offers_only "--format values" csv json table
tab results --format = j
offers_only "--format=j (split at '=' as bash does)" json
tab import --encoding ""
offers_only "--encoding values (the listed ones)" utf-16be utf-16le utf-8 windows-1252
tab import --year 2025 ""
offers_only "a value skipped by its table's kind" activities staff survey table
tab compute --method ""
offers "--method values" logit beta mean wilson clopper-pearson
tab import ""
offers_only "import kinds" activities staff survey table
tab help ""
expect_same "$OUT" "$T/commands" "help completes the commands"

# File names for import: CSV and directories, not a PDF.
mkdir -p "$T/files/sub"
: >"$T/files/a.csv"
: >"$T/files/b.pdf"
tab import survey "$T/files/"
offers_only "import's file" "$T/files/a.csv" "$T/files/sub"

# estimate: a CSV file, then its columns for --var, --by (a list), --weight.
survey=$JARVA_SRC/tests/data/import/survey_2023_utf8.csv
tab estimate "$survey" --var F1
offers_only "--var from the file's header" F12a F14 F15
tab estimate "$survey" --by kon,al
offers_only "--by completes a list's last name" kon,aldersgrupp
tab estimate "$survey" --weight v
offers_only "--weight" vikt
tab estimate "$survey" --lonely-psu a
offers_only "--lonely-psu" adjust average
# report, when the build has it (JARVA_BUILD_REPORT).
if "$JARVA" report --help >/dev/null 2>&1; then
    tab report --format ""
    offers_only "report's own --format, from its table" html pdf
    tab report --lang ""
    offers_only "--lang" en sv
    tab report -o "$T/files/"
    offers_only "report -o: PDF files and directories" "$T/files/b.pdf" "$T/files/sub"
fi
tab estimate --
offers "estimate's options" --var --positive --by --weight --strata --min-n --lonely-psu

# Ids from the database named by --db.
db=$T/c.db
run --db "$db" --quiet init
expect_status 0 "init"
tab --db "$db" show safe-evening-s
offers_only "indicator id for show" safe-evening-survey
tab --db "$db" show g
offers "goal ids for show" g1 g7
tab --db "$db" indicators --goal g
offers "goal ids for --goal" g1 g2
tab --db "$db" results --indicator worried-crime-c
offers_only "--indicator" worried-crime-city
tab --db="$db" trend worried-crime-c
offers_only "--db=PATH as one word (bash-completion)" worried-crime-city
tab --db = "$db" trend worried-crime-c
offers_only "--db=PATH split at '=' (plain bash)" worried-crime-city
# No database: no ids, and no error.
tab --db "$T/none.db" show ""
offers_only "no database, no ids"
checks=$((checks + 1))
[ ! -e "$T/none.db" ] || fail "completion created a database"
finish
