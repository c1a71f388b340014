// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/analysis/vectorstate.h"

namespace evident::ui {

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))

namespace {

// Compiled for AVX only here, and called only when the CPU has AVX (VZEROUPPER is an AVX instruction).
__attribute__((target("avx"))) void zeroUpper() {
    __builtin_ia32_vzeroupper();
}

} // namespace

void clearUpperVectorState() {
    static const bool hasAvx = __builtin_cpu_supports("avx");
    if (hasAvx)
        zeroUpper();
}

#else

void clearUpperVectorState() {}

#endif

} // namespace evident::ui
