# make_compute_fixture.R: the reference for `jarva compute` on the committed
# import fixture tests/data/import/survey_2023_utf8.csv: the share who feel
# safe out late (F12a in 1, 2 among valid 1-4; 9 and empty are missing) for
# the whole of Järva, by R's survey package, as svyciprop(method = "logit")
# on subset(design, !is.na(y)) with the estimate and SE of svymean.
# Run from the repository root: Rscript tests/reference/make_compute_fixture.R
suppressMessages(library(survey))
d <- read.csv("tests/data/import/survey_2023_utf8.csv", stringsAsFactors = FALSE,
              colClasses = "character")
d$vikt <- as.numeric(d$vikt)
d$y <- ifelse(d$F12a %in% c("1", "2"), 1, ifelse(d$F12a %in% c("3", "4"), 0, NA))
des <- svydesign(ids = ~1, strata = ~strata, weights = ~vikt, data = d)
sub <- subset(des, !is.na(y))
m <- svymean(~y, sub)
ci <- svyciprop(~y, sub, method = "logit")
out <- data.frame(indicator = "safe-evening-survey", year = 2023, area = "jarva",
                  n = sum(!is.na(d$y)), estimate = sprintf("%.15g", coef(m)),
                  se = sprintf("%.15g", SE(m)),
                  ci_low = sprintf("%.15g", confint(ci)[1]),
                  ci_high = sprintf("%.15g", confint(ci)[2]),
                  df = degf(sub))
write.csv(out, "tests/reference/ref_compute.csv", row.names = FALSE, quote = FALSE)

# The same file with respondent 1001 (a valid answer, 3) alone in a stratum
# of its own ("Akalla centrum"): tests/data/import/survey_2023_lonely.csv.
# `jarva compute` fails on it by default and, with --lonely-psu adjust (or the
# source's default lonely_psu,adjust), matches R's
# options(survey.lonely.psu = "adjust"): the lonely stratum is centred at the
# grand mean (tests/cli/test_status.sh).
options(survey.lonely.psu = "adjust")
d <- read.csv("tests/data/import/survey_2023_lonely.csv", stringsAsFactors = FALSE,
              colClasses = "character")
d$vikt <- as.numeric(d$vikt)
d$y <- ifelse(d$F12a %in% c("1", "2"), 1, ifelse(d$F12a %in% c("3", "4"), 0, NA))
des <- svydesign(ids = ~1, strata = ~strata, weights = ~vikt, data = d)
sub <- subset(des, !is.na(y))
m <- svymean(~y, sub)
ci <- svyciprop(~y, sub, method = "logit")
out <- data.frame(indicator = "safe-evening-survey", year = 2023, area = "jarva",
                  n = sum(!is.na(d$y)), estimate = sprintf("%.15g", coef(m)),
                  se = sprintf("%.15g", SE(m)),
                  ci_low = sprintf("%.15g", confint(ci)[1]),
                  ci_high = sprintf("%.15g", confint(ci)[2]),
                  df = degf(sub))
write.csv(out, "tests/reference/ref_compute_lonely.csv", row.names = FALSE, quote = FALSE)
