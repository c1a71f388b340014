# SPDX-License-Identifier: GPL-3.0-or-later
# Independent check of the boundaries where ldbounds and RTSA disagree by more than 1e-4
# (tests/core/tst_tsa_boundaries.cpp). Uses multivariate normal probabilities (mvtnorm, Genz's algorithm)
# instead of a density recursion: with the earlier boundaries fixed, b_k solves
#   P(|Z_j| < b_j for the finite earlier b_j, Z_k >= b_k) = incremental alpha per tail,
# where corr(Z_i, Z_j) = sqrt(t_i / t_j). Looks whose boundary is infinite drop out of the event.
# Run: Rscript make_tsa_boundary_truth.R  (writes tsa_boundary_truth.json)
library(mvtnorm)
library(jsonlite)

esOF <- function(error, t) 2 * (1 - pnorm(qnorm(1 - error / 2) / sqrt(t)))

boundaries <- function(t, alpha = 0.05, spend_t = t) {
  cum <- esOF(alpha / 2, spend_t)
  incr <- diff(c(0, cum))
  b <- rep(Inf, length(t))
  for (k in seq_along(t)) {
    if (incr[k] < 1e-9) next
    prior <- which(is.finite(b[seq_len(k - 1)]))
    idx <- c(prior, k)
    sigma <- outer(t[idx], t[idx], function(a, c) sqrt(pmin(a, c) / pmax(a, c)))
    crossing <- function(x) {
      lower <- c(-b[prior], x); upper <- c(b[prior], Inf)
      as.numeric(pmvnorm(lower = lower, upper = upper, sigma = sigma, algorithm = GenzBretz(abseps = 1e-14, maxpts = 2e6)))
    }
    b[k] <- uniroot(function(x) log(crossing(x)) - log(incr[k]), c(1, 9), tol = 1e-12)$root
  }
  list(t = t, spend_t = spend_t, upper = ifelse(is.finite(b), b, NA), incr_per_tail = incr)
}

set.seed(20261121)
out <- list(
  generated_by = "make_tsa_boundary_truth.R",
  versions = list(R = R.version.string, mvtnorm = as.character(packageVersion("mvtnorm"))),
  method = "multivariate normal probabilities (mvtnorm::pmvnorm, GenzBretz abseps 1e-14); incremental alpha < 1e-9 per tail = no boundary (NA)",
  cases = list(
    early4 = boundaries(c(0.1, 0.3)),
    irregular6 = boundaries(c(0.05, 0.15, 0.33)),
    # RTSA run A2 (eds, RIS 1514, design factor R = 1.09045899061248): alpha spent at t/R; looks 1-6.
    A2_look6 = boundaries(c(86, 169, 497, 583, 697, 718) / 1514,
                          spend_t = c(86, 169, 497, 583, 697, 718) / 1514 / 1.09045899061248),
    # RTSA runs on perioOxy (tsa_checks.json), the first eight trials: RTSA is 1.0e-4 (RR) and 1.1e-4 (OR)
    # off at look 5, a step of 1.4% and 1.1% of the RIS, and the error carries on to later looks.
    perioOxy_RR = boundaries(c(143, 643, 2029, 4041, 4201, 4497, 4707, 5538) / 11100),
    perioOxy_OR = boundaries(c(643, 2029, 4041, 4201, 4497, 4707, 5538) / 14374)
  )
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null"), "tsa_boundary_truth.json")
