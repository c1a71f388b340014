#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the example figures of docs/figures.md with evident-cli (headless).
#   docs/figures/render_examples.sh [build-dir]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cli="${1:-$here/build}/app/evident-cli"
out="$here/docs/figures"
besson="$here/resources/examples/besson2016-open-arm-entries.csv"
synthetic="$out/synthetic-32-studies.csv"
render() { "$cli" render "$@" --dpi 300; }

render "$besson" --figure forest --out "$out/besson-forest-smd.png"
render "$besson" --figure forest --measure MD --subgroup manipulation --out "$out/besson-forest-md-subgroups.png"
render "$besson" --figure funnel --out "$out/besson-funnel.png"
render "$besson" --figure tsa --mre 0.5 --tsa-order year --out "$out/besson-tsa.png"
render "$besson" --figure forest --width-mm 85 --out "$out/besson-forest-85mm.png"

# The bundled project (one row without SDs is left out, with a note).
ev="$here/resources/examples/ev-intrauterine-adhesions.evident"
render "$ev" --figure forest --width-mm 85 --out "$out/ev-forest-85mm.png"
render "$ev" --figure cumulative --width-mm 85 --out "$out/ev-cumulative-85mm.png"
render "$ev" --figure leave-one-out --out "$out/ev-leave-one-out.png"

render "$synthetic" --figure forest --lower-is-better --subgroup species --out "$out/synthetic-forest-subgroups.png"
render "$synthetic" --figure forest --lower-is-better --measure ROM --out "$out/synthetic-forest-rom.png"
render "$synthetic" --figure funnel --lower-is-better --out "$out/synthetic-funnel.png"
render "$synthetic" --figure tsa --lower-is-better --mre 0.4 --futility --tsa-order year \
    --out "$out/synthetic-tsa-futility.png"
render "$synthetic" --figure funnel --width-mm 85 --out "$out/synthetic-funnel-85mm.png"

# Risk of bias (SYRCLE): illustrative judgements of 16 synthetic studies (make_synthetic_rob_example.R).
rob="$out/synthetic-rob-16-studies.csv"
render "$rob" --figure forest --rob --out "$out/forest-risk-of-bias.png"
render "$rob" --figure forest --rob --width-mm 85 --out "$out/forest-risk-of-bias-85mm.png"
render "$rob" --figure rob-summary --out "$out/risk-of-bias-summary.png"
render "$rob" --figure rob-summary --width-mm 85 --out "$out/risk-of-bias-summary-85mm.png"
render "$rob" --figure rob-traffic-light --out "$out/risk-of-bias-traffic-light.png"
render "$rob" --figure rob-traffic-light --width-mm 85 --out "$out/risk-of-bias-traffic-light-85mm.png"
