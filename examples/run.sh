#!/bin/sh
# run.sh [BUILD_DIR]: the main job on the example data (see examples/README.md):
# create the database and load the plan's catalogue, import every example file
# (real published figures, the police list, the simulated surveys and activity
# log), compute every indicator, print the status against the targets and, when
# the build has `jarva report`, write effektrapport-2025.pdf at the repository
# root, and its web edition effektrapport-2025/index.html. A second run
# imports nothing again (files are recognised by SHA-256).
# The test (tests/cli/test_example.sh) points it elsewhere with
# JARVA_EXAMPLE_DB, JARVA_EXAMPLE_DATA, JARVA_EXAMPLE_PDF and JARVA_EXAMPLE_WEB
# (default: the PDF's name without .pdf).
set -eu
build=${1:-build}
case $build in
/*) ;;
*) build=$(pwd)/$build ;; # relative to where run.sh is called from
esac
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jarva="$build/tools/jarva/jarva"
if [ ! -x "$jarva" ]; then
    echo "run.sh: $jarva not found: build first (cmake -S . -B build && cmake --build build)" >&2
    exit 1
fi
db=${JARVA_EXAMPLE_DB:-$build/example.db}
data=${JARVA_EXAMPLE_DATA:-examples/data}
j() { "$jarva" --db "$db" "$@"; }

j init
# Real published figures with their sources, and the police list as counts.
j import table "$data/publicerade-trygghetsmatningar.csv"
j import table "$data/polisens-utsatta-omraden.csv"
# Simulated example data (simulerade exempeldata), made by tools/simulate.
for f in "$data"/simulerade-trygghetsenkat-*.csv; do j import survey "$f"; done
for f in "$data"/simulerade-personalenkat-*.csv; do j import staff "$f"; done
for f in "$data"/simulerade-aktivitetslogg-*.csv; do j import activities "$f"; done
j compute
j status

if "$jarva" report --help >/dev/null 2>&1; then
    pdf=${JARVA_EXAMPLE_PDF:-$root/effektrapport-2025.pdf}
    notice="Simulerade exempeldata: enkäterna och aktivitetsloggen är simulerade, inte verkliga resultat"
    if "$jarva" report --help 2>&1 | grep -q -- '--notice'; then
        j report --year 2025 --notice "$notice" -o "$pdf"
    else
        j report --year 2025 -o "$pdf"
    fi
    echo "Report: $pdf"
    if "$jarva" report --help 2>&1 | grep -q -- '--format pdf|html'; then
        web=${JARVA_EXAMPLE_WEB:-${pdf%.pdf}}
        j report --year 2025 --format html --notice "$notice" -o "$web"
        echo "Web edition: $web/index.html"
    fi
else
    echo "run.sh: this build has no 'jarva report' yet; the estimates are in $db" >&2
fi
