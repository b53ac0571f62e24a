#!/usr/bin/env python3
"""make_px_twins.py: writes a PC-Axis table and its PxWeb wide-CSV twin from
the real published figures of the City of Stockholm's safety survey
(trygghetsmätningen 2014, 2017, 2020) in examples/data/publicerade-
trygghetsmatningar.csv (= /work/shared/data/published-figures.csv; sources:
start.stockholm, DN and Mitt i, one URL per figure there). The layout is the
one Stockholm's and SCB's statistics databases export: STUB region and
question, HEADING year; a figure the sources do not give is "..". The texts
of regions and questions are written as a statistics database words them,
so that the table mapping (sources/stockholm-stad-trygghetsmatning.csv here)
has work to do. Run from the repository root:
    python3 tests/data/px/make_px_twins.py
"""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "..", "..", "examples", "data",
                      "publicerade-trygghetsmatningar.csv")
SURVEY = "stockholm-stad-trygghetsmatning"

REGIONS = [("Stockholms stad", "Stockholms stad"),
           ("Rinkeby-Kista", "Rinkeby-Kista stadsdelsområde"),
           ("Spånga-Tensta", "Spånga-Tensta stadsdelsområde")]
QUESTIONS = [
    ("ofta orolig för att utsättas för brott", "Ofta orolig för att utsättas för brott"),
    ("otrygg ute ensam sent en kväll i det egna området",
     "Otrygg ute ensam sent en kväll i det egna bostadsområdet"),
    ("otrygg i bostadsområdet", "Känner sig otrygg i sitt bostadsområde"),
    ("orolig för överfall i offentlig miljö", "Orolig för överfall i offentlig miljö"),
    ("orolig för bostadsinbrott", "Orolig för bostadsinbrott"),
]
YEARS = ["2014", "2017", "2020"]


def figures():
    out = {}
    with open(SOURCE, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["survey"] == SURVEY:
                out[(row["area"], row["measure"], row["year"])] = row["value_percent"]
    return out


def main():
    fig = figures()
    cells = []
    for area, _ in REGIONS:
        for measure, _ in QUESTIONS:
            cells.append([fig.get((area, measure, y), "..") for y in YEARS])

    def q(s):
        return '"' + s + '"'

    lines = [
        'CHARSET="ANSI";',
        'AXIS-VERSION="2013";',
        'CODEPAGE="iso-8859-1";',
        'LANGUAGE="sv";',
        'CREATION-DATE="20250301 10:00";',
        'DECIMALS=0;',
        'MATRIX="TRYGG01";',
        'SUBJECT-CODE="TR";',
        'SUBJECT-AREA="Trygghet";',
        'TITLE="Andel (%) efter region, fråga och år";',
        'CONTENTS="Trygghetsmätningen, andel (%)";',
        'UNITS="procent";',
        'STUB="region","fråga";',
        'HEADING="år";',
        'VALUES("region")=' + ",".join(q(t) for _, t in REGIONS) + ";",
        'VALUES("fråga")=' + ",".join(q(t) for _, t in QUESTIONS[:3]) + ",",
        ",".join(q(t) for _, t in QUESTIONS[3:]) + ";",
        'VALUES("år")=' + ",".join(q(y) for y in YEARS) + ";",
        'TIMEVAL("år")=TLIST(A1),' + ",".join(q(y) for y in YEARS) + ";",
        'NOTE="Siffrorna är de publicerade i Stockholms stads trygghetsmätning; "',
        '"de saknas (..) där källorna inte anger dem.";',
        'SOURCE="Stockholms stad, trygghetsmätningen (start.stockholm, DN, Mitt i)";',
        'TITLE[en]="Share (%) by region, question and year";',
        'DATA=',
    ]
    for row in cells:
        lines.append(" ".join(v if v != ".." else '".."' for v in row) + " ")
    lines[-1] = lines[-1].rstrip() + ";"
    with open(os.path.join(HERE, "trygghet.px"), "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("iso-8859-1"))

    # PxWeb's "semikolonavgränsad med rubrik": Windows-1252, years as columns.
    with open(os.path.join(HERE, "trygghet-pxweb.csv"), "w", encoding="cp1252",
              newline="") as f:
        w = csv.writer(f, delimiter=";", quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
        w.writerow(["region", "fråga"] + YEARS)
        for (area, rtext) in REGIONS:
            for (measure, qtext) in QUESTIONS:
                w.writerow([rtext, qtext] + [fig.get((area, measure, y), "..") for y in YEARS])

    with open(os.path.join(HERE, "sources", SURVEY + ".csv"), "w", encoding="utf-8",
              newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["field", "column", "years", "codes", "description"])
        w.writerow(["area", "region", "", "", "The variable (PX) or column (CSV) with the area"])
        w.writerow(["year", "år", "", "", "Years: a variable in the PX file, columns in the CSV"])
        w.writerow(["measure", "fråga", "", "", "The question"])
        w.writerow(["unit", "percent", "", "", "Shares in percent"])
        for area, rtext in REGIONS:
            if rtext != area:
                w.writerow(["area:" + area, rtext, "", "", "The table's name for the district"])
        for measure, qtext in QUESTIONS:
            if qtext.lower() != measure:
                w.writerow(["measure:" + measure, qtext, "", "", "The indicator's variable"])
            else:
                w.writerow(["measure:" + measure, qtext, "", "", ""])


if __name__ == "__main__":
    main()
