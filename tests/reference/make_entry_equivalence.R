# SPDX-License-Identifier: GPL-3.0-or-later
# The converted means and SDs that tests/ui/tst_preclinicalentry.cpp types "by hand", to check that
# entering a study as the paper reports it gives the same effect sizes. Formulas as cited in
# core/effectsize/reportedarm.h: SEM (Cochrane Handbook 6.5.2.2), a CI of the mean with Student's t,
# the median with its IQR (mean: Luo et al. 2018 eq. 11; SD: Wan et al. 2014 eq. 16).
# Run: Rscript tests/reference/make_entry_equivalence.R   (prints the literals pasted into the test)
show <- function(name, x) cat(sprintf("%s = \"%s\"\n", name, trimws(formatC(x, digits = 17, format = "g"))))

# Li 2019, treated: mean 12.4 ± SEM 1.1, n 8
show("sdFromSem", 1.1 * sqrt(8))
# Wang 2020, treated: mean 9.0, 90% CI 7.5 to 10.5, n 10
show("sdFromCi", sqrt(10) * (10.5 - 7.5) / (2 * qt(0.95, 10 - 1)))
# Zhou 2021, treated: median 6 (IQR 5 to 8), n 12; control: median 4 (IQR 3 to 5.5), n 11
median_iqr <- function(m, q1, q3, n) {
    w <- 0.7 + 0.39 / n
    eta <- 2 * qnorm((0.75 * n - 0.125) / (n + 0.25))
    c(mean = w * (q1 + q3) / 2 + (1 - w) * m, sd = (q3 - q1) / eta)
}
t <- median_iqr(6, 5, 8, 12)
c <- median_iqr(4, 3, 5.5, 11)
show("meanFromMedianT", t[["mean"]])
show("sdFromIqrT", t[["sd"]])
show("meanFromMedianC", c[["mean"]])
show("sdFromIqrC", c[["sd"]])
