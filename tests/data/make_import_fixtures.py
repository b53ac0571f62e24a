#!/usr/bin/env python3
"""Writes tests/data/import/: one small residents' survey wave exported twice,
as UTF-8 with commas and '.' decimals (LF), and as Excel writes it in Sweden:
Windows-1252, ';', decimal commas, CRLF. Both must import to identical stored
data. Also a staff survey, a published table and an activity log. The values
are drawn from a fixed seed, so rerunning gives the same files."""
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent / "import"
AREAS = ["Akalla", "Husby", "Kista", "Rinkeby", "Tensta", "Hjulsta"]
AGES = ["16–29", "30–49", "50–64", "65–84"]  # en dashes, as Excel keeps them
QUESTIONS = [("F12a", "1,2,3,4,9"), ("F14", "1,2,3,4,9"), ("F15", "1,2,3,9"),
             ("F20", "1,2,9"), ("F24", "1,2,3,4,9"), ("F25", "1,2,3,4,9"),
             ("F30", "1,2,3,9"), ("F31", "1,2,3,9"), ("F32", "1,2,3,9")]


def survey_rows(seed, n, year):
    rng = random.Random(seed)
    rows = []
    for i in range(1, n + 1):
        area = AREAS[(i - 1) % len(AREAS)]
        stratum = f"{area} {'norr' if rng.random() < 0.5 else 'söder'}"
        weight = round(rng.uniform(20, 400), 3)
        answers = []
        for _, codes in QUESTIONS:
            r = rng.random()
            answers.append("" if r < 0.05 else rng.choice(codes.split(",")))
        rows.append([str(1000 + i), str(year), area, stratum, weight,
                     rng.choice("KM"), rng.choice(AGES)] + answers)
    return rows


def write(path, header, rows, sep, decimal, encoding, newline):
    def cell(v):
        if isinstance(v, float):
            s = f"{v:.3f}"
            return s.replace(".", decimal)
        s = str(v)
        if sep in s or '"' in s:
            s = '"' + s.replace('"', '""') + '"'
        return s
    text = newline.join(sep.join(cell(v) for v in r) for r in [header] + rows) + newline
    path.write_bytes(text.encode(encoding))


def main():
    OUT.mkdir(exist_ok=True)
    header = ["lopnr", "ar", "omrade", "strata", "vikt", "kon", "aldersgrupp"] + [q for q, _ in QUESTIONS]
    rows = survey_rows(2023, 60, 2023)
    write(OUT / "survey_2023_utf8.csv", header, rows, ",", ".", "utf-8", "\n")
    write(OUT / "survey_2023_excel.csv", header, rows, ";", ",", "cp1252", "\r\n")
    # The same wave exported again with one answer changed: a different file.
    changed = [list(r) for r in rows]
    changed[0][7] = "4" if changed[0][7] != "4" else "3"
    write(OUT / "survey_2023_revised.csv", header, changed, ",", ".", "utf-8", "\n")

    staff_header = ["id", "ar", "organisation", "roll", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"]
    rng = random.Random(7)
    orgs = ["Järva stadsdelsförvaltning", "Lokalpolisområde Järva", "Svenska Bostäder"]
    staff = []
    for i in range(1, 31):
        staff.append([str(i), "2024", orgs[i % 3], rng.choice(["chef", "utpekat ansvar", "medarbetare"]),
                      rng.choice("1239"), rng.choice("12349"), rng.choice("1234"), rng.choice("1234"),
                      rng.choice("12345"), rng.choice("1239"), rng.choice("1234"), rng.choice("1234")])
    write(OUT / "staff_2024.csv", staff_header, staff, ";", ",", "cp1252", "\r\n")

    table = [["polisen-region-stockholm-trygghetsmatning", "2020", "LPO Järva", "trygg ute sent en kväll i området", "56", "", ""],
             ["polisen-region-stockholm-trygghetsmatning", "2022", "LPO Järva", "trygg ute sent en kväll i området", "64", "", "svarsfrekvens 38 %"],
             ["stockholm-stad-trygghetsmatning", "2017", "Rinkeby-Kista", "ofta orolig för att utsättas för brott", "21", "", ""],
             ["stockholm-stad-trygghetsmatning", "2020", "Stockholms stad", "ofta orolig för att utsättas för brott", "9", "17 857", ""],
             ["stockholm-stad-trygghetsmatning", "2020", "Spånga-Tensta", "orolig för bostadsinbrott", "..", "", "undertryckt"]]
    write(OUT / "table.csv", ["survey", "year", "area", "measure", "value_percent", "n", "note"], table,
          ";", ",", "cp1252", "\r\n")

    acts = [["2025-01-15", "Järva stadsdelsförvaltning", "3", "press_material", "Husby", "1", "", "", "", "Pressmeddelande – ny lägesbild"],
            ["15/2 2025", "Lokalpolisområde Järva", "1", "report_delivered", "", "1", "", "2025-02-10", "2025-02-14", "Rapport till styrgruppen"],
            ["1 mars 2025", "Svenska Bostäder", "4", "partner_forum", "Rinkeby", "1", "40", "", "", "Fastighetsägarforum"],
            ["20250320", "Järva stadsdelsförvaltning", "3", "feedback_given", "Tensta", "12", "", "", "", "Återkoppling på förslag"]]
    write(OUT / "activities.csv", ["datum", "organisation", "målgrupp", "typ", "område", "antal", "räckvidd",
                                   "planerat", "levererat", "beskrivning"], acts, ";", ",", "cp1252", "\r\n")


if __name__ == "__main__":
    main()
