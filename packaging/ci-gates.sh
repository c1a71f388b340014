#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Release gates that .ci/run runs after `packaging/build.sh test` (docs/testing.md):
#
#   packaging/ci-gates.sh format     clang-format 14 check of every C++ file in git
#   packaging/ci-gates.sh sanitize   clang build with ASan + UBSan (float-cast-overflow too, no recovery)
#                                    and -Werror; the whole test suite under it (benchmarks off)
#   packaging/ci-gates.sh fuzz       each libFuzzer target (built by `sanitize`) for FUZZ_SECONDS (60)
#   packaging/ci-gates.sh all        the three, in that order
#
# Environment: SANITIZE_BUILD_DIR (default: build-sanitize), JOBS (default: number of cores),
# FUZZ_SECONDS (default: 60), EVIDENT_KILLED_RUNS (default: 3, the killed evident-cli runs per case of
# tst_atomic_writes under the sanitizers; the GCC build runs them all).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
build_dir="${SANITIZE_BUILD_DIR:-$here/build-sanitize}"
jobs="${JOBS:-$(nproc)}"
fuzz_seconds="${FUZZ_SECONDS:-60}"

# Debian 12 packages of the gates (on top of those packaging/build.sh installs).
gate_packages=(clang-14 libclang-rt-14-dev llvm-14 clang-format-14)

install_missing_gate_packages() {
    local missing=()
    for p in "${gate_packages[@]}"; do
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

timed() {
    local start=$SECONDS
    "$@"
    echo "ci-gates: '$1' took $((SECONDS - start)) s"
}

check_format() {
    echo "ci-gates: clang-format check"
    git ls-files -z '*.cpp' '*.h' | xargs -0 clang-format-14 --dry-run --Werror
}

sanitize() {
    echo "ci-gates: sanitizer build in $build_dir"
    local sanitizers="-fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all"
    local launcher=()
    if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
    # -O1 with line tables: quick to build, readable stacks, and asserts stay on (no NDEBUG).
    cmake -S "$here" -B "$build_dir" -G Ninja "${launcher[@]}" \
        -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=None \
        -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only -fno-omit-frame-pointer $sanitizers" \
        -DCMAKE_EXE_LINKER_FLAGS="$sanitizers" \
        -DEVIDENT_BUILD_TESTS=ON -DEVIDENT_BUILD_BENCHMARKS=OFF -DEVIDENT_BUILD_FUZZERS=ON -DEVIDENT_WERROR=ON
    cmake --build "$build_dir" --parallel "$jobs"
    cd "$build_dir"
    # Instrumented code runs several times slower: Qt Test's watchdog (300 s a function by default)
    # gets ctest's 900 s, or tst_atomic_writes can be cut off on a busy machine.
    ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1" \
    LSAN_OPTIONS="suppressions=$here/tests/sanitizers/lsan.supp:print_suppressions=0" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    QT_QPA_PLATFORM=offscreen EVIDENT_KILLED_RUNS="${EVIDENT_KILLED_RUNS:-3}" \
    QTEST_FUNCTION_TIMEOUT=900000 \
        ctest --output-on-failure --parallel "$jobs" --timeout 900
    cd "$here"
}

# Runs one fuzz target from its seed corpus (read only) and a scratch corpus for what it finds.
run_fuzzer() {
    local name="$1" seeds="$2" dict="$3"
    local scratch artifacts="$build_dir/fuzz-artifacts/$name/"
    scratch="$(mktemp -d)"
    mkdir -p "$artifacts"
    echo "ci-gates: $name for $fuzz_seconds s"
    ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
        "$build_dir/tests/fuzz/$name" -max_total_time="$fuzz_seconds" -timeout=10 -rss_limit_mb=2048 \
        -dict="$dict" -artifact_prefix="$artifacts" -print_final_stats=1 "$scratch" "$seeds"
    rm -rf "$scratch"
}

fuzz() {
    if [ ! -x "$build_dir/tests/fuzz/fuzz_csv" ]; then
        echo "ci-gates: the fuzz targets are not built; run '$0 sanitize' first" >&2
        exit 1
    fi
    run_fuzzer fuzz_csv tests/fuzz/corpus/csv tests/fuzz/csv.dict
    run_fuzzer fuzz_projectfile tests/fuzz/corpus/project tests/fuzz/project.dict
}

case "${1:-}" in
format) install_missing_gate_packages; timed check_format ;;
sanitize) install_missing_gate_packages; timed sanitize ;;
fuzz) install_missing_gate_packages; timed fuzz ;;
all)
    install_missing_gate_packages
    timed check_format
    timed sanitize
    timed fuzz
    ;;
*)
    echo "usage: $0 format|sanitize|fuzz|all" >&2
    exit 2
    ;;
esac
