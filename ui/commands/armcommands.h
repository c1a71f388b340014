// SPDX-License-Identifier: GPL-3.0-or-later
// Multi-arm studies: a study comparing several treatment arms (EV doses, EVs with and without a
// hydrogel) with one control group has one grid row per arm, linked by a control group id.
#pragma once

class QUndoCommand;

namespace evident::ui {

class Document;

/// "Add Arm to This Study", one undo step: a new row for the study of `row`, after the study's last
/// row, with the same control group id and empty control cells (so it uses the group's numbers), the
/// treated arm's dispersion type and the sham mean of `row`. When `row` has no control group id yet it
/// gets "control", and unlabelled arms get "Arm 1", "Arm 2", ... so the forest plot can tell them apart.
/// Returns nullptr when the row does not exist or the outcome holds precomputed effect sizes.
QUndoCommand* makeAddArmCommand(Document* document, int outcome, int row);

} // namespace evident::ui
