#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One-command setup for Evident on Debian 12 (bookworm).
#
#   packaging/build.sh run    install what is missing, build, open the bundled example in the app
#                             (with no display: analyse it headless and write figures and reports)
#   packaging/build.sh test   install what is missing, build, run the whole test suite
#
# Environment: BUILD_DIR (default: build), JOBS (default: number of cores).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mode="${1:-}"
build_dir="${BUILD_DIR:-$here/build}"
jobs="${JOBS:-$(nproc)}"

# Debian packages the build, the tests and the figures need. Nothing else is downloaded.
packages=(
    g++ make cmake ninja-build pkg-config
    qt6-base-dev libqt6svg6-dev libqcustomplot-dev
    libeigen3-dev libboost-dev libbenchmark-dev
    fonts-dejavu-core fonts-liberation2
    # Qt's TIFF (and WebP) image plugins: figure export writes TIFF, which many journals ask for,
    # and qt6-base alone has no TIFF writer.
    qt6-image-formats-plugins
)

install_missing_packages() {
    local missing=()
    for p in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing Debian packages: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

configure_and_build() {
    cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
    cmake --build "$build_dir" --parallel "$jobs"
}

has_display() {
    [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]
}

case "$mode" in
run)
    install_missing_packages
    configure_and_build -DEVIDENT_BUILD_TESTS=OFF -DEVIDENT_BUILD_BENCHMARKS=OFF
    example="$here/resources/examples/ev-intrauterine-adhesions.evident"
    if has_display; then
        echo "Opening the bundled example in Evident: $example"
        exec "$build_dir/app/evident" "$example"
    fi
    out="$here/out/example"
    echo "No display: analysing the bundled example headless ($example)."
    "$build_dir/app/evident-cli" report "$example" --out "$out"
    echo "The report, results and figures are in $out"
    ;;
test)
    install_missing_packages
    configure_and_build -DEVIDENT_BUILD_TESTS=ON -DEVIDENT_BUILD_BENCHMARKS=ON
    cd "$build_dir"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$jobs" --timeout 600
    ;;
*)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
