#!/bin/sh
# check_includes.sh SOURCE_DIR: docs/architecture.md's rule of who may include
# whom ("Include rule"), checked on every #include of the tree:
# - reports/ (the PDF report) uses libjarva only through its public headers:
#   no "jarva_internal.h" or other private header, no <sqlite3.h>, no db->sql;
# - reports/pdf/ (drawing) knows nothing of statistics: of libjarva it may
#   include only <jarva/common.h> (status codes) and <jarva/output.h> (files
#   written whole or not at all);
# - tools/jarva/ (the CLI) includes only public headers;
# - libjarva/src/stats/ is pure computation: no SQLite, no I/O headers of the
#   store, nothing of the other modules' private folders;
# - SQL lives in libjarva/src/store/ only, but for the files listed below
#   that are still to be moved.
# Prints every crossing as FILE:LINE: INCLUDE (rule) and fails if there is one.
set -u
src=${1:?usage: check_includes.sh SOURCE_DIR}
cd "$src" || exit 1
found=$(mktemp)
trap 'rm -f "$found"' EXIT
# report: passes crossings through to the output and keeps them in $found.
report() { tee -a "$found"; }
# includes FILES: "file:line: header" for every #include.
includes() {
    for f in "$@"; do
        [ -f "$f" ] || continue
        awk -v f="$f" '/^[ \t]*#[ \t]*include/ {
            h = $0; sub(/^[ \t]*#[ \t]*include[ \t]*/, "", h); sub(/[ \t]*(\/[*\/].*)?$/, "", h)
            print f ":" FNR ": " h }' "$f"
    done
}
private='"jarva_internal\.h"|_internal\.h"|"stats\.h"|"sha256\.h"|"text_encoding\.h"|"csv_reader\.h"|"import_mapping\.h"'
report_files=$(find reports -name '*.[ch]' ! -path 'reports/html/*' | sort)
pdf_files=$(find reports/pdf -name '*.[ch]' | sort)
cli_files=$(find tools/jarva -name '*.[ch]' | sort)
stats_files=$(find libjarva/src/stats -name '*.[ch]' | sort)

# The report's own internal headers (report_internal.h, pdf_*_internal.h)
# are its business; libjarva's private ones are not.
own_report=$(for f in $report_files; do basename "$f"; done | sed 's/\./\\./g' | tr '\n' '|' | sed 's/|$//')
includes $report_files | grep -E "$private|<sqlite3\.h>" | grep -Ev "\"($own_report)\"" |
    sed 's/$/ (reports\/ uses only <jarva.h>)/' | report
grep -n 'db->sql\|->sql\b\|sqlite3_' $report_files | sed 's/$/ (reports\/ never touches the store)/' | report
includes $pdf_files | grep -E '<jarva[./]|"jarva' | grep -Ev '<jarva/(common|output)\.h>' |
    sed 's/$/ (reports\/pdf\/ knows nothing of statistics)/' | report
includes $pdf_files | grep -E '"(report_[a-z_]*)\.h"' |
    sed 's/$/ (reports\/pdf\/ does not include the report)/' | report
includes $cli_files | grep -E "$private|<sqlite3\.h>|\"(pdf|report)_" |
    sed 's/$/ (the CLI uses only <jarva.h>)/' | report
includes $stats_files | grep -E '<sqlite3\.h>|"jarva_internal\.h"|<csv\.h>|<hpdf\.h>' |
    sed 's/$/ (stats\/ is pure computation)/' | report

# All SQL lives in libjarva/src/store/ (docs/architecture.md, "A second store
# engine"): the files below still reach SQLite themselves and are moved one
# at a time; any other file that does is a crossing, and a listed file that
# no longer does must leave the list.
sql_not_yet_in_store="libjarva/src/jarva_internal.h"
sql_users=$(grep -l 'sqlite3_\|->sql\b\|<sqlite3\.h>' libjarva/src/*.h libjarva/src/*/*.[ch] |
    grep -v '^libjarva/src/store/' | sort)
for f in $sql_users; do
    printf '%s\n' "$sql_not_yet_in_store" | grep -qx "$f" ||
        echo "$f: reaches SQLite outside libjarva/src/store/ (all SQL lives in store/)" | report
done
for f in $sql_not_yet_in_store; do
    printf '%s\n' "$sql_users" | grep -qx "$f" ||
        echo "$f: no longer reaches SQLite: take it off check_includes.sh's list" | report
done

bad=$(wc -l <"$found")
if [ "$bad" -gt 0 ]; then
    echo "check_includes: $bad include(s) cross docs/architecture.md's rule"
    exit 1
fi
echo "check_includes: every include keeps to docs/architecture.md's rule"
