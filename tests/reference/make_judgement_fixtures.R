# make_judgement_fixtures.R: the reference for the target status (issue 11):
# trends of sampled estimates by weighted least squares with the
# multiplicative dispersion factor, trends of exact counts by ordinary least
# squares (zeros included), the projection to the target year with its
# standard error, the probability of meeting the target and the status it
# gives; Benjamini-Hochberg adjusted p-values; the minimum detectable change.
# Computed with lm(), predict(se.fit = TRUE), pnorm(), p.adjust(), qnorm()
# independently of libjarva. Run from the repository root:
#   Rscript tests/reference/make_judgement_fixtures.R
# Writes tests/reference/ref_judgement.csv and ref_bh.csv.
cases <- list(
    # Series a of ref_trend.csv: chi2 1.23 on 3 df, no extra variation (phi 1).
    list(name = "wls_a", exact = FALSE, year = 2019:2023,
         est = c(0.55, 0.57, 0.56, 0.60, 0.62), se = c(0.02, 0.025, 0.02, 0.018, 0.02),
         target_year = 2026, target = 0.66, direction = 1),
    # Years that vary far more than their sampling error: phi well above 1.
    list(name = "wls_dispersed", exact = FALSE, year = 2022:2025,
         est = c(0.81, 0.70, 0.86, 0.79), se = c(0.02, 0.02, 0.02, 0.02),
         target_year = 2027, target = 0.90, direction = 1),
    # Proposals answered, as sampled shares: chi2 far above its 5 df.
    list(name = "wls_proposals", exact = FALSE, year = 2019:2025,
         est = c(11/19, 18/41, 16/24, 12/30, 32/44, 22/31, 30/33),
         se = sqrt(c(11/19 * 8/19 / 19, 18/41 * 23/41 / 41, 16/24 * 8/24 / 24,
                     12/30 * 18/30 / 30, 32/44 * 12/44 / 44, 22/31 * 9/31 / 31,
                     30/33 * 3/33 / 33)),
         target_year = 2026, target = 1.0, direction = 1),
    # Lower is better, biennial survey.
    list(name = "wls_lower", exact = FALSE, year = c(2019, 2021, 2023, 2025),
         est = c(0.23, 0.19, 0.138, 0.137), se = c(0.011, 0.010, 0.009, 0.009),
         target_year = 2027, target = 0.10, direction = -1),
    # A survey that rose for years and fell in the two latest waves: the
    # line still reaches the target (recent_turn) ...
    list(name = "wls_turned", exact = FALSE, year = 2019:2025,
         est = c(0.50, 0.54, 0.58, 0.62, 0.66, 0.65, 0.64), se = rep(0.01, 7),
         target_year = 2027, target = 0.68, direction = 1),
    # ... and one that fell only in the latest: ordinary variation.
    list(name = "wls_dip", exact = FALSE, year = 2019:2025,
         est = c(0.50, 0.54, 0.58, 0.62, 0.66, 0.67, 0.66), se = rep(0.01, 7),
         target_year = 2027, target = 0.68, direction = 1),
    # Complete counts with zeros (common-material, partner-forums of the example).
    list(name = "ols_common", exact = TRUE, year = 2019:2025, est = c(0, 0, 1, 1, 0, 1, 1),
         se = rep(0, 7), target_year = 2026, target = 2, direction = 1),
    list(name = "ols_partner", exact = TRUE, year = 2019:2025, est = c(2, 0, 3, 7, 7, 6, 5),
         se = rep(0, 7), target_year = 2026, target = 6, direction = 1),
    list(name = "ols_lower", exact = TRUE, year = 2020:2024, est = c(9, 7, 8, 4, 3),
         se = rep(0, 5), target_year = 2026, target = 2, direction = -1),
    # Lower is better, rising in the two latest years: away from the target.
    list(name = "ols_lower_turned", exact = TRUE, year = 2019:2025,
         est = c(12, 10, 8, 6, 4, 4.5, 5), se = rep(0, 7), target_year = 2027, target = 3,
         direction = -1)
)
# The rule that decides (docs/status.md), and its status. A high probability
# with the two latest changes both away from the target is uncertain
# (recent_turn): every point of these cases is usable.
rule <- function(est, direction, target, probability) {
    k <- length(est)
    if (direction * (est[k] - target) >= 0) return("latest_meets_target")
    turned <- k >= 3 && direction * (est[k] - est[k - 1]) < 0 &&
        direction * (est[k - 1] - est[k - 2]) < 0
    if (probability >= 0.75) return(if (turned) "recent_turn" else "probability_high")
    if (probability <= 0.25) return("probability_low")
    "probability_middle"
}
status_of <- c(latest_meets_target = "achieved", recent_turn = "uncertain",
               probability_high = "on_track", probability_low = "off_track",
               probability_middle = "uncertain")
f <- function(x) sprintf("%.15g", x)
rows <- list()
for (cs in cases) {
    d <- data.frame(x = cs$year - mean(cs$year), y = cs$est, se = cs$se)
    k <- nrow(d)
    x0 <- data.frame(x = cs$target_year - mean(cs$year))
    if (cs$exact) {
        fit <- lm(y ~ x, data = d)
        s <- summary(fit)
        se_slope <- s$coefficients[2, 2]
        df <- k - 2
        chisq <- sum(residuals(fit)^2)
        phi <- 1
        pr <- predict(fit, newdata = x0, se.fit = TRUE)
        proj_se <- pr$se.fit
        proj_se_unscaled <- NA
    } else {
        fit <- lm(y ~ x, data = d, weights = 1 / se^2)
        s <- summary(fit)
        chisq <- sum(residuals(fit)^2 / d$se^2)   # = sigma^2 (k - 2)
        phi <- max(1, s$sigma^2)
        se_slope <- sqrt(s$cov.unscaled[2, 2] * phi)
        df <- if (phi > 1) k - 2 else Inf
        pr <- predict(fit, newdata = x0, se.fit = TRUE)
        # predict() scales by sigma: take it out (known variances), then put
        # the dispersion factor in.
        proj_se_unscaled <- pr$se.fit / s$sigma
        proj_se <- proj_se_unscaled * sqrt(phi)
    }
    b <- unname(coef(fit)[2])
    q <- if (is.finite(df)) qt(0.975, df) else qnorm(0.975)
    p <- if (is.finite(df)) 2 * pt(-abs(b / se_slope), df) else 2 * pnorm(-abs(b / se_slope))
    proj <- unname(pr$fit)
    probability <- pnorm(cs$direction * (proj - cs$target) / proj_se)
    rows[[cs$name]] <- data.frame(
        case = cs$name, method = if (cs$exact) "ols" else "wls",
        years = paste(cs$year, collapse = " "), estimates = paste(f(cs$est), collapse = " "),
        ses = paste(f(cs$se), collapse = " "), target_year = cs$target_year,
        target = cs$target, direction = cs$direction,
        intercept = f(unname(coef(fit)[1])), slope = f(b), se_slope = f(se_slope),
        ci_low = f(b - q * se_slope), ci_high = f(b + q * se_slope), p = f(p),
        df = if (is.finite(df)) df else "Inf", chisq = f(chisq), dispersion = f(phi),
        projected = f(proj), projected_se = f(proj_se),
        projected_se_unscaled = if (is.na(proj_se_unscaled)) "NA" else f(proj_se_unscaled),
        probability = f(probability),
        rule = rule(cs$est, cs$direction, cs$target, probability),
        status = unname(status_of[rule(cs$est, cs$direction, cs$target, probability)]))
}
write.csv(do.call(rbind, rows), "tests/reference/ref_judgement.csv", row.names = FALSE,
          quote = FALSE)

# Benjamini-Hochberg over a family with ties, and the minimum detectable
# change (z_0.975 + z_0.80) sqrt(2) se at se = 0.02.
pv <- c(0.001, 0.04, 0.03, 0.2, 0.04, 0.9, 0.012, 0.5)
bh <- data.frame(p = f(pv), adjusted = f(p.adjust(pv, method = "BH")))
write.csv(bh, "tests/reference/ref_bh.csv", row.names = FALSE, quote = FALSE)
cat("mdc(se = 0.02):", f((qnorm(0.975) + qnorm(0.8)) * sqrt(2) * 0.02), "\n")
