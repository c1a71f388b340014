# SPDX-License-Identifier: GPL-3.0-or-later
# Reference values for the preclinical data-entry statistics (tests/core/tst_reportedarm.cpp,
# tst_nmd.cpp, tst_sharedcontrol.cpp). Run from the repository root:
#
#     Rscript tests/reference/make_preclinical_vectors.R
#
# It writes tests/reference/preclinical_vectors.json. Every formula below is written out here from the
# paper it comes from (metafor 3.8 has no conv.fivenum), so the C++ code and this script are two
# independent implementations of the same equations. Where an existing implementation can check the
# same number (metafor's escalc and rma, and R's own mean() and sd() on raw data), the script checks
# itself against it with stopifnot() before writing anything.

suppressPackageStartupMessages({
    library(metafor)
    library(jsonlite)
})

# ---------------------------------------------------------------------------------------------------
# 1. Reported dispersion -> SD

# Cochrane Handbook (version 6) section 6.5.2.2: SD = SE * sqrt(n).
sd_from_sem <- function(sem, n) sem * sqrt(n)

# Cochrane Handbook section 6.5.2.2: SD = sqrt(n) * (upper - lower) / (2 * t), where for small samples the
# multiplier is the t quantile with n - 1 degrees of freedom. Evident always uses t.
sd_from_ci <- function(lower, upper, level, n) sqrt(n) * (upper - lower) / (2 * qt((1 + level) / 2, n - 1))

# Wan, Wang, Liu & Tong (2014), BMC Med Res Methodol 14:135. xi(n) and eta(n) are replaced by the
# normal-quantile (Blom) approximations of their eqs. (9) and (16):
#   xi(n)  = 2 * qnorm((n - 0.375) / (n + 0.25))          expected range of n standard normals
#   eta(n) = 2 * qnorm((0.75 * n - 0.125) / (n + 0.25))   expected IQR of n standard normals
wan_xi <- function(n) 2 * qnorm((n - 0.375) / (n + 0.25))
wan_eta <- function(n) 2 * qnorm((0.75 * n - 0.125) / (n + 0.25))
# Scenario C1 {min, median, max; n}: eq. (9).
wan_sd_range <- function(min, max, n) (max - min) / wan_xi(n)
# Scenario C3 {q1, median, q3; n}: eq. (16).
wan_sd_iqr <- function(q1, q3, n) (q3 - q1) / wan_eta(n)
# Scenario C2 {min, q1, median, q3, max; n}: eq. (12), the average of the two, with the same approximations.
wan_sd_both <- function(min, q1, q3, max, n) 0.5 * ((max - min) / wan_xi(n) + (q3 - q1) / wan_eta(n))

# Luo, Wan, Liu & Tong (2018), Stat Methods Med Res 27:1785, optimal weights.
# S1 {min, median, max}: eq. (7), w = 4 / (4 + n^0.75).
luo_mean_range <- function(min, median, max, n) {
    w <- 4 / (4 + n^0.75)
    w * (min + max) / 2 + (1 - w) * median
}
# S2 {q1, median, q3}: eq. (11), w = 0.7 + 0.39 / n.
luo_mean_iqr <- function(q1, median, q3, n) {
    w <- 0.7 + 0.39 / n
    w * (q1 + q3) / 2 + (1 - w) * median
}
# S3 {min, q1, median, q3, max}: eq. (15), w1 = 2.2 / (2.2 + n^0.75), w2 = 0.7 - 0.72 / n^0.55.
luo_mean_both <- function(min, q1, median, q3, max, n) {
    w1 <- 2.2 / (2.2 + n^0.75)
    w2 <- 0.7 - 0.72 / n^0.55
    w1 * (min + max) / 2 + w2 * (q1 + q3) / 2 + (1 - w1 - w2) * median
}

# The documented example of metaBLUE 1.0.0 (an independent implementation; rdrr.io "Example output"):
# Luo.mean(c(1, 4, 10), 30, "S1") = 4.356748 and Wan.std(c(1, 4, 10), 30, "S1") = 2.205578.
stopifnot(abs(luo_mean_range(1, 4, 10, 30) - 4.356748) < 5e-7)
stopifnot(abs(wan_sd_range(1, 10, 30) - 2.205578) < 5e-7)

sem_cases <- list(
    list(id = "brief example", n = 8, mean = 25.3, sem = 2.1),
    list(id = "n 6", n = 6, mean = 100, sem = 12.5),
    list(id = "n 3, negative mean", n = 3, mean = -4.2, sem = 0.37),
    list(id = "n 40", n = 40, mean = 0.815, sem = 0.0123)
)
for (i in seq_along(sem_cases)) {
    x <- sem_cases[[i]]
    sem_cases[[i]]$sd <- sd_from_sem(x$sem, x$n)
}

ci_cases <- list(
    list(id = "Handbook n 25", n = 25, mean = 10, lower = 8, upper = 12, level = 0.95),
    list(id = "n 8, 95%", n = 8, mean = 41.5, lower = 37.1, upper = 45.9, level = 0.95),
    list(id = "n 10, 90%", n = 10, mean = 3.2, lower = 2.6, upper = 3.8, level = 0.90),
    list(id = "n 6, 99%", n = 6, mean = 120, lower = 95, upper = 145, level = 0.99),
    list(id = "n 3, 95%", n = 3, mean = 5, lower = 1, upper = 9, level = 0.95),
    list(id = "n 200, 95%", n = 200, mean = 0, lower = -1.5, upper = 1.5, level = 0.95)
)
for (i in seq_along(ci_cases)) {
    x <- ci_cases[[i]]
    ci_cases[[i]]$t <- qt((1 + x$level) / 2, x$n - 1)
    ci_cases[[i]]$sd <- sd_from_ci(x$lower, x$upper, x$level, x$n)
}

# Median-based cases: a spread of sample sizes typical of animal studies, symmetric and skewed values.
median_inputs <- list(
    list(id = "metaBLUE example", n = 30, min = 1, q1 = 2.5, median = 4, q3 = 6, max = 10),
    list(id = "n 4", n = 4, min = 10, q1 = 12, median = 13, q3 = 15, max = 19),
    list(id = "n 5 skewed", n = 5, min = 0.8, q1 = 1.1, median = 1.4, q3 = 2.6, max = 6.3),
    list(id = "n 8", n = 8, min = 18.2, q1 = 22.5, median = 25.1, q3 = 28.3, max = 33.0),
    list(id = "n 10 negative", n = 10, min = -12.5, q1 = -7.0, median = -5.5, q3 = -3.0, max = 1.5),
    list(id = "n 12 median at q1", n = 12, min = 2, q1 = 4, median = 4, q3 = 7, max = 11),
    list(id = "n 15", n = 15, min = 140, q1 = 162, median = 171, q3 = 185, max = 214),
    list(id = "n 101", n = 101, min = 3.1, q1 = 5.2, median = 6.0, q3 = 7.1, max = 9.9)
)
median_cases <- lapply(median_inputs, function(x) {
    c(x, list(
        range = list(mean = luo_mean_range(x$min, x$median, x$max, x$n),
                     sd = wan_sd_range(x$min, x$max, x$n)),
        iqr = list(mean = luo_mean_iqr(x$q1, x$median, x$q3, x$n),
                   sd = wan_sd_iqr(x$q1, x$q3, x$n)),
        both = list(mean = luo_mean_both(x$min, x$q1, x$median, x$q3, x$max, x$n),
                    sd = wan_sd_both(x$min, x$q1, x$q3, x$max, x$n)),
        xi = wan_xi(x$n), eta = wan_eta(x$n)))
})

# ---------------------------------------------------------------------------------------------------
# 2. Normalised mean difference, Vesterinen et al. (2014), J Neurosci Methods 221:92 (section on NMD):
#   omega_rx = 100% * (x_rx - x_sham) / (x_c - x_sham), omega_c = 100%,
#   SD*_rx = 100% * SD_rx / (x_c - x_sham), SD*_c = 100% * SD_c / (x_c - x_sham),
#   NMD = omega_c - omega_rx, var = SD*_c^2 / n_c + SD*_rx^2 / n_rx.
nmd <- function(mt, sdt, nt, mc, sdc, nc, sham) {
    scale <- 100 / (mc - sham)
    omega_t <- scale * (mt - sham)
    list(yi = 100 - omega_t, vi = (scale * sdc)^2 / nc + (scale * sdt)^2 / nt)
}
nmd_cases <- list(
    list(id = "infarct size, lower is better", treated = c(21.7, 4.9, 9), control = c(38.2, 6.1, 10), sham = 0),
    list(id = "ejection fraction, higher is better", treated = c(50.3, 6.1, 6), control = c(41.5, 5.2, 7), sham = 72.0),
    list(id = "worse than control", treated = c(47.0, 8.0, 8), control = c(40.0, 7.5, 8), sham = 12.0),
    list(id = "overshoot past sham", treated = c(80.0, 9.0, 5), control = c(55.0, 10.0, 6), sham = 75.0),
    list(id = "fractional control n", treated = c(30.1, 5.5, 8), control = c(38.2, 6.1, 10 / 3), sham = 2.0)
)
for (i in seq_along(nmd_cases)) {
    x <- nmd_cases[[i]]
    r <- nmd(x$treated[1], x$treated[2], x$treated[3], x$control[1], x$control[2], x$control[3], x$sham)
    # Independent check: NMD is the raw mean difference rescaled by -100 / (x_c - x_sham), so yi and vi
    # must agree with metafor's escalc("MD") (vtype "LS") after that rescaling.
    md <- escalc("MD", m1i = x$treated[1], sd1i = x$treated[2], n1i = x$treated[3],
                 m2i = x$control[1], sd2i = x$control[2], n2i = x$control[3])
    k <- -100 / (x$control[1] - x$sham)
    stopifnot(isTRUE(all.equal(r$yi, k * as.numeric(md$yi), tolerance = 1e-14)))
    stopifnot(isTRUE(all.equal(r$vi, k^2 * as.numeric(md$vi), tolerance = 1e-14)))
    nmd_cases[[i]]$yi <- r$yi
    nmd_cases[[i]]$vi <- r$vi
}

# ---------------------------------------------------------------------------------------------------
# 3. Combining groups, Cochrane Handbook Table 6.5.a:
#   N = N1 + N2, M = (N1 M1 + N2 M2) / N,
#   SD = sqrt(((N1 - 1) SD1^2 + (N2 - 1) SD2^2 + N1 N2 / N * (M1^2 + M2^2 - 2 M1 M2)) / (N - 1)),
# applied repeatedly for more than two groups. It is exact: it must reproduce mean() and sd() of the
# pooled raw data, which is what the script stores (the formula only checks itself here).
combine2 <- function(a, b) {
    n <- a$n + b$n
    m <- (a$n * a$mean + b$n * b$mean) / n
    s <- sqrt(((a$n - 1) * a$sd^2 + (b$n - 1) * b$sd^2 + a$n * b$n / n * (a$mean^2 + b$mean^2 - 2 * a$mean * b$mean)) / (n - 1))
    list(mean = m, sd = s, n = n)
}
raw_groups <- list(
    list(id = "two arms", arms = list(c(30.2, 27.9, 35.1, 24.4, 31.8, 29.0), c(22.3, 25.8, 19.9, 27.4, 21.0))),
    list(id = "three arms", arms = list(c(30.2, 27.9, 35.1, 24.4, 31.8, 29.0, 33.3, 26.6),
                                        c(25.0, 22.7, 28.9, 20.1, 26.3, 23.8, 24.4, 27.7),
                                        c(21.6, 19.3, 24.8, 17.0, 22.9, 20.5, 23.7, 18.8, 20.0))),
    list(id = "unequal spread", arms = list(c(1.2, 1.9, 0.7), c(10.5, 14.2, 8.8, 12.0), c(5.5, 5.6)))
)
combine_cases <- lapply(raw_groups, function(g) {
    summaries <- lapply(g$arms, function(x) list(mean = mean(x), sd = sd(x), n = length(x)))
    pooled <- unlist(g$arms)
    folded <- Reduce(combine2, summaries)
    stopifnot(isTRUE(all.equal(folded$mean, mean(pooled), tolerance = 1e-13)))
    stopifnot(isTRUE(all.equal(folded$sd, sd(pooled), tolerance = 1e-13)))
    list(id = g$id, arms = summaries, combined = list(mean = mean(pooled), sd = sd(pooled), n = length(pooled)))
})

# ---------------------------------------------------------------------------------------------------
# 4. Shared control groups through to the pooled result, with metafor.
# Three studies, six comparisons: study A has three EV doses against one vehicle control, study B EV
# with and without hydrogel against one control, study C one comparison.
shared <- data.frame(
    study   = c("A", "A", "A", "B", "B", "C"),
    control = c("A-vehicle", "A-vehicle", "A-vehicle", "B-control", "B-control", "C-control"),
    m1i = c(30.1, 25.4, 21.7, 50.3, 56.8, 27.5),
    sd1i = c(5.5, 6.0, 4.9, 6.1, 5.7, 6.4),
    n1i = c(8, 8, 9, 6, 6, 6),
    m2i = c(38.2, 38.2, 38.2, 41.5, 41.5, 35.0),
    sd2i = c(6.1, 6.1, 6.1, 5.2, 5.2, 7.0),
    n2i = c(10, 10, 10, 7, 7, 6),
    sham = c(2.0, 2.0, 2.0, 72.0, 72.0, 0.0)
)
shared$arms <- ave(seq_len(nrow(shared)), shared$control, FUN = length)
shared$n2split <- shared$n2i / shared$arms

ctrl <- list(threshold = 1e-10, maxiter = 1000)
smd_split <- escalc("SMD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2split, data = shared)
fit_smd_split <- rma(yi, vi, data = smd_split, method = "REML", control = ctrl)

nmd_split <- do.call(rbind, lapply(seq_len(nrow(shared)), function(i) {
    x <- shared[i, ]
    as.data.frame(nmd(x$m1i, x$sd1i, x$n1i, x$m2i, x$sd2i, x$n2split, x$sham))
}))
fit_nmd_split <- rma(yi, vi, data = nmd_split, method = "REML", control = ctrl)

# Combining instead: one comparison per control group, treated arms merged with Table 6.5.a.
combined <- do.call(rbind, lapply(split(shared, factor(shared$control, levels = unique(shared$control))), function(g) {
    arms <- lapply(seq_len(nrow(g)), function(i) list(mean = g$m1i[i], sd = g$sd1i[i], n = g$n1i[i]))
    t <- Reduce(combine2, arms)
    data.frame(control = g$control[1], m1i = t$mean, sd1i = t$sd, n1i = t$n,
               m2i = g$m2i[1], sd2i = g$sd2i[1], n2i = g$n2i[1])
}))
smd_combined <- escalc("SMD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = combined)
fit_smd_combined <- rma(yi, vi, data = smd_combined, method = "REML", control = ctrl)

fit_summary <- function(fit) list(estimate = as.numeric(fit$beta), se = fit$se, tau2 = fit$tau2,
                                  ci_lower = fit$ci.lb, ci_upper = fit$ci.ub, i2 = fit$I2, q = fit$QE)

shared_study <- list(
    comparisons = lapply(seq_len(nrow(shared)), function(i) {
        x <- shared[i, ]
        list(study = x$study, control_id = x$control,
             treated = list(mean = x$m1i, sd = x$sd1i, n = x$n1i),
             control = list(mean = x$m2i, sd = x$sd2i, n = x$n2i), sham = x$sham)
    }),
    split = list(control_n = shared$n2split,
                 smd = list(yi = as.numeric(smd_split$yi), vi = as.numeric(smd_split$vi), reml = fit_summary(fit_smd_split)),
                 nmd = list(yi = nmd_split$yi, vi = nmd_split$vi, reml = fit_summary(fit_nmd_split))),
    combine = list(treated = lapply(seq_len(nrow(combined)), function(i)
                       list(mean = combined$m1i[i], sd = combined$sd1i[i], n = combined$n1i[i])),
                   smd = list(yi = as.numeric(smd_combined$yi), vi = as.numeric(smd_combined$vi),
                              reml = fit_summary(fit_smd_combined)))
)

# ---------------------------------------------------------------------------------------------------
out <- list(
    generated_by = "make_preclinical_vectors.R",
    versions = list(R = R.version.string, metafor = as.character(packageVersion("metafor")),
                    jsonlite = as.character(packageVersion("jsonlite"))),
    conventions = list(
        ci = "sd = sqrt(n) * (upper - lower) / (2 * qt((1 + level) / 2, n - 1)), always t",
        median = "mean: Luo et al. 2018 eqs. (7), (11), (15); sd: Wan et al. 2014 eqs. (9), (16) and (12) with the approximations of (9) and (16)",
        nmd = "yi = 100 * (x_c - x_t) / (x_c - x_sham) in percent; positive = treated closer to sham than control",
        reml = "rma(method = 'REML', control = list(threshold = 1e-10, maxiter = 1000))"
    ),
    sem_cases = sem_cases,
    ci_cases = ci_cases,
    median_cases = median_cases,
    nmd_cases = nmd_cases,
    combine_cases = combine_cases,
    shared_control = shared_study
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "tests/reference/preclinical_vectors.json")
cat("wrote tests/reference/preclinical_vectors.json\n")
