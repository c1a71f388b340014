# SPDX-License-Identifier: GPL-3.0-or-later
# Writes synthetic-rob-16-studies.csv: illustrative data, not from real studies, for the risk-of-bias
# figures in docs/figures. 16 two-group comparisons of a "higher is better" outcome in two species, each
# with SYRCLE judgements drawn with the proportions typical of preclinical reviews (most items unclear,
# baseline characteristics and outcome data mostly low risk). One study's last two items are not yet
# assessed, so that the figures show how they mark that.
#   Rscript docs/figures/make_synthetic_rob_example.R
set.seed(20140326)
k <- 16
n <- sample(6:14, k, replace = TRUE)
species <- ifelse(seq_len(k) %% 4 == 0, "mouse", "rat")
year <- sort(sample(2008:2023, k, replace = TRUE))
true_smd <- 0.9 + rnorm(k, 0, 0.45)
sd_pool <- runif(k, 3, 6)
mean_c <- round(runif(k, 20, 30), 1)
mean_t <- round(mean_c + true_smd * sd_pool + rnorm(k, 0, sd_pool / sqrt(n)), 1)
sd_t <- round(sd_pool * runif(k, 0.8, 1.2), 2)
sd_c <- round(sd_pool * runif(k, 0.8, 1.2), 2)
authors <- c("Arnaud", "Berg", "Carvalho", "Dobson", "Eklund", "Ferreira", "Gupta", "Holm", "Ishikawa",
             "Jansen", "Klein", "Larsen", "Mendes", "Novak", "Olsen", "Park")
study <- paste(authors[seq_len(k)], "et al.", year)

# Probabilities of low, unclear, high for each SYRCLE item.
items <- list(
  sequence_generation = c(0.30, 0.60, 0.10),
  baseline_characteristics = c(0.60, 0.35, 0.05),
  allocation_concealment = c(0.10, 0.85, 0.05),
  random_housing = c(0.05, 0.80, 0.15),
  blinding_caregivers = c(0.10, 0.70, 0.20),
  random_outcome_assessment = c(0.10, 0.80, 0.10),
  blinding_assessor = c(0.40, 0.45, 0.15),
  incomplete_outcome_data = c(0.60, 0.25, 0.15),
  selective_reporting = c(0.40, 0.55, 0.05),
  other_bias = c(0.55, 0.25, 0.20)
)
out <- data.frame(study, mean_t, sd_t, n_t = n, mean_c, sd_c, n_c = n, species, year)
for (item in names(items))
  out[[paste0("rob_", item)]] <- sample(c("low", "unclear", "high"), k, replace = TRUE, prob = items[[item]])
out[k - 2, c("rob_selective_reporting", "rob_other_bias")] <- ""
write.csv(out, file.path("docs", "figures", "synthetic-rob-16-studies.csv"), row.names = FALSE)
