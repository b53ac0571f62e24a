#!/usr/bin/env python3
# make_cp1252.py: writes survey_cp1252.csv, the fixture survey (survey.csv) as
# Excel saves it on a Swedish Windows machine: Windows-1252, ';' between
# fields, decimal commas in the weights, CRLF line ends. One column is added
# after `area`, `stadsdelsområde` (Rinkeby-Kista for areas 1-4, Spånga-Tensta
# for 5-6), so that the file holds non-ASCII bytes in its header and data and
# the encoding must be detected. Everything else is the same survey:
# tests/cli/test_estimate.sh checks that `jarva estimate` prints the same bytes
# for both files. Run from this directory: python3 make_cp1252.py
# (deterministic: a second run writes the same bytes).
import csv

DISTRICT = {"1": "Rinkeby-Kista", "2": "Rinkeby-Kista", "3": "Rinkeby-Kista",
            "4": "Rinkeby-Kista", "5": "Spånga-Tensta", "6": "Spånga-Tensta"}

with open("survey.csv", newline="", encoding="ascii") as src:
    rows = list(csv.reader(src))
header, data = rows[0], rows[1:]
area = header.index("area")
weight = header.index("weight")

out_rows = [header[:area + 1] + ["stadsdelsområde"] + header[area + 1:]]
for row in data:
    row = list(row)
    row[weight] = row[weight].replace(".", ",")
    out_rows.append(row[:area + 1] + [DISTRICT[row[area]]] + row[area + 1:])

with open("survey_cp1252.csv", "w", newline="", encoding="cp1252") as dst:
    for row in out_rows:
        assert not any(";" in field or '"' in field for field in row)
        dst.write(";".join(row) + "\r\n")
