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
# - SQL lives in libjarva/src/store/ only;
# - a module uses another only through its door header.
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
private='"jarva_internal\.h"|_internal\.h"|"stats\.h"|"sha256\.h"|"text_encoding\.h"|"csv_reader\.h"|"source_mapping\.h"|"store_db\.h"'
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
# engine"): no other file of the library names SQLite's API, its header, the
# handle's connection or the store's private headers (store_db.h, the
# handle's layout; answer_write.h and row_writer.h, which take SQLite's
# connection).
grep -n 'sqlite3_\|->sql\b\|<sqlite3\.h>\|"store_db\.h"\|"answer_write\.h"\|"row_writer\.h"' \
    libjarva/src/*.h libjarva/src/*/*.[ch] | grep -v '^libjarva/src/store/' |
    sed 's/$/ (SQLite and the handle'"'"'s layout are store\/'"'"'s only)/' | report

# One door per module: a file of one module includes of another only that
# module's door header (util/ is shared helpers: any of its headers). The
# modules a module may use at all are its CMakeLists.txt's DEPENDS, which the
# compiler enforces.
door_of() {
    case $1 in
    store) echo store_internal.h ;; catalog) echo catalog_internal.h ;;
    csv) echo csv_reader.h ;; stats) echo stats.h ;; statfile) echo statfile_internal.h ;;
    xlsx) echo xlsx_internal.h ;; px) echo px_internal.h ;; import) echo import_internal.h ;;
    compute) echo compute_internal.h ;; adhoc) echo estimate_file_internal.h ;;
    *) echo "" ;;
    esac
}
for f in libjarva/src/*/*.[ch]; do
    own=$(basename "$(dirname "$f")")
    includes "$f" | sed -n 's/^\([^:]*:[0-9]*\): "\([^"]*\)"$/\1 \2/p' | while read -r at header; do
        home=$(cd libjarva/src && ls -d */"$header" 2>/dev/null | head -n 1)
        [ -n "$home" ] || continue
        module=${home%%/*}
        [ "$module" = "$own" ] || [ "$module" = util ] && continue
        [ "$header" = "$(door_of "$module")" ] ||
            echo "$at: \"$header\" ($module/ is used through its door $(door_of "$module") only)"
    done
done | report

bad=$(wc -l <"$found")
if [ "$bad" -gt 0 ]; then
    echo "check_includes: $bad include(s) cross docs/architecture.md's rule"
    exit 1
fi
echo "check_includes: every include keeps to docs/architecture.md's rule"
