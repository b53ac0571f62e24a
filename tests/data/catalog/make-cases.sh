#!/bin/sh
# make-cases.sh: rebuilds the bad catalogues from valid/: each case directory is
# a copy of valid/ with one defect, the one its line below makes.
# test_catalog.c expects the file:line of each defect; run this again after
# editing valid/ and check the test still names the right lines.
set -eu
cd "$(dirname "$0")"

# case NAME FILE SED-SCRIPT: copy valid/ to NAME/ and edit FILE with sed.
case_sed() {
    rm -rf "$1" && cp -r valid "$1"
    sed -i "$3" "$1/$2"
}

case_sed duplicate-id goals.csv '$a g2,overall,,Dubblett.,Duplicate.'
case_sed unknown-audience goals.csv '4s/,staff,/,nobody,/'
# goals.csv's optional owner column naming an organisation that does not exist.
case_sed unknown-owner goals.csv '1s/$/,owner/; 2s/$/,sdf/; 3s/$/,nobody/; 4,5s/$/,/'
# The optional sources.csv with one source twice.
case_sed duplicate-source goals.csv ''
printf '%s\n' 'id,name_sv,name_en,simulated' 'enkat,Enkäten,The survey,1' \
    'enkat,Enkäten igen,The survey again,0' >duplicate-source/sources.csv
case_sed unknown-goal indicators.csv '3s/^listed,g2,/listed,g9,/'
case_sed unknown-alias-area area_aliases.csv '3s/,west$/,north/'
case_sed unknown-parent areas.csv '4s/,whole,1$/,nowhere,1/'
case_sed bad-source-kind indicators.csv '2s/,survey,/,poll,/'
case_sed bad-measure indicators.csv '3s/,count,/,median,/'
case_sed bad-direction indicators.csv '2s/,higher,/,up,/'
case_sed bad-goal-kind goals.csv '2s/,overall,/,general,/'
case_sed bad-area-kind areas.csv '5s/,area,/,suburb,/'
# The unit column renamed to "note", a column the loader ignores.
case_sed missing-column indicators.csv '1s/,unit,/,note,/'
case_sed missing-value indicators.csv '2s/,Andel trygga,/,,/'
case_sed non-numeric indicators.csv '2s/,40\.5,/,fyrtio,/'
case_sed target-wrong-side indicators.csv '2s/,2027,50,/,2027,30,/'
case_sed target-year-before indicators.csv '3s/,2025,0,/,2019,0,/'
case_sed positive-not-subset indicators.csv '2s/"1,2","1,2,3,4"/"1,6","1,2,3,4"/'
case_sed proportion-range indicators.csv '2s/,40\.5,/,140,/'
case_sed series-break-not-number indicators.csv '2s/"2025, 2021"/"2025, tjugo"/'
case_sed overall-with-audience goals.csv '3s/^g2,overall,,/g2,overall,staff,/'
case_sed area-cycle areas.csv '3s/,city,1$/,east,1/'
case_sed alias-conflict area_aliases.csv '3s/^Vastra Jarva,/Ostra,/'
case_sed indicator-id-is-goal indicators.csv '4s/^know,/c2,/'
# An unterminated quote: the reader stops at the record.
case_sed malformed-csv goals.csv '5s/,Invånare får/,"Invånare får/'

# Targets decided or proposed (issue 11): a target_kind column added, with a
# decided target lacking its decision, and a kind on an indicator without a
# target; the plan's status thresholds the wrong way round.
case_sed decided-without-decision indicators.csv '1s/$/,target_kind/;2,$s/$/,/;2s/,$/,decided/'
case_sed kind-without-target indicators.csv '1s/$/,target_kind/;2,$s/$/,/;4s/,2026,90,/,,,/;4s/,$/,proposed/'
case_sed bad-probabilities plan.csv '1s/$/,on_track_probability,off_track_probability/;2s/$/,0.3,0.6/'

rm -rf missing-file && cp -r valid missing-file && rm missing-file/principles.csv

# 25 indicators of an unknown goal: 20 listed, then "and 5 more errors".
rm -rf many-errors && cp -r valid many-errors
for i in $(seq 1 25); do
    echo "f$i,nogoal,Namn,Name,activity,count,test-log,,,,press_material,count,higher,,,,,antal,,1,,,"
done >>many-errors/indicators.csv

# The catalogue without indicator 'listed' and area 'west' (and its alias).
rm -rf smaller && cp -r valid smaller
sed -i '/^listed,/d' smaller/indicators.csv
sed -i '/^west,/d' smaller/areas.csv
sed -i '/,west$/d' smaller/area_aliases.csv

# What Excel saves in a Swedish locale: semicolons, Windows-1252, decimal
# commas, CRLF. Loads to the same database as valid/.
rm -rf excel && mkdir excel
python3 - <<'PY'
import csv, os
for name in os.listdir('valid'):
    with open(os.path.join('valid', name), encoding='utf-8', newline='') as f:
        rows = list(csv.reader(f))
    header = rows[0]
    numeric = {i for i, h in enumerate(header) if h in ('baseline_value', 'target_value')}
    with open(os.path.join('excel', name), 'w', encoding='cp1252', newline='') as f:
        w = csv.writer(f, delimiter=';', lineterminator='\r\n')
        for n, row in enumerate(rows):
            w.writerow([c.replace('.', ',') if n and i in numeric else c for i, c in enumerate(row)])
PY
echo "cases written"
