# gen_estimate.awk: four survey waves (2022-2025) as Excel writes them (';',
# decimal comma, CRLF), rows respondents in all, a quarter in each file
# DIR/survey_YEAR.csv: id, year, area (six), stratum (four per area, 24),
# weight (unequal by stratum), sex, age group and 20 questions F01-F20 coded
# 1-5, 9 (don't know, 4 %) or empty (missing, 4 %). The share answering 1 or
# 2 differs by area, question and year, so every estimate is a different number.
# Usage: awk -v rows=N -v seed=S -v dir=DIR -f gen_estimate.awk
BEGIN {
    srand(seed ? seed : 1)
    split("Akalla Husby Kista Rinkeby Tensta Hjulsta", areas, " ")
    split("16-29 30-49 50-64 65-84", ages, " ")
    for (s = 1; s <= 24; s++) base[s] = 40 + 15 * ((s * 7) % 24)
    per_year = int(rows / 4)
    id = 0
    for (year = 2022; year <= 2025; year++) {
        file = dir "/survey_" year ".csv"
        printf "lopnr;ar;omrade;strata;vikt;kon;aldersgrupp" > file
        for (q = 1; q <= 20; q++) printf ";F%02d", q > file
        printf "\r\n" > file
        n = year < 2025 ? per_year : rows - 3 * per_year
        for (i = 1; i <= n; i++) {
            a = int(rand() * 6) + 1
            s = (a - 1) * 4 + int(rand() * 4) + 1
            w = base[s] * (0.6 + 0.8 * rand())
            cents = int(w * 100 + 0.5)
            line = sprintf("%d;%d;%s;%d;%d,%02d;%s;%s", ++id, year, areas[a], s, int(cents / 100),
                           cents % 100, rand() < 0.5 ? "K" : "M", ages[int(rand() * 4) + 1])
            for (q = 1; q <= 20; q++) {
                positive = 0.2 + 0.06 * a + 0.015 * q + 0.02 * (year - 2022) + 0.01 * (s % 4)
                r = rand()
                if (r < 0.04) line = line ";"
                else if (r < 0.08) line = line ";9"
                else if (rand() < positive) line = line ";" (int(rand() * 2) + 1)
                else line = line ";" (int(rand() * 3) + 3)
            }
            printf "%s\r\n", line > file
        }
        close(file)
    }
}
