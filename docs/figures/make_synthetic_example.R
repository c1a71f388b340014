# SPDX-License-Identifier: GPL-3.0-or-later
# Writes synthetic-32-studies.csv: illustrative data, not from real studies, for the example figures in
# docs/figures. 32 two-group comparisons of a "lower is better" outcome (e.g. lesion volume, mm^3) in two
# species, with heterogeneity and a mild small-study effect so that the funnel plot has something to show.
#   Rscript docs/figures/make_synthetic_example.R
set.seed(20160901)
k <- 32
n <- sample(5:18, k, replace = TRUE)
species <- ifelse(seq_len(k) %% 3 == 0, "mouse", "rat")
year <- sort(sample(1998:2022, k, replace = TRUE))
true_smd <- -0.7 + ifelse(species == "mouse", 0.3, 0) + rnorm(k, 0, 0.35) - 0.9 / sqrt(n) + 0.2
sd_pool <- runif(k, 8, 14)
mean_c <- round(runif(k, 55, 75), 1)
mean_t <- round(mean_c + true_smd * sd_pool + rnorm(k, 0, sd_pool / sqrt(n)), 1)
sd_t <- round(sd_pool * runif(k, 0.8, 1.2), 2)
sd_c <- round(sd_pool * runif(k, 0.8, 1.2), 2)
authors <- c("Abbott", "Becker", "Chen", "Dufour", "Eriksen", "Fujita", "Garcia", "Hansen", "Ivanova", "Jensen",
             "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petersen", "Quinn", "Rossi", "Schmidt",
             "Tanaka", "Ueda", "Valdez", "Weber", "Xu", "Yilmaz", "Zhang", "Almeida", "Brandt", "Costa", "Dahl",
             "Engel", "Fischer")
study <- paste(authors[seq_len(k)], "et al.", year)
out <- data.frame(study, mean_t, sd_t, n_t = n, mean_c, sd_c, n_c = n, species, year)
write.csv(out, file.path("docs", "figures", "synthetic-32-studies.csv"), row.names = FALSE)
