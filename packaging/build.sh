#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One-command setup for Evident on Debian 12 (bookworm).
#
#   packaging/build.sh run      install what is missing, build, open the bundled example in the app
#                               (with no display: analyse it headless and write figures and reports)
#   packaging/build.sh test     install what is missing, build, run the whole test suite
#   packaging/build.sh package  install what is missing, build, make a .deb with CPack (not run in CI)
#   packaging/build.sh missing-packages run|test|package
#                               print the Debian packages that mode would install (none: exit 0)
#
# apt-get is called only when a package is missing, so a set-up machine needs neither the network
# nor sudo. Environment: BUILD_DIR (default: build), JOBS (default: number of cores),
# EVIDENT_BUILD_BENCHMARKS (test: default ON; .ci/run turns it OFF to save time).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mode="${1:-}"
build_dir="${BUILD_DIR:-$here/build}"
jobs="${JOBS:-$(nproc)}"

# Debian packages (real package names: dpkg-query never reports a virtual one as installed) that the
# build and the figures need. Nothing else is downloaded.
build_packages=(
    g++ make cmake ninja-build pkg-config
    qt6-base-dev qt6-svg-dev libqcustomplot-dev
    libeigen3-dev libboost-dev libbenchmark-dev
    fonts-dejavu-core fonts-liberation2
    # Qt's TIFF (and WebP) image plugins: figure export writes TIFF, which many journals ask for,
    # and qt6-base alone has no TIFF writer.
    qt6-image-formats-plugins
)
# What the tests use besides: pdftoppm draws exported PDFs back; the validators check the desktop
# files and the man page (packaging/check-install.sh).
test_packages=(poppler-utils desktop-file-utils appstream shared-mime-info groff-base man-db)
# What CPack's DEB generator uses: dpkg-shlibdeps computes Depends, file finds the binaries.
package_packages=(dpkg-dev file)

packages_for() {
    case "$1" in
    run) echo "${build_packages[@]}" ;;
    test) echo "${build_packages[@]}" "${test_packages[@]}" ;;
    package) echo "${build_packages[@]}" "${package_packages[@]}" ;;
    *)
        echo "usage: $0 missing-packages run|test|package" >&2
        exit 2
        ;;
    esac
}

# A package waiting for another package's trigger (while some apt run is busy) is installed all the same.
missing_packages() {
    local p list
    list="$(packages_for "$1")" || exit 2
    for p in $list; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null \
            | grep -Eq "^install ok (installed|triggers-pending|triggers-awaited)$"; then
            echo "$p"
        fi
    done
}

install_missing_packages() {
    local missing
    missing="$(missing_packages "$1")" || exit 2
    [ -z "$missing" ] && return 0
    echo "Installing missing Debian packages:" $missing
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -q
    # shellcheck disable=SC2086 # one word per package
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
}

configure_and_build() {
    local launcher=()
    # A rebuild after a small change takes seconds with ccache, when the machine has it.
    if command -v ccache > /dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
    cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" "$@"
    cmake --build "$build_dir" --parallel "$jobs"
}

# Debian's hardening flags for the package's binaries (fortified functions, stack protector, full
# RELRO with immediate binding), as dpkg-buildflags gives them to Debian's own packages.
hardening_flags() {
    export DEB_BUILD_MAINT_OPTIONS=hardening=+all
    echo "-DCMAKE_CXX_FLAGS=$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
    echo "-DCMAKE_EXE_LINKER_FLAGS=$(dpkg-buildflags --get LDFLAGS)"
}

has_display() {
    [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]
}

case "$mode" in
run)
    install_missing_packages run
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
    install_missing_packages test
    configure_and_build -DEVIDENT_BUILD_TESTS=ON -DEVIDENT_BUILD_BENCHMARKS="${EVIDENT_BUILD_BENCHMARKS:-ON}"
    cd "$build_dir"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$jobs" --timeout 600
    ;;
package)
    install_missing_packages package
    # The same build as `run` (RelWithDebInfo; CPack strips the binaries), without tests, hardened.
    mapfile -t hardening < <(hardening_flags)
    configure_and_build -DEVIDENT_BUILD_TESTS=OFF -DEVIDENT_BUILD_BENCHMARKS=OFF "${hardening[@]}"
    rm -f "$build_dir"/package/evident_*.deb
    (cd "$build_dir" && cpack -G DEB -B "$build_dir/package")
    deb="$(echo "$build_dir"/package/evident_*.deb)"
    echo "The package: $deb"
    dpkg-deb --field "$deb" Package Version Depends
    echo "To install it in a clean Debian 12 root and open the example there: packaging/check-deb-in-chroot.sh $deb"
    ;;
missing-packages)
    missing="$(missing_packages "${2:-}")" || exit 2
    [ -z "$missing" ] && exit 0
    echo "$missing"
    exit 1
    ;;
*)
    echo "usage: $0 run|test|package|missing-packages MODE" >&2
    exit 2
    ;;
esac
