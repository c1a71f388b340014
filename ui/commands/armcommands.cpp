// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/commands/armcommands.h"

#include "core/common/text.h"
#include "ui/commands/rowcommands.h"
#include "ui/commands/setcell.h"
#include "ui/document/document.h"

#include <QCoreApplication>

#include <algorithm>
#include <set>

namespace evident::ui {

QUndoCommand* makeAddArmCommand(Document* document, int outcome, int row) {
    const Project& project = document->project();
    if (outcome < 0 || outcome >= static_cast<int>(project.outcomes.size()))
        return nullptr;
    const Outcome& data = project.outcomes[static_cast<std::size_t>(outcome)];
    if (data.layout != DataLayout::TwoGroupContinuous || row < 0 || row >= static_cast<int>(data.rows.size()))
        return nullptr;
    const OutcomeRow& entry = data.rows[static_cast<std::size_t>(row)];
    const Study* study = project.study(entry.study);

    auto* command = new QUndoCommand(QCoreApplication::translate("Undo Commands", "Add arm to %1")
                                         .arg(study ? QString::fromStdString(study->label) : QString()));
    std::string group(trimmed(entry.controlGroup));
    if (group.empty()) {
        group = "control";
        new SetCellCommand(document, {CellAddress::Kind::RowText, outcome, row, RowField::ControlGroup},
                           group, command);
    }
    std::set<std::string> labels;
    int last = row;
    for (std::size_t r = 0; r < data.rows.size(); ++r)
        if (data.rows[r].study == entry.study) {
            labels.insert(std::string(trimmed(data.rows[r].arm)));
            last = std::max(last, static_cast<int>(r));
        }
    if (trimmed(entry.arm).empty()) {
        labels.insert("Arm 1");
        new SetCellCommand(document, {CellAddress::Kind::RowText, outcome, row, RowField::Arm},
                           std::string("Arm 1"), command);
    }
    int number = 2;
    while (labels.count("Arm " + std::to_string(number)))
        ++number;

    OutcomeRow arm;
    arm.study = entry.study;
    arm.arm = "Arm " + std::to_string(number);
    arm.controlGroup = group;
    arm.treated.dispersion = entry.treated.dispersion;
    arm.shamMean = entry.shamMean; // the same sham group, as a rule
    new InsertRowsCommand(document, outcome, last + 1, {arm}, {}, command);
    return command;
}

} // namespace evident::ui
