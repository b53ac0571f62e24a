#!/bin/sh
# convert_formats.sh CSV OUTDIR: the bench export (bench/gen_survey.awk: ';',
# decimal comma, UTF-8) as the survey vendors' other formats, for
# bench/import.sh: OUTDIR/survey.sav by R's haven and OUTDIR/survey.xlsx by
# openpyxl in write-only mode, every value typed as in the CSV (whole
# numbers and decimals as numbers, the rest as text, empty as missing).
set -eu
csv=$1 out=$2
Rscript -e '
suppressPackageStartupMessages(library(haven))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv2(args[1], colClasses = "character", na.strings = "")
for (v in names(d)) {
  x <- d[[v]]
  n <- suppressWarnings(as.numeric(sub(",", ".", x, fixed = TRUE)))
  if (all(is.na(x) | !is.na(n))) d[[v]] <- n
}
write_sav(d, args[2])' "$csv" "$out/survey.sav"
/usr/bin/python3 - "$csv" "$out/survey.xlsx" <<'PY'
import csv, re, sys
import openpyxl
number = re.compile(r"^-?[0-9]+(,[0-9]+)?$")
wb = openpyxl.Workbook(write_only=True)
ws = wb.create_sheet("Blad1")
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for i, row in enumerate(csv.reader(f, delimiter=";")):
        ws.append([None if v == "" else
                   (float(v.replace(",", ".")) if "," in v else int(v))
                   if i and number.match(v) else v for v in row])
wb.save(sys.argv[2])
PY
