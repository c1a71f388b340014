#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the app icon's PNG sizes from icons/org.evident.Evident.svg into icons/NxN/. The PNGs are
# committed, so building the package needs no SVG renderer; rerun this after editing the SVG.
# Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/icons"
for size in 16 22 24 32 48 64 128 256 512; do
    mkdir -p "${size}x${size}"
    rsvg-convert --width "$size" --height "$size" org.evident.Evident.svg \
        --output "${size}x${size}/org.evident.Evident.png"
done
