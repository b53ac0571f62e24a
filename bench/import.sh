#!/bin/bash
# import.sh [ROWS] [RUNS]: speed and memory of `jarva import survey` on a
# generated export of ROWS respondents × 30 columns (default 1,000,000, about
# 80 MB) as Excel writes it, against the sqlite3 shell's own `.import` of the
# same file into a plain table, run here in the same script on the same
# machine, one after the other, RUNS times (default 3; a shared machine's load
# varies from one second to the next). Prints both times and their ratio
# (jarva / sqlite3; below 1 is faster) for each run, the median ratio of
# wall-clock and of processor time (on a shared machine the wall clock
# measures the load too), and jarva's highest peak resident memory. Then the
# same export of FORMAT_ROWS respondents (default 100,000, a large vendor
# file) as CSV, as an SPSS .sav (R's haven) and as an Excel .xlsx
# (openpyxl), each imported by jarva in the same run: the time of each and
# its ratio to the CSV's. Not part of ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
runs=${2:-3}
command -v sqlite3 >/dev/null || apt-get install -y -qq --no-install-recommends sqlite3 >/dev/null
[ -x /usr/bin/time ] || apt-get install -y -qq --no-install-recommends time >/dev/null
build=${BUILD_DIR:-build-bench}
cmake -S . -B $build -DCMAKE_BUILD_TYPE=Release -DJARVA_BUILD_TESTS=OFF >/dev/null
cmake --build $build -j2 >/dev/null
jarva=$PWD/$build/tools/jarva/jarva
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

awk -v rows="$rows" -v seed=42 -f bench/gen_survey.awk >"$work/survey.csv"
echo "file: $rows respondents x 30 columns, $(du -m "$work/survey.csv" | cut -f1) MB"
cp -r indicators "$work/catalog"
mkdir -p "$work/catalog/sources"
cp bench/data/bench-survey-mapping.csv "$work/catalog/sources/bench-survey.csv"

for run in $(seq "$runs"); do
    rm -f "$work"/jarva.db* "$work"/shell.db*
    "$jarva" --db "$work/jarva.db" --catalog "$work/catalog" --quiet init
    /usr/bin/time -f '%e %M %U %S' -o "$work/jarva.time" \
        "$jarva" --db "$work/jarva.db" --catalog "$work/catalog" --quiet \
        import survey --source bench-survey "$work/survey.csv"
    read -r jarva_s jarva_kb jarva_u jarva_sys <"$work/jarva.time"

    /usr/bin/time -f '%e %M %U %S' -o "$work/sqlite.time" \
        sqlite3 "$work/shell.db" -cmd '.mode csv' -cmd '.separator ";"' ".import $work/survey.csv t"
    read -r sqlite_s sqlite_kb sqlite_u sqlite_sys <"$work/sqlite.time"

    stored=$(sqlite3 "$work/jarva.db" 'SELECT sum(count) FROM column_block WHERE column_no = -9')
    echo "run $run: jarva import survey ${jarva_s} s (peak RSS $((jarva_kb / 1024)) MiB," \
        "$stored rows stored, validated); sqlite3 .import ${sqlite_s} s" \
        "(peak RSS $((sqlite_kb / 1024)) MiB, no validation)"
    echo "  cpu (user + system): jarva $(echo "$jarva_u $jarva_sys" | awk '{ print $1 + $2 }') s," \
        "sqlite3 $(echo "$sqlite_u $sqlite_sys" | awk '{ print $1 + $2 }') s" \
        "(load average $(cut -d' ' -f1 /proc/loadavg))"
    echo "$jarva_s $sqlite_s $jarva_kb $jarva_u $jarva_sys $sqlite_u $sqlite_sys" >>"$work/runs"
done
awk '{ ratio[NR] = $1 / $2; cpu[NR] = ($4 + $5) / ($6 + $7); if ($3 > rss) rss = $3 }
     END {
         n = NR
         for (i = 1; i <= n; i++)
             for (j = i + 1; j <= n; j++)
                 if (ratio[j] < ratio[i]) { t = ratio[i]; ratio[i] = ratio[j]; ratio[j] = t }
         median = n % 2 ? ratio[(n + 1) / 2] : (ratio[n / 2] + ratio[n / 2 + 1]) / 2
         printf "ratio jarva/sqlite3, wall: median %.2f of %d runs (%.2f-%.2f; target <= 0.4)\n",
             median, n, ratio[1], ratio[n]
         for (i = 1; i <= n; i++)
             for (j = i + 1; j <= n; j++)
                 if (cpu[j] < cpu[i]) { t = cpu[i]; cpu[i] = cpu[j]; cpu[j] = t }
         printf "ratio jarva/sqlite3, cpu (jarva: both threads): median %.2f (%.2f-%.2f)\n",
             n % 2 ? cpu[(n + 1) / 2] : (cpu[n / 2] + cpu[n / 2 + 1]) / 2, cpu[1], cpu[n]
         printf "jarva peak RSS: %d MiB at most (target < 64)\n", rss / 1024
     }' "$work/runs"

# The other formats: the same respondents from .sav and .xlsx against .csv.
format_rows=${FORMAT_ROWS:-100000}
if command -v Rscript >/dev/null && Rscript -e 'library(haven)' >/dev/null 2>&1 &&
    /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
    awk -v rows="$format_rows" -v seed=42 -f bench/gen_survey.awk >"$work/formats.csv"
    sh bench/convert_formats.sh "$work/formats.csv" "$work"
    cp "$work/formats.csv" "$work/survey-f.csv"
    echo "formats: $format_rows respondents x 30 columns:" \
        "csv $(du -k "$work/survey-f.csv" | cut -f1) kB," \
        "sav $(du -k "$work/survey.sav" | cut -f1) kB, xlsx $(du -k "$work/survey.xlsx" | cut -f1) kB"
    for run in $(seq "$runs"); do
        line="run $run:"
        for f in survey-f.csv survey.sav survey.xlsx; do
            rm -f "$work"/fmt.db*
            "$jarva" --db "$work/fmt.db" --catalog "$work/catalog" --quiet init
            /usr/bin/time -f '%e %M' -o "$work/fmt.time" \
                "$jarva" --db "$work/fmt.db" --catalog "$work/catalog" --quiet \
                import survey --source bench-survey "$work/$f"
            read -r s kb <"$work/fmt.time"
            [ "$(sqlite3 "$work/fmt.db" 'SELECT sum(count) FROM column_block WHERE column_no = -9')" = "$format_rows" ] ||
                { echo "$f: not every row stored" >&2; exit 1; }
            line="$line ${f##*.} ${s} s ($((kb / 1024)) MiB)"
            echo "$s" >>"$work/fmt.${f##*.}"
        done
        echo "$line"
    done
    paste "$work/fmt.csv" "$work/fmt.sav" "$work/fmt.xlsx" | awk '
        { sav[NR] = $2 / $1; xlsx[NR] = $3 / $1 }
        function median(a, n,   i, j, t) {
            for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
                if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
            return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
        }
        END { printf "ratio to the CSV import: .sav %.2f, .xlsx %.2f (medians of %d runs)\n",
                  median(sav, NR), median(xlsx, NR), NR }'
else
    echo "formats: skipped (needs Rscript with r-cran-haven and python3-openpyxl)"
fi
