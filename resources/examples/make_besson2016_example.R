# SPDX-License-Identifier: GPL-3.0-or-later
# Writes besson2016-open-arm-entries.csv, Evident's bundled real-data example, from metadat.
#
# Data: Besson AA, Lagisz M, Senior AM, Hector KL, Nakagawa S (2016). Effect of maternal diet on
# offspring coping styles in rodents: a systematic review and meta-analysis. Biological Reviews
# 91(4):1065-1080. doi:10.1111/brv.12210. Distributed as dat.besson2016 in the R package metadat.
#
# Outcome: number of entries into the open arms of the elevated plus maze (higher = less anxious).
# Eight studies report it. Several studies compare more than one maternal diet with one shared
# control group; to keep this example free of double counting, only the first comparison listed for
# each study is used. The papers report SEs; SD = SE * sqrt(n) (Cochrane Handbook 6.5.2.2).
#
# Run from the repository root: Rscript resources/examples/make_besson2016_example.R
library(metadat)

d <- dat.besson2016
d <- d[d$measure == "Open_arm_entries", ]
d <- d[!duplicated(d$study_ID), ]

year <- as.integer(sub(".*\\((\\d{4})[a-z]?\\).*", "\\1", d$Reference))
example <- data.frame(
    study = sub(" \\((\\d{4}[a-z]?)\\)", " \\1", d$Reference),
    mean_t = d$exp_mean, sd_t = round(d$exp_se * sqrt(d$exp_n), 4), n_t = d$exp_n,
    mean_c = d$con_mean, sd_c = round(d$con_se * sqrt(d$con_n), 4), n_c = d$con_n,
    species = d$species, strain = d$strain, sex = d$sex,
    manipulation = d$manip_type, diet_period = d$diet_label, year = year
)
write.csv(example, "resources/examples/besson2016-open-arm-entries.csv", row.names = FALSE, quote = TRUE)
