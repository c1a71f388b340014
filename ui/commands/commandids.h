// SPDX-License-Identifier: GPL-3.0-or-later
// Ids of undo commands that merge with their successor (QUndoCommand::id()), in one place.
#pragma once

namespace evident::ui {

enum class CommandId {
    NoMerge = -1,
    ChangeValue = 1, ///< ChangeValue<T> with a merge key: repeated changes of one setting
};

} // namespace evident::ui
