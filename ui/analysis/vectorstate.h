// SPDX-License-Identifier: GPL-3.0-or-later
// Clearing the CPU's upper vector-register state before numeric work.
#pragma once

namespace evident::ui {

/// On x86-64 processors with AVX, some library code (here: Qt's drawing) can leave the upper halves of
/// the vector registers "dirty". SSE-encoded code that runs next (Eigen and Boost in the core) then
/// pays a transition penalty on every instruction: measured here, a 26-study analysis took 8 ms
/// instead of 1.3 ms. VZEROUPPER clears that state (Intel 64 and IA-32 Optimization Reference
/// Manual, "Mixing AVX code with SSE code"). Does nothing elsewhere.
void clearUpperVectorState();

} // namespace evident::ui
