# gen_survey.awk: a survey export as Excel writes it (';', decimal comma, CRLF):
# rows respondents × 30 columns: id, year, area, stratum, weight, sex, age group
# and 23 questions coded 1-5, 9 (don't know) or empty (missing).
# Usage: awk -v rows=N -v seed=S -f gen_survey.awk > file.csv
BEGIN {
    srand(seed ? seed : 1)
    split("Akalla Husby Kista Rinkeby Tensta Hjulsta", areas, " ")
    split("16-29 30-49 50-64 65-84", ages, " ")
    printf "lopnr;ar;omrade;strata;vikt;kon;aldersgrupp"
    for (q = 1; q <= 23; q++) printf ";F%02d", q
    printf "\r\n"
    for (i = 1; i <= rows; i++) {
        a = int(rand() * 6) + 1
        w = 50 + rand() * 400
        printf "%d;2025;%s;%d;%d,%02d;%s;%s", i, areas[a], (a - 1) * 2 + int(rand() * 2) + 1,
            int(w), int((w - int(w)) * 100), rand() < 0.5 ? "K" : "M", ages[int(rand() * 4) + 1]
        for (q = 1; q <= 23; q++) {
            r = rand()
            if (r < 0.04) printf ";"
            else if (r < 0.08) printf ";9"
            else printf ";%d", int(rand() * 5) + 1
        }
        printf "\r\n"
    }
}
