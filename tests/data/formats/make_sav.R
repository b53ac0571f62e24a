# make_sav.R: the SPSS, Stata and SAS fixtures of tests/cli/test_formats.sh,
# committed so that CI needs no R. Run from the repository root:
#
#     Rscript tests/data/formats/make_sav.R      # Debian: r-cran-haven 2.5.1
#
# trygghetsenkat-2025.{sav,zsav,dta,sas7bdat}: the example survey wave of
# examples/data/simulerade-trygghetsenkat-2025.csv as haven writes it, the
# answers numeric with value labels (from the descriptions in
# indicators/sources/jarva-trygghet.csv), areas and strata as strings; every
# value as in the CSV, so that an import stores the same rows. Small staff
# files for what the CSV cannot say: a user-missing code (9 declared missing
# in P1), a string variable where the mapping wants codes, a code outside the
# mapping.
suppressPackageStartupMessages(library(haven))

out <- "tests/data/formats"
csv <- read.csv2("examples/data/simulerade-trygghetsenkat-2025.csv",
                 fileEncoding = "CP1252", colClasses = "character", na.strings = "")

agree4 <- c("instämmer helt" = 1, "instämmer delvis" = 2, "instämmer knappast" = 3,
            "instämmer inte alls" = 4, "vet ej" = 9)
labels <- list(
  F12a = c("mycket trygg" = 1, "ganska trygg" = 2, "ganska otrygg" = 3,
           "mycket otrygg" = 4, "vet ej" = 9),
  F14 = c("ofta" = 1, "ibland" = 2, "sällan" = 3, "aldrig" = 4, "vet ej" = 9),
  F15 = c("ofta" = 1, "ibland" = 2, "aldrig" = 3, "vet ej" = 9),
  F20 = c("ja" = 1, "nej" = 2, "vill ej svara" = 9),
  F24 = agree4, F25 = agree4,
  F30 = c("ja" = 1, "nej" = 2, "osäker" = 3, "ej svar" = 9),
  F31 = c("ja" = 1, "nej" = 2, "osäker" = 3, "ej svar" = 9),
  F32 = c("ja" = 1, "nej" = 2, "minns ej" = 3, "ej svar" = 9))

survey <- data.frame(
  lopnr = as.numeric(csv$lopnr),
  ar = as.numeric(csv$ar),
  omrade = csv$omrade,
  strata = csv$strata,
  vikt = as.numeric(sub(",", ".", csv$vikt, fixed = TRUE)),
  kon = csv$kon,
  aldersgrupp = csv$aldersgrupp,
  stringsAsFactors = FALSE)
for (v in names(labels))
  survey[[v]] <- labelled(as.numeric(csv[[v]]), labels[[v]])
attr(survey$F12a, "label") <- "Hur trygg känner du dig om du går ut ensam sent en kväll?"
attr(survey$vikt, "label") <- "Kalibrerad designvikt"

write_sav(survey, file.path(out, "trygghetsenkat-2025.sav"))
write_sav(survey, file.path(out, "trygghetsenkat-2025.zsav"), compress = "zsav")
write_dta(survey, file.path(out, "trygghetsenkat-2025.dta"), version = 14)
suppressWarnings(write_sas(survey, file.path(out, "trygghetsenkat-2025.sas7bdat")))

# Staff: four respondents. P1 declares 9 ("vet ej") user-missing, as SPSS
# users do; respondent 3 answered 9. P2 is missing (system-missing) for
# respondent 4.
p1 <- labelled_spss(c(1, 2, 9, 3),
                    c("väl" = 1, "i stora drag" = 2, "nej" = 3, "vet ej" = 9),
                    na_values = 9)
staff <- data.frame(id = c(1, 2, 3, 4), ar = 2025,
                    organisation = c("Utbildningsförvaltningen", "Järva stadsdelsförvaltning",
                                     "Utbildningsförvaltningen", "Lokalpolisområde Järva"),
                    roll = c("medarbetare", "chef", "medarbetare", "utpekat ansvar"),
                    stringsAsFactors = FALSE)
staff$P1 <- p1
staff$P2 <- labelled(c(2, 1, 4, NA), agree4)
for (v in c("P3", "P4", "P7", "P8")) staff[[v]] <- labelled(c(1, 2, 2, 3), agree4)
staff$P5 <- c(5, 4, 3, 4)
staff$P6 <- labelled(c(1, 3, 2, 3), c("ja, flera gånger" = 1, "ja, en gång" = 2, "nej" = 3,
                                       "möter inte invånare" = 9))
write_sav(staff, file.path(out, "personalenkat-missing.sav"))

# P2 as the labels' text instead of the codes.
text <- staff
text$P2 <- c("instämmer delvis", "instämmer helt", "instämmer inte alls", "")
write_sav(text, file.path(out, "personalenkat-text.sav"))

# P2 = 7 for respondent 4: not one of the mapping's codes 1,2,3,4,9.
odd <- staff
odd$P2 <- labelled(c(2, 1, 4, 7), agree4)
write_sav(odd, file.path(out, "personalenkat-code7.sav"))
